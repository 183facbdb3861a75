"""Split the lines of a table region into items: text, numbers, placeholders, empty cells.

A region is flattened into a stream of items in reading order; the template mapping
(:mod:`xxgk_lint.parse.mapping`) then finds the labels and places the values. Each item
remembers where it stands:

* ``field`` — which field of its line it is, for lines whose cells are separated (``|``,
  a tab, or the cells of an HTML/Word row): a blank field keeps its position, including a
  blank last field of a tab row; for a line of space-separated cells (PDF text) every
  item is field 0, and only the order counts;
* ``grid``/``span`` — for a row of an HTML or Word table, the grid columns the cell
  covers, as a browser lays them out (from :class:`~xxgk_lint.sources.model.GridRow`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from xxgk_lint.format.normalise import MINUS_SIGNS, fold_minus, normalise
from xxgk_lint.memo import bounded, register
from xxgk_lint.parse.ast import Cell, Span
from xxgk_lint.parse.grammar import Line, get_parser
from xxgk_lint.sources.model import GridRow

TEXT, NUMBER, PLACEHOLDER, EMPTY = "T", "N", "P", "E"


class Item(NamedTuple):
    """One cell-sized piece of a table region (a NamedTuple: built by the thousand)."""

    kind: str
    text: str
    line: int
    column: int
    end_column: int
    norm: str = ""
    #: Which field of its line this is; -1 for a whole line of text.
    field: int = -1
    #: For a cell of an HTML/Word table: the grid table, its first grid column and span.
    table: int = -1
    grid: int = -1
    span: int = 1

    def span_(self) -> Span:
        return Span(self.line, self.column, self.line, self.end_column)

    @property
    def separated(self) -> bool:
        """Whether this item's line separates its cells (| , tab, or a grid row)."""
        return self.field >= 0


_SEPARATORS = re.compile(r"[|｜\t]")
#: Items, spans and cells are built with ``tuple.__new__`` in the hot loops: a NamedTuple's
#: own ``__new__`` is a Python function, and calling it costs more than the tuple.
_new = tuple.__new__
_INNER_BLANK = re.compile(r"\s")
#: The minus signs other than the ASCII one: a field that starts with one is matched as
#: the number it is once the sign is folded (－1 is -1; see normalise.MINUS_SIGNS).
_OTHER_MINUS = MINUS_SIGNS[1:]


def items_of(lines: Iterable[Line], grid: Mapping[int, GridRow] | None = None) -> list[Item]:
    """Flatten lines into items (the hottest loop of the parser: keep it lean)."""
    items: list[Item] = []
    append, extend = items.append, items.extend
    lines = list(lines)
    enclosed = enclosed_rows(lines)
    for kind, text, number, base, end in lines:
        if kind != "ROW":
            append(_new(Item, (TEXT, text, number, base, end, normalise(text), -1, -1, -1, 1)))
            continue
        if grid:
            geometry = grid.get(number)
            if geometry is not None:
                extend(row_items(_new(Line, (kind, text, number, base, end)), geometry, enclosed))
                continue
        if text.isdigit() and text.isascii():  # a lone number (one cell per line)
            append(_new(Item, (NUMBER, text, number, base, end, "", -1, -1, -1, 1)))
            continue
        # A text row is read by its text alone: its items are looked up once (reports
        # repeat the template's rows) and placed on this line, at this line's column.
        extend(_placed(_row_shape(text, enclosed), number, base))
    return items


#: An item of a row without its line, at columns counted from 0 (from the line's first
#: character): kind, text, column, end_column, norm, field, table, grid, span.
Shape = tuple[str, str, int, int, str, int, int, int, int]


def _placed(shapes: Iterable[Shape], number: int, base: int) -> list[Item]:
    """A row's items placed on line ``number``, the row's text starting at column ``base``."""
    return [
        _new(Item, (k, t, number, c + base, e + base, n, f, tb, g, sp))
        for k, t, c, e, n, f, tb, g, sp in shapes
    ]


@bounded(1024)
def _row_shape(text: str, enclosed: bool) -> tuple[Shape, ...]:
    """The items of a text row ``text``, without their line: a text row's items depend on
    its text alone."""
    return tuple(_row_fields(text, None, enclosed))


