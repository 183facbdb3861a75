"""Read a PDF report's text layer with pypdfium2 (PDFium).

PDFium is fast and keeps a table row's cells on one line, separated by single spaces,
where other extractors scatter them one per line. Tables are not rebuilt here: what a text
layer does to them (page numbers between rows, a vertical label one character per line, a
long label broken around its numbers) is read by the parser, which sees the same damage in
text copied out of PDFs by hand. Each extracted line is located by its page ("第 3 页"),
which is what a person can find in a PDF viewer; its line and column are those of the
extracted text, as ``xxgk-lint parse --text`` shows it.

One thing the text alone loses is put back: a blank cell. PDFium separates a row's cells
by one space whatever the distance between them, so "5 1 7 0 0 13" may be a row of seven
cells with the last one blank, and nothing in the text says which. The characters' boxes
do: a row of numbers whose cells stand under the cells of a fuller row of the same table
(same left edge, right edge or centre) gets its cells separated by TABs, with an empty
field where the fuller row has a cell and this one has none; a table's one row (表四) has
an empty field where a gap between two cells is two columns wide (:func:`_lay_out_rows`).
The parser reads such a row as it reads a tab-separated one. Only rows with a blank are
rewritten, a TAB taking the place of a space, so every other line is as PDFium gave it and
every position is still a page and the line and column of the text shown.

PDFium's text follows the order the page is drawn in. A page drawn out of reading order
(a table drawn column by column, prose drawn bottom-up) and a table drawn sideways on a
page of upright prose are laid out from their pieces' places instead (:mod:`pdf_order`,
:func:`_page_text`); a page drawn in order is PDFium's text as it is. The two parts of a
table drawn sideways that a page break cut across its rows are joined row by row
(:mod:`pdf_split`; the three parts of one cut twice too), and a number that its narrow
cell broke over lines is put back on its row (:mod:`pdf_wrapped`).

pypdfium2 is imported only when a PDF is read: it loads a native library, and linting
plain text must not pay for that.
"""

from __future__ import annotations

import bisect
import collections
import ctypes
import itertools
import math
import operator
import re
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from xxgk_lint.sources import (
    pdf_heads,
    pdf_order,
    pdf_pictures,
    pdf_rows,
    pdf_split,
    pdf_watermarks,
    pdf_wrapped,
)
from xxgk_lint.sources.limits import DEFAULT_LIMITS, Limits, over
from xxgk_lint.sources.model import Figure, InputError, Source, TextBuilder
from xxgk_lint.sources.pdf_order import LINE_END, VALUE, Box, apart, page_lines
from xxgk_lint.sources.pdf_streams import check_streams

if TYPE_CHECKING:
    from pypdfium2 import PdfPage, PdfTextPage

__all__ = ["read_pdf"]

NO_TEXT_LAYER = (
    "the PDF has no text layer (a scanned image?); run OCR on it first, "
    "e.g. `ocrmypdf in.pdf out.pdf`"
)
UNMAPPED_TEXT = (
    "the PDF's text layer cannot be read: its fonts do not say which characters they "
    "draw (no ToUnicode map, or one to private-use codes), so its text comes out as "
    "gibberish; run OCR on it, "
    "e.g. `ocrmypdf --force-ocr in.pdf out.pdf`"
)
UNMAPPED_DIGITS = (
    "the PDF's numbers cannot be read: the font they are drawn in does not say which "
    "characters it draws (no ToUnicode map), so page {page}'s text has no digit where "
    "its numbers stand; run OCR on it, e.g. `ocrmypdf --force-ocr in.pdf out.pdf`"
)
PASSWORD_PROTECTED = (
    "the PDF is password-protected; remove the password first, "
    "e.g. `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`"
)

# PDFium's page object type of a form object (fpdf_edit.h, FPDF_PAGEOBJ_FORM).
_FORM_OBJECT = 5
# PDFium's document-loading error codes (fpdfview.h, FPDF_ERR_*).
_ERR_FORMAT = 3
_ERR_PASSWORD = 4
_ERR_SECURITY = 5

# Control characters PDFium may leave in a text layer (NUL, soft-hyphen markers, form
# feeds, U+FFFE/U+FFFF non-characters); tabs and newlines are kept.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


