"""Check outcomes: what a rule verified on a report, with one of four statuses.

A finding says what is wrong; an evaluator also wants to know what was *verified*. Every
identity instance and every cross-check a rule makes (a row-sum, a number of the prose
against table 三, the fee statement against row （六）2 …) is recorded as a :class:`Check`
with a status:

* ``pass`` — every value it needs was read, and they agree;
* ``fail`` — they disagree (a finding reports it; ``finding`` names that finding);
* ``not_assessable`` — a value it needs is blank, a placeholder, text or absent;
* ``uncertain`` — a value was read but its place was not sure (a row whose numbers could
  not be placed under their columns).

Rules record checks with :meth:`xxgk_lint.engine.rule.RuleContext.record`; the runner
keeps them on the file's :class:`~xxgk_lint.engine.results.FileResult`; the formatters
count them (text), list them (JSON), skip them (JUnit) and point at their cells (SARIF).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from xxgk_lint.engine.diagnostics import Diagnostic, Related
from xxgk_lint.parse.ast import Span
from xxgk_lint.parse.serialize import plain

PASS, FAIL, NOT_ASSESSABLE, UNCERTAIN = "pass", "fail", "not_assessable", "uncertain"
#: The four statuses, in the order summaries list them.
STATUSES: tuple[str, ...] = (PASS, FAIL, NOT_ASSESSABLE, UNCERTAIN)

Value = int | Decimal | str | None


class CheckCell(NamedTuple):
    """One place a check read: a table cell (``applications.received.total``) or a
    stretch of prose (``text``), with the value found there and where it stands.

    ``span`` is ``None`` for a cell the report does not have (its row is absent). A
    NamedTuple, as the AST's cells: a report's checks read about a thousand of them.
    """

    address: str
    value: Value
    span: Span | None = None
    #: What a person calls it, in the run's language (the row and column as printed).
    label: str = ""

    def to_json(self) -> dict[str, Any]:
        span = self.span
        return {
            "address": self.address,
            "label": self.label,
            "value": plain(self.value),
            "line": span.line if span else None,
            "column": span.column if span else None,
            "end_line": span.end_line if span else None,
            "end_column": span.end_column if span else None,
            "where": span.where if span else None,
        }


class Check(NamedTuple):
    """One verified relation on one report (a NamedTuple, as :class:`CheckCell`: a report
    records some sixty, and a frozen dataclass is built several times slower).

    ``rule`` is the code of the rule that made it, ``check`` the name of what was checked
    (an identity key such as ``row-sum``, or the rule's own name for cross-checks),
    ``scope`` which instance (a row or column key, a group, a sentence's claim). For a
    failure, ``finding`` is ``(code, subject)`` of the finding that reports it — one
    finding may report several failures (one wrong cell that breaks three identities).
    ``reason`` says, for not_assessable and uncertain, which value was missing or unsure.
    """

    rule: str
    check: str
    scope: str
    status: str
    cells: tuple[CheckCell, ...] = ()
    reason: str | None = None
    finding: tuple[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        finding = None
        if self.finding is not None:
            finding = {"code": self.finding[0], "subject": self.finding[1]}
        return {
            "rule": self.rule,
            "check": self.check,
            "scope": self.scope,
            "status": self.status,
            "reason": self.reason,
            "cells": [c.to_json() for c in self.cells],
            "finding": finding,
        }


def count(checks: Iterable[Check]) -> dict[str, int]:
    """How many checks have each status (every status present, zeros included)."""
    out = dict.fromkeys(STATUSES, 0)
    for check in checks:
        out[check.status] = out.get(check.status, 0) + 1
    return out


def related(
    checks: Sequence[Check], code: str, subject: str, line: int, column: int
) -> list[CheckCell]:
    """The cells of the failed checks that the finding ``(code, subject)`` reports, except
    the one it stands on (``line``, ``column``): the other side of a failed identity, for
    SARIF's ``relatedLocations`` and JSON's ``related``. Each place once, in check order."""
    out: list[CheckCell] = []
    seen = {(line, column)}
    for check in checks:
        if check.status != FAIL or check.finding != (code, subject):
            continue
        for cell in check.cells:
            if cell.span is None or (cell.span.line, cell.span.column) in seen:
                continue
            seen.add((cell.span.line, cell.span.column))
            out.append(cell)
    return out


def places(diagnostic: Diagnostic, checks: Sequence[Check]) -> tuple[Related, ...]:
    """Every other place ``diagnostic`` is about: those its rule named (another report's
    cell) and the cells of the failed checks it reports (:func:`related`), in that order —
    what JSON's ``related`` and SARIF's ``relatedLocations`` list."""
    cells = related(checks, diagnostic.code, diagnostic.subject, diagnostic.line, diagnostic.column)
    if not cells:
        return diagnostic.related
    return (
        *diagnostic.related,
        *(
            Related(
                diagnostic.path,
                cell.span.line,
                cell.span.column,
                max(cell.span.end_line, cell.span.line),
                max(cell.span.end_column, cell.span.column),
                _said(cell),
                cell.span.where,
                cell.address,
                cell.value,
            )
            for cell in cells
            if cell.span is not None
        ),
    )


def _said(cell: CheckCell) -> str:
    """What stands at a cell, as a person reads it: ``“一、本年新收”行“自然人”列 = 11``."""
    name = cell.label or cell.address
    return name if cell.value is None else f"{name} = {plain(cell.value)}"
