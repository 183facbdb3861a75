"""ACME's extra rules for xxgk-lint, installed as a package.

``pyproject.toml`` declares this module in the entry-point group ``xxgk_lint.plugins``;
xxgk-lint imports it and calls :func:`xxgk_lint_rules`. The rule modules are imported
inside the hook, not here, so that an installed plugin costs nothing until a run needs
its rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from xxgk_lint.plugin import Rule, hookimpl

__version__ = "0.1.0"


@hookimpl
def xxgk_lint_rules() -> Sequence[Rule]:
    from acme_xxgk_rules import across, licensing

    return [*licensing.RULES, *across.RULES]
