"""XG6xx: one body's reports compared across years (whole-run rules).

* XG601 carry-over: this year's 上年结转 equals last year's 结转下年度继续办理, per column;
* XG602 in-force: 现行有效 of 规章 and 行政规范性文件 within what last year's figure and this
  year's issued and repealed allow;
* XG603 copied prose: sentences of 一 and 五 found again in last year's report;
* XG604 same-year reports: a body with two reports for one year (so neither is compared).

Each rule keeps a few facts of every report (cells with their spans, canonical sentences) and
compares the reports :mod:`xxgk_lint.engine.pairing` pairs: one body, consecutive years.
A finding belongs to the later year's file and names the other file as a related place.

No ``from __future__ import annotations`` here: NamedTuple would compile every string
annotation when the module is imported (measured: half its import time).
"""

import functools
import re
import sys
from collections.abc import Iterator, Sequence
from itertools import compress, filterfalse
from operator import attrgetter, not_

from xxgk_lint_rules._docs import column_label, docs, row_label

from xxgk_lint.engine.diagnostics import Diagnostic, Related, RuleOption, Severity
from xxgk_lint.engine.pairing import consecutive, same_year
from xxgk_lint.engine.rule import ReportFacts, RuleContext, rule
from xxgk_lint.format.document import OUTLINE_HEADINGS
from xxgk_lint.format.normalise import normalise_each
from xxgk_lint.memo import Table
from xxgk_lint.parse.ast import Report, Span, SpanFields, as_span
from xxgk_lint.parse.sentences import line_sentences, unsplit_line
from xxgk_lint.records import NamedTuple  # (typing's, without compiling annotations)

#: Where a finding about a whole report points when its title was not found.
_TOP = Span(1, 1, 1, 2)


#: What the other report's place is, by rule: the note on a finding's related location.
NOTES = {
    "XG601": {
        "zh": "{other_year}年度报告“{other_row}”的{column}：{expected}",
        "en": "the {other_year} report's {other_row}, {column}: {expected}",
    },
    "XG602": {
        "zh": "{other_year}年度报告“{row}”的现行有效件数：{before}",
        "en": "the {other_year} report's {row} in force: {before}",
    },
    "XG603": {
        "zh": "{other_year}年度报告中的同一句",
        "en": "the same sentence in the {other_year} report",
    },
    "XG604": {
        "zh": "{agency}{year}年度的另一份报告",
        "en": "another {year} report of {agency}",
    },
}


def _related(
    ctx: RuleContext,
    path: str,
    span: Span,
    *,
    cell: tuple[str, int] | None = None,
    **fields: object,
) -> Related:
    """The other report's place, with a note in the user's language saying what is there
    (and, for one cell, its address and value)."""
    notes = NOTES[ctx.meta.code]
    note = (notes.get(ctx.lang) or notes["zh"]).format(**fields)
    subject, value = cell if cell is not None else ("", None)
    return Related(
        path,
        span.line,
        span.column,
        span.end_line,
        span.end_column,
        note,
        span.where,
        subject,
        value,
    )


# ----------------------------------------------------------------------------- XG601


class Carry(NamedTuple):
    """Table 三's 上年结转 and 结转下年度 rows: (column, value, span) of each number."""

    carried_over: tuple[tuple[str, int, Span], ...]
    carried_forward: tuple[tuple[str, int, Span], ...]


def _numbers(report: Report, table: str, row: str) -> tuple[tuple[str, int, Span], ...]:
    found = report.tables.get(table)
    if found is None:
        return ()
    for candidate in found.rows:
        if candidate.key == row:
            # (the cells' fields as the row stores them, see Row: a Cell made for each
            # cell, and read by name, cost more than the rest of the facts of XG601/XG602)
            return tuple(
                (column, value, as_span(span))
                for column, _, value, kind, span in candidate[3]
                if kind == "number" and isinstance(value, int)
            )
    return ()


def carry_facts(report: Report) -> Carry | None:
    """The two carry rows of table 三 (both formats have them), numbers only."""
    if "applications" not in report.tables:
        return None
    return Carry(
        _numbers(report, "applications", "carried_over"),
        _numbers(report, "applications", "carried_forward"),
    )


