"""A line of PDFium's text that ran on from one table row to the next, broken back into
rows (pdf_rows.break_run_on_rows, session 42).

In a dense table (rows drawn close together), PDFium takes the next row's first cell for
the same line as the last row's last cell when the drop between them is less than three
quarters of the wider character's width; a row of one-digit cells and the rows under it
came out as one line of all their values (``Wa 1 0 0 0 0 0 1 Wb 0 1 …``): the rows lost
their values. A character to the left of the one before it and a row lower, with
numbers after it, is the next row's start.
"""

from __future__ import annotations

from tests.sources.pdfs import sized_pdf
from xxgk_lint.sources.pdf import read_pdf
from xxgk_lint.sources.pdf_order import Box
from xxgk_lint.sources.pdf_rows import break_run_on_rows

PROSE = [(50.0, 780.0 - 14 * i, f"Some prose line number {i} of the page.", 10.0) for i in range(5)]
ROWS = [("Wa", "1000001"), ("Wb", "0100001"), ("Wc", "0010001"), ("Wd", "0001001")]


def table(*, pitch: float, drop: float) -> list[tuple[float, float, str, float]]:
    """The rows ``pitch`` pt apart under five lines of prose: each row's label at x=50,
    its one-digit cells from x=100, 20 pt apart and ``drop`` pt under the label's
    baseline (centred lower in a row than the label, as a larger font is)."""
    placed = list(PROSE)
    for k, (label, cells) in enumerate(ROWS):
        y = 700 - pitch * k
        placed.append((50.0, y, label, 10.0))
        placed += [(100.0 + 20 * j, y - drop, cell, 10.0) for j, cell in enumerate(cells)]
    return placed


def test_rows_pdfium_runs_on_are_lines_again() -> None:
    source = read_pdf("t.pdf", sized_pdf(table(pitch=10, drop=4)))
    assert source.text.splitlines()[5:] == [
        "Wa 1 0 0 0 0 0 1",
        "Wb 0 1 0 0 0 0 1",
        "Wc 0 0 1 0 0 0 1",
        "Wd 0 0 0 1 0 0 1",
    ]
    assert source.text.splitlines()[6][5] == "1"  # the second row's one: line 7, column 6
    origin = source.origin(7, 6)
    assert (origin.line, origin.column, origin.where) == (7, 6, "第 1 页")


def test_rows_on_their_labels_baselines_too() -> None:
    source = read_pdf("t.pdf", sized_pdf(table(pitch=7, drop=0)))
    assert source.text.splitlines()[5:7] == ["Wa 1 0 0 0 0 0 1", "Wb 0 1 0 0 0 0 1"]


def test_a_row_of_rows_far_apart_is_as_it_was() -> None:
    source = read_pdf("t.pdf", sized_pdf(table(pitch=20, drop=0)))
    assert source.text.splitlines()[5:7] == ["Wa 1 0 0 0 0 0 1", "Wb 0 1 0 0 0 0 1"]


def boxes(*placed: tuple[float, float, float]) -> list[Box]:
    """Character boxes (left, baseline, height), each 6 pt wide."""
    return [(x, y - 0.2 * h, x + 6, y + 0.8 * h) for x, y, h in placed]


def test_the_next_rows_label_and_numbers_go_under_the_row() -> None:
    text = "ab 1 2 cd 3 4"
    charbox = boxes((50, 700, 10), (56, 700, 10), (100, 694, 10), (120, 694, 10))
    charbox += boxes((50, 688, 10), (56, 688, 10), (100, 682, 10), (120, 682, 10))
    where = [0, 1, -1, 2, -1, 3, -1, 4, 5, -1, 6, -1, 7]
    got, at = break_run_on_rows(text, where, charbox.__getitem__)
    assert got == "ab 1 2\ncd 3 4"
    assert at == [0, 1, -1, 2, -1, 3, -1, 4, 5, -1, 6, -1, 7]


def test_a_labels_next_line_after_its_numbers_is_left_as_it_was() -> None:
    """A label's second line, drawn after its row's numbers (centred between the label's
    two lines), with no number after it: the parser reads it so (no value is lost), and
    a head's labels broken over two lines are left on one line alike."""
    text = "ab 1 2 cd"
    charbox = boxes((50, 700, 10), (56, 700, 10), (100, 694, 10), (120, 694, 10))
    charbox += boxes((50, 688, 10), (56, 688, 10))
    where = [0, 1, -1, 2, -1, 3, -1, 4, 5]
    assert break_run_on_rows(text, where, charbox.__getitem__) == (text, where)


def test_a_mark_drawn_back_and_a_lower_cell_stay_on_their_line() -> None:
    """Left of the last character on its baseline (a mark drawn back over the line) is no
    new line; nor is a smaller cell to the right, however low."""
    text = "ab c d"
    charbox = boxes((50, 700, 10), (56, 700, 10), (40, 700, 10), (90, 690, 6))
    where = [0, 1, -1, 2, -1, 3]
    assert break_run_on_rows(text, where, charbox.__getitem__) == (text, where)
