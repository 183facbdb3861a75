"""Template mapping: assign the cells of a table region to canonical rows and columns.

The layout (``|``, tabs, one cell per line, PDF text) decides nothing here. A region is
flattened into a stream of items — text, numbers, placeholders and empty cells — in
reading order. Text items before a run of values form that run's label; the label is
matched against the template's rows (from the row expected next, allowing rows that are
left out), preferring the text nearest the numbers (a sub-label such as 1.属于国家秘密
after its group label （三）不予公开, or a label broken around its numbers). The run of
values then fills the row's columns; when there are more candidate cells than columns
(padding ``||``, empty cells from merged headers), the window with the most filled cells
is taken, so that a real blank (a cell left empty) keeps its column.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from xxgk_lint.parse.ast import Cell, Deviation, Row, Span, Table
from xxgk_lint.parse.grammar import Line, get_parser
from xxgk_lint.parse.labels import normalise
from xxgk_lint.parse.template import HEADER_WORDS, REVIEW_COLUMNS, REVIEWS, TableSpec

TEXT, NUMBER, PLACEHOLDER, EMPTY = "T", "N", "P", "E"


class Item(NamedTuple):
    """One cell-sized piece of a table region (a NamedTuple: built by the thousand)."""

    kind: str
    text: str
    line: int
    column: int
    end_column: int
    norm: str = ""
    #: Which cell of its line this is (separators before it); -1 for a whole text line.
    cell: int = -1

    def span(self) -> Span:
        return Span(self.line, self.column, self.line, self.end_column)


def items_of(lines: Iterable[Line]) -> list[Item]:
    """Flatten lines into items, splitting ROW lines with the grammar's cell terminals.

    An empty cell is emitted between two separators, after the line's first content. This
    is the hottest loop of the parser: a line that uses a single kind of separator and has
    no blank inside a cell is cut with ``str.split`` (:func:`_row_items_fast`); any other
    line goes through the grammar's cell alternation (:func:`row_items`). The two give
    identical items (tested on every fixture line).
    """
    items: list[Item] = []
    for line in lines:
        if line.kind != "ROW":
            text = line.text
            items.append(Item(TEXT, text, line.line, line.column, line.end_column, normalise(text)))
            continue
        fast = _row_items_fast(line)
        items.extend(fast if fast is not None else row_items(line))
    return items


_INNER_BLANK = re.compile(r"\s")


def _row_items_fast(line: Line) -> list[Item] | None:
    """Items of a ``|``- or tab-separated line by ``str.split``; None if it needs the regex."""
    text = line.text
    if text.isascii() and text.isdigit():  # a lone number (one cell per line)
        return [Item(NUMBER, text, line.line, line.column, line.column + len(text), "", 0)]
    has_pipe, has_tab = "|" in text, "\t" in text
    if has_pipe == has_tab or "｜" in text:
        return None
    splitter = get_parser().splitter
    number_re, placeholder_re = splitter.number, splitter.placeholder
    base, number = line.column, line.line
    out: list[Item] = []
    position = 0
    seen = False
    pieces = text.split("|" if has_pipe else "\t")
    last = len(pieces) - 1
    search_blank = _INNER_BLANK.search
    for index, piece in enumerate(pieces):
        size = len(piece)
        stripped = piece.strip()
        if stripped:
            if stripped.isdigit() and stripped.isascii():
                kind, norm = NUMBER, ""
            elif search_blank(stripped):
                return None
            elif number_re.fullmatch(stripped):
                kind, norm = NUMBER, ""
            elif placeholder_re.fullmatch(stripped):
                kind, norm = PLACEHOLDER, ""
            else:
                kind, norm = TEXT, normalise(stripped)
            start = base + position + size - len(piece.lstrip())
            out.append(Item(kind, stripped, number, start, start + len(stripped), norm, index))
            seen = True
        elif seen and 0 < index < last:
            at = base + position + size  # where the next separator stands
            out.append(Item(EMPTY, "", number, at, at, "", index))
        position += size + 1
    return out


def row_items(line: Line) -> list[Item]:
    """Items of a ROW line by the grammar's cell terminals (the reference splitting)."""
    finditer = get_parser().splitter.pattern.finditer
    text, number, base = line.text, line.line, line.column
    out: list[Item] = []
    separators = 0
    previous_was_separator = False
    seen_content = False  # leading empty cells are indentation, and often lost anyway
    for match in finditer(text):
        kind = match.lastgroup
        if kind == "BLANK":
            continue
        start, end = match.span()
        if kind == "CELL_SEP":
            if previous_was_separator and seen_content:
                separator = match.group()
                at = base + start + next(i for i, c in enumerate(separator) if c in "|｜\t")
                out.append(Item(EMPTY, "", number, at, at, "", separators))
            separators += 1
            previous_was_separator = True
            continue
        previous_was_separator = False
        seen_content = True
        value = match.group()
        if kind == "NUMBER":
            out.append(Item(NUMBER, value, number, base + start, base + end, "", separators))
        elif kind == "PLACEHOLDER":
            out.append(Item(PLACEHOLDER, value, number, base + start, base + end, "", separators))
        else:
            out.append(
                Item(TEXT, value, number, base + start, base + end, normalise(value), separators)
            )
    return out


