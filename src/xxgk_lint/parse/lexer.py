"""A line-at-a-time lexer driven by the terminals of ``grammar/report.lark``.

Lark's character-level lexer costs ~20 µs a token on these inputs (measured on the seeds);
a report has a few hundred lines but over a thousand cells. So each line is classified
once with the grammar's *line* terminals (tried in priority order, each a ``fullmatch`` on
the stripped line) and handed to the LALR parser as one token; ROW lines are split into
cells with the grammar's *cell* terminals, compiled into one alternation. The patterns live
in the grammar file only: this module reads them from Lark's compiled terminal list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lark import Token
from lark.lexer import Lexer

LINE_TERMINALS = ("HEADING", "PAGE_MARK", "RULE_LINE", "SENTENCE", "TITLE", "ROW", "TEXT")
CELL_TERMINALS = ("CELL_SEP", "NUMBER", "PLACEHOLDER", "CELL_TEXT")

_BLANK = " \t\u3000\xa0\u2002\u2003\u2009\u200b\ufeff"
_SPACES = _BLANK.replace("\t", "")  # tabs are cell separators: a ROW keeps them


@dataclass(frozen=True, slots=True)
class CellToken:
    """A piece of a ROW line: its terminal, text and 1-based start/end columns."""

    type: str
    text: str
    column: int
    end_column: int


class LineLexer(Lexer):
    """Feeds the LALR parser one token per non-blank line."""

    def __init__(self, lexer_conf) -> None:
        by_name = {t.name: t for t in lexer_conf.terminals}
        ordered = sorted(
            (by_name[name] for name in LINE_TERMINALS),
            key=lambda t: -t.priority,
        )
        self.line_patterns = [(t.name, re.compile(t.pattern.to_regexp())) for t in ordered]

    def lex(self, data: str) -> Iterator[Token]:  # type: ignore[override]
        position = 0
        for number, line in enumerate(data.split("\n"), start=1):
            stripped = line.strip(_BLANK)
            if stripped:
                kind = self.classify(stripped)
                if kind == "ROW":
                    stripped = line.strip(_SPACES)
                offset = line.find(stripped)
                yield Token(
                    kind,
                    stripped,
                    start_pos=position + offset,
                    line=number,
                    column=offset + 1,
                    end_line=number,
                    end_column=offset + len(stripped) + 1,
                    end_pos=position + offset + len(stripped),
                )
            position += len(line) + 1

    def classify(self, stripped: str) -> str:
        for name, pattern in self.line_patterns:
            if pattern.fullmatch(stripped):
                return name
        return "TEXT"


class CellSplitter:
    """Splits a ROW line into cell tokens with the grammar's cell terminals."""

    def __init__(self, terminals) -> None:
        by_name = {t.name: t for t in terminals}
        ordered = sorted((by_name[n] for n in CELL_TERMINALS), key=lambda t: -t.priority)
        alternation = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in ordered)
        self.pattern = re.compile(alternation + r"|(?P<BLANK>[^\S\n\t]+)")

    def split(self, text: str, column: int) -> list[CellToken]:
        tokens: list[CellToken] = []
        for match in self.pattern.finditer(text):
            kind = match.lastgroup
            if kind is None or kind == "BLANK":
                continue
            start = column + match.start()
            tokens.append(CellToken(kind, match.group(), start, column + match.end()))
        return tokens
