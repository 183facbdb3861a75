"""Report metadata: title, agency, year, the statistics period, section identification.

These are read from running text, where reports vary most. Every pattern here was taken
from real reports (see ``format-2021.md`` and ``domain-notes.md`` §4.3).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from xxgk_lint.parse.ast import Paragraph, Period, Span
from xxgk_lint.parse.grammar import Line
from xxgk_lint.parse.labels import fold_traditional, normalise

#: Section keys by the core words of their titles, tried in this order.
SECTION_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("other", re.compile(r"其他需要报告|其他事项")),
    ("problems", re.compile(r"存在的主要问题|主要问题|存在问题|改进情况|改进措施")),
    ("reviews", re.compile(r"行政复议|行政诉讼")),
    ("applications", re.compile(r"收到和处理|依申请公开")),
    ("proactive", re.compile(r"主动公开")),
    ("overview", re.compile(r"总体情况|概述")),
)

SECTION_ORDER = ("overview", "proactive", "applications", "reviews", "problems", "other")

SECTION_TITLES = {
    "overview": "总体情况",
    "proactive": "主动公开政府信息情况",
    "applications": "收到和处理政府信息公开申请情况",
    "reviews": "政府信息公开行政复议、行政诉讼情况",
    "problems": "存在的主要问题及改进情况",
    "other": "其他需要报告的事项",
}

_NUMERAL = re.compile(r"^(?:#+\s*)?(?:\*\*)?(?:第)?([一二三四五六七八])")


def section_key(heading: str) -> str | None:
    norm = normalise(heading)
    for key, pattern in SECTION_WORDS:
        if pattern.search(norm):
            return key
    return None


def section_number(heading: str) -> str | None:
    match = _NUMERAL.match(heading.strip())
    return match.group(1) if match else None


_IMPLICIT_PROBLEMS = re.compile(r"^\(?[一1]\)?[、.]?(?:存在的?)?(?:主要)?问题|^存在的?主要问题")


def starts_problems(text: str) -> bool:
    """Whether a paragraph opens an unheaded problems section (（一）主要问题 …)."""
    return bool(_IMPLICIT_PROBLEMS.match(normalise(text)))


# ---- title, agency, year ----

_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d{2})\s*年")
_REPORT_WORDS = re.compile(r"(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)")


_BREADCRUMB = re.compile(r"->|>|›|»|＞|首页")


def choose_title(candidates: Iterable[Line]) -> Line | None:
    """The line that names the report: report words and a year, not a breadcrumb."""
    best: tuple[int, Line] | None = None
    for line in candidates:
        norm = normalise(line.text)
        score = 0
        if _REPORT_WORDS.search(norm):
            score += 2
        if re.search(r"(?:19|20)\d{2}年", norm):
            score += 2
        if _BREADCRUMB.search(line.text):
            score -= 4
        if best is None or score > best[0]:
            best = (score, line)
    return best[1] if best and best[0] > 0 else None


def clean_title(text: str) -> str:
    """Strip markdown heading marks and emphasis from a title line."""
    return text.strip().lstrip("#").strip().strip("*").strip()


def agency_of(title: str) -> str | None:
    """The body named in the title: the text before the year, or between year and report."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", title))
    match = re.search(r"((?:19|20)\d{2})年度?", text)
    if not match:
        return None
    before = text[: match.start()].strip("《》“”\"'")
    if before:
        return before
    after = _REPORT_WORDS.split(text[match.end() :])[0].strip("《》“”\"'的")
    return after or None


def year_of_title(title: str) -> int | None:
    match = _YEAR_IN_TITLE.search(unicodedata.normalize("NFKC", title))
    return int(match.group(1)) if match else None


def year_of_text(paragraphs: Iterable[str]) -> int | None:
    """The year most often written in the given text (used when the title has none)."""
    counts: Counter[int] = Counter()
    for text in paragraphs:
        for match in re.finditer(r"((?:19|20)\d{2})\s*年", unicodedata.normalize("NFKC", text)):
            counts[int(match.group(1))] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]


# ---- statistics period ----

_PERIOD_KEYWORDS = (
    re.compile(r"统计(?:期限|时限|期间|时段|区间|周期|时间)|数据(?:期限|统计期|时限)"),
    re.compile(r"所列数据|截[止至]时间"),
)
_SENTENCE_END = re.compile(r"[。；;]")
_DATE = re.compile(
    r"(?:(?P<y>\d{4})\s*年)?\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
    r"|(?P<y2>\d{4})\s*[-./]\s*(?P<m2>\d{1,2})\s*[-./]\s*(?P<d2>\d{1,2})"
)


def find_period(lines: Iterable[Paragraph]) -> Period | None:
    """The first statement of the statistics period in the given paragraphs, if any.

    The specific keywords (统计期限 …) are tried before the loose ones (所列数据, 截止时间).
    """
    paragraphs = list(lines)
    for keywords in _PERIOD_KEYWORDS:
        found = _find_period(paragraphs, keywords)
        if found is not None:
            return found
    return None


def _find_period(paragraphs: list[Paragraph], keywords: re.Pattern[str]) -> Period | None:
    """Search the paragraphs as one text, since PDF text breaks sentences across lines."""
    starts: list[int] = []
    pieces: list[str] = []
    offset = 0
    for paragraph in paragraphs:
        starts.append(offset)
        pieces.append(paragraph.text)
        offset += len(paragraph.text)
    text = fold_traditional("".join(pieces))

    def position(at: int) -> tuple[Paragraph, int]:
        index = max(bisect.bisect_right(starts, at) - 1, 0)
        return paragraphs[index], at - starts[index]

    for keyword in keywords.finditer(text):
        end_match = _SENTENCE_END.search(text, keyword.end())
        end = end_match.start() if end_match else len(text)
        end = min(end, keyword.start() + 120)
        window = text[keyword.start() : end]
        folded = unicodedata.normalize("NFKC", window)
        if not re.search(r"\d", folded) or not re.search(r"[日至到起止]", folded):
            continue
        first, first_offset = position(keyword.start())
        last, last_offset = position(max(end - 1, keyword.start()))
        span = Span(
            first.span.line,
            first.span.column + first_offset,
            last.span.line,
            last.span.column + last_offset + 1,
            first.span.where,
        )
        return _read_period(window, folded, span)
    return None


def _read_period(window: str, folded: str, span: Span) -> Period:
    dates: list[dt.date] = []
    positions: list[int] = []
    problem: str | None = None
    year: int | None = None
    leftover = folded
    for match in _DATE.finditer(folded):
        y = match.group("y") or match.group("y2")
        m = match.group("m") or match.group("m2")
        d = match.group("d") or match.group("d2")
        if y:
            year = int(y)
        leftover = leftover.replace(match.group(), " ", 1)
        if year is None:
            problem = "garbled"
            continue
        try:
            dates.append(dt.date(year, int(m), int(d)))
            positions.append(match.start())
        except ValueError:
            problem = problem or "impossible-date"
    if re.search(r"\d", leftover):
        problem = problem or "garbled"
    if problem is None and len(dates) < 2:
        problem = "single-date" if dates else "garbled"
    until = re.search(r"[至到]", folded)
    if problem is None and until is not None:
        starts = [d for d, at in zip(dates, positions, strict=True) if at < until.start()]
        ends = [d for d, at in zip(dates, positions, strict=True) if at > until.start()]
        if starts and ends and starts[0] > ends[-1]:
            problem = "reversed"
    if problem is not None:
        return Period(window, span, None, None, problem)
    return Period(window, span, min(dates), max(dates))
