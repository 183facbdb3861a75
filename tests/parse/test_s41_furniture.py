"""Page furniture (a running header or footer at each page break, beside the page number;
or on its line) is read as page marks, not as the report's prose: it counted as a sentence
(XG103 missed for a short section 五), cut a paragraph the page broke inside, and a footer
naming another body stood among the report's lines. What repeats but is the report's own
stays (a title the header repeats, a line at two of many breaks, a one-page report)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES
from tests.rules.helpers import check_text, codes
from xxgk_lint.parse import parse_source
from xxgk_lint.sources import read_source

BASE = (FIXTURES / "pdf" / "qinglan-amr-2022.txt").read_text(encoding="utf-8").split("\n")
CUT = "但仍存在依申请公开答复规范化水平有"  # section 五's first sentence, cut by a page break
HEADER = "云溪镇人民政府 2023年政府信息公开工作年度报告"  # another body's, another year's


def paged(footer: list[str], header: list[str]) -> str:
    """The report on two pages: ``header`` at the top of each, the break inside section
    五's first sentence (``footer`` and ``header`` between its two parts), ``footer`` again
    at the end ({n}: the page)."""
    out: list[str] = list(header)
    for line in BASE:
        if CUT in line:
            at = line.index(CUT) + len(CUT)
            out += [line[:at], *(f.format(n=1) for f in footer), *header, line[at:]]
        else:
            out.append(line)
    while not out[-1]:
        out.pop()
    return "\n".join([*out, *(f.format(n=2) for f in footer)]) + "\n"


def problems_text(text: str) -> list[str]:
    report = parse_source(read_source("r.txt", text.encode()))
    section = report.section("problems")
    assert section is not None
    return [p.text for p in section.paragraphs]


def test_footer_and_page_mark_inside_a_sentence(tmp_path: Path) -> None:
    text = paged([HEADER, "第 {n} 页 共 2 页"], [])
    first, second = problems_text(text)
    assert first.startswith("2022年我局政府信息公开工作虽取得一定成效，")
    assert "规范化水平有待提高、工作人员业务能力参差不齐等问题。" in first
    assert second.startswith("2023年，我局将加强")
    # two sentences: too few (XG103), at the section's text (the line after its heading)
    lines = text.split("\n")
    heading = lines.index("五、存在的主要问题及改进情况") + 1
    assert codes(check_text(tmp_path, text), "XG103") == [("XG103", heading + 1, 1)]


def test_header_after_the_page_number() -> None:
    text = paged(["- {n} -"], ["XX县人民政府办公室"])
    assert len(problems_text(text)) == 2
    assert all("XX县人民政府办公室" not in p for p in problems_text(text))


def test_footer_and_page_number_on_one_line() -> None:
    text = paged(["XX县人民政府办公室 第 {n} 页 共 2 页"], [])
    first, _ = problems_text(text)
    assert "水平有待提高" in first and "第 1 页" not in first


def test_page_count_with_blanks_around_its_slash() -> None:
    text = paged(["XX县人民政府办公室", "{n} / 2"], [])
    first, _ = problems_text(text)
    assert "水平有待提高" in first and "XX县" not in first


def test_the_tables_are_read_as_before() -> None:
    """A break inside table 三, furniture between its rows: the cells as without it."""
    plain = parse_source(read_source("r.txt", "\n".join(BASE).encode()))
    lines = list(BASE)
    at = next(i for i, line in enumerate(lines) if "5.属于三类内部事务信息" in line) + 1
    lines[at:at] = [HEADER, "第 1 页 共 2 页", "XX县人民政府办公室"]
    lines += ["XX县人民政府办公室", HEADER, "第 2 页 共 2 页"]
    report = parse_source(read_source("r.txt", "\n".join(lines).encode()))
    table, before = report.tables["applications"], plain.tables["applications"]
    cell, old = (
        table.cell("denied.process_information", "total"),
        before.cell("denied.process_information", "total"),
    )
    assert cell is not None and old is not None and cell.value == old.value == 4
    assert (cell.span.line, cell.span.column) == (at + 4, old.span.column)
    moved = table.cell("total", "total")
    assert moved is not None and (moved.value, moved.span.line) == (144, 53 + 3)


def test_a_title_the_header_repeats_stays_the_title() -> None:
    title = BASE[0]
    text = paged(["第 {n} 页 共 2 页"], [title]).split("\n", 1)[1]  # (the title: page 1's top)
    report = parse_source(read_source("r.txt", text.encode()))
    assert report.title is not None and report.title.text == title
    assert (report.title.span.line, report.title.span.column) == (1, 1)
    first, _ = problems_text(text)
    assert "水平有待提高" in first and title not in first


def test_a_line_at_two_of_many_breaks_is_the_reports() -> None:
    """A line without a sentence end at two of six page breaks: the report's own."""
    lines = list(BASE)
    five = lines.index("五、存在的主要问题及改进情况")
    six = lines.index("六、其他需要报告的事项")
    for at in (6, 14, 30, 55):
        lines.insert(at, "- 0 -")
    lines.insert(six + 4, "严格落实整改措施")
    lines.insert(six + 5, "- 5 -")
    lines += ["严格落实整改措施", "- 6 -"]
    assert five
    report = parse_source(read_source("r.txt", "\n".join(lines).encode()))
    other = report.section("other")
    assert other is not None and "严格落实整改措施" in [p.text for p in other.paragraphs]


def test_a_one_page_report_keeps_its_lines() -> None:
    text = "\n".join(["XX县人民政府办公室", *BASE, "第 1 页 共 1 页"])
    report = parse_source(read_source("r.txt", text.encode()))
    assert report.title is not None and report.title.span.line == 2
    assert [p.text for p in report.sections[-1].paragraphs][-1].startswith("2022年度")
