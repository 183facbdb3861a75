"""ACME's YAML rules, tested with xxgk-lint's harness: ``python -m pytest tests`` here.

Each rule's cases are in ``cases/<CODE>.yml``: a small report (or a file, or a report with
edits), and the findings it must give. The rules' own examples (``examples:`` in
checks/acme.yaml) are cases too (``docs: bad`` / ``docs: good``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk_lint.testing import rule_cases

CASES = Path(__file__).parent / "cases"


@pytest.mark.parametrize("case", rule_cases(CASES), ids=str)
def test_rule_case(case) -> None:
    case.check()
