"""Every crash is exit 2 and one line naming the file, never a traceback (issue 16).

A crash is injected in a reader, the parser, a rule and a formatter; exit code 1 must
always mean findings, so that CI can tell a failing report from a broken tool.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.engine.reportkit import has_traceback, run_main, write, wrong_total


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", wrong_total())
    write(tmp_path / "r.txt", wrong_total())
    return tmp_path


def boom(*args, **kwargs):
    raise ZeroDivisionError("injected")


def inject(monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    if where == "reader":
        import xxgk_lint.sources.text

        monkeypatch.setattr(xxgk_lint.sources.text, "read_text", boom)
    elif where == "parser":
        import xxgk_lint.parse

        monkeypatch.setattr(xxgk_lint.parse, "parse_source", boom)
    elif where == "formatter":
        import xxgk_lint.formatters.json_format

        # The summary, written once every file is done (the findings stream before it).
        monkeypatch.setattr(xxgk_lint.formatters.json_format, "_summary", boom)


@pytest.mark.parametrize("where", ["reader", "parser", "formatter"])
def test_a_crash_is_one_line_naming_the_file_and_exit_2(
    repo: Path, capsys, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    inject(monkeypatch, where)
    result = run_main(capsys, "check", "--format", "json", ".")
    assert result.code == 2
    assert not has_traceback(result.err)
    [line] = result.err.splitlines()
    file = "" if where == "formatter" else "a.txt: "
    assert line == (
        f"xxgk-lint: error: {file}internal error: ZeroDivisionError: injected "
        "(run with --debug for the traceback)"
    )


def test_a_crash_in_a_rule_is_that_rule_crashing(
    repo: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from xxgk_lint_rules import arithmetic

    index = next(i for i, r in enumerate(arithmetic.RULES) if r.code == "XG201")
    rules = list(arithmetic.RULES)
    rules[index] = replace(rules[index], check=boom)
    monkeypatch.setattr(arithmetic, "RULES", rules)
    result = run_main(capsys, "check", "--format", "json", "--lang", "en", "r.txt")
    assert result.code == 2
    assert not has_traceback(result.err)
    # (the line named is the last one outside xxgk-lint's own code: here, the test's)
    at = f"{boom.__code__.co_filename}:{boom.__code__.co_firstlineno + 1}"
    assert result.err.splitlines() == [
        f"xxgk-lint: r.txt: rule XG201 (row-sum) crashed at {at}: ZeroDivisionError: injected"
    ]
    # The other rules still ran: the balance recorded its checks (the wrong cell's one
    # finding was the row-sum's, which crashed).
    (report,) = result.json()["reports"]
    assert {c["status"] for c in report["checks"] if c["rule"] == "XG203"} == {"pass", "fail"}


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_debug_prints_the_traceback(
    repo: Path, capsys, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    inject(monkeypatch, "parser")
    argv = ["check", "--debug", "a.txt"] if how == "flag" else ["check", "a.txt"]
    if how == "environment":
        monkeypatch.setenv("XXGK_LINT_DEBUG", "1")
    result = run_main(capsys, *argv)
    assert result.code == 2
    assert has_traceback(result.err)
    assert result.err.splitlines()[-1] == (
        "xxgk-lint: error: a.txt: internal error: ZeroDivisionError: injected"
    )


def test_an_internal_error_in_parse_and_rules_is_exit_2_too(
    repo: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xxgk_lint.cli.parse

    monkeypatch.setattr(xxgk_lint.cli.parse, "parse_source", boom)
    result = run_main(capsys, "parse", "a.txt")
    assert result.code == 2
    assert result.err.splitlines() == [
        "xxgk-lint: error: a.txt: internal error: ZeroDivisionError: injected "
        "(run with --debug for the traceback)"
    ]
    import xxgk_lint.cli.rules

    monkeypatch.setattr(xxgk_lint.cli.rules, "rules_table", boom)
    listing = run_main(capsys, "rules", "--format", "markdown")
    assert listing.code == 2
    assert listing.err.strip().endswith(
        "internal error: ZeroDivisionError: injected (run with --debug for the traceback)"
    )


def test_a_crash_in_a_child_process_exits_2(repo: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys, xxgk_lint.parse as p\n"
        "def boom(*a): raise MemoryError('injected')\n"
        "p.parse_source = boom\n"
        "from xxgk_lint.cli.main import main\n"
        "sys.exit(main(['check', 'r.txt']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert done.stderr == (
        "xxgk-lint: error: r.txt: internal error: MemoryError: injected "
        "(run with --debug for the traceback)\n"
    )
    assert done.stdout == ""


class Failed(BaseException):
    """What ``pytest.fail`` raises: not an Exception."""


def fail(*args, **kwargs):
    raise Failed("a plugin's own BaseException")


@pytest.mark.parametrize("where", ["reader", "parser"])
def test_a_base_exception_is_one_line_and_exit_2_too(
    repo: Path, capsys, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    monkeypatch.setattr(sys.modules[__name__], "boom", fail)
    inject(monkeypatch, where)
    result = run_main(capsys, "check", "a.txt")
    assert result.code == 2
    assert not has_traceback(result.err)
    assert result.err.splitlines() == [
        "xxgk-lint: error: a.txt: internal error: Failed: a plugin's own BaseException "
        "(run with --debug for the traceback)"
    ]
