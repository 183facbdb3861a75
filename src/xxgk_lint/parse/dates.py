"""Read dates and the statistics period with the date grammar (``grammar/dates.lark``).

The period is searched in one pass over the report's running text: the first statement
introduced by a specific word (统计期限 …) wins, else the first introduced by a loose one
(所列数据, 截止时间); each candidate is a window from its word to the end of its sentence
(at most 120 characters), parsed with the grammar. Linear in the text: every keyword
occurrence is looked at once, with a window of bounded size.

Dates written in Chinese numerals (二〇二二年一月一日, 十二月三十一日) are turned into digits
first (:func:`arabic_dates`, with :mod:`xxgk_lint.parse.numerals`), so the grammar reads
digits only; the wordings official prose adds around a date are put plainly too
(:func:`plain_dates`: 元月 is 1月, a clock time after the day is dropped, 1-12月 is
1月-12月). A period stated as a year (统计期限为2023年度) is that calendar year; a range of
months (2023年1月至12月) runs from the first day of its first month to the last day of its
last; a period without a year (1月1日至12月31日) is of the report's year.

A window is lexed with the grammar's terminals in one C pass, and its tokens grouped into
dates as the grammar's ``date`` rule groups them (:func:`_read_tokens`); Lark's parser runs
only on a window that pass cannot lex (a test compares the two readings).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator

from xxgk_lint.format.document import PERIOD_WORDS, Vocabulary
from xxgk_lint.format.normalise import close_up, nfkc, traditional_of
from xxgk_lint.memo import bounded, compiled
from xxgk_lint.parse._lark_runtime import Lark, LarkError, Token, Tree
from xxgk_lint.parse.ast import Paragraph, Period, Span
from xxgk_lint.parse.numerals import NUMERAL, chinese_int
from xxgk_lint.records import record

WINDOW = 120
#: Where a period statement's window ends (looked for with str.find: a regular expression
#: of these would cost more to compile, once per process, than all its searches).
_SENTENCE_ENDS = "。；;"
#: Characters a window must hold to state a date (a cheap test before the grammar), unless
#: it holds a date in figures alone (_NUMERIC_DATE: 2023.1.1-2023.12.31 has none of them).
_DATE_WORDS = "日至到起止年"
_NUMERIC_DATE = re.compile(r"\d{4}[ \t]*[./-][ \t]*\d{1,2}[ \t]*[./-][ \t]*\d{1,2}").search
#: Whether a window holds a digit (compiled once: a search by string looks the pattern up).
_DIGIT = re.compile(r"\d").search
#: A date part in Chinese numerals: 二〇二二年, 十二月, 三十一日 (the numeral is bounded, so a
#: search costs linear time). Which are dates is decided by their values (_to_digits).
_CHINESE_PART = re.compile(f"({NUMERAL})[ \t]?(年度?|月(?!份)|[日号])")
#: The spaces a date may hold between its parts in raw text (before NFKC folds them):
#: 2023 年 1 月 1 日 as PDF text layers write it, with full-width or no-break ones too.
DATE_GAP_CHARS = " \t\u3000\xa0"
DATE_GAP = f"[{DATE_GAP_CHARS}]*"
#: A date in Chinese numerals, for patterns that look for a whole date (a sign-off line).
CHINESE_DATE = (
    f"{NUMERAL}{DATE_GAP}年{DATE_GAP}{NUMERAL}{DATE_GAP}月{DATE_GAP}{NUMERAL}{DATE_GAP}[日号]"
)
#: The connecting words of the date grammar: a window holding one of them states more
#: than a year (截至2023年 is a date, not the year 2023).
_CONNECTIVES = frozenset({"START", "UNTIL", "STOP", "SINCE"})


def arabic_dates(text: str) -> str:
    """``text`` with the date parts written in Chinese numerals in digits: 二〇二二年 → 2022年,
    十二月 → 12月, 三十一日 → 31日 (a day only after a month: 同一日 is no date).

    Only values a date can have are converted (a year 1900–2199, a month 1–12, a day
    1–31), so 一年 or 十五日内 stay as they are.
    """
    return _CHINESE_PART.sub(_to_digits, text)


#: 元月 (the first month, in official prose) where it is a month of a date: after a year
#: (2023年元月) or before a day (元月1日); not 100元月均 and the like.
_FIRST_MONTH = re.compile(r"(?<=年)([ \t]*)元(?=[ \t]*月)|元(?=月[ \t]*\d{1,2}[ \t]*[日号])")
#: A clock time after a date's day (2023年1月1日0时, 12月31日24时, 2023-12-31 23:59:59,
#: 零时): dropped, so that the date ends at its day. 24时 is the end of that day, not the
#: next one: the day is kept as written.
_CLOCK_TIME = re.compile(
    r"([日号]|\d{4}[-./]\d{1,2}[-./]\d{1,2})[ \t]*"
    rf"(?:(?:\d{{1,2}}|{NUMERAL})[ \t]*[时点](?:[ \t]*(?:\d{{1,2}}|{NUMERAL})[ \t]*分)?整?"
    r"|\d{1,2}:\d{2}(?::\d{2})?)"
)
#: A range of months with 月 on the last one only (1-12月, 1至6月, 1月份至12月份): 月 on both.
_MONTH_SPAN = re.compile(
    r"(?<![\d./-])(\d{1,2})[ \t]*(?:月份)?[ \t]*(-|—{1,2}|–|~|～|至|到)[ \t]*(\d{1,2})[ \t]*月份?"
)


def plain_dates(text: str) -> str:
    """``text`` (NFKC-folded) with its dates as the date grammar reads them: Chinese
    numerals in digits (:func:`arabic_dates`), 元月 as 1月, a clock time after a day left
    out (…12月31日24时 ends on 12月31日), and a range of months that writes 月 once
    (2023年1-12月) with 月 on both months (2023年1月-12月)."""
    text = arabic_dates(text)
    if "元" in text:
        text = _FIRST_MONTH.sub(lambda m: f"{m.group(1) or ''}1", text)
    if "时" in text or "点" in text or ":" in text:
        text = _CLOCK_TIME.sub(r"\1", text)
    if "月" in text:
        text = _MONTH_SPAN.sub(_month_span, text)
    return text


def _month_span(match: re.Match[str]) -> str:
    first, joint, last = match.groups()
    if not (1 <= int(first) <= 12 and 1 <= int(last) <= 12):
        return match.group()
    return f"{first}月{joint}{last}月"


def _to_digits(match: re.Match[str]) -> str:
    value = chinese_int(match.group(1))
    unit = match.group(2)
    if value is None:
        return match.group()
    if unit[0] == "年":
        ok = 1900 <= value <= 2199
    elif unit == "月":
        ok = 1 <= value <= 12
    else:
        before = match.string[match.start() - 1 : match.start()]
        ok = 1 <= value <= 31 and before in ("月", " ", "\t")
    return f"{value}{unit}" if ok else match.group()


@functools.cache
def _parser() -> Lark:
    from xxgk_lint.parse.grammar import load_lark

    return load_lark("dates")


def parse_window(text: str) -> Tree[Token]:
    """The date grammar's tree of ``text``: Lark's LALR parser on the tokens of one C pass
    (:func:`_lexed`) when that pass lexes as Lark's lexer would, else Lark's own lexer.

    Lark's lexer costs a few Python calls and a position counter per token, most of a
    window's parse; the same alternation run by ``finditer`` makes the same tokens."""
    pattern = _scanner()
    tokens = _lexed(text, pattern) if pattern is not None and "\n" not in text else None
    if tokens is None:
        return _parser().parse(text)
    frontend = _parser().parser
    return frontend.parser.parse(_Lexed(tokens), "start")  # type: ignore[no-any-return]


