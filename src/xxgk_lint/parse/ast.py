"""The typed, immutable AST of a report.

``Report → Section → (Paragraph → Sentence) | (Table → Row → Cell)``, in document order.
Every node carries a :class:`Span` into the original file (1-based lines and columns,
columns in characters, ``end_column`` exclusive as in SARIF), so that a diagnostic can
point at the exact cell or number. Rows and columns are addressed by the canonical keys of
the format model (:mod:`xxgk_lint.format`); looking up a key the model does not have raises
:class:`~xxgk_lint.format.UnknownKeyError` naming it, so a typo never silently finds nothing.

Immutable in fact, not only by convention: nodes are frozen dataclasses or named tuples,
sequences are tuples and mappings are :class:`FrozenMap`, so one rule or plugin cannot
change what the next one sees. Sentences are split from a paragraph's text on first use.
"""

from __future__ import annotations

import bisect
import datetime as dt
import importlib
from collections.abc import Callable, ItemsView, Iterator, KeysView, Mapping, ValuesView
from dataclasses import field
from decimal import Decimal
from functools import cached_property
from itertools import chain, repeat
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, overload

from xxgk_lint.format import FORMATS, Format, UnknownKeyError
from xxgk_lint.format.model import in_unit
from xxgk_lint.records import NamedTuple, record

if TYPE_CHECKING:
    from xxgk_lint.parse.claims import Claim
    from xxgk_lint.sources.model import PositionMap

Value = int | Decimal | None
K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V]):
    """A read-only mapping (unlike MappingProxyType it pickles, for worker processes)."""

    __slots__ = ("_data",)
    _data: dict[K, V]

    def __init__(self, data: Mapping[K, V] | None = None) -> None:
        object.__setattr__(self, "_data", dict(data or {}))

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    # Mapping's own ``get``, ``in`` and views are Python code reading through __getitem__
    # (and ``values()`` a generator): the rules ask ``report.tables`` some twenty times a
    # report, each answered here by the dict's method, in C.
    def get(self, key: K, default: Any = None) -> Any:  # type: ignore[override]
        return self._data.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def keys(self) -> KeysView[K]:
        return self._data.keys()

    def values(self) -> ValuesView[V]:
        return self._data.values()

    def items(self) -> ItemsView[K, V]:
        return self._data.items()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("FrozenMap is read-only")

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._data,))

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


