"""The dates a report states about itself: when it was published and when it was signed.

Read for the publication deadline (XG305): a web page's metadata (``<meta name="PubDate">``
and its kin, from the HTML reader), a 发布日期 / 发布时间 line of the page, and the
sign-off — the date under the body's name after the last section. Each is kept with where
it was read and how, so that a finding can say which date it used. A page's date may be a
re-post date; the rule that uses them knows it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from xxgk_lint.parse.ast import Date, Span
from xxgk_lint.parse.dates import read_dates
from xxgk_lint.parse.grammar import Line

#: A line that says when the page was published: 发布日期：2024-01-20, 发布时间: 2024年1月20日.
_PUBLISHED = re.compile(
    r"(?:发布|发表|公开|印发)(?:日期|时间)[ \t]*[:：][ \t]*"
    r"(?P<date>\d{4}[-./]\d{1,2}[-./]\d{1,2}"
    r"|\d{4}[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日)"
)
#: A sign-off line: a date and nothing else (2024年1月18日, damaged ones such as 2025214 too).
_SIGN_OFF = re.compile(
    r"^[ \t　]*(?:\d{4}[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日|\d{6,8})[ \t　]*$"
)
#: Page metadata names that hold the publication date.
META_NAMES = ("pubdate", "publishdate", "firstpublishedtime", "publishtime", "articlepublishdate")


def _date_of(text: str) -> dt.date | None:
    reading = read_dates(text)
    parts = reading.parts
    if len(parts) != 1 or parts[0].garbled:
        return None
    return parts[0].to_date()


def publication_dates(lines: Iterable[Line]) -> list[Date]:
    """发布日期 / 发布时间 lines of the page, in order."""
    out = []
    for line in lines:
        if line.kind == "ROW" and "\t" in line.text:
            continue
        match = _PUBLISHED.search(line.text)
        if match is None:
            continue
        value = _date_of(match.group("date"))
        if value is None:
            continue
        start = line.column + match.start("date")
        span = Span(line.line, start, line.line, start + len(match.group("date")))
        out.append(Date(value, span, "published-line", match.group()))
    return out


def sign_off(lines: list[Line]) -> Date | None:
    """The date of the sign-off: the last line that is a date alone, near the end."""
    for line in reversed(lines[-8:]):
        if _SIGN_OFF.match(line.text):
            value = _date_of(line.text)
            span = Span(line.line, line.column, line.line, line.end_column)
            if value is not None:
                return Date(value, span, "sign-off", line.text.strip())
            return None  # a damaged date (2025214): no date to use
    return None


def meta_date(meta: Mapping[str, str]) -> tuple[str, dt.date] | None:
    """The publication date a page's metadata gives, and the name it was under."""
    for name in META_NAMES:
        for key, value in meta.items():
            if key.lower() == name:
                parsed = _date_of(value.strip()[:10].replace("/", "-"))
                if parsed is not None:
                    return key, parsed
    return None
