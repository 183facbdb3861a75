"""The grid of an HTML table: which tables hold data, and where each cell stands.

A browser lays a table out row by row: a cell starts at the first grid column that no cell
to its left and no rowspan from a row above covers; ``colspan`` widens it, ``rowspan``
lengthens it down to the end of its row group (``thead``, ``tbody``, ``tfoot``, or a run of
rows written straight in the table); ``rowspan="0"`` reaches that end. This module does the
same, in time bounded by the grid positions the cells cover, and refuses spans and grids
over the reader's limits.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from itertools import accumulate, compress, repeat
from operator import attrgetter, mul

from lxml import etree

from xxgk_lint import memo
from xxgk_lint.sources.limits import Limits, over, too_many_cells
from xxgk_lint.sources.model import GridCell

#: A cell longer than this is page layout, not a cell of the official tables.
_LAYOUT_CELL_CHARS = 300

#: What a browser does with larger values: colspan is cut to 1000, rowspan to 65534.
_BROWSER_COLSPAN = 1000
_BROWSER_ROWSPAN = 65534


class Row:
    """A row of a data table: its cells as parallel lists, one entry per cell.

    A cell is not an object of its own: a table of a few thousand cells made as many
    objects, each written once and read once. The walk adds cells one by one (:meth:`add`)
    and collects each one's words, spaces and breaks in ``items``; a row of a plain table
    or a plain row (``_Extractor._fill_table``, ``_fill_row``) is read at once and gives
    ``segments`` instead: per cell, its text's segments and then the TAB after it, ready
    to be joined into the row's line.
    """

    __slots__ = ("colspans", "group", "index", "items", "rowspans", "segments", "shapes", "tabs")

    def __init__(self, index: int = 0, group: int = 0) -> None:
        self.index = index  # the row's number in its table, from 0
        self.group = group  # its row group
        self.items: list[list] = []  # per cell: what the walk collected (words, spaces, breaks)
        #: Per cell: the TAB that follows its field, leading back to the source offset just
        #: after the cell's start tag (so that an empty cell's column finds the cell).
        self.tabs: list[tuple[str, int, bool]] = []
        self.rowspans: list[int] = []  # 0: to the end of the row group, as in a browser
        self.colspans: list[int] = []
        #: Per cell, for a row read at once: its segments, then its TAB (``tabs`` unused).
        self.segments: list[list[tuple[str, int, bool]]] | None = None
        #: Where each cell stands in the grid (set by :meth:`Spans.lay_out`).
        self.shapes: tuple[GridCell, ...] = ()

    def add(self, anchor: int, rowspan: int, colspan: int) -> list:
        """Add a cell (its start tag ends at ``anchor``); returns its list of items."""
        items: list = []
        self.items.append(items)
        self.tabs.append(("\t", anchor, False))
        self.rowspans.append(rowspan)
        self.colspans.append(colspan)
        return items


class Groups:
    """Numbers the row groups of a table as its rows are collected."""

    def __init__(self) -> None:
        self.rows = 0
        self._count = 0
        self._explicit: int | None = None
        self._implied: int | None = None
        #: The table's first ``tfoot`` (None: none), which a browser draws below the rest
        #: wherever the page writes it (HTML 4 wanted it before the ``tbody``).
        self.foot: int | None = None

    def _new(self) -> int:
        self._count += 1
        return self._count

    def explicit(self, foot: bool = False) -> None:
        """A thead, tbody or tfoot (``foot``) starts."""
        self._explicit = self._new()
        self._implied = None
        if foot and self.foot is None:
            self.foot = self._explicit

    def end_explicit(self) -> None:
        self._explicit = None

    def current(self) -> int:
        if self._explicit is not None:
            return self._explicit
        if self._implied is None:
            self._implied = self._new()
        return self._implied


def foot_last(rows: list[Row | list], foot: int | None) -> list[Row | list]:
    """The table's rows (and the stray lines between them) in the order a browser draws
    them: the rows of the table's first ``tfoot`` (group ``foot``) below all others, each
    row numbered again from 0 in that order. ``rows`` itself when there is no tfoot or it
    comes last already (most tables)."""
    if foot is None:
        return rows
    footer = [entry for entry in rows if isinstance(entry, Row) and entry.group == foot]
    rest = [entry for entry in rows if not (isinstance(entry, Row) and entry.group == foot)]
    ordered = rest + footer
    if ordered == rows:
        return rows
    for number, row in enumerate(entry for entry in ordered if isinstance(entry, Row)):
        row.index = number
    return ordered


class Spans:
    """Reads rowspan/colspan as a browser does, within the limits; counts grid positions."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.positions = 0  # grid positions laid out so far, in all tables
        #: The shapes of rows wider than ``_SHAPES_ROW_CELLS``, kept for this read only.
        self._wide: dict[tuple, tuple[GridCell, ...]] = {}

    def read(self, name: str, value: str | None) -> int:
        """The span ``name`` ("rowspan"/"colspan") that attribute ``value`` gives."""
        if value is None:
            return 1
        number = span_value(value)
        if number is not None and number > self.limits.max_span:
            shown = " ".join((value or "").split())
            shown = shown if len(shown) <= 24 else shown[:24] + "…"
            raise over("max-span", self.limits.max_span, f"{name}={shown}")
        if name == "colspan":
            return min(max(number or 1, 1), _BROWSER_COLSPAN)
        return 1 if number is None else min(number, _BROWSER_ROWSPAN)

    def lay_out(self, rows: list[Row]) -> None:
        """Give every cell its grid column and rows (see the module docstring).

        The work is one step per grid position covered, and the positions of all tables
        together are bounded by ``max-cells``. A table laid out before (the same row
        groups, rowspans and colspans: every report of a format has the same tables) is
        given the shapes made then (``_TABLE_SHAPES``).
        """
        key = _table_key(rows)
        known = _TABLE_SHAPES.get(key) if key is not None else None
        if known is not None:
            shapes, positions = known
            self._count(positions)
            for row, row_shapes in zip(rows, shapes, strict=True):
                row.shapes = row_shapes
            return
        before = self.positions
        self._lay_out_groups(rows)
        if key is not None:
            _TABLE_SHAPES.keep(key, (tuple(map(_SHAPES, rows)), self.positions - before))

    def _lay_out_groups(self, rows: list[Row]) -> None:
        """:meth:`lay_out`, each row group apart, row by row."""
        start = 0
        while start < len(rows):
            end = start
            while end < len(rows) and rows[end].group == rows[start].group:
                end += 1
            self._lay_out_group(rows[start:end])
            start = end

    def _lay_out_group(self, rows: list[Row]) -> None:
        busy: list[int] = []  # busy[c]: the first row (in the group) where column c is free
        reach = 0  # the first row (in the group) that no rowspan seen so far covers
        size = len(rows)
        for r, row in enumerate(rows):
            spans = row.colspans
            if reach <= r and row.rowspans.count(1) == len(spans):
                # Nothing from above reaches into the row and each cell is one row tall
                # (most rows): the cells stand side by side from column 0. ``busy`` is
                # left as it is: what it holds is free from this row on.
                self._place(row, sum(spans), tuple(spans), accumulate(spans, initial=0), repeat(1))
                continue
            count = len(spans)
            if spans.count(1) == count and row.rowspans.count(1) == count:
                # Only cells of one column and one row (most rows under a rowspan): each at
                # the next free column, in order, marking nothing busy; the free columns are
                # found in one C-level pass over ``busy`` (columns past its end are free).
                columns = list(compress(range(len(busy)), map(r.__ge__, busy)))
                if len(columns) >= count:
                    del columns[count:]
                else:
                    columns.extend(range(len(busy), len(busy) + count - len(columns)))
                key = (tuple(columns), tuple(spans), (1,) * count) if count else ()
                self._place(row, count, key, columns, repeat(1))
                continue
            # Cells after rowspans from above: each at the first free column from where the
            # cell before it ends, marking the columns it covers busy down to its last row.
            # A one-column, one-row cell is left out of that: its column is free, and free
            # again from the next row on (no later cell of its row looks back at it).
            c = 0
            columns, heights = [], []
            for rowspan, span in zip(row.rowspans, spans, strict=True):
                while c < len(busy) and busy[c] > r:
                    c += 1
                columns.append(c)
                if rowspan == 1 and span == 1:
                    heights.append(1)
                else:
                    height = size - r if rowspan == 0 else min(rowspan, size - r)
                    heights.append(height)
                    if c + span > len(busy):
                        busy.extend([0] * (c + span - len(busy)))
                    busy[c : c + span] = [r + height] * span
                    if r + height > reach:
                        reach = r + height
                c += span
            key = (tuple(columns), tuple(spans), tuple(heights)) if spans else ()
            self._place(row, sum(map(mul, spans, heights)), key, columns, heights)

    def _count(self, positions: int) -> None:
        """Count ``positions`` more grid positions laid out (over the limit: an error)."""
        self.positions += positions
        if self.positions > self.limits.max_cells:
            raise too_many_cells(self.limits.max_cells)

    def _place(
        self,
        row: Row,
        positions: int,
        key: tuple,
        columns: Iterable[int],
        heights: Iterable[int],
    ) -> None:
        """Count the grid ``positions`` the row's cells cover (over the limit: an error) and
        give the row its shapes, made once per ``key`` (a row laid out from column 0: its
        colspans; else its columns, colspans and heights)."""
        self._count(positions)
        wide = len(row.colspans) > _SHAPES_ROW_CELLS
        shapes = (self._wide if wide else _ROW_SHAPES).get(key)
        if shapes is None:
            shapes = _shapes(columns, row.colspans, heights)
            if wide:
                self._wide[key] = shapes
            else:
                _ROW_SHAPES.keep(key, shapes)
        row.shapes = shapes


