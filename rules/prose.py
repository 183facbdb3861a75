"""XG501 prose-vs-applications, XG502 prose-vs-reviews: what the text says against the tables.

Reports restate their tables in sentences (共收到政府信息公开申请22件，办结20件; 办理行政复议、
诉讼各1件，均结果维持). The sentences' claims are read by :mod:`xxgk_lint.parse.claims`; here
each claim is compared with the cells its wording may mean — the *readings* it allows:
收到 N 件 may count 新收 alone or 新收 + 上年结转; 办结 N 件 is （七）总计. A claim is a finding
only when no reading fits. A part (其中线上申请3件), a change (同比增长10件), a count of one
outcome (予以公开5件), a count of something else (行政许可申请, 人大代表建议) and another
year's count (上年度收到申请12件, 去年同期…, 2022年收到12件 in a report of 2023) are not
compared; neither is a sentence outside the context of information disclosure. A claim
about some applicants (未收到法人或其他组织提出的申请, 收到企业提出的申请2件) is compared
with their columns of table 三; one about a kind of applications no row counts (逾期答复…,
需要补正的…, 其他行政机关转来的…, 涉及…的, 其他申请) is not.

A cell that the arithmetic rules put a wrong value on (one wrong cell, see
:mod:`xxgk_lint_rules.arithmetic`) may be read at the value the identities ask of it too:
the prose then agrees with the table as corrected, and the wrong cell is reported once.

Table 四 is compared with the prose about reviews and lawsuits only, never with table 三 (a
review may concern an application of an earlier year).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import weakref
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import TypeVar

from xxgk_lint_rules._docs import column_label, docs, row_label
from xxgk_lint_rules.arithmetic import blamed_values

from xxgk_lint.engine.checks import FAIL, NOT_ASSESSABLE, PASS, UNCERTAIN, CheckCell
from xxgk_lint.engine.diagnostics import Diagnostic, Number
from xxgk_lint.engine.rule import RuleContext, rule
from xxgk_lint.format import prose
from xxgk_lint.format.f2021 import APPLICANTS
from xxgk_lint.format.normalise import (
    TRADITIONAL,
    close_up,
    fold_traditional,
    holds_blank,
    with_traditional,
)
from xxgk_lint.parse.ast import Paragraph, Report, Sentence, Table
from xxgk_lint.parse.claims import Claim, folded, may_state_claims
from xxgk_lint.records import NamedTuple  # (typing's, without compiling annotations)

#: Topics of the cases of table 四: a claim with one of them is XG502's, never XG501's.
CASES = frozenset({"review", "litigation", "direct", "after_review"})
#: Which rows of table 三 (column 总计) each verb of the prose may mean, reading by reading.
VERB_READINGS: dict[str, tuple[tuple[str, ...], ...]] = {
    "receive": (("received",), ("received", "carried_over")),
    "close": (("total",),),
    "carry_in": (("carried_over",),),
    "carry_out": (("carried_forward",),),
    "handle": (("received",), ("received", "carried_over"), ("total",)),
}


@cache
def _words(group: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(group))


@cache
def _mentions(words: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a raw text holds one of ``words``, simplified or traditional: the search of
    ``with_traditional`` of each. Words that are plain text whose characters fold back from
    just the traditional forms that search allows are found by ``in`` in the text folded
    instead, all in C: a search whose alternatives open with a class (行政诉讼|[诉訴][讼訟])
    is tried at every character (seven times slower), and one opening with the expanded
    literals compiles a 64K-entry table (milliseconds of a start). (Plain words whose
    written forms are few are searched by :func:`_mentioning` itself.)"""
    if all(_opens_with_a_literal(w) for w in words) or not all(map(_folds_as_searched, words)):
        # (alternatives that each open with a literal: re scans for their first characters
        # in C, faster than folding the text)
        pattern = re.compile("|".join(with_traditional(w) for w in words))
        return lambda text: pattern.search(text) is not None

    def mentions(text: str) -> bool:
        text = fold_traditional(text)
        return any(word in text for word in words)

    return mentions


#: The most written forms of a word :func:`_plain_forms` lists.
_MOST_FORMS = 32


class _Forms(NamedTuple):
    """What the search of ``with_traditional`` of each of some plain words finds, as the
    strings it matches: ``all`` their written forms (each character simplified or one of
    the traditional forms the search allows), and ``words``, the forms of the words as
    written, enough for a text that holds none of the ``other`` characters of ``all``."""

    all: tuple[str, ...]
    words: tuple[str, ...]
    other: str


@cache
def _plain_forms(words: tuple[str, ...]) -> _Forms | None:
    """The forms the search of ``with_traditional`` of each of ``words`` matches, when the
    words are plain text (None otherwise, or when there are too many). A word that holds
    another is found only where that one is: it is left out."""
    if not words or not all(word and re.escape(word) == word for word in words):
        return None
    kept = tuple(dict.fromkeys(w for w in words if not any(o != w and o in w for o in words)))
    forms: list[str] = []
    other: set[str] = set()
    for word in kept:
        options = [with_traditional(c).strip("[]") for c in word]
        forms += ("".join(p) for p in itertools.product(*options))
        other.update(*(o.replace(c, "") for c, o in zip(word, options, strict=True)))
    if len(forms) > _MOST_FORMS * len(kept):
        return None
    return _Forms(tuple(forms), kept, "".join(sorted(other)))


