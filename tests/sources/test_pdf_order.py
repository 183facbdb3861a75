"""Text drawn out of reading order, and a table drawn sideways on a page of upright text.

PDFium's text follows the content stream's order; the reader puts a page in reading order
from its pieces' places when the stream does not draw it so (a table drawn column by
column, prose drawn bottom-up or in no order), and leaves a page drawn in order as PDFium
gives it. The PDFs are built here byte by byte in a CJK font PDFium knows by name, each
piece of text at its own place (:func:`tests.sources.pdfs.cjk_pdf`).
"""

from __future__ import annotations

import random

import pytest

from tests.sources.pdfs import TABLE_ONE, cjk_pdf
from xxgk_lint.parse.builder import parse_source
from xxgk_lint.sources.pdf import read_pdf
from xxgk_lint.sources.pdf_order import Piece, out_of_order, reading_lines

#: A piece of text: x, y, text, and optionally its font size and text matrix (a b c d).
Run = (
    tuple[float, float, str]
    | tuple[float, float, str, float]
    | tuple[float, float, str, float, tuple[int, int, int, int]]
)
A4 = (595, 842)

PROSE = [
    (60, 780, "一、总体情况"),
    (60, 760, "本年主动公开政府信息120条，"),
    (60, 740, "均在法定期限内公开。"),
    (60, 720, "二、主动公开政府信息情况"),
]
PAGE = [*PROSE, *TABLE_ONE]
LINES = [
    "一、总体情况",
    "本年主动公开政府信息120条，",
    "均在法定期限内公开。",
    "二、主动公开政府信息情况",
    "信息内容 本年制发件数 本年废止件数 现行有效件数",
    "规章 2 1 15",
    "行政规范性文件 13 4 21",
]


def stream(runs: list[Run]) -> bytes:
    """A content stream drawing ``runs`` in the order given."""
    ops = []
    for x, y, text, *rest in runs:
        size = rest[0] if rest else 10
        a, b, c, d = rest[1] if len(rest) > 1 else (1, 0, 0, 1)
        hexed = text.encode("utf-16-be").hex()
        ops.append(f"BT /F1 {size} Tf {a} {b} {c} {d} {x} {y} Tm <{hexed}> Tj ET")
    return "\n".join(ops).encode()


def lines(*pages: list[Run]) -> list[str]:
    data = cjk_pdf([stream(p) for p in pages], sizes=[A4] * len(pages), rotate=[0] * len(pages))
    return read_pdf("t.pdf", data).text.splitlines()


def by_columns(runs: list[Run]) -> list[Run]:
    """``runs`` drawn column by column, each column top down (as some producers draw a
    table: all labels, then each column of numbers)."""
    return sorted(runs, key=lambda run: (run[0], -run[1]))


def test_a_page_drawn_in_order_reads_as_drawn() -> None:
    assert lines(PAGE) == LINES


def test_a_table_drawn_column_by_column_reads_row_by_row() -> None:
    assert lines(by_columns(PAGE)) == LINES


def test_a_table_of_two_rows_drawn_column_by_column() -> None:
    """Two columns of two numbers each, drawn top down, are enough to tell."""
    rows = [run for run in TABLE_ONE if run[1] != 690]
    assert lines(by_columns(rows)) == LINES[-2:]


def test_prose_drawn_bottom_up_reads_top_down() -> None:
    assert lines(PAGE[::-1]) == LINES


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_page_drawn_in_no_order_reads_as_laid_out(seed: int) -> None:
    shuffled = random.Random(seed).sample(PAGE, len(PAGE))
    assert lines(shuffled) == LINES


def test_a_cell_between_two_cells_drawn_one_after_the_other() -> None:
    """PDFium joins two pieces drawn one after the other on one line into one ("2 15"),
    even with the cell between them drawn later: the cell goes back between them."""
    page = PAGE[::-1]
    middle = page.index((330, 670, "1"))
    page.append(page.pop(middle))
    assert lines(page) == LINES


