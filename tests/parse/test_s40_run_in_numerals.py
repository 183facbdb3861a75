"""A section heading with its text run in after it, numbered otherwise than the format
(01 总体情况：…, 01.…, PART 01 …, Ⅰ.…): the heading opens its section at its line, its text
the section's first paragraph. Before, the section was read as headless (XG102) and, for
五 and 六 so written, 五 was missing (XG101) and its text went to 六."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.rules.helpers import check_text
from xxgk_lint.parse import parse_source
from xxgk_lint.sources import read_source

SEED = (SEEDS / "000_046dc01fb9bbe87a.txt").read_text(encoding="utf-8").split("\n")
NUMERALS = "一二三四五六"


def renumbered(number: object) -> str:
    """Seed 000 with its six headings numbered by ``number`` (the section's 1-based place,
    its title → the heading); 一, 五 and 六 with their first paragraph run in after a colon."""
    out: list[str] = []
    lines = iter(SEED)
    for line in lines:
        if line[:2] in [n + "、" for n in NUMERALS] and "|" not in line:
            heading = number(NUMERALS.index(line[0]) + 1, line[2:])  # type: ignore[operator]
            if line[0] in "一五六":
                heading += "：" + next(lines)
            out.append(heading)
        else:
            out.append(line)
    return "\n".join(out)


STYLES = {
    "01 ": lambda n, title: f"0{n} {title}",
    "01.": lambda n, title: f"0{n}.{title}",
    "PART 01 ": lambda n, title: f"PART 0{n} {title}",
    "Ⅰ.": lambda n, title: f"{'ⅠⅡⅢⅣⅤⅥ'[n - 1]}.{title}",
}


@pytest.mark.parametrize("style", STYLES)
def test_run_in_headings_open_their_sections(style: str) -> None:
    text = renumbered(STYLES[style])
    report = parse_source(read_source("r.txt", text.encode()))
    keys = [s.key for s in report.sections]
    assert keys == ["overview", "proactive", "applications", "reviews", "problems", "other"]
    lines = text.split("\n")
    for section in report.sections:
        line = lines[section.span.line - 1]
        assert section.span.column == 1 and line.startswith(section.title)
        assert section.number == line[: len(section.number or "")] and section.number
    problems = report.section("problems")
    assert problems is not None and problems.title == STYLES[style](5, "存在的主要问题及改进情况")
    first = problems.paragraphs[0]  # the run-in text, the section's first paragraph
    assert first.text.startswith("(一)存在问题。")
    assert (first.span.line, first.span.column) == (problems.span.line, len(problems.title) + 2)


@pytest.mark.parametrize("style", STYLES)
def test_only_the_style_is_noticed(tmp_path: Path, style: str) -> None:
    found = check_text(tmp_path, renumbered(STYLES[style])).diagnostics
    assert [(d.code, d.severity.name, d.line) for d in found if d.code.startswith("XG1")] == [
        ("XG102", "INFO", 2)
    ]


def test_an_item_numbered_01_run_in_is_no_heading() -> None:
    """01 加强组织领导：… (words that name no section) under 总体情况 stays its text."""
    text = renumbered(STYLES["01 "]).replace(
        "02 主动公开政府信息情况", "01 加强组织领导：成立工作专班。\n02 主动公开政府信息情况"
    )
    report = parse_source(read_source("r.txt", text.encode()))
    overview = report.section("overview")
    assert overview is not None
    assert any(p.text.startswith("01 加强组织领导") for p in overview.paragraphs)
    assert [s.key for s in report.sections][1] == "proactive"
