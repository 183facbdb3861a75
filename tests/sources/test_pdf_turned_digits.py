"""A table drawn sideways among upright prose is found by its digits, whatever the page's
share of it and the fonts installed.

The reader looks at a sample of a page's characters for text drawn turned. A sideways
table under many lines of prose can fall between the sample's characters; and where the
table's font is not in the file and no CJK font is installed (a server, a CI machine),
PDFium leaves the turned Chinese out of its text altogether, so only the table's digits
are there to see. The table's digits are looked at too, and its share of the page is
taken from the table read upright.
"""

from __future__ import annotations

import pytest

from tests.sources.pdfs import TABLE_ONE
from tests.sources.test_pdf_order import LINES, Run, lines

PROSE = "本机关认真落实政府信息公开工作要求。"


def prose(count: int) -> list[Run]:
    return [(60, 800 - 20 * i, f"第{i}段：{PROSE}") for i in range(count)]


def turned_right(runs: list[tuple[float, float, str]], top: float) -> list[Run]:
    """``runs`` (placed on an upright page) drawn a quarter turn right, from ``top`` down."""
    return [
        (300 - (690 - y) * 0.9, top - (x - 60) * 0.9, text, 9, (0, -1, 1, 0)) for x, y, text in runs
    ]


@pytest.mark.parametrize("count", range(3, 12))
def test_a_sideways_table_under_any_number_of_lines_of_prose(count: int) -> None:
    """Under eight lines of prose the sample of the page's characters held one of the
    table's: the table was read as PDFium gives it (its rows run together)."""
    above = prose(count)
    assert lines([*above, *turned_right(TABLE_ONE, 600)]) == [
        *(run[2] for run in above),
        *LINES[4:],
    ]


def test_a_date_set_sideways_in_the_margin_is_no_table() -> None:
    """A few digits drawn turned (a date up the margin) are too small a share of the page
    to be read apart: the page reads as PDFium gives it, the prose whole."""
    above = prose(12)
    note = [(560, 300, "2023年3月1日印发", 9, (0, 1, -1, 0))]
    got = lines([*above, *note])
    assert got[:12] == [run[2] for run in above]
    assert "".join(got[12:]).replace(" ", "") == "2023年3月1日印发"
