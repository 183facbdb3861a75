"""xxgk_lint.testing: the harness plugin authors test their rules with (and so does this
project: tests/rules/test_cases.py). A harness whose checks cannot fail would prove
nothing, so here each one fails when it should, with a message that says why."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, write
from xxgk_lint.sources import InputError
from xxgk_lint.testing import (
    CaseError,
    InvalidFinding,
    PluginLoadError,
    find_rule,
    parse_text,
    rule_cases,
    run_rule,
)

ROW = "一、本年新收政府信息公开申请数量 | 11 | 1 | 0 | 0 | 0 | 0 | 11 |\n"
#: A count that is negative: XG006 reports the number read (a number, not its text).
NEGATIVE = "一、本年新收政府信息公开申请数量 | 11 | 1 | 0 | 0 | 0 | 0 | -12 |\n"


def test_parse_text_reads_a_fragment_as_a_run_does() -> None:
    report = parse_text(ROW)
    assert report.table("applications") is not None
    assert report.path == "report.txt"
    with pytest.raises(InputError, match="not a government information disclosure annual report"):
        parse_text("会议纪要\n")


def test_run_rule_gives_the_findings_a_run_gives() -> None:
    [zh] = run_rule("XG201", parse_text(ROW))
    [en] = run_rule("row-sum", parse_text(ROW), lang="en")
    # the row alone cannot tell which of its numbers is wrong: the identity, both sides
    assert (zh.code, zh.line, zh.column, zh.expected, zh.actual) == (
        "XG201",
        1,
        45,
        "总计 = 自然人 + 五类法人或其他组织",
        "11 ≠ 12",
    )
    assert en.message.startswith(
        "row '一、本年新收政府信息公开申请数量 (applications received this year)': these do "
        "not agree"
    )


def test_run_rule_checks_options_as_a_config_load_does() -> None:
    report = parse_text(CLEAN.replace("规章 | 0 | 0 | 0 |\n", ""))
    assert [d.severity.label for d in run_rule("XG003", report)] == ["warning"]
    assert run_rule("XG003", report, {"regulations-row": "ignore"}) == []
    with pytest.raises(ValueError, match=r"option 'regulations-row' must be one of error, "):
        run_rule("XG003", report, {"regulations-row": "never"})
    with pytest.raises(
        ValueError, match=r"rule XG003 has no option 'row' \(options: regulations-row\)"
    ):
        run_rule("XG003", report, {"row": "ignore"})


def test_an_unknown_rule_is_named_with_a_suggestion() -> None:
    with pytest.raises(
        LookupError, match=re.escape("no rule 'row-sun' is registered; did you mean row-sum?")
    ):
        run_rule("row-sun", parse_text(ROW))


def plugin(tmp_path: Path, body: str) -> Path:
    header = (
        "from xxgk_lint.plugin import RuleDoc, hookimpl, rule\n\n"
        "DOC = RuleDoc('what', 'why', 'bad', 'good')\n\n\n"
    )
    return write(tmp_path / "acme_rules.py", header + textwrap.dedent(body))


def test_a_rule_that_yields_something_invalid_fails_the_test(tmp_path: Path) -> None:
    path = plugin(
        tmp_path,
        """
        @rule(code="AC001", name="junk", severity="warning", summary={"zh": "x"},
              messages={"zh": {"default": "x"}}, docs={"zh": DOC})
        def junk(report, ctx):
            yield "the total is wrong"


        @hookimpl
        def xxgk_lint_rules():
            return [junk]
        """,
    )
    with pytest.raises(InvalidFinding, match="yielded str, not a Diagnostic"):
        run_rule("AC001", parse_text(ROW), plugins=[path])


def test_a_plugin_that_does_not_load_is_said_with_its_file_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "broken.yaml",
        "rules:\n  - code: AC001\n    name: x\n    check: proactive.licensing.decisions > 0\n",
    )
    with pytest.raises(PluginLoadError) as caught:
        find_rule("AC001", [path])
    assert (
        str(caught.value) == f"{path}:2: AC001: 'message:' is missing (zh is required, en optional)"
    )


# ---- rule cases ----


def cases(tmp_path: Path, text: str) -> list:
    path = write(tmp_path / "XG201.yml", textwrap.dedent(text))
    return rule_cases(path)


def test_a_case_whose_findings_differ_fails_saying_what_was_expected_and_found(
    tmp_path: Path,
) -> None:
    [case] = cases(
        tmp_path,
        f"""\
        rule: XG201
        wrong-column:
          report: "{ROW.strip()}"
          findings:
            - {{line: 1, column: 44, actual: "11 ≠ 12"}}
        """,
    )
    assert str(case) == "XG201:wrong-column"
    with pytest.raises(AssertionError) as caught:
        case.check()
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'XG201.yml'}:2: case 'wrong-column' of XG201:")
    assert "{'code': 'XG201', 'line': 1, 'column': 44, 'actual': '11 ≠ 12'}" in message
    assert "'line': 1, 'column': 45, 'actual': '11 ≠ 12', 'message': " in message


@pytest.mark.parametrize(
    ("findings", "passes"),
    [
        ("[]", False),
        ("[{line: 1, column: 45}, {line: 1, column: 45}]", False),
        ("[{line: 1, column: 45, actual: -12.0}]", True),
        ("[{line: 1, column: 45, actual: '-12'}]", False),
        ("[{line: 1, column: 45, expected: ≥ 0, actual: -12}]", True),
        ("[{line: 1, column: 45, severity: warning}]", False),
        ("[{line: 1, column: 45, code: XG201}]", False),
        ("[{line: 1, column: 45, severity: error, subject: applications.received.total}]", True),
    ],
)
def test_each_expected_value_is_compared(tmp_path: Path, findings: str, passes: bool) -> None:
    [case] = cases(
        tmp_path,
        f"""\
        rule: XG006
        a-case:
          report: "{NEGATIVE.strip()}"
          findings: {findings}
        """,
    )
    if passes:
        case.check()
    else:
        with pytest.raises(AssertionError):
            case.check()


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        (
            "report: x\n  fixture: y.txt",
            "give exactly one of report:, fixture:, base: (with edits:), docs:",
        ),
        ("edits: []", "edits: need a base:"),
        ("fixture: nowhere.txt", "no fixture file"),
        ("report: 会议纪要", "the report cannot be read: not a government information"),
        ("report: x\n  fidnings: []", "unknown key 'fidnings'"),
        ("docs: worst", "docs: must be bad or good, not 'worst'"),
        ("report: x\n  lang: fr", "lang must be zh or en, not 'fr'"),
        ("report: x\n  findings: [{line: 1}]", "each finding gives its line and column"),
        (
            "report: x\n  findings: [{line: 1, column: 1, colour: red}]",
            "a finding has an unknown key 'colour'",
        ),
        (
            "base: base.txt\n  edits: [{replace: '| 0 |', with: '| 1 |'}]",
            "'| 0 |' occurs 2 times in the base, not once",
        ),
        (
            "base: base.txt\n  edits: [{replace: '| 11 |'}]",
            "each edit is {replace: TEXT, with: TEXT}",
        ),
    ],
)
def test_a_case_that_cannot_run_says_why(tmp_path: Path, spec: str, problem: str) -> None:
    write(tmp_path / "base.txt", ROW)
    [case] = cases(
        tmp_path,
        f"rule: XG201\nbroken:\n  {spec}\n  findings: []\n"
        if "findings" not in spec
        else f"rule: XG201\nbroken:\n  {spec}\n",
    )
    with pytest.raises(CaseError, match=None) as caught:
        case.check()
    assert problem in str(caught.value)
    assert str(caught.value).startswith(f"{tmp_path / 'XG201.yml'}:")


def test_a_documented_example_must_stand_in_the_report_its_case_builds(tmp_path: Path) -> None:
    """XG202's failing example shows a few lines of table 三; the case puts them in a whole
    report. If the case's edits did not produce those lines, the docs would show one thing
    and the test check another."""
    base = Path(__file__).parent / "rules" / "cases" / "reports" / "clean.txt"
    write(tmp_path / "base.txt", base.read_text(encoding="utf-8"))
    [case] = cases(
        tmp_path, "rule: XG202\ndrifted:\n  docs: bad\n  base: base.txt\n  findings: []\n"
    )
    with pytest.raises(CaseError) as caught:
        case.check()
    assert "its line '（七）总计 | 5 | 2 | 0 | 0 | 0 | 0 | 6 |' is not in the case's report" in str(
        caught.value
    )
    [case] = cases(tmp_path, "rule: XG202\nno-base:\n  docs: bad\n  findings: []\n")
    with pytest.raises(CaseError, match=r"leaves lines out \(…\): give the case a base:"):
        case.check()


def test_a_broken_case_file_is_one_failing_case(tmp_path: Path) -> None:
    write(tmp_path / "cases" / "XG201.yml", "rule: XG201\nok:\n  report: x\n  findings: [\n")
    write(tmp_path / "cases" / "XG202.yml", "- not a case file\n")
    found = rule_cases(tmp_path / "cases")
    assert [str(c) for c in found] == ["XG201:(file)", "XG202:(file)"]
    with pytest.raises(CaseError, match=r"XG201.yml:5: invalid YAML"):
        found[0].check()
    with pytest.raises(CaseError, match="a case file starts with 'rule: CODE'"):
        found[1].check()


def test_plugins_given_to_rule_cases_are_relative_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path / "checks" / "acme.yaml",
        "rules:\n  - code: AC101\n    name: licensing-reported\n    message: 数量不应为0\n"
        "    check: proactive.licensing.decisions > 0\n",
    )
    write(
        tmp_path / "tests" / "cases" / "AC101.yml",
        "rule: AC101\nzero:\n  report: |\n    二、主动公开政府信息情况\n    第二十条第（五）项 | | | |\n"
        "    信息内容 | 本年处理决定数量 | | |\n    行政许可 | 0 | | |\n"
        "  findings: [{line: 4, column: 8, message: 数量不应为0}]\n",
    )
    monkeypatch.chdir(tmp_path)
    [case] = rule_cases("tests/cases", plugins=["checks/acme.yaml"])
    case.check()


# ---- plugins named twice, or sharing a base name ----

TITLE_PLUGIN = """\
from xxgk_lint.plugin import RuleDoc, hookimpl, rule

