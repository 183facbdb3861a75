"""A table drawn sideways that fills most of a page under a few lines of upright text (session 39).

A page whose text nearly all runs at a quarter turn is turned back whole and read as
PDFium reads it; the few lines of upright prose above the table then run sideways, and
come out one character per line among the table's rows. A page with a line's worth of
upright characters is read as prose with a table drawn sideways beside it instead.
"""

from __future__ import annotations

from tests.sources.pdfs import TABLE_ONE, cjk_pdf
from tests.sources.test_pdf_order import A4, stream, turned
from xxgk_lint.sources.pdf import read_pdf

ROWS = [
    ("行政许可", "7", "0", "9"),
    ("行政处罚", "12", "3", "15"),
    ("行政强制", "4", "1", "6"),
    ("行政事业性收费", "2", "0", "2"),
    ("其他对外管理服务事项", "31", "5", "40"),
    ("政府集中采购项目", "8", "0", "8"),
    ("重大建设项目批准", "3", "1", "5"),
    ("公共资源配置事项", "16", "2", "19"),
]
TABLE = [
    *TABLE_ONE,
    *(
        (x, 630 - 20 * k, text)
        for k, row in enumerate(ROWS)
        for x, text in zip((60, 230, 330, 430), row, strict=True)
    ),
]
#: The end of the table before it (its last rows), and the next section's heading.
PROSE = [
    (60, 800, "第二十条第（八）项"),
    (60, 780, "信息内容"),
    (230, 780, "本年收费金额（单位：万元）"),
    (60, 760, "行政事业性收费"),
    (230, 760, "0"),
    (60, 740, "三、收到和处理政府信息公开申请情况"),
]


def test_a_line_of_prose_above_a_table_drawn_sideways_stays_upright() -> None:
    data = cjk_pdf([stream([*PROSE, *turned(TABLE, (400, 80))])], sizes=[A4], rotate=[0])
    lines = read_pdf("t.pdf", data).text.splitlines()
    assert lines == [
        "第二十条第（八）项",
        "信息内容 本年收费金额（单位：万元）",
        "行政事业性收费 0",
        "三、收到和处理政府信息公开申请情况",
        "信息内容 本年制发件数 本年废止件数 现行有效件数",
        "规章 2 1 15",
        "行政规范性文件 13 4 21",
        *(" ".join(row) for row in ROWS),
    ]


def test_a_page_number_on_a_turned_page_does_not_keep_it_from_being_turned() -> None:
    """A few upright characters (a page number) are no line of prose: the page is
    turned back whole, as before."""
    data = cjk_pdf(
        [stream([(290, 30, "- 3 -"), *turned(TABLE, (400, 80))])], sizes=[A4], rotate=[0]
    )
    lines = read_pdf("t.pdf", data).text.splitlines()
    assert "规章 2 1 15" in lines
    assert "其他对外管理服务事项 31 5 40" in lines
