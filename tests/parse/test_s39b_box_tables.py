"""Tables drawn with box-drawing characters (│ 规章 │ 0 │ between ├────┼────┤ border
lines), as text converters print them: read as pipe tables, at the file's own lines and
columns. They used to be read as text lines: no table (XG002, every cell missing)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.parse.test_value_cells import _parse, _seed, _truth, _wrong
from tests.rules.helpers import check_text, codes
from xxgk_lint.sources.text import read_text


def _boxed(text: str, light: bool = True) -> str:
    """Seed text with every run of pipe rows drawn as a bordered box table."""
    bar, cross, left, right, rule = (
        ("│", "┼", "├", "┤", "─") if light else ("║", "╬", "╠", "╣", "═")
    )
    out: list[str] = []
    run: list[list[str]] = []

    def flush() -> None:
        if not run:
            return
        width = max(map(len, run))
        line = left + cross.join([rule * 4] * width) + right
        out.append(line)
        for cells in run:
            cells = cells + [""] * (width - len(cells))
            out.append(bar + bar.join(f" {c} " for c in cells) + bar)
            out.append(line)
        run.clear()

    for text_line in text.split("\n"):
        if "|" in text_line:
            cells = [c.strip() for c in text_line.split("|")]
            run.append(cells[:-1] if cells[-1] == "" else cells)
        else:
            flush()
            out.append(text_line)
    flush()
    return "\n".join(out)


def _line_of(text: str, needle: str) -> int:
    return text.split("\n").index(next(x for x in text.split("\n") if needle in x)) + 1


def test_a_box_drawn_table_is_read_as_its_cells() -> None:
    text = _boxed(_seed("000"))
    report = _parse(text)
    cell = report.table("proactive").cell("licensing", "decisions")
    line = _line_of(text, "│ 行政许可 │")
    assert (cell.value, cell.raw) == (Decimal(1493), "1493")
    assert (cell.span.line, cell.span.column) == (line, len("│ 行政许可 │ ") + 1)
    assert _wrong(report, _truth("000"), but={}) == []


def test_a_double_lined_box_table() -> None:
    text = _boxed(_seed("000"), light=False)
    assert _wrong(_parse(text), _truth("000"), but={}) == []


def test_a_changed_cell_of_a_box_table_is_found_where_it_is(tmp_path: Path) -> None:
    text = _boxed(_seed("000")).replace("│ 行政规范性文件 │ 13 │", "│ 行政规范性文件 │ 14 │")
    found = codes(check_text(tmp_path, text), "XG004", "XG002", "XG003")
    assert found == []
    report = _parse(text)
    cell = report.table("proactive").cell("normative_documents", "issued")
    assert (cell.value, cell.span.line) == (Decimal(14), _line_of(text, "│ 行政规范性文件 │"))


def test_a_box_drawn_tables_lines_are_the_files_own_for_snippets() -> None:
    """The table is read as a pipe table, but a finding's snippet shows the file's line,
    its box-drawing characters as they are."""
    text = _boxed(_seed("000"))
    source = read_text("boxed.txt", text.encode("utf-8"))
    line = _line_of(text, "│ 行政许可 │")
    assert source.source_line(line) == text.split("\n")[line - 1]
    assert source.text.split("\n")[line - 1].startswith("| 行政许可 |")
