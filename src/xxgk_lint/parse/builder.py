"""Build the Report AST from a Source: grammar → sections → table regions → template.

Data flows one way: the grammar classifies lines and groups them under section headings;
each statistical table's region (its section, or the text from its anchor when the heading
is missing) is mapped onto the template; what is left is paragraphs; metadata is read from
the paragraphs. Positions are finally mapped back into the original file.
"""

from __future__ import annotations

import dataclasses
import re

from xxgk_lint.parse.ast import Paragraph, Report, Section, Span, Table
from xxgk_lint.parse.grammar import Document, Line, RawSection, get_parser
from xxgk_lint.parse.labels import normalise
from xxgk_lint.parse.mapping import MappedTable, items_of, map_reviews, map_row_table
from xxgk_lint.parse.metadata import (
    SECTION_TITLES,
    agency_of,
    choose_title,
    clean_title,
    find_period,
    section_key,
    section_number,
    starts_problems,
    year_of_text,
    year_of_title,
)
from xxgk_lint.parse.template import ANCHORS, APPLICATIONS, OLDER_FORMAT, PROACTIVE
from xxgk_lint.sources.model import InputError, Source

TABLE_KEYS = ("proactive", "applications", "reviews")

_CHROME = re.compile(
    r"^(?:文件下载|关联文件|相关附件|附件[:：]?$|打印|关闭|【?字体|分享|扫一扫|上一篇|下一篇|"
    r"相关链接|返回顶部|责任编辑|浏览次数|访问量|\(此件公开发布\)|（此件公开发布）|-$)"
)


class NotAReportError(InputError):
    """The text has neither section headings nor statistical tables."""


def parse_source(source: Source) -> Report:
    """Parse a Source into a Report; raise NotAReportError for other documents."""
    document = get_parser().parse(source.text)
    report = _build(source, document)
    if source.positions is not None:
        report = _remap(report, source)
    return report


def _section_lines(document: Document) -> dict[str, list[Line]]:
    by_key: dict[str, list[Line]] = {}
    for raw in document.sections:
        key = section_key(raw.heading.text) if raw.heading else None
        if key is not None:
            by_key.setdefault(key, []).extend(raw.lines)
    return by_key


def _anchored_region(lines: list[Line], key: str, start_after: int) -> list[Line]:
    """Lines from the table's anchor to the next heading or the next table's anchor."""
    anchor = ANCHORS[key]
    later = [ANCHORS[k] for k in TABLE_KEYS[TABLE_KEYS.index(key) + 1 :]]
    region: list[Line] = []
    for line in lines:
        if line.line <= start_after:
            continue
        norm = normalise(line.text)
        if not region:
            if line.kind != "HEADING" and (
                anchor.search(norm) or any(anchor.search(normalise(c.text)) for c in line.cells)
            ):
                region.append(line)
            continue
        if line.kind == "HEADING" or any(p.search(norm) for p in later):
            break
        region.append(line)
    return region


def _map_tables(
    document: Document, by_key: dict[str, list[Line]]
) -> tuple[dict[str, MappedTable], bool]:
    """Map the three tables; report whether table 二 is in the pre-2021 layout."""
    all_lines = document.all_lines()
    mapped: dict[str, MappedTable] = {}
    older = False
    start_after = 0
    for key in TABLE_KEYS:
        region = by_key.get(key) or _anchored_region(all_lines, key, start_after)
        items = items_of(region)
        if key == "proactive":
            older = any(OLDER_FORMAT.search(item.norm) for item in items if item.kind == "T")
            if older:
                mapped[key] = MappedTable(None, [], None, None)
                continue
            result = map_row_table(PROACTIVE, items, allow_deviation=False)
        elif key == "applications":
            result = map_row_table(APPLICATIONS, items, allow_deviation=True)
        else:
            result = map_reviews(items)
        mapped[key] = result
        if result.last_line is not None:
            start_after = result.last_line
    return mapped, older


def _paragraphs(lines: list[Line], skip: tuple[int, int] | None) -> list[Paragraph]:
    out = []
    for line in lines:
        if skip is not None and skip[0] <= line.line <= skip[1]:
            continue
        span = Span(line.line, line.column, line.line, line.end_column)
        out.append(Paragraph(line.text, span))
    return out


