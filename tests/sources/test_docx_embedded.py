"""Content a Word document holds in other parts: an Excel worksheet embedded as an object
(w:object/o:OLEObject), read as the table it shows where it stands."""

from __future__ import annotations

import base64
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from tests.conftest import FIXTURES
from tests.sources.test_docx import read_built, saved
from xxgk_lint.parse import parse_source
from xxgk_lint.sources import LimitError
from xxgk_lint.sources.docx import read_docx
from xxgk_lint.sources.limits import Limits
from xxgk_lint.sources.model import GridCell, GridRow

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def column_name(column: int) -> str:
    """1 → A, 27 → AA."""
    name = ""
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def workbook(
    rows: Sequence[Sequence[str | int | None]],
    *,
    merges: Sequence[str] = (),
    ole_size: str | None = None,
    hidden_rows: Sequence[int] = (),
    hidden_columns: Sequence[int] = (),
    first_row: int = 1,
    active_sheet: Sequence[Sequence[str | int | None]] | None = None,
) -> bytes:
    """An .xlsx as Excel saves one: text in shared strings (every third one inline),
    numbers as numbers, the rows from ``first_row``. With ``active_sheet``, the workbook
    has that sheet second and active."""
    strings: list[str] = []

    def sheet_xml(sheet_rows: Sequence[Sequence[str | int | None]]) -> str:
        out = []
        for r, row in enumerate(sheet_rows, first_row):
            hidden = ' hidden="1"' if r in hidden_rows else ""
            cells = []
            for c, value in enumerate(row, 1):
                ref = f"{column_name(c)}{r}"
                if value is None:
                    continue
                if isinstance(value, int):
                    cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                elif len(strings) % 3 == 2:
                    strings.append("")  # (an index no cell uses)
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>')
                else:
                    strings.append(value)
                    cells.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
            out.append(f'<row r="{r}"{hidden}>{"".join(cells)}</row>')
        cols = "".join(f'<col min="{c}" max="{c}" hidden="1"/>' for c in hidden_columns)
        merged = "".join(f'<mergeCell ref="{ref}"/>' for ref in merges)
        return (
            f'<worksheet xmlns="{MAIN}">'
            + (f"<cols>{cols}</cols>" if cols else "")
            + f"<sheetData>{''.join(out)}</sheetData>"
            + (f"<mergeCells>{merged}</mergeCells>" if merged else "")
            + "</worksheet>"
        )

    sheets = [sheet_xml(rows)] + ([sheet_xml(active_sheet)] if active_sheet else [])
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Target="xl/workbook.xml"'
            f' Type="{REL}/officeDocument"/></Relationships>',
        )
        listed = "".join(
            f'<sheet name="Sheet{k}" sheetId="{k}" r:id="rId{k}"/>'
            for k in range(1, len(sheets) + 1)
        )
        view = f'<bookViews><workbookView activeTab="{len(sheets) - 1}"/></bookViews>'
        size = f'<oleSize ref="{ole_size}"/>' if ole_size else ""
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}">{view}<sheets>{listed}</sheets>{size}'
            "</workbook>",
        )
        rels = "".join(
            f'<Relationship Id="rId{k}" Target="worksheets/sheet{k}.xml" Type="{REL}/worksheet"/>'
            for k in range(1, len(sheets) + 1)
        )
        rels += f'<Relationship Id="rIdS" Target="sharedStrings.xml" Type="{REL}/sharedStrings"/>'
        archive.writestr(
            "xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PKG}">{rels}</Relationships>'
        )
        for k, sheet in enumerate(sheets, 1):
            archive.writestr(f"xl/worksheets/sheet{k}.xml", sheet)
        items = "".join(f"<si><t>{s}</t><rPh><t>ピン</t></rPh></si>" for s in strings)
        archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{items}</sst>')
    return data.getvalue()


