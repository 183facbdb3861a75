"""The types of the format model: sections, tables, rows, columns, identities.

A :class:`Format` is pure data: what a version of the national report format
(国办公开办函〔2021〕30号, or the 2019 试行 format before it) defines, with the canonical
keys every output and rule uses and the words real reports print for each part. The
parser reads reports with it, the rules check them against it, the serializer names
cells by it; nothing else restates what it says.

Labels are matched in *normalised* text (:func:`xxgk_lint.format.normalise.normalise`:
full/half width, spaces, traditional characters folded), so a pattern is written once,
in simplified characters without spaces.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import field
from decimal import Decimal
from functools import cached_property
from types import MappingProxyType

from xxgk_lint.memo import compiled
from xxgk_lint.records import NamedTuple, record

#: The characters that make a word a regular expression rather than plain text.
_REGEX_SYNTAX = frozenset(".^$*+?{}[]()|\\")


def is_plain(word: str) -> bool:
    """Whether a word (a regular expression) is plain text: it matches exactly itself, so
    ``word in text`` says what its search would."""
    return not _REGEX_SYNTAX.intersection(word)


def words_finder(words: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a text holds a match of one of ``words`` (regular expressions): the same as
    ``re.compile("|".join(words)).search(text) is not None``, with the words that are
    plain text tested by ``in`` and only the others compiled, when first needed
    (compiling a pattern of Chinese words costs a few hundred microseconds of a start)."""
    plain = tuple(word for word in words if is_plain(word))
    rest = "|".join(word for word in words if not is_plain(word))
    if not rest:
        return lambda text: any(word in text for word in plain)

    def found(text: str) -> bool:
        return any(word in text for word in plain) or compiled(rest).search(text) is not None

    return found


class Text(NamedTuple):
    """A name in Chinese (as the format prints it) and in English."""

    zh: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@record(eq=False)
class SectionSpec:
    """One of the six sections.

    ``words`` are the core words of its heading (regular expressions over normalised text,
    any one of which identifies the section); ``variants`` are headings real reports print,
    for the documentation and for the test that every variant is read.
    """

    number: str
    key: str
    title: Text
    words: tuple[str, ...]
    variants: tuple[str, ...] = ()
    #: The table this section holds, if any.
    table: str | None = None
    #: Words that name the section only as a whole heading after the section's own numeral
    #: (六、其他), and only where its heading can stand: too common to be searched for.
    bare: tuple[str, ...] = ()

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile("|".join(self.words))

    @cached_property
    def found_in(self) -> Callable[[str], bool]:
        """Whether a normalised text holds one of the words: ``pattern.search``, without
        compiling the words that are plain text (see :func:`words_finder`)."""
        return words_finder(self.words)

    def may_be_bare(self, text: str) -> bool:
        """False when ``bare_pattern`` cannot match ``text``: it has no bare words; or the
        text does not start as the pattern does (第 or the numeral); or the words are plain
        text and the text does not end as the pattern does (a word, then perhaps one of
        ``:.。``). The pattern is compiled only for a text that passes."""
        if not self.bare or not text.startswith(("第", self.number)):
            return False
        if not all(map(is_plain, self.bare)):
            return True
        end = text[:-1] if text.endswith("\n") else text  # ($ matches before a last \n)
        return end.endswith(self.bare) or end[:-1].endswith(self.bare)

    @cached_property
    def bare_pattern(self) -> re.Pattern[str] | None:
        """A whole normalised heading that is the numeral and a bare word (六、其他：)."""
        if not self.bare:
            return None
        words = "|".join(self.bare)
        return re.compile(rf"^第?{self.number}(?:部分)?[、.,:]?(?:{words})[:.。]?$")


#: The money units a header may print, each in 元: an amount read in one unit is compared
#: in the unit of the format's column (万元), never as printed.
MONEY_UNITS: Mapping[str, Decimal] = MappingProxyType(
    {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(10**8)}
)

#: Punctuation and blanks in a label (what a label's words are read without).
_PUNCTUATION = re.compile(r"[\W_]+")

