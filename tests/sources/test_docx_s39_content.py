"""What Word writes around text that the reader must look through: rows in nested content
controls (a repeating section), list number formats inside mc:AlternateContent."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from tests.sources.test_docx import read_built, word_table
from xxgk_lint.sources.model import GridCell, GridRow

W = nsdecls("w")
W15 = 'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"'


def tr(*texts: str) -> str:
    return (
        "<w:tr>"
        + "".join(f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>" for t in texts)
        + "</w:tr>"
    )


def sdt(content: str, props: str = "") -> str:
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"


def test_rows_of_a_repeating_section_are_read() -> None:
    """Word's repeating section content control wraps each of its rows in a content
    control (the item) inside its own: the rows are the table's, in order."""
    items = "".join(
        sdt(tr(label, value), "<w15:repeatingSectionItem/>")
        for label, value in (("行政处罚", "147"), ("行政强制", "3"))
    )
    document = docx.Document()
    word_table(
        document,
        f"<w:tbl {W} {W15}><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        + tr("信息内容", "本年处理决定数量")
        + sdt(items, "<w15:repeatingSection/>")
        + tr("行政许可", "1286")
        + "</w:tbl>",
    )
    source = read_built(document)
    assert source.text.split("\n") == [
        "信息内容\t本年处理决定数量",
        "行政处罚\t147",
        "行政强制\t3",
        "行政许可\t1286",
        "",
    ]
    assert source.grid[3] == GridRow(0, 2, (GridCell(0), GridCell(1)))
    assert source.origin(3, 6).where == "表格 1，第 3 行，第 2 列"


def test_cells_and_paragraphs_in_nested_content_controls_are_read() -> None:
    """A cell in a content control in a content control, a paragraph likewise."""
    cell = "<w:tc><w:p><w:r><w:t>58</w:t></w:r></w:p></w:tc>"
    paragraph = "<w:p><w:r><w:t>自然人</w:t></w:r></w:p>"
    document = docx.Document()
    word_table(
        document,
        f"<w:tbl {W}><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>"
        + f"<w:tc>{sdt(sdt(paragraph))}</w:tc>"
        + sdt(sdt(cell))
        + "</w:tr></w:tbl>",
    )
    assert read_built(document).text.split("\n") == ["自然人\t58", ""]


def numbered(level: str) -> list[str]:
    """The lines of three paragraphs numbered by a list whose level is ``level``."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {W} xmlns:mc="http://schemas.openxmlformats.org/'
            'markup-compatibility/2006" w:abstractNumId="90">'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/>{level}<w:lvlText w:val="%1、"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for text in ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
        )
    return read_built(document).text.split("\n")[:3]


def alternate(choice: str, fallback: str) -> str:
    return (
        '<mc:AlternateContent><mc:Choice Requires="w14">'
        f"{choice}</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>"
    )


@pytest.mark.parametrize(
    "level",
    [
        # Word 2010+: a custom format for itself, the built-in one for older readers.
        alternate(
            '<w:numFmt w:val="custom" w:format="一, 二, 三, ..."/>',
            '<w:numFmt w:val="chineseCounting"/>',
        ),
        # A built-in format in the choice is read as it is.
        alternate('<w:numFmt w:val="chineseCounting"/>', '<w:numFmt w:val="decimal"/>'),
    ],
)
def test_a_number_format_inside_alternate_content(level: str) -> None:
    """A level whose w:numFmt is inside mc:AlternateContent numbers "一、", not "1、"."""
    assert numbered(level) == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
    ]


def test_a_custom_format_without_a_fallback_is_decimal() -> None:
    assert (
        numbered(alternate('<w:numFmt w:val="custom" w:format="一, 二, 三, ..."/>', ""))[0]
        == "1、总体情况"
    )
