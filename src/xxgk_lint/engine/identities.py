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

What each instance reads depends only on the table's shape (its rows, their columns and
status, the columns of their cells), which reports of one template share: the instances
are worked out once per shape into a plan of places (:class:`_Plan`), and a report's
cells are then read through it with ``map`` and ``itemgetter``, each place once, as one
:class:`CellRef` shared by the instances that read it.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from itertools import repeat
from operator import itemgetter
from typing import Any

from xxgk_lint.engine.checks import FAIL, NOT_ASSESSABLE, PASS, UNCERTAIN
from xxgk_lint.engine.tablecells import table_cells
from xxgk_lint.format import Identity
from xxgk_lint.parse.ast import Cell, Report, Row, Table, as_cell
from xxgk_lint.records import NamedTuple  # (typing's, without compiling annotations)

__all__ = [
    "FAIL",
    "NOT_ASSESSABLE",
    "PASS",
    "UNCERTAIN",
    "Culprit",
    "Outcome",
    "evaluate",
    "judge_report",
]
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


class Outcome(NamedTuple):
    """One instance of an identity on one report (a NamedTuple, as the cells: a report
    has some forty, and a frozen dataclass is built several times slower).

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


class _Slot(NamedTuple):
    """A cell a plan reads: the row's index in ``table.rows`` (``at``; -1: the row is
    absent or uncertain, so there is no cell), its key, the column and the cell's address."""

    at: int
    row: str
    column: str
    address: str


Pick = Callable[[Sequence[Any]], tuple[Any, ...]]


def _picker(indexes: Sequence[int]) -> Pick:
    """A function that takes the items at ``indexes`` of a sequence, as a tuple (in C:
    ``itemgetter``, which returns a bare item for one index)."""
    if not indexes:
        return lambda _: ()
    if len(indexes) == 1:
        (index,) = indexes
        return lambda items: (items[index],)
    return itemgetter(*indexes)


def _tuple_picker(indexes: Sequence[int]) -> Pick:
    """As :func:`_picker`, and always in C, for tuples (on a list, a slice gives a list):
    indexes evenly spaced (a row's columns, a column down the rows: most) are one slice,
    which copies the items without looking up each index, and so is one index or none (a
    Python lambda costs a frame per call, and :func:`_judge` makes a call per step)."""
    count = len(indexes)
    if not count:
        return itemgetter(slice(0, 0))
    first = indexes[0]
    if count == 1:
        return itemgetter(slice(first, first + 1)) if first >= 0 else _picker(indexes)
    step = indexes[1] - first
    if first >= 0 and step > 0 and list(indexes) == list(range(first, indexes[-1] + 1, step)):
        return itemgetter(slice(first, indexes[-1] + 1, step))
    return itemgetter(*indexes)


class _Step(NamedTuple):
    """One identity instance, planned: its cells as indexes into the plan's slots, and
    the row that makes it uncertain (known from the table's shape), if any."""

    identity: Identity
    scope: str
    uncertain: str | None
    total: int
    #: (For tuples and ranges, the slots' values and the report's CellRefs: one slice
    #: where the parts are evenly spaced, see :func:`_tuple_picker`.)
    parts: Pick
    others: Pick
    #: Every cell it needs, in order (total, parts, others), and their indexes.
    needed: Pick
    needed_at: tuple[int, ...]
    #: The other slots whose values are subtracted (``others`` without the total; as
    #: :attr:`parts`, for tuples).
    subtract: Pick
    #: Every cell it needs, each place once, in order: what its check lists.
    distinct: Pick


class _Plan(NamedTuple):
    """Every identity instance of one table shape: the cells to read, then the steps.

    ``cells`` takes the slots' cells from the table's cells in a row (with ``None`` after
    the last, for a slot without a cell); ``rows``, ``columns`` and ``addresses`` are the
    slots' own, so that a report's CellRefs are made without a loop in Python.
    """

    steps: tuple[_Step, ...]
    cells: Pick
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    addresses: tuple[str, ...]
    #: Each step's :attr:`_Step.distinct`, in the order of the steps.
    distinct: tuple[Pick, ...]
    #: Where each slot's cell is among the table's cells in a row (-1: none).
    positions: tuple[int, ...]
    #: What callers work out once per shape and keep here (the cells' labels by
    #: language): the shape, not the report, decides it.
    kept: dict[object, Any]
    #: Each step's parts and the slots it subtracts (:attr:`_Step.parts` and
    #: :attr:`_Step.subtract`), the steps' totals, and whether no step is uncertain: what
    #: :func:`_judge` reads to judge every step at once.
    parts: tuple[Pick, ...] = ()
    subtracts: tuple[Pick, ...] = ()
    totals: Pick = tuple
    certain: bool = False
    #: For :func:`_all_hold`: the parts and totals of the steps that subtract nothing
    #: (most), and the parts, slots subtracted and totals of the others (the balance).
    plain: tuple[tuple[Pick, ...], Pick] = ((), tuple)
    balanced: tuple[tuple[Pick, ...], tuple[Pick, ...], Pick] = ((), (), tuple)


