"""A numbered Word paragraph that is hidden whole shows no list number."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from tests.sources.test_docx import read_built

W = nsdecls("w")
HIDDEN = "<w:rPr><w:vanish/></w:rPr>"


def numbered(document: docx.document.Document, text: str, mark: str = "", run: str = "") -> None:
    """A paragraph of list 90 (一、 二、 …) with ``mark`` as its paragraph mark's run
    properties and ``run`` as those of its one run."""
    paragraph = document.add_paragraph()
    paragraph._p.append(
        parse_xml(
            f'<w:pPr {W}><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>{mark}</w:pPr>'
        )
    )
    paragraph._p.append(parse_xml(f"<w:r {W}>{run}<w:t>{text}</w:t></w:r>"))


def listed(level_props: str = "") -> docx.document.Document:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            f'<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>{level_props}'
            "</w:lvl></w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return document


def hiding_style(document: docx.document.Document, kind: str, style_id: str) -> None:
    """A ``kind`` (character or paragraph) style ``style_id`` that hides its text."""
    document.styles.element.append(
        parse_xml(
            f'<w:style {W} w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
            "<w:rPr><w:vanish/></w:rPr></w:style>"
        )
    )


def assert_second_vanishes(
    document: docx.document.Document, text: str, mark: str, run: str = ""
) -> None:
    """Three items of the list, the second ``text`` with ``mark`` and ``run`` as its
    paragraph mark's and its run's properties: it shows nothing, and the third is 三、."""
    numbered(document, "总体情况")
    numbered(document, text, mark, run)
    numbered(document, "主动公开政府信息情况")
    assert read_built(document).text.split("\n") == [
        "一、总体情况",
        "三、主动公开政府信息情况",
        "",
    ]


@pytest.mark.parametrize(
    "mark",
    [
        HIDDEN,
        '<w:rPr><w:vanish w:val="1"/></w:rPr>',
        '<w:rPr><w:rStyle w:val="Old"/></w:rPr>',
    ],
    ids=["vanish", "vanish-on", "hidden-character-style"],
)
def test_a_hidden_numbered_paragraph_vanishes_whole(mark: str) -> None:
    """The paragraph mark and the text hidden: Word shows nothing, not its number alone
    ("二、" on a line of its own would be read as a section heading). Word still counts
    it: the next item is 三、, as the printed document shows."""
    document = listed()
    hiding_style(document, "character", "Old")
    assert_second_vanishes(document, "（模板说明：发布前删除）", mark, HIDDEN)


def test_a_paragraph_hidden_by_its_style_vanishes_whole() -> None:
    """A paragraph style that hides (its runs and its mark) hides the number too."""
    document = listed()
    hiding_style(document, "paragraph", "Note")
    assert_second_vanishes(document, "说明", '<w:pStyle w:val="Note"/>')


def test_a_hidden_numbered_cell_paragraph_vanishes_whole() -> None:
    """In a table cell too: the row label is the visible paragraph's, not "二、" glued to it."""
    document = listed()
    table = document.add_table(rows=1, cols=2)
    cell = table.cell(0, 0)._tc
    cell.remove(cell.find(f"{{{cell.nsmap['w']}}}p"))
    for text, mark, run in (("旧行名", HIDDEN, HIDDEN), ("主动公开", "", "")):
        cell.append(
            parse_xml(
                f'<w:p {W}><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'
                f"{mark}</w:pPr><w:r>{run}<w:t>{text}</w:t></w:r></w:p>"
            )
        )
    table.cell(0, 1).text = "26"
    source = read_built(document)
    assert source.text == "二、主动公开\t26\n"
    assert source.origin(1, 8).where == "表格 1，第 1 行，第 2 列"


@pytest.mark.parametrize(
    ("mark", "run", "shown"),
    [
        ("", HIDDEN, "二、"),  # the mark shows: Word shows the number on its own line
        (HIDDEN, "", "二、说明"),  # the text shows: so does its number
        ('<w:rPr><w:vanish w:val="0"/></w:rPr>', HIDDEN, "二、"),
    ],
    ids=["mark-shown", "text-shown", "mark-vanish-off"],
)
def test_a_paragraph_not_hidden_whole_keeps_its_number(mark: str, run: str, shown: str) -> None:
    document = listed()
    numbered(document, "总体情况")
    numbered(document, "说明", mark, run)
    assert read_built(document).text.split("\n")[1] == shown


def test_a_hidden_list_level_shows_no_number() -> None:
    """The level's own run properties hide its number (a template that numbers by a
    hidden list): the text shows without it."""
    document = listed(HIDDEN)
    numbered(document, "总体情况")
    assert read_built(document).text == "总体情况\n"
