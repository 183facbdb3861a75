"""Text whose characters the page writes as references is found where it stands.

``html_source._find_with_references`` tries the nearer of the token's first character and
a "&" without building a list per step, compares the characters before each "&" at once,
and looks each reference up once per process (``_unescape``); ``_group`` cuts the token
into runs by ``bisect``. They must give the offsets and runs the character-by-character
forms gave before (``_reference`` and ``_reference_group`` below, as they were written):
pinned on crafted runs and on random ones drawn from the characters they tell apart.
"""

from __future__ import annotations

import html
import random

import pytest

from xxgk_lint.sources import html_source
from xxgk_lint.sources.html_source import (
    Seg,
    SourceCursor,
    _find_with_references,
    _group,
    _unescape,
)


def _reference(run: str, token: str, start: int, end: int) -> list[int] | None:
    """The search as it was written before: a list of candidates per step,
    ``html.unescape`` per reference."""
    first = token[0]
    p = start
    while p < end:
        a = run.find(first, p, end)
        b = run.find("&", p, end)
        candidates = [x for x in (a, b) if x != -1]
        if not candidates:
            return None
        p = min(candidates)
        stops = _reference_match(run, token, p, end)
        if stops is not None:
            return stops
        p += 1
    return None


def _reference_match(run: str, token: str, p: int, end: int) -> list[int] | None:
    stops = []
    for ch in token:
        if p >= end:
            return None
        if run[p] == "&":
            semi = run.find(";", p + 1, min(end, p + 40))
            if semi != -1 and html.unescape(run[p : semi + 1]) == ch:
                stops.append(p)
                p = semi + 1
                continue
        if run[p] != ch:
            return None
        stops.append(p)
        p += 1
    stops.append(p)
    return stops


def _reference_group(token: str, offsets: list[int]) -> list[Seg]:
    segs: list[Seg] = []
    start = 0
    for k in range(1, len(token) + 1):
        if k == len(token) or offsets[k] != offsets[k - 1] + 1:
            segs.append((token[start:k], offsets[start], True))
            start = k
    return segs


def _same(run: str, token: str, start: int, end: int) -> None:
    stops = _find_with_references(run, token, start, end)
    assert stops == _reference(run, token, start, end), (run, token, start, end)
    if stops is not None:
        base = len(run) // 2
        expected = _reference_group(token, [base + s for s in stops[:-1]])
        assert _group(token, stops, base) == expected, (run, token, start, end)


RUNS = [
    ("xx&gt;&gt;年度报告 yy", ">>年度报告"),
    ("本网站&ldquo;政府信息公开&rdquo;专栏", "网站“政府信息公开”专"),
    ("&amp;&lt;&amp;x", "&<&x"),
    ("&&gt;>", ">>"),
    ("&#20013;&#x56FD;人", "中国人"),
    ("a&gtb;c&gt;", ">"),
    ("&ltx;&lt;", "<"),
    ("&nbsp;1&nbsp;", "\xa01\xa0"),
    ("&copy; 2024", "©"),
    ("no reference here", "here"),
    ("&amp;&", "&&"),
    ("x&gt;y&gt;&gt;zz&lt;", "x>y>>zz<"),
    ("甲乙&ldquo;丙&rdquo;丁甲乙&ldquo;丙&rdquo;丁戊", "乙“丙”丁戊"),
    ("&unknown;&gt;", ">"),
]


@pytest.mark.parametrize(("run", "token"), RUNS)
def test_references_found_as_before(run: str, token: str) -> None:
    for start in range(len(run)):
        for end in range(start, len(run) + 1):
            _same(run, token, start, end)


def test_references_found_as_before_on_random_runs() -> None:
    pieces = ["&gt;", "&lt;", "&amp;", "&ldquo;", "&#49;", "&#x31;", "&gt", "&", ";", ">"]
    pieces += ["<", "1", "甲", "“", " ", "&nbsp;", "&bogus;", "a"]
    tokens = [">", ">>", "1", "甲1", "“甲", "<1", "&", "a>", "\xa01", "1>1", "a&1", ">a>a"]
    rng = random.Random(36)
    for _ in range(5000):
        run = "".join(rng.choices(pieces, k=rng.randrange(1, 12)))
        token = rng.choice(tokens)
        start = rng.randrange(len(run))
        end = rng.randrange(start, len(run) + 1)
        _same(run, token, start, end)


def test_unescape_is_html_unescape_and_kept() -> None:
    for reference in ("&gt;", "&ldquo;", "&#20013;", "&ltx;", "&bogus;", "&amp;lt;"):
        assert _unescape(reference) == html.unescape(reference)
        assert reference in html_source._REFERENCES


def test_cursor_finds_text_written_with_references() -> None:
    src = "<p>&gt;&gt;年度报告</p>"
    cursor = SourceCursor(src, [src])
    cursor.enter("p", 1)
    assert cursor.find(">>年度报告") == [(">", 3, True), (">", 7, True), ("年度报告", 11, True)]
