"""XG003: a statistical table published as a picture is told from a table left out.

Many bodies paste their tables as pictures (a screenshot of the spreadsheet) into the
web page or the Word document. The table is there, but no number of it can be checked:
XG003 says so (a warning, at the picture, naming it) instead of "table missing" (an
error, at the section's heading).
"""

from __future__ import annotations

import re
import struct
import zlib
from io import BytesIO
from pathlib import Path

import docx
import pytest

from tests.conftest import FIXTURES
from tests.rules.helpers import check
from xxgk_lint.engine.diagnostics import Severity

PAGE = (FIXTURES / "html" / "yunxi-shengtai-2023.html").read_text(encoding="utf-8")


def with_pictures(page: str, picture: str) -> str:
    """``page`` with each of its tables replaced by ``picture`` (``{n}``: its number)."""
    count = iter(range(1, 10))
    return re.sub(r"<table.*?</table>", lambda _: picture.format(n=next(count)), page, flags=re.S)


def xg003(path: Path, lang: str = "zh") -> list[tuple[Severity, int, int, str, object, object]]:
    return [
        (d.severity, d.line, d.column, d.message, d.expected, d.actual)
        for d in check(path, lang)
        if d.code == "XG003"
    ]


def test_tables_as_pictures_in_a_web_page(tmp_path: Path) -> None:
    picture = '<p style="text-align:center"><img src="/uploads/2024/table{n}.png" width="600"></p>'
    page = with_pictures(PAGE, picture)
    path = tmp_path / "r.html"
    path.write_text(page, encoding="utf-8")
    lines = page.split("\n")
    found = xg003(path)
    assert len(found) == 3
    tables = ["主动公开政府信息情况表", "收到和处理政府信息公开申请情况表"]
    tables.append("政府信息公开行政复议、行政诉讼情况表")
    for n, (severity, line, column, message, expected, actual) in enumerate(found, 1):
        assert severity is Severity.WARNING
        assert message.startswith(f"{expected}以图片发布（table{n}.png）")
        assert expected == tables[n - 1]
        assert lines[line - 1][column - 1 :].startswith(f'<img src="/uploads/2024/table{n}.png"')
        assert actual == f"图片（table{n}.png）"
    assert found[1][3] == (
        "收到和处理政府信息公开申请情况表以图片发布（table2.png），其中的数字无法核对；"
        "统计表应以文字表格发布"
    )
    assert found[1][4] == "收到和处理政府信息公开申请情况表"


def test_a_picture_s_alt_text_names_it_and_english(tmp_path: Path) -> None:
    picture = '<p><img alt="表{n} 统计表" src="data:image/png;base64,AAAA"></p>'
    path = tmp_path / "r.html"
    path.write_text(with_pictures(PAGE, picture), encoding="utf-8")
    found = xg003(path, "en")
    assert [f[3] for f in found][2] == (
        "the administrative review and litigation table is published as a picture (表3 统计表): "
        "its numbers cannot be checked; publish statistical tables as tables of text"
    )
    assert found[2][5] == "a picture (表3 统计表)"


def test_a_picture_in_a_data_uri_is_named_by_nothing(tmp_path: Path) -> None:
    picture = '<p><img src="data:image/png;base64,iVBORw0KGgo=" style="width:600px"></p>'
    path = tmp_path / "r.html"
    path.write_text(with_pictures(PAGE, picture), encoding="utf-8")
    found = xg003(path)
    assert found[0][3] == (
        "主动公开政府信息情况表以图片发布，其中的数字无法核对；统计表应以文字表格发布"
    )
    assert found[0][5] == "图片"


@pytest.mark.parametrize(
    "picture",
    [
        '<p><img src="/icons/print.gif" width="16" height="16"></p>',  # an icon
        "<p>（表格略）</p>",  # no picture at all
    ],
)
def test_no_picture_the_table_is_missing(tmp_path: Path, picture: str) -> None:
    path = tmp_path / "r.html"
    path.write_text(with_pictures(PAGE, picture), encoding="utf-8")
    found = xg003(path)
    assert [(f[0], f[3]) for f in found] == [
        (Severity.ERROR, "缺少主动公开政府信息情况表"),
        (Severity.ERROR, "缺少收到和处理政府信息公开申请情况表"),
        (Severity.ERROR, "缺少政府信息公开行政复议、行政诉讼情况表"),
    ]


