"""XG201–XG204: the identities of the format model that must add up.

Each identity is evaluated by :mod:`xxgk_lint.engine.identities` in the report's own
format (the 2019 model sums 19 outcome rows, the 2021 one 21), and every instance is
recorded as a check (pass, fail, not_assessable, uncertain). Only a ``fail`` is a finding:
a blank or non-numeric cell makes the identity *not assessable* (XG004 reports the cell)
and an unplaced row makes it *uncertain* (XG003) — never a false error.

One wrong cell, one finding, at that cell. A wrong （七）总计 breaks the row-sum of its row,
the outcome-sum and the balance of its column; following three messages that each blame
another total would make the report worse. So the failures are first put on the cells
that explain them (:func:`~xxgk_lint.engine.identities.culprits`): such a cell is reported
once, where it stands, naming every identity it breaks, by the rule of the identity that
states it as a total (else the first of them in code order) among the rules that run. A
failure no single cell explains is reported as what it is — these numbers do not agree —
never as "this cell must be N".
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from functools import partial
from itertools import repeat
from operator import call
from typing import Any

from xxgk_lint_rules._docs import column_label, docs, row_label

from xxgk_lint.engine.checks import FAIL, NOT_ASSESSABLE, PASS, Check, CheckCell
from xxgk_lint.engine.diagnostics import Diagnostic, Number, RuleMeta
from xxgk_lint.engine.identities import (
    CellRef,
    Culprit,
    Outcome,
    Pick,
    judge_report,
    judged_culprits,
)
from xxgk_lint.engine.rule import RuleContext, checks_of, rule
from xxgk_lint.parse.ast import Report, Row, Table, as_span

# ---- the analysis, shared by the four rules (once per report)


class _Analysis:
    """The identities of one report judged (:func:`judge_report`): a report whose
    identities hold needs no outcome objects; only when one fails is an outcome made for
    each failure (:func:`judged_culprits`), to put the failures on cells."""

    def __init__(self, report: Report) -> None:
        self.version = report.format_version
        judged = self.judged = judge_report(report)
        #: The failed instances' outcomes, by (their table's index, their step).
        self.failed: dict[tuple[int, int], Outcome] = {}
        self.culprits: list[Culprit] = []
        self.rest: list[Outcome] = []
        if judged.failed:
            self.failed, self.culprits, self.rest = judged_culprits(judged)
        self.blamed = {id(o): c for c in self.culprits for o in c.breaks}
        self._cells: dict[str, list[list[tuple[CheckCell, ...]]]] = {}

    def check_cells(self, lang: str) -> list[list[tuple[CheckCell, ...]]]:
        """The cells of each instance, by table and step, as its check names them (labels
        from the model), each place once: every cell the identities read is made once per
        report and language, for the four rules' checks, and each instance takes its own
        from its table's without a loop in Python."""
        made = self._cells.get(lang)
        if made is None:
            new = tuple.__new__  # CheckCell(...) without its keyword-handling wrapper
            made = []
            for judged in self.judged.tables:
                plan = judged.plan
                labels = _labels(lang, self.version, judged.table, plan)
                # (the spans as the cells hold them: made Spans here, when read)
                spans = map(as_span, judged.spans)
                cells = zip(plan.addresses, judged.values, spans, labels, strict=True)
                table = list(map(new, repeat(CheckCell), cells))
                made.append(list(map(call, plan.distinct, repeat(table))))  # (take(table) each)
            self._cells[lang] = made
        return made


_last: tuple[weakref.ref[Report], _Analysis] | None = None


def analysis(report: Report) -> _Analysis:
    """The identities of ``report`` evaluated, and their failures put on cells (cached
    for the last report: the four rules ask in turn)."""
    global _last
    if _last is not None and _last[0]() is report:
        return _last[1]
    result = _Analysis(report)
    _last = (weakref.ref(report), result)
    return result


