"""Characters a browser draws nothing for (direction marks, the soft hyphen, invisible
operators, variation selectors …), written as themselves or as references, are not read:
a number around or through which a page carries one is the number."""

from __future__ import annotations

import pytest

from xxgk_lint.sources.html import read_html

INVISIBLE = [
    "&lrm;",
    "&rlm;",
    "&#x200E;",
    "\u200f",
    "&shy;",
    "\u00ad",
    "&#8289;",  # U+2061 function application
    "\u2062",
    "\u061c",
    "\u202a",
    "\u202c",
    "\u2066",
    "\u2069",
    "\ufe0f",
    "\u034f",
    "\u180e",
    "\u200b",  # as before
]


def page(body: str) -> bytes:
    return f"<html><body>{body}</body></html>".encode()


@pytest.mark.parametrize("mark", INVISIBLE)
def test_invisible_characters_in_and_around_numbers(mark: str) -> None:
    body = (
        f"<table><tr><td>规章</td><td>{mark}12{mark}</td><td>1{mark}5</td>"
        f"<td><span>3</span>{mark}<span>0</span></td></tr></table>"
    )
    source = read_html("t.html", page(body))
    assert source.text == "规章\t12\t15\t30\n"


@pytest.mark.parametrize("mark", INVISIBLE)
def test_invisible_characters_in_the_flow(mark: str) -> None:
    source = read_html("t.html", page(f"<p>行政{mark}许可{mark} 1493{mark}件</p><p>A{mark}B C</p>"))
    assert source.text == "行政许可 1493件\nAB C\n"


@pytest.mark.parametrize("mark", ["&lrm;", "&shy;", "\u2061"])
def test_each_digit_leads_back_to_the_page(mark: str) -> None:
    raw = f"<html><body><table><tr><td>甲</td><td>{mark}1{mark}2</td></tr></table></body></html>"
    source = read_html("t.html", raw.encode())
    assert source.text == "甲\t12\n"
    cell = raw.index("<td>", raw.index("甲"))
    one, two = raw.index("1", cell), raw.index("2", cell)
    for column, at in ((3, one), (4, two)):
        origin = source.origin(1, column)
        assert (origin.line, origin.column) == (1, at + 1)
