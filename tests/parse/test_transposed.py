"""Table 三 printed transposed: the applicant types (自然人 … 总计) down the side, the items
(一、本年新收… （一）予以公开 … 四、结转下年度继续办理) across the head — in text, HTML and
Word, the head in one, two or three rows. Read into the same canonical cells, each at
the place of its number; before, no row was read (XG003 for each)."""

from __future__ import annotations

import html
import importlib.util
import io
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import docx

from tests.conftest import FIXTURES
from tests.parse.test_value_cells import _parse, _seed, _truth, _wrong
from tests.rules.helpers import check_text, codes
from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.format import FORMAT_2021
from xxgk_lint.parse import parse_source
from xxgk_lint.sources import read_source

#: Seed 003's table 三 (26 numbers not 0) printed in seed 000's report.
_VALUES = _truth("003")["applications"]
#: The format's columns and leaf rows of table 三 (the labels the model gives them).
_TABLE = FORMAT_2021.table("applications")
_APPLICANTS = {key: _TABLE.column(key).label.zh for key in _TABLE.column_keys}
_GROUPS = {
    "denied.state_secret": ("（三）不予公开", 8),
    "unavailable.not_held": ("（四）无法提供", 3),
    "not_processed.petition": ("（五）不予处理", 5),
    "other.no_correction": ("（六）其他处理", 3),
}
_LEAVES = {row.key: row.label.zh for row in _TABLE.rows if row.leaf}
_RECEIVED = "一、本年新收政府信息公开申请数量"
_CARRIED = "二、上年结转政府信息公开申请数量"
_FORWARD = "四、结转下年度继续办理"

Cell = tuple[str, int, int]  # (text, rowspan, colspan), as the HTML fixtures draw them


def _turned(head: int = 2, total_row: bool = True, outcome_total: bool = True) -> list[list[Cell]]:
    """Table 三 turned: a head in ``head`` rows (1: every item one cell, a leaf with its
    group's name; 2: 三、本年度办理结果 over its items; 3: the groups over their leaves
    too), then a line per applicant type, 法人或其他组织 over its five."""
    items = ["received", "carried_over", *_LEAVES, *(["total"] if outcome_total else [])]
    items.append("carried_forward")
    results = len(_LEAVES) + outcome_total
    if head == 1:
        rows = [[("申请人情况", 1, 2), (_RECEIVED, 1, 1), (_CARRIED, 1, 1)]]
        for key, label in _LEAVES.items():
            rows[0].append(((_GROUPS[key][0] if key in _GROUPS else "") + label, 1, 1))
        rows[0] += [("（七）总计", 1, 1)] if outcome_total else []
        rows[0].append((_FORWARD, 1, 1))
    else:
        top: list[Cell] = [("申请人情况", head, 2), (_RECEIVED, head, 1), (_CARRIED, head, 1)]
        top += [("三、本年度办理结果", 1, results), (_FORWARD, head, 1)]
        rows = [
            top,
            [],
        ]
        if head == 3:
            rows.append([])
        for key, label in _LEAVES.items():
            if head == 2:
                rows[1].append(((_GROUPS[key][0] if key in _GROUPS else "") + label, 1, 1))
            elif key in ("granted", "partially_granted"):
                rows[1].append((label, 2, 1))
            else:
                if key in _GROUPS:
                    rows[1].append((_GROUPS[key][0], 1, _GROUPS[key][1]))
                rows[2].append((label, 1, 1))
        rows[1] += [("（七）总计", head - 1, 1)] if outcome_total else []
    for who, label in _APPLICANTS.items():
        if who == "total" and not total_row:
            continue
        side: list[Cell] = [(label, 1, 2)]
        if who == "business":
            side = [("法人或其他组织", 5, 1), (label, 1, 1)]
        elif who not in ("natural_person", "total"):
            side = [(label, 1, 1)]
        rows.append(side + [(str(_VALUES[key][who]), 1, 1) for key in items])
    return rows


