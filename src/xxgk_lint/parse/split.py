"""Table 四 printed in parts, and a page number among its values.

The format prints table 四 as one data row of fifteen cells under a three-level header
(:mod:`xxgk_lint.parse.mapping` reads it so). Reports also print it in parts:

* as two tables, 行政复议 (five cells) and 行政诉讼 (ten: 未经复议直接起诉, 复议后起诉),
  each with its own header;
* as three tables, one per group, a caption row each;
* as one row per group, its label before its five cells (行政复议 | 1 | 0 | 0 | 0 | 1),
  under one header of the five columns.

Each part is a *block*: the texts before it (its caption, label or header) and its values,
five per group. :func:`group_blocks` reads the blocks in turn and gives each group its
five cells by the words the format model gives the groups and columns (the spec's
``row_finder``, ``column_finder``), so that a report printing the groups in another
order is still read right. It is tried only where the one-row reading found no place for
the values (the table would be lost with an XG003 warning).

A group printed with no values (its labelled row's cells all blank, or its caption and
header with nothing under them) is five blank cells (``blanks`` of :func:`group_blocks`).

A PDF's page number (``3 / 8``, or a bare ``3`` on its own line) printed between the
header and the data row, or inside a data row printed one cell per line, is no cell:
:func:`without_page_number` (table 四) and :func:`without_page_in_row` (tables 二 and 三)
tell it from the values. A page that breaks inside such a row prints the next page's
running header (the site's name, the report's title, a date) among its values too:
:func:`across_running_line` reads the row across it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from xxgk_lint.format import Format, TableSpec
from xxgk_lint.format.document import SENTENCE_ENDS
from xxgk_lint.parse.ast import COMPLETE, UNCERTAIN, Row, Span, Table
from xxgk_lint.parse.cells import (
    COLUMN,
    EMPTY,
    END,
    FIELD,
    HEADER_CELL_CHARS,
    KIND,
    LINE,
    NORM,
    NUMBER,
    PLACEHOLDER,
    RAW,
    TABLE,
    TEXT,
    VALUE,
    Item,
    Run,
    aligned_cells,
)
from xxgk_lint.records import NamedTuple

#: The longest text a block's caption, label or header cell is: 行政诉讼（未经复议直接起诉）,
#: 表4-2 政府信息公开行政诉讼情况. A longer text is prose, which no block of the table
#: stands after.
_BLOCK_TEXT_CHARS = 30
#: A sentence (。；) or a lead-in (如下：): prose, not a block's caption.
_SENTENCE = re.compile(r"[。；;]|[：:]\s*\Z")
#: A sentence's end: prose, which names no cell of a table printed one cell a line even
#: when it names a group (本年度未发生行政复议案件。).
_PROSE = re.compile(f"[{SENTENCE_ENDS}]")
#: What separates a page number from the page count: 3 / 8, 3／8.
_PAGE_SLASH = frozenset("/／")
#: The longest word read as a cell among a row's values (一, 若干, 不涉及, 0件: see
#: mapping._BAD_VALUE_CHARS): a shorter line among the values is never a running line.
_CELL_WORD_CHARS = 6
#: How a row's label opens: (三), 1., 四、 (a running line never does).
_NUMBERED = re.compile(r"[(（]?(?:[一二三四五六七八九十]+|[0-9０-９]{1,2})[)）、.．]")


class GroupBlocks(NamedTuple):
    """Table 四 read from its blocks: one item (or None) per group column, in the format's
    order; the values of every block, in reading order; the group columns in the order
    the blocks print them, and the text the printed order is noticed at."""

    items: tuple[Item | None, ...]
    values: list[Item]
    printed: tuple[str, ...]
    anchor: Item


def group_blocks(
    spec: TableSpec,
    runs: Sequence[Run],
    position: int,
    texts: list[Item],
    blanks: Sequence[Item] | None = None,
) -> GroupBlocks | None:
    """Table 四 read as blocks of whole groups, from ``runs[position]`` on (``texts``: the
    table's texts before that run's values, from the table's start).

    A block holds five values per group (blank cells kept where their fields stand). The
    groups it holds are those its texts name (行政复议, 未经复议直接起诉, 复议后起诉 as the
    format model words them); a block naming fewer takes the groups not yet read, in the
    format's order, and one naming more (a header over the whole table, its data row
    broken by a text) the groups in the order the header names them. Its columns are in
    the order its header names them (once for all its groups, or the same for each),
    else in the order the block before printed, else the format's. Decided only when
    the blocks hold every group once, in two or three blocks, with no prose between them:
    otherwise None (the caller keeps the table uncertain).

    ``blanks`` (the table's blank fields, given when the blocks are not read without
    them: a group printed with no values leaves them five values short): a group printed
    with no values (a labelled row of blank cells, or its label or caption and header with
    nothing under them) is read as five blank cells, where the blocks are printed so
    (:func:`_bare_groups`); the blank fields on its label's line are its cells."""
    width = len(spec.column_keys)
    remaining = list(spec.row_keys)
    order = spec.column_keys
    placed: dict[str, Item] = {}
    printed: list[str] = []
    values: list[Item] = []
    anchor: Item | None = None
    blocks = 0
    empties = blanks or ()
    headed = False  # whether a header of the five columns came before the groups' labels
    unprinted = 0  # how many groups are printed with no values
    at = position
    while remaining and at < len(runs):
        run_texts, run_values, kinds = runs[at]
        if at > position:
            texts = [*texts, *run_texts]
        at += 1
        if not kinds.strip(EMPTY):
            continue  # blank fields only (a caption row's): its texts lead the next block
        if any(not _block_text(t) for t in texts):
            return None
        cells = _block_cells(run_values, width) or _unpaged(run_values, width)
        if cells is None or len(cells) > width * len(remaining):
            return None
        count = len(cells) // width
        named = [g for g in _named(spec, texts, spec.row_finder) if g in remaining]
        if blanks is not None and len(named) > count:  # groups with no values, then the block's
            segments = _segments(spec, texts)
            headed = headed or _column_order(spec, segments[0][2]) is not None
            bare = _bare_groups(spec, segments, named[: len(named) - count], count, headed)
            if bare is None:
                return None
            for group, label in bare:
                _place_blank(spec, group, label, empties, placed, printed, values)
                remaining.remove(group)
            unprinted += len(bare)
            named = named[len(named) - count :]
        if len(named) > count:  # a header over more groups than the block: in its order
            remaining = [*named, *(g for g in remaining if g not in named)]
            named = []
        groups = named + [g for g in remaining if g not in named][: count - len(named)]
        columns = _column_order(spec, texts)
        if columns is not None and anchor is None:
            anchor = next(t for t in texts if _named(spec, [t], spec.column_finder))
        order = columns or order
        for index, group in enumerate(groups):
            for key, cell in zip(order, cells[index * width : (index + 1) * width], strict=True):
                placed[f"{group}.{key}"] = cell
            printed.extend(f"{group}.{key}" for key in order)
            remaining.remove(group)
        values.extend(v for v in run_values if cells[0][LINE] <= v[LINE] <= cells[-1][LINE])
        if blanks is not None:
            headed = headed or _column_order(spec, _segments(spec, texts)[0][2]) is not None
        blocks += 1
        texts = []
    if blanks is not None and remaining and blocks and all(_block_text(t) for t in texts):
        # Groups after the last block with no values: their labels (or captions and
        # header) end the table.
        for group, label in _trailing_bare(spec, texts, remaining):
            _place_blank(spec, group, label, empties, placed, printed, values)
            remaining.remove(group)
            unprinted += 1
    if remaining or not blocks or blocks + unprinted < 2:
        return None
    group_columns = tuple(f"{row.key}.{key}" for row in spec.rows for key in row.columns)
    items = tuple(placed.get(key) for key in group_columns)
    values.sort(key=_where)
    return GroupBlocks(items, values, tuple(printed), anchor or next(_filled(values)))


