"""A line-at-a-time lexer driven by the terminals of ``grammar/report.lark``.

Lark's character-level lexer costs ~20 µs a token on these inputs (measured on the seeds);
a report has a few hundred lines but over a thousand cells. So each line is classified
once with the grammar's *line* terminals (tried in priority order, each a ``fullmatch`` on
the stripped line) and handed to the LALR parser as one token; ROW lines are split into
cells with the grammar's *cell* terminals, compiled into one alternation. The patterns live
in the grammar file only: this module reads them from Lark's compiled terminal list.

Consecutive lines that the grammar cannot tell apart — rows (``rows: ROW+``), or prose
lines that go on (PROSE, TEXT: ``paragraph: (PROSE | TEXT)* END``) — are handed over as one
:class:`LineRun` token holding each line: the tree is the same, and the parser does the
work of one token, not of each line (a one-cell-per-line table has hundreds).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from itertools import accumulate, compress, count, filterfalse, repeat
from typing import Final

from xxgk_lint.format import FORMAT_2021, section_key, words_across
from xxgk_lint.format.document import (
    BLANK_DASHES,
    BLANK_SLASHES,
    BLANK_WORD,
    COUNT_UNITS,
    HEADING_OPEN,
    SENTENCE_ENDS,
)
from xxgk_lint.format.normalise import (
    MINUS_SIGNS,
    ZERO_WIDTH,
    find_radical,
    fold_minus,
    fold_radicals,
)
from xxgk_lint.memo import Table, compiled
from xxgk_lint.parse._lark_runtime import Lexer, Token
from xxgk_lint.parse.numerals import DIGITS, NUMERAL_STARTS, heading_numeral
from xxgk_lint.records import NamedTuple  # (typing's, without compiling annotations)

LINE_TERMINALS = ("HEADING", "PAGE_MARK", "RULE_LINE", "END", "PROSE", "TITLE", "ROW", "TEXT")
CELL_TERMINALS = ("CELL_SEP", "NUMBER", "PLACEHOLDER", "CELL_TEXT")

#: (The zero-width characters too: copied from a web page, they stand around a line's text.)
_BLANK = " \t\u3000\xa0\u2002\u2003\u2009" + ZERO_WIDTH
_SPACES = _BLANK.replace("\t", "")  # tabs are cell separators: a ROW keeps them
#: The minus signs fold_minus folds (a tuple: iterating a string makes each one anew).
_OTHER_MINUS = tuple(MINUS_SIGNS[1:])


_DIGITS = "0123456789０１２３４５６７８９"
#: Characters a line must start with for these terminals to match at all (read off their
#: patterns in report.lark); a cheap test that skips most of the regular expressions.
_FIRST_CHARS = {
    "HEADING": "#*一二三四五六七八第" + HEADING_OPEN,
    "PAGE_MARK": "-－—–第Pp" + _DIGITS,
    "RULE_LINE": "|:-",
}
#: The characters of the grammar's PLACEHOLDER terminal (the format's blank marks).
_PLACEHOLDER_CHARS = BLANK_SLASHES + BLANK_DASHES + BLANK_WORD
#: What a heading may start with, and the blanks between two Chinese characters of a
#: heading written letter-spaced (一、总 体 情 况), which Word and PDF titles often are.
_HEADING_STARTS = frozenset(_FIRST_CHARS["HEADING"])
_LETTER_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")
#: Characters one of which a line must contain for these terminals to match.
_CONTAINS = {
    "PROSE": "。；",
    "TITLE": "报報",
    # a cell separator, a digit (every NUMBER has one) or a placeholder's character
    "ROW": "|｜\t" + _DIGITS + _PLACEHOLDER_CHARS,
}
#: Characters one of which a line must end with for these terminals to match (PAGE_MARK:
#: so that a line opening with 第 does not compile its pattern at every start).
_LAST_CHARS = {"END": "。；;：:！!？?”\"’'）)】」』]", "PAGE_MARK": "-－—–页" + _DIGITS}
#: Characters whose presence alone makes these terminals match (ROW: a cell separator;
#: PROSE: 。 or ； — any line holding one matches its pattern). Each is one of the
#: characters the terminal needs (``_CONTAINS``), so it is tested first.
_SUFFICIENT = {"ROW": "|｜\t", "PROSE": "。；"}
#: Last characters that alone make these terminals match (END: a line ending in 。).
_LAST_SUFFICIENT = {"END": "。；;：:！!？?"}
#: A ROW without a cell separator (``_SUFFICIENT``) needs a number or placeholder standing
#: alone between blanks; on a line without a blank that is the whole line, which must then
#: start with one of the first characters and end with one of the last ones of those
#: (a line such as 2.申请人逾期未按… holds a digit but is no row: told without the pattern),
#: or hold a colon (行政许可：1493: a label and its value after the colon);
#: or, numbers with their units glued on (1493件0件3件), a unit.
_ALONE = {
    "ROW": (
        "+-−" + _DIGITS + _PLACEHOLDER_CHARS,
        _DIGITS + _PLACEHOLDER_CHARS + "".join(unit[-1] for unit in COUNT_UNITS) + "元)）",
    )
}
#: Whether a text holds no blank (the blanks of ``(?<!\S)`` and ``(?!\S)``).
_ONE_WORD = re.compile(r"\S+").fullmatch


class CellToken(NamedTuple):
    """A piece of a ROW line: its terminal, text and 1-based start/end columns.

    A NamedTuple, not a dataclass: a report has a thousand of these, and tuples are built
    several times faster.
    """

    type: str
    text: str
    column: int
    end_column: int


#: One non-blank line of the report, as the grammar classified it: a plain tuple, read by
#: the indices below (or unpacked). A report has hundreds, made by C loops (see
#: :meth:`LineLexer.runs`): a NamedTuple cost three times a plain tuple to make and free,
#: and a descriptor call per field read.
Line = tuple[str, str, int, int, int]
#: The terminal: HEADING, TITLE, END, PROSE, TEXT, ROW (page marks and markdown rule
#: lines are noise and never reach the tree).
LINE_KIND: Final = 0
LINE_TEXT: Final = 1  # the text without the blanks around it (a ROW keeps its tabs)
LINE_NUMBER: Final = 2  # 1-based line number
LINE_COLUMN: Final = 3  # 1-based column of the text's first character
LINE_END: Final = 4  # the column after its last character


def line_cells(line: Line) -> list[CellToken]:
    """The cells of a ROW line (split on demand: only table regions need them)."""
    from xxgk_lint.parse.grammar import get_parser

    return get_parser().splitter.split(line[LINE_TEXT], line[LINE_COLUMN])


class LineRun(Token):
    """The token of one line, or of consecutive lines of one role (rows; prose that goes
    on): ``lines`` holds each of them; the token's text is its first line's."""

    __slots__ = ("lines",)
    lines: tuple[Line, ...]


#: Each line kind's code in the string a report's runs are cut from: lines of the same
#: run in a row become one token (rows; prose lines, PROSE or TEXT, that go on).
_CODES = {
    "ROW": "R",
    "PROSE": "T",
    "TEXT": "T",
    "HEADING": "H",
    "TITLE": "I",
    "END": "E",
    "PAGE_MARK": "P",
    "RULE_LINE": "L",
}
#: The code of a TEXT line that opens as a heading does (一、总体): it may be the first part
#: of a heading cut over two lines (see :meth:`LineLexer._headings_joined`). Prose to the
#: runs, as any TEXT line.
_HEADING_START = "h"
#: The longest first part of a heading cut over two lines that is looked at.
_HEADING_PART = 40
#: A heading's numerals, and what follows one in a heading (as the grammar's HEADING has
#: them: 一、 一. 一 …; 第一部分 is told by its 部分): a line that opens with one otherwise
#: (一是…, 第二十条…) is no heading's first part.
_NUMERALS = "一二三四五六七八"
_AFTER_NUMERAL = "、.．，,:： \t\u3000"
#: The codes of a line that is a section's numeral alone (01, 一, PART 01, 第一部分, Ⅰ): it
#: may be the first part of a heading printed on two lines, the numeral over the title (see
#: :meth:`LineLexer._numerals_joined`). As any line of its kind to the runs: a TEXT line
#: (一) is prose, a ROW line (01: a lone number) a row.
_NUMERAL_TEXT = "n"
_NUMERAL_ROW = "z"
#: The longest line that may be a numeral alone (第 八 部 分 letter-spaced, PART 01).
_NUMERAL_ALONE = 8
_RUN = re.compile("[Rz]+|[Thn]+|.")
#: The code of a line that ends with a page mark after other text (a running header or
#: footer and the page number on one line: 云溪镇人民政府 第 2 页 共 5 页), or is a page
#: number n / m with blanks around the slash (a row's numbers to the grammar): page
#: furniture if its text repeats at the page breaks (:func:`_without_furniture`), else a
#: line of its kind. Never reaches the runs.
_PAGE_TAIL_CODE = "f"
#: The terminal of a run, by its lines' code: that of their kind (one code, one kind), or
#: TEXT for a run of prose (PROSE or TEXT lines that go on).
_RUN_OF = {code: kind for kind, code in _CODES.items() if kind != "PROSE"} | {
    _HEADING_START: "TEXT",
    _NUMERAL_TEXT: "TEXT",
    _NUMERAL_ROW: "ROW",
}
#: What the second part of a heading cut over two lines never holds before its last
#: character: a sentence end or a colon (text run in after the heading), a cell separator.
_NOT_IN_HEADING_END = "。；;！!？?：:|｜\t"
_first = operator.itemgetter(0)
_str_new = str.__new__


class LineLexer(Lexer):
    """Feeds the LALR parser one token per non-blank line."""

    def __init__(self, lexer_conf) -> None:
        by_name = {t.name: t for t in lexer_conf.terminals}
        ordered = sorted(
            (by_name[name] for name in LINE_TERMINALS),
            key=lambda t: -t.priority,
        )
        self._sources = [(t.name, t.pattern.to_regexp()) for t in ordered]
        #: The line terminals' patterns (as text), in priority order.
        self.sources: list[tuple[str, str]] = self._sources
        # The terminals with the cheap guards attached (see _FIRST_CHARS etc.). Each
        # pattern is compiled when a line first gets past its guards: compiling them all
        # costs a few milliseconds of every start, and most reports never need some.
        self._checks = [
            (
                name,
                source,
                _FIRST_CHARS.get(name),
                _LAST_CHARS.get(name),
                _LAST_SUFFICIENT.get(name),
                _CONTAINS.get(name),
                _SUFFICIENT.get(name),
            )
            for name, source in self._sources
        ]
        # Each character's class: which terminals' guards on the first (or last) character
        # it passes, as bits in priority order. A line's kind is then tried only against
        # the terminals its first and last characters allow (worked out once per pair of
        # classes): a new line costs a few tests, not one per terminal.
        assert len(self._checks) <= _ENOUGH  # (else a guard's bits and "enough" bits meet)
        self._first_class: dict[str, int] = {}
        self._last_class: dict[str, int] = {}
        for bit, (_, _, first, last, last_enough, _, _) in enumerate(self._checks):
            for character in first or "":
                self._first_class[character] = self._first_class.get(character, 0) | 1 << bit
            for character in last or "":
                self._last_class[character] = self._last_class.get(character, 0) | 1 << bit
            for character in last_enough or "":
                self._last_class[character] = self._last_class.get(character, 0) | 1 << (
                    bit + _ENOUGH
                )
        self._by_class: dict[tuple[int, int], list[_Candidate]] = {}
        # Reports share most of their lines (the template's labels, headers and rows of
        # zeros): a line's reading (kind, text, columns) depends on the line alone (but
        # for the lines a reader says are table rows), and its kind on its stripped text
        # alone, so each is read once: plain dictionaries, looked up by C loops (``map``)
        # and filled a report's new lines at a time (see :meth:`_read`). Bounded (emptied
        # when full) and emptied by memo.clear_all.
        self.shapes: Table[str, _Shape | None] = Table(_LIMIT)
        self.kinds: Table[str, str] = Table(_LIMIT)

    @property
    def line_patterns(self) -> list[tuple[str, re.Pattern[str]]]:
        """The line terminals, compiled, in priority order."""
        return [(name, compiled(source)) for name, source in self._sources]

    #: Lines the reader knows are table rows (an HTML or Word row: Source.grid). Set by
    #: the parser for each text it parses.
    table_rows: Collection[int] = ()

    def runs(
        self, data: str, table_rows: Collection[int] = (), pages: Sequence[int] = ()
    ) -> list[tuple[str, list[Line]]]:
        """The token stream of ``data``: each run's terminal and its lines, in order.
        ``pages``: the lines the pages start at, if a reader knows them (a PDF's).

        Built in bulk, not line by line: each line's shape is looked up by ``map`` (a
        report's lines are mostly the template's, already seen), the Lines are made by C
        loops (``zip``, ``map``), and the runs are cut by a regular expression over a string of one
        code per line — Python code runs once per run, not once per line.
        """
        split = data.split("\n")
        known = self.shapes
        known.make_room(len(split))  # (before the lines read already are told apart)
        # The lines not read yet (a C loop finds them), each once.
        new = dict.fromkeys(filterfalse(known.__contains__, split))
        if new:
            self._read(new)
        shapes = list(map(known.__getitem__, split))
        if table_rows:
            total = len(split)
            for number in table_rows:
                if 0 < number <= total:
                    shapes[number - 1] = self._shape(split[number - 1], True)
        present = list(filter(None, shapes))  # (blank lines have no shape)
        if not present:
            return []
        # The Lines made by C loops: the shapes' fields by column, the line numbers of
        # those with a shape.
        kinds, texts, columns, ends, code_of = zip(*present, strict=True)
        numbers = compress(count(1), shapes)
        lines: list[Line] = list(zip(kinds, texts, numbers, columns, ends, strict=True))
        codes = "".join(code_of)
        if len(pages) > 1:  # (a PDF of pages: its furniture, numbered or not)
            lines, codes = _without_furniture(lines, codes, _page_starts(lines, pages))
        elif "P" in codes or _PAGE_TAIL_CODE in codes:  # (page marks: a printed report's)
            lines, codes = _without_furniture(lines, codes)
        if _NUMERAL_TEXT in codes or _NUMERAL_ROW in codes:  # (a numeral alone: rare)
            lines, codes = self._numerals_joined(lines, codes)
        if _HEADING_START in codes:  # (a line that may open a heading cut in two: rare)
            lines, codes = self._headings_joined(lines, codes)
        # The runs cut by C loops too: each run's code string, where it starts and ends
        # among the lines, its terminal (a function of its code) and its slice of lines.
        pieces = _RUN.findall(codes)
        bounds = list(accumulate(map(len, pieces), initial=0))
        return list(
            zip(
                map(_RUN_OF.__getitem__, map(_first, pieces)),
                map(lines.__getitem__, map(slice, bounds, bounds[1:])),
                strict=True,
            )
        )

    def _numerals_joined(self, lines: list[Line], codes: str) -> tuple[list[Line], str]:
        """``lines`` (and their ``codes``) with each heading printed on two lines, its
        numeral over its title, read as one line.

        A designed page (and the PDF copy of one) prints a section's numeral apart, large,
        and its title on the line below (01 / 总体情况, 一 / 总体情况, PART 01 / …): the
        numeral alone is no heading to the grammar (01 is a lone number: a row), and the
        title alone no numbered one. A line that is a numeral alone (its code ``n`` or
        ``z``) and the line after it (a blank line between at most) are one when that line
        is the title of the section the numeral numbers (:func:`_title_numbered`): never a
        number in a table, above its next label (行政复议 is section 四's word, under a 0).
        The line is the numeral, a blank and the title, read as one line is (一 总体情况 a
        HEADING, 01 总体情况 a TEXT the outline reads), at the numeral's line and columns."""
        joined: dict[int, Line] = {}  # (a numeral's index → the heading)
        for found in _NUMERALS_ALONE.finditer(codes):
            at = found.start()
            if at + 1 >= len(lines) or at - 1 in joined:
                continue
            first, second = lines[at], lines[at + 1]
            kind = second[LINE_KIND]
            if (
                (kind == "TEXT" or kind == "END")
                and second[LINE_NUMBER] - first[LINE_NUMBER] <= 2
                and _title_numbered(first[LINE_TEXT], second[LINE_TEXT])
            ):
                text = f"{first[LINE_TEXT]} {second[LINE_TEXT]}"
                number, column, end = first[LINE_NUMBER], first[LINE_COLUMN], first[LINE_END]
                kind = _title_no_row(self.classify(text), text, False)
                joined[at] = (kind, text, number, column, end)
        if not joined:
            return lines, codes
        out, kinds = [], []
        skip = False
        for index, (line, code) in enumerate(zip(lines, codes, strict=True)):
            if skip:  # (a heading's title, joined to its numeral)
                skip = False
                continue
            heading = joined.get(index)
            skip = heading is not None
            out.append(heading or line)
            kinds.append(_CODES[heading[LINE_KIND]] if heading is not None else code)
        return out, "".join(kinds)

    def _headings_joined(self, lines: list[Line], codes: str) -> tuple[list[Line], str]:
        """``lines`` (and their ``codes``) with each heading cut over two lines read whole.

        PDF text and narrow pages wrap a short heading inside its words (一、总体 / 情况,
        六、其他需要 / 报告的事项): neither line is a heading to the grammar, and the sections
        after it were read as headless. A TEXT line that opens as a heading does (its code
        ``h``) and the line after it (a blank line between at most) are one heading when,
        joined, they are a HEADING whose section words stand across the cut
        (format.words_across) and the second line is the heading's end: no sentence end,
        colon or cell separator before its last character (a heading with text run in
        after it is left as it was). A heading line followed by a body line that starts with
        the heading's last words is never joined: its first line is a HEADING already. The
        heading keeps the line and columns of its first part (its text is the two joined)."""
        joined: dict[int, Line] = {}  # (a heading's first line's index → the heading)
        at = codes.find(_HEADING_START)
        while 0 <= at < len(lines) - 1:
            first, second = lines[at], lines[at + 1]
            kind = second[LINE_KIND]
            if (
                (kind == "TEXT" or kind == "END")
                and second[LINE_NUMBER] - first[LINE_NUMBER] <= 2
                and at - 1 not in joined
            ):
                start, rest = first[LINE_TEXT], second[LINE_TEXT]
                text = start + rest
                if (
                    words_across(text, len(start))
                    and not any(mark in rest[:-1] for mark in _NOT_IN_HEADING_END)
                    and self.classify(text) == "HEADING"
                    and not _runs_on(text, rest)
                ):
                    number, column, end = first[LINE_NUMBER], first[LINE_COLUMN], first[LINE_END]
                    joined[at] = ("HEADING", text, number, column, end)
            at = codes.find(_HEADING_START, at + 1)
        if not joined:
            return lines, codes
        out, kinds = [], []
        skip = False
        for index, (line, code) in enumerate(zip(lines, codes, strict=True)):
            if skip:  # (a heading's second part)
                skip = False
                continue
            heading = joined.get(index)
            skip = heading is not None
            out.append(heading or line)
            kinds.append(_CODES["HEADING"] if skip else code)
        return out, "".join(kinds)

    def lex(self, data: str) -> Iterator[Token]:  # type: ignore[override]
        """Lark's lexer interface: the tokens of :meth:`runs` (the parser does not use it:
        :class:`~xxgk_lint.parse.grammar.ReportParser` runs the tables on the runs)."""
        for kind, run in self.runs(data, self.table_rows):
            yield _token(run, kind)

    def lines(self, data: str) -> Iterator[Line]:
        """Each non-blank line of ``data``, classified."""
        for token in self.lex(data):
            yield from token.lines  # type: ignore[attr-defined]

    def _read(self, lines: Iterable[str]) -> None:
        """Read new lines into :attr:`shapes` (and their kinds into :attr:`kinds`): one
        loop for a report's new lines, :meth:`_shape`'s work without a call per line."""
        known, kinds = self.shapes, self.kinds
        classify = self.classify
        lines = list(lines)
        kinds.make_room(len(lines))
        texts = list(map(str.strip, lines, repeat(_BLANK)))
        # Whether any of them holds a minus sign to fold: asked once of them all, not of
        # each line (most reports hold none).
        joined = "".join(texts)
        fold = any(sign in joined for sign in _OTHER_MINUS)
        for line, stripped in zip(lines, texts, strict=True):
            if not stripped:
                known[line] = None
                continue
            kind = kinds.get(stripped)
            if kind is None:
                kind = kinds[stripped] = classify(stripped, fold)
            known[line] = _reading(line, stripped, kind, False)

    def _shape(self, line: str, table_row: bool = False) -> _Shape | None:
        """A line's kind, its text without the blanks around it, the text's 1-based start
        and end columns and the kind's code in a run (see :meth:`runs`); None for a blank
        line. ``table_row``: a reader says the line is one."""
        stripped = line.strip(_BLANK)
        if not stripped:
            return None
        kind = self.kinds.get(stripped) or self.classify(stripped)
        return _reading(line, stripped, kind, table_row)

    def classify(self, stripped: str, fold: bool = True) -> str:
        """The line terminal ``stripped`` (a line without the blanks around it) matches
        first in priority order. ``fold``: False when it holds no minus sign to fold."""
        if stripped.isascii() and stripped.isdigit():  # a lone number: only ROW matches it
            return "ROW"
        if fold:
            stripped = fold_minus(stripped)  # －1 is a number, as -1 is (normalise.MINUS_SIGNS)
        key = (self._first_class.get(stripped[0], 0), self._last_class.get(stripped[-1], 0))
        candidates = self._by_class.get(key)
        if candidates is None:
            candidates = self._by_class[key] = self._candidates(*key)
        for name, source, enough, few, many, alone in candidates:
            if source is None:  # its last character alone makes it match
                return name
            # The character tests: `in` for a few characters (a tenth of the cost of a
            # search for a class of them), a search for many. Those that suffice first:
            # they are some of those needed.
            if enough is not None:
                for character in enough:
                    if character in stripped:
                        return name
            if few is not None:
                for character in few:
                    if character in stripped:
                        break
                else:
                    continue
            if many is not None and many(stripped) is None:
                continue
            if (
                alone is not None
                and (
                    stripped[-1] not in alone[1]
                    or (
                        stripped[0] not in alone[0] and "：" not in stripped and ":" not in stripped
                    )
                )
                and _ONE_WORD(stripped) is not None
            ):
                continue
            if compiled(source).fullmatch(stripped):
                return name
        first = stripped[0]
        if first in _HEADING_STARTS:
            if _LETTER_SPACED.search(stripped):
                # A heading written letter-spaced (一、总 体 情 况): a heading once closed up.
                closed = _LETTER_SPACED.sub("", stripped)
                if self.classify(closed, False) == "HEADING":
                    return "HEADING"
        elif find_radical(first) is None:
            return "TEXT"
        # A heading in radicals a PDF's text layer gave (⼀、总体情况, 四、…⾏政复议…): a
        # heading once they are the characters they stand for (its text is, _reading).
        # Only a line folding changes is asked again: a radical NFKC leaves as it is (⺇)
        # would ask the same line for ever (a RecursionError, "too deeply nested").
        if find_radical(stripped) is not None:
            folded = fold_radicals(stripped)
            if folded != stripped and self.classify(folded, fold) == "HEADING":
                return "HEADING"
        return "TEXT"

    def _candidates(self, first_class: int, last_class: int) -> list[_Candidate]:
        """The terminals a line may be, in priority order, given the classes of its first
        and last characters (see ``_first_class``): those whose guards on the two
        characters it passes, up to one its last character alone makes match (its entry
        has no pattern)."""
        out: list[_Candidate] = []
        for bit, (name, source, first, last, last_enough, needs, enough) in enumerate(self._checks):
            if first is not None and not first_class >> bit & 1:
                continue
            if last is not None and not last_class >> bit & 1:
                continue
            if name == "TEXT":  # /[^\n]+/ matches every line: what is left is TEXT
                break
            if last_enough is not None and last_class >> (bit + _ENOUGH) & 1:
                out.append((name, None, None, None, None, None))
                break
            few = needs if needs is not None and len(needs) <= _FEW else None
            many = _any_of(needs) if needs is not None and few is None else None
            if enough is not None and needs is not None and set(needs) <= set(enough):
                few, many = "", None  # (what it needs is what suffices: tested already)
            # (tuples of characters: iterating a string makes each non-Latin-1 one anew)
            out.append((name, source, _chars(enough), _chars(few), many, _ALONE.get(name)))
        return out


#: A line's reading: its kind, text, 1-based start and end columns, and run code.
_Shape = tuple[str, str, int, int, str]
#: The most lines (and line texts) whose reading is kept between reports.
_LIMIT = 4096
#: A terminal to try on a line: its name, its pattern, the characters one of which
#: suffices (``_SUFFICIENT``), and those one of which it needs (``_CONTAINS``): a few,
#: tested with `in`, or many, searched for; what a line without a blank must start and
#: end with (``_ALONE``).
_Candidate = tuple[
    str,
    "str | None",
    "tuple[str, ...] | None",
    "tuple[str, ...] | None",
    "Callable[[str], object] | None",
    "tuple[str, str] | None",
]
#: Up to this many characters are tested one by one with `in`.
_FEW = 4
#: In a character's class, the bit of "its last character alone makes terminal i match" is
#: i + _ENOUGH (bit i: the character passes terminal i's guard).
_ENOUGH = 16


def _runs_on(text: str, rest: str) -> bool:
    """Whether a heading joined from two lines (``rest``: its second part) ends in a sentence
    run on after its title: the grammar reads 六、其他需要报告的事项本机关未收取费用。 as a
    heading, which the builder splits into the heading and a sentence on the heading's
    line — yet the sentence stands on the second line. Such lines are left as they are:
    :func:`xxgk_lint.parse.outline.recover_sections` reads the heading from the two, the
    sentence where it stands."""
    if not rest or rest[-1] not in SENTENCE_ENDS:
        return False
    from xxgk_lint.format import section_key  # (a heading cut in two: rare)
    from xxgk_lint.parse.outline import split_heading_line

    key = section_key(text)
    return key is not None and split_heading_line(text, key) is not None


#: The codes of lines that are numerals alone, as found in a report's string of codes.
_NUMERALS_ALONE = re.compile(f"[{_NUMERAL_TEXT}{_NUMERAL_ROW}]")


def first_numeral(text: str) -> bool:
    """Whether ``text`` starts with a character a section numeral may start with (the cheap
    test before :func:`~xxgk_lint.parse.numerals.heading_numeral`)."""
    return text[0] in NUMERAL_STARTS


#: What a numeral alone ends with: its digit or numeral, its bracket, its separator (01,
#: 一、, （一）, 第一部分, PART 01, Ⅰ, ①): a short line ending otherwise is not asked.
_NUMERAL_ENDS = NUMERAL_STARTS | frozenset(")）〕】］]分、.．，,:：")


#: The numerals alone that are digits: 01 … 08 (a digit alone, 0 or 12, is a cell's).
_ZERO_PADDED = frozenset(f"{zero}{digit}" for zero in "0０" for digit in "12345678１２３４５６７８")


def _numeral_code(text: str, kind: str) -> str | None:
    """The code of a short TEXT or ROW line that is a section's numeral alone (01, 一,
    PART 01, 第一部分, Ⅰ, ①), None for any other: it may be a heading's first line
    (:meth:`LineLexer._numerals_joined`). Asked once per line text, of short lines only."""
    numeral = heading_numeral(text)
    if numeral is None or numeral.end < len(text):
        return None
    return _NUMERAL_TEXT if kind == "TEXT" else _NUMERAL_ROW


#: The longest title read after a numeral on the line above it, or after a numeral that
#: makes a line a row (01 总体情况): a heading's, not a paragraph's.
_TITLE_LENGTH = 30


def _section_titled(title: str) -> str | None:
    """The section ``title`` (a line's text after a numeral) names, if it reads as a
    heading's title: short, no digit (a row's cells hold them), no numeral of its own
    (1.加强组织领导), nothing run in after it (no sentence end or colon before its last
    character), and the words of a section (format.section_key)."""
    if (
        not title
        or len(title) > _TITLE_LENGTH
        or any(c in _DIGITS for c in title)
        or any(mark in title[:-1] for mark in _NOT_IN_HEADING_END)
        or (first_numeral(title) and heading_numeral(title) is not None)
    ):
        return None
    return section_key(title)


def _title_no_row(kind: str, text: str, table_row: bool) -> str:
    """TEXT for a line the grammar reads as a row for the number between blanks in it that
    is a numeral and a section's title (01 总体情况, PART 01 总体情况, 1 总体情况: the 01 a
    cell to the grammar); ``kind`` for any other line. A line of cells (| or a tab in it;
    a row of an HTML or Word table: ``table_row``), or ending with a digit, is not asked."""
    if (
        kind != "ROW"
        or table_row
        or text[-1] in _DIGITS  # (a title never ends with one: 一、本年新收…数量 48 7 0)
        or "|" in text
        or "\t" in text
        or "｜" in text
        or not first_numeral(text)
    ):
        return kind
    return "TEXT" if _numbered_title(text) else kind


def _numbered_title(text: str) -> bool:
    """Whether ``text``, a line the grammar reads as a row for the number between blanks
    in it (01 总体情况, PART 01 总体情况, 1 总体情况), is a numeral and a section's title."""
    numeral = heading_numeral(text)
    return (
        numeral is not None
        and numeral.end < len(text)
        and _section_titled(text[numeral.end :]) is not None
    )


def _title_numbered(numeral: str, title: str) -> bool:
    """Whether ``title`` is the title of the section ``numeral`` (a line that is a numeral
    alone) numbers: the section's own number (01 over 总体情况, never 01 over 存在的主要问题,
    nor a 4 of a table over its label 行政复议)."""
    key = _section_titled(title)
    found = heading_numeral(numeral)
    return (
        key is not None
        and found is not None
        and found.value == DIGITS[FORMAT_2021.section(key).number]
    )


def _reading(line: str, stripped: str, kind: str, table_row: bool) -> _Shape:
    """The reading of ``line``, ``stripped`` of its blanks, whose text is of ``kind``
    (see :meth:`LineLexer._shape`): a tabbed line whose cells after its label are all
    blank is a row, and a row keeps its tabs. A heading's or title's text is read with
    its radicals as the characters they stand for (normalise.fold_radicals: one for one,
    the columns stay)."""
    if kind == "ROW" and stripped[-1] not in _DIGITS and stripped[0] in NUMERAL_STARTS:
        # (a title never ends with a digit, as most rows do; nor starts as most do)
        kind = _title_no_row(kind, stripped, table_row)
    if (kind == "HEADING" or kind == "TITLE") and find_radical(line):
        line = fold_radicals(line)
        stripped = line.strip(_BLANK)
    if "\t" in line:  # (no tab: never a row of blank cells, nor a row's tabs to keep)
        if kind != "ROW" and kind != "HEADING" and _blank_cells_after(line, table_row):
            kind = "ROW"  # a row whose cells after its label are all blank
        if kind == "ROW":
            stripped = line.strip(_SPACES)
    elif kind == "ROW" and line is not stripped:
        stripped = line.strip(_SPACES)
    code = (
        _CODES[kind]
        if kind != "TEXT" or stripped[0] not in _HEADING_STARTS
        else _text_code(stripped)
    )
    if (
        stripped[-1] in _TAIL_LAST  # (页, a dash; a digit: most rows, asked for a slash)
        and kind != "HEADING"
        and kind != "PAGE_MARK"
        and (stripped[-1] not in _DIGITS or "/" in stripped or "／" in stripped)
        and _page_tail(stripped) is not None  # (…人民政府 第 2 页 共 5 页, 2 / 5: rare)
    ):
        code = _PAGE_TAIL_CODE
    if (
        len(stripped) <= _NUMERAL_ALONE
        and (kind == "TEXT" or kind == "ROW")
        and (stripped in _ZERO_PADDED or not stripped.isdecimal())  # (a table's 0, 12: no)
        and stripped[0] in NUMERAL_STARTS
        and stripped[-1] in _NUMERAL_ENDS
    ):
        code = _numeral_code(stripped, kind) or code
    if line is stripped:  # (most lines: no blanks around the text, str.strip gave it back)
        return kind, stripped, 1, 1 + len(stripped), code
    # (most others start with their text: a comparison, not a search, says so)
    column = 1 if line.startswith(stripped) else line.find(stripped) + 1
    return kind, stripped, column, column + len(stripped), code


def _text_code(text: str) -> str:
    """The code in the runs of a TEXT line that starts with a character a heading may start
    with: ``h`` if it opens as a heading does (a numeral and its separator, 第…部分, a mark
    or bracket): it may be the first part of a heading cut over two lines. (Asked of those
    lines only: the other lines' code is looked up where the line is read, no call.)"""
    if (
        len(text) <= _HEADING_PART
        and (text[0] not in _NUMERALS or text[1:2] in _AFTER_NUMERAL)
        and (text[0] != "第" or text[2:4] == "部分")
    ):
        return _HEADING_START
    return "T"


def _token(run: list[Line], kind: str) -> LineRun:
    """The token of a run of lines (of one line: a heading, a title, a page mark …).

    Made as ``Token._future_new`` makes it, without its keyword handling: one per
    paragraph, title, heading and run of rows."""
    first, last = run[0], run[-1]
    text = first[LINE_TEXT]
    token = _str_new(LineRun, text)
    token.type = kind
    token.start_pos = None
    token.value = text
    token.line = first[LINE_NUMBER]
    token.column = first[LINE_COLUMN]
    token.end_line = last[LINE_NUMBER]
    token.end_column = last[LINE_END]
    token.end_pos = None
    token.lines = tuple(run)
    return token


def _blank_cells_after(line: str, table_row: bool) -> bool:
    """Whether ``line`` is a table row whose cells after the label are blank: a row of an
    HTML or Word table (the reader says so), or a text line with two or more tabs after its
    first content (``规章\t\t\t``; one trailing tab is too common after prose to count)."""
    if table_row:
        return "\t" in line.strip(_BLANK + "\t") or line.rstrip(_SPACES).endswith("\t")
    content = line.lstrip(_BLANK)
    return content.count("\t") >= 2


def _chars(characters: str | None) -> tuple[str, ...] | None:
    return None if characters is None else tuple(characters)


def _any_of(characters: str | None):
    """A fast "contains any of these characters" test."""
    if characters is None:
        return None
    return re.compile(f"[{re.escape(characters)}]").search


class CellSplitter:
    """Splits a ROW line into cell tokens with the grammar's cell terminals.

    One alternation of CELL_SEP, NUMBER, PLACEHOLDER and CELL_TEXT, applied with
    ``finditer``. (Splitting at separators first and classifying pieces with string
    methods was measured slower: the Python-level loop costs more than the look-aheads.)
    """

    def __init__(self, terminals) -> None:
        by_name = {t.name: t for t in terminals}
        ordered = sorted((by_name[n] for n in CELL_TERMINALS), key=lambda t: -t.priority)
        alternation = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in ordered)
        # Compiled when first used (see the properties): rows cut at | or tabs into plain
        # numbers and labels, as most reports' are, never need them.
        self._sources = (
            alternation + r"|(?P<BLANK>[^\S\n\t]+)",
            by_name["NUMBER"].pattern.to_regexp(),
            by_name["PLACEHOLDER"].pattern.to_regexp(),
        )

    @property
    def pattern(self) -> re.Pattern[str]:
        """The alternation of the cell terminals (and blanks between them)."""
        return compiled(self._sources[0])

    @property
    def number(self) -> re.Pattern[str]:
        """The NUMBER terminal."""
        return compiled(self._sources[1])

    @property
    def placeholder(self) -> re.Pattern[str]:
        """The PLACEHOLDER terminal."""
        return compiled(self._sources[2])

    def split(self, text: str, column: int) -> list[CellToken]:
        if text.isascii() and text.isdigit():  # a lone number: NUMBER, without the alternation
            return [CellToken("NUMBER", text, column, column + len(text))]
        return [
            CellToken(kind, match.group(), column + match.start(), column + match.end())
            for match in self.pattern.finditer(text)
            if (kind := match.lastgroup) is not None and kind != "BLANK"
        ]