@rule(
    code="XG601",
    name="carry-over-across-years",
    severity="warning",
    summary={
        "zh": "本年“上年结转”与上一年度报告的“结转下年度继续办理”不一致",
        "en": "This year's 上年结转 differs from last year's 结转下年度继续办理",
    },
    messages={
        "zh": {
            "default": "{year}年度“{row}”的{column}为 {actual}，而上一年度报告 {other} 中"
            "“{other_row}”的{column}为 {expected}（第 {line} 行第 {col} 列），两者应相等",
        },
        "en": {
            "default": "{year}: {row}, {column}: {actual}, but last year's report {other} "
            "carries forward {expected} ({other_row}, {column}, line {line}, column {col}); "
            "they should be equal",
        },
    },
    docs=docs(
        (
            "同一机关相邻两个年度的报告在一次检查中时（或用 --previous 指明上一年度报告），"
            "逐列比较本年表三“二、上年结转政府信息公开申请数量”与上一年度表三"
            "“四、结转下年度继续办理”：自然人、五类法人或其他组织和总计七列应分别相等。"
            "总计列不相等为警告，其他各列为提示。任一单元格不是数字时不比较（XG004 报告该单元格）。"
            "机关按标题中的名称（全角半角、空格不计，“人民政府”“政府办公室”等后缀照常区分）、"
            "年度按标题（无则按统计期限）配对；中间缺一年、同一年度有两份报告时不比较。",
            "上一年度结转下来的申请就是本年度的上年结转，这是年度报告之间唯一的硬性衔接。"
            "不一致说明其中一年的表格填错，或者结转的申请在统计中遗漏。",
            "2022年报告：四、结转下年度继续办理 | 2 | 1 | 0 | 0 | 0 | 0 | 3\n"
            "2023年报告：二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2",
            "2022年报告：四、结转下年度继续办理 | 2 | 1 | 0 | 0 | 0 | 0 | 3\n"
            "2023年报告：二、上年结转政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3",
        ),
        (
            "When one body's reports for two consecutive years are checked in one run (or "
            "last year's is named with --previous), compares this year's table 三 row "
            "二、上年结转政府信息公开申请数量 with last year's 四、结转下年度继续办理, column by "
            "column: natural persons, the five kinds of organisation and the total must each "
            "be equal. A difference in the total column is a warning, in the other columns "
            "information. A cell that holds no number is not compared (XG004 reports it). "
            "Bodies are matched by the name in the title (width and spaces aside; suffixes "
            "such as 人民政府 and 政府办公室 keep bodies apart), years by the title (else the "
            "statistics period); a gap year, or two reports for one year, means no comparison.",
            "What one year carries forward is what the next year carries over: the one hard "
            "link between two annual reports. A difference means one year's table is wrong, "
            "or carried-over applications were lost from the statistics.",
            "2022 report: 四、结转下年度继续办理 | 2 | 1 | 0 | 0 | 0 | 0 | 3\n"
            "2023 report: 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2",
            "2022 report: 四、结转下年度继续办理 | 2 | 1 | 0 | 0 | 0 | 0 | 3\n"
            "2023 report: 二、上年结转政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3",
        ),
    ),
    run=True,
    per_body=True,
    min_reports=2,
    facts=carry_facts,
    uses=("applications.carried_over.*", "applications.carried_forward.*"),
)
def carry_over_across_years(
    reports: Sequence[ReportFacts], ctx: RuleContext
) -> Iterator[Diagnostic]:
    for previous, current in consecutive(reports):
        if not isinstance(previous.value, Carry) or not isinstance(current.value, Carry):
            continue
        forward = {column: (value, span) for column, value, span in previous.value.carried_forward}
        for column, value, span in current.value.carried_over:
            if column not in forward or forward[column][0] == value:
                continue
            expected, other_span = forward[column]
            fields = {
                "year": current.year,
                "other_year": previous.year,
                "row": row_label(ctx.lang, "applications", "carried_over"),
                "other_row": row_label(ctx.lang, "applications", "carried_forward"),
                "column": column_label(ctx.lang, column, "applications"),
                "other": previous.path,
            }
            finding = ctx.diagnostic(
                span,
                expected=expected,
                actual=value,
                path=current.path,
                subject=f"applications.carried_over.{column}",
                severity=None if column == "total" else Severity.INFO,
                line=other_span.line,
                col=other_span.column,
                **fields,
            )
            yield finding.with_related(
                _related(
                    ctx,
                    previous.path,
                    other_span,
                    cell=(f"applications.carried_forward.{column}", expected),
                    expected=expected,
                    **fields,
                )
            )


