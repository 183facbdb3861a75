"""Text copied out of a PDF: its page numbers printed bare (``3`` alone on a line at each
page's foot, with or without pdftotext's form feeds) are page furniture, not a table's row
or a paragraph's line; prose cut into short lines at ASCII commas is no CSV table.

Before, the bare number cut the sentence the page broke inside into two paragraphs (and
was read as a row of one value among a table's rows), and wrapped prose ending with a
comma was read as CSV rows: the paragraphs around it lost as rows of a table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.parse.test_value_cells import _parse, _seed, _truth, _wrong
from xxgk_lint.parse.ast import Paragraph
from xxgk_lint.sources import read_source
from xxgk_lint.sources.text import _page_number_lines, _page_starts


def _wrapped(text: str, width: int, page: int, *, feed: bool = False) -> tuple[str, list[int]]:
    """``text`` as a PDF-to-text tool gives it: lines longer than ``width`` (but a table's
    rows) cut, pages of ``page`` lines each ended by its number alone (and, with
    ``feed``, each next page started by a form feed); the lines of the numbers."""
    lines: list[str] = []
    for line in text.split("\n"):
        if "|" in line or "\t" in line or len(line) <= width:
            lines.append(line)
        else:
            lines += [line[i : i + width] for i in range(0, len(line), width)]
    out: list[str] = []
    numbers: list[int] = []
    for number, at in enumerate(range(0, len(lines), page), start=1):
        chunk = lines[at : at + page]
        if feed and number > 1:
            chunk[0] = "\f" + chunk[0]
        out += chunk
        out.append(str(number))
        numbers.append(len(out))
    return "\n".join(out) + "\n", numbers


def _paragraphs(report) -> list[Paragraph]:
    return [b for s in report.sections for b in s.blocks if isinstance(b, Paragraph)]


def test_bare_page_numbers_cut_no_sentence_and_no_table() -> None:
    text, numbers = _wrapped(_seed("000"), 34, 38)
    lines = text.split("\n")
    assert _page_number_lines(text) == numbers
    report = _parse(text)
    assert _wrong(report, _truth("000"), but={}) == []
    joined = [p for p in _paragraphs(report) if "关注订阅“古雷潮”,扩大" in p.text]
    assert len(joined) == 1
    assert not any(p.text.endswith(str(n)) for p in _paragraphs(report) for n in range(1, 9))
    # a value after the page break keeps its line and column
    row = next(i for i, x in enumerate(lines, 1) if x.startswith("行政许可 |"))
    cell = report.table("proactive").cell("licensing", "decisions")
    assert (cell.value, cell.span.line, cell.span.column) == (Decimal(1493), row, 8)


def test_form_feeds_are_the_pages() -> None:
    text, numbers = _wrapped(_seed("001"), 34, 38, feed=True)
    starts = _page_starts(text)
    assert starts == (1, *(n + 1 for n in numbers[:-1]))
    report = _parse(text)
    assert _wrong(report, _truth("001"), but={}) == []
    # the page number 2 printed after 规章 is no value of its row
    assert report.table("proactive").cell("regulations", "issued").value == 0


def test_a_table_of_values_one_per_line_has_no_pages() -> None:
    """Lone numbers in a row (a table written one cell per line) or close together (a
    list) are no page numbers."""
    cells = "\n".join(["行政许可", "3", "行政处罚", "4", "行政强制", "5", "无"])
    assert _page_number_lines(cells) == []
    values = "\n".join(["一、本年新收", *map(str, range(1, 9))] * 3)
    assert _page_number_lines(values) == []
    far = "\n".join(["文字"] * 12 + ["1"] + ["文字"] * 12 + ["7"] + ["文字"] * 12)
    assert _page_number_lines(far) == []  # (not going up by one)
    # a table one cell per line: 行政强制 3 on the first page, 总计 4 hundreds of lines on
    # (pages of some 22 lines before the 3, then one of 400: no pages)
    labels = "\n".join(f"标签{i}" for i in range(400))
    table = "\n".join(["文字"] * 60 + ["行政强制", "3", "第二十条第(八)项", labels, "总计", "4"])
    assert _page_number_lines(table + "\n行政诉讼\n") == []


def _csv(text: str) -> str:
    """The pipe rows of ``text`` as a CSV export writes them (a cell holding a comma
    quoted)."""
    out = []
    for line in text.split("\n"):
        if "|" in line:
            cells = [c.strip() for c in line.split("|")]
            line = ",".join(f'"{c}"' if "," in c else c for c in cells)
        out.append(line)
    return "\n".join(out)


def test_prose_cut_at_ascii_commas_is_no_csv_table() -> None:
    """Seed 001 (ASCII commas) cut at 40 characters, its page chrome's | as commas: the
    lines of the fifth section cut after a comma or before one were read as CSV rows."""
    text = _csv(_wrapped(_seed("001"), 40, 10_000)[0])
    lines = text.split("\n")
    first = next(i for i, x in enumerate(lines, 1) if x.startswith("一是政策解读的形式"))
    assert lines[first].startswith(",未能有效满足")  # (the next line: cut before a comma)
    source = read_source(Path("report.txt"), text.encode("utf-8"))
    assert source.text.split("\n")[first - 1 : first + 1] == lines[first - 1 : first + 1]
    report = _parse(text)
    assert _wrong(report, _truth("001"), but={}) == []
    problems = next(p for p in _paragraphs(report) if p.text.startswith("一是政策解读的形式"))
    assert "多样化解读,未能有效满足" in problems.text and problems.text.endswith("质量瑕疵。")
    assert (problems.span.line, problems.span.column) == (first, 1)
