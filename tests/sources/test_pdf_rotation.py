"""Turned pages and text with no Unicode behind it, in PDFs built here byte by byte.

The text is drawn in a CJK font PDFium knows by name (STSong-Light with the predefined
UniGB-UTF16-H CMap: no font file, no ToUnicode map needed), each cell its own piece of
text at its own place, as table-making tools draw them. A page may be turned for showing
(``/Rotate``), its text may be drawn turned (a landscape table drawn sideways), or both
(the text drawn turned so that the turned page shows it upright): each reads as the
upright page does.
"""

from __future__ import annotations

import pytest

from tests.sources.pdfs import TABLE_ONE, cjk_pdf, pdf_file
from xxgk_lint.sources import InputError
from xxgk_lint.sources.messages import localise
from xxgk_lint.sources.pdf import UNMAPPED_TEXT, read_pdf

#: An upright A4 page's pieces of text: (x, y, text).
PAGE = [
    (60, 780, "一、总体情况"),
    (60, 750, "本年主动公开政府信息120条。"),
    (60, 720, "二、主动公开政府信息情况"),
    *TABLE_ONE,
]
LINES = [
    "一、总体情况",
    "本年主动公开政府信息120条。",
    "二、主动公开政府信息情况",
    "信息内容 本年制发件数 本年废止件数 现行有效件数",
    "规章 2 1 15",
    "行政规范性文件 13 4 21",
]
WIDTH, HEIGHT = 595, 842

#: A turn of the text (counter-clockwise quarter turns) as a text matrix's a b c d, and
#: where an upright page's point (x, y) goes on the page the text is drawn turned on.
TURNS = {
    0: ((1, 0, 0, 1), lambda x, y: (x, y)),
    1: ((0, 1, -1, 0), lambda x, y: (HEIGHT - y, x)),
    2: ((-1, 0, 0, -1), lambda x, y: (WIDTH - x, HEIGHT - y)),
    3: ((0, -1, 1, 0), lambda x, y: (y, WIDTH - x)),
}


def content(turn: int, pieces: list[tuple[int, int, str]] = PAGE, hexed: object = None) -> bytes:
    """The content stream of ``pieces`` drawn turned by ``turn`` quarter turns."""
    (a, b, c, d), where = TURNS[turn]
    encode = hexed or (lambda text: text.encode("utf-16-be").hex())
    ops = []
    for x, y, text in pieces:
        at_x, at_y = where(x, y)
        ops.append(f"BT /F1 10 Tf {a} {b} {c} {d} {at_x} {at_y} Tm <{encode(text)}> Tj ET")
    return "\n".join(ops).encode()


def size(turn: int) -> tuple[int, int]:
    """The page size the turned text is drawn on (landscape for a quarter turn)."""
    return (HEIGHT, WIDTH) if turn % 2 else (WIDTH, HEIGHT)


def lines(data: bytes) -> list[str]:
    return read_pdf("t.pdf", data).text.splitlines()


def test_upright_page_reads_as_drawn() -> None:
    assert lines(cjk_pdf([content(0)], sizes=[size(0)], rotate=[0])) == LINES


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_rotated_page_with_upright_text(rotate: int) -> None:
    """/Rotate turns the page for showing; the text was laid out upright on it."""
    assert lines(cjk_pdf([content(0)], sizes=[size(0)], rotate=[rotate])) == LINES


@pytest.mark.parametrize(
    ("turn", "rotate"),
    [
        (1, 90),  # drawn turned left, shown turned right: upright on screen
        (3, 270),
        (2, 180),
        (1, 0),  # a table drawn sideways on a page shown as it is
        (3, 0),
    ],
)
def test_text_drawn_turned(turn: int, rotate: int) -> None:
    assert lines(cjk_pdf([content(turn)], sizes=[size(turn)], rotate=[rotate])) == LINES


def test_turned_page_among_upright_ones_names_its_page() -> None:
    """A landscape table page (drawn turned, shown with /Rotate) between portrait pages."""
    first = [(60, 780, "某某县2023年度政府信息公开工作年度报告")]
    data = cjk_pdf(
        [content(0, first), content(1), content(0, first)],
        sizes=[size(0), size(1), size(0)],
        rotate=[0, 90, 0],
    )
    source = read_pdf("t.pdf", data)
    text = source.text.splitlines()
    assert text == [first[0][2], *LINES, first[0][2]]
    assert source.positions.origin(text.index("规章 2 1 15") + 1, 1).where == "第 2 页"


def test_blank_cell_on_a_turned_page_is_laid_out() -> None:
    """The characters' boxes of a turned page are those of its upright text: a row with
    a blank cell is laid out under its fuller neighbour by TABs."""
    pieces = [*PAGE[:11], (60, 650, "行政规范性文件"), (230, 650, "13"), (430, 650, "21")]
    data = cjk_pdf([content(1, pieces)], sizes=[size(1)], rotate=[90])
    assert lines(data)[-2:] == ["规章 2 1 15", "行政规范性文件\t13\t\t21"]


