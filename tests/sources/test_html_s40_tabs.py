"""A report in a row of tabs on a portal's page: this year's pane shown, older years' panes
hidden (by a class a script moves, by ``aria-hidden``): only the shown pane is read.

Read, the hidden panes' reports were taken for a second report (XG007) after the first.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.sources.portal import in_portal
from tests.sources.test_html_portal import decoded
from xxgk_lint.parse import parse_path
from xxgk_lint.sources.html import read_html

_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL | re.IGNORECASE)


def older(body: str) -> str:
    """The report's body as last year's: another year, other numbers (each plus 7)."""
    body = body.replace("2023", "2022")
    return re.sub(r"(?<=>)(\d{1,4})(?=<)", lambda m: str(int(m.group(1)) + 7), body)


def tabbed(tmp_path: Path, style: str, shown: str, hidden: str, years: int = 1) -> Path:
    """The qingshan page inside a portal, its report in the first of ``1 + years`` panes
    (attributes ``shown``), older years in the others (attributes ``hidden``)."""
    page = decoded(FIXTURES / "html" / "qingshan-jiaotong-2023.html")
    match = _BODY.search(page)
    assert match is not None
    body = match.group(1)
    panes = f"<style>{style}</style>\n<div {shown}>\n{body}\n</div>\n" + "".join(
        f"<div {hidden}>\n{older(body)}\n</div>\n" for _ in range(years)
    )
    path = tmp_path / "tabs.html"
    path.write_text(in_portal(page[: match.start(1)] + panes + page[match.end(1) :]), "utf-8")
    return path


@pytest.mark.parametrize(
    ("style", "shown", "hidden", "years"),
    [
        # a class moved by a script: the pane with both classes is the one shown
        (
            ".tab-pane{display:none} .tab-pane.active{display:block}",
            'class="tab-pane active"',
            'class="tab-pane"',
            1,
        ),
        # two older years: together they hold most of the page, still hidden (two panes)
        (
            ".tab-pane{display:none} .tab-pane.active{display:block}",
            'class="tab-pane active"',
            'class="tab-pane"',
            2,
        ),
        # the ARIA pattern, the sheet that hides by it in a file of its own
        ("", 'role="tabpanel" aria-hidden="false"', 'role="tabpanel" aria-hidden="true"', 1),
        ("", 'role="tabpanel"', 'role="tabpanel" aria-hidden="true"', 2),
    ],
    ids=["class", "class-two-years", "aria", "aria-two-years"],
)
def test_only_the_shown_pane_is_read(
    tmp_path: Path, style: str, shown: str, hidden: str, years: int
) -> None:
    path = tabbed(tmp_path, style, shown, hidden, years)
    report = parse_path(path)
    assert report.second_report is None
    assert (report.agency, report.year) == ("青山县交通运输局", 2023)
    cell = report.tables["applications"].cell("received", "natural_person")
    assert cell is not None and cell.value == 9
    lines = path.read_text("utf-8").split("\n")
    assert lines[cell.span.line - 1][cell.span.column - 1 :].startswith("9</p>")
    # the shown pane is the first: the cell is above the first hidden pane
    first_hidden = next(i for i, line in enumerate(lines) if f"<div {hidden}>" in line)
    assert cell.span.line < first_hidden + 1


def page(style: str, body: str) -> bytes:
    return f"<html><head><style>{style}</style></head><body>{body}</body></html>".encode()


def test_a_class_shown_together_with_another_hides_the_panes_without_it() -> None:
    style = ".x{display:none} .x.on{display:block}"
    body = '<p class="x on">今年</p><p class="x">去年</p><p class="x">前年</p>'
    assert read_html("t.html", page(style, body)).text == "今年\n"


def test_a_class_no_element_has_together_may_be_shown_by_a_script() -> None:
    """No pane has both classes yet: a script gives them (read, as before)."""
    style = ".x{display:none} .x.on{display:block}"
    assert read_html("t.html", page(style, '<p class="x">见</p>')).text == "见\n"


def test_a_small_element_marked_aria_hidden_is_read() -> None:
    """An icon, a label's copy: ``aria-hidden`` says nothing of what the screen shows."""
    body = '<p>前<span aria-hidden="true">9</span></p><p aria-hidden="true">见</p>'
    assert read_html("t.html", page("", body)).text == "前9\n见\n"
