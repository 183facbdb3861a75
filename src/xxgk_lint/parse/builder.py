"""Build the Report AST from a Source: grammar → sections → tables → paragraphs → metadata.

Data flows one way. The grammar groups lines under section headings and into paragraphs
and runs of rows; each statistical table's region (its section, or the text from its
anchor when the heading is missing) is mapped onto the format model; the lines a table
takes become that Table node, the others stay Paragraphs, in document order; metadata is
read from the paragraphs; table positions are finally mapped back into the original file.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from typing import TypeVar

from xxgk_lint.format import (
    FORMAT_2019,
    FORMAT_2021,
    SECTION_ORDER,
    TABLE_KEYS,
    Format,
    bare_section,
    normalise,
    section_key,
)
from xxgk_lint.memo import bounded
from xxgk_lint.parse.ast import (
    Block,
    Date,
    Deviation,
    FrozenMap,
    Pagination,
    Paragraph,
    Picture,
    Piece,
    Report,
    Row,
    Section,
    Span,
    Table,
    as_span,
)
from xxgk_lint.parse.cells import KIND, NORM, TEXT, Item, items_of
from xxgk_lint.parse.dated import meta_date, publication_dates, sign_off
from xxgk_lint.parse.dates import find_period
from xxgk_lint.parse.grammar import (
    Document,
    Line,
    RawBlock,
    RawSection,
    get_parser,
    is_paragraph,
    is_rows,
    is_title,
)
from xxgk_lint.parse.lexer import (
    LINE_COLUMN,
    LINE_END,
    LINE_KIND,
    LINE_NUMBER,
    LINE_TEXT,
    line_cells,
)
from xxgk_lint.parse.mapping import MappedTable, map_table
from xxgk_lint.parse.metadata import (
    agency_of,
    agency_of_opening,
    choose_title,
    clean_title,
    page_title_year,
    section_number,
    title_wrapped_in_name,
    wrapped_title_start,
    year_of_text,
    year_of_title,
)
from xxgk_lint.parse.outline import place_tables, recover_sections, split_heading_line
from xxgk_lint.parse.sentences import paragraph_starts
from xxgk_lint.sources.limits import DEFAULT_LIMITS, Limits
from xxgk_lint.sources.model import (
    PAGE_ATTACHMENT,
    PAGE_PAGINATION,
    PAGE_TITLE,
    InputError,
    LimitError,
    Source,
)

_CHROME = re.compile(
    r"^(?:文件下载|关联文件|相关附件|附件[:：]?$|打印|关闭|【?字体|分享|扫一扫|上一篇|下一篇|"
    r"相关链接|返回顶部|责任编辑|浏览次数|访问量|\(此件公开发布\)|（此件公开发布）|-$)"
)


_new = tuple.__new__  # named tuples by the hundred: skip their Python __new__


class NotAReportError(InputError):
    """The text has neither section headings nor statistical tables."""


def parse_source(source: Source, *, limits: Limits = DEFAULT_LIMITS) -> Report:
    """Parse a Source into a Report; raise NotAReportError for other documents."""
    document = get_parser().parse(source.text, source.grid.keys(), source.pages)
    return _Builder(source, document, limits).build()


class _Builder:
    def __init__(self, source: Source, document: Document, limits: Limits) -> None:
        self.source = source
        self.document = document
        self.limits = limits
        self.cells = 0
        sections = [s for s in document.sections if s.heading is not None]
        sections = _without_contents(document.preamble, sections)
        sections = _placed_bare_headings(document.preamble, sections)
        sections = _without_extra_headings(sections)
        self.sections, self.second = _first_report(sections)

    # ---- tables

    def _items(self, lines: list[Line]) -> list[Item]:
        items = items_of(lines, self.source.grid)
        self.cells += len(items)
        if self.cells > self.limits.max_cells:
            raise LimitError(
                f"over the limit max-cells = {self.limits.max_cells} (too many table cells)"
            )
        return items

    def _section_lines(self, key: str) -> list[Line] | None:
        """The lines of the table's section, if the report has its heading."""
        for raw in self.sections:
            assert raw.heading is not None
            if section_key(raw.heading[LINE_TEXT]) == key:
                return raw.lines()
        return None

    def _region(self, key: str, start_after: int) -> list[Line]:
        """The lines from the table's anchor to the next heading/anchor, after line
        ``start_after``: where a table stands that is not in its section."""
        spec = FORMAT_2021.table(key)
        following = TABLE_KEYS[TABLE_KEYS.index(key) + 1 :]
        later = [FORMAT_2021.table(k).anchor_pattern for k in following]
        region: list[Line] = []
        for line in self._all_lines():
            if line[LINE_NUMBER] <= start_after:
                continue
            norm = normalise(line[LINE_TEXT])
            if not region:
                if line[LINE_KIND] != "HEADING" and (
                    spec.anchor_pattern.search(norm)
                    or any(spec.anchor_pattern.search(normalise(c.text)) for c in line_cells(line))
                ):
                    region.append(line)
                continue
            if line[LINE_KIND] == "HEADING" or any(p.search(norm) for p in later):
                break
            region.append(line)
        return region

    def _all_lines(self) -> list[Line]:
        lines = self.document.preamble.lines()
        for section in self.sections:
            assert section.heading is not None
            lines.append(section.heading)
            lines.extend(section.lines())
        return lines

    def _map_tables(self, year: int | None) -> tuple[dict[str, MappedTable], Format]:
        mapped: dict[str, MappedTable] = {}
        model = FORMAT_2021
        start_after = 0
        regions: dict[str, list[Item]] = {}
        for key in TABLE_KEYS:
            own = self._section_lines(key)
            items = self._items(own if own is not None else self._region(key, start_after))
            model = _model_of(key, items, model)
            result = map_table(model.table(key), items, model)
            if own is not None and result.table is None:
                # The section holds no table (its heading alone, or prose): the table stands
                # elsewhere — after the sections, as an annex (附件/附表) — and is read
                # where its anchor is.
                found = self._items(self._region(key, start_after))
                if found:
                    items = found
                    model = _model_of(key, items, model)
                    result = map_table(model.table(key), items, model)
            regions[key] = items
            if (
                key == "applications"
                and any(d.kind == "rows" for d in result.deviations)
                and year is not None
                and year <= 2020
            ):
                model = FORMAT_2019  # the 2019 layout's single （六） row, in a 2019/2020 report
                result = map_table(model.table(key), items, model)
            mapped[key] = result
            if result.last_line is not None:
                start_after = result.last_line
        if model is FORMAT_2019 and "proactive" in mapped:
            mapped["proactive"] = map_table(model.table("proactive"), regions["proactive"], model)
        return mapped, model

    # ---- paragraphs and sections

    def _paragraph(self, lines: list[Line], section: str | None) -> Paragraph:
        if len(lines) == 1:  # most paragraphs: one line, its text and place as they are
            _, text, number, column, end = lines[0]
            pieces: tuple[Piece, ...] = (_new(Piece, (0, number, column)),)
            span = _new(Span, (number, column, number, end, None))
        else:
            every = []
            offset = 0
            for _, text, number, column, _ in lines:
                every.append(_new(Piece, (offset, number, column)))
                offset += len(text)
            pieces = tuple(every)
            text = "".join([line[LINE_TEXT] for line in lines])
            first, last = lines[0], lines[-1]
            span = _new(
                Span,
                (first[LINE_NUMBER], first[LINE_COLUMN], last[LINE_NUMBER], last[LINE_END], None),
            )
        positions = self.source.positions
        if positions is not None:
            span = self._span(span)
        return Paragraph(text, span, pieces, section, positions)

    def _paragraphs(self, lines: list[Line], section: str | None) -> list[Paragraph]:
        """A run of prose lines as paragraphs: split after sub-headings and before items."""
        if len(lines) == 1:
            return [self._paragraph(lines, section)]
        cuts = [0, *paragraph_starts([line[LINE_TEXT] for line in lines]), len(lines)]
        return [self._paragraph(lines[a:b], section) for a, b in itertools.pairwise(cuts)]

    def _blocks(self, raw: RawSection, key: str | None, tables: _Placement) -> list[Block]:
        """The section's paragraphs and tables in order; table lines leave the paragraphs."""
        blocks: list[Block] = []
        placed: set[int] = set()
        ordered, starts, disjoint = tables.ordered, tables.starts, tables.disjoint
        # The lines of the table the last block was placed in: the blocks after it that lie
        # within them (most blocks of a table region) are that table's, placed already.
        low, high = 1, 0

        def place(entry: TableRange) -> None:
            if id(entry[2]) not in placed:
                placed.add(id(entry[2]))
                blocks.append(entry[2])

        for lines in raw.blocks:
            if disjoint:  # most blocks lie wholly inside one table, or outside them all
                first, last = lines[0][LINE_NUMBER], lines[-1][LINE_NUMBER]
                if low <= first and last <= high:
                    continue
                index = bisect.bisect_right(starts, last) - 1
                inside = ordered[index] if index >= 0 else None
                if inside is None or inside[1] < first:
                    if lines[0][LINE_KIND] != "ROW":  # rows outside every table: noise
                        if len(lines) == 1:  # (most paragraphs: one line)
                            blocks.append(self._paragraph(lines, key))
                        else:
                            blocks.extend(self._paragraphs(lines, key))
                    continue
                if inside[0] <= first and last <= inside[1]:
                    place(inside)
                    low, high = inside[0], inside[1]
                    continue
            run: list[Line] = []
            rows = is_rows(lines)
            for line in lines:
                entry = tables.at(line[LINE_NUMBER])
                if entry is None:
                    if rows:
                        continue  # a row outside every table: noise, not prose
                    run.append(line)
                    continue
                if run:
                    blocks.extend(self._paragraphs(run, key))
                    run = []
                place(entry)
            if run:
                blocks.extend(self._paragraphs(run, key))
        return blocks

    def _sections(self, tables: _Placement) -> list[Section]:
        sections: list[Section] = []
        last = len(self.sections) - 1
        positions = self.source.positions
        for position, raw in enumerate(self.sections):
            heading = raw.heading
            assert heading is not None
            _, text, number, column, end = heading
            key = section_key(text) or "unknown"
            blocks = self._blocks(raw, key, tables)
            if position == last:
                blocks = _trim_chrome(blocks)
            # A heading line that goes on into the section's text (六、其他需要报告的事项：
            # 本年度未收取信息处理费。): the heading, and that text its first paragraph (on
            # the heading's line: content, never chrome to trim).
            # (most headings end in neither a sentence end nor a mark around one, and hold
            # no colon: told by three tests, not a call)
            run_in = (
                split_heading_line(text, key)
                if text[-1] in _RUN_ON_LAST or "：" in text or ":" in text
                else None
            )
            if run_in is not None:
                text, start, stop = run_in
                line: Line = (
                    "END",
                    heading[LINE_TEXT][start:stop],
                    number,
                    column + start,
                    column + stop,
                )
                blocks.insert(0, self._paragraph([line], key))
                end = column + len(text)
            span = _new(Span, (number, column, number, end, None))
            if positions is not None:
                span = self._span(span)
            sections.append(Section(key, section_number(text), text, span, tuple(blocks)))
        return sections

    # ---- the report

    def build(self) -> Report:
        preamble_raw = self.document.preamble
        page_title = self.source.meta.get(PAGE_TITLE)
        title_line = choose_title(
            (b[0] for b in preamble_raw.blocks if is_title(b)),
            self._stated_year,
            page_title_year(page_title.content if page_title is not None else None),
        )
        title_lines = [title_line] if title_line else []
        if title_line is not None:
            first = _take_wrapped_title_start(preamble_raw, title_line)
            if first is not None:
                title_lines.insert(0, first)
        else:
            title_lines = _take_title_wrapped_in_name(preamble_raw)
            title_line = title_lines[0] if title_lines else None
        title_text = "".join(clean_title(line[LINE_TEXT]) for line in title_lines)
        title_year = year_of_title(title_text) if title_lines else None
        mapped, model = self._map_tables(title_year)
        tables = {k: m.table for k, m in mapped.items() if m.table is not None}
        ranges = [
            (m.first_line, m.last_line, self._remap_table(m.table))
            for m in mapped.values()
            if m.table is not None and m.first_line is not None and m.last_line is not None
        ]
        placement = _Placement(ranges)
        opening = [
            b
            for b in self._blocks(preamble_raw, None, placement)
            if title_line is None
            or not isinstance(b, Paragraph)
            or b.pieces[0].line != title_line[LINE_NUMBER]
        ]
        kept, sections = place_tables(
            *recover_sections(
                opening, self._sections(placement), title_line[LINE_NUMBER] if title_line else None
            ),
            (entry[2] for entry in ranges),
        )
        attachment = self.source.meta.get(PAGE_ATTACHMENT)
        # A web page with no tables and no heading, and a link to a document (a PDF …): its
        # text is a note above the report's file, not a report without its sections.
        if not tables and (
            not sections or (attachment is not None and all(s.implicit for s in sections))
        ):
            # A page or document with a report's title, no text of it and pictures: scans.
            pictures = len(self.source.figures) if title_line is not None else 0
            hint = ""
            if attachment is not None:
                hint = f"; the page links to a document that may hold it: {attachment.content}"
            elif pictures:
                hint = (
                    f"; the file holds {pictures} picture{'s' if pictures > 1 else ''}: the "
                    "report may be published as pictures (scans), which cannot be checked"
                )
            raise NotAReportError(
                "not a government information disclosure annual report: no section headings "
                "(一、总体情况 …) and no statistical tables were found" + hint
            )
        preamble = [b for b in kept if isinstance(b, Paragraph)]
        title = None
        if title_line is not None:
            paragraph = self._paragraph(title_lines, None)
            # (dataclasses.replace, field by field: ten times the cost of the record made)
            title = Paragraph(title_text, paragraph.span, paragraph.pieces, None, paragraph.origin)
        paragraphs = [*preamble, *(p for s in sections for p in s.paragraphs)]
        period = find_period(paragraphs, title_year)
        year = title_year
        if year is None and period is not None and period.start is not None:
            year = period.start.year
        if year is None:
            overview = [s for s in sections if s.key == "overview"]
            year = year_of_text(p.text for s in (overview or sections) for p in s.paragraphs)
            if period is not None and year is not None:
                # (a period without a year, 1月1日至12月31日, is of the year the text states)
                period = find_period(paragraphs, year)
        deviations = tuple(self._moved(d) for m in mapped.values() for d in m.deviations)
        return Report(
            path=self.source.path,
            kind=self.source.kind,
            encoding=self.source.encoding,
            format_version=model.version,
            year=year,
            agency=agency_of(title.text)
            if title
            else agency_of_opening(p.text for p in preamble[:_OPENING_PARAGRAPHS]),
            title=title,
            period=period,
            sections=tuple(sections),
            tables=FrozenMap({k: t for k, t in ((r[2].key, r[2]) for r in ranges)}),
            # (the 2019 model's own rows are no deviation; a column order is one in both)
            deviations=tuple(d for d in deviations if d.kind != "rows")
            if model is FORMAT_2019
            else deviations,
            anchors=FrozenMap({s.key: s.span for s in sections}),
            line_count=self.source.text.count("\n") + 1,
            preamble=tuple(preamble),
            dates=self._dates(),
            second_report=self._second_span(),
            pagination=self._pagination(),
            figures=tuple(
                Picture(Span(f.line, f.column, f.line, f.end_column, f.where), f.name, f.kind)
                for f in self.source.figures
            ),
        )

    def _stated_year(self) -> int | None:
        """The year the statistics period starts in, read from the raw paragraphs: asked
        by choose_title only when the lines that may be the title name different years."""
        raws = [self.document.preamble, *self.sections]
        blocks = (b for raw in raws for b in raw.blocks if is_paragraph(b))
        period = find_period(self._paragraph(block, None) for block in blocks)
        return period.start.year if period is not None and period.start is not None else None

    def _pagination(self) -> Pagination | None:
        """A web page's pagination bar, if it has one
        (:data:`~xxgk_lint.sources.model.PAGE_PAGINATION`)."""
        bar = self.source.meta.get(PAGE_PAGINATION)
        if bar is None:
            return None
        span = Span(bar.line, bar.column, bar.line, bar.column + len(bar.content))
        return Pagination(span, bar.content)

    def _dates(self) -> tuple[Date, ...]:
        """The dates the report states about itself (see :mod:`xxgk_lint.parse.dated`):
        the page's metadata, the page dates of its header, the sign-off."""
        found: list[Date] = []
        meta = meta_date(self.source.meta)
        if meta is not None:
            found.append(meta)  # its span already points into the HTML source
        header = publication_dates(self.document.preamble.lines())
        signed = sign_off(self.sections[-1].lines()) if self.sections else None
        for date in [*header, *([signed] if signed else [])]:
            found.append(self._moved(date))
        return tuple(found)

    # ---- positions

    def _span(self, span: Span) -> Span:
        """A span of the extracted text, in the original file."""
        source = self.source
        if source.positions is None:
            return span
        start = source.origin(span.line, span.column)
        if span.end_column > span.column or span.end_line != span.line:
            end = source.origin(span.end_line, span.end_column - 1)
            end_line, end_column = end.line, end.column + 1
        else:
            end_line, end_column = start.line, start.column
        return Span(start.line, start.column, end_line, end_column, start.where)

    def _moved(self, found: _Spanned) -> _Spanned:
        """``found`` with its span in the original file (itself for a text source, whose
        spans are the file's: no copy made)."""
        if self.source.positions is None:
            return found
        return dataclasses.replace(found, span=self._span(found.span))

    def _remap_table(self, table: Table) -> Table:
        if self.source.positions is None:
            return table
        span = self._span

        def moved(rows: tuple[Row, ...]) -> tuple[Row, ...]:
            return tuple(
                row._replace(
                    span=span(row.span),
                    # (the cells as the row stores them, see Row: no Cell made to move them)
                    cells=tuple((*cell[:4], span(as_span(cell[4]))) for cell in row[3]),
                )
                for row in rows
            )

        return dataclasses.replace(
            table, span=span(table.span), rows=moved(table.rows), subtotals=moved(table.subtotals)
        )

    def _second_span(self) -> Span | None:
        if self.second is None:
            return None
        _, _, number, column, end = self.second
        return self._span(Span(number, column, number, end))


