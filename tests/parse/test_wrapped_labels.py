"""Row labels wrapped over many lines, as the text of a PDF printed from a table with
narrow label cells (Word's or WPS's template) gives them: each label in pieces of a few
characters, one line each, the group label's pieces before them or interleaved with them,
and the row's numbers on a line of their own after the pieces or among them (centred in
the cell), or on the line of the first piece."""

from __future__ import annotations

import math
import re

import pytest

from tests.conftest import ROOT
from xxgk_lint.parse.ast import Report
from xxgk_lint.testing import parse_text

CLEAN = (ROOT / "tests/rules/cases/reports/clean.txt").read_text(encoding="utf-8")
OLDER = (ROOT / "fixtures/reports/older-format-2019.txt").read_text(encoding="utf-8")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def _pieces(text: str, width: int) -> list[str]:
    """``text`` broken as a cell ``width`` half-width characters wide breaks it."""
    out: list[str] = []
    piece, used = "", 0
    for char in text:
        size = 2 if ord(char) > 0x7F else 1
        if piece and used + size > width:
            out.append(piece)
            piece, used = "", 0
        piece += char
        used += size
    return [*out, piece] if piece else out


def _interleaved(first: list[str], second: list[str]) -> list[str]:
    out: list[str] = []
    for at in range(max(len(first), len(second))):
        out += first[at : at + 1] + second[at : at + 1]
    return out


def narrow(text: str, width: int, place: str, group: str) -> str:
    """Tables 二 and 三 of ``text`` (| rows) as a PDF of narrow cells prints them: every
    label in pieces ``width`` wide; a row's numbers on one line ``place``d after its
    label's pieces, in their middle or on the line of the first; a group label's pieces
    before the row's or ``group``-interleaved with them line by line."""
    out: list[str] = []
    inside = False
    for line in text.split("\n"):
        if line.startswith("二、主动公开"):
            inside = True
        elif line.startswith("四、政府信息公开行政复议"):
            inside = False
        if not inside or "|" not in line:
            out.append(line)
            continue
        cells = [c.strip() for c in line.split("|") if c.strip()]
        numbers = [c for c in cells if _NUMBER.fullmatch(c)]
        labels = [c for c in cells if not _NUMBER.fullmatch(c)]
        if not numbers:
            out += [piece for cell in labels for piece in _pieces(cell, width)]
            continue
        row = _pieces(labels[-1], width)
        values = " ".join(numbers)
        half = math.ceil(len(row) / 2)
        if place == "after" or len(row) == 1:
            lines = [*row, values]
        elif place == "middle":
            lines = [*row[:half], values, *row[half:]]
        else:
            lines = [f"{row[0]} {values}", *row[1:]]
        if len(labels) > 1:
            pieces = _pieces(labels[0], width)
            lines = pieces + lines if group == "before" else _interleaved(pieces, lines)
        out += lines
    return "\n".join(out)


def _values(report: Report, table: str) -> dict[str, tuple[object, ...] | None]:
    out: dict[str, tuple[object, ...] | None] = {}
    for row in report.tables[table].rows:
        out[row.key] = tuple(row.value(c) for c in row.columns) if row.cells else None
    return out


@pytest.mark.parametrize("group", ["before", "interleaved"])
@pytest.mark.parametrize("place", ["after", "middle", "first"])
@pytest.mark.parametrize("width", [4, 5, 6, 8, 12])
@pytest.mark.parametrize("text", [CLEAN, OLDER], ids=["2021", "2019"])
def test_wrapped_labels_are_read_as_their_rows(
    text: str, width: int, place: str, group: str
) -> None:
    expected = parse_text(text)
    report = parse_text(narrow(text, width, place, group))
    for table in ("proactive", "applications"):
        assert _values(report, table) == _values(expected, table)


@pytest.mark.parametrize("place", ["after", "middle", "first"])
@pytest.mark.parametrize("width", [4, 6])
@pytest.mark.parametrize(
    "label",
    ["2.其他法律行政法规禁止公开", "7.属于行政执法案卷", "2.重复申请", "4.无正当理由大量反复申请"],
)
def test_a_wrapped_label_naming_no_row_gives_its_values_to_no_other_row(
    label: str, width: int, place: str
) -> None:
    """A row whose wrapped label names no row (its words replaced) is left unread or read
    as its own row: no other row takes its values, nor loses its own."""
    number = label.split(".")[0]
    own = (2, 5, 0, 1, 0, 0, 8)
    row = label + " | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
    assert CLEAN.count(row) == 1
    text = CLEAN.replace(row, f"{number}.某某某某某某某某 | " + " | ".join(map(str, own)) + " |")
    expected = _values(parse_text(CLEAN), "applications")
    report = parse_text(narrow(text, width, place, "before"))
    found = _values(report, "applications")
    key = next(k for k, v in found.items() if v == own) if own in found.values() else None
    assert key in (None, _key_of(label))
    assert {k: v for k, v in found.items() if k != _key_of(label)} == {
        k: v for k, v in expected.items() if k != _key_of(label)
    }


def _key_of(label: str) -> str:
    from xxgk_lint.format import FORMAT_2021

    spec = FORMAT_2021.table("applications")
    return next(row.key for row in spec.rows if row.label.zh == label)
