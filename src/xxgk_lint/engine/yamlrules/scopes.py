"""Where a ``require:`` or ``forbid:`` pattern looks: the scopes of YAML rules.

* ``text`` — all the prose: the title, the section headings and the paragraphs (not
  table cells);
* ``title`` — the title line;
* ``section.<key>`` — a section's body, its paragraphs, *without* its heading: the
  official heading of 五 (存在的主要问题及改进情况) already says 改进, so a rule that wants
  改进 in section 五 must look at what the section says;
* ``table.<key>`` — a table's row labels and cells.

Each piece of text keeps a way back to the file, so that a match is reported where it
stands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from xxgk_lint.format import FORMAT_2021, SECTION_ORDER, TABLE_KEYS
from xxgk_lint.parse.ast import Paragraph, Report, Span
from xxgk_lint.records import record

#: Where a finding goes when what it is about is absent.
LINE_ONE = Span(1, 1, 1, 1)


@record
class Piece:
    """A stretch of the report's text and how to find a part of it in the file."""

    text: str
    span_of: Callable[[int, int], Span]


def _line_piece(text: str, span: Span) -> Piece:
    """A piece printed on one line at ``span`` (a heading, a label, a cell)."""

    def span_of(start: int, end: int) -> Span:
        if span.line == span.end_line and span.end_column - span.column == len(text):
            return Span(span.line, span.column + start, span.line, span.column + end, span.where)
        return span  # the text was read from elsewhere (a table cell of HTML): the whole

    return Piece(text, span_of)


def _paragraph_piece(paragraph: Paragraph) -> Piece:
    return Piece(paragraph.text, paragraph.span_of)


def scope_names() -> list[str]:
    """Every scope a rule may name (for messages and suggestions)."""
    return [
        "text",
        "title",
        *(f"section.{k}" for k in SECTION_ORDER),
        *(f"table.{k}" for k in TABLE_KEYS),
    ]


@record
class Scope:
    """A parsed scope: ``kind`` is text, title, section or table; ``key`` the section's or
    table's canonical key."""

    kind: str
    key: str | None = None

    @classmethod
    def parse(cls, text: str) -> Scope | None:
        """The scope ``text`` names, or ``None`` if it names none."""
        if text in ("text", "title"):
            return cls(text)
        kind, _, key = text.partition(".")
        if kind == "section" and key in SECTION_ORDER:
            return cls(kind, key)
        if kind == "table" and key in TABLE_KEYS:
            return cls(kind, key)
        return None

    @property
    def name(self) -> str:
        return self.kind if self.key is None else f"{self.kind}.{self.key}"

    def pieces(self, report: Report) -> Iterator[Piece]:
        """The texts of the scope in ``report``, in document order."""
        if self.kind in ("text", "title") and report.title is not None:
            yield _paragraph_piece(report.title)
        if self.kind == "text":
            for paragraph in report.preamble:
                yield _paragraph_piece(paragraph)
            for section in report.sections:
                if not section.implicit and section.title:
                    yield _line_piece(section.title, section.span)
                for paragraph in section.paragraphs:
                    yield _paragraph_piece(paragraph)
        elif self.kind == "section":
            assert self.key is not None
            found = report.section(self.key)
            if found is not None:
                for paragraph in found.paragraphs:
                    yield _paragraph_piece(paragraph)
        elif self.kind == "table":
            table = report.tables.get(self.key or "")
            if table is not None:
                for row in table.rows:
                    yield _line_piece(row.label, row.span)
                    for cell in row.cells:
                        if cell.raw:
                            yield _line_piece(cell.raw, cell.span)

    def anchor(self, report: Report) -> Span:
        """Where a finding about the scope as a whole points: the section's heading, the
        table, the title — or line 1 when the report has none of it."""
        if self.kind == "section":
            assert self.key is not None
            found = report.section(self.key)
            return found.span if found is not None else LINE_ONE
        if self.kind == "table":
            table = report.tables.get(self.key or "")
            if table is None:
                return LINE_ONE
            span = table.span
            return Span(span.line, span.column, span.line, span.column + 1, span.where)
        return report.title.span if report.title is not None else LINE_ONE

    def label(self, lang: str) -> str:
        """The scope in words, for the documentation of a rule."""
        if self.kind == "section":
            assert self.key is not None
            spec = FORMAT_2021.section(self.key)
            if lang == "en":
                return f"the body of section {spec.number} ({spec.title.en}; not its heading)"
            return f"第{spec.number}部分“{spec.title.zh}”的正文（不含标题）"
        if self.kind == "table":
            assert self.key is not None
            title = FORMAT_2021.table(self.key).title
            return f"the {title.en}" if lang == "en" else f"{title.zh}"
        if self.kind == "title":
            return "the title" if lang == "en" else "标题"
        if lang == "en":
            return "the text of the report (title, headings, paragraphs; not table cells)"
        return "报告正文（标题、各部分标题和段落，不含表格）"
