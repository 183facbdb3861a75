"""Template mapping: give a table region's values their canonical rows and columns.

The items of a region (:mod:`xxgk_lint.parse.cells`) are grouped into runs: text items,
then the values after them. The text nearest the values is the row's label, matched
against the rows of the format model from the row expected next (rows may be left out),
so that a sub-label (1.属于国家秘密 after its group label （三）不予公开) or a label broken
around its numbers is read right. Header lines (自然人 … 总计, 信息内容 | 本年制发件数 …)
are not labels: they tell where each column stands, which
:mod:`xxgk_lint.parse.columns` uses to place the values.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from xxgk_lint.format import Format, TableSpec
from xxgk_lint.parse.ast import COMPLETE, UNCERTAIN, Cell, Deviation, Row, Span, Table
from xxgk_lint.parse.cells import EMPTY, TEXT, Item, blank_cell, make_cell
from xxgk_lint.parse.columns import FieldVotes, HeaderMap, Placement, place


@dataclass
class MappedTable:
    table: Table | None
    deviations: list[Deviation] = field(default_factory=list)
    first_line: int | None = None
    last_line: int | None = None


@dataclass
class _Pending:
    """A row found in the first pass, placed in the second."""

    index: int
    key: str
    label: Item
    values: list[Item]
    columns: tuple[str, ...]
    header: HeaderMap
    placement: Placement


def _leading_empties(items: Sequence[Item]) -> set[int]:
    """Indices of empty cells that open a line before its first text (indentation, or the
    leading cells a copied row lost): they belong to no row's values."""
    out: set[int] = set()
    index = 0
    while index < len(items):
        line = items[index].line
        start = index
        while index < len(items) and items[index].line == line and items[index].kind == EMPTY:
            index += 1
        if index < len(items) and items[index].line == line and items[index].kind == TEXT:
            out.update(range(start, index))
        while index < len(items) and items[index].line == line:
            index += 1
    return out


class _Headers:
    """Tracks a table's header lines: which position holds which column, per grid table."""

    def __init__(self, spec: TableSpec, items: Sequence[Item]) -> None:
        self.spec = spec
        #: Lines holding a value: a data row's label line is never a header line.
        self.value_lines = {i.line for i in items if i.kind not in (TEXT, EMPTY)}
        self.maps: dict[int, HeaderMap] = {}
        self._last_data_line = 0
        self._building: dict[int, int] = {}  # grid table → line its current map started

    def current(self, table: int) -> HeaderMap:
        return self.maps.get(table, HeaderMap())

    def observe(self, run: Sequence[Item]) -> None:
        """Read header cells from a label run (text items between two value runs)."""
        lines: dict[int, list[Item]] = {}
        for item in run:
            if item.kind == TEXT and item.separated and item.line not in self.value_lines:
                lines.setdefault(item.line, []).append(item)
        for line, items in lines.items():
            keys = [self._column_of(item) for item in items]
            groups = [self._group_of(item) for item in items]
            if sum(1 for k in keys if k) + sum(1 for g in groups if g) < 1:
                continue
            table = items[0].table
            if line > self._last_data_line and self._building.get(table, -1) < self._last_data_line:
                self.maps[table] = HeaderMap()  # a new header after data rows: a new block
                self._building[table] = line
            header = self.maps.setdefault(table, HeaderMap())
            for item, key, group in zip(items, keys, groups, strict=True):
                if key:
                    header.claim(item, key)
                if group:
                    header.claim(item, group, group=True)

    def data_at(self, line: int) -> None:
        self._last_data_line = max(self._last_data_line, line)

    def _column_of(self, item: Item) -> str | None:
        for column in self.spec.columns:
            if column.pattern is not None and column.pattern.search(item.norm):
                return column.key
        return None

    def _group_of(self, item: Item) -> str | None:
        if self.spec.layout != "groups":
            return None
        for row in self.spec.rows:
            if row.pattern.search(item.norm):
                return row.key
        return None


