"""Tables printed transposed: the format's rows across the head, its columns down the side.

Some bodies print table 三 turned a quarter: the applicant types (自然人, 商业企业 … 总计) as
the rows and the handling items (一、本年新收… 三、本年度办理结果 （一）予以公开 … 四、结转下年度
继续办理) as the columns — a wide table, in a landscape PDF page, a web page or a Word
file. Its cells are the same: the value under the head of 二、上年结转… on the line of
自然人 is the cell ``carried_over.natural_person``. This module reads such a table into
the canonical rows (one per format row, its cells in the format's columns), so that every
rule reads it as it reads a table printed the normal way.

The orientation is decided from the labels found, never from the kind of source: the
table's value lines are each labelled by a *column* of the format (an applicant type),
and the text lines above them (its head) name *rows* of the format. A table printed the
normal way has its first value line labelled by a row (一、本年新收…), so it is never read
so. Table 四 turned (结果维持 … 总计 down the side, 行政复议 / 未经复议直接起诉 / 复议后起诉
across the head) is read the same way, its groups being the rows. :func:`map_transposed`
is tried only when the normal reading found few complete rows (none, for table 四:
:func:`xxgk_lint.parse.mapping.map_table`): a normal table pays nothing for it.

Which value goes under which head, strongest evidence first (as for normal rows, see
:mod:`xxgk_lint.parse.columns`):

1. **grid** / **fields** — the head cell's grid columns (HTML, Word) or field (``|``,
   TAB rows) hold the value's; a head cell lower in the head overrides one above it
   (（三）不予公开 over 1.属于国家秘密 … names no row; （六）其他处理 over its three
   sub-items is their group, not the 2019 single row).
2. **count** — exactly as many values as heads that name a row: in the heads' printed
   order (by position; for a head in several lines with no positions that line up, the
   format's order of the rows they name).
3. **fields after the label** — a ``|``/TAB row whose fields after its label, blank ones
   included, are as many as the heads.
4. **stream with blank lines** — one cell per line, a blank cell an empty line more (read
   as for a normal row: :func:`xxgk_lint.parse.mapping._blank_lines`).

A value line none of these places leaves every row uncertain (its numbers are not
guessed into columns).
"""

from __future__ import annotations

from xxgk_lint.format import Format, TableSpec
from xxgk_lint.parse.ast import Deviation, Span, Table
from xxgk_lint.parse.cells import (
    CELL_GAP,
    COLUMN,
    EMPTY,
    END,
    FIELD,
    GRID,
    KIND,
    LINE,
    NORM,
    RAW,
    TABLE,
    WIDTH,
    Item,
    Run,
    item_kind,
)
from xxgk_lint.parse.columns import BY_GRID, COUNT, FIELDS, STREAM, Placement
from xxgk_lint.parse.mapping import (
    _NO_HEADER,
    _SENTENCE,
    MappedTable,
    _blank_lines,
    _finder,
    _Found,
    _Headers,
    _one_per_line,
    _part,
    _rows,
    value_runs,
)

_new = tuple.__new__

#: The fewest value lines (applicant types) and heads naming rows a transposed table has:
#: fewer is no table read this way (a stray line of 总计 numbers under prose).
_MIN_LINES = 2
_MIN_HEADS = 3
#: The longest text a head cell holds: the format's longest label with its group's
#: (（六）其他处理 2.申请人逾期未按收费通知…, 44 characters); longer is prose.
_HEAD_CHARS = 60


def turnable(spec: TableSpec) -> bool:
    """Whether ``spec``'s table can be printed transposed and read back: a table of one
    block whose rows all have the same columns (table 三; table 四, its groups the rows;
    not table 二, whose blocks have columns of their own)."""
    keys = spec.column_keys
    return not spec.blocks and len(keys) > 1 and all(row.columns == keys for row in spec.rows)


def map_transposed(spec: TableSpec, items: list[Item], model: Format) -> MappedTable | None:
    """The table read transposed (see the module's docstring), or None if ``items`` hold
    no table so printed."""
    runs = value_runs(items, spec)
    found = _sides(spec, runs)
    if found is None:
        return None
    texts, sides = found
    heads = _heads(spec, texts)
    if len(heads) < _MIN_HEADS:
        return None
    placed = _placed(heads, sides, runs)
    rows = _found_rows(spec, heads, sides, placed)
    deviations = [
        Deviation(spec.key, key, label[RAW], _span(label))
        for key, label, *_ in rows
        if spec.row(key).replaces
    ]
    # The table itself is printed otherwise than the format: noted at its first side label.
    side = sides[0][1]
    deviations.insert(0, Deviation(spec.key, "transposed", side[RAW], _span(side), "transposed"))
    first = _first(texts, heads)
    last = max((v for _, label, values, _ in sides for v in (label, *values)), key=_place)
    span = _new(Span, (first[LINE], first[COLUMN], last[LINE], last[END], None))
    table = Table(spec.key, span, spec.column_keys, _rows(rows), model.version, (), ())
    return MappedTable(table, deviations, first[LINE], last[LINE])


