"""The readings written without a regular expression (compiling one cost every start more
than all its uses) read exactly what the expression they replace reads: each is checked
against it, on every string of a small alphabet and on every line of the corpus.
Also: a sentence's numbers are found when first asked for, and are the same."""

from __future__ import annotations

import gc
import itertools
import pickle
import re
import weakref

import pytest

from tests.conftest import FIXTURES
from tests.parse.test_claims import _corpus
from xxgk_lint.parse import parse_path
from xxgk_lint.parse.ast import Paragraph, Piece, Sentence, Span
from xxgk_lint.parse.claims import _worth_parsing, folded
from xxgk_lint.parse.metadata import section_number
from xxgk_lint.parse.sentences import _marker_end, is_subheading_line, split_sentences

#: What each replaced (from the module's history): the readings must stay these.
MARKER = re.compile(
    r"^[ \t\u3000]*(?:[(（][一二三四五六七八九十\d]{1,3}[)）](?![项條条款目])"
    r"|[一二三四五六七八九十]{1,3}(?:[、.．]|是(?=\S))|\d{1,2}(?:[.．](?![\d.．])|、)"
    r"|[①-⑳]|其[一二三四五六七八九])"
)
SECTION_NUMBER = re.compile(r"^(?:#+\s*)?(?:\*\*)?(?:第)?([一二三四五六七八])")
WORTH_PARSING = re.compile(
    r"\d\s*[件宗起]|[〇○零一二两三四五六七八九十百千万]\s*[件宗起]"
    r"|未收到|没有收到|未发生|没有发生|未出现|不存在|未有|无|零行政|零复议|零诉讼"
)
END = re.compile(r"[。；;！!？?]+[”\"’'）)】」』]{0,3}")
COMMA = re.compile(r"[，,、；;：:]")


def _strings(alphabet: str, longest: int) -> list[str]:
    return [
        "".join(combo)
        for length in range(longest + 1)
        for combo in itertools.product(alphabet, repeat=length)
    ]


def _marker(line: str) -> int:
    match = MARKER.match(line)
    return match.end() if match else -1


def test_the_list_marker_reads_as_its_expression_on_every_short_string() -> None:
    # Every character class of the expression, its neighbours (⑴ is no ①-⑳, ٣ is a
    # decimal digit), spaces of each kind, and characters that end nothing.
    strings = _strings("（(）)一十5٣、.．是项其九①⑳⑴ \u3000x", 4)
    assert len(strings) > 100_000
    for line in strings:
        assert _marker_end(line) == _marker(line), repr(line)


@pytest.mark.parametrize(
    ("line", "end"),
    [
        ("（一）主动公开情况", 3),
        ("  (12)其他", 6),
        ("第二十条第（一）项规定", -1),
        ("（一）项", -1),
        ("一、总体情况", 2),
        ("三是加强培训", 2),
        ("三是 加强", -1),
        ("1.政策解读", 2),
        ("1.5万元", -1),
        ("12、", 3),
        ("123、", -1),
        ("①建立制度", 1),
        ("其二，", 2),
        ("其十", -1),
        ("", -1),
    ],
)
def test_list_markers(line: str, end: int) -> None:
    assert _marker_end(line) == end == _marker(line)


def test_the_list_marker_reads_as_its_expression_on_the_corpus() -> None:
    lines = _corpus()
    assert len(lines) > 1000
    for line in lines:
        assert _marker_end(line) == _marker(line), line


def _subheading(line: str) -> bool:
    match = MARKER.match(line)
    if match is None:
        return False
    text = line.strip()
    return len(text) < 30 and not END.search(text) and not COMMA.search(line[match.end() :])


def test_a_subheading_line_reads_as_before() -> None:
    lines = [*_corpus(), "（一）存在问题", "1.政策解读", "（二）改进情况。", "一、内容，如下"]
    assert sum(map(is_subheading_line, lines)) > 20
    for line in lines:
        assert is_subheading_line(line) == _subheading(line), line


def _section_number(heading: str) -> str | None:
    match = SECTION_NUMBER.match(heading.strip())
    return match.group(1) if match else None


