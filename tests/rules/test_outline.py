"""XG102 outline and XG103 problems-without-substance: the sections' order, numerals and
headings, and what section 五 says."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SEEDS
from tests.engine.reportkit import CLEAN, edit, locate
from tests.rules.helpers import check_text, codes, result
from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.format import FORMAT_2021
from xxgk_lint.parse import parse_path

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


#: The format's six headings (numeral, title) and section keys.
HEADINGS = [(s.number, s.title.zh) for s in FORMAT_2021.sections]
KEYS = list(FORMAT_2021.section_keys)


def numbered(style: str, text: str = CLEAN) -> str:
    """``text`` with its six headings numbered in ``style`` ({n}: 1–6, {c}: 一–六)."""
    for n, (c, title) in enumerate(HEADINGS, 1):
        text = edit(text, f"\n{c}、{title}\n", f"\n{style.format(n=n, c=c)}{title}\n")
    return text


@pytest.mark.parametrize(
    "style", ["{n}.", "{n}、", "{n}．", "{n}. ", "（{c}）", "({c})", "（{n}）", "({n})"]
)
def test_sections_numbered_in_one_other_style(tmp_path: Path, style: str) -> None:
    """All six headings in one other style (1. / 1、 / （一） …): the sections are read as
    they are, the tables with them; one notice, at the first heading, names the style."""
    text = numbered(style)
    file = check_text(tmp_path, text)
    assert [d.code for d in file.diagnostics if d.severity >= Severity.WARNING] == []
    (notice,) = [d for d in file.diagnostics if d.code == "XG102"]
    first = style.format(n=1, c="一").strip()
    assert (notice.line, notice.column, notice.severity) == (3, 1, Severity.INFO)
    assert (notice.expected, notice.actual) == ("一、", first)
    second = style.format(n=2, c="二").strip()
    assert (
        notice.message == f"各部分标题的编号写作“{first}”“{second}”……，格式规定写作“一、”“二、”……"
    )
    report = parse_path(tmp_path / "report.txt")
    assert [(s.key, s.number, s.implicit) for s in report.sections] == [
        (key, style.format(n=n, c=c).strip(), False)
        for n, (key, (c, _)) in enumerate(zip(KEYS, HEADINGS, strict=True), 1)
    ]
    proactive = report.section("proactive")
    assert proactive is not None and [t.key for t in proactive.tables] == ["proactive"]
    assert report.section("other").paragraphs[0].text == "本机关2023年未收取信息处理费。"  # type: ignore[union-attr]


def renumbered(style: str, missing: int) -> str:
    """CLEAN without its section ``missing`` (1–6: heading and content), the others
    numbered one after the other in ``style`` ({n}: 1–5, {c}: 一–五)."""
    lines = CLEAN.split("\n")
    starts = [lines.index(f"{c}、{title}") for c, title in HEADINGS]
    end = starts[missing] if missing < 6 else len(lines)
    del lines[starts[missing - 1] : end]
    text = "\n".join(lines)
    headings = [h for n, h in enumerate(HEADINGS, 1) if n != missing]
    for n, (c, title) in enumerate(headings, 1):
        mark = style.format(n=n, c="一二三四五六"[n - 1])
        text = edit(text, f"\n{c}、{title}\n", f"\n{mark}{title}\n")
    return text


@pytest.mark.parametrize("missing", [1, 2, 3, 5, 6])
@pytest.mark.parametrize("style", ["{n}.", "{n}、", "{c}、"])
def test_sections_renumbered_after_one_left_out(tmp_path: Path, style: str, missing: int) -> None:
    """A section left out and the others numbered one after the other (1.总体情况
    2.收到和处理政府信息公开申请情况 …): as under 一、二、…, the words say which section a
    heading opens, in arabic too. XG101 reports the section left out and nothing else is a
    warning; arabic numerals are one notice, at the first heading."""
    text = renumbered(style, missing)
    file = check_text(tmp_path, text)
    keys = [k for n, k in enumerate(KEYS, 1) if n != missing]
    warnings = [d.code for d in file.diagnostics if d.severity >= Severity.WARNING]
    assert warnings == ["XG101"]
    notices = [d for d in file.diagnostics if d.code == "XG102"]
    if style == "{c}、":
        assert notices == []
    else:
        (notice,) = notices
        assert (notice.line, notice.severity) == (3, Severity.INFO)
        assert notice.actual == style.format(n=1).strip()
    report = parse_path(tmp_path / "report.txt")
    assert [(s.key, s.number, s.implicit) for s in report.sections] == [
        (key, style.format(n=n).strip() if "{n}" in style else "一二三四五六"[n - 1], False)
        for n, key in enumerate(keys, 1)
    ]
    assert sorted(report.tables) == sorted(
        k for k in ("proactive", "applications", "reviews") if k in keys
    )


def test_the_style_notice_in_english(tmp_path: Path) -> None:
    file = check_text(tmp_path, numbered("（{c}）"), lang="en")
    (notice,) = [d for d in file.diagnostics if d.code == "XG102"]
    assert notice.message == (
        "the sections' headings are numbered “（一）”“（二）” …; the format numbers them 一、 二、 …"
    )


@pytest.mark.parametrize(
    ("old", "new", "found", "expected"),
    [
        ("五、存在的主要问题及改进情况", "（五）存在的主要问题及改进情况", "（五）", "五"),
        ("六、其他需要报告的事项", "6.其他需要报告的事项", "6.", "六"),
        ("一、总体情况", "1、总体情况", "1、", "一"),
    ],
)
def test_one_heading_in_another_style(
    tmp_path: Path, old: str, new: str, found: str, expected: str
) -> None:
    """One heading numbered unlike the others, with its own number: a warning at it that
    says what the style is (not that （五） is not the fifth), and no 没有标题."""
    text = edit(CLEAN, old, new)
    file = check_text(tmp_path, text)
    assert codes(file, "XG101", "XG102") == [("XG102", *locate(text, new))]
    (finding,) = file.diagnostics
    assert finding.severity == Severity.WARNING
    assert (finding.expected, finding.actual) == (expected, found)
    assert finding.message == (
        f"“{new}”的编号写作“{found}”，与其他部分标题的编号不一致；格式规定写作“{expected}、”"
    )


def test_five_and_six_swapped_one_finding_for_each_heading(tmp_path: Path) -> None:
    """五、其他需要报告的事项 then 六、存在的主要问题及改进情况: the first is numbered as the
    fifth but is the sixth; the second stands after it. Not a second finding for 六's
    numeral: the heading's one problem is its place."""
    five_at, six_at = CLEAN.index("五、存在的主要问题"), CLEAN.index("六、其他需要报告的事项")
    moved = CLEAN[six_at:].replace("六、其他", "五、其他").rstrip("\n") + "\n"
    text = CLEAN[:five_at] + moved + CLEAN[five_at:six_at].replace("五、存在", "六、存在")
    file = check_text(tmp_path, text)
    assert [(d.code, d.line, d.column, d.subject) for d in file.diagnostics] == [
        ("XG102", *locate(text, "五、其他"), "outline.other.numeral"),
        ("XG102", *locate(text, "六、存在"), "outline.problems.order"),
    ]


