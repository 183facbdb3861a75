"""Split the lines of a table region into items: text, numbers, placeholders, empty cells.

A region is flattened into a stream of items in reading order; the template mapping
(:mod:`xxgk_lint.parse.mapping`) then finds the labels and places the values. Each item
remembers where it stands:

* ``FIELD`` — which field of its line it is, for lines whose cells are separated (``|``,
  a tab, or the cells of an HTML/Word row): a blank field keeps its position, including a
  blank last field of a tab row; for a line of space-separated cells (PDF text) every
  item is field -1, and only the order counts;
* ``GRID``/``WIDTH`` — for a row of an HTML or Word table, the grid columns the cell
  covers, as a browser lays them out (from :class:`~xxgk_lint.sources.model.GridRow`);
  for an item of a space-separated row, the display column (0-based, a CJK character
  two wide) it starts at and its display width: text in space-aligned columns
  (``pdftotext -layout``) places a row with a blank cell by where its values stand
  (:func:`xxgk_lint.parse.columns.by_alignment`).

An item also holds the value and kind of the cell it would make (:func:`make_cells`),
worked out with its shape, once per distinct text.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from itertools import repeat
from typing import Final

from xxgk_lint import memo
from xxgk_lint.format.document import (
    BLANK_DASHES,
    BLANK_MARKS,
    BLANK_SLASHES,
    BLANK_WORD,
    COUNT_UNITS,
    CURRENCY_MARKS,
    STRAY_MARKS,
    UNIT_AFTER,
    ZERO_WORDS,
)
from xxgk_lint.format.model import MONEY_UNITS
from xxgk_lint.format.normalise import MINUS_SIGNS, ZERO_WIDTH, fold_minus, nfkc, normalise
from xxgk_lint.memo import compiled
from xxgk_lint.parse.ast import Cell, CellFields, Span, SpanFields, Value, as_cell
from xxgk_lint.parse.grammar import Line, get_parser
from xxgk_lint.parse.lexer import LINE_TEXT
from xxgk_lint.sources.model import GridRow

TEXT, NUMBER, PLACEHOLDER, EMPTY = "T", "N", "P", "E"

#: An item is a plain tuple, read by these indices. A report has some four hundred items,
#: and a text row's are kept from its first sight, given another line number in one C step
#: each (see :func:`items_of`): a NamedTuple would cost a Python call per item to build
#: and a descriptor call per field read.
KIND: Final = 0  # TEXT, NUMBER, PLACEHOLDER or EMPTY
RAW: Final = 1  # the text as printed
COLUMN: Final = 2  # 1-based column of its first character
END: Final = 3  # the column after its last character
NORM: Final = 4  # the text normalised (a TEXT item's; "" otherwise)
#: Which field of its line this is; -1 for a whole line of text or a space-separated row.
FIELD: Final = 5
#: For a cell of an HTML/Word table: the grid table, its first grid column and its span;
#: for an item of a space-separated row: -1, its display column and display width (-1,
#: -1, 1 otherwise).
TABLE: Final = 6
GRID: Final = 7
WIDTH: Final = 8
#: The cell it makes, known from its text alone (so worked out once per distinct text):
#: the value (int, Decimal or None) and the cell's kind (number, placeholder, text, blank).
VALUE: Final = 9
CELL: Final = 10
LINE: Final = 11  # 1-based line number

Item = tuple[str, str, int, int, str, int, int, int, int, Value, str, int]
#: A label run (text items, maybe none), the value run after it and its kinds: what
#: :func:`~xxgk_lint.parse.mapping.value_runs` cuts a table's items into.
Run = tuple[list[Item], list[Item], str]

#: The longest header cell the format prints is 本年收费金额(单位:万元), 13 characters:
#: a longer text (the table's note, a row label) is none.
HEADER_CELL_CHARS = 16

#: What separates the cells of a space-aligned text line: two spaces or more (or an
#: ideographic space), as a layout's columns stand.
CELL_GAP = re.compile(r"(?:\s{2,}|\u3000)+")


def aligned_cells(item: Item) -> list[str]:
    """The normalised cells of a line of space-aligned text (总计   自然人 …, as
    pdftotext -layout prints a header: one text item, its cells two spaces apart)."""
    return [normalise(part) for part in CELL_GAP.split(item[RAW].strip())]


def item_span(item: Item) -> Span:
    """Where an item stands in the file."""
    line = item[LINE]
    return _new(Span, (line, item[COLUMN], line, item[END], None))


def relabelled(item: Item, raw: str, norm: str) -> Item:
    """The item with another text (a label joined with the piece after it)."""
    return (item[KIND], raw, *item[COLUMN:NORM], norm, *item[FIELD:])


_SEPARATORS = r"[|｜\t]"  # (compiled when first needed: few rows mix separators)
#: Spans and cells are built with ``tuple.__new__`` in the hot loops: a NamedTuple's own
#: ``__new__`` is a Python function, and calling it costs more than the tuple.
_new = tuple.__new__
_INNER_BLANK = re.compile(r"\s")
#: The minus signs other than the ASCII one: a field that starts with one is matched as
#: the number it is once the sign is folded (－1 is -1; see normalise.MINUS_SIGNS).
_OTHER_MINUS = MINUS_SIGNS[1:]
_join = operator.add  # shape + (line,): an item, built in C
item_kind = operator.itemgetter(KIND)  # (read in C over many items, with ``map``)


def items_of(lines: Iterable[Line], grid: Mapping[int, GridRow] | None = None) -> list[Item]:
    """Flatten lines into items (the hottest loop of the parser: keep it lean)."""
    items: list[Item] = []
    append, extend = items.append, items.extend
    lines = list(lines)
    enclosed: bool | None = None  # (worked out when a row needs it: one cell per line never)
    for line in lines:
        kind, text, number, base, end = line
        if kind != "ROW":
            norm = normalise(text)
            # 暂无, 〇, 1493件 alone on a line (one cell per line) is no ROW to the grammar,
            # yet a cell, as it is in a separated row (_word_part; tested for the texts it
            # may read: short, or ending as a number or a unit does).
            if len(norm) <= _CELL_LONGEST and (part := _word_cell(text, base, end, norm)):
                append((*part[:NORM], "", -1, -1, -1, 1, *part[5:], number))
            elif norm[-1:] in _GLUED_ENDS and (glued := _labelled_words(text)) is not None:
                # (结果维持3 on its line, or 行政复议 结果维持1 结果纠正0 …: labels and values)
                for k, t, a, e, n, v, c in glued:
                    append((k, t, base + a, base + e, n, -1, -1, -1, 1, v, c, number))
            else:
                append((TEXT, text, base, end, norm, -1, -1, -1, 1, None, "text", number))
        elif grid and (geometry := grid.get(number)) is not None:
            if enclosed is None:
                enclosed = enclosed_rows(lines)
            extend(row_items(line, geometry, enclosed))
        elif text.isdigit() and text.isascii():  # a lone number (one cell per line)
            append((NUMBER, text, base, end, "", -1, -1, -1, 1, int(text), "number", number))
        else:
            if enclosed is None:
                enclosed = enclosed_rows(lines)
            # A text row is read by its text alone: its items are kept from its first sight
            # (reports repeat the template's rows, at the same column), and given this
            # line's number when it is another (a new row's items are made with it: no
            # second tuple per item).
            key = (text, enclosed, base)
            kept = _ROWS.get(key)
            if kept is None:
                kept = _ROWS.keep(key, _row_fields(text, None, enclosed, base, number))
                extend(kept)
            elif not kept or kept[0][LINE] == number:
                extend(kept)
            else:
                extend(map(_join, map(_SHAPE, kept), repeat((number,))))
    return items


#: A text row's (text, enclosed, column) → its items on the line it was first read on.
_ROWS: memo.Table[tuple[str, bool, int], list[Item]] = memo.Table(1024)
#: An item without its line (in C, with map): a kept row's items, to be given another line.
_SHAPE = operator.itemgetter(slice(0, LINE))


def enclosed_rows(lines: Iterable[Line]) -> bool:
    """Whether the region's pipe rows are enclosed, markdown-style: | a | b |.

    Then the pipes at both ends enclose the fields and give none. Otherwise a pipe at
    either end is a separator: ``a | 6 | `` has a blank last field, `` | | b`` blank first
    ones. The region decides, since a single line cannot tell: when a row starts with
    blank cells and ends with a blank one, its pipes look enclosing too. A row that ends
    with a pipe but starts with a label (一、本年新收… | 145 | … | 583 |) shows the other
    style, a pipe after each cell: a markdown table has no such row, so more than one in
    ten of them makes the region's leading pipes separators (the first cell is blank).
    """
    if not any(map(operator.contains, map(_TEXT_OF, lines), repeat("|"))):
        return False  # (no pipe at all, as in one cell per line: one C pass, no loop)
    piped = [text for kind, text, _, _, _ in lines if kind == "ROW" and "|" in text]
    opened = sum(1 for text in piped if text[0] == "|" and text[-1] == "|")
    if not piped or opened * 5 < len(piped) * 4:
        return False
    closed = sum(1 for text in piped if text[0] != "|" and text[-1] == "|")
    return closed * 10 <= len(piped)


_TEXT_OF = operator.itemgetter(LINE_TEXT)  # a Line's text

_PATTERNS: tuple[Callable[[str], object], Callable[[str], object]] | None = None


class _Patterns:
    """The grammar's NUMBER and PLACEHOLDER terminals, looked up once (a hot loop)."""

    @staticmethod
    def load() -> tuple[Callable[[str], object], Callable[[str], object]]:
        global _PATTERNS
        splitter = get_parser().splitter
        _PATTERNS = (splitter.number.fullmatch, splitter.placeholder.fullmatch)
        return _PATTERNS


