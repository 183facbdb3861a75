"""Lists of links to other documents written without ``<li>`` ("最新公开", "相关阅读",
"热点信息", "上一篇/下一篇" as ``<p>``/``<div>`` rows or a ``<dl>``) are not read: their
titles were read as the report's prose (false XG501, another year, a date)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.sources.pagekit import assert_qingshan_read_whole, run
from tests.sources.portal import in_portal
from tests.sources.test_html_portal import decoded
from xxgk_lint.sources.html import read_html

LATEST = "2023年12月份政府信息公开申请办理情况（收到11件，办结10件）"


def text_of(body: str) -> str:
    return read_html("t.html", f"<html><body>{body}</body></html>".encode()).text


@pytest.mark.parametrize(
    "rows",
    [
        f'<div class="item"><a href="/4.html">{LATEST}</a><span>2024-01-05</span></div>',
        f'<p>·<a href="/4.html">{LATEST}</a>　[2024年01月05日]</p>',
        f'<dl><dt>相关阅读</dt><dd><a href="/4.html">{LATEST}</a><em>[01-05]</em></dd></dl>',
        '<p>上一篇：<a href="/2022.html">2022年政府信息公开工作年度报告</a></p>',
        '<div>下一篇： <a href="/n.html">关于2024年政务公开工作要点的通知</a></div>',
    ],
    ids=["div-row", "p-row", "dl", "previous", "next"],
)
def test_a_row_of_links_is_not_read(rows: str) -> None:
    assert text_of(f"<p>前</p>{rows}<p>后</p>").replace("相关阅读\n", "") == "前\n后\n"


@pytest.mark.parametrize(
    ("row", "read"),
    [
        # a link alone: a paragraph of the report (a document it names)
        ('<p><a href="/p1.html">关于印发政务公开要点的通知</a></p>', "关于印发政务公开要点的通知"),
        # a link and a month: the report's list of what it published
        (
            '<p><a href="/p1.html">关于印发要点的通知</a>（2023年1月）</p>',
            "关于印发要点的通知（2023年1月）",
        ),
        # a sentence that links a word
        ('<p>在<a href="/">门户网站</a>公开信息186条</p>', "在门户网站公开信息186条"),
        # an attachment's label
        ('<p>附件：<a href="/a.pdf">年度报告.pdf</a></p>', "附件：年度报告.pdf"),
    ],
    ids=["link-alone", "month", "sentence", "attachment"],
)
def test_a_paragraph_of_the_report_with_links_is_read(row: str, read: str) -> None:
    assert text_of(row) == f"{read}\n"


def test_a_report_with_dated_rows_of_links_after_it_reads_as_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, the row's "收到11件，办结10件" was read as the report's, XG501."""
    fixture = FIXTURES / "html" / "qingshan-jiaotong-2023.html"
    page = decoded(fixture)
    end = page.index("</body>")
    hot = (
        f'<div class="hot"><p>热点信息</p><p>·<a href="/4.html">{LATEST}</a>　2024-01-05</p></div>'
    )
    path = tmp_path / "hot.html"
    path.write_text(in_portal(page[:end] + hot + page[end:]), "utf-8")
    alone = run(["check", "--format", "json", str(fixture)], capsys)
    checked = run(["check", "--format", "json", str(path)], capsys)
    assert "XG501" not in [d["code"] for d in checked["diagnostics"]]
    assert [d["code"] for d in checked["diagnostics"]] == [d["code"] for d in alone["diagnostics"]]
    report = run(["parse", "--format", "json", "--spans", str(path)], capsys)["reports"][0]
    assert_qingshan_read_whole(report, path)
