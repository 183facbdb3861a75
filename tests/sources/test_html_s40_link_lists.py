"""Lists of links around a report on a portal's page (menus, the disclosure catalogue,
"最新公开", "相关阅读", a table of contents) are not read: their items named other
documents, and were taken for the report's headings or claims."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.sources.pagekit import assert_qingshan_read_whole, run
from tests.sources.portal import in_portal
from tests.sources.test_html_portal import decoded
from xxgk_lint.sources.html import read_html

_BODY = re.compile(r"<body[^>]*>", re.IGNORECASE)


def text_of(body: str) -> str:
    return read_html("t.html", f"<html><body>{body}</body></html>".encode()).text


@pytest.mark.parametrize(
    "items",
    [
        '<li><a href="/a/">一、政府信息公开指南</a></li><li><a href="/b/">二、政府信息公开制度</a></li>',
        '<li><a href="/1.html">2023年12月份申请办理情况（收到11件）</a><span>[2024-01-05]</span></li>',
        '<li><span class="date">2023-01-20</span> <a href="/2022.html">2022年年度报告</a></li>',
        '<li><a href="/">首页</a><ul class="sub"><li><a href="/x/">政策文件</a></li></ul></li>',
        '<li><a href="#s1">一、总体情况</a></li><li><a href="#s2">二、主动公开政府信息情况</a></li>',
        '<li><a href="/a/">机构职能</a> | <a href="/b/">政策文件</a></li>',
    ],
    ids=["catalogue", "latest", "date-first", "sub-menu", "contents", "two-links"],
)
def test_a_list_item_of_links_is_not_read(items: str) -> None:
    assert text_of(f"<p>前</p><ul>{items}</ul><p>后</p>") == "前\n后\n"


@pytest.mark.parametrize(
    ("items", "read"),
    [
        # a sentence of the report that links a name
        ('<li>在<a href="/">门户网站</a>公开信息186条</li>', "在门户网站公开信息186条"),
        # a named anchor, not a link
        ('<li><a name="s1">一、总体情况</a></li>', "一、总体情况"),
        # a label beside the link
        ('<li><span>[解读]</span><a href="/j.html">政策解读</a></li>', "[解读]政策解读"),
        # an <a> left open around a block of the report
        ('<li><a href="/"><p>一、总体情况</p></a></li>', "一、总体情况"),
        # text of its own: not a list item of links
        ("<li>一、总体情况</li>", "一、总体情况"),
    ],
    ids=["sentence", "anchor", "label", "open-link", "text"],
)
def test_a_list_item_with_text_of_its_own_is_read(items: str, read: str) -> None:
    assert text_of(f"<ul>{items}</ul>") == f"{read}\n"


SIDE = (
    '<div class="side"><h3>政府信息公开</h3><ul>'
    '<li><a href="/a/">一、政府信息公开指南</a></li><li><a href="/b/">二、政府信息公开制度</a></li>'
    '<li><a href="/c/">三、法定主动公开内容</a></li><li><a href="/d/">四、政府信息公开年报</a></li>'
    '</ul><h3>最新公开</h3><ul><li><a href="/1.html">2023年12月份政府信息公开申请办理情况'
    "（收到11件，办结10件）</a><span>[2024-01-05]</span></li></ul>"
    '<h3>相关阅读</h3><ul><li><a href="/2022.html">青山县交通运输局2022年政府信息公开工作年度报告'
    "</a><span>2023-01-20</span></li></ul></div>\n"
)


def test_a_report_beside_lists_of_links_reads_as_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A side bar before the report: a catalogue numbered as the report's sections, a
    "latest" item stating numbers of applications, last year's report with its date."""
    fixture = FIXTURES / "html" / "qingshan-jiaotong-2023.html"
    page = decoded(fixture)
    start = _BODY.search(page)
    assert start is not None
    path = tmp_path / "side.html"
    path.write_text(in_portal(page[: start.end()] + SIDE + page[start.end() :]), "utf-8")
    alone = run(["check", "--format", "json", str(fixture)], capsys)
    checked = run(["check", "--format", "json", str(path)], capsys)
    assert [d["code"] for d in checked["diagnostics"]] == [
        d["code"] for d in alone["diagnostics"]
    ]  # (none: no XG102 of the catalogue, XG501 of 办结10件, XG305 of 2023-01-20)
    report = run(["parse", "--format", "json", "--spans", str(path)], capsys)["reports"][0]
    assert (report["agency"], report["year"]) == ("青山县交通运输局", 2023)
    assert report["title"] == "青山县交通运输局2023年政府信息公开工作年度报告"
    assert_qingshan_read_whole(report, path)