def _filled(values: list[Item]) -> Iterator[Item]:
    """The values that are no blank cell."""
    return (v for v in values if v[KIND] != EMPTY)


def _where(item: Item) -> tuple[int, int]:
    """Where an item stands: its line, then its column."""
    return item[LINE], item[COLUMN]


#: A block's texts cut at each group's label: (the label, or None before the first; the
#: groups it names, one or those of a merged cell such as 行政诉讼; the texts from it on).
_Segment = tuple["Item | None", tuple[str, ...], list[Item]]


def _segments(spec: TableSpec, texts: list[Item]) -> list[_Segment]:
    """``texts`` cut before each text naming a group of table 四 (行政复议, 未经复议直接起诉,
    or the merged 行政诉讼 over two); the first segment (no label) holds the texts before
    the first such label."""
    out: list[_Segment] = [(None, (), [])]
    for text in texts:
        groups: tuple[str, ...] = ()
        if text[KIND] == TEXT:
            groups = tuple(_named(spec, [text], spec.row_finder)) or next(
                (k for p, k in spec.group_finders if p.search(text[NORM])), ()
            )
        if groups:
            out.append((text, groups, [text]))
        else:
            out[-1][2].append(text)
    return out


def _columns_named(spec: TableSpec, texts: list[Item]) -> int:
    return len(_named(spec, texts, spec.column_finder))


