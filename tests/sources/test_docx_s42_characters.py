"""Characters Word draws nothing for (a soft hyphen, direction marks) are not read, and a
symbol font's characters written as text (as LibreOffice saves Word's w:sym) are read as
the characters they show."""

from __future__ import annotations

import re

import pytest

from tests.sources.test_docx_s42_fields_tracked import edited, line_of


def numbers(write: str):
    """An edit writing every number of table 三's cells as ``write`` formats it."""

    def edit(xml: str) -> str:
        return re.sub(
            r"(<w:tc>(?:(?!</w:tc>).)*?)<w:r><w:t>(\d+)</w:t></w:r>",
            lambda m: m.group(1) + write.format(m.group(2)[:1], m.group(2)[1:]),
            xml,
        )

    return edit


@pytest.mark.parametrize(
    "write",
    [
        "<w:r><w:t>{0}\u00ad{1}</w:t></w:r>",  # a soft hyphen (U+00AD) pasted in
        "<w:r><w:t>\u200e{0}{1}\u200f</w:t></w:r>",  # LRM … RLM from a web page
        "<w:r><w:t>\u2066{0}{1}\u2069</w:t></w:r>",  # an isolate
    ],
)
def test_invisible_characters_in_numbers_are_not_read(write: str) -> None:
    """Table 三's numbers were None ("text where a number belongs"): now 9, 2, …, 11."""
    source, report = edited("qingshan-jiaotong-2023", numbers(write))
    table = report.tables["applications"]
    cell = table.cell("received", "natural_person")
    assert cell is not None and (cell.value, cell.raw) == (9, "9")
    total = table.cell("received", "total")
    assert total is not None and (total.value, total.raw) == (11, "11")
    line = line_of(source, "一、本年新收政府信息公开申请数量")
    assert (
        source.text.split("\n")[line - 1]
        == "一、本年新收政府信息公开申请数量\t9\t2\t0\t0\t0\t0\t11"
    )
    assert (total.span.line, total.span.column) == (line, 30)
    assert source.origin(line, 30).where == "表格 2，第 4 行，第 10 列"


def test_a_soft_hyphen_in_the_statistics_period_is_not_read() -> None:
    def edit(xml: str) -> str:
        return xml.replace("统计期限自2023年1月1日", "统计期限自2023\u00ad年1\u00ad月1日", 1)

    source, report = edited("yunxi-shengtai-2023", edit)
    assert "统计期限自2023年1月1日起" in source.text
    assert report.period is not None and report.period.start is not None
    assert report.period.start.isoformat() == "2023-01-01"


SYMBOL_RUN = '<w:r><w:rPr><w:rFonts w:ascii="{0}" w:hAnsi="{0}"/></w:rPr><w:t>{1}</w:t></w:r>'


def test_symbol_font_digits_written_as_text_are_read() -> None:
    """LibreOffice saves Word's ``w:sym`` of the Symbol font as the font's own codes
    (U+F030 … U+F039) in a run of that font: the digits it shows."""

    def coded(digits: str) -> str:
        return "".join(chr(0xF000 + ord(d)) for d in digits)

    def edit(xml: str) -> str:
        return re.sub(
            r"(<w:tc>(?:(?!</w:tc>).)*?)<w:r><w:t>(\d+)</w:t></w:r>",
            lambda m: m.group(1) + SYMBOL_RUN.format("Symbol", coded(m.group(2))),
            xml,
        )

    source, report = edited("qingshan-jiaotong-2023", edit)
    cell = report.tables["applications"].cell("received", "total")
    assert cell is not None and (cell.value, cell.raw) == (11, "11")
    line = line_of(source, "一、本年新收政府信息公开申请数量")
    assert (cell.span.line, cell.span.column) == (line, 30)


@pytest.mark.parametrize(
    ("font", "text", "shown"),
    [
        ("Symbol", "\uf0be", "—"),  # the Symbol font's long dash: "none"
        ("Wingdings", "\uf0fc", ""),  # a tick: a picture, not text
        ("宋体", "\uf031", "\uf031"),  # a code of the private use area in an ordinary font
    ],
)
def test_symbol_font_codes_written_as_text(font: str, text: str, shown: str) -> None:
    def edit(xml: str) -> str:
        return xml.replace(
            "<w:r><w:t>行政强制</w:t></w:r>",
            "<w:r><w:t>行政强制</w:t></w:r>" + SYMBOL_RUN.format(font, text),
            1,
        )

    source, _ = edited("qingshan-jiaotong-2023", edit)
    assert f"行政强制{shown}\t" in source.text


def test_a_zero_width_space_in_a_number_is_not_in_its_span() -> None:
    """1\u200b1 in a cell: the value was 11 already (the parser reads through it), but its
    span covered three characters of the text; now the text holds 11 and the span two."""
    source, report = edited("qingshan-jiaotong-2023", numbers("<w:r><w:t>{0}\u200b{1}</w:t></w:r>"))
    total = report.tables["applications"].cell("received", "total")
    assert total is not None and (total.value, total.raw) == (11, "11")
    line = line_of(source, "一、本年新收政府信息公开申请数量")
    assert (total.span.line, total.span.column, total.span.end_column) == (line, 30, 32)
    assert source.text.split("\n")[line - 1][29:31] == "11"
