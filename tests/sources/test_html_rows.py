"""A plain data table, or row, is read at once; what it gives is what the walk gives.

``_Extractor._fill_table`` reads a whole data table without the walk's events when the
table is plain, and ``_Extractor._fill_row`` a plain row of any other table; anything
else is left to the walk. Each page here is read twice, once as the reader reads it and
once with every table and row left to the walk, and must give the same text, grid and
origin for every column; each case also pins whether its table and rows were plain.
"""

from __future__ import annotations

import pytest

from xxgk_lint.sources import html as html_module
from xxgk_lint.sources.html import read_html
from xxgk_lint.sources.limits import Limits
from xxgk_lint.sources.model import InputError, Source


def page(body: str) -> str:
    return f"<html><head><title>t</title></head><body>{body}</body></html>"


def table(*rows: str) -> str:
    head = "<tr><td>项目</td><td>数量</td></tr>"
    return page("<p>前言</p><table>" + head + "".join(rows) + "</table><p>结语</p>")


def everything(source: Source) -> tuple[object, ...]:
    """The text, the grid and the origin of every column of every line."""
    lines = source.text.split("\n")
    places = tuple(
        tuple((o.line, o.column) for o in (source.origin(n, c) for c in range(1, len(line) + 2)))
        for n, line in enumerate(lines, 1)
    )
    return source.text, tuple(sorted(source.grid.items())), places


def read_both(
    html: str, monkeypatch: pytest.MonkeyPatch, limits: Limits | None = None
) -> tuple[object, object, list[bool], list[bool]]:
    """(what the reader gives, what the walk alone gives, whether each table was read at
    once, whether each row of the others was)."""
    data = html.encode()
    extra = {} if limits is None else {"limits": limits}
    tables: list[bool] = []
    rows: list[bool] = []
    fill_table = html_module._Extractor._fill_table
    fill_row = html_module._Extractor._fill_row

    def recording_table(self: object, table: object, depth: int) -> bool:
        found = fill_table(self, table, depth)  # type: ignore[arg-type]
        tables.append(found)
        return found

    def recording_row(self: object, tr: object, depth: int) -> bool:
        found = fill_row(self, tr, depth)  # type: ignore[arg-type]
        rows.append(found)
        return found

    def outcome() -> object:
        try:
            return everything(read_html("t.html", data, **extra))
        except InputError as exc:
            return ("error", str(exc))

    with monkeypatch.context() as patch:
        patch.setattr(html_module._Extractor, "_fill_table", recording_table)
        patch.setattr(html_module._Extractor, "_fill_row", recording_row)
        quick = outcome()
    with monkeypatch.context() as patch:
        patch.setattr(html_module._Extractor, "_fill_table", lambda self, table, depth: False)
        patch.setattr(html_module._Extractor, "_fill_row", lambda self, tr, depth: False)
        walked = outcome()
    return quick, walked, tables, rows


