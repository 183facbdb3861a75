"""The typed, immutable AST of a report: Report → Section → Paragraph/Table → Row → Cell.

Every node carries a :class:`Span` into the original file (1-based lines and columns,
columns in characters, ``end_column`` exclusive as in SARIF), so that a diagnostic can
point at the exact cell. Rows and columns are addressed by the canonical keys of
``format-2021.md``; the same report in any layout yields equal values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

Value = int | Decimal | None


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


class Cell(NamedTuple):
    """One table cell: its raw text as printed and its value.

    ``value`` is an ``int`` for counts, a ``Decimal`` for money (and for a count printed
    with decimals), ``None`` when the cell is blank, a placeholder (``/``, ``—``, ``-``,
    ``无``) or text where a number belongs. ``kind`` says which: ``number``, ``blank``,
    ``placeholder`` or ``text``.
    """

    column: str
    raw: str
    value: Value
    kind: str
    span: Span

    @property
    def is_number(self) -> bool:
        return self.kind == "number"


@dataclass(frozen=True, slots=True)
class Row:
    """A table row under its canonical key, with its cells in template column order.

    ``complete`` is False when fewer cells were found than the template has columns; the
    cells are then unknown (``cells`` is empty) because which column a found number
    belongs to cannot be told.
    """

    key: str
    label: str
    span: Span
    cells: tuple[Cell, ...]
    complete: bool = True
    found: int = 0

    def cell(self, column: str) -> Cell | None:
        for cell in self.cells:
            if cell.column == column:
                return cell
        return None

    def value(self, column: str) -> Value:
        cell = self.cell(column)
        return None if cell is None else cell.value


@dataclass(frozen=True, slots=True)
class Table:
    """One of the three statistical tables (``proactive``, ``applications``, ``reviews``)."""

    key: str
    span: Span
    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def row(self, key: str) -> Row | None:
        for row in self.rows:
            if row.key == key:
                return row
        return None

    def cell(self, row: str, column: str) -> Cell | None:
        found = self.row(row)
        return None if found is None else found.cell(column)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A line of running text (or a text line left over around a table)."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Section:
    """One of the six sections. ``number`` is the numeral as printed (``"三"``).

    ``implicit`` sections had no heading of their own but their content was recognised
    (e.g. problems written as （一）主要问题 / （二）改进情况 under no heading).
    """

    key: str
    number: str | None
    title: str
    span: Span
    paragraphs: tuple[Paragraph, ...] = ()
    implicit: bool = False

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Deviation:
    """A template deviation: a row of an older template inside a 2021-format table."""

    table: str
    row: str
    label: str
    span: Span


@dataclass(frozen=True)
class Report:
    """A parsed report. ``tables`` maps table keys to the tables that were found."""

    path: str
    kind: str
    encoding: str | None
    format_version: str
    year: int | None
    agency: str | None
    title: Paragraph | None
    period: Period | None
    sections: tuple[Section, ...]
    tables: dict[str, Table] = field(default_factory=dict)
    deviations: tuple[Deviation, ...] = ()
    #: Where a missing table or row would have been: the span of the table (or of the
    #: section heading) so that XG003 can point somewhere useful.
    anchors: dict[str, Span] = field(default_factory=dict)
    line_count: int = 0

    def section(self, key: str) -> Section | None:
        for section in self.sections:
            if section.key == key:
                return section
        return None

    def table(self, key: str) -> Table | None:
        return self.tables.get(key)
