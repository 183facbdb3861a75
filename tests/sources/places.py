"""Where a place in a source's text stands in the original file, as tests compare it."""

from __future__ import annotations

from xxgk_lint.sources.model import Source


def place(source: Source, line: int, column: int) -> tuple[int, int]:
    """The original file's (line, column) of ``source``'s text at (``line``, ``column``)."""
    origin = source.origin(line, column)
    return origin.line, origin.column
