"""Every reading limit: a file over it is refused with one line naming the limit, quickly.

Each test builds the smallest file that goes over one limit (with the default limits where
that is cheap, with a lowered limit otherwise) and checks the exact message.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from tests.sources.pdfs import one_page_pdf
from xxgk_lint.sources import DEFAULT_LIMITS, LimitError, Limits, read_source
from xxgk_lint.sources.archive import check_archive, member_count
from xxgk_lint.sources.messages import localise


def limited(**changes: int) -> Limits:
    values = {name: getattr(DEFAULT_LIMITS, name) for name in DEFAULT_LIMITS.__slots__}
    values.update(changes)
    return Limits(**values)


def refused(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    with pytest.raises(LimitError) as caught:
        read_source(path, data, limits=limits)
    message = str(caught.value)
    assert "\n" not in message
    return message


def page(body: str) -> bytes:
    return f"<html><body>{body}</body></html>".encode()


# --------------------------------------------------------------------------- every reader


def test_option_names_are_the_config_keys() -> None:
    assert Limits.option_names() == (
        "max-file-bytes",
        "max-lines",
        "max-cells",
        "max-html-depth",
        "max-span",
        "max-zip-members",
        "max-zip-uncompressed-bytes",
        "max-docx-xml-bytes",
        "max-list-number",
        "max-pdf-pages",
        "max-pdf-stream-bytes",
        "max-pdf-page-chars",
    )


def test_file_bytes_given_and_on_disk(tmp_path: Path) -> None:
    limits = limited(max_file_bytes=100)
    assert refused("r.txt", b"x" * 101, limits) == (
        "over the limit max-file-bytes = 100 (101 bytes)"
    )
    path = tmp_path / "r.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(LimitError, match=r"^over the limit max-file-bytes = 100 \(101 bytes\)$"):
        read_source(path, limits=limits)
    path.write_bytes(b"x" * 100)
    assert read_source(path, limits=limits).text == "x" * 100


def test_text_lines_and_separators() -> None:
    limits = limited(max_lines=10, max_cells=20)
    assert refused("r.txt", b"a\n" * 10, limits) == "over the limit max-lines = 10 (11 lines)"
    assert refused("r.txt", b"a|b\t" * 11, limits) == (
        "over the limit max-cells = 20 (22 TAB and | separators)"
    )


# --------------------------------------------------------------------------- HTML


def test_html_rowspan_a_million() -> None:
    data = page('<table><tr><td rowspan="1000000">a</td><td>b</td></tr></table>')
    assert refused("r.html", data) == "over the limit max-span = 1000 (rowspan=1000000)"


def test_html_colspan_thousands_and_a_long_number() -> None:
    data = page('<table><tr><td colspan="5000">a</td><td>b</td></tr></table>')
    assert refused("r.html", data) == "over the limit max-span = 1000 (colspan=5000)"
    data = page(f'<table><tr><td colspan=" +{"9" * 100000}">a</td><td>b</td></tr></table>')
    assert refused("r.html", data) == (
        "over the limit max-span = 1000 (colspan=+99999999999999999999999…)"
    )


def test_html_table_of_a_million_cells_is_refused_before_parsing() -> None:
    row = "<tr>" + "<td>1</td>" * 1000 + "</tr>"
    data = page("<table>" + row * 1000 + "</table>")
    assert refused("r.html", data) == "over the limit max-cells = 200000 (1000000 table cells)"


def test_html_grid_positions() -> None:
    """Few cells, but wide ones: the grid's positions count."""
    row = "<tr>" + '<td colspan="1000">1</td>' * 3 + "</tr>"
    data = page("<table>" + row * 10 + "</table>")
    limits = limited(max_cells=20_000)
    assert refused("r.html", data, limits) == (
        "over the limit max-cells = 20000 (more than 20000 table cells)"
    )


def test_html_depth() -> None:
    deep = page("<font>" * 60 + "深")
    assert refused("r.html", deep, limited(max_html_depth=50)) == (
        "over the limit max-html-depth = 50 (elements nested 51 deep)"
    )
    deeper = page("<span>" * 3000 + "深")
    assert refused("r.html", deeper) == (
        "over the limit max-html-depth = 2000 (elements nested 2001 deep)"
    )
    assert refused("r.html", deeper, limited(max_html_depth=10_000)) == (
        "over the limit max-html-depth = 10000 "
        "(elements nested 2048 deep or more, the most the parser keeps)"
    )


