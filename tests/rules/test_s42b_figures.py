"""XG003: a chart under a table's heading is not the table printed as a picture.

A report may show its numbers as a chart too (a bar chart of the applications, "图1
2023年依申请公开情况"), beside table 三 or, leaving the table out, alone. A chart beside the
table is no finding; a chart alone leaves the table missing (an error, at the section's
heading, naming the chart), not "published as a picture". What a picture is, its own words
say (alt text, title, file name) or its caption (the line below or above it).
"""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import docx
import pytest
from xxgk_lint_rules.tables import _says

from tests.conftest import FIXTURES, SEEDS
from tests.rules.helpers import check
from tests.rules.test_table_pictures import png
from tests.sources.pdfs import lines_pdf_with_pictures
from xxgk_lint.engine.diagnostics import Severity

PAGE = (FIXTURES / "html" / "yunxi-shengtai-2023.html").read_text(encoding="utf-8")
TABLE = "收到和处理政府信息公开申请情况表"
MISSING_ZH = f"缺少{TABLE}：该部分标题下的图片{{}}是统计图，不是该表；统计表应以文字表格发布"
HEADING = "三、收到和处理政府信息公开申请情况"


def xg003(path: Path, lang: str = "zh") -> list[tuple[Severity, int, int, str, object, object]]:
    return [
        (d.severity, d.line, d.column, d.message, d.expected, d.actual)
        for d in check(path, lang)
        if d.code == "XG003"
    ]


def page_with(tmp_path: Path, pictures: str, *, keep_table: bool = False) -> tuple[Path, str]:
    """The page with ``pictures`` where table 三 stands (after it, if ``keep_table``)."""
    table = re.findall(r"<table.*?</table>", PAGE, flags=re.S)[1]
    page = PAGE.replace(table, table + pictures if keep_table else pictures)
    path = tmp_path / "r.html"
    path.write_text(page, encoding="utf-8")
    return path, page


def heading_place(page: str) -> tuple[int, int]:
    """Line and column of table 三's section heading in the page."""
    lines = page.split("\n")
    line = next(n for n, text in enumerate(lines, 1) if HEADING in text)
    return line, lines[line - 1].index(HEADING) + 1


@pytest.mark.parametrize(
    ("picture", "named"),
    [
        ('<p><img src="/u/2024/a83f2.png" alt="柱状图" width="560"></p>', "（柱状图）"),
        ('<p><img src="/uploads/2024/chart1.png" width="600"></p>', "（chart1.png）"),
        (
            '<p><img src="/i/img_3301.png" title="近三年申请数量折线图" width="600"></p>',
            "（近三年申请数量折线图）",
        ),
        (
            '<p><img src="/u/2024/image1.png" width="600"></p>\n<p>图1 2023年依申请公开情况</p>',
            "（image1.png）",
        ),
        (
            '<p>图2：近三年政府信息公开申请数量趋势</p>\n<p><img src="/u/image2.png" width="600"></p>',
            "（image2.png）",
        ),
    ],
)
def test_a_chart_alone_leaves_the_table_missing(tmp_path: Path, picture: str, named: str) -> None:
    path, page = page_with(tmp_path, picture)
    line, column = heading_place(page)
    assert xg003(path) == [(Severity.ERROR, line, column, MISSING_ZH.format(named), TABLE, None)]


def test_a_chart_alone_in_english(tmp_path: Path) -> None:
    path, _ = page_with(
        tmp_path, '<p><img src="/u/x.png" alt="applications graph" width="600"></p>'
    )
    ((severity, _, _, message, expected, actual),) = xg003(path, "en")
    assert (severity, expected, actual) == (Severity.ERROR, "applications table", None)
    assert message == (
        "the applications table is missing: the picture (applications graph) under its "
        "section's heading is a chart, not the table; publish statistical tables as tables "
        "of text"
    )


def test_a_chart_beside_the_table_is_no_finding(tmp_path: Path) -> None:
    chart = '\n<p><img src="/u/chart1.png" alt="柱状图" width="600"></p>\n<p>图1 依申请公开</p>'
    path, _ = page_with(tmp_path, chart, keep_table=True)
    assert xg003(path) == []


@pytest.mark.parametrize("chart_first", [True, False])
def test_the_table_s_picture_is_named_not_the_chart(tmp_path: Path, chart_first: bool) -> None:
    chart = '<p><img src="/u/2024/image1.png" width="600"></p>\n<p>图1 2023年依申请公开情况</p>'
    table = '<p>表2 收到和处理政府信息公开申请情况</p>\n<p><img src="/u/2024/image5.png" width="600"></p>'
    path, page = page_with(tmp_path, f"{chart}\n{table}" if chart_first else f"{table}\n{chart}")
    ((severity, line, column, message, expected, actual),) = xg003(path)
    assert (severity, expected, actual) == (Severity.WARNING, TABLE, "图片（image5.png）")
    assert message.startswith(f"{TABLE}以图片发布（image5.png）")
    assert page.split("\n")[line - 1][column - 1 :].startswith('<img src="/u/2024/image5.png"')


