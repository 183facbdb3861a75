"""Elements a web page hides by its own stylesheet: ``.old{display:none}``, ``class="old"``.

A page may hide a row, a cell or an old value by a class or an id its ``<style>`` blocks
hide, rather than by the element's ``style`` attribute. A browser shows none of it; the
reader must not read it either (a hidden row before the visible one would give its
numbers, a hidden old value glued to a number would change it).

Only what can be decided without a CSS engine is taken as hiding, and only in the page's
own ``<style>`` blocks (no stylesheet is ever fetched):

* a rule of a sheet for the screen, at its top or in ``@media screen``/``all`` (not in
  another ``@media``: a rule for print or a small screen does not hide on the screen
  the report is read on) whose selector list holds simple selectors — ``.cls``,
  ``tag.cls``, ``#id``, ``tag#id`` — and whose declarations say ``display: none`` or
  ``visibility: hidden``/``collapse`` (or ``content-visibility: hidden``: the content);
* unless the page may show the element again on a desktop screen: a rule anywhere (in
  ``@media`` too, with any selector: ``.tab.active``, ``li:hover .sub``) that sets
  another ``display`` or ``visibility: visible`` for an element with one of its classes
  or its id, or the element's own ``style`` attribute that does. Rules for print or for
  a screen narrower than a desktop's (``@media print``, ``(max-width: 768px)``, a
  ``<style media="print">``) show nothing there: a page that hides its phone or print
  copy of the report on the screen is read once. Class names and ids are compared as
  written (CSS in standards mode). A rule that shows only an element with several of
  them together (``.tab.active``) shows this one unless the page gives them together to
  another element, shown in its stead (a row of tabs: :class:`_ShownInstead`).

When in doubt the element is read, as it was before stylesheets were looked at; so is
everything when the stylesheets would hide most of the page's text (a script shows it),
unless two hidden elements or more each hold a report (tabs: :func:`shown_by_script`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from lxml import etree

from xxgk_lint.memo import bounded

__all__ = [
    "displayed_as_block",
    "drawn_as_cell",
    "drawn_as_cells_by_stylesheets",
    "for_desktop",
    "hidden_by_stylesheets",
    "hidden_panes",
    "in_background_colour",
    "keeps_line_breaks",
    "shown_by_script",
    "text_length",
    "unseen_by_stylesheets",
    "unseen_text",
    "white_space_by_stylesheets",
]

#: A simple selector this module decides on: an optional tag, then one class or one id.
#: (A tag starts after no letter or digit, and is taken whole: linear time on any line.)
_SIMPLE = re.compile(
    r"(?<![a-zA-Z0-9])([a-zA-Z][a-zA-Z0-9]*+)?([.#])(-?[_a-zA-Z\u00a0-\U0010ffff][-\w]*+)"
)
#: The classes and ids in the last compound selector (the subject) of any selector.
_NAMES = re.compile(r"([.#])(-?[_a-zA-Z\u00a0-\U0010ffff][-\w]*)")
_COMBINATOR = re.compile(r"\s*[>+~]\s*|\s+")
_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)

# Each query goes through the attribute axis (``//@class[…]/..``): libxml2 then looks at
# the attributes of the elements that have one, not at every node of the page as
# ``//*[…]`` does (on a portal's page of 700 elements: 270 -> 40-65 µs by class, 135 -> 28
# µs by id, 174 -> 57 µs for all named ones; the same elements, in document order).
_BY_CLASS = etree.XPath("//@class[contains(concat(' ', normalize-space(.), ' '), $name)]/..")
_BY_ID = etree.XPath("//@id[. = $name]/..")
_NAMED = etree.XPath("(//@class | //@id)/..")
#: Characters of text (a short report's) that a page hides for good only as a part of it.
_REPORT_CHARACTERS = 1_000
#: Up to this many hiding selectors, each is one query; more, the page is walked once.
_FEW_SELECTORS = 4


def _sheets(root: etree._Element, *words: str) -> Iterator[tuple[str, bool | None]]:
    """The page's own ``<style>`` sheets that may say something to a desktop screen (not
    for print or a small screen) and name one of ``words`` (in lower case), their comments
    taken out, each with :func:`for_desktop` of its media (True: for the screen for sure)."""
    for style in root.iter("style"):
        text = style.text or ""
        desktop = for_desktop(style.get("media") or "")
        lower = text.lower()
        if desktop is not False and any(word in lower for word in words):
            yield _uncommented(text), desktop


@bounded(16)
def _uncommented(sheet: str) -> str:
    """A sheet without its comments (CSS's, and the HTML comment marks around it). Kept
    for the page's other looks: hiding, unseen text and colours each read its sheets."""
    return _COMMENT.sub(" ", sheet).replace("<!--", " ").replace("-->", " ")


def _selected(root: etree._Element, tag: str, kind: str, name: str) -> list[etree._Element]:
    """The elements a simple selector selects: a tag (``kind`` empty), a class (".") or an
    id ("#"), or a tag and one of them (``tag`` empty: any tag)."""
    if kind == ".":
        candidates = _BY_CLASS(root, name=f" {name} ")
    elif kind == "#":
        candidates = _BY_ID(root, name=name)
    else:
        return list(root.iter(tag))
    return [el for el in candidates if not tag or el.tag == tag]


def hidden_by_stylesheets(
    root: etree._Element,
    lowered: bytes,
    encoded: bytes | None = None,
    parts: Callable[[set[etree._Element]], set[etree._Element]] | None = None,
) -> set[etree._Element]:
    """The elements of the page ``root`` that its ``<style>`` blocks hide (see the module
    docstring). ``lowered``: the page's bytes in lower case; a page with no ``<style``
    costs one search of them. ``encoded``, the page's bytes as they are, if it writes no
    character as a numeric reference: a class or id it writes only in its style sheets
    names no element, and is not looked for (a query for a class looks at every class
    attribute: 170 µs on a Word page of 1,000 paragraphs, against a search of its bytes).
    ``parts``: of the hidden elements, the later pages of a report split over pages (kept
    hidden here, the caller reads them): what else is hidden is weighed without them by
    :func:`shown_by_script` (a print copy hidden beside the pages is not the report)."""
    if b"<style" not in lowered:
        return set()
    hiding: list[tuple[str, str, str]] = []  # (tag or "", "." or "#", name)
    shown: set[str] = set()  # ".name" / "#name" that some rule may show
    together: set[frozenset[str]] = set()  # names a rule shows only together (.tab.on)
    for sheet, desktop in _sheets(root, "none", "hidden", "collapse"):
        _read_sheet(sheet, desktop is True, hiding, shown, together)
    tags: dict[str, set[str]] = {}  # ".name" / "#name" -> the tags it hides ("": any)
    for tag, kind, name in hiding:
        if kind + name not in shown:
            tags.setdefault(kind + name, set()).add(tag)
    if tags and encoded is not None:
        tags = _written_outside_sheets(root, encoded, tags)
    if not tags:
        return set()
    if len(tags) <= _FEW_SELECTORS:
        candidates: list[etree._Element] = []
        for key in tags:
            kind, name = key[0], key[1:]
            candidates += (
                _BY_CLASS(root, name=f" {name} ") if kind == "." else _BY_ID(root, name=name)
            )
    else:
        candidates = _NAMED(root)
    shows_another = _ShownInstead(root, together)
    found = {
        el
        for el in candidates
        if _hides(el, tags) and not _may_show(el, shown) and not shows_another.may_show(el)
    }
    apart = parts(found) if parts is not None and found else set()
    return shown_by_script(root, found - apart) | apart


def _written_outside_sheets(
    root: etree._Element, encoded: bytes, tags: dict[str, set[str]]
) -> dict[str, set[str]]:
    """Those of ``tags`` (".name" / "#name") whose name the page's bytes ``encoded`` hold
    more often than its ``<style>`` elements do: a class or an id written nowhere else is
    on no element (names are matched case for case, as the queries match them)."""
    sheets = [style.text or "" for style in root.iter("style")]
    return {
        key: tag
        for key, tag in tags.items()
        if encoded.count(key[1:].encode()) > sum(sheet.count(key[1:]) for sheet in sheets)
    }


def _outermost(found: set[etree._Element]) -> list[etree._Element]:
    """The elements of ``found`` that are inside none of the others."""
    return [el for el in found if not any(up in found for up in el.iterancestors())]


def text_length(el: etree._Element) -> int:
    """How many characters of text a reader may see in ``el`` (blanks around each piece
    not counted): all its text less that of its scripts and style sheets, which hold
    nothing but text (half the time of a query that asks each text for its ancestors)."""
    length = sum(map(len, map(str.strip, el.itertext())))
    for unseen in el.iter("script", "style"):
        length -= sum(map(len, map(str.strip, unseen.itertext())))
    return length


def _text_bytes(el: etree._Element) -> bytes:
    """All the text in ``el`` (its scripts' too, not its tail), in UTF-8."""
    return etree.tostring(el, method="text", encoding="utf-8", with_tail=False)


def _most_of_the_page(root: etree._Element, found: set[etree._Element]) -> bool:
    """Whether the elements ``found`` hold most of the page's text, and more than a short
    report's: a page does not hide most of itself for good, a script shows it (a tab,
    content shown once loaded). A hidden row or table is far less.

    The UTF-8 bytes of all their text, each taken in C, bound what they hold from above
    (no fewer bytes than characters; nothing stripped, nested ones counted again): most
    pages hide a few menus or a print copy's title, far under a report, and are answered
    by that alone (a portal's eight hidden sub-menus: 61 → 4 µs)."""
    if sum(map(len, map(_text_bytes, found))) <= _REPORT_CHARACTERS:
        return False
    hidden = sum(map(text_length, _outermost(found)))
    return hidden > _REPORT_CHARACTERS and 2 * hidden > text_length(root)


def shown_by_script(root: etree._Element, found: set[etree._Element]) -> set[etree._Element]:
    """``found`` (elements a page hides by their own ``style`` or ``hidden``), less those
    that hold more than a short report's text when together they hold most of the page's:
    a page that writes its report in ``<div id="zoom" style="display:none">`` shows it by a
    script once loaded (as :func:`hidden_by_stylesheets` takes it); the small parts hidden
    inside it or beside it (an old value, a print copy's title) stay hidden. Two hidden
    elements or more that each hold more are tabs or copies (other years' reports beside
    the one shown): the page shows one at a time, and they stay hidden."""
    if not found or not _most_of_the_page(root, found):
        return found
    if sum(text_length(el) > _REPORT_CHARACTERS for el in _outermost(found)) > 1:
        return found
    return {el for el in found if text_length(el) <= _REPORT_CHARACTERS}


#: The elements with an ``aria-hidden`` attribute.
_ARIA_HIDDEN = etree.XPath("//@aria-hidden/..")


def hidden_panes(root: etree._Element) -> set[etree._Element]:
    """The elements marked ``aria-hidden="true"`` that hold more than a short report's
    text: the panes of a row of tabs that a page does not show (older years' reports
    beside this year's), which its style sheet hides by that attribute (``.tab-panel[aria-
    hidden=true] { display: none }``, often in a sheet of its own, not in the page). A
    page marks so what a reader does not see: a small element (an icon, a copy of a
    label) is left to its style, and a pane that holds most of the page is the one shown
    (the caller's :func:`shown_by_script`). Read, the panes' reports were taken for a
    second report (XG007)."""
    return {
        el
        for el in _ARIA_HIDDEN(root)
        if (el.get("aria-hidden") or "").strip().lower() == "true"
        and text_length(el) > _REPORT_CHARACTERS
    }


def _names(el: etree._Element) -> set[str]:
    """An element's classes and id, as selectors name them (".name", "#name")."""
    names = {"." + name for name in (el.get("class") or "").split()}
    ident = el.get("id")
    if ident is not None:
        names.add("#" + ident)
    return names


def _hides(el: etree._Element, tags: dict[str, set[str]]) -> bool:
    """Whether a hiding selector (``tags``: its class or id and its tags) matches ``el``."""
    return any("" in tags[key] or el.tag in tags[key] for key in _names(el) if key in tags)


def _may_show(el: etree._Element, shown: set[str]) -> bool:
    """Whether a rule that shows, or the element's own style, may show ``el`` again."""
    if shown and not _names(el).isdisjoint(shown):
        return True
    style = el.get("style")
    return style is not None and _shows(_declarations(style)) is True


class _ShownInstead:
    """Whether a rule that shows elements of several classes together (``.tab.active {
    display: block }``) may show a hidden element of one of them (``.tab``).

    It may (a script may add the class) unless the page already gives the classes together
    to another element: then the page shows that one in this one's stead, as a row of tabs
    shows one pane (this year's report) and keeps the others (older years') hidden. Read,
    the other panes' reports were taken for a second report (XG007). Where no element has
    the classes together, the hidden one is read, as before (a script shows it)."""

    def __init__(self, root: etree._Element, together: set[frozenset[str]]) -> None:
        self.root = root
        self.together = together
        self.matched: dict[frozenset[str], bool] = {}

    def _matched(self, names: frozenset[str]) -> bool:
        """Whether an element of the page has all of ``names`` (".name" / "#name")."""
        if names not in self.matched:
            key = min(names)
            kind, name = key[0], key[1:]
            found = (
                _BY_CLASS(self.root, name=f" {name} ")
                if kind == "."
                else _BY_ID(self.root, name=name)
            )
            self.matched[names] = any(names <= _names(el) for el in found)
        return self.matched[names]

    def may_show(self, el: etree._Element) -> bool:
        if not self.together:
            return False
        names = _names(el)
        return any(
            shown <= names or not self._matched(shown)
            for shown in self.together
            if not names.isdisjoint(shown)
        )


def _read_sheet(
    sheet: str,
    screen: bool,
    hiding: list[tuple[str, str, str]],
    shown: set[str],
    together: set[frozenset[str]],
) -> None:
    """Add a stylesheet's (comments taken out) hiding simple selectors (only when
    ``screen``: top-level rules of a sheet for the screen) to ``hiding``, and the classes
    and ids of the subjects of its rules that show to ``shown`` (a subject of one class or
    id) or ``together`` (of several: ``.tab.active``, see :class:`_ShownInstead`)."""
    for prelude, block, nested in _rules(sheet):
        if nested:  # @media, @supports …: what they hide is not certain, what they show is
            desktop = for_desktop(prelude[6:]) if prelude.lower().startswith("@media") else None
            if desktop is not False:  # (rules for print or a small screen: nothing)
                _read_sheet(block, screen and desktop is True, hiding, shown, together)
            continue
        if prelude.startswith("@"):
            continue  # @font-face, @page, @keyframes …
        lower = block.lower()
        if "display" not in lower and "visibility" not in lower:
            continue  # nothing of showing (most rules: a font, a margin): not parsed
        says = _shows(_declarations(block))
        if says is None:
            continue
        for selector in prelude.split(","):
            selector = selector.strip()
            if says:
                subject = _COMBINATOR.split(selector)[-1]
                names = frozenset(kind + name for kind, name in _NAMES.findall(subject))
                if len(names) > 1:
                    together.add(names)
                else:
                    shown.update(names)
                continue
            simple = _SIMPLE.fullmatch(selector) if screen else None
            if simple:
                tag, kind, name = simple.groups()
                hiding.append(((tag or "").lower(), kind, name))


#: A media feature true only on a screen narrower than a desktop's (under 1024 px, or
#: 64 em): ``max-width: 768px``, ``max-device-width:40em``.
_NARROW = re.compile(r"\(\s*max-(?:device-)?width\s*:\s*(\d+(?:\.\d*)?)\s*(px|em|rem)?\s*\)")
_DESKTOP_PX = 1024


def for_desktop(media: str) -> bool | None:
    """Whether a media query list (a ``media`` attribute, what follows ``@media``) holds on
    a desktop screen, where a report is read: True surely (none, ``all``, ``screen``, or
    a list holding one), False surely not (print, speech …, a screen narrower than
    1024 px), None perhaps (another feature: ``min-width``, ``orientation``, ``not``)."""
    answers: set[bool | None] = set()
    for query in media.lower().split(","):
        query = " ".join(query.split())
        kind = query.split("(", 1)[0].replace(" and", " ").split()
        if "not" in kind:
            answers.add(None)
        elif kind and kind[-1] not in ("all", "screen"):
            answers.add(False)  # print, speech, (the old) handheld, tv …
        elif "(" not in query:
            answers.add(True)
        else:
            narrow = _NARROW.search(query)
            if narrow is None:
                answers.add(None)
            else:
                size = float(narrow.group(1)) * (16 if narrow.group(2) in ("em", "rem") else 1)
                answers.add(False if size < _DESKTOP_PX else None)
    if True in answers:
        return True  # a list holds where any of its queries does
    return False if answers == {False} else None


@bounded(32)
def _rules(sheet: str) -> tuple[tuple[str, str, bool], ...]:
    """The rules of a sheet: (prelude, block, whether the block holds rules), in order;
    kept for the page's other looks at the same sheet (hiding, unseen text, colours).

    Braces are counted (a block of ``@media`` holds rules); a statement ending in ";"
    before a rule (``@import …;``, ``@charset …;``) is not part of its prelude. An
    unclosed block runs to the end of the sheet. The braces are found by searches, not
    looked for character by character (a portal's sheet of 2 KB: 112 -> 20 µs).
    """
    out: list[tuple[str, str, bool]] = []
    at = 0
    while True:
        opening = sheet.find("{", at)
        if opening == -1:
            return tuple(out)
        prelude = sheet[at:opening].rpartition(";")[2].strip()
        depth = 1
        k = opening + 1
        nested = False
        for brace in _BRACES.finditer(sheet, k):
            if brace.group() == "{":
                depth += 1
                nested = True
            else:
                depth -= 1
                if not depth:
                    k = brace.end()
                    break
        else:
            k = len(sheet)
        block = sheet[opening + 1 : k - 1 if depth == 0 else k]
        out.append((prelude, block, nested or prelude.lower().startswith(("@media", "@supports"))))
        at = k


#: A brace of a style sheet.
_BRACES = re.compile(r"[{}]")


def _declarations(block: str) -> dict[str, str]:
    """A declaration block's properties (lower case) and values (lower case, without
    ``!important``); the last of a property wins."""
    out: dict[str, str] = {}
    for declaration in block.split(";"):
        name, colon, value = declaration.partition(":")
        if colon:
            value = value.lower().replace("!important", "")
            out[name.strip().lower()] = " ".join(value.split())
    return out


def _shows(declarations: dict[str, str]) -> bool | None:
    """What a block says of showing: False (it hides), True (it sets another display, or
    visibility: visible), None (nothing)."""
    display = declarations.get("display")
    visibility = declarations.get("visibility")
    if display == "none" or visibility in ("hidden", "collapse"):
        return False
    if declarations.get("content-visibility") == "hidden":  # its content, as display: none
        return False
    if (display is not None and display != "") or visibility == "visible":
        return True
    return None


# --------------------------------------------------------------------------- white-space

#: The ``white-space`` values that keep the text's line breaks (a browser breaks the line
#: at each one), and those that do not.
_KEEPS_BREAKS = frozenset({"pre", "pre-wrap", "pre-line", "break-spaces"})
_JOINS_LINES = frozenset({"normal", "nowrap"})
#: A selector this module reads ``white-space`` for: a tag, a class or an id, or a tag and
#: one of them (``div``, ``.txt``, ``p.txt``, ``#main``).
_TAG_OR_SIMPLE = re.compile(
    r"([a-zA-Z][a-zA-Z0-9]*+)?(?:([.#])(-?[_a-zA-Z\u00a0-\U0010ffff][-\w]*+))?"
)


def keeps_line_breaks(declarations: str) -> bool | None:
    """What a declaration block (a ``style`` attribute) says of line breaks in the text:
    True (``white-space: pre``, ``pre-wrap``, ``pre-line``, ``break-spaces``: kept), False
    (``normal``, ``nowrap``: joined), None (nothing)."""
    value = _declarations(declarations).get("white-space")
    if value is None:
        return None
    first = value.split(" ", 1)[0] if value else ""
    if first in _KEEPS_BREAKS:
        return True
    return False if first in _JOINS_LINES else None


#: The ``display`` values that make an element a block of its own (a line break before and
#: after it, as ``<div>`` and ``<p>`` are), and those that keep it in its line.
_BLOCK_DISPLAYS = frozenset({"block", "flex", "grid", "list-item", "flow-root"})
_INLINE_DISPLAYS = frozenset({"inline", "inline-block", "inline-flex", "inline-grid"})


def displayed_as_block(declarations: str) -> bool | None:
    """What a declaration block (a ``style`` attribute) says of an element's box: True
    (``display: block``, ``flex``, ``grid``, ``list-item``, ``flow-root``: a block), False
    (``inline``, ``inline-block``, ``inline-flex``, ``inline-grid``: in its line), None
    (nothing, ``none`` — the hidden elements' business — or a table's part)."""
    value = _declarations(declarations).get("display")
    if not value:
        return None
    first = value.split(" ", 1)[0]
    if first in _BLOCK_DISPLAYS:
        return True
    return False if first in _INLINE_DISPLAYS else None


def drawn_as_cell(declarations: str) -> bool:
    """Whether a declaration block (a ``style`` attribute) draws its element as a table's
    cell (``display: table-cell``)."""
    value = _declarations(declarations).get("display")
    return value is not None and value.split(" ", 1)[0] == "table-cell"


def drawn_as_cells_by_stylesheets(root: etree._Element) -> set[etree._Element]:
    """The elements the page's own ``<style>`` blocks draw as a table's cells (``.td {
    display: table-cell }``: a table of spans or divs drawn by the stylesheet), by a rule
    at the top of a sheet for the screen whose selector is a tag, a class or an id, or a
    tag and one of them (as for ``white-space``)."""
    found: set[etree._Element] = set()
    for block, tag, kind, name in _top_rules(root, "table-cell"):
        if drawn_as_cell(block):
            found.update(_selected(root, tag, kind, name))
    return found


def _top_rules(root: etree._Element, word: str) -> Iterator[tuple[str, str, str, str]]:
    """The rules at the top of the page's sheets for the screen that name ``word``, one
    per simple selector (a tag, a class or an id, or a tag and one of them): the rule's
    declaration block, the selector's tag (lower case; "": any), kind ("": a tag, "." or
    "#") and name. What ``@media`` and its kin give is not certain: not looked at."""
    for sheet, desktop in _sheets(root, word):
        if desktop is not True:
            continue
        for prelude, block, nested in _rules(sheet):
            if nested or prelude.startswith("@"):
                continue
            for selector in prelude.split(","):
                simple = _TAG_OR_SIMPLE.fullmatch(selector.strip())
                if simple is None or not (simple.group(1) or simple.group(2)):
                    continue
                tag, kind, name = simple.groups()
                yield block, (tag or "").lower(), kind or "", name or ""


def white_space_by_stylesheets(root: etree._Element, lowered: bytes) -> dict[etree._Element, bool]:
    """The elements the page's own ``<style>`` blocks give a ``white-space`` (see
    :func:`keeps_line_breaks`), by a rule at the top of a sheet for the screen whose
    selector is a tag, a class or an id, or a tag and one of them. Rules are applied tag
    rules first, then class rules, then id rules (the order of their weight), each in the
    order of the sheets; an element's own ``style`` attribute is the caller's. A page
    without ``white-space`` in a ``<style>`` costs a search of its bytes."""
    if b"<style" not in lowered or b"white-space" not in lowered:
        return {}
    rules: list[tuple[int, str, str, str, bool]] = []  # (weight, tag, kind, name, keeps)
    for block, tag, kind, name in _top_rules(root, "white-space"):
        keeps = keeps_line_breaks(block)
        if keeps is not None:
            weight = 0 if not kind else 1 if kind == "." else 2
            rules.append((weight, tag, kind, name, keeps))
    found: dict[etree._Element, bool] = {}
    for _, tag, kind, name, keeps in sorted(rules, key=lambda rule: rule[0]):
        found.update(dict.fromkeys(_selected(root, tag, kind, name), keeps))
    return found


# --------------------------------------------------------------------------- unseen text

#: A length of zero, as a font size says it (``0``, ``0px``, ``0.0pt``, ``0%``).
_ZERO_LENGTH = re.compile(r"(?:0+(?:\.0*)?|\.0+)(?:[a-z]+|%)?")
#: A colour that draws nothing: ``transparent``, or an alpha of zero (``rgba(0,0,0,0)``).
_NO_COLOUR = re.compile(r"transparent|(?:rgb|hsl)a?\([^()]*[,/]\s*(?:0+(?:\.0*)?|\.0+)\s*\)")
#: A ``clip-path`` that leaves nothing: an inset of half the box or more from every side.
_INSET_ALL = re.compile(r"inset\(\s*(?:[5-9]\d(?:\.\d*)?|100(?:\.0*)?)%\s*\)")
#: A ``clip`` rectangle (its four sides, spaces between), and a side that leaves at most a
#: pixel (a square of one pixel or none: ``rect(0 0 0 0)``, ``rect(1px, 1px, 1px, 1px)``).
_RECT = re.compile(r"rect\(([^()]*)\)")
_AT_MOST_A_PIXEL = re.compile(r"(?:0+(?:\.0*)?|\.0+|1(?:\.0*)?)(?:px)?")
_SIDES = re.compile(r"\s*,\s*|\s+")
#: Properties with which a text whose colour is transparent is still drawn (a gradient
#: or image clipped to the letters, a shadow, an outline, another fill).
_DRAWN_OTHERWISE = (
    "background-clip",
    "-webkit-background-clip",
    "text-shadow",
    "-webkit-text-stroke",
    "-webkit-text-fill-color",
)


#: A ``clip-path`` shape of no area: a circle of radius zero, an ellipse with a radius of
#: zero, a polygon whose points are all at the corner (``polygon(0 0, 0 0, 0 0)``).
_NO_SHAPE = re.compile(
    r"circle\(\s*0+(?:\.0*)?(?:px|%|r?em)?(?:\s+at\s[^()]*)?\)"
    r"|ellipse\(\s*(?:0+(?:\.0*)?(?:px|%|r?em)?\s+[^\s()]+|[^\s()]+\s+0+(?:\.0*)?(?:px|%|r?em)?)"
    r"(?:\s+at\s[^()]*)?\s*\)"
    r"|polygon\((?:\s*(?:nonzero|evenodd)\s*,)?[0\s,.%pxrem]*\)"
)
#: A length (a number and its unit; none in a page read in quirks mode).
_LENGTH = re.compile(r"(-?(?:\d+(?:\.\d*)?|\.\d+))(px|pt|r?em)?")
#: How far back (left or up) a length takes a box out of any window, by unit: a site
#: hides text with ``-9999px``, ``-999em``; a hanging indent is ``-2em``, a nudge ``-20px``.
_FAR_BACK = {"": 500.0, "px": 500.0, "pt": 400.0, "em": 30.0, "rem": 30.0}
#: ``scale()``, ``scaleX()``, ``scaleY()`` in a ``transform``, with what is in the brackets.
_SCALE = re.compile(r"scale[xy]?\(([^()]*)\)")
#: A number of zero (a factor of a scale, a width).
_ZERO = re.compile(r"0+(?:\.0*)?|\.0+")
#: The ``display`` values that make a box a block container with a size of its own (one
#: that ``width``, ``height`` and ``text-indent`` apply to; an inline box takes none).
_BOX_DISPLAYS = frozenset({"block", "inline-block", "list-item", "flow-root"})


def _far_back(value: str | None) -> bool:
    """Whether a length (``left``, ``top``, ``text-indent``) takes a box out of any window
    to the left or the top (:data:`_FAR_BACK`)."""
    if not value:
        return False
    length = _LENGTH.fullmatch(value)
    return length is not None and -float(length[1]) >= _FAR_BACK[length[2] or ""]


def _own_box(declarations: dict[str, str]) -> bool:
    """Whether a declaration block makes its element a box with a size of its own: a
    block or inline block by ``display``, or by ``float`` or an absolute ``position``
    (which make any box a block)."""
    return (
        declarations.get("display") in _BOX_DISPLAYS
        or declarations.get("float") in ("left", "right")
        or declarations.get("position") in ("absolute", "fixed")
    )


def _scaled_away(transform: str) -> bool:
    """Whether a ``transform`` scales its element to nothing (``scale(0)``, ``scaleX(0)``,
    ``scale(1, 0)``)."""
    return any(
        any(_ZERO.fullmatch(factor.strip()) for factor in found.split(","))
        for found in _SCALE.findall(transform)
    )


def _zero_size(declarations: dict[str, str]) -> bool:
    """Whether a declaration block gives its own box no width or no height with what
    overflows it cut off (``display: inline-block; width: 0; overflow: hidden``)."""
    if not _own_box(declarations):
        return False
    overflow = " ".join(
        declarations.get(name, "") for name in ("overflow", "overflow-x", "overflow-y")
    )
    if "hidden" not in overflow and "clip" not in overflow:
        return False
    return any(
        _ZERO_LENGTH.fullmatch(declarations.get(name) or "-")
        for name in ("width", "height", "max-width", "max-height")
    )


def _put_away(declarations: dict[str, str]) -> bool | None:
    """What a declaration block says of its element's box: True where it puts the box
    out of view with all inside it (far out of the window by ``left``/``top``, scaled to
    nothing, of no width or height with the rest cut off), False where it places or scales
    it otherwise (``left: 0``, ``transform: none``: a rule that shows it again), None where
    it says neither. A site hides a wrong digit that way as a mark against copying."""
    positioned = declarations.get("position") in ("absolute", "fixed", "relative")
    if positioned and (_far_back(declarations.get("left")) or _far_back(declarations.get("top"))):
        return True
    transform = declarations.get("transform")
    if transform is not None and _scaled_away(transform):
        return True
    if _zero_size(declarations):
        return True
    if transform is not None or "left" in declarations or "top" in declarations:
        return False
    return None


def _indented_away(declarations: dict[str, str], box: bool = False) -> bool | None:
    """What a declaration block says of its text's indent: True where a ``text-indent``
    far back (``-9999px``) takes the first line out of view in a box it applies to (a
    block or inline block by the block itself, or ``box``: a table cell, or a box by
    another rule; the indent applies to no inline box); False where it sets another
    indent; None where it sets none, or one far back that applies only if the element is
    such a box. Only an element with no element inside is taken (one inside may set its
    own indent again), as for a size or a colour."""
    indent = declarations.get("text-indent")
    if indent is None:
        return None
    if not _far_back(indent):
        return False
    return True if box or _own_box(declarations) else None


def _far_indent_only(declarations: dict[str, str]) -> bool:
    """Whether a declaration block sets a ``text-indent`` far back without making its
    element a box (:func:`_indented_away` undecided): it hides the text of a table cell,
    or of an element another rule makes a box (``.cp{display:inline-block}``)."""
    return _far_back(declarations.get("text-indent")) and not _own_box(declarations)


def _font_size(declarations: dict[str, str]) -> str | None:
    """The font size a declaration block sets (``font-size``, or the size in the ``font``
    shorthand: ``0/0 a``, ``bold 0 serif``), as written; None if it sets none."""
    size = declarations.get("font-size")
    if size is not None:
        return size
    font = declarations.get("font")
    if not font:
        return None
    for word in font.split():
        size = word.split("/", 1)[0]
        if size[:1].isdigit() or size[:1] == ".":
            return size
    return None


def _drawing(declarations: dict[str, str], box: bool = False) -> dict[str, bool]:
    """What a declaration block says of how its text is drawn: by ``"size"`` and
    ``"colour"``, True where it draws the text unseen (a font size of zero; a transparent
    colour, nothing else drawing the letters), False where it sets another size or colour."""
    said: dict[str, bool] = {}
    size = _font_size(declarations)
    if size is not None:
        said["size"] = _ZERO_LENGTH.fullmatch(size) is not None
    colour = declarations.get("color")
    if colour is not None:
        said["colour"] = _NO_COLOUR.fullmatch(colour) is not None and not any(
            name in declarations for name in _DRAWN_OTHERWISE
        )
    opacity = declarations.get("opacity")
    if opacity is not None:
        said["opacity"] = _ZERO_LENGTH.fullmatch(opacity) is not None
    clipped = _clipped(declarations)
    if clipped is not None:
        said["clip"] = clipped
    away = _put_away(declarations)
    if away is not None:
        said["box"] = away
    indented = _indented_away(declarations, box)
    if indented is not None:
        said["indent"] = indented
    return said


def _clipped(declarations: dict[str, str]) -> bool | None:
    """Whether a declaration block clips its element away, as a page hides text meant for
    screen readers only (``.sr-only``, ``.visually-hidden``: ``position: absolute;
    clip: rect(0 0 0 0)`` or ``clip-path: inset(50%)``): True; False where it draws the
    element whole again (``clip: auto``, ``clip-path: none``); None where it says neither.
    ``clip`` clips only an element taken out of the flow (``position: absolute``/``fixed``)."""
    path = declarations.get("clip-path")
    if path is not None and (_INSET_ALL.fullmatch(path) or _NO_SHAPE.fullmatch(path)):
        return True
    clip = declarations.get("clip")
    if clip is not None and declarations.get("position") in ("absolute", "fixed"):
        rect = _RECT.fullmatch(clip)
        if rect and all(map(_AT_MOST_A_PIXEL.fullmatch, _SIDES.split(rect[1].strip()))):
            return True
    if clip == "auto" or path == "none":
        return False
    return None


def unseen_text(declarations: str, inner: bool = False, box: bool = False) -> bool:
    """Whether a declaration block (a ``style`` attribute) draws its text unseen: a font
    size of zero, a transparent colour, an opacity of zero, or clipped away (see
    :func:`_drawing`). For an element with elements ``inner`` (which may set a size or a
    colour of their own again), only what none inside undoes: an opacity of zero, a clip.
    ``box``: the element is a box whatever its style says (a table cell), which a
    ``text-indent`` far back applies to."""
    said = _drawing(_declarations(declarations), box)
    if inner:
        return any(said.get(prop) is True for prop in _WHOLE)
    return True in said.values()


#: What draws an element unseen with all that is inside it (nothing inside draws again).
_WHOLE = frozenset({"opacity", "clip", "box"})


#: The words of a stylesheet that may draw text unseen (one of them in it: it is read).
_DRAWING_WORDS = (
    "font",
    "color",
    "opacity",
    "clip",
    "indent",
    "transform",
    "left",
    "top",
    "overflow",
)


def unseen_by_stylesheets(root: etree._Element) -> set[etree._Element]:
    """The elements with no element inside whose text the page's own ``<style>`` blocks
    draw unseen (``span.wm{font-size:0}``, ``.wm{color:transparent}``): by a rule at the
    top of a sheet for the screen whose selector is simple (as for hiding), unless a rule
    anywhere gives the class or id another size or colour (whichever made it unseen), or
    the element's own ``style`` does."""
    unseen: list[tuple[str, str, str, str]] = []  # (tag or "", "." or "#", name, property)
    drawn: set[str] = set()  # "size.name", "colour#name": another size or colour for it
    boxes: set[str] = set()  # ".name", "#name": made a box by a rule (for an indent)
    for sheet, desktop in _sheets(root, *_DRAWING_WORDS):
        _read_drawing(sheet, desktop is True, unseen, drawn, boxes)
    found: set[etree._Element] = set()
    for tag, kind, name, prop in unseen:
        if prop == _INDENT_IF_BOX:
            if "indent" + kind + name in drawn:
                continue
            found.update(_indented_boxes(_selected(root, tag, kind, name), kind + name in boxes))
            continue
        if prop + kind + name in drawn:
            continue
        for el in _selected(root, tag, kind, name):
            if not len(el) or prop in _WHOLE:
                own = el.get("style")
                if own is None or _drawing(_declarations(own)).get(prop, True):
                    found.add(el)
    return found


#: A rule's far-back ``text-indent`` that hides the text of a box only (see
#: :func:`_far_indent_only`), as :func:`_read_drawing` records it.
_INDENT_IF_BOX = "indent-if-box"
#: The tags of a table cell (a box: a ``text-indent`` applies to it).
_CELLS = frozenset({"td", "th"})


def _indented_boxes(selected: list[etree._Element], boxed: bool) -> Iterator[etree._Element]:
    """The elements with no element inside among ``selected`` (given a ``text-indent``
    far back by a rule that makes them no box) that are a box all the same: a table cell,
    or ``boxed`` (another rule makes them one), or by their own ``style``; unless their own
    ``style`` sets another indent."""
    for el in selected:
        if len(el):
            continue
        own = _declarations(el.get("style") or "")
        if own.get("text-indent") is not None and not _far_back(own["text-indent"]):
            continue
        if boxed or el.tag in _CELLS or _own_box(own):
            yield el


def _read_drawing(
    sheet: str,
    screen: bool,
    unseen: list[tuple[str, str, str, str]],
    drawn: set[str],
    boxes: set[str],
) -> None:
    """Add a stylesheet's simple selectors that draw text unseen (only when ``screen``, at
    its top) to ``unseen``, and the classes and ids of the subjects of its rules that set
    another size or colour to ``drawn`` (as :func:`_read_sheet` does for hiding). A
    ``text-indent`` far back in a rule that makes no box is added as
    :data:`_INDENT_IF_BOX`; the classes and ids of the subjects of rules that make a box
    (``display: inline-block``, a float, an absolute position) to ``boxes``."""
    for prelude, block, nested in _rules(sheet):
        if nested:
            desktop = for_desktop(prelude[6:]) if prelude.lower().startswith("@media") else None
            if desktop is not False:
                _read_drawing(block, screen and desktop is True, unseen, drawn, boxes)
            continue
        if prelude.startswith("@"):
            continue
        declarations = _declarations(block)
        said = _drawing(declarations)
        boxed = _own_box(declarations)
        far_indent = _far_indent_only(declarations)
        if not said and not boxed and not far_indent:
            continue
        for selector in prelude.split(","):
            selector = selector.strip()
            subject = _COMBINATOR.split(selector)[-1]
            if boxed:
                boxes.update(kind + name for kind, name in _NAMES.findall(subject))
            if far_indent and screen:
                simple = _SIMPLE.fullmatch(selector)
                if simple:
                    tag, kind, name = simple.groups()
                    unseen.append(((tag or "").lower(), kind, name, _INDENT_IF_BOX))
            for prop, hides in said.items():
                if not hides:
                    drawn.update(prop + kind + name for kind, name in _NAMES.findall(subject))
                    continue
                simple = _SIMPLE.fullmatch(selector) if screen else None
                if simple:
                    tag, kind, name = simple.groups()
                    unseen.append(((tag or "").lower(), kind, name, prop))


# --- Text in the colour of its background -------------------------------------------

#: A colour: red, green and blue, each 0-255.
Colour = tuple[int, int, int]

#: Colours by the names pages write for a text or a background.
_COLOUR_NAMES: dict[str, Colour] = {
    "white": (255, 255, 255),
    "black": (0, 0, 0),
    "red": (255, 0, 0),
    "green": (0, 128, 0),
    "blue": (0, 0, 255),
    "yellow": (255, 255, 0),
    "orange": (255, 165, 0),
    "gray": (128, 128, 128),
    "grey": (128, 128, 128),
    "silver": (192, 192, 192),
    "navy": (0, 0, 128),
    "maroon": (128, 0, 0),
    "whitesmoke": (245, 245, 245),
    "snow": (255, 250, 250),
    "ivory": (255, 255, 240),
}
#: A colour as written in a value: ``#fff``, ``#ffffff``, ``rgb(255, 255, 255)``, a name.
_COLOUR_WORD = re.compile(r"#[0-9a-f]+|rgba?\([^()]*\)|[a-z]+")
#: A background that is no plain colour: a picture or a gradient (what is on it may show).
_PICTURE = re.compile(r"url\(|gradient|image-set|element\(")
#: How far apart (in any of red, green, blue) a text's colour and its background may be
#: for the text to be unseen (``#fefefe`` on white).
_ALIKE = 8
#: The tag a compound selector starts with.
_TAG = re.compile(r"[a-zA-Z][a-zA-Z0-9]*")
#: The page's background where nothing sets another.
_PAGE_BACKGROUND: Colour = (255, 255, 255)


def colour(value: str) -> Colour | None:
    """The opaque colour a CSS value (or a ``color``/``bgcolor`` attribute) names:
    ``#fff``, ``#ffffff``, ``rgb(255,255,255)``, ``rgb(100% 100% 100%)``, ``white``; None
    for anything else (a colour with some transparency, ``inherit``, a misspelling)."""
    value = value.strip().lower()
    if value.startswith("#"):
        digits = value[1:]
        if len(digits) in (4, 8) and digits[len(digits) * 3 // 4 :] not in ("f", "ff"):
            return None
        if len(digits) in (3, 4) and all(c in "0123456789abcdef" for c in digits):
            return (int(digits[0] * 2, 16), int(digits[1] * 2, 16), int(digits[2] * 2, 16))
        if len(digits) in (6, 8) and all(c in "0123456789abcdef" for c in digits):
            return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))
        return None
    if value.startswith("rgb"):
        parts = re.split(r"[\s,/]+", value[value.find("(") + 1 : value.rfind(")")].strip())
        if len(parts) not in (3, 4):
            return None
        try:
            if len(parts) == 4 and _channel(parts[3], 1.0) < 1.0:
                return None
            red, green, blue = (round(_channel(part, 255.0)) for part in parts[:3])
        except ValueError:
            return None
        return (red, green, blue)
    return _COLOUR_NAMES.get(value)


