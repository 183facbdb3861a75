"""The fast row splitting gives exactly the items of the grammar's cell terminals."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, seed_files
from xxgk_lint.format.normalise import normalise
from xxgk_lint.parse.cells import (
    COLUMN,
    END,
    FIELD,
    KIND,
    LINE,
    RAW,
    _word_part,
    enclosed_rows,
    row_items,
)
from xxgk_lint.parse.grammar import Line, get_parser
from xxgk_lint.parse.lexer import LINE_COLUMN, LINE_KIND, LINE_TEXT
from xxgk_lint.sources import InputError, read_source

FILES = [
    p
    for p in sorted(FIXTURES.rglob("*"))
    if p.suffix in (".txt", ".md", ".html", ".docx", ".pdf") and "bad-input" not in p.parts
] + seed_files()


def _rows(path: Path) -> list[Line]:
    try:
        source = read_source(path)
    except InputError:
        return []
    return [
        line for line in get_parser().parse(source.text).all_lines() if line[LINE_KIND] == "ROW"
    ]


def _reference(line: Line, enclosed: bool) -> list[tuple[str, str, int, int]]:
    """Items by the grammar's cell terminals alone: split at separators, then each field
    with the cell alternation (no fast path)."""
    import re

    from xxgk_lint.format.document import COUNT_UNITS
    from xxgk_lint.format.model import MONEY_UNITS

    splitter = get_parser().splitter
    text, out = line[LINE_TEXT], []
    pieces = re.split(r"[|｜\t]", text)
    separated = len(pieces) > 1
    position = 0
    if enclosed and separated and text[0] in "|｜" and text[-1] in "|｜":
        pieces, position = pieces[1:-1], 1
    for index, piece in enumerate(pieces):
        start = line[LINE_COLUMN] + position
        position += len(piece) + 1
        field = index if separated else -1
        if separated:
            # (a <br> in a field is blanks; a unit column's cell, 件 or 万元, a blank)
            piece = re.sub(r"<br\s*/?>", lambda m: " " * len(m.group()), piece, flags=re.I)
        if separated and (not piece.strip() or piece.strip() in (*COUNT_UNITS, "万元")):
            out.append(("E", "", start, field))
            continue
        number_at = None  # where the last NUMBER of this piece starts
        for match in splitter.pattern.finditer(piece):
            kind = {"NUMBER": "N", "PLACEHOLDER": "P", "CELL_TEXT": "T"}.get(match.lastgroup or "")
            word = match.group()
            if (
                kind == "T"
                and number_at is not None
                and out[-1][0] == "N"
                and normalise(word).strip("()") in (*COUNT_UNITS, *MONEY_UNITS)
            ):
                # a number and its unit apart (3 件): one cell
                out[-1] = ("N", piece[number_at : match.end()], start + number_at, field)
                continue
            if kind == "T" and (part := _word_part(word, 0, 0, normalise(word))):
                kind = part[0]  # a cell of the format (暂无 as / — 无 are; 〇; 1493件; ×)
            if kind:
                number_at = match.start() if kind == "N" else None
                out.append((kind, match.group(), start + match.start(), field))
    lead = next((i for i, item in enumerate(out) if item[0] != "E"), 0)
    if out and out[lead][0] == "T":
        out = out[lead:]  # empty fields before a label are no row's values
    return out


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_fast_split_equals_the_grammar_terminals(path: Path) -> None:
    for line in _rows(path):
        if line[LINE_TEXT].isascii() and line[LINE_TEXT].isdigit():
            continue
        for enclosed in (False, True):
            got = [(i[KIND], i[RAW], i[COLUMN], i[FIELD]) for i in row_items(line, None, enclosed)]
            assert got == _reference(line, enclosed), line[LINE_TEXT]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A pipe at the end separates a blank last field (padding when it is none).
        (
            "规章 | 0 | / | — |",
            [("T", "规章", 0), ("N", "0", 1), ("P", "/", 2), ("P", "—", 3), ("E", "", 4)],
        ),
        # A blank last field of a tab row keeps its place (the 总计 cell left blank).
        (
            "行政许可\t1,234\t\t",
            [("T", "行政许可", 0), ("N", "1,234", 1), ("E", "", 2), ("E", "", 3)],
        ),
        (
            "（一）予以公开 | | 12 | |",
            [("T", "（一）予以公开", 0), ("E", "", 1), ("N", "12", 2), ("E", "", 3), ("E", "", 4)],
        ),
        ("| 自然人 | 6 |", [("T", "自然人", 1), ("N", "6", 2), ("E", "", 3)]),
    ],
)
def test_cells_of_typical_rows(text: str, expected: list[tuple[str, str, int]]) -> None:
    line = ("ROW", text, 7, 3, 3 + len(text))
    items = row_items(line)
    assert [(i[KIND], i[RAW], i[FIELD]) for i in items] == expected
    first = items[0]
    assert (first[LINE], first[COLUMN]) == (7, 3 + text.index(first[RAW]))


def test_enclosed_rows_have_no_fields_outside_their_pipes() -> None:
    """In a markdown table (| a | b |) the enclosing pipes give no empty fields."""
    line = ("ROW", "| 自然人 | 6 |", 7, 3, 16)
    assert [(i[KIND], i[RAW], i[FIELD]) for i in row_items(line, None, True)] == [
        ("T", "自然人", 0),
        ("N", "6", 1),
    ]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # one cell per line: no pipe anywhere
        ([("TEXT", "自然人"), ("ROW", "6"), ("ROW", "0")], False),
        # a pipe in a line of text is no row's
        ([("TEXT", "| 注 |"), ("ROW", "6")], False),
        # markdown rows: enclosed
        ([("ROW", "| 自然人 | 6 |"), ("ROW", "| 总计 | 7 |")], True),
        # a row with a blank last field: its pipes separate
        ([("ROW", "自然人 | 6 |"), ("ROW", "总计 | 7 | 8")], False),
        # four of five piped rows enclosed: the region is enclosed
        ([("ROW", "| a | 1 |")] * 4 + [("ROW", "b | 2")], True),
        ([("ROW", "| a | 1 |")] * 3 + [("ROW", "b | 2")], False),
        # rows that end with a pipe but start with a label: pipes follow cells, and a row
        # that starts with one has a blank first cell (more than one row in ten)
        ([("ROW", "| | a | 1 |")] * 8 + [("ROW", "b | | 2 |")] * 2, False),
        ([("ROW", "| a | 1 |")] * 10 + [("ROW", "b | 2 |")], True),
    ],
)
def test_a_region_is_enclosed_when_four_of_five_piped_rows_are(
    lines: list[tuple[str, str]], expected: bool
) -> None:
    region = [(kind, text, n, 1, 1 + len(text)) for n, (kind, text) in enumerate(lines, 1)]
    assert enclosed_rows(region) is expected


def test_a_pdf_text_row_is_split_by_the_grammar_terminals() -> None:
    line = ("ROW", "一、本年新收政府信息公开申请数量 3001 53 0", 1, 1, 30)
    assert [(i[KIND], i[RAW], i[FIELD]) for i in row_items(line)] == [
        ("T", "一、本年新收政府信息公开申请数量", -1),
        ("N", "3001", -1),
        ("N", "53", -1),
        ("N", "0", -1),
    ]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_line_classification_shortcuts_agree_with_the_grammar(path: Path) -> None:
    """The lexer's guards only skip patterns that cannot match, never change a result."""
    from xxgk_lint.parse.lexer import LineLexer

    try:
        text = read_source(path).text
    except InputError:
        return
    lexer = LineLexer(get_parser().lark.lexer_conf)

    def by_patterns_alone(line: str) -> str:
        for name, pattern in lexer.line_patterns:
            if pattern.fullmatch(line):
                return name
        return "TEXT"

    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            assert lexer.classify(line) == by_patterns_alone(line), line


