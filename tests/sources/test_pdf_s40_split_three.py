"""A table drawn sideways cut over three pages (session 40).

A browser printing a long table turned a quarter lets the page breaks cut through it
twice: each row's label ends the first page, its middle cells fill the second, its last
cells start the third. The second page's lines were joined to the first's rows, and the
third page's lines, with nothing left on the second to go on, stayed a list of numbers
without labels (the rows' last cells lost). Now they go on the first page's rows too;
a head's line that only the second and third pages hold is joined across them.
"""

from __future__ import annotations

from tests.sources.pdfs import cjk_pdf
from tests.sources.test_pdf_order import A4, Run, stream
from tests.sources.test_pdf_s39_split import BOTTOM, HEADING, NEXT, PROSE, RIGHT
from xxgk_lint.parse.builder import parse_source
from xxgk_lint.sources.model import Source
from xxgk_lint.sources.pdf import read_pdf

#: Table 一's head and two rows, a column on each page once turned and cut (x, y, text).
TABLE = [
    (60, 690, "信息内容"),
    (150, 690, "本年制发件数"),
    (400, 690, "本年废止件数"),
    (700, 690, "现行有效件数"),
    (60, 670, "规章"),
    (150, 670, "12"),
    (400, 670, "1"),
    (700, 670, "15"),
    (60, 650, "行政规范性文件"),
    (150, 650, "13"),
    (400, 650, "4"),
    (700, 650, "21"),
]
#: A head's two lines over the table's last columns only (on the second and third pages).
UNIT = [(400, 730, "本年"), (700, 730, "现行"), (400, 710, "单位"), (700, 710, "件")]


def pages(runs: list[tuple[float, float, str]]) -> list[list[Run]]:
    """``runs`` turned right (a row runs down the page), its rows three times as long:
    the labels and first cells end the first page, the next cells fill the second, the
    last cells start the third, upright prose under them."""
    parts: list[list[Run]] = [[*HEADING], [], []]
    for x, y, text in runs:
        across, along = 120 + (y - 650), 800 - 3 * (x - 60)
        page = 0 if along >= BOTTOM else 1 if along + NEXT >= BOTTOM else 2
        parts[page].append((across, along + page * NEXT, text, 10, RIGHT))
    parts[2] += [(x, y - 300, text) for x, y, text in PROSE]  # (under the table)
    return parts


def read(runs: list[tuple[float, float, str]]) -> Source:
    data = cjk_pdf([stream(p) for p in pages(runs)], sizes=[A4] * 3, rotate=[0] * 3)
    return read_pdf("t.pdf", data)


def test_the_three_parts_of_each_row_are_joined() -> None:
    assert read(TABLE).text.splitlines() == [
        "第二十条第（一）项",
        "信息内容 本年制发件数 本年废止件数 现行有效件数",
        "规章 12 1 15",
        "行政规范性文件 13 4 21",
        *(run[2] for run in PROSE),
    ]


def test_head_lines_of_the_last_two_pages_are_joined_across_them() -> None:
    lines = read([*UNIT, *TABLE]).text.splitlines()
    assert lines[2:6] == ["规章 12 1 15", "行政规范性文件 13 4 21", "本年 现行", "单位 件"]


def test_the_last_cells_are_parsed_on_the_first_page() -> None:
    table = parse_source(read(TABLE)).tables["proactive"]
    cell = table.cell("normative_documents", "in_force")
    assert (cell.value, cell.span.line, cell.span.column, cell.span.where) == (21, 4, 14, "第 1 页")
    assert table.cell("regulations", "in_force").value == 15
