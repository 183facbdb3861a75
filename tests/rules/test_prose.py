"""XG501 prose-vs-applications and XG502 prose-vs-reviews: what the text says against the
tables, reading by reading; near-misses never fire.

CLEAN (tests/engine/reportkit.py): 一 received 7, 二 carried over 1, （七）总计 7, 四 carried
forward 1 (总计 column); table 四: 行政复议 1 upheld, no lawsuits.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, edit, locate, wrong_total
from tests.parse.test_claims import ALL_CASES, CASES_OF_A_KIND, QUALIFIED
from tests.rules.helpers import check_text, codes

OVERVIEW = "共收到政府信息公开申请7件。"
REVIEWS = "1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"


def overview(text: str, base: str = CLEAN) -> str:
    """The report with the overview's sentence about applications replaced."""
    return edit(base, OVERVIEW, text)


def reviews(row: str, base: str = CLEAN) -> str:
    return edit(base, REVIEWS, row)


def prose_checks(file, rule: str) -> list[tuple[str, str]]:
    return [(c.scope, c.status) for c in file.checks if c.rule == rule]


# ---- XG501: table 三


@pytest.mark.parametrize(
    "sentence",
    [
        "共收到政府信息公开申请7件。",  # 新收
        "共收到政府信息公开申请8件。",  # 新收 + 上年结转
        "本年新收政府信息公开申请7件，上年结转1件，办结7件，结转下年度继续办理1件。",
        "共受理依申请公开7件，均已答复。",
        "全年办结政府信息公开申请7件。",
        "本年度新收申请7件，另有1件因需征求第三方意见结转下年度办理。",
        "共收到依申请公开信件7件，结转2024年1件。",  # a year in the count's words
        "2023年共收到政府信息公开申请7件，转入下年度1件。",
        "办理政府信息公开申请8件。",  # 办理: received, received + carried over, or closed
        "全年共接到政府信息公开申请7件。",
    ],
)
def test_readings_the_wording_allows_pass(tmp_path: Path, sentence: str) -> None:
    file = check_text(tmp_path, overview(sentence))
    assert codes(file, "XG501") == []
    statuses = {status for _, status in prose_checks(file, "XG501")}
    assert statuses == {"pass"}


def test_received_fits_no_reading(tmp_path: Path) -> None:
    text = overview("共收到政府信息公开申请17件。")
    file = check_text(tmp_path, text)
    line, column = locate(text, "17件")
    assert codes(file, "XG501") == [("XG501", line, column)]
    (finding,) = file.diagnostics
    assert (finding.expected, finding.actual) == ("7 / 8", 17)
    assert "“一、本年新收政府信息公开申请数量”为 7" in finding.message
    assert (
        "“一、本年新收政府信息公开申请数量 + 二、上年结转政府信息公开申请数量”为 8"
        in finding.message
    )
    assert "都不是 17" in finding.message
    assert prose_checks(file, "XG501") == [("共收到政府信息公开申请17件", "fail")]
    (check,) = [c for c in file.checks if c.rule == "XG501"]
    assert check.finding == ("XG501", finding.subject)
    assert [c.address for c in check.cells] == [
        "text",
        "applications.received.total",
        "applications.carried_over.total",
    ]


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        ("全年办结政府信息公开申请9件。", "9件", 7),  # （七）总计
        ("共收到政府信息公开申请7件，已全部答复9件。", "9件", 7),  # 答复: （七）总计 too
        ("共收到政府信息公开申请7件，上年结转3件。", "3件", 1),  # 二、上年结转
        ("共收到政府信息公开申请7件，结转下年度继续办理2件。", "2件", 1),  # 四
        ("共收到政府信息公开申请7件，转入下年2件。", "2件", 1),
        ("全年共接到政府信息公开申请9件。", "9件", "7 / 8"),  # 接到: received
    ],
)
def test_each_wording_compares_with_its_row(
    tmp_path: Path, sentence: str, number: str, expected: object
) -> None:
    text = overview(sentence)
    file = check_text(tmp_path, text)
    assert codes(file, "XG501") == [("XG501", *locate(text, number))]
    (finding,) = [d for d in file.diagnostics if d.code == "XG501"]
    assert (finding.expected, finding.actual) == (expected, int(number[:-1]))


def test_every_match_of_every_sentence_and_section(tmp_path: Path) -> None:
    text = overview("共收到政府信息公开申请17件，办结9件。")
    text = edit(
        text,
        "本机关2023年未收取信息处理费。",
        "本机关2023年共受理政府信息公开申请27件，未收取信息处理费。",
    )
    file = check_text(tmp_path, text)
    assert codes(file, "XG501") == [
        ("XG501", *locate(text, "17件")),
        ("XG501", *locate(text, "9件")),
        ("XG501", *locate(text, "27件")),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # other bodies' applications: the county's, the city's
        "全县各级行政机关共收到政府信息公开申请1200件，其中本机关收到7件。",
        "全市共收到政府信息公开申请1200件，办结1190件。",
        "全系统共受理政府信息公开申请350件。",
        # a breakdown by channel, without 其中
        "全年通过网站收到政府信息公开申请5件，通过信函收到2件。",
        "当面受理政府信息公开申请3件，网上受理4件。",
    ],
)
def test_counts_of_other_bodies_or_of_one_channel_are_not_compared(
    tmp_path: Path, sentence: str
) -> None:
    file = check_text(tmp_path, overview(sentence))
    assert codes(file, "XG501") == []
    assert {status for _, status in prose_checks(file, "XG501")} <= {"pass"}


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        # the body's own again after 本机关
        ("全县各级行政机关共收到政府信息公开申请1200件，其中本机关收到7件，办结9件。", "9件"),
        # every channel counted together
        ("通过网站、信函等方式共收到政府信息公开申请17件。", "17件"),
    ],
)
def test_own_and_all_channel_counts_are_compared(
    tmp_path: Path, sentence: str, number: str
) -> None:
    text = overview(sentence)
    file = check_text(tmp_path, text)
    findings = [d for d in file.diagnostics if d.code == "XG501"]
    assert [(d.line, d.column, d.actual) for d in findings] == [
        (*locate(text, number, text.index(sentence)), int(number[:-1]))
    ]


