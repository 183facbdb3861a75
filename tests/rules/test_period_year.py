"""XG303 period-other-year and XG304 period-not-calendar-year."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, PERIOD, TITLE, edit, locate
from tests.rules.helpers import check_text, codes


def period(sentence: str, base: str = CLEAN) -> str:
    return edit(base, PERIOD, sentence)


def statuses(file, rule: str) -> list[str]:
    return [c.status for c in file.checks if c.rule == rule]


def test_the_report_year_passes_both(tmp_path: Path) -> None:
    file = check_text(tmp_path, CLEAN)
    assert codes(file, "XG303", "XG304") == []
    assert statuses(file, "XG303") == statuses(file, "XG304") == ["pass"]


def test_last_years_period_is_an_error_against_the_title_year(tmp_path: Path) -> None:
    text = period("本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。")
    file = check_text(tmp_path, text)
    assert codes(file, "XG303", "XG304") == [("XG303", *locate(text, "统计期限"))]
    (finding,) = file.diagnostics
    assert finding.severity.label == "error"
    assert (finding.expected, finding.actual) == ("2023-01-01/2023-12-31", "2022-01-01/2022-12-31")
    assert "是 2022 年的，而本报告是 2023 年度报告（标题中的年份）" in finding.message


def test_without_a_title_year_the_year_the_text_states(tmp_path: Path) -> None:
    text = period(
        "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
        edit(CLEAN, TITLE, "测试县人民政府政府信息公开工作年度报告"),
    )
    file = check_text(tmp_path, text, lang="en")
    (finding,) = [d for d in file.diagnostics if d.code == "XG303"]
    assert "the report is for 2023 (the year the text states)" in finding.message


def test_an_end_in_another_year(tmp_path: Path) -> None:
    text = period("本报告所列数据的统计期限自2023年1月1日起至2024年12月31日止。")
    file = check_text(tmp_path, text)
    assert codes(file, "XG303", "XG304") == [("XG303", *locate(text, "统计期限"))]
    assert "是 2023—2024 年的" in file.diagnostics[0].message


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("本报告所列数据的统计期限自2023年1月1日起至2023年11月30日止。", "到11月30日止"),
        ("本报告所列数据的统计期限自2023年2月1日起至2023年12月31日止。", "从2月1日起"),
        ("本报告所列数据的统计期限为2023年3月1日至2023年6月30日。", "从3月1日起、到6月30日止"),
    ],
)
def test_not_the_calendar_year(tmp_path: Path, sentence: str, words: str) -> None:
    text = period(sentence)
    file = check_text(tmp_path, text)
    assert codes(file, "XG303", "XG304") == [("XG304", *locate(text, "统计期限"))]
    (finding,) = file.diagnostics
    assert finding.severity.label == "warning" and words in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "",  # no period: XG301
        "本报告所列数据的统计期限自202311日起至1231日止。",  # garbled: XG302
    ],
)
def test_no_or_a_malformed_period_is_not_assessable(tmp_path: Path, sentence: str) -> None:
    file = check_text(tmp_path, period(sentence))
    assert codes(file, "XG303", "XG304") == []
    assert statuses(file, "XG303") == statuses(file, "XG304") == ["not_assessable"]


def test_the_short_wording_inherits_the_year(tmp_path: Path) -> None:
    file = check_text(tmp_path, period("本报告所列数据的统计期限为2023年1月1日至12月31日。"))
    assert codes(file, "XG303", "XG304") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "本报告所列数据的统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。",
        "本报告所列数据的统计期限自\u30002023\u3000年\u30001\u3000月\u30001\u3000日起至"
        "\u30002023\u3000年\u300012\u3000月\u300031\u3000日止。",
        "本报告所列数据的统计期限自2023年 1 月1日起至2023年 12 月31日止。",
    ],
)
def test_spaces_around_the_digits_are_a_well_formed_period(tmp_path: Path, sentence: str) -> None:
    file = check_text(tmp_path, period(sentence))
    assert codes(file, "XG301", "XG302", "XG303", "XG304") == []
    assert statuses(file, "XG303") == statuses(file, "XG304") == ["pass"]


@pytest.mark.parametrize(
    ("sentence", "word", "code", "actual"),
    [
        # Dots, with or without padding, full-width: read as dates.
        ("本报告所列数据统计期限为2023.1.1-2023.12.31。", "数据统计期", None, None),
        (
            "本报告所列数据统计期限为２０２３．１．１－２０２３．１２．３１。",
            "数据统计期",
            None,
            None,
        ),
        (
            "本报告所列数据统计期限为2022.01.01—2022.12.31。",
            "数据统计期",
            "XG303",
            "2022-01-01/2022-12-31",
        ),
        (
            "本报告所列数据统计期限为2023.1.1-2023.6.30。",
            "数据统计期",
            "XG304",
            "2023-01-01/2023-06-30",
        ),
        # Months without days.
        ("统计期限为2023年1月至12月。", "统计期限", None, None),
        ("统计期限为2023年1-12月。", "统计期限", None, None),
        ("统计期限为2022年1月至12月。", "统计期限", "XG303", "2022-01-01/2022-12-31"),
        ("统计期限为2023年1月至11月。", "统计期限", "XG304", "2023-01-01/2023-11-30"),
        ("统计期限为2023年1-6月。", "统计期限", "XG304", "2023-01-01/2023-06-30"),
        # 元月, clock times, 起止时间, no year.
        ("统计期限自2023年元月1日起至2023年12月31日止。", "统计期限", None, None),
        (
            "统计期限自2022年元月1日起至2022年12月31日止。",
            "统计期限",
            "XG303",
            "2022-01-01/2022-12-31",
        ),
        ("统计期限为2023年1月1日0时至2023年12月31日24时。", "统计期限", None, None),
        (
            "统计期限为2023年1月1日0时至2023年6月30日24时。",
            "统计期限",
            "XG304",
            "2023-01-01/2023-06-30",
        ),
        ("本报告统计数据起止时间为2023年1月1日至2023年12月31日。", "统计数据起止时间", None, None),
        (
            "本报告统计数据起止时间为2022年1月1日至2022年12月31日。",
            "统计数据起止时间",
            "XG303",
            "2022-01-01/2022-12-31",
        ),
        ("本报告中所列数据统计期限为1月1日至12月31日。", "数据统计期", None, None),
        (
            "本报告中所列数据统计期限为1月1日至11月30日。",
            "数据统计期",
            "XG304",
            "2023-01-01/2023-11-30",
        ),
    ],
)
def test_period_wordings_of_real_reports(
    tmp_path: Path, sentence: str, word: str, code: str | None, actual: str | None
) -> None:
    text = period(sentence)
    file = check_text(tmp_path, text)
    found = codes(file, "XG301", "XG302", "XG303", "XG304")
    if code is None:
        assert found == []
        assert statuses(file, "XG303") == statuses(file, "XG304") == ["pass"]
        return
    assert found == [(code, *locate(text, word))]
    (finding,) = [d for d in file.diagnostics if d.code == code]
    assert finding.actual == actual


def test_a_period_without_a_year_in_a_report_without_a_title_year(tmp_path: Path) -> None:
    """No year in the title: the year the text states is the period's."""
    text = period(
        "本报告中所列数据统计期限为1月1日至12月31日。",
        edit(CLEAN, TITLE, "测试县人民政府政府信息公开工作年度报告"),
    )
    file = check_text(tmp_path, text)
    assert codes(file, "XG301", "XG302", "XG303", "XG304") == []
    assert statuses(file, "XG303") == ["pass"]


def test_a_month_range_in_prose_is_not_the_period(tmp_path: Path) -> None:
    """Months named in a sentence about work done are not read as the period: the
    statement stays unreadable (XG302), not a partial year (XG304)."""
    text = period("统计期限内，本机关于2023年3月至5月开展专项检查。")
    file = check_text(tmp_path, text)
    assert codes(file, "XG302", "XG303", "XG304") == [("XG302", *locate(text, "统计期限"))]


@pytest.mark.parametrize("blank", [" ", "  ", "\u3000"])
@pytest.mark.parametrize(("year", "found"), [(2023, []), (2022, ["XG303"])])
def test_a_period_spaced_character_by_character(
    tmp_path: Path, blank: str, year: int, found: list[str]
) -> None:
    """A PDF's line with a blank between every two characters, the digits too: the period
    is read (no XG301, no XG302 for a year spaced 2 0 2 3), and last year's is XG303."""
    spaced = blank.join(f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。")
    text = period(spaced)
    file = check_text(tmp_path, text)
    got = [d for d in file.diagnostics if d.code in ("XG301", "XG302", "XG303")]
    assert [(d.code, d.line, d.column) for d in got] == [
        (code, *locate(text, blank.join("统计期限"))) for code in found
    ]
