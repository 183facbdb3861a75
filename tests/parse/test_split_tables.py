"""Tables printed in parts: table 四's groups as two tables, three tables or a labelled
row each (:func:`xxgk_lint.parse.split.group_blocks`), and a PDF page number between
table 四's header and its data row (:func:`xxgk_lint.parse.split.without_page_number`),
in every text layout and in HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.parse.test_layouts import one_per_line
from tests.rules.helpers import check_text, codes
from xxgk_lint.parse import parse_source
from xxgk_lint.parse.ast import Report, Table
from xxgk_lint.parse.serialize import uncertain_json
from xxgk_lint.sources import read_source

_CLEAN = Path(__file__).parents[1] / "rules" / "cases" / "reports" / "clean.txt"
_HEADING = "四、政府信息公开行政复议、行政诉讼情况"
_NEXT = "五、存在的主要问题及改进情况"
_COLS = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计"
_GROUPS = ("review", "litigation_direct", "litigation_after_review")
_COLUMNS = ("upheld", "corrected", "other", "pending", "total")
#: Each group's five values (each group adds up), told apart from each other.
_VALUES = {
    "review": (1, 2, 3, 4, 10),
    "litigation_direct": (5, 0, 1, 0, 6),
    "litigation_after_review": (2, 2, 0, 1, 5),
}


def _cells(group: str) -> str:
    return " | ".join(map(str, _VALUES[group]))


#: Table 四 as printed in parts (| rows; the other layouts are made from them).
_TWO_TABLES = [
    "行政复议 |",
    f"{_COLS} |",
    f"{_cells('review')} |",
    "",
    "行政诉讼 |",
    "未经复议直接起诉 | 复议后起诉 |",
    f"{_COLS} | {_COLS} |",
    f"{_cells('litigation_direct')} | {_cells('litigation_after_review')} |",
]
_THREE_TABLES = [
    "行政复议 |",
    f"{_COLS} |",
    f"{_cells('review')} |",
    "行政诉讼（未经复议直接起诉） |",
    f"{_COLS} |",
    f"{_cells('litigation_direct')} |",
    "行政诉讼（复议后起诉） |",
    f"{_COLS} |",
    f"{_cells('litigation_after_review')} |",
]
_CAPTIONS = [
    "（一）行政复议情况",
    f"{_COLS} |",
    f"{_cells('review')} |",
    "（二）行政诉讼情况",
    "未经复议直接起诉 | 复议后起诉 |",
    f"{_COLS} | {_COLS} |",
    f"{_cells('litigation_direct')} | {_cells('litigation_after_review')} |",
]
_ROWS = [
    f"类别 | {_COLS} |",
    f"行政复议 | {_cells('review')} |",
    f"行政诉讼（未经复议直接起诉） | {_cells('litigation_direct')} |",
    f"行政诉讼（复议后起诉） | {_cells('litigation_after_review')} |",
]
_PARTS = {"two": _TWO_TABLES, "three": _THREE_TABLES, "captions": _CAPTIONS, "rows": _ROWS}


def _report(text: str, name: str = "report.txt") -> Report:
    return parse_source(read_source(Path(name), text.encode("utf-8")))


def _with_reviews(lines: list[str]) -> tuple[str, int]:
    """The clean report with table 四 printed as ``lines``; the line its first is on."""
    text = _CLEAN.read_text(encoding="utf-8")
    start = text.index(_HEADING) + len(_HEADING) + 1
    first = text[:start].count("\n") + 1
    return text[:start] + "\n".join(lines) + "\n" + text[text.index(_NEXT) :], first


def _tab(line: str) -> str:
    return re.sub(r"\s*\|\s*", "\t", line).rstrip("\t")


def _space(line: str) -> str:
    """A PDF's text row: cells one or more spaces apart (a label's words kept)."""
    return re.sub(r"\s*\|\s*", "   ", line).strip()


def _lines(lines: list[str]) -> list[str]:
    """One cell per line, a blank line between cells (a PDF copied cell by cell)."""
    out: list[str] = []
    for line in lines:
        for cell in line.split("|"):
            if cell.strip():
                out.extend([cell.strip(), ""])
    return out


_LAYOUTS = {
    "pipe": lambda lines: lines,
    "tab": lambda lines: [_tab(line) for line in lines],
    "space": lambda lines: [_space(line) for line in lines],
    "lines": _lines,
}


def _values(table: Table) -> dict[str, tuple[object, ...]]:
    out = {}
    for group in _GROUPS:
        row = table.row(group)
        assert row is not None
        out[group] = tuple(row.value(column) for column in _COLUMNS)
    return out


def _reviews(report: Report) -> Table:
    table = report.table("reviews")
    assert table is not None
    return table


@pytest.mark.parametrize("layout", _LAYOUTS)
@pytest.mark.parametrize("parts", _PARTS)
def test_table_four_in_parts_is_read_group_by_group(parts: str, layout: str) -> None:
    text, _ = _with_reviews(_LAYOUTS[layout](_PARTS[parts]))
    report = _report(text)
    assert _values(_reviews(report)) == _VALUES
    assert not uncertain_json(report)
    assert not report.deviations


def test_each_group_row_spans_its_first_cell() -> None:
    text, first = _with_reviews(_ROWS)
    table = _reviews(_report(text))
    spans = {group: tuple(table.row(group).span)[:2] for group in _GROUPS}  # type: ignore[union-attr]
    assert spans == {
        "review": (first + 1, len("行政复议 | ") + 1),
        "litigation_direct": (first + 2, len("行政诉讼（未经复议直接起诉） | ") + 1),
        "litigation_after_review": (first + 3, len("行政诉讼（复议后起诉） | ") + 1),
    }
    cell = table.cell("litigation_after_review", "total")
    assert cell is not None and cell.value == 5 and cell.span.line == first + 3


def test_groups_in_another_order_are_read_by_their_labels() -> None:
    rows = [_ROWS[0], _ROWS[3], _ROWS[1], _ROWS[2]]  # 复议后起诉, 行政复议, 未经复议直接起诉
    text, _ = _with_reviews(rows)
    report = _report(text)
    assert _values(_reviews(report)) == _VALUES
    (deviation,) = report.deviations
    assert (deviation.table, deviation.kind) == ("reviews", "columns")
    assert deviation.found.startswith("litigation_after_review.upheld,")


def test_columns_in_another_order_are_read_by_the_block_header() -> None:
    cols = "总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结"
    lines = [
        "行政复议 |",
        f"{cols} |",
        "10 | 1 | 2 | 3 | 4 |",
        "行政诉讼 |",
        "未经复议直接起诉 | 复议后起诉 |",
        f"{cols} | {cols} |",
        "6 | 5 | 0 | 1 | 0 | 5 | 2 | 2 | 0 | 1 |",
    ]
    text, first = _with_reviews(lines)
    report = _report(text)
    assert _values(_reviews(report)) == _VALUES
    (deviation,) = report.deviations
    assert deviation.found.startswith("review.total,review.upheld")
    assert tuple(deviation.span)[:2] == (first + 1, 1)


def test_a_blank_cell_of_a_group_row_keeps_its_column() -> None:
    rows = [*_ROWS[:2], "行政诉讼（未经复议直接起诉） | 5 |  | 1 | 0 | 6 |", _ROWS[3]]
    text, _ = _with_reviews(rows)
    report = _report(text)
    table = _reviews(report)
    assert _values(table)["litigation_direct"] == (5, None, 1, 0, 6)
    blank = table.cell("litigation_direct", "corrected")
    assert blank is not None and blank.kind == "blank"
    assert _values(table)["litigation_after_review"] == (2, 2, 0, 1, 5)


# --- A group printed in parts with no values: its row's cells all blank -----------------

_BLANK_ROW = "| | | | | |"
#: (parts with one group printed with no values, that group, the text its label starts).
_BLANK_GROUPS = {
    "rows-first": ([_ROWS[0], f"行政复议 {_BLANK_ROW}", *_ROWS[2:]], ("review",), "行政复议"),
    "rows-middle": (
        [*_ROWS[:2], f"行政诉讼（未经复议直接起诉） {_BLANK_ROW}", _ROWS[3]],
        ("litigation_direct",),
        "行政诉讼（未经",
    ),
    "rows-last": (
        [*_ROWS[:3], f"行政诉讼（复议后起诉） {_BLANK_ROW}"],
        ("litigation_after_review",),
        "行政诉讼（复议后",
    ),
    "rows-two": (
        [_ROWS[0], f"行政复议 {_BLANK_ROW}", _ROWS[2], f"行政诉讼（复议后起诉） {_BLANK_ROW}"],
        ("review", "litigation_after_review"),
        "行政复议",
    ),
    "three-first": ([*_THREE_TABLES[:2], _BLANK_ROW, *_THREE_TABLES[3:]], ("review",), "行政复议"),
    "three-middle": (
        [*_THREE_TABLES[:5], _BLANK_ROW, *_THREE_TABLES[6:]],
        ("litigation_direct",),
        "行政诉讼（未经",
    ),
    "three-last": (
        [*_THREE_TABLES[:8], _BLANK_ROW],
        ("litigation_after_review",),
        "行政诉讼（复议后",
    ),
    "two-review": ([*_TWO_TABLES[:2], _BLANK_ROW, *_TWO_TABLES[3:]], ("review",), "行政复议"),
    "two-litigation": (
        [*_TWO_TABLES[:7], _BLANK_ROW[:-1] + _BLANK_ROW],
        ("litigation_direct", "litigation_after_review"),
        "未经复议直接起诉",
    ),
    "captions-review": (
        [*_CAPTIONS[:2], _BLANK_ROW, *_CAPTIONS[3:]],
        ("review",),
        "（一）行政复议",
    ),
}


@pytest.mark.parametrize("layout", _LAYOUTS)
@pytest.mark.parametrize("parts", _BLANK_GROUPS)
def test_a_group_printed_with_no_values_is_blank(tmp_path: Path, parts: str, layout: str) -> None:
    # Its cells are missing values (XG004, on the first of its rows), the others' read.
    lines, blank, label = _BLANK_GROUPS[parts]
    text, _ = _with_reviews(_LAYOUTS[layout](lines))
    report = _report(text)
    expected = {g: (None,) * 5 if g in blank else _VALUES[g] for g in _GROUPS}
    assert _values(_reviews(report)) == expected
    assert not uncertain_json(report)
    file = check_text(tmp_path, text)
    assert codes(file, "XG003") == []
    found = codes(file, "XG004")
    assert [code for code, _, _ in found] == ["XG004"] * len(blank)
    line = text.split("\n").index(next(x for x in text.split("\n") if x.startswith(label))) + 1
    assert found[0][1] == line
    if layout == "pipe" and parts.startswith("rows"):
        assert found[0][2] == text.split("\n")[line - 1].index("|") + 2  # (its first blank field)


@pytest.mark.parametrize("layout", _LAYOUTS)
def test_a_whole_table_header_over_ten_values_stays_uncertain(layout: str) -> None:
    # The header names all three groups (行政复议 | 行政诉讼情况 over the other two), and
    # ten values follow: which group they leave out is not said, so none is read blank.
    lines = [
        "行政复议 | 行政诉讼情况 |",
        f"{_COLS} | 未经复议直接起诉 | 复议后起诉 |",
        f"{_COLS} | {_COLS} |",
        f"{_cells('litigation_direct')} | {_cells('litigation_after_review')} |",
    ]
    text, _ = _with_reviews(_LAYOUTS[layout](lines))
    table = _reviews(_report(text))
    assert all(row.status == "uncertain" for row in table.rows)


def _html(lines: list[str]) -> str:
    rows = "".join(
        "<tr>" + "".join(f"<td>{c.strip()}</td>" for c in line.split("|")[:-1]) + "</tr>"
        for line in lines
        if line
    )
    return f"<table>{rows}</table>"


def _page(text: str, reviews: str | None = None) -> str:
    """A report's text as an HTML page, its | rows as tables (a blank line ends one);
    table 四 as ``reviews`` if given."""
    if reviews is not None:
        head = text[: text.index(_HEADING) + len(_HEADING)]
        text = head + "\n" + _REVIEWS_MARK + "\n" + text[text.index(_NEXT) :]
    out, rows = ["<html><body>"], []
    for line in [*text.split("\n"), ""]:
        if "|" in line:
            rows.append(line)
            continue
        if rows:
            out.append(_html(rows))
            rows = []
        out.append(reviews if line == _REVIEWS_MARK and reviews else f"<p>{line}</p>")
    return "".join([*out, "</body></html>"])


_REVIEWS_MARK = "(table 四)"


@pytest.mark.parametrize(
    "table",
    [
        # two tables, their group captions spanning the values' columns
        "<table><tr><td colspan=5>行政复议</td></tr>"
        "<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>"
        "<tr><td>1</td><td>2</td><td>3</td><td>4</td><td>10</td></tr></table><p>&nbsp;</p>"
        "<table><tr><td colspan=10>行政诉讼</td></tr>"
        "<tr><td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>"
        "<tr>"
        + "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>"
        * 2
        + "</tr>"
        "<tr><td>5</td><td>0</td><td>1</td><td>0</td><td>6</td>"
        "<td>2</td><td>2</td><td>0</td><td>1</td><td>5</td></tr></table>",
        # a row per group, 行政诉讼 spanning its two sub-labels
        "<table><tr><td colspan=2>&nbsp;</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td>"
        "<td>尚未审结</td><td>总计</td></tr>"
        "<tr><td colspan=2>行政复议</td><td>1</td><td>2</td><td>3</td><td>4</td><td>10</td></tr>"
        "<tr><td rowspan=2>行政诉讼</td><td>未经复议直接起诉</td>"
        "<td>5</td><td>0</td><td>1</td><td>0</td><td>6</td></tr>"
        "<tr><td>复议后起诉</td><td>2</td><td>2</td><td>0</td><td>1</td><td>5</td></tr></table>",
        # a row per group, the values spanning two grid columns each
        "<table><tr><td>&nbsp;</td><td colspan=2>结果维持</td><td colspan=2>结果纠正</td>"
        "<td colspan=2>其他结果</td><td colspan=2>尚未审结</td><td colspan=2>总计</td></tr>"
        "<tr><td>行政复议</td><td colspan=2>1</td><td colspan=2>2</td><td colspan=2>3</td>"
        "<td colspan=2>4</td><td colspan=2>10</td></tr>"
        "<tr><td>行政诉讼（未经复议直接起诉）</td><td colspan=2>5</td><td colspan=2>0</td>"
        "<td colspan=2>1</td><td colspan=2>0</td><td colspan=2>6</td></tr>"
        "<tr><td>行政诉讼（复议后起诉）</td><td colspan=2>2</td><td colspan=2>2</td>"
        "<td colspan=2>0</td><td colspan=2>1</td><td colspan=2>5</td></tr></table>",
    ],
    ids=["two-tables", "rowspan-label", "colspan-values"],
)
def test_html_table_four_in_parts(table: str) -> None:
    report = _report(_page(_CLEAN.read_text(encoding="utf-8"), table), "report.html")
    assert _values(_reviews(report)) == _VALUES
    assert not uncertain_json(report)


def test_html_table_four_with_a_row_of_blank_cells() -> None:
    # A row per group, 行政复议's cells empty <td>s: blank, the other two read.
    def row(label: str, cells: tuple[object, ...] | None) -> str:
        tds = "".join(f"<td>{c}</td>" for c in cells) if cells else "<td></td>" * 5
        return f"<tr><td>{label}</td>{tds}</tr>"

    table = (
        "<table><tr><td>&nbsp;</td>"
        + "".join(f"<td>{c.strip()}</td>" for c in _COLS.split("|"))
        + "</tr>"
        + row("行政复议", None)
        + row("行政诉讼（未经复议直接起诉）", _VALUES["litigation_direct"])
        + row("行政诉讼（复议后起诉）", _VALUES["litigation_after_review"])
        + "</table>"
    )
    report = _report(_page(_CLEAN.read_text(encoding="utf-8"), table), "report.html")
    assert _values(_reviews(report)) == {**_VALUES, "review": (None,) * 5}
    assert not uncertain_json(report)


def test_one_group_alone_stays_uncertain() -> None:
    # Five values and no other block: not the table in parts (nothing is guessed).
    text, _ = _with_reviews(["行政复议 |", f"{_COLS} |", f"{_cells('review')} |"])
    report = _report(text)
    table = _reviews(report)
    assert all(row.status == "uncertain" for row in table.rows)


def test_prose_between_blocks_ends_the_table() -> None:
    lines = [*_THREE_TABLES[:3], "本机关全年未发生行政诉讼案件。", *_THREE_TABLES[3:]]
    text, _ = _with_reviews(lines)
    table = _reviews(_report(text))
    assert all(row.status == "uncertain" for row in table.rows)


# --- A page number between table 四's header and its data row ----------------------------

_HEADER = [
    "行政复议 | 行政诉讼 |",
    f"{_COLS} | 未经复议直接起诉 | 复议后起诉 |",
    f"{_COLS} | {_COLS} |",
]
_DATA = (
    f"{_cells('review')} | {_cells('litigation_direct')} | {_cells('litigation_after_review')} |"
)


@pytest.mark.parametrize("page", ["3 / 8", "3/8", "3 ／ 8", "3", "3 of 8", "- 3 / 8 -", "—3/8—"])
@pytest.mark.parametrize("layout", _LAYOUTS)
@pytest.mark.parametrize("where", ["before", "after"])
def test_a_page_number_by_table_four_data_row_is_no_cell(
    page: str, layout: str, where: str
) -> None:
    make = _LAYOUTS[layout]
    data = make([_DATA])
    lines = [*make(_HEADER), *([page, *data] if where == "before" else [*data, page])]
    text, _ = _with_reviews(lines)
    report = _report(text)
    assert _values(_reviews(report)) == _VALUES
    assert not uncertain_json(report)


def test_a_bare_page_number_one_cell_per_line_after_the_values_by_the_sums() -> None:
    # One cell per line, a bare number before or after the fifteen: only dropping the
    # last makes every group add up, so the last is the page number.
    lines = [*_lines(_HEADER), *_lines([_DATA]), "7"]
    text, _ = _with_reviews(lines)
    assert _values(_reviews(_report(text))) == _VALUES


def _with_page(cells: list[str], at: int, page: str) -> list[str]:
    """Cells one per line (a blank line between), ``page`` printed before cell ``at``."""
    out: list[str] = []
    for index, cell in enumerate(cells):
        if index == at:
            out += [page, ""]
        out += [cell, ""]
    return out


@pytest.mark.parametrize(
    "page", ["3 / 8", "3/8", "9", "- 3 -", "第 3 页", "3 of 8", "- 3 / 8 -", "－ 3／8 －"]
)
@pytest.mark.parametrize("at", [1, 4, 5, 8, 14])
def test_a_page_number_inside_table_four_data_row_is_no_cell(page: str, at: int) -> None:
    # One cell per line, the page broke inside the data row: the page number is dropped
    # (a bare 9: only dropping it makes every group add up), each cell where its number is.
    cells = _DATA.replace(" ", "").strip("|").split("|")
    lines = [*_lines(_HEADER), *_with_page(cells, at, page)]
    text, first = _with_reviews(lines)
    report = _report(text)
    table = _reviews(report)
    assert _values(table) == _VALUES
    assert not uncertain_json(report)
    total = table.cell("litigation_after_review", "total")
    assert total is not None and total.span.line == first + len(lines) - 2
    after = table.cell(*divmod_key(at))
    assert after is not None and text.split("\n")[after.span.line - 1] == cells[at]
    assert text.split("\n")[after.span.line - 3] == page


def divmod_key(at: int) -> tuple[str, str]:
    """The (group, column) of table 四's data cell ``at`` (0-based, the format's order)."""
    group, column = divmod(at, len(_COLUMNS))
    return _GROUPS[group], _COLUMNS[column]


@pytest.mark.parametrize("at", [2, 7, 12])
def test_a_page_n_of_m_inside_a_wrapped_data_row_is_no_cell(at: int) -> None:
    # A PDF's text: the data row wrapped over two lines, 3 / 8 printed between them.
    cells = _DATA.replace(" ", "").strip("|").split("|")
    lines = [*map(_space, _HEADER), " ".join(cells[:at]), "3 / 8", " ".join(cells[at:])]
    text, _ = _with_reviews(lines)
    report = _report(text)
    assert _values(_reviews(report)) == _VALUES
    assert not uncertain_json(report)


def test_a_lone_number_before_a_row_one_short_is_its_first_cell() -> None:
    # 3 alone, then a row of fourteen: the row wrapped, the 3 is its first cell.
    data = " | ".join(_DATA.split(" | ")[1:])
    text, _ = _with_reviews([*_HEADER, "3", data])
    table = _reviews(_report(text))
    assert _values(table)["review"] == (3, 2, 3, 4, 10)


_RECEIVED = "一、本年新收政府信息公开申请数量"


@pytest.mark.parametrize("page", ["3 / 8", "3/8", "9", "- 3 -", "3 of 8", "- 3 / 8 -"])
@pytest.mark.parametrize(
    ("label", "at"),
    [*((_RECEIVED, at) for at in (0, 3, 6)), ("3.其他", 2), ("规章", 1), ("行政规范性文件", 2)],
)
def test_a_page_number_inside_a_row_one_cell_per_line_is_no_cell(
    page: str, label: str, at: int
) -> None:
    # Tables 二 and 三, one cell per line: a page number printed before the row's cell
    # ``at`` (n / m told by its shape, a bare 9 by the row's sum: table 二, which has none,
    # is given only n / m and dashes).
    if label in ("规章", "行政规范性文件") and page == "9":
        return
    clean = _CLEAN.read_text(encoding="utf-8")
    whole = _report(clean)
    lines = one_per_line(clean).split("\n")
    row = lines.index(label)
    cell = [n for n in range(row + 1, len(lines)) if lines[n].isdigit()][at]
    number = lines[cell]
    lines[cell:cell] = [page, ""]
    report = _report("\n".join(lines))
    assert _same_values(report, whole)
    assert not uncertain_json(report)
    key, row_key = _ROW_KEYS[label]
    found = report.table(key)
    assert found is not None
    placed = found.row(row_key).cells[at]  # type: ignore[union-attr]
    assert (placed.raw, placed.span.line) == (number, cell + 3)


_ROW_KEYS = {
    _RECEIVED: ("applications", "received"),
    "3.其他": ("applications", "other.other"),
    "规章": ("proactive", "regulations"),
    "行政规范性文件": ("proactive", "normative_documents"),
}


def _same_values(report: Report, other: Report) -> bool:
    def values(r: Report) -> dict[str, object]:
        return {
            f"{t.key}.{row.key}.{c}": row.value(c)
            for t in r.tables.values()
            for row in t.rows
            for c in row.columns
        }

    return values(report) == values(other)


# --- A running header among a one-cell-per-line row's cells (a page broke inside it) ---

_SITE = "某某市人民政府门户网站"
#: What a page break prints between two cells of a row copied one cell per line (a
#: blank line between lines): the next page's running header, after the page's footer.
_RUNNING = {
    "site": [_SITE],
    "title": ["某某县交通运输局2023年政府信息公开工作年度报告"],
    "title-no-year": ["政府信息公开工作年度报告"],
    "date": ["2024-01-20"],
    "cn-date": ["2024年1月20日"],
    "footer-site": ["- 3 -", "", _SITE],
    "of-site": ["3 of 8", "", _SITE],
    "title-site": ["政府信息公开工作年度报告", "", _SITE],
}
_GRANTED = "（一）予以公开"
_ROW_KEYS[_GRANTED] = ("applications", "granted")
_ROW_KEYS["（七）总计"] = ("applications", "total")


def _one_cell_per_line(label: str, at: int, lines: list[str]) -> tuple[str, str, int]:
    """The clean report one cell per line with ``lines`` printed before the cell ``at``
    of the row ``label``; that cell's text and the line it is on then."""
    text = one_per_line(_CLEAN.read_text(encoding="utf-8")).split("\n")
    row = text.index(label)
    cell = [n for n in range(row + 1, len(text)) if text[n].isdigit()][at]
    number = text[cell]
    text[cell:cell] = [*lines, ""]
    return "\n".join(text), number, cell + len(lines) + 2


