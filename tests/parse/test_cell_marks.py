"""Cells the grammar's number and placeholder terminals alone do not read, as the format
model (format/document.py) says to: a row of marks (…, ×, −) is a row in every layout; 〇,
零 and ○ alone are 0; a count with its unit (1493件) is the count, an amount with its unit
(12.35万元, 300元) the amount in that unit; zero-width characters copied from a web page
are no part of a number. Seed 000 read in each layout, against its truth."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.engine.reportkit import CLEAN, edit
from tests.parse.test_layouts import spaced
from tests.parse.test_value_cells import (
    _html,
    _one_per_line,
    _parse,
    _seed,
    _tabs,
    _truth,
    _uncertain,
    _wrong,
)
from tests.rules.helpers import check_text, codes
from xxgk_lint.format.document import BLANK_DASHES, UNIT_AFTER
from xxgk_lint.format.f2021 import APPLICANTS
from xxgk_lint.format.terminals import placeholder_pattern
from xxgk_lint.parse.grammar import get_parser
from xxgk_lint.testing import parse_text

_ROW = "2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||"
_KEY = ("applications", "denied.prohibited_by_law")
_COLUMNS = APPLICANTS  # (table 三's columns, 总计 last)
#: Each layout: how seed 000 (| rows) is turned into it, and the file name.
_LAYOUTS = {
    "pipe": (lambda t: t, "report.txt"),
    "tab": (_tabs, "report.txt"),
    "lines": (_one_per_line, "report.txt"),
    "html": (_html, "report.html"),
}


def _with_row(mark: str, trailing: str = "") -> str:
    """Seed 000 with every cell of 2.其他法律行政法规禁止公开 ``mark``, ``trailing`` after
    its last cell (blank fields after it kept the row a row before)."""
    text = _seed("000")
    assert _ROW in text
    row = "2.其他法律行政法规禁止公开 | " + " | ".join([mark] * 7) + trailing
    return text.replace(_ROW, row)


def _row_cells(mark: str, layout: str, trailing: str = "") -> list[tuple[str, str, object]]:
    """The row's cells (raw, kind, value) read in ``layout``; every other value as the
    truth says, no row left uncertain."""
    relay, name = _LAYOUTS[layout]
    report = _parse(relay(_with_row(mark, trailing)), name)
    truth = _truth("000")
    value = 0 if mark in ("〇", "零", "○") else None
    assert _wrong(report, truth, but={(*_KEY, c): value for c in _COLUMNS}) == []
    assert _uncertain(report) == []
    table = report.table(_KEY[0])
    cells = [table.cell(_KEY[1], column) for column in _COLUMNS]
    return [(cell.raw, cell.kind, cell.value) for cell in cells]


@pytest.mark.parametrize("layout", _LAYOUTS)
@pytest.mark.parametrize("mark", ["…", "……", "～", "*", "×", "\\", "O"])
def test_a_row_of_stray_marks_is_a_row_of_text_cells(mark: str, layout: str) -> None:
    """A mark of no one meaning in every cell: the row is the table's (its label and the
    table's shape say so), each cell text (XG004), not a label line and a lost row."""
    assert _row_cells(mark, layout) == [(mark, "text", None)] * 7


@pytest.mark.parametrize("layout", _LAYOUTS)
@pytest.mark.parametrize("mark", ["−", "‒", "‐", "﹣", "ー", "−−", "——"])
def test_a_row_of_minus_like_dashes_is_a_row_of_blank_marks(mark: str, layout: str) -> None:
    """Word's minus (U+2212), the figure dash, the hyphen U+2010, the small hyphen-minus and
    the long-vowel mark are dashes, as — and - are: placeholders."""
    assert _row_cells(mark, layout) == [(mark, "placeholder", None)] * 7


@pytest.mark.parametrize("layout", ["pipe", "tab"])
@pytest.mark.parametrize("trailing", [" |", " | ||"])
def test_a_row_of_marks_with_blank_fields_after_it_is_a_row(trailing: str, layout: str) -> None:
    assert _row_cells("×", layout, trailing) == [("×", "text", None)] * 7
    assert _row_cells("−", layout, trailing) == [("−", "placeholder", None)] * 7


