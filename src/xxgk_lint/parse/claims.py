"""The counts a sentence states about the tables, read with ``grammar/claims.lark``.

"共收到政府信息公开申请22件，其中线上申请3件，办结20件" states three counts: 22 received
applications, 3 of them online (a part, not a total), 20 closed. A lexer finds the counts
(N件, N宗, N起), the clause separators and the topic words of the prose vocabulary
(:mod:`xxgk_lint.format.prose`); the grammar groups each count with the topic words before
it in its clause. Which table cells a claim may mean is for the rules that compare prose
with tables (XG501, XG502) to decide.

How the readings go, beyond "a count takes the words before it":

* a count with no words before it in its clause takes the words after it (另有1件因需征求
  第三方意见结转下年度办理: carried forward);
* after 其中 or an opening bracket every count is a part (``sub``) — until a closing
  bracket, a semicolon, or a clause whose own count is closed or carried (办结, 结转), which
  is a total again;
* a "none" word (未收到, 未发生, 无…) is a claim of zero about the topics after it in its
  clause (未发生因信息公开引发的行政复议或行政诉讼案件), or before it when nothing but 情况 /
  案件 follows (行政复议、行政诉讼均未发生); only receiving, applications, reviews and lawsuits
  can be "none" (未发生逾期答复情况 and 未发生收费情况 say nothing of the tables), and after
  未因 / 没有因 / 无因 (未因政府信息公开被申请行政复议) only reviews and lawsuits;
* the words of a claim before its count (after its "none" word) say what applications it
  counts: an applicant before 提出的 / 申请 names columns of table 三 (未收到法人或其他组织
  提出的申请: the columns of 法人或其他组织, ``applicants``), and a kind the tables do not
  count apart (逾期答复, 需要补正的, 其他行政机关转来的, 涉及…的, 其他) or any other word
  before 的申请 makes it a claim about some of them (``qualified``); so does, in a "none"
  claim, a word after the applications (未发生申请人要求重新答复的情况: an event of theirs);
* the words of a claim about reviews or lawsuits before its first word of a case say what
  they were over: a kind table 四 does not count apart (未发生因逾期答复被申请行政复议的情况,
  涉及征地拆迁信息公开的行政复议) makes it ``qualified``; disclosure itself (因政府信息公开
  被申请行政复议) does not, every case of the table being one over disclosure;
* 均结果维持 after counts of reviews or lawsuits says each of them was upheld; a result
  denied (均未被纠错, 无被纠错案件) is no result of theirs;
* a time word before a count's first word in its clause says when it happened: 上年度 /
  去年同期 / 同期 (``previous``) or a year (2022年收到12件, ``year``), and it goes on dating
  the counts of the sentence's next clauses (上年度收到申请12件，办结10件) until another time
  word (本年度 ends it) or a semicolon. After the verb it dates nothing (结转2024年1件 is
  carried forward), nor in a comparison (与去年相比) or in brackets beyond them. Whether
  that is another year than the report's is for the rules to decide;
* counts are written in digits or in Chinese numerals (十七件, 两件, 一百零五件, read by
  :mod:`xxgk_lint.parse.numerals`).

Only a sentence that holds a count or a "none" word is parsed, and only when a rule asks
for its claims (:attr:`xxgk_lint.parse.ast.Sentence.claims`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from xxgk_lint.format.normalise import close_up, fold_traditional, nfkc
from xxgk_lint.format.prose import (
    APPLICANT_WORDS,
    APPLIED,
    CASE_CAUSES,
    CASE_KINDS,
    CASE_PLAIN,
    CASE_VERBS,
    CHANNELS,
    COUNT_UNITS,
    NO_RESULT,
    NONE_APPLICATIONS_TAIL,
    NONE_KINDS,
    NONE_TAIL,
    PART_OF_YEAR,
    PART_OF_YEAR_MARKS,
    PLAIN_MODIFIER,
    QUALIFIERS,
    REVIEW_DECISION_UNDONE,
    TIMES,
    TOPICS,
)
from xxgk_lint.memo import bounded, compiled
from xxgk_lint.parse._lark_runtime import Lark, Lexer, Token
from xxgk_lint.parse.ast import Span
from xxgk_lint.parse.numerals import NUMERAL, chinese_int
from xxgk_lint.parse.sentences import number_end, number_span
from xxgk_lint.records import NamedTuple  # (typing's, without compiling annotations)

if TYPE_CHECKING:
    from xxgk_lint.parse.ast import Sentence


_new = tuple.__new__  # (named tuples made in C: their own __new__ is Python)


class Claim(NamedTuple):
    """One count a sentence states.

    ``topics`` are the topic keys of the words before the count in its clause (for a
    ``each`` claim, of every clause since the previous count: 复议、诉讼各1件). ``sub``: a
    part of the count before it (其中…); ``delta``: a change, not a total (同比增长10件);
    ``none``: a statement that there were none (未收到申请), ``value`` is then 0.
    ``clause`` is the text of the claim's clause (NFKC-folded), for the rules to see what
    else it speaks of. ``previous``: a word before the count's first word in its clause
    puts it in an earlier year (上年度收到申请12件, 去年同期…); ``year``: the year written
    there (2022年收到12件), which the rules compare with the report's. ``applicants``: the
    columns of table 三 (the format's keys) of the applicants its words name (企业提出的申请:
    ``business``; none named: empty). ``qualified``: its words name a kind of applications
    the tables do not count apart (逾期答复, 需要补正的, 涉及征地拆迁的), or of reviews and
    lawsuits (因逾期答复被申请行政复议): some of them only.
    """

    topics: frozenset[str]
    value: int
    span: Span
    text: str
    sub: bool = False
    delta: bool = False
    each: bool = False
    none: bool = False
    clause: str = ""
    previous: bool = False
    year: int | None = None
    applicants: frozenset[str] = frozenset()
    qualified: bool = False


#: A token's value (its topic key, for a topic word).
_VALUE = attrgetter("value")
#: Where a claim's fields stand in it (see :func:`_with`).
_TOPICS, _PREVIOUS, _YEAR, _QUALIFIED = (
    Claim._fields.index(name) for name in ("topics", "previous", "year", "qualified")
)


def _with(claim: Claim, index: int, value: Any) -> Claim:
    """``claim`` with its field at ``index`` set to ``value``: ``_replace``, in C."""
    return _new(Claim, (*claim[:index], value, *claim[index + 1 :]))


#: Topics that are about something else than what the count is of.
_MARKERS = frozenset({"each", "sub", "delta", "respective"}) | TIMES
#: The topics 分别 gives the counts after it one by one (收到、办结申请分别为22件、21件;
#: 行政复议、行政诉讼分别为1件和2件).
_RESPECTIVE = frozenset(
    {"receive", "close", "carry_in", "carry_out", "review", "litigation", "direct", "after_review"}
)
#: A count closed or carried, in a clause of its own: a total again after 其中….
_TOTAL_AGAIN = frozenset({"close", "carry_in", "carry_out"})
#: Separators after which the time words of the clauses before date nothing.
_END_OF_TIME = frozenset({"；", ";"})
#: A clause that compares with another year (与去年相比) dates no count.
_COMPARISON = ("相比", "对比", "比较", "相较")
#: The results a clause may give the counts before it (均结果维持).
_RESULTS = frozenset({"upheld", "corrected"})
#: Separators that end a breakdown (其中… or a bracket).
_END_OF_PARTS = frozenset({"；", ";", ")", "）"})


_NUMERAL_CHARS = "〇○零一二两三四五六七八九十百千万"
_NOT_IN_NUMERAL = f"(?<![{_NUMERAL_CHARS}第统唯同单逐每之])"


def _first_chars(word: str) -> str:
    """The characters a match of ``word`` (a pattern of the prose vocabulary) can start
    with, for the lexer's look-ahead. The vocabulary's patterns are words with optional
    characters, bracketed classes, escapes, look-arounds and one group of alternatives
    (19|20); a pattern that starts in any other way has no first characters known here,
    and is an error of the vocabulary."""
    word = re.sub(r"^\(\?<!(?:[^()\\]|\\.)*\)", "", word)  # a leading look-behind
    if word.startswith("\\"):
        return word[1]
    if word.startswith("["):
        return word[1 : word.index("]")]
    if word.startswith("(?:"):
        alternatives = word[3 : word.index(")")].split("|")
        return "".join(_first_chars(a) for a in alternatives)
    if not word or word[0] in "()?*+{|.^$":
        raise ValueError(f"no first character known for {word!r}")
    return word[0]


def _words() -> list[tuple[str, str]]:
    """The vocabulary's words and their topics, longest first: the order the lexer tries
    them in."""
    return sorted(
        ((word, topic) for topic, group in TOPICS.items() for word in group),
        key=lambda pair: -len(pair[0]),
    )


@functools.cache
def _group_topics() -> dict[str, str]:
    """The topic of each of the lexer's word groups, by group name."""
    return {f"w{i}": topic for i, (_, topic) in enumerate(_words())}


