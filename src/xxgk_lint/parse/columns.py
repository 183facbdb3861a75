"""Which column a value belongs to: the evidence, strongest first.

A row's values are the items after its label (:mod:`xxgk_lint.parse.mapping` finds the
label). They are placed under the row's columns by the first of these that decides:

1. **grid** — in an HTML or Word table, a value belongs to the header column whose grid
   span contains the value's first grid column (as a browser draws it). The header
   columns are the lowest header cells whose text names a column of the format (自然人,
   商业企业 … 总计); an empty sub-header creates no column, and a grid column under no
   column header belongs to none (an empty cell there is padding; a number there is not
   placed by the grid). A value spanning two grid columns under one header is one value.
2. **count** — exactly as many non-empty values as columns: they are the columns, in order
   (empty fields between them are padding: stray ``||``, the halves of merged label cells).
3. **fields** — in a ``|``- or tab-separated row with fewer values than columns (a blank
   cell), the row's fields are laid against the table: of the ways the columns can sit
   on the fields that hold every value, the one that agrees with the table's complete
   rows of the same shape (label in the same field) wins; then the one that agrees with
   the header's field positions; then with any complete row. A blank cell keeps its
   position, including a blank last field of a tab row.
4. **stream** — one cell per line or PDF text has no fields: values are taken in order
   when there are exactly as many as columns.
5. **aligned** — text in space-aligned columns (``pdftotext -layout``, a page copied with
   its spacing) with fewer values than columns (a blank cell): each value goes under the
   column of the table's complete space-separated rows it lines up with, its left, right
   or centre within a column of theirs (two in pdftotext's characters); what most such
   rows agree on wins. Columns are counted in the measure the complete rows stand
   together in: display columns (a wide character two) or characters (pdftotext's).

A row no evidence decides is **uncertain**: its numbers are reported as found but not
placed, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from itertools import combinations, pairwise
from typing import TypeVar

from xxgk_lint.parse.cells import (
    COLUMN,
    EMPTY,
    END,
    FIELD,
    GRID,
    KIND,
    LINE,
    TABLE,
    TEXT,
    WIDTH,
    Item,
    item_kind,
)
from xxgk_lint.records import NamedTuple, record

BY_GRID, COUNT, FIELDS, STREAM, ALIGNED = "grid", "count", "fields", "stream", "aligned"

_new = tuple.__new__  # a placement per row: skip the NamedTuple's Python __new__


@record(eq=False, frozen=False)
class HeaderMap:
    """Grid or field position → column key, read from a table's header rows.

    Built up row by row: a header cell claims the positions it covers, a lower header
    cell overrides a higher one (法人或其他组织 names no column; 商业企业 under it does).
    """

    columns: dict[int, str] = field(default_factory=dict)
    #: For the groups layout (table 四): position → group key (行政复议 …).
    groups: dict[int, str] = field(default_factory=dict)

    def claim(self, item: Item, key: str, *, group: bool = False) -> None:
        target = self.groups if group else self.columns
        start = item[GRID] if item[TABLE] >= 0 else item[FIELD]
        for position in range(start, start + max(item[WIDTH], 1)):
            target[position] = key

    def key_at(self, position: int) -> str | None:
        column = self.columns.get(position)
        if column is None or not self.groups:
            return column
        group = self.groups.get(position)
        return f"{group}.{column}" if group else None

    def __bool__(self) -> bool:
        return bool(self.columns)

    def copy(self) -> HeaderMap:
        return HeaderMap(dict(self.columns), dict(self.groups))


class Placement(NamedTuple):
    """The outcome of placing a row's values: one item (or None: missing) per column.

    A NamedTuple: one per table row, built in the mapping's hot loop."""

    items: tuple[Item | None, ...] | None
    evidence: str
    found: int

    @property
    def placed(self) -> bool:
        return self.items is not None


def filled(values: Sequence[Item]) -> list[Item]:
    return [v for v in values if v[KIND] != EMPTY]


def _separated(values: Sequence[Item]) -> list[bool]:
    """Whether each value's line separates its cells (| , tab, or a grid row)."""
    return [v[FIELD] >= 0 for v in values]