def test_none_received(tmp_path: Path) -> None:
    text = overview("本年度未收到政府信息公开申请。")
    file = check_text(tmp_path, text)
    (finding,) = [d for d in file.diagnostics if d.code == "XG501"]
    assert (finding.line, finding.expected, finding.actual) == (4, 7, 0)
    assert "没有收到申请" in finding.message and "为 7" in finding.message
    received = "一、本年新收政府信息公开申请数量 | 5 | 2 | 0 | 0 | 0 | 0 | 7 |"
    zero = edit(text, received, "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |")
    file = check_text(tmp_path, zero)
    assert codes(file, "XG501") == []
    assert prose_checks(file, "XG501") == [("本年度未收到政府信息公开申请", "pass")]


@pytest.mark.parametrize(
    "sentence",
    [
        "共收到政府信息公开申请7件，其中线上申请3件，线下申请4件。",  # parts
        "共收到政府信息公开申请7件（其中网络申请5件、信函2件），同比增长10件。",
        "共收到政府信息公开申请7件，较上年减少2件。",  # a change
        "共收到政府信息公开申请7件，其中予以公开3件，部分公开1件。",  # outcomes
        "共收到政府信息公开申请7件，受理行政许可申请1200件。",  # other applications
        "共收到政府信息公开申请7件，按时办理人大代表建议和政协委员提案3件。",
        "全年共受理群众来信17件，办结15件。",  # no information-disclosure context
        "共收到政府信息公开申请7件，全年未发生逾期答复情况。",  # 未发生… is about lateness
        "2023年共收到政府信息公开申请7件，其中2023年12月收到3件。",
        "本年度未收到群众提出的书面政府信息公开申请。",  # one channel
        "全年收到口头政府信息公开申请2件。",
    ],
)
def test_near_misses_never_fire(tmp_path: Path, sentence: str) -> None:
    file = check_text(tmp_path, overview(sentence))
    assert codes(file, "XG501") == []
    assert {status for _, status in prose_checks(file, "XG501")} <= {"pass"}


@pytest.mark.parametrize(
    "sentence",
    [
        # a time word before the verb puts the count in another year than the report's (2023)
        "2023年，本机关共收到政府信息公开申请7件，上年度收到申请12件，同比减少5件。",
        "2023年，本机关共收到政府信息公开申请7件，去年同期收到申请12件。",
        "2023年，本机关共收到政府信息公开申请7件，2022年收到12件。",
        "2023年，本机关共收到政府信息公开申请7件，二〇二二年收到申请12件。",
        "共收到政府信息公开申请7件，上一年度共受理申请12件、办结11件。",
        "共收到政府信息公开申请7件，上年同期办结12件。",
        "共收到政府信息公开申请7件，与去年相比，同期受理申请12件。",
        "共收到政府信息公开申请7件，前一年收到申请十二件。",
        "共收到政府信息公开申请7件，比上年减少5件。",  # a change (already silent)
        "共收到政府信息公开申请7件，较上年（12件）有所减少。",
        "共收到政府信息公开申请7件，上年度未收到政府信息公开申请。",
        # the time word goes on dating the next clauses of the sentence
        "共收到政府信息公开申请7件。上年度收到政府信息公开申请20件，办结18件。",
    ],
)
def test_another_years_counts_are_not_compared(tmp_path: Path, sentence: str) -> None:
    """Only this year's counts are compared: the report's own count (7) passes, last
    year's is no claim about table 三 at all."""
    file = check_text(tmp_path, overview(sentence))
    assert codes(file, "XG501") == []
    assert [status for _, status in prose_checks(file, "XG501")] == ["pass"]


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        # 上年结转 is row 二 of this year's table, whatever the time word in it
        ("共收到政府信息公开申请7件，上年结转3件。", "3件", 1),
        ("共收到政府信息公开申请7件，上年度结转3件。", "3件", 1),
        ("共收到政府信息公开申请7件，上一年度结转3件。", "3件", 1),
        # the report's own year is this year
        ("2023年共收到政府信息公开申请17件。", "17件", "7 / 8"),
        ("本机关2023年共收到政府信息公开申请17件。", "17件", "7 / 8"),
        # this year again after last year's
        ("上年度收到申请12件，本年度共收到政府信息公开申请17件。", "17件", "7 / 8"),
        # a year after the verb dates nothing: carried forward into 2024
        ("共收到政府信息公开申请7件，结转2024年2件。", "2件", 1),
    ],
)
def test_this_years_counts_are_compared_whatever_the_year_words(
    tmp_path: Path, sentence: str, number: str, expected: object
) -> None:
    text = overview(sentence)
    file = check_text(tmp_path, text)
    assert codes(file, "XG501") == [("XG501", *locate(text, number))]
    (finding,) = [d for d in file.diagnostics if d.code == "XG501"]
    assert (finding.expected, finding.actual) == (expected, int(number[:-1]))