@pytest.mark.parametrize("layout", _LAYOUTS)
@pytest.mark.parametrize("word", ["〇", "零", "○"])
def test_zero_written_as_a_word_is_0(word: str, layout: str) -> None:
    """〇 and 零 are the numeral zero, ○ the circle input methods give for 〇: in a count
    cell they can only mean 0 (the row's sums then check)."""
    assert _row_cells(word, layout) == [(word, "number", 0)] * 7


@pytest.mark.parametrize("layout", ["pipe", "tab", "lines"])
def test_zero_as_a_word_in_one_cell_and_in_the_fee_column(layout: str) -> None:
    text = _seed("000").replace("规章 | 0 | 0 | 0 |", "规章 | 0 | 零 | 0 |")
    text = text.replace("行政事业性收费 | 1071 |", "行政事业性收费 | 〇 |")
    relay, name = _LAYOUTS[layout]
    report = _parse(relay(text), name)
    assert _wrong(report, _truth("000"), but={("proactive", "fees", "amount"): 0}) == []
    table = report.table("proactive")
    assert (table.cell("regulations", "repealed").raw, table.amount("fees", "amount")) == ("零", 0)


def test_a_row_of_marks_is_reported_once_as_xg004_not_as_a_missing_row(tmp_path: Path) -> None:
    """Tab rows: XG004 at the row's first cell, no XG003 for 2.其他法律行政法规禁止公开."""
    text = _tabs(_with_row("×"))
    line = text.split("\n").index(next(x for x in text.split("\n") if "2.其他法律" in x)) + 1
    found = codes(check_text(tmp_path, text), "XG003", "XG004")
    assert found == [("XG004", line, len("2.其他法律行政法规禁止公开") + 2)]


# --- a unit after the number ----------------------------------------------------------


def _with_units(text: str, unit: str) -> str:
    """Every count of tables 三 and 四 and table 二's 行政许可 … 行政强制 with ``unit`` after it."""
    out = []
    for line in text.split("\n"):
        cells = line.split("|")
        if len(cells) > 2 and not line.startswith(("规章", "行政规范性文件", "行政事业性收费")):
            cells = [f" {c.strip()}{unit} " if c.strip().isdigit() else c for c in cells]
        out.append("|".join(cells))
    return "\n".join(out)


@pytest.mark.parametrize("layout", _LAYOUTS)
@pytest.mark.parametrize("unit", ["件", "项", "个", "（件）", "次", "人次", "份", "条", "起", "宗"])
def test_a_count_with_its_unit_is_the_count(unit: str, layout: str) -> None:
    """1493件, 0件, 3项, 2个, 9次, 3人次, 3份, 2起: the number (in one cell per line, tables
    三 and 四 are kept)."""
    text = _with_units(_seed("000"), unit)
    assert f"行政许可 | 1493{unit} |" in text and f"| 11{unit} |" in text
    relay, name = _LAYOUTS[layout]
    report = _parse(relay(text), name)
    assert _wrong(report, _truth("000"), but={}) == []
    assert _uncertain(report) == []
    cell = report.table("proactive").cell("licensing", "decisions")
    assert (cell.raw, cell.kind, cell.value) == (f"1493{unit}", "number", 1493)


@pytest.mark.parametrize("layout", ["pipe", "tab", "spaced"])
@pytest.mark.parametrize("unit", [" 件", " （件）", "\u3000项", "  个", " 次", " 人次", " 份"])
def test_a_count_with_its_unit_after_a_blank_is_the_count(unit: str, layout: str) -> None:
    """1493 件: the number and its unit apart are one cell, in a field and in a row of
    cells separated by blanks (a PDF's text layer)."""
    text = _with_units(_seed("000"), unit)
    relay = spaced if layout == "spaced" else _LAYOUTS[layout][0]
    report = _parse(relay(text), "report.txt")
    assert _wrong(report, _truth("000"), but={}) == []
    assert _uncertain(report) == []
    cell = report.table("proactive").cell("licensing", "decisions")
    assert (cell.raw, cell.kind, cell.value) == (f"1493{unit}", "number", 1493)


