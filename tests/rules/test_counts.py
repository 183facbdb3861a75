"""XG006 invalid-count: a count that is negative or has decimals, wherever a count belongs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, edit, locate
from tests.rules.helpers import check_text, codes


@pytest.mark.parametrize(
    ("old", "new", "raw", "key"),
    [
        ("行政处罚 | 15 |", "行政处罚 | -15 |", "-15", "negative"),
        ("行政规范性文件 | 3 | 1 | 12 |", "行政规范性文件 | 3.5 | 1 | 12 |", "3.5", "decimal"),
        # a count printed with decimals is one even when they are zeros
        ("行政许可 | 120 |", "行政许可 | 120.0 |", "120.0", "decimal"),
        (
            "（一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |",
            "（一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4.5 |",
            "4.5",
            "decimal",
        ),
        (
            "1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |",
            "1 | 0 | 0 | 0 | 1 | 0 | -1 | 0 | 0 | 0 |",
            "-1",
            "negative",
        ),
    ],
)
def test_a_bad_count_is_reported_at_its_cell(
    tmp_path: Path, old: str, new: str, raw: str, key: str
) -> None:
    text = edit(CLEAN, old, new)
    file = check_text(tmp_path, text)
    assert codes(file, "XG006") == [("XG006", *locate(text, raw, text.index(new)))]
    (finding,) = [d for d in file.diagnostics if d.code == "XG006"]
    assert finding.severity.label == "error"
    # the number read (120.0 keeps its decimals), and what a count must be
    assert finding.actual == Decimal(raw) and str(finding.actual) == raw
    assert finding.expected == ("≥ 0" if key == "negative" else "整数")
    word = "不能为负数" if key == "negative" else "件数应为整数"
    assert word in finding.message and raw in finding.message


def test_the_fee_amount_may_have_decimals(tmp_path: Path) -> None:
    text = edit(CLEAN, "行政事业性收费 | 0 |", "行政事业性收费 | 2360.8 |")
    assert codes(check_text(tmp_path, text), "XG006") == []


def test_a_clean_report_has_none(tmp_path: Path) -> None:
    assert codes(check_text(tmp_path, CLEAN), "XG006") == []


def test_the_message_names_the_amount_that_may_be_decimal(tmp_path: Path) -> None:
    text = edit(CLEAN, "行政许可 | 120 |", "行政许可 | 1.5 |")
    (finding,) = check_text(tmp_path, text, lang="en").diagnostics
    assert finding.message == (
        "proactive disclosure table, row '行政许可 (licensing)', column 'decisions this year' "
        "is 1.5: a count is a whole number (only 'fees collected (10,000 yuan)' may have "
        "decimals)"
    )


def test_the_2019_change_column_may_be_negative() -> None:
    from tests.conftest import FIXTURES
    from tests.rules.helpers import result

    older = FIXTURES / "reports" / "older-format-2019.txt"
    assert "行政处罚 | 23 | -1 | 141 |" in older.read_text(encoding="utf-8")  # 本年增/减 −1
    assert codes(result(older), "XG006") == []