def _alternation(lookahead: bool = True) -> re.Pattern[str]:
    words = _words()
    # A count starts where a digit run starts, and has at most nine digits: linear on any line.
    # A count in Chinese numerals starts where the run of numerals starts, and not in a word
    # that ends in one (统一, 唯一, 同一, 逐一, 第一 …).
    # (The two counts share their units: one class of CJK characters less to compile.)
    # A count in digits may be grouped by thousands (1,583件; 1，583件 is the same text
    # folded): read whole, not as a separator and 583.
    units = "|".join(COUNT_UNITS)
    parts = [
        f"(?:(?<!\\d)(?P<count>\\d{{1,3}}(?:,\\d{{3}}){{1,3}}(?!\\d)|\\d{{1,9}})"
        f"|{_NOT_IN_NUMERAL}(?P<hanzi>{NUMERAL}))"
        f"[ \\t]*(?:{units})",
        r"(?P<sep>[，,；;。：:）)])",
    ]
    # Each word named by an empty group after it. The words that open with the same plain
    # character are one alternative that opens with it, the rest of each word an
    # alternative inside, in their order: re skips an alternative that starts with another
    # character at once (but enters every one that starts with a group: a group per run of
    # words lexed a third slower), so a position is tried against some fifty first
    # characters, not a hundred words. The same matches: the words of one alternative
    # are all the words that can start at a position holding that character.
    parts += _by_first_character([f"{word}(?P<w{i}>)" for i, (word, _) in enumerate(words)])
    if not lookahead:
        return re.compile("|".join(parts))
    # Every alternative is tried at every position: a look-ahead at the characters that can
    # start one of them skips the others at once (three times faster on long lines).
    firsts = set("0123456789，,；;。：:）)" + _NUMERAL_CHARS)
    for word, _ in words:
        firsts.update(_first_chars(word))
    ahead = "".join(sorted(re.escape(c) for c in firsts))
    return re.compile(f"(?=[{ahead}])(?:{'|'.join(parts)})")