def _channel(part: str, whole: float) -> float:
    """A channel of ``rgb()`` (a number, or a percentage of ``whole``), kept in range."""
    number = float(part[:-1]) * whole / 100 if part.endswith("%") else float(part)
    return min(max(number, 0.0), whole)


#: What a background says: a colour; ``_CLEAR`` (none or transparent: the one behind
#: shows); ``_UNKNOWN`` (a picture, a gradient, a value not understood: whatever is drawn).
_CLEAR = "clear"
_UNKNOWN = "unknown"
Background = Colour | str


def background(declarations: dict[str, str]) -> Background | None:
    """The background a declaration block paints (see :data:`Background`); None where it
    sets none. ``background-color`` wins over the shorthand's colour; a picture in either
    property makes it unknown."""
    image = declarations.get("background-image")
    shorthand = declarations.get("background")
    if (image and image != "none") or (shorthand and _PICTURE.search(shorthand)):
        return _UNKNOWN
    value = declarations.get("background-color") or shorthand
    if value is None:
        return None
    if value in ("transparent", "none", "initial", "unset"):
        return _CLEAR
    for word in _COLOUR_WORD.findall(value):
        found = colour(word)
        if found is not None:
            return found
        if word == "transparent" or word.startswith("rgba"):
            return _CLEAR if word == "transparent" else _UNKNOWN
    return _UNKNOWN if value not in ("none",) else _CLEAR