#: One identity instance as the planner first lays it out: the identity, its scope, the
#: row that makes it uncertain (if any), and the slots of its total, parts and others.
_Draft = tuple[Identity, str, str | None, int, tuple[int, ...], tuple[int, ...]]


def _made(draft: _Draft, number: dict[int, int]) -> _Step:
    """The step of ``draft``, its slots renumbered (``number``: old → new)."""
    identity, scope, uncertain, total, parts, others = draft
    total = number[total]
    parts = tuple(number[p] for p in parts)
    others = tuple(number[o] for o in others)
    needed = (total, *parts, *others)
    subtract = [o for o in others if o != total]
    return _Step(
        identity,
        scope,
        uncertain,
        total,
        _tuple_picker(parts),
        _picker(others),
        _picker(needed),
        needed,
        _tuple_picker(subtract),
        _picker(list(dict.fromkeys(needed))),
    )


class _Planner:
    """Builds the plan of one table: what :func:`evaluate` used to work out per report."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.slots: dict[tuple[int, str], int] = {}
        self.listed: list[_Slot] = []
        #: Where each slot's cell is among the table's cells in a row (-1: no cell).
        self.positions: list[int] = []
        self.first: dict[str, int] = {}
        self.offsets: list[int] = []
        offset = 0
        for index, row in enumerate(table.rows):
            self.first.setdefault(row.key, index)
            self.offsets.append(offset)
            offset += len(row.cells)

    def row(self, key: str) -> tuple[int, Row | None]:
        """The first row ``key`` (as :meth:`Table.row`, which raises for an unknown key)."""
        index = self.first.get(key)
        if index is None:
            self.table.row(key)  # raises for a key the model does not have
            return -1, None
        return index, self.table.rows[index]

    def slot(self, index: int, row: Row | None, key: str, column: str) -> int:
        if row is not None and row.complete:
            row.cell(column)  # raises, as reading it did, for a column the row has not
        else:
            index = -1
        place = (index, key + "\0" + column)
        found = self.slots.get(place)
        if found is None:
            found = self.slots[place] = len(self.listed)
            self.listed.append(_Slot(index, key, column, f"{self.table.key}.{key}.{column}"))
            position = -1
            if index >= 0:  # the row's first cell of the column (as Row.cell reads it)
                cells = self.table.rows[index].cells
                at = next((j for j, c in enumerate(cells) if c.column == column), None)
                position = -1 if at is None else self.offsets[index] + at
            self.positions.append(position)
        return found

    def plan(self, identities: Sequence[Identity]) -> _Plan:
        drafts = [d for identity in identities for d in self.steps(identity)]
        # The slots numbered in the order of their cells in the table (those without a
        # cell last): the slots' values are then the table's in a row, or nearly, and a
        # step's parts (a row's columns, a column down the rows) a slice of them.
        positions = self.positions
        order = sorted(range(len(positions)), key=lambda i: (positions[i] < 0, positions[i], i))
        number = {old: new for new, old in enumerate(order)}
        listed = [self.listed[i] for i in order]
        positions = [positions[i] for i in order]
        steps = tuple(_made(draft, number) for draft in drafts)
        slots = range(len(listed))
        plain = [s for s in steps if not s.subtract(slots)]
        balanced = [s for s in steps if s.subtract(slots)]
        return _Plan(
            steps,
            _tuple_picker(positions),
            tuple(s.row for s in listed),
            tuple(s.column for s in listed),
            tuple(s.address for s in listed),
            tuple(s.distinct for s in steps),
            tuple(positions),
            {},
            tuple(s.parts for s in steps),
            tuple(s.subtract for s in steps),
            _tuple_picker([s.total for s in steps]),
            all(s.uncertain is None for s in steps),
            (tuple(s.parts for s in plain), _tuple_picker([s.total for s in plain])),
            (
                tuple(s.parts for s in balanced),
                tuple(s.subtract for s in balanced),
                _tuple_picker([s.total for s in balanced]),
            ),
        )

    def step(
        self,
        identity: Identity,
        scope: str,
        rows: Sequence[tuple[str, Row | None]],
        total: int,
        parts: Sequence[int],
        others: Sequence[int] = (),
    ) -> _Draft:
        uncertain = None
        for key, row in rows:
            if row is not None and not row.complete:
                uncertain = f"{self.table.key}.{key}"
                break
        return identity, scope, uncertain, total, tuple(parts), tuple(others)

    def steps(self, identity: Identity) -> Iterator[_Draft]:
        table = self.table
        if identity.kind in ("row-sum", "group-sum"):
            for index, row in enumerate(table.rows):
                if identity.total not in row.columns:
                    continue
                yield self.step(
                    identity,
                    row.key,
                    [(row.key, row)],
                    self.slot(index, row, row.key, identity.total),
                    [self.slot(index, row, row.key, c) for c in identity.parts],
                )
            return
        columns = table.spec.column_keys
        if identity.kind == "column-sum":
            total_index, total_row = self.row(identity.total)
            part_rows = [(k, *self.row(k)) for k in _parts_rows(identity, table)]
            for column in columns:
                if any(r is not None and column not in r.columns for _, _, r in part_rows):
                    continue
                yield self.step(
                    identity,
                    column,
                    [(identity.total, total_row), *((k, r) for k, _, r in part_rows)],
                    self.slot(total_index, total_row, identity.total, column),
                    [self.slot(i, r, k, column) for k, i, r in part_rows],
                )
            return
        if identity.kind == "balance":
            left = [(k, *self.row(k)) for k in identity.parts]
            right = [(k, *self.row(k)) for k in identity.others]
            total_index, total_row = self.row(identity.total)
            for column in columns:
                total = self.slot(total_index, total_row, identity.total, column)
                others = [self.slot(i, r, k, column) for k, i, r in right if k != identity.total]
                yield self.step(
                    identity,
                    column,
                    [(k, r) for k, _, r in (*left, *right)],
                    total,
                    [self.slot(i, r, k, column) for k, i, r in left],
                    [*others, total],
                )
            return
        raise ValueError(f"unknown identity kind {identity.kind!r}")


#: Plans by table shape (format, table, and each row's key, columns and status): reports
#: of one template share a handful of shapes, so an instance is worked out once, not once
#: per report. Bounded: a run over odd reports cannot grow it without limit.
_PLANS: dict[tuple[object, ...], tuple[tuple[Identity, ...], _Plan]] = {}
_PLANS_MAX = 512


_ROW_SHAPE = itemgetter(0, 4, 5)  # Row.key, .columns, .status (by index: no name lookup)


class Reading(NamedTuple):
    """The cells one table's identities read, in the same order in each field: their
    references (shared by every instance that reads the place), addresses, values and
    spans (``None`` where the report has no cell)."""

    refs: tuple[CellRef, ...]
    addresses: tuple[str, ...]
    values: tuple[Any, ...]
    spans: tuple[Any, ...]


def _lay(identities: tuple[Identity, ...], table: Table) -> _Laid:
    """The plan of ``table``'s shape (made on first use), the table's cells in a row, and
    their values and spans (each with ``None`` after the last: the place of a slot
    without a cell).

    The shape is each row's key, columns, status and the columns of its cells: the plan
    then finds a slot's cell by its place among the table's cells in a row. The
    identities are keyed by the identity of their tuple (hashing them is a call per
    identity in Python), kept with the plan so that the key stays theirs.
    """
    cells = table_cells(table)  # (every field of the cells in one pass, shared by rules)
    shape = (
        id(identities),
        table.key,
        table.format,
        tuple(map(_ROW_SHAPE, table.rows)),
        cells.counts,
        cells.columns,
    )
    found = _PLANS.get(shape)
    if found is not None and found[0] is identities:
        plan = found[1]
    else:
        plan = _Planner(table).plan(identities)
        if len(_PLANS) >= _PLANS_MAX:
            _PLANS.clear()
        _PLANS[shape] = (identities, plan)
    return plan, cells.cells, (*cells.values, None), (*cells.spans, None)


#: What :func:`_lay` gives: the plan, the cells, their values and spans (see there).
_Laid = tuple[_Plan, Sequence[Any], tuple[Any, ...], tuple[Any, ...]]


def _slot_values(laid: _Laid) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """The values and spans of the plan's slots (``None`` where the report has no cell);
    in C (``itemgetter``: a slice when the slots are the cells in a row), the Python
    loops being in the plan, once."""
    plan, _, values, spans = laid
    return plan.cells(values), plan.cells(spans)


def _read(identities: tuple[Identity, ...], table: Table) -> tuple[_Plan, Reading]:
    """The plan of ``table``'s shape, its CellRefs and their values."""
    laid = _lay(identities, table)
    plan, flat = laid[0], laid[1]
    values, spans = _slot_values(laid)
    # (Cells for the refs: the table's cells in a row are as its rows store them, see Row.)
    cells = [None if c is None else as_cell(c) for c in plan.cells((*flat, None))]
    refs = tuple(
        map(
            tuple.__new__,
            repeat(CellRef),
            zip(repeat(table.key), plan.rows, plan.columns, cells, plan.addresses),
        )
    )
    return plan, Reading(refs, plan.addresses, values, spans)


