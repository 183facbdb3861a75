"""The Word reader: document order, merged cells, list numbering, locators, broken files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import docx.document
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from xxgk_lint.sources import InputError, Origin, read_source
from xxgk_lint.sources.docx import read_docx
from xxgk_lint.sources.model import GridCell, GridRow, Source

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
REPORTS = ("qingshan-jiaotong-2023", "yunxi-shengtai-2023", "baisha-zhen-2023")


def read(name: str):
    return read_source(FIXTURES / "docx" / f"{name}.docx")


def text_version(name: str) -> list[str]:
    text = (FIXTURES / "html" / f"{name}.extracted.txt").read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line]


def line_starting(source, prefix: str) -> tuple[int, str]:
    for number, line in enumerate(source.text.split("\n"), 1):
        if line.startswith(prefix):
            return number, line
    raise AssertionError(f"no line starts with {prefix!r}")


def cell_column(line: str, cell: int) -> int:
    return sum(len(c) + 1 for c in line.split("\t")[:cell]) + 1


# --------------------------------------------------------------------------- layout


def saved(document: docx.document.Document) -> bytes:
    """The bytes of a document built in memory, as Word would save it."""
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def read_built(document: docx.document.Document) -> Source:
    """What the reader makes of a document built in memory."""
    return read_docx("t.docx", saved(document))


@pytest.mark.parametrize("name", REPORTS)
def test_text_equals_text_version(name: str) -> None:
    """Paragraphs and tables in document order, a field per cell: NAME.extracted.txt."""
    source = read(name)
    assert (source.kind, source.encoding) == ("docx", None)
    assert [line for line in source.text.split("\n") if line] == text_version(name)
    assert source.original_lines == tuple(source.text.split("\n"))


def cells(*spec: tuple[int, int, int]) -> tuple[GridCell, ...]:
    return tuple(GridCell(*cell) for cell in spec)


def test_merged_cells() -> None:
    source = read("qingshan-jiaotong-2023")
    lines = source.text.split("\n")
    # gridSpan: 第二十条 blocks span four columns, the numbers of 行政许可 three.
    assert "第二十条第（五）项" in lines
    number = lines.index("行政许可\t1286") + 1
    assert source.grid[number] == GridRow(0, 6, cells((0, 1, 1), (1, 3, 1)))
    # gridSpan and vMerge together: the 3×3 corner cell and the 22-row 三、本年度办理结果.
    corner = lines.index(
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况"
    )
    assert lines[corner + 1] == "自然人\t法人或其他组织\t总计"
    assert lines[corner + 2] == "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他"
    assert lines[corner + 5] == "三、本年度办理结果\t（一）予以公开\t4\t1\t0\t0\t0\t0\t5"
    assert lines[corner + 7] == "（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0"
    assert lines[corner + 26] == "（七）总计\t9\t2\t0\t0\t0\t0\t11"
    assert lines.count("三、本年度办理结果\t（一）予以公开\t4\t1\t0\t0\t0\t0\t5") == 1
    values = cells(*((c, 1, 1) for c in range(3, 10)))
    grid = source.grid
    assert grid[corner + 1] == GridRow(1, 0, cells((0, 3, 3), (3, 7, 1)))
    assert grid[corner + 2] == GridRow(1, 1, cells((3, 1, 2), (4, 5, 1), (9, 1, 2)))
    assert grid[corner + 3] == GridRow(1, 2, cells(*((c, 1, 1) for c in range(4, 9))))
    assert grid[corner + 6] == GridRow(1, 5, (GridCell(0, 1, 22), GridCell(1, 2, 1), *values))
    assert grid[corner + 8] == GridRow(1, 7, (GridCell(1, 1, 8), GridCell(2, 1, 1), *values))
    assert grid[corner + 27] == GridRow(1, 26, (GridCell(1, 2, 1), *values))
    # The same geometry as the web page of the same report.
    html = read_source(FIXTURES / "html" / "qingshan-jiaotong-2023.html")
    assert list(html.grid.values()) == list(grid.values())


def word_table(document: docx.document.Document, xml: str) -> None:
    """Add a table written as WordprocessingML (what python-docx cannot build: gridBefore)."""
    table = document.add_table(rows=1, cols=1)
    table._tbl.getparent().replace(table._tbl, parse_xml(xml))


def tc(text: str = "", props: str = "") -> str:
    run = f"<w:r><w:t>{text}</w:t></w:r>" if text else ""
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{run}</w:p></w:tc>"


CONTINUE = '<w:vMerge w:val="continue"/>'


def test_grid_span_vmerge_and_grid_before() -> None:
    document = docx.Document()
    span2 = '<w:gridSpan w:val="2"/>'
    restart = span2 + '<w:vMerge w:val="restart"/>'
    word_table(
        document,
        f"<w:tbl {nsdecls('w')}><w:tblGrid>"
        + '<w:gridCol w:w="1000"/>' * 4
        + "</w:tblGrid>"
        + f"<w:tr>{tc('甲', restart)}{tc('乙')}{tc('丙')}</w:tr>"
        + f"<w:tr>{tc('', span2 + '<w:vMerge/>')}{tc('1')}{tc()}</w:tr>"
        + '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
        + f"{tc('x')}{tc('2', span2)}</w:tr>"
        + f"<w:tr>{tc('', span2 + CONTINUE)}{tc()}{tc('3')}</w:tr>"
        + "</w:tbl>",
    )
    source = read_built(document)
    assert source.text.split("\n") == ["甲\t乙\t丙", "1\t", "x\t2", "\t\t3", ""]
    assert source.grid == {
        1: GridRow(0, 0, cells((0, 2, 2), (2, 1, 1), (3, 1, 1))),
        2: GridRow(0, 1, cells((2, 1, 1), (3, 1, 1))),
        3: GridRow(0, 2, cells((1, 1, 1), (2, 2, 1))),
        # No cell above starts in column 0 (gridBefore): the continuation is a cell.
        4: GridRow(0, 3, cells((0, 2, 1), (2, 1, 1), (3, 1, 1))),
    }
    # Locators count grid columns, and an empty field leads to its cell.
    assert source.origin(2, 1).where == "表格 1，第 2 行，第 3 列"
    assert source.origin(2, 3).where == "表格 1，第 2 行，第 4 列"
    assert source.origin(3, 1).where == "表格 1，第 3 行，第 2 列"
    assert source.origin(3, 3).where == "表格 1，第 3 行，第 3 列"
    assert source.origin(4, 1).where == "表格 1，第 4 行，第 1 列"


def test_word_numbering_rendered() -> None:
    """Headings and row labels numbered by Word get their numbers ("一、", "1.")."""
    lines = read("yunxi-shengtai-2023").text.split("\n")
    headings = [line for line in lines if line[1:2] == "、" and "\t" not in line]
    assert headings == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    lines = read("baisha-zhen-2023").text.split("\n")
    labels = [
        field
        for line in lines
        if "\t" in line
        for field in line.split("\t")
        if field[:1].isdigit() and field[1:2] == "."
    ]
    assert labels[0] == "1.属于国家秘密"
    assert labels[7] == "8.属于行政查询事项"
    assert labels[8] == "1.本机关不掌握相关政府信息"  # each group restarts at 1
    assert labels[-1] == "3.其他"


def test_tracked_changes_and_content_controls() -> None:
    lines = read("yunxi-shengtai-2023").text.split("\n")
    edited = next(line for line in lines if line.startswith("2023年，云溪市"))
    assert edited.startswith("2023年，云溪市生态环境局坚持")  # deleted 全年 left out
    assert lines[-3:] == [
        "六、其他需要报告的事项",
        "本年度我局未收取政府信息公开信息处理费。依据《政府信息公开信息处理费管理办法》，"
        "全年未发出收费通知。",
        "",
    ]


# --------------------------------------------------------------------------- locators


def test_cell_locators() -> None:
    source = read("qingshan-jiaotong-2023")
    number, line = line_starting(source, "行政许可\t")
    column = cell_column(line, 1)
    found = source.origin(number, column)
    assert (found.line, found.column, found.where) == (16, 6, "表格 1，第 7 行，第 2 列")
    # The 总计 of （七）总计 in table 三: row 27, column 10 of the grid.
    number, line = line_starting(source, "（七）总计")
    found = source.origin(number, cell_column(line, 7) + 1)  # the second digit of 11
    assert (found.line, found.column) == (51, cell_column(line, 7) + 1)
    assert found.where == "表格 2，第 27 行，第 10 列"
    # Table 四's data row.
    number, line = line_starting(source, "1\t0\t0\t0\t1\t")
    assert source.origin(number, cell_column(line, 4)).where == "表格 3，第 4 行，第 5 列"


def test_cell_locators_count_grid_columns() -> None:
    """A field's locator names the grid column where its cell starts."""
    source = read("qingshan-jiaotong-2023")
    number, line = line_starting(source, "商业企业\t")
    assert source.origin(number, 1).where == "表格 2，第 3 行，第 5 列"
    assert source.origin(number, len(line)).where == "表格 2，第 3 行，第 9 列"
    number, line = line_starting(source, "7.属于行政执法案卷")
    assert source.origin(number, 1).where == "表格 2，第 14 行，第 3 列"
    assert source.origin(number, cell_column(line, 1)).where == "表格 2，第 14 行，第 4 列"