def _model_of(key: str, items: list[Item], model: Format) -> Format:
    """The format table ``key``'s items are read in: the 2019 one for a table 二 in the
    2019 layout (本年新制作数量 …), else ``model``."""
    if key == "proactive" and FORMAT_2019.signal_pattern is not None:
        labels = "\n".join([i[NORM] for i in items if i[KIND] == TEXT])
        if FORMAT_2019.signal_pattern.search(labels):
            return FORMAT_2019
    return model


#: The last characters of a heading line that may go on into a sentence (a sentence end, or
#: a bold mark or cell separator after one; see outline.split_heading_line).
_RUN_ON_LAST = "。；;！!？?*|｜"

#: What the builder moves into the original file's positions (see _Builder._moved).
_Spanned = TypeVar("_Spanned", Deviation, Date)

#: A table and the first and last lines it takes.
TableRange = tuple[int, int, Table]


class _Placement:
    """Where the report's tables lie, for placing each block among them: worked out once
    per report, not once per section."""

    __slots__ = ("disjoint", "ordered", "starts", "tables")

    def __init__(self, tables: list[TableRange]) -> None:
        self.tables = tables
        self.ordered = sorted(tables, key=lambda entry: entry[0])
        self.starts = [entry[0] for entry in self.ordered]
        self.disjoint = all(a[1] < b[0] for a, b in itertools.pairwise(self.ordered))

    def at(self, line: int) -> TableRange | None:
        """The table that takes ``line``, if one does."""
        if self.disjoint:  # the usual case: only the last table starting by the line can hold it
            index = bisect.bisect_right(self.starts, line) - 1
            if index >= 0 and line <= self.ordered[index][1]:
                return self.ordered[index]
            return None
        for entry in self.tables:
            if entry[0] <= line <= entry[1]:
                return entry
        return None