class Span(NamedTuple):
    """A region of the original file. ``where`` is a Word/PDF locator, if any.

    Spans and cells are NamedTuples rather than frozen dataclasses: a report has hundreds
    of them, and a NamedTuple is built about three times faster (measured); both are
    immutable and typed.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    where: str | None = None


class _CellFields(NamedTuple):
    column: str
    raw: str
    value: Value
    kind: str
    #: A Span, or its five values as a plain tuple (how the parser builds it: see Cell).
    span: Span | tuple[int, int, int, int, str | None]


class Cell(_CellFields):
    """One table cell: its raw text as printed and its value.

    ``value`` is an ``int`` for counts, a ``Decimal`` for money (and for a count printed
    with decimals), ``None`` when the cell is blank, a placeholder (``/``, ``—``, ``-``,
    ``无``) or text where a number belongs. ``kind`` says which: ``number``, ``blank``,
    ``placeholder`` or ``text``.

    ``span`` is always a :class:`Span`. The parser stores its five values as a plain tuple
    (equal to the Span) and the Span is made when ``span`` is read: a report has two
    hundred cells and few spans are ever read (a finding's, a ``--spans`` output's), and
    building a NamedTuple costs about as much as the cell itself.
    """

    __slots__ = ()

    @property
    def span(self) -> Span:
        return as_span(self[4])

    @property
    def is_number(self) -> bool:
        return self.kind == "number"

    def _asdict(self) -> dict[str, Any]:
        return {**super()._asdict(), "span": self.span}

    def __repr__(self) -> str:
        return (
            f"Cell(column={self.column!r}, raw={self.raw!r}, value={self.value!r}, "
            f"kind={self.kind!r}, span={self.span!r})"
        )


_new = tuple.__new__  # (a Span from its values without the NamedTuple's Python __new__)


@overload
def as_span(span: Span | tuple[int, int, int, int, str | None]) -> Span: ...
@overload
def as_span(span: None) -> None: ...


def as_span(span: Span | tuple[int, int, int, int, str | None] | None) -> Span | None:
    """A span as a cell stores it (see :class:`Cell`: a Span or its five values) as a
    Span; None stays None (for code that reads the cells' fields by position)."""
    return span if span is None or span.__class__ is Span else _new(Span, span)


#: Row statuses: every column placed, or numbers found that could not be placed.
COMPLETE, UNCERTAIN = "complete", "uncertain"


#: A cell as a row stores it: a :class:`Cell`, or a Cell's five fields as a plain tuple.
CellFields = tuple[str, str, Value, str, Any]
#: A span as a row stores it without a Span: its five values.
SpanFields = tuple[int, int, int, int, str | None]


class _RowFields(NamedTuple):
    key: str
    label: str
    #: A Span, or its five values as a plain tuple (how the parser builds it: see Row).
    span: Span | SpanFields
    #: As the row stores them: Cells, or their five fields as plain tuples (see Row).
    cells: tuple[Cell | CellFields, ...]
    columns: tuple[str, ...] = ()
    status: str = COMPLETE
    found: int = 0
    evidence: str = "count"


class Row(_RowFields):
    """A table row under its canonical key, with its cells in the row's column order.

    ``status`` is ``complete`` when every column of the row has a cell (a cell may be
    blank), or ``uncertain`` when numbers were found that cannot be placed under their
    columns without guessing (``cells`` is then empty, ``found`` says how many values
    were seen). ``evidence`` says what decided the columns: ``grid`` (the header each
    value stands under, in an HTML or Word table), ``count`` (exactly as many values as
    columns), ``fields`` (the field positions of ``|``/tab rows, agreeing with the
    table's complete rows or header), ``aligned`` (space-aligned text: the values' display
    columns lined up with those of the table's complete rows) or ``stream`` (one cell per
    line, in order).

    ``cells`` are always :class:`Cell` objects and ``span`` a :class:`Span`. The parser
    stores each cell's five fields, and the row's span, as plain tuples (equal to the Cell,
    the Span) and they are made when read: a report has two hundred cells, most rules read
    their fields in bulk (:mod:`xxgk_lint.engine.tablecells`, :meth:`value`), and a Cell
    (a tuple subclass) costs four times a plain tuple to build and free. ``row[2]`` and
    ``row[3]`` hold them as stored.
    """

    __slots__ = ()

    @property
    def span(self) -> Span:
        return as_span(self[2])

    @property
    def cells(self) -> tuple[Cell, ...]:
        cells = self[3]
        if all(map(_is_cell, cells)):  # (a Row built of Cells: they are its cells)
            return cells  # type: ignore[return-value]
        if not any(map(_is_cell, cells)):  # (the parser's: each made in C, no call)
            return tuple(map(_new, repeat(Cell), cells))
        return tuple(map(as_cell, cells))

    @property
    def complete(self) -> bool:
        return self.status == COMPLETE

    def cell(self, column: str) -> Cell | None:
        """The cell of ``column`` (None when the row is uncertain)."""
        found = self._stored(column)
        return None if found is None else as_cell(found)

    def value(self, column: str) -> Value:
        found = self._stored(column)
        return None if found is None else found[2]

    def _stored(self, column: str) -> Cell | CellFields | None:
        """The first cell of ``column`` as stored (no Cell made to find it)."""
        if self.columns and column not in self.columns:
            raise UnknownKeyError(f"row '{self.key}' has no column '{column}'")
        for cell in self[3]:
            if cell[0] == column:
                return cell
        return None

    def _asdict(self) -> dict[str, Any]:
        return {**super()._asdict(), "span": self.span, "cells": self.cells}

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self._asdict().items())
        return f"Row({fields})"


_is_cell = Cell.__instancecheck__


def as_cell(cell: Cell | CellFields) -> Cell:
    """A cell as a row stores it (see :class:`Row`) as a Cell."""
    return cell if isinstance(cell, Cell) else _new(Cell, cell)