CASES = {
    # Word's "save as web page": spans in paragraphs, o:p, attributes without quotes.
    "word": (
        "<tr style='height:20pt'><td width=45><p class=MsoNormal align=center>"
        "<span lang=EN-US>12<o:p></o:p></span></p></td><td><p><span>甲</span></p></td></tr>",
        True,
    ),
    "cms": ('<tr>\n<td width="60">\n<p align="center">收到</p>\n</td>\n<td>3</td>\n</tr>\n', True),
    "nbsp": ("<tr><td>&nbsp;0&nbsp;</td><td>\xa012\xa0</td></tr>", True),
    "break-in-cell": ("<tr><td>收到<br>申请</td><td>12<p>34</p></td></tr>", True),
    "latin-break": ("<tr><td>ab<br>cd</td><td>1<br>\n2</td></tr>", True),
    "spaces-around": ("<tr><td>\n <p> 1 </p>\n</td><td> <b>2</b> <i>3</i> </td></tr>", True),
    "words-in-cell": ("<tr><td>总 计 数</td><td>a\tb\nc</td></tr>", True),
    "invisible": ("<tr><td>\u200b5</td><td>6\u200b7</td></tr>", True),
    "reference": ("<tr><td>&#49;2</td><td>&ldquo;甲&rdquo;</td></tr>", True),
    "empty-cells": ("<tr><td></td><td><p></p></td><td> </td></tr>", True),
    "implied-end": ("<tr><td><p>a<p>b</td><td>c</td></tr>", True),
    "th-cells": ("<tr><th>甲</th><th colspan=2>乙</th></tr><tr><td>1</td><td>2</td></tr>", True),
    "comment-in-cell": ("<tr><td>1<!-- x -->2</td><td>3</td></tr>", False),
    "comment-in-row": ("<tr><td>1</td><!-- x --><td>3</td></tr>", False),
    "text-between-cells": ("<tr><td>1</td>间<td>3</td></tr>", False),
    "element-between-cells": ("<tr><td>1</td><span>间</span><td>3</td></tr>", False),
    "text-in-row": ("<tr>前<td>1</td><td>3</td></tr>", False),
    "hidden-cell": ('<tr><td style="display:none">1</td><td>3</td></tr>', False),
    "hidden-inside": ("<tr><td>1<span hidden>2</span></td><td>3</td></tr>", False),
    "script-in-cell": ("<tr><td>1<script>var a = 2;</script>3</td><td>4</td></tr>", False),
    "stray-end-tag": ("<tr><td>1</p>2</td><td>3</td></tr>", True),
    "tag-the-parser-drops": ("<tr><td>1<tbody>2</td><td>3</td></tr>", True),
    "stray-start-tag": ("<tr><td>1<body>2</td><td>3</td></tr>", False),
    # A cell whose text is one word in one text node is read in one step; these are not.
    "word-in-a-tail": ("<tr><td><br>5</td><td><b></b>6\n</td></tr>", True),
    "word-over-two-nodes": ("<tr><td><b>1</b>2</td><td>3<i>4</i></td></tr>", True),
    "two-words-two-nodes": ("<tr><td><p>1</p><p>2</p></td><td>3<br><i>4</i></td></tr>", True),
    # These are: deep in the cell, between line breaks, written with a reference.
    "word-deep": ("<tr><td><p><span><b>9</b></span></p></td><td><p>\n8\n</p>\n</td></tr>", True),
    "word-as-reference": ("<tr><td><p>&#49;</p></td><td>&#x32;&#51;</td></tr>", True),
    "word-far-away": ("<tr><td>" + "</b>" * 300 + "7</td><td>8</td></tr>", True),
    "no-cells": ("<tr></tr><tr><td>1</td></tr>", True),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_plain_rows_read_as_the_walk_reads_them(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    row, plain = CASES[name]
    quick, walked, tables, rows = read_both(table(row), monkeypatch)
    assert quick == walked
    at_once = plain and name not in TABLE_WALKED
    assert tables == [at_once]  # a table whose rows are all plain is read at once
    assert rows == ([] if at_once else [True, plain])  # else each row, by itself


#: Cases whose row is plain in a table that is not: libxml2 moves a tbody written in a
#: cell, and the text and cell after it, out of the row into the table.
TABLE_WALKED = {"tag-the-parser-drops"}


def test_plain_row_text_and_places(monkeypatch: pytest.MonkeyPatch) -> None:
    row = "<tr><td><p><span>收到</span></p></td><td>\xa012\xa0</td><td>ab<br>cd</td></tr>"
    html = table(row)
    quick, walked, tables, rows = read_both(html, monkeypatch)
    assert (tables, rows) == ([True], [])
    assert quick == walked
    source = read_html("t.html", html.encode())
    assert source.text == "前言\n项目\t数量\n收到\t12\tab cd\n结语\n"
    received, twelve, ab = (html.index(s) + 1 for s in ("收到", "12", "ab<br>"))
    line = [(o.line, o.column) for o in (source.origin(3, c) for c in range(1, 12))]
    anchor = html.index("<td><p><span>收到") + len("<td>") + 1
    assert line[:4] == [(1, received), (1, received + 1), (1, anchor), (1, twelve)]
    assert line[6:8] == [(1, ab), (1, ab + 1)]
    assert line[9] == (1, ab + len("ab<br>"))  # c of cd
    assert [(c.column, c.span) for c in source.grid[3].cells] == [(0, 1), (1, 1), (2, 1)]


def test_row_with_more_elements_than_a_plain_row_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    depth = html_module._ROW_ELEMENTS + 5
    cell = "<span>" * depth + "7" + "</span>" * depth
    html = table(f"<tr><td>{cell}</td><td>8</td></tr>")
    quick, walked, tables, rows = read_both(html, monkeypatch)
    assert (tables, rows) == ([False], [True, False])
    assert quick == walked
    assert quick[0] == "前言\n项目\t数量\n7\t8\n结语\n"  # type: ignore[index]


def test_too_deep_in_a_cell_is_the_walk_s_error(monkeypatch: pytest.MonkeyPatch) -> None:
    cell = "<span>" * 3 + "7" + "</span>" * 3
    html = table(f"<tr><td>{cell}</td><td>8</td></tr>")
    quick, walked, tables, rows = read_both(html, monkeypatch, Limits(max_html_depth=7))
    assert (tables, rows) == ([False], [True, False])
    assert quick == walked
    assert quick == ("error", "over the limit max-html-depth = 7 (elements nested 8 deep)")


def test_span_over_the_limit_in_a_plain_table(monkeypatch: pytest.MonkeyPatch) -> None:
    html = table("<tr><td>1</td><td colspan=50>2</td></tr>")
    quick, walked, tables, rows = read_both(html, monkeypatch, Limits(max_span=20))
    assert quick == walked
    assert quick == ("error", "over the limit max-span = 20 (colspan=50)")
    assert (tables, rows) == ([], [])  # the error is raised as the table is read


def test_span_over_the_limit_in_a_plain_row(monkeypatch: pytest.MonkeyPatch) -> None:
    html = table("<tr><td>1</td><td colspan=50>2</td></tr>", "<tr>前<td>3</td></tr>")
    quick, walked, tables, rows = read_both(html, monkeypatch, Limits(max_span=20))
    assert quick == walked
    assert quick == ("error", "over the limit max-span = 20 (colspan=50)")
    assert (tables, rows) == ([False], [True])  # raised as the second row is read


#: Whole tables: (the table's content, whether it is read at once).
TABLES = {
    "groups": (
        "<thead><tr><th>项目</th><th>数量</th></tr></thead>"
        "<tbody><tr><td>甲</td><td>1</td></tr><tr><td rowspan=2>乙</td><td>2</td></tr>"
        "<tr><td>3</td></tr></tbody><tfoot><tr><td>合计</td><td>6</td></tr></tfoot>",
        True,
    ),
    "rows-after-a-group": (
        "<tbody><tr><td rowspan=3>甲</td><td>1</td></tr></tbody>"
        "<tr><td>2</td><td>3</td></tr><tr><td>4</td><td>5</td></tr>",
        True,
    ),
    "tfoot-first": (
        "<thead><tr><th>项目</th><th>数量</th></tr></thead><tfoot><tr><td>合计</td><td>6</td></tr>"
        "</tfoot><tbody><tr><td rowspan=9>甲</td><td>1</td></tr><tr><td>5</td></tr></tbody>",
        True,
    ),
    "tfoot-first-walked": (
        "<tfoot><tr><td>合计</td><td>6</td></tr></tfoot><!-- x -->"
        "<tbody><tr><td>甲</td><td>1</td></tr><tr><td>乙</td><td>5</td></tr></tbody>",
        False,
    ),
    "note-marks": (
        "<tr><td>甲</td><td>12<sup>1</sup></td><td>m<sup>2</sup></td></tr>"
        "<tr><td><span>2</span><sup><a>[1]</a><b>x</b></sup><i>6</i></td><td>3 <sub>注</sub>4</td>"
        "<td><sup>5</sup>7<sup>8</sup></td></tr>",
        True,
    ),
    "empty-groups": ("<tbody></tbody><tr><td>1</td><td>2</td></tr><tbody>\n</tbody>", True),
    "empty-rows": ("<tr></tr><tr><td>1</td><td>2</td></tr><tr>\n</tr>", True),
    "spaces-everywhere": (
        "\n <tbody>\n <tr>\n <td>\n 1 \n</td>\n <td> 2</td>\n </tr>\n </tbody>\n ",
        True,
    ),
    "last-cell-empty": ("<tr><td>1</td><td>2</td></tr><tr><td>3</td><td></td></tr>", True),
    "caption": ("<caption>表</caption><tr><td>1</td><td>2</td></tr>", False),
    "colgroup": ("<colgroup><col></colgroup><tr><td>1</td><td>2</td></tr>", False),
    "comment-between-rows": ("<tr><td>1</td><td>2</td></tr><!-- x --><tr><td>3</td></tr>", False),
    "text-between-rows": ("<tr><td>1</td><td>2</td></tr>间<tr><td>3</td><td>4</td></tr>", False),
    "text-in-a-group": ("<tbody>前<tr><td>1</td><td>2</td></tr></tbody>", False),
    "hidden-row": ("<tr><td>1</td><td>2</td></tr><tr hidden><td>3</td><td>4</td></tr>", False),
    # Two tags the source's markup split cuts otherwise than libxml2, one for one again
    # by name: a tag left open (libxml2: one cell, with the span, from the second tag's
    # attributes) and an "=" starting an attribute's name (libxml2: a cell more). The
    # first cell's span is in the source's second <td>: a reader that asks lxml only for
    # cells whose own start tag says "span" loses it.
    "tags-cut-otherwise": (
        "<tr><td>a</td><td>b</td><td>c</td></tr>"
        '<tr><td <td colspan=2>1</td><td a="x"="><td>">3</td></tr>',
        True,
    ),
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_plain_tables_read_as_the_walk_reads_them(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    body, plain = TABLES[name]
    html = page(f"<p>前言</p><table>{body}</table><p>结语</p>")
    quick, walked, tables, _ = read_both(html, monkeypatch)
    assert quick == walked
    assert tables == [plain]
    assert quick[0].startswith("前言\n") and quick[0].endswith("结语\n")  # type: ignore[index]


def test_a_plain_table_s_groups_and_grid(monkeypatch: pytest.MonkeyPatch) -> None:
    quick, walked, tables, _ = read_both(page(f"<table>{TABLES['groups'][0]}</table>"), monkeypatch)
    assert (tables, quick == walked) == ([True], True)
    source = read_html("t.html", page(f"<table>{TABLES['groups'][0]}</table>").encode())
    assert source.text == "项目\t数量\n甲\t1\n乙\t2\n3\n合计\t6\n"
    shapes = {
        line: [(c.column, c.span, c.rows) for c in row.cells] for line, row in source.grid.items()
    }
    assert shapes == {
        1: [(0, 1, 1), (1, 1, 1)],
        2: [(0, 1, 1), (1, 1, 1)],
        3: [(0, 1, 2), (1, 1, 1)],
        4: [(1, 1, 1)],
        5: [(0, 1, 1), (1, 1, 1)],
    }
    assert [row.row for row in source.grid.values()] == [0, 1, 2, 3, 4]


#: A table whose tfoot the page writes before its tbody (as HTML 4 wanted it).
FOOT_FIRST = (
    "<table><thead><tr><th>项目</th><th>数量</th></tr></thead>\n"
    "<tfoot><tr><td>合计</td><td>6</td></tr></tfoot>\n"
    "<tbody><tr><td rowspan=3>甲</td><td>1</td></tr><tr><td>5</td></tr></tbody></table>"
)


@pytest.mark.parametrize(
    "html",
    [
        FOOT_FIRST,
        FOOT_FIRST.replace("<tfoot>", "<!-- 表尾 --><tfoot>"),  # read by the walk
        FOOT_FIRST.replace("tfoot>", "TFOOT>").replace("<tbody>", "<TBODY>"),
    ],
)
def test_a_tfoot_is_read_below_the_other_rows(html: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A browser draws a table's tfoot below its other rows wherever the page writes it;
    its rows are read there, numbered in that order, and still lead back to the page."""
    quick, walked, _, _ = read_both(page(html), monkeypatch)
    assert quick == walked
    source = read_html("t.html", page(html).encode())
    assert source.text == "项目\t数量\n甲\t1\n5\n合计\t6\n"
    assert [
        (row.row, [(c.column, c.span, c.rows) for c in row.cells]) for row in source.grid.values()
    ] == [
        (0, [(0, 1, 1), (1, 1, 1)]),
        (1, [(0, 1, 2), (1, 1, 1)]),  # the rowspan ends with its tbody
        (2, [(1, 1, 1)]),
        (3, [(0, 1, 1), (1, 1, 1)]),
    ]
    raw = page(html)
    origin = source.origin(4, 4)  # the 6 of 合计
    assert (origin.line, origin.column) == (2, raw.split("\n")[1].index("6</td>") + 1)


def test_only_the_first_tfoot_moves() -> None:
    html = (
        "<table><tfoot><tr><td>一</td><td>1</td></tr></tfoot><tfoot><tr><td>二</td><td>2</td></tr>"
        "</tfoot><tbody><tr><td>三</td><td>3</td></tr></tbody></table>"
    )
    assert read_html("t.html", page(html).encode()).text == "二\t2\n三\t3\n一\t1\n"
    # The first tfoot is the footer even when empty (CSS 2.1, 17.2): the others stay.
    html = html.replace("<table>", "<table><tfoot></tfoot>")
    assert read_html("t.html", page(html).encode()).text == "一\t1\n二\t2\n三\t3\n"