def _take_wrapped_title_start(preamble: RawSection, title: Line) -> Line | None:
    """The first line of a title wrapped over two lines (白石县自然资源局 / 2023年…报告),
    taken out of the preamble's paragraphs; None if the title is on one line."""
    for block in preamble.blocks:
        if is_title(block):
            continue
        last = block[-1]
        if last[LINE_NUMBER] == title[LINE_NUMBER] - 1 and wrapped_title_start(title, last):
            return _take(preamble, block, len(block) - 1, len(block))[0]
    return None


def _take(preamble: RawSection, block: RawBlock, start: int, stop: int) -> list[Line]:
    """Lines ``start:stop`` of a block of the preamble, taken out of it (and the block,
    if that leaves it empty): a title's lines are no paragraph's."""
    taken = block[start:stop]
    del block[start:stop]
    if not block:
        preamble.blocks.remove(block)
    return taken


#: How many paragraphs before section 一 may name the body when there is no title line.
_OPENING_PARAGRAPHS = 3


def _take_title_wrapped_in_name(preamble: RawSection) -> list[Line]:
    """The two lines of a title wrapped inside the report's name (…年度报 / 告), taken out
    of the preamble's paragraphs, when no line is a title by itself; else none. The
    first such pair is the title: the page's chrome above it names no report."""
    for block in preamble.blocks:
        if is_title(block):
            continue
        for at, (first, second) in enumerate(itertools.pairwise(block)):
            if title_wrapped_in_name(first, second):
                return _take(preamble, block, at, at + 2)
    return []


