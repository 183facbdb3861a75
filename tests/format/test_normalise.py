"""normalise.py: the fast NFKC and the traditional fold give what the plain calls give."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from xxgk_lint.format.normalise import _TRADITIONAL, _WIDE, fold_traditional, nfkc

ROOT = Path(__file__).resolve().parents[2]


def test_each_wide_form_is_replaced_by_its_decomposition() -> None:
    for wide, narrow in _WIDE:
        assert unicodedata.normalize("NFKD", wide) == narrow
        assert unicodedata.normalize("NFKC", wide) == narrow


@pytest.mark.parametrize(
    "text",
    [
        "共收到申请２２件，（其中线上３件）；办结：20件。",
        "一、总体情况\u3000本年度…％",
        "a，\u0301b（\u0338c）\u3099；\u20d2",  # combining marks after the replaced forms
        "Ａ：①㎡",
        "",
    ],
)
def test_nfkc_is_unicodedata_nfkc(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


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