def enclosed_rows(lines: Iterable[Line]) -> bool:
    """Whether the region's pipe rows are enclosed, markdown-style: | a | b |.

    Then the pipes at both ends enclose the fields and give none. Otherwise a pipe at
    either end is a separator: ``a | 6 | `` has a blank last field, `` | | b`` blank first
    ones. The region decides, since a single line cannot tell: when a row starts with
    blank cells and ends with a blank one, its pipes look enclosing too.
    """
    piped = opened = 0
    for line in lines:
        if line.kind == "ROW" and "|" in line.text:
            piped += 1
            opened += line.text[0] == "|" and line.text[-1] == "|"
    return piped > 0 and opened * 5 >= piped * 4


_PATTERNS: tuple[Callable[[str], object], Callable[[str], object]] | None = None


class _Patterns:
    """The grammar's NUMBER and PLACEHOLDER terminals, looked up once (a hot loop)."""

    @staticmethod
    def load() -> tuple[Callable[[str], object], Callable[[str], object]]:
        global _PATTERNS
        splitter = get_parser().splitter
        _PATTERNS = (splitter.number.fullmatch, splitter.placeholder.fullmatch)
        return _PATTERNS


def row_items(line: Line, geometry: GridRow | None = None, enclosed: bool = False) -> list[Item]:
    """Items of a ROW line, field by field.

    A field without blanks inside is one item (the common case, cut with ``str.split``);
    a field with blanks inside is split with the grammar's cell terminals, which keep a
    label such as 商业 企业 whole and cut numbers such as ``3001 53`` apart.
    """
    text, number, base = line.text, line.line, line.column
    if text.isascii() and text.isdigit():  # a lone number (one cell per line)
        return [_new(Item, (NUMBER, text, number, base, base + len(text), "", -1, -1, -1, 1))]
    return _placed(_row_fields(text, geometry, enclosed), number, base)


def _row_fields(text: str, geometry: GridRow | None, enclosed: bool) -> list[Shape]:
    """The items of a row's text, without their line, columns counted from 0."""
    if geometry is not None:
        pieces = text.split("\t")
        if len(pieces) != len(geometry.cells):
            geometry = None
    elif "|" not in text and "｜" not in text:
        pieces = text.split("\t")
    elif "\t" not in text and "｜" not in text:
        pieces = text.split("|")
    else:
        pieces = _SEPARATORS.split(text)
    if geometry is None and len(pieces) == 1:
        return [(k, t, c, e, n, -1, -1, -1, 1) for k, t, c, e, n in _split(text)]
    # Every separator starts a field, a pipe at either end of the line too (a blank last
    # field, a | 6 | , keeps its place, as in a tab row) — unless the region's rows are
    # enclosed in pipes (| a | b |): then the enclosing pieces are no fields.
    position = 0
    if enclosed and geometry is None and text[0] in "|｜" and text[-1] in "|｜":
        pieces = pieces[1:-1]  # "" before the opening pipe, "" after the closing one
        position = 1
    cells = geometry.cells if geometry is not None else None
    table = geometry.table if geometry is not None else -1
    out: list[Shape] = []
    append = out.append
    leading = True  # empty fields before the line's first content: see below
    field_of = _field
    for field, piece in enumerate(pieces):
        start = position
        position += len(piece) + 1
        if cells is not None:
            grid, span = cells[field].column, cells[field].span
        else:
            grid, span = field, 1
        found = field_of(piece)
        if found is None:
            append((EMPTY, "", start, start, "", field, table, grid, span))
            continue
        value, parts = found
        if leading:
            leading = False
            if out and not value:
                # Empty fields that open a line before its label are indentation, or the
                # leading cells a copied row lost: no row's values (their fields still count).
                out.clear()
        for kind, part, at, end, norm in parts:
            append((kind, part, start + at, start + end, norm, field, table, grid, span))
    return out


#: One item of a field: kind, text, start and end in the field, norm.
_Part = tuple[str, str, int, int, str]


@bounded(4096)
def _field(piece: str) -> tuple[bool, tuple[_Part, ...]] | None:
    """What one field of a separated row holds (None: it is blank), and whether it starts
    with a value (a number or placeholder, not a label). Looked up by its text: the same
    fields (0, 本年新收政府信息公开申请数量, /) fill every report's rows."""
    stripped = piece.strip()
    if not stripped:
        return None
    at = len(piece) - len(piece.lstrip())
    end = at + len(stripped)
    if stripped.isdigit() and stripped.isascii():
        return True, ((NUMBER, stripped, at, end, ""),)
    is_number, is_placeholder = _PATTERNS or _Patterns.load()
    if _INNER_BLANK.search(stripped) is not None:
        value = _is_value(stripped, is_number, is_placeholder)
        return value, tuple((k, t, at + c, at + e, n) for k, t, c, e, n in _split(stripped))
    # One word: it starts with a value exactly when it is one (see _is_value).
    if is_number(stripped) or (stripped[0] in _OTHER_MINUS and is_number(fold_minus(stripped))):
        return True, ((NUMBER, stripped, at, end, ""),)
    if is_placeholder(stripped):
        return True, ((PLACEHOLDER, stripped, at, end, ""),)
    return False, ((TEXT, stripped, at, end, normalise(stripped)),)


