"""Spans point at the digits of each cell in the original file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXPECT_FILES, load_expect, report_of, seed_files
from xxgk_lint.parse import parse_path
from xxgk_lint.sources import read_source

CASES = [
    report_of(e) for e in EXPECT_FILES if load_expect(e).get("format_version", "2021") == "2021"
] + seed_files()


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_every_cell_span_slices_to_its_raw_text(path: Path) -> None:
    source = read_source(path)
    lines = list(source.original_lines) or source.text.split("\n")
    report = parse_path(path)
    checked = 0
    for table in report.tables.values():
        for row in table.rows:
            for cell in row.cells:
                span = cell.span
                assert span.line == span.end_line
                found = lines[span.line - 1][span.column - 1 : span.end_column - 1]
                if cell.kind == "blank" and path.suffix == ".html":
                    continue  # an empty <td> or &nbsp;: its place, not its text
                assert found == cell.raw, (table.key, row.key, cell.column)
                checked += cell.kind != "blank"
    assert checked > 0


def test_known_cells_of_seed_000() -> None:
    (path,) = [p for p in seed_files() if p.name.startswith("000")]
    report = parse_path(path)
    received_total = report.tables["applications"].cell("received", "total")
    assert received_total is not None
    assert (received_total.span.line, received_total.span.column) == (28, 45)
    assert received_total.raw == "11"
    fees = report.tables["proactive"].cell("fees", "amount")
    assert fees is not None and (fees.span.line, fees.span.column, fees.value) == (23, 11, 1071)


def test_one_per_line_cell_is_on_its_own_line() -> None:
    path = next(p for p in CASES if p.name == "lines-web-chrome.txt")
    source = read_source(path)
    lines = list(source.original_lines) or source.text.split("\n")
    report = parse_path(path)
    cell = report.tables["reviews"].cell("review", "total")
    assert cell is not None
    assert cell.span.column == 1
    assert lines[cell.span.line - 1].strip() == cell.raw
