"""The HTML reader: layout of real-looking pages, encodings, and positions in the .html file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from xxgk_lint.sources import InputError, Origin, read_source
from xxgk_lint.sources.html import _holds_reference, _in_lower_case, read_html
from xxgk_lint.sources.model import GridCell, GridRow

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "html"
PAGES = {
    "qingshan-jiaotong-2023": "gb18030",
    "yunxi-shengtai-2023": "utf-8",
    "baisha-zhen-2023": "gb18030",
    "qingshan-wide-cells-2023": "gb18030",
}


def read(name: str):
    return read_source(FIXTURES / f"{name}.html")


def raw_text(name: str, encoding: str) -> str:
    """The page's source as the reader sees it: decoded, CRLF as LF."""
    data = (FIXTURES / f"{name}.html").read_bytes().decode(encoding)
    return data.replace("\r\n", "\n")


def position(raw: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of ``raw[index]``."""
    line = raw.count("\n", 0, index) + 1
    return line, index - (raw.rfind("\n", 0, index) + 1) + 1


def cell_column(line: str, cell: int) -> int:
    """1-based column where cell number ``cell`` (0-based) of a TAB-joined line starts."""
    return sum(len(c) + 1 for c in line.split("\t")[:cell]) + 1


def line_starting(source, prefix: str) -> tuple[int, str]:
    for number, line in enumerate(source.text.split("\n"), 1):
        if line.startswith(prefix):
            return number, line
    raise AssertionError(f"no line starts with {prefix!r}")


def origin_of_cell(source, prefix: str, cell: int) -> tuple[int, int]:
    number, line = line_starting(source, prefix)
    found = source.origin(number, cell_column(line, cell))
    return found.line, found.column


# --------------------------------------------------------------------------- layout


@pytest.mark.parametrize("name", PAGES)
def test_report_text_appears_in_order(name: str) -> None:
    """Every line of NAME.extracted.txt is in the page's text, in the same order."""
    source = read(name)
    assert source.kind == "html"
    assert source.encoding == PAGES[name]
    lines = source.text.split("\n")
    at = 0
    for wanted in (FIXTURES / f"{name}.extracted.txt").read_text(encoding="utf-8").split("\n"):
        if wanted:
            assert wanted in lines[at:], wanted
            at = lines.index(wanted, at) + 1


def test_gbk_page_with_chrome() -> None:
    source = read("qingshan-jiaotong-2023")
    lines = source.text.split("\n")
    # The top bar, breadcrumb, title, body and footer, in document order (the menu, a
    # list of links, is not read: test_html_s40_link_lists.py).
    order = [
        "今天是：无障碍浏览 | 长者模式 | English",
        "当前位置：首页 > 政府信息公开 > 政府信息公开年报",
        "青山县交通运输局2023年政府信息公开工作年度报告",
        "一、总体情况",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "六、其他需要报告的事项",
        "分享到：微信 微博 QQ空间",
        "备案序号：X ICP备00000000号-1 政府网站标识码：0000000000",
    ]
    indexes = [lines.index(line) for line in order]
    assert indexes == sorted(indexes)
    # Scripts, styles, the head, noscript and hidden blocks are dropped.
    for dropped in ("document.write", "writeCell", "_hmt", "float", "_青山县人民政府", "1286 "):
        assert dropped not in source.text
    assert "您的浏览器不支持脚本" not in source.text
    assert "今天是：无障碍浏览 | 长者模式 | English" in lines
    assert source.original_lines[3].startswith('<meta http-equiv="Content-Type"')


def test_one_field_per_cell_that_starts_in_the_row() -> None:
    """A rowspan from above gives no field, a colspan cell is one field."""
    source = read("qingshan-jiaotong-2023")
    lines = source.text.split("\n")
    header = lines.index(
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况"
    )
    assert lines[header + 1] == "自然人\t法人或其他组织\t总计"
    # <br /> inside the labels: CJK text joined without a space.
    assert lines[header + 2] == "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他"
    assert lines[header + 3] == "一、本年新收政府信息公开申请数量\t9\t2\t0\t0\t0\t0\t11"
    assert lines[header + 5] == "三、本年度办理结果\t（一）予以公开\t4\t1\t0\t0\t0\t0\t5"
    assert lines[header + 6] == (
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t0\t0\t0\t0\t0\t1"
    )
    assert lines[header + 7] == "（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0"
    assert lines[header + 8] == "2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0"
    assert "信息内容\t本年收费金额（单位：万元）" in lines
    assert "行政许可\t1286" in lines
    reviews = lines.index("行政复议\t行政诉讼")
    assert lines[reviews + 1] == (
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉"
    )
    assert lines[reviews + 2] == "\t".join(
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2
    )
    assert lines[reviews + 3] == "1\t0\t0\t0\t1" + "\t0" * 10


def cells(*spec: tuple[int, int, int]) -> tuple[GridCell, ...]:
    return tuple(GridCell(*cell) for cell in spec)


def test_grid_of_the_applications_table() -> None:
    """Table 三: the applicant header over three rows, 三、本年度办理结果 over 22 rows."""
    source = read("qingshan-jiaotong-2023")
    number, _ = line_starting(source, "（本列数据的勾稽关系为")
    values = cells(*((c, 1, 1) for c in range(3, 10)))
    assert source.grid[number] == GridRow(1, 0, cells((0, 3, 3), (3, 7, 1)))
    assert source.grid[number + 1] == GridRow(1, 1, cells((3, 1, 2), (4, 5, 1), (9, 1, 2)))
    assert source.grid[number + 2] == GridRow(1, 2, cells(*((c, 1, 1) for c in range(4, 9))))
    assert source.grid[number + 3] == GridRow(1, 3, ((GridCell(0, 3, 1), *values)))
    assert source.grid[number + 5] == GridRow(
        1, 5, (GridCell(0, 1, 22), GridCell(1, 2, 1), *values)
    )
    # （三）不予公开 over its eight rows, under the 22-row cell: it starts in column 1.
    assert source.grid[number + 7] == GridRow(1, 7, (GridCell(1, 1, 8), GridCell(2, 1, 1), *values))
    assert source.grid[number + 8] == GridRow(1, 8, (GridCell(2, 1, 1), *values))
    (total,) = [n for n, line in enumerate(source.text.split("\n"), 1) if line.startswith("（七）")]
    assert source.grid[total] == GridRow(1, 26, (GridCell(1, 2, 1), *values))
    assert source.grid[total + 1] == GridRow(1, 27, (GridCell(0, 3, 1), *values))
    # Tables 二 and 四 are tables 0 and 2; prose lines have no geometry.
    number, _ = line_starting(source, "行政许可\t")
    assert source.grid[number] == GridRow(0, 6, cells((0, 1, 1), (1, 3, 1)))
    number, _ = line_starting(source, "结果维持\t")
    assert source.grid[number].table == 2
    assert source.grid[number].cells[:5] == cells(*((c, 1, 2) for c in range(5)))
    number, _ = line_starting(source, "一、总体情况")
    assert number not in source.grid
    assert len(source.grid) == 46


#: A CMS's table 三: 自然人 over two grid columns with an empty sub-header under it, the
#: values of 自然人 and 商业企业 in cells two columns wide, a blank 总计 (``&nbsp;``).
WIDE_CELLS = """<html><body><table>
<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="9">申请人情况</td></tr>
<tr><td colspan="2">自然人</td><td colspan="6">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td colspan="2"></td><td colspan="2">商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td colspan="2">9</td><td colspan="2">2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>&nbsp;</td></tr>
</table></body></html>"""


def test_grid_of_the_wide_cells_page() -> None:
    """The fixture of issue 9's "silent column shifts": every value keeps its grid column."""
    source = read("qingshan-wide-cells-2023")
    number, line = line_starting(source, "（三）不予公开")
    assert line == "（三）不予公开\t1.属于国家秘密" + "\t0" * 6 + "\t"
    assert source.grid[number] == GridRow(
        1,
        7,
        cells((1, 1, 8), (2, 1, 1), (3, 2, 1), (5, 2, 1), *((c, 1, 1) for c in range(7, 12))),
    )
    header, _ = line_starting(source, "自然人\t")
    assert source.grid[header + 1].cells[:2] == cells((3, 2, 1), (5, 2, 1))
    # The blank 总计 (<td ...><p align="center">&nbsp;</p></td>) keeps its place and leads
    # to its cell; the row's first value, two columns wide, is one field.
    raw = raw_text("qingshan-wide-cells-2023", "gb18030")
    at = raw.index("&nbsp;</p>", raw.index("1.属于国家秘密"))
    cell = raw.rindex("<td", 0, at)
    found = source.origin(number, len(line) + 1)
    assert (found.line, found.column) == position(raw, raw.index(">", cell) + 1)
    truth = json.loads((FIXTURES / "qingshan-wide-cells-2023.json").read_text(encoding="utf-8"))
    leaf = truth["tables"]["applications"]["denied.state_secret"]
    assert leaf["total"] is None and leaf["natural_person"] == 0


def test_grid_of_wide_value_cells_and_blank_cells() -> None:
    raw = WIDE_CELLS
    source = read_html("t.html", raw.encode())
    lines = source.text.split("\n")
    assert lines[1:4] == [
        "自然人\t法人或其他组织\t总计",
        "\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
        "一、本年新收政府信息公开申请数量\t9\t2\t0\t0\t0\t0\t",
    ]
    assert source.grid[2] == GridRow(0, 1, cells((3, 2, 1), (5, 6, 1), (11, 1, 2)))
    # The empty sub-header is a field of its own, two columns wide.
    assert source.grid[3] == GridRow(
        0, 2, cells((3, 2, 1), (5, 2, 1), *((c, 1, 1) for c in range(7, 11)))
    )
    # The wide values are one field each; the blank 总计 keeps its column.
    assert source.grid[4] == GridRow(
        0, 3, cells((0, 3, 1), (3, 2, 1), (5, 2, 1), *((c, 1, 1) for c in range(7, 12)))
    )
    # Every field, empty or not, leads to its cell in the source.
    sub_header = raw.index('<td colspan="2"></td>') + len('<td colspan="2">')
    blank_total = raw.index("<td>&nbsp;</td>") + len("<td>")
    found = source.origin(3, 1)
    assert (found.line, found.column) == position(raw, sub_header) == (4, 21)
    found = source.origin(4, len(lines[3]) + 1)
    assert (found.line, found.column) == position(raw, blank_total)
    found = source.origin(4, cell_column(lines[3], 2))
    assert (found.line, found.column) == position(raw, raw.index(">2<") + 1)


def test_word_export_page() -> None:
    """UTF-8, <p> per line inside cells, entities, wrapped source lines, one-line tables."""
    source = read("yunxi-shengtai-2023")
    lines = source.text.split("\n")
    assert "3.危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0" in lines
    assert "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他" in lines
    assert "行政事业性收费\t86.35" in lines
    assert "2\t1\t0\t1\t4\t1\t0\t0\t1\t2\t1\t0\t0\t0\t1" in lines
    # A paragraph wrapped over several source lines is one line of text.
    period = [line for line in lines if "统计期限自2023年1月1日起至2023年12月31日止" in line]
    assert len(period) == 1
    assert "wordCount" not in source.text and "<tr>" not in source.text


def test_layout_table_page() -> None:
    """Nested layout tables read as blocks; the data tables inside them as grids."""
    source = read("baisha-zhen-2023")
    lines = source.text.split("\n")
    # The navigation bar is a one-row table of links: one line of cells.
    assert "网站首页\t政务公开\t乡镇服务\t书记镇长信箱" in lines
    for line in ("信息公开目录", "政府信息公开年报", "联系地址：青山县白沙镇人民路1号"):
        assert line in lines
    assert (
        lines.index("联系电话：0000-6345678") == lines.index("联系地址：青山县白沙镇人民路1号") + 1
    )
    assert "第二十条第（一）项" in lines
    assert not any(line.startswith("规章") for line in lines)  # a township: no 规章 row
    assert "行政规范性文件\t1\t0\t4" in lines
    assert "自然人\t法人或其他组织\t总计" in lines  # <TH> cells in <THEAD>
    assert "一、本年新收政府信息公开申请数量\t4\t1\t0\t0\t0\t0\t5" in lines
    # The navigation bar is table 0; THEAD and TBODY are row groups of one table.
    number = lines.index("自然人\t法人或其他组织\t总计") + 1
    assert source.grid[number] == GridRow(2, 1, cells((3, 1, 2), (4, 5, 1), (9, 1, 2)))
    assert source.grid[number + 2].row == 3
    assert lines[-2:] == ["版权所有：青山县白沙镇人民政府 技术支持：青山县大数据中心", ""]


# --------------------------------------------------------------------------- positions


def test_positions_one_cell_per_line() -> None:
    """Page A: each number cell on its own source line, after its label's lines."""
    name = "qingshan-jiaotong-2023"
    source, raw = read(name), raw_text(name, "gb18030")
    # 行政许可: 1286 also stands in a script and in a hidden block before the table.
    cell = raw.index('<td colspan="3" width="180" valign="center"><p align="center">1286</p>')
    expected = position(raw, raw.index("1286", cell))
    assert origin_of_cell(source, "行政许可\t", 1) == expected == (106, 63)
    # The fifth number of 7.属于行政执法案卷: the fifth "0" cell after the label.
    at = raw.index("7.属于行政执法案卷")
    for _ in range(5):
        at = raw.index('<p align="center">0</p>', at + 1)
    expected = position(raw, at + len('<p align="center">'))
    assert origin_of_cell(source, "7.属于行政执法案卷", 5) == expected == (327, 50)
    # The 总计 of （七）总计, and a digit inside it.
    at = raw.index("11</p>", raw.index("（七）总计"))
    assert origin_of_cell(source, "（七）总计", 7) == position(raw, at) == (494, 50)
    number, line = line_starting(source, "（七）总计")
    second = source.origin(number, cell_column(line, 7) + 1)
    assert (second.line, second.column) == (494, 51)
    # The label itself points into the source too.
    assert origin_of_cell(source, "行政许可\t", 0) == position(raw, raw.index("行政许可</p>"))


def test_positions_many_zeros_on_one_line() -> None:
    """Page B: table 四 is one source line of fifteen cells, most of them "0"."""
    name = "yunxi-shengtai-2023"
    source, raw = read(name), raw_text(name, "utf-8")
    start = raw.index("行政复议</span>")
    digits = []
    at = start
    for _ in range(15):
        at = raw.index("<o:p></o:p>", at + 1)
        digits.append(position(raw, raw.rindex(">", 0, at) + 1))
    number, line = line_starting(source, "2\t1\t0\t1\t4\t")
    found = [source.origin(number, cell_column(line, c)) for c in range(15)]
    assert [(o.line, o.column) for o in found] == digits
    assert len({o.column for o in found}) == 15  # fifteen different places on one line
    assert digits[0] == (99, 5237)
    assert (digits[4], digits[13], digits[14]) == ((99, 6065), (99, 7928), (99, 8135))


def test_positions_entities_and_nbsp() -> None:
    """A character written as an entity points at its "&"; digits between &nbsp; at the digit."""
    name = "yunxi-shengtai-2023"
    source, raw = read(name), raw_text(name, "utf-8")
    number, line = line_starting(source, "3.危及")
    quote = source.origin(number, line.index("“") + 1)
    after = source.origin(number, line.index("三") + 1)
    at = raw.index("3.危及&ldquo;")
    assert (quote.line, quote.column) == position(raw, at + len("3.危及"))
    assert (after.line, after.column) == position(raw, at + len("3.危及&ldquo;"))

    name = "baisha-zhen-2023"
    source, raw = read(name), raw_text(name, "gb18030")
    at = raw.index("&nbsp;5&nbsp;", raw.index("一、本年新收"))
    assert origin_of_cell(source, "一、本年新收", 7) == position(raw, at + 6) == (121, 24)
    assert source.source_line(121) == "<TD align=middle>&nbsp;5&nbsp;</TD>"  # no CR


def test_empty_cells_point_at_their_cells() -> None:
    """The column of an empty field (where the TAB after it stands, or the end of the line
    for the last one) leads to its cell."""
    raw = "<table>\n<tr><td>甲</td><td>1</td><td>2</td></tr>\n<tr><td></td><td>&nbsp;</td><td> </td></tr>\n<tr><td>乙</td><td></td><td>3</td><td></td></tr>\n</table>"
    source = read_html("t.html", html(raw))
    assert source.text.split("\n")[:2] == ["甲\t1\t2", "乙\t\t3\t"]
    row = raw.index("<td>乙")
    empty_inner, empty_last = raw.index("<td></td>", row), raw.rindex("<td></td>")
    assert source.origin(2, 3) == Origin(*position(raw, empty_inner + 4))
    assert source.origin(2, 6) == Origin(*position(raw, empty_last + 4)) == Origin(4, 38)
    assert source.origin(2, 5) == Origin(*position(raw, raw.index("3</td>", row)))
    # A row of empty cells has no line and no geometry; the row numbers keep counting.
    assert source.grid[2] == GridRow(0, 2, cells((0, 1, 1), (1, 1, 1), (2, 1, 1), (3, 1, 1)))


# --------------------------------------------------------------------------- small pages


def html(body: str, head: str = "") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def test_spans_and_breaks() -> None:
    page = html(
        "<table>"
        "<tr><td rowspan=2>甲</td><td colspan=2>乙<br>丙</td></tr>"
        "<tr><td>Hello<br>World</td><td><p>1</p><p>2</p></td></tr>"
        "<tr><td>a&nbsp;b</td><td></td><td>x</td></tr>"
        "</table><p>后<br>文</p>"
    )
    source = read_html("t.html", page)
    assert source.text.split("\n") == [
        "甲\t乙丙",
        "Hello World\t1 2",
        "a b\t\tx",
        "后",
        "文",
        "",
    ]
    assert source.grid == {
        1: GridRow(0, 0, cells((0, 1, 2), (1, 2, 1))),
        2: GridRow(0, 1, cells((1, 1, 1), (2, 1, 1))),
        3: GridRow(0, 2, cells((0, 1, 1), (1, 1, 1), (2, 1, 1))),
    }


def test_repeated_text_found_in_order() -> None:
    page = (
        b'<html><body><!-- 0 0 --><script>var s = "<td>0</td>";</script>\n'
        b'<table><tr><td width="10">0</td><td style="x:0">0</td><td>0</td></tr></table>'
        b"</body></html>"
    )
    source = read_html("t.html", page)
    assert source.text == "0\t0\t0\n"
    raw = page.decode()
    zeros = [i for i, c in enumerate(raw) if c == "0" and raw[i - 1] == ">" and raw[i + 1] == "<"]
    expected = [position(raw, i) for i in zeros[1:]]  # the first is the one in the script
    found = [source.origin(1, column) for column in (1, 3, 5)]
    assert [(o.line, o.column) for o in found] == expected


def test_declared_gb2312_decoded_as_gb18030() -> None:
    # 镕 is in GBK but not in GB2312: sites declaring gb2312 serve such characters.
    body = "<p>朱镕基路1号</p>"
    head = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    source = read_html("t.html", html(body, head).decode().encode("gbk"))
    assert source.encoding == "gb18030"
    assert source.text == "朱镕基路1号\n"


def test_undeclared_gbk_detected() -> None:
    source = read_html("t.html", html("<p>政府信息公开工作年度报告</p>").decode().encode("gbk"))
    assert source.text == "政府信息公开工作年度报告\n"


# --------------------------------------------------------------------------- malformed


@pytest.mark.parametrize(
    ("name", "reason"),
    [("broken-binary", "binary data"), ("truncated", "no text")],
)
def test_malformed_fixtures(name: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        read(name)
    message = str(caught.value)
    assert message.startswith("malformed HTML: ")
    assert reason in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n", b"just some text, no markup", b"<html><head><title>t</title></head></html>"],
)
def test_not_html(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^malformed HTML: [^\n]+$"):
        read_html("t.html", data)


# --------------------------------------------------------------------------- parsed


@pytest.mark.parametrize("name", list(PAGES))
def test_parsed_tables_equal_truth(name: str) -> None:
    pytest.importorskip("xxgk_lint.parse")
    from xxgk_lint.parse import parse_source
    from xxgk_lint.parse.serialize import report_to_json

    truth = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    for path in (FIXTURES / f"{name}.html", FIXTURES / f"{name}.txt"):
        if not path.exists():
            continue  # a page without a plain-text version
        tables = report_to_json(parse_source(read_source(path)))["tables"]
        assert tables == truth["tables"], path.name


def test_xml_declaration_and_line_ends() -> None:
    """An XHTML page with an XML declaration; CR and CRLF line ends count as one line end."""
    page = '<?xml version="1.0" encoding="gb2312"?>\r\n<html><body>\r\n<p>报告</p>\r<p>甲\r\n乙</p>'
    source = read_html("t.html", (page + "</body></html>").encode("gbk"))
    assert source.text == "报告\n甲乙\n"
    assert source.origin(2, 2) == Origin(5, 1)  # 乙, after the CRLF
    assert source.source_line(3) == "<p>报告</p>"


def test_deeply_nested_page() -> None:
    """Thousands of unclosed inline tags: read, not a RecursionError."""
    page = "<html><body>" + "<font>" * 1500 + "深</body></html>"
    assert read_html("t.html", page.encode()).text == "深\n"


# --------------------------------------------------------------------------- the fast paths


@pytest.mark.parametrize(
    "attributes",
    [
        "hidden",
        'HIDDEN=""',
        'style="display:none"',
        'style="visibility:hidden"',
        'hidden style="display:none"',
        'style="DISPLAY: NONE"',
        'style="Visibility : Hidden"',
        'style="display:&nbsp;none"',  # an entity for a space
        'style="display\u3000:none"',  # an ideographic space
        'style="display:&#110;one"',  # "n" as a numeric reference
        'style="color:red; display&#58;none"',  # ":" as a numeric reference
    ],
)
def test_hidden_elements_however_written(attributes: str) -> None:
    """A hidden element is dropped whatever the case of the words and however the page
    writes its characters (the fast look at the bytes must not miss one)."""
    page = html(
        f"<p>前</p><p {attributes}>藏</p><p>后</p>"
        f"<table><tr><td>甲</td><td {attributes}>9</td><td>1</td></tr></table>"
    )
    source = read_html("t.html", page)
    assert source.text == "前\n后\n甲\t\t1\n"  # a hidden cell is an empty field
    assert source.grid[3] == GridRow(0, 0, cells((0, 1, 1), (1, 1, 1), (2, 1, 1)))


@pytest.mark.parametrize(
    "attributes",
    ['style="border:none; display:block"', 'style="display:inline" class="none"', 'title="hidden"'],
)
def test_words_that_do_not_hide(attributes: str) -> None:
    """The words "none" and "hidden" elsewhere in a tag, or another display, hide nothing."""
    source = read_html("t.html", html(f"<p>前</p><p {attributes}>见</p>"))
    assert source.text == "前\n见\n"


@pytest.mark.parametrize("hashes", [0, 1, 63, 64, 65, 200])
def test_hidden_by_a_reference_after_many_hashes(hashes: int) -> None:
    """A style that hides by a numeric reference is found however many "#" (colours,
    links to "#") stand before it: the look for "&#" goes "#" by "#" for the first 64."""
    links = '<a href="#">链</a>' * hashes
    page = html(f'<p>{links}前</p><p style="display&#58;none">藏</p><p>后</p>')
    source = read_html("t.html", page)
    assert source.text == "链" * hashes + "前\n后\n"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"#",
        b"&",
        b"&#",
        b"#&#",
        b"x&#1;",
        b"&x#",
        b"#" * 63 + b"&#",
        b"#" * 64 + b"&#",
        b"#" * 65 + b"&#",
        b"#" * 64 + b"&",
        b"&" + b"#" * 70,
        b"#" * 70 + b"& #",
    ],
)
def test_holds_reference_is_a_search_for_ampersand_hash(data: bytes) -> None:
    assert _holds_reference(data) is (b"&#" in data)