# ----------------------------------------------------------------------------- XG602

#: The rows of 第二十条第（一）项 whose documents stay in force from year to year.
DOCUMENT_ROWS = ("regulations", "normative_documents")


class Documents(NamedTuple):
    """One row of 第二十条第（一）项: (value, span) of issued, repealed and in force."""

    row: str
    issued: tuple[int, Span] | None
    repealed: tuple[int, Span] | None
    in_force: tuple[int, Span] | None


def documents_facts(report: Report) -> tuple[Documents, ...] | None:
    """规章 and 行政规范性文件 of a 2021-format report (the 2019 table counts other things)."""
    if report.format_version != "2021" or "proactive" not in report.tables:
        return None
    out = []
    for row in DOCUMENT_ROWS:
        cells = {
            column: (value, span) for column, value, span in _numbers(report, "proactive", row)
        }
        out.append(
            Documents(row, cells.get("issued"), cells.get("repealed"), cells.get("in_force"))
        )
    return tuple(out)


@rule(
    code="XG602",
    name="in-force-across-years",
    severity="warning",
    summary={
        "zh": "规章、行政规范性文件的现行有效件数与上年数、本年制发和废止件数不相容",
        "en": "Documents in force impossible given last year's, issued and repealed",
    },
    messages={
        "zh": {
            "more": "“{row}”的现行有效件数为 {actual}，超过了上一年度报告 {other} 中的现行有效"
            "件数 {before}（第 {line} 行第 {col} 列）与本年制发件数 {issued} 之和 {bound}",
            "fewer": "“{row}”的现行有效件数为 {actual}，少于本年制发件数 {issued} 减去本年"
            "废止件数 {repealed} 之差 {bound}",
        },
        "en": {
            "more": "{row}: {actual} in force, more than the {before} in force in last year's "
            "report {other} (line {line}, column {col}) plus the {issued} issued this year "
            "({bound})",
            "fewer": "{row}: {actual} in force, fewer than the {issued} issued this year minus "
            "the {repealed} repealed ({bound})",
        },
    },
    docs=docs(
        (
            "检查表二“第二十条第（一）项”中规章、行政规范性文件两行的现行有效件数，只用单侧界限"
            "（文件会因废止、有效期届满而失效，所以不要求相等）："
            "（1）同一机关上一年度报告也在本次检查中时，本年现行有效件数不应超过上年现行有效"
            "件数加本年制发件数；（2）本年现行有效件数不应少于本年制发件数减本年废止件数"
            "（只用本年报告，每份报告都检查）。任一单元格不是数字时不检查。只检查2021年版格式的"
            "报告（2019年试行格式的表二统计的是其他数量）。",
            "现行有效的文件只能来自上年仍有效的文件和本年新制发的文件；超过这个上限，或者连本年"
            "制发、未被废止的文件都不够，说明某个数字填错了（常见的是把累计制发数填成现行有效数）。",
            "2022年报告：行政规范性文件 | 3 | 1 | 12\n2023年报告：行政规范性文件 | 2 | 0 | 20",
            "2022年报告：行政规范性文件 | 3 | 1 | 12\n2023年报告：行政规范性文件 | 2 | 0 | 14",
        ),
        (
            "Checks documents in force in the 规章 and 行政规范性文件 rows of table 二 "
            "(第二十条第（一）项) with one-sided bounds (documents are repealed and expire, so "
            "no equality is required): (1) when the body's report for last year is in the "
            "run, this year's in force may not exceed last year's in force plus those issued "
            "this year; (2) this year's in force may not be fewer than issued minus repealed "
            "this year (this year's report alone: checked on every report). A cell that "
            "holds no number is not checked. 2021-format reports only (the 2019 试行 table "
            "counts other things).",
            "Documents in force can only be last year's still in force plus this year's "
            "new ones; more than that, or fewer than this year's new documents not repealed, "
            "means a figure is wrong (often the cumulative number issued entered as in force).",
            "2022 report: 行政规范性文件 | 3 | 1 | 12\n2023 report: 行政规范性文件 | 2 | 0 | 20",
            "2022 report: 行政规范性文件 | 3 | 1 | 12\n2023 report: 行政规范性文件 | 2 | 0 | 14",
        ),
    ),
    run=True,
    per_body=True,
    facts=documents_facts,
    uses=(
        "proactive.regulations.issued",
        "proactive.regulations.repealed",
        "proactive.regulations.in_force",
        "proactive.normative_documents.in_force",
    ),
)
def in_force_across_years(reports: Sequence[ReportFacts], ctx: RuleContext) -> Iterator[Diagnostic]:
    for report in reports:
        if isinstance(report.value, tuple):
            yield from _fewer_than_issued(report, ctx)
    for previous, current in consecutive(reports):
        if isinstance(previous.value, tuple) and isinstance(current.value, tuple):
            yield from _more_than_possible(previous, current, ctx)


