"""Tables typed with 、 between their cells (规章、0、0、0; 行政许可、1493、、), as a typist or
a CSV export with 、 for its separator writes them: read as pipe tables at the file's own
lines and columns. They used to be read as text lines: all three tables absent (XG003).

Labels hold 、 of their own, which separate nothing: a heading's and a row's ordinal
(四、政府信息公开行政复议、行政诉讼情况; 三、本年度办理结果), and an item's label's
(1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.parse.test_value_cells import _parse, _seed, _truth, _wrong
from tests.rules.helpers import check_text
from xxgk_lint.sources.text import _csv_rows_as_pipes, _dun_cells


def _dun(text: str, trim: bool = False) -> str:
    """Seed text with every pipe row written with 、 between its cells (empty cells kept,
    or dropped with ``trim``)."""
    out = []
    for line in text.split("\n"):
        if "|" in line:
            cells = [c.strip() for c in line.split("|")]
            cells = cells[:-1] if cells[-1] == "" else cells
            line = "、".join(c for c in cells if c or not trim)
        out.append(line)
    return "\n".join(out)


def _line_of(text: str, start: str) -> int:
    return next(i for i, x in enumerate(text.split("\n"), 1) if x.startswith(start))


def test_tables_typed_with_dun_are_read_as_their_cells() -> None:
    text = _dun(_seed("000"))
    assert "\n行政许可、1493、、\n" in text
    report = _parse(text)
    assert _wrong(report, _truth("000"), but={}) == []
    cell = report.table("proactive").cell("licensing", "decisions")
    assert (cell.value, cell.span.line, cell.span.column) == (
        Decimal(1493),
        _line_of(text, "行政许可、"),
        len("行政许可、") + 1,
    )


def test_empty_cells_dropped() -> None:
    text = _dun(_seed("000"), trim=True)
    assert "\n行政许可、1493\n" in text
    assert _wrong(_parse(text), _truth("000"), but={}) == []


def test_an_item_label_holding_dun_is_one_cell() -> None:
    text = _dun(_seed("000"))
    start = "(六)其他处理、1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请、"
    cell = _parse(text).table("applications").cell("other.no_correction", "total")
    line = text.split("\n")[_line_of(text, start) - 1]
    assert (cell.value, cell.span.line, cell.span.column) == (
        Decimal(0),
        _line_of(text, start),
        line.rindex("、0") + 2,
    )
    piped, cells = _dun_cells(
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请、0、1"
    )
    assert cells[0] == "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    assert piped.count("|") == 2


def test_ordinals_and_headings_keep_their_dun() -> None:
    assert _dun_cells("四、政府信息公开行政复议、行政诉讼情况") is None
    assert _dun_cells("一、总体情况") is None
    piped, cells = _dun_cells("三、本年度办理结果、(一)予以公开、0、0、0")
    assert cells[:2] == ["三、本年度办理结果", "(一)予以公开"]
    piped, cells = _dun_cells("(三)不予公开、1、属于国家秘密、0、0")
    assert cells[:2] == ["(三)不予公开", "1、属于国家秘密"]
    assert piped == "(三)不予公开|1、属于国家秘密|0|0"


def test_prose_with_dun_is_left_as_it_is() -> None:
    text = (
        "主动公开政府信息的主要类别有:机构职能、政策文件、\n"
        "规划计划、行政许可、\n"
        "2023年第1、2、3季度共公开信息12、15、18条。\n"
        "一、总体情况\n"
    )
    assert _csv_rows_as_pipes(text) == text


def test_a_changed_cell_is_found_at_its_line_and_column(tmp_path: Path) -> None:
    text = _dun(_seed("000")).replace("(七)总计、11、0、", "(七)总计、12、0、")
    line = _line_of(text, "(七)总计、")
    result = check_text(tmp_path, text)
    found = [(f.code, f.line, f.column, f.expected, f.actual) for f in result.diagnostics]
    assert found == [("XG202", line, len("(七)总计、") + 1, 11, 12)]
