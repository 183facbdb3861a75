"""XG401 missing-fee-statement: section 六 states the information processing fees."""

from __future__ import annotations

from collections.abc import Iterator

from xxgk_lint_rules._docs import docs

from xxgk_lint.engine.diagnostics import Diagnostic
from xxgk_lint.engine.rule import RuleContext, rule
from xxgk_lint.format.document import FEE_REGIME_FROM, FEE_STATEMENT
from xxgk_lint.format.normalise import normalise
from xxgk_lint.parse.ast import Report


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
    if FEE_STATEMENT.pattern.search(normalise(section.text)):
        return
    yield ctx.diagnostic(
        section.span,
        number=section.number or "六",
        subject="fees.statement",
    )


RULES = [missing_fee_statement]
