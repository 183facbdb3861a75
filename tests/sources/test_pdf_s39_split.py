"""A table drawn sideways that a page break cut across its rows (session 39).

A browser printing a table turned a quarter with a CSS transform lets the page break cut
through it: each row's label and first cells end one page, its last cells start the next
(or, turned the other way, its cells end one page and its label starts the next). The
reader joins the two parts row by row, where they stand across the turned text. The
PDFs are built here byte by byte (:func:`tests.sources.pdfs.cjk_pdf`), each piece of
text at its own place.
"""

from __future__ import annotations

import pytest

from tests.sources.pdfs import TABLE_ONE, cjk_pdf, needs_cjk_font
from tests.sources.test_pdf_order import A4, Run, stream
from xxgk_lint.parse.builder import parse_source
from xxgk_lint.sources.pdf import read_pdf

#: The text matrix of a quarter turn, as PDFium's angle counts it: 90 (turned right,
#: the table's rows running down the page) and 270 (turned left, running up it).
RIGHT, LEFT = (0, -1, 1, 0), (0, 1, -1, 0)
PROSE = [(60, 500, "四、政府信息公开行政复议、行政诉讼情况"), (60, 480, "本年度无行政复议。")]
HEADING = [(60, 820, "第二十条第（一）项")]
#: Where the first page's text ends (its bottom margin), and how far up the second page
#: the table's picture is moved (the page's height less its margins).
BOTTOM, NEXT = 40, 760


def pages(matrix: tuple[int, int, int, int]) -> list[list[Run]]:
    """TABLE_ONE turned by ``matrix``, its rows two and a half times as long, cut by the
    page break: the first page ends with one part, the second starts with the other,
    upright prose under it."""
    first: list[Run] = [*HEADING]
    second: list[Run] = []
    for x, y, text in TABLE_ONE:
        if matrix == RIGHT:  # a row runs down the page; the table's top row on the right
            across, along = 120 + (y - 650), 760 - 2.5 * (x - 60)
        else:  # a row runs up the page; the table's top row on the left
            across, along = 120 - (y - 650), 800 - 2.5 * (430 - x)
        if along >= BOTTOM:
            first.append((across, along, text, 10, matrix))
        else:
            second.append((across, along + NEXT, text, 10, matrix))
    return [first, [*second, *PROSE]]


def read(runs: list[list[Run]]) -> list[str]:
    data = cjk_pdf([stream(p) for p in runs], sizes=[A4] * len(runs), rotate=[0] * len(runs))
    return read_pdf("t.pdf", data).text.splitlines()


@pytest.mark.parametrize("matrix", [RIGHT, pytest.param(LEFT, marks=needs_cjk_font)])
def test_rows_cut_by_the_page_break_are_joined(matrix: tuple[int, int, int, int]) -> None:
    assert read(pages(matrix)) == [
        "第二十条第（一）项",
        "信息内容 本年制发件数 本年废止件数 现行有效件数",
        "规章 2 1 15",
        "行政规范性文件 13 4 21",
        *(run[2] for run in PROSE),
    ]


@pytest.mark.parametrize("matrix", [RIGHT, pytest.param(LEFT, marks=needs_cjk_font)])
def test_the_joined_rows_are_parsed_on_the_first_page(matrix: tuple[int, int, int, int]) -> None:
    """The cells of the row's part on the second page are read on the row's line, on
    the first page: 现行有效件数 of 规章 is 15, at line 3 after "规章 2 1 "."""
    data = cjk_pdf([stream(p) for p in pages(matrix)], sizes=[A4] * 2, rotate=[0] * 2)
    table = parse_source(read_pdf("t.pdf", data)).tables["proactive"]
    cell = table.cell("regulations", "in_force")
    assert (cell.value, cell.span.line, cell.span.column, cell.span.where) == (15, 3, 8, "第 1 页")
    assert table.cell("normative_documents", "issued").value == 13


def test_a_turned_page_and_a_page_starting_with_prose_are_not_joined() -> None:
    """The second page's turned text comes after upright prose: no part of the first
    page's table goes on there."""
    first, second = pages(RIGHT)
    moved = [(x, y - 300, text, *rest) for x, y, text, *rest in second[:3]]
    prose = [(60, 800, "三、收到和处理政府信息公开申请情况")]
    lines = read([first, [*prose, *moved]])  # type: ignore[list-item]
    assert lines[2:4] == ["规章 2 1", "行政规范性文件 13 4"]


def test_a_running_header_and_footer_between_the_parts_are_passed_over() -> None:
    """A browser's header and footer (the date and title, the address and page number)
    stand between the first part and the second: lines repeated on both pages, but for
    their digits, are no text after or before the table."""
    first, second = pages(RIGHT)
    furniture = [
        [(40, 830, "2024/1/20 某某县人民政府政府信息公开年度报告"), (40, 12, "某某县政务公开 1/2")],
        [(40, 830, "2024/1/20 某某县人民政府政府信息公开年度报告"), (40, 12, "某某县政务公开 2/2")],
    ]
    lines = read(
        [[*furniture[0][:1], *first, furniture[0][1]], [furniture[1][0], *second, furniture[1][1]]]
    )
    assert lines[2:5] == [
        "信息内容 本年制发件数 本年废止件数 现行有效件数",
        "规章 2 1 15",
        "行政规范性文件 13 4 21",
    ]
