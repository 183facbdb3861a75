"""Parsing: Source → Report AST (grammar, template mapping, metadata)."""

from __future__ import annotations

from pathlib import Path

from xxgk_lint.parse.ast import (
    Cell,
    Number,
    Paragraph,
    Period,
    Report,
    Row,
    Section,
    Sentence,
    Span,
    Table,
)
from xxgk_lint.parse.builder import NotAReportError, parse_source
from xxgk_lint.sources import read_source

__all__ = [
    "Cell",
    "NotAReportError",
    "Number",
    "Paragraph",
    "Period",
    "Report",
    "Row",
    "Section",
    "Sentence",
    "Span",
    "Table",
    "parse_path",
    "parse_source",
]


def parse_path(path: str | Path) -> Report:
    """Read and parse one file (raises InputError when it cannot be read as a report)."""
    return parse_source(read_source(path))