_COUNT = re.compile(r"[0-9]+(?:件|项|（件）|次|人次|份)?")


def _glued(text: str, between: str = "", wrap: bool = False) -> str:
    """A PDF's text layer: each row's label, a blank (``wrap``: a line break), then its
    cells with ``between`` between them (nothing: the blanks lost); a row of numbers
    without units keeps a blank between them."""
    out = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("|") if c.strip()]
        if len(cells) < 2:
            out.append(line)
            continue
        at = next((i for i, c in enumerate(cells) if _COUNT.fullmatch(c)), len(cells))
        plain = any(c.isdigit() for c in cells[at:])  # (numbers without a unit stay apart)
        head, values = " ".join(cells[:at]), (" " if plain else between).join(cells[at:])
        out.append(("\n" if wrap and head and values else " ").join(filter(None, [head, values])))
    return "\n".join(out)


_GLUED = {
    "single-blanks": lambda text: _glued(text, " "),
    "aligned": lambda text: _glued(text, "   "),
    "glued": _glued,
}


@pytest.mark.parametrize("layout", _GLUED)
@pytest.mark.parametrize("unit", ["件", "项", "（件）", "次", "人次", "份"])
def test_a_pdf_row_of_counts_with_their_units_is_a_row(unit: str, layout: str) -> None:
    """一、本年新收… 11件 0件 … 11件, or 11件0件0件…11件: every cell of the row a number with
    its unit glued on, no number standing alone: still a row, each count a cell."""
    text = _GLUED[layout](_with_units(_seed("000"), unit))
    assert f"行政许可 1493{unit}" in text
    report = _parse(text, "report.txt")
    assert _wrong(report, _truth("000"), but={}) == []
    assert _uncertain(report) == []
    lines = text.split("\n")
    line = next(n for n, x in enumerate(lines, 1) if x.startswith("一、本年新收"))
    row = report.table("applications").row("received")
    glued = f"11{unit}0{unit}" if layout == "glued" else f"11{unit}"
    assert [c.value for c in row.cells] == [11, 0, 0, 0, 0, 0, 11]
    first, total = row.cells[0], row.cells[-1]
    assert (first.raw, first.span.line) == (f"11{unit}", line)
    assert first.span.column == lines[line - 1].index(glued) + 1
    assert total.span.end_column == len(lines[line - 1]) + 1
    cell = report.table("proactive").cell("licensing", "decisions")
    assert (cell.raw, cell.kind, cell.value) == (f"1493{unit}", "number", 1493)


def test_a_pdf_row_of_counts_glued_on_the_line_after_its_label(tmp_path: Path) -> None:
    """The label wrapped: its counts glued together on the next line are its cells."""
    text = _glued(_with_units(_seed("000"), "件"), wrap=True)
    assert "\n11件0件0件0件0件0件11件\n" in text
    report = _parse(text, "report.txt")
    assert _wrong(report, _truth("000"), but={}) == []
    assert _uncertain(report) == []
    assert codes(check_text(tmp_path, text), "XG003", "XG004", "XG005") == []


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("行政许可 1493件", "ROW"),
        ("一、本年新收政府信息公开申请数量 11件 0件 0件", "ROW"),
        ("11件0件0件", "ROW"),
        ("12.35万元", "TEXT"),  # (one cell alone on its line: one cell per line's text)
        ("1493件", "TEXT"),
        ("行政许可1493件", "TEXT"),  # (glued to the label: prose may write so)
        ("本年度共收到申请11件", "TEXT"),
    ],
)
def test_which_lines_of_counts_with_units_are_rows(line: str, kind: str) -> None:
    assert get_parser().line_lexer.classify(line) == kind