#: Shapes already made, kept for the process: equal ones are shared (immutable; a GridCell
#: costs some microseconds to make, and every report of a format has rows of the same
#: shapes). A row's by its colspans for a row laid out from column 0, else by (columns,
#: colspans, rows); a cell's by (column, colspan, rows). A row of more cells than
#: ``_SHAPES_ROW_CELLS`` is kept for its read only (``Spans._wide``), so that the table
#: stays small.
_SHAPES_KEPT = 4096
_SHAPES_ROW_CELLS = 64
_ROW_SHAPES: memo.Table[tuple, tuple[GridCell, ...]] = memo.Table(_SHAPES_KEPT)
_CELL_SHAPES: memo.Table[tuple[int, int, int], GridCell] = memo.Table(_SHAPES_KEPT)


#: Tables laid out before, by :func:`_table_key`: each row's shapes and the grid positions
#: the table covers. Laying out the 46 rows of a report's tables cell by cell cost about
#: 0.8 M instructions a page (27 of the rows sit under rowspans and are placed one cell at
#: a time); the key and the look-up about 0.2 M. A table of more rows than
#: ``_TABLE_ROWS_KEPT`` or more cells than ``_TABLE_CELLS_KEPT``, or with a row of more than
#: ``_SHAPES_ROW_CELLS`` cells, is not kept (a generated or unusual table: laid out each
#: time, as before), so that the table stays small (a report's tables: 30-215 cells).
_TABLE_ROWS_KEPT = 256
_TABLE_CELLS_KEPT = 1024
_TABLE_SHAPES: memo.Table[tuple, tuple[tuple[tuple[GridCell, ...], ...], int]] = memo.Table(128)
_GROUP = attrgetter("group")
_ROWSPANS = attrgetter("rowspans")
_COLSPANS = attrgetter("colspans")
_SHAPES = attrgetter("shapes")


