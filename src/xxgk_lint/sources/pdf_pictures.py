"""The pictures a PDF page draws that may hold a table, and where they stand among its lines.

Many bodies print their report to PDF with the tables pasted as pictures (a screenshot of
the spreadsheet), the prose as text. Read, such a report has no table: XG003 would call it
missing. The reader keeps where each such picture stands (before which line of the page),
so that XG003 says the table is a picture instead (see
:class:`~xxgk_lint.sources.model.Figure`).

A picture that may hold a table is at least a third of the page wide and a twentieth of
it high: a seal (公章), a logo, an icon or a rule drawn as an image is not. Looked for
only in a PDF whose bytes name an image (``/Image``: an image XObject's dictionary is
never compressed, since a stream is never inside an object stream), and then by one pass
over each page's objects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

#: The least share of the page's width and height a picture of a table covers.
_WIDTH_SHARE = 1 / 3
_HEIGHT_SHARE = 1 / 20


def may_hold_pictures(data: bytes) -> bool:
    """Whether a PDF's bytes name an image (its pages are then looked at)."""
    return b"/Image" in data


def picture_tops(pdfium: ModuleType, page: Any) -> list[float]:
    """The top (in page units, from the bottom) of each picture on ``page`` large enough to
    hold a table, the highest first."""
    width, height = page.get_width(), page.get_height()
    tops = []
    for picture in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = picture.get_bounds()
        if right - left >= width * _WIDTH_SHARE and top - bottom >= height * _HEIGHT_SHARE:
            tops.append(top)
    return sorted(tops, reverse=True)


def lines_above(
    text: str, where: Sequence[int] | None, charbox: Callable[[int], Any], top: float
) -> int | None:
    """How many of a page's lines (``text``, with ``where``: each character's index in the
    text page, and ``charbox``: a character's box, left, bottom, right, top) stand above a
    picture whose top is ``top``: the lines before the first line whose first known
    character's middle is below it. None where the characters' places are not known."""
    if where is None:
        return None
    start = 0
    for number, line in enumerate(text.split("\n")):
        for offset in range(start, start + len(line)):
            index = where[offset] if offset < len(where) else -1
            if index >= 0:
                box = charbox(index)
                if (box[1] + box[3]) / 2 < top:
                    return number
                break
        start += len(line) + 1
    return len(text.split("\n"))
