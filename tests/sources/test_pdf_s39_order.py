"""A short page with one line drawn before the one above it (session 39).

A page of three lines has two steps between them; one line drawn before the line right
above it makes one step back, half of them, which the count of steps back alone cannot
tell from a page number drawn first. The step back to the line right above is the sign.
"""

from __future__ import annotations

import pytest

from tests.sources.pdfs import cjk_pdf
from tests.sources.test_pdf_order import A4, PROSE, Run, stream
from xxgk_lint.sources.pdf import read_pdf

THREE = PROSE[:3]


def read(runs: list[Run]) -> list[str]:
    data = cjk_pdf([stream(runs)], sizes=[A4], rotate=[0])
    return read_pdf("t.pdf", data).text.splitlines()


@pytest.mark.parametrize("order", [(1, 0, 2), (0, 2, 1), (1, 0)])
def test_a_line_drawn_before_the_one_above_it(order: tuple[int, ...]) -> None:
    runs = [THREE[k] for k in order]
    assert read(runs) == [THREE[k][2] for k in sorted(order)]


@pytest.mark.parametrize(
    "furniture",
    [(290, 40, "- 3 -"), (60, 810, "某某县人民政府门户网站")],
)
def test_a_page_number_or_header_drawn_first_is_left_where_pdfium_puts_it(
    furniture: Run,
) -> None:
    """Page furniture stands in the margin, more than a line and a half from the text:
    drawn first on a short page, it stays where PDFium puts it."""
    runs = [furniture, *THREE[:2]]
    assert read(runs) == [furniture[2], THREE[0][2], THREE[1][2]]
