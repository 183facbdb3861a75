"""The line lexer: one token per run of lines the grammar cannot tell apart."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import FIXTURES
from xxgk_lint.parse._lark_runtime import Token, Tree
from xxgk_lint.parse.grammar import (
    Document,
    RawBlock,
    _blocks,
    get_parser,
    is_paragraph,
    is_rows,
    is_title,
    load_lark,
)
from xxgk_lint.parse.lexer import (
    _BLANK,
    _CONTAINS,
    _SUFFICIENT,
    LINE_KIND,
    LINE_NUMBER,
    Line,
    LineRun,
)
from xxgk_lint.sources import read_source

TEXT = "\n".join(
    [
        "某县交通运输局2023年政府信息公开工作年度报告",  # 1 TITLE
        "一、总体情况",  # 2 HEADING
        "本年度，本机关认真贯彻",  # 3 TEXT (goes on)
        "落实条例；",  # 4 END
        "",  # 5 blank
        "信息内容|本年制发件数",  # 6 ROW
        "规章|0",  # 7 ROW
        "- 2 -",  # 8 PAGE_MARK
        "行政规范性文件|3",  # 9 ROW
    ]
)


def test_runs_of_rows_and_of_prose_are_one_token_each() -> None:
    tokens = list(get_parser().line_lexer.lex(TEXT))
    assert [(t.type, [line[LINE_NUMBER] for line in t.lines]) for t in tokens] == [
        ("TITLE", [1]),
        ("HEADING", [2]),
        ("TEXT", [3]),  # a sentence that goes on ...
        ("END", [4]),  # ... is closed by its own token: the grammar ends the paragraph there
        ("ROW", [6, 7]),  # a blank line does not cut a run of rows
        ("PAGE_MARK", [8]),
        ("ROW", [9]),
    ]
    assert all(isinstance(t, LineRun) for t in tokens)
    rows = tokens[4]
    assert rows.lines[1] == ("ROW", "规章|0", 7, 1, 5)
    assert (rows.line, rows.column, rows.end_line, rows.end_column) == (6, 1, 7, 5)


def test_the_tree_keeps_every_line_of_a_run() -> None:
    document = get_parser().parse(TEXT)
    section = document.sections[0]
    kinds = [(_role(b), [line[LINE_NUMBER] for line in b]) for b in section.blocks]
    assert kinds == [("paragraph", [3, 4]), ("rows", [6, 7]), ("rows", [9])]


def test_a_line_kind_is_looked_up_by_its_text() -> None:
    lexer = get_parser().line_lexer
    lexer.shapes.clear()
    lexer.kinds.clear()
    classified: list[str] = []
    classify = lexer.classify
    lexer.classify = lambda text, fold=True: classified.append(text) or classify(text, fold)  # type: ignore[method-assign]
    try:
        tokens = list(lexer.lex("规章|0\n规章|0\n  规章|0\n规章|0"))
    finally:
        del lexer.classify
    # the same line is read once; the same text indented once more, its kind looked up
    assert list(lexer.shapes) == ["规章|0", "  规章|0"]
    assert classified == ["规章|0"]
    assert lexer.kinds == {"规章|0": "ROW"}
    assert [line[LINE_NUMBER:] for line in tokens[0].lines] == [
        (1, 1, 5),
        (2, 1, 5),
        (3, 3, 7),
        (4, 1, 5),
    ]


def test_a_line_without_a_separator_digit_or_placeholder_is_no_row() -> None:
    """The ROW terminal is tried only on lines holding one of its characters: the others
    are TEXT without it, the rest as the pattern says."""
    lexer = get_parser().line_lexer
    assert lexer.classify("信息内容") == "TEXT"
    assert lexer.classify("本年新收政府信息公开申请数量") == "TEXT"
    assert lexer.classify("行政许可 ２３９６２") == "ROW"
    assert lexer.classify("行政处罚 无") == "ROW"
    assert lexer.classify("其他 ／") == "ROW"
    assert lexer.classify("结果 —") == "ROW"
    assert lexer.classify("合计／") == "TEXT"  # a placeholder must stand alone
    assert lexer.classify("2023年度") == "TEXT"  # a digit, but no number standing alone


def test_what_suffices_for_a_terminal_is_some_of_what_it_needs() -> None:
    """classify tests the sufficient characters first: that is right only if each of them
    is one the terminal needs anyway."""
    for name, enough in _SUFFICIENT.items():
        assert set(enough) <= set(_CONTAINS[name]), name


def _kind_one_by_one(text: str) -> str:
    """The kind as the grammar defines it: each line terminal tried in priority order."""
    patterns = get_parser().line_lexer.line_patterns
    return next((name for name, pattern in patterns if pattern.fullmatch(text)), "TEXT")


#: Lines at the edges of classify's guards: blanks that are no _BLANK around a number
#: standing alone, closers after a sentence's end, separators, signs.
_EDGES = [
    "\x0b5",
    "5\x0b",
    "合计\x1c5\x1c件",
    "本年度。”",
    "本年度。”）】",
    "本年度。”）】」",
    "本年度；继续",
    "本年度」",
    "。",
    "”",
    "a 1,234.5 b",
    "a 1,23 b",
    "a －1 b",
    "a -1b",
    "a / b",
    "a ―― b",
    "a ——— b",
    "无",
    "无 无",
    "有无 其他",
    "｜",
    "a|",
    "一、总体情况",
    "第3页 共6页",
    "| --- |",
    "某县2023年政府信息公开工作年度报告",
]


def test_classify_gives_the_kind_of_the_terminals_tried_one_by_one() -> None:
    """classify tries only the terminals a line's characters allow (_FIRST_CHARS …): every
    line of the fixtures and seeds, and lines at the guards' edges, get the kind the
    grammar's own patterns give them in priority order."""
    lexer = get_parser().line_lexer
    texts = set(_EDGES)
    for path in [*FIXTURES.glob("*/*.txt"), *FIXTURES.glob("*/*.md")]:
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        texts.update(line.strip(_BLANK) for line in lines)
    texts.discard("")
    assert len(texts) > 1000
    wrong = [t for t in texts if lexer.classify(t, False) != _kind_one_by_one(t)]
    assert wrong == []