def glyph_numbers(text: str) -> str:
    """Codes of a subset font's glyphs: what an Identity-H font with no ToUnicode has."""
    return "".join(f"{(ord(ch) * 7919) % 30000 + 3:04x}" for ch in text)


def private_use(text: str) -> str:
    """Codes that the ToUnicode map of :func:`unmapped_pdf` maps to the Private Use Area."""
    return "".join(f"{ord(ch) % 0x1800 + 0x100:04x}" for ch in text)


#: A ToUnicode map of codes 0x0100-0x18FF to U+E000-U+F7FF (private use).
PRIVATE_USE_MAP = b"\n".join(
    [
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange",
        b"24 beginbfrange",
        *(b"<%02x00> <%02xff> <%04x>" % (hi, hi, 0xE000 + (hi - 1) * 256) for hi in range(1, 25)),
        b"endbfrange endcmap CMapName currentdict /CMapResource defineresource pop end end",
    ]
)


def unmapped_pdf(
    pages: list[bool], *, codes: object = glyph_numbers, to_unicode: bool = False
) -> bytes:
    """Pages of PAGE's text, in an Identity-H font without ToUnicode where ``True`` (or
    with one to private-use codes)."""
    data = cjk_pdf(
        [content(0, hexed=codes) if bad else content(0) for bad in pages],
        sizes=[size(0)] * len(pages),
        rotate=[0] * len(pages),
    )
    # The first page's font becomes an Identity-H one: F2, named on the bad pages.
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H"
        b" /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        b" /FontDescriptor 5 0 R /DW 1000 /CIDToGIDMap /Identity >>]"
        + (b" /ToUnicode TOUNICODE" if to_unicode else b"")
        + b" >>"
    )
    stream = b"<< /Length %d >>\nstream\n" % len(PRIVATE_USE_MAP) + PRIVATE_USE_MAP + b"\nendstream"
    return _with_font(data, pages, font, stream)


def _with_font(data: bytes, pages: list[bool], font: bytes, to_unicode: bytes = b"null") -> bytes:
    """``data`` with the bad pages' font F1 replaced by ``font`` (and its ToUnicode map
    ``to_unicode``, named in it as TOUNICODE), the file rebuilt from its objects."""
    import re

    bodies = re.findall(rb"\d+ 0 obj\n(.*?)\nendobj\n", data, re.S)
    for number, bad in enumerate(pages):
        if bad:
            page = 5 + 2 * number
            bodies[page] = bodies[page].replace(b"/F1 3 0 R", b"/F1 %d 0 R" % (len(bodies) + 1))
    bodies.append(font.replace(b"TOUNICODE", b"%d 0 R" % (len(bodies) + 2)))
    bodies.append(to_unicode)
    return pdf_file(bodies)


def test_text_without_unicode_is_one_clear_message() -> None:
    with pytest.raises(InputError) as caught:
        read_pdf("t.pdf", unmapped_pdf([True, True]))
    assert str(caught.value) == UNMAPPED_TEXT
    assert localise(str(caught.value), "zh").startswith("PDF 的文字层无法读取")


def test_a_page_without_unicode_among_readable_ones_adds_no_line() -> None:
    source = read_pdf("t.pdf", unmapped_pdf([False, True, False]))
    assert source.text.splitlines() == LINES + LINES
    wheres = [source.positions.origin(line, 1).where for line in (1, 6, 7, 12)]
    assert wheres == ["第 1 页", "第 1 页", "第 3 页", "第 3 页"]


def test_upright_text_beside_a_turned_table_is_left_as_it_is() -> None:
    """Only a page whose text nearly all runs turned is turned back: on a page of prose
    with a table drawn sideways below it (more characters than the prose), the prose's
    lines stay whole."""
    prose = [(60, 780 - 20 * i, f"第{i}段：本机关认真落实政府信息公开工作要求。") for i in range(3)]
    (a, b, c, d), _ = TURNS[1]
    table = "\n".join(
        f"BT /F1 10 Tf {a} {b} {c} {d} {x} {y} Tm <{text.encode('utf-16-be').hex()}> Tj ET"
        for x, y, text in (
            (x0 // 2 + shift, y0 // 2, t) for x0, y0, t in PAGE for shift in (0, 150)
        )
    ).encode()
    data = cjk_pdf([content(0, prose) + b"\n" + table], sizes=[size(0)], rotate=[0])
    assert lines(data)[:3] == [piece[2] for piece in prose]


def test_text_mapped_to_private_use_codes_is_the_same_message() -> None:
    with pytest.raises(InputError) as caught:
        read_pdf("t.pdf", unmapped_pdf([True], codes=private_use, to_unicode=True))
    assert str(caught.value) == UNMAPPED_TEXT
