"""Sections whose heading is missing while their content is there (parse.outline)."""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk_lint.parse import parse_path
from xxgk_lint.parse.builder import NotAReportError

CLEAN = Path(__file__).parents[1] / "rules" / "cases" / "reports" / "clean.txt"


def _parse(tmp_path, old: str, new: str):
    text = CLEAN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "report.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return parse_path(path)


@pytest.mark.parametrize(
    ("heading", "key", "line", "table"),
    [
        ("一、总体情况\n", "overview", 3, None),
        ("二、主动公开政府信息情况\n", "proactive", 6, "proactive"),
        ("三、收到和处理政府信息公开申请情况\n", "applications", 20, "applications"),
        ("四、政府信息公开行政复议、行政诉讼情况\n", "reviews", 49, "reviews"),
        ("六、其他需要报告的事项\n", "other", 56, None),
    ],
)
def test_content_without_its_heading_is_the_section(tmp_path, heading, key, line, table) -> None:
    report = _parse(tmp_path, heading, "")
    section = report.section(key)
    assert section is not None and section.implicit
    assert section.number is None and section.span.line == line
    assert [s.key for s in report.sections] == [
        "overview",
        "proactive",
        "applications",
        "reviews",
        "problems",
        "other",
    ]
    if table is not None:
        assert [t.key for t in section.tables] == [table]
    else:
        assert all(p.section == key for p in section.paragraphs)


def test_the_opening_paragraph_stays_in_the_preamble(tmp_path) -> None:
    report = _parse(tmp_path, "一、总体情况\n", "")
    assert [p.text[:5] for p in report.preamble] == ["本报告根据"]
    overview = report.section("overview")
    assert overview is not None and overview.paragraphs[0].text.startswith("2023年")


def test_a_heading_in_sub_heading_style_keeps_its_numeral(tmp_path) -> None:
    report = _parse(tmp_path, "一、总体情况\n", "（一）总体情况\n")
    overview = report.section("overview")
    assert overview is not None and not overview.implicit
    assert (overview.number, overview.title, overview.span.line) == ("（一）", "（一）总体情况", 3)
    assert overview.paragraphs[0].text.startswith("2023年")


def test_a_bare_title_line_is_the_heading(tmp_path) -> None:
    report = _parse(tmp_path, "六、其他需要报告的事项", "其他需要报告的事项")
    other = report.section("other")
    assert other is not None and not other.implicit and other.number is None
    assert [p.text for p in other.paragraphs] == ["本机关2023年未收取信息处理费。"]


# ---- a heading with its section's text run in after it on the same line

_FIVE = "五、存在的主要问题及改进情况\n（一）存在问题。"
_SIX = "六、其他需要报告的事项\n本机关"
_ONE = "一、总体情况\n2023年，"


