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
from typing import NamedTuple, Protocol, TypeVar

from xxgk_lint.sources.pdf_order import Box

__all__ = ["Columns", "Going", "ending", "heads", "slots_by_head"]

#: A column as its head shows it: the left and right x of its label's pieces.
Column = tuple[float, float]
#: A table head's columns, left to right, and the x right of which they hold numbers.
Columns = tuple[list[Column], float]


class Going(NamedTuple):
    """What a page leaves the next of a table it ends in: the head's columns of the
    table whose rows it ends in, or the pieces of the head it ends in (the lines after
    its last prose, no row among them: the table's rows are all on the next page, and
    some of the head's labels may be too)."""

    columns: Columns | None
    pieces: list[Column]


#: A line that ends the lines looked at above a table: prose (a sentence's end, or the
#: colon before a table) or a section's heading (三、收到和处理政府信息公开申请情况).
_PROSE = re.compile(r"[。；]|[：:]\s*$|^\s*[一二三四五六七八九十]{1,2}、.*(?:情况|事项)")
#: How many lines above a table's first row are looked at, at most.
_HEAD_LINES = 40
#: How far (points) a cell may reach past its column's label and still be under it.
_SLACK = 1.5
_PIECE = re.compile(r"\S+")
#: A piece that ends a Latin word (its punctuation after it), and one that starts one:
#: the words of a phrase, a space apart.
_WORD_END = re.compile(r"[A-Za-z][,.;:!?)]?$")
_WORD_START = re.compile(r"\(?[A-Za-z]")
#: The widest gap between two words of a phrase, in their characters' heights: a space
#: (a quarter to a third of a character's height); a head's labels stand farther apart
#: (each in its own cell, between the cells' padding).
_SPACE = 0.45
#: A digit: a line with one at a page's end is no head's (a page number, a date).
_DIGIT = re.compile(r"[0-9０-９]")


class _Cell(Protocol):
    left: float
    right: float


_C = TypeVar("_C", bound=_Cell)


def heads(
    lines: Sequence[str],
    starts: Sequence[int],
    rows: dict[int, tuple[int, int]],
    charbox: Callable[[int], Box],
    going_on: Going | None = None,
) -> tuple[dict[int, Columns], Going | None]:
    """The head's columns of each row of a page's tables, by the row's line, and what
    the page leaves the next of the table it ends in (:class:`Going`; None if prose ends
    it).

    ``rows`` gives the page's rows of numbers, each its line's number to its label's end
    in the line (0 for none) and its count of cells. A table is its rows from the first
    after prose (:data:`_PROSE`) to the next prose, with the lines of labels between
    them; its head is above its first row (:func:`head_columns`), and its numbers right
    of its widest row label. A table the page starts with (no prose above it) whose head
    is not on the page goes on from the last page's (``going_on``): a page break cut it;
    a head the last page ended in has its pieces put with the page's own (a label
    spanning a head's rows stays on the page its first row is on: a browser printing a
    table cut in its head puts the other labels on the next page).
    """
    found: dict[int, Columns] = {}
    table: list[int] = []
    first = True  # (no prose yet on the page: its first table may go on from the last)
    for number, line in enumerate(lines):
        if number in rows:
            table.append(number)
        elif _PROSE.search(line):
            if table:
                found |= _table_heads(
                    lines, starts, rows, charbox, table, going_on if first else None
                )
                table = []
            first = False
    if not table:
        return found, ending(lines, starts, charbox)
    found |= _table_heads(lines, starts, rows, charbox, table, going_on if first else None)
    columns = found.get(table[-1])
    return found, Going(columns, []) if columns else None


def _table_heads(
    lines: Sequence[str],
    starts: Sequence[int],
    rows: dict[int, tuple[int, int]],
    charbox: Callable[[int], Box],
    table: list[int],
    going_on: Going | None,
) -> dict[int, Columns]:
    """The head's columns of one table's rows (``table``: their lines), if it has any:
    its own (with the pieces of its head the last page ended in), or those of the table
    it goes on from (``going_on``) where its own have no more columns than its fullest
    row has cells."""
    pieces = head_pieces(lines, starts, table[0], charbox)
    if going_on is not None:
        pieces += going_on.pieces
    columns = _columns(pieces)
    right = max(
        (charbox(starts[number] + rows[number][0] - 1)[2] for number in table if rows[number][0]),
        default=0.0,
    )
    if going_on is not None and going_on.columns is not None:
        own = sum(column[0] >= right - _SLACK for column in columns)
        if own <= max(rows[number][1] for number in table):
            return dict.fromkeys(table, going_on.columns)
    return dict.fromkeys(table, (columns, right)) if columns else {}