def word_with(tmp_path: Path, *items: tuple[str, str]) -> Path:
    """The Word fixture with table 三 replaced by pictures (``("picture", title)``) and
    lines (``("line", text)``)."""
    document = docx.Document(str(FIXTURES / "docx" / "qingshan-jiaotong-2023.docx"))
    table = document.tables[1]._tbl
    for kind, text in items:
        paragraph = document.add_paragraph(text if kind == "line" else "")
        if kind == "picture":
            paragraph.add_run().add_picture(BytesIO(png(60, 40)))
            if text:
                paragraph._p.xpath(".//wp:docPr")[0].set("title", text)
        table.addprevious(paragraph._p)
    table.getparent().remove(table)
    path = tmp_path / "r.docx"
    document.save(str(path))
    return path


def test_a_word_chart_by_its_caption(tmp_path: Path) -> None:
    path = word_with(tmp_path, ("picture", ""), ("line", "图1 2023年依申请公开情况"))
    ((severity, _, _, message, expected, actual),) = xg003(path)
    assert (severity, message, expected, actual) == (
        Severity.ERROR,
        MISSING_ZH.format(""),
        TABLE,
        None,
    )
    (finding,) = [d for d in check(path) if d.code == "XG003"]
    assert finding.where is not None and finding.where.startswith("第 ")


def test_a_word_picture_s_title_names_it(tmp_path: Path) -> None:
    path = word_with(tmp_path, ("picture", "依申请公开办理结果饼图"))
    ((severity, _, _, message, _, actual),) = xg003(path)
    assert (severity, message, actual) == (
        Severity.ERROR,
        MISSING_ZH.format("（依申请公开办理结果饼图）"),
        None,
    )


SEED = (SEEDS / "000_046dc01fb9bbe87a.txt").read_text(encoding="utf-8").split("\n")


def seed_pdf(tmp_path: Path, *between: str | None) -> Path:
    """Seed 000 as a PDF, the lines of table 三 under its heading replaced by ``between``
    (None: a picture as wide as the page)."""
    start = next(i for i, line in enumerate(SEED) if line.startswith("三、收到和处理"))
    end = next(i for i, line in enumerate(SEED) if line.startswith("四、政府信息公开行政复议"))
    path = tmp_path / "r.pdf"
    path.write_bytes(lines_pdf_with_pictures([*SEED[: start + 1], *between, *SEED[end:]]))
    return path


def test_a_pdf_chart_by_its_caption_below(tmp_path: Path) -> None:
    path = seed_pdf(tmp_path, None, "图1 2023年依申请公开情况")
    assert xg003(path) == [(Severity.ERROR, 24, 1, MISSING_ZH.format(""), TABLE, None)]


def test_pdf_pictures_between_a_table_s_caption_and_a_chart_s(tmp_path: Path) -> None:
    """Two pictures one above the other stand as one, between 表2 above and 图1 below: it
    may be the table's, and is taken for it."""
    path = seed_pdf(
        tmp_path, "表2 收到和处理政府信息公开申请情况", None, None, "图1 依申请公开情况"
    )
    ((severity, line, column, _, expected, actual),) = xg003(path)
    assert (severity, line, column, expected, actual) == (Severity.WARNING, 26, 1, TABLE, "图片")


@pytest.mark.parametrize(
    ("words", "said"),
    [
        ("柱状图", "chart"),
        ("2023年依申请公开情况饼状图", "chart"),
        ("近三年申请数量趋势", "chart"),
        ("chart1.png", "chart"),
        ("graph_applications.png", "chart"),
        ("pieChart1.png", "chart"),
        ("统计图表", None),
        ("图1 2023年依申请公开情况", "chart"),
        ("图二：办理结果分布", "chart"),
        ("table2.png", "table"),
        ("表三 收到和处理申请情况", "table"),
        ("收到和处理政府信息公开申请情况表", "table"),
        ("图1 收到和处理政府信息公开申请情况表", "table"),
        ("image1.png", None),
        ("图片 1", None),
        ("paragraph.png", None),
        ("20240115093012.jpg", None),
        ("代表建议办理", None),
    ],
)
def test_what_a_picture_s_words_say(words: str, said: str | None) -> None:
    assert _says(words) == said
