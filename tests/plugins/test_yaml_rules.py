"""YAML rules from the command line: the issue's example exactly as written, where findings
point, and every rule-file error as one line ``file:line: …`` with exit code 2."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, edit, has_traceback, locate, run_main, write

#: The example of issue 13, byte for byte.
ISSUE_EXAMPLE = """\
rules:
  - code: AC101
    name: licensing-reported
    severity: warning
    message:
      zh: 本局承担行政许可职能，行政许可决定数量不应为0
      en: This bureau grants licences, so the licensing count must not be 0
    check: proactive.licensing.decisions > 0
  - code: AC102
    name: problems-name-measures
    severity: warning
    message:
      zh: “存在的主要问题及改进情况”应写明改进措施
      en: Section 五 must state the measures taken
    scope: section.problems
    require: 改进|整改|措施
  - code: AC103
    name: no-placeholders
    severity: error
    message:
      zh: 正文中有未替换的占位符“{match}”
      en: "Unreplaced placeholder in the text: {match}"
    scope: text
    forbid: XX|××|202X
"""

#: A report that breaks all three: licensing 0, section 五 without measures (its heading
#: says 改进), placeholders in a paragraph — and one in a table cell, which is no text.
BROKEN = edit(
    edit(
        edit(
            edit(CLEAN, "行政许可 | 120 |", "行政许可 | 0 |"),
            "（一）存在问题。政策解读形式较为单一，部分栏目更新不及时。"
            "（二）改进措施。丰富解读形式。建立栏目更新台账。",
            "（一）存在问题。政策解读形式较为单一，部分栏目更新不及时。",
        ),
        "主动公开政府信息40条",
        "于202X年主动公开政府信息XX条",
    ),
    "行政处罚 | 15 | | |",
    "行政处罚 | XX | | |",
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "checks" / "acme.yaml", ISSUE_EXAMPLE)
    write(tmp_path / ".xxgk-lint.yaml", "plugins: [./checks/acme.yaml]\n")
    write(tmp_path / "r.txt", BROKEN)
    return tmp_path


def agency_findings(result) -> list[dict]:
    return [d for d in result.diagnostics() if d["code"].startswith("AC")]


def test_the_issue_example_works_as_written(repo: Path, capsys) -> None:
    assert (repo / "checks" / "acme.yaml").read_bytes() == ISSUE_EXAMPLE.encode("utf-8")
    result = run_main(capsys, "check", "--format", "json", "r.txt")
    assert result.code == 1
    found = [
        (d["code"], d["line"], d["column"], d["end_column"], d["severity"], d["message"])
        for d in agency_findings(result)
    ]
    year = locate(BROKEN, "202X")
    placeholder = locate(BROKEN, "XX条")
    licensing = locate(BROKEN, "0 |", BROKEN.index("行政许可 | 0"))
    problems = locate(BROKEN, "五、存在的主要问题及改进情况")
    assert found == [
        ("AC103", *year, year[1] + 4, "error", "正文中有未替换的占位符“202X”"),
        ("AC103", *placeholder, placeholder[1] + 2, "error", "正文中有未替换的占位符“XX”"),
        (
            "AC101",
            *licensing,
            licensing[1] + 1,
            "warning",
            "本局承担行政许可职能，行政许可决定数量不应为0",
        ),
        (
            "AC102",
            *problems,
            problems[1] + 14,
            "warning",
            "“存在的主要问题及改进情况”应写明改进措施",
        ),
    ]
    assert [(d["expected"], d["actual"]) for d in agency_findings(result)] == [
        (None, "202X"),
        (None, "XX"),
        ("> 0", 0),
        ("改进|整改|措施", None),
    ]
    # the XX in a table cell is no text: only XG004 (a cell that is no number) reports it;
    # the built-in XG103 finds section 五 without a measure too, at its text
    others = [(d["code"], d["line"]) for d in result.diagnostics() if d["code"][:2] != "AC"]
    assert others == [
        ("XG004", locate(BROKEN, "行政处罚 | XX")[0]),
        ("XG103", locate(BROKEN, "（一）存在问题。")[0]),
    ]


def test_the_issue_example_in_english(repo: Path, capsys) -> None:
    result = run_main(capsys, "check", "--format", "json", "--lang", "en", "r.txt")
    assert [d["message"] for d in agency_findings(result)] == [
        "Unreplaced placeholder in the text: 202X",
        "Unreplaced placeholder in the text: XX",
        "This bureau grants licences, so the licensing count must not be 0",
        "Section 五 must state the measures taken",
    ]


def test_a_clean_report_passes_the_issue_example(repo: Path, capsys) -> None:
    write(repo / "r.txt", CLEAN)
    result = run_main(capsys, "check", "--format", "json", "r.txt")
    assert (result.code, result.diagnostics()) == (0, [])


def test_yaml_rules_are_selected_ignored_and_relevelled_like_built_in_ones(
    repo: Path, capsys
) -> None:
    write(
        repo / ".xxgk-lint.yaml",
        "plugins: [./checks/acme.yaml]\n"
        "ignore: [no-placeholders]\n"
        "severity: {AC101: error}\n"
        "per-file-ignores: {'r.txt': [AC102]}\n",
    )
    result = run_main(capsys, "check", "--format", "json", "r.txt")
    assert [(d["code"], d["severity"]) for d in agency_findings(result)] == [("AC101", "error")]
    selected = run_main(capsys, "check", "--format", "json", "--select", "AC1", "r.txt")
    assert [d["code"] for d in selected.diagnostics()] == ["AC101"]


def test_the_message_shows_cells_and_the_value(repo: Path, capsys) -> None:
    write(
        repo / "checks" / "acme.yaml",
        """\