def by_grid(values: Sequence[Item], columns: Sequence[str], header: HeaderMap) -> Placement | None:
    """Place by the header each value stands under; None if the grid does not decide."""
    if not header or not values or any(v[TABLE] < 0 for v in values):
        return None
    assigned: dict[str, list[Item]] = {}
    for value in values:
        grid = value[GRID]
        key = header.key_at(grid)
        if key is None:
            keys = {header.key_at(p) for p in range(grid, grid + value[WIDTH])} - {None}
            key = keys.pop() if len(keys) == 1 else None
        if key is None or key not in columns:
            if value[KIND] == EMPTY:
                continue  # padding under no column
            return None
        assigned.setdefault(key, []).append(value)
    placed: list[Item | None] = []
    for column in columns:
        items = assigned.get(column, [])
        full = filled(items)
        if len(full) > 1:
            return None
        placed.append(full[0] if full else (items[0] if items else None))
    if sum(1 for p in placed if p is None) * 2 > len(columns):
        return None  # most columns under no header: this header is not the row's
    return Placement(tuple(placed), BY_GRID, len(filled(values)))


def by_count(
    values: Sequence[Item], columns: Sequence[str], kinds: str | None = None
) -> Placement | None:
    """The values placed by their count, if it is the columns' (``kinds``: the values'
    kinds as one string, when the caller has it already)."""
    width = len(columns)
    if kinds is None:
        kinds = "".join(map(item_kind, values))  # (in C, not a Python step per value)
    full = kinds.rstrip(EMPTY)
    if len(full) == width and EMPTY not in full:
        # The common case: the values, then maybe empty fields (a row's trailing pipe).
        return _new(Placement, (tuple(values[:width]), COUNT, width))
    if len(values) - kinds.count(EMPTY) != width:
        return None
    return _new(Placement, (tuple(filled(values)), COUNT, width))  # empty fields are padding


def windows(values: Sequence[Item], width: int) -> list[int]:
    """Starts of the runs of ``width`` values that hold every non-empty value."""
    indices = [i for i, v in enumerate(values) if v[KIND] != EMPTY]
    if len(values) < width:
        return []
    if not indices:
        return list(range(len(values) - width + 1))
    low = max(0, indices[-1] - width + 1)
    high = min(indices[0], len(values) - width)
    return list(range(low, high + 1))


@record(eq=False, frozen=False)
class FieldVotes:
    """Field positions of the rows placed by count, to lay ambiguous rows against."""

    by_shape: dict[tuple[int, int], dict[tuple[int, ...], int]] = field(default_factory=dict)
    overall: dict[int, dict[tuple[int, ...], int]] = field(default_factory=dict)

    def add(self, label_field: int, fields: tuple[int, ...]) -> None:
        shape = self.by_shape.setdefault((label_field, len(fields)), {})
        shape[fields] = shape.get(fields, 0) + 1
        overall = self.overall.setdefault(len(fields), {})
        overall[fields] = overall.get(fields, 0) + 1


def by_fields(
    values: Sequence[Item],
    columns: Sequence[str],
    label_field: int,
    votes: FieldVotes,
    header: HeaderMap,
) -> Placement | None:
    """Lay a separated row with a blank cell against the table's evidence."""
    if not values or not all(_separated(values)):
        return None
    if len({v[LINE] for v in values}) != 1 or len(filled(values)) > len(columns):
        return None
    width = len(columns)
    starts = windows(values, width)
    if not starts:
        return None
    found = len(filled(values))
    if len(starts) == 1:
        window = tuple(values[starts[0] : starts[0] + width])
        shaped = votes.by_shape.get((label_field, width), {})
        if shaped and shaped.get(tuple(v[FIELD] for v in window), 0) < max(shaped.values()):
            laid = _as_voted(values, shaped)
            if laid is not None:
                return Placement(laid, FIELDS, found)
        return Placement(window, FIELDS, found)
    candidates = {s: tuple(v[FIELD] for v in values[s : s + width]) for s in starts}
    header_fields = tuple(
        next((p for p, key in header.columns.items() if key == column), -1) for column in columns
    )
    judges: tuple[dict[tuple[int, ...], int], ...] = (
        votes.by_shape.get((label_field, width), {}),
        {header_fields: 1} if header else {},
        votes.overall.get(width, {}),
    )
    for judge in judges:
        start = _sole_best({s: judge.get(fields, 0) for s, fields in candidates.items()})
        if start is not None:
            return Placement(tuple(values[start : start + width]), FIELDS, found)
    return None


_Key = TypeVar("_Key")


def _sole_best(scores: dict[_Key, int]) -> _Key | None:
    """The key of the highest score above 0, if no other key has it too (a tie decides
    nothing)."""
    best = max(scores.values(), default=0)
    if best <= 0:
        return None
    winners = [key for key, score in scores.items() if score == best]
    return winners[0] if len(winners) == 1 else None


