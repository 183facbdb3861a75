"""Leave a page's watermark out of its text.

A report is often published with a watermark over its pages: 内部资料 or the agency's
name set diagonally across the page, 仅供参考 in large light letters, an agency's seal
(its name around a circle, each character at its own slant). PDFium reads a watermark as
text like any other: its characters land inside the prose and the table rows they cross,
and its large boxes make PDFium put the lines they stand over into one line, their
characters mixed by x (a table's rows run together, a row's numbers among another row's
label). So before the page's text is read, text objects drawn as a watermark is drawn are
taken off the page (in memory only: the file is never written):

- text set at a slant (not upright, not a quarter turn: a table drawn sideways is read,
  :mod:`pdf`): a diagonal watermark or a seal's characters; a report sets no text so;
- text in a large font (:data:`_LARGE` points and more, as drawn) that is light or
  see-through (:func:`_faint`): a watermark set upright. A title in a large dark font (a
  red-header document's 某某县人民政府文件) is kept.

A watermark is a page's decoration, drawn before the page's body (Word and WPS draw it
with the page's header) or after it (a stamping tool, a browser's fixed-position element
at the top of the stacking order); so only the first and last :data:`_ENDS` objects of a
page are looked at, and of a form object (a group of objects, as stamping tools draw a
watermark) among them: a page costs a few dozen calls however much it holds.
"""

from __future__ import annotations

import ctypes
import math
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pypdfium2 import PdfPage

__all__ = ["remove_watermarks"]

#: How many objects at each end of a page (or of a form object) are looked at.
_ENDS = 16
#: How far (degrees) text may run off a quarter turn and still be upright or turned
#: (a scan's skew is a degree or two).
_SLANT = 5.0
#: The smallest font size (points, as drawn) of a watermark set upright: larger than a
#: report's title (二号, 22 pt) and headings.
_LARGE = 36.0
#: The fill's opacity (0-255) below which text is see-through, and the least value of
#: each of its red, green and blue for it to be light (a light grey, a pale red).
_OPAQUE = 160
_LIGHT = 160
# PDFium's page object types (fpdf_edit.h, FPDF_PAGEOBJ_*).
_TEXT = 1
_FORM = 5


def remove_watermarks(pdfium: ModuleType, page: PdfPage) -> int:
    """Take the watermark's text objects off ``page`` (see the module); how many."""
    raw = pdfium.raw
    marks = _marks(raw, page.raw, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, top=True)
    for parent, found in marks:
        if parent is None:
            raw.FPDFPage_RemoveObject(page.raw, found)
        else:
            raw.FPDFFormObj_RemoveObject(parent, found)
        raw.FPDFPageObj_Destroy(found)
    return len(marks)


def _marks(raw: Any, holder: Any, count: Any, get: Any, *, top: bool) -> list[tuple[Any, Any]]:
    """The watermark's text objects among the first and last :data:`_ENDS` objects of
    ``holder`` (a page, or a form object if not ``top``), each with the form object
    holding it (None: the page). The objects of a form among them are looked at too,
    where PDFium can take an object out of a form (``FPDFFormObj_RemoveObject``, not in
    older builds)."""
    total = count(holder)
    ends = range(total) if total <= 2 * _ENDS else [*range(_ENDS), *range(total - _ENDS, total)]
    found: list[tuple[Any, Any]] = []
    matrix = raw.FS_MATRIX()
    size = ctypes.c_float()
    for index in ends:
        obj = get(holder, index)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == _TEXT and _watermark(raw, obj, matrix, size):
            found.append((None if top else holder, obj))
        elif kind == _FORM and hasattr(raw, "FPDFFormObj_RemoveObject"):
            found += _marks(
                raw, obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, top=False
            )
    return found


def _watermark(raw: Any, obj: Any, matrix: Any, size: Any) -> bool:
    """Whether a text object is drawn as a watermark: at a slant, or large and faint."""
    if not raw.FPDFPageObj_GetMatrix(obj, matrix):
        return False
    angle = math.degrees(math.atan2(matrix.b, matrix.a)) % 90
    if min(angle, 90 - angle) > _SLANT:
        return True
    if not raw.FPDFTextObj_GetFontSize(obj, size):
        return False
    drawn = size.value * math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
    return drawn >= _LARGE and _faint(raw, obj)


def _faint(raw: Any, obj: Any) -> bool:
    """Whether a text object's fill is see-through or light."""
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    if not raw.FPDFPageObj_GetFillColor(obj, red, green, blue, alpha):
        return False
    return alpha.value < _OPAQUE or min(red.value, green.value, blue.value) >= _LIGHT
