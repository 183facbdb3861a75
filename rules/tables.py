"""XG003 missing-table-part, XG004 non-numeric-cell, XG005 template-deviation.

These are reading problems, not arithmetic: a cell that could not be read makes the
identities that need it *not assessable*; it is reported here, as what it is.
"""

from __future__ import annotations

from collections.abc import Iterator

from xxgk_lint_rules._docs import column_label, docs, row_label, table_label

from xxgk_lint.engine.diagnostics import Diagnostic, RuleOption, Severity
from xxgk_lint.engine.rule import RuleContext, rule
from xxgk_lint.parse.ast import Report, Span, Table
from xxgk_lint.parse.template import OTHER_LEAVES, TABLES

TABLE_ORDER = ("proactive", "applications", "reviews")
SECTION_OF_TABLE = {"proactive": "proactive", "applications": "applications", "reviews": "reviews"}


def expected_rows(table: Table | None, key: str) -> list[str]:
    """The template rows a table should have (the single （六） row replaces three)."""
    rows = [spec.key for spec in TABLES[key].rows if not spec.replaces]
    if table is not None and table.row("other") is not None:
        rows = [r for r in rows if r not in OTHER_LEAVES]
    return rows


def _where(report: Report, key: str) -> Span:
    table = report.tables.get(key)
    if table is not None:
        return Span(
            table.span.line,
            table.span.column,
            table.span.line,
            table.span.column + 1,
            table.span.where,
        )
    span = report.anchors.get(SECTION_OF_TABLE[key])
    if span is None and report.title is not None:
        span = report.title.span
    return span or Span(1, 1, 1, 1)


def _missing_row_place(table: Table, wanted: list[str], row: str) -> Span:
    """Where a missing row belongs: at the label of the next row that is present."""
    for later in wanted[wanted.index(row) + 1 :]:
        found = table.row(later)
        if found is not None:
            return found.span
    return Span(
        table.span.line, table.span.column, table.span.line, table.span.column + 1, table.span.where
    )


