"""Which line is the report's title when a web page names other reports around it: a list
of other years' reports (a sidebar, 上一篇/下一篇, 相关文章) or another body's report of the
same year. The title is the line nearest the body, the one whose year is the statistics
period's, and not one in a list of links; findings that read the year (XG303) follow it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, PERIOD, TITLE, edit
from tests.rules.helpers import check_text, codes, result
from xxgk_lint.parse.lexer import Line
from xxgk_lint.parse.metadata import choose_title, title_score
from xxgk_lint.testing import parse_text

OWN = TITLE  # 测试县人民政府2023年政府信息公开工作年度报告


def other(year: int, body: str = "测试县人民政府") -> str:
    return f"{body}{year}年政府信息公开工作年度报告"


def framed(before: list[str], after: tuple[str, ...] | list[str] = ()) -> str:
    """CLEAN with ``before`` above its title and ``after`` between title and intro."""
    return edit(CLEAN, TITLE + "\n", "\n".join([*before, TITLE, *after]) + "\n")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # a sidebar of other years, the title the last line of the run
        (["政府信息公开年报", other(2022), other(2021)], []),
        (["首页 > 政务公开 > 年报", other(2022), other(2021)], []),
        # one other year just above, and a blank line between list and title
        ([other(2022)], []),
        ([other(2024), other(2022), ""], []),
        # 上一篇/下一篇 and 相关阅读 lines above the title
        ([f"上一篇：{other(2022)}", f"下一篇：{other(2024)}", ""], []),
        # the list between the title and the report's first words
        ([], ["发布时间：2024-01-20", "相关文章", other(2022), other(2021)]),
        ([], [other(2022)]),
        # another body's report of the same year beside another year's
        ([other(2023, "测试市交通运输局"), other(2022)], []),
        ([], ["", "相关阅读", other(2022), other(2023, "测试市交通运输局")]),
    ],
)
def test_chrome_around_the_title_is_not_the_title(
    tmp_path: Path, before: list[str], after: list[str]
) -> None:
    text = framed(before, after)
    report = parse_text(text)
    assert report.title is not None
    assert report.title.text == OWN
    assert report.title.span.line == len(before) + 1
    assert (report.year, report.agency) == (2023, "测试县人民政府")
    file = check_text(tmp_path, text)
    assert codes(file, "XG303") == []


def test_a_same_year_report_of_another_body_above_is_not_the_title() -> None:
    text = framed([other(2023, "测试市交通运输局")])
    report = parse_text(text)
    assert report.title is not None and report.title.span.line == 2
    assert report.agency == "测试县人民政府"


def test_without_a_period_the_line_nearest_the_body_is_the_title() -> None:
    text = edit(framed([other(2022), other(2021)]), PERIOD, "")
    report = parse_text(text)
    assert report.period is None
    assert report.title is not None and report.title.span.line == 3
    assert report.year == 2023


def test_a_title_naming_the_wrong_year_is_still_reported(tmp_path: Path) -> None:
    """The period chooses only between lines that may be the title: the title's own wrong
    year (a report copied from last year) is still XG303's."""
    text = edit(framed(["政府信息公开年报"]), TITLE, other(2022))
    file = check_text(tmp_path, text)
    assert [c[0] for c in codes(file, "XG303")] == ["XG303"]
    assert parse_text(text).year == 2022


def test_copies_of_the_title_are_one_title() -> None:
    """A page header repeating the title: the first copy is the title (as before)."""
    report = parse_text(framed([TITLE, ""]))
    assert report.title is not None and report.title.span.line == 1
    assert [p.text for p in report.preamble][:1] == [TITLE]


@pytest.mark.parametrize(
    "line",
    [
        f"上一篇：{other(2022)}",
        f"下一条：{other(2024)}",
        f"相关阅读：{other(2021)}",
        f"附件下载：{other(2023)}",
        f"{other(2023)}.PDF",
        f"{other(2023)}.docx",
    ],
)
def test_a_link_to_another_page_scores_nothing(line: str) -> None:
    assert title_score(line) <= 0 < title_score(OWN)


def test_an_attachments_title_is_a_title() -> None:
    """A report sent as a notice's attachment: 附件： before the title is no link."""
    assert title_score(f"附件：{OWN}") == title_score(OWN)


def _line(number: int, text: str) -> Line:
    return ("TITLE", text, number, 1, len(text) + 1)


def test_the_period_is_asked_only_when_the_lines_name_different_years() -> None:
    asked: list[int] = []

    def stated() -> int:
        asked.append(1)
        return 2022

    same = [_line(1, other(2023, "测试市交通运输局")), _line(3, OWN)]
    assert choose_title(same, stated) == same[1]
    assert asked == []
    years = [_line(1, other(2022)), _line(2, other(2021)), _line(3, OWN)]
    assert choose_title(years, stated) == years[0]
    assert asked == [1]
    assert choose_title(years, lambda: None) == years[2]  # no period: nearest the body
    assert choose_title(years, lambda: 2019) == years[2]  # no line agrees: the same


