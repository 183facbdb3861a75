"""A ``text-indent`` far back (``-9999px``) hides the text of a box it applies to: a table
cell itself (a cell is a box whatever its style), or an element another rule of the
page's ``<style>`` makes one (``.cp{text-indent:-9999px}`` with ``span.cp{display:
inline-block}`` apart). Before, only an indent with the box in the same declarations was
taken: the cell's wrong value was read, or glued to the real one."""

from __future__ import annotations

import pytest

from tests.sources.places import place
from xxgk_lint.sources.html import read_html


def page(body: str, style: str = "") -> str:
    head = f"<head><style>{style}</style></head>" if style else ""
    return f"<html>{head}<body>{body}</body></html>"


@pytest.mark.parametrize(
    ("cell", "style"),
    [
        ('<td style="text-indent:-9999px;overflow:hidden">70</td>', ""),
        ('<td class="cp">70</td>', ".cp{text-indent:-999em}"),
    ],
    ids=["style", "class"],
)
def test_a_cell_indented_far_back_reads_empty(cell: str, style: str) -> None:
    raw = page(f"<table><tr><td>行政许可</td>{cell}<td>1286</td></tr></table>", style)
    source = read_html("t.html", raw.encode())
    assert source.text == "行政许可\t\t1286\n"
    assert place(source, 1, 7) == (1, raw.index("1286") + 1)


@pytest.mark.parametrize(
    "style",
    [
        ".cp{text-indent:-9999px;overflow:hidden;width:0} span.cp{display:inline-block}",
        "span.cp{display:inline-block;zoom:1} .cp{text-indent:-999em;overflow:hidden}",
        ".cp{float:left}.cp{text-indent:-9999px}",
    ],
    ids=["display-after", "display-before", "float"],
)
def test_a_value_made_a_box_by_another_rule_and_indented_away_is_not_read(style: str) -> None:
    raw = page(
        '<table><tr><td>行政许可</td><td><span class="cp">7</span>1286</td></tr></table>', style
    )
    source = read_html("t.html", raw.encode())
    assert source.text == "行政许可\t1286\n"
    assert place(source, 1, 6) == (1, raw.index("1286") + 1)


@pytest.mark.parametrize(
    "style",
    [
        ".cp{text-indent:-9999px}",  # an inline span takes no indent
        ".cp{text-indent:-9999px}span.cp{display:inline}",
        ".cp{text-indent:-9999px}.cp{display:inline-block}.cp{text-indent:0}",
        ".cp{text-indent:-20px}.cp{display:inline-block}",  # a nudge
    ],
    ids=["inline", "inline-by-rule", "indent-undone", "nudge"],
)
def test_a_value_an_indent_does_not_hide_is_read(style: str) -> None:
    raw = page(
        '<table><tr><td>行政许可</td><td><span class="cp">7</span>1286</td></tr></table>', style
    )
    assert read_html("t.html", raw.encode()).text == "行政许可\t71286\n"


def test_a_cell_with_a_small_indent_is_read() -> None:
    raw = page('<table><tr><td>行政许可</td><td style="text-indent:-2em">1286</td></tr></table>')
    assert read_html("t.html", raw.encode()).text == "行政许可\t1286\n"
