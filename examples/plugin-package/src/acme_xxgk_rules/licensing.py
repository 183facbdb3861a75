"""ACP001 licensing-zero-but-mentioned: the text speaks of 行政许可, the table has none."""

from __future__ import annotations

from collections.abc import Iterator

from xxgk_lint.plugin import Diagnostic, Report, RuleContext, RuleDoc, rule

WORD = "行政许可"

#: The documented examples: report text, executed by tests/cases/ACP001.yml.
_EXAMPLE = (
    "一、总体情况\n2023年，我局推进行政许可事项网上办理，全年办理行政许可事项56件。\n"
    "二、主动公开政府信息情况\n第二十条第（五）项 | | | |\n信息内容 | 本年处理决定数量 | | |\n"
)
ZERO_BUT_MENTIONED = _EXAMPLE + "行政许可 | 0 | | |"
COUNTED = _EXAMPLE + "行政许可 | 56 | | |"


@rule(
    code="ACP001",
    name="licensing-zero-but-mentioned",
    severity="warning",
    summary={
        "zh": "总体情况提到行政许可，统计表中行政许可的处理决定数量却为0",
        "en": "The overview speaks of 行政许可 but the table counts no licensing decisions",
    },
    messages={
        "zh": {
            "default": "“行政许可”本年处理决定数量为 {actual}，"
            "但总体情况第{mention}行提到了行政许可，请核对表中数字",
        },
        "en": {
            "default": "the table counts {actual} licensing decisions (行政许可) this year, but "
            "the overview mentions 行政许可 on line {mention}; check the number",
        },
    },
    docs={
        "zh": RuleDoc(
            what="第二十条第（五）项表中“行政许可”的本年处理决定数量为0，而第一部分“总体情况”"
            "的正文提到了行政许可。",
            why="正文说办理了行政许可、表里却是0，多半是填表时漏填或填错了行；评估机构会核对正文与表格是否一致。",
            bad=ZERO_BUT_MENTIONED,
            good=COUNTED,
        ),
        "en": RuleDoc(
            what="The 第二十条第（五）项 table counts 0 licensing decisions (行政许可) this year, "
            "while the text of section 一 (overview) mentions 行政许可.",
            why="Text that reports licensing work next to a table with none usually means the "
            "number was left out or typed in the wrong row; evaluators compare the two.",
            bad=ZERO_BUT_MENTIONED,
            good=COUNTED,
        ),
    },
)
def licensing_zero_but_mentioned(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    table = report.table("proactive")
    overview = report.section("overview")
    if table is None or overview is None:
        return  # the built-in XG003 / XG101 report what is missing
    cell = table.cell("licensing", "decisions")
    if cell is None or cell.value != 0:
        return  # a blank or text cell is XG004's business; any other number is fine
    for paragraph in overview.paragraphs:
        if WORD in paragraph.text:
            yield ctx.diagnostic(
                cell.span,
                mention=paragraph.span.line,
                expected="> 0",
                actual=cell.value,
                subject="proactive.licensing.decisions",
            )
            return


RULES = [licensing_zero_but_mentioned]
