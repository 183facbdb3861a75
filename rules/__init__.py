"""The built-in rules of xxgk-lint: a plugin like any other.

Registered through the ``xxgk_lint.plugins`` entry point (see pyproject.toml), exactly as
a third-party plugin is. The rule modules are imported inside the hook, not at import
time of this package, to keep start-up fast.
"""

from __future__ import annotations

from collections.abc import Sequence

from xxgk_lint.engine.hookspecs import hookimpl
from xxgk_lint.engine.rule import Rule


@hookimpl
def xxgk_lint_rules() -> Sequence[Rule]:
    from xxgk_lint_rules import (
        across,
        arithmetic,
        dates,
        fees,
        inputs,
        period,
        prose,
        structure,
        tables,
    )

    return [
        *inputs.RULES,
        *tables.RULES,
        *structure.RULES,
        *arithmetic.RULES,
        *period.RULES,
        *dates.RULES,
        *fees.RULES,
        *prose.RULES,
        *across.RULES,
    ]
