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

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from xxgk_lint.engine.diagnostics import Diagnostic, Related
from xxgk_lint.parse.ast import Span
from xxgk_lint.parse.serialize import plain
from xxgk_lint.records import NamedTuple  # (typing's, without compiling annotations)

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


class Deferred(NamedTuple):
    """Checks recorded to be made only when read (see
    :meth:`~xxgk_lint.engine.rule.RuleContext.record_later`): their statuses, known when
    they are recorded, and what makes them (as many, in order, with those statuses)."""

    statuses: tuple[str, ...]
    make: Callable[[], Iterable[Check]]


class Checks(Sequence[Check]):
    """A report's checks, in order, as a file's result holds them: those recorded as
    :class:`Deferred` are made the first time the checks are read (iterated, indexed,
    compared, pickled), never when they are only counted (:func:`count`, ``len``).

    Why: an identity's check lists its cells, some two hundred per report, and most runs
    only count the checks (the text summary, a pre-commit hook); JSON, SARIF and JUnit
    read them and get them as if they had been made with the findings. Pickled, they are
    a plain tuple.
    """

    __slots__ = ("_made", "_parts")

    def __init__(self, parts: Iterable[Check | Deferred] = ()) -> None:
        self._parts: tuple[Check | Deferred, ...] = tuple(parts)
        self._made: tuple[Check, ...] | None = None

    def _all(self) -> tuple[Check, ...]:
        made = self._made
        if made is None:
            out: list[Check] = []
            for part in self._parts:
                if type(part) is Deferred:
                    out.extend(part.make())
                else:
                    out.append(part)  # type: ignore[arg-type]
            made = self._made = tuple(out)
            self._parts = ()
        return made

    def statuses(self) -> Iterator[str]:
        """Each check's status, in order, without making the deferred ones."""
        if self._made is not None:
            yield from (check.status for check in self._made)
            return
        for part in self._parts:
            if type(part) is Deferred:
                yield from part.statuses
            else:
                yield part.status  # type: ignore[union-attr]

    def __len__(self) -> int:
        if self._made is not None:
            return len(self._made)
        deferred = [len(p.statuses) for p in self._parts if type(p) is Deferred]
        return len(self._parts) - len(deferred) + sum(deferred)

    def __getitem__(self, index: Any) -> Any:
        return self._all()[index]

    def __iter__(self) -> Iterator[Check]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Checks):
            other = other._all()
        if isinstance(other, tuple):
            return self._all() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return repr(self._all())

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (self._all(),))


def count(checks: Iterable[Check]) -> dict[str, int]:
    """How many checks have each status (every status present, zeros included)."""
    out = dict.fromkeys(STATUSES, 0)
    statuses = checks.statuses() if isinstance(checks, Checks) else (c.status for c in checks)
    for status in statuses:
        out[status] = out.get(status, 0) + 1
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
