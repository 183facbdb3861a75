"""Read a Word .docx report: paragraphs and tables in document order, merged cells expanded.

A Word user cannot go to "line 57, column 9", so every piece of text carries a locator they
can find in the document instead — ``第 12 段`` for a paragraph, ``表格 2，第 5 行，第 3 列``
for a table cell — and its line and column are those of the extracted text, which is what
``xxgk-lint parse --text`` shows.

Layout: each paragraph is a line (a manual line break inside it starts another line with
the same locator); each table row is a line of one TAB-separated field per cell that starts
in the row — a ``w:vMerge`` continuation has none, a ``w:gridSpan`` cell is one field — and
``Source.grid`` records each field's grid column (after ``w:gridBefore`` and the spans to its
left), its span and its rows. Columns in locators count grid columns.

What the flow of paragraphs hides is read where it stands: a table used for layout (one
cell in every row, a border around the whole report; or a cell holding paragraphs around a
table) gives its paragraphs as lines and its tables as tables, and a text box
(``w:txbxContent``; of ``mc:AlternateContent`` only the ``mc:Choice``) gives its paragraphs
where it is anchored. What the document holds in other parts is read where it stands too:
an Excel worksheet embedded as an object (:mod:`.xlsx_sheet`) as the table it shows, a
Word document embedded as an object as its paragraphs and tables, and the content a
``w:altChunk`` imports (a web page, another Word document, plain text; not
RTF) as the paragraphs and tables Word makes of it.

A document with tracked changes is read as it is with its changes accepted: deleted and
moved-away runs and rows are not read, inserted ones are; a paragraph whose mark is deleted
joins the next one (as one whose mark is hidden does), and one deleted whole is gone (its
list number not counted). A field shows its result, not its code (nor the results of
fields nested in its code). Characters Word draws nothing for (a soft hyphen, direction
marks, zero-width spaces) are not in the text.

Word list numbering is not in the text of a paragraph: a heading numbered by Word shows
"一、" but its text is "总体情况". The number is rendered from the numbering definitions,
so that the parser sees the heading as the reader of the document does.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import field

from lxml import etree

from xxgk_lint.records import record
from xxgk_lint.sources.archive import check_archive
from xxgk_lint.sources.docx_package import open_document
from xxgk_lint.sources.limits import DEFAULT_LIMITS, Limits, over, too_many_cells
from xxgk_lint.sources.model import (
    Figure,
    GridCell,
    GridRow,
    InputError,
    LimitError,
    Source,
    TextBuilder,
    figure_name,
)
from xxgk_lint.sources.xlsx_sheet import sheet_rows

__all__ = ["read_docx"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {
    "w": _W,
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "o": "urn:schemas-microsoft-com:office:office",
}


def _q(name: str) -> str:
    return f"{{{_W}}}{name}"


def _xpath(path: str) -> etree.XPath:
    return etree.XPath(path, namespaces=_NS)


# Runs whose text the reader sees: not deleted, not moved away, not hidden (w:vanish: Word
# neither shows nor prints hidden text, such as a template's instructions or a value kept
# from last year), not in the fallback copy of a drawing (mc:AlternateContent holds a text
# box twice: its mc:Choice is read), and not in a text box the paragraph holds ($boxes: the
# text boxes the paragraph itself is in; a text box's paragraphs are read on their own,
# where the box stands, see _segments).
#: The values that turn an on/off property such as w:vanish off (no w:val: on).
_OFF = ("0", "false", "off")
_RUNS = _xpath(
    ".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::mc:Fallback)]"
    f"[not(w:rPr/w:vanish[not({' or '.join(f'@w:val = {v!r}' for v in _OFF)})])]"
    "[count(ancestor::w:txbxContent) = $boxes]"
)
# The text boxes and embedded objects (o:OLEObject: an Excel sheet shown as a table) a
# paragraph holds (not those of text boxes inside them, nor fallback copies).
_BOXES = _xpath(
    ".//*[self::w:txbxContent or self::o:OLEObject]"
    "[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::mc:Fallback)]"
    "[count(ancestor::w:txbxContent) = $boxes]"
)
_VAL = _q("val")
_T, _TAB, _PTAB, _BR, _CR, _NO_BREAK_HYPHEN = (
    _q(name) for name in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen")
)
_TR, _TC, _P, _TBL, _R = (_q(name) for name in ("tr", "tc", "p", "tbl", "r"))
_TXBX = _q("txbxContent")
_OLE = f"{{{_NS['o']}}}OLEObject"
_ALT_CHUNK = _q("altChunk")
_RID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_RPR, _PPR, _VANISH = _q("rPr"), _q("pPr"), _q("vanish")
_SPEC_VANISH = _q("specVanish")
_TR_PR, _DEL = _q("trPr"), _q("del")
_SYM, _CHAR, _FONT = _q("sym"), _q("char"), _q("font")
_FLD_CHAR, _FLD_CHAR_TYPE = _q("fldChar"), _q("fldCharType")
_SDT, _SDT_CONTENT, _CUSTOM_XML = _q("sdt"), _q("sdtContent"), _q("customXml")

#: A picture in a paragraph: DrawingML's (``pic:pic``, in a ``w:drawing``) or VML's
#: (``v:imagedata``, in a ``w:pict`` of older documents); its alt text is on the drawing's
#: ``wp:docPr`` (``descr``) or the VML shape (``alt``).
_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"
_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_DRAWING, _OBJECT = _q("drawing"), _q("object")

# Body-level containers whose children are paragraphs and tables.
_CONTAINERS = (_q("sdt"), _q("customXml"))


def read_docx(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS, depth: int = 0) -> Source:
    """Read a .docx file into a Source whose positions carry Word locators.

    The archive's directory is checked against the limits before anything is unpacked.
    ``depth``: of the documents this one is imported into (:func:`_read_chunk`).
    """
    check_archive(data, limits)
    try:
        document = open_document(data)
        body = document.element.body  # type: ignore[attr-defined]
    except Exception as exc:  # python-docx raises many types on bad input
        raise InputError(f"{_NOT_DOCX}: {_reason(exc, data)}") from None
    if body is None:
        part = _part(document.part.partname.lstrip("/"))  # type: ignore[attr-defined]
        raise InputError(f"{_NOT_DOCX}: the main document part ({part}) has no body")
    builder = TextBuilder(max_lines=limits.max_lines)
    numbering = _Numbering.of(document, limits)
    extractor = _Extractor(builder, numbering, limits, _embedded(document), depth)
    extractor.run(body)
    text, positions = builder.build()
    return Source(
        path=path,
        kind="docx",
        encoding=None,
        text=text,
        positions=positions,
        original_lines=tuple(text.split("\n")),
        grid=extractor.grid,
        figures=tuple(extractor.figures),
    )


_NOT_DOCX = "not a valid Word .docx document"


def _pictured_paragraphs(body: etree._Element) -> dict[etree._Element, str]:
    """The paragraphs of ``body`` that hold a picture, each with the first one's alt text
    (its description, else its title; empty if it has none): one pass over the document's
    pictures (most have none), not a look into every paragraph. An embedded object's
    picture of itself (``w:object``'s ``v:imagedata``) is the object's:
    :meth:`_Extractor._sheet` reads it."""
    found: dict[etree._Element, str] = {}
    for picture in body.iter(_PIC, _IMAGEDATA):
        paragraph = next(picture.iterancestors(_P), None)
        if paragraph is None or paragraph in found:
            continue
        if picture.tag == _IMAGEDATA and next(picture.iterancestors(_OBJECT), None) is not None:
            continue
        if picture.tag == _PIC:
            drawing = next(picture.iterancestors(_DRAWING), None)
            label = drawing.find(f".//{_DOC_PR}") if drawing is not None else None
            name = (label.get("descr") or label.get("title") or "") if label is not None else ""
        else:
            shape = picture.getparent()
            name = (shape.get("alt") or "") if shape is not None else ""
        found[paragraph] = figure_name(name)
    return found


#: A part of the package: its bytes, its content type and its name.
_Part = tuple[bytes, str, str]


def _embedded(document: object) -> Callable[[str], _Part | None]:
    """The part the main document part relates to by a relationship id (an embedded
    workbook, an imported chunk), or None (no such part, or a link to a file outside)."""
    part = document.part  # type: ignore[attr-defined]

    def related(rid: str) -> _Part | None:
        rel = part.rels.get(rid)
        if rel is None or rel.is_external:
            return None
        target = rel.target_part
        data = target.blob
        if not isinstance(data, bytes):
            return None
        return data, str(target.content_type or ""), str(target.partname or "")

    return related


#: Documents imported into documents imported into … the report: deeper ones are not read.
_CHUNK_DEPTH = 2


def _read_chunk(data: bytes, kind: str, name: str, limits: Limits, depth: int) -> Source | None:
    """What a ``w:altChunk`` imports (content a CMS or a tool put into the document for
    Word to convert when it opens it): a web page (.htm, .html, .xhtml, or .mht: the
    page in it) through the HTML reader, another Word document through this reader (up
    to :data:`_CHUNK_DEPTH` deep), plain text. None for what is not read — RTF, a chunk
    that cannot be decoded or parsed — and then the document reads on without it; over a
    limit, the document is over it (LimitError).
    """
    kind = kind.lower()
    suffix = name.lower().rpartition(".")[2]
    page = data if "html" in kind or suffix in ("htm", "html", "xhtml") else None
    if page is None and (kind == "message/rfc822" or suffix in ("mht", "mhtml")):
        page = _mht_page(data)
        if page is None:
            return None
    try:
        if page is not None:
            from xxgk_lint.sources.html import read_html

            return read_html(name, page, limits)
        if "wordprocessingml" in kind or suffix in ("docx", "docm", "dotx"):
            return read_docx(name, data, limits, depth + 1) if depth < _CHUNK_DEPTH else None
        if kind == "text/plain" or suffix == "txt":
            from xxgk_lint.sources.text import decode_bytes, normalise_newlines

            text = normalise_newlines(decode_bytes(data)[0])
            return Source(path=name, kind="text", encoding=None, text=text)
    except LimitError:
        raise
    except InputError:
        return None
    return None


def _mht_page(data: bytes) -> bytes | None:
    """The web page of an MHT archive (a MIME message): its first text/html part, as
    UTF-8 with a BOM when the part names its charset."""
    import codecs
    import email

    for part in email.message_from_bytes(data).walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            return None
        charset = part.get_content_charset()
        try:
            text = payload.decode(charset) if charset else None
        except (LookupError, UnicodeDecodeError):
            text = None
        return payload if text is None else codecs.BOM_UTF8 + text.encode("utf-8")
    return None


def _reason(exc: Exception, data: bytes) -> str:
    """One line saying what is wrong with the package, for the user: in words
    :mod:`~xxgk_lint.sources.messages` puts into Chinese, naming the part at fault, never
    a library's own error text (python-docx fails on a damaged part with whatever error the
    code it was running raises: an AttributeError, a TypeError)."""
    import zipfile

    message = " ".join(str(exc).split()).strip("\"'")
    if isinstance(exc, zipfile.BadZipFile):
        return "not a zip archive (the file is damaged, or is not a .docx)"
    if isinstance(exc, KeyError):
        if "[Content_Types].xml" in message or "officeDocument" in message:
            return "a zip archive without a Word document in it"
        named = re.search(r"no item named '([^']*)'", message)
        if named:
            return f"a part of the document is missing ({_part(named.group(1))})"
    if isinstance(exc, ValueError) and "content type is" in message:
        kind = message.rpartition("content type is ")[2].strip("'")
        return f"the package is not a Word document (its main part is {kind})"
    return _damage(data)


def _damage(data: bytes) -> str:
    """What is wrong with a package python-docx could not open: the first part whose XML
    does not parse (and where), a content-type list or main part of the wrong kind."""
    import zipfile

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    roots: dict[str, etree._Element] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                if not name.endswith((".xml", ".rels")):
                    continue
                try:
                    roots[name] = etree.fromstring(archive.read(name), parser)
                except etree.XMLSyntaxError as exc:
                    line, column = exc.position
                    return f"the XML of {_part(name)} is damaged (line {line}, column {column})"
    except Exception:  # zipfile fails in many ways on a damaged archive (see archive.py)
        return "not a zip archive (the file is damaged, or is not a .docx)"
    types = roots.get("[Content_Types].xml")
    if types is None or types.tag != f"{{{_CONTENT_TYPES}}}Types":
        return "the list of content types ([Content_Types].xml) is damaged"
    for name, root in roots.items():
        if name.startswith("word/") and name.count("/") == 1 and root.tag.endswith("}document"):
            break
    else:
        main = next((n for n in roots if n.startswith("word/document")), "word/document.xml")
        return f"the main document part ({_part(main)}) is not a Word document"
    return "the package is damaged (its parts are not those of a Word document)"


_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"


def _part(name: str) -> str:
    """A part's name as a message shows it: one line, at most 60 characters."""
    name = " ".join(name.split())
    return name if len(name) <= 60 else name[:60] + "…"


