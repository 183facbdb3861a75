"""A portal's page that holds its report only as an attachment (a link to a PDF or Word
file, or a viewer showing one) says so: the user is told which file to check, not only
that the page is not a report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.sources.portal import in_portal
from tests.sources.test_html_portal import decoded
from xxgk_lint.cli.main import main
from xxgk_lint.parse import NotAReportError, parse_path
from xxgk_lint.sources.html import read_html
from xxgk_lint.sources.model import PAGE_ATTACHMENT

TITLE = "青山县交通运输局2023年政府信息公开工作年度报告"


def portal_page(tmp_path: Path, body: str) -> Path:
    page = f"<html><head><title>{TITLE}</title></head><body>{body}</body></html>"
    path = tmp_path / "page.html"
    path.write_text(in_portal(page), "utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "named"),
    [
        (
            f'<p>现将{TITLE}予以公布，详见附件。</p>\n<p>附件：<a href="/att/2024/0118/a.pdf">'
            f"{TITLE}.pdf</a></p>",
            f"{TITLE}.pdf",
        ),
        (
            '<p>附件：<a href="/att/2024/0118/a.docx">本局2023年年度报告</a></p>',
            "本局2023年年度报告（/att/2024/0118/a.docx）",
        ),
        (
            '<p>现予公布。</p><iframe src="/pdfjs/web/viewer.html?file=/att/report.pdf" '
            'width="100%"></iframe>',
            "/att/report.pdf",
        ),
        (
            '<p>相关文件：<a href="/att/notice.doc">通知.doc</a></p>'
            '<p><a href="/att/ndbg2023.pdf">点击下载</a></p>',
            "点击下载（/att/ndbg2023.pdf）",  # the one whose address says it is a report
        ),
    ],
    ids=["link", "link-without-extension", "viewer", "the-report-of-two"],
)
def test_a_page_with_only_an_attachment_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, named: str
) -> None:
    path = portal_page(tmp_path, body)
    with pytest.raises(NotAReportError) as raised:
        parse_path(path)
    assert str(raised.value).endswith(f"; the page links to a document that may hold it: {named}")
    main(["check", "--format", "json", str(path)])
    (finding,) = json.loads(capsys.readouterr().out)["diagnostics"]
    assert finding["code"] == "XG001"
    assert finding["message"].endswith(f"网页链接的文件可能才是报告：{named}，请检查该文件")


def test_the_attachment_is_where_the_page_names_it(tmp_path: Path) -> None:
    path = portal_page(tmp_path, f'<p>附件：<a href="/a.pdf">{TITLE}.pdf</a></p>')
    source = read_html(str(path), path.read_bytes())
    attachment = source.meta[PAGE_ATTACHMENT]
    line = path.read_text("utf-8").split("\n")[attachment.line - 1]
    assert line[attachment.column - 1 :].startswith(f"{TITLE}.pdf</a>")


def test_a_page_without_a_document_is_read_as_before(tmp_path: Path) -> None:
    """No document linked: the title and the text under it, a report lacking its parts."""
    path = portal_page(tmp_path, '<p>详见<a href="/other.html">其他页面</a>。</p>')
    report = parse_path(path)
    assert report.title is not None and report.title.text == TITLE
    assert [s.key for s in report.sections] == ["overview"]


def test_a_report_beside_its_attachment_is_read_without_looking_for_it(tmp_path: Path) -> None:
    """A page with the report's tables: no attachment is looked for (nor named)."""
    page = decoded(FIXTURES / "html" / "qingshan-jiaotong-2023.html").replace(
        "</body>", f'<p>附件：<a href="/a.pdf">{TITLE}.pdf</a></p></body>'
    )
    path = tmp_path / "page.html"
    path.write_text(page, "utf-8")
    source = read_html(str(path), path.read_bytes())
    assert PAGE_ATTACHMENT not in source.meta
    assert parse_path(path).agency == "青山县交通运输局"
