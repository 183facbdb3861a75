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
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Origin:
    """A position in the original file.

    ``line``/``column`` are 1-based; columns count characters. ``where`` is a locator a
    person can find in Word or a PDF viewer, or ``None`` when line and column say it all.
    """

    line: int
    column: int
    where: str | None = None


@dataclass(frozen=True, slots=True)
class _Segment:
    column: int  # 1-based column in the extracted line where this segment starts
    origin: Origin
    advance: bool  # whether original columns advance with extracted columns


class TextBuilder:
    """Builds extracted text piece by piece while recording where each piece came from.

    Readers of HTML, .docx and PDF call :meth:`add` for each piece of text, with the
    position of that piece in the original file (or a locator), and :meth:`newline` at the
    end of each extracted line. :meth:`build` returns the text and a :class:`PositionMap`.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._lines: list[list[_Segment]] = [[]]
        self._column = 1

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
        current_line = len(self._lines)
        origin = Origin(
            line if line is not None else current_line,
            column if column is not None else self._column,
            where,
        )
        self._lines[-1].append(_Segment(self._column, origin, advance))
        self._parts.append(text)
        self._column += len(text)

    def newline(self) -> None:
        """End the current extracted line."""
        self._parts.append("\n")
        self._lines.append([])
        self._column = 1

    def build(self) -> tuple[str, PositionMap]:
        return "".join(self._parts), PositionMap(self._lines)


@dataclass(frozen=True)
class PositionMap:
    """Maps (line, column) in extracted text back to an :class:`Origin`."""

    lines: list[list[_Segment]]

    def origin(self, line: int, column: int) -> Origin:
        if not 1 <= line <= len(self.lines) or not self.lines[line - 1]:
            return Origin(line, column)
        segments = self.lines[line - 1]
        starts = [s.column for s in segments]
        index = max(bisect.bisect_right(starts, column) - 1, 0)
        seg = segments[index]
        if seg.advance:
            return Origin(
                seg.origin.line, seg.origin.column + (column - seg.column), seg.origin.where
            )
        return seg.origin


@dataclass(frozen=True)
class Source:
    """A report file, read and decoded, ready for the parser.

    ``kind`` is ``"text"``, ``"html"``, ``"docx"`` or ``"pdf"``. ``encoding`` is the
    character encoding that was detected (``None`` for .docx and PDF). ``original_lines``
    holds the lines of the original file for text and HTML (used for source snippets in
    diagnostics); for .docx and PDF it holds the extracted lines.
    """

    path: str
    kind: str
    encoding: str | None
    text: str
    positions: PositionMap | None = None
    original_lines: tuple[str, ...] = field(default=(), repr=False)

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
