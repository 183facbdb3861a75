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
