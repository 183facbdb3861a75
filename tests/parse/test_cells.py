"""The fast row splitting gives exactly the items of the grammar's cell terminals."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, seed_files
from xxgk_lint.parse.grammar import Line, get_parser
from xxgk_lint.parse.mapping import _row_items_fast, row_items
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
    return [line for line in get_parser().parse(source.text).all_lines() if line.kind == "ROW"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_fast_split_equals_the_grammar_terminals(path: Path) -> None:
    for line in _rows(path):
        fast = _row_items_fast(line)
        if fast is not None:
            assert fast == row_items(line), line.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("规章 | 0 | / | — |", [("T", "规章"), ("N", "0"), ("P", "/"), ("P", "—")]),
        ("行政许可\t1,234\t\t", [("T", "行政许可"), ("N", "1,234"), ("E", "")]),
        ("（一）予以公开 | | 12 | |", [("T", "（一）予以公开"), ("E", ""), ("N", "12"), ("E", "")]),
    ],
)
def test_cells_of_typical_rows(text: str, expected: list[tuple[str, str]]) -> None:
    line = Line("ROW", text, 7, 3, 3 + len(text))
    items = _row_items_fast(line)
    assert items is not None
    assert [(i.kind, i.text) for i in items] == expected
    assert items == row_items(line)
    first = items[0]
    assert (first.line, first.column) == (7, 3)


def test_a_pdf_text_row_goes_through_the_grammar_terminals() -> None:
    line = Line("ROW", "一、本年新收政府信息公开申请数量 3001 53 0", 1, 1, 30)
    assert _row_items_fast(line) is None
    assert [(i.kind, i.text) for i in row_items(line)] == [
        ("T", "一、本年新收政府信息公开申请数量"),
        ("N", "3001"),
        ("N", "53"),
        ("N", "0"),
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