def embed(document: docx.document.Document, data: bytes, name: str = "1") -> str:
    """Add ``data`` as an embedded workbook part; its relationship id."""
    part = Part(
        PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{name}.xlsx"),
        XLSX,
        data,
        document.part.package,
    )
    return document.part.relate_to(part, RT.PACKAGE)


def ole_object(rid: str, prog_id: str = "Excel.Sheet.12") -> str:
    """A run holding an embedded object as Word writes one (a VML picture of it, then the
    object)."""
    v, o = "urn:schemas-microsoft-com:vml", "urn:schemas-microsoft-com:office:office"
    return (
        f'<w:r {nsdecls("w", "r")} xmlns:v="{v}" xmlns:o="{o}">'
        '<w:object w:dxaOrig="8306" w:dyaOrig="2400">'
        '<v:shape id="_x0000_i1025" type="#_x0000_t75" style="width:415pt;height:120pt" o:ole="">'
        '<v:imagedata o:title=""/></v:shape>'
        f'<o:OLEObject Type="Embed" ProgID="{prog_id}" ShapeID="_x0000_i1025" '
        f'DrawAspect="Content" ObjectID="_1760000001" r:id="{rid}"/></w:object></w:r>'
    )


TABLE = [
    ["（一）主动公开", None, "本年制发件数", "本年废止件数"],
    [None, "规章", 2, 0],
    [None, "规范性文件", 5, 1],
]


def test_an_embedded_sheet_is_read_as_a_table_where_it_stands() -> None:
    document = docx.Document()
    document.add_paragraph("二、主动公开政府信息情况")
    paragraph = document.add_paragraph()
    paragraph._p.append(
        parse_xml(ole_object(embed(document, workbook(TABLE, merges=["A1:B1", "A2:A3"]))))
    )
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    source = read_built(document)
    assert source.text.split("\n") == [
        "二、主动公开政府信息情况",
        "（一）主动公开\t本年制发件数\t本年废止件数",
        "\t规章\t2\t0",  # the merged cell A2:A3 starts in this row
        "规范性文件\t5\t1",
        "三、收到和处理政府信息公开申请情况",
        "",
    ]
    assert source.grid[2] == GridRow(0, 0, (GridCell(0, 2), GridCell(2), GridCell(3)))
    assert source.grid[3] == GridRow(
        0, 1, (GridCell(0, 1, 2), GridCell(1), GridCell(2), GridCell(3))
    )
    assert source.grid[4] == GridRow(0, 2, (GridCell(1), GridCell(2), GridCell(3)))
    assert source.origin(3, 5).where == "表格 1（Excel 对象），第 2 行，第 3 列"


def test_the_area_of_the_object_without_hidden_rows_and_columns() -> None:
    """Excel shows the object's range (oleSize) of the active sheet, less its hidden rows
    and columns: an old column kept hidden is not read."""
    rows = [
        ["备注：不在对象范围内", None, None, None],
        ["项目", "旧", "件数", None],
        ["规章", 9, 2, None],
        ["（上年）", 9, 9, None],
        ["规范性文件", 9, 5, "范围外"],
    ]
    data = workbook(
        [["另一张表", 1]],
        active_sheet=rows,
        ole_size="A2:C5",
        hidden_rows=[4],
        hidden_columns=[2],
    )
    document = docx.Document()
    document.add_paragraph()._p.append(parse_xml(ole_object(embed(document, data))))
    source = read_built(document)
    assert source.text.split("\n") == ["项目\t件数", "规章\t2", "规范性文件\t5", ""]
    assert source.origin(3, 7).where == "表格 1（Excel 对象），第 3 行，第 2 列"


def test_tables_are_counted_with_the_sheets_in_document_order() -> None:
    document = docx.Document()
    document.add_table(rows=1, cols=2).cell(0, 0).text = "甲"
    document.add_paragraph()._p.append(
        parse_xml(ole_object(embed(document, workbook([["乙", 1]]))))
    )
    document.add_table(rows=1, cols=2).cell(0, 0).text = "丙"
    source = read_built(document)
    assert source.text.split("\n") == ["甲\t", "乙\t1", "丙\t", ""]
    assert [source.grid[line].table for line in (1, 2, 3)] == [0, 1, 2]
    assert source.origin(3, 1).where == "表格 3，第 1 行，第 1 列"