def row_items(line: Line, geometry: GridRow | None = None, enclosed: bool = False) -> list[Item]:
    """Items of a ROW line, field by field.

    A field without blanks inside is one item (the common case, cut with ``str.split``);
    a field with blanks inside is split with the grammar's cell terminals, which keep a
    label such as 商业 企业 whole and cut numbers such as ``3001 53`` apart.
    """
    _, text, number, base, _ = line
    if text.isascii() and text.isdigit():  # a lone number (one cell per line)
        end = base + len(text)
        return [(NUMBER, text, base, end, "", -1, -1, -1, 1, int(text), "number", number)]
    return _row_fields(text, geometry, enclosed, base, number)


def _row_fields(
    text: str, geometry: GridRow | None, enclosed: bool, base: int, line: int
) -> list[Item]:
    """The items of a row's text on ``line``, the text starting at column ``base``."""
    if geometry is not None:
        pieces = text.split("\t")
        if len(pieces) != len(geometry.cells):
            geometry = None
    elif "|" not in text and "｜" not in text:
        pieces = text.split("\t")
    elif "\t" not in text and "｜" not in text:
        pieces = text.split("|")
    else:
        pieces = compiled(_SEPARATORS).split(text)
    if geometry is None and len(pieces) == 1:
        split = _split(text)
        if text.isascii():  # (display columns are character columns)
            return [
                (k, t, c + base, e + base, n, -1, -1, c + base - 1, e - c, v, ck, line)
                for k, t, c, e, n, v, ck in split
            ]
        shown = _display(text, split, base)
        return [
            (k, t, c + base, e + base, n, -1, -1, d, w, v, ck, line)
            for (k, t, c, e, n, v, ck), (d, w) in zip(split, shown, strict=True)
        ]
    # Every separator starts a field, a pipe at either end of the line too (a blank last
    # field, a | 6 | , keeps its place, as in a tab row) — unless the region's rows are
    # enclosed in pipes (| a | b |): then the enclosing pieces are no fields.
    position = base
    if enclosed and geometry is None and text[0] in "|｜" and text[-1] in "|｜":
        pieces = pieces[1:-1]  # "" before the opening pipe, "" after the closing one
        position += 1
    out: list[Item] = []
    append = out.append
    leading = True  # empty fields before the line's first content: see below
    known = _FIELDS.get  # (a field read before: one dict look-up, see _field)
    if geometry is None:
        # A text row: its grid column is its field, and it spans one. (Its own loop, the
        # grid's below: no grid columns and spans zipped in per field. One loop for both
        # measured 0.2 M instructions more a real report.)
        for field, piece in enumerate(pieces):
            start = position
            position += len(piece) + 1
            value, one, parts = known(piece) or _field(piece)
            if value is None:
                append((EMPTY, "", start, start, "", field, -1, field, 1, None, "blank", line))
                continue
            if leading:
                leading = False
                if out and not value:
                    # Empty fields that open a line before its label are indentation, or
                    # the leading cells a copied row lost: no row's values (their fields
                    # still count).
                    out.clear()
            # (A part: kind, text, start and end in the field, norm, value, cell kind.)
            if one is not None:  # (most fields: one item, no loop over the parts)
                k, t, a, e, n, v, c = one
                append((k, t, start + a, start + e, n, field, -1, field, 1, v, c, line))
                continue
            for k, t, a, e, n, v, c in parts:
                append((k, t, start + a, start + e, n, field, -1, field, 1, v, c, line))
        return out
    table = geometry.table
    for field, (piece, grid) in enumerate(zip(pieces, geometry.cells, strict=True)):
        column, span = grid.column, grid.span
        start = position
        position += len(piece) + 1
        value, _, parts = known(piece) or _field(piece)
        if value is None:
            append((EMPTY, "", start, start, "", field, table, column, span, None, "blank", line))
            continue
        if leading:
            leading = False
            if out and not value:
                out.clear()  # (as above)
        for k, t, a, e, n, v, c in parts:  # (a part, as above)
            append((k, t, start + a, start + e, n, field, table, column, span, v, c, line))
    return out


