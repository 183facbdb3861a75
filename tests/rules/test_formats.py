"""Rules check each report by its own format model and year."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from xxgk_lint_rules._docs import docs

from tests.conftest import FIXTURES
from tests.rules.helpers import check, result
from xxgk_lint.engine.rule import rule
from xxgk_lint.format import UnknownKeyError
from xxgk_lint.parse import parse_path

OLDER = FIXTURES / "reports" / "older-format-2019.txt"


def test_a_2019_report_is_read_and_checked_by_the_2019_model() -> None:
    found = check(OLDER)
    assert [(d.code, d.severity.label) for d in found] == [("XG002", "info")]


def test_a_2019_report_with_a_wrong_total_fails_its_own_19_row_sum(tmp_path: Path) -> None:
    text = OLDER.read_text(encoding="utf-8")
    wrong = text.replace(
        "（七）总计 | 13 | 1 | 0 | 0 | 0 | 0 | 14 |", "（七）总计 | 13 | 1 | 0 | 0 | 0 | 0 | 15 |"
    )
    assert wrong != text
    path = tmp_path / "older.txt"
    path.write_text(wrong, encoding="utf-8")
    file = result(path)
    codes = sorted((d.code, d.expected, d.actual) for d in file.diagnostics if d.code != "XG002")
    # One wrong cell, one finding: it breaks the row-sum of （七）总计, its column's outcome
    # sum (19 rows, （六） one of them) and balance, and is reported once, by the row-sum.
    assert codes == [("XG201", 14, 15)]
    failed = sorted((c.check, c.scope, c.finding) for c in file.checks if c.status == "fail")
    finding = ("XG201", "applications.total.total")
    assert failed == [
        ("balance", "total", finding),
        ("outcome-sum", "total", finding),
        ("row-sum", "total", finding),
    ]
    outcome_sum = next(c for c in file.checks if c.check == "outcome-sum" and c.scope == "total")
    assert len(outcome_sum.cells) == 20  # （七）总计 and the 19 outcome rows of the 2019 format


def test_the_fee_statement_is_not_asked_of_2019_and_2020_reports(tmp_path: Path) -> None:
    text = OLDER.read_text(encoding="utf-8").replace(
        "我局在办理政府信息公开申请过程中未收取任何费用。", ""
    )
    path = tmp_path / "older.txt"
    path.write_text(text, encoding="utf-8")
    assert "XG401" not in {d.code for d in check(path)}
    path.write_text(text.replace("2019年", "2022年"), encoding="utf-8")
    assert "XG401" in {d.code for d in check(path)}


def test_a_rule_naming_a_key_the_model_does_not_have_fails_when_declared() -> None:
    with pytest.raises(
        UnknownKeyError, match=re.escape("'proactve.licensing.decisions': no table 'proactve'")
    ):

        @rule(
            code="AC901",
            name="typo",
            severity="warning",
            summary={"zh": "拼写", "en": "typo"},
            messages={"zh": {"default": "x"}},
            docs=docs(("a", "b", "c", "d"), ("a", "b", "c", "d")),
            uses=["proactve.licensing.decisions"],
        )
        def typo(report, ctx):  # pragma: no cover - never registered
            yield from ()


def test_a_rule_declares_the_formats_and_years_it_applies_to() -> None:
    @rule(
        code="AC902",
        name="only-2021",
        severity="warning",
        summary={"zh": "只查2021", "en": "2021 only"},
        messages={"zh": {"default": "x"}},
        docs=docs(("a", "b", "c", "d"), ("a", "b", "c", "d")),
        formats=["2021"],
        years=(2022, None),
        uses=["applications.*.total"],
    )
    def only(report, ctx):
        yield ctx  # would be a finding

    assert only.meta.applies_to("2021", 2023)
    assert not only.meta.applies_to("2019", 2023)
    assert not only.meta.applies_to("2021", 2021)
    with pytest.raises(UnknownKeyError, match="no format '2018'"):
        rule(
            code="AC903",
            name="bad-format",
            severity="warning",
            summary={"zh": "x", "en": "x"},
            messages={"zh": {"default": "x"}},
            docs=docs(("a", "b", "c", "d"), ("a", "b", "c", "d")),
            formats=["2018"],
        )


#: （六）其他处理 as the 2021 format prints it: three rows (the first holds the 1).
OTHER_2021 = (
    "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 "
    "| 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 "
    "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    "3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
)


def _hybrid(tmp_path: Path, other: str = OTHER_2021) -> Path:
    """The 2019 report with last year's table 二 kept and the 2021 table 三 printed."""
    text = OLDER.read_text(encoding="utf-8")
    hybrid = text.replace("（六）其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", other)
    assert hybrid != text
    path = tmp_path / "hybrid.txt"
    path.write_text(hybrid, encoding="utf-8")
    return path


def test_a_2019_report_printing_the_2021_table_3_reads_its_three_other_rows(
    tmp_path: Path,
) -> None:
    path = _hybrid(tmp_path)
    file = result(path)
    assert [(d.code, d.severity.label) for d in file.diagnostics] == [("XG002", "info")]
    report = parse_path(path)
    assert report.format_version == "2019"
    table = report.tables["applications"]
    rows = ("other.no_correction", "other.fee_unpaid", "other.other", "total")
    assert [table.row(row).value("total") for row in rows] == [1, 0, 0, 14]  # type: ignore[union-attr]
    outcome_sum = next(c for c in file.checks if c.check == "outcome-sum" and c.scope == "total")
    assert outcome_sum.status == "pass"
    assert len(outcome_sum.cells) == 22  # （七）总计 and the 21 outcome rows


def test_a_wrong_cell_among_the_2021_other_rows_of_a_2019_report_is_named(
    tmp_path: Path,
) -> None:
    path = _hybrid(
        tmp_path,
        OTHER_2021.replace(
            "3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 2 |"
        ),
    )
    found = [d for d in check(path) if d.code != "XG002"]
    assert [(d.code, d.line, d.column, d.expected, d.actual) for d in found] == [
        ("XG201", 55, 32, 0, 2)
    ]
