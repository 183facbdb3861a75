"""Where lxml's text stands in the HTML source: one scan for markup, a cursor for text.

lxml gives every element its line (``sourceline``: the line where its start tag ends) but
no columns, and no position at all for text. So that a diagnostic points at a cell's
digits in the ``.html`` file, the source is cut once, by one regular expression run in C,
into alternating pieces: text, markup, text, markup … (tags, comments, declarations, and
``<script>``/``<style>`` elements whole, since their content is not text). A cursor then
moves forward through the pieces in step with the walk over lxml's tree:

* entering an element moves it past the element's start tag (tags the parser dropped or
  invented are recognised by name and line);
* a piece of text from lxml is looked for in the text pieces at the cursor: across end
  tags and comments but never past the next start tag, since a text node never spans one,
  and within a bounded window, so that a piece that is not found (text libxml2 changed)
  costs a bounded time; characters written as references (``&ldquo;``, ``&#20013;``) are
  matched too.

The regular expression has no nested quantifier over overlapping alternatives, so it runs
in linear time whatever the input.
"""

from __future__ import annotations

import bisect
import html as html_entities
import itertools
import operator
import re
import sys
from collections.abc import Sequence

from xxgk_lint import memo

# Markup, in the order libxml2 reads it. Group 1 is the whole piece, so that ``split``
# returns text and markup alternately; group 2 is the name of a start tag (None for other
# markup; a ``<script>`` or ``<style>`` element is one piece, start tag and content), group
# 3 is set for script and style. Attribute values in quotes may hold ">"; a tag left open
# ends at the next "<", as libxml2 ends it. The "<" stands outside the alternatives and the
# end tags (the most frequent) come first: the split runs about 20 % faster.
#
# Linear time: the alternatives begin with different characters ("/", a letter, "!--",
# "!" or "?"); inside a tag each repetition of the attribute group begins with "=", which
# the runs around it never hold, and what follows the group (a ">" or nothing, or a lazy
# scan that may run to the end) always matches, so the engine never backtracks into the
# group. A quote left open costs one scan to the end of the page at most once, for the
# last quote character of the page. Since what follows each repetition always matches,
# making them possessive (``*+``) changes no match; it spares the engine its bookkeeping
# for backtracking (the split runs about 15 % faster). What may be there or not (the
# closing ">", a quoted value) is written as alternatives, the last empty, not as
# optional (``>?``, ``(?:…)?``): the two match the same, but ``re`` runs an optional item
# through its repeat, which costs more than the ">" or the quotes themselves.
_MARKUP_PATTERN = r"""(<(?:
            /[^>]*+(?:>|)                     # an end tag
          | ((script|style)(?=[\s/>]|\Z)|[a-z][^\s/<>]*+)
            [^<>=]*+(?:=\s*+(?:"[^"]*+"|'[^']*+'|)[^<>=]*+)*+(?:>|)
            (?(3)[^<]*+(?:<(?!/\3)[^<]*+)*+)   # the content of a script or style
          | !--[^-]*+(?:-(?!->)[^-]*+)*+(?:-->|)  # a comment
          | [!?][^>]*+(?:>|)                  # a declaration, a processing instruction
    ))"""
_MARKUP_FLAGS = re.VERBOSE | re.DOTALL | re.IGNORECASE | re.ASCII
if sys.version_info < (3, 11):  # no possessive quantifiers before 3.11: the same split, slower
    _MARKUP_PATTERN = _MARKUP_PATTERN.replace("*+", "*")
_MARKUP = re.compile(_MARKUP_PATTERN, _MARKUP_FLAGS)
_END_NAME = re.compile(r"</([a-zA-Z][^\s/<>]*)", re.ASCII)
_CELL_TAG = re.compile(r"<t[dh](?![^\s/>])", re.IGNORECASE | re.ASCII)

#: How far past the cursor a piece of text is looked for (plus 8 per character of it).
WINDOW = 4096
#: What passing one piece of markup costs from that budget.
_STEP_COST = 16

#: Elements libxml2 creates when the page leaves their tags out.
IMPLIED = frozenset({"html", "head", "body"})

# A piece of extracted text and where it starts in the source: (text, offset, advance).
# ``advance`` is False when the text is not a verbatim copy of the source (a space that
# joins two pieces, a TAB, a character written as an entity).
Seg = tuple[str, int, bool]


