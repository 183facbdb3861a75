"""Broken plugins: each is reported in one line by name, the other rules still run, exit 2.

The report used has a wrong total, so the built-in XG201 must still be found whatever the
plugin does.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pluggy
import pytest

from tests.engine.reportkit import (
    has_traceback,
    run_main,
    write,
    wrong_total,
    wrong_total_position,
)
from xxgk_lint.engine.plugins import LocalPlugin, load_registry

HEADER = """\
from xxgk_lint.engine.diagnostics import RuleDoc
from xxgk_lint.engine.hookspecs import hookimpl
from xxgk_lint.engine.rule import rule

DOC = RuleDoc("what", "why", "bad", "good")


def make(code, name, run=False, messages=None):
    return rule(
        code=code,
        name=name,
        severity="error",
        summary={"zh": "测试规则", "en": "a test rule"},
        messages=messages or {"zh": {"default": "测试"}, "en": {"default": "test"}},
        docs={"zh": DOC, "en": DOC},
        run=run,
    )
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "r.txt", wrong_total())
    return tmp_path


def plugin(repo: Path, name: str, body: str, header: bool = True) -> Path:
    """Write ``name`` and name it (alone) in the config."""
    text = (HEADER + "\n\n" if header else "") + textwrap.dedent(body)
    path = write(repo / "checks" / name, text)
    write(repo / ".xxgk-lint.yaml", f"plugins: [./checks/{name}]\n")
    return path


def run_errors(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict], list[str]]:
    """Check r.txt as JSON: the exit code, the findings, and the run errors on stderr."""
    result = run_main(capsys, "check", "--format", "json", *argv, "r.txt")
    assert not has_traceback(result.err), result.err
    lines = result.err.splitlines()
    assert result.json()["summary"]["run_errors"] == [
        line.removeprefix("xxgk-lint: ") for line in lines
    ]
    return result.code, result.diagnostics(), lines


def one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


def assert_builtin_findings_survive(findings: list[dict]) -> None:
    line, column = wrong_total_position(wrong_total())
    row_sum = [d for d in findings if d["code"] == "XG201"]
    assert [(d["line"], d["column"]) for d in row_sum] == [(line, column)]


# ---- plugins that cannot be imported ----

BROKEN_SYNTAX = "def broken(:\n    pass\n"


def syntax_error(source: str, filename: str) -> str:
    """How this Python words the SyntaxError of ``source`` (it varies between versions)."""
    try:
        compile(source, filename, "exec")
    except SyntaxError as error:
        return f"SyntaxError: {error}"
    raise AssertionError("the source compiles")


IMPORT_FAILURES = {
    "syntax.py": (BROKEN_SYNTAX, syntax_error(BROKEN_SYNTAX, "syntax.py")),
    "imports.py": (
        "import acme_dependency_that_is_not_installed\n",
        "ModuleNotFoundError: No module named 'acme_dependency_that_is_not_installed'",
    ),
    "raises.py": (
        "raise RuntimeError('misconfigured at import')\n",
        "RuntimeError: misconfigured at import",
    ),
}


@pytest.mark.parametrize("name", sorted(IMPORT_FAILURES))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_plugin_that_fails_to_import(repo: Path, capsys, name: str, lang: str) -> None:
    body, error = IMPORT_FAILURES[name]
    plugin(repo, name, body, header=False)
    code, findings, lines = run_errors(capsys, "--lang", lang)
    assert code == 2
    assert_builtin_findings_survive(findings)
    [line] = lines
    config = repo / ".xxgk-lint.yaml"
    if lang == "en":
        assert (
            line == f"xxgk-lint: local plugin ./checks/{name} ({config}) failed to import: {error}"
        )
    else:
        assert line == f"xxgk-lint: 本地插件 ./checks/{name} ({config}) 导入失败：{error}"


def test_a_plugin_file_that_does_not_exist(repo: Path, capsys) -> None:
    write(repo / ".xxgk-lint.yaml", "plugins: [./checks/nowhere.py]\n")
    code, findings, [line] = run_errors(capsys, "--lang", "en")
    assert code == 2
    assert_builtin_findings_survive(findings)
    assert "./checks/nowhere.py" in line
    assert f"FileNotFoundError: no such file: {repo / 'checks' / 'nowhere.py'}" in line