def _fewer_than_issued(report: ReportFacts, ctx: RuleContext) -> Iterator[Diagnostic]:
    for row in report.value:
        if row.in_force is None or row.issued is None or row.repealed is None:
            continue
        bound = row.issued[0] - row.repealed[0]
        if row.in_force[0] >= bound:
            continue
        yield ctx.diagnostic(
            row.in_force[1],
            "fewer",
            expected=f"≥{bound}",
            actual=row.in_force[0],
            path=report.path,
            subject=f"proactive.{row.row}.in_force.lower",
            row=row_label(ctx.lang, "proactive", row.row),
            issued=row.issued[0],
            repealed=row.repealed[0],
            bound=bound,
        )


def _more_than_possible(
    previous: ReportFacts, current: ReportFacts, ctx: RuleContext
) -> Iterator[Diagnostic]:
    before = {row.row: row for row in previous.value}
    for row in current.value:
        last = before.get(row.row)
        if last is None or last.in_force is None or row.in_force is None or row.issued is None:
            continue
        bound = last.in_force[0] + row.issued[0]
        if row.in_force[0] <= bound:
            continue
        fields = {
            "row": row_label(ctx.lang, "proactive", row.row),
            "before": last.in_force[0],
            "other": previous.path,
            "other_year": previous.year,
        }
        finding = ctx.diagnostic(
            row.in_force[1],
            "more",
            expected=f"≤{bound}",
            actual=row.in_force[0],
            path=current.path,
            subject=f"proactive.{row.row}.in_force.upper",
            issued=row.issued[0],
            bound=bound,
            line=last.in_force[1].line,
            col=last.in_force[1].column,
            **fields,
        )
        cell = (f"proactive.{row.row}.in_force", last.in_force[0])
        yield finding.with_related(
            _related(ctx, previous.path, last.in_force[1], cell=cell, **fields)
        )


# ----------------------------------------------------------------------------- XG603

#: Sections whose prose a report must write anew each year (一 总体情况, 五 问题及改进).
PROSE_SECTIONS = ("overview", "problems")
#: A sentence shorter than this (once numbering, punctuation and digits are folded) says
#: too little to count as copied: 无。 暂无。 一是加强培训。
MIN_CHARS = 8
#: Fewer sentences than this in 一 and 五 together: no share is computed.
MIN_SENTENCES = 3
#: How many copied sentences the message quotes, and how much of each.
SAMPLES = 3
EXCERPT = 24


#: The punctuation of most normalised sentences (each one that ``punctuation`` deletes).
_COMMON_MARKS = (",", "。", "、", "“", "”", "《", "》", ";", ":", "(", ")")


class _Patterns(NamedTuple):
    numbering: re.Pattern[str]
    digits: re.Pattern[str]
    punctuation: re.Pattern[str]
    boilerplate: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    """Compiled on first use, not at import (``rules`` and ``explain`` never need them).
    They read the normalised sentences of a report joined by newlines (normalised text
    holds none): the numbering at the start of each line, and the punctuation that is not
    a newline."""
    return _Patterns(
        re.compile(
            # After a newline, not (?m)^: re then finds each by a scan for the newline, not a
            # match tried at every character (the text is given a newline first).
            r"\n(?:\(?[一二三四五六七八九十]+\)[、.]?|[一二三四五六七八九十]+[、.]|\d+[、.)]"
            r"|[一二三四五六七八九十]是)"
        ),
        # \d+(?:[.,]\d+)* and [^\w#]|_ written to open with a class: re then finds each
        # match by a C loop over the characters, not a match tried at each (half the cost).
        re.compile(r"\d(?:[.,]?\d)*"),
        re.compile(r"[^\w#\n][^\w#\n]*"),  # (and "_", removed by str.replace)
        re.compile("|".join(f"(?:{w})" for w in OUTLINE_HEADINGS.words)),
    )