# --------------------------------------------------------------------------- text


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _join_pieces(pieces: list[str]) -> str:
    """Join the lines of a cell into one: nothing next to CJK text, else one space."""
    out = ""
    for piece in pieces:
        piece = " ".join(piece.split())
        if not piece:
            continue
        if out and not (_wide(out[-1]) or _wide(piece[0])):
            out += " "
        out += piece
    return out


#: A paragraph's text up to a text box it holds, and the boxes that stand there.
_Segment = tuple[str, list[etree._Element]]


def _segments(p: etree._Element, hidden: frozenset[str] = frozenset()) -> list[_Segment]:
    """The paragraph's text cut where it holds text boxes (w:txbxContent, in a drawing or a
    VML shape) or embedded objects (o:OLEObject): each piece of text and the boxes after
    it, in document order. One piece with no box for most paragraphs.

    A text box's paragraphs are part of the document (an introduction with the statistics
    period in a framed box): its reader reads them where the box is anchored. ``hidden``:
    the styles that hide text (:func:`_hidden_styles`); a run in one, or in a paragraph of
    one, is not read unless it is shown by its own w:vanish w:val="0".
    """
    depth = sum(1 for _ in p.iterancestors(_TXBX))
    held = _BOXES(p, boxes=depth) if next(p.iter(_TXBX, _OLE), None) is not None else ()
    at: dict[etree._Element, list[etree._Element]] = {}
    for box in held:
        run = next(box.iterancestors(_R), None)
        at.setdefault(run if run is not None else p, []).append(box)
    out: list[_Segment] = []
    parts: list[str] = []
    runs = _RUNS(p, boxes=depth)
    if hidden:
        runs = [run for run in runs if not _styled_hidden(run, p, hidden)]
    fields: _Fields | None = None  # made at a paragraph's first w:fldChar
    for run in runs:
        for child in run:
            tag = child.tag
            if tag == _FLD_CHAR:
                fields = fields or _Fields()
                fields.mark(child)
            elif fields is not None and fields.coding:
                continue  # in a field's code: what Word shows is the field's result
            elif tag == _T:
                text = child.text or ""
                parts.append(text if _SPECIAL(text) is None else _shown_text(text, run))
            elif tag in (_TAB, _PTAB):
                parts.append("\t")
            elif tag == _CR or (tag == _BR and child.get(_q("type")) in (None, "textWrapping")):
                parts.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                parts.append("-")
            elif tag == _SYM:
                parts.append(_symbol(child))
        if at and run in at:
            out.append(("".join(parts), at.pop(run)))
            parts = []
    out.append(("".join(parts), [box for found in at.values() for box in found]))
    return out