def test_the_table_drawn_column_by_column_is_parsed() -> None:
    """The rows read back are the table's rows, under their canonical keys."""
    body = [
        (60, 800, "二、主动公开政府信息情况"),
        (60, 780, "第二十条第（一）项"),
        *[(x, y - 80, text) for x, y, text in TABLE_ONE],
    ]
    data = cjk_pdf([stream(by_columns(body))], sizes=[A4], rotate=[0])
    table = parse_source(read_pdf("t.pdf", data)).tables["proactive"]
    found = {
        (row, column): getattr(table.cell(row, column), "value", None)
        for row in ("regulations", "normative_documents")
        for column in ("issued", "repealed", "in_force")
    }
    assert found == {
        ("regulations", "issued"): 2,
        ("regulations", "repealed"): 1,
        ("regulations", "in_force"): 15,
        ("normative_documents", "issued"): 13,
        ("normative_documents", "repealed"): 4,
        ("normative_documents", "in_force"): 21,
    }


def test_a_table_of_numbers_set_close_is_no_page_of_two_columns() -> None:
    """Numbers set close together make a block as wide as the labels' beside them; a
    block mostly of numbers is a table's, read row by row."""
    rows = [("规章", ["1493", "1021", "2215"]), ("行政规范性文件", ["1300", "1404", "2021"])]
    close = [
        (x, 670 - 20 * k, text)
        for k, (label, cells) in enumerate(rows)
        for x, text in [(60, label), *zip((200, 245, 290), cells, strict=True)]
    ]
    assert lines(by_columns(close)) == [f"{label} {' '.join(cells)}" for label, cells in rows]


def test_a_blank_cell_of_a_table_drawn_column_by_column() -> None:
    """The reordered rows are laid out by their cells' places like any other: a row with
    a blank cell under a fuller one has an empty field there."""
    rows = [run for run in TABLE_ONE if run != (330, 650, "4")]
    assert lines(by_columns(rows))[-2:] == ["规章 2 1 15", "行政规范性文件\t13\t\t21"]


def test_numbers_filled_in_after_the_page_read_on_their_rows() -> None:
    """A table's numbers drawn after all else (a form's values filled in and flattened),
    row by row: each row of numbers is put back after its label."""
    rows = [(label, [str(7 * k + c) for c in range(3)]) for k, label in enumerate("甲乙丙丁戊")]
    labels = [(60, 700 - 20 * k, f"第{label}类信息") for k, (label, _) in enumerate(rows)]
    numbers = [
        (x, 700 - 20 * k, text)
        for k, (_, cells) in enumerate(rows)
        for x, text in zip((230, 330, 430), cells, strict=True)
    ]
    after = [(60, 580 - 20 * k, f"（{k + 1}）本机关认真落实公开要求。") for k in range(6)]
    expected = [f"第{label}类信息 {' '.join(cells)}" for label, cells in rows]
    page = [*PROSE, *labels, *after, *numbers]  # (the static page first, then the values)
    assert lines(page) == [*LINES[:4], *expected, *(run[2] for run in after)]


def test_a_short_page_drawn_bottom_up() -> None:
    """A page of three lines has two steps to go back: drawn bottom-up, both go back."""
    assert lines(PROSE[:3][::-1]) == LINES[:3]


def test_a_page_number_drawn_first_is_left_where_pdfium_puts_it() -> None:
    """A page number or header drawn before the page's text is one step back: the page
    is in order, and PDFium's text is kept as it is."""
    assert lines([(290, 40, "- 3 -"), (60, 800, "某某县人民政府门户网站"), *PAGE]) == [
        "- 3 -",
        "某某县人民政府门户网站",
        *LINES,
    ]


TWO_COLUMNS = [
    *[(40, 780 - 20 * i, f"左栏第{i}行：本机关认真落实政府信息公开") for i in range(6)],
    *[(310, 780 - 20 * i, f"右栏第{i}行：主动公开政府信息一百二十条") for i in range(6)],
]


def test_a_two_column_page_drawn_column_by_column_is_left_as_it_is() -> None:
    assert lines(TWO_COLUMNS) == [run[2] for run in TWO_COLUMNS]


def test_a_two_column_page_drawn_out_of_order_reads_column_by_column() -> None:
    """A page's columns (wide blocks side by side, no piece across the gutter) are read
    one after the other, each top down, not line by line across the page."""
    assert lines(TWO_COLUMNS[::-1]) == [run[2] for run in TWO_COLUMNS]


def test_a_title_across_two_columns_drawn_out_of_order() -> None:
    """A title across the columns does not make the page one column: it is read first,
    then each column."""
    title = (60, 810, "某某县2023年度政府信息公开工作年度报告", 16)
    assert lines([*TWO_COLUMNS, title][::-1]) == [title[2], *(run[2] for run in TWO_COLUMNS)]


