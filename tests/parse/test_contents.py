"""A table of contents before the body (目录, then the six headings) is no second report:
the report is read from its body (parse.builder._without_contents)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_text, codes
from xxgk_lint.format import FORMAT_2021
from xxgk_lint.parse import parse_path

CLEAN = Path(__file__).parents[1] / "rules" / "cases" / "reports" / "clean.txt"
TEXT = CLEAN.read_text(encoding="utf-8")
TITLE, BODY = TEXT.split("\n", 1)
#: The format's six headings and section keys.
HEADINGS = [f"{s.number}、{s.title.zh}" for s in FORMAT_2021.sections]
KEYS = list(FORMAT_2021.section_keys)


def _lines(*lines: str) -> str:
    return "\n".join(lines)


#: Contents blocks as reports print them: each is put between the title and the body.
CONTENTS = {
    "one per line": _lines("目录", *HEADINGS),
    "dot leaders": _lines("目  录", *(f"{h}…………{n}" for n, h in enumerate(HEADINGS, 1))),
    "long leaders (some lines no heading)": _lines(
        "目录", *(h + "·" * (40 - len(h)) + str(n) for n, h in enumerate(HEADINGS, 1))
    ),
    "Word's leaders, a space each side": _lines(
        "目  录", *(f"{h} {'.' * 20} {n}" for n, h in enumerate(HEADINGS, 1))
    ),
    "page numbers after a blank": _lines(*(f"{h} {n + 2}" for n, h in enumerate(HEADINGS))),
    "two on a line": _lines(
        "目录", *(f"{HEADINGS[i]}　　{HEADINGS[i + 1]}" for i in range(0, 6, 2))
    ),
    "three on a line": _lines("目 录", f"{' '.join(HEADINGS[:3])}", f"{' '.join(HEADINGS[3:])}"),
    "with sub-entries": _lines(
        "目录",
        HEADINGS[0],
        "（一）主动公开情况……1",
        "（二）依申请公开情况……1",
        *HEADINGS[1:5],
        "（一）存在问题",
        "（二）改进措施",
        HEADINGS[5],
    ),
    "the first three": _lines("目录", *HEADINGS[:3]),
}


@pytest.mark.parametrize("contents", CONTENTS.values(), ids=CONTENTS.keys())
def test_the_report_is_read_from_its_body(tmp_path: Path, contents: str) -> None:
    text = f"{TITLE}\n{contents}\n{BODY}"
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_path(path)
    shift = contents.count("\n") + 1  # the body's lines, after the contents
    assert report.second_report is None
    assert [(s.key, s.number, s.span.line) for s in report.sections] == [
        (key, heading[0], TEXT.split("\n").index(heading) + 1 + shift)
        for key, heading in zip(KEYS, HEADINGS, strict=True)
    ]
    assert report.title is not None and report.title.text == TITLE
    licensing = report.tables["proactive"].cell("licensing", "decisions")
    assert licensing is not None and licensing.value == 120
    assert licensing.span.line == 12 + shift  # (行政许可 | 120, line 12 of the clean report)
    received = report.tables["applications"].cell("received", "total")
    assert received is not None and received.value == 7
    review = report.tables["reviews"].cell("review", "total")
    assert review is not None and review.value == 1
    # The opening paragraph after the contents stays the report's (in its preamble).
    # (a contents line the grammar takes for no heading is a line of the preamble)
    assert "本报告根据" in report.preamble[-1].text
    file = check_text(tmp_path, text)
    assert [d.code for d in file.diagnostics if d.severity.label != "info"] == []


def test_contents_before_the_title(tmp_path: Path) -> None:
    """目录 first, then the title and the opening paragraph (under the last entry)."""
    text = _lines("目录", *(f"{h}……{n}" for n, h in enumerate(HEADINGS, 1)), TEXT)
    report = parse_path(_write(tmp_path, text))
    assert report.title is not None and report.title.text == TITLE
    assert report.title.span.line == 8
    assert [s.key for s in report.sections] == KEYS
    assert report.year == 2023 and report.second_report is None
    assert check_text(tmp_path, text).diagnostics == ()


def test_a_second_report_after_a_report_with_contents_is_still_found(tmp_path: Path) -> None:
    first = f"{TITLE}\n{CONTENTS['one per line']}\n{BODY}"
    second = "测试县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n2022年，本机关主动公开信息35条。\n"
    text = first.rstrip("\n") + "\n" + second
    file = check_text(tmp_path, text)
    line = first.rstrip("\n").count("\n") + 2
    assert codes(file, "XG007") == [("XG007", line, 1)]


def test_headings_with_nothing_under_them_that_do_not_come_again_stay(tmp_path: Path) -> None:
    """Empty sections are no contents unless the body names them again: 一 and 二 with
    nothing under them, then 三 …: still the report's sections (XG101/XG103 judge them)."""
    lines = TEXT.split("\n")
    del lines[3]  # (the text of 一)
    report = parse_path(_write(tmp_path, "\n".join(lines)))
    assert [s.key for s in report.sections] == KEYS
    assert report.section("overview").span.line == 3  # type: ignore[union-attr]


def _write(folder: Path, text: str) -> Path:
    path = folder / "report.txt"
    path.write_text(text, encoding="utf-8")
    return path
