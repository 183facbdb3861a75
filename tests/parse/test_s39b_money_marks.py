"""An amount printed with its unit and a note mark after it (1071万元①, 1071.5万元※): the
money row reads the amount as the format's unit; it used to be text (XG004), since NFKC
makes the mark a digit of the text the row reads (1071万元1)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.parse.test_value_cells import _parse, _seed_with
from tests.rules.helpers import check_text, codes

_ROW = "行政事业性收费 | 1071 |"
_KEY = ("fees", "amount")


def _with_fee(cell: str, layout: str = "pipe") -> str:
    return _seed_with("000", _ROW, f"行政事业性收费 | {cell} |", layout)


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("1071万元①", Decimal(1071)),
        ("1071.5万元※", Decimal("1071.5")),
        ("1071万元²", Decimal(1071)),
    ],
)
def test_an_amount_with_its_unit_and_a_note_mark(tmp_path: Path, cell: str, value: Decimal) -> None:
    text = _with_fee(cell)
    cell_read = _parse(text).table("proactive").cell(*_KEY)
    line = text.split("\n").index(next(x for x in text.split("\n") if cell in x)) + 1
    bare = cell.rstrip("①※²")
    assert (cell_read.value, cell_read.raw, cell_read.kind) == (value, bare, "number")
    assert (cell_read.span.line, cell_read.span.column) == (line, 11)
    assert cell_read.span.end_column == 11 + len(bare)
    assert codes(check_text(tmp_path, text), "XG004") == []


def test_an_amount_with_its_unit_and_a_mark_in_a_tab_table(tmp_path: Path) -> None:
    text = _with_fee("1071万元①", "tab")
    cell_read = _parse(text).table("proactive").cell(*_KEY)
    assert (cell_read.value, cell_read.kind) == (Decimal(1071), "number")
    assert codes(check_text(tmp_path, text), "XG004") == []