def test_a_superscript_stays_on_its_line() -> None:
    """A note mark set smaller and higher is on the line it marks, where it stands."""
    page = [*PROSE[:2], (210, 764, "1", 6), *PROSE[2:]]
    assert lines(page[::-1])[:3] == [
        "一、总体情况",
        "本年主动公开政府信息120条，1",
        "均在法定期限内公开。",
    ]


def test_a_heading_in_a_larger_font_is_a_line_of_its_own() -> None:
    title = (60, 810, "某某县2023年度政府信息公开工作年度报告", 18)
    assert lines([title, *PAGE][::-1]) == [title[2], *LINES]


def turned(runs: list[Run], origin: tuple[float, float]) -> list[Run]:
    """``runs`` (placed on an upright page) drawn a quarter turn left, at half their
    distance from the table's top left corner, from ``origin`` up the page."""
    x0, y0 = origin
    return [
        (x0 + (690 - y) * 0.9, y0 + (x - 60) * 0.9, text, 9, (0, 1, -1, 0)) for x, y, text in runs
    ]


def test_a_table_drawn_sideways_among_upright_prose_is_read_in_its_place() -> None:
    """The turned table reads upright, between the prose above it and below it; the
    prose's lines are whole."""
    above = [(60, 800 - 20 * i, f"第{i}段：本机关认真落实政府信息公开工作要求。") for i in range(3)]
    below = [(60, 120, "五、存在的主要问题及改进情况"), (60, 100, "本年度无其他需要报告的事项。")]
    table = turned(
        [*TABLE_ONE, (60, 630, "行政许可"), (230, 630, "7"), (330, 630, "0"), (430, 630, "9")],
        (400, 200),
    )
    expected = [
        *(run[2] for run in above),
        *LINES[4:],
        "行政许可 7 0 9",
        *(run[2] for run in below),
    ]
    assert lines([*above, *table, *below]) == expected


def test_a_table_drawn_sideways_among_upright_prose_as_drawn_turned_right() -> None:
    above = [(60, 800 - 20 * i, f"第{i}段：本机关认真落实政府信息公开工作要求。") for i in range(3)]
    table = [
        (x0 - (690 - y) * 0.9, 700 - (x - 60) * 0.9, text, 9, (0, -1, 1, 0))
        for x, y, text in TABLE_ONE
        for x0 in (300,)
    ]
    assert lines([*above, *table]) == [*(run[2] for run in above), *LINES[4:]]


@pytest.mark.parametrize(
    "labels", [["行政复议"], ["结果维持", "结果纠正", "其他结果", "尚未审结"] * 3]
)
def test_labels_drawn_turned_are_left_to_pdfium(labels: list[str]) -> None:
    """A table head's labels set vertically (characters turned, a few or many, but no
    numbers) are no table drawn sideways: the page is PDFium's text as it is."""
    turned = [
        (40 + 12 * k, 600 - 10 * i, char, 10, (0, 1, -1, 0))
        for k, label in enumerate(labels)
        for i, char in enumerate(label)
    ]
    plain = lines(PAGE)
    assert lines([*turned, *PAGE])[-len(plain) :] == plain


def piece(left: float, top: float, text: str, height: float = 10) -> Piece:
    return Piece(0, len(text), text, (left, top - height, left + 10 * len(text), top))


def test_steps_back_are_counted_only_away_from_the_right() -> None:
    """The next column of a page or cell of a row stands above and to the right: no step
    back. Two steps back (a page number drawn first, a stamp last) are in order."""
    columns = [piece(40, 800 - 20 * i, "左栏正文") for i in range(5)]
    columns += [piece(300, 800 - 20 * i, "右栏正文") for i in range(5)]
    assert not out_of_order(columns)
    page = [piece(280, 40, "3"), *columns[:5], piece(200, 700, "印章")]
    assert not out_of_order(page)
    assert out_of_order(columns[:5][::-1])


def test_lines_join_pieces_that_share_half_their_height() -> None:
    base = piece(40, 800, "正文", 10)
    mark = piece(60, 803, "1", 6)  # a superscript: higher, smaller
    below = piece(40, 789, "下一行", 10)
    assert [[p.text for p in line] for line in reading_lines([below, mark, base])] == [
        ["正文", "1"],
        ["下一行"],
    ]