def _fixture_maker(path: str) -> ModuleType:
    """A fixture maker of ``fixtures/`` (not a package), loaded as a module."""
    name = "fixtures." + path.removesuffix(".py").replace("/", ".")
    spec = importlib.util.spec_from_file_location(name, FIXTURES / path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # (its dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


#: Every grid position a cell; a position a merged cell covers is empty (as the HTML
#: fixtures lay their tables out).
_grid = _fixture_maker("html/reports.py").expand


def _in_seed(table: list[str]) -> str:
    """Seed 000 with its table 三 replaced by ``table`` (lines)."""
    lines = _seed("000").split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况") + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    return "\n".join([*lines[:start], *table, *lines[end:]])


def _pipe(rows: list[list[Cell]], sep: str = " | ") -> str:
    return _in_seed([sep.join(cells) + sep.rstrip() for cells in _grid(rows)])


def _html_page(rows: list[list[Cell]]) -> str:
    """Seed 000 as a web page: its | rows as table rows, table 三 turned with rowspan and
    colspan, one cell per source line."""
    out = ["<html><body>"]
    table: list[str] = []
    for line in _seed("000").split("\n"):
        if "|" in line:
            table.append(line)
            continue
        if table:
            out += ["<table>", *(_html_row(r.split(" | ")) for r in table), "</table>"]
            table = []
        out.append(f"<p>{html.escape(line)}</p>")
        if line == "三、收到和处理政府信息公开申请情况":
            out.append("<table>")
            for row in rows:
                out.append("<tr>")
                for text, rowspan, colspan in row:
                    out.append(f'<td rowspan="{rowspan}" colspan="{colspan}">{text}</td>')
                out.append("</tr>")
            out.append("</table>")
    return "\n".join(out) + "\n</body></html>\n"


def _html_row(cells: list[str]) -> str:
    return "<tr>" + "".join(f"<td>{c.strip(' |')}</td>" for c in cells) + "</tr>"


def _table_three_lines() -> range:
    """The lines of seed 000 that hold table 三 (its | rows)."""
    lines = _seed("000").split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况") + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    return range(start, end)


def _line(text: str, prefix: str) -> tuple[int, str]:
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(prefix))
    return at + 1, lines[at]


def _field_column(line: str, field: int, sep: str = " | ") -> int:
    """The 1-based column where field ``field`` of a separated line starts."""
    return len(sep.join(line.split(sep)[:field]) + sep) + 1


def _field(key: str) -> int:
    """The field of item ``key``'s numbers in a line of the turned table (each line
    starts with two: a label and a merged cell, or 法人或其他组织 and a type)."""
    return 2 + ["received", "carried_over", *_LEAVES, "total", "carried_forward"].index(key)


def test_a_pipe_table_turned_is_read_as_its_cells() -> None:
    text = _pipe(_turned(head=2))
    report = _parse(text)
    assert _wrong(report, {"applications": _VALUES}, but={}) == []
    # (the items' fields start after 自然人's two: its label and its merged cell)
    line, printed = _line(text, "自然人 | ")
    cell = report.table("applications").cell("denied.third_party", "natural_person")
    value = _VALUES["denied.third_party"]["natural_person"]
    assert (cell.value, cell.raw) == (Decimal(value), str(value))
    assert (cell.span.line, cell.span.column) == (
        line,
        _field_column(printed, _field("denied.third_party")),
    )
    cell = report.table("applications").cell("carried_forward", "other_org")
    line, printed = _line(text, " | 其他 | ")
    assert (cell.span.line, cell.span.column) == (
        line,
        _field_column(printed, _field("carried_forward")),
    )
    assert report.table("applications").row("received").evidence == "fields"


def test_a_head_in_one_row_tab_separated() -> None:
    text = _pipe(_turned(head=1), sep="\t")
    report = _parse(text)
    assert _wrong(report, {"applications": _VALUES}, but={}) == []
    cell = report.table("applications").cell("unavailable.not_held", "total")
    line, printed = _line(text, "总计\t")
    field = _field("unavailable.not_held")
    assert (cell.span.line, cell.span.column) == (line, _field_column(printed, field, "\t"))


def test_a_head_in_three_rows_on_a_web_page() -> None:
    page = _html_page(_turned(head=3))
    report = parse_source(read_source(Path("report.html"), page.encode("utf-8")))
    assert _wrong(report, {"applications": _VALUES}, but={}) == []
    cell = report.table("applications").cell("granted", "natural_person")
    lines = page.split("\n")
    assert lines[cell.span.line - 1][cell.span.column - 1 :].startswith(cell.raw + "</td>")
    assert report.table("applications").row("granted").evidence == "grid"


