"""Evaluate the format's identities on a report: pass, fail, not assessable, uncertain.

The identities are data in the format model (:class:`~xxgk_lint.format.Identity`); this
module reads them against a report's tables, in the report's own format (the 2019 model
sums 19 outcome rows, the 2021 one 21). Each instance (a row, a column or a group) gets a
status:

* ``pass`` / ``fail`` — every cell it needs holds a number, and the sums agree or not;
* ``not_assessable`` — a cell it needs is blank, a placeholder or text, or its row is
  absent: a blank is not a zero, so nothing is claimed about the sum;
* ``uncertain`` — a row it needs was read but its values could not be placed under their
  columns (see :mod:`xxgk_lint.parse.columns`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from xxgk_lint.engine.checks import FAIL, NOT_ASSESSABLE, PASS, UNCERTAIN
from xxgk_lint.format import Identity
from xxgk_lint.parse.ast import Cell, Report, Row, Table

__all__ = ["FAIL", "NOT_ASSESSABLE", "PASS", "UNCERTAIN", "Culprit", "Outcome", "evaluate"]
Number = int | Decimal


class CellRef(NamedTuple):
    """A cell an identity needs: its address and what the report holds there (a
    NamedTuple: a report's identities need some four hundred)."""

    table: str
    row: str
    column: str
    cell: Cell | None
    #: ``table.row.column``, e.g. ``applications.received.total``.
    address: str


@dataclass(frozen=True)
class Outcome:
    """One instance of an identity on one report.

    ``total`` is the cell the identity states a value for; ``parts`` are the cells on the
    other side (for the balance: 一 and 二; ``others`` 四). ``expected`` is what the parts
    make the total (for the balance: 一 + 二 − 四), ``actual`` the printed total.
    """

    identity: Identity
    scope: str
    status: str
    total: CellRef
    parts: tuple[CellRef, ...]
    others: tuple[CellRef, ...] = ()
    expected: Number | None = None
    actual: Number | None = None
    #: For not_assessable / uncertain: the address of the first cell that made it so.
    reason: str | None = None

    @property
    def cells(self) -> tuple[CellRef, ...]:
        return (self.total, *self.parts, *self.others)


def _ref(table: Table, row: Row | None, row_key: str, column: str) -> CellRef:
    cell = row.cell(column) if row is not None and row.complete else None
    return CellRef(table.key, row_key, column, cell, f"{table.key}.{row_key}.{column}")


def _status(
    rows: Sequence[tuple[str, Row | None]], refs: Sequence[CellRef]
) -> tuple[str, str | None]:
    for key, row in rows:
        if row is not None and not row.complete:
            return UNCERTAIN, f"{refs[0].table}.{key}"
    for ref in refs:
        if ref.cell is None or ref.cell.value is None:
            return NOT_ASSESSABLE, ref.address
    return PASS, None


def _outcome(
    identity: Identity,
    scope: str,
    rows: Sequence[tuple[str, Row | None]],
    total: CellRef,
    parts: Sequence[CellRef],
    others: Sequence[CellRef] = (),
) -> Outcome:
    status, reason = _status(rows, (total, *parts, *others))
    if status != PASS:
        return Outcome(identity, scope, status, total, tuple(parts), tuple(others), reason=reason)
    values = [p.cell.value for p in parts]  # type: ignore[union-attr]
    subtract = [o.cell.value for o in others if o is not total]  # type: ignore[union-attr]
    expected = sum(values) - sum(subtract)  # type: ignore[arg-type, operator]
    actual = total.cell.value  # type: ignore[union-attr]
    return Outcome(
        identity,
        scope,
        PASS if expected == actual else FAIL,
        total,
        tuple(parts),
        tuple(others),
        expected,  # type: ignore[arg-type]
        actual,
    )


def _parts_rows(identity: Identity, table: Table) -> tuple[str, ...]:
    """The part rows, with a row that replaces several (the single （六） row) in their stead."""
    parts = list(identity.parts)
    spec = table.spec
    for row in table.rows:
        replaced = spec.row(row.key).replaces if spec.has_row(row.key) else ()
        if replaced and any(p in replaced for p in parts):
            parts = [p for p in parts if p not in replaced] + [row.key]
    return tuple(parts)


def evaluate(identity: Identity, report: Report) -> Iterator[Outcome]:
    """Every instance of ``identity`` on ``report`` (nothing if its table is absent)."""
    table = report.tables.get(identity.table)
    if table is None:
        return
    if identity.kind in ("row-sum", "group-sum"):
        for row in table.rows:
            if identity.total not in row.columns:
                continue
            rows = [(row.key, row)]
            yield _outcome(
                identity,
                row.key,
                rows,
                _ref(table, row, row.key, identity.total),
                [_ref(table, row, row.key, c) for c in identity.parts],
            )
        return
    columns = table.spec.column_keys
    if identity.kind == "column-sum":
        parts = _parts_rows(identity, table)
        total_row = table.row(identity.total)
        part_rows = [(k, table.row(k)) for k in parts]
        for column in columns:
            if any(r is not None and column not in r.columns for _, r in part_rows):
                continue
            yield _outcome(
                identity,
                column,
                [(identity.total, total_row), *part_rows],
                _ref(table, total_row, identity.total, column),
                [_ref(table, r, k, column) for k, r in part_rows],
            )
        return
    if identity.kind == "balance":
        left = [(k, table.row(k)) for k in identity.parts]
        right = [(k, table.row(k)) for k in identity.others]
        total_row = table.row(identity.total)
        for column in columns:
            total = _ref(table, total_row, identity.total, column)
            others = [_ref(table, r, k, column) for k, r in right]
            yield _outcome(
                identity,
                column,
                [*left, *right],
                total,
                [_ref(table, r, k, column) for k, r in left],
                [o for o in others if o.row != identity.total] + [total],
            )
        return
    raise ValueError(f"unknown identity kind {identity.kind!r}")


def evaluate_all(report: Report) -> list[Outcome]:
    """Every identity of the report's format, on the report."""
    return [o for identity in report.format.identities for o in evaluate(identity, report)]


# ---- which cell is wrong


@dataclass(frozen=True)
class Culprit:
    """One cell that explains failed identities: set to ``value``, every identity it
    breaks holds, and no identity that holds today would break.

    ``breaks`` are the failed outcomes it explains, in the model's order.
    """

    ref: CellRef
    value: Number
    breaks: tuple[Outcome, ...]

    @property
    def actual(self) -> Number | None:
        return self.ref.cell.value if self.ref.cell is not None else None


def _coefficient(outcome: Outcome, address: str) -> int:
    """How a cell enters ``outcome``: +1 on the total's side, -1 on the parts' side."""
    if outcome.total.address == address:
        return 1
    if any(o.address == address for o in outcome.others):
        return 1
    return -1


def _needed(outcome: Outcome, ref: CellRef) -> Number:
    """The value ``ref`` would need for ``outcome`` to hold, the other cells unchanged."""
    assert outcome.actual is not None and outcome.expected is not None
    assert ref.cell is not None and ref.cell.value is not None
    gap = outcome.actual - outcome.expected
    return ref.cell.value - _coefficient(outcome, ref.address) * gap  # type: ignore[operator]


def culprits(outcomes: Sequence[Outcome]) -> tuple[list[Culprit], list[Outcome]]:
    """Split the failed outcomes into those one wrong cell explains and the rest.

    A cell *explains* the failures it takes part in when (1) it takes part in no
    identity that holds (changing it would break that one), and (2) every failure it
    takes part in asks the same value of it. A failure is put on a cell only when that
    cell is the one cell that explains it: a wrong （七）总计 breaks the row-sum of its
    row, the outcome-sum and the balance of its column, and only it explains all three;
    two cells moved within one column break two row-sums that no single cell explains.
    Not assessable and uncertain instances neither count for nor against a cell.
    """
    failed = [o for o in outcomes if o.status == FAIL]
    if not failed:
        return [], []
    passing: set[str] = set()
    for outcome in outcomes:
        if outcome.status == PASS:
            passing.update(ref.address for ref in outcome.cells)
    taking_part: dict[str, list[Outcome]] = {}
    refs: dict[str, CellRef] = {}
    for outcome in failed:
        for ref in outcome.cells:
            address = ref.address
            if address in passing:
                continue
            broken = taking_part.setdefault(address, [])
            if not broken or broken[-1] is not outcome:  # the balance names its total twice
                broken.append(outcome)
            refs[address] = ref
    candidates: dict[str, Number] = {}
    for address, broken in taking_part.items():
        values = {_needed(o, refs[address]) for o in broken}
        if len(values) == 1:
            candidates[address] = values.pop()
    explaining: dict[int, int] = {}  # failure → how many candidate cells explain it
    for address in candidates:
        for outcome in taking_part[address]:
            explaining[id(outcome)] = explaining.get(id(outcome), 0) + 1
    explained: list[Culprit] = []
    placed: set[int] = set()
    for address, value in candidates.items():
        broken = taking_part[address]
        alone = all(explaining[id(outcome)] == 1 for outcome in broken)
        if alone:
            explained.append(Culprit(refs[address], value, tuple(broken)))
            placed.update(id(o) for o in broken)
    rest = [o for o in failed if id(o) not in placed]
    return explained, rest