def test_a_plugin_module_that_is_not_installed(repo: Path, capsys) -> None:
    write(repo / ".xxgk-lint.yaml", "plugins: [acme_rules_not_installed]\n")
    code, findings, [line] = run_errors(capsys, "--lang", "en")
    assert code == 2
    assert_builtin_findings_survive(findings)
    assert line.startswith("xxgk-lint: local plugin acme_rules_not_installed (")
    assert line.endswith("No module named 'acme_rules_not_installed'")


def test_the_text_report_shows_the_broken_plugin_once_and_no_traceback(repo: Path, capsys) -> None:
    plugin(repo, "syntax.py", BROKEN_SYNTAX, header=False)
    result = run_main(capsys, "check", "--color", "never", "--lang", "en", "r.txt")
    assert result.code == 2
    assert not has_traceback(result.output)
    mentions = [line for line in result.output.splitlines() if "./checks/syntax.py" in line]
    assert len(mentions) == 1
    assert "SyntaxError" in mentions[0]
    assert "XG201 error" in result.out
    assert "1 run error" in result.out


def test_quiet_still_says_which_plugin_failed(repo: Path, capsys) -> None:
    plugin(repo, "syntax.py", BROKEN_SYNTAX, header=False)
    result = run_main(capsys, "check", "--quiet", "--lang", "en", "r.txt")
    assert result.code == 2
    assert result.out.strip() == "Checked 1 file: 1 error, 0 warnings, 1 run error."
    line = one_line(result.err)
    assert line.startswith("xxgk-lint: local plugin ./checks/syntax.py (")
    assert line.endswith(f"failed to import: {syntax_error(BROKEN_SYNTAX, 'syntax.py')}")


def test_rules_lists_the_other_rules_and_names_the_broken_plugin(repo: Path, capsys) -> None:
    plugin(repo, "imports.py", "import acme_dependency_that_is_not_installed\n", header=False)
    result = run_main(capsys, "rules", "--lang", "en")
    assert result.code == 2
    assert "XG201" in result.out
    assert "./checks/imports.py" in result.err and "ModuleNotFoundError" in result.err
    assert not has_traceback(result.err)


# ---- rules that crash ----


def test_a_rule_that_raises_while_checking(repo: Path, capsys) -> None:
    plugin(
        repo,
        "crash.py",
        """
        @make("CRASH001", "always-crashes")
        def always_crashes(report, ctx):
            yield from ()
            raise ZeroDivisionError("boom in the rule")


        @make("CRASH002", "quiet-rule")
        def quiet_rule(report, ctx):
            yield ctx.diagnostic(report.title.span)


        @hookimpl
        def xxgk_lint_rules():
            return [always_crashes, quiet_rule]
        """,
    )
    code, findings, [line] = run_errors(capsys, "--lang", "en")
    assert code == 2
    assert_builtin_findings_survive(findings)
    assert "CRASH002" in {d["code"] for d in findings}  # the plugin's other rule still ran
    assert line == (
        "xxgk-lint: r.txt: rule CRASH001 (always-crashes) crashed: "
        "ZeroDivisionError: boom in the rule"
    )


def test_a_whole_run_rule_that_raises(repo: Path, capsys) -> None:
    plugin(
        repo,
        "across.py",
        """
        @make("CRASH003", "crashes-across", run=True)
        def crashes_across(reports, ctx):
            raise KeyError("no such year")


        @hookimpl
        def xxgk_lint_rules():
            return [crashes_across]
        """,
    )
    code, findings, [line] = run_errors(capsys, "--lang", "zh")
    assert code == 2
    assert_builtin_findings_survive(findings)
    assert "规则 CRASH003 (crashes-across) 运行出错：KeyError: 'no such year'" in line


def test_a_crashing_rule_is_reported_for_each_file(repo: Path, capsys) -> None:
    write(repo / "s.txt", wrong_total())
    plugin(
        repo,
        "crash.py",
        """
        @make("CRASH001", "always-crashes")
        def always_crashes(report, ctx):
            raise ValueError(report.path)


        @hookimpl
        def xxgk_lint_rules():
            return [always_crashes]
        """,
    )
    result = run_main(capsys, "check", "--format", "json", "--lang", "en", "r.txt", "s.txt")
    assert result.code == 2
    assert result.err.splitlines() == [
        "xxgk-lint: r.txt: rule CRASH001 (always-crashes) crashed: ValueError: r.txt",
        "xxgk-lint: s.txt: rule CRASH001 (always-crashes) crashed: ValueError: s.txt",
    ]
    assert sorted({d["path"] for d in result.diagnostics()}) == ["r.txt", "s.txt"]