#: A value line: its column key, its label (the applicant type), its items after the
#: label, and where its run stands among the table's runs.
_Side = tuple[str, Item, list[Item], int]
#: A head cell naming a row: the row's index in the spec, the cell.
_Head = tuple[int, Item]


def _sides(spec: TableSpec, runs: list[Run]) -> tuple[list[Item], list[_Side]] | None:
    """The texts before the table's values (its head, and what stands before it) and the
    value runs, each labelled by a column of the format (自然人, 法人或其他组织 | 商业企业,
    总计): from the first run with a value up to the first labelled otherwise. None when
    fewer than two, or one column twice, or when the first run with a value is labelled
    otherwise (by a row: 一、本年新收… — a table printed the normal way)."""
    column_of = _Headers(spec, ()).column_of
    texts: list[Item] = []
    sides: list[_Side] = []
    for position, (run, values, kinds) in enumerate(runs):
        key = column_of(run[-1]) if run else None
        if key is None and run and kinds.strip(EMPTY) and _merged(spec, run[-1]):
            continue  # (法人或其他组织 with numbers: its types' subtotal, no column)
        if key is None or any(side[0] == key for side in sides):
            if sides or (kinds.strip(EMPTY) and key is None):
                break  # (the table ended; or its first values are a row's: not turned)
            texts += run  # (a head line and its blank cells)
            continue
        if not kinds.strip(EMPTY) and not sides:
            texts += run  # (a head's blank cells after a column's word: 总计 | |)
            continue
        if not sides:
            texts += run[:-1]
        sides.append((key, run[-1], values, position))
    if len(sides) < _MIN_LINES:
        return None
    return texts, sides


def _merged(spec: TableSpec, item: Item) -> bool:
    """Whether the text names a merged head over several columns (法人或其他组织)."""
    return any(pattern.match(item[NORM]) for pattern, _ in spec.group_finders)


def _first(texts: list[Item], heads: list[_Head]) -> Item:
    """The table's first cell: the first text on the line of its first head."""
    line = min(cell[LINE] for _, cell in heads)
    return next(item for item in texts if item[LINE] == line)


def _place(item: Item) -> tuple[int, int]:
    return item[LINE], item[COLUMN]


def _heads(spec: TableSpec, texts: list[Item]) -> list[_Head]:
    """The head cells that name a row of the format, in reading order. Prose before the
    table (a sentence) and what stands before it are no head; a line of space-aligned
    text is cut into its cells. A column's word here names a row (总计 the （七）总计 row,
    其他 the 3.其他 row, as a head prints them shortened): the columns stand down the
    side."""
    finder = _finder(spec)
    heads: list[_Head] = []
    cursor = 0  # (a label naming several rows names the first after the previous one)
    line = -1
    for item in texts:
        if item[FIELD] < 0 and item[TABLE] < 0 and _SENTENCE.search(item[RAW]):
            heads.clear()  # (a sentence: the table starts after it)
            continue
        if item[LINE] != line:
            cursor, line = 0, item[LINE]
        for cell in _cells(item):
            norm = cell[NORM]
            if len(norm) > _HEAD_CHARS:
                continue
            found = finder(norm)
            if not found:
                continue
            index = next((i for i in found if i >= cursor), found[0])
            heads.append((index, cell))
            cursor = index + 1
    return _without_groups(spec, heads)


def _cells(item: Item) -> list[Item]:
    """A head text's cells: itself, or for a line of space-aligned text its parts where
    two blanks or more stand (pdftotext -layout prints a head so)."""
    if item[FIELD] >= 0 or item[TABLE] >= 0:
        return [item]
    raw = item[RAW]
    out: list[Item] = []
    at = 0
    for gap in CELL_GAP.finditer(raw):
        if gap.start() > at:
            out.append(_part(item, at, gap.start()))
        at = gap.end()
    out.append(item if at == 0 else _part(item, at, len(raw)))
    return out


def _without_groups(spec: TableSpec, heads: list[_Head]) -> list[_Head]:
    """The heads but for a row of an older template standing over the rows it replaces
    ((六)其他处理 over 1.申请人无正当理由… 2.… 3.其他: their group, not the 2019 single
    row), and but for a row named twice (the first head naming it is kept)."""
    named = {spec.rows[index].key for index, _ in heads}
    out: list[_Head] = []
    seen: set[int] = set()
    for head in heads:
        index = head[0]
        if index in seen or named.intersection(spec.rows[index].replaces):
            continue
        seen.add(index)
        out.append(head)
    return out


def _position(item: Item) -> tuple[int, int] | None:
    """The positions (first, past the last) a cell covers: grid columns in an HTML or
    Word table, its field in a separated line; None for text that has neither."""
    if item[TABLE] >= 0:
        return item[GRID], item[GRID] + max(item[WIDTH], 1)
    if item[FIELD] >= 0:
        return item[FIELD], item[FIELD] + 1
    return None