def _as_voted(
    values: Sequence[Item], shaped: dict[tuple[int, ...], int]
) -> tuple[Item | None, ...] | None:
    """The values laid on the fields most complete rows of their shape hold theirs in
    (where the row's only window is not those), when those fields hold every filled value
    (None where the row has no such field).

    A row's only window of fields can still be wrong: in 3.其他\t\t1\t0…\t0 whose blank
    last field was stripped, the window takes the empty field after the label for the
    first column, where the table's rows with their label in that field leave it spare."""
    fields = _sole_best(shaped)
    if fields is None or list(fields) != sorted(set(fields)):
        return None  # (a row with two values in one field votes for no field layout)
    at = {v[FIELD]: v for v in values}
    if len(at) != len(values) or not all(v[FIELD] in fields for v in values if v[KIND] != EMPTY):
        return None
    return tuple(at.get(f) for f in fields)


def by_stream(values: Sequence[Item], columns: Sequence[str]) -> Placement | None:
    """One cell per line: values in order when there are at least as many as columns.

    More values than columns happen when a number stands between rows (a page number the
    page-mark terminal did not catch); the run of columns with the most filled values,
    earliest first, is taken. Not so when a number left over stands on the line of a
    value taken (``1 493`` for 1,493, or two numbers typed in one cell): a page number
    stands on a line of its own, so the row has more values than columns and is uncertain
    (XG003), never read as its first numbers.
    """
    full = filled(values)
    width = len(columns)
    if len(full) < width:
        return None
    if any(v[KIND] == TEXT for v in full[width:]):
        return None
    if len(full) > width and full[width][LINE] == full[width - 1][LINE]:
        return None
    return Placement(tuple(full[:width]), STREAM, len(full))


#: A row's values as spans (start, end) in one measure of a line's columns, one per value.
Spans = tuple[tuple[int, int], ...]
#: A space-separated row's spans in both measures of a text's columns (see
#: :func:`aligned_spans`): display columns, then characters.
Measured = tuple[Spans, Spans]
DISPLAY, CHARS = 0, 1


def aligned_spans(values: Sequence[Item]) -> Measured | None:
    """Where a space-separated row's values stand, in display columns and in characters,
    both 0-based (None if the row is not one: separated fields, grid cells, or values on
    several lines).

    Text is aligned in one of two measures. Typed or copied with its spacing, in display
    columns: a wide (CJK) character takes two, as an editor shows it. Written by
    ``pdftotext -layout``, in characters: each character's column is its x position on
    the page over a half-width character's width, and a Chinese character, twice as wide
    on the page, still takes one column of the text — so a row with a longer Chinese label
    before its values has them further right in display columns, not in characters."""
    if not values or len({v[LINE] for v in values}) != 1:
        return None
    if any(v[FIELD] >= 0 or v[TABLE] >= 0 or v[GRID] < 0 for v in values):
        return None
    return (
        tuple((v[GRID], v[GRID] + v[WIDTH]) for v in values),
        tuple((v[COLUMN] - 1, v[END] - 1) for v in values),
    )


#: How far a value may stand from its column, in each measure: a layout typed in an
#: editor is exact but for left, right or centred numbers of other widths (one column);
#: ``pdftotext`` rounds each word's x position to a column, a column or two off.
_SLACK = {DISPLAY: 1, CHARS: 2}
#: The spaces a layout leaves after a label that pushes its row's values right.
_GAP = 2


class Alignment(NamedTuple):
    """The complete rows of a table's columns that rows with a blank cell are laid
    against (see :func:`alignment`)."""

    references: tuple[Measured, ...]
    #: The measures to compare positions in (DISPLAY, CHARS): one, or both when the
    #: complete rows do not tell which the text is aligned in.
    measures: tuple[int, ...]


def alignment(complete: Sequence[Measured]) -> Alignment:
    """The complete rows' spans (``complete``: the table's rows placed by count, of one
    set of columns), with the measure the text is aligned in: the one in which more of
    them stand together. Their labels differ in width, so the other measure scatters
    them (see :func:`aligned_spans`); a tie keeps both (a single complete row, or rows
    whose labels are as wide). Read once per table, not per row."""
    together = {
        m: _together([reference[m] for reference in complete], _SLACK[m]) for m in (DISPLAY, CHARS)
    }
    most = max(together.values(), default=0)
    return Alignment(tuple(complete), tuple(m for m, n in together.items() if n == most))


def _together(references: Sequence[Spans], slack: int) -> int:
    """How many of the complete rows stand in the columns most of them stand in (each
    value within ``slack`` of the same column of the row they are compared with)."""
    most = 0
    for anchor in references:
        same = tuple(range(len(anchor)))
        most = max(most, sum(_lined_up(r, anchor, slack) == same for r in references))
    return most


