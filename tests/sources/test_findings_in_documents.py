"""A changed cell in an HTML page or a Word file is reported where the user finds it:
the line and column in the HTML source, or the table, row and column in Word — at the
changed cell itself, once (one wrong cell, one finding: it breaks the row-sum of row 一 and
the balance of its column, and is reported by the balance, the rule of its column)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx

from tests.conftest import FIXTURES
from tests.rules.helpers import check
from xxgk_lint.parse import parse_path


def test_html_cell_changed_in_the_source_is_reported_at_that_cell(tmp_path: Path) -> None:
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

    found = [(d.code, d.line, d.column) for d in check(changed, lang="en") if d.code < "XG3"]
    assert found == [("XG203", person.span.line, person.span.column)]
    person_line = changed.read_bytes().decode("gb18030").split("\n")[person.span.line - 1]
    assert person_line[at : at + len(str(person.value + 1))] == str(person.value + 1)
    (xg203,) = [d for d in check(changed) if d.code == "XG203"]
    assert (xg203.expected, xg203.actual) == (person.value, person.value + 1)
    assert "row-sum" not in {d.name for d in check(changed)}


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

    (xg203,) = [d for d in check(changed) if d.code == "XG203"]
    assert xg203.where == person.span.where == f"表格 2，第 4 行，第 {column} 列"
    assert (xg203.expected, xg203.actual) == (person.value, person.value + 5)
    assert "XG201" not in {d.code for d in check(changed)}