_T = TypeVar("_T", Paragraph, Sentence)
_new = tuple.__new__  # (a named tuple made in C: its own __new__ is Python)
#: An item's text.
_TEXT = operator.attrgetter("text")
#: A text's length and its newline: where the next text starts, from where it starts.
_NEXT = (1).__add__


#: Texts searched as one (see :func:`_mentioning`): joined by newlines, and the offset
#: where each starts in that, then where the text after the last would.
_Joined = tuple[str, list[int]]


def _closed(item: Paragraph | Sentence) -> str:
    """An item's text with letter-spaced Chinese closed up (收 到 申 请: see ``close_up``),
    as the claims reader sees it: the words searched for have no blanks inside."""
    return close_up(item.text)[0]


def _joined(items: Sequence[Paragraph] | Sequence[Sentence]) -> _Joined:
    texts = list(map(_TEXT, items))
    joined = "\n".join(texts)
    # Closed up only where a text holds a blank (letter-spaced prose): most reports' texts
    # hold none, which one test of the whole says (a call per item cost more than the
    # search for the words).
    if holds_blank(joined):
        texts = list(map(_closed, items))
        joined = "\n".join(texts)
    return joined, [0, *itertools.accumulate(map(_NEXT, map(len, texts)))]  # (C)


_last_paragraphs: tuple[weakref.ref[Report], _Joined] | None = None


def _paragraphs_joined(report: Report) -> _Joined:
    """The report's paragraphs joined (cached for the last report: XG501 and XG502 search
    the same paragraphs in turn, and joining them costs as much as searching them)."""
    global _last_paragraphs
    if _last_paragraphs is not None and _last_paragraphs[0]() is report:
        return _last_paragraphs[1]
    joined = _joined(report.paragraphs)
    _last_paragraphs = (weakref.ref(report), joined)
    return joined


def _mentioning(
    items: Sequence[_T], words: tuple[str, ...], joined: _Joined | None = None
) -> list[_T]:
    """The paragraphs or sentences ``items`` that hold one of ``words``, simplified or
    traditional (as :func:`_mentions` finds them), in order. Their texts are searched as
    one (joined by a newline, which no word holds, so that no match runs across two:
    ``joined``, if given, is :func:`_joined` of them): ``in`` over each text would cost a
    Python call per text and word, more than the search; each form of the words is
    looked for by its last character (``str.find`` of one character runs at memory
    speed, of two or more characters some twenty times slower), the form checked where
    one stands, once per text that holds it, and the forms of traditional characters
    only when the texts hold one."""
    forms = _plain_forms(words)
    if forms is None:  # (words that are patterns: one search per text)
        mentions = _mentions(words)
        return [item for item in items if mentions(_closed(item))]
    text, starts = _joined(items) if joined is None else joined
    found: set[int] = set()
    find, holds = text.find, text.startswith
    for form in forms.all if any(map(text.__contains__, forms.other)) else forms.words:
        last = len(form) - 1
        character = form[last]
        at = find(character, last)
        while at >= 0:
            if holds(form, at - last):
                index = bisect.bisect_right(starts, at) - 1
                found.add(index)
                at = find(character, starts[index + 1] + last)  # (on in the next text)
            else:
                at = find(character, at + 1)
    return [items[index] for index in sorted(found)]


def _opens_with_a_literal(word: str) -> bool:
    """Whether the search of ``with_traditional(word)`` opens with one character (not a
    class of its forms, nor pattern syntax)."""
    first = word[:1]
    return bool(first) and re.escape(first) == first == with_traditional(first)


def _folds_as_searched(word: str) -> bool:
    """Whether ``word`` is found by ``in`` in folded text exactly where the search of
    ``with_traditional(word)`` finds it in raw text: plain text (no pattern syntax), each
    character kept by folding, and what folds to it just the forms the search allows."""
    if re.escape(word) != word:
        return False
    folded = fold_traditional(TRADITIONAL)  # (each traditional form's folding, in one call)
    for character in word:
        allowed = {character, *with_traditional(character).strip("[]")}
        folding = {t for t, f in zip(TRADITIONAL, folded, strict=True) if f == character}
        if fold_traditional(character) != character or folding | {character} != allowed:
            return False
    return True


def _quote(claim: Claim) -> str:
    text = claim.clause.strip() or claim.text.strip()
    return text if len(text) <= 40 else text[:39] + "…"


def _claim_cell(claim: Claim) -> CheckCell:
    return _new(CheckCell, ("text", claim.value, claim.span, _quote(claim)))


class Outcome(NamedTuple):
    """A claim compared with the table: its status, the cells read, what they held."""

    status: str
    cells: tuple[CheckCell, ...]
    #: (the reading's row or cell labels, the values it allows) for each reading.
    found: tuple[tuple[str, tuple[Number, ...]], ...] = ()
    reason: str | None = None


