"""Tests of ACME's rules: parse a small report, run one rule on it, check the findings.

Run with ``python -m pytest examples/plugin-package/tests`` once the package is installed
(``pip install -e examples/plugin-package``); without installing, the ``src`` folder is
put on ``sys.path`` below. Only xxgk-lint's public API is used.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from xxgk_lint.engine.diagnostics import Diagnostic
from xxgk_lint.engine.rule import ReportFacts, Rule, RuleContext
from xxgk_lint.parse import parse_path

try:
    import acme_xxgk_rules
except ModuleNotFoundError:  # not installed: test the source tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import acme_xxgk_rules

REPORT = """\
青山县审计局2023年政府信息公开工作年度报告
一、总体情况
2023年，我局推进行政许可事项网上办理。
二、主动公开政府信息情况
第二十条第（五）项 | | | |
信息内容 | 本年处理决定数量 | | |
行政许可 | {licensing} | | |
"""


def rules_by_code() -> dict[str, Rule]:
    return {r.code: r for r in acme_xxgk_rules.xxgk_lint_rules()}


def check(path: Path, code: str, lang: str = "zh") -> list[Diagnostic]:
    """Run one per-report rule on one file, as a run of xxgk-lint does."""
    rule = rules_by_code()[code]
    assert rule.check is not None
    return list(rule.check(parse_path(path), RuleContext(rule.meta, str(path), lang)))


def check_run(paths: list[Path], code: str, lang: str = "zh") -> list[Diagnostic]:
    """Run one whole-run rule (``run=True``) on several files."""
    rule = rules_by_code()[code]
    assert rule.check_run is not None
    facts = [ReportFacts.of(parse_path(p), rule) for p in paths]
    return list(rule.check_run(facts, RuleContext(rule.meta, str(paths[0]), lang)))


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_hook_declares_both_rules() -> None:
    rules = rules_by_code()
    assert sorted(rules) == ["ACMEPKG001", "ACMEPKG002"]
    assert rules["ACMEPKG001"].name == "licensing-zero-but-mentioned"
    assert rules["ACMEPKG002"].check_run is not None  # a whole-run rule


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_zero_licensing_mentioned_in_the_overview_is_reported_at_the_cell(
    tmp_path: Path, lang: str
) -> None:
    path = write(tmp_path, "r.txt", REPORT.format(licensing=0))
    [found] = check(path, "ACMEPKG001", lang)
    assert (found.line, found.column) == (7, 8)  # the 0 of 行政许可 | 0
    assert found.actual == 0
    if lang == "zh":
        assert "总体情况第3行提到了行政许可" in found.message
    else:
        assert "mentions 行政许可 on line 3" in found.message


def test_a_nonzero_count_passes(tmp_path: Path) -> None:
    path = write(tmp_path, "r.txt", REPORT.format(licensing=56))
    assert check(path, "ACMEPKG001") == []


def test_an_overview_that_does_not_mention_licensing_passes(tmp_path: Path) -> None:
    text = REPORT.format(licensing=0).replace("推进行政许可事项网上办理", "推进政务公开")
    assert check(write(tmp_path, "r.txt", text), "ACMEPKG001") == []


def test_the_second_report_of_an_agency_and_year_is_reported(tmp_path: Path) -> None:
    first = write(tmp_path, "a.txt", REPORT.format(licensing=1))
    second = write(tmp_path, "b.txt", REPORT.format(licensing=1))
    other = write(tmp_path, "c.txt", REPORT.format(licensing=1).replace("2023年政府", "2022年政府"))
    [found] = check_run([second, other, first], "ACMEPKG002")
    assert found.path == str(second)
    assert found.line == 1
    assert found.message == f"青山县审计局2023年度的报告已有一份：{first}"