def test_a_word_table_turned() -> None:
    document = docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    rows = _turned(head=2)
    grid = _grid(rows)
    table = document.add_table(rows=len(grid), cols=len(grid[0]))
    r = 0
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        c = 0
        for text, rowspan, colspan in row:
            while (r, c) in taken:
                c += 1
            cell = table.cell(r, c)
            if rowspan > 1 or colspan > 1:
                cell = cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))
            cell.text = text
            taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
            c += colspan
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    data = io.BytesIO()
    document.save(data)
    report = parse_source(read_source(Path("report.docx"), data.getvalue()))
    assert _wrong(report, {"applications": _VALUES}, but={}) == []
    assert report.table("applications").row("denied.third_party").evidence == "grid"


def test_the_applicants_total_line_left_out_leaves_blank_cells(tmp_path: Path) -> None:
    """No 总计 line: the total column is blank (XG004), not summed nor guessed."""
    text = _pipe(_turned(head=2, total_row=False))
    report = _parse(text)
    table = report.table("applications")
    assert table.cell("granted", "total").kind == "blank"
    assert table.cell("granted", "natural_person").value == _VALUES["granted"]["natural_person"]
    found = check_text(tmp_path, text)
    assert codes(found, "XG201", "XG202", "XG203") == []
    assert [d.subject for d in found.diagnostics if d.code == "XG004"] == [
        "applications.received..carried_forward.total"
    ]


def test_the_outcome_total_left_out_is_a_missing_row(tmp_path: Path) -> None:
    """No （七）总计 column: that row is missing (XG003), the others read."""
    text = _pipe(_turned(head=1, outcome_total=False))
    report = _parse(text)
    assert report.table("applications").row("total") is None
    truth = {k: v for k, v in _VALUES.items() if k != "total"}
    assert _wrong(report, {"applications": truth}, but={}) == []
    found = check_text(tmp_path, text)
    assert [d.subject for d in found.diagnostics if d.code == "XG003"] == ["applications.total"]


def test_a_wrong_cell_is_found_where_it_is_printed(tmp_path: Path) -> None:
    """A changed number of a turned table is found at its own line and column (XG202: an
    outcome row's cell that breaks its row's and its column's sums)."""
    rows = _turned(head=2)
    natural = next(r for r in rows if r[0][0] == "自然人")
    at = _field("unavailable.not_held") - 1  # (自然人's one cell two columns wide)
    natural[at] = (str(int(natural[at][0]) + 1), 1, 1)
    text = _pipe(rows)
    line, printed = _line(text, "自然人 | ")
    found = [d for d in check_text(tmp_path, text).diagnostics if d.code.startswith("XG20")]
    assert [(d.code, d.line, d.column) for d in found] == [
        ("XG202", line, _field_column(printed, _field("unavailable.not_held")))
    ]
    value = _VALUES["unavailable.not_held"]["natural_person"]
    assert (found[0].expected, found[0].actual) == (value, value + 1)


def test_one_cell_per_line_with_a_blank_cell() -> None:
    """One cell per line, a blank line between: a blank cell is an empty line more."""
    rows = _turned(head=1)
    total = next(r for r in rows if r[0][0] == "总计")
    total[5] = ("", 1, 1)  # (denied.state_secret's 总计: blank)
    cells = [text for row in rows for text, _, _ in row]
    text = _in_seed([line for cell in cells for line in (cell, "")])
    report = _parse(text)
    assert (
        _wrong(
            report,
            {"applications": _VALUES},
            but={("applications", "denied.state_secret", "total"): None},
        )
        == []
    )


def test_a_subtotal_line_of_the_organisations_is_no_column() -> None:
    rows = _turned(head=2)
    at = next(i for i, r in enumerate(rows) if r[0][0] == "法人或其他组织")
    business = rows[at]
    sums = [
        sum(int(r[-len(business) + 2 + i][0]) for r in rows[at : at + 5])
        for i in range(len(business) - 2)
    ]
    rows[at] = [("商业企业", 1, 2), *business[2:]]
    rows.insert(at, [("法人或其他组织", 1, 2), *((str(s), 1, 1) for s in sums)])
    for r in rows[at + 2 : at + 6]:
        r[0] = (r[0][0], 1, 2)
    report = _parse(_pipe(rows))
    assert _wrong(report, {"applications": _VALUES}, but={}) == []