def _opening(word: str) -> str:
    """The plain character a word's pattern opens with, as written (an escape: its two
    characters), or "" for a word that opens with a class, a group or a look-around."""
    if word.startswith("\\"):
        return word[:2]
    return "" if word[0] in "[(" else word[0]


def _by_first_character(words: list[str]) -> list[str]:
    """The alternatives of ``words`` (patterns, tried in this order), those that open with
    the same plain character made one: ``上(?:年度结转…|年结转…)``. Unchanged when a word of
    no plain opening may start with one of those characters: which of them is tried first
    would then change."""
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for word in words:
        opening = _opening(word)
        if opening and word[len(opening) : len(opening) + 1] not in ("?", "*", "+", "{"):
            groups.setdefault(opening, []).append(word[len(opening) :])
        else:
            others.append(word)
    plain = {re.sub(r"^\\", "", opening) for opening in groups}
    if any(set(_first_chars(word)) & plain for word in others):
        return words
    merged = [
        f"{opening}(?:{'|'.join(rests)})" if len(rests) > 1 else opening + rests[0]
        for opening, rests in groups.items()
    ]
    return merged + others


@functools.cache
def _lexer_pattern() -> re.Pattern[str]:
    return _alternation()


class _Tok(NamedTuple):
    """A token of the claims lexer: COUNT (its value the count in digits), SEP (the
    separator) or TOPIC (its topic key), and where it stands in the text."""

    type: str
    value: str
    start: int
    end: int


def _tokens(data: str) -> tuple[_Tok, ...]:
    """The tokens of ``data`` (plain tuples: a Lark token is made only for a parse)."""
    topics = _group_topics()
    out: list[_Tok] = []
    for match in _lexer_pattern().finditer(data):
        group = match.lastgroup or ""
        start, end = match.span()
        # (tokens made by tuple.__new__, in C: a named tuple's own __new__ is Python)
        if group == "count":
            out.append(_new(_Tok, ("COUNT", match.group("count").replace(",", ""), start, end)))
        elif group == "hanzi":
            value = chinese_int(match.group("hanzi"))
            if value is not None:  # 十二三件 is no count
                out.append(_new(_Tok, ("COUNT", str(value), start, end)))
        elif group == "sep":
            out.append(_new(_Tok, ("SEP", match.group(), start, end)))
        else:
            out.append(_new(_Tok, ("TOPIC", topics[group], start, end)))
    return tuple(out)


class ClaimLexer(Lexer):
    """Yields COUNT, SEP and TOPIC tokens (a topic token's value is its topic key) of a
    text, or the tokens given (a list already lexed: see :func:`_shape`)."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: str | list[Token]) -> Iterator[Token]:  # type: ignore[override]
        if not isinstance(data, str):
            yield from data
            return
        new = Token._future_new  # (Token() without its check of deprecated arguments)
        for token in _tokens(data):
            yield new(token.type, token.value, token.start, None, None, None, None, token.end)


@functools.cache
def _parser() -> Lark:
    """The claims grammar's LALR parser: the reference :func:`_shape` is tested against
    (a check reads the tree off the token types and never loads it)."""
    from xxgk_lint.parse.grammar import load_lark

    return load_lark("claims")


#: Words that say there was none: a sentence holding one may state a claim of zero.
_NONE_WORDS = (
    *("未收到", "没有收到", "未发生", "没有发生", "未出现", "不存在", "未有", "无"),
    *("零行政", "零复议", "零诉讼"),  # (零 alone is mostly another word: 零距离, 零障碍)
    *("未因", "没有因"),  # (the none_caused words: 无因 holds 无)
)
#: Each of them after its first character: ``in`` of one character runs at memory speed, of
#: a word some twenty times slower (a paragraph holds 不 or 未 far more often than a word).
_NONE_OPENED = tuple((word[0], word) for word in _NONE_WORDS)
_COUNT_DIGITS = frozenset(_NUMERAL_CHARS)


def _worth_parsing(text: str) -> bool:
    """Whether ``text`` may state a claim: a count (a digit or a Chinese numeral, spaces,
    then 件, 宗 or 起) or a word saying there was none. The same as searching it for
    ``\\d\\s*[件宗起]|[〇…万]\\s*[件宗起]|未收到|…|无``, without compiling that."""
    if any(first in text and word in text for first, word in _NONE_OPENED):
        return True
    for unit in COUNT_UNITS:
        at = text.find(unit)
        while at >= 0:
            before = at - 1
            while before >= 0 and text[before].isspace():
                before -= 1
            if before >= 0 and (text[before].isdecimal() or text[before] in _COUNT_DIGITS):
                return True
            at = text.find(unit, at + 1)
    return False


@bounded(64)  # (a table of its own: XG501 and XG502 ask about the same paragraphs)
def may_state_claims(text: str) -> bool:
    """Whether ``text`` (a paragraph) may hold a sentence that states a claim: a sentence
    that does holds its count or "none" word, and so does its paragraph once folded
    (NFKC never joins the ideographs, digits and spaces of one to their neighbours). A
    paragraph that may not is not split into sentences for its claims. Memoised in a small
    table of its own, not the sentences': a paragraph is asked about once by each rule."""
    text = nfkc(text)
    if _worth_parsing(text):
        return True
    folded_text = fold_traditional(text)  # (the same text when it holds nothing to fold)
    return folded_text is not text and _worth_parsing(folded_text)


