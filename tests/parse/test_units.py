"""A money column headed in another unit than the format's (收费金额(元) for 万元): the
value is kept as printed, the table says its unit, and checks read it in the format's."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from xxgk_lint.format.model import in_unit, printed_unit
from xxgk_lint.parse import parse_source
from xxgk_lint.parse.serialize import plain, report_to_json
from xxgk_lint.sources import read_source

BLOCK = "二、主动公开政府信息情况\n第二十条第（八）项 | |||\n信息内容 | {header} | ||\n行政事业性收费 | {value} |\n"


@pytest.mark.parametrize(
    ("norm", "unit"),
    [
        ("本年收费金额(单位:万元)", "万元"),
        ("本年收费金额(单位:元)", "元"),
        ("收费金额(元)", "元"),
        ("收费金额 单位:千元", "千元"),
        ("本年收费金额", None),
        ("元旦", None),
    ],
)
def test_printed_unit(norm: str, unit: str | None) -> None:
    assert printed_unit(norm) == unit


def test_in_unit() -> None:
    assert in_unit(300, "元", "万元") == Decimal("0.03")
    assert in_unit(Decimal("0.03"), "万元", "元") == 300


@pytest.mark.parametrize(
    ("header", "value", "unit", "amount"),
    [
        ("本年收费金额（单位：元）", "300", "元", Decimal("0.03")),
        ("收费金额(元)", "1250.5", "元", Decimal("0.12505")),
        ("本年收费金额（单位：万元）", "0.03", None, Decimal("0.03")),
    ],
)
def test_amount_in_another_unit(
    tmp_path: Path, header: str, value: str, unit: str | None, amount: Decimal
) -> None:
    path = tmp_path / "r.txt"
    path.write_text(BLOCK.format(header=header, value=value), encoding="utf-8")
    report = parse_source(read_source(path))
    table = report.tables["proactive"]
    assert table.row("fees").value("amount") == Decimal(value)  # type: ignore[union-attr]
    assert table.amount("fees", "amount") == amount
    assert table.unit("fees", "amount") == (unit or "万元")
    data = report_to_json(report)
    assert data["tables"]["proactive"]["fees"]["amount"] == plain(Decimal(value))  # as printed
    if unit is None:
        assert data["units"] == [] and report.deviations == ()
        return
    assert data["units"] == [
        {
            "table": "proactive",
            "row": "fees",
            "column": "amount",
            "unit": "元",
            "format_unit": "万元",
        }
    ]
    (deviation,) = data["deviations"]
    assert deviation["kind"] == "unit" and deviation["label"] == header
    assert (deviation["line"], deviation["column"]) == (3, 8)
    assert (deviation["expected"], deviation["found"]) == ("万元", "元")
