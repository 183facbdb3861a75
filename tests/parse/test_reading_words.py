"""Wordings real reports print that the reader must take as the format's: 其它 for 其他,
headings ending in 。, a bare 六、其他 only where a heading stands, titles with 关于, wrapped
over two lines or with a Chinese year, and page numbers printed inside a sentence."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from xxgk_lint.format import normalise, section_key
from xxgk_lint.parse import parse_path
from xxgk_lint.parse.grammar import get_parser
from xxgk_lint.parse.metadata import agency_of, year_of_title

PIPE = Path(__file__).parents[2] / "fixtures" / "reports" / "headings-variants-i.txt"


def classify(line: str) -> str:
    return get_parser().line_lexer.classify(line)


def test_qita_is_folded_to_qita_once_for_every_label() -> None:
    assert normalise("3.其它") == "3.其他"
    assert normalise("（六）其它处理") == normalise("（六）其他处理")


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("一、总体情况。", "overview"),
        ("二、主动公开政府信息情况。", "proactive"),
        ("三、收到和处理政府信息公开申请情况。", "applications"),
        ("五、存在的主要问题及改进情况。", "problems"),
        ("五、问题与改进", "problems"),
        ("五、工作中存在的不足和下一步打算", "problems"),
        ("五、存在不足及改进措施", "problems"),
        ("六、其它需要报告的事项", "other"),
        ("六、其他需报告的事项", "other"),
        ("六、其他需要说明的事项", "other"),
        ("六、其他", "other"),
        ("六、其他：", "other"),
        ("一、基本情况", "overview"),
    ],
)
def test_heading_wordings(line: str, key: str) -> None:
    assert classify(line) == "HEADING"
    assert section_key(line) == key


@pytest.mark.parametrize(
    "line",
    [
        "二、主动公开方面，全年主动公开政府信息120条。",  # a sentence, not a heading
        "一、总体情况2023年共收到申请5件。",
        "五、其他",  # the bare word only after its own numeral
        "六、其他处理",
    ],
)
def test_sentences_and_other_numerals_are_not_headings(line: str) -> None:
    assert classify(line) != "HEADING"


def _report(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bare_heading_after_section_five_opens_section_six(tmp_path: Path) -> None:
    text = PIPE.read_text(encoding="utf-8").replace("六、其它需要报告的事项", "六、其他")
    report = parse_path(_report(tmp_path, text))
    assert [s.key for s in report.sections][-2:] == ["problems", "other"]
    assert report.sections[-1].title == "六、其他"


def test_a_bare_heading_inside_table_three_is_text_of_section_three(tmp_path: Path) -> None:
    """Where no heading can stand (in section 三, before 四) 六、其他 is a line of text."""
    text = PIPE.read_text(encoding="utf-8")
    text = text.replace("四、结转下年度继续办理", "六、其他\n四、结转下年度继续办理", 1)
    report = parse_path(_report(tmp_path, text))
    keys = [s.key for s in report.sections]
    assert keys == ["overview", "proactive", "applications", "reviews", "problems", "other"]
    assert report.tables["applications"].cell("carried_forward", "total").value == 2


def test_the_row_3_qita_keeps_its_numbers() -> None:
    report = parse_path(PIPE)
    row = report.tables["applications"].row("other.other")
    assert row is not None
    assert row.label == "3.其它"
    assert [c.value for c in row.cells] == [0, 0, 0, 0, 0, 0, 0]


@pytest.mark.parametrize(
    ("title", "agency", "year"),
    [
        ("白石县自然资源局关于2023年政府信息公开工作年度报告", "白石县自然资源局", 2023),
        (
            "白石县人民政府办公室关于白石县2023年政府信息公开工作年度报告",
            "白石县人民政府办公室",
            2023,
        ),
        ("白石县自然资源局二〇二三年政府信息公开工作年度报告", "白石县自然资源局", 2023),
        ("白石县自然资源局2023年度政府信息公开工作情况报告", "白石县自然资源局", 2023),
        ("白石县自然资源局关于2023年度政府信息公开工作的年度报告", "白石县自然资源局", 2023),
    ],
)
def test_title_wordings(title: str, agency: str, year: int) -> None:
    assert classify(title) == "TITLE"
    assert agency_of(title) == agency
    assert year_of_title(title) == year


def test_a_title_without_a_year_still_names_its_body() -> None:
    """The year then comes from the period; the body is what stands before the name."""
    title = "白石县自然资源局政府信息公开工作年度报告"
    assert classify(title) == "TITLE"
    assert agency_of(title) == "白石县自然资源局"
    assert year_of_title(title) is None
    assert agency_of("政府信息公开工作年度报告") is None


def test_a_title_wrapped_over_two_lines_is_joined(tmp_path: Path) -> None:
    text = PIPE.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == "青溪县水利局2023年政府信息公开工作年度报告"
    report = parse_path(_report(tmp_path, text.replace(first, "青溪县水利局\n" + first[6:], 1)))
    assert report.agency == "青溪县水利局"
    assert report.title is not None and report.title.text == first
    assert report.title.span.line == 1
    assert all(p.text != "青溪县水利局" for p in report.preamble)


@pytest.mark.parametrize(
    "first", ["青溪县水利局2023年", "青溪县水利局 2023 年", "青溪县水利局2023年度"]
)
def test_a_title_wrapped_before_the_report_name_is_joined(tmp_path: Path, first: str) -> None:
    """The year ends the first line (青溪县水利局 2023 年 / 政府信息公开工作年度报告): the
    title's year and agency are read from both lines, even when the first line, holding a
    number, is read as a table row."""
    text = PIPE.read_text(encoding="utf-8")
    title = text.splitlines()[0]
    wrapped = text.replace(title, first + "\n" + title[11:], 1)
    report = parse_path(_report(tmp_path, wrapped))
    assert (report.agency, report.year) == ("青溪县水利局", 2023)
    assert report.title is not None and report.title.text == first + title[11:]
    assert (report.title.span.line, report.title.span.column) == (1, 1)
    assert all(p.text != first for p in report.preamble)


@pytest.mark.parametrize("first", ["根据《条例》2023年", "今天是2023年", "2023年"])
def test_a_line_above_the_report_name_that_names_no_body_is_not_its_title(
    tmp_path: Path, first: str
) -> None:
    text = PIPE.read_text(encoding="utf-8")
    title = text.splitlines()[0]
    report = parse_path(_report(tmp_path, text.replace(title, first + "\n" + title[11:], 1)))
    assert report.title is not None and report.title.text == title[11:]


def test_a_page_number_inside_a_sentence_is_dropped(tmp_path: Path) -> None:
    text = (
        "白石县自然资源局2023年政府信息公开工作年度报告\n\n一、总体情况\n"
        "2023年，我局共收到政府信息公开申请637件，其\n- 2 -\n中上年结转12件。\n"
        "第 3 页\n（一）主动公开情况。全年主动公开政府信息312条。\n"
    )
    report = parse_path(_report(tmp_path, text))
    texts = [p.text for p in report.sections[0].paragraphs]
    assert texts == [
        "2023年，我局共收到政府信息公开申请637件，其中上年结转12件。",
        "（一）主动公开情况。全年主动公开政府信息312条。",
    ]


STRIPPED = Path(__file__).parent / "data" / "tab-stripped-blanktotal.txt"


def test_trailing_tabs_stripped_from_every_short_row_read_as_blank() -> None:
    """总计 left blank in every leaf row and its empty last field stripped (6 values where
    7 columns stand): every cell as the truth says, the blank 总计 cells blank."""
    truth = json.loads(STRIPPED.with_suffix(".truth.json").read_text(encoding="utf-8"))
    report = parse_path(STRIPPED)
    for key in ("proactive", "applications", "reviews"):
        table = report.tables[key]
        for row_key, cells in truth["tables"][key].items():
            for column, value in cells.items():
                cell = table.cell(row_key, column)
                assert cell is not None, (key, row_key, column)
                want = None if value is None else Decimal(str(value))
                assert cell.value == want, (key, row_key, column)


def test_a_stripped_row_with_a_gap_stays_uncertain(tmp_path: Path) -> None:
    """A short row whose values do not follow its label field by field is never guessed."""
    text = STRIPPED.read_text(encoding="utf-8")
    line = next(x for x in text.split("\n") if "（二）部分公开" in x)
    cells = line.split("\t")
    gapped = "\t".join([*cells[:3], "", *cells[3:-1]])
    report = parse_path(_report(tmp_path, text.replace(line, gapped)))
    row = report.tables["applications"].row("partially_granted")
    assert row is not None and row.status == "uncertain"