@pytest.mark.parametrize(
    ("sentence", "number", "actual", "expected"),
    [
        ("共收到政府信息公开申请十七件。", "十七", 17, "7 / 8"),
        ("共收到政府信息公开申请两件。", "两", 2, "7 / 8"),
        ("共收到政府信息公开申请二十三件。", "二十三", 23, "7 / 8"),
        ("共收到政府信息公开申请一百零五件。", "一百零五", 105, "7 / 8"),
        # grouped by thousands: one count, compared whole (not a comma and 007, whose
        # clause names nothing, so that the count was never compared at all)
        ("共收到政府信息公开申请1,007件。", "1,007", 1007, "7 / 8"),
        ("共收到政府信息公开申请1，007件。", "1，007", 1007, "7 / 8"),  # (full-width, as typed)
        ("共收到政府信息公开申请2,000 件。", "2,000", 2000, "7 / 8"),
        ("共收到政府信息公开申请1,234,567件。", "1,234,567", 1234567, "7 / 8"),
        ("全年办结政府信息公开申请1,007件。", "1,007", 1007, 7),
    ],
)
def test_counts_in_chinese_numerals_and_grouped_by_thousands(
    tmp_path: Path, sentence: str, number: str, actual: int, expected: object
) -> None:
    text = overview(sentence)
    file = check_text(tmp_path, text)
    line, column = locate(text, number)
    (finding,) = [d for d in file.diagnostics if d.code == "XG501"]
    assert (finding.line, finding.column, finding.end_column) == (
        line,
        column,
        column + len(number),
    )
    assert (finding.expected, finding.actual) == (expected, actual)
    assert f"不是 {actual}" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "共收到政府信息公开申请7件,办结7件,结转下年度1件。",  # (commas between clauses)
        "共收到政府信息公开申请7件，上年结转1件，办结7件。",
    ],
)
def test_counts_beside_a_grouped_number_agree(tmp_path: Path, sentence: str) -> None:
    assert codes(check_text(tmp_path, overview(sentence)), "XG501") == []


def test_counts_in_chinese_numerals_that_agree(tmp_path: Path) -> None:
    file = check_text(
        tmp_path, overview("共收到政府信息公开申请七件，上年结转一件，办结七件，结转下年度一件。")
    )
    assert codes(file, "XG501") == []
    assert [status for _, status in prose_checks(file, "XG501")] == ["pass"] * 4


def test_the_expected_values_are_listed_once_each(tmp_path: Path) -> None:
    """办理 reads 新收 (7), 新收 + 上年结转 (8) and （七）总计 (7): 7 is expected once."""
    file = check_text(tmp_path, overview("办理依申请公开事项17件。"))
    (finding,) = [d for d in file.diagnostics if d.code == "XG501"]
    assert (finding.expected, finding.actual) == ("7 / 8", 17)
    assert "“（七）总计”为 7，都不是 17" in finding.message


def test_information_disclosed_on_request_is_no_count_of_applications(tmp_path: Path) -> None:
    """依申请公开政府信息17件 usually counts the documents disclosed on request (one
    application may get several, many get none): no verb of receiving or closing, nothing
    to compare with table 三."""
    file = check_text(tmp_path, overview("共收到政府信息公开申请7件，依申请公开政府信息17件。"))
    assert codes(file, "XG501") == []
    assert prose_checks(file, "XG501") == [("共收到政府信息公开申请7件", "pass")]


def test_the_fee_statement_is_not_a_none_of_applications(tmp_path: Path) -> None:
    text = edit(CLEAN, "本机关2023年未收取信息处理费。", "本年度依申请公开工作中未发生收费情况。")
    file = check_text(tmp_path, text)
    assert [c for c in file.checks if c.rule == "XG501" and c.status != "pass"] == []


def test_a_wrong_cell_is_read_at_the_value_the_identities_ask(tmp_path: Path) -> None:
    """Row 一's 总计 printed 8 (its columns add up to 7): the prose's 7 agrees with the
    table as corrected; the wrong cell is reported once, by the row-sum."""
    file = check_text(tmp_path, wrong_total())
    assert [d.code for d in file.diagnostics] == ["XG201"]
    assert prose_checks(file, "XG501") == [("共收到政府信息公开申请7件", "pass")]


def test_a_blank_cell_is_not_assessable(tmp_path: Path) -> None:
    received = "一、本年新收政府信息公开申请数量 | 5 | 2 | 0 | 0 | 0 | 0 | 7 |"
    text = overview("共收到政府信息公开申请17件。", edit(CLEAN, received, received[:-4] + "  |"))
    file = check_text(tmp_path, text)
    assert codes(file, "XG501") == []
    (check,) = [c for c in file.checks if c.rule == "XG501"]
    assert (check.status, check.reason) == ("not_assessable", "applications.received.total")


def test_english_message(tmp_path: Path) -> None:
    file = check_text(tmp_path, overview("全年办结政府信息公开申请9件。"), lang="en")
    (finding,) = [d for d in file.diagnostics if d.code == "XG501"]
    assert finding.message == (
        "the text says '全年办结政府信息公开申请9件', which contradicts table 三: "
        "'（七）总计 (total outcomes)' = 7; not 9"
    )