def by_alignment(
    values: Sequence[Item], columns: Sequence[str], complete: Alignment, label: Item | None = None
) -> Placement | None:
    """Place a space-aligned row with fewer values than columns by where its values stand.

    The row must be aligned (two spaces or more between its values, as a layout's
    columns are): a value goes under the column of a complete row (``complete``: see
    :func:`alignment`) whose left, right or centre it is within one column of (in the
    characters of ``pdftotext`` text, within two when no complete row lines up so), one
    column only, in order. Each complete row gives at most one placement; the one most
    give wins (a tie between two: no placement). A row that lines up with no complete row
    may be pushed right by its label (``label``), wider than its cell: see
    :func:`_pushed_votes`.

    Positions are compared in the measure the text is aligned in; when the complete rows
    do not tell which, in both, and the row is placed only if the measures that place it
    place it the same way (nothing is guessed)."""
    measured = aligned_spans(values)
    width = len(columns)
    references = complete.references
    if measured is None or not references or not 0 < len(measured[DISPLAY]) < width:
        return None
    if any(b[0] - a[1] < 2 for a, b in pairwise(measured[DISPLAY])):
        return None  # (single spaces: words of a line, not aligned columns)
    if any(len(reference[DISPLAY]) != width for reference in references):
        return None
    before = (
        aligned_spans([label]) if label is not None and label[LINE] == values[0][LINE] else None
    )
    placements = set()
    for m in complete.measures:
        spans = [reference[m] for reference in references]
        # (Pushed only by a label reaching into the first value's cell: see _pushed_votes.)
        reach = min(2 * r[0][1] - r[1][1] for r in spans)
        pushed = before is not None and before[m][0][1] + _GAP > reach
        laid = _laid(measured[m], spans, _SLACK[m], pushed)
        if laid is not None:
            placements.add(laid)
    if len(placements) != 1:
        return None
    at = dict(zip(placements.pop(), values, strict=True))
    return Placement(tuple(at.get(i) for i in range(width)), ALIGNED, len(values))


def _laid(
    spans: Spans, references: Sequence[Spans], slack: int, pushed: bool
) -> tuple[int, ...] | None:
    """The columns the complete rows' votes place ``spans`` in (see :func:`by_alignment`),
    in one measure, lined up within one column or else within ``slack`` (or, if the row
    may be ``pushed``, by its gaps); None if no placement has the most votes alone."""
    for within in sorted({1, slack}):
        votes: dict[tuple[int, ...], int] = {}
        for reference in references:
            laid = _lined_up(spans, reference, within)
            if laid is not None:
                votes[laid] = votes.get(laid, 0) + 1
        if votes:
            return _sole_best(votes)
    return _sole_best(_pushed_votes(spans, references)) if pushed else None


def _pushed_votes(spans: Spans, references: Sequence[Spans]) -> dict[tuple[int, ...], int]:
    """The placements of a row whose values all stand one offset right of the columns of
    complete rows (:func:`_pushed`), one vote per complete row; none if any complete row
    allows two (the row could be pushed by either offset: nothing is guessed).

    Asked only of a row whose label, with the two spaces a layout leaves after it, reaches
    into the first value's cell (past the right edge of the complete rows' first value
    less the columns' pitch): a label that ends
    short of the values pushed nothing, and values off the columns after it are off by
    more than a layout's rounding, not placed."""
    votes: dict[tuple[int, ...], int] = {}
    for reference in references:
        ways = _pushed(spans, reference)
        if len(ways) > 1:
            return {}
        for laid in ways:
            votes[laid] = votes.get(laid, 0) + 1
    return votes


def _pushed(spans: Spans, reference: Spans) -> set[tuple[int, ...]]:
    """The ways ``spans`` sit on columns of ``reference`` all moved right by one offset
    (of two display columns or more: less is lined up), each value's left or right edge
    within one display column of its column's moved edge.

    A label wider than the label column pushes the rest of its line right (``pdftotext
    -layout`` keeps the gaps after it): the values keep the gaps of the columns they stand
    in, so the gaps tell the columns — unless another choice of columns has the same gaps
    at another offset (a blank first or last cell among evenly spaced columns)."""
    ways: set[tuple[int, ...]] = set()
    start, end = spans[0]
    for laid in combinations(range(len(reference)), len(spans)):
        left, right = reference[laid[0]]
        for offset in {start - left, end - right}:
            if offset >= 2 and all(
                abs(s - reference[i][0] - offset) <= 1 or abs(e - reference[i][1] - offset) <= 1
                for (s, e), i in zip(spans, laid, strict=True)
            ):
                ways.add(laid)
                break
    return ways


