"""A line of Latin prose above a table adds no columns to its head
(pdf_heads._pieces, session 40).

The head's columns are put together from the pieces of the lines above the table, up to
prose; a sentence ending in a full stop, or with none before the table, was taken for a
line of the head, and each of its words (a space apart) for a column's label: a row
with a blank cell was laid out under columns that are not there (``1\\t\\t\\t0\\t\\t2…``,
its values in the wrong columns). The words of a phrase are now one piece, which spans
the head's columns and is left out.
"""

from __future__ import annotations

import pytest

from tests.sources.test_pdf_s39b_heads import Runs, lines, table

ROW = ("", ["1", None, "0", "2", "3", "4", None])
LAID_OUT = "1\t\t0\t2\t3\t4\t"


@pytest.mark.parametrize(
    "prose",
    [
        [(60, 765, "The reviews and lawsuits of the year are shown in the table below.")],
        [(60, 780, "Section four"), (60, 765, "Reviews and lawsuits of the year in this table")],
        [(60, 765, "Reviews (of the year) in this table")],
    ],
)
def test_a_sentence_above_the_head_is_no_column(prose: Runs) -> None:
    text = lines([prose + table([ROW])])
    assert text[len(prose) : len(prose) + 3] == [
        "Upheld Fixed Other Pen To Up Fix",
        "ding tal",
        LAID_OUT,
    ]


def test_labels_a_cell_apart_are_columns_still() -> None:
    """Latin labels each in a cell of its own (farther apart than a space) are each a
    column's label, the sentence before the table ending in a colon."""
    text = lines([[(60, 765, "As follows:"), *table([ROW])]])
    assert text[3] == LAID_OUT
