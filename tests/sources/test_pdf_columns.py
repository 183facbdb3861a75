"""A blank cell of a PDF table: the reader puts back what PDFium's text loses.

PDFium gives a row's cells one space apart however far apart they stand, so a blank cell
leaves no trace in the text. The reader lays a row with fewer numbers than a row of the
same table under that row's cells (by left edge, right edge or centre) and writes its
cells TAB-separated, a blank cell as an empty field; a lone row (表四) is read by its gaps.

The small PDFs here are built byte by byte (Helvetica, ASCII labels, each cell drawn at
its own x); fixtures/pdf/yunxi-2023-blank-cells.pdf is a whole report with four blank
cells (made by fixtures/pdf/make_pdf.py), read through to the parsed tables and findings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.sources.pdfs import one_page_pdf
from xxgk_lint.sources import read_source
from xxgk_lint.sources.pdf import read_pdf

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "pdf"
BLANK = FIXTURES / "yunxi-2023-blank-cells.pdf"
DIGIT = 5.56  # a Helvetica digit's width at 10 pt
COLUMNS = (100.0, 120.0, 140.0, 160.0, 180.0)  # the columns' left edges, 20 pt wide

Row = tuple[str, list[str | None]]  # a label ("" for none) and a cell per column


def table_pdf(rows: list[Row], align: str = "left", columns: tuple[float, ...] = COLUMNS) -> bytes:
    """One page: each row a line 20 pt below the last, its label at x=50 and each cell's
    text placed in its column (left-aligned at the column's edge, right-aligned at 16 pt
    from it, or centred at 8 pt); None is a blank cell. (PDFium breaks a line of short
    numbers far apart into one line per number: these columns are as close as a real
    table's.)"""
    ops = []
    y = 700.0
    for label, cells in rows:
        if label:
            ops.append(b"BT /F1 10 Tf 1 0 0 1 50 %.2f Tm (%s) Tj ET" % (y, label.encode()))
        for left, text in zip(columns, cells, strict=True):
            if text is None:
                continue
            width = DIGIT * len(text)
            x = {"left": left, "right": left + 16 - width, "centre": left + 8 - width / 2}
            ops.append(
                b"BT /F1 10 Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj ET" % (x[align], y, text.encode())
            )
        y -= 20
    return one_page_pdf(b"\n".join(ops))


def text_lines(data: bytes) -> list[str]:
    return read_pdf("t.pdf", data).text.split("\n")


FULL: Row = ("Total", ["10", "20", "30", "40", "99"])


@pytest.mark.parametrize("align", ["left", "right", "centre"])
def test_a_blank_cell_is_an_empty_field(align: str) -> None:
    rows: list[Row] = [
        FULL,
        ("Middle", ["7", "8", None, "9", "24"]),
        ("Last", ["1", "2", "3", "4", None]),
        ("", [None, "2", "3", "4", "9"]),  # a wrapped label's numbers, on their own line
        ("Two", ["12", None, None, "3", None]),
    ]
    lines = text_lines(table_pdf(rows, align))
    assert lines[:5] == [
        "Total 10 20 30 40 99",  # the fuller row itself is left as PDFium gives it
        "Middle\t7\t8\t\t9\t24",
        "Last\t1\t2\t3\t4\t",  # the blank last cell keeps its TAB
        "\t2\t3\t4\t9",
        "Two\t12\t\t\t3\t",
    ]


def test_the_nearest_fuller_row_of_the_same_columns_decides() -> None:
    """A row lines up with a fuller row of its own table, not with one of another table
    whose cells stand elsewhere (here 10 pt to the right), however near or full."""
    other = (*(x + 10 for x in COLUMNS), 210.0)
    data = one_page_pdf(
        b"\n".join(
            [
                *_ops([("Other", ["1", "2", "3", "4", "5", "6"])], 760.0, other),
                *_ops([FULL, ("Blank", ["7", None, "8", "9", "24"])], 700.0, COLUMNS),
            ]
        )
    )
    lines = text_lines(data)
    assert lines[:3] == ["Other 1 2 3 4 5 6", "Total 10 20 30 40 99", "Blank\t7\t\t8\t9\t24"]


def _ops(rows: list[Row], y: float, columns: tuple[float, ...]) -> list[bytes]:
    out = []
    for label, cells in rows:
        out.append(b"BT /F1 10 Tf 1 0 0 1 50 %.2f Tm (%s) Tj ET" % (y, label.encode()))
        for left, text in zip(columns, cells, strict=True):
            if text is not None:
                out.append(
                    b"BT /F1 10 Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj ET" % (left, y, text.encode())
                )
        y -= 20
    return out


def test_a_row_under_no_fuller_row_is_left_alone() -> None:
    """The fullest row of a table, or a row whose cells line up with no other row's."""
    rows: list[Row] = [
        ("Alpha", ["11", "12", None, None, None]),
        ("Beta", ["13", "14", "15", None, None]),
    ]
    shifted = table_pdf(
        [("Gamma", ["1", "2", "3", "4", None])], columns=(103.0, 131.0, 150.0, 173.0, 0)
    )
    assert text_lines(table_pdf(rows))[:2] == ["Alpha\t11\t12\t", "Beta 13 14 15"]
    assert text_lines(shifted)[0] == "Gamma 1 2 3 4"


def test_a_lone_row_is_read_by_its_gaps() -> None:
    """表四 has one row: a gap of two column widths has a blank cell in it; a row whose
    gaps are not of one width, or of fewer than four cells, is left alone."""
    pitch = tuple(100.0 + 20 * i for i in range(10))
    lone = [("", ["1", "0", "2", None, "3", "1", None, None, "4", "0"])]
    assert text_lines(table_pdf(lone, columns=pitch))[0] == "1\t0\t2\t\t3\t1\t\t\t4\t0"
    uneven = (100.0, 120.0, 150.0, 185.0, 210.0)
    assert text_lines(table_pdf([("", ["1", "2", "3", "4", "5"])], columns=uneven))[0] == (
        "1 2 3 4 5"
    )
    few = (100.0, 120.0, 160.0, 180.0)
    assert text_lines(table_pdf([("", ["1", "2", "3", None])], columns=few))[0] == "1 2 3"


def test_a_lone_number_is_left_alone() -> None:
    """One number after a label is mostly the value of a cell spanning the row."""
    lines = text_lines(table_pdf([FULL, ("Fees", [None, None, "12.35", None, None])]))
    assert lines[1] == "Fees 12.35"


def test_positions_are_those_of_the_extracted_text() -> None:
    source = read_pdf("t.pdf", table_pdf([FULL, ("Middle", ["7", "8", None, "9", "24"])]))
    line = source.text.split("\n")[1]
    column = line.index("9") + 1
    origin = source.origin(2, column)
    assert (origin.line, origin.column, origin.where) == (2, column, "第 1 页")
    assert line[column - 1] == "9"


# --------------------------------------------------------------------------- a report


def test_the_report_rows_with_blank_cells() -> None:
    lines = read_source(BLANK).text.split("\n")
    rows = [line for line in lines if "\t" in line]
    assert rows == [
        "（一）予以公开\t8\t1\t0\t0\t1\t0\t",
        "（二）部分公开（区分处理的，只计这一情形，\t\t0\t0\t0\t0\t0\t2",
        "（六）其他处理 1.申请人无正当理由逾期不补\t0\t\t0\t0\t0\t0\t0",
        "1\t0\t0\t\t1\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0",
    ]
    # every other line is as in the report with no blank cell
    clean = read_source(FIXTURES / "yunxi-2023.pdf").text.split("\n")
    assert len(clean) == len(lines)
    assert [a for a, b in zip(clean, lines, strict=True) if a != b and "\t" not in b] == []


@pytest.mark.parametrize("suffix", [".pdf", ".txt"])
def test_blank_cells_are_read_as_blank(suffix: str) -> None:
    from xxgk_lint.parse import parse_source
    from xxgk_lint.parse.serialize import report_to_json

    report = report_to_json(parse_source(read_source(BLANK.with_suffix(suffix))))
    truth = json.loads(BLANK.with_suffix(".json").read_text(encoding="utf-8"))["tables"]
    assert report["tables"] == truth
    assert report["uncertain"] == []
    apps, reviews = report["tables"]["applications"], report["tables"]["reviews"]
    assert apps["granted"]["total"] is None and apps["granted"]["other_org"] == 0
    assert apps["partially_granted"]["natural_person"] is None
    assert apps["partially_granted"]["total"] == 2
    assert apps["other.no_correction"]["business"] is None
    assert reviews["review"]["pending"] is None and reviews["review"]["total"] == 1


def test_each_blank_cell_is_one_finding_at_its_field(tmp_path: Path) -> None:
    from xxgk_lint.engine.config import Overrides
    from xxgk_lint.engine.runner import run_check

    config = tmp_path / ".xxgk-lint.yaml"
    config.write_text("", encoding="utf-8")
    run = run_check([str(BLANK)], Overrides(lang="en"), config)
    lines = read_source(BLANK).text.split("\n")
    found = sorted(
        (d.subject, d.where, d.line, d.column) for d in run.diagnostics if d.code == "XG004"
    )
    granted = lines.index("（一）予以公开\t8\t1\t0\t0\t1\t0\t") + 1
    partial = next(i for i, line in enumerate(lines, 1) if line.startswith("（二）部分公开"))
    other = next(i for i, line in enumerate(lines, 1) if "逾期不补\t" in line)
    review = lines.index("1\t0\t0\t\t1\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0") + 1
    assert found == sorted(
        [
            ("applications.granted.total", "第 2 页", granted, len(lines[granted - 1]) + 1),
            (
                "applications.other.no_correction.business",
                "第 3 页",
                other,
                lines[other - 1].index("\t\t") + 2,
            ),
            (
                "applications.partially_granted.natural_person",
                "第 2 页",
                partial,
                lines[partial - 1].index("\t\t") + 2,
            ),
            ("reviews.review.pending", "第 3 页", review, 7),
        ]
    )
