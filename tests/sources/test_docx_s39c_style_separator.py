"""A style separator (Word's 插入样式分隔符: a paragraph mark with w:specVanish) joins a
run-in heading to its body paragraph: Word shows the two on one line, and so does the
reader."""

from __future__ import annotations

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from tests.sources.test_docx import read_built, word_table

W = nsdecls("w")
SEPARATED = "<w:pPr><w:rPr><w:vanish/><w:specVanish/></w:rPr></w:pPr>"


def paragraph(document: docx.document.Document, text: str, props: str = "") -> None:
    """Add a paragraph written as WordprocessingML."""
    p = document.add_paragraph()._p
    p.getparent().replace(p, parse_xml(f"<w:p {W}>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"))


def test_a_run_in_heading_and_its_paragraph_are_one_line() -> None:
    document = docx.Document()
    paragraph(document, "一、总体情况")
    paragraph(document, "（一）主动公开。", SEPARATED)
    paragraph(document, "全年主动公开政府信息186条。")
    paragraph(document, "（二）依申请公开。")
    source = read_built(document)
    assert source.text.split("\n") == [
        "一、总体情况",
        "（一）主动公开。全年主动公开政府信息186条。",
        "（二）依申请公开。",
        "",
    ]
    # "186" keeps the locator of its own paragraph (the third), on line 2 at column 19
    assert source.text.split("\n")[1][18:21] == "186"
    assert source.origin(2, 19).where == "第 3 段"
    assert source.origin(2, 1).where == "第 2 段"


def test_a_separator_before_a_table_ends_its_line() -> None:
    """A table is not joined to the paragraph before it: its first row is a line."""
    document = docx.Document()
    paragraph(document, "（一）主动公开。", SEPARATED)
    word_table(
        document,
        f"<w:tbl {W}><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr><w:tc><w:p><w:r><w:t>行政处罚</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>147</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    )
    source = read_built(document)
    assert source.text.split("\n")[:2] == ["（一）主动公开。", "行政处罚\t147"]
    assert source.origin(2, 6).where == "表格 1，第 1 行，第 2 列"
