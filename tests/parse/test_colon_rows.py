"""Rows printed ``label：value`` with no blank after the colon (行政许可：1493, 行政强制:9次):
the value is a cell of its own, as with a blank (行政许可： 1493) — not read into the label
(which left the row's cell blank, XG004, and the 处罚/收费 rows after it lost, XG003)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, edit
from tests.rules.helpers import check_text
from xxgk_lint.parse.grammar import get_parser
from xxgk_lint.testing import parse_text

#: CLEAN's rows of table 二 after the 第二十条第（一）项 block (their line: 12, 15, 16, 19).
ROWS = {
    "licensing": ("行政许可 | 120 | | |", "行政许可", "120", 120, 12),
    "penalties": ("行政处罚 | 15 | | |", "行政处罚", "15", 15, 15),
    "enforcement": ("行政强制 | 2 | | |", "行政强制", "2", 2, 16),
    "fees": ("行政事业性收费 | 0 | | |", "行政事业性收费", "0", 0, 19),
}


def _as_colon_rows(colon: str, after: str = "", fee: str = "") -> str:
    """CLEAN with table 二's rows from 行政许可 on written ``label{colon}value{after}``."""
    text = CLEAN
    for key, (row, label, value, _, _) in ROWS.items():
        printed = value + (fee if key == "fees" else after)
        text = edit(text, row, f"{label}{colon}{printed}")
    return text


def _cells(text: str) -> dict[str, tuple[str, object, int, int]]:
    table = parse_text(text).table("proactive")
    out = {}
    for key in ROWS:
        cell = table.cell(key, "amount" if key == "fees" else "decisions")
        assert cell is not None, key
        out[key] = (cell.raw, cell.value, cell.span.line, cell.span.column)
    return out


@pytest.mark.parametrize("colon", ["：", ":"])
def test_glued_colon_rows_are_read(tmp_path: Path, colon: str) -> None:
    text = _as_colon_rows(colon)
    assert "行政许可" + colon + "120\n" in text
    assert _cells(text) == {
        key: (value, number, line, len(label) + 2)
        for key, (_, label, value, number, line) in ROWS.items()
    }
    assert list(check_text(tmp_path, text).diagnostics) == []


def test_glued_colon_rows_with_units_are_read(tmp_path: Path) -> None:
    """行政许可：120件, 行政强制：2次, 行政事业性收费：0.5万元 (the unit of each column)."""
    text = _as_colon_rows("：", "件")
    text = edit(text, "行政强制：2件", "行政强制：2次")
    text = edit(text, "行政事业性收费：0", "行政事业性收费：0.5万元")
    cells = _cells(text)
    assert cells["licensing"] == ("120件", 120, 12, 6)
    assert cells["enforcement"] == ("2次", 2, 16, 6)
    assert cells["fees"] == ("0.5万元", Decimal("0.5"), 19, 9)
    assert list(check_text(tmp_path, text).diagnostics) == []


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("行政许可：120 | | |", 6),  # a glued field in a row of pipes
        ("| 行政许可：120 | | |", 8),
        ("行政许可：120\t\t\t", 6),  # … of tabs
        ("行政许可： 120 | | |", 7),  # (with a blank, as before)
    ],
)
def test_a_glued_colon_field_in_a_separated_row(row: str, column: int) -> None:
    text = edit(CLEAN, "行政许可 | 120 | | |", row)
    cell = parse_text(text).table("proactive").cell("licensing", "decisions")
    assert cell is not None
    assert (cell.raw, cell.value, cell.span.line, cell.span.column) == ("120", 120, 12, column)


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("行政许可：1493", [("CELL_TEXT", "行政许可："), ("NUMBER", "1493")]),
        ("行政许可:1,493", [("CELL_TEXT", "行政许可:"), ("NUMBER", "1,493")]),
        ("行政强制：9次", [("CELL_TEXT", "行政强制："), ("CELL_TEXT", "9次")]),
        ("收费金额：12.35万元", [("CELL_TEXT", "收费金额："), ("CELL_TEXT", "12.35万元")]),
        # a colon before a word, or a unit in brackets after it, stays in the label
        (
            "本年收费金额（单位：万元） 3",
            [("CELL_TEXT", "本年收费金额（单位：万元）"), ("NUMBER", "3")],
        ),
    ],
)
def test_the_lexer_reads_a_glued_colon_row(line: str, cells: list[tuple[str, str]]) -> None:
    parser = get_parser()
    assert parser.line_lexer.classify(line) == "ROW"
    assert [(c.type, c.text) for c in parser.splitter.split(line, 1)] == cells


@pytest.mark.parametrize(
    "line",
    [
        "信息处理费：无",  # a statement (a blank mark glued after a colon is no row)
        "统计时间：2023年",  # a date
        "行政许可：1493；",  # ends a sentence
        "行政许可：1493件。",
        "联系电话：0596-3892001",  # no number ends the line
        "行政许可",
    ],
)
def test_lines_that_are_no_colon_row(line: str) -> None:
    assert get_parser().line_lexer.classify(line) != "ROW"
