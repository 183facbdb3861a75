"""A report split over pages inside one page, its later parts hidden by a class of the
page's ``<style>``, and a print copy of the whole report hidden by another class beside
them. The later parts are short; before, the print copy was the only long hidden element
of a page that hid most of its text, and was taken for the report a script shows: read
after the parts, it made a second report (XG007). The parts are now weighed apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sources.pagekit import assert_qingshan_read_whole, qingshan_in_three_parts, run
from tests.sources.portal import in_portal

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
    head, (one, two, three), tail = qingshan_in_three_parts()
    body = one + two + three
    parts = (
        head
        + f"<style>{sheet}</style>\n"
        + f'<div class="page-part">{one}</div>\n'
        + f'<div class="page-part hide">{two}</div>\n'
        + f'<div class="page-part hide">{three}</div>\n'
        + PAGER
        + f'\n<div class="{copy}">{body.replace(">11<", ">18<")}</div>\n'
        + tail
    )
    path = tmp_path / "paged.html"
    path.write_text(in_portal(parts), "utf-8")
    report = run(["parse", "--format", "json", "--spans", str(path)], capsys)["reports"]
    assert len(report) == 1
    assert_qingshan_read_whole(report[0], path)
    checked = run(["check", "--format", "json", str(path)], capsys)
    assert [d["code"] for d in checked["diagnostics"] if d["code"] == "XG007"] == []