def folded(text: str) -> str:
    """NFKC and traditional characters folded, and letter-spaced Chinese closed up (收 到 申
    请 → 收到申请, see :func:`close_up`): the text every reader of prose matches its words
    in. Once per text: NFKC is the slow path for nearly every Chinese sentence (its
    full-width punctuation), and XG501, XG502 and the claims each ask for the same
    sentences."""
    return folded_at(text)[0]


@bounded(2048)
def folded_at(text: str) -> tuple[str, tuple[int, ...] | None]:
    """:func:`folded` ``text``, and where each of its characters is in ``text`` (None: at
    the same place; NFKC and the traditional forms keep the lengths of Chinese text, only
    closing up moves them)."""
    return close_up(fold_traditional(nfkc(text)))


def claims_of(sentence: Sentence) -> tuple[Claim, ...]:
    """The counts ``sentence`` states (empty if it states none)."""
    drafts = _drafts(sentence.text)
    if not drafts:
        return ()
    text = sentence.text
    # (each claim made by tuple.__new__ in C: a named tuple's _replace is Python, and slow)
    return tuple(
        _new(
            Claim,
            (
                claim[0],
                claim[1],
                sentence.span if start is None else _span(sentence, start, end),
                text,
                *claim[4:],
            ),
        )
        for claim, start, end in drafts
    )


#: A claim read from a sentence's text alone, and where its count starts in that text
#: (``None``: a "none" claim, which stands for the whole sentence). Its ``span`` and
#: ``text`` are placeholders until :func:`claims_of` places it in its sentence.
_Draft = tuple[Claim, int | None]
#: A draft with where the digits of its count end in the sentence's text (None: a "none"
#: claim, or a count in Chinese numerals), see :func:`~xxgk_lint.parse.sentences.number_end`.
_Placed = tuple[Claim, int | None, int | None]
_UNPLACED = Span(0, 0, 0, 0)
#: A new claim's last fields, as Claim's defaults give them: previous, year, applicants,
#: qualified.
_UNDATED = (False, None, frozenset[str](), False)


@bounded(1024)
def _drafts(text: str) -> tuple[_Placed, ...]:
    """The claims of a sentence's raw ``text``, read once per text: reports copy the
    template's sentences (本年度未收到政府信息公开申请, 未发生行政复议、行政诉讼情况), and only
    where a claim stands depends on the sentence, not what it says. Parsing and reading a
    sentence cost about as much as the rest of XG501 together."""
    folded_text, at = folded_at(text)
    if not _worth_parsing(folded_text):
        return ()
    tokens = _tokens(folded_text)
    shape = _shape("".join([token.type[0] for token in tokens]))
    if shape is None:
        return ()
    drafts = _Reader(folded_text, tokens).read(shape)
    if at is not None:
        # (letter-spaced prose, 收 到 申 请580件: each count's place back in the sentence's text)
        drafts = [(claim, start if start is None else at[start]) for claim, start in drafts]
    # (where each count's digits end: from the text alone, so found here once per text)
    return tuple(
        (claim, start, None if start is None else number_end(text, start))
        for claim, start in drafts
    )


#: One part of a clause of the claims grammar's tree, by token index: the indices of its
#: topic words and of its count (-1: the topic words after the clause's last count).
_Part = tuple[tuple[int, ...], int]
#: The grammar's tree by token index: a separator's index, or a clause's parts.
_Shape = tuple[int | tuple[_Part, ...], ...]
_TYPES = {"C": "COUNT", "S": "SEP", "T": "TOPIC"}


#: The pieces of the claims grammar's tree in a sentence's token types: a separator, a
#: fact (its topic words, then its count), or a clause's topic words after its last count.
_PIECES = r"S|T*C|T+"


