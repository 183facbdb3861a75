"""The config is read safely and validated when loaded (issues 14 and 15).

An alias bomb fails fast, a key given twice is an error with its line, a bad rule option
fails ``--show-config`` already, a ``select`` that selects nothing is an error, and the new
keys (``rule-timeout``, ``limits``) are checked and used.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, run_main, write, wrong_total
from tests.security.kit import assert_invariants
from xxgk_lint.sources.limits import Limits


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "r.txt", wrong_total())
    return tmp_path


def config_error(capsys, repo: Path, text: str, *argv: str) -> str:
    """The one line of a config error for a config holding ``text``."""
    config = write(repo / ".xxgk-lint.yaml", text)
    result = run_main(capsys, "check", "--lang", "en", *argv, "r.txt")
    assert_invariants(result)
    assert result.code == 2
    assert result.out == ""
    [line] = result.err.splitlines()
    prefix = f"xxgk-lint: config error: {config}: "
    assert line.startswith(prefix), line
    return line.removeprefix(prefix)


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    lines = ["a0: &a0 [" + ", ".join(["x"] * width) + "]"]
    for level in range(1, levels + 1):
        aliases = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    lines.append(f"select: *a{levels}")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_fails_fast_in_one_line(repo: Path, capsys) -> None:
    start = time.perf_counter()
    line = config_error(capsys, repo, alias_bomb(), "--show-config")
    assert time.perf_counter() - start < 5  # it hung, growing past 1 GB; now milliseconds
    assert line == "aliases stand for more than 10000 values at line 5, column 10 (an alias bomb?)"


def test_an_alias_that_contains_itself_is_refused(repo: Path, capsys) -> None:
    line = config_error(capsys, repo, "rules: &r {XG003: *r}\n")
    assert line == "the alias *r at line 1, column 19 refers to a node that contains it"


def test_a_few_aliases_are_fine(repo: Path, capsys) -> None:
    write(repo / ".xxgk-lint.yaml", "ignore: &quiet [XG005]\nper-file-ignores: {'a*': *quiet}\n")
    result = run_main(capsys, "check", "--show-config", "r.txt")
    assert result.code == 0
    assert result.json()["per-file-ignores"] == {"a*": ["XG005"]}


def test_a_duplicate_key_is_an_error_with_both_lines(repo: Path, capsys) -> None:
    line = config_error(capsys, repo, "select: [XG2]\nlang: en\nselect: [XG3]\n")
    assert line == (
        "invalid YAML at line 3, column 1: duplicate key 'select' (first given at line 1)"
    )


def test_a_duplicate_key_in_a_nested_mapping_is_an_error(repo: Path, capsys) -> None:
    line = config_error(capsys, repo, "severity:\n  XG301: error\n  XG301: info\n")
    assert line == (
        "invalid YAML at line 3, column 3: duplicate key 'XG301' (first given at line 2)"
    )


def test_yaml_never_builds_objects(repo: Path, tmp_path: Path, capsys) -> None:
    marker = tmp_path / "MARKER"
    text = f"lang: !!python/object/apply:os.system ['touch {marker}']\n"
    line = config_error(capsys, repo, text)
    assert line.startswith("invalid YAML at line 1, column 7: could not determine a constructor")
    assert not marker.exists()


def test_a_huge_config_file_is_refused(repo: Path, capsys) -> None:
    line = config_error(capsys, repo, "# padding\n" * 7000 + "lang: en\n")
    assert line == "the config file is larger than 64 KiB"


def test_a_config_nested_too_deeply_is_one_line(repo: Path, capsys) -> None:
    line = config_error(capsys, repo, "rules: " + "[" * 3000 + "]" * 3000 + "\n")
    assert line == "invalid YAML: nested too deeply"


def test_a_named_pipe_or_device_as_config_is_named_never_waited_on(repo: Path, capsys) -> None:
    """A named pipe where a config file is found (planted in a checked folder), given with
    --config, or listed as a rule file, and a device given with --config: each is one line
    naming it, exit 2 — none is opened to wait for a writer or read without end."""
    import os

    os.mkfifo(repo / ".xxgk-lint.yaml")
    result = run_main(capsys, "check", "--lang", "en", "r.txt")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"xxgk-lint: config error: {repo / '.xxgk-lint.yaml'}: the config file is a named "
        "pipe (FIFO), not a regular file\n"
    )
    result = run_main(capsys, "check", "--lang", "en", "--config", "/dev/zero", "r.txt")
    assert result.code == 2
    assert result.err == (
        "xxgk-lint: config error: /dev/zero: the config file is a device, not a regular file\n"
    )
    os.unlink(repo / ".xxgk-lint.yaml")
    os.mkfifo(repo / "rules.yaml")
    write(repo / ".xxgk-lint.yaml", "plugins: ['./rules.yaml']\n")
    result = run_main(capsys, "check", "--lang", "en", "-q", "r.txt")
    assert result.code == 2
    assert "rules.yaml:1: the rule file is a named pipe (FIFO), not a regular file" in result.err


# ---- rule options: type and choices ----


def test_a_bad_rule_option_fails_show_config_naming_key_file_and_values(repo: Path, capsys) -> None:
    line = config_error(capsys, repo, "rules: {XG003: {regulations-row: fatal}}\n", "--show-config")
    assert line == (
        "'rules.XG003.regulations-row' must be one of error, warning, info, ignore, not 'fatal'"
    )


def test_an_option_value_in_another_case_is_accepted(repo: Path, capsys) -> None:
    write(repo / ".xxgk-lint.yaml", "rules: {missing-table-part: {regulations-row: Ignore}}\n")
    assert run_main(capsys, "check", "--show-config", "r.txt").code == 0


def test_a_plugin_option_of_the_wrong_type_is_a_config_error(repo: Path, capsys) -> None:
    from tests.security.kit import plugin_source

    write(
        repo / "acme.py",
        plugin_source(
            """
            from xxgk_lint.engine.diagnostics import RuleOption

            acme = rule(
                code="ACM001", name="acme-rule", severity="warning",
                summary={"zh": "测试"}, messages={"zh": {"default": "测试"}},
                docs={"zh": DOC},
                options=[RuleOption("limit", 3, "how many", type=int)],
            )(lambda report, ctx: iter(()))


            @hookimpl
            def xxgk_lint_rules():
                return [acme]
            """
        ),
    )
    line = config_error(capsys, repo, "plugins: [./acme.py]\nrules: {ACM001: {limit: 'three'}}\n")
    assert line == "'rules.ACM001.limit' must be of type int, not str 'three'"


# ---- select that selects nothing ----


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("select: []\n", "'select' selects no rule: nothing would be checked"),
        (
            "select: [XG2]\nignore: [XG2]\n",
            "'select' selects no rule that 'ignore' leaves: nothing would be checked",
        ),
    ],
)
def test_a_select_that_selects_nothing_is_a_config_error(
    repo: Path, capsys, text: str, message: str
) -> None:
    assert config_error(capsys, repo, text) == message


def test_an_empty_select_on_the_command_line_is_an_error(repo: Path, capsys) -> None:
    result = run_main(capsys, "check", "--select", ",", "--lang", "en", "r.txt")
    assert result.code == 2
    assert result.err.strip() == (
        "xxgk-lint: config error: command line: 'select' selects no rule: nothing would be checked"
    )


# ---- rule-timeout and limits ----


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rule-timeout: 0\n", "'rule-timeout' must be a positive number of seconds, not 0"),
        ("rule-timeout: fast\n", "'rule-timeout' must be a positive number of seconds, not 'fast'"),
        ("rule-timeout: .inf\n", "'rule-timeout' must be a finite number of seconds, not inf"),
        ("limits: 5\n", "'limits' must map limit names to numbers"),
        ("limits: {max-file-byte: 5}\n", "unknown limit 'limits.max-file-byte'"),
        ("limits: {max-lines: 0}\n", "'limits.max-lines' must be a positive whole number, not 0"),
        ("limits: {max-lines: 1.5}\n", "'limits.max-lines' must be a positive whole number"),
        ("limits: {max-lines: true}\n", "'limits.max-lines' must be a positive whole number"),
    ],
)
def test_bad_values_of_the_new_keys(repo: Path, capsys, text: str, message: str) -> None:
    assert message in config_error(capsys, repo, text)


def test_limits_and_rule_timeout_are_shown_with_their_defaults(repo: Path, capsys) -> None:
    write(repo / ".xxgk-lint.yaml", "rule-timeout: 2.5\nlimits: {max-lines: 5000}\n")
    data = run_main(capsys, "check", "--show-config", "r.txt").json()
    assert data["rule-timeout"] == 2.5
    defaults = Limits()
    assert data["limits"] == {
        name: (5000 if name == "max-lines" else getattr(defaults, name.replace("-", "_")))
        for name in Limits.option_names()
    }
    assert data["trusted"] is True


def test_the_limits_reach_the_reader(repo: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import xxgk_lint.sources

    seen: list[Limits] = []
    real = xxgk_lint.sources.read_source

    def spy(path, data=None, *, limits=xxgk_lint.sources.DEFAULT_LIMITS):
        seen.append(limits)
        return real(path, data, limits=limits)

    import xxgk_lint.cli.parse

    monkeypatch.setattr(xxgk_lint.sources, "read_source", spy)
    # parse imported the name when it was first loaded: patch it there too
    monkeypatch.setattr(xxgk_lint.cli.parse, "read_source", spy)
    write(repo / ".xxgk-lint.yaml", "limits: {max-file-bytes: 123456, max-pdf-pages: 7}\n")
    assert run_main(capsys, "check", "--quiet", "r.txt").code == 1
    assert run_main(capsys, "parse", "r.txt").code == 0
    assert [(x.max_file_bytes, x.max_pdf_pages, x.max_lines) for x in seen] == [
        (123456, 7, Limits().max_lines)
    ] * 2


def test_a_file_over_the_timeout_is_one_xg001_naming_the_limit(
    repo: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xxgk_lint.parse

    real = xxgk_lint.parse.parse_source

    def slow(source):
        if source.path.endswith("slow.txt"):
            while True:
                time.sleep(0.01)
        return real(source)

    monkeypatch.setattr(xxgk_lint.parse, "parse_source", slow)
    write(repo / "slow.txt", CLEAN)
    for lang, problem in (
        ("en", "checking it took longer than the limit per file (--timeout 0.3 s)"),
        ("zh", "处理时间超过了每个文件的时间限制（--timeout 0.3 秒）"),
    ):
        result = run_main(
            capsys, "check", "--timeout", "0.3", "--format", "json", "--lang", lang, "."
        )
        assert_invariants(result)
        assert result.code == 2
        by_file = {d["path"]: d for d in result.diagnostics() if d["code"] == "XG001"}
        assert list(by_file) == ["slow.txt"]
        assert by_file["slow.txt"]["message"].endswith(problem)
        assert "XG201" in {d["code"] for d in result.diagnostics() if d["path"] == "r.txt"}


@pytest.mark.parametrize("value", ["0", "-1", "soon", "inf"])
def test_a_bad_timeout_is_a_usage_error(repo: Path, capsys, value: str) -> None:
    result = run_main(capsys, "check", "--timeout", value, "r.txt")
    assert result.code == 2
    assert f"must be a positive number of seconds, not '{value}'" in result.err


def test_the_limits_table_of_the_docs_matches_the_defaults() -> None:
    from tests.conftest import ROOT

    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    table = text[text.index("| limit | default | bounds |") :].split("\n\n")[0]
    rows = [line.split("|")[1:3] for line in table.splitlines()[2:]]
    documented = {name.strip(" `"): int(value.split()[0].strip("`")) for name, value in rows}
    defaults = Limits()
    assert documented == {
        name: getattr(defaults, name.replace("-", "_")) for name in Limits.option_names()
    }


def test_a_control_character_in_a_config_is_a_config_error(repo: Path, capsys) -> None:
    """PyYAML refuses it when it makes its reader: once an internal error blaming the report."""
    line = config_error(capsys, repo, "select: [XG1]\n\x1b[2J: 1\n")
    assert line == (
        "invalid YAML: character #x001b at position 14 (special characters are not allowed)"
    )
