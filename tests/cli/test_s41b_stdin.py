"""Session 41 (audit): ``check - -`` reads stdin once and checks it as one file.

Stdin is one stream: a second ``-`` read the same bytes again, as a second file (two
rows in ``--summary``, and an XG604 saying the agency had two reports of that year). A
second ``-`` is left out now, as a file named twice is checked once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import FIXTURES
from xxgk_lint.cli.check import stdin_once

REPORT = FIXTURES / "reports" / "blank-total-column.txt"


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "xxgk_lint", *argv],
        input=REPORT.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONUTF8": "1", "NO_COLOR": "1"},
        timeout=120,
    )


def test_stdin_named_twice_is_one_file() -> None:
    done = _run("check", "--format", "json", "-", "-")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["summary"]["files"] == 1
    assert [(d["path"], d["code"], d["line"], d["column"]) for d in out["diagnostics"]] == [
        ("-", "XG004", 31, 46)  # no XG604: one report of 安平县民政局 for 2023, not two
    ]
    assert [r["path"] for r in out["reports"]] == ["-"]


def test_the_summary_has_one_row_for_stdin() -> None:
    done = _run("check", "--summary", "-q", "--lang", "en", "-", "-", "--stdin-filename", "a.txt")
    table = done.stdout.split("\n\n")[-2].splitlines()
    assert [line.split()[:6] for line in table[2:]] == [
        ["a.txt", "安平县民政局", "2023", "text", "2021", "pass"]
    ]
    assert done.stdout.rstrip().endswith("Checked 1 file: 0 errors, 1 warning.")


def test_stdin_once_keeps_the_first_dash_in_place() -> None:
    assert stdin_once(["a.txt", "-", "b", "-", "-"]) == ["a.txt", "-", "b"]
    assert stdin_once(["a.txt", "a.txt"]) == ["a.txt", "a.txt"]  # (files: the walk's job)
