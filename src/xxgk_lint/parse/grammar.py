"""Run the report grammar: text → the tree of lines that the AST is built from.

The grammar (``grammar/report.lark``, shipped in the package as ``xxgk_lint.grammar``)
is LALR. Its parse tables are compiled when the project is built, not at run time and
never into a cache on disk: ``_tables.py`` holds them as Python literals, generated from
the grammar (``python -m xxgk_lint.parse.compile``), with the grammar's text. Loading
them costs an import; a grammar edited without regenerating them is detected by its text
and compiled in memory instead, so a stale table is never used. Nothing is unpickled.

The tables are loaded by ``_lark_runtime.py``, Lark's stand-alone LALR runtime generated
with them (see :mod:`xxgk_lint.parse.compile`): ``check`` never imports the ``lark``
package and its grammar compiler, only a grammar edited in place does. The report
grammar's tables are run on the line lexer's runs by :class:`_Tables` (what each token
does worked out once from the tables, then replayed); the other grammars by the runtime.
"""

from __future__ import annotations

import functools
import importlib
import operator
from collections.abc import Callable, Collection, Sequence
from itertools import repeat
from pathlib import Path
from typing import Any

from xxgk_lint.parse._lark_runtime import Lark, Shift, Token, Transformer, UnexpectedToken
from xxgk_lint.parse.lexer import LINE_KIND, LINE_TEXT, CellSplitter, Line, LineLexer
from xxgk_lint.parse.sentences import COLONS, goes_on_after_colon
from xxgk_lint.records import record

#: What ``_tables.py`` writes for the lexer class (a class is not a literal).
LEXER_PLACEHOLDER = "__xxgk_lint_line_lexer__"
START = ["start", "cells"]


#: A block of a section is its lines, the list of its token (or tokens): a title (one
#: TITLE line), a run of rows (ROW lines) or a paragraph (prose lines: PROSE, TEXT, END).
#: Its first line's kind says which (:func:`is_rows`, :func:`is_title`, :func:`is_paragraph`):
#: no node is made per block (a record each cost ~1 % of a real report's instructions).
RawBlock = list[Line]


def is_rows(block: RawBlock) -> bool:
    """Whether ``block`` is a run of table rows."""
    return block[0][LINE_KIND] == "ROW"


def is_title(block: RawBlock) -> bool:
    """Whether ``block`` is a title."""
    return block[0][LINE_KIND] == "TITLE"


def is_paragraph(block: RawBlock) -> bool:
    """Whether ``block`` is a paragraph (neither a title nor rows)."""
    kind = block[0][LINE_KIND]
    return kind != "ROW" and kind != "TITLE"


