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
    run_module,
    write,
    wrong_total,
    wrong_total_position,
)
from xxgk_lint.engine.plugins import LocalPlugin, load_registry

HEADER = """\
from xxgk_lint.plugin import RuleDoc, hookimpl, rule

DOC = RuleDoc("what", "why", "bad", "good")


def make(code, name, run=False, messages=None, **more):
    return rule(
        code=code,
        name=name,
        severity="error",
        summary={"zh": "测试规则", "en": "a test rule"},
        messages=messages or {"zh": {"default": "测试"}, "en": {"default": "test"}},
        docs={"zh": DOC, "en": DOC},
        run=run, **more,
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


def syntax_error(source: str) -> str:
    """How this Python words the SyntaxError of ``source`` (it varies between versions)."""
    try:
        compile(source, "x.py", "exec")
    except SyntaxError as error:
        return f"SyntaxError: {error.msg}"
    raise AssertionError("the source compiles")


#: What fails to import, the line it fails on, and the problem.
IMPORT_FAILURES = {
    "syntax.py": (BROKEN_SYNTAX, 1, syntax_error(BROKEN_SYNTAX)),
    "imports.py": (
        "import json\nimport acme_dependency_that_is_not_installed\n",
        2,
        "ModuleNotFoundError: No module named 'acme_dependency_that_is_not_installed'",
    ),
    "raises.py": (
        "X = 1\n\n\ndef setup():\n    raise RuntimeError('misconfigured at import')\n\n\nsetup()\n",
        5,
        "RuntimeError: misconfigured at import",
    ),
}


@pytest.mark.parametrize("name", sorted(IMPORT_FAILURES))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_plugin_that_fails_to_import_is_named_with_its_file_and_line(
    repo: Path, capsys, name: str, lang: str
) -> None:
    body, line_number, error = IMPORT_FAILURES[name]
    plugin(repo, name, body, header=False)
    code, findings, lines = run_errors(capsys, "--lang", lang)
    assert code == 2
    assert_builtin_findings_survive(findings)
    [line] = lines
    config = repo / ".xxgk-lint.yaml"
    where = f"checks/{name}:{line_number}"
    if lang == "en":
        assert line == (
            f"xxgk-lint: {where}: local plugin ./checks/{name} ({config}) failed to import: {error}"
        )
    else:
        assert line == f"xxgk-lint: {where}: 本地插件 ./checks/{name} ({config}) 导入失败：{error}"


def test_a_plugin_that_fails_to_import_is_never_an_unknown_rule(repo: Path, capsys) -> None:
    """The config selects the broken plugin's rule: the error is the import failure, not
    "names no known rule 'QS001'; did you mean 'XG001'?"."""
    write(repo / "checks" / "qs.py", "import json\n\ndef broken(:\n    pass\n")
    write(repo / ".xxgk-lint.yaml", "plugins: [./checks/qs.py]\nselect: [QS001]\n")
    for argv in (("check", "r.txt"), ("check", "--show-config", "r.txt")):
        result = run_main(capsys, *argv)
        assert result.code == 2
        assert not has_traceback(result.err)
        line = one_line(result.err)
        assert line.startswith("xxgk-lint: checks/qs.py:3: 本地插件 ./checks/qs.py (")
        assert "did you mean" not in line and "XG001" not in line
    write(repo / ".xxgk-lint.yaml", "plugins: [./checks/qs.py]\nrules: {QS001: {limit: 3}}\n")
    result = run_main(capsys, "check", "--lang", "en", "r.txt")
    assert result.code == 2
    assert one_line(result.err).startswith(
        "xxgk-lint: checks/qs.py:3: local plugin ./checks/qs.py ("
    )


def test_show_config_fails_when_a_plugin_does_not_load(repo: Path, capsys) -> None:
    plugin(repo, "syntax.py", BROKEN_SYNTAX, header=False)
    result = run_main(capsys, "check", "--show-config", "--lang", "en", "r.txt")
    assert (result.code, result.out) == (2, "")
    assert one_line(result.err).endswith(f"failed to import: {syntax_error(BROKEN_SYNTAX)}")


def test_a_local_plugin_imports_the_modules_beside_it(repo: Path, capsys) -> None:
    write(repo / "checks" / "acme_words.py", 'WORD = "信息处理费"\n')
    plugin(
        repo,
        "acme.py",
        """
        import acme_words


        @make("AC001", "fee-word")
        def fee_word(report, ctx):
            if acme_words.WORD in report.section("other").text:
                yield ctx.diagnostic(report.title.span)


        @hookimpl
        def xxgk_lint_rules():
            return [fee_word]
        """,
    )
    code, findings, lines = run_errors(capsys, "--lang", "en")
    assert (code, lines) == (1, [])
    assert [(d["code"], d["line"], d["column"]) for d in findings if d["code"] == "AC001"] == [
        ("AC001", 1, 1)
    ]


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
    assert line.startswith("xxgk-lint: checks/syntax.py:1: local plugin ./checks/syntax.py (")
    assert line.endswith(f"failed to import: {syntax_error(BROKEN_SYNTAX)}")


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
        @make("CR001", "always-crashes")
        def always_crashes(report, ctx):
            yield from ()
            raise ZeroDivisionError("boom in the rule")


        @make("CR002", "quiet-rule")
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
    assert "CR002" in {d["code"] for d in findings}  # the plugin's other rule still ran
    at = line_of(repo / "checks" / "crash.py", 'raise ZeroDivisionError("boom in the rule")')
    assert line == (
        f"xxgk-lint: r.txt: rule CR001 (always-crashes) crashed at checks/crash.py:{at}: "
        "ZeroDivisionError: boom in the rule"
    )
    code, _, [line] = run_errors(capsys, "--lang", "zh")
    assert line == (
        f"xxgk-lint: r.txt: 规则 CR001 (always-crashes) 运行出错（checks/crash.py:{at}）："
        "ZeroDivisionError: boom in the rule"
    )


def line_of(path: Path, text: str) -> int:
    """The number of the line of ``path`` that holds ``text`` (once)."""
    [number] = [n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line]
    return number


CRASH_DEEP = """
    import json

    from xxgk_lint.plugin import Span


    def helper(text):
        return json.loads(text)  # raises in the standard library


    @make("CR004", "crashes-deep")
    def crashes_deep(report, ctx):
        yield from ()
        helper("{not json")


    @make("CR005", "misuses-the-context")
    def misuses(report, ctx):
        yield ctx.diagnostic(Span(1, 1, 1, 2), "no-such-message")  # raises in xxgk-lint


    @hookimpl
    def xxgk_lint_rules():
        return [crashes_deep, misuses]
    """


def test_a_crash_names_the_last_line_of_the_plugins_own_code(repo: Path, capsys) -> None:
    # The exception is raised in the standard library (json) or in xxgk-lint itself
    # (ctx.diagnostic): the line named is the plugin's own, where its author can look.
    path = plugin(repo, "deep.py", CRASH_DEEP)
    code, _, lines = run_errors(capsys, "--lang", "en")
    assert code == 2
    deep, misuse = line_of(path, "json.loads(text)"), line_of(path, '"no-such-message")')
    assert [line.split(": ", 3)[2] for line in lines] == [
        f"rule CR004 (crashes-deep) crashed at checks/deep.py:{deep}",
        f"rule CR005 (misuses-the-context) crashed at checks/deep.py:{misuse}",
    ]
    assert lines[0].endswith(
        "JSONDecodeError: Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1)"
    )


@pytest.mark.parametrize("how", ["--debug", "XXGK_LINT_DEBUG=1"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_debug_prints_a_crashing_rules_traceback(repo: Path, how: str, jobs: str) -> None:
    # (in a child process: with --jobs 2 the traceback is printed by a worker process)
    write(repo / "s.txt", wrong_total())
    path = plugin(repo, "deep.py", CRASH_DEEP)
    flags = ["--debug"] if how == "--debug" else []
    env = {"XXGK_LINT_DEBUG": "1"} if how != "--debug" else {}
    argv = ["check", "-q", "--lang", "en", "--select", "CR004", "--jobs", jobs, "r.txt", "s.txt"]
    result = run_module(*argv, *flags, cwd=repo, env=env)
    assert result.code == 2
    deep, call = line_of(path, "json.loads(text)"), line_of(path, 'helper("{not json")')
    said = [line for line in result.err.splitlines() if line.startswith("xxgk-lint: ")]
    crashed = [
        f"xxgk-lint: {name}: rule CR004 (crashes-deep) crashed at checks/deep.py:{deep}: "
        "JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 "
        "(char 1)"
        for name in ("r.txt", "s.txt")
    ]
    # each crash as it happens, with its traceback; and the run's lines, as without --debug
    assert sorted(said) == sorted([*crashed, *crashed])
    assert result.err.count("Traceback (most recent call last):") == 2
    traceback = result.err.split("Traceback (most recent call last):\n")[1]
    frames = [line.strip() for line in traceback.splitlines() if line.lstrip().startswith("File")]
    # from the rule's own call on: no frame of the runner
    assert frames[0] == f'File "{path}", line {call}, in crashes_deep'
    assert frames[1] == f'File "{path}", line {deep}, in helper'
    assert all("runner.py" not in frame for frame in frames)


def test_debug_is_the_commands_own(repo: Path, capsys) -> None:
    import os

    plugin(repo, "deep.py", CRASH_DEEP)
    assert "XXGK_LINT_DEBUG" not in os.environ
    result = run_main(capsys, "check", "-q", "--debug", "--select", "CR004", "r.txt")
    assert result.code == 2
    assert result.err.count("Traceback (most recent call last):") == 1
    assert "XXGK_LINT_DEBUG" not in os.environ  # put back as it was


def test_without_debug_no_traceback_is_printed(repo: Path, capsys) -> None:
    plugin(repo, "deep.py", CRASH_DEEP)
    result = run_main(capsys, "check", "-q", "--lang", "en", "--select", "CR004", "r.txt")
    assert result.code == 2
    assert not has_traceback(result.err)
    assert len(result.err.splitlines()) == 1


def test_a_whole_run_rule_that_raises(repo: Path, capsys) -> None:
    plugin(
        repo,
        "across.py",
        """
        @make("CR003", "crashes-across", run=True)
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
    at = line_of(repo / "checks" / "across.py", 'raise KeyError("no such year")')
    # no file made it fail: the line names the whole-run step, not the run's first file
    assert line == (
        "xxgk-lint: 规则 CR003 (crashes-across) 在比较多份报告的一步（1 份报告，不属于某一个文件）"
        f"运行出错（checks/across.py:{at}）：KeyError: 'no such year'"
    )


