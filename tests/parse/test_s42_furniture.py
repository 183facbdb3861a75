"""Page furniture of a PDF whose page breaks the reader knows (Source.pages): a running
header or footer with no page number beside it, a book's alternating headers (the body's
name on one page, the report's on the next) and a page number printed bare (3) are read
as page marks; a report whose pages are not known (text) is read as before."""

from __future__ import annotations

from xxgk_lint.parse.grammar import get_parser
from xxgk_lint.parse.lexer import LINE_KIND, LINE_NUMBER, LINE_TEXT

TITLE = "云溪镇人民政府2023年政府信息公开工作年度报告"
BODY = [
    "一、总体情况",
    "2023年，云溪镇坚持以人民为中心的发展思想，围绕全镇中心工作，把政务公开作为转",
    "变政府职能、建设服务型政府的重要抓手，持续提升公开质量和实效。",
    "（一）主动公开。全年通过镇政府门户网站主动公开政府信息312条，其中机构职能类23",
    "条，政策文件类41条。",
    "二、主动公开政府信息情况",
    "（二）依申请公开。全年新收政府信息公开申请21件，上年结转1件，均在法定期限内答",
    "复，结转下年度继续办理2件。",
    "六、其他需要报告的事项",
    "本机关2023年未收取信息处理费，未发出收费通知。",
]


def kinds(lines: list[str], pages: list[int]) -> dict[int, tuple[str, str]]:
    """Each non-blank line's kind and text, by its (1-based) line number."""
    runs = get_parser().line_lexer.runs("\n".join(lines) + "\n", (), pages)
    return {
        line[LINE_NUMBER]: (line[LINE_KIND], line[LINE_TEXT]) for _, run in runs for line in run
    }


def on_pages(heads: list[list[str]], feet: list[list[str]]) -> tuple[list[str], list[int]]:
    """The report on three pages, broken inside 一's paragraphs: each page's header lines
    ``heads[n]`` first, its footer lines ``feet[n]`` last; and the lines each page starts at."""
    parts = [[TITLE, *BODY[:2]], BODY[2:4], BODY[4:]]
    lines: list[str] = []
    starts = []
    for head, part, foot in zip(heads, parts, feet, strict=True):
        starts.append(len(lines) + 1)
        lines += [*head, *part, *foot]
    return lines, starts


def test_running_header_without_page_numbers() -> None:
    header = "云溪镇人民政府 2023年政府信息公开工作年度报告"
    lines, starts = on_pages([[header]] * 3, [[], [], []])
    read = kinds(lines, starts)
    assert [n for n, (kind, text) in read.items() if text == header] == [1, 5, 8]
    assert [read[n][0] for n in (5, 8)] == ["PAGE_MARK", "PAGE_MARK"]
    # the report's own title stays (and the header over it on page 1, a title too)
    assert read[2] == ("TITLE", TITLE) and read[1] == ("TITLE", header)
    # a text report (no pages known) is read as before: the header is its text
    assert kinds(lines, [])[5] == ("TITLE", header)


def test_running_footer_without_page_numbers() -> None:
    footer = "云溪镇人民政府办公室 印制"
    lines, starts = on_pages([[], [], []], [[footer]] * 3)
    read = kinds(lines, starts)
    assert [read[n] for n in (4, 7, len(lines))] == [("PAGE_MARK", footer)] * 3
    assert kinds(lines, [])[4] == ("TEXT", footer)


def test_book_headers_on_three_pages() -> None:
    """The body's name heads page 2, the report's name page 3: each once."""
    lines, starts = on_pages(
        [[], ["云溪镇人民政府"], ["2023年政府信息公开工作年度报告"]], [[], [], []]
    )
    read = kinds(lines, starts)
    assert read[4] == ("PAGE_MARK", "云溪镇人民政府")
    assert read[7] == ("PAGE_MARK", "2023年政府信息公开工作年度报告")
    assert read[1] == ("TITLE", TITLE)


def test_title_over_two_lines_and_sign_off_stay() -> None:
    """The title printed on two lines on page 1 is the report's; so is the body's name
    signing the report off on the last page, over its date."""
    lines, starts = on_pages(
        [["云溪镇人民政府"], ["云溪镇人民政府"], ["2023年政府信息公开工作年度报告"]],
        [[], [], ["云溪镇人民政府", "2024年1月20日"]],
    )
    lines[1] = "2023年政府信息公开工作年度报告"  # (the title's second line)
    read = kinds(lines, starts)
    assert read[1] == ("TEXT", "云溪镇人民政府")
    assert read[2] == ("TITLE", "2023年政府信息公开工作年度报告")
    assert read[5][0] == "PAGE_MARK" and read[8][0] == "PAGE_MARK"
    assert read[len(lines) - 1] == ("TEXT", "云溪镇人民政府")


def test_bare_page_numbers() -> None:
    lines, starts = on_pages([[], [], []], [["1"], ["2"], ["3"]])
    read = kinds(lines, starts)
    assert [read[n] for n in (4, 7, len(lines))] == [
        ("PAGE_MARK", "1"),
        ("PAGE_MARK", "2"),
        ("PAGE_MARK", "3"),
    ]
    # numbered from the second page (a cover unnumbered): 1 and 2 on pages 2 and 3
    lines, starts = on_pages([[], [], []], [[], ["1"], ["2"]])
    read = kinds(lines, starts)
    assert read[6] == ("PAGE_MARK", "1") and read[len(lines)] == ("PAGE_MARK", "2")


def test_numbers_that_are_no_page_numbers() -> None:
    """A lone number at one page's edge (a table's 36), not going up page by page, stays."""
    lines, starts = on_pages([[], [], []], [["36"], [], []])
    assert kinds(lines, starts)[4] == ("ROW", "36")
    lines, starts = on_pages([[], [], []], [["7"], ["7"], ["7"]])
    assert kinds(lines, starts)[4] == ("ROW", "7")


def test_title_and_bare_page_number_on_one_line() -> None:
    footers = [[f"2023年政府信息公开工作年度报告 {n}"] for n in (1, 2, 3)]
    lines, starts = on_pages([[], [], []], footers)
    read = kinds(lines, starts)
    assert [read[n][0] for n in (4, 7, len(lines))] == ["PAGE_MARK"] * 3
