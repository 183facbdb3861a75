"""Tests of ACME's rules, with xxgk-lint's harness (:mod:`xxgk_lint.testing`).

Run with ``python -m pytest examples/plugin-package/tests`` once the package is installed
(``pip install -e examples/plugin-package``); without installing, the ``src`` folder is
put on ``sys.path`` below. Only ``xxgk_lint.plugin`` and ``xxgk_lint.testing`` are used.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from xxgk_lint.testing import find_rule, parse_text, rule_cases, run_rule

try:
    import acme_xxgk_rules
except ModuleNotFoundError:  # not installed: test the source tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import acme_xxgk_rules

PLUGIN = [acme_xxgk_rules.__name__]
CASES = Path(__file__).parent / "cases"

REPORT = """\
青山县审计局2023年政府信息公开工作年度报告
一、总体情况
2023年，我局推进行政许可事项网上办理。
"""


@pytest.mark.parametrize("case", rule_cases(CASES), ids=str)
def test_rule_case(case) -> None:
    case.check()


def test_the_hook_declares_both_rules() -> None:
    assert find_rule("ACP001", PLUGIN).name == "licensing-zero-but-mentioned"
    assert find_rule("duplicate-report", PLUGIN).code == "ACP002"
    assert find_rule("ACP002", PLUGIN).check_run is not None  # a whole-run rule


def test_the_second_report_of_an_agency_and_year_is_reported() -> None:
    first = parse_text(REPORT, "a.txt")
    second = parse_text(REPORT, "b.txt")
    other = parse_text(REPORT.replace("2023年政府", "2022年政府"), "c.txt")
    [found] = run_rule("ACP002", [second, other, first], plugins=PLUGIN)
    assert (found.path, found.line, found.column) == ("b.txt", 1, 1)
    assert found.message == "青山县审计局2023年度的报告已有一份：a.txt"
    [english] = run_rule("ACP002", [first, second], lang="en", plugins=PLUGIN)
    assert english.message == "there is already a 2023 report of 青山县审计局: a.txt"
