"""XG301 missing-period and XG302 malformed-period: the statistics period (统计期限)."""

from __future__ import annotations

from collections.abc import Iterator

from xxgk_lint_rules._docs import docs

from xxgk_lint.engine.diagnostics import Diagnostic
from xxgk_lint.engine.rule import RuleContext, rule
from xxgk_lint.parse.ast import Report, Span


def _start_of_report(report: Report) -> Span:
    if report.title is not None:
        return report.title.span
    if report.sections:
        return report.sections[0].span
    return Span(1, 1, 1, 1)


# The documented examples, executed by tests/rules/cases/XG301.yml and XG302.yml.
_TITLE = "青山县审计局{year}年政府信息公开工作年度报告\n"
_OPENING = "本报告根据《中华人民共和国政府信息公开条例》编制。"
NO_PERIOD = _TITLE.format(year=2023) + _OPENING + "\n一、总体情况"
PERIOD = (
    _TITLE.format(year=2023)
    + _OPENING
    + "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况"
)
GARBLED_PERIOD = (
    _TITLE.format(year=2024) + "本报告中所列数据的统计期限自202411日起至1231日止。\n一、总体情况"
)
WELL_FORMED_PERIOD = (
    _TITLE.format(year=2024)
    + "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。\n一、总体情况"
)


@rule(
    code="XG301",
    name="missing-period",
    severity="warning",
    summary={"zh": "未说明统计期限", "en": "The statistics period is not stated"},
    messages={
        "zh": {
            "default": "未说明数据的统计期限，应写明如“本报告中所列数据的统计期限自{year}年1月1日起至"
            "{year}年12月31日止”"
        },
        "en": {
            "default": "the statistics period is not stated; expected a sentence such as "
            "本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止"
        },
    },
    docs=docs(
        (
            "报告应说明所列数据的统计期限，通常在开头一段，如“本报告中所列数据的统计期限自2023年1月1日起至"
            "2023年12月31日止”。也识别“统计期限为……至12月31日”“数据期限截止时间为……，统计数据为……以来”等写法。",
            "自2008年起的通行做法；没有统计期限，读者无法判断数据覆盖的时间范围。",
            NO_PERIOD,
            PERIOD,
        ),
        (
            "The report should state the period its data cover, usually in the opening "
            "paragraph: 本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止. Variants such as "
            "统计期限为…至12月31日 and 数据期限截止时间为…，统计数据为…以来 are recognised.",
            "A near-universal convention since 2008; without it readers cannot tell what "
            "time span the figures cover.",
            NO_PERIOD,
            PERIOD,
        ),
    ),
)
def missing_period(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    if report.period is None:
        year = report.year if report.year is not None else "XXXX"
        yield ctx.diagnostic(_start_of_report(report), year=year, subject="period")


@rule(
    code="XG302",
    name="malformed-period",
    severity="warning",
    summary={
        "zh": "统计期限的写法有误或日期无效",
        "en": "The statistics period is garbled or not a valid date range",
    },
    messages={
        "zh": {
            "garbled": "统计期限的说明“{text}”中日期残缺或无法识别，应写明完整的起止日期，如"
            "“自{year}年1月1日起至{year}年12月31日止”",
            "impossible-date": "统计期限的说明“{text}”中有不存在的日期",
            "single-date": "统计期限的说明“{text}”只写了一个日期，应写明起止日期",
            "reversed": "统计期限的说明“{text}”中起始日期晚于结束日期",
        },
        "en": {
            "garbled": "the statistics period '{text}' has garbled or incomplete dates; expected "
            "both dates in full, e.g. 自{year}年1月1日起至{year}年12月31日止",
            "impossible-date": "the statistics period '{text}' has a date that does not exist",
            "single-date": "the statistics period '{text}' gives one date only; expected a start "
            "and an end date",
            "reversed": "the statistics period '{text}' starts after it ends",
        },
    },
    docs=docs(
        (
            "统计期限已写出，但日期残缺（如“自202411日起至1231日止”，年、月字样丢失）、日期不存在"
            "（如2023年2月30日）、只有一个日期，或起始日期晚于结束日期。",
            "残缺的日期多由网页或PDF转换丢字造成，读者无法确认统计范围，发布前应修正。",
            GARBLED_PERIOD,
            WELL_FORMED_PERIOD,
        ),
        (
            "The statistics period is stated but its dates are garbled (年/月 lost in "
            "extraction: 自202411日起至1231日止), impossible (2023年2月30日), a single date, or "
            "start after end.",
            "Garbled dates usually come from characters lost when a page or PDF was "
            "converted; readers cannot tell the period, so fix it before publication.",
            GARBLED_PERIOD,
            WELL_FORMED_PERIOD,
        ),
    ),
)
def malformed_period(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    period = report.period
    if period is None or period.problem is None:
        return
    year = report.year if report.year is not None else "XXXX"
    yield ctx.diagnostic(
        period.span,
        period.problem,
        text=period.text,
        year=year,
        subject="period",
        expected=f"{year}-01-01/{year}-12-31",
        actual=period.text,
    )


RULES = [missing_period, malformed_period]
