"""A report split over pages inside one page: the CMS shows the first part and hides the
others, with a pager under them ("1 2 3 下一页 尾页"). The report is all the parts, in
order; what else the page hides (tabs of other years, a print copy) stays hidden."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sources.pagekit import QINGSHAN, assert_qingshan_read_whole, qingshan_in_three_parts, run
from tests.sources.portal import in_portal
from xxgk_lint.sources.html import read_html

PAGER = '<div class="pages"><a href="#">1</a> <a href="#">2</a> <a href="#">下一页</a></div>'
FIRST = "<p>一、总体情况</p><p>" + "本机关依法公开政府信息。" * 20 + "</p>"


def text_of(body: str) -> str:
    return read_html("t.html", f"<html><body>{body}</body></html>".encode()).text


@pytest.mark.parametrize(
    ("first", "later"),
    [
        ('<div id="page_1">', '<div id="page_2" style="display:none">'),
        ('<div class="part">', '<div class="part" hidden>'),
        ("<section>", '<section style="display: none">'),
    ],
    ids=["ids", "class-attribute", "bare"],
)
def test_the_later_parts_are_read(first: str, later: str) -> None:
    tag = first[1:].split()[0].rstrip(">")
    body = f"{first}{FIRST}</{tag}>{later}<p>三、收到和处理政府信息公开申请情况</p></{tag}>{PAGER}"
    assert text_of(body).split("\n")[2] == "三、收到和处理政府信息公开申请情况"


def test_a_part_the_parser_nested_in_a_cell_is_read() -> None:
    """Cut in a table: the parser puts the next part in the cell the cut was in."""
    body = (
        f'<div class="p" id="p1">{FIRST}<table border="1"><tr><td>'
        '</div><div class="p" id="p2" style="display:none"><p>四、结转下年度继续办理</p>'
        f"</td><td>1</td></tr></table></div>{PAGER}"
    )
    assert "四、结转下年度继续办理" in text_of(body)


@pytest.mark.parametrize(
    "hidden",
    [
        # another year's report in a tab: it repeats the first part's headings
        f'<div class="pane" style="display:none">{FIRST.replace("依法", "去年")}</div>',
        # a print copy: another kind of element
        f'<div id="print" style="display:none">{FIRST}</div>',
        # without a pager, nothing is a page
        '<div class="pane" style="display:none"><p>三、收到</p></div>',
    ],
    ids=["tab", "print-copy", "no-pager"],
)
def test_what_else_is_hidden_stays_hidden(hidden: str) -> None:
    pager = PAGER if "三、收到" not in hidden else ""
    text = text_of(f'<div class="pane">{FIRST}</div>{hidden}{pager}')
    assert "去年" not in text
    assert text.count("一、总体情况") == 1
    assert "三、收到" not in text


def test_a_report_in_three_parts_on_a_portal_reads_as_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The fixture cut before 三、 and 五、; the later parts hidden; before, XG101 named the
    four sections on the hidden parts and table 三 was missing."""
    head, (one, two, three), tail = qingshan_in_three_parts()
    parts = (
        head
        + f'<div id="page_1" class="cms-page">{one}</div>\n'
        + f'<div id="page_2" class="cms-page" style="display:none">{two}</div>\n'
        + f'<div id="page_3" class="cms-page" style="display:none">{three}</div>\n'
        + PAGER
        + tail
    )
    path = tmp_path / "paged.html"
    path.write_text(in_portal(parts), "utf-8")
    alone = run(["check", "--format", "json", str(QINGSHAN)], capsys)
    checked = run(["check", "--format", "json", str(path)], capsys)
    assert [d["code"] for d in checked["diagnostics"]] == [
        d["code"] for d in alone["diagnostics"]
    ]  # (no XG101 of 三 … 六, no XG003 of table 三)
    report = run(["parse", "--format", "json", "--spans", str(path)], capsys)["reports"][0]
    assert_qingshan_read_whole(report, path)
