"""The sentence grammars: dates and periods (dates.lark), numeric claims (claims.lark)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from xxgk_lint.parse.ast import Paragraph, Piece, Span
from xxgk_lint.parse.dates import _period, arabic_dates, read_dates


@pytest.mark.parametrize(
    ("window", "start", "end", "problem"),
    [
        (
            "统计期限自2023年1月1日起至2023年12月31日止",
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
            None,
        ),
        ("统计期限为2022年1月1日至12月31日", dt.date(2022, 1, 1), dt.date(2022, 12, 31), None),
        ("统计期限从2019年1月1日到12月31日止", dt.date(2019, 1, 1), dt.date(2019, 12, 31), None),
        ("统计时间为2023.1.1-2023.12.31", dt.date(2023, 1, 1), dt.date(2023, 12, 31), None),
        (
            "统计期限自2023年1月1日起，至2023年12月31日止",
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
            None,
        ),
        (
            "数据期限截止时间为2023年12月31日,统计数据为2023年1月1日以来制作",
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
            None,
        ),
        ("统计期限自202411日起至1231日止", None, None, "garbled"),
        ("统计期限自2023年1月1日起至2023年2月30日止", None, None, "impossible-date"),
        ("统计期限为2023年12月31日", None, None, "single-date"),
        ("统计期限自2023年12月31日起至2023年1月1日止", None, None, "reversed"),
        (
            "统计期限：２０２３年１月１日至２０２３年１２月３１日",
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
            None,
        ),
        # A year and nothing more is that calendar year; with 至 it is one date.
        ("统计期限为2023年度", dt.date(2023, 1, 1), dt.date(2023, 12, 31), None),
        ("统计期限为2022年", dt.date(2022, 1, 1), dt.date(2022, 12, 31), None),
        (
            "统计期限为2023年度（1月1日至12月31日）",
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
            None,
        ),
        ("数据截至2023年", None, None, "garbled"),
        ("统计期限为2023年12月", None, None, "garbled"),
        # Chinese numerals.
        (
            "统计期限自二〇二二年一月一日起至二〇二二年十二月三十一日止",
            dt.date(2022, 1, 1),
            dt.date(2022, 12, 31),
            None,
        ),
        (
            "统计期限为二○二三年一月一日至十二月三十一日",
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
            None,
        ),
        ("统计期限为二〇二三年度", dt.date(2023, 1, 1), dt.date(2023, 12, 31), None),
        ("统计期限自二〇二三年一月一日起至二〇二三年二月三十日止", None, None, "impossible-date"),
        # Spaces around the digits (PDF text layers), full-width ones (folded), and mixes.
        (
            "统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止",
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
            None,
        ),
        (
            "统计期限自\u30002023\u3000年\u30001\u3000月\u30001\u3000日起至"
            "\u30002023\u3000年\u300012\u3000月\u300031\u3000日止",
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
            None,
        ),
        ("统计期限为2023年 1 月1日至 12 月31日", dt.date(2023, 1, 1), dt.date(2023, 12, 31), None),
        (
            "统计期限为 2023\t年\t1\t月\t1\t日至2023年12月31日",
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
            None,
        ),
        ("统计期限为 2023 年度", dt.date(2023, 1, 1), dt.date(2023, 12, 31), None),
        ("统计期限自 2023 年 1 月 1 日起至 2023 年 2 月 30 日止", None, None, "impossible-date"),
        # Digits apart with no unit between them are no date part: still garbled.
        ("统计期限自 2023 年 1 1 日起至 12 31 日止", None, None, "garbled"),
    ],
)
def test_period_windows(window: str, start, end, problem) -> None:
    assert _period(window) == (start, end, problem)


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("二〇二二年一月一日", "2022年1月1日"),
        ("至十二月三十一日止", "至12月31日止"),
        ("两千零二十三年度", "2023年度"),
        ("二〇二四年 四月十五日", "2024年 4月15日"),
        # Not dates: a length, a month's count, a day without its month, a 月份.
        ("统计期限为一年", "统计期限为一年"),
        ("十五日内答复", "十五日内答复"),
        ("同一日", "同一日"),
        ("十三月", "十三月"),
        ("一月份", "一月份"),
        ("三十二日", "三十二日"),
    ],
)
def test_chinese_numerals_of_dates_become_digits(text: str, digits: str) -> None:
    assert arabic_dates(text) == digits


def test_a_date_parses_with_its_place_in_the_window() -> None:
    reading = read_dates("签发于2024年2月14日。")
    (single,) = reading.singles
    assert (single.year, single.month, single.day) == (2024, 2, 14)
    assert "签发于2024年2月14日"[single.start : single.end] == "2024年2月14日"


def test_a_spaced_date_starts_at_its_first_digit() -> None:
    text = "签发于 2024 年 2 月 14 日。"
    (single,) = read_dates(text).singles
    assert (single.year, single.month, single.day) == (2024, 2, 14)
    assert text[single.start : single.end] == "2024 年 2 月 14 日"


def _sentence(text: str):
    paragraph = Paragraph(text, Span(1, 1, 1, len(text) + 1), (Piece(0, 1, 1),))
    (sentence,) = paragraph.sentences
    return sentence


def _claims(text: str) -> list[tuple]:
    return [
        (sorted(c.topics), c.value, c.sub, c.delta, c.each, c.none) for c in _sentence(text).claims
    ]


def test_counts_take_the_topic_words_before_them() -> None:
    assert _claims("2024年，我局共收到政府信息公开申请22件，其中线上申请3件，线下申请19件。") == [
        (["application", "receive"], 22, False, False, False, False),
        (["application"], 3, True, False, False, False),
        (["application"], 19, True, False, False, False),
    ]


def test_carry_in_carry_out_and_closed() -> None:
    assert _claims("上年结转2件，本年新收20件，办结19件，结转下年度继续办理3件。") == [
        (["carry_in"], 2, False, False, False, False),
        (["receive"], 20, False, False, False, False),
        (["close"], 19, False, False, False, False),
        (["carry_out"], 3, False, False, False, False),
    ]
    assert _claims("共收到依申请公开信件6件,结转2024年1件。")[1] == (
        ["carry_out"],
        1,
        False,
        False,
        False,
        False,
    )


def test_a_change_is_not_a_total_and_years_are_no_counts() -> None:
    assert _claims("2023年共受理申请30件，同比增长10件。") == [
        (["application", "receive"], 30, False, False, False, False),
        ([], 10, False, True, False, False),
    ]


def test_each_and_all_upheld() -> None:
    assert _claims("办理行政复议、诉讼各 1 件，均结果维持。") == [
        (["handle", "litigation", "review"], 1, False, False, True, False),
        (["handle", "litigation", "review", "upheld"], 1, False, False, True, False),
    ]
    # 均结果维持 after two counts: both were upheld.
    assert _claims("被申请行政复议1件、被提起行政诉讼2件，均结果维持。") == [
        (["application", "review"], 1, False, False, False, False),
        (["litigation"], 2, False, False, False, False),
        (["application", "review", "upheld"], 1, False, False, False, False),
        (["litigation", "upheld"], 2, False, False, False, False),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "被申请行政复议2件，均未被纠错。",
        "被申请行政复议2件，无被纠错案件。",
        "被申请行政复议2件，没有被撤销的。",
    ],
)
def test_a_result_denied_is_no_result_of_the_counts(sentence: str) -> None:
    """Once a bug: 均未被纠错 gave the 2 reviews the result 纠正 (2 corrected)."""
    assert _claims(sentence) == [(["application", "review"], 2, False, False, False, False)]


def test_none_corrected_is_a_claim_of_its_own() -> None:
    assert _claims("被申请行政复议2件，未发生行政复议被纠错的情况。") == [
        (["application", "review"], 2, False, False, False, False),
        (["corrected", "review"], 0, False, False, False, True),
    ]


def test_none_statements() -> None:
    assert _claims("本年度未发生因政府信息公开引发的行政复议、行政诉讼案件。") == [
        (["litigation", "review"], 0, False, False, False, True)
    ]
    assert _claims("本年度未收到政府信息公开申请。") == [
        (["application"], 0, False, False, False, True)
    ]
    assert _claims("网站支持无障碍阅读。") == []  # 无障碍 is no statement of none


@pytest.mark.parametrize(
    "sentence",
    [
        "本机关未因政府信息公开工作被申请行政复议或被提起行政诉讼。",
        "没有因政府信息公开工作被申请行政复议或提起行政诉讼。",
        "全年无因政府信息公开引发的行政复议、行政诉讼。",
        "无行政复议和行政诉讼案件。",
    ],
)
def test_none_of_the_cases_caused_by_disclosure(sentence: str) -> None:
    """未因 / 没有因 / 无因 …被申请行政复议: no reviews or lawsuits (被申请 holds 申请, an
    application word, which is not what there was none of)."""
    assert _claims(sentence) == [(["litigation", "review"], 0, False, False, False, True)]


@pytest.mark.parametrize(
    "sentence",
    [
        "未因收费问题拒绝受理政府信息公开申请。",  # applications: not what 未因 denies
        "没有因申请人身份不同而区别对待。",
    ],
)
def test_none_caused_is_about_reviews_and_lawsuits_only(sentence: str) -> None:
    assert _claims(sentence) == []


def test_a_claim_points_at_its_number() -> None:
    sentence = _sentence("共受理政府信息公开申请202件。")
    (claim,) = sentence.claims
    assert (claim.span.column, claim.span.end_column) == (12, 15)


_PREFIXES = (
    "统计期限自",
    "数据统计期限为",
    "統計期限自",
    "统计期限开始",
    "统计期限以来自",
    "统计期限至",
    "",
)
_FIRSTS = ("2023年1月1日", "2023年01月01日", "2023年2月30日", "2023年12月31日")
_SECONDS = ("2023年12月31日", "12月31日", "2月30日", "2022年12月31日", "2024年2月29日")


@pytest.mark.parametrize("prefix", _PREFIXES)
@pytest.mark.parametrize("joint", ["起至", "至", "到"])
@pytest.mark.parametrize("last", ["止", ""])
def test_plain_period_windows_read_as_the_grammar_reads_them(
    prefix: str, joint: str, last: str
) -> None:
    """The period read without the grammar (the usual wording) is what the grammar reads."""
    import re

    from xxgk_lint.parse.dates import _PLAIN_PERIOD, _window_period

    for first in _FIRSTS:
        for second in _SECONDS:
            window = prefix + first + joint + second + last
            assert re.fullmatch(_PLAIN_PERIOD, window) is not None
            assert _window_period.__wrapped__(window) == _period(window), window


def test_plain_period_values() -> None:
    from xxgk_lint.parse.dates import _window_period

    read = _window_period.__wrapped__
    assert read("统计期限自2023年1月1日起至2023年12月31日止") == (
        dt.date(2023, 1, 1),
        dt.date(2023, 12, 31),
        None,
    )
    assert read("统计期限为2023年1月1日至12月31日") == (
        dt.date(2023, 1, 1),
        dt.date(2023, 12, 31),
        None,
    )
    assert read("统计期限自2023年1月1日起至2023年2月30日止") == (None, None, "impossible-date")
    assert read("统计期限自2023年1月1日起至2022年12月31日止") == (None, None, "reversed")


def test_period_words_are_looked_for_where_a_match_can_start() -> None:
    """The scan that skips paragraphs finds what ``finditer`` finds, and nothing where no
    word can start."""
    from xxgk_lint.format.document import PERIOD_WORDS
    from xxgk_lint.parse.dates import _first_characters, _has_choice, _matches

    assert _first_characters(PERIOD_WORDS[0]) == "统統数數"
    assert _first_characters(PERIOD_WORDS[1]) == "所截"
    assert _has_choice("统计|数据") and not _has_choice("统计(?:期限|时限)")
    text = "本报告所列数据的統計期限自2023年1月1日起至2023年12月31日止，数据时限为全年。"
    for words in PERIOD_WORDS:
        found = [m.span() for m in _matches(words.raw_pattern, _first_characters(words), text)]
        assert found == [m.span() for m in words.raw_pattern.finditer(text)]
        assert found
    assert list(_matches(PERIOD_WORDS[0].raw_pattern, "统統数數", "一、总体情况")) == []


@pytest.mark.parametrize(
    ("window", "start", "end"),
    [
        # Dates in figures with dots: no 年/日/至 in the window, yet a period.
        ("统计期限为2023.1.1-2023.12.31", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ("统计期限为2023.01.01—2023.12.31", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        (
            "统计期限为２０２３．１．１－２０２３．１２．３１",
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
        ),
        ("统计期限为2022.1.1-2022.12.31", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
        ("统计期限为2023.1.1-2023.6.30", dt.date(2023, 1, 1), dt.date(2023, 6, 30)),
        ("统计期限为2023/1/1-2023/12/31", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        # Months without days: the first day of the first, the last day of the last.
        ("统计期限为2023年1月至12月", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ("统计期限为2023年1-12月", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ("统计期限为2023年1月份至12月份", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ("统计期限为2023年1至12月止", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ("统计期限为2022年1月至12月", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
        ("统计期限为2023年1月至11月", dt.date(2023, 1, 1), dt.date(2023, 11, 30)),
        ("统计期限为2023年1-6月", dt.date(2023, 1, 1), dt.date(2023, 6, 30)),
        ("统计期限为2024年1月至2月", dt.date(2024, 1, 1), dt.date(2024, 2, 29)),
        ("统计期限为2023年1月1日至12月", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ("统计期限为二〇二三年一月至十二月期间", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        # 元月 is 1月.
        ("统计期限自2023年元月1日起至2023年12月31日止", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        (
            "统计期限为二〇二二年元月一日至十二月三十一日",
            dt.date(2022, 1, 1),
            dt.date(2022, 12, 31),
        ),
        # A clock time after the day is left out; 24时 does not move the day.
        (
            "统计期限为2023年1月1日0时至2023年12月31日24时",
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
        ),
        (
            "统计期限为2023年1月1日零时至2023年6月30日二十四时",
            dt.date(2023, 1, 1),
            dt.date(2023, 6, 30),
        ),
        (
            "统计期限为2023-01-01 00:00:00至2023-12-31 23:59:59",
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
        ),
    ],
)
def test_period_wordings_of_real_reports(window: str, start, end) -> None:
    from xxgk_lint.parse.dates import _window_period

    assert _window_period.__wrapped__(window) == (start, end, None)
    assert _window_period.__wrapped__(window, 2023) == (start, end, None)


@pytest.mark.parametrize(
    ("window", "year", "read"),
    [
        # No year: the report's, for whole dates only.
        ("统计期限为1月1日至12月31日", 2023, (dt.date(2023, 1, 1), dt.date(2023, 12, 31), None)),
        ("统计期限为1月1日至6月30日", 2024, (dt.date(2024, 1, 1), dt.date(2024, 6, 30), None)),
        ("统计期限为1月1日至12月31日", None, (None, None, "garbled")),
        ("统计期限为1月1日至2月30日", 2023, (None, None, "impossible-date")),
        # A month range in prose after the word is not read as the period.
        ("统计期限内，于3月至5月开展专项检查", 2023, (None, None, "garbled")),
        ("统计期限为2023年3月至5月开展专项检查", 2023, (None, None, "garbled")),
        ("统计期间2023年1-6月受理申请12件", 2023, (None, None, "garbled")),
        # One month is no period, nor months without a year.
        ("统计期限为2023年12月", 2023, (None, None, "garbled")),
        ("统计期限为1月至12月", 2023, (None, None, "garbled")),
        # A damaged date stays damaged with the clock-time wording.
        ("统计期限自202311日0时起至1231日24时止", 2023, (None, None, "garbled")),
    ],
)
def test_period_guards(window: str, year, read) -> None:
    from xxgk_lint.parse.dates import _window_period

    assert _window_period.__wrapped__(window, year) == read


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("2023年元月1日", "2023年1月1日"),
        ("2023年 元月1日", "2023年 1月1日"),
        ("元月1日起", "1月1日起"),
        ("人均100元月均", "人均100元月均"),  # no month
        ("2023年12月31日24时", "2023年12月31日"),
        ("2023年1月1日0时0分至", "2023年1月1日至"),
        ("12月31日二十四时止", "12月31日止"),
        ("2023-12-31 23:59", "2023-12-31"),
        ("共3点意见", "共3点意见"),  # no day before it
        ("2023年1-12月", "2023年1月-12月"),
        ("2023年1月份至12月份", "2023年1月至12月"),
        ("2023年1—6月", "2023年1月—6月"),
        ("2023年11-13月", "2023年11-13月"),  # no month 13
        ("2023.1-6月", "2023.1-6月"),  # part of a figure
    ],
)
def test_dates_put_plainly(text: str, plain: str) -> None:
    from xxgk_lint.parse.dates import plain_dates

    assert plain_dates(text) == plain


def _paragraph(text: str, line: int = 1) -> Paragraph:
    return Paragraph(text, Span(line, 1, line, len(text) + 1), (Piece(0, line, 1),))


def test_find_period_reads_qizhi_shijian_and_the_report_year() -> None:
    from xxgk_lint.parse.dates import find_period

    found = find_period([_paragraph("本报告统计数据起止时间为2022年1月1日至2022年12月31日。")])
    assert found is not None
    assert (found.text, found.start, found.end) == (
        "统计数据起止时间为2022年1月1日至2022年12月31日",
        dt.date(2022, 1, 1),
        dt.date(2022, 12, 31),
    )
    assert found.span == Span(1, 4, 1, 34)
    found = find_period([_paragraph("本报告中所列数据统计期限为1月1日至12月31日。")], 2023)
    assert found is not None
    assert (found.start, found.end, found.problem) == (
        dt.date(2023, 1, 1),
        dt.date(2023, 12, 31),
        None,
    )


def test_a_month_range_in_prose_does_not_displace_the_period() -> None:
    """A month range after a loose word is never looked at when a specific word states the
    period, wherever that statement stands."""
    from xxgk_lint.parse.dates import find_period

    found = find_period(
        [
            _paragraph("本报告所列数据中，2023年1-6月受理申请。"),
            _paragraph("统计期限为2023年1月1日至2023年12月31日。", 2),
        ]
    )
    assert found is not None
    assert (found.start, found.end, found.span.line) == (
        dt.date(2023, 1, 1),
        dt.date(2023, 12, 31),
        2,
    )


def _letter_spaced(blank: str) -> str:
    """本 报 告 … 自2022年1月1日 起 至2022年12月31日 止 。: the digits not spaced."""
    spaced = blank.join("本报告中所列数据的统计期限自") + "2022年1月1日" + blank
    return spaced + blank.join("起至") + "2022年12月31日" + blank + "止" + blank + "。"


def _digit_spaced(blank: str) -> str:
    """统 计 期 限 自 2 0 2 2 年 1 月 1 日 …: every two characters spaced, digits too."""
    return blank.join("本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。")


@pytest.mark.parametrize(
    ("spacing", "blank"),
    [
        *((_letter_spaced, blank) for blank in (" ", "  ", "\u3000", "\t")),
        *((_digit_spaced, blank) for blank in (" ", "  ", "\u3000")),
    ],
)
def test_a_spaced_period_is_read_and_placed_on_its_characters(
    spacing: Callable[[str], str], blank: str
) -> None:
    """A PDF's justified line, spaced between the letters or between every two characters:
    read closed up; its span is that of its characters in the file."""
    from xxgk_lint.parse.dates import find_period

    spaced = spacing(blank)
    found = find_period([_paragraph("前言" + spaced, line=3)], 2023)
    assert found is not None
    assert (found.text, found.start, found.end) == (
        "统计期限自2022年1月1日起至2022年12月31日止",
        dt.date(2022, 1, 1),
        dt.date(2022, 12, 31),
    )
    assert found.span == Span(3, 2 + spaced.index("统") + 1, 3, 2 + spaced.index("止") + 2)


def test_a_number_spaced_in_ordinary_prose_stays_apart() -> None:
    """期限自 2 023年 is a typo in ordinary prose, not a letter-spaced year: no date read."""
    from xxgk_lint.parse.dates import find_period

    found = find_period([_paragraph("本报告统计期限自 2 023年1月1日起至2023年12月31日止。")], 2023)
    assert found is not None and found.start is None
