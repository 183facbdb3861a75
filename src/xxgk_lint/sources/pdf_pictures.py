"""The pictures a PDF page draws that may hold a table, and where they stand among its lines.

Many bodies print their report to PDF with the tables pasted as pictures (a screenshot of
the spreadsheet), the prose as text. Read, such a report has no table: XG003 would call it
missing. The reader keeps where each such picture stands (before which line of the page),
so that XG003 says the table is a picture instead (see
:class:`~xxgk_lint.sources.model.Figure`).

A picture that may hold a table is at least a third of the page wide and a twentieth of
it high: a seal (公章), a logo, an icon or a rule drawn as an image is not. Looked for
only in a PDF whose bytes hold an image XObject (``/Subtype /Image``: an image's
dictionary is never compressed, since a stream is never inside an object stream), and
then by one pass over each page's objects.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

#: The least share of the page's width and height a picture of a table covers.
_WIDTH_SHARE = 1 / 3
_HEIGHT_SHARE = 1 / 20


def may_hold_pictures(data: bytes) -> bool:
    """Whether a PDF's bytes hold an image XObject's dictionary (its pages are then looked
    at); not a page's ``/ProcSet [… /ImageB /ImageC]``, which most producers write."""
    return _IMAGE_XOBJECT.search(data) is not None


#: The subtype of an image XObject, as a dictionary gives it (``/Subtype/Image``,
#: ``/Subtype /Image``): a search for its literal start, fast.
_IMAGE_XOBJECT = re.compile(rb"/Subtype\s*/Image(?![A-Za-z])")


def picture_tops(pdfium: ModuleType, page: Any) -> list[float]:
    """The top (in page units, from the bottom) of each picture on ``page`` large enough to
    hold a table, the highest first. PDFium's own calls, one object at a time (a page of a
    Word or browser PDF holds hundreds: its wrapper objects cost three times as much)."""
    raw = pdfium.raw
    width, height = page.get_width(), page.get_height()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    corners = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    tops = []
    for index in range(raw.FPDFPage_CountObjects(page.raw)):
        drawn = raw.FPDFPage_GetObject(page.raw, index)
        if raw.FPDFPageObj_GetType(drawn) != raw.FPDF_PAGEOBJ_IMAGE:
            continue
        if not raw.FPDFPageObj_GetBounds(drawn, *corners):
            continue
        wide = right.value - left.value >= width * _WIDTH_SHARE
        if wide and top.value - bottom.value >= height * _HEIGHT_SHARE:
            tops.append(top.value)
    return sorted(tops, reverse=True)


def lines_above(
    lines: Sequence[tuple[int, str]],
    where: Sequence[int],
    charbox: Callable[[int], tuple[float, float, float, float]],
    top: float,
) -> int:
    """How many of a page's lines stand above a picture whose top is ``top``: the lines
    before the first line whose first placed character's middle is below it. ``lines``
    holds each line of the page's text with where it starts (:func:`.pdf_order.page_lines`),
    ``where`` each character's index in the text page (negative: a character put in, not
    drawn), ``charbox`` a drawn character's box (left, bottom, right, top)."""
    for number, (start, line) in enumerate(lines):
        for offset in range(start, min(start + len(line), len(where))):
            index = where[offset]
            if index >= 0:
                _, bottom, _, above = charbox(index)
                if (bottom + above) / 2 < top:
                    return number
                break
    return len(lines)
