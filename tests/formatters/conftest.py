"""Hand-made runs for the formatter tests: no parser, no rules, only the contracts.

The formatters receive nothing but a RunResult, so the tests build one directly; a change
in the parser or the rules can never make these golden outputs drift.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from xxgk_lint.engine.diagnostics import Diagnostic, RuleDoc, RuleMeta, Severity
from xxgk_lint.engine.results import FileResult, RunResult


def _rule(code: str, name: str, severity: Severity, zh: str, en: str) -> RuleMeta:
    return RuleMeta(
        code=code,
        name=name,
        severity=severity,
        summary={"zh": zh, "en": en},
        messages={"zh": {"default": zh}, "en": {"default": en}},
        docs={
            "zh": RuleDoc(
                what=f"检查{zh}。",
                why="统计数据前后矛盾，会被评估机构扣分。",
                bad="一、本年新收 | 1 | 0 | 0 | 0 | 0 | 0 | 2",
                good="一、本年新收 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
            ),
            "en": RuleDoc(
                what=f"Checks: {en}.",
                why="Inconsistent statistics cost points in evaluations.",
                bad="一、本年新收 | 1 | 0 | 0 | 0 | 0 | 0 | 2",
                good="一、本年新收 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
            ),
        },
        origin="tests",
    )


RULES = (
    _rule("XG001", "unreadable-input", Severity.ERROR, "无法读取的文件", "unreadable input"),
    _rule("XG101", "missing-section", Severity.ERROR, "缺少章节", "missing section"),
    _rule("XG201", "row-sum", Severity.ERROR, "行总计与各列之和不符", "row total mismatch"),
    _rule("XG203", "balance", Severity.ERROR, "勾稽关系不成立", "balance does not hold"),
    _rule("XG401", "missing-fee-statement", Severity.WARNING, "未说明信息处理费", "no fee"),
)
RUN_ON_TEXT = tuple(r for r in RULES if r.code != "XG001")

# 12 wide characters (24 columns), then the cells separated by TABs: "11" starts at
# column 32 (the tab from 24 goes to the next multiple of 8), "0" at 40, "12" at 48.
TAB_LINE = "一、本年新收申请数量合计\t11\t0\t12"
# 12 wide characters immediately followed by the digits: they start at column 24.
WIDE_LINE = "二、上年结转申请数量合计15"

COUNTY = "reports/2023/县政府.txt"
TOWN = "reports/2023/乡镇.txt"
BROKEN = "reports/broken.pdf"
DOCX = "reports/报告 2023.docx"

COUNTY_DIAGNOSTICS = (
    Diagnostic(
        code="XG201",
        name="row-sum",
        severity=Severity.ERROR,
        message="总计 12 与各列之和 11 不符",
        path=COUNTY,
        line=2,
        column=19,
        end_line=2,
        end_column=21,
        expected=11,
        actual=12,
        subject="applications.received.total",
    ),
    Diagnostic(
        code="XG201",
        name="row-sum",
        severity=Severity.ERROR,
        message="总计 15 与各列之和 14 不符",
        path=COUNTY,
        line=3,
        column=13,
        end_line=3,
        end_column=15,
        expected=14,
        actual=15,
        subject="applications.carried_over.total",
    ),
    Diagnostic(
        code="XG401",
        name="missing-fee-statement",
        severity=Severity.WARNING,
        message="第六部分未说明信息处理费收取情况",
        path=COUNTY,
        line=4,
        column=1,
        end_line=4,
        end_column=7,
        subject="other.fees",
    ),
)

COUNTY_FILE = FileResult(
    path=COUNTY,
    diagnostics=COUNTY_DIAGNOSTICS,
    rules_run=RUN_ON_TEXT,
    source_lines=(
        "三、收到和处理政府信息公开申请情况",
        TAB_LINE,
        WIDE_LINE,
        "六、其他需要报告的事项",
    ),
    kind="text",
)
TOWN_FILE = FileResult(
    path=TOWN, diagnostics=(), rules_run=RUN_ON_TEXT, source_lines=("…",), kind="text"
)
BROKEN_FILE = FileResult(
    path=BROKEN,
    diagnostics=(
        Diagnostic(
            code="XG001",
            name="unreadable-input",
            severity=Severity.ERROR,
            message="无法读取文件：不是有效的 PDF",
            path=BROKEN,
            line=1,
            column=1,
            end_line=1,
            end_column=1,
        ),
    ),
    rules_run=(),
    unreadable=True,
)
DOCX_FILE = FileResult(
    path=DOCX,
    diagnostics=(
        Diagnostic(
            code="XG203",
            name="balance",
            severity=Severity.WARNING,
            message="一 + 二（12）不等于 （七）总计 + 四（10.5）",
            path=DOCX,
            line=12,
            column=4,
            end_line=12,
            end_column=6,
            expected=Decimal("10.5"),
            actual=12,
            where="表格 2，第 5 行，第 3 列",
            subject="applications.balance.total",
        ),
    ),
    rules_run=RUN_ON_TEXT,
    source_lines=(*(f"第 {n} 行" for n in range(1, 12)), "总计\t12\t10"),
    kind="docx",
)


@pytest.fixture
def run_zh() -> RunResult:
    """Four files: findings with TAB and wide text, a clean file, an unreadable one, a .docx."""
    return RunResult(
        files=(COUNTY_FILE, TOWN_FILE, BROKEN_FILE, DOCX_FILE),
        rules=RULES,
        fail_on=Severity.ERROR,
        lang="zh",
    )


@pytest.fixture
def run_en(run_zh: RunResult) -> RunResult:
    return replace(run_zh, lang="en")


@pytest.fixture
def clean_run() -> RunResult:
    return RunResult(files=(TOWN_FILE,), rules=RULES, lang="en")


@pytest.fixture
def run_with_run_errors(run_zh: RunResult) -> RunResult:
    return replace(
        run_zh,
        files=(COUNTY_FILE,),
        run_errors=("插件 acme_rules 加载失败：ImportError: no module named acme", "50% done"),
    )
