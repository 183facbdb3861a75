"""Elements a page hides by a class or an id its own <style> blocks hide are not read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from xxgk_lint.parse import parse_path
from xxgk_lint.sources.html import read_html
from xxgk_lint.sources.html_css import for_desktop
from xxgk_lint.sources.model import GridCell, GridRow


def page(style: str, body: str) -> bytes:
    return f"<html><head><style>{style}</style></head><body>{body}</body></html>".encode()


BODY = (
    '<p>前</p><p class="x">藏</p><p>后</p>'
    '<table><tr><td>甲</td><td class="x">9</td><td>1</td></tr>'
    '<tr class="x"><td>甲</td><td>7</td><td>7</td></tr></table>'
)


@pytest.mark.parametrize(
    "style",
    [
        ".x{display:none}",
        ".x { DISPLAY : NONE ; }",
        ".x{visibility:hidden}",
        ".x{display:none !important}",
        "<!-- .x{display:none} -->",  # old pages hide the sheet in a comment
        "/* } */ .y, .x , .z {color:red; display:none}",
        "@charset 'utf-8'; @import url(a.css); .x{display:none}",
        "p.x, td.x, tr.x {display:none}",
        ".a, .b, .c, #d, .e, p.x, td.x, tr.x {display:none}",  # many: one walk of the page
        ".x{display:none}; .y{display:block}",
    ],
)
def test_class_hidden_by_the_page_stylesheet(style: str) -> None:
    """A paragraph, a cell (an empty field) and a row hidden by a class are not read."""
    source = read_html("t.html", page(style, BODY))
    assert source.text == "前\n后\n甲\t\t1\n"
    assert source.grid[3] == GridRow(0, 0, (GridCell(0), GridCell(1), GridCell(2)))


def test_id_and_several_classes() -> None:
    body = '<p id="old">2022</p><p class="a x b">旧</p><p id="older" class="y">2021</p><p>新</p>'
    style = "#old{display:none} div#older{display:none} .x{visibility:collapse}"
    # div#older names another element: the <p id="older"> shows.
    assert read_html("t.html", page(style, body)).text == "2021\n新\n"


def test_style_in_the_body_and_a_second_sheet() -> None:
    body = '<style>.x{display:none}</style><p>前</p><p class="x">藏</p><p>后</p>'
    source = read_html("t.html", page(".y{color:red}", body))
    assert source.text == "前\n后\n"


@pytest.mark.parametrize(
    "style",
    [
        "@media print { .x{display:none} }",  # hides on paper only
        "@media (max-width: 768px) { .x{display:none} }",  # on a small screen only
        ".a .x{display:none}",  # not a simple selector: not decided
        ".x:hover{display:none}",
        "td.x, li.x{display:none}",  # another element than the <p>
        ".a, .b, .c, #d, .e, td.x, li.x{display:none}",
        ".x{display:none} .x.active{display:block}",  # a tab the page shows
        ".x{display:none} @media (min-width: 768px) { .x{display:block} }",
        ".x{display:none} li:hover .x{display:block}",  # a menu shown on hover
        ".X{display:none}",  # class names are compared as written
        ".x{display:inline}",
        ".x{color:none}",
    ],
)
def test_what_the_stylesheet_does_not_surely_hide_is_read(style: str) -> None:
    source = read_html("t.html", page(style, '<p>前</p><p class="x">见</p>'))
    assert source.text == "前\n见\n"


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ('<style media="print">.x{display:none}</style>', '<p class="x">见</p>'),
        ("<style>.x{display:none} .y{display:block}</style>", '<p class="x y">见</p>'),
        ("<style>.x{display:none}</style>", '<p class="x" style="display:block">见</p>'),
        ("<style>#x{display:none}</style>", '<p id="X">见</p>'),
        ('<link rel="stylesheet" href="hide.css">', '<p class="x">见</p>'),
    ],
    ids=["print-sheet", "another-class-shows", "own-style-shows", "id-case", "external-sheet"],
)
def test_elements_the_page_may_show_are_read(head: str, body: str) -> None:
    page_bytes = f"<html><head>{head}</head><body>{body}</body></html>".encode()
    assert read_html("t.html", page_bytes).text == "见\n"


def report_page(tmp_path: Path, style: str, change) -> Path:
    """The qingshan page with ``style`` in its head and its source changed by ``change``."""
    text = (FIXTURES / "html" / "qingshan-jiaotong-2023.html").read_bytes().decode("gb18030")
    text = text.replace("</head>", f"<style>{style}</style></head>", 1)
    changed = tmp_path / "report.html"
    changed.write_bytes(change(text).encode("gb18030"))
    return changed


ROW = '<td colspan="3" width="180" valign="center">\n<p align="center">一、本年新收政府信息公开申请数量'


@pytest.mark.parametrize("selector", [".old", "tr.old", "#y2022"])
def test_a_hidden_row_before_the_visible_one_is_not_read(tmp_path: Path, selector: str) -> None:
    """Last year's row kept hidden above this year's: this year's values are read, and
    found at their place in the page."""
    old = (
        '<tr class="old" id="y2022"><td colspan="3">一、本年新收政府信息公开申请数量</td>'
        + "<td>29</td>" * 6
        + "<td>174</td></tr>\n<tr>\n"
    )

    def change(text: str) -> str:
        at = text.index(ROW)
        start = text.rindex("<tr>", 0, at)
        return text[:start] + old + text[start + len("<tr>\n") :]

    path = report_page(tmp_path, f"{selector}{{display:none}}", change)
    cells = parse_path(path).tables["applications"]
    person = cells.cell("received", "natural_person")
    total = cells.cell("received", "total")
    assert person is not None and total is not None
    assert (person.value, total.value) == (9, 11)
    line = path.read_bytes().decode("gb18030").split("\n")[person.span.line - 1]
    assert line[person.span.column - 1 :].startswith("9</p>")


def test_a_hidden_old_value_glued_to_a_number_is_not_read(tmp_path: Path) -> None:
    """<span class="old">2</span>9: the cell reads 9, not 29."""

    def change(text: str) -> str:
        at = text.index(ROW)
        cell = '<p align="center">9</p>'
        k = text.index(cell, at)
        glued = '<p align="center"><span class="old">2</span>9</p>'
        return text[:k] + glued + text[k + len(cell) :]

    path = report_page(tmp_path, "span.old{visibility:hidden}", change)
    person = parse_path(path).tables["applications"].cell("received", "natural_person")
    assert person is not None and person.value == 9


@pytest.mark.parametrize("hidden", [True, False])
def test_a_page_that_would_hide_most_of_itself_is_read_whole(tmp_path: Path, hidden: bool) -> None:
    """The report in a block the stylesheet hides and a script shows (a tab, a page shown
    once loaded): the stylesheet is not followed when it would hide most of the page."""

    def change(text: str) -> str:
        start = text.index('<div class="TRS_Editor">')
        return (
            text[:start] + '<div class="main">' + text[start:].replace("</body>", "</div></body>")
        )

    style = ".main{display:none}" if hidden else ".main{color:black}"
    cells = parse_path(report_page(tmp_path, style, change)).tables["applications"]
    person = cells.cell("received", "natural_person")
    assert person is not None and person.value == 9


@pytest.mark.parametrize(
    "style",
    [
        ".m{display:none} @media (max-width: 768px) { .m{display:block} .pc{display:none} }",
        ".m{display:none} @media only screen and (max-device-width: 40em) { .m{display:block} }",
        ".m{display:none} @media print { .m{display:block} }",
        ".m{display:none} @media print, speech { .m{display:block} }",
        "@media screen { .m{display:none} }",  # a rule for the screen hides there
        "@media all and (max-width: 640px) { .pc{display:none} } @media all { .m{display:none} }",
    ],
)
def test_a_copy_shown_only_in_print_or_on_a_phone_is_not_read(style: str) -> None:
    """The report twice, for a desktop screen and for a phone (or for print): read once."""
    body = '<div class="pc"><p>一、总体情况</p></div><div class="m"><p>一、总体情况</p></div>'
    assert read_html("t.html", page(style, body)).text == "一、总体情况\n"


def test_a_print_sheet_shows_nothing_on_the_screen() -> None:
    head = '<style>.m{display:none}</style><style media="print">.m{display:block}</style>'
    body = '<p>前</p><p class="m">藏</p>'
    page_bytes = f"<html><head>{head}</head><body>{body}</body></html>".encode()
    assert read_html("t.html", page_bytes).text == "前\n"


@pytest.mark.parametrize(
    "style",
    [
        ".m{display:none} @media (max-width: 1280px) { .m{display:block} }",  # a desktop too
        ".m{display:none} @media screen, print { .m{display:block} }",
        ".m{display:none} @media not print { .m{display:block} }",
        ".m{display:none} @media (orientation: portrait) { .m{display:block} }",
        ".m{display:none} @supports (display: grid) { .m{display:block} }",
    ],
)
def test_a_copy_a_desktop_may_show_is_read(style: str) -> None:
    body = '<p>前</p><p class="m">见</p>'
    assert read_html("t.html", page(style, body)).text == "前\n见\n"


@pytest.mark.parametrize(
    ("media", "expected"),
    [
        ("", True),
        ("all", True),
        (" Screen ", True),
        ("only screen", True),
        ("screen, print", True),
        ("print", False),
        ("speech", False),
        ("print, speech", False),
        ("(max-width: 768px)", False),
        ("screen and (max-width:1023.5px)", False),
        ("only screen and (max-device-width: 40em)", False),
        ("(max-width: 1024px)", None),
        ("(min-width: 768px)", None),
        ("not print", None),
        ("(orientation: portrait)", None),
        ("(max-width: 768px), print", False),
        ("(max-width: 768px), (min-width: 1200px)", None),
    ],
)
def test_for_desktop(media: str, expected: bool | None) -> None:
    assert for_desktop(media) is expected


@pytest.mark.parametrize(
    ("style", "body", "text"),
    [
        # The class is written nowhere but in the sheet (and a script): no element is hidden.
        (".hide{display:none}", '<script>$(".hide").show()</script><p>甲</p>', "甲\n"),
        # Written as references in the element's class: hidden all the same.
        (".hide{display:none}", '<p>甲</p><p class="h&#105;de">藏</p><p>乙</p>', "甲\n乙\n"),
        ("#old{display:none}", '<p>甲</p><p id="&#111;ld">藏</p><p>乙</p>', "甲\n乙\n"),
        # Written once in the sheet, once on an element: hidden.
        (".hide{display:none}", '<p>甲</p><p class="a hide">藏</p>', "甲\n"),
        # Another case on the element: another class (as the query compares them).
        (".hide{display:none}", '<p>甲</p><p class="HIDE">见</p>', "甲\n见\n"),
    ],
)
def test_a_class_written_only_in_the_sheet_hides_nothing(style: str, body: str, text: str) -> None:
    """A name the page writes only in its style sheets is not looked for among its elements;
    the pages whose references could spell it (``&#105;``) are queried as before."""
    assert read_html("t.html", page(style, body)).text == text
