"""A title wrapped inside the report's name (…工作年度报 / 告): a narrow page, a centred
title or a PDF printed from a web page breaks it there. Neither line is a title by
itself; the two joined are, and give the report its body and year."""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk_lint.parse import parse_path

PIPE = Path(__file__).parents[2] / "fixtures" / "reports" / "headings-variants-i.txt"
TITLE = "青溪县水利局2023年政府信息公开工作年度报告"


def _wrapped(tmp_path: Path, first: str, second: str) -> Path:
    text = PIPE.read_text(encoding="utf-8")
    assert text.splitlines()[0] == TITLE
    path = tmp_path / "r.txt"
    path.write_text(text.replace(TITLE, first + "\n" + second, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("at", [len(TITLE) - 1, len(TITLE) - 2, len(TITLE) - 3, len(TITLE) - 5])
def test_a_title_wrapped_inside_its_name_is_joined(tmp_path: Path, at: int) -> None:
    report = parse_path(_wrapped(tmp_path, TITLE[:at], TITLE[at:]))
    assert (report.agency, report.year) == ("青溪县水利局", 2023)
    assert report.title is not None and report.title.text == TITLE
    assert (report.title.span.line, report.title.span.column) == (1, 1)
    assert all(TITLE[:at] not in p.text and p.text != TITLE[at:] for p in report.preamble)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a sentence, not a title: it has a sentence mark
        ("青溪县水利局2023年政府信息公开工作，详见年度报", "告"),
        # the second line is the start of a paragraph, not a title's last characters
        ("青溪县水利局2023年政府信息公开工作年度报", "告如下，请各单位认真学习并抓好落实"),
        # no year in the two lines
        ("青溪县水利局政府信息公开工作年度报", "告"),
    ],
)
def test_two_lines_that_are_no_wrapped_title_are_not_joined(
    tmp_path: Path, first: str, second: str
) -> None:
    report = parse_path(_wrapped(tmp_path, first, second))
    assert report.title is None or report.title.text != first + second