def test_a_sheet_in_a_table_cell_follows_the_table() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "表一"
    table.cell(0, 1).paragraphs[0]._p.append(
        parse_xml(ole_object(embed(document, workbook([["规章", 2]]))))
    )
    source = read_built(document)
    assert source.text.split("\n") == ["表一\t", "规章\t2", ""]
    assert source.origin(2, 4).where == "表格 2（Excel 对象），第 1 行，第 2 列"


@pytest.mark.parametrize(
    "data",
    [b"\xd0\xcf\x11\xe0" + b"\0" * 500, b"PK\x03\x04broken", None],
    ids=["not-a-compound-file", "damaged", "no-part"],
)
def test_an_object_that_cannot_be_read_gives_no_table(data: bytes | None) -> None:
    """A damaged package, a missing part: the paragraphs around are read; the object
    gives nothing (never an error). An Excel 97-2003 worksheet: test_docx_s39_objects."""
    document = docx.Document()
    document.add_paragraph("前")
    rid = embed(document, data) if data is not None else "rId404"
    document.add_paragraph()._p.append(parse_xml(ole_object(rid, "Excel.Sheet.8")))
    document.add_paragraph("后")
    assert read_built(document).text == "前\n后\n"


def test_an_embedded_sheet_is_held_to_the_limits() -> None:
    document = docx.Document()
    document.add_paragraph()._p.append(
        parse_xml(ole_object(embed(document, workbook([["a"]], ole_size="A1:Z400"))))
    )
    with pytest.raises(LimitError, match="max-cells"):
        read_docx("t.docx", saved(document), Limits(max_cells=10_000))


def assert_table_three(document: docx.document.Document, table: str) -> None:
    """The qingshan report saved from ``document`` reads table 三 as the .docx did (9
    received from natural persons, 1 carried forward), located in ``table``."""
    report = parse_source(read_docx("q.docx", saved(document)))
    applications = report.tables["applications"]
    person = applications.cell("received", "natural_person")
    total = applications.cell("carried_forward", "total")
    assert person is not None and total is not None
    assert (person.value, total.value) == (9, 1)
    assert person.span.where == f"{table}，第 4 行，第 4 列"
    assert total.span.where == f"{table}，第 28 行，第 10 列"


def test_a_report_whose_table_is_an_embedded_sheet(tmp_path: Path) -> None:
    """The qingshan report with its table 三 pasted from Excel as an object: its values
    are read under their rows and columns, at their places in the sheet."""
    original = docx.Document(str(FIXTURES / "docx" / "qingshan-jiaotong-2023.docx"))
    source = read_docx("q.docx", (FIXTURES / "docx" / "qingshan-jiaotong-2023.docx").read_bytes())
    lines = source.text.split("\n")
    grid = {line: row for line, row in source.grid.items() if row.table == 1}
    cells: dict[tuple[int, int], str | int] = {}
    merges = []
    for line, row in grid.items():
        for text, cell in zip(lines[line - 1].split("\t"), row.cells, strict=True):
            cells[row.row + 1, cell.column + 1] = int(text) if text.isdigit() else text
            if cell.span > 1 or cell.rows > 1:
                merges.append(
                    f"{column_name(cell.column + 1)}{row.row + 1}:"
                    f"{column_name(cell.column + cell.span)}{row.row + cell.rows}"
                )
    rows = [[cells.get((r, c)) for c in range(1, 11)] for r in range(1, 29)]
    table = original.tables[1]._tbl
    holder = parse_xml(f"<w:p {nsdecls('w')}/>")
    holder.append(parse_xml(ole_object(embed(original, workbook(rows, merges=merges)))))
    table.addprevious(holder)
    table.getparent().remove(table)
    assert_table_three(original, "表格 2（Excel 对象）")