def test_the_section_numeral_reads_as_its_expression() -> None:
    strings = _strings("# \t\u3000*第一八九x、\n", 5)
    assert len(strings) > 100_000
    for heading in [*strings, *_corpus()]:
        assert section_number(heading) == _section_number(heading), repr(heading)
    assert section_number("## 二、主动公开") == "二"
    assert section_number("**第三部分") == "三"
    assert section_number("九、") is None


def test_a_sentence_worth_parsing_for_claims_reads_as_its_expression() -> None:
    strings = _strings("1 \u3000件宗起两十未收到无x", 4)
    texts = [*strings, *(folded(line) for line in _corpus())]
    assert sum(map(_worth_parsing, texts)) > 1000
    for text in texts:
        assert _worth_parsing(text) == bool(WORTH_PARSING.search(text)), repr(text)


def _paragraph(text: str, line: int = 3, column: int = 5) -> Paragraph:
    return Paragraph(text, Span(line, column, line, column + len(text)), (Piece(0, line, column),))


def test_a_sentences_numbers_are_found_when_asked_for() -> None:
    paragraph = _paragraph("本年度共收到申请22件，办结1,234件。 上年结转3.5万元")
    first, second = split_sentences(paragraph)
    assert not isinstance(vars(first)["_numbers"], tuple)  # not found yet
    assert [(n.value, n.text, n.unit, n.offset) for n in first.numbers] == [
        (22, "22", "件", 8),
        (1234, "1,234", "件", 14),
    ]
    assert [n.span for n in first.numbers] == [Span(3, 13, 3, 15), Span(3, 19, 3, 24)]
    assert isinstance(vars(first)["_numbers"], tuple)  # found once, then kept
    assert second.span == Span(3, 27, 3, 36)
    (amount,) = second.numbers
    assert (str(amount.value), amount.unit, amount.span) == ("3.5", "万元", Span(3, 31, 3, 34))
    # The same sentence made with its numbers given is equal to it.
    assert first == Sentence(first.text, first.span, first.numbers, first.section)
    assert Sentence("无", Span(1, 1, 1, 2)).numbers == ()


def test_a_split_report_pickles_with_its_numbers() -> None:
    report = parse_path(FIXTURES / "samples" / "clean-pipe.txt")
    sentences = report.sentences  # split: the numbers are not found yet
    again = pickle.loads(pickle.dumps(report))
    assert [s.numbers for s in again.sentences] == [s.numbers for s in sentences]
    assert sum(len(s.numbers) for s in sentences) == 10


def _split_and_drop(paragraph: Paragraph) -> tuple[weakref.ref[Paragraph], list[Sentence]]:
    sentences = split_sentences(paragraph)
    paragraph.__dict__["sentences"] = sentences  # as its cached property keeps them
    return weakref.ref(paragraph), list(sentences)


def test_a_split_paragraph_goes_with_its_last_reference() -> None:
    """Its sentences' pending numbers do not hold the paragraph that holds them: no
    reference cycle, so a report's paragraphs are freed with it, not by the garbage
    collector; the numbers are still found, where they stand, once the paragraph is gone."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        single, one = _split_and_drop(_paragraph("本年度共收到申请22件，办结1,234件。"))
        wrapped, two = _split_and_drop(
            Paragraph(
                "本年度共收到申请22件，办结12件。",
                Span(3, 5, 4, 7),
                (Piece(0, 3, 5), Piece(12, 4, 1)),  # 本年度共收到申请22件，| 办结12件。
            )
        )
        freed = (single() is None, wrapped() is None)
    finally:
        if enabled:
            gc.enable()
    assert freed == (True, True)
    assert [(n.value, n.span) for s in one for n in s.numbers] == [
        (22, Span(3, 13, 3, 15)),
        (1234, Span(3, 19, 3, 24)),
    ]
    assert [(n.value, n.span) for s in two for n in s.numbers] == [
        (22, Span(3, 13, 3, 15)),
        (12, Span(4, 3, 4, 5)),
    ]
