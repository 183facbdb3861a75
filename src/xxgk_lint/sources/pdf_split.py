"""Join the two parts of a table drawn sideways that a page break cut across its rows.

A browser printing a table turned a quarter (a wide table set sideways with a CSS
transform) does not move it to a page of its own: the page break cuts through it, and
each row is cut in two, its label and first cells at the end of one page and its last
cells at the top of the next. Read page by page, the rows of the first part lose their
last cells and the second part is a list of numbers with no labels.

Both parts are turned the same way and cut from one picture, so a row stands at the same
place across the turned text on both pages (its height on the page turned back). The
reader records, for a page whose text is turned (the whole page, or a part beside upright
text), each line's box in the page turned back (:class:`Turned`); :func:`join` puts each
line of the second part after (or before: a table turned the other way runs from the
next page back) the line of the first part that it stands beside, when the first part
ends its page and the second starts the next one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["LineBox", "Turned", "join"]

#: A line's turned characters' box in the page turned back: left, bottom, top.
LineBox = tuple[float, float, float]

#: How much of the lower of two lines' heights they must share to be one row.
_SAME_ROW = 0.5
#: How many lines of the second part must stand beside a line of the first, at least.
_MATCHED = 2
#: A character of words (not a page number's or a date's): a line with none is page
#: furniture, passed over when a part is looked for at the end or start of its page.
_WORDS = re.compile(r"[\u3400-\u9fff]")
#: What a running header or footer changes from page to page (see :func:`_running`).
_NOT_RUNNING = re.compile(r"[\d\s]+")


@dataclass(frozen=True)
class Turned:
    """A page's text drawn turned: its quarter turn (as :data:`pdf._QUARTER` counts it)
    and for each line of the page's text the box of its turned characters (None for a
    line with none)."""

    turn: int
    boxes: Sequence[LineBox | None]


def join(
    first: list[str], first_part: Turned, second: list[str], second_part: Turned
) -> tuple[dict[int, str], set[int]] | None:
    """The lines of page ``first`` with the lines of page ``second`` that go on them, by
    line number, and the numbers of the lines of ``second`` that moved; None if the pages
    do not hold one table cut in two (other turns, a part not at the end of the first
    page or the start of the second, fewer than :data:`_MATCHED` rows beside each other).
    """
    if first_part.turn != second_part.turn:
        return None
    furniture = {_running(line) for line in first} & {_running(line) for line in second}
    ends = _part(first, first_part, furniture, reverse=True)
    starts = _part(second, second_part, furniture, reverse=False)
    if not ends or not starts:
        return None
    rows: dict[int, list[int]] = {}
    for number in starts:
        box = second_part.boxes[number]
        assert box is not None  # (a part's lines have turned characters)
        beside = max(ends, key=lambda k: _shared(first_part.boxes[k], box))
        if _shared(first_part.boxes[beside], box) >= _SAME_ROW:
            rows.setdefault(beside, []).append(number)
    if sum(map(len, rows.values())) < _MATCHED:
        return None
    after = first_part.turn == 1  # (turned left: the next page goes on to the right)
    joined = {}
    for number, moved in rows.items():
        moved.sort(key=lambda k: second_part.boxes[k][0])  # type: ignore[index]
        parts = [second[k].strip() for k in moved]
        line = first[number].rstrip()
        joined[number] = " ".join([line, *parts] if after else [*parts, line])
    return joined, {k for moved in rows.values() for k in moved}


def _part(lines: Sequence[str], part: Turned, furniture: set[str], *, reverse: bool) -> list[int]:
    """The numbers of the lines with turned characters, if they end the page (``reverse``)
    or start it: only lines without words (a page number) or the running header or
    footer of both pages (``furniture``, see :func:`_running`) may stand beyond them."""
    order = range(len(lines) - 1, -1, -1) if reverse else range(len(lines))
    found: list[int] = []
    for number in order:
        if part.boxes[number] is not None:
            found.append(number)
        elif _WORDS.search(lines[number]) and _running(lines[number]) not in furniture:
            if found:
                break  # upright text: the part ends here
            return []  # upright text between the part and the page's end or start
    return found


def _running(line: str) -> str:
    """A line as a running header or footer repeats it on every page: without its
    digits (the page number, a time) or spaces."""
    return _NOT_RUNNING.sub("", line)


def _shared(one: LineBox | None, other: LineBox) -> float:
    """The share of the lower of two lines' heights that they share (0 if none)."""
    if one is None:
        return 0.0
    shared = min(one[2], other[2]) - max(one[1], other[1])
    lower = max(min(one[2] - one[1], other[2] - other[1]), 0.1)
    return shared / lower