def _table_key(rows: list[Row]) -> tuple | None:
    """What a table's layout depends on: its rows' groups, rowspans and colspans; None for
    a table not kept in ``_TABLE_SHAPES``."""
    if len(rows) > _TABLE_ROWS_KEPT:
        return None
    colspans = tuple(map(tuple, map(_COLSPANS, rows)))
    widths = list(map(len, colspans))
    if widths and (max(widths) > _SHAPES_ROW_CELLS or sum(widths) > _TABLE_CELLS_KEPT):
        return None
    return tuple(map(_GROUP, rows)), tuple(map(tuple, map(_ROWSPANS, rows))), colspans


def _shapes(
    columns: Iterable[int], spans: Iterable[int], heights: Iterable[int]
) -> tuple[GridCell, ...]:
    """The GridCells of a row's cells, each made once (``_CELL_SHAPES``)."""
    known = _CELL_SHAPES
    shapes = []
    for key in zip(columns, spans, heights, strict=False):  # accumulate, repeat: longer
        shape = known.get(key)
        if shape is None:
            shape = known.keep(key, GridCell(*key))
        shapes.append(shape)
    return tuple(shapes)


def span_value(value: str | None) -> int | None:
    """The number a browser reads from a span attribute ("rules for parsing non-negative
    integers": spaces, an optional "+", digits); None if there is none. Digits past the
    twentieth are not read: such a number is over any limit anyway."""
    if value is not None and len(value) <= 20 and value.isascii() and value.isdigit():
        return int(value)  # the usual value, ASCII digits only: the same number, at once
    text = (value or "").lstrip(" \t\n\f\r").removeprefix("+")
    digits = "".join(itertools.takewhile(lambda ch: "0" <= ch <= "9", text[:20]))
    return int(digits) if digits else None


def tag_of(el: object) -> str | None:
    """The element's tag name; None for comments and processing instructions."""
    tag = getattr(el, "tag", None)
    return tag if isinstance(tag, str) else None


def rows_of(table: etree._Element) -> Iterator[etree._Element]:
    """The table's rows, in order, one at a time: :func:`is_data_table` mostly stops at
    the first, and each element read from lxml is an object made when it is reached."""
    for child in table:
        tag = child.tag
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from child.iterchildren("tr")


#: Whether a table (that holds no table) has a cell whose text is too long for a data
#: table: a table whose whole text is short has none; otherwise one location path for
#: ``td`` and one for ``th``, joined by ``or`` (no union: libxml2 merges the node sets of a
#: union in quadratic time; and a name test is several times faster than ``*[self::…]``).
_LONG_CELL = etree.XPath(
    f"string-length() > {_LAYOUT_CELL_CHARS}"
    f" and (boolean(descendant::td[string-length() > {_LAYOUT_CELL_CHARS}])"
    f" or boolean(descendant::th[string-length() > {_LAYOUT_CELL_CHARS}]))"
)


def is_data_table(table: etree._Element) -> bool:
    """Whether ``table`` holds data (laid out as a grid) rather than page layout.

    A table holding another table, a one-column table and a table with a long cell are
    layout: their cells are read as blocks of text. The nested-table test stops at the
    first one, and only a table without any has its cells' text measured, so that a page
    of tables nested in tables costs no more than its size.
    """
    if next(table.iterdescendants("table"), None) is not None:
        return False
    if _LONG_CELL(table):
        return False
    for tr in rows_of(table):
        width = 0
        for cell in tr:
            if tag_of(cell) in ("td", "th"):
                width += min(max(span_value(cell.get("colspan")) or 1, 1), 1000)
                if width > 1:
                    return True
    return False