# --------------------------------------------------------------------------- w:altChunk


def alt_chunk(
    document: docx.document.Document, data: bytes, name: str, kind: str, where=None
) -> None:
    """Import ``data`` (a part ``name`` of content type ``kind``) by a w:altChunk, at the
    end of the body or, given ``where`` (an element), in it."""
    part = Part(PackURI(f"/word/{name}"), kind, data, document.part.package)
    rid = document.part.relate_to(part, RT.A_F_CHUNK)
    chunk = parse_xml(f'<w:altChunk {nsdecls("w", "r")} r:id="{rid}"/>')
    if where is None:
        holder = document.add_paragraph()._p
        holder.addprevious(chunk)
        holder.getparent().remove(holder)
    else:
        where.append(chunk)


PAGE = (
    "<html><head><title>不读</title><style>p{margin:0}</style></head><body>"
    "<p>（一）主动公开</p>"
    "<table border=1><tr><td rowspan=2>规章</td><td>制发</td><td>5</td></tr>"
    "<tr><td>废止</td><td>1</td></tr></table><p>以上为主动公开情况。</p></body></html>"
)


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (PAGE.encode("gbk"), "afchunk.htm", "text/html"),
        (PAGE.encode("utf-8"), "chunk1.xhtml", "application/xhtml+xml"),
        (
            b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n'
            b'--B\r\nContent-Type: text/html; charset="gb2312"\r\n'
            b"Content-Transfer-Encoding: base64\r\n\r\n"
            + base64.encodebytes(PAGE.encode("gbk"))
            + b"\r\n--B--\r\n",
            "afchunk.mht",
            "message/rfc822",
        ),
    ],
    ids=["html", "xhtml", "mht"],
)
def test_an_imported_web_page_is_read_where_it_stands(data: bytes, name: str, kind: str) -> None:
    """A CMS export that imports its HTML (w:altChunk): Word shows it as paragraphs and
    tables, counted with the document's own."""
    document = docx.Document()
    document.add_paragraph("二、主动公开政府信息情况")
    document.add_table(rows=1, cols=2).cell(0, 0).text = "表"
    alt_chunk(document, data, name, kind)
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    source = read_built(document)
    assert source.text.split("\n") == [
        "二、主动公开政府信息情况",
        "表\t",
        "（一）主动公开",
        "规章\t制发\t5",
        "废止\t1",
        "以上为主动公开情况。",
        "三、收到和处理政府信息公开申请情况",
        "",
    ]
    assert source.grid[4] == GridRow(1, 0, (GridCell(0, 1, 2), GridCell(1), GridCell(2)))
    assert source.grid[5] == GridRow(1, 1, (GridCell(1), GridCell(2)))
    assert source.origin(4, 7).where == "表格 2，第 1 行，第 3 列"
    assert source.origin(5, 4).where == "表格 2，第 2 行，第 3 列"
    assert [source.origin(line, 1).where for line in (3, 6, 7)] == ["第 2 段", "第 3 段", "第 4 段"]


def test_an_imported_word_document_and_plain_text() -> None:
    inner = docx.Document()
    inner.add_paragraph("（二）依申请公开")
    table = inner.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "收到申请"
    table.cell(0, 1).text = "11"
    document = docx.Document()
    alt_chunk(
        document,
        saved(inner),
        "chunk.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    alt_chunk(document, "甲\r\n\r\n乙".encode("gbk"), "chunk.txt", "text/plain")
    source = read_built(document)
    assert source.text.split("\n") == ["（二）依申请公开", "收到申请\t11", "甲", "乙", ""]
    assert source.origin(2, 6).where == "表格 1，第 1 行，第 2 列"
    assert source.origin(4, 1).where == "第 3 段"


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"{\\rtf1\\ansi 2022}", "chunk.rtf", "application/rtf"),
        (b"\xff\xfe<\x00", "afchunk.htm", "text/html"),  # undecodable
        (b"PK\x03\x04", "chunk.docx", "application/vnd.ms-word.document"),
    ],
    ids=["rtf", "broken-page", "broken-docx"],
)
def test_what_is_not_read_of_an_imported_chunk(data: bytes, name: str, kind: str) -> None:
    """RTF is not read, nor a chunk that cannot be: the document reads on without it."""
    document = docx.Document()
    document.add_paragraph("前")
    alt_chunk(document, data, name, kind)
    document.add_paragraph("后")
    source = read_built(document)
    assert source.text == "前\n后\n"
    assert source.origin(2, 1).where == "第 2 段"