def blamed_values(report: Report) -> dict[str, Number]:
    """The cells one wrong value explains, and the value the identities ask of each
    (``applications.received.total`` → 7): what the table would say once corrected."""
    return {c.ref.address: c.value for c in analysis(report).culprits}


def _owner(culprit: Culprit, ctx: RuleContext) -> str | None:
    """The rule that reports a wrong cell, of the rules that run: the one whose identity
    states the cell (a row's 总计: row-sum; a column's （七）总计: outcome-sum before balance),
    else the one of the cell's column (outcome-sum for an outcome row, balance for 一、二、四)
    — the identity of its row is the row-sum, which every cell of table 三 breaks."""
    running = [o for o in culprit.breaks if ctx.runs(o.identity.rule)]
    if not running:
        return None
    stating = [o.identity.rule for o in running if o.total.address == culprit.ref.address]
    if stating:
        return min(stating)
    return max(o.identity.rule for o in running)


# ---- labels


def _row_text(report: Report, ref: CellRef, lang: str) -> str:
    """The row as the report prints it (zh), or the model's English gloss."""
    if lang == "en":
        return row_label(lang, ref.table, ref.row, report.format_version)
    table = report.tables[ref.table]
    row = table.row(ref.row)
    return row.label if row is not None else ref.row


def _column_words(report: Report, ref: CellRef, lang: str) -> str:
    """The column in a sentence: 总计 / total alone, any other as “自然人”列 / the
    'natural persons' column."""
    label = column_label(lang, ref.column, ref.table, report.format_version)
    if ref.column == "total":
        return label
    return f"“{label}”列" if lang == "zh" else f"'{label}' column"


def _scope_text(report: Report, outcome: Outcome, lang: str) -> str:
    kind = outcome.identity.kind
    if kind == "row-sum":
        row = _row_text(report, outcome.total, lang)
        return f"“{row}”行" if lang == "zh" else f"row '{row}'"
    if kind == "group-sum":
        return row_label(lang, outcome.identity.table, outcome.scope, report.format_version)
    column = column_label(lang, outcome.scope, outcome.identity.table, report.format_version)
    return f"“{column}”列" if lang == "zh" else f"column '{column}'"


_HERE = {
    "zh": {"row-sum": "本行", "column-sum": "本列", "balance": "本列"},
    "en": {"row-sum": "this row", "column-sum": "this column", "balance": "this column"},
}


def _identities_text(report: Report, broken: Sequence[Outcome], lang: str) -> str:
    """The identities a cell breaks, each with where: 总计 = …（本行）. The cell stands in
    each of them, so their row or column is its own."""
    here = _HERE.get(lang, _HERE["en"])
    names = [
        (o.identity.title(lang), here.get(o.identity.kind) or _scope_text(report, o, lang))
        for o in broken
    ]
    if lang == "zh":
        return "；".join(f"{title}（{where}）" for title, where in names)
    return "; ".join(f"{title} ({where})" for title, where in names)


@functools.lru_cache(maxsize=4096)
def _model_cell_label(lang: str, table: str, row: str, column: str, version: str) -> str:
    """A cell as the format names it (cached: every report has the same few hundred)."""
    row_text = row_label(lang, table, row, version)
    column_text = column_label(lang, column, table, version)
    if lang == "zh":
        return f"“{row_text}”行“{column_text}”列"
    return f"row '{row_text}', column '{column_text}'"


def _labels(lang: str, version: str, table: str, plan: Any) -> tuple[str, ...]:
    """The labels of a plan's cells (kept on the plan: reports of one shape share them)."""
    kept = plan.kept
    found = kept.get((lang, version))
    if found is None:
        found = kept[(lang, version)] = tuple(
            _model_cell_label(lang, table, row, column, version)
            for row, column in zip(plan.rows, plan.columns, strict=True)
        )
    return found


def _as_written(report: Report, ref: CellRef, value: Number) -> Number:
    """A value as the report would print it in ``ref``'s column: a count as a whole
    number (4.5 + 0.5 is 5, not 5.0); an amount (万元) keeps its decimals."""
    if not isinstance(value, Decimal) or value != value.to_integral_value():
        return value
    if report.format.table(ref.table).column(ref.column).decimal:
        return value
    return int(value)