def test_html_lines() -> None:
    data = page("<p>行</p>" * 30)
    assert refused("r.html", data, limited(max_lines=20)) == (
        "over the limit max-lines = 20 (more than 20 lines)"
    )


# --------------------------------------------------------------------------- Word


def save(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def word_table(xml_rows: str) -> bytes:
    document = docx.Document()
    table = document.add_table(rows=1, cols=1)
    table._tbl.getparent().replace(
        table._tbl,
        parse_xml(f"<w:tbl {nsdecls('w')}><w:tblGrid/>{xml_rows}</w:tbl>"),
    )
    return save(document)


def tc(props: str = "", text: str = "x") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def test_word_grid_span_and_grid_before() -> None:
    span = tc('<w:gridSpan w:val="1000000000"/>')
    data = word_table(f"<w:tr>{span}{tc()}</w:tr>")
    assert refused("r.docx", data) == "over the limit max-span = 1000 (w:gridSpan=1000000000)"
    data = word_table(
        f'<w:tr><w:trPr><w:gridBefore w:val="99999999999999999999999"/></w:trPr>{tc()}{tc()}</w:tr>'
    )
    assert refused("r.docx", data) == (
        "over the limit max-span = 1000 (w:gridBefore=99999999999999999999999)"
    )


def test_word_cells() -> None:
    rows = f"<w:tr>{tc() * 30}</w:tr>" * 10
    assert refused("r.docx", word_table(rows), limited(max_cells=250)) == (
        "over the limit max-cells = 250 (more than 250 table cells)"
    )


def numbered(start: str, fmt: str = "upperRoman", override: bool = False) -> bytes:
    """A document whose one list starts at ``start`` (w:start, or w:startOverride)."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    level_start = "1" if override else start
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77"><w:lvl w:ilvl="0">'
            f'<w:start w:val="{level_start}"/><w:numFmt w:val="{fmt}"/>'
            '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        )
    )
    override_xml = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        if override
        else ""
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/>'
            f"{override_xml}</w:num>"
        )
    )
    for text in ("甲", "乙"):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="77"/></w:numPr>')
        )
    return save(document)


def test_word_list_numbers() -> None:
    assert refused("r.docx", numbered("1000000000000")) == (
        "over the limit max-list-number = 100000 (w:start=1000000000000)"
    )
    assert refused("r.docx", numbered("200000", override=True)) == (
        "over the limit max-list-number = 100000 (w:startOverride=200000)"
    )
    # Within the limit: rendered, in Roman numerals up to 3999 and in digits beyond.
    assert read_source("r.docx", numbered("3999")).text == "MMMCMXCIX.甲\n4000.乙\n"
    assert read_source("r.docx", numbered("99999")).text == "99999.甲\n100000.乙\n"


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def declare_size(data: bytes, name: str, size: int) -> bytes:
    """The archive with ``name``'s unpacked size in the central directory set to ``size``:
    what a zip bomb's directory says, without making gigabytes."""
    at = data.index(b"PK\x01\x02")
    while True:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        extra_len, comment_len = struct.unpack_from("<HH", data, at + 30)
        if data[at + 46 : at + 46 + name_len].decode() == name:
            return data[: at + 24] + struct.pack("<I", size) + data[at + 28 :]
        at += 46 + name_len + extra_len + comment_len


def test_word_zip_bomb_refused_from_the_directory() -> None:
    members = default_members()
    bomb = declare_size(zip_of(members), "word/document.xml", 2**31)
    assert refused("r.docx", bomb) == (
        "over the limit max-zip-uncompressed-bytes = 209715200 "
        "(word/document.xml unpacks to 2147483648 bytes)"
    )
    # A real expansion, under a lowered limit: 2 MB of zeros in a picture.
    members["word/media/image1.png"] = bytes(2_000_000)
    data = zip_of(members)
    assert len(data) < 50_000
    assert refused("r.docx", data, limited(max_zip_uncompressed_bytes=1_000_000)) == (
        "over the limit max-zip-uncompressed-bytes = 1000000 "
        "(word/media/image1.png unpacks to 2000000 bytes)"
    )
    members["word/media/image1.png"] = bytes(600_000)
    members["word/media/image2.png"] = bytes(600_000)
    assert refused("r.docx", zip_of(members), limited(max_zip_uncompressed_bytes=1_000_000)) == (
        "over the limit max-zip-uncompressed-bytes = 1000000 (all members unpack to "
        f"{sum(len(v) for v in members.values())} bytes)"
    )


def default_members() -> dict[str, bytes]:
    """The parts of an empty Word document, by name."""
    with zipfile.ZipFile(io.BytesIO(save(docx.Document()))) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_word_xml_part_size() -> None:
    """150 MB of empty paragraphs, in small: an XML part over the limit is not parsed."""
    members = default_members()
    head, _, tail = members["word/document.xml"].partition(b"<w:body>")
    members["word/document.xml"] = head + b"<w:body>" + b"<w:p/>" * 100_000 + tail
    assert refused("r.docx", zip_of(members), limited(max_docx_xml_bytes=500_000)) == (
        "over the limit max-docx-xml-bytes = 500000 (word/document.xml unpacks to "
        f"{len(members['word/document.xml'])} bytes)"
    )


def test_word_members() -> None:
    members = {f"f{i}.txt": b"" for i in range(30)}
    data = zip_of(members)
    assert member_count(data) == 30
    assert refused("r.docx", data, limited(max_zip_members=20)) == (
        "over the limit max-zip-members = 20 (30 zip members)"
    )
    check_archive(b"PK\x03\x04 damaged", DEFAULT_LIMITS)  # left for python-docx to refuse


# --------------------------------------------------------------------------- PDF


def test_pdf_pages() -> None:
    data = one_page_pdf(b"BT /F1 12 Tf 72 700 Td (x) Tj ET", pages=3)
    assert read_source("r.pdf", data).text == "x\nx\nx\n"
    assert refused("r.pdf", data, limited(max_pdf_pages=2)) == (
        "over the limit max-pdf-pages = 2 (3 pages)"
    )


def test_pdf_deflate_bomb() -> None:
    """A content stream that unpacks to 300 MB: refused before PDFium loads the page."""
    packer = zlib.compressobj(1)
    chunk = b" " * (1 << 20)
    packed = b"".join(packer.compress(chunk) for _ in range(300)) + packer.flush()
    data = one_page_pdf(packed, compressed=True)
    assert len(data) < 1_500_000  # 1.4 MB that would cost PDFium 300 MB, or more
    assert refused("r.pdf", data) == (
        "over the limit max-pdf-stream-bytes = 268435456 "
        "(streams that unpack to more than 268435456 bytes)"
    )


def test_pdf_objects_and_characters_on_a_page() -> None:
    content = b"".join(b"BT /F1 1 Tf %d 10 Td (a) Tj ET\n" % i for i in range(150))
    data = one_page_pdf(content)
    assert refused("r.pdf", data, limited(max_pdf_page_chars=100)) == (
        "over the limit max-pdf-page-chars = 100 (150 objects on page 1)"
    )
    one = one_page_pdf(b"BT /F1 1 Tf 10 10 Td (" + b"a" * 150 + b") Tj ET")
    assert refused("r.pdf", one, limited(max_pdf_page_chars=100)) == (
        "over the limit max-pdf-page-chars = 100 (150 characters on page 1)"
    )


# --------------------------------------------------------------------------- messages


@pytest.mark.parametrize(
    ("message", "chinese"),
    [
        (
            "over the limit max-span = 1000 (rowspan=1000000)",
            "超出读取限制 max-span = 1000（rowspan=1000000）",
        ),
        (
            "over the limit max-file-bytes = 100 (more than 100 bytes)",
            "超出读取限制 max-file-bytes = 100（超过 100 字节）",
        ),
        (
            "over the limit max-zip-uncompressed-bytes = 1000 (word/document.xml unpacks to 2000 bytes)",
            "超出读取限制 max-zip-uncompressed-bytes = 1000（word/document.xml 解压后为 2000 字节）",
        ),
        (
            "over the limit max-pdf-page-chars = 100 (150 objects on page 1)",
            "超出读取限制 max-pdf-page-chars = 100（第 1 页有 150 个对象）",
        ),
        (
            "over the limit max-cells = 20 (22 TAB and | separators)",
            "超出读取限制 max-cells = 20（22 个制表符和 | 分隔符）",
        ),
    ],
)
def test_limit_messages_in_chinese(message: str, chinese: str) -> None:
    assert localise(message, "zh") == chinese
    assert localise(message, "en") == message