def _role(block: RawBlock) -> str:
    """What a block of the tree is, by its first line's kind."""
    roles = [is_title(block), is_rows(block), is_paragraph(block)]
    assert roles.count(True) == 1, block
    return ["title", "rows", "paragraph"][roles.index(True)]


def _shape_of_lark_tree(tree: Tree) -> list[tuple[int | None, list[tuple[str, list[int]]]]]:
    """The sections and blocks of the tree Lark's own LALR loop builds (no callbacks), as
    :class:`ReportParser` makes them: left-recursive lists flattened, noise kept for
    ``grammar._blocks`` to drop."""

    def items(node: Any, rule: str) -> list[Any]:
        out: list[Any] = []
        while isinstance(node, Tree) and node.data == rule and node.children:
            if len(node.children) == 1:
                out.append(node.children[0])
                break
            node, last = node.children
            out.append(last)
        return out[::-1]

    def lines(node: Any) -> list[Line]:
        if isinstance(node, Token):
            return list(node.lines)  # type: ignore[attr-defined]
        return [line for child in node.children for line in lines(child)]

    def block(node: Any) -> Any:
        if isinstance(node, Token):  # PAGE_MARK, RULE_LINE
            return list(node.lines)  # type: ignore[attr-defined]
        return lines(node)  # a title, a run of rows, a paragraph: its lines

    def section(heading: Line | None, blocks_node: Any) -> Any:
        blocks = _blocks([block(b) for b in items(blocks_node, "blocks")])
        return (
            heading[LINE_NUMBER] if heading else None,
            [(_role(b), [x[LINE_NUMBER] for x in b]) for b in blocks],
        )

    parts = items(tree, "start")
    out = [section(None, parts[0].children[0])]  # the preamble
    for part in parts[1:]:
        heading, blocks_node = part.children
        out.append(section(heading.lines[0], blocks_node))
    return out


def _shape_of_document(document: Document) -> list[tuple[int | None, list[tuple[str, list[int]]]]]:
    out = []
    for raw in [document.preamble, *document.sections]:
        out.append(
            (
                raw.heading[LINE_NUMBER] if raw.heading else None,
                [(_role(b), [x[LINE_NUMBER] for x in b]) for b in raw.blocks],
            )
        )
    return out


