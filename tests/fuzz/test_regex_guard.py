"""Hang guard: every regular expression of ``xxgk_lint.sources`` runs in linear time.

Not a speed benchmark: each pattern gets adversarial lines (hundreds of tabs and
separators, heading words, unclosed tags, quotes and comments, entity soup) with every
operation the code uses on it, and the test fails only if one of them takes more than a
second: a backtracking pattern takes minutes or hours on such lines, a linear one
milliseconds. The patterns are found by walking the package, so that a new one is guarded
without being listed here.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator

import pytest

import xxgk_lint.sources
from tests.fuzz.harness import Hang, hang_guard
from xxgk_lint.phrasebook import Phrasebook

HEADINGS = "一、总体情况二、主动公开政府信息情况三、收到和处理政府信息公开申请情况"

ADVERSARIAL: dict[str, str] = {
    "tabs": "\t" * 300,
    "heading-tabs-stray": "一、总体情况" + "\t" * 300 + "x",
    "heading-cells-note": "三、本年度办理结果" + "\t" * 300 + "注",
    "pipes": "|" * 300 + "x",
    "pipes-spaces": "| " * 300 + "x",
    "separators": "\t|　 ,，、" * 300,
    "headings": HEADINGS * 300,
    "period-words": "统计期限" * 1_250,
    "numbers": "1,2.3，４" * 1_250,
    "digits": "1" * 5_000 + "x",  # a digit run matched two ways by a repeated group
    "digits-spaced": "1 " * 2_500 + "x",
    "page-numbers": "第 1 页 共 9 页 下一页 " * 500 + "x",
    "angles": "<" * 5_000,
    "open-tags": "<a " * 2_500,
    "attribute-soup": "<td " + 'a="b" c=d e= ' * 1_250,
    "equals-quotes": "<p " + '="' * 2_500,
    "open-quote": '<p title="' + "x" * 12_500,
    "open-comments": "<!--" * 2_500,
    "comment-dashes": "<!--" + "-" * 12_500,
    "open-script": "<script" + " " * 5_000 + "<" * 5_000,
    "script-soup": "<script>" + "</scrip" * 2_500,
    "end-tags": "</" * 5_000,
    "entities": "&" * 5_000 + "&#" * 2_500 + "&nbsp" * 1_250,
    "cells": "<td" * 5_000 + "<TH " * 1_250,
    "streams": "stream\r\n" * 2_500 + "endstream" * 2_500,
    "parentheses": "over the limit a = 1 (" + "(" * 5_000,
    "long-word": "x" * 25_000,
    "controls": "\x00\x01\x0b\ufffd" * 2_500,
    "invisible": "\u200b \u200c\n" * 2_500,
}


def patterns() -> Iterator[tuple[str, re.Pattern[str] | re.Pattern[bytes]]]:
    """Every compiled pattern at module level in xxgk_lint.sources (also inside tuples and
    phrasebooks)."""
    package = xxgk_lint.sources
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            yield from _found(f"{info.name}.{name}", value, 0)


def _found(name: str, value: object, depth: int) -> Iterator[tuple[str, re.Pattern]]:
    if isinstance(value, re.Pattern):
        yield name, value
    elif isinstance(value, Phrasebook):  # its pairs, named as the tuple they once were
        yield from _found(name, value.pairs, depth)
    elif isinstance(value, tuple | list) and depth < 2:
        for index, item in enumerate(value):
            yield from _found(f"{name}[{index}]", item, depth + 1)


PATTERNS = dict(patterns())


def test_the_patterns_are_found() -> None:
    """The walk finds the readers' patterns (if it found none, the guard would guard none)."""
    names = set(PATTERNS)
    for expected in (
        "xxgk_lint.sources.html_source._MARKUP",
        "xxgk_lint.sources.html._PIECES",
        "xxgk_lint.sources.pdf._CONTROL",
        "xxgk_lint.sources.pdf_streams._STREAM",
        "xxgk_lint.sources.messages._OVER",
        "xxgk_lint.sources.messages._ZH[0][0]",
    ):
        assert expected in names
    assert len(names) >= 30


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_adversarial_lines(name: str) -> None:
    pattern = PATTERNS[name]
    for label, line in ADVERSARIAL.items():
        subject: str | bytes = line.encode() if isinstance(pattern.pattern, bytes) else line
        try:
            with hang_guard(1.0):
                pattern.search(subject)
                pattern.match(subject)
                pattern.fullmatch(subject)
                for _ in pattern.finditer(subject):
                    pass
                pattern.split(subject)
                pattern.subn(subject[:0], subject)
        except Hang:
            pytest.fail(f"{name} took more than a second on the {label!r} line")


def test_the_guard_stops_a_backtracking_pattern() -> None:
    """The guard itself works: a nested quantifier on a line of tabs is stopped."""
    backtracking = re.compile(r"(?:\t+)+x")
    with pytest.raises(Hang), hang_guard(0.2):
        backtracking.match("\t" * 300)