def test_a_whole_run_rule_that_crashes_is_not_blamed_on_a_file(repo: Path, capsys) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        write(repo / "reports" / name, wrong_total())
    path = plugin(
        repo,
        "across.py",
        """
        @make("CR003", "crashes-across", run=True)
        def crashes_across(reports, ctx):
            raise RuntimeError(f"{len(list(reports))} reports")


        @make("CR006", "crashes-per-body", run=True, per_body=True)
        def crashes_per_body(reports, ctx):
            raise RuntimeError("per body")


        @hookimpl
        def xxgk_lint_rules():
            return [crashes_across, crashes_per_body]
        """,
    )
    result = run_main(capsys, "check", "-q", "--lang", "en", "reports")
    assert result.code == 2
    across = line_of(path, 'raise RuntimeError(f"{len')
    body = line_of(path, 'raise RuntimeError("per body")')
    agency = "测试县人民政府"
    assert result.err.splitlines() == [
        "xxgk-lint: rule CR003 (crashes-across) in the whole-run step (3 reports compared, "
        f"not one file) crashed at checks/across.py:{across}: RuntimeError: 3 reports",
        f"xxgk-lint: rule CR006 (crashes-per-body) in the whole-run step (3 reports of {agency} "
        f"compared, not one file) crashed at checks/across.py:{body}: RuntimeError: per body",
    ]


