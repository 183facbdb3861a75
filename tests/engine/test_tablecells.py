"""A table's cells field by field, shared by the rules that read every cell."""

from __future__ import annotations

from tests.engine.reportkit import CLEAN
from xxgk_lint.engine.tablecells import table_cells
from xxgk_lint.memo import clear_all
from xxgk_lint.parse import parse_source
from xxgk_lint.parse.ast import Cell, Row, Span, Table
from xxgk_lint.sources.model import Source


def _report():
    return parse_source(Source("r.txt", "text", "utf-8", CLEAN))


def test_each_field_lists_the_cells_of_the_rows_in_order() -> None:
    table = _report().tables["applications"]
    found = table_cells(table)
    cells = [cell for row in table.rows for cell in row.cells]
    assert found.cells == tuple(cells)
    assert found.columns == tuple(c.column for c in cells)
    assert found.raws == tuple(c.raw for c in cells)
    assert found.values == tuple(c.value for c in cells)
    assert found.kinds == tuple(c.kind for c in cells)
    assert found.spans == tuple(c.span for c in cells)
    assert found.counts == tuple(len(row.cells) for row in table.rows)
    # 一、本年新收: 5 + 2 = 7, the first row's seven cells
    assert found.values[:7] == (5, 2, 0, 0, 0, 0, 7)
    assert found.columns[6] == "total"


def test_the_fields_are_worked_out_once_per_table() -> None:
    report = _report()
    table = report.tables["applications"]
    assert table_cells(table) is table_cells(table)
    other = _report().tables["applications"]  # an equal table, another object
    assert table_cells(other) is not table_cells(table)
    assert table_cells(other) == table_cells(table)
    first = table_cells(table)
    clear_all()  # a memo table like the others: emptied with them
    assert table_cells(table) is not first


def test_a_table_without_cells_has_empty_fields() -> None:
    span = Span(1, 1, 1, 2)
    row = Row("received", "一、本年新收", span, (), ("total",), "uncertain", 3)
    table = Table("applications", span, ("total",), (row,))
    found = table_cells(table)
    assert found.cells == found.columns == found.values == found.kinds == ()
    assert found.counts == (0,)
    blank = Cell("total", "", None, "blank", span)
    full = Table("applications", span, ("total",), (row._replace(cells=(blank,)),))
    assert table_cells(full).kinds == ("blank",)
    assert table_cells(full).values == (None,)