@bounded(512)
def _shape(types: str) -> _Shape | None:
    """The claims grammar's tree of a sentence whose tokens have these ``types`` (their
    initials: C, S, T), by token index. The LALR parser reads a token's type, never its
    value, so the tree of a sentence depends on the types alone; and the grammar
    (``start: clause (SEP clause)*``, ``clause: fact* topics?``, ``fact: topics? COUNT``,
    ``topics: TOPIC+``) is a regular one that every sequence of types matches: its tree is
    read off the types by one regular expression, in C, the same tree the parser makes
    (tests/parse/test_claims.py compares the two on every sequence of up to seven types) for
    a hundredth of the instructions. (Never None: the type is the parser's.)"""
    shape: list[int | tuple[_Part, ...]] = []
    parts: list[_Part] = []
    for piece in compiled(_PIECES).finditer(types):
        start, end = piece.span()
        last = types[end - 1]
        if last == "S":
            shape.append(tuple(parts))
            shape.append(start)
            parts = []
        elif last == "C":
            parts.append((tuple(range(start, end - 1)), end - 1))
        else:
            parts.append((tuple(range(start, end)), -1))
    shape.append(tuple(parts))
    return tuple(shape)


def _span(sentence: Sentence, start: int, end: int | None) -> Span:
    """Where the count at ``start`` is (its digits ending at ``end``, see _Placed): the
    sentence's Number for digits; for Chinese numerals (which the sentence splitter does
    not read) their place on the sentence's line when the sentence is one line written as
    is, else the sentence."""
    number = number_span(sentence, start, end)
    if number is not None:
        return number
    span = sentence.span
    text = sentence.text
    if span.line != span.end_line or span.end_column - span.column != len(text):
        return span
    numeral = compiled(NUMERAL).match(text, start)  # (compiled when first needed)
    end = numeral.end() if numeral else start + 1
    return span._replace(column=span.column + start, end_column=span.column + end)


#: The verbs a modifier of the applications (收到…的申请) starts after.
_VERBS = frozenset({"receive", "handle", "close", "carry_in", "carry_out", "outcome"})
#: The topics of a claim about applications: what XG501 compares.
_OF_APPLICATIONS_TOPICS = _VERBS | {"application"}
#: A 的 that ends a modifier of the applications: 的(政府)(信息公开)申请, 的依申请公开.
_OF_APPLICATIONS = r"的(?=(?:政府)?(?:信息公开)?申请|依申请公开)"
#: A word of a kind the tables do not count apart (:data:`QUALIFIERS`) or a part of the
#: year (:data:`PART_OF_YEAR`): one search in C, where ``in`` of each of the two dozen
#: words in turn cost three times as much (18 K instructions of each claim read).
_OF_A_KIND = "|".join(map(re.escape, QUALIFIERS)) + f"|(?:{PART_OF_YEAR})"


@functools.cache
def _applicants_pattern() -> re.Pattern[str]:
    """Applicants named before their applications: 企业提出的, 公民、法人或其他组织提出的,
    科研机构、社会公益组织申请 (the words one by one: :func:`_applicant_word`)."""
    word = "|".join(sorted(APPLICANT_WORDS, key=len, reverse=True))
    return re.compile(f"(?:{word})(?:(?:[、,和及与或]|或者|以及)?(?:{word}))*(?={APPLIED})")


@functools.cache
def _applicant_word() -> re.Pattern[str]:
    return re.compile("|".join(sorted(APPLICANT_WORDS, key=len, reverse=True)))


#: A character each word :func:`_about` looks for holds (its last), and 的: words that hold
#: none of them (共收到政府信息公开申请, most claims') name no kind and no applicant.
_ABOUT_CHARACTERS = (
    frozenset(word[-1] for word in (*QUALIFIERS, *APPLICANT_WORDS))
    | {"的"}
    | frozenset(PART_OF_YEAR_MARKS)
)
_NOTHING_ABOUT = (frozenset[str](), False)


def _about(
    text: str, start: int, end: int, tokens: tuple[_Tok, ...], times: Sequence[_Tok]
) -> tuple[frozenset[str], bool]:
    """What applications the words of ``text[start:end]`` (a claim's, before its count or
    after its "none" word; ``tokens`` the sentence's, ``times`` its time words) say a
    claim counts: the columns of the applicants named, and whether it is of some kind
    only (:data:`QUALIFIERS`, or a modifier before 的申请 that is no plain one:
    收到涉及征地拆迁的申请)."""
    rest = text[start:end]
    if _ABOUT_CHARACTERS.isdisjoint(rest):  # (in C: most claims)
        return _NOTHING_ABOUT
    columns: set[str] = set()
    named = list(_applicants_pattern().finditer(text, start, end))
    dated = [t for t in times if start <= t.start and t.end <= end]
    if named or dated:  # (the words without the applicants and time words: 本年度收到的)
        words = list(rest)
        for match in named:
            for word in _applicant_word().findall(match.group()):
                columns.update(APPLICANT_WORDS[word])
            begin, stop = match.span()
            words[begin - start : stop - start] = "、" * (stop - begin)
        for token in dated:
            words[token.start - start : token.end - start] = "、" * (token.end - token.start)
        rest = "".join(words)
        if _ABOUT_CHARACTERS.isdisjoint(rest):  # (本年度收到: the time word was all)
            return frozenset(columns), False
    if compiled(_OF_A_KIND).search(rest):  # (a qualifier or a part of the year)
        return frozenset(columns), True
    ends = list(compiled(_OF_APPLICATIONS).finditer(rest))
    if not ends:
        return frozenset(columns), False
    at = ends[-1].start()
    # (the modifier starts after the last verb before its 的: 收到…的, or at the words' start)
    opening = max(
        (
            t.end - start
            for t in tokens
            if t.value in _VERBS and start <= t.start < t.end <= at + start
        ),
        default=0,
    )
    modifier = rest[opening:at].strip()
    if any(word in modifier for word in CHANNELS):
        return frozenset(columns), False  # (how it came in: for the rules to see)
    return frozenset(columns), compiled(PLAIN_MODIFIER).match(modifier) is None


