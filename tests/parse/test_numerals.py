"""Chinese numerals: counts and digit-by-digit years."""

from __future__ import annotations

import pytest

from xxgk_lint.parse.numerals import chinese_int


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("两", 2),
        ("十", 10),
        ("十七", 17),
        ("二十", 20),
        ("二十三", 23),
        ("一百零五", 105),
        ("一百一十", 110),
        ("三千零二十", 3020),
        ("三万二千", 32000),
        ("一万", 10000),
        ("二〇二三", 2023),
        ("二○二二", 2022),
        ("二零二四", 2024),
        ("〇", 0),
        ("零", 0),
    ],
)
def test_numerals_read(text: str, value: int) -> None:
    assert chinese_int(text) == value


@pytest.mark.parametrize(
    "text", ["", "十百", "二三十", "百百", "万万", "一万万", "五件", "一二三四五六七八九十一二三"]
)
def test_what_is_not_a_numeral(text: str) -> None:
    assert chinese_int(text) is None