@pytest.mark.parametrize(
    "extra",
    [
        "七、其他需要说明的情况\n本年度办理人大代表建议12件。",
        "七、其他需要说明的事项\n本年度无其他需要说明的事项。",
        "七、其它事项：本机关无其他需要报告的事项。",
        "八、其他需要报告的事项\n本年度无。",
    ],
)
def test_a_section_after_the_six_is_more_of_six(tmp_path: Path, extra: str) -> None:
    """七、其他需要说明的情况 after 六: no repeat of 六, no finding; its text is 六's."""
    text = CLEAN.rstrip("\n") + "\n" + extra + "\n"
    file = check_text(tmp_path, text)
    assert file.diagnostics == ()
    report = parse_path(tmp_path / "report.txt")
    assert [s.key for s in report.sections] == KEYS
    other = report.section("other")
    assert other is not None and other.paragraphs[-1].text == extra.split("\n")[-1]
    heading = extra.split("\n")[0] if "\n" in extra else None
    if heading is not None:
        assert [p.text for p in other.paragraphs][-2:] == [heading, extra.split("\n")[1]]
        assert other.paragraphs[-2].span.line == locate(text, heading)[0]


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


def test_section_five_printed_as_two_sections_is_read_whole(tmp_path: Path) -> None:
    """五、存在的主要问题 / 六、改进情况 (其他 then numbered 七): XG102 says the second is the same
    part; XG103 reads both, so the measures under the second count."""
    problems = "一是政策解读形式较为单一。二是栏目更新不够及时。三是队伍力量较为薄弱。"
    measures = "下一步，我们将丰富解读形式，建立栏目更新台账。"
    text = edit(
        five(problems + "\n六、改进情况\n" + measures),
        "五、存在的主要问题及改进情况",
        "五、存在的主要问题",
    )
    text = edit(text, "六、其他需要报告的事项", "七、其他需要报告的事项")
    file = check_text(tmp_path, text)
    assert codes(file, "XG103") == []
    line = locate(text, "六、改进情况")[0]
    lines = [d.line for d in file.diagnostics if d.code == "XG102"]
    assert lines[0] == line
    # without the measures, the two parts together still have none
    text = edit(text, measures, "相关情况说明如下。")
    (finding,) = [d for d in check_text(tmp_path, text).diagnostics if d.code == "XG103"]
    assert "没有写改进措施" in finding.message