class _Fields:
    """The complex fields (``w:fldChar`` begin … separate … end) open in a paragraph.

    Word shows a field's result (the runs between separate and end), never its code (the
    runs between begin and separate). A field's code is ``w:instrText``, which is not read;
    but the code of a field may hold other fields — ``{ IF { MERGEFIELD 件数 } = "" "0"
    "{ MERGEFIELD 件数 }" }``, ``{ = { DOCVARIABLE 年度 } - 1 }`` — whose results are
    ``w:t`` runs inside the outer field's code: Word shows none of them, only the outer
    field's result. ``coding``: how many open fields are still in their code (text is
    read only when none is). Fields are followed within a paragraph.
    """

    __slots__ = ("coding", "open")

    def __init__(self) -> None:
        self.coding = 0
        self.open: list[bool] = []  # for each open field: whether it is in its code

    def mark(self, fld_char: etree._Element) -> None:
        kind = fld_char.get(_FLD_CHAR_TYPE)
        if kind == "begin":
            self.open.append(True)
            self.coding += 1
        elif kind == "separate":
            if self.open and self.open[-1]:
                self.open[-1] = False
                self.coding -= 1
        elif kind == "end" and self.open and self.open.pop():
            self.coding -= 1


#: Characters Word draws nothing for, in text copied from web pages and other programs:
#: the soft hyphen (U+00AD: drawn only where a line breaks, as ``w:softHyphen`` is), the
#: direction marks, embeddings and isolates (LRM, RLM, ALM, U+202A-U+202E, U+2066-U+2069),
#: the invisible operators (U+2061-U+2064), the combining grapheme joiner, the Mongolian
#: vowel separator and the variation selectors, the zero-width space, joiners and word
#: joiner and the byte-order mark — as the HTML reader drops them: a number written
#: ``1\u00ad2``, ``\u200e12\u200f`` or ``1\u200b2`` is 12 (whose span then covers its two
#: digits, no more). And the characters of a symbol font written as text: LibreOffice
#: writes Word's ``w:sym`` as the font's own code (U+F000-U+F0FF) in a run of that font
#: (:func:`_symbol`).
_INVISIBLE_CLASS = (
    "\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufe00-\ufe0f\ufeff"
)
_INVISIBLE = re.compile(f"[{_INVISIBLE_CLASS}]")
_SPECIAL = re.compile(f"[{_INVISIBLE_CLASS}\uf000-\uf0ff\r]").search
_FONT_CODE = re.compile("[\uf000-\uf0ff]")
_RFONTS = _q("rFonts")


