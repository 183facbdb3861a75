"""A changed cell in an HTML page or a Word file is reported where the user finds it:
the line and column in the HTML source, or the table, row and column in Word."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx

from tests.conftest import FIXTURES
from tests.rules.helpers import check
from xxgk_lint.parse import parse_path


def test_html_cell_changed_in_the_source_is_reported_at_its_total(tmp_path: Path) -> None:
    original = FIXTURES / "html" / "qingshan-jiaotong-2023.html"
    report = parse_path(original)
    applications = report.tables["applications"]
    person = applications.cell("received", "natural_person")
    total = applications.cell("received", "total")
    assert person is not None and total is not None
    text = original.read_bytes().decode("gb18030")
    lines = text.split("\n")
    line = lines[person.span.line - 1]
    at = person.span.column - 1
    assert line[at : at + len(person.raw)] == person.raw
    lines[person.span.line - 1] = line[:at] + str(person.value + 1) + line[at + len(person.raw) :]
    changed = tmp_path / original.name
    changed.write_bytes("\n".join(lines).encode("gb18030"))

    found = {(d.code, d.line, d.column) for d in check(changed, lang="en")}
    assert ("XG201", total.span.line, total.span.column) in found
    total_line = changed.read_bytes().decode("gb18030").split("\n")[total.span.line - 1]
    assert total_line[total.span.column - 1 : total.span.end_column - 1] == total.raw
    xg201 = next(d for d in check(changed) if d.code == "XG201")
    assert (xg201.expected, xg201.actual) == (total.value + 1, total.value)


def test_docx_cell_changed_in_word_is_reported_with_its_table_row_and_column(
    tmp_path: Path,
) -> None:
    original = FIXTURES / "docx" / "qingshan-jiaotong-2023.docx"
    report = parse_path(original)
    person = report.tables["applications"].cell("received", "natural_person")
    total = report.tables["applications"].cell("received", "total")
    assert person is not None and total is not None
    assert total.span.where == "表格 2，第 4 行，第 10 列"
    table, row, column = map(int, re.findall(r"\d+", person.span.where or ""))
    changed = tmp_path / original.name
    shutil.copy(original, changed)
    document = docx.Document(str(changed))
    cell = document.tables[table - 1].rows[row - 1].cells[column - 1]
    assert cell.text == person.raw
    cell.paragraphs[0].runs[0].text = str(person.value + 5)
    document.save(str(changed))

    (xg201,) = [d for d in check(changed) if d.code == "XG201"]
    assert xg201.where == "表格 2，第 4 行，第 10 列"
    assert (xg201.expected, xg201.actual) == (total.value + 5, total.value)
