"""Text a browser shows nothing of: a table row hidden by ``visibility: collapse`` (by its
style or the page's stylesheet), and text drawn at a font size of zero (digits slipped
into a number, an old value kept beside the new one). Neither is read."""

from __future__ import annotations

import pytest

from tests.sources.places import place
from xxgk_lint.sources.html import read_html


def page(body: str, style: str = "") -> str:
    head = f"<head><style>{style}</style></head>" if style else ""
    return f"<html>{head}<body>{body}</body></html>"


ROWS = "<tr><td>规章</td><td>1</td></tr>{hidden}<tr><td>行政许可</td><td>1493</td></tr>"


@pytest.mark.parametrize(
    ("row", "style"),
    [
        ('<tr style="visibility: collapse"><td>行政许可</td><td>88</td></tr>', ""),
        ('<tr style="VISIBILITY:Collapse"><td>行政许可</td><td>88</td></tr>', ""),
        ('<tr class="old"><td>行政许可</td><td>88</td></tr>', ".old { visibility: collapse }"),
        ('<tr id="r2"><td>行政许可</td><td>88</td></tr>', "tr#r2{visibility:collapse}"),
    ],
)
def test_a_collapsed_row_is_not_read(row: str, style: str) -> None:
    raw = page("<table>" + ROWS.format(hidden=row) + "</table>", style)
    source = read_html("t.html", raw.encode())
    assert source.text == "规章\t1\n行政许可\t1493\n"
    # the 1 of 1493
    assert place(source, 2, 6) == (1, raw.index("1493") + 1)


def test_border_collapse_hides_nothing() -> None:
    raw = page('<table style="border-collapse: collapse">' + ROWS.format(hidden="") + "</table>")
    assert read_html("t.html", raw.encode()).text == "规章\t1\n行政许可\t1493\n"


@pytest.mark.parametrize(
    "mark",
    [
        '<span style="font-size:0">9</span>',
        '<span style="font-size: 0px; color: #fff">9</span>',
        "<span style='FONT-SIZE: 0pt'>9</span>",
        '<font style="font:0/0 a">9</font>',
    ],
)
def test_digits_at_font_size_zero_are_not_read(mark: str) -> None:
    raw = page(
        f"<table><tr><td>行政许可</td><td>14{mark}93</td></tr></table><p>收到申请1{mark}2件</p>"
    )
    source = read_html("t.html", raw.encode())
    assert source.text == "行政许可\t1493\n收到申请12件\n"
    cell = raw.index("<td>14") + 4
    for column, at in ((6, cell), (8, raw.index("93", cell))):
        assert place(source, 1, column) == (1, at + 1)


def test_font_size_zero_by_the_stylesheet() -> None:
    raw = page(
        '<table><tr><td>行政许可</td><td><span class="wm">7</span>36</td></tr></table>',
        "span.wm{font-size:0;color:transparent}",
    )
    assert read_html("t.html", raw.encode()).text == "行政许可\t36\n"


@pytest.mark.parametrize(
    ("body", "style"),
    [
        # The gap between inline blocks closed by a zero size, the text sized again inside.
        ('<div style="font-size:0"><span style="font-size:14px">36</span></div>', ""),
        ('<div class="row"><span class="cell">36</span></div>', ".row{font-size:0}"),
        ('<span class="wm">36</span>', ".wm{font-size:0} @media screen{.wm{font-size:12px}}"),
        ('<span style="font-size:0.5em">36</span>', ""),
        ('<span style="font-size:10px">36</span>', ".x{font-size:0}"),
    ],
)
def test_text_sized_again_or_not_zero_is_read(body: str, style: str) -> None:
    assert read_html("t.html", page(f"<p>甲</p>{body}", style).encode()).text == "甲\n36\n"


@pytest.mark.parametrize(
    ("mark", "style"),
    [
        ('<span style="color:transparent">5</span>', ""),
        ('<span style="color: rgba(255, 255, 255, 0)">5</span>', ""),
        ('<i class="wm">5</i>', ".wm{color:transparent;font-size:12px}"),
    ],
)
def test_digits_in_a_transparent_colour_are_not_read(mark: str, style: str) -> None:
    raw = page(f"<table><tr><td>行政许可</td><td>1{mark}286</td></tr></table>", style)
    assert read_html("t.html", raw.encode()).text == "行政许可\t1286\n"


@pytest.mark.parametrize(
    ("body", "style"),
    [
        # A gradient clipped to the letters: the text is drawn by its background.
        ('<span style="background-clip:text;color:transparent">36</span>', ""),
        ('<span style="background-color:transparent">36</span>', ""),
        ('<span style="color:rgba(0,0,0,0.85)">36</span>', ""),
        ('<span class="t">36</span>', ".t{color:transparent} .box .t{color:#333}"),
    ],
)
def test_text_drawn_in_colour_is_read(body: str, style: str) -> None:
    assert read_html("t.html", page(f"<p>甲</p>{body}", style).encode()).text == "甲\n36\n"


def test_a_cell_at_font_size_zero_is_an_empty_cell_and_a_block_still_breaks() -> None:
    raw = page(
        '<table><tr><td>甲</td><td style="font-size:0">9</td><td>5</td></tr></table>'
        '<div>收到<p style="font-size:0">&nbsp;</p>申请</div>'
    )
    assert read_html("t.html", raw.encode()).text == "甲\t\t5\n收到\n申请\n"
