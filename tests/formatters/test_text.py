"""The text format: golden output, caret alignment under Chinese text and tabs, colour."""

from __future__ import annotations

import re
from dataclasses import replace

from wcwidth import wcswidth

from xxgk_lint.engine.diagnostics import Diagnostic, Severity
from xxgk_lint.engine.results import FileResult, RunResult
from xxgk_lint.formatters import render

from .conftest import COUNTY_FILE, TAB_LINE, WIDE_LINE

ANSI = re.compile(r"\x1b\[[0-9;]*m")

GOLDEN_ZH = """\
reports/2023/县政府.txt:2:19: XG201 error: 总计 12 与各列之和 11 不符
  |
2 | 一、本年新收申请数量合计        11      0       12
  |                                                 ^^
  = 应为：11，实际：12

reports/2023/县政府.txt:3:13: XG201 error: 总计 15 与各列之和 14 不符
  |
3 | 二、上年结转申请数量合计15
  |                         ^^
  = 应为：14，实际：15

reports/2023/县政府.txt:4:1: XG401 warning: 第六部分未说明信息处理费收取情况
  |
4 | 六、其他需要报告的事项
  | ^^^^^^^^^^^^

reports/broken.pdf:1:1: XG001 error: 无法读取文件：不是有效的 PDF

reports/报告 2023.docx:12:4 [表格 2，第 5 行，第 3 列]: XG203 warning: \
一 + 二（12）不等于 （七）总计 + 四（10.5）
   |
12 | 总计    12      10
   |         ^^
   = 应为：10.5，实际：12

检查了 4 个文件：3 个错误，2 个警告，1 个文件无法读取。
"""


def test_golden_zh(run_zh: RunResult) -> None:
    assert render("text", run_zh) == GOLDEN_ZH


def test_golden_en_changes_only_the_words(run_en: RunResult) -> None:
    expected = (
        GOLDEN_ZH.replace("应为：", "expected: ")
        .replace("，实际：", ", actual: ")
        .replace(
            "检查了 4 个文件：3 个错误，2 个警告，1 个文件无法读取。",
            "Checked 4 files: 3 errors, 2 warnings, 1 unreadable file.",
        )
    )
    assert render("text", run_en) == expected


def _caret_line(output: str, header_start: str) -> tuple[str, str]:
    """The shown source line and the caret line under the finding that starts so."""
    lines = output.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    return lines[index + 2], lines[index + 3]


def test_caret_under_digits_after_twelve_wide_characters(run_zh: RunResult) -> None:
    shown, carets = _caret_line(render("text", run_zh), "reports/2023/县政府.txt:3:13")
    gutter = len("3 | ")
    assert shown[gutter:] == WIDE_LINE
    # 12 Han characters and punctuation = 24 terminal columns, then the digits.
    assert wcswidth(WIDE_LINE[:12]) == 24
    assert carets == "  | " + " " * 24 + "^^"


def test_caret_after_tabs_uses_display_columns(run_zh: RunResult) -> None:
    """The tab after 24 columns of Han text reaches column 32, not 16 (expandtabs would)."""
    shown, carets = _caret_line(render("text", run_zh), "reports/2023/县政府.txt:2:19")
    gutter = len("2 | ")
    assert "\t" not in shown
    assert (
        shown[gutter:]
        == "一、本年新收申请数量合计" + " " * 8 + "11" + " " * 6 + "0" + " " * 7 + "12"
    )
    assert carets == "  | " + " " * 48 + "^^"
    # The carets stand exactly under the "12" that ends the row, in display columns.
    assert wcswidth(shown[: shown.rindex("12")]) == carets.index("^")
    assert TAB_LINE.endswith("\t12")


def test_wide_characters_get_two_carets_each(run_zh: RunResult) -> None:
    _, carets = _caret_line(render("text", run_zh), "reports/2023/县政府.txt:4:1")
    assert carets == "  | " + "^" * 12  # 六、其他需要 = 6 characters, 12 columns


