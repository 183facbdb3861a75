"""Driving a run into sinks: whole-run findings last, a baseline before anything is counted.

The whole-run rule here (a local plugin) compares reports by their facts: the second
report of one agency and year is a finding on that file's title, written after every
file's own findings, in every format.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, run_main, write, wrong_total
from xxgk_lint.engine.config import ConfigResolver, Overrides
from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.engine.drive import drive
from xxgk_lint.engine.results import FileResult, RunEnd
from xxgk_lint.engine.runner import Runner

TWICE = """\
from xxgk_lint.engine.diagnostics import RuleDoc
from xxgk_lint.engine.hookspecs import hookimpl
from xxgk_lint.engine.rule import rule

DOC = RuleDoc("what", "why", "bad", "good")


def title_of(report):
    return report.title.text if report.title is not None else None


@rule(
    code="TWC101",
    name="same-title-twice",
    severity="warning",
    summary={"zh": "标题重复", "en": "a title twice"},
    messages={"zh": {"default": "与 {other} 标题相同"}, "en": {"default": "same title as {other}"}},
    docs={"zh": DOC, "en": DOC},
    run=True,
    facts=title_of,
)
def twice(reports, ctx):
    seen = {}
    for facts in reports:
        if facts.value in seen:
            yield ctx.diagnostic(facts.title_span, path=facts.path, other=seen[facts.value])
        else:
            seen[facts.value] = facts.path


@hookimpl
def xxgk_lint_rules():
    return [twice]
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "checks" / "twice.py", TWICE)
    # XG604 (one body's reports of one year) would find these copies too; TWC101 is ours.
    write(tmp_path / ".xxgk-lint.yaml", "plugins: [./checks/twice.py]\nignore: [XG604]\n")
    write(tmp_path / "reports" / "a.txt", CLEAN)
    write(tmp_path / "reports" / "b.txt", wrong_total())
    write(tmp_path / "reports" / "c.txt", CLEAN)
    return tmp_path


class Collect:
    """A sink that keeps what it is given."""

    def __init__(self) -> None:
        self.files: list[FileResult] = []
        self.finished: RunEnd | None = None

    def file(self, result: FileResult, fail_on: Severity) -> None:
        self.files.append(result)

    def end(self, end: RunEnd) -> None:
        self.finished = end


def planned(jobs: int = 1, baseline: Path | None = None) -> Runner:
    resolver = ConfigResolver(Path(".xxgk-lint.yaml"), Overrides(lang="en"))
    runner = Runner(resolver, "en", jobs=jobs, baseline=baseline)
    runner.plan(["reports"])
    return runner


@pytest.mark.parametrize("jobs", [1, 2])
def test_whole_run_findings_come_at_the_end(repo: Path, jobs: int) -> None:
    sink = Collect()
    end = drive(planned(jobs), [sink])
    assert sink.finished is end
    assert [f.path for f in sink.files] == ["reports/a.txt", "reports/b.txt", "reports/c.txt"]
    assert all(d.code != "TWC101" for f in sink.files for d in f.diagnostics)
    assert [(d.code, d.path, d.line, d.message) for d in end.across] == [
        ("TWC101", "reports/b.txt", 1, "same title as reports/a.txt"),
        ("TWC101", "reports/c.txt", 1, "same title as reports/a.txt"),
    ]
    # The title line of each file these findings are on is kept for their snippets,
    # nothing else of the files (a.txt, which none is on, is not kept at all).
    assert end.across_lines == {
        "reports/b.txt": {1: "测试县人民政府2023年政府信息公开工作年度报告"},
        "reports/c.txt": {1: "测试县人民政府2023年政府信息公开工作年度报告"},
    }
    assert (end.tally.errors, end.tally.warnings) == (1, 2)  # XG201 in b.txt
    assert end.exit_code == 1


def test_a_baseline_hides_findings_before_anything_is_written_or_counted(
    repo: Path, capsys
) -> None:
    # en: TWC101 gives no subject, so its message (in the run's language) identifies it
    written = run_main(
        capsys, "check", "--lang", "en", "--write-baseline", "accepted.json", "reports"
    )
    assert written.code == 0
    write(repo / "reports" / "c.txt", wrong_total(total=9))  # a new finding after it
    collect = Collect()
    end = drive(planned(baseline=Path("accepted.json")), [collect])
    found = [(f.path, d.code, d.line) for f in collect.files for d in f.diagnostics]
    assert found == [("reports/c.txt", "XG201", 24)]
    assert end.across == ()  # both TWC101 findings were accepted
    assert (end.tally.errors, end.tally.warnings) == (1, 0)
    assert end.exit_code == 1


def test_text_writes_whole_run_findings_under_their_heading(repo: Path, capsys) -> None:
    result = run_main(capsys, "check", "--lang", "en", "reports")
    blocks = result.out.split("\n\n")
    heading = blocks.index("Findings of rules that compare reports:")
    assert blocks[heading - 1].startswith("reports/b.txt:24:")  # the files' findings first
    assert blocks[heading + 1] == "reports/b.txt: compared with other reports (1):"
    assert blocks[heading + 2] == (
        "reports/b.txt:1:1: TWC101 warning: same title as reports/a.txt\n"
        "  |\n"
        "1 | 测试县人民政府2023年政府信息公开工作年度报告\n"
        "  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"
    )
    assert blocks[heading + 3] == "reports/c.txt: compared with other reports (1):"
    assert blocks[heading + 4].startswith("reports/c.txt:1:1: TWC101 warning")
    assert blocks[-1] == (
        "138 checks: 133 passed, 2 failed, 3 not assessable, 0 uncertain.\n"
        "Checked 3 files: 1 error, 2 warnings.\n"
    )


@pytest.mark.parametrize("fmt", ["json", "gitlab"])
def test_machine_formats_close_their_list_with_them(repo: Path, capsys, fmt: str) -> None:
    result = run_main(capsys, "check", "--format", fmt, "--jobs", "2", "reports")
    document = json.loads(result.out)
    items = document["diagnostics"] if fmt == "json" else document
    assert len(items) == 3
    codes = [item.get("code") or item["check_name"].split()[0] for item in items]
    assert codes == ["XG201", "TWC101", "TWC101"]


def test_facts_that_crash_are_that_rule_crashing_and_leave_the_report_out(
    repo: Path, capsys
) -> None:
    crashing = TWICE.replace(
        "def title_of(report):\n    return",
        "def title_of(report):\n    if not report.path.endswith('a.txt'):\n"
        "        raise ValueError(report.path)\n    return",
    )
    assert crashing != TWICE
    write(repo / "checks" / "twice.py", crashing)
    result = run_main(capsys, "check", "--lang", "en", "reports")
    assert result.code == 2
    errors = [line for line in result.out.splitlines() if line.startswith("run error:")]
    assert errors == [
        f"run error: reports/{name}.txt: rule TWC101 (same-title-twice) facts crashed at "
        f"checks/twice.py:10: ValueError: reports/{name}.txt"
        for name in "bc"
    ]
    # b.txt and c.txt, whose facts failed, are not compared (not as two reports of one
    # unknown title): TWC101 finds nothing
    assert "TWC101 warning" not in result.out
    assert "Checked 3 files: 1 error, 0 warnings, 2 run errors." in result.out
    # in Chinese too (it was said in English in a Chinese run)
    result = run_main(capsys, "check", "-q", "reports")
    assert result.err.splitlines() == [
        f"xxgk-lint: reports/{name}.txt: 规则 TWC101 (same-title-twice) 的 facts 运行出错"
        f"（checks/twice.py:10）：ValueError: reports/{name}.txt"
        for name in "bc"
    ]
