"""Tables saved as CSV among a report's text (规章,0,0,0; a cell holding a comma quoted:
"(二)部分公开(区分处理的,只计这一情形,不计其他情形)",1,0,…): read as pipe tables at the
file's own lines and columns. They used to be read as text lines: no tables (XG003)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.parse.test_value_cells import _parse, _seed, _truth, _wrong
from tests.rules.helpers import check_text
from xxgk_lint.sources.text import _csv_rows_as_pipes


def _csv(text: str) -> str:
    """Seed text with every pipe row written as a CSV row (Excel's quoting)."""
    out = []
    for line in text.split("\n"):
        if "|" in line:
            cells = [c.strip() for c in line.split("|")]
            cells = cells[:-1] if cells[-1] == "" else cells
            line = ",".join(f'"{c}"' if "," in c else c for c in cells)
        out.append(line)
    return "\n".join(out)


def _line_of(text: str, start: str) -> int:
    return text.split("\n").index(next(x for x in text.split("\n") if x.startswith(start))) + 1


def test_csv_tables_are_read_as_their_cells() -> None:
    text = _csv(_seed("000"))
    report = _parse(text)
    assert _wrong(report, _truth("000"), but={}) == []
    cell = report.table("proactive").cell("licensing", "decisions")
    assert (cell.value, cell.span.line, cell.span.column) == (
        Decimal(1493),
        _line_of(text, "行政许可,"),
        len("行政许可,") + 1,
    )


def test_a_quoted_label_holding_commas_is_one_cell() -> None:
    text = _csv(_seed("000"))
    assert '"(二)部分公开(区分处理的,只计这一情形,不计其他情形)",1,' in text
    cell = _parse(text).table("applications").cell("partially_granted", "natural_person")
    assert (cell.value, cell.span.line) == (Decimal(1), _line_of(text, '"(二)部分公开'))


def test_a_changed_csv_cell_is_found_at_its_line_and_column(tmp_path: Path) -> None:
    text = _csv(_seed("000")).replace("(七)总计,11,0,", "(七)总计,12,0,")
    line = _line_of(text, "(七)总计,")
    result = check_text(tmp_path, text)
    found = [(f.code, f.line, f.column, f.expected, f.actual) for f in result.diagnostics]
    assert found == [("XG202", line, len("(七)总计,") + 1, 11, 12)]


def test_prose_and_numbers_with_commas_are_left_as_they_are() -> None:
    text = "2023年,我区认真贯彻落实,紧紧围绕\n1,234,567\n行政许可 1,493,000\n"
    assert _csv_rows_as_pipes(text) == text


def test_rows_of_two_cells_in_a_csv_table_region() -> None:
    """Rows not padded to the table's width: a two-column block (信息内容,本年处理决定数量 /
    行政许可,1493) under a caption line, in the region of a wider block's rows."""
    text = _csv(_seed("000"))
    text = "\n".join(line.rstrip(",") for line in text.split("\n"))
    assert "\n行政许可,1493\n" in text
    report = _parse(text)
    assert _wrong(report, _truth("000"), but={}) == []
    cell = report.table("proactive").cell("fees", "amount")
    line = _line_of(text, "行政事业性收费,")
    assert (cell.value, cell.span.line, cell.span.column) == (Decimal(1071), line, 9)


def _full_width(text: str) -> str:
    """Seed 004 (tabs) with its cells typed between full-width commas, unquoted."""
    return "\n".join(line.replace("\t", "，") for line in text.split("\n"))


def test_cells_between_full_width_commas() -> None:
    """规章，0，0，0; a comma inside a label's brackets separates nothing: （二）部分公开
    （区分处理的，只计这一情形，不计其他情形）."""
    text = _full_width(_seed("004"))
    assert "（区分处理的，只计这一情形，不计其他情形），" in text
    report = _parse(text)
    assert _wrong(report, _truth("004"), but={}) == []
    cell = report.table("applications").cell("received", "natural_person")
    line = _line_of(text, "一、本年新收政府信息公开申请数量")
    assert (cell.value, cell.span.line) == (Decimal(20), line)
    assert cell.span.column == text.split("\n")[line - 1].index("20") + 1


def test_prose_cut_after_full_width_commas_is_left_as_it_is() -> None:
    text = "全年共办结申请，其中，\n依申请公开20件，答复率100%，\n行政复议、诉讼各1件，\n"
    assert _csv_rows_as_pipes(text) == text
