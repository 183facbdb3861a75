"""Every error in a rule file is one line ``file:line: …`` (in the user's language), and a
file with any error gives no rule."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from xxgk_lint.engine.yamlrules import load_rule_file
from xxgk_lint.testing import parse_file, run_rule

GOOD = """\
rules:
  - code: AC101
    name: licensing-reported
    message: 行政许可决定数量不应为0
    check: proactive.licensing.decisions > 0
"""

#: A rule file with one mistake → the line it names, and the message (en).
ERRORS = {
    "yaml-syntax": (
        "rules:\n  - code: AC101\n    name: [licensing\n",
        4,
        "invalid YAML (column 1): expected ',' or ']', but got '<stream end>'",
    ),
    "duplicate-key": (
        "rules:\n  - code: AC101\n    code: AC102\n",
        3,
        "invalid YAML (column 5): duplicate key 'code' (first given at line 2)",
    ),
    "not-a-mapping": (
        "- code: AC101\n",
        1,
        "a rule file is a mapping whose 'rules:' lists the rules",
    ),
    "unknown-top-key": (
        GOOD + "rule: {}\n",
        6,
        "unknown key 'rule' (the top level has only 'rules'); did you mean 'rules'?",
    ),
    "rules-not-a-list": ("rules: AC101\n", 1, "'rules:' must be a list of rules"),
    "rules-misspelt": (
        "rule:\n  - code: AC101\n",
        1,
        "unknown key 'rule' (the top level has only 'rules'); did you mean 'rules'?",
    ),
    "rules-empty": ("rules: []\n", 1, "'rules:' lists no rule"),
    "rules-missing": ("{}\n", 1, "'rules:' (the list of rules) is missing"),
    "too-large": (
        GOOD + "# " + "说明" * 40_000 + "\n",
        1,
        "the file is larger than 64 KiB: split its rules over several files, each listed "
        "under plugins:",
    ),
    "rule-not-a-mapping": (
        "rules:\n  - AC101\n",
        2,
        "each rule is a mapping (code:, name:, message: …)",
    ),
    "no-code": (
        "rules:\n  - name: licensing-reported\n    message: x\n    check: proactive.licensing.decisions > 0\n",
        2,
        "'code:' is missing",
    ),
    "code-not-flake8": (
        GOOD.replace("AC101", "ACME101"),
        2,
        "code: rule code 'ACME101' is not a prefix of 1 to 3 capital letters and 3 digits "
        "(flake8 style, e.g. AC101)",
    ),
    "xg-prefix": (
        GOOD.replace("AC101", "XG101"),
        2,
        "code: rule code XG101 takes the prefix XG, which is reserved for xxgk-lint's own rules",
    ),
    "duplicate-code": (
        GOOD + GOOD.replace("rules:\n", "").replace("licensing-reported", "other-name"),
        6,
        "rule code AC101 is declared twice (first at line 2)",
    ),
    "duplicate-name": (
        GOOD + GOOD.replace("rules:\n", "").replace("AC101", "AC102"),
        7,
        "rule name licensing-reported is declared twice (first at line 2)",
    ),
    "unknown-rule-key": (
        GOOD.replace("    check:", "    chek:"),
        5,
        "AC101: unknown key 'chek'; did you mean 'check'?",
    ),
    "no-name": (GOOD.replace("    name: licensing-reported\n", ""), 2, "AC101: 'name:' is missing"),
    "name-not-kebab": (
        GOOD.replace("licensing-reported", "Licensing_Reported"),
        3,
        "AC101: name: 'Licensing_Reported' is not kebab-case (e.g. licensing-reported)",
    ),
    "bad-severity": (
        GOOD + "    severity: fatal\n",
        6,
        "AC101: severity: must be error, warning or info, not 'fatal'",
    ),
    "no-message": (
        GOOD.replace("    message: 行政许可决定数量不应为0\n", ""),
        2,
        "AC101: 'message:' is missing (zh is required, en optional)",
    ),
    "message-without-chinese": (
        GOOD.replace("message: 行政许可决定数量不应为0", "message: {en: licensing count}"),
        4,
        "AC101: message: zh: is missing (en is optional)",
    ),
    "message-unknown-language": (
        GOOD.replace("message: 行政许可决定数量不应为0", "message: {zh: 数量, fr: nombre}"),
        4,
        "AC101: message: unknown language 'fr' (zh or en)",
    ),
    "message-unknown-field": (
        GOOD.replace("行政许可决定数量不应为0", "'占位符“{match}”'"),
        4,
        "AC101: message: zh: unknown field {match} (fields: {actual}, {expected}, {value}, or "
        "a cell address such as {proactive.licensing.decisions})",
    ),
    "message-unknown-cell": (
        GOOD.replace("行政许可决定数量不应为0", "'数量为 {proactive.licensing.decision}'"),
        4,
        "AC101: message: zh: field {proactive.licensing.decision}: "
        "'proactive.licensing.decision': row 'licensing' has no column 'decision' "
        "(columns: decisions, previous, change); did you mean 'decisions'?",
    ),
    "message-lone-brace": (
        GOOD.replace("行政许可决定数量不应为0", "'数量 { 不应为0'"),
        4,
        "AC101: message: zh: a lone '{': fields are written {match}, a brace itself {{",
    ),
    "no-kind": (
        GOOD.replace("    check: proactive.licensing.decisions > 0\n", ""),
        2,
        "AC101: a rule has exactly one of check:, require: or forbid:",
    ),
    "two-kinds": (
        GOOD + "    forbid: XX\n    scope: text\n",
        2,
        "AC101: a rule has exactly one of check:, require: or forbid: (this one has check, forbid)",
    ),
    "expression-does-not-parse": (
        GOOD.replace("> 0", "= 0"),
        5,
        "AC101: check: unexpected '=' at column 31 (equality is written ==)",
    ),
    "expression-unknown-table": (
        GOOD.replace("proactive.licensing", "proactve.licensing"),
        5,
        "AC101: check: 'proactve.licensing.decisions': no table 'proactve' "
        "(tables: proactive, applications, reviews); did you mean 'proactive'?",
    ),
    "expression-unknown-row": (
        GOOD.replace("proactive.licensing", "proactive.licence"),
        5,
        "AC101: check: 'proactive.licence.decisions': table 'proactive' has no row 'licence' "
        "(rows: regulations, normative_documents, licensing, penalties, enforcement, fees, "
        "other_services, procurement); did you mean 'licensing'?",
    ),
    "expression-a-row-not-a-cell": (
        GOOD.replace("proactive.licensing.decisions", "applications.denied.state_secret"),
        5,
        "AC101: check: 'applications.denied.state_secret' names a row, not a cell: add its "
        "column, e.g. applications.denied.state_secret.total",
    ),
    "expression-wildcard-outside-sum": (
        GOOD.replace("proactive.licensing.decisions", "applications.*.total"),
        5,
        "AC101: check: 'applications.*.total': a wildcard (*) stands for several cells: use it "
        "inside sum(), min() or max(), e.g. sum(applications.*.total)",
    ),
    "expression-a-number": (
        GOOD.replace(" > 0", ""),
        5,
        "AC101: check: the expression is a number, not a condition: compare it "
        "(e.g. proactive.licensing.decisions > 0)",
    ),
    "expression-without-cells": (
        GOOD.replace("proactive.licensing.decisions > 0", "1 > 0"),
        5,
        "AC101: check: the condition names no cell (e.g. proactive.licensing.decisions > 0)",
    ),
    "when-does-not-parse": (
        GOOD + "    when: proactive.licensing.decisions >\n",
        6,
        "AC101: when: the expression ends too early",
    ),
    "scope-on-a-check": (
        GOOD + "    scope: text\n",
        6,
        "AC101: scope: a check: rule reads cells and takes no scope: "
        "(scope: is for require: and forbid:)",
    ),
    "no-scope": (
        GOOD.replace("check: proactive.licensing.decisions > 0", "require: 改进"),
        2,
        "AC101: a require: rule needs a scope: (text, title, section.overview, section.proactive, "
        "section.applications, section.reviews, section.problems, section.other, "
        "table.proactive, table.applications, table.reviews)",
    ),
    "unknown-scope": (
        GOOD.replace(
            "check: proactive.licensing.decisions > 0", "require: 改进\n    scope: section.problem"
        ),
        6,
        "AC101: scope: unknown scope 'section.problem' (scopes: text, title, section.overview, "
        "section.proactive, section.applications, section.reviews, section.problems, "
        "section.other, table.proactive, table.applications, table.reviews); did you mean "
        "'section.problems'?",
    ),
    "bad-pattern": (
        GOOD.replace("check: proactive.licensing.decisions > 0", "forbid: XX(\n    scope: text"),
        5,
        "AC101: forbid: not a valid regular expression: missing ), unterminated subpattern "
        "(at character 3)",
    ),
    "pattern-matching-nothing": (
        GOOD.replace("check: proactive.licensing.decisions > 0", "forbid: X*\n    scope: text"),
        5,
        "AC101: forbid: the pattern matches empty text (it would match everywhere)",
    ),
    "examples-malformed": (
        GOOD + "    examples: {failing: x}\n",
        6,
        "AC101: examples: must be bad: (report text the rule reports) and good: (text it passes)",
    ),
}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "checks" / "acme.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_gives_ordinary_rules(tmp_path: Path) -> None:
    loaded = load_rule_file(write(tmp_path, GOOD), "checks/acme.yaml", "en")
    assert loaded.errors == []
    [rule] = loaded.rules
    meta = rule.meta
    assert (meta.code, meta.name, meta.severity.label) == ("AC101", "licensing-reported", "warning")
    assert meta.origin == "checks/acme.yaml"
    assert meta.uses == ("proactive.licensing.decisions",)
    assert meta.messages == {"zh": {"default": "行政许可决定数量不应为0"}}
    assert meta.summary == {"zh": "行政许可决定数量不应为0"}
    assert meta.docs["en"].what.startswith("Condition: proactive.licensing.decisions > 0")
    assert loaded.place(rule) == "checks/acme.yaml:2"
    assert rule.check is not None and rule.check_run is None


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_each_error_is_one_line_naming_the_file_and_line(tmp_path: Path, case: str) -> None:
    text, line, message = ERRORS[case]
    loaded = load_rule_file(write(tmp_path, text), "checks/acme.yaml", "en")
    assert loaded.errors == [f"checks/acme.yaml:{line}: {message}"]
    assert loaded.rules == []


def test_every_error_of_a_file_is_reported_and_none_of_its_rules_is_used(tmp_path: Path) -> None:
    text = textwrap.dedent(
        """\
        rules:
          - code: AC101
            name: licensing-reported
            message: x
            check: proactive.licensing.decisions > 0
          - code: AC102
            name: bad-scope
            message: x
            scope: section.nowhere
            require: 改进
          - code: XG103
            name: xg
            message: x
            check: proactive.licensing.decisions > 0
        """
    )
    loaded = load_rule_file(write(tmp_path, text), "checks/acme.yaml", "zh")
    assert loaded.rules == []
    assert [e.split(":")[:2] for e in loaded.errors] == [
        ["checks/acme.yaml", "9"],
        ["checks/acme.yaml", "11"],
    ]
    assert loaded.errors[1] == (
        "checks/acme.yaml:11: code: 规则代码 XG103 使用了 XG 前缀，XG 留给 xxgk-lint 自己的规则"
    )


CHINESE = {
    "expression-does-not-parse": "AC101: check: 第 31 列的 '=' 无法识别（相等写作 ==）",
    "expression-unknown-table": "AC101: check: “proactve.licensing.decisions”：没有表“proactve”"
    "（表：proactive, applications, reviews）；是否应为 'proactive'？",
    "expression-unknown-row": "AC101: check: “proactive.licence.decisions”：表“proactive”没有行"
    "“licence”（行：regulations, normative_documents, licensing, penalties, enforcement, fees, "
    "other_services, procurement）；是否应为 'licensing'？",
    "no-message": "AC101: 缺少 message:（至少要有中文 zh）",
    "unknown-rule-key": "AC101: 未知的键 'chek'；是否应为 'check'？",
    "yaml-syntax": "YAML 格式错误（第 1 列）：应为“,”或“]”，实际是文件结尾（括号未闭合？）",
    "duplicate-key": "YAML 格式错误（第 5 列）：键 'code' 重复（第 2 行已给出）",
    "code-not-flake8": "code: 规则代码 'ACME101' 应为 1 至 3 个大写字母加 3 位数字（如 AC101）",
}


@pytest.mark.parametrize("case", sorted(CHINESE))
def test_errors_are_in_chinese_by_default(tmp_path: Path, case: str) -> None:
    text, line, _ = ERRORS[case]
    loaded = load_rule_file(write(tmp_path, text), "checks/acme.yaml", "zh")
    assert loaded.errors == [f"checks/acme.yaml:{line}: {CHINESE[case]}"]


def test_a_missing_or_unreadable_file(tmp_path: Path) -> None:
    missing = load_rule_file(tmp_path / "nowhere.yaml", "nowhere.yaml", "en")
    assert missing.errors == ["nowhere.yaml:1: no such rule file"]
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00rules")
    assert (
        load_rule_file(binary, "binary.yaml", "en")
        .errors[0]
        .startswith("binary.yaml:1: cannot read the rule file (")
    )


def test_an_alias_bomb_is_refused(tmp_path: Path) -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        previous = f"*a{level - 1}"
        levels.append(f"a{level}: &a{level} [{', '.join([previous] * 9)}]")
    loaded = load_rule_file(write(tmp_path, "\n".join(levels) + "\n"), "acme.yaml", "en")
    [error] = loaded.errors
    assert error.startswith("acme.yaml:")
    assert "an alias bomb" in error


def test_a_ratio_is_given_at_most_four_decimals_as_its_message_shows_it(tmp_path: Path) -> None:
    """A share a check: rule computes (5 granted of 9 received) is the finding's actual
    value as its message shows it, 0.5556, not the 28 digits of the division."""
    path = write(
        tmp_path,
        "rules:\n  - code: AC101\n    name: granted-share\n    message: 比例为{value}\n"
        "    check: applications.granted.total / applications.received.total >= 0.9\n",
    )
    clean = parse_file(FIXTURES / "samples" / "clean-pipe.txt")
    [finding] = run_rule("AC101", clean, plugins=[path])
    assert (finding.expected, finding.actual) == (">= 0.9", Decimal("0.5556"))
    assert finding.message == "比例为0.5556"
