"""One cell per line, a blank cell printed as an empty line: the blank is a cell of its
row (XG004 at its empty line), not dropped — which left the row a value short, unplaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_text, codes
from xxgk_lint.parse import parse_source
from xxgk_lint.sources import read_source

CLEAN = (Path(__file__).parents[1] / "rules/cases/reports/clean.txt").read_text(encoding="utf-8")
COLUMNS = ("natural_person", "business", "research", "public_interest")
COLUMNS += ("legal_service", "other_org", "total")


def one_per_line(text: str, gap: int, blank: dict[str, int]) -> tuple[str, list[int]]:
    """``text`` with each | row's cells on lines of their own, ``gap`` empty lines between
    them; the cells at ``blank`` (a row label's start → the index of its value) printed as
    an empty line. Also the line numbers of those empty lines."""
    out: list[str] = []
    blanks: list[int] = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("|")]
        while cells and not cells[-1]:
            cells.pop()
        if len(cells) < 2:
            out.append(line)
            continue
        at = next((blank[k] for k in blank if cells[0].startswith(k)), None)
        for index, cell in enumerate(cells):
            if index:
                out += [""] * gap
            if at is not None and index == len(cells) - 7 + at:
                blanks.append(len(out) + 1)
                out.append("")
            else:
                out.append(cell)
    return "\n".join(out), blanks


def _applications(tmp_path: Path, text: str):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    return parse_source(read_source(path)).tables["applications"]


@pytest.mark.parametrize("gap", [1, 0], ids=["empty-line-between", "none-between"])
@pytest.mark.parametrize("at", [6, 3, 0], ids=["total", "middle", "first"])
def test_a_blank_line_is_a_blank_cell(tmp_path: Path, gap: int, at: int) -> None:
    text, (line,) = one_per_line(CLEAN, gap, {"（四）无法提供": at})
    table = _applications(tmp_path, text)
    row = table.row("unavailable.not_held")
    expected = dict(zip(COLUMNS, (1, 1, 0, 0, 0, 0, 2), strict=True))
    expected[COLUMNS[at]] = None
    assert {c: row.value(c) for c in COLUMNS} == expected  # type: ignore[union-attr]
    assert table.row("unavailable.needs_creation").value("total") == 0  # type: ignore[union-attr]
    file = check_text(tmp_path, text)
    assert codes(file, "XG003") == []
    assert codes(file, "XG004") == [("XG004", line, 1)]


@pytest.mark.parametrize("gap", [1, 0], ids=["empty-line-between", "none-between"])
def test_blank_lines_in_several_rows(tmp_path: Path, gap: int) -> None:
    blank = {"2.其他法律": 6, "3.补正后": 0, "（七）总计": 2}
    text, lines = one_per_line(CLEAN, gap, blank)
    table = _applications(tmp_path, text)
    assert table.row("denied.prohibited_by_law").value("total") is None  # type: ignore[union-attr]
    assert table.row("unavailable.unclear").value("natural_person") is None  # type: ignore[union-attr]
    assert table.row("unavailable.unclear").value("business") == 0  # type: ignore[union-attr]
    assert table.row("total").value("research") is None  # type: ignore[union-attr]
    assert table.row("total").value("total") == 7  # type: ignore[union-attr]
    assert table.row("carried_forward").value("natural_person") == 1  # type: ignore[union-attr]
    file = check_text(tmp_path, text)
    assert codes(file, "XG003") == []
    assert codes(file, "XG004") == [("XG004", line, 1) for line in lines]


def test_an_uneven_gap_is_no_blank_cell(tmp_path: Path) -> None:
    # Two empty lines where cells stand one empty line apart: no whole number of cells.
    text, (line,) = one_per_line(CLEAN, 1, {"（四）无法提供": 3})
    lines = text.split("\n")
    lines.insert(line, "")
    table = _applications(tmp_path, "\n".join(lines))
    assert table.row("unavailable.not_held").value("natural_person") is None  # type: ignore[union-attr]
