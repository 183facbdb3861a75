"""Read a report saved as a web page, keeping the way back to every character's place.

Government sites serve reports as HTML: often GB2312/GBK, the tables drawn with rowspan and
colspan, ``<p>`` and ``<br>`` inside cells, and navigation, scripts and footers around the
report. lxml parses the page; this module lays it out as the text the parser reads:

* each data-table row is one line: one TAB-separated field per cell that starts in the row
  (a cell covered by a rowspan from above has none, a colspan cell is one field, an empty
  cell is an empty field), and ``Source.grid`` says where each field stands in the table's
  grid (start column, span, rows) after rowspan and colspan are laid out as a browser lays
  them out, so that the parser can put every value under its header;
* the text of a cell is one piece: ``<br>``, ``<p>`` and line breaks inside it join CJK
  text directly and put one space between Latin letters or digits;
* outside data tables, every block element (p, div, h1-h6, li …) and every ``<br>`` starts
  a line; scripts, styles, the head and hidden elements are dropped.

lxml knows each element's line but no columns. So that a diagnostic points at the cell's
digits in the ``.html`` file, a cursor walks the decoded source in step with the tree: it
skips each element's start tag and finds each piece of text after the previous one (never
from the start of a line, where an earlier ``0`` would be found), outside tags, decoding
character references on the way.
"""

from __future__ import annotations

import bisect
import codecs
import html as html_entities
import itertools
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from xxgk_lint.sources.model import GridCell, GridRow, InputError, Source, TextBuilder
from xxgk_lint.sources.text import decode_bytes, normalise_newlines

__all__ = ["read_html"]

#: Encodings that GB18030 (a superset) decodes without loss.
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "cp936", "euc-cn", "x-gbk", "hz-gb-2312"})

#: Single-byte encodings that sites declare by mistake for Chinese pages (tried last).
_LATIN_FAMILY = frozenset({"ascii", "us-ascii", "latin-1", "iso-8859-1", "windows-1252"})

#: Elements whose content is never report text.
_DROP = frozenset(
    {
        "head",
        "title",
        "script",
        "style",
        "noscript",
        "template",
        "textarea",
        "select",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "canvas",
        "noembed",
        "noframes",
    }
)

#: Elements whose content libxml2 keeps as raw text: the source is skipped to the end tag.
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "noembed", "noframes"})

#: Elements that start and end a line of text outside data tables.
_BLOCK = frozenset(
    {
        "html",
        "body",
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "details",
        "dialog",
        "dd",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "ul",
    }
)

#: Elements libxml2 creates when the page leaves their tags out.
_IMPLIED = frozenset({"html", "head", "body"})

#: Characters that separate nothing visible: split text at them but insert no space.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")

#: The deepest recursion the walk may use (about three frames per level of nesting).
_MAX_RECURSION = 40_000

#: A cell longer than this is page layout, not a cell of the official tables.
_LAYOUT_CELL_CHARS = 300

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

# A piece of extracted text and where it starts in the source: (text, offset, advance).
# ``advance`` is False when the text is not a verbatim copy of the source (a space that
# joins two pieces, a TAB, a character written as an entity).
_Seg = tuple[str, int, bool]


def read_html(path: str, data: bytes) -> Source:
    """Read a web page into a Source whose positions lead back into the HTML source."""
    text, encoding = _decode(data)
    text = normalise_newlines(text)
    _reject_binary(text)
    cursor = _Cursor(text)
    if not cursor.has_markup():
        raise InputError("malformed HTML: no HTML tags found (a plain-text file named .html?)")
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True)
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"malformed HTML: {_one_line(str(exc))}") from None
    builder = TextBuilder()
    grid = _extract(cursor, builder, root)
    extracted, positions = builder.build()
    if not extracted.strip():
        raise InputError("malformed HTML: the page has no text (an empty or truncated page)")
    return Source(
        path=path,
        kind="html",
        encoding=encoding,
        text=extracted,
        positions=positions,
        original_lines=tuple(text.split("\n")),
        grid=grid,
    )


def _extract(
    cursor: _Cursor, builder: TextBuilder, root: lxml.html.HtmlElement
) -> dict[int, GridRow]:
    """Run the extractor, with room for the recursion that deeply nested pages need.

    Pages with thousands of unclosed ``<font>`` or ``<span>`` tags nest that deep in the
    tree; the walk recurses about three frames per level.
    """
    depth = 0
    deepest = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    limit = sys.getrecursionlimit()
    needed = min(deepest * 4 + 500, _MAX_RECURSION)
    try:
        if needed > limit:
            sys.setrecursionlimit(needed)
        extractor = _Extractor(cursor, builder)
        extractor.run(root)
        return extractor.grid
    except RecursionError:
        raise InputError(f"malformed HTML: elements nested too deeply ({deepest} levels)") from None
    finally:
        sys.setrecursionlimit(limit)