def head_columns(
    lines: Sequence[str], starts: Sequence[int], first: int, charbox: Callable[[int], Box]
) -> list[Column]:
    """The columns of the head over a table whose first row is line ``first`` of a page
    (``lines``, each starting at ``starts`` in the page's text; ``charbox`` by that
    index): the lines above it, up to prose (:data:`_PROSE`), put together into columns.
    Only a page's tables pay for it: a box for each piece's first and last character."""
    return _columns(head_pieces(lines, starts, first, charbox))


def head_pieces(
    lines: Sequence[str], starts: Sequence[int], first: int, charbox: Callable[[int], Box]
) -> list[Column]:
    """The pieces of the lines above line ``first``, up to prose (see
    :func:`head_columns`)."""
    return _pieces(lines, starts, range(first - 1, max(-1, first - 1 - _HEAD_LINES), -1), charbox)


def ending(
    lines: Sequence[str], starts: Sequence[int], charbox: Callable[[int], Box]
) -> Going | None:
    """What a page that ends in no row leaves the next: the pieces of the lines it ends
    in after its last prose (a head whose rows are on the next page), lines with a digit
    left out (a page number, a date: the page's furniture); None if there are none. A
    page ending in prose costs a search of its last lines."""
    numbers = range(len(lines) - 1, max(-1, len(lines) - 1 - _HEAD_LINES), -1)
    pieces = _pieces(lines, starts, numbers, charbox, skip=_DIGIT)
    return Going(None, pieces) if pieces else None


def _pieces(
    lines: Sequence[str],
    starts: Sequence[int],
    numbers: range,
    charbox: Callable[[int], Box],
    skip: re.Pattern[str] | None = None,
) -> list[Column]:
    """The pieces of the lines at ``numbers`` (in that order) up to the first of prose;
    lines ``skip`` finds a match in are passed over. The words of a phrase in Latin
    letters, a space apart, are one piece: a line of prose in a report written in them
    (a sentence with no full stop before the table) spans the head's columns and is left
    out, where its words made columns of their own."""
    pieces: list[Column] = []
    for number in numbers:
        line = lines[number]
        if _PROSE.search(line):
            break
        if skip is not None and skip.search(line):
            continue
        start = starts[number]
        word = False  # whether the line's last piece ends a word
        for match in _PIECE.finditer(line):
            left, bottom, _, top = charbox(start + match.start())
            right = charbox(start + match.end() - 1)[2]
            if right <= left:
                continue
            piece = match.group()
            if word and _WORD_START.match(piece) and left - pieces[-1][1] < _SPACE * (top - bottom):
                pieces[-1] = (pieces[-1][0], right)  # the next word of a phrase: one piece
            else:
                pieces.append((left, right))
            word = _WORD_END.search(piece) is not None
    return pieces


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
    a cell is not under exactly one column (:func:`_under`), in order."""
    found, labels = columns
    found = [column for column in found if column[0] >= labels - _SLACK]
    if len(found) <= len(cells):
        return None
    slots: list[_C | None] = [None] * len(found)
    at = 0
    for cell in cells:
        over = _under(cell, found)
        if len(over) != 1 or over[0] < at:
            return None
        slots[over[0]] = cell
        at = over[0] + 1
    return slots


def _under(cell: _Cell, columns: list[Column]) -> list[int]:
    """The columns a cell is under: those its centre is under, if one; else those it
    reaches into. (A label spanning columns may have widened one column over the edge
    of the next: a cell's centre tells; a number set right, in a column wider than its
    label, may stand past the label's end: it reaches into it.)"""
    centre = (cell.left + cell.right) / 2
    over = [
        k for k, (left, right) in enumerate(columns) if left - _SLACK <= centre <= right + _SLACK
    ]
    if len(over) == 1:
        return over
    return [
        k
        for k, (left, right) in enumerate(columns)
        if cell.left < right + _SLACK and cell.right > left - _SLACK
    ]
