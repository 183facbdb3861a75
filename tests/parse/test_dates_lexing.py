"""The date grammar's windows lexed in one pass read as Lark's own lexer reads them."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES
from xxgk_lint.format.normalise import nfkc
from xxgk_lint.parse._lark_runtime import LarkError
from xxgk_lint.parse.dates import (
    _parser,
    _read_tokens,
    _read_tree,
    _scanner,
    arabic_dates,
    parse_window,
)

WINDOWS = [
    "",
    "统计期限为2023年1月1日至2023年12月31日",
    "统计期限自202411日起至1231日止",  # damaged: 年 and 月 lost
    "2023.1.1—2023.12.31",
    "截止时间为2023年12月31日，统计数据为2023年1月1日以来",
    "自2023年1月1日开始至12月31日为止",
    "２０２３年１月１日～２０２３年１２月３１日",
    "二〇二三年一月一日至二〇二三年十二月三十一日",
    "2023年度",
    "自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止",  # spaces around the digits
    "2023年 1 月1日至 2023 年 12 月",
    "2023 年 第 2 季度",  # a space after 年 before no digit stays outside the year
    "1月份",
    "第一行\n第二行2023年",  # a line break: Lark's lexer counts lines, so it lexes this
]


def _read_by_lark(text: str) -> str:
    try:
        return repr(_parser().parse(text))
    except LarkError as error:
        return f"error {type(error).__name__}"


def _read_fast(text: str) -> str:
    try:
        return repr(parse_window(text))
    except LarkError as error:
        return f"error {type(error).__name__}"


def test_the_one_pass_lexer_is_used() -> None:
    assert _scanner() is not None


@pytest.mark.parametrize("window", WINDOWS)
def test_a_window_parses_to_the_tree_lark_makes(window: str) -> None:
    folded = arabic_dates(nfkc(window))
    assert _read_fast(folded) == _read_by_lark(folded)


def test_every_window_of_the_fixtures_parses_to_the_tree_lark_makes() -> None:
    windows = set()
    for path in sorted(FIXTURES.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
            for start in range(0, len(line), 40):
                windows.add(arabic_dates(nfkc(line[start : start + 120])))
    assert len(windows) > 500
    differ = [w for w in sorted(windows) if _read_fast(w) != _read_by_lark(w)]
    assert differ == []


def test_the_tokens_keep_their_places() -> None:
    tree = parse_window("自2023年1月1日起")
    (date,) = [child for child in tree.children if getattr(child, "data", None) == "date"]
    assert [(t.type, str(t), t.start_pos, t.end_pos) for t in date.children] == [
        ("YEAR", "2023年", 1, 6),
        ("MONTH", "1月", 6, 8),
        ("DAY", "1日", 8, 10),
    ]


def _sequence_by_lark(text: str) -> tuple[list[object], int]:
    return _read_tree(_parser().parse(text))


#: Pieces a made-up window is put together from: each terminal of the date grammar, some
#: in several forms, and text between them.
_PIECES = [
    "2023年",
    "2023年度",
    "自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止",  # spaces around the digits
    "2023年 1 月1日至 2023 年 12 月",
    "2023 年 第 2 季度",  # a space after 年 before no digit stays outside the year
    "202411日",
    "1月",
    "12 月",
    "31日",
    "1号",
    "2023.1.1",
    "2023-12-31",
    "起",
    "开始",
    "至",
    "到",
    "—",
    "-",
    "～",
    "止",
    "为止",
    "以来",
    "之后",
    "12",
    "，",
    "统计",
    "为",
    "1月份",
]


def test_the_date_sequence_read_off_the_tokens_is_the_grammars() -> None:
    """_read_tokens groups the tokens into dates as the LALR parser does (the longest
    YEAR MONTH? DAY? | MONTH DAY? | DAY | NUMERIC): on every window of the fixtures and on
    made-up windows of every pair and triple of pieces and random longer ones."""
    import itertools
    import random

    windows = set(WINDOWS[:-1])  # (a line break: Lark's own lexer, on both paths)
    for path in sorted(FIXTURES.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
            for start in range(0, len(line), 40):
                windows.add(arabic_dates(nfkc(line[start : start + 120])))
    windows.update("".join(pair) for pair in itertools.product(_PIECES, repeat=2))
    windows.update("".join(triple) for triple in itertools.product(_PIECES, repeat=3))
    chance = random.Random(12)
    windows.update("".join(chance.choices(_PIECES, k=chance.randint(4, 12))) for _ in range(3000))
    assert len(windows) > 20000
    differ = [w for w in sorted(windows) if _read_tokens(w) != _sequence_by_lark(w)]
    assert differ == []
    assert _read_tokens("第一行\n第二行2023年") is None  # (a line break: Lark lexes it)


def test_a_date_takes_the_longest_run_of_its_parts() -> None:
    read = _read_tokens("2023年1月1日起至12月31日止，2023年5日")
    assert read is not None
    sequence, stray = read
    dates = [(p.year, p.month, p.day, p.start, p.end) for p in sequence if not isinstance(p, str)]
    assert dates == [(2023, 1, 1, 0, 9), (None, 12, 31, 11, 17), (2023, None, 5, 19, 26)]
    assert [p for p in sequence if isinstance(p, str)] == ["START", "UNTIL", "STOP"]
    assert stray == 0
