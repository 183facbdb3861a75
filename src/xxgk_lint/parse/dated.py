"""The dates a report states about itself: when it was published and when it was signed.

Read for the publication deadline (XG305): a web page's metadata (``<meta name="PubDate">``
and its kin, from the HTML reader), the page's own date above the report — a 发布日期 /
发布时间 / 时间： line, or the byline a CMS prints under the title (``2025-02-14 08:50
来源：…``) — and the sign-off, the date under the body's name after the last section. Each
is kept with where it was read and how, so that a finding can say which date it used. A
page's date may be a re-post date; the rule that uses them knows it.

Only the page's header (the lines before the first section) is searched for a page date,
and only a labelled date or a byline counts there: page chrome such as 今天：2024年2月22日
(the day the page was viewed) is neither.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from xxgk_lint.memo import compiled
from xxgk_lint.parse.ast import Date, Span
from xxgk_lint.parse.dates import CHINESE_DATE, DATE_GAP_CHARS, calendar_date, read_dates
from xxgk_lint.parse.dates import DATE_GAP as _GAP
from xxgk_lint.parse.grammar import Line
from xxgk_lint.parse.numerals import NUMERAL
from xxgk_lint.sources.model import MetaTag

#: A date in digits and units (2024年1月18日), spaces between its parts allowed (DATE_GAP).
_UNIT_DATE = rf"\d{{4}}{_GAP}年{_GAP}\d{{1,2}}{_GAP}月{_GAP}\d{{1,2}}{_GAP}日"
#: A date as a page writes it: 2024-01-20, 2024.1.20, 2024年1月20日, 二〇二四年一月二十日.
_DATE = (
    rf"(?P<date>\d{{4}}{_GAP}[-./]{_GAP}\d{{1,2}}{_GAP}[-./]{_GAP}\d{{1,2}}"
    rf"|{_UNIT_DATE}|{CHINESE_DATE})"
)
#: A labelled page date: 发布日期：2024-01-20, 发布时间: 2024年1月20日, 发布于 2024-01-20, and a
#: bare 时间：/ 日期： that starts a line or follows a space (not 更新时间, 今天).
_PUBLISHED = (
    r"(?:(?:发布|发表|公开|印发|上传)(?:日期|时间)[ \t]*[:：]?|发布于"
    r"|(?<![\u3400-\u9fff])(?:日期|时间)[ \t]*[:：])" + _GAP + _DATE
)
#: Words one of which every labelled page date holds (a cheap test before the pattern).
_PUBLISHED_WORDS = ("日期", "时间", "发布于")
#: A CMS byline under the title: the date (and time) first, then 来源/作者/浏览… or nothing.
_BYLINE = (
    r"^\s*" + _DATE + r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?=\s*(?:来源|作者|浏览|点击|阅读|字号|发布|【|$))"
)
#: A sign-off line: a date and nothing else (2024年1月18日, 二〇二四年一月十八日, damaged ones
#: such as 2025214 too), or a month (2024年4月, 二〇二四年四月).
_SIGN_OFF = (
    rf"^{_GAP}(?:{_UNIT_DATE}|\d{{6,8}}|{CHINESE_DATE}"
    rf"|(?:\d{{4}}|{NUMERAL}){_GAP}年{_GAP}(?:\d{{1,2}}|{NUMERAL}){_GAP}月){_GAP}$"
)
#: What a date can start with (a digit, or a numeral: NUMERAL) and end with (a digit, 日, 号;
#: 月 for a month).
_DATE_FIRST = frozenset("〇○零一二两三四五六七八九十百千万")
_DATE_LAST = frozenset("日号月")


#: Page metadata names that hold the publication date, most specific first.
META_NAMES = (
    "pubdate",
    "publishdate",
    "firstpublishedtime",
    "publishtime",
    "articlepublishdate",
    "article:published_time",
    "datepublished",
)
#: How many lines at the end of the last section may hold the sign-off.
SIGN_OFF_WINDOW = 8


#: The spaces _DATE allows in a date, taken out before it is read.
_NO_GAPS = str.maketrans("", "", DATE_GAP_CHARS)

#: The dates most pages and sign-offs print (2024年1月18日, 2024-01-20, 2024.1.20), read as
#: the date grammar reads them (a test compares the two) without it: a sign-off's date
#: differs report by report, so the grammar's memo seldom holds it, and parsing one costs
#: tens of microseconds.
_PLAIN_DATE = r"([0-9]{4})(?:年([0-9]{1,2})月([0-9]{1,2})日|[-./]([0-9]{1,2})[-./]([0-9]{1,2}))"


def _date_of(text: str) -> dt.date | None:
    text = text.translate(_NO_GAPS)
    plain = compiled(_PLAIN_DATE).fullmatch(text)
    if plain is not None:
        year, month, day = (int(g) for g in plain.groups() if g is not None)
        return calendar_date(year, month, day)
    reading = read_dates(text)
    parts = reading.parts
    if len(parts) != 1 or parts[0].garbled:
        return None
    return parts[0].to_date()


def _month_of(text: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a month given alone (2024年4月, 二〇二四年四月)."""
    parts = read_dates(text.translate(_NO_GAPS)).parts
    if len(parts) != 1 or parts[0].garbled:
        return None
    part = parts[0]
    if part.year is None or part.month is None or part.day is not None:
        return None
    first, last = part.first_day(part.year), part.last_day(part.year)
    return None if first is None or last is None else (first, last)


def publication_dates(lines: Iterable[Line]) -> list[Date]:
    """The page dates of the header lines, in order: labelled dates and bylines."""
    out = []
    for kind, text, number, column, _ in lines:
        if kind == "ROW" and "\t" in text:
            continue
        match = None
        if any(word in text for word in _PUBLISHED_WORDS):
            match = compiled(_PUBLISHED).search(text)
        if match is None:
            first = text.lstrip()[:1]
            if first.isdigit() or first in _DATE_FIRST:
                match = compiled(_BYLINE).match(text)
        if match is None:
            continue
        value = _date_of(match.group("date"))
        if value is None:
            continue
        start = column + match.start("date")
        span = Span(number, start, number, start + len(match.group("date")))
        out.append(Date(value, span, "published-line", match.group().strip()))
    return out


def sign_off(lines: list[Line]) -> Date | None:
    """The date of the sign-off: the last line that is a date alone, near the end."""
    for _, text, number, column, _ in reversed(lines[-SIGN_OFF_WINDOW:]):
        last = text.rstrip(DATE_GAP_CHARS)[-1:]
        if (last.isdigit() or last in _DATE_LAST) and compiled(_SIGN_OFF).match(text):
            stripped = text.strip()
            start = column + text.index(stripped)
            span = Span(number, start, number, start + len(stripped))
            if stripped.endswith("月"):
                month = _month_of(stripped)
                if month is not None:
                    return Date(month[0], span, "sign-off", stripped, month[1])
                return None
            value = _date_of(text)
            if value is not None:
                return Date(value, span, "sign-off", stripped)
            return None  # a damaged date (2025214): no date to use
    return None


def meta_date(meta: Mapping[str, MetaTag]) -> Date | None:
    """The publication date a page's metadata gives (its span points into the HTML)."""
    for name in META_NAMES:
        tag = meta.get(name)
        if tag is None:
            continue
        text = tag.content.strip()[:10].replace("/", "-")
        parsed = _date_of(text)
        if parsed is not None:
            span = Span(tag.line, tag.column, tag.line, tag.column + len(text))
            return Date(parsed, span, "meta", f'<meta name="{name}" content="{tag.content}">')
    return None
