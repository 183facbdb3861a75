"""The github format: exact workflow commands and their escaping."""

from __future__ import annotations

from dataclasses import replace

import pytest

from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.engine.results import RunResult
from xxgk_lint.formatters import render
from xxgk_lint.formatters.github import annotation, escape_data, escape_property

from .conftest import COUNTY_FILE


def test_exact_lines(run_zh: RunResult) -> None:
    assert render("github", run_zh).splitlines() == [
        "::error file=reports/2023/县政府.txt,line=2,col=19,endLine=2,endColumn=21,"
        "title=XG201 row-sum::总计 12 与各列之和 11 不符",
        "::error file=reports/2023/县政府.txt,line=3,col=13,endLine=3,endColumn=15,"
        "title=XG201 row-sum::总计 15 与各列之和 14 不符",
        "::warning file=reports/2023/县政府.txt,line=4,col=1,endLine=4,endColumn=7,"
        "title=XG401 missing-fee-statement::第六部分未说明信息处理费收取情况",
        "::error file=reports/broken.pdf,line=1,col=1,endLine=1,endColumn=1,"
        "title=XG001 unreadable-input::无法读取文件：不是有效的 PDF",
        "::warning file=reports/报告 2023.docx,line=12,col=4,endLine=12,endColumn=6,"
        "title=XG203 balance::一 + 二（12）不等于 （七）总计 + 四（10.5）"
        " [表格 2，第 5 行，第 3 列]",
    ]


def test_info_is_a_notice() -> None:
    info = replace(COUNTY_FILE.diagnostics[0], severity=Severity.INFO)
    assert annotation(info).startswith("::notice file=")


def test_clean_run_prints_nothing(clean_run: RunResult) -> None:
    assert render("github", clean_run) == ""


def test_escaping() -> None:
    assert escape_data("50%\r\nnext: a, b") == "50%25%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_message_and_properties_are_escaped() -> None:
    diagnostic = replace(
        COUNTY_FILE.diagnostics[0],
        path="reports/a,b:c.txt",
        message="第一行\n第二行 100%",
    )
    assert annotation(diagnostic) == (
        "::error file=reports/a%2Cb%3Ac.txt,line=2,col=19,endLine=2,endColumn=21,"
        "title=XG201 row-sum::第一行%0A第二行 100%25"
    )


def test_multi_line_span_has_no_columns() -> None:
    """GitHub only supports a column range on one line."""
    diagnostic = replace(COUNTY_FILE.diagnostics[0], end_line=5)
    assert annotation(diagnostic) == (
        "::error file=reports/2023/县政府.txt,line=2,endLine=5,"
        "title=XG201 row-sum::总计 12 与各列之和 11 不符"
    )


def test_windows_paths_use_forward_slashes(monkeypatch: pytest.MonkeyPatch) -> None:
    import xxgk_lint.formatters

    # Backslashes separate folders only on Windows (elsewhere they are part of a name).
    monkeypatch.setattr(xxgk_lint.formatters.os, "sep", "\\")
    diagnostic = replace(COUNTY_FILE.diagnostics[0], path="reports\\2023\\a.txt")
    assert annotation(diagnostic).startswith("::error file=reports/2023/a.txt,line=2,")


def test_run_errors(run_with_run_errors: RunResult) -> None:
    assert render("github", run_with_run_errors).splitlines()[-2:] == [
        "::error title=xxgk-lint::插件 acme_rules 加载失败：ImportError: no module named acme",
        "::error title=xxgk-lint::50%25 done",
    ]


def test_control_characters_are_escaped() -> None:
    diagnostic = replace(
        COUNTY_FILE.diagnostics[0], message="a\x1b[2J%\nb", path="r/\x1b]0;x\x07.txt"
    )
    line = annotation(diagnostic)
    assert "\x1b" not in line and "\x07" not in line
    assert line == (
        "::error file=r/\\x1b]0;x\\x07.txt,line=2,col=19,endLine=2,endColumn=21,"
        "title=XG201 row-sum::a\\x1b[2J%25%0Ab"
    )
