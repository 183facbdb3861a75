"""Tables 二 and 三 as text that keeps each visual line of a PDF (``pdftotext -layout``)
printed from a table whose label cells are narrow (Word's or WPS's template): each label
wraps in its own cell, so a line holds, side by side, a piece of 三、本年度办理结果, one of
the group label (（三）不予公开) and one of the row's label (4.保护第三 / 方合法权益), the
group labels top-aligned, centred or bottom-aligned in their rows, as are the numbers."""

from __future__ import annotations

import re
import unicodedata

import pytest

from tests.conftest import ROOT
from xxgk_lint.parse.ast import Report
from xxgk_lint.testing import parse_text, run_rule

CLEAN = (ROOT / "tests/rules/cases/reports/clean.txt").read_text(encoding="utf-8")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_GROUPS = (
    "三、本年度办理结果",
    "（三）不予公开",
    "（四）无法提供",
    "（五）不予处理",
    "（六）其他处理",
)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrap(text: str, chars: int) -> list[str]:
    """``text`` broken as a cell ``chars`` wide characters wide breaks it."""
    out, piece = [], ""
    for char in text:
        if piece and _width(piece + char) > chars * 2:
            out.append(piece)
            piece = ""
        piece += char
    return [*out, piece] if piece else out


def _pad(text: str, chars: int) -> str:
    return text + " " * max(1, chars * 2 + 1 - _width(text))


def _distinct(text: str) -> str:
    """``text`` with each row of tables 二 and 三 holding numbers of its own (a row read
    as another then shows), row by row."""
    out, count = [], 0
    for line in text.split("\n"):
        cells = line.split("|")
        if len(cells) > 2 and any(_NUMBER.fullmatch(c.strip()) for c in cells):
            count += 1
            cells = [
                f" {count * 10 + at} " if _NUMBER.fullmatch(c.strip()) else c
                for at, c in enumerate(cells)
            ]
            line = "|".join(cells)
        out.append(line)
    return "\n".join(out)


