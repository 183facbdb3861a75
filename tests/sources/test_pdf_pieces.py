"""Cells drawn as pieces of text that PDFium's laid-out text joins without a space.

Some PDFs (Chromium's "Save as PDF", some exporters) draw each cell as its own piece of
text. PDFium ends a line after each one-character piece, and its laid-out text puts the
pieces of one line side by side: a row of one-digit cells ``1 0 0 0 1`` came out as
``10001``, one number. The reader finds each character in PDFium's character stream and
puts a space where two pieces joined that way stand apart on the page.

The PDFs are built byte by byte (Helvetica, ASCII labels, each cell its own text object),
as in test_pdf_columns.py.
"""

from __future__ import annotations

from tests.sources.pdfs import one_page_pdf
from tests.sources.test_pdf_columns import DIGIT, Row, table_pdf, text_lines
from xxgk_lint.sources.pdf import read_pdf

ONE_DIGIT_COLUMNS = (100.0, 120.0, 140.0, 160.0, 180.0)


def test_one_digit_cells_are_spaced() -> None:
    rows: list[Row] = [
        ("Total", ["1", "0", "0", "0", "1"]),
        ("Two", ["12", "3", "0", "0", "15"]),
        ("", ["0", "0", "0", "0", "0"]),
    ]
    lines = text_lines(table_pdf(rows, "left", ONE_DIGIT_COLUMNS))
    # (the label on its row's line since session 40: test_pdf_s40_lone_label.py)
    assert lines[:3] == ["Total 1 0 0 0 1", "Two 12 3 0 0 15", "0 0 0 0 0"]


def test_a_blank_cell_among_one_digit_cells_is_an_empty_field() -> None:
    """The characters' boxes are known for such a row too: a blank cell is laid out."""
    rows: list[Row] = [
        ("Total", ["1", "0", "0", "0", "1"]),
        ("Middle", ["7", "8", None, "9", "2"]),
        ("", [None, "2", "3", "4", "9"]),
    ]
    for align in ("left", "right", "centre"):
        lines = text_lines(table_pdf(rows, align, ONE_DIGIT_COLUMNS))
        assert lines[1:3] == ["Middle\t7\t8\t\t9\t2", "\t2\t3\t4\t9"], align


def test_positions_lead_to_each_digit() -> None:
    """A space put in is a character of the text shown: each digit's column is where it
    stands in the line, as ``parse --text`` shows it."""
    rows: list[Row] = [("Total", ["1", "0", "0", "0", "1"]), ("Two", ["12", "3", "0", "0", "15"])]
    source = read_pdf("t.pdf", table_pdf(rows, "left", ONE_DIGIT_COLUMNS))
    assert source.text.split("\n")[:2] == ["Total 1 0 0 0 1", "Two 12 3 0 0 15"]
    assert [tuple(source.origin(line, column)) for line, column in ((1, 9), (1, 15), (2, 8))] == [
        (1, 9, "第 1 页"),
        (1, 15, "第 1 页"),
        (2, 8, "第 1 页"),
    ]
    assert source.source_line(2) == "Two 12 3 0 0 15"


def test_a_word_drawn_in_two_touching_pieces_stays_one_word() -> None:
    """Two pieces side by side with no gap (a word split into two runs) are one word."""
    ops = b"\n".join(
        [
            b"BT /F1 10 Tf 1 0 0 1 50 700 Tm (Tot) Tj ET",
            b"BT /F1 10 Tf 1 0 0 1 %.2f 700 Tm (al) Tj ET" % (50 + 14.45),
            b"BT /F1 10 Tf 1 0 0 1 50 680 Tm (1) Tj ET",
            b"BT /F1 10 Tf 1 0 0 1 %.2f 680 Tm (2) Tj ET" % (50 + DIGIT),
        ]
    )
    lines = read_pdf("t.pdf", one_page_pdf(ops)).text.split("\n")
    assert lines[:2] == ["Total", "12"]
