"""A table's cells field by field (columns, raw texts, values, kinds, spans), each in a row.

Several rules look at every cell of a table for the same report (the identities read their
values, XG004 asks whether any is not a number, XG006 whether any is negative or printed
with decimals). Walking the cells is a pass in C per field asked; taking every field at
once (one ``zip`` over the cells) and sharing it between the rules is one pass per table.
The fields of the last few tables asked for are kept (with the tables, so that an id is
not taken for another's).
"""

from __future__ import annotations

from itertools import chain
from operator import itemgetter
from typing import Any

from xxgk_lint import memo
from xxgk_lint.parse.ast import Cell, CellFields, Table
from xxgk_lint.records import NamedTuple  # (typing's, without compiling annotations)


class TableCells(NamedTuple):
    """The cells of a table's rows, in order, and each of their fields in the same order.

    ``cells`` holds them as the rows store them: Cells or plain tuples of their fields
    (see Row; ``as_cell`` makes a Cell of one), so that reading the fields makes none."""

    cells: tuple[Cell | CellFields, ...]
    columns: tuple[str, ...]
    raws: tuple[str, ...]
    values: tuple[Any, ...]
    kinds: tuple[str, ...]
    #: As each cell holds it: a Span or its five values (see Cell; ``as_span`` makes one).
    spans: tuple[Any, ...]
    #: How many cells each row has.
    counts: tuple[int, ...]


_CELLS = itemgetter(3)  # Row.cells as stored (see Row: no Cell made)
_NONE = ((), (), (), (), ())
#: id of a table → (the table, its cells): the last few tables' (a report has three).
_KEPT: memo.Table[int, tuple[Table, TableCells]] = memo.Table(6)


def table_cells(table: Table) -> TableCells:
    """``table``'s cells field by field (worked out once per table)."""
    found = _KEPT.get(id(table))
    if found is not None and found[0] is table:
        return found[1]
    cells_of = tuple(map(_CELLS, table.rows))
    cells: tuple[Cell | CellFields, ...] = tuple(chain.from_iterable(cells_of))
    # (Cells have five fields each: a transposition, not a pairing that could fall short.)
    columns, raws, values, kinds, spans = tuple(zip(*cells, strict=False)) or _NONE
    made = TableCells(cells, columns, raws, values, kinds, spans, tuple(map(len, cells_of)))
    _KEPT.keep(id(table), (table, made))
    return made