@pytest.mark.parametrize(
    "path",
    [*sorted((FIXTURES / "reports").glob("*.txt")), FIXTURES / "samples" / "clean-pipe.txt"],
    ids=lambda p: p.name,
)
def test_the_tables_run_on_the_runs_build_the_tree_lark_builds(path) -> None:
    """ReportParser replays what the LALR tables do per (state stack, terminal): the tree
    is the one Lark's own parser loop builds from the same tables and tokens."""
    text = read_source(path).text
    parser = get_parser()
    lark_tree = load_lark("report").parse(text, start="start")
    assert _shape_of_document(parser.parse(text)) == _shape_of_lark_tree(lark_tree)


def test_a_text_of_every_terminal_parses_as_lark_parses_it() -> None:
    text = (
        TEXT
        + "\n| --- | --- |\n二、主动公开政府信息情况\n某县2023年政府信息公开工作年度报告\n本年度。继续\n落实。\n"
    )
    assert _shape_of_document(get_parser().parse(text)) == _shape_of_lark_tree(
        load_lark("report").parse(text, start="start")
    )


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("- 3 -", "PAGE_MARK"),
        ("－ 3 －", "PAGE_MARK"),
        ("- 3 / 8 -", "PAGE_MARK"),  # the page and the page count between dashes
        ("—3/8—", "PAGE_MARK"),
        ("－ 3／8 －", "PAGE_MARK"),
        ("3 of 8", "PAGE_MARK"),  # a browser's footer
        ("Page 3 of 8", "PAGE_MARK"),
        ("page 3 of 8", "PAGE_MARK"),
        ("12 of 120", "PAGE_MARK"),
        ("3/8", "PAGE_MARK"),
        ("第3页/共8页", "PAGE_MARK"),
        ("3 / 8", "ROW"),  # (with blanks: maybe three cells, told apart by the table reader)
        ("- 3 / 8", "ROW"),
        ("3 of", "ROW"),
        ("3 of 8 件", "ROW"),
    ],
)
def test_a_page_mark_is_a_page_number_alone(line: str, kind: str) -> None:
    lexer = get_parser().line_lexer
    assert lexer.classify(line) == kind
    by_pattern = next(
        (name for name, pattern in lexer.line_patterns if pattern.fullmatch(line)), "TEXT"
    )
    assert by_pattern == kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("2.申请人逾期未按收费通知要求缴纳费用", "TEXT"),  # a digit, no blank: not alone
        ("4.无正当理由大量反复申请", "TEXT"),
        ("-5", "ROW"),
        ("１２", "ROW"),
        ("1,234.5", "ROW"),
        ("无", "ROW"),
        ("——", "ROW"),
        ("／", "ROW"),
        ("共5", "TEXT"),
        ("5件", "TEXT"),
        ("合计 5", "ROW"),  # a blank: the number stands alone
    ],
)
def test_a_line_without_a_blank_is_a_row_only_if_it_is_a_number_or_placeholder(
    line: str, kind: str
) -> None:
    lexer = get_parser().line_lexer
    assert lexer.classify(line) == kind
    by_pattern = next(
        (name for name, pattern in lexer.line_patterns if pattern.fullmatch(line)), "TEXT"
    )
    assert by_pattern == kind


def test_a_run_takes_the_terminal_of_its_lines_code() -> None:
    """A lone PROSE line is a run of prose (TEXT), as a PROSE and a TEXT line together are;
    every other kind is its own run, one per line, with its own terminal."""
    runs = get_parser().line_lexer.runs(
        "本年度。继续\n二、主动公开政府信息情况\n本年度。继续\n落实\n- 2 -\n| --- |\n落实。"
    )
    assert [(kind, [line[LINE_NUMBER] for line in lines]) for kind, lines in runs] == [
        ("TEXT", [1]),
        ("HEADING", [2]),
        ("TEXT", [3, 4]),
        ("PAGE_MARK", [5]),
        ("RULE_LINE", [6]),
        ("END", [7]),
    ]
    assert [line[LINE_KIND] for _, lines in runs for line in lines] == [
        "PROSE",
        "HEADING",
        "PROSE",
        "TEXT",
        "PAGE_MARK",
        "RULE_LINE",
        "END",
    ]
