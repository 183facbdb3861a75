"""Which reports are one body's, and which follow each other by year (engine/pairing.py)."""

from __future__ import annotations

import pytest

from xxgk_lint.engine.pairing import body_key, by_body, consecutive, same_year, scope_of
from xxgk_lint.engine.rule import ReportFacts


def facts(agency: str | None, year: int | None, path: str) -> ReportFacts:
    return ReportFacts(path, "text", "2021", year, agency, None)


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("松岭县交通运输局", "松岭县交通运输局"),
        ("松岭县 交通运输局", "松岭县交通运输局"),  # a space
        ("松岭县\u3000交通运输局", "松岭县交通运输局"),  # an ideographic space
        ("《松岭县交通运输局", "松岭县交通运输局"),  # a quote left over from the title
        ("松岭县交通运输局关于", "松岭县交通运输局"),  # …局关于2023年…报告
        ("松岭县人民政府办公室（政务公开办）", "松岭县人民政府办公室(政务公开办)"),
        ("松岭縣人民政府辦公室", "松岭县人民政府办公室"),  # traditional characters
    ],
)
def test_the_body_key_folds_what_printing_changes(printed: str, key: str) -> None:
    assert body_key(printed) == key


def test_suffixes_keep_bodies_apart() -> None:
    names = [
        "松岭县人民政府",
        "松岭县人民政府办公室",
        "松岭县政府办公室",
        "松岭县交通局",
        "松岭县交通运输局",
    ]
    assert len({body_key(n) for n in names}) == len(names)


def test_no_agency_no_key_and_no_scope() -> None:
    assert body_key(None) is None
    assert body_key("") is None
    assert body_key("《》") is None
    assert scope_of(None, 2023) == ""
    assert scope_of("松岭县民政局", None) == ""
    assert scope_of("松岭县 民政局", 2023) == "松岭县民政局|2023"


def test_consecutive_years_only_and_in_a_stable_order() -> None:
    reports = [
        facts("乙局", 2023, "b23"),
        facts("甲局", 2021, "a21"),
        facts("甲局", 2023, "a23"),  # 2022 missing: 2021 and 2023 are not compared
        facts("乙局", 2022, "b22"),
        facts("甲局", 2024, "a24"),
        facts(None, 2023, "anonymous"),
        facts("乙局", None, "undated"),
    ]
    assert [(p.path, c.path) for p, c in consecutive(reports)] == [("b22", "b23"), ("a23", "a24")]


def test_a_year_with_two_reports_is_paired_with_neither_neighbour() -> None:
    reports = [
        facts("甲局", 2022, "2022"),
        facts("甲局", 2023, "2023-b"),
        facts("甲局", 2023, "2023-a"),
        facts("甲局", 2024, "2024"),
        facts("甲局", 2025, "2025"),
    ]
    assert [(p.path, c.path) for p, c in consecutive(reports)] == [("2024", "2025")]
    assert [[r.path for r in group] for group in same_year(reports)] == [["2023-a", "2023-b"]]


def test_grouping_of_many_reports() -> None:
    """400 bodies × 5 years: 1,600 pairs, each within one body."""
    reports = [facts(f"第{b}局", 2019 + y, f"{b}-{y}") for y in range(5) for b in range(400)]
    pairs = list(consecutive(reports))
    assert len(pairs) == 1600
    assert all(p.agency == c.agency and c.year == p.year + 1 for p, c in pairs)
    groups = by_body(reports)
    assert len(groups) == 400 and all(len(years) == 5 for years in groups.values())