@pytest.mark.parametrize("running", _RUNNING)
@pytest.mark.parametrize(
    ("label", "at"),
    [(_RECEIVED, 1), (_RECEIVED, 6), (_GRANTED, 3), ("（七）总计", 2), ("规章", 1)],
)
def test_a_running_header_inside_a_row_one_cell_per_line_is_no_cell(
    running: str, label: str, at: int
) -> None:
    # Tables 二 and 三: the row's cells before and after the lines are the row's cells,
    # each where its number is (the row was uncertain, XG003).
    whole = _report(_CLEAN.read_text(encoding="utf-8"))
    text, number, line = _one_cell_per_line(label, at, _RUNNING[running])
    report = _report(text)
    assert _same_values(report, whole)
    assert not uncertain_json(report)
    key, row_key = _ROW_KEYS[label]
    placed = report.table(key).row(row_key).cells[at]  # type: ignore[union-attr]
    assert (placed.raw, placed.span.line) == (number, line)


def test_a_page_number_and_a_running_header_inside_a_row_are_no_cells() -> None:
    # A bare page number (9) before the header: the row's sums tell it from the cells.
    whole = _report(_CLEAN.read_text(encoding="utf-8"))
    text, number, line = _one_cell_per_line(_RECEIVED, 4, ["9", "", _SITE])
    report = _report(text)
    assert _same_values(report, whole)
    placed = report.table("applications").row("received").cells[4]  # type: ignore[union-attr]
    assert (placed.raw, placed.span.line) == (number, line)


