"""The markup split's possessive quantifiers and its empty alternative change no match.

``html_source._MARKUP`` makes its runs possessive because what follows each always
matches; the same expression without them (as it was written before, and as Python 3.10,
whose ``re`` has no possessive quantifiers, runs it) must cut every page here and every
HTML fixture into the same pieces. Likewise what may be there or not (a quoted value,
the closing ">") is written as alternatives, the last empty, where it was optional before
(``re`` runs that more slowly). And a script's or a style sheet's content and a comment
are scanned a run of characters at a time (``[^<]*+``, ``[^-]*+``), where a lazy ``.*?``
looked ahead at each character (a portal's page of 50 KB of scripts: 1.3 ms -> 0.3 ms):
the two cut every page into the same pieces.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from xxgk_lint.sources.html_source import _MARKUP, _MARKUP_FLAGS, _MARKUP_PATTERN, SourceCursor

GREEDY = re.compile(_MARKUP_PATTERN.replace("*+", "*"), _MARKUP_FLAGS)
#: The same expression with what may be there or not written as optional (a quoted
#: value as an optional group, the closing ">" as ``>?``), as it was written before.
OPTIONAL = re.compile(_MARKUP_PATTERN.replace("'|)", "')?").replace("(?:>|)", ">?"), _MARKUP_FLAGS)
#: The same expression with a script's content and a comment scanned lazily, a character
#: at a time, as they were written before.
RUNS = (r"(?(3)[^<]*+(?:<(?!/\3)[^<]*+)*+)", r"!--[^-]*+(?:-(?!->)[^-]*+)*+(?:-->|)")
LAZY = re.compile(
    _MARKUP_PATTERN.replace(RUNS[0], r"(?(3).*?(?=</\3|\Z))").replace(RUNS[1], r"!--.*?(?:-->|\Z)"),
    _MARKUP_FLAGS,
)

PAGES = [
    "<p class=a title='x>y' data-z=\"q\">甲</p>",
    "<td width=45 style='border:solid 1.0pt'>1<o:p></o:p></td>",
    "<a href = 'open quote>text<b>bold</b>",
    '<a href="open quote>text<b>bold</b>',
    "<img src=x alt=>t<br/>u<br / >",
    "<p =a ==b>c</p>",
    "<script>if (a < b) { x = '</p>'; }</script>after",
    "<SCRIPT type=text/javascript>var s = 1;",
    "<style>p { color: red }</style><scripts>t</scripts>",
    "<!-- a -- b --><!--unclosed <p>x</p>",
    "<!DOCTYPE html><?xml version='1.0'?><![CDATA[x]]>",
    "a < b and c<d e='f'",
    "<p\nclass\n=\n'x'\n>t</p\n>",
    "</td ><td\t>\t</td>",
    "<p a='1' b=\"2\" c=3 d>t",
    "<" + "a=" * 50 + ">",
    "<script>a<b; c</d; '</scriptx'</SCRIPT >t<style>p{}</Style>u",
    "<!----><!-- a --- b ---><!--->x--><!-- - -- -->y",
    "<script>unclosed < content",
]


def test_the_lazy_forms_are_replaced_in_the_pattern() -> None:
    assert all(run in _MARKUP_PATTERN for run in RUNS)


@pytest.mark.parametrize("page", PAGES)
def test_possessive_split_is_the_greedy_split(page: str) -> None:
    assert _MARKUP.split(page) == GREEDY.split(page) == OPTIONAL.split(page) == LAZY.split(page)


def test_runs_are_the_lazy_scan_on_random_pages() -> None:
    """Pages drawn from what ends a script, a style sheet or a comment, and what nearly does."""
    alphabet = ["<", ">", "-", "--", "-->", "<!--", "<!-->", "</script", "</SCRIPT>", "</scr"]
    alphabet += ["<script>", "<Style>", "</style >", "<scriptx>", "a", "甲", " ", "/", "\n"]
    rng = random.Random(40)
    for _ in range(5000):
        page = "".join(rng.choices(alphabet, k=rng.randrange(1, 16)))
        assert _MARKUP.split(page) == LAZY.split(page), page


def test_empty_alternatives_are_the_optional_forms_on_random_pages() -> None:
    """Pages drawn from the characters the pattern tells apart, quotes and "=" often."""
    alphabet = ["<", ">", "=", "=", '"', '"', "'", "'", " ", "\n", "/", "!", "?", "-", "a"]
    alphabet += ["p", "<p ", "<td ", "</", "<!--", "-->", "<script>", "</script", "<style "]
    alphabet += ["甲", "x=", "='", '="']
    rng = random.Random(30)
    for _ in range(3000):
        page = "".join(rng.choices(alphabet, k=rng.randrange(1, 40)))
        assert _MARKUP.split(page) == OPTIONAL.split(page), page


@pytest.mark.parametrize("path", sorted(FIXTURES.rglob("*.htm*")), ids=lambda path: path.name)
def test_possessive_split_is_the_greedy_split_on_every_html_fixture(path: Path) -> None:
    page = path.read_bytes().decode("utf-8", "replace")
    pieces = _MARKUP.split(page)
    assert len(pieces) > 3 and pieces == GREEDY.split(page) == OPTIONAL.split(page)
    assert pieces == LAZY.split(page)


def test_start_tags_and_names() -> None:
    src = "<p>甲</p><!-- c --><td width=45>1<o:p></o:p></td><script>x<b></script>"
    cursor = SourceCursor(src, [src])
    assert cursor.names == ["p", "td", "o:p", "script"]
    assert [cursor.pieces[i][:4] for i in cursor.start_tags] == ["<p>", "<td ", "<o:p", "<scr"]
    assert cursor.pieces[0::2] == ["", "甲", "", "", "1", "", "", "", "", ""]
    assert cursor.pieces[cursor.start_tags[-1]] == "<script>x<b>"  # its content with it


def test_count_cells_is_exact_only_over_the_limit() -> None:
    """Under the limit any bound will do ("<" first, then "<t"/"<T"); over it, the tags."""
    from xxgk_lint.sources.html_source import count_cells

    src = "<p>x</p><table><tr><TD>1</TD><th>2</th><td>3</td></tr></table><tbody>"
    assert src.count("<") == 13
    assert count_cells(src, 13) == 13  # "<" alone is within the limit
    assert count_cells(src, 12) == 6  # "<t" and "<T" (<table>, <tbody> too): within it
    assert count_cells(src, 5) == 3  # the three cells, counted one by one
    assert count_cells(src, 2) == 3  # over the limit: the number the message gives