def test_a_normal_table_is_read_as_it_was() -> None:
    report = _parse(_seed("003"))
    assert _wrong(report, _truth("003"), but={}) == []
    assert report.table("applications").row("granted").evidence == "count"


def test_a_small_table_of_applicant_types_is_not_table_three() -> None:
    """Lines labelled by applicant types under a head that names no row of the format (a
    summary table): no table 三 is read from them, and no cell is guessed."""
    text = _in_seed(["申请人类型 | 申请件数 | 占比 |", "自然人 | 54 | 70% |", "总计 | 77 | 100% |"])
    table = _parse(text).table("applications")
    assert table is None or not any(row.complete for row in table.rows)


def test_the_2019_single_other_column_is_read_and_noticed(tmp_path: Path) -> None:
    """（六）其他处理 one column with its own numbers (the 2019 layout kept): read as the
    row ``other``, the deviation noticed (XG005) as for a table printed the normal way."""
    rows = _turned(head=1)
    first = _field("other.no_correction") - 1  # (in the head: 申请人情况 is one cell)
    rows[0][first : first + 3] = [("（六）其他处理", 1, 1)]
    parts = ("other.no_correction", "other.fee_unpaid", "other.other")
    for row in rows[1:]:
        at = len(row) - 26 + first  # (the lines under 法人或其他组织 have one cell less)
        who = next(k for k, v in _APPLICANTS.items() if v in (row[0][0], row[1][0]))
        row[at : at + 3] = [(str(sum(_VALUES[k][who] for k in parts)), 1, 1)]
    text = _pipe(rows)
    table = _parse(text).table("applications")
    assert table.row("other.other") is None
    assert table.cell("other", "natural_person").value == sum(
        _VALUES[k]["natural_person"] for k in parts
    )
    line, printed = _line(text, "申请人情况 | ")
    side, _ = _line(text, "自然人 | ")
    found = [d for d in check_text(tmp_path, text).diagnostics if d.code == "XG005"]
    # The 2019 column, and the table printed transposed (at its first side label, a notice).
    assert [(d.line, d.column) for d in found] == [
        (line, printed.index("（六）其他处理") + 1),
        (side, 1),
    ]
    assert found[1].severity is Severity.INFO
    assert found[1].message == (
        "统计表行列互换（“自然人”等列为行，格式中为列），与格式规定的样式不同：各数值已按行名和表头读取"
    )


def test_table_four_with_its_results_down_the_side(tmp_path: Path) -> None:
    """Table 四 turned: 结果维持 … 总计 as lines, 行政复议 / 行政诉讼 (未经复议直接起诉,
    复议后起诉) across the head. Read into its groups, each cell where its number is; it
    used to be read not at all (XG003)."""
    lines = _seed("000").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    end = lines.index("五、存在的主要问题及改进情况")
    table = [
        " | 行政复议 | 行政诉讼 |  |",
        " |  | 未经复议直接起诉 | 复议后起诉 |",
        "结果维持 | 2 | 1 | 0 |",
        "结果纠正 | 1 | 0 | 1 |",
        "其他结果 | 0 | 1 | 0 |",
        "尚未审结 | 1 | 0 | 0 |",
        "总计 | 4 | 2 | 1 |",
    ]
    text = "\n".join([*lines[: start + 1], *table, *lines[end:]])
    reviews = _parse(text).table("reviews")
    got = {(r.key, c.column): c.value for r in reviews.rows for c in r.cells}
    assert got[("review", "total")] == 4
    assert got[("litigation_direct", "other")] == 1
    assert got[("litigation_after_review", "corrected")] == 1
    assert sum(v for v in got.values() if v is not None) == 14
    cell = reviews.cell("litigation_after_review", "corrected")
    line = start + 5  # (结果纠正's line: the heading is line start + 1)
    assert (cell.span.line, cell.span.column) == (line, len("结果纠正 | 1 | 0 | ") + 1)
    broken = text.replace("总计 | 4 | 2 | 1 |", "总计 | 4 | 3 | 1 |")
    found = codes(check_text(tmp_path, broken), "XG204", "XG003")
    assert found == [("XG204", start + 1 + 7, len("总计 | 4 | ") + 1)]