def _display(text: str, parts: Sequence[_Part], base: int) -> list[tuple[int, int]]:
    """Each part's display column (0-based, the text starting at column ``base``) and
    display width, a wide (CJK) character counting two, as a layout that aligns columns
    with spaces counts them."""
    from wcwidth import wcswidth

    out: list[tuple[int, int]] = []
    at, column = 0, base - 1
    for part in parts:
        start, end = part[2], part[3]
        column += max(wcswidth(text[at:start]), 0)
        width = max(wcswidth(text[start:end]), 0)
        out.append((column, width))
        column += width
        at = end
    return out


#: One item of a field: kind, text, start and end in the field, norm, value, cell kind.
_Part = tuple[str, str, int, int, str, Value, str]
#: What a field holds (see :func:`_field`): whether it starts with a value (None: it is
#: blank), its one item (None when it has several) and all its items.
_Field = tuple[bool | None, _Part | None, tuple[_Part, ...]]
_BLANK: _Field = (None, None, ())

#: A field's text → what it holds, read with ``get`` in the row loop (an lru_cache's
#: bookkeeping cost a third of each hit).
_FIELDS_KEPT = 4096
_FIELDS: memo.Table[str, _Field] = memo.Table(_FIELDS_KEPT)


def _field(piece: str) -> _Field:
    """What one field of a separated row holds, read and kept by its text: the same fields
    (0, 本年新收政府信息公开申请数量, /) fill every report's rows. (Called when the row loop's
    look-up in ``_FIELDS`` finds nothing.)"""
    return _FIELDS.keep(piece, _read_field(piece))


