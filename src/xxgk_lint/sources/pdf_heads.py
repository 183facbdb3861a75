"""A table's columns as its head shows them: where to put a row's blank cell.

A row with a blank cell is laid out under a fuller row of its table, or by its gaps when
its columns are of one width (:mod:`pdf`). A table whose every row has a blank cell, or
whose one row (表四) has one, in columns of unequal width (a web page printed by a
browser, which sizes its columns by their labels) has neither; but the head above it
stands over its columns: each column's label (its pieces, possibly one per line: "结果维"
over "持") is over the column's cells, and a label spanning several columns (行政诉讼)
is over the labels of all of them.

So the pieces of text of the lines above a table's first row, up to the prose before the
table, are put together into columns: narrowest first, a piece over one column already
found widens it, a piece over none starts a new one, and a piece over two or more spans
them and is left out. A row's cells are laid under those columns right of the widest row
label of the table (the labels' column and the head above it are no column of numbers),
each cell over exactly one column and in order; anything else (a cell under no column's
label, or under two) is not known and the row is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from xxgk_lint.sources.pdf_order import Box

__all__ = ["Columns", "heads", "slots_by_head"]

#: A column as its head shows it: the left and right x of its label's pieces.
Column = tuple[float, float]
#: A table head's columns, left to right, and the x right of which they hold numbers.
Columns = tuple[list[Column], float]

#: A line that ends the lines looked at above a table: prose (a sentence's end, or the
#: colon before a table) or a section's heading (三、收到和处理政府信息公开申请情况).
_PROSE = re.compile(r"[。；]|[：:]\s*$|^\s*[一二三四五六七八九十]{1,2}、.*(?:情况|事项)")
#: How many lines above a table's first row are looked at, at most.
_HEAD_LINES = 40
#: How far (points) a cell may reach past its column's label and still be under it.
_SLACK = 1.5
_PIECE = re.compile(r"\S+")


class _Cell(Protocol):
    left: float
    right: float


_C = TypeVar("_C", bound=_Cell)


def heads(
    lines: Sequence[str],
    starts: Sequence[int],
    labels: dict[int, int],
    charbox: Callable[[int], Box],
) -> dict[int, Columns]:
    """The head's columns of each row of a page's tables, by the row's line.

    ``labels`` gives the page's rows of numbers, each its line's number and its label's
    end in the line (0 for none). A table is its rows from the first after prose
    (:data:`_PROSE`) to the next prose, with the lines of labels between them; its head
    is above its first row (:func:`head_columns`), and its numbers right of its widest
    row label.
    """
    found: dict[int, Columns] = {}
    table: list[int] = []
    for number, line in enumerate(lines):
        if number in labels:
            table.append(number)
        elif table and _PROSE.search(line):
            found |= _table_heads(lines, starts, labels, charbox, table)
            table = []
    if table:
        found |= _table_heads(lines, starts, labels, charbox, table)
    return found


def _table_heads(
    lines: Sequence[str],
    starts: Sequence[int],
    labels: dict[int, int],
    charbox: Callable[[int], Box],
    table: list[int],
) -> dict[int, Columns]:
    """The head's columns of one table's rows (``table``: their lines), if it has any."""
    columns = head_columns(lines, starts, table[0], charbox)
    if not columns:
        return {}
    right = max(
        (charbox(starts[number] + labels[number] - 1)[2] for number in table if labels[number]),
        default=0.0,
    )
    return dict.fromkeys(table, (columns, right))


def head_columns(
    lines: Sequence[str], starts: Sequence[int], first: int, charbox: Callable[[int], Box]
) -> list[Column]:
    """The columns of the head over a table whose first row is line ``first`` of a page
    (``lines``, each starting at ``starts`` in the page's text; ``charbox`` by that
    index): the lines above it, up to prose (:data:`_PROSE`), put together into columns.
    Only a page's tables pay for it: a box for each piece's first and last character."""
    pieces: list[Column] = []
    for number in range(first - 1, max(-1, first - 1 - _HEAD_LINES), -1):
        line = lines[number]
        if _PROSE.search(line):
            break
        start = starts[number]
        for match in _PIECE.finditer(line):
            left = charbox(start + match.start())[0]
            right = charbox(start + match.end() - 1)[2]
            if right > left:
                pieces.append((left, right))
    return _columns(pieces)


def _columns(pieces: list[Column]) -> list[Column]:
    """Pieces of a head put together into columns, narrowest first: a piece over one
    column widens it, over none starts one, over two or more spans them (left out)."""
    columns: list[Column] = []
    for left, right in sorted(pieces, key=lambda piece: piece[1] - piece[0]):
        over = [k for k, (a, b) in enumerate(columns) if left < b and right > a]
        if not over:
            columns.append((left, right))
        elif len(over) == 1:
            a, b = columns[over[0]]
            columns[over[0]] = (min(a, left), max(b, right))
    return sorted(columns)


def slots_by_head(cells: Sequence[_C], columns: Columns) -> list[_C | None] | None:
    """The cells under the head's columns (those right of its rows' labels), None where a
    column has no cell; None if the head has no more columns than the row has cells, or
    a cell is not under exactly one column, in order."""
    found, labels = columns
    found = [column for column in found if column[0] >= labels - _SLACK]
    if len(found) <= len(cells):
        return None
    slots: list[_C | None] = [None] * len(found)
    at = 0
    for cell in cells:
        over = [
            k
            for k, (left, right) in enumerate(found)
            if cell.left < right + _SLACK and cell.right > left - _SLACK
        ]
        if len(over) != 1 or over[0] < at:
            return None
        slots[over[0]] = cell
        at = over[0] + 1
    return slots