@pytest.mark.parametrize("sign", ["-", "−", "－", "–"])
def test_every_minus_sign_makes_a_number(sign: str) -> None:
    """－1, −1, –1 are -1 at their own cell (normalise.MINUS_SIGNS), in a separated row
    and in a row of space-separated cells alike; the cell keeps the sign as printed."""
    from xxgk_lint.parse.cells import NUMBER, make_cell

    for text in (f"{sign}1 | 0 | 2", f"{sign}1 0 2"):
        items = row_items(("ROW", text, 7, 1, len(text) + 1))
        assert [(i[KIND], i[RAW], i[COLUMN], i[END]) for i in items] == [
            (NUMBER, f"{sign}1", 1, 3),
            (NUMBER, "0", text.index("0") + 1, text.index("0") + 2),
            (NUMBER, "2", len(text), len(text) + 1),
        ]
        assert make_cell("upheld", items[0]).value == -1


@pytest.mark.parametrize("sign", ["-", "－", "–"])
def test_a_dash_alone_stays_a_placeholder(sign: str) -> None:
    from xxgk_lint.parse.cells import NUMBER, PLACEHOLDER

    items = row_items(("ROW", f"3 | {sign}", 7, 1, 6))
    assert [(i[KIND], i[RAW]) for i in items] == [(NUMBER, "3"), (PLACEHOLDER, sign)]