#: A paragraph of 一 or 五 as XG603 keeps it: the texts and spans of its sentences, or,
#: for a paragraph of one line not yet split, what :func:`line_sentences` splits.
_Kept = tuple[tuple[str, ...], tuple["Span | SpanFields", ...]] | tuple[str, int, int]


class Prose(NamedTuple):
    """The paragraphs of 一 and 五, by their sentences or their one line of text.

    Their sentences and the :func:`canonical` texts of these (digits and years folded),
    which the comparison reads, are made when the report is compared (:meth:`counted`):
    only a report whose body has another year's report in the run is, and making them
    was a sixth of the cost of checking a report (most runs hold one year's reports).
    Kept so, the paragraphs cost about as much room as the canonical texts did (some
    2–4 KB a report of the facts spooled to disk).

    Pickled, the spans are their five values (read back by :func:`as_span`): a run of
    more than a few files pickles every report's facts, and pickling a Span (a NamedTuple,
    reduced by a Python call each) cost 0.3 M instructions a report, twice the rest of
    these facts; a plain tuple is pickled in C. Facts never pickled keep their Spans."""

    paragraphs: tuple[_Kept, ...]

    def __reduce__(self) -> tuple[type["Prose"], tuple[object, ...]]:
        return (Prose, (tuple(map(_plain, self.paragraphs)),))

    def sentences(self) -> tuple[list[str], list[Span | SpanFields]]:
        """The texts and spans of the sentences, in order."""
        texts: list[str] = []
        spans: list[Span | SpanFields] = []
        for kept in self.paragraphs:
            if len(kept) == 2:
                texts += kept[0]
                spans += kept[1]
            else:
                found = line_sentences(*kept)
                texts += found[0]
                spans += found[1]
        return texts, spans

    def counted(self) -> tuple[list[tuple[str, int]], list[str], list[Span | SpanFields]]:
        """The canonical text of each sentence that counts with its index, and the texts and
        spans of all the sentences."""
        texts, spans = self.sentences()
        found = _sentence_keys(texts)
        keys = [(key, index) for index, key in enumerate(found) if key is not None]
        return keys, texts, spans


def _plain(kept: _Kept) -> _Kept:
    """A kept paragraph with its spans as plain tuples, to pickle (see :class:`Prose`)."""
    if len(kept) == 2:
        return (kept[0], tuple(map(tuple, kept[1])))  # type: ignore[arg-type]
    return kept


def canonical(sentence: str) -> str:
    """A sentence as compared between years: width, spaces and traditional characters
    folded, numbering (（一）, 1., 一是) and punctuation removed, every number (years
    included) written as ``#``; ``""`` for the format's own wording and for too little."""
    return canonicals([sentence])[0]


def canonicals(sentences: Sequence[str]) -> list[str]:
    """:func:`canonical` of each sentence, computed for a report's sentences at once: each
    step is one C call over all of them (joined by newlines once normalised), not one per
    sentence, whose calls cost more than its characters."""
    if not sentences:
        return []
    patterns = _patterns()
    text = "\n" + "\n".join(normalise_each(sentences))  # (a newline before each line)
    text = patterns.numbering.sub("\n", text)
    text = patterns.digits.sub("#", text)
    for mark in _COMMON_MARKS:
        # The common marks first, a str.replace each (C, no match object): re.sub then meets
        # a few runs, not some hundred (most of its cost). Deleting marks before the runs
        # they stand in deletes the same characters.
        if mark in text:  # (a search stops at the first; a replace counts them all)
            text = text.replace(mark, "")
    if not text.replace("#", "").replace("\n", "").isalnum():
        # (Most reports have no mark left but the common ones: str.isalnum, the test re's
        # \w makes, is a C pass over the text several times faster than re's search.)
        text = patterns.punctuation.sub("", text).replace("_", "")
    boilerplate = patterns.boilerplate.fullmatch
    longest = _BOILERPLATE_LONGEST
    lines = text.split("\n")
    return [
        "" if len(line) < MIN_CHARS or (len(line) <= longest and boilerplate(line)) else line
        for line in lines[1:]
    ]


