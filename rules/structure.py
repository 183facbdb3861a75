"""XG101 missing-section: the six sections the format requires."""

from __future__ import annotations

from collections.abc import Iterator

from xxgk_lint_rules._docs import docs

from xxgk_lint.engine.diagnostics import Diagnostic
from xxgk_lint.engine.rule import RuleContext, rule
from xxgk_lint.format import SECTION_ORDER
from xxgk_lint.parse.ast import Report, Span

# The documented examples, executed by tests/rules/cases/XG101.yml.
FIVE_SECTIONS = (
    "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
    "四、政府信息公开行政复议、行政诉讼情况\n五、其他需要报告的事项"
)
SIX_SECTIONS = (
    "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
    "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项"
)


@rule(
    code="XG101",
    name="missing-section",
    severity="error",
    summary={
        "zh": "缺少格式规定的六个部分之一",
        "en": "One of the six sections the format requires is missing",
    },
    messages={
        "zh": {
            "default": "缺少第{number}部分“{title}”（应有六个部分：总体情况……其他需要报告的事项）"
        },
        "en": {
            "default": "section {number} '{title}' ({english}) is missing; the format requires "
            "six sections"
        },
    },
    docs=docs(
        (
            "年度报告应包括六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；"
            "四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。"
            "按标题中的核心词识别，不论编号写法；没有标题但内容以“（一）主要问题”开头的部分也视为存在。",
            "《政府信息公开条例》第五十条规定了年度报告的内容，格式要求“不能遗漏”。",
            FIVE_SECTIONS,
            SIX_SECTIONS,
        ),
        (
            "A report has six sections: 一 overview; 二 proactive disclosure; 三 applications; "
            "四 administrative review and litigation; 五 problems and improvements; 六 other "
            "matters. Sections are recognised by the core words of their titles in any "
            "numbering; content opening with （一）主要问题 under no heading counts as section 五.",
            "Article 50 of the 政府信息公开条例 sets the content; the format says nothing may be "
            "left out.",
            FIVE_SECTIONS,
            SIX_SECTIONS,
        ),
    ),
)
def missing_section(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    present = {s.key for s in report.sections}
    for index, spec in enumerate(report.format.sections):
        if spec.key in present:
            continue
        span = _where(report, index)
        yield ctx.diagnostic(
            span,
            number=spec.number,
            title=spec.title.zh,
            english=spec.title.en,
            subject=f"section.{spec.key}",
            expected=spec.title.zh,
            actual=None,
        )


def _where(report: Report, index: int) -> Span:
    """Point at the next section that is present (where the missing one belongs)."""
    for key in SECTION_ORDER[index + 1 :]:
        section = report.section(key)
        if section is not None:
            return section.span
    if report.sections:
        last = report.sections[-1].span
        return Span(last.line, last.column, last.line, last.end_column, last.where)
    return Span(1, 1, 1, 1)


RULES = [missing_section]