def value_runs(items: list[Item], spec: TableSpec) -> Iterator[tuple[list[Item], list[Item]]]:
    """Yield (label run, value run) pairs in order.

    A run of empty cells only (padding, or the blank cells of a header line) does not end
    a label run — unless it follows a non-header label on the same line, where it is a row
    whose cells are all blank.
    """
    skip = _leading_empties(items)
    header = spec.header_pattern
    run: list[Item] = []
    index = 0
    while index < len(items):
        item = items[index]
        if index in skip:
            index += 1
            continue
        if item.kind == TEXT:
            run.append(item)
            index += 1
            continue
        end = index
        while end < len(items) and items[end].kind != TEXT and end not in skip:
            end += 1
        values = items[index:end]
        index = end
        if all(v.kind == EMPTY for v in values):
            last = run[-1] if run else None
            if last is None or last.line != values[0].line or header.match(last.norm):
                continue
            if sum(1 for r in run if r.line == last.line and header.match(r.norm)):
                continue
        yield run, values
        run = []
    if run:
        yield run, []


def _label_for(run: list[Item], spec: TableSpec, cursor: int) -> tuple[int, Item] | None:
    """The template row that a label run names, searched from the row expected next."""
    header = spec.header_pattern
    headers = sum(1 for item in run if header.match(item.norm))
    for item in reversed(run):
        if headers >= 2 and header.match(item.norm):
            continue
        for index in range(cursor, len(spec.rows)):
            if spec.rows[index].pattern.search(item.norm):
                return index, item
    return None


def _cells(placement: Placement, columns: Sequence[str], label: Item) -> tuple[Cell, ...]:
    assert placement.items is not None
    out = []
    for column, item in zip(columns, placement.items, strict=True):
        if item is None:
            span = Span(label.line, label.end_column, label.line, label.end_column)
            out.append(blank_cell(column, span))
        else:
            out.append(make_cell(column, item))
    return tuple(out)


def _row(pending: _Pending) -> Row:
    label, placement = pending.label, pending.placement
    span = label.span_()
    if not placement.placed:
        return Row(
            pending.key,
            label.text,
            span,
            (),
            pending.columns,
            UNCERTAIN,
            placement.found,
            placement.evidence,
        )
    cells = _cells(placement, pending.columns, label)
    return Row(
        pending.key,
        label.text,
        span,
        cells,
        pending.columns,
        COMPLETE,
        placement.found,
        placement.evidence,
    )


def _second_pass(pending: list[_Pending], votes: FieldVotes) -> None:
    """Place the rows the first pass left open, against the table's complete rows."""
    for entry in pending:
        if entry.placement.evidence != "pending":
            continue
        entry.placement = place(
            entry.values,
            entry.columns,
            label_field=entry.label.field,
            header=entry.header,
            votes=votes,
            second_pass=True,
        )


def _vote(votes: FieldVotes, entry: _Pending) -> None:
    placement = entry.placement
    if placement.evidence != "count" or placement.items is None:
        return
    items = placement.items
    if all(i is not None and i.separated and i.line == entry.label.line for i in items):
        votes.add(entry.label.field, tuple(i.field for i in items if i is not None))


