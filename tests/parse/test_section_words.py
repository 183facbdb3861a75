"""Section headings written the ways real reports write them: letter-spaced (一、总 体 情 况,
as Word and PDF titles often are), 总体工作情况 for 总体情况; and a report without a title
line, whose first section's heading is missing, named by its introduction."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, TITLE, edit
from tests.rules.helpers import check_text
from xxgk_lint.format import FORMAT_2021, section_key
from xxgk_lint.parse.grammar import get_parser
from xxgk_lint.testing import parse_text


def classify(line: str) -> str:
    return get_parser().line_lexer.classify(line)


def spaced(text: str, blank: str = " ") -> str:
    return blank.join(text)


@pytest.mark.parametrize("section", FORMAT_2021.sections, ids=lambda s: s.key)
@pytest.mark.parametrize("blank", [" ", "　", "  "])
def test_a_letter_spaced_heading_is_a_heading(section, blank: str) -> None:
    heading = f"{section.number}、{spaced(section.title.zh, blank)}"
    assert classify(heading) == "HEADING"
    assert section_key(heading) == section.key


@pytest.mark.parametrize(
    "line",
    [
        "一 是 加 强 主 动 公 开",  # an enumeration in prose: no separator after the numeral
        "三、本 年 度 办 理 结 果",  # a label of table 三: none of the sections' words
        "四、结 转 下 年 度 继 续 办 理",
    ],
)
def test_a_letter_spaced_line_without_a_sections_words_is_no_heading(line: str) -> None:
    assert classify(line) != "HEADING"


def test_zongti_gongzuo_qingkuang_names_the_overview() -> None:
    assert classify("一、总体工作情况") == "HEADING"
    assert section_key("一、总体工作情况") == "overview"


@pytest.mark.parametrize("heading", ["一、总 体 情 况", "一、总体工作情况", "一、总　体　情　况"])
def test_a_report_with_such_a_heading_has_all_six_sections(tmp_path: Path, heading: str) -> None:
    text = edit(CLEAN, "一、总体情况", heading)
    report = parse_text(text)
    assert [s.key for s in report.sections][:2] == ["overview", "proactive"]
    assert report.sections[0].title == heading
    assert report.sections[0].span.line == 3
    codes = [d.code for d in check_text(tmp_path, text).diagnostics]
    assert "XG101" not in codes and "XG102" not in codes


def test_without_a_title_the_text_after_the_introduction_is_the_first_section(
    tmp_path: Path,
) -> None:
    """No title line and no heading 一: what follows the introduction is section 一 without
    its heading (XG102 at its first line), not a missing section (XG101)."""
    text = edit(edit(CLEAN, TITLE + "\n", ""), "一、总体情况\n", "")
    report = parse_text(text)
    overview = report.sections[0]
    assert (overview.key, overview.implicit, overview.span.line) == ("overview", True, 2)
    found = [
        (d.code, d.line)
        for d in check_text(tmp_path, text).diagnostics
        if d.code in ("XG101", "XG102")
    ]
    assert found == [("XG102", 2)]


#: Section 一 of a report that opens with it: no title, no introduction, no heading.
TOPICS = (
    "2023年，本机关认真贯彻落实《条例》，主动公开政府信息40条，共收到政府信息公开申请7件。\n"
    "（一）主动公开情况\n按照法定程序及时主动公开各类信息。\n"
    "（二）依申请公开方面。规范办理流程，依法答复申请人。\n"
)


@pytest.mark.parametrize(
    ("opening", "found"),
    [
        # numbered sub-headings on two topics of 一: section 一 without its heading
        (TOPICS, [("XG102", 1)]),
        # one topic, or none numbered, does not tell the report from the page's chrome:
        # 一 is missing where it belongs (before 二)
        (TOPICS.split("（二）")[0], [("XG101", 4)]),
        ("2023年，本机关认真贯彻落实《条例》。\n主动公开情况\n依申请公开情况\n", [("XG101", 4)]),
    ],
)
def test_without_title_and_introduction_the_topics_of_one_name_it(
    tmp_path: Path, opening: str, found: list[tuple[str, int]]
) -> None:
    text = opening + "二、主动公开政府信息情况" + CLEAN.split("二、主动公开政府信息情况", 1)[1]
    got = [
        (d.code, d.line)
        for d in check_text(tmp_path, text).diagnostics
        if d.code in ("XG101", "XG102")
    ]
    assert got == found


#: The six headings of CLEAN, as it prints them.
HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]
#: The brackets a heading may be printed in (format.document.HEADING_OPEN / _CLOSE).
BRACKETS = [("【", "】"), ("〖", "〗"), ("［", "］"), ("〔", "〕")]


@pytest.mark.parametrize("section", FORMAT_2021.sections, ids=lambda s: s.key)
@pytest.mark.parametrize(("opening", "closing"), BRACKETS)
@pytest.mark.parametrize("form", ["{o}{h}{c}", "**{o}{h}{c}**", "## {o}{h}{c}", "{o} {h} {c}"])
def test_a_heading_in_brackets_is_a_heading(section, opening, closing, form) -> None:
    heading = form.format(o=opening, h=f"{section.number}、{section.title.zh}", c=closing)
    assert classify(heading) == "HEADING"
    assert section_key(heading) == section.key


@pytest.mark.parametrize(
    "line",
    [
        "【图解】",
        "【打印本页】",
        "【字体：大 中 小】",
        "【关闭窗口】",
        "【一图读懂】",
        "〔2021〕30号",
    ],
)
def test_a_bracketed_line_of_a_pages_chrome_is_no_heading(line: str) -> None:
    assert classify(line) == "TEXT"


def _found(tmp_path: Path, text: str) -> list[tuple[str, int]]:
    return [
        (d.code, d.line)
        for d in check_text(tmp_path, text).diagnostics
        if d.code in ("XG101", "XG102")
    ]


@pytest.mark.parametrize(("opening", "closing"), BRACKETS)
def test_a_report_with_its_headings_in_brackets_has_all_six_sections(
    tmp_path: Path, opening: str, closing: str
) -> None:
    text = CLEAN
    for heading in HEADINGS:
        text = edit(text, f"\n{heading}\n", f"\n{opening}{heading}{closing}\n")
    report = parse_text(text)
    assert [(s.key, s.number, s.title) for s in report.sections] == [
        (s.key, s.number, f"{opening}{h}{closing}")
        for s, h in zip(FORMAT_2021.sections, HEADINGS, strict=True)
    ]
    assert _found(tmp_path, text) == []


def test_a_bracketed_heading_with_its_text_run_in(tmp_path: Path) -> None:
    text = edit(CLEAN, "六、其他需要报告的事项\n", "【六、其他需要报告的事项】")
    other = parse_text(text).section("other")
    assert other is not None
    assert (other.number, other.title) == ("六", "【六、其他需要报告的事项】")
    assert [p.text for p in other.paragraphs] == ["本机关2023年未收取信息处理费。"]
    line = text.count("\n", 0, text.index("【六")) + 1
    assert tuple(other.paragraphs[0].span)[:2] == (line, 14)
    assert _found(tmp_path, text) == []


def test_a_bare_heading_in_brackets(tmp_path: Path) -> None:
    text = edit(CLEAN, "六、其他需要报告的事项\n", "【六、其他】\n")
    other = parse_text(text).section("other")
    assert other is not None and (other.number, other.title) == ("六", "【六、其他】")
    assert _found(tmp_path, text) == []


def test_a_bracketed_heading_keeps_its_numeral(tmp_path: Path) -> None:
    # 五 numbered 四 as the section before it: XG102 names the numeral inside the brackets.
    text = edit(CLEAN, "五、存在的主要问题及改进情况", "【四、存在的主要问题及改进情况】")
    problems = parse_text(text).section("problems")
    assert problems is not None and problems.number == "四"
    line = text.count("\n", 0, text.index("【四")) + 1
    assert _found(tmp_path, text) == [("XG102", line)]


#: Section 三's heading in the words reports use besides 收到和处理 and 依申请公开.
_APPLICATIONS_HEADINGS = [
    "三、政府信息公开申请办理情况",
    "三、政府信息公开申请受理情况",
    "三、政府信息公开申请情况",
    "三、受理和处理政府信息公开申请情况",
    "三、收到和办理政府信息公开申请情况",
    "三、政府信息公开申请的接收和处理情况",
    "三、政府信息公开申请处理情况",
]


@pytest.mark.parametrize("heading", _APPLICATIONS_HEADINGS)
def test_the_applications_heading_in_other_words(tmp_path: Path, heading: str) -> None:
    assert classify(heading) == "HEADING"
    assert section_key(heading) == "applications"
    text = edit(CLEAN, "三、收到和处理政府信息公开申请情况", heading)
    report = parse_text(text)
    assert [s.key for s in report.sections] == list(FORMAT_2021.section_keys)
    section = report.sections[2]
    assert (section.title, section.implicit) == (heading, False)
    assert section.span.line == text.split("\n").index(heading) + 1
    codes = [d.code for d in check_text(tmp_path, text).diagnostics]
    assert "XG101" not in codes and "XG102" not in codes


@pytest.mark.parametrize(
    "line",
    [
        "一、本年新收政府信息公开申请数量",  # the rows of table 三 count 申请数量
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果",
        "四、结转下年度继续办理",
    ],
)
def test_table_three_labels_stay_no_heading(line: str) -> None:
    assert classify(line) != "HEADING"
