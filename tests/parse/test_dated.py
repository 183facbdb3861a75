"""The dates a report states about itself (parse.dated), wired into ``Report.dates``: page
metadata, the page's own date above the report, the sign-off — each with where it stands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SEEDS
from tests.engine.reportkit import CLEAN, TITLE, edit, locate
from xxgk_lint.parse import parse_path, parse_source
from xxgk_lint.parse.dated import meta_date, publication_dates, sign_off
from xxgk_lint.parse.grammar import Line
from xxgk_lint.sources import read_source
from xxgk_lint.sources.model import MetaTag, Source


def line(text: str, number: int = 1) -> Line:
    return ("TEXT", text, number, 1, len(text) + 1)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("发布日期：2024-01-20", dt.date(2024, 1, 20)),
        ("发布时间: 2024年1月20日 10:00", dt.date(2024, 1, 20)),
        ("发布于 2024/01/20", dt.date(2024, 1, 20)),
        ("时间：2024年02月18日来源：皇姑区", dt.date(2024, 2, 18)),
        ("2025-02-14 08:50 \xa0\xa0来源:防城港市大数据和行政审批局", dt.date(2025, 2, 14)),
        ("2024-01-20", dt.date(2024, 1, 20)),
        # Spaces around the digits, full-width and no-break ones, and mixes.
        ("发布日期：2024 年 1 月 20 日", dt.date(2024, 1, 20)),
        ("发布日期：\u30002024\u3000年\u30001\u3000月\u300020\u3000日", dt.date(2024, 1, 20)),
        ("发布时间：2024年 1 月20日 10:00", dt.date(2024, 1, 20)),
        ("发布日期：2024\xa0年\xa01\xa0月\xa020\xa0日", dt.date(2024, 1, 20)),
        ("2024 年 1 月 20 日  来源：青山县人民政府", dt.date(2024, 1, 20)),
        ("今天:2024年2月22日 星期四", None),  # the day the page was viewed
        ("更新时间：2024-03-01", None),
        ("发布日期：2024-02-30", None),  # no such day
    ],
)
def test_page_dates(text: str, date: dt.date | None) -> None:
    found = publication_dates([line(text, 7)])
    assert [d.value for d in found] == ([date] if date else [])
    if date:
        (stated,) = found
        assert stated.source == "published-line"
        assert (stated.span.line, stated.span.column) == (7, text.index(str(date.year)) + 1)


def test_the_sign_off_is_the_last_date_alone_near_the_end() -> None:
    lines = [line("六、其他需要报告的事项", 1), line("测试县人民政府", 2), line("2024年1月18日", 3)]
    signed = sign_off(lines)
    assert signed is not None and (signed.value, signed.source) == (
        dt.date(2024, 1, 18),
        "sign-off",
    )
    assert sign_off([*lines[:2], line("2025214", 3)]) is None  # 年/月 lost: no date to use


@pytest.mark.parametrize(
    "text",
    [
        "2024 年 1 月 18 日",
        "\u3000\u30002024\u3000年\u30001\u3000月\u300018\u3000日",
        "2024年 1 月18日\u3000",
        "二〇二四 年 一 月 十八 日",
    ],
)
def test_a_sign_off_with_spaces_in_its_date(text: str) -> None:
    signed = sign_off([line("六、其他需要报告的事项", 1), line(text, 2)])
    assert signed is not None
    assert (signed.value, signed.span.line, signed.span.column) == (
        dt.date(2024, 1, 18),
        2,
        text.index(text.strip()) + 1,
    )


def test_a_sign_off_in_chinese_numerals() -> None:
    lines = [
        line("六、其他需要报告的事项", 1),
        line("测试县人民政府", 2),
        line("二〇二四年四月十五日", 3),
    ]
    signed = sign_off(lines)
    assert signed is not None
    assert (signed.value, signed.span.line, signed.span.column, signed.span.end_column) == (
        dt.date(2024, 4, 15),
        3,
        1,
        11,
    )
    assert sign_off([*lines[:2], line("二〇二四年二月三十日", 3)]) is None  # no such day
    (published,) = publication_dates([line("发布日期：二〇二四年一月二十日", 2)])
    assert (published.value, published.span.column) == (dt.date(2024, 1, 20), 6)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2024年4月", dt.date(2024, 4, 1), dt.date(2024, 4, 30)),
        ("2024 年 2 月", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("二〇二四年四月", dt.date(2024, 4, 1), dt.date(2024, 4, 30)),
        ("\u30002023年12月", dt.date(2023, 12, 1), dt.date(2023, 12, 31)),
    ],
)
def test_a_sign_off_by_month_alone(text: str, first: dt.date, last: dt.date) -> None:
    signed = sign_off([line("六、其他需要报告的事项", 1), line("测试县人民政府", 2), line(text, 3)])
    assert signed is not None
    assert (signed.value, signed.last, signed.latest, signed.span.column) == (
        first,
        last,
        last,
        text.index(text.strip()) + 1,
    )
    assert signed.iso() == first.isoformat()[:7]


def test_a_month_that_is_no_month_is_no_sign_off() -> None:
    lines = [line("六、其他需要报告的事项", 1), line("测试县人民政府", 2)]
    assert sign_off([*lines, line("2024年13月", 3)]) is None
    assert sign_off([*lines, line("共2024年4月", 3)]) is None  # not a date alone


def test_meta_dates_by_name() -> None:
    meta = {"pubdate": MetaTag("2024-01-20 10:30:00", 3, 40), "keywords": MetaTag("x", 4)}
    stated = meta_date(meta)
    assert stated is not None
    assert (stated.value, stated.source, stated.span.line, stated.span.column) == (
        dt.date(2024, 1, 20),
        "meta",
        3,
        40,
    )
    assert meta_date({"pubdate": MetaTag("not a date", 3)}) is None


def test_report_dates_of_a_text_report() -> None:
    text = (
        edit(CLEAN, TITLE + "\n", TITLE + "\n发布日期：2024-01-20\n")
        + "测试县人民政府\n2024年1月18日\n"
    )
    report = parse_source(Source("r.txt", "text", "utf-8", text))
    assert [(d.source, d.value, d.span.line, d.span.column) for d in report.dates] == [
        ("published-line", dt.date(2024, 1, 20), *locate(text, "2024-01-20")),
        ("sign-off", dt.date(2024, 1, 18), *locate(text, "2024年1月18日")),
    ]


def test_report_dates_of_the_seeds() -> None:
    dates = {
        p.name[:3]: [(d.source, d.value) for d in parse_path(p).dates] for p in SEEDS.glob("*.txt")
    }
    assert dates == {
        "000": [],
        "001": [("published-line", dt.date(2025, 2, 14))],  # the sign-off 2025214 is damaged
        "002": [],
        "003": [("published-line", dt.date(2024, 2, 18))],
        "004": [],
    }


def test_an_html_pages_meta_and_dates_point_into_the_html(tmp_path: Path) -> None:
    html = (FIXTURES / "reading" / "cms-standard.html").read_text(encoding="utf-8")
    page = tmp_path / "page.html"
    head = '<meta charset="utf-8">'
    page.write_text(
        html.replace(head, head + '\n<meta name="PubDate" content="2024-01-22 09:00">'), "utf-8"
    )
    source = read_source(page)
    assert source.meta["pubdate"] == MetaTag("2024-01-22 09:00", 4, 31)
    report = parse_path(page)
    (meta, signed) = report.dates
    assert (meta.source, meta.value, meta.span.line, meta.span.column) == (
        "meta",
        dt.date(2024, 1, 22),
        4,
        len('<meta name="PubDate" content="') + 1,
    )
    lines = page.read_text(encoding="utf-8").split("\n")
    assert signed.source == "sign-off"
    assert lines[signed.span.line - 1][signed.span.column - 1 :].startswith("2024年1月18日")


def _by_grammar(text: str) -> dt.date | None:
    """What the date grammar reads a date as (the way ``_date_of`` did before its plain
    path): one date part, not garbled, converted."""
    from xxgk_lint.parse.dates import read_dates

    parts = read_dates(text.replace(" ", "")).parts
    if len(parts) != 1 or parts[0].garbled:
        return None
    return parts[0].to_date()


@pytest.mark.parametrize("year", ["2024", "1999", "0000"])
@pytest.mark.parametrize("month", ["1", "01", "12", "13", "0"])
@pytest.mark.parametrize("day", ["1", "18", "29", "30", "31", "32", "00"])
def test_plain_dates_read_as_the_grammar_reads_them(year: str, month: str, day: str) -> None:
    from xxgk_lint.memo import compiled
    from xxgk_lint.parse.dated import _PLAIN_DATE, _date_of

    for text in (
        f"{year}年{month}月{day}日",
        f"{year}-{month}-{day}",
        f"{year}.{month}.{day}",
        f"{year}/{month}/{day}",
        f"{year} 年 {month} 月 {day} 日",
    ):
        assert compiled(_PLAIN_DATE).fullmatch(text.replace(" ", "")) is not None
        assert _date_of(text) == _by_grammar(text), text


def test_plain_dates_give_concrete_values() -> None:
    from xxgk_lint.parse.dated import _date_of

    assert _date_of("2024年1月18日") == dt.date(2024, 1, 18)
    assert _date_of("2024-02-29") == dt.date(2024, 2, 29)
    assert _date_of("2023-02-29") is None  # no such day
    assert _date_of("2025214") is None  # damaged: the grammar's answer, not the plain path's