@pytest.mark.parametrize("printed", ["12.35 万元", "12.35 （万元）"])
def test_an_amount_with_its_unit_after_a_blank_is_the_amount(printed: str) -> None:
    text = _seed("000").replace("行政事业性收费 | 1071 |", f"行政事业性收费 | {printed} |")
    table = _parse(text, "report.txt").table("proactive")
    cell = table.cell("fees", "amount")
    assert (cell.raw, cell.kind, cell.value) == (printed, "number", Decimal("12.35"))
    assert table.unit("fees", "amount") == "万元"


def test_a_word_after_a_number_that_is_no_unit_stays_apart() -> None:
    """Only a unit joins the number before it: 5 只 is a number and a word (XG004)."""
    text = _with_units(_seed("000"), " 只")
    cell = _parse(text, "report.txt").table("proactive").cell("licensing", "decisions")
    assert (cell.raw, cell.value) == ("1493", 1493)


@pytest.mark.parametrize("layout", ["pipe", "tab", "lines"])
def test_units_are_no_finding(tmp_path: Path, layout: str) -> None:
    """Counts with their unit read: the seed's own findings only (no XG003, XG004)."""
    relay, _ = _LAYOUTS[layout]
    text = relay(_with_units(_seed("000"), "件"))
    assert codes(check_text(tmp_path, text), "XG003", "XG004", "XG005") == []


def _fee_read(printed: str, value: object, layout: str) -> tuple[str, Any, Any]:
    """Seed 000 with its fee amount written ``printed``, in ``layout``: the text as laid
    out, the report and table 二, the fee cell checked to read ``value``, nothing else wrong."""
    text = _seed("000").replace("行政事业性收费 | 1071 |", f"行政事业性收费 | {printed} |")
    relay, name = _LAYOUTS[layout]
    report = _parse(relay(text), name)
    assert _wrong(report, _truth("000"), but={("proactive", "fees", "amount"): value}) == []
    table = report.table("proactive")
    cell = table.cell("fees", "amount")
    assert (cell.raw, cell.kind, cell.value) == (printed, "number", value)
    return relay(text), report, table


@pytest.mark.parametrize("layout", ["pipe", "tab", "lines"])
@pytest.mark.parametrize(
    ("printed", "value", "unit", "amount"),
    [
        ("12.35万元", Decimal("12.35"), "万元", Decimal("12.35")),
        ("0万元", 0, "万元", 0),
        ("0（万元）", 0, "万元", 0),
        ("1,071万元", 1071, "万元", 1071),
        ("0元", 0, "万元", 0),  # (0 is 0 in any unit: no unit to tell)
        ("300元", 300, "元", Decimal("0.03")),
        ("1250.5元", Decimal("1250.5"), "元", Decimal("0.12505")),
        # a currency mark before the number (￥ is ¥ folded)
        ("¥12.35万元", Decimal("12.35"), "万元", Decimal("12.35")),
        ("￥1,071万元", 1071, "万元", 1071),
        ("¥0（万元）", 0, "万元", 0),
        ("人民币300元", 300, "元", Decimal("0.03")),
    ],
)
def test_an_amount_with_its_unit_is_read_in_that_unit(
    printed: str, value: object, unit: str, amount: object, layout: str
) -> None:
    """The fee amount with its unit in its cell: read in the unit printed; another than
    the format's 万元 is kept as printed and converted for the checks, as under a header
    naming it (and noticed: XG005)."""
    _, report, table = _fee_read(printed, value, layout)
    assert (table.unit("fees", "amount"), table.amount("fees", "amount")) == (unit, amount)
    noticed = [(d.kind, d.label, d.expected, d.found) for d in report.deviations]
    assert noticed == ([] if unit == "万元" else [("unit", printed, "万元", unit)])


def test_an_amount_in_yuan_under_a_header_in_yuan_is_noticed_once() -> None:
    text = _seed("000").replace("本年收费金额（单位：万元）", "本年收费金额（单位：元）")
    text = text.replace("行政事业性收费 | 1071 |", "行政事业性收费 | 300元 |")
    report = _parse(text)
    table = report.table("proactive")
    assert (table.unit("fees", "amount"), table.amount("fees", "amount")) == ("元", Decimal("0.03"))
    assert [d.found for d in report.deviations] == ["元"]