@record(slots=True)
class Table:
    """One of the three statistical tables (``proactive``, ``applications``, ``reviews``)."""

    key: str
    span: Span
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    format: str = "2021"
    #: (row, column, unit) of the money cells whose header prints another unit than the
    #: format's (收费金额(元) where the format says 万元). Their values are kept as printed;
    #: :meth:`amount` gives them in the format's unit, which is what checks compare.
    units: tuple[tuple[str, str, str], ...] = ()
    #: The subtotals the report prints on a group label's line (（三）不予公开 | 3 | 0 | …),
    #: which the format gives no numbers: no rows of the table (no identity reads them),
    #: each a Row under its group's key (``denied``, ``outcomes`` …; see
    #: :attr:`~xxgk_lint.format.model.TableSpec.subtotals`), checked against its leaves.
    subtotals: tuple[Row, ...] = ()

    @property
    def spec(self) -> Any:
        return FORMATS[self.format].table(self.key)

    def unit(self, row: str, column: str) -> str:
        """The unit the value of ``row``/``column`` is printed in (the format's if its
        header names no other)."""
        for at_row, at_column, unit in self.units:
            if at_row == row and at_column == column:
                return unit
        return str(self.spec.column(column).unit)

    def amount(self, row: str, column: str) -> Value:
        """The value of ``row``/``column`` in the format's unit: an amount printed in 元
        under a column the format counts in 万元 is converted (300 → 0.03)."""
        found = self.row(row)
        value = None if found is None else found.value(column)
        if value is None or not self.units:
            return value
        printed, unit = self.unit(row, column), self.spec.column(column).unit
        return value if printed == unit else in_unit(value, printed, unit)

    def row(self, key: str) -> Row | None:
        """The row ``key`` if the report has it; UnknownKeyError if the format has none."""
        for row in self.rows:
            if row.key == key:
                return row
        self.spec.row(key)  # raises for a key the model does not have
        return None

    def cell(self, row: str, column: str) -> Cell | None:
        found = self.row(row)
        if found is None:
            self.spec.column(column)
            return None
        return found.cell(column)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)


class Number(NamedTuple):
    """A number written in the prose, with the unit after it (件, 万元, 年 …) if any."""

    value: int | Decimal
    text: str
    unit: str
    span: Span
    #: Where the number starts in its sentence's text (0-based).
    offset: int


class PendingNumbers(Protocol):
    """The numbers of a sentence, found when first asked for (see :class:`_Numbers`): called
    with the sentence (one function shared by the sentences of most paragraphs, which find
    their numbers from their own text and span: no object made per sentence to wait)."""

    def __call__(self, sentence: Sentence, /) -> tuple[Number, ...]: ...


class _Numbers:
    """``Sentence.numbers``: a tuple, or a :class:`PendingNumbers` that finds them on first
    use. A paragraph is split into sentences for many rules, but a sentence's numbers are
    asked for only when its claims are read (about one sentence a report): finding every
    number of every sentence was most of the cost of splitting."""

    def __get__(self, sentence: Sentence | None, owner: type) -> tuple[Number, ...]:
        if sentence is None:
            return ()  # (the field's default, for the dataclass)
        numbers = sentence.__dict__["_numbers"]
        if type(numbers) is not tuple and callable(numbers):
            numbers = numbers(sentence)
            sentence.__dict__["_numbers"] = numbers
        return numbers  # type: ignore[no-any-return]

    def __set__(self, sentence: Sentence, numbers: tuple[Number, ...] | PendingNumbers) -> None:
        # Only the dataclass's __init__ gets here (object.__setattr__): a frozen Sentence
        # refuses any other assignment.
        sentence.__dict__["_numbers"] = numbers


class _Kept:
    """A value computed from a node on first use and kept in its ``__dict__`` under the
    attribute's name, as ``functools.cached_property`` keeps it, without that one's lock
    and (here) the import its function made on every first use: a report's rules split
    some fifteen paragraphs and read the claims of a dozen sentences. Not a data
    descriptor: once kept, the value is found in the instance's ``__dict__`` first."""

    #: The attribute's name, and the module and name of the function that computes it
    #: (imported when first needed: the modules that split and read text import this one).
    name = ""
    where = ("", "")
    function: Callable[[Any], Any] | None = None

    def __get__(self, node: Any, owner: type) -> Any:
        if node is None:
            return self
        function = self.function
        if function is None:
            module, attribute = self.where
            function = getattr(importlib.import_module(module), attribute)
            type(self).function = staticmethod(function)  # type: ignore[assignment]
        value = node.__dict__[self.name] = function(node)
        return value


class _Sentences(_Kept):
    """``Paragraph.sentences``."""

    name, where = "sentences", ("xxgk_lint.parse.sentences", "split_sentences")

    if TYPE_CHECKING:

        def __get__(self, node: Any, owner: type) -> tuple[Sentence, ...]: ...