@pytest.mark.parametrize(
    ("old", "new", "key", "heading", "start"),
    [
        (
            _FIVE,
            "五、存在的主要问题及改进情况：（一）存在问题。",
            "problems",
            "五、存在的主要问题及改进情况",
            "（一）存在问题。",
        ),
        (
            _FIVE,
            "五、存在的主要问题及改进情况（一）存在问题。",
            "problems",
            "五、存在的主要问题及改进情况",
            "（一）存在问题。",
        ),
        (
            _FIVE,
            "五、存在的主要问题及改进情况 （一）存在问题。",
            "problems",
            "五、存在的主要问题及改进情况",
            "（一）存在问题。",
        ),
        (
            _FIVE,
            "**五、存在的主要问题及改进情况**（一）存在问题。",
            "problems",
            "**五、存在的主要问题及改进情况**",
            "（一）存在问题。",
        ),
        (
            _FIVE,
            "五、存在的问题和改进措施：（一）存在问题。",
            "problems",
            "五、存在的问题和改进措施",
            "（一）存在问题。",
        ),
        (
            _FIVE,
            "五、存在问题與改進情況。（一）存在问题。",
            "problems",
            "五、存在问题與改進情況",
            "（一）存在问题。",
        ),
        (_SIX, "六、其他需要报告的事项。本机关", "other", "六、其他需要报告的事项", "本机关2023年"),
        (_SIX, "六、其他需要报告的事项：本机关", "other", "六、其他需要报告的事项", "本机关2023年"),
        (_SIX, "六、其他需要报告的事项　本机关", "other", "六、其他需要报告的事项", "本机关2023年"),
        (_SIX, "六、其他需要报告的事项本机关", "other", "六、其他需要报告的事项", "本机关2023年"),
        (
            _SIX,
            "第六部分 其它需要报告的事项：本机关",
            "other",
            "第六部分 其它需要报告的事项",
            "本机关2023年",
        ),
        (_ONE, "一、总体情况：2023年，", "overview", "一、总体情况", "2023年，本机关"),
        # Wordings the model does not list, ended by a colon: named by their words.
        (
            _FIVE,
            "五、工作中存在的不足和下一步打算：（一）存在问题。",
            "problems",
            "五、工作中存在的不足和下一步打算",
            "（一）存在问题。",
        ),
        (
            _FIVE,
            "**五、存在问题及改进方向**：（一）存在问题。",
            "problems",
            "**五、存在问题及改进方向**",
            "（一）存在问题。",
        ),
        (_SIX, "六、其他：本机关", "other", "六、其他", "本机关2023年"),
        (_SIX, "六、其它需说明的事项: 本机关", "other", "六、其它需说明的事项", "本机关2023年"),
    ],
)
def test_a_heading_with_its_text_run_in_is_the_heading(tmp_path, old, new, key, heading, start):
    text = CLEAN.read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    report = _parse(tmp_path, old, new)
    assert [s.key for s in report.sections] == [
        "overview",
        "proactive",
        "applications",
        "reviews",
        "problems",
        "other",
    ]
    section = report.section(key)
    assert section is not None and not section.implicit
    assert (section.number, section.title) == (
        "六" if key == "other" else "五" if key == "problems" else "一",
        heading,
    )
    assert tuple(section.span)[:4] == (line, 1, line, 1 + len(heading))
    first = section.paragraphs[0]
    assert first.text.startswith(start) and first.section == key
    # The paragraph's place is its place in the line, after the heading and its separator.
    column = 1 + new.index(start[:3])
    assert tuple(first.span)[:2] == (line, column)
    assert tuple(first.span_of(0, 3))[:4] == (line, column, line, column + 3)


def test_the_text_after_a_run_in_heading_is_not_the_section_before(tmp_path) -> None:
    report = _parse(tmp_path, _FIVE, "五、存在的主要问题及改进情况：（一）存在问题。")
    reviews = report.section("reviews")
    assert reviews is not None and reviews.paragraphs == ()
    problems = report.section("problems")
    assert problems is not None
    assert [p.text[:4] for p in problems.paragraphs] == ["（一）存"]


def test_two_run_in_headings_in_a_row(tmp_path) -> None:
    text = CLEAN.read_text(encoding="utf-8")
    text = text.replace(_FIVE, "五、存在的主要问题及改进情况：（一）存在问题。")
    text = text.replace(_SIX, "六、其他需要报告的事项：本机关")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_path(path)
    problems, other = report.section("problems"), report.section("other")
    assert problems is not None and other is not None
    assert (problems.title, other.title) == (
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    )
    assert [p.text for p in other.paragraphs] == ["本机关2023年未收取信息处理费。"]
    assert all(not p.text.startswith("六") for p in problems.paragraphs)


def test_a_run_in_heading_numbered_as_another_section_keeps_its_numeral(tmp_path) -> None:
    # 五 left out: 六 is numbered 五 (XG102 reports the numeral, XG101 the absent section).
    report = _parse(
        tmp_path,
        "五、存在的主要问题及改进情况\n（一）存在问题。政策解读形式较为单一，部分栏目更新不及时。"
        "（二）改进措施。丰富解读形式。建立栏目更新台账。\n六、其他需要报告的事项\n本机关",
        "五、其他需要报告的事项：本机关",
    )
    other = report.section("other")
    assert other is not None and (other.number, other.title) == ("五", "五、其他需要报告的事项")
    assert report.section("problems") is None


@pytest.mark.parametrize(
    "line",
    [
        "五、六月份，本机关集中开展政策解读。",  # a numeral and a numeral: no title
        "五、存在问题较多的栏目，已于年内整改完毕。",  # a word of the section, not its title
        "五、加强组织领导。成立工作专班。",  # a list item of the section before
        "（五）存在的主要问题及改进情况：见下。",  # a sub-heading's numeral: _as_subheading's
    ],
)
def test_a_sentence_opening_with_a_numeral_is_no_heading(tmp_path, line) -> None:
    report = _parse(tmp_path, _FIVE, f"{line}\n（一）存在问题。")
    assert report.section("problems") is None or report.section("problems").implicit
    reviews = report.section("reviews")
    assert reviews is not None and reviews.paragraphs[0].text == line


