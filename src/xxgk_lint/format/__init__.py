"""The format model: the one place that knows what a report is made of.

Everything that depends on the national format — the grammar's heading and title
terminals, the template mapping, the metadata, the rules, the JSON output, ``parse``'s
summary and plugins — reads it from here. Two formats are modelled:

* :data:`FORMAT_2021` (国办公开办函〔2021〕30号), for reports of 2021 and later;
* :data:`FORMAT_2019` (the 2019 试行 format), for reports of 2019 and 2020,

so an older report is read by its own template and checked by its own identities.

Cells are addressed as ``table.row.column`` (``applications.denied.state_secret.total``;
a row key may itself contain a dot). :func:`check_address` validates such an address
against the model, so that a rule or plugin naming a key the model does not have fails
when it is registered, with a message naming the key.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from xxgk_lint.format.document import unbracketed
from xxgk_lint.format.f2019 import FORMAT_2019
from xxgk_lint.format.f2021 import FORMAT_2021
from xxgk_lint.format.model import (
    BlockSpec,
    ColumnSpec,
    Format,
    Identity,
    RowSpec,
    SectionSpec,
    TableSpec,
    Text,
    UnknownKeyError,
)
from xxgk_lint.format.normalise import normalise, with_traditional
from xxgk_lint.memo import bounded

#: The formats by version; the newest first.
FORMATS: dict[str, Format] = {f.version: f for f in (FORMAT_2021, FORMAT_2019)}

#: Section keys in the order the format prints them.
SECTION_ORDER: tuple[str, ...] = FORMAT_2021.section_keys

#: The order in which section headings are tried: the most specific words first, since a
#: heading such as 五、存在的主要问题及改进情况 must not be read as another section.
HEADING_PRIORITY: tuple[str, ...] = (
    "other",
    "problems",
    "reviews",
    "applications",
    "proactive",
    "overview",
)

TABLE_KEYS: tuple[str, ...] = tuple(t.key for t in FORMAT_2021.tables)


def format_for(version: str) -> Format:
    try:
        return FORMATS[version]
    except KeyError:
        raise UnknownKeyError(f"no format '{version}' (formats: {', '.join(FORMATS)})") from None


@bounded(1024)
def section_key(heading: str) -> str | None:
    """The canonical key of the section a heading names, by its core words (looked up once
    per heading text: reports repeat the template's headings)."""
    norm = normalise(heading)
    for key in HEADING_PRIORITY:
        if FORMAT_2021.section(key).found_in(norm):
            return key
    return bare_section(heading)


def bare_section(heading: str) -> str | None:
    """The section a heading names by a bare word only (六、其他), if it does.

    Such a heading stands only where the section's heading can stand (after the sections
    before it); the builder decides that, this says what the words alone say. Read
    without the brackets it may be printed in (【六、其他】).
    """
    norm = normalise(unbracketed(heading))
    for section in FORMAT_2021.sections:
        if not section.may_be_bare(norm):
            continue  # (its pattern is compiled only for a heading it may match)
        pattern = section.bare_pattern
        if pattern is not None and pattern.match(norm):
            return section.key
    return None


@functools.cache
def _section_words() -> tuple[re.Pattern[str], ...]:
    """Each section's core words as the grammar's HEADING reads them (raw text, either
    script), one pattern each (compiled when first needed: only a heading cut over two
    lines asks)."""
    words = dict.fromkeys(w for key in HEADING_PRIORITY for w in FORMAT_2021.section(key).words)
    return tuple(re.compile(with_traditional(word)) for word in words)


@functools.cache
def _word_characters() -> frozenset[str]:
    """The Chinese characters of the sections' core words, in either script."""
    sources = "".join(pattern.pattern for pattern in _section_words())
    return frozenset(c for c in sources if "\u4e00" <= c <= "\u9fff")


def words_across(text: str, cut: int) -> bool:
    """Whether a section's core words stand across position ``cut`` of ``text``: start
    before it and end after it (一、总体|情况, 四、政府信息公开行政|复议、行政诉讼情况, at the
    ``|``). A heading that PDF text or a narrow page wraps inside its words is read whole
    only so: two lines whose words each stand whole on one side (一、加强组织领导 / 主动公开
    工作…) are two lines, not a heading cut in two. (Most texts asked are ruled out by the
    two characters around the cut, one of which is no character of the words.)"""
    characters = _word_characters()
    if not 0 < cut < len(text) or text[cut - 1] not in characters or text[cut] not in characters:
        return False
    for pattern in _section_words():
        for match in pattern.finditer(text, 0, len(text)):
            if match.start() >= cut:
                break
            if match.end() > cut:
                return True
    return False


def split_address(address: str) -> tuple[str, str, str]:
    """``table.row.column`` → its three parts (the row may contain dots)."""
    parts = address.split(".")
    if len(parts) < 3:
        raise UnknownKeyError(
            f"'{address}' is not a cell address: expected table.row.column, "
            "e.g. applications.received.total"
        )
    return parts[0], ".".join(parts[1:-1]), parts[-1]


def check_address(address: str, formats: Iterable[Format] | None = None) -> None:
    """Raise UnknownKeyError naming the first key of ``address`` no format has.

    ``*`` stands for any row or column (``applications.*.total``). A table key alone
    (``proactive``) or ``table.row`` is accepted too.
    """
    models = tuple(formats) if formats is not None else tuple(FORMATS.values())
    parts = address.split(".")
    table_key = parts[0]
    tables = [m.table(table_key) for m in models if m.has_table(table_key)]
    if not tables:
        known = ", ".join(TABLE_KEYS)
        raise UnknownKeyError(f"'{address}': no table '{table_key}' (tables: {known})")
    if len(parts) == 1:
        return
    if len(parts) == 2:
        row, column = parts[1], None
    else:
        row, column = ".".join(parts[1:-1]), parts[-1]
    if row != "*" and not any(t.has_row(row) for t in tables):
        raise UnknownKeyError(f"'{address}': table '{table_key}' has no row '{row}'")
    if column is None or column == "*":
        return
    for table in tables:
        rows = table.rows if row == "*" else (table.row(row),) if table.has_row(row) else ()
        if any(column in r.columns for r in rows):
            return
    where = f"row '{row}'" if row != "*" else f"table '{table_key}'"
    raise UnknownKeyError(f"'{address}': {where} has no column '{column}'")


__all__ = [
    "FORMATS",
    "FORMAT_2019",
    "FORMAT_2021",
    "HEADING_PRIORITY",
    "SECTION_ORDER",
    "TABLE_KEYS",
    "BlockSpec",
    "ColumnSpec",
    "Format",
    "Identity",
    "RowSpec",
    "SectionSpec",
    "TableSpec",
    "Text",
    "UnknownKeyError",
    "bare_section",
    "check_address",
    "format_for",
    "normalise",
    "section_key",
    "split_address",
    "words_across",
]
