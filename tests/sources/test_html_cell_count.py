"""The cell count's first bound (a page of at most three characters per allowed cell)."""

from __future__ import annotations

import pytest

from xxgk_lint.sources.html_source import _CELL_TAG, count_cells


@pytest.mark.parametrize(
    "src",
    [
        "<td" * 8,  # the densest page of cells: three characters each
        "<TD><th>" * 3 + "<td",
        "<p>x</p><table><tr><td>1</td><th>2</th></tr></table>",
        "",
    ],
)
def test_the_length_bound_gives_the_counts_answer(src: str) -> None:
    """Whatever the limit, the bound from the page's length decides as the count of the
    tags does: within the limit, a number within it that is no less than the cells."""
    cells = _CELL_TAG.subn("", src)[1]
    for limit in range(len(src) + 2):
        found = count_cells(src, limit)
        assert (found > limit) == (cells > limit)
        if found <= limit:
            assert found >= cells
        else:
            assert found == cells
