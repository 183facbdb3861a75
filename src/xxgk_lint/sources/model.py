"""What a reader hands to the parser: the text to parse, and a map back to the file.

Every reader (plain text, HTML, Word, PDF) produces a :class:`Source`. The parser only ever
sees ``Source.text`` (LF line ends, no BOM); positions it finds are 1-based (line, column)
into that text. ``Source.origin`` turns such a position into a place in the file the user
has: the same line and column for text files, the line and column in the HTML source for a
web page, and a human locator ("表格 2，第 5 行，第 3 列") for Word and PDF files, where a
line number means nothing to the user.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import field

from xxgk_lint.records import NamedTuple, record


class Origin(NamedTuple):
    """A position in the original file.

    ``line``/``column`` are 1-based; columns count characters. ``where`` is a locator a
    person can find in Word or a PDF viewer, or ``None`` when line and column say it all.
    """

    line: int
    column: int
    where: str | None = None


# One piece of an extracted line: (column where it starts, where it came from, advance).
# "Where it came from" is an Origin, or an offset into the source whose line starts the
# TextBuilder was given (HTML: one int per piece instead of an object). ``advance`` says
# whether original columns advance with extracted columns (a verbatim copy of the source).
_Segment = tuple[int, "Origin | int", bool]

# What a TextBuilder given the source's line starts records instead (HTML): (text, where
# it came from, advance), with no column; ``advance`` is None for a mark (no text). The
# columns are counted when a line's origins are first asked for (most never are).
_Piece = tuple[str, "Origin | int", "bool | None"]
_TEXT = operator.itemgetter(0)


class TextBuilder:
    """Builds extracted text piece by piece while recording where each piece came from.

    Readers of HTML, .docx and PDF call :meth:`add` (or :meth:`add_at`, with an offset into
    the source) for each piece of text and :meth:`newline` at the end of each extracted
    line. :meth:`build` returns the text and a :class:`PositionMap`. ``max_lines`` bounds
    the extracted lines (:class:`LimitError` beyond it).

    Given ``line_starts`` (offsets in the source: HTML), the builder records each piece
    as it comes, text and offset, and counts no column: the :class:`PositionMap` does,
    for a line whose origins are asked for, the first time they are.
    """

    def __init__(
        self,
        *,
        max_lines: int | None = None,
        line_starts: Sequence[int] | None = None,
        source_length: int = 0,
    ) -> None:
        self._parts: list[str] = []
        self._current: list = []  # of _Segment, or of _Piece given line_starts
        self._lines: list[list] = [self._current]
        self._column = 1
        self._max_lines = max_lines
        self._line_starts = line_starts
        self._source_length = source_length
        self._pieces = line_starts is not None

    def add(
        self,
        text: str,
        line: int | None = None,
        column: int | None = None,
        where: str | None = None,
        *,
        advance: bool = True,
    ) -> None:
        """Append ``text`` (must not contain a newline) that came from ``line``/``column``.

        Without ``line``, the extracted position itself is used as the origin (for Word and
        PDF text, where the extracted text is what ``xxgk-lint parse --text`` shows).
        """
        if not text:
            return
        if "\n" in text:
            raise ValueError("TextBuilder.add() takes one line at a time; call newline()")
        origin = Origin(
            line if line is not None else len(self._lines),
            column if column is not None else self._current_column(),
            where,
        )
        if self._pieces:
            self._current.append((text, origin, advance))
            return
        self._current.append((self._column, origin, advance))
        self._parts.append(text)
        self._column += len(text)

    def _current_column(self) -> int:
        if self._pieces:
            return 1 + sum(map(len, map(_TEXT, self._current)))
        return self._column

    def add_at(self, text: str, offset: int, advance: bool = True) -> None:
        """Append ``text`` (no newline) that stands at ``offset`` in the source."""
        if text:
            if self._pieces:
                self._current.append((text, offset, advance))
                return
            self._current.append((self._column, offset, advance))
            self._parts.append(text)
            self._column += len(text)

    def extend_at(self, pieces: Iterable[tuple[str, int, bool]]) -> None:
        """:meth:`add_at` for each ``(text, offset, advance)``."""
        if self._pieces:
            self._current.extend(pieces)  # a piece with no text is passed over later
            return
        current, parts, column = self._current, self._parts, self._column
        for text, offset, advance in pieces:
            if text:
                current.append((column, offset, advance))
                parts.append(text)
                column += len(text)
        self._column = column

    def line_at(self, pieces: list[tuple[str, int, bool]], mark: int | None = None) -> None:
        """:meth:`extend_at`, then :meth:`mark_at` ``mark`` if given, then :meth:`newline`:
        a whole extracted line (HTML) in fewer calls, since a page has a line per paragraph
        and per table row."""
        if self._pieces:  # (extend_at's and mark_at's work when pieces are kept)
            self._current.extend(pieces)
            if mark is not None:
                self._current.append(("", mark, None))
        else:
            self.extend_at(pieces)
            if mark is not None:
                self.mark_at(mark)
        self.newline()

    def lines_at(self, lines: Sequence[tuple[list, int | None]]) -> int:
        """:meth:`line_at` for each ``(pieces, mark)``: a whole table's lines (HTML) in one
        call. Returns the number of the first line added (:attr:`line_number` before).

        Each list of pieces becomes its line's list when the line is empty (as it is in
        the HTML reader): the caller gives it up.
        """
        first = len(self._lines)
        if not self._pieces:
            for pieces, mark in lines:
                self.line_at(pieces, mark)
            return first
        all_lines = self._lines
        for pieces, mark in lines:
            current = self._current
            if current:
                current.extend(pieces)
            else:
                all_lines[-1] = pieces
                current = pieces
            if mark is not None:
                current.append(("", mark, None))
            self._current = []
            all_lines.append(self._current)
        if self._max_lines is not None and len(all_lines) > self._max_lines:
            limit = self._max_lines
            raise LimitError(f"over the limit max-lines = {limit} (more than {limit} lines)")
        return first

    def mark(
        self, line: int | None = None, column: int | None = None, where: str | None = None
    ) -> None:
        """Record that the current column (with no text of its own) comes from ``line``/``column``.

        An empty last cell of a table row has no character; its column is the end of the
        line. A mark there leads that column back to the cell instead of to the TAB before.
        """
        origin = Origin(
            line if line is not None else len(self._lines),
            column if column is not None else self._current_column(),
            where,
        )
        if self._pieces:
            self._current.append(("", origin, None))
            return
        self._current.append((self._column, origin, False))

    def mark_at(self, offset: int) -> None:
        """:meth:`mark` with an offset into the source."""
        if self._pieces:
            self._current.append(("", offset, None))
            return
        self._current.append((self._column, offset, False))

    @property
    def line_number(self) -> int:
        """The 1-based number of the extracted line being built."""
        return len(self._lines)

    def position(self) -> tuple[int, int]:
        """Where the next piece goes: the extracted line being built and its column (for
        a builder that counts columns: not one given ``line_starts``)."""
        return len(self._lines), self._column

    def newline(self) -> None:
        """End the current extracted line."""
        if not self._pieces:
            self._parts.append("\n")
            self._column = 1
        self._current = []
        self._lines.append(self._current)
        if self._max_lines is not None and len(self._lines) > self._max_lines:
            limit = self._max_lines
            raise LimitError(f"over the limit max-lines = {limit} (more than {limit} lines)")

    def build(self) -> tuple[str, PositionMap]:
        if self._pieces:
            text = "\n".join(["".join(map(_TEXT, line)) for line in self._lines])
            positions = PositionMap(
                self._lines, self._line_starts, self._source_length, pieces=True
            )
            return text, positions
        positions = PositionMap(self._lines, self._line_starts, self._source_length)
        return "".join(self._parts), positions


@record(eq=False)
class PositionMap:
    """Maps (line, column) in extracted text back to an :class:`Origin`.

    With ``pieces``, ``lines`` holds what a TextBuilder recorded for each line (text,
    where it came from, advance: ``_Piece``); a line's segments (where each piece starts)
    are counted the first time one of its origins is asked for, and kept.
    """

    lines: list[list]  # of _Segment, or of _Piece with ``pieces``
    line_starts: Sequence[int] | None = None  # of the source, for offsets (HTML)
    source_length: int = 0  # of the source, for offsets: no position lies past its end
    pieces: bool = False
    _segments: dict[int, list[_Segment]] = field(default_factory=dict, repr=False, compare=False)

    def _line(self, index: int) -> list[_Segment]:
        """The segments of line ``index`` (0-based)."""
        if not self.pieces:
            return self.lines[index]
        found = self._segments.get(index)
        if found is None:
            found = []
            column = 1
            for text, origin, advance in self.lines[index]:
                if advance is None:  # a mark
                    found.append((column, origin, False))
                elif text:
                    found.append((column, origin, advance))
                    column += len(text)
            self._segments[index] = found
        return found

    def origin(self, line: int, column: int) -> Origin:
        if not 1 <= line <= len(self.lines) or not self._line(line - 1):
            if self.line_starts is None or line < 1:
                return Origin(line, column)
            # A line with no text (the empty line after the last): where the text before
            # it ends, so that the position stays in the source.
            previous = min(line, len(self.lines)) - 1
            while previous >= 1 and not self._line(previous - 1):
                previous -= 1
            if previous < 1:
                return Origin(1, 1)
            start, origin, advance = self._line(previous - 1)[-1]
            return self._resolve(origin, 0)
        segments = self._line(line - 1)
        index = max(bisect.bisect_right(segments, column, key=_first) - 1, 0)
        start, origin, advance = segments[index]
        delta = column - start if advance else 0
        if index + 1 < len(segments):
            delta = min(delta, segments[index + 1][0] - start - 1)
        return self._resolve(origin, delta)

    def _resolve(self, origin: Origin | int, delta: int) -> Origin:
        if isinstance(origin, Origin):
            if not delta:
                return origin
            return Origin(origin.line, origin.column + delta, origin.where)
        starts = self.line_starts or (0,)
        offset = origin + delta
        if self.source_length:
            offset = max(min(offset, self.source_length), 0)
        found = bisect.bisect_right(starts, offset)
        return Origin(found, offset - starts[found - 1] + 1)


def _first(segment: _Segment) -> int:
    return segment[0]


class GridCell(NamedTuple):
    """Where one cell of a table row stands in its table's grid (HTML and Word tables).

    ``column`` is the 0-based grid column where the cell starts, after the rowspans of the
    rows above and the colspans (``colspan``, ``w:gridSpan``, ``w:gridBefore``) to its left
    are laid out as a browser or Word lays them out; ``span`` is how many grid columns it
    covers (at least 1) and ``rows`` how many grid rows (at least 1).
    """

    column: int
    span: int = 1
    rows: int = 1


class GridRow(NamedTuple):
    """The geometry of one extracted line that is a row of a grid table.

    The line holds one TAB-separated field per cell that *starts* in this row, in order
    (cells covered by a rowspan from above have no field); ``cells[i]`` is where field
    ``i`` stands in the grid. ``table`` numbers the document's grid tables from 0, ``row``
    the table's rows from 0.
    """

    table: int
    row: int
    cells: tuple[GridCell, ...]


class MetaTag(NamedTuple):
    """A ``<meta name=… content=…>`` of a web page: its content and where it stands
    (1-based line and column of the content in the HTML source)."""

    content: str
    line: int
    column: int = 1


class Figure(NamedTuple):
    """A picture in a report (an ``<img>`` of a web page, a picture in a Word document), or
    an object that shows a table whose cells cannot be read (``kind``: ``worksheet``, an
    Excel 97-2003 worksheet embedded in a Word document; ``linked-worksheet``, one linked
    from a file outside it; ``document``, a Word 97-2003 document embedded in it): where it
    stands in the original file (1-based line, its first and past-last column) and what
    names it (its alt text, file name or part; empty if nothing does). Kept so that a
    statistical table printed as a picture, or shown by such an object, is told from a
    table left out."""

    line: int
    column: int
    end_column: int
    name: str = ""
    where: str | None = None  # a Word locator (第 N 段)
    kind: str = "picture"


#: The most characters of a figure's name (an alt text, a file name) a finding quotes.
_FIGURE_NAME_CHARS = 40


def figure_name(text: str) -> str:
    """A figure's name as the readers keep it: its words on one line, cut to
    :data:`_FIGURE_NAME_CHARS` characters (an alt text may be a paragraph)."""
    return " ".join(text.split())[:_FIGURE_NAME_CHARS]


#: The key of a web page's own ``<title>`` in :attr:`Source.meta` (no ``<meta>`` name is
#: written so).
PAGE_TITLE = "<title>"
#: The key, in :attr:`Source.meta`, of the document a web page without a report's tables
#: links to or shows in a viewer (a PDF, a Word file): where its report may be.
PAGE_ATTACHMENT = "<attachment>"
#: The key, in :attr:`Source.meta`, of a web page's pagination bar ("第1页 共3页 下一页"):
#: the page shows one part of a longer article, whose other parts are on other pages.
PAGE_PAGINATION = "<pagination>"


@record(eq=False)
class Source:
    """A report file, read and decoded, ready for the parser.

    ``kind`` is ``"text"``, ``"html"``, ``"docx"`` or ``"pdf"``. ``encoding`` is the
    character encoding that was detected (``None`` for .docx and PDF). ``original_lines``
    holds the lines of the original file for text and HTML (used for source snippets in
    diagnostics); for .docx and PDF it holds the extracted lines. ``grid`` maps the
    (1-based) extracted line of every table row of an HTML or Word table to its geometry,
    so that the parser can put each value under the header whose grid columns hold it.
    ``meta`` holds a web page's ``<meta>`` tags by name, lower-cased (``pubdate`` …), and
    its ``<title>`` under :data:`PAGE_TITLE`: what the page says about itself, such as when
    it was published and what it is (empty for other files). ``figures`` are the pictures
    the file holds, in document order (web pages and Word documents). ``pages`` holds the
    (1-based) extracted line each page with text starts at, in order (PDF; empty for other
    files): where the page breaks are, which a printed report's running headers and
    footers stand beside even when it prints no page number.
    """

    path: str
    kind: str
    encoding: str | None
    text: str
    positions: PositionMap | None = None
    original_lines: tuple[str, ...] = field(default=(), repr=False)
    grid: Mapping[int, GridRow] = field(default_factory=dict, repr=False)
    meta: Mapping[str, MetaTag] = field(default_factory=dict, repr=False)
    figures: tuple[Figure, ...] = field(default=(), repr=False)
    pages: tuple[int, ...] = field(default=(), repr=False)

    def origin(self, line: int, column: int) -> Origin:
        """Where (line, column) of ``text`` is in the original file."""
        if self.positions is None:
            return Origin(line, column)
        return self.positions.origin(line, column)

    def source_line(self, line: int) -> str | None:
        """The original file's ``line`` (1-based), for snippets; ``None`` if out of range."""
        lines = self.original_lines or tuple(self.text.split("\n"))
        if 1 <= line <= len(lines):
            return lines[line - 1]
        return None


class InputError(Exception):
    """The file cannot be read as a report: unreadable, undecodable, or an unsupported type.

    The message is one line, for the user, and does not repeat the path (the caller adds it).
    """


class LimitError(InputError):
    """The file is over one of the :class:`~xxgk_lint.sources.limits.Limits`.

    The message names the limit by its config key (``max-file-bytes`` …) and its value.
    """
