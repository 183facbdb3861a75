"""Put back together a number that its narrow cell broke over lines.

Full-width digits (２１) are as wide as a Chinese character, and each is a place where a
line may break: in a narrow cell (a table's 总计 column), a two-digit number is set one
digit per line. PDFium gives each digit a line of its own (or the first on the row's line
and the next alone under it), and the row reads one cell short, the next lines a lone
"２" and "１": the parser takes another cell for the total, or a digit for a row.

A line of a digit or two only, standing right under a digit of a line before it (in its
column, less than half a character's height below), is its next part; the parts of a
number standing apart from its row's line (the row's other cells set in its middle) go
on that row, where their column is (:func:`rejoin`). Pages with no line of a lone digit
or two (most) cost one search of their text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from xxgk_lint.sources.pdf_order import Box, page_lines

__all__ = ["rejoin"]

#: A line that may hold the parts of numbers broken in their cells: a digit or two, up to
#: three times (a row's few cells broken; a line of more numbers is a row of its own).
#: (Matched against the line stripped: no leading blanks to try at every place.)
_PART = re.compile(r"[0-9０-９]{1,2}(?:[ \t]+[0-9０-９]{1,2}){0,2}")
#: Such a line somewhere in a page's text (the one search most pages cost).
_ANY_PART = re.compile(r"^[ \t]*[0-9０-９]{1,2}(?:[ \t]+[0-9０-９]{1,2}){0,2}[ \t]*\r?$", re.M)
_DIGITS = re.compile(r"[0-9０-９]+")
#: How far under the last part the next may stand, in the characters' heights.
_BELOW = 0.5
#: How many lines back the part above may be (PDFium may put a line between).
_BACK = 3


class _Line:
    """A line of the page's text: its characters and their indexes in the text page."""

    __slots__ = ("chars", "gone", "indexes", "parts")

    def __init__(self, chars: list[str], indexes: list[int]) -> None:
        self.chars, self.indexes = chars, indexes
        self.parts = 1  # how many lines' digits it holds, if it is a part
        self.gone = False  # put on another line

    @property
    def text(self) -> str:
        return "".join(self.chars)


def rejoin(
    text: str, where: list[int], charbox: Callable[[int], Box]
) -> tuple[str, list[int]] | None:
    """The page's text and ``where`` (each character's index, -1 for one put in) with
    each number broken over lines in its cell put back on its row; None if there is none.
    """
    if _ANY_PART.search(text) is None:
        return None
    lines = [
        _Line(list(line), where[start : start + len(line)]) for start, line in page_lines(text)
    ]
    changed = False
    for number, line in enumerate(lines):
        if _is_part(line):
            changed |= _onto_part_above(lines, number, charbox)
    for number, line in enumerate(lines):
        if line.parts > 1 and not line.gone:
            changed |= _onto_row(lines, number, charbox)
    if not changed:
        return None
    out: list[str] = []
    out_where: list[int] = []
    for line in lines:
        if line.gone:
            continue
        if out:
            out.append("\n")
            out_where.append(-1)
        out += line.chars
        out_where += line.indexes
    return "".join(out), out_where


def _is_part(line: _Line) -> bool:
    """Whether a line is a digit or two alone, each character's box known."""
    return not line.gone and _PART.fullmatch(line.text.strip(" \t")) is not None and _known(line)


def _known(line: _Line) -> bool:
    return all(k >= 0 for c, k in zip(line.chars, line.indexes, strict=True) if not c.isspace())


