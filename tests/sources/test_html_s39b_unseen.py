"""Text a browser draws unseen or not at all: at an opacity of zero (digits slipped into a
number, an old value kept beside the new one), clipped away for screen readers only
(``.sr-only``, ``.visually-hidden``), and content a stylesheet hides by
``content-visibility: hidden``. None of it is read."""

from __future__ import annotations

import pytest

from tests.sources.places import place
from xxgk_lint.sources.html import read_html


def page(body: str, style: str = "") -> str:
    head = f"<head><style>{style}</style></head>" if style else ""
    return f"<html>{head}<body>{body}</body></html>"


@pytest.mark.parametrize(
    ("mark", "style"),
    [
        ('<i style="opacity: 0">5</i>', ""),
        ("<span style='OPACITY:0.0'>5</span>", ""),
        ('<span style="opacity:0%">5</span>', ""),
        ('<span class="wm">5</span>', "span.wm{opacity:0;}"),
        ('<span class="wm">5</span>', ".wm { opacity: .0 !important }"),
    ],
)
def test_digits_at_opacity_zero_are_not_read(mark: str, style: str) -> None:
    raw = page(f"<table><tr><td>行政许可</td><td>1{mark}286</td></tr></table>", style)
    source = read_html("t.html", raw.encode())
    assert source.text == "行政许可\t1286\n"
    # the 2 of 1286, after the hidden digit
    assert place(source, 1, 7) == (1, raw.index("286") + 1)


@pytest.mark.parametrize(
    ("body", "style"),
    [
        ('<span style="opacity:0.5">36</span>', ""),  # half drawn: seen
        ('<span style="opacity:1">36</span>', ""),
        ('<span class="wm">36</span>', ".wm{opacity:0} .wm{opacity:1}"),  # drawn again
        ('<span class="wm" style="opacity:1">36</span>', ".wm{opacity:0}"),
        ('<span style="opacity:0.05">36</span>', ""),
    ],
)
def test_text_at_another_opacity_is_read(body: str, style: str) -> None:
    raw = page(f"<table><tr><td>行政许可</td><td>{body}</td></tr></table>", style)
    assert read_html("t.html", raw.encode()).text == "行政许可\t36\n"


SR_ONLY = (
    ".sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;"
    "overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}"
)


@pytest.mark.parametrize(
    ("copy", "style"),
    [
        ('<span class="sr-only">1286件</span>', SR_ONLY),
        (
            '<span class="vh">（上年1293）</span>',
            ".vh{position:absolute!important;clip:rect(1px 1px 1px 1px)}",
        ),
        ('<span class="vh">（上年1293）</span>', ".vh{clip-path:inset(50%);height:1px;width:1px}"),
        ('<span style="position:absolute;clip:rect(0 0 0 0)">1286件</span>', ""),
    ],
)
def test_text_for_screen_readers_only_is_not_read(copy: str, style: str) -> None:
    raw = page(
        f'<table><tr><td>行政许可</td><td><span aria-hidden="true">1286</span>{copy}</td></tr>'
        "</table>",
        style,
    )
    source = read_html("t.html", raw.encode())
    assert source.text == "行政许可\t1286\n"
    assert place(source, 1, 6) == (1, raw.index("1286") + 1)


@pytest.mark.parametrize(
    ("body", "style"),
    [
        # clip clips only an element taken out of the flow
        ('<span style="clip:rect(0 0 0 0)">36</span>', ""),
        ('<span class="sr-only">36</span>', SR_ONLY + ".sr-only{clip:auto}"),
        ('<span style="position:absolute;clip:rect(0 200px 40px 0)">36</span>', ""),
        ('<span style="clip-path:inset(10%)">36</span>', ""),
    ],
)
def test_text_not_clipped_away_is_read(body: str, style: str) -> None:
    raw = page(f"<table><tr><td>行政许可</td><td>{body}</td></tr></table>", style)
    assert read_html("t.html", raw.encode()).text == "行政许可\t36\n"


def test_content_visibility_hidden_by_the_stylesheet_is_not_read() -> None:
    raw = page(
        '<div class="old"><table><tr><td>行政许可</td><td>88</td></tr></table></div>'
        "<table><tr><td>行政许可</td><td>1493</td></tr></table>",
        ".old{content-visibility:hidden}",
    )
    source = read_html("t.html", raw.encode())
    assert source.text == "行政许可\t1493\n"
    assert place(source, 1, 6) == (1, raw.index("1493") + 1)


@pytest.mark.parametrize(
    ("mark", "style"),
    [
        ('<span style="opacity:0"><b>9</b></span>', ""),
        ('<span class="sr-only"><b>9</b>件</span>', SR_ONLY),
    ],
)
def test_elements_inside_an_unseen_one_are_not_read(mark: str, style: str) -> None:
    raw = page(f"<table><tr><td>行政许可</td><td>{mark}1286</td></tr></table>", style)
    source = read_html("t.html", raw.encode())
    assert source.text == "行政许可\t1286\n"
    assert place(source, 1, 6) == (1, raw.index("1286") + 1)


def test_a_font_size_zero_around_elements_is_read() -> None:
    raw = page('<table><tr><td>行政许可</td><td style="font-size:0"><b>1286</b></td></tr></table>')
    assert read_html("t.html", raw.encode()).text == "行政许可\t1286\n"