def _place(slots: int, pieces: int, align: str) -> int:
    """Where ``pieces`` lines start among ``slots`` lines, aligned top, centre or bottom."""
    free = max(0, slots - pieces)
    return {"top": 0, "center": free // 2, "bottom": free}[align]


def _applications(rows: list[list[str]], widths: tuple[int, int, int], align: str) -> list[str]:
    """Table 三's rows (label cells, then numbers) as layout lines: 三、本年度办理结果 in a
    column ``widths[0]`` characters wide, group labels in one ``widths[1]`` wide, row
    labels in one ``widths[2]`` wide (a row without a group spans the two)."""
    w0, w1, w2 = widths
    grid: list[list[str]] = []  # per line: block piece, group piece, label piece, numbers
    groups: list[tuple[str, int, int]] = []  # (label, first line, lines)
    block_start = None
    for cells in rows:
        labels = [c for c in cells if not _NUMBER.fullmatch(c)]
        numbers = "".join(c.rjust(8) for c in cells if _NUMBER.fullmatch(c))
        label = labels[-1]
        if label.startswith(("一、", "二、", "四、")):
            pieces, column = _wrap(label, w0 + w1 + w2 + 1), 0
        elif label.startswith(("（一）", "（二）", "（七）")):
            pieces, column = _wrap(label, w1 + w2), 1
        else:
            pieces, column = _wrap(label, w2), 2
        first = len(grid)
        for piece in pieces:
            line = ["", "", "", ""]
            line[column] = piece
            grid.append(line)
        grid[first + _place(len(pieces), 1, align)][3] = numbers
        if labels[0] in _GROUPS[1:]:
            groups.append((labels[0], first, 0))
        if labels[0] == _GROUPS[0]:
            block_start = first
        if groups and column == 2:  # (a group's rows: those after it with labels of their own)
            name, start, _ = groups[-1]
            groups[-1] = (name, start, len(grid) - start)
    block_end = next(i for i, line in enumerate(grid) if line[1].startswith("（七）")) + 1
    assert block_start is not None
    spread = [(_GROUPS[0], block_start, block_end - block_start, 0, w0)]
    spread += [(name, start, count, 1, w1) for name, start, count in groups]
    for name, start, count, column, chars in spread:
        pieces = _wrap(name, chars)
        at = start + _place(count, len(pieces), align)
        for offset, piece in enumerate(pieces):
            grid[at + offset][column] = piece
    out = []
    for block, group, label, numbers in grid:
        if block and not group and not label and _width(block) > w0 * 2:  # (spans all three)
            out.append(("    " + _pad(block, w0 + w1 + w2 + 1) + numbers).rstrip())
        elif group.startswith(("（一）", "（二）", "（七）")) or (
            group and label == "" and numbers
        ):
            out.append(("    " + _pad(block, w0) + _pad(group, w1 + w2) + numbers).rstrip())
        else:
            line = "    " + _pad(block, w0) + _pad(group, w1) + _pad(label, w2) + numbers
            out.append(line.rstrip())
    return out


def _proactive(rows: list[list[str]], width: int, align: str) -> list[str]:
    """Table 二's lines (block headers, header lines, rows) with the first column's cells
    ``width`` characters wide."""
    out = []
    for cells in rows:
        if len(cells) == 1:  # a block's header: 第二十条第（一）项
            out.append(" " * 24 + cells[0])
            continue
        pieces = _wrap(cells[0], width)
        rest = "".join(_pad(c, 14) for c in cells[1:]).rstrip()
        at = _place(len(pieces), 1, align)
        out += [
            ("    " + _pad(p, width) + (rest if i == at else "")).rstrip()
            for i, p in enumerate(pieces)
        ]
    return out


def layout(text: str, widths: tuple[int, int, int], align: str, page: int | None = None) -> str:
    """``text`` (| rows) with tables 二 and 三 as ``pdftotext -layout`` prints them from
    narrow cells, table 二's label column ``widths[2]`` wide; a page footer after line
    ``page`` of table 三 when given."""
    lines = text.split("\n")
    start2 = next(i for i, t in enumerate(lines) if t.startswith("第二十条第（一）项"))
    end2 = next(i for i, t in enumerate(lines) if t.startswith("行政事业性收费")) + 1
    head3 = next(i for i, t in enumerate(lines) if t.startswith("（本列数据"))
    start3 = next(i for i, t in enumerate(lines) if t.startswith("一、本年新收"))
    end3 = next(i for i, t in enumerate(lines) if t.startswith("四、结转下年度")) + 1

    def cells(line: str) -> list[str]:
        return [c.strip() for c in line.split("|") if c.strip()]

    table2 = _proactive([cells(t) for t in lines[start2:end2]], widths[2], align)
    indent = " " * (4 + (sum(widths) + 1) * 2)
    table3 = [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        indent + "申请人情况",
        indent + "自然人    法人或其他组织                                    总计",
        indent + "          商业企业  科研机构  社会公益组织  法律服务机构  其他",
        *_applications([cells(t) for t in lines[start3:end3]], widths, align),
    ]
    if page is not None:
        table3[page:page] = [" " * 40 + "- 3 -", "某某市人民政府门户网站"]
    return "\n".join([*lines[:start2], *table2, *lines[end2:head3], *table3, *lines[end3:]])


def _values(report: Report, table: str) -> dict[str, tuple[object, ...] | None]:
    out: dict[str, tuple[object, ...] | None] = {}
    for row in report.tables[table].rows:
        out[row.key] = tuple(row.value(c) for c in row.columns) if row.cells else None
    return out


DISTINCT = _distinct(CLEAN)
EXPECTED = parse_text(DISTINCT)


@pytest.mark.parametrize("align", ["top", "center", "bottom"])
@pytest.mark.parametrize(
    "widths",
    [
        (1, 4, 5),
        (2, 2, 5),
        (2, 3, 6),
        (2, 4, 4),
        (3, 4, 7),
        (4, 4, 8),
        (2, 5, 3),
        (4, 8, 6),
        (2, 3, 2),
    ],
)
def test_side_by_side_label_pieces_are_read_as_their_rows(
    widths: tuple[int, int, int], align: str
) -> None:
    text = layout(DISTINCT, widths, align)
    report = parse_text(text)
    for table in ("proactive", "applications"):
        assert _values(report, table) == _values(EXPECTED, table), (table, text)


@pytest.mark.parametrize("page", [30, 37, 44])
@pytest.mark.parametrize("align", ["top", "center"])
def test_side_by_side_label_pieces_across_a_page_break(align: str, page: int) -> None:
    report = parse_text(layout(DISTINCT, (2, 3, 5), align, page))
    assert _values(report, "applications") == _values(EXPECTED, "applications")


def test_a_leaf_label_beside_its_centred_group_label_is_no_missing_row() -> None:
    """The reviewer's shape: （三）不予公开 centred in its rows, on the line of the second
    piece of 4.保护第三 / 方合法权益 — the row is read, no XG003."""
    text = layout(DISTINCT, (4, 8, 5), "center")
    assert "（三）不予公开   方合法权益" in text
    report = parse_text(text)
    assert run_rule("XG003", report) == []
    row = report.tables["applications"].row("denied.third_party")
    assert row is not None and row.value("natural_person") == 141


def raw(text: str, chars: int) -> str:
    """``text`` with table 三 as ``pdftotext -raw`` prints narrow cells whose numbers
    stand centred: a label's first pieces, then each number on a line of its own, then
    the rest of its pieces (a group label's pieces before its first row's)."""
    lines = text.split("\n")
    start = next(i for i, t in enumerate(lines) if t.startswith("一、本年新收"))
    end = next(i for i, t in enumerate(lines) if t.startswith("四、结转下年度")) + 1
    out = []
    for line in lines[start:end]:
        cells = [c.strip() for c in line.split("|") if c.strip()]
        labels = [c for c in cells if not _NUMBER.fullmatch(c)]
        numbers = [c for c in cells if _NUMBER.fullmatch(c)]
        for label in labels[:-1]:
            out += _wrap(label, chars)
        pieces = _wrap(labels[-1], chars)
        half = (len(pieces) + 1) // 2
        out += [*pieces[:half], *numbers, *pieces[half:]]
    return "\n".join([*lines[:start], *out, *lines[end:]])


@pytest.mark.parametrize("chars", [3, 4, 5])
def test_a_label_goes_on_after_its_numbers_each_on_a_line(chars: int) -> None:
    """The rest of a label after its row's numbers, one per line (3.要求 / 提供公 / 7 / 5 /
    … / 开出版 / 物), is the label's, however many lines the numbers take."""
    report = parse_text(raw(DISTINCT, chars))
    assert _values(report, "applications") == _values(EXPECTED, "applications")


@pytest.mark.parametrize("align", ["top", "center"])
def test_a_block_header_is_no_piece_of_the_label_before_it(align: str) -> None:
    """Table 二's first column two characters wide: 行政 | 规范 | 性文 | 件 then the next
    block's header (第二十条第（五）项) and 行政 | 许可 — the header ends 行政规范性文件, so
    行政许可 keeps its row."""
    text = layout(DISTINCT, (2, 3, 2), align)
    assert "\n    行政 31" in text and "\n    许可" in text
    report = parse_text(text)
    assert _values(report, "proactive") == _values(EXPECTED, "proactive")
    assert report.tables["proactive"].row("licensing") is not None
