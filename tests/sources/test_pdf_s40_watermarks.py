"""A watermark over a report's pages is left out of its text (pdf_watermarks, session 40).

PDFium read a watermark as text: 仅供参考 in large light letters drawn over a table put
its characters inside the row it crosses (行政规范性文件仅供参考13, the label not
recognised and the row's first value lost); a diagonal 内部资料 or agency name landed in
a line of prose or a table's head. The PDFs are built byte by byte (a CJK font PDFium
knows by name), the watermark drawn before or after the page's body.
"""

from __future__ import annotations

from tests.sources.pdfs import cjk_pdf
from tests.sources.test_pdf_order import A4, LINES, PAGE, stream
from xxgk_lint.parse.builder import parse_source
from xxgk_lint.sources.pdf import read_pdf
from xxgk_lint.sources.pdf_watermarks import remove_watermarks

#: cos and sin of the watermark's slant: 45° and 35°.
DIAGONAL = (0.7071, 0.7071)
SLANT_35 = (0.8192, 0.5736)


def mark(
    x: float,
    y: float,
    text: str,
    size: float,
    turn: tuple[float, float] = (1, 0),
    grey: float = 0.85,
) -> bytes:
    """A watermark's text object: ``text`` at ``size`` points, turned by ``turn`` (cos,
    sin), filled grey (0: black)."""
    cos, sin = turn
    hexed = text.encode("utf-16-be").hex()
    return (
        f"q {grey} g BT /F1 {size} Tf {cos} {sin} {-sin} {cos} {x} {y} Tm <{hexed}> Tj ET Q"
    ).encode()


def read(content: bytes) -> tuple[list[str], dict[tuple[str, str], object]]:
    """The page's lines, and table 二's first block's cells: (row, column) to (value,
    line, column)."""
    source = read_pdf("t.pdf", cjk_pdf([content], sizes=[A4], rotate=[0]))
    table = parse_source(source).tables["proactive"]
    cells = {}
    for row in ("regulations", "normative_documents"):
        for column in ("issued", "repealed", "in_force"):
            cell = table.cell(row, column)
            cells[row, column] = None if cell is None else (cell.value, *cell.span[:2])
    return source.text.splitlines(), cells


def test_a_large_light_watermark_over_a_row_is_left_out() -> None:
    """Drawn last over the table's last row: PDFium ran it into the row's label and
    first cell (行政规范性文件仅供参考13), and the row lost its first value."""
    lines, cells = read(stream(PAGE) + b"\n" + mark(120, 640, "仅供参考", 60))
    assert lines == LINES
    assert cells["normative_documents", "issued"] == (13, 7, 9)
    assert cells["normative_documents", "in_force"] == (21, 7, 14)


def test_a_diagonal_agency_name_drawn_among_the_rows_is_left_out() -> None:
    """Drawn between the table's head and its rows, it landed in the head's line."""
    content = stream(PAGE[:6]) + b"\n" + mark(60, 560, "云溪县人民政府办公室", 40, SLANT_35)
    lines, cells = read(content + b"\n" + stream(PAGE[6:]))
    assert lines == LINES
    assert cells["regulations", "in_force"] == (15, 6, 8)


def test_a_diagonal_watermark_drawn_first_is_left_out() -> None:
    lines, _ = read(mark(60, 600, "内部资料", 72, DIAGONAL) + b"\n" + stream(PAGE))
    assert lines == LINES


def test_a_large_dark_title_and_text_turned_a_quarter_are_kept() -> None:
    """A large title in a dark font (a red-header document's 某某县人民政府文件) is no
    watermark, nor is text turned a quarter (a table drawn sideways: read turned back)."""
    title = mark(100, 797, "云溪县人民政府文件", 40, grey=0)
    turned = mark(560, 300, "附表", 10, (0, 1), grey=0)
    lines, _ = read(title + b"\n" + stream(PAGE) + b"\n" + turned)
    assert "云溪县人民政府文件" in lines
    assert "附" in "".join(lines[-2:]) and "表" in "".join(lines[-2:])


def test_only_the_watermark_is_taken_off_the_page() -> None:
    import pypdfium2 as pdfium

    content = stream(PAGE) + b"\n" + mark(120, 640, "仅供参考", 60)
    document = pdfium.PdfDocument(cjk_pdf([content], sizes=[A4], rotate=[0]))
    try:
        page = document[0]
        before = pdfium.raw.FPDFPage_CountObjects(page.raw)
        assert remove_watermarks(pdfium, page) == 1
        assert pdfium.raw.FPDFPage_CountObjects(page.raw) == before - 1
        page.close()
    finally:
        document.close()
