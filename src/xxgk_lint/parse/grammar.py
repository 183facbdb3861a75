"""Run the report grammar: text → the tree of lines that the AST is built from.

The grammar (``grammar/report.lark``, shipped in the package as ``xxgk_lint.grammar``)
is LALR. Its parse tables are compiled when the project is built, not at run time and
never into a cache on disk: ``_tables.py`` holds them as Python literals, generated from
the grammar (``python -m xxgk_lint.parse.compile``), with the grammar's text. Loading
them costs an import; a grammar edited without regenerating them is detected by its text
and compiled in memory instead, so a stale table is never used. Nothing is unpickled.

The tables are run by ``_lark_runtime.py``, Lark's stand-alone LALR runtime generated
with them (see :mod:`xxgk_lint.parse.compile`): ``check`` never imports the ``lark``
package and its grammar compiler, only a grammar edited in place does.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Collection
from pathlib import Path
from typing import Any

from xxgk_lint.parse._lark_runtime import Lark, Token, Transformer
from xxgk_lint.parse.lexer import CellSplitter, Line, LineLexer, LineRun
from xxgk_lint.records import record

#: What ``_tables.py`` writes for the lexer class (a class is not a literal).
LEXER_PLACEHOLDER = "__xxgk_lint_line_lexer__"
START = ["start", "cells"]


@record(frozen=False, slots=True)
class RawParagraph:
    """A paragraph of the tree: its lines, in order."""

    lines: list[Line]


@record(eq=False, frozen=False, slots=True)
class RawRows:
    """A run of table-row lines."""

    lines: list[Line]


@record(frozen=False, slots=True)
class RawTitle:
    line: Line


RawBlock = RawParagraph | RawRows | RawTitle


@record(eq=False, frozen=False, slots=True)
class RawSection:
    heading: Line | None
    blocks: list[RawBlock]

    def lines(self) -> list[Line]:
        out: list[Line] = []
        for block in self.blocks:
            if isinstance(block, RawTitle):
                out.append(block.line)
            else:
                out.extend(block.lines)
        return out


@record(eq=False, frozen=False, slots=True)
class Document:
    """The parse tree: the preamble's blocks, then the sections."""

    preamble: RawSection
    sections: list[RawSection]

    def all_lines(self) -> list[Line]:
        lines = self.preamble.lines()
        for section in self.sections:
            if section.heading is not None:
                lines.append(section.heading)
            lines.extend(section.lines())
        return lines


def grammar_text(name: str = "report.lark") -> str:
    """A grammar file of the package ``xxgk_lint.grammar``, read beside its ``__init__.py``:
    the package is a folder wherever xxgk-lint is installed, and ``importlib.resources``
    would import its readers and ``zipfile`` on every run (milliseconds of a cold start)."""
    return (_grammar_folder() / name).read_text(encoding="utf-8")


@functools.cache
def _grammar_folder() -> Path:
    # The package is ``grammar/`` of the source tree (setuptools' package-dir), so it is
    # found by import, in an installed and an editable package alike.
    init = importlib.import_module("xxgk_lint.grammar").__file__
    if init is None:  # a namespace package: never, the folder has its __init__.py
        raise FileNotFoundError("the package xxgk_lint.grammar has no folder")
    return Path(init).parent


def _blocks(children: list[Any]) -> list[RawBlock]:
    """A section's blocks: page marks and markdown rule lines are noise, kept out of the tree.

    A page number printed inside a sentence (…申请637件，其 / - 2 - / 中上年结转12件。) is
    dropped and the sentence joined: a paragraph whose last line does not end a sentence,
    followed across page marks by another paragraph, goes on in it.
    """
    blocks: list[RawBlock] = []
    page_mark = False
    for child in children:
        if isinstance(child, Token):
            page_mark = page_mark or child.type == "PAGE_MARK"
            continue
        previous = blocks[-1] if blocks else None
        if (
            page_mark
            and isinstance(child, RawParagraph)
            and isinstance(previous, RawParagraph)
            and previous.lines[-1].kind != "END"
        ):
            previous.lines.extend(child.lines)
        else:
            blocks.append(child)
        page_mark = False
    return blocks