def parse_number(text: str) -> int | Decimal | None:
    """Read a printed number: full-width digits, thousands separators, a decimal point."""
    if text.isascii() and text.isdigit():
        return int(text)
    folded = unicodedata.normalize("NFKC", text).replace(",", "").replace("−", "-")
    try:
        if "." in folded:
            return Decimal(folded)
        return int(folded)
    except (ValueError, InvalidOperation):
        return None


def make_cell(column: str, item: Item) -> Cell:
    span = Span(item.line, item.column, item.line, item.end_column)
    if item.kind == NUMBER:
        value = parse_number(item.text)
        return Cell(column, item.text, value, "number" if value is not None else "text", span)
    if item.kind == PLACEHOLDER:
        return Cell(column, item.text, None, "placeholder", span)
    if item.kind == TEXT:
        return Cell(column, item.text, None, "text", span)
    return Cell(column, item.text, None, "blank", span)


def choose_window(
    values: Sequence[Item],
    width: int,
    gap_hint: int | None,
    history: Sequence[Sequence[Item]] = (),
) -> int | None:
    """Start index of the ``width`` cells to use, or None if there are too few.

    The window with the most filled cells wins. Ties (a real blank next to padding) are
    broken by the grid: the cell positions at which the complete one-line rows seen so far
    (``history``) hold each column; then by the gap before the values in the last complete
    row. The grid is built only when a tie needs it.
    """
    if len(values) < width:
        return None
    if len(values) == width:
        return 0
    best: list[int] = []
    best_score = -1
    filled = [v.kind != EMPTY for v in values]
    for start in range(len(values) - width + 1):
        score = filled[start : start + width].count(True)
        if score > best_score:
            best, best_score = [start], score
        elif score == best_score:
            best.append(start)
    if len(best) == 1:
        return best[0]
    grid: dict[int, Counter[int]] = {}
    for window in history:
        for offset, item in enumerate(window):
            grid.setdefault(offset, Counter())[item.cell] += 1
    if grid:
        votes = [
            sum(
                1
                for offset, item in enumerate(values[start : start + width])
                if item.kind != EMPTY
                and grid.get(offset)
                and grid[offset].most_common(1)[0][0] == item.cell
            )
            for start in best
        ]
        top = max(votes)
        if votes.count(top) == 1 and top > 0:
            return best[votes.index(top)]
    if gap_hint is not None and gap_hint in best:
        return gap_hint
    for start in best:
        if values[start].kind != EMPTY:
            return start
    return best[0]


@dataclass
class MappedTable:
    table: Table | None
    deviations: list[Deviation]
    first_line: int | None
    last_line: int | None


def _label_for(run: list[Item], spec: TableSpec, cursor: int) -> tuple[int, Item] | None:
    """The template row that a label run names, searched from the row expected next."""
    headers = sum(1 for item in run if HEADER_WORDS.match(item.norm))
    for item in reversed(run):
        if headers >= 2 and HEADER_WORDS.match(item.norm):
            continue
        for index in range(cursor, len(spec.rows)):
            if spec.rows[index].pattern.search(item.norm):
                return index, item
    return None


def _value_runs(items: list[Item]) -> Iterable[tuple[list[Item], list[Item]]]:
    """Yield (label run, value run) pairs in order.

    A run of empty cells only (padding, or the blank cells of a header line) does not end
    a label run — unless it follows a non-header label on the same line, where it is a
    row whose cells are all blank.
    """
    run: list[Item] = []
    index = 0
    while index < len(items):
        item = items[index]
        if item.kind == TEXT:
            run.append(item)
            index += 1
            continue
        end = index
        while end < len(items) and items[end].kind != TEXT:
            end += 1
        values = items[index:end]
        index = end
        if all(v.kind == EMPTY for v in values):
            last = run[-1] if run else None
            if last is None or last.line != values[0].line or HEADER_WORDS.match(last.norm):
                continue
            if sum(1 for r in run if r.line == last.line and HEADER_WORDS.match(r.norm)):
                continue
        yield run, values
        run = []


