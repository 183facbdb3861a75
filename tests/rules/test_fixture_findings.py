"""Every fixture gives exactly the findings its .expect.yaml lists, and the seeds exactly
those of shared/seeds/README.md."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import EXPECT_FILES, SEEDS, load_expect, report_of
from tests.rules.helpers import findings


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


@pytest.mark.parametrize("expect", EXPECT_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_findings(expect: Path) -> None:
    spec = load_expect(expect)
    wanted = spec.get("findings") or []
    got = findings(report_of(expect))
    assert Counter(d.code for d in got) == Counter(w["code"] for w in wanted), [
        f"{d.code} {d.line}:{d.column} {d.message}" for d in got
    ]
    remaining = list(got)
    for want in wanted:
        matches = [
            d
            for d in remaining
            if d.code == want["code"]
            and ("line" not in want or d.line == want["line"])
            and ("column" not in want or d.column == want["column"])
            and ("expected" not in want or _plain(d.expected) == want["expected"])
            and ("actual" not in want or _plain(d.actual) == want["actual"])
        ]
        assert matches, (
            f"no {want} among {[(d.code, d.line, d.column, d.expected, d.actual) for d in remaining]}"
        )
        remaining.remove(matches[0])


SEED_FINDINGS = {
    "000": [],
    "001": [("XG302", 22, 136)],
    "002": [("XG301", 1, 1), ("XG003", 17, 1)],
    "003": [],
    "004": [("XG301", 3, 1)],
}


@pytest.mark.parametrize("prefix", sorted(SEED_FINDINGS))
def test_seed_findings(prefix: str) -> None:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    got = [(d.code, d.line, d.column) for d in findings(path)]
    assert got == SEED_FINDINGS[prefix]


def test_seed_002_missing_regulations_is_a_warning_naming_the_row() -> None:
    (path,) = SEEDS.glob("002_*.txt")
    (xg003,) = [d for d in findings(path) if d.code == "XG003"]
    assert xg003.severity.label == "warning"
    assert "规章" in xg003.message
    assert xg003.subject == "proactive.regulations"


def test_seed_001_malformed_period_quotes_the_garbled_text() -> None:
    (path,) = SEEDS.glob("001_*.txt")
    (xg302,) = findings(path, lang="en")
    assert "统计期限自202411日起至1231日止" in xg302.message
    assert xg302.end_column - xg302.column == len("统计期限自202411日起至1231日止")
