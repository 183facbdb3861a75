"""A one-cell-per-line row with more numbers than columns (columns.by_stream): a number
left over on a line of its own is a page number printed between rows and is dropped, but
one on the line of a value the row takes is part of the row (``1 493`` for 1,493, two
numbers typed in one cell) — the row is uncertain (XG003 at its label), never read as its
first numbers. Seed 000, one cell per line, against its truth."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.parse.test_value_cells import _one_per_line, _parse, _seed, _truth, _uncertain, _wrong
from tests.rules.helpers import check_text, codes

_ROW = "行政许可 | 1493 | ||"
_KEY = ("proactive", "licensing", "decisions")


def _lines_with(cell: str) -> str:
    text = _seed("000")
    assert _ROW in text
    return _one_per_line(text.replace(_ROW, f"行政许可 | {cell} | ||"))


@pytest.mark.parametrize("cell", ["1 493", "1 493件", "1493 12", "14 93"])
def test_numbers_sharing_the_value_line_leave_the_row_uncertain(cell: str, tmp_path: Path) -> None:
    text = _lines_with(cell)
    report = _parse(text)
    assert report.table("proactive").cell(*_KEY[1:]) is None  # (not placed: no guess)
    assert _uncertain(report) == [("licensing", 2)]
    assert _wrong(report, _truth("000"), but={}) == [(*_KEY, "missing", Decimal(1493))]
    label = text.split("\n").index("行政许可") + 1
    assert codes(check_text(tmp_path, text), "XG003") == [("XG003", label, 1)]


def test_a_number_on_its_own_line_after_the_row_is_still_dropped() -> None:
    """A page number (a bare number on its own line) after the row's value: read as
    before, the row's width tells it."""
    text = _lines_with("1493").replace("\n1493\n", "\n1493\n\n7\n", 1)
    report = _parse(text)
    assert report.table("proactive").cell(*_KEY[1:]).value == Decimal(1493)
    assert _wrong(report, _truth("000"), but={}) == []


@pytest.mark.parametrize("cell", ["1,493", "1，493", "1493件", "1,493 件", "1\u00a0493"])
def test_one_number_on_the_value_line_is_read(cell: str) -> None:
    report = _parse(_lines_with(cell))
    assert report.table("proactive").cell(*_KEY[1:]).value == Decimal(1493)
    assert _uncertain(report) == []
