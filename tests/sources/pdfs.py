"""Minimal PDFs built byte by byte, for the limit and fuzz tests (no generator library)."""

from __future__ import annotations

import functools

import pytest


def one_page_pdf(content: bytes, *, pages: int = 1, compressed: bool = False) -> bytes:
    """A PDF of ``pages`` pages that all show ``content`` (a content stream; already
    Flate-compressed if ``compressed``), in Helvetica as font F1."""
    flate = b"/Filter /FlateDecode " if compressed else b""
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    contents = 4 + pages
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
            b" /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % contents
            for _ in range(pages)
        ),
        b"<< /Length %d " % len(content) + flate + b">>\nstream\n" + content + b"\nendstream",
    ]
    return pdf_file(objects, b"1.4")


def pdf_file(objects: list[bytes], version: bytes = b"1.7") -> bytes:
    """A PDF of ``objects`` (numbered from 1, the first the catalogue): each object where
    the cross-reference table says, and the trailer."""
    out = b"%PDF-" + version + b"\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def cjk_pdf(pages: list[bytes], *, sizes: list[tuple[int, int]], rotate: list[int]) -> bytes:
    """A PDF of content streams in font F1: STSong-Light with the predefined UniGB-UTF16-H
    CMap, a CJK font PDFium knows by name (no font file, no ToUnicode map needed); each
    page of its size (width, height) and ``/Rotate``."""
    count = len(pages)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (6 + 2 * i) for i in range(count)), count),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H"
        b" /DescendantFonts [4 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo"
        b" << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R"
        b" /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6"
        b" /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120"
        b" /CapHeight 880 /StemV 80 >>",
    ]
    for number, (content, (width, height), turn) in enumerate(
        zip(pages, sizes, rotate, strict=True)
    ):
        rotation = b" /Rotate %d" % turn if turn else b""
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d]%s"
            b" /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
            % (width, height, rotation, 7 + 2 * number)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    return pdf_file(objects)


@functools.cache
def pdfium_reads_cjk() -> bool:
    """Whether PDFium reads, in a font the PDF does not hold (:func:`cjk_pdf`'s), a
    full-width digit set alone and a Chinese character drawn turned: it leaves them out
    when the machine has no CJK font (see :mod:`tests.system`)."""
    import pypdfium2 as pdfium

    runs = ((100, 700, "４", "1 0 0 1"), (100, 600, "规", "0 -1 1 0"))
    content = "\n".join(
        f"BT /F1 10 Tf {matrix} {x} {y} Tm <{text.encode('utf-16-be').hex()}> Tj ET"
        for x, y, text, matrix in runs
    ).encode()
    document = pdfium.PdfDocument(cjk_pdf([content], sizes=[(595, 842)], rotate=[0]))
    try:
        page = document[0]
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        textpage.close()
        page.close()
    finally:
        document.close()
    return "４" in text and "规" in text


#: For a test whose PDF needs the machine's CJK font to be read whole (the suite installs
#: one as root: :mod:`tests.system`).
needs_cjk_font = pytest.mark.skipif(
    not pdfium_reads_cjk(),
    reason="no CJK font on this machine: PDFium leaves out some characters drawn in a font "
    "the PDF does not hold (install one, e.g. apt-get install fonts-wqy-zenhei)",
)


#: Table 一's head and two rows on an upright A4 page, as pieces (x, y, text): labels at
#: x=60, the header's cells from 200, the numbers at 230, 330 and 430.
TABLE_ONE = [
    (60, 690, "信息内容"),
    (200, 690, "本年制发件数"),
    (300, 690, "本年废止件数"),
    (400, 690, "现行有效件数"),
    (60, 670, "规章"),
    (230, 670, "2"),
    (330, 670, "1"),
    (430, 670, "15"),
    (60, 650, "行政规范性文件"),
    (230, 650, "13"),
    (330, 650, "4"),
    (430, 650, "21"),
]


def placed_pdf(pages: list[list[tuple[float, float, str]]]) -> bytes:
    """A PDF of A4 pages, each showing its pieces of ASCII text (x, y, text) in Helvetica
    at 10 pt, each piece a text object of its own (as a table's cells are drawn)."""
    streams = [
        b"\n".join(
            b"BT /F1 10 Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj ET" % (x, y, text.encode())
            for x, y, text in runs
        )
        for runs in pages
    ]
    count = len(streams)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count)), count),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for number, content in enumerate(streams):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
            b" /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * number)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    return pdf_file(objects)


