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
