"""XG003 missing-table-part, XG004 non-numeric-cell, XG005 template-deviation, XG006
invalid-count.

These are reading problems, not arithmetic: a cell that could not be read makes the
identities that need it *not assessable*; it is reported here, as what it is. The rows a
table must have come from the report's own format model (the 2019 model's table 二 has
other rows than the 2021 one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import chain
from operator import attrgetter, itemgetter

from xxgk_lint_rules._docs import column_label, docs, row_label, table_label

from xxgk_lint.engine.diagnostics import Diagnostic, RuleOption, Severity
from xxgk_lint.engine.rule import RuleContext, rule
from xxgk_lint.engine.tablecells import table_cells
from xxgk_lint.format import TABLE_KEYS, TableSpec
from xxgk_lint.format.document import COUNT_UNITS, CURRENCY_MARKS
from xxgk_lint.memo import register
from xxgk_lint.parse.ast import (
    COMPLETE,
    Cell,
    Deviation,
    Picture,
    Report,
    Row,
    Section,
    Span,
    Table,
)

_CELLS = attrgetter("cells")
_STORED = itemgetter(3)  # Row.cells as the row stores them (see Row: no Cell made)
_KIND = itemgetter(3)  # Cell.kind
_NUMBER = frozenset({"number"})
_KEY = itemgetter(0)  # Row.key (an index: a name is looked up through the class)
_STATUS = itemgetter(5)  # Row.status
_COMPLETE = frozenset({COMPLETE})


def expected_rows(report: Report, table: Table | None, key: str) -> list[str]:
    """The rows the table should have (a row that replaces several stands in their place)."""
    spec = report.format.table(key)
    if table is None:
        return list(spec.expected_rows)
    return _expected(spec, set(map(_KEY, table.rows)))


def _expected(spec: TableSpec, keys: set[str]) -> list[str]:
    """:func:`expected_rows` of a table whose rows have ``keys``."""
    rows = list(spec.expected_rows)
    known, replacing = _row_sets(spec)
    if not keys <= known:
        for row_key in keys:
            spec.row(row_key)  # raises for a key the model does not have
    if not keys.isdisjoint(replacing):  # (rare: a row of the older template)
        replaced = set().union(*(replacing[k] for k in keys if k in replacing))
        rows = [r for r in rows if r not in replaced]
    return rows


#: id of a table spec → (the spec, its row keys, the rows it replaces by each row that
#: replaces some): worked out once per spec, not once per row of every report.
_ROW_SETS: dict[int, tuple[TableSpec, frozenset[str], dict[str, frozenset[str]]]] = {}
register(_ROW_SETS.clear)


def _row_sets(spec: TableSpec) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    found = _ROW_SETS.get(id(spec))
    if found is None or found[0] is not spec:
        replacing = {r.key: frozenset(r.replaces) for r in spec.rows if r.replaces}
        found = _ROW_SETS[id(spec)] = (spec, frozenset(spec.row_keys), replacing)
    return found[1], found[2]


#: What shows a table that cannot be read, by the kind of the picture or object (English,
#: Chinese): the actual value of XG003's finding.
_SHOWN_AS = {
    "picture": ("a picture", "图片"),
    "worksheet": ("an Excel 97-2003 worksheet object", "Excel 97-2003 工作表对象"),
    "linked-worksheet": ("a linked worksheet object", "链接的工作表对象"),
    "document": ("a Word 97-2003 document object", "Word 97-2003 文档对象"),
}


def _pictures_in(report: Report, section: Section) -> list[Picture]:
    """The pictures between ``section``'s heading and the next section's: where a report
    that prints its table as a picture has it (a screenshot of the spreadsheet), and where
    a report may show a chart of its numbers. A picture standing where the next heading
    starts (a Word paragraph of a picture alone holds no text: the next line is the
    heading's) comes before it."""
    if not report.figures:
        return []
    start = (section.span.line, section.span.column)
    later = [s.span for s in report.sections if (s.span.line, s.span.column) > start]
    end = min(((s.line, s.column) for s in later), default=None)
    return [
        picture
        for picture in report.figures
        if (picture.span.line, picture.span.column) > start
        and (end is None or (picture.span.line, picture.span.column) <= end)
    ]


#: Words by which a picture (its alt text, title, file name) or its caption says it is a
#: chart of numbers (a bar, pie or line chart of the applications), not a table: 柱状图,
#: 饼图, 折线图, 趋势…, chart, graph. A chart beside a table is no table printed as a
#: picture, and a chart alone does not stand for a table left out.
_CHART_WORDS = re.compile(
    r"(?:[柱条]状图|柱形图|条形图|直方图|饼[状形]?图|环形图|[折曲]线图|趋势|面积图|雷达图|"
    r"统计图|分布图|对比图|占比图|示意图)(?!表)|"  # (统计图表, 趋势表: charts and tables)
    r"chart|(?<![a-z])(?:graph|diagram|plot)s?(?![a-z])",  # (barChart; not paragraph)
    re.IGNORECASE,
)
#: Words by which a picture or its caption says it is a table: 表2, 表三, 表格, a name ending
#: in 表 (…情况表, …统计表), table.
_TABLE_WORDS = re.compile(
    r"表\s*[0-9０-９一二三四五六七八九十]|表格|(?<![代发列图外])表(?=$|[\s（(：:，,。.\-_])|"
    r"(?<![a-z])tables?(?![a-z])",
    re.IGNORECASE,
)
#: A caption that numbers a figure (图1 …, 图二：…), as a chart's caption does.
_FIGURE_NUMBER = re.compile(r"\s*图\s*[0-9０-９一二三四五六七八九十]")
#: The most characters of a paragraph next to a picture taken for its caption (a caption
#: is a line; a longer paragraph is running text, unless it starts with 图1/表1).
_CAPTION_CHARS = 50


def _says(text: str) -> str | None:
    """What ``text`` (a picture's name or caption) says the picture is: ``chart`` or
    ``table``, or None when it says neither (image1.png, 图片 1). A chart's kind (柱状图)
    is the plainest word; a table's name (…情况表) the next; a figure's number (图1) last,
    so that 图1 …情况表 is taken for a table."""
    if _CHART_WORDS.search(text):
        return "chart"
    if _TABLE_WORDS.search(text):
        return "table"
    if _FIGURE_NUMBER.match(text):
        return "chart"
    return None


def _lines(section: Section) -> list[tuple[tuple[int, int], str]]:
    """The lines of ``section``'s paragraphs, each with where it starts: a caption is a
    line (the reader may join a caption to the line under it in one paragraph)."""
    found = []
    for paragraph in section.paragraphs:
        text = paragraph.text
        if not paragraph.pieces:
            found.append(((paragraph.span.line, paragraph.span.column), text))
            continue
        starts = [piece.offset for piece in paragraph.pieces]
        for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
            span = paragraph.span_of(start, end)  # (in the file: a web page's source line)
            found.append(((span.line, span.column), text[start:end]))
    return found


def _captions(section: Section, pictures: list[Picture], index: int) -> list[str]:
    """The lines next to picture ``index`` of ``pictures`` that may be its caption: the
    line right below it, then the one right above, each only where no other picture
    stands between (a caption between two pictures is the nearer one's; of pictures at
    one place, a Word paragraph of pictures alone, the last has the line below and the
    first the line above) and only when it is a caption's length or starts as one."""
    picture = pictures[index]
    at = (picture.span.line, picture.span.column)
    lines = _lines(section)
    below = next((line for line in lines if line[0] >= at), None)
    above = next((line for line in reversed(lines) if line[0] < at), None)
    found = []
    if below is not None and not any(
        (p.span.line, p.span.column) <= below[0] for p in pictures[index + 1 :]
    ):
        found.append(below[1])
    if above is not None and not any(
        (p.span.line, p.span.column) > above[0] for p in pictures[:index]
    ):
        found.append(above[1])
    return [
        text[:_CAPTION_CHARS]
        for text in found
        if len(text) <= _CAPTION_CHARS or _FIGURE_NUMBER.match(text) or text.lstrip()[:1] == "表"
    ]


def _is_chart(section: Section, pictures: list[Picture], index: int) -> bool:
    """Whether picture ``index`` says it is a chart: by its own name (alt text, title, file
    name), else by its captions, none of which names a table (a PDF's pictures one above
    the other stand as one, between the table's caption above and the chart's below). A
    picture that says nothing is taken for the table (a screenshot of the table is seldom
    named: session 40)."""
    picture = pictures[index]
    if picture.kind != "picture":
        return False
    said = _says(picture.name) if picture.name else None
    if said is not None:
        return said == "chart"
    captions = set(map(_says, _captions(section, pictures, index)))
    return "chart" in captions and "table" not in captions


def _table_picture(report: Report, section: Section) -> tuple[Picture | None, Picture | None]:
    """The picture under ``section``'s heading that shows its table (the first that is not
    a chart) and, when there is none, the first chart there (or None)."""
    pictures = _pictures_in(report, section)
    chart = None
    for index, picture in enumerate(pictures):
        if not _is_chart(section, pictures, index):
            return picture, None
        chart = chart or picture
    return None, chart


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
    span = report.anchors.get(report.format.table(key).section)
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


# The documented examples, executed by tests/rules/cases/XG003.yml (XG004.yml, XG005.yml,
# XG006.yml).
NO_REGULATIONS_ROW = (
    "第二十条第（一）项 | | | |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
    "行政规范性文件 | 3 | 1 | 12 |\n…"
)
REGULATIONS_ROW = (
    "第二十条第（一）项 | | | |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
    "规章 | 0 | 0 | 0 |\n行政规范性文件 | 3 | 1 | 12 |\n…"
)
BLANK_TOTAL = "三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 |  |"
TOTAL_GIVEN = "三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |"
DECIMAL_TOTAL = "三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4.5 |"
OLD_OTHER_ROW = (
    "…\n（六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n（七）总计 | 5 | 2 | 0 | 0 | 0 | 0 | 7 |"
)
NEW_OTHER_ROWS = (
    "…\n（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | "
    "0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | "
    "0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    "3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n（七）总计 | 5 | 2 | 0 | 0 | 0 | 0 | 7 |"
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
            "chart": "缺少{table}：该部分标题下的图片{picture}是统计图，不是该表；统计表应以文字表格发布",
            "picture": "{table}以图片发布{picture}，其中的数字无法核对；统计表应以文字表格发布",
            "worksheet": "{table}是嵌入的 Excel 97-2003 工作表对象{picture}，无法读取其中的单元格；"
            "请先在 Word 中将其转换为 Word 表格（或 Excel .xlsx 工作表对象）",
            "linked-worksheet": "{table}是链接到文档外 Excel 文件的工作表对象，其单元格不在文档中；"
            "请先在 Word 中将其转换为 Word 表格",
            "document": "{table}是嵌入的 Word 97-2003 文档对象{picture}，无法读取其中的内容；"
            "请先在 Word 中将其内容转换为文档中的 Word 表格",
            "row": "{table}缺少“{row}”行",
            "truncated": "{table}在“{after}”行之后中断，缺少其后的 {count} 行（“{first}”至“{last}”），"
            "文件可能被截断",
            "uncertain": "“{row}”行应有 {expected} 个数值，找到 {actual} 个，无法确定各数值分别属于哪一列，"
            "涉及此行的勾稽关系无法核对",
            "uncertain-table": "{table}的数据行应有 {expected} 个数值，找到 {actual} 个，无法确定各数值"
            "分别属于哪一列，涉及此表的勾稽关系无法核对",
        },
        "en": {
            "table": "the {table} is missing",
            "chart": "the {table} is missing: the picture{picture} under its section's heading "
            "is a chart, not the table; publish statistical tables as tables of text",
            "picture": "the {table} is published as a picture{picture}: its numbers cannot be "
            "checked; publish statistical tables as tables of text",
            "worksheet": "the {table} is an embedded Excel 97-2003 worksheet{picture}, whose "
            "cells cannot be read; convert it to a Word table (or to an Excel .xlsx worksheet "
            "object) in Word first",
            "linked-worksheet": "the {table} is a worksheet linked from an Excel file outside "
            "the document, whose cells are not in it; convert it to a Word table in Word first",
            "document": "the {table} is an embedded Word 97-2003 document{picture}, whose "
            "content cannot be read; turn it into a Word table of the document in Word first",
            "row": "the {table} has no row '{row}'",
            "truncated": "the {table} stops after row '{after}': the {count} rows after it "
            "('{first}' to '{last}') are missing; the file may be truncated",
            "uncertain": "row '{row}' should have {expected} values but {actual} were found; "
            "which column each belongs to cannot be told, so identities that use the row "
            "cannot be checked",
            "uncertain-table": "the data row of the {table} should have {expected} values but "
            "{actual} were found; which column each belongs to cannot be told, so the "
            "table's identities cannot be checked",
        },
    },
    docs=docs(
        (
            "检查三张统计表是否齐全、每张表的行是否齐全、每行的单元格是否齐全。缺少“规章”行为警告"
            "（乡镇等没有规章制定权的机关不制定规章），缺少其他行为错误。统计表以图片发布（网页的"
            "图片、Word 文档中的图片，位于该表所在部分的标题之下）或 Word 文档中无法读取的对象"
            "（嵌入的 Excel 97-2003 工作表、链接到文档外文件的工作表、嵌入的 Word 97-2003 文档）时，报告为警告并指向该图片"
            "或对象：表是有的，但其中的数字无法核对。图片本身的说明（替代文字、标题、文件名）或其上下的题注"
            "（图1……、柱状图、饼图、折线图、趋势、chart、graph）表明是统计图的，不算该表：统计表在时不报告，"
            "统计表缺失时报告缺少该表（错误），并指出该图是统计图。",
            "格式要求“不能遗漏”；缺行往往是模板被改动或网页、PDF转换时丢失内容，相关的勾稽关系也因此无法核对。",
            NO_REGULATIONS_ROW,
            REGULATIONS_ROW,
        ),
        (
            "Checks that the three tables are present, with all their rows, and every row "
            "with all its cells. A missing 规章 row is a warning (townships and other bodies "
            "without rule-making power make no 规章); any other missing row is an error. A "
            "table published as a picture (a web page's image, a picture in a Word document, "
            "under the heading of the table's section), or as a Word object that cannot be "
            "read (an embedded Excel 97-2003 worksheet, a worksheet linked from a file outside "
            "the document, an embedded Word 97-2003 document), is a warning at the picture or object: the table is there, but "
            "none of its numbers can be checked. A picture whose own words (alt text, title, "
            "file name) or caption (图1 …, 柱状图, 饼图, 折线图, 趋势, chart, graph) say it is a "
            "chart is not the table: beside the table it is no finding; with the table left "
            "out, the table is missing (an error) and the finding names the chart.",
            "The format says nothing may be left out; a missing row usually means an edited "
            "template or content lost in conversion, and the identities that need it cannot "
            "be checked.",
            NO_REGULATIONS_ROW,
            REGULATIONS_ROW,
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
    lang, version = ctx.lang, report.format_version
    regulations = str(ctx.option("regulations-row")).lower()
    for key in TABLE_KEYS:
        table = report.tables.get(key)
        name = table_label(lang, key, version)
        if table is None:
            section = report.section(report.format.table(key).section)
            if section is None:
                continue  # XG101 reports the missing section; once is enough
            picture, chart = _table_picture(report, section)
            if picture is not None:
                named = f"（{picture.name}）" if lang == "zh" else f" ({picture.name})"
                named = named if picture.name else ""
                yield ctx.diagnostic(
                    picture.span,
                    picture.kind,
                    table=name,
                    picture=named,
                    subject=key,
                    expected=name,
                    actual=_SHOWN_AS[picture.kind][lang == "zh"] + named,
                )
                continue
            charted = ""
            if chart is not None and chart.name:
                charted = f"（{chart.name}）" if lang == "zh" else f" ({chart.name})"
            yield ctx.diagnostic(
                _where(report, key),
                "table" if chart is None else "chart",
                table=name,
                picture=charted,
                subject=key,
                severity=Severity.ERROR,
                expected=name,
                actual=None,
            )
            continue
        keys = set(map(_KEY, table.rows))
        wanted = _expected(report.format.table(key), keys)  # (model keys: no lookup raises)
        if keys.issuperset(wanted):  # (most tables: every row there, none missing)
            present, missing = wanted, []
        else:
            present = [r for r in wanted if r in keys]
            missing = [r for r in wanted if r not in keys]
        trailing: list[str] = []
        if present and missing:
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
                after=row_label(lang, key, present[-1], version),
                count=len(trailing),
                first=row_label(lang, key, trailing[0], version),
                last=row_label(lang, key, trailing[-1], version),
                subject=f"{key}.truncated",
                severity=Severity.ERROR,
                expected=len(wanted),
                actual=len(present),
            )
            missing = [r for r in missing if r not in trailing]
        for row in missing:
            severity = Severity.ERROR
            if report.format.table(key).row(row).optional:
                if regulations == "ignore":
                    continue
                severity = Severity.parse(regulations)
            label = row_label(lang, key, row, version)
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
        if set(map(_STATUS, table.rows)) <= _COMPLETE:
            continue  # (most tables: every row placed; in C, no row looked at)
        uncertain = [row for row in table.rows if not row.complete]
        if uncertain and report.format.table(key).layout == "groups":
            first = uncertain[0]
            yield ctx.diagnostic(
                first.span,
                "uncertain-table",
                table=name,
                expected=sum(len(r.columns) for r in table.rows),
                actual=first.found,
                subject=f"{key}.uncertain",
            )
            continue
        for row in uncertain:
            yield ctx.diagnostic(
                row.span,
                "uncertain",
                row=row_label(lang, key, row.key, version) if lang == "en" else row.label,
                expected=len(row.columns),
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
            "blank-run": "{table}“{column}”列有 {count} 行为空白（{rows}），应填写数字（没有发生的填0；"
            "空白不等于0），涉及这些单元格的勾稽关系无法核对",
            "placeholder-run": "{table}“{column}”列有 {count} 行填写的是“{raw}”而不是数字（{rows}），"
            "没有发生的应填0，涉及这些单元格的勾稽关系无法核对",
            "row": "{table}“{row}”行的 {count} 个单元格都没有填写数字（{raw}），应填写数字"
            "（没有发生的填0），涉及此行的勾稽关系无法核对",
        },
        "en": {
            "blank": "{table}, row '{row}', column '{column}' is blank where a number belongs "
            "(write 0 for none; a blank is not a zero); identities that use it cannot be checked",
            "placeholder": "{table}, row '{row}', column '{column}' holds '{raw}' instead of a "
            "number (write 0 for none); identities that use it cannot be checked",
            "text": "{table}, row '{row}', column '{column}' should be a number but is '{raw}'; "
            "identities that use it cannot be checked",
            "blank-run": "{table}, column '{column}': {count} rows are blank ({rows}) where "
            "numbers belong (write 0 for none; a blank is not a zero); identities that use "
            "them cannot be checked",
            "placeholder-run": "{table}, column '{column}': {count} rows hold '{raw}' instead "
            "of a number ({rows}); write 0 for none; identities that use them cannot be checked",
            "row": "{table}, row '{row}': none of its {count} cells holds a number ({raw}); write "
            "0 for none; identities that use the row cannot be checked",
        },
    },
    docs=docs(
        (
            "统计表中每个应填数字的单元格都必须是数字。空白、“/”、“—”、“-”、“无”、“暂无”、“不涉及”、“空”、“N/A”"
            "或其他文字（如把“—”打成“一”，或写“…”“×”“0只”）都会被报告；填了文字的单元格只报告这一格，该行其余数值照常读取。"
            f"“〇”“零”“○”读作0；数字后带单位的（{'、'.join(COUNT_UNITS)}；金额列的万元，前面可带"
            f"{'或'.join(f'“{mark}”' for mark in CURRENCY_MARKS)}，只带货币符号不写单位的按表头的单位读）"
            "照常读取，金额写明另一单位（如“300元”）时按所写单位保留、核对时折算（XG005 提示）。"
            "同一列中相邻各行连续空白（或填同一个占位符）只报告一次，列出这些行；整行都没有数字的，按行报告一次。"
            "每格一行的表格中，应有数值处的空行即空白单元格，报告指向该空行第1列；只有分组名称、各格为空的行"
            "（如“（三）不予公开”）是表头，不报告。",
            "空白不等于0：真实报告中常见总计列空白或只填总计列，如果把空白当作0，会产生大量虚假的合计错误。"
            "xxgk-lint 把这些单元格单独报告，并跳过需要它们的勾稽关系核对。",
            BLANK_TOTAL,
            TOTAL_GIVEN,
        ),
        (
            "Every cell of the tables where a number belongs must hold a number. Blank "
            "cells, '/', '—', '-', '无', '暂无', '不涉及', '空', 'N/A' or other text (一 typed for '—', "
            "…, ×, 0只) are reported; a cell holding text is reported at that cell and the rest "
            "of its row is read. 〇, 零 and ○ read as 0; a number followed by a unit "
            f"({', '.join(COUNT_UNITS)}; an amount in the money column, maybe after "
            f"{' or '.join(CURRENCY_MARKS)}, with 万元 or with no unit, then in the header's) "
            "is read, and an amount in another unit (300元) "
            "is kept as printed and converted for the checks (an XG005 notice). A run of blank cells (or of "
            "one placeholder) down a column is reported once, naming its rows; a row none of "
            "whose cells holds a number is reported once, as a row. In a table copied one cell "
            "per line, an empty line where a cell belongs is a blank cell, reported at that "
            "line, column 1; a row of a group's name with empty cells (（三）不予公开) is a "
            "header, not reported.",
            "A blank is not a zero: real reports leave the 总计 column blank, or fill only it; "
            "reading blanks as zeros would raise floods of false sum errors. xxgk-lint reports "
            "such cells as what they are and skips the identities that need them.",
            BLANK_TOTAL,
            TOTAL_GIVEN,
        ),
    ),
)
def non_numeric_cell(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    for key in TABLE_KEYS:
        table = report.tables.get(key)
        if table is not None:
            yield from _non_numeric(report, table, ctx)


def _row_name(report: Report, table: Table, row: Row, lang: str) -> str:
    return row_label(lang, table.key, row.key, report.format_version) if lang == "en" else row.label


def _rows_text(report: Report, table: Table, rows: Sequence[Row], lang: str) -> str:
    """The rows of a run, as a person finds them: all of them, or the first and last."""
    names = [_row_name(report, table, r, lang) for r in rows]
    if len(names) <= 3:
        return ("、" if lang == "zh" else ", ").join(
            f"“{n}”" if lang == "zh" else f"'{n}'" for n in names
        )
    if lang == "zh":
        return f"“{names[0]}”至“{names[-1]}”"
    return f"'{names[0]}' to '{names[-1]}'"


def _non_numeric(report: Report, table: Table, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A row with no number is one finding; a run down one column of blank cells (or of one
    placeholder) is one finding at its first cell; any other non-number cell is its own."""
    if set(table_cells(table).kinds) <= _NUMBER:
        return  # (most tables: nothing below would find anything; in C, no row looked at)
    rows = [r for r in table.rows if r.complete]
    if set(map(_KIND, chain.from_iterable(map(_STORED, rows)))) <= _NUMBER:
        return
    lang, version, key = ctx.lang, report.format_version, table.key
    name = table_label(lang, key, version)
    # Each row's Cells made once: Row.cells makes them whenever it is read (four times a
    # row here before: about 0.1 M instructions a report over the text fixtures).
    row_cells = list(map(_CELLS, rows))
    empty_rows = {
        r.key
        for r, cells in zip(rows, row_cells, strict=True)
        if len(cells) > 1 and not any(c.is_number for c in cells)
    }
    for row, cells in zip(rows, row_cells, strict=True):
        if row.key in empty_rows:
            raws = sorted({c.raw or ("空白" if lang == "zh" else "blank") for c in cells})
            yield ctx.diagnostic(
                cells[0].span,
                "row",
                table=name,
                row=_row_name(report, table, row, lang),
                count=len(cells),
                raw="、".join(raws) if lang == "zh" else ", ".join(raws),
                expected=_a_number(lang),
                actual=cells[0].raw,
                subject=f"{key}.{row.key}",
            )
    columns = list(dict.fromkeys(c for r in rows for c in r.columns))
    # Each row's first cell of each column (what Row.cell finds), looked up once per row,
    # not once per row and column; None for a row reported whole above.
    firsts = [
        None if r.key in empty_rows else {c.column: c for c in reversed(cells)}
        for r, cells in zip(rows, row_cells, strict=True)
    ]
    for column in columns:
        run: list[tuple[Row, Cell]] = []
        for row, first in zip([*rows, None], [*firsts, None], strict=True):
            cell = None
            if first is not None and row is not None and column in row.columns:
                cell = first.get(column)
            groupable = cell is not None and cell.kind in ("blank", "placeholder")
            if run and (not groupable or cell is None or cell.raw != run[0][1].raw):
                yield _run_diagnostic(report, table, column, run, name, ctx)
                run = []
            if cell is None or cell.is_number:
                continue
            if groupable:
                run.append((row, cell))  # type: ignore[arg-type]
                continue
            assert row is not None
            yield ctx.diagnostic(
                cell.span,
                "text",
                table=name,
                row=_row_name(report, table, row, lang),
                column=column_label(lang, column, key, version),
                raw=cell.raw,
                expected=_a_number(lang),
                actual=cell.raw,
                subject=f"{key}.{row.key}.{column}",
            )


def _a_number(lang: str) -> str:
    """What XG004 expects of a cell, in the finding's language (shown as 应为：数字)."""
    return "数字" if lang == "zh" else "a number"


def _run_diagnostic(
    report: Report,
    table: Table,
    column: str,
    run: list[tuple[Row, Cell]],
    name: str,
    ctx: RuleContext,
) -> Diagnostic:
    lang, version, key = ctx.lang, report.format_version, table.key
    first_row, first = run[0]
    label = column_label(lang, column, key, version)
    if len(run) == 1:
        return ctx.diagnostic(
            first.span,
            first.kind,
            table=name,
            row=_row_name(report, table, first_row, lang),
            column=label,
            raw=first.raw,
            expected=_a_number(lang),
            actual=first.raw,
            subject=f"{key}.{first_row.key}.{column}",
        )
    rows = [r for r, _ in run]
    return ctx.diagnostic(
        first.span,
        "blank-run" if first.kind == "blank" else "placeholder-run",
        table=name,
        column=label,
        count=len(run),
        rows=_rows_text(report, table, rows, lang),
        raw=first.raw,
        expected=_a_number(lang),
        actual=first.raw,
        subject=f"{key}.{rows[0].key}..{rows[-1].key}.{column}",
    )


#: A deviation's kind → the message that reports it, what the finding's subject adds to the
#: row, and its severity (None: the rule's). A money column in another unit; a label
#: misprinted (2.重复申) and read as the row it fits, a notice in either format, since its
#: values are read.
_NOTICES: dict[str, tuple[str, str, Severity | None]] = {
    "unit": ("unit", ".unit", None),
    "label": ("misprint", "", Severity.INFO),
    "subtotal": ("subtotal", ".subtotal", Severity.INFO),
    "transposed": ("transposed", "", Severity.INFO),
}


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
            "“1.申请人无正当理由逾期不补正……”“2.申请人逾期未按收费通知要求缴纳费用……”“3.其他”三行",
            "columns": "{table}的表头列顺序与格式不同（依次为{printed}，格式为{model}）："
            "各数值已按表头所示的列读取",
            "unit": "“{label}”以{actual}为单位，格式要求以{expected}为单位：数值按标明的单位读取，"
            "核对时折算为{expected}",
            "misprint": "行名“{label}”与格式的“{expected}”不一致（缺字、错字或被截断），"
            "按所在位置读作“{expected}”行",
            "subtotal": "“{label}”一行填写了数字（该组的小计），格式中组名称本身没有数字："
            "小计不作为表格的一行读取，核对其等于该组各项之和（XG202）",
            "transposed": "统计表行列互换（“{label}”等列为行，格式中为列），与格式规定的样式不同："
            "各数值已按行名和表头读取",
        },
        "en": {
            "default": "'{label}' is a single row with its own numbers (the 2019 trial format); "
            "the 2021 format splits it into three rows: 1. no correction within the time "
            "limit, 2. fee notice not paid, 3. other",
            "columns": "the header of the {table} prints its columns in another order than "
            "the format ({printed}; the format: {model}): the values are read under the "
            "columns the header names",
            "unit": "'{label}' is in {actual}; the format asks for {expected}: the value is "
            "read in the unit printed and compared in {expected}",
            "misprint": "the row label '{label}' is not the format's '{expected}' (a character "
            "lost or changed, or cut short); read as that row from where it stands",
            "subtotal": "the line '{label}' holds numbers (the group's subtotal), where the "
            "format's group label has none: the subtotal is not read as a row of the table; "
            "it is checked to equal the sum of the group's rows (XG202)",
            "transposed": "the table is printed transposed ('{label}' and the others as rows, "
            "where the format has them as columns), otherwise than the format: the values are "
            "read by their row labels and the header",
        },
    },
    docs=docs(
        (
            "识别混用模板：表格整体为2021年版，但“（六）其他处理”仍是一行并直接填写数字（2019年试行格式），"
            "而不是分为三个子项。该行按整个（六）组计入（七）总计的核对。"
            "也提示与格式不同的表头：表头以另一种顺序列出各列（如“总计”在前、“法人或其他组织”在“自然人”之前），"
            "各数值按表头所示的列读取（表头未能明确各列时按位置读取）；金额列的表头写明另一单位"
            "（如“本年收费金额（单位：元）”，格式为万元），数值按表头所示单位保留，核对时折算为格式的单位；"
            "金额单元格本身写明另一单位（如“300元”）时同样处理。"
            "也提示行名缺字、错字或被截断（如“2.重复申”）：按编号与位置读作格式中在此处缺少的那一行（提示级别）；"
            "不能唯一确定时不读该行（XG003 报告），绝不把数值归入别的行。"
            "也提示组名称一行填写了数字（如“（三）不予公开 | 3 | 0 | …”，该组的小计）：不作为表格的一行读取，"
            "各子项照常读取，小计由 XG202 核对（提示级别）。"
            "也提示行列互换的统计表（表三的各类申请人列为行、各办理情况列为列，或表四的各项结果列为行）："
            "各数值按行名和表头读取，照常核对（提示级别）。",
            "2021年版格式把（六）其他处理细分为三项，其中第2项与信息处理费直接相关；合并填写会丢失这一信息。",
            OLD_OTHER_ROW,
            NEW_OTHER_ROWS,
        ),
        (
            "Recognises mixed templates: a table in the 2021 format except that （六）其他处理 "
            "is a single row with its own numbers (the 2019 trial format) instead of three "
            "sub-rows. The row counts as the whole （六） group in the outcome sum. Also notes "
            "a header that differs from the format: columns printed in another order (总计 "
            "first, 法人或其他组织 before 自然人), whose values are read under the columns the "
            "header names (by position where the header does not name them unambiguously); "
            "and a money column headed in another unit (本年收费金额（单位：元） where the "
            "format says 万元), whose value is kept as printed and compared in the format's "
            "unit, as is an amount whose own cell names another unit (300元). And a row label with a character lost, changed or cut off (2.重复申): "
            "read, by its number and place, as the one row of the format missing there (an "
            "info notice); where no single row fits, the row is not read (XG003) — its values "
            "never go to another row. And a group label printed with numbers (（三）不予公开 "
            "| 3 | 0 | …: the group's subtotal): not read as a row, its rows read as usual, "
            "the subtotal checked by XG202 (info). And a table printed transposed (table "
            "三's applicant types as rows and its items as columns, or table 四's results as "
            "rows): its values are read by their row labels and the header and checked as "
            "usual (info).",
            "The 2021 format splits （六） into three rows, the second of which is about the "
            "information processing fee; a single row loses that information.",
            OLD_OTHER_ROW,
            NEW_OTHER_ROWS,
        ),
    ),
)
def template_deviation(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    for deviation in report.deviations:
        if deviation.kind == "columns":
            yield _column_order(report, ctx, deviation)
            continue
        notice = _NOTICES.get(deviation.kind)
        if notice is not None:
            message, suffix, severity = notice
            yield ctx.diagnostic(
                deviation.span,
                message,
                label=deviation.label,
                subject=f"{deviation.table}.{deviation.row}{suffix}",
                # (a subtotal has none: the message says what the format expects)
                expected=deviation.expected or None,
                actual=deviation.found or None,
                severity=severity,
            )
            continue
        if report.format_version != "2021":
            continue
        yield ctx.diagnostic(
            deviation.span,
            label=deviation.label,
            subject=f"{deviation.table}.{deviation.row}",
            expected="3 rows",
            actual="1 row",
        )


def _column_order(report: Report, ctx: RuleContext, deviation: Deviation) -> Diagnostic:
    """A header printing the columns in another order: the order found and the format's,
    by the columns' names (行政复议·总计 for table 四's); ``expected`` and ``actual`` are
    the column keys in the format's order and in the printed one."""
    lang, table, version = ctx.lang, deviation.table, report.format_version

    def named(keys: str) -> str:
        out = []
        for key in keys.split(","):
            group, _, column = key.rpartition(".")
            name = column_label(lang, column, table, version)
            if group:
                name = f"{row_label(lang, table, group, version)}·{name}"
            out.append(name)
        return "、".join(out) if lang == "zh" else ", ".join(out)

    return ctx.diagnostic(
        deviation.span,
        "columns",
        table=table_label(lang, table, version),
        model=named(deviation.expected),
        printed=named(deviation.found),
        subject=f"{table}.columns",
        expected=deviation.expected,
        actual=deviation.found,
    )


@rule(
    code="XG006",
    name="invalid-count",
    severity="error",
    summary={
        "zh": "件数或金额为负数，或件数带小数",
        "en": "A count or an amount is negative, or a count has decimals",
    },
    messages={
        "zh": {
            "negative": "{table}“{row}”行“{column}”列为 {raw}：件数不能为负数",
            "negative-amount": "{table}“{row}”行“{column}”列为 {raw}：金额不能为负数",
            "decimal": "{table}“{row}”行“{column}”列为 {raw}：件数应为整数（只有{amount}可以有小数）",
        },
        "en": {
            "negative": "{table}, row '{row}', column '{column}' is {raw}: a count cannot be "
            "negative",
            "negative-amount": "{table}, row '{row}', column '{column}' is {raw}: an amount "
            "cannot be negative",
            "decimal": "{table}, row '{row}', column '{column}' is {raw}: a count is a whole "
            "number (only {amount} may have decimals)",
        },
    },
    docs=docs(
        (
            "统计表中的件数（申请件数、决定数量、复议诉讼件数等）必须是非负整数。负数或带小数点的数字"
            "（包括“3.0”）都会被报告。只有第二十条第（八）项“本年收费金额（单位：万元）”可以有小数；"
            "它是金额，不是件数，但同样不能为负数（报告为“金额不能为负数”）。"
            "2019年试行格式中的“本年增/减”可以为负数。",
            "件数不可能为负或为小数；这样的数字多是录入错误或把金额、比例填进了件数栏，相关的勾稽关系也会随之出错。",
            DECIMAL_TOTAL,
            TOTAL_GIVEN,
        ),
        (
            "Counts in the tables (applications, decisions, reviews and lawsuits) must be "
            "whole numbers of zero or more. A negative number or one printed with a decimal "
            "point (3.0 too) is reported. Only the amount of 第二十条第（八）项 "
            "(本年收费金额（单位：万元）, in 10,000 yuan) may have decimals; it is an amount, "
            "not a count, and cannot be negative either (reported as 'an amount cannot be "
            "negative'). The 本年增/减 column of the 2019 trial format may be negative.",
            "A count cannot be negative or fractional; such a number is usually a typing error "
            "or an amount or a ratio put in a count's column, and the identities that use it "
            "go wrong with it.",
            DECIMAL_TOTAL,
            TOTAL_GIVEN,
        ),
    ),
)
def invalid_count(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    lang, version = ctx.lang, report.format_version
    model = report.format
    for key in TABLE_KEYS:
        table = report.tables.get(key)
        if table is None:
            continue
        cells = table_cells(table)
        if not _has_decimals("".join(cells.raws)):
            values = set(cells.values)  # (the few distinct values: 0, 1, 2 …)
            values.discard(None)
            if min(values, default=0) >= 0:
                continue  # (most tables: no cell is negative or printed with decimals)
        spec = model.table(key)
        for row in table.rows:
            for cell in row.cells:
                value = cell.value
                if not cell.is_number or value is None:
                    continue
                column = spec.column(cell.column)
                if cell.value < 0 and not column.signed:
                    # The model's decimal columns are amounts (万元), not counts.
                    problem = "negative-amount" if column.decimal else "negative"
                    expected = "≥ 0"
                elif not column.decimal and _has_decimals(cell.raw):
                    problem, expected = "decimal", "整数" if lang == "zh" else "a whole number"
                else:
                    continue
                yield ctx.diagnostic(
                    cell.span,
                    problem,
                    table=table_label(lang, key, version),
                    row=_row_name(report, table, row, lang),
                    column=column_label(lang, cell.column, key, version),
                    raw=cell.raw,
                    amount=_amount_text(report, lang),
                    expected=expected,
                    actual=cell.value,
                    subject=f"{key}.{row.key}.{cell.column}",
                )


def _amount_text(report: Report, lang: str) -> str:
    """The columns that may have decimals, as a message names them (worked out only for
    a finding: most reports have none)."""
    amounts = [
        f"“{c.label(lang)}”" if lang == "zh" else f"'{c.label(lang)}'"
        for t in report.format.tables
        for c in t.columns
        if c.decimal
    ]
    return "、".join(dict.fromkeys(amounts)) if lang == "zh" else ", ".join(dict.fromkeys(amounts))


def _has_decimals(raw: str) -> bool:
    """Whether a number is printed with a decimal point (half or full width)."""
    return "." in raw or "．" in raw


RULES = [missing_table_part, non_numeric_cell, template_deviation, invalid_count]
