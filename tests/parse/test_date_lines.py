"""A line of prose that starts with a date's number (`31 日止。`, `2023 年 12 月`): a
paragraph wrapped there in a PDF whose text puts a blank between digits and Chinese (as
Word's spacing prints it) is prose, not a table row whose first cell is the number."""

from __future__ import annotations

import pytest

from tests.engine.reportkit import CLEAN, PERIOD, edit
from xxgk_lint.parse.grammar import get_parser
from xxgk_lint.testing import parse_text


def classify(line: str) -> str:
    return get_parser().line_lexer.classify(line)


@pytest.mark.parametrize(
    "line", ["31 日止。", "31 日,统计数据为本机关", "2023 年 12 月", "1 号至 12 月 31 号"]
)
def test_a_line_opening_with_a_dates_number_is_no_row(line: str) -> None:
    assert classify(line) != "ROW"


@pytest.mark.parametrize(
    "line", ["（一）予以公开 4 1 0 0 0 0 5", "行政许可 1493", "规章 0 0 0", "行政许可 12 件"]
)
def test_rows_of_blank_separated_numbers_are_rows(line: str) -> None:
    assert classify(line) == "ROW"


@pytest.mark.parametrize(
    "wrapped",
    [
        "本报告所列数据的统计期限自 2023 年 1 月 1 日起至 2023 年 12 月\n31 日，所列数据为本机关全年的\n情况。",
        "本报告中使用的数据统计期限为 2023 年 1 月 1 日至\n2023 年 12 月 31 日，如有疑问请与本机关\n联系。",
    ],
)
def test_a_period_wrapped_at_a_dates_number_is_read(wrapped: str) -> None:
    report = parse_text(edit(CLEAN, PERIOD, wrapped))
    assert report.period is not None
    assert (str(report.period.start), str(report.period.end)) == ("2023-01-01", "2023-12-31")
    assert report.period.well_formed