_HELD = (FAIL, PASS)  # a step's status by whether its sum holds (False, True)
#: ``operator.call`` (Python 3.11+; the same in Python before).
_call: Callable[..., Any] = getattr(operator, "call", None) or (lambda f, *a: f(*a))

#: One instance judged: its status, the reason (for not_assessable and uncertain: the
#: address that made it so) and the sum of its parts (for pass and fail).
Verdict = tuple[str, str | None, Number | None]
#: The steps of a table judged, field by field (each a list by step): their statuses,
#: reasons and sums (see :data:`Verdict`), and whether any failed.
Verdicts = tuple[list[str], list[str | None], list[Number | None], bool]


def _all_hold(plan: _Plan, values: Sequence[Any]) -> bool:
    """Whether every step of a certain plan holds on ``values`` (none missing), told in
    C and without a verdict per step: the steps that subtract nothing (all but the
    balance's) compare their parts' sums with their totals directly, and the sums are
    the ones :func:`_judge` makes (so a ``Decimal`` compares as it would there)."""
    parts, totals = plan.plain
    sums = map(sum, map(_call, parts, repeat(values)))
    if not all(map(operator.eq, sums, totals(values))):
        return False
    parts, subtracts, totals = plan.balanced
    sums = map(
        operator.sub,
        map(sum, map(_call, parts, repeat(values))),
        map(sum, map(_call, subtracts, repeat(values))),
    )
    return all(map(operator.eq, sums, totals(values)))


