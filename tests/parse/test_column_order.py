"""Columns printed in another order than the format's: read by the header that names them
(text tables: :func:`~xxgk_lint.parse.columns.printed_order`; grids: by their header), and
noticed as an XG005 column-order deviation."""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk_lint.format import FORMAT_2021
from xxgk_lint.parse import parse_source
from xxgk_lint.parse.ast import Report
from xxgk_lint.parse.columns import printed_order
from xxgk_lint.sources import read_source

APPLICANTS = FORMAT_2021.table("applications").column_keys
LEGAL = {"+".join(APPLICANTS[1:-1]): APPLICANTS[1:-1]}
SUBS = "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |"
HEAD = "三、收到和处理政府信息公开申请情况\n"
ROWS = (
    "一、本年新收政府信息公开申请数量 | {0} |\n"
    "二、上年结转政府信息公开申请数量 | {1} |\n"
    "三、本年度办理结果 | （一）予以公开 | {0} |\n"
)


def _report(tmp_path: Path, text: str, name: str = "r.txt") -> Report:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_source(read_source(path))


def _row(values: list[int]) -> str:
    return " | ".join(map(str, values))


@pytest.mark.parametrize(
    ("top", "subs", "printed"),
    [
        # 总计 first
        ("总计 | 自然人 | 法人或其他组织 |", SUBS, [7, 4, 1, 1, 0, 0, 1]),
        # 法人或其他组织 before 自然人, its five reversed
        (
            "法人或其他组织 | 自然人 | 总计 |",
            "其他 | 法律服务机构 | 社会公益组织 | 科研机构 | 商业企业 |",
            [1, 0, 0, 1, 1, 4, 7],
        ),
        # one header line naming all seven
        (
            "总计 | 其他 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 |",
            "",
            [7, 1, 4, 1, 1, 0, 0],
        ),
    ],
)
@pytest.mark.parametrize("separator", [" | ", "\t"])
def test_text_header_places_reordered_columns(
    tmp_path: Path, top: str, subs: str, printed: list[int], separator: str
) -> None:
    lines = [top, subs] if subs else [top]
    text = HEAD + "\n".join(lines) + "\n" + ROWS.format(_row(printed), _row([0] * 7))
    if separator == "\t":
        text = "\n".join(
            "\t".join(c.strip() for c in line.split("|")).rstrip("\t") for line in text.split("\n")
        )
    report = _report(tmp_path, text)
    table = report.tables["applications"]
    row = table.row("received")
    assert row is not None
    assert [row.value(c) for c in APPLICANTS] == [4, 1, 1, 0, 0, 1, 7]
    assert table.row("granted").value("total") == 7  # type: ignore[union-attr]
    (deviation,) = report.deviations
    assert (deviation.table, deviation.row, deviation.kind) == (
        "applications",
        "columns",
        "columns",
    )
    assert deviation.span.line == 2
    assert deviation.expected == ",".join(APPLICANTS)
    assert deviation.found.split(",")[0] in ("total", "business", "other_org")


def test_canonical_or_ambiguous_header_keeps_positions(tmp_path: Path) -> None:
    """申请人情况 | 总计 over 自然人 | 法人或其他组织 (the template's three header lines,
    collapsed): the top cells stand on two lines, the order is not told; the format's."""
    values = [4, 1, 1, 0, 0, 1, 7]
    for header in (
        "自然人 | 法人或其他组织 | 总计 |\n" + SUBS,
        "申请人情况 | 总计 |\n自然人 | 法人或其他组织 |\n" + SUBS,
        "总计 | 自然人 |\n" + SUBS,  # 法人或其他组织 not printed: not every column is placed
    ):
        report = _report(tmp_path, HEAD + header + "\n" + ROWS.format(_row(values), _row([0] * 7)))
        row = report.tables["applications"].row("received")
        assert row is not None
        assert [row.value(c) for c in APPLICANTS] == values, header
        assert report.deviations == ()


def test_printed_order_nests_under_merged_cells() -> None:
    tokens = [("total", False, 1), ("natural_person", False, 1), (next(iter(LEGAL)), True, 1)]
    tokens += [(key, False, 2) for key in reversed(APPLICANTS[1:-1])]
    assert printed_order(tokens, APPLICANTS, LEGAL) == (
        "total",
        "natural_person",
        *reversed(APPLICANTS[1:-1]),
    )
    # a column named twice, or top cells on two lines: not told
    assert printed_order([*tokens, ("total", False, 2)], APPLICANTS, LEGAL) is None
    moved = [("total", False, 0), *tokens[1:]]
    assert printed_order(moved, APPLICANTS, LEGAL) is None