# ---- page furniture: running headers and footers at the page breaks

#: The page marks at a line's end that the grammar's PAGE_MARK does not read: a page count
#: n / m with blanks around its slash (to the grammar, a row of three cells, which the
#: table reader tells apart) and 第 n 页／共 m 页 with a full-width slash.
_MORE_MARKS = (
    r"[0-9０-９]{1,3}[ \t]*[/／][ \t]*[0-9０-９]{1,3}"
    r"|第[ \t]*[0-9０-９]{1,3}[ \t]*页[ \t]*／[ \t]*共[ \t]*[0-9０-９]{1,3}[ \t]*页"
)


@functools.cache
def _page_tail_source() -> str:
    """What a page mark at the end of a line looks like: the grammar's PAGE_MARK forms
    (read from its terminal: one fact in one place) or a page count with blanks around
    its slash (2 / 5; see :data:`_MORE_MARKS`), after a blank or at the line's start."""
    from xxgk_lint.parse.grammar import get_parser

    marks = dict(get_parser().line_lexer.sources)["PAGE_MARK"]
    return rf"(?:^|(?<=[ \t\u3000]))(?:{marks}|{_MORE_MARKS})$"


#: The last characters of a line :func:`_page_tail` may match (a cheap test first).
_TAIL_LAST = frozenset("页-－—–" + _DIGITS)
#: A page count n / m (blanks around its slash), the whole of a line.
_PAGE_OF = re.compile(r"([0-9]{1,3})[ \t]*[/／][ \t]*([0-9]{1,3})").fullmatch


