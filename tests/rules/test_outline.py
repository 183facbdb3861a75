"""XG102 outline and XG103 problems-without-substance: the sections' order, numerals and
headings, and what section 五 says."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SEEDS
from tests.engine.reportkit import CLEAN, edit, locate
from tests.rules.helpers import check_text, codes, result

FIVE = (
    "（一）存在问题。政策解读形式较为单一，部分栏目更新不及时。"
    "（二）改进措施。丰富解读形式。建立栏目更新台账。"
)


def five(text: str) -> str:
    return edit(CLEAN, f"\n{FIVE}\n", f"\n{text}\n" if text else "\n")


# ---- XG102


def test_the_seeds_and_a_clean_report_have_a_good_outline(tmp_path: Path) -> None:
    assert codes(check_text(tmp_path, CLEAN), "XG102", "XG103") == []
    for seed in sorted(SEEDS.glob("*.txt")):
        assert codes(result(seed), "XG102", "XG103") == [], seed.name


def test_a_section_out_of_order(tmp_path: Path) -> None:
    start, middle = CLEAN.index("五、存在的主要问题"), CLEAN.index("六、其他需要报告的事项")
    text = CLEAN[:start] + CLEAN[middle:].rstrip("\n") + "\n" + CLEAN[start:middle]
    file = check_text(tmp_path, text)
    assert codes(file, "XG102") == [("XG102", *locate(text, "五、存在的主要问题"))]
    (finding,) = file.diagnostics
    assert "“五、存在的主要问题及改进情况”排在“六、其他需要报告的事项”之后" in finding.message


def test_a_wrong_numeral(tmp_path: Path) -> None:
    text = edit(CLEAN, "六、其他需要报告的事项", "七、其他需要报告的事项")
    file = check_text(tmp_path, text, lang="en")
    assert codes(file, "XG102") == [("XG102", *locate(text, "七、其他"))]
    (finding,) = file.diagnostics
    assert finding.message == (
        "'七、其他需要报告的事项' is numbered '七', but the format makes this section number 六"
    )
    assert (finding.expected, finding.actual) == ("六", "七")


def test_a_numeral_used_twice(tmp_path: Path) -> None:
    text = edit(CLEAN, "四、政府信息公开行政复议", "三、政府信息公开行政复议")
    file = check_text(tmp_path, text)
    assert codes(file, "XG102") == [("XG102", *locate(text, "三、政府信息公开行政复议"))]
    assert "编号都是“三”" in file.diagnostics[0].message


def test_a_section_twice(tmp_path: Path) -> None:
    text = CLEAN + "六、其他需要报告的事项\n本机关无其他需要报告的事项。\n"
    file = check_text(tmp_path, text)
    (finding,) = [d for d in file.diagnostics if d.code == "XG102"]
    assert finding.line == text.count("\n") - 1
    assert "重复出现" in finding.message


def test_content_without_its_heading_and_the_sections_renumbered() -> None:
    """（一）主要问题 … right after table 四, and 其他需要报告的事项 numbered 五: two findings,
    one where the content starts, one at the renumbered heading. XG101 stays silent."""
    path = FIXTURES / "reports" / "problems-no-heading.txt"
    text = path.read_text(encoding="utf-8")
    file = result(path, lang="en")
    assert codes(file, "XG101") == []
    content = locate(text, "（一）主要问题")
    assert codes(file, "XG102") == [("XG102", *content), ("XG102", *locate(text, "五、其他需要"))]
    heading, numeral = [d for d in file.diagnostics if d.code == "XG102"]
    assert heading.message.startswith(
        "section 五 '存在的主要问题及改进情况' (problems and improvements) has no heading; its "
        "content starts here ('（一）主要问题。依申请公开答复的…')"
    )
    assert "'五、其他需要报告的事项' is numbered '五'" in numeral.message


def test_sections_after_an_absent_one_are_not_renumbered_again(tmp_path: Path) -> None:
    start, middle = CLEAN.index("五、存在的主要问题"), CLEAN.index("六、其他需要报告的事项")
    text = CLEAN[:start] + CLEAN[middle:].replace(
        "六、其他需要报告的事项", "五、其他需要报告的事项"
    )
    file = check_text(tmp_path, text)
    assert [d.code for d in file.diagnostics] == ["XG101"]


# ---- XG103


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "empty"),
        ("无。", "nothing"),
        ("暂无", "nothing"),
        ("（一）存在问题。政策解读形式较为单一。", "short"),
        ("存在问题：政策解读形式较为单一。改进措施：下一步丰富解读形式。", "short"),
        (
            "（一）存在问题。政策解读形式较为单一。部分栏目更新不及时。队伍力量较为薄弱。",
            "no-measure",
        ),
    ],
)
def test_section_five_without_substance(tmp_path: Path, text: str, key: str) -> None:
    report = five(text)
    file = check_text(tmp_path, report)
    (finding,) = [d for d in file.diagnostics if d.code == "XG103"]
    words = {
        "empty": "没有内容",
        "nothing": "只写了",
        "short": "少于 3 句",
        "no-measure": "没有写改进措施",
    }
    assert words[key] in finding.message
    if key in ("empty", "nothing"):
        assert finding.line == locate(report, "五、存在的主要问题")[0]


def test_three_sentences_and_a_measure_pass(tmp_path: Path) -> None:
    assert codes(check_text(tmp_path, CLEAN), "XG103") == []
    # the heading's own 改进 does not count: only the section's text is read
    text = five("一是政策解读形式较为单一。二是栏目更新不够及时。三是队伍力量较为薄弱。")
    assert [d.code for d in check_text(tmp_path, text).diagnostics] == ["XG103"]
    text = five("一是政策解读形式较为单一。二是栏目更新不够及时。今后将加强队伍建设。")
    assert codes(check_text(tmp_path, text), "XG103") == []


def test_options_set_the_sentences_and_the_words(tmp_path: Path) -> None:
    config = tmp_path / "cfg.yaml"
    config.write_text(
        "rules:\n  XG103: {min-sentences: 1, measure-words: [加强]}\n", encoding="utf-8"
    )
    report = tmp_path / "r.txt"
    report.write_text(five("（一）存在问题。政策解读形式较为单一。"), encoding="utf-8")
    file = result(report, config=config)
    (finding,) = file.diagnostics
    assert finding.code == "XG103" and "“加强”" in finding.message
    report.write_text(five("政策解读形式较为单一，今后将加强。"), encoding="utf-8")
    assert result(report, config=config).diagnostics == ()


@pytest.mark.parametrize(
    ("text", "subheading"),
    [
        ("（一）存在问题。", True),
        ("一是加强培训", True),
        ("二、改进情况", True),
        ("1.问题", True),
        ("⑴ 问题", True),  # NFKC: (1)
        ("政策解读形式较为单一。", False),  # an ideograph first: told without normalising
        ("十分重视。", False),
        ("1.政策解读形式较为单一，部分栏目更新不及时。", False),
    ],
)
def test_subheadings(text: str, subheading: bool) -> None:
    from xxgk_lint_rules.structure import _is_subheading

    assert _is_subheading(text) is subheading


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        ("下一步将丰富解读形式。", True),  # in the raw text as it is
        ("下 一 步将丰富解读形式。", True),  # only once normalised (spaces removed)
        ("整\n改到位。", True),  # across paragraphs, once normalised
        ("有待加强。需进一步加强。", False),
    ],
)
def test_measure_words_in_raw_or_normalised_text(raw: str, found: bool) -> None:
    from xxgk_lint_rules.structure import MEASURE_WORDS, _names_measure

    assert _names_measure(raw, None, list(MEASURE_WORDS)) is found


def test_a_long_section_of_nothing_but_words_is_no_nothing(tmp_path: Path) -> None:
    """Seven ideographs or more: neither empty nor 无 (XG103 reads it as sentences)."""
    found = [
        d
        for d in check_text(tmp_path, five("暂无相关情况需要报告。")).diagnostics
        if d.code == "XG103"
    ]
    assert [d.subject for d in found] == ["problems.short"]
    found = [d for d in check_text(tmp_path, five("无相关情况。")).diagnostics if d.code == "XG103"]
    assert [d.subject for d in found] == ["problems.empty"]


def test_a_sentence_opening_with_another_ideograph_is_told_no_subheading_unnormalised() -> None:
    from xxgk_lint_rules.structure import (
        _NUMBERING,
        _is_subheading,
        _opens_unnumbered,
    )

    from xxgk_lint.format.normalise import normalise

    assert _opens_unnumbered(" \u3000政策解读形式较为单一。") is True
    assert _opens_unnumbered("壹、存在问题") is True and _is_subheading("壹、存在问题") is False
    for text in (
        "一、存在问题",
        "（一）存在问题",
        "＊一是加强",
        "\u200b一、问题",
        "1.问题",
        "十是",
    ):
        assert _opens_unnumbered(text) is False, text
    # every ideograph that folds to no numeral opens a text _NUMBERING cannot match
    for code in range(0x4E00, 0xA000, 7):
        text = chr(code) + "、存在问题"
        if _opens_unnumbered(text):
            assert _NUMBERING.match(normalise(text)) is None, text


def test_a_section_of_more_ideographs_than_nothing_says_is_not_normalised_for_it() -> None:
    from xxgk_lint_rules.structure import _NOTHING, _NOTHING_LONGEST, _ideographs_over

    assert _NOTHING.match("无相关情况。") and len("无相关情况。") == _NOTHING_LONGEST
    assert _NOTHING.match("无相关情况情况。") is None
    assert _ideographs_over(" 1. 无相关情况 ", _NOTHING_LONGEST) is False
    assert _ideographs_over("无相关情况。\n暂无", _NOTHING_LONGEST) is True
    assert _ideographs_over("a b c d e f g h 无", 0) is True


# ---- a heading with its section's text run in after it (五、…情况：（一）…)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("五、存在的主要问题及改进情况\n（一）", "五、存在的主要问题及改进情况：（一）"),
        ("五、存在的主要问题及改进情况\n（一）", "五、存在的主要问题及改进情况（一）"),
        ("六、其他需要报告的事项\n本机关", "六、其他需要报告的事项：本机关"),
        ("六、其他需要报告的事项\n本机关", "六、其他需要报告的事项。本机关"),
        ("六、其他需要报告的事项\n本机关", "六、其他需要报告的事项 本机关"),
        ("一、总体情况\n2023年", "一、总体情况：2023年"),
    ],
)
def test_a_run_in_heading_is_the_sections_heading(tmp_path: Path, old: str, new: str) -> None:
    assert codes(check_text(tmp_path, edit(CLEAN, old, new)), "XG101", "XG102", "XG103") == []


def test_run_in_headings_of_five_and_six(tmp_path: Path) -> None:
    text = edit(
        CLEAN, "五、存在的主要问题及改进情况\n（一）", "五、存在的主要问题及改进情况：（一）"
    )
    text = edit(text, "六、其他需要报告的事项\n本机关", "六、其他需要报告的事项：本机关")
    assert codes(check_text(tmp_path, text), "XG101", "XG102", "XG103") == []


def test_what_section_five_says_after_its_run_in_heading(tmp_path: Path) -> None:
    # XG103 reads the text after the heading: 暂无 is nothing, at its own column.
    text = edit(
        CLEAN, f"五、存在的主要问题及改进情况\n{FIVE}", "五、存在的主要问题及改进情况：暂无。"
    )
    file = check_text(tmp_path, text)
    (finding,) = [d for d in file.diagnostics if d.code == "XG103"]
    assert "只写了“暂无。”" in finding.message
    assert codes(file, "XG101", "XG102") == []


def test_a_run_in_heading_numbered_as_the_section_before(tmp_path: Path) -> None:
    # 五 left out and 六 numbered 五: XG101 for 五; its numeral, moved up by one, is not
    # reported again; nothing says 六 has no heading.
    text = edit(
        CLEAN,
        f"五、存在的主要问题及改进情况\n{FIVE}\n六、其他需要报告的事项\n本机关",
        "五、其他需要报告的事项：本机关",
    )
    file = check_text(tmp_path, text)
    assert codes(file, "XG101", "XG102") == [("XG101", *locate(text, "五、其他需要报告的事项"))]
