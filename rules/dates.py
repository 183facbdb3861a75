"""XG305 publication-deadline: when the report was published, against the legal deadline.

《政府信息公开条例》第四十九条: departments of 县级以上 governments publish their report for
the previous year by 31 January; the 县级以上 government's own report (published by its
office) is due by 31 March. Townships, streets and development zones are not named there:
their deadlines are set locally, so by default they are not checked (an option sets one).

The date comes from the report itself (:attr:`Report.dates`, read by
:mod:`xxgk_lint.parse.dated`): the page's metadata, the page's own date above the report,
else the sign-off — and the finding says which one it used. A page's date may be the date
of a re-post, so a late one is only an info by default. A date before the reporting year
ended is impossible for an annual report (signed or published before the year it reports
on was over): that is reported on its own, as a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from xxgk_lint_rules._docs import docs

from xxgk_lint.engine.checks import FAIL, NOT_ASSESSABLE, PASS, CheckCell
from xxgk_lint.engine.diagnostics import Diagnostic, RuleOption, Severity
from xxgk_lint.engine.rule import RuleContext, rule
from xxgk_lint.format.normalise import normalise
from xxgk_lint.memo import bounded
from xxgk_lint.parse.ast import Date, Report

GOVERNMENT, DEPARTMENT, TOWNSHIP, ZONE = "government", "department", "township", "zone"
BODY_TYPES = (GOVERNMENT, DEPARTMENT, TOWNSHIP, ZONE)

#: How an agency's name says what kind of body it is, tried in this order (the last
#: words of the name decide: 青山县人民政府办公室 is a government's office, 白鹭镇人民政府
#: a township). A name that matches none is a department.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        TOWNSHIP,
        re.compile(r"(?:镇|乡|街道|苏木)(?:人民政府|政府|办事处|党政办公室|党政办)?$|街道办"),
    ),
    (
        # A zone, or the committee that runs one: 管理委员会 after a place's word (开发区管委会,
        # 新城管理委员会, 港区管委会). After other words it is a department (国有资产监督管理
        # 委员会, 城市管理委员会, 住房公积金管理委员会, 口岸管理委员会).
        ZONE,
        re.compile(
            r"(?:开发区|高新区|新区|园区|试验区|保税区|合作区|度假区|示范区)(?:党工委)?$"
            r"|(?:区|园|城|港|岛|基地)(?:党工委)?(?:管委会|管理委员会)$"
        ),
    ),
    (
        # A government: 人民政府, a prefecture's 行政公署 (地区行政公署, 盟行政公署), their
        # offices, or a place's name alone.
        GOVERNMENT,
        re.compile(
            r"(?:人民政府|政府|行政公署)(?:办公室|办公厅|办)?$"
            r"|^[^局委厅办院所站队部会处署室中心]{1,16}?(?:省|自治区|市|州|盟|地区|县|区|旗)$"
        ),
    ),
)


def body_type(agency: str | None) -> str | None:
    """``government``, ``department``, ``township`` or ``zone`` from the agency's name
    (None when the report names no agency)."""
    if not agency:
        return None
    return _body_type(agency)


@bounded(1024)
def _body_type(agency: str) -> str:
    """:func:`body_type` of a name, once per name: a body's reports, and a county's
    departments, share their names' endings run after run."""
    name = normalise(agency)
    for kind, pattern in _KINDS:
        if pattern.search(name):
            return kind
    return DEPARTMENT


_BODY = {
    "zh": {
        GOVERNMENT: "县级以上人民政府",
        DEPARTMENT: "县级以上人民政府部门",
        TOWNSHIP: "乡镇、街道",
        ZONE: "开发区等",
    },
    "en": {
        GOVERNMENT: "a government at county level or above",
        DEPARTMENT: "a department of a government at county level or above",
        TOWNSHIP: "a township or street office",
        ZONE: "a development zone or similar",
    },
}
_WHICH = {
    "zh": {
        "meta": "页面元数据中的发布日期",
        "published-line": "页面上的发布日期",
        "sign-off": "落款日期",
    },
    "en": {
        "meta": "the publication date in the page's metadata",
        "published-line": "the date on the page",
        "sign-off": "the date of the sign-off",
    },
}


_MONTH_DAY = re.compile(r"(\d{1,2})-(\d{1,2})")


def _deadline(ctx: RuleContext, kind: str, year: int) -> dt.date | str | None:
    """The deadline for a body of ``kind`` reporting on ``year``; None when there is none;
    a string (the option's name) when the option does not hold a date."""
    option = f"{kind}-deadline"
    text = str(ctx.option(option) or "").strip()
    if not text:
        return None
    match = _MONTH_DAY.fullmatch(text)
    try:
        if match is None:
            raise ValueError(text)
        return dt.date(year + 1, int(match.group(1)), int(match.group(2)))
    except ValueError:
        return option


def _cell(date: Date, lang: str) -> CheckCell:
    return CheckCell("text", date.iso(), date.span, _WHICH[lang][date.source])