def _written(report: Report, outcome: Outcome, value: object) -> object:
    """A sum of ``outcome``'s cells as the report would print it (see :func:`_as_written`)."""
    if not isinstance(value, Decimal):
        return value
    return _as_written(report, outcome.total, value)


def _subject(outcome: Outcome) -> str:
    """The subject of a finding that reports one identity (as before issue 10)."""
    if outcome.identity.key == "balance":
        return f"{outcome.identity.table}.balance.{outcome.scope}"
    return outcome.total.address


# ---- one rule = one identity

#: The message fields of a failure no single cell explains.
DisagreeFields = Callable[[Report, Outcome, str], dict[str, Any]]


def _check(
    report: Report, ctx: RuleContext, key: str, disagree: DisagreeFields
) -> Iterator[Diagnostic]:
    """Record every instance of identity ``key``; yield the wrong cells this rule
    reports and the failures of ``key`` that no single cell explains."""
    found = analysis(report)
    code = ctx.meta.code
    lang = ctx.lang
    tables = found.judged.tables
    for run in found.judged.runs.get(key, ()):
        # (the checks' records and cells made only if read: most runs only count them;
        # what makes them holds no context, whose checks would hold it: no cycle)
        statuses = run[1](tables[run[0]].statuses)
        made = partial(_checks, found, (ctx.meta, ctx.lang, ctx.active), key, run, statuses)
        ctx.record_later(statuses, made)
    for culprit in found.culprits:
        if _owner(culprit, ctx) != code:
            continue
        cell = culprit.ref.cell
        assert cell is not None
        yield ctx.diagnostic(
            cell.span,
            "cell",
            row=_row_text(report, culprit.ref, lang),
            column=_column_words(report, culprit.ref, lang),
            count=len(culprit.breaks),
            identities=_identities_text(report, culprit.breaks, lang),
            expected=_as_written(report, culprit.ref, culprit.value),
            actual=culprit.actual,
            subject=culprit.ref.address,
        )
    for outcome in found.rest:
        if outcome.identity.key != key:
            continue
        total = outcome.total.cell
        assert total is not None
        fields = disagree(report, outcome, lang)
        yield ctx.diagnostic(
            total.span,
            "disagree",
            identity=outcome.identity.title(lang),
            subject=_subject(outcome),
            **fields,
        )


def _checks(
    found: _Analysis,
    rule: tuple[RuleMeta, str, frozenset[str]],
    key: str,
    run: tuple[int, Pick, tuple[str, ...], tuple[int, ...]],
    statuses: tuple[str, ...],
) -> Iterator[Check]:
    """The checks of one run of identity ``key``'s instances (one table's), with their
    cells and, for a failure, the finding that reports it; ``rule``: the rule's meta,
    language and the rules that run (its context's)."""
    meta, lang, active = rule
    ctx = RuleContext(meta, "", lang, {}, active)
    at, pick, scopes, steps = run
    findings: Iterable[tuple[str, str] | None] = repeat(None)
    if FAIL in statuses:
        findings = [
            _finding(found, ctx, found.failed[(at, step)]) if status == FAIL else None
            for status, step in zip(statuses, steps, strict=True)
        ]
    cells = pick(found.check_cells(ctx.lang)[at])
    reasons = pick(found.judged.tables[at].reasons)
    return checks_of(ctx.meta.code, key, scopes, statuses, cells, reasons, findings)


def _finding(found: _Analysis, ctx: RuleContext, outcome: Outcome) -> tuple[str, str] | None:
    """The finding that reports a failed instance: its wrong cell's, by the rule that
    reports that cell (None: no rule that runs does), else this rule's own."""
    culprit = found.blamed.get(id(outcome))
    if culprit is None:
        return (ctx.meta.code, _subject(outcome))
    owner = _owner(culprit, ctx)
    return (owner, culprit.ref.address) if owner else None


