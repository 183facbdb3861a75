"""Put a PDF page's text in reading order when its content stream does not draw it so.

PDFium's text of a page follows the content stream: it starts a line where the next
character is not beside the last one, but it never moves text. Most producers draw a page
as it reads (top to bottom, a table row by row), and PDFium's text is then the page's. Some
do not: a table drawn column by column (all labels, then each column of numbers), prose
drawn bottom-up or in no order at all (a PDF edited after the fact, some report
generators). Read in drawing order, such a table is a list of labels and a list of
numbers, and nothing in the text says which number is whose.

So each line of PDFium's text in drawing order (a *piece*: text drawn at one place) is
taken with its box, and :func:`out_of_order` tells whether the drawing order goes against
the page's. Only then is the page laid out anew from the pieces' places
(:func:`reading_lines`): the page's columns (wide blocks of text side by side, a gutter
between them that no piece crosses), in each column the lines from top to bottom (pieces
whose boxes overlap by half their height: a superscript or a smaller cell stands on its
line, a heading in a larger font is a line of its own), each line's pieces left to right.
Pages drawn in order are left as PDFium gives them: a two-column page drawn column by
column, a table drawn row by row, and the small departures every producer makes (a page
number drawn first, a cell spanning rows drawn with its first row) do not count as out of
order.

The same lines are made for a table drawn sideways on a page of upright text: the reader
reads its turned part from the page turned back, and :func:`insert_block` puts its lines
among the upright ones where it stands.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence

#: A character's or a piece's box: left, bottom, right, top (PDF points, y up).
Box = tuple[float, float, float, float]

#: What ends a line of a page's text as PDFium gives it (CR LF) or as the reader lays it
#: out (LF).
LINE_END = re.compile(r"\r\n|\r|\n")


def page_lines(text: str) -> list[tuple[int, str]]:
    """The lines of a page's ``text`` (cut at :data:`LINE_END`), each with where it starts
    in the text: what the steps that look at a page's lines with their characters' places
    (``where``, by offset in the text) go through."""
    starts = [0, *(end.end() for end in LINE_END.finditer(text))]
    return list(zip(starts, LINE_END.split(text), strict=True))


# A line of PDFium's text in drawing order: what lies between two line ends.
_PIECE = re.compile(r"[^\r\n]+")
#: A cell's text in a row of numbers: a number (1,493 / 12.35 / 5% / -1, full-width
#: digits too) or a placeholder for "none" (— / - / 无).
VALUE = re.compile(r"[-+−－]?[0-9０-９][0-9０-９,，.．%％]*|[—–―\-－/／]{1,2}|无")
#: Steps back (to a piece above the last one and not to its right) a page may have and be
#: in order: a page number or a header drawn first, a stamp or a note drawn last. (A page
#: of a few lines is out of order with fewer, if most of its steps go back.)
_STEPS_BACK = 3
#: The widest gap between two lines, in the lower one's heights, for the upper one to be
#: the line right above it (see :func:`_back_a_line`).
_LINE_ABOVE = 1.5
#: Steps down a column of numbers (a number drawn right under the number drawn before)
#: that make a page out of order: a table drawn column by column makes one per row and
#: column; no producer drawing a table row by row makes any.
_STEPS_DOWN = 1
#: Rows of numbers drawn late (see :func:`_drawn_late`) that make a page out of order: a
#: long label broken over many lines leaves its numbers a row or two behind it at most.
_LATE_ROWS = 4
#: How many pieces drawn last are looked at for one on a number's line.
_RECENT = 10
#: How far under a number (in its heights) the next number may stand to be the next cell
#: of its column: a row of a table is a few lines high at most; a page number far below
#: a table's last number is not its next cell.
_ROWS_APART = 4
#: The narrowest share of the page's text width a column of the page can have: a table's
#: columns (a column of numbers) are narrower, and a table is read row by row.
_COLUMN_SHARE = 0.25
#: The narrowest gap (points) between two columns of a page.
_GUTTER = 6.0
#: How much of the lower of two pieces' heights they must share to stand on one line.
_SAME_LINE = 0.5
#: A gap wider than this share of a character's width, or a step back, between two pieces
#: of text side by side is a gap between two cells (or words): a space goes there.
_CELL_GAP = 0.3


class Piece:
    """A line of PDFium's text in drawing order: its characters' indexes (``start`` to
    ``end``, the first and last not a space), its text, and its box.

    A piece's right is its last character's, looked up when first asked for (with
    ``charbox``, by the character's index less ``offset``): telling whether a page is in
    order needs it for few pieces, and most pages are.
    """

    __slots__ = ("_charbox", "_offset", "_right", "bottom", "end", "left", "start", "text", "top")

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        box: Box,
        charbox: Callable[[int], Box] | None = None,
        offset: int = 0,
    ) -> None:
        self.start, self.end, self.text = start, end, text
        self.left, self.bottom, right, self.top = box
        self._right: float | None = right if charbox is None or end - start == 1 else None
        self._charbox, self._offset = charbox, offset

    @property
    def right(self) -> float:
        if self._right is None:
            assert self._charbox is not None  # (set when the right is not)
            self._right = self._charbox(self.end - 1 - self._offset)[2]
        return self._right

    @property
    def middle(self) -> float:
        return (self.bottom + self.top) / 2


def pieces(stream: str, charbox: Callable[[int], Box], offset: int = 0) -> list[Piece]:
    """The pieces of ``stream`` (a text page's characters, one per index, with the line
    ends PDFium put in), their indexes moved on by ``offset``; a piece's box reaches from
    its first character's left, bottom and top to its last one's right."""
    found = []
    for match in _PIECE.finditer(stream):
        line = match.group()
        text = line.strip()
        if text:
            start = match.start() + len(line) - len(line.lstrip())
            found.append(
                Piece(
                    start + offset,
                    start + offset + len(text),
                    text,
                    charbox(start),
                    charbox,
                    offset,
                )
            )
    return found


def split(
    drawn: Sequence[Piece],
    charbox: Callable[[int], Box],
    keep: Callable[[int], bool] | None = None,
) -> list[Piece]:
    """The pieces cut where their characters do not run on side by side: at a space, a
    wide gap, a step back or a character on another line; only the characters ``keep``
    says yes to (by index), if given.

    PDFium joins pieces drawn one after the other on one line, with a space between, even
    with a third drawn between them later (a cell of a table drawn column by column, or in
    no order); and it runs text drawn turned into one piece, lines and cells and all, or
    into a piece of upright text.
    """
    cut = []
    for piece in drawn:
        run: list[int] = []  # the indexes of the characters side by side so far
        boxes: list[Box] = []
        for index, char in enumerate(piece.text, piece.start):
            kept = not char.isspace() and (keep is None or keep(index))
            box = charbox(index) if kept else None
            if run and (box is None or not _beside(boxes[-1], box)):
                cut.append(_piece(piece, run, boxes))
                run, boxes = [], []
            if box is not None:
                run.append(index)
                boxes.append(box)
        if run:
            cut.append(_piece(piece, run, boxes))
    return cut


def _beside(last: Box, box: Box) -> bool:
    """Whether a character goes on from the last one: on its line, not apart from it."""
    return last[1] <= (box[1] + box[3]) / 2 <= last[3] and not apart(last, box)


def _piece(piece: Piece, run: list[int], boxes: list[Box]) -> Piece:
    """The part of ``piece`` of the characters at ``run`` (their ``boxes``)."""
    start, end = run[0], run[-1] + 1
    text = piece.text[start - piece.start : end - piece.start]
    return Piece(start, end, text, (boxes[0][0], boxes[0][1], boxes[-1][2], boxes[0][3]))


def out_of_order(drawn: Sequence[Piece]) -> bool:
    """Whether the pieces' drawing order goes against the page's reading order.

    Three signs, counted over the pieces in drawing order: a step back (the next piece
    stands wholly above the last one, not to its right: to its right it is the next
    column of a page or the next cell of a row), a step down a column of numbers (the
    next piece a number under the last, a number too, a few lines below it at most), and
    a row of numbers drawn late (after its label and many pieces more, as a form's filled
    in values are). A producer drawing the page as it reads makes at most a few steps back
    (a page number drawn first, a cell spanning rows drawn with its first row), no step
    down a column of numbers, and a row drawn late or two (a long label broken over many
    lines); a page of three lines drawn bottom-up makes two steps back, and that is most
    of its steps. A step back to the line right above (:func:`_back_a_line`) weighs
    double there: a page of three lines with one line drawn before the one above it has
    one step back of two, where a page number drawn first has one far away. On a longer
    page one such step back is enough when the drawing then goes on under the line it
    stepped back from (:func:`_swapped`): two lines drawn in each other's place.
    """
    back = near = down = late = swapped = 0
    for k, (last, piece) in enumerate(itertools.pairwise(drawn), 1):
        middle = (piece.bottom + piece.top) / 2
        if middle > last.top:
            if piece.left < last.right:
                back += 1
                if _back_a_line(last, piece):
                    near += 1
                    swapped += _swapped(drawn, k)
        elif middle >= last.bottom:
            continue  # on the last piece's line: the next cell or word
        elif (
            middle > last.bottom - _ROWS_APART * (last.top - last.bottom)
            and VALUE.fullmatch(piece.text)
            and VALUE.fullmatch(last.text)
            and piece.left < last.right
            and last.left < piece.right
        ):
            down += 1
        late += _drawn_late(drawn, k)
    steps = len(drawn) - 1
    weight = back + near  # (a short page's sign only: a long page counts its steps back)
    few = weight >= 2 and weight > steps / 2
    return back >= _STEPS_BACK or few or swapped > 0 or down >= _STEPS_DOWN or late >= _LATE_ROWS


def _swapped(drawn: Sequence[Piece], k: int) -> bool:
    """Whether the ``k``-th piece, drawn right after the line under it (see
    :func:`_back_a_line`), was swapped with that line: both are lines of words (two
    characters wide at least: not a character of text drawn turned, whose pieces stack
    up the page), and the piece drawn next (if any) goes on below that line, as if the
    two lines had changed places in the stream. A page of any length with one line drawn
    out of its place is out of order; a step back to a line that the drawing then goes
    on from is not a swap."""
    below, piece = drawn[k - 1], drawn[k]
    if not (_wide(below) and _wide(piece)):
        return False
    return k + 1 == len(drawn) or drawn[k + 1].middle < below.bottom


def _wide(piece: Piece) -> bool:
    """Whether a piece is at least twice as wide as it is high: a line of two characters
    or more, upright."""
    return piece.right - piece.left >= 2 * (piece.top - piece.bottom)


def _back_a_line(last: Piece, piece: Piece) -> bool:
    """Whether ``piece``, drawn after ``last`` and above it, is the line right above it:
    at most :data:`_LINE_ABOVE` of a line's height between them (double spacing leaves
    one), and the two across one another. A page number or running header drawn first
    stands in the margin, farther from the text."""
    height = last.top - last.bottom
    return piece.bottom - last.top <= _LINE_ABOVE * height and last.left < piece.right


def _drawn_late(drawn: Sequence[Piece], k: int) -> bool:
    """Whether the ``k``-th piece starts a row of numbers drawn late: it begins with a
    number (not a list number: "2."), none of the last pieces drawn stands on its line,
    and a label drawn before them does, to its left."""
    piece = drawn[k]
    first = piece.text.split(" ", 1)[0]
    if not VALUE.fullmatch(first) or first[-1] in ".．":
        return False
    middle = piece.middle
    recent = max(0, k - _RECENT)
    for other in reversed(drawn[recent:k]):
        if other.bottom < middle < other.top:
            return False
    return any(
        other.bottom < middle < other.top
        and other.left < piece.left
        and not VALUE.fullmatch(other.text.split(" ", 1)[0])
        for other in drawn[:recent]
    )


def reading_lines(drawn: Sequence[Piece], cuts: Sequence[float] = ()) -> list[list[Piece]]:
    """The pieces in lines as the page reads: column by column, in each the lines from
    top to bottom, each line's pieces from left to right. The columns are the page's
    (:func:`_columns`), or those ``cuts`` (x, left to right) part if given: the pages
    of a sheet printed several pages to a sheet, side by side."""
    lines: list[list[Piece]] = []
    for column in _cut(drawn, cuts) if cuts else _columns(drawn):
        bottom = top = 0.0
        for piece in sorted(column, key=lambda p: -p.middle):
            shared = min(top, piece.top) - max(bottom, piece.bottom)
            lower = max(min(top - bottom, piece.top - piece.bottom), 0.1)
            if lines and shared >= _SAME_LINE * lower:
                lines[-1].append(piece)
                bottom, top = min(bottom, piece.bottom), max(top, piece.top)
            else:
                lines.append([piece])
                bottom, top = piece.bottom, piece.top
    for line in lines:
        line.sort(key=lambda p: p.left)
    return lines


def _cut(drawn: Sequence[Piece], cuts: Sequence[float]) -> list[list[Piece]]:
    """The pieces between each two of ``cuts`` (by their left), left to right."""
    columns: list[list[Piece]] = [[] for _ in range(len(cuts) + 1)]
    for piece in drawn:
        columns[bisect.bisect(cuts, piece.left)].append(piece)
    return columns


def _columns(drawn: Sequence[Piece]) -> list[list[Piece]]:
    """The pieces of each of the page's columns, left to right: blocks of text split by
    gutters, each block at least a quarter of the text's width (else the page is one
    column: narrower blocks are a table's columns, read across), and none mostly numbers
    (a table's numbers set close). A gutter is crossed by no piece but those wider than
    half the text (a title or a heading across the columns, read with the first column:
    it stands at its top)."""
    if not drawn:
        return []
    left = min(p.left for p in drawn)
    width = max(p.right for p in drawn) - left
    spans = sorted((p.left, p.right) for p in drawn if p.right - p.left <= width / 2)
    blocks: list[list[float]] = []  # each block's left and right
    for start, end in spans:
        if blocks and start <= blocks[-1][1] + _GUTTER:
            blocks[-1][1] = max(blocks[-1][1], end)
        else:
            blocks.append([start, end])
    if len(blocks) < 2 or any(end - start < _COLUMN_SHARE * width for start, end in blocks):
        return [list(drawn)]
    cuts = [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(blocks)]
    columns: list[list[Piece]] = [[] for _ in blocks]
    for piece in drawn:
        columns[bisect.bisect(cuts, piece.left)].append(piece)
    if any(
        2 * sum(bool(VALUE.fullmatch(p.text)) for p in column) >= len(column) for column in columns
    ):
        return [list(drawn)]  # a block of numbers: a table's, read across
    return columns


def insert_block(
    lines: list[list[Piece]], block: list[list[Piece]], top: float
) -> list[list[Piece]]:
    """``lines`` with ``block`` (lines read apart: a table drawn turned on the page) put
    before the first line that stands lower than the block's ``top``."""
    at = next((k for k, line in enumerate(lines) if line[0].middle < top), len(lines))
    return [*lines[:at], *block, *lines[at:]]


def lay_out(
    lines: Sequence[Sequence[Piece]], charbox: Callable[[int], Box]
) -> tuple[str, list[int]]:
    """The text of ``lines``, one per line, and for each of its characters the index of
    its character (-1 for a space or line end put in): two pieces of a line are joined
    by a space where they stand apart (a gap wider than a share of a character)."""
    parts: list[str] = []
    where: list[int] = []
    for number, line in enumerate(lines):
        if number:
            parts.append("\n")
            where.append(-1)
        for k, piece in enumerate(line):
            if k and apart(charbox(line[k - 1].end - 1), charbox(piece.start)):
                parts.append(" ")
                where.append(-1)
            parts.append(piece.text)
            where += range(piece.start, piece.end)
    return "".join(parts), where


def apart(first: Box, second: Box) -> bool:
    """Whether two characters stand apart: a gap wider than a share of the narrower one,
    or the second to the left of the first's start."""
    width = min(first[2] - first[0], second[2] - second[0])
    return second[0] - first[2] > _CELL_GAP * max(width, 1.0) or second[0] < first[0]