def _bare_groups(
    spec: TableSpec,
    segments: list[_Segment],
    bare: list[str],
    count: int,
    headed: bool,
) -> list[tuple[str, Item]] | None:
    """The groups ``bare`` (those a block's texts name before the ``count`` groups of its
    values) with their labels, when they are groups printed with no values: each label
    alone on its line, then its own header or nothing before the next group's label — as
    the block's groups are printed (a header each, the five columns named once; or, under
    a header printed once before the labels, a labelled row each). A header over the whole
    table (行政复议 | 行政诉讼 on one line, or the groups named before their columns) is
    none: None then."""
    width = len(spec.column_keys)
    labelled = segments[1:]
    if len(labelled) <= len(bare) or any(
        seg[1] != (group,) for seg, group in zip(labelled, bare, strict=False)
    ):
        return None
    out: list[tuple[str, Item]] = []
    shape = set()
    for label, (group,), texts in labelled[: len(bare)]:
        assert label is not None
        if any(t[LINE] == label[LINE] and t is not label for s in segments for t in s[2]):
            return None  # (another text on its line: a header's cell)
        columns = _own_header(spec, texts)
        if columns is None:
            return None
        shape.add(columns)
        out.append((group, label))
    block = sum(_columns_named(spec, texts) for _, _, texts in labelled[len(bare) :])
    if shape == {width} and block in (width, width * count):
        return out  # (tables each with its header)
    if shape == {0} and block == 0 and headed:
        return out  # (labelled rows under one header)
    return None


def _own_header(spec: TableSpec, texts: list[Item]) -> int | None:
    """How many columns the lines right after a group's label (``texts[0]``) name: its
    own header, or none; None when a line naming none stands between the label and a
    header (行政复议, 行政诉讼情况, then the columns: a header over the whole table)."""
    lines = {t[LINE] for t in texts[1:] if _named(spec, [t], spec.column_finder)}
    count, ended = 0, False
    for text in texts[1:]:
        if text[LINE] not in lines:
            ended = True
        elif ended:
            return None
        else:
            count += _columns_named(spec, [text])
    return count


def _trailing_bare(
    spec: TableSpec, texts: list[Item], remaining: list[str]
) -> list[tuple[str, Item]]:
    """The groups still to read, with their labels, when the texts after the last block
    name exactly them and nothing else of the table but their header (a header each, or
    once, or none): groups printed with no values at the table's end."""
    width = len(spec.column_keys)
    segments = _segments(spec, texts)
    if segments[0][2]:
        return []
    labels: dict[str, Item] = {}  # each group's label: the text naming it by its words
    merged: dict[str, Item] = {}  # (else a merged cell over it: 行政诉讼)
    for label, groups, _ in segments[1:]:
        assert label is not None
        if _named(spec, [label], spec.row_finder):
            if any(g in labels or g not in remaining for g in groups):
                return []
            labels.update(dict.fromkeys(groups, label))
        else:
            merged.update((g, label) for g in groups if g not in merged)
    labels = {**{g: t for g, t in merged.items() if g in remaining}, **labels}
    columns = _columns_named(spec, texts)
    if set(labels) != set(remaining) or columns not in (0, width, width * len(remaining)):
        return []
    return sorted(labels.items(), key=lambda pair: _where(pair[1]))


def _place_blank(
    spec: TableSpec,
    group: str,
    label: Item,
    empties: Sequence[Item],
    placed: dict[str, Item],
    printed: list[str],
    values: list[Item],
) -> None:
    """Give a group printed with no values five blank cells: the blank fields on its
    label's line (a row of blank cells), else blank cells at the label's end."""
    width = len(spec.column_keys)
    cells = [e for e in empties if e[LINE] == label[LINE]]
    if len(cells) == width + 1:
        cells = cells[:width]  # (the blank field after a closing separator)
    if len(cells) != width:
        at = label[END]
        cells = [(EMPTY, "", at, at, "", -1, -1, -1, 1, None, "blank", label[LINE])] * width
    for key, cell in zip(spec.column_keys, cells, strict=True):
        placed[f"{group}.{key}"] = cell
    printed.extend(f"{group}.{key}" for key in spec.column_keys)
    values.extend(cells[:1] if cells[0] is cells[-1] else cells)