# ---- XG502: table 四

LAWSUITS = "1 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 1 |"


@pytest.mark.parametrize(
    ("sentence", "row"),
    [
        ("因政府信息公开被申请行政复议1件，结果维持。", REVIEWS),
        ("因政府信息公开被申请行政复议1件，被提起行政诉讼2件，均结果维持。", LAWSUITS),
        (
            "政府信息公开方面，办理行政复议、诉讼各 1 件，均结果维持。",
            REVIEWS.replace("| 0 | 0 | 0 | 0 | 0 |", "| 1 | 0 | 0 | 0 | 1 |", 1),
        ),
        ("因政府信息公开引起的未经复议直接起诉1件。", LAWSUITS),
        ("因政府信息公开未发生行政复议被纠错的情况。", REVIEWS),
        ("本年度未发生因政府信息公开引起的行政复议、行政诉讼。", "0 | " * 14 + "0 |"),
    ],
)
def test_review_wordings_pass(tmp_path: Path, sentence: str, row: str) -> None:
    file = check_text(tmp_path, reviews(row, overview(OVERVIEW + sentence)))
    assert codes(file, "XG502") == []
    assert {status for _, status in prose_checks(file, "XG502")} == {"pass"}


@pytest.mark.parametrize(
    ("sentence", "row", "number", "found"),
    [
        # 复议 N 件 against the review group's 总计
        ("因政府信息公开被申请行政复议2件。", REVIEWS, "2件", "行政复议“总计”为 1"),
        # 诉讼 N 件 against 直接起诉 + 复议后起诉
        ("因政府信息公开被提起行政诉讼1件。", LAWSUITS, "1件", "为 2"),
        # 各 N 件: each of them (here no lawsuit at all)
        ("政府信息公开方面，办理行政复议、诉讼各1件。", REVIEWS, "1件", "为 0"),
        # 均结果维持 against the 结果维持 columns (the one review was corrected)
        (
            "因政府信息公开被申请行政复议1件，均结果维持。",
            "0 | 1 | 0 | 0 | 1 |" + " 0 |" * 10,
            "1件",
            "行政复议“结果维持”为 0",
        ),
    ],
)
def test_review_wordings_fail(
    tmp_path: Path, sentence: str, row: str, number: str, found: str
) -> None:
    text = reviews(row, overview(OVERVIEW + sentence))
    file = check_text(tmp_path, text)
    findings = [d for d in file.diagnostics if d.code == "XG502"]
    assert [(d.line, d.column) for d in findings] == [locate(text, number, text.index(sentence))]
    assert found in findings[0].message


def test_none_of_reviews_against_any_non_zero_cell(tmp_path: Path) -> None:
    sentence = "本年度未发生因政府信息公开引起的行政复议、行政诉讼。"
    file = check_text(tmp_path, overview(OVERVIEW + sentence))
    (finding,) = [d for d in file.diagnostics if d.code == "XG502"]
    assert (finding.line, finding.expected, finding.actual) == (4, 1, 0)
    assert "行政复议“结果维持”为 1" in finding.message and "行政复议“总计”为 1" in finding.message
    (check,) = [c for c in file.checks if c.rule == "XG502"]
    assert len(check.cells) == 1 + 15  # the statement, and every cell of table 四


def test_none_corrected(tmp_path: Path) -> None:
    sentence = "因政府信息公开未发生行政复议被纠错的情况。"
    corrected = "0 | 1 | 0 | 0 | 1 |" + " 0 |" * 10
    file = check_text(tmp_path, reviews(corrected, overview(OVERVIEW + sentence)))
    (finding,) = [d for d in file.diagnostics if d.code == "XG502"]
    assert "行政复议“结果纠正”为 1" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "本局全年办理行政复议案件120件。",  # the body's own review work, not disclosure
        "全年受理行政复议申请15件，同比增长10件。",
        "因政府信息公开被申请行政复议1件，其中1件结果维持。",  # a part
    ],
)
def test_review_near_misses(tmp_path: Path, sentence: str) -> None:
    file = check_text(tmp_path, overview(OVERVIEW + sentence))
    assert codes(file, "XG502") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "本机关未因政府信息公开工作被申请行政复议或被提起行政诉讼。",
        "没有因政府信息公开工作被申请行政复议或提起行政诉讼。",
        "全年无因政府信息公开引发的行政复议、行政诉讼。",
        # no cases at all: then none over disclosure either, with or without its words
        "无行政复议和行政诉讼案件。",
        "本年度未发生行政复议、行政诉讼。",
        "全年零行政复议、零行政诉讼。",
    ],
)
def test_other_wordings_of_none_against_the_table(tmp_path: Path, sentence: str) -> None:
    text = overview(OVERVIEW + sentence)
    file = check_text(tmp_path, text)
    (finding,) = [d for d in file.diagnostics if d.code == "XG502"]
    assert (finding.line, finding.column) == locate(text, sentence)
    assert (finding.expected, finding.actual) == (1, 0)
    assert "行政复议“总计”为 1" in finding.message
    file = check_text(tmp_path, reviews("0 | " * 14 + "0 |", overview(OVERVIEW + sentence)))
    assert codes(file, "XG502") == []
    assert {status for _, status in prose_checks(file, "XG502")} == {"pass"}


