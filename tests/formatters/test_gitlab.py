"""The gitlab format, validated against the fields GitLab documents for Code Quality reports.

https://docs.gitlab.com/ci/testing/code_quality/ ("Code Quality report format"): a JSON
array of objects, each with ``description`` (string), ``check_name`` (string),
``fingerprint`` (a unique string), ``severity`` (one of info, minor, major, critical,
blocker), ``location.path`` (a path relative to the repository, no ``./``) and
``location.lines.begin`` (an integer line).
"""

from __future__ import annotations

import json
from dataclasses import replace

import jsonschema

from xxgk_lint.engine.results import RunResult
from xxgk_lint.formatters import render
from xxgk_lint.formatters.gitlab import _of_file

from .conftest import COUNTY_FILE, DOCX_FILE, RULES

#: The fields GitLab reads, as a JSON Schema (what its documentation lists as required).
GITLAB_CODE_QUALITY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^(?!\\./|/)"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def _issues(run: RunResult) -> list[dict]:
    issues = json.loads(render("gitlab", run))
    jsonschema.validate(issues, GITLAB_CODE_QUALITY)
    return issues


def test_one_issue_per_finding_with_the_documented_fields(run_zh: RunResult) -> None:
    issues = _issues(run_zh)
    assert len(issues) == len(run_zh.diagnostics) == 5
    first = issues[0]
    assert first == {
        "description": "总计 12 与各列之和 11 不符",
        "check_name": "XG201 row-sum",
        "fingerprint": _of_file(COUNTY_FILE.diagnostics[0]),
        "severity": "major",
        "location": {"path": "reports/2023/县政府.txt", "lines": {"begin": 2}},
    }


def test_severities(run_zh: RunResult) -> None:
    by_code = {(i["check_name"], i["severity"]) for i in _issues(run_zh)}
    assert by_code == {
        ("XG201 row-sum", "major"),  # error
        ("XG401 missing-fee-statement", "minor"),  # warning
        ("XG001 unreadable-input", "critical"),  # the file was not checked at all
        ("XG203 balance", "minor"),  # configured down to a warning
    }


def test_where_is_in_the_description(run_zh: RunResult) -> None:
    docx = [i for i in _issues(run_zh) if i["location"]["path"].endswith(".docx")]
    assert docx[0]["description"].endswith("[表格 2，第 5 行，第 3 列]")
    assert docx[0]["location"]["lines"]["begin"] == DOCX_FILE.diagnostics[0].line


def test_fingerprints_are_unique_even_for_one_subject_twice(run_zh: RunResult) -> None:
    twice = replace(COUNTY_FILE.diagnostics[0], line=9)
    county = replace(COUNTY_FILE, diagnostics=(*COUNTY_FILE.diagnostics, twice))
    issues = _issues(replace(run_zh, files=(county,)))
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints) == 4
    # the first is the finding's own fingerprint with its file; they never depend on the line
    assert fingerprints[0] == _of_file(COUNTY_FILE.diagnostics[0])
    moved = replace(
        county, diagnostics=tuple(replace(d, line=d.line + 5) for d in county.diagnostics)
    )
    assert [i["fingerprint"] for i in _issues(replace(run_zh, files=(moved,)))] == fingerprints


def test_a_clean_run_is_an_empty_array() -> None:
    assert render("gitlab", RunResult(files=(), rules=RULES)) == "[]\n"


def test_the_array_is_pretty_printed(run_zh: RunResult) -> None:
    output = render("gitlab", run_zh)
    assert output.startswith('[\n  {\n    "description": ')
    assert output.endswith("\n  }\n]\n")


def test_two_copies_of_one_report_keep_fingerprints_of_their_own(run_zh: RunResult) -> None:
    """The HTML and the PDF copy of one report: same body, year and subjects, two files."""
    county = run_zh.files[0]
    copy = replace(
        county,
        path="copies/县政府.html",
        diagnostics=tuple(replace(d, path="copies/县政府.html") for d in county.diagnostics),
    )
    issues = _issues(replace(run_zh, files=(county, copy)))
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(fingerprints) == 2 * len(county.diagnostics)
    assert len(set(fingerprints)) == len(fingerprints)


def test_the_fingerprint_follows_the_path_gitlab_shows_not_the_path_typed(
    run_zh: RunResult, tmp_path, monkeypatch
) -> None:
    """`check reports` and `check $CI_PROJECT_DIR/reports` give one location.path, and so
    one fingerprint, for every finding — one of a file whose body is unknown (XG001) too:
    else GitLab shows every finding fixed and new again."""
    monkeypatch.chdir(tmp_path)
    county = run_zh.files[0]
    unknown = replace(county.diagnostics[0], scope=None)

    def placed(path: str) -> RunResult:
        file = replace(
            county,
            path=path,
            diagnostics=tuple(replace(d, path=path) for d in (*county.diagnostics, unknown)),
        )
        return replace(run_zh, files=(file,))

    relative = _issues(placed("reports/县政府.txt"))
    absolute = _issues(placed(str(tmp_path / "reports" / "县政府.txt")))
    assert [i["location"]["path"] for i in absolute] == ["reports/县政府.txt"] * len(relative)
    assert [i["fingerprint"] for i in absolute] == [i["fingerprint"] for i in relative]
    assert len({i["fingerprint"] for i in relative}) == len(relative)