def _block_text(item: Item) -> bool:
    """Whether a text can stand in a block's caption, label or header (no prose; each
    cell of a space-aligned line short)."""
    if _SENTENCE.search(item[RAW]) is not None:
        return False
    return all(len(cell) <= _BLOCK_TEXT_CHARS for cell in _cells_of(item))


def _cells_of(item: Item) -> list[str]:
    """A text's normalised cells: a line of space-aligned text (two spaces or more
    between its cells, as ``pdftotext -layout`` prints a header) is read cell by cell."""
    if item[FIELD] < 0 and item[TABLE] < 0 and "  " in item[RAW]:
        return aligned_cells(item)
    return [item[NORM]]


def _block_cells(values: list[Item], width: int) -> list[Item] | None:
    """A block's cells: its values, a multiple of ``width``, blank cells kept where their
    fields stand (a blank field closing the line, or left over from the header line
    above, is no cell); None when they are no whole groups."""
    first = next(v for v in values if v[KIND] != EMPTY)
    values = [v for v in values if v[LINE] >= first[LINE] or v[KIND] != EMPTY]
    filled = [v for v in values if v[KIND] != EMPTY]
    for cells in (filled, values, values[:-1] if values[-1][KIND] == EMPTY else values):
        if cells and len(cells) % width == 0 and len(cells) // width <= 3:
            return cells
    return None


def _unpaged(values: list[Item], width: int) -> list[Item] | None:
    """A block's cells once a page number on a line of its own at either end is dropped
    (the page broke between two blocks): ``3 / 8``, or a bare number beside a block whose
    values share their lines (one cell per line, a bare number is told by place alone:
    not here)."""
    for page, rest, lines in _page_lines(values):
        if len(page) == 1 and lines == len(rest):
            continue
        cells = _block_cells(rest, width)
        if cells is not None:
            return cells
    return None


def _page_lines(values: list[Item]) -> Iterator[tuple[list[Item], list[Item], int]]:
    """For the first and the last line of ``values`` (when they hold values on two lines
    or more), where that line is a page number alone (:func:`_page_number`): its items,
    the other values, and how many lines hold values."""
    lines = sorted({v[LINE] for v in values if v[KIND] != EMPTY})
    if len(lines) < 2:
        return
    for line in (lines[0], lines[-1]):
        page = [v for v in values if v[LINE] == line]
        if _page_number(page):
            yield page, [v for v in values if v[LINE] != line], len(lines)


def _named(
    spec: TableSpec, texts: Sequence[Item], finder: tuple[re.Pattern[str], tuple[str, ...]]
) -> list[str]:
    """The keys the texts name by ``finder`` (the spec's groups or columns), in reading
    order, each once; a space-aligned line is read cell by cell."""
    pattern, keys = finder
    out: list[str] = []
    for text in texts:
        if text[KIND] != TEXT:
            continue
        for cell in _cells_of(text):
            match = pattern.search(cell)
            if match is not None and match.lastgroup:
                key = keys[int(match.lastgroup[1:])]
                if key not in out or finder is spec.column_finder:
                    out.append(key)
    return out


def _column_order(spec: TableSpec, texts: Sequence[Item]) -> tuple[str, ...] | None:
    """The order a block's header names the five columns in, once for all its groups or
    the same for each group it names (None: not named, or not unambiguously)."""
    return one_order(_named(spec, texts, spec.column_finder), spec.column_keys)


def one_order(keys: Sequence[str], columns: tuple[str, ...]) -> tuple[str, ...] | None:
    """The order in which ``keys`` (the column keys a header names, in reading order) name
    ``columns``: each once, or the same order over again (a header per group); None when
    they name another set or orders that differ."""
    width = len(columns)
    if not keys or len(keys) % width:
        return None
    chunks = {tuple(keys[i : i + width]) for i in range(0, len(keys), width)}
    if len(chunks) != 1:
        return None
    chunk = chunks.pop()
    return chunk if set(chunk) == set(columns) else None


