"""A wrong value written in the colour of the background it shows before the real one in
a cell, as a mark against copying (``<span style="color:#fff">7</span>1286``): white on
the page's white, by the span's ``style``, a ``<font color>``, a class of the page's
``<style>``, or on a background of the same colour set by the span, a cell, a row (by a
rule) or the page's ``<body>``. It is not read; a white text on a coloured background (a
header cell's label, a value on a blue cell, by a style, a ``bgcolor`` or a rule of the
page's ``<style>``) is, and so is a white text that is the whole of its cell (a stylesheet
the reader does not have may paint the cell)."""

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
from xxgk_lint.sources import html_css
from xxgk_lint.sources.html import read_html

QINGSHAN = FIXTURES / "html" / "qingshan-jiaotong-2023.html"


def page(body: str, style: str = "") -> str:
    head = f"<head><style>{style}</style></head>" if style else ""
    return f"<html>{head}<body>{body}</body></html>"


@pytest.mark.parametrize(
    ("mark", "style", "around"),
    [
        ('<span style="color:#fff">7</span>', "", ""),
        ('<span style="COLOR: #FFFFFF">7</span>', "", ""),
        ('<span style="color: rgb(255, 255, 255)">7</span>', "", ""),
        ('<span style="color:white !important">7</span>', "", ""),
        ('<span style="color:#fefefe">7</span>', "", ""),
        ('<font color="#FFFFFF">7</font>', "", ""),
        ('<span style="color:#ffffff;background-color:#ffffff">7</span>', "", ""),
        ('<span class="wm">7</span>', ".wm{color:#fff}", ""),
        ('<span class="wm">7</span>', "span.wm{color:#fff;font-size:12px}", ""),
        ('<span style="color:#fafafa">7</span>', "body{background:#fafafa}", ""),
        ('<span style="color:#fff">7</span>', ".t tr{background:#fff}", 't class="t"'),
    ],
    ids=[
        "style",
        "upper-case",
        "rgb",
        "name-important",
        "near-white",
        "font",
        "white-on-white",
        "class",
        "tag-class",
        "body-grey",
        "row-by-rule",
    ],
)
def test_a_value_in_the_colour_of_its_background_is_not_read(
    mark: str, style: str, around: str
) -> None:
    table = f"<table{around[1:] and ' ' + around[2:]}>"
    raw = page(f"{table}<tr><td>行政许可</td><td>{mark}1286</td></tr></table>", style)
    source = read_html("t.html", raw.encode())
    assert source.text == "行政许可\t1286\n"
    assert place(source, 1, 6) == (1, raw.index("1286") + 1)


def test_a_white_value_on_a_white_cell_over_a_blue_table_is_not_read() -> None:
    """The background the text shows is the nearest one painted: the cell's white, not
    the table's blue."""
    raw = page(
        '<table style="background:#1d5fa8"><tr><td>行政许可</td>'
        '<td style="background:#fff"><span style="color:#fff">7</span>1286</td></tr></table>'
    )
    assert read_html("t.html", raw.encode()).text == "行政许可\t1286\n"


@pytest.mark.parametrize(
    ("cell", "style"),
    [
        ('<td><span style="color:#fff;background:#1d5fa8">1286</span></td>', ""),
        ('<td style="background-color:#c00"><span style="color:#fff">1286</span></td>', ""),
        ('<td bgcolor="#336699"><font color="#FFFFFF">1286</font></td>', ""),
        ('<td><span style="color:#fff">1286</span></td>', ".blue td{background:#2b6cb0}"),
        ('<td><span style="color:#fff;background:url(/bg.png) #fff">1286</span></td>', ""),
        ('<td><span style="color:#fff">1286</span></td>', ""),
        ('<td><span style="color:#999">7</span>1286</td>', ""),
    ],
    ids=[
        "on-blue",
        "on-red-cell",
        "bgcolor",
        "cells-by-rule",
        "on-a-picture",
        "whole-cell",
        "grey",
    ],
)
def test_a_white_value_that_is_seen_is_read(cell: str, style: str) -> None:
    raw = page(f'<table class="blue"><tr><td>行政许可</td>{cell}</tr></table>', style)
    text = read_html("t.html", raw.encode()).text
    assert text == ("行政许可\t71286\n" if "#999" in cell else "行政许可\t1286\n")


def test_a_white_label_in_a_coloured_header_cell_is_read() -> None:
    raw = page(
        '<table><tr><th style="background:#c00"><span style="color:#fff">自然人</span>'
        '</th></tr><tr><td><span style="color:#fff">7</span>3</td></tr></table>'
    )
    assert read_html("t.html", raw.encode()).text == "自然人\n3\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#fff", (255, 255, 255)),
        ("#FFFFFF", (255, 255, 255)),
        ("#ffff", (255, 255, 255)),
        ("#fff8", None),
        ("white", (255, 255, 255)),
        ("rgb(100%, 100%, 100%)", (255, 255, 255)),
        ("rgb(255 255 255 / 0.5)", None),
        ("rgba(255,255,255,1)", (255, 255, 255)),
        ("inherit", None),
        ("#12", None),
    ],
)
def test_colour(value: str, expected: tuple[int, int, int] | None) -> None:
    assert html_css.colour(value) == expected


def test_qingshan_with_wrong_values_in_white(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each number of qingshan's tables behind a wrong one in white: the tables read as
    written, each value at its digits, no error."""
    text = in_portal(decoded(QINGSHAN))
    text = re.sub(
        r'(<p align="center">)(\d+)</p>',
        lambda m: f'{m[1]}<span style="color:#ffffff">{int(m[2]) + 7}</span>{m[2]}</p>',
        text,
    )
    assert_qingshan_marked_reads_as_written(text, tmp_path, capsys)
