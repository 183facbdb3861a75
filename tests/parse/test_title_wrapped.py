"""A title wrapped inside the report's name (…工作年度报 / 告): a narrow page, a centred
title or a PDF printed from a web page breaks it there. Neither line is a title by
itself; the two joined are, and give the report its body and year. A report without a
title line may name its body in the opening sentence (现向社会公布…2023年…年度报告): the
body is read from there, so that the cross-year rules can pair the report."""

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


OPENING = (
    "根据《中华人民共和国政府信息公开条例》和《漳州市人民政府办公室关于编制2023年政府信息公开"
    "年度工作报告有关事项的通知》要求，现向社会公布{body}2023年政府信息公开工作年度报告。"
)


@pytest.mark.parametrize(
    ("opening", "agency"),
    [
        (OPENING.format(body="漳州古雷港经济开发区"), "漳州古雷港经济开发区"),
        (OPENING.format(body="青溪县水利局"), "青溪县水利局"),
        (
            "现将青溪县人民政府办公室2023年度政府信息公开工作年度报告公布如下。",
            "青溪县人民政府办公室",
        ),
        ("特发布青溪县白沙镇人民政府2023年政府信息公开工作年度报告。", "青溪县白沙镇人民政府"),
        # the notice's title in 《》 names a year and a report: not this report's body
        ("根据《关于编制2023年政府信息公开工作年度报告的通知》，编制本报告。", None),
        # what stands before the year is no body's name
        ("现向社会公布2023年政府信息公开工作年度报告。", None),
    ],
)
def test_without_a_title_the_opening_sentence_names_the_body(
    tmp_path: Path, opening: str, agency: str | None
) -> None:
    text = PIPE.read_text(encoding="utf-8").replace(TITLE + "\n", opening + "\n", 1)
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_path(path)
    assert report.title is None
    assert report.agency == agency


def test_the_title_names_the_body_before_the_opening_sentence(tmp_path: Path) -> None:
    text = PIPE.read_text(encoding="utf-8").replace(
        TITLE + "\n", TITLE + "\n" + OPENING.format(body="青溪县人民政府") + "\n", 1
    )
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    assert parse_path(path).agency == "青溪县水利局"
