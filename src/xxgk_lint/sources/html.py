"""Read a report saved as a web page, keeping the way back to every character's place.

Government sites serve reports as HTML: often GB2312/GBK, the tables drawn with rowspan and
colspan, ``<p>`` and ``<br>`` inside cells, and navigation, scripts and footers around the
report. lxml parses the page; this module lays it out as the text the parser reads:

* each data-table row is one line: one TAB-separated field per cell that starts in the row
  (a cell covered by a rowspan from above has none, a colspan cell is one field, an empty
  cell is an empty field), and ``Source.grid`` says where each field stands in the table's
  grid (start column, span, rows) after rowspan and colspan are laid out as a browser lays
  them out (:mod:`.html_tables`), so that the parser can put every value under its header;
  a ``tfoot``'s rows come last, where a browser draws them;
* the text of a cell is one piece: ``<br>``, ``<p>`` and line breaks inside it join CJK
  text directly and put one space between Latin letters or digits;
* outside data tables, every block element (p, div, h1-h6, li …) and every ``<br>`` starts
  a line, and so does a line break in text shown as preformatted (``<pre>``, or
  ``white-space: pre``, ``pre-wrap``, ``pre-line``);
* scripts, styles, the head, hidden elements, deleted and struck-out text (``del``, ``s``,
  ``strike``), characters drawn as nothing (zero-width, direction marks, the soft hyphen),
  text drawn unseen (``font-size: 0``, ``color: transparent``), ruby annotations and
  note marks after a number (``1493<sup>①</sup>``) are not read; a thin space between
  digits (``1&thinsp;493``) is not a space;
* what a page writes in an attribute is read where the element stands: a text field's
  ``value`` or a ``textarea`` in a table cell (a table drawn as a form), the page an
  ``<iframe srcdoc>`` holds.

Every character of the text leads back to its line and column in the ``.html`` file
(:mod:`.html_source` finds them). The walk over the tree is a loop with its own stack, so
that a page nested as deep as libxml2 allows costs no recursion; the work is linear in the
page, and the reader's :class:`~xxgk_lint.sources.limits.Limits` bound the rest. A plain
data table (rows of cells only, their start tags one for one with the source's) is read at
once without the walk's events, to the same result (``_Extractor._fill_table``), and so is
a plain row of any other data table (``_Extractor._fill_row``).
"""

from __future__ import annotations

import codecs
import functools
import gc
import html as html_entities
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from itertools import chain, compress, pairwise, repeat
from operator import attrgetter, is_, itemgetter, sub
from typing import Any, cast

from lxml import etree

from xxgk_lint.sources.html_css import (
    displayed_as_block,
    drawn_as_cell,
    drawn_as_cells_by_stylesheets,
    hidden_by_stylesheets,
    hidden_panes,
    in_background_colour,
    keeps_line_breaks,
    shown_by_script,
    text_length,
    unseen_by_stylesheets,
    unseen_text,
    white_space_by_stylesheets,
)
from xxgk_lint.sources.html_source import WINDOW, Seg, SourceCursor, count_cells
from xxgk_lint.sources.html_tables import (
    Groups,
    Row,
    Spans,
    foot_last,
    is_data_table,
    span_value,
    tag_of,
)
from xxgk_lint.sources.limits import DEFAULT_LIMITS, Limits, over
from xxgk_lint.sources.model import (
    PAGE_ATTACHMENT,
    PAGE_PAGINATION,
    PAGE_TITLE,
    Figure,
    GridCell,
    GridRow,
    InputError,
    MetaTag,
    PositionMap,
    Source,
    TextBuilder,
    figure_name,
)
from xxgk_lint.sources.text import decode_bytes, normalise_newlines

__all__ = ["read_html"]

#: Encodings that GB18030 (a superset) decodes without loss.
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "cp936", "euc-cn", "x-gbk", "hz-gb-2312"})

#: Single-byte encodings that sites declare by mistake for Chinese pages (tried last).
_LATIN_FAMILY = frozenset({"ascii", "us-ascii", "latin-1", "iso-8859-1", "windows-1252"})

#: Elements whose content is never report text. ``del`` is text the author deleted: Word
#: saves a document with tracked changes as a web page with each deletion in a ``<del>``
#: (struck out on the page) beside its insertion in an ``<ins>``; a deleted old value
#: read with the new one glues them into one wrong number. ``s`` and ``strike`` are text
#: struck out by hand (an old value left beside the new one), no longer the report's.
#: ``rt`` and ``rp`` are a ruby's annotation (pinyin over 政府) and its fallback
#: brackets: read, they glue the annotation into the word. A ``textarea`` in a table
#: cell is read by the walk (``_Extractor._text_area``), and so is the option a ``select``
#: in a cell shows (``_Extractor._select``). ``embed`` is not here: it is a void element,
#: but the parser puts everything after it into it (the rest of the page, when the page
#: writes no ``</embed>``); it has no text of its own.
_DROP = frozenset(
    {
        "del",
        "s",
        "strike",
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
        "svg",
        "math",
        "canvas",
        "noembed",
        "noframes",
        "rt",
        "rp",
    }
)

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

#: A row holding more elements than this is walked as the rest of the page is (reading a
#: plain row recurses once per level of its cells' elements).
_ROW_ELEMENTS = 400


#: Cells of at most this many elements are tried by ``_Extractor._two_words``.
_TWO_WORDS_ELEMENTS = 8
#: What makes a line break in a cell when it starts (``_Extractor._cell_children``).
_BREAKS = _BLOCK | {"br"}

#: A table cell's tags; what a plain row's children must all be.
_CELL_TAGS = frozenset({"td", "th"})

# One C-level pass over a list of elements for each of these (lxml's properties and
# methods): a row's elements are looked at together, not one Python step each.
_TAG = attrgetter("tag")
_TEXT = attrgetter("text")
_TAIL = attrgetter("tail")
#: An element's attribute, asked by a bytes name (see ``_Extractor._read_spans``).
_GET = etree._Element.get
_FIRST = itemgetter(0)

#: A table's row groups, and what a plain table holds below it besides its rows' cells.
_GROUP_TAGS = frozenset({"thead", "tbody", "tfoot"})
_STRUCTURE = _GROUP_TAGS | {"tr"}
_TABLE_PARTS = _STRUCTURE | _CELL_TAGS
# What each of a plain table's groups and rows is (a row's: how deep it stands below
# the table).
_GROUP, _LOOSE_ROW, _GROUPED_ROW = 0, 1, 2


#: The deepest nesting libxml2 keeps (with ``huge_tree``); deeper content is lost.
_LIBXML2_DEPTH = 2048

#: Characters a browser draws nothing for (a regular expression class): split text at
#: them but insert no space. The zero-width space, joiners and word joiner, the byte-order
#: mark; and the format characters pages carry from word processors and copied text: the
#: soft hyphen (drawn only where a line breaks), the direction marks, embeddings and
#: isolates (LRM, RLM, ALM, U+202A-U+202E, U+2066-U+2069), the invisible operators
#: (U+2061-U+2064), the combining grapheme joiner, the Mongolian vowel separator and the
#: variation selectors. A number written ``&lrm;12&rlm;`` or ``1&shy;2`` is 12.
_INVISIBLE = (
    "\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufe00-\ufe0f\ufeff"
)
_PIECES = re.compile(rf"[^\s{_INVISIBLE}]+|\s+")
_WORD = re.compile(rf"[^\s{_INVISIBLE}]+")
#: The control characters that mark binary data, as bytes (each is one byte in UTF-8),
#: and U+FFFD (a byte the decoder could not read) in UTF-8.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0D, 0x20)])
_REPLACEMENT = "\ufffd".encode()

# What a cell or a flow line collects: words (lists of segments), spaces and breaks.
_SPACE = "space"  # spaces within a line of source text
_BREAK = "break"  # a line break: <br>, a block boundary, or a newline in the source
_Item = list[Seg] | str
_NOTHING: list[Seg] = []  # what _join gives for no words (never changed)


def read_html(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Source:
    """Read a web page into a Source whose positions lead back into the HTML source.

    The cyclic garbage collector is paused while the page is read: the reader makes one
    small object per cell and per word, none of them in a cycle, and a large page made
    the collector's passes grow with the page (time per row rose with the rows).
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _read_html(path, data, limits)
    finally:
        if paused:
            gc.enable()


def _read_html(path: str, data: bytes, limits: Limits) -> Source:
    text, encoding = _decode(data)
    # Valid UTF-8 without a BOM or a CR is the UTF-8 of its own text: no second encoding
    # (U+FFFD: a byte the decoder may have replaced; a BOM is not in the text).
    verbatim = (
        encoding == "utf-8"
        and "\r" not in text
        and "\ufffd" not in text
        and not data.startswith(codecs.BOM_UTF8)
    )
    text, lines = _split_lines(text)
    _reject_binary(text)
    cells = count_cells(text, limits.max_cells)
    if cells > limits.max_cells:
        raise over("max-cells", limits.max_cells, f"{cells} table cells")
    cursor = SourceCursor(text, lines)
    if not cursor.start_tags:
        raise InputError("malformed HTML: no HTML tags found (a plain-text file named .html?)")
    encoded = data if verbatim else text.encode("utf-8")
    root = parse_page(encoded)
    if root is None:
        raise InputError("malformed HTML: the page has no text (an empty or truncated page)")
    builder = TextBuilder(
        max_lines=limits.max_lines, line_starts=cursor.line_starts, source_length=len(text)
    )
    extractor = _Extractor(cursor, builder, limits)
    extractor.run(root, encoded)
    extracted, positions = builder.build()
    if not extracted.strip():
        raise InputError("malformed HTML: the page has no text (an empty or truncated page)")
    meta = page_meta(root, lines)
    if not extractor.tables and _DOCUMENT.search(encoded) is not None:
        attachment = _attachment(root, lines)
        if attachment is not None:
            meta[PAGE_ATTACHMENT] = attachment
    if "页" in extracted:
        pagination = _pagination(extracted, positions)
        if pagination is not None:
            meta[PAGE_PAGINATION] = pagination
    return Source(
        path=path,
        kind="html",
        encoding=encoding,
        text=extracted,
        positions=positions,
        original_lines=tuple(lines),
        grid=extractor.grid,
        meta=meta,
        figures=tuple(extractor.figures),
    )


def parse_page(encoded: bytes) -> etree._Element | None:
    """lxml's tree of a page given as UTF-8 (None: nothing in it); :class:`InputError`,
    one line, where libxml2 refuses it."""
    try:
        # collect_ids=False: no table of the page's id attributes (nothing here looks an
        # element up by id), which lxml makes per page: the parse takes 3-5 % less CPU.
        parser = etree.HTMLParser(encoding="utf-8", huge_tree=True, collect_ids=False)
        return etree.fromstring(encoded, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"malformed HTML: {_one_line(str(exc))}") from None


#: At most this many ``<meta>`` tags are kept, each content cut to this many characters.
_MAX_META, _MAX_META_CONTENT = 64, 200


def page_meta(root: etree._Element, lines: list[str]) -> dict[str, MetaTag]:
    """The page's ``<meta name|property|itemprop=… content=…>`` tags, by lower-cased name
    (the first of each), and its ``<title>`` (under ``PAGE_TITLE``), with where each
    content stands in the source."""
    out: dict[str, MetaTag] = {}
    title = next(root.iter("title"), None)
    if title is not None:
        text = " ".join((title.text or "").split())[:_MAX_META_CONTENT]
        if text:
            out[PAGE_TITLE] = _meta_tag(text, title.sourceline, lines)
    for el in root.iter("meta"):
        if len(out) >= _MAX_META:
            break
        name = el.get("name") or el.get("property") or el.get("itemprop")
        content = el.get("content")
        if not name or content is None:
            continue
        key = name.strip().lower()
        if key in out:
            continue
        out[key] = _meta_tag(content.strip()[:_MAX_META_CONTENT], el.sourceline, lines)
    return out


#: A document's name or address: a PDF, Word, WPS, OFD or spreadsheet file (in the page's
#: bytes, any case; in an address, before its query or fragment).
_DOCUMENT = re.compile(rb"\.(?:pdf|docx?|wps|ofd|xlsx?|et)\b", re.IGNORECASE)
_DOCUMENT_NAME = re.compile(r"\.(?:pdf|docx?|wps|ofd|xlsx?|et)$", re.IGNORECASE)
#: The elements that link to a document or show one: links, frames, embedded objects.
_LINKED = etree.XPath("//a[@href] | //iframe[@src] | //embed[@src] | //object[@data]")
#: Words of a document's name or address that say it is a report.
_REPORT_WORDS = ("报告", "年报", "ndbg", "report")


def _document_address(el: etree._Element) -> str | None:
    """The address of the document ``el`` links to or shows, if it names one: a link's
    ``href``, a frame's ``src``, or the file a viewer is given (``viewer.html?file=…``)."""
    url = el.get("href") or el.get("src") or el.get("data") or ""
    path, _, query = url.partition("?")
    path = path.partition("#")[0]
    if _DOCUMENT_NAME.search(path):
        return url
    for part in query.split("&"):
        value = part.partition("=")[2].partition("#")[0]
        if _DOCUMENT_NAME.search(value):
            return value
    return None


def _attachment(root: etree._Element, lines: list[str]) -> MetaTag | None:
    """The document a page without a report's tables links to or shows in a viewer (the
    first whose name or address says it is a report, else the first), named as the page
    names it: what the user is to check instead of the page. A portal often publishes a
    report as a PDF or Word file, the page holding a link ("附件：……年度报告.pdf") or a
    viewer and a line of text; checked, such a page was only "not a report"."""
    found: list[tuple[str, etree._Element]] = []
    for el in _LINKED(root):
        address = _document_address(el)
        if address is None:
            continue
        text = " ".join("".join(el.itertext()).split()) if el.tag == "a" else ""
        name = text if _DOCUMENT_NAME.search(text) else f"{text}（{address}）" if text else address
        if any(word in (text + address).lower() for word in _REPORT_WORDS):
            found.insert(0, (name, el))
            break
        found.append((name, el))
    if not found:
        return None
    name, el = found[0]
    return _meta_tag(name[:_MAX_META_CONTENT], el.sourceline, lines)


#: What a pagination bar is made of: page numbers, 首页 / 上一页 / 下一页 / 尾页, 第1页 /
#: 共3页, a "go to page" box, brackets and separators. A line of nothing else that holds
#: 上一页, 下一页 or 共N页 (:data:`_PAGINATION_WORD`: what tells it from a menu's 首页 or a
#: list of numbers) is a bar. Matched a token at a time (``sub``): no nested repetition.
_PAGINATION_TOKEN = re.compile(
    r"首页|上一页|下一页|尾页|末页|第\s*\d+\s*页|共\s*\d+\s*页|\d+|跳转|到第|GO|go|[\s\[\]【】|/<>«»·.：:]"
)
_PAGINATION_WORD = re.compile(r"上一页|下一页|共\s*\d+\s*页")


def _pagination(text: str, positions: PositionMap) -> MetaTag | None:
    """The page's pagination bar (the first line of its ``text`` that is one, see
    :data:`_PAGINATION_TOKEN`), where it stands in the source: a portal splits a long
    article over pages (第1页 共3页 下一页), and a report so published lacks, on each page,
    the sections the others hold."""
    for word in _PAGINATION_WORD.finditer(text):
        start = text.rfind("\n", 0, word.start()) + 1
        end = text.find("\n", word.end())
        line = text[start : len(text) if end == -1 else end]
        if _PAGINATION_TOKEN.sub("", line):
            continue  # something else on the line: a sentence naming the next page
        bar = line.strip()
        start += len(line) - len(line.lstrip())
        origin = positions.origin(
            text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)
        )
        return MetaTag(" ".join(bar.split())[:_MAX_META_CONTENT], origin.line, origin.column)
    return None