REVIEWS = (
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "行政复议 | 行政诉讼 |\n"
    "{cols} | 未经复议直接起诉 | 复议后起诉 |\n"
    "{cols} | {cols} |\n"
    "{values} |\n"
)


def test_table_four_total_first(tmp_path: Path) -> None:
    cols = "总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结"
    values = " | ".join(["3", "1", "1", "0", "1"] + ["2", "2", "0", "0", "0"] + ["0"] * 5)
    report = _report(tmp_path, REVIEWS.format(cols=cols, values=values))
    table = report.tables["reviews"]
    review = table.row("review")
    direct = table.row("litigation_direct")
    assert review is not None and direct is not None
    assert [review.value(c) for c in ("upheld", "corrected", "other", "pending", "total")] == [
        1,
        1,
        0,
        1,
        3,
    ]
    assert direct.value("total") == 2 and direct.value("upheld") == 2
    (deviation,) = report.deviations
    assert (deviation.table, deviation.kind, deviation.span.line) == ("reviews", "columns", 3)
    assert deviation.found.startswith("review.total,review.upheld")


def test_html_grid_reordered_is_noticed(tmp_path: Path) -> None:
    html = (
        "<html><body><p>三、收到和处理政府信息公开申请情况</p><table>"
        "<tr><td colspan=2 rowspan=2></td><td rowspan=2>总计</td><td rowspan=2>自然人</td>"
        "<td colspan=5>法人或其他组织</td></tr><tr><td>商业企业</td><td>科研机构</td>"
        "<td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"
        "<tr><td colspan=2>一、本年新收政府信息公开申请数量</td><td>7</td><td>4</td><td>1</td>"
        "<td>1</td><td>0</td><td>0</td><td>1</td></tr>"
        "<tr><td colspan=2>二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td>"
        "<td>0</td><td>0</td><td>0</td><td>0</td></tr></table></body></html>"
    )
    report = _report(tmp_path, html, "r.html")
    row = report.tables["applications"].row("received")
    assert row is not None
    assert [row.value(c) for c in APPLICANTS] == [4, 1, 1, 0, 0, 1, 7]
    (deviation,) = report.deviations
    assert deviation.kind == "columns"
    assert deviation.found == ",".join(["total", *APPLICANTS[:-1]])


def test_space_aligned_header(tmp_path: Path) -> None:
    """pdftotext -layout: the header line is one text, its cells two spaces apart."""
    text = (
        HEAD
        + "总计   自然人   法人或其他组织\n"
        + "商业企业   科研机构   社会公益组织   法律服务机构   其他\n"
        + "一、本年新收政府信息公开申请数量   7   4   1   1   0   0   1\n"
        + "二、上年结转政府信息公开申请数量   0   0   0   0   0   0   0\n"
    )
    report = _report(tmp_path, text)
    row = report.tables["applications"].row("received")
    assert row is not None
    assert [row.value(c) for c in APPLICANTS] == [4, 1, 1, 0, 0, 1, 7]
    (deviation,) = report.deviations
    assert (deviation.kind, deviation.span.line) == ("columns", 2)


def test_proactive_block_header(tmp_path: Path) -> None:
    """Table 二: a block's header (信息内容 | 本年制发件数 | 现行有效件数 | 本年废止件数)."""
    text = (
        "二、主动公开政府信息情况\n第二十条第（一）项 | | | |\n"
        "信息内容 | 本年制发件数 | 现行有效件数 | 本年废止件数 |\n"
        "规章 | 2 | 15 | 1 |\n行政规范性文件 | 13 | 21 | 4 |\n"
        "第二十条第（五）项 | | | |\n信息内容 | 本年处理决定数量 | | |\n行政许可 | 321 | | |\n"
    )
    report = _report(tmp_path, text)
    table = report.tables["proactive"]
    rows = [table.row(k) for k in ("regulations", "normative_documents")]
    assert [[r.value(c) for c in ("issued", "repealed", "in_force")] for r in rows if r] == [
        [2, 1, 15],
        [13, 4, 21],
    ]
    assert table.row("licensing").value("decisions") == 321  # type: ignore[union-attr]
    (deviation,) = report.deviations
    assert (deviation.table, deviation.span.line, deviation.found) == (
        "proactive",
        3,
        "issued,in_force,repealed",
    )
