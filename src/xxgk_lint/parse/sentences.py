"""Split a paragraph into sentences, and find the numbers each one states.

A sentence ends at 。；！？ (full or half width). A paragraph's lines were joined because a
sentence may wrap over several of them; a short line without a comma that ends no sentence
(a subheading such as （一）主动公开情况, or page chrome) still ends its own sentence, so that
it is not read as the start of the next one — unless it is as wide as the paragraph's other
lines (a wrap at the page's width: a 公文 sets 28 characters a line) or goes on from a
terminator of its own.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from functools import partial
from itertools import repeat
from operator import attrgetter, methodcaller
from typing import Any

from xxgk_lint.format.document import SENTENCE_ENDS
from xxgk_lint.memo import compiled
from xxgk_lint.parse.ast import Number, Paragraph, Piece, Sentence, Span, sentence_of
from xxgk_lint.parse.lexer import LINE_COLUMN, LINE_TEXT, Line

#: The characters that end a sentence, and the closing marks that may follow them.
_ENDS = SENTENCE_ENDS
_CLOSERS = "”\"’'）)】」』"
#: A sentence's end: its terminators and up to three closing marks.
_END = re.compile(f"[{_ENDS}]+[{_CLOSERS}]{{0,3}}")
_END_OF = methodcaller("end")
#: The text from one end (or the start) to the next (or the text's end), as ``_END`` finds
#: them: its matches tile a text (compiled when first needed).
_CHUNKS = f"[^{_ENDS}]*[{_ENDS}]+[{_CLOSERS}]{{0,3}}|[^{_ENDS}]+"
#: The ends other than 。, the one most paragraphs end their sentences with.
_OTHER_ENDS = _ENDS.replace("。", "")
#: ``_CHUNKS`` and ``_END`` for a text whose only end is 。 (most paragraphs): the same
#: matches, but ``re`` runs over a text to the next 。 in a tight loop of its own, where it
#: tests every character against the class of all the ends (ten times the instructions).
_FULL_STOP_CHUNKS = f"[^。]*。+[{_CLOSERS}]{{0,3}}|[^。]+"
_FULL_STOP_END = f"。+[{_CLOSERS}]{{0,3}}"
#: The characters that end a sentence (what ``_END`` starts with).
_TERMINATORS = frozenset(_ENDS)
#: A number and the unit written after it (件, 万元, 年, %, 个 …), full-width digits too.
#: (Two look-behinds, not one of [0-9０-９.．]: a class of more than two runs of characters
#: beyond Latin-1 costs a 64K-entry table to compile.)
_NUMBER = re.compile(
    r"(?<![0-9０-９])(?<![.．])(?P<digits>[0-9０-９]+(?:,[0-9０-９]{3})*(?:[.．][0-9０-９]+)?)"
    r"[ \t]*(?P<unit>万元|亿元|元|件次|件|宗|起|个|次|人次|条|篇|份|项|年|月|日|号|%|％)?"
)
#: A line shorter than this that ends no sentence, and has no comma, ends its own (a
#: subheading, page chrome); a short line with a comma is a sentence wrapped on a narrow page.
SHORT_LINE = 30
_COMMAS = "，,、；;：:"

#: List markers, read by :func:`_marker_end` without a regular expression (compiling the
#: one below costs more than a millisecond of every start; it is the specification):
#: ``^[ \t\u3000]*(?:[(（][一二三四五六七八九十\d]{1,3}[)）](?![项條条款目])
#: |[一二三四五六七八九十]{1,3}(?:[、.．]|是(?=\S))|\d{1,2}(?:[.．](?![\d.．])|、)
#: |[①-⑳]|其[一二三四五六七八九])``
_NUMERALS = frozenset("一二三四五六七八九十")
_OPEN, _CLOSE = frozenset("(（"), frozenset(")）")
#: After a bracketed numeral, the legal reference 第二十条第（一）项 (a wrap may cut before its
#: bracket): no list marker.
_CLAUSE_WORDS = frozenset("项條条款目")
_POINTS = frozenset(".．")
_AFTER_NUMERAL = frozenset("、.．")
_NINE = frozenset("一二三四五六七八九")
_MARKER_SPACE = " \t\u3000"
#: What a marker can start with, besides a decimal digit.
_FIRSTS = _OPEN | _NUMERALS | {"其"} | {chr(c) for c in range(ord("①"), ord("⑳") + 1)}


def _run(text: str, at: int, numerals: bool, digits: bool) -> int:
    """How many characters from ``at`` are Chinese numerals (一 … 十) or decimal digits, as
    asked, counted up to 4 (a marker's numeral has at most 3)."""
    count = 0
    for c in text[at : at + 4]:
        if not ((numerals and c in _NUMERALS) or (digits and c.isdecimal())):
            break
        count += 1
    return count


def _marker_end(line: str) -> int:
    """Where the list marker opening ``line`` ends, or -1 if it opens with none: （一） (1) 一、
    1. 1、 ① 一是 其一. Not （一）项/条/款, the legal reference 第二十条第（一）项 that a wrap may
    cut before its bracket; not 1.5 (a decimal)."""
    lead = len(line) - len(line.lstrip(_MARKER_SPACE))
    first = line[lead : lead + 1]
    if first not in _FIRSTS and not first.isdecimal():
        return -1  # (most lines: one look-up)
    if first in _OPEN:  # （一） (12)
        run = _run(line, lead + 1, numerals=True, digits=True)
        close = lead + 1 + run
        if (
            1 <= run <= 3
            and line[close : close + 1] in _CLOSE
            and line[close + 1 : close + 2] not in _CLAUSE_WORDS
        ):
            return close + 1
        return -1
    if first in _NUMERALS:  # 一、 十二. 三是…
        run = _run(line, lead, numerals=True, digits=False)
        after = line[lead + run : lead + run + 1]
        if run <= 3 and after in _AFTER_NUMERAL:
            return lead + run + 1
        if run <= 3 and after == "是":
            following = line[lead + run + 1 : lead + run + 2]
            if following and not following.isspace():
                return lead + run + 1
        return -1
    if first.isdecimal():  # 1. 12、 (not 1.5)
        run = _run(line, lead, numerals=False, digits=True)
        after = line[lead + run : lead + run + 1]
        if run <= 2 and after == "、":
            return lead + run + 1
        if run <= 2 and after in _POINTS:
            following = line[lead + run + 1 : lead + run + 2]
            if not (following and (following.isdecimal() or following in _POINTS)):
                return lead + run + 1
        return -1
    if first == "其":  # 其一
        return lead + 2 if line[lead + 1 : lead + 2] in _NINE else -1
    return lead + 1  # ① … ⑳


def opens_item(line: str) -> bool:
    """Whether a line starts with a list marker (a sub-heading or a numbered item)."""
    return _marker_end(line) >= 0


def is_subheading_line(line: str) -> bool:
    """A short line that opens with a list marker and ends no sentence (（一）存在问题,
    1.政策解读): it names what follows, and is never the first half of a sentence."""
    end = _marker_end(line)
    if end < 0:
        return False
    text = line.strip()
    body = line[end:]
    return (
        len(text) < SHORT_LINE
        and not any(c in text for c in _TERMINATORS)
        and not any(c in body for c in _COMMAS)
    )


def paragraph_starts(lines: Sequence[str]) -> list[int]:
    """Where the lines of one run of prose start new paragraphs (indices > 0).

    The grammar joins lines until one ends a sentence, because PDF text and narrow pages
    wrap a sentence over several lines. A sub-heading line is not such a wrap: the line after
    it starts a paragraph; so does a line opening with a list marker after a short line. A
    long line (a wrap at the page width) is still joined with the next, marker or not.
    """
    starts = []
    width = -1  # (the run's width: measured when a line first asks)
    for index in range(1, len(lines)):
        previous = lines[index - 1]
        if is_subheading_line(previous) or (
            opens_item(lines[index]) and len(previous.strip()) < SHORT_LINE
        ):
            if width < 0:
                width = max(map(display_width, map(str.strip, lines)))
            if not _wraps(previous, width, first=index == 1):
                starts.append(index)
    return starts


def _chunks(text: str) -> list[str]:
    """``text`` cut after each end (see ``_CHUNKS``): the pieces that hold a sentence each,
    with the blanks around it. The ends a text holds are found by ``in`` (in C, at memchr's
    speed), and the pattern of just those that it holds is run (see ``_FULL_STOP_CHUNKS``)."""
    if any(map(text.__contains__, _OTHER_ENDS)):
        return compiled(_CHUNKS).findall(text)  # type: ignore[no-any-return]
    if "。" in text:
        return compiled(_FULL_STOP_CHUNKS).findall(text)  # type: ignore[no-any-return]
    return [text] if text else []  # (no end: one piece, as ``_CHUNKS`` finds it)


def _end(text: str) -> re.Pattern[str]:
    """``_END``, or the same pattern for a text whose only end is 。 (see ``_chunks``)."""
    if any(map(text.__contains__, _OTHER_ENDS)):
        return _END
    return compiled(_FULL_STOP_END)


def _breaks(paragraph: Paragraph) -> list[int]:
    """Offsets where a sentence ends: after a terminator, or after a short open line."""
    text = paragraph.text
    ends = list(map(_END_OF, _end(text).finditer(text)))
    pieces = paragraph.pieces
    if len(pieces) < 2:  # (the ends are in order, each once: only the text's end to add)
        if not ends or ends[-1] != len(text):
            ends.append(len(text))
        return ends
    width = -1  # (the paragraph's width: measured when a line first asks)
    for index in range(1, len(pieces)):
        start, end = pieces[index - 1].offset, pieces[index].offset
        line = text[start:end]
        if (
            end - start < SHORT_LINE
            and line[-1:] not in _TERMINATORS
            and not any(c in line for c in _COMMAS)
        ):
            if _continues(line):
                continue
            if width < 0:
                width = _width(text, pieces)
            if not _wraps(line, width, first=index == 1):
                ends.append(end)
    ends.append(len(text))
    return sorted(set(ends))


def _continues(line: str) -> bool:
    """Whether a line that ends no sentence starts one after a terminator of its own
    (本机关坚持。全年共收到政府信息): a sentence that goes on past the line's end, where no
    sub-heading or page chrome (a whole line of its own) can stand — unless what follows
    the terminator opens with a list marker (…工作。（三）政府信息管理: a sub-heading)."""
    last = max(map(line.rfind, _TERMINATORS))
    return last >= 0 and not opens_item(line[last + 1 :].lstrip(_CLOSERS))


#: A line this much narrower than its paragraph's widest line (in columns: a Chinese
#: character is two, see :func:`display_width`) is still a wrap at the page's width: a
#: justified line with a digit or two, or one a character short because the next opens
#: with punctuation that may not start a line. The first line may be narrower by its
#: indent too (两个全角空格, GB/T 9704), which its text does not hold.
_WRAP_SLACK = 4
_INDENT = 4
#: The narrowest page a paragraph may wrap at (columns: 18 characters; GB/T 9704 sets 28
#: a line): a paragraph of narrower lines is read line by line, as before.
_NARROWEST = 36
#: What a running header says, ending the line: the report's title (…年度报告) or the
#: site's name (…门户网站): page chrome however wide, never a wrap.
_HEADER_ENDS = ("报告", "网站")
#: What ends a line that introduces a list (主要有以下几个方面：): the item on the next line
#: starts a paragraph however wide the line is.
_INTRODUCES = "：:；;"


def display_width(text: str) -> int:
    """The columns ``text`` takes: one for an ASCII character, two for any other (Chinese,
    full-width: what a report's lines hold besides ASCII) — how a page measures a line,
    where digits take half a character's width. (Counted in C: the ASCII characters are
    what encoding to ASCII keeps.)"""
    return 2 * len(text) - len(text.encode("ascii", "ignore"))


def _width(text: str, pieces: Sequence[Piece]) -> int:
    """A paragraph's width: the columns of its widest line."""
    bounds = [piece.offset for piece in pieces] + [len(text)]
    return max(display_width(text[a:b].strip()) for a, b in itertools.pairwise(bounds))


def _wraps(line: str, width: int, first: bool) -> bool:
    """Whether a line without a comma or an end is a wrap at the paragraph's ``width``
    rather than a line of its own (a sub-heading, page chrome): PDF text keeps the page's
    line breaks, and a report laid out as a 公文 (GB/T 9704: 28 characters a line) wraps a
    sentence into such lines. A line as wide as the paragraph's other lines is one."""
    text = line.strip()
    if text.endswith(_HEADER_ENDS) or text[-1:] in _INTRODUCES:
        return False
    return _page_wide(display_width(text) + (_INDENT if first else 0), width)


def _page_wide(columns: int, width: int) -> bool:
    """Whether a line of ``columns`` is as wide as its paragraph's widest (``width``),
    within a page's slack: a wrap at the page's width, not a short line of its own."""
    return columns >= _NARROWEST and columns >= width - _WRAP_SLACK


#: The colons a wrapped line may end with (see :func:`goes_on_after_colon`).
COLONS = ("：", ":")


def goes_on_after_colon(paragraph: Sequence[Line], following: Sequence[Line]) -> bool:
    """Whether ``following`` (a paragraph's lines) goes on the sentence ``paragraph``'s last
    line leaves open at a colon (本机关认真对照检查： / 本机关政府信息公开工作…): a line that
    ends in ： ends its paragraph for the grammar, but in a report laid out with its
    paragraphs indented (a 公文: two full-width spaces, 28 characters a line) a colon may
    fall at the end of a wrapped line. Read as one paragraph when

    * ``paragraph`` opens indented and ``following`` does not (no new paragraph starts),
    * ``following`` opens with no list marker (the items a colon introduces do), and
    * the colon's line is as wide as the lines around it (a wrap at the page's width, see
      :func:`_wraps`; a short line such as 主要做法如下： is a lead-in of its own).
    """
    last, first, after = paragraph[-1], paragraph[0], following[0]
    if (
        not last[LINE_TEXT].endswith(COLONS)
        or after[LINE_COLUMN] >= first[LINE_COLUMN]
        or opens_item(after[LINE_TEXT])
    ):
        return False
    columns = display_width(last[LINE_TEXT]) + (_INDENT if last is first else 0)
    width = max(display_width(line[LINE_TEXT]) for line in (*paragraph, *following))
    return _page_wide(columns, width)


def _value(text: str) -> int | Decimal | None:
    if len(text) < 19 and text.isascii() and text.isdigit():
        return int(text)  # (most numbers: nothing to fold)
    folded = unicodedata.normalize("NFKC", text).replace(",", "").replace("，", "")
    try:
        return Decimal(folded) if "." in folded else int(folded)
    except (ValueError, InvalidOperation):
        return None


_new = tuple.__new__  # (spans by the hundred: skip the named tuple's Python __new__)


def _spans(paragraph: Paragraph) -> Callable[[int, int], Span]:
    """``paragraph.span_of``, or the same sum without its lookups for a paragraph of one
    line read as is (most paragraphs of a text file): a paragraph asks for every sentence
    and every number."""
    pieces = paragraph.pieces
    if paragraph.origin is not None or len(pieces) != 1:
        return paragraph.span_of
    (piece,) = pieces
    line, shift = piece.line, piece.column - piece.offset

    def span_of(start: int, end: int) -> Span:
        stop = end - 1 if end > start else start
        return Span(line, shift + start, line, shift + stop + 1)

    return span_of


def _pending(fields: _Fields, lead: int, sentence: Sentence) -> tuple[Number, ...]:
    """The numbers of a sentence of a paragraph of several lines or of an HTML or Word
    source, found when first asked for: :class:`Sentence` keeps a ``partial`` of this until
    then (made and called in C; a module function, so that a report still pickles).
    ``lead`` is where the sentence starts in its paragraph's text.

    ``fields`` are the fields of the sentence's paragraph (see :func:`_fields`), not the
    paragraph itself, which holds the sentence: that would be a reference cycle, and every
    paragraph split into sentences would then wait for the garbage collector instead of
    going with its report (it ran every forty reports or so, for 4 % of a run's time). A
    twin paragraph is made of them only when the numbers are asked for (about one sentence
    a report), not for every paragraph split.
    """
    return numbers_of(sentence.text, lead, _spans(Paragraph(*fields)))


def _numbers_on_its_line(sentence: Sentence) -> tuple[Number, ...]:
    """The numbers of a sentence of a paragraph of one line read as is (most paragraphs of
    a text file), found when first asked for: placed from the sentence's own span, which is
    where its text stands on that line. One function shared by all such sentences: nothing
    is made per sentence to wait for its numbers."""
    line, column = sentence.span[0], sentence.span[1]

    def span_of(start: int, end: int) -> Span:
        return _new(Span, (line, column + start, line, column + end, None))  # (end > start)

    return numbers_of(sentence.text, 0, span_of)


def numbers_of(text: str, lead: int, span_of: Callable[[int, int], Span]) -> tuple[Number, ...]:
    """The numbers of a sentence ``text`` that starts at ``lead`` in its paragraph."""
    numbers = []
    for match in _NUMBER.finditer(text):
        digits, unit = match.groups()  # (the two groups: digits, unit)
        if len(digits) < 19 and digits.isascii() and digits.isdigit():
            value: int | Decimal | None = int(digits)  # (most numbers: nothing to fold)
        else:
            value = _value(digits)
            if value is None:
                continue
        at, stop = match.span(1)
        # (made by tuple.__new__, in C: a named tuple's own __new__ is Python)
        span = span_of(lead + at, lead + stop)
        numbers.append(_new(Number, (value, digits, unit or "", span, at)))
    return tuple(numbers)


def number_end(text: str, start: int) -> int | None:
    """Where the digits of the number :func:`numbers_of` finds at ``start`` in ``text``
    end (None: it finds none starting there), from the text alone: a claim's count is
    placed by this (see :func:`number_span`), worked out once per sentence text with its
    claims. ``_NUMBER`` matches there exactly when ``finditer`` finds a number there,
    unless a match before covers ``start``, which only a thousands group can (1,234: after
    a digit or a point no match starts): after a comma the numbers are found in order."""
    if text[start - 1 : start] == ",":
        match = next((m for m in _NUMBER.finditer(text) if m.start() >= start), None)
        if match is not None and match.start() != start:
            match = None
    else:
        match = _NUMBER.match(text, start)
    if match is None:
        return None
    digits = match[1]
    if (len(digits) < 19 and digits.isascii() and digits.isdigit()) or _value(digits) is not None:
        end = match.end(1)
        # (a claim's count grouped by full-width commas, 1，583件, is read whole by the
        # claims, which see the text folded: its digits end after the last group)
        while (group := _FULL_WIDTH_GROUP.match(text, end)) is not None:
            end = group.end()
        return end
    return None  # (digits no value reads: numbers_of skips them)


#: A thousands group after a full-width comma (，583), no digit after it.
_FULL_WIDTH_GROUP = re.compile(r"，[0-9０-９]{3}(?![0-9０-９])")


def number_span(sentence: Sentence, start: int, end: int | None) -> Span | None:
    """The span of the number of ``sentence.numbers`` that starts at ``start`` in its text
    (None if none does), ``end`` being :func:`number_end` of the text there. While the
    numbers are pending it is placed as :func:`numbers_of` would place it, without finding
    them: XG501 places a claim's count so, and finding every number of its sentence to
    place one cost as much as reading the claims of a known sentence."""
    pending = sentence.__dict__["_numbers"]
    if pending is _numbers_on_its_line:
        if end is None:
            return None
        line, column = sentence.span[0], sentence.span[1]
        return _new(Span, (line, column + start, line, column + end, None))
    if type(pending) is partial and pending.func is _pending:
        if end is None:
            return None
        fields, lead = pending.args
        return _spans(Paragraph(*fields))(lead + start, lead + end)
    for number in sentence.numbers:  # (found already, or given)
        if number.offset == start:
            return number.span
    return None


#: A paragraph's fields, in order (``Paragraph(*fields)``), without the sentences it caches:
#: what a sentence's pending numbers keep to place them (see :func:`_pending`).
_Fields = tuple[Any, ...]
_fields: Callable[[Paragraph], _Fields] = attrgetter(
    *(spec.name for spec in dataclasses.fields(Paragraph))
)


def one_line_sentences(paragraph: Paragraph) -> tuple[list[str], list[Span]] | None:
    """The texts and spans of the sentences of a paragraph of one line read as is (most of a
    text file's), as :func:`split_sentences` makes them, without making the sentences (XG603
    reads only these of every paragraph of two sections); None for other paragraphs.

    Its sentences are the chunks between two ends, found by one regex in C (no list of ends
    to slice by), and their spans are sums, made here (see _spans) without a call per
    sentence."""
    line = unsplit_line(paragraph)
    return None if line is None else line_sentences(*line)


def unsplit_line(paragraph: Paragraph) -> tuple[str, int, int] | None:
    """What :func:`line_sentences` needs of a paragraph of one line read as is: its text,
    its line and the column of its first character; None for other paragraphs."""
    pieces = paragraph.pieces
    if paragraph.origin is not None or len(pieces) != 1:
        return None
    (piece,) = pieces
    return paragraph.text, piece.line, piece.column - piece.offset


def line_sentences(text: str, line: int, shift: int) -> tuple[list[str], list[Span]]:
    """The texts and spans of the sentences of ``text``, one line of the file starting at
    column ``shift`` of ``line`` (see :func:`one_line_sentences`)."""
    texts: list[str] = []
    spans: list[Span] = []
    start = 0
    for chunk in _chunks(text):
        stripped = chunk.strip()
        if stripped is chunk:  # (no blank around it: the same object back)
            lead = start
        elif stripped:
            lead = start + len(chunk) - len(chunk.lstrip())
        else:
            start += len(chunk)
            continue
        start += len(chunk)
        texts.append(stripped)
        spans.append(_new(Span, (line, shift + lead, line, shift + lead + len(stripped), None)))
    return texts, spans


def split_sentences(paragraph: Paragraph) -> tuple[Sentence, ...]:
    section = paragraph.section
    one_line = one_line_sentences(paragraph)
    if one_line is not None:
        # (all the sentences of one line find their numbers with one shared function, see
        # _numbers_on_its_line)
        texts, spans = one_line
        return tuple(map(sentence_of, texts, spans, repeat(_numbers_on_its_line), repeat(section)))
    text = paragraph.text
    out: list[Sentence] = []
    fields = _fields(paragraph)
    span_of = paragraph.span_of
    start = 0
    for end in _breaks(paragraph):
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = start + len(chunk) - len(chunk.lstrip())
            span = span_of(lead, lead + len(stripped))
            numbers = partial(_pending, fields, lead)
            out.append(sentence_of(stripped, span, numbers, section))
        start = end
    return tuple(out)