def _box(indexes: list[int], charbox: Callable[[int], Box]) -> Box:
    boxes = [charbox(k) for k in indexes if k >= 0]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _onto_part_above(lines: list[_Line], number: int, charbox: Callable[[int], Box]) -> bool:
    """Join each digit or two of the part at ``number`` to the digits right above it,
    all on one of the lines before it; whether they were."""
    part = lines[number]
    runs = [(match.start(), match.end()) for match in _DIGITS.finditer(part.text)]
    boxes = [_box(part.indexes[a:z], charbox) for a, z in runs]
    for back in range(number - 1, max(-1, number - 1 - _BACK), -1):
        line = lines[back]
        if line.gone:
            continue
        ends = []
        for box in boxes:
            height = box[3] - box[1]
            end = next(
                (
                    match.end()
                    for match in _DIGITS.finditer(line.text)
                    if all(k >= 0 for k in line.indexes[match.start() : match.end()])
                    and _right_above(
                        _box(line.indexes[match.start() : match.end()], charbox), box, height
                    )
                ),
                None,
            )
            if end is None:
                break
            ends.append(end)
        else:
            for (a, z), end in sorted(zip(runs, ends, strict=True), key=lambda r: -r[1]):
                line.chars[end:end] = part.chars[a:z]
                line.indexes[end:end] = part.indexes[a:z]
            line.parts += part.parts
            part.gone = True
            return True
    return False


def _right_above(above: Box, below: Box, height: float) -> bool:
    """Whether ``above`` stands right above ``below``, in its column."""
    gap = above[1] - below[3]
    return -_BELOW * height <= gap <= _BELOW * height and _across(above, below)


def _across(one: Box, other: Box) -> bool:
    """Whether two boxes stand in one column: they share half the narrower's width."""
    shared = min(one[2], other[2]) - max(one[0], other[0])
    return shared >= 0.5 * min(one[2] - one[0], other[2] - other[0])


def _onto_row(lines: list[_Line], number: int, charbox: Callable[[int], Box]) -> bool:
    """Put the line at ``number``, which holds a number broken over lines (parts joined:
    it stands as high as two lines or more), and a line next to it whose middle stands
    within that number's height, together: one row, its cells left to right (the row's
    other cells set in the number's middle, PDFium put them on a line of their own).
    Whether it did."""
    line = lines[number]
    talls = _tall_numbers(line, charbox)
    if not talls:
        return False
    tall = (0.0, max(b[1] for b in talls), 0.0, min(b[3] for b in talls))
    for near in (number + 1, number - 1, number + 2, number - 2):
        if not 0 <= near < len(lines) or lines[near].gone or not lines[near].chars:
            continue
        other = lines[near]
        cells = _cells(other, charbox)
        if not cells:
            continue
        middle = sum((b[1] + b[3]) / 2 for _, _, b in cells) / len(cells)
        if not tall[1] < middle < tall[3]:
            continue
        mine = _cells(line, charbox)
        if mine is None or any(_across(b, t) for _, _, b in cells for t in talls):
            continue
        first, second = (line, other) if number < near else (other, line)
        merged = sorted(
            [(b[0], line, a, z) for a, z, b in mine] + [(b[0], other, a, z) for a, z, b in cells],
            key=lambda cell: cell[0],
        )
        chars: list[str] = []
        indexes: list[int] = []
        for _, source, start, end in merged:
            if chars:
                chars.append(" ")
                indexes.append(-1)
            chars += source.chars[start:end]
            indexes += source.indexes[start:end]
        first.chars, first.indexes = chars, indexes
        first.parts = max(first.parts, second.parts)
        second.gone = True
        return True
    return False


def _tall_numbers(line: _Line, charbox: Callable[[int], Box]) -> list[Box]:
    """The boxes of the line's numbers put together from parts (their last digit lower
    than their first)."""
    found = []
    for match in _DIGITS.finditer(line.text):
        indexes = line.indexes[match.start() : match.end()]
        if len(indexes) < 2 or any(k < 0 for k in indexes):
            continue
        box = _box(indexes, charbox)
        first = charbox(indexes[0])
        if box[1] < first[1] - 0.5 * (first[3] - first[1]):
            found.append(box)
    return found


def _cells(line: _Line, charbox: Callable[[int], Box]) -> list[tuple[int, int, Box]] | None:
    """The line's runs of characters (start, end, box), None if a character's box is
    not known."""
    found = []
    for match in _RUN.finditer(line.text):
        indexes = line.indexes[match.start() : match.end()]
        if any(k < 0 for k in indexes):
            return None
        found.append((match.start(), match.end(), _box(indexes, charbox)))
    return found


_RUN = re.compile(r"\S+")