rules:
  - code: AC201
    name: penalties-follow-licensing
    message:
      zh: 处罚决定 {proactive.penalties.decisions} 件，多于许可决定 {value} 件
      en: "{proactive.penalties.decisions} penalty decisions, more than the {value} licensing ones ({expected})"
    check: proactive.licensing.decisions >= proactive.penalties.decisions
""",
    )
    write(repo / "r.txt", edit(CLEAN, "行政许可 | 120 |", "行政许可 | 10 |"))
    zh = run_main(capsys, "check", "--format", "json", "r.txt")
    [finding] = zh.diagnostics()
    assert finding["message"] == "处罚决定 15 件，多于许可决定 10 件"
    assert (finding["expected"], finding["actual"]) == (">= 15", 10)
    assert (finding["line"], finding["column"]) == locate(CLEAN, "120 |")
    en = run_main(capsys, "check", "--format", "json", "--lang", "en", "r.txt")
    assert en.diagnostics()[0]["message"] == (
        "15 penalty decisions, more than the 10 licensing ones (>= 15)"
    )


# ---- errors in a rule file ----

BROKEN_FILE = ISSUE_EXAMPLE.replace(
    "check: proactive.licensing.decisions > 0", "check: proactive.licensing.decisions = 0"
)
BROKEN_LINE = (
    "checks/acme.yaml:8: AC101: check: unexpected '=' at column 31 (equality is written ==)"
)


@pytest.mark.parametrize(
    "argv",
    [
        ("check", "--lang", "en", "r.txt"),
        ("check", "--format", "json", "--lang", "en", "r.txt"),
        ("check", "--show-config", "--lang", "en", "r.txt"),
        ("rules", "--lang", "en"),
        ("explain", "XG201", "--lang", "en"),
    ],
)
def test_a_rule_file_error_is_one_line_and_exit_2(repo: Path, capsys, argv: tuple) -> None:
    write(repo / "checks" / "acme.yaml", BROKEN_FILE)
    result = run_main(capsys, *argv)
    assert result.code == 2
    assert not has_traceback(result.output)
    if argv[:2] == ("check", "--lang"):  # a text report lists its run errors in the report itself
        assert (result.out.count(BROKEN_LINE), result.err) == (1, "")
    else:
        assert result.err.splitlines() == [f"xxgk-lint: {BROKEN_LINE}"]
    if argv[1] == "--format":
        assert result.json()["summary"]["run_errors"] == [BROKEN_LINE]


def test_a_rule_file_error_is_said_in_chinese_by_default(repo: Path, capsys) -> None:
    write(repo / "checks" / "acme.yaml", BROKEN_FILE)
    result = run_main(capsys, "check", "--quiet", "r.txt")
    assert result.code == 2
    assert result.err.splitlines() == [
        "xxgk-lint: checks/acme.yaml:8: AC101: check: 第 31 列的 '=' 无法识别（相等写作 ==）"
    ]


def test_selecting_a_rule_of_a_broken_file_names_the_file_error(repo: Path, capsys) -> None:
    write(repo / "checks" / "acme.yaml", BROKEN_FILE)
    write(repo / ".xxgk-lint.yaml", "plugins: [./checks/acme.yaml]\nselect: [AC101]\n")
    result = run_main(capsys, "check", "--lang", "en", "r.txt")
    assert result.code == 2
    assert result.err.splitlines() == [f"xxgk-lint: {BROKEN_LINE}"]


def test_a_code_a_python_plugin_declared_first(repo: Path, capsys) -> None:
    write(
        repo / "checks" / "acme.py",
        """\
from xxgk_lint.plugin import RuleDoc, hookimpl, rule

DOC = RuleDoc("what", "why", "bad", "good")


@rule(code="AC101", name="python-rule", severity="warning", summary={"zh": "x"},
      messages={"zh": {"default": "x"}}, docs={"zh": DOC})
def mine(report, ctx):
    yield from ()


@hookimpl
def xxgk_lint_rules():
    return [mine]
