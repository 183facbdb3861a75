"""A value printed with a note mark after it (1493①, 12※, 5†, 3¹) and thousands written
apart by a space (1 493 in one field, 23 962 with a no-break or thin space anywhere):
seed 000 (pipes), its tab copy, and seed 003 (one cell per line), read against their truth.

NFKC makes a circled or superscript digit a digit: 1493① used to be read as 14931 (a
wrong value, no finding), 1493※ as text (XG004)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.parse.test_value_cells import _parse, _seed, _seed_with, _truth, _wrong
from tests.rules.helpers import check_text, codes

_ROW = "行政许可 | 1493 | ||"
_KEY = ("licensing", "decisions")


def _with_cell(cell: str, layout: str = "pipe") -> str:
    return _seed_with("000", _ROW, f"行政许可 | {cell} | ||", layout)


@pytest.mark.parametrize("mark", ["①", "⑳", "⑴", "❶", "¹", "²", "※", "†", "‡", "＊"])
@pytest.mark.parametrize("layout", ["pipe", "tab"])
def test_a_note_mark_after_a_value_is_no_digit_of_it(mark: str, layout: str) -> None:
    text = _with_cell(f"1493{mark}", layout)
    report = _parse(text)
    cell = report.table("proactive").cell(*_KEY)
    assert (cell.value, cell.raw, cell.kind) == (Decimal(1493), f"1493{mark}", "number")
    line = text.split("\n").index(next(x for x in text.split("\n") if "1493" in x)) + 1
    separator = "\t" if layout == "tab" else " | "
    column = len("行政许可" + separator) + 1 if layout == "tab" else 8
    assert (cell.span.line, cell.span.column) == (line, column)
    assert (cell.span.end_line, cell.span.end_column) == (line, column + 5)
    assert _wrong(report, _truth("000"), but={}) == []


def test_a_note_mark_after_a_count_with_its_unit() -> None:
    cell = _parse(_with_cell("1493件①")).table("proactive").cell(*_KEY)
    assert (cell.value, cell.kind) == (Decimal(1493), "number")


@pytest.mark.parametrize("mark", ["①", "※", "²"])
def test_a_note_mark_on_a_value_alone_on_its_line(mark: str) -> None:
    text = _seed("003")
    assert "行政许可\n\n31909\n" in text
    text = text.replace("行政许可\n\n31909\n", f"行政许可\n\n31909{mark}\n", 1)
    report = _parse(text)
    cell = report.table("proactive").cell(*_KEY)
    line = text.split("\n").index(f"31909{mark}") + 1
    assert (cell.value, cell.span.line, cell.span.column) == (Decimal(31909), line, 1)
    assert _wrong(report, _truth("003"), but={}) == []


def test_a_note_mark_finds_nothing(tmp_path: Path) -> None:
    assert codes(check_text(tmp_path, _with_cell("1493①")), "XG004", "XG201", "XG003") == []


def test_a_lone_mark_or_a_word_with_one_is_read_as_before() -> None:
    report = _parse(_with_cell("暂无※"))
    cell = report.table("proactive").cell(*_KEY)
    assert cell.value is None


@pytest.mark.parametrize("gap", [" ", "\u00a0", "\u2009", "\u202f"])
@pytest.mark.parametrize("layout", ["pipe", "tab"])
def test_thousands_apart_in_one_field_are_one_number(gap: str, layout: str) -> None:
    text = _with_cell(f"1{gap}493", layout)
    report = _parse(text)
    cell = report.table("proactive").cell(*_KEY)
    assert (cell.value, cell.raw) == (Decimal(1493), f"1{gap}493")
    assert cell.span.end_column - cell.span.column == 5
    assert _wrong(report, _truth("000"), but={}) == []


@pytest.mark.parametrize("gap", ["\u00a0", "\u2009"])
def test_thousands_apart_by_a_no_break_space_on_a_line_of_their_own(gap: str) -> None:
    text = _seed("003").replace("行政许可\n\n31909\n", f"行政许可\n\n31{gap}909\n", 1)
    report = _parse(text)
    cell = report.table("proactive").cell(*_KEY)
    line = text.split("\n").index(f"31{gap}909") + 1
    assert (cell.value, cell.span.line, cell.span.column) == (Decimal(31909), line, 1)
    assert cell.span.end_column == 7
    assert _wrong(report, _truth("003"), but={}) == []


def test_two_numbers_of_a_space_separated_line_stay_two_cells() -> None:
    """pdftotext's row: 3001 53 are two cells; only a field's or a no-break space's
    thousands are one number."""
    report = _parse(_with_cell("1493 12"))
    assert report.table("proactive").cell(*_KEY) is None or (
        report.table("proactive").cell(*_KEY).value != Decimal(149312)
    )


def test_a_note_mark_on_a_value_of_a_space_separated_line() -> None:
    """pdftotext's row 行政许可 1493①: no NUMBER terminal reads 1493①, so the grammar ran
    it into the label's words and the row was lost (XG003)."""
    text = _seed("000").replace(_ROW, "行政许可 1493①")
    report = _parse(text)
    cell = report.table("proactive").cell(*_KEY)
    line = text.split("\n").index("行政许可 1493①") + 1
    assert (cell.value, cell.raw, cell.span.line, cell.span.column) == (
        Decimal(1493),
        "1493①",
        line,
        6,
    )
    assert _wrong(report, _truth("000"), but={}) == []
