"""Word documents laid out in ways the text flow hides: a report framed by a one-cell
table (or laid out in a table's cells), and text in text boxes (w:txbxContent, also as the
two copies of mc:AlternateContent). Their paragraphs are lines in document order; the
statistical tables inside are still tables."""

from __future__ import annotations

import io
from pathlib import Path

from docx.oxml.ns import nsdecls

from tests.engine.reportkit import CLEAN, PERIOD, TITLE
from tests.rules.helpers import codes, result
from xxgk_lint.format import SECTION_ORDER
from xxgk_lint.parse import parse_source
from xxgk_lint.sources.docx import read_docx
from xxgk_lint.sources.model import GridCell, GridRow

NS = " ".join(
    [
        nsdecls("w", "wp", "a"),
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
        'xmlns:v="urn:schemas-microsoft-com:vml"',
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
    ]
)


def p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" if text else "<w:p/>"


def tc(*blocks: str) -> str:
    return f"<w:tc>{''.join(blocks) or '<w:p/>'}</w:tc>"


def tbl(*rows: list[str]) -> str:
    """A table of rows, each a list of cells (XML, see tc)."""
    body = "".join(f"<w:tr>{''.join(cells)}</w:tr>" for cells in rows)
    return f"<w:tbl>{body}</w:tbl>"


def grid(*rows: list[str]) -> str:
    """A data table of plain texts."""
    return tbl(*([tc(p(text)) for text in row] for row in rows))


def document(body: str) -> bytes:
    """A .docx whose body is ``body`` (WordprocessingML), built from python-docx's template."""
    import docx
    from docx.oxml import parse_xml

    word = docx.Document()
    old = word.element.body
    new = parse_xml(f"<w:body {NS}>{body}{old[-1].xml if len(old) else ''}</w:body>")
    old.getparent().replace(old, new)
    data = io.BytesIO()
    word.save(data)
    return data.getvalue()


def lines(body: str) -> list[str]:
    return read_docx("t.docx", document(body)).text.split("\n")[:-1]


# --------------------------------------------------------------------------- layout tables


def test_a_one_cell_table_frames_paragraphs_and_a_table() -> None:
    inner = grid(["信息内容", "本年制发件数"], ["规章", "2"])
    body = tbl([tc(p(""), p("标题"), p("第一段。"), p("二、主动公开"), inner, p("末段"))])
    source = read_docx("t.docx", document(p("前言") + body + p("后记")))
    assert source.text.split("\n")[:-1] == [
        "前言",
        "标题",
        "第一段。",
        "二、主动公开",
        "信息内容\t本年制发件数",
        "规章\t2",
        "末段",
        "后记",
    ]
    # The paragraphs are paragraphs; the nested table keeps its rows, fields and number
    # (Word's second table: the frame is the first).
    assert source.origin(2, 1).where == "第 3 段"  # (the empty paragraph is the 2nd)
    assert source.origin(7, 1).where == "第 6 段"
    assert source.origin(8, 1).where == "第 7 段"
    assert sorted(source.grid) == [5, 6]
    assert source.grid[6] == GridRow(1, 1, (GridCell(0, 1, 1), GridCell(1, 1, 1)))
    assert source.origin(6, 4).where == "表格 2，第 2 行，第 2 列"


def test_a_one_column_table_of_several_rows_is_layout() -> None:
    body = tbl([tc(p("标题"))], [tc(p("一、总体情况"), p("正文。"))], [tc(grid(["甲", "1"]))])
    assert lines(body) == ["标题", "一、总体情况", "正文。", "甲\t1"]


def test_a_cell_holding_paragraphs_around_a_table_is_layout() -> None:
    """A logo cell beside a cell that holds the report: each cell's blocks in order."""
    report = tc(p("一、总体情况"), p("正文。"), grid(["甲", "1"]), p("六、其他"))
    assert lines(tbl([tc(p("徽标")), report])) == [
        "徽标",
        "一、总体情况",
        "正文。",
        "甲\t1",
        "六、其他",
    ]


def test_a_data_table_with_a_table_in_a_cell_is_still_data() -> None:
    """Cells side by side holding short texts: a data table (its nested table after it)."""
    body = tbl([tc(p("纵向")), tc(p("横向"))], [tc(p("x")), tc(grid(["内1", "内2"]))])
    assert lines(body) == ["纵向\t横向", "x\t", "内1\t内2"]


def test_a_one_row_data_table_stays_a_row() -> None:
    assert lines(grid(["行政许可", "120"])) == ["行政许可\t120"]


