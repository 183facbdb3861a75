"""A short heading cut over two lines inside its words (一、总体 / 情况, as PDF text and
narrow pages wrap it): read whole, at the line and column of its first part — and two real
lines that only look so (a heading and a body line that opens with its last words, a numbered
line and a line holding a section's words whole) are left as they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, edit
from tests.rules.helpers import check_text
from xxgk_lint.format import words_across
from xxgk_lint.testing import parse_text

HEADINGS = {
    "overview": "一、总体情况",
    "reviews": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other": "六、其他需要报告的事项",
}
#: Where CLEAN prints each heading (1-based line).
LINES = {"overview": 3, "reviews": 49, "problems": 54, "other": 56}
#: The six sections, in order: what every report here must come out with.
SIX = ["overview", "proactive", "applications", "reviews", "problems", "other"]


def _cut(text: str, heading: str, at: int, between: str = "\n") -> str:
    return edit(text, heading + "\n", heading[:at] + between + heading[at:] + "\n")


def _sections(text: str) -> list[tuple[str, str, int, int, bool]]:
    return [
        (s.key, s.title, s.span.line, s.span.column, s.implicit) for s in parse_text(text).sections
    ]


def test_clean_report_lines() -> None:
    """(the lines the tests below expect the headings on)"""
    sections = {s.key: s.span.line for s in parse_text(CLEAN).sections}
    assert all(sections[key] == line for key, line in LINES.items())


@pytest.mark.parametrize(
    ("key", "at"),
    [
        ("overview", 4),  # 一、总体 / 情况
        ("overview", 3),  # 一、总 / 体情况
        ("reviews", 10),  # 四、政府信息公开行政 / 复议、行政诉讼情况
        ("problems", 8),  # 五、存在的主要问 / 题及改进情况
        ("other", 6),  # 六、其他需要 / 报告的事项
        ("other", 5),  # 六、其他需 / 要报告的事项
    ],
)
def test_a_heading_cut_inside_its_words_is_one_heading(tmp_path: Path, key: str, at: int) -> None:
    heading = HEADINGS[key]
    text = _cut(CLEAN, heading, at)
    sections = _sections(text)
    assert [s[0] for s in sections] == SIX
    found = next(s for s in sections if s[0] == key)
    assert found == (key, heading, LINES[key], 1, False)
    codes = [(d.code, d.line) for d in check_text(tmp_path, text).diagnostics]
    assert not [c for c in codes if c[0] in ("XG101", "XG102")], codes


def test_every_short_heading_cut_and_the_report_stays_clean(tmp_path: Path) -> None:
    """All four cut at once, as the reviewer's PDF text has them, one with a blank line
    between its parts and indented (its column is its first part's)."""
    text = CLEAN
    for key, at in (("overview", 4), ("reviews", 10), ("problems", 8)):
        text = _cut(text, HEADINGS[key], at)
    text = edit(text, "六、其他需要报告的事项\n", "  六、其他需要\n\n报告的事项\n")
    sections = _sections(text)
    assert [(s[0], s[2], s[3], s[4]) for s in sections] == [
        ("overview", 3, 1, False),
        ("proactive", 6, 1, False),
        ("applications", 21, 1, False),
        ("reviews", 50, 1, False),
        ("problems", 56, 1, False),
        ("other", 59, 3, False),
    ]
    assert sections[-1][1] == "六、其他需要报告的事项"
    assert list(check_text(tmp_path, text).diagnostics) == []


def test_the_lines_after_a_joined_heading_keep_their_place() -> None:
    text = _cut(CLEAN, HEADINGS["overview"], 4)
    overview = parse_text(text).sections[0]
    paragraph = overview.blocks[0]
    assert paragraph.span.line == 5
    assert paragraph.text.startswith("2023年，本机关认真贯彻落实")


@pytest.mark.parametrize(
    ("old", "new", "joined"),
    [
        # a heading, then a body line that opens with its last words: two lines
        ("一、总体情况\n", "一、总体情况\n情况良好\n", "一、总体情况情况良好"),
        # a numbered line, then a line that holds a section's words whole
        (
            "一、总体情况\n",
            "一、总体情况\n一、加强组织领导\n主动公开工作\n",
            "一、加强组织领导主动公开工作",
        ),
        # more than one blank line between the parts
        ("六、其他需要报告的事项\n", "六、其他需要\n\n\n报告的事项\n", "六、其他需要报告的事项"),
    ],
)
def test_two_real_lines_are_not_joined(old: str, new: str, joined: str) -> None:
    titles = [s.title for s in parse_text(edit(CLEAN, old, new)).sections]
    assert joined not in titles
    assert len(titles) == 6


@pytest.mark.parametrize(
    ("key", "at", "after"),
    [
        ("overview", 4, "本机关2023年认真贯彻落实《条例》。"),  # 一、总体 / 情况本机关…
        ("overview", 4, "：本机关2023年认真贯彻落实《条例》。"),
        ("overview", 3, "。本机关2023年认真贯彻落实《条例》。"),  # 一、总 / 体情况。本机关…
        ("problems", 8, "（一）存在问题。培训较少。"),  # 五、存在的主要问 / 题及改进情况（一）…
        ("other", 6, "：本机关未收取费用。"),  # 六、其他需要 / 报告的事项：本机关…
        ("other", 5, "本机关未收取费用。"),
    ],
)
def test_a_cut_heading_whose_second_part_runs_on_into_the_text(
    tmp_path: Path, key: str, at: int, after: str
) -> None:
    """The second part goes on into the section's text: the heading is read at its first
    part's line and column (its text the two parts), the text after it is the section's
    first paragraph, from where it starts on the second line. Before, the section was
    found by its content (XG102, implicit), its heading's first part left in the section
    before it."""
    heading = HEADINGS[key]
    text = _cut(CLEAN, heading, at).replace(heading[at:] + "\n", heading[at:] + after + "\n", 1)
    sections = parse_text(text).sections
    assert [s.key for s in sections] == SIX
    found = next(s for s in sections if s.key == key)
    line = LINES[key]
    assert (found.title, found.span.line, found.span.column, found.implicit) == (
        heading,
        line,
        1,
        False,
    )
    assert (found.span.end_line, found.span.end_column) == (line + 1, len(heading) - at + 1)
    first = found.blocks[0]
    body = after.lstrip("：。")
    assert first.text.startswith(body)
    assert (first.span.line, first.span.column) == (
        line + 1,
        len(heading) - at + 1 + len(after) - len(body),
    )
    before = sections[sections.index(found) - 1] if key != "overview" else None
    assert before is None or all(heading[:at] not in b.text for b in before.paragraphs)
    codes = [(d.code, d.line) for d in check_text(tmp_path, text).diagnostics]
    assert not [c for c in codes if c[0] in ("XG101", "XG102")], codes


def test_a_cut_heading_run_on_after_a_blank_line_and_indented() -> None:
    text = edit(
        CLEAN, "六、其他需要报告的事项\n", "  六、其他需要\n\n报告的事项。本机关未收取费用。\n"
    )
    other = parse_text(text).sections[-1]
    assert (other.title, other.span.line, other.span.column, other.implicit) == (
        "六、其他需要报告的事项",
        LINES["other"],
        3,
        False,
    )
    assert (other.blocks[0].text, other.blocks[0].span.line, other.blocks[0].span.column) == (
        "本机关未收取费用。",
        LINES["other"] + 2,
        7,
    )


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        # a numbered line, then a line opening with a section's words whole (二 headless)
        (
            "二、主动公开政府信息情况\n",
            "一、加强组织领导\n主动公开政府信息情况良好。\n",
            "proactive",
        ),
        # the two parts further apart than one blank line
        (
            "六、其他需要报告的事项\n",
            "六、其他需要\n\n\n报告的事项：本机关未收取费用。\n",
            "other",
        ),
        # a first part that ends a sentence
        ("六、其他需要报告的事项\n", "六、其他需要。\n报告的事项：本机关未收取费用。\n", "other"),
    ],
)
def test_lines_that_only_look_like_a_cut_heading_run_on_are_not_joined(
    old: str, new: str, key: str
) -> None:
    """The section is found by its content (implicit, the format's title), its place the
    second line's."""
    text = edit(CLEAN, old, new)
    section = next(s for s in parse_text(text).sections if s.key == key)
    title = "主动公开政府信息情况" if key == "proactive" else "其他需要报告的事项"
    assert (section.title, section.implicit) == (title, True)


def test_the_second_line_of_a_heading_and_its_body_stays_a_paragraph() -> None:
    text = edit(CLEAN, "一、总体情况\n", "一、总体情况\n情况良好\n")
    overview = parse_text(text).sections[0]
    assert (overview.title, overview.span.line) == ("一、总体情况", 3)
    assert overview.blocks[0].text.startswith("情况良好")


@pytest.mark.parametrize(
    ("text", "cut", "across"),
    [
        ("一、总体情况", 4, True),
        ("一、總體情況", 4, True),  # traditional characters
        ("四、政府信息公开行政复议、行政诉讼情况", 10, True),
        ("六、其他需要报告的事项", 6, True),
        ("一、总体情况", 6, False),  # the words end at the cut
        ("一、加强组织领导主动公开工作", 8, False),  # the words start at the cut
        ("一、加强组织领导", 4, False),  # no section words at all
    ],
)
def test_words_across(text: str, cut: int, across: bool) -> None:
    assert words_across(text, cut) is across
