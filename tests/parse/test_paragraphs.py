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


def _wrapped(lines: list[str], first_column: int = 1) -> object:
    """A paragraph of ``lines`` (from line 5 on), as the grammar joins a wrapped one."""
    from xxgk_lint.parse.ast import Paragraph, Piece, Span

    pieces, offset = [], 0
    for number, line in enumerate(lines, start=5):
        pieces.append(Piece(offset, number, first_column if number == 5 else 1))
        offset += len(line)
    text = "".join(lines)
    return Paragraph(text, Span(5, first_column, 4 + len(lines), 1 + len(lines[-1])), tuple(pieces))


def _sentences(lines: list[str], first_column: int = 1) -> list[tuple[str, int, int]]:
    from xxgk_lint.parse.sentences import split_sentences

    paragraph = _wrapped(lines, first_column)
    return [(s.text, s.span.line, s.span.column) for s in split_sentences(paragraph)]  # type: ignore[arg-type]


def test_a_line_as_wide_as_its_paragraph_is_a_wrap_not_a_sentence() -> None:
    """A 公文 (GB/T 9704: 28 characters a line) wraps a sentence into short lines without a
    comma: each is a wrap, not a sentence of its own (any width from 20 to 40)."""
    claim = "全年共收到政府信息公开申请580件上年结转8件本年度办结573件结转下年度继续办理18件。"
    for width in (20, 24, 28, 33, 40):
        lines = [claim[i : i + width] for i in range(0, len(claim), width)]
        assert _sentences(lines) == [(claim, 5, 1)], width
    # indented by two ideographic spaces (not in the text: the first line is narrower)
    lines = [
        "全年共收到政府信息公开申请580件上年结",
        "转8件本年度办结573件结转下年度继续办",
        "理18件。",
    ]
    assert _sentences(lines, first_column=3) == [("".join(lines), 5, 3)]


def test_a_line_ending_no_sentence_after_a_terminator_goes_on() -> None:
    """本机关坚持。全年共收到政府信息 — the sentence after the 。 goes on past the line's end,
    however short the line; a sub-heading after the 。 still ends its line."""
    lines = [
        "（二）依申请公开情况。全年共收",
        "到政府信息公开申请580件，办结573件，结转下年度继续办理18件。",
    ]
    assert _sentences(lines) == [
        ("（二）依申请公开情况。", 5, 1),
        ("全年共收到政府信息公开申请580件，办结573件，结转下年度继续办理18件。", 5, 12),
    ]
    lines = [
        "做好公开工作。（三）政府信息管理",
        "本机关建立健全信息发布审核机制并严格执行各项规定要求。",
    ]
    assert [text for text, _, _ in _sentences(lines)] == [
        "做好公开工作。",
        "（三）政府信息管理",
        "本机关建立健全信息发布审核机制并严格执行各项规定要求。",
    ]


def test_sub_headings_and_page_chrome_still_end_their_line() -> None:
    """A line narrower than its paragraph, or a running header (the report's title, the
    site's name) however wide, is no wrap: it is never glued into a sentence."""
    text = "本年度共收到政府信息公开申请五百八十件其中当面申请十二件网络申请五百六十八件本年度办结五百七十三件结转下年度继续办理十八件。"
    body = [text[:28], text[28:56], text[56:]]
    for chrome in (
        "- 3 -",
        "第 3 页",
        "某某县交通运输局2023年度政府信息公开工作年度报告",
        "某某县人民政府门户网站",
        "工作成效",
    ):
        lines = [body[0], chrome, *body[1:]]
        assert [t for t, _, _ in _sentences(lines)] == [
            body[0] + chrome,
            "".join(body[1:]),
        ], chrome
    # lines of a paragraph narrower than 18 characters are read one by one, as before
    assert len(_sentences(["本年度共收到", "政府信息公开", "申请580件。"])) == 3