def labelled_cells(spec: TableSpec, runs: Sequence[Run], position: int) -> GroupBlocks | None:
    """Table 四 printed one cell at a time, from ``runs[position]`` on, each value after a
    label naming its cell by the format model's words (:meth:`TableSpec.named_cell`): the
    group and the column joined (行政复议结果维持：3, 行政诉讼未经复议起诉结果纠正 | 0), or
    the column under a line naming the group (行政复议 / 结果维持：3 …).

    Each run holds one value after its label (or blank fields only: a cell left blank).
    The texts before a label may name a group (the labels after it are that group's), or a
    header word (行政诉讼), or a cell with nothing after it (a blank cell); the first run's
    texts are read back from its label while they do, the rest (the prose or caption before
    the table) is not the table's. Every label names one cell, each cell once, and at
    least one group's worth of cells is named; the cells no label names are blank. None
    otherwise: any other text among the lines, a run of two values or a label naming no
    cell (the caller keeps the table uncertain). The order the cells are printed in is no
    deviation: each is named."""
    width = len(spec.column_keys)
    header = spec.header_pattern.match
    placed: dict[str, Item] = {}
    group: str | None = None

    def place(label: Item, cell: Item) -> bool:
        nonlocal group
        named, column = spec.named_cell(label[NORM])
        key = f"{named or group}.{column}"
        if column is None or (named or group) is None or key in placed:
            return False
        placed[key] = cell
        # (a label naming the group too leads the group's cells after it: 行政复议 结果维持 1
        # 结果纠正 0 …, a group's row with its label run into its first cell's)
        group = named or group
        return True

    for at in range(position, len(runs)):
        texts, values, _ = runs[at]
        filled = [v for v in values if v[KIND] != EMPTY]
        if len(filled) > 1:
            return None
        if at == position:
            texts = texts[_table_texts(spec, texts[:-1]) :]
        labels = texts[:-1] if values else texts
        for text in labels:
            named, column = spec.named_cell(text[NORM])
            if column is not None:
                if not place(text, _blank_after(text)):
                    return None
            elif named is not None:
                group = named
            elif header(text[NORM].rstrip(":")) is None:
                if values:
                    return None
                break  # (a note after the table's last cell)
        if values and not (texts and place(texts[-1], filled[0] if filled else values[0])):
            return None
    return _labelled(spec, placed) if len(placed) >= width else None


def _table_texts(spec: TableSpec, texts: list[Item]) -> int:
    """Where the texts before the first label of table 四 printed one cell at a time start
    being the table's (naming a group, a cell or a header word), read back from the end."""
    at = len(texts)
    while at > 0:
        text = texts[at - 1]
        if _PROSE.search(text[RAW]) is not None:
            break
        named = spec.named_cell(text[NORM])
        if named == (None, None) and spec.header_pattern.match(text[NORM].rstrip(":")) is None:
            break
        at -= 1
    return at


def _blank_after(label: Item) -> Item:
    """A blank cell at the end of its label (a cell printed with nothing after it)."""
    end = label[END]
    return (EMPTY, "", end, end, "", -1, -1, -1, 1, None, "blank", label[LINE])


def _labelled(spec: TableSpec, placed: dict[str, Item]) -> GroupBlocks:
    """Table 四's cells named by their labels, the others blank (see :func:`labelled_cells`)."""
    group_columns = tuple(f"{row.key}.{key}" for row in spec.rows for key in row.columns)
    values = sorted(placed.values(), key=_where)
    anchor = next(_filled(values), values[0])
    return GroupBlocks(tuple(map(placed.get, group_columns)), values, group_columns, anchor)


def without_page_number(
    values: list[Item], width: int, spec: TableSpec, model: Format
) -> list[Item]:
    """Table 四's data values without a page number printed on a line of its own before
    or after them (``3 / 8``, or a bare ``3``), when the other lines hold the row's
    ``width`` cells: a data row never prints a lone number or n / m on a line by itself,
    but for one cell per line, where a bare number is told from a value by place alone.

    Then the page number is first (the page broke between the header and the data row)
    unless only dropping the last number makes the groups add up (total = the parts, the
    format's identity).

    One cell per line, the page may break inside the row too: a line n / m among the
    values is the page number; of bare numbers, the first is, unless dropping another
    alone makes more groups add up (:func:`_inner_pages`)."""
    ways = _inner_pages(values, width)
    if ways is None:
        ways = [rest for _, rest, _ in _page_lines(values) if _row_cells(rest, width)]
    if len(ways) < 2:
        return ways[0] if ways else values
    held = [_adds_up(way, spec, model) for way in ways]
    best = max(held)
    if held[0] == best:
        return ways[0]
    winners = {tuple(v[VALUE] for v in way) for way, n in zip(ways, held, strict=True) if n == best}
    return ways[held.index(best)] if len(winners) == 1 else values