def _meta_tag(content: str, line: int | None, lines: list[str]) -> MetaTag:
    """``content``, found on source line ``line`` (or its start there)."""
    line = line or 1
    text = lines[line - 1] if 1 <= line <= len(lines) else ""
    at = text.find(content) if content else -1
    return MetaTag(content, line, at + 1 if at >= 0 else 1)


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
    nearly = _nearly_decoded(data, [declared] if declared else [])
    if nearly is not None:
        return nearly
    if declared:
        # The page says what it is, and a stray bad byte should not lose the whole report.
        return data.decode(declared, errors="replace"), declared
    try:
        return decode_bytes(data)
    except InputError as exc:
        raise InputError(f"malformed HTML: {exc}") from None


#: At most one character in this many may be a byte the decoder could not read for
#: ``_nearly_decoded`` to take the encoding.
_STRAY_BYTES = 200


def _nearly_decoded(data: bytes, declared: list[str]) -> tuple[str, str] | None:
    """The page decoded by the encoding (the declared one, UTF-8, GB18030, tried in that
    order) that leaves the fewest bytes it cannot read, each made U+FFFD, if they are few;
    None if none is close. For a page that no encoding reads whole: a CMS cuts a
    description at a byte count, in the middle of a character, or a stray byte is left,
    and the page's charset may be missing or wrong (the server's header said it). One
    wrong byte in UTF-8 is one U+FFFD; UTF-8 read as GB18030, or GBK as UTF-8, is many."""
    best: tuple[int, str, str] | None = None
    for encoding in dict.fromkeys([*declared, "utf-8", "gb18030"]):
        try:
            text = data.decode(encoding, errors="replace")
        except LookupError:
            continue
        bad = text.count("\ufffd")
        if best is None or bad < best[0]:
            best = (bad, text, encoding)
    if best is None or best[0] * _STRAY_BYTES > len(best[1]):
        return None
    return best[1], best[2]


#: The start of a page as most pages write it: a doctype, html/head/meta/link/base tags
#: with plain attributes (no entity, no "<" or ">" in a value), a title, whitespace. Read
#: one token at a time; anything else ends the quick look.
_HEAD_TOKEN = re.compile(
    rb"""[ \t\n\r]+|<!doctype[^<>]*>|<title>[^<]*</title>|</?(html|head|meta|link|base)
    ((?:[ \t\n\r]+[a-z_:][-a-z0-9_:.]*
      (?:[ \t\n\r]*=[ \t\n\r]*(?:"[^"<>&\0]*"|'[^'<>&\0]*'|[^ \t\n\r"'<>&=`\0]+(?=[ \t\n\r>])))?
    )*)[ \t\n\r]*/?>""",
    re.IGNORECASE | re.VERBOSE,
)
_HEAD_ATTRIBUTE = re.compile(
    rb"""([a-z_:][-a-z0-9_:.]*)(?:[ \t\n\r]*=[ \t\n\r]*(?:"([^"]*)"|'([^']*)'|([^ \t\n\r>]+)))?""",
    re.IGNORECASE,
)


def _declared_charset(head: bytes) -> str | None:
    """The charset named by ``<meta charset>`` or ``<meta http-equiv content>``, if any.

    Most pages name it in a plain head that one regular expression reads, as a browser's
    prescan does; any other page (a comment, a script or an entity before the charset, or
    no charset in the plain part) has its first 8 KB parsed as lxml parses it, so that the
    answer is the same either way.
    """
    found = _quick_charset(head)
    if found is not None:
        return found or None
    return _parsed_charset(head)


def _quick_charset(head: bytes) -> str | None:
    """The charset the plain start of the page names (``""``: it names none that Python
    knows); None if the page does not start plainly or names no charset there."""
    at = 0
    while True:
        match = _HEAD_TOKEN.match(head, at)
        if match is None:
            return None
        at = match.end()
        if match.group(1) is None or match.group(1).lower() != b"meta":
            continue
        if head[match.start() + 1 : match.start() + 2] == b"/":
            continue
        attributes: dict[str, str] = {}
        for name, double, single, bare in _HEAD_ATTRIBUTE.findall(match.group(2)):
            attributes.setdefault(
                name.lower().decode("ascii"), (double or single or bare).decode("latin-1")
            )
        name = _meta_charset(attributes.get("charset"), attributes.get("content"))
        if name:
            return _canonical_charset(name.strip().strip("'\"")) or ""


def _meta_charset(charset: str | None, content: str | None) -> str | None:
    """The charset a ``<meta>`` names (as written): its ``charset``, or ``charset=`` in
    its content."""
    name = charset
    if not name:
        for part in (content or "").split(";"):
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value:
                name = value
                break
    return name or None


def _parsed_charset(head: bytes) -> str | None:
    """:func:`_declared_charset` by parsing ``head`` with lxml."""
    try:
        doc = etree.fromstring(head, etree.HTMLParser(encoding="iso-8859-1"))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    if doc is None:
        return None
    for meta in doc.iter("meta"):
        name = _meta_charset(meta.get("charset"), meta.get("content"))
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


#: What ``str.splitlines`` takes for a line break besides LF, CR and CRLF.
_OTHER_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _split_lines(text: str) -> tuple[str, list[str]]:
    """The text with CRLF and lone CR made LF (``normalise_newlines``), and its lines.

    A page without CR is its own normal form, split at LF (``str.split`` finds the breaks
    by a fast search; ``splitlines`` tests every character: 0.12 M instructions less on a
    page of 23,000 characters, and no search for the other breaks). Otherwise, where no
    other character ``splitlines`` breaks at is in the text (most pages: the test is a few
    C-level searches), ``splitlines`` splits at LF, CR and CRLF in one pass and the lines
    joined by LF are the text normalised: for a page written with CRLF, a third of the
    cost of replacing CRLF and splitting at LF.
    """
    if "\r" not in text and text:  # ("".splitlines() is [], "".split() [""])
        return text, text.split("\n")
    if any(map(text.__contains__, _OTHER_BREAKS)):
        text = normalise_newlines(text)
        return text, text.split("\n")
    lines = text.splitlines()
    if text.endswith(("\n", "\r")):
        lines.append("")  # where ``split`` gives the empty line after the last break
    return "\n".join(lines), lines


def _reject_binary(text: str) -> None:
    """Raise if the decoded page is mostly control characters: not a web page."""
    sample = text[:8192]
    # Counted in the sample's UTF-8 bytes, where each such character is one control byte
    # (or the three bytes of U+FFFD): C-level passes, not a regular expression.
    data = sample.encode("utf-8", "surrogatepass")
    bad = len(data) - len(data.translate(None, _CONTROL_BYTES)) + data.count(_REPLACEMENT)
    if bad * 50 > len(sample):
        raise InputError("malformed HTML: binary data, not a web page")


def _one_line(message: str) -> str:
    return " ".join(message.split()) or "lxml could not parse the page"


# --------------------------------------------------------------------------- layout


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _join(items: list[_Item]) -> list[Seg]:
    """Join words into one line: a space for spaces; for breaks, nothing next to CJK text.

    The list returned may be one of ``items`` itself: the caller must not change it.
    """
    if len(items) == 1:  # the most frequent case: a cell of one word
        item = items[0]
        return _NOTHING if isinstance(item, str) else item
    words = [item for item in items if not isinstance(item, str)]
    if len(words) <= 1:
        return words[0] if words else _NOTHING
    out: list[Seg] = []
    pending: str | None = None
    last_char = ""
    last_end = 0
    for item in items:
        if isinstance(item, str):
            if pending != _BREAK:
                pending = item
            continue
        if out and pending is not None:
            first = item[0][0][0]
            if pending == _SPACE or not (_wide(last_char) or _wide(first)):
                out.append((" ", last_end, False))
        out.extend(item)
        text, offset, advance = item[-1]
        last_char = text[-1]
        last_end = offset + len(text) if advance else offset
        pending = None
    return out


#: The narrow spaces that print digits in groups of three (1&thinsp;493): the figure,
#: punctuation, thin and hair spaces and the narrow no-break space.
_GROUP_SPACES = frozenset("\u2007\u2008\u2009\u200a\u202f")
_THREE_DIGITS = re.compile(r"[0-9]{3}(?![0-9])")


def _stacked_rows(
    line: tuple[list[Seg], int | None], src: str
) -> list[tuple[tuple[list[Seg], int | None], int]] | None:
    """The rows that one table row stacks with line breaks, or None if it stacks none;
    each with how many of the row's first cells it leaves out.

    Some pages put two rows of a table in one ``<tr>``: ``<td>规章<br>行政规范性文件</td>
    <td>0<br>2</td>…``, or a group's rows beside its label (``<td>（四）无法提供</td>
    <td>1.本机关不掌握…<br>2.没有现成…<br>3.补正后…</td><td>2<br>0<br>1</td>…``); a
    browser draws them one above the other, and read as one row the label is one run-on
    word with K times the numbers it should have. A row is read as K rows when a field
    is K words (its lines, joined without spaces next to CJK text) none of them a
    number, the fields before it (group labels) one word each, not a number, and every
    field after it K numbers on K lines (a ``<br>`` or a paragraph's edge between each
    two in ``src``, the page: ``1 493`` in one text is one number written in groups).
    Row k is then the k-th word of each of those fields, the first row with the group
    labels before them. Only a line with a field of two words or more before its first
    number is looked at further: a common row costs a look at its labels' segments.
    """
    segs = line[0]
    lead = 0  # the fields of one word before the stacked labels
    count = 0  # the words of the field being looked at
    start = 0  # where that field starts in segs
    for at, seg in enumerate(segs):
        text = seg[0]
        if text == "\t":
            if count != 1:
                break
            lead += 1
            count = 0
            start = at + 1
        elif text == " " or _NUMBER.fullmatch(text):
            return None  # a number (or a space) before any stacked labels
        else:
            count += 1
    else:
        return None  # no TAB after the labels: no numbers beside them
    if count < 2:
        return None
    fields: list[list[Seg]] = [[]]
    for seg in segs[start:]:
        if seg[0] == "\t":
            fields.append([])
        else:
            fields[-1].append(seg)
    labels = fields[0]
    columns: list[list[Seg]] = []
    for field in fields[1:]:
        words = field[::2]
        if len(field) != 2 * count - 1 or any(text != " " for text, _, _ in field[1::2]):
            return None
        if not all(_NUMBER.fullmatch(text) for text, _, _ in words):
            return None
        for (text, at, advance), after in pairwise(words):
            if not _LINE_BREAK_TAG.search(src, at + len(text) if advance else at, after[1]):
                return None
        columns.append(words)
    tabs = [seg for seg in segs[start:] if seg[0] == "\t"]
    out: list[tuple[tuple[list[Seg], int | None], int]] = []
    for k in range(count):
        row: list[Seg] = segs[:start] if k == 0 else []
        row = [*row, labels[k]]
        for tab, words in zip(tabs, columns, strict=True):
            row += [tab, words[k]]
        out.append(((row, None), 0 if k == 0 else lead))
    return out


_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_LINE_BREAK_TAG = re.compile(r"<(?:br|/?p|/?div|/?li)\b", re.IGNORECASE)


def _groups_digits(text: str, at: int) -> bool:
    """Whether the narrow space at ``text[at]`` stands between a digit and a group of three
    (``1\u2009493``): a thousands separator, not a space between two numbers. A browser
    draws it a hair wide; read as a space, 1 493 is two numbers."""
    return at > 0 and "0" <= text[at - 1] <= "9" and _THREE_DIGITS.match(text, at + 1) is not None