def _judge(plan: _Plan, values: Sequence[Any]) -> Verdicts:
    """Each step's verdict on the slots' ``values`` (field by field), and whether any
    failed: the values alone decide it, so that a report whose identities hold needs no
    :class:`Outcome`.

    A table with a number in every slot (most) is judged in C: when every step holds
    (:func:`_all_hold`), each step's sum is its total; else its sums, differences and
    comparisons as ``map`` over the plan's pickers, no loop in Python.
    """
    if plan.certain and None not in values:
        count = len(plan.steps)
        if _all_hold(plan, values):  # (a sum that holds equals its total)
            return [PASS] * count, [None] * count, list(plan.totals(values)), False
        sums: list[Number | None] = list(
            map(
                operator.sub,
                map(sum, map(_call, plan.parts, repeat(values))),
                map(sum, map(_call, plan.subtracts, repeat(values))),
            )
        )
        held = list(map(operator.eq, sums, plan.totals(values)))
        return list(map(_HELD.__getitem__, held)), [None] * count, sums, not all(held)
    statuses: list[str] = []
    reasons: list[str | None] = []
    sums = []
    failed = False
    complete = None not in values  # (most tables: no step need look for a blank)
    addresses = plan.addresses
    for step in plan.steps:
        reason = step.uncertain
        expected = None
        if reason is not None:
            status = UNCERTAIN
        elif not complete and None in (needed := step.needed(values)):
            status, reason = NOT_ASSESSABLE, addresses[step.needed_at[needed.index(None)]]
        else:
            expected = sum(step.parts(values)) - sum(step.subtract(values))
            status = PASS if expected == values[step.total] else FAIL
            failed = failed or status == FAIL
        statuses.append(status)
        reasons.append(reason)
        sums.append(expected)
    return statuses, reasons, sums, failed


