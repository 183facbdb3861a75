"""Break a line of PDFium's text where it ran on from one row of a table to the next.

PDFium starts a new line of text where the next piece of text (a cell) drops below the
last by more than three quarters of the wider character's width. In a dense table (rows
drawn close together: a row as tall as its font, as Word's "exact" row height makes
them, the numbers in a larger font than the labels), the next row's first cell drops
less than that (a Chinese character is wide), and PDFium runs the rows on as one line:
``一、本年新收… 18 2 0 0 1 0 21 二、上年结转… 1 0 0 0 0 0 1``, or a row of one-digit cells
and the next as one row of fourteen. A row's numbers then belong to no row, or to the
wrong one, and a row is lost.

Read as a person reads it, a line never goes back to the left and down: that is the
next line. So where a character stands left of the one before it and below it (its
middle lower than the other's by half a character), and a number follows on the line
(the next row's cells), the line is broken there. Only lines of two pieces or more (a
space between two characters: PDFium's between two cells) whose last character stands
below their first are looked at: two boxes a line with a space, and a box a character
on the few lines that end lower than they start (a row whose label broke over lines, a
row run on).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from xxgk_lint.sources.pdf_order import LINE_END, VALUE, Box

#: How far (points) a character may stand left of the one before it on one line: the
#: play of a glyph's box (a closing mark hung in the margin, a kerned pair).
_BACK = 1.5
#: A space between two characters of a line: where PDFium put two pieces of text (two
#: cells) side by side. A line without one (a line of prose) is one piece, drawn as it
#: reads.
_INNER_SPACE = re.compile(r"\S[ \t]+\S")


def _next_line(first: Box, second: Box) -> bool:
    """Whether ``second`` stands where the line after ``first``'s starts: to its left and
    below it (its middle lower than ``first``'s by more than half the smaller box's
    height: characters of one line, a smaller cell's included, share their middles
    nearly; the next row's stand a row's height lower)."""
    lower = (first[1] + first[3]) - (second[1] + second[3])  # (twice the drop of the middle)
    return second[0] < first[0] - _BACK and lower > min(first[3] - first[1], second[3] - second[1])


def _holds_values(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (the rest of a line from where it steps down) has a
    cell of numbers: another row's. A label's next line, or a head's (labels broken over
    two lines in their narrow cells), is left on the line it ran on to: the parser reads
    those as PDFium gives them, and there no value is lost."""
    return any(VALUE.fullmatch(token) for token in text[start:end].split())


def break_run_on_rows(
    text: str, where: list[int], charbox: Callable[[int], Box]
) -> tuple[str, list[int]]:
    """The page's ``text`` with a line end where a line ran on to the next row (see the
    module), and ``where`` (each character's index in the text page, -1 for one put in)
    kept in step: the spaces before the break give way to the line end."""
    breaks: list[tuple[int, int]] = []  # (where the line end goes, where the next row starts)
    spans = [0, *(x for m in LINE_END.finditer(text) for x in (m.start(), m.end())), len(text)]
    for start, end in zip(spans[::2], spans[1::2], strict=True):
        inner = _INNER_SPACE.search(text, start, end)  # (PDFium's space between two pieces)
        if inner is None:
            continue
        first, last = start, end - 1
        while text[first].isspace():
            first += 1
        while text[last].isspace():
            last -= 1
        if where[first] < 0 or where[last] < 0:
            continue
        top, bottom = charbox(where[first]), charbox(where[last])
        if bottom[1] >= top[1]:  # (the line ends no lower than it starts: most lines)
            continue
        marks = [k for k in range(first, last + 1) if where[k] >= 0 and text[k] != " "]
        before = top
        for at, after in itertools.pairwise(marks):
            box = charbox(where[after]) if after != last else bottom
            if _next_line(before, box) and _holds_values(text, after, end):
                breaks.append((at + 1, after))
            before = box
    if not breaks:
        return text, where
    for cut, resume in reversed(breaks):
        text = text[:cut] + "\n" + text[resume:]
        where[cut:resume] = [-1]
    return text, where
