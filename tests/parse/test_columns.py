"""Placing a row's values by count: empty fields are padding, wherever they stand."""

from __future__ import annotations

from xxgk_lint.parse.cells import RAW, row_items
from xxgk_lint.parse.columns import by_count


def _values(text: str) -> list:
    return row_items(("ROW", text, 1, 1, 1 + len(text)))[1:]  # (after the label)


def test_trailing_empty_fields_are_padding() -> None:
    placement = by_count(_values("规章 | 1 | 2 | 3 | | |"), ("a", "b", "c"))
    assert placement is not None
    assert ([i[RAW] for i in placement.items or ()], placement.evidence, placement.found) == (
        ["1", "2", "3"],
        "count",
        3,
    )


def test_empty_fields_between_values_are_padding_too() -> None:
    placement = by_count(_values("规章 | 1 | | 2 | 3"), ("a", "b", "c"))
    assert placement is not None
    assert [i[RAW] for i in placement.items or ()] == ["1", "2", "3"]


def test_more_or_fewer_values_than_columns_do_not_decide() -> None:
    assert by_count(_values("规章 | 1 | 2 | | |"), ("a", "b", "c")) is None
    assert by_count(_values("规章 | 1 | 2 | 3 | 4"), ("a", "b", "c")) is None


# --- by_alignment: a space-aligned row with a blank cell ------------------------------

_COLUMNS = ("a", "b", "c", "d")


def _spans(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    from xxgk_lint.parse.columns import aligned_spans

    spans = aligned_spans(_values(text))
    assert spans is not None
    return spans


def _laid(text: str, *complete: str) -> list[str] | None:
    from xxgk_lint.parse.columns import alignment, by_alignment

    placement = by_alignment(_values(text), _COLUMNS, alignment([_spans(c) for c in complete]))
    if placement is None:
        return None
    assert placement.evidence == "aligned"
    return [i[RAW] if i is not None else "" for i in placement.items or ()]


FULL = "规章        10      20      30      40"


def test_display_columns_count_a_wide_character_two() -> None:
    from xxgk_lint.parse.cells import GRID, WIDTH

    items = row_items(("ROW", "规章  10   ２0", 1, 1, 11))
    assert [(i[GRID], i[WIDTH]) for i in items] == [(0, 4), (6, 2), (11, 3)]
    assert _spans(FULL)[0] == ((12, 14), (20, 22), (28, 30), (36, 38))


def test_a_blank_cell_is_placed_by_the_left_edges_of_a_complete_row() -> None:
    assert _laid("规章        10              30      40", FULL) == ["10", "", "30", "40"]
    assert _laid("规范性文件  1       2       3", FULL) == ["1", "2", "3", ""]
    assert _laid("其他" + " " * 24 + "9       3", FULL) == ["", "", "9", "3"]


def test_right_edges_and_centres_line_up_too() -> None:
    right = "规章       100     200     300     400"
    assert _laid("规章         5               7       8", right) == ["5", "", "7", "8"]
    assert _laid("规章       1234    5678             9", FULL) == ["1234", "5678", "", "9"]


def test_rows_that_line_up_with_nothing_or_are_not_aligned_are_not_placed() -> None:
    assert _laid("规章   10      20      30", FULL) is None  # (another offset)
    assert _laid("规章        10 20 30", FULL) is None  # (single spaces: not columns)
    assert _laid("规章        10      20      30", "规章 10 20 30 40") is None
    assert _laid("规章        10      20      30      40", FULL) is None  # (full: by count)


def test_the_complete_rows_most_agreeing_win_and_a_tie_places_nothing() -> None:
    other = "规章            10      20      30      40"
    row = "规章        10      20              40"
    assert _laid(row, FULL, FULL, other) == ["10", "20", "", "40"]
    shifted = "规章    10      20      30      40"  # (one column on: another reading)
    assert _laid("规章            5       6       7", other, shifted) is None