@pytest.mark.parametrize("many", [0, 1, 31, 32, 33, 100])
@pytest.mark.parametrize("capital", ["", "NONE", "None", "nOne"])
@pytest.mark.parametrize("where", ["first", "last"])
def test_in_lower_case_counts_as_the_two_counts(many: int, capital: str, where: str) -> None:
    """``_in_lower_case`` answers as comparing the word's counts in the page's bytes and in
    the same lowered, for a page with a few of the word or many (past the 32 looked at
    one by one), and one in capitals among them, first or last."""
    parts = ["display:none;"] * many
    if capital:
        parts.insert(0 if where == "first" else len(parts), f"display:{capital};")
    encoded = "<p>".join(parts).encode()
    lowered = encoded.lower()
    expected = lowered.count(b"none") == encoded.count(b"none")
    assert _in_lower_case(lowered, encoded, b"none") is expected
    assert expected is (capital == "")


def test_hidden_sub_menus_stay_hidden_and_a_hidden_report_is_read() -> None:
    """Hidden elements that hold little text (a menu's sub-menus) stay hidden, answered by
    a bound on their text's bytes; one holding most of the page, a report a script shows
    once loaded, is read, and the small parts hidden beside it stay hidden."""
    menus = "".join(f'<ul style="display:none"><li>菜单{n}</li></ul>' for n in range(8))
    report = "本机关全年主动公开政府信息。" * 100  # 1,400 characters: more than a short report
    page = html(f'{menus}<div style="display:none"><p>{report}</p></div><p>尾</p>')
    source = read_html("t.html", page)
    assert source.text == f"{report}\n尾\n"
    small = html(f'{menus}<div style="display:none"><p>{report[:300]}</p></div><p>尾</p>')
    assert read_html("t.html", small).text == "尾\n"


