"""What Word shows of fields and tracked changes (the document with its changes accepted):
a field's result, not the results of fields nested in its code; a paragraph whose mark is
deleted joined to the next one; a paragraph deleted whole neither shown nor numbered."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from xxgk_lint.parse import parse_source
from xxgk_lint.parse.ast import Report
from xxgk_lint.sources.docx import read_docx
from xxgk_lint.sources.model import Source

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "docx"
TRACKED = 'w:author="审核人" w:date="2024-01-15T09:00:00Z"'


def edited(name: str, edit: Callable[[str], str]) -> tuple[Source, Report]:
    """A fixture report with its document part changed by ``edit``, read and parsed."""
    data = (FIXTURES / f"{name}.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            part = old.read(item.filename)
            if item.filename == "word/document.xml":
                changed = edit(part.decode("utf-8"))
                assert changed != part.decode("utf-8")
                part = changed.encode("utf-8")
            new.writestr(item, part)
    source = read_docx(f"{name}.docx", out.getvalue())
    return source, parse_source(source)


def field(code: str, result: str) -> str:
    """A complex field: begin, its code (XML: w:instrText runs and nested fields),
    separate, its result, end."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + code
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + f"<w:r><w:t>{result}</w:t></w:r>"
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def code(text: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'


def merge_if(number: str) -> str:
    """{ IF { MERGEFIELD 件数 } = "" "0" "{ MERGEFIELD 件数 }" } showing ``number``: the
    inner fields' results are in the outer field's code."""
    inner = field(code(" MERGEFIELD 件数 "), number)
    return field(code(" IF ") + inner + code(' = "" "0" "') + inner + code('" '), number)


def test_results_of_fields_nested_in_a_field_code_are_not_read() -> None:
    """Table 三's numbers written by a mail-merge IF field: 9 was read as 999."""

    def edit(xml: str) -> str:
        return re.sub(
            r"(<w:tc>(?:(?!</w:tc>).)*?)<w:r><w:t>(\d+)</w:t></w:r>",
            lambda m: m.group(1) + merge_if(m.group(2)),
            xml,
        )

    source, report = edited("qingshan-jiaotong-2023", edit)
    cell = report.tables["applications"].cell("received", "natural_person")
    assert cell is not None and cell.value == 9
    line = source.text.split("\n")[cell.span.line - 1]
    assert line.startswith("一、本年新收政府信息公开申请数量\t9\t2\t")
    assert (cell.span.line, cell.span.column) == (line_of(source, "一、本年新收"), 18)
    assert source.origin(cell.span.line, 18).where == "表格 2，第 4 行，第 4 列"
    total = report.tables["applications"].cell("received", "total")
    assert total is not None and total.value == 11


def line_of(source: Source, prefix: str) -> int:
    return next(i for i, line in enumerate(source.text.split("\n"), 1) if line.startswith(prefix))


def test_a_year_from_a_formula_over_a_date_field_reads_once() -> None:
    """{ = { DATE \\@ "yyyy" } - 1 } in the statistics period shows 2023, not 20242023."""
    year = field(
        code(" = ") + field(code(' DATE \\@ "yyyy" '), "2024") + code(" - 1 "),
        "2023",
    )

    def edit(xml: str) -> str:
        return xml.replace("统计期限自2023年", f"统计期限自</w:t></w:r>{year}<w:r><w:t>年", 1)

    source, report = edited("yunxi-shengtai-2023", edit)
    assert "统计期限自2023年1月1日起至2023年12月31日止" in source.text
    assert report.period is not None and report.period.start is not None
    assert report.period.start.isoformat() == "2023-01-01"
    assert report.period.span.line == 2


def test_a_deleted_paragraph_mark_joins_the_paragraph_to_the_next() -> None:
    """The statistics period split over two paragraphs by a mark deleted with change
    tracking: accepted, it is one paragraph and the period is read."""

    def edit(xml: str) -> str:
        return xml.replace(
            "<w:p><w:r><w:t>根据",
            f'<w:p><w:pPr><w:rPr><w:del w:id="7" {TRACKED}/></w:rPr></w:pPr><w:r><w:t>根据',
            1,
        ).replace(
            "统计期限自2023年1月1日", "统计期限自2023年1月1日</w:t></w:r></w:p><w:p><w:r><w:t>", 1
        )

    source, report = edited("yunxi-shengtai-2023", edit)
    lines = source.text.split("\n")
    assert lines[1].startswith("根据《中华人民共和国政府信息公开条例》")
    assert "统计期限自2023年1月1日起至2023年12月31日止。" in lines[1]
    assert report.period is not None and report.period.end is not None
    assert report.period.end.isoformat() == "2023-12-31"
    column = lines[1].index("起至") + 1
    assert source.origin(2, column).where == "第 3 段"  # the second paragraph's text
    assert source.origin(2, 1).where == "第 2 段"


def test_a_numbered_heading_deleted_whole_is_not_numbered() -> None:
    """A duplicate heading of Word's list deleted with change tracking (its text and its
    mark): Word, changes accepted, shows the headings after it as 三、四、…; the reader
    numbered them 四、五、… (the parser then found every later section misnumbered)."""
    heading = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'
        f'<w:rPr><w:del w:id="8" {TRACKED}/></w:rPr></w:pPr><w:del w:id="9" {TRACKED}><w:r>'
        "<w:delText>主动公开政府信息情况</w:delText></w:r></w:del></w:p>"
    )

    def edit(xml: str) -> str:
        at = xml.index(
            '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/>'
            "</w:numPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>收到和处理"
        )
        return xml[:at] + heading + xml[at:]

    source, report = edited("yunxi-shengtai-2023", edit)
    assert [(s.number, s.key) for s in report.sections] == [
        ("一", "overview"),
        ("二", "proactive"),
        ("三", "applications"),
        ("四", "reviews"),
        ("五", "problems"),
        ("六", "other"),
    ]
    line = line_of(source, "三、收到和处理政府信息公开申请情况")
    assert source.text.split("\n")[line - 2] != "三、"  # no number left of the deleted one
    assert report.sections[2].span.line == line
