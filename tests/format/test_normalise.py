"""format.normalise.nfkc: NFKC, the same string as unicodedata's, sooner."""

from __future__ import annotations

import random
import unicodedata

import pytest

from xxgk_lint.format.normalise import nfkc


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("本机关未收取信息处理费，共０件（含１件）。", "本机关未收取信息处理费,共0件(含1件)。"),
        ("统计期限　自２０２３年", "统计期限 自2023年"),
        ("⑴ ① ㈠ ﬁ ｶ", "(1) 1 (一) fi カ"),  # no full-width ASCII: unicodedata's own way
        ("中文", "中文"),
        ("", ""),
    ],
)
def test_nfkc_values(text: str, folded: str) -> None:
    assert nfkc(text) == folded == unicodedata.normalize("NFKC", text)


def test_nfkc_is_unicodedatas_on_mixed_text() -> None:
    """Full-width characters beside combining marks, Hangul jamo, compatibility ideographs
    and the half-width forms: the same string as unicodedata.normalize in every case."""
    pool = (
        [chr(c) for c in range(0x20, 0x400)]
        + [chr(c) for c in range(0x1100, 0x1180)]
        + [chr(c) for c in range(0x3000, 0x3100)]
        + [chr(c) for c in range(0xF900, 0xFA10)]
        + [chr(c) for c in range(0xFF00, 0xFFF0)]
        + list("政府信息公开年度报告")
    )
    chooser = random.Random(12)
    for _ in range(20000):
        text = "".join(chooser.choice(pool) for _ in range(chooser.randint(0, 10)))
        assert nfkc(text) == unicodedata.normalize("NFKC", text), ascii(text)
