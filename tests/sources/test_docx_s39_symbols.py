"""Characters Word inserts as symbols (w:sym: 插入 → 符号 from a symbol font)."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from tests.sources.test_docx import read_built, word_table

W = nsdecls("w")


def sym(font: str, char: str) -> str:
    return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'


def test_a_dash_from_the_symbol_font_in_a_cell_is_read() -> None:
    """A cell holding the Symbol font's long dash says "none" as a typed "—" does; it is
    not an empty cell."""
    document = docx.Document()
    word_table(
        document,
        f"<w:tbl {W}><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>"
        "<w:tc><w:p><w:r><w:t>行政强制</w:t></w:r></w:p></w:tc>"
        f"<w:tc><w:p>{sym('Symbol', 'F0BE')}</w:p></w:tc></w:tr></w:tbl>",
    )
    source = read_built(document)
    assert source.text.split("\n") == ["行政强制\t—", ""]
    assert source.origin(1, 6).where == "表格 1，第 1 行，第 2 列"


@pytest.mark.parametrize(
    ("font", "char", "shown"),
    [
        ("Symbol", "F02D", "−"),
        ("Symbol", "F0B4", "×"),
        ("Symbol", "F033", "3"),
        ("宋体", "2014", "—"),  # a Unicode character
        ("Wingdings", "F0FC", ""),  # a tick: a picture, no text
        ("Symbol", "F061", ""),  # α: no report needs Greek letters
        ("Symbol", "zz", ""),
        ("Arial", "E001", ""),  # a private-use code
    ],
)
def test_symbols_in_a_paragraph(font: str, char: str, shown: str) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()._p
    for run in (
        f"<w:r {W}><w:t>甲</w:t></w:r>",
        f'<w:r {W}><w:sym w:font="{font}" w:char="{char}"/></w:r>',
        f"<w:r {W}><w:t>乙</w:t></w:r>",
    ):
        paragraph.append(parse_xml(run))
    assert read_built(document).text == f"甲{shown}乙\n"