def test_paragraph_locators() -> None:
    source = read("qingshan-jiaotong-2023")
    number, _ = line_starting(source, "一、总体情况")
    assert source.origin(number, 3) == Origin(number, 3, "第 4 段")
    assert source.origin(1, 1).where == "第 1 段"
    number, _ = line_starting(source, "六、其他需要报告的事项")
    assert source.origin(number, 1).where == "第 21 段"
    # A manual line break: two lines, one paragraph.
    source = read("baisha-zhen-2023")
    first, _ = line_starting(source, "联系地址：")
    second, _ = line_starting(source, "联系电话：")
    assert second == first + 1
    assert source.origin(first, 1).where == source.origin(second, 5).where == "第 3 段"


def test_nested_and_merged_built_in_memory() -> None:
    document = docx.Document()
    document.add_paragraph("前言")
    outer = document.add_table(rows=3, cols=3)
    outer.cell(0, 0).merge(outer.cell(1, 0)).text = "纵向"
    outer.cell(0, 1).merge(outer.cell(0, 2)).text = "横向"
    outer.cell(1, 1).text = "A"
    outer.cell(1, 2).text = "B"
    outer.cell(2, 0).text = "x"
    inner = outer.cell(2, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内1"
    inner.cell(0, 1).text = "内2"
    document.add_paragraph("后记")
    source = read_built(document)
    assert source.text.split("\n") == [
        "前言",
        "纵向\t横向",
        "A\tB",
        "x\t\t",
        "内1\t内2",
        "后记",
        "",
    ]
    assert source.origin(5, 1).where == "表格 2，第 1 行，第 1 列"
    assert source.origin(6, 1).where == "第 2 段"
    # The empty cell that holds the nested table, and the empty last cell.
    assert source.origin(4, 3).where == "表格 1，第 3 行，第 2 列"
    assert source.origin(4, 4).where == "表格 1，第 3 行，第 3 列"
    assert source.grid[3] == GridRow(0, 1, cells((1, 1, 1), (2, 1, 1)))
    assert source.grid[2] == GridRow(0, 0, cells((0, 1, 2), (1, 2, 1)))
    assert source.grid[5] == GridRow(1, 0, cells((0, 1, 1), (1, 1, 1)))


# --------------------------------------------------------------------------- broken files


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("not-a-document", "without a Word document"),
        ("random-bytes", "not a zip archive"),
        ("truncated", "not a zip archive"),
    ],
)
def test_broken_documents(name: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        read(name)
    message = str(caught.value)
    assert message.startswith("not a valid Word .docx document: ")
    assert reason in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("name", "zh"),
    [
        ("not-a-document", "不是有效的 Word .docx 文档（压缩包中没有 Word 文档）"),
        (
            "random-bytes",
            "不是有效的 Word .docx 文档（不是 zip 压缩包：文件已损坏，或并非 .docx 文件）",
        ),
    ],
)
def test_broken_documents_are_told_in_chinese(name: str, zh: str) -> None:
    from xxgk_lint.sources.messages import localise

    with pytest.raises(InputError) as caught:
        read(name)
    assert localise(str(caught.value), "zh") == zh