#: A word that may start a value: the first characters of the grammar's NUMBER terminal
#: (a sign, any minus sign fold_minus folds to it, a digit) and of its PLACEHOLDER terminal
#: (/, a dash, 无: the format's blank marks), after a blank or a colon (行政许可：1493: a
#: number glued after a label's colon). A test checks that no other character starts
#: either terminal.
_VALUE_START = (
    rf"(?:^|[\s:：])[{re.escape(MINUS_SIGNS + BLANK_SLASHES + BLANK_DASHES + BLANK_WORD)}+0-9０-９]"
)
#: Whether a text holds a zero-width character (text copied from a web page: see
#: normalise.ZERO_WIDTH), which no terminal reads as part of a number. Asked only of a
#: text that ``str.isprintable`` says holds one of the characters it cannot print (they
#: are format characters): a C pass, a tenth of a search's cost on the common text.
_HAS_ZERO_WIDTH = re.compile(f"[{ZERO_WIDTH}]").search


def _read_field(piece: str) -> _Field:
    """What one field holds, and whether it starts with a value (a number or placeholder,
    not a label) or is blank. A field whose words cannot start a number or a placeholder
    (most labels: 自然人, （一） 予以公开) is one text item, without asking the grammar's
    terminals (each new field used to be several pattern calls and Python calls)."""
    stripped = piece.strip()
    if not stripped:
        return _BLANK
    if not stripped.isprintable() and _HAS_ZERO_WIDTH(stripped) is not None:
        return _read_without_zero_width(piece)
    if "<" in stripped and (blanked := _line_breaks_blanked(piece)) is not None:
        return _read_field(blanked)
    if stripped in _UNIT_FIELDS:
        return _BLANK  # (a unit column's cell: see _UNIT_FIELDS)
    at = len(piece) - len(piece.lstrip())
    end = at + len(stripped)
    if stripped.isdigit() and stripped.isascii():
        return _one(True, (NUMBER, stripped, at, end, "", int(stripped), "number"))
    if compiled(_VALUE_START).search(stripped) is None:
        # (The grammar's CELL_TEXT takes every word of it, blanks between: one item.)
        norm = normalise(stripped)
        if part := _word_cell(stripped, at, end, norm):
            return _one(True, part)  # (暂无 as / — 无 are; 〇; … × *)
        if norm[-1:] in _GLUED_ENDS and (glued := _labelled_value(stripped)) is not None:
            return (
                False,
                None,
                tuple((k, t, at + a, at + e, n, v, c) for k, t, a, e, n, v, c in glued),
            )
        return _one(False, (TEXT, stripped, at, end, norm, None, "text"))
    is_number, is_placeholder = _PATTERNS or _Patterns.load()
    if _GROUPED_FIELD(stripped) is not None:  # 1 493: one field, one number
        return _one(True, _number(stripped, at, end))
    # (blanks inside, or a colon a value may be glued after: 行政许可：1493 is a label and a
    # number, as the grammar's CELL_TEXT and NUMBER cut it)
    if _INNER_BLANK.search(stripped) is not None or "：" in stripped or ":" in stripped:
        parts = tuple((k, t, at + c, at + e, n, v, ck) for k, t, c, e, n, v, ck in _split(stripped))
        # (an amount with its currency mark apart, ¥ 12.35, is a value too: see _marked)
        value = _is_value(stripped, is_number, is_placeholder) or (
            parts[0][0] == NUMBER and nfkc(parts[0][1]).startswith(CURRENCY_MARKS)
        )
        return (value, parts[0] if len(parts) == 1 else None, parts)
    # One word: it starts with a value exactly when it is one (see _is_value).
    if is_number(stripped) or (stripped[0] in _OTHER_MINUS and is_number(fold_minus(stripped))):
        return _one(True, _number(stripped, at, end))
    if is_placeholder(stripped):
        return _one(True, (PLACEHOLDER, stripped, at, end, "", None, "placeholder"))
    norm = normalise(stripped)
    if (part := _word_cell(stripped, at, end, norm)) is not None:
        return _one(True, part)  # (1493件, 12.35万元)
    return _one(False, (TEXT, stripped, at, end, norm, None, "text"))


#: What a table's unit column holds in each row (信息内容 | 单位 | 本年制发件数 | … and
#: 规章 | 件 | 0 | 0 | 0): the unit of the counts, or the format's own unit of the fee
#: amounts (万元). Such a field is no value and no label, but a blank where the row's
#: values do not stand: read as a text, it was a fourth value of a three-value row, and
#: the row was lost (XG003). Another money unit (元) is no blank: the amount it gives
#: is not the format's, and the row is left unread rather than misread.
_UNIT_FIELDS = frozenset((*COUNT_UNITS, "万元"))

#: An HTML line break written in a Markdown table's cell (| 4.保护第<br>三方合法权益 | 0 |):
#: a pipe row cannot hold a line end, so converters and writers put the cell's wrapped
#: lines together with ``<br>``, ``<br/>`` or ``<br />``.
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _line_breaks_blanked(piece: str) -> str | None:
    """The field with each ``<br>`` tag in it made blanks of its length; None if it has
    none. Read as the tag, a label's words were cut by four characters of markup and a
    short label (4.保护第三方合法权益) no longer named its row; as blanks the label is one
    text with a blank inside, as a label wrapped in a cell is, and every item keeps its
    column in the file. (Asked only of a new field holding a ``<``.)"""
    blanked = _LINE_BREAK_TAG.sub(_blanks_for, piece)
    return None if blanked == piece else blanked


def _blanks_for(match: re.Match[str]) -> str:
    """As many spaces as the matched text has characters."""
    return " " * (match.end() - match.start())