@pytest.mark.parametrize(
    "sentence",
    [
        # all reviews, of which some over disclosure: not table 四's count
        "全年办理各类行政复议案件45件，其中涉及政府信息公开的1件。",
        "全年共收到行政复议申请45件（含非政府信息公开类）。",
        # other bodies' cases
        "全县共发生政府信息公开行政复议案件12件。",
        # none of something else than the cases themselves, without disclosure words
        "本机关无行政复议职能。",
        "未发生因行政许可引起的行政复议。",
        # 零 before no review or lawsuit is a numeral, not "none"
        "全年零投诉，政府信息公开工作稳步推进。",
    ],
)
def test_reviews_of_other_matters_or_bodies_are_not_compared(tmp_path: Path, sentence: str) -> None:
    file = check_text(tmp_path, overview(OVERVIEW + sentence))
    assert codes(file, "XG502") == []
    assert prose_checks(file, "XG502") == []


def test_review_counts_in_chinese_numerals(tmp_path: Path) -> None:
    sentence = "因政府信息公开被申请行政复议两件。"
    text = overview(OVERVIEW + sentence)
    file = check_text(tmp_path, text)
    (finding,) = [d for d in file.diagnostics if d.code == "XG502"]
    assert (finding.line, finding.column) == locate(text, "两件")
    assert (finding.expected, finding.actual) == (1, 2)
    file = check_text(tmp_path, overview(OVERVIEW + "因政府信息公开被申请行政复议一件，结果维持。"))
    assert codes(file, "XG502") == []
    assert {status for _, status in prose_checks(file, "XG502")} == {"pass"}


@pytest.mark.parametrize(
    "sentence",
    [
        "上年度因政府信息公开被申请行政复议3件。",
        "去年同期因政府信息公开被提起行政诉讼2件。",
        "2022年因政府信息公开被申请行政复议3件。",
    ],
)
def test_another_years_reviews_are_not_compared(tmp_path: Path, sentence: str) -> None:
    file = check_text(tmp_path, overview(OVERVIEW + sentence))
    assert codes(file, "XG502") == []
    assert prose_checks(file, "XG502") == []


def test_reviews_never_compared_with_table_three(tmp_path: Path) -> None:
    """收到行政复议申请 is about table 四, never 一、本年新收 of table 三."""
    file = check_text(tmp_path, overview(OVERVIEW + "因政府信息公开被申请行政复议1件。"))
    assert codes(file, "XG501", "XG502") == []
    scopes = [scope for scope, _ in prose_checks(file, "XG501")]
    assert scopes == ["共收到政府信息公开申请7件"]


def test_words_are_found_in_folded_text_where_the_traditional_search_finds_them() -> None:
    import random
    import re

    from xxgk_lint_rules.prose import _mentions

    from xxgk_lint.format import prose
    from xxgk_lint.format.normalise import with_traditional

    groups = [prose.TOPICS["application"], prose.TOPICS["review"] + prose.TOPICS["litigation"]]
    alphabet = "行政复復複覆议議诉訴讼訟起申请請依公开開信息它他處处，。 "
    pick = random.Random(12).choice
    texts = ["".join(pick(alphabet) for _ in range(n % 9 + 2)) for n in range(3000)]
    texts += ["未发生行政復議案件", "起訴1件", "依申請公開", "行政诉讼"]
    for words in groups:
        pattern = re.compile("|".join(with_traditional(w) for w in words))
        mentions = _mentions(words)
        found = [mentions(t) for t in texts]
        assert found == [pattern.search(t) is not None for t in texts]
        assert 20 < sum(found) < len(texts) - 20  # (both answers are tried)
    assert _mentions(("(?<!\\d)件",))("3件") is False
    assert _mentions(("(?<!\\d)件",))("三件") is True


def test_the_texts_mentioning_words_are_those_the_traditional_search_finds() -> None:
    """Paragraphs and sentences are searched as one text (see _mentioning): the same ones
    are found as by a search of each (letter-spaced Chinese closed up: 复 议 is 复议), in
    order, whatever runs across two of them."""
    import random
    import re

    from xxgk_lint_rules.prose import _mentioning

    from xxgk_lint.format import prose
    from xxgk_lint.format.normalise import close_up, with_traditional
    from xxgk_lint.parse.ast import Sentence, Span

    groups = [prose.TOPICS["application"], prose.TOPICS["review"] + prose.TOPICS["litigation"]]
    alphabet = "行政复復複覆议議诉訴讼訟起申请請依公开開信息它他，。 \n"
    pick = random.Random(21).choice
    span = Span(1, 1, 1, 2)
    for words in groups:
        pattern = re.compile("|".join(with_traditional(w) for w in words))
        for n in range(400):
            texts = ["".join(pick(alphabet) for _ in range(k % 7)) for k in range(n % 6 + n)]
            sentences = [Sentence(text, span) for text in texts[: n % 9]]
            found = _mentioning(sentences, words)
            assert found == [s for s in sentences if pattern.search(close_up(s.text)[0])]
    texts = ["复", "议", "行政復議", "", "申請", "起诉"]
    sentences = [Sentence(text, span) for text in texts]
    assert [s.text for s in _mentioning(sentences, groups[1])] == ["行政復議", "起诉"]
    assert [s.text for s in _mentioning(sentences, groups[0])] == ["申請"]
    assert _mentioning([], groups[0]) == []


