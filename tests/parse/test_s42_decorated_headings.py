"""Section headings behind a decoration (▎一、总体情况, 📌二、…, ◆ 三、…: a WeChat article or a
designed page), and numbered 第Ⅰ部分 (a Roman numeral in 第…部分); a keycap emoji's digit
(1️⃣ 总体情况) with them, read all along.

Both were read in session 39 and lost in session 40, when headings numbered in other
styles were added (the numeral was then looked for right after markdown's marks, and a
title after anything but a bare numeral was taken for prose): the six sections were each
"without a heading" (XG102 at each, XG101 with a table or a value then missed). Here across
all five seeds, so that a change to how headings are read meets them again."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.parse.test_s40_heading_numerals import _numbered, assert_headings_open
from tests.rules.helpers import check_text
from xxgk_lint.format.document import heading_lead
from xxgk_lint.parse.numerals import heading_numeral

_SEEDS = ["000", "001", "002", "004"]  # (003 indents its headings)
_DECORATED = [
    "▎{cn}、{t}",
    "📌{cn}、{t}",
    "🔹{cn}、{t}",
    "◆ {cn}、{t}",
    "▌{cn}、{t}",
    "✅{cn}、{t}",
    "▲{cn}、{t}",
    "■ {cn}、{t}",
    "★{cn}、{t}",
]


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("▎一、总体情况", 1),
        ("📌二、主动公开", 1),
        ("◆ 三、收到", 2),
        ("**▲四、", 3),
        ("✅\ufe0f六、", 2),  # (an emoji with its variation selector)
        ("（一）总体情况", 0),
        ("①总体情况", 0),
        ("【一、总体情况】", 0),
        ("Ⅰ.总体情况", 0),
        ("2023年", 0),
        ("## ", 3),
    ],
)
def test_where_a_heading_starts_after_its_marks(text: str, lead: int) -> None:
    assert heading_lead(text) == lead


def test_a_roman_numeral_in_di_bufen() -> None:
    numeral = heading_numeral("第Ⅲ部分 收到和处理政府信息公开申请情况")
    assert numeral is not None
    assert (numeral.value, numeral.printed, numeral.style, numeral.end) == (
        3,
        "第Ⅲ部分",
        "第I部分 ",
        5,
    )
    assert heading_numeral("第Ⅸ部分 其他") is None


@pytest.mark.parametrize("seed", _SEEDS)
@pytest.mark.parametrize(
    "style", [*_DECORATED, "第{r}部分 {t}", "第{r}部分：{t}", "{n}\ufe0f\u20e3 {t}"]
)
def test_decorated_and_roman_headings_open_their_sections(style: str, seed: str) -> None:
    assert_headings_open(seed, style)


@pytest.mark.parametrize("style", _DECORATED)
def test_a_decorated_heading_is_no_finding(tmp_path: Path, style: str) -> None:
    found = [
        (d.code, d.line)
        for d in check_text(tmp_path, _numbered("000", style)).diagnostics
        if d.code in ("XG101", "XG102")
    ]
    assert found == []


def test_roman_di_bufen_is_one_notice(tmp_path: Path) -> None:
    found = [
        (d.code, d.severity.name, d.line, d.column, d.expected)
        for d in check_text(tmp_path, _numbered("000", "第{r}部分 {t}")).diagnostics
        if d.code in ("XG101", "XG102")
    ]
    assert found == [("XG102", "INFO", 2, 1, "一、")]
