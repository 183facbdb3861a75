"""Two rows of a table stacked in one ``<tr>`` with ``<br>``: ``<td>规章<br>行政规范性文件</td>
<td>0<br>2</td>…`` is drawn as two rows, and is read as two rows (each value found where
it stands); a row whose label is one line is read as it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.sources.places import place
from xxgk_lint.cli.main import main
from xxgk_lint.sources.html import read_html

STACKED = "<tr><td>规章<br>行政规范性文件</td><td>0<br>2</td><td>0<br>1</td><td>0<br>6</td></tr>"
PAGE = (
    "<html><body><h1>某县2023年政府信息公开工作年度报告</h1>\n"
    "<p>二、主动公开政府信息情况</p>\n<table>\n"
    '<tr><td colspan="4">第二十条第（一）项</td></tr>\n'
    "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\n"
    f"{STACKED}\n</table></body></html>\n"
)


def test_stacked_rows_read_as_rows() -> None:
    source = read_html("t.html", PAGE.encode())
    lines = source.text.split("\n")
    at = lines.index("规章\t0\t0\t0")
    assert lines[at + 1] == "行政规范性文件\t2\t1\t6"
    # the 6
    assert place(source, at + 2, len("行政规范性文件\t2\t1\t") + 1) == (
        6,
        STACKED.index("0<br>6") + len("0<br>") + 1,
    )


def test_stacked_rows_values_and_places(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.html"
    path.write_text(PAGE, encoding="utf-8")
    main(["parse", "--format", "json", "--spans", str(path)])
    proactive = json.loads(capsys.readouterr().out)["reports"][0]["tables"]["proactive"]
    cell = proactive["normative_documents"]["in_force"]
    assert (cell["value"], cell["line"], cell["column"]) == (6, 6, STACKED.index("0<br>6") + 6)
    cell = proactive["regulations"]["issued"]
    assert (cell["value"], cell["line"], cell["column"]) == (0, 6, STACKED.index("0<br>2") + 1)


@pytest.mark.parametrize(
    "row",
    [
        "<tr><td>行政许可</td><td>0<br>2</td></tr>",  # one label, two numbers: as it is
        "<tr><td>行政<br>许可</td><td>12</td></tr>",  # a label on two lines, one number
        "<tr><td>结果<br>维持</td><td>结果<br>纠正</td></tr>",  # header cells
    ],
)
def test_other_rows_are_one_row(row: str) -> None:
    source = read_html("t.html", f"<html><body><table>{row}</table></body></html>".encode())
    assert source.text.count("\n") == 1


@pytest.mark.parametrize(
    "row",
    [
        "<tr><td><span>行政</span><span>许可</span></td><td>1 493</td></tr>",
        "<tr><td><b>行政</b>许可</td><td>1 493</td><td>2 000</td></tr>",
    ],
)
def test_a_number_in_groups_is_not_two_rows(row: str) -> None:
    """A label in two pieces beside ``1 493`` (one text: a number in groups) stays one row."""
    source = read_html("t.html", f"<html><body><table>{row}</table></body></html>".encode())
    assert source.text.rstrip("\n").split("\t")[:2] == ["行政许可", "1 493"]


GROUP = (
    "<tr><td>（四）无法提供</td><td>1.本机关不掌握相关政府信息<br>2.没有现成信息需要另行制作"
    "<br>3.补正后申请内容仍不明确</td><td>2<br>0<br>1</td><td>0<br>0<br>0</td></tr>"
)


def test_a_group_s_stacked_rows_are_its_rows() -> None:
    """The group label stays on the first row; the others are the sub-rows alone, each
    field where the browser draws it (grid columns 1 and 2 and on)."""
    raw = f"<html><body><table>\n{GROUP}\n</table></body></html>"
    source = read_html("t.html", raw.encode())
    assert source.text.split("\n")[:3] == [
        "（四）无法提供\t1.本机关不掌握相关政府信息\t2\t0",
        "2.没有现成信息需要另行制作\t0\t0",
        "3.补正后申请内容仍不明确\t1\t0",
    ]
    assert [c.column for c in source.grid[3].cells] == [1, 2, 3]
    # the 1
    assert place(source, 3, len("3.补正后申请内容仍不明确\t") + 1) == (
        2,
        GROUP.index("0<br>1") + len("0<br>") + 1,
    )