def count_cells(src: str, limit: int) -> int:
    """How many ``<td>`` and ``<th>`` tags the page holds (in scripts and comments too: an
    upper bound, counted before the page is parsed), if that is over ``limit``; else a
    number no larger than ``limit``. A page of at most three characters per allowed cell
    is not looked at (a tag is three characters at least: most pages); the tags are only
    counted one by one when the count of "<" (one C-level pass for one character), then
    that of "<t" and "<T" (upper bounds of theirs) are over the limit."""
    quick = len(src) // 3
    if quick <= limit:
        return quick
    quick = src.count("<")
    if quick <= limit:
        return quick
    quick = src.count("<t") + src.count("<T")
    if quick <= limit:
        return quick
    return _CELL_TAG.subn("", src)[1]


def line_starts(lines: Sequence[str]) -> list[int]:
    """Where each of ``lines`` (a text split at LF) starts in the text: C-level passes.
    ``operator.add`` with a repeated 1 is a builtin call, cheaper than the method wrapper
    ``(1).__add__`` (−20 % of the passes)."""
    ends = map(operator.add, map(len, lines[:-1]), itertools.repeat(1))
    return list(itertools.accumulate(ends, initial=0))


def _lowered(names: list[str]) -> list[str]:
    """``names`` in lower case, as lxml gives tags. A page that writes its tags in lower
    case (most: Word's exports, today's CMSs) keeps its list: one ``lower`` of all the
    names joined, compared with them, instead of one call a name (qingshan, 614 start
    tags: 382 K -> 177 K instructions). Exact: no character that ``lower`` leaves as it
    is in the whole changes in one name. A page whose first tag is in capitals (``<HTML>``)
    is lowered name by name at once."""
    first = names[0] if names else ""
    if first.lower() == first:
        joined = "".join(names)
        if joined.lower() == joined:
            return names
    return list(map(str.lower, names))


class SourceCursor:
    """The decoded page cut into text and markup, and a cursor that only moves forward."""

    def __init__(self, src: str, lines: Sequence[str]) -> None:
        self.src = src
        # [text, markup, start tag's name or None, script/style name or None, text, …]
        pieces = _MARKUP.split(src)
        count = len(pieces) // 4
        starts = pieces[2::4]  # a name is never empty
        # The split becomes the pieces in place, its two name columns deleted: two C-level
        # passes that move the list's items (a new list filled by two slices cost 1-6 µs
        # more a page).
        del pieces[3::4]
        del pieces[2::3]
        #: pieces[0::2] are text, pieces[1::2] markup; offsets[j] is where pieces[j] starts.
        self.pieces: list[str] = pieces
        self.offsets = list(itertools.accumulate(map(len, pieces), initial=0))
        #: The indexes (in ``pieces``) of the start tags, in order, and their names.
        self.start_tags = list(itertools.compress(range(1, 2 * count, 2), starts))
        self.names = _lowered(list(filter(None, starts)))
        #: Offsets where the source's lines start (lines: the source split at LF).
        self.line_starts = line_starts(lines)
        self.k = 0  # the index (in start_tags) of the first start tag after the cursor
        self.j = 0  # the text piece the cursor is in
        self.pos = 0  # the cursor's offset in the source (within pieces[j])

    # -- what the markup holds

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    # -- moving

    def enter(self, tag: str, sourceline: int | None) -> bool:
        """Move past the start tag of the element being entered; False if it has none.

        End tags, comments and declarations before it are passed. libxml2 only invents
        html/head/body; any other start tag is in the source. Start tags the parser dropped
        (a second ``<body>``, stray tags) are passed if they stand no later than the
        element's line.
        """
        tags, names = self.start_tags, self.names
        k = self.k
        if k < len(tags) and names[k] == tag:
            index = tags[k]
            self.k = k + 1
            self.j = index + 1
            self.pos = self.offsets[index + 1]
            return True
        if tag in IMPLIED:
            return False
        for skipped in range(20):
            if k + skipped + 1 >= len(tags):
                break
            index = tags[k + skipped]
            name = names[k + skipped]
            if name not in IMPLIED and (
                sourceline is None
                or self.line_of(self.offsets[index]) > sourceline
                or name in ("td", "th", "tr")
            ):
                break  # not a tag the parser dropped: the element has no start tag
            if names[k + skipped + 1] == tag:
                index = tags[k + skipped + 1]
                self.k = k + skipped + 2
                self.j = index + 1
                self.pos = self.offsets[index + 1]
                return True
        return False

    def leave(self, tag: str) -> None:
        """After an element whose text was not read (hidden, dropped): move past its end
        tag, if it comes soon and before the next start tag, so that its text is not found
        for the text after it."""
        k = self.k
        limit = self.start_tags[k] if k < len(self.start_tags) else len(self.pieces)
        limit = min(limit, self.j + 2 * 64)
        for index in range(self.j + 1, limit, 2):
            match = _END_NAME.match(self.pieces[index])
            if match and match.group(1).lower() == tag:
                self.j = index + 1
                self.pos = self.offsets[index + 1]
                return

    def find(self, token: str) -> list[Seg]:
        """Locate ``token`` (text from lxml, no whitespace) at or after the cursor.

        Searches text pieces only, across end tags and comments but not past the next
        start tag, and no further than a window. Falls back to the cursor's position.
        """
        pieces, offsets = self.pieces, self.offsets
        k = self.k
        limit = self.start_tags[k] if k < len(self.start_tags) else len(pieces)
        j = self.j
        local = self.pos - offsets[j]
        budget = WINDOW + 8 * len(token)
        while True:
            run = pieces[j]
            end = min(len(run), local + budget)
            at = run.find(token, local, end)
            if at != -1:
                self.j = j
                self.pos = offsets[j] + at + len(token)
                return [(token, offsets[j] + at, True)]
            if run.find("&", local, end) != -1:
                stops = _find_with_references(run, token, local, end)
                if stops is not None:
                    self.j = j
                    self.pos = offsets[j] + stops[-1]
                    return _group(token, stops, offsets[j])
            budget -= end - local + _STEP_COST
            j += 2
            if budget <= 0 or j > limit:
                break  # the window is used up, or the next start tag is reached
            local = 0
        at = min(self.pos, max(len(self.src) - 1, 0))
        return [(token, at, False)]


