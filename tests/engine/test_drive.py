"""Driving a run into sinks: whole-run findings last, ``keep`` before anything is counted.

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
    code="TWICE001",
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
    write(tmp_path / ".xxgk-lint.yaml", "plugins: [./checks/twice.py]\n")
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


def planned(jobs: int = 1) -> Runner:
    resolver = ConfigResolver(Path(".xxgk-lint.yaml"), Overrides(lang="en"))
    runner = Runner(resolver, "en", jobs=jobs)
    runner.plan(["reports"])
    return runner


@pytest.mark.parametrize("jobs", [1, 2])
def test_whole_run_findings_come_at_the_end(repo: Path, jobs: int) -> None:
    sink = Collect()
    end = drive(planned(jobs), [sink])
    assert sink.finished is end
    assert [f.path for f in sink.files] == ["reports/a.txt", "reports/b.txt", "reports/c.txt"]
    assert all(d.code != "TWICE001" for f in sink.files for d in f.diagnostics)
    assert [(d.code, d.path, d.line, d.message) for d in end.across] == [
        ("TWICE001", "reports/b.txt", 1, "same title as reports/a.txt"),
        ("TWICE001", "reports/c.txt", 1, "same title as reports/a.txt"),
    ]
    # Each title line is kept for these findings' snippets, nothing else of the files.
    assert end.across_lines == {
        "reports/a.txt": {1: "测试县人民政府2023年政府信息公开工作年度报告"},
        "reports/b.txt": {1: "测试县人民政府2023年政府信息公开工作年度报告"},
        "reports/c.txt": {1: "测试县人民政府2023年政府信息公开工作年度报告"},
    }
    assert (end.tally.errors, end.tally.warnings) == (2, 2)  # XG201 + XG203 in b.txt
    assert end.exit_code == 1


def test_keep_filters_before_anything_is_written_or_counted(repo: Path) -> None:
    collect = Collect()

    def keep(found):
        return [d for d in found if d.code not in ("XG201", "TWICE001")]

    end = drive(planned(), [collect], keep=keep)
    codes = [d.code for f in collect.files for d in f.diagnostics]
    assert codes == ["XG203"]
    assert end.across == ()
    assert (end.tally.errors, end.tally.warnings) == (1, 0)


def test_text_writes_whole_run_findings_under_their_heading(repo: Path, capsys) -> None:
    result = run_main(capsys, "check", "--lang", "en", "reports")
    blocks = result.out.split("\n\n")
    heading = blocks.index("Findings of rules that compare reports:")
    assert blocks[heading - 1].startswith("reports/b.txt:47:")  # the files' findings first
    assert blocks[heading + 1] == (
        "reports/b.txt:1:1: TWICE001 warning: same title as reports/a.txt\n"
        "  |\n"
        "1 | 测试县人民政府2023年政府信息公开工作年度报告\n"
        "  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"
    )
    assert blocks[heading + 2].startswith("reports/c.txt:1:1: TWICE001 warning")
    assert blocks[-1] == "Checked 3 files: 2 errors, 2 warnings.\n"


@pytest.mark.parametrize("fmt", ["json", "gitlab"])
def test_machine_formats_close_their_list_with_them(repo: Path, capsys, fmt: str) -> None:
    result = run_main(capsys, "check", "--format", fmt, "--jobs", "2", "reports")
    document = json.loads(result.out)
    items = document["diagnostics"] if fmt == "json" else document
    assert len(items) == 4
    codes = [item.get("code") or item["check_name"].split()[0] for item in items]
    assert codes == ["XG201", "XG203", "TWICE001", "TWICE001"]