def _values(refs: Sequence[CellRef]) -> list[object]:
    return [r.cell.value for r in refs if r.cell is not None]


def _sum_text(values: Sequence[object]) -> str:
    return " + ".join(str(v) for v in values)


def _sum_fields(report: Report, outcome: Outcome, lang: str) -> dict[str, Any]:
    parts = _values(outcome.parts)
    return {
        "scope": _scope_text(report, outcome, lang),
        "total": outcome.actual,
        "parts": _sum_text(parts),
        "sum": _written(report, outcome, outcome.expected),
        "expected": outcome.identity.title(lang),
        "actual": f"{outcome.actual} ≠ {_written(report, outcome, outcome.expected)}",
    }


def _balance_fields(report: Report, outcome: Outcome, lang: str) -> dict[str, Any]:
    received, carried_over = _values(outcome.parts)
    carried_forward = next(
        o.cell.value for o in outcome.others if o is not outcome.total and o.cell
    )
    lhs = received + carried_over  # type: ignore[operator]
    rhs = outcome.actual + carried_forward  # type: ignore[operator]
    return {
        "scope": _scope_text(report, outcome, lang),
        "received": received,
        "carried_over": carried_over,
        "total": outcome.actual,
        "carried_forward": carried_forward,
        "lhs": _written(report, outcome, lhs),
        "rhs": _written(report, outcome, rhs),
        "expected": outcome.identity.title(lang),
        "actual": f"{_written(report, outcome, lhs)} ≠ {_written(report, outcome, rhs)}",
    }


#: The message for one wrong cell, the same in the four rules.
CELL_MESSAGE = {
    "zh": "“{row}”行的{column}应为 {expected}，实际为 {actual}；这一格使 {count} 项勾稽关系不成立："
    "{identities}",
    "en": "row '{row}': the {column} should be {expected} but is {actual}; this one cell "
    "breaks {count} of the identities: {identities}",
}
CELL_DOC = {
    "zh": "一个单元格填错往往同时破坏几项勾稽关系（填错的（七）总计会使本行的行合计、本列的办理结果合计和"
    "勾稽关系同时不成立）。能由同一个单元格解释的，只在该单元格报告一次，列出它破坏的各项关系：把它作为"
    "“总计”的那条规则报告（行的总计：XG201；列的（七）总计：XG202），否则由该格所在列的规则报告"
    "（办理结果各行：XG202；一、二、四行：XG203）。两个单元格填错、行列交叉时（如某行的总计与另一列的"
    "（七）总计），若这两格各自解释其所在的不成立关系、合起来解释全部，且别无一格或另两格的改法（改后均为"
    "非负整数）能使全表成立，则在这两格分别报告应为多少。其余不能这样解释的（同一列的两格；矩形对角两格"
    "而另两角的改法同样成立；所在关系之一仍成立的），逐项报告“这些数互相不符”，不指认哪一格应为多少。",
    "en": "One wrong cell often breaks several identities (a wrong （七）总计 breaks its row's "
    "row-sum and its column's outcome-sum and balance). When one cell explains them, it is "
    "reported once, at that cell, naming every identity it breaks: by the rule whose "
    "identity states it as a total (a row's 总计: XG201; a column's （七）总计: XG202), else by "
    "the rule of its column (an outcome row: XG202; rows 一, 二, 四: XG203). Two wrong "
    "cells whose rows and columns cross (a row's 总计 and another column's （七）总计) are "
    "each reported so when each explains the failures it takes part in, together they "
    "explain all, and no other cell or pair of cells (leaving counts ≥ 0) corrects the "
    "table. Failures not so explained (two cells of one column; opposite corners of a "
    "rectangle whose other corners fit as well; a cell in an identity that holds) are "
    "reported one by one as 'these do not agree', without saying which cell must change.",
}