def _word_blocks(text: str, after_first: str = "") -> list[str]:
    """``text`` as Word paragraphs and tables (a table per run of | rows); ``after_first``
    (a block's XML) stands after the first paragraph."""
    blocks: list[str] = []
    rows: list[list[str]] = []
    for number, line in enumerate(text.split("\n")):
        if "|" in line:
            rows.append([field.strip() for field in line.strip().rstrip("|").split("|")])
            continue
        if rows:
            blocks.append(grid(*rows))
            rows = []
        blocks.append(p(line))
        if number == 0 and after_first:
            blocks.append(after_first)
    if rows:
        blocks.append(grid(*rows))
    return blocks


def _framed_report() -> str:
    """CLEAN as Word paragraphs and tables, all in a one-cell table."""
    blocks = _word_blocks(CLEAN)
    return tbl([tc(*blocks)])


def test_a_whole_report_in_a_one_cell_table_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "framed.docx"
    path.write_bytes(document(_framed_report()))
    from xxgk_lint.sources import read_source

    report = parse_source(read_source(str(path)))
    assert [s.key for s in report.sections] == list(SECTION_ORDER)
    assert report.title is not None and report.title.text == TITLE
    assert report.period is not None and report.period.start is not None
    cell = report.tables["proactive"].cell("normative_documents", "in_force")
    assert cell is not None and cell.value == 12
    total = report.tables["applications"].cell("total", "total")
    assert total is not None and total.value == 7
    file = result(path)
    assert codes(file, "XG101", "XG102", "XG301", "XG003") == []


# --------------------------------------------------------------------------- text boxes

VML = "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
DRAWING = (
    "<w:r><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>"
    "<w:txbxContent>{}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
    "</wp:anchor></w:drawing></w:r>"
)


def alternate(content: str) -> str:
    """A text box as Word writes it: DrawingML in mc:Choice, a VML copy in mc:Fallback."""
    choice = DRAWING.format(content)[len("<w:r>") : -len("</w:r>")]
    fallback = VML.format(content)[len("<w:r>") : -len("</w:r>")]
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        f"{choice}</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_a_vml_text_box_is_read_where_it_stands() -> None:
    body = p("标题") + f"<w:p>{VML.format(p('框内第一段。') + p('框内第二段。'))}</w:p>" + p("正文")
    source = read_docx("t.docx", document(body))
    assert source.text.split("\n")[:-1] == ["标题", "框内第一段。", "框内第二段。", "正文"]
    assert [source.origin(n, 1).where for n in (1, 2, 3, 4)] == [
        "第 1 段",
        "第 3 段",
        "第 4 段",
        "第 5 段",
    ]


def test_alternate_content_is_read_once() -> None:
    body = f"<w:p>{alternate(p('只读一次。'))}</w:p>"
    assert lines(body) == ["只读一次。"]


def test_a_drawing_text_box_without_fallback() -> None:
    assert lines(f"<w:p>{DRAWING.format(p('绘图框。'))}</w:p>") == ["绘图框。"]


def test_a_text_box_inside_a_paragraph_cuts_it_in_document_order() -> None:
    body = (
        "<w:p><w:r><w:t>前文</w:t></w:r>"
        + alternate(p("框内。") + f"<w:p>{VML.format(p('框中框。'))}</w:p>")
        + "<w:r><w:t>后文</w:t></w:r></w:p>"
    )
    assert lines(body) == ["前文", "框内。", "框中框。", "后文"]


def test_a_text_box_in_a_table_cell_joins_the_cell() -> None:
    body = tbl([tc(p("标签")), tc(f"<w:p><w:r><w:t>12</w:t></w:r>{VML.format(p('件'))}</w:p>")])
    assert lines(body) == ["标签\t12件"]


def test_a_text_box_holding_a_table() -> None:
    body = f"<w:p>{VML.format(p('表前') + grid(['甲', '1']))}</w:p>"
    source = read_docx("t.docx", document(body))
    assert source.text.split("\n")[:-1] == ["表前", "甲\t1"]
    assert source.grid[2] == GridRow(0, 0, (GridCell(0, 1, 1), GridCell(1, 1, 1)))


def test_the_period_in_a_text_box_is_the_period(tmp_path: Path) -> None:
    """The introduction with the statistics period framed in a text box: no XG301."""
    blocks = _word_blocks(CLEAN.replace(PERIOD, ""), f"<w:p>{alternate(p(PERIOD))}</w:p>")
    path = tmp_path / "box.docx"
    path.write_bytes(document("".join(blocks)))
    file = result(path)
    assert codes(file, "XG301") == []
    from xxgk_lint.sources import read_source

    report = parse_source(read_source(str(path)))
    assert report.period is not None and report.period.start is not None
    assert report.period.start.isoformat() == "2023-01-01"
    assert report.period.span.line == 2
