"""A row's first one-digit cell put back on its row's line (pdf._join_lone_first_cells).

On a page of few pieces, each a one-digit cell drawn by itself, PDFium may read the row's
pieces as a column of text: its laid-out text put the first cell on a line of its own and
the rest on the next ("1", then "\\t0\\t0\\t0\\t1", laid out under a fuller row as if its
first cell were blank).
"""

from __future__ import annotations

from tests.sources.pdfs import placed_pdf
from xxgk_lint.sources.pdf import read_pdf

COLUMNS = (100.0, 120.0, 140.0, 160.0, 180.0)


def _row(y: float, label: str, cells: list[str | None]) -> list[tuple[float, float, str]]:
    runs = [(50.0, y, label)] if label else []
    return runs + [(x, y, c) for x, c in zip(COLUMNS, cells, strict=True) if c is not None]


def test_a_row_of_one_digit_cells_stays_on_one_line() -> None:
    runs = _row(700, "", ["1", "0", "0", "0", "1"]) + _row(
        680, "Total", ["10", "20", "30", "40", "99"]
    )
    source = read_pdf("t.pdf", placed_pdf([runs]))
    assert source.text.split("\n")[:2] == ["1 0 0 0 1", "Total 10 20 30 40 99"]
    origin = source.origin(1, 9)  # the last cell, "1"
    assert (origin.line, origin.column, origin.where) == (1, 9, "第 1 页")


def test_the_row_under_it_is_laid_out_under_it() -> None:
    """The row of five cells is the fuller row the next, with a blank cell, stands under."""
    runs = _row(700, "", ["1", "0", "0", "0", "1"]) + _row(
        680, "Middle", ["7", "8", None, "9", "24"]
    )
    lines = read_pdf("t.pdf", placed_pdf([runs])).text.split("\n")
    assert lines[:2] == ["1 0 0 0 1", "Middle\t7\t8\t\t9\t24"]


def test_a_lone_number_on_another_line_is_left_alone() -> None:
    """A number alone on its line whose next line stands lower is no row's first cell."""
    runs = [
        (50.0, 720.0, "Fees"),
        (100.0, 720.0, "7"),
        *_row(680, "Total", ["10", "20", "30", "40", "99"]),
    ]
    lines = read_pdf("t.pdf", placed_pdf([runs])).text.split("\n")
    assert "Total 10 20 30 40 99" in lines
    assert not any(line.startswith("7 ") or line.endswith(" Total") for line in lines)
