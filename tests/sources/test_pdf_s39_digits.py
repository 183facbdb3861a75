"""Digits drawn in a font with no ToUnicode map (session 39).

Word and WPS set a report's digits in a font of their own (Times New Roman beside
SimSun). When that font is embedded as Identity-H with no ToUnicode map, PDFium cannot
tell what its glyphs are: the text is right but for the digits, which come out as other
characters. The reader says so in one clear message, instead of reading a report with
no numbers (its tables missing, its period unstated).
"""

from __future__ import annotations

import re

import pytest

from tests.sources.pdfs import cjk_pdf, pdf_file
from tests.sources.test_pdf_rotation import PAGE, glyph_numbers
from xxgk_lint.sources import InputError
from xxgk_lint.sources.messages import localise
from xxgk_lint.sources.pdf import UNMAPPED_DIGITS, read_pdf

#: A digits' font: Identity-H, an embedded subset's glyph numbers, no ToUnicode map.
DIGITS_FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+TimesNewRoman /Encoding /Identity-H"
    b" /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+TimesNewRoman"
    b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
    b" /FontDescriptor 5 0 R /DW 500 /CIDToGIDMap /Identity >>] >>"
)


def content(pieces: list[tuple[int, int, str]], *, digits_unmapped: bool) -> bytes:
    """The pieces drawn in F1, their digits in F2 (the digits' font) if so asked."""
    ops = []
    for x, y, text in pieces:
        ops.append(f"BT /F1 10 Tf {x} {y} Td")
        for part in re.findall(r"[0-9]+|[^0-9]+", text):
            if part[0].isdigit() and digits_unmapped:
                ops.append(f"/F2 10 Tf <{glyph_numbers(part)}> Tj /F1 10 Tf")
            else:
                ops.append(f"<{part.encode('utf-16-be').hex()}> Tj")
        ops.append("ET")
    return "\n".join(ops).encode()


def digits_pdf(pages: list[bool]) -> bytes:
    """Pages of PAGE's text, their digits in the digits' font where ``True``."""
    data = cjk_pdf(
        [content(PAGE, digits_unmapped=bad) for bad in pages],
        sizes=[(595, 842)] * len(pages),
        rotate=[0] * len(pages),
    )
    bodies = re.findall(rb"\d+ 0 obj\n(.*?)\nendobj\n", data, re.S)
    for number in range(len(pages)):
        page = 5 + 2 * number
        bodies[page] = bodies[page].replace(
            b"/F1 3 0 R", b"/F1 3 0 R /F2 %d 0 R" % (len(bodies) + 1)
        )
    return pdf_file([*bodies, DIGITS_FONT])


def test_digits_with_no_unicode_are_one_clear_message() -> None:
    with pytest.raises(InputError) as caught:
        read_pdf("t.pdf", digits_pdf([True, True]))
    assert str(caught.value) == UNMAPPED_DIGITS.format(page=1)
    assert localise(str(caught.value), "zh").startswith("PDF 中的数字无法读取")
    assert "第 1 页" in localise(str(caught.value), "zh")


def test_the_same_pages_with_their_digits_mapped_read_as_they_are() -> None:
    lines = read_pdf("t.pdf", digits_pdf([False, False])).text.splitlines()
    assert "规章 2 1 15" in lines


def test_a_page_with_digits_elsewhere_in_the_report_is_read() -> None:
    """Only a report with no digit anywhere is refused: a page of digits read well says
    the numbers' font is readable there (the other page's few unmapped characters are
    left to the parser)."""
    lines = read_pdf("t.pdf", digits_pdf([False, True])).text.splitlines()
    assert lines[4] == "规章 2 1 15"
