"""Read a text or Markdown report whose tables are written as HTML ``<table>`` blocks.

PDF-to-Markdown converters (MinerU and its kin) write a table with merged cells as HTML —
``<table><tr><td rowspan="22">三、本年度办理结果</td>…`` — among Markdown headings and
prose, since a pipe table cannot merge cells. Read as plain text, those blocks are markup,
and all three tables were lost. Here the prose keeps its lines, as any text report's, and
each ``<table>`` block is read as the web page reader reads a table: one TAB-separated
line per row, with the grid the parser needs to put each value under its header
(rowspan, colspan). Every character still leads back to its line and column in the file.

Each block is given to the web page reader in a copy of the file in which everything
before the block is blanked (spaces, the line ends kept): the reader's offsets are then
the file's own, and nothing outside the block is read as markup (a ``<br>`` in the prose
stays text, as in any text report).
"""

from __future__ import annotations

import re

from xxgk_lint.sources.html import _Extractor, parse_page
from xxgk_lint.sources.html_source import SourceCursor, count_cells, line_starts
from xxgk_lint.sources.limits import Limits, over
from xxgk_lint.sources.model import GridRow, Source, TextBuilder

__all__ = ["read_text_with_tables"]

#: A table block: from ``<table`` to its ``</table>`` (the converters write no table
#: inside a table; a ``<table`` never closed is no block: a word in a sentence).
_BLOCK = re.compile(r"<table(?![^\s>])[^<]*>.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_NOT_NEWLINE = re.compile(r"[^\n]")


def read_text_with_tables(path: str, text: str, encoding: str, limits: Limits) -> Source | None:
    """The report in ``text`` with its ``<table>`` blocks read as tables; None if it has
    no such block (``<table`` only in a sentence)."""
    blocks = [match.span() for match in _BLOCK.finditer(text)]
    if not blocks:
        return None
    cells = count_cells(text, limits.max_cells)
    if cells > limits.max_cells:
        raise over("max-cells", limits.max_cells, f"{cells} table cells")
    lines = text.split("\n")
    builder = TextBuilder(
        max_lines=limits.max_lines, line_starts=line_starts(lines), source_length=len(text)
    )
    grid: dict[int, GridRow] = {}
    tables = 0
    at = 0
    for start, end in blocks:
        _add_text(builder, text, at, start)
        tables = _add_table(builder, text, start, end, limits, tables, grid)
        at = end
    _add_text(builder, text, at, len(text))
    extracted, positions = builder.build()
    return Source(
        path=path,
        kind="text",
        encoding=encoding,
        text=extracted,
        positions=positions,
        original_lines=tuple(lines),
        grid=grid,
    )


def _add_text(builder: TextBuilder, text: str, start: int, end: int) -> None:
    """The lines of ``text[start:end]`` as they are (a piece of a line before or after a
    block is a line of its own)."""
    if start >= end:
        return
    at = start
    for line in text[start:end].split("\n"):
        builder.add_at(line, at)
        builder.newline()
        at += len(line) + 1


def _add_table(
    builder: TextBuilder,
    text: str,
    start: int,
    end: int,
    limits: Limits,
    tables: int,
    grid: dict[int, GridRow],
) -> int:
    """Add the lines of the table block ``text[start:end]`` and their grid (its tables
    numbered from ``tables``); return the number of tables read so far."""
    page = _NOT_NEWLINE.sub(" ", text[:start]) + text[start:end]
    cursor = SourceCursor(page, page.split("\n"))
    encoded = page.encode("utf-8")
    root = parse_page(encoded)
    if root is None:
        return tables
    extractor = _Extractor(cursor, builder, limits)
    extractor.tables = tables
    extractor.run(root, encoded)
    grid.update(extractor.grid)
    return extractor.tables