@pytest.mark.parametrize("running", _RUNNING)
@pytest.mark.parametrize("at", [1, 5, 8, 14])
def test_a_running_header_inside_table_four_data_row_is_no_cell(running: str, at: int) -> None:
    cells = _DATA.replace(" ", "").strip("|").split("|")
    lines = [*_lines(_HEADER), *_with_page(cells, at, "\n".join(_RUNNING[running]))]
    text, _ = _with_reviews(lines)
    report = _report(text)
    table = _reviews(report)
    assert _values(table) == _VALUES
    assert not uncertain_json(report)
    after = table.cell(*divmod_key(at))
    assert after is not None and text.split("\n")[after.span.line - 1] == cells[at]
    assert text.split("\n")[after.span.line - 3] == _RUNNING[running][-1]


@pytest.mark.parametrize(
    "between",
    [
        "若干",  # a word standing for a value: the row's cell (one too many here)
        "法人或其他组织",  # a header line (a repeated header)
        "（二）部分公开",  # a row's label
        "注：本表数据截至2023年12月31日。",  # a note
    ],
)
def test_a_line_the_table_reads_is_never_dropped_from_among_a_rows_cells(between: str) -> None:
    # The received row's seven cells with the line among them: the line is no running
    # header, so the row is left uncertain (XG003), never read without it.
    text, _, _ = _one_cell_per_line(_RECEIVED, 3, [between])
    row = _report(text).table("applications").row("received")  # type: ignore[union-attr]
    assert row is not None and row.status == "uncertain"


