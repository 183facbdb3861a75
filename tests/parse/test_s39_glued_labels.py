"""A label of the format with its value glued on, no blank between (结果维持3, 行政许可1493,
行政复议结果维持3): read as the label and its value, as with the blank. Before, table 四
printed so was lost (XG003) and a row of table 二 was read blank (XG004).

Only a whole label of the format (format.labels.value_labels), or one naming a cell of
table 四 by its group and column, is cut so: any other text ending in a number stays text.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN
from tests.parse.test_value_cells import _parse, _seed, _tabs, _truth, _wrong
from tests.rules.helpers import check_text, codes
from xxgk_lint.format import FORMAT_2021
from xxgk_lint.format.labels import value_labels
from xxgk_lint.parse.ast import Table

_HEADING = "四、政府信息公开行政复议、行政诉讼情况"
_GROUPS = ("review", "litigation_direct", "litigation_after_review")
_COLUMNS = ("upheld", "corrected", "other", "pending", "total")
_WORDS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
_VALUES = {
    "review": (1, 2, 3, 4, 10),
    "litigation_direct": (5, 0, 1, 0, 6),
    "litigation_after_review": (2, 2, 0, 1, 5),
}
_NAMES = ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")


def _with_table_four(lines: list[str]) -> tuple[str, int]:
    """CLEAN with table 四 printed as ``lines``; the line number of the first of them."""
    text = CLEAN.split("\n")
    at = text.index(_HEADING) + 1
    assert text[at + 3].startswith("1 | 0 | 0")
    return "\n".join([*text[:at], *lines, *text[at + 4 :]]), at + 1


def _grouped_lines(joined: bool) -> list[str]:
    lines: list[str] = []
    for name, group in zip(_NAMES, _GROUPS, strict=True):
        if not joined:
            lines.append(name)
        for word, value in zip(_WORDS, _VALUES[group], strict=True):
            lines.append(f"{name if joined else ''}{word}{value}")
    return lines


def _assert_every_group_read(table: Table) -> None:
    """Each group of table 四 complete, with the values printed."""
    for group in _GROUPS:
        row = table.row(group)
        assert row.status == "complete"
        assert tuple(c.value for c in row.cells) == tuple(map(Decimal, _VALUES[group]))


@pytest.mark.parametrize("joined", [False, True], ids=["under-group-lines", "group-joined"])
def test_table_four_one_glued_cell_a_line(joined: bool, tmp_path: Path) -> None:
    lines = _grouped_lines(joined)
    text, first = _with_table_four(lines)
    table = _parse(text).table("reviews")
    _assert_every_group_read(table)
    # 行政复议 / 结果纠正2: the value stands after its label, on the label's line
    cell = table.cell("review", "corrected")
    line = first + lines.index(f"{'行政复议' if joined else ''}结果纠正2")
    column = len("行政复议结果纠正") + 1 if joined else len("结果纠正") + 1
    assert (cell.raw, cell.span.line, cell.span.column, cell.span.end_column) == (
        "2",
        line,
        column,
        column + 1,
    )
    assert codes(check_text(tmp_path, text), "XG003", "XG004", "XG204") == []


def test_a_wrong_glued_total_is_found_at_its_cell(tmp_path: Path) -> None:
    lines = _grouped_lines(False)
    lines[lines.index("总计10")] = "总计11"
    text, first = _with_table_four(lines)
    found = codes(check_text(tmp_path, text), "XG204")
    assert found == [("XG204", first + lines.index("总计11"), len("总计") + 1)]


@pytest.mark.parametrize("layout", ["pipe", "tab"])
def test_table_two_rows_glued_to_their_value(layout: str) -> None:
    text = _seed("000")
    for label in ("行政许可", "行政处罚", "行政强制"):
        text = text.replace(f"{label} | ", label, 1)
    text = _tabs(text) if layout == "tab" else text
    report = _parse(text)
    cell = report.table("proactive").cell("licensing", "decisions")
    line = text.split("\n").index(next(x for x in text.split("\n") if x.startswith("行政许可1493")))
    assert (cell.value, cell.raw, cell.span.line, cell.span.column) == (
        Decimal(1493),
        "1493",
        line + 1,
        5,
    )
    assert _wrong(report, _truth("000"), but={}) == []


def test_a_glued_row_of_a_one_cell_a_line_table() -> None:
    text = _seed("003").replace("行政许可\n\n31909\n", "行政许可31909\n", 1)
    report = _parse(text)
    cell = report.table("proactive").cell("licensing", "decisions")
    line = text.split("\n").index("行政许可31909") + 1
    assert (cell.value, cell.span.line, cell.span.column) == (Decimal(31909), line, 5)
    assert _wrong(report, _truth("003"), but={}) == []


def test_a_text_that_only_ends_with_a_number_is_no_label_and_value() -> None:
    labels = value_labels(FORMAT_2021.tables)
    assert {"结果维持", "行政许可", "予以公开", "(一)予以公开", "总计"} <= labels
    assert not any(label[-1].isdigit() for label in labels)
    assert "数据" not in labels and "表" not in labels


def _group_rows(gap: str) -> list[str]:
    return [
        f"{name} "
        + " ".join(
            f"{word}{gap}{value}" for word, value in zip(_WORDS, _VALUES[group], strict=True)
        )
        for name, group in zip(_NAMES, _GROUPS, strict=True)
    ]


@pytest.mark.parametrize("gap", [" ", ""], ids=["label-blank-value", "label-glued-value"])
def test_table_four_a_group_a_line_each_value_after_its_label(gap: str, tmp_path: Path) -> None:
    """行政复议 结果维持 1 结果纠正 0 … (a PDF's row of labelled cells): the label naming the
    group and its first column leads the group's cells after it (split.labelled_cells);
    with the blanks lost (结果维持1 结果纠正0) each word is a label and its value."""
    lines = _group_rows(gap)
    text, first = _with_table_four(lines)
    table = _parse(text).table("reviews")
    _assert_every_group_read(table)
    cell = table.cell("litigation_after_review", "total")
    line = lines[2]
    column = line.index(f"总计{gap}5") + len(f"总计{gap}") + 1
    assert (cell.raw, cell.span.line, cell.span.column) == ("5", first + 2, column)
    assert codes(check_text(tmp_path, text), "XG003", "XG004", "XG204") == []


def test_a_block_header_run_into_its_first_row(tmp_path: Path) -> None:
    """A PDF viewer's copy runs a block of table 二 into one line, header and rows:
    第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 … — the
    label after the header's last column (规章) is the row's, as on a line of its own.
    Before, the 规章 row was lost (XG003)."""
    text = _seed("000")
    block = (
        "第二十条第(一)项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "规章 | 0 | 0 | 0 |\n行政规范性文件 | 13 | 0 | 21 |\n"
    )
    assert block in text
    line = "第二十条第(一)项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 13 0 21"
    text = text.replace(block, line + "\n")
    report = _parse(text)
    assert _wrong(report, _truth("000"), but={}) == []
    cell = report.table("proactive").cell("regulations", "in_force")
    at = text.split("\n").index(line) + 1
    assert (cell.span.line, cell.span.column) == (at, line.index("规章 0 0 0") + 8)
    assert codes(check_text(tmp_path, text), "XG003") == []


def test_a_group_label_and_its_first_row_stay_one_text() -> None:
    """（三）不予公开 1.属于国家秘密 0 0 0 …: no column label before the row's, read as before."""
    text = _seed("000").replace(
        "(三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "(三)不予公开 1.属于国家秘密 0 0 0 0 0 0 0",
    )
    assert "(三)不予公开 1.属于国家秘密 0 0" in text
    assert _wrong(_parse(text), _truth("000"), but={}) == []