def _lined_up(spans: Spans, reference: Spans, slack: int) -> tuple[int, ...] | None:
    """The column of ``reference`` each span lines up with (left, right or centre within
    ``slack`` columns), if each lines up with exactly one, in increasing order."""
    laid: list[int] = []
    for start, end in spans:
        near = [
            i
            for i, (left, right) in enumerate(reference)
            if abs(start - left) <= slack
            or abs(end - right) <= slack
            or abs(start + end - left - right) <= 2 * slack
        ]
        if len(near) != 1 or (laid and near[0] <= laid[-1]):
            return None
        laid.append(near[0])
    return tuple(laid)


def place(
    values: Sequence[Item],
    columns: Sequence[str],
    *,
    label_field: int,
    header: HeaderMap,
    votes: FieldVotes,
    second_pass: bool,
) -> Placement:
    """Place ``values`` under ``columns`` by the strongest evidence that decides.

    In the first pass rows that need the table's other rows (``fields``) are left
    undecided; the caller places them in a second pass, once every complete row is known.
    """
    found = len(filled(values))
    placement = by_grid(values, columns, header) or by_count(values, columns)
    if placement is not None:
        return placement
    if not second_pass:
        return Placement(None, "pending", found)
    placement = by_fields(values, columns, label_field, votes, header)
    if placement is not None:
        return placement
    if values and not any(_separated(values)):
        placement = by_stream(values, columns)
        if placement is not None:
            return placement
    evidence = FIELDS if values and all(_separated(values)) else STREAM
    return Placement(None, evidence, found)


#: A header cell as :func:`printed_order` reads it: the column (or group) key it names,
#: whether that is a merged cell over several (法人或其他组织), and the line it stands on.
HeaderToken = tuple[str, bool, int]


def printed_order(
    tokens: Sequence[HeaderToken],
    canonical: Sequence[str],
    groups: dict[str, tuple[str, ...]],
) -> tuple[str, ...] | None:
    """The order a text header prints ``canonical``'s columns in, or None if it does not
    say so unambiguously.

    ``tokens`` are the header's cells that name a column or a merged cell over several
    (``groups``: its key → the columns under it), in reading order. A text header loses
    the grid: 自然人 | 法人或其他组织 | 总计 over 商业企业 | … | 其他 prints the five under
    法人或其他组织 on the next line. So each cell stands under the nearest merged cell
    printed whose columns hold it; the cells under none are the header's top line, in
    order, and a merged cell expands to the cells under it, in order. Decided only when
    every column is named exactly once and the top cells stand on one line (a cell spanning
    the header's rows printed above the others says nothing of its place among them).
    """
    leaves = [key for key, merged, _ in tokens if not merged]
    if len(leaves) != len(canonical) or set(leaves) != set(canonical):
        return None
    merged_keys = [key for key, merged, _ in tokens if merged]
    if len(set(merged_keys)) != len(merged_keys):
        return None
    under = {key: frozenset(groups[key]) for key in merged_keys}
    parents: list[str | None] = []
    for key, merged, _ in tokens:
        cells = under[key] if merged else frozenset((key,))
        holders = [g for g in merged_keys if g != key and cells <= under[g]]
        parents.append(min(holders, key=lambda g: len(under[g])) if holders else None)
    top_lines = {line for (_, _, line), up in zip(tokens, parents, strict=True) if up is None}
    if len(top_lines) != 1:
        return None

    def expand(at: str | None) -> list[str]:
        out: list[str] = []
        for (key, merged, _), up in zip(tokens, parents, strict=True):
            if up == at:
                out.extend(expand(key) if merged else [key])
        return out

    order = tuple(expand(None))
    return order if len(order) == len(canonical) else None


def reordered(
    items: Sequence[Item | None], printed: Sequence[str], columns: Sequence[str]
) -> tuple[Item | None, ...]:
    """A row's items placed in ``printed`` order, put back in the order of ``columns``."""
    at = {key: index for index, key in enumerate(printed)}
    return tuple(items[at[key]] for key in columns)


def grid_order(header: HeaderMap, columns: Sequence[str]) -> tuple[str, ...] | None:
    """The order a grid header stands ``columns`` in (each by its first position), if it
    stands every one of them."""
    first: dict[str, int] = {}
    for position in sorted(header.columns):
        key = header.key_at(position)
        if key is not None and key not in first:
            first[key] = position
    if set(first) != set(columns):
        return None
    return tuple(sorted(first, key=first.__getitem__))
