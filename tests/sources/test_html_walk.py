"""The HTML walk's quick paths give what the general path gives: text and origins.

The walk handles in line the usual cases (one word found in the text at the cursor, a word
between spaces, a cell's start); these tests pin the text and the place in the source of
every character for pages that take those paths and for the cases next to them.
"""

from __future__ import annotations

from xxgk_lint.sources.html import read_html


def page(body: str) -> str:
    return f"<html><head><title>t</title></head><body>{body}</body></html>"


def origins(source, line: int) -> list[tuple[int, int]]:
    """(line, column) in the HTML of every column of extracted ``line``."""
    text = source.text.split("\n")[line - 1]
    return [(o.line, o.column) for o in (source.origin(line, c) for c in range(1, len(text) + 1))]


def columns_of(html: str, *needles: str) -> list[int]:
    """1-based columns where each needle first stands (after the previous one)."""
    out, at = [], 0
    for needle in needles:
        at = html.index(needle, at)
        out.append(at + 1)
        at += len(needle)
    return out


def test_numbers_between_nbsp_in_cells() -> None:
    body = (
        "<table><tr><td>项目</td><td>数量</td></tr>"
        "<tr><td>&nbsp;收到&nbsp;</td><td>\xa012\xa0</td></tr>"
        "<tr><td> 办结</td><td>3 </td></tr></table>"
    )
    html = page(body)
    source = read_html("t.html", html.encode())
    assert source.text == "项目\t数量\n收到\t12\n办结\t3\n"
    received, twelve = columns_of(html, "收到", "12")
    done, three = columns_of(html, "办结", "3 ")
    # The TAB after a cell leads back to that cell: just after its start tag.
    tab = html.index("<td>&nbsp;收到") + len("<td>") + 1
    expected = [(1, received), (1, received + 1), (1, tab), (1, twelve), (1, twelve + 1)]
    assert origins(source, 2) == expected
    assert origins(source, 3)[:2] == [(1, done), (1, done + 1)]
    assert origins(source, 3)[3] == (1, three)


def test_word_between_spaces_in_the_flow() -> None:
    html = page("<p>甲 <b> 12 </b> 乙</p><p>\xa0x\xa0<i>y</i></p>")
    source = read_html("t.html", html.encode())
    assert source.text == "甲 12 乙\nx y\n"
    first, twelve, second = columns_of(html, "甲", "12", "乙")
    assert origins(source, 1) == [
        (1, first),
        (1, first + 1),  # the space after 甲
        (1, twelve),
        (1, twelve + 1),
        (1, twelve + 2),  # the space after 12
        (1, second),
    ]
    x, y = columns_of(html, "x", "y")
    assert origins(source, 2) == [(1, x), (1, x + 1), (1, y)]


def test_word_between_spaces_with_a_line_break_or_invisible_character() -> None:
    # A newline in the spaces, or a zero-width space, takes the general path.
    html = page("<table><tr><td>a\n1 </td><td>\u200b2 </td></tr></table>")
    source = read_html("t.html", html.encode())
    assert source.text == "a 1\t2\n"
    a = html.index("a\n") + 1
    two = html.index("2 ") - html.index("\n")  # "2" stands on the page's second line
    # a, the line break read as a space, 1, the TAB (back to the first cell's start), 2
    assert origins(source, 1) == [(1, a), (1, a + 1), (2, 1), (1, a), (2, two)]


def test_repeated_word_found_after_the_cursor() -> None:
    # The same number in three cells: each found in its own cell, not the first.
    html = page(
        "<table><tr><td>1</td><td><p>1</p></td><td><span>\xa01\xa0</span></td></tr></table>"
    )
    source = read_html("t.html", html.encode())
    assert source.text == "1\t1\t1\n"
    cells = [html.index("1</td>"), html.index("1</p>"), html.index("1\xa0")]
    assert [source.origin(1, c) for c in (1, 3, 5)] == [
        source.origin(1, 1).__class__(1, at + 1) for at in cells
    ]


def test_word_not_at_the_cursor_falls_back_to_the_search() -> None:
    # "&#49;" is "1" written as a reference: not found as is, found by the full search.
    html = page("<table><tr><td>x</td><td>&#49;2</td></tr></table>")
    source = read_html("t.html", html.encode())
    assert source.text == "x\t12\n"
    ref = html.index("&#49;") + 1
    assert origins(source, 1)[2:] == [(1, ref), (1, ref + 5)]


def test_cell_spans_read_in_the_walk() -> None:
    html = page(
        "<table><tr><td rowspan=2>甲</td><td colspan=2>乙</td></tr>"
        "<tr><th>1</th><th>2</th></tr></table>"
    )
    source = read_html("t.html", html.encode())
    assert source.text == "甲\t乙\n1\t2\n"
    first, second = source.grid[1], source.grid[2]
    assert [(c.column, c.span, c.rows) for c in first.cells] == [(0, 1, 2), (1, 2, 1)]
    assert [(c.column, c.span, c.rows) for c in second.cells] == [(1, 1, 1), (2, 1, 1)]
