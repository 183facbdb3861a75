"""The grid of a data table: Spans.lay_out places each cell as a browser does.

``lay_out`` takes shortcuts (a row that nothing above reaches is laid out at once; a
one-column, one-row cell does not mark its column busy). Each table here, and hundreds of
random ones, must be laid out as the plain algorithm lays it out cell by cell: the first
free column from where the cell before ends, every covered column busy down to its last
row, a rowspan cut at the end of its row group (0: to that end).
"""

from __future__ import annotations

import operator
import random

import pytest

from xxgk_lint import memo
from xxgk_lint.sources import html_tables
from xxgk_lint.sources.html_tables import Row, Spans, span_value
from xxgk_lint.sources.limits import Limits
from xxgk_lint.sources.model import LimitError

Shape = tuple[int, int, int]  # (column, colspan, rows)


def reference(groups: list[list[list[tuple[int, int]]]]) -> list[list[Shape]]:
    """Each cell's (column, colspan, rows), one cell at a time; cells are (rowspan, colspan)."""
    out = []
    for rows in groups:
        busy: list[int] = []
        size = len(rows)
        for r, cells in enumerate(rows):
            shapes = []
            c = 0
            for rowspan, span in cells:
                while c < len(busy) and busy[c] > r:
                    c += 1
                height = size - r if rowspan == 0 else min(rowspan, size - r)
                if c + span > len(busy):
                    busy.extend([0] * (c + span - len(busy)))
                busy[c : c + span] = [r + height] * span
                shapes.append((c, span, height))
                c += span
            out.append(shapes)
    return out


def laid_out(
    groups: list[list[list[tuple[int, int]]]], limits: Limits | None = None
) -> tuple[list[list[Shape]], int]:
    rows = []
    for number, cells_of_rows in enumerate(groups):
        for index, cells in enumerate(cells_of_rows):
            row = Row(index, number)
            for rowspan, span in cells:
                row.add(0, rowspan, span)
            rows.append(row)
    spans = Spans(limits or Limits())
    spans.lay_out(rows)
    shapes = [[(cell.column, cell.span, cell.rows) for cell in row.shapes] for row in rows]
    return shapes, spans.positions