def read_pdf(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Source:
    """Read a PDF report; raise :class:`InputError` for anything that is not readable text.

    Nothing else escapes: a damaged file can make PDFium fail in many ways, and the user
    needs one line saying the file could not be read, not a traceback. The limits are
    checked before PDFium does the work they bound: the streams before any page is
    loaded, the page count before the pages, the objects of a page before its text.
    """
    if not data.strip():
        raise InputError("the file is empty")
    check_streams(data, limits)
    try:
        pages, pictures = _extract_pages(data, limits)
    except InputError:
        raise
    except Exception as exc:  # PDFium fails in many ways on a broken file
        raise InputError(f"not a readable PDF: {_one_line(exc)}") from None
    if not pages:
        raise InputError("the PDF has no pages")
    if not any(text.strip() for text in pages):
        raise InputError(NO_TEXT_LAYER)

    builder = TextBuilder(max_lines=limits.max_lines)
    lines: list[str] = []
    figures: list[Figure] = []
    starts: list[int] = []  # the line each page with text starts at
    for page_no, text in enumerate(pages, start=1):
        if not text.strip():
            continue  # an empty page (or a scanned one among text pages) adds no line
        where = f"第 {page_no} 页"
        # A picture stands before the line it is above (the page's next line when it is
        # below them all): column 1 of that line.
        first = len(lines) + 1
        starts.append(first)
        figures += (Figure(first + above, 1, 2, "", where) for above in pictures.get(page_no, ()))
        for line in text.split("\n"):
            builder.add(line, where=where)
            builder.newline()
            lines.append(line)
    text, positions = builder.build()
    return Source(
        path=path,
        kind="pdf",
        encoding=None,
        text=text,
        positions=positions,
        original_lines=tuple(lines),
        figures=tuple(figures),
        pages=tuple(starts),
    )


def _extract_pages(data: bytes, limits: Limits) -> tuple[list[str], dict[int, list[int]]]:
    """The text of each page, with LF line ends and no control characters; and, by page
    number (1-based), how many of its lines stand above each picture on it that may hold a
    table (:mod:`.pdf_pictures`; a page read upright whose characters' places are known)."""
    try:
        import pypdfium2 as pdfium
    except ImportError:  # a broken install: say so instead of a traceback
        raise InputError("cannot read PDF files: the pypdfium2 package is missing") from None

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == _ERR_PASSWORD:
            raise InputError(PASSWORD_PROTECTED) from None
        if code == _ERR_SECURITY:
            raise InputError("the PDF is encrypted with an unsupported security handler") from None
        if code == _ERR_FORMAT:  # PDFium's own words ("Data format error") do not say why
            raise InputError(
                "not a readable PDF: damaged, truncated or not a PDF (PDFium: data format error)"
            ) from None
        raise InputError(f"not a readable PDF: {_one_line(exc)}") from None
    try:
        count = len(document)
        if count > limits.max_pdf_pages:
            raise over("max-pdf-pages", limits.max_pdf_pages, f"{count} pages")
        pages: list[list[str]] = []  # the lines of each page
        rows: list[_Row] = []
        unmapped = 0  # pages whose text has no Unicode behind it
        limit = limits.max_pdf_page_chars
        # The pages whose text drawn turned a table cut by the page break may go on
        # from (the last; and before it, for a table over three pages), the latest first.
        last_turned: list[tuple[int, pdf_split.Turned]] = []
        digits = False  # whether any page's text has a digit
        digitless = 0  # the first page with no digit and unmapped characters, if any
        open_head: pdf_heads.Going | None = None  # the head of a table a page ends in
        pictured = pdf_pictures.may_hold_pictures(data)
        pictures: dict[int, list[int]] = {}  # the pages' pictures, as returned
        for index in range(count):
            page = document[index]
            part, last_turned = last_turned, []
            try:
                objects = pdfium.raw.FPDFPage_CountObjects(page.raw)
                if objects > limit:
                    raise over(
                        "max-pdf-page-chars", limit, f"{objects} objects on page {index + 1}"
                    )
                pdf_watermarks.remove_watermarks(pdfium, page)
                going_on = part[0][1].turn if part else 0
                textpage, bounds, drawn, aside, turn = _upright_textpage(pdfium, page, going_on)
                textpages = [textpage]
                try:
                    chars = textpage.count_chars()
                    if chars > limit:
                        raise over(
                            "max-pdf-page-chars", limit, f"{chars} characters on page {index + 1}"
                        )
                    if _unmapped(pdfium, textpage, drawn):
                        unmapped += 1
                        pages.append([])
                        continue
                    text, where, charbox, aside = _page_text(
                        pdfium, page, textpages, bounds, aside, going_on=0 < aside == going_on
                    )
                    if where is not None:
                        rejoined = pdf_wrapped.rejoin(text, where, charbox)
                        if rejoined is not None:
                            text, where = rejoined
                    if _DIGIT.search(text) is None:
                        if not digitless and _unmapped_chars(pdfium, textpages[0]):
                            digitless = index + 1
                    else:
                        digits = True
                    if where is not None and (turn or len(textpages) > 1):
                        turned = _turned(text, where, charbox, turn or aside, textpages)
                        if turned is not None:
                            last_turned = [(index, turned)]
                            if part:
                                text, where, last_turned = _join_cut_table(
                                    pages, rows, part, turned, text, where
                                )
                    if where is not None:
                        found, open_head = _value_rows(
                            index, text, _by_text_index(charbox, where), open_head
                        )
                        rows += found
                    else:
                        open_head = None
                    if pictured and where is not None and not turn and len(textpages) == 1:
                        tops = pdf_pictures.picture_tops(pdfium, page)
                        if tops:
                            lines = page_lines(text)
                            pictures[index + 1] = sorted(
                                {pdf_pictures.lines_above(lines, where, charbox, t) for t in tops}
                            )
                    pages.append(LINE_END.split(text))
                finally:
                    for opened in textpages:
                        opened.close()
            finally:
                page.close()
        if unmapped and not any(line.strip() for lines in pages for line in lines):
            raise InputError(UNMAPPED_TEXT)
        if digitless and not digits:
            raise InputError(UNMAPPED_DIGITS.format(page=digitless))
        laid_out = _lay_out_rows(pages, rows)
        return [_clean(page, lines, laid_out) for page, lines in enumerate(pages)], pictures
    finally:
        document.close()


#: How many characters of a page are looked at for the way its text runs (their angle)
#: and whether PDFium could tell what they are (their Unicode): spread over the page.
_SAMPLE = 16


#: The share of a page's characters that must run at one quarter turn for the page to be
#: read turned back: a page of upright text with a table turned on part of it is left as
#: it is (turning it would break the upright text, which PDFium reads well).
_TURNED_SHARE = 0.8


def _sample(pdfium: ModuleType, textpage: PdfTextPage) -> list[int]:
    """Up to ``_SAMPLE`` indexes of drawn characters spread over a page (not the spaces
    and line ends PDFium puts in, which have no angle or font of their own)."""
    chars = textpage.count_chars()
    generated = pdfium.raw.FPDFText_IsGenerated
    return [k for k in range(0, chars, max(1, chars // _SAMPLE)) if generated(textpage.raw, k) == 0]


def _upright_textpage(
    pdfium: ModuleType, page: PdfPage, going_on: int = 0
) -> tuple[PdfTextPage, tuple[float, float, float, float], list[int], int, int]:
    """The page's text page as it reads upright, the box its text is in, its sample of
    drawn characters (:func:`_sample`, for :func:`_unmapped`), the quarter turn some
    of its text runs at beside upright text (0 if none: see :func:`_aside_text`), and
    the quarter turn the whole page's text was turned back by (0 if none). After a page
    that ends in text drawn turned by ``going_on`` quarter turns (a table drawn sideways,
    which may go on at the top of this page: :mod:`pdf_split`), all the page's characters
    are looked at for text drawn so, not only a sample: the rest of a table may be a few
    labels' first characters.

    PDFium puts a page's characters in lines and orders the lines as the page is shown:
    on a page with ``/Rotate`` (a landscape table page turned in a portrait document, or a
    whole document printed turned) its lines come out in the wrong order, or each
    column of a table as a line; and text drawn turned on the page (a landscape table
    drawn sideways, ``/Rotate`` or not) is split into pieces. So the page is read
    unturned, and when nearly all its characters run at a quarter turn, its objects are
    turned back first (in memory only: the file is never written), making the text run
    left to right as a reader sees it. A page whose text is upright and not rotated (the
    common case) is read as it is: a few characters' angles are all it costs.
    """
    raw = pdfium.raw
    textpage = page.get_textpage()
    drawn = _sample(pdfium, textpage)
    angles = [raw.FPDFText_GetCharAngle(textpage.raw, k) for k in drawn]
    turns = collections.Counter(round(math.degrees(a) / 90) % 4 for a in angles if a >= 0)
    turn, count = turns.most_common(1)[0] if turns else (0, 0)
    if count < _TURNED_SHARE * turns.total():
        turn = 0  # upright text beside turned text: PDFium's order keeps the upright text
    aside = 0
    if turn in (1, 3) and page.get_rotation() == 0 and _upright_lines(pdfium, textpage):
        turn, aside = 0, turn  # a table drawn sideways under a few lines of prose
    elif turn == 0:
        seen, aside = max((turns[quarter], quarter) for quarter in (1, 3))
        aside = aside if seen >= _ASIDE_SAMPLE else 0
        if not aside and going_on and _runs_at(pdfium, textpage, going_on):
            aside = going_on
    if turn == 0 and page.get_rotation() == 0:
        return textpage, page.get_bbox(), drawn, aside or _BY_DIGITS, 0
    textpage.close()
    page.set_rotation(0)
    bounds = page.get_bbox()
    if turn:
        bounds = _turn_objects(pdfium, page, turn, bounds)
    textpage = page.get_textpage()
    return textpage, bounds, _sample(pdfium, textpage), aside, turn


#: How many upright characters a page of text nearly all drawn turned must have for them
#: to be read upright beside it: a line of prose (not a page number).
_UPRIGHT_CHARS = 20


def _upright_lines(pdfium: ModuleType, textpage: PdfTextPage) -> bool:
    """Whether a page whose sample of characters nearly all runs turned has a line's
    worth of upright ones (:data:`_UPRIGHT_CHARS`): a table drawn sideways that fills
    most of a page under a few lines of prose. Turned back whole, the prose would be
    read sideways; it is read upright and the table apart (:func:`_aside_text`). Only
    pages with text drawn turned pay for it: an angle per character."""
    angle, raw = pdfium.raw.FPDFText_GetCharAngle, textpage.raw
    generated = pdfium.raw.FPDFText_IsGenerated
    upright = 0
    for k in range(textpage.count_chars()):
        radians = angle(raw, k)
        if radians >= 0 and round(math.degrees(radians) / 90) % 4 == 0 and not generated(raw, k):
            upright += 1
            if upright >= _UPRIGHT_CHARS:
                return True
    return False


def _runs_at(pdfium: ModuleType, textpage: PdfTextPage, turn: int) -> bool:
    """Whether some of the page's characters run at ``turn`` quarter turns."""
    angle, raw = pdfium.raw.FPDFText_GetCharAngle, textpage.raw
    return any(
        (radians := angle(raw, k)) >= 0 and round(math.degrees(radians) / 90) % 4 == turn
        for k in range(textpage.count_chars())
    )


#: How many characters of a page's sample (:data:`_SAMPLE`) must run at one quarter turn
#: for the page to be looked at for text drawn turned beside upright text.
_ASIDE_SAMPLE = 2
#: The share of a page's characters (those of its pieces of text) that must run at that
#: quarter turn for them to be read turned back, apart: a table drawn sideways, not a
#: table header's label or a stamp drawn turned.
_ASIDE_SHARE = 0.1
#: The digits the text drawn turned must hold to be read apart: a table drawn sideways
#: has numbers; a table head's labels set vertically, or a stamp, have none.
_ASIDE_DIGITS = 4
#: The quarter turn :func:`_upright_textpage` gives an upright page whose sample of
#: characters shows none drawn turned: :func:`_turned_digits` then looks at its digits.
_BY_DIGITS = -1
#: How many of a page's digits, spread over it, are looked at for a quarter turn.
_DIGIT_SAMPLE = 48


def _turned_digits(pdfium: ModuleType, textpage: PdfTextPage, stream: str) -> int:
    """The quarter turn (1 or 3) that :data:`_ASIDE_DIGITS` or more of a sample of the
    page's digits run at, else 0: a table drawn sideways among upright text, which the
    sample of the page's characters missed.

    The sample of characters sees a turned table when its characters are a fair share of
    the page's; but where the table's font is not in the file and no CJK font is
    installed (a server), PDFium leaves the turned table's Chinese out of its text, and
    only its digits (in any font) are left: a few among a page of prose. A table is
    numbers: its digits are looked at (a sample of them, spread over the page).
    """
    digits = [match.start() for match in _DIGIT.finditer(stream)]
    if len(digits) < _ASIDE_DIGITS:
        return 0
    angle, raw = pdfium.raw.FPDFText_GetCharAngle, textpage.raw
    turns = collections.Counter(
        round(math.degrees(radians) / 90) % 4
        for radians in map(
            angle, itertools.repeat(raw), digits[:: max(1, len(digits) // _DIGIT_SAMPLE)]
        )
        if radians >= 0
    )
    seen, quarter = max((turns[quarter], quarter) for quarter in (1, 3))
    return quarter if seen >= _ASIDE_DIGITS else 0


#: A quarter turn (counter-clockwise, as PDFium's clockwise angles are turned back) as
#: the cosine and sine of a rotation about the origin.
_QUARTER = ((1, 0), (0, 1), (-1, 0), (0, -1))


def _turn_objects(
    pdfium: ModuleType, page: PdfPage, turn: int, bounds: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    """Turn the page's objects back by ``turn`` quarter turns about the origin (in memory
    only: the file is never written), and give the box ``bounds`` turns to."""
    raw = pdfium.raw
    cos, sin = _QUARTER[turn]
    for k in range(raw.FPDFPage_CountObjects(page.raw)):
        raw.FPDFPageObj_Transform(raw.FPDFPage_GetObject(page.raw, k), cos, sin, -sin, cos, 0, 0)
    left, bottom, right, top = bounds
    corners = [(left, bottom), (right, bottom), (left, top), (right, top)]
    xs = [cos * x - sin * y for x, y in corners]
    ys = [sin * x + cos * y for x, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _page_text(
    pdfium: ModuleType,
    page: PdfPage,
    textpages: list[PdfTextPage],
    bounds: tuple[float, float, float, float],
    aside: int,
    *,
    going_on: bool = False,
) -> tuple[str, list[int] | None, Callable[[int], Box], int]:
    """A page's text, for each of its characters the index of its character in the text
    page (None if not known: see :func:`_respace`), the character boxes by index, and the
    quarter turn of the part read apart (0: none).

    ``textpages`` holds the page's upright text page; a text page opened here is added to
    it (the caller closes them). PDFium's text of the page is taken as it is unless its
    drawing order goes against the page's (:mod:`pdf_order`) or a part of it is drawn
    turned beside upright text (``aside``; :data:`_BY_DIGITS`: the page's digits tell,
    :func:`_turned_digits`): then the page is laid out from its pieces' places. The
    turned part of a page that goes on from the last one (``going_on``: the rest of a
    table drawn sideways, cut by the page break) is read apart however small.
    """
    textpage = textpages[0]
    charbox = _charbox(pdfium, textpage)
    stream = textpage.get_text_range()
    drawn = pdf_order.pieces(stream, charbox)
    if aside == _BY_DIGITS:
        aside = _turned_digits(pdfium, textpage, stream)
    if aside:
        found = _aside_text(
            pdfium, page, textpages, charbox, drawn, aside, len(stream), going_on=going_on
        )
        if found is not None:
            return *found, aside
    if pdf_order.out_of_order(drawn):
        left, bottom, right, top = bounds
        shown = [p for p in drawn if left <= p.left <= right and bottom <= p.middle <= top]
        shown = pdf_order.split(shown, charbox)
        lines = pdf_order.reading_lines(shown, _sheet_cuts(pdfium, page))
        text, where = pdf_order.lay_out(lines, charbox)
        return *_join_spaced_digits(text, where, charbox), charbox, 0
    text = textpage.get_text_bounded(*bounds)
    respaced = _respace(text, stream, charbox)
    if respaced is None:
        return text, None, charbox, 0
    text, where = pdf_rows.break_run_on_rows(*_join_lone_first_cells(*respaced, charbox), charbox)
    return *_join_spaced_digits(text, where, charbox), charbox, 0


#: The most objects a sheet printed several pages to a sheet holds: a form object (a
#: group of objects) for each page, and a few more (a frame, crop marks).
_SHEET_OBJECTS = 16


def _sheet_cuts(pdfium: ModuleType, page: PdfPage) -> list[float]:
    """Where a sheet printed several pages to a sheet (2-up) is cut between its pages
    side by side (x, left to right); none for any other page.

    Such a sheet draws each page as a form object, side by side. Read in order, each
    page's lines come as PDFium gives them; drawn out of order (a running header drawn
    after a page's body), the sheet is laid out from its pieces, and the page beside a
    page mostly of a table's numbers was read across with it, line by line (the two
    pages' lines mixed): the columns of a page are not looked for where its numbers are
    (:func:`pdf_order._columns`). Only a page drawn out of order with few objects pays
    for it: a call or two per object.
    """
    raw = pdfium.raw
    count = raw.FPDFPage_CountObjects(page.raw)
    if count > _SHEET_OBJECTS:
        return []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    spans = []
    for k in range(count):
        obj = raw.FPDFPage_GetObject(page.raw, k)
        if raw.FPDFPageObj_GetType(obj) == _FORM_OBJECT and raw.FPDFPageObj_GetBounds(
            obj, left, bottom, right, top
        ):
            spans.append((left.value, right.value))
    spans.sort()
    if len(spans) < 2 or any(a[1] > b[0] for a, b in itertools.pairwise(spans)):
        return []  # (forms stacked, or one over another: no pages side by side)
    return [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(spans)]


def _aside_text(
    pdfium: ModuleType,
    page: PdfPage,
    textpages: list[PdfTextPage],
    first: Callable[[int], Box],
    drawn: list[pdf_order.Piece],
    aside: int,
    offset: int,
    *,
    going_on: bool = False,
) -> tuple[str, list[int], Callable[[int], Box]] | None:
    """The text of a page of upright text with a part drawn turned by ``aside`` quarter
    turns (a table printed sideways on a page of prose), the turned part read upright
    where it stands on the page; None if that part holds no numbers
    (:data:`_ASIDE_DIGITS`) or is small (:data:`_ASIDE_SHARE`, once read upright), unless
    it goes on from the last page (``going_on``: see :func:`_page_text`). ``first`` gives
    the boxes of the upright text page's characters, ``drawn`` its pieces.

    PDFium splits text drawn turned into pieces of a few characters, or joins a turned
    table's columns into lines: its text of the turned part reads as nothing. So the
    page's objects are turned back and read again (a second text page, whose indexes
    follow the first's, from ``offset``): the turned part now reads upright, and is put
    as a block of lines among the upright lines, before the first that stands below its
    top.
    """
    upright_page = textpages[0]
    angle = pdfium.raw.FPDFText_GetCharAngle

    def turn_of(textpage: PdfTextPage, index: int) -> int:
        radians = angle(textpage.raw, index)
        return round(math.degrees(radians) / 90) % 4 if radians >= 0 else 0

    turned = [
        char
        for p in drawn
        for index, char in enumerate(p.text, p.start)
        if turn_of(upright_page, index) == aside
    ]
    if not turned:
        return None
    if not going_on and sum(char.isdigit() for char in turned) < _ASIDE_DIGITS:
        return None  # a table head's labels set vertically, a stamp: no numbers to read
    _turn_objects(pdfium, page, aside, page.get_bbox())
    turned_page = page.get_textpage()
    textpages.append(turned_page)
    second = _charbox(pdfium, turned_page)

    def charbox(index: int) -> Box:
        return first(index) if index < offset else second(index - offset)

    # (each character by its own angle: PDFium may run turned text into an upright piece)
    upright = pdf_order.split(drawn, first, lambda k: turn_of(upright_page, k) != aside)
    block = pdf_order.split(
        pdf_order.pieces(turned_page.get_text_range(), second, offset),
        charbox,
        lambda k: turn_of(turned_page, k - offset) == 0,
    )
    # Its share of the page is taken from the turned part read upright: PDFium may leave
    # characters drawn turned out of the first text page (a font not in the file, and no
    # CJK font installed: the table's Chinese), never those it reads upright.
    size = sum(len(p.text) for p in block)
    if not block or (
        not going_on and size < _ASIDE_SHARE * (size + sum(len(p.text) for p in upright))
    ):
        return None
    cos, sin = _QUARTER[aside]  # (a point turned back: its y on the page as drawn)
    top = max(
        cos * y - sin * x for p in block for x in (p.left, p.right) for y in (p.bottom, p.top)
    )
    lines = pdf_order.insert_block(
        pdf_order.reading_lines(upright), pdf_order.reading_lines(block), top
    )
    return *pdf_order.lay_out(lines, charbox), charbox


def _turned(
    text: str,
    where: list[int],
    charbox: Callable[[int], Box],
    turn: int,
    textpages: list[PdfTextPage],
) -> pdf_split.Turned | None:
    """The boxes of the lines of a page's text drawn turned by ``turn`` quarter turns,
    in the page turned back (:class:`pdf_split.Turned`): every line of a page turned
    back whole (one text page), the lines read apart from the second text page of a page
    with a table drawn sideways (:func:`_aside_text`). Only pages with text drawn turned
    pay for it: a box per character."""
    offset = len(textpages[0].get_text_range()) if len(textpages) > 1 else 0
    boxes: list[pdf_split.LineBox | None] = []
    for start, line in page_lines(text):
        found = [
            charbox(where[at])
            for at in range(start, start + len(line))
            if where[at] >= offset and not text[at].isspace()
        ]
        boxes.append(
            (min(b[0] for b in found), min(b[1] for b in found), max(b[3] for b in found))
            if found
            else None
        )
    return pdf_split.Turned(turn, boxes) if any(boxes) else None


def _join_cut_table(
    pages: list[list[str]],
    rows: list[_Row],
    last: list[tuple[int, pdf_split.Turned]],
    part: pdf_split.Turned,
    text: str,
    where: list[int],
) -> tuple[str, list[int], list[tuple[int, pdf_split.Turned]]]:
    """The page's ``text`` and ``where`` without the lines that go on the rows of a
    table drawn sideways and cut by the page break (:func:`pdf_split.join`), and the pages
    whose turned lines the next page's part may go on (each page's number and its turned
    lines' boxes, the latest first: this page's ``part`` as it is left, then those of
    ``last`` that its lines went on). Each page of ``last`` is tried in turn with the
    lines left: the lines gone on are rewritten in place and their rows of numbers
    (``rows``) forgotten (their cells are those of the row cut short).

    A table cut over three pages or more has its middle on a page of its own, whose
    lines go on the rows of the page before (its head's lines, standing where the first
    page has none, may stay); the next page's part goes on those left, then on the rows
    of the first page. A page whose upright text has words is no table's middle: the
    pages before it are not tried again.
    """
    joined_to: list[tuple[int, pdf_split.Turned]] = []
    lines = LINE_END.split(text)
    for page, first in last:
        found = pdf_split.join(pages[page], first, lines, part)
        if found is None:
            continue
        joined, moved = found
        for number, line in joined.items():
            pages[page][number] = line
        rows[:] = [row for row in rows if row.page != page or row.line not in joined]
        starts = [0, *(m.end() for m in LINE_END.finditer(text))]
        kept = [k for k in range(len(lines)) if k not in moved]
        new_where: list[int] = []
        for k in kept:
            if new_where:
                new_where.append(-1)
            new_where += where[starts[k] : starts[k] + len(lines[k])]
        lines, where = [lines[k] for k in kept], new_where
        text = "\n".join(lines)
        part = pdf_split.Turned(part.turn, [part.boxes[k] for k in kept])
        joined_to.append((page, first))
        if not any(part.boxes):
            break
    going_on = [(len(pages), part)] if any(part.boxes) else []
    upright = [line for line, box in zip(lines, part.boxes, strict=True) if not box]
    if joined_to and not any(_WORDS.search(line) for line in upright):
        going_on += joined_to
    return text, where, going_on


def _unmapped(pdfium: ModuleType, textpage: PdfTextPage, drawn: list[int]) -> bool:
    """Whether most of a page's characters (``drawn``: a sample of them) have no Unicode
    that PDFium could find.

    A font with no ToUnicode map whose character codes are glyph numbers (Identity-H, an
    embedded subset) gives PDFium nothing to go by: it makes up characters, and the text
    is gibberish that no finding about it would be true of. A map to the Private Use Area
    (some exporters' way of saying "a glyph of this font") is no better.
    """
    raw = pdfium.raw
    errors = sum(
        1
        for k in drawn
        if raw.FPDFText_HasUnicodeMapError(textpage.raw, k) == 1
        or _PRIVATE_USE[0] <= raw.FPDFText_GetUnicode(textpage.raw, k) <= _PRIVATE_USE[1]
    )
    return errors * 2 > len(drawn)


#: Any digit, half or full width.
_DIGIT = re.compile("[0-9０-９]")
#: A character of words (not a page number's): a Chinese character or a Latin letter.
_WORDS = re.compile(r"[\u3400-\u9fffA-Za-z]")
#: How many characters with no Unicode behind them a page without a digit must have for
#: its numbers to be unreadable (a symbol or two of a bullet font is not numbers).
_UNMAPPED_CHARS = 8


def _unmapped_chars(pdfium: ModuleType, textpage: PdfTextPage) -> bool:
    """Whether a page whose text has no digit has :data:`_UNMAPPED_CHARS` characters or
    more whose Unicode PDFium could not find.

    Word and WPS set a report's digits in a font of their own (Times New Roman beside
    SimSun); when that font has no ToUnicode map, the text is right but for the digits,
    which come out as other characters: a report with no digit anywhere, not even in its
    year. Its tables would then look missing and its period unstated, findings not true
    of it; the reader says what is wrong instead (when no page has a digit). Only pages
    without a digit pay for it (a call per character): a report's pages mostly have one.
    """
    error, raw = pdfium.raw.FPDFText_HasUnicodeMapError, textpage.raw
    found = 0
    for k in range(textpage.count_chars()):
        found += error(raw, k) == 1
        if found >= _UNMAPPED_CHARS:
            return True
    return False


#: The Basic Multilingual Plane's Private Use Area: codes with no meaning of their own.
_PRIVATE_USE = (0xE000, 0xF8FF)


# PDFium ends lines with CRLF; a lone CR or LF is a line end too.


_TOKEN = re.compile(r"[^ ]+")
#: A page number between dashes ("- 2 -", "— 2 —"), in a line stripped of its blanks: a
#: line of values, but no row.
_PAGE_NUMBER = re.compile(r"[-—–－]\s*[0-9０-９]+\s*[-—–－]")
#: The last characters a cell of numbers can have (a line ending otherwise is no row).
_VALUE_ENDS = frozenset("0123456789０１２３４５６７８９%％—–―-－/／无")
#: How far (points) two cells' edges or centres may be apart and still stand in one column.
_ALIGN = 1.5
#: How far from a whole number of columns a gap may be, as a share of a column's width.
_GAP_SLACK = 0.2


class _Cell:
    """One cell of a row of numbers: where its text is in its line, and its box's sides."""

    __slots__ = ("end", "left", "right", "start")

    def __init__(self, start: int, end: int, left: float, right: float) -> None:
        self.start, self.end, self.left, self.right = start, end, left, right


class _Row:
    """A line that ends in numbers (a table row): where it is, its label's end, its cells."""

    __slots__ = ("cells", "edges", "head", "label_end", "line", "page")

    def __init__(self, page: int, line: int, label_end: int, cells: list[_Cell]) -> None:
        self.page, self.line, self.label_end, self.cells = page, line, label_end, cells
        #: The columns of its table's head, if the page shows them (:mod:`pdf_heads`).
        self.head: pdf_heads.Columns | None = None
        #: The x of its cells' left edges, right edges and centres, where a column's
        #: cells line up (left to right: each list is sorted).
        self.edges = (
            [c.left for c in cells],
            [c.right for c in cells],
            [(c.left + c.right) / 2 for c in cells],
        )


def _charbox(pdfium: ModuleType, textpage: PdfTextPage) -> Callable[[int], Box]:
    """The loose box of the character at an index of ``textpage``: left, bottom, right, top.

    PDFium's own function with one rectangle for all calls: pypdfium2's ``get_charbox``
    makes a rectangle per call, and a report's rows need some hundreds of boxes.
    """
    rect = pdfium.raw.FS_RECTF()
    get, raw = pdfium.raw.FPDFText_GetLooseCharBox, textpage.raw

    def charbox(index: int) -> Box:
        if not get(raw, index, rect):
            raise pdfium.PdfiumError("failed to get a character's box")
        return rect.left, rect.bottom, rect.right, rect.top

    return charbox


#: Whitespace: what PDFium inserts between characters (spaces, line ends) in its text.
_NON_SPACE = re.compile(r"\S")


def _respace(text: str, stream: str, charbox: Callable[[int], Box]) -> tuple[str, list[int]] | None:
    """The page's text with a space between two cells that PDFium joined, and for each
    character of it the index of its character in the text page (-1 for a space put in).

    ``text`` is PDFium's text of the page laid out in lines; ``stream`` its characters one
    per index, with the line ends and spaces PDFium generated. Some PDFs (Chromium's
    "Save as PDF", some exporters) draw each cell as its own piece of text; PDFium then
    ends a line after each piece, and its laid-out text puts the pieces of one line side
    by side with nothing between them: a row of one-digit cells ``1 0 0 0 0 0 1`` comes
    out as ``1000001``. The two texts hold the same characters but for whitespace, so
    each character of ``text`` is found in ``stream``; where two characters side by side
    in ``text`` were in two pieces (a line end between them in ``stream``) and stand
    apart on the page (a gap wider than a share of a character, or the second to the left
    of the first), a space goes between them. None if the two texts do not match
    (nothing is changed then, and no character's box is known).
    """
    shown = [m.start() for m in _NON_SPACE.finditer(text)]
    drawn = [m.start() for m in _NON_SPACE.finditer(stream)]
    if len(shown) != len(drawn) or "".join(map(text.__getitem__, shown)) != "".join(
        map(stream.__getitem__, drawn)
    ):
        return None
    where = [-1] * len(text)
    collections.deque(map(where.__setitem__, shown, drawn), maxlen=0)  # (a C-level loop)
    # Side by side in ``text`` (one apart) but not in ``stream``: told by C-level passes
    # over the whole page, then looked at one by one (most pages have none, or a few rows).
    joined = itertools.compress(
        range(len(shown) - 1),
        map(
            operator.and_,
            map((1).__eq__, map(operator.sub, shown[1:], shown)),
            map((1).__ne__, map(operator.sub, drawn[1:], drawn)),
        ),
    )
    cuts = [
        shown[k] + 1
        for k in joined
        if "\n" in stream[drawn[k] : drawn[k + 1]]
        and apart(charbox(drawn[k]), charbox(drawn[k + 1]))
    ]
    if not cuts:
        return text, where
    parts = [text[a:b] for a, b in itertools.pairwise([0, *cuts, len(text)])]
    indexes = [where[a:b] for a, b in itertools.pairwise([0, *cuts, len(text)])]
    return " ".join(parts), [
        *itertools.chain.from_iterable([*part, -1] for part in indexes[:-1]),
        *indexes[-1],
    ]


#: A line of one number (or placeholder) and no more, the line end after it, and the
#: first character of the next line.
_LONE_CELL = re.compile(r"^(?:" + VALUE.pattern + r")(\r\n|\r|\n)(?=\S)", re.M)
#: A line of one word (a row's label) and no more, and the line end after it, before a
#: line of numbers (two or more) and no more.
_LONE_LABEL = re.compile(
    rf"^\S+(\r\n|\r|\n)(?=(?:{VALUE.pattern})(?: (?:{VALUE.pattern}))+[ \t]*(?:\r|\n|$))", re.M
)


def _join_lone_first_cells(
    text: str, where: list[int], charbox: Callable[[int], Box]
) -> tuple[str, list[int]]:
    """The page's text with a row's first cell put back on its row's line.

    On a page of few pieces, each a one-digit cell (a PDF written by a program, cell by
    cell), PDFium may take the pieces for a column of text and end a line after each;
    its laid-out text then gives the row's first cell a line of its own and the rest the
    next line ("1", then "0001", spaced by :func:`_respace`). A line of one number whose
    next line starts on its baseline, to its right, is that row's start: the line end
    becomes a space. So is a line of one word (the row's label) before a line of
    numbers on its baseline, to its right: PDFium may give a row's label a line of its
    own the same way ("Aa", then "1 0 0 0 1"), and the row lost its label. Only pages
    with such a line pay for it: two boxes each.
    """
    ends = sorted(
        match.start(1) for pattern in (_LONE_CELL, _LONE_LABEL) for match in pattern.finditer(text)
    )
    joins = [
        at
        for at in dict.fromkeys(ends)  # (a lone number before numbers matches both)
        if where[at - 1] >= 0
        and where[at + (2 if text.startswith("\r\n", at) else 1)] >= 0
        and _on_one_line(
            charbox(where[at - 1]), charbox(where[at + (2 if text.startswith("\r\n", at) else 1)])
        )
    ]
    if not joins:
        return text, where
    for at in reversed(joins):
        end = at + (2 if text.startswith("\r\n", at) else 1)
        text = text[:at] + " " + text[end:]
        where[at:end] = [-1]
    return text, where


#: Single digits with spaces between them (and a thousands separator between two of
#: them), not part of a longer number or decimal.
_SPACED_DIGITS = re.compile(r"(?<![\d.,])\d(?: *, *\d| +\d)+(?![\d.,])")
#: A gap narrower than this share of a digit's width is a gap inside one number.
_DIGIT_GAP = 0.75


def _join_spaced_digits(
    text: str, where: list[int], charbox: Callable[[int], Box]
) -> tuple[str, list[int]]:
    """The page's text with a number spelt digit by digit put back together.

    The text layer of a scanned report (OCR) and some exporters place each digit of a
    number on its own, a little apart: PDFium puts a space between them and a cell's
    ``1493`` comes out as ``1 4 9 3`` (``2,456`` as ``2 , 4 5 6``), four cells to the
    reader. Where single digits (or a thousands separator between two) follow one
    another on a baseline with a gap narrower than a digit (a gap between
    two cells is wider: a cell's padding and its border), the spaces go. A run with a
    piece of two digits or more (``2022 2023``) is left alone. Pages pay only for runs
    of one-digit cells: two boxes per space.
    """
    cuts: list[tuple[int, int]] = []
    for match in _SPACED_DIGITS.finditer(text):
        marks = [k for k in range(match.start(), match.end()) if text[k] != " "]
        for first, second in itertools.pairwise(marks):
            if second == first + 1 or where[first] < 0 or where[second] < 0:
                continue
            one, two = charbox(where[first]), charbox(where[second])
            width = max(one[2] - one[0], two[2] - two[0])  # (a digit's, beside a comma)
            if _on_one_line(one, two) and two[0] - one[2] < _DIGIT_GAP * width:
                cuts.append((first + 1, second))
    if not cuts:
        return text, where
    for start, end in reversed(cuts):
        text = text[:start] + text[end:]
        del where[start:end]
    return text, where


def _on_one_line(first: Box, second: Box) -> bool:
    """Whether the second character stands right of the first on its baseline (their
    boxes' bottoms and tops at one height)."""
    return (
        abs(first[1] - second[1]) <= _ALIGN
        and abs(first[3] - second[3]) <= _ALIGN
        and second[0] >= first[2] - _ALIGN
    )


def _by_text_index(charbox: Callable[[int], Box], where: list[int]) -> Callable[[int], Box]:
    """``charbox`` asked by an index of the page's text (see :func:`_respace`)."""
    return lambda at: charbox(where[at])


def _value_rows(
    page: int, text: str, charbox: Callable[[int], Box], open_head: pdf_heads.Going | None
) -> tuple[list[_Row], pdf_heads.Going | None]:
    """The lines of a page that end in numbers, with each number's box, and the head's
    columns of the table the page ends in (``open_head``: the last page's).

    A line counts if it ends in two numbers or more: a row of a statistical table as
    PDFium gives it ("（一）予以公开 5 1 7 0 0 13"). A lone number is left as it is: it
    is mostly the one value of a cell that spans the row (行政许可 1493). A row's line is
    its number among the page's lines (split at ``LINE_END``). A cell's sides
    are those of its characters' loose boxes (the glyphs' advance, not their ink: a "1"
    and a "4" right-aligned end at one x, though their ink does not). Each row has its
    table's head's columns, where the page shows them (:func:`pdf_heads.heads`).
    """
    rows: list[_Row] = []
    starts = [0, *(m.end() for m in LINE_END.finditer(text))]
    lines = LINE_END.split(text)
    for number, line in enumerate(lines):
        if not line or line[-1] not in _VALUE_ENDS:
            continue
        start = starts[number]
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(line)]
        first = len(tokens)
        while first and VALUE.fullmatch(line, *tokens[first - 1]):
            first -= 1
        if len(tokens) - first >= 2 and not (first == 0 and _PAGE_NUMBER.fullmatch(line.strip())):
            cells = []
            for a, b in tokens[first:]:
                left, _, right, _ = charbox(start + a)
                if b - a > 1:
                    right = charbox(start + b - 1)[2]
                cells.append(_Cell(a, b, left, right))
            rows.append(_Row(page, number, tokens[first - 1][1] if first else 0, cells))
    if not rows:
        return rows, pdf_heads.ending(lines, starts, charbox)
    found = {row.line: (row.label_end, len(row.cells)) for row in rows}
    heads, open_head = pdf_heads.heads(lines, starts, found, charbox, open_head)
    for row in rows:
        row.head = heads.get(row.line)
    return rows, open_head


def _lay_out_rows(pages: list[list[str]], rows: Sequence[_Row]) -> set[tuple[int, int]]:
    """Separate the cells of each row with a blank cell by TABs, blank cells empty.

    A row's columns are those of the fullest row (the nearest of the fullest) whose cells
    its cells stand under, one each and in order, on its page or the next or last (a row
    of the same table: another table's cells do not line up with these, all by one
    edge), or those of its table's head where they are more (:mod:`pdf_heads`: the
    fuller row has a blank cell too) or there is no such row; a row under neither, with
    four cells or more, takes its
    columns from its own gaps, when they are whole numbers of a regular column width (a
    blank cell between two numbers). The lines of ``pages`` are rewritten in place; the
    (page, line) of each rewritten one is returned.
    """
    laid_out: set[tuple[int, int]] = set()
    by_page: dict[int, list[tuple[int, _Row]]] = {}
    for position, row in enumerate(rows):
        by_page.setdefault(row.page, []).append((position, row))
    near: dict[int, list[tuple[int, _Row]]] = {
        page: [r for p in (page - 1, page, page + 1) for r in by_page.get(p, ())]
        for page in by_page
    }
    for position, row in enumerate(rows):
        slots = _slots_by_reference(row, position, near[row.page])
        by_head = pdf_heads.slots_by_head(row.cells, row.head) if row.head else None
        if by_head is not None and (slots is None or len(by_head) > len(slots)):
            slots = by_head  # (the fuller row may have a blank cell of its own)
        slots = slots or _slots_by_gaps(row.cells)
        if slots is None:
            continue
        line = pages[row.page][row.line]
        fields = [line[c.start : c.end] if c is not None else "" for c in slots]
        label = line[: row.label_end]
        pages[row.page][row.line] = "\t".join([label, *fields] if label else fields)
        laid_out.add((row.page, row.line))
    return laid_out


def _slots_by_reference(
    row: _Row, position: int, near: Sequence[tuple[int, _Row]]
) -> list[_Cell | None] | None:
    """The row's cells under the columns of the fullest row they stand under, the
    nearest of those (``near``: the rows of the same page and the next and last, with
    their positions: a table goes on over a page break; a fuller row may have blank
    cells of its own)."""
    first, last = row.cells[0], row.cells[-1]
    fuller = [
        (len(other.cells), -abs(other_position - position), other)
        for other_position, other in near
        if len(other.cells) > len(row.cells)
        # (a cell under a column reaches into it: a row beside this one is not tried)
        and first.right >= other.cells[0].left - _ALIGN
        and last.left <= other.cells[-1].right + _ALIGN
    ]
    fuller.sort(key=lambda candidate: candidate[:2], reverse=True)
    for _, _, other in fuller:
        slots = _under(row, other)
        if slots is not None:
            return slots
    return None


def _under(row: _Row, columns: _Row) -> list[_Cell | None] | None:
    """``row``'s cells laid under the cells of ``columns`` in order, None where a column
    has no cell, every cell lined up with its column by one edge (left, right or
    centre); None if there is no such edge (then the rows are not of one table)."""
    width = len(columns.cells)
    for xs, column_xs in zip(row.edges, columns.edges, strict=True):
        slots: list[_Cell | None] = [None] * width
        at = 0
        for cell, x in zip(row.cells, xs, strict=True):
            at = bisect.bisect_left(column_xs, x - _ALIGN, at)
            if at == width or column_xs[at] > x + _ALIGN:
                break
            slots[at] = cell
            at += 1
        else:
            return slots
    return None


def _slots_by_gaps(cells: Sequence[_Cell]) -> list[_Cell | None] | None:
    """The cells with a blank slot for each missing column, if the gaps say so.

    Only for a row of four cells or more whose gaps (centre to centre) are mostly one
    width: a gap of about twice that width has a blank cell in it (表四 has one row of
    fifteen cells, and no fuller row to stand under). A blank cell at either end cannot
    be seen this way.
    """
    if len(cells) < 4:
        return None
    centres = [c.left + c.right for c in cells]  # (twice the centre: only ratios count)
    gaps = [b - a for a, b in itertools.pairwise(centres)]
    width = sorted(gaps)[len(gaps) // 2]  # (the median, or near it)
    if width <= 0 or sum(abs(g - width) <= _GAP_SLACK * width for g in gaps) * 2 <= len(gaps):
        return None
    slots: list[_Cell | None] = [cells[0]]
    for gap, cell in zip(gaps, cells[1:], strict=True):
        columns = round(gap / width)
        if columns >= 2 and abs(gap - columns * width) <= _GAP_SLACK * width:
            slots += [None] * (columns - 1)
        slots.append(cell)
    return slots if len(slots) > len(cells) else None


def _clean(page: int, lines: list[str], laid_out: set[tuple[int, int]]) -> str:
    """A page's lines joined by LF, without control characters or trailing blanks (a
    laid-out row keeps its last TAB: the blank last cell)."""
    lines = _CONTROL.sub("", "\n".join(lines)).split("\n")
    return "\n".join(
        line if (page, number) in laid_out else line.rstrip(" \t")
        for number, line in enumerate(lines)
    )


def _one_line(exc: BaseException) -> str:
    """An exception as a short clause: one line, no trailing period."""
    message = " ".join(str(exc).split()) or type(exc).__name__
    message = message.rstrip(".")
    return message[:1].lower() + message[1:]