def test_broken_bytes_directly() -> None:
    with pytest.raises(InputError, match=r"^not a valid Word \.docx document: [^\n]+$"):
        read_docx("t.docx", b"PK\x03\x04 not really a zip")


# --------------------------------------------------------------------------- parsed


@pytest.mark.parametrize("name", REPORTS)
def test_parsed_tables_equal_truth(name: str) -> None:
    pytest.importorskip("xxgk_lint.parse")
    from xxgk_lint.parse import parse_source
    from xxgk_lint.parse.serialize import report_to_json

    truth = json.loads((FIXTURES / "html" / f"{name}.json").read_text(encoding="utf-8"))
    tables = report_to_json(parse_source(read(name)))["tables"]
    assert tables == truth["tables"]


def test_style_and_list_ids_are_data_not_queries() -> None:
    """Ids with quotes and brackets (they once went into an ElementPath query)."""
    document = docx.Document()
    paragraph = document.add_paragraph("正文")
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {nsdecls("w")} w:val="a\'b]["/>'))
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1\']"/></w:numPr>')
    )
    assert read_built(document).text == "正文\n"


def test_carriage_return_in_text_is_a_line_break() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:t xml:space="preserve">甲&#13;乙&#13;&#10;丙</w:t></w:r>'
        )
    )
    source = read_built(document)
    assert source.text == "甲\n乙\n丙\n"
    assert source.origin(2, 1).where == source.origin(3, 1).where == "第 1 段"