def map_rows(spec: TableSpec, items: list[Item], model: Format) -> MappedTable:
    """Map a table whose rows carry labels (tables 二 and 三)."""
    deviations: list[Deviation] = []
    headers = _Headers(spec, items)
    votes = FieldVotes()
    pending: list[_Pending] = []
    cursor = 0
    first: Item | None = None
    last: Item | None = None
    runs = list(value_runs(items, spec))
    for position, (run, values) in enumerate(runs):
        headers.observe(run)
        if not values:
            continue
        found = _label_for(run, spec, cursor)
        if found is None and position + 1 < len(runs) and run and runs[position + 1][0]:
            # A label broken around its numbers: try it joined with the next text piece.
            following = runs[position + 1][0]
            joined = run[-1]._replace(
                text=run[-1].text + following[0].text, norm=run[-1].norm + following[0].norm
            )
            found = _label_for([joined], spec, cursor)
            if found is not None:
                found = (found[0], run[-1])
                following.pop(0)
        if found is None:
            continue
        index, label = found
        row_spec = spec.rows[index]
        values = list(values)
        # Text cells after the label on its own line stand where numbers belong (若干, 不详):
        # they are the row's first cells, not part of its label.
        if label.field >= 0:
            at = next(i for i, item in enumerate(run) if item is label)
            stray = [t for t in run[at + 1 :] if t.line == label.line and t.field > label.field]
            if stray:
                values = stray + values
        headers.data_at(label.line)
        table_id = values[0].table if values else -1
        header = headers.current(table_id)
        placement = place(
            values,
            row_spec.columns,
            label_field=label.field,
            header=header,
            votes=votes,
            second_pass=False,
        )
        entry = _Pending(
            len(pending), row_spec.key, label, values, row_spec.columns, header, placement
        )
        pending.append(entry)
        _vote(votes, entry)
        if first is None:
            first = run[0] if run else label
        for candidate in (label, *values):
            if last is None or candidate.line >= last.line:
                last = candidate
        if row_spec.replaces:
            deviations.append(Deviation(spec.key, row_spec.key, label.text, label.span_()))
            cursor = max(spec.row_keys.index(k) for k in row_spec.replaces) + 1
        else:
            cursor = index + 1
    if not pending or first is None or last is None:
        return MappedTable(None, deviations)
    _second_pass(pending, votes)
    rows = tuple(_row(entry) for entry in pending)
    span = Span(first.line, first.column, last.line, last.end_column)
    table = Table(spec.key, span, spec.column_keys, rows, model.version)
    return MappedTable(table, deviations, first.line, last.line)


def map_groups(spec: TableSpec, items: list[Item], model: Format) -> MappedTable:
    """Map table 四: one data line of numbers, the rows being groups of five columns."""
    group_columns = tuple(f"{row.key}.{col}" for row in spec.rows for col in row.columns)
    headers = _Headers(spec, items)
    runs = list(value_runs(items, spec))
    for position, (run, raw_values) in enumerate(runs):
        headers.observe(run)
        if not any(v.kind != EMPTY for v in raw_values):
            continue
        # Text standing in the data row itself (1件, 若干) is a cell, not a new header.
        values = list(raw_values)
        following = position + 1
        while following < len(runs):
            texts, more = runs[following]
            if not texts or any(t.line != values[-1].line or t.field < 0 for t in texts):
                break
            values.extend(texts)
            values.extend(more)
            following += 1
        table_id = values[0].table
        votes = FieldVotes()
        header = headers.current(table_id)
        placement = place(
            values, group_columns, label_field=-1, header=header, votes=votes, second_pass=True
        )
        header_items = [item for r, _ in runs[: position + 1] for item in r]
        first = header_items[0] if header_items else values[0]
        last = values[-1]
        anchor = next((v for v in values if v.kind != EMPTY), values[0])
        rows = []
        for row in spec.rows:
            if placement.items is None:
                rows.append(
                    Row(
                        row.key,
                        row.label.zh,
                        anchor.span_(),
                        (),
                        row.columns,
                        UNCERTAIN,
                        placement.found,
                        placement.evidence,
                    )
                )
                continue
            chunk_columns = [f"{row.key}.{c}" for c in row.columns]
            chunk = [placement.items[group_columns.index(c)] for c in chunk_columns]
            cells = tuple(
                make_cell(col, item) if item is not None else blank_cell(col, anchor.span_())
                for col, item in zip(row.columns, chunk, strict=True)
            )
            start = next((i for i in chunk if i is not None), anchor)
            rows.append(
                Row(
                    row.key,
                    row.label.zh,
                    start.span_(),
                    cells,
                    row.columns,
                    COMPLETE,
                    placement.found,
                    placement.evidence,
                )
            )
        span = Span(first.line, first.column, last.line, last.end_column)
        table = Table(spec.key, span, spec.column_keys, tuple(rows), model.version)
        return MappedTable(table, [], first.line, last.line)
    return MappedTable(None)


def map_table(spec: TableSpec, items: list[Item], model: Format) -> MappedTable:
    if spec.layout == "groups":
        return map_groups(spec, items, model)
    return map_rows(spec, items, model)