@pytest.mark.parametrize(
    "line",
    [
        # A colon, but words that name no section.
        "五、加强队伍建设：成立工作专班。人员调整后及时培训。",
        # The section's words under another numeral, in a wording the model does not list:
        # a list item of the section before, not 五's heading.
        "四、存在问题：栏目更新不及时。人员调整后及时培训。",
    ],
)
def test_a_colon_after_other_words_opens_no_section(tmp_path, line) -> None:
    report = _parse(tmp_path, _FIVE, f"{line}\n（一）存在问题。")
    problems = report.section("problems")
    assert problems is not None and problems.implicit and problems.number is None
    reviews = report.section("reviews")
    assert reviews is not None and reviews.paragraphs[0].text == line


def test_a_heading_line_in_another_wording_is_cut_at_its_colon(tmp_path) -> None:
    # The grammar reads the line as a heading (a short sentence after it); its title is what
    # stands before the colon, under whatever numeral, since the line is a heading already.
    report = _parse(tmp_path, _FIVE, "四、存在问题：栏目更新不及时。\n（一）存在问题。")
    problems = report.section("problems")
    assert problems is not None and (problems.number, problems.title) == ("四", "四、存在问题")
    assert problems.paragraphs[0].text == "栏目更新不及时。"
    assert tuple(problems.paragraphs[0].span)[:2] == (problems.span.line, 8)


@pytest.mark.parametrize(
    "line", ["一、二季度，本机关主动公开政府信息40条。", "一、加强组织领导。成立领导小组。"]
)
def test_a_numbered_sentence_is_no_overview_heading(tmp_path, line) -> None:
    report = _parse(tmp_path, _ONE, f"{line}\n2023年，")
    overview = report.section("overview")
    assert overview is not None and overview.implicit and overview.number is None


def test_a_bold_run_in_heading_in_html_keeps_the_columns_of_its_source(tmp_path) -> None:
    text = CLEAN.read_text(encoding="utf-8").replace(
        _FIVE, "<b>五、存在的主要问题及改进情况</b>（一）存在问题。"
    )
    lines = text.split("\n")
    html = "<html><body>\n" + "\n".join(f"<p>{line}</p>" for line in lines) + "\n</body></html>"
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    report = parse_path(path)
    problems = report.section("problems")
    assert problems is not None and not problems.implicit
    assert problems.title == "五、存在的主要问题及改进情况"
    number = next(i for i, line in enumerate(lines, 2) if line.startswith("<b>五"))
    source = html.split("\n")[number - 1]
    assert tuple(problems.span)[:4] == (number, 7, number, 7 + 14)
    first = problems.paragraphs[0]
    assert tuple(first.span)[:2] == (number, source.index("（一）") + 1)


@pytest.mark.parametrize(
    ("new", "key", "heading", "text"),
    [
        # No comma and no digit: the grammar reads the whole line as a heading.
        (
            "六、其他需要报告的事项：本年度未收取信息处理费。",
            "other",
            "六、其他需要报告的事项",
            "本年度未收取信息处理费。",
        ),
        ("六、其他需要报告的事项：无", "other", "六、其他需要报告的事项", "无"),
        ("**六、其他需要报告的事项：无。**", "other", "**六、其他需要报告的事项", "无。"),
        (
            "五、存在的主要问题及改进情况：暂无。",
            "problems",
            "五、存在的主要问题及改进情况",
            "暂无。",
        ),
    ],
)
def test_a_heading_line_that_goes_on_into_a_sentence(tmp_path, new, key, heading, text) -> None:
    old = {
        "other": "六、其他需要报告的事项\n本机关2023年未收取信息处理费。",
        "problems": _FIVE
        + "政策解读形式较为单一，部分栏目更新不及时。（二）改进措施。丰富解读形式。建立栏目更新台账。",
    }[key]
    source = CLEAN.read_text(encoding="utf-8")
    line = source[: source.index(old)].count("\n") + 1
    report = _parse(tmp_path, old, new)
    section = report.section(key)
    assert section is not None and not section.implicit
    assert section.title == heading
    assert tuple(section.span)[:4] == (line, 1, line, 1 + len(heading))
    assert [p.text for p in section.paragraphs] == [text]
    (paragraph,) = section.paragraphs
    column = 1 + new.index(text)
    assert (paragraph.section, *tuple(paragraph.span)[:4]) == (
        key,
        line,
        column,
        line,
        column + len(text),
    )