TABLES = {
    "plain": [[[(1, 1)] * 3] * 4],
    "label-spanning-rows": [[[(3, 1), (1, 1), (1, 1)], [(1, 1), (1, 1)], [(1, 1), (1, 1)]]],
    "colspan-over-a-busy-column": [[[(1, 1), (2, 1)], [(1, 3)], [(1, 1), (1, 1)]]],
    "rowspan-zero": [[[(0, 1), (1, 1)], [(1, 1)], [(1, 1)]], [[(1, 1), (1, 1)]]],
    "rowspan-past-the-group": [[[(5, 1), (1, 1)], [(1, 1)]], [[(1, 1), (1, 1)]]],
    "wide-and-tall": [[[(2, 2), (1, 1)], [(1, 1)], [(1, 2), (1, 1)]]],
    "empty-rows": [[[], [(1, 1)], []]],
    "one-by-one-under-rowspans": [
        [[(3, 1), (1, 1), (2, 1), (1, 1)], [(1, 1)] * 4, [(1, 1)] * 2, [(1, 1)] * 5]
    ],
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_tables_laid_out_as_cell_by_cell(name: str) -> None:
    groups = TABLES[name]
    shapes, positions = laid_out(groups)
    assert shapes == reference(groups)
    assert positions == sum(span * rows for row in shapes for _, span, rows in row)


def test_label_spanning_rows_pushes_the_cells_right() -> None:
    shapes, positions = laid_out(TABLES["label-spanning-rows"])
    assert shapes == [
        [(0, 1, 3), (1, 1, 1), (2, 1, 1)],
        [(1, 1, 1), (2, 1, 1)],
        [(1, 1, 1), (2, 1, 1)],
    ]
    assert positions == 9


def test_a_wide_cell_frees_the_busy_columns_it_covers() -> None:
    # Row 1's one-row colspan=3 cell covers column 1, which row 0's rowspan=3 keeps busy
    # down to row 2: from row 2 on that column is free again (the cell by cell algorithm,
    # which a browser follows here).
    groups = [[[(1, 1), (3, 1)], [(1, 3)], [(1, 1), (1, 1)], []]]
    shapes, positions = laid_out(groups)
    assert shapes == [[(0, 1, 1), (1, 1, 3)], [(0, 3, 1)], [(0, 1, 1), (1, 1, 1)], []]
    assert positions == 9


def test_one_column_one_row_cells_take_the_free_columns_in_order() -> None:
    # Row 1 has only one-by-one cells under two rowspans (columns 0 and 2 busy): they take
    # columns 1 and 3, then the columns past any busy one; row 2 has only column 0 busy.
    shapes, positions = laid_out(TABLES["one-by-one-under-rowspans"])
    assert shapes == [
        [(0, 1, 3), (1, 1, 1), (2, 1, 2), (3, 1, 1)],
        [(1, 1, 1), (3, 1, 1), (4, 1, 1), (5, 1, 1)],
        [(1, 1, 1), (2, 1, 1)],
        [(0, 1, 1), (1, 1, 1), (2, 1, 1), (3, 1, 1), (4, 1, 1)],
    ]
    assert positions == 3 + 1 + 2 + 1 + 4 + 2 + 5


@pytest.mark.parametrize("seed", range(300))
def test_random_tables_laid_out_as_cell_by_cell(seed: int) -> None:
    rng = random.Random(seed)
    groups = [
        [
            [
                (rng.choice((1, 1, 1, 1, 2, 3, 0)), rng.choice((1, 1, 1, 2, 3)))
                for _ in range(rng.randrange(6))
            ]
            for _ in range(rng.randrange(1, 7))
        ]
        for _ in range(rng.randrange(1, 3))
    ]
    shapes, positions = laid_out(groups)
    assert shapes == reference(groups)
    assert positions == sum(span * rows for row in shapes for _, span, rows in row)


def test_equal_shapes_are_shared() -> None:
    rows = [Row(index, 1) for index in range(3)]
    for row in rows:
        row.add(0, 1, 1)
        row.add(0, 1, 2)
    Spans(Limits()).lay_out(rows)
    assert rows[0].shapes is rows[1].shapes is rows[2].shapes


def _row_of(spans: list[int], group: int = 1) -> Row:
    row = Row(0, group)
    for span in spans:
        row.add(0, 1, span)
    return row


def test_shapes_are_shared_across_reads_until_the_memo_tables_are_emptied() -> None:
    first, second = _row_of([1, 2, 1]), _row_of([1, 2, 1])
    Spans(Limits()).lay_out([first])
    Spans(Limits()).lay_out([second])  # another read: the shapes the first one made
    assert second.shapes is first.shapes
    assert [(c.column, c.span, c.rows) for c in second.shapes] == [(0, 1, 1), (1, 2, 1), (3, 1, 1)]
    memo.clear_all()
    third = _row_of([1, 2, 1])
    Spans(Limits()).lay_out([third])
    assert third.shapes == first.shapes
    assert third.shapes is not first.shapes


def test_a_wide_row_is_kept_for_its_read_only() -> None:
    memo.clear_all()
    wide = [1] * (html_tables._SHAPES_ROW_CELLS + 1)
    rows = [_row_of(wide, group) for group in (1, 2)]  # two groups: laid out apart
    spans = Spans(Limits())
    spans.lay_out(rows)
    assert rows[0].shapes is rows[1].shapes  # shared within the read
    assert len(rows[0].shapes) == 65
    assert html_tables._ROW_SHAPES == {}  # not kept for the process
    later = _row_of(wide)
    Spans(Limits()).lay_out([later])
    assert later.shapes == rows[0].shapes
    assert later.shapes is not rows[0].shapes


def test_the_process_table_of_shapes_stays_bounded() -> None:
    memo.clear_all()
    for width in range(1, html_tables._SHAPES_KEPT + 10):
        Spans(Limits()).lay_out([_row_of([width])])
    assert 0 < len(html_tables._ROW_SHAPES) <= html_tables._SHAPES_KEPT
    assert 0 < len(html_tables._CELL_SHAPES) <= html_tables._SHAPES_KEPT
    memo.clear_all()


def test_cells_over_the_limit() -> None:
    with pytest.raises(LimitError) as caught:
        laid_out([[[(1, 4)] * 3] * 2], Limits(max_cells=20))
    assert str(caught.value) == "over the limit max-cells = 20 (more than 20 table cells)"
    with pytest.raises(LimitError):
        laid_out([[[(3, 2), (1, 3)], [(1, 3)], [(1, 3)]]], Limits(max_cells=14))
    shapes, positions = laid_out([[[(3, 2), (1, 3)], [(1, 3)], [(1, 3)]]], Limits(max_cells=15))
    assert positions == 15
    assert shapes[1] == [(2, 3, 1)]


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("3", 3),
        ("007", 7),
        (" \t3", 3),
        ("+3", 3),
        ("3px", 3),
        ("1" * 20, int("1" * 20)),
        ("1" * 21, int("1" * 20)),  # digits past the twentieth are not read
        ("++3", None),
        ("x3", None),
        ("", None),
        (None, None),
        ("\u0663", None),  # an Arabic-Indic digit: not a digit to a browser
        ("\u00b2", None),  # a superscript two (str.isdigit says it is one)
        ("\uff13", None),  # a full-width three
    ],
)
def test_span_value_as_a_browser_reads_it(value: str | None, number: int | None) -> None:
    assert span_value(value) == number