def _page_tail(text: str) -> re.Match[str] | None:
    """The page mark ``text`` ends with after other text (a blank between), or the page
    count n / m that is the whole of it; None for any other line (most: its last
    character is tested first, and a line ending in a digit needs a slash or an of)."""
    found = compiled(_page_tail_source()).search(text)
    if found is None:
        return None
    if found.start() == 0:  # the whole line: only n / m (the grammar reads the others)
        count = _PAGE_OF(text)
        if count is None or not 0 < int(count[1]) <= int(count[2]):
            return None
    return found


#: How many lines on each side of a page break may be its furniture (a header or footer
#: of two lines: the body's name, the report's title).
_EDGE = 2
#: The kinds of line furniture is: a line of text or a title (never a heading, a row of
#: numbers, or a sentence: 无。 twice is the report's own).
_FURNITURE_CODES = frozenset("ThnI")
#: The shortest furniture (characters without blanks): a shorter line (无, 同上) repeating
#: at the breaks is more likely the report's own.
_FURNITURE_CHARS = 5


def _key(text: str) -> str:
    """A line's text without its blanks: the same header however its pieces were spaced."""
    return "".join(text.split())


def _edge_lines(codes: str, index: int, step: int) -> Iterator[int]:
    """The indexes of the lines of text at a page's edge from ``index`` on, walking by
    ``step`` (-1: up from a page's last line, its footer; 1: down from a page's first line,
    its header) over page marks, up to :data:`_EDGE` lines."""
    taken = 0
    while 0 <= index < len(codes) and taken < _EDGE:
        code = codes[index]
        if code == "P" or code == _PAGE_TAIL_CODE:
            index += step
            continue
        if code not in _FURNITURE_CODES:
            return
        yield index
        taken += 1
        index += step