def _longest_match(words: Sequence[str]) -> int:
    """An upper bound on the length of what any of ``words`` matches: the characters of the
    longest, less its group and alternative syntax — a pattern that repeats nothing (no
    ``*``, ``+``, ``{}``; no escape, which could be a back-reference) consumes each of its
    characters at most once, a class or a look-around no more than it holds. Longer lines
    are never the format's own wording, and are not matched against it (most sentences).
    Other patterns: no bound."""
    longest = 0
    for word in words:
        if any(c in word for c in "*+{\\"):
            return sys.maxsize
        plain = word.replace("(?:", "")
        longest = max(longest, len(plain) - sum(map(plain.count, "()?|")))
    return longest


#: No line longer than this is the format's own wording (see :func:`_longest_match`).
_BOILERPLATE_LONGEST = _longest_match(OUTLINE_HEADINGS.words)

#: The canonical text of each sentence text seen (None: it does not count), by text:
#: reports of one template share most of their sentences.
_KEYS: Table[str, str | None] = Table(8192)


def _sentence_keys(sentences: Sequence[str]) -> list[str | None]:
    """The :func:`canonical` text of each sentence (``None``: it does not count); the texts
    not seen before are made canonical together."""
    known = _KEYS
    distinct = dict.fromkeys(sentences)
    # Room made before the known ones are told apart: emptied after, the table would lose
    # the sentences this report shares with earlier ones, and reading them failed.
    known.make_room(len(distinct))
    new = list(filterfalse(known.__contains__, distinct))
    if new:
        canons = canonicals(new)
        known.update(zip(new, canons, strict=True))
        # (a text whose canonical is "" does not count: None, not "")
        known.update(dict.fromkeys(compress(new, map(not_, canons))))
    return list(map(known.__getitem__, sentences))


def _sentence_key(sentence: str) -> str | None:
    """The :func:`canonical` text of one sentence (``None``: it does not count)."""
    return _sentence_keys([sentence])[0]


_TEXT = attrgetter("text")
_SPAN = attrgetter("span")


def _excerpt(text: str) -> str:
    text = text.strip()
    return text if len(text) <= EXCERPT else text[:EXCERPT] + "…"


def prose_facts(report: Report) -> Prose | None:
    """The paragraphs of 一 and 五, in order. A paragraph of one line not yet split (most)
    is kept as its line, to be split only if the report is compared (its sentences'
    texts and spans are all this rule reads of them); the others by their sentences."""
    kept: list[_Kept] = []
    for key in PROSE_SECTIONS:
        section = report.section(key)
        if section is None:
            continue
        for paragraph in section.paragraphs:
            line = unsplit_line(paragraph) if "sentences" not in paragraph.__dict__ else None
            if line is None:
                sentences = paragraph.sentences
                kept.append((tuple(map(_TEXT, sentences)), tuple(map(_SPAN, sentences))))
            else:
                kept.append(line)
    return Prose(tuple(kept)) if kept else None


