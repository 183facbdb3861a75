"""Markdown tables whose cells hold an HTML line break (| 4.保护第<br>三方合法权益 | 0 |):
a pipe row cannot hold a line end, so a wrapped label is written with ``<br>``. Read as
text, the tag cut a short label's words and the row was lost (XG003 for 4.保护第三方合法
权益 and 1.本机关不掌握相关政府信息); now the tag is a blank inside the label, and every
value keeps its line and column."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.parse.test_value_cells import _parse, _seed, _truth, _wrong
from tests.rules.helpers import check_text

_WRAPPED = {
    "4.保护第三方合法权益": "4.保护第{br}三方合法权益",
    "1.本机关不掌握相关政府信息": "1.本机关不掌{br}握相关政府信息",
    "(七)总计": "(七){br}总计",
}


def _markdown(text: str, br: str) -> str:
    """Seed 000 with its pipe rows enclosed in pipes (| a | b |), an alignment row after
    each table's first row, and some labels wrapped with ``br``."""
    out: list[str] = []
    in_table = False
    for line in text.split("\n"):
        if "|" not in line:
            out.append(line)
            in_table = False
            continue
        cells = [c.strip() for c in line.split("|")]
        cells = cells[:-1] if cells[-1] == "" else cells
        cells = [_WRAPPED.get(c, c).format(br=br) for c in cells]
        out.append("| " + " | ".join(cells) + " |")
        if not in_table:
            out.append("|" + "|".join(["---"] * len(cells)) + "|")
        in_table = True
    return "\n".join(out)


def _line_of(text: str, start: str) -> int:
    lines = text.split("\n")
    return lines.index(next(x for x in lines if x.startswith(start))) + 1


@pytest.mark.parametrize("br", ["<br>", "<br/>", "<BR />"])
def test_labels_wrapped_with_a_line_break_tag_name_their_rows(br: str) -> None:
    text = _markdown(_seed("000"), br)
    row = f"| 4.保护第{br}三方合法权益 | "
    assert row in text
    report = _parse(text)
    assert _wrong(report, _truth("000"), but={}) == []
    cell = report.table("applications").cell("denied.third_party", "natural_person")
    assert (cell.value, cell.span.line, cell.span.column) == (
        Decimal(0),
        _line_of(text, row),
        len(row) + 1,
    )
    cell = report.table("applications").cell("unavailable.not_held", "total")
    row = f"| (四)无法提供 | 1.本机关不掌{br}握相关政府信息 | 10 | 0 | 0 | 0 | 0 | 0 | "
    assert (cell.value, cell.span.line, cell.span.column) == (
        Decimal(10),
        _line_of(text, "| (四)无法提供 |"),
        len(row) + 1,
    )


def test_a_changed_cell_of_a_wrapped_row_is_found_at_its_line_and_column(
    tmp_path: Path,
) -> None:
    text = _markdown(_seed("000"), "<br>")
    row = "| (七)<br>总计 | "
    text = text.replace(row + "11 |", row + "12 |")
    result = check_text(tmp_path, text)
    found = [(f.code, f.line, f.column, f.expected, f.actual) for f in result.diagnostics]
    assert found == [("XG202", _line_of(text, row), len(row) + 1, 11, 12)]
