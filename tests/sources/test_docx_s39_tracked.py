"""A table row deleted with change tracking on is not read, even when only the row is
marked deleted (w:trPr/w:del) and its runs are not."""

from __future__ import annotations

import docx
from docx.oxml.ns import nsdecls

from tests.sources.test_docx import read_built, word_table
from xxgk_lint.sources.model import GridCell, GridRow

W = nsdecls("w")
DELETED = '<w:trPr><w:del w:id="9" w:author="张三" w:date="2024-01-10T00:00:00Z"/></w:trPr>'


def tr(*texts: str, props: str = "") -> str:
    cells = "".join(f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>" for t in texts)
    return f"<w:tr>{props}{cells}</w:tr>"


def test_a_row_marked_deleted_is_counted_but_not_read() -> None:
    document = docx.Document()
    word_table(
        document,
        f"<w:tbl {W}><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        + tr("信息内容", "本年处理决定数量")
        + tr("行政处罚", "154", props=DELETED)  # last year's figure, deleted
        + tr("行政处罚", "147")
        + "</w:tbl>",
    )
    source = read_built(document)
    assert source.text.split("\n") == ["信息内容\t本年处理决定数量", "行政处罚\t147", ""]
    # Word (showing the markup) shows the deleted row: the row after it is row 3.
    assert source.grid[2] == GridRow(0, 2, (GridCell(0), GridCell(1)))
    assert source.origin(2, 6).where == "表格 1，第 3 行，第 2 列"