def numbered_by_list_style(style_num: str = "97", link: str = "HeadList") -> bytes:
    """Headings and （一） items numbered by lists that take their levels from a list style.

    Lists 96 and 95 have definitions with only ``w:numStyleLink``; the list style names
    list 97, whose definition has the levels (一、 at level 0, （一） at level 1).
    """
    document = docx.Document()
    w = nsdecls("w")
    document.styles.element.append(
        parse_xml(
            f'<w:style {w} w:type="numbering" w:styleId="HeadList"><w:name w:val="HeadList"/>'
            f'<w:pPr><w:numPr><w:numId w:val="{style_num}"/></w:numPr></w:pPr></w:style>'
        )
    )
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, text in enumerate(("%1、", "（%2）"))
    )
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="97"><w:styleLink w:val="HeadList"/>'
            f"{levels}</w:abstractNum>"
        ),
    )
    for abstract in ("96", "95"):
        numbering.insert(
            0,
            parse_xml(
                f'<w:abstractNum {w} w:abstractNumId="{abstract}">'
                f'<w:numStyleLink w:val="{link}"/></w:abstractNum>'
            ),
        )
    for num in ("97", "96", "95"):
        numbering.append(
            parse_xml(f'<w:num {w} w:numId="{num}"><w:abstractNumId w:val="{num}"/></w:num>')
        )
    for text, num, ilvl in (
        ("总体情况", "96", 0),
        ("主动公开情况", "96", 1),
        ("依申请公开情况", "96", 1),
        ("主动公开政府信息情况", "95", 0),
        ("收到和处理政府信息公开申请情况", "96", 0),
    ):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>')
        )
    return saved(document)


def test_numbering_from_a_list_style() -> None:
    """A list defined by a list style (w:numStyleLink) numbers as the style's list does,
    and lists linked to one style count on together, as Word shows them."""
    source = read_docx("t.docx", numbered_by_list_style())
    assert source.text.split("\n") == [
        "一、总体情况",
        "（一）主动公开情况",
        "（二）依申请公开情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "",
    ]


@pytest.mark.parametrize(
    ("style_num", "link"),
    [("97", "NoSuchStyle"), ("42", "HeadList"), ("96", "HeadList")],
    ids=["missing-style", "missing-list", "link-to-itself"],
)
def test_broken_list_style_links_give_no_number(style_num: str, link: str) -> None:
    source = read_docx("t.docx", numbered_by_list_style(style_num, link))
    assert source.text.split("\n")[:2] == ["总体情况", "主动公开情况"]


