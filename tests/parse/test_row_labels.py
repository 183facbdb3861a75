"""Row labels printed otherwise than the format prints them: numbered sub-items in every
numbering style.

Each case edits the clean report of the rule cases, in the layouts reports print tables
in, and asserts the values read under their canonical keys and the findings.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import ROOT
from tests.parse.test_layouts import one_per_line, tab
from xxgk_lint.parse.ast import Report
from xxgk_lint.testing import parse_text, run_rule

CLEAN = (ROOT / "tests/rules/cases/reports/clean.txt").read_text(encoding="utf-8")
ZEROS = " | 0" * 7 + " |"
OWN = (1, 2, 0, 0, 0, 0, 3)  # an edited row's values


def spaced(text: str) -> str:
    """Cells separated by single spaces, as a PDF's text layer gives them."""
    out = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("|")] if "|" in line else None
        out.append(line if cells is None else " ".join(c for c in cells if c))
    return "\n".join(out)


LAYOUTS: dict[str, Callable[[str], str]] = {
    "pipe": lambda text: text,
    "tab": tab,
    "spaced": spaced,
    "one-per-line": one_per_line,
}


def _edited(*edits: tuple[str, str]) -> str:
    text = CLEAN
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _row(label: str, values: tuple[int, ...]) -> str:
    return label + "".join(f" | {v}" for v in values) + " |"


def _values(report: Report, table: str, row: str) -> tuple[object, ...] | None:
    found = report.tables[table].row(row)
    return None if found is None else tuple(found.value(c) for c in found.columns)


# ---- （3）其他: a numbered sub-item in any style


@pytest.mark.parametrize("number", ["3.", "（3）", "(3)", "3)", "③", "3、", "3．", "⑶", "3"])
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_the_other_sub_item_is_read_in_every_numbering_style(number: str, layout: str) -> None:
    text = _edited(("3.其他" + ZEROS, _row(f"{number}其他", OWN)))
    report = parse_text(LAYOUTS[layout](text))
    assert _values(report, "applications", "other.other") == OWN
    assert _values(report, "applications", "total") == (5, 2, 0, 0, 0, 0, 7)
    assert run_rule("XG003", report) == []
    assert run_rule("XG005", report) == []


def test_all_three_sub_items_numbered_in_brackets() -> None:
    text = _edited(
        ("（六）其他处理 | 1.申请人", "（六）其他处理 | （1）申请人"),
        ("\n2.申请人逾期", "\n（2）申请人逾期"),
        ("3.其他" + ZEROS, _row("（3）其他", OWN)),
    )
    report = parse_text(text)
    assert [r.key for r in report.tables["applications"].rows][-5:] == [
        "other.no_correction",
        "other.fee_unpaid",
        "other.other",
        "total",
        "carried_forward",
    ]
    assert _values(report, "applications", "other.other") == OWN