def _trim_chrome(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Drop web-page chrome (download links, print/close buttons) after the last section."""
    while paragraphs and (
        _CHROME.match(normalise(paragraphs[-1].text)) or len(paragraphs[-1].text.strip()) <= 2
    ):
        paragraphs.pop()
    return paragraphs


def _sections(document: Document, mapped: dict[str, MappedTable]) -> list[Section]:
    sections: list[Section] = []
    raws: list[RawSection] = document.sections
    for position, raw in enumerate(raws):
        assert raw.heading is not None
        key = section_key(raw.heading.text) or "unknown"
        table = mapped.get(key)
        skip = None
        if table is not None and table.first_line is not None and table.last_line is not None:
            skip = (table.first_line, table.last_line)
        paragraphs = _paragraphs(raw.lines, skip)
        if position == len(raws) - 1:
            paragraphs = _trim_chrome(paragraphs)
        heading = raw.heading
        span = Span(heading.line, heading.column, heading.line, heading.end_column)
        sections.append(
            Section(key, section_number(heading.text), heading.text, span, tuple(paragraphs))
        )
    return _with_implicit_problems(sections)


def _with_implicit_problems(sections: list[Section]) -> list[Section]:
    """Recognise a problems section written as （一）主要问题 … under no heading."""
    if any(s.key == "problems" for s in sections):
        return sections
    for index, section in enumerate(sections):
        if section.key not in ("reviews", "applications", "proactive", "overview"):
            continue
        for p_index, paragraph in enumerate(section.paragraphs):
            if starts_problems(paragraph.text):
                before = dataclasses.replace(section, paragraphs=section.paragraphs[:p_index])
                implicit = Section(
                    "problems",
                    None,
                    SECTION_TITLES["problems"],
                    paragraph.span,
                    section.paragraphs[p_index:],
                    implicit=True,
                )
                return [*sections[:index], before, implicit, *sections[index + 1 :]]
    return sections


def _build(source: Source, document: Document) -> Report:
    by_key = _section_lines(document)
    mapped, older = _map_tables(document, by_key)
    tables: dict[str, Table] = {k: m.table for k, m in mapped.items() if m.table is not None}
    sections = _sections(document, mapped)
    if not sections and not tables:
        raise NotAReportError(
            "not a government information disclosure annual report: no section headings "
            "(一、总体情况 …) and no statistical tables were found"
        )
    preamble = [
        Paragraph(line.text, Span(line.line, line.column, line.line, line.end_column))
        for line in document.preamble
    ]
    title_line = choose_title(line for line in document.preamble if line.kind == "TITLE")
    title = None
    if title_line is not None:
        span = Span(title_line.line, title_line.column, title_line.line, title_line.end_column)
        title = Paragraph(clean_title(title_line.text), span)
    text_paragraphs = [p for p in preamble if title is None or p.span != title.span]
    for section in sections:
        text_paragraphs.extend(section.paragraphs)
    period = find_period(text_paragraphs)
    year = year_of_title(title.text) if title else None
    if year is None and period is not None and period.start is not None:
        year = period.start.year
    if year is None:
        overview = [s for s in sections if s.key == "overview"]
        year = year_of_text(p.text for s in (overview or sections) for p in s.paragraphs)
    deviations = tuple(d for m in mapped.values() for d in m.deviations)
    if deviations and year is not None and year <= 2020:
        older = True
    anchors = {s.key: s.span for s in sections}
    return Report(
        path=source.path,
        kind=source.kind,
        encoding=source.encoding,
        format_version="pre-2021" if older else "2021",
        year=year,
        agency=agency_of(title.text) if title else None,
        title=title,
        period=period,
        sections=tuple(sections),
        tables=tables,
        deviations=() if older else deviations,
        anchors=anchors,
        line_count=source.text.count("\n") + 1,
    )


def _remap(report: Report, source: Source) -> Report:
    """Map every span from extracted-text positions to the original file (HTML, Word, PDF)."""

    def span(s: Span) -> Span:
        start = source.origin(s.line, s.column)
        if s.end_column > s.column or s.end_line != s.line:
            end = source.origin(s.end_line, s.end_column - 1)
            end_line, end_column = end.line, end.column + 1
        else:
            end_line, end_column = start.line, start.column
        return Span(start.line, start.column, end_line, end_column, start.where)

    def paragraph(p: Paragraph) -> Paragraph:
        return Paragraph(p.text, span(p.span))

    def table(t: Table) -> Table:
        rows = tuple(
            dataclasses.replace(
                row,
                span=span(row.span),
                cells=tuple(cell._replace(span=span(cell.span)) for cell in row.cells),
            )
            for row in t.rows
        )
        return dataclasses.replace(t, span=span(t.span), rows=rows)

    sections = tuple(
        dataclasses.replace(
            s, span=span(s.span), paragraphs=tuple(paragraph(p) for p in s.paragraphs)
        )
        for s in report.sections
    )
    period = report.period
    if period is not None:
        period = dataclasses.replace(period, span=span(period.span))
    return dataclasses.replace(
        report,
        title=paragraph(report.title) if report.title else None,
        period=period,
        sections=sections,
        tables={k: table(t) for k, t in report.tables.items()},
        deviations=tuple(dataclasses.replace(d, span=span(d.span)) for d in report.deviations),
        anchors={k: span(v) for k, v in report.anchors.items()},
    )
