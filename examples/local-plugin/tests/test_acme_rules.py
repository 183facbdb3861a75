"""ACME's rules, tested with xxgk-lint's harness: ``python -m pytest tests`` in this folder.

The rule cases in ``cases/`` say, for small reports, what each rule must find; one test
runs them all. The other tests call a rule directly, as a run does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk_lint.testing import parse_text, rule_cases, run_rule

HERE = Path(__file__).parent
PLUGIN = HERE.parent / "acme_rules.py"


@pytest.mark.parametrize("case", rule_cases(HERE / "cases"), ids=str)
def test_rule_case(case) -> None:
    case.check()


def test_a_title_without_the_agency_in_both_languages() -> None:
    report = parse_text("2023年政府信息公开工作年度报告\n一、总体情况\n")
    [zh] = run_rule("AC001", report, plugins=[PLUGIN])
    [en] = run_rule("AC001", report, lang="en", plugins=[PLUGIN])
    assert (zh.line, zh.column, zh.severity.label) == (1, 1, "warning")
    assert zh.message == "标题“2023年政府信息公开工作年度报告”未写明发布报告的机关名称"
    assert en.message == (
        "the title '2023年政府信息公开工作年度报告' does not name the agency that publishes "
        "the report"
    )


def test_an_option_of_the_wrong_type_is_refused() -> None:
    report = parse_text("六、其他需要报告的事项\n未收取费用。\n")
    with pytest.raises(ValueError, match="option 'word' must be of type str, not int 5"):
        run_rule("AC002", report, {"word": 5}, plugins=[PLUGIN])