def test_a_line_standing_alone_wins_over_a_run_of_titles() -> None:
    lines = [_line(1, OWN), _line(3, other(2022)), _line(4, other(2023, "测试市财政局"))]
    assert choose_title(lines, lambda: 2023) == lines[0]
    assert choose_title([_line(1, "首页 > 政府信息公开年报")]) is None


def test_the_pages_own_title_is_evidence() -> None:
    """An HTML page's ``<title>`` names the report's year: the line naming it wins; lines
    that all name other years, while the period names the page's, are none of them the
    title (a sidebar above an article whose title is only in ``<title>``)."""
    sidebar = [_line(1, other(2022)), _line(2, other(2021)), _line(3, other(2020))]
    assert choose_title(sidebar, lambda: 2023) == sidebar[2]  # (without the page's title)
    assert choose_title(sidebar, lambda: 2023, page_year=2023) is None
    # the period names another year (a typo, or last year's figures): the lines stand
    assert choose_title(sidebar, lambda: 2019, page_year=2023) == sidebar[2]
    assert choose_title(sidebar, lambda: None, page_year=2023) == sidebar[2]
    # one of the lines is the page's: it wins, the period not even asked
    with_own = [_line(1, OWN), _line(2, other(2022)), _line(3, other(2021))]
    assert choose_title(with_own, None, page_year=2023) == with_own[0]
    # a title without a year may be the report's own: kept
    yearless = [_line(1, "测试县人民政府政府信息公开工作年度报告")]
    assert choose_title(yearless, lambda: 2023, page_year=2023) == yearless[0]


PAGE = Path(__file__).parents[2] / "fixtures" / "html" / "qingshan-jiaotong-2023.html"


@pytest.mark.parametrize(
    ("anchor", "chrome"),
    [
        # a sidebar of the body's other reports, and another body's of the same year
        (
            '<div class="article">',
            '<div class="side"><h3>年报目录</h3><ul>'
            "<li><a>青山县交通运输局2022年政府信息公开工作年度报告</a></li>"
            "<li><a>青山县交通运输局2021年政府信息公开工作年度报告</a></li>"
            "<li><a>青山县人民政府2023年政府信息公开工作年度报告</a></li></ul></div>",
        ),
        # 上一篇 between the page's title and the article
        (
            '<div class="article-info">',
            "<p>上一篇：青山县交通运输局2022年政府信息公开工作年度报告</p>",
        ),
    ],
)
def test_a_web_pages_chrome_around_the_title(tmp_path: Path, anchor: str, chrome: str) -> None:
    from xxgk_lint.parse import parse_path

    page = PAGE.read_bytes().decode("gb18030")
    assert page.count(anchor) == 1
    path = tmp_path / "page.html"
    path.write_bytes(page.replace(anchor, chrome + anchor).encode("gb18030"))
    report = parse_path(path)
    assert (report.year, report.agency) == (2023, "青山县交通运输局")
    assert report.title is not None
    assert report.title.text == "青山县交通运输局2023年政府信息公开工作年度报告"
    assert report.title.span.line == 38 + (chrome.count("\n"))


def test_a_page_whose_title_is_only_in_its_head(tmp_path: Path) -> None:
    """A sidebar of the body's other years' reports above an article without a title line
    (the title only in ``<title>``): the year and body come from the page's opening
    sentence, not from the sidebar's last entry (a false XG303 before)."""
    from xxgk_lint.parse import parse_path
    from xxgk_lint.sources import read_source
    from xxgk_lint.sources.model import PAGE_TITLE

    sidebar = "".join(
        f"<li><a href='/{y}.html'>{other(y, '测试县交通运输局')}</a></li>"
        for y in (2022, 2021, 2020)
    )
    body = CLEAN.split("\n", 1)[1].replace(
        PERIOD, f"现向社会公布{other(2023, '测试县交通运输局')}。{PERIOD}", 1
    )
    paragraphs = "".join(f"<p>{line}</p>\n" for line in body.split("\n") if line)
    page = (
        f"<html><head><title>{other(2023, '测试县交通运输局')}</title></head>\n"
        f"<body><aside><ul>{sidebar}</ul></aside>\n{paragraphs}</body></html>\n"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    meta = read_source(str(path), page.encode()).meta[PAGE_TITLE]
    assert meta == (other(2023, "测试县交通运输局"), 1, 20)
    report = parse_path(path)
    assert report.title is None
    assert (report.year, report.agency) == (2023, "测试县交通运输局")
    found = [(d.code, d.severity.name) for d in result(path).diagnostics]
    assert not [f for f in found if f[1] in ("WARNING", "ERROR")], found


def test_the_cross_year_rules_pair_by_the_right_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Last year's report named above this year's title: the two are consecutive years of
    one body (XG603 compares their prose), not two reports of 2022 (XG604) with a period
    of the wrong year (XG303)."""
    from tests.engine.reportkit import run_main, write

    write(tmp_path / "2022.txt", CLEAN.replace("2023", "2022"))
    write(tmp_path / "2023.txt", framed([other(2022)]))
    outcome = run_main(capsys, "check", "--isolated", "--format", "json", tmp_path)
    found = [(Path(d["path"]).name, d["code"]) for d in outcome.diagnostics()]
    assert found == [("2023.txt", "XG603")]