""",
    )
    write(repo / ".xxgk-lint.yaml", "plugins: [./checks/acme.py, ./checks/acme.yaml]\n")
    result = run_main(capsys, "check", "--format", "json", "--lang", "en", "r.txt")
    assert result.code == 2
    config = repo / ".xxgk-lint.yaml"
    assert result.err.splitlines() == [
        "xxgk-lint: checks/acme.yaml:2: rule code AC101 is declared twice "
        f"(first by ./checks/acme.py ({config}))"
    ]
    assert sorted({d["code"] for d in agency_findings(result)}) == ["AC102", "AC103"]


def test_a_rule_file_named_by_an_untrusted_config_is_not_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    work = tmp_path / "office"
    incoming = work / "incoming"
    write(incoming / "checks" / "acme.yaml", ISSUE_EXAMPLE)
    write(incoming / ".xxgk-lint.yaml", "plugins: [./checks/acme.yaml]\n")
    write(incoming / "r.txt", BROKEN)
    monkeypatch.chdir(work)
    result = run_main(capsys, "check", "--format", "json", "--lang", "en", "incoming")
    assert agency_findings(result) == []
    assert "'plugins' not applied" in result.err
    trusted = run_main(capsys, "check", "--format", "json", "--trust-configs", "incoming")
    assert len(agency_findings(trusted)) == 4


def test_the_output_file_never_overwrites_a_rule_file(repo: Path, capsys) -> None:
    result = run_main(
        capsys, "check", "--format", "json", "--output-file", "checks/acme.yaml", "r.txt"
    )
    assert result.code == 2
    assert (repo / "checks" / "acme.yaml").read_text(encoding="utf-8") == ISSUE_EXAMPLE
    assert "--output-file checks/acme.yaml: refused" in result.err


def test_a_yaml_rule_pickles(repo: Path) -> None:
    from xxgk_lint.engine.plugins import LocalPlugin, load_registry
    from xxgk_lint.testing import parse_text

    registry = load_registry([LocalPlugin("./checks/acme.yaml", repo, "cfg")], "en")
    rule = pickle.loads(pickle.dumps(registry.rules["AC103"]))
    assert rule.meta == registry.rules["AC103"].meta
    from xxgk_lint.engine.rule import RuleContext

    report = parse_text(BROKEN)
    found = list(rule.check(report, RuleContext(rule.meta, "r.txt", "en")))
    assert [d.actual for d in found] == ["202X", "XX"]


# ---- a broken file asked for by name; messages in Chinese ----


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_explaining_a_rule_of_a_broken_file_prints_only_the_file_error(
    repo: Path, capsys, lang: str
) -> None:
    write(repo / "checks" / "acme.yaml", BROKEN_FILE)
    result = run_main(capsys, "explain", "AC101", "--lang", lang)
    assert (result.code, result.out) == (2, "")
    line = (
        BROKEN_LINE
        if lang == "en"
        else "checks/acme.yaml:8: AC101: check: 第 31 列的 '=' 无法识别（相等写作 ==）"
    )
    assert result.err.splitlines() == [f"xxgk-lint: {line}"]


def test_a_misspelt_row_lists_the_rows_with_a_suggestion(repo: Path, capsys) -> None:
    write(
        repo / "checks" / "acme.yaml",
        ISSUE_EXAMPLE.replace("proactive.licensing.decisions", "proactive.penalty.decisions"),
    )
    result = run_main(capsys, "rules")
    assert result.code == 2
    rows = (
        "regulations, normative_documents, licensing, penalties, enforcement, fees, "
        "other_services, procurement"
    )
    assert result.err.splitlines() == [
        "xxgk-lint: checks/acme.yaml:8: AC101: check: “proactive.penalty.decisions”："
        f"表“proactive”没有行“penalty”（行：{rows}）；是否应为 'penalties'？"
    ]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "zh",
            "checks/acme.yaml:2: 规则名称 missing-section 是内置规则 XG101 的名称，请另取一个名称",
        ),
        (
            "en",
            "checks/acme.yaml:2: rule name missing-section is the name of the built-in rule "
            "XG101: choose another",
        ),
    ],
)
def test_a_name_a_built_in_rule_has_is_said_to_be_the_built_in_rules(
    repo: Path, capsys, lang: str, line: str
) -> None:
    write(
        repo / "checks" / "acme.yaml",
        "rules:\n  - code: AC109\n    name: missing-section\n    message: x\n"
        "    check: proactive.licensing.decisions > 0\n",
    )
    result = run_main(capsys, "rules", "--lang", lang)
    assert result.code == 2
    assert result.err.splitlines() == [f"xxgk-lint: {line}"]


def test_a_yaml_syntax_error_is_said_in_chinese(repo: Path, capsys) -> None:
    write(repo / "checks" / "acme.yaml", "rules:\n  - code: AC101\n    name: a: b\n")
    zh = run_main(capsys, "rules")
    assert zh.code == 2
    assert zh.err.splitlines() == [
        "xxgk-lint: checks/acme.yaml:3: YAML 格式错误（第 12 列）："
        "此处不能出现“: ”（含冒号和空格的文本请加引号，或检查缩进）"
    ]
    en = run_main(capsys, "rules", "--lang", "en")
    assert en.err.splitlines() == [
        "xxgk-lint: checks/acme.yaml:3: invalid YAML (column 12): mapping values are not "
        "allowed here"
    ]