def _collapsed_columns(table: etree._Element, hidden: set[etree._Element]) -> set[int]:
    """The grid columns of ``table`` that its hidden ``<col>``s or ``<colgroup>``s
    collapse (``<col style="visibility: collapse">``, or hidden by the page's stylesheet):
    a browser draws none of their cells (an old year's column kept in the table). Each
    ``col`` and ``colgroup`` covers its ``span`` columns (a group with ``col``s inside, theirs)."""
    columns: set[int] = set()
    at = 0
    for child in table:
        if child.tag == "col":
            parts = [(child, child in hidden)]
        elif child.tag == "colgroup":
            cols = [col for col in child if col.tag == "col"]
            group = child in hidden
            parts = [(col, group or col in hidden) for col in cols] or [(child, group)]
        else:
            continue
        for part, collapses in parts:
            span = min(max(span_value(part.get("span")) or 1, 1), _COL_SPAN)
            if collapses:
                columns.update(range(at, at + span))
            at += span
    return columns


#: The most columns one ``col`` or ``colgroup`` covers (a browser's limit).
_COL_SPAN = 1000


def _drop_cells_in(row: Row, columns: list[int]) -> None:
    """Take out of ``row`` (laid out) the cells that stand in the collapsed ``columns``
    (sorted) only, and move the others to where a browser draws them: each the drawn
    columns before it to its left, over the drawn columns it covers."""
    shapes: list[GridCell] = []
    keep: list[bool] = []
    for shape in row.shapes:
        start = bisect_left(columns, shape.column)
        end = bisect_left(columns, shape.column + shape.span)
        span = shape.span - (end - start)
        keep.append(span > 0)
        if span > 0:
            shapes.append(GridCell(shape.column - start, span, shape.rows))
    row.shapes = tuple(shapes)
    if all(keep):
        return
    if row.segments is not None:
        row.segments = list(compress(row.segments, keep))
    else:
        row.items = list(compress(row.items, keep))
        row.tabs = list(compress(row.tabs, keep))
    row.rowspans = list(compress(row.rowspans, keep))
    row.colspans = list(compress(row.colspans, keep))


def _hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    if not style:
        return False
    style = style.lower()
    if "none" not in style and "hidden" not in style and "collapse" not in style:
        return False
    style = "".join(style.split())
    # visibility: collapse hides a table row or column as "hidden" hides any element (a
    # browser draws nothing of it; on a row, not even its height).
    return "display:none" in style or "visibility:hidden" in style or "visibility:collapse" in style


# Where the walk is: what text met there goes into.
_FLOW = 0  # page text outside data tables: the flow line
_CELL = 1  # inside a cell (or content read as a cell): the cell's items
_TABLE = 2  # directly in a data table or its thead/tbody/tfoot: stray lines
_ROW = 3  # directly in a table row, between cells: added to the cell before

# What the end of an element does (pushed when it starts).
_INLINE = 0
_BLOCK_END = 1  # a line break
_PRE_END = 2  # a line break, and the end of preformatted text
_TABLE_END = 3  # the data table is laid out and its rows added
_GROUP_END = 4  # a thead/tbody/tfoot ends
_ROW_END = 5  # a row ends
_RESTORE = 6  # a cell (or content read as one) ends: back to the table or row
_WHITE_SPACE_END = 7  # an element that set white-space ends: back to the line breaks before
#: Where the walk is, for the start of an element that sets white-space in the flow, or
#: one whose style draws it otherwise than its tag in the flow or a cell (never
#: ``_Extractor.where``).
_WHITE_SPACE = 4
_DISPLAY = 5
_NO_ACTION = (_INLINE, None)
_BLOCK_ACTION = (_BLOCK_END, None)
#: Blocks whose start in the flow is only a line break (the walk does it in line; a table
#: or a ``pre`` goes through ``_Extractor._flow_start``): three calls fewer a block.
_FLOW_BLOCK = _BLOCK - {"table", "pre"}
#: What an ``<input>`` in a cell does at its start: its value is read (``_Extractor._field``).
_FIELD_ACTION = (_INLINE, "field")
#: What a plain table or row (``_Extractor._in_step``) holds none of: the elements whose
#: content is not read, and form fields (read by the walk).
_NOT_PLAIN = _DROP | {"input"}
#: What a ``<sup>`` or ``<sub>`` in a cell does at its start: see ``_note_mark``.
_NOTES = frozenset({"sup", "sub"})
_NOTE_ACTION = (_INLINE, "note")
#: In a cell, what the end of an element does: a block ends with a line break; and what
#: a note mark's start does (``_NOTE_ACTION``).
_IN_CELL = {
    **dict.fromkeys(_BLOCK, _BLOCK_ACTION),
    **dict.fromkeys(_NOTES, _NOTE_ACTION),
    "input": _FIELD_ACTION,
}


def _note_mark(items: list[_Item]) -> bool:
    """Whether a ``<sup>`` or ``<sub>`` starting after ``items`` (a cell's, or the flow
    line's) is a note mark, not read: it follows a digit (spaces between or not). A
    statistics table marks a value with a note that way (1493<sup>①</sup>,
    12.35<sup>注</sup>, 26<sup>1</sup>), and a sentence a number (收到申请12<sup>1</sup>件);
    read with it, the value is another number or none. A ``<sup>`` after a letter
    (m<sup>2</sup>), after a line break or at the start of a cell is read."""
    for item in reversed(items):
        if item == _SPACE:
            continue
        return not isinstance(item, str) and item[-1][0][-1:].isdigit()
    return False


#: What a list item of links holds beside them: blanks, a date or a number, brackets and
#: separators ("[2024-01-05]", "2023年01月20日", "(12)", " | ").
_BESIDE_LINKS = re.compile(r"[\s\d\-–—./:：\[\]()（）【】〔〕年月日|·,，、]*")
#: What a list item may hold beside its links that is not read as beside them: lists
#: (a menu's sub-menu: links too, each looked at in its turn).
_SUB_LISTS = frozenset({"ul", "ol"})


#: How deep lists of links are looked into (a menu's sub-menus); deeper, an item is read.
_LIST_DEPTH = 3


def _navigation_item(item: etree._Element, depth: int = 0) -> bool:
    """Whether ``item`` (an ``<li>`` with elements inside, in the page's flow) is an item of
    a list of links to other pages: it holds links (``<a href>``, no block inside), lists of
    such items (a menu's sub-menu) and beside them nothing but a date or a number
    (:data:`_BESIDE_LINKS`); such an item is not read.

    A portal's page holds lists of links around the report: its menus, its disclosure
    catalogue ("一、政府信息公开指南", "二、…": read, taken for the report's section
    headings), "最新公开" and "相关阅读" (the titles of other documents: "2023年12月份政府
    信息公开申请办理情况（收到11件，办结10件）", read, was checked against table 三, XG501;
    their dates, read alone, for the report's date), a table of contents. None of it is
    the report's text. An item with text of its own beside a link (a sentence of the
    report that links a name) is read."""
    beside = _BESIDE_LINKS.fullmatch
    text = item.text
    if text and not beside(text) and not beside(_NEIGHBOUR_LABEL.sub("", text, count=1)):
        return False
    links = False
    for child in item:
        tag = child.tag
        if tag == "a":
            if child.get("href") is None:
                return False
            if len(child) and any(inner.tag in _BLOCK for inner in child.iterdescendants()):
                return False  # (an <a> left open around blocks: not a link's title)
            links = True
        elif tag in _SUB_LISTS:
            if depth >= _LIST_DEPTH or not beside(child.text or ""):
                return False
            for sub in child:
                if sub.tag == "li" and len(sub):
                    if not _navigation_item(sub, depth + 1):
                        return False
                elif isinstance(sub.tag, str) and not beside("".join(sub.itertext())):
                    return False
                if sub.tail and not beside(sub.tail):
                    return False
        elif isinstance(tag, str) and not beside("".join(child.itertext())):
            return False
        if child.tail and not beside(child.tail):
            return False
    return links


#: A label before a link to the article before or after this one ("上一篇：").
_NEIGHBOUR_LABEL = re.compile(
    r"^\s*(?:上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇)\s*[:：]?"
)
#: The elements that are an item or a row of a list of links (``_link_row``).
_LINK_ROWS = frozenset({"li", "dd", "dt", "p", "div"})
#: A row (a ``<p>`` or a ``<div>``) of more elements than this is not a list's row.
_ROW_CHILDREN = 6
#: A date with its day, as a list of links dates its items ("2024-01-05", "2024年1月5日").
_FULL_DATE = re.compile(r"[0-9]{4}\s*[-./年]\s*[0-9]{1,2}\s*[-./月]\s*[0-9]{1,2}")


def _link_row(row: etree._Element, tag: str) -> bool:
    """Whether ``row`` (an element with elements inside, in the page's flow) is an item
    of a list of links to other pages (:func:`_navigation_item`), not read: an ``<li>``,
    a ``<dd>`` or ``<dt>`` of a ``<dl>``, or a ``<p>``/``<div>`` row that portals write
    for "最新公开", "相关阅读", "热点信息", "上一篇/下一篇" without a list. A paragraph is
    taken for such a row only with a link of its own and, beside its links, a date with
    its day (a list's "[2024-01-05]") or the label of the article before or after this
    one: a paragraph of the report that is a link alone, or a link and a month (a list
    of the documents it published), is read."""
    if tag == "li" or tag == "dd" or tag == "dt":
        return _navigation_item(row)
    if len(row) > _ROW_CHILDREN or next(row.iterchildren("a"), None) is None:
        return False
    if any(len(child) for child in row if child.tag != "a"):
        # Beside a row's links stand a date or a label, with nothing inside: this is a
        # block of the page (its content, whose text is not joined to be looked at).
        return False
    if not _navigation_item(row):
        return False
    if row.text and _NEIGHBOUR_LABEL.match(row.text):
        return True
    beside = [row.text or ""]
    for child in row:
        if child.tag != "a":
            beside.extend(child.itertext())
        beside.append(child.tail or "")
    return _FULL_DATE.search("".join(beside)) is not None


#: Elements that may be hidden (``_hidden`` decides), when the page writes the words in
#: lower case: one location path each, no union, so that only a few nodes are returned.
_HIDDEN_ATTRIBUTE = etree.XPath("//@hidden/..")
_HIDING_STYLE = etree.XPath("//@style[contains(., 'none') or contains(., 'hidden')]/..")
_COLLAPSING_STYLE = etree.XPath(
    "//@style[contains(., 'none') or contains(., 'hidden') or contains(., 'collapse')]/.."
)
#: What may stand between "display", ":" and "none" in a style that hides: what
#: ``str.split`` takes for whitespace (in UTF-8), and entity references.
_GAP = rb"(?:[\s\x1c-\x1f\x80-\xff]|&[a-z0-9]*;?)*"
_DISPLAY_NONE = re.compile(rb"display" + _GAP + rb":" + _GAP + rb"none")
#: ``visibility: collapse`` (in the page's bytes in lower case), as ``_DISPLAY_NONE``.
_VISIBILITY_COLLAPSE = re.compile(rb"visibility" + _GAP + rb":" + _GAP + rb"collapse")
#: Text drawn unseen (in the page's bytes in lower case): a font size of zero
#: (``font-size: 0``, ``0px``, ``0.0pt``; the shorthand ``font: 0/0 a``), or a colour that
#: draws nothing (``color: transparent``, ``rgba(0,0,0,0)``; the group "none") or one near
#: white (``color: #fff``, ``color="#FFFFFF"``, ``white``, ``rgb(255, 255, 255)``: the
#: colour of a page's own background). Two patterns, each with a word of its own to start
#: with, which ``re`` looks for fast: one pattern for both tries every byte of the page (3
#: ms on a Word page of 68 KB, against 0.1 ms).
_ZERO_FONT = re.compile(
    rb"font(?:-size)?" + _GAP + rb":" + _GAP + rb"(?:0+(?:\.0*)?|\.0+)(?:[a-z]+|%)?(?![\w.%-])"
)
_TEXT_COLOUR = re.compile(
    rb"color"
    + _GAP
    + rb"(?::"
    + _GAP
    + rb"(?P<none>transparent|(?:rgb|hsl)a?\([^()]*[,/]\s*(?:0+(?:\.0*)?|\.0+)\s*\))|[:=]"
    + _GAP
    + rb"[\"']?(?:#f{3}(?![0-9a-f])|#(?:f[89a-f]){3}|white|rgba?\(\s*25[0-5]\s*[, ]\s*25[0-5]))"
)

#: Text drawn at an opacity of zero, or clipped away (``clip: rect(0 0 0 0)``,
#: ``clip-path: inset(50%)``), in the page's bytes in lower case (one pattern each, as
#: ``_ZERO_FONT``): :func:`~xxgk_lint.sources.html_css.unseen_text` decides.
_ZERO_OPACITY = re.compile(rb"opacity" + _GAP + rb":" + _GAP + rb"(?:0+(?:\.0*)?|\.0+)%?(?![\w.%])")
_CLIPPING = re.compile(
    rb"clip(?:-path)?" + _GAP + rb":" + _GAP + rb"(?:rect|inset|circle|ellipse|polygon)\("
)
#: A box put out of view (in the page's bytes in lower case, as ``_ZERO_FONT``): a length
#: far back (``left: -9999px``, ``text-indent: -999em``; a unit, or the end of the
#: declaration: not a phone number's 0000-6123456), a scale to nothing (``scale(0)``), a
#: size of zero with overflow hidden in one declaration block, either first (not the
#: clearfix's ``height: 0`` without it, which most portals write).
_FAR_BACK = re.compile(rb"-(?:\d{3,}|[3-9]\d)(?:\.\d*)?(?:px|pt|r?em|(?=[;\"'}]))")
_SCALED_AWAY = re.compile(rb"scale[xy]?\([^()]*?(?<![\d.])0")
_ZERO_SIZE = re.compile(
    rb"(?:width|height)" + _GAP + rb":" + _GAP + rb"0+(?:\.0*)?(?:px|%|r?em)?(?![\w.%])"
)
_HIDDEN_OVERFLOW = re.compile(rb"overflow(?:-[xy])?" + _GAP + rb":" + _GAP + rb"(?:hidden|clip)")
#: What ends a declaration block (or a ``style`` attribute's value) in a page's bytes.
_BLOCK_ENDS = re.compile(rb"[{}<>\"']")
#: How far around an "overflow" its declaration block is looked at (bytes each side).
_BLOCK_REACH = 200