def _read_without_zero_width(piece: str) -> _Field:
    """A field holding zero-width characters (​0, 1​493: text copied from a web page), read
    without them; its items stand where their characters stand in ``piece``."""
    kept = [i for i, c in enumerate(piece) if c not in ZERO_WIDTH]
    value, _, parts = _read_field("".join(map(piece.__getitem__, kept)))
    if value is None:
        return _BLANK
    moved = _moved(parts, kept)
    return (value, moved[0] if len(moved) == 1 else None, moved)


def _moved(parts: Iterable[_Part], kept: Sequence[int]) -> tuple[_Part, ...]:
    """Parts read from a text without some of its characters, each standing where its
    characters stand in the text (``kept``: the index in the text of each one kept)."""
    return tuple((k, t, kept[a], kept[e - 1] + 1, n, v, c) for k, t, a, e, n, v, c in parts)


#: A short word → the cell the format reads it as (the grammar's terminals read it as text):
#: a blank mark (暂无, 不涉及), zero as a word (〇, 零), a mark of no one meaning (…, ×, *: a
#: cell of text, yet a cell: XG004). Looked up normalised and upper-cased (* as printed:
#: normalising removes it).
_WORD_CELLS: dict[str, tuple[str, Value, str]] = {
    **dict.fromkeys(BLANK_MARKS, (PLACEHOLDER, None, "placeholder")),
    **dict.fromkeys(ZERO_WORDS, (NUMBER, 0, "number")),
    **dict.fromkeys(STRAY_MARKS, (PLACEHOLDER, None, "text")),
}
_WORD_LONGEST = max(map(len, _WORD_CELLS))
#: The last characters of a number printed with a unit (1493件, 0(万元)) or without one.
#: The longest text a cell word or a number with its unit is (12,345,678.00万元 is 15).
_CELL_LONGEST = 24
_DIGITS = tuple("0123456789")
_DIGIT_SET = frozenset(_DIGITS)
_UNIT_ENDS = (*_DIGITS, ")", *COUNT_UNITS, "元")
#: The last characters (normalised) of a label with its value glued on (结果维持3,
#: 行政许可1493件: see _labelled_value).
_GLUED_ENDS = frozenset((*_DIGITS, *COUNT_UNITS))
#: The first characters of a number printed with a unit: a digit, or a currency mark
#: (¥12.35万元).
_UNIT_STARTS = (*_DIGITS, *CURRENCY_MARKS)


#: The first characters of the texts :func:`_word_part` may read (a digit, a word of
#: ``_WORD_CELLS`` in either case): a text that starts otherwise (most labels) is ruled
#: out by one set look-up.
_WORD_STARTS = frozenset(
    [
        *(w[0] for w in _UNIT_STARTS),
        *(w[0] for w in _WORD_CELLS),
        *(w[0].lower() for w in _WORD_CELLS),
    ]
)


def _word_cell(text: str, start: int, end: int, norm: str) -> _Part | None:
    """:func:`_word_part` of a word, asked only of a text that may be one: most labels are
    ruled out by their first character (``_WORD_STARTS``: one set look-up, no call)."""
    if norm and norm[0] not in _WORD_STARTS:
        return None
    return _word_part(text, start, end, norm)


def _word_part(text: str, start: int, end: int, norm: str) -> _Part | None:
    """The part a word makes that the grammar's terminals read as text but the format reads
    as a cell (``norm``: the word normalised): a word of ``_WORD_CELLS``; or a number with a
    unit after it (document.UNIT_AFTER). A count's unit (1493件) is read with its number; a
    money unit (12.35万元, 300元), or a currency mark before the number (¥12.35万元), is read
    by the row of a money column, which knows its unit (parse.mapping): here the cell is a
    number not read yet (text, if no money row reads it). None for other words."""
    if len(norm) <= _WORD_LONGEST:
        found = _WORD_CELLS.get(norm.upper() if norm else nfkc(text))
        if found is not None:
            return (found[0], text, start, end, "", found[1], found[2])
    if text[-1:] in _NOTE_MARKS and text[0] not in _NOTE_MARKS:
        return _noted(text, start, end)
    if not (norm.startswith(_UNIT_STARTS) and norm.endswith(_UNIT_ENDS)):
        return None  # (most labels: 1.属于国家秘密 starts with a digit, ends with no unit)
    match = compiled(UNIT_AFTER).fullmatch(norm)
    if match is None:
        return None
    unit = match["unit"] or match["bracketed"]
    count = match["currency"] is None and (unit is None or unit in COUNT_UNITS)
    value = parse_number(match["number"]) if count else None
    return (NUMBER, text, start, end, "", value, "text" if value is None else "number")


#: The marks a report prints after a value to point at a note under its table (1493①,
#: 12※, 5†, 3¹, 7⑴; 5* is read already: normalising drops the asterisk): circled,
#: parenthesised and superscript digits, the reference mark, daggers, the full-width
#: asterisk. No digit of the number: NFKC makes 1493① the number 14931.
_NOTE_MARKS = frozenset(
    "".join(map(chr, range(0x2460, 0x2488)))  # ① … ⑳, ⑴ … ⒇
    + "".join(map(chr, range(0x2776, 0x2794)))  # ❶ … ❿, ➀ … ➓
    + "¹²³⁰⁴⁵⁶⁷⁸⁹"
    + "※†‡＊"
)