# The documented examples of XG202–XG204, executed by tests/rules/cases/XG20*.yml in a
# whole report (the lines shown stand in it; "…" marks the lines left out).
_OUTCOMES = (
    "三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |\n"
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
    "…\n（四）无法提供 | 1.本机关不掌握相关政府信息 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |\n"
    "…（其余各行均为 0）\n"
)
OUTCOMES_WRONG_TOTAL = _OUTCOMES + "（七）总计 | 5 | 2 | 0 | 0 | 0 | 0 | 6 |"
OUTCOMES = _OUTCOMES + "（七）总计 | 5 | 2 | 0 | 0 | 0 | 0 | 7 |"
_BALANCE = (
    "一、本年新收政府信息公开申请数量 | 5 | 2 | 0 | 0 | 0 | 0 | 7 |\n"
    "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
    "…\n（七）总计 | 5 | 2 | 0 | 0 | 0 | 0 | 7 |\n"
)
UNBALANCED = _BALANCE + "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
BALANCED = _BALANCE + "四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"
_REVIEWS = "四、政府信息公开行政复议、行政诉讼情况\n…\n"
REVIEWS_WRONG_TOTAL = _REVIEWS + "1 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
REVIEWS = _REVIEWS + "1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"


@rule(
    code="XG201",
    name="row-sum",
    severity="error",
    summary={
        "zh": "申请情况表某行的总计不等于各类申请人之和",
        "en": "A row's 总计 differs from the sum of its applicant columns",
    },
    messages={
        "zh": {
            "cell": CELL_MESSAGE["zh"],
            "disagree": "{scope}的数互相不符：应有 {identity}，实际总计 {total} ≠ {parts} = {sum}",
        },
        "en": {
            "cell": CELL_MESSAGE["en"],
            "disagree": "{scope}: these do not agree: expected {identity}, found the total "
            "{total} ≠ {parts} = {sum}",
        },
    },
    docs=docs(
        (
            "收到和处理政府信息公开申请情况表中，每一行的“总计”必须等于自然人、商业企业、科研机构、"
            "社会公益组织、法律服务机构、其他六列之和。" + CELL_DOC["zh"],
            "总计列是按申请人类别相加得到的；不等说明某个数字填错或抄错。",
            "一、本年新收政府信息公开申请数量 | 11 | 1 | 0 | 0 | 0 | 0 | 11 |",
            "一、本年新收政府信息公开申请数量 | 11 | 1 | 0 | 0 | 0 | 0 | 12 |",
        ),
        (
            "In the applications table, each row's 总计 must equal the sum of its six "
            "applicant columns (natural persons, businesses, research institutions, "
            "public-interest organisations, legal service providers, others). " + CELL_DOC["en"],
            "The total column is the sum of the applicant columns; a difference means a "
            "number was mistyped or copied wrongly.",
            "一、本年新收政府信息公开申请数量 | 11 | 1 | 0 | 0 | 0 | 0 | 11 |",
            "一、本年新收政府信息公开申请数量 | 11 | 1 | 0 | 0 | 0 | 0 | 12 |",
        ),
    ),
)
def row_sum(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    yield from _check(report, ctx, "row-sum", _sum_fields)


@rule(
    code="XG202",
    name="outcome-sum",
    severity="error",
    summary={
        "zh": "（七）总计不等于各项办理结果之和",
        "en": "（七）总计 differs from the sum of the outcome rows",
    },
    messages={
        "zh": {
            "cell": CELL_MESSAGE["zh"],
            "disagree": "{scope}的数互相不符：应有 {identity}，实际（七）总计 {total} ≠ 各项办理结果之和 {sum}",
            "subtotal": "“{label}”一行所填小计的{column}应为该组各项之和 {expected}，实际为 {actual}",
        },
        "en": {
            "cell": CELL_MESSAGE["en"],
            "disagree": "{scope}: these do not agree: expected {identity}, found （七）总计 "
            "{total} ≠ the outcome rows' sum {sum}",
            "subtotal": "the subtotal printed on the line '{label}': its {column} should be "
            "the sum of the group's rows, {expected}, but is {actual}",
        },
    },
    docs=docs(
        (
            "收到和处理政府信息公开申请情况表中，（七）总计在每一列都必须等于（一）予以公开至（六）其他处理"
            "共21个末级项目之和（（三）至（六）组标题本身没有数字）。组名称一行填写了小计时（（三）至（六）、"
            "三、本年度办理结果），也逐列核对小计等于该组各末级项目之和，在小计单元格报告应为多少、实际多少；"
            "能由某一末级项目的错误解释的，只在该项目报告一次。" + CELL_DOC["zh"],
            "（七）总计就是本年度办理结果的合计；不等说明某项结果漏计、重计或总计填错。",
            OUTCOMES_WRONG_TOTAL,
            OUTCOMES,
        ),
        (
            "In the applications table, （七）总计 must equal, in every column, the sum of the "
            "21 outcome rows from （一）予以公开 to （六）其他处理 3.其他 (the group labels （三）–（六） "
            "carry no numbers of their own). A subtotal printed on a group label's line "
            "(（三）–（六）, 三、本年度办理结果) is checked column by column against the group's "
            "rows and reported at its cell (expected, found); one wrong row that explains it "
            "is reported only at that row. " + CELL_DOC["en"],
            "（七）总计 is the sum of this year's outcomes; a difference means an outcome was "
            "left out, counted twice, or the total is wrong.",
            OUTCOMES_WRONG_TOTAL,
            OUTCOMES,
        ),
    ),
)
def outcome_sum(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    yield from _check(report, ctx, "outcome-sum", _sum_fields)
    for table in report.tables.values():
        for subtotal in table.subtotals:
            yield from _subtotal_sum(report, ctx, table, subtotal)


def _subtotal_sum(
    report: Report, ctx: RuleContext, table: Table, subtotal: Row
) -> Iterator[Diagnostic]:
    """A subtotal the report prints on a group label's line (（三）不予公开 | 3 | 0 | …;
    :attr:`~xxgk_lint.parse.ast.Table.subtotals`), column by column, against the sum of
    the group's leaves: a check each (``subtotal-sum``), and a finding at the subtotal's
    cell where it differs. Not assessable where a cell is blank or no number (XG004
    reports the leaf's), or a leaf row is absent. A leaf that one wrong cell explains
    (reported by the identities' rules) counts at the value they ask of it: a subtotal
    that agrees with the leaves once it is corrected is no second finding for that cell."""
    lang, key = ctx.lang, table.key
    rows = [(part, table.row(part)) for part in table.spec.subtotal_parts(subtotal.key)]
    blamed: dict[str, Number] | None = None
    for cell in subtotal.cells:
        column = cell.column
        address = f"{key}.{subtotal.key}.subtotal.{column}"
        parts = [(f"{key}.{part}.{column}", row and row.cell(column)) for part, row in rows]
        cells = (
            CheckCell(address, cell.value, cell.span, subtotal.label),
            *(CheckCell(a, c.value if c else None, c.span if c else None) for a, c in parts),
        )
        missing = next((a for a, c in [(address, cell), *parts] if not c or c.value is None), None)
        if missing is not None:
            ctx.record("subtotal-sum", address, NOT_ASSESSABLE, cells, reason=missing)
            continue
        expected = sum(c.value for _, c in parts)  # type: ignore[misc]
        if expected == cell.value:
            ctx.record("subtotal-sum", address, PASS, cells)
            continue
        if blamed is None:
            blamed = blamed_values(report)
        corrected = sum(blamed.get(a, c.value) for a, c in parts)  # type: ignore[misc]
        if corrected == cell.value:  # (a wrong leaf, reported where it stands)
            wrong = next(a for a, _ in parts if a in blamed)
            culprit = next(c for c in analysis(report).culprits if c.ref.address == wrong)
            owner = _owner(culprit, ctx)
            finding = (owner, culprit.ref.address) if owner else None
            ctx.record("subtotal-sum", address, FAIL, cells, finding=finding)
            continue
        ctx.record("subtotal-sum", address, FAIL, cells, finding=(ctx.meta.code, address))
        yield ctx.diagnostic(
            cell.span,
            "subtotal",
            label=subtotal.label,
            column=column_label(lang, column, key, report.format_version),
            expected=expected,
            actual=cell.value,
            subject=address,
        )


@rule(
    code="XG203",
    name="balance",
    severity="error",
    summary={
        "zh": "勾稽关系不成立：第一项加第二项之和不等于第三项加第四项之和",
        "en": "The printed balance fails: 一 + 二 differs from （七）总计 + 四",
    },
    messages={
        "zh": {
            "cell": CELL_MESSAGE["zh"],
            "disagree": "{scope}勾稽关系不成立：应有 {identity}，实际 {received} + {carried_over} = "
            "{lhs}，而 {total} + {carried_forward} = {rhs}",
        },
        "en": {
            "cell": CELL_MESSAGE["en"],
            "disagree": "{scope}: these do not agree: expected {identity}, found received "
            "{received} + carried over {carried_over} = {lhs}, but （七）总计 {total} + carried "
            "forward {carried_forward} = {rhs}",
        },
    },
    docs=docs(
        (
            "表中印明的勾稽关系：每一列都必须满足“第一项加第二项之和，等于第三项加第四项之和”，即"
            "一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理。不能由单个单元格解释时，"
            "定位在（七）总计单元格。" + CELL_DOC["zh"],
            "收到的申请要么本年办结，要么结转下年；不平衡说明数据不完整或有误。",
            UNBALANCED,
            BALANCED,
        ),
        (
            "The balance printed in the table itself: in every column, 一 received + 二 carried "
            "over = 三（七）总计 + 四 carried forward. When no single cell explains a failure, it "
            "is reported at the （七）总计 cell. " + CELL_DOC["en"],
            "Every application received is either closed this year or carried forward; an "
            "imbalance means the data are incomplete or wrong.",
            UNBALANCED,
            BALANCED,
        ),
    ),
)
def balance(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    yield from _check(report, ctx, "balance", _balance_fields)


@rule(
    code="XG204",
    name="review-sum",
    severity="error",
    summary={
        "zh": "行政复议、行政诉讼某组的总计不等于维持、纠正、其他、尚未审结之和",
        "en": "A review/litigation group's 总计 differs from upheld + corrected + other + pending",
    },
    messages={
        "zh": {
            "disagree": "{scope}的数互相不符：应有 {identity}，实际总计 {total} ≠ {parts} = {sum}",
        },
        "en": {
            "disagree": "{scope}: these do not agree: expected {identity}, found the total "
            "{total} ≠ {parts} = {sum}",
        },
    },
    docs=docs(
        (
            "政府信息公开行政复议、行政诉讼情况表分三组（行政复议；行政诉讼·未经复议直接起诉；行政诉讼·复议后起诉），"
            "每组的“总计”必须等于结果维持、结果纠正、其他结果、尚未审结四项之和。每个单元格只属于一组，"
            "看不出哪一格填错，所以报告为“这些数互相不符”，定位在该组的总计。",
            "每一件复议或诉讼必属于四种结果之一；不等说明有案件漏计或总计填错。",
            REVIEWS_WRONG_TOTAL,
            REVIEWS,
        ),
        (
            "The review and litigation table has three groups (administrative review; "
            "litigation without prior review; litigation after review); each group's 总计 "
            "must equal upheld + corrected + other results + pending. Every cell belongs to "
            "one group only, so which one is wrong cannot be told: the failure is reported "
            "as 'these do not agree', at the group's total.",
            "Every case has exactly one of the four results; a difference means a case was "
            "left out or the total is wrong.",
            REVIEWS_WRONG_TOTAL,
            REVIEWS,
        ),
    ),
)
def review_sum(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    yield from _check(report, ctx, "review-sum", _sum_fields)


RULES = [row_sum, outcome_sum, balance, review_sum]