def _inner_pages(values: list[Item], width: int) -> list[list[Item]] | None:
    """The ways to read a row of ``width`` cells printed over lines outside any field
    (one cell per line, or a PDF's text wrapped) without a page number printed among its
    values: without the one line n / m among them, when the others are the row's cells;
    else, one cell per line, without any one lone number (in line order). None when the
    values are neither."""
    lines: list[list[Item]] = []
    for value in values:
        if value[FIELD] >= 0 or value[TABLE] >= 0:
            return None
        if lines and lines[-1][0][LINE] == value[LINE]:
            lines[-1].append(value)
        else:
            lines.append([value])
    slashed = [i for i, line in enumerate(lines) if len(line) == 3 and _page_number(line)]
    if len(slashed) == 1:
        rest = [v for i, line in enumerate(lines) if i != slashed[0] for v in line]
        if _row_cells(rest, width):
            return [rest]
    if len(lines) != width + 1 or len(values) != len(lines):
        return None
    ways = []
    for at, line in enumerate(lines):
        if _page_number(line):
            ways.append([v for i, other in enumerate(lines) if i != at for v in other])
    return ways


def without_page_in_row(
    values: list[Item], columns: tuple[str, ...], spec: TableSpec, model: Format
) -> list[Item] | None:
    """A one-cell-per-line row's values (tables 二 and 三) without a page number printed
    among them, where the page broke inside the row: a line n / m (3 / 8) among the values,
    or a bare number the row's sums tell (dropping it alone makes the row's total the sum
    of its parts, the format's identity: a row of a table without one, or where dropping
    the number after the row does as well, is left as it is). None if there is none.

    (A number after the row's last value is told by the row's width alone: see
    :func:`xxgk_lint.parse.columns.by_stream`.)"""
    ways = _inner_pages(values, len(columns))
    if not ways:
        return None
    if len(ways) == 1 and len(ways[0]) < len(values) - 1:
        return ways[0]  # (the line n / m)
    holding = [way for way in ways if _row_holds(way, columns, spec, model)]
    if not holding or holding[-1][-1] is not values[-1]:
        return None  # (none holds, or dropping the last number does: the row's width tells)
    if len({tuple(v[VALUE] for v in way) for way in holding}) != 1:
        return None
    return holding[0]


def across_running_line(
    runs: list[Run],
    position: int,
    columns: tuple[str, ...],
    spec: TableSpec,
    model: Format,
    keeps: Callable[[list[Item]], bool],
) -> list[Item] | None:
    """A one-cell-per-line row's values (``runs[position]``'s, too few) joined with the
    values after a running line that stands among them, where the page broke inside the
    row: the next page's header (the site's name, the report's title, a date; a page mark
    before it is noise already) ends the row's value run and opens the next run, as a
    row's label does, and the row would be lost (XG003).

    The lines between (the next run's texts) are left out and its values become the row's
    (the next run is emptied) only when each is a running line (:func:`_running_line`),
    ``keeps`` says none of them is a text the table reads (a row's label), and the two
    value runs make exactly the row's cells — or one more, a page number printed before
    the header (:func:`without_page_in_row`, :func:`without_page_number`). None otherwise:
    a label that names no row, or a word standing for a value, is never dropped so."""
    width = len(columns)
    if position + 1 >= len(runs):
        return None
    values = runs[position][1]
    texts, more, _ = runs[position + 1]
    joined = [*values, *more]
    if not texts or not 0 < len(values) < width or len(joined) not in (width, width + 1):
        return None
    if not _cell_per_line([*values, *texts, *more]):
        return None
    if not all(_running_line(text, spec) for text in texts) or keeps(texts):
        return None
    if len(joined) > width:
        if spec.layout == "groups":
            unpaged = without_page_number(joined, width, spec, model)
        else:
            unpaged = without_page_in_row(joined, columns, spec, model) or joined
        if len(unpaged) != width:
            return None
        joined = unpaged
    runs[position + 1] = ([], [], "")
    return joined


