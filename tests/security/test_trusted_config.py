"""Code runs only from trusted configuration; a checked folder cannot switch the check off
unseen (issues 15 and 16).

The scene: a supervising office runs ``xxgk-lint check incoming/`` on reports other bodies
sent; ``incoming/`` may hold a ``.xxgk-lint.yaml`` written by whoever sent it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, PERIOD, edit, run_main, write, wrong_total
from tests.security.kit import assert_invariants, write_plugin

#: A plugin that leaves a marker file when it is imported, and one when its rule runs.
MARKING_PLUGIN = """
import pathlib

pathlib.Path({marker!r}).write_text("imported")


@make("EVL001", "evil-rule")
def evil(report, ctx):
    pathlib.Path({marker!r} + ".rule").write_text("ran")
    yield from ()


@hookimpl
def xxgk_lint_rules():
    return [evil]
"""


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The office's working directory, with ``incoming/`` holding a report and a plugin."""
    work = tmp_path / "office"
    work.mkdir()
    monkeypatch.chdir(work)
    write(work / "incoming" / "r.txt", wrong_total())
    return work


def marker_plugin(folder: Path, marker: Path, config: str = "") -> Path:
    return write_plugin(folder, "evil.py", MARKING_PLUGIN.format(marker=str(marker)), config=config)


def test_a_plugin_named_by_a_config_in_a_checked_folder_does_not_run(
    office: Path, tmp_path: Path, capsys
) -> None:
    marker = tmp_path / "MARKER"
    marker_plugin(office / "incoming", marker)
    result = run_main(capsys, "check", "--format", "json", "--lang", "en", "incoming")
    assert_invariants(result)
    assert not marker.exists()
    assert not Path(f"{marker}.rule").exists()
    assert result.code == 1  # the report's own findings, nothing else
    assert sorted(set(result.codes())) == ["XG201"]  # one wrong cell, one finding
    assert result.err.splitlines() == [
        "xxgk-lint: warning: incoming/.xxgk-lint.yaml: this config file is inside a checked "
        "folder, not in the working directory or above it: its 'plugins' not applied "
        "(use --trust-configs if you trust it)"
    ]
    assert result.json()["configs"] == [
        {"path": "incoming/.xxgk-lint.yaml", "trusted": False, "ignored": ["plugins"]}
    ]


def test_the_warning_is_in_chinese_by_default(office: Path, tmp_path: Path, capsys) -> None:
    marker_plugin(office / "incoming", tmp_path / "MARKER")
    result = run_main(capsys, "check", "--quiet", "incoming")
    assert result.err.splitlines()[0] == (
        "xxgk-lint: warning: incoming/.xxgk-lint.yaml：此配置文件位于被检查的文件夹中，"
        "不在当前目录或其上级，其中的 'plugins' 未采用（如信任此文件，请加 --trust-configs）"
    )
    assert not (tmp_path / "MARKER").exists()


def test_trust_configs_loads_the_plugin(office: Path, tmp_path: Path, capsys) -> None:
    marker = tmp_path / "MARKER"
    marker_plugin(office / "incoming", marker)
    result = run_main(capsys, "check", "--trust-configs", "--format", "json", "incoming")
    assert_invariants(result)
    assert marker.read_text() == "imported"
    assert Path(f"{marker}.rule").read_text() == "ran"
    assert result.err == ""
    assert result.json()["configs"] == [
        {"path": "incoming/.xxgk-lint.yaml", "trusted": False, "ignored": []}
    ]


