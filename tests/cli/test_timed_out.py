"""A file whose check ran over ``--timeout`` has its own status, ``timed-out``, in every
output that shows a status: it was read (it is not ``unreadable``), its check did not
finish, and a larger ``--timeout`` lets it finish. The exit code stays 2.

Four files: one passes, one has a wrong total (fail), one is empty (unreadable), and on
one (``b-slow.txt``) a plugin rule sleeps far past ``--timeout``. The two that were
checked are of one agency and year: XG604 gives each an info.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from tests.engine.reportkit import CLEAN, Outcome, run_module, write, wrong_total
from tests.security.kit import write_plugin
from xxgk_lint.formatters.json_format import load_schema

#: Sleeps only on the file named ``…slow…``: the budget stops it at ``--timeout``.
SLOW_RULE = """
@make("ACM001", "acme-slow")
def acme(report, ctx):
    if "slow" in ctx.path:
        import time
        time.sleep(20)
    yield from ()


@hookimpl
def xxgk_lint_rules():
    return [acme]
"""
FILES = ("a-clean.txt", "b-slow.txt", "c-total.txt", "d-empty.txt")
TIMEOUT = "1"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write(tmp_path / "a-clean.txt", CLEAN)
    write(tmp_path / "b-slow.txt", CLEAN)
    write(tmp_path / "c-total.txt", wrong_total())
    write(tmp_path / "d-empty.txt", "")
    write_plugin(tmp_path, "acme.py", SLOW_RULE)
    return tmp_path


def _run(repo: Path, *argv: str, jobs: str = "1") -> Outcome:
    command, *rest = argv
    return run_module(command, "--timeout", TIMEOUT, "--jobs", jobs, *rest, *FILES, cwd=repo)


@pytest.mark.parametrize(
    ("lang", "statuses", "closing"),
    [
        (
            "en",
            ["pass", "not finished", "fail", "unreadable"],
            "Checked 4 files: 3 errors, 0 warnings, 2 infos, 1 unreadable file, "
            "1 file not finished within --timeout.",
        ),
        (
            "zh",
            ["通过", "未检查完", "未通过", "无法读取"],
            "检查了 4 个文件：3 个错误，0 个警告，2 条提示，1 个文件无法读取，"
            "1 个文件未在 --timeout 时限内检查完。",
        ),
    ],
    ids=["en", "zh"],
)
def test_the_summary_table_and_the_closing_line(
    repo: Path, lang: str, statuses: list[str], closing: str
) -> None:
    result = _run(repo, "check", "-q", "--summary", "--lang", lang)
    assert result.code == 2
    lines = result.out.splitlines()
    table = lines[2:6]
    assert [line.split()[0] for line in table] == list(FILES)
    # status, errors, warnings, infos: the last four cells (a status may hold a space)
    assert [re.split(r"\s{2,}", line)[-4:] for line in table] == [
        [statuses[0], "0", "0", "1"],
        [statuses[1], "1", "0", "0"],
        [statuses[2], "1", "0", "1"],
        [statuses[3], "1", "0", "0"],
    ]
    assert lines[-1] == closing  # the closing line as before


def test_json_counts_it_apart_and_validates(repo: Path) -> None:
    result = _run(repo, "check", "--format", "json")
    assert result.code == 2
    document = json.loads(result.out)
    assert list(Draft202012Validator(load_schema()).iter_errors(document)) == []
    assert document["summary"] == {
        "files": 4,
        "errors": 3,
        "warnings": 0,
        "infos": 2,
        "unreadable": 1,
        "timed_out": 1,
        "run_errors": [],
        "exit_code": 2,
        "checks": document["summary"]["checks"],
    }
    xg001 = [d["path"] for d in document["diagnostics"] if d["code"] == "XG001"]
    assert xg001 == ["b-slow.txt", "d-empty.txt"]  # both still have XG001
    assert _run(repo, "check", "--format", "json", jobs="2").out == result.out


def test_junit_names_the_errored_case_by_the_status(repo: Path) -> None:
    result = _run(repo, "check", "--format", "junit")
    assert result.code == 2
    suites = re.findall(r'<testsuite [^>]*name="([^"]+)"[^>]*>(.*?)</testsuite>', result.out, re.S)
    cases = {name: re.findall(r'<testcase name="([^"]+)"', body) for name, body in suites}
    assert cases["b-slow.txt"] == ["XG001 timed-out"]
    assert cases["d-empty.txt"] == ["XG001 unreadable-input"]
    slow = dict(suites)["b-slow.txt"]
    assert (
        '<error type="error" message="无法作为年度报告检查：处理时间超过了每个文件的时间限制'
        in slow
    )
    assert _run(repo, "check", "--format", "junit", jobs="2").out == result.out


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_status_and_closing_line(repo: Path, fmt: str) -> None:
    result = _run(repo, "export", "--format", fmt, "--lang", "en")
    assert result.code == 2
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.out.lstrip("\ufeff"))))
    else:
        rows = [json.loads(line) for line in result.out.splitlines()]
    status = {row["path"]: row["status"] for row in rows}
    assert status == {
        "a-clean.txt": "pass",
        "b-slow.txt": "timed-out",
        "c-total.txt": "fail",
        "d-empty.txt": "unreadable",
    }
    [slow] = [row for row in rows if row["path"] == "b-slow.txt"]  # one row, no cells
    assert slow["problem"].startswith(
        "cannot be checked as an annual report: checking it took longer than the limit per "
        "file (--timeout 1 s); rule ACM001 (acme-slow) was running"
    )
    assert result.err.splitlines()[-1] == (
        f"xxgk-lint: wrote {len(rows)} rows of 4 files; 1 file unreadable, "
        "1 file not finished within --timeout"
    )


@pytest.mark.parametrize(
    ("lang", "word", "title", "closing"),
    [
        (
            "zh",
            "未检查完",
            "文件已读取，但未在 --timeout 时限内检查完；加大 --timeout 可让检查完成",
            "已写出 audit.html：4 个文件，1 个通过，1 个未通过；1 个文件无法读取，"
            "1 个文件未在 --timeout 时限内检查完",
        ),
        (
            "en",
            "not finished",
            "read, but not finished within --timeout; a larger --timeout lets it finish",
            "wrote audit.html: 4 files, 1 pass, 1 fail; 1 file unreadable, "
            "1 file not finished within --timeout",
        ),
    ],
    ids=["zh", "en"],
)
def test_the_audit_page(repo: Path, lang: str, word: str, title: str, closing: str) -> None:
    result = _run(repo, "report", "-o", "audit.html", "--lang", lang)
    assert result.code == 2
    assert result.err.splitlines()[-1] == f"xxgk-lint: {closing}"
    html = (repo / "audit.html").read_text(encoding="utf-8")
    totals = dict(re.findall(r'data-total="([\w-]+)"[^>]*><b>(\d+)</b>', html))
    assert {k: totals[k] for k in ("files", "pass", "fail", "unreadable", "timed-out")} == {
        "files": "4",
        "pass": "1",
        "fail": "1",
        "unreadable": "1",
        "timed-out": "1",
    }
    assert f'data-total="timed-out" title="{title}"><b>1</b><span>{word}</span>' in html
    # the status column: its sort key (pass, fail, unreadable, timed-out) and its badge
    statuses = re.findall(r'<td data-sort="(\d)"><span class="status ([\w-]+)"[^>]*>([^<]+)<', html)
    assert [(key, status) for key, status, _ in statuses] == [
        ("0", "pass"),
        ("3", "timed-out"),
        ("1", "fail"),
        ("2", "unreadable"),
    ]
    assert statuses[1][2] == word
    assert f'<span class="status timed-out" title="{title}">{word}</span>' in html


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "not finished within --timeout"), ("zh", "未在 --timeout 时限内检查完")],
    ids=["en", "zh"],
)
def test_the_lines_per_file_after_the_progress_bar(repo: Path, lang: str, said: str) -> None:
    from tests.cli.test_scale import _in_a_terminal

    argv = ["check", "--timeout", TIMEOUT, "--lang", lang, "--format", "json", *FILES]
    code, shown = _in_a_terminal(argv, repo)
    assert code == 2
    shown_lines = shown.replace("\r\n", "\r").split("\r")
    lines = {line.split()[0]: line for line in shown_lines if line.startswith(FILES)}
    assert list(lines) == list(FILES)  # one each, after the bar, in the order of the run
    assert lines["b-slow.txt"] == f"b-slow.txt   -               -     {said}"
    assert lines["d-empty.txt"].endswith("  " + ("unreadable" if lang == "en" else "无法读取"))
