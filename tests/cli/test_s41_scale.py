"""Session 41, issue 12 as its users meet it: ``check``, ``export`` and ``report`` over a
supervising office's folder (one clean report, one with a wrong total, one unreadable)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, TITLE, edit, run_main, write, wrong_total

#: Another body's report: no two reports of one body and year (no XG604 to count).
OTHER = edit(wrong_total(), TITLE, TITLE.replace("测试县人民政府", "白鹭镇人民政府"))


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "in" / "a-clean.txt", CLEAN)
    write(tmp_path / "in" / "b-total.txt", OTHER)
    (tmp_path / "in" / "c-broken.txt").write_bytes(b"\x00\x01\x02\xff")
    return tmp_path


STATISTICS_EN = "XG001  unreadable-input  1\nXG201  row-sum           1\n"


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github", "gitlab"])
def test_statistics_with_a_machine_format_go_to_stderr(office: Path, capsys, fmt: str) -> None:
    """``--statistics --format json`` printed nothing of the statistics before: now the
    table the text output ends with is on stderr, and stdout stays the document alone."""
    plain = run_main(capsys, "check", "--format", fmt, "--lang", "en", "in")
    out = run_main(capsys, "check", "--statistics", "--format", fmt, "--lang", "en", "in")
    assert out.code == plain.code == 2
    assert out.out == plain.out
    assert out.err == plain.err + STATISTICS_EN


def test_statistics_then_the_summary_table_on_stderr(office: Path, capsys) -> None:
    out = run_main(
        capsys, "check", "--statistics", "--summary", "--format", "json", "--lang", "en", "in"
    )
    json.loads(out.out)
    stats_at = out.err.index(STATISTICS_EN)
    after = out.err[stats_at + len(STATISTICS_EN) :]
    assert after.startswith("\nfile ")  # one blank line, then the table's head
    assert "in/b-total.txt" in after


def test_statistics_in_text_unchanged(office: Path, capsys) -> None:
    out = run_main(capsys, "check", "--statistics", "--lang", "en", "in")
    assert STATISTICS_EN in out.out
    assert "XG201  row-sum" not in out.err


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_export_names_stdin_with_stdin_filename(office: Path, capsys, monkeypatch) -> None:
    """``export -`` took no ``--stdin-filename`` (a usage error): its rows said ``-``."""
    _stdin(monkeypatch, OTHER.encode("utf-8"))
    out = run_main(capsys, "export", "-", "--stdin-filename", "in/白鹭镇.txt", "--format", "jsonl")
    assert out.code == 0, out.err
    rows = [json.loads(line) for line in out.out.splitlines()]
    received = [r for r in rows if (r["row"], r["column"]) == ("received", "total")]
    assert len(received) == 1
    row = received[0]
    assert (row["path"], row["agency"], row["value"], row["status"]) == (
        "in/白鹭镇.txt",
        "白鹭镇人民政府",
        8,
        "fail",
    )
    assert {r["path"] for r in rows} == {"in/白鹭镇.txt"}


def test_report_names_stdin_with_stdin_filename(office: Path, capsys, monkeypatch) -> None:
    _stdin(monkeypatch, OTHER.encode("utf-8"))
    out = run_main(capsys, "report", "-", "--stdin-filename", "in/白鹭镇.txt", "-o", "a.html")
    assert out.code == 0, out.err
    page = Path("a.html").read_text(encoding="utf-8")
    assert "in/白鹭镇.txt" in page
    assert ">-<" not in page


@pytest.mark.parametrize("command", [["export"], ["report", "-o", "a.html"]])
def test_stdin_filename_without_dash_is_a_usage_error(office: Path, capsys, command) -> None:
    out = run_main(capsys, *command, "in", "--stdin-filename", "x.txt")
    assert out.code == 2
    assert out.err == (
        "xxgk-lint: error: --stdin-filename names what is read from stdin: add - to the paths\n"
    )
    assert not Path("a.html").exists()


@pytest.mark.parametrize("command", ["check", "export", "report"])
def test_help_says_what_fail_on_does(capsys, command: str) -> None:
    """``--fail-on`` decides each file's status in ``export`` and ``report`` too, and
    ``--help`` said nothing of it (nor of ``check --format``)."""
    out = run_main(capsys, command, "--help")
    assert out.code == 0
    said = " ".join(out.out.split())
    assert (
        "--fail-on {error,warning,info} the lowest severity that fails a file (its status; "
        "for check, exit code 1); default error" in said
    )
    if command == "check":
        assert "output format (default text); gitlab: a GitLab Code Quality report" in said


@pytest.mark.parametrize("command", [["export", "-o", "cells.csv"], ["report", "-o", "a.html"]])
def test_exit_zero_for_export_and_report(office: Path, capsys, command: list[str]) -> None:
    """A CI job that keeps the export or the audit page as an artifact failed on every
    unreadable file, and only ``check`` had ``--exit-zero``; the file is still named."""
    plain = run_main(capsys, *command, "in", "--lang", "en")
    out = run_main(capsys, *command, "in", "--lang", "en", "--exit-zero")
    assert (plain.code, out.code) == (2, 0)
    assert out.err == plain.err
    assert out.err.startswith(
        "xxgk-lint: in/c-broken.txt: cannot be checked as an annual report: binary file"
    )
    if command[0] == "export":
        rows = Path("cells.csv").read_text(encoding="utf-8-sig").splitlines()
        assert rows[-1].startswith("in/c-broken.txt,,,,,,,,,,,,unreadable,")


def test_exit_zero_still_refuses_a_usage_error(office: Path, capsys) -> None:
    out = run_main(capsys, "export", "nowhere", "--exit-zero")
    assert out.code == 2
    assert out.err == "xxgk-lint: error: nowhere: no such file or directory\n"


def test_report_to_stdout_with_dash(office: Path, capsys) -> None:
    """``report -o -`` wrote a file named ``-`` (and ``export -o -`` another over it)."""
    out = run_main(capsys, "report", "in", "-o", "-", "--lang", "en")
    assert out.code == 2
    assert not Path("-").exists()
    assert out.out.startswith("<!DOCTYPE html>\n")
    assert out.out.rstrip().endswith("</html>")
    assert "in/b-total.txt" in out.out
    assert out.err.endswith(
        "xxgk-lint: wrote the page to stdout: 3 files, 1 pass, 1 fail; 1 file unreadable\n"
    )


def test_export_to_stdout_with_dash(office: Path, capsys) -> None:
    plain = run_main(capsys, "export", "in", "--format", "jsonl", "-q")
    dash = run_main(capsys, "export", "in", "--format", "jsonl", "-q", "-o", "-")
    assert not Path("-").exists()
    assert dash.out == plain.out
    assert json.loads(dash.out.splitlines()[0])["path"] == "in/a-clean.txt"


def test_the_export_names_the_format_version_as_parse_does(office: Path, capsys) -> None:
    out = run_main(capsys, "export", "in/a-clean.txt", "--format", "jsonl", "-q")
    row = json.loads(out.out.splitlines()[0])
    parsed = json.loads(run_main(capsys, "parse", "--format", "json", "in/a-clean.txt").out)
    assert list(row)[3:6] == ["year", "format_version", "table"]
    assert row["format_version"] == parsed["reports"][0]["format_version"] == "2021"
    assert "format" not in row


def test_check_output_file_dash_is_a_usage_error(office: Path, capsys) -> None:
    """``check --output-file -`` wrote a file named ``-``."""
    out = run_main(capsys, "check", "in", "--format", "json", "--output-file", "-")
    assert out.code == 2
    assert not Path("-").exists()
    assert out.out == ""
    assert out.err == (
        "xxgk-lint: error: --output-file -: the --format output goes to stdout when no "
        "--output-file is given\n"
    )
