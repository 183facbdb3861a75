"""A group label printed with numbers of its own (（三）不予公开 | 0 | 0 | … | 0, 三、本年度办理
结果 | 5 | 2 | … | 7): the subtotal of the group's leaves, which the format does not print.
It is no row of the table — every leaf keeps its own values, the identities add up the
leaves — but kept under its group's key, noticed (XG005, information) and checked against
the leaves (XG202, at the subtotal's cell). In every layout: | rows, tabs, blanks, one cell
per line, a web page, a Word table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.engine.reportkit import locate
from tests.parse.test_group_rows import CLEAN, GROUPS, _html, _line
from tests.parse.test_layouts import markdown, one_per_line, pipe, spaced, tab
from tests.rules.helpers import check_text, codes, result
from tests.sources.test_docx_layout import _word_blocks, document
from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.parse import parse_source
from xxgk_lint.parse.ast import Table
from xxgk_lint.sources import read_source

#: CLEAN's subtotals: its （七）总计 row for 三、本年度办理结果; （四） holds its only leaf
#: with numbers (1.本机关不掌握相关政府信息 | 1 | 1 | 0 | 0 | 0 | 0 | 2); the others are 0.
SUBTOTALS = {
    "三、本年度办理结果": ("outcomes", [5, 2, 0, 0, 0, 0, 7]),
    "（三）不予公开": ("denied", [0] * 7),
    "（四）无法提供": ("unavailable", [1, 1, 0, 0, 0, 0, 2]),
    "（五）不予处理": ("not_processed", [0] * 7),
    "（六）其他处理": ("other", [0] * 7),
}
COLUMNS = ("natural_person", "business", "research", "public_interest", "legal_service")
COLUMNS += ("other_org", "total")


def with_subtotals(text: str, changed: dict[str, list[int]] | None = None) -> str:
    """``text`` with each group label moved to a line of its own that carries its
    subtotal (``changed``: other numbers for some)."""
    for group in GROUPS:
        numbers = (changed or {}).get(group, SUBTOTALS[group][1])
        cells = " | ".join(map(str, numbers))
        text = text.replace(f"{group} | ", f"{group} | {cells} |\n", 1)
    return text


def _table(path: Path) -> Table:
    return parse_source(read_source(path)).tables["applications"]


def _assert_read(table: Table, leaves: Table) -> None:
    """Every row as in the report without subtotals; each subtotal under its group."""
    assert [(r.key, [c.value for c in r.cells]) for r in table.rows] == [
        (r.key, [c.value for c in r.cells]) for r in leaves.rows
    ]
    assert table.row("other") is None  # (（六）其他处理 is not the 2019 single row)
    assert [(r.key, r.label, [r.value(c) for c in COLUMNS]) for r in table.subtotals] == [
        (key, label, numbers) for label, (key, numbers) in SUBTOTALS.items()
    ]


LAYOUTS: dict[str, Callable[[str], str]] = {
    "pipe": pipe,
    "tab": tab,
    "markdown": markdown,
    "space": spaced,
    "one-per-line": one_per_line,
}


@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_subtotal_lines_are_read_as_subtotals_not_rows(tmp_path: Path, layout) -> None:
    path = tmp_path / "r.txt"
    path.write_text(layout(CLEAN), encoding="utf-8")
    leaves = _table(path)
    text = layout(with_subtotals(CLEAN))
    path.write_text(text, encoding="utf-8")
    _assert_read(_table(path), leaves)
    file = result(path)
    assert [d.code for d in file.diagnostics if d.severity >= Severity.WARNING] == []
    notices = [(d.line, d.column, d.severity, d.subject) for d in file.diagnostics]
    assert notices == [
        (*locate(text, label), Severity.INFO, f"applications.{key}.subtotal")
        for label, (key, _) in SUBTOTALS.items()
    ]
    assert file.diagnostics[1].message == (
        "“（三）不予公开”一行填写了数字（该组的小计），格式中组名称本身没有数字："
        "小计不作为表格的一行读取，核对其等于该组各项之和（XG202）"
    )
    checks = [c for c in file.checks if c.check == "subtotal-sum"]
    assert len(checks) == 35 and {c.status for c in checks} == {"pass"}


@pytest.mark.parametrize("layout", [pipe, spaced, one_per_line], ids=str)
def test_a_subtotal_is_never_joined_with_its_first_leaf_label(tmp_path: Path, layout) -> None:
    """The first leaf's label broken over two lines (1.本机关不掌握相关 / 政府信息) after a
    subtotal: not joined with the group's label, which would give the subtotal's numbers
    to the leaf (and lose the leaf's)."""
    text = with_subtotals(CLEAN, {"（四）无法提供": [3, 1, 0, 0, 0, 0, 4]}).replace(
        "1.本机关不掌握相关政府信息 | 1 |", "1.本机关不掌握相关\n政府信息 | 1 |"
    )
    text = layout(text)
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    table = _table(path)
    assert [table.row("unavailable.not_held").value(c) for c in COLUMNS] == [1, 1, 0, 0, 0, 0, 2]
    assert [table.subtotals[2].value(c) for c in COLUMNS] == [3, 1, 0, 0, 0, 0, 4]


def test_a_wrong_subtotal_is_reported_at_its_cell(tmp_path: Path) -> None:
    text = with_subtotals(CLEAN, {"（四）无法提供": [1, 1, 0, 0, 0, 0, 3]})
    file = check_text(tmp_path, text)
    line = _line(text, "（四）无法提供")
    assert codes(file, "XG202") == [("XG202", line, text.split("\n")[line - 1].rindex("3") + 1)]
    (finding,) = [d for d in file.diagnostics if d.code == "XG202"]
    assert (finding.expected, finding.actual, finding.severity) == (2, 3, Severity.ERROR)
    assert finding.subject == "applications.unavailable.subtotal.total"
    assert finding.message == "“（四）无法提供”一行所填小计的总计应为该组各项之和 2，实际为 3"
    failed = [c for c in file.checks if c.check == "subtotal-sum" and c.status == "fail"]
    assert [(c.scope, c.finding) for c in failed] == [
        ("applications.unavailable.subtotal.total", ("XG202", finding.subject))
    ]
    english = check_text(tmp_path, text, lang="en")
    assert [d.message for d in english.diagnostics if d.code == "XG202"] == [
        "the subtotal printed on the line '（四）无法提供': its total should be the sum of the "
        "group's rows, 2, but is 3"
    ]


def test_a_wrong_leaf_under_a_subtotal_is_one_finding(tmp_path: Path) -> None:
    """A leaf's wrong number breaks its row's total and the （七）总计 sum, and disagrees
    with its group's subtotal: one finding, at the leaf, by the rule of its column (the
    subtotal agrees with the leaf as the identities correct it)."""
    text = with_subtotals(CLEAN).replace(
        "1.本机关不掌握相关政府信息 | 1 | 1 |", "1.本机关不掌握相关政府信息 | 2 | 1 |"
    )
    file = check_text(tmp_path, text)
    line = _line(text, "1.本机关不掌握相关政府信息")
    assert [(c, n) for c, n, _ in codes(file, "XG201", "XG202", "XG203")] == [("XG202", line)]
    failed = [c for c in file.checks if c.check == "subtotal-sum" and c.status == "fail"]
    assert [c.finding for c in failed] == [
        ("XG202", "applications.unavailable.not_held.natural_person")
    ] * 2  # (its group's subtotal and 三、本年度办理结果's)


def test_a_blank_subtotal_cell_is_not_assessable(tmp_path: Path) -> None:
    text = with_subtotals(CLEAN).replace("（四）无法提供 | 1 | 1 |", "（四）无法提供 | 1 | / |")
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    file = result(path)
    assert codes(file, "XG004", "XG202") == []
    checks = {c.scope: c for c in file.checks if c.check == "subtotal-sum"}
    blank = checks["applications.unavailable.subtotal.business"]
    assert (blank.status, blank.reason) == ("not_assessable", blank.scope)


def test_subtotals_in_a_web_page(tmp_path: Path) -> None:
    path = tmp_path / "r.html"
    path.write_text(_html(CLEAN), encoding="utf-8")
    leaves = _table(path)
    path.write_text(_html(with_subtotals(CLEAN)), encoding="utf-8")
    _assert_read(_table(path), leaves)
    file = result(path)
    assert [d.code for d in file.diagnostics if d.severity >= Severity.WARNING] == []
    assert [d.code for d in file.diagnostics] == ["XG005"] * 5
    # (the notice says what the format expects; no empty expected / found to print)
    assert {(d.expected, d.actual) for d in file.diagnostics} == {(None, None)}


def test_subtotals_in_a_word_table(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(document("".join(_word_blocks(CLEAN))))
    leaves = _table(path)
    path.write_bytes(document("".join(_word_blocks(with_subtotals(CLEAN)))))
    _assert_read(_table(path), leaves)
    text = with_subtotals(CLEAN, {"（三）不予公开": [0, 0, 1, 0, 0, 0, 0]})
    path.write_bytes(document("".join(_word_blocks(text))))
    (finding,) = [d for d in result(path).diagnostics if d.code == "XG202"]
    assert (finding.subject, finding.expected, finding.actual) == (
        "applications.denied.subtotal.research",
        0,
        1,
    )


def test_the_older_single_row_with_numbers_is_still_the_2019_row(tmp_path: Path) -> None:
    """（六）其他处理 with numbers and no 1./2./3. rows under it is the 2019 layout's row
    (XG005, a warning), not a subtotal."""
    lines = [line for line in CLEAN.split("\n") if not line.startswith(("2.申请人逾期", "3.其他"))]
    text = "\n".join(lines).replace(
        "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 |",
        "（六）其他处理 |",
    )
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    table = _table(path)
    assert table.row("other") is not None and table.subtotals == ()
    found = [(d.code, d.severity) for d in result(path).diagnostics if d.code == "XG005"]
    assert found == [("XG005", Severity.WARNING)]


@pytest.mark.parametrize("layout", [pipe, spaced], ids=str)
def test_a_label_broken_around_its_numbers_is_still_its_row(tmp_path: Path, layout) -> None:
    """三、本年度办理结果 | 3 | 1 | … then （一）予以公开 alone before （二）… and its numbers:
    the label of （一） broken around its numbers, not a subtotal (the next row names
    itself, so the two texts make （一）'s label)."""
    text = layout(
        CLEAN.replace(
            "三、本年度办理结果 | （一）予以公开 | 3 |", "三、本年度办理结果 | 3 |"
        ).replace(
            "| 0 | 0 | 0 | 0 | 4 |\n（二）", "| 0 | 0 | 0 | 0 | 4 |\n（一）予以公开\n（二）", 1
        )
    )
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    table = _table(path)
    assert [table.row("granted").value(c) for c in COLUMNS] == [3, 1, 0, 0, 0, 0, 4]
    assert table.subtotals == ()
    assert codes(result(path), "XG003", "XG005", "XG202") == []