def test_documents_imported_too_deep_are_not_read() -> None:
    """A document imports one that imports one …: two levels are read, not more."""
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    data = b""
    for level in range(4, 0, -1):
        document = docx.Document()
        document.add_paragraph(f"层{level}")
        if data:
            alt_chunk(document, data, f"chunk{level}.docx", kind)
        data = saved(document)
    assert read_docx("t.docx", data).text == "层1\n层2\n层3\n"


def test_an_imported_chunk_in_a_table_cell() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "总计"
    alt_chunk(
        document, b"<p>2<span hidden>9</span>6</p>", "c.htm", "text/html", table.cell(0, 1)._tc
    )
    assert read_built(document).text == "总计\t26\n"


def test_a_report_whose_table_is_an_imported_web_page() -> None:
    """The qingshan report with its table 三 imported from the web page (as a CMS that
    exports Word documents writes it): its values are read under their rows and columns."""
    document = docx.Document(str(FIXTURES / "docx" / "qingshan-jiaotong-2023.docx"))
    page = (FIXTURES / "html" / "qingshan-jiaotong-2023.html").read_bytes().decode("gb18030")
    html_table = page[page.index("<table", page.index("本年新收") - 3000) :]
    html_table = html_table[: html_table.index("</table>") + 8]
    assert "本年新收" in html_table
    table = document.tables[1]._tbl
    marker = document.add_paragraph()._p
    table.addprevious(marker)
    table.getparent().remove(table)
    alt_chunk(document, f"<html><body>{html_table}</body></html>".encode(), "a.htm", "text/html")
    chunk = document.element.body[-2]  # (added before the section properties)
    marker.addprevious(chunk)
    marker.getparent().remove(marker)
    assert_table_three(document, "表格 2")


def test_what_the_cells_of_a_sheet_show() -> None:
    """A formula shows its cached result, a number as Excel's General format shows it;
    a package without relationships is read from its usual parts."""
    from xxgk_lint.sources.limits import DEFAULT_LIMITS
    from xxgk_lint.sources.xlsx_sheet import SheetCell, sheet_rows

    cells = (
        '<c r="A1"><f>SUM(B1:B2)</f><v>7</v></c>'
        '<c r="B1"><v>26.0</v></c>'
        '<c r="C1"><v>0.30000000000000004</v></c>'
        '<c r="D1" t="str"><f>"合"&amp;"计"</f><v>合计</v></c>'
        '<c r="E1" t="b"><v>1</v></c>'
        '<c r="F1" t="e"><v>#DIV/0!</v></c>'
        '<c r="G1" t="s"><v>0</v></c>'  # no shared strings: nothing
        "<c><v>3</v></c>"  # no reference: the next column
    )
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
            '<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
            f'Target="/xl/worksheets/s.xml" Type="{REL}/worksheet"/></Relationships>',
        )
        archive.writestr(
            "xl/worksheets/s.xml",
            f'<worksheet xmlns="{MAIN}"><sheetData><row>{cells}</row></sheetData></worksheet>',
        )
    rows = sheet_rows(data.getvalue(), DEFAULT_LIMITS)
    assert rows is not None
    assert [cell.text for cell in rows[0]] == ["7", "26", "0.3", "合计", "TRUE", "#DIV/0!", "", "3"]
    assert rows[0][-1] == SheetCell("3", 7)