@pytest.mark.parametrize(
    "heading",
    [
        "二、主动公开政府信息情况（单位：件）",
        "六、其他需要报告的事项：",
        "六、其他需要报告的事项。",
        "四、政府信息公开行政复议、行政诉讼情况。",
    ],
)
def test_a_heading_with_a_note_or_a_mark_stays_whole(tmp_path, heading) -> None:
    old = (
        heading[:2]
        + {
            "二": "主动公开政府信息情况",
            "六": "其他需要报告的事项",
            "四": "政府信息公开行政复议、行政诉讼情况",
        }[heading[0]]
        + "\n"
    )
    report = _parse(tmp_path, old, heading + "\n")
    (section,) = [s for s in report.sections if s.title == heading]
    assert tuple(section.span)[1:4:2] == (1, 1 + len(heading))
    assert all(not p.text.startswith(("（单位", "：", "。")) for p in section.paragraphs)


def test_a_title_run_on_into_words_that_end_no_sentence_is_no_heading(tmp_path) -> None:
    # Not a report at all (a line of one title and filler, cases/bad-longline): no section.
    path = tmp_path / "report.txt"
    path.write_text("一、总体情况" + "啊" * 200 + "\n", encoding="utf-8")
    with pytest.raises(NotAReportError):
        parse_path(path)


def test_a_line_opening_with_a_radical_nfkc_leaves_as_it_is_is_text(tmp_path) -> None:
    """⺇ (U+2E87, CJK Radicals Supplement) is a radical NFKC does not fold: a line opening
    with it (a PDF's unmapped glyphs) was asked again and again whether it is a heading
    once folded, until a RecursionError made the file "too deeply nested". It is text:
    a file of such lines is not a report, and says so."""
    path = tmp_path / "glyphs.txt"
    path.write_text("⺇抧氂曢⺇摋柣ช〪\n⺇⺇⺇\n", encoding="utf-8")
    with pytest.raises(NotAReportError, match="no section headings"):
        parse_path(path)
    text = CLEAN.read_text(encoding="utf-8").replace("一、总体情况", "⺇、总体情况", 1)
    path.write_text(text, encoding="utf-8")
    report = parse_path(path)
    first = report.sections[0]  # read by its words, its numeral not one
    assert (first.key, first.number, first.span.line, first.span.column) == ("overview", None, 3, 1)
    assert report.sections[1].key == "proactive"


def test_headings_and_title_in_radicals_are_read_as_the_characters_they_stand_for(
    tmp_path,
) -> None:
    """A PDF's text layer whose font maps characters to the Kangxi radicals gives ⼀ (U+2F00)
    for 一 and ⾏ (U+2F8F) for 行; they look the same. Every section is read, numbered,
    where its heading stands, and the title names the body in ordinary characters."""
    text = CLEAN.read_text(encoding="utf-8")
    radicals = str.maketrans({"一": "⼀", "二": "⼆", "行": "⾏", "人": "⼈"})
    path = tmp_path / "radicals.txt"
    path.write_text(text.translate(radicals), encoding="utf-8")
    report, clean = parse_path(path), parse_path(CLEAN)
    sections = [(s.key, s.number, s.span.line, s.span.column) for s in report.sections]
    assert sections == [(s.key, s.number, s.span.line, s.span.column) for s in clean.sections]
    assert sections[0] == ("overview", "一", 3, 1)
    assert sections[3] == ("reviews", "四", 49, 1)
    assert not any(s.implicit for s in report.sections)
    assert report.agency == "测试县人民政府"
    cell = report.tables["reviews"].cell("review", "upheld")
    clean_cell = clean.tables["reviews"].cell("review", "upheld")
    assert cell is not None and clean_cell is not None
    assert (cell.value, cell.span.line, cell.span.column) == (
        clean_cell.value,
        clean_cell.span.line,
        clean_cell.span.column,
    )
