"""Load the Lark grammar and turn report text into a document of classified lines.

The grammar ships inside the package (``xxgk_lint.grammar/report.lark``; in a source
checkout that package is the top-level ``grammar/`` folder). The compiled LALR tables are
cached by Lark in the temporary directory, so start-up pays for grammar analysis once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.resources import files

from lark import Lark, Token, Transformer

from xxgk_lint.parse.lexer import CellSplitter, CellToken, LineLexer


@dataclass(slots=True)
class Line:
    """One non-blank line of the report, as the grammar classified it."""

    kind: str  # HEADING, TITLE, ROW, TEXT, SENTENCE
    text: str
    line: int
    column: int
    end_column: int

    @property
    def cells(self) -> list[CellToken]:
        """The cells of a ROW line (split on demand: only table regions need them)."""
        return get_parser().splitter.split(self.text, self.column)


@dataclass(slots=True)
class RawSection:
    heading: Line | None
    lines: list[Line]


@dataclass(slots=True)
class Document:
    """The parse tree reduced to what the template mapper needs."""

    preamble: list[Line]
    sections: list[RawSection]

    def all_lines(self) -> list[Line]:
        lines = list(self.preamble)
        for section in self.sections:
            if section.heading is not None:
                lines.append(section.heading)
            lines.extend(section.lines)
        return lines


def grammar_text() -> str:
    return (files("xxgk_lint.grammar") / "report.lark").read_text(encoding="utf-8")


class _ToDocument(Transformer):
    """Called by the LALR parser on each reduction (no intermediate tree is built)."""

    @staticmethod
    def _line(token: Token) -> Line:
        return Line(token.type, str(token), token.line, token.column, token.end_column)

    def heading(self, children: list[Token]) -> Line:
        return self._line(children[0])

    def title(self, children: list[Token]) -> Line:
        return self._line(children[0])

    def paragraph(self, children: list[Token]) -> Line:
        return self._line(children[0])

    def table(self, children: list[Token]) -> list[Line]:
        line = self._line
        return [line(token) for token in children]

    @staticmethod
    def _flatten(children: list) -> list[Line]:
        lines: list[Line] = []
        for child in children:
            if isinstance(child, list):
                lines.extend(child)
            elif isinstance(child, Line):
                lines.append(child)
        return lines

    def preamble(self, children: list) -> list[Line]:
        return self._flatten(children)

    def section(self, children: list) -> RawSection:
        return RawSection(children[0], self._flatten(children[1:]))

    def start(self, children: list) -> Document:
        return Document(children[0], list(children[1:]))


@dataclass(frozen=True)
class ReportParser:
    lark: Lark
    splitter: CellSplitter

    def parse(self, text: str) -> Document:
        return self.lark.parse(text, start="start")


@functools.cache
def get_parser() -> ReportParser:
    """Build (once per process) the LALR parser; the tables come from Lark's cache."""
    text = grammar_text()
    options = {"parser": "lalr", "lexer": LineLexer, "start": ["start", "cells"]}
    transformer = _ToDocument()
    try:
        lark = Lark(text, cache=True, transformer=transformer, **options)
    except OSError:  # an unwritable temporary directory: build without the cache
        lark = Lark(text, transformer=transformer, **options)
    return ReportParser(lark, CellSplitter(lark.terminals))