def _status(statuses: Sequence[str]) -> str:
    """The claim's status from its readings': pass if one fits, else the least sure."""
    for status in (PASS, UNCERTAIN, NOT_ASSESSABLE):
        if status in statuses:
            return status
    return FAIL


def _sentences(report: Report, words: tuple[str, ...]) -> Iterator[Sentence]:
    """The sentences of the paragraphs, and then of the sentences, that hold one of
    ``words`` (simplified or traditional): a paragraph that cannot hold a claim about the
    table (none of the words, or no count) is not even split into sentences."""
    for paragraph in _mentioning(report.paragraphs, words, _paragraphs_joined(report)):
        if may_state_claims(paragraph.text):
            yield from _mentioning(paragraph.sentences, words)


# ---- XG501: table 三


def _application_context(sentence: Sentence) -> bool:
    """Whether the sentence speaks of information-disclosure applications."""
    if sentence.section == "applications":
        return True
    text = folded(sentence.text)
    return bool(_words(prose.DISCLOSURE).search(text)) and bool(
        _words(prose.TOPICS["application"]).search(text)
    )


def _up_to_clause(claim: Claim) -> str:
    """The claim's sentence (folded) up to the end of the claim's clause: what it has said
    by then (the first clause of that text, if the same clause stands twice)."""
    text = folded(claim.text)
    at = text.find(claim.clause) if claim.clause else -1
    return text if at < 0 else text[: at + len(claim.clause)]


def of_other_bodies(claim: Claim) -> bool:
    """Whether the claim counts for other bodies than the report's: its sentence names
    them (全县各级行政机关共收到申请1200件, 全市…) by the end of its clause, and not the
    report's own body after them (…，其中本机关收到583件)."""
    said = _up_to_clause(claim)
    if _words(prose.OTHER_BODIES).search(said) is None:
        return False  # (one search in C: most sentences name no other body)
    others = max(said.rfind(word) for word in prose.OTHER_BODIES)
    return others >= 0 and others > max(said.rfind(word) for word in prose.OWN_BODY)


def by_channel(claim: Claim) -> bool:
    """Whether the claim counts the applications of one channel (通过网站收到申请300件，通过
    信函收到283件): a part of the total, with or without 其中 — not when its clause counts
    all of them (通过网站、信函等方式共收到583件)."""
    clause = claim.clause
    return (
        _words(prose.CHANNELS).search(clause) is not None
        and _words(prose.ALL_CHANNELS).search(clause) is None
    )


def report_year(report: Report) -> int | None:
    """The year the report is of: its title's, else its statistics period's."""
    if report.year is not None:
        return report.year
    period = report.period
    return period.end.year if period is not None and period.end is not None else None


def another_year(claim: Claim, year: int | None) -> bool:
    """Whether the claim counts another year than the report's ``year``: a year written
    before its verb that is not the report's (or a year when the report's is unknown), or
    上年度 / 去年同期 / 同期 … — except before 上年结转, which is this year's row 二."""
    if claim.year is not None:
        return claim.year != year
    return claim.previous and "carry_in" not in claim.topics


def application_readings(claim: Claim, year: int | None = None) -> tuple[tuple[str, ...], ...]:
    """The sets of rows (column 总计) whose sum the claim may state; empty: not about
    table 三 totals (a part, a change, an outcome, reviews, something else, another year;
    ``year`` is the report's)."""
    topics = claim.topics
    if claim.sub or claim.delta or topics & CASES or "outcome" in topics:
        return ()
    if another_year(claim, year):
        return ()
    if _words(prose.OTHER_MATTERS).search(claim.clause):
        return ()
    if of_other_bodies(claim) or by_channel(claim):
        return ()
    if claim.qualified:
        return ()  # (逾期答复…, 需要补正的…, 其他…: some applications, which no row counts)
    if claim.none:
        if "carry_in" in topics:  # 未收到上年结转的申请
            return (("carried_over",),)
        if "carry_out" in topics:  # 未有结转下年度的申请
            return (("carried_forward",),)
        return (("received",),) if topics & {"receive", "application"} else ()
    verbs: list[str] = [v for v in ("receive", "close", "carry_in", "carry_out") if v in topics]
    if not verbs and "handle" in topics and "application" in topics:
        verbs = ["handle"]
    readings: dict[tuple[str, ...], None] = {}
    for verb in verbs:
        readings.update(dict.fromkeys(VERB_READINGS[verb]))
    return tuple(readings)


def applicant_columns(claim: Claim) -> tuple[str, ...]:
    """The columns of table 三 the claim counts: those of the applicants it names
    (未收到法人或其他组织提出的申请: the five of 法人或其他组织), else — or when it names
    them all (公民、法人和其他组织) — 总计."""
    named = claim.applicants
    if not named or named >= _ALL_APPLICANTS:
        return ("total",)
    return tuple(key for key in APPLICANTS if key in named)


#: The applicant columns of table 三, 总计 aside.
_ALL_APPLICANTS = frozenset(APPLICANTS) - {"total"}