#: Up to this many "#" in a page are looked at one by one for a "&" before them.
_FEW_HASHES = 64


def _holds_reference(encoded: bytes) -> bool:
    """Whether the page holds "&#" (a numeric character reference).

    The same answer as ``b"&#" in encoded``, faster on most pages: a search for a
    two-byte string scans the page several times slower than one for a single byte, and
    most pages hold no "#", or a few (a colour, a link to "#").
    """
    at = encoded.find(b"#", 1)
    for _ in range(_FEW_HASHES):
        if at == -1:
            return False
        if encoded[at - 1] == 0x26:  # "&"
            return True
        at = encoded.find(b"#", at + 1)
    return at != -1 and encoded.find(b"&#", at - 1) != -1


def _hidden_elements(root: etree._Element, encoded: bytes, lowered: bytes) -> set[etree._Element]:
    """The page's hidden elements: by their style, attribute or the page's stylesheet
    (:func:`_hidden_by_style`), and the dialogs it does not show (:func:`_closed_dialogs`)."""
    pager = _Pager(lowered)
    hidden = _hidden_by_style(root, encoded, lowered, pager)
    if _DIALOG.search(lowered) is not None:
        hidden = hidden | _closed_dialogs(root)
    if hidden and pager.named:
        parts = _page_parts(hidden)
        if parts:
            hidden = hidden - parts
    return hidden


#: "页" in UTF-8; the words before it that name a page of a pager (下一页, 上一页, 尾页, 末页,
#: 第2页, 共3页), as UTF-8, each read back from the bytes before a "页".
_PAGE = "页".encode()
_PAGER_WORDS = tuple(word.encode() for word in ("下一", "上一", "尾", "末"))
_PAGE_NUMBER = re.compile(rb"(?:\xe7\xac\xac|\xe5\x85\xb1)\s*[0-9]+\s*$")  # 第N / 共N
#: Up to this many "页" in a page are looked at (a portal's 首页 in its menus: a few).
_FEW_PAGES = 32


class _Pager:
    """Whether a page's bytes (``lowered``) name a pager's words (:func:`_names_pages`),
    looked for once, when first asked: both the hidden elements by style and all of them
    are weighed against it."""

    def __init__(self, lowered: bytes) -> None:
        self._lowered = lowered

    @functools.cached_property
    def named(self) -> bool:
        return _names_pages(self._lowered)


class _PageParts:
    """Of a set of hidden elements, the later pages of a report split over pages
    (:func:`_page_parts`) where the page names a pager (``pager``), else none."""

    def __init__(self, pager: _Pager) -> None:
        self._pager = pager

    def __call__(self, hidden: set[etree._Element]) -> set[etree._Element]:
        return _page_parts(hidden) if self._pager.named else set()


def _names_pages(lowered: bytes) -> bool:
    """Whether the page's bytes hold a pager's word: 下一页, 上一页, 尾页, 末页, 第N页 or
    共N页 (each "页" looked at for what stands before it; most pages hold a few, in 首页)."""
    at = lowered.find(_PAGE)
    for _ in range(_FEW_PAGES):
        if at == -1:
            return False
        before = lowered[max(0, at - 12) : at]
        if before.endswith(_PAGER_WORDS) or _PAGE_NUMBER.search(before) is not None:
            return True
        at = lowered.find(_PAGE, at + 3)
    return False


#: The elements a CMS puts each page of an article in (the parts of a report split over
#: pages inside one page).
_PART_TAGS = frozenset({"div", "section", "article"})
#: Characters of text the first, shown, part holds at least (a report's first page).
_PART_CHARACTERS = 200
#: A heading numbered 一、 … 十、 at the start of a text (its blanks stripped first: a
#: pattern opening with ``\s*`` costs the square of a run of blanks when searched for):
#: (numeral, its first words).
_NUMBERED_HEADING = re.compile(r"([一二三四五六七八九十]{1,3})[、.．]\s*(\S{0,4})")


def _page_parts(hidden: set[etree._Element]) -> set[etree._Element]:
    """The hidden elements that are the later pages of a report split over pages inside
    one page, which a browser shows one at a time (a pager under them: "第1页 第2页
    下一页", "1 2 3 下一页 尾页", "共3页"), and a reader reads on: they are read, in order.

    A CMS cuts the article into parts (between blocks, or in the middle of a table, where
    the parser nests the next part in the last cell), shows the first and hides the others
    (``style="display:none"``, a class the page's sheet hides, ``hidden``). A later part
    is a hidden ``div``/``section``/``article`` of one kind with a shown one before it or
    around it (:func:`_first_part`: the same tag, and a class in common, or ids that
    differ by their digits, or neither) that continues it (:func:`_continues`). What a
    page hides beside its report is not taken: a tab of another year's report or a print
    or mobile copy repeats the shown part's headings, or is of another kind; a menu or an
    old value is of another tag or beside no shown part of a report's length."""
    parts: set[etree._Element] = set()
    for el in hidden:
        if el.tag not in _PART_TAGS:
            continue
        first = _first_part(el, hidden)
        if first is not None and _continues(el, first, hidden):
            parts.add(el)
    return parts


def _kind(el: etree._Element) -> tuple[set[str], str | None]:
    """An element's classes and its id less its digits (page_2 → page_: one kind)."""
    ident = el.get("id")
    return set((el.get("class") or "").split()), (
        None if ident is None else ident.strip().rstrip("0123456789")
    )


def _one_kind(a: etree._Element, b: etree._Element) -> bool:
    """Whether two elements are of one kind: the same tag, and a class in common, or ids
    equal but for their digits, or no class and no id either."""
    if a.tag != b.tag:
        return False
    (a_classes, a_id), (b_classes, b_id) = _kind(a), _kind(b)
    if not a_classes.isdisjoint(b_classes) or (a_id is not None and a_id == b_id):
        return True
    return not (a_classes or b_classes or a_id is not None or b_id is not None)


def _first_part(el: etree._Element, hidden: set[etree._Element]) -> etree._Element | None:
    """The shown part of one kind with ``el`` before it (its siblings before it, past the
    hidden ones of its kind: an earlier later page) or around it (an ancestor: a part cut
    in a table's cell), if it holds a report's first page of text."""
    candidates = [sib for sib in el.itersiblings(el.tag, preceding=True) if _one_kind(sib, el)] + [
        up for up in el.iterancestors(el.tag) if _one_kind(up, el)
    ]
    for candidate in candidates:
        if candidate in hidden:
            continue
        if any(up in hidden for up in candidate.iterancestors()):
            return None
        if text_length(candidate) < _PART_CHARACTERS:
            return None
        return candidate
    return None


def _shown_texts(el: etree._Element, hidden: set[etree._Element]) -> Iterator[str]:
    """The texts in ``el`` (not its tail) outside the ``hidden`` elements in it (a later
    part that the parser nested in the first, cut in a table's cell or in a wrapper)."""
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, inner in walker:
        if event == "start":
            if inner is not el and inner in hidden:
                walker.skip_subtree()
                if inner.tail:
                    yield inner.tail
                continue
            if inner.text:
                yield inner.text
        elif inner is not el and inner.tail:
            yield inner.tail


def _headings(texts: Iterator[str]) -> set[tuple[str, str]]:
    """The headings numbered 一、 … 十、 that start one of ``texts``."""
    found = set()
    for text in texts:
        match = _NUMBERED_HEADING.match(text.lstrip())
        if match is not None:
            found.add((match[1], match[2]))
    return found


def _continues(part: etree._Element, first: etree._Element, hidden: set[etree._Element]) -> bool:
    """Whether the hidden ``part`` goes on from the shown ``first`` (its shown text): it
    repeats none of its numbered headings (a tab or a copy holds a report of its own:
    一、总体情况 again) and does not start with the text it starts with."""
    shown = _shown_texts(first, hidden)
    if not _headings(part.itertext()).isdisjoint(_headings(shown)):
        return False
    return _start(part.itertext()) != _start(_shown_texts(first, hidden))


def _start(texts: Iterator[str]) -> str:
    """The first 30 characters of ``texts`` (blanks left out)."""
    words = ""
    for text in texts:
        words += "".join(text.split())
        if len(words) >= 30:
            break
    return words[:30]


#: A dialog's start tag, in the page's bytes in lower case: a pattern, which ``re`` looks
#: for faster than ``bytes`` looks for the string (whose "<" is in every tag).
_DIALOG = re.compile(rb"<dialog")
#: The ``<dialog>`` elements without an ``open`` attribute.
_CLOSED_DIALOGS = etree.XPath("//dialog[not(@open)]")


def _closed_dialogs(root: etree._Element) -> set[etree._Element]:
    """The ``<dialog>`` elements a browser does not show: those without ``open`` (a script
    opens them on a click: an old year's table in a pop-up, a notice). Read, a closed
    dialog's table is taken for the report's, or its values glued to the page's. A dialog
    that holds most of the page's text, the report, is shown by a script once the page is
    loaded (:func:`~xxgk_lint.sources.html_css.shown_by_script`): it is read."""
    return shown_by_script(root, set(_CLOSED_DIALOGS(root)))


def _hidden_by_style(
    root: etree._Element, encoded: bytes, lowered: bytes, pager: _Pager | None = None
) -> set[etree._Element]:
    """The page's hidden elements (``_hidden``), found without asking every element.

    ``encoded`` is the page as lxml parsed it (UTF-8), ``lowered`` the same in lower
    case. Most pages have no style that
    hides and no ``hidden`` attribute, which a look at the bytes shows; a page whose words
    are all in lower case is queried for the few elements that may hide; only a page that
    writes characters as numeric references (which could spell the words), or the words
    in capitals, has every element looked at. Elements the page's own ``<style>`` blocks
    hide by a class or an id are added (:mod:`~xxgk_lint.sources.html_css`).
    """
    plain = not _holds_reference(encoded)
    unseen = _unseen_elements(root, lowered)
    # Without the word "hidden" in any case, no element has a ``hidden`` attribute (the
    # page writes no reference that could spell it): neither it nor its case is looked for.
    attribute = b"hidden" in lowered
    collapse = _says_collapse(lowered)
    if plain and not attribute and not collapse and not _says_display_none(lowered):
        return unseen
    words = [b"none", b"hidden"] if attribute else [b"none"]
    if collapse:
        words.append(b"collapse")
    if plain and all(_in_lower_case(lowered, encoded, word) for word in words):
        candidates = (_COLLAPSING_STYLE if collapse else _HIDING_STYLE)(root)
        if attribute:
            candidates += _HIDDEN_ATTRIBUTE(root)
    else:
        candidates = root.iter(etree.Element)
    hiding = {el for el in candidates if _hidden(el)}
    if attribute and b"aria-hidden" in lowered:
        hiding |= hidden_panes(root)
    pager = pager or _Pager(lowered)
    if hiding and pager.named:
        # The later pages of a report split over pages are read; what else the page hides
        # is weighed without them (a print copy beside them is not the page's report).
        hiding -= _page_parts(hiding)
    hidden = shown_by_script(root, hiding)
    hidden |= hidden_by_stylesheets(root, lowered, encoded if plain else None, _PageParts(pager))
    return hidden | unseen if unseen else hidden


#: Up to this many of a word in a page are looked at one by one (``_in_lower_case``).
_FEW_WORDS = 32


def _in_lower_case(lowered: bytes, encoded: bytes, word: bytes) -> bool:
    """Whether the page's bytes ``encoded`` write ``word`` (in lower case) only in lower
    case: as ``lowered.count(word) == encoded.count(word)``, in one scan of the page for
    most pages, not two (each "none" or "hidden" found in ``lowered`` is looked at in
    ``encoded``; past the first few, the rest are counted)."""
    at = lowered.find(word)
    for _ in range(_FEW_WORDS):
        if at == -1:
            return True
        if not encoded.startswith(word, at):
            return False
        at = lowered.find(word, at + len(word))
    return at == -1 or lowered.count(word, at) == encoded.count(word, at)


def _says_display_none(lowered: bytes) -> bool:
    """Whether the page's bytes (in lower case) say ``display: none`` anywhere."""
    at = lowered.find(b"display")
    while at != -1:
        if _DISPLAY_NONE.match(lowered, at):
            return True
        at = lowered.find(b"display", at + 7)
    return False


def _says_collapse(lowered: bytes) -> bool:
    """Whether the page's bytes (in lower case) say ``visibility: collapse`` anywhere.
    Each "collapse" (a few: border-collapse) is looked at for a "visibility" before it: a
    search for the rarer word scans the whole of most pages more slowly."""
    at = lowered.find(b"collapse")
    while at != -1:
        start = lowered.rfind(b"visibility", max(0, at - 64), at)
        if start != -1 and _VISIBILITY_COLLAPSE.match(lowered, start):
            return True
        at = lowered.find(b"collapse", at + 8)
    return False