#: The section a heading names by a bare word (looked up once per heading text, as
#: section_key is: reports repeat the template's headings).
_bare_section = bounded(1024)(bare_section)


def _placed_bare_headings(preamble: RawSection, sections: list[RawSection]) -> list[RawSection]:
    """Keep a bare heading (六、其他) only where its section's heading can stand.

    That is right after the section before it, or the one before that when that one is
    missing (六 after 五, or after 四). Anywhere else — a label line of table 三 in a
    one-cell-per-line layout, a numbered item of prose — the line is text of the section
    it stands in, and what follows it stays there too.
    """
    kept: list[RawSection] = []
    for raw in sections:
        assert raw.heading is not None
        bare = _bare_section(raw.heading[LINE_TEXT])
        if bare is None or section_key(raw.heading[LINE_TEXT]) != bare:
            kept.append(raw)
            continue
        order = SECTION_ORDER.index(bare)
        previous = section_key(kept[-1].heading[LINE_TEXT]) if kept and kept[-1].heading else None
        if previous is not None and 0 < order - SECTION_ORDER.index(previous) <= 2:
            kept.append(raw)
            continue
        host = kept[-1] if kept else preamble
        host.blocks.append([("TEXT", *raw.heading[LINE_TEXT:])])  # a paragraph
        host.blocks.extend(raw.blocks)
    return kept