def test_a_range_is_no_negative_number() -> None:
    from xxgk_lint.format.normalise import fold_minus
    from xxgk_lint.parse.cells import parse_number

    assert fold_minus("2023–2024 | －3") == "2023–2024 | -3"
    assert parse_number("－1.5") == Decimal("-1.5")
    assert parse_number("−１２") == -12


def test_an_item_holds_the_value_and_kind_of_its_cell() -> None:
    """Each item carries what its cell will hold, worked out with its shape."""
    from xxgk_lint.parse.cells import CELL, VALUE

    line = ("ROW", "行政许可 | 1,234 | — | 不详 | | 2.5", 4, 1, 30)
    assert [(i[RAW], i[VALUE], i[CELL]) for i in row_items(line)] == [
        ("行政许可", None, "text"),
        ("1,234", 1234, "number"),
        ("—", None, "placeholder"),
        ("不详", None, "text"),
        ("", None, "blank"),
        ("2.5", Decimal("2.5"), "number"),
    ]


def test_a_text_row_read_twice_gives_the_same_items_on_each_line() -> None:
    """A text row's items are kept by its text and column: the same text on another
    line, or at another column, gives items on that line, at that column."""
    from xxgk_lint.parse.cells import items_of

    text = "规章 | 0 | 7 |"
    lines = [("ROW", text, 3, 1, 1 + len(text)), ("ROW", text, 9, 5, 5 + len(text))]
    items = items_of(lines)
    assert [(i[LINE], i[COLUMN], i[END], i[RAW]) for i in items] == [
        (3, 1, 3, "规章"),
        (3, 6, 7, "0"),
        (3, 10, 11, "7"),
        (3, 13, 13, ""),
        (9, 5, 7, "规章"),
        (9, 10, 11, "0"),
        (9, 14, 15, "7"),
        (9, 17, 17, ""),
    ]


def test_a_text_row_is_kept_from_its_first_sight_and_given_each_line() -> None:
    """A text row's items are kept with the line they were first read on: read again on
    that line they are the same items; on another line, the same items on that line."""
    from xxgk_lint.memo import clear_all
    from xxgk_lint.parse import cells

    clear_all()
    text = "行政许可 | 12 | / |"
    first = cells.items_of([("ROW", text, 4, 1, 1 + len(text))])
    assert [(i[LINE], i[KIND], i[RAW], i[COLUMN]) for i in first] == [
        (4, "T", "行政许可", 1),
        (4, "N", "12", 8),
        (4, "P", "/", 13),
        (4, "E", "", 16),
    ]
    assert cells._ROWS[(text, False, 1)] == first
    again = cells.items_of([("ROW", text, 4, 1, 1 + len(text))])
    assert all(a is b for a, b in zip(again, first, strict=True))  # (kept: not made again)
    later = cells.items_of([("ROW", text, 30, 1, 1 + len(text))])
    assert [i[:LINE] for i in later] == [i[:LINE] for i in first]
    assert {i[LINE] for i in later} == {30}
    for n in range(cells._ROWS.maxsize + 10):
        cells.items_of([("ROW", f"其他 | {n}", 1, 1, 10)])
    assert 0 < len(cells._ROWS) <= cells._ROWS.maxsize
    clear_all()
    assert cells._ROWS == {}