def _cell_per_line(items: list[Item]) -> bool:
    """Whether each item is a whole line of its own (no field, no grid; none blank), in
    line order: a table printed one cell per line."""
    last = -1
    for item in items:
        if item[FIELD] >= 0 or item[TABLE] >= 0 or item[KIND] == EMPTY or item[LINE] <= last:
            return False
        last = item[LINE]
    return True


def _running_line(text: Item, spec: TableSpec) -> bool:
    """Whether a line of text inside a table can be a page's running header or footer,
    which says nothing the table reads: longer than a word standing for a value (一,
    若干, 不涉及), no sentence or lead-in (a note: …。, 如下：), not numbered as a row's
    label is ((三), 1., 四、), naming no row, column or group of the table by the format's
    words (a label, or a header line printed again on the new page)."""
    norm = text[NORM]
    if len(norm) <= _CELL_WORD_CHARS or _SENTENCE.search(text[RAW]) is not None:
        return False
    if _NUMBERED.match(norm) is not None or spec.header_pattern.match(norm) is not None:
        return False
    finders = (spec.row_finder[0], spec.column_finder[0], *(p for p, _ in spec.group_finders))
    return all(pattern.search(norm) is None for pattern in finders)


def _row_holds(
    values: list[Item], columns: tuple[str, ...], spec: TableSpec, model: Format
) -> bool:
    """Whether a row's values, in ``columns``, make the table's row sums hold (total = the
    parts); False for a table with none over these columns."""
    cells = dict(zip(columns, (v[VALUE] for v in values), strict=True))
    checked = False
    for identity in model.identities:
        if identity.kind != "row-sum" or identity.table != spec.key:
            continue
        needed = [cells.get(key) for key in (identity.total, *identity.parts)]
        if not all(isinstance(n, int) for n in needed):
            return False
        if needed[0] != sum(needed[1:]):  # type: ignore[arg-type]
            return False
        checked = True
    return checked


def _page_number(items: list[Item]) -> bool:
    """Whether a line's items are a page number alone: 3, or 3 / 8, outside any field."""
    if any(i[FIELD] >= 0 or i[TABLE] >= 0 for i in items):
        return False
    shape = "".join(i[KIND] for i in items)
    if shape == NUMBER:
        return True
    return (
        shape == NUMBER + PLACEHOLDER + NUMBER
        and items[1][RAW].strip() in _PAGE_SLASH
        and 0 < items[0][VALUE] <= items[2][VALUE]  # type: ignore[operator]
    )


def _row_cells(values: list[Item], width: int) -> bool:
    """Whether ``values`` are a data row's ``width`` cells: as many filled values, or one
    separated line of that many fields (a blank cell keeps its field; a blank field
    closing the line is none)."""
    filled = [v for v in values if v[KIND] != EMPTY]
    if len(filled) == width:
        return True
    if not filled or len({v[LINE] for v in filled}) != 1 or filled[0][FIELD] < 0:
        return False
    line = [v for v in values if v[LINE] == filled[0][LINE]]
    if line and line[-1][KIND] == EMPTY and len(line) == width + 1:
        line = line[:-1]
    return len(line) == width


def _adds_up(values: list[Item], spec: TableSpec, model: Format) -> int:
    """How many groups the format's group-sum identity holds in, the values taken in the
    format's order."""
    filled = [v[VALUE] for v in values if v[KIND] != EMPTY]
    width = len(spec.column_keys)
    held = 0
    for identity in model.identities:
        if identity.kind != "group-sum" or identity.table != spec.key:
            continue
        total = spec.column_keys.index(identity.total)
        parts = [spec.column_keys.index(p) for p in identity.parts]
        for start in range(0, len(filled) - width + 1, width):
            group = [v for v in filled[start : start + width] if isinstance(v, int)]
            if len(group) == width and group[total] == sum(group[p] for p in parts):
                held += 1
    return held


# --- Table 三's columns printed in parts -------------------------------------------------

#: (id of a table spec, the columns of a part) → (the spec, the spec of that part).
_PART_SPECS: dict[tuple[int, tuple[str, ...]], tuple[TableSpec, TableSpec]] = {}