def map_row_table(spec: TableSpec, items: list[Item], allow_deviation: bool) -> MappedTable:
    """Map a table whose rows carry labels (tables 二 and 三)."""
    rows: list[Row] = []
    deviations: list[Deviation] = []
    cursor = 0
    gap_hint: int | None = None
    histories: dict[int, list[list[Item]]] = {}  # complete one-line rows, by width
    first: Item | None = None
    last: Item | None = None
    runs = list(_value_runs(items))
    for position, (run, values) in enumerate(runs):
        found = _label_for(run, spec, cursor)
        if found is None and position + 1 < len(runs) and run and runs[position + 1][0]:
            # A label broken around its numbers: try it joined with the next text piece.
            following = runs[position + 1][0]
            joined = Item(
                TEXT,
                run[-1].text + following[0].text,
                run[-1].line,
                run[-1].column,
                run[-1].end_column,
                run[-1].norm + following[0].norm,
            )
            found = _label_for([joined], spec, cursor)
            if found is not None:
                found = (found[0], run[-1])
                following.pop(0)
        if found is None:
            continue
        index, label = found
        # Text cells after the label on its own line stand where numbers belong (若干, 不详):
        # they are the row's first cells, not part of its label.
        if label.cell >= 0:
            at = next(i for i, item in enumerate(run) if item is label)
            stray = [t for t in run[at + 1 :] if t.line == label.line and t.cell > label.cell]
            if stray:
                values = stray + list(values)
        row_spec = spec.rows[index]
        if row_spec.replaces and not allow_deviation:
            continue
        columns = spec.columns_of(row_spec.key)
        history = histories.setdefault(len(columns), [])
        start = choose_window(values, len(columns), gap_hint, history)
        label_span = label.span()
        if first is None:
            first = run[0] if run else label
        if start is None:
            filled = sum(1 for v in values if v.kind != EMPTY)
            rows.append(Row(row_spec.key, label.text, label_span, (), False, filled))
        else:
            window = values[start : start + len(columns)]
            if all(v.kind != EMPTY for v in window):
                gap_hint = start
                if window[0].line == window[-1].line:
                    history.append(window)
            cells = tuple(make_cell(col, item) for col, item in zip(columns, window, strict=True))
            rows.append(Row(row_spec.key, label.text, label_span, cells, True, len(window)))
            last = window[-1]
        if row_spec.replaces:
            deviations.append(Deviation(spec.key, row_spec.key, label.text, label_span))
            cursor = max(spec.rows.index(spec.spec(k)) for k in row_spec.replaces) + 1
        else:
            cursor = index + 1
        last = last if last is not None and last.line >= label.line else label
    if not rows or first is None:
        return MappedTable(None, deviations, None, None)
    assert last is not None
    table_span = Span(first.line, first.column, last.line, last.end_column)
    table = Table(spec.key, table_span, spec.columns, tuple(rows))
    return MappedTable(table, deviations, first.line, last.line)


def map_reviews(items: list[Item]) -> MappedTable:
    """Map table 四: one data row of 15 cells in three groups, under a fixed header."""
    width = len(REVIEWS.rows) * len(REVIEW_COLUMNS)
    runs = list(_value_runs(items))
    for position, (_, values) in enumerate(runs):
        if not any(v.kind != EMPTY for v in values):
            continue
        # Text standing in the data row itself (1件, 若干) is a cell, not a new header.
        values = list(values)
        following = position + 1
        while following < len(runs):
            texts, more = runs[following]
            if not texts or any(t.line != values[-1].line or t.cell < 0 for t in texts):
                break
            values.extend(texts)
            values.extend(more)
            following += 1
        start = choose_window(values, width, None)
        header = [item for r, _ in runs[: position + 1] for item in r]
        first = header[0] if header else values[0]
        if start is None:
            filled = sum(1 for v in values if v.kind != EMPTY)
            rows = tuple(
                Row(spec.key, spec.label, values[0].span(), (), False, filled)
                for spec in REVIEWS.rows
            )
            last = values[-1]
        else:
            window = values[start : start + width]
            rows_list = []
            for group_index, spec in enumerate(REVIEWS.rows):
                chunk = window[group_index * 5 : group_index * 5 + 5]
                cells = tuple(
                    make_cell(col, item) for col, item in zip(REVIEW_COLUMNS, chunk, strict=True)
                )
                rows_list.append(Row(spec.key, spec.label, chunk[0].span(), cells, True, 5))
            rows = tuple(rows_list)
            last = window[-1]
        span = Span(first.line, first.column, last.line, last.end_column)
        return MappedTable(Table("reviews", span, REVIEW_COLUMNS, rows), [], first.line, last.line)
    return MappedTable(None, [], None, None)