#: A unit in a header cell, normalised: 本年收费金额(单位:元), 收费金额(元), 金额 单位:万元.
_PRINTED_UNIT = re.compile(r"\((?:单位:?)?(亿元|万元|千元|元)\)|单位:(亿元|万元|千元|元)")


def printed_unit(norm: str) -> str | None:
    """The money unit a normalised header cell names, if any."""
    match = _PRINTED_UNIT.search(norm.replace(" ", ""))
    return None if match is None else match.group(1) or match.group(2)


def in_unit(value: Decimal | int, printed: str, unit: str) -> Decimal:
    """An amount read in the ``printed`` unit, in ``unit`` (300 元 is 0.03 万元)."""
    return Decimal(value) * MONEY_UNITS[printed] / MONEY_UNITS[unit]


@record(eq=False)
class ColumnSpec:
    """A column of a table: its key, its label and the words its header is printed with."""

    key: str
    label: Text
    words: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    unit: str = "件"
    #: Whether a value may have decimals (only money: 万元).
    decimal: bool = False
    #: Whether a value may be negative (the 2019 format's 本年增/减).
    signed: bool = False

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        return re.compile("|".join(self.words)) if self.words else None

    @property
    def money(self) -> bool:
        """Whether the column holds an amount of money (its unit one of MONEY_UNITS)."""
        return self.unit in MONEY_UNITS


#: The group of every outcome leaf of table 三 (its label: 三、本年度办理结果).
OUTCOMES = "outcomes"


@record(eq=False)
class RowSpec:
    """A row of a table, under its canonical key.

    ``words`` recognise its label (regular expressions over the normalised label: the
    distinctive words of the official label, so that shortened, reworded, traditional or
    broken labels match and no other row's label does). ``columns`` are the keys of the
    columns this row has (table 二's blocks have fewer than the table). ``group`` is the
    outcome group of table 三 a leaf belongs to (``denied``, ``unavailable`` …);
    ``replaces`` lists the rows a single row of an older template stands for.
    """

    key: str
    label: Text
    words: tuple[str, ...]
    columns: tuple[str, ...]
    variants: tuple[str, ...] = ()
    group: str | None = None
    block: str | None = None
    leaf: bool = False
    replaces: tuple[str, ...] = ()
    #: A row the format allows a body to leave out (a township makes no 规章).
    optional: bool = False

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile("|".join(self.words))


@record(eq=False)
class BlockSpec:
    """A block of table 二, headed by the article item it reports on."""

    key: str
    header: str
    words: tuple[str, ...]
    rows: tuple[str, ...]


@record
class Identity:
    """A relation between cells that must hold (format-2021.md "Identities").

    ``kind`` says how it reads:

    * ``row-sum``: in every row of ``table``, ``total`` = sum of ``parts`` (columns);
    * ``column-sum``: in every column, row ``total`` = sum of rows ``parts``;
    * ``balance``: in every column, ``parts`` (left) sum = ``others`` (right) sum;
    * ``group-sum``: in every row (group) of ``table``, column ``total`` = sum of ``parts``.
    """

    key: str
    kind: str
    table: str
    title: Text
    total: str
    parts: tuple[str, ...]
    others: tuple[str, ...] = ()
    rule: str = ""