#: A digit with a note mark after it (1493① among a line's words).
_NOTED_NUMBER = re.compile("[0-9][" + "".join(sorted(_NOTE_MARKS)) + "]").search


def _noted(text: str, start: int, end: int) -> _Part | None:
    """A number printed with a note mark after it (1493①, 12※), read as the number
    without the mark; its cell keeps the text as printed. None when what is left is no
    number (a word, or nothing: a lone ① is read as before).

    An amount with its unit (12.5万元①) is left unread here, for the row of its money
    column to read (see _word_part); that row reads the cell's text, in which NFKC makes
    the mark a digit (12.5万元1: no amount), so the cell is the amount without its mark."""
    bare = text.rstrip("".join(_NOTE_MARKS)).rstrip()
    if not bare or bare[-1] in _NOTE_MARKS:
        return None
    part = _word_part(bare, start, start + len(bare), normalise(bare))
    if part is None or part[0] != NUMBER:
        return None
    if part[5] is None:
        return part  # (12.5万元①: the amount as printed, without its mark)
    return (NUMBER, text, start, end, "", part[5], part[6])


#: A number (with a count's unit, if any) at the end of a text, after a character that
#: is no digit: the value a label is glued to (结果维持3, 行政许可1,493件).
_GLUED_VALUE = re.compile(
    f"(?<![0-9０-９,，.．])[0-9０-９]+(?:[,，][0-9０-９]{{3}})*(?:{'|'.join(COUNT_UNITS)})?\\Z"
)


@functools.cache
def _format_value_labels() -> frozenset[str]:
    """format.labels.value_labels of both formats' tables (made when first needed)."""
    from xxgk_lint.format import FORMAT_2019, FORMAT_2021
    from xxgk_lint.format.labels import value_labels

    return value_labels(FORMAT_2021.tables + FORMAT_2019.tables)


@functools.cache
def _format_column_labels() -> frozenset[str]:
    """format.labels.column_labels of both formats' tables (made when first needed)."""
    from xxgk_lint.format import FORMAT_2019, FORMAT_2021
    from xxgk_lint.format.labels import column_labels

    return column_labels(FORMAT_2021.tables + FORMAT_2019.tables)


def _names_one_cell(norm: str) -> bool:
    """Whether a normalised label names one cell of a table printed in groups (table 四)
    by its group and its column joined: 行政复议结果维持, 复议后起诉总计."""
    from xxgk_lint.format import FORMAT_2021

    for spec in FORMAT_2021.tables:
        if spec.layout == "groups":
            group, column = spec.named_cell(norm)
            if group is not None and column is not None:
                return True
    return False


def _labelled_value(text: str) -> tuple[_Part, _Part] | None:
    """A label of the format with its value glued on (结果维持3, 行政许可1493, 3.其他0: a
    PDF's text layer, or a typist, lost the blank between cell and cell), as the label and
    the number the blank would have cut apart; None for any other text. Only a whole label
    of the format (format.labels.value_labels), or one naming a cell of table 四 by its
    group and column (行政复议结果维持3), is cut off so: a text that merely ends with a
    number (数据1, 表4) stays one. Asked only of a short text ending with a digit or
    a count's unit."""
    match = _GLUED_VALUE.search(text)
    if match is None or match.start() == 0:
        return None
    label = text[: match.start()]
    norm = normalise(label)
    if norm not in _format_value_labels() and not _names_one_cell(norm):
        return None
    piece = match.group()
    number = _word_part(piece, match.start(), len(text), normalise(piece))
    if number is None or number[0] != NUMBER:
        return None
    return (TEXT, label, 0, match.start(), norm, None, "text"), number


_WORD = re.compile(r"\S+")


def _labelled_words(text: str) -> list[_Part] | None:
    """The words of a text the grammar reads as one (words with blanks between), each
    label with its value glued on cut in two (:func:`_labelled_value`): 结果维持3, or a
    group's row 行政复议 结果维持1 结果纠正0 … whose blanks between label and value were
    lost; a number with a note mark among them (行政许可 1493①) is a value too. None when
    no word is such a label and value or such a number."""
    if " " not in text and "\u3000" not in text:
        glued = _labelled_value(text)
        return None if glued is None else list(glued)
    out: list[_Part] = []
    found = False
    for match in _WORD.finditer(text):
        word, at = match.group(), match.start()
        glued = _labelled_value(word)
        if glued is None:
            noted = _noted(word, at, match.end()) if word[-1] in _NOTE_MARKS else None
            found = found or noted is not None
            out.append(
                (TEXT, word, at, match.end(), normalise(word), None, "text")
                if noted is None
                else noted
            )
            continue
        found = True
        out += [(k, t, at + a, at + e, n, v, c) for k, t, a, e, n, v, c in glued]
    return out if found else None


def _one(value: bool, part: _Part) -> _Field:
    """A field of one item."""
    return (value, part, (part,))


def _number(text: str, start: int, end: int) -> _Part:
    """A NUMBER item's part, with the value its cell holds (a cell of text if unreadable)."""
    value = parse_number(text)
    return (NUMBER, text, start, end, "", value, "text" if value is None else "number")