DOC = RuleDoc("what", "why", "bad", "good")


@rule(code="{code}", name="{name}", severity="warning", summary={{"zh": "标题"}},
      messages={{"zh": {{"default": "{message}"}}}}, docs={{"zh": DOC}})
def title(report, ctx):
    if report.title is not None:
        yield ctx.diagnostic(report.title.span, subject="title")


@hookimpl
def xxgk_lint_rules():
    return [title]
"""


def test_two_plugin_files_may_share_a_base_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "a" / "rules.py", TITLE_PLUGIN.format(code="AC001", name="a", message="甲"))
    write(tmp_path / "b" / "rules.py", TITLE_PLUGIN.format(code="BD001", name="b", message="乙"))
    monkeypatch.chdir(tmp_path)
    report = parse_text("青山县审计局2023年政府信息公开工作年度报告\n一、总体情况\n")
    plugins = ["a/rules.py", "b/rules.py"]
    assert [d.message for d in run_rule("AC001", report, plugins=plugins)] == ["甲"]
    assert [d.message for d in run_rule("BD001", report, plugins=plugins)] == ["乙"]


def test_a_plugin_named_by_the_case_file_and_by_the_caller_loads_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = write(
        tmp_path / "checks" / "acme_rules.py",
        TITLE_PLUGIN.format(code="AC001", name="acme-title", message="标题"),
    )
    write(
        tmp_path / "tests" / "cases" / "AC001.yml",
        "rule: AC001\nplugins: [../../checks/acme_rules.py]\ntitled:\n"
        "  report: |\n    青山县审计局2023年政府信息公开工作年度报告\n    一、总体情况\n"
        "  findings: [{line: 1, column: 1, message: 标题}]\n",
    )
    monkeypatch.chdir(tmp_path / "tests")
    [case] = rule_cases(tmp_path / "tests" / "cases", plugins=[plugin.resolve()])
    case.check()
    [again] = rule_cases("cases", plugins=["../checks/acme_rules.py", "../checks/./acme_rules.py"])
    again.check()


# ---- fragments of table rows ----

LICENSING_RULE = (
    "rules:\n  - code: AC101\n    name: licensing-reported\n    message: 数量不应为0\n"
    "    check: proactive.licensing.decisions > 0\n"
)


def licensing_case(tmp_path: Path, report: str, findings: str) -> list:
    write(tmp_path / "acme.yaml", LICENSING_RULE)
    body = textwrap.indent(textwrap.dedent(report), "    ")
    path = write(
        tmp_path / "AC101.yml",
        f"rule: AC101\nplugins: [acme.yaml]\nthe-case:\n  report: |\n{body}"
        f"  findings: {findings}\n",
    )
    return rule_cases(path)


@pytest.mark.parametrize(
    ("report", "findings"),
    [
        ("行政许可 | 0 | | |\n", "[{line: 1, column: 8, end_line: 1, actual: 0}]"),
        (
            "第二十条第（五）项 | | | |\n信息内容 | 本年处理决定数量 | | |\n行政许可 | 0 | | |\n",
            "[{line: 3, column: 8}]",
        ),
        ("行政许可 | 2846 | | |\n", "[]"),
    ],
)
def test_table_rows_alone_are_a_fragment_a_case_may_give(
    tmp_path: Path, report: str, findings: str
) -> None:
    [case] = licensing_case(tmp_path, report, findings)
    case.check()


def test_table_rows_alone_are_compared_at_their_own_lines(tmp_path: Path) -> None:
    [case] = licensing_case(tmp_path, "行政许可 | 0 | | |\n", "[{line: 2, column: 8}]")
    with pytest.raises(AssertionError, match=r"'line': 1, 'column': 8"):
        case.check()


def test_prose_without_its_heading_is_no_fragment(tmp_path: Path) -> None:
    [case] = licensing_case(tmp_path, "本年度无。\n", "[]")
    with pytest.raises(CaseError, match="a fragment needs its section heading"):
        case.check()


def test_the_other_tables_rows_alone_are_fragments_too(tmp_path: Path) -> None:
    write(
        tmp_path / "XG201.yml",
        "rule: XG201\nwrong-total:\n  report: |\n"
        "    一、本年新收政府信息公开申请数量 | 5 | 2 | 0 | 0 | 0 | 0 | 8 |\n"
        "  findings: [{line: 1, column: 44, actual: 8 ≠ 7}]\n",
    )
    write(
        tmp_path / "XG204.yml",
        "rule: XG204\nwrong-total:\n  report: |\n"
        "    1 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        "  findings: [{line: 1, column: 17, actual: 2 ≠ 1}]\n",
    )
    for case in rule_cases(tmp_path):
        case.check()