@record(eq=False)
class TableSpec:
    """One of the three statistical tables.

    ``layout`` is ``rows`` (a label per row, numbers after it: tables 二 and 三) or
    ``groups`` (table 四: one line of numbers, the rows being groups of five columns).
    ``header_words`` are words printed in the table's header rows (never row labels);
    ``anchors`` find the table in text whose section heading is missing.
    """

    key: str
    section: str
    title: Text
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]
    layout: str = "rows"
    blocks: tuple[BlockSpec, ...] = ()
    header_words: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()
    #: Merged header cells over several columns (法人或其他组织 over 商业企业 … 其他) or,
    #: in the groups layout, several groups (行政诉讼 over its two): a pattern over the
    #: normalised cell and the keys it stands over, in the format's order. They tell the
    #: order a header prints the columns in (:func:`xxgk_lint.parse.columns.printed_order`).
    header_groups: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: The group labels of the rows (（三）不予公开, 三、本年度办理结果) that carry no numbers
    #: in the format but that some reports print with numbers of their own, the subtotal
    #: of the group's leaves: (the group's key — a leaf's ``group``, or ``outcomes`` for
    #: every outcome leaf —, its label, a pattern of the label's words after its number).
    #: Such a line is not a row of the format (:meth:`subtotal_parts`).
    subtotals: tuple[tuple[str, str, str], ...] = ()

    @cached_property
    def column_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    @cached_property
    def row_keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.rows)

    @cached_property
    def _rows(self) -> Mapping[str, RowSpec]:
        return MappingProxyType({r.key: r for r in self.rows})

    @cached_property
    def _columns(self) -> Mapping[str, ColumnSpec]:
        return MappingProxyType({c.key: c for c in self.columns})

    def row(self, key: str) -> RowSpec:
        """The row ``key``; KeyError naming the key and the table if there is none."""
        try:
            return self._rows[key]
        except KeyError:
            raise UnknownKeyError(f"table '{self.key}' has no row '{key}'") from None

    def column(self, key: str) -> ColumnSpec:
        try:
            return self._columns[key]
        except KeyError:
            raise UnknownKeyError(f"table '{self.key}' has no column '{key}'") from None

    def has_row(self, key: str) -> bool:
        return key in self._rows

    def columns_of(self, row: str) -> tuple[str, ...]:
        return self.row(row).columns

    @cached_property
    def column_finder(self) -> tuple[re.Pattern[str], tuple[str, ...]]:
        """One pattern for every column's words: ``match.lastgroup`` is ``c<index>`` of the
        column in the returned keys (one search per header cell instead of one per column)."""
        parts = [f"(?P<c{i}>{'|'.join(c.words)})" for i, c in enumerate(self.columns) if c.words]
        return re.compile("|".join(parts)), self.column_keys

    @cached_property
    def row_finder(self) -> tuple[re.Pattern[str], tuple[str, ...]]:
        """The same for the rows' words (the groups of table 四 are its rows)."""
        parts = [f"(?P<c{i}>{'|'.join(r.words)})" for i, r in enumerate(self.rows)]
        return re.compile("|".join(parts)), self.row_keys

    def named_cell(self, norm: str) -> tuple[str | None, str | None]:
        """The group and the column a normalised label of a ``groups`` table names (each
        None when it names none), as reports print table 四 one cell a line: a label
        joining both (行政复议结果维持, 行政诉讼未经复议起诉结果纠正, 复议后起诉总计,
        总计（行政复议）), a group's alone (行政复议, a heading over the lines after it), a
        column's alone (结果维持, under such a heading).

        The group is named by its row's words, and by a merged header cell's (行政诉讼)
        only with a group's of those it stands over; a label whose group words name more
        than one group (行政复议后起诉, 行政诉讼总计, the table's title 行政复议、行政诉讼情况)
        names nothing. The column is named by its words in what is left once the groups'
        words and the punctuation are taken out. A column's words may be anchored (^总计$),
        so they are tried on each tail of what is left: a joined label ends with its
        column, and words of a group's label the model does not list (起诉 of 未经复议起诉)
        may stand before it."""
        pattern, groups = self.row_finder
        match = pattern.match
        named = {
            groups[int(m.lastgroup[1:])]
            for i in range(len(norm))
            if (m := match(norm, i)) is not None and m.lastgroup
        }
        for merged, keys in self._merged_groups:
            if merged.search(norm) and not (named and named.issubset(keys)):
                return None, None
        if len(named) > 1:
            return None, None
        rest = _PUNCTUATION.sub("", self._group_words.sub("", norm))
        finder, keys = self.column_finder
        columns = set()
        for start in range(len(rest)):
            found = finder.search(rest[start:])
            if found is not None and found.lastgroup:
                columns.add(keys[int(found.lastgroup[1:])])
        group = named.pop() if named else None
        column = columns.pop() if len(columns) == 1 else None
        return group, column

    @cached_property
    def _merged_groups(self) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
        """:attr:`header_groups` as the words of a merged cell anywhere in a label (行政诉讼:
        their anchors taken off) and the keys it stands over."""
        return tuple((re.compile(words.strip("^$")), keys) for words, keys in self.header_groups)

    @cached_property
    def _group_words(self) -> re.Pattern[str]:
        """The words that name groups in :meth:`named_cell`'s labels: their rows' and the
        merged header cells'."""
        words = [w for row in self.rows for w in row.words]
        return re.compile("|".join([*words, *(m.pattern for m, _ in self._merged_groups)]))

    @cached_property
    def money_columns(self) -> frozenset[str]:
        """The keys of the columns that hold amounts of money (万元)."""
        return frozenset(c.key for c in self.columns if c.money)

    @cached_property
    def group_finders(self) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
        """:attr:`header_groups` with their patterns compiled."""
        return tuple((re.compile(words), keys) for words, keys in self.header_groups)

    @cached_property
    def header_pattern(self) -> re.Pattern[str]:
        return re.compile("^(?:" + "|".join(self.header_words) + ")$")

    @cached_property
    def anchor_pattern(self) -> re.Pattern[str]:
        return re.compile("|".join(self.anchors))

    def subtotal_parts(self, group: str) -> tuple[str, ...]:
        """The leaf rows a subtotal of ``group`` adds up (none: the group is a leaf of its
        own here, as the 2019 format's （六）其他处理)."""
        return tuple(r.key for r in self.rows if r.leaf and (group == OUTCOMES or r.group == group))

    @cached_property
    def expected_rows(self) -> tuple[str, ...]:
        """The rows a complete table has (not the older-template rows that replace some)."""
        return tuple(r.key for r in self.rows if not r.replaces)