def column_parts(spec: TableSpec, items: list[Item]) -> list[tuple[TableSpec, list[Item]]] | None:
    """A rows table whose columns are printed in parts, each part a table of its own
    with its header and every row (自然人/商业企业/科研机构, then 社会公益组织/法律服务机构/
    其他/总计): each part's spec (the table's, with the part's columns only) and items.

    The parts are told by their headers: header lines (separated, space-aligned, or one
    cell per line; no value) after which the rows come, the columns they name (by the
    format model's words, a cell broken in two such as 商业 / 企业 read joined) disjoint
    from the other parts' and together the table's. None for a table printed whole, or
    with a repeated header (续表), or for table 二 (each block has its header).
    """
    if spec.blocks or len(spec.columns) < 2:
        return None
    value_lines: list[int] = []
    header_lines: dict[int, set[str]] = {}
    pending: Item | None = None  # a text naming no column: maybe a cell's first piece
    for item in items:
        line = item[LINE]
        if item[KIND] == TEXT:
            keys = _header_cells(spec, _cells_of(item))
            if not keys and pending is not None:
                keys = _header_cells(spec, [pending[NORM] + item[NORM]])
            pending = None if keys else item
            for key in keys:
                header_lines.setdefault(line, set()).add(key)
            continue
        pending = None
        if item[KIND] != EMPTY and (not value_lines or value_lines[-1] != line):
            value_lines.append(line)
    values = set(value_lines)
    parts: list[tuple[int, set[str]]] = []  # (the line a part's header starts on, columns)
    last_values = -1  # the last value line seen before a header line
    for line in sorted(header_lines):
        if line in values:
            continue
        before = max((v for v in value_lines if v < line), default=-1)
        if not parts or before != last_values:
            parts.append((line, set()))
            last_values = before
        parts[-1][1].update(header_lines[line])
    named = [columns for _, columns in parts]
    if len(parts) < 2 or set().union(*named) != set(spec.column_keys):
        return None
    if sum(map(len, named)) != len(spec.column_keys) or any(not c for c in named):
        return None  # (a column named twice: a repeated header, not parts)
    out: list[tuple[TableSpec, list[Item]]] = []
    start = 0
    for index, (_, columns) in enumerate(parts):
        if index + 1 < len(parts):
            after = max(v for v in value_lines if v < parts[index + 1][0])
            end = next(i for i, item in enumerate(items) if item[LINE] > after)
        else:
            end = len(items)
        out.append((_part_spec(spec, columns), items[start:end]))
        start = end
    return out


def _header_cells(spec: TableSpec, cells: Sequence[str]) -> list[str]:
    """The columns that header cells (normalised texts) name by the format model's words;
    a longer text (a note, a row label) names none."""
    pattern, keys = spec.column_finder
    out = []
    for cell in cells:
        match = pattern.search(cell) if len(cell) <= HEADER_CELL_CHARS else None
        if match is not None and match.lastgroup:
            out.append(keys[int(match.lastgroup[1:])])
    return out


def _part_spec(spec: TableSpec, columns: set[str]) -> TableSpec:
    """``spec`` with only ``columns`` (in the format's order), made once per part."""
    kept = tuple(key for key in spec.column_keys if key in columns)
    found = _PART_SPECS.get((id(spec), kept))
    if found is not None and found[0] is spec:
        return found[1]
    part = replace(
        spec,
        columns=tuple(c for c in spec.columns if c.key in columns),
        rows=tuple(
            replace(row, columns=tuple(c for c in row.columns if c in columns)) for row in spec.rows
        ),
    )
    _PART_SPECS[(id(spec), kept)] = (spec, part)
    return part


def joined_parts(spec: TableSpec, tables: Sequence[Table]) -> Table:
    """The table of its parts: each row's cells from every part, in the row's column
    order. A row a part does not have, or has not placed, is uncertain (its numbers
    counted from the parts that have it)."""
    rows: list[Row] = []
    for row_spec in spec.rows:
        present = [row for row in (t.row(row_spec.key) for t in tables) if row is not None]
        if not present:
            continue
        first, columns = present[0], row_spec.columns
        if len(present) != len(tables) or any(r.status != COMPLETE for r in present):
            count = sum(r.found if r.status != COMPLETE else len(r.columns) for r in present)
            rows.append(first._replace(cells=(), columns=columns, status=UNCERTAIN, found=count))
            continue
        cells = {cell[0]: cell for row in present for cell in row[3]}
        joined = tuple(cells[key] for key in columns)
        found = sum(r.found for r in present)
        rows.append(first._replace(cells=joined, columns=columns, found=found))
    start, end = tables[0].span, tables[-1].span
    span = Span(start.line, start.column, end.end_line, end.end_column, None)
    units = tuple(unit for table in tables for unit in table.units)
    return Table(spec.key, span, spec.column_keys, tuple(rows), tables[0].format, units)