def test_the_next_rows_label_still_starts_the_next_row() -> None:
    # The received row printed with three cells, the carried-over row with four: together
    # seven, but the label between names a row, so neither row takes the other's cells.
    text = one_per_line(_CLEAN.read_text(encoding="utf-8")).split("\n")
    received = text.index(_RECEIVED)
    cells = [n for n in range(received + 1, len(text)) if text[n].isdigit()]
    assert text[cells[7] - 2] == "二、上年结转政府信息公开申请数量"
    drop = {*cells[3:7], *cells[7:10]}  # the received row's last four, carried's first three
    table = _report("\n".join(t for n, t in enumerate(text) if n not in drop)).table("applications")
    assert table is not None
    rows = [table.row(key) for key in ("received", "carried_over")]
    assert [(row.status, row.found) for row in rows if row is not None] == [
        ("uncertain", 3),
        ("uncertain", 4),
    ]


# --- Table 三's columns printed in two parts, each with its header and every row ---------

_APPLICANTS = ("natural_person", "business", "research", "public_interest", "legal_service")
_APPLICANTS += ("other_org", "total")
_APP_HEADING = "三、收到和处理政府信息公开申请情况"
#: Each part's header lines (| rows), by how many columns the first part has.
_PART_HEADERS = {
    3: (
        ["申请人情况 |", "自然人 | 法人或其他组织 |", "商业企业 | 科研机构 |"],
        ["申请人情况 |", "法人或其他组织 | 总计 |", "社会公益组织 | 法律服务机构 | 其他 |"],
    ),
    4: (
        ["申请人情况 |", "自然人 | 法人或其他组织 |", "商业企业 | 科研机构 | 社会公益组织 |"],
        ["申请人情况 |", "法人或其他组织 | 总计 |", "法律服务机构 | 其他 |"],
    ),
}


