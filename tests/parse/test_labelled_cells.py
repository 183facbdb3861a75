"""Table 四 printed one cell a line, each value after a label naming its cell (行政复议结果维持：3,
行政诉讼未经复议起诉结果纠正：0, or 结果维持：3 under a line 行政复议): read cell by cell under
the keys the format model gives the labels (:meth:`TableSpec.named_cell`,
:func:`xxgk_lint.parse.split.labelled_cells`). Before, the table was lost (XG003: 15 values
expected, 1 found)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN
from tests.rules.helpers import check_text, codes
from xxgk_lint.parse import parse_source
from xxgk_lint.sources import read_source
from xxgk_lint.testing import parse_text

_HEADING = "四、政府信息公开行政复议、行政诉讼情况"
_GROUPS = ("review", "litigation_direct", "litigation_after_review")
_COLUMNS = ("upheld", "corrected", "other", "pending", "total")
_WORDS = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结"}
_WORDS["total"] = "总计"
#: Each group's five values (each group adds up), told apart from each other.
_VALUES = {
    "review": (1, 2, 3, 4, 10),
    "litigation_direct": (5, 0, 1, 0, 6),
    "litigation_after_review": (2, 2, 0, 1, 5),
}
_NAMES = {"review": "行政复议", "litigation_direct": "未经复议直接起诉"}
_NAMES["litigation_after_review"] = "复议后起诉"
#: The first line after table 四's heading in CLEAN.
_FIRST = 50


def _with_table(lines: list[str]) -> str:
    """CLEAN with table 四 (its header lines and data row) printed as ``lines``."""
    text = CLEAN.split("\n")
    at = text.index(_HEADING) + 1
    assert text[at + 3].startswith("1 | 0 | 0")
    return "\n".join([*text[:at], *lines, *text[at + 4 :]])


def _labelled(line: Callable[[str, str, int], str], names: dict[str, str] = _NAMES) -> list[str]:
    """One line a cell, in the format's order, ``line(group label, column label, value)``."""
    return [
        line(names[group], _WORDS[column], value)
        for group in _GROUPS
        for column, value in zip(_COLUMNS, _VALUES[group], strict=True)
    ]


def _read(text: str) -> dict[str, tuple[object, ...]]:
    table = parse_text(text).table("reviews")
    assert table is not None
    out = {}
    for row in table.rows:
        assert row.status == "complete", row.key
        out[row.key] = tuple(cell.value for cell in row.cells)
    return out


_SHAPES: dict[str, list[str]] = {
    "colon": _labelled(lambda g, c, v: f"{g}{c}：{v}"),
    "half-width colon and a blank": _labelled(lambda g, c, v: f"{g}{c}: {v}"),
    "pipes": _labelled(lambda g, c, v: f"{g}{c} | {v} |"),
    "tabs": _labelled(lambda g, c, v: f"{g}{c}\t{v}"),
    "blanks": _labelled(lambda g, c, v: f"{g}{c}  {v}"),
    "units": _labelled(lambda g, c, v: f"{g}{c}：{v}件"),
    "dash between": _labelled(lambda g, c, v: f"{g}-{c}：{v}"),
    "litigation named in other words": _labelled(
        lambda g, c, v: f"{g}{c}：{v}",
        {
            "review": "行政复议",
            "litigation_direct": "行政诉讼未经复议起诉",
            "litigation_after_review": "行政诉讼复议后起诉",
        },
    ),
    "bracketed groups": _labelled(
        lambda g, c, v: f"{g}{c}：{v}",
        {
            "review": "行政复议",
            "litigation_direct": "行政诉讼（未经复议直接起诉）",
            "litigation_after_review": "行政诉讼（复议后起诉）",
        },
    ),
    "column first": _labelled(lambda g, c, v: f"{c}（{g}）：{v}"),
    "one cell per line": [
        x for line in _labelled(lambda g, c, v: f"{g}{c}\n\n{v}\n") for x in line.split("\n")
    ],
    "group headings": [
        "行政复议：",
        *(f"{_WORDS[c]}：{v}" for c, v in zip(_COLUMNS, _VALUES["review"], strict=True)),
        "行政诉讼：",
        "未经复议直接起诉",
        *(f"{_WORDS[c]}：{v}" for c, v in zip(_COLUMNS, _VALUES["litigation_direct"], strict=True)),
        "复议后起诉",
        *(
            f"{_WORDS[c]}：{v}"
            for c, v in zip(_COLUMNS, _VALUES["litigation_after_review"], strict=True)
        ),
    ],
    "totals first": [
        f"{_NAMES[g]}{_WORDS[c]}：{_VALUES[g][_COLUMNS.index(c)]}"
        for g in _GROUPS
        for c in ("total", "upheld", "corrected", "other", "pending")
    ],
    "two cells a line": [
        f"{a}    {b}"
        for a, b in zip(*[iter([*_labelled(lambda g, c, v: f"{g}{c}：{v}"), ""])] * 2, strict=True)
    ],
    "after a lead-in sentence": [
        "本机关本年度行政复议、行政诉讼情况如下：",
        "本年度行政复议案件有所增加。",
        *_labelled(lambda g, c, v: f"{g}{c}：{v}"),
    ],
}