def _alike(one: Colour, other: Colour) -> bool:
    """Whether two colours are too near for a text in one to be seen on the other."""
    return all(abs(a - b) <= _ALIKE for a, b in zip(one, other, strict=True))


class _Paints:
    """What the page's own ``<style>`` blocks say of text colours and backgrounds.

    Text colours are taken from rules for the screen whose selector is simple (a class or
    an id, with or without a tag, as for hiding); a class or id given a colour by any other
    rule is left undecided. Backgrounds are taken from every rule for the screen by the
    last compound of each selector (its tag, classes and ids: ``.nav li`` paints every
    ``li``): an element painted by rules that disagree has an unknown background. Taken
    wide on purpose: a background wrongly thought coloured keeps a text read.
    """

    def __init__(self, root: etree._Element) -> None:
        self.text: dict[str, list[Colour | None]] = {}
        self.painted: dict[str, list[Background]] = {}
        self.undecided: set[str] = set()
        for sheet, desktop in _sheets(root, "color", "background"):
            if desktop is not False:
                self._read(sheet, desktop is True)

    def _read(self, sheet: str, screen: bool) -> None:
        for prelude, block, nested in _rules(sheet):
            if nested:
                desktop = for_desktop(prelude[6:]) if prelude.lower().startswith("@media") else None
                if desktop is not False:
                    self._read(block, screen and desktop is True)
                continue
            if prelude.startswith("@"):
                continue
            said = _declarations(block)
            text = said.get("color")
            paint = background(said)
            if text is None and paint is None:
                continue
            for selector in prelude.split(","):
                selector = selector.strip()
                subject = _COMBINATOR.split(selector)[-1]
                names = [kind + name for kind, name in _NAMES.findall(subject)]
                if paint is not None:
                    named = _TAG.match(subject)
                    keys = names or ([named[0].lower()] if named else ["*"])
                    for key in keys:
                        self.painted.setdefault(key, []).append(paint)
                if text is not None:
                    simple = _SIMPLE.fullmatch(selector) if screen else None
                    if simple:
                        tag, kind, name = simple.groups()
                        key = f"{(tag or '').lower()}{kind}{name}"
                        self.text.setdefault(key, []).append(colour(text))
                    else:
                        self.undecided.update(names)

    def text_colour(self, el: etree._Element) -> Colour | None:
        """The colour the sheets give ``el``'s text by a simple selector, if one and sure."""
        if not self.text:
            return None
        found: set[Colour | None] = set()
        for key in _keys(el):
            if key in self.undecided:
                return None
            for tagged in (key, el.tag + key):
                found.update(self.text.get(tagged, ()))
        return found.pop() if len(found) == 1 else None

    def seen_on_own(self, key: str, colours: list[Colour | None]) -> bool:
        """Whether the sheets paint the class or id ``key`` a background of its own that
        none of the text ``colours`` they give it is alike: its text is seen on it, and
        its elements need not be looked for (each a query over the page)."""
        painted = self.painted.get(key)
        if not painted:
            return False
        return all(
            isinstance(paint, tuple)
            and not any(text is not None and _alike(text, paint) for text in colours)
            for paint in painted
        )

    def background(self, el: etree._Element) -> Background | None:
        """The background the sheets paint ``el`` with (None: they paint it nothing)."""
        if not self.painted:
            return None
        found: set[Background] = set()
        for key in (*_keys(el), str(el.tag), "*"):
            found.update(self.painted.get(key, ()))
        if not found:
            return None
        return found.pop() if len(found) == 1 else _UNKNOWN