def _in_two_parts(first: int, layout: str = "pipe") -> tuple[str, int, int]:
    """The clean report with table 三's first ``first`` columns, then the others, each
    part with its header and all the rows; the lines each part's first row is on."""
    text = _CLEAN.read_text(encoding="utf-8")
    start = text.index(_APP_HEADING) + len(_APP_HEADING) + 1
    end = text.index(_HEADING)
    rows = []
    for line in text[start:end].splitlines():
        fields = [f.strip() for f in line.split("|")]
        numbers = [f for f in fields if f.isdigit()]
        if len(numbers) == 7:
            labels = [f for f in fields if f and not f.isdigit()]
            rows.append((labels, numbers))
    parts = []
    for index, header in enumerate(_PART_HEADERS[first]):
        part = list(header)
        for labels, numbers in rows:
            cells = numbers[:first] if index == 0 else numbers[first:]
            part.append(" | ".join([*labels, *cells]) + " |")
        parts.append(part)
    lines = _LAYOUTS[layout]([*parts[0], "", *parts[1]])
    one = text[:start].count("\n") + 1 + len(_PART_HEADERS[first][0])
    two = one + len(rows) + 1 + len(_PART_HEADERS[first][1])
    return text[:start] + "\n".join(lines) + "\n" + text[end:], one, two