def _unseen_elements(root: etree._Element, lowered: bytes) -> set[etree._Element]:
    """The elements whose text is drawn unseen: at a font size of zero, in a colour that
    draws nothing, at an opacity of zero, or clipped away for screen readers only
    (:func:`~xxgk_lint.sources.html_css.unseen_text`).

    A site hides digits in a number that way (``1<span style="font-size:0">9</span>493``,
    a mark against copying) or keeps an old value beside the new one; read with the
    number, they make it another. By the element's ``style`` attribute or the page's own
    stylesheet (:func:`~xxgk_lint.sources.html_css.unseen_by_stylesheets`); by a size or
    a colour, only an element with no element inside (one inside may set its own size
    again, as the "font-size: 0" that closes the gaps between inline blocks does). A page
    that writes none of them costs five searches of its bytes ``lowered``. A text in the
    colour of its background is added (:func:`_in_background_colour`).
    """
    no_colour, light, light_inline = _text_colours(lowered)
    coloured = _in_background_colour(root, light_inline, b"<font" in lowered) if light else set()
    if (
        _ZERO_FONT.search(lowered) is None
        and not no_colour
        and _ZERO_OPACITY.search(lowered) is None
        and _CLIPPING.search(lowered) is None
        and not _says_put_away(lowered)
    ):
        return coloured
    found = {
        el
        for el, style in _styled_any(root)
        if unseen_text(style, len(el) > 0, el.tag in _CELL_TAGS)
    }
    if b"<style" in lowered:
        found |= unseen_by_stylesheets(root)
    # One with elements inside (at opacity 0, clipped) that holds most of the page is
    # shown by a script once the page is loaded (a fade-in): read, as a hidden one is.
    inner = {el for el in found if len(el)}
    if inner:
        found = (found - inner) | shown_by_script(root, inner)
    # A block (but a cell) drawn unseen still breaks the line: it is read, as before.
    return {el for el in found if el.tag not in _BLOCK or el.tag in _CELL_TAGS} | coloured


def _in_background_colour(root: etree._Element, inline: bool, fonts: bool) -> set[etree._Element]:
    """The elements whose text is in the colour of the background they show
    (:func:`~xxgk_lint.sources.html_css.in_background_colour`): a wrong digit in white
    before the real one, a mark against copying. Asked only of a page that writes a text
    colour near white (its default background's: :func:`_text_colours`); the styled
    elements only where a tag writes it (``inline``: a portal's white menu text is in its
    stylesheet), the ``<font>`` elements only where the page has one (``fonts``)."""
    styled = [el for el, _ in _styled(root, "color")] if inline else []
    return in_background_colour(root, styled, _BLOCK, fonts)


def _says_put_away(lowered: bytes) -> bool:
    """Whether the page's bytes (in lower case) may put a box out of view: a length far
    back, a scale to nothing, or a size of zero where something overflows hidden."""
    return (
        _FAR_BACK.search(lowered) is not None
        or (b"scale" in lowered and _SCALED_AWAY.search(lowered) is not None)
        or _says_zero_size(lowered)
    )


def _says_zero_size(lowered: bytes) -> bool:
    """Whether the page's bytes (in lower case) give a box a width or height of zero in a
    declaration block that hides what overflows it. Each "overflow" (a few a page) is
    looked at with its block: a pattern for a zero size would try every byte of the page,
    and find the clearfix's ``height: 0`` of most portals."""
    at = lowered.find(b"overflow")
    while at != -1:
        if _HIDDEN_OVERFLOW.match(lowered, at):
            before = _BLOCK_ENDS.split(lowered[max(0, at - _BLOCK_REACH) : at])[-1]
            after = _BLOCK_ENDS.split(lowered[at : at + _BLOCK_REACH], 1)[0]
            if _ZERO_SIZE.search(before) or _ZERO_SIZE.search(after):
                return True
        at = lowered.find(b"overflow", at + 8)
    return False


def _text_colours(lowered: bytes) -> tuple[bool, bool, bool]:
    """Whether the page's bytes (in lower case) give a text a colour that draws nothing;
    whether one near white (not a ``background-color``, a ``border-color`` or a
    ``bgcolor``); and whether a tag writes that one (a ``style`` or ``color`` attribute,
    not a stylesheet: the nearest "<" before it is after the nearest ">"). One scan for
    all (:data:`_TEXT_COLOUR`)."""
    none = light = inline = False
    for match in _TEXT_COLOUR.finditer(lowered):
        at = match.start()
        if at and lowered[at - 1 : at] in _NAME_BYTES:
            continue
        if match["none"] is None:
            light = True
            if not inline:
                inline = lowered.rfind(b"<", 0, at) > lowered.rfind(b">", 0, at)
        else:
            none = True
        if none and inline:
            break
    return none, light, inline


#: What a property's name is made of, as bytes of one character.
_NAME_BYTES = frozenset(bytes([c]) for c in b"-_abcdefghijklmnopqrstuvwxyz0123456789")