def test_script_and_style_in_capitals_and_quoted_brackets() -> None:
    """<SCRIPT>/<Style> content is markup, up to its end tag in any case; a ">" or "<" in a
    quoted attribute does not end the tag; positions still lead to the text."""
    raw = (
        '<html><body><SCRIPT type="x">var a = "<p>假</p>";</ScRiPt>'
        '<p title="a>b<c">甲</p><Style>p{}</STYLE>'
        "<P CLASS='x'>乙</P><scriptx>丙</scriptx></body></html>"
    )
    source = read_html("t.html", raw.encode())
    assert source.text == "甲\n乙\n丙\n"
    for line, char in ((1, "甲"), (2, "乙"), (3, "丙")):
        assert source.origin(line, 1) == Origin(1, raw.index(char) + 1)


def test_long_header_cell_makes_a_layout_table() -> None:
    """A <th> over 300 characters makes its table layout (one block per cell), as a <td>."""
    long = "说明" * 151
    page = html(f"<table><tr><th>{long}</th><th>乙</th></tr><tr><td>1</td><td>2</td></tr></table>")
    source = read_html("t.html", page)
    assert source.text.split("\n") == [long, "乙", "1", "2", ""]
    assert source.grid == {}


@pytest.mark.parametrize(
    "cell",
    [
        "<del>15</del>12",
        "<del>15</del><ins>12</ins>",
        '<span class=msoDel><del cite="mailto:a" datetime="2024-01-10T09:00">15</del></span>'
        '<ins cite="mailto:a" datetime="2024-01-10T09:00">12</ins>',
        "<DEL>1</DEL>12<del>5</del>",
        "<p><del><span>9</span></del><span>12</span></p>",
        "<s>15</s>12",
        "<strike>15</strike> 12",
        "<S>1</S><span>12</span><STRIKE>5</STRIKE>",
    ],
)
def test_deleted_text_is_not_read(cell: str) -> None:
    """Text in a ``<del>`` (Word's tracked deletions saved as a web page), an ``<s>`` or
    a ``<strike>`` (struck out by hand) is not the report's: the value beside it is read
    alone, and leads back to its own place."""
    page = html(
        f"<p>一、<del>基本</del>总体情况</p><table><tr><td>规章</td><td>{cell}</td></tr></table>"
    )
    source = read_html("t.html", page)
    assert source.text == "一、总体情况\n规章\t12\n"
    raw = page.decode()
    origin = source.origin(2, 4)
    assert (origin.line, origin.column) == (1, raw.index("12") + 1)


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("1493<sup>①</sup>", "1493"),
        ("12.35<sup>注</sup>", "12.35"),
        ("26 <sup>1</sup>", "26"),
        ('<span>26</span><sup><a href="#n1">[1]</a></sup>', "26"),
        ("1493<sub>件</sub>", "1493"),
        ("２６<SUP>*</SUP>", "２６"),
        # Not after a digit: read.
        ("m<sup>2</sup>", "m2"),
        ("<sup>1</sup>", "1"),
        ("行政许可<sup>注1</sup>", "行政许可注1"),
        ("1<br><sup>2</sup>", "1 2"),
    ],
)
@pytest.mark.parametrize("walked", [False, True])
def test_a_note_mark_after_a_number_in_a_cell_is_not_read(
    cell: str, read: str, walked: bool
) -> None:
    """A ``<sup>``/``<sub>`` right after a digit in a cell marks the value with a note
    (1493①): not read, whether the row is read at once or by the walk (a comment in the
    row sends it there); the value leads back to its place, the cell after it too."""
    comment = "<!-- x -->" if walked else ""
    page = html(f"<table><tr><td>甲</td><td>{cell}</td>{comment}<td>7</td></tr></table>")
    source = read_html("t.html", page)
    assert source.text == f"甲\t{read}\t7\n"
    raw = page.decode()
    origin = source.origin(1, 3)
    assert (origin.line, origin.column) == (1, raw.index(read[0], raw.index("甲</td>") + 5) + 1)
    origin = source.origin(1, len(f"甲\t{read}\t") + 1)
    assert (origin.line, origin.column) == (1, raw.index("7</td>") + 1)


@pytest.mark.parametrize(
    ("paragraph", "read"),
    [
        ("共收到申请12<sup>1</sup>件", "共收到申请12件"),
        ("办结<b>10</b> <sub>注</sub>件", "办结10 件"),
        (
            "共<span>12</span><sup><a href='#n'>[1]</a></sup>件，面积5000m<sup>2</sup>",
            "共12件，面积5000m2",
        ),
        ("<sup>1</sup>见附件", "1见附件"),
        ("12<br><sup>注</sup>", "12\n注"),
    ],
)
def test_a_note_mark_after_a_number_in_a_sentence_is_not_read(paragraph: str, read: str) -> None:
    page = html(f"<p>{paragraph}</p><p>后</p>")
    source = read_html("t.html", page)
    assert source.text == f"{read}\n后\n"
    raw = page.decode()
    after = source.text.index("后")
    origin = source.origin(source.text.count("\n", 0, after) + 1, 1)
    assert (origin.line, origin.column) == (1, raw.index("后") + 1)