def test_a_crashing_rule_is_reported_for_each_file(repo: Path, capsys) -> None:
    write(repo / "s.txt", wrong_total())
    plugin(
        repo,
        "crash.py",
        """
        @make("CR001", "always-crashes")
        def always_crashes(report, ctx):
            raise ValueError(report.path)


        @hookimpl
        def xxgk_lint_rules():
            return [always_crashes]
        """,
    )
    result = run_main(capsys, "check", "--format", "json", "--lang", "en", "r.txt", "s.txt")
    assert result.code == 2
    at = line_of(repo / "checks" / "crash.py", "raise ValueError(report.path)")
    assert result.err.splitlines() == [
        f"xxgk-lint: r.txt: rule CR001 (always-crashes) crashed at checks/crash.py:{at}: "
        "ValueError: r.txt",
        f"xxgk-lint: s.txt: rule CR001 (always-crashes) crashed at checks/crash.py:{at}: "
        "ValueError: s.txt",
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
            return ["AC001"]
        """,
        "TypeError: xxgk_lint_rules returned str, not a Rule",
    ),
    "duplicate-within": (
        """
        @make("AC001", "first-rule")
        def first(report, ctx):
            yield from ()


        @make("AC001", "second-rule")
        def second(report, ctx):
            yield from ()


        @hookimpl
        def xxgk_lint_rules():
            return [first, second]
        """,
        "rule code AC001 is declared twice",
    ),
    "duplicate-name": (
        """
        @make("AC001", "acme-rule")
        def first(report, ctx):
            yield from ()


        @make("AC002", "acme-rule")
        def second(report, ctx):
            yield from ()


        @hookimpl
        def xxgk_lint_rules():
            return [first, second]
        """,
        "rule name acme-rule is declared twice",
    ),
    "not-a-list": (
        """
        @hookimpl
        def xxgk_lint_rules():
            return 42
        """,
        "TypeError: xxgk_lint_rules returned int, not a list of Rule",
    ),
    "unmarked-hook": (
        """
        def xxgk_lint_rules():
            return []
        """,
        "xxgk_lint_rules is not marked @hookimpl (from xxgk_lint.plugin import hookimpl)",
    ),
    "misspelt-hook": (
        """
        @hookimpl
        def xxgk_lint_rule():
            return []
        """,
        "the @hookimpl function 'xxgk_lint_rule' is not a hook of xxgk-lint "
        "(hooks: xxgk_lint_rules); did you mean 'xxgk_lint_rules'?",
    ),
    "no-hook": (
        """
        RULES = []
        """,
        "it has no hook: mark its xxgk_lint_rules function with @hookimpl",
    ),
    "hook-with-arguments": (
        """
        @hookimpl
        def xxgk_lint_rules(config):
            return []
        """,
        "the hook xxgk_lint_rules takes the argument(s) config, which xxgk-lint does not "
        "give (arguments xxgk_lint_rules may take: none)",
    ),
    "xg-prefix": (
        """
        @make("XG777", "my-own-rule")
        def mine(report, ctx):
            yield from ()


        @hookimpl
        def xxgk_lint_rules():
            return [mine]
        """,
        "rule code XG777 takes the prefix XG, which is reserved for xxgk-lint's own rules",
    ),
    "metadata-made-by-hand": (
        """
        from xxgk_lint.plugin import Rule
        from xxgk_lint.engine.diagnostics import RuleMeta, Severity

        MINE = Rule(
            RuleMeta("AC001", "by-hand", Severity.ERROR, {"zh": "手写"},
                     {"zh": {"default": "x"}}, {"en": DOC}),
            check=lambda report, ctx: (),
        )


        @hookimpl
        def xxgk_lint_rules():
            return [MINE]
        """,
        "rule AC001 has no Chinese (zh) docs (a RuleDoc)",
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


def test_a_plugin_rule_taking_a_built_in_code_never_replaces_the_built_in(
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
    assert registry.errors == [
        "plugin ./dup.py (cfg): rule code XG201 takes the prefix XG, which is reserved for "
        "xxgk-lint's own rules"
    ]


# ---- what @rule refuses, at the line that declares the rule ----

#: (the @rule arguments after code and name, the problem) — each fails where it is written.
DECLARATION_FAILURES = {
    "code-not-flake8": (
        'code="ACME001", name="acme-rule", messages=MESSAGES, docs=DOCS',
        "rule code 'ACME001' is not a prefix of 1 to 3 capital letters and 3 digits "
        "(flake8 style, e.g. AC101)",
    ),
    "name-not-kebab": (
        'code="AC001", name="Acme_Rule", messages=MESSAGES, docs=DOCS',
        "rule name 'Acme_Rule' is not kebab-case",
    ),
    "no-chinese-messages": (
        'code="AC001", name="acme-rule", messages={"en": {"default": "x"}}, docs=DOCS',
        "rule AC001 has no Chinese (zh) messages",
    ),
    "unknown-language": (
        'code="AC001", name="acme-rule", messages={**MESSAGES, "cn": {"default": "x"}}, docs=DOCS',
        "rule AC001: messages has an unknown language 'cn' (languages: zh, en)",
    ),
    "positional-field": (
        'code="AC001", name="acme-rule", messages={"zh": {"default": "第{}行"}}, docs=DOCS',
        "rule AC001: message 'default' (zh): {} is not a field name "
        "(fields are plain names such as {row}; write {{ and }} for a brace)",
    ),
    "attribute-field": (
        'code="AC001", name="acme-rule", messages={"zh": {"default": "{report.path}"}}, docs=DOCS',
        "rule AC001: message 'default' (zh): {report.path} is not a field name "
        "(fields are plain names such as {row}; write {{ and }} for a brace)",
    ),
    "lone-brace": (
        'code="AC001", name="acme-rule", messages={"zh": {"default": "数量{"}}, docs=DOCS',
        "rule AC001: message 'default' (zh): Single '{' encountered in format string",
    ),
    "english-only-key": (
        'code="AC001", name="acme-rule", docs=DOCS, '
        'messages={"zh": {"default": "x"}, "en": {"default": "x", "extra": "y"}}',
        "rule AC001: message 'extra' exists in en but not in zh",
    ),
    "no-chinese-docs": (
        'code="AC001", name="acme-rule", messages=MESSAGES, docs={"en": DOC}',
        "rule AC001 has no Chinese (zh) docs (a RuleDoc)",
    ),
    "no-chinese-summary": (
        'code="AC001", name="acme-rule", messages=MESSAGES, docs=DOCS, summary={"en": "x"}',
        "rule AC001 has no Chinese (zh) summary",
    ),
    "bad-severity": (
        'code="AC001", name="acme-rule", messages=MESSAGES, docs=DOCS, severity="fatal"',
        "rule AC001: severity 'fatal' is not error, warning or info",
    ),
    "option-default-of-another-type": (
        'code="AC001", name="acme-rule", messages=MESSAGES, docs=DOCS, '
        'options=[RuleOption("limit", "three", "how many", type=int)]',
        "rule AC001: the default of option 'limit' must be of type int, not str 'three'",
    ),
    "option-twice": (
        'code="AC001", name="acme-rule", messages=MESSAGES, docs=DOCS, '
        'options=[RuleOption("limit", 3, "a"), RuleOption("limit", 4, "b")]',
        "rule AC001: option 'limit' is declared twice",
    ),
    "unknown-cell": (
        'code="AC001", name="acme-rule", messages=MESSAGES, docs=DOCS, '
        'uses=["proactve.licensing.decisions"]',
        "'proactve.licensing.decisions': no table 'proactve' "
        "(tables: proactive, applications, reviews); did you mean 'proactive'?",
    ),
}

#: A key of ``uses`` the model does not have, in a Chinese run: said as a YAML rule's
#: check says it (the keys there, the nearest one), in Chinese.
UNKNOWN_KEYS_ZH = {
    "proactive.licence.decisions": (
        "“proactive.licence.decisions”：表“proactive”没有行“licence”（行：regulations, "
        "normative_documents, licensing, penalties, enforcement, fees, other_services, "
        "procurement）；是否应为 'licensing'？"
    ),
    "proactve.licensing.decisions": (
        "“proactve.licensing.decisions”：没有表“proactve”（表：proactive, applications, "
        "reviews）；是否应为 'proactive'？"
    ),
    "applications.granted.totl": (
        "“applications.granted.totl”：行“granted”没有列“totl”（列：natural_person, "
        "business, research, public_interest, legal_service, other_org, total）；是否应为 'total'？"
    ),
    "applications.*.totl": (
        "“applications.*.totl”：表“applications”没有列“totl”（列：natural_person, business, "
        "research, public_interest, legal_service, other_org, total）；是否应为 'total'？"
    ),
    "proactive.xyzzy": (
        "“proactive.xyzzy”：表“proactive”没有行“xyzzy”（行：regulations, normative_documents, "
        "licensing, penalties, enforcement, fees, other_services, procurement）"
    ),
}


@pytest.mark.parametrize("key", sorted(UNKNOWN_KEYS_ZH))
def test_an_unknown_key_in_uses_is_said_in_the_runs_language(repo: Path, capsys, key: str) -> None:
    arguments = f'code="AC001", name="acme-rule", messages=MESSAGES, docs=DOCS, uses=["{key}"]'
    plugin(repo, "acme.py", DECLARING.format(arguments=arguments), header=False)
    code, _, [line] = run_errors(capsys, "--lang", "zh")
    assert code == 2
    config = repo / ".xxgk-lint.yaml"
    assert line == (
        f"xxgk-lint: checks/acme.py:9: 本地插件 ./checks/acme.py ({config}) 导入失败："
        f"UnknownKeyError: {UNKNOWN_KEYS_ZH[key]}"
    )


def test_docs_without_chinese_are_said_in_chinese(repo: Path, capsys) -> None:
    arguments = 'code="AC001", name="acme-rule", messages=MESSAGES, docs={"en": DOC}'
    plugin(repo, "acme.py", DECLARING.format(arguments=arguments), header=False)
    code, _, [line] = run_errors(capsys, "--lang", "zh")
    assert code == 2
    assert line.endswith(
        "导入失败：RuleDefinitionError: 规则 AC001 缺少中文（zh）docs（应为 RuleDoc）"
    )


DECLARING = """\
from xxgk_lint.plugin import RuleDoc, RuleOption, hookimpl, rule

DOC = RuleDoc("what", "why", "bad", "good")
DOCS = {{"zh": DOC, "en": DOC}}
MESSAGES = {{"zh": {{"default": "测试"}}, "en": {{"default": "test"}}}}
ARGS = {{"severity": "warning", "summary": {{"zh": "测试", "en": "test"}}}}


@rule(**{{**ARGS, **dict({arguments})}})
def mine(report, ctx):
    yield from ()


@hookimpl
def xxgk_lint_rules():
    return [mine]
"""


@pytest.mark.parametrize("case", sorted(DECLARATION_FAILURES))
def test_a_rule_registration_would_refuse_fails_at_its_declaration(
    repo: Path, capsys, case: str
) -> None:
    arguments, problem = DECLARATION_FAILURES[case]
    plugin(repo, "acme.py", DECLARING.format(arguments=arguments), header=False)
    code, findings, [line] = run_errors(capsys, "--lang", "en")
    assert code == 2
    assert_builtin_findings_survive(findings)
    config = repo / ".xxgk-lint.yaml"
    error = "UnknownKeyError" if case == "unknown-cell" else "RuleDefinitionError"
    assert line == (
        f"xxgk-lint: checks/acme.py:9: local plugin ./checks/acme.py ({config}) failed to "
        f"import: {error}: {problem}"
    )


# ---- what a finding must pass ----


def test_a_field_only_the_english_message_uses_fails_in_a_chinese_run_too(
    repo: Path, capsys
) -> None:
    plugin(
        repo,
        "acme.py",
        """
        @make("AC001", "acme-rule", messages={
            "zh": {"default": "第{row}行"}, "en": {"default": "row {row} ({english})"}})
        def mine(report, ctx):
            yield ctx.diagnostic(report.title.span, row=3)


        @hookimpl
        def xxgk_lint_rules():
            return [mine]
        """,
    )
    code, findings, [line] = run_errors(capsys, "--lang", "zh")
    assert code == 2
    assert_builtin_findings_survive(findings)
    at = line_of(repo / "checks" / "acme.py", "yield ctx.diagnostic(report.title.span, row=3)")
    assert line == (
        f"xxgk-lint: r.txt: 规则 AC001 (acme-rule) 运行出错（checks/acme.py:{at}）：MessageError: "
        "rule AC001: message 'default' uses {english}, which the rule did not pass"
    )


def test_a_message_key_the_rule_does_not_have(repo: Path, capsys) -> None:
    plugin(
        repo,
        "acme.py",
        """
        @make("AC001", "acme-rule")
        def mine(report, ctx):
            yield ctx.diagnostic(report.title.span, "missing")


        @hookimpl
        def xxgk_lint_rules():
            return [mine]
        """,
    )
    code, _, [line] = run_errors(capsys, "--lang", "en")
    assert code == 2
    assert line.endswith(
        "crashed at checks/acme.py:21: MessageError: rule AC001 has no message 'missing' "
        "(messages: 'default')"
    )


# ---- option values are checked when the config loads ----


OPTIONS_PLUGIN = """
from xxgk_lint.plugin import RuleOption

@rule(
    code="AC001", name="acme-rule", severity="warning",
    summary={"zh": "测试"}, messages={"zh": {"default": "测试"}}, docs={"zh": DOC},
    options=[
        RuleOption("limit", 3, "how many"),
        RuleOption("level", "warning", "how bad", choices=("error", "warning")),
    ],
)
def acme(report, ctx):
    yield from ()


@hookimpl
def xxgk_lint_rules():
    return [acme]
"""


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ("{limit: three}", "'rules.AC001.limit' must be of type int, not str 'three'"),
        ("{limit: true}", "'rules.AC001.limit' must be of type int, not bool True"),
        ("{level: fatal}", "'rules.AC001.level' must be one of error, warning, not 'fatal'"),
    ],
)
def test_show_config_rejects_a_bad_option_value(
    repo: Path, capsys, options: str, problem: str
) -> None:
    plugin(repo, "acme.py", OPTIONS_PLUGIN)
    config = write(
        repo / ".xxgk-lint.yaml", f"plugins: [./checks/acme.py]\nrules: {{AC001: {options}}}\n"
    )
    result = run_main(capsys, "check", "--show-config", "--lang", "en", "r.txt")
    assert (result.code, result.out) == (2, "")
    assert one_line(result.err) == f"xxgk-lint: config error: {config}: {problem}"


def test_show_config_accepts_good_option_values(repo: Path, capsys) -> None:
    plugin(repo, "acme.py", OPTIONS_PLUGIN)
    write(
        repo / ".xxgk-lint.yaml",
        "plugins: [./checks/acme.py]\nrules: {AC001: {limit: 5, level: Error}}\n",
    )
    result = run_main(capsys, "check", "--show-config", "r.txt")
    assert result.code == 0
    assert result.json()["rules"] == {"AC001": {"limit": 5, "level": "Error"}}


# ---- registration problems in the user's language ----

#: (plugin body, the zh problem, the en problem)
IN_BOTH_LANGUAGES = {
    "xg-prefix": (
        HOOK_FAILURES["xg-prefix"][0],
        "规则代码 XG777 使用了 XG 前缀，XG 留给 xxgk-lint 自己的规则",
        "rule code XG777 takes the prefix XG, which is reserved for xxgk-lint's own rules",
    ),
    "unmarked-hook": (
        HOOK_FAILURES["unmarked-hook"][0],
        "xxgk_lint_rules 没有标记 @hookimpl（from xxgk_lint.plugin import hookimpl）",
        "xxgk_lint_rules is not marked @hookimpl (from xxgk_lint.plugin import hookimpl)",
    ),
    "hook-with-arguments": (
        """
        @hookimpl
        def xxgk_lint_rules(config, report):
            return []
        """,
        "钩子 xxgk_lint_rules 的参数 config, report 无法提供（xxgk_lint_rules 可用的参数：无）",
        "the hook xxgk_lint_rules takes the argument(s) config, report, which xxgk-lint does "
        "not give (arguments xxgk_lint_rules may take: none)",
    ),
    "not-a-list": (
        HOOK_FAILURES["not-a-list"][0],
        "xxgk_lint_rules 出错：TypeError: xxgk_lint_rules 返回了 int，不是 Rule 的列表",
        "xxgk_lint_rules raised TypeError: xxgk_lint_rules returned int, not a list of Rule",
    ),
    "name-of-a-built-in-rule": (
        """
        @make("AC001", "row-sum")
        def mine(report, ctx):
            yield from ()


        @hookimpl
        def xxgk_lint_rules():
            return [mine]
        """,
        "规则名称 row-sum 是内置规则 XG201 的名称，请另取一个名称",
        "rule name row-sum is the name of the built-in rule XG201: choose another",
    ),
}


@pytest.mark.parametrize("case", sorted(IN_BOTH_LANGUAGES))
def test_registration_problems_are_said_in_the_users_language(
    repo: Path, capsys, case: str
) -> None:
    body, zh, en = IN_BOTH_LANGUAGES[case]
    plugin(repo, "acme.py", body)
    config = repo / ".xxgk-lint.yaml"
    code, _, [zh_line] = run_errors(capsys)
    assert code == 2
    separator = " 的 " if case == "not-a-list" else "："
    assert zh_line == f"xxgk-lint: 插件 ./checks/acme.py ({config}){separator}{zh}"
    code, _, [en_line] = run_errors(capsys, "--lang", "en")
    assert en_line == f"xxgk-lint: plugin ./checks/acme.py ({config}): {en}"


def test_a_rule_refused_by_rule_is_said_in_chinese(repo: Path, capsys) -> None:
    plugin(
        repo,
        "acme.py",
        """
        @make("AC1", "acme-rule")
        def mine(report, ctx):
            yield from ()
        """,
    )
    code, _, [line] = run_errors(capsys)
    assert code == 2
    assert line == (
        f"xxgk-lint: checks/acme.py:7: 本地插件 ./checks/acme.py ({repo / '.xxgk-lint.yaml'}) "
        "导入失败：RuleDefinitionError: 规则代码 'AC1' 应为 1 至 3 个大写字母加 3 位数字"
        "（flake8 风格，如 AC101）"
    )


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ("{limit: three}", "'rules.AC001.limit' 应为 int 类型，而不是 str 'three'"),
        ("{level: fatal}", "'rules.AC001.level' 应为 error, warning 之一，而不是 'fatal'"),
    ],
)
def test_a_bad_option_value_is_said_in_chinese_by_default(
    repo: Path, capsys, options: str, problem: str
) -> None:
    plugin(repo, "acme.py", OPTIONS_PLUGIN)
    config = write(
        repo / ".xxgk-lint.yaml", f"plugins: [./checks/acme.py]\nrules: {{AC001: {options}}}\n"
    )
    result = run_main(capsys, "check", "--show-config", "r.txt")
    assert (result.code, result.out) == (2, "")
    assert one_line(result.err) == f"xxgk-lint: 配置错误：{config}：{problem}"


def test_a_rule_that_replaces_stdout_keeps_the_next_rules_print_off_it(repo: Path, capsys) -> None:
    plugin(
        repo,
        "streams.py",
        """
        import io
        import sys

        TAKEN = io.StringIO()


        @make("PR001", "takes-stdout")
        def takes_stdout(report, ctx):
            sys.stdout = TAKEN  # and never puts it back
            return ()


        @make("PR002", "prints")
        def prints(report, ctx):
            print("said by PR002")
            yield ctx.diagnostic(report.title.span)


        @hookimpl
        def xxgk_lint_rules():
            return [takes_stdout, prints]
        """,
    )
    result = run_main(capsys, "check", "--format", "json", "r.txt")
    assert "said by PR002" in result.err  # to stderr, as every rule's print
    assert "PR002" in {d["code"] for d in result.diagnostics()}  # stdout: valid JSON


# ---- invalid output (XG009) is named on stderr like a run error, and counted ----

GARBAGE = """
@make("AE003", "garbage")
def garbage(report, ctx):
    yield None
    yield "text"


@hookimpl
def xxgk_lint_rules():
    return [garbage]
"""
GARBAGE_LINE = (
    "xxgk-lint: r.txt: rule AE003 (garbage) produced an invalid finding: "
    "2 findings are invalid; the first: yielded None, not a Diagnostic"
)


@pytest.mark.parametrize(
    ("argv", "closing"),
    [
        (("export", "-o", "cells.csv"), "wrote 200 rows of 1 file to cells.csv; "),
        (("report", "-o", "audit.html"), "wrote audit.html: 1 file, 0 pass, 1 fail; "),
        (("check", "-q"), None),
        (("check", "--format", "json"), None),
        (("check", "--format", "sarif"), None),
        (("check", "--format", "junit"), None),
        (("check", "--format", "gitlab"), None),
        (("check", "--format", "github"), None),
    ],
)
def test_a_plugin_error_is_named_on_stderr_and_counted(
    repo: Path, capsys, argv: tuple[str, ...], closing: str | None
) -> None:
    plugin(repo, "garbage.py", GARBAGE)
    result = run_main(capsys, *argv, "--lang", "en", "r.txt")
    assert result.code == 2
    lines = result.err.splitlines()
    assert lines[0] == GARBAGE_LINE
    if closing is not None:  # export, report: what was written, and why the exit is 2
        assert lines[1:] == [f"xxgk-lint: {closing}0 files unreadable, 1 plugin error"]
    elif "-q" in argv:
        assert lines[1:] == []
        assert result.out == "Checked 1 file: 2 errors, 0 warnings, 1 plugin error.\n"
    else:
        assert lines[1:] == []


def test_the_text_report_counts_plugin_errors_in_its_closing_line(repo: Path, capsys) -> None:
    plugin(repo, "garbage.py", GARBAGE)
    result = run_main(capsys, "check", "--lang", "zh", "r.txt")
    assert result.code == 2
    assert result.err == ""  # (the report shows the XG009 finding itself)
    assert "XG009 error: 规则 AE003 (garbage) 的输出无效" in result.out
    assert result.out.endswith("检查了 1 个文件：2 个错误，0 个警告，1 个插件错误。\n")


def test_plugin_errors_of_every_file_and_of_a_whole_run_rule_are_named(repo: Path, capsys) -> None:
    write(repo / "s.txt", wrong_total())
    plugin(
        repo,
        "both.py",
        """
        @make("AE003", "garbage")
        def garbage(report, ctx):
            yield 42


        @make("AE004", "garbage-across", run=True)
        def garbage_across(reports, ctx):
            yield "text"


        @hookimpl
        def xxgk_lint_rules():
            return [garbage, garbage_across]
        """,
    )
    result = run_main(capsys, "export", "--lang", "zh", "-o", "cells.csv", "r.txt", "s.txt")
    assert result.code == 2
    invalid = "的输出无效：产出了"
    assert result.err.splitlines() == [
        f"xxgk-lint: r.txt: 规则 AE003 (garbage) {invalid} int，而不是 Diagnostic",
        f"xxgk-lint: s.txt: 规则 AE003 (garbage) {invalid} int，而不是 Diagnostic",
        f"xxgk-lint: r.txt: 规则 AE004 (garbage-across) {invalid} str，而不是 Diagnostic",
        "xxgk-lint: 已写出 2 个文件的 400 行到 cells.csv；0 个文件无法读取，3 个插件错误",
    ]