def _is_value(
    stripped: str, is_number: Callable[[str], object], is_placeholder: Callable[[str], object]
) -> bool:
    """Whether a field's text starts with a value (a number or placeholder), not a label."""
    first = stripped.split(None, 1)[0] if _INNER_BLANK.search(stripped) else stripped
    return bool(is_number(fold_minus(first)) or is_placeholder(first))


#: The units a number may be printed with, a blank between (1493 件): read with it.
_UNIT_WORDS = frozenset((*COUNT_UNITS, *MONEY_UNITS))


#: Thousands written apart by a space (1 493): in one field of a separated row (or an HTML
#: cell) the number is one cell, whatever the space. (A whole space-separated line's
#: numbers are cells apart: 3001 53.)
_GROUPED_FIELD = re.compile(r"[0-9]{1,3}(?:[ \u00a0\u2009\u202f][0-9]{3})+").fullmatch
#: The spaces only a number's thousands are written apart by (a thin space, a narrow
#: no-break space) or that a web page puts there (a no-break space: a browser copies
#: 1&nbsp;493 so), between groups of three digits: the number is one cell anywhere.
_THOUSANDS_GAPS = "\u00a0\u2009\u202f"
_GROUPED = re.compile(f"(?<![0-9])[0-9]{{1,3}}(?:[{_THOUSANDS_GAPS}][0-9]{{3}})+(?![0-9])")
_GAPS_AS_COMMAS = str.maketrans(dict.fromkeys(_THOUSANDS_GAPS, ","))


def _grouped_as_commas(text: str) -> str:
    """``text`` with the thousands gaps of its numbers (23 962 with a no-break or thin
    space) written as commas, which the NUMBER terminal reads (the same length: the spans
    hold). Asked only of a text that is not ASCII and holds such a space."""
    return _GROUPED.sub(lambda m: m.group().translate(_GAPS_AS_COMMAS), text)


def _split(text: str) -> list[_Part]:
    """Split one field (or a whole space-separated line) with the grammar's cell terminals
    (over the text with its minus signs folded: the same length, so the spans hold)."""
    if (
        not text.isprintable() and _HAS_ZERO_WIDTH(text) is not None
    ):  # (see _read_without_zero_width)
        kept = [i for i, c in enumerate(text) if c not in ZERO_WIDTH]
        return list(_moved(_split("".join(map(text.__getitem__, kept))), kept))
    finditer = get_parser().splitter.pattern.finditer
    out: list[_Part] = []
    folded = fold_minus(text)
    if not text.isprintable() and ("\u00a0" in text or "\u2009" in text or "\u202f" in text):
        folded = _grouped_as_commas(folded)
    for match in finditer(folded):
        kind = match.lastgroup
        if kind in ("BLANK", "CELL_SEP", None):
            continue
        start, end = match.span()
        value = text[start:end]
        if kind == "NUMBER":
            out.append(_number(value, start, end))
        elif kind == "PLACEHOLDER":
            out.append((PLACEHOLDER, value, start, end, "", None, "placeholder"))
        elif (
            out
            and out[-1][0] == NUMBER
            and (norm := normalise(value)).strip("()") in _UNIT_WORDS
            and (
                joined := _word_part(
                    text[out[-1][2] : end], out[-1][2], end, normalise(text[out[-1][2] : end])
                )
            )
            is not None
        ):
            out[-1] = joined  # (a number and its unit apart: 1493 件, 12.35 万元)
        else:
            norm = normalise(value)
            part = _word_cell(value, start, end, norm)
            if part is None and out and _spread_ordinal(text, out[-1], start):
                raw = text[out[-1][2] : end]
                out[-1] = (TEXT, raw, out[-1][2], end, normalise(raw), None, "text")
                continue  # (3 . 其 他: an item's label spread, its ordinal no value)
            if (
                part is None
                and norm[:1] in _DIGIT_SET
                and norm.endswith(_UNIT_ENDS)
                and (glued := _glued(value, start))
            ):
                out += glued  # (1493件0件3件: cells whose blanks were lost)
                continue
            if (
                part is None
                and (norm[-1:] in _GLUED_ENDS or _NOTED_NUMBER(value) is not None)
                and (labelled := _labelled_words(value)) is not None
            ):
                # (结果维持3, 行政复议 结果维持1 结果纠正0: labels and their values;
                # 行政许可 1493①: a value with a note mark, which no NUMBER terminal reads)
                out += [(k, t, start + a, start + e, n, v, c) for k, t, a, e, n, v, c in labelled]
                continue
            out.append((TEXT, value, start, end, norm, None, "text") if part is None else part)
    if len(out) > 1 and any(p[0] == TEXT and p[4] in CURRENCY_MARKS for p in out[:-1]):
        return _marked(text, out)
    if len(out) > 1 and out[0][0] == TEXT and out[1][0] == NUMBER and " " in out[0][1]:
        return _header_run_in(out)
    return out


#: An item's ordinal number with the blanks after it and the mark after them (the ``3 .``
#: of 3 . 其 他): a justified PDF cell's label, its characters spread apart.
_ORDINAL_GAP = re.compile(r"[0-9]{1,2}[ \u3000]+[.．、][ \u3000]*[^0-9\s]").match


