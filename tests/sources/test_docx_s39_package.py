"""Word files python-docx refuses but Word opens: Strict Open XML, .docm and .dotx."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from xxgk_lint.parse import parse_source
from xxgk_lint.sources import InputError
from xxgk_lint.sources.docx import read_docx

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
ORIGINAL = (FIXTURES / "docx" / "qingshan-jiaotong-2023.docx").read_bytes()

#: Transitional namespaces and their ISO/IEC 29500 Strict twins, as Word writes them
#: when it saves a "Strict Open XML Document".
STRICT = (
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ),
    (
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ),
    (
        "http://schemas.openxmlformats.org/drawingml/2006/main",
        "http://purl.oclc.org/ooxml/drawingml/main",
    ),
)
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def rewritten(data: bytes, change) -> bytes:
    """The package with ``change(name, text)`` applied to each XML part."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(out, "w") as copy:
        for info in archive.infolist():
            content = archive.read(info)
            if info.filename.endswith((".xml", ".rels")):
                content = change(info.filename, content.decode("utf-8")).encode("utf-8")
            copy.writestr(info.filename, content)
    return out.getvalue()


def strict(name: str, text: str) -> str:
    for transitional, strict_uri in STRICT:
        text = text.replace(transitional, strict_uri)
    return text


def main_type(kind: str):
    def change(name: str, text: str) -> str:
        return text.replace(DOCX_MAIN, kind) if name == "[Content_Types].xml" else text

    return change


def cell_places(data: bytes) -> list[tuple[object, int, int, str | None]]:
    """Two cells of table 三 as the parser reads them: value, line, column, locator."""
    table = parse_source(read_docx("q.docx", data)).tables["applications"]
    out = []
    for row, column in (("received", "natural_person"), ("carried_forward", "total")):
        cell = table.cell(row, column)
        assert cell is not None
        out.append((cell.value, cell.span.line, cell.span.column, cell.span.where))
    return out


EXPECTED = [(9, 28, 18, "表格 2，第 4 行，第 4 列"), (1, 52, 25, "表格 2，第 28 行，第 10 列")]


def test_the_fixture_reads_so() -> None:
    assert cell_places(ORIGINAL) == EXPECTED


def test_a_strict_open_xml_document_is_read_as_the_same_document() -> None:
    """Word's 另存为 Strict Open XML: every namespace and relationship type is the Strict
    one; python-docx finds no main document in it. The reader reads the same text and
    the same cells at the same places as in the Transitional file."""
    data = rewritten(ORIGINAL, strict)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"purl.oclc.org/ooxml/officeDocument" in archive.read("_rels/.rels")
    assert read_docx("s.docx", data).text == read_docx("q.docx", ORIGINAL).text
    assert cell_places(data) == EXPECTED


@pytest.mark.parametrize(
    "kind",
    [
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    ],
)
def test_a_macro_enabled_document_or_a_template_is_read(kind: str) -> None:
    """A .docm, .dotx or .dotm: the main part has another content type, the same XML."""
    data = rewritten(ORIGINAL, main_type(kind))
    assert cell_places(data) == EXPECTED


def test_a_package_that_is_no_word_document_still_says_so() -> None:
    """The rewrite does not hide what is wrong with a package: a spreadsheet's main part
    is named as before."""
    data = rewritten(ORIGINAL, main_type("application/vnd.ms-excel.sheet.macroEnabled.main+xml"))
    with pytest.raises(InputError, match=r"its main part is application/vnd\.ms-excel"):
        read_docx("x.docx", data)


def test_a_strict_package_without_its_main_part_says_what_is_missing() -> None:
    """A Strict package that is damaged is explained as the original failure is."""
    data = rewritten(ORIGINAL, strict)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(out, "w") as copy:
        for info in archive.infolist():
            if info.filename != "word/document.xml":
                copy.writestr(info.filename, archive.read(info))
    with pytest.raises(InputError, match=r"not a valid Word \.docx document"):
        read_docx("x.docx", out.getvalue())


def test_a_package_without_its_relationships_is_read_from_its_content_types() -> None:
    """A zip written by hand without ``_rels/.rels``: [Content_Types].xml still names the
    main document part, and the document is read from it."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(ORIGINAL)) as archive, zipfile.ZipFile(out, "w") as copy:
        for info in archive.infolist():
            if info.filename != "_rels/.rels":
                copy.writestr(info.filename, archive.read(info))
    assert cell_places(out.getvalue()) == EXPECTED


def test_a_package_without_relationships_nor_a_main_part_says_so() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(ORIGINAL)) as archive, zipfile.ZipFile(out, "w") as copy:
        for info in archive.infolist():
            if info.filename != "_rels/.rels":
                content = archive.read(info)
                if info.filename == "[Content_Types].xml":
                    content = content.replace(DOCX_MAIN.encode(), b"application/xml")
                copy.writestr(info.filename, content)
    with pytest.raises(InputError, match="a zip archive without a Word document in it"):
        read_docx("x.docx", out.getvalue())
