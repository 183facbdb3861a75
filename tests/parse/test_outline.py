"""Sections whose heading is missing while their content is there (parse.outline)."""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk_lint.parse import parse_path

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
