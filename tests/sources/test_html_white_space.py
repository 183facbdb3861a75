"""Text a page shows with ``white-space: pre`` (and pre-wrap, pre-line, break-spaces) keeps
its line breaks, as in a ``<pre>``: a report pasted as plain text into a
``<div style="white-space:pre-wrap">`` is read line by line, not as one line."""

from __future__ import annotations

import pytest

from xxgk_lint.sources.html import read_html
from xxgk_lint.sources.html_css import keeps_line_breaks

TEXT = "一、总体情况\n本年收到申请12件。\n规章\t2\t1\t15"
LINES = ["一、总体情况", "本年收到申请12件。", "规章 2 1 15"]


def page(body: str, style: str = "") -> bytes:
    head = f"<style>{style}</style>" if style else ""
    return f"<html><head>{head}</head><body><p>前</p>{body}<p>后</p></body></html>".encode()


@pytest.mark.parametrize(
    "attributes",
    [
        'style="white-space: pre-wrap;"',
        'style="white-space:pre"',
        'style="WHITE-SPACE: PRE-LINE"',
        'style="color:red;white-space:break-spaces !important"',
        'style="white-space:normal; white-space:pre-wrap"',  # the last one counts
    ],
)
def test_a_block_that_keeps_line_breaks_by_its_style(attributes: str) -> None:
    source = read_html("t.html", page(f"<div {attributes}>{TEXT}</div>"))
    assert source.text.split("\n") == ["前", *LINES, "后", ""]


@pytest.mark.parametrize(
    ("style", "attributes"),
    [
        (".txt{white-space:pre-wrap}", 'class="a txt"'),
        ("div.txt { WHITE-SPACE : PRE }", 'class="txt"'),
        ("#main{white-space:pre-line}", 'id="main"'),
        ("div{white-space:pre-wrap} p{white-space:normal}", ""),
        ("<!-- .x{color:red} --> .txt{font-size:12px;white-space:pre-wrap}", 'class="txt"'),
    ],
)
def test_a_block_that_keeps_line_breaks_by_the_page_stylesheet(style: str, attributes: str) -> None:
    source = read_html("t.html", page(f"<div {attributes}>{TEXT}</div>", style))
    assert source.text.split("\n") == ["前", *LINES, "后", ""]


@pytest.mark.parametrize(
    ("style", "attributes"),
    [
        ("", 'style="white-space: normal"'),
        ("", 'style="white-space: nowrap"'),
        ("", 'style="word-wrap: pre"'),
        ("@media print { .txt{white-space:pre} }", 'class="txt"'),  # not the screen's
        (".txt{white-space:pre}", 'class="txt" style="white-space:normal"'),  # own style wins
        ("#main{white-space:pre}", 'id="main" class="txt"'),
        (".txt p{white-space:pre}", 'class="txt"'),  # not a selector read here
    ],
)
def test_line_breaks_in_the_source_are_joined_elsewhere(style: str, attributes: str) -> None:
    body = f"<div {attributes}>{TEXT}</div><style>#main{{white-space:normal}}</style>"
    source = read_html("t.html", page(body, style))
    assert source.text.split("\n") == ["前", "一、总体情况本年收到申请12件。规章 2 1 15", "后", ""]


def test_an_inline_element_keeps_line_breaks_and_a_child_may_join_them() -> None:
    body = '<p>甲<span style="white-space:pre">乙\n丙<b style="white-space:normal">丁\n戊</b>\n己</span>\n庚</p>'
    source = read_html("t.html", page(body))
    assert source.text.split("\n") == ["前", "甲乙", "丙丁戊", "己庚", "后", ""]


def test_a_pre_inside_a_block_that_joins_line_breaks_keeps_them() -> None:
    body = '<div class="txt" style="white-space:normal">一\n二<pre>三\n四</pre>五\n六</div>'
    source = read_html("t.html", page(body, ".txt{white-space:pre}"))
    assert source.text.split("\n") == ["前", "一二", "三", "四", "五六", "后", ""]


def test_cells_are_read_as_before() -> None:
    """In a table cell every line break is a break already (CJK text joins across it)."""
    body = '<table style="white-space:pre"><tr><td style="white-space:pre">行政\n许可</td><td>9</td></tr></table>'
    source = read_html("t.html", page(body))
    assert source.text.split("\n") == ["前", "行政许可\t9", "后", ""]


def test_positions_of_the_lines_kept() -> None:
    raw = f'<html><body>\n<div style="white-space:pre-wrap">{TEXT}</div>\n</body></html>'
    source = read_html("t.html", raw.encode())
    lines = source.text.split("\n")
    assert lines[2] == "规章 2 1 15"
    origin = source.origin(3, lines[2].index("15") + 1)
    assert (origin.line, origin.column) == (4, 8)  # "规章\t2\t1\t15" is line 4 of the page


@pytest.mark.parametrize(
    ("declarations", "expected"),
    [
        ("white-space:pre", True),
        ("white-space: Pre-Wrap ", True),
        ("white-space:pre-line;", True),
        ("white-space:break-spaces", True),
        ("white-space:normal", False),
        ("white-space:nowrap", False),
        ("white-space:inherit", None),
        ("color:red", None),
        ("", None),
    ],
)
def test_keeps_line_breaks(declarations: str, expected: bool | None) -> None:
    assert keeps_line_breaks(declarations) is expected