def test_an_item_after_a_line_as_wide_as_its_run_is_a_wrap() -> None:
    """A list marker that a 公文 wrap puts first on a line (…比较单 / 一、信息更新…) is no new
    paragraph; after a line that introduces a list (…以下几个方面：) or a short one, it is."""
    wide = "本机关政府信息公开工作虽然取得了一定成效但与上级要求和群众期待相比仍有差距主要是政策解读形式比较单"
    lines = [wide[:21], wide[21:], "一、信息更新不够及时。"]
    assert paragraph_starts(lines) == []
    assert paragraph_starts([wide[:21], wide[21:48] + "：", "一是信息更新不够及时。"]) == [2]
    assert paragraph_starts([wide[:21], wide[21:33], "一是信息更新不够及时。"]) == [2]
    assert paragraph_starts(["（一）存在的主要问题", "一是信息更新不够及时。"]) == [1]


#: Section 五 laid out as a 公文: paragraphs indented by two ideographic spaces, 28
#: characters a line (the indent included), the first line wrapped after a colon.
_GONGWEN_FIVE = [
    "　　本机关认真对照检查问题整改情况本机关认真对照检查问：",
    "本机关政府信息公开工作虽然取得了一定成效，但与上级要求和",
    "群众期待相比仍有差距，主要是政策解读形式比较单一、信息更",
    "新不够及时。下一步，本机关将加强政策解读工作，丰富解读形",
    "式，进一步提高信息发布的及时性和准确性。",
]


def _five(tmp_path: Path, lines: list[str]):
    text = CLEAN.read_text(encoding="utf-8").replace(PROBLEMS, "\n".join(lines) + "\n")
    path = tmp_path / "five.txt"
    path.write_text(text, encoding="utf-8")
    section = parse_path(path).section("problems")
    assert section is not None
    return section


def test_a_line_wrapped_after_a_colon_goes_on_in_the_next(tmp_path) -> None:
    """A colon at the end of a line as wide as the page, the next line not indented as a
    paragraph's first line is and opening no item: one paragraph, its sentences those of
    the text unwrapped (the colon ends none)."""
    section = _five(tmp_path, _GONGWEN_FIVE)
    (paragraph,) = section.paragraphs
    assert paragraph.text == "".join(line.strip() for line in _GONGWEN_FIVE)
    first, second = paragraph.text.split("。")[:2]
    assert [s.text for s in paragraph.sentences] == [first + "。", second + "。"]
    assert first.endswith(
        "问：本机关政府信息公开工作虽然取得了一定成效，但与上级要求和群众期待相比仍有差距，主要是政策解读形式比较单一、信息更新不够及时"
    )
    assert tuple(paragraph.sentences[0].span)[:2] == (55, 3)
    assert tuple(paragraph.sentences[1].span)[:2] == (58, 7)


def test_xg103_counts_the_sentences_of_a_colon_wrapped_section_five(tmp_path) -> None:
    from tests.rules.helpers import check_text

    text = CLEAN.read_text(encoding="utf-8").replace(PROBLEMS, "\n".join(_GONGWEN_FIVE) + "\n")
    found = [(d.code, d.line, d.column) for d in check_text(tmp_path, text).diagnostics]
    assert ("XG103", 55, 3) in found


def test_a_colon_that_introduces_what_follows_still_ends_its_paragraph(tmp_path) -> None:
    first, rest = _GONGWEN_FIVE[0], _GONGWEN_FIVE[1:]
    for lines in (
        ["　　主要问题如下：", *rest],  # a short lead-in line
        [first, "　　" + rest[0], *rest[1:]],  # the next line indented: a new paragraph
        [first, "一是" + rest[0][2:], *rest[1:]],  # an item after the colon
        [first.strip(), *rest],  # no indent to tell a paragraph's start by
    ):
        section = _five(tmp_path, lines)
        assert len(section.paragraphs) == 2, lines
        assert section.paragraphs[0].text == lines[0].strip()


def test_a_colon_wrapped_on_a_later_line_of_its_paragraph(tmp_path) -> None:
    lines = [
        "　　本机关政府信息公开工作虽然取得了一定成效但与上级要求和群",
        "众期待相比仍有差距本机关认真对照检查问题整改情况主要是：",
        "政策解读形式比较单一、信息更新不够及时。下一步，本机关将加",
        "强政策解读工作，丰富解读形式，提高信息发布的及时性。",
    ]
    (paragraph,) = _five(tmp_path, lines).paragraphs
    first, second, _ = "".join(line.strip() for line in lines).split("。")
    assert [s.text for s in paragraph.sentences] == [first + "。", second + "。"]
