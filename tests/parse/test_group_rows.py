"""A group or block label on its own row with explicit empty cells (（三）不予公开 | | …,
三、本年度办理结果 | | …, 第二十条第（八）项 | | … with no 信息内容 row) is a header: it has no
values, so it is no row of blanks, and the rows under it keep their values."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.parse.test_layouts import markdown, pipe, tab
from tests.rules.helpers import check_text, codes
from xxgk_lint.parse import parse_source
from xxgk_lint.sources import read_source

CLEAN = (Path(__file__).parents[1] / "rules/cases/reports/clean.txt").read_text(encoding="utf-8")
EMPTY = " | | | | | | | |"  # a label's seven empty cells (and the one after the last bar)
GROUPS = (
    "三、本年度办理结果",
    "（三）不予公开",
    "（四）无法提供",
    "（五）不予处理",
    "（六）其他处理",
)


def _own_rows(text: str, groups: tuple[str, ...] = GROUPS) -> str:
    """``text`` with each group label moved to a row of its own, its cells left empty."""
    for group in groups:
        text = text.replace(f"{group} | ", f"{group}{EMPTY}\n", 1)
    return text


def _line(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def _tables(tmp_path: Path, text: str):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    return parse_source(read_source(path)).tables


@pytest.mark.parametrize("layout", [pipe, tab, markdown], ids=["pipe", "tab", "markdown"])
def test_group_rows_with_empty_cells_are_headers(tmp_path: Path, layout) -> None:
    text = layout(_own_rows(CLEAN))
    table = _tables(tmp_path, text)["applications"]
    assert table.row("granted").value("total") == 4  # under 三、本年度办理结果
    assert table.row("denied.state_secret").value("total") == 0  # under （三）不予公开
    assert table.row("unavailable.not_held").value("natural_person") == 1
    assert table.row("unavailable.not_held").value("total") == 2
    assert table.row("not_processed.petition").value("total") == 0
    assert table.row("other.no_correction").value("total") == 0
    assert table.row("other") is None
    file = check_text(tmp_path, text)
    assert codes(file, "XG003", "XG004", "XG005") == []


def test_a_leaf_row_of_blanks_under_its_group_row_is_still_blank(tmp_path: Path) -> None:
    text = _own_rows(CLEAN).replace(
        "1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", f"1.属于国家秘密{EMPTY}"
    )
    table = _tables(tmp_path, text)["applications"]
    assert table.row("denied.state_secret").value("total") is None
    assert table.row("denied.prohibited_by_law").value("total") == 0
    line = _line(text, "1.属于国家秘密")
    assert [(c, n) for c, n, _ in codes(check_text(tmp_path, text), "XG004")] == [("XG004", line)]


def test_the_older_single_row_of_blanks_is_still_a_row(tmp_path: Path) -> None:
    # （六）其他处理 with empty cells and no 1./2./3. rows under it: the 2019 row, left blank.
    lines = [
        line
        for line in CLEAN.split("\n")
        if not line.startswith(("（六）其他处理", "2.申请人逾期", "3.其他"))
    ]
    at = next(i for i, line in enumerate(lines) if line.startswith("（七）总计"))
    lines.insert(at, f"（六）其他处理{EMPTY}")
    text = "\n".join(lines)
    table = _tables(tmp_path, text)["applications"]
    assert table.row("other").value("total") is None  # type: ignore[union-attr]
    found = codes(check_text(tmp_path, text), "XG004", "XG005")
    line = at + 1
    assert ("XG005", line, 1) in found and any(c == "XG004" and n == line for c, n, _ in found)


@pytest.mark.parametrize("layout", [pipe, tab, markdown], ids=["pipe", "tab", "markdown"])
def test_a_block_header_with_empty_cells_and_no_column_row(tmp_path: Path, layout) -> None:
    text = CLEAN.replace("信息内容 | 本年收费金额（单位：万元） | | |\n", "").replace(
        "行政事业性收费 | 0 |", "行政事业性收费 | 12.35 |"
    )
    text = layout(text)
    table = _tables(tmp_path, text)["proactive"]
    assert str(table.row("fees").value("amount")) == "12.35"
    assert table.row("enforcement").value("decisions") == 2
    assert codes(check_text(tmp_path, text), "XG003", "XG004") == []


def _html(text: str) -> str:
    """``text`` as a web page: its | rows as the rows of HTML tables, one per section."""
    out, table = ["<html><body>"], False
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("|")]
        if len(cells) < 2:
            out.append(("</table>" if table else "") + f"<p>{line}</p>")
            table = False
            continue
        while cells and not cells[-1]:
            cells.pop()
        cells += [""] * (8 - len(cells))  # (empty <td>s up to the table's width)
        out.append(("" if table else "<table>") + "<tr>")
        out += [f"<td>{cell}</td>" for cell in cells] + ["</tr>"]
        table = True
    return "\n".join([*out, "</table>" if table else "", "</body></html>"])


def test_group_rows_with_empty_cells_in_a_web_page(tmp_path: Path) -> None:
    path = tmp_path / "r.html"
    path.write_text(_html(_own_rows(CLEAN)), encoding="utf-8")
    table = parse_source(read_source(path)).tables["applications"]
    assert table.row("granted").value("total") == 4  # type: ignore[union-attr]
    assert table.row("denied.state_secret").value("total") == 0  # type: ignore[union-attr]
    assert table.row("unavailable.not_held").value("total") == 2  # type: ignore[union-attr]
    assert table.row("other.no_correction").value("total") == 0  # type: ignore[union-attr]
    assert table.row("other") is None
