"""Word packages whose zip members are not named as their relationships name the parts.

Zip tools on Windows write ``word\\document.xml``; others a leading ``/`` or ``./``; some
spell ``Word/Document.xml`` or ``[content_types].xml``. Part names are not case-sensitive
and Word opens such a file; python-docx looks members up by their exact names, so the
reader renames them (and the relationships' targets) before it opens the package again.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.sources.test_docx_s39_package import cell_places

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
ORIGINAL = (FIXTURES / "docx" / "qingshan-jiaotong-2023.docx").read_bytes()

#: Two cells of table 三 as the fixture reads: value, line, column, locator.
EXPECTED = [(9, 28, 18, "表格 2，第 4 行，第 4 列"), (1, 52, 25, "表格 2，第 28 行，第 10 列")]


def renamed(data: bytes, rename: Callable[[str], str]) -> bytes:
    """The package with every member renamed by ``rename``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(out, "w") as copy:
        for info in archive.infolist():
            copy.writestr(rename(info.filename), archive.read(info))
    return out.getvalue()


def with_part(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    """The package with member ``name`` changed by ``change``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(out, "w") as copy:
        for info in archive.infolist():
            content = archive.read(info)
            copy.writestr(info.filename, change(content) if info.filename == name else content)
    return out.getvalue()


def test_the_fixture_reads_so() -> None:
    assert cell_places(ORIGINAL) == EXPECTED


@pytest.mark.parametrize(
    "rename",
    [
        pytest.param(lambda n: n.replace("/", "\\"), id="backslashes"),
        pytest.param(lambda n: "/" + n, id="leading-slash"),
        pytest.param(lambda n: "./" + n, id="leading-dot-slash"),
        pytest.param(lambda n: n.replace("word/", "Word/"), id="folder-case"),
        pytest.param(lambda n: n.replace("document.xml", "Document.xml"), id="part-case"),
        pytest.param(lambda n: n.replace("[Content_Types]", "[content_types]"), id="types-case"),
    ],
)
def test_members_named_otherwise_are_read_as_the_same_document(
    rename: Callable[[str], str],
) -> None:
    assert cell_places(renamed(ORIGINAL, rename)) == EXPECTED


def test_a_relationship_target_with_a_backslash_leads_to_its_part() -> None:
    data = with_part(
        ORIGINAL,
        "_rels/.rels",
        lambda rels: rels.replace(b'Target="word/document.xml"', b'Target="word\\document.xml"'),
    )
    assert b"word\\document.xml" in zipfile.ZipFile(io.BytesIO(data)).read("_rels/.rels")
    assert cell_places(data) == EXPECTED