#: What one cell of table 三 gives a claim's readings (see :func:`_read_cell`): its address,
#: what it makes of the reading's status (None: nothing; ``blank``: not assessable unless
#: the reading is already less sure), the cell as the check lists it (None when its row is
#: absent or unsure), and its value (None unless it holds a number). With the labels and
#: names looked up once per run (``lru_cache``) and no sums made by ``product`` when no cell
#: is corrected, a claim costs 54 K instructions, from 74 K.
_CellRead = tuple[str, str | None, CheckCell | None, Number | None]


def _read_cell(report: Report, table: Table, key: str, column: str, lang: str) -> _CellRead:
    """What cell ``key``/``column`` of table 三 gives a reading (see :data:`_CellRead`)."""
    row = table.row(key)
    address = f"applications.{key}.{column}"
    if row is None:
        return (address, NOT_ASSESSABLE, None, None)
    if not row.complete:
        return (address, UNCERTAIN, None, None)
    cell = row.cell(column)
    value = cell.value if cell is not None and cell.is_number else None
    label = _cell_label(lang, key, column, report.format_version)
    checked = _new(CheckCell, (address, value, cell.span if cell else None, label))
    return (address, None if value is not None else "blank", checked, value)


@functools.lru_cache(maxsize=256)
def _cell_label(lang: str, key: str, column: str, version: str) -> str:
    """A cell of table 三 as a check names it: its row's label, and its column's unless
    it is 总计."""
    label = row_label(lang, "applications", key, version)
    return label if column == "total" else label + _column_note(column, lang, version)


@functools.lru_cache(maxsize=256)
def _reading_name(
    lang: str, reading: tuple[str, ...], columns: tuple[str, ...], version: str
) -> str:
    """What a reading sums, as a finding names it: 一、本年新收… + 二、上年结转…, with the
    applicants' columns when it reads others than 总计."""
    names = [row_label(lang, "applications", k, version) for k in reading]
    if columns != ("total",):
        note = ("、" if lang == "zh" else ", ").join(
            column_label(lang, c, "applications", version) for c in columns
        )
        names = [f"{name}（{note}）" if lang == "zh" else f"{name} ({note})" for name in names]
    return " + ".join(names)


class _Applications:
    """Table 三 of one report as XG501 reads it for the report's claims: the table, the
    values the identities correct, and each cell read once (a report's claims read the same
    few cells, 一、本年新收… and （七）总计, and reading one makes its Cell, Span and check
    cell)."""

    __slots__ = ("_corrected", "_lang", "_reads", "_report", "table", "version")

    def __init__(self, report: Report, lang: str) -> None:
        self._report, self._lang = report, lang
        self.table = report.tables.get("applications")
        self.version = report.format_version
        self._corrected: dict[str, Number] | None = None  # (asked for when a claim is read)
        self._reads: dict[tuple[str, str], _CellRead] = {}

    @property
    def corrected(self) -> dict[str, Number]:
        """The cells one wrong value explains, and the value the identities ask of each."""
        if self._corrected is None:
            self._corrected = blamed_values(self._report)
        return self._corrected

    def read(self, key: str, column: str) -> _CellRead:
        """What cell ``key``/``column`` gives a reading (:func:`_read_cell`, once)."""
        found = self._reads.get((key, column))
        if found is None:
            assert self.table is not None
            found = _read_cell(self._report, self.table, key, column, self._lang)
            self._reads[(key, column)] = found
        return found


def _compare_applications(
    applications: _Applications, claim: Claim, readings: tuple[tuple[str, ...], ...], lang: str
) -> Outcome:
    table = applications.table
    cells = [_claim_cell(claim)]
    if table is None:
        return Outcome(NOT_ASSESSABLE, tuple(cells), reason="applications")
    corrected = applications.corrected
    columns = applicant_columns(claim)
    statuses, found = [], []
    reasons = []
    for reading in readings:
        values: list[Number] = []
        others: dict[int, Number] = {}  # (a value's index → the value corrected, if another)
        status = PASS
        for key, column in itertools.product(reading, columns):
            address, effect, checked, value = applications.read(key, column)
            if checked is not None:
                cells.append(checked)
            if effect is not None:
                reasons.append(address)
                if effect != "blank":
                    status = effect
                elif status == PASS:
                    status = NOT_ASSESSABLE
                continue
            if address in corrected and corrected[address] != value:
                others[len(values)] = corrected[address]
            values.append(value)  # type: ignore[arg-type]
        if status != PASS:
            statuses.append(status)
            continue
        sums = _sums(values, others)
        found.append((_reading_name(lang, reading, columns, applications.version), sums))
        statuses.append(PASS if claim.value in sums else FAIL)
    status = _status(statuses)
    reason = ", ".join(dict.fromkeys(reasons)) if status in (NOT_ASSESSABLE, UNCERTAIN) else None
    return _new(Outcome, (status, tuple(dict.fromkeys(cells)), tuple(found), reason))


def _sums(values: list[Number], others: dict[int, Number]) -> tuple[Number, ...]:
    """The sums a reading allows, once each, in order: of ``values``, each or the value
    ``others`` gives at its index (a cell the identities find wrong, corrected)."""
    if not others:  # (most reports: no wrong cell, one sum)
        return (sum(values),)
    choices = [(v, others[i]) if i in others else (v,) for i, v in enumerate(values)]
    return tuple(dict.fromkeys(sum(c) for c in itertools.product(*choices)))  # type: ignore[misc]