def _table() -> list[Row]:
    """A table whose second row sits under a rowspan (laid out cell by cell)."""
    first, second = Row(0, 1), Row(1, 1)
    first.add(0, 2, 1)
    first.add(0, 1, 2)
    second.add(0, 1, 1)
    second.add(0, 1, 1)
    return [first, second]


def test_a_table_laid_out_before_is_given_the_same_shapes() -> None:
    memo.clear_all()
    before, again = _table(), _table()
    spans = Spans(Limits())
    spans.lay_out(before)
    spans.lay_out(again)  # the same groups, rowspans and colspans: looked up
    assert [row.shapes for row in again] == [row.shapes for row in before]
    assert all(map(operator.is_, (row.shapes for row in again), (row.shapes for row in before)))
    assert [[(c.column, c.span, c.rows) for c in row.shapes] for row in again] == [
        [(0, 1, 2), (1, 2, 1)],
        [(1, 1, 1), (2, 1, 1)],
    ]
    assert spans.positions == 2 * 6  # a looked-up table's positions are counted too
    other = _table()
    other[1].group = 2  # another group: another layout, not the one kept
    Spans(Limits()).lay_out(other)
    assert [(c.column, c.rows) for c in other[0].shapes] == [(0, 1), (1, 1)]
    memo.clear_all()


def test_a_looked_up_table_over_the_cell_limit() -> None:
    memo.clear_all()
    Spans(Limits()).lay_out(_table())
    with pytest.raises(LimitError) as caught:
        Spans(Limits(max_cells=5)).lay_out(_table())
    assert str(caught.value) == "over the limit max-cells = 5 (more than 5 table cells)"
    memo.clear_all()


def test_tables_kept_stay_bounded_and_large_tables_are_not_kept() -> None:
    memo.clear_all()
    for width in range(1, html_tables._TABLE_SHAPES.maxsize + 10):
        Spans(Limits()).lay_out([_row_of([width])])
    assert 0 < len(html_tables._TABLE_SHAPES) <= html_tables._TABLE_SHAPES.maxsize
    memo.clear_all()
    Spans(Limits()).lay_out([_row_of([1]) for _ in range(html_tables._TABLE_ROWS_KEPT + 1)])
    Spans(Limits()).lay_out([_row_of([1] * (html_tables._SHAPES_ROW_CELLS + 1))])
    many = html_tables._TABLE_CELLS_KEPT // html_tables._SHAPES_ROW_CELLS + 1
    Spans(Limits()).lay_out([_row_of([1] * html_tables._SHAPES_ROW_CELLS) for _ in range(many)])
    assert len(html_tables._TABLE_SHAPES) == 0
    memo.clear_all()
