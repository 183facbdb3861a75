"""XG401 missing-fee-statement and XG402 fee-statement-vs-table: the information
processing fee (信息处理费, 国办函〔2020〕109号) as section 六 states it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from xxgk_lint_rules._docs import docs, row_label

from xxgk_lint.engine.checks import FAIL, NOT_ASSESSABLE, PASS, UNCERTAIN, CheckCell
from xxgk_lint.engine.diagnostics import Diagnostic
from xxgk_lint.engine.rule import RuleContext, rule
from xxgk_lint.format import prose
from xxgk_lint.format.document import FEE_REGIME_FROM, FEE_STATEMENT
from xxgk_lint.format.normalise import normalise
from xxgk_lint.parse.ast import Report, Sentence
from xxgk_lint.parse.claims import folded
from xxgk_lint.records import NamedTuple  # (typing's, without compiling annotations)


@rule(
    code="XG401",
    name="missing-fee-statement",
    severity="error",
    summary={
        "zh": "“其他需要报告的事项”未说明信息处理费收取情况",
        "en": "Section 六 does not state the information processing fees charged",
    },
    messages={
        "zh": {
            "default": "第{number}部分“其他需要报告的事项”未说明本年度信息处理费的收取情况"
            "（发出收费通知的件数和金额，或未收取）"
        },
        "en": {
            "default": "section {number} (other matters) does not state the information "
            "processing fees (信息处理费) of the year: how many fee notices were issued and the "
            "amount, or that none were charged"
        },
    },
    docs=docs(
        (
            "第六部分“其他需要报告的事项”应说明本年度依据《政府信息公开信息处理费管理办法》"
            "（国办函〔2020〕109号）收取信息处理费的情况：发出收费通知的件数和总金额，或者没有收费。"
            "“信息公开处理费”“未发生收费情况”“未收取任何费用”等说法都视为已说明。"
            "注意：表二第二十条第（八）项“行政事业性收费”是机关的一般收费，不是信息处理费。"
            "信息处理费制度自2021年度报告起施行，2019、2020年度报告不检查此项。",
            "年度报告格式要求报告信息处理费的收取情况；遗漏是评估中常见的扣分项。",
            "六、其他需要报告的事项\n本机关无其他需要报告的事项。",
            "六、其他需要报告的事项\n本年度未收取信息处理费。",
        ),
        (
            "Section 六 must state the information processing fees charged in the year under "
            "the 政府信息公开信息处理费管理办法 (国办函〔2020〕109号): the number of fee notices and "
            "the amount, or that none were charged. Wordings such as 信息公开处理费, "
            "未发生收费情况 and 未收取任何费用 count. The 第二十条第（八）项 行政事业性收费 of table 二 "
            "is the body's general fees, not this fee. The fee regime began with the reports "
            "for 2021; reports for 2019 and 2020 are not checked for it.",
            "The format requires the statement; leaving it out is a common finding of evaluators.",
            "六、其他需要报告的事项\n本机关无其他需要报告的事项。",
            "六、其他需要报告的事项\n本年度未收取信息处理费。",
        ),
    ),
    years=(FEE_REGIME_FROM, None),
)
def missing_fee_statement(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    section = report.section("other")
    if section is None:
        return  # XG101 reports the missing section
    if _states_fee(section.text):
        return
    yield ctx.diagnostic(
        section.span,
        number=section.number or "六",
        subject="fees.statement",
    )


def _states_fee(text: str) -> bool:
    """Whether the fee statement's words are in ``text`` once normalised."""
    return FEE_STATEMENT.pattern.search(normalise(text)) is not None


#: Row （六）2 of table 三 as the format prints it (for the docs' examples).
_ROW_62 = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"


class Statement(NamedTuple):
    """One clause of the prose about the fee: what it says, where, and its words."""

    kind: str  # no-notice | notices | none-charged | charged
    sentence: Sentence
    clause: str
    value: Decimal | int | None = None
    #: The unit of a charged amount as written (元, 万元): the amount means nothing without it.
    unit: str = ""


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "no-notice": re.compile(prose.FEE_NO_NOTICE),
        "notices": re.compile(prose.FEE_NOTICES),
        "none-charged": re.compile(prose.FEE_NONE_CHARGED),
        "charged": re.compile(prose.FEE_CHARGED),
        "other": re.compile(prose.OTHER_FEE),
    }


_CLAUSE = re.compile(f"{prose.IN_CLAUSE}+")  # (a run of [^，,；;。] in folded text)


def _mentions_fees(text: str) -> bool:
    """Whether a text may speak of the fee (simplified or traditional): 费, 通知. (Three
    substring tests: a regular expression of them tries both at every character.)"""
    return "费" in text or "費" in text or "通知" in text


