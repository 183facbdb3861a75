"""Elements a browser draws otherwise than their content: a ``<dialog>`` without ``open``
is not shown (its table is not read); a ``<select>`` in a cell shows one option (read);
an ``<embed>`` has no content (the parser's putting the rest of the page into it must not
drop that); a closed ``<details>`` is read (its content is the page's own, one click
away, not a copy)."""

from __future__ import annotations

import re

import pytest

from tests.sources.places import place
from xxgk_lint.sources.html import read_html


def page(body: str) -> str:
    return f"<html><body>{body}</body></html>"


TABLE = "<table><tr><td>行政许可</td><td>{}</td></tr></table>"


def test_a_closed_dialog_is_not_read() -> None:
    raw = page(f'<dialog id="y2022">{TABLE.format(88)}</dialog>{TABLE.format(1493)}')
    source = read_html("t.html", raw.encode())
    assert source.text == "行政许可\t1493\n"
    assert place(source, 1, 6) == (1, raw.index("1493") + 1)


def test_an_open_dialog_is_read() -> None:
    raw = page(f"<dialog open>{TABLE.format(1493)}</dialog>")
    assert read_html("t.html", raw.encode()).text == "行政许可\t1493\n"


@pytest.mark.parametrize(
    "select",
    [
        "<select disabled><option>88</option><option selected>1493</option></select>",
        '<select><option value="1493">1493</option></select>',
        '<select>\n<optgroup label="x"><option>1493</option>\n<option>88</option></optgroup></select>',
        '<select><option value="a">88</option><option value="b" selected="selected"> 1493 </option></select>',
    ],
)
def test_the_option_a_select_shows_is_read(select: str) -> None:
    raw = page(TABLE.format(select))
    source = read_html("t.html", raw.encode())
    assert source.text == "行政许可\t1493\n"
    at = re.search(r">\s*(1493)", raw).start(1)  # the option's text, not its value
    assert place(source, 1, 6) == (raw.count("\n", 0, at) + 1, at - raw.rfind("\n", 0, at))


def test_a_select_showing_several_options_is_not_read() -> None:
    raw = page(TABLE.format("<select multiple><option>1493</option><option>88</option></select>"))
    assert read_html("t.html", raw.encode()).text == "行政许可\t\n"


def test_the_page_after_an_embed_is_read() -> None:
    raw = page(f'<embed src="/u/2023.pdf" type="application/pdf">{TABLE.format(1493)}')
    source = read_html("t.html", raw.encode())
    assert source.text == "行政许可\t1493\n"
    assert place(source, 1, 6) == (1, raw.index("1493") + 1)


def test_the_fallback_of_an_object_is_not_read() -> None:
    raw = page(f'<object data="a.pdf"><p>请下载</p></object>{TABLE.format(1493)}')
    assert read_html("t.html", raw.encode()).text == "行政许可\t1493\n"


def test_a_closed_details_is_read() -> None:
    raw = page(f"<details><summary>展开表格</summary>{TABLE.format(1493)}</details>")
    assert read_html("t.html", raw.encode()).text == "展开表格\n行政许可\t1493\n"


def test_a_closed_dialog_holding_the_report_is_read() -> None:
    rows = "".join(f"<tr><td>行政许可{i}</td><td>{1000 + i}</td></tr>" for i in range(120))
    raw = page(f"<p>首页</p><dialog id='zoom'><table>{rows}</table></dialog>")
    source = read_html("t.html", raw.encode())
    assert source.text.splitlines()[1] == "行政许可0\t1000"
    assert place(source, 2, 7) == (1, raw.index("1000") + 1)
