"""An element whose ``style`` attribute draws it otherwise than its tag is read as drawn:
``<span style="display:block">`` is a paragraph of its own (editors that write paragraphs
as spans: the headings ran into one line with the text, XG101), and
``<div style="display:inline">`` stays in its line (a number whose digits are divs)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, run_main
from tests.sources.portal import in_portal
from xxgk_lint.sources.html import _STYLE_DISPLAY, _style_sets_display, read_html
from xxgk_lint.sources.html_css import displayed_as_block

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "html"


def page(body: str) -> bytes:
    return f"<html><body><p>前</p>{body}<p>后</p></body></html>".encode()


@pytest.mark.parametrize(
    "attributes",
    [
        'style="display:block"',
        'style="DISPLAY: Block; text-indent:2em"',
        'style="display:inline; display:flex"',  # the last one counts
        'style="display:list-item"',
    ],
)
def test_spans_drawn_as_blocks_are_lines_of_their_own(attributes: str) -> None:
    body = f"<span {attributes}>一、总体情况</span><span {attributes}>本年收到申请12件。</span>"
    source = read_html("t.html", page(body))
    assert source.text.split("\n") == ["前", "一、总体情况", "本年收到申请12件。", "后", ""]


@pytest.mark.parametrize(
    "attributes",
    ['style="display:inline"', 'style="display: inline-block"', 'style="display:inline-flex"'],
)
def test_blocks_drawn_in_their_line_stay_in_it(attributes: str) -> None:
    body = f"<div>收到申请<div {attributes}>1</div><div {attributes}>5</div>件。</div>"
    source = read_html("t.html", page(body))
    assert source.text.split("\n") == ["前", "收到申请15件。", "后", ""]


@pytest.mark.parametrize(
    "attributes",
    [
        "",
        'style="display:inline"',  # as the tag draws it: nothing changes
        'style="display:table-row"',  # a table's part: not read
        'style="color:red"',
        'style="display:none"',  # hidden: the hidden elements' business
    ],
)
def test_spans_drawn_as_their_tag_draws_them_join_the_line(attributes: str) -> None:
    body = f"<p><span {attributes}>一、总体</span><span>情况</span></p>"
    expected = ["前", "情况" if "none" in attributes else "一、总体情况", "后", ""]
    assert read_html("t.html", page(body)).text.split("\n") == expected


def test_a_number_of_divs_in_its_line_in_a_table_cell_is_one_number() -> None:
    """A table holding such an element is read by the walk, not at once, row by row."""
    digits = "".join(f'<div style="display:inline">{d}</div>' for d in "15")
    body = f"<table border=1><tr><td>行政许可</td><td>{digits}</td><td>3</td></tr></table>"
    source = read_html("t.html", page(body))
    assert source.text.split("\n") == ["前", "行政许可\t15\t3", "后", ""]
    plain = read_html("t.html", page(body.replace(digits, "15")))
    assert plain.text == source.text
    assert [(c.column, c.span) for c in source.grid[2].cells] == [(0, 1), (1, 1), (2, 1)]


def test_positions_of_a_span_drawn_as_a_block() -> None:
    raw = (
        "<html><body>\n"
        '<span style="display:block">一、总体情况</span>'
        '<span style="display:block">本年收到申请12件。</span>\n'
        "</body></html>"
    )
    source = read_html("t.html", raw.encode())
    lines = source.text.split("\n")
    assert lines[:2] == ["一、总体情况", "本年收到申请12件。"]
    origin = source.origin(2, lines[1].index("12") + 1)
    column = raw.split("\n")[1].index("12") + 1
    assert (origin.line, origin.column) == (2, column)


def test_headings_written_as_spans_are_sections(tmp_path: Path, capsys) -> None:
    """A report as an editor writes it: every paragraph a span drawn as a block. Before,
    the six headings ran into one line with the text (XG101, XG102)."""
    spans = "".join(
        f'<span style="display:block;text-indent:2em">{line}</span>'
        for line in CLEAN.splitlines()
        if line.strip() and "|" not in line
    )
    path = tmp_path / "r.html"
    path.write_text(f"<html><body>{spans}</body></html>", encoding="utf-8")
    found = run_main(capsys, "check", "--isolated", "--format", "json", path).codes()
    assert "XG003" in found  # (the tables were left out of this page)
    assert [code for code in found if code in ("XG101", "XG102")] == []
    headings = path.read_text(encoding="utf-8").replace("display:block;", "")
    path.write_text(headings, encoding="utf-8")  # as the tags draw them: one line, no report
    assert run_main(capsys, "check", "--isolated", "--format", "json", path).codes() == ["XG001"]


@pytest.mark.parametrize(
    ("declarations", "expected"),
    [
        ("display:block", True),
        ("display: Flex ", True),
        ("display:grid", True),
        ("display:list-item", True),
        ("display:flow-root", True),
        ("display:inline", False),
        ("display:inline-block", False),
        ("display:inline-grid !important", False),
        ("display:none", None),
        ("display:table-cell", None),
        ("display:contents", None),
        ("color:red", None),
        ("", None),
    ],
)
def test_displayed_as_block(declarations: str, expected: bool | None) -> None:
    assert displayed_as_block(declarations) is expected


def test_a_page_hiding_by_display_none_reads_as_before() -> None:
    body = '<p style="display:none">旧</p><div class="x">一、总体情况</div>'
    assert read_html("t.html", page(body)).text.split("\n") == ["前", "一、总体情况", "后", ""]


_PIECES = (
    "style=",
    "style = ",
    'style="',
    "style='",
    "display",
    "display:",
    "display : ",
    "block",
    "inline",
    "none",
    "table-cell",
    "color:red;",
    '"',
    "'",
    "<",
    ">",
    "<span ",
    "<p>",
    " ",
    ";",
    "\n",
    "字",
)


@pytest.mark.parametrize("seed", range(300))
def test_style_sets_display_answers_as_the_pattern(seed: int) -> None:
    """``_style_sets_display`` (each "display" looked at, back to the nearest "<" or ">")
    answers as the pattern searched through the whole page, on pages of random pieces of
    styles, quotes and brackets, and on the fixtures alone and in a portal."""
    rng = random.Random(seed)
    page = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 60))).encode()
    assert _style_sets_display(page) is (_STYLE_DISPLAY.search(page) is not None)


@pytest.mark.parametrize(
    "name", ["qingshan-jiaotong-2023", "yunxi-shengtai-2023", "baisha-zhen-2023"]
)
def test_style_sets_display_on_the_fixtures(name: str) -> None:
    data = (FIXTURES / f"{name}.html").read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:  # (two of the fixtures are GBK pages)
        text = data.decode("gb18030")
    for page in (
        text,
        in_portal(text),
        in_portal(text).replace('class="sub"', 'style="display:block"'),
    ):
        lowered = page.encode().lower()
        assert _style_sets_display(lowered) is (_STYLE_DISPLAY.search(lowered) is not None)