#: A numeral opening a section heading inside a line, after its start: where the next
#: entry of a contents line that lists several sections begins (一、总体情况 二、主动公开…).
_NEXT_ENTRY = re.compile(r"[一二三四五六七八][、.．]")
#: The sentence ends a contents entry never holds.
_SENTENCE_END = frozenset("。；;！!？?")
#: Longest line of a contents block (an entry, its dot leaders and page number).
_CONTENTS_LINE = 60
#: Most lines under one entry of a contents block (its sub-entries).
_CONTENTS_LINES = 12


def _contents_only(raw: RawSection) -> bool:
    """Whether a section's blocks are what a table of contents holds under an entry: none,
    or short lines with no sentence end (dot leaders and page numbers, sub-entries such as
    （一）主动公开情况……2) — no table rows, no prose."""
    left = _CONTENTS_LINES
    for block in raw.blocks:
        if not is_paragraph(block) or len(block) > left:
            return False
        left -= len(block)
        for line in block:
            text = line[LINE_TEXT].strip()
            if len(text) > _CONTENTS_LINE or not _SENTENCE_END.isdisjoint(text):
                return False
    return True


def _named(raw: RawSection) -> list[str]:
    """The sections a heading line names, one per entry: a contents line may list several
    (一、总体情况 二、主动公开政府信息情况), which the grammar reads as one heading."""
    assert raw.heading is not None
    text = raw.heading[LINE_TEXT]
    cuts = [0, *(m.start() for m in _NEXT_ENTRY.finditer(text, 1)), len(text)]
    keys = [section_key(text[a:b]) for a, b in itertools.pairwise(cuts)]
    return [key for key in keys if key is not None]


