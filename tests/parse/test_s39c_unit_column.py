"""A table 二 with a unit column after the label (信息内容 | 单位 | 本年制发件数 | …, then
规章 | 件 | 0 | 0 | 0 and 行政事业性收费 | 万元 | 1071): the unit cell is no value. It was
read as a fourth value of a three-value row, and every row of the table was lost (XG003
on each); now the rows are read, their values at their own lines and columns."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.parse.test_value_cells import _parse, _seed, _truth, _wrong
from tests.rules.helpers import check_text


def _with_unit_column(text: str, fee_unit: str = "万元") -> str:
    """Seed 000 with a 单位 column after the label of each row of table 二."""
    start, end = text.index("二、主动公开"), text.index("三、收到和处理")
    out = []
    for line in text[start:end].split("\n"):
        cells = line.split("|")
        label = cells[0].strip()
        if len(cells) > 1 and not label.startswith("第二十条"):
            unit = {"信息内容": "单位", "行政事业性收费": fee_unit}.get(label, "件")
            line = "|".join([cells[0], f" {unit} ", *cells[1:]])
        out.append(line)
    return text[:start] + "\n".join(out) + text[end:]


def _line_of(text: str, start: str) -> int:
    lines = text.split("\n")
    return lines.index(next(x for x in lines if x.startswith(start))) + 1


def test_a_unit_column_is_no_value_of_its_rows() -> None:
    text = _with_unit_column(_seed("000"))
    assert "行政规范性文件 | 件 | 13 | 0 | 21 |" in text
    report = _parse(text)
    assert _wrong(report, {"proactive": _truth("000")["proactive"]}, but={}) == []
    table = report.table("proactive")
    row = "行政规范性文件 | 件 | 13 | 0 | "
    cell = table.cell("normative_documents", "in_force")
    assert (cell.value, cell.span.line, cell.span.column) == (
        Decimal(21),
        _line_of(text, row),
        len(row) + 1,
    )
    cell = table.cell("fees", "amount")
    assert (cell.value, cell.span.line, cell.span.column) == (
        Decimal(1071),
        _line_of(text, "行政事业性收费 | 万元 | "),
        len("行政事业性收费 | 万元 | ") + 1,
    )


def test_a_report_with_a_unit_column_has_no_findings(tmp_path: Path) -> None:
    result = check_text(tmp_path, _with_unit_column(_seed("000")))
    assert [(f.code, f.line) for f in result.diagnostics if f.severity.name != "NOTICE"] == []


def test_an_amount_in_yuan_is_left_unread_not_read_as_ten_thousands() -> None:
    text = _with_unit_column(_seed("000"), fee_unit="元")
    table = _parse(text).table("proactive")
    assert table.cell("fees", "amount") is None
    assert table.cell("licensing", "decisions").value == Decimal(1493)
