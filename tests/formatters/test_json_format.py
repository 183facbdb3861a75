"""The json format: exact shape, key order, and validity against the shipped schema."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.engine.results import RunResult
from xxgk_lint.formatters import render
from xxgk_lint.formatters.json_format import load_schema


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _errors(validator: Draft202012Validator, document: object) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def test_output_validates(validator: Draft202012Validator, run_zh: RunResult) -> None:
    assert _errors(validator, json.loads(render("json", run_zh))) == []


@pytest.mark.parametrize("fixture", ["run_en", "clean_run", "run_with_run_errors"])
def test_other_runs_validate(
    validator: Draft202012Validator, fixture: str, request: pytest.FixtureRequest
) -> None:
    run = request.getfixturevalue(fixture)
    assert _errors(validator, json.loads(render("json", run))) == []


def test_empty_run_validates(validator: Draft202012Validator) -> None:
    document = json.loads(render("json", RunResult(files=(), rules=())))
    assert _errors(validator, document) == []
    assert document == {
        "version": 2,
        "diagnostics": [],
        "reports": [],
        "summary": {
            "files": 0,
            "errors": 0,
            "warnings": 0,
            "infos": 0,
            "unreadable": 0,
            "run_errors": [],
            "exit_code": 0,
            "checks": {"pass": 0, "fail": 0, "not_assessable": 0, "uncertain": 0},
        },
    }


def test_summary(run_zh: RunResult) -> None:
    assert json.loads(render("json", run_zh))["summary"] == {
        "files": 4,
        "errors": 3,
        "warnings": 2,
        "infos": 0,
        "unreadable": 1,
        "run_errors": [],
        "exit_code": 2,
        "checks": {"pass": 0, "fail": 0, "not_assessable": 0, "uncertain": 0},
    }


def test_run_errors_are_listed(run_with_run_errors: RunResult) -> None:
    summary = json.loads(render("json", run_with_run_errors))["summary"]
    assert summary["run_errors"] == [
        "插件 acme_rules 加载失败：ImportError: no module named acme",
        "50% done",
    ]
    assert summary["exit_code"] == 2


def test_exit_code_follows_fail_on(clean_run: RunResult, run_zh: RunResult) -> None:
    assert json.loads(render("json", clean_run))["summary"]["exit_code"] == 0
    readable = replace(run_zh, files=run_zh.files[:2])
    assert json.loads(render("json", readable))["summary"]["exit_code"] == 1
    county = readable.files[0]
    warning = tuple(d for d in county.diagnostics if d.severity == Severity.WARNING)
    warnings_only = replace(readable, files=(replace(county, diagnostics=warning),))
    assert json.loads(render("json", warnings_only))["summary"]["exit_code"] == 0
    failing_on_warnings = replace(warnings_only, fail_on=Severity.WARNING)
    assert json.loads(render("json", failing_on_warnings))["summary"]["exit_code"] == 1


def test_key_order_is_stable(run_zh: RunResult) -> None:
    document = json.loads(render("json", run_zh))
    assert list(document) == ["version", "diagnostics", "reports", "summary"]
    assert list(document["diagnostics"][0]) == [
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "name",
        "severity",
        "message",
        "expected",
        "actual",
        "where",
        "subject",
    ]
    assert list(document["summary"]) == [
        "files",
        "errors",
        "warnings",
        "infos",
        "unreadable",
        "run_errors",
        "exit_code",
        "checks",
    ]


def test_diagnostics_in_file_order(run_zh: RunResult) -> None:
    document = json.loads(render("json", run_zh))
    assert [(d["path"], d["line"], d["code"]) for d in document["diagnostics"]] == [
        ("reports/2023/县政府.txt", 2, "XG201"),
        ("reports/2023/县政府.txt", 3, "XG201"),
        ("reports/2023/县政府.txt", 4, "XG401"),
        ("reports/broken.pdf", 1, "XG001"),
        ("reports/报告 2023.docx", 12, "XG203"),
    ]
    docx = document["diagnostics"][-1]
    assert docx["expected"] == 10.5  # a Decimal amount
    assert docx["where"] == "表格 2，第 5 行，第 3 列"


def test_utf8_not_escaped_and_indented(run_zh: RunResult) -> None:
    output = render("json", run_zh)
    assert "县政府" in output
    assert "\\u" not in output
    assert output.startswith('{\n  "version": 2,\n  "diagnostics": [\n    {\n      "path": ')


def test_schema_rejects_drift(validator: Draft202012Validator, run_zh: RunResult) -> None:
    """The schema is strict, so a field added or retyped by accident fails this suite."""
    document = json.loads(render("json", run_zh))
    document["diagnostics"][0]["fix"] = None
    document["summary"]["exit_code"] = 3
    document["diagnostics"][1]["severity"] = "fatal"
    errors = _errors(validator, document)
    assert len(errors) == 3


def test_configs_are_listed_when_the_run_read_one(
    validator: Draft202012Validator, run_zh: RunResult
) -> None:
    from xxgk_lint.engine.results import ConfigUse

    run = replace(
        run_zh,
        configs=(
            ConfigUse(".xxgk-lint.yaml", True),
            ConfigUse("incoming/.xxgk-lint.yaml", False, ("plugins", "limits")),
        ),
    )
    document = json.loads(render("json", run))
    assert _errors(validator, document) == []
    assert list(document) == ["version", "diagnostics", "reports", "summary", "configs"]
    assert document["configs"] == [
        {"path": ".xxgk-lint.yaml", "trusted": True, "ignored": []},
        {"path": "incoming/.xxgk-lint.yaml", "trusted": False, "ignored": ["plugins", "limits"]},
    ]
    document["configs"][0]["ignored"] = ["select"]
    assert _errors(validator, document) == [
        "['configs', 0, 'ignored', 0]: 'select' is not one of ['plugins', 'limits', 'rule-timeout', 'baseline']"
    ]


def test_control_characters_are_escaped(run_zh: RunResult) -> None:
    diagnostic = replace(run_zh.files[0].diagnostics[0], message="a\x1b[2Jb\x9bc\x7fd")
    run = replace(run_zh, files=(replace(run_zh.files[0], diagnostics=(diagnostic,)),))
    output = render("json", run)
    assert "\x1b" not in output and "\x9b" not in output and "\x7f" not in output
    assert '"message": "a\\u001b[2Jb\\u009bc\\u007fd"' in output
    assert json.loads(output)["diagnostics"][0]["message"] == "a\x1b[2Jb\x9bc\x7fd"