# --------------------------------------------------------------------------- decoding


def _decode(data: bytes) -> tuple[str, str]:
    """Decode by BOM, then the page's own declaration, then UTF-8, then GB18030."""
    if not data.strip():
        raise InputError("malformed HTML: the file is empty")
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return decode_bytes(data)
        except InputError as exc:
            raise InputError(f"malformed HTML: {exc}") from None
    if b"\x00" in data[:4096]:
        raise InputError("malformed HTML: binary data (NUL bytes), not a web page")
    declared = _declared_charset(data[:8192])
    candidates: list[str] = []
    if declared and declared not in _LATIN_FAMILY:
        candidates.append(declared)
    candidates += ["utf-8", "gb18030"]
    if declared in _LATIN_FAMILY:
        candidates.append(declared)
    for encoding in dict.fromkeys(candidates):
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    if declared:
        # The page says what it is, and a stray bad byte should not lose the whole report.
        return data.decode(declared, errors="replace"), declared
    try:
        return decode_bytes(data)
    except InputError as exc:
        raise InputError(f"malformed HTML: {exc}") from None


def _declared_charset(head: bytes) -> str | None:
    """The charset named by ``<meta charset>`` or ``<meta http-equiv content>``, if any."""
    try:
        parser = lxml.html.HTMLParser(encoding="iso-8859-1")
        doc = lxml.html.document_fromstring(head, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    for meta in doc.iter("meta"):
        name = meta.get("charset")
        if not name:
            content = meta.get("content") or ""
            for part in content.split(";"):
                key, _, value = part.partition("=")
                if key.strip().lower() == "charset" and value:
                    name = value
                    break
        if name:
            return _canonical_charset(name.strip().strip("'\""))
    return None


def _canonical_charset(name: str) -> str | None:
    """A Python codec name for ``name``; GB-family names widen to GB18030."""
    lowered = name.lower()
    if lowered in _GB_FAMILY or lowered.startswith("gb"):
        return "gb18030"
    try:
        canonical = codecs.lookup(lowered).name
    except LookupError:
        return None
    if canonical.startswith(("utf-16", "utf-32")):
        return None  # a page that really is UTF-16 has a BOM; without one this is a lie
    if canonical in ("gb2312", "gbk", "gb18030", "hz"):
        return "gb18030"
    if canonical in ("latin-1", "iso8859-1", "cp1252", "ascii"):
        return "windows-1252" if canonical != "ascii" else "ascii"
    return canonical


def _reject_binary(text: str) -> None:
    """Raise if the decoded page is mostly control characters: not a web page."""
    sample = text[:8192]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\f") or c == "\ufffd")
    if bad * 50 > len(sample):
        raise InputError("malformed HTML: binary data, not a web page")


def _one_line(message: str) -> str:
    return " ".join(message.split()) or "lxml could not parse the page"


# --------------------------------------------------------------------------- source cursor


class _Cursor:
    """Walks the decoded HTML source in step with lxml's tree, to find text positions.

    ``pos`` only moves forward. It is moved past an element's start tag when the walk
    enters the element, and past each piece of text when the piece is found.
    """

    def __init__(self, src: str) -> None:
        self.src = src
        self.low = src.translate(_ASCII_LOWER)  # same length as src, unlike str.lower()
        self.n = len(src)
        self.pos = 0
        starts = [0]
        index = src.find("\n")
        while index != -1:
            starts.append(index + 1)
            index = src.find("\n", index + 1)
        self._line_starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def has_markup(self) -> bool:
        return self._next_tag(0) != -1

    # -- tags

    def _tag_kind(self, i: int) -> str | None:
        """What starts at ``src[i] == "<"``: "start", "end", "comment", "decl" or None."""
        nxt = self.src[i + 1 : i + 2]
        if nxt.isascii() and nxt.isalpha():
            return "start"
        if nxt == "/":
            return "end"
        if nxt == "!":
            return "comment" if self.src.startswith("<!--", i) else "decl"
        if nxt == "?":
            return "decl"
        return None  # a literal "<" in text

    def _next_tag(self, i: int) -> int:
        """Offset of the next tag or comment at or after ``i``, or -1."""
        while True:
            i = self.src.find("<", i)
            if i == -1 or self._tag_kind(i) is not None:
                return i
            i += 1

    def _skip_tag(self, i: int) -> int:
        """Offset just after the tag or comment that starts at ``i``."""
        src = self.src
        kind = self._tag_kind(i)
        if kind == "comment":
            end = src.find("-->", i + 4)
            return self.n if end == -1 else end + 3
        if kind != "start":
            end = src.find(">", i + 2)
            return self.n if end == -1 else end + 1
        j = i + 1
        while j < self.n:
            c = src[j]
            if c == ">":
                return j + 1
            if c == "<":
                return j  # an unclosed tag; the parser closes it here too
            j += 1
            if c == "=":
                while j < self.n and src[j] in " \t\n\f":
                    j += 1
                if j < self.n and src[j] in "\"'":
                    end = src.find(src[j], j + 1)
                    if end == -1:
                        return self.n
                    j = end + 1
        return self.n

    def _tag_name(self, i: int) -> str:
        j = i + 1
        while j < self.n and self.src[j] not in " \t\n\f/>":
            j += 1
        return self.low[i + 1 : j]

    def enter(self, tag: str, sourceline: int | None) -> bool:
        """Move past the start tag of the element being entered; False if it has none.

        libxml2 only invents html/head/body; any other start tag is in the source. Tags
        the parser dropped (a second ``<body>``, stray tags) are skipped if they stand no
        later than the element's line.
        """
        i = self.pos
        skipped = 0
        while True:
            t = self._next_tag(i)
            if t == -1:
                return False
            end = self._skip_tag(t)
            if self._tag_kind(t) != "start":
                i = end
                continue
            name = self._tag_name(t)
            if name == tag:
                self.pos = end
                return True
            if tag in _IMPLIED:
                return False
            dropped = name in _IMPLIED or (
                sourceline is not None
                and skipped < 20
                and self.line_col(t)[0] <= sourceline
                and name not in ("td", "th", "tr")
            )
            if not dropped:
                return False
            i = end
            skipped += 1

    def skip_raw(self, tag: str) -> None:
        """Move past the end tag of a raw-text element (script, style …)."""
        end = self.low.find("</" + tag, self.pos)
        self.pos = self.n if end == -1 else self._skip_tag(end)

    # -- text

    def find(self, token: str) -> list[_Seg]:
        """Locate ``token`` (text from lxml, no whitespace) at or after ``pos``.

        Searches text only: across end tags and comments, but not past the next start
        tag, since a text node never spans one. Falls back to the cursor's position.
        """
        i = self.pos
        while i <= self.n:
            t = self._next_tag(i)
            run_end = self.n if t == -1 else t
            found = self._find_in_run(token, i, run_end)
            if found is not None:
                segs, end = found
                self.pos = end
                return segs
            if t == -1 or self._tag_kind(t) == "start":
                break
            i = self._skip_tag(t)
        return [(token, min(self.pos, self.n - 1), False)]

    def _find_in_run(self, token: str, start: int, end: int) -> tuple[list[_Seg], int] | None:
        src = self.src
        at = src.find(token, start, end)
        if at != -1:
            return [(token, at, True)], at + len(token)
        if src.find("&", start, end) == -1:
            return None
        for p in range(start, end):
            if src[p] == token[0] or src[p] == "&":
                offsets = self._match_with_references(token, p, end)
                if offsets is not None:
                    return _group(token, offsets[:-1]), offsets[-1]
        return None

    def _match_with_references(self, token: str, p: int, end: int) -> list[int] | None:
        """Source offset of each character of ``token`` read from ``p`` (plus the end),
        where characters may be written as ``&name;`` or ``&#n;``."""
        src = self.src
        offsets = []
        for ch in token:
            if p >= end:
                return None
            if src[p] == "&":
                semi = src.find(";", p + 1, min(end, p + 40))
                if semi != -1 and html_entities.unescape(src[p : semi + 1]) == ch:
                    offsets.append(p)
                    p = semi + 1
                    continue
            if src[p] != ch:
                return None
            offsets.append(p)
            p += 1
        offsets.append(p)
        return offsets


def _group(token: str, offsets: list[int]) -> list[_Seg]:
    """Split ``token`` into runs that stand at consecutive source offsets."""
    segs: list[_Seg] = []
    start = 0
    for k in range(1, len(token) + 1):
        if k == len(token) or offsets[k] != offsets[k - 1] + 1:
            segs.append((token[start:k], offsets[start], True))
            start = k
    return segs


# --------------------------------------------------------------------------- layout

# Items of a line being collected: a word with its segments, or a gap between words.
_WORD = "word"
_SPACE = "space"  # spaces within a line of source text
_BREAK = "break"  # a line break: <br>, a block boundary, or a newline in the source


@dataclass
class _Cell:
    items: list[tuple[str, object]]
    anchor: int  # source offset just after the cell's start tag
    rowspan: int = 1  # 0: to the end of the row group, as in a browser
    colspan: int = 1
    column: int = 0  # the grid column where the cell starts (set by _lay_out)
    rows: int = 1  # the grid rows it covers, its rowspan cut at the end of its row group


@dataclass
class _Row:
    cells: list[_Cell] = field(default_factory=list)
    anchor: int = 0
    index: int = 0  # the row's number in its table, from 0
    group: int = 0  # its row group (thead, tbody, tfoot, or a run of rows in the table)


class _Groups:
    """Numbers the row groups of a table as its rows are collected."""

    def __init__(self) -> None:
        self.rows = 0
        self._count = 0
        self._explicit: int | None = None
        self._implied: int | None = None

    def _new(self) -> int:
        self._count += 1
        return self._count

    def explicit(self) -> None:
        """A thead, tbody or tfoot starts."""
        self._explicit = self._new()
        self._implied = None

    def end_explicit(self) -> None:
        self._explicit = None

    def current(self) -> int:
        if self._explicit is not None:
            return self._explicit
        if self._implied is None:
            self._implied = self._new()
        return self._implied


def _lay_out(rows: list[_Row]) -> None:
    """Give every cell its grid column and rows, as a browser lays a table out.

    A cell starts at the first grid column of its row that no cell to its left and no
    rowspan from a row above covers; a rowspan ends at the end of its row group. The work
    is one step per grid position covered, so it is bounded by the cells' spans.
    """
    start = 0
    while start < len(rows):
        end = start
        while end < len(rows) and rows[end].group == rows[start].group:
            end += 1
        busy: list[int] = []  # busy[c]: the first row (in the group) column c is free again
        size = end - start
        for r in range(size):
            c = 0
            for cell in rows[start + r].cells:
                while c < len(busy) and busy[c] > r:
                    c += 1
                cell.column = c
                cell.rows = size - r if cell.rowspan == 0 else min(cell.rowspan, size - r)
                if len(busy) < c + cell.colspan:
                    busy.extend([0] * (c + cell.colspan - len(busy)))
                for k in range(c, c + cell.colspan):
                    busy[k] = r + cell.rows
                c += cell.colspan
        start = end


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _join(items: Iterable[tuple[str, object]]) -> list[_Seg]:
    """Join words into one line: a space for spaces; for breaks, nothing next to CJK text."""
    out: list[_Seg] = []
    pending: str | None = None
    last_char = ""
    last_end = 0
    for kind, value in items:
        if kind != _WORD:
            if pending != _BREAK:
                pending = kind
            continue
        segs: list[_Seg] = value  # type: ignore[assignment]
        if out and pending is not None:
            first = segs[0][0][0]
            if pending == _SPACE or not (_wide(last_char) or _wide(first)):
                out.append((" ", last_end, False))
        out.extend(segs)
        text, offset, advance = segs[-1]
        last_char = text[-1]
        last_end = offset + len(text) if advance else offset
        pending = None
    return out


def _span(value: str | None, limit: int) -> int:
    """rowspan/colspan as the browser reads it: leading digits, at least 1."""
    number = _span_value(value)
    return min(max(number if number is not None else 1, 1), limit)


def _span_value(value: str | None) -> int | None:
    """The number a browser reads from a span attribute ("rules for parsing non-negative
    integers": spaces, an optional "+", digits); None if there is none."""
    text = (value or "").lstrip(" \t\n\f\r")
    text = text.removeprefix("+")
    digits = "".join(itertools.takewhile(lambda ch: "0" <= ch <= "9", text[:12]))
    return int(digits) if digits else None


def _hidden(el: lxml.html.HtmlElement) -> bool:
    if el.get("hidden") is not None:
        return True
    style = "".join((el.get("style") or "").split()).lower()
    return "display:none" in style or "visibility:hidden" in style


def _tag(el: object) -> str | None:
    """The element's lower-case tag name; None for comments and processing instructions."""
    tag = getattr(el, "tag", None)
    return tag.lower() if isinstance(tag, str) else None


class _Extractor:
    """Turns the lxml tree into lines in a TextBuilder, in document order."""

    def __init__(self, cursor: _Cursor, builder: TextBuilder) -> None:
        self.cursor = cursor
        self.builder = builder
        self.line: list[tuple[str, object]] = []  # the flow line being collected
        self.items = self.line  # where words go now: the flow line or a cell
        self.in_cell = False
        self.pre = 0
        self.tables = 0  # data tables laid out so far
        self.grid: dict[int, GridRow] = {}  # extracted line -> its place in a table

    def run(self, root: lxml.html.HtmlElement) -> None:
        self._node(root, emit=True)
        self._flush()

    # -- emitting

    def _add(self, segs: Iterable[_Seg]) -> None:
        for text, offset, advance in segs:
            line, column = self.cursor.line_col(offset)
            self.builder.add(text, line, column, advance=advance)

    def _flush(self) -> None:
        """End the flow line being collected (a hard line break)."""
        segs = _join(self.line)
        self.line.clear()
        if segs:
            self._add(segs)
            self.builder.newline()

    def _line_break(self) -> None:
        if self.in_cell:
            self.items.append((_BREAK, None))
        else:
            self._flush()

    # -- walking

    def _text(self, text: str | None, emit: bool) -> None:
        if not text or not emit:
            return
        for kind, group in itertools.groupby(text, key=_char_kind):
            chunk = "".join(group)
            if kind == "space":
                if "\n" in chunk and self.pre and not self.in_cell:
                    self._flush()
                else:
                    self.items.append((_BREAK if "\n" in chunk else _SPACE, None))
            elif kind == "word":
                self.items.append((_WORD, self.cursor.find(chunk)))

    def _children(self, el: lxml.html.HtmlElement, emit: bool) -> None:
        self._text(el.text, emit)
        for child in el:
            self._node(child, emit)
            self._text(child.tail, emit)

    def _node(self, el: lxml.html.HtmlElement, emit: bool) -> None:
        tag = _tag(el)
        if tag is None:
            return  # a comment: the cursor skips it in the source by itself
        self.cursor.enter(tag, el.sourceline)
        if tag in _DROP or _hidden(el):
            if tag in _RAW_TEXT and len(el) == 0:
                self.cursor.skip_raw(tag)
            else:
                self._children(el, emit=False)
            return
        if not emit:
            self._children(el, emit=False)
        elif tag == "br":
            self._line_break()
        elif tag == "table" and not self.in_cell and _is_data_table(el):
            self._flush()
            self._table(el)
        elif tag in _BLOCK:
            self._line_break()
            self.pre += tag == "pre"
            self._children(el, emit)
            self.pre -= tag == "pre"
            self._line_break()
        else:
            self._children(el, emit)

    # -- data tables

    def _collect(self, el: lxml.html.HtmlElement | None, text: str | None = None) -> list:
        """Walk ``el`` (or just ``text``) as the content of one cell; return its items."""
        saved, saved_in_cell = self.items, self.in_cell
        self.items, self.in_cell = [], True
        try:
            if el is not None:
                self._children(el, emit=True)
            else:
                self._text(text, emit=True)
            return self.items
        finally:
            self.items, self.in_cell = saved, saved_in_cell

    def _table(self, table: lxml.html.HtmlElement) -> None:
        """Lay a data table out as one line per row: one field per cell starting in it."""
        rows: list[_Row | list] = []  # rows, and stray text lines found between them
        self._table_part(table, rows, _Groups())
        grid_rows = [entry for entry in rows if isinstance(entry, _Row)]
        _lay_out(grid_rows)
        number = self.tables
        self.tables += 1
        for entry in rows:
            if isinstance(entry, _Row):
                self._emit_row(entry, number)
                continue
            segs = _join(entry)
            if segs:
                self._add(segs)
                self.builder.newline()

    def _table_part(self, part: lxml.html.HtmlElement, rows: list, groups: _Groups) -> None:
        """Collect the rows of a table or of its thead/tbody/tfoot, in source order.

        Rows are numbered in the table, and each knows its row group: a browser ends every
        rowspan at the end of its thead, tbody or tfoot (rows written straight in the table
        form one implied tbody per run).
        """
        self._stray(rows, part.text)
        for child in part:
            tag = _tag(child)
            if tag is not None:
                self.cursor.enter(tag, child.sourceline)
            if tag is None:
                pass
            elif tag in ("thead", "tbody", "tfoot") and not _hidden(child):
                groups.explicit()
                self._table_part(child, rows, groups)
                groups.end_explicit()
            elif tag == "tr" and not _hidden(child):
                row = self._row(child)
                row.index = groups.rows
                row.group = groups.current()
                groups.rows += 1
                rows.append(row)
            elif tag in ("colgroup", "col") or tag in _DROP or _hidden(child):
                if tag in _RAW_TEXT and len(child) == 0:
                    self.cursor.skip_raw(tag)
                else:
                    self._children(child, emit=False)
            else:  # a caption, or stray content the page put between rows
                rows.append(self._collect(child))
            self._stray(rows, child.tail)

    def _stray(self, rows: list, text: str | None) -> None:
        if text and text.strip():
            rows.append(self._collect(None, text))

    def _row(self, tr: lxml.html.HtmlElement) -> _Row:
        row = _Row(anchor=self.cursor.pos)
        self._row_text(row, tr.text)
        for child in tr:
            tag = _tag(child)
            if tag in ("td", "th"):
                self.cursor.enter(tag, child.sourceline)
                anchor = self.cursor.pos
                if _hidden(child):
                    self._children(child, emit=False)
                    items: list = []
                else:
                    items = self._collect(child)
                rowspan = _span_value(child.get("rowspan"))
                rowspan = 1 if rowspan is None else min(rowspan, 65534)
                colspan = _span(child.get("colspan"), 1000)
                row.cells.append(_Cell(items, anchor, rowspan, colspan))
            elif tag is not None:
                # Content between cells: the page shows it; keep it with the cell before.
                self.cursor.enter(tag, child.sourceline)
                _attach(row, self._collect_node(child))
            self._row_text(row, child.tail)
        return row

    def _row_text(self, row: _Row, text: str | None) -> None:
        if text and text.strip():
            _attach(row, [(_SPACE, None), *self._collect(None, text)])

    def _collect_node(self, el: lxml.html.HtmlElement) -> list:
        """Items of an element met between cells (its start tag already entered)."""
        if _tag(el) in _DROP or _hidden(el):
            if _tag(el) in _RAW_TEXT and len(el) == 0:
                self.cursor.skip_raw(_tag(el) or "")
            else:
                self._children(el, emit=False)
            return []
        return self._collect(el)

    def _emit_row(self, row: _Row, table: int) -> None:
        """Add one TAB-joined line for the cells that start in ``row``, and its geometry."""
        fields = [_join(cell.items) for cell in row.cells]
        if not any(fields):
            return  # nothing in the row: no line
        self.grid[self.builder.line_number] = GridRow(
            table,
            row.index,
            tuple(GridCell(cell.column, cell.colspan, cell.rows) for cell in row.cells),
        )
        for k, segs in enumerate(fields):
            if k:
                # The TAB after a cell leads back to that cell, so that the column of an
                # empty cell (where the next TAB stands) finds the cell.
                self._add([("\t", row.cells[k - 1].anchor, False)])
            self._add(segs)
        if not fields[-1]:
            # An empty last cell is the end of the line: mark it as the cell's place.
            self.builder.mark(*self.cursor.line_col(row.cells[-1].anchor))
        self.builder.newline()


def _attach(row: _Row, items: list) -> None:
    """Add stray row content to the cell before it (text before the first cell is lost)."""
    if row.cells:
        row.cells[-1].items.extend(items)


def _char_kind(ch: str) -> str:
    if ch in _INVISIBLE:
        return "invisible"
    return "space" if ch.isspace() else "word"


def _rows_of(table: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    rows = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(tr for tr in child if _tag(tr) == "tr")
    return rows


def _is_data_table(table: lxml.html.HtmlElement) -> bool:
    """Whether ``table`` holds data (laid out as a grid) rather than page layout.

    A table holding another table, a one-column table and a table with a long cell are
    layout: their cells are read as blocks of text.
    """
    if next(table.iterdescendants("table"), None) is not None:
        return False
    width = 0
    for tr in _rows_of(table):
        cells = [c for c in tr if _tag(c) in ("td", "th")]
        width = max(width, sum(_span(c.get("colspan"), 1000) for c in cells))
        for cell in cells:
            if len(cell.text_content()) > _LAYOUT_CELL_CHARS:
                return False
    return width > 1