class _Claims(_Kept):
    """``Sentence.claims``."""

    name, where = "claims", ("xxgk_lint.parse.claims", "claims_of")

    if TYPE_CHECKING:

        def __get__(self, node: Any, owner: type) -> tuple[Claim, ...]: ...


@record
class Sentence:
    """A sentence of running text, with the numbers it states."""

    text: str
    span: Span
    numbers: _Numbers = _Numbers()
    #: The canonical key of the section it stands in (None: before the first section).
    section: str | None = None

    #: The counts the sentence states about the tables (parsed on first use; no annotation:
    #: not a field).
    claims = _Claims()


_blank = object.__new__
_set = object.__setattr__


def sentence_of(
    text: str, span: Span, numbers: tuple[Number, ...] | PendingNumbers, section: str | None
) -> Sentence:
    """``Sentence(text, span, numbers, section)``, its ``__dict__`` given whole (the numbers
    under ``_numbers``, as :class:`_Numbers` keeps them): without the two Python calls of
    its ``__init__`` and its numbers' ``__set__``, most of splitting a paragraph into its
    sentences (a test checks the two make equal sentences)."""
    sentence = _blank(Sentence)
    fields = {"text": text, "span": span, "_numbers": numbers, "section": section}
    _set(sentence, "__dict__", fields)
    return sentence


class Piece(NamedTuple):
    """Where a line of a paragraph starts: its offset in the paragraph's text."""

    offset: int
    line: int
    column: int


@record
class Paragraph:
    """Running text: one or more lines (a sentence may wrap over several).

    ``text`` joins the lines without a separator (Chinese text wraps anywhere); ``pieces``
    remember where each line came from, so that any stretch of the text has a span in
    the original file.
    """

    text: str
    span: Span
    pieces: tuple[Piece, ...] = ()
    section: str | None = None
    #: Maps extracted-text positions into the original file (HTML and Word sources).
    origin: PositionMap | None = field(default=None, repr=False, compare=False)

    def span_of(self, start: int, end: int) -> Span:
        """The span of ``text[start:end]`` in the original file."""
        pieces = self.pieces
        if not pieces:
            return self.span
        stop = end - 1 if end > start else start
        if self.origin is None:  # (text sources: the lines are the file's; no map to ask)
            if len(pieces) == 1:
                piece = last = pieces[0]
            else:
                offsets = self._offsets
                piece = pieces[max(bisect.bisect_right(offsets, start) - 1, 0)]
                last = pieces[max(bisect.bisect_right(offsets, stop) - 1, 0)]
            return Span(
                piece.line,
                piece.column + start - piece.offset,
                last.line,
                last.column + stop - last.offset + 1,
            )
        first = self._position(start)
        final = self._position(stop)
        return Span(first[0], first[1], final[0], final[1] + 1, first[2])

    @cached_property
    def _offsets(self) -> list[int]:
        return [p.offset for p in self.pieces]

    def _position(self, offset: int) -> tuple[int, int, str | None]:
        index = max(bisect.bisect_right(self._offsets, offset) - 1, 0)
        piece = self.pieces[index]
        line, column = piece.line, piece.column + offset - piece.offset
        if self.origin is None:
            return line, column, None
        place = self.origin.origin(line, column)
        return place.line, place.column, place.where

    #: The paragraph's sentences (split on first use; no annotation: not a field).
    sentences = _Sentences()


Block = Paragraph | Table
#: (What Section and Report read of their paragraphs, as C callables.)
_is_paragraph = Paragraph.__instancecheck__
_SENTENCES = attrgetter("sentences")


@record(slots=True)
class Section:
    """One of the six sections. ``number`` is the numeral as printed (``"三"``).

    ``blocks`` are its paragraphs and tables in document order. ``implicit`` sections had
    no heading of their own but their content was recognised (problems written as
    （一）主要问题 / （二）改进情况 under no heading).
    """

    key: str
    number: str | None
    title: str
    span: Span
    blocks: tuple[Block, ...] = ()
    implicit: bool = False

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(filter(_is_paragraph, self.blocks))  # type: ignore[arg-type]  # (C: asked often)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table))

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(chain.from_iterable(map(_SENTENCES, self.paragraphs)))


