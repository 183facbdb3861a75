"""A file name holding a line break (a newline, U+2028) keeps every finding on one line:
text and summary write it ``\\x0a``, GitHub's commands ``%0A``, JUnit ``\\x0a`` in its
attributes and in the one line per finding of a case's output; JSON, SARIF and GitLab
escape it by their own rules."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from xxgk_lint.engine.results import RunResult
from xxgk_lint.formatters import one_line, render

from .conftest import COUNTY_FILE

NAME = "reports/新\n建\u2028文件.txt"
SHOWN = "reports/新\\x0a建\\u2028文件.txt"


def _run(run: RunResult, message: str | None = None) -> RunResult:
    diagnostics = tuple(
        replace(d, path=NAME, message=message or d.message) for d in COUNTY_FILE.diagnostics
    )
    file = replace(COUNTY_FILE, path=NAME, diagnostics=diagnostics)
    return replace(run, files=(file,))


def test_one_line_escapes_breaks_and_controls() -> None:
    assert one_line("a\nb\u2029c\x1bd\te") == "a\\x0ab\\u2029c\\x1bd\te"
    assert one_line("plain 路径.txt") == "plain 路径.txt"


def test_text_headers_stay_one_line(run_zh: RunResult) -> None:
    output = render("text", _run(run_zh, "期限“甲\n乙”"))
    headers = [line for line in output.split("\n") if ": XG" in line]
    assert headers[0] == f"{SHOWN}:2:19: XG201 error: 期限“甲\\x0a乙”"
    assert len(headers) == len(COUNTY_FILE.diagnostics)
    assert all(line.startswith(SHOWN + ":") for line in headers)
    assert "\u2028" not in output


def test_summary_row_stays_one_line(run_zh: RunResult) -> None:
    output = render("text", _run(run_zh), summary=True)
    rows = [line for line in output.split("\n") if line.startswith(SHOWN + "  ")]
    assert len(rows) == 1
    assert "新\n" not in output


def test_github_escapes_the_file_property(run_zh: RunResult) -> None:
    # (the runner reads lines at \n and \r only: U+2028 may stay as it is)
    lines = render("github", _run(run_zh)).split("\n")[:-1]
    assert len(lines) == len(COUNTY_FILE.diagnostics)
    assert lines[0].startswith("::error file=reports/新%0A建\u2028文件.txt,line=2,col=19,")


def test_junit_attributes_and_output_lines(run_zh: RunResult) -> None:
    output = render("junit", _run(run_zh))
    root = ET.fromstring(output)
    [suite] = root.findall("testsuite")
    assert suite.get("name") == suite.get("file") == SHOWN
    outputs = [
        element.text
        for element in root.iter()
        if element.tag in ("failure", "system-out") and element.text
    ]
    found = [line for text in outputs for line in text.split("\n") if line]
    assert found and all(line.startswith(SHOWN + ":") for line in found)


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
def test_json_formats_keep_the_name(run_zh: RunResult, fmt: str) -> None:
    output = render(fmt, _run(run_zh))
    assert "新\n" not in output  # JSON writes the newline \n (SARIF's URI %0A)
    assert NAME in output.replace("\\n", "\n") or "%0A" in output
    assert json.loads(output)


def test_a_file_named_with_a_newline_end_to_end(tmp_path: Path) -> None:
    """The reviewer's case: an unreadable file whose name holds a newline."""
    path = tmp_path / "new\nline.txt"
    path.write_text("不是年报。\n", encoding="utf-8")
    for fmt in ("text", "github", "junit"):
        done = subprocess.run(
            [sys.executable, "-m", "xxgk_lint", "check", "--format", fmt, str(path)],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
        )
        assert done.returncode == 2, done.stderr
        if fmt == "junit":
            [error] = ET.fromstring(done.stdout).iter("error")
            findings = (error.text or "").split("\n")
        else:
            findings = [line for line in done.stdout.splitlines() if "XG001" in line]
        assert len(findings) == 1, (fmt, done.stdout)
        assert not any(line.startswith("line.txt") for line in done.stdout.splitlines())
        assert ("new%0Aline.txt" if fmt == "github" else "new\\x0aline.txt") in findings[0]