def test_each_form_is_found_by_its_last_character_wherever_that_stands() -> None:
    """_mentioning looks for a word's last character, then for the word where it ends: the
    character alone (讼, 议 of 建议), first in a text or after the word, finds nothing more;
    the texts joined once for a report (``joined``) find what joining them again finds."""
    from xxgk_lint_rules.prose import _joined, _mentioning

    from xxgk_lint.format import prose
    from xxgk_lint.parse.ast import Sentence, Span

    words = prose.TOPICS["review"] + prose.TOPICS["litigation"]
    span = Span(1, 1, 1, 2)
    texts = ["讼诉", "议", "建议复议", "讼", "诉讼讼", "复", "议复", "起诉议"]
    sentences = [Sentence(text, span) for text in texts]
    found = [s.text for s in _mentioning(sentences, words)]
    assert found == ["建议复议", "诉讼讼", "起诉议"]
    assert _mentioning(sentences, words, _joined(sentences)) == _mentioning(sentences, words)


def test_the_paragraphs_joined_are_the_reports_own() -> None:
    """XG501 and XG502 share the join of the last report's paragraphs: asked of another
    report, it is that one's."""
    from xxgk_lint_rules.prose import _joined, _paragraphs_joined

    from xxgk_lint.testing import parse_text

    one, other = (
        parse_text(CLEAN),
        parse_text(edit(CLEAN, "主动公开政府信息40条", "主动公开政府信息41条")),
    )
    assert _paragraphs_joined(one) is _paragraphs_joined(one)
    assert _paragraphs_joined(one) == _joined(one.paragraphs)
    assert _paragraphs_joined(other) == _joined(other.paragraphs)
    assert _paragraphs_joined(other) != _joined(one.paragraphs)


# ---- what applications a claim is about (CLEAN: 一 自然人 5 + 商业企业 2 = 7; 二 自然人 1)

RECEIVED = "一、本年新收政府信息公开申请数量 | 5 | 2 | 0 | 0 | 0 | 0 | 7 |"
NATURAL_ONLY = "一、本年新收政府信息公开申请数量 | 7 | 0 | 0 | 0 | 0 | 0 | 7 |"
CARRIED = "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"
NONE_CARRIED = "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"


@pytest.mark.parametrize(
    ("sentence", "number", "expected", "found"),
    [
        # "none" of some applicants: the columns they are, summed
        (
            "全年未收到法人或其他组织提出的政府信息公开申请。",
            None,
            2,
            "“一、本年新收政府信息公开申请数量（商业企业、科研机构、社会公益组织、"
            "法律服务机构、其他）”为 2",
        ),
        ("未收到企业提出的政府信息公开申请。", None, 2, "申请数量（商业企业）”为 2"),
        # 上年结转: its row
        (
            "本年度未收到上年结转的政府信息公开申请。",
            None,
            1,
            "“二、上年结转政府信息公开申请数量”为 1",
        ),
        # counts of some applicants: new, or new and carried over, in their columns
        ("本年度收到商业企业提出的政府信息公开申请3件。", "3件", 2, "申请数量（商业企业）”为 2"),
        ("本年度收到法人或其他组织提出的政府信息公开申请0件。", "0件", 2, "其他）”为 2"),
        ("全年收到自然人提出的政府信息公开申请4件。", "4件", "5 / 6", "（自然人）”为 5"),
        # all of them named: 总计
        ("共收到公民、法人和其他组织提出的政府信息公开申请9件。", "9件", "7 / 8", "数量”为 7"),
        # 法人 alone is 法人或其他组织; 群众, 个人 are 自然人; 律师事务所 法律服务机构
        ("全年未收到法人提出的政府信息公开申请。", None, 2, "法律服务机构、其他）”为 2"),
        ("全年收到群众提出的政府信息公开申请4件。", "4件", "5 / 6", "（自然人）”为 5"),
        ("本年度收到公民个人提出的政府信息公开申请7件。", "7件", "5 / 6", "（自然人）”为 5"),
        ("全年收到群众申请公开政府信息7件。", "7件", "5 / 6", "（自然人）”为 5"),
        ("全年收到群眾提出的政府信息公開申請4件。", "4件", "5 / 6", "（自然人）”为 5"),
        ("本年度收到律師事務所提出的政府信息公開申請1件。", "1件", 0, "（法律服务机构）”为 0"),
        ("本年度收到律师事务所提出的政府信息公开申请1件。", "1件", 0, "（法律服务机构）”为 0"),
        ("本年度收到科研院所提出的政府信息公开申请1件。", "1件", 0, "（科研机构）”为 0"),
    ],
)
def test_claims_about_some_applicants_compare_with_their_columns(
    tmp_path: Path, sentence: str, number: str | None, expected: object, found: str
) -> None:
    text = overview(sentence)
    file = check_text(tmp_path, text)
    # (a "none" claim stands for its sentence, which starts the overview's line)
    line, column = locate(text, number) if number else (locate(text, sentence)[0], 1)
    assert codes(file, "XG501") == [("XG501", line, column)]
    (finding,) = [d for d in file.diagnostics if d.code == "XG501"]
    assert (finding.expected, finding.actual) == (expected, int(number[:-1]) if number else 0)
    assert found in finding.message