def _applications(report: Report) -> dict[str, tuple[object, ...]]:
    table = report.table("applications")
    assert table is not None
    return {row.key: tuple(row.value(c) for c in _APPLICANTS) for row in table.rows if row.cells}


@pytest.mark.parametrize("layout", ["pipe", "tab", "space", "html"])
@pytest.mark.parametrize("first", [3, 4])
def test_table_three_in_two_column_parts_is_read_whole(first: int, layout: str) -> None:
    whole = _applications(_report(_CLEAN.read_text(encoding="utf-8")))
    if layout == "html":
        text, one, two = _in_two_parts(first)
        report = _report(_page(text), "report.html")
    else:
        text, one, two = _in_two_parts(first, layout)
        report = _report(text)
    assert _applications(report) == whole
    assert whole["received"] == (5, 2, 0, 0, 0, 0, 7)
    assert not uncertain_json(report)
    table = report.table("applications")
    assert table is not None
    total = table.cell("received", "total")
    natural = table.cell("received", "natural_person")
    assert total is not None and natural is not None
    assert (natural.value, total.value) == (5, 7)
    if layout != "html":  # (the page is one line)
        assert (natural.span.line, total.span.line) == (one, two)


@pytest.mark.parametrize("broken", [False, True], ids=["whole-cells", "broken-cells"])
@pytest.mark.parametrize("first", [3, 4])
def test_table_three_in_two_parts_one_cell_per_line(first: int, broken: bool) -> None:
    # Each part's header one cell per line (商业 / 企业 broken over two lines as a PDF
    # copied cell by cell prints them), then its rows, a label and its values each alone.
    whole = _applications(_report(_CLEAN.read_text(encoding="utf-8")))
    text, _, _ = _in_two_parts(first, "lines")
    if broken:
        text = text.replace("\n商业企业\n", "\n商业\n\n企业\n")
        text = text.replace("\n科研机构\n", "\n科研\n\n机构\n")
    report = _report(text)
    assert _applications(report) == whole
    assert not uncertain_json(report)
    # The cells stand where their numbers are: 一、本年新收's total is the last value of
    # its row in the second part, 7 - first values (a blank line each) after its label.
    lines = text.split("\n")
    label = [n for n, line in enumerate(lines, 1) if line == "一、本年新收政府信息公开申请数量"]
    table = report.table("applications")
    assert table is not None
    total, natural = table.cell("received", "total"), table.cell("received", "natural_person")
    assert total is not None and natural is not None
    assert (natural.value, natural.span.line) == (5, label[0] + 2)
    assert (total.value, total.span.line) == (7, label[1] + 2 * (7 - first))
    assert lines[total.span.line - 1] == "7"