@functools.cache
def _scanner() -> re.Pattern[str] | None:
    """The alternation Lark's lexer matches the date grammar's terminals with (in its
    order: one group per terminal, the first that matches wins), when one pass of it is
    what Lark's contextual lexer does on a window: every parser state accepts every
    terminal (the grammar is a flat sequence of them) but the final one, none is ignored
    or retyped. None otherwise (then Lark lexes). A window either lexes and parses, or
    raises a LarkError, the same way on both paths."""
    lexer = _parser().parser.lexer
    root = getattr(lexer, "root_lexer", None)
    states = getattr(lexer, "lexers", None)
    if root is None or states is None:
        return None
    names = [t.name for t in root.terminals]
    # (a state that accepts no terminal accepts only the end: it is never lexed in)
    if any([t.name for t in each.terminals] not in (names, []) for each in states.values()):
        return None
    root.scanner  # (builds the lexer's callbacks: a retyped terminal has one)  # noqa: B018
    if root.ignore_types or root.callback:
        return None
    return re.compile(
        "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in root.terminals),
        root.g_regex_flags,
    )


def _lexed(text: str, pattern: re.Pattern[str]) -> list[Token] | None:
    """The tokens of ``text`` as Lark's lexer makes them (type, value, positions), or None
    at a character no terminal matches (Lark's lexer reports it)."""
    tokens = []
    new = Token._future_new
    at = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        if start != at:
            return None
        tokens.append(new(match.lastgroup, match.group(), start, 1, start + 1, 1, end + 1, end))
        at = end
    return tokens if at == len(text) else None


