"""Every reader, fed random bytes and mutated reports: it reads, or it refuses in one line.

What a reader must never do, whatever the bytes: raise anything but InputError, hang, give
text with CR line ends, positions that lead nowhere, grid rows whose fields and cells do
not match, or a different result on a second read (``harness.check_source``).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.budget import FUZZ, MUTATION_CASES
from tests.fuzz.harness import EXTENSIONS, SEED_FILES, check_source, hang_guard, mutate


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(EXTENSIONS))
def test_random_bytes(data: bytes, suffix: str) -> None:
    with hang_guard(30):
        check_source(f"random{suffix}", data)


#: Markup and container headers, so that random tails reach the HTML, Word and PDF readers.
HEADERS = (
    b"<html><body><table><tr><td>",
    b"<!DOCTYPE html><meta charset=gbk><p>",
    b"PK\x03\x04",
    b"%PDF-1.4\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
)


@FUZZ
@given(
    head=st.sampled_from(HEADERS),
    tail=st.binary(max_size=2048),
    suffix=st.sampled_from(EXTENSIONS),
)
def test_headers_with_random_tails(head: bytes, tail: bytes, suffix: str) -> None:
    with hang_guard(30):
        check_source(f"file{suffix}", head + tail)


@FUZZ
@given(
    cells=st.lists(
        st.tuples(
            st.sampled_from(["", "1", "0", "&nbsp;", "总计", "<p>商业<br>企业</p>", "<b>2</b>3"]),
            st.sampled_from(["", ' rowspan="2"', ' colspan="2"', ' rowspan="0"', ' colspan="x"']),
        ),
        min_size=1,
        max_size=40,
    ),
    width=st.integers(1, 8),
    sections=st.booleans(),
)
def test_html_tables_of_random_spans(
    cells: list[tuple[str, str]], width: int, sections: bool
) -> None:
    """Tables of random spans and contents: every row's fields match its grid cells."""
    rows = [cells[i : i + width] for i in range(0, len(cells), width)]
    body = "".join(
        "<tr>" + "".join(f"<td{attrs}>{text}</td>" for text, attrs in row) + "</tr>" for row in rows
    )
    if sections:
        body = f"<thead>{body}</thead><tbody>{body}</tbody>"
    page = f"<html><body><p>前</p><table>{body}</table><p>后</p></body></html>"
    source = check_source("t.html", page.encode())
    assert source is not None
    assert source.text.startswith("前\n") and source.text.endswith("后\n")


@pytest.mark.parametrize("seed_file", SEED_FILES, ids=lambda p: p.name)
def test_mutated_reports(seed_file) -> None:
    """Seeded mutations of real-looking reports (truncation, byte flips, shuffled lines,
    other encodings, splices), read with the seed file's name."""
    data = seed_file.read_bytes()
    for case in range(MUTATION_CASES):
        mutated = mutate(data, seed=hash((seed_file.name, case)) & 0xFFFFFFFF, rounds=1 + case % 3)
        with hang_guard(30):
            check_source(seed_file.name, mutated)


def _word_table(rows: list[list[tuple[str, str]]], before: list[int]) -> bytes:
    import io

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("前")
    xml = f"<w:tbl {nsdecls('w')}><w:tblGrid/>"
    for row, skip in zip(rows, before, strict=True):
        xml += "<w:tr>"
        if skip:
            xml += f'<w:trPr><w:gridBefore w:val="{skip}"/></w:trPr>'
        for text, props in row:
            run = f"<w:r><w:t>{text}</w:t></w:r>" if text else ""
            xml += f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{run}</w:p></w:tc>"
        xml += "</w:tr>"
    table = document.add_table(rows=1, cols=1)
    table._tbl.getparent().replace(table._tbl, parse_xml(xml + "</w:tbl>"))
    document.add_paragraph("后")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@FUZZ
@given(
    rows=st.lists(
        st.lists(
            st.tuples(
                st.sampled_from(["", "1", "总计", "商业企业"]),
                st.sampled_from(
                    [
                        "",
                        '<w:gridSpan w:val="2"/>',
                        '<w:vMerge w:val="restart"/>',
                        "<w:vMerge/>",
                        '<w:gridSpan w:val="3"/><w:vMerge/>',
                        '<w:hMerge w:val="restart"/>',
                        "<w:hMerge/>",
                        '<w:gridSpan w:val="-4"/>',
                    ]
                ),
            ),
            min_size=1,
            max_size=6,
        ),
        min_size=1,
        max_size=6,
    ),
    before=st.lists(st.integers(0, 3), min_size=6, max_size=6),
)
def test_word_tables_of_random_merges(rows: list[list[tuple[str, str]]], before: list[int]) -> None:
    """Word tables of random gridSpan, vMerge, hMerge and gridBefore: fields match cells."""
    source = check_source("t.docx", _word_table(rows, before[: len(rows)]))
    assert source is not None
    assert source.text.startswith("前\n") and source.text.endswith("后\n")
