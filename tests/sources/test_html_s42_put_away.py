"""A wrong value put out of view before the real one in a cell, as a mark against copying:
pushed out by a negative ``text-indent`` (``display:inline-block; text-indent:-9999px;
overflow:hidden; width:0``), placed far out of the window (``position:absolute;
left:-9999px``), scaled to nothing (``transform: scale(0)``), of no size with the rest cut
off (``width:0; height:0; overflow:hidden``) or clipped to a shape of no area
(``clip-path: circle(0)``), by its ``style`` or the page's ``<style>``. None of it is read;
what a browser shows (a small indent, an indent on an inline box, a scale of one) is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.sources.pagekit import (
    assert_qingshan_marked_reads_as_written,
)
from tests.sources.places import place
from tests.sources.portal import in_portal
from tests.sources.test_html_portal import decoded
from xxgk_lint.sources.html import read_html

QINGSHAN = FIXTURES / "html" / "qingshan-jiaotong-2023.html"


def page(body: str, style: str = "") -> str:
    head = f"<head><style>{style}</style></head>" if style else ""
    return f"<html>{head}<body>{body}</body></html>"


@pytest.mark.parametrize(
    ("mark", "style"),
    [
        (
            '<span style="display:inline-block;text-indent:-9999px;overflow:hidden;width:0">7</span>',
            "",
        ),
        ('<span style="display: inline-block; text-indent: -999em">7</span>', ""),
        ('<span style="float:left;text-indent:-9999px">7</span>', ""),
        (
            '<span class="cp">7</span>',
            ".cp{display:inline-block;text-indent:-9999px;overflow:hidden}",
        ),
        ('<span style="position:absolute;left:-9999px">7</span>', ""),
        ('<span class="cp">7</span>', ".cp{position:absolute;top:-10000px;left:0}"),
        ('<span style="display:inline-block;transform:scale(0);width:0">7</span>', ""),
        ('<span style="position:absolute;transform:scaleX(0)">7</span>', ""),
        ('<span style="display:inline-block;width:0;height:0;overflow:hidden">7</span>', ""),
        ('<span class="cp">7</span>', "span.cp{display:inline-block;max-width:0;overflow:hidden}"),
        ('<span style="position:absolute;clip-path:circle(0)">7</span>', ""),
        ('<span style="display:inline-block;clip-path:polygon(0 0,0 0,0 0)">7</span>', ""),
    ],
    ids=[
        "indent",
        "indent-em-no-overflow",
        "indent-float",
        "indent-class",
        "left",
        "top-class",
        "scale",
        "scale-x",
        "zero-size",
        "max-width-class",
        "circle",
        "polygon",
    ],
)
def test_a_value_put_out_of_view_is_not_read(mark: str, style: str) -> None:
    raw = page(f"<table><tr><td>行政许可</td><td>{mark}1286</td></tr></table>", style)
    source = read_html("t.html", raw.encode())
    assert source.text == "行政许可\t1286\n"
    assert place(source, 1, 6) == (1, raw.index("1286") + 1)


@pytest.mark.parametrize(
    "style",
    [
        "display:inline-block;text-indent:2em",  # a small indent
        "display:inline-block;text-indent:9999px",  # forward: still drawn
        "text-indent:-9999px",  # an inline box takes no indent
        "display:inline-block;text-indent:-20px",  # a nudge
        "position:relative;left:-20px",
        "display:inline-block;transform:scale(1)",
        "display:inline-block;height:20px;overflow:hidden",
        "width:0;overflow:hidden",  # an inline box takes no width
        "position:absolute;clip-path:circle(50%)",
    ],
)
def test_a_value_in_view_is_read(style: str) -> None:
    raw = page(
        f'<table><tr><td>行政许可</td><td><span style="{style}">1286</span></td></tr></table>'
    )
    source = read_html("t.html", raw.encode())
    assert source.text == "行政许可\t1286\n"


def test_a_logo_replaced_by_its_picture_is_not_read() -> None:
    """The image replacement idiom: the site's name in a link pushed out of view, a
    picture drawn instead (chrome)."""
    logo = (
        '<h1 class="logo"><a href="/" style="display:block;background:url(/l.png);'
        'text-indent:-9999px;overflow:hidden">青山县人民政府</a></h1>'
    )
    raw = page(logo + "<p>一、总体情况</p>")
    assert read_html("t.html", raw.encode()).text == "一、总体情况\n"


def test_qingshan_with_wrong_values_indented_away(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each number of qingshan's tables behind a wrong one pushed out of view: the tables
    read as written, each value at its digits, no finding."""
    text = in_portal(decoded(QINGSHAN))
    hide = '<span style="display:inline-block;text-indent:-9999px;overflow:hidden;width:0">'
    text = re.sub(
        r'(<p align="center">)(\d+)</p>',
        lambda m: f"{m[1]}{hide}{int(m[2]) + 7}</span>{m[2]}</p>",
        text,
    )
    assert_qingshan_marked_reads_as_written(text, tmp_path, capsys)
