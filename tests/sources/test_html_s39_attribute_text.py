"""Report text a page writes in an attribute: a table drawn as a form (``<td><input
value="12" readonly></td>``) and a report shown in ``<iframe srcdoc="…">`` (its page
written with references). Both are read, each character leading back to its place in
the attribute."""

from __future__ import annotations

import html

import pytest

from tests.sources.places import place
from xxgk_lint.sources.html import read_html


@pytest.mark.parametrize(
    "field",
    [
        '<input type="text" value="1493" readonly="readonly">',
        "<INPUT class=form-control VALUE=1493 disabled>",
        "<input type='number' value='1493'/>",
        '<span><input value="1493"></span>',
    ],
)
def test_a_text_field_in_a_cell_is_read(field: str) -> None:
    raw = (
        "<html><body><table><tr><td>行政许可</td>"
        f'<td>{field}</td><td><input value="&#51;6"></td></tr></table></body></html>'
    )
    source = read_html("t.html", raw.encode())
    assert source.text == "行政许可\t1493\t36\n"
    # the 1 of 1493
    assert place(source, 1, 6) == (1, raw.index("1493") + 1)
    # the 6 of 36, after &#51;
    assert place(source, 1, 12) == (1, raw.index("&#51;6") + 6)


@pytest.mark.parametrize(
    "field",
    [
        '<input type="hidden" value="88">',
        '<input type="checkbox" value="88">',
        '<input type="button" value="88">',
        '<input value="88" style="display:none">',
        '<input value="">',
    ],
)
def test_fields_that_show_no_text_are_not_read(field: str) -> None:
    raw = f"<html><body><table><tr><td>行政许可</td><td>{field}5</td></tr></table></body></html>"
    assert read_html("t.html", raw.encode()).text == "行政许可\t5\n"


def test_a_field_outside_tables_is_not_read() -> None:
    raw = '<html><body><p>搜索<input type="text" value="请输入关键字"></p><p>正文</p></body></html>'
    assert read_html("t.html", raw.encode()).text == "搜索\n正文\n"


REPORT = (
    "<html><head><style>.old{display:none}</style></head><body><p>一、总体情况</p>"
    "<table><tr><td>行政许可</td><td>1493</td></tr><tr class=old><td>行政许可</td><td>7</td>"
    "</tr></table><p>“三安全一稳定”</p></body></html>"
)


@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_report_in_a_srcdoc_frame_is_read(quote: str) -> None:
    attribute = html.escape(REPORT, quote=True)
    raw = (
        f"<html><body><p>首页</p>\n<iframe width=100% srcdoc={quote}{attribute}{quote}>"
        "<p>不支持</p></iframe>\n<p>主办单位</p></body></html>"
    )
    source = read_html("t.html", raw.encode())
    assert source.text == "首页\n一、总体情况\n行政许可\t1493\n“三安全一稳定”\n主办单位\n"
    assert source.grid[3].table == 0
    # the 1 of 1493
    assert place(source, 3, 6) == (2, raw.split("\n")[1].index("1493") + 1)
    # “, written as itself in the attribute
    assert place(source, 4, 1) == (2, raw.split("\n")[1].index("“三") + 1)
    # 一, after &lt;p&gt;
    assert place(source, 2, 1) == (2, raw.split("\n")[1].index("一、") + 1)


def test_a_hidden_srcdoc_frame_is_not_read() -> None:
    attribute = html.escape(REPORT, quote=True)
    raw = f'<html><body><p>首页</p><iframe hidden srcdoc="{attribute}"></iframe></body></html>'
    assert read_html("t.html", raw.encode()).text == "首页\n"


def test_a_text_area_in_a_cell_is_read() -> None:
    raw = (
        "<html><body><table><tr><td>行政许可</td><td><textarea readonly>1493</textarea></td>"
        '<td><textarea style="display:none">7</textarea>5</td></tr></table>'
        "<p>正文<textarea>复制全文</textarea></p></body></html>"
    )
    source = read_html("t.html", raw.encode())
    assert source.text == "行政许可\t1493\t5\n正文\n"
    assert place(source, 1, 6) == (1, raw.index("1493") + 1)
