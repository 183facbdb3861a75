"""A PDF table's blank cell placed by the table's head (:mod:`xxgk_lint.sources.pdf_heads`).

A browser printing a web page sizes a table's columns by their labels: columns of unequal
width, so a lone row (表四) with a blank cell cannot be read by its gaps, and a table whose
every row has a blank cell has no fuller row to lay its rows under. The head above stands
over the columns (a narrow column's label wrapped over lines); each row is laid out under
it where every cell is under exactly one column's label, in order.

The PDFs are built byte by byte (Helvetica, ASCII labels, each piece its own text object),
two lines of prose above the table (the second ends in a colon, as the sentence before a
table does).
"""

from __future__ import annotations

from tests.sources.pdfs import cjk_pdf, needs_cjk_font, placed_pdf
from tests.sources.test_pdf_order import A4, stream
from xxgk_lint.sources.pdf import read_pdf

Runs = list[tuple[float, float, str]]
#: A head of seven columns of unequal width: each label's x (its left), two wrapped over
#: two lines in a narrow column ("Pen" over "ding", "To" over "tal").
HEAD = [
    (60, "Upheld"),
    (110, "Fixed"),
    (150, "Other"),
    (200, "Pen"),
    (235, "To"),
    (270, "Up"),
    (300, "Fix"),
]
UNDER = {200: "ding", 235: "tal"}  # the wrapped labels' second lines
PROSE: Runs = [(60, 780, "Section four: reviews and lawsuits"), (60, 765, "As follows:")]


def table(rows: list[tuple[str, list[str | None]]], top: float = 740.0) -> Runs:
    """The head at ``top`` (its wrapped labels' rest 12 pt below) and each row 20 pt under
    the last: its label at x=20, each cell at 3 pt right of its column's label."""
    runs: Runs = [(x, top, text) for x, text in HEAD]
    runs += [(x, top - 12, text) for x, text in UNDER.items()]
    y = top - 32
    for label, cells in rows:
        if label:
            runs.append((20, y, label))
        runs += [(x + 3, y, c) for (x, _), c in zip(HEAD, cells, strict=True) if c is not None]
        y -= 20
    return runs


def lines(pages: list[Runs]) -> list[str]:
    return read_pdf("t.pdf", placed_pdf(pages)).text.split("\n")


def test_a_lone_row_is_laid_out_under_its_head() -> None:
    """Uneven gaps (before: "1 0 2 3 4", 14 values for 15 columns in a report's 表四);
    a blank cell in the middle and one at the end, which no gap could show."""
    text = lines([PROSE + table([("", ["1", None, "0", "2", "3", "4", None])])])
    assert text[2:5] == ["Upheld Fixed Other Pen To Up Fix", "ding tal", "1\t\t0\t2\t3\t4\t"]


def test_rows_that_all_have_a_blank_cell() -> None:
    """No row is full, and the fullest has a blank cell of its own: each row is laid out
    under the head, not under the fullest row (which would put one blank where two are)."""
    rows: list[tuple[str, list[str | None]]] = [
        ("Aa", ["1", "2", "3", "4", "5", "6", None]),
        ("Bb", [None, "2", "3", None, "5", "6", "7"]),
        ("Cc", ["1", "2", None, "4", "5", "6", "7"]),
    ]
    text = lines([PROSE + table(rows)])
    assert text[4:7] == [
        "Aa\t1\t2\t3\t4\t5\t6\t",
        "Bb\t\t2\t3\t\t5\t6\t7",
        "Cc\t1\t2\t\t4\t5\t6\t7",
    ]


def test_positions_are_those_of_the_text_shown() -> None:
    source = read_pdf(
        "t.pdf", placed_pdf([PROSE + table([("Aa", ["1", "2", None, "4", "5", "6", "9"])])])
    )
    line = source.text.split("\n")[4]
    assert line == "Aa\t1\t2\t\t4\t5\t6\t9"
    origin = source.origin(5, line.index("9") + 1)
    assert (origin.line, origin.column, origin.where) == (5, 15, "第 1 页")


def test_a_cell_under_no_label_is_left_alone() -> None:
    """A cell standing between two columns' labels (under neither) is not known: the row
    is left as PDFium gives it."""
    runs = PROSE + table([("Aa", ["1", "2", "3", None, None, "6", "7"])])
    runs.append((226, 708, "8"))  # between "Pen" (200-217) and "To" (235-246)
    text = lines([runs])
    assert text[4] == "Aa 1 2 3 8 6 7"


