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
  can be "none" (未发生逾期答复情况 and 未发生收费情况 say nothing of the tables);
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
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from xxgk_lint.format.normalise import fold_traditional, nfkc
from xxgk_lint.format.prose import (
    COUNT_UNITS,
    NO_RESULT,
    NONE_TAIL,
    NONE_TOPICS,
    TIMES,
    TOPICS,
)
from xxgk_lint.memo import bounded, compiled
from xxgk_lint.parse._lark_runtime import Lark, LarkError, Lexer, Token, Tree
from xxgk_lint.parse.ast import Span
from xxgk_lint.parse.numerals import NUMERAL, chinese_int

if TYPE_CHECKING:
    from xxgk_lint.parse.ast import Sentence


class Claim(NamedTuple):
    """One count a sentence states.

    ``topics`` are the topic keys of the words before the count in its clause (for a
    ``each`` claim, of every clause since the previous count: 复议、诉讼各1件). ``sub``: a
    part of the count before it (其中…); ``delta``: a change, not a total (同比增长10件);
    ``none``: a statement that there were none (未收到申请), ``value`` is then 0.
    ``clause`` is the text of the claim's clause (NFKC-folded), for the rules to see what
    else it speaks of. ``previous``: a word before the count's first word in its clause
    puts it in an earlier year (上年度收到申请12件, 去年同期…); ``year``: the year written
    there (2022年收到12件), which the rules compare with the report's.
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


#: Topics that are about something else than what the count is of.
_MARKERS = frozenset({"each", "sub", "delta"}) | TIMES
#: A count closed or carried, in a clause of its own: a total again after 其中….
_TOTAL_AGAIN = frozenset({"close", "carry_in", "carry_out"})
#: Separators after which the time words of the clauses before date nothing.
_END_OF_TIME = frozenset({"；", ";"})
#: A clause that compares with another year (与去年相比) dates no count.
_COMPARISON = ("相比", "对比", "比较", "相较")
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


def _runs() -> list[tuple[str, list[str]]]:
    """The vocabulary's words longest first, each run of words of one topic together: the
    order the lexer tries them in. One group per run, not per word, matches the same (the
    alternatives keep their order) and lexes twice as fast (fewer group marks to keep)."""
    words = sorted(
        ((word, topic) for topic, group in TOPICS.items() for word in group),
        key=lambda pair: -len(pair[0]),
    )
    runs: list[tuple[str, list[str]]] = []
    for word, topic in words:
        if runs and runs[-1][0] == topic:
            runs[-1][1].append(word)
        else:
            runs.append((topic, [word]))
    return runs


@functools.cache
def _group_topics() -> dict[str, str]:
    """The topic of each of the lexer's topic groups, by group name."""
    return {f"t{i}": topic for i, (topic, _) in enumerate(_runs())}


def _alternation(lookahead: bool = True) -> re.Pattern[str]:
    runs = _runs()
    # A count starts where a digit run starts, and has at most nine digits: linear on any line.
    # A count in Chinese numerals starts where the run of numerals starts, and not in a word
    # that ends in one (统一, 唯一, 同一, 逐一, 第一 …).
    units = "|".join(COUNT_UNITS)
    parts = [
        f"(?<!\\d)(?P<count>\\d{{1,9}})[ \\t]*(?:{units})",
        f"{_NOT_IN_NUMERAL}(?P<hanzi>{NUMERAL})[ \\t]*(?:{units})",
        r"(?P<sep>[，,；;。：:）)])",
    ]
    parts += [f"(?P<t{i}>{'|'.join(words)})" for i, (_, words) in enumerate(runs)]
    if not lookahead:
        return re.compile("|".join(parts))
    # Every alternative is tried at every position: a look-ahead at the characters that can
    # start one of them skips the others at once (three times faster on long lines).
    firsts = set("0123456789，,；;。：:）)" + _NUMERAL_CHARS)
    for _, words in runs:
        for word in words:
            firsts.update(_first_chars(word))
    ahead = "".join(sorted(re.escape(c) for c in firsts))
    return re.compile(f"(?=[{ahead}])(?:{'|'.join(parts)})")