def _keys(el: etree._Element) -> list[str]:
    """An element's classes (".name") and id ("#name")."""
    keys = ["." + name for name in (el.get("class") or "").split()]
    if el.get("id"):
        keys.append("#" + el.get("id", ""))
    return keys


def _own_text_colour(el: etree._Element, paints: _Paints) -> Colour | None:
    """The colour ``el`` sets for its own text: by its ``style``, a ``<font color>``, or
    the page's sheets."""
    style = el.get("style")
    if style and "color" in style.lower():
        value = _declarations(style).get("color")
        if value is not None:
            return colour(value)
    if el.tag == "font" and el.get("color"):
        return colour(el.get("color", ""))
    return paints.text_colour(el)


def _shown_background(
    el: etree._Element, paints: _Paints, known: dict[etree._Element, Background]
) -> Background:
    """The background ``el`` shows: its own, or the nearest ancestor's that paints one
    (by ``style``, a ``bgcolor`` attribute, or the page's sheets); the page's white where
    none does. ``known``: the backgrounds found so far (ancestors are shared)."""
    chain: list[etree._Element] = []
    node: etree._Element | None = el
    found: Background = _PAGE_BACKGROUND
    while node is not None:
        if node in known:
            found = known[node]
            break
        chain.append(node)
        paint = _painted(node, paints)
        if paint is not None and paint != _CLEAR:
            found = paint
            break
        node = node.getparent()
    for passed in chain:
        known[passed] = found
    return found