def test_cells_are_made_from_the_items_with_their_spans() -> None:
    from xxgk_lint.parse.ast import Cell, Span
    from xxgk_lint.parse.cells import make_cells

    items = row_items(("ROW", "规章 | 12 | /", 5, 1, 13))
    blank = Span(5, 3, 5, 3)
    assert make_cells(("a", "b", "c"), (items[1], None, items[2]), blank) == (
        Cell("a", "12", 12, "number", Span(5, 6, 5, 8)),
        Cell("b", "", None, "blank", blank),
        Cell("c", "/", None, "placeholder", Span(5, 11, 5, 12)),
    )


def test_a_regions_pipe_style_counts_every_row_though_read_when_first_needed() -> None:
    """Whether a region's rows are enclosed (| a | b |) is worked out when its first
    separated row is read, over all the region's rows: lone numbers and text before it,
    and the rows after it, count as they did."""
    from xxgk_lint.parse.cells import items_of

    def first_row(after: str) -> list[tuple[str, str, int]]:
        texts = [("TEXT", "自然人"), ("ROW", "6"), ("ROW", "| 规章 | 1 |"), *[("ROW", after)] * 3]
        lines = [(kind, text, n, 1, 1 + len(text)) for n, (kind, text) in enumerate(texts, 1)]
        items = items_of(lines)
        assert [(i[KIND], i[RAW], i[FIELD]) for i in items[:2]] == [
            ("T", "自然人", -1),
            ("N", "6", -1),
        ]
        return [(i[KIND], i[RAW], i[FIELD]) for i in items if i[LINE] == 3]

    # Enclosed, as the rows after it are: the pipe before 规章 opens no field.
    assert first_row("| 其他 | 2 |") == [("T", "规章", 0), ("N", "1", 1)]
    # Not enclosed (one of four rows is): it opens a field, and the pipe after 1 another.
    assert first_row("其他 | 2") == [("T", "规章", 1), ("N", "1", 2), ("E", "", 3)]


def test_the_fields_read_are_kept_within_bounds_and_emptied_with_the_memo_tables() -> None:
    from xxgk_lint.memo import clear_all
    from xxgk_lint.parse import cells

    clear_all()
    assert cells._FIELDS == {}
    row_items(("ROW", "规章 | 0 | |", 1, 1, 11))
    assert set(cells._FIELDS) == {"规章 ", " 0 ", " ", ""}
    assert cells._FIELDS[" "] == cells._FIELDS[""] == (None, None, ())  # blank
    value, one, parts = cells._FIELDS[" 0 "]
    assert (value, one, parts) == (True, ("N", "0", 1, 2, "", 0, "number"), (one,))
    for n in range(cells._FIELDS_KEPT + 10):
        cells._field(str(n))
    assert 0 < len(cells._FIELDS) <= cells._FIELDS_KEPT
    clear_all()
    assert cells._FIELDS == {}


def test_no_value_starts_with_a_character_outside_the_value_starts() -> None:
    """A field whose words cannot start a number or placeholder is read as one text item
    without the terminals (cells._VALUE_START): no terminal may start anywhere else."""
    import re

    from xxgk_lint.parse.cells import _VALUE_START

    splitter = get_parser().splitter
    number, placeholder = splitter.number.match, splitter.placeholder.match
    starts = re.compile(_VALUE_START).match
    outside = [chr(c) for c in range(0x10000) if starts(chr(c)) is None]
    assert "自" in outside and "(" in outside and "0" not in outside and "无" not in outside
    for c in outside:
        for text in (c, c + c, c + "0", c + "１2"):
            assert number(text) is None and placeholder(text) is None, repr(text)


@pytest.mark.parametrize(
    "text",
    [
        "（一） 予以公开 | 3 号 | 结 果 维 持 | 无 | 商业 企业 3 | 无证 明 |",
        "自 然 人\t1.属于 国家秘密\t— 2\t/\t3 件\t",
        "结果 维持 | 12 7 | 其他 结果 无 | 3号 | −1 | a 无",
    ],
)
def test_new_fields_read_as_the_grammar_terminals_do(text: str) -> None:
    from xxgk_lint.memo import clear_all

    clear_all()  # every field read for the first time (the row loop's look-up misses)
    # (No minus sign but the grammar's own: the reference does not fold them.)
    line = ("ROW", text, 4, 1, 1 + len(text))
    got = [(i[KIND], i[RAW], i[COLUMN], i[FIELD]) for i in row_items(line)]
    assert got == _reference(line, False)