class _Lexed:
    """A window's tokens, lexed beforehand, as Lark's parser reads a lexer's."""

    __slots__ = ("tokens",)

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens

    def lex(self, parser_state: object) -> Iterator[Token]:
        return iter(self.tokens)


@record
class DatePart:
    """A date as written: year, month and day as far as they are given, and its place."""

    year: int | None
    month: int | None
    day: int | None
    start: int
    end: int
    garbled: bool = False

    def first_day(self, year: int) -> dt.date | None:
        """The date, or the first day of its month when it gives none (2023年1月)."""
        if self.month is not None and self.day is None:
            return calendar_date(self.year or year, self.month, 1)
        return self.to_date(year)

    def last_day(self, year: int) -> dt.date | None:
        """The date, or the last day of its month when it gives none (12月 is 12月31日)."""
        if self.month is not None and 1 <= self.month <= 12 and self.day is None:
            y = self.year or year
            return calendar_date(y, self.month, calendar.monthrange(y, self.month)[1])
        return self.to_date(year)

    def to_date(self, year: int | None = None) -> dt.date | None:
        """The calendar date (the year may come from elsewhere); None if it does not exist."""
        y = self.year if self.year is not None else year
        if y is None or self.month is None or self.day is None:
            return None
        return calendar_date(y, self.month, self.day)


@record(eq=False)
class DateReading:
    """What a window of text says: its ranges (start, end), since-dates and lone dates."""

    ranges: tuple[tuple[DatePart, DatePart], ...]
    since: tuple[DatePart, ...]
    singles: tuple[DatePart, ...]
    #: Digits that belong to no date part: a sign of characters lost.
    stray_numbers: int
    #: Whether the window holds a connecting word (起, 至, 止, 以来).
    connected: bool = False

    @property
    def parts(self) -> list[DatePart]:
        out = [p for pair in self.ranges for p in pair]
        return [*out, *self.since, *self.singles]


def _digits(token: Token) -> int:
    return int("".join(ch for ch in str(token) if ch.isdigit()))


def _date(tree: Tree[Token]) -> DatePart:
    tokens = [t for t in tree.children if isinstance(t, Token)]
    return _date_of_parts([(t.type, str(t), t.start_pos or 0, t.end_pos) for t in tokens])


def _date_of_parts(parts: list[tuple[str, str, int, int | None]]) -> DatePart:
    """The date its tokens (type, text, start, end) write."""
    year = month = day = None
    garbled = False
    for kind, text, _, _ in parts:
        digits = "".join(ch for ch in text if ch.isdigit())
        if kind == "YEAR":
            year = int(digits)
            garbled |= len(digits) != 4
        elif kind == "MONTH":
            month = int(digits)
            garbled |= len(digits) > 2
        elif kind == "DAY":
            day = int(digits)
            garbled |= len(digits) > 2
        elif kind == "NUMERIC":
            y, m, d = (int(x) for x in re.findall(r"\d+", text))
            year, month, day = y, m, d
    start = parts[0][2]
    end = parts[-1][3] or start
    return DatePart(year, month, day, start, end, garbled)