def _is_value(
    stripped: str, is_number: Callable[[str], object], is_placeholder: Callable[[str], object]
) -> bool:
    """Whether a field's text starts with a value (a number or placeholder), not a label."""
    first = stripped.split(None, 1)[0] if _INNER_BLANK.search(stripped) else stripped
    return bool(is_number(fold_minus(first)) or is_placeholder(first))


def _split(text: str) -> list[_Part]:
    """Split one field (or a whole space-separated line) with the grammar's cell terminals
    (over the text with its minus signs folded: the same length, so the spans hold)."""
    finditer = get_parser().splitter.pattern.finditer
    out: list[_Part] = []
    for match in finditer(fold_minus(text)):
        kind = match.lastgroup
        if kind in ("BLANK", "CELL_SEP", None):
            continue
        start, end = match.span()
        value = text[start:end]
        if kind == "NUMBER":
            out.append((NUMBER, value, start, end, ""))
        elif kind == "PLACEHOLDER":
            out.append((PLACEHOLDER, value, start, end, ""))
        else:
            out.append((TEXT, value, start, end, normalise(value)))
    return out


def parse_number(text: str) -> int | Decimal | None:
    """Read a printed number: full-width digits, thousands separators, a decimal point,
    any of the minus signs (normalise.MINUS_SIGNS)."""
    if text.isascii() and text.isdigit():
        return int(text)
    folded = unicodedata.normalize("NFKC", fold_minus(text.strip())).replace(",", "")
    try:
        if "." in folded:
            return Decimal(folded)
        return int(folded)
    except (ValueError, InvalidOperation):
        return None


def make_cell(column: str, item: Item) -> Cell:
    """The cell a placed item becomes (one cell of :func:`make_cells`)."""
    return make_cells((column,), (item,), _NOWHERE)[0]


_NOWHERE = Span(0, 0, 0, 0)  # (no item is missing in make_cell's one-item row)


#: The values of printed counts (plain ASCII digits), by their text: the same few hundred
#: (0, 1, 2 …) fill every table. Bounded, and emptied with the other memo tables.
_COUNTS: dict[str, int] = {}
_COUNTS_SIZE = 4096
register(_COUNTS.clear)


def make_cells(
    columns: Sequence[str], items: Sequence[Item | None], blank: Span
) -> tuple[Cell, ...]:
    """The cells of a placed row, one per item; a blank cell at ``blank`` where an item is
    missing. One loop, no call per cell: a report has two hundred cells, and a function
    call per cell was a fifth of their cost."""
    out: list[Cell] = []
    append = out.append
    counts = _COUNTS
    for column, item in zip(columns, items, strict=True):
        if item is None:
            append(_new(Cell, (column, "", None, "blank", blank)))
            continue
        kind, text, line = item[0], item[1], item[2]
        # The common cell first, with the fewest steps: a printed count already seen.
        if kind == NUMBER and (count := counts.get(text)) is not None:
            span = _new(Span, (line, item[3], line, item[4], None))
            append(_new(Cell, (column, text, count, "number", span)))
            continue
        span = _new(Span, (line, item[3], line, item[4], None))
        if kind == NUMBER:
            if text.isdigit() and text.isascii():
                count = int(text)
                if len(counts) < _COUNTS_SIZE:
                    counts[text] = count
                append(_new(Cell, (column, text, count, "number", span)))
            else:
                value = parse_number(text)
                append(
                    _new(Cell, (column, text, value, "text" if value is None else "number", span))
                )
        elif kind == PLACEHOLDER:
            append(_new(Cell, (column, text, None, "placeholder", span)))
        elif kind == TEXT:
            append(_new(Cell, (column, text, None, "text", span)))
        else:
            append(_new(Cell, (column, text, None, "blank", span)))
    return tuple(out)


def blank_cell(column: str, span: Span) -> Cell:
    """A cell the row does not have at all (an HTML row that ends early): blank."""
    return Cell(column, "", None, "blank", span)
