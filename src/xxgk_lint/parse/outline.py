"""Sections whose heading is missing while their content is there.

A report that leaves out a heading still has the section's content, under the section
before it (or in the preamble, for 一). Reading it as absent would say the content is
missing, which is false; so the content is found and made a section of its own, marked
``implicit`` (XG102 then says where it starts, and XG101 stays for content that is absent).
The content is found by what it is:

- 二, 三, 四: their table (the format model says which section a table belongs to);
- 一: the prose after the title and the opening paragraph (本报告…, the statistics period);
- 五: a paragraph opening with （一）主要问题 (:func:`~xxgk_lint.parse.metadata.starts_problems`);
- 六: the fee statement or 其他需要报告 after 五's first paragraph, or the prose after table 四
  when 五 is absent too.

A heading numbered in another style, （一）总体情况, 1.总体情况 / 1、 / （1）, 01 总体情况,
PART 01, 第1部分, Ⅰ., ① (:func:`~xxgk_lint.parse.numerals.heading_numeral`), is the section
itself: its own paragraph (:func:`~xxgk_lint.parse.sentences.paragraph_starts`) naming the
section with that section's number becomes its heading, numeral （一） or 01 as printed
(XG102 judges the numbering).

A heading with the section's text run in after it on the same line — 五、存在的主要问题及改进
情况：（一）…, 六、其他需要报告的事项。本机关…, or a bold heading that Word or a CMS page
writes in the paragraph it opens — is no heading to the grammar (the line holds sentences),
so it is read here: a paragraph opening with a numeral and one of the section's titles as
the format model knows them (:func:`_run_in`) is split into the heading and the paragraph
after it, each keeping its place in the original line.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Iterable, Sequence

from xxgk_lint.format import FORMAT_2021, SECTION_ORDER, normalise, section_key, words_across
from xxgk_lint.format.document import (
    FEE_STATEMENT,
    HEADING_CLOSE,
    HEADING_MARKS,
    HEADING_OPEN,
    OVERVIEW_TOPICS,
    PERIOD_WORDS,
    REPORT_NAME,
    SENTENCE_ENDS,
    heading_lead,
    unbracketed,
)
from xxgk_lint.format.normalise import with_traditional
from xxgk_lint.memo import compiled
from xxgk_lint.parse.ast import Block, Paragraph, Piece, Section, Span, Table
from xxgk_lint.parse.metadata import section_number, starts_problems
from xxgk_lint.parse.numerals import DIGITS, heading_numeral

#: The patterns below are compiled when first needed (:func:`~xxgk_lint.memo.compiled`):
#: sections are recovered only in a report that lacks a heading, and compiling them costs
#: every start a millisecond.


@functools.cache
def _intro() -> re.Pattern[str]:
    """The opening paragraph of a report: 本报告…, the statistics period, the report's name
    (a function: its source reads the model's patterns, which compile on first use)."""
    return re.compile(
        "|".join(
            ["本报告", "特向社会公布", REPORT_NAME.pattern.pattern]
            + [v.pattern.pattern for v in PERIOD_WORDS]
        )
    )


#: A numeral of any style opening a line (一、 / 1. / （一）): not a bare title.
_NUMBERED = r"^(?:\(?[一二三四五六七八九十\d]+[)、.．])"


_OTHER = ("其他需要报告", "其他事项")


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` holds a sentence end (what a heading never holds)."""
    return any(mark in text for mark in SENTENCE_ENDS)


#: The key of the pseudo-section that holds the preamble while sections are recovered.
_PREAMBLE = ""
#: Longest line read as a heading in sub-heading style.
_HEADING_LENGTH = 30


def recover_sections(
    preamble: Sequence[Block], sections: Sequence[Section], title_line: int | None
) -> tuple[list[Block], list[Section]]:
    """The preamble and sections with each headless section's content made a section."""
    # The preamble is the first part: section 一's content may stand there.
    first = preamble[0].span if preamble else Span(1, 1, 1, 1)
    parts: list[Section] = [Section(_PREAMBLE, None, "", first, tuple(preamble)), *sections]
    present = {part.key for part in parts}
    for key in SECTION_ORDER:
        if key in present:
            continue
        low, high = _between(parts, key)
        # (a report that leaves out a section numbers the ones after it one less)
        renumbered = 1 + sum(k in present for k in SECTION_ORDER[: SECTION_ORDER.index(key)])
        found = (
            _run_in(parts, key, low, high)
            or _as_subheading(parts, key, low, high, renumbered)
            or _content(parts, key, low, high, title_line)
        )
        if found is None:
            continue
        index, at, section = found
        part = parts[index]
        before = dataclasses.replace(part, blocks=part.blocks[:at])
        parts[index : index + 1] = [before, section]
        present.add(section.key)
    return list(parts[0].blocks), parts[1:]


def _between(parts: list[Section], key: str) -> tuple[int, int]:
    """The parts where ``key``'s content may stand: after the last section before it in the
    format's order (inside it, too), before the first section after it."""
    order = SECTION_ORDER.index(key)
    low, high = 0, len(parts)
    for index, part in enumerate(parts):
        if part.key not in SECTION_ORDER:
            continue
        other = SECTION_ORDER.index(part.key)
        if other < order:
            low = index
        elif other > order and high == len(parts):
            high = index
    return low, max(high, low + 1)


def _as_subheading(
    parts: list[Section], key: str, low: int, high: int, renumbered: int
) -> tuple[int, int, Section] | None:
    """A heading the grammar did not take for one: numbered in another style than 一、
    (（一）总体情况, 1.总体情况, 01 总体情况, PART 01, 第1部分, Ⅰ., ①: the styles of
    :func:`~xxgk_lint.parse.numerals.heading_numeral`) with the section's own number, or
    the section's whole title with no numeral (其他需要报告的事项; or a wording of it the
    model lists, alone on its line: 主动公开政府信息的情况, as an HTML list item whose number
    the page draws prints it). The numeral is kept as printed.

    A numeral may also be ``renumbered``, the place the section has among those found (a
    report that leaves out 二 numbers 三 2.): as under 一、二、…, the words decide. Not in a
    style sub-headings are numbered in ((二), ②): the items of 总体情况 are numbered so
    ((二)依申请公开情况), and with a section left out one of them would be taken for the
    next section's heading.

    Of several such lines, the one numbered in the style of the section headings found
    already is the heading (01 总体情况 … 02 主动公开政府信息情况, where 总体情况's items
    are 1. 2. …: 2.主动公开情况 is an item), then the one whose words are the section's
    title (2.主动公开政府信息情况 over 2.主动公开情况 above it), then the first."""
    spec = FORMAT_2021.section(key)
    style = _headings_style(parts)
    best: tuple[tuple[bool, bool], tuple[int, int, Section]] | None = None
    for index in range(low, high):
        blocks = parts[index].blocks
        for at, block in enumerate(blocks):
            if not isinstance(block, Paragraph):
                continue
            cut = block.pieces[1].offset if len(block.pieces) > 1 else len(block.text)
            line = block.text[:cut].strip()
            norm = normalise(line)
            if len(line) > _HEADING_LENGTH or _ends_sentence(norm):
                continue
            # (**01 总体情况**, ▎一、总体情况: the numeral after the marks and decorations)
            bare = line[heading_lead(line) :].rstrip(_AROUND_TITLE)
            numeral = heading_numeral(bare)
            if numeral is not None and numeral.end < len(bare):
                value = numeral.value
                own = value == DIGITS[spec.number]
                if not (own or (not numeral.item and value == renumbered)):
                    continue
                if section_key(line) != key:
                    continue
                number = section_number(bare) or numeral.printed  # (一 as the grammar reads it)
                rank = (numeral.style != style, not _titled(bare[numeral.end :], key))
            elif (
                _title_opens(norm, spec.title.zh) and not compiled(_NUMBERED).match(norm)
            ) or _titled(bare, key):
                number, rank = None, (False, False)
            else:
                continue
            if best is not None and best[0] <= rank:
                continue
            rest = _rest(block, cut)
            owned = _owned(([rest] if rest else []) + list(blocks[at + 1 :]), key)
            span = block.span_of(0, len(block.text[:cut].rstrip()))
            best = rank, (index, at, Section(key, number, line, span, owned))
            if rank == (False, False):
                return best[1]
    return None if best is None else best[1]


def _title_opens(norm: str, title: str) -> bool:
    """Whether the normalised line ``norm`` is ``title`` with nothing but marks or a numeral
    before it (主动公开政府信息情况, ## 主动公开政府信息情况, 二主动公开政府信息情况), not a line
    of prose that ends with it (2023年主动公开政府信息情况)."""
    at = norm.find(normalise(title))
    return at >= 0 and compiled(_BEFORE_TITLE).fullmatch(norm, 0, at) is not None


#: What may stand before a section's title on its heading line, read without a numeral of
#: :func:`~xxgk_lint.parse.numerals.heading_numeral`'s (normalised text): marks, and a
#: numeral glued to the title (二主动公开…).
_BEFORE_TITLE = r"[^\u4e00-\u9fff]*[一二三四五六七八]?"


#: Marks around a heading's title printed without a numeral (**主动公开政府信息的情况**, ## …).
_AROUND_TITLE = HEADING_MARKS


def _headings_style(parts: Sequence[Section]) -> str | None:
    """The numbering style most of the section headings found are printed in (a
    :attr:`~xxgk_lint.parse.numerals.HeadingNumeral.style`: 一、 for the format's; 01 for
    01 总体情况), the latest of those as many; None when none is numbered."""
    counts: dict[str, int] = {}
    for part in parts:
        if part.key in SECTION_ORDER and part.number is not None:
            title = unbracketed(part.title)
            numeral = heading_numeral(title[heading_lead(title) :].lstrip(_BEFORE_NUMERAL))
            if numeral is not None:
                counts[numeral.style] = counts.get(numeral.style, 0) + 1
    if not counts:
        return None
    most = max(counts.values())
    return [style for style, count in counts.items() if count == most][-1]


def _titled(text: str, key: str) -> bool:
    """Whether ``text`` (a heading after its numeral) is section ``key``'s title or one
    of its variants the model lists, as a heading prints it (其它 for 其他, 和 for 及, 的
    or not; then perhaps a colon or a full stop)."""
    return compiled(_titled_source(key)).fullmatch(text) is not None


@functools.cache
def _titled_source(key: str) -> str:
    """The pattern of :func:`_titled`: section ``key``'s titles, then perhaps a colon or a
    full stop."""
    return rf"(?:{_title_forms(key)}){_BLANKS}[:：。.]?"


#: Characters a section title is written with in other words: the conjunctions (及 / 和 /
#: 与 / 、), 其他 or 其它, and 的, which titles print or leave out (存在主要问题).
_TITLE_CHARACTERS = {
    "及": "[及和与與、]",
    "和": "[及和与與、]",
    "与": "[及和与與、]",
    "、": "[及和与與、]",
    "他": "[他它]",
    "的": "的?",
}
#: Blanks in a heading (spaces, tabs, ideographic spaces).
_BLANKS = r"(?:[ \t]|\u3000)*"
#: The brackets a heading may be printed in (【六、其他需要报告的事项】本机关…), with the
#: blanks inside them.
_OPEN = rf"(?:[{HEADING_OPEN}]{_BLANKS})?"
_CLOSE = rf"(?:{_BLANKS}[{HEADING_CLOSE}])?"


@functools.cache
def _title_forms(key: str) -> str:
    """Section ``key``'s titles (its title and the variants the model knows; the longest
    first, so that the whole title is matched) as a pattern's alternatives over raw text,
    written as headings print them (``_TITLE_CHARACTERS``, either script)."""
    spec = FORMAT_2021.section(key)
    titles = sorted(dict.fromkeys((spec.title.zh, *spec.variants)), key=len, reverse=True)
    return "|".join(
        "".join(_TITLE_CHARACTERS.get(c) or with_traditional(c) for c in title) for title in titles
    )


@functools.cache
def _run_in_source(key: str) -> str:
    """The pattern of section ``key``'s heading at the start of a paragraph, in raw text:
    markdown marks, a numeral as the grammar's HEADING has it (一、 五． 六 第六部分), one of
    the section's titles (its title or a variant the model knows; the longest first, so
    that the whole title is the heading), a closing ``**``, then the separator the
    paragraph starts after (：。， or blanks; none when the text follows at once).

    Any section numeral, not only the section's own: a report that leaves out a section
    numbers the ones after it one less (XG102 reports the numeral). The title must be the
    section's: a sentence that starts with a numeral and a word of it (一、二季度…, 一、加强
    组织领导。) is no heading."""
    forms = _title_forms(key)
    separator = rf"{_BLANKS}[、.．，,:：]"
    numeral = (
        rf"(?:[{_NUMERALS}](?:{separator}|(?:[ \t]|\u3000)+)|第[{_NUMERALS}]部分(?:{separator})?)"
    )
    return (
        rf"(?P<heading>(?:#{{1,6}}[ \t]*)?(?:\*\*)?{_OPEN}{numeral}{_BLANKS}(?:{forms})"
        rf"{_CLOSE}(?:\*\*)?){_BLANKS}(?:[:：。.．，,]{_BLANKS})?"
    )


#: The numerals a section heading opens with (as the grammar's HEADING has them).
_NUMERALS = "一二三四五六七八"
#: What may stand before a heading's numeral: markdown marks, bold, blanks, a bracket.
_BEFORE_NUMERAL = HEADING_MARKS + HEADING_OPEN


def run_in_heading(text: str, key: str) -> re.Match[str] | None:
    """Section ``key``'s heading opening ``text``, with the text run in after it: the match
    (group ``heading``; the run-in text starts at its end), or None. The builder asks it of
    a heading line that goes on into a sentence (六、其他需要报告的事项：本年度未收取信息
    处理费。, which the grammar reads as one heading), this module of paragraphs."""
    if text.lstrip(_BEFORE_NUMERAL).startswith(("第", *_NUMERALS)):
        found = compiled(_run_in_source(key)).match(text) or _colon_heading(text, key)
        if found is not None:
            return found
    return _numbered_run_in(text, key)


def _numbered_run_in(text: str, key: str) -> re.Match[str] | None:
    """Section ``key``'s heading opening ``text`` under a numeral of another style (01
    总体情况：…, PART 01, 第1部分, Ⅰ.: :func:`~xxgk_lint.parse.numerals.heading_numeral`; not
    one that numbers items too, （五） or ⑤, run on into text: a sub-heading), one
    of the section's titles after it, then the text run in, as :func:`run_in_heading`
    matches it. The numeral is read first (no pattern for a text that opens with none);
    the pattern of the title after it is compiled once per numeral as printed."""
    lead = heading_lead(text)
    numeral = heading_numeral(text[lead:])
    if numeral is None:
        return None
    if numeral.item:
        return None  # (（五） ⑤ number a section's items: a sub-heading, _as_subheading's)
    return compiled(_numbered_run_in_source(key, text[: lead + numeral.end])).match(text)


def _numbered_run_in_source(key: str, opening: str) -> str:
    """:func:`_numbered_run_in`'s pattern: ``opening`` (marks and a numeral, as printed),
    one of section ``key``'s titles, then what :func:`_run_in_source` allows after it."""
    return (
        rf"(?P<heading>{re.escape(opening)}(?:{_title_forms(key)}){_CLOSE}(?:\*\*)?)"
        rf"{_BLANKS}(?:[:：。.．，,]{_BLANKS})?"
    )


@functools.cache
def _colon_source(numerals: str) -> str:
    """The pattern of a heading in any wording under one of ``numerals``, ended by a
    colon: markdown marks, the numeral, a title of 2–30 characters that holds no blank,
    punctuation or bold mark, a closing ``**``, the colon and the blanks after it."""
    numeral = rf"(?:[{numerals}]{_BLANKS}[、.．]|第[{numerals}]部分)"
    return (
        rf"(?P<heading>(?:#{{1,6}}[ \t]*)?(?:\*\*)?{_OPEN}{numeral}{_BLANKS}"
        rf"(?P<title>[^\s\u3000:：。；;！!？?，,、*()（）{HEADING_CLOSE}]{{2,30}}){_CLOSE}(?:\*\*)?)"
        rf"{_BLANKS}[:：]{_BLANKS}"
    )


def _colon_heading(text: str, key: str) -> re.Match[str] | None:
    """Section ``key``'s heading in a wording the model does not list, with the text run in
    after a colon: 五、工作中存在的不足和下一步打算：（一）…, 六、其他：本机关…. The colon
    says where the heading ends; the heading's words must name the section, as a heading on
    its own line is named (:func:`~xxgk_lint.format.section_key`)."""
    match = compiled(_colon_source(_NUMERALS)).match(text)
    if match is None:
        return None
    number = FORMAT_2021.section(key).number
    return match if section_key(f"{number}、{match.group('title')}") == key else None


def _own_numeral(match: re.Match[str], key: str) -> bool:
    """Whether a heading found by :func:`run_in_heading` may open section ``key`` in a
    paragraph: a title the model lists may stand under any numeral (a report that leaves
    out a section numbers the ones after it one less), a wording it does not list only
    under the section's own — under another numeral it is more likely a list item."""
    return "title" not in match.re.groupindex or (
        section_number(match.group("heading")) == FORMAT_2021.section(key).number
    )


#: What may stand around a heading line's text: blanks, bold marks, cell separators.
_AROUND = " \t\u3000*|｜"
#: Marks after a heading's title that open the text run in after it, not a note of the
#: heading (（单位：件）).
_COLONS = "：:"


def split_heading_line(text: str, key: str) -> tuple[str, int, int] | None:
    """A heading line the grammar took whole whose title section ``key``'s text follows:
    六、其他需要报告的事项：本年度未收取信息处理费。 (no comma, no digit: the line reads as a
    heading), 五、存在的主要问题及改进情况：暂无。 — the heading, and where the text after it
    starts and ends in ``text``; None for a heading alone (with its 。 or ：) or with a note
    (（单位：件）), which holds no sentence end and follows no colon.

    Cheap for the common heading: only a line that ends a sentence, or has a colon with
    text after it that is no bracketed note, is matched against the titles."""
    end = len(text.rstrip(_AROUND))
    if not end:
        return None
    if text[end - 1] not in SENTENCE_ENDS:
        colon = max(text.rfind("：", 0, end), text.rfind(":", 0, end))
        if colon < 0 or colon == end - 1 or text[end - 1] in ")）":
            return None
    match = run_in_heading(text, key)
    if match is None or match.end() >= end:
        return None
    start = match.end()
    if not _goes_on(text[:end], match):
        return None
    return match.group("heading"), start, end


def _goes_on(text: str, match: re.Match[str]) -> bool:
    """Whether what follows a heading at the start of ``text`` is the section's text: a
    sentence (it ends one), or anything after a colon (六、其他需要报告的事项：无). Not a
    note (（单位：件）), nor a title run on into words that say nothing (一、总体情况啊啊…)."""
    rest = text[match.end() :]
    if not rest:
        return True  # (the heading alone)
    separator = text[len(match.group("heading")) : match.end()]
    return any(c in separator for c in _COLONS) or _ends_sentence(rest)


def _run_in(parts: list[Section], key: str, low: int, high: int) -> tuple[int, int, Section] | None:
    """Section ``key``'s heading with its text run in after it (五、存在的主要问题及改进情况：
    （一）存在问题。…): the first paragraph among ``parts[low:high]`` that opens with it
    becomes the section's heading and, after the heading and its separator, its first
    paragraph; the blocks after it are the section's too.

    The heading may be cut over two lines, its second part running on into the text
    (一、总体 / 情况本机关2023年…, as a narrow page or a PDF wraps it: two paragraphs, the
    first a short numbered line): read whole from the two (:func:`_cut_heading`), at its
    first part's line and column, its text the second line's rest."""
    for index in range(low, high):
        blocks = parts[index].blocks
        for at, block in enumerate(blocks):
            if not isinstance(block, Paragraph):
                continue
            found, taken = _heading_opening(block, key), 1
            if found is None and (joined := _cut_heading(block, blocks[at + 1 : at + 2])):
                found, taken = _heading_opening(joined, key, len(block.text)), 2
            if found is None:
                continue
            heading, span, rest = found
            owned = _owned(([rest] if rest else []) + list(blocks[at + taken :]), key)
            return index, at, Section(key, _printed_number(heading), heading, span, owned)
    return None


def _printed_number(heading: str) -> str | None:
    """The numeral of a heading as printed: the format's (一) or another style's (01, Ⅱ.)."""
    bare = heading[heading_lead(heading) :]  # (▎一、总体情况: 一)
    number = section_number(bare)
    if number is None:
        numeral = heading_numeral(bare)
        number = numeral.printed if numeral is not None else None
    return number


def _heading_opening(
    paragraph: Paragraph, key: str, cut: int = 0
) -> tuple[str, Span, Paragraph | None] | None:
    """Section ``key``'s heading opening ``paragraph`` with its text run in after it: the
    heading, its span and the paragraph after it (None if nothing follows). ``cut``: where
    a paragraph joined from a heading's two parts (:func:`_cut_heading`) was cut; the
    heading is read so only when the section's words stand across it (format.words_across:
    a numbered line and a body line that opens with a heading's last words are two lines,
    as the lexer has them)."""
    text = paragraph.text
    match = run_in_heading(text, key)
    if match is None or not _goes_on(text, match) or not _own_numeral(match, key):
        return None
    heading = match.group("heading")
    if cut and not (len(heading) > cut and words_across(text, cut)):
        return None
    return heading, paragraph.span_of(0, len(heading)), _rest(paragraph, match.end())


#: The longest first part of a heading cut over two lines (as the lexer's).
_HEADING_PART = 40


def _cut_heading(first: Paragraph, after: Sequence[Block]) -> Paragraph | None:
    """``first`` and the paragraph after it as one, when they may be a heading cut over
    two lines whose second part runs on into the text: ``first`` a short line that opens
    with a numeral (as a heading does) and ends no sentence, the next paragraph on the
    line after it (a blank line between at most), from the same source."""
    if not after or not isinstance(after[0], Paragraph) or len(first.pieces) != 1:
        return None
    second = after[0]
    text = first.text
    if (
        len(text) > _HEADING_PART
        or _ends_sentence(text)
        or not text.lstrip(_BEFORE_NUMERAL).startswith(("第", *_NUMERALS))
        or not second.pieces
        or second.pieces[0].line - first.pieces[0].line > 2
        or second.origin is not first.origin
    ):
        return None
    shift = len(text)
    pieces = (*first.pieces, *(p._replace(offset=p.offset + shift) for p in second.pieces))
    span = Span(*first.span[:2], *second.span[2:4], first.span.where)
    return dataclasses.replace(first, text=text + second.text, span=span, pieces=pieces)


def _rest(paragraph: Paragraph, cut: int) -> Paragraph | None:
    """The paragraph after its first ``cut`` characters (a heading), if anything follows
    them: its pieces still say where each of its lines starts in the original file (the
    line the cut falls in from the column after the cut)."""
    if cut >= len(paragraph.text):
        return None
    pieces = tuple(
        Piece(0, p.line, p.column + cut - p.offset)
        if p.offset <= cut < next_offset
        else p._replace(offset=p.offset - cut)
        for p, next_offset in zip(
            paragraph.pieces,
            [*(p.offset for p in paragraph.pieces[1:]), len(paragraph.text)],
            strict=True,
        )
        if next_offset > cut
    )
    span = paragraph.span_of(cut, len(paragraph.text))
    return dataclasses.replace(paragraph, text=paragraph.text[cut:], span=span, pieces=pieces)


def _content(
    parts: list[Section], key: str, low: int, high: int, title_line: int | None
) -> tuple[int, int, Section] | None:
    spec = FORMAT_2021.section(key)
    for index in range(low, high):
        blocks = parts[index].blocks
        at = _start(parts[index], key, title_line)
        if at is None:
            continue
        owned = _owned(blocks[at:], key)
        section = Section(key, None, spec.title.zh, blocks[at].span, owned, implicit=True)
        return index, at, section
    return None


def _start(part: Section, key: str, title_line: int | None) -> int | None:
    """Where ``key``'s content starts in ``part``, if it is there."""
    blocks = part.blocks
    table = FORMAT_2021.section(key).table
    if table is not None:
        for at, block in enumerate(blocks):
            if isinstance(block, Table) and block.key == table:
                return at
        return None
    if key == "overview":
        if part.key != _PREAMBLE:
            return None
        # After the title; with no title, after the introduction (本报告根据…编制), if there
        # is one; without either, where numbered sub-headings on the topics of 一 follow:
        # without those, the page's chrome (or a text that is no report) cannot be told
        # from a report's first section.
        after_intro = title_line is None and _has_overview_topics(blocks)
        for at, block in enumerate(blocks):
            if isinstance(block, Table):
                return None
            if _intro().search(normalise(block.text)):
                after_intro = True
                continue
            if (block.span.line <= title_line) if title_line is not None else not after_intro:
                continue
            if _ends_sentence(block.text):
                return at
        return None
    if key == "problems":
        if part.key == _PREAMBLE:
            return None
        for at, block in enumerate(blocks):
            if isinstance(block, Paragraph) and starts_problems(block.text):
                return at
        return None
    if key == "other":
        if part.key == "problems":
            for at, block in enumerate(blocks[1:], start=1):
                norm = normalise(block.text) if isinstance(block, Paragraph) else ""
                if FEE_STATEMENT.pattern.search(norm) or any(w in norm for w in _OTHER):
                    return at
        elif part.key == "reviews":
            tables = [at for at, b in enumerate(blocks) if isinstance(b, Table)]
            after = tables[-1] + 1 if tables else None
            if after is not None and after < len(blocks):
                return after
    return None


def _has_overview_topics(blocks: Sequence[Block]) -> bool:
    """Whether two of ``blocks`` (before any table) open with numbered sub-headings on
    different topics of 一 (（一）主动公开情况 … （二）依申请公开方面。…)."""
    topics: set[int] = set()
    for block in blocks:
        if isinstance(block, Table):
            break
        opening = normalise(block.text[:_HEADING_LENGTH])
        numbered = compiled(_NUMBERED).match(opening)
        if numbered is None:
            continue
        rest = opening[numbered.end() :]
        for index, word in enumerate(OVERVIEW_TOPICS.words):
            if compiled(word).match(rest):
                topics.add(index)
                break
        if len(topics) >= 2:
            return True
    return False


def _owned(blocks: Sequence[Block], key: str) -> tuple[Block, ...]:
    """Blocks taken into section ``key``: its paragraphs say so."""
    return tuple(
        dataclasses.replace(b, section=key) if isinstance(b, Paragraph) else b for b in blocks
    )


def place_tables(
    preamble: list[Block], sections: list[Section], tables: Iterable[Table]
) -> tuple[list[Block], list[Section]]:
    """The preamble and sections with each table in the section the format puts it in.

    A report may print its tables apart from their sections: all three after section 六
    (an annex, 附件：统计表), or one after the text. Read where they stand they would be
    section 六's; the format model says whose they are (a table's ``section``). So a table
    in another section's blocks (or the preamble's) is moved to the end of its own
    section's, when the report has that section and no such table in it already; its span
    stays where it is printed (XG102 tells the writer that it stands elsewhere)."""
    homes = _homes()
    if not _apart(tables, sections, homes):
        return preamble, sections  # (nearly every report: each table in its section)
    parts = [(_PREAMBLE, preamble), *((s.key, s.blocks) for s in sections)]
    by_key = {section.key: section for section in reversed(sections)}  # (the first of a key)
    moved: dict[str, list[Table]] = {}
    kept: list[list[Block]] = []
    for key, blocks in parts:
        stay: list[Block] = []
        for block in blocks:
            if isinstance(block, Table) and homes.get(block.key, key) != key:
                target = by_key.get(homes[block.key])
                if target is not None and not any(
                    isinstance(b, Table) and b.key == block.key for b in target.blocks
                ):
                    moved.setdefault(target.key, []).append(block)
                    continue
            stay.append(block)
        kept.append(stay)
    placed: list[Section] = []
    for section, blocks in zip(sections, kept[1:], strict=True):
        if section is by_key.get(section.key):
            blocks = blocks + list(moved.get(section.key, ()))
        placed.append(dataclasses.replace(section, blocks=tuple(blocks)))
    return kept[0], placed


@functools.cache
def _homes() -> dict[str, str]:
    """The section each table belongs to, by the format model."""
    return {spec.key: spec.section for spec in FORMAT_2021.tables}


def _apart(tables: Iterable[Table], sections: list[Section], homes: dict[str, str]) -> bool:
    """Whether a table stands after the start of a section not its own, or before them all
    (told by the lines the tables and sections start at, not by looking at every block)."""
    starts = [section.span.line for section in sections]
    for table in tables:
        at = bisect.bisect_right(starts, table.span.line) - 1
        if at < 0 or sections[at].key != homes.get(table.key, sections[at].key):
            return True
    return False