def test_where_follows_the_position(run_zh: RunResult) -> None:
    output = render("text", run_zh)
    assert "reports/报告 2023.docx:12:4 [表格 2，第 5 行，第 3 列]: XG203 warning: " in output


def test_no_ansi_codes_without_colour(run_zh: RunResult) -> None:
    assert "\x1b[" not in render("text", run_zh)


def test_colour_adds_ansi_codes_and_nothing_else(run_zh: RunResult) -> None:
    coloured = render("text", run_zh, color=True)
    assert "\x1b[1;31mXG201\x1b[0m" in coloured  # errors in red
    assert "\x1b[1;33mwarning\x1b[0m" in coloured  # warnings in yellow
    assert ANSI.sub("", coloured) == GOLDEN_ZH


def test_quiet_prints_only_the_summary(run_zh: RunResult) -> None:
    assert render("text", run_zh, quiet=True) == (
        "检查了 4 个文件：3 个错误，2 个警告，1 个文件无法读取。\n"
    )


def test_statistics_table_before_the_summary(run_en: RunResult) -> None:
    output = render("text", run_en, statistics=True)
    table, summary = output.rstrip("\n").split("\n\n")[-2:]
    assert table.splitlines() == [
        "XG201  row-sum                2",
        "XG001  unreadable-input       1",
        "XG203  balance                1",
        "XG401  missing-fee-statement  1",
    ]
    assert summary == "Checked 4 files: 3 errors, 2 warnings, 1 unreadable file."


def test_clean_run(clean_run: RunResult) -> None:
    assert render("text", clean_run) == "Checked 1 file: 0 errors, 0 warnings.\n"
    assert render("text", clean_run, statistics=True) == render("text", clean_run)


def test_run_errors_are_printed_and_counted(run_with_run_errors: RunResult) -> None:
    output = render("text", run_with_run_errors)
    assert "运行错误: 插件 acme_rules 加载失败：ImportError: no module named acme\n" in output
    assert "运行错误: 50% done\n" in output
    assert output.endswith("检查了 1 个文件：2 个错误，1 个警告，2 个运行错误。\n")
    en = render("text", replace(run_with_run_errors, lang="en"))
    assert "run error: 50% done\n" in en
    assert en.endswith("Checked 1 file: 2 errors, 1 warning, 2 run errors.\n")


def test_infos_are_counted_when_present() -> None:
    diagnostic = replace(COUNTY_FILE.diagnostics[0], severity=Severity.INFO)
    run = RunResult(files=(replace(COUNTY_FILE, diagnostics=(diagnostic,)),), rules=(), lang="en")
    assert render("text", run).endswith("Checked 1 file: 0 errors, 0 warnings, 1 info.\n")
    assert render("text", replace(run, lang="zh")).endswith(
        "检查了 1 个文件：0 个错误，0 个警告，1 条提示。\n"
    )


def _one(line: str, column: int, end_column: int, end_line: int = 1) -> list[str]:
    diagnostic = Diagnostic(
        code="XG302",
        name="malformed-period",
        severity=Severity.ERROR,
        message="m",
        path="a.txt",
        line=1,
        column=column,
        end_line=end_line,
        end_column=end_column,
    )
    file = FileResult("a.txt", (diagnostic,), (), source_lines=(line, "next"), kind="text")
    return render("text", RunResult(files=(file,), rules=())).splitlines()