def test_a_picture_in_another_section_does_not_stand_for_the_table(tmp_path: Path) -> None:
    """A photo under 一、总体情况 and table 三 left out: table 三 is missing."""
    page = PAGE.replace("</h1>", '</h1><p><img src="/photo/meeting.jpg" width="400"></p>', 1)
    tables = re.findall(r"<table.*?</table>", page, flags=re.S)
    page = page.replace(tables[1], "")
    path = tmp_path / "r.html"
    path.write_text(page, encoding="utf-8")
    found = xg003(path)
    assert [(f[0], f[3]) for f in found] == [
        (Severity.ERROR, "缺少收到和处理政府信息公开申请情况表")
    ]


def png(width: int, height: int) -> bytes:
    """A white picture in PNG."""
    rows = b"".join(b"\x00" + b"\xff" * width * 3 for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_table_as_a_picture_in_a_word_document(tmp_path: Path) -> None:
    document = docx.Document(str(FIXTURES / "docx" / "qingshan-jiaotong-2023.docx"))
    table = document.tables[1]._tbl  # table 三
    paragraph = document.add_paragraph()
    paragraph.add_run().add_picture(BytesIO(png(60, 40)))
    paragraph._p.xpath(".//wp:docPr")[0].set("descr", "表三 收到和处理申请情况")
    table.addprevious(paragraph._p)
    table.getparent().remove(table)
    path = tmp_path / "r.docx"
    document.save(str(path))
    (found,) = [d for d in check(path) if d.code == "XG003"]
    assert found.severity is Severity.WARNING
    assert found.message == (
        "收到和处理政府信息公开申请情况表以图片发布（表三 收到和处理申请情况），其中的数字无法核对；"
        "统计表应以文字表格发布"
    )
    assert found.where is not None and found.where.startswith("第 ")
    paragraphs = [p.text for p in document.paragraphs]
    number = int(found.where.split()[1])
    assert paragraphs[number - 1] == ""  # the picture's own paragraph
    assert paragraphs[number - 2].startswith("三、")  # right under the heading


SCANS = """<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<h1>{title}</h1>
<p>发布时间：2024-01-20</p>
<p><img src="/u/2024/p1.jpg" width="800"></p>
<p><img src="/u/2024/p2.jpg" width="800"></p>
<p><img src="/u/2024/p3.jpg" width="800"></p>
</body></html>
"""


@pytest.mark.parametrize(
    ("title", "lang", "said"),
    [
        (
            "青山县交通运输局2023年政府信息公开工作年度报告",
            "zh",
            "无法作为年度报告检查：不是政府信息公开工作年度报告：没有找到章节标题（一、总体情况……），"
            "也没有统计表；文件中有 3 张图片，报告可能以图片（扫描件）发布，无法核对，请发布文字版本",
        ),
        (
            "青山县交通运输局2023年政府信息公开工作年度报告",
            "en",
            "cannot be checked as an annual report: not a government information disclosure "
            "annual report: no section headings (一、总体情况 …) and no statistical tables were "
            "found; the file holds 3 pictures: the report may be published as pictures (scans), "
            "which cannot be checked",
        ),
        # No report's title: pictures of a site say nothing of a report.
        (
            "青山县交通运输局",
            "zh",
            "无法作为年度报告检查：不是政府信息公开工作年度报告：没有找到章节标题（一、总体情况……），"
            "也没有统计表",
        ),
    ],
)
def test_a_report_published_as_scans(tmp_path: Path, title: str, lang: str, said: str) -> None:
    path = tmp_path / "r.html"
    path.write_text(SCANS.format(title=title), encoding="utf-8")
    (found,) = check(path, lang)
    assert (found.code, found.severity, found.line, found.column) == ("XG001", Severity.ERROR, 1, 1)
    assert found.message == said
