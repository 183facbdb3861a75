"""Section headings numbered with a digit printed as one character with its full stop or
brackets (⒈总体情况, ⑴主动公开政府信息情况): read as numbered 1. / (1), another style than
the format's 一、 (an XG102 notice). The numeral used to be read as ⒈总体 (three
characters, no digit): XG102 warned that each section was wrongly numbered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.parse.test_value_cells import _parse, _seed
from tests.rules.helpers import check_text

_HEADS = r"(?=(总体情况|主动公开|收到和处理|政府信息公开行政复议|存在的主要问题|其他需要报告))"


def _numbered(marks: str) -> str:
    return re.sub(
        r"(?m)^([一二三四五六])、" + _HEADS,
        lambda m: marks["一二三四五六".index(m.group(1))],
        _seed("000"),
    )


@pytest.mark.parametrize(("marks", "first"), [("⒈⒉⒊⒋⒌⒍", "1."), ("⑴⑵⑶⑷⑸⑹", "(1)")])
def test_headings_numbered_with_stopped_digits(marks: str, first: str) -> None:
    text = _numbered(marks)
    sections = _parse(text).sections
    assert [s.key for s in sections][:2] == ["overview", "proactive"]
    assert sections[0].number == first
    line = text.split("\n").index(marks[0] + "总体情况") + 1
    assert (sections[0].span.line, sections[0].span.column) == (line, 1)


@pytest.mark.parametrize("marks", ["⒈⒉⒊⒋⒌⒍", "⑴⑵⑶⑷⑸⑹"])
def test_stopped_digit_headings_are_a_style_not_wrong_numbers(tmp_path: Path, marks: str) -> None:
    text = _numbered(marks)
    found = [
        (d.code, d.severity.name, d.line, d.column, d.expected)
        for d in check_text(tmp_path, text).diagnostics
        if d.code == "XG102"
    ]
    line = text.split("\n").index(marks[0] + "总体情况") + 1
    assert found == [("XG102", "INFO", line, 1, "一、")]
