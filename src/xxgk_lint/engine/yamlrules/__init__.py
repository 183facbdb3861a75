"""Rules written in YAML: agencies' own checks without Python.

A file listed under ``plugins:`` in ``.xxgk-lint.yaml`` whose name ends in ``.yaml`` or
``.yml`` is a rule file::

    rules:
      - code: AC101
        name: licensing-reported
        severity: warning
        message:
          zh: 本局承担行政许可职能，行政许可决定数量不应为0
          en: This bureau grants licences, so the licensing count must not be 0
        check: proactive.licensing.decisions > 0

Three kinds of rule: ``check:`` (an expression over canonical cells, :mod:`.expr`),
``require:`` and ``forbid:`` (a pattern that must, or must not, occur in a scope,
:mod:`.scopes`); ``when:`` makes any of them conditional. :mod:`.load` turns a file into
ordinary :class:`~xxgk_lint.engine.rule.Rule` objects, or into one ``file:line: …`` error
per problem. docs/writing-rules.md is the guide.
"""

from __future__ import annotations

from xxgk_lint.engine.yamlrules.load import RuleFile, load_rule_file

__all__ = ["RuleFile", "load_rule_file"]
