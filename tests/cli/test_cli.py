"""The command line as a user meets it: usage errors, bad input, exit codes, listings.

Every run is ``xxgk_lint.cli.main.main`` in this process; the reports are written by the
tests (see ``tests/engine/reportkit.py``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.engine.reportkit import (
    CLEAN,
    has_traceback,
    run_main,
    run_module,
    write,
    wrong_total,
    wrong_total_position,
)

#: The core set of the design (design.md, "Rule codes").
CORE_CODES = {
    "XG001",
    "XG002",
    "XG003",
    "XG004",
    "XG101",
    "XG201",
    "XG202",
    "XG203",
    "XG204",
    "XG301",
    "XG302",
    "XG401",
}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty report repository as the working directory (no config file in it)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def one_line(text: str) -> str:
    """The text, which must be exactly one non-empty line."""
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line, got: {text!r}"
    return lines[0]


# ---- usage ----


def test_no_command_prints_the_usage_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_main(capsys)
    assert result.code == 2
    assert "usage: xxgk-lint" in result.err
    for command in ("check", "parse", "rules", "explain"):
        assert command in result.err
    assert result.out == ""


def test_an_unknown_option_exits_2_with_one_error_line(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo / "r.txt", CLEAN)
    result = run_main(capsys, "check", "--frobnicate", "r.txt")
    assert result.code == 2
    assert one_line(result.err) == (
        "xxgk-lint: error: unrecognized arguments: --frobnicate (see 'xxgk-lint --help')"
    )
    assert not has_traceback(result.err)


def test_a_bad_choice_for_lang_exits_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "r.txt", CLEAN)
    result = run_main(capsys, "check", "--lang", "fr", "r.txt")
    assert result.code == 2
    assert one_line(result.err) == (
        "xxgk-lint: error: argument --lang: invalid choice: 'fr' (choose from 'zh', 'en')"
        " (see 'xxgk-lint check --help')"
    )


def test_an_unknown_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_main(capsys, "lint", "x.txt")
    assert result.code == 2
    assert "invalid choice: 'lint'" in result.err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from xxgk_lint import __version__

    result = run_main(capsys, "--version")
    assert result.code == 0
    assert result.out.strip() == f"xxgk-lint {__version__}"


# ---- paths and input ----


def test_a_path_that_does_not_exist_is_one_line_and_exit_2(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo / "r.txt", CLEAN)
    result = run_main(capsys, "check", "r.txt", "missing/report.txt")
    assert result.code == 2
    assert one_line(result.err) == (
        "xxgk-lint: error: missing/report.txt: no such file or directory"
    )
    assert result.out == ""


def test_a_missing_config_file_is_one_line_and_exit_2(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo / "r.txt", CLEAN)
    result = run_main(capsys, "check", "--config", "nope.yaml", "r.txt")
    assert result.code == 2
    assert one_line(result.err) == "xxgk-lint: error: nope.yaml: config file not found"


#: File name: (bytes, the problem as the zh message states it, as the en message does).
BAD_INPUT = {
    "empty.txt": (b"", "文件为空", "the file is empty"),
    "binary.txt": (bytes(range(256)) * 8, "二进制文件", "binary file"),
    "news.txt": (
        "本市今日召开新闻发布会，介绍今年以来经济运行情况。\n与会记者就相关问题进行了提问。\n".encode(),
        "不是政府信息公开工作年度报告",
        "not a government information disclosure annual report",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUT))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_unreadable_input_is_xg001_naming_the_file_and_exit_2(
    repo: Path, capsys: pytest.CaptureFixture[str], name: str, lang: str
) -> None:
    data, problem_zh, problem_en = BAD_INPUT[name]
    problem = problem_zh if lang == "zh" else problem_en
    (repo / name).write_bytes(data)
    result = run_main(capsys, "check", "--format", "json", "--lang", lang, name)
    assert result.code == 2
    [finding] = result.diagnostics()
    assert finding["code"] == "XG001"
    assert finding["name"] == "unreadable-input"
    assert finding["severity"] == "error"
    assert finding["path"] == name
    assert (finding["line"], finding["column"]) == (1, 1)
    assert problem in finding["message"]
    lead = "无法作为年度报告检查：" if lang == "zh" else "cannot be checked as an annual report: "
    assert finding["message"].startswith(lead)
    assert result.json()["summary"]["unreadable"] == 1

    text = run_main(capsys, "check", "--color", "never", "--lang", lang, name)
    assert text.code == 2
    assert f"{name}:1:1: XG001 error: " in text.out
    assert not has_traceback(text.output)


def test_unreadable_input_does_not_hide_the_findings_of_other_files(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo / "empty.txt", "")
    report = write(repo / "wrong.txt", wrong_total())
    result = run_main(capsys, "check", "--format", "json", "empty.txt", "wrong.txt")
    assert result.code == 2  # unreadable input outranks findings
    by_file = {(d["path"], d["code"]) for d in result.diagnostics()}
    assert ("empty.txt", "XG001") in by_file
    assert ("wrong.txt", "XG201") in by_file
    assert report.read_text(encoding="utf-8") == wrong_total()


def test_a_directory_is_walked_for_reports(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "reports" / "2023" / "a.txt", CLEAN)
    write(repo / "reports" / "2023" / "b.md", wrong_total())
    write(repo / "reports" / "notes.docx.bak", "不是报告")
    write(repo / "reports" / ".hidden" / "c.txt", "")
    # a.txt and b.md are one body's reports for one year: XG604 (info) would name both
    result = run_main(capsys, "check", "--format", "json", "--ignore", "XG604", "reports")
    assert result.code == 1
    assert {d["path"] for d in result.diagnostics()} == {str(Path("reports/2023/b.md"))}
    assert result.json()["summary"]["files"] == 2


# ---- exit codes ----


def test_exit_0_on_a_clean_report(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "clean.txt", CLEAN)
    result = run_main(capsys, "check", "--color", "never", "clean.txt")
    assert result.code == 0
    # What was verified (the deadline cannot be: the report states no date), then findings.
    assert result.out.splitlines() == [
        "核对 46 项：45 项通过，0 项不通过，1 项无法核对，0 项不确定。",
        "检查了 1 个文件：0 个错误，0 个警告。",
    ]
    assert result.err == ""


def test_exit_1_on_a_wrong_total_with_its_position(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = wrong_total(total=8)
    write(repo / "wrong.txt", text)
    line, column = wrong_total_position(text)
    result = run_main(capsys, "check", "--format", "json", "wrong.txt")
    assert result.code == 1
    row_sum = [d for d in result.diagnostics() if d["code"] == "XG201"]
    assert len(row_sum) == 1
    assert row_sum[0]["name"] == "row-sum"
    assert (row_sum[0]["line"], row_sum[0]["column"]) == (line, column)
    assert (row_sum[0]["expected"], row_sum[0]["actual"]) == (7, 8)
    assert "总计应为 7" in row_sum[0]["message"] and "实际为 8" in row_sum[0]["message"]

    plain = run_main(capsys, "check", "--color", "never", "wrong.txt")
    assert plain.code == 1
    assert f"wrong.txt:{line}:{column}: XG201 error: " in plain.out


def test_python_dash_m_runs_the_same_command_line(tmp_path: Path) -> None:
    write(tmp_path / "wrong.txt", wrong_total())
    write(tmp_path / "clean.txt", CLEAN)
    assert run_module("check", "clean.txt", cwd=tmp_path).code == 0
    result = run_module("check", "--lang", "en", "wrong.txt", cwd=tmp_path)
    assert result.code == 1
    assert "XG201 error: row '" in result.out
    assert not has_traceback(result.err)


# ---- rules and explain ----


def test_rules_as_json_lists_the_core_rules(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_main(capsys, "rules", "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["version"] == 1
    codes = [r["code"] for r in data["rules"]]
    assert codes == sorted(codes)
    assert set(codes) >= CORE_CODES
    for entry in data["rules"]:
        assert set(entry) >= {"code", "name", "severity", "summary", "what", "why", "bad", "good"}
        assert entry["severity"] in ("error", "warning", "info")
    by_code = {r["code"]: r for r in data["rules"]}
    assert by_code["XG201"]["name"] == "row-sum"
    assert by_code["XG301"]["name"] == "missing-period"
    assert by_code["XG301"]["severity"] == "warning"
    assert by_code["XG003"]["options"][0]["name"] == "regulations-row"


def test_rules_as_text_has_one_line_per_rule(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_main(capsys, "rules", "--lang", "en")
    assert result.code == 0
    lines = result.out.splitlines()
    row_sum = [line for line in lines if line.startswith("XG201 ")]
    assert len(row_sum) == 1
    assert row_sum[0].split()[:3] == ["XG201", "row-sum", "error"]
    assert "differs from the sum of its applicant columns" in row_sum[0]


@pytest.mark.parametrize("wanted", ["XG201", "xg201", "row-sum", " XG201 "])
def test_explain_finds_a_rule_by_code_or_name(
    capsys: pytest.CaptureFixture[str], wanted: str
) -> None:
    result = run_main(capsys, "explain", wanted, "--lang", "en")
    assert result.code == 0
    assert result.out.startswith("XG201 row-sum: ")
    assert "## What it checks" in result.out


def test_explain_a_misspelt_name_suggests_the_rule(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_main(capsys, "explain", "row-sun")
    assert result.code == 2
    assert one_line(result.err) == "xxgk-lint: 错误：没有规则 'row-sun'；是否应为 row-sum？"
    en = run_main(capsys, "explain", "row-sun", "--lang", "en")
    assert en.code == 2
    assert one_line(en.err) == "xxgk-lint: error: unknown rule 'row-sun'; did you mean row-sum?"


def test_explain_an_unknown_code_exits_2_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_main(capsys, "explain", "XG999", "--lang", "en")
    assert result.code == 2
    assert one_line(result.err).startswith("xxgk-lint: error: unknown rule 'XG999'")
    assert result.out == ""


def test_explain_a_code_nothing_resembles_points_to_the_rule_list(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = run_main(capsys, "explain", "QQQQQQ")
    assert result.code == 2
    assert one_line(result.err) == (
        "xxgk-lint: 错误：没有规则 'QQQQQQ'；运行 `xxgk-lint rules` 可列出所有规则"
    )
    en = run_main(capsys, "explain", "QQQQQQ", "--lang", "en")
    assert one_line(en.err) == (
        "xxgk-lint: error: unknown rule 'QQQQQQ'; `xxgk-lint rules` lists the rules"
    )


# ---- the checked files are never written ----


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif", "github"])
def test_check_never_writes_to_the_checked_files(
    repo: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    files = {
        "wrong.txt": wrong_total().encode("utf-8"),
        "clean.txt": CLEAN.encode("utf-8"),
        "crlf.txt": wrong_total().replace("\n", "\r\n").encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + CLEAN.encode("utf-8"),
        "empty.txt": b"",
    }
    stamp = 1_600_000_000_000_000_000  # 2020-09-13, far from "now"
    for name, data in files.items():
        (repo / name).write_bytes(data)
        os.utime(repo / name, ns=(stamp, stamp))
    before = sorted(p.name for p in repo.iterdir())

    result = run_main(
        capsys, "check", "--format", fmt, "--output-file", "out/result", "--statistics", "."
    )
    assert result.code == 2  # empty.txt is unreadable

    for name, data in files.items():
        assert (repo / name).read_bytes() == data, name
        assert (repo / name).stat().st_mtime_ns == stamp, name
    assert sorted(p.name for p in repo.iterdir()) == sorted([*before, "out"])