def _without_furniture(
    lines: list[Line], codes: str, starts: Sequence[int] = ()
) -> tuple[list[Line], str]:
    """``lines`` (and their ``codes``) with the page furniture read as page marks.

    A report printed to PDF (and text copied out of one) carries a running header or
    footer at each page break, beside its page number: 云溪镇人民政府 2023年…年度报告,
    XX县人民政府办公室, a document number; sometimes on the page number's line. Read as
    the report's lines, they were counted as sentences, cut a paragraph the page broke
    inside, and said what another body or year does. A line is furniture when its text
    stands, two or more times, among the :data:`_EDGE` lines of text on either side of a
    page break (or at the very start or end of the report: the first page's header, the
    last page's footer) — at least once beside a page break — and is no heading, row or
    sentence, not too short, and names no table's words (a table header printed again on
    each page is the table's). Such lines at the breaks (but a title before the first
    break: the report's own title, which the running header may repeat) become
    PAGE_MARK lines: noise to the grammar, and a paragraph cut by them is read as one
    (grammar._blocks). A line ending with a page mark is furniture when the text before
    the mark is (the page number proves the break), or when that text is empty (n / m).

    The page breaks are the page marks; and, for a PDF, where its pages start
    (``starts``: the index of each page's first line), so that a report printing no page
    number is read too (:func:`_page_numbers` finds a page number printed bare, 3). A
    line at a page's edge that is the report's title or a part of it (the body's name,
    the report's name: a book's running headers, one on even pages and one on odd ones)
    is furniture however few the pages (:func:`_title_pieces`)."""
    bare: dict[int, str] = {}  # (a line ending with a bare page number → the text before)
    if starts:
        lines, codes, bare = _page_numbers(lines, codes, starts)
    breaks = [at for at, code in enumerate(codes) if code == "P" or code == _PAGE_TAIL_CODE]
    # Each page edge: where a walk over its lines starts, and its step (see _edge_lines).
    walks = [(at + step, step) for at in breaks for step in (-1, 1)]
    if starts:
        walks += [walk for at in starts[1:] for walk in ((at - 1, -1), (at, 1))]
        walks += [(0, 1), (len(codes) - 1, -1)]
    texts: dict[int, str] = {}  # (an edge line's index → its key)
    for at in breaks:
        if codes[at] == _PAGE_TAIL_CODE:
            texts[at] = _key(bare[at] if at in bare else _before_tail(lines[at][LINE_TEXT]))
    for start, step in walks:
        for index in _edge_lines(codes, start, step):
            texts.setdefault(index, _key(lines[index][LINE_TEXT]))
    seen: dict[str, int] = {}
    for key in texts.values():
        seen[key] = seen.get(key, 0) + 1
    for index in (*range(min(_EDGE, len(codes))), *range(max(0, len(codes) - _EDGE), len(codes))):
        if index not in texts and codes[index] in _FURNITURE_CODES:
            key = _key(lines[index][LINE_TEXT])
            if key in seen:  # (counted only beside an occurrence at a break)
                seen[key] += 1
    # At half the page breaks at least (a header on every page, or on every other one:
    # a book's facing pages), and twice.
    enough = max(2, (max(_pages(breaks), len(starts)) + 1) // 2)
    furniture = {key for key, times in seen.items() if times >= enough and _may_be_furniture(key)}
    first = breaks[0] if breaks else starts[1]
    if starts:
        first = min(first, starts[1] - 1)
    out, kinds = list(lines), list(codes)
    title = _title_lines(codes)
    pieces = _title_pieces(lines, codes, texts, title)
    if starts:  # (the report's title at the top of a PDF's first page: its own)
        furniture -= {texts.get(index) for index in title}
    for index, key in texts.items():
        if codes[index] == _PAGE_TAIL_CODE:
            if key in furniture or not key or index in pieces:
                out[index] = ("PAGE_MARK", *lines[index][1:])
                kinds[index] = "P"
            else:
                kinds[index] = _plain_code(lines[index])
        elif (key in furniture and (index > first or index >= _EDGE or codes[index] != "I")) or (
            index in pieces
        ):
            out[index] = ("PAGE_MARK", *lines[index][1:])
            kinds[index] = "P"
    last = len(codes) - 1
    for index in range(max(first + 1, last - _EDGE + 1), last + 1):
        if codes[index] in _FURNITURE_CODES and _key(lines[index][LINE_TEXT]) in furniture:
            out[index] = ("PAGE_MARK", *lines[index][1:])  # (the last page's footer)
            kinds[index] = "P"
    return out, "".join(kinds)


def _page_starts(lines: list[Line], pages: Sequence[int]) -> list[int]:
    """The index among ``lines`` of each page's first line, of the (1-based) line numbers
    ``pages`` start at (a page's first lines may be blank: the next line read)."""
    numbers = [line[LINE_NUMBER] for line in lines]
    starts = [bisect.bisect_left(numbers, number) for number in pages]
    ends = [*starts[1:], len(lines) + 1]
    return [at for at, after in zip(starts, ends, strict=True) if at < after]


#: The longest page number printed bare (3, 12).
_PAGE_DIGITS = 3


def _page_numbers(
    lines: list[Line], codes: str, starts: Sequence[int]
) -> tuple[list[Line], str, dict[int, str]]:
    """``lines`` and ``codes`` with each page's number printed bare read as a page mark:
    a line that is a number (3), at the :data:`_EDGE` lines of a page's top or bottom,
    whose value is the page's place among the pages plus one offset shared by half the
    pages at least (a cover left unnumbered: 1 on the second page), and twice — a row's
    lone number at a page's edge, or a table's number, does not go up page by page. A
    line ending with the page's number after a blank (2023年…年度报告 3) gets the code of a
    line ending with a page mark; returned too, by index, is its text before the number
    (furniture if that repeats, as a line ending with a page mark is)."""
    found: list[tuple[int, int, str | None]] = []  # (index, offset, text before or None)
    bounds = [*starts, len(lines)]
    for page, (top, end) in enumerate(itertools.pairwise(bounds), start=1):
        edge = {*range(top, min(end, top + _EDGE)), *range(max(top, end - _EDGE), end)}
        for index in sorted(edge):
            text = lines[index][LINE_TEXT]
            if text[-1] not in _DIGITS or codes[index] == "P":
                continue
            number, _, before = text.rpartition(" ")
            if not number:  # (a number alone: no blank in it)
                number, before = before, ""
            else:
                number, before = before, number.rstrip(_BLANK)
            if number.isdecimal() and len(number) <= _PAGE_DIGITS and number.isascii():
                found.append((index, int(number) - page, before if before else None))
    if not found:
        return lines, codes, {}
    offsets: dict[int, int] = {}
    for _, offset, _ in found:
        offsets[offset] = offsets.get(offset, 0) + 1
    offset, times = max(offsets.items(), key=lambda item: (item[1], -abs(item[0])))
    if times < max(2, (len(starts) + 1) // 2):
        return lines, codes, {}
    out, kinds, bare = list(lines), list(codes), {}
    for index, shift, before in found:
        if shift != offset:
            continue
        if before is None:
            out[index] = ("PAGE_MARK", *lines[index][1:])
            kinds[index] = "P"
        else:
            kinds[index] = _PAGE_TAIL_CODE
            bare[index] = before
    return out, "".join(kinds), bare


def _title_lines(codes: str) -> list[int]:
    """The indexes of the report's title lines: its first lines up to its first TITLE line,
    one of the first :data:`_EDGE` + 1 lines, page marks aside (云溪镇人民政府 over
    2023年…年度报告), and the TITLE lines right after it (a running header over the title,
    both a title to the grammar); none if no TITLE line is among them."""
    title: list[int] = []
    for index, code in enumerate(codes):
        if code == "P":
            continue
        if title and title[-1] != index - 1 and codes[title[-1]] == "I":
            break  # (a page mark after the title)
        if title and codes[title[-1]] == "I" and code != "I":
            break
        title.append(index)
        if len(title) > _EDGE and code != "I":
            return []
    return title if title and codes[title[-1]] == "I" else []


def _title_pieces(
    lines: list[Line], codes: str, texts: dict[int, str], title: list[int]
) -> set[int]:
    """The indexes of the lines at page edges (``texts``: each one's key) that are the
    report's title, its start or its end (the body's name, the report's name: a book's
    running headers), which may stand once only in a short report.

    The title is the report's ``title`` lines; none, none is taken. Its own lines are
    never taken, nor a part shorter than furniture is (:data:`_FURNITURE_CHARS`), nor the
    title's start (the body's name) among the report's last lines: its sign-off
    (云溪镇人民政府 over the date)."""
    if not title:
        return set()
    whole = "".join(_key(lines[index][LINE_TEXT]) for index in title)
    own = range(title[-1] + 1)
    sign_off = set(_edge_lines(codes, len(codes) - 1, -1))
    out = set()
    for index, key in texts.items():
        if index in own or len(key) < _FURNITURE_CHARS or not _may_be_furniture(key):
            continue
        if key == whole or whole.endswith(key) or (whole.startswith(key) and index not in sign_off):
            out.add(index)
    return out


def _pages(breaks: list[int]) -> int:
    """How many page breaks the lines at ``breaks`` (page marks) make: marks closer than a
    header and a footer apart (- 2 - over 第 2 页 共 5 页) are one break."""
    return 1 + sum(1 for a, b in itertools.pairwise(breaks) if b - a > 2 * _EDGE + 1)


def _before_tail(text: str) -> str:
    """The text of a line before the page mark it ends with (see :func:`_page_tail`)."""
    found = _page_tail(text)
    return text if found is None else text[: found.start()]


def _plain_code(line: Line) -> str:
    """The code of a line in the runs by its kind (that of a line ending with a page mark
    that is no furniture)."""
    kind, text = line[LINE_KIND], line[LINE_TEXT]
    if kind == "TEXT" and text[0] in _HEADING_STARTS:
        return _text_code(text)
    return _CODES[kind]


def _may_be_furniture(key: str) -> bool:
    """Whether a line's text (without blanks) may be page furniture: long enough, with no
    sentence end, naming no table's row, column or header group by the format's words."""
    if len(key) < _FURNITURE_CHARS or any(mark in key for mark in SENTENCE_ENDS):
        return False
    from xxgk_lint.format.normalise import normalise  # (furniture: a printed report's)

    norm = normalise(key)
    for spec in FORMAT_2021.tables:
        finders = (spec.row_finder[0], spec.column_finder[0], *(p for p, _ in spec.group_finders))
        if spec.header_pattern.match(norm) or any(p.search(norm) for p in finders):
            return False
    return True