def test_table_three_in_two_parts_keeps_its_errors() -> None:
    # A wrong total in the second part is reported at its cell, as in a whole table.
    text, _, second = _in_two_parts(3)
    lines = text.split("\n")
    assert lines[second - 1].endswith("| 0 | 0 | 0 | 7 |")
    lines[second - 1] = lines[second - 1][: -len("7 |")] + "8 |"
    report = _report("\n".join(lines))
    table = report.table("applications")
    assert table is not None
    cell = table.cell("received", "total")
    assert cell is not None and cell.value == 8 and cell.span.line == second


@pytest.mark.parametrize("cut", [5, 10])
def test_a_data_row_broken_by_a_text_is_read_in_the_header_order(cut: int) -> None:
    # The whole table's header, then its data row broken by a text (续表): the parts take
    # the groups the header names, in its order (here 复议后起诉 before 未经复议直接起诉).
    header = [
        "行政复议 | 行政诉讼 |",
        f"{_COLS} | 复议后起诉 | 未经复议直接起诉 |",
        f"{_COLS} | {_COLS} |",
    ]
    cells = [
        *_VALUES["review"],
        *_VALUES["litigation_after_review"],
        *_VALUES["litigation_direct"],
    ]
    lines = [
        *header,
        " | ".join(map(str, cells[:cut])) + " |",
        "续表",
        " | ".join(map(str, cells[cut:])) + " |",
    ]
    text, _ = _with_reviews(lines)
    report = _report(text)
    assert _values(_reviews(report)) == _VALUES
    (deviation,) = report.deviations
    assert deviation.found.startswith("review.upheld,")
    assert "litigation_after_review.total,litigation_direct.upheld" in deviation.found


@pytest.mark.parametrize("page", ["3 / 8", "3"])
@pytest.mark.parametrize("layout", ["pipe", "tab", "space"])
def test_a_page_number_between_two_blocks_is_no_cell(page: str, layout: str) -> None:
    lines = _LAYOUTS[layout]([*_TWO_TABLES[:3], page, *_TWO_TABLES[4:]])
    text, _ = _with_reviews(lines)
    report = _report(text)
    assert _values(_reviews(report)) == _VALUES
    assert not uncertain_json(report)