def _painted(node: etree._Element, paints: _Paints) -> Background | None:
    """The background ``node`` paints itself (None: none; ``_CLEAR``: a clear one)."""
    style = node.get("style")
    paint = None
    if style and "background" in style.lower():
        paint = background(_declarations(style))
    if paint is None and node.get("bgcolor"):
        paint = colour(node.get("bgcolor", "")) or _UNKNOWN
    if paint is None:
        paint = paints.background(node)
    return paint


def _coloured(
    root: etree._Element, styled: list[etree._Element], paints: _Paints, fonts: bool
) -> set[etree._Element]:
    """The elements that may set their text's colour: ``styled`` (their ``style`` names a
    colour), ``<font color>`` (where the page has a ``<font>``: ``fonts``), and those the
    sheets' simple selectors give a colour."""
    found = set(styled)
    if fonts:
        found.update(_FONT_COLOURED(root))
    # A class's colour matters where it is a background's: the page's, or one the sheets
    # paint (body{color:#333} and a{color:#333} are not looked for: a query each).
    grounds = {_PAGE_BACKGROUND}
    grounds.update(p for ps in paints.painted.values() for p in ps if isinstance(p, tuple))
    for key, colours in paints.text.items():
        simple = _SIMPLE.fullmatch(key)
        if simple and any(c is not None and any(_alike(c, g) for g in grounds) for c in colours):
            tag, kind, name = simple.groups()
            if paints.seen_on_own(kind + name, colours):
                continue  # (.footer{color:#fff;background:#b5161b}: no element to look at)
            found.update(_selected(root, (tag or "").lower(), kind, name))
    return found


