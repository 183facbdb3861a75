"""The Word reader: document order, merged cells, list numbering, locators, broken files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from xxgk_lint.sources import InputError, Origin, read_source
from xxgk_lint.sources.docx import read_docx

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
REPORTS = ("qingshan-jiaotong-2023", "yunxi-shengtai-2023", "baisha-zhen-2023")


def read(name: str):
    return read_source(FIXTURES / "docx" / f"{name}.docx")


def text_version(name: str) -> list[str]:
    text = (FIXTURES / "html" / f"{name}.txt").read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line]


def line_starting(source, prefix: str) -> tuple[int, str]:
    for number, line in enumerate(source.text.split("\n"), 1):
        if line.startswith(prefix):
            return number, line
    raise AssertionError(f"no line starts with {prefix!r}")


def cell_column(line: str, cell: int) -> int:
    return sum(len(c) + 1 for c in line.split("\t")[:cell]) + 1


# --------------------------------------------------------------------------- layout


@pytest.mark.parametrize("name", REPORTS)
def test_text_equals_text_version(name: str) -> None:
    """Paragraphs and tables in document order, merged cells expanded: exactly NAME.txt."""
    source = read(name)
    assert (source.kind, source.encoding) == ("docx", None)
    assert [line for line in source.text.split("\n") if line] == text_version(name)
    assert source.original_lines == tuple(source.text.split("\n"))


def test_merged_cells() -> None:
    lines = read("qingshan-jiaotong-2023").text.split("\n")
    # gridSpan: 第二十条 blocks span four columns, the numbers of 行政许可 three.
    assert "第二十条第（五）项\t\t\t" in lines
    assert "行政许可\t1286\t\t" in lines
    # gridSpan and vMerge together: the 3×3 corner cell and the 22-row 三、本年度办理结果.
    corner = lines.index(
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t"
    )
    assert lines[corner + 1] == "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计"
    assert lines[corner + 2] == "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t"
    assert lines[corner + 5] == "三、本年度办理结果\t（一）予以公开\t\t4\t1\t0\t0\t0\t0\t5"
    assert lines[corner + 7] == "\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0"
    assert lines[corner + 26] == "\t（七）总计\t\t9\t2\t0\t0\t0\t0\t11"
    assert lines.count("三、本年度办理结果\t（一）予以公开\t\t4\t1\t0\t0\t0\t0\t5") == 1


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
    labels = [line.split("\t")[2] for line in lines if line.startswith("\t") and "." in line]
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
    number, line = line_starting(source, "\t（七）总计")
    found = source.origin(number, cell_column(line, 9) + 1)  # the second digit of 11
    assert (found.line, found.column) == (51, cell_column(line, 9) + 1)
    assert found.where == "表格 2，第 27 行，第 10 列"
    # Table 四's data row.
    number, line = line_starting(source, "1\t0\t0\t0\t1\t")
    assert source.origin(number, cell_column(line, 4)).where == "表格 3，第 4 行，第 5 列"


def test_empty_cell_locators() -> None:
    """The column of an empty cell (where the TAB after it stands) finds that cell."""
    source = read("qingshan-jiaotong-2023")
    number, line = line_starting(source, "行政许可\t")
    assert source.origin(number, cell_column(line, 3)).where == "表格 1，第 7 行，第 4 列"
    # An empty last cell is at the end of the line: the TAB before it leads to it.
    number, line = line_starting(source, "\t\t\t\t商业企业")
    assert line.endswith("其他\t")
    assert source.origin(number, len(line) + 1).where == "表格 2，第 3 行，第 10 列"
    assert source.origin(number, cell_column(line, 8)).where == "表格 2，第 3 行，第 9 列"
    number, line = line_starting(source, "\t\t7.属于行政执法案卷")
    assert source.origin(number, 1).where == "表格 2，第 14 行，第 1 列"
    assert source.origin(number, 2).where == "表格 2，第 14 行，第 2 列"


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
    data = io.BytesIO()
    document.save(data)
    source = read_docx("t.docx", data.getvalue())
    assert source.text.split("\n") == [
        "前言",
        "纵向\t横向\t",
        "\tA\tB",
        "x\t\t",
        "内1\t内2",
        "后记",
        "",
    ]
    assert source.origin(5, 1).where == "表格 2，第 1 行，第 1 列"
    assert source.origin(6, 1).where == "第 2 段"


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