def _find_with_references(run: str, token: str, start: int, end: int) -> list[int] | None:
    """Where ``token`` stands in ``run[start:end]`` if some of its characters are written
    as references (``&name;``, ``&#n;``): the offset of each character, plus the end.
    Tried where the token's first character or a "&" stands, the nearer first."""
    first = token[0]
    p = start
    while p < end:
        a = run.find(first, p, end)
        b = run.find("&", p, end)
        if a == -1 or (b != -1 and b < a):
            if b == -1:
                return None
            a = b
        stops = _match_with_references(run, token, a, end)
        if stops is not None:
            return stops
        p = a + 1
    return None


def _match_with_references(run: str, token: str, p: int, end: int) -> list[int] | None:
    """Offset of each character of ``token`` read from ``p`` (plus the end), where
    characters may be written as ``&name;`` or ``&#n;``. The characters before the next
    "&" are compared at once (``startswith``) and their offsets added by one ``range``:
    a Python step per reference, not per character (with ``_group`` by runs: 62.9 K ->
    51.0 K instructions a ``find`` on the fixtures' tokens, 1-30 characters with one to
    four references)."""
    stops: list[int] = []
    i, size = 0, len(token)
    while i < size:
        if p >= end:
            return None
        amp = run.find("&", p, end)
        literal = (end if amp == -1 else amp) - p  # characters before the next "&"
        if literal:
            n = min(literal, size - i)
            if not run.startswith(token[i : i + n], p):
                return None
            stops.extend(range(p, p + n))
            p += n
            i += n
            continue
        ch = token[i]  # run[p] is "&": a reference for ch, or ch itself
        semi = run.find(";", p + 1, min(end, p + 40))
        if semi != -1 and _unescape(run[p : semi + 1]) == ch:
            stops.append(p)
            p = semi + 1
        elif ch == "&":
            stops.append(p)
            p += 1
        else:
            return None
        i += 1
    stops.append(p)
    return stops


#: What each reference read so far stands for, kept for the process (a page writes the
#: same few: ``&gt;``, ``&ldquo;``, ``&nbsp;``): ``html.unescape`` runs a regular
#: expression with a Python callback and a look-up in a table of 2,231 names, several
#: microseconds a call in a read (cold), a dictionary look-up here.
_REFERENCES: memo.Table[str, str] = memo.Table(1024)


def _unescape(reference: str) -> str:
    """``html.unescape(reference)``, looked up once per distinct reference."""
    text = _REFERENCES.get(reference)
    if text is None:
        text = _REFERENCES.keep(reference, html_entities.unescape(reference))
    return text


def _group(token: str, stops: list[int], base: int) -> list[Seg]:
    """Split ``token`` into runs that stand at consecutive source offsets (``base`` plus
    ``stops``, one per character, increasing). Along a run the offset less the index is
    constant and it only grows, so each run ends where ``bisect`` says: a step per run,
    not per character."""
    shifts = list(map(operator.sub, stops, range(len(token))))
    segs: list[Seg] = []
    start = 0
    while start < len(token):
        end = bisect.bisect_right(shifts, shifts[start], start)
        segs.append((token[start:end], base + stops[start], True))
        start = end
    return segs
