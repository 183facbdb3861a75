"""Parsed values equal the hand-checked truth: the seeds and our own fixtures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import EXPECT_FILES, SEEDS, SHARED_SEEDS, load_expect, report_of, seed_files
from xxgk_lint.parse import parse_path
from xxgk_lint.parse.serialize import report_to_json


def _present(tables: dict) -> dict:
    """Drop tables that were not found (null), as truth files leave them out."""
    return {k: v for k, v in tables.items() if v is not None}


@pytest.mark.parametrize("seed", seed_files(), ids=lambda p: p.name[:3])
def test_seed_tables_equal_truth(seed: Path) -> None:
    truth = json.loads((SEEDS / "truth" / f"{seed.name[:3]}.json").read_text(encoding="utf-8"))
    data = report_to_json(parse_path(seed))
    assert _present(data["tables"]) == truth["tables"]


def test_seed_metadata() -> None:
    by_prefix = {p.name[:3]: report_to_json(parse_path(p)) for p in seed_files()}
    assert [by_prefix[k]["year"] for k in sorted(by_prefix)] == [2023, 2024, 2023, 2023, 2023]
    assert by_prefix["000"]["period"]["start"] == "2023-01-01"
    assert by_prefix["000"]["period"]["end"] == "2023-12-31"
    assert by_prefix["001"]["period"]["well_formed"] is False
    assert by_prefix["001"]["period"]["text"] == "统计期限自202411日起至1231日止"
    assert by_prefix["002"]["period"] is None
    assert by_prefix["003"]["period"]["start"] == "2023-01-01"
    assert by_prefix["004"]["period"] is None
    assert by_prefix["001"]["agency"] == "防城港市大数据和行政审批局"
    assert by_prefix["003"]["agency"] == "沈阳市皇姑区"
    assert by_prefix["004"]["agency"] == "政府办公室"
    for data in by_prefix.values():
        assert [s["key"] for s in data["sections"]] == [
            "overview",
            "proactive",
            "applications",
            "reviews",
            "problems",
            "other",
        ]
        assert data["format_version"] == "2021"
    other = by_prefix["000"]["sections"][-1]
    assert other["number"] == "六" and other["line"] == 61
    assert other["paragraphs"] == ["2023年我区无收取信息处理费情况。"]


@pytest.mark.parametrize("expect", EXPECT_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_matches_expectation(expect: Path) -> None:
    spec = load_expect(expect)
    data = report_to_json(parse_path(report_of(expect)))
    assert data["format_version"] == str(spec.get("format_version", "2021"))
    assert data["year"] == spec["year"]
    if "agency" in spec:
        assert data["agency"] == spec["agency"]
    assert data["encoding"] == spec.get("encoding", "utf-8")
    period = spec.get("period")
    if period is None:
        assert data["period"] is None
    elif period == "malformed":
        assert data["period"] is not None and data["period"]["well_formed"] is False
    else:
        assert isinstance(period["start"], dt.date)
        assert data["period"]["start"] == period["start"].isoformat()
        assert data["period"]["end"] == period["end"].isoformat()
    if spec.get("sections"):
        assert sorted(s["key"] for s in data["sections"]) == sorted(spec["sections"])
    if spec.get("tables") is not None:
        expected_tables = {k: v for k, v in spec["tables"].items() if v}
        assert _present(data["tables"]) == expected_tables


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="no ../shared/seeds beside this checkout")
def test_the_projects_real_reports_are_the_shared_seeds() -> None:
    """fixtures/real is a copy, so that a fresh clone tests them; it must not drift."""
    for path in sorted(SHARED_SEEDS.glob("*.txt")):
        assert (SEEDS / path.name).read_bytes() == path.read_bytes(), path.name
    for path in sorted((SHARED_SEEDS / "truth").glob("*.json")):
        assert (SEEDS / "truth" / path.name).read_bytes() == path.read_bytes(), path.name
