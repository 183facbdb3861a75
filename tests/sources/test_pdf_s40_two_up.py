"""A report printed two pages to a sheet (2-up), a page drawn out of order
(pdf._sheet_cuts, session 40).

Such a sheet draws each page as a form object, side by side. A sheet drawn out of order
(here its first page's lines bottom-up) is laid out from its pieces' places; the page
beside a page mostly of a table's numbers was not told apart from it (a block of numbers
is read across with its labels), and the two pages' lines were mixed, line by line. Now
the sheet is cut between its pages' form objects.
"""

from __future__ import annotations

from tests.sources.pdfs import TABLE_ONE, cjk_pdf, two_up
from tests.sources.test_pdf_order import A4, LINES, PROSE, stream
from xxgk_lint.parse.builder import parse_source
from xxgk_lint.sources.pdf import read_pdf

#: Table 一 at the top of the second page: its lines beside the first page's.
TABLE = [(x, y + 90, text) for x, y, text in TABLE_ONE]


def sheet() -> bytes:
    """Prose drawn bottom-up on the first page, table 一 on the second, on one sheet."""
    pages = [stream(PROSE[::-1]), stream(TABLE)]
    return two_up(cjk_pdf(pages, sizes=[A4] * 2, rotate=[0] * 2))


def test_the_pages_of_a_sheet_are_read_one_after_the_other() -> None:
    assert read_pdf("t.pdf", sheet()).text.splitlines() == LINES


def test_the_tables_cells_are_read_on_the_sheet() -> None:
    source = read_pdf("t.pdf", sheet())
    cell = parse_source(source).tables["proactive"].cell("normative_documents", "in_force")
    assert (cell.value, cell.span.line, cell.span.column, cell.span.where) == (21, 7, 14, "第 1 页")


def test_a_page_drawn_in_order_on_a_sheet() -> None:
    pages = [stream(PROSE), stream(TABLE)]
    data = two_up(cjk_pdf(pages, sizes=[A4] * 2, rotate=[0] * 2))
    assert read_pdf("t.pdf", data).text.splitlines() == LINES
