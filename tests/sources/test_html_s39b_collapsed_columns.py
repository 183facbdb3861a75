"""A table's columns collapsed by its ``<col>`` or ``<colgroup>`` (``visibility: collapse``,
by its style or the page's stylesheet): a browser draws none of their cells (an old
year's column kept in the table), and they are not read; the other cells stand in the
grid as drawn."""

from __future__ import annotations

import pytest

from tests.sources.places import place
from xxgk_lint.sources.html import read_html
from xxgk_lint.sources.model import GridCell


def page(body: str, style: str = "") -> str:
    head = f"<head><style>{style}</style></head>" if style else ""
    return f"<html>{head}<body>{body}</body></html>"


ROWS = (
    '<tr><td>88</td><td colspan="2">项目</td></tr>'
    "<tr><td>77</td><td>行政许可</td><td>1493</td></tr>"
)


@pytest.mark.parametrize(
    "cols",
    [
        '<colgroup><col style="visibility:collapse"><col><col></colgroup>',
        '<col style="Visibility: Collapse"><col span="2">',
        '<colgroup style="visibility:collapse"></colgroup><colgroup span="2"></colgroup>',
        '<colgroup><col class="old"><col span="2"></colgroup>',
    ],
)
def test_a_collapsed_column_is_not_read(cols: str) -> None:
    raw = page(f"<table>{cols}{ROWS}</table>", "col.old{visibility:collapse}")
    source = read_html("t.html", raw.encode())
    assert source.text == "项目\n行政许可\t1493\n"
    assert place(source, 2, 6) == (1, raw.index("1493") + 1)
    assert source.grid[1].cells == (GridCell(0, 2),)  # 项目, over both columns drawn
    assert source.grid[2].cells == (GridCell(0), GridCell(1))


def test_a_cell_over_a_collapsed_and_a_drawn_column_is_read() -> None:
    raw = page(
        '<table><col style="visibility:collapse"><col><col>'
        '<tr><td colspan="2">项目</td><td>数量</td></tr>'
        "<tr><td>77</td><td>行政许可</td><td>1493</td></tr></table>"
    )
    source = read_html("t.html", raw.encode())
    assert source.text == "项目\t数量\n行政许可\t1493\n"
    # 项目 drawn over the one drawn column of its two, above 行政许可
    assert source.grid[1].cells == (GridCell(0), GridCell(1))
    assert source.grid[2].cells == (GridCell(0), GridCell(1))