@rule(
    code="XG603",
    name="prose-copied-from-last-year",
    severity="warning",
    summary={
        "zh": "“总体情况”“存在的主要问题及改进情况”的文字大量照搬上一年度报告",
        "en": "The prose of 一 and 五 is largely copied from last year's report",
    },
    messages={
        "zh": {
            "default": "第一、五部分的 {total} 句中有 {copied} 句（{share}）与上一年度报告 {other} "
            "相同（数字、年份不计），达到 {threshold} 的界限；前几句：{samples}",
        },
        "en": {
            "default": "{copied} of the {total} sentences of sections 一 and 五 ({share}) are "
            "found again in last year's report {other} (digits and years aside), at or above "
            "the threshold of {threshold}; the first: {samples}",
        },
    },
    docs=docs(
        (
            "同一机关上一年度报告也在本次检查中时，计算本年第一部分“总体情况”和第五部分"
            "“存在的主要问题及改进情况”的句子中有多少在上一年度报告的这两部分里再次出现："
            "比较时不计数字和年份（“2023年”与“2024年”视为相同）、全角半角、空格和标点，"
            "也不计“（一）主动公开情况”这类格式规定的小标题和不足8个字的短句。"
            "比例达到界限（选项 threshold，默认0.5）时报告，消息给出比例和前几句相同的句子。"
            "两部分合计少于3句时不计算。",
            "评估中“与往年雷同”是常见的扣分项，有的省份以50%为界；第五部分还应写明上一年度"
            "问题的整改情况，照搬去年的文字说明没有写。",
            "2022年：（一）存在的主要问题。政策解读形式较为单一，以文字解读为主；"
            "依申请公开答复文书不够规范。\n"
            "2023年：（一）存在的主要问题。政策解读形式较为单一，以文字解读为主；"
            "依申请公开答复文书不够规范。",
            "2022年：（一）存在的主要问题。政策解读形式较为单一，以文字解读为主；"
            "依申请公开答复文书不够规范。\n"
            "2023年：（一）存在的主要问题。重要政策的解读还不够及时，个别解读晚于文件发布；"
            "网站栏目更新频率偏低。",
        ),
        (
            "When the body's report for last year is in the run, counts how many sentences "
            "of this year's sections 一 (总体情况) and 五 (存在的主要问题及改进情况) are found "
            "again in those two sections of last year's report, with digits and years "
            "(2023年 and 2024年 compare equal), width, spaces and punctuation aside, and "
            "without the format's own sub-headings (（一）主动公开情况 …) or sentences of fewer "
            "than 8 characters. Reported when the share reaches the threshold (option "
            "threshold, default 0.5); the message gives the share and the first copied "
            "sentences. Not computed when the two sections hold fewer than 3 sentences.",
            "Evaluators mark down reports 'identical to previous years'; some provinces use "
            "50% as the line. Section 五 should also report how last year's problems were "
            "addressed, which last year's text cannot.",
            "2022: （一）存在的主要问题。政策解读形式较为单一，以文字解读为主；"
            "依申请公开答复文书不够规范。\n"
            "2023: （一）存在的主要问题。政策解读形式较为单一，以文字解读为主；"
            "依申请公开答复文书不够规范。",
            "2022: （一）存在的主要问题。政策解读形式较为单一，以文字解读为主；"
            "依申请公开答复文书不够规范。\n"
            "2023: （一）存在的主要问题。重要政策的解读还不够及时，个别解读晚于文件发布；"
            "网站栏目更新频率偏低。",
        ),
    ),
    options=(
        RuleOption(
            "threshold",
            0.5,
            "Share of the sentences of 一 and 五 found again in last year's report at "
            "which the rule reports, from 0.01 to 1.",
            type=(float, int),
            minimum=0.01,
            maximum=1,
        ),
    ),
    run=True,
    per_body=True,
    min_reports=2,
    facts=prose_facts,
)
def prose_copied_from_last_year(
    reports: Sequence[ReportFacts], ctx: RuleContext
) -> Iterator[Diagnostic]:
    threshold = float(ctx.option("threshold"))
    # (a report between two years is compared twice: its sentences are made once)
    made: dict[int, tuple[list[tuple[str, int]], list[str], list[Span | SpanFields]]] = {}
    for previous, current in consecutive(reports):
        if not isinstance(previous.value, Prose) or not isinstance(current.value, Prose):
            continue
        for prose in (previous.value, current.value):
            if id(prose) not in made:
                made[id(prose)] = prose.counted()
        keys, texts, spans = made[id(current.value)]
        if len(keys) < MIN_SENTENCES:
            continue
        before: dict[str, int] = {}
        earlier, _, earlier_spans = made[id(previous.value)]
        for value, index in earlier:
            before.setdefault(value, index)
        copied = [(value, index) for value, index in keys if value in before]
        share = len(copied) / len(keys)
        if not copied or share < threshold:
            continue
        quote = "“{}”" if ctx.lang == "zh" else "'{}'"
        separator = "；" if ctx.lang == "zh" else "; "
        samples = separator.join(
            quote.format(_excerpt(texts[index])) for _, index in copied[:SAMPLES]
        )
        first, at = copied[0]
        finding = ctx.diagnostic(
            as_span(spans[at]),
            expected=f"<{threshold:.0%}",
            actual=f"{share:.0%}",
            path=current.path,
            subject="prose.copied",
            total=len(keys),
            copied=len(copied),
            share=f"{share:.0%}",
            threshold=f"{threshold:.0%}",
            other=previous.path,
            samples=samples,
        )
        span = as_span(earlier_spans[before[first]])
        yield finding.with_related(_related(ctx, previous.path, span, other_year=previous.year))


