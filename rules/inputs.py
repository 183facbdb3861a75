"""XG001 unreadable-input and XG002 unknown-format: can the file be linted at all?"""

from __future__ import annotations

from collections.abc import Iterator

from xxgk_lint_rules._docs import docs

from xxgk_lint.engine.diagnostics import Diagnostic, RuleMeta, Severity
from xxgk_lint.engine.rule import Rule, RuleContext, rule
from xxgk_lint.parse.ast import Report, Span

# The documented examples, executed by tests/rules/cases/XG001.yml (and so on for each rule).
NOT_A_REPORT = (
    "关于做好2023年度政务公开工作的通知\n各乡镇人民政府，县直各单位：现将有关事项通知如下。"
)
A_REPORT = "一、总体情况\n2023年，本机关主动公开政府信息40条。"

UNREADABLE = Rule(
    RuleMeta(
        code="XG001",
        name="unreadable-input",
        severity=Severity.ERROR,
        summary={
            "zh": "文件无法读取、解码，或不是政府信息公开工作年度报告",
            "en": "The file cannot be read or decoded, or is not an annual report",
        },
        messages={
            "zh": {"default": "无法作为年度报告检查：{problem}"},
            "en": {"default": "cannot be checked as an annual report: {problem}"},
        },
        docs=docs(
            (
                "文件为空（0 字节）、是二进制文件、编码无法识别、格式不受支持（.doc、.wps、图片、"
                "扫描成图片的PDF），或者内容根本不是年度报告（既没有“一、总体情况”等章节标题，"
                "也没有统计表，如下面的通知）。",
                "读不出内容就无从检查；这类问题必须单独报告，而不能当作“没有发现问题”。"
                "出现 XG001 时退出码为 2。",
                NOT_A_REPORT,
                A_REPORT,
            ),
            (
                "The file is empty (0 bytes), binary, in an undetectable encoding or an "
                "unsupported format (.doc, .wps, images, a PDF that is a scanned image), or is "
                "not an annual report at all (no section headings such as 一、总体情况 and no "
                "statistical tables, as the notice below).",
                "What cannot be read cannot be checked; this must be reported as such, never "
                "as 'no findings'. XG001 makes the exit code 2.",
                NOT_A_REPORT,
                A_REPORT,
            ),
        ),
        origin=__name__,
    )
)


OLD_TABLE = (
    "青山县审计局2023年政府信息公开工作年度报告\n"
    "二、主动公开政府信息情况\n"
    "第二十条第（一）项 | | | |\n"
    "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n"
    "规章 | 0 | 0 | 0 |\n"
    "规范性文件 | 3 | 3 | 12 |"
)
NEW_TABLE = (
    "青山县审计局2023年政府信息公开工作年度报告\n"
    "二、主动公开政府信息情况\n"
    "第二十条第（一）项 | | | |\n"
    "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
    "规章 | 0 | 0 | 0 |\n"
    "行政规范性文件 | 3 | 1 | 12 |"
)


@rule(
    code="XG002",
    name="unknown-format",
    severity="error",
    summary={
        "zh": "统计表不是2021年版格式（国办公开办函〔2021〕30号）",
        "en": "The tables are not in the 2021 format (国办公开办函〔2021〕30号)",
    },
    messages={
        "zh": {
            "default": "{year}年度报告的统计表采用了2021年以前的旧格式（如“本年新制作数量”“上一年项目数量”"
            "“第二十条第（九）项”），应使用国办公开办函〔2021〕30号规定的格式",
            "old": "统计表为2021年以前的旧格式（{year}年度报告适用2019年试行格式），"
            "未按2021年版格式检查",
        },
        "en": {
            "default": "the tables of this {year} report use the pre-2021 layout (本年新制作数量, "
            "上一年项目数量, 第二十条第（九）项); reports since 2021 must use the 2021 format",
            "old": "the tables use the pre-2021 layout (the 2019 trial format applies to a "
            "{year} report); the 2021-format checks were not applied",
        },
    },
    docs=docs(
        (
            "识别统计表是否为2021年以前的旧格式：表二出现“本年新制作数量 / 本年新公开数量 / 对外公开总数量”、"
            "“上一年项目数量 / 本年增/减”或“第二十条第（九）项 政府集中采购”。报告年度在2021年及以后时为错误，"
            "2019、2020年度报告为提示。",
            "2021年及以后的年度报告必须使用国办公开办函〔2021〕30号格式；沿用旧模板是评估中常见的问题。"
            "旧格式报告也不应被当作“残缺的新格式报告”误报一堆错误。",
            OLD_TABLE,
            NEW_TABLE,
        ),
        (
            "Recognises tables in the pre-2021 layout: table 二 with 本年新制作数量 / 本年新公开数量 / "
            "对外公开总数量, 上一年项目数量 / 本年增/减, or a 第二十条第（九）项 政府集中采购 block. An error "
            "for reports of 2021 and later, information for 2019 and 2020 reports.",
            "Reports since 2021 must follow 国办公开办函〔2021〕30号; an old template is a common "
            "finding of evaluators. An older report must not be linted as a broken 2021 one.",
            OLD_TABLE,
            NEW_TABLE,
        ),
    ),
)
def unknown_format(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    if report.format_version == "2021":
        return
    span = report.anchors.get("proactive") or (report.title.span if report.title else None)
    span = span or Span(1, 1, 1, 1)
    year = report.year if report.year is not None else "?"
    if report.year is not None and report.year <= 2020:
        yield ctx.diagnostic(span, "old", year=year, subject="format", severity=Severity.INFO)
    else:
        yield ctx.diagnostic(span, year=year, subject="format", expected="2021", actual="pre-2021")


ONE_REPORT = (
    "…（2023年度报告的第一至第五部分）\n六、其他需要报告的事项\n本机关2023年未收取信息处理费。"
)
TWO_REPORTS = (
    ONE_REPORT + "\n青山县交通运输局2022年政府信息公开工作年度报告\n"
    "一、总体情况\n2022年，本局主动公开政府信息35条。\n…"
)


@rule(
    code="XG007",
    name="second-report",
    severity="warning",
    summary={
        "zh": "一个文件中有第二份年度报告",
        "en": "The file holds a second report after the first",
    },
    messages={
        "zh": {
            "default": "第 {line} 行起是另一份年度报告；只检查了第一份，请把每份报告放在单独的文件中"
        },
        "en": {
            "default": "a second report begins at line {line}; only the first was checked: put "
            "each report in a file of its own"
        },
    },
    docs=docs(
        (
            "在“六、其他需要报告的事项”之后，章节编号又从“一、总体情况”（或第二部分）重新开始，"
            "通常还有一个新的标题：这是第二份报告（例如网页把两年的报告放在同一页，或合并导出的文件）。",
            "xxgk-lint 只检查第一份报告；第二份中的错误不会被发现。每份报告应单独成文件。",
            TWO_REPORTS,
            ONE_REPORT,
        ),
        (
            "After section 六, the numbering starts again at 一、总体情况 (or 二), usually under a "
            "new title: a second report follows the first (a page holding two years, or files "
            "exported together).",
            "Only the first report is checked; errors in the second would go unseen. Keep each "
            "report in a file of its own.",
            TWO_REPORTS,
            ONE_REPORT,
        ),
    ),
)
def second_report(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    span = report.second_report
    if span is None:
        return
    yield ctx.diagnostic(span, line=span.line, subject="second-report", expected=1, actual=2)


RULES = [UNREADABLE, unknown_format, second_report]
