"""A number printed in groups of three by a narrow space (``1&thinsp;493``, the thin,
hair, figure and punctuation spaces, the narrow no-break space) is one number; a
narrow space anywhere else is a space."""

from __future__ import annotations

import pytest

from tests.sources.places import place
from xxgk_lint.sources.html import read_html


@pytest.mark.parametrize(
    "space", ["&thinsp;", "&#8201;", "&#x2009;", "\u2009", "&#x202F;", "\u2007", "&hairsp;"]
)
def test_a_thousands_separator_joins_the_number(space: str) -> None:
    raw = (
        f"<html><body><table><tr><td>行政许可</td><td>1{space}493</td></tr></table>"
        f"<p>收到申请2{space}046{space}118件</p></body></html>"
    )
    source = read_html("t.html", raw.encode())
    assert source.text == "行政许可\t1493\n收到申请2046118件\n"
    cell = raw.index("<td>1") + 4
    for column, at in ((6, cell), (7, raw.index("493", cell))):
        assert place(source, 1, column) == (1, at + 1)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("12&thinsp;34", "12 34"),  # not a group of three
        ("12&thinsp;3456", "12 3456"),
        ("共&thinsp;493&thinsp;件", "共 493 件"),
        ("1 493", "1 493"),  # an ordinary space: two numbers, as before
    ],
)
def test_other_narrow_spaces_are_spaces(written: str, read: str) -> None:
    raw = f"<html><body><p>{written}</p></body></html>"
    assert read_html("t.html", raw.encode()).text == read + "\n"