def _without_contents(preamble: RawSection, sections: list[RawSection]) -> list[RawSection]:
    """The sections with a table of contents before the body taken out.

    A contents list (目录, then 一、总体情况……1 / 二、… one per line or several on a line)
    reads as headings with nothing under them; the body after it starts the numbering over
    and names the same sections again, with their content. Read as sections, the list
    would make the body a second report (XG007) and leave its tables unread. So a run of
    headings at the start whose entries hold no content, listing at least two sections in
    order, each of which the headings after the run name again, the first of those
    restarting the numbering, is the contents: its headings and entries are dropped (they
    are navigation, not text). The last entry may hold the text between the contents and
    the body (the opening paragraph, or the title): that goes to the preamble.
    """
    empty = 0
    while empty < len(sections) and _contents_only(sections[empty]):
        empty += 1
    opening = sections[0].heading if sections else None
    if not empty and (opening is None or not _NEXT_ENTRY.search(opening[LINE_TEXT], 1)):
        return sections  # (the common case: the first heading has its content under it)
    for size in (empty, empty + 1):
        if not 0 < size < len(sections):
            continue
        named = [key for raw in sections[:size] for key in _named(raw)]
        order = [SECTION_ORDER.index(key) for key in named]
        if len(order) < 2 or any(a >= b for a, b in itertools.pairwise(order)):
            continue
        body = [section_key(raw.heading[LINE_TEXT]) for raw in sections[size:] if raw.heading]
        first = body[0]
        if first is None or SECTION_ORDER.index(first) > order[-1] or set(named) - set(body):
            continue
        preamble.blocks.extend(sections[size - 1].blocks if size > empty else [])
        return sections[size:]
    return sections