@record(eq=False)
class Format:
    """A version of the report format: its sections, tables and identities."""

    version: str
    title: Text
    #: The first and last report years the format was in force for (None: open).
    years: tuple[int | None, int | None]
    sections: tuple[SectionSpec, ...]
    tables: tuple[TableSpec, ...]
    identities: tuple[Identity, ...]
    #: Words that mark a table as printed in THIS format's layout (used to tell the
    #: formats apart: the 2019 试行 headers 本年新制作数量 …).
    signals: tuple[str, ...] = ()
    notes: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def section_keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.sections)

    @cached_property
    def _tables(self) -> Mapping[str, TableSpec]:
        return MappingProxyType({t.key: t for t in self.tables})

    @cached_property
    def _sections(self) -> Mapping[str, SectionSpec]:
        return MappingProxyType({s.key: s for s in self.sections})

    def table(self, key: str) -> TableSpec:
        try:
            return self._tables[key]
        except KeyError:
            known = ", ".join(self._tables)
            raise UnknownKeyError(f"no table '{key}' (tables: {known})") from None

    def section(self, key: str) -> SectionSpec:
        try:
            return self._sections[key]
        except KeyError:
            known = ", ".join(self._sections)
            raise UnknownKeyError(f"no section '{key}' (sections: {known})") from None

    def has_table(self, key: str) -> bool:
        return key in self._tables

    def identity(self, key: str) -> Identity:
        for identity in self.identities:
            if identity.key == key:
                return identity
        raise UnknownKeyError(f"no identity '{key}'")

    @cached_property
    def signal_pattern(self) -> re.Pattern[str] | None:
        return re.compile("|".join(self.signals)) if self.signals else None

    def applies_to(self, year: int | None) -> bool:
        """Whether reports of ``year`` were due in this format."""
        if year is None:
            return True
        first, last = self.years
        return (first is None or year >= first) and (last is None or year <= last)

    def cells(self) -> Iterator[tuple[str, str, str]]:
        """Every (table, row, column) the format defines, in order."""
        for table in self.tables:
            for row in table.rows:
                for column in row.columns:
                    yield table.key, row.key, column


class UnknownKeyError(KeyError):
    """A table, row, column or section key the format model does not have.

    Raised where a key is looked up, so that a typo (``"proactve"``) fails loudly, naming
    the key, instead of silently finding nothing.
    """

    #: The message in Chinese, where the raiser words it in both languages (a rule's
    #: ``uses``: :func:`xxgk_lint.engine.rule.rule`); ``str()`` is the English.
    zh: str | None = None

    def __str__(self) -> str:  # KeyError quotes its argument; this message is a sentence
        return str(self.args[0]) if self.args else ""