def _column_note(column: str, lang: str, version: str) -> str:
    """（商业企业） / (businesses): the applicant column of a cell's label."""
    name = column_label(lang, column, "applications", version)
    return f"（{name}）" if lang == "zh" else f" ({name})"


def _found_text(
    found: Sequence[tuple[str, tuple[Number, ...]]], lang: str, quote: bool = True
) -> str:
    """“…”为 95，“… + …”为 97 / '…' = 95, '… + …' = 97 (labels quoted unless they carry
    their own quotes: 行政复议“总计”)."""
    parts = []
    for names, values in found:
        shown = ("或" if lang == "zh" else " or ").join(str(v) for v in values)
        if not quote:
            parts.append(f"{names}为 {shown}" if lang == "zh" else f"{names} = {shown}")
        else:
            parts.append(f"“{names}”为 {shown}" if lang == "zh" else f"'{names}' = {shown}")
    return "，".join(parts) if lang == "zh" else ", ".join(parts)


@rule(
    code="XG501",
    name="prose-vs-applications",
    severity="warning",
    summary={
        "zh": "正文所述申请件数与表三不符",
        "en": "A number the prose states about applications contradicts table 三",
    },
    messages={
        "zh": {
            "default": "正文称“{quote}”，与表三不符：{found}，{verdict} {actual}",
            "none": "正文称“{quote}”（没有收到申请），但表三{found}",
        },
        "en": {
            "default": "the text says '{quote}', which contradicts table 三: {found}; {verdict} "
            "{actual}",
            "none": "the text says '{quote}' (no applications received), but in table 三 {found}",
        },
    },
    docs=docs(
        (
            "把正文中关于政府信息公开申请的件数与表三（收到和处理政府信息公开申请情况）的总计列核对：新收、"
            "收到、受理N件（可指“一、本年新收”，也可指“一、本年新收”加“二、上年结转”）、上年结转N件、"
            "办结、答复N件（“（七）总计”）、结转下年度、转入下年N件（“四、结转下年度继续办理”），以及"
            "“未收到申请”。每句、每个数字都核对（阿拉伯数字或“十七件”“两件”这样的汉字数字），按措辞允许的"
            "各种读法比较，只有哪种读法都不相符时才报告。“其中线上申请3件”这类分项、“同比增长10件”这类增减、"
            "“予以公开5件”这类单项结果、行政许可申请或人大代表建议等其他事项的件数都不核对；动词前写明是"
            "别的年度的（“上年度收到申请12件”“去年同期”“同期”，或与报告年度不同的“2022年收到12件”）也不"
            "核对，但“上年结转N件”是本年表格的第二项，照常核对。全县、全市等其他机关的件数（“全县各级行政机关共收到……，其中本机关……”只核对本机关的），"
            "以及按渠道分列、未写“共”的件数（“通过网站收到……件，通过信函收到……件”）也不核对。“依申请公开政府信息N件”常指依申请公开的"
            "信息条数而非申请件数，不核对。句中没有政府信息公开申请语境的也不核对。某个单元格被勾稽关系判定"
            "为填错时，也按其应有的数核对。只说某类申请人的（“未收到法人或其他组织提出的申请”“收到企业提出的申请"
            "2件”）与表三该列核对（法人或其他组织为五列之和）；说的是表中不单列的某类申请（逾期答复、需要补正、"
            "其他机关转来、涉及……的、其他申请、局属单位的）或一年中的一段时间（下半年、第四季度、12月份、1-6月、"
            "平均每月）的不核对；“未收到上年结转的申请”与“二、上年结转”核对。群众、个人、公民为自然人；法人"
            "为五列之和；律师事务所为法律服务机构；科研院所为科研机构；社会组织、高校、律师可指多列，不核对。"
            "“未发生申请人要求重新答复的情况”这类说申请的某种情况的不核对；“分别为N件、M件”按顺序对应所列各项。",
            "正文与表格数字矛盾是评估和通报中常见的问题：两处必有一处有误，读者无从判断哪个可信。",
            "一、总体情况\n本年度共受理政府信息公开申请17件。\n"
            "一、本年新收政府信息公开申请数量 | 90 | 5 | 0 | 0 | 0 | 0 | 95 |",
            "一、总体情况\n本年度共受理政府信息公开申请95件。\n"
            "一、本年新收政府信息公开申请数量 | 90 | 5 | 0 | 0 | 0 | 0 | 95 |",
        ),
        (
            "Compares the numbers the prose states about information-disclosure applications "
            "with the 总计 column of table 三: 新收, 收到, 受理 N件 (new applications, or new "
            "plus carried over), 上年结转 N件, 办结, 答复 N件 (（七）总计), 结转下年度, 转入下年 N件 "
            "(carried forward), and 未收到申请. Every number of every sentence (in digits or "
            "in Chinese numerals: 十七件, 两件) is compared against every reading its wording "
            "allows, and reported only when none fits. A part (其中线上申请3件), a change "
            "(同比增长10件), one outcome (予以公开5件), counts of other things (行政许可申请, "
            "人大代表建议) and another year's counts (上年度收到申请12件, 去年同期, 同期, or a "
            "year other than the report's before the verb: 2022年收到12件) are not compared; "
            "上年结转N件 is row 二 of this year's table and is. Counts of other bodies "
            "(全县各级行政机关共收到…, until 本机关 comes back) and counts by one channel without "
            "a total (通过网站收到…件，通过信函收到…件) are not compared. 依申请公开政府信息N件 usually "
            "counts the information disclosed on request, not applications, and is not compared. "
            "Nor is a sentence outside the context of information-disclosure applications. A "
            "cell the identities find wrong is also read at the value they ask of it. A claim "
            "about some applicants (未收到法人或其他组织提出的申请, 收到企业提出的申请2件) is "
            "compared with their columns (法人或其他组织: the five columns but 自然人); one about "
            "a kind the tables do not count apart (late, to be completed, passed on, about a "
            "subject, other, a sub-unit's) or about part of the year (下半年, 第四季度, 12月份, "
            "1-6月, 平均每月) is not compared; 未收到上年结转的申请 is compared with row 二. "
            "群众, 个人 and 公民 are natural persons; 法人 the five columns; 律师事务所 legal "
            "services; 科研院所 research bodies; 社会组织, 高校 and 律师 may mean several "
            "columns and are not compared. A statement about something that happens to "
            "applications (未发生申请人要求重新答复的情况) is not compared; 分别为N件、M件 is "
            "compared item by item, in order.",
            "Prose that contradicts the tables is a common finding of evaluators: one of the "
            "two is wrong, and readers cannot tell which.",
            "一、总体情况\n本年度共受理政府信息公开申请17件。\n"
            "一、本年新收政府信息公开申请数量 | 90 | 5 | 0 | 0 | 0 | 0 | 95 |",
            "一、总体情况\n本年度共受理政府信息公开申请95件。\n"
            "一、本年新收政府信息公开申请数量 | 90 | 5 | 0 | 0 | 0 | 0 | 95 |",
        ),
    ),
    uses=(
        "applications.received.total",
        "applications.carried_over.total",
        "applications.total.total",
        "applications.carried_forward.total",
    ),
)
def prose_vs_applications(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    lang = ctx.lang
    year = report_year(report)
    applications = _Applications(report, lang)
    for sentence in _sentences(report, prose.TOPICS["application"]):
        if not _application_context(sentence):
            continue  # (before its claims: reading them is what costs)
        for claim in sentence.claims:
            readings = application_readings(claim, year)
            if not readings:
                continue
            outcome = _compare_applications(applications, claim, readings, lang)
            failed = outcome.status == FAIL
            subject = f"prose.applications.{claim.span.line}.{claim.span.column}" if failed else ""
            ctx.record(
                "prose-vs-applications",
                outcome.cells[0].label,  # (the claim's own cell comes first: the quote)
                outcome.status,
                outcome.cells,
                reason=outcome.reason,
                finding=("XG501", subject) if failed else None,
            )
            if not failed:
                continue
            # the values the readings allow, once each, in order (办理: 7 / 8 / 7 → 7 / 8)
            values = list(dict.fromkeys(v for _, vs in outcome.found for v in vs))
            several = len(values) > 1
            if lang == "zh":
                verdict = "都不是" if several else "不是"
            else:
                verdict = "none of them is" if several else "not"
            yield ctx.diagnostic(
                claim.span,
                "none" if claim.none else "default",
                quote=_quote(claim),
                found=_found_text(outcome.found, lang),
                verdict=verdict,
                expected=values[0] if len(values) == 1 else " / ".join(map(str, values)),
                actual=claim.value,
                subject=subject,
            )


# ---- XG502: table 四


def _may_be_about_disclosure(sentence: Sentence) -> bool:
    """Whether a claim of the sentence may be :func:`about_disclosure`: the sentence names
    disclosure, or one of its clauses ends with the cases themselves."""
    text = folded(sentence.text)
    return bool(_words(prose.DISCLOSURE).search(text) or _words(_CASES_CLAUSE).search(text))


def about_disclosure(claim: Claim) -> bool:
    """Whether a claim of a sentence outside section 四 is about the reviews and lawsuits
    of table 四. A count: when the sentence has named disclosure by the end of its clause
    (全年办理各类行政复议案件45件，其中涉及政府信息公开的7件: the 45 are all reviews; 含非
    政府信息公开类 names other ones). A "none" claim: also when it says there were no cases
    at all (无行政复议和行政诉讼案件: then none over disclosure either), unless its clause
    names other matters (未发生因行政许可引起的行政复议)."""
    said = _up_to_clause(claim)
    if "非" in said:
        said = re.sub(prose.NOT_DISCLOSURE, "", said)
    if _words(prose.DISCLOSURE).search(said):
        return True
    return (
        claim.none
        and _words(_ALL_CASES).search(claim.clause.strip()) is not None
        and not _words(prose.OTHER_MATTERS).search(claim.clause)
    )


#: A clause that ends with the cases themselves (无行政复议和行政诉讼案件, 未发生行政复议、
#: 行政诉讼): it says there were none of them at all (not 无行政复议职能).
_CASES_AT_END = (
    "(?:"
    + "|".join(prose.TOPICS["review"] + prose.TOPICS["litigation"])
    + ")"
    + prose.NONE_TAIL.removeprefix("^").removesuffix("$")
)
_ALL_CASES = (_CASES_AT_END + "$",)
#: The same in a sentence: at the end of one of its clauses (see claims' separators).
_CASES_CLAUSE = (_CASES_AT_END + "(?=[,;。:)）]|$)",)


def review_readings(
    claim: Claim, year: int | None = None
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """What the claim compares, check by check: (groups of table 四, their columns). The
    groups' cells are summed column by column; a "none" claim needs every cell to be 0.
    Another year's count (``year`` is the report's) compares nothing, nor one of a kind of
    cases the table does not count apart (未发生因逾期答复被申请行政复议的情况: ``qualified``)."""
    topics = claim.topics
    if claim.sub or claim.delta or claim.qualified or not topics & CASES:
        return []
    if another_year(claim, year):
        return []
    if of_other_bodies(claim):
        return []
    litigation: tuple[str, ...] = ()
    if "direct" in topics:
        litigation += ("litigation_direct",)
    if "after_review" in topics:
        litigation += ("litigation_after_review",)
    if "litigation" in topics and not litigation:
        litigation = ("litigation_direct", "litigation_after_review")
    review = ("review",) if "review" in topics else ()
    if claim.none:
        columns = (
            ("corrected",)
            if "corrected" in topics
            else ("upheld", "corrected", "other", "pending", "total")
        )
    elif "upheld" in topics:
        columns = ("upheld",)
    elif "corrected" in topics:
        columns = ("corrected",)
    else:
        columns = ("total",)
    if claim.none or not (review and litigation) or not claim.each:
        groups = review + litigation
        return [(groups, columns)] if groups else []
    return [(review, columns), (litigation, columns)]  # 复议、诉讼各N件: each of them


def _compare_reviews(
    report: Report, claim: Claim, groups: tuple[str, ...], columns: tuple[str, ...], lang: str
) -> Outcome:
    table = report.tables.get("reviews")
    cells = [_claim_cell(claim)]
    if table is None:
        return Outcome(NOT_ASSESSABLE, tuple(cells), reason="reviews")
    values: list[tuple[str, Number]] = []
    status = PASS
    reasons = []
    for group in groups:
        row = table.row(group)
        group_label = row_label(lang, "reviews", group, report.format_version)
        for column in columns:
            address = f"reviews.{group}.{column}"
            if row is None:
                status = NOT_ASSESSABLE
                reasons.append(address)
                continue
            if not row.complete:
                status = UNCERTAIN
                reasons.append(address)
                continue
            cell = row.cell(column)
            value = cell.value if cell is not None and cell.is_number else None
            label = f"{group_label}“{column_label(lang, column, 'reviews')}”"
            if lang != "zh":
                label = f"{group_label} '{column_label(lang, column, 'reviews')}'"
            cells.append(CheckCell(address, value, cell.span if cell else None, label))
            if value is None:
                status = NOT_ASSESSABLE if status == PASS else status
                reasons.append(address)
                continue
            values.append((label, value))
    reason = ", ".join(dict.fromkeys(reasons)) if reasons else None
    if status != PASS:
        return Outcome(status, tuple(cells), reason=reason)
    if claim.none:
        nonzero = tuple((label, v) for label, v in values if v)
        found = tuple((label, (v,)) for label, v in nonzero)
        return Outcome(FAIL if nonzero else PASS, tuple(cells), found)
    total: Number = sum(v for _, v in values)  # type: ignore[assignment]
    names = " + ".join(label for label, _ in values)
    return Outcome(PASS if total == claim.value else FAIL, tuple(cells), ((names, (total,)),))


# The documented examples, executed by tests/rules/cases/XG502.yml: the sentence of section
# 一 and, lines later, the numbers row of table 四 (one review, upheld).
_REVIEW_ROW = (
    "…\n四、政府信息公开行政复议、行政诉讼情况\n…\n"
    "1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
)
REVIEWS_DENIED = (
    "一、总体情况\n本年度未发生因政府信息公开引起的行政复议、行政诉讼。\n" + _REVIEW_ROW
)
REVIEWS_STATED = "一、总体情况\n本年度因政府信息公开被申请行政复议1件，结果维持。\n" + _REVIEW_ROW


@rule(
    code="XG502",
    name="prose-vs-reviews",
    severity="warning",
    summary={
        "zh": "正文所述行政复议、行政诉讼情况与表四不符",
        "en": "The prose about 行政复议 / 行政诉讼 contradicts table 四",
    },
    messages={
        "zh": {
            "default": "正文称“{quote}”，与表四不符：{found}，不是 {actual}",
            "none": "正文称“{quote}”，但表四{found}",
        },
        "en": {
            "default": "the text says '{quote}', which contradicts table 四: {found}, not {actual}",
            "none": "the text says '{quote}', but in table 四 {found}",
        },
    },
    docs=docs(
        (
            "把正文中关于因政府信息公开引起的行政复议、行政诉讼的说法与表四（政府信息公开行政复议、行政诉讼"
            "情况）核对：“行政复议N件”对应行政复议“总计”；“行政诉讼N件”对应未经复议直接起诉与复议后起诉的"
            "“总计”之和（写明直接起诉或复议后起诉的只对应该组）；“复议、诉讼各N件”分别核对；“均结果维持”"
            "对应各组“结果维持”；“未发生……行政复议……行政诉讼”要求相应各组所有单元格都为0，“未发生……被纠错”"
            "要求“结果纠正”为0。件数可以是阿拉伯数字，也可以是汉字数字（“一件”“两件”）；写明是别的年度的"
            "（“上年度被申请行政复议3件”“2022年…”）不核对。只核对有政府信息公开语境的句子（或第四部分中的"
            "句子），从不与表三比较；“无行政复议和行政诉讼案件”“未因政府信息公开被申请行政复议”这类说完全没有复议、"
            "诉讼的句子不需要该语境。“办理各类行政复议案件N件”这类不限于政府信息公开的件数不核对。说的是表中"
            "不单列的某类案件的（“未发生因逾期答复被申请行政复议的情况”“涉及征地拆迁信息公开的行政复议”）不"
            "核对，“因政府信息公开……”即全部案件，照常核对；“行政复议决定被撤销”不对应表中任何一列；“分别为”"
            "逐项核对。",
            "复议、诉讼情况是评估关注的重点；正文说没有、表中却有，或件数不一致，说明其中之一有误。",
            REVIEWS_DENIED,
            REVIEWS_STATED,
        ),
        (
            "Compares what the prose says about administrative reviews and lawsuits over "
            "information disclosure with table 四: 行政复议N件 with the review group's 总计; "
            "行政诉讼N件 with the 总计 of litigation without prior review plus litigation after "
            "review (直接起诉 or 复议后起诉 named: that group alone); 复议、诉讼各N件 each of "
            "them; 均结果维持 with the 结果维持 columns; 未发生…行政复议…行政诉讼 with every cell "
            "of those groups, which must be 0, and 未发生…被纠错 with the 结果纠正 columns. "
            "Counts may be in digits or Chinese numerals (一件, 两件); another year's counts "
            "(上年度被申请行政复议3件, 2022年…) are not compared. Only "
            "sentences in the context of information disclosure (or in section 四) are "
            "compared, and never with table 三; a sentence saying there were no reviews or "
            "lawsuits at all (无行政复议和行政诉讼案件, 未因政府信息公开被申请行政复议) needs no such "
            "context, and counts of reviews of every kind (办理各类行政复议案件N件) are not compared. "
            "A statement about a kind of case the table does not count apart "
            "(未发生因逾期答复被申请行政复议的情况, 涉及征地拆迁信息公开的行政复议) is not compared; "
            "因政府信息公开… means every case and is; 行政复议决定被撤销 matches no column; "
            "分别为 is compared item by item.",
            "Reviews and lawsuits are what evaluators look at first; a text that says there "
            "were none while the table counts some, or another number, means one is wrong.",
            REVIEWS_DENIED,
            REVIEWS_STATED,
        ),
    ),
    uses=("reviews.*.total", "reviews.*.upheld", "reviews.*.corrected"),
)
def prose_vs_reviews(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    lang = ctx.lang
    year = report_year(report)
    for sentence in _sentences(report, prose.TOPICS["review"] + prose.TOPICS["litigation"]):
        in_section = sentence.section == "reviews"
        if not (in_section or _may_be_about_disclosure(sentence)):
            continue  # (before its claims: reading them is what costs)
        for claim in sentence.claims:
            if not in_section and not about_disclosure(claim):
                continue
            for index, (groups, columns) in enumerate(review_readings(claim, year)):
                outcome = _compare_reviews(report, claim, groups, columns, lang)
                subject = f"prose.reviews.{claim.span.line}.{claim.span.column}.{index}"
                if claim.none:
                    subject += ".none"
                elif columns != ("total",):
                    subject += f".{columns[0]}"
                finding = ("XG502", subject) if outcome.status == FAIL else None
                ctx.record(
                    "prose-vs-reviews",
                    f"{_quote(claim)} ({'+'.join(groups)}: {'+'.join(columns)})",
                    outcome.status,
                    outcome.cells,
                    reason=outcome.reason,
                    finding=finding,
                )
                if outcome.status != FAIL:
                    continue
                values = [v for _, vs in outcome.found for v in vs]
                yield ctx.diagnostic(
                    claim.span,
                    "none" if claim.none else "default",
                    quote=_quote(claim),
                    found=_found_text(outcome.found, lang, quote=False),
                    # as XG501: what the table holds, and what the text says (0 for "none")
                    expected=values[0],
                    actual=claim.value,
                    subject=subject,
                )


RULES = [prose_vs_applications, prose_vs_reviews]
