"""A line drawn in the place of the one under it, on a page of five lines or more
(pdf_order._swapped, session 40).

One line drawn before the line right above it is a step back of one: on a page of three
lines that is half the steps and the page is laid out anew (session 39), but on a longer
page it was too few, and the two lines stayed swapped in the text (a sentence's halves
in the wrong order, a heading under its first paragraph). A step back to the line right
above, after which the drawing goes on under the line it stepped back from, is two lines
that changed places.
"""

from __future__ import annotations

import pytest

from tests.sources.pdfs import cjk_pdf
from tests.sources.test_pdf_order import A4, Run, stream
from xxgk_lint.sources.pdf import read_pdf

TEXT = [
    "一、总体情况",
    "本年主动公开政府信息120条，",
    "均在法定期限内公开。",
    "二、主动公开政府信息情况",
    "本年制发规章2件。",
    "行政规范性文件13件。",
    "三、收到和处理政府信息公开申请情况",
]
LINES: list[Run] = [(60, 780 - 20 * k, text) for k, text in enumerate(TEXT)]


def read(runs: list[Run]) -> list[str]:
    return read_pdf("t.pdf", cjk_pdf([stream(runs)], sizes=[A4], rotate=[0])).text.splitlines()


@pytest.mark.parametrize(("count", "first"), [(5, 0), (5, 2), (6, 4), (7, 3), (7, 5)])
def test_two_lines_drawn_in_each_others_place(count: int, first: int) -> None:
    order = list(range(count))
    order[first], order[first + 1] = order[first + 1], order[first]
    assert read([LINES[k] for k in order]) == TEXT[:count]


def test_positions_are_those_of_the_lines_as_read() -> None:
    order = [0, 1, 3, 2, 4, 5]
    source = read_pdf("t.pdf", cjk_pdf([stream([LINES[k] for k in order])], sizes=[A4], rotate=[0]))
    origin = source.origin(3, 1)  # 均在法定期限内公开。, drawn fourth, read third
    assert (origin.line, origin.column, origin.where) == (3, 1, "第 1 页")
    assert source.text.splitlines()[2] == "均在法定期限内公开。"


def test_a_page_drawn_in_order_with_its_number_first_is_left_as_pdfium_gives_it() -> None:
    """A page number drawn first stands far from the text: no swap."""
    lines = read([(290, 40, "- 3 -"), *LINES])
    assert lines == ["- 3 -", *TEXT]