class _ToTree(Transformer[Token, Document]):
    """Called by the LALR parser on each reduction: builds the raw tree directly. Every
    token of the line lexer is a :class:`LineRun`: its lines are the tree's lines. The
    grammar's repetitions are left-recursive: a list grows by one item per reduction."""

    def title(self, children: list[LineRun]) -> RawTitle:
        return RawTitle(children[0].lines[0])

    def prose(self, children: list[Any]) -> list[Line]:
        if len(children) == 1:  # prose: PROSE | TEXT
            return list(children[0].lines)
        lines: list[Line] = children[0]  # prose: prose (PROSE | TEXT)
        lines.extend(children[1].lines)
        return lines

    def paragraph(self, children: list[Any]) -> RawParagraph:
        first = children[0]
        lines: list[Line] = list(first.lines) if isinstance(first, LineRun) else first
        if len(children) == 2:  # paragraph: prose END
            lines.extend(children[1].lines)
        return RawParagraph(lines)

    def rows(self, children: list[Any]) -> RawRows:
        if len(children) == 1:  # rows: ROW
            return RawRows(list(children[0].lines))
        rows: RawRows = children[0]  # rows: rows ROW
        rows.lines.extend(children[1].lines)
        return rows

    def blocks(self, children: list[Any]) -> list[Any]:
        if not children:  # blocks: (nothing yet)
            return []
        blocks: list[Any] = children[0]  # blocks: blocks (title | paragraph | …)
        blocks.append(children[1])
        return blocks

    def preamble(self, children: list[Any]) -> RawSection:
        return RawSection(None, _blocks(children[0]))

    def section(self, children: list[Any]) -> RawSection:
        return RawSection(children[0].lines[0], _blocks(children[1]))

    def start(self, children: list[Any]) -> Document:
        if len(children) == 1:  # start: preamble
            return Document(children[0], [])
        document: Document = children[0]  # start: start section
        document.sections.append(children[1])
        return document


@record(eq=False)
class ReportParser:
    lark: Lark
    splitter: CellSplitter

    def parse(self, text: str, table_rows: Collection[int] = ()) -> Document:
        """The tree of ``text``; ``table_rows`` are the lines a reader knows are table rows."""
        lexer = self.line_lexer
        lexer.table_rows = table_rows
        try:
            return self.lark.parse(text, start="start")  # type: ignore[return-value]
        finally:
            lexer.table_rows = ()

    @property
    def line_lexer(self) -> LineLexer:
        return self.lark.parser.lexer.lexer


@record(eq=False)
class GrammarSpec:
    """How one of the grammars is compiled: its file, start rules and lexer."""

    file: str
    start: tuple[str, ...]
    lexer: Any  # "contextual", or a custom Lexer class


REPORT = GrammarSpec("report.lark", tuple(START), LineLexer)


def grammar_specs() -> dict[str, GrammarSpec]:
    """The project's grammars (the claims lexer is imported here, where it is needed); ``expr``
    is the expression language of YAML rules (:mod:`xxgk_lint.engine.yamlrules`)."""
    from xxgk_lint.parse.claims import ClaimLexer

    return {
        "report": REPORT,
        "dates": GrammarSpec("dates.lark", ("start",), "contextual"),
        "claims": GrammarSpec("claims.lark", ("start",), ClaimLexer),
        "expr": GrammarSpec("expr.lark", ("start",), "contextual"),
    }


def load_lark(name: str, transformer: Transformer[Token, Any] | None = None) -> Lark:
    """A grammar's parser from the shipped tables, or from tables compiled in memory (with
    the ``lark`` package) if the grammar file is not the one they were made from."""
    from xxgk_lint.parse import _tables

    spec = REPORT if name == "report" else grammar_specs()[name]
    text = grammar_text(spec.file)
    shipped: dict[str, Any] | None = _tables.TABLES.get(name)
    if shipped is None or shipped["grammar"] != text:
        from xxgk_lint.parse.compile import tables_of

        shipped = tables_of(text, spec)
    data = shipped["data"]
    if not isinstance(spec.lexer, str):
        data = _with_lexer(data, spec.lexer)
    return Lark._load_from_dict(data, shipped["memo"], transformer=transformer)


def _with_lexer(data: dict[str, Any], lexer: Any) -> dict[str, Any]:
    """A copy of the tables' data with the lexer class where the placeholder stands."""
    options = {**data["options"], "lexer": lexer}
    lexer_conf = {**data["parser"]["lexer_conf"], "lexer_type": lexer}
    return {**data, "options": options, "parser": {**data["parser"], "lexer_conf": lexer_conf}}


@functools.cache
def get_parser() -> ReportParser:
    """The LALR parser, built once per process from the shipped tables."""
    lark = load_lark("report", _ToTree())
    return ReportParser(lark, CellSplitter(lark.terminals))