@functools.cache
def _date_shapes() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """The grammar's ``date`` rule (YEAR MONTH? DAY? | MONTH DAY? | DAY | NUMERIC) as the
    sequences of parts a date can be and those it can begin with, read off the parser's
    rules (so that the grammar stays the one place that says what a date is)."""
    expansions = frozenset(
        tuple(symbol.name for symbol in rule.expansion)
        for rule in _parser().rules
        if rule.origin.name == "date"
    )
    prefixes = frozenset(shape[:end] for shape in expansions for end in range(1, len(shape) + 1))
    return expansions, prefixes


def _read_tokens(text: str) -> tuple[list[DatePart | str], int] | None:
    """read_dates' sequence (dates and connecting words) and stray numbers of ``text``,
    read off the tokens of the one-pass lexer (:func:`_scanner`) as the grammar groups them,
    without Lark's parser (which makes a Token per token and a tree: most of a window's
    cost; a test compares the two on every window of the fixtures and on made-up token
    sequences). The LALR parser shifts a part into the date being read while the date can
    go on (shift over reduce), so a date takes the longest run of its parts. None when the
    one pass does not lex ``text`` as Lark would, or a run ends short of a whole date."""
    pattern = _scanner()
    if pattern is None or "\n" in text:
        return None
    expansions, prefixes = _date_shapes()
    sequence: list[DatePart | str] = []
    stray = 0
    date: list[tuple[str, str, int, int | None]] = []  # the parts of the date being read
    shape: tuple[str, ...] = ()  # their kinds
    at = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        if start != at:
            return None
        at = end
        kind: str = match.lastgroup  # type: ignore[assignment]
        if date:
            if (*shape, kind) in prefixes:
                date.append((kind, match.group(), start, end))
                shape = (*shape, kind)
                continue
            if shape not in expansions:
                return None
            sequence.append(_date_of_parts(date))
            date, shape = [], ()
        if (kind,) in prefixes:
            date.append((kind, match.group(), start, end))
            shape = (kind,)
        elif kind == "NUM":
            stray += 1
        elif kind != "_OTHER":
            sequence.append(kind)
    if at != len(text):
        return None
    if date:
        if shape not in expansions:
            return None
        sequence.append(_date_of_parts(date))
    return sequence, stray


@bounded(1024)
def read_dates(text: str) -> DateReading:
    """Parse a window of text with the date grammar (NFKC-folded, its dates put plainly
    first: :func:`plain_dates`).

    Looked up once per text: the same period statement and sign-off date recur across a
    corpus (the template's wording, a year's reports), and the reading is immutable.

    The sequence is read left to right: a date followed by UNTIL (after an optional
    START) and another date is a range; a date followed by SINCE is where data begin;
    any other date stands alone.
    """
    folded = plain_dates(nfkc(text))
    read = _read_tokens(folded)
    if read is None:
        try:
            read = _read_tree(parse_window(folded))
        except LarkError:
            return DateReading((), (), (), stray_numbers=1)
    sequence, stray = read
    connected = any(item in _CONNECTIVES for item in sequence)
    ranges, since, singles = [], [], []
    index = 0
    while index < len(sequence):
        item = sequence[index]
        if not isinstance(item, DatePart):
            index += 1
            continue
        words: list[str] = []
        target: DatePart | None = None
        for following in sequence[index + 1 :]:
            if isinstance(following, DatePart):
                target = following
                break
            words.append(following)
        if words[:1] == ["SINCE"]:
            since.append(item)
        elif target is not None and "UNTIL" in words and len(words) <= 3:
            ranges.append((item, target))
            index = sequence.index(target, index + 1) + 1
            continue
        else:
            singles.append(item)
        index += 1
    return DateReading(tuple(ranges), tuple(since), tuple(singles), stray, connected)


def _read_tree(tree: Tree[Token]) -> tuple[list[DatePart | str], int]:
    """read_dates' sequence and stray numbers of the grammar's tree of a window."""
    sequence: list[DatePart | str] = []
    stray = 0
    for child in tree.children:
        if isinstance(child, Tree):
            sequence.append(_date(child))
        elif child.type == "NUM":
            stray += 1
        else:
            sequence.append(child.type)
    return sequence, stray


