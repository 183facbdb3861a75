"""The readers' one-line problems name what is wrong in the user's language: all Chinese
with ``lang: zh`` (no English reason inside a Chinese sentence), never a library's own
error text (``'lxml.etree._Element' object has no attribute …``), in English with ``en``."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest

from xxgk_lint.sources import InputError, read_source
from xxgk_lint.sources.messages import localise

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def problem(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_source(path)
    return str(caught.value)


def _docx(**parts: str | None) -> bytes:
    """python-docx's empty document with some parts replaced (None: left out)."""
    base = io.BytesIO()
    docx.Document().save(base)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base.getvalue())) as old,
        zipfile.ZipFile(out, "w") as new,
    ):
        for item in old.infolist():
            if item.filename not in parts:
                new.writestr(item, old.read(item.filename))
            elif parts[item.filename] is not None:
                new.writestr(item.filename, parts[item.filename])
    return out.getvalue()


#: Latin words a Chinese message may hold: names of formats and tools (file and part names,
#: holding a dot or a slash, and commands in backquotes are names too).
_NAMES = {
    "Word",
    "XML",
    "HTML",
    "PDF",
    "NUL",
    "UTF-8",
    "UTF-16",
    "BOM",
    "OFD",
    "WPS",
    "Excel",
    "xxgk-lint",
    "PDFium",
    "GB18030",
}


def all_chinese(message: str) -> bool:
    """No English words left once the names of formats, files and parts are taken out."""
    message = re.sub(r"`[^`]*`", "", message)
    words = re.findall(r"[A-Za-z0-9_\[\]./-]+", message)
    return all(
        word in _NAMES or "." in word or "/" in word or not re.search("[A-Za-z]{2,}", word)
        for word in words
    )


@pytest.mark.parametrize(
    ("parts", "en", "zh"),
    [
        # The reviewer's file: [Content_Types].xml without its namespace, a broken body.
        (
            {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document><w:body>"},
            "the XML of word/document.xml is damaged (line 1, column 12)",
            "word/document.xml 的 XML 已损坏：第 1 行第 12 列",
        ),
        (
            {"[Content_Types].xml": "<Types/>"},
            "the list of content types ([Content_Types].xml) is damaged",
            "内容类型清单 [Content_Types].xml 已损坏",
        ),
        (
            {"word/styles.xml": "<w:styles"},
            "the XML of word/styles.xml is damaged (line 1, column 10)",
            "word/styles.xml 的 XML 已损坏：第 1 行第 10 列",
        ),
        (
            {"word/document.xml": "<foo/>"},
            "the main document part (word/document.xml) is not a Word document",
            "主文档部分 word/document.xml 不是 Word 文档内容",
        ),
        (
            {"word/document.xml": f"<w:document {W}/>"},
            "the main document part (word/document.xml) has no body",
            "主文档部分 word/document.xml 没有正文",
        ),
        (
            {"word/document.xml": None},
            "a part of the document is missing (word/document.xml)",
            "文档缺少部分内容：word/document.xml",
        ),
    ],
)
def test_a_damaged_docx_names_its_damage(
    tmp_path: Path, parts: dict[str, str | None], en: str, zh: str
) -> None:
    message = problem(tmp_path / "r.docx", _docx(**parts))
    assert message == f"not a valid Word .docx document: {en}"
    assert localise(message, "en") == message
    assert localise(message, "zh") == f"不是有效的 Word .docx 文档（{zh}）"
    assert all_chinese(localise(message, "zh"))


@pytest.mark.parametrize(
    ("name", "data", "zh"),
    [
        ("empty.html", b"<html><body></body></html>", "HTML 网页中没有文字（网页为空或不完整）"),
        (
            "img.html",
            b'<html><body><img src="a.png"></body></html>',
            "HTML 网页中没有文字（网页为空或不完整）",
        ),
        (
            "plain.html",
            "一、总体情况\n".encode(),
            "HTML 网页中没有 HTML 标签（可能是以 .html 命名的纯文本文件）",
        ),
        ("blank.html", b"  \n", "HTML 网页无法解析：文件为空"),
        ("nul.html", b"<html>\x00\x00</html>", "二进制数据（含 NUL 字节），不是网页"),
        (
            "bom.html",
            b"\xef\xbb\xbf<html>\xff\xfe</html>",
            "HTML 网页无法解析：文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8",
        ),
        (
            "png.pdf",
            b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
            "无法读取的 PDF 文件（文件已损坏、不完整，或并非 PDF 文件）",
        ),
        ("bom16.txt", b"\xff\xfe\x00\xd8", "文件以 UTF-16 BOM 开头，但内容不是有效的 UTF-16"),
    ],
)
def test_reader_problems_are_all_chinese(tmp_path: Path, name: str, data: bytes, zh: str) -> None:
    message = problem(tmp_path / name, data)
    assert localise(message, "zh") == zh
    assert all_chinese(zh)
    assert localise(message, "en") == message


@pytest.mark.parametrize(
    ("suffix", "kind"),
    [
        (".xlsx", "Excel 文件"),
        (".doc", "旧版 Word .doc 文件"),
        (".png", "图片"),
        (".ofd", "OFD 文档"),
    ],
)
def test_an_unsupported_kind_is_named_in_chinese(tmp_path: Path, suffix: str, kind: str) -> None:
    message = problem(tmp_path / f"r{suffix}", b"data")
    said = localise(message, "zh")
    assert said.startswith(f"不支持此类文件（{kind}）；xxgk-lint 可读取")
    assert all_chinese(said)


def test_the_check_prints_the_docx_damage_in_one_chinese_line(tmp_path: Path) -> None:
    from tests.rules.helpers import check

    path = tmp_path / "malformed.docx"
    path.write_bytes(_docx(**{"[Content_Types].xml": "<Types/>"}))
    [finding] = check(path)
    assert finding.code == "XG001"
    assert finding.message == (
        "无法作为年度报告检查：不是有效的 Word .docx 文档（内容类型清单 [Content_Types].xml 已损坏）"
    )


@pytest.mark.parametrize(
    ("message", "zh"),
    [
        ("cannot read the file (Input/output error)", "无法读取文件（输入/输出错误）"),
        ("cannot read the file (File name too long)", "无法读取文件（文件名过长）"),
        (
            "not a readable PDF: failed to load document (PDFium: Unknown error)",
            "无法读取的 PDF 文件（PDFium 无法读取，原因不明）",
        ),
        (
            "not a readable PDF: failed to load document (PDFium: File access error)",
            "无法读取的 PDF 文件（PDFium 无法访问文件内容）",
        ),
        (
            "the PDF is password-protected; remove the password first, "
            "e.g. `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`",
            "PDF 设有密码保护，请先解除密码后再检查，"
            "例如 `qpdf --decrypt --password=密码 in.pdf out.pdf`",
        ),
        (
            "malformed HTML: cannot detect the character encoding (not UTF-8 or GB18030 text)",
            "HTML 网页无法解析：无法识别字符编码（不是 UTF-8 或 GB18030 文本）",
        ),
    ],
)
def test_the_systems_and_libraries_reasons_in_chinese(message: str, zh: str) -> None:
    assert localise(message, "zh") == zh
    assert all_chinese(zh)
    assert localise(message, "en") == message