@pytest.mark.parametrize(
    ("sentence", "table"),
    [
        ("全年未收到法人或其他组织提出的政府信息公开申请。", (RECEIVED, NATURAL_ONLY)),
        ("未收到商业企业提出的政府信息公开申请。", (RECEIVED, NATURAL_ONLY)),
        ("全年未收到科研机构、社会公益组织、法律服务机构提出的政府信息公开申请。", None),
        ("本年度未收到上年结转的政府信息公开申请。", (CARRIED, NONE_CARRIED)),
        ("本年度收到法人或其他组织提出的政府信息公开申请2件。", None),
        ("本年度收到企业提出的政府信息公开申请两件。", None),
        ("全年收到自然人提出的政府信息公开申请5件。", None),
        ("全年收到公民提出的政府信息公开申请6件。", None),  # (new and carried over)
        ("共收到公民、法人和其他组织提出的政府信息公开申请7件。", None),
        ("全年未收到法人提出的政府信息公开申请。", (RECEIVED, NATURAL_ONLY)),
        ("全年收到群众提出的政府信息公开申请5件。", None),
        ("本年度收到公民个人申请6件，依申请公开工作有序开展。", None),
        ("全年共收到企业和群众的政府信息公开申请7件。", None),
        ("本年度未收到律师事务所提出的政府信息公开申请。", None),
    ],
)
def test_true_claims_about_some_applicants_pass(
    tmp_path: Path, sentence: str, table: tuple[str, str] | None
) -> None:
    text = overview(sentence)
    if table is not None:
        text = edit(text, *table)
    file = check_text(tmp_path, text)
    assert codes(file, "XG501") == []
    assert {status for _, status in prose_checks(file, "XG501")} == {"pass"}


@pytest.mark.parametrize("sentence", QUALIFIED)
def test_claims_about_a_kind_the_tables_do_not_count_are_not_compared(
    tmp_path: Path, sentence: str
) -> None:
    file = check_text(tmp_path, overview(sentence))
    assert codes(file, "XG501") == []
    assert prose_checks(file, "XG501") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "下半年收到政府信息公开申请4件。",
        "上半年共收到政府信息公开申请2件。",
        "第四季度收到政府信息公开申请3件。",
        "四季度收到政府信息公开申请3件。",
        "12月份收到政府信息公开申请2件。",
        "十二月份收到政府信息公开申请2件。",
        "1-6月共收到政府信息公开申请1件。",
        "1至6月共收到政府信息公开申请1件。",
        "7～12月共收到政府信息公开申请5件。",
        "全年平均每月收到政府信息公开申请1件。",
        "月均收到政府信息公开申请1件。",
        "局属某某中心收到政府信息公开申请1件。",
        "未收到政府信息公开申请以外的其他事项。",
    ],
)
def test_counts_of_part_of_the_year_or_of_a_sub_unit_are_not_compared(
    tmp_path: Path, sentence: str
) -> None:
    """A month, a quarter, a half-year, an average or a sub-unit counts some of the
    year's applications, which no row of table 三 counts."""
    file = check_text(tmp_path, overview(sentence))
    assert codes(file, "XG501") == []
    assert prose_checks(file, "XG501") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "1-12月共收到政府信息公开申请17件。",
        "2023年1月1日至12月31日共收到政府信息公开申请17件。",
        "截至12月31日，共收到政府信息公开申请17件。",
    ],
)
def test_counts_of_the_whole_year_written_with_months_are_compared(
    tmp_path: Path, sentence: str
) -> None:
    text = overview(sentence)
    file = check_text(tmp_path, text)
    assert codes(file, "XG501") == [("XG501", *locate(text, "17件"))]
    (finding,) = [d for d in file.diagnostics if d.code == "XG501"]
    assert (finding.expected, finding.actual) == ("7 / 8", 17)


AFTER_REVIEW = "未发生因政府信息公开被申请行政复议后又提起行政诉讼的情况。"


def test_none_after_review_is_about_lawsuits_after_review_only(tmp_path: Path) -> None:
    direct = "0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 |" + " 0 |" * 5
    for row in (REVIEWS, direct):  # a review, a direct lawsuit: neither is denied
        file = check_text(tmp_path, reviews(row, overview(OVERVIEW + AFTER_REVIEW)))
        assert codes(file, "XG502") == []
        assert {status for _, status in prose_checks(file, "XG502")} == {"pass"}
    after = " 0 |" * 10 + " 0 | 1 | 0 | 0 | 1 |"
    text = reviews(after.strip(), overview(OVERVIEW + AFTER_REVIEW))
    file = check_text(tmp_path, text)
    (finding,) = [d for d in file.diagnostics if d.code == "XG502"]
    assert (finding.line, finding.column) == locate(text, AFTER_REVIEW)
    assert (finding.expected, finding.actual) == (1, 0)
    assert "行政诉讼（复议后起诉）“结果纠正”为 1" in finding.message


@pytest.mark.parametrize("sentence", CASES_OF_A_KIND)
def test_claims_about_a_kind_of_case_are_not_compared(tmp_path: Path, sentence: str) -> None:
    """A kind of review or lawsuit table 四 does not count apart (over a late answer, a
    refusal, a subject): none of them, or N of them, says nothing of the table's counts."""
    file = check_text(tmp_path, reviews(LAWSUITS, overview(OVERVIEW + sentence)))
    assert codes(file, "XG502") == []
    assert prose_checks(file, "XG502") == []