def test_a_table_cut_by_the_page_break_keeps_its_head() -> None:
    """The rows at the top of the next page (no prose above them) are laid out under the
    head of the table the last page ended in; a page whose first table has prose above
    it does not take the last page's head."""
    first = PROSE + table([("Aa", ["1", "2", "3", "4", "5", "6", None])])
    rest: Runs = [
        (20, 780, "Bb"),
        *((x + 3, 780, c) for (x, _), c in zip(HEAD, "1234", strict=False)),
    ]
    rest += [(x + 3, 780, c) for (x, _), c in zip(HEAD[5:], "67", strict=True)]
    text = lines([first, rest])
    assert text[4:6] == ["Aa\t1\t2\t3\t4\t5\t6\t", "Bb\t1\t2\t3\t4\t\t6\t7"]
    after_prose: Runs = [(60, 800, "Another table follows:"), *rest]
    assert lines([first, after_prose])[5:7] == ["Another table follows:", "Bb 1 2 3 4 6 7"]


# --------------------------------------------------------------------------- 表四, parsed

#: 表四 as Chromium prints a web page's table (9 pt; fifteen columns, 总计's narrower):
#: each label broken over two lines in its narrow column, the row's numbers centred.
_LEFTS = [
    40.4,
    80.1,
    119.7,
    159.3,
    199.4,
    221.7,
    261.3,
    300.9,
    340.6,
    380.7,
    402.9,
    442.6,
    482.2,
    521.8,
    561.9,
]
_LABELS = [("结果维", "持"), ("结果纠", "正"), ("其他结", "果"), ("尚未审", "结"), ("总", "计")]


def _reviews_page(values: list[str | None]) -> list[tuple[float, float, str, float]]:
    runs = [
        (55.0, 790.0, "四、政府信息公开行政复议、行政诉讼情况", 10.0),
        (106.7, 770.0, "行政复议", 9.0),
        (378.6, 770.0, "行政诉讼", 9.0),
        (270.0, 755.0, "未经复议直接起诉", 9.0),
        (464.7, 755.0, "复议后起诉", 9.0),
    ]
    for k, left in enumerate(_LEFTS):
        top, rest = _LABELS[k % 5]
        runs.append((left, 740.0, top, 9.0))
        runs.append((left + 9 * (len(top) - len(rest)) / 2, 726.0, rest, 9.0))
    for k, value in enumerate(values):
        if value is not None:
            width = 9 * len(_LABELS[k % 5][0])
            runs.append((_LEFTS[k] + width / 2 - 2.5, 700.0, value, 10.0))
    runs.append((55.0, 670.0, "五、存在的主要问题及改进情况", 10.0))
    return runs


@needs_cjk_font
def test_a_reviews_row_with_a_blank_cell_is_read() -> None:
    """Before: the row read "1 0 0 1 0 0 0 1 1 0 0 0 0 0", 14 values for 15 columns
    (XG003), the whole table unread; now 行政复议 尚未审结 is blank and the rest read."""
    from xxgk_lint.parse import parse_source
    from xxgk_lint.parse.serialize import report_to_json

    values: list[str | None] = [
        "1",
        "0",
        "0",
        None,
        "1",
        "0",
        "0",
        "0",
        "1",
        "1",
        "0",
        "0",
        "0",
        "0",
        "0",
    ]
    data = cjk_pdf([stream(_reviews_page(values))], sizes=[A4], rotate=[0])
    source = read_pdf("t.pdf", data)
    text = source.text.split("\n")
    row = text.index("1\t0\t0\t\t1\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0") + 1
    report = report_to_json(parse_source(source))
    reviews = report["tables"]["reviews"]
    assert reviews["review"] == {
        "upheld": 1,
        "corrected": 0,
        "other": 0,
        "pending": None,
        "total": 1,
    }
    assert reviews["litigation_direct"]["pending"] == 1
    origin = source.origin(row, 8)  # the cell after the blank: "1" (行政诉讼's 结果维持)
    assert (origin.line, origin.column, origin.where) == (row, 8, "第 1 页")
    assert text[row - 1][7] == "1"
