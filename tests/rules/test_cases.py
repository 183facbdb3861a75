"""Rule cases as data: every ``tests/rules/cases/<CODE>.yml`` is run here, case by case.

Adding a case file for a rule is all it takes to test it: the cases are collected from the
folder. Each built-in rule's documented failing and passing examples (``xxgk-lint explain``,
docs/rules.md) are cases too (``docs: bad`` / ``docs: good``), so the docs' examples are
executed and cannot drift from what the rule does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk_lint.engine.plugins import BUILTIN, load_registry
from xxgk_lint.testing import RuleCase, parse_file, rule_cases, run_rule

CASES_DIR = Path(__file__).parent / "cases"
CASES = rule_cases(CASES_DIR)
BASE = CASES_DIR / "reports" / "clean.txt"


def _builtin_codes() -> list[str]:
    """The rules of the built-in plugin (the engine's XG009 documents plugin code, not a
    report, and has no examples to run)."""
    return [r.code for r in load_registry().sorted_rules() if r.meta.origin.startswith(BUILTIN)]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_rule_case(case: RuleCase) -> None:
    case.check()


def test_every_built_in_rule_runs_its_documented_examples() -> None:
    have = {(c.code, c.spec.get("docs")) for c in CASES}
    missing = [
        f"{code}: docs: {which}"
        for code in _builtin_codes()
        for which in ("bad", "good")
        if (code, which) not in have
    ]
    assert missing == []


def test_every_case_file_is_named_by_its_rule() -> None:
    assert sorted({c.file.stem for c in CASES}) == sorted({c.code for c in CASES})
    assert all(c.file.stem == c.code for c in CASES)


def test_the_base_report_passes_every_built_in_rule() -> None:
    report = parse_file(BASE)
    assert {code: run_rule(code, report) for code in _builtin_codes()} == {
        code: [] for code in _builtin_codes()
    }
