"""Where a run of prose lines is cut into paragraphs (parse.sentences.paragraph_starts)."""

from __future__ import annotations

from pathlib import Path

from xxgk_lint.parse import parse_path
from xxgk_lint.parse.sentences import paragraph_starts

CLEAN = Path(__file__).parents[1] / "rules" / "cases" / "reports" / "clean.txt"
PROBLEMS = "（一）存在问题。政策解读形式较为单一，部分栏目更新不及时。（二）改进措施。丰富解读形式。建立栏目更新台账。\n"


def test_a_sub_heading_line_ends_its_paragraph() -> None:
    assert paragraph_starts(["（一）存在问题", "1.政策解读形式较为单一。"]) == [1]
    assert paragraph_starts(["一是加强学习", "本机关组织培训两次。"]) == [1]


def test_an_item_after_a_short_line_starts_a_paragraph() -> None:
    assert paragraph_starts(["主要有以下问题，", "2.部分栏目更新不及时。"]) == [1]


def test_a_sentence_wrapped_at_the_page_width_stays_joined() -> None:
    wide = "本机关严格按照《中华人民共和国政府信息公开条例》及第二十条第"
    assert len(wide) >= 30
    assert paragraph_starts([wide, "（一）项的规定主动公开规章。"]) == []
    assert paragraph_starts([wide, "1.政策解读形式较为单一。"]) == []
    # a legal reference or a decimal is no list marker, even after a short line
    assert paragraph_starts(["依据第二十条第", "（一）项规定公开。"]) == []
    assert paragraph_starts(["共收到申请", "1.5万件。"]) == []


def test_sub_headings_and_items_of_section_five_are_paragraphs(tmp_path) -> None:
    items = "（一）存在问题\n1.政策解读形式较为单一。\n2.部分栏目更新不及时。\n（二）改进情况\n"
    path = tmp_path / "items.txt"
    path.write_text(CLEAN.read_text(encoding="utf-8").replace(PROBLEMS, items), encoding="utf-8")
    section = parse_path(path).section("problems")
    assert section is not None
    assert [(p.span.line, p.text) for p in section.paragraphs] == [
        (55, "（一）存在问题"),
        (56, "1.政策解读形式较为单一。"),
        (57, "2.部分栏目更新不及时。"),
        (58, "（二）改进情况"),
    ]


def test_a_split_sentence_equals_one_made_by_its_constructor() -> None:
    from xxgk_lint.parse.ast import Number, Paragraph, Piece, Sentence, Span
    from xxgk_lint.parse.sentences import split_sentences

    text = "共收到申请22件。 办结20件；"
    paragraph = Paragraph(text, Span(3, 5, 3, 5 + len(text)), (Piece(0, 3, 5),), "overview")
    first, second = split_sentences(paragraph)
    assert vars(first).keys() == vars(Sentence("x", Span(1, 1, 1, 2), (), None)).keys()
    twenty = Number(20, "20", "件", Span(3, 17, 3, 19), 2)
    assert second == Sentence("办结20件；", Span(3, 15, 3, 21), (twenty,), "overview")
    assert first.text == "共收到申请22件。" and first.span == Span(3, 5, 3, 14)
    assert [(n.value, n.span) for n in first.numbers] == [(22, Span(3, 10, 3, 12))]
    assert paragraph.sentences == (first, second)
    assert paragraph.sentences is paragraph.sentences


def test_the_texts_and_spans_of_one_line_are_those_of_its_split_sentences() -> None:
    """``one_line_sentences`` (what XG603 reads without making sentences) gives the texts
    and spans ``split_sentences`` gives a paragraph of one line: blanks around sentences,
    runs of ends and closers, blank chunks, no end at all; None for other paragraphs."""
    from xxgk_lint.parse.ast import Paragraph, Piece, Span
    from xxgk_lint.parse.sentences import one_line_sentences, split_sentences

    texts = [
        "共收到申请22件。 办结20件；",
        "  一是加强培训！！” 二是完善制度？）   三是……\u3000",
        "（一）存在问题。。   。；没有结尾",
        "没有结尾的一句",
        "   ",
        "",
    ]
    for text in texts:
        paragraph = Paragraph(text, Span(4, 3, 4, 3 + len(text)), (Piece(0, 4, 3),), "problems")
        found = one_line_sentences(paragraph)
        sentences = split_sentences(paragraph)
        assert found == ([s.text for s in sentences], [s.span for s in sentences]), text
    text = "一是加强培训；二是完善制度。"
    two_lines = Paragraph(text, Span(4, 3, 5, 8), (Piece(0, 4, 3), Piece(7, 5, 1)))
    assert one_line_sentences(two_lines) is None