# ---- hooks that return wrong things ----

HOOK_FAILURES = {
    "hook-raises": (
        """
        @hookimpl
        def xxgk_lint_rules():
            raise RuntimeError("cannot build the rules")
        """,
        "xxgk_lint_rules raised RuntimeError: cannot build the rules",
    ),
    "not-a-rule": (
        """
        @hookimpl
        def xxgk_lint_rules():
            return ["ACME001"]
        """,
        "TypeError: xxgk_lint_rules returned str, not a Rule",
    ),
    "duplicate-within": (
        """
        @make("ACME001", "first-rule")
        def first(report, ctx):
            yield from ()


        @make("ACME001", "second-rule")
        def second(report, ctx):
            yield from ()


        @hookimpl
        def xxgk_lint_rules():
            return [first, second]
        """,
        "rule code ACME001 is declared twice",
    ),
    "duplicate-name": (
        """
        @make("ACME001", "acme-rule")
        def first(report, ctx):
            yield from ()


        @make("ACME002", "acme-rule")
        def second(report, ctx):
            yield from ()


        @hookimpl
        def xxgk_lint_rules():
            return [first, second]
        """,
        "rule name acme-rule is declared twice",
    ),
    "bad-code": (
        """
        @make("acme-1", "bad-code")
        def mine(report, ctx):
            yield from ()


        @hookimpl
        def xxgk_lint_rules():
            return [mine]
        """,
        "rule code 'acme-1' is not letters followed by digits",
    ),
    "bad-name": (
        """
        @make("ACME001", "Bad_Name")
        def mine(report, ctx):
            yield from ()


        @hookimpl
        def xxgk_lint_rules():
            return [mine]
        """,
        "rule name 'Bad_Name' is not kebab-case",
    ),
    "no-chinese": (
        """
        @make("ACME001", "english-only", messages={"en": {"default": "x"}})
        def mine(report, ctx):
            yield from ()


        @hookimpl
        def xxgk_lint_rules():
            return [mine]
        """,
        "rule ACME001 has no Chinese (zh) messages",
    ),
}


@pytest.mark.parametrize("case", sorted(HOOK_FAILURES))
def test_a_hook_that_returns_something_wrong(repo: Path, capsys, case: str) -> None:
    body, problem = HOOK_FAILURES[case]
    plugin(repo, "acme.py", body)
    code, findings, [line] = run_errors(capsys, "--lang", "en")
    assert code == 2
    assert_builtin_findings_survive(findings)
    assert line.startswith(f"xxgk-lint: plugin ./checks/acme.py ({repo / '.xxgk-lint.yaml'}): ")
    assert problem in line


def test_a_duplicate_of_a_built_in_code_is_an_error_naming_it(repo: Path, capsys) -> None:
    plugin(
        repo,
        "dup.py",
        """
        @make("XG201", "my-row-sum")
        def mine(report, ctx):
            yield from ()


        @hookimpl
        def xxgk_lint_rules():
            return [mine]
        """,
    )
    code, _findings, [line] = run_errors(capsys, "--lang", "en")
    assert code == 2
    assert "rule code XG201 is declared twice" in line


def test_a_duplicate_of_a_built_in_code_never_replaces_the_built_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path / "dup.py",
        HEADER
        + textwrap.dedent(
            """
            @make("XG201", "my-row-sum")
            def mine(report, ctx):
                yield from ()


            @hookimpl
            def xxgk_lint_rules():
                return [mine]
            """
        ),
    )

    def last_registered_first(manager: pluggy.PluginManager) -> list[object]:
        # One of the orders a set may yield, made certain instead of left to chance.
        return [plugin for _, plugin in reversed(manager.list_name_plugin())]

    monkeypatch.setattr(pluggy.PluginManager, "get_plugins", last_registered_first)
    registry = load_registry([LocalPlugin("./dup.py", tmp_path, "cfg")], "en")
    assert registry.rules["XG201"].name == "row-sum"
    [error] = registry.errors
    assert error.startswith("plugin ./dup.py (cfg): rule code XG201 is declared twice")
