"""Property: change any one number of a consistent report and exactly the right rules fire,
at the right cells; a consistent report gives no error at all.

The oracle below recomputes the identities of format-2021.md from the table values on its
own; it shares no code with the rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES
from tests.rules.helpers import check
from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.parse import parse_path

CONSISTENT = [
    FIXTURES / "samples" / "clean-pipe.txt",
    FIXTURES / "reports" / "tab-fullwidth.txt",
    FIXTURES / "reports" / "lines-web-chrome.txt",
]
APPLICANTS = [
    "natural_person",
    "business",
    "research",
    "public_interest",
    "legal_service",
    "other_org",
]
LEAVES = [
    "granted",
    "partially_granted",
    "denied.state_secret",
    "denied.prohibited_by_law",
    "denied.security_stability",
    "denied.third_party",
    "denied.internal_affairs",
    "denied.process_information",
    "denied.enforcement_files",
    "denied.inquiry_matters",
    "unavailable.not_held",
    "unavailable.needs_creation",
    "unavailable.unclear",
    "not_processed.petition",
    "not_processed.repeated",
    "not_processed.publication",
    "not_processed.excessive",
    "not_processed.reconfirm",
    "other.no_correction",
    "other.fee_unpaid",
    "other.other",
]


def _cells(path: Path) -> dict[tuple[str, str, str], tuple[int, int, int]]:
    """(table, row, column) -> (value, line, column) of every number cell."""
    report = parse_path(path)
    out = {}
    for table in report.tables.values():
        for row in table.rows:
            for cell in row.cells:
                assert isinstance(cell.value, int)
                out[(table.key, row.key, cell.column)] = (
                    cell.value,
                    cell.span.line,
                    cell.span.column,
                )
    return out


def oracle(values: dict[tuple[str, str, str], int]) -> set[tuple[str, str, str, str]]:
    """The identities that fail: (code, table, row, column) of the cell each one blames."""
    v = values
    failing = set()
    for row in ["received", "carried_over", *LEAVES, "total", "carried_forward"]:
        if sum(v["applications", row, c] for c in APPLICANTS) != v["applications", row, "total"]:
            failing.add(("XG201", "applications", row, "total"))
    for column in [*APPLICANTS, "total"]:
        if sum(v["applications", r, column] for r in LEAVES) != v["applications", "total", column]:
            failing.add(("XG202", "applications", "total", column))
        a = v["applications", "received", column] + v["applications", "carried_over", column]
        b = v["applications", "total", column] + v["applications", "carried_forward", column]
        if a != b:
            failing.add(("XG203", "applications", "total", column))
    for group in ["review", "litigation_direct", "litigation_after_review"]:
        parts = sum(v["reviews", group, c] for c in ["upheld", "corrected", "other", "pending"])
        if parts != v["reviews", group, "total"]:
            failing.add(("XG204", "reviews", group, "total"))
    return failing


@pytest.mark.parametrize("path", CONSISTENT, ids=lambda p: p.name)
def test_consistent_report_has_no_error(path: Path) -> None:
    cells = _cells(path)
    assert not oracle({k: val for k, (val, _, _) in cells.items()})
    assert [d for d in check(path) if d.severity >= Severity.ERROR] == []


@pytest.mark.parametrize("path", CONSISTENT, ids=lambda p: p.name)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_one_changed_cell_fires_exactly_the_right_rules(
    path: Path, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    cells = _cells(path)
    key = data.draw(st.sampled_from(sorted(cells)), label="cell")
    old, line, column = cells[key]
    new = data.draw(
        st.integers(min_value=0, max_value=9999).filter(lambda n: n != old), label="new value"
    )
    text = path.read_bytes().decode("utf-8")
    lines = text.split("\n")
    target = lines[line - 1]
    assert target[column - 1 : column - 1 + len(str(old))] == str(old)
    lines[line - 1] = target[: column - 1] + str(new) + target[column - 1 + len(str(old)) :]
    changed = tmp_path_factory.mktemp("changed") / path.name
    changed.write_bytes("\n".join(lines).encode("utf-8"))

    values = {k: val for k, (val, _, _) in cells.items()}
    values[key] = new
    shift = len(str(new)) - len(str(old))

    def place(cell: tuple[str, str, str]) -> tuple[int, int]:
        _, at_line, at_column = cells[cell]
        if at_line == line and at_column > column:
            at_column += shift
        return at_line, at_column

    expected = sorted((code, *place((t, r, c))) for code, t, r, c in oracle(values))
    got = sorted((d.code, d.line, d.column) for d in check(changed) if d.severity >= Severity.ERROR)
    assert got == expected
    for diagnostic in check(changed):
        if diagnostic.code in ("XG201", "XG202", "XG204"):
            assert diagnostic.actual != diagnostic.expected
