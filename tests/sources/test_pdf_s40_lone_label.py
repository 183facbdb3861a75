"""A row's label put back on its row's line (pdf._join_lone_first_cells, session 40).

On a page of few pieces, each cell drawn by itself (a PDF written by a program, cell by
cell), PDFium may give the first row's label a line of its own and the row's numbers the
next line ("Aa0", then "1 0 0 0 1"): the row lost its label, and its numbers were read
as a row of no table. A line of one word before a line of numbers on its baseline, to
its right, is that row's start.
"""

from __future__ import annotations

from tests.sources.pdfs import placed_pdf
from xxgk_lint.sources.pdf import read_pdf

ROWS = [("Aa0", "10001"), ("Aa1", "01001"), ("Aa2", "00101")]


def runs(
    rows: list[tuple[str, str]], *, step: float = 20, pitch: float = 30
) -> list[tuple[float, float, str]]:
    """Each row ``pitch`` pt under the last: its label at x=50, its one-digit cells from
    x=100, ``step`` pt apart."""
    placed: list[tuple[float, float, str]] = []
    for k, (label, cells) in enumerate(rows):
        y = 700 - pitch * k
        placed.append((50.0, y, label))
        placed += [(100 + step * j, y, cell) for j, cell in enumerate(cells)]
    return placed


def test_the_first_rows_label_stays_on_its_line() -> None:
    source = read_pdf("t.pdf", placed_pdf([runs(ROWS, pitch=12)]))
    assert source.text.splitlines() == ["Aa0 1 0 0 0 1", "Aa1 0 1 0 0 1", "Aa2 0 0 1 0 1"]
    origin = source.origin(1, 13)  # the first row's last cell
    assert (origin.line, origin.column, origin.where) == (1, 13, "第 1 页")


def test_cells_far_apart_too() -> None:
    source = read_pdf("t.pdf", placed_pdf([runs(ROWS[:2], step=30, pitch=16)]))
    assert source.text.splitlines() == ["Aa0 1 0 0 0 1", "Aa1 0 1 0 0 1"]


def test_a_word_above_a_row_is_left_on_its_own_line() -> None:
    """A heading over the row (another baseline) is no label of it."""
    placed = [(50.0, 720.0, "Table"), *runs(ROWS[1:2])]
    lines = read_pdf("t.pdf", placed_pdf([placed])).text.split("\n")
    assert lines[:2] == ["Table", "Aa1 0 1 0 0 1"]