def _spread_ordinal(text: str, previous: _Part, start: int) -> bool:
    """Whether the word at ``start`` goes on the number before it as a label's ordinal:
    an item's spread over a justified cell (``3 . 其 他``, as pdftotext prints 3.其他;
    a value is never followed by a word that starts with the ordinal's mark), or a
    number with a leading zero first in its field (``04 结转下年度继续办理``; no value is
    printed so). Read as a value, the number would leave its row's label bare (其他 names
    no row) and give the row before a value too many."""
    if previous[0] != NUMBER:
        return False
    if text[start] in ".．、":
        return _ORDINAL_GAP(text, previous[2]) is not None
    return _ZERO_LED_ORDINAL(text, previous[2]) is not None and not text[: previous[2]].strip()


#: A section's or row's number written with a leading zero (04 结转下年度继续办理, as a
#: report numbering its parts 01 02 … writes its rows too), a word right after it.
_ZERO_LED_ORDINAL = re.compile(r"0[1-9][ \u3000]?[\u4e00-\u9fff]").match


def _header_run_in(parts: list[_Part]) -> list[_Part]:
    """``parts`` with a row's label made an item of its own when the words before the
    line's first number are a header's and then the label (第二十条第（一）项 信息内容
    本年制发件数 本年废止件数 现行有效件数 规章 0 0 0: a PDF viewer's copy that ran a
    block's header and its first row into one line): the row is found by its label, as
    on a line of its own. Only a label of the format after a column's label of the
    format (现行有效件数 规章) is cut off: group and row (（三）不予公开 1.属于国家秘密,
    （六）其他处理 1.申请人…) are read together, as before."""
    first = parts[0]
    head, _, last = first[1].rpartition(" ")
    head = head.rstrip()
    norm = normalise(last)
    if (
        not head
        or norm not in _format_value_labels()
        or normalise(head.rpartition(" ")[2]) not in _format_column_labels()
    ):
        return parts
    cut = first[2] + len(first[1]) - len(last)
    return [
        (TEXT, head, first[2], first[2] + len(head), normalise(head), None, "text"),
        (TEXT, last, cut, first[3], norm, None, "text"),
        *parts[1:],
    ]


def _marked(text: str, parts: list[_Part]) -> list[_Part]:
    """``parts`` with a currency mark printed apart from the amount after it (¥ 12.35,
    人民币 300元) joined with it, as :func:`_word_part` reads the two written together: a
    PDF's text layer or a typist leaves a blank after the mark."""
    out: list[_Part] = []
    for part in parts:
        mark = out[-1] if out else None
        if mark is not None and mark[0] == TEXT and mark[4] in CURRENCY_MARKS and part[0] == NUMBER:
            piece = text[mark[2] : part[3]]
            joined = _word_part(piece, mark[2], part[3], normalise(piece))
            if joined is not None:
                out[-1] = joined
                continue
        out.append(part)
    return out


def _glued(text: str, start: int) -> list[_Part]:
    """The cells of a word made of numbers with their units glued on (1493件0件3件, a
    PDF's text layer that lost the blanks between cells), each read as
    :func:`_word_part` reads one; none for another word. ``start``: where the word
    stands in its line."""
    from xxgk_lint.format.terminals import unit_value_pattern

    one = unit_value_pattern()
    if compiled(f"(?:{one}){{2,}}").fullmatch(text) is None:
        return []
    out = []
    for match in compiled(one).finditer(text):
        piece = match.group()
        part = _word_part(piece, start + match.start(), start + match.end(), normalise(piece))
        if part is None:
            return []
        out.append(part)
    return out


def parse_number(text: str) -> int | Decimal | None:
    """Read a printed number: full-width digits, thousands separators, a decimal point,
    any of the minus signs (normalise.MINUS_SIGNS)."""
    if text.isascii() and text.isdigit():
        return int(text)
    folded = unicodedata.normalize("NFKC", fold_minus(text.strip())).replace(",", "")
    if " " in folded:  # (1 493: thousands apart, see _GROUPED_FIELD)
        folded = folded.replace(" ", "")
    try:
        if "." in folded:
            return Decimal(folded)
        return int(folded)
    except (ValueError, InvalidOperation):
        return None


def make_cell(column: str, item: Item) -> Cell:
    """The cell a placed item becomes (one cell of :func:`make_cells`)."""
    return as_cell(make_cells((column,), (item,), _NOWHERE)[0])


_NOWHERE = Span(0, 0, 0, 0)  # (no item is missing in make_cell's one-item row)


def make_cells(
    columns: Sequence[str], items: Sequence[Item | None], blank: Span | SpanFields
) -> tuple[CellFields, ...]:
    """The cells of a placed row as a Row stores them (plain tuples: the Cells are made
    when read, see Row), one per item; a blank cell at ``blank`` where an item is
    missing. One comprehension, no call per cell: a report has two hundred cells. An item
    already holds its cell's value and kind (worked out once per distinct text), and a
    cell its span as a plain tuple (the Span is made when read: see Cell)."""
    return tuple(
        [
            (column, "", None, "blank", blank)
            if item is None
            else (
                column,
                item[RAW],
                item[VALUE],
                item[CELL],
                (item[LINE], item[COLUMN], item[LINE], item[END], None),
            )
            for column, item in zip(columns, items, strict=True)
        ]
    )


def blank_cell(column: str, span: Span) -> Cell:
    """A cell the row does not have at all (an HTML row that ends early): blank."""
    return Cell(column, "", None, "blank", span)