def _shown_text(text: str, run: etree._Element) -> str:
    """What Word shows of a ``w:t`` of ``run``: a carriage return (``&#13;``) is a line
    break, as ``w:cr`` is; invisible characters and symbol-font codes as :data:`_SPECIAL`
    says (most text holds none: :func:`_segments` asks :data:`_SPECIAL` first)."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if _FONT_CODE.search(text) is None:
        return text
    fonts = run.find(f"{_RPR}/{_RFONTS}")
    font = (fonts.get(_ASCII) or fonts.get(_H_ANSI) or "") if fonts is not None else ""
    if font not in _SYMBOL_FONTS:
        return text  # a code of the private use area in an ordinary font: left as it is
    shown = _SYMBOL_FONT if font == "Symbol" else {}
    return _FONT_CODE.sub(lambda m: shown.get(ord(m.group()) & 0xFF, ""), text)


#: Fonts whose characters are symbols at codes of their own: Symbol's are read
#: (:data:`_SYMBOL_FONT`), the pictures of the others are not.
_SYMBOL_FONTS = frozenset(("Symbol", "Wingdings", "Wingdings 2", "Wingdings 3", "Webdings"))
_ASCII, _H_ANSI = _q("ascii"), _q("hAnsi")


#: What the characters of the Symbol font that a report may hold show: digits and signs
#: (a "−" or a long dash "—" in a cell for "none", "×", "≤"); its letters are Greek ones
#: no report needs.
_SYMBOL_FONT = {
    **{code: chr(code) for code in range(0x30, 0x3A)},
    **{ord(ch): ch for ch in "!#%&()+,./:;<=>?[]_{|}"},
    0x2D: "−",
    0xB0: "°",
    0xB1: "±",
    0xA3: "≤",
    0xB3: "≥",
    0xB4: "×",
    0xB8: "÷",
    0xBC: "…",
    0xBE: "—",  # the horizontal line: drawn as a long dash
    0xD6: "√",
}


def _symbol(sym: etree._Element) -> str:
    """The character a ``w:sym`` (Word's 插入符号 from a symbol font) shows: its Unicode
    character; for a code of a symbol font's own (``F0xx``: Symbol, Wingdings), the
    character the Symbol font draws there (:data:`_SYMBOL_FONT`), nothing for the
    pictures of Wingdings and the like (a tick, a box)."""
    raw = sym.get(_CHAR) or ""
    try:
        code = int(raw, 16) if 0 < len(raw) <= 6 else -1
    except ValueError:
        return ""
    symbol_font = sym.get(_FONT) == "Symbol"
    if 0xF000 <= code <= 0xF0FF or (0 <= code <= 0xFF and symbol_font):
        return _SYMBOL_FONT.get(code & 0xFF, "") if symbol_font else ""
    if code < 0x20 or 0xD800 <= code <= 0xDFFF or 0xE000 <= code <= 0xF8FF or code > 0x10FFFF:
        return ""
    return chr(code)


def _styled_hidden(run: etree._Element, p: etree._Element, hidden: frozenset[str]) -> bool:
    """Whether a run is hidden by its character style or its paragraph's style (a run
    whose own w:vanish is on is never read; one whose w:vanish is off is shown)."""
    props = run.find(_RPR)
    if props is not None:
        if props.find(_VANISH) is not None:
            return False
        if _child_val(props, "rStyle") in hidden:
            return True
    return _child_val(p.find(_PPR), "pStyle") in hidden


def _hidden_styles(style_by_id: dict[str, etree._Element]) -> frozenset[str]:
    """The ids of the styles that hide their text: w:vanish in their run properties, or
    in those of the styles they are based on (the nearest that says decides). Few
    documents have any, and then the runs are looked at one by one."""
    if not any(True for node in style_by_id.values() for _ in node.iter(_VANISH)):
        return frozenset()

    def hides(style_id: str) -> bool:
        seen: set[str] = set()
        node = style_by_id.get(style_id)
        while node is not None and style_id not in seen:
            seen.add(style_id)
            vanish = node.find(f"{_RPR}/{_VANISH}")
            if vanish is not None:
                return vanish.get(_VAL) not in _OFF
            style_id = _child_val(node, "basedOn") or ""
            node = style_by_id.get(style_id)
        return False

    return frozenset(style_id for style_id in style_by_id if hides(style_id))


def _vanish(props: etree._Element | None) -> bool | None:
    """What run properties say of hiding: True (w:vanish on), False (off), None (nothing)."""
    vanish = props.find(_VANISH) if props is not None else None
    return None if vanish is None else vanish.get(_VAL) not in _OFF


def _vanishes(p: etree._Element, segments: list[_Segment], hidden: frozenset[str]) -> bool:
    """Whether paragraph ``p`` is hidden whole: its paragraph mark is hidden (by its own
    w:vanish, its character style, or the paragraph's style) and no text of it shows.
    Word then shows nothing of it, not even its list number (which it still counts)."""
    if any(text.strip() or boxes for text, boxes in segments):
        return False
    mark = p.find(f"{_PPR}/{_RPR}")
    said = _vanish(mark)
    if said is not None:
        return said
    return bool(hidden) and (
        _child_val(mark, "rStyle") in hidden or _child_val(p.find(_PPR), "pStyle") in hidden
    )


def _joins_next(p: etree._Element, deletions: bool = True) -> bool:
    """Whether paragraph ``p``'s mark is hidden — a style separator (w:specVanish: Word's
    插入样式分隔符, a run-in heading such as "（一）主动公开。" styled for the contents
    before its body text), or w:vanish on the mark alone ("一、" and "总体情况" written as
    two paragraphs, the first's mark hidden) — or deleted with change tracking on
    (:func:`_mark_deleted`), and a paragraph follows: Word shows the two as one, on one
    line (hidden text not shown, changes accepted). ``deletions``: whether the document
    has any."""
    props = p.find(_PPR)
    mark = props.find(_RPR) if props is not None else None
    if mark is None:
        return False
    if not (
        mark.find(_SPEC_VANISH) is not None
        or _vanish(mark)
        or (deletions and (mark.find(_DEL) is not None or mark.find(_MOVE_FROM) is not None))
    ):
        return False
    after = p.getnext()
    return after is not None and after.tag == _P


def _mark_deleted(p: etree._Element) -> bool:
    """Whether paragraph ``p``'s mark is deleted with change tracking on (``w:pPr/w:rPr/
    w:del``, or moved away: ``w:moveFrom``). The reader reads a document as it is with
    its changes accepted (deleted runs are not read, inserted ones are): a deleted mark
    joins the paragraph to the next one (:func:`_joins_next`), and a paragraph whose text
    is deleted too is gone — Word neither shows its list number nor counts it."""
    props = p.find(_PPR)
    mark = props.find(_RPR) if props is not None else None
    return mark is not None and (mark.find(_DEL) is not None or mark.find(_MOVE_FROM) is not None)


_MOVE_FROM = _q("moveFrom")


def _within(parent: etree._Element, tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """The children of ``parent`` with one of ``tags``, and those of its content controls
    (``w:sdt/w:sdtContent``) and custom XML (``w:customXml``), at any depth, in document
    order: a repeating section (Word's 重复分区内容控件) wraps each of its table rows in a
    content control inside the section's own.

    A loop, not an XPath union: libxml2 merges the node sets of a union in quadratic time.
    """
    for child in parent:
        tag = child.tag
        if tag in tags:
            yield child
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _within(content, tags)
        elif tag == _CUSTOM_XML:
            yield from _within(child, tags)


# --------------------------------------------------------------------------- numbering

_CHINESE_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRADITIONAL_DIGITS = "零壹貳參肆伍陸柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _chinese_count(n: int, digits: str = _CHINESE_DIGITS, ten: str = "十") -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 9999)."""
    if n <= 0 or n >= 10000:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20:
        return ten + (digits[n % 10] if n % 10 else "")
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, ten), (1, "")):
        d, n = divmod(n, value)
        if d:
            if zero and out:
                out += digits[0]
            out += digits[d] + unit
            zero = False
        elif out:
            zero = True
    return out


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)  # beyond the numerals' range (and never a loop of a million "M")
    out = ""
    for value, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += numeral
            n -= value
    return out


