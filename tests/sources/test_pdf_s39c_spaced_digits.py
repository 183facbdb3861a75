"""A number drawn digit by digit, a little apart, read as one number
(pdf._join_spaced_digits).

The text layer of a scanned report (OCR) and some exporters place each digit of a number
by itself with a small gap; PDFium then puts a space between the digits and a cell's
``1493`` came out as ``1 4 9 3``: four cells, the row's values shifted (XG003).
"""

from __future__ import annotations

from tests.sources.pdfs import placed_pdf
from xxgk_lint.sources.pdf import read_pdf


def _spelt(x: float, y: float, number: str) -> list[tuple[float, float, str]]:
    """Each digit of ``number`` as a piece of its own, 8 pt apart (Helvetica's digits are
    5.56 pt wide at 10 pt: a gap of 2.44 pt)."""
    return [(x + 8.0 * k, y, digit) for k, digit in enumerate(number)]


def test_a_number_spelt_digit_by_digit_is_one_number() -> None:
    runs = [
        (50.0, 700.0, "Total"),
        *_spelt(150.0, 700.0, "1493"),
        *_spelt(250.0, 700.0, "20"),
        (350.0, 700.0, "7"),
    ]
    source = read_pdf("t.pdf", placed_pdf([runs]))
    assert source.text.split("\n")[0] == "Total 1493 20 7"
    origin = source.origin(1, 10)  # the "3" of 1493
    assert (origin.line, origin.column, origin.where) == (1, 10, "第 1 页")
    origin = source.origin(1, 15)  # the last cell, "7"
    assert (origin.line, origin.column) == (1, 15)


def test_one_digit_cells_and_numbers_of_several_digits_stay_apart() -> None:
    """Cells a column apart, and pieces of more than one digit (a year, then another)."""
    runs = [
        (50.0, 700.0, "Row"),
        *[(150.0 + 30.0 * k, 700.0, d) for k, d in enumerate("10001")],
        (50.0, 680.0, "Years"),
        (150.0, 680.0, "2022"),
        (175.0, 680.0, "2023"),
    ]
    lines = read_pdf("t.pdf", placed_pdf([runs])).text.split("\n")
    assert "1 0 0 0 1" in " ".join(lines)
    assert "Years 2022 2023" in lines


def test_a_thousands_separator_between_spelt_digits_is_kept() -> None:
    """``2 , 4 5 6`` (the comma a piece of its own too) is the cell ``2,456``."""
    runs = [
        (50.0, 700.0, "Fees"),
        (150.0, 700.0, "2"),
        (158.0, 700.0, ","),
        *_spelt(164.0, 700.0, "456"),
        (250.0, 700.0, "9"),
    ]
    source = read_pdf("t.pdf", placed_pdf([runs]))
    assert source.text.split("\n")[0] == "Fees 2,456 9"
    origin = source.origin(1, 12)  # the last cell, "9"
    assert (origin.line, origin.column) == (1, 12)


def test_spelt_digits_on_a_page_drawn_out_of_order() -> None:
    """A page drawn from the bottom up is laid out from its pieces' places
    (:mod:`pdf_order`); its spelt numbers are joined there too."""
    rows = [
        [(50.0, y, f"Row{r}"), *_spelt(150.0, y, f"{r + 1}5"), (250.0, y, "7")]
        for r, y in enumerate(700.0 - 20.0 * k for k in range(6))
    ]
    runs = [run for row in reversed(rows) for run in row]
    source = read_pdf("t.pdf", placed_pdf([runs]))
    lines = source.text.split("\n")
    assert lines[:2] == ["Row0 15 7", "Row1 25 7"]
    origin = source.origin(2, 9)  # the "7" of Row1
    assert (origin.line, origin.column, origin.where) == (2, 9, "第 1 页")
