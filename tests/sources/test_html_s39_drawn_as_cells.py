"""A table drawn by the page's CSS out of inline elements (``<span class="td">`` with
``.td{display:table-cell}``, or the same by each span's style): a browser draws each
cell apart; each cell is read as a line of its own, as the cells of a table of
``<div>``s are, not run into one word with its neighbours (行政许可1493)."""

from __future__ import annotations

import pytest

from tests.sources.places import place
from xxgk_lint.sources.html import read_html

ROW = '<div class="tr"><span {cell}>行政许可</span><span {cell}>1493</span></div>'


@pytest.mark.parametrize(
    ("cell", "style"),
    [
        ('class="td"', ".tb{display:table} .td { display: table-cell; border: 1px solid }"),
        ('class="c td"', "SPAN.td{display:table-cell}"),
        ('style="display:table-cell"', ""),
        ('style="DISPLAY: table-cell; width: 80px"', ""),
    ],
)
def test_cells_drawn_by_css_are_apart(cell: str, style: str) -> None:
    head = f"<head><style>{style}</style></head>" if style else ""
    raw = f"<html>{head}<body><p>前</p>{ROW.format(cell=cell)}<p>后</p></body></html>"
    source = read_html("t.html", raw.encode())
    assert source.text == "前\n行政许可\n1493\n后\n"
    assert place(source, 3, 1) == (1, raw.index("1493") + 1)


@pytest.mark.parametrize(
    ("cell", "style"),
    [
        ('class="td" style="display:inline"', ".td{display:table-cell}"),  # its own style
        ('class="td"', "@media print{.td{display:table-cell}}"),
        ('class="x"', ".td{display:table-cell}"),
    ],
)
def test_spans_not_drawn_as_cells_stay_in_their_line(cell: str, style: str) -> None:
    raw = f"<html><head><style>{style}</style></head><body>{ROW.format(cell=cell)}</body></html>"
    assert read_html("t.html", raw.encode()).text == "行政许可1493\n"