@rule(
    code="XG003",
    name="missing-table-part",
    severity="warning",
    summary={
        "zh": "缺少统计表、表中的行或单元格",
        "en": "A statistical table, a row or cells of a row are missing",
    },
    messages={
        "zh": {
            "table": "缺少{table}",
            "row": "{table}缺少“{row}”行",
            "truncated": "{table}在“{after}”行之后中断，缺少其后的 {count} 行（“{first}”至“{last}”），"
            "文件可能被截断",
            "incomplete": "“{row}”行应有 {expected} 个单元格，只找到 {actual} 个，无法确定各数字所属的列",
        },
        "en": {
            "table": "the {table} is missing",
            "row": "the {table} has no row '{row}'",
            "truncated": "the {table} stops after row '{after}': the {count} rows after it "
            "('{first}' to '{last}') are missing; the file may be truncated",
            "incomplete": "row '{row}' should have {expected} cells but {actual} were found; "
            "which column each number belongs to cannot be told",
        },
    },
    docs=docs(
        (
            "检查三张统计表是否齐全、每张表的行是否齐全、每行的单元格是否齐全。缺少“规章”行为警告"
            "（乡镇等没有规章制定权的机关不制定规章），缺少其他行为错误。",
            "格式要求“不能遗漏”；缺行往往是模板被改动或网页、PDF转换时丢失内容，相关的勾稽关系也因此无法核对。",
            "第二十条第（一）项 的表中只有“行政规范性文件”一行（报告机关有规章制定权）",
            "规章 | 0 | 0 | 0 |\n行政规范性文件 | 13 | 0 | 21 |",
        ),
        (
            "Checks that the three tables are present, with all their rows, and every row "
            "with all its cells. A missing 规章 row is a warning (townships and other bodies "
            "without rule-making power make no 规章); any other missing row is an error.",
            "The format says nothing may be left out; a missing row usually means an edited "
            "template or content lost in conversion, and the identities that need it cannot "
            "be checked.",
            "The 第二十条第（一）项 block has only the 行政规范性文件 row (for a body that makes 规章).",
            "规章 | 0 | 0 | 0 |\n行政规范性文件 | 13 | 0 | 21 |",
        ),
    ),
    options=[
        RuleOption(
            "regulations-row",
            "warning",
            "Severity of a missing 规章 row: error, warning, info, or ignore.",
            choices=("error", "warning", "info", "ignore"),
        ),
    ],
)
def missing_table_part(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    if report.format_version != "2021":
        return
    lang = ctx.lang
    regulations = str(ctx.option("regulations-row")).lower()
    for key in TABLE_ORDER:
        table = report.tables.get(key)
        name = table_label(lang, key)
        if table is None:
            if report.section(SECTION_OF_TABLE[key]) is None:
                continue  # XG101 reports the missing section; once is enough
            yield ctx.diagnostic(
                _where(report, key),
                "table",
                table=name,
                subject=key,
                severity=Severity.ERROR,
                expected=name,
                actual=None,
            )
            continue
        wanted = expected_rows(table, key)
        present = [r for r in wanted if table.row(r) is not None]
        missing = [r for r in wanted if table.row(r) is None]
        trailing: list[str] = []
        if present:
            last_present = wanted.index(present[-1])
            trailing = [r for r in wanted[last_present + 1 :] if r in missing]
        if len(trailing) >= 2:
            after_row = table.row(present[-1])
            assert after_row is not None
            span = after_row.cells[-1].span if after_row.cells else after_row.span
            yield ctx.diagnostic(
                span,
                "truncated",
                table=name,
                after=row_label(lang, key, present[-1]),
                count=len(trailing),
                first=row_label(lang, key, trailing[0]),
                last=row_label(lang, key, trailing[-1]),
                subject=f"{key}.truncated",
                severity=Severity.ERROR,
                expected=len(wanted),
                actual=len(present),
            )
            missing = [r for r in missing if r not in trailing]
        for row in missing:
            severity = Severity.ERROR
            if row == "regulations":
                if regulations == "ignore":
                    continue
                severity = Severity.parse(regulations)
            label = row_label(lang, key, row)
            yield ctx.diagnostic(
                _missing_row_place(table, wanted, row),
                "row",
                table=name,
                row=label,
                subject=f"{key}.{row}",
                severity=severity,
                expected=label,
                actual=None,
            )
        for row in table.rows:
            if not row.complete:
                expected = len(TABLES[key].columns_of(row.key))
                yield ctx.diagnostic(
                    row.span,
                    "incomplete",
                    row=row.label or row_label(lang, key, row.key),
                    expected=expected,
                    actual=row.found,
                    subject=f"{key}.{row.key}",
                )


@rule(
    code="XG004",
    name="non-numeric-cell",
    severity="warning",
    summary={
        "zh": "应填数字的单元格为空白、“/”“—”“无”或文字",
        "en": "A cell where a number belongs is blank, '/', '—', '无' or text",
    },
    messages={
        "zh": {
            "blank": "{table}“{row}”行“{column}”列为空白，应填写数字（没有发生的填0；空白不等于0），"
            "涉及此格的勾稽关系无法核对",
            "placeholder": "{table}“{row}”行“{column}”列填写的是“{raw}”而不是数字（没有发生的填0），"
            "涉及此格的勾稽关系无法核对",
            "text": "{table}“{row}”行“{column}”列应为数字，实际为“{raw}”，涉及此格的勾稽关系无法核对",
        },
        "en": {
            "blank": "{table}, row '{row}', column '{column}' is blank where a number belongs "
            "(write 0 for none; a blank is not a zero); identities that use it cannot be checked",
            "placeholder": "{table}, row '{row}', column '{column}' holds '{raw}' instead of a "
            "number (write 0 for none); identities that use it cannot be checked",
            "text": "{table}, row '{row}', column '{column}' should be a number but is '{raw}'; "
            "identities that use it cannot be checked",
        },
    },
    docs=docs(
        (
            "统计表中每个应填数字的单元格都必须是数字。空白、“/”、“—”、“-”、“无”或其他文字都会被报告。",
            "空白不等于0：真实报告中常见总计列空白或只填总计列，如果把空白当作0，会产生大量虚假的合计错误。"
            "xxgk-lint 把这些单元格单独报告，并跳过需要它们的勾稽关系核对。",
            "（一）予以公开 | 258 | 12 | 0 | 0 | 1 | 1 |  |",
            "（一）予以公开 | 258 | 12 | 0 | 0 | 1 | 1 | 272 |",
        ),
        (
            "Every cell of the tables where a number belongs must hold a number. Blank "
            "cells, '/', '—', '-', '无' or other text are reported.",
            "A blank is not a zero: real reports leave the 总计 column blank, or fill only it; "
            "reading blanks as zeros would raise floods of false sum errors. xxgk-lint reports "
            "such cells as what they are and skips the identities that need them.",
            "（一）予以公开 | 258 | 12 | 0 | 0 | 1 | 1 |  |",
            "（一）予以公开 | 258 | 12 | 0 | 0 | 1 | 1 | 272 |",
        ),
    ),
)
def non_numeric_cell(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    lang = ctx.lang
    for key in TABLE_ORDER:
        table = report.tables.get(key)
        if table is None:
            continue
        for row in table.rows:
            for cell in row.cells:
                if cell.is_number:
                    continue
                yield ctx.diagnostic(
                    cell.span,
                    cell.kind if cell.kind in ("blank", "placeholder") else "text",
                    table=table_label(lang, key),
                    row=row_label(lang, key, row.key) if lang == "en" else row.label,
                    column=column_label(lang, cell.column),
                    raw=cell.raw,
                    expected="number",
                    actual=cell.raw,
                    subject=f"{key}.{row.key}.{cell.column}",
                )


@rule(
    code="XG005",
    name="template-deviation",
    severity="warning",
    summary={
        "zh": "2021年版统计表中保留了旧模板的行",
        "en": "A 2021-format table keeps a row of the older template",
    },
    messages={
        "zh": {
            "default": "“{label}”为一行并直接填写数字（2019年试行格式），2021年版格式应分为"
            "“1.申请人无正当理由逾期不补正……”“2.申请人逾期未按收费通知要求缴纳费用……”“3.其他”三行"
        },
        "en": {
            "default": "'{label}' is a single row with its own numbers (the 2019 trial format); "
            "the 2021 format splits it into three rows: 1. no correction within the time "
            "limit, 2. fee notice not paid, 3. other"
        },
    },
    docs=docs(
        (
            "识别混用模板：表格整体为2021年版，但“（六）其他处理”仍是一行并直接填写数字（2019年试行格式），"
            "而不是分为三个子项。该行按整个（六）组计入（七）总计的核对。",
            "2021年版格式把（六）其他处理细分为三项，其中第2项与信息处理费直接相关；合并填写会丢失这一信息。",
            "（六）其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
            "（六）其他处理 | 1.申请人无正当理由逾期不补正… | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
            "2.申请人逾期未按收费通知要求缴纳费用… | 0 | …\n3.其他 | 0 | …",
        ),
        (
            "Recognises mixed templates: a table in the 2021 format except that （六）其他处理 "
            "is a single row with its own numbers (the 2019 trial format) instead of three "
            "sub-rows. The row counts as the whole （六） group in the outcome sum.",
            "The 2021 format splits （六） into three rows, the second of which is about the "
            "information processing fee; a single row loses that information.",
            "（六）其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
            "（六）其他处理 | 1.申请人无正当理由逾期不补正… | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
            "2.申请人逾期未按收费通知要求缴纳费用… | 0 | …\n3.其他 | 0 | …",
        ),
    ),
)
def template_deviation(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    for deviation in report.deviations:
        yield ctx.diagnostic(
            deviation.span,
            label=deviation.label,
            subject=f"{deviation.table}.{deviation.row}",
            expected="3 rows",
            actual="1 row",
        )


RULES = [missing_table_part, non_numeric_cell, template_deviation]
