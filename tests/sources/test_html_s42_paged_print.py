"""A report split over pages inside one page, its later parts hidden by a class of the
page's ``<style>``, and a print copy of the whole report hidden by another class beside
them. The later parts are short; before, the print copy was the only long hidden element
of a page that hid most of its text, and was taken for the report a script shows: read
after the parts, it made a second report (XG007). The parts are now weighed apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.sources.pagekit import assert_qingshan_read_whole, run
from tests.sources.portal import in_portal
from tests.sources.test_html_portal import decoded

PAGER = '<div id="pageNav">共3页 <a href="#">第1页</a> <a href="#">第2页</a> <a href="#">第3页</a></div>'


@pytest.mark.parametrize(
    ("sheet", "copy"),
    [
        (".page-part.hide{display:none}.print-copy{display:none}", "print-copy"),
        (".hide{display:none}", "hide"),
    ],
    ids=["classes-apart", "one-class"],
)
def test_a_print_copy_beside_pages_hidden_by_classes_stays_hidden(
    sheet: str, copy: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixture = FIXTURES / "html" / "qingshan-jiaotong-2023.html"
    page = decoded(fixture)
    start = page.index(">", page.index("<body")) + 1
    end = page.index("</body>")
    three = page.index("<p", page.index("三、收到和处理") - 40)
    five = page.index("<p", page.index("五、存在的主要问题") - 40)
    body = page[start:end]
    parts = (
        page[:start]
        + f"<style>{sheet}</style>\n"
        + f'<div class="page-part">{page[start:three]}</div>\n'
        + f'<div class="page-part hide">{page[three:five]}</div>\n'
        + f'<div class="page-part hide">{page[five:end]}</div>\n'
        + PAGER
        + f'\n<div class="{copy}">{body.replace(">11<", ">18<")}</div>\n'
        + page[end:]
    )
    path = tmp_path / "paged.html"
    path.write_text(in_portal(parts), "utf-8")
    report = run(["parse", "--format", "json", "--spans", str(path)], capsys)["reports"]
    assert len(report) == 1
    assert_qingshan_read_whole(report[0], path)
    checked = run(["check", "--format", "json", str(path)], capsys)
    assert [d["code"] for d in checked["diagnostics"] if d["code"] == "XG007"] == []
