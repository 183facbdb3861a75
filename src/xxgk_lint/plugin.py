"""The plugin API: the one module a plugin imports.

::

    from xxgk_lint.plugin import hookimpl, rule, Diagnostic, Report, RuleContext, RuleDoc

Everything a rule needs is here: the hook marker, the ``rule`` decorator and what it
makes, the context a check receives, the finding it yields (and its related places), its
documentation and options, the cells a check records, the pairing of one body's reports
year by year for whole-run rules, and the parsed report (the AST: report, sections,
paragraphs, tables, rows, cells, spans). This surface is **stable**: names are added,
never removed or changed in meaning, within a major version (:data:`API_VERSION`). Every
other module of xxgk-lint is internal and may change in any release; a plugin that
imports from them may break.

Tests use :mod:`xxgk_lint.testing` (``parse_text``, ``run_rule``, the rule-case runner).
The hooks are documented in :mod:`xxgk_lint.engine.hookspecs`, the guide is
docs/writing-rules.md.
"""

from __future__ import annotations

from xxgk_lint.engine.checks import CheckCell
from xxgk_lint.engine.diagnostics import Diagnostic, Related, RuleDoc, RuleOption, Severity
from xxgk_lint.engine.hookspecs import hookimpl
from xxgk_lint.engine.metacheck import RuleDefinitionError
from xxgk_lint.engine.pairing import consecutive, same_year
from xxgk_lint.engine.rule import ReportFacts, Rule, RuleContext, rule
from xxgk_lint.format import UnknownKeyError
from xxgk_lint.parse.ast import (
    Cell,
    Paragraph,
    Period,
    Report,
    Row,
    Section,
    Sentence,
    Span,
    Table,
)

#: The version of this API: a plugin written for version 1 works with every xxgk-lint
#: whose API_VERSION is 1.
API_VERSION = 1

__all__ = [
    "API_VERSION",
    "Cell",
    "CheckCell",
    "Diagnostic",
    "Paragraph",
    "Period",
    "Related",
    "Report",
    "ReportFacts",
    "Row",
    "Rule",
    "RuleContext",
    "RuleDefinitionError",
    "RuleDoc",
    "RuleOption",
    "Section",
    "Sentence",
    "Severity",
    "Span",
    "Table",
    "UnknownKeyError",
    "consecutive",
    "hookimpl",
    "rule",
    "same_year",
]
