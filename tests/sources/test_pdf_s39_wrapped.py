"""A number that its narrow cell broke over lines (session 39).

Full-width digits are as wide as a Chinese character and a line may break after each:
in a narrow 总计 column, ２１ is set ２ over １. PDFium gives the parts lines of their own
(or the first on the row's line), and the row read one cell short, a lone digit for the
next row. The reader puts the number back together on its row.
"""

from __future__ import annotations

import pytest

from tests.sources.pdfs import cjk_pdf, needs_cjk_font
from tests.sources.test_pdf_order import A4, Run, stream
from xxgk_lint.parse.builder import parse_source
from xxgk_lint.sources.pdf import read_pdf

#: PDFium leaves a full-width digit set alone out when no CJK font is installed.
pytestmark = needs_cjk_font

HEAD: list[Run] = [
    (60, 700, "第二十条第（一）项"),
    (60, 680, "信息内容"),
    (200, 680, "本年制发件数"),
    (300, 680, "本年废止件数"),
    (400, 680, "现行有效件数"),
]
#: 规章's row: its label and first cells at y=650, its last cell (２１) set over two
#: lines, centred on the row (２ above its middle, １ below) or from its top.
CENTRED: list[Run] = [
    (60, 650, "规章"),
    (230, 650, "２"),
    (330, 650, "１"),
    (430, 656, "２"),
    (430, 644, "１"),
]
TOP: list[Run] = [
    (60, 650, "规章"),
    (230, 650, "２"),
    (330, 650, "１"),
    (430, 650, "２"),
    (430, 638, "１"),
]
#: Two cells broken: the first (１２６ over two lines) and the last (１４７), right-aligned.
TWO: list[Run] = [
    (60, 650, "规章"),
    (220, 656, "１２"),
    (230, 644, "６"),
    (330, 650, "１"),
    (420, 656, "１４"),
    (430, 644, "７"),
]
NEXT: list[Run] = [
    (60, 620, "行政规范性文件"),
    (230, 620, "１３"),
    (330, 620, "４"),
    (430, 620, "２１"),
]


def read(runs: list[Run]) -> list[str]:
    data = cjk_pdf([stream(runs)], sizes=[A4], rotate=[0])
    return read_pdf("t.pdf", data).text.splitlines()


@pytest.mark.parametrize(
    ("row", "expected"),
    [(CENTRED, "规章 ２ １ ２１"), (TOP, "规章 ２ １ ２１"), (TWO, "规章 １２６ １ １４７")],
)
def test_a_number_broken_in_its_cell_is_put_back_on_its_row(row: list[Run], expected: str) -> None:
    lines = read([*HEAD, *row, *NEXT])
    assert lines[2:] == [expected, "行政规范性文件 １３ ４ ２１"]


def test_the_number_put_back_is_the_cells_value() -> None:
    data = cjk_pdf([stream([*HEAD, *CENTRED, *NEXT])], sizes=[A4], rotate=[0])
    table = parse_source(read_pdf("t.pdf", data)).tables["proactive"]
    cell = table.cell("regulations", "in_force")
    assert (cell.value, cell.span.line, cell.span.column) == (21, 3, 8)


def test_a_lone_number_far_under_a_row_is_left_alone() -> None:
    """A page number under a table is no part of its last cell."""
    lines = read([*HEAD, *NEXT, (430, 560, "２")])
    assert lines[-2:] == ["行政规范性文件 １３ ４ ２１", "２"]


def test_rows_of_numbers_set_close_are_not_parts_of_each_other() -> None:
    """Two rows of numbers each on a line of its own, one right under the other: a line
    of more than three numbers is a row, not the parts of broken cells."""
    rows = [
        (x, y, text)
        for y, cells in ((650, "11 20 30 40 12"), (638, "21 22 23 24 25"))
        for x, text in zip((230, 280, 330, 380, 430), cells.split(), strict=True)
    ]
    assert read(rows) == ["11 20 30 40 12", "21 22 23 24 25"]