@pytest.mark.parametrize("shape", list(_SHAPES))
def test_table_four_one_labelled_cell_a_line(tmp_path: Path, shape: str) -> None:
    text = _with_table(_SHAPES[shape])
    assert _read(text) == _VALUES
    assert list(check_text(tmp_path, text).diagnostics) == []


def test_each_cell_stands_where_its_value_is() -> None:
    text = _with_table(_labelled(lambda g, c, v: f"{g}{c}：{v}"))
    table = parse_text(text).table("reviews")
    assert table is not None
    cell = table.cell("litigation_direct", "corrected")  # 未经复议直接起诉结果纠正：0
    assert cell is not None
    assert (cell.raw, cell.value, cell.span.line, cell.span.column) == ("0", 0, _FIRST + 6, 14)
    cell = table.cell("litigation_after_review", "total")  # 复议后起诉总计：5, the last line
    assert cell is not None
    assert (cell.raw, cell.span.line, cell.span.column) == ("5", _FIRST + 14, 9)
    assert (table.span.line, table.span.end_line) == (_FIRST, _FIRST + 14)


def test_a_group_that_does_not_add_up_is_reported_at_its_total(tmp_path: Path) -> None:
    lines = _labelled(lambda g, c, v: f"{g}{c}：{v}")
    lines[9] = "未经复议直接起诉总计：7"  # (5 + 0 + 1 + 0 = 6)
    text = _with_table(lines)
    assert _read(text)["litigation_direct"] == (5, 0, 1, 0, 7)
    file = check_text(tmp_path, text)
    assert codes(file, "XG204", "XG003") == [("XG204", _FIRST + 9, 12)]
    (finding,) = file.diagnostics
    assert finding.actual == "7 ≠ 6"


def test_a_cell_no_label_names_is_blank(tmp_path: Path) -> None:
    lines = _labelled(lambda g, c, v: f"{g}{c}：{v}")
    del lines[13]  # 复议后起诉尚未审结
    table = parse_text(_with_table(lines)).table("reviews")
    assert table is not None
    row = table.row("litigation_after_review")
    assert row is not None
    assert [(c.column, c.value, c.kind) for c in row.cells] == [
        ("upheld", 2, "number"),
        ("corrected", 2, "number"),
        ("other", 0, "number"),
        ("pending", None, "blank"),
        ("total", 5, "number"),
    ]
    file = check_text(tmp_path, _with_table(lines))
    assert [d.code for d in file.diagnostics] == ["XG004"]


@pytest.mark.parametrize(
    ("index", "line"),
    [
        (0, "行政复议案件数：1"),  # a label naming no cell of the format
        (1, "行政复议结果维持：2"),  # a cell named twice
        (9, "行政诉讼总计：6"),  # a label naming no one group (行政诉讼 stands over two)
        (4, "行政复议总计：10 3"),  # two values after a label
    ],
)
def test_lines_that_do_not_name_each_cell_leave_the_table_uncertain(
    tmp_path: Path, index: int, line: str
) -> None:
    lines = _labelled(lambda g, c, v: f"{g}{c}：{v}")
    lines[index] = line
    text = _with_table(lines)
    table = parse_text(text).table("reviews")
    assert table is not None
    assert {row.status for row in table.rows} == {"uncertain"}
    file = check_text(tmp_path, text)
    assert [(d.code, d.line, d.actual) for d in file.diagnostics if d.code == "XG003"] == [
        ("XG003", _FIRST, 1)
    ]


def test_fewer_cells_than_a_group_leave_the_table_uncertain() -> None:
    lines = [f"{_NAMES[g]}总计：{_VALUES[g][4]}" for g in _GROUPS]
    table = parse_text(_with_table(lines)).table("reviews")
    assert table is not None
    assert {row.status for row in table.rows} == {"uncertain"}


def test_a_web_page_table_of_two_columns_label_and_value(tmp_path: Path) -> None:
    """The same in an HTML table (项目 | 数量（件）, then a row a cell): read by the labels,
    each cell where its value stands."""
    rows = "".join(
        f"<tr><td>{label}</td><td>{value}</td></tr>"
        for label, value in (line.split("：") for line in _SHAPES["bracketed groups"])
    )
    text = _with_table(["@"])
    body = "\n".join(
        f"<table><tr><td>项目</td><td>数量（件）</td></tr>{rows}</table>"
        if line == "@"
        else f"<p>{line}</p>"
        for line in text.split("\n")
    )
    page = f"<html><body>\n{body}\n</body></html>"
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    report = parse_source(read_source(path))
    table = report.table("reviews")
    assert table is not None
    assert {row.key: tuple(c.value for c in row.cells) for row in table.rows} == _VALUES
    cell = table.cell("litigation_after_review", "total")
    assert cell is not None
    line = page.split("\n")[_FIRST]  # (the page's first line opens the body)
    column = line.rindex("<td>5</td>") + len("<td>") + 1
    assert (cell.raw, cell.span.line, cell.span.column) == ("5", _FIRST + 1, column)
