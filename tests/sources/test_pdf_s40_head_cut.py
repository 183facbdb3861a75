"""A table's head cut by a page break: the row's blank cell placed by both parts
(:mod:`xxgk_lint.sources.pdf_heads`, session 40).

A browser printing 表四 with the page break inside its head leaves the labels that span
the head's rows (行政复议's 结果维持 … 总计) on the first page, and puts the others
(行政诉讼's ten) on the next, over the row. A row with a blank cell was laid out under
the next page's head alone: ten columns for fourteen cells, the row left as it was (14
values for 15 columns, XG003: the whole table unread). Now the pieces of the head the
last page ended in are put with the page's own.
"""

from __future__ import annotations

from tests.sources.pdfs import cjk_pdf, needs_cjk_font
from tests.sources.test_pdf_order import A4, stream
from tests.sources.test_pdf_s39b_heads import _reviews_page
from xxgk_lint.parse import parse_source
from xxgk_lint.parse.serialize import report_to_json
from xxgk_lint.sources.pdf import read_pdf

VALUES: list[str | None] = ["1", "0", "0", None, "1", *"00011", *"00000"]
ROW = "1\t0\t0\t\t1\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0"


def cut(runs: list[tuple[float, float, str, float]], *, number: str = "- 1 -") -> list[bytes]:
    """表四's page cut under its group labels' first line (y 740): the labels above, and
    those of the first five columns (their second lines too), end the first page after a
    paragraph; the rest start the next page, and the first page's number under all."""
    first = [(55.0, 810.0, "本年度行政复议、行政诉讼情况如下：", 10.0)]
    second = []
    for x, y, text, size in runs:
        if y >= 755 or (y >= 720 and x < 210):
            first.append((x, y, text, size))
        else:
            second.append((x, y + 40, text, size))
    first.append((290.0, 40.0, number, 9.0))
    return [stream(first), stream(second)]


def read(pages: list[bytes]):  # type: ignore[no-untyped-def]
    return read_pdf("t.pdf", cjk_pdf(pages, sizes=[A4] * 2, rotate=[0] * 2))


@needs_cjk_font
def test_a_row_under_a_head_cut_by_the_page_break_is_laid_out() -> None:
    source = read(cut(_reviews_page(VALUES)))
    text = source.text.split("\n")
    row = text.index(ROW) + 1
    reviews = report_to_json(parse_source(source))["tables"]["reviews"]
    assert reviews["review"] == {
        "upheld": 1,
        "corrected": 0,
        "other": 0,
        "pending": None,
        "total": 1,
    }
    assert reviews["litigation_direct"] == {
        "upheld": 0,
        "corrected": 0,
        "other": 0,
        "pending": 1,
        "total": 1,
    }
    origin = source.origin(row, 8)  # 行政诉讼's first 结果维持, after the blank
    assert (origin.line, origin.column, origin.where) == (row, 8, "第 2 页")


@needs_cjk_font
def test_a_page_number_under_the_cut_head_is_no_column() -> None:
    """A page number that falls under a column (a piece with a digit) is passed over:
    it would have widened that column over the next one's cells."""
    source = read(cut(_reviews_page(VALUES), number="第 1 页 共 2 页"))
    assert ROW in source.text.split("\n")
