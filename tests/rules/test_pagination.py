"""XG101 on a web page that shows one part of a report split over pages: the message says
the other sections may be on the other pages (the page's pagination bar quoted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.rules.helpers import check
from xxgk_lint.sources.html import read_html
from xxgk_lint.sources.model import PAGE_PAGINATION, MetaTag

PAGE = (FIXTURES / "html" / "yunxi-shengtai-2023.html").read_text(encoding="utf-8")
BAR = (
    '<div class="pages"><a href="#">首页</a> <a href="#">上一页</a> <span>第1页</span> '
    '<a href="t_1.html">下一页</a> <a href="t_2.html">尾页</a> 共3页</div>'
)


def first_part(after: str = BAR) -> str:
    """The page cut before section 四, ``after`` in place of the rest of the report."""
    at = PAGE.rfind("<p", 0, PAGE.index("四、政府信息公开行政复议"))
    return PAGE[:at] + after + "\n" + PAGE[PAGE.index("</body>") :]


def test_a_page_of_a_report_split_over_pages(tmp_path: Path) -> None:
    page = first_part()
    path = tmp_path / "r.html"
    path.write_text(page, encoding="utf-8")
    found = [d for d in check(path) if d.code == "XG101"]
    assert [d.message for d in found][:1] == [
        "缺少第四部分“政府信息公开行政复议、行政诉讼情况”（应有六个部分：总体情况……其他需要报告的"
        "事项）；网页分页显示（“首页 上一页 第1页 下一页 尾页 共3页”），其余部分可能在其他分页中，"
        "报告应在一个页面中完整发布"
    ]
    assert len(found) == 3  # 四, 五, 六
    (english, *_) = [d for d in check(path, "en") if d.code == "XG101"]
    assert english.message.endswith(
        "the page is one of several ('首页 上一页 第1页 下一页 尾页 共3页'): the other sections "
        "may be on the other pages, and a report should be published whole on one page"
    )
    source = read_html("r.html", page.encode())
    line = page[: page.index('<a href="#">首页')].count("\n") + 1
    column = page.split("\n")[line - 1].index("首页") + 1
    assert source.meta[PAGE_PAGINATION] == MetaTag(
        "首页 上一页 第1页 下一页 尾页 共3页", line, column
    )


@pytest.mark.parametrize(
    "after",
    [
        "",  # no bar at all
        '<p><a href="/">首页</a> | <a href="/map">网站地图</a></p>',  # a menu's 首页
        "<p>1 2 3 4</p>",  # numbers alone
        "<p>详见下一页附表。</p>",  # a sentence naming the next page
    ],
)
def test_no_pagination_bar_no_word_of_pages(tmp_path: Path, after: str) -> None:
    page = first_part(after)
    assert PAGE_PAGINATION not in read_html("r.html", page.encode()).meta
    path = tmp_path / "r.html"
    path.write_text(page, encoding="utf-8")
    found = [d.message for d in check(path) if d.code == "XG101"]
    assert found[0] == (
        "缺少第四部分“政府信息公开行政复议、行政诉讼情况”（应有六个部分：总体情况……其他需要报告的事项）"
    )