def test_an_amount_in_wanyuan_under_a_header_in_yuan_is_in_wanyuan() -> None:
    """The cell's unit is the amount's: the header's other unit is noticed, not applied."""
    text = _seed("000").replace("本年收费金额（单位：万元）", "本年收费金额（单位：元）")
    text = text.replace("行政事业性收费 | 1071 |", "行政事业性收费 | 0.03万元 |")
    table = _parse(text).table("proactive")
    assert (table.unit("fees", "amount"), table.amount("fees", "amount")) == (
        "万元",
        Decimal("0.03"),
    )


@pytest.mark.parametrize("layout", ["pipe", "tab", "lines"])
@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("¥12.35", Decimal("12.35")),
        ("￥1,071", 1071),
        ("人民币300", 300),
        ("¥0", 0),
        ("¥ 12.35", Decimal("12.35")),  # a blank after the mark
        ("人民币 300", 300),
    ],
)
def test_an_amount_with_a_currency_mark_and_no_unit_is_in_the_columns_unit(
    tmp_path: Path, printed: str, value: object, layout: str
) -> None:
    """The mark says the cell is money, not which unit: the header's (本年收费金额（单位：
    万元）), as for a plain number under it. Before, the cell was text (XG004), or two
    cells (XG003) with a blank after the mark."""
    text, report, table = _fee_read(printed, value, layout)
    assert (table.unit("fees", "amount"), table.amount("fees", "amount")) == ("万元", value)
    assert report.deviations == ()
    assert codes(check_text(tmp_path, text), "XG003", "XG004", "XG005") == []


def test_an_amount_with_a_currency_mark_under_a_header_in_yuan_is_in_yuan() -> None:
    """As a plain number under the header is: in its unit, noticed once (XG005) there."""
    text = edit(CLEAN, "本年收费金额（单位：万元）", "本年收费金额（单位：元）")
    text = edit(text, "行政事业性收费 | 0 | | |", "行政事业性收费 | ¥300 | | |")
    report = parse_text(text)
    table = report.table("proactive")
    assert table is not None
    assert (table.unit("fees", "amount"), table.amount("fees", "amount")) == ("元", Decimal("0.03"))
    assert [(d.label, d.found, d.span.line) for d in report.deviations] == [
        ("本年收费金额（单位：元）", "元", 18)
    ]


@pytest.mark.parametrize("printed", ["5件", "12万元", "3只", "¥12", "¥12件", "¥ 12"])
def test_a_unit_not_of_its_column_leaves_the_cell_text(printed: str) -> None:
    """A count's unit in the money column, money in a count column (a unit or a currency
    mark), no unit of the format: the cell is text (XG004), the other values read."""
    text = _seed("000")
    if printed == "5件":
        key, text = (
            ("fees", "amount"),
            text.replace("行政事业性收费 | 1071 |", f"行政事业性收费 | {printed} |"),
        )
    else:
        key, text = ("licensing", "decisions"), text.replace("| 1493 |", f"| {printed} |")
    report = _parse(text)
    assert _wrong(report, _truth("000"), but={("proactive", *key): None}) == []
    cell = report.table("proactive").cell(*key)
    assert (cell.raw, cell.kind) == (printed, "text")


# --- zero-width characters -----------------------------------------------------------


