"""Findings in a PDF are located where the reader finds them: the page, and the line and
column of the text that ``xxgk-lint parse --text`` prints.

fixtures/pdf/yunxi-2023-wrong-total.pdf (made by fixtures/pdf/make_pdf.py) is
yunxi-2023.pdf with one misprint: the 总计 of （一）予以公开 is printed as 11 where its
applicant columns sum to 8+1+0+0+1+0 = 10.  That breaks two identities and no other:

* row-sum (XG201) in that row (page 2);
* outcome-sum (XG202) in the 总计 column: the outcome rows' totals now sum to
  11+2+1+1+4+1+1 = 21, while （七）总计 (page 3) still prints 20.

The balance (XG203) still holds: 21 received + 1 carried over = 20 + 2 carried forward.
One cell explains both failures, so there is one finding, at that cell (XG201, the rule
of the identity that states it: expected 10, actual 11), naming both; （七）总计 on page 3
is one of its related cells.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from xxgk_lint.engine.config import Overrides
from xxgk_lint.engine.diagnostics import Diagnostic, Severity
from xxgk_lint.engine.results import RunResult
from xxgk_lint.engine.runner import run_check
from xxgk_lint.sources import read_source

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "pdf"
WRONG = FIXTURES / "yunxi-2023-wrong-total.pdf"
CLEAN = FIXTURES / "yunxi-2023.pdf"

GRANTED_ROW = "（一）予以公开 8 1 0 0 1 0 11"
TOTAL_ROW = "（七）总计 17 2 0 0 1 0 20"


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("config") / ".xxgk-lint.yaml"
    path.write_text("", encoding="utf-8")
    return path


def check(path: Path, config: Path) -> RunResult:
    run = run_check([str(path)], Overrides(lang="en"), config)
    assert run.run_errors == ()
    assert [f.unreadable for f in run.files] == [False]
    return run


@pytest.fixture(scope="module")
def wrong(config: Path) -> RunResult:
    return check(WRONG, config)


def errors(run: RunResult) -> list[Diagnostic]:
    return [d for d in run.diagnostics if d.severity == Severity.ERROR]


def page_of(lines: list[str], number: int) -> int:
    """The page of extracted line ``number`` (1-based), counted by the "- N -" footers
    above it: every page ends with its footer."""
    footers = [line for line in lines[: number - 1] if line.startswith("- ")]
    assert footers == [f"- {n} -" for n in range(1, len(footers) + 1)]
    return len(footers) + 1


def at_last_number(lines: list[str], row: str) -> tuple[int, int, int]:
    """(line, column, end column) of the last number of the extracted line ``row``."""
    assert lines.count(row) == 1, row
    number = lines.index(row) + 1
    column = row.rindex(" ") + 2
    return number, column, len(row) + 1


def test_the_misprint_is_the_only_difference() -> None:
    """The two PDFs' text layers differ in that one 总计 and nowhere else."""
    clean = read_source(CLEAN).text.split("\n")
    wrong = read_source(WRONG).text.split("\n")
    assert len(clean) == len(wrong)
    changed = [(a, b) for a, b in zip(clean, wrong, strict=True) if a != b]
    assert changed == [("（一）予以公开 8 1 0 0 1 0 10", GRANTED_ROW)]
    truth = json.loads((FIXTURES / "yunxi-2023-wrong-total.json").read_text(encoding="utf-8"))
    granted = truth["tables"]["applications"]["granted"]
    assert granted["total"] == 11
    assert sum(v for k, v in granted.items() if k != "total") == 10


def test_exactly_the_one_expected_error(wrong: RunResult) -> None:
    found = [(d.code, d.name, d.subject, d.expected, d.actual) for d in errors(wrong)]
    assert found == [("XG201", "row-sum", "applications.granted.total", 10, 11)]
    assert {d.path for d in wrong.diagnostics} == {str(WRONG)}
    (result,) = wrong.files
    failed = [(c.check, c.scope, c.finding) for c in result.checks if c.status == "fail"]
    finding = ("XG201", "applications.granted.total")
    assert failed == [("row-sum", "granted", finding), ("outcome-sum", "total", finding)]


def test_nothing_else_changes_against_the_clean_report(wrong: RunResult, config: Path) -> None:
    clean = check(CLEAN, config)
    assert errors(clean) == []
    assert not clean.failed and clean.exit_code == 0
    before = {(d.code, d.subject) for d in clean.diagnostics}
    after = {(d.code, d.subject) for d in wrong.diagnostics}
    assert after - before == {("XG201", "applications.granted.total")}
    assert before - after == set()
    assert wrong.failed and wrong.exit_code == 1


def test_the_error_points_at_the_wrong_cell_on_its_page(wrong: RunResult) -> None:
    row, page = GRANTED_ROW, 2
    (diagnostic,) = errors(wrong)
    lines = read_source(WRONG).text.split("\n")
    number, column, end = at_last_number(lines, row)
    assert page_of(lines, number) == page
    assert diagnostic.where == f"第 {page} 页"
    assert (diagnostic.line, diagnostic.column) == (number, column)
    assert (diagnostic.end_line, diagnostic.end_column) == (number, end)
    # the span covers exactly the printed 总计 (the finding's actual)
    assert lines[number - 1][column - 1 : end - 1] == str(diagnostic.actual)
    # the snippet line shown to the user is that extracted line
    (result,) = wrong.files
    assert result.kind == "pdf"
    assert result.source_lines[number - 1] == row


def test_the_other_side_is_a_related_cell_on_its_page(wrong: RunResult) -> None:
    from xxgk_lint.engine.checks import related

    (diagnostic,) = errors(wrong)
    (result,) = wrong.files
    cells = related(result.checks, "XG201", diagnostic.subject, diagnostic.line, diagnostic.column)
    lines = read_source(WRONG).text.split("\n")
    number, column, _ = at_last_number(lines, TOTAL_ROW)
    (total,) = [c for c in cells if c.address == "applications.total.total"]
    assert total.value == 20
    assert total.span is not None and (total.span.line, total.span.column) == (number, column)
    assert total.span.where == "第 3 页" and page_of(lines, number) == 3


def test_the_message_names_the_numbers_and_both_identities(wrong: RunResult) -> None:
    (xg201,) = errors(wrong)
    assert "（一）予以公开" in xg201.message
    assert "10" in xg201.message and "11" in xg201.message
    assert "（七）总计 = the sum of the outcome rows" in xg201.message
    assert "2 of the identities" in xg201.message


def test_the_text_version_gives_the_same_findings(wrong: RunResult, config: Path) -> None:
    """NAME.txt is the same report as tab-separated text: same findings, no page."""
    text = check(WRONG.with_suffix(".txt"), config)
    assert [(d.code, d.subject, d.expected, d.actual) for d in errors(text)] == [
        (d.code, d.subject, d.expected, d.actual) for d in errors(wrong)
    ]
    assert all(d.where is None for d in errors(text))


@pytest.mark.parametrize("suffix", [".pdf", ".txt"])
def test_parsed_tables_equal_the_printed_values(suffix: str) -> None:
    """The truth file holds the values as printed (11 for the misprinted 总计)."""
    from xxgk_lint.parse import parse_source
    from xxgk_lint.parse.serialize import report_to_json

    parsed = report_to_json(parse_source(read_source(WRONG.with_suffix(suffix))))["tables"]
    truth = json.loads((FIXTURES / "yunxi-2023-wrong-total.json").read_text(encoding="utf-8"))
    assert parsed == truth["tables"]