#: The numerals past the format's six a heading may open with (section_number).
_BEYOND_SIX = frozenset("七八")


def _without_extra_headings(sections: list[RawSection]) -> list[RawSection]:
    """Keep a heading numbered past the format's six (七、其他需要说明的情况) only where its
    section has no heading before it: after 六, such a heading opens more of what the
    report has to say, not section 六 (or 五) a second time, and what follows it is read
    as text of the section it stands in. Where its section is not there yet (七、其他
    需要报告的事项 for 六), it is that section's heading, wrongly numbered (XG102)."""
    kept: list[RawSection] = []
    for raw in sections:
        assert raw.heading is not None
        text = raw.heading[LINE_TEXT]
        # (most headings: told by their first characters, no function called)
        if kept and not _BEYOND_SIX.isdisjoint(text[:8]) and section_number(text) in _BEYOND_SIX:
            key = section_key(text)
            if any(section_key(k.heading[LINE_TEXT]) == key for k in kept if k.heading):
                host = kept[-1]
                host.blocks.append([("TEXT", *raw.heading[LINE_TEXT:])])  # a paragraph
                host.blocks.extend(raw.blocks)
                continue
        kept.append(raw)
    return kept


def _first_report(sections: list[RawSection]) -> tuple[list[RawSection], Line | None]:
    """The sections of the first report, and where a second one begins (if one does).

    A second report starts where, after most of the six sections were seen, the
    numbering starts over: a heading of section 一 or 二 after one of 五 or 六. Its title,
    if it stands just before, is where it begins.
    """
    seen: list[int] = []
    for index, raw in enumerate(sections):
        assert raw.heading is not None
        key = section_key(raw.heading[LINE_TEXT])
        if key is None:
            continue
        order = SECTION_ORDER.index(key)
        if order <= 1 and len(set(seen)) >= 4 and max(seen) >= 4:
            previous = sections[index - 1]
            titles = [at for at, b in enumerate(previous.blocks) if is_title(b)]
            if titles:
                title = previous.blocks[titles[-1]][0]
                previous.blocks = previous.blocks[: titles[-1]]
                return sections[:index], title
            return sections[:index], raw.heading
        seen.append(order)
    return sections, None


def _trim_chrome(blocks: list[Block]) -> list[Block]:
    """Drop web-page chrome (download links, print/close buttons) after the last section."""
    while blocks and isinstance(blocks[-1], Paragraph):
        text = blocks[-1].text
        if not (_CHROME.match(normalise(text)) or len(text.strip()) <= 2):
            break
        blocks.pop()
    return blocks


__all__ = ["Deviation", "NotAReportError", "parse_source"]
