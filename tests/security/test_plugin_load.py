"""What a local plugin does while it loads cannot break a run or its files (issue 15).

* the modules a plugin imports from its folder are as safe from ``--output-file``,
  ``--write-baseline``, ``export -o`` and ``report -o`` as the plugin file itself;
* two plugin folders each with a helper of one name (``words.py``) are an error naming
  both files, not the second plugin silently using the first one's module;
* an import or a hook that never returns is stopped at ``rule-timeout``, one line naming
  the plugin; a thread a plugin leaves running does not keep the process alive.

Helper module names differ from test to test: tests that run in this process share its
``sys.modules``.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, run_main, run_module, write, wrong_total
from tests.security.kit import assert_invariants, plugin_source


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "r.txt", wrong_total())
    write(tmp_path / "reports" / "a.txt", CLEAN)
    return tmp_path


def word_rule(code: str, name: str, helper: str) -> str:
    """A plugin whose one rule reports ``{helper}.WORD`` (its folder's module) on the title."""
    return plugin_source(
        f"""
        import {helper}
        from xxgk_lint.engine.rule import rule

        @rule(
            code="{code}",
            name="{name}",
            severity="warning",
            summary={{"zh": "测试", "en": "test"}},
            messages={{"zh": {{"default": "{{w}}"}}, "en": {{"default": "{{w}}"}}}},
            docs={{"zh": DOC, "en": DOC}},
        )
        def word(report, ctx):
            yield ctx.diagnostic(report.title.span, w={helper}.WORD)

        @hookimpl
        def xxgk_lint_rules():
            return [word]
        """
    )


# ---- B: the modules a plugin loads from its folder are never overwritten ----

WRITERS = {
    "check --output-file": (["check", "--format", "json", "--output-file"], "--output-file"),
    "check --write-baseline": (["check", "--write-baseline"], "--write-baseline"),
    "export -o": (["export", "-o"], "-o"),
    "report -o": (["report", "-o"], "-o"),
}


@pytest.mark.parametrize("writer", list(WRITERS))
@pytest.mark.parametrize("helper", ["module", "package", "submodule"])
def test_a_module_the_plugin_imports_from_its_folder_is_never_overwritten(
    repo: Path, capsys, writer: str, helper: str
) -> None:
    argv, flag = WRITERS[writer]
    stem = f"acme_words_{helper}_{list(WRITERS).index(writer)}"
    target = {
        "module": f"checks/{stem}.py",
        "package": f"checks/{stem}/__init__.py",
        "submodule": f"checks/{stem}/lists.py",
    }[helper]
    write(repo / target, 'WORD = "本地词表"\n')
    if helper == "submodule":
        write(repo / "checks" / stem / "__init__.py", "from .lists import WORD\n")
    write(repo / "checks" / "acme.py", word_rule("ACM101", "acme-word", stem))
    write(repo / ".xxgk-lint.yaml", "plugins: [./checks/acme.py]\n")
    before = (repo / target).read_bytes()
    result = run_main(capsys, *argv, target, "--lang", "en", "reports")
    assert_invariants(result)
    assert result.code == 2
    assert result.out == ""
    assert result.err.splitlines() == [
        f"xxgk-lint: error: {flag} {target}: refused: that is a plugin file of this run "
        f"({repo / target})"
    ]
    assert (repo / target).read_bytes() == before


def test_another_file_of_the_plugin_folder_may_be_written(repo: Path, capsys) -> None:
    write(repo / "checks" / "acme_words_used.py", 'WORD = "x"\n')
    write(repo / "checks" / "acme.py", word_rule("ACM101", "acme-word", "acme_words_used"))
    write(repo / ".xxgk-lint.yaml", "plugins: [./checks/acme.py]\n")
    result = run_main(
        capsys, "check", "--format", "json", "--output-file", "checks/out.json", "reports"
    )
    assert result.code == 0, result.err
    assert '"ACM101"' in (repo / "checks" / "out.json").read_text(encoding="utf-8")


# ---- G: a helper module of one name in two plugin folders ----


def test_two_plugin_folders_with_a_helper_of_one_name_are_one_error_naming_both(
    repo: Path,
) -> None:
    for folder, code, word in (("county", "ACA101", "county-word"), ("town", "ACB101", "town")):
        write(repo / folder / "words.py", f"WORD = {word!r}\n")
        write(repo / folder / "rules.py", word_rule(code, f"{folder}-word", "words"))
    write(repo / ".xxgk-lint.yaml", "plugins: [./county/rules.py, ./town/rules.py]\n")
    result = run_module("check", "--quiet", "--lang", "en", "r.txt", cwd=repo)
    assert result.code == 2
    assert result.err.splitlines() == [
        f"xxgk-lint: local plugin ./town/rules.py ({repo / '.xxgk-lint.yaml'}): the module "
        "words of its folder (town/words.py) has the name of county/words.py, already loaded "
        "from another local plugin's folder; Python loads one module of a name, so the "
        "plugin would use the other file: rename one of them"
    ]
    chinese = run_module("check", "--quiet", "r.txt", cwd=repo)
    assert chinese.code == 2
    assert "town/words.py" in chinese.err and "county/words.py" in chinese.err


def test_helpers_of_different_names_or_one_folder_load_as_they_are(repo: Path) -> None:
    write(repo / "county" / "county_words.py", "WORD = 'county-word'\n")
    write(repo / "county" / "rules.py", word_rule("ACA101", "county-word", "county_words"))
    write(repo / "county" / "more.py", word_rule("ACC101", "county-more", "county_words"))
    write(repo / "town" / "town_words.py", "WORD = 'town-word'\n")
    write(repo / "town" / "rules.py", word_rule("ACB101", "town-word", "town_words"))
    write(
        repo / ".xxgk-lint.yaml",
        "plugins: [./county/rules.py, ./county/more.py, ./town/rules.py]\n",
    )
    result = run_module("check", "--format", "json", "r.txt", cwd=repo)
    assert result.code == 1, result.err
    found = {d["code"]: d["message"] for d in result.diagnostics() if d["code"].startswith("AC")}
    assert found == {"ACA101": "county-word", "ACC101": "county-word", "ACB101": "town-word"}


# ---- D: a plugin that blocks while it loads, or leaves a thread ----

FOREVER = "import time\nwhile True:\n    time.sleep(0.05)\n"


@pytest.mark.parametrize("where", ["import", "hook"])
def test_a_plugin_that_blocks_while_loading_is_stopped_at_rule_timeout(
    repo: Path, capsys, where: str
) -> None:
    if where == "import":
        source = FOREVER
    else:
        body = "\n".join("    " + line for line in FOREVER.splitlines())
        source = plugin_source(f"@hookimpl\ndef xxgk_lint_rules():\n{body}\n    return []\n")
    write(repo / "slow.py", source)
    write(repo / ".xxgk-lint.yaml", "plugins: [./slow.py]\nrule-timeout: 0.3\n")
    started = time.monotonic()
    result = run_main(capsys, "check", "--quiet", "--lang", "en", "r.txt")
    assert time.monotonic() - started < 10
    assert_invariants(result)
    assert result.code == 2
    label = f"./slow.py ({repo / '.xxgk-lint.yaml'})"
    expected = (
        f"local plugin {label}: loading it took longer than the time limit "
        "(rule-timeout 0.3 s) and was stopped"
        if where == "import"
        else f"plugin {label}: xxgk_lint_rules ran longer than the time limit "
        "(rule-timeout 0.3 s) and was stopped"
    )
    assert f"xxgk-lint: {expected}" in result.err.splitlines()
    chinese = run_main(capsys, "rules")
    assert "slow.py" in chinese.err and "rule-timeout 0.3 秒" in chinese.err


@pytest.mark.parametrize(("fmt", "jobs"), [("text", "1"), ("json", "1"), ("text", "2")])
def test_a_thread_the_plugin_leaves_running_does_not_keep_the_run_alive(
    repo: Path, fmt: str, jobs: str
) -> None:
    write(
        repo / "shipper.py",
        plugin_source(
            """
            import threading, time
            threading.Thread(target=time.sleep, args=(3600,)).start()

            @hookimpl
            def xxgk_lint_rules():
                return []
            """
        ),
    )
    write(repo / ".xxgk-lint.yaml", "plugins: [./shipper.py]\n")
    started = time.monotonic()
    write(repo / "s.txt", wrong_total())  # (with --jobs 2: a worker per file, each its thread)
    argv = ["check", "--jobs", jobs, "--format", fmt, "--lang", "en", "r.txt", "s.txt"]
    result = run_module(*argv, cwd=repo)
    assert time.monotonic() - started < 60
    assert result.code == 1, result.err
    # the whole output, flushed before the process ends
    if fmt == "text":
        assert result.out.count(": XG201 error: ") == 2
        assert result.out.endswith("Checked 2 files: 2 errors, 0 warnings, 2 infos.\n")
    else:
        assert result.codes().count("XG201") == 2