def _has_fee_words(text: str) -> bool:
    """Whether ``text`` (folded) has one of the words every fee statement has
    (:data:`~xxgk_lint.format.prose.FEE_WORDS`): a sentence or clause without one is not
    searched (the patterns try their alternatives at every character)."""
    return any(word in text for word in prose.FEE_WORDS)


def fee_statements(report: Report) -> list[Statement]:
    """What the prose says of the information processing fee, clause by clause, in order."""
    patterns = _patterns()
    out: list[Statement] = []
    # (a paragraph is split into sentences only if its folded text has a fee word: its
    # sentences' folded texts are pieces of it, and most paragraphs that name a 通知 say
    # nothing of the fee; splitting one cost ten times folding it)
    sentences = (
        sentence
        for paragraph in report.paragraphs
        if _mentions_fees(text := paragraph.text) and _has_fee_words(folded(text))
        for sentence in paragraph.sentences
    )
    for sentence in sentences:
        raw = sentence.text
        if not _mentions_fees(raw):
            continue
        text = folded(raw)  # (once per sentence text: template sentences recur)
        # (A sentence with a fee word nearly always states the fee: its clauses are searched
        # at once, not the whole sentence first.)
        if not _has_fee_words(text):
            continue
        for match in _CLAUSE.finditer(text):
            clause = match.group().strip()
            if not _has_fee_words(clause) or patterns["other"].search(clause):
                continue  # (an empty clause has none of the words)
            notices = patterns["notices"].search(clause)
            if notices is not None:
                count = int(notices.group("count"))
                kind = "notices" if count else "no-notice"
                out.append(Statement(kind, sentence, clause, count))
            elif patterns["no-notice"].search(clause):
                out.append(Statement("no-notice", sentence, clause))
            charged = patterns["charged"].search(clause)
            if patterns["none-charged"].search(clause):
                out.append(Statement("none-charged", sentence, clause))
            elif charged is not None:
                amount = Decimal(charged.group("amount"))
                if amount:
                    unit = charged.group("unit")
                    out.append(Statement("charged", sentence, clause, amount, unit))
    return out


def _quote(statement: Statement) -> str:
    return statement.clause if len(statement.clause) <= 40 else statement.clause[:39] + "…"


def _text_cell(statement: Statement) -> CheckCell:
    return CheckCell("text", statement.clause, statement.sentence.span, statement.clause)


