"""XG201–XG204: the identities of the format model that must add up.

Each identity is evaluated by :mod:`xxgk_lint.engine.identities` in the report's own
format (the 2019 model sums 19 outcome rows, the 2021 one 21). Only a ``fail`` is a
finding: a blank or non-numeric cell makes the identity *not assessable* (XG004 reports
the cell) and an unplaced row makes it *uncertain* (XG003) — never a false error. A failing
identity is reported at the number it says is wrong: the total.
"""

from __future__ import annotations

from collections.abc import Iterator

from xxgk_lint_rules._docs import column_label, docs, row_label

from xxgk_lint.engine.diagnostics import Diagnostic
from xxgk_lint.engine.identities import FAIL, Outcome, evaluate
from xxgk_lint.engine.rule import RuleContext, rule
from xxgk_lint.parse.ast import Report


def _failures(report: Report, key: str) -> Iterator[Outcome]:
    identity = report.format.identity(key)
    for outcome in evaluate(identity, report):
        if outcome.status == FAIL:
            yield outcome


def _row_text(report: Report, outcome: Outcome, lang: str) -> str:
    """The row as the report prints it (zh), or the model's English gloss."""
    if lang == "en":
        return row_label(lang, outcome.total.table, outcome.total.row, report.format_version)
    table = report.tables[outcome.total.table]
    row = table.row(outcome.total.row)
    return row.label if row is not None else outcome.total.row


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
            "default": "“{row}”行的总计应为 {expected}（自然人与五类法人或其他组织之和），实际为 {actual}"
        },
        "en": {
            "default": "row '{row}': the total should be {expected} (natural persons plus the "
            "five kinds of organisation) but is {actual}"
        },
    },
    docs=docs(
        (
            "收到和处理政府信息公开申请情况表中，每一行的“总计”必须等于自然人、商业企业、科研机构、"
            "社会公益组织、法律服务机构、其他六列之和。",
            "总计列是按申请人类别相加得到的；不等说明某个数字填错或抄错。",
            "一、本年新收政府信息公开申请数量 | 11 | 1 | 0 | 0 | 0 | 0 | 11 |",
            "一、本年新收政府信息公开申请数量 | 11 | 1 | 0 | 0 | 0 | 0 | 12 |",
        ),
        (
            "In the applications table, each row's 总计 must equal the sum of its six "
            "applicant columns (natural persons, businesses, research institutions, "
            "public-interest organisations, legal service providers, others).",
            "The total column is the sum of the applicant columns; a difference means a "
            "number was mistyped or copied wrongly.",
            "一、本年新收政府信息公开申请数量 | 11 | 1 | 0 | 0 | 0 | 0 | 11 |",
            "一、本年新收政府信息公开申请数量 | 11 | 1 | 0 | 0 | 0 | 0 | 12 |",
        ),
    ),
)
def row_sum(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    for outcome in _failures(report, "row-sum"):
        total = outcome.total.cell
        assert total is not None
        yield ctx.diagnostic(
            total.span,
            row=_row_text(report, outcome, ctx.lang),
            expected=outcome.expected,
            actual=outcome.actual,
            subject=f"applications.{outcome.scope}.total",
        )


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
            "default": "“{column}”列：（七）总计应为 {expected}（（一）至（六）各项办理结果之和），实际为 {actual}"
        },
        "en": {
            "default": "column '{column}': （七）总计 should be {expected} (the sum of the outcome "
            "rows （一）–（六）) but is {actual}"
        },
    },
    docs=docs(
        (
            "收到和处理政府信息公开申请情况表中，（七）总计在每一列都必须等于（一）予以公开至（六）其他处理"
            "共21个末级项目之和（（三）至（六）组标题本身没有数字）。",
            "（七）总计就是本年度办理结果的合计；不等说明某项结果漏计、重计或总计填错。",
            OUTCOMES_WRONG_TOTAL,
            OUTCOMES,
        ),
        (
            "In the applications table, （七）总计 must equal, in every column, the sum of the "
            "21 outcome rows from （一）予以公开 to （六）其他处理 3.其他 (the group labels （三）–（六） "
            "carry no numbers of their own).",
            "（七）总计 is the sum of this year's outcomes; a difference means an outcome was "
            "left out, counted twice, or the total is wrong.",
            OUTCOMES_WRONG_TOTAL,
            OUTCOMES,
        ),
    ),
)
def outcome_sum(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    for outcome in _failures(report, "outcome-sum"):
        total = outcome.total.cell
        assert total is not None
        yield ctx.diagnostic(
            total.span,
            column=column_label(ctx.lang, outcome.scope, "applications"),
            expected=outcome.expected,
            actual=outcome.actual,
            subject=f"applications.total.{outcome.scope}",
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
            "default": "“{column}”列勾稽关系不成立：一、本年新收 {received} + 二、上年结转 {carried_over}"
            " = {lhs}，而（七）总计 {actual} + 四、结转下年度 {carried_forward} = {rhs}；"
            "按勾稽关系（七）总计应为 {expected}"
        },
        "en": {
            "default": "column '{column}': the balance fails: received {received} + carried over "
            "{carried_over} = {lhs}, but （七）总计 {actual} + carried forward {carried_forward} = "
            "{rhs}; by the balance （七）总计 should be {expected}"
        },
    },
    docs=docs(
        (
            "表中印明的勾稽关系：每一列都必须满足“第一项加第二项之和，等于第三项加第四项之和”，即"
            "一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理。诊断定位在（七）总计单元格。",
            "收到的申请要么本年办结，要么结转下年；不平衡说明数据不完整或有误。",
            UNBALANCED,
            BALANCED,
        ),
        (
            "The balance printed in the table itself: in every column, 一 received + 二 carried "
            "over = 三（七）总计 + 四 carried forward. Reported at the （七）总计 cell.",
            "Every application received is either closed this year or carried forward; an "
            "imbalance means the data are incomplete or wrong.",
            UNBALANCED,
            BALANCED,
        ),
    ),
)
def balance(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    for outcome in _failures(report, "balance"):
        total = outcome.total.cell
        assert total is not None and outcome.expected is not None
        received, carried_over = (p.cell.value for p in outcome.parts if p.cell is not None)
        carried_forward = next(
            o.cell.value for o in outcome.others if o is not outcome.total and o.cell
        )
        yield ctx.diagnostic(
            total.span,
            column=column_label(ctx.lang, outcome.scope, "applications"),
            received=received,
            carried_over=carried_over,
            carried_forward=carried_forward,
            lhs=received + carried_over,  # type: ignore[operator]
            rhs=outcome.actual + carried_forward,  # type: ignore[operator]
            expected=outcome.expected,
            actual=outcome.actual,
            subject=f"applications.balance.{outcome.scope}",
        )


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
            "default": "{group}：总计应为 {expected}（结果维持 {upheld} + 结果纠正 {corrected} + "
            "其他结果 {other} + 尚未审结 {pending}），实际为 {actual}"
        },
        "en": {
            "default": "{group}: the total should be {expected} (upheld {upheld} + corrected "
            "{corrected} + other {other} + pending {pending}) but is {actual}"
        },
    },
    docs=docs(
        (
            "政府信息公开行政复议、行政诉讼情况表分三组（行政复议；行政诉讼·未经复议直接起诉；行政诉讼·复议后起诉），"
            "每组的“总计”必须等于结果维持、结果纠正、其他结果、尚未审结四项之和。",
            "每一件复议或诉讼必属于四种结果之一；不等说明有案件漏计或总计填错。",
            REVIEWS_WRONG_TOTAL,
            REVIEWS,
        ),
        (
            "The review and litigation table has three groups (administrative review; "
            "litigation without prior review; litigation after review); each group's 总计 "
            "must equal upheld + corrected + other results + pending.",
            "Every case has exactly one of the four results; a difference means a case was "
            "left out or the total is wrong.",
            REVIEWS_WRONG_TOTAL,
            REVIEWS,
        ),
    ),
)
def review_sum(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    for outcome in _failures(report, "review-sum"):
        total = outcome.total.cell
        assert total is not None
        upheld, corrected, other, pending = (p.cell.value for p in outcome.parts if p.cell)
        yield ctx.diagnostic(
            total.span,
            group=row_label(ctx.lang, "reviews", outcome.scope),
            upheld=upheld,
            corrected=corrected,
            other=other,
            pending=pending,
            expected=outcome.expected,
            actual=outcome.actual,
            subject=f"reviews.{outcome.scope}.total",
        )


RULES = [row_sum, outcome_sum, balance, review_sum]