class Pagination(NamedTuple):
    """A web page's pagination bar: where it stands and its text (第1页 共3页 下一页)."""

    span: Span
    text: str


class Picture(NamedTuple):
    """A picture in the report, or an object showing a table that cannot be read: where it
    stands, what names it (alt text, file name) and its kind (``picture``, ``worksheet``,
    ``linked-worksheet``: see :class:`xxgk_lint.sources.model.Figure`)."""

    span: Span
    name: str = ""
    kind: str = "picture"


@record(slots=True)
class Date:
    """A calendar date the report states (sign-off, publication), with where it was read.

    A sign-off may give the month alone (2024年4月): ``value`` is then the month's first
    day and ``last`` its last, and what the date is earlier or later than is known only
    where the whole month is."""

    value: dt.date
    span: Span
    source: str  # "meta", "published-line", "sign-off"
    text: str
    last: dt.date | None = None

    @property
    def latest(self) -> dt.date:
        """The last day the date may be."""
        return self.value if self.last is None else self.last

    def iso(self) -> str:
        """The date as ISO 8601 writes it: 2024-04-18, or 2024-04 for a month."""
        return self.value.isoformat() if self.last is None else self.value.isoformat()[:7]


@record(slots=True)
class Period:
    """The statistics period (统计期限) as stated.

    ``start``/``end`` are set only when the statement is well formed; ``problem`` says
    what is wrong otherwise (``garbled``, ``impossible-date``, ``single-date``,
    ``reversed``).
    """

    text: str
    span: Span
    start: dt.date | None
    end: dt.date | None
    problem: str | None = None

    @property
    def well_formed(self) -> bool:
        return self.problem is None


@record(slots=True)
class Deviation:
    """A template deviation: a row of an older template inside a 2021-format table
    (``kind`` ``rows``), or a table whose header prints its columns in another order than
    the format's (``columns``: ``row`` is ``columns``, ``label`` the header's first cell
    naming one; the values are read under the columns the header names). ``expected`` and
    ``found`` say what the format asks for and what the report has (for ``columns``: the
    column keys in the format's order and in the printed order, joined by commas)."""

    table: str
    row: str
    label: str
    span: Span
    kind: str = "rows"
    expected: str = ""
    found: str = ""


@record
class Report:
    """A parsed report. ``tables`` maps table keys to the tables that were found.

    ``format_version`` names the format model the report was read with (``"2021"`` or
    ``"2019"``, see :mod:`xxgk_lint.format`); ``format`` is that model.
    """

    path: str
    kind: str
    encoding: str | None
    format_version: str
    year: int | None
    agency: str | None
    title: Paragraph | None
    period: Period | None
    sections: tuple[Section, ...]
    tables: Mapping[str, Table] = field(default_factory=FrozenMap)
    deviations: tuple[Deviation, ...] = ()
    #: Where a missing table or row would have been: the span of the table (or of the
    #: section heading) so that XG003 can point somewhere useful.
    anchors: Mapping[str, Span] = field(default_factory=FrozenMap)
    line_count: int = 0
    #: The paragraphs before the first section (the opening paragraph, page chrome).
    preamble: tuple[Paragraph, ...] = ()
    #: Dates the report states about itself: publication (page metadata, 发布日期 lines)
    #: and the sign-off date under the last section.
    dates: tuple[Date, ...] = ()
    #: Where a second report starts in the same file (its title or first heading).
    second_report: Span | None = None
    #: The pictures the file holds (web pages, Word documents), in document order: a
    #: table printed as a picture is there, but its numbers cannot be read.
    figures: tuple[Picture, ...] = ()
    #: A web page's pagination bar (第1页 共3页 下一页): the page holds one part of a
    #: report split over pages.
    pagination: Pagination | None = None

    @property
    def format(self) -> Format:
        return FORMATS[self.format_version]

    def section(self, key: str) -> Section | None:
        for section in self.sections:
            if section.key == key:
                return section
        self.format.section(key)  # raises for a key the model does not have
        return None

    def table(self, key: str) -> Table | None:
        found = self.tables.get(key)
        if found is None:
            self.format.table(key)
        return found

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every paragraph of running text: the preamble's, then each section's (listed
        once: the rules ask some twenty times per report)."""
        return (*self.preamble, *(p for s in self.sections for p in s.paragraphs))

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(chain.from_iterable(map(_SENTENCES, self.paragraphs)))
