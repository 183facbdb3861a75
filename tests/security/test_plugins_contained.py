"""Plugins cannot break a run (issue 15): what a rule yields is checked, exits and interrupts
are contained, a rule that never ends is stopped, prints go to stderr, messages are stable.

Every report here has a wrong total, so the built-in XG201 must come out whatever the
plugin does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.engine.reportkit import (
    has_traceback,
    run_main,
    run_module,
    write,
    wrong_total,
    wrong_total_position,
)
from tests.security.kit import assert_invariants, plugin_source, write_plugin


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "r.txt", wrong_total())
    return tmp_path


def one_rule(body: str, code: str = "ACM001", name: str = "acme-rule") -> str:
    """A plugin with one rule whose body is ``body`` (indented under ``def``)."""
    indented = "\n".join(f"    {line}" if line else "" for line in body.strip("\n").splitlines())
    return (
        f'@make("{code}", "{name}")\n'
        f"def acme(report, ctx):\n{indented}\n\n\n"
        "@hookimpl\ndef xxgk_lint_rules():\n    return [acme]\n"
    )


def assert_builtin_findings_survive(findings: list[dict]) -> None:
    line, column = wrong_total_position(wrong_total())
    assert [(d["line"], d["column"]) for d in findings if d["code"] == "XG201"] == [(line, column)]


# ---- what a rule yields ----

#: The lines of the report checked (``wrong_total()``; its last newline ends its last line).
REPORT_LINES = len(wrong_total().splitlines())

BAD_YIELDS = {
    "None": ("yield None", "yielded None, not a Diagnostic"),
    "a string": ('yield "the total is wrong"', "yielded str, not a Diagnostic"),
    "a number": ("yield 42", "yielded int, not a Diagnostic"),
    "a severity that is a string": (
        "from dataclasses import replace\n"
        "yield replace(ctx.diagnostic(report.title.span), severity='error')",
        "severity is str 'error', not a Severity",
    ),
    "a line that is a string": (
        "from dataclasses import replace\nyield replace(ctx.diagnostic(report.title.span), line='3')",
        "line is str '3', not an integer of at least 1",
    ),
    "a line of 0": (
        "from dataclasses import replace\nyield replace(ctx.diagnostic(report.title.span), line=0)",
        "line is int 0, not an integer of at least 1",
    ),
    "a line past the end of the file": (
        "from xxgk_lint.plugin import Span\nyield ctx.diagnostic(Span(9999, 5, 9999, 6))",
        f"the span 9999:5-9999:6 is past the end of the file ({REPORT_LINES} lines)",
    ),
    "an end line past the end of the file": (
        "from xxgk_lint.plugin import Span\nyield ctx.diagnostic(Span(2, 1, 500, 1))",
        f"the span 2:1-500:1 is past the end of the file ({REPORT_LINES} lines)",
    ),
    "the line after the last one": (
        f"from xxgk_lint.plugin import Span\n"
        f"yield ctx.diagnostic(Span({REPORT_LINES + 2}, 1, {REPORT_LINES + 2}, 2))",
        f"the span {REPORT_LINES + 2}:1-{REPORT_LINES + 2}:2 is past the end of the file "
        f"({REPORT_LINES} lines)",
    ),
    "an expected value that is a list": (
        "yield ctx.diagnostic(report.title.span, expected=[1, 2])",
        "expected is list [1, 2], not a number, a str or None",
    ),
    "an actual value that is NaN": (
        "yield ctx.diagnostic(report.title.span, actual=float('nan'))",
        "actual is float nan, not a number, a str or None",
    ),
    "another rule's code": (
        "from dataclasses import replace\n"
        "yield replace(ctx.diagnostic(report.title.span), code='XG201', name='row-sum')",
        "the finding's code XG201 (row-sum) is not the rule's own",
    ),
    "a finding for a file not checked": (
        "yield ctx.diagnostic(report.title.span, path='/etc/passwd')",
        "the finding names a file that is not checked in this run: /etc/passwd",
    ),
}


@pytest.mark.parametrize("case", list(BAD_YIELDS))
@pytest.mark.parametrize("fmt", ["json", "text", "junit", "sarif", "github"])
def test_a_bad_finding_becomes_one_plugin_error(repo: Path, capsys, case: str, fmt: str) -> None:
    body, problem = BAD_YIELDS[case]
    write_plugin(repo, "acme.py", one_rule(body))
    result = run_main(capsys, "check", "--format", fmt, "--lang", "en", "r.txt")
    assert_invariants(result)
    assert result.code == 2
    message = f"rule ACM001 (acme-rule) produced an invalid finding: {problem}"
    if fmt != "json":
        assert "XG009" in result.out
        return
    findings = result.diagnostics()
    assert_builtin_findings_survive(findings)
    [error] = [d for d in findings if d["code"] == "XG009"]
    assert error == {
        "path": "r.txt",
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 1,
        "code": "XG009",
        "name": "plugin-error",
        "severity": "error",
        "message": message,
        "expected": None,
        "actual": None,
        "where": None,
        "subject": "plugin.ACM001",
    }
    assert result.json()["summary"]["exit_code"] == 2


def test_several_bad_findings_are_one_plugin_error_and_the_good_ones_stay(
    repo: Path, capsys
) -> None:
    write_plugin(
        repo, "acme.py", one_rule("yield None\nyield ctx.diagnostic(report.title.span)\nyield 3")
    )
    result = run_main(capsys, "check", "--format", "json", "--lang", "zh", "r.txt")
    assert result.code == 2
    acme = [d for d in result.diagnostics() if d["code"] in ("ACM001", "XG009")]
    assert [d["code"] for d in acme] == ["ACM001", "XG009"]
    assert acme[1]["message"] == (
        "规则 ACM001 (acme-rule) 的输出无效：2 条结果无效，第一条：产出了 None，而不是 Diagnostic"
    )


def test_a_rule_that_returns_none_is_a_plugin_error(repo: Path, capsys) -> None:
    write_plugin(repo, "acme.py", one_rule("return None"))
    result = run_main(capsys, "check", "--format", "json", "--lang", "en", "r.txt")
    assert result.code == 2
    [error] = [d for d in result.diagnostics() if d["code"] == "XG009"]
    assert error["message"].endswith("returned None, not an iterable of Diagnostic")


#: Values whose repr() holds a memory address, changes from run to run or raises: the
#: message names their type (and a plain value's repr, cut short), the same every time.
ODD_VALUES = {
    "an object": ("expected=object()", "expected is object, not a number, a str or None"),
    "a list holding an object": (
        "actual=[1, object()]",
        "actual is list, not a number, a str or None",
    ),
    "a set (its order follows the hash seed)": (
        "expected={'甲', '乙', '丙'}",
        "expected is set, not a number, a str or None",
    ),
    "a class whose repr raises": (
        "expected=type('Loud', (), {'__repr__': lambda self: 1 / 0})()",
        "expected is Loud, not a number, a str or None",
    ),
    "a dict of plain values": (
        "expected={'a': [1, 2.5], 'b': None}",
        "expected is dict {'a': [1, 2.5], 'b': None}, not a number, a str or None",
    ),
    "a long string": (
        "severity='错' * 500",
        "severity is str '" + "错" * 56 + "..., not a Severity",
    ),
    "an int too long to print": (
        "line=-(10 ** 5000)",
        "line is int, not an integer of at least 1",
    ),
}


@pytest.mark.parametrize("case", list(ODD_VALUES))
def test_a_plugin_error_names_an_odd_value_without_its_address(
    repo: Path, capsys, case: str
) -> None:
    field, problem = ODD_VALUES[case]
    body = f"from dataclasses import replace\nyield replace(ctx.diagnostic(report.title.span), {field})"
    write_plugin(repo, "acme.py", one_rule(body))
    result = run_main(capsys, "check", "--format", "json", "--lang", "en", "r.txt")
    assert result.code == 2
    [error] = [d["message"] for d in result.diagnostics() if d["code"] == "XG009"]
    assert error == f"rule ACM001 (acme-rule) produced an invalid finding: {problem}"


def test_a_plugin_error_is_the_same_on_every_run_and_with_jobs(repo: Path, capsys) -> None:
    write(repo / "s.txt", wrong_total())
    write_plugin(
        repo, "acme.py", one_rule("yield ctx.diagnostic(report.title.span, expected=object())")
    )
    argv = ("check", "--format", "json", "--lang", "zh", "r.txt", "s.txt")
    runs = [run_main(capsys, *argv).out, run_main(capsys, *argv, "--jobs", "2").out]
    assert runs[0] == runs[1]
    messages = [d["message"] for d in json.loads(runs[0])["diagnostics"] if d["code"] == "XG009"]
    assert (
        messages
        == [
            "规则 ACM001 (acme-rule) 的输出无效：字段 expected 应为数字、字符串或 None，实际为 object"
        ]
        * 2
    )


def test_xg009_cannot_be_deselected(repo: Path, capsys) -> None:
    write_plugin(repo, "acme.py", one_rule("yield None"), config="ignore: [XG009]\n")
    result = run_main(capsys, "check", "--format", "json", "--select", "ACM", "r.txt")
    assert result.code == 2
    assert result.codes() == ["XG009"]


# ---- exits and interrupts ----


@pytest.mark.parametrize(
    "body",
    ["raise SystemExit(5)", "import sys\nsys.exit(7)", "raise KeyboardInterrupt"],
)
def test_an_exit_in_a_rule_is_that_rule_crashing(repo: Path, capsys, body: str) -> None:
    write_plugin(repo, "acme.py", one_rule(body + "\nyield from ()"))
    result = run_main(capsys, "check", "--format", "json", "--lang", "en", "r.txt")
    assert_invariants(result)
    assert result.code == 2
    assert_builtin_findings_survive(result.diagnostics())
    [line] = result.err.splitlines()
    assert line.startswith("xxgk-lint: r.txt: rule ACM001 (acme-rule) crashed at acme.py:")
    assert line.split(": ")[-2] in ("SystemExit", "KeyboardInterrupt")


@pytest.mark.parametrize("body", ["raise SystemExit(5)", "raise KeyboardInterrupt"])
def test_an_exit_while_importing_a_plugin_is_that_plugin_failing(
    repo: Path, capsys, body: str
) -> None:
    write_plugin(repo, "acme.py", body + "\n", header=False)
    result = run_main(capsys, "check", "--format", "json", "--lang", "en", "r.txt")
    assert_invariants(result)
    assert result.code == 2
    assert_builtin_findings_survive(result.diagnostics())
    [line] = result.err.splitlines()
    assert line.startswith("xxgk-lint: acme.py:1: local plugin ./acme.py (")
    assert "failed to import: " in line


def test_an_exit_in_a_child_process_still_gives_exit_2(repo: Path) -> None:
    write_plugin(repo, "acme.py", "import sys\nsys.exit(5)\n", header=False)
    result = run_module("check", "--quiet", "r.txt", cwd=repo)
    assert result.code == 2
    assert not has_traceback(result.err)


# ---- time ----


def test_a_rule_that_never_ends_is_stopped_and_the_run_goes_on(repo: Path, capsys) -> None:
    write(repo / "s.txt", wrong_total())
    write_plugin(
        repo,
        "acme.py",
        one_rule(
            "while True:\n    try:\n        len(report.path)\n    except Exception:\n        pass"
        ),
        config="rule-timeout: 0.2\n",
    )
    result = run_main(capsys, "check", "--format", "json", "--lang", "en", "r.txt", "s.txt")
    assert_invariants(result)
    assert result.code == 2
    assert result.err.splitlines() == [
        f"xxgk-lint: {name}: rule ACM001 (acme-rule) ran longer than its time limit "
        "(rule-timeout 0.2 s) and was stopped"
        for name in ("r.txt", "s.txt")
    ]
    assert sorted({d["path"] for d in result.diagnostics() if d["code"] == "XG201"}) == [
        "r.txt",
        "s.txt",
    ]


def test_a_rule_that_swallows_even_the_stop_never_hangs_the_run(repo: Path) -> None:
    write_plugin(
        repo,
        "acme.py",
        one_rule(
            "while True:\n    try:\n        len(report.path)\n    except BaseException:\n        pass"
        ),
        config="rule-timeout: 0.2\n",
    )
    result = run_module("check", "--lang", "en", "r.txt", cwd=repo)
    assert result.code == 2
    assert not has_traceback(result.err)
    # Where the interpreter checks for signals decides whether the stop lands outside the
    # rule's `try` (Python 3.11: the rule is stopped, the run goes on) or always inside it
    # (3.10: after the grace period xxgk-lint gives up, in one line, rather than hang).
    stopped = (
        "r.txt: rule ACM001 (acme-rule) ran longer than its time limit (rule-timeout 0.2 s) "
        "and was stopped"
    )
    gave_up = (
        "xxgk-lint: error: r.txt: rule ACM001 (acme-rule): over its time limit of 0.2 s and "
        "cannot be stopped (it catches every exception); xxgk-lint stops here\n"
    )
    assert stopped in result.out or result.err == gave_up, result.output


# ---- output ----


def test_what_a_plugin_prints_goes_to_stderr_and_json_stays_valid(repo: Path, capsys) -> None:
    write_plugin(
        repo,
        "acme.py",
        'print("loading acme")\n\n' + one_rule('print("checking", report.path)\nyield from ()'),
    )
    result = run_main(capsys, "check", "--format", "json", "r.txt")
    assert_invariants(result)
    assert json.loads(result.out)["summary"]["exit_code"] == 1
    assert result.err.splitlines() == ["loading acme", "checking r.txt"]


def test_a_rule_that_closes_stdout_does_not_break_the_output(repo: Path, capsys) -> None:
    write_plugin(repo, "acme.py", one_rule("import sys\nsys.stdout.close()\nyield from ()"))
    result = run_main(capsys, "check", "--format", "json", "r.txt")
    assert_invariants(result)
    assert result.code == 1
    assert result.json()["summary"]["errors"] == 1  # one wrong cell, one finding


def test_two_plugins_declaring_one_code_give_the_same_message_every_time(repo: Path) -> None:
    text = plugin_source(one_rule("yield from ()"))
    write(repo / "a.py", text)
    write(repo / "b.py", text)
    write(repo / ".xxgk-lint.yaml", "plugins: [./a.py, ./b.py]\n")
    runs = [run_module("check", "--format", "json", "r.txt", cwd=repo) for _ in range(2)]
    assert runs[0].code == runs[1].code == 2
    assert runs[0].out == runs[1].out
    assert runs[0].err == runs[1].err
    [line] = runs[0].err.splitlines()
    config = repo / ".xxgk-lint.yaml"
    assert line == (
        f"xxgk-lint: 插件 ./b.py ({config})：规则代码 ACM001 重复（已由 ./a.py ({config}) 声明）"
    )


# ---- --timeout stops a slow rule ----


@pytest.mark.parametrize(
    ("lang", "problem", "summary"),
    [
        (
            "en",
            "checking it took longer than the limit per file (--timeout 0.3 s); rule ACM001 "
            "(acme-rule) was running when the time ran out",
            "Checked 2 files: 2 errors, 0 warnings, 2 files not finished within --timeout.",
        ),
        (
            "zh",
            "处理时间超过了每个文件的时间限制（--timeout 0.3 秒），时间用完时规则 ACM001 "
            "(acme-rule) 正在运行",
            "检查了 2 个文件：2 个错误，0 个警告，2 个文件未在 --timeout 时限内检查完。",
        ),
    ],
)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_over_the_timeout_names_the_rule_that_was_running(
    repo: Path, capsys, lang: str, problem: str, summary: str, jobs: str
) -> None:
    # The rule is within its own rule-timeout (5 s), not within --timeout: the file was
    # read, its check did not finish; the slow rule is where to look, not the report.
    write(repo / "s.txt", wrong_total())
    write_plugin(repo, "acme.py", one_rule("import time\ntime.sleep(1.5)\nyield from ()"))
    argv = ["check", "--timeout", "0.3", "--lang", lang, "--jobs", jobs, "r.txt", "s.txt"]
    result = run_module(*argv, cwd=repo)
    assert result.code == 2
    xg001 = [line for line in result.out.splitlines() if " XG001 " in line]
    assert [line.endswith(problem) for line in xg001] == [True, True]
    assert [line.split(":", 1)[0] for line in xg001] == ["r.txt", "s.txt"]
    assert result.out.splitlines()[-1] == summary
    # on stderr with a machine format, as every XG001
    result = run_module(*argv[:-2], "--format", "json", "r.txt", cwd=repo)
    assert result.code == 2
    assert result.err.splitlines()[0].endswith(problem)


def test_a_file_unreadable_and_one_over_the_timeout_are_counted_apart(repo: Path) -> None:
    write(repo / "bad.txt", "")
    write_plugin(repo, "acme.py", one_rule("import time\ntime.sleep(1.5)\nyield from ()"))
    result = run_module(
        "check", "-q", "--timeout", "0.3", "--lang", "en", "r.txt", "bad.txt", cwd=repo
    )
    assert result.code == 2
    assert result.out.splitlines()[-1] == (
        "Checked 2 files: 2 errors, 0 warnings, 1 unreadable file, 1 file not finished within "
        "--timeout."
    )
    result = run_module(
        "export",
        "--timeout",
        "0.3",
        "--lang",
        "en",
        "-o",
        "cells.csv",
        "r.txt",
        "bad.txt",
        cwd=repo,
    )
    assert result.code == 2
    assert result.err.splitlines()[-1].endswith(
        "1 file unreadable, 1 file not finished within --timeout"
    )


def test_a_finding_past_the_end_in_chinese_and_the_rules_other_findings_kept(
    repo: Path, capsys
) -> None:
    body = (
        "from xxgk_lint.plugin import Span\n"
        "yield ctx.diagnostic(Span(9999, 5, 9999, 6))\n"
        "yield ctx.diagnostic(Span(9998, 1, 9998, 2))\n"
        f"yield ctx.diagnostic(Span({REPORT_LINES}, 1, {REPORT_LINES}, 2))"
    )
    write_plugin(repo, "acme.py", one_rule(body))
    result = run_main(capsys, "check", "--format", "json", "r.txt")
    assert result.code == 2
    assert result.err.splitlines() == [
        "xxgk-lint: r.txt: 规则 ACM001 (acme-rule) 的输出无效：2 条结果无效，第一条："
        f"位置 9999:5-9999:6 超出了文件末尾（文件共 {REPORT_LINES} 行）"
    ]
    # the finding on the last line is valid
    assert [d["line"] for d in result.diagnostics() if d["code"] == "ACM001"] == [REPORT_LINES]


def test_what_a_plugin_prints_at_import_is_said_once_with_jobs(repo: Path) -> None:
    # (a worker process has the run's modules: it does not import the plugin again)
    write(repo / "s.txt", wrong_total())
    write_plugin(
        repo,
        "acme.py",
        'print("loading acme")\n\n' + one_rule('print("checking", report.path)\nyield from ()'),
    )
    said = {}
    for jobs in ("1", "2"):
        result = run_module("check", "-q", "--jobs", jobs, "r.txt", "s.txt", cwd=repo)
        assert result.code == 1
        said[jobs] = sorted(result.err.splitlines())
    assert said["1"] == said["2"] == ["checking r.txt", "checking s.txt", "loading acme"]


def test_a_plugin_two_configs_name_is_imported_once_unless_it_changed(repo: Path, capsys) -> None:
    write_plugin(repo, "acme.py", 'print("loading acme")\n\n' + one_rule("yield from ()"))
    write(repo / "county" / "a.txt", wrong_total())
    write(repo / "county" / ".xxgk-lint.yaml", "plugins: [../acme.py]\nfail-on: warning\n")
    result = run_main(capsys, "check", "-q", "--trust-configs", "r.txt", "county")
    assert result.code == 1
    assert result.err.splitlines() == ["loading acme"]
    # changed since: imported again (as a new run of the command would)
    source = (repo / "acme.py").read_text()
    write(repo / "acme.py", source.replace('print("loading acme")', 'print("loading acme 2")'))
    result = run_main(capsys, "check", "-q", "r.txt")
    assert result.err.splitlines() == ["loading acme 2"]