@pytest.mark.parametrize("sentence", [s for s in ALL_CASES if "件" not in s])
def test_none_of_all_cases_is_still_compared(tmp_path: Path, sentence: str) -> None:
    """Cases over disclosure, which every case of table 四 is: "none" of them is compared
    with the groups it names (LAWSUITS: a review, a direct lawsuit, a lawsuit after review)."""
    text = reviews(LAWSUITS, overview(OVERVIEW + sentence))
    file = check_text(tmp_path, text)
    findings = [d for d in file.diagnostics if d.code == "XG502"]
    assert [(d.line, d.column) for d in findings] == [locate(text, sentence)]
    (finding,) = findings
    assert (finding.expected, finding.actual) == (1, 0)
    file = check_text(tmp_path, reviews("0 | " * 14 + "0 |", overview(OVERVIEW + sentence)))
    assert codes(file, "XG502") == []
    assert {status for _, status in prose_checks(file, "XG502")} == {"pass"}


@pytest.mark.parametrize(
    ("sentence", "number", "found"),
    [
        ("本年度因政府信息公开被申请行政复议5件。", "5件", "行政复议“总计”为 1"),
        ("本年度涉及政府信息公开的行政诉讼案件共3件。", "3件", "为 2"),
    ],
)
def test_counts_of_all_cases_are_still_compared(
    tmp_path: Path, sentence: str, number: str, found: str
) -> None:
    text = reviews(LAWSUITS, overview(OVERVIEW + sentence))
    file = check_text(tmp_path, text)
    (finding,) = [d for d in file.diagnostics if d.code == "XG502"]
    assert (finding.line, finding.column) == locate(text, number, text.index(sentence))
    assert found in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度未发生政府信息公开申请人要求重新答复的情况。",
        "未出现政府信息公开申请人对答复不满意的情况。",
        "本年度未发生政府信息公开申请被退回的情况。",
        "未出现因政府信息公开申请办理不当被问责的情况。",
    ],
)
def test_none_of_what_happens_to_applications_is_not_compared(
    tmp_path: Path, sentence: str
) -> None:
    """未发生申请人要求重新答复的情况 denies an event, not the applications."""
    file = check_text(tmp_path, overview(OVERVIEW + sentence))
    assert codes(file, "XG501") == []
    assert {status for _, status in prose_checks(file, "XG501")} == {"pass"}


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度未发生依申请公开政府信息的情况。",
        "本年度未收到依申请公开件。",
        "全年未收到政府信息公开申请书。",
        "全年未收到任何依申请公开请求。",
    ],
)
def test_none_of_the_applications_themselves_is_compared(tmp_path: Path, sentence: str) -> None:
    text = overview(OVERVIEW + sentence)
    file = check_text(tmp_path, text)
    (finding,) = [d for d in file.diagnostics if d.code == "XG501"]
    assert (finding.line, finding.expected, finding.actual) == (4, 7, 0)


@pytest.mark.parametrize(
    ("sentence", "row", "findings"),
    [
        # 分别: the review count with 行政复议, the lawsuit count with 行政诉讼 (LAWSUITS: 1, 2)
        ("政府信息公开行政复议、行政诉讼分别为1件和2件。", LAWSUITS, []),
        ("政府信息公开行政复议、行政诉讼分别为1件和3件。", LAWSUITS, [("3件", 2, 3)]),
        ("政府信息公开行政复议、行政诉讼分别为2件、2件。", LAWSUITS, [("2件", 1, 2)]),
        ("政府信息公開行政復議、行政訴訟分別為1件和3件。", LAWSUITS, [("3件", 2, 3)]),
        # one count after 分别: each of them
        ("政府信息公开行政复议、行政诉讼分别为1件。", REVIEWS, [("1件", 0, 1)]),
    ],
)
def test_counts_after_respectively_compare_one_by_one(
    tmp_path: Path, sentence: str, row: str, findings: list[tuple[str, int, int]]
) -> None:
    text = reviews(row, overview(OVERVIEW + sentence))
    file = check_text(tmp_path, text)
    at = text.index(sentence)
    assert [
        (d.line, d.column, d.expected, d.actual) for d in file.diagnostics if d.code == "XG502"
    ] == [(*locate(text, number, at), expected, actual) for number, expected, actual in findings]


def test_received_and_closed_respectively(tmp_path: Path) -> None:
    assert (
        codes(
            check_text(tmp_path, overview("全年新收、办结政府信息公开申请分别为7件、7件。")),
            "XG501",
        )
        == []
    )
    text = overview("全年新收、办结政府信息公开申请分别为7件、8件。")
    file = check_text(tmp_path, text)
    (finding,) = [d for d in file.diagnostics if d.code == "XG501"]
    assert (finding.line, finding.column) == locate(text, "8件")
    assert (finding.expected, finding.actual) == (7, 8)


@pytest.mark.parametrize("blank", [" ", "  ", "\u3000"])
def test_a_letter_spaced_claim_is_compared_with_the_table(tmp_path: Path, blank: str) -> None:
    """共 收 到 政 府 信 息 公 开 申 请17件 (a PDF's letter-spaced line) is compared with row 一,
    and the finding points at its digits."""
    text = overview(blank.join("共收到政府信息公开申请") + "17件" + blank + "。")
    file = check_text(tmp_path, text)
    assert codes(file, "XG501") == [("XG501", *locate(text, "17件"))]