def test_the_config_of_the_working_directory_is_trusted(
    office: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "MARKER"
    marker_plugin(office / "incoming", marker)
    monkeypatch.chdir(office / "incoming")
    result = run_main(capsys, "check", "--format", "json", "r.txt")
    assert marker.exists()
    assert result.json()["configs"] == [{"path": ".xxgk-lint.yaml", "trusted": True, "ignored": []}]


def test_a_config_above_the_working_directory_is_trusted(
    office: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "MARKER"
    marker_plugin(office, marker)
    monkeypatch.chdir(office / "incoming")
    result = run_main(capsys, "check", "--quiet", "r.txt")
    assert marker.exists()
    assert result.err == ""


def test_a_config_given_with_config_is_trusted(office: Path, tmp_path: Path, capsys) -> None:
    marker = tmp_path / "MARKER"
    marker_plugin(office / "incoming", marker)
    result = run_main(
        capsys, "check", "--config", "incoming/.xxgk-lint.yaml", "--quiet", "incoming"
    )
    assert marker.exists()
    assert result.err == ""


def test_limits_and_rule_timeout_of_an_untrusted_config_are_not_applied(
    office: Path, capsys
) -> None:
    write(
        office / "incoming" / ".xxgk-lint.yaml",
        "rule-timeout: 600\nlimits: {max-file-bytes: 999999999999}\nfail-on: error\n",
    )
    shown = run_main(capsys, "check", "--show-config", "--lang", "en", "incoming")
    assert shown.code == 0
    data = shown.json()
    assert data["trusted"] is False
    assert data["ignored"] == ["limits", "rule-timeout"]
    assert data["rule-timeout"] == 5.0
    assert data["limits"]["max-file-bytes"] == 50 * 1024 * 1024
    assert "its 'limits', 'rule-timeout' not applied" in shown.err


# ---- issue 16: the checked tree cannot switch the check off unseen ----


def test_exclude_everything_in_a_checked_folder_is_no_silent_pass(office: Path, capsys) -> None:
    write(office / "incoming" / ".xxgk-lint.yaml", 'exclude: ["*"]\n')
    result = run_main(capsys, "check", "--color", "never", "--lang", "en", "incoming")
    assert_invariants(result)
    assert result.code == 2
    assert result.out.splitlines() == [
        "run error: no report file found in incoming (extensions: .txt .md .html .htm .docx "
        ".pdf .doc .wps .ofd; see also 'exclude')",
        "",
        "Config files from the checked folders applied: incoming/.xxgk-lint.yaml.",
        "Checked 0 files: 0 errors, 0 warnings, 1 run error.",
    ]


def test_ignore_all_in_a_checked_folder_is_a_config_error(office: Path, capsys) -> None:
    write(office / "incoming" / ".xxgk-lint.yaml", "ignore: [ALL]\n")
    result = run_main(capsys, "check", "incoming")
    assert_invariants(result)
    assert result.code == 2
    assert result.err.strip() == (
        f"xxgk-lint: 配置错误：{office / 'incoming' / '.xxgk-lint.yaml'}："
        "'select' 选中的规则都被 'ignore' 排除了，不会检查任何内容"
    )


def test_a_lenient_fail_on_from_a_checked_folder_is_shown(office: Path, capsys) -> None:
    write(office / "incoming" / "w.txt", edit(CLEAN, PERIOD, ""))  # a warning only
    write(office / "incoming" / ".xxgk-lint.yaml", "severity: {ALL: info}\n")
    # the two reports are one body's for one year: XG604 (info) is not what this is about
    result = run_main(capsys, "check", "--quiet", "--lang", "en", "--ignore", "XG604", "incoming")
    assert result.code == 0
    assert result.out.splitlines() == [
        "Config files from the checked folders applied: incoming/.xxgk-lint.yaml.",
        "Checked 2 files: 0 errors, 0 warnings, 2 infos.",  # one wrong cell, one finding
    ]


def test_isolated_reads_no_config_file(office: Path, tmp_path: Path, capsys) -> None:
    marker = tmp_path / "MARKER"
    marker_plugin(office / "incoming", marker, config='exclude: ["*"]\nfail-on: info\n')
    result = run_main(capsys, "check", "--isolated", "--format", "json", "incoming")
    assert_invariants(result)
    assert not marker.exists()
    assert result.code == 1
    assert sorted(set(result.codes())) == ["XG201"]  # one wrong cell, one finding
    assert "configs" not in result.json()
    assert result.err == ""


def test_isolated_and_config_together_are_a_usage_error(office: Path, capsys) -> None:
    write(office / "c.yaml", "lang: en\n")
    result = run_main(capsys, "check", "--isolated", "--config", "c.yaml", "incoming")
    assert result.code == 2
    assert "xxgk-lint: error: --config and --isolated cannot be used together" in result.err


def test_isolated_rules_and_explain_ignore_the_working_directory_config(
    office: Path, tmp_path: Path, capsys
) -> None:
    marker = tmp_path / "MARKER"
    marker_plugin(office, marker, config="lang: en\n")
    listing = run_main(capsys, "rules", "--isolated")
    assert not marker.exists()
    assert "EVL001" not in listing.out
    assert next(line for line in listing.out.splitlines() if line.startswith("XG301 ")).endswith(
        "未说明统计期限"
    )


def test_a_broken_config_above_gives_parse_one_line(office: Path, capsys) -> None:
    config = write(office / ".xxgk-lint.yaml", "select: [XG2\n")
    result = run_main(capsys, "parse", "incoming/r.txt")
    assert_invariants(result)
    assert result.code == 2
    assert result.err.strip() == (
        f"xxgk-lint: 配置错误：{config}：YAML 格式错误（第 2 行第 1 列）："
        "应为“,”或“]”，实际是文件结尾（括号未闭合？）"
    )
    assert run_main(capsys, "parse", "--isolated", "incoming/r.txt").code == 0