def _letters(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA (Word repeats the letter)."""
    if not 0 < n <= 26 * 30:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format_number(n: int, fmt: str) -> str:
    # Word in Traditional Chinese (and Japanese) numbers "一、" with its own formats: the
    # same numerals below a hundred.
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "japaneseCounting",
    ):
        return _chinese_count(n)
    if fmt in ("chineseLegalSimplified",):
        return _chinese_count(n, _LEGAL_DIGITS, "拾")
    if fmt in ("ideographLegalTraditional",):
        return _chinese_count(n, _LEGAL_TRADITIONAL_DIGITS, "拾")
    if fmt in ("ideographDigital", "taiwaneseDigital"):
        return "".join(_CHINESE_DIGITS[int(d)] for d in str(n))
    if fmt in ("ideographTraditional",) and 1 <= n <= 10:
        return _HEAVENLY_STEMS[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(d) - ord("0") + ord("０")) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return str(n)


@record(frozen=False)
class _Numbering:
    """Renders Word list numbers ("一、", "（二）", "1.") in document order.

    Styles, lists and list definitions are looked up by id in dicts made once (a
    document's ids are data: they never go into a query).
    """

    numbering: etree._Element | None
    styles: etree._Element | None
    limits: Limits = DEFAULT_LIMITS
    counters: dict[str, list[int]] = field(default_factory=dict)
    seen_nums: set[str] = field(default_factory=set)
    style_by_id: dict[str, etree._Element] = field(default_factory=dict)
    num_by_id: dict[str, etree._Element] = field(default_factory=dict)
    abstract_by_id: dict[str, etree._Element] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.styles is not None:
            for node in self.styles.iterfind(_q("style")):
                self.style_by_id.setdefault(node.get(_q("styleId")) or "", node)
        if self.numbering is not None:
            for node in self.numbering.iterfind(_q("num")):
                self.num_by_id.setdefault(node.get(_q("numId")) or "", node)
            for node in self.numbering.iterfind(_q("abstractNum")):
                self.abstract_by_id.setdefault(node.get(_q("abstractNumId")) or "", node)

    @classmethod
    def of(cls, document: object, limits: Limits = DEFAULT_LIMITS) -> _Numbering:
        numbering = styles = None
        try:
            numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
        except Exception:  # no numbering part, or a broken one
            numbering = None
        try:
            styles = document.part.styles.element  # type: ignore[attr-defined]
        except Exception:  # no styles part, or a broken one
            styles = None
        return cls(numbering, styles, limits)

    def _start(self, el: etree._Element | None, name: str) -> int | None:
        """The list number ``el`` gives in its child ``name`` (w:start, w:startOverride)."""
        value = _number(_child_val(el, name))
        limit = self.limits.max_list_number
        if value is not None and value > limit:
            shown = _child_val(el, name) or ""
            raise over("max-list-number", limit, f"w:{name}={_shown(shown)}")
        return value

    def _num_pr(self, p: etree._Element) -> tuple[str, int] | None:
        """(numId, ilvl) from the paragraph, or from its style and the styles it is based on."""
        num_pr = p.find(f"{_q('pPr')}/{_q('numPr')}")
        style_id = p.find(f"{_q('pPr')}/{_q('pStyle')}")
        ilvl = None
        num_id = None
        if num_pr is not None:
            num_id, ilvl = _num_pr_values(num_pr)
        seen: set[str] = set()
        style = style_id.get(_VAL) if style_id is not None else None
        while num_id is None and style and self.styles is not None and style not in seen:
            seen.add(style)
            node = self.style_by_id.get(style)
            if node is None:
                break
            style_num_pr = node.find(f"{_q('pPr')}/{_q('numPr')}")
            if style_num_pr is not None:
                num_id, style_ilvl = _num_pr_values(style_num_pr)
                ilvl = ilvl if ilvl is not None else style_ilvl
            based = node.find(_q("basedOn"))
            style = based.get(_VAL) if based is not None else None
        if num_id is None or num_id == "0":
            return None
        return num_id, ilvl or 0

    def prefix(self, p: etree._Element) -> str:
        """The rendered list number of paragraph ``p``, or "" if it is not numbered."""
        if self.numbering is None:
            return ""
        found = self._num_pr(p)
        if found is None:
            return ""
        num_id, ilvl = found
        num = self.num_by_id.get(num_id)
        if num is None:
            return ""
        definition = self._definition(num)
        if definition is None:
            return ""
        abstract_id, abstract = definition
        levels = {}
        for lvl in abstract.findall(_q("lvl")):
            levels[_int(lvl.get(_q("ilvl")), 0)] = lvl
        for override in num.findall(_q("lvlOverride")):
            lvl = override.find(_q("lvl"))
            if lvl is not None:
                levels[_int(override.get(_q("ilvl")), 0)] = lvl
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, [0] * 10)
        if num_id not in self.seen_nums:
            self.seen_nums.add(num_id)
            for override in num.findall(_q("lvlOverride")):
                start = self._start(override, "startOverride")
                level = _int(override.get(_q("ilvl")), 0)
                if start is not None and 0 <= level < 10:
                    counters[level] = start - 1
        if not 0 <= ilvl < 10:
            return ""
        if counters[ilvl] == 0:
            counters[ilvl] = self._level_start(levels[ilvl]) - 1
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = 0
        text = _child_val(levels[ilvl], "lvlText") or ""
        if _num_fmt(levels[ilvl]) in ("bullet", "none"):
            return ""
        if _vanish(levels[ilvl].find(_RPR)):
            return ""  # the level's number is formatted hidden (it still counts)
        for level in range(ilvl, -1, -1):
            placeholder = f"%{level + 1}"
            if placeholder in text:
                value = counters[level] or self._level_start(levels.get(level))
                fmt = _num_fmt(levels.get(level)) or "decimal"
                text = text.replace(placeholder, _format_number(value, fmt))
        return text

    def _definition(self, num: etree._Element) -> tuple[str, etree._Element] | None:
        """The list definition (``w:abstractNum``) that list ``num`` numbers by, and its id.

        A list made from a list style (Word's 多级列表样式, which templates use to number
        their headings) has a definition without levels, only ``w:numStyleLink``: its
        levels are in the definition of the list that the numbering style's ``w:numPr``
        names. A chain of links is followed, each definition once.
        """
        seen: set[str] = set()
        while True:
            abstract_id = _child_val(num, "abstractNumId") or ""
            abstract = self.abstract_by_id.get(abstract_id)
            if abstract is None or abstract_id in seen:
                return None
            seen.add(abstract_id)
            link = _child_val(abstract, "numStyleLink")
            if link is None or abstract.find(_q("lvl")) is not None:
                return abstract_id, abstract
            style = self.style_by_id.get(link)
            num_pr = style.find(f"{_q('pPr')}/{_q('numPr')}") if style is not None else None
            linked_num = self.num_by_id.get(_child_val(num_pr, "numId") or "")
            if linked_num is None:
                return None
            num = linked_num

    def _level_start(self, lvl: etree._Element | None) -> int:
        start = self._start(lvl, "start")
        return 1 if start is None else start


def _num_pr_values(num_pr: etree._Element) -> tuple[str | None, int | None]:
    num_id = _child_val(num_pr, "numId")
    ilvl = _child_val(num_pr, "ilvl")
    return num_id, _int(ilvl, 0) if ilvl is not None else None


def _num_fmt(lvl: etree._Element | None) -> str | None:
    """A list level's number format (``w:numFmt``). Word 2010 and later write a format
    older versions lack inside ``mc:AlternateContent``: a ``custom`` one in the
    ``mc:Choice`` (``w:format="一, 二, 三, ..."``) and a built-in one for older readers in
    the ``mc:Fallback`` (``chineseCounting``). A built-in format in the choice is read,
    else the fallback's: the reader renders built-in formats only."""
    if lvl is None:
        return None
    found = _child_val(lvl, "numFmt")
    if found is not None:
        return found
    alternate = lvl.find(_ALTERNATE)
    if alternate is None:
        return None
    for branch in alternate:
        value = _child_val(branch, "numFmt")
        if value is not None and value != "custom":
            return value
    return None


_ALTERNATE = f"{{{_NS['mc']}}}AlternateContent"


def _child_val(el: etree._Element | None, name: str) -> str | None:
    if el is None:
        return None
    child = el.find(_q(name))
    return child.get(_VAL) if child is not None else None


def _number(value: str | None) -> int | None:
    """The integer an attribute holds, or None; more than 18 digits read as 10**18 (over
    any limit; ``int`` on a million digits would cost seconds)."""
    if value is None:
        return None
    text = value.strip()
    digits = text.lstrip("+-")
    if not digits.isdigit() or not digits.isascii():
        return None
    if len(digits) > 18:
        return -(10**18) if text.startswith("-") else 10**18
    return int(text)


def _int(value: str | None, default: int) -> int:
    number = _number(value)
    return default if number is None else number


def _shown(value: str) -> str:
    """An attribute value as a message shows it: at most 24 characters."""
    value = " ".join(value.split())
    return value if len(value) <= 24 else value[:24] + "…"


# --------------------------------------------------------------------------- layout


class _Extractor:
    """Adds the body's paragraphs and tables to a TextBuilder, in document order."""

    def __init__(
        self,
        builder: TextBuilder,
        numbering: _Numbering,
        limits: Limits,
        embedded: Callable[[str], _Part | None] = lambda rid: None,
        depth: int = 0,
    ) -> None:
        self.builder = builder
        self.embedded = embedded
        self.depth = depth  # of the Word documents this one is imported into (w:altChunk)
        self.numbering = numbering
        self.hidden = _hidden_styles(numbering.style_by_id)
        self.limits = limits
        self.positions = 0  # grid positions of the tables read so far
        self.paragraphs = 0
        self.tables = 0
        self.grid: dict[int, GridRow] = {}  # extracted line -> its place in a table
        #: The paragraphs that hold a picture, each with the picture's alt text (run()).
        self.pictured: dict[etree._Element, str] = {}
        #: Whether the body holds tracked deletions (run()): only then are paragraph marks
        #: looked at for one (:func:`_mark_deleted`).
        self.deletions = False
        self.figures: list[Figure] = []  # where those pictures stand in the text

    def run(self, body: etree._Element) -> None:
        self.pictured = _pictured_paragraphs(body)
        self.deletions = next(body.iter(_DEL, _MOVE_FROM), None) is not None
        self._flow(body)

    def _blocks(self, parent: etree._Element) -> Iterator[etree._Element]:
        """Paragraphs, tables and imported chunks under ``parent``, looking inside
        content controls."""
        for child in parent:
            if child.tag in (_P, _TBL, _ALT_CHUNK):
                yield child
            elif child.tag in _CONTAINERS:
                content = child.find(_q("sdtContent"))
                yield from self._blocks(content if content is not None else child)

    def _paragraph(self, p: etree._Element) -> None:
        """The paragraph's lines; the paragraphs and tables of a text box it holds where
        the box stands."""
        self.paragraphs += 1
        where = f"第 {self.paragraphs} 段"
        if self.pictured and p in self.pictured:
            self._figure(self.pictured[p], where)
        prefix, segments = self._numbered(p)
        joined = _joins_next(p, self.deletions)
        for k, (text, boxes) in enumerate(segments):
            lines = [line.strip() for line in (prefix + text).split("\n")]
            last = len(lines) - 1 if joined and k == len(segments) - 1 and not boxes else -1
            for i, line in enumerate(lines):
                if line:
                    self.builder.add(line, where=where)
                    if i != last:
                        self.builder.newline()
            prefix = ""
            for box in boxes:
                if box.tag == _OLE:
                    self._sheet(box, where)
                else:
                    self._flow(box)

    def _numbered(self, p: etree._Element) -> tuple[str, list[_Segment]]:
        """Paragraph ``p``'s list number (none when the paragraph is hidden whole: Word
        shows nothing of it) and its text's segments (:func:`_segments`)."""
        segments = _segments(p, self.hidden)
        if self.deletions and not any(t.strip() or b for t, b in segments) and _mark_deleted(p):
            return "", segments  # deleted whole (tracked): not shown, its number not counted
        prefix = self.numbering.prefix(p)
        if prefix and _vanishes(p, segments, self.hidden):
            prefix = ""
        return prefix, segments

    def _flow(self, parent: etree._Element) -> None:
        """The paragraphs and tables under ``parent`` (the body, a text box, a layout
        table's cell), in document order."""
        for block in self._blocks(parent):
            if block.tag == _P:
                self._paragraph(block)
            elif block.tag == _TBL:
                self._table(block)
            else:
                self._chunk(block)

    def _cell_text(self, tc: etree._Element, nested: list[etree._Element]) -> str:
        return _join_pieces(self._cell_pieces(tc, nested))

    def _cell_pieces(self, parent: etree._Element, nested: list[etree._Element]) -> list[str]:
        """The lines of a cell's paragraphs (those of a text box in it too); its tables
        and embedded sheets go to ``nested``, read after the table."""
        pieces: list[str] = []
        for block in _within(parent, (_P, _TBL, _ALT_CHUNK)):
            if block.tag == _ALT_CHUNK:
                source = self._chunk_source(block)  # its text, its tables' too, in the cell
                pieces.extend(source.text.replace("\t", " ").split("\n") if source else ())
                continue
            if block.tag != _P:
                nested.append(block)
                continue
            prefix, segments = self._numbered(block)
            for text, boxes in segments:
                pieces.extend((prefix + text).split("\n"))
                prefix = ""
                for box in boxes:
                    if box.tag == _OLE:
                        nested.append(box)  # a sheet in a cell: read after the table
                    else:
                        pieces.extend(self._cell_pieces(box, nested))
        return pieces

    def _table(self, tbl: etree._Element) -> None:
        """One line per row, one field per cell starting in it; nested tables follow.

        A cell's grid column counts ``w:gridBefore`` and the ``w:gridSpan`` of the cells to
        its left; a ``w:vMerge`` continuation cell is covered by the cell above it (no
        field; that cell's ``rows`` grows), as a legacy ``w:hMerge`` continuation is
        covered by the cell to its left. A row deleted with change tracking on
        (``w:trPr/w:del``) is counted but not read: Word shows it struck through and drops
        it when the changes are accepted, also when a tool did not mark its runs deleted.
        """
        if _is_layout(tbl):
            self._layout(tbl)
            return
        self.tables += 1
        number = self.tables
        nested: list[etree._Element] = []
        rows: list[list[_WordCell]] = []
        # The cell (of a row above) that starts at each grid column, to continue merges.
        above: dict[int, _WordCell] = {}
        for tr in _within(tbl, (_TR,)):
            tr_pr = tr.find(_TR_PR)
            if tr_pr is not None and tr_pr.find(_DEL) is not None:
                rows.append([])  # a deleted row (tracked): counted, as Word shows it, not read
                continue
            column = max(self._span(tr_pr, "gridBefore") or 0, 0)
            cells: list[_WordCell] = []
            starts: dict[int, _WordCell] = {}
            for tc in _within(tr, (_TC,)):
                tc_pr = tc.find(_q("tcPr"))
                span = max(self._span(tc_pr, "gridSpan") or 1, 1)
                self._count_cells(span)
                text = self._cell_text(tc, nested)
                if _continues(tc_pr, "hMerge") and cells:
                    cells[-1].span += span
                elif _continues(tc_pr, "vMerge") and column in above:
                    merged = above[column]
                    merged.rows += 1
                    starts[column] = merged
                else:
                    cell = _WordCell(text, column, span)
                    cells.append(cell)
                    starts[column] = cell
                column += span
            above = starts
            rows.append(cells)
        self._lay_out(rows, number)
        for inner in nested:
            if inner.tag == _OLE:
                self._sheet(inner, f"表格 {number}")
            else:
                self._table(inner)

    def _sheet(self, ole: etree._Element, where: str) -> None:
        """The table an embedded Excel worksheet shows (see :mod:`.xlsx_sheet`), where
        the object stands (``where``: its paragraph or table); the paragraphs and tables of
        an embedded Word document (.docx, read as an imported chunk: its object shows its
        first page); nothing for another object, a linked one or a damaged one. A worksheet
        in the old binary format (Excel 97-2003), or one linked from a file outside the
        document, or a Word 97-2003 document, shows a table whose cells cannot be read: it is
        kept as a figure where it stands (``worksheet``, ``linked-worksheet``,
        ``document``), so that XG003 names it instead of calling the table missing, and the
        rest of the report is checked."""
        part = self.embedded(ole.get(_RID) or "")
        if part is not None and _shows(ole, _WORD_DOCUMENT):
            source = _read_chunk(*part, self.limits, self.depth)
            if source is not None:
                self._imported(source)  # a Word document shown as its first page
                return
        rows = sheet_rows(part[0], self.limits) if part else None
        if rows:
            cells = [[_WordCell(c.text, c.column, c.span, c.rows) for c in row] for row in rows]
            self._add_table(cells, "（Excel 对象）")
        elif part is not None and _old_worksheet(ole, part[0]):
            self._figure(_part(part[2].lstrip("/")), where, "worksheet")
        elif part is not None and _old_document(ole, part[0]):
            self._figure(_part(part[2].lstrip("/")), where, "document")
        elif part is None and ole.get("Type") == "Link" and _shows_worksheet(ole):
            self._figure("", where, "linked-worksheet")

    def _figure(self, name: str, where: str, kind: str = "picture") -> None:
        """Note a picture or an object that shows a table whose cells cannot be read, where
        the text stands now (see :class:`~xxgk_lint.sources.model.Figure`)."""
        line, column = self.builder.position()
        self.figures.append(Figure(line, column, column + 1, name, where, kind))

    def _add_table(self, rows: list[list[_WordCell]], kind: str = "") -> None:
        """A table read from another part (a sheet, an imported chunk): numbered with
        the document's tables, held to the same limit of cells."""
        self.tables += 1
        self._count_cells(sum(cell.span for row in rows for cell in row))
        self._lay_out(rows, self.tables, kind)

    def _chunk(self, alt: etree._Element) -> None:
        """The content a ``w:altChunk`` imports, where it stands: its paragraphs as
        paragraphs, its tables as tables (Word converts them so when it opens the
        document). See :func:`_read_chunk` for what is read."""
        source = self._chunk_source(alt)
        if source is not None:
            self._imported(source)

    def _imported(self, source: Source) -> None:
        """The lines of a document read from another part (:meth:`_chunk`,
        :meth:`_sheet`): its paragraphs as paragraphs, its tables as tables."""
        lines = source.text.split("\n")
        rows: list[list[_WordCell]] = []
        table: int | None = None
        for number, line in enumerate(lines, 1):
            row = source.grid.get(number)
            if table is not None and (row is None or row.table != table):
                self._add_table(rows)
                rows, table = [], None
            fields = line.split("\t")
            if row is None or len(fields) != len(row.cells):
                line = line.strip()
                if line:
                    self.paragraphs += 1
                    self.builder.add(line, where=f"第 {self.paragraphs} 段")
                    self.builder.newline()
                continue
            table = row.table
            rows.extend([] for _ in range(row.row - len(rows)))  # rows the reader left out
            rows.append(
                [
                    _WordCell(f, c.column, c.span, c.rows)
                    for f, c in zip(fields, row.cells, strict=True)
                ]
            )
        if table is not None:
            self._add_table(rows)

    def _chunk_source(self, alt: etree._Element) -> Source | None:
        part = self.embedded(alt.get(_RID) or "")
        if part is None:
            return None
        return _read_chunk(*part, self.limits, self.depth)

    def _lay_out(self, rows: list[list[_WordCell]], number: int, kind: str = "") -> None:
        """Table ``number``'s rows as lines, one field per cell (no line for an empty
        row); ``kind`` follows the number in locators."""
        for r, cells in enumerate(rows, 1):
            if not any(cell.text for cell in cells):
                continue  # nothing in the row: no line
            self.grid[self.builder.line_number] = GridRow(
                number - 1,
                r - 1,
                tuple(GridCell(cell.column, cell.span, cell.rows) for cell in cells),
            )

            def where(cell: _WordCell, r: int = r) -> str:
                return f"表格 {number}{kind}，第 {r} 行，第 {cell.column + 1} 列"

            for k, cell in enumerate(cells):
                if k:
                    # The TAB after a cell carries that cell's locator, so that the column
                    # of an empty cell (where the next TAB stands) finds the cell.
                    self.builder.add("\t", where=where(cells[k - 1]))
                self.builder.add(cell.text, where=where(cell))
            if not cells[-1].text:
                # An empty last cell is the end of the line: mark it with its locator.
                self.builder.mark(where=where(cells[-1]))
            self.builder.newline()

    def _layout(self, tbl: etree._Element) -> None:
        """A table used for layout, read as the text it frames: each cell's paragraphs
        and tables in document order (counted as Word counts tables: the statistical
        tables inside keep their numbers)."""
        self.tables += 1
        for tr in _within(tbl, (_TR,)):
            for tc in _within(tr, (_TC,)):
                self._count_cells(1)
                self._flow(tc)

    def _count_cells(self, positions: int) -> None:
        """Count ``positions`` more grid positions of the document's tables (over
        max-cells: an error)."""
        self.positions += positions
        if self.positions > self.limits.max_cells:
            raise too_many_cells(self.limits.max_cells)

    def _span(self, props: etree._Element | None, name: str) -> int | None:
        """w:gridSpan or w:gridBefore of a cell's or row's properties, within max-span."""
        raw = _child_val(props, name)
        value = _number(raw)
        if value is not None and value > self.limits.max_span:
            raise over("max-span", self.limits.max_span, f"w:{name}={_shown(raw or '')}")
        return value


#: The first bytes of an OLE compound file: an Excel 97-2003 workbook (``oleObject1.bin``).
_COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The ProgIDs of worksheets: Excel's (Excel.Sheet.8: 97-2003) and WPS's spreadsheet's.
_WORKSHEET = re.compile(r"(?i)(excel|k?et)\.sheet\b")


#: The ProgIDs of Word documents (Word's, WPS's) embedded as objects (插入 → 对象).
_WORD_DOCUMENT = re.compile(r"(?i)(word|k?wps)\.document\b")


def _old_worksheet(ole: etree._Element, data: bytes) -> bool:
    """Whether an embedded object shows a worksheet of the old binary format: its data
    a compound file, its ProgID a worksheet's (:func:`_shows`)."""
    return data.startswith(_COMPOUND_FILE) and _shows(ole, _WORKSHEET)


def _old_document(ole: etree._Element, data: bytes) -> bool:
    """Whether an embedded object shows a Word document of the old binary format (Word
    97-2003, ``.doc``: a compound file), which is not read: its table is named by XG003."""
    return data.startswith(_COMPOUND_FILE) and _shows(ole, _WORD_DOCUMENT)


def _shows_worksheet(ole: etree._Element) -> bool:
    return _shows(ole, _WORKSHEET)


def _shows(ole: etree._Element, kind: re.Pattern[str]) -> bool:
    """Whether an object is of the ``kind`` its ProgID names and drawn as its content: a
    table or a page in the text (not an icon: an attached file, nothing in the text)."""
    return kind.match(ole.get("ProgID") or "") is not None and ole.get("DrawAspect") != "Icon"


def _is_layout(tbl: etree._Element) -> bool:
    """Whether a table is used for layout rather than holding data: one cell in every row
    (a Word user frames a whole report with a border so), or a cell holding a table with
    paragraphs of text around it (a report laid out in a table, its statistical tables
    inside). A data table has cells side by side, each a short text; a table nested in
    one of its cells is read after it."""
    rows = list(_within(tbl, (_TR,)))
    cells = [list(_within(tr, (_TC,))) for tr in rows]
    if rows and all(len(row) <= 1 for row in cells):
        return True
    for row in cells:
        for tc in row:
            if next(_within(tc, (_TBL,)), None) is None:
                continue
            texts = (_segments(p)[0][0] for p in _within(tc, (_P,)))
            if sum(1 for text in texts if text.strip()) >= _LAYOUT_PARAGRAPHS:
                return True
    return False


#: The paragraphs of text a cell holds beside a table that make its table a layout table.
_LAYOUT_PARAGRAPHS = 2


@record(frozen=False)
class _WordCell:
    """A table cell that starts in its row: its text and its place in the grid."""

    text: str
    column: int  # 0-based grid column
    span: int = 1
    rows: int = 1


def _continues(tc_pr: etree._Element | None, merge: str) -> bool:
    """Whether the cell continues a merge (``w:vMerge``/``w:hMerge`` without "restart")."""
    element = tc_pr.find(_q(merge)) if tc_pr is not None else None
    return element is not None and element.get(_VAL) in (None, "continue")