def test_hidden_text_is_not_read() -> None:
    """Text formatted hidden (w:vanish) is neither shown nor printed by Word: a template's
    instruction, an old heading or last year's value kept in a cell is not report text;
    w:vanish switched off (w:val="0"/"false") is."""
    document = docx.Document()
    w = nsdecls("w")
    hidden = "<w:rPr><w:vanish/></w:rPr>"
    document.add_paragraph()._p.append(
        parse_xml(f"<w:r {w}>{hidden}<w:t>（模板说明：发布前删除本段）</w:t></w:r>")
    )
    heading = document.add_paragraph()
    heading._p.append(parse_xml(f"<w:r {w}>{hidden}<w:t>四、2022年</w:t></w:r>"))
    heading._p.append(
        parse_xml(f"<w:r {w}><w:t>四、政府信息公开行政复议、行政诉讼情况</w:t></w:r>")
    )
    shown = document.add_paragraph()
    for val in ("0", "false"):
        shown._p.append(
            parse_xml(f'<w:r {w}><w:rPr><w:vanish w:val="{val}"/></w:rPr><w:t>见{val}</w:t></w:r>')
        )
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "总计"
    cell = table.cell(0, 1).paragraphs[0]._p
    cell.append(parse_xml(f"<w:r {w}>{hidden}<w:t>29</w:t></w:r>"))
    cell.append(parse_xml(f"<w:r {w}><w:t>26</w:t></w:r>"))
    source = read_built(document)
    assert source.text.split("\n") == [
        "四、政府信息公开行政复议、行政诉讼情况",
        "见0见false",
        "总计\t26",
        "",
    ]
    assert source.origin(3, 4).where == "表格 1，第 1 行，第 2 列"


@pytest.mark.parametrize(
    ("fmt", "first", "eleventh"),
    [
        ("chineseCounting", "一、", "十一、"),
        ("taiwaneseCountingThousand", "一、", "十一、"),
        ("japaneseCounting", "一、", "十一、"),
        ("chineseLegalSimplified", "壹、", "拾壹、"),
        ("ideographLegalTraditional", "壹、", "拾壹、"),
    ],
)
def test_chinese_numbering_formats(fmt: str, first: str, eleventh: str) -> None:
    """Word in Traditional Chinese numbers "一、" with taiwaneseCountingThousand, and a
    document may carry any of the formats that show Chinese numerals: none shows as "1、"."""
    document = docx.Document()
    w = nsdecls("w")
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for _ in range(11):
        paragraph = document.add_paragraph("总体情况")
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
        )
    lines = read_built(document).text.split("\n")
    assert (lines[0], lines[10]) == (first + "总体情况", eleventh + "总体情况")


def test_text_hidden_by_its_style_is_not_read() -> None:
    """A character style or a paragraph style (or a style it is based on) that hides its
    text hides the runs in it; a run's own w:vanish w:val="0" shows it again."""
    document = docx.Document()
    w = nsdecls("w")
    styles = document.styles.element
    for style in (
        f'<w:style {w} w:type="character" w:styleId="Old"><w:name w:val="Old"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>",
        f'<w:style {w} w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>",
        f'<w:style {w} w:type="paragraph" w:styleId="NoteRed"><w:name w:val="NoteRed"/>'
        '<w:basedOn w:val="Note"/><w:rPr><w:color w:val="FF0000"/></w:rPr></w:style>',
        f'<w:style {w} w:type="paragraph" w:styleId="Shown"><w:name w:val="Shown"/>'
        '<w:basedOn w:val="Note"/><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>',
    ):
        styles.append(parse_xml(style))
    cell = document.add_paragraph()._p
    cell.append(parse_xml(f'<w:r {w}><w:rPr><w:rStyle w:val="Old"/></w:rPr><w:t>29</w:t></w:r>'))
    cell.append(parse_xml(f"<w:r {w}><w:t>26</w:t></w:r>"))
    for style in ("Note", "NoteRed", "Shown"):
        paragraph = document.add_paragraph(f"{style}：说明")
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {w} w:val="{style}"/>'))
    paragraph._p.append(
        parse_xml(f'<w:r {w}><w:rPr><w:rStyle w:val="Old"/></w:rPr><w:t>旧</w:t></w:r>')
    )
    note = document.add_paragraph()
    note._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {w} w:val="Note"/>'))
    note._p.append(parse_xml(f'<w:r {w}><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>见</w:t></w:r>'))
    assert read_built(document).text.split("\n") == ["26", "Shown：说明", "见", ""]
