"""The counts a sentence states about the tables, read with ``grammar/claims.lark``.

"共收到政府信息公开申请22件，其中线上申请3件，办结20件" states three counts: 22 received
applications, 3 of them online (a part, not a total), 20 closed. A lexer finds the counts
(N件, N宗, N起), the clause separators and the topic words of the prose vocabulary
(:mod:`xxgk_lint.format.prose`); the grammar groups each count with the topic words before
it in its clause. Which table cells a claim may mean is for the rules that compare prose
with tables (XG501, XG502) to decide.

Only a sentence that holds a count or a "none" word is parsed, and only when a rule asks
for its claims (:attr:`xxgk_lint.parse.ast.Sentence.claims`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from lark import Lark, Token, Tree
from lark.exceptions import LarkError
from lark.lexer import Lexer

from xxgk_lint.format.prose import COUNT_UNITS, TOPICS

if TYPE_CHECKING:
    from xxgk_lint.parse.ast import Sentence, Span


class Claim(NamedTuple):
    """One count a sentence states.

    ``topics`` are the topic keys of the words before the count in its clause (for a
    ``each`` claim, of every clause since the previous count: 复议、诉讼各1件). ``sub``: a
    part of the count before it (其中…); ``delta``: a change, not a total (同比增长10件);
    ``none``: a statement that there were none (未收到申请), ``value`` is then 0.
    """

    topics: frozenset[str]
    value: int
    span: Span
    text: str
    sub: bool = False
    delta: bool = False
    each: bool = False
    none: bool = False


def _alternation() -> re.Pattern[str]:
    words = sorted(
        ((word, topic) for topic, group in TOPICS.items() for word in group),
        key=lambda pair: -len(pair[0]),
    )
    # A count starts where a digit run starts, and has at most nine digits: linear on any line.
    units = "|".join(COUNT_UNITS)
    parts = [f"(?<!\\d)(?P<count>\\d{{1,9}})[ \\t]*(?:{units})", r"(?P<sep>[，,；;。：:])"]
    parts += [f"(?P<t_{topic}_{i}>{word})" for i, (word, topic) in enumerate(words)]
    return re.compile("|".join(parts))


@functools.cache
def _lexer_pattern() -> re.Pattern[str]:
    return _alternation()


class ClaimLexer(Lexer):
    """Yields COUNT, SEP and TOPIC tokens (a topic token's value is its topic key)."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: str) -> Iterator[Token]:  # type: ignore[override]
        for match in _lexer_pattern().finditer(data):
            group = match.lastgroup or ""
            start = match.start()
            if group == "count":
                yield Token("COUNT", match.group("count"), start_pos=start, end_pos=match.end())
            elif group == "sep":
                yield Token("SEP", match.group(), start_pos=start, end_pos=match.end())
            else:
                topic = group[2:].rsplit("_", 1)[0]
                yield Token("TOPIC", topic, start_pos=start, end_pos=match.end())


@functools.cache
def _parser() -> Lark:
    from xxgk_lint.parse.grammar import load_lark

    return load_lark("claims")


_WORTH_PARSING = re.compile(r"\d\s*[件宗起]|未收到|没有收到|未发生|没有发生|未出现|不存在|未有|无")


def claims_of(sentence: Sentence) -> tuple[Claim, ...]:
    """The counts ``sentence`` states (empty if it states none)."""
    text = unicodedata.normalize("NFKC", sentence.text)
    if not _WORTH_PARSING.search(text):
        return ()
    try:
        tree = _parser().parse(text)
    except LarkError:
        return ()
    claims: list[Claim] = []
    since_count: set[str] = set()  # topics since the last count (for 各 N 件)
    in_sub = False  # after 其中 (or an opening bracket) every count is a part
    for clause in tree.children:
        if not isinstance(clause, Tree):
            continue
        clause_topics: set[str] = set()
        for part in clause.children:
            if not isinstance(part, Tree):
                continue
            if part.data == "topics":
                words = {str(t) for t in part.children}
                in_sub |= "sub" in words
                clause_topics |= words
                since_count |= words
                continue
            words = {str(t) for sub in part.children if isinstance(sub, Tree) for t in sub.children}
            in_sub |= "sub" in words
            count = next(t for t in part.children if isinstance(t, Token))
            since_count |= words
            each = "each" in words
            scope = set(since_count) if each else set(words)
            claims.append(_claim(sentence, count, frozenset(scope), words, each, in_sub))
            since_count = set()
            clause_topics = set()
        if "upheld" in clause_topics and claims and not claims[-1].none:
            # 办理行政复议、诉讼各1件，均结果维持: the counts before were all upheld.
            last = claims[-1]
            claims.append(last._replace(topics=last.topics | {"upheld"}))
        if "none" in clause_topics and clause_topics - {"none"}:
            claims.append(_none_claim(sentence, clause_topics))
    return tuple(claims)


def _number(sentence: Sentence, offset: int) -> Any:
    """The Number of the sentence at ``offset`` (its span points at the digits)."""
    for number in sentence.numbers:
        if number.offset == offset:
            return number
    return None


def _claim(
    sentence: Sentence,
    count: Token,
    scope: frozenset[str],
    topics: set[str],
    each: bool,
    sub: bool,
) -> Claim:
    offset = count.start_pos or 0
    number = _number(sentence, offset)
    span = number.span if number is not None else sentence.span
    return Claim(
        topics=scope - {"each", "sub", "delta"},
        value=int(str(count)),
        span=span,
        text=sentence.text,
        sub=sub,
        delta="delta" in topics,
        each=each,
        none=False,
    )


def _none_claim(sentence: Sentence, topics: set[str]) -> Claim:
    return Claim(
        topics=frozenset(topics - {"none", "each", "sub", "delta"}),
        value=0,
        span=sentence.span,
        text=sentence.text,
        none=True,
    )