@rule(
    code="XG402",
    name="fee-statement-vs-table",
    severity="warning",
    summary={
        "zh": "信息处理费的说明与统计表或与自身矛盾",
        "en": "The fee statement contradicts the table or itself",
    },
    messages={
        "zh": {
            "table": "正文称“{quote}”，但表三“{row}”为 {actual}：有申请因逾期未按收费通知缴费而不再处理，"
            "说明发出过收费通知",
            "notices": "正文称“{quote}”，又称“{other}”：关于收费通知的两处说法互相矛盾",
            "charged": "正文称“{quote}”，又称“{other}”：关于是否收取信息处理费的两处说法互相矛盾",
        },
        "en": {
            "table": "the text says '{quote}' (no fee notice was issued), but table 三 row "
            "'{row}' counts {actual}: applications were dropped because a fee notice was not "
            "paid in time, so fee notices were issued",
            "notices": "the text says '{quote}' and also '{other}': the two statements about "
            "fee notices contradict each other",
            "charged": "the text says '{quote}' and also '{other}': the two statements about "
            "whether information processing fees were charged contradict each other",
        },
    },
    docs=docs(
        (
            "核对关于信息处理费的说明：正文称未发出收费通知（“未发出收费通知”“没有向申请人发出缴费通知书”），"
            "而表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用”不为0；或正文一处称未收取费用、"
            "另一处却写明收取的金额，或一处称未发出收费通知、另一处写明发出的件数。“未收取信息处理费”而"
            "（六）2不为0是一致的：发出了通知但申请人没有缴费。表二第二十条第（八）项“行政事业性收费”是另一种"
            "收费，从不与之比较。信息处理费制度自2021年度报告起施行，2019、2020年度报告不检查。",
            "（六）2 只有在发出收费通知后才可能不为0（《政府信息公开信息处理费管理办法》：申请人逾期不缴费的，"
            "视为放弃申请）；说明与表格矛盾，说明其中之一有误。",
            f"{_ROW_62} | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n六、其他需要报告的事项\n本年度未发出信息处理费收费通知。",
            f"{_ROW_62} | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n六、其他需要报告的事项\n"
            "本年度发出收费通知1件，申请人逾期未缴费，未收取信息处理费。",
        ),
        (
            "Checks the statements about the information processing fee: the text says no fee "
            "notice was issued (未发出收费通知) while table 三 row （六）2 (申请人逾期未按收费通知"
            "要求缴纳费用) is not 0; or one clause says nothing was charged and another states "
            "an amount charged, or one says no notice was issued and another gives a number of "
            "notices. 未收取 with （六）2 above 0 is consistent: notices were sent and not paid. "
            "The 行政事业性收费 of table 二 (第二十条第（八）项) is another fee and is never "
            "compared. The fee regime began with the reports for 2021; reports for 2019 and "
            "2020 are not checked.",
            "Row （六）2 can be above 0 only if fee notices were issued (an applicant who does "
            "not pay in time is deemed to withdraw the application); a statement that "
            "contradicts the table means one of them is wrong.",
            f"{_ROW_62} | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n六、其他需要报告的事项\n本年度未发出信息处理费收费通知。",
            f"{_ROW_62} | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n六、其他需要报告的事项\n"
            "本年度发出收费通知1件，申请人逾期未缴费，未收取信息处理费。",
        ),
    ),
    years=(FEE_REGIME_FROM, None),
    uses=("applications.other.fee_unpaid.total",),
)
def fee_statement_vs_table(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    statements = fee_statements(report)
    by_kind: dict[str, list[Statement]] = {}
    for statement in statements:
        by_kind.setdefault(statement.kind, []).append(statement)
    for statement in by_kind.get("no-notice", []):
        yield from _against_table(report, ctx, statement)
        for other in by_kind.get("notices", []):
            yield from _contradiction(ctx, "notices", statement, other)
    for statement in by_kind.get("none-charged", []):
        for other in by_kind.get("charged", []):
            yield from _contradiction(ctx, "charged", statement, other)


def _against_table(report: Report, ctx: RuleContext, statement: Statement) -> Iterator[Diagnostic]:
    """No fee notice issued, against row （六）2 (fee notice not paid in time)."""
    scope = _quote(statement)
    table = report.tables.get("applications")
    spec = report.format.table("applications")
    if table is None or not spec.has_row("other.fee_unpaid"):
        ctx.record(
            "fee-statement-vs-table",
            scope,
            NOT_ASSESSABLE,
            [_text_cell(statement)],
            reason="applications.other.fee_unpaid",
        )
        return
    row = table.row("other.fee_unpaid")
    if row is None or not row.complete:
        status = UNCERTAIN if row is not None else NOT_ASSESSABLE
        ctx.record(
            "fee-statement-vs-table",
            scope,
            status,
            [_text_cell(statement)],
            reason="applications.other.fee_unpaid",
        )
        return
    label = row_label(ctx.lang, "applications", "other.fee_unpaid", report.format_version)
    row_cells = row.cells  # (made once: Row.cells makes the Cells whenever it is read)
    cells = [_text_cell(statement)] + [
        CheckCell(f"applications.other.fee_unpaid.{c.column}", c.value, c.span, label)
        for c in row_cells
    ]
    above = [c for c in row_cells if c.is_number and c.value is not None and c.value > 0]
    if not above:
        numbers = all(c.is_number for c in row_cells)
        status = PASS if numbers else NOT_ASSESSABLE
        reason = None if numbers else "applications.other.fee_unpaid"
        ctx.record("fee-statement-vs-table", scope, status, cells, reason=reason)
        return
    total = row.cell("total")
    shown = total if total is not None and total.is_number and total.value else above[0]
    subject = f"fees.statement.{statement.sentence.span.line}"
    ctx.record("fee-statement-vs-table", scope, FAIL, cells, finding=("XG402", subject))
    yield ctx.diagnostic(
        statement.sentence.span,
        "table",
        quote=_quote(statement),
        row=row.label if ctx.lang == "zh" else label,
        expected=0,
        actual=shown.value,
        subject=subject,
    )


def _contradiction(
    ctx: RuleContext, key: str, statement: Statement, other: Statement
) -> Iterator[Diagnostic]:
    """Two clauses of the prose that cannot both be true."""
    subject = f"fees.{key}.{statement.sentence.span.line}"
    cells = [_text_cell(statement), _text_cell(other)]
    ctx.record("fee-statement-vs-table", _quote(statement), FAIL, cells, finding=("XG402", subject))
    yield ctx.diagnostic(
        statement.sentence.span,
        key,
        quote=_quote(statement),
        other=_quote(other),
        expected=0,
        # the count of notices, or the amount charged with its unit (300元, 0.05万元)
        actual=other.value if key == "notices" else f"{other.value}{other.unit}",
        subject=subject,
    )


RULES = [missing_fee_statement, fee_statement_vs_table]