#: ``<font>`` elements with a ``color`` attribute.
_FONT_COLOURED = etree.XPath("//font[@color]")


def in_background_colour(
    root: etree._Element,
    styled: list[etree._Element],
    blocks: frozenset[str],
    fonts: bool = True,
) -> set[etree._Element]:
    """The elements among ``candidates`` with no element inside whose text is in the
    colour of the background they show (:func:`_shown_background`): a site's mark against
    copying, a wrong digit in white before the real one (``<span style="color:#fff">70
    </span>0``). Only where the nearest block (``blocks``: a paragraph, a cell) holds other
    text that is seen: a label in white on a cell a stylesheet the reader does not have
    paints red (a header cell) is the whole of its cell, and stays read."""
    paints = _Paints(root)
    known: dict[etree._Element, Background] = {}
    found: dict[etree._Element, list[etree._Element]] = {}
    for el in _coloured(root, styled, paints, fonts):
        if len(el) or not (el.text or "").strip():
            continue
        text = _own_text_colour(el, paints)
        if text is None:
            continue
        shown = _shown_background(el, paints, known)
        if isinstance(shown, tuple) and _alike(text, shown):
            block: etree._Element | None = el
            while block is not None and block.tag not in blocks:
                block = block.getparent()
            if block is not None:
                found.setdefault(block, []).append(el)
    unseen: set[etree._Element] = set()
    for block, inside in found.items():
        if _seen_text_beside(block, set(inside)):
            unseen.update(inside)
    return unseen


def _seen_text_beside(block: etree._Element, unseen: set[etree._Element]) -> bool:
    """Whether ``block`` holds text (not space) outside the elements ``unseen``."""
    for node in block.iter():
        if node not in unseen and node.text and node.text.strip() and isinstance(node.tag, str):
            return True
        if node is not block and node.tail and node.tail.strip():
            return True
    return False