def test_long_lines_are_cut_around_the_span() -> None:
    """A whole paragraph is often one line; the window keeps the carets on screen."""
    head = "根据《中华人民共和国政府信息公开条例》和上级通知要求，现向社会公布本机关年度报告。"
    line = (
        head + "统计期限自2023年1月1日起至2023年13月31日止。" + "如有疑问请联系本机关办公室。" * 5
    )
    start = line.index("2023年13月")
    shown, carets = _one(line, start + 1, start + 11)[2:4]
    gutter = "1 | "
    assert shown.startswith(gutter + "...")
    assert shown.endswith("...")
    assert wcswidth(shown[len(gutter) :]) <= 100 + 2 * len("...")
    text = shown[len(gutter) :]
    caret_text = carets[len(gutter) :]
    assert caret_text == " " * wcswidth(text[: text.index("2023年13月")]) + "^" * wcswidth(
        "2023年13月31"
    )


def test_span_past_the_end_of_the_line_gets_one_caret() -> None:
    shown, carets = _one("第一行", 4, 4)[2:4]
    assert shown == "1 | 第一行"
    assert carets == "  | " + " " * 6 + "^"


def test_span_over_several_lines_is_underlined_to_the_end_of_its_first_line() -> None:
    _, carets = _one("ab\tc", 2, 2, end_line=2)[2:4]
    assert carets == "  | " + " " + "^" * 8  # "b" (1) + tab to column 8 (6) + "c" (1)


def test_control_characters_keep_the_carets_aligned() -> None:
    shown, carets = _one("a\x0cb\r", 3, 4)[2:4]
    assert shown == "1 | a\ufffdb"
    assert carets == "  | " + "  ^"


def test_no_snippet_when_the_line_is_out_of_range() -> None:
    diagnostic = replace(COUNTY_FILE.diagnostics[0], path="a.txt", line=99, end_line=99)
    file = FileResult("a.txt", (diagnostic,), (), source_lines=("x",))
    lines = render("text", RunResult(files=(file,), rules=())).splitlines()
    assert lines[:2] == [
        "a.txt:99:19: XG201 error: 总计 12 与各列之和 11 不符",
        "   = 应为：11，实际：12",
    ]


def _hostile(run: RunResult) -> RunResult:
    """``run`` with escape sequences in a message, a path, a locator and a value."""
    diagnostic = replace(
        COUNTY_FILE.diagnostics[0],
        message="期限“\x1b]0;pwned\x07”\x1b[2J",
        path="reports/\x1b[31mred.txt",
        where="表格\x9b2J",
        actual="8\x1b[0m",
    )
    file = replace(COUNTY_FILE, path=diagnostic.path, diagnostics=(diagnostic,))
    return replace(run, files=(file,), run_errors=("插件\x1b[2J出错",))


def test_control_characters_from_the_report_are_shown_escaped(run_zh: RunResult) -> None:
    output = render("text", _hostile(run_zh))
    assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output
    header = output.splitlines()[0]
    assert header == (
        "reports/\\x1b[31mred.txt:2:19 [表格\\x9b2J]: XG201 error: 期限“\\x1b]0;pwned\\x07”\\x1b[2J"
    )
    assert "实际：8\\x1b[0m" in output
    assert "运行错误: 插件\\x1b[2J出错" in output


def test_colour_codes_are_the_only_escapes_with_colour(run_zh: RunResult) -> None:
    output = render("text", _hostile(run_zh), color=True)
    assert re.sub(r"\x1b\[[0-9;]*m", "", output) == render("text", _hostile(run_zh))
    assert "\x1b]" not in output and "\x1b[2J" not in output


def test_configs_from_checked_folders_are_named_above_the_summary(run_en: RunResult) -> None:
    from xxgk_lint.engine.results import ConfigUse

    run = replace(
        run_en,
        configs=(ConfigUse(".xxgk-lint.yaml", True), ConfigUse("in/.xxgk-lint.yaml", False)),
    )
    lines = render("text", run, quiet=True).splitlines()
    assert lines == [
        "Config files from the checked folders applied: in/.xxgk-lint.yaml.",
        render("text", run_en, quiet=True).strip(),
    ]
    trusted_only = replace(run_en, configs=(ConfigUse(".xxgk-lint.yaml", True),))
    assert render("text", trusted_only) == render("text", run_en)
