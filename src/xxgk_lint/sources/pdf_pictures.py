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
    hold a table, the highest first: drawn on the page or placed through a form XObject
    (a unit square the page scales to the picture's place, as some producers place an
    image; :func:`_form_pictures`). PDFium's own calls, one object at a time (a page of a
    Word or browser PDF holds hundreds: its wrapper objects cost three times as much)."""
    raw = pdfium.raw
    width, height = page.get_width(), page.get_height()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    corners = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    boxes = []
    for index in range(raw.FPDFPage_CountObjects(page.raw)):
        drawn = raw.FPDFPage_GetObject(page.raw, index)
        kind = raw.FPDFPageObj_GetType(drawn)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            boxes += _form_pictures(raw, drawn)
        elif kind == raw.FPDF_PAGEOBJ_IMAGE and raw.FPDFPageObj_GetBounds(drawn, *corners):
            boxes.append((left.value, bottom.value, right.value, top.value))
    return sorted(
        (
            above
            for low_x, low_y, high_x, above in boxes
            if high_x - low_x >= width * _WIDTH_SHARE and above - low_y >= height * _HEIGHT_SHARE
        ),
        reverse=True,
    )


#: How deep forms inside forms are looked into for pictures.
_FORM_DEPTH = 4


def _form_pictures(raw: Any, form: Any, depth: int = 0) -> list[tuple[float, float, float, float]]:
    """The page boxes (left, bottom, right, top) of the images a form XObject ``form``
    holds, in forms inside it too: an object's bounds inside a form are in the form's
    space, which the form's matrix (PDFium's: its place on the page) maps onto the page."""
    matrix = raw.FS_MATRIX()
    if depth > _FORM_DEPTH or not raw.FPDFPageObj_GetMatrix(form, ctypes.byref(matrix)):
        return []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    corners = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    boxes: list[tuple[float, float, float, float]] = []
    for index in range(raw.FPDFFormObj_CountObjects(form)):
        drawn = raw.FPDFFormObj_GetObject(form, index)
        kind = raw.FPDFPageObj_GetType(drawn)
        inner: list[tuple[float, float, float, float]] = []
        if kind == raw.FPDF_PAGEOBJ_FORM:
            inner = _form_pictures(raw, drawn, depth + 1)
        elif kind == raw.FPDF_PAGEOBJ_IMAGE and raw.FPDFPageObj_GetBounds(drawn, *corners):
            inner = [(left.value, bottom.value, right.value, top.value)]
        boxes += (_mapped(matrix, box) for box in inner)
    return boxes


def _mapped(
    matrix: Any, box: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    """``box`` (left, bottom, right, top) mapped by ``matrix`` (an FS_MATRIX): the box
    around its four corners mapped."""
    low_x, low_y, high_x, high_y = box
    xs, ys = [], []
    for x, y in ((low_x, low_y), (low_x, high_y), (high_x, low_y), (high_x, high_y)):
        xs.append(matrix.a * x + matrix.c * y + matrix.e)
        ys.append(matrix.b * x + matrix.d * y + matrix.f)
    return min(xs), min(ys), max(xs), max(ys)


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