#: The topics of the cases of table 四.
_CASE_TOPICS = frozenset({"review", "litigation", "direct", "after_review"})


def _longest_first(words: tuple[str, ...]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@functools.cache
def _case_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The searches of :func:`_of_a_kind_of_case`: a kind named (or a part of the year), a
    cause opened, the plain words of a cause, a verb."""
    return (
        re.compile(f"{_longest_first(CASE_KINDS)}|{PART_OF_YEAR}"),
        re.compile(_longest_first(CASE_CAUSES)),
        re.compile(f"(?:{_longest_first(CASE_PLAIN)})+"),
        re.compile(_longest_first(CASE_VERBS)),
    )


#: What ends an item of a list before the cases (逾期答复、行政复议): no word of theirs.
_LIST_SEPARATORS = ("、", ",", "和", "及", "与", "或")


def _of_a_kind_of_case(text: str, start: int, end: int, tokens: tuple[_Tok, ...]) -> bool:
    """Whether the words of ``text[start:end]`` (a claim's about reviews or lawsuits, before
    its count or after its "none" word; ``tokens`` the sentence's) count some of the cases
    only, of a kind table 四 does not count apart: what they were over, before the first
    word of a case, names a kind (:data:`CASE_KINDS`: 未发生因逾期答复被申请行政复议的情况),
    or leaves more than the plain words of a cause (:data:`CASE_PLAIN`: 涉及征地拆迁信息公开的
    行政复议). The cause is what follows its opener (因, 涉及 …; after 未因 all of it), or
    the modifier before 的 of the cases (未发生…引起的行政复议); 因政府信息公开被申请行政复议
    is over disclosure, which every case of table 四 is."""
    first = next(
        (t.start for t in tokens if start <= t.start < end and t.value in _CASE_TOPICS), None
    )
    if first is None or first == start:
        return False
    words = text[start:first]
    if words.rstrip().endswith(_LIST_SEPARATORS):
        return False  # (未发生逾期答复、行政复议和行政诉讼: one more thing that did not happen)
    kinds, causes, plain, verbs = _case_patterns()
    if kinds.search(words):
        return True
    if text[start - 1 : start] == "因":  # 未因…, 没有因…, 无因…: all of it is the cause
        cause = words
    elif opened := list(causes.finditer(words)):
        cause = words[opened[-1].end() :]
    elif words.rstrip().endswith("的"):
        verb = list(verbs.finditer(words))
        cause = words[verb[-1].end() :] if verb else words
    else:
        return False
    return plain.sub("", cause) != ""


class _Reader:
    """Reads the clauses of one sentence's tree into claims (see the module docstring)."""

    def __init__(self, text: str, tokens: tuple[_Tok, ...]) -> None:
        self.text = text
        self.tokens = tokens
        self.claims: list[_Draft] = []
        self.since_count: set[str] = set()  # topics since the last count (for 各 N 件)
        self.in_sub = False  # after 其中 (or an opening bracket) every count is a part
        self.clause_start = 0
        self.times: list[_Tok] = []  # the time words of the clause that date its counts
        self.running: _Tok | None = None  # the last of them in the sentence's clauses so far
        #: The sentence's time words (words of a claim that say nothing of its applications).
        self.dated = [token for token in tokens if token.value in TIMES]

    def read(self, shape: _Shape) -> list[_Draft]:
        tokens = self.tokens
        first = 0  # the clause's first token
        for index, child in enumerate(shape):
            if isinstance(child, int):  # a separator
                sep = tokens[child]
                if sep.value in _END_OF_PARTS:
                    self.in_sub = False
                if sep.value in _END_OF_TIME:
                    self.running = None
                self.clause_start = sep.end
                first = child + 1
                continue
            # The clause runs to the next separator: the lexer makes a SEP token of every
            # separator character, so that is the next child, if any.
            following = shape[index + 1] if index + 1 < len(shape) else None
            if isinstance(following, int):
                end, last = tokens[following].start, following
            else:
                end, last = len(self.text), len(tokens)
            self._clause(child, tokens[first:last], self.text[self.clause_start : end])
        return self.claims

    def _clause(self, parts: tuple[_Part, ...], tokens: tuple[_Tok, ...], clause_text: str) -> None:
        if not tokens:
            self.times = []
            return  # (a clause with no word: nothing to read, nothing that dates the next)
        self.times = self._qualifiers(tokens, clause_text)
        every = self.tokens
        trailing: list[_Tok] = []
        if parts[-1][1] < 0:
            trailing = [every[i] for i in parts[-1][0]]
        clause_words: list[_Tok] = []
        before = len(self.claims)
        last_fact = -1  # the index of the clause's last fact
        for index, (_, at) in enumerate(parts):
            if at >= 0:
                last_fact = index
        parts_at = -1 if self.in_sub else len(self.text)  # where a breakdown starts
        for token in tokens:
            if token.value == "sub":
                parts_at = min(parts_at, token.start)
        since = self.clause_start  # where the words of the next count start
        respective = self._respective(parts) if "respective" in map(_VALUE, tokens) else {}
        for index, (indices, at) in enumerate(parts):
            own_words = [every[i] for i in indices]
            clause_words.extend(own_words)
            if at < 0:  # the topic words after the last count
                self.since_count |= set(map(_VALUE, own_words))
                self.in_sub |= "sub" in map(_VALUE, own_words)
                continue
            count = every[at]
            words = set(map(_VALUE, own_words)) - TIMES
            verb = count  # (the first word that is no marker, else the count itself)
            for word in own_words:
                if word.value not in _MARKERS:
                    verb = word
                    break
            if at in respective:
                words = respective[at]
            elif not words and index == last_fact and trailing:
                words = set(map(_VALUE, trailing))  # 另有1件…结转下年度办理
            if "sub" in words:
                self.in_sub = True
            elif words & _TOTAL_AGAIN and "sub" not in map(_VALUE, clause_words):
                self.in_sub = False
            self.since_count |= words
            each = "each" in words
            scope = set(self.since_count) if each else set(words)
            claim = self._claim(count, frozenset(scope), words, each, clause_text)
            claim = self._of(claim, since, count.start)
            since = count.end
            self.claims.append((self._dated(claim, verb), count.start))
            self.since_count = set()
        clause_topics = set(map(_VALUE, clause_words))
        # 均结果维持 gives the counts before it their result; 未发生…被纠错 and 均未被纠错 say
        # none was corrected, which is no result of theirs.
        results = clause_topics & _RESULTS
        if (
            len(self.claims) == before
            and results
            and "none" not in clause_topics
            and not compiled(NO_RESULT).search(clause_text)  # compiled when first needed
        ):
            self._results(results)
        if not clause_topics.isdisjoint(NONE_KINDS):
            self._none(clause_words, clause_text)
        # The clauses after it are dated by its last time word outside a breakdown: (上年度
        # 12件) in brackets dates only itself.
        if self.times:
            outside = [t for t in self.times if t.start < parts_at]
            if outside:
                self.running = outside[-1]

    def _respective(self, parts: tuple[_Part, ...]) -> dict[int, set[str]]:
        """The topics of each count after 分别 in the clause, by its token index: the words
        before 分别 that it shares out (:data:`_RESPECTIVE`), one to each count in turn, with
        the clause's other words (行政复议、行政诉讼案件分别为1件和2件: 1 review, 2 lawsuits);
        one count is each of them (分别为0件, as 各0件). No topic at all when the counts are
        neither one nor as many as those words: what each counts is then unknown (their sum
        is not what the first one counts)."""
        every = self.tokens
        order: list[str] = []
        shared: set[str] = set()
        counts: list[int] = []
        seen = False
        for indices, at in parts:
            for value in (every[i].value for i in indices):
                if value == "respective":
                    seen = True
                elif seen or value in _MARKERS:
                    continue
                elif value in _RESPECTIVE:
                    order += [] if value in order else [value]
                else:
                    shared.add(value)
            if at < 0:
                continue
            if seen:
                counts.append(at)
            else:  # (a count before 分别: the words shared out come after it)
                order, shared = [], set()
        if len(counts) == 1 and order:  # 行政复议、行政诉讼分别为0件: each of them (各)
            return {counts[0]: {*order, *shared, "each"}}
        if len(counts) != len(order):
            return {at: set() for at in counts}
        return {at: {topic, *shared} for at, topic in zip(counts, order, strict=True)}

    def _results(self, results: set[str]) -> None:
        """均结果维持: each count of reviews or lawsuits before it had that result."""
        cases = {"review", "litigation", "direct", "after_review"}
        for claim, start in list(self.claims):
            if claim.none or claim.sub or claim.delta or not claim.topics & cases:
                continue
            if claim.topics & results:
                continue
            self.claims.append((_with(claim, _TOPICS, claim.topics | results), start))

    def _none(self, words: list[_Tok], clause_text: str) -> None:
        """A claim of zero for each "none" word of the clause, about what it says did not
        happen: the topics after it, else (at the clause's end) the topics before it — those
        its kind can be about (:data:`NONE_KINDS`: 未因… only reviews and lawsuits)."""
        nones = [i for i, word in enumerate(words) if word.value in NONE_KINDS]
        for index, word in enumerate(words):
            kind = NONE_KINDS.get(word.value)
            if kind is None:
                continue
            # (the words it denies run to the next "none" word: 无行政复议、无行政诉讼)
            following = next((i for i in nones if i > index), len(words))
            after = set(map(_VALUE, words[index + 1 : following])) & kind
            end = self.clause_start + len(clause_text)
            if following < len(words):
                end = words[following].start
            about = (word.end, end)
            if not after:
                tail_start = word.end - self.clause_start
                tail = clause_text[max(tail_start, 0) :]
                if not compiled(NONE_TAIL).match(tail.strip()):  # (compiled when needed)
                    continue
                after = set(map(_VALUE, words[:index])) & kind
                about = (self.clause_start, word.start)
            if after:
                claim = self._of(self._none_claim(frozenset(after), clause_text), *about)
                if about[0] == word.end and self._of_something_else(claim, *about):
                    claim = _with(claim, _QUALIFIED, True)
                self.claims.append((self._dated(claim, word), None))

    def _of_something_else(self, claim: Claim, start: int, end: int) -> bool:
        """Whether a "none" claim about applications denies something that happens to them,
        not the applications themselves: words follow their last word in ``start``–``end``
        (未发生申请人要求重新答复的情况, 未出现政府信息公开申请被退回的情况, 未收到申请人的
        举报), where 未收到政府信息公开申请 and 未发生依申请公开政府信息的情况 end with them."""
        if claim.qualified or not claim.topics.isdisjoint(_CASE_TOPICS):
            return False
        last = None
        for token in self.tokens:
            if start <= token.start and token.end <= end and token.value == "application":
                last = token
        if last is None:
            return False
        return compiled(NONE_APPLICATIONS_TAIL).match(self.text[last.end : end].strip()) is None

    def _of(self, claim: Claim, start: int, end: int) -> Claim:
        """The claim with what applications its words (``start``–``end`` of the text) say
        it counts (:func:`_about`), if it is a claim about applications at all (not 主动公开
        规章3件); one about reviews or lawsuits is qualified when it counts a kind of them
        (:func:`_of_a_kind_of_case`)."""
        topics = claim.topics
        if not topics.isdisjoint(_CASE_TOPICS):
            if _of_a_kind_of_case(self.text, start, end, self.tokens) or (
                "corrected" in topics
                and compiled(REVIEW_DECISION_UNDONE).search(self.text, start, end)
            ):
                return _with(claim, _QUALIFIED, True)  # (未发生行政复议决定被撤销的情况)
            return claim
        if topics.isdisjoint(_OF_APPLICATIONS_TOPICS):
            return claim
        applicants, qualified = _about(self.text, start, end, self.tokens, self.dated)
        if not applicants and not qualified:
            return claim
        return claim._replace(applicants=applicants, qualified=qualified)

    @staticmethod
    def _qualifiers(tokens: tuple[_Tok, ...], clause_text: str) -> list[_Tok]:
        """The time words of the clause that stand before the first word of their count
        (上年度收到申请12件; not 结转2024年1件, where the year is where the count went); none
        in a comparison (与去年相比)."""
        if TIMES.isdisjoint(map(_VALUE, tokens)):
            return []  # (most clauses: no time word, told in C)
        found: list[_Tok] = []
        worded = False  # a word of the count has been seen since the last count
        for token in tokens:
            if token.type == "COUNT":
                worded = False
            elif token.value in TIMES:
                if not worded:
                    found.append(token)
            elif token.value not in _MARKERS:
                worded = True
        if found and any(word in clause_text for word in _COMPARISON):
            return []
        return found

    def _dated(self, claim: Claim, verb: _Tok) -> Claim:
        """The claim with the time word that dates it: the last before its verb in its
        clause, else the last of the sentence's clauses before (上年度收到申请12件，办结10件)."""
        at = verb.start
        last = self.running
        for token in self.times:
            if token.start < at:
                last = token
        if last is None or last.value == "current":
            return claim
        if last.value == "previous":
            return _with(claim, _PREVIOUS, True)
        written = self.text[last.start : last.end].rstrip("年 \t")
        year = int(written) if written.isdigit() else chinese_int(written)
        return _with(claim, _YEAR, year)

    def _claim(
        self, count: _Tok, scope: frozenset[str], topics: set[str], each: bool, clause: str
    ) -> Claim:
        # (Claim(topics=…, …) made in C: a named tuple's keywords cost a Python call)
        fields = (scope - _MARKERS, int(count.value), _UNPLACED, "", self.in_sub)
        return _new(Claim, (*fields, "delta" in topics, each, False, clause, *_UNDATED))

    def _none_claim(self, topics: frozenset[str], clause: str) -> Claim:
        fields = (topics - _MARKERS, 0, _UNPLACED, "", False, False, False, True, clause)
        return _new(Claim, (*fields, *_UNDATED))
