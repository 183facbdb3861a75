"""Configuration: discovery, precedence, selectors, severities, options, and its errors.

Precedence, highest first: command-line flags, the nearest ``.xxgk-lint.yaml`` (or the
one given with ``--config``), built-in defaults. Every problem in a config file is one
line on stderr naming the file, and exit code 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, PERIOD, edit, run_main, write, wrong_total
from xxgk_lint.engine.config import Config

#: The 复议 row of table 四 with its 总计 printed 2 (1 + 0 + 0 + 0 = 1).
REVIEWS_ROW = "1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
#: One natural person's application counted under 予以公开 instead of 不掌握: two rows whose
#: totals do not agree, every column sum still holds (only XG201, no other identity).
GRANTED, NOT_HELD = "（一）予以公开 | 3 | 1 |", "1.本机关不掌握相关政府信息 | 1 | 1 |"
#: XG201 (two rows), XG204 (a review-sum; both errors) and XG301 (warning, no period).
MIXED = edit(
    edit(
        edit(
            edit(CLEAN, GRANTED, GRANTED.replace("| 3 |", "| 4 |")),
            NOT_HELD,
            NOT_HELD.replace("| 1 | 1 |", "| 0 | 1 |"),
        ),
        PERIOD,
        "",
    ),
    REVIEWS_ROW,
    REVIEWS_ROW.replace("| 1 | 0 |", "| 2 | 0 |", 1),
)
MIXED_CODES = ["XG201", "XG204", "XG301"]
#: Only XG301, a warning.
WARN_ONLY = edit(CLEAN, PERIOD, "")
#: Only XG003 (the 规章 row is missing), a warning by default.
NO_REGULATIONS = edit(CLEAN, "规章 | 0 | 0 | 0 |\n", "")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working directory: a report repository with no config file yet."""
    root = tmp_path / "repo"
    root.mkdir()
    monkeypatch.chdir(root)
    return root


def config(folder: Path, text: str, name: str = ".xxgk-lint.yaml") -> Path:
    return write(folder / name, text)


def codes(capsys: pytest.CaptureFixture[str], *argv: object) -> list[str]:
    result = run_main(capsys, "check", "--format", "json", *argv)
    assert result.code in (0, 1), result.output
    return sorted({d["code"] for d in result.diagnostics()})


def findings_by_file(capsys: pytest.CaptureFixture[str], *argv: object) -> dict[str, list[str]]:
    # The reports these tests write are all one body's for one year: XG604 would name them.
    result = run_main(capsys, "check", "--format", "json", "--ignore", "XG604", *argv)
    assert result.code in (0, 1), result.output
    out: dict[str, list[str]] = {}
    for d in result.diagnostics():
        out.setdefault(Path(d["path"]).as_posix(), []).append(d["code"])
    return {k: sorted(set(v)) for k, v in out.items()}


def shown(capsys: pytest.CaptureFixture[str], *argv: object) -> dict:
    result = run_main(capsys, "check", "--show-config", *argv)
    assert result.code == 0, result.output
    return result.json()


# ---- discovery ----


def test_without_a_config_file_every_rule_runs(repo: Path, capsys) -> None:
    write(repo / "r.txt", MIXED)
    assert codes(capsys, "r.txt") == MIXED_CODES
    assert shown(capsys, "r.txt") == Config().describe()


def test_the_nearest_config_file_wins(repo: Path, capsys) -> None:
    config(repo, "select: [XG2]\n")
    config(repo / "county", "select: [XG3]\n")
    write(repo / "r.txt", MIXED)
    write(repo / "county" / "2023" / "r.txt", MIXED)
    write(repo / "city" / "r.txt", MIXED)
    found = findings_by_file(capsys, "r.txt", "county/2023/r.txt", "city/r.txt")
    assert found == {
        "r.txt": ["XG201", "XG204"],
        "county/2023/r.txt": ["XG301"],
        "city/r.txt": ["XG201", "XG204"],
    }
    assert shown(capsys, "county/2023/r.txt")["config-file"] == str(
        repo / "county" / ".xxgk-lint.yaml"
    )