def _run(plan: _Plan, reading: Reading) -> Iterator[Outcome]:
    refs, values = reading.refs, reading.values
    new = tuple.__new__  # Outcome(...) without its keyword-handling wrapper
    statuses, reasons, sums, _ = _judge(plan, values)
    verdicts = zip(statuses, reasons, sums, strict=True)
    for step, (status, reason, expected) in zip(plan.steps, verdicts, strict=True):
        total = refs[step.total]
        parts = step.parts(refs)
        others = step.others(refs)
        actual = None if reason is not None else values[step.total]
        yield new(
            Outcome,
            (step.identity, step.scope, status, total, parts, others, expected, actual, reason),
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
    yield from _run(*_read((identity,), table))


def evaluate_all(report: Report) -> list[Outcome]:
    """Every identity of the report's format, on the report, in the model's order."""
    return evaluate_report(report).outcomes


class Evaluation(NamedTuple):
    """The identities evaluated on one report (:func:`evaluate_report`).

    ``places`` says, for each outcome, where its cells are: the index of its table's
    :class:`Reading` and a function that takes the outcome's cells, each place once and in
    order (total, parts, others), from any list in the order of that reading's ``refs`` —
    so that a rule lists an instance's cells without looking each one up.
    """

    outcomes: list[Outcome]
    readings: list[Reading]
    places: list[tuple[int, Pick]]


def evaluate_report(report: Report) -> Evaluation:
    """Every identity of the report's format, on the report, in the model's order, the
    cells they read and where each outcome's cells are among them (see :class:`Evaluation`).

    The identities of one table are planned together (see :data:`_PLANS`), so that a cell
    read by several (a row's total: its row-sum, its column's sum and the balance) is one
    :class:`CellRef`."""
    identities = report.format.identities
    groups, in_order = _by_table(identities)
    of: dict[int, list[tuple[Outcome, tuple[int, Pick]]]] = {}
    outcomes: list[Outcome] = []
    readings: list[Reading] = []
    places: list[tuple[int, Pick]] = []
    for key, group in groups:
        table = report.tables.get(key)
        if table is None:
            continue
        plan, reading = _read(group, table)
        where = zip(repeat(len(readings)), plan.distinct)
        readings.append(reading)
        if in_order:
            outcomes.extend(_run(plan, reading))
            places.extend(where)
            continue
        for outcome, place in zip(_run(plan, reading), where, strict=True):
            of.setdefault(id(outcome.identity), []).append((outcome, place))
    for identity in () if in_order else identities:
        for outcome, place in of.get(id(identity), ()):
            outcomes.append(outcome)
            places.append(place)
    return Evaluation(outcomes, readings, places)


class Judged(NamedTuple):
    """The identities of one table judged on one report, without :class:`Outcome` nor
    :class:`CellRef` (what a rule records of a check needs neither): the table's plan,
    its slots' values and spans, and each step's :data:`Verdict`, field by field (a list
    of each by step: a table whose identities hold is judged without a tuple per step)."""

    table: str
    plan: _Plan
    values: tuple[Any, ...]
    spans: tuple[Any, ...]
    statuses: list[str]
    reasons: list[str | None]
    sums: list[Number | None]
    #: The table's cells in a row (what the plan's positions index).
    flat: Sequence[Any]

    @property
    def verdicts(self) -> list[Verdict]:
        """Each step's :data:`Verdict`."""
        return list(zip(self.statuses, self.reasons, self.sums, strict=True))


class Judgement(NamedTuple):
    """The identities of one report judged (:func:`judge_report`): ``order`` lists the
    instances in the model's order, as in :func:`evaluate_report`'s outcomes, each as
    (the index of its table's :class:`Judged`, its step); ``failed``: whether any failed
    (then :func:`evaluate_report` gives their outcomes, to put them on cells)."""

    tables: list[Judged]
    order: list[tuple[int, int]]
    failed: bool
    #: The instances of each identity key, in the model's order, as runs of one table:
    #: (the table's index in ``tables``, a function that takes the run's items from a
    #: list by step, the run's scopes, its steps).
    runs: dict[str, list[tuple[int, Pick, tuple[str, ...], tuple[int, ...]]]]


def judge_report(report: Report) -> Judgement:
    """Every identity of the report's format judged, in the model's order: the statuses
    :func:`evaluate_report` gives, at a fraction of its cost (no object per cell)."""
    identities = report.format.identities
    groups, in_order = _by_table(identities)
    tables: list[Judged] = []
    failed = False
    for key, group in groups:
        table = report.tables.get(key)
        if table is None:
            continue
        laid = _lay(group, table)
        plan, flat = laid[0], laid[1]
        values, spans = _slot_values(laid)
        statuses, reasons, sums, failing = _judge(plan, values)
        failed = failed or failing
        tables.append(Judged(key, plan, values, spans, statuses, reasons, sums, flat))
    order, runs = _order(identities, in_order, tuple(t.plan for t in tables))
    return Judgement(tables, order, failed, runs)


Runs = dict[str, list[tuple[int, Pick, tuple[str, ...], tuple[int, ...]]]]
Order = tuple[list[tuple[int, int]], Runs]
#: :func:`_order` by the plans of a report's tables (by their identities: the plans are
#: kept with it, so that the ids stay theirs). Bounded as :data:`_PLANS`.
_ORDERS: dict[tuple[int, ...], tuple[tuple[_Plan, ...], Order]] = {}


def _order(identities: tuple[Identity, ...], in_order: bool, plans: tuple[_Plan, ...]) -> Order:
    """The instances of the plans' tables in the model's order, and those of each key:
    the plans, that is the tables' shapes, decide them, so they are worked out once per
    combination of shapes (reports of one template share one), not once per report."""
    key = tuple(map(id, plans))
    found = _ORDERS.get(key)
    if found is not None and all(map(operator.is_, found[0], plans)):
        return found[1]
    order: list[tuple[int, int]] = []
    for at, plan in enumerate(plans):
        order.extend(zip(repeat(at), range(len(plan.steps))))
    if not in_order:  # each identity's instances, in the model's order (a stable sort)
        place = {id(identity): n for n, identity in enumerate(identities)}
        order.sort(key=lambda at: place[id(plans[at[0]].steps[at[1]].identity)])
    of_key: dict[str, list[tuple[int, int]]] = {}
    for at, step in order:
        of_key.setdefault(plans[at].steps[step].identity.key, []).append((at, step))
    runs: Runs = {}
    for name, instances in of_key.items():
        grouped: list[tuple[int, list[int]]] = []
        for at, step in instances:
            if not grouped or grouped[-1][0] != at:
                grouped.append((at, []))
            grouped[-1][1].append(step)
        runs[name] = [
            (at, _picker(steps), tuple(plans[at].steps[i].scope for i in steps), tuple(steps))
            for at, steps in grouped
        ]
    if len(_ORDERS) >= _PLANS_MAX:
        _ORDERS.clear()
    _ORDERS[key] = (plans, (order, runs))
    return order, runs


def judged_culprits(
    judgement: Judgement,
) -> tuple[dict[tuple[int, int], Outcome], list[Culprit], list[Outcome]]:
    """The failed instances of a judgement as outcomes, by (table, step), and
    :func:`culprits` of them: what :func:`culprits` of :func:`evaluate_report`'s outcomes
    gives, with an outcome (and a :class:`CellRef`) made only for each failure — the
    instances that hold count by their cells' addresses, which their plan knows."""
    tables = judgement.tables
    made: dict[tuple[int, int], Outcome] = {}
    failed: list[Outcome] = []
    passing: set[str] = set()
    refs: dict[tuple[int, int], CellRef] = {}
    new = tuple.__new__  # Outcome(...), CellRef(...) without their keyword handling
    for at, step in judgement.order:
        judged = tables[at]
        status, expected = judged.statuses[step], judged.sums[step]
        plan = judged.plan
        if status == PASS:
            passing.update(_step_addresses(plan)[step])
            continue
        if status != FAIL:
            continue
        planned = plan.steps[step]

        def ref(slot: int, judged: Judged = judged, at: int = at) -> CellRef:
            found = refs.get((at, slot))
            if found is None:
                plan = judged.plan
                position = plan.positions[slot]
                cell = as_cell(judged.flat[position]) if position >= 0 else None
                found = refs[(at, slot)] = new(
                    CellRef,
                    (judged.table, plan.rows[slot], plan.columns[slot], cell, plan.addresses[slot]),
                )
            return found

        slots = range(len(plan.addresses))
        outcome = new(
            Outcome,
            (
                planned.identity,
                planned.scope,
                FAIL,
                ref(planned.total),
                tuple(map(ref, planned.parts(slots))),
                tuple(map(ref, planned.others(slots))),
                expected,
                judged.values[planned.total],
                None,
            ),
        )
        made[(at, step)] = outcome
        failed.append(outcome)
    explained, rest = _culprits(failed, passing, lambda: _held_terms(judgement))
    return made, explained, rest


def _held_terms(judgement: Judgement) -> Iterator[Terms]:
    """The :data:`Terms` of every instance of a judgement that holds (for
    :func:`_paired`, only when a failure is left that no single cell explains)."""
    for judged in judgement.tables:
        plan = judged.plan
        addresses = plan.addresses
        slots = range(len(addresses))
        for step, status in zip(plan.steps, judged.statuses, strict=True):
            if status == PASS:
                yield _terms_of(
                    addresses[step.total],
                    [addresses[i] for i in step.parts(slots)],
                    [addresses[i] for i in step.others(slots)],
                )


def _step_addresses(plan: _Plan) -> tuple[tuple[str, ...], ...]:
    """The addresses of each step's cells (total, parts, others), kept on the plan."""
    found = plan.kept.get("addresses")
    if found is None:
        addresses = plan.addresses
        found = plan.kept["addresses"] = tuple(
            tuple(addresses[i] for i in step.needed_at) for step in plan.steps
        )
    return found  # type: ignore[no-any-return]


Groups = tuple[tuple[tuple[str, tuple[Identity, ...]], ...], bool]
#: :func:`_by_table` of each format's identities, by the identity of their tuple (kept).
_GROUPS: dict[int, tuple[tuple[Identity, ...], Groups]] = {}


def _by_table(identities: tuple[Identity, ...]) -> Groups:
    """The identities grouped by table (tables in order of first mention), and whether
    the groups one after the other are the model's order (then a table's outcomes are
    simply appended). Worked out once per format."""
    found = _GROUPS.get(id(identities))
    if found is not None and found[0] is identities:
        return found[1]
    result = _grouped(identities)
    _GROUPS[id(identities)] = (identities, result)
    return result


def _grouped(identities: tuple[Identity, ...]) -> Groups:
    groups: dict[str, list[Identity]] = {}
    for identity in identities:
        groups.setdefault(identity.table, []).append(identity)
    grouped = tuple((key, tuple(group)) for key, group in groups.items())
    in_order = [i for _, group in grouped for i in group] == list(identities)
    return grouped, in_order


# ---- which cell is wrong


class Culprit(NamedTuple):
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
    """Split the failed outcomes into those wrong cells explain and the rest.

    A cell *explains* the failures it takes part in when (1) it takes part in no
    identity that holds (changing it would break that one), and (2) every failure it
    takes part in asks the same value of it, (3) a count (not −1, not 1.5: every cell
    an identity reads is a count). A failure is put on a cell when that
    cell is the one cell that explains it: a wrong （七）总计 breaks the row-sum of its
    row, the outcome-sum and the balance of its column, and only it explains all three.
    Failures of a table left over are put on two cells when two cells together explain
    them and no other fix as small exists (see :func:`_paired`): two wrong cells whose
    rows and columns cross. Two cells moved within one column break two row-sums that
    no single cell explains, and that two other cells (their row's 总计) explain as
    well: they stay "do not agree". Not assessable and uncertain instances neither
    count for nor against a cell.
    """
    failed = [o for o in outcomes if o.status == FAIL]
    if not failed:
        return [], []
    passing: set[str] = set()
    for outcome in outcomes:
        if outcome.status == PASS:
            passing.update(ref.address for ref in outcome.cells)
    held = [o for o in outcomes if o.status == PASS]
    return _culprits(failed, passing, lambda: (_terms(o) for o in held))


#: How each cell enters an identity (address → +1 on the total's side, −1 on the
#: parts'): the identity holds when the sum of its cells' values so weighted is 0.
Terms = dict[str, int]


def _terms_of(total: str, parts: Sequence[str], others: Sequence[str]) -> Terms:
    """The :data:`Terms` of an instance from its cells' addresses (the balance lists
    its total among the others too: it counts once)."""
    terms = dict.fromkeys(parts, -1)
    terms.update(dict.fromkeys(others, 1))
    terms[total] = 1
    return terms


def _terms(outcome: Outcome) -> Terms:
    return _terms_of(
        outcome.total.address,
        [r.address for r in outcome.parts],
        [r.address for r in outcome.others],
    )


def _culprits(
    failed: Sequence[Outcome], passing: set[str], held: Callable[[], Iterable[Terms]]
) -> tuple[list[Culprit], list[Outcome]]:
    """:func:`culprits` of the ``failed`` outcomes, in the model's order, given the
    addresses of the cells of every instance that holds (``passing``) and, to be read
    only if a failure is left that no single cell explains, their :data:`Terms`."""
    if not failed:
        return [], []
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
        if all(o.identity.kind == "group-sum" for o in broken):
            # Table 四: each cell is in its group's identity alone, so which one is wrong
            # cannot be told, even where only the total could be changed to counts (a
            # total of 0 over 3 + 1 + 1 + 1): "these do not agree", as XG204 documents.
            continue
        values = {_needed(o, refs[address]) for o in broken}
        if len(values) == 1 and _a_count(value := values.pop()):
            candidates[address] = value
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
    if len(rest) > 1:
        pairs = _paired(rest, failed, candidates, taking_part, held())
        if pairs:
            explained.extend(Culprit(refs[a], candidates[a], tuple(taking_part[a])) for a in pairs)
            placed.update(id(o) for a in pairs for o in taking_part[a])
            rest = [o for o in failed if id(o) not in placed]
    return explained, rest


def _a_count(value: Number | Fraction) -> bool:
    """Whether ``value`` can be a count (every cell an identity reads is one): a cell
    that would have to be −1 or 1.5 is not the wrong one."""
    return value >= 0 and value == int(value)


#: An identity as an equation in the changes of its cells: its :data:`Terms` and what
#: the weighted changes must add up to (0 for one that holds: it must keep holding).
_Equation = tuple[Terms, Fraction]


def _paired(
    rest: Sequence[Outcome],
    failed: Sequence[Outcome],
    candidates: dict[str, Number],
    taking_part: dict[str, list[Outcome]],
    held: Iterable[Terms],
) -> list[str]:
    """The cells, two per table, that explain the failures of that table no single cell
    explains (``rest``), where two do: the failures of two wrong cells whose rows and
    columns cross (予以公开/总计 and （七）总计/其他) are also those of the cell where the one's
    row meets the other's column (予以公开/其他), so no failure has one cell alone.

    Two cells are named when (1) each explains the failures it takes part in, as a
    single culprit does (in no identity that holds; its failures ask one value of it),
    (2) their failures are the table's failures left, each taken by exactly one of them
    (so each, set to its value, makes its own failures hold whatever the other's value),
    and (3) no other cell nor pair of cells, changed, makes every identity of the table
    hold, to counts (:func:`_fixes`): the pair is the one smallest correction. Where
    two pairs fit (two wrong cells at opposite corners of a rectangle fit the other two
    corners as well, unless one of those would have to be negative: 0→1 typos among
    zeros are named), nothing is named: a wrong name is worse than "these do not
    agree". The failures left are a few (this runs only on them), and the pairs
    tried are the cells of the smallest failure with those of the rest's intersection.
    """
    tables: dict[str, list[Outcome]] = {}
    for outcome in rest:
        tables.setdefault(outcome.identity.table, []).append(outcome)
    leftover = {id(o) for o in rest}
    equations: dict[str, list[_Equation]] | None = None
    found: list[str] = []
    for outcomes in tables.values():
        ids = {id(o) for o in outcomes}
        free = [  # candidates among the failures left (placed culprits explain others)
            a for a in candidates if all(id(o) in ids for o in taking_part[a])
        ]
        covers = [
            (a, b)
            for i, a in enumerate(free)
            for b in free[i + 1 :]
            if len(taking_part[a]) + len(taking_part[b]) == len(ids)
            and {id(o) for o in taking_part[a]}.isdisjoint(id(o) for o in taking_part[b])
        ]
        if len(covers) != 1:
            continue
        if equations is None:  # (every identity that holds, or will once its culprit is set)
            equations = {}
            settled = [_terms(o) for o in failed if id(o) not in leftover]
            for terms in (*held, *settled):
                _index(equations, terms, Fraction(0))
            for outcome in rest:
                assert outcome.expected is not None and outcome.actual is not None
                gap = Fraction(outcome.expected) - Fraction(outcome.actual)
                _index(equations, _terms(outcome), gap)
        values = {
            r.address: Fraction(r.cell.value)
            for o in outcomes
            for r in o.cells
            if r.cell is not None and r.cell.value is not None
        }
        if _fixes(outcomes, equations, values) == {frozenset(covers[0])}:
            found.extend(covers[0])
    return found


def _index(equations: dict[str, list[_Equation]], terms: Terms, value: Fraction) -> None:
    """Add an equation under each of its cells' addresses."""
    equation = (terms, value)
    for address in terms:
        equations.setdefault(address, []).append(equation)


def _fixes(
    failures: Sequence[Outcome],
    equations: dict[str, list[_Equation]],
    values: dict[str, Fraction],
) -> set[frozenset[str]]:
    """Every set of one or two cells whose changes (each not 0) make every identity
    hold — the failures of one table and every identity (``equations``, by cell) —
    with the cells of a set changed by one amount each, to counts (``values``: the
    failures' cells; a cell not among them is not held to it), or, where the changes
    are not determined, by many (counted once: it is another fix all the same).

    Each failure must take a changed cell, so one of them is in the failure with the
    fewest cells, and the other in every failure the first is not in (or, where the
    first is in all, in an identity with it: elsewhere its change would break one)."""
    cells = [frozenset(r.address for r in o.cells) for o in failures]
    found: set[frozenset[str]] = set()
    for x in min(cells, key=len):
        uncovered = [c for c in cells if x not in c]
        if uncovered:
            others = frozenset.intersection(*uncovered)
        else:
            if _solvable((x,), equations, values):
                found.add(frozenset((x,)))
            others = frozenset(a for terms, _ in equations.get(x, ()) for a in terms)
        for y in others - {x}:
            if _solvable((x, y), equations, values):
                found.add(frozenset((x, y)))
    return found


def _solvable(
    cells: tuple[str, ...], equations: dict[str, list[_Equation]], values: dict[str, Fraction]
) -> bool:
    """Whether changes of ``cells`` (one or two; each change not 0, each leaving a count)
    satisfy every equation they take part in (exact arithmetic: the coefficients are ±1)."""
    seen: set[int] = set()
    rows: list[tuple[tuple[int, ...], Fraction]] = []
    for cell in cells:
        for terms, value in equations.get(cell, ()):
            if id(terms) not in seen:
                seen.add(id(terms))
                rows.append((tuple(terms.get(c, 0) for c in cells), value))

    def counts(*changes: Fraction) -> bool:
        return all(
            change != 0 and (cell not in values or _a_count(values[cell] + change))
            for cell, change in zip(cells, changes, strict=True)
        )

    if len(cells) == 1:
        changes = {value / a for (a,), value in rows}
        return len(changes) == 1 and counts(*changes)
    # two unknowns: a pair of independent rows fixes them (else a line of solutions)
    for i, ((a1, b1), c1) in enumerate(rows):
        for (a2, b2), c2 in rows[i + 1 :]:
            det = a1 * b2 - a2 * b1
            if det:
                dx, dy = (c1 * b2 - c2 * b1) / det, (a1 * c2 - a2 * c1) / det
                holds = all(a * dx + b * dy == c for (a, b), c in rows)
                return holds and counts(dx, dy)
    # every row a multiple of one (a, b): consistent rows leave a line of solutions (a
    # fix, counted whatever values it allows)
    (a, b), c = rows[0]
    return all(c * a2 == c2 * a and c * b2 == c2 * b for (a2, b2), c2 in rows)
