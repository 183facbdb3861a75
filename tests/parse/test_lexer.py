"""The line lexer: one token per run of lines the grammar cannot tell apart."""

from __future__ import annotations

from xxgk_lint.parse.grammar import get_parser
from xxgk_lint.parse.lexer import Line, LineRun

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
    assert [(t.type, [line.line for line in t.lines]) for t in tokens] == [
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
    assert rows.lines[1] == Line("ROW", "规章|0", 7, 1, 5)
    assert (rows.line, rows.column, rows.end_line, rows.end_column) == (6, 1, 7, 5)


def test_the_tree_keeps_every_line_of_a_run() -> None:
    document = get_parser().parse(TEXT)
    section = document.sections[0]
    kinds = [(type(b).__name__, [line.line for line in b.lines]) for b in section.blocks]
    assert kinds == [("RawParagraph", [3, 4]), ("RawRows", [6, 7]), ("RawRows", [9])]


def test_a_line_kind_is_looked_up_by_its_text() -> None:
    lexer = get_parser().line_lexer
    lexer.kind_of.cache_clear()
    lexer.shape_of.cache_clear()
    tokens = list(lexer.lex("规章|0\n规章|0\n  规章|0\n规章|0"))
    # the same line is read once; the same text indented once more, its kind looked up
    assert (lexer.shape_of.cache_info().misses, lexer.shape_of.cache_info().hits) == (2, 2)
    assert (lexer.kind_of.cache_info().misses, lexer.kind_of.cache_info().hits) == (1, 1)
    assert [(line.line, line.column, line.end_column) for line in tokens[0].lines] == [
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
