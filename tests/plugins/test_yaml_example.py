"""examples/yaml-rules: an agency's rules in a YAML file named by its config.

Each test works in a fresh copy of the example, so the example itself is what is tested.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.engine.reportkit import edit, has_traceback, locate, run_main, write

EXAMPLE = ROOT / "examples" / "yaml-rules"
REPORT = Path("reports") / "2023年政府信息公开工作年度报告.txt"


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "yaml-rules"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.chdir(copy)
    return copy


def test_check_finds_the_three_rules_the_report_breaks(example: Path, capsys) -> None:
    text = (example / REPORT).read_text(encoding="utf-8")
    result = run_main(capsys, "check", "--format", "json", "reports")
    assert result.code == 1  # AC103 is an error
    found = [(d["code"], d["line"], d["column"], d["severity"]) for d in result.diagnostics()]
    assert found == [
        ("AC103", *locate(text, "XX条"), "error"),
        ("AC101", *locate(text, "0 |", text.index("行政许可 | 0")), "warning"),
        ("AC102", *locate(text, "五、存在的主要问题及改进情况"), "warning"),
    ]
    assert found == [
        ("AC103", 4, 29, "error"),
        ("AC101", 12, 8, "warning"),
        ("AC102", 54, 1, "warning"),
    ]


def test_a_fixed_report_passes(example: Path, capsys) -> None:
    text = (example / REPORT).read_text(encoding="utf-8")
    text = edit(text, "行政许可 | 0 |", "行政许可 | 2846 |")
    text = edit(text, "主动公开政府信息XX条", "主动公开政府信息40条")
    text = edit(
        text, "部分栏目更新不够及时。", "部分栏目更新不够及时，上一年度指出的问题已整改到位。"
    )
    write(example / REPORT, text)
    result = run_main(capsys, "check", "--format", "json", "reports")
    assert (result.code, result.diagnostics()) == (0, [])


def test_rules_and_explain_document_the_yaml_rules(example: Path, capsys) -> None:
    listing = run_main(capsys, "rules", "--lang", "en")
    assert listing.code == 0
    lines = {line.split()[0]: line.split(None, 3) for line in listing.out.splitlines()}
    assert lines["AC101"][1:] == [
        "licensing-reported",
        "warning",
        "This bureau grants licences, so the licensing count must not be 0",
    ]
    assert lines["AC103"][1:] == [
        "no-placeholders",
        "error",
        "Unreplaced placeholder in the text: …",
    ]
    data = run_main(capsys, "rules", "--format", "json").json()
    [ac102] = [r for r in data["rules"] if r["code"] == "AC102"]
    assert ac102["origin"] == "checks/acme.yaml"
    assert (
        ac102["bad"] == "五、存在的主要问题及改进情况\n政策解读形式较为单一。下一步将丰富解读形式。"
    )
    explained = run_main(capsys, "explain", "problems-follow-up")
    assert explained.code == 0
    assert explained.out == (
        "AC102 problems-follow-up: “存在的主要问题及改进情况”应说明上一年度问题的整改情况\n"
        "默认级别: warning\n\n"
        "## 检查什么\n"
        "本局要求第五部分的正文（不含标题）说明上一年度报告所列问题的整改情况，比格式的要求更具体。\n\n"
        "第五部分“存在的主要问题及改进情况”的正文（不含标题）中必须出现：上年|上一年度|去年\n\n"
        "## 为什么\n本单位自定义的规则，定义在 checks/acme.yaml。\n\n"
        "## 错误示例\n五、存在的主要问题及改进情况\n政策解读形式较为单一。下一步将丰富解读形式。\n\n"
        "## 正确写法\n五、存在的主要问题及改进情况\n"
        "上一年度指出的栏目更新不及时问题已整改到位。政策解读形式仍较单一，下一步将丰富解读形式。\n"
    )


def test_the_examples_own_tests_pass() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=EXAMPLE,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"\b19 passed\b", done.stdout), done.stdout
    assert not has_traceback(done.stderr)
