"""Text and Markdown reports whose tables are HTML ``<table>`` blocks (sources.text_tables):
what PDF-to-Markdown converters write for tables with merged cells."""

from __future__ import annotations

import html
from pathlib import Path

from tests.conftest import FIXTURES
from xxgk_lint.parse import parse_path
from xxgk_lint.sources import read_source

CLEAN = FIXTURES / "samples" / "clean-pipe.txt"


def _as_html_tables(text: str) -> str:
    """``text`` with each run of pipe rows written as one ``<table>`` block, a row per
    line (the applications table's 三、本年度办理结果 label spanning the rows to （七）总计)."""
    out: list[str] = []
    rows: list[list[str]] = []

    def close() -> None:
        if not rows:
            return
        out.append('<table border="1">')
        labels = [cells[0] for cells in rows]
        for cells in rows:
            tds = "".join(f"<td>{html.escape(c)}</td>" for c in cells)
            if cells[0] == "三、本年度办理结果":  # (the rows under it leave its cell out)
                run = labels.index("（七）总计") - labels.index(cells[0]) + 1
                tds = tds.replace("<td>", f'<td rowspan="{run}">', 1)
            out.append(f"<tr>{tds}</tr>")
        out.append("</table>")
        rows.clear()

    for line in text.split("\n"):
        if " | " in line or line.endswith("|"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
        else:
            close()
            out.append(line)
    close()
    return "\n".join(out)


def test_html_tables_in_markdown_are_read_as_tables(tmp_path: Path) -> None:
    text = _as_html_tables(CLEAN.read_text(encoding="utf-8"))
    assert text.count("<table") == 3 and "rowspan" in text
    path = tmp_path / "mineru.md"
    path.write_text("# " + text.replace("一、总体情况", "## 一、总体情况"), encoding="utf-8")
    report, clean = parse_path(path), parse_path(CLEAN)
    assert report.format.version == "2021"
    for key in ("proactive", "applications", "reviews"):
        values = [[(c.column, c.value) for c in row.cells] for row in report.tables[key]]
        assert values == [[(c.column, c.value) for c in row.cells] for row in clean.tables[key]]
    # A cell's place is its digits in the file: the line of its <td>, the column after ">".
    lines = path.read_text(encoding="utf-8").split("\n")
    cell = report.tables["applications"].cell("granted", "natural_person")
    assert cell is not None and cell.value == 4
    line = lines[cell.span.line - 1]
    assert line.startswith('<tr><td rowspan="22">三、本年度办理结果</td><td>（一）予以公开</td>')
    assert line[cell.span.column - 5 : cell.span.column + 5] == "<td>4</td>"
    # The prose keeps its lines and columns.
    overview = report.section("overview")
    assert overview is not None
    assert (overview.span.line, overview.span.column) == (3, 1)  # (## 一、总体情况)


def test_a_table_word_in_a_sentence_leaves_the_text_as_it_is(tmp_path: Path) -> None:
    text = CLEAN.read_text(encoding="utf-8").replace(
        "均在法定期限内答复。", "均在法定期限内答复（见<table>标签说明）。"
    )
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    source = read_source(path)
    assert source.positions is None and source.text == text
