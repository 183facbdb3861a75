"""Columns printed in another order than the format's: read by the header that names them
(text tables: :func:`~xxgk_lint.parse.columns.printed_order`; grids: by their header), and
noticed as an XG005 column-order deviation."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest

from xxgk_lint.format import FORMAT_2021, normalise
from xxgk_lint.memo import clear_all
from xxgk_lint.parse import parse_source
from xxgk_lint.parse.ast import Report
from xxgk_lint.parse.cells import TEXT, Item
from xxgk_lint.parse.columns import printed_order
from xxgk_lint.parse.mapping import _header_order, _Headers, _read_header
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


def _header(lines: list[list[str]], first: int, separated: bool) -> list[Item]:
    """Header text items: a line's cells as the fields of a separated line, or each line
    one text (its cells in one string, as a space-aligned line is read)."""
    items: list[Item] = []
    for number, cells in enumerate(lines, first):
        texts = cells if separated else ["   ".join(cells)]
        for field, raw in enumerate(texts):
            at = field * 10 + 1
            place = field if separated else -1
            items.append((TEXT, raw, at, at + len(raw), normalise(raw), place, -1, -1, 1, None, "text", number))  # fmt: skip
    return items


def test_header_read_before_is_read_the_same() -> None:
    """_header_order looks up a header read before by its normalised texts and lines from
    the first: pinned against reading it anew, whichever header came first. The same
    normalised texts printed as one space-aligned line (read cell by cell), as one field
    (one cell), or single-spaced (one text) are different headers."""
    spec = FORMAT_2021.table("applications")
    columns = spec.column_keys
    top = ["总计", "自然人", "法人或其他组织"]
    subs = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    note = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]]
    one_text = [[" ".join(top)], [" ".join(subs)]]
    headers = [
        _header([top, subs], 2, separated=True),
        _header([top, subs], 40, separated=True),  # the same, elsewhere: looked up
        _header(note, 39, separated=True) + _header([top, subs], 40, separated=True),
        _header([top + subs], 2, separated=True),  # one line: the order is the same
        _header([top, subs], 2, separated=False),  # space-aligned lines
        _header([["   ".join(top)], ["   ".join(subs)]], 2, separated=True),  # as fields
        _header(one_text, 2, separated=False),  # single-spaced: one text each
        _header([subs, top], 2, separated=True),
        _header([top[:1], top[1:], subs], 7, separated=True),
    ]
    assert _read_header(_Headers(spec, []), headers[0], columns)[0] == (
        "total",
        "natural_person",
        *columns[1:-1],
    )
    assert _read_header(_Headers(spec, []), headers[4], columns)[0] == (
        "total",
        "natural_person",
        *columns[1:-1],
    )
    assert _read_header(_Headers(spec, []), headers[5], columns) == (None, -1)
    expected = [_read_header(_Headers(spec, []), texts, columns) for texts in headers]
    for order in permutations(range(len(headers)), 4):
        clear_all()
        for index in (*order, *order):
            texts = headers[index]
            assert _header_order(_Headers(spec, []), texts, columns) == expected[index], index
