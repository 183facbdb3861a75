"""The junit format, parsed back as Jenkins and GitLab would read it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.engine.results import FileResult, RunResult
from xxgk_lint.formatters import render
from xxgk_lint.formatters.junit import classname_for

from .conftest import COUNTY_FILE, RUN_ON_TEXT


def _parse(run: RunResult) -> ET.Element:
    root = ET.fromstring(render("junit", run).encode("utf-8"))
    assert root.tag == "testsuites"
    return root


def _cases(suite: ET.Element) -> dict[str, ET.Element]:
    return {case.get("name"): case for case in suite.findall("testcase")}


def test_one_suite_per_file(run_zh: RunResult) -> None:
    root = _parse(run_zh)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "reports/2023/县政府.txt",
        "reports/2023/乡镇.txt",
        "reports/broken.pdf",
        "reports/报告 2023.docx",
    ]
    assert [int(s.get("tests")) for s in suites] == [4, 4, 1, 4]
    assert [int(s.get("failures")) for s in suites] == [1, 0, 0, 0]
    assert [int(s.get("errors")) for s in suites] == [0, 0, 1, 0]
    assert root.get("tests") == "13"


def test_one_case_per_rule_that_ran(run_zh: RunResult) -> None:
    town = _parse(run_zh).findall("testsuite")[1]
    assert list(_cases(town)) == [f"{rule.code} {rule.name}" for rule in RUN_ON_TEXT]
    for case in town.findall("testcase"):
        assert list(case) == []  # passing: no failure, error or skipped child
        assert case.get("classname") == "reports.2023.乡镇_txt"


def test_failing_case_lists_every_finding(run_zh: RunResult) -> None:
    county = _parse(run_zh).findall("testsuite")[0]
    cases = _cases(county)
    failures = cases["XG201 row-sum"].findall("failure")
    assert len(failures) == 1
    failure = failures[0]
    assert failure.get("message") == "总计 12 与各列之和 11 不符"
    assert failure.get("type") == "error"
    assert failure.text == (
        "reports/2023/县政府.txt:2:19: 总计 12 与各列之和 11 不符\n"
        "reports/2023/县政府.txt:3:13: 总计 15 与各列之和 14 不符"
    )
    assert list(cases["XG101 missing-section"]) == []
    assert list(cases["XG203 balance"]) == []


def test_findings_below_fail_on_pass_with_output(run_zh: RunResult) -> None:
    """A warning under --fail-on error exits 0, so its case must not fail either."""
    county = _parse(run_zh).findall("testsuite")[0]
    case = _cases(county)["XG401 missing-fee-statement"]
    assert case.find("failure") is None
    assert (
        case.findtext("system-out")
        == "reports/2023/县政府.txt:4:1: 第六部分未说明信息处理费收取情况"
    )


def test_warnings_fail_under_fail_on_warning(run_zh: RunResult) -> None:
    county = _parse(replace(run_zh, fail_on=Severity.WARNING)).findall("testsuite")[0]
    failure = _cases(county)["XG401 missing-fee-statement"].find("failure")
    assert failure is not None
    assert failure.get("type") == "warning"


def test_where_is_part_of_the_location(run_zh: RunResult) -> None:
    docx = _parse(replace(run_zh, fail_on=Severity.WARNING)).findall("testsuite")[3]
    failure = _cases(docx)["XG203 balance"].find("failure")
    assert failure is not None
    assert failure.text == (
        "reports/报告 2023.docx:12:4 [表格 2，第 5 行，第 3 列]: "
        "一 + 二（12）不等于 （七）总计 + 四（10.5）"
    )


def test_unreadable_file_is_one_errored_case(run_zh: RunResult) -> None:
    broken = _parse(run_zh).findall("testsuite")[2]
    cases = broken.findall("testcase")
    assert len(cases) == 1
    assert cases[0].get("name") == "XG001 unreadable-input"
    error = cases[0].find("error")
    assert error is not None
    assert error.get("message") == "无法读取文件：不是有效的 PDF"


def test_unreadable_file_without_diagnostic_still_errors() -> None:
    file = FileResult("x.pdf", (), (), unreadable=True)
    suite = _parse(RunResult(files=(file,), rules=())).find("testsuite")
    assert suite is not None
    case = suite.find("testcase")
    assert case is not None
    assert case.get("name") == "XG001 unreadable-input"
    assert case.find("error") is not None


def test_code_that_reported_without_running_gets_a_case(run_zh: RunResult) -> None:
    """A parser finding (XG004) is not in rules_run but must still show up."""
    county = run_zh.files[0]
    extra = replace(county.diagnostics[0], code="XG004", name="non-numeric-cell")
    run = replace(run_zh, files=(replace(county, diagnostics=(*county.diagnostics, extra)),))
    cases = _cases(_parse(run).findall("testsuite")[0])
    assert list(cases)[:2] == ["XG004 non-numeric-cell", "XG101 missing-section"]
    assert cases["XG004 non-numeric-cell"].find("failure") is not None


def test_run_errors_become_an_errored_suite(run_with_run_errors: RunResult) -> None:
    suites = _parse(run_with_run_errors).findall("testsuite")
    assert suites[-1].get("name") == "xxgk-lint"
    errors = [case.find("error") for case in suites[-1].findall("testcase")]
    assert [e.get("message") for e in errors if e is not None] == [
        "插件 acme_rules 加载失败：ImportError: no module named acme",
        "50% done",
    ]


def test_case_names_are_unique_and_stable(run_zh: RunResult) -> None:
    first = render("junit", run_zh)
    assert render("junit", replace(run_zh, lang="en")) == first
    for suite in _parse(run_zh).findall("testsuite"):
        names = [(c.get("classname"), c.get("name")) for c in suite.findall("testcase")]
        assert len(names) == len(set(names))
        assert all(":" not in (name or "") for _, name in names)  # no line numbers


def test_classnames() -> None:
    assert classname_for("reports/2023/县政府.txt") == "reports.2023.县政府_txt"
    assert classname_for("./a.txt") == "a_txt"
    assert classname_for("C:\\reports\\a.docx") == "C:.reports.a_docx"
    assert classname_for("/abs/b.md") == "abs.b_md"


def test_clashing_classnames_are_made_unique() -> None:
    files = tuple(FileResult(path, (), RUN_ON_TEXT) for path in ("a.b/c.txt", "a_b/c.txt"))
    suites = _parse(RunResult(files=files, rules=RUN_ON_TEXT)).findall("testsuite")
    classnames = {s.find("testcase").get("classname") for s in suites}  # type: ignore[union-attr]
    assert len(classnames) == 2
    assert all(name.startswith("a_b.c_txt_") for name in classnames)


def test_empty_run() -> None:
    root = _parse(RunResult(files=(), rules=()))
    assert root.findall("testsuite") == []


def test_control_characters_are_written_escaped_not_dropped(run_zh: RunResult) -> None:

    diagnostic = replace(COUNTY_FILE.diagnostics[0], message="期限\x1b[2J\x9b")
    file = replace(COUNTY_FILE, diagnostics=(diagnostic,))
    output = render("junit", replace(run_zh, files=(file,)))
    assert "\x1b" not in output and "\x9b" not in output
    root = ET.fromstring(output)
    [failure] = root.iter("failure")
    assert failure.get("message") == "期限\\x1b[2J\\x9b"
