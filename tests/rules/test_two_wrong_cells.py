"""Two wrong cells in table 三: named, each at its cell with the value the identities ask,
when they are the one smallest correction and each explains its own failures; else every
failure is reported as "these do not agree" (never a cell that may not be the wrong one).

The reports are :data:`~tests.engine.reportkit.CLEAN` with two numbers changed; the rows
below are CLEAN's, and each test names the cells it changes by row and column.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.engine.reportkit import CLEAN, edit, locate
from tests.rules.helpers import check, check_text
from tests.rules.test_property import CONSISTENT, _cells
from xxgk_lint.engine.diagnostics import Severity

ROWS = {
    "received": "一、本年新收政府信息公开申请数量 | 5 | 2 | 0 | 0 | 0 | 0 | 7 |",
    "carried_over": "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
    "granted": "（一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |",
    "not_held": "1.本机关不掌握相关政府信息 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |",
    "state_secret": "1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    "repeated": "2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    "total": "（七）总计 | 5 | 2 | 0 | 0 | 0 | 0 | 7 |",
    "carried_forward": "四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
}
COLUMNS = ["natural_person", "business", "research", "public_interest", "legal", "other", "total"]


def changed(*cells: tuple[str, str, int]) -> tuple[str, dict[tuple[str, str], tuple[int, int]]]:
    """CLEAN with each (row, column, value) set, and where each changed number stands
    (line, column: the values keep their width, so that no place moves)."""
    text = CLEAN
    rows = dict(ROWS)
    for row, column, value in cells:
        label, *values = rows[row].rstrip(" |").split(" | ")
        at = COLUMNS.index(column)
        assert len(str(value)) == len(values[at])
        values[at] = str(value)
        new = " | ".join([label, *values]) + " |"
        text = edit(text, rows[row], new)
        rows[row] = new
    places = {}
    for row, column, _ in cells:
        line, start = locate(text, rows[row])
        prefix = " | ".join(rows[row].split(" | ")[: COLUMNS.index(column) + 1]) + " | "
        places[(row, column)] = (line, start + len(prefix))
    return text, places


def errors(tmp_path: Path, text: str) -> list[tuple[str, int, int, object, object]]:
    file = check_text(tmp_path, text)
    found = [d for d in file.diagnostics if d.severity >= Severity.ERROR]
    return sorted((d.code, d.line, d.column, d.expected, d.actual) for d in found)


def test_a_wrong_row_total_and_a_wrong_outcome_total_in_another_column(tmp_path: Path) -> None:
    """予以公开/总计 4→5 and （七）总计/其他 0→1: their failures are also those of 予以公开/其他
    (the row of one, the column of the other), which explains two of the five alone."""
    text, at = changed(("granted", "total", 5), ("total", "other", 1))
    assert errors(tmp_path, text) == sorted(
        [
            ("XG201", *at["granted", "total"], 4, 5),
            ("XG202", *at["total", "other"], 0, 1),
        ]
    )


def test_a_wrong_received_total_and_a_wrong_outcome_total_of_a_column(tmp_path: Path) -> None:
    """一/总计 7→8 (its row-sum, the balance of 总计) and （七）总计/自然人 5→6 (its row-sum,
    the outcome-sum and the balance of 自然人): 一/自然人 explains two of them as well."""
    text, at = changed(("received", "total", 8), ("total", "natural_person", 6))
    found = errors(tmp_path, text)
    assert found == sorted(
        [
            ("XG201", *at["received", "total"], 7, 8),
            ("XG202", *at["total", "natural_person"], 5, 6),
        ]
    )


def test_a_wrong_outcome_and_a_wrong_grand_total(tmp_path: Path) -> None:
    """予以公开/自然人 3→4 and （七）总计/总计 7→8: 予以公开/总计 would answer the row of the
    one and the column of the other, but not the rest; （七）/自然人 is in a balance that holds."""
    text, at = changed(("granted", "natural_person", 4), ("total", "total", 8))
    assert errors(tmp_path, text) == sorted(
        [
            ("XG202", *at["granted", "natural_person"], 3, 4),
            ("XG201", *at["total", "total"], 7, 8),
        ]
    )


def test_a_wrong_carried_forward_total_and_an_outcome_total(tmp_path: Path) -> None:
    text, at = changed(("carried_forward", "total", 2), ("total", "business", 3))
    assert errors(tmp_path, text) == sorted(
        [
            ("XG201", *at["carried_forward", "total"], 1, 2),
            ("XG202", *at["total", "business"], 2, 3),
        ]
    )


def test_two_outcome_cells_at_opposite_corners_with_one_sign(tmp_path: Path) -> None:
    """予以公开/自然人 +1 and 不掌握/总计 +1: the other corners (予以公开/总计, 不掌握/自然人)
    would each be asked two values."""
    text, at = changed(("granted", "natural_person", 4), ("not_held", "total", 3))
    assert errors(tmp_path, text) == sorted(
        [
            ("XG202", *at["granted", "natural_person"], 3, 4),
            ("XG201", *at["not_held", "total"], 2, 3),
        ]
    )


def test_two_outcome_cells_whose_other_corners_would_have_to_be_negative(tmp_path: Path) -> None:
    """国家秘密/科研机构 0→1 and 重复申请/商业企业 0→1: 国家秘密/商业企业 and 重复申请/科研机构
    would explain the four failures as well, at −1 each: no count is −1, so the pair is
    the one correction."""
    text, at = changed(("state_secret", "research", 1), ("repeated", "business", 1))
    assert errors(tmp_path, text) == sorted(
        [
            ("XG202", *at["state_secret", "research"], 0, 1),
            ("XG202", *at["repeated", "business"], 0, 1),
        ]
    )


def test_the_pair_is_named_beside_a_review_sum_that_does_not_agree(tmp_path: Path) -> None:
    text, at = changed(("granted", "total", 5), ("total", "other", 1))
    text = edit(text, "1 | 0 | 0 | 0 | 1 | 0 |", "1 | 0 | 0 | 0 | 2 | 0 |")
    found = errors(tmp_path, text)
    assert [f for f in found if f[0] != "XG204"] == sorted(
        [
            ("XG201", *at["granted", "total"], 4, 5),
            ("XG202", *at["total", "other"], 0, 1),
        ]
    )
    assert [f[0] for f in found if f[0] == "XG204"] == ["XG204"]


def test_each_of_the_pair_names_the_identities_it_breaks(tmp_path: Path) -> None:
    text, _ = changed(("granted", "total", 5), ("total", "other", 1))
    file = check_text(tmp_path, text)
    assert sorted(d.message for d in file.diagnostics if d.severity >= Severity.ERROR) == [
        "“（一）予以公开”行的总计应为 4，实际为 5；这一格使 2 项勾稽关系不成立："
        "总计 = 自然人 + 五类法人或其他组织（本行）；（七）总计 = （一）至（六）各项办理结果之和（本列）",
        "“（七）总计”行的“其他”列应为 0，实际为 1；这一格使 3 项勾稽关系不成立："
        "总计 = 自然人 + 五类法人或其他组织（本行）；（七）总计 = （一）至（六）各项办理结果之和（本列）；"
        "一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理（本列）",
    ]


def _disagree_only(tmp_path: Path, text: str) -> list[tuple[str, int, int]]:
    file = check_text(tmp_path, text)
    found = [d for d in file.diagnostics if d.severity >= Severity.ERROR]
    assert all(not isinstance(d.expected, int) for d in found), [d.message for d in found]
    return sorted((d.code, d.line, d.column) for d in found)


def test_opposite_corners_with_opposite_signs_are_not_named(tmp_path: Path) -> None:
    """予以公开/自然人 +1 and 不掌握/总计 −1 are explained as well by 予以公开/总计 +1 and
    不掌握/自然人 −1: two corrections of two cells, so none is named."""
    text, at = changed(("granted", "natural_person", 4), ("not_held", "total", 1))
    granted, not_held = at["granted", "natural_person"][0], at["not_held", "total"][0]
    total = locate(text, ROWS["total"])[0]
    assert [(c, line) for c, line, _ in _disagree_only(tmp_path, text)] == [
        ("XG201", granted),
        ("XG201", not_held),
        ("XG202", total),
        ("XG202", total),
    ]


@pytest.mark.parametrize(
    "cells",
    [
        # two cells of one column, one sign (the documented limit) or moved (the
        # column's sum holds; their rows' totals explain them as well)
        (("granted", "natural_person", 4), ("not_held", "natural_person", 2)),
        (("granted", "total", 5), ("not_held", "total", 3)),
        (("granted", "natural_person", 4), ("not_held", "natural_person", 0)),
        # both totals of the balance one higher: the balance holds, so neither is named
        (("received", "total", 8), ("total", "total", 8)),
        # one row's two cells, the row-sum holding
        (("granted", "natural_person", 4), ("granted", "total", 5)),
        # two cells one lower, at corners whose other corners may be one higher
        (("granted", "business", 0), ("not_held", "natural_person", 0)),
    ],
    ids=["one-column", "total-column", "moved", "masked", "one-row", "both-lower"],
)
def test_pairs_that_stay_these_do_not_agree(
    tmp_path: Path, cells: tuple[tuple[str, str, int], ...]
) -> None:
    text, _ = changed(*cells)
    assert _disagree_only(tmp_path, text)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_cell_named_is_always_one_of_the_two_changed_asking_its_old_value(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Change any two numbers of table 三 (keeping their width): every cell a finding names
    (with the value it should be) is one of the two, and asks back the value it had."""
    path = CONSISTENT[0]
    cells = {k: v for k, v in _cells(path).items() if k[0] == "applications"}
    keys = sorted(cells)
    first = data.draw(st.sampled_from(keys), label="first")
    second = data.draw(st.sampled_from([k for k in keys if k != first]), label="second")
    lines = path.read_bytes().decode("utf-8").split("\n")
    wanted = {}
    for key in (first, second):
        old, line, column = cells[key]
        width = len(str(old))
        low = 0 if width == 1 else 10 ** (width - 1)
        new = data.draw(
            st.integers(min_value=low, max_value=10**width - 1).filter(lambda n, o=old: n != o),
            label=f"new {key[1]}/{key[2]}",
        )
        target = lines[line - 1]
        assert target[column - 1 : column - 1 + width] == str(old)
        lines[line - 1] = target[: column - 1] + str(new) + target[column - 1 + width :]
        wanted[(line, column)] = (old, new)
    edited = tmp_path_factory.mktemp("two") / path.name
    edited.write_bytes("\n".join(lines).encode("utf-8"))
    found = [d for d in check(edited) if d.severity >= Severity.ERROR]
    named = {
        (d.line, d.column): (d.expected, d.actual) for d in found if isinstance(d.expected, int)
    }
    assert all(wanted.get(place) == values for place, values in named.items()), (named, wanted)
