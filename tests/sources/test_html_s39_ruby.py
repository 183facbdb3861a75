"""A ruby's annotation (``<rt>``: pinyin over the characters) and its fallback brackets
(``<rp>``) are not read: read, they glue the annotation into the word or the number."""

from __future__ import annotations

from tests.sources.places import place
from xxgk_lint.sources.html import read_html


def test_ruby_annotations_are_not_read() -> None:
    raw = (
        "<html><body><p><ruby>政<rp>(</rp><rt>zhèng</rt><rp>)</rp></ruby>府信息</p>"
        "<table><tr><td>行政许可</td><td>14<ruby>9<rt>九</rt></ruby>3</td></tr></table>"
        "</body></html>"
    )
    source = read_html("t.html", raw.encode())
    assert source.text == "政府信息\n行政许可\t1493\n"
    # the 9
    assert place(source, 2, 8) == (1, raw.index("9<rt>") + 1)