def _styled_any(root: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """The elements with a ``style`` attribute that may draw its text unseen or put it
    out of view (it names a font, a colour, an opacity, a clip, a scale or an overflow, or
    writes a negative number: a length far back), each with its attribute."""
    for el in _STYLED(root):
        style = (el.get("style") or "").lower()
        if (
            "font" in style
            or "color" in style
            or "opacity" in style
            or "clip" in style
            or "scale" in style
            or "overflow" in style
            or ("-" in style and _NEGATIVE.search(style) is not None)
        ):
            yield el, style


#: A negative number (``-9999px``; not the hyphen of ``border-left``).
_NEGATIVE = re.compile(r"-\.?\d")


#: Elements with a ``style`` attribute.
_STYLED = etree.XPath("//@style/..")  # by the attribute axis: a third of ``//*[@style]``


def _styled(root: etree._Element, prop: str) -> Iterator[tuple[etree._Element, str]]:
    """The elements whose ``style`` attribute names ``prop`` (in any case), each with its
    attribute: one query for the styled elements, each attribute lowered here (an XPath
    folding the case of every element's attribute cost a page up to 15 % of its read)."""
    for el in _STYLED(root):
        style = el.get("style") or ""
        if prop in style.lower():
            yield el, style


def _white_space(root: etree._Element, lowered: bytes) -> dict[etree._Element, bool]:
    """The elements that set ``white-space``: True where their text keeps its line breaks
    (``pre``, ``pre-wrap``, ``pre-line``, ``break-spaces``, as a ``<pre>`` does), False where
    it joins them (``normal``, ``nowrap``); by the element's ``style`` attribute, else the
    page's own stylesheet (:func:`~xxgk_lint.sources.html_css.white_space_by_stylesheets`).

    A page pasted as plain text is often shown in a ``<div style="white-space:pre-wrap">``:
    a browser breaks its lines where the source does, and so must the reader, or the whole
    report is one line. Empty when no element keeps line breaks (most pages: one search of
    the page's bytes ``lowered``, in lower case), so that the walk looks at none.
    """
    if b"white-space" not in lowered:
        return {}
    found = white_space_by_stylesheets(root, lowered)
    for el, style in _styled(root, "white-space"):
        keeps = keeps_line_breaks(style)
        if keeps is not None:
            found[el] = keeps
    return found if any(found.values()) else {}


#: A ``style`` attribute that may draw an element as a block or in its line (the page's
#: bytes in lower case; ``display: none`` is the hidden elements' business).
_STYLE_DISPLAY = re.compile(
    rb"""style\s*=\s*["']?[^"'<>]*display\s*:\s*"""
    rb"""(?:block|flex|grid|list-item|flow-root|inline|table-cell)"""
)
#: A ``display`` that draws an element as a block or in its line, whatever stands around.
_DISPLAY_SET = re.compile(
    rb"display\s*:\s*(?:block|flex|grid|list-item|flow-root|inline|table-cell)"
)


def _style_sets_display(lowered: bytes) -> bool:
    """Whether :data:`_STYLE_DISPLAY` matches the page's bytes ``lowered`` anywhere: each
    "display" followed by such a value is looked at, with the text before it back to the
    nearest "<" or ">" (a match holds neither). One search for "display" instead of the
    pattern tried at every "style" of the page: a Word page's thousand styled spans inside
    a portal's chrome cost 245 µs that way, a few µs this way."""
    at = lowered.find(b"display")
    while at != -1:
        value = _DISPLAY_SET.match(lowered, at)
        if value is not None:
            start = max(lowered.rfind(b"<", 0, at), lowered.rfind(b">", 0, at)) + 1
            if _STYLE_DISPLAY.search(lowered, start, value.end()) is not None:
                return True
        at = lowered.find(b"display", at + 7)
    return False


#: Elements whose ``display`` is not read: a table's parts and line breaks are drawn as
#: the table and the line are, whatever their style; ``<pre>`` keeps its own breaks.
_OWN_DISPLAY = frozenset(
    {"html", "body", "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot"}
    | {"tr", "td", "th", "br", "hr", "pre", "img"}
)


def _displayed(root: etree._Element, lowered: bytes) -> dict[etree._Element, bool]:
    """The elements whose ``style`` attribute draws them otherwise than their tag: True for
    one drawn as a block (``<span style="display:block">``: a paragraph of its own), False
    for a block drawn in its line (``<div style="display:inline">``: a digit of a number).

    Editors that write paragraphs as spans set their display: read by the tag alone, the
    headings ran into one line with the text (XG101). An element drawn as a table's cell
    (``display: table-cell``, by its style or the page's stylesheet: a table of spans) is
    read as a block, each cell a line as in a table of ``<div>``s: read by the tag, the
    cells of a row ran into one word (行政许可1493). Empty when nothing sets one (most
    pages: a search or two of the page's bytes ``lowered``)."""
    if b"display" not in lowered:
        return {}
    found: dict[etree._Element, bool] = {}
    if b"table-cell" in lowered and b"<style" in lowered:
        for el in drawn_as_cells_by_stylesheets(root):
            if el.tag not in _OWN_DISPLAY and el.tag not in _BLOCK:
                found[el] = True
    if not _style_sets_display(lowered):
        return found
    for el, style in _styled(root, "display"):
        tag = el.tag
        if tag in _OWN_DISPLAY:
            continue
        block = True if drawn_as_cell(style) else displayed_as_block(style)
        if block is None:
            continue
        if block != (tag in _BLOCK):
            found[el] = block
        else:
            found.pop(el, None)  # its own style draws it as its tag, whatever the stylesheet
    return found


#: A picture drawn narrower or lower than this many pixels is an icon, not a table.
_ICON_PX = 48

#: Form field types whose ``value`` a browser shows as text in the field.
#: The options of a ``<select>`` (in groups or not), and the text of one.
_OPTIONS = etree.XPath("descendant::option")
_OPTION_TEXT = etree.XPath("descendant::text()")
_TEXT_FIELDS = frozenset({"", "text", "number", "tel", "email", "search", "url", "date"})
#: Where a start tag's ``value`` attribute's text starts; a ``srcdoc``'s value (group 1:
#: in double quotes, 2: in single quotes, 3: unquoted).
_VALUE = re.compile(r"""\svalue\s*=\s*["']?""", re.IGNORECASE)
_SRCDOC = re.compile(r"""\ssrcdoc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*))""", re.IGNORECASE)


#: A character reference in an attribute's value, as a browser reads them.
_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


def _unescape_with_places(raw: str, offset: int) -> tuple[str, list[int]]:
    """``raw`` (an attribute's value in the source, from ``offset``) with its references
    read, and where each of its characters stands in the source (plus its end): a
    character written as a reference stands at its "&"."""
    out: list[str] = []
    places: list[int] = []
    at = 0
    for match in _REFERENCE.finditer(raw):
        start = match.start()
        out.append(raw[at:start])
        places.extend(range(offset + at, offset + start))
        text = html_entities.unescape(match.group())
        if text == match.group():
            text = raw[start : match.end()]
            places.extend(range(offset + start, offset + match.end()))
        else:
            places.extend([offset + start] * len(text))
        out.append(text)
        at = match.end()
    out.append(raw[at:])
    places.extend(range(offset + at, offset + len(raw) + 1))
    return "".join(out), places


class _PlacedBuilder:
    """The builder of the page, for the page in a frame: each piece of text is moved from
    its place in the frame's page to its place in the source (``places``, one a
    character: :func:`_unescape_with_places`), cut where the characters stop standing
    side by side."""

    def __init__(self, builder: TextBuilder | _PlacedBuilder, places: list[int]) -> None:
        self.builder = builder
        self.places = places

    def _placed(self, pieces: list[Seg]) -> list[Seg]:
        places = self.places
        last = len(places) - 1
        out: list[Seg] = []
        for text, at, advance in pieces:
            if not advance or not text:
                out.append((text, places[min(at, last)], advance))
                continue
            start = 0
            for i in range(1, len(text) + 1):
                if i == len(text) or places[at + i] != places[at + i - 1] + 1:
                    out.append((text[start:i], places[at + start], True))
                    start = i
        return out

    def line_at(self, pieces: list[Seg], mark: int | None = None) -> None:
        last = len(self.places) - 1
        self.builder.line_at(
            self._placed(pieces), None if mark is None else self.places[min(mark, last)]
        )

    def lines_at(self, lines: list[tuple[list[Seg], int | None]]) -> int:
        last = len(self.places) - 1
        return self.builder.lines_at(
            [
                (self._placed(pieces), None if mark is None else self.places[min(mark, last)])
                for pieces, mark in lines
            ]
        )


class _Extractor:
    """Turns the lxml tree into lines in a TextBuilder, in document order.

    One pass of ``etree.iterwalk`` over the tree (start and end events, comments for their
    tails); a stack holds what each open element does when it ends. Data tables are
    collected row by row and laid out when the table ends.
    """

    def __init__(
        self, cursor: SourceCursor, builder: TextBuilder | _PlacedBuilder, limits: Limits
    ) -> None:
        self.cursor = cursor
        self.builder = builder
        self.limits = limits
        self.spans = Spans(limits)
        #: What each rowspan and colspan value read so far gives (``_read_spans``).
        self.read_rowspans: dict[str, int] = {}
        self.read_colspans: dict[str, int] = {}
        self.line: list[_Item] = []  # the flow line being collected
        self.items = self.line  # where words go in _FLOW and _CELL: the line or a cell
        self.where = _FLOW
        self.pre = 0
        self.tables = 0  # data tables laid out so far
        self.grid: dict[int, GridRow] = {}  # extracted line -> its place in a table
        # The data table being collected: its rows and stray lines, row groups, the row.
        self.rows: list[Row | list[_Item]] = []
        self.groups = Groups()
        self.row: Row | None = None
        self.hidden: set[etree._Element] = set()  # set by run()
        #: The elements that set white-space (``_white_space``; set by run()).
        self.white_space: dict[etree._Element, bool] = {}
        #: The elements drawn otherwise than their tag (``_displayed``; set by run()).
        self.display: dict[etree._Element, bool] = {}
        self.depth_limit = 0  # set by run()
        self.figures: list[Figure] = []  # the pictures in the flow (``_figure``)

    # -- emitting

    def _flush(self) -> None:
        """End the flow line being collected (a hard line break)."""
        line = self.line
        if not line:
            return  # most breaks: a block's start and end, with nothing between
        segs = _join(line)
        line.clear()
        if segs:
            self.builder.line_at(segs)

    def _line_break(self) -> None:
        if self.where == _CELL:
            self.items.append(_BREAK)
        elif self.where == _FLOW:
            self._flush()

    def _text(self, text: str) -> None:
        """Add the words of a text node (and the spaces between them) where the walk is."""
        where = self.where
        if where >= _TABLE:
            if text.isspace():
                return
            items: list[_Item] = [_SPACE] if where == _ROW else []
            saved, self.items, self.where = self.items, items, _CELL
            try:
                self._text(text)
            finally:
                self.items, self.where = saved, where
            if where == _TABLE:
                self.rows.append(items)
            elif self.row is not None and self.row.items:
                self.row.items[-1].extend(items)
            return
        items = self.items
        if text.isalnum() or _WORD.fullmatch(text):  # isalnum: the cheaper test
            items.append(self.cursor.find(text))
            return
        if text.isspace():
            if "\n" not in text:
                items.append(_SPACE)
            elif self.pre and where == _FLOW:
                self._flush()
            else:
                items.append(_BREAK)
            return
        for match in _PIECES.finditer(text):
            piece = match.group()
            if not piece[0].isspace():
                items.append(self.cursor.find(piece))
            elif "\n" not in piece:
                if piece in _GROUP_SPACES and _groups_digits(text, match.start()):
                    continue  # 1&thinsp;493: one number
                items.append(_SPACE)
            elif self.pre and where == _FLOW:
                self._flush()
            else:
                items.append(_BREAK)

    # -- walking

    def run(self, root: etree._Element, encoded: bytes) -> None:
        """Walk the tree once; see the class docstring.

        The loop is written for speed (it runs once per element): the cursor's usual step
        (the next start tag is the element's) and the usual texts (one word, or only
        spaces) are done in line; everything else goes through the methods.
        """
        cursor = self.cursor
        tags, names, offsets = cursor.start_tags, cursor.names, cursor.offsets
        pieces = cursor.pieces
        window = WINDOW
        count = len(tags)
        text_of = self._text
        find = cursor.find
        single_word = _WORD.fullmatch
        lowered = encoded.lower()
        hidden = self.hidden = _hidden_elements(root, encoded, lowered)
        self.white_space = _white_space(root, lowered)
        self.display = _displayed(root, lowered)
        # The elements the walk looks at apart: hidden ones, those that set white-space and
        # those drawn otherwise than their tag.
        special = hidden
        if self.white_space or self.display:
            special = hidden | self.white_space.keys() | self.display.keys()
        drop = _DROP
        in_cell = _IN_CELL
        flow_block = _FLOW_BLOCK
        limit = self.depth_limit = min(self.limits.max_html_depth, _LIBXML2_DEPTH - 1)
        fill_row = self._fill_row
        fill_table = self._fill_table
        stack: list[tuple[int, object]] = []
        push, pop = stack.append, stack.pop
        no_action: tuple[int, object] = _NO_ACTION
        block_action: tuple[int, object] = _BLOCK_ACTION
        walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
        for event, el in walker:
            if event == "start":
                tag = el.tag
                k = cursor.k
                if k < count and names[k] == tag:
                    index = tags[k]
                    cursor.k = k + 1
                    cursor.j = index + 1
                    cursor.pos = offsets[index + 1]
                else:
                    cursor.enter(tag, el.sourceline)
                if len(stack) >= limit:
                    self._too_deep(len(stack) + 1)
                where = self.where
                if tag in drop or (special and el in special):
                    if tag in drop or el in hidden:
                        if where == _ROW and tag in ("td", "th"):
                            self._cell(el)
                        if tag == "iframe" and where == _FLOW and el not in hidden:
                            self._frame(el)  # a page in srcdoc, if any
                        elif tag == "textarea" and where == _CELL and el not in hidden:
                            self._text_area(el)
                        elif tag == "select" and where == _CELL and el not in hidden:
                            self._select(el)
                        self._skip(el)
                        walker.skip_subtree()
                        push(no_action)
                        continue
                    if el not in self.white_space:
                        if where <= _CELL:
                            where = _DISPLAY
                    elif where == _FLOW and tag != "table" and tag != "br":
                        where = _WHITE_SPACE  # (in a cell, line breaks are breaks anyway)
                if where == _CELL:  # the most frequent case: content of a table cell
                    action = in_cell.get(tag, no_action)
                    if action is not no_action or tag == "br":
                        if action is _FIELD_ACTION:  # a form field: its value, if text
                            action = no_action
                            self._field(el)
                        elif action is not _NOTE_ACTION:
                            self.items.append(_BREAK)
                        else:
                            action = no_action
                            if _note_mark(self.items):
                                self._skip(el)
                                walker.skip_subtree()
                                push(no_action)
                                continue
                    push(action)
                elif where == _ROW and (tag == "td" or tag == "th"):
                    push((_RESTORE, (self.items, _ROW)))
                    self.items = self._cell(el)
                    self.where = _CELL
                elif where == _FLOW:
                    if tag in flow_block:  # most elements of the flow: _flow_start's work
                        if self.line:  # a line break
                            self._flush()
                        if tag in _LINK_ROWS and len(el) and _link_row(el, tag):
                            self._skip(el)  # a list item of links: the site's, not read
                            walker.skip_subtree()
                            push(no_action)
                            continue
                        push(block_action)
                    else:
                        action = self._flow_start(el, tag)
                        if action is _NOTE_ACTION:  # a note mark: not read
                            self._skip(el)
                            walker.skip_subtree()
                            push(no_action)
                            continue
                        push(action)
                        if action[0] == _TABLE_END and fill_table(el, len(stack)):
                            walker.skip_subtree()  # its rows are read; only its end is left
                            continue
                elif where == _TABLE:
                    push(self._table_start(el, tag))
                    if tag == "tr" and fill_row(el, len(stack)):
                        walker.skip_subtree()  # its cells are read; only its end is left
                        continue
                elif where == _WHITE_SPACE:
                    push(self._white_space_start(el, tag))
                elif where == _DISPLAY:
                    push(self._display_start(el))
                else:
                    push(self._row_start(el, tag))
                text = el.text
            elif event == "end":
                action = pop()
                if action is not no_action:
                    if action is block_action:  # a line break
                        if self.where == _CELL:
                            self.items.append(_BREAK)
                        elif self.line and self.where == _FLOW:
                            self._flush()
                    elif action[0] == _RESTORE:
                        self.items, self.where = action[1]  # type: ignore[misc]
                    else:
                        self._end(action)
                text = el.tail
            else:  # a comment or processing instruction: only its tail is text
                text = el.tail
            if not text:
                continue
            where = self.where
            # In the flow or a cell, one word (letters and digits only: one C-level test,
            # cheaper than the pattern; most words in tables are numbers).
            if where <= _CELL and (text.isalnum() or single_word(text)):
                # SourceCursor.find's usual case: found in the text piece at the cursor.
                j = cursor.j
                base = offsets[j]
                local = cursor.pos - base
                at = pieces[j].find(text, local, local + window + 8 * len(text))
                if at == -1:
                    self.items.append(find(text))
                else:
                    at += base
                    cursor.pos = at + len(text)
                    self.items.append([(text, at, True)])
            elif text.isspace():
                if where <= _CELL:  # _FLOW or _CELL
                    if "\n" not in text:
                        self.items.append(_SPACE)
                    elif self.pre and where == _FLOW:
                        self._flush()
                    else:
                        self.items.append(_BREAK)
            elif where <= _CELL and "\n" not in text and single_word(core := text.strip()):
                # One word between spaces (a number between &nbsp;): what _text does.
                items = self.items
                if text[0] != core[0]:
                    items.append(_SPACE)
                items.append(find(core))
                if text[-1] != core[-1]:
                    items.append(_SPACE)
            else:
                text_of(text)
        self._flush()

    def _flow_start(self, el: etree._Element, tag: str) -> tuple[int, object]:
        """An element in the page's flow or in a cell."""
        if tag == "br":
            self._line_break()
            return _NO_ACTION
        if tag == "table" and self.where == _FLOW and is_data_table(el):
            self._flush()
            saved = (self.rows, self.groups, self.row, self.where, el)
            self.rows, self.groups, self.row, self.where = [], Groups(), None, _TABLE
            return (_TABLE_END, saved)
        if tag in _BLOCK:
            self._line_break()
            if tag == "pre":
                self.pre += 1
                return (_PRE_END, None)
            return _BLOCK_ACTION
        if tag in _NOTES and _note_mark(self.line):
            return _NOTE_ACTION  # (the caller skips it)
        if tag == "img":
            self._figure(el)
        return _NO_ACTION

    def _figure(self, img: etree._Element) -> None:
        """Note a picture of the flow (not an icon: one drawn under ``_ICON_PX`` either
        way), where its start tag stands, the cursor just past it: a statistical table
        printed as a picture is then told from one left out. What names it: its alt text,
        else its title (the tooltip some editors fill instead), else its file name."""
        for side in ("width", "height"):
            size = (img.get(side) or "").strip().removesuffix("px").rstrip()
            if size.isdecimal() and size.isascii() and int(size) < _ICON_PX:
                return
        cursor = self.cursor
        end = cursor.pos
        start = cursor.offsets[cursor.j - 1] if cursor.j else end
        line = cursor.line_of(start)
        column = start - cursor.line_starts[line - 1] + 1
        source = img.get("src") or ""
        name = (img.get("alt") or "").strip() or (img.get("title") or "").strip()
        if not name and not source.startswith("data:"):  # (a data URI names nothing)
            name = source.partition("?")[0].rpartition("/")[2]
        tag_end = column + (end - start if cursor.line_of(end) == line else 4)
        self.figures.append(Figure(line, column, tag_end, figure_name(name)))

    def _white_space_start(self, el: etree._Element, tag: str) -> tuple[int, object]:
        """An element in the flow that sets white-space (``self.white_space``): until its
        end, line breaks in the text break the flow line (as in a ``<pre>``) or not."""
        block = tag in _BLOCK
        if block:
            self._flush()
        saved = self.pre
        self.pre = 1 if self.white_space[el] else 0
        return (_WHITE_SPACE_END, (saved, block))

    def _display_start(self, el: etree._Element) -> tuple[int, object]:
        """An element in the flow or a cell drawn otherwise than its tag (``self.display``):
        drawn as a block, it starts and ends a line (a line break in a cell); a block's tag
        drawn in its line does neither."""
        if not self.display[el]:
            return _NO_ACTION
        if self.where == _CELL:
            self.items.append(_BREAK)
        else:
            self._line_break()
        return _BLOCK_ACTION

    def _table_start(self, el: etree._Element, tag: str) -> tuple[int, object]:
        """An element directly in a data table or in its thead/tbody/tfoot."""
        if tag in _GROUP_TAGS:
            self.groups.explicit(tag == "tfoot")
            return (_GROUP_END, None)
        if tag == "tr":
            row = Row(self.groups.rows, self.groups.current())
            self.groups.rows += 1
            self.rows.append(row)
            self.row = row
            self.where = _ROW
            return (_ROW_END, None)
        if tag in ("colgroup", "col"):
            self._skip(el)
            return (_RESTORE, (self.items, _TABLE))  # nothing in it is read
        # A caption, or stray content the page put between rows: a line of its own.
        items: list[_Item] = []
        self.rows.append(items)
        saved = (self.items, _TABLE)
        self.items, self.where = items, _CELL
        return (_RESTORE, saved)

    def _in_step(self, el: etree._Element) -> tuple[list[etree._Element], list[object]] | None:
        """The elements below ``el`` and their tags, if their start tags are the next ones
        in the source, one for one (one comparison of lists: no comment, no tag the parser
        dropped or invented), and none is dropped or hidden; else None. What a plain table
        or row needs (see :meth:`_fill_table`, :meth:`_fill_row`)."""
        inner = list(el.iterdescendants())
        tags = list(map(_TAG, inner))  # a comment's tag is a function: never a name
        start = self.cursor.k
        if (
            self.cursor.names[start : start + len(inner)] != tags
            or not _NOT_PLAIN.isdisjoint(tags)
            or (self.hidden and not self.hidden.isdisjoint(inner))
            or (self.display and not self.display.keys().isdisjoint(inner))
        ):
            return None
        return inner, tags

    def _fill_table(self, table: etree._Element, depth: int) -> bool:
        """Read a whole data table at once, each row as :meth:`_fill_row` reads one; False
        (and nothing done) if any part of it is not plain.

        Plain: the table holds rows, or row groups (thead, tbody, tfoot) of rows, with
        nothing but spaces between them, every row plain as :meth:`_plain_row` says (here
        tested for all rows together), and below the table only elements whose start tags
        are the next ones in the source, one for one. The table's elements are looked at
        together, once (their tags, texts, tails: one C-level pass each; one comparison
        with the cursor's names), not once per row; the walk's two events for each group
        and row are not made, and all cells are read in one pass (:meth:`_read_cells`).
        ``depth`` is the walk's stack with the table on it.
        """
        text = table.text
        if (text and not text.isspace()) or depth >= self.depth_limit:
            return False  # depth: a group's, which the rows' own test does not cover
        cursor = self.cursor
        start = cursor.k
        below = self._in_step(table)
        if below is None:
            return False
        inner, tags = below
        count = len(inner)
        # The groups and rows in document order, each a child of the table or of a group
        # (_GROUP, _LOOSE_ROW or _GROUPED_ROW), found where their tags are.
        layout: list[tuple[etree._Element, int]] = []
        for child in table:
            tag = child.tag
            if tag == "tr":
                layout.append((child, _LOOSE_ROW))
            elif tag in _GROUP_TAGS:
                layout.append((child, _GROUP))
                grouped = list(child)
                if list(map(_TAG, grouped)) != ["tr"] * len(grouped):
                    return False
                layout.extend(zip(grouped, repeat(_GROUPED_ROW)))
            else:
                return False  # a caption, a colgroup, stray content: the walk reads them
        # The table's parts (groups, rows, cells) found once; the groups and rows, and the
        # cells, then picked from them (passes over the parts, not over every element:
        # a cell of a Word page holds three or four).
        parts = list(compress(range(count), map(_TABLE_PARTS.__contains__, tags)))
        part_tags = list(map(tags.__getitem__, parts))
        structure = list(compress(parts, map(_STRUCTURE.__contains__, part_tags)))
        if len(structure) != len(layout) or not all(
            map(is_, map(_FIRST, layout), map(inner.__getitem__, structure))
        ):
            return False
        # The cells: the rows' children, each a td or th below the table, one for one.
        rows = [el for el, kind in layout if kind != _GROUP]
        cells = list(chain.from_iterable(rows))
        is_cell = list(map(_CELL_TAGS.__contains__, part_tags))
        firsts = list(compress(parts, is_cell))
        if len(cells) != len(firsts) or not all(map(is_, cells, map(inner.__getitem__, firsts))):
            return False
        texts = list(map(_TEXT, inner))
        tails = list(map(_TAIL, inner))
        around = "".join(filter(None, map(texts.__getitem__, structure)))
        around += "".join(filter(None, map(tails.__getitem__, structure)))
        around += "".join(filter(None, map(tails.__getitem__, firsts)))  # the cells' tails
        if around and not around.isspace():
            return False
        # The most elements below a row (reading a row recurses once per level of its
        # cells' elements; a row in a group is two below the table): else the walk reads
        # the table, row by row. Each row's and cell's elements end where the next group,
        # row or cell starts.
        parts.append(count)
        row_ends = structure[1:]
        row_ends.append(count)
        largest = max(map(sub, row_ends, structure), default=1) - 1
        if largest > _ROW_ELEMENTS or depth + 2 + largest >= self.depth_limit:
            return False
        ends = list(compress(parts[1:], is_cell))  # each cell's: the next part's start
        # Read: the rows and their groups as the walk numbers them, then the cells.
        groups, table_rows = self.groups, self.rows
        in_group = False
        lengths: list[tuple[Row, int]] = []
        for el, kind in layout:
            if kind == _GROUP:
                if in_group:
                    groups.end_explicit()
                groups.explicit(el.tag == "tfoot")
                in_group = True
                continue
            if kind == _LOOSE_ROW and in_group:
                groups.end_explicit()
                in_group = False
            row = Row(groups.rows, groups.current())
            groups.rows += 1
            table_rows.append(row)
            lengths.append((row, len(el)))
        if in_group:
            groups.end_explicit()
        rowspans, colspans = self._read_spans(cells)
        segments = self._read_cells(inner, tags, texts, tails, start, firsts, ends)
        at = 0
        for row, length in lengths:
            end = at + length
            row.segments = segments[at:end]
            row.rowspans = rowspans[at:end]
            row.colspans = colspans[at:end]
            at = end
        k = start + count
        if cursor.k != k:  # where the walk leaves the cursor: after the last start tag
            cursor.k = k
            cursor.j = cursor.start_tags[k - 1] + 1
            cursor.pos = cursor.offsets[cursor.j]
        return True

    def _fill_row(self, tr: etree._Element, depth: int) -> bool:
        """Read the cells of a data-table row at once, as the walk would read them; False
        (and nothing done) if the row is not plain (:meth:`_plain_row`). ``depth`` is the
        walk's stack with the row on it."""
        text = tr.text
        row = self.row
        if (text and not text.isspace()) or row is None or row.rowspans:
            return False
        below = self._in_step(tr)
        if below is None:
            return False
        inner, tags = below
        tails = list(map(_TAIL, inner))
        found = self._plain_row(tr, depth, inner, tags, tails)
        if found is None:
            return False
        self._read_row(row, found, inner, tags, list(map(_TEXT, inner)), tails)
        return True

    def _plain_row(
        self,
        tr: etree._Element,
        depth: int,
        inner: list[etree._Element],
        tags: list[object],
        tails: list[str | None],
    ) -> tuple[list[etree._Element], list[int]] | None:
        """The row's cells and where each is in ``inner`` (the row's elements, whose start
        tags the caller found to be the next ones in the source, none dropped or hidden),
        if the row is plain; else None.

        Plain: only ``td``/``th`` children with nothing but spaces around them, not too
        many elements below the row (reading a plain row recurses once per level of its
        cells' elements), none deeper than the limit.
        """
        count = len(inner)
        if count > _ROW_ELEMENTS or depth + count >= self.depth_limit:
            return None
        # The cells: the row's children, each the next td or th below the row.
        firsts = list(compress(range(count), map(_CELL_TAGS.__contains__, tags)))
        cells = list(tr)
        if len(cells) != len(firsts) or not all(map(is_, cells, map(inner.__getitem__, firsts))):
            return None
        around = "".join(filter(None, map(tails.__getitem__, firsts)))  # the cells' tails
        if around and not around.isspace():
            return None
        return cells, firsts

    def _read_row(
        self,
        row: Row,
        plain: tuple[list[etree._Element], list[int]],
        inner: list[etree._Element],
        tags: list[object],
        texts: list[Any],  # str or None, as lxml gives them
        tails: list[str | None],
    ) -> None:
        """Read a plain row (:meth:`_plain_row`), the cursor just past its start tag."""
        cells, firsts = plain
        cursor = self.cursor
        start = cursor.k
        count = len(inner)
        row.rowspans, row.colspans = self._read_spans(cells)
        ends = [*firsts[1:], count] if firsts else []
        row.segments = self._read_cells(inner, tags, texts, tails, start, firsts, ends)
        k = start + count
        if cursor.k != k:  # where the walk leaves the cursor: after the last start tag
            cursor.k = k
            cursor.j = cursor.start_tags[k - 1] + 1
            cursor.pos = cursor.offsets[cursor.j]

    def _read_spans(self, cells: list[etree._Element]) -> tuple[list[int], list[int]]:
        """The rowspan and colspan of each of a plain table's or row's cells, read in the
        walk's order (so that an error is the walk's).

        Each attribute is asked of all cells in one C-level pass, by a bytes name: lxml
        turns a str name into bytes at every call (the two passes cost about 40 % less
        than a comprehension asking each cell for both by str names). A cell whose value
        is empty is left at 1, which is what reading it gives.
        """
        count = len(cells)
        rowspans = [1] * count
        colspans = rowspans.copy()
        given_rows = list(map(_GET, cells, repeat(b"rowspan")))
        given_columns = list(map(_GET, cells, repeat(b"colspan")))
        if given_rows.count(None) != count or given_columns.count(None) != count:
            read_span = self.spans.read
            # The numbers read so far in this page, by the attribute's value: a page writes
            # the same few values again and again (a table of 36 spanned cells: 36 → 9 µs).
            read_rows, read_columns = self.read_rowspans, self.read_colspans
            spanned = {*compress(range(count), given_rows), *compress(range(count), given_columns)}
            for c in sorted(spanned):
                rowspan, colspan = given_rows[c], given_columns[c]
                if rowspan:
                    number = read_rows.get(rowspan)
                    if number is None:
                        number = read_rows[rowspan] = read_span("rowspan", rowspan)
                    rowspans[c] = number
                if colspan:
                    number = read_columns.get(colspan)
                    if number is None:
                        number = read_columns[colspan] = read_span("colspan", colspan)
                    colspans[c] = number
        return rowspans, colspans

    def _read_cells(
        self,
        inner: list[etree._Element],
        tags: list[object],
        texts: list[Any],  # str or None, as lxml gives them
        tails: list[str | None],
        start: int,
        firsts: list[int],
        ends: list[int],
    ) -> list[list[Seg]]:
        """Per cell of a plain row or table, its text's segments and then its TAB.

        ``inner`` holds the elements below the row or table (``tags``, ``texts``, ``tails``:
        theirs),
        whose start tags are those from start tag ``start`` on in the source, one for one;
        cell ``c`` is ``inner[firsts[c]]``, its elements end before ``ends[c]``. Most cells
        are read in one step: a cell whose text is one word in one text node, or none,
        with at most one element in it (``<td>1</td>``, ``<td><p>1</p></td>``), is that
        word's segment, found where the walk finds it (from the text after the start tag
        the word follows: where the cells before left the cursor does not matter); any
        other cell is read by :meth:`_two_words` or by :meth:`_cell_children`, without
        the walk's two events per element. The cursor is moved only where a text is looked
        for, and left where the last cell that holds a word leaves it.
        """
        cursor = self.cursor
        starts, offsets, pieces = cursor.start_tags, cursor.offsets, cursor.pieces
        single_word = _WORD.fullmatch
        segments: list[list[Seg]] = []
        saved = self.items, self.where
        self.where = _CELL
        # Where the last word found in one step left the cursor (k: -1, none since the
        # cursor was last moved): written to the cursor only when it matters (a cell read
        # by the walk's methods, a word looked for further, the row's end).
        last_k, last_j, last_pos = -1, 0, 0
        try:
            for i, end in zip(firsts, ends, strict=True):
                j = starts[start + i] + 1  # the text piece after the cell's start tag
                tab = ("\t", offsets[j], False)
                # The cell's one text node that is not only spaces: at ``found`` (-1:
                # none; -2: more than one, or a tail in the cell that is not spaces).
                text = texts[i]
                found = i if text and not text.isspace() else -1
                x = i + 1
                while x < end:
                    more = texts[x]
                    if more and not more.isspace():
                        if found != -1:
                            found = -2
                            break
                        found, text = x, more
                    more = tails[x]
                    if more and not more.isspace():
                        found = -2
                        break
                    x += 1
                if found == -1:
                    segments.append([tab])  # an empty cell
                    continue
                if found >= 0:
                    core = text.strip()
                    if core.isalnum() or single_word(core):  # isalnum: the cheaper test
                        # SourceCursor.find's usual case, in line: from the start of the
                        # text piece after the start tag the text follows.
                        if found != i:
                            j = starts[start + found] + 1
                        base = offsets[j]
                        at = pieces[j].find(core, 0, WINDOW + 8 * len(core))
                        if at == -1:
                            cursor.k, cursor.j, cursor.pos = start + found + 1, j, base
                            last_k = -1
                            segment = cursor.find(core)
                            segment.append(tab)
                            segments.append(segment)
                        else:
                            at += base
                            last_k, last_j, last_pos = start + found + 1, j, at + len(core)
                            segments.append([(core, at, True), tab])
                        continue
                if end - i <= _TWO_WORDS_ELEMENTS:
                    two = self._two_words(inner, tags, texts, tails, start, i, end)
                    if two is not None:
                        segment, last_k, last_j, last_pos = two
                        segment.append(tab)
                        segments.append(segment)
                        continue
                # Any other cell: what the walk does, without its events.
                if last_k != -1:
                    cursor.k, cursor.j, cursor.pos = last_k, last_j, last_pos
                    last_k = -1
                k = start + i + 1  # start tags entered: the cell's, as the walk's cursor.k
                items: list[_Item] = []
                self.items = items
                text = texts[i]
                if text and not text.isspace():  # spaces before the first word: nothing
                    self._cell_text(text, k)
                if end - i > 1:
                    self._cell_children(inner[i], k)
                segments.append([*_join(items), tab])
        finally:
            self.items, self.where = saved
        if last_k != -1:
            cursor.k, cursor.j, cursor.pos = last_k, last_j, last_pos
        return segments

    def _two_words(
        self,
        inner: list[etree._Element],
        tags: list[object],
        texts: list[Any],
        tails: list[Any],
        start: int,
        first: int,
        end: int,
    ) -> tuple[list[Seg], int, int, int] | None:
        """A plain cell's segments if its text is two words with a line break between
        (``<p>商业<br>企业</p>``, ``<p>一</p><p>二</p>``), each found where the walk finds
        it, and where the walk leaves the cursor (start tags entered, text piece, offset);
        None for any other cell (:meth:`_read_cells`' arguments; the cell is ``first``).

        What the walk gives such a cell, made directly (the walk's methods cost about as
        much for it as for fifteen cells of one word): the cell's only text nodes that are
        not spaces are the text of an element and then the text of an element after it, or
        the tail of one after it with nothing inside; a block or a ``<br>`` starts between
        the two (a break, which outweighs the spaces that may stand between them; spaces
        before the first and after the second give nothing); each is one word as
        :meth:`_cell_text` reads it, found in the text after the start tag it follows, as
        there (the cursor is reset to that start tag). The words are joined as ``_join``
        joins them across a break: nothing between CJK text, else a space.
        """
        nodes: list[tuple[int, Any, bool]] = []  # (element, text, whether a tail)
        for x in range(first, end):
            text = texts[x]
            if text and not text.isspace():
                nodes.append((x, text, False))
            if x > first:
                text = tails[x]
                if text and not text.isspace():
                    nodes.append((x, text, True))
        if len(nodes) != 2:
            return None
        (a, text, tail), (c, second, second_tail) = nodes
        if (
            tail
            or a == c
            or (second_tail and len(inner[c]))
            or _BREAKS.isdisjoint(tags[a + 1 : c + 1])
        ):
            return None
        cursor = self.cursor
        starts, offsets, pieces = cursor.start_tags, cursor.offsets, cursor.pieces
        found: list[Seg] = []
        for x, raw in ((a, text), (c, second)):
            if raw.isalnum() or _WORD.fullmatch(raw):
                core = raw
            elif "\n" not in raw and _WORD.fullmatch(core := raw.strip()):
                pass
            else:
                return None  # words and spaces: the walk's methods read them
            j = starts[start + x] + 1
            at = pieces[j].find(core, 0, WINDOW + 8 * len(core))
            if at == -1:
                return None  # not at the start tag: the walk's full search
            found.append((core, offsets[j] + at, True))
        (one, at, _), (two, second_at, _) = found
        if not (_wide(one[-1]) or _wide(two[0])):
            found.insert(1, (" ", at + len(one), False))
        return found, start + c + 1, starts[start + c] + 1, second_at + len(two)

    def _cell_children(self, el: etree._Element, k: int) -> int:
        """What the walk does with the children of an element in a plain row's cell (see
        :meth:`_fill_row`): for each, its start tag, a break for a block or ``<br>``, its
        text, its children, a break at the end of a block, its tail. ``k``: the start
        tags entered so far; returns it, after the children."""
        items = self.items
        for child in el:
            k += 1
            tag = child.tag
            block = tag in _BLOCK
            if (block or tag == "br") and items:
                items.append(_BREAK)
            if tag in _NOTES and _note_mark(items):
                k = self._skip_note(child, k)  # not read, as the walk skips it
            else:
                text = child.text
                if text:
                    if not text.isspace():
                        self._cell_text(text, k)
                    elif items:  # spaces and breaks before a cell's first word change nothing
                        items.append(_BREAK if "\n" in text else _SPACE)
                if len(child):
                    k = self._cell_children(child, k)
                if block and items:
                    items.append(_BREAK)
            tail = child.tail
            if tail:
                if not tail.isspace():
                    self._cell_text(tail, k)
                elif items:
                    items.append(_BREAK if "\n" in tail else _SPACE)
        return k

    def _skip_note(self, note: etree._Element, k: int) -> int:
        """Pass over a note mark in a plain row's cell (``_note_mark``), whose start tag is
        start tag ``k``: its start tags and its end tag, as ``_skip`` does in the walk;
        returns the start tags entered, after it."""
        k += sum(1 for _ in note.iterdescendants())  # (no comment in a plain row)
        cursor = self.cursor
        cursor.k = k
        cursor.j = cursor.start_tags[k - 1] + 1
        cursor.pos = cursor.offsets[cursor.j]
        cursor.leave(note.tag)
        return k

    def _cell_text(self, text: str, k: int) -> None:
        """A text node (not only spaces: the callers add those) in a plain row's cell,
        after ``k`` start tags: what the walk's loop does with it. The cursor is first
        moved past start tag ``k`` if it is not there yet (:meth:`_fill_row` moves it only
        where a text is looked for)."""
        cursor = self.cursor
        if cursor.k != k:
            cursor.k = k
            cursor.j = cursor.start_tags[k - 1] + 1
            cursor.pos = cursor.offsets[cursor.j]
        items = self.items
        if text.isalnum() or _WORD.fullmatch(text):  # isalnum: the cheaper test
            core = text
        elif "\n" not in text and _WORD.fullmatch(core := text.strip()):
            # One word between spaces (a number between &nbsp;): what _text does.
            if text[0] != core[0] and items:
                items.append(_SPACE)
        else:
            self._text(text)
            return
        # SourceCursor.find's usual case, in line: in the text piece at the cursor.
        j = cursor.j
        base = cursor.offsets[j]
        local = cursor.pos - base
        at = cursor.pieces[j].find(core, local, local + WINDOW + 8 * len(core))
        if at == -1:
            items.append(cursor.find(core))
        else:
            at += base
            cursor.pos = at + len(core)
            items.append([(core, at, True)])
        if text[-1] != core[-1]:
            items.append(_SPACE)

    def _row_start(self, el: etree._Element, tag: str) -> tuple[int, object]:
        """An element directly in a table row."""
        saved = (self.items, _ROW)
        if tag in ("td", "th"):
            self.items = self._cell(el)
        else:
            # Content between cells: the page shows it; keep it with the cell before.
            row = self.row
            self.items = row.items[-1] if row is not None and row.items else []
            if tag in _BLOCK:
                self.items.append(_BREAK)
        self.where = _CELL
        return (_RESTORE, saved)

    def _cell(self, el: etree._Element) -> list[_Item]:
        """Add a cell to the row being collected (its start tag already entered); returns
        the list its items go into."""
        rowspan = el.get("rowspan")
        colspan = el.get("colspan")
        rowspan = 1 if rowspan is None else self.spans.read("rowspan", rowspan)
        colspan = 1 if colspan is None else self.spans.read("colspan", colspan)
        if self.row is None:
            return []
        return self.row.add(self.cursor.pos, rowspan, colspan)

    def _end(self, action: tuple[int, object]) -> None:
        kind, saved = action
        if kind == _BLOCK_END:
            self._line_break()
        elif kind == _RESTORE:
            self.items, self.where = saved  # type: ignore[misc]
        elif kind == _ROW_END:
            self.row = None
            self.where = _TABLE
        elif kind == _GROUP_END:
            self.groups.end_explicit()
        elif kind == _PRE_END:
            self.pre -= 1
            self._line_break()
        elif kind == _WHITE_SPACE_END:
            pre, block = cast("tuple[int, bool]", saved)
            self.pre = pre
            if block:
                self._line_break()
        elif kind == _TABLE_END:
            rows = foot_last(self.rows, self.groups.foot)
            self.rows, self.groups, self.row, self.where, table = cast(
                "tuple[list[Row | list[_Item]], Groups, Row | None, int, etree._Element]", saved
            )
            collapsed = _collapsed_columns(table, self.hidden) if self.hidden else None
            self._emit_table(rows, collapsed)

    def _field(self, el: etree._Element) -> None:
        """A form field in a cell, its start tag just entered: a text field's ``value`` is
        read (``<td><input value="12" readonly></td>``: a CMS that draws the report's
        tables as a form), each word found in the start tag, from the value on."""
        value = el.get("value")
        if not value or (el.get("type") or "").strip().lower() not in _TEXT_FIELDS:
            return
        cursor = self.cursor
        j = cursor.j - 1  # the start tag's piece, if the cursor entered it
        entered = j > 0 and cursor.names[cursor.k - 1] == "input"
        found = _VALUE.search(cursor.pieces[j]) if entered else None
        saved = cursor.j, cursor.pos
        if found is not None:
            cursor.j, cursor.pos = j, cursor.offsets[j] + found.end()
        self._text(value)
        cursor.j, cursor.pos = saved

    def _text_area(self, area: etree._Element) -> None:
        """A ``<textarea>`` in a cell, its start tag just entered: its text is read, as a
        browser shows it in the box (a CMS that draws the report's tables as a form)."""
        text = area.text
        if text and not text.isspace():
            self._text(text)

    def _select(self, select: etree._Element) -> None:
        """A ``<select>`` in a cell, its start tag just entered: the text of the option it
        shows is read (a CMS that draws the report's tables as a form shows each value as
        the chosen option of a drop-down list): the first option marked ``selected``, else
        the first option, as a browser shows a list of one line; nothing for a list drawn
        several lines high (``multiple``, ``size``), which shows several options."""
        if select.get("multiple") is not None or (select.get("size") or "1").strip() not in (
            "",
            "0",
            "1",
        ):
            return
        options = _OPTIONS(select)
        if not options:
            return
        chosen = next((el for el in options if el.get("selected") is not None), options[0])
        text = " ".join("".join(_OPTION_TEXT(chosen)).split())
        if not text:
            return
        # Found in the source from the chosen option's start tag on; the cursor is put back
        # after, for the walk's ``_skip`` to pass the list's start tags as for any element.
        cursor = self.cursor
        saved = cursor.k, cursor.j, cursor.pos
        for inner in select.iterdescendants():
            tag = tag_of(inner)
            if tag is not None:
                cursor.enter(tag, inner.sourceline)
            if inner is chosen:
                break
        self._text(text)
        cursor.k, cursor.j, cursor.pos = saved

    def _frame(self, iframe: etree._Element) -> None:
        """An ``<iframe>`` in the flow, its start tag just entered: the page its ``srcdoc``
        holds is read (:meth:`_read_frame`); nothing for any other frame."""
        if iframe.get("srcdoc") is None:
            return
        cursor = self.cursor
        j = cursor.j - 1
        if j <= 0 or cursor.names[cursor.k - 1] != "iframe":
            return
        found = _SRCDOC.search(cursor.pieces[j])
        if found is not None:
            group = found.lastindex or 1  # the quotes the value is in, or none
            at = cursor.offsets[j] + found.start(group)
            self._read_frame(found.group(group) or "", at)

    def _read_frame(self, raw: str, offset: int) -> None:
        """Read the page an ``<iframe srcdoc>`` holds (``raw``: the attribute's value as
        the source writes it, from ``offset``) where the frame stands, as lines of its own:
        a report a CMS shows in a frame. Each character leads back to its place in the
        attribute (a character written as a reference, ``&lt;``, to its "&")."""
        inner, places = _unescape_with_places(raw, offset)
        if "<" not in inner:
            return
        encoded = inner.encode("utf-8")
        root = parse_page(encoded)
        if root is None:
            return
        self._flush()
        frame = _Extractor(
            SourceCursor(inner, inner.split("\n")),
            _PlacedBuilder(self.builder, places),
            self.limits,
        )
        frame.spans, frame.grid, frame.tables = self.spans, self.grid, self.tables
        frame.run(root, encoded)
        self.tables = frame.tables

    def _skip(self, el: etree._Element) -> None:
        """Pass over an element whose content is not read: its start tags, then its end.

        When the elements below it are the next start tags of the source, one for one (a
        hidden menu, a form: most), the cursor moves past them at once, as entering each
        would move it; else each is entered (a comment, a tag the parser dropped)."""
        cursor = self.cursor
        inner = list(el.iterdescendants())
        if inner:
            start = cursor.k
            end = start + len(inner)
            if cursor.names[start:end] == list(map(_TAG, inner)):
                cursor.k = end
                cursor.j = cursor.start_tags[end - 1] + 1
                cursor.pos = cursor.offsets[cursor.j]
            else:
                for below in inner:
                    tag = tag_of(below)
                    if tag is not None:
                        cursor.enter(tag, below.sourceline)
        cursor.leave(el.tag)

    def _too_deep(self, depth: int) -> None:
        limit = self.limits.max_html_depth
        if depth >= _LIBXML2_DEPTH:
            found = f"elements nested {_LIBXML2_DEPTH} deep or more, the most the parser keeps"
        else:
            found = f"elements nested {depth} deep"
        raise over("max-html-depth", limit, found)

    # -- data tables

    def _emit_table(self, rows: list[Row | list[_Item]], collapsed: set[int] | None = None) -> None:
        """Lay the table out and add its lines: rows, and stray lines between them.

        The lines are handed to the builder together (``TextBuilder.lines_at``: one call a
        table, not three a row), and each row's geometry is then filed under its line.
        The cells that stand in ``collapsed`` columns only (:func:`_collapsed_columns`)
        are taken out, and the others moved to where a browser draws them.
        """
        table_rows = [entry for entry in rows if isinstance(entry, Row)]
        self.spans.lay_out(table_rows)
        if collapsed:
            columns = sorted(collapsed)
            for table_row in table_rows:
                _drop_cells_in(table_row, columns)
        number = self.tables
        self.tables += 1
        lines: list[tuple[list[Seg], int | None]] = []
        placed: list[tuple[int, GridRow]] = []  # (index in lines, the row's geometry)
        for entry in rows:
            if isinstance(entry, Row):
                line = self._row_line(entry)
                if line is not None:
                    shapes = entry.shapes
                    stacked = _stacked_rows(line, self.cursor.src)
                    for part, lead in stacked or ((line, 0),):
                        placed.append((len(lines), GridRow(number, entry.index, shapes[lead:])))
                        lines.append(part)
                continue
            segs = _join(entry)
            if segs:
                lines.append((segs, None))
        first = self.builder.lines_at(lines)
        grid = self.grid
        for index, row in placed:
            grid[first + index] = row

    def _row_line(self, row: Row) -> tuple[list[Seg], int | None] | None:
        """The TAB-joined line for the cells that start in ``row`` and where the mark of an
        empty last cell goes (None: no mark); None for a row of nothing but TABs.

        Each cell's segments are followed by its TAB, which leads back to the cell, so
        that the column of an empty cell (where the next TAB stands) finds the cell; the
        line is these lists chained, less the last TAB.
        """
        segments = row.segments
        if segments is None:  # a row read by the walk: join each cell's words
            segments = [
                [*_join(items), tab] for items, tab in zip(row.items, row.tabs, strict=True)
            ]
        line = list(chain.from_iterable(segments))
        if len(line) == len(segments):
            return None  # nothing in the row but TABs: no line
        last = line.pop()  # the TAB after the last cell
        # An empty last cell is the end of the line: a mark there is the cell's place.
        return line, last[1] if len(segments[-1]) == 1 else None