@functools.cache
def _lexer_pattern() -> re.Pattern[str]:
    return _alternation()


class ClaimLexer(Lexer):
    """Yields COUNT, SEP and TOPIC tokens (a topic token's value is its topic key)."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: str) -> Iterator[Token]:  # type: ignore[override]
        pattern, topics = _lexer_pattern(), _group_topics()
        new = Token._future_new  # (Token() without its check of deprecated arguments)
        for match in pattern.finditer(data):
            group = match.lastgroup or ""
            start, end = match.span()
            if group == "count":
                yield new("COUNT", match.group("count"), start, None, None, None, None, end)
            elif group == "hanzi":
                value = chinese_int(match.group("hanzi"))
                if value is not None:  # 十二三件 is no count
                    yield new("COUNT", str(value), start, None, None, None, None, end)
            elif group == "sep":
                yield new("SEP", match.group(), start, None, None, None, None, end)
            else:
                yield new("TOPIC", topics[group], start, None, None, None, None, end)


@functools.cache
def _parser() -> Lark:
    from xxgk_lint.parse.grammar import load_lark

    return load_lark("claims")


#: Words that say there was none: a sentence holding one may state a claim of zero.
_NONE_WORDS = ("未收到", "没有收到", "未发生", "没有发生", "未出现", "不存在", "未有", "无")
_COUNT_DIGITS = frozenset(_NUMERAL_CHARS)
_NONE_TAIL = re.compile(NONE_TAIL)
_NUMERAL = re.compile(NUMERAL)


def _worth_parsing(text: str) -> bool:
    """Whether ``text`` may state a claim: a count (a digit or a Chinese numeral, spaces,
    then 件, 宗 or 起) or a word saying there was none. The same as searching it for
    ``\\d\\s*[件宗起]|[〇…万]\\s*[件宗起]|未收到|…|无``, without compiling that."""
    if any(word in text for word in _NONE_WORDS):
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


@bounded(2048)
def folded(text: str) -> str:
    """NFKC and traditional characters folded (the lengths of CJK text are kept). Once per
    text: NFKC is the slow path for nearly every Chinese sentence (its full-width
    punctuation), and XG501, XG502 and the claims each ask for the same sentences."""
    return fold_traditional(nfkc(text))


def claims_of(sentence: Sentence) -> tuple[Claim, ...]:
    """The counts ``sentence`` states (empty if it states none)."""
    drafts = _drafts(sentence.text)
    if not drafts:
        return ()
    text = sentence.text
    return tuple(
        claim._replace(span=sentence.span if start is None else _span(sentence, start), text=text)
        for claim, start in drafts
    )


#: A claim read from a sentence's text alone, and where its count starts in that text
#: (``None``: a "none" claim, which stands for the whole sentence). Its ``span`` and
#: ``text`` are placeholders until :func:`claims_of` places it in its sentence.
_Draft = tuple[Claim, int | None]
_UNPLACED = Span(0, 0, 0, 0)


@bounded(1024)
def _drafts(text: str) -> tuple[_Draft, ...]:
    """The claims of a sentence's raw ``text``, read once per text: reports copy the
    template's sentences (本年度未收到政府信息公开申请, 未发生行政复议、行政诉讼情况), and only
    where a claim stands depends on the sentence, not what it says. Parsing and reading a
    sentence cost about as much as the rest of XG501 together."""
    folded_text = folded(text)
    if not _worth_parsing(folded_text):
        return ()
    try:
        tree = _parser().parse(folded_text)
    except LarkError:
        return ()
    return tuple(_Reader(folded_text).read(tree))


def _span(sentence: Sentence, start: int) -> Span:
    """Where the count at ``start`` is: the sentence's Number for digits; for Chinese
    numerals (which the sentence splitter does not read) their place on the sentence's
    line when the sentence is one line written as is, else the sentence."""
    for number in sentence.numbers:
        if number.offset == start:
            return number.span
    span = sentence.span
    text = sentence.text
    if span.line != span.end_line or span.end_column - span.column != len(text):
        return span
    numeral = _NUMERAL.match(text, start)
    end = numeral.end() if numeral else start + 1
    return span._replace(column=span.column + start, end_column=span.column + end)


def _leaves(tree: Tree[Token]) -> list[Token]:
    """The tokens of ``tree`` in order (``scan_values`` without its nested generators: a
    clause is read for them three times)."""
    out: list[Token] = []
    for child in tree.children:
        if isinstance(child, Tree):
            out.extend(_leaves(child))
        else:
            out.append(child)
    return out


class _Reader:
    """Reads the clauses of one sentence's tree into claims (see the module docstring)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.claims: list[_Draft] = []
        self.since_count: set[str] = set()  # topics since the last count (for 各 N 件)
        self.in_sub = False  # after 其中 (or an opening bracket) every count is a part
        self.clause_start = 0
        self.times: list[Token] = []  # the time words of the clause that date its counts
        self.running: Token | None = None  # the last of them in the sentence's clauses so far

    def read(self, tree: Tree[Token]) -> list[_Draft]:
        children = tree.children
        for index, child in enumerate(children):
            if isinstance(child, Token):  # a separator
                if child.value in _END_OF_PARTS:
                    self.in_sub = False
                if child.value in _END_OF_TIME:
                    self.running = None
                self.clause_start = child.end_pos or self.clause_start
                continue
            # The clause runs to the next separator: the lexer makes a SEP token of every
            # separator character, so that is the next child, if any.
            following = children[index + 1] if index + 1 < len(children) else None
            end = following.start_pos if isinstance(following, Token) else None
            text = self.text[self.clause_start : len(self.text) if end is None else end]
            self._clause(child, _leaves(child), text)
        return self.claims

    def _clause(self, clause: Tree[Token], tokens: list[Token], clause_text: str) -> None:
        parts = [p for p in clause.children if isinstance(p, Tree)]
        trailing: list[Token] = []
        if parts and parts[-1].data == "topics":
            trailing = [t for t in parts[-1].children if isinstance(t, Token)]
        clause_words: list[Token] = []
        before = len(self.claims)
        facts = [p for p in parts if p.data == "fact"]
        self.times = self._qualifiers(tokens, clause_text)
        parts_at = -1 if self.in_sub else len(self.text)  # where a breakdown starts
        for token in tokens:
            if token.value == "sub":
                parts_at = min(parts_at, token.start_pos or 0)
        for part in parts:
            if part.data == "topics":
                topic_words = [t for t in part.children if isinstance(t, Token)]
                clause_words.extend(topic_words)
                self.since_count |= {t.value for t in topic_words}
                self.in_sub |= any(t.value == "sub" for t in topic_words)
                continue
            own = [t for sub in part.children if isinstance(sub, Tree) for t in sub.children]
            own_words = [t for t in own if isinstance(t, Token)]
            clause_words.extend(own_words)
            count = next(t for t in part.children if isinstance(t, Token))
            words = {t.value for t in own_words} - TIMES
            verb = next((t for t in own_words if t.value not in _MARKERS), count)
            if not words and part is facts[-1] and trailing:
                words = {t.value for t in trailing}  # 另有1件…结转下年度办理
            if "sub" in words:
                self.in_sub = True
            elif words & _TOTAL_AGAIN and "sub" not in {t.value for t in clause_words}:
                self.in_sub = False
            self.since_count |= words
            each = "each" in words
            scope = set(self.since_count) if each else set(words)
            claim = self._claim(count, frozenset(scope), words, each, clause_text)
            self.claims.append((self._dated(claim, verb), count.start_pos or 0))
            self.since_count = set()
        clause_topics = {t.value for t in clause_words}
        # 均结果维持 gives the counts before it their result; 未发生…被纠错 and 均未被纠错 say
        # none was corrected, which is no result of theirs.
        results = clause_topics & {"upheld", "corrected"}
        if (
            len(self.claims) == before
            and results
            and "none" not in clause_topics
            and not compiled(NO_RESULT).search(clause_text)  # compiled when first needed
        ):
            self._results(results)
        self._none(clause_words, clause_text)
        # The clauses after it are dated by its last time word outside a breakdown: (上年度
        # 12件) in brackets dates only itself.
        outside = [t for t in self.times if (t.start_pos or 0) < parts_at]
        if outside:
            self.running = outside[-1]

    def _results(self, results: set[str]) -> None:
        """均结果维持: each count of reviews or lawsuits before it had that result."""
        cases = {"review", "litigation", "direct", "after_review"}
        for claim, start in list(self.claims):
            if claim.none or claim.sub or claim.delta or not claim.topics & cases:
                continue
            if claim.topics & results:
                continue
            self.claims.append((claim._replace(topics=claim.topics | results), start))

    def _none(self, words: list[Token], clause_text: str) -> None:
        """A claim of zero for each "none" word of the clause, about what it says did not
        happen: the topics after it, else (at the clause's end) the topics before it."""
        for index, word in enumerate(words):
            if word.value != "none":
                continue
            after = {t.value for t in words[index + 1 :]} & NONE_TOPICS
            if not after:
                tail_start = (word.end_pos or 0) - self.clause_start
                tail = clause_text[max(tail_start, 0) :]
                if not _NONE_TAIL.match(tail.strip()):
                    continue
                after = {t.value for t in words[:index]} & NONE_TOPICS
            if after:
                claim = self._none_claim(frozenset(after), clause_text)
                self.claims.append((self._dated(claim, word), None))

    @staticmethod
    def _qualifiers(tokens: list[Token], clause_text: str) -> list[Token]:
        """The time words of the clause that stand before the first word of their count
        (上年度收到申请12件; not 结转2024年1件, where the year is where the count went); none
        in a comparison (与去年相比)."""
        if any(word in clause_text for word in _COMPARISON):
            return []
        found: list[Token] = []
        worded = False  # a word of the count has been seen since the last count
        for token in tokens:
            if token.type == "COUNT":
                worded = False
            elif token.value in TIMES:
                if not worded:
                    found.append(token)
            elif token.value not in _MARKERS:
                worded = True
        return found

    def _dated(self, claim: Claim, verb: Token) -> Claim:
        """The claim with the time word that dates it: the last before its verb in its
        clause, else the last of the sentence's clauses before (上年度收到申请12件，办结10件)."""
        at = verb.start_pos or 0
        last = self.running
        for token in self.times:
            if (token.start_pos or 0) < at:
                last = token
        if last is None or last.value == "current":
            return claim
        if last.value == "previous":
            return claim._replace(previous=True)
        written = self.text[last.start_pos or 0 : last.end_pos or 0].rstrip("年 \t")
        year = int(written) if written.isdigit() else chinese_int(written)
        return claim._replace(year=year)

    def _claim(
        self, count: Token, scope: frozenset[str], topics: set[str], each: bool, clause: str
    ) -> Claim:
        return Claim(
            topics=scope - _MARKERS,
            value=int(count.value),
            span=_UNPLACED,
            text="",
            sub=self.in_sub,
            delta="delta" in topics,
            each=each,
            none=False,
            clause=clause,
        )

    def _none_claim(self, topics: frozenset[str], clause: str) -> Claim:
        return Claim(
            topics=topics - _MARKERS,
            value=0,
            span=_UNPLACED,
            text="",
            none=True,
            clause=clause,
        )