def _publication(dates: tuple[Date, ...], year_end: dt.date) -> Date | None:
    """The date the report was first published, as far as the report says: the earliest
    page date after the year (a re-post is later, never earlier), else the sign-off."""
    page = [d for d in dates if d.source != "sign-off" and d.value > year_end]
    if page:
        return min(page, key=lambda d: d.value)
    signed = [d for d in dates if d.source == "sign-off" and d.value > year_end]
    return signed[0] if signed else None


# The documented examples, executed by tests/rules/cases/XG305.yml: a department's report
# for 2023, with the byline a CMS prints under the title.
_TITLE = "青山县审计局2023年政府信息公开工作年度报告\n"
PUBLISHED_LATE = _TITLE + "2024-02-14 08:50 来源：青山县审计局\n…"
PUBLISHED_IN_TIME = _TITLE + "2024-01-20 08:50 来源：青山县审计局\n…"


@rule(
    code="XG305",
    name="publication-deadline",
    severity="info",
    summary={
        "zh": "发布日期晚于法定时限，或早于报告年度结束",
        "en": "Published after the deadline, or dated before the reporting year ended",
    },
    messages={
        "zh": {
            "late": "本报告{which}为 {actual}，晚于{body}年度报告的发布时限 {expected}（{basis}）；"
            "如该日期是转载或更新日期，可忽略此提示",
            "impossible": "本报告{which}为 {actual}，早于 {year} 年度结束：年度报告不可能在报告年度结束"
            "（{year}年12月31日）之前{verb}",
            "bad-option": "选项 {option} 的值“{value}”不是“月-日”形式的日期（如 01-31），无法核对发布时限",
        },
        "en": {
            "late": "{which} is {actual}, after the deadline {expected} for the report of {body} "
            "({basis}); if the date is that of a re-post or an update, ignore this",
            "impossible": "{which} is {actual}, before the year {year} ended: an annual report "
            "cannot be {verb} before the end of the year it reports on ({year}-12-31)",
            "bad-option": "option {option} is '{value}', not a month-day date such as 01-31; "
            "the publication deadline cannot be checked",
        },
    },
    docs=docs(
        (
            "按《政府信息公开条例》第四十九条检查发布时间：县级以上人民政府部门应于每年1月31日前、县级以上"
            "人民政府（由其办公室发布）应于每年3月31日前公布上一年度的年度报告。机关类型由标题中的机关名称判断"
            "（人民政府、行政公署、政府办公室、区县市名称为政府；镇、乡、街道为乡镇；开发区、园区及其管委会为开发"
            "区；其余为部门，如国资委等管理委员会），也可用选项 body 指定。"
            "乡镇、街道和开发区没有全国统一的时限，默认不检查，可用选项设定。"
            '日期依次取自页面元数据（<meta name="PubDate"> 等）、页面上的发布日期（发布日期：、发布时间：、'
            "标题下的日期行）和落款日期，提示中写明用的是哪一个。页面日期可能是转载日期，所以默认只是提示。"
            "早于报告年度结束的落款或发布日期（如2023年度报告落款为2023年1月18日）不可能成立，单独报告为警告。"
            "落款只写到月份（如“2024年4月”）时，整个月都晚于期限才提示逾期，整个月都在年度结束前才报告警告；"
            "期限在该月之内则不判断。",
            "按时公开年度报告是法定义务，逾期发布是通报中常见的问题；年度结束前的日期多是沿用上一年报告的落款。",
            PUBLISHED_LATE,
            PUBLISHED_IN_TIME,
        ),
        (
            "Checks the publication date against article 49 of the 政府信息公开条例: "
            "departments of governments at county level or above publish their report for "
            "the previous year by 31 January, the governments themselves (through their "
            "offices) by 31 March. The kind of body comes from the agency named in the title "
            "(人民政府, 行政公署, 政府办公室 or a place name: government; 镇, 乡, 街道: "
            "township; 开发区, 园区 and their 管委会: zone; anything else, a 管理委员会 such as "
            "国资委 included: department), or from the option body. "
            "Townships, streets and zones have no national deadline and are not checked "
            "unless an option sets one. The date is taken from the page's metadata (<meta "
            'name="PubDate"> and kin), the page\'s own date (发布日期：, 发布时间：, the date '
            "line under the title), else the sign-off, and the finding names which. A page's "
            "date may be that of a re-post, so lateness is an info. A sign-off or publication "
            "date before the reporting year ended (a 2023 report signed on 2023-01-18) is "
            "impossible and reported on its own, as a warning. A sign-off that gives its "
            "month alone (2024年4月) is late only if all of the month is after the deadline, "
            "and impossible only if all of it is before the year ended; a month that holds "
            "the deadline is not judged.",
            "Publishing the report on time is a legal duty and late publication is a common "
            "finding of supervising offices; a date before the year ended is usually last "
            "year's sign-off left in place.",
            PUBLISHED_LATE,
            PUBLISHED_IN_TIME,
        ),
    ),
    options=[
        RuleOption(
            "body",
            "auto",
            "The kind of body: auto (from the agency's name), government, department, "
            "township or zone.",
            type=str,
            choices=("auto", *BODY_TYPES),
        ),
        RuleOption(
            "department-deadline",
            "01-31",
            "Deadline (month-day of the next year) for a department; empty: not checked.",
            type=str,
        ),
        RuleOption(
            "government-deadline",
            "03-31",
            "Deadline (month-day of the next year) for a government; empty: not checked.",
            type=str,
        ),
        RuleOption(
            "township-deadline",
            "",
            "Deadline (month-day of the next year) for a township or street office, set "
            "locally; empty (the default): not checked.",
            type=str,
        ),
        RuleOption(
            "zone-deadline",
            "",
            "Deadline (month-day of the next year) for a development zone, set locally; "
            "empty (the default): not checked.",
            type=str,
        ),
        RuleOption(
            "impossible-severity",
            "warning",
            "Severity of a date before the reporting year ended: error, warning, info or ignore.",
            type=str,
            choices=("error", "warning", "info", "ignore"),
        ),
    ],
)
def publication_deadline(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    lang = ctx.lang if ctx.lang in _WHICH else "en"
    year = report.year
    if year is None:
        ctx.record(
            "publication-deadline",
            "deadline",
            NOT_ASSESSABLE,
            reason=ctx.say("报告未写明年度", "no report year"),
        )
        return
    year_end = dt.date(year, 12, 31)
    impossible = str(ctx.option("impossible-severity")).lower()
    for date in report.dates:
        status = FAIL if date.latest <= year_end else PASS  # (a month: all of it)
        finding = ("XG305", f"date.{date.source}") if status == FAIL else None
        if impossible == "ignore":
            finding = None
        ctx.record("date-after-year", date.source, status, [_cell(date, lang)], finding=finding)
        if finding is None:
            continue
        verb = {"zh": "签发" if date.source == "sign-off" else "发布"}.get(
            lang, "signed" if date.source == "sign-off" else "published"
        )
        yield ctx.diagnostic(
            date.span,
            "impossible",
            which=_WHICH[lang][date.source],
            year=year,
            verb=verb,
            expected=f"> {year_end.isoformat()}",
            actual=date.iso(),
            subject=f"date.{date.source}",
            severity=Severity.parse(impossible),
        )
    yield from _late(report, ctx, lang, year, year_end)


def _late(
    report: Report, ctx: RuleContext, lang: str, year: int, year_end: dt.date
) -> Iterator[Diagnostic]:
    chosen = str(ctx.option("body")).lower()
    kind = body_type(report.agency) if chosen == "auto" else chosen
    if kind is None:
        ctx.record(
            "publication-deadline",
            "deadline",
            NOT_ASSESSABLE,
            reason=ctx.say("报告未写明机关名称", "no agency named"),
        )
        return
    deadline = _deadline(ctx, kind, year)
    if isinstance(deadline, str):
        value = str(ctx.option(deadline))
        ctx.record(
            "publication-deadline",
            "deadline",
            NOT_ASSESSABLE,
            reason=ctx.say(f"选项 {deadline} 无效", f"option {deadline}"),
        )
        span = report.title.span if report.title is not None else None
        if span is not None:
            yield ctx.diagnostic(
                span, "bad-option", option=deadline, value=value, subject="deadline.option"
            )
        return
    if deadline is None:
        ctx.record(
            "publication-deadline",
            "deadline",
            NOT_ASSESSABLE,
            reason=ctx.say(
                f"{_BODY['zh'].get(kind, kind)}没有全国统一的发布期限",
                f"no deadline for a body of kind {kind}",
            ),
        )
        return
    published = _publication(report.dates, year_end)
    if published is None:
        ctx.record(
            "publication-deadline",
            "deadline",
            NOT_ASSESSABLE,
            reason=ctx.say("报告未写明发布日期", "no date stated"),
        )
        return
    cells = [_cell(published, lang)]
    if published.latest <= deadline:
        ctx.record("publication-deadline", "deadline", PASS, cells)
        return
    if published.value <= deadline:  # a sign-off's month holds the deadline
        ctx.record(
            "publication-deadline",
            "deadline",
            NOT_ASSESSABLE,
            cells,
            reason=ctx.say("落款只写到月份，期限在该月之内", "the sign-off gives its month alone"),
        )
        return
    ctx.record("publication-deadline", "deadline", FAIL, cells, finding=("XG305", "deadline"))
    national = kind in (GOVERNMENT, DEPARTMENT) and ctx.option(f"{kind}-deadline") == (
        "01-31" if kind == DEPARTMENT else "03-31"
    )
    if lang == "zh":
        basis = "《政府信息公开条例》第四十九条" if national else f"选项 {kind}-deadline"
    else:
        basis = "政府信息公开条例, article 49" if national else f"option {kind}-deadline"
    body = _BODY[lang][kind] + (
        "" if chosen == "auto" else ("（按配置）" if lang == "zh" else " (by config)")
    )
    yield ctx.diagnostic(
        published.span,
        "late",
        which=_WHICH[lang][published.source],
        body=body,
        basis=basis,
        expected=deadline.isoformat(),
        actual=published.iso(),
        subject="deadline",
    )


RULES = [publication_deadline]