def two_up(data: bytes) -> bytes:
    """``data`` printed two pages to a sheet (a landscape A4 sheet, each page a form
    object beside the last, as a printer's "pages per sheet" makes it): PDFium's own
    N-up."""
    import ctypes
    import io

    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(data)
    sheets = pdfium.raw.FPDF_ImportNPagesToOne(
        source.raw, ctypes.c_float(842), ctypes.c_float(595), 2, 1
    )
    document = pdfium.PdfDocument(sheets)
    try:
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
    finally:
        document.close()
        source.close()


def lines_pdf_with_pictures(lines: list[str | None], size: float = 3) -> bytes:
    """One page of ``lines`` in :func:`cjk_pdf`'s font at ``size`` pt, one under another
    from the top of a page wide enough for the longest; a None line is a picture (an image
    XObject as wide as the page, an eighth of the text's height high) drawn where it
    stands."""
    step = size * 1.6
    width = int(max((len(line or "") for line in lines), default=1) * size + 100)
    picture = max(step * 4, (len(lines) * step + 100) / 8)
    height = int(len(lines) * step + lines.count(None) * picture + 100)
    y = height - 50.0
    drawn = []
    for line in lines:
        if line is None:
            y -= picture
            drawn.append(f"q {width - 100} 0 0 {picture - step:.2f} 50 {y:.2f} cm /Im1 Do Q")
            continue
        y -= step
        text = line.encode("utf-16-be").hex()
        drawn.append(f"BT /F1 {size} Tf 1 0 0 1 50 {y:.2f} Tm <{text}> Tj ET")
    content = "\n".join(drawn).encode()
    document = cjk_pdf([content], sizes=[(width, height)], rotate=[0])
    # The picture: a grey image XObject, its object after the page's (numbered 8).
    document = document.replace(
        b"/Resources << /Font << /F1 3 0 R >> >>",
        b"/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 8 0 R >> >>",
    )
    objects = _objects(document)
    objects.append(
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Length 4 >>\nstream\n\x80\x80\x80\x80\nendstream"
    )
    return pdf_file(objects)


def _objects(document: bytes) -> list[bytes]:
    """The bodies of a PDF's objects as :func:`pdf_file` wrote them, in order."""
    import re

    return [m.group(1) for m in re.finditer(rb"\d+ 0 obj\n(.*?)\nendobj\n", document, re.S)]


def pages_pdf(pages: list[list[str]], size: float = 9) -> bytes:
    """A PDF of A4 pages in :func:`cjk_pdf`'s font at ``size`` pt, each showing its lines
    one under another from the top (a tab in a line: two blanks), each line a text object
    of its own, drawn in order: a page's running header first, its footer last."""
    streams = []
    for lines in pages:
        y = 800.0
        drawn = []
        for line in lines:
            text = line.replace("\t", "  ").encode("utf-16-be").hex()
            drawn.append(f"BT /F1 {size} Tf 1 0 0 1 40 {y:.2f} Tm <{text}> Tj ET")
            y -= size * 1.8
        streams.append("\n".join(drawn).encode())
    return cjk_pdf(streams, sizes=[(595, 842)] * len(pages), rotate=[0] * len(pages))


def lines_pdf_with_form_pictures(lines: list[str | None], size: float = 3) -> bytes:
    """:func:`lines_pdf_with_pictures`, each picture placed through a form XObject (a
    unit square the page scales to the picture's place, as some producers draw an
    image: the form holds the image)."""
    document = lines_pdf_with_pictures(lines, size)
    document = document.replace(b"/XObject << /Im1 8 0 R >>", b"/XObject << /Fm1 9 0 R >>")
    document = document.replace(b" cm /Im1 Do Q", b" cm /Fm1 Do Q")
    objects = _objects(document)
    form = b"q 1 0 0 1 0 0 cm /Im1 Do Q"
    objects.append(
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 1 1]"
        b" /Resources << /XObject << /Im1 8 0 R >> >> /Length %d >>\nstream\n"
        % len(form)
        + form
        + b"\nendstream"
    )
    return pdf_file(objects)


def sized_pdf(runs: list[tuple[float, float, str, float]]) -> bytes:
    """A one-page A4 PDF showing pieces of ASCII text (x, y, text, size) in Helvetica,
    each piece a text object of its own in its size (as a table's cells are drawn, a
    row's label smaller than its numbers)."""
    content = b"\n".join(
        b"BT /F1 %.2f Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj ET" % (size, x, y, text.encode())
        for x, y, text, size in runs
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        b" /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    return pdf_file(objects)
