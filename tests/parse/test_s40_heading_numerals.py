"""Section headings numbered in other styles than the format's 一、: 01 总体情况, （01）,
PART 01, Part 1, 第1部分, Ⅰ., I., Ⅱ、, ①, 〔一〕; a numeral printed over its title on two
lines (01 / 总体情况, 一 / 总体情况, 第一部分 / 总体情况); titles reworded as real reports do.

Each used to leave the six sections headless (XG102 "no heading" at each, or the sections
run together), or read them with XG102 warning that each was wrongly numbered (①, Ⅱ.).
Now each heading opens its section at its own line and column, the numeral kept as printed,
and XG102 says once, as information, that the format numbers them 一、 二、. Lines that
merely start with a number stay what they are: 1.加强组织领导 under 总体情况 (an item),
2023年… (prose), 01 above a title of another section."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.parse.test_value_cells import _html, _parse, _seed, _truth, _wrong
from tests.rules.helpers import check_text
from xxgk_lint.parse.grammar import get_parser
from xxgk_lint.parse.numerals import heading_numeral

_KEYS = ["overview", "proactive", "applications", "reviews", "problems", "other"]
_TITLES = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
]
#: The titles reworded as real reports print them.
_REWORDED = [
    "总体情况概述",
    "主动公开政府信息的情况",
    "收到和处理政府信息公开申请的情况",
    "政府信息公开行政复议、行政诉讼情况",
    "政府信息公开工作存在的主要问题及改进措施",
    "其他事项",
]
_HEADING = re.compile(r"(?m)^([一二三四五六])、(" + "|".join(_TITLES) + r")$")


def _heading(style: str, n: int, titles: list[str] = _TITLES) -> str:
    """Section ``n``'s (0 … 5) heading in ``style`` ({n}: 1 … 6, {cn}: 一 … 六, {r}: Ⅰ …,
    {a}: I …, {c}: ① …, {t}: the title; a \\n in it puts the title on the next line)."""
    return style.format(
        n=n + 1,
        cn="一二三四五六"[n],
        r="ⅠⅡⅢⅣⅤⅥ"[n],
        a=("I", "II", "III", "IV", "V", "VI")[n],
        c="①②③④⑤⑥"[n],
        t=titles[n],
    )


def _numbered(seed: str, style: str, titles: list[str] = _TITLES) -> str:
    """Seed ``seed`` with its six headings in ``style`` (see :func:`_heading`)."""
    text, count = _HEADING.subn(
        lambda m: _heading(style, "一二三四五六".index(m.group(1)), titles), _seed(seed)
    )
    assert count == 6
    return text


def _starts(text: str, style: str, titles: list[str] = _TITLES) -> list[int]:
    """The lines the six headings start at (the first line of each)."""
    lines = text.split("\n")
    return [lines.index(_heading(style, n, titles).split("\n")[0]) + 1 for n in range(6)]


def assert_headings_open(seed: str, style: str, titles: list[str] = _TITLES) -> None:
    """Seed ``seed`` with its headings in ``style`` reads as the seed: each of the six
    sections opens at its heading's first line, column 1, and the tables are the truth's."""
    text = _numbered(seed, style, titles)
    report = _parse(text)
    expected = _starts(text, style, titles)
    assert [(s.key, s.span.line, s.span.column, s.implicit) for s in report.sections] == [
        (key, line, 1, False) for key, line in zip(_KEYS, expected, strict=True)
    ]
    assert _wrong(report, _truth(seed), but={}) == []


# ------------------------------------------------------------------------ the numeral


@pytest.mark.parametrize(
    ("text", "value", "printed", "style"),
    [
        ("01 总体情况", 1, "01", "01 "),
        ("02、主动公开", 2, "02、", "01、"),
        ("03.收到和处理", 3, "03.", "01."),
        ("（04）政府信息公开行政复议", 4, "（04）", "(01)"),
        ("PART 05 存在的主要问题", 5, "PART 05", "PART01 "),
        ("Part 6 其他事项", 6, "Part 6", "PART1 "),
        ("第1部分 总体情况", 1, "第1部分", "第1部分 "),
        ("第二部分：主动公开", 2, "第二部分：", "第一部分:"),
        ("Ⅲ.收到和处理", 3, "Ⅲ.", "I."),
        ("IV. 政府信息公开行政复议", 4, "IV.", "I."),
        ("Ⅴ、存在的主要问题", 5, "Ⅴ、", "I、"),
        ("⑥其他需要报告的事项", 6, "⑥", "①"),
        ("〔一〕总体情况", 1, "〔一〕", "〔一〕"),
        ("二．主动公开", 2, "二．", "一."),
        ("三 收到和处理", 3, "三", "一 "),
        ("01", 1, "01", "01"),
        ("一", 1, "一", "一"),
        ("PART 02", 2, "PART 02", "PART01"),
        ("０３　收到和处理", 3, "０３", "01 "),
    ],
)
def test_a_heading_numeral_in_each_style(text: str, value: int, printed: str, style: str) -> None:
    numeral = heading_numeral(text)
    assert numeral is not None
    assert (numeral.value, numeral.printed, numeral.style) == (value, printed, style)


@pytest.mark.parametrize(
    "text",
    [
        "1.5万件",
        "2023年，我局",
        "1总体情况",
        "一是加强",
        "10 总体",
        "0 0 0 0",
        "第二十条",
        "V型",
        "09 总体",
    ],
)
def test_what_opens_no_heading(text: str) -> None:
    assert heading_numeral(text) is None


# ------------------------------------------------------------------ headings on one line


_STYLES = [
    "0{n} {t}",
    "0{n}、{t}",
    "0{n}.{t}",
    "（0{n}）{t}",
    "PART 0{n} {t}",
    "Part {n} {t}",
    "第{n}部分 {t}",
    "{r}.{t}",
    "{a}. {t}",
    "{r}、{t}",
    "{c}{t}",
    "〔{cn}〕{t}",
    "0{n}{t}",
    "**0{n} {t}**",
]


@pytest.mark.parametrize("style", _STYLES)
@pytest.mark.parametrize("titles", [_TITLES, _REWORDED], ids=["titles", "reworded"])
def test_headings_numbered_otherwise_open_their_sections(style: str, titles: list[str]) -> None:
    assert_headings_open("000", style, titles)


def test_the_numeral_is_kept_as_printed() -> None:
    report = _parse(_numbered("000", "PART 0{n} {t}"))
    assert [s.number for s in report.sections] == [f"PART 0{n}" for n in range(1, 7)]
    report = _parse(_numbered("000", "{r}.{t}"))
    assert [s.number for s in report.sections] == [f"{r}." for r in "ⅠⅡⅢⅣⅤⅥ"]


@pytest.mark.parametrize("style", ["0{n} {t}", "{r}.{t}", "{c}{t}", "PART 0{n} {t}"])
def test_a_style_is_one_notice_not_a_wrong_numeral_at_each(tmp_path: Path, style: str) -> None:
    text = _numbered("000", style)
    found = [
        (d.code, d.severity.name, d.line, d.column, d.expected)
        for d in check_text(tmp_path, text).diagnostics
        if d.code in ("XG101", "XG102")
    ]
    assert found == [("XG102", "INFO", 2, 1, "一、")]


def test_one_heading_in_another_style_is_a_warning_at_it(tmp_path: Path) -> None:
    text = _seed("000").replace("五、存在的主要问题及改进情况", "05 存在的主要问题及改进情况")
    found = [
        (d.code, d.severity.name, d.line, d.column, d.expected, d.actual)
        for d in check_text(tmp_path, text).diagnostics
        if d.code in ("XG101", "XG102")
    ]
    assert found == [("XG102", "WARNING", 58, 1, "五", "05")]


# ------------------------------------------------------------------ a numeral over its title


@pytest.mark.parametrize(
    "style",
    ["0{n}\n{t}", "{cn}\n{t}", "PART 0{n}\n{t}", "第{cn}部分\n{t}", "{c}\n{t}", "0{n}\n\n{t}"],
)
@pytest.mark.parametrize("seed", ["000", "001", "004"])
def test_a_numeral_over_its_title_is_one_heading(style: str, seed: str) -> None:
    assert_headings_open(seed, style)


def test_the_lexer_reads_the_two_lines_as_one_at_the_numerals_place() -> None:
    lexer = get_parser().line_lexer
    runs = lexer.runs(
        "一\n总体情况\n2023年，本机关主动公开政府信息。\n02\n\n主动公开政府信息情况\n"
    )
    assert [(kind, [line[1:4] for line in lines]) for kind, lines in runs] == [
        ("HEADING", [("一 总体情况", 1, 1)]),
        ("END", [("2023年，本机关主动公开政府信息。", 3, 1)]),
        ("TEXT", [("02 主动公开政府信息情况", 4, 1)]),
    ]


def test_a_numeral_over_another_sections_title_stays_apart() -> None:
    """01 over 存在的主要问题 (a list under 五 numbered 01, 02) or over 主动公开政府信息情况
    is no heading; a lone 4 of a table over a label is no numeral at all."""
    lexer = get_parser().line_lexer
    runs = lexer.runs("01\n存在的主要问题\n01\n主动公开政府信息情况\n4\n行政复议\n")
    assert [line[1] for _, lines in runs for line in lines] == [
        "01",
        "存在的主要问题",
        "01",
        "主动公开政府信息情况",
        "4",
        "行政复议",
    ]


# --------------------------------------------------------------------------- negatives


def test_items_and_prose_under_the_sections_are_no_headings() -> None:
    """Under headings numbered 01 …, 总体情况's items numbered 1. 2. (2.主动公开情况 before
    02 主动公开政府信息情况) and a line of prose ending with a title stay in 一."""
    text = _numbered("000", "0{n} {t}").replace(
        "01 总体情况\n",
        "01 总体情况\n1.加强组织领导\n2.主动公开情况\n2023年主动公开政府信息情况\n3.依申请公开情况\n",
    )
    report = _parse(text)
    assert [(s.key, s.span.line) for s in report.sections] == list(
        zip(_KEYS, _starts(text, "0{n} {t}"), strict=True)
    )
    assert report.sections[0].number == "01"


def test_a_report_numbered_as_the_format_is_read_as_before() -> None:
    """Items numbered ① or Ⅰ. and a 01 / 存在的主要问题 list under sections numbered 一、:
    the six sections are those of the 一、 headings."""
    text = (
        _seed("000")
        .replace("一、总体情况\n", "一、总体情况\n①主动公开政府信息情况\nⅠ.政府信息管理\n")
        .replace(
            "五、存在的主要问题及改进情况\n", "五、存在的主要问题及改进情况\n01\n存在的主要问题\n"
        )
    )
    report = _parse(text)
    assert [(s.key, s.number, s.span.line) for s in report.sections] == list(
        zip(_KEYS, "一二三四五六", _starts(text, "{cn}、{t}"), strict=True)
    )


# ------------------------------------------------------------------------------- markup


def test_html_list_items_whose_numbers_the_page_draws() -> None:
    """<ol><li>主动公开政府信息的情况</li></ol>: the number is no text; the title alone, in
    a wording the model lists, is the heading."""
    text = _numbered("000", "<ol start={n}><li>{t}</li></ol>", _REWORDED)
    report = _parse(_html(text), "report.html")
    assert [(s.key, s.number, s.implicit) for s in report.sections] == [
        (key, None, False) for key in _KEYS
    ]
    assert _wrong(report, _truth("000"), but={}) == []
