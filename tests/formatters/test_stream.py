"""Every format written file by file is the document the whole run makes at once.

The streamed JSON is ``json.dumps(document, indent=2)`` byte for byte, the streamed JUnit
is junit-xml's ``to_xml_report_string`` over every suite, and each format puts what a
whole-run rule found after the files' own findings.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from junit_xml import to_xml_report_string

from xxgk_lint.engine.results import ConfigUse, RunResult
from xxgk_lint.formatters import FORMATS, JSON_CONTROL_ESCAPES, open_stream, render, stream_run
from xxgk_lint.formatters.json_format import to_document
from xxgk_lint.formatters.junit import _classnames, _file_suite, _run_error_suite

from .conftest import BROKEN_FILE, COUNTY_DIAGNOSTICS, COUNTY_FILE, RULES, TOWN_FILE

ACROSS = replace(COUNTY_DIAGNOSTICS[2], code="XG901", name="twice", path="reports/2023/乡镇.txt")


def _runs(run_zh: RunResult) -> list[RunResult]:
    return [
        run_zh,
        RunResult(files=(), rules=()),
        replace(run_zh, run_errors=("插件 acme 加载失败\x1b[2J",), configs=(ConfigUse("a", True),)),
        replace(run_zh, across=(ACROSS,), across_lines={ACROSS.path: {4: "六、其他"}}),
        RunResult(files=(TOWN_FILE,), rules=RULES, lang="en"),
    ]


def _one_line_checks(document: str) -> str:
    """``document`` with each report's checks pretty-printed as ``json.dumps`` would."""
    parsed = json.loads(document)
    for report in parsed["reports"]:
        for check in report["checks"]:
            line = json.dumps(check, ensure_ascii=False, separators=(", ", ": "))
            assert "\n        " + line.translate(JSON_CONTROL_ESCAPES) in document
    return json.dumps(parsed, ensure_ascii=False, indent=2)


def test_json_is_json_dumps_of_the_document_with_one_line_checks(run_zh: RunResult) -> None:
    """The document as ``json.dumps(indent=2)`` prints it, but each check of a report on a
    line of its own (they are most of the document: compact, and encoded in C)."""
    for run in _runs(run_zh):
        streamed = render("json", run)
        expected = json.dumps(to_document(run), ensure_ascii=False, indent=2)
        assert _one_line_checks(streamed) == expected
        assert json.loads(streamed) == json.loads(expected)
        checks = sum(len(f.checks) for f in run.files)
        lines = [line for line in streamed.split("\n") if line.startswith('        {"rule": ')]
        assert len(lines) == checks
        if checks:
            assert streamed.count("\n") < expected.count("\n")


def test_junit_is_one_report_string_over_every_suite(run_zh: RunResult) -> None:
    for run in _runs(run_zh):
        if run.across:  # their own suite: see below
            continue
        names = _classnames([f.path for f in run.files])
        suites = [_file_suite(f, names[f.path], run.fail_on_for(f)) for f in run.files]
        if run.run_errors:
            suites.append(_run_error_suite(run.run_errors))
        assert render("junit", run) == to_xml_report_string(suites, prettyprint=True)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_stream_writes_something_for_each_file_or_keeps_it_for_the_end(
    fmt: str, run_zh: RunResult
) -> None:
    stream = open_stream(fmt, "zh", paths=[f.path for f in run_zh.files])
    pieces = list(stream_run(stream, run_zh))
    assert "".join(pieces) == render(fmt, run_zh)
    per_file = pieces[1 : 1 + len(run_zh.files)]
    if fmt in ("junit", "sarif"):  # their documents start with totals or need the rule index
        assert per_file == ["", "", "", ""]
    else:
        # the county's three findings are written with the county's file
        assert per_file[0].count("县政府.txt") >= 3
        assert per_file[1] == ""  # the clean town: nothing