# ----------------------------------------------------------------------------- XG604


#: How many of the other copies an XG604 finding names: a crawl may hold hundreds of
#: copies of one report, and naming every other one in each would grow with their square.
MAX_NAMED = 3


def _others(paths: list[str], lang: str) -> str:
    named = ", ".join(paths[:MAX_NAMED])
    rest = len(paths) - MAX_NAMED
    if rest <= 0:
        return named
    return f"{named} 及另外 {rest} 份" if lang == "zh" else f"{named} and {rest} more"


@rule(
    code="XG604",
    name="same-year-reports",
    severity="info",
    summary={
        "zh": "同一机关同一年度有两份以上报告，跨年度比较未进行",
        "en": "Two or more reports of one body for one year; not compared across years",
    },
    messages={
        "zh": {
            "default": "{agency}{year}年度的报告共有 {count} 份（另见 {others}）；无法确定以哪份"
            "为准，该年度未与相邻年度比较",
        },
        "en": {
            "default": "{count} reports of {agency} for {year} (see also {others}); which one "
            "counts cannot be told, so that year was not compared with its neighbours",
        },
    },
    docs=docs(
        (
            "一次检查的报告（含 --previous 指明的报告）中，同一机关（按标题中的名称，规则同 XG601）"
            "同一年度的报告不止一份。每一份都报告一次，并指出其他几份（最多列出 3 份，其余只计数）。该年度不参与 XG601–XG603 的"
            "跨年度比较：不会随意挑选其中一份。",
            "同一年度的报告重复存放（例如改正后又上传一份而旧的没有删除）时，读者和检查都不知道"
            "以哪份为准；删去或改名其中一份后，跨年度检查才能进行。",
            "reports/2023.txt：青山县交通运输局2023年政府信息公开工作年度报告\n"
            "reports/2023-修订.txt：青山县交通运输局2023年政府信息公开工作年度报告",
            "reports/2023.txt：青山县交通运输局2023年政府信息公开工作年度报告\n"
            "reports/2022.txt：青山县交通运输局2022年政府信息公开工作年度报告",
        ),
        (
            "Among the reports of one run (--previous ones included), more than one report of "
            "the same body (by the name in the title, matched as XG601 does) for the same "
            "year. Each is reported once, naming the others (at most 3; the rest are counted). That year takes no part in the "
            "comparisons across years of XG601–XG603: neither report is picked at random.",
            "A report kept twice for one year (a corrected copy uploaded next to the old one) "
            "leaves readers and the checks unsure which one counts; once one is removed or "
            "renamed, the years can be compared.",
            "reports/2023.txt: 青山县交通运输局2023年政府信息公开工作年度报告\n"
            "reports/2023-修订.txt: 青山县交通运输局2023年政府信息公开工作年度报告",
            "reports/2023.txt: 青山县交通运输局2023年政府信息公开工作年度报告\n"
            "reports/2022.txt: 青山县交通运输局2022年政府信息公开工作年度报告",
        ),
    ),
    run=True,
    per_body=True,
    min_reports=2,
)
def same_year_reports(reports: Sequence[ReportFacts], ctx: RuleContext) -> Iterator[Diagnostic]:
    for group in same_year(reports):
        for report in group:
            others = [r for r in group if r is not report]
            fields = {"agency": report.agency, "year": report.year}
            finding = ctx.diagnostic(
                report.title_span or _TOP,
                path=report.path,
                subject="year.duplicate",
                count=len(group),
                others=_others([r.path for r in others], ctx.lang),
                **fields,
            )
            yield finding.with_related(
                *(_related(ctx, r.path, r.title_span or _TOP, **fields) for r in others[:MAX_NAMED])
            )


RULES = [
    carry_over_across_years,
    in_force_across_years,
    prose_copied_from_last_year,
    same_year_reports,
]