@pytest.mark.parametrize("layout", ["pipe", "tab", "lines"])
@pytest.mark.parametrize("hidden", ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"])
def test_zero_width_characters_before_and_inside_numbers_are_dropped(
    hidden: str, layout: str
) -> None:
    """Every number of the seed with a zero-width character before it, 1493 with one inside
    too: the values are the truth's, each cell starts at its first digit."""
    text = _seed("000").replace("| 1493 |", "| 14\u200b93 |")
    rows = [
        "|".join(f" {hidden}{c.strip()} " if c.strip().isdigit() else c for c in line.split("|"))
        if "|" in line
        else line
        for line in text.split("\n")
    ]
    relay, name = _LAYOUTS[layout]
    relaid = relay("\n".join(rows))
    report = _parse(relaid, name)
    assert _wrong(report, _truth("000"), but={}) == []
    cell = report.table("proactive").cell("licensing", "decisions")
    line = relaid.split("\n")[cell.span.line - 1]
    assert cell.value == 1493
    assert line[cell.span.column - 1 : cell.span.end_column - 1] == "14\u200b93"


def test_zero_width_characters_in_a_space_separated_row() -> None:
    """PDF text: cells apart by spaces, a zero-width space before two of the numbers (the
    2 standing alone makes the line a row)."""
    report = _parse(_seed("000").replace("规章 | 0 | 0 | 0 |", "规章 \u200b0 2 \u200b1"))
    table = report.table("proactive")
    cells = [table.cell("regulations", c) for c in ("issued", "repealed", "in_force")]
    # (规章 ​0 2 ​1: the 0 is the 5th character, the 1 the 10th)
    assert [(c.value, c.span.column) for c in cells] == [(0, 5), (2, 7), (1, 10)]


# --- the format model and the grammar ------------------------------------------------


def test_the_grammar_placeholder_reads_every_dash_of_the_model() -> None:
    import re

    pattern = re.compile(placeholder_pattern())
    for dash in BLANK_DASHES:
        assert pattern.fullmatch(dash) and pattern.fullmatch(dash * 2), dash
        assert pattern.fullmatch(dash * 3) is None
    assert pattern.fullmatch("一") is None  # (a one, or a dash: text)


@pytest.mark.parametrize(
    ("norm", "number", "unit"),
    [
        ("1493件", "1493", "件"),
        ("1,234项", "1,234", "项"),
        ("0(万元)", "0", "万元"),
        ("12", "12", None),
    ],
)
def test_the_unit_pattern(norm: str, number: str, unit: str | None) -> None:
    import re

    match = re.fullmatch(UNIT_AFTER, norm)
    assert match is not None
    assert (match["number"], match["unit"] or match["bracketed"]) == (number, unit)
    assert re.fullmatch(UNIT_AFTER, "1.属于国家秘密") is None
    assert re.fullmatch(UNIT_AFTER, "12(件") is None


def test_an_amount_in_yuan_is_one_xg005_at_its_cell(tmp_path: Path) -> None:
    """300元 in the 万元 column: read in 元, converted for the checks, one XG005 at the
    cell (as a header in 元 is told); 0元 and 12.35万元 tell nothing."""
    text = _seed("000").replace("行政事业性收费 | 1071 |", "行政事业性收费 | 300元 |")
    file = check_text(tmp_path, text)
    found = [(d.code, d.line, d.column, d.expected, d.actual) for d in file.diagnostics]
    assert [f for f in found if f[0] in ("XG004", "XG005")] == [("XG005", 23, 11, "万元", "元")]
    message = next(d.message for d in file.diagnostics if d.code == "XG005")
    assert message.startswith("“300元”以元为单位，格式要求以万元为单位")
    for printed in ("0元", "12.35万元"):
        text = _seed("000").replace("行政事业性收费 | 1071 |", f"行政事业性收费 | {printed} |")
        assert codes(check_text(tmp_path, text), "XG004", "XG005") == []


def test_the_first_character_test_never_rules_out_a_word_the_full_test_passes() -> None:
    """Where a text is read, a set look-up of its first character rules most labels out
    before ``_word_part`` is asked: it must pass every text that reads as a cell."""
    from xxgk_lint.parse.cells import _WORD_CELLS, _WORD_STARTS, _word_part

    def reads(text: str) -> bool:
        return _word_part(text, 0, len(text), text) is not None

    texts = [
        *_WORD_CELLS,
        *(w.lower() for w in _WORD_CELLS),
        *(w.title() for w in _WORD_CELLS),
        *("0件", "1493件", "12.35万元", "3（件）", "7", "1.属于国家秘密", ""),
    ]
    passed = [t for t in texts if reads(t)]
    assert len(passed) > len(_WORD_CELLS)
    assert all(not t or t[0] in _WORD_STARTS for t in passed)
    assert not reads("1.属于国家秘密") and "自" not in _WORD_STARTS
