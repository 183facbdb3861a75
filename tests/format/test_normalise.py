"""format.normalise: the fast NFKC and the traditional fold give what the plain calls give."""

from __future__ import annotations

import random
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from xxgk_lint.format.normalise import (
    _BOTH,
    _BY_CHARACTER,
    _COMMON_WIDE,
    _DASHES,
    _FOLDED,
    _SIMPLE,
    _TRADITIONAL,
    _WIDE,
    SIMPLIFIED,
    TRADITIONAL,
    _fold,
    _normalise,
    _radical_table,
    _without_blanks,
    fold_radicals,
    fold_traditional,
    nfkc,
    normalise,
)

ROOT = Path(__file__).resolve().parents[2]


def test_each_replaced_form_is_its_decomposition_and_its_nfkc() -> None:
    for wide, narrow in _COMMON_WIDE:
        assert unicodedata.normalize("NFKD", wide) == narrow
        assert unicodedata.normalize("NFKC", wide) == narrow
        # A compatibility character: NFKC never composes one, so a text in NFKC holds
        # none (the fast path returns a text in NFKC before looking for them).
        assert unicodedata.decomposition(wide).startswith("<")
        assert not unicodedata.is_normalized("NFKC", f"中{wide}文")
    for code, narrow in _WIDE.items():
        assert unicodedata.normalize("NFKD", chr(code)) == narrow


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("本机关未收取信息处理费，共０件（含１件）。", "本机关未收取信息处理费,共0件(含1件)。"),
        ("统计期限　自２０２３年", "统计期限 自2023年"),
        ("⑴ ① ㈠ ﬁ ｶ", "(1) 1 (一) fi カ"),  # no full-width ASCII: unicodedata's own way
        (
            "共收到申请２２件，（其中线上３件）；办结：20件。",
            "共收到申请22件,(其中线上3件);办结:20件。",
        ),
        ("中文", "中文"),
        ("", ""),
    ],
)
def test_nfkc_values(text: str, folded: str) -> None:
    assert nfkc(text) == folded == unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize(
    "text",
    [
        "一、总体情况\u3000本年度…％",
        "a，\u0301b（\u0338c）\u3099；\u20d2",  # combining marks after the replaced forms
        "Ａ：①㎡",
    ],
)
def test_nfkc_is_unicodedata_nfkc(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_nfkc_is_unicodedatas_on_mixed_text() -> None:
    """Full-width characters beside combining marks, Hangul jamo, compatibility ideographs
    and the half-width forms: the same string as unicodedata.normalize in every case."""
    pool = (
        [chr(c) for c in range(0x20, 0x400)]
        + [chr(c) for c in range(0x1100, 0x1180)]
        + [chr(c) for c in range(0x3000, 0x3100)]
        + [chr(c) for c in range(0xF900, 0xFA10)]
        + [chr(c) for c in range(0xFF00, 0xFFF0)]
        + list("政府信息公开年度报告，（）：；")
    )
    chooser = random.Random(12)
    for _ in range(20000):
        text = "".join(chooser.choice(pool) for _ in range(chooser.randint(0, 10)))
        assert nfkc(text) == unicodedata.normalize("NFKC", text), ascii(text)


def test_nfkc_and_the_fold_agree_with_the_plain_calls_on_every_fixture_line() -> None:
    lines = [
        line
        for path in sorted((ROOT / "fixtures").rglob("*.txt"))
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]
    assert len(lines) > 1000
    for line in lines:
        assert nfkc(line) == unicodedata.normalize("NFKC", line), repr(line)
        assert fold_traditional(line) == line.translate(_TRADITIONAL), repr(line)


def test_text_with_only_unchanged_characters_skips_the_fold_and_folding_is_the_same() -> None:
    """市, 局, 重 … stand in the traditional list paired with themselves: a sentence holding
    only such characters is not sent through the translate passes, and the fold of any text
    is the plain table's."""
    text = "某市交通运输局重点另行审查"
    assert _FOLDED(text) is None
    assert normalise(text) == text
    assert all(t != s for t, s in zip(TRADITIONAL, SIMPLIFIED, strict=True) if _FOLDED(t))
    mixed = "某市局開展審查工作"
    assert _FOLDED(mixed) is not None
    assert normalise(mixed) == "某市局开展审查工作"
    assert fold_traditional(mixed) == mixed.translate(str.maketrans(TRADITIONAL, SIMPLIFIED))


def test_the_fold_by_replacing_is_the_translate_tables() -> None:
    """_fold replaces the characters a text holds one by one: the same as one translate
    pass of the tables, since no character is replaced by one that is replaced too."""
    assert not set(_BOTH) & set(_BOTH.values())
    assert {chr(k): chr(v) for k, v in _TRADITIONAL.items() if k != v} == _SIMPLE
    every = TRADITIONAL + SIMPLIFIED + "－−–—―-0"
    chooser = random.Random(5)
    for _ in range(2000):
        text = "".join(chooser.choice(every) for _ in range(chooser.randint(0, 12)))
        assert _fold(text, _SIMPLE) == text.translate(_TRADITIONAL)
        assert _fold(text, _BOTH) == text.translate(_TRADITIONAL).translate(_DASHES)
    assert normalise("其它事項—處理　Ａ") == "其他事项-处理A"


#: What normalising removes as blanks, written as a pattern: the specification of
#: ``_without_blanks``.
_SPACES = re.compile(r"\s+")


def test_blanks_are_removed_as_the_pattern_removes_them_at_every_code_point() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    removed = _SPACES.sub("", every)
    assert _without_blanks(every) == removed
    assert len(every) - len(removed) == 29  # (\s's 29 characters)
    for text in ("", " ", "a b", "\t\u3000x\xa0*#y\u2028", "结 果 维 持", "##*", "中文"):
        assert _without_blanks(text) == _SPACES.sub("", text)


def test_the_spaces_pattern_removes_the_runs_the_plain_one_does() -> None:
    plain = re.compile(r"[\s\u3000\xa0\u200b*#]+")
    for text in ("", "a b", " \t\u3000x\xa0\u200b*#y ", "结 果 维 持", "##*", "中文"):
        assert normalise(text) == plain.sub("", text)


def _plain_normalise(text: str) -> str:
    """Normalising step by step, as written before its steps were merged: the spec."""
    text = unicodedata.normalize("NFKC", text).translate(_TRADITIONAL).translate(_DASHES)
    text = re.sub(r"[\s*#\u200b\u200c\u200d\u2060\ufeff]+", "", text)
    return text.replace("〔", "(").replace("〕", ")").replace("【", "(").replace("】", ")")


def test_normalising_replaces_the_marks_with_the_fold_as_the_steps_one_by_one_do() -> None:
    """The marks (zero-width space, * and #, 〔〕【】) are replaced with the traditional
    characters and dashes, by one search and a replace per character held: the same as
    each step in turn, since no replacement is a key or a blank."""
    assert not set(_BY_CHARACTER) & set(_BY_CHARACTER.values())
    assert not any(_SPACES.search(value) for value in _BY_CHARACTER.values())
    assert not any(_SPACES.search(key) for key in _BY_CHARACTER)
    pool = (
        list(_BY_CHARACTER)
        + list(TRADITIONAL + SIMPLIFIED)
        + list(" \t\u3000\xa0\u2028（）：；，－０１ab()-〖〗「」")
    )
    chooser = random.Random(29)
    for _ in range(5000):
        text = "".join(chooser.choice(pool) for _ in range(chooser.randint(0, 12)))
        assert _normalise(text) == _plain_normalise(text), ascii(text)
        assert fold_traditional(text) == text.translate(_TRADITIONAL), ascii(text)
    for text in ("国办发〔2023〕15号", "【字体：大 中 小】", "**合计**", "a\u200bb", "中文", ""):
        assert _normalise(text) == normalise(text) == _plain_normalise(text)


def test_radicals_fold_one_for_one_to_what_nfkc_makes_of_them() -> None:
    """A PDF's text layer may give ⼀ (U+2F00) for 一 and ⾏ (U+2F8F) for 行: each radical
    and compatibility ideograph is folded to NFKC's character, one for one, and nothing
    else changes."""
    assert fold_radicals("⼀、总体情况") == "一、总体情况"
    assert (
        fold_radicals("四、政府信息公开⾏政复议、⾏政诉讼情况")
        == "四、政府信息公开行政复议、行政诉讼情况"
    )
    assert fold_radicals("某某市⼈民政府") == "某某市人民政府"
    assert fold_radicals("⺠") == "⺠"  # (U+2EA0: no NFKC form, left as it is)
    text = "（一）予以公开 | 5 | 1，总计。"
    assert fold_radicals(text) is text
    table = _radical_table()
    assert table[0x2F00] == "一" and table[0x2F06] == "二" and table[0x2F8F] == "行"
    for code, folded in table.items():
        assert folded == unicodedata.normalize("NFKC", chr(code)) and len(folded) == 1
    assert 0x2EA0 not in table


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("统 计 期 限 自2023年1月1日 起 至", "统计期限自2023年1月1日起至"),
        ("统  计  期  限", "统计期限"),  # two spaces
        ("统\u3000计\u3000期\u3000限", "统计期限"),  # U+3000
        ("申 请 580 件 。", "申请580件。"),  # a Chinese character and a digit
        ("（ 二 ） 依 申 请", "（二）依申请"),
        ("自 2 023年", "自2 023年"),  # never between two digits in ordinary prose
        ("2023 年 12 月", "2023年12月"),
        # the digits spaced too, in letter-spaced text: closed up with the rest
        ("期 限 自 2 0 2 3 年 1 2 月 3 1 日 止", "期限自2023年12月31日止"),
        ("申  请  5  8  0  件  。", "申请580件。"),
        ("申\u3000请\u3000５\u3000８\u3000０\u3000件", "申请５８０件"),
        ("全 年 共 收 到 1 2", "全年共收到12"),  # at the text's end
        # but not in ordinary prose around them
        ("期限自 2 023年", "期限自2 023年"),  # a typo XG302 reports
        ("分别为 1 2 3 件", "分别为1 2 3件"),  # one Chinese character of a word to itself
        ("全 年 共 58 0 件", "全年共58 0件"),  # 58 is no one-character word
        ("申 请 5\t8 0 件", "申请5\t8 0件"),  # a tab: cells apart
        ("期限自 2 0 2 3年1月", "期限自2 0 2 3年1月"),  # the characters around unspaced
    ],
)
def test_letter_spaced_chinese_is_closed_up_and_mapped_back(text: str, closed: str) -> None:
    from xxgk_lint.format.normalise import close_up

    found, at = close_up(text)
    assert found == closed
    assert at is not None and len(at) == len(found) + 1 and at[-1] == len(text)
    assert "".join(text[i] for i in at[:-1]) == found


@pytest.mark.parametrize(
    "text", ["统计期限自2023年1月1日起至", "abc de", "1 2 3", "", "2 023年", "0 0 0 0 0 0"]
)
def test_text_with_nothing_to_close_up_comes_back_as_is(text: str) -> None:
    from xxgk_lint.format.normalise import close_up

    found, at = close_up(text)
    assert found is text and at is None