@record(eq=False, frozen=False, slots=True)
class RawSection:
    heading: Line | None
    blocks: list[RawBlock]

    def lines(self) -> list[Line]:
        out: list[Line] = []
        for block in self.blocks:
            out.extend(block)
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
    followed across page marks by another paragraph, goes on in it. So does a paragraph
    that goes on a line wrapped after a colon (sentences.goes_on_after_colon).
    """
    blocks: list[RawBlock] = []
    page_mark = False
    for child in children:
        kind = child[0][LINE_KIND]
        if kind == "PAGE_MARK" or kind == "RULE_LINE":  # a noise token: its lines
            page_mark = page_mark or kind == "PAGE_MARK"
            continue
        if (
            page_mark
            and blocks
            and kind != "ROW"
            and kind != "TITLE"
            and is_paragraph(blocks[-1])
            and blocks[-1][-1][LINE_KIND] != "END"
        ):
            blocks[-1].extend(child)
        else:
            blocks.append(child)
        page_mark = False
    if len(blocks) > 1 and _colon_ended(blocks):
        _join_after_colons(blocks)
    return blocks


_last = operator.itemgetter(-1)
_text = operator.itemgetter(LINE_TEXT)


def _colon_ended(blocks: list[RawBlock]) -> bool:
    """Whether a block ends with a line that ends in a colon: asked of all the blocks'
    last lines at once, in C (most sections have none; a test in Python of each block in
    the loop above cost more)."""
    return any(map(str.endswith, map(_text, map(_last, blocks)), repeat(COLONS)))


def _join_after_colons(blocks: list[RawBlock]) -> None:
    """Join to the paragraph before it each paragraph that goes on a sentence left open at
    a colon (sentences.goes_on_after_colon), in place."""
    index = 1
    while index < len(blocks):
        previous, block = blocks[index - 1], blocks[index]
        if (
            goes_on_after_colon(previous, block)  # (its first test: the colon)
            and is_paragraph(previous)
            and is_paragraph(block)
        ):
            previous.extend(blocks.pop(index))
        else:
            index += 1


# The reductions of report.lark, applied to the parser's value stack in place. A token's
# value is the list of its run's lines (see LineLexer.runs), and a block's value is its
# lines (see RawBlock): a title, a paragraph and a run of rows are the list of their first
# token, grown by the tokens after it. The repetitions are left-recursive: a list grows by
# one item per reduction. A rule whose value is its one child's has no step at all.


def _blocks_empty(values: list[Any]) -> None:  # blocks: (nothing yet)
    values.append([])


def _append(values: list[Any]) -> None:  # blocks: blocks (title | paragraph | …)
    item = values.pop()
    values[-1].append(item)


def _extend(values: list[Any]) -> None:  # prose: prose X; paragraph: prose END; rows: rows ROW
    lines = values.pop()
    values[-1].extend(lines)


def _preamble(values: list[Any]) -> None:
    values[-1] = RawSection(None, _blocks(values[-1]))


def _section(values: list[Any]) -> None:  # section: HEADING blocks
    blocks = values.pop()
    values[-1] = RawSection(values[-1][0], _blocks(blocks))


def _document(values: list[Any]) -> None:  # start: preamble
    values[-1] = Document(values[-1], [])


def _more_sections(values: list[Any]) -> None:  # start: start section
    section = values.pop()
    values[-1].sections.append(section)


_Step = Callable[[list[Any]], None]

#: Each rule's step, by its name and length (None: the value is the child's).
_STEPS: dict[tuple[str, int], Callable[[list[Any]], None] | None] = {
    ("start", 1): _document,
    ("start", 2): _more_sections,
    ("preamble", 1): _preamble,
    ("section", 2): _section,
    ("blocks", 0): _blocks_empty,
    ("blocks", 2): _append,
    ("title", 1): None,
    ("paragraph", 1): None,
    ("paragraph", 2): _extend,
    ("prose", 1): None,
    ("prose", 2): _extend,
    ("rows", 1): None,
    ("rows", 2): _extend,
}

#: What a token does from a state stack: the stack it leaves, its reductions' steps, and
#: the programs from the stack it leaves, by terminal (filled as they occur).
_Program = tuple[tuple[int, ...], tuple[_Step, ...], dict[str, Any]]


class _Tables:
    """Runs report.lark's LALR tables (the ones Lark's runtime runs) on the lexer's runs.

    Lark's loop does, for every token, a dictionary look-up per reduction, a slice of the
    value stack and a callback with a list of children. Here what a token does depends on
    the parser's state stack and the token's terminal alone, so it is worked out once from
    the tables — the state stack it leaves and the reductions it makes — and replayed. The
    grammar's repetitions are left-recursive, so the state stack stays a few states deep
    and the programs are few (a bounded table, filled as they occur; a function of the
    grammar, not of the reports). Each program holds the programs of the stack it leaves,
    so a token costs one look-up by its terminal (no key built from the stack).
    """

    LIMIT = 4096

    def __init__(self, lark: Lark) -> None:
        table = lark.parser.parser.parser.parse_table
        self._states: dict[int, dict[str, tuple[Any, Any]]] = table.states
        self._start: tuple[int, ...] = (table.start_states["start"],)
        self._end: int = table.end_states["start"]
        #: The programs from each state stack, by terminal.
        self._from: dict[tuple[int, ...], dict[str, _Program]] = {}
        self._count = 0

    def _program(self, stack: tuple[int, ...], kind: str, lines: list[Line] | None) -> _Program:
        """What the tables do on a token of ``kind`` (``$END``: the end) from ``stack``."""
        states = self._states
        now = list(stack)
        steps: list[_Step] = []
        while True:
            found = states[now[-1]].get(kind)
            if found is None:
                expected = {name for name in states[now[-1]] if name.isupper()}
                first = lines[0] if lines else None
                token = Token(kind, first[LINE_TEXT] if first else "")
                raise UnexpectedToken(token, expected)
            action, argument = found
            if action is Shift:
                now.append(argument)
                break
            size = len(argument.expansion)
            if size:
                del now[-size:]
            step = _STEPS[argument.origin.name, size]
            if step is not None:
                steps.append(step)
            now.append(states[now[-1]][argument.origin.name][1])
            if kind == "$END" and now[-1] == self._end:
                break
        left = tuple(now)
        program = (left, tuple(steps), self._programs_from(left))
        if self._count < self.LIMIT:
            self._count += 1
            self._programs_from(stack)[kind] = program
        return program

    def _programs_from(self, stack: tuple[int, ...]) -> dict[str, _Program]:
        found = self._from.get(stack)
        if found is None:
            found = {} if len(self._from) >= self.LIMIT else self._from.setdefault(stack, {})
        return found

    def parse(self, runs: list[tuple[str, list[Line]]]) -> Document:
        stack = self._start
        programs = self._programs_from(stack)
        values: list[Any] = []
        for kind, lines in runs:
            program = programs.get(kind) or self._program(stack, kind, lines)
            stack, steps, programs = program
            for step in steps:
                step(values)
            values.append(lines)  # the shift
        stack, steps, _ = programs.get("$END") or self._program(stack, "$END", None)
        for step in steps:
            step(values)
        return values[-1]  # type: ignore[no-any-return]


@record(eq=False)
class ReportParser:
    lark: Lark
    splitter: CellSplitter

    tables: _Tables

    def parse(
        self, text: str, table_rows: Collection[int] = (), pages: Sequence[int] = ()
    ) -> Document:
        """The tree of ``text``; ``table_rows`` are the lines a reader knows are table rows,
        ``pages`` the lines its pages start at (a PDF: Source.pages)."""
        return self.tables.parse(self.line_lexer.runs(text, table_rows, pages))

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
    lark = load_lark("report")
    return ReportParser(lark, CellSplitter(lark.terminals), _Tables(lark))