def _period(
    window: str, report_year: int | None = None
) -> tuple[dt.date | None, dt.date | None, str | None]:
    """(start, end, problem) of a period statement; ``report_year`` is the year of dates
    that give none (统计期限为1月1日至12月31日: the report's own year, stated elsewhere)."""
    reading = read_dates(window)
    parts = reading.parts
    if not parts:
        return None, None, "garbled"
    if reading.stray_numbers or any(p.garbled for p in parts):
        return None, None, "garbled"
    year = next((p.year for p in parts if p.year is not None), None)
    if year is None:
        # (only whole dates: a month or a day alone is no period)
        if report_year is None or any(p.month is None or p.day is None for p in parts):
            return None, None, "garbled"
        year = report_year
    if reading.ranges:
        first, last = reading.ranges[0]
        start, end = first.to_date(year), last.to_date(first.year or year)
        if _months_range(first, last, window):
            start, end = first.first_day(year), last.last_day(first.year or year)
    elif reading.since and reading.singles:
        start, end = reading.since[0].to_date(year), reading.singles[0].to_date(year)
    elif _whole_year(reading):
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    else:
        dates = [p.to_date(year) for p in parts]
        if any(d is None for d in dates):
            return None, None, _missing(parts, year)
        return None, None, "single-date" if len(dates) == 1 else "garbled"
    if start is None or end is None:
        return None, None, _missing(parts, year)
    if start > end:
        return None, None, "reversed"
    return start, end, None


#: What may follow a range of months in a period statement, up to the next comma or the
#: end of the sentence (2023年1月至12月止, …12月期间, …12月的数据); anything longer is prose
#: about those months (2023年3月至5月开展专项检查), not the period.
#: (Its runs are bounded, so that a search costs linear time.)
_MONTHS_TAIL = re.compile(
    r"[ \t]{0,2}(?:止|为止|期间|(?:的|之)?(?:数据|情况))?[ \t)）]{0,4}(?:[,，、]|$)"
)


def _months_range(first: DatePart, last: DatePart, window: str) -> bool:
    """Whether a range is one of months (2023年1月至12月, 1月至11月 after a year): a year
    stated, months without days, and nothing after the range but the words that close a
    period statement (:data:`_MONTHS_TAIL`)."""
    if first.year is None or None in (first.month, last.month):
        return False
    if first.day is not None and last.day is not None:
        return False
    return _MONTHS_TAIL.match(plain_dates(nfkc(window)), last.end) is not None


def _whole_year(reading: DateReading) -> bool:
    """Whether a window states a year and nothing more (统计期限为2023年度): that calendar
    year. Not with a connecting word (截至2023年) or any month or day."""
    if reading.connected or reading.ranges or reading.since or len(reading.singles) != 1:
        return False
    (part,) = reading.singles
    return part.year is not None and part.month is None and part.day is None


def _missing(parts: list[DatePart], year: int) -> str:
    """Why a date would not convert: a day that does not exist, or a part left out."""
    for part in parts:
        if part.month is not None and part.day is not None and part.to_date(year) is None:
            return "impossible-date"
    return "garbled"


def find_period(paragraphs: Iterable[Paragraph], report_year: int | None = None) -> Period | None:
    """The first statement of the statistics period in the paragraphs, if any; dates that
    give no year are of ``report_year`` (the year the title or the text states).

    One pass for the specific words over every paragraph; the loose words are searched
    only when no specific statement is found. Each pass looks at every keyword once.
    """
    paragraphs = list(paragraphs)
    # (each paragraph's text closed up when first read: letter-spaced prose, 统 计 期 限 自…)
    closed: list[tuple[str, tuple[int, ...] | None] | None] = [None] * len(paragraphs)
    for words in PERIOD_WORDS:
        pattern = words.raw_pattern
        firsts = _first_characters(words)
        for index, paragraph in enumerate(paragraphs):
            text_at = closed[index]
            if text_at is None:
                text_at = closed[index] = close_up(paragraph.text)
            text, at = text_at
            for match in _matches(pattern, firsts, text):
                period = _candidate(paragraph, text, match.start(), match.end(), report_year, at)
                if period is not None:
                    return period
    return None