def _positions(heads: list[_Head]) -> dict[int, int] | None:
    """Position → the head (its index in ``heads``) over it, a lower head line's cell
    overriding a higher one; None when a head has no position, or two heads of
    different lines claim one position (the head's lines do not line up: a ``|`` head
    whose merged cells left no field)."""
    claimed: dict[int, int] = {}
    for at, (_, cell) in enumerate(heads):
        span = _position(cell)
        if span is None:
            return None
        for position in range(*span):
            before = claimed.get(position)
            if before is not None and heads[before][1][LINE] == cell[LINE]:
                return None
            claimed[position] = at
    if any(at not in claimed.values() for at in range(len(heads))):
        return None  # (a head wholly overridden by another naming a row: no line-up)
    return claimed


def _order(heads: list[_Head], positions: dict[int, int] | None) -> list[int]:
    """The heads (indices into ``heads``) in the order the columns are printed."""
    if positions is not None:
        first: dict[int, int] = {}
        for position in sorted(positions):
            first.setdefault(positions[position], position)
        return sorted(first, key=first.__getitem__)
    if len({cell[LINE] for _, cell in heads}) == 1:
        return list(range(len(heads)))  # (one head line: its reading order)
    return sorted(range(len(heads)), key=lambda at: heads[at][0])  # (the format's)


#: Per value line: the item under each head (by index into the heads; None: none), and
#: the evidence that placed them; None when the line cannot be placed.
_Placed = tuple[list[Item | None], str] | None


def _placed(heads: list[_Head], sides: list[_Side], runs: list[Run]) -> list[_Placed]:
    positions = _positions(heads)
    order = _order(heads, positions)
    out: list[_Placed] = []
    for _, _, values, position in sides:
        placed = _place_side(values, heads, positions, order)
        if placed is None and _one_per_line(values):
            # One cell per line: its blank cells are empty lines (as for a normal row).
            kinds = "".join(map(item_kind, values))
            cells = _blank_lines(runs, position, values, kinds, len(order))[0]
            if len(cells) == len(order):
                placed = _in_order(cells, order), STREAM
        out.append(placed)
    return out


def _place_side(
    values: list[Item], heads: list[_Head], positions: dict[int, int] | None, order: list[int]
) -> _Placed:
    """Place one value line's items under the heads (see the module's docstring)."""
    filled = [v for v in values if v[KIND] != EMPTY]
    if positions is not None and filled:
        under: list[Item | None] = [None] * len(heads)
        for value in filled:
            span = _position(value)
            at = None if span is None else positions.get(span[0])
            if at is None or under[at] is not None:
                break
            under[at] = value
        else:
            for value in values:  # (a blank cell under a head keeps its place)
                span = _position(value)
                at = None if span is None else positions.get(span[0])
                if at is not None and under[at] is None:
                    under[at] = value
            return under, BY_GRID if filled[0][TABLE] >= 0 else FIELDS
    if len(filled) == len(order):
        return _in_order(filled, order), COUNT if filled[0][FIELD] >= 0 else STREAM
    if values and values[0][FIELD] >= 0:
        fields = list(values)
        while fields and fields[-1][KIND] == EMPTY:
            fields.pop()
        if len(fields) == len(order):
            return _in_order(fields, order), FIELDS
    return None


def _in_order(values: list[Item], order: list[int]) -> list[Item | None]:
    under: list[Item | None] = [None] * len(order)
    for value, at in zip(values, order, strict=True):
        under[at] = value
    return under


def _found_rows(
    spec: TableSpec, heads: list[_Head], sides: list[_Side], placed: list[_Placed]
) -> list[_Found]:
    """The format's rows the heads name, in the format's order, each with its cells from
    the value lines (a column no value line is labelled by is a blank cell); every row
    uncertain when a value line could not be placed."""
    open_line = any(p is None for p in placed)
    weakest = _weakest([p[1] for p in placed if p is not None])
    rows: list[_Found] = []
    for at in sorted(range(len(heads)), key=lambda a: heads[a][0]):
        index, label = heads[at]
        row = spec.rows[index]
        columns = row.columns
        if open_line:
            found = sum(1 for p in placed if p is not None and p[0][at] is not None)
            unplaced = Placement(None, "pending", found)
            rows.append((row.key, label, [], columns, _NO_HEADER, unplaced))
            continue
        by_column = {
            side[0]: under[0][at] for side, under in zip(sides, placed, strict=True) if under
        }
        cells = tuple(by_column.get(column) for column in columns)
        evidence = weakest if None not in cells or weakest != COUNT else STREAM
        values = [cell for cell in cells if cell is not None]
        rows.append(
            (row.key, label, values, columns, _NO_HEADER, Placement(cells, evidence, len(values)))
        )
    return rows


_STRENGTH = (BY_GRID, FIELDS, COUNT, STREAM)


def _weakest(evidences: list[str]) -> str:
    return max(evidences, key=_STRENGTH.index, default=COUNT)


def _span(item: Item) -> Span:
    return _new(Span, (item[LINE], item[COLUMN], item[LINE], item[END], None))