@pytest.mark.parametrize("fmt", FORMATS)
def test_whole_run_findings_come_after_every_file(fmt: str, run_zh: RunResult) -> None:
    run = replace(run_zh, across=(ACROSS,))
    output = render(fmt, run)
    last_file = output.rfind("报告 2023.docx")
    # SARIF lists the rule too
    assert output.count("XG901") == (2 if fmt == "sarif" else 1), output
    if fmt == "json":  # the list of reports follows the findings: it is written last
        codes = [d["code"] for d in json.loads(output)["diagnostics"]]
        assert codes[-1] == "XG901"
        assert codes.count("XG901") == 1
    else:
        assert output.rfind("XG901") > last_file


def test_junit_puts_whole_run_findings_in_a_suite_of_their_own(run_zh: RunResult) -> None:
    import xml.etree.ElementTree as ET

    run = replace(run_zh, across=(ACROSS,))
    root = ET.fromstring(render("junit", run))
    suite = root.findall("testsuite")[-1]
    assert suite.get("name") == "xxgk-lint: whole-run rules"
    (case,) = suite.findall("testcase")
    assert (case.get("name"), case.get("classname")) == ("XG901 twice", "reports.2023.乡镇_txt")
    assert case.find("failure") is None  # a warning, below the run's fail-on
    assert (
        case.findtext("system-out") == "reports/2023/乡镇.txt:4:1: 第六部分未说明信息处理费收取情况"
    )
    assert root.get("tests") == "14"


def test_text_counts_whole_run_findings_in_the_summary(run_zh: RunResult) -> None:
    run = replace(
        run_zh, across=(ACROSS,), across_lines={ACROSS.path: {4: "六、其他需要报告的事项"}}
    )
    output = render("text", run)
    assert output.endswith(
        "比较多份报告的规则发现的问题：\n\n"
        "reports/2023/乡镇.txt：与其他报告比较（1 条）：\n\n"
        "reports/2023/乡镇.txt:4:1: XG901 warning: 第六部分未说明信息处理费收取情况\n"
        "  |\n"
        "4 | 六、其他需要报告的事项\n"
        "  | ^^^^^^^^^^^^\n\n"
        "检查了 4 个文件：3 个错误，3 个警告，1 个文件无法读取。\n"
    )


def test_text_shows_no_snippet_for_a_line_it_did_not_keep(run_zh: RunResult) -> None:
    run = replace(run_zh, files=(BROKEN_FILE,), across=(ACROSS,))
    output = render("text", run)
    assert (
        "reports/2023/乡镇.txt:4:1: XG901 warning: 第六部分未说明信息处理费收取情况\n\n" in output
    )


def test_json_summary_says_exit_zero(run_zh: RunResult) -> None:
    files = (COUNTY_FILE, TOWN_FILE)
    assert json.loads(render("json", replace(run_zh, files=files)))["summary"]["exit_code"] == 1
    zero = replace(run_zh, files=files, exit_zero=True)
    assert json.loads(render("json", zero))["summary"]["exit_code"] == 0
    # --exit-zero is 0 whatever is found: an unreadable file too
    assert json.loads(render("json", run_zh))["summary"]["exit_code"] == 2
    assert json.loads(render("json", replace(run_zh, exit_zero=True)))["summary"]["exit_code"] == 0


def test_spooled_utf8_comes_back_whole_whatever_the_pieces(
    run_zh: RunResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    """JSON's report entries are spooled as UTF-8 and replayed in pieces that may end
    inside a character: the document is the same."""
    import xxgk_lint.formatters as formatters

    whole = render("json", run_zh)
    monkeypatch.setattr(formatters, "REPLAY_CHUNK", 5)
    stream = open_stream("json", "zh")
    pieces = [stream.begin()]
    pieces += [stream.file(f, run_zh.fail_on_for(f)) for f in run_zh.files]
    encoded = list(stream.end_encoded(run_zh.end()))  # type: ignore[attr-defined]
    assert any(isinstance(p, bytes) and len(p) == 5 for p in encoded)
    assert "".join(pieces) + "".join(formatters.decoded(encoded)) == whole
    assert render("json", run_zh) == whole


def test_decoded_joins_characters_split_between_pieces() -> None:
    from xxgk_lint.formatters import decoded

    data = "总计😀".encode()
    pieces = [data[:2], data[2:4], data[4:6], "|", data[6:8], data[8:], b"", "."]
    assert list(decoded(pieces)) == ["总", "计", "|", "😀", "."]