@functools.cache
def _first_characters(words: Vocabulary) -> str | None:
    """The characters every match of ``words.raw_pattern`` starts with (each word's first
    character and its traditional forms), or None when a word may start otherwise (its
    first character is no plain CJK one, or may be left out, or the word has a choice)."""
    firsts = []
    for word in words.words:
        head, after = word[:1], word[1:2]
        if not ("\u4e00" <= head <= "\u9fff") or after in ("*", "?", "{") or _has_choice(word):
            return None
        firsts.append(head + traditional_of(head))
    return "".join(dict.fromkeys("".join(firsts)))


def _has_choice(word: str) -> bool:
    """Whether a regular expression has a ``|`` outside any group or character class."""
    depth, escaped, in_class = 0, False, False
    for character in word:
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif in_class:
            in_class = character != "]"
        elif character == "[":
            in_class = True
        elif character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif character == "|" and depth == 0:
            return True
    return False


def _matches(pattern: re.Pattern[str], firsts: str | None, text: str) -> Iterable[re.Match[str]]:
    """``pattern.finditer(text)``, or nothing when ``text`` holds none of the characters a
    match starts with (``firsts``): a search tries every alternative of the pattern at every
    character, and most paragraphs hold no period statement."""
    if firsts is None:
        return pattern.finditer(text)
    for character in firsts:
        if character in text:
            return pattern.finditer(text)
    return ()


def _candidate(
    paragraph: Paragraph,
    text: str,
    start: int,
    word_end: int,
    report_year: int | None,
    at: tuple[int, ...] | None = None,
) -> Period | None:
    """The period stated from ``start`` (a period word) of ``text``, the paragraph's text
    or that text closed up (see :func:`close_up`: ``at`` maps its positions back)."""
    ends = [text.find(c, word_end, start + WINDOW) for c in _SENTENCE_ENDS]
    found = [place for place in ends if place >= 0]
    end = min(found) if found else min(len(text), start + WINDOW)
    window = text[start:end]
    stated = _window_period(window, report_year)
    if stated is None:
        return None
    began, ended, problem = stated
    span = paragraph.span_of(start, end) if at is None else _span_back(paragraph, at, start, end)
    return Period(window, span, began, ended, problem)


def _span_back(paragraph: Paragraph, at: tuple[int, ...], start: int, end: int) -> Span:
    """The span in the file of ``[start, end)`` of a paragraph's closed-up text."""
    return paragraph.span_of(at[start], at[end - 1] + 1 if end > start else at[start])


@bounded(1024)
def _window_period(
    window: str, report_year: int | None = None
) -> tuple[dt.date | None, dt.date | None, str | None] | None:
    """(start, end, problem) of the period a window states; None if it holds no date.

    Looked up once per window: the template's statement recurs report after report."""
    folded = arabic_dates(nfkc(window))
    if _DIGIT(folded) is None:
        return None
    if not any(c in folded for c in _DATE_WORDS) and _NUMERIC_DATE(folded) is None:
        return None
    plain = compiled(_PLAIN_PERIOD).fullmatch(folded)
    if plain is not None:
        return _plain_period(plain)
    # (the other wordings, put plainly by read_dates: plain_dates)
    return _period(folded, report_year)


#: The period as most reports write it: words without a digit, then 2023年1月1日(起)至
#: (2023年)12月31日(止) and nothing after. The grammar reads it as one range (words before
#: the first date do not change that; a test compares the two), here read without it:
#: each new wording of a statement costs a parse of tens of microseconds.
_PLAIN_PERIOD = (
    r"\D*?([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日起?[至到]"
    r"(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日止?"
)


def _plain_period(match: re.Match[str]) -> tuple[dt.date | None, dt.date | None, str | None]:
    """What :func:`_period` makes of a window :data:`_PLAIN_PERIOD` matches."""
    year, month, day, end_year, end_month, end_day = match.groups()
    start = calendar_date(int(year), int(month), int(day))
    end = calendar_date(int(end_year or year), int(end_month), int(end_day))
    if start is None or end is None:
        return None, None, "impossible-date"
    if start > end:
        return None, None, "reversed"
    return start, end, None


def calendar_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the calendar has no such day (2023-02-30)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
