"""XG301–XG304: the statistics period (统计期限): stated, well formed, of the report's year,
the calendar year."""

from __future__ import annotations

from collections.abc import Iterator

from xxgk_lint_rules._docs import docs

from xxgk_lint.engine.checks import FAIL, NOT_ASSESSABLE, PASS, CheckCell
from xxgk_lint.engine.diagnostics import Diagnostic
from xxgk_lint.engine.rule import RuleContext, rule
from xxgk_lint.parse.ast import Period, Report, Span
from xxgk_lint.parse.metadata import year_of_text, year_of_title


def _start_of_report(report: Report) -> Span:
    if report.title is not None:
        return report.title.span
    if report.sections:
        return report.sections[0].span
    return Span(1, 1, 1, 1)


# The documented examples, executed by tests/rules/cases/XG301.yml, XG302.yml and XG303.yml.
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
OTHER_YEAR_PERIOD = (
    _TITLE.format(year=2023)
    + "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n一、总体情况"
)
OWN_YEAR_PERIOD = (
    _TITLE.format(year=2023)
    + "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况"
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
            "2023年12月31日止”。也识别“统计期限为……至12月31日”“数据期限截止时间为……，统计数据为……以来”等写法；"
            "只写年度（“统计期限为2023年度”）即该自然年度，日期也可以用汉字数字（二〇二三年一月一日）。"
            "也识别点号日期（2023.1.1-2023.12.31）、只写月份（2023年1月至12月，即首月1日至末月最后一日）、"
            "元月、带时刻的日期（……24时）和“统计数据起止时间为……”；不写年份的日期按报告年度。",
            "自2008年起的通行做法；没有统计期限，读者无法判断数据覆盖的时间范围。",
            NO_PERIOD,
            PERIOD,
        ),
        (
            "The report should state the period its data cover, usually in the opening "
            "paragraph: 本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止. Variants such as "
            "统计期限为…至12月31日 and 数据期限截止时间为…，统计数据为…以来 are recognised; a "
            "year alone (统计期限为2023年度) is that calendar year, and dates may be written in "
            "Chinese numerals (二〇二三年一月一日). Dotted dates (2023.1.1-2023.12.31), months "
            "without days (2023年1月至12月: from the first day of the first month to the last "
            "day of the last), 元月, dates with a clock time (…24时) and 统计数据起止时间为… are "
            "read too; dates without a year are of the report's year.",
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


def report_year(report: Report) -> tuple[int, str] | None:
    """The year the report is for, and where it was read: the title's year, else the year
    the overview states most often — never the period's own year (that is what is checked)."""
    if report.title is not None:
        year = year_of_title(report.title.text)
        if year is not None:
            return year, "title"
    overview = report.section("overview")
    sections = [overview] if overview is not None else list(report.sections)
    year = year_of_text(p.text for s in sections for p in s.paragraphs)
    return (year, "text") if year is not None else None


def _period_cell(period: Period, lang: str) -> CheckCell:
    return CheckCell("text", period.text, period.span, "统计期限" if lang == "zh" else "period")


_SOURCE = {
    "zh": {"title": "标题中的年份", "text": "正文所述年份"},
    "en": {"title": "the year in the title", "text": "the year the text states"},
}


@rule(
    code="XG303",
    name="period-other-year",
    severity="error",
    summary={
        "zh": "统计期限不是本报告的年度",
        "en": "The statistics period is of another year than the report",
    },
    messages={
        "zh": {
            "default": "统计期限“{text}”是 {found} 年的，而本报告是 {year} 年度报告（{source}）；"
            "应为 {year}年1月1日至{year}年12月31日",
        },
        "en": {
            "default": "the statistics period '{text}' is of {found}, but the report is for {year} "
            "({source}); expected {year}年1月1日 to {year}年12月31日",
        },
    },
    docs=docs(
        (
            "统计期限的年份必须是报告的年度：以标题中的年份为准，标题没有年份时以正文（总体情况）中最常写的"
            "年份为准。起止日期中任何一个不在该年度都会被报告。标题取正文前最靠近正文的报告名称行：网页侧栏、"
            "上一篇/下一篇、相关文章中其他报告的名称不作标题（几行都像标题时，取年份与统计期限相同的一行）。",
            "沿用上一年的报告而忘记改年份是常见错误；统计期限年份错误，读者会误以为数据是另一年度的。",
            OTHER_YEAR_PERIOD,
            OWN_YEAR_PERIOD,
        ),
        (
            "The statistics period must be of the report's year: the year in the title, or "
            "when the title has none, the year the overview states most often. A start or an "
            "end date in another year is reported. The title is the report's name nearest "
            "the body: names of other reports in a page's sidebar, 上一篇/下一篇 or 相关文章 "
            "links are no title (of several lines that read as one, the one whose year is "
            "the statistics period's).",
            "Reusing last year's report and forgetting to change the year is a common error; "
            "with the wrong year, readers take the figures for another year's.",
            OTHER_YEAR_PERIOD,
            OWN_YEAR_PERIOD,
        ),
    ),
)
def period_other_year(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    period = report.period
    if period is None or period.start is None or period.end is None:
        reason = (
            ctx.say("报告未写明统计期限", "no statistics period")
            if period is None
            else ctx.say("统计期限的写法无法识别", "the period is malformed")
        )
        ctx.record("period-other-year", "period", NOT_ASSESSABLE, reason=reason)
        return
    found = report_year(report)
    if found is None:
        ctx.record(
            "period-other-year",
            "period",
            NOT_ASSESSABLE,
            [_period_cell(period, ctx.lang)],
            reason=ctx.say("报告未写明年度", "the report's year is not stated"),
        )
        return
    year, source = found
    years = sorted({period.start.year, period.end.year})
    if years == [year]:
        ctx.record("period-other-year", "period", PASS, [_period_cell(period, ctx.lang)])
        return
    ctx.record(
        "period-other-year",
        "period",
        FAIL,
        [_period_cell(period, ctx.lang)],
        finding=("XG303", "period"),
    )
    shown = "—".join(str(y) for y in years)
    yield ctx.diagnostic(
        period.span,
        text=period.text,
        found=shown,
        year=year,
        source=_SOURCE.get(ctx.lang, _SOURCE["en"])[source],
        expected=f"{year}-01-01/{year}-12-31",
        actual=f"{period.start.isoformat()}/{period.end.isoformat()}",
        subject="period",
    )


@rule(
    code="XG304",
    name="period-not-calendar-year",
    severity="warning",
    summary={
        "zh": "统计期限不是完整的自然年度（1月1日至12月31日）",
        "en": "The statistics period is not the calendar year (1 January to 31 December)",
    },
    messages={
        "zh": {
            "default": "统计期限“{text}”{problem}；年度报告的统计期限应为全年，即1月1日至12月31日",
        },
        "en": {
            "default": "the statistics period '{text}' {problem}; an annual report covers the "
            "whole year, 1 January to 31 December",
        },
    },
    docs=docs(
        (
            "统计期限必须是完整的自然年度：从1月1日起，到12月31日止。起始日不是1月1日或截止日不是12月31日"
            "都会被报告（年份是否正确由 XG303 检查）。",
            "《条例》第四十九条要求报告上一年度的工作；少统计一段时间，数据就不完整，也无法与其他年度比较。",
            "本报告中所列数据的统计期限自2023年1月1日起至2023年11月30日止。",
            "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
        ),
        (
            "The statistics period must be the calendar year: from 1 January to 31 December. "
            "A start other than 1 January or an end other than 31 December is reported (XG303 "
            "checks the year).",
            "Article 49 of the 条例 asks for the previous year's work; leaving part of the year "
            "out makes the figures incomplete and not comparable with other years.",
            "本报告中所列数据的统计期限自2023年1月1日起至2023年11月30日止。",
            "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
        ),
    ),
)
def period_not_calendar_year(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    period = report.period
    if period is None or period.start is None or period.end is None:
        reason = (
            ctx.say("报告未写明统计期限", "no statistics period")
            if period is None
            else ctx.say("统计期限的写法无法识别", "the period is malformed")
        )
        ctx.record("period-not-calendar-year", "period", NOT_ASSESSABLE, reason=reason)
        return
    problems = []
    zh = ctx.lang == "zh"
    if (period.start.month, period.start.day) != (1, 1):
        problems.append(
            f"从{period.start.month}月{period.start.day}日起"
            if zh
            else f"starts on {period.start.isoformat()}"
        )
    if (period.end.month, period.end.day) != (12, 31):
        problems.append(
            f"到{period.end.month}月{period.end.day}日止"
            if zh
            else f"ends on {period.end.isoformat()}"
        )
    if not problems:
        ctx.record("period-not-calendar-year", "period", PASS, [_period_cell(period, ctx.lang)])
        return
    ctx.record(
        "period-not-calendar-year",
        "period",
        FAIL,
        [_period_cell(period, ctx.lang)],
        finding=("XG304", "period"),
    )
    yield ctx.diagnostic(
        period.span,
        text=period.text,
        problem="、".join(problems) if zh else " and ".join(problems),
        expected="01-01/12-31",
        actual=f"{period.start.isoformat()}/{period.end.isoformat()}",
        subject="period",
    )


RULES = [missing_period, malformed_period, period_other_year, period_not_calendar_year]
