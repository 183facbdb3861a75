"""examples/local-plugin: an agency's own rules in a .py file named by its config.

Each test works in a fresh copy of the example, so the example itself is what is tested
and is never touched.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.engine.reportkit import edit, has_traceback, locate, run_main, run_module, write

EXAMPLE = ROOT / "examples" / "local-plugin"
REPORT = Path("reports") / "2023年政府信息公开工作年度报告.txt"
TITLE = "2023年政府信息公开工作年度报告"


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "local-plugin"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.chdir(copy)
    return copy


def report_text(example: Path) -> str:
    return (example / REPORT).read_text(encoding="utf-8")


def test_the_example_has_its_parts() -> None:
    assert (EXAMPLE / "acme_rules.py").is_file()
    assert (EXAMPLE / REPORT).is_file()
    config = (EXAMPLE / ".xxgk-lint.yaml").read_text(encoding="utf-8")
    assert "plugins:\n  - ./acme_rules.py" in config


def test_check_finds_both_rules_at_their_positions(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = report_text(example)
    result = run_main(capsys, "check", "--format", "json", "reports")
    assert result.code == 1  # AC001 is made an error by the example's config
    found = {d["code"]: d for d in result.diagnostics()}
    assert sorted(found) == ["AC001", "AC002"]  # the report passes every built-in rule

    title = found["AC001"]
    assert title["path"] == str(REPORT)
    assert (title["line"], title["column"]) == locate(text, TITLE) == (3, 1)
    assert title["end_line"] == 3
    assert title["end_column"] == 1 + len(TITLE)
    assert title["name"] == "title-names-agency"
    assert title["severity"] == "error"
    assert title["message"] == f"标题“{TITLE}”未写明发布报告的机关名称"

    fee = found["AC002"]
    assert (fee["line"], fee["column"]) == locate(text, "六、其他需要报告的事项")
    assert (fee["name"], fee["severity"]) == ("fee-word", "warning")
    assert fee["expected"] == "信息处理费"
    assert (
        fee["message"] == "第六部分“其他需要报告的事项”应使用“信息处理费”一词说明本年度的收费情况"
    )


def test_python_dash_m_loads_the_plugin_in_a_child_process(example: Path) -> None:
    result = run_module("check", "--lang", "en", "--color", "never", "reports", cwd=example)
    assert result.code == 1, result.output
    assert (
        f"{REPORT}:3:1: AC001 error: the title '{TITLE}' does not name the agency "
        "that publishes the report"
    ) in result.out
    assert "AC002 warning: section 六 (other matters) should state the fees" in result.out
    assert "Checked 1 file: 1 error, 1 warning." in result.out
    assert not has_traceback(result.err)


def test_the_plugin_path_is_relative_to_the_config_file(
    example: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(example.parent)
    # Run from above the example, its config is inside the checked folder: trusted only
    # when asked (tests/security covers the refusal).
    result = run_main(
        capsys,
        "check",
        "--trust-configs",
        "--format",
        "json",
        f"local-plugin/{REPORT.as_posix()}",
    )
    assert result.code == 1
    assert sorted(result.codes()) == ["AC001", "AC002"]
    explicit = run_main(
        capsys,
        "check",
        "--config",
        "local-plugin/.xxgk-lint.yaml",
        "--format",
        "json",
        f"local-plugin/{REPORT.as_posix()}",
    )
    assert (explicit.code, sorted(explicit.codes())) == (1, ["AC001", "AC002"])


def test_a_fixed_report_passes(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = report_text(example)
    text = edit(text, f"\n{TITLE}", f"\n青山县审计局{TITLE}")
    text = edit(text, "未发生收费情况", "未收取信息处理费")
    write(example / REPORT, text)
    result = run_main(capsys, "check", "--format", "json", "reports")
    assert (result.code, result.diagnostics()) == (0, [])


def test_options_from_the_config(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        example / ".xxgk-lint.yaml",
        "plugins: [./acme_rules.py]\n"
        "rules:\n"
        "  AC002: {word: 收费}\n"
        "  title-names-agency: {agency: 青山县审计局}\n",
    )
    text = edit(report_text(example), f"\n{TITLE}", f"\n白水县审计局{TITLE}")
    write(example / REPORT, text)
    result = run_main(capsys, "check", "--format", "json", "reports")
    [finding] = result.diagnostics()  # 未发生收费情况 has the word 收费
    assert finding["code"] == "AC001"
    assert finding["severity"] == "warning"  # the rule's default: no severity override now
    assert finding["message"] == f"标题“白水县审计局{TITLE}”未写明本机关名称“青山县审计局”"
    assert (finding["expected"], finding["actual"]) == ("青山县审计局", "白水县审计局")
    assert result.code == 0


def test_an_unknown_option_of_a_plugin_rule_is_a_config_error(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write(
        example / ".xxgk-lint.yaml", "plugins: [./acme_rules.py]\nrules: {AC002: {wrod: x}}\n"
    )
    result = run_main(capsys, "check", "--lang", "en", "reports")
    assert result.code == 2
    assert result.err.strip() == (
        f"xxgk-lint: config error: {config}: rule AC002 has no option 'wrod' "
        "(options: word); did you mean 'word'?"
    )
    zh = run_main(capsys, "check", "reports")
    assert zh.err.strip() == (
        f"xxgk-lint: 配置错误：{config}：规则 AC002 没有选项 'wrod'（选项：word）；是否应为 'word'？"
    )


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (("--select", "AC0"), ["AC001", "AC002"]),
        (("--select", "title-names-agency"), ["AC001"]),
        (("--ignore", "fee-word"), ["AC001"]),
        (("--ignore", "AC0"), []),
        (("--select", "XG"), []),
    ],
)
def test_plugin_rules_are_selected_like_built_in_ones(
    example: Path, capsys: pytest.CaptureFixture[str], flags: tuple[str, str], expected: list[str]
) -> None:
    result = run_main(capsys, "check", "--format", "json", *flags, "reports")
    assert sorted(result.codes()) == expected


def test_rules_lists_the_plugin_rules(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_main(capsys, "rules", "--lang", "en")
    assert result.code == 0
    lines = {line.split()[0]: line for line in result.out.splitlines() if line.strip()}
    assert lines["AC001"].split()[1:3] == ["title-names-agency", "warning"]
    assert lines["AC001"].endswith("The report title names the agency")
    assert lines["AC002"].split()[1:3] == ["fee-word", "warning"]
    assert "XG201" in lines  # next to the built-in rules

    data = run_main(capsys, "rules", "--format", "json").json()
    [acme] = [r for r in data["rules"] if r["code"] == "AC002"]
    # its file, as a YAML rule's origin is (not the module name xxgk-lint made up for it)
    assert acme["origin"] == "acme_rules.py"
    assert acme["options"] == [
        {
            "name": "word",
            "default": "信息处理费",
            "description": "The word section 六 must contain.",
        }
    ]


@pytest.mark.parametrize("wanted", ["AC001", "title-names-agency"])
def test_explain_prints_the_plugin_rule_doc(
    example: Path, capsys: pytest.CaptureFixture[str], wanted: str
) -> None:
    zh = run_main(capsys, "explain", wanted)
    assert zh.code == 0
    assert zh.out.startswith(
        "AC001 title-names-agency: 报告标题应写明机关名称\n默认级别: warning\n"
    )
    assert "## 错误示例\n2023年政府信息公开工作年度报告\n" in zh.out
    assert "## 正确写法\n青山县审计局2023年政府信息公开工作年度报告\n" in zh.out
    assert "- agency (default: ): The agency's name" in zh.out

    en = run_main(capsys, "explain", wanted, "--lang", "en")
    assert en.code == 0
    assert en.out.startswith("AC001 title-names-agency: The report title names the agency\n")
    assert "## Why it matters\nA portal lists dozens of annual reports" in en.out


def test_without_the_config_the_plugin_is_not_loaded(
    example: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (example / ".xxgk-lint.yaml").unlink()
    result = run_main(capsys, "explain", "AC001")
    assert result.code == 2
    assert "没有规则 'AC001'" in result.err
    checked = run_main(capsys, "check", "--format", "json", "reports")
    assert checked.code == 0
    assert [c for c in checked.codes() if c.startswith("AC0")] == []


def test_the_examples_own_tests_pass() -> None:
    """The example's rule cases and tests, run as its author runs them."""
    import re
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=EXAMPLE,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"\b10 passed\b", done.stdout), done.stdout


def test_a_plugin_named_twice_is_loaded_once(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        example / ".xxgk-lint.yaml",
        f"plugins: [./acme_rules.py, acme_rules.py, {example / 'acme_rules.py'}]\n",
    )
    result = run_main(capsys, "rules")
    assert (result.code, result.err) == (0, "")
    assert [line.split()[0] for line in result.out.splitlines()].count("AC001") == 1


def test_the_origin_of_a_local_plugins_rule_is_its_file_as_messages_show_it(
    example: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (example / "sub").mkdir()
    monkeypatch.chdir(example / "sub")
    data = run_main(capsys, "rules", "--format", "json", "--config", "../.xxgk-lint.yaml").json()
    origins = {r["code"]: r["origin"] for r in data["rules"]}
    # (outside the working folder: the whole path, as messages show it)
    assert origins["AC001"] == origins["AC002"] == str((example / "acme_rules.py").resolve())
    assert origins["XG201"] == "xxgk_lint_rules.arithmetic"  # an installed module: its name
