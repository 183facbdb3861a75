"""Template mapping: give a table region's values their canonical rows and columns.

The items of a region (:mod:`xxgk_lint.parse.cells`) are grouped into runs: text items,
then the values after them. The text nearest the values is the row's label, matched
against the rows of the format model from the row expected next (rows may be left out),
so that a sub-label (1.属于国家秘密 after its group label （三）不予公开) or a label broken
around its numbers is read right. Header lines (自然人 … 总计, 信息内容 | 本年制发件数 …)
are not labels: they tell where each column stands, which
:mod:`xxgk_lint.parse.columns` uses to place the values.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import field
from itertools import pairwise, repeat
from operator import itemgetter, sub
from typing import TypeVar

from xxgk_lint.format import Format, TableSpec, normalise
from xxgk_lint.format.document import UNIT_AFTER
from xxgk_lint.format.labels import misprinted_rows, subtotal_group
from xxgk_lint.format.model import MONEY_UNITS, is_plain, printed_unit
from xxgk_lint.memo import Table as MemoTable
from xxgk_lint.memo import compiled, register
from xxgk_lint.parse.ast import COMPLETE, UNCERTAIN, CellFields, Deviation, Row, Span, Table
from xxgk_lint.parse.cells import (
    COLUMN,
    EMPTY,
    END,
    FIELD,
    GRID,
    HEADER_CELL_CHARS,
    KIND,
    LINE,
    NORM,
    RAW,
    TABLE,
    TEXT,
    VALUE,
    WIDTH,
    Item,
    Run,
    aligned_cells,
    item_kind,
    item_span,
    make_cells,
    parse_number,
    relabelled,
)
from xxgk_lint.parse.columns import (
    BY_GRID,
    COUNT,
    FieldVotes,
    HeaderMap,
    HeaderToken,
    Measured,
    Placement,
    aligned_spans,
    alignment,
    by_alignment,
    by_count,
    grid_order,
    place,
    printed_order,
    reordered,
)
from xxgk_lint.parse.split import (
    across_running_line,
    column_parts,
    group_blocks,
    joined_parts,
    labelled_cells,
    one_order,
    without_page_in_row,
    without_page_number,
)
from xxgk_lint.records import record

_new = tuple.__new__  # rows are built by the hundred: skip the NamedTuple's Python __new__

#: A line of text that says something: a sentence (。；) or a lead-in (如下：). No header
#: or label line of the format is written so; one before a table is prose, not the table.
#: (One search in C: a mark anywhere, or a colon ending the text but for blanks.)
_SENTENCE = re.compile(r"[。；;]|[：:]\s*\Z")


def _table_start(before: Sequence[Item], fallback: Item) -> Item:
    """Where a table begins: its first text, after the prose that leads into it.

    A paragraph between a section heading and its table (本年度共收到申请7件。) is in the
    same region as the table's header lines; the table starts after its last sentence.
    A cell of a row is part of the table, never a sentence.
    """
    search = _SENTENCE.search
    for index in range(len(before) - 1, -1, -1):  # the last sentence: read from the end
        item = before[index]
        # (The tests inline, not a function per item: a Python call costs more than them.)
        if item[FIELD] < 0 and item[TABLE] < 0 and search(item[RAW]) is not None:
            return before[index + 1] if index + 1 < len(before) else fallback
    return before[0] if before else fallback


@record(eq=False, frozen=False)
class MappedTable:
    table: Table | None
    deviations: list[Deviation] = field(default_factory=list)
    first_line: int | None = None
    last_line: int | None = None


@record(eq=False, frozen=False, slots=True)
class _Pending:
    """A row found in the first pass, placed in the second."""

    index: int
    key: str
    label: Item
    values: list[Item]
    columns: tuple[str, ...]
    header: HeaderMap
    placement: Placement


class _Headers:
    """A table's header lines: which position holds which column, per grid table.

    Header lines are the separated lines with no value whose cells name columns (自然人 …
    总计) or groups (行政复议 …). A header line that follows a line with values starts a
    new header (table 二 has one per article item). Read on first use only: a text table
    whose rows all decide by count never needs its header.
    """

    def __init__(self, spec: TableSpec, items: Sequence[Item]) -> None:
        self.spec = spec
        self.items = items
        #: (header line, the maps in force after it), in line order; built on first use.
        self._states: list[tuple[int, dict[int, HeaderMap]]] | None = None

    def current(self, table: int, line: int) -> HeaderMap:
        """The header in force for a data row on ``line``."""
        states = self._states if self._states is not None else self._read_all()
        index = bisect_left([s[0] for s in states], line) - 1
        if index < 0:
            return _NO_HEADER
        return states[index][1].get(table, _NO_HEADER)

    def _read_all(self) -> list[tuple[int, dict[int, HeaderMap]]]:
        lines: dict[int, list[Item]] = {}
        value_lines: list[int] = []
        for item in self.items:
            kind = item[KIND]
            if kind == TEXT:
                if item[FIELD] >= 0:
                    lines.setdefault(item[LINE], []).append(item)
            elif kind != EMPTY and (not value_lines or value_lines[-1] != item[LINE]):
                value_lines.append(item[LINE])
        values = set(value_lines)
        maps: dict[int, HeaderMap] = {}
        started: dict[int, int] = {}  # grid table → the line its current map started on
        states: list[tuple[int, dict[int, HeaderMap]]] = []
        for line, items in lines.items():
            if line in values:
                continue
            keys = [self.column_of(item) for item in items]
            groups = [self._group_of(item) for item in items]
            if not any(keys) and not any(groups):
                continue
            table = items[0][TABLE]
            first = started.get(table)
            if first is None or bisect_left(value_lines, line) != bisect_left(value_lines, first):
                maps[table] = HeaderMap()  # values stand between: a new block
                started[table] = line
            header = maps[table]
            for item, key, group in zip(items, keys, groups, strict=True):
                if key:
                    header.claim(item, key)
                if group:
                    header.claim(item, group, group=True)
            states.append((line, {t: m.copy() for t, m in maps.items()}))
        self._states = states
        return states

    def column_of(self, item: Item) -> str | None:
        return self._column_key(item[NORM])

    def _column_key(self, norm: str) -> str | None:
        pattern, keys = self.spec.column_finder
        match = pattern.search(norm)
        return keys[int(match.lastgroup[1:])] if match and match.lastgroup else None

    def tokens(self, texts: Sequence[Item]) -> tuple[list[HeaderToken], list[HeaderToken]]:
        """The header cells among ``texts`` (the table's, from its start: prose before a
        table is no header) in reading order: those that name a column, or a merged cell
        over several columns (法人或其他组织); and those that name a group of table 四, or
        a merged cell over several (行政诉讼). Each text is classified once (_CELL_CLASSES:
        reports print the template's header texts)."""
        columns: list[HeaderToken] = []
        groups: list[HeaderToken] = []
        known = _of_spec(_CELL_CLASSES, self.spec, lambda: dict(self._format_cells()))
        for item in texts:
            # (a space-aligned line is one text: its cells stand two spaces apart)
            split = item[FIELD] < 0 and item[TABLE] < 0 and "  " in item[RAW]
            text = item[RAW] if split else item[NORM]
            found = known.get(text)
            if found is None:
                if len(known) >= _CELL_CLASSES_KEPT:
                    known.clear()
                    known.update(self._format_cells())
                found = known[text] = self._classes(item, split)
            for key, merged, group in found:
                (groups if group else columns).append((key, merged, item[LINE]))
        return columns, groups

    def _format_cells(self) -> dict[str, tuple[tuple[str, bool, bool], ...]]:
        """What the format's own header texts name (自然人 … 总计, 行政复议 …): read once per
        process (see :func:`_format_header_cells`)."""
        return _of_spec(_FORMAT_CELLS, self.spec, self._read_format_cells)

    def _read_format_cells(self) -> dict[str, tuple[tuple[str, bool, bool], ...]]:
        spec = self.spec
        texts = [
            *(text for column in spec.columns for text in (column.label.zh, *column.variants)),
            *(words.strip("^$") for words, _ in spec.header_groups),
            *(text for row in spec.rows for text in (row.label.zh, *row.variants)),
            *(words for words in spec.header_words if is_plain(words)),
        ]
        out = {}
        for text in texts:
            norm = normalise(text)
            item = (TEXT, text, 0, 0, norm, -1, -1, -1, 1, None, "text", 0)
            out[norm] = self._classes(item, False)  # type: ignore[arg-type]
        return out

    def _classes(self, item: Item, split: bool) -> tuple[tuple[str, bool, bool], ...]:
        """What the cells of a header text name: (key, whether a merged cell over several,
        whether a group of table 四) each."""
        norm = item[NORM]
        if item[KIND] != TEXT or (not split and len(norm) > HEADER_CELL_CHARS):
            return ()  # (a note or a label, not a header cell)
        out: list[tuple[str, bool, bool]] = []
        for cell in aligned_cells(item) if split else (norm,):
            key = self._column_key(cell)
            if key is not None:
                out.append((key, False, False))
                continue
            key = self._group_key(cell)
            if key is not None:
                out.append((key, False, True))
                continue
            for pattern, keys in self.spec.group_finders:
                if pattern.search(cell):
                    out.append((self._merged_key(keys), True, keys[0] in self.spec.row_keys))
                    break
        return tuple(out)

    def merged(self) -> dict[str, tuple[str, ...]]:
        """The spec's merged header cells, by the key :meth:`tokens` gives them."""
        return {self._merged_key(keys): keys for _, keys in self.spec.group_finders}

    @staticmethod
    def _merged_key(keys: tuple[str, ...]) -> str:
        return "+".join(keys)

    def _group_of(self, item: Item) -> str | None:
        return self._group_key(item[NORM])

    def _group_key(self, norm: str) -> str | None:
        if self.spec.layout != "groups":
            return None
        pattern, keys = self.spec.row_finder
        match = pattern.search(norm)
        return keys[int(match.lastgroup[1:])] if match and match.lastgroup else None


_NO_HEADER = HeaderMap()
_NORM_OF, _LINE_OF, _FIELD_OF = itemgetter(NORM), itemgetter(LINE), itemgetter(FIELD)
_RAW_OF, _PLACE_OF = itemgetter(RAW), itemgetter(FIELD, TABLE)


def value_runs(items: list[Item], spec: TableSpec) -> list[Run]:
    """The (label run, value run, the value run's kinds) triples, in order.

    A run of empty cells only (padding, or the blank cells of a header line) does not end
    a label run — unless it follows a non-header label on the same line, where it is a row
    whose cells are all blank.

    The runs are found in the string of the items' kinds (one letter each) with a regular
    expression: a Python step per run, not per item. Its ``findall`` gives each run's
    kinds as strings, in C (no match object per run): the runs tile the string, so their
    lengths say where each stands, and the value run's kinds let a row be placed by count
    without reading its items again.
    """
    kinds = "".join(map(item_kind, items))  # in C, not a Python step per item
    out: list[Run] = []
    run: list[Item] = []
    done = 0  # where the last value run ended
    for texts, found in _RUNS.findall(kinds):
        middle = done + len(texts)
        if texts:
            if run:
                run += items[done:middle]
            else:
                run = items[done:middle]  # (the common case: no copy into an empty run)
        done = middle + len(found)
        if found[0] == EMPTY and not found.strip(EMPTY):
            # Empty cells only.
            if not run or run[-1][LINE] != items[middle][LINE]:
                continue
            if _ends_in_header(run, spec.header_pattern.match):
                continue
        out.append((run, items[middle:done], found))
        run = []
    if done < len(kinds):
        run += items[done:]
    if run:
        out.append((run, [], ""))
    return out


def _heads_rows(
    runs: list[Run],
    position: int,
    spec: TableSpec,
    index: int,
    naming: dict[str, tuple[int, ...]],
) -> bool:
    """Whether the row ``index`` of an older template, found at ``runs[position]``, is the
    group label over the rows it stands for: the next label names one of them (（六）其他处理
    | | … over 1.申请人无正当理由…). With empty cells only it is a header; with numbers, the
    group's subtotal (:func:`_subtotal`) — in neither case the older template's row.

    A group or block label (（三）不予公开, 三、本年度办理结果, 第二十条第（八）项) written
    with explicit empty cells has no values of its own: it is a header, not a row of
    blanks (which would take the first row of its group's values and report XG004s). A
    label that names no row is not joined with the next row's label
    (:func:`_joined_label`); a leaf row whose cells are all empty stays a row of blanks.
    """
    if position + 1 >= len(runs) or not runs[position + 1][0]:
        return False
    found = _label_for(runs[position + 1][0], spec, index + 1, naming)
    return found is not None and spec.rows[found[0]].key in spec.rows[index].replaces


def _ends_in_header(run: list[Item], header: Callable[[str], object]) -> bool:
    """Whether the run's last line holds a header word (its items on that line are the
    run's tail: the run is in reading order)."""
    line = run[-1][LINE]
    for index in range(len(run) - 1, -1, -1):
        item = run[index]
        if item[LINE] != line:
            return False
        if header(item[NORM]):
            return True
    return False


#: A label run (text items, maybe none) and the value run after it.
_RUNS = re.compile(f"({TEXT}*)([^{TEXT}]+)")


def _label_for(
    run: list[Item], spec: TableSpec, cursor: int, naming: dict[str, tuple[int, ...]]
) -> tuple[int, Item] | None:
    """The template row that a label run names, searched from the row expected next.
    ``naming`` is the spec's table of :func:`_rows_naming`.

    The run is read from its end (the text nearest the values). Header words are skipped
    when two or more stand in the run; they are counted only when one names a row (其他),
    not for every run."""
    headers = -1  # how many header words the run holds: counted when first needed
    for item in reversed(run):
        norm = item[NORM]
        indices = naming.get(norm)
        if indices is None:
            indices = _rows_naming(spec, naming, norm)
        at = bisect_left(indices, cursor)  # the first row from the cursor on
        if at == len(indices):
            continue
        if len(run) > 1:
            header = spec.header_pattern.match
            if header(norm):
                if headers < 0:
                    headers = sum(1 for i in run if header(i[NORM]))
                if headers >= 2:
                    continue
        return indices[at], item
    return None


def _row_label(
    runs: list[Run],
    position: int,
    spec: TableSpec,
    cursor: int,
    naming: dict[str, tuple[int, ...]],
    found: tuple[int, Item] | None,
) -> tuple[tuple[int, Item] | None, Item | None]:
    """The template row that the label run at ``position`` names and its label, when the
    text nearest the values names no row by its words (``found``: what
    :func:`_label_for` found in the run); and the label's words as printed if they are a
    misprint of the row's (see :func:`_misprinted`).

    A label broken around its numbers is joined with the next text piece
    (:func:`_joined_label`). A label that holds no row's words and fits the one row
    missing before the next label is that row's label misprinted. The text nearest the
    values is the row's label: when it is such a misprint, an earlier text of the run
    naming a row (a group label such as （六）其他处理) is not. A label with blank cells
    only is not read as a misprint: so are the header lines of table 二's blocks
    (第二十条第（一）项 | | | |), and a row with nothing in it has no values to lose."""
    run = runs[position][0]
    wrapped = _wrapped_label(runs, position, spec, cursor, found)
    if wrapped is not None:
        return (wrapped, run[-1]), None
    if found is None and position + 1 < len(runs) and run and runs[position + 1][0]:
        joined = _joined_label(run[-1], runs[position + 1][0], spec, cursor, naming)
        if joined is not None:
            return (joined, run[-1]), None
    if run and runs[position][2].strip(EMPTY):  # (blank cells only: a header line's)
        misprinted = _misprinted(run[-1], runs, position, spec, cursor, naming)
        if misprinted is not None:
            return (misprinted[0], run[-1]), misprinted[1]
    return found, None


#: A piece of a wrapped label that begins one: an item number (1.属, （三, 三、, 3其), as a
#: label wrapped in a narrow cell starts (not 三, 三“ or 一稳定”, which go on one: 4.保护第 /
#: 三 / 方合法权益).
_NUMBERED = re.compile(
    r"\(?[0-9]{1,2}(?![0-9])|\([一二三四五六七八九十]|[一二三四五六七八九十][)、.:]"
)
#: The most characters the pieces of a wrapped label are joined to: the format's longest
#: label (2.申请人逾期未按收费通知…) has 37.
_WRAPPED_CHARS = 40


def _wrapped_label(
    runs: list[Run],
    position: int,
    spec: TableSpec,
    cursor: int,
    found: tuple[int, Item] | None,
) -> int | None:
    """The row a label wrapped over several lines names, when no line of it does by itself.

    A PDF printed from a table with narrow label cells (Word's or WPS's template) breaks
    a label into pieces of a few characters, one line each (1.属 | 于国 | 家秘密), with its
    group label's pieces before them or interleaved with them (（三 | 1.属 | ）不 | 于国),
    and the row's numbers after the last piece or — as they stand centred in the cell —
    among them (5.属于三类内部事务信 | 0 0 … | 息, 4.无 0 0 … | 正当 | 理由大量反复 | 申请).
    The pieces nearest the numbers are joined, from the last back to the one that begins
    a label (an item number, :data:`_NUMBERED`), without a group label's pieces standing
    among them (:func:`_group_pieces`); the shortest join that names a row from the
    ``cursor`` on is the row. When none does, the pieces after the numbers are joined to
    them, as few as name a row — not the next row's label (a numbered piece begins it),
    and never all the texts before the next row's numbers, nor pieces that the next row's
    own pieces need to name it.

    The pieces become one text, the run's last (its label); the pieces taken from the next
    run leave it. When a text of the run names the same row by itself (``found``: what
    :func:`_label_for` found), that text stays the label (None: the caller goes on with
    it). Pieces are whole lines of text on consecutive lines, no header word nor sentence,
    outside any field or grid: a separated or grid table's cells hold whole labels — or
    the parts of a line that holds a group label's piece beside them (text that keeps
    each visual line: see :func:`_group_pieces`); the group's pieces stay in the runs,
    apart, for the rows beside them further down."""
    kept = runs[position][0]
    header = _no_piece(spec)
    if not kept or not _is_piece(kept[-1], header):
        return None  # (what _tail finds then: the pieces end the run; most runs fail here)
    read, values, _ = runs[position + 1] if position + 1 < len(runs) else ([], [], "")
    # (The runs as read, with a group label's pieces apart: kept when a row is found.)
    run, following, skip = _group_pieces(kept, read, spec, header, _beyond(runs, position))
    tail = _tail(run, header, skip)
    if not tail:
        return None
    finder = _finder(spec)
    norms = [run[i][NORM] for i in tail]
    named = None if found is None else found[0]
    joined = _first_row(finder, norms, "", cursor, header)
    if joined is not None:
        index, at = joined
        if index == named:
            return None
        run[tail[at] :] = [*_among(run, tail[at], skip), _joined([run[i] for i in tail[at:]])]
        kept[:], read[:] = run, following
        return index
    own = runs[position][1]  # (the row's numbers: its label's rest comes after them)
    heads = _heads(following, run[-1], own[-1][LINE] if own else 0, bool(values), header, skip)
    for count in range(1, len(heads) + 1):
        after = "".join(following[i][NORM] for i in heads[:count])
        joined = _first_row(finder, norms, after, cursor, header)
        if joined is None:
            continue
        index, at = joined
        if index == named:
            return None
        if values and _tail_row(following, spec, cursor, header) == index:
            return None  # (the next row's label: this run's label is no row's)
        pieces = [run[i] for i in tail[at:]] + [following[i] for i in heads[:count]]
        run[tail[at] :] = [*_among(run, tail[at], skip), _joined(pieces)]
        # (A group's pieces among them stay: the next rows' labels may stand beside them.)
        following[: heads[count - 1] + 1] = [
            item for item in following[: heads[count - 1] + 1] if id(item) in skip
        ]
        kept[:], read[:] = run, following
        return index
    return None


def _among(run: list[Item], start: int, skip: set[int]) -> list[Item]:
    """The group's pieces (ids in ``skip``) among the pieces of a label from ``run[start]``
    on: they stay before the label joined, for the next rows' labels beside them."""
    return [item for item in run[start:] if id(item) in skip]


def _tail(run: list[Item], header: Callable[[str], object], skip: set[int]) -> list[int]:
    """Where the pieces of a wrapped label at the end of ``run`` stand (indices, in order;
    none when its last text is none): back to the first that begins a label, as far as
    :data:`_WRAPPED_CHARS` go, passing over the pieces in ``skip`` (ids)."""
    out: list[int] = []
    chars = 0
    line = run[-1][LINE] if run else 0
    for at in range(len(run) - 1, -1, -1):
        item = run[at]
        if not _is_piece(item, header) or not 0 <= line - item[LINE] <= 1:
            break
        line = item[LINE]
        if id(item) in skip:
            continue
        chars += len(item[NORM])
        if chars > _WRAPPED_CHARS:
            break
        out.append(at)
        if _NUMBERED.match(item[NORM]):
            break
    out.reverse()
    return out


def _heads(
    following: list[Item],
    last: Item,
    numbers: int,
    values: bool,
    header: Callable[[str], object],
    skip: set[int],
) -> list[int]:
    """Where the texts at the start of ``following`` (after the numbers that follow the
    piece ``last``, the last of them on line ``numbers``) that may be the rest of a
    wrapped label stand: pieces on consecutive lines, the first on the line after the
    numbers at most (text that puts each number on a line of its own, pdftotext -raw,
    has several lines of them), up to one that begins a label, passing over those in
    ``skip``; with numbers after them, not the last text."""
    out: list[int] = []
    chars = 0
    line = last[LINE]
    reach = max(line + 1, numbers) + 1  # (how far down the first text may stand)
    limit = len(following) - 1 if values else len(following)
    for at in range(limit):
        item = following[at]
        if not _is_piece(item, header) or not line <= item[LINE] <= (line + 1 if at else reach):
            break
        line = item[LINE]
        if id(item) in skip:
            continue
        chars += len(item[NORM])
        if _NUMBERED.match(item[NORM]) or chars > _WRAPPED_CHARS:
            break
        out.append(at)
    return out


def _beyond(runs: list[Run], position: int) -> tuple[list[Item], list[Item]]:
    """The texts of the runs before ``runs[position]`` and after the next one, as far as
    :data:`_WINDOW` texts go each way: a group label wrapped in its narrow cell beside
    several rows' labels has pieces among theirs too."""
    before: list[Item] = []
    for at in range(position - 1, -1, -1):
        if len(before) >= _WINDOW:
            break
        before[:0] = runs[at][0]
    after: list[Item] = []
    for at in range(position + 2, len(runs)):
        if len(after) >= _WINDOW:
            break
        after += runs[at][0]
    return before, after


def _group_pieces(
    run: list[Item],
    following: list[Item],
    spec: TableSpec,
    header: Callable[[str], object],
    beyond: tuple[list[Item], list[Item]],
) -> tuple[list[Item], list[Item], set[int]]:
    """The pieces (ids) of a group label (（三）不予公开, 三、本年度办理结果) wrapped in its own
    narrow cell beside a row's label and interleaved with that label's pieces line by line
    (（三 | 1.属 | ）不 | 于国 | … | 予公开 | 家秘密), among the last texts of ``run`` and the
    first of ``following``: the pieces that spell the group's label in order, the first
    beginning it, when others stand among them. Contiguous, they break no other label.

    Text that keeps each visual line (``pdftotext -layout``) prints a piece of the group
    label and one of the row's label side by side on one line, blanks between them
    (（三）不予公开   方合法权益, 无法提 握相关政府信): such a line is one text (or two,
    as a row's cells), so its blank-separated parts are searched as pieces, and pieces
    that spell a group's label with one of them beside a piece that does not are that
    label's too, even when they stand together (the whole label on one line, centred in
    its rows). The group's pieces may stand beside several rows' labels: the texts of
    the runs ``beyond`` (before ``run``, after ``following``) are searched with them.
    Returned with ``run`` and ``following`` as they are, or — when a line of them holds
    a group's piece beside other parts — as copies with that line's parts apart (the
    group's pieces, the rest as one text)."""
    before, after = beyond
    window = [
        item
        for item in (*[*before, *run][-_WINDOW:], *[*following, *after][:_WINDOW])
        if _is_piece(item, header)
    ]
    parted: dict[int, list[Item]] = {}
    if any(_INNER_BLANK.search(item[RAW].strip()) for item in window):
        parts: list[Item] = []
        for item in window:
            split = _parts(item)
            if len(split) > 1:
                parted[id(item)] = split
            parts += split
        window = parts
    out: set[int] = set()
    for label in _group_labels(spec):
        for start, item in enumerate(window):
            norm = item[NORM]
            if not norm or not label.startswith(norm) or id(item) in out:
                continue
            taken, done = [start], len(norm)
            for at in range(start + 1, len(window)):
                if done == len(label):
                    break
                norm = window[at][NORM]
                if norm and label.startswith(norm, done) and id(window[at]) not in out:
                    taken.append(at)
                    done += len(norm)
            if done == len(label) and (
                taken[-1] - taken[0] >= len(taken) or _beside(window, taken)
            ):
                out.update(id(window[at]) for at in taken)
                break
    if not parted:
        return run, following, out
    return _apart(run, parted, out), _apart(following, parted, out), out


#: Blanks inside a line of text: where the parts of a line that keeps its cells side by
#: side (pdftotext -layout) are cut (one blank may stand between two narrow cells).
_INNER_BLANK = re.compile(r"[\s\u3000]+")


def _parts(item: Item) -> list[Item]:
    """A text's blank-separated parts, each a text where it stands (the text itself when
    it has none)."""
    raw = item[RAW]
    cuts = [match.span() for match in _INNER_BLANK.finditer(raw)]
    if not cuts:
        return [item]
    out: list[Item] = []
    at = 0
    for start, end in (*cuts, (len(raw), len(raw))):
        if start > at:
            out.append(_part(item, at, start))
        at = end
    return out if len(out) > 1 else [item]


def _part(item: Item, start: int, end: int) -> Item:
    """The text ``item[RAW][start:end]`` as an item of its own, where it stands on the line
    (its display column too, for an item of a space-aligned row)."""
    raw = item[RAW]
    text = raw[start:end]
    grid, width = item[GRID], item[WIDTH]
    if grid >= 0:
        from wcwidth import wcswidth

        grid += max(wcswidth(raw[:start]), 0)
        width = max(wcswidth(text), 0)
    column = item[COLUMN] + start
    return (
        item[KIND],
        text,
        column,
        column + len(text),
        normalise(text),
        *item[FIELD:GRID],
        grid,
        width,
        *item[VALUE:],
    )


def _beside(window: list[Item], taken: list[int]) -> bool:
    """Whether a taken text (a group's piece) shares its line with one not taken."""
    lines = {window[at][LINE] for at in taken}
    chosen = set(taken)
    return any(item[LINE] in lines for at, item in enumerate(window) if at not in chosen)


def _apart(texts: list[Item], parted: dict[int, list[Item]], pieces: set[int]) -> list[Item]:
    """``texts`` with each line that holds a group's piece beside other parts cut apart:
    the group's pieces as texts of their own, the other parts as one text, in order."""
    out: list[Item] = []
    for item in texts:
        parts = parted.get(id(item))
        if parts is None or all(id(part) not in pieces for part in parts):
            out.append(item)
            continue
        rest: list[Item] = []
        for part in parts:
            if id(part) in pieces:
                if rest:
                    out.append(_rejoined(item, rest))
                    rest = []
                out.append(part)
            else:
                rest.append(part)
        if rest:
            out.append(_rejoined(item, rest))
    return out


def _rejoined(item: Item, parts: list[Item]) -> Item:
    """Parts of ``item`` next to each other as one text (its blanks between them kept)."""
    if len(parts) == 1:
        return parts[0]
    first, last = parts[0], parts[-1]
    offset = first[COLUMN] - item[COLUMN]
    return _part(item, offset, last[END] - item[COLUMN])


def _no_piece(spec: TableSpec) -> Callable[[str], object]:
    """What tells a text that is no piece of a wrapped label: a header word (自然人, 信息内容)
    or a block's header line (第二十条第（五）项, between two blocks of table 二)."""

    def make() -> Callable[[str], object]:
        match = spec.header_pattern.match
        blocks = frozenset(normalise(block.header) for block in spec.blocks)
        if not blocks:
            return match
        return lambda norm: match(norm) or (True if norm in blocks else None)

    return _of_spec(_NO_PIECE, spec, make)


#: id of a table spec → (the spec, its :func:`_no_piece`). Made from the spec alone.
_NO_PIECE: dict[int, tuple[TableSpec, Callable[[str], object]]] = {}


#: How many texts on either side of a row's numbers are searched for a group label's
#: pieces (the longest, 三、本年度办理结果, in one-character pieces, and as many between).
_WINDOW = 24


def _group_labels(spec: TableSpec) -> tuple[str, ...]:
    """The spec's group labels (those its subtotals name), normalised."""
    return _of_spec(
        _GROUP_LABELS, spec, lambda: tuple(normalise(label) for _, label, _ in spec.subtotals)
    )


#: id of a table spec → (the spec, its group labels normalised). Made from the spec alone.
_GROUP_LABELS: dict[int, tuple[TableSpec, tuple[str, ...]]] = {}


def _is_piece(item: Item, header: Callable[[str], object]) -> bool:
    """Whether a text may be a piece of a wrapped label: a whole line of text outside any
    field or grid, no header word nor sentence."""
    return (
        item[FIELD] < 0
        and item[TABLE] < 0
        and header(item[NORM]) is None
        and _SENTENCE.search(item[RAW]) is None
    )


def _first_row(
    finder: Callable[[str], tuple[int, ...]],
    norms: list[str],
    after: str,
    cursor: int,
    header: Callable[[str], object],
) -> tuple[int, int] | None:
    """The row that the shortest join of the last of ``norms`` (and the text ``after``)
    names from the ``cursor`` on, and where in ``norms`` that join begins."""
    joined = after
    for at in range(len(norms) - 1, -1, -1):
        joined = norms[at] + joined
        if header(joined) is not None:
            continue
        rows = finder(joined)
        found = bisect_left(rows, cursor)
        if found < len(rows):
            return rows[found], at
    return None


def _tail_row(
    run: list[Item], spec: TableSpec, cursor: int, header: Callable[[str], object]
) -> int | None:
    """The row the wrapped pieces at the end of ``run`` name by themselves (back to the
    piece that begins a label; without joining any text after them)."""
    tail = _tail(run, header, set())
    found = _first_row(_finder(spec), [run[i][NORM] for i in tail], "", cursor, header)
    return None if found is None else found[0]


def _joined(pieces: list[Item]) -> Item:
    """The pieces of a wrapped label as one text, where its first piece stands."""
    raw = "".join(item[RAW] for item in pieces)
    return relabelled(pieces[0], raw, "".join(item[NORM] for item in pieces))


def _joined_label(
    piece: Item,
    following: list[Item],
    spec: TableSpec,
    cursor: int,
    naming: dict[str, tuple[int, ...]],
) -> int | None:
    """The row a label broken around its numbers names (5.要求行政机关确认或 | 2 | 7 … then
    重新出具已获取信息): ``piece`` joined with the first of the ``following`` texts, which
    is then taken out of them. Not when that text is the label of the values after it
    (the only text before them), names the row by itself, and the two do not make its
    label: then it is the next row's label, and ``piece`` a row of its own (2.重复申
    before 3.要求提供公开出版物; a line repeated, or a header line moved, before a row)
    whose values must not go to the next row, nor the next row's be lost. Nor when that
    text begins a label (an item number: 3.危及“三安全一稳定” after a row whose label
    names no row) and ``piece`` is no group's label (三、本年度办理结果 | 3 … then
    （一）予以公开 is （一）'s label): only a group's label goes on with a numbered one."""
    after = following[0]
    if _NUMBERED.match(after[NORM]) and subtotal_group(spec, [piece[NORM]]) is None:
        return None
    norm = piece[NORM] + after[NORM]
    found = _label_for([relabelled(piece, piece[RAW] + after[RAW], norm)], spec, cursor, naming)
    if found is None:
        return None
    index = found[0]
    if len(following) == 1 and index not in _misprints(spec, norm):
        alone = _label_for(following, spec, cursor, naming)
        if alone is not None and alone[0] == index:
            return None
    following.pop(0)
    return index


def _misprinted(
    label: Item,
    runs: list[Run],
    position: int,
    spec: TableSpec,
    cursor: int,
    naming: dict[str, tuple[int, ...]],
) -> tuple[int, Item] | None:
    """The row whose label ``label`` (the label of the run at ``position``, naming no row
    by its words) is a misprint of, if one row fits, and the misprinted words. A row fits
    when, from the row expected next (the ``cursor``) to the row the next label names,
    exactly one row's label has its number and resembles it (see
    :func:`xxgk_lint.format.labels.misprinted_rows`). Where two rows would fit, or none,
    the row is left unread (XG003 reports the rows missing): a wrong guess would give its
    values to another row.

    A label printed after its group's on one line, separated by a space ((三)不予公开
    1.属于国家秘, from a PDF's text layer), is read from the words after the group's."""
    printed = label
    candidates = [index for index in _misprints(spec, label[NORM]) if index >= cursor]
    if not candidates and " " in label[RAW].strip():
        raw = label[RAW]
        at = 0
        for word in raw.split()[:-1]:
            at = raw.index(word, at) + len(word)  # the words after this one
            norm = normalise(raw[at:])
            candidates = [index for index in _misprints(spec, norm) if index >= cursor]
            if candidates:
                at += len(raw[at:]) - len(raw[at:].lstrip())
                column = label[COLUMN] + at  # (the item of those words: see cells.Item)
                printed = (label[KIND], raw[at:], column, label[END], norm, *label[FIELD:])
                break
    if not candidates:
        return None
    bound = len(spec.rows)  # the row the next label names: the slot ends before it
    for texts, values, _ in runs[position + 1 :]:
        found = _label_for(texts, spec, cursor, naming) if texts and values else None
        if found is not None:
            bound = found[0]
            break
    fitting = [index for index in candidates if index < bound]
    return (fitting[0], printed) if len(fitting) == 1 else None


#: id of a table spec → (the spec, labels naming no row → the rows each could misprint).
_MISPRINTS: dict[int, tuple[TableSpec, dict[str, tuple[int, ...]]]] = {}
register(_MISPRINTS.clear)


def _misprints(spec: TableSpec, norm: str) -> tuple[int, ...]:
    """:func:`~xxgk_lint.format.labels.misprinted_rows`, kept per spec (at most
    _NAMING_SIZE labels): asked of the labels that name no row, which recur less."""
    table = _of_spec(_MISPRINTS, spec, dict)
    found = table.get(norm)
    if found is None:
        if len(table) >= _NAMING_SIZE:
            table.clear()
        found = table[norm] = misprinted_rows(spec, norm)
    return found


#: id of a table spec → (the spec, its labels → the indices of the rows each names).
#: Labels are the template's words, the same in report after report: each is matched
#: against the rows once. The spec is kept with its table so that a reused id never hits.
_NAMING: dict[int, tuple[TableSpec, dict[str, tuple[int, ...]]]] = {}
_NAMING_SIZE = 2048
register(_NAMING.clear)


_T = TypeVar("_T")
#: How many specs a per-spec table keeps (the format models have six tables).
_SPECS_KEPT = 64


def _of_spec(table: dict[int, tuple[TableSpec, _T]], spec: TableSpec, make: Callable[[], _T]) -> _T:
    """What ``table`` keeps for ``spec`` (made by ``make`` the first time). Keyed by the
    spec's id, with the spec kept beside it so that a reused id never hits."""
    entry = table.get(id(spec))
    if entry is None or entry[0] is not spec:
        if len(table) >= _SPECS_KEPT:
            table.clear()  # (specs made on the fly, as tests do: the table stays small)
        entry = table[id(spec)] = (spec, make())
    return entry[1]


def _naming(spec: TableSpec) -> dict[str, tuple[int, ...]]:
    """The spec's table of labels and the rows they name (see :func:`_rows_naming`),
    holding the format's own labels from the start."""
    return _of_spec(_NAMING, spec, lambda: dict(_format_labels(spec)))


def _rows_naming(spec: TableSpec, naming: dict[str, tuple[int, ...]], norm: str) -> tuple[int, ...]:
    """The indices of the template rows whose pattern finds ``norm``, in row order (kept
    in ``naming``, the spec's table, which holds at most _NAMING_SIZE labels)."""
    if len(naming) >= _NAMING_SIZE:
        naming.clear()
        naming.update(_format_labels(spec))
    found = naming[norm] = _finder(spec)(norm)
    return found


def _finder(spec: TableSpec) -> Callable[[str], tuple[int, ...]]:
    return _of_spec(_FINDERS, spec, lambda: _rows_finder(spec))


#: id of a table spec → (the spec, the texts its table prints, normalised → the rows each
#: names). Reports print the format's row labels (1.属于国家秘密 …), column labels (自然人)
#: and block headers (第二十条第（一）项): those are found once per process, not once per
#: report. Not emptied by clear_all: made from the spec alone.
_LABELS: dict[int, tuple[TableSpec, dict[str, tuple[int, ...]]]] = {}


def _format_labels(spec: TableSpec) -> dict[str, tuple[int, ...]]:
    def make() -> dict[str, tuple[int, ...]]:
        finder = _finder(spec)
        texts = [
            *(text for row in spec.rows for text in (row.label.zh, *row.variants)),
            *(text for column in spec.columns for text in (column.label.zh, *column.variants)),
            *(block.header for block in spec.blocks),
        ]
        return {norm: finder(norm) for norm in map(normalise, texts)}

    return _of_spec(_LABELS, spec, make)


#: id of a table spec → (the spec, its :func:`_rows_finder`). Not emptied by clear_all:
#: a finder is the format's (made from a spec alone, as a compiled pattern), not what the
#: reports hold; the specs are the format model's few tables.
_FINDERS: dict[int, tuple[TableSpec, Callable[[str], tuple[int, ...]]]] = {}


def _rows_finder(spec: TableSpec) -> Callable[[str], tuple[int, ...]]:
    """What tells the rows whose pattern finds a label, in row order.

    Most rows' patterns are plain words or alternatives of words (国家秘密, 信访|举报投诉):
    for those a substring test says what ``pattern.search`` would, at a fraction of the
    cost of a search; the other rows are searched. A new label is tested against every
    row of the table (up to 26), so this runs for each distinct label a report holds.
    """
    words: list[tuple[int, str]] = []
    searches: list[tuple[int, Callable[[str], object]]] = []
    for index, row in enumerate(spec.rows):
        # (The words, without compiling the pattern: plain words need no pattern at all.)
        if all(map(is_plain, row.words)):
            words.extend((index, word) for word in row.words)
        else:
            searches.append((index, row.pattern.search))

    def finder(norm: str) -> tuple[int, ...]:
        hits = {index for index, word in words if word in norm}
        hits.update(index for index, search in searches if search(norm) is not None)
        return tuple(sorted(hits))

    return finder


#: A row as the first pass finds it: its key, label, values, columns, header, placement.
_Found = tuple[str, Item, list[Item], tuple[str, ...], HeaderMap, Placement]


def _rows(found_rows: list[_Found]) -> tuple[Row, ...]:
    """The rows found, with their cells: one loop for the table (a Python call per row
    cost more than the row's own steps).

    The rows placed by count (nearly all) miss no cell: their cells are made by one
    :func:`make_cells` call for the whole table and cut per row (a call per row cost as
    much as the row's cells). The others are made row by row, each with the place of its
    missing cells."""
    counted_columns: list[str] = []
    counted_items: list[Item | None] = []
    for _, _, _, columns, _, (items, evidence, _) in found_rows:
        if evidence == COUNT and items is not None:
            counted_columns += columns
            counted_items += items
    counted = make_cells(counted_columns, counted_items, _NO_BLANK)
    at = 0  # where the next counted row's cells start in ``counted``
    rows: list[Row] = []
    append = rows.append
    for key, label, _, columns, _, placement in found_rows:
        line, end = label[LINE], label[END]
        span = (line, label[COLUMN], line, end, None)  # (a Span when read: see Row)
        items, evidence, found = placement
        if items is None:
            cells: tuple[CellFields, ...] = ()
            status = UNCERTAIN
        else:
            if evidence == COUNT:
                cells = counted[at : at + len(columns)]
                at += len(columns)
            else:  # (a missing cell stands at the label's end)
                cells = make_cells(columns, items, (line, end, line, end, None))
            status = COMPLETE
        append(_new(Row, (key, label[RAW], span, cells, columns, status, found, evidence)))
    return tuple(rows)


#: The blank span of the rows placed by count: never used (no cell is missing).
_NO_BLANK = (0, 0, 0, 0, None)


def _second_pass(pending: list[_Pending], votes: FieldVotes, headers: _Headers) -> None:
    """Place the rows the first pass left open, against the table's complete rows."""
    open_rows = [e for e in pending if e.placement.evidence == "pending"]
    if not open_rows:
        return
    for entry in pending:
        _vote(votes, entry)
    for entry in open_rows:
        if entry.values and entry.values[0][TABLE] < 0:
            entry.header = headers.current(-1, entry.label[LINE])
        entry.placement = place(
            entry.values,
            entry.columns,
            label_field=entry.label[FIELD],
            header=entry.header,
            votes=votes,
            second_pass=True,
        )
    _aligned(open_rows, pending)


def _aligned(open_rows: list[_Pending], pending: list[_Pending]) -> None:
    """Place the rows still open that are text in space-aligned columns (a blank cell
    leaves no field to keep its place) by where their values stand under the table's
    complete rows of the same columns (see :func:`by_alignment`)."""
    complete: dict[tuple[str, ...], list[Measured]] = {}
    for entry in pending:
        items = entry.placement.items
        if entry.placement.evidence == COUNT and items is not None and None not in items:
            spans = aligned_spans([item for item in items if item is not None])
            if spans is not None:
                complete.setdefault(tuple(entry.columns), []).append(spans)
    if not complete:
        return
    read = {columns: alignment(rows) for columns, rows in complete.items()}
    for entry in open_rows:
        references = read.get(tuple(entry.columns))
        if entry.placement.items is None and references is not None:
            placement = by_alignment(entry.values, entry.columns, references, entry.label)
            if placement is not None:
                entry.placement = placement


def _stripped_tails(pending: list[_Pending], headers: _Headers) -> None:
    """Read as blank the last field(s) a separated text table lost in every short row.

    A tab row whose trailing blank fields were stripped (…\t0\t0 where a blank 总计
    followed) holds fewer fields than columns. Its values are still positional, from the
    field after its label on: so when every row left open is short by the same number of
    trailing fields, each holds its values in consecutive fields right after its label,
    the table's complete rows sit so too, and the header names the missing columns, the
    missing columns are blank. Empty fields between a label and its values (a merged
    label cell's spare field: 3.其他\t\t1\t0…) are allowed where a complete row with its
    label in the same field has its values as far from it. A row whose values could sit
    in other columns (a gap among them, another shortfall), or a single short row, is
    left uncertain.
    """
    open_rows = [e for e in pending if e.placement.items is None and e.values]
    if len(open_rows) < 2:
        return  # one short row is a value lost somewhere in it, not a stripped column
    complete = [e for e in pending if e.placement.evidence == "count" and e.label[FIELD] >= 0]
    offsets = set()  # (label field, how far after it the values start) of complete rows
    for entry in complete:
        fields = _side_by_side(entry.values)
        if fields is None or len(fields) != len(entry.columns) or fields[0] <= entry.label[FIELD]:
            return
        offsets.add((entry.label[FIELD], fields[0] - entry.label[FIELD]))
    if not offsets:
        return
    shortfalls = set()
    for entry in open_rows:
        values, label = entry.values, entry.label
        if label[FIELD] < 0 or any(
            v[FIELD] < 0 or v[LINE] != label[LINE] or v[TABLE] >= 0 for v in values
        ):
            return
        fields = _side_by_side(values)
        if fields is None or values[-1][KIND] == EMPTY:
            return
        offset = fields[0] - label[FIELD]
        if offset != 1 and (label[FIELD], offset) not in offsets:
            return
        shortfalls.add(len(entry.columns) - len(fields))
    if len(shortfalls) != 1 or (shortfall := shortfalls.pop()) <= 0:
        return
    first_line = min(e.label[LINE] for e in pending)
    named = {
        headers.column_of(i) for i in headers.items if i[KIND] == TEXT and i[LINE] < first_line
    }
    if not all(column in named for e in open_rows for column in e.columns[-shortfall:]):
        return
    for entry in open_rows:
        found = [v for v in entry.values if v[KIND] != EMPTY]
        items = (*found, *([None] * shortfall))
        entry.placement = Placement(items, "fields", len(found))


def _side_by_side(values: list[Item]) -> list[int] | None:
    """The fields of a row's filled values when they stand side by side (empty fields
    before or after them, none between), else None."""
    fields = [v[FIELD] for v in values if v[KIND] != EMPTY]
    if not fields or fields[-1] - fields[0] != len(fields) - 1:
        return None
    return fields


def _vote(votes: FieldVotes, entry: _Pending) -> None:
    placement = entry.placement
    if placement.evidence != "count" or placement.items is None or entry.label[FIELD] < 0:
        return
    line = entry.label[LINE]
    fields = []
    for item in placement.items:
        if item is None or item[FIELD] < 0 or item[LINE] != line:
            return
        fields.append(item[FIELD])
    votes.add(entry.label[FIELD], tuple(fields))


#: The longest text read as a bad value between a row's values (一, 〇, 暂无, 不涉及, 0件,
#: N/A): a label of the format is longer, or names a row.
_BAD_VALUE_CHARS = 6


def _bad_values(
    runs: list[Run],
    position: int,
    values: list[Item],
    kinds: str,
    width: int,
    names_row: Callable[[list[Item]], bool],
) -> tuple[list[Item], str]:
    """The row's values with the short texts that stand among them on their line.

    A word typed where a number belongs (一 for —, 〇, 暂无, 0件, ×) ends the row's value
    run, and would start a row of its own (or join the next row's label as a label broken
    around its numbers) — losing the values of both rows. A text on the line of the row's
    last value, that names no row, is a bad value of this row when the row's width leaves
    a column for it and for the values after it on that line: the texts become its cells
    (XG004 reports them) and the next run keeps only the texts on later lines.
    """
    line = values[-1][LINE]
    filled = len(kinds) - kinds.count(EMPTY)
    while position + 1 < len(runs):
        texts, more, more_kinds = runs[position + 1]
        count = 0
        while count < len(texts) and texts[count][LINE] == line:
            count += 1
        if count == 0 or any(len(t[NORM]) > _BAD_VALUE_CHARS for t in texts[:count]):
            break
        stray = texts[:count]
        if count < len(texts):
            more, more_kinds = [], ""  # (the values after are the next row's)
        elif any(m[LINE] != line for m in more):
            break
        taken = filled + count + len(more_kinds) - more_kinds.count(EMPTY)
        if taken > width or names_row(stray):
            break
        values = [*values, *stray, *more]
        kinds = kinds + TEXT * count + more_kinds
        filled = taken
        if count < len(texts):
            runs[position + 1] = (texts[count:], runs[position + 1][1], runs[position + 1][2])
            break
        runs[position + 1] = ([], [], "")
        position += 1
    return values, kinds


def _mended(
    runs: list[Run],
    position: int,
    values: list[Item],
    kinds: str,
    width: int,
    names_row: Callable[[list[Item]], bool],
    leading: list[Item],
) -> tuple[list[Item], str] | None:
    """A row's values with its bad values taken in (:func:`_bad_values`, or
    :func:`_lone_bad_values` for one cell per line, where ``leading`` are the texts
    between the row's label and its values; ``names_row`` tells a text that names a row,
    which is no bad value) and a page number after it left out
    (:func:`_without_lone_numbers`), or None if neither is."""
    mended = values, kinds
    after = runs[position + 1][0] if position + 1 < len(runs) else None
    if after and after[0][LINE] == values[-1][LINE]:
        mended = _bad_values(runs, position, values, kinds, width, names_row)
    elif _one_per_line(values):
        mended = _lone_bad_values(runs, position, leading, values, kinds, width, names_row)
        if mended[0] is values and not leading:
            mended = _blank_lines(runs, position, values, kinds, width)
    if mended[0][-1][FIELD] < 0 <= mended[0][0][FIELD]:
        mended = _without_lone_numbers(*mended, width)
    return None if mended[0] is values else mended


def _blank_lines(
    runs: list[Run],
    position: int,
    values: list[Item],
    kinds: str,
    width: int,
) -> tuple[list[Item], str]:
    """A one-cell-per-line row's values with its blank cells, which are empty lines.

    A table copied one cell per line prints a blank cell as an empty line, and the lexer
    keeps no empty line: the row is a value short, and its values go unplaced. How many
    lines stand between a label and its first value, between two values, and between a
    row's last value and the next label is read from the table's complete rows (those
    with ``width`` values, one per line: a layout puts one empty line between cells, or
    none); a gap wider than that by ``k`` times the step between values holds ``k`` blank
    cells, each an EMPTY item on its empty line (where XG004 points). The row is mended
    only when every gap reads so and the row then has exactly ``width`` cells; the gap
    after the row's last value is counted only if the row needs it (the table's end may
    be followed by any number of empty lines).
    """
    label = runs[position][0]
    normal = _cell_gaps(runs, width)
    if not label or normal is None or len(values) >= width:
        return values, kinds
    lead, step, tail = normal
    cells: list[Item] = []
    before, gap = label[-1][LINE], lead
    for value in values:
        blanks = _blanks_between(before, value[LINE], gap, step)
        if blanks is None:
            return values, kinds
        cells += blanks
        cells.append(value)
        before, gap = value[LINE], step
    if len(cells) < width and position + 1 < len(runs):
        following = runs[position + 1][0] or runs[position + 1][1]
        blanks = _blanks_between(before, following[0][LINE], tail, step) if following else None
        if blanks is not None:
            cells += blanks
    if len(cells) != width:
        return values, kinds
    return cells, "".join(map(item_kind, cells))


def _blanks_between(before: int, after: int, gap: int, step: int) -> list[Item] | None:
    """The blank cells on the empty lines between lines ``before`` and ``after``, where
    ``gap`` lines apart is none and each blank cell takes ``step`` lines more; None when
    the lines between are no whole number of cells."""
    extra = after - before - gap
    if extra < 0 or extra % step:
        return None
    return [
        (EMPTY, "", 1, 1, "", -1, -1, -1, 1, None, "blank", before + step * k)
        for k in range(1, extra // step + 1)
    ]


def _cell_gaps(runs: list[Run], width: int) -> tuple[int, int, int] | None:
    """How many lines a one-cell-per-line table puts from a label to its first value,
    from value to value, and from a row's last value to the next label, read from its
    rows of ``width`` values: None unless its rows agree (each gap the same in all)."""
    leads: set[int] = set()
    steps: set[int] = set()
    tails: set[int] = set()
    for at, (texts, values, kinds) in enumerate(runs):
        if not texts or len(values) != width or EMPTY in kinds or not _one_per_line(values):
            continue
        leads.add(values[0][LINE] - texts[-1][LINE])
        steps.update(b[LINE] - a[LINE] for a, b in pairwise(values))
        if at + 1 < len(runs) and runs[at + 1][0]:
            tails.add(runs[at + 1][0][0][LINE] - values[-1][LINE])
    if len(leads) != 1 or len(steps) != 1 or len(tails) > 1:
        return None
    step = steps.pop()
    return leads.pop(), step, tails.pop() if tails else step


def _one_per_line(items: list[Item]) -> bool:
    """Whether each item stands on a line of its own, in line order, outside any field or
    grid: a table copied one cell per line."""
    last = -1
    for item in items:
        if item[FIELD] >= 0 or item[TABLE] >= 0 or item[LINE] <= last:
            return False
        last = item[LINE]
    return True


def _lone_words(texts: list[Item]) -> int:
    """How many of ``texts``, from the first, are words that can stand for a number (一,
    0件, ×, 若干): short whole lines, no sentence nor lead-in (单位：件)."""
    count = 0
    for text in texts:
        if text[GRID] >= 0 or len(text[NORM]) > _BAD_VALUE_CHARS or _SENTENCE.search(text[RAW]):
            break
        count += 1
    return count


def _lone_bad_values(
    runs: list[Run],
    position: int,
    leading: list[Item],
    values: list[Item],
    kinds: str,
    width: int,
    names_row: Callable[[list[Item]], bool],
) -> tuple[list[Item], str]:
    """A one-cell-per-line row's values with the words that stand among them.

    A word on its own line where a number belongs (一 for —, 0件, ×) is a text to the
    grammar: it ends the row's value run (the values after it are then no row's), or joins
    the label run of the next row, or stands between the row's label and its values. The
    words right after the label (``leading``), and those after the values with the values
    that follow them, are the row's cells (XG004 reports them) when they name no row and
    the row then holds exactly as many cells as columns: with a cell too few or too many
    the words could be anything, and the row is left as it was (uncertain).
    """
    filled = len(kinds) - kinds.count(EMPTY)
    cells, cell_kinds = values, kinds
    if leading:
        if _lone_words(leading) != len(leading) or names_row(leading):
            return values, kinds
        cells, cell_kinds = [*leading, *values], TEXT * len(leading) + kinds
        filled += len(leading)
    taken: dict[int, Run] = {}  # the runs' rests
    at = position + 1
    while filled < width and at < len(runs):
        texts, more, more_kinds = runs[at]
        count = _lone_words(texts)
        stray = texts[:count]
        if count == 0 or names_row(stray):
            break
        if count < len(texts):
            more, more_kinds = [], ""  # (the values after are the next row's)
        filled += count + len(more_kinds) - more_kinds.count(EMPTY)
        cells, cell_kinds = [*cells, *stray, *more], cell_kinds + TEXT * count + more_kinds
        if count < len(texts):
            taken[at] = (texts[count:], runs[at][1], runs[at][2])
            break
        taken[at] = ([], [], "")
        at += 1
    if filled != width or not _one_per_line(cells):
        return values, kinds
    for at, rest in taken.items():
        runs[at] = rest
    return cells, cell_kinds


def _lone_cell(
    runs: list[Run],
    position: int,
    spec: TableSpec,
    cursor: int,
    naming: dict[str, tuple[int, ...]],
) -> Run | None:
    """The (label run, the word as its value, TEXT) of a one-column row whose only cell,
    one cell per line, is a word (一 for —, 〇, ×, 若干, 0件) inside the label run at
    ``position``; the texts after the word stay at ``position + 1`` with the run's values.

    With nothing numeric after it, the word joins the label run of whatever follows (the
    next row's label, a block's header, or nothing at the table's end): the row has no
    value run and is lost. A short word alone on its line right after a label naming a
    one-column row (行政许可, 行政事业性收费) is the row's cell (XG004 reports it), when it
    names no row and is not followed by the values (then it leads a longer row:
    :func:`_lone_bad_values`). More such words after it (行政许可, 若干, 件) stand where no
    cell of the row is: the first is still the row's cell, the others stay texts of no
    cell — when a label or a header follows them, or nothing does (the table's end); with
    values right after them, they may be the next row's label misprinted (行政强 | 9), and
    the run is left as it is.
    """
    run, values, kinds = runs[position]
    rows = spec.rows
    for at in range(len(run) - 1):
        label, word = run[at], run[at + 1]
        if len(word[NORM]) > _BAD_VALUE_CHARS or word[LINE] <= label[LINE]:
            continue  # (most texts: a long one, or two on a line)
        if not _one_per_line([label, word]) or _lone_words([word]) != 1:
            continue
        found = _label_for([label], spec, cursor, naming)
        if found is None or found[1] is not label or len(rows[found[0]].columns) != 1:
            continue
        names_row = _names_a_row(spec, found[0] + 1, naming)
        rest = run[at + 2 :]
        if names_row([word]) or (rest and rest[0][LINE] == word[LINE]):
            return None
        strays = _stray_words(rest, word, names_row, spec.header_pattern.match)
        if values and strays == len(rest):
            return None
        runs.insert(position + 1, (rest, values, kinds))
        return run[: at + 1], [word], TEXT
    return None


def _stray_words(
    texts: list[Item],
    after: Item,
    names_row: Callable[[list[Item]], bool],
    header: Callable[[str], object],
) -> int:
    """How many of ``texts``, from the first, are words alone on their lines after the
    item ``after`` (as :func:`_lone_words` counts them) that name no row and are no
    header word: one cell per line, words where no cell of the row before stands."""
    count = 0
    for text in texts:
        if (
            not _one_per_line([after, text])
            or not _lone_words([text])
            or names_row([text])
            or header(text[NORM])
        ):
            break
        count += 1
        after = text
    return count


def _names_a_row(
    spec: TableSpec, cursor: int, naming: dict[str, tuple[int, ...]]
) -> Callable[[list[Item]], bool]:
    """Whether texts name a row of ``spec`` (looked for from row ``cursor`` on, as
    :func:`_label_for` looks): such texts are a label, never a row's bad values."""
    return lambda texts: _label_for(texts, spec, cursor, naming) is not None


def _without_lone_numbers(values: list[Item], kinds: str, width: int) -> tuple[list[Item], str]:
    """A separated row's values without the lone numbers on the lines after it, when its
    own line holds all its values: a bare page number (4) between two rows of a | or tab
    table is no cell of the row above."""
    line = values[0][LINE]
    at = next(i for i, v in enumerate(values) if v[LINE] != line)
    if len(kinds[:at]) - kinds[:at].count(EMPTY) != width or any(
        v[FIELD] >= 0 for v in values[at:]
    ):
        return values, kinds
    return values[:at], kinds[:at]


def _first_placement(
    values: list[Item],
    kinds: str,
    columns: tuple[str, ...],
    label: Item,
    header: HeaderMap,
    votes: FieldVotes,
) -> Placement:
    """A row's placement in the first pass. A text row is placed by count (the grid needs
    a grid row; the run's kinds are given, so that by_count need not read the values), or
    left pending for the second pass, which lays it against the table's other rows; a grid
    row is placed by its grid."""
    if values[0][TABLE] < 0:
        return by_count(values, columns, kinds) or Placement(
            None, "pending", len(kinds) - kinds.count(EMPTY)
        )
    return place(
        values, columns, label_field=label[FIELD], header=header, votes=votes, second_pass=False
    )


def map_rows(spec: TableSpec, items: list[Item], model: Format) -> MappedTable:
    """Map a table whose rows carry labels (tables 二 and 三)."""
    deviations: list[Deviation] = []
    headers = _Headers(spec, items)
    votes = FieldVotes()
    found_rows: list[_Found] = []
    unplaced = False  # whether a row is left open: then the second pass runs
    cursor = 0
    first: Item | None = None
    runs = value_runs(items, spec)
    naming = _naming(spec)
    row_specs = spec.rows
    printed: tuple[str, ...] | None = None  # the order a text header prints the columns in
    printed_at: Item | None = None
    orders: list[tuple[tuple[str, ...] | None, Item | None]] = []  # per row found
    told = False  # whether a header told an order (or a grid row may have one)
    money = spec.money_columns
    units: list[tuple[str, str, str]] = []
    subtotals: list[_Found] = []  # (a group label's line with numbers: see _subtotal)
    for position, (run, values, kinds) in enumerate(runs):
        found = _label_for(run, spec, cursor, naming) if values else None
        if (found is None or found[0] != cursor) and len(run) > 1:
            # The run names no row, or skips the row expected: when that row has one
            # column, its cell may be a word its label run holds (one cell per line; rare).
            lone = _lone_cell(runs, position, spec, cursor, naming)
            if lone is not None:
                run, values, kinds = runs[position] = lone
                found = _label_for(run, spec, cursor, naming)
        if not values:
            continue
        misprint = None
        if found is None or found[1] is not run[-1]:  # (rare: most labels name their row)
            group = subtotal_group(spec, [t[NORM] for t in run[-2:]]) if found is None else None
            if (
                group is not None
                and kinds.strip(EMPTY)
                and not _broken_label(runs, position, spec, cursor, naming)
            ):
                # A group's label with numbers: its subtotal, never joined with the label
                # of its first leaf (which would then take the subtotal's values).
                label = run[group[1]]
                subtotals.append(_subtotal(spec, group[0], label, values, kinds, headers, votes))
                deviations.append(_subtotal_notice(spec, group[0], label))
                continue
            found, misprint = _row_label(runs, position, spec, cursor, naming, found)
        if found is None:
            continue
        index, label = found
        row_spec = row_specs[index]
        if row_spec.replaces and _heads_rows(runs, position, spec, index, naming):
            if kinds.strip(EMPTY) and spec.subtotal_parts(row_spec.key):
                group_key = row_spec.key  # (a group's label over its rows, with numbers)
                subtotals.append(_subtotal(spec, group_key, label, values, kinds, headers, votes))
                deviations.append(_subtotal_notice(spec, group_key, label))
            continue
        # Text cells after the label on its own line stand where numbers belong (若干, 不详):
        # they are the row's first cells, not part of its label.
        if label[FIELD] >= 0 and run[-1] is not label:
            at = run.index(label)
            stray = [t for t in run[at + 1 :] if t[LINE] == label[LINE] and t[FIELD] > label[FIELD]]
            if stray:
                values = stray + values
                kinds = TEXT * len(stray) + kinds
        columns = row_spec.columns
        # The header is only read for a grid row; the second pass reads it if need be.
        header = (
            _NO_HEADER if values[0][TABLE] < 0 else headers.current(values[0][TABLE], label[LINE])
        )
        amount_unit = None
        if money and len(columns) == 1 and columns[0] in money:  # (行政事业性收费)
            values, amount_unit = _amounts(values)
        if len(values) < len(columns) and values[0][FIELD] < 0:
            # A running header among a one-cell-per-line row's values is no label.
            names_row = _names_a_row(spec, index + 1, naming)
            joined = across_running_line(runs, position, columns, spec, model, names_row)
            if joined is not None:
                values, kinds = joined, "".join(map(item_kind, joined))
        placement = _first_placement(values, kinds, columns, label, header, votes)
        if placement[0] is None and len(values) > len(columns):
            # A page number among a one-cell-per-line row's values is no cell.
            unpaged = without_page_in_row(values, columns, spec, model)
            if unpaged is not None:
                values, kinds = unpaged, "".join(map(item_kind, unpaged))
                placement = _first_placement(values, kinds, columns, label, header, votes)
        if placement[0] is None or (values[0][TABLE] >= 0 and None in placement[0]):
            # (A row placed whole holds no bad value nor page number: only one left open,
            # or a grid row missing a cell, is mended, and placed again.)
            mended = _mended(
                runs,
                position,
                values,
                kinds,
                len(columns),
                _names_a_row(spec, index + 1, naming),
                run[next(i for i, t in enumerate(run) if t is label) + 1 :] if run else [],
            )
            if mended is not None:
                values, kinds = mended
                placement = _first_placement(values, kinds, columns, label, header, votes)
                if (
                    placement[0] is None
                    and len(values) == len(columns)
                    and EMPTY in kinds
                    and _one_per_line(values)
                ):
                    # One cell per line with its blank cells read from the empty lines
                    # (_blank_lines): each item is a cell, in order.
                    placement = _new(Placement, (tuple(values), COUNT, len(values)))
            if placement[0] is None:
                unplaced = True
        start = 0  # where the run's table texts start (after the prose before the table)
        if first is None:
            first = _table_start(run[: run.index(label)] if label in run else run, label)
            start = next((i for i, item in enumerate(run) if item is first), 0)
        if values[0][TABLE] >= 0:
            told = True  # (a grid row: its header's order is noticed after the rows)
        elif len(columns) > 1 and len(run) > 2 and run[1] is not label:
            # Header cells before the label (the table's, or a block's of table 二: two
            # texts or more) say the order the columns are printed in, until the next one
            # (a block of one column has no order to tell).
            texts = run[start : run.index(label) if label in run else len(run) - 1]
            order, anchor = _header_order(headers, texts, columns)
            if anchor >= 0:  # (a header: its order, or None, holds until the next)
                printed, printed_at = order, texts[anchor]
                told = told or (order is not None and order != columns)
        orders.append((printed, printed_at))
        if money and not money.isdisjoint(columns):
            _read_units(spec, headers, run, label, row_spec.key, units, deviations)
            if amount_unit is not None:
                _amount_unit(spec, row_spec.key, columns[0], amount_unit, units, deviations)
        found_rows.append((row_spec.key, label, values, columns, header, placement))
        if row_spec.replaces:
            deviations.append(Deviation(spec.key, row_spec.key, label[RAW], item_span(label)))
            cursor = max(spec.row_keys.index(k) for k in row_spec.replaces) + 1
        else:
            if misprint is not None:  # a notice: the label as printed, read as the format's
                raw, span, format_label = misprint[RAW], item_span(misprint), row_spec.label.zh
                deviations.append(
                    Deviation(spec.key, row_spec.key, raw, span, "label", format_label, raw)
                )
            cursor = index + 1
    if not found_rows or first is None:
        return MappedTable(None, deviations)
    # The table ends at its last row's last value: the items are in reading order, each
    # row's values after its label.
    last = found_rows[-1][2][-1]
    if unplaced:
        # Rows left open are placed against the table's complete rows (rare: most rows are
        # placed by count in the first pass, and then this is skipped).
        pending = [_Pending(i, *entry) for i, entry in enumerate(found_rows)]
        _second_pass(pending, votes, headers)
        _stripped_tails(pending, headers)
        found_rows = [(e.key, e.label, e.values, e.columns, e.header, e.placement) for e in pending]
    if told:
        found_rows = _in_printed_order(spec, found_rows, orders, deviations)
    rows = _rows(found_rows)
    span = _new(Span, (first[LINE], first[COLUMN], last[LINE], last[END], None))
    table = Table(
        spec.key,
        span,
        spec.column_keys,
        rows,
        model.version,
        tuple(units),
        _rows(subtotals) if subtotals else (),
    )
    return MappedTable(table, deviations, first[LINE], last[LINE])


def _subtotal(
    spec: TableSpec,
    group: str,
    label: Item,
    values: list[Item],
    kinds: str,
    headers: _Headers,
    votes: FieldVotes,
) -> _Found:
    """A group label's line with numbers of its own (（三）不予公开 | 3 | 0 | … | 3): the
    subtotal of the group's leaves, which the format does not print. It is no row of the
    table (the identities add up the leaves): kept under the group's key, its values
    placed as its leaves' are, for XG202 to check it against them. Placed in the first
    pass only (by count or by its grid): one it leaves open is not checked."""
    columns = spec.row(spec.subtotal_parts(group)[0]).columns
    header = _NO_HEADER if values[0][TABLE] < 0 else headers.current(values[0][TABLE], label[LINE])
    placement = _first_placement(values, kinds, columns, label, header, votes)
    return (group, label, values, columns, header, placement)


def _broken_label(
    runs: list[Run],
    position: int,
    spec: TableSpec,
    cursor: int,
    naming: dict[str, tuple[int, ...]],
) -> bool:
    """Whether a group label with numbers at ``runs[position]`` is the first part of a
    row's label broken around its numbers (三、本年度办理结果 | 5 | 2 | … then （一）予以公开
    alone, before （二）… and its numbers): joined with the next text it names a row that
    the next run does not name by itself. Else it is its group's subtotal, and its next
    label (1.属于国家秘密, even broken over two lines) is its first leaf's."""
    if position + 1 >= len(runs) or not runs[position + 1][0]:
        return False
    piece, following = runs[position][0][-1], runs[position + 1][0]
    after = following[0]
    norm = piece[NORM] + after[NORM]
    joined = _label_for([relabelled(piece, piece[RAW] + after[RAW], norm)], spec, cursor, naming)
    if joined is None:
        return False
    alone = _label_for(following, spec, cursor, naming)
    return alone is None or alone[0] != joined[0]


def _subtotal_notice(spec: TableSpec, group: str, label: Item) -> Deviation:
    """The notice (XG005) that the report prints a group's subtotal."""
    return Deviation(spec.key, group, label[RAW], item_span(label), "subtotal")


def _read_units(
    spec: TableSpec,
    headers: _Headers,
    run: list[Item],
    label: Item,
    row: str,
    units: list[tuple[str, str, str]],
    deviations: list[Deviation],
) -> None:
    """The unit the header before a row prints over its money columns, when it is not
    the format's (收费金额(元) where the format says 万元): kept in ``units`` (the values
    stay as printed; checks compare them in the format's unit) and noticed (XG005)."""
    for item in reversed(run[: run.index(label)] if label in run else run[:-1]):
        column = headers.column_of(item) if item[KIND] == TEXT else None
        if column is None or column not in spec.money_columns:
            continue
        unit = printed_unit(item[NORM])
        expected = spec.column(column).unit
        if unit is not None and unit != expected:
            units.append((row, column, unit))
            deviations.append(
                Deviation(spec.key, row, item[RAW], item_span(item), "unit", expected, unit)
            )
        return


def _amounts(values: list[Item]) -> tuple[list[Item], tuple[str, Item] | None]:
    """The cells of a money row (one column) printed with a unit after the number (12.35万元,
    0（万元）, 300元; document.UNIT_AFTER): the number as printed, and the unit with the
    cell that printed it (when the amount is not 0: 0 is 0 in any unit). The cell reader
    leaves them unread (parse.cells._word_part): only here is the column's unit known. A
    count's unit in a money cell (5件) leaves it text (XG004). A currency mark with no
    unit (¥12.35) says the cell is money, not its unit: the amount is in the column's unit,
    as a plain number under the header is (12.35 under 本年收费金额（单位：万元）)."""
    out, found = values, None
    for index, item in enumerate(values):
        raw = item[RAW]
        if item[KIND] == TEXT or not raw or (raw[-1].isdigit() and item[VALUE] is not None):
            continue  # (a plain number: most)
        match = compiled(UNIT_AFTER).fullmatch(normalise(raw))
        if match is None:
            continue
        printed = match["unit"] or match["bracketed"]
        if printed is None and match["currency"] is None:
            continue
        value = parse_number(match["number"]) if printed is None or printed in MONEY_UNITS else None
        if out is values:
            out = list(values)
        out[index] = (*item[:VALUE], value, "text" if value is None else "number", item[LINE])
        if value and printed is not None:
            found = (printed, item)
    return out, found


def _amount_unit(
    spec: TableSpec,
    row: str,
    column: str,
    found: tuple[str, Item],
    units: list[tuple[str, str, str]],
    deviations: list[Deviation],
) -> None:
    """An amount printed with its unit in its cell (300元): read in that unit, as an amount
    under a header naming it is (the cell's unit before the header's, when they differ),
    and noticed (XG005) when it is not the format's (万元) — the value kept as printed,
    checks convert it. Converting loses nothing (the unit is printed with the number); a
    text cell (XG004) would drop a value the report states."""
    printed, item = found
    expected = spec.column(column).unit
    header = next((u for r, c, u in units if r == row and c == column), expected)
    if printed == header:
        return
    units.insert(0, (row, column, printed))
    if printed != expected:
        span = item_span(item)
        deviations.append(Deviation(spec.key, row, item[RAW], span, "unit", expected, printed))


def _in_printed_order(
    spec: TableSpec,
    found_rows: list[_Found],
    orders: list[tuple[tuple[str, ...] | None, Item | None]],
    deviations: list[Deviation],
) -> list[_Found]:
    """The rows with the values of those placed by position (text rows) moved under the
    columns their header prints in another order, and one XG005 notice per order; a grid
    row is placed by its header already, and only noticed.

    A header that does not name the columns unambiguously (``None`` order) leaves the
    values where their position puts them."""
    noticed: set[tuple[str, ...]] = set()
    grid_orders: dict[int, tuple[str, ...] | None] = {}
    out = found_rows
    for index, (row, (order, anchor)) in enumerate(zip(found_rows, orders, strict=True)):
        key, label, values, columns, header, placement = row
        items = placement[0]
        if items is None:
            continue
        if order is not None and set(order) != set(columns):
            order = None  # (a block's header: another block's rows have other columns)
        if placement[1] == BY_GRID:
            if id(header) not in grid_orders:
                grid_orders[id(header)] = grid_order(header, columns)
            order, anchor = grid_orders[id(header)], label
        elif order is not None and order != columns:
            if out is found_rows:
                out = list(found_rows)
            moved = Placement(reordered(items, order, columns), placement[1], placement[2])
            out[index] = (key, label, values, columns, header, moved)
        if order is None or order == columns or order in noticed or anchor is None:
            continue
        noticed.add(order)
        deviations.append(_order_deviation(spec, order, columns, anchor))
    return out


def _order_deviation(
    spec: TableSpec, order: tuple[str, ...], columns: Sequence[str], anchor: Item
) -> Deviation:
    """The XG005 notice of a header printing ``columns`` in ``order``."""
    return Deviation(
        spec.key,
        "columns",
        anchor[RAW],
        item_span(anchor),
        "columns",
        ",".join(columns),
        ",".join(order),
    )


#: id of a groups table spec → (the spec, its columns as group.column keys, in order).
_GROUPS: dict[int, tuple[TableSpec, tuple[str, ...]]] = {}
register(_GROUPS.clear)


def _group_columns(spec: TableSpec) -> tuple[str, ...]:
    """Table 四's columns, group by group (行政复议.维持 …): the same for every report."""
    return _of_spec(
        _GROUPS, spec, lambda: tuple(f"{row.key}.{col}" for row in spec.rows for col in row.columns)
    )


def map_groups(spec: TableSpec, items: list[Item], model: Format) -> MappedTable:
    """Map table 四: one data line of numbers, the rows being groups of five columns."""
    group_columns = _group_columns(spec)
    headers = _Headers(spec, items)
    runs = value_runs(items, spec)
    for position, (_, raw_values, kinds) in enumerate(runs):
        if not kinds.strip(EMPTY):
            continue  # empty cells only
        # Text standing in the data row itself (1件, 若干) is a cell, not a new header.
        values = list(raw_values)
        if len(values) - kinds.count(EMPTY) > len(group_columns):
            # A page number (3 / 8, 3) on a line of its own by the data row is no cell.
            values = without_page_number(values, len(group_columns), spec, model)
            if len(values) != len(kinds):
                kinds = "".join(map(item_kind, values))
        # Empty fields before the data line's first value, on the header line above it (a
        # | row's blank last field), are that line's, not the data row's: its row would span
        # two lines, and a blank cell of it could not be laid by its fields.
        line = values[kinds.index(kinds.strip(EMPTY)[0])][LINE]
        if values[0][LINE] != line:
            values = [v for v in values if v[LINE] == line or v[KIND] != EMPTY]
        if len(values) == len(group_columns) + 2 and values[0][KIND] == values[-1][KIND] == EMPTY:
            # | 3 | 1 | … | 3 | among header lines without enclosing pipes: the two blank
            # fields at its ends are its pipes', not cells (the data row has no label to
            # tell its fields by).
            values = values[1:-1]
        following = position + 1
        while following < len(runs):
            texts, more, _ = runs[following]
            if not texts or any(t[LINE] != values[-1][LINE] or t[FIELD] < 0 for t in texts):
                break
            values.extend(texts)
            values.extend(more)
            following += 1
        if len(kinds) - kinds.count(EMPTY) < len(group_columns) and _one_per_line(values):
            # One cell per line: a running header among the numbers is no cell (the page
            # broke inside the row); the words among them (若干, 一) are cells too.
            is_header = lambda texts: any(_is_header(t, headers) for t in texts)  # noqa: E731
            joined = across_running_line(runs, position, group_columns, spec, model, is_header)
            if joined is not None:
                values, kinds = joined, "".join(map(item_kind, joined))
            else:
                values, kinds = _lone_bad_values(
                    runs,
                    position,
                    _trailing_words(runs[position][0], headers),
                    values,
                    kinds,
                    len(group_columns),
                    is_header,
                )
        else:
            values = _with_leading_word(runs[position][0], values, headers, len(group_columns))
        # A value outside a grid leaves the grid undecided: then a data line of as many
        # values as columns is placed by count, without reading the header lines.
        placement = by_count(values, group_columns) if any(v[TABLE] < 0 for v in values) else None
        if placement is None:
            header = headers.current(values[0][TABLE], values[0][LINE])
            placement = place(
                values,
                group_columns,
                label_field=-1,
                header=header,
                votes=FieldVotes(),
                second_pass=True,
            )
        header_items = [item for r, _, _ in runs[: position + 1] for item in r]
        deviations: list[Deviation] = []
        first = _table_start(header_items, values[0])
        begin = header_items.index(first) if first is not values[0] else 0
        blocks = None
        if placement[0] is None:
            # Not one data row: the groups printed as blocks (two or three tables, or a
            # labelled row each)?
            texts = header_items[begin:] if first is not values[0] else []
            blocks = group_blocks(spec, runs, position, texts)
            if blocks is None:  # (a group printed with no values?)
                blanks = [item for item in items if item[KIND] == EMPTY]
                blocks = group_blocks(spec, runs, position, texts, blanks)
            if blocks is None:  # (one cell a line, after a label naming it?)
                blocks = labelled_cells(spec, runs, position)
        if blocks is not None:
            placement = Placement(blocks.items, COUNT, len(group_columns))
            values = blocks.values
            if blocks.printed != group_columns:
                deviations.append(
                    _order_deviation(spec, blocks.printed, group_columns, blocks.anchor)
                )
        elif placement[0] is not None:
            placement = _groups_in_printed_order(
                spec, headers, header_items[begin:], values, placement, deviations
            )
        last = values[-1]
        anchor = next((v for v in values if v[KIND] != EMPTY), values[0])
        at_anchor = item_span(anchor)
        placed, evidence, found = placement
        rows = []
        offset = 0  # where the row's columns start among the group columns
        for row in spec.rows:
            width = len(row.columns)
            offset += width
            if placed is None:
                cells: tuple[CellFields, ...] = ()
                status, span = UNCERTAIN, at_anchor
            else:
                chunk = placed[offset - width : offset]
                cells = make_cells(row.columns, chunk, at_anchor)
                start = next((i for i in chunk if i is not None), None)
                status, span = COMPLETE, at_anchor if start is None else item_span(start)
            rows.append(
                _new(
                    Row, (row.key, row.label.zh, span, cells, row.columns, status, found, evidence)
                )
            )
        span = _new(Span, (first[LINE], first[COLUMN], last[LINE], last[END], None))
        table = Table(spec.key, span, spec.column_keys, tuple(rows), model.version)
        return MappedTable(table, deviations, first[LINE], last[LINE])
    return MappedTable(None)


def _groups_in_printed_order(
    spec: TableSpec,
    headers: _Headers,
    header_items: list[Item],
    values: list[Item],
    placement: Placement,
    deviations: list[Deviation],
) -> Placement:
    """Table 四's placement with its values moved under the columns a text header
    (``header_items``: the table's texts before its data row) prints in another order
    (noticed in ``deviations``; a grid row is placed by its header, and only noticed).

    The text header names the groups (行政复议, 行政诉讼 over its two) and the five columns
    once per group or once for all: the groups' order is read as :func:`printed_order`
    reads columns (the format's when the header does not say it), the columns' order
    only when every group prints the same one."""
    group_columns = _group_columns(spec)
    items, evidence, found = placement
    if items is None or not header_items:
        return placement
    if evidence == BY_GRID:
        order = grid_order(headers.current(values[0][TABLE], values[0][LINE]), group_columns)
        anchor = values[0]
    else:
        order, at = _header_order(headers, header_items, group_columns)
        if order is None or order == group_columns:
            return placement
        anchor = header_items[at]
        placement = Placement(reordered(items, order, group_columns), evidence, found)
    if order is not None and order != group_columns:
        deviations.append(_order_deviation(spec, order, group_columns, anchor))
    return placement


#: id of a table spec → (the spec, a header text → what its cells name: see
#: _Headers._classes). Registered with clear_all: the texts are the reports'.
_CELL_CLASSES: dict[int, tuple[TableSpec, dict[str, tuple[tuple[str, bool, bool], ...]]]] = {}
_CELL_CLASSES_KEPT = 1024
register(_CELL_CLASSES.clear)
#: id of a table spec → (the spec, what the format's own header texts name). Not emptied
#: by clear_all: made from the spec alone.
_FORMAT_CELLS: dict[int, tuple[TableSpec, dict[str, tuple[tuple[str, bool, bool], ...]]]] = {}

#: (spec, columns, the header's texts, their lines from the first's[, the raw texts and
#: the fields and grid tables they stand in, when one may be a space-aligned line]) →
#: what :func:`_header_order` reads from them. Reports print the template's header texts.
_ORDERS: MemoTable[tuple[object, ...], tuple[tuple[str, ...] | None, int]] = MemoTable(256)


def _header_order(
    headers: _Headers, texts: Sequence[Item], columns: tuple[str, ...]
) -> tuple[tuple[str, ...] | None, int]:
    """The order the header ``texts`` print ``columns`` in (None: not told), and the
    index of the text it is noticed at (-1: no header cell among them).

    What a header says is a function of its normalised texts and where its lines break
    (and, for a space-aligned line, of its raw texts and their fields). A header read
    before is looked up by those, taken by C calls over the texts, without classifying
    each text again (a Python step per text cost twice the key; table 四's header is some
    30 texts when printed broken over lines): only a new one is classified and read."""
    if not texts:
        return None, -1
    lines = list(map(_LINE_OF, texts))
    key: tuple[object, ...] = (
        headers.spec,
        columns,
        tuple(map(_NORM_OF, texts)),
        tuple(map(sub, lines, repeat(lines[0]))),
    )
    raws = "\n".join(map(_RAW_OF, texts))
    if "  " in raws:  # (a space-aligned line's cells are read from its raw text: rare)
        key += (raws, tuple(map(_PLACE_OF, texts)))
    read = _ORDERS.get(key)
    if read is None:
        read = _ORDERS.keep(key, _read_header(headers, texts, columns))
    return read


def _read_header(
    headers: _Headers, texts: Sequence[Item], columns: tuple[str, ...]
) -> tuple[tuple[str, ...] | None, int]:
    """:func:`_header_order` of a header not read before, from the cells its texts name:
    noticed at the first text on the line of the first column named."""
    tokens, groups = headers.tokens(texts)
    if not tokens:
        return None, -1
    first = tokens[0][2]
    anchor = next(i for i, item in enumerate(texts) if item[LINE] == first)
    return _read_order(headers, tokens, groups, columns), anchor


def _read_order(
    headers: _Headers,
    tokens: list[HeaderToken],
    groups: list[HeaderToken],
    columns: tuple[str, ...],
) -> tuple[str, ...] | None:
    """:func:`_header_order`, read from the header's cells. Table 四 (``columns`` its
    groups' columns) names its groups (行政复议, 行政诉讼 over its two) and the five
    columns once per group or once for all: the groups' order is read as
    :func:`printed_order` reads columns (the format's when the header does not say it),
    the columns' order only when every group prints the same one."""
    spec = headers.spec
    if spec.layout != "groups":
        return printed_order(tokens, columns, headers.merged())
    keys = tuple(key for key, merged, _ in tokens if not merged)
    if len(keys) not in (len(spec.column_keys), len(columns)):
        return None  # (once for all groups, or once per group)
    chunk = one_order(keys, spec.column_keys)
    if chunk is None:
        return None
    group_order = printed_order(groups, spec.row_keys, headers.merged()) or spec.row_keys
    return tuple(f"{group}.{column}" for group in group_order for column in chunk)


def _is_header(text: Item, headers: _Headers) -> bool:
    """Whether a text of table 四 names a group or a column of it (行政复议, 总计)."""
    spec = headers.spec
    return bool(
        spec.header_pattern.match(text[NORM]) or headers.column_of(text) or headers._group_of(text)
    )


def _with_leading_word(
    texts: list[Item], values: list[Item], headers: _Headers, width: int
) -> list[Item]:
    """Table 四's data line with the word that opens it in place of its first number
    (若干 | 2 | 3 …, 一 typed for —) as its first cell (XG004 reports it).

    The data row has no label, so a short text alone before the values on their line,
    naming no group or column, is a cell when the numbers are one short of the columns
    (a blank field the line's closing ``|`` leaves after them is no cell then). Read as a
    label, it shifted every value one column to the left."""
    filled = [v for v in values if v[KIND] != EMPTY]
    if not texts or len(filled) != width - 1:
        return values
    cells = values[:-1] if len(values) == width and values[-1][KIND] == EMPTY else values
    word, line = texts[-1], values[0][LINE]
    if len(cells) != width - 1 or word[LINE] != line or word[COLUMN] > values[0][COLUMN]:
        return values
    if sum(t[LINE] == line for t in texts) != 1 or word[TABLE] >= 0:
        return values  # (in a grid, the header places the cells)
    if len(word[NORM]) > _BAD_VALUE_CHARS or _SENTENCE.search(word[RAW]):
        return values
    return values if _is_header(word, headers) else [word, *cells]


def _trailing_words(run: list[Item], headers: _Headers) -> list[Item]:
    """The words that end table 四's header run, one per line, and name no column: the
    data line's first cells when a word stands for its first number."""
    at = len(run)
    while at > 0 and _lone_words(run[at - 1 : at]) and not _is_header(run[at - 1], headers):
        at -= 1
    return run[at:]


def map_table(spec: TableSpec, items: list[Item], model: Format) -> MappedTable:
    if spec.layout == "groups":
        mapped = map_groups(spec, items, model)
        if _complete_rows(mapped) == 0:
            # Table 四 turned: its results down the side, its groups across the head?
            turned = _transposed(spec, items, model)
            if turned is not None and _complete_rows(turned) > 0:
                return turned
        return mapped
    mapped = map_rows(spec, items, model)
    if _complete_rows(mapped) < len(spec.rows) // 2:
        # Few rows read: the table printed transposed (its rows across the head)?
        turned = _transposed(spec, items, model)
        if turned is not None and _complete_rows(turned) > _complete_rows(mapped):
            return turned
    uncertain = _uncertain_rows(mapped)
    if uncertain:
        # Rows short of values: the columns printed in parts, each with its own header?
        parts = _in_parts(spec, items, model)
        if parts is not None and _uncertain_rows(parts) < uncertain:
            return parts
    return mapped


def _complete_rows(mapped: MappedTable) -> int:
    table = mapped.table
    return 0 if table is None else sum(row.status == COMPLETE for row in table.rows)


def _transposed(spec: TableSpec, items: list[Item], model: Format) -> MappedTable | None:
    """The table read as printed transposed (:mod:`xxgk_lint.parse.transposed`; imported
    here, when a table is read so little that it may be: it reads this module's parts)."""
    from xxgk_lint.parse.transposed import map_transposed, turnable

    return map_transposed(spec, items, model) if turnable(spec) else None


def _uncertain_rows(mapped: MappedTable) -> int:
    table = mapped.table
    return 0 if table is None else sum(row.status == UNCERTAIN for row in table.rows)


def _in_parts(spec: TableSpec, items: list[Item], model: Format) -> MappedTable | None:
    """A rows table whose columns are printed in parts (:func:`column_parts`), each part
    read as a table of its own and the parts joined; None if it is not so printed, or a
    part is no table."""
    parts = column_parts(spec, items)
    if parts is None:
        return None
    mapped = [map_rows(part, part_items, model) for part, part_items in parts]
    tables = [m.table for m in mapped if m.table is not None]
    if len(tables) != len(mapped) or any(m.first_line is None for m in mapped):
        return None
    return MappedTable(
        joined_parts(spec, tables),
        [d for m in mapped for d in m.deviations],
        mapped[0].first_line,
        mapped[-1].last_line,
    )
