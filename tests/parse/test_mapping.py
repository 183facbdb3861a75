"""The mapping's row finder: which template rows a label names."""

from __future__ import annotations

import re

import pytest

from xxgk_lint.format import FORMAT_2019, FORMAT_2021, TABLE_KEYS, normalise
from xxgk_lint.parse.mapping import _rows_finder

_WORDS = [
    "其他",
    "3.其他",
    "(六)其他处理",
    "七、总计",
    "合计",
    "本年新收政府信息公开申请数量",
    "新收的申请",
    "规章(件)",
    "行政许可",
    "许可",
    "复议后起诉",
    "未经复议直接起诉",
    "结转下年度继续办理",
    "2.其他法律行政法规禁止公开",
    "5.信访举报投诉类申请",
    "自然人",
    "",
]


@pytest.mark.parametrize("model", [FORMAT_2021, FORMAT_2019], ids=["2021", "2019"])
@pytest.mark.parametrize("key", TABLE_KEYS)
def test_the_finder_names_the_rows_each_pattern_finds(model, key) -> None:
    spec = model.table(key)
    finder = _rows_finder(spec)
    for word in [*_WORDS, *(row.label.zh for row in spec.rows)]:
        norm = normalise(word)
        expected = tuple(i for i, row in enumerate(spec.rows) if row.pattern.search(norm))
        assert finder(norm) == expected, word


def test_a_label_can_name_several_rows_in_row_order() -> None:
    spec = FORMAT_2021.table("applications")
    keys = [row.key for row in spec.rows]
    found = _rows_finder(spec)(normalise("2.其他法律行政法规禁止公开"))
    assert [keys[i] for i in found] == ["denied.prohibited_by_law"]
    found = _rows_finder(spec)(normalise("3.其他"))
    assert [keys[i] for i in found] == ["other.other"]
    assert _rows_finder(spec)(normalise("自然人")) == ()


def test_word_rows_are_tested_as_words_and_other_rows_searched() -> None:
    # 国家秘密 is plain words: a substring test; ^规章…$ is anchored: searched.
    spec = FORMAT_2021.table("applications")
    state_secret = [row.key for row in spec.rows].index("denied.state_secret")
    assert _rows_finder(spec)("属于国家秘密的") == (state_secret,)
    proactive = FORMAT_2021.table("proactive")
    assert re.search("[$^]", proactive.rows[0].pattern.pattern)
    assert _rows_finder(proactive)("规章") == (0,)
    assert _rows_finder(proactive)("地方规章") == ()
