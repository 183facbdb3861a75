"""A row label's ordinal number apart from its words is the label's, not a value:

* ``3 . 其 他`` — pdftotext's copy of a justified cell spreads 3.其他 (and 1.属于国家秘密 …)
  with blanks; the 3 was read as a value, leaving the label 其他 (which names no row):
  the row was missing (XG003) and the row before had a value too many;
* ``04 结转下年度继续办理`` — a report numbering its parts 01, 02 … (a WeChat article's
  style) numbers its table rows so too; the 04 was read as the value of (七)总计's row
  (XG003: 8 values for 7 columns, the 总计 row lost)."""

from __future__ import annotations

from decimal import Decimal

from tests.parse.test_value_cells import _parse, _seed, _truth, _wrong
from xxgk_lint.parse.cells import NUMBER, TEXT, _split


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(part[0], part[1]) for part in _split(text)]


def test_a_spread_ordinal_is_the_label_s() -> None:
    assert _kinds("3 . 其 他      0     1") == [(TEXT, "3 . 其 他"), (NUMBER, "0"), (NUMBER, "1")]
    assert _kinds("2 .重复申请  0") == [(TEXT, "2 .重复申请"), (NUMBER, "0")]
    assert _kinds("12 .5") == [(NUMBER, "12"), (TEXT, ".5")]  # (no word after the mark)


def test_a_zero_led_number_first_in_its_field_is_the_label_s() -> None:
    assert _kinds("04 结转下年度继续办理") == [(TEXT, "04 结转下年度继续办理")]
    assert _kinds("0 04 结转") == [(NUMBER, "0"), (NUMBER, "04"), (TEXT, "结转")]
    assert _kinds("05") == [(NUMBER, "05")]


def _spread(text: str) -> str:
    """Seed 000's pipe rows as pdftotext prints a table of justified cells: the label's
    characters spread with blanks, the cells two blanks and more apart."""
    out = []
    for line in text.split("\n"):
        if "|" in line:
            cells = [c.strip() for c in line.split("|") if c.strip()]
            cells = [c if c.isdigit() or len(c) > 7 else " ".join(c) for c in cells]
            line = "    ".join(cells)
        out.append(line)
    return "\n".join(out)


def test_spread_labels_in_a_layout_copy() -> None:
    text = _spread(_seed("000"))
    assert "\n3 . 其 他    0    0" in text
    report = _parse(text)
    assert _wrong(report, _truth("000"), but={}) == []
    line = next(i for i, x in enumerate(text.split("\n"), 1) if x.startswith("3 . 其 他"))
    cell = report.table("applications").cell("other.other", "natural_person")
    assert (cell.value, cell.span.line, cell.span.column) == (Decimal(0), line, 12)


def test_zero_led_row_numbers_in_a_tab_table() -> None:
    text = _seed("004").replace("四、结转下年度继续办理\t", "04 结转下年度继续办理\t")
    assert "\n04 结转下年度继续办理\t" in text
    report = _parse(text)
    assert _wrong(report, _truth("004"), but={}) == []
    line = next(i for i, x in enumerate(text.split("\n"), 1) if x.startswith("(七) 总计"))
    cell = report.table("applications").cell("total", "natural_person")
    assert (cell.value, cell.span.line, cell.span.column) == (Decimal(20), line, 8)
