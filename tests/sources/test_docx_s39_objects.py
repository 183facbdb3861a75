"""An Excel 97-2003 worksheet embedded as an object (oleObject1.bin): its cells cannot be
read; the reader keeps it where it stands, so that XG003 names it instead of calling the
table missing, and the rest of the report is checked."""

from __future__ import annotations

from pathlib import Path

import docx
import docx.document
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from tests.conftest import FIXTURES
from tests.rules.helpers import check
from tests.sources.test_docx import read_built, saved, word_table
from tests.sources.test_docx_embedded import ole_object
from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.sources.model import Figure, GridCell, GridRow

#: The first sector of an OLE compound file, as an Excel 97-2003 workbook starts.
COMPOUND = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
OLE = "application/vnd.openxmlformats-officedocument.oleObject"
OLE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject"


def embed_bin(document: docx.document.Document, data: bytes = COMPOUND) -> str:
    part = Part(PackURI("/word/embeddings/oleObject1.bin"), OLE, data, document.part.package)
    return document.part.relate_to(part, OLE_REL)


def with_object(prog_id: str = "Excel.Sheet.8", icon: bool = False) -> docx.document.Document:
    document = docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    run = ole_object(embed_bin(document), prog_id)
    if icon:
        run = run.replace('DrawAspect="Content"', 'DrawAspect="Icon"')
    document.add_paragraph()._p.append(parse_xml(run))
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    return document


def test_an_excel_97_2003_worksheet_is_kept_where_it_stands() -> None:
    """Table 三 pasted as an Excel 97-2003 object: kept as what shows a table that cannot
    be read (XG003 names it), the rest of the document read on; its picture of itself is
    the object's, not a picture of the report."""
    source = read_built(with_object())
    assert (
        source.text
        == "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
    )
    assert source.figures == (
        Figure(2, 1, 2, "word/embeddings/oleObject1.bin", "第 2 段", "worksheet"),
    )


def test_in_a_table_cell_the_table_is_named() -> None:
    document = docx.Document()
    rid = embed_bin(document)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    word_table(
        document,
        f"<w:tbl {w}><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>"
        "<w:tc><w:p><w:r><w:t>表三</w:t></w:r></w:p></w:tc>"
        f"<w:tc><w:p>{ole_object(rid)}</w:p></w:tc></w:tr></w:tbl>",
    )
    (figure,) = read_built(document).figures
    assert (figure.kind, figure.where) == ("worksheet", "表格 1")


def test_xg003_names_the_object_and_the_rest_is_checked(tmp_path: Path) -> None:
    """The qingshan report with its table 三 pasted as an Excel 97-2003 object: XG003 at the
    object (a warning), tables 二 and 四 checked."""
    document = docx.Document(str(FIXTURES / "docx" / "qingshan-jiaotong-2023.docx"))
    table = document.tables[1]._tbl  # table 三
    paragraph = document.add_paragraph()
    paragraph._p.append(parse_xml(ole_object(embed_bin(document), "Excel.Sheet.8")))
    table.addprevious(paragraph._p)
    table.getparent().remove(table)
    path = tmp_path / "r.docx"
    document.save(str(path))
    found = check(path)
    (object_finding,) = [d for d in found if d.code == "XG003"]
    assert object_finding.severity is Severity.WARNING
    assert object_finding.message == (
        "收到和处理政府信息公开申请情况表是嵌入的 Excel 97-2003 工作表对象"
        "（word/embeddings/oleObject1.bin），无法读取其中的单元格；请先在 Word 中将其转换为 "
        "Word 表格（或 Excel .xlsx 工作表对象）"
    )
    assert object_finding.actual == "Excel 97-2003 工作表对象（word/embeddings/oleObject1.bin）"
    assert object_finding.where is not None and object_finding.where.startswith("第 ")
    assert not [d for d in found if d.code == "XG001"]
    (english,) = [d for d in check(path, "en") if d.code == "XG003"]
    assert english.message == (
        "the applications table is an embedded Excel 97-2003 worksheet "
        "(word/embeddings/oleObject1.bin), whose cells cannot be read; convert it to a Word "
        "table (or to an Excel .xlsx worksheet object) in Word first"
    )


@pytest.mark.parametrize(
    ("prog_id", "icon"),
    [("Excel.Sheet.8", True), ("Excel.Chart.8", False)],
    ids=["shown-as-an-icon", "a-chart"],
)
def test_other_old_objects_give_nothing(prog_id: str, icon: bool) -> None:
    """A worksheet shown as an icon (an attached file: no table in the text), a chart:
    nothing is read of them, nothing is kept, the document reads on."""
    source = read_built(with_object(prog_id, icon))
    assert (
        source.text
        == "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
    )
    assert source.figures == ()


def test_a_word_97_2003_document_is_kept_where_it_stands() -> None:
    """A Word 97-2003 document embedded as an object (a .doc: a compound file): not read,
    kept, so that XG003 names it where a table is missing."""
    source = read_built(with_object("Word.Document.8"))
    assert (
        source.text
        == "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
    )
    assert source.figures == (
        Figure(2, 1, 2, "word/embeddings/oleObject1.bin", "第 2 段", "document"),
    )


def test_a_worksheet_linked_from_a_file_outside_is_kept() -> None:
    """Pasted from Excel as a link (粘贴链接): the cells are in a file on the author's
    disk, the document holds a picture of them."""
    document = docx.Document()
    rid = document.part.relate_to(r"file:///C:\报告\表三.xlsx", OLE_REL, is_external=True)
    run = ole_object(rid, "Excel.Sheet.12").replace('Type="Embed"', 'Type="Link"')
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    document.add_paragraph()._p.append(parse_xml(run))
    source = read_built(document)
    assert source.figures == (Figure(2, 1, 2, "", "第 2 段", "linked-worksheet"),)


def embedded_word_document(document: docx.document.Document) -> str:
    """Add a .docx holding a small table as an embedded package part; its relationship id."""
    inner = docx.Document()
    inner.add_paragraph("表三")
    table = inner.add_table(rows=2, cols=2)
    for r, row in enumerate((("信息内容", "本年处理决定数量"), ("行政处罚", "147"))):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    part = Part(
        PackURI("/word/embeddings/Microsoft_Word_Document1.docx"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        saved(inner),
        document.part.package,
    )
    return document.part.relate_to(part, RT.PACKAGE)


def test_a_word_document_embedded_as_an_object_is_read_where_it_stands() -> None:
    """插入 → 对象 → Word 文档: the object shows the document; its paragraphs and tables are
    read where the object stands, its tables numbered with the document's."""
    document = docx.Document()
    document.add_paragraph("二、主动公开政府信息情况")
    run = ole_object(embedded_word_document(document), "Word.Document.12")
    document.add_paragraph()._p.append(parse_xml(run))
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    source = read_built(document)
    assert source.text.split("\n") == [
        "二、主动公开政府信息情况",
        "表三",
        "信息内容\t本年处理决定数量",
        "行政处罚\t147",
        "三、收到和处理政府信息公开申请情况",
        "",
    ]
    assert source.origin(4, 6).where == "表格 1，第 2 行，第 2 列"
    assert source.grid[4] == GridRow(0, 1, (GridCell(0), GridCell(1)))


def test_a_word_document_shown_as_an_icon_is_not_read() -> None:
    """An attached file (显示为图标): nothing of it is in the text."""
    document = docx.Document()
    document.add_paragraph("附件")
    run = ole_object(embedded_word_document(document), "Word.Document.12")
    document.add_paragraph()._p.append(parse_xml(run.replace('"Content"', '"Icon"')))
    assert read_built(document).text == "附件\n"