def test_the_nearest_file_is_not_merged_with_the_ones_above_it(repo: Path, capsys) -> None:
    config(repo, "ignore: [XG204]\nlang: en\n")
    config(repo / "county", "fail-on: warning\n")
    write(repo / "county" / "r.txt", MIXED)
    assert codes(capsys, "county/r.txt") == MIXED_CODES  # the parent's ignore is not used
    data = shown(capsys, "county/r.txt")
    assert (data["ignore"], data["lang"], data["fail-on"]) == ([], "zh", "warning")


def test_a_yml_file_is_found_too(repo: Path, capsys) -> None:
    config(repo, "select: [missing-period]\n", name=".xxgk-lint.yml")
    write(repo / "r.txt", MIXED)
    assert codes(capsys, "r.txt") == ["XG301"]


def test_the_config_is_found_from_the_files_directory_not_the_working_one(
    repo: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    config(repo / "reports", "select: [XG3]\n")
    write(repo / "reports" / "r.txt", MIXED)
    monkeypatch.chdir(repo.parent)
    assert codes(capsys, "repo/reports/r.txt") == ["XG301"]


def test_dash_dash_config_replaces_discovery(repo: Path, capsys) -> None:
    config(repo / "county", "select: [XG3]\n")
    explicit = config(repo / "ci", "select: [XG2]\n", name="strict.yaml")
    write(repo / "county" / "r.txt", MIXED)
    assert codes(capsys, "--config", explicit, "county/r.txt") == ["XG201", "XG204"]
    assert shown(capsys, "--config", explicit, "county/r.txt")["config-file"] == str(explicit)


def test_per_file_ignores_are_relative_to_the_config_file(
    repo: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    config(repo, "per-file-ignores:\n  'reports/old/*.txt': [XG3]\n")
    write(repo / "reports" / "old" / "r.txt", MIXED)
    write(repo / "reports" / "new" / "r.txt", MIXED)
    monkeypatch.chdir(repo / "reports")
    assert findings_by_file(capsys, "old/r.txt", "new/r.txt") == {
        "old/r.txt": ["XG201", "XG204"],
        "new/r.txt": MIXED_CODES,
    }


# ---- the command line over the file ----


def test_select_on_the_command_line_replaces_the_files(repo: Path, capsys) -> None:
    config(repo, "select: [XG3]\n")
    write(repo / "r.txt", MIXED)
    assert codes(capsys, "--select", "XG2", "r.txt") == ["XG201", "XG204"]
    assert shown(capsys, "--select", "XG2,row-sum", "r.txt")["select"] == ["XG2", "row-sum"]


def test_ignore_on_the_command_line_adds_to_the_files(repo: Path, capsys) -> None:
    config(repo, "ignore: [XG204]\n")
    write(repo / "r.txt", MIXED)
    assert codes(capsys, "r.txt") == ["XG201", "XG301"]
    assert codes(capsys, "--ignore", "XG301", "r.txt") == ["XG201"]
    assert shown(capsys, "--ignore", "XG301", "r.txt")["ignore"] == ["XG204", "XG301"]


def test_lang_on_the_command_line_overrides_the_file(repo: Path, capsys) -> None:
    config(repo, "lang: en\n")
    write(repo / "r.txt", WARN_ONLY)
    [english] = run_main(capsys, "check", "--format", "json", "r.txt").diagnostics()
    assert english["message"].startswith("the statistics period is not stated")
    [chinese] = run_main(capsys, "check", "--format", "json", "--lang", "zh", "r.txt").diagnostics()
    assert chinese["message"].startswith("未说明数据的统计期限")
    text = run_main(capsys, "check", "--color", "never", "r.txt")
    assert "Checked 1 file: 0 errors, 1 warning." in text.out


def test_fail_on_on_the_command_line_overrides_the_file(repo: Path, capsys) -> None:
    write(repo / "r.txt", WARN_ONLY)
    assert run_main(capsys, "check", "r.txt").code == 0
    assert run_main(capsys, "check", "--fail-on", "warning", "r.txt").code == 1
    config(repo, "fail-on: warning\n")
    assert run_main(capsys, "check", "r.txt").code == 1
    assert run_main(capsys, "check", "--fail-on", "error", "r.txt").code == 0


# ---- selectors: codes, prefixes, names, ALL ----

SELECTIONS = [
    (["XG301"], ["XG301"]),
    (["XG3"], ["XG301"]),
    (["missing-period"], ["XG301"]),
    (["XG20"], ["XG201", "XG204"]),
    (["row-sum", "XG3"], ["XG201", "XG301"]),
    (["ALL"], MIXED_CODES),
    (["XG"], MIXED_CODES),
]


@pytest.mark.parametrize(("selectors", "expected"), SELECTIONS)
def test_select_by_code_prefix_or_name(repo: Path, capsys, selectors, expected) -> None:
    write(repo / "r.txt", MIXED)
    assert codes(capsys, "--select", ",".join(selectors), "r.txt") == expected
    config(repo, f"select: [{', '.join(selectors)}]\n")
    assert codes(capsys, "r.txt") == expected


@pytest.mark.parametrize(("selectors", "removed"), SELECTIONS[:-2])
def test_ignore_by_code_prefix_or_name(repo: Path, capsys, selectors, removed) -> None:
    write(repo / "r.txt", MIXED)
    expected = [c for c in MIXED_CODES if c not in removed]
    assert codes(capsys, "--ignore", ",".join(selectors), "r.txt") == expected
    config(repo, f"ignore: [{', '.join(selectors)}]\n")
    assert codes(capsys, "r.txt") == expected


def test_a_comma_separated_string_is_a_list(repo: Path, capsys) -> None:
    config(repo, "select: 'XG201, missing-period'\n")
    write(repo / "r.txt", MIXED)
    assert codes(capsys, "r.txt") == ["XG201", "XG301"]


def test_a_lower_case_prefix_is_not_a_code_prefix(repo: Path, capsys) -> None:
    config(repo, "select: [xg3]\n")
    write(repo / "r.txt", MIXED)
    result = run_main(capsys, "check", "--lang", "en", "r.txt")
    assert result.code == 2
    assert "'select' names no known rule: 'xg3'" in result.err


def test_per_file_ignores_by_glob(repo: Path, capsys) -> None:
    config(
        repo,
        "per-file-ignores:\n  'archive/**': [XG2]\n  '*-draft.txt': [missing-period]\n",
    )
    write(repo / "archive" / "2019" / "r.txt", MIXED)
    write(repo / "current" / "r-draft.txt", MIXED)
    write(repo / "current" / "r.txt", MIXED)
    assert findings_by_file(capsys, ".") == {
        "archive/2019/r.txt": ["XG301"],
        "current/r-draft.txt": ["XG201", "XG204"],
        "current/r.txt": MIXED_CODES,
    }


# ---- severities and fail-on ----


def test_severity_override_makes_a_warning_fail(repo: Path, capsys) -> None:
    write(repo / "r.txt", WARN_ONLY)
    assert run_main(capsys, "check", "r.txt").code == 0
    config(repo, "severity:\n  XG301: error\n")
    result = run_main(capsys, "check", "--format", "json", "r.txt")
    assert result.code == 1
    [finding] = result.diagnostics()
    assert (finding["code"], finding["severity"]) == ("XG301", "error")


def test_severity_by_prefix_and_the_most_specific_selector_wins(repo: Path, capsys) -> None:
    config(repo, "severity:\n  XG2: warning\n  XG204: info\n  ALL: error\n")
    write(repo / "r.txt", MIXED)
    result = run_main(capsys, "check", "--format", "json", "r.txt")
    levels = {d["code"]: d["severity"] for d in result.diagnostics()}
    assert levels == {"XG201": "warning", "XG204": "info", "XG301": "error"}
    assert result.code == 1


def test_severity_by_name(repo: Path, capsys) -> None:
    config(repo, "severity:\n  row-sum: warning\n  balance: warning\n")
    write(repo / "r.txt", wrong_total())
    result = run_main(capsys, "check", "--format", "json", "r.txt")
    assert {d["severity"] for d in result.diagnostics()} == {"warning"}
    assert result.code == 0


def test_fail_on_warning_makes_warnings_fail(repo: Path, capsys) -> None:
    write(repo / "r.txt", WARN_ONLY)
    config(repo, "fail-on: warning\n")
    assert run_main(capsys, "check", "r.txt").code == 1


def test_fail_on_info_makes_info_findings_fail(repo: Path, capsys) -> None:
    write(repo / "r.txt", WARN_ONLY)
    config(repo, "severity: {XG301: info}\n")
    assert run_main(capsys, "check", "r.txt").code == 0
    config(repo, "severity: {XG301: info}\nfail-on: warning\n")
    assert run_main(capsys, "check", "r.txt").code == 0
    config(repo, "severity: {XG301: info}\nfail-on: info\n")
    assert run_main(capsys, "check", "r.txt").code == 1


# ---- rule options ----


@pytest.mark.parametrize(
    ("value", "severity", "code"),
    [(None, "warning", 0), ("error", "error", 1), ("info", "info", 0), ("ignore", None, 0)],
)
def test_xg003_regulations_row_option(repo: Path, capsys, value, severity, code) -> None:
    write(repo / "r.txt", NO_REGULATIONS)
    if value is not None:
        config(repo, f"rules:\n  XG003:\n    regulations-row: {value}\n")
    result = run_main(capsys, "check", "--format", "json", "r.txt")
    assert result.code == code
    found = result.diagnostics()
    if severity is None:
        assert found == []
    else:
        [finding] = found
        assert (finding["code"], finding["severity"], finding["line"]) == ("XG003", severity, 8)
        assert "缺少“规章”行" in finding["message"]


def test_rule_options_by_rule_name(repo: Path, capsys) -> None:
    write(repo / "r.txt", NO_REGULATIONS)
    config(repo, "rules:\n  missing-table-part: {regulations-row: ignore}\n")
    assert codes(capsys, "r.txt") == []


# ---- extensions and exclude (directory walks) ----


def test_extensions_and_exclude_shape_the_directory_walk(repo: Path, capsys) -> None:
    config(repo, "extensions: [rpt, .txt]\nexclude: ['drafts/*', 'skip-*.txt']\n")
    write(repo / "a.rpt", MIXED)
    write(repo / "b.txt", WARN_ONLY)
    write(repo / "c.md", MIXED)  # not in extensions
    write(repo / "skip-me.txt", MIXED)
    write(repo / "drafts" / "d.txt", MIXED)
    found = findings_by_file(capsys, ".")
    assert found == {"a.rpt": MIXED_CODES, "b.txt": ["XG301"]}
    data = shown(capsys, ".")
    assert data["extensions"] == [".rpt", ".txt"]
    assert data["exclude"] == ["drafts/*", "skip-*.txt"]


def test_a_file_named_on_the_command_line_is_read_whatever_its_ending(repo: Path, capsys) -> None:
    config(repo, "extensions: [.txt]\n")
    write(repo / "report.data", MIXED)
    assert codes(capsys, "report.data") == MIXED_CODES


# ---- --show-config ----


def test_show_config_prints_the_merged_config(repo: Path, capsys) -> None:
    cfg = config(
        repo,
        "select: [XG2, XG3]\n"
        "ignore: [XG204]\n"
        "severity: {XG301: error}\n"
        "per-file-ignores: {'old/*': [XG2]}\n"
        "lang: en\n"
        "fail-on: warning\n"
        "rules: {XG003: {regulations-row: info}}\n",
    )
    write(repo / "r.txt", MIXED)
    data = shown(capsys, "--ignore", "XG201", "--fail-on", "error", "r.txt")
    assert data == {
        **Config().describe(),
        "config-file": str(cfg),
        "select": ["XG2", "XG3"],
        "ignore": ["XG204", "XG201"],
        "severity": {"XG301": "error"},
        "per-file-ignores": {"old/*": ["XG2"]},
        "lang": "en",
        "fail-on": "error",
        "rules": {"XG003": {"regulations-row": "info"}},
    }


def test_show_config_of_a_directory(repo: Path, capsys) -> None:
    config(repo / "county", "lang: en\n")
    assert shown(capsys, "county")["lang"] == "en"
    assert shown(capsys, ".")["config-file"] is None


# ---- errors: one line, naming the file, exit 2 ----

CONFIG_ERRORS = {
    "unknown-key": ("selct: [XG2]\n", "unknown key 'selct'; did you mean 'select'?"),
    "unknown-key-far": ("colour: red\n", "unknown key 'colour'"),
    "unknown-selector": ("select: [XG9]\n", "'select' names no known rule: 'XG9'"),
    "misspelt-name": ("ignore: [row-sun]\n", "did you mean 'row-sum'?"),
    "unknown-severity-selector": ("severity: {XG999: error}\n", "'severity' names no known rule"),
    "unknown-pfi-selector": (
        "per-file-ignores: {'*.txt': [nope]}\n",
        "'per-file-ignores.*.txt' names no known rule: 'nope'",
    ),
    "bad-lang": ("lang: fr\n", "'lang' must be one of zh, en, not 'fr'"),
    "bad-fail-on": ("fail-on: never\n", "'fail-on' must be one of error, warning, info"),
    "bad-severity": ("severity: {XG301: fatal}\n", "'severity.XG301' must be one of"),
    "invalid-yaml": ("select: [XG2\n", "invalid YAML at line 2"),
    "not-a-mapping": ("- XG201\n", "the config must be a mapping"),
    "not-a-list": ("select: 3\n", "'select' must be a list of strings"),
    "unknown-option": (
        "rules: {XG003: {regulation-row: error}}\n",
        "rule XG003 has no option 'regulation-row' (options: regulations-row); "
        "did you mean 'regulations-row'?",
    ),
    "option-of-optionless-rule": ("rules: {XG201: {x: 1}}\n", "rule XG201 has no option 'x'"),
    "options-of-unknown-rule": ("rules: {XG999: {x: 1}}\n", "'rules.XG999' names no known rule"),
}


@pytest.mark.parametrize("case", sorted(CONFIG_ERRORS))
def test_a_config_error_is_one_line_naming_the_file(repo: Path, capsys, case: str) -> None:
    text, fragment = CONFIG_ERRORS[case]
    cfg = config(repo, text)
    write(repo / "r.txt", MIXED)
    result = run_main(capsys, "check", "--lang", "en", "r.txt")
    assert result.code == 2
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith(f"xxgk-lint: config error: {cfg}: "), lines[0]
    assert fragment in lines[0]


#: The same errors in a Chinese run (the default): the whole line is Chinese.
CONFIG_ERRORS_ZH = {
    "unknown-key": "未知的键 'selct'；是否应为 'select'？",
    "unknown-selector": "'select' 中的 'XG9' 不是已知的规则；是否应为 'XG009'？",
    "bad-lang": "'lang' 应为 zh、en 之一，而不是 'fr'",
    "invalid-yaml": "YAML 格式错误（第 2 行第 1 列）：应为“,”或“]”，实际是文件结尾（括号未闭合？）",
    "not-a-mapping": "配置应为键到值的映射",
    "not-a-list": "'select' 应为文本列表",
    "unknown-option": "规则 XG003 没有选项 'regulation-row'（选项：regulations-row）；"
    "是否应为 'regulations-row'？",
    "options-of-unknown-rule": "'rules.XG999' 不是已知的规则；是否应为 'XG009'？",
}


@pytest.mark.parametrize("case", sorted(CONFIG_ERRORS_ZH))
def test_a_config_error_is_said_in_chinese_by_default(repo: Path, capsys, case: str) -> None:
    cfg = config(repo, CONFIG_ERRORS[case][0])
    write(repo / "r.txt", MIXED)
    result = run_main(capsys, "check", "r.txt")
    assert (result.code, result.out) == (2, "")
    assert result.err.splitlines() == [f"xxgk-lint: 配置错误：{cfg}：{CONFIG_ERRORS_ZH[case]}"]


def test_a_config_error_stops_rules_and_explain_too(repo: Path, capsys) -> None:
    cfg = config(repo, "selct: [XG2]\n")
    for argv in (("rules",), ("explain", "XG201")):
        result = run_main(capsys, *argv, "--lang", "en")
        assert result.code == 2
        assert result.err.strip() == (
            f"xxgk-lint: config error: {cfg}: unknown key 'selct'; did you mean 'select'?"
        )
        zh = run_main(capsys, *argv)
        assert (
            zh.err.strip() == f"xxgk-lint: 配置错误：{cfg}：未知的键 'selct'；是否应为 'select'？"
        )


def test_an_unknown_selector_on_the_command_line(repo: Path, capsys) -> None:
    write(repo / "r.txt", MIXED)
    result = run_main(capsys, "check", "--select", "XG9", "--lang", "en", "r.txt")
    assert result.code == 2
    assert result.err.strip() == (
        "xxgk-lint: config error: command line: 'select' names no known rule: 'XG9'; "
        "did you mean 'XG009'?"
    )


# ---- regressions: each of these was a bug once ----


def test_show_config_validates_the_selectors(repo: Path, capsys) -> None:
    config(repo, "select: [XG9]\n")
    write(repo / "r.txt", MIXED)
    result = run_main(capsys, "check", "--show-config", "r.txt")
    assert result.code == 2
    assert "'select' 中的 'XG9' 不是已知的规则" in result.err


def test_a_config_file_created_between_two_runs_is_seen(repo: Path) -> None:
    from xxgk_lint.engine.config import Overrides
    from xxgk_lint.engine.runner import run_check

    write(repo / "r.txt", MIXED)
    first = run_check(["r.txt"], Overrides())
    assert sorted({d.code for d in first.diagnostics}) == MIXED_CODES
    config(repo, "select: [XG3]\n")
    second = run_check(["r.txt"], Overrides())
    assert sorted({d.code for d in second.diagnostics}) == ["XG301"]


def test_exclude_is_relative_to_the_config_file(
    repo: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    config(repo, "exclude: ['drafts/*']\n")
    write(repo / "drafts" / "d.txt", MIXED)
    write(repo / "ok.txt", WARN_ONLY)
    assert findings_by_file(capsys, ".") == {"ok.txt": ["XG301"]}
    monkeypatch.chdir(repo.parent)
    assert findings_by_file(capsys, "repo") == {"repo/ok.txt": ["XG301"]}


def test_xg001_cannot_be_switched_off(repo: Path, capsys) -> None:
    write(repo / "empty.txt", "")
    for flags in (("--ignore", "XG001"), ("--select", "XG2")):
        result = run_main(capsys, "check", "--format", "json", *flags, "empty.txt")
        assert result.code == 2
        assert result.codes() == ["XG001"]


def test_a_bad_command_line_selector_is_not_blamed_on_the_config_file(repo: Path, capsys) -> None:
    config(repo, "lang: zh\n")
    write(repo / "r.txt", MIXED)
    for flag, key in (("--select", "select"), ("--ignore", "ignore")):
        result = run_main(capsys, "check", flag, "XG9", "r.txt")
        assert result.code == 2
        assert result.err.strip() == (
            f"xxgk-lint: 配置错误：命令行：'{key}' 中的 'XG9' 不是已知的规则；是否应为 'XG009'？"
        )


def test_fail_on_of_each_files_config_applies_whatever_the_order(repo: Path, capsys) -> None:
    config(repo / "strict", "fail-on: warning\n")
    write(repo / "strict" / "r.txt", WARN_ONLY)
    write(repo / "lax" / "r.txt", WARN_ONLY)
    assert run_main(capsys, "check", "strict/r.txt", "lax/r.txt").code == 1
    assert run_main(capsys, "check", "lax/r.txt", "strict/r.txt").code == 1


def test_config_lang_applies_to_explain_and_rules(repo: Path, capsys) -> None:
    config(repo, "lang: en\n")
    assert run_main(capsys, "explain", "XG301").out.startswith(
        "XG301 missing-period: The statistics period is not stated"
    )
    assert run_main(capsys, "explain", "XG301", "--lang", "zh").out.startswith(
        "XG301 missing-period: 未说明统计期限"
    )
    listing = run_main(capsys, "rules").out.splitlines()
    assert next(line for line in listing if line.startswith("XG301 ")).endswith(
        "The statistics period is not stated"
    )


ACME_RULE = """\
rules:
  - code: AC101
    name: licensing-reported
    severity: warning
    message: {zh: 行政许可决定数量不应为0, en: the licensing count must not be 0}
    check: proactive.licensing.decisions > 0
"""


@pytest.mark.parametrize("order", [("b.txt", "county"), ("county", "b.txt"), (".",)])
@pytest.mark.parametrize("key", ["select", "ignore"])
def test_a_rule_on_the_command_line_a_folders_own_config_does_not_load(
    repo: Path, capsys, order: tuple[str, ...], key: str
) -> None:
    # The county's config is the nearest of its files and applies whole: it does not add
    # the rule file of the config above. The rule is known to the run: the line says which
    # config has it and which does not, and why — not that it is unknown.
    write(repo / "checks" / "acme.yaml", ACME_RULE)
    config(repo, "plugins: [./checks/acme.yaml]\n")
    write(repo / "b.txt", wrong_total())
    write(repo / "county" / "a.txt", wrong_total())
    write(repo / "county" / ".xxgk-lint.yaml", "fail-on: warning\n")
    result = run_main(capsys, "check", f"--{key}", "AC101", "--lang", "en", *order)
    assert result.code == 2
    assert result.out == ""
    assert result.err.splitlines() == [
        f"xxgk-lint: config error: command line: '{key}' names 'AC101', a rule of "
        ".xxgk-lint.yaml that county/.xxgk-lint.yaml does not have: county/.xxgk-lint.yaml is "
        "the nearest config of county/a.txt (and of every file under county/) and applies "
        "whole, without the plugins of .xxgk-lint.yaml"
    ]
    result = run_main(capsys, "check", f"--{key}", "AC101", *order)
    assert result.err.splitlines() == [
        f"xxgk-lint: 配置错误：命令行：'{key}' 中的 'AC101' 是 .xxgk-lint.yaml 的规则，"
        "county/.xxgk-lint.yaml 中没有：county/.xxgk-lint.yaml 是 county/a.txt（及 county/ 下"
        "每个文件）最近的配置，整体生效，不继承 .xxgk-lint.yaml 的 plugins"
    ]
    # the file alone: the rule is there
    assert run_main(capsys, "check", "-q", f"--{key}", "AC101", "b.txt").code != 2


def test_a_rule_on_the_command_line_a_checked_folders_config_did_not_load(
    repo: Path, capsys
) -> None:
    # Its own plugins name the rule, but a config inside a checked folder loads none.
    write(repo / "county" / "checks" / "acme.yaml", ACME_RULE)
    write(repo / "county" / "a.txt", wrong_total())
    write(repo / "county" / ".xxgk-lint.yaml", "plugins: [./checks/acme.yaml]\n")
    result = run_main(capsys, "check", "--select", "AC101", "--lang", "en", "county")
    assert result.code == 2
    assert result.err.splitlines()[-1] == (
        "xxgk-lint: config error: command line: 'select' names no known rule: 'AC101'; "
        "did you mean 'XG101'? (county/.xxgk-lint.yaml is inside a checked folder: its plugins were not loaded; "
        "see --trust-configs)"
    )
    result = run_main(capsys, "check", "--select", "AC101", "county")
    assert result.err.splitlines()[-1] == (
        "xxgk-lint: 配置错误：命令行：'select' 中的 'AC101' 不是已知的规则；是否应为 'XG101'？"
        "（county/.xxgk-lint.yaml 位于被检查的文件夹中，其插件未加载；见 --trust-configs）"
    )
    assert (
        run_main(capsys, "check", "-q", "--trust-configs", "--select", "AC101", "county").code == 0
    )
