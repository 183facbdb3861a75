"""A page's lines and where they start: the quick ways give what the plain ones give.

``_split_lines`` splits a page without CR at LF directly and one with CR by
``splitlines``; either way the text is ``normalise_newlines``'s and the lines are that text
split at LF (other characters ``splitlines`` breaks at are characters of a web page's
text, not breaks). ``line_starts`` adds up the lines' lengths. The cursor's tag names are
lower case, as lxml's, whether the page's were (kept as they are) or not.
"""

from __future__ import annotations

import re

import pytest

from xxgk_lint.sources.html import _split_lines
from xxgk_lint.sources.html_source import SourceCursor, line_starts
from xxgk_lint.sources.text import normalise_newlines

TEXTS = [
    "<p>一</p>\n<p>二</p>",
    "<p>一</p>\n<p>二</p>\n",
    "<p>一</p>\r\n<p>二</p>\r\n",
    "<p>一</p>\r<p>二</p>\r",
    "a\r\n\rb\n\r\nc",
    "\n\n",
    "\r\n",
    "x",
    # Characters ``splitlines`` breaks at, with and without CR.
    "a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i\nj",
    "a\u2028b\r\nc",
    "a\x85b\rc\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_page_s_lines_are_its_normal_text_split_at_lf(text: str) -> None:
    normal = normalise_newlines(text)
    assert _split_lines(text) == (normal, normal.split("\n"))


@pytest.mark.parametrize("text", TEXTS)
def test_each_line_starts_after_the_lines_before_and_their_breaks(text: str) -> None:
    normal, lines = _split_lines(text)
    starts = line_starts(lines)
    assert starts == [sum(len(line) + 1 for line in lines[:n]) for n in range(len(lines))]
    assert all(normal[at - 1] == "\n" for at in starts[1:])


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>一</p><table><tr><td>1</td></tr></table></body></html>",
        "<HTML><BODY><P>一</P><TABLE><TR><TD>1</TD></TR></TABLE></BODY></HTML>",
        "<html><Body><p>一</P><o:p></o:p><TD>1</td></Body>",
        # Names lower() changes in context, or into more characters.
        "<p>一</p><aΣ>二</aΣ><aΣb>三</aΣb><İx>四</İx><ǅ>五</ǅ>",
    ],
)
def test_the_cursor_s_tag_names_are_lower_case(page: str) -> None:
    found = re.findall(r"<([a-zA-Z][^\s/<>]*)", page)
    assert SourceCursor(page, page.split("\n")).names == [name.lower() for name in found]
