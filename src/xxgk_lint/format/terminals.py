"""The grammar's HEADING and TITLE terminals, generated from the format model.

``grammar/report.lark`` holds these two terminals between ``BEGIN GENERATED`` and ``END
GENERATED`` markers; they are written by this module from the section words and the report
name of the model, so that the grammar and the model cannot drift apart (a test checks that
the grammar file is current)::

    python -m xxgk_lint.format.terminals           # rewrite grammar/report.lark
    python -m xxgk_lint.format.terminals --check   # exit 1 if it is out of date

The grammar sees raw text (the model's patterns see normalised text), so every Chinese
character with a traditional form becomes a class (总 → [总總]) and spaces may stand
between characters of a word only where extraction splits them (never inside a heading).
Every pattern is built to run in linear time: bounded repetitions around the words, and a
single character class for trailing separators (nested quantifiers over tabs backtrack
exponentially on a damaged line).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from xxgk_lint.format import FORMAT_2021, HEADING_PRIORITY
from xxgk_lint.format.document import (
    BLANK_DASHES,
    BLANK_SLASHES,
    BLANK_WORD,
    COUNT_UNITS,
    HEADING_CLOSE,
    HEADING_OPEN,
    REPORT_NAME,
)
from xxgk_lint.format.model import MONEY_UNITS
from xxgk_lint.format.normalise import with_traditional

NUMERALS = "一二三四五六七八"
#: Blanks in a heading (spaces, tabs, ideographic spaces): the strings [ \t　]* matches,
#: written without that class, which `re` would compile into a 64K-entry map at every
#: start (~0.1 ms for each of its seven uses). Linear: each repetition starts with a 　.
_BLANKS = r"[ \t]*(?:　[ \t]*)*"
#: The strings [ \t　]+ matches (two alternatives, not [ \t]|　: `re` would merge those
#: back into the class).
_SOME_BLANKS = rf"(?:[ \t]{_BLANKS}|　{_BLANKS})"


#: A table of contents' entry after a heading's words: dot leaders (．．．, ……, ·····) and
#: the page number (一、总体情况 .................... 1). An entry is read as a heading, and
#: the builder drops a run of them before the body (parse.builder._without_contents); with
#: long leaders it was read as a table row (the dots a blank mark, the page a number).
_CONTENTS_TAIL = r"(?:[ \t]*(?:[.．·]{3,}|…{2,})[ \t]*[(（]?[0-9０-９]{1,3}[)）]?)?"


def heading_words() -> list[str]:
    """Every section's core words, in the order headings are tried."""
    words: list[str] = []
    for key in HEADING_PRIORITY:
        for word in FORMAT_2021.section(key).words:
            if word not in words:
                words.append(word)
    return words


def heading_pattern() -> str:
    """A section heading: a numeral and the core words of a section title.

    The numeral is 一 … 八 followed by 、 . ， : or a space, or 第一部分; markdown heading
    marks, bold and brackets (【一、总体情况】: document.HEADING_OPEN) may surround the
    line; trailing cell separators are allowed (a heading inside a table row). Table rows
    that start with a numeral (一、本年新收…, 四、结转下年度…) carry none of the words;
    一是… (an enumeration inside prose) has no separator after the numeral.
    """
    words = "|".join(with_traditional(w) for w in heading_words())
    # Ended by 。 (一、总体情况。): only with no comma or digit in the line, which a
    # sentence that opens with a numbered topic (二、主动公开方面，全年公开…条。) has. The
    # words are written once, the lookahead telling the two endings apart: `re` compiles
    # every copy of them at every start (a third of the pattern's cost).
    ended = r"(?:(?![^。]*。)|(?!.*[，,])(?!.*[0-9０-９]))"
    body = (
        rf"{ended}[^|｜\t。；]{{0,24}}?(?:{words})[^|｜\t。；]{{0,30}}?{_CONTENTS_TAIL}"
        r"(?:\*\*)?(?:[\s|｜]*|。(?:\*\*)?)"
    )
    alternatives = [
        rf"(?:[{NUMERALS}](?:{_BLANKS}[、.．，,:：]|{_SOME_BLANKS})"
        rf"|第[{NUMERALS}]部分{_BLANKS}[、.．，,:：]?){_BLANKS}{body}"
    ]
    # A bare word (六、其他) after the section's own numeral, as the whole line; whether it
    # stands where a heading can is decided after parsing (parse.builder).
    for key in HEADING_PRIORITY:
        section = FORMAT_2021.section(key)
        if section.bare:
            bare = "|".join(with_traditional(w) for w in section.bare)
            alternatives.append(
                rf"(?:{section.number}(?:{_BLANKS}[、.．，,:：]|{_SOME_BLANKS})"
                rf"|第{section.number}部分){_BLANKS}"
                rf"(?:{bare})[{HEADING_CLOSE}]?(?:\*\*)?[:：。]?(?:\*\*)?"
            )
    # (the closing bracket of the other headings is one of the characters after the words)
    opening = rf"(?:[{HEADING_OPEN}]{_BLANKS})?"
    return r"(?:#{1,6}[ \t]*)?(?:\*\*)?" + opening + "(?:" + "|".join(alternatives) + ")"


def title_pattern() -> str:
    """The title: a short line naming the report (…2023年政府信息公开工作年度报告)."""
    name = "|".join(with_traditional(w) for w in REPORT_NAME.words)
    return rf"[^|｜\t。，,；\n]{{0,60}}(?:{name})[^|｜\t。，,；\n]{{0,24}}"


#: A number as a cell prints it: a sign, digits (half or full width), thousands
#: separators, a decimal point (the grammar sees only the ASCII minus: the others are
#: folded first, see normalise.MINUS_SIGNS; U+2212 is kept for a cell read unfolded).
NUMBER = r"[+\-−]?[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"


def placeholder_pattern() -> str:
    """A blank mark of the format the grammar reads: a slash, one or two dashes, 无
    (document.BLANK_SLASHES, BLANK_DASHES, BLANK_WORD)."""
    slashes = "".join("\\/" if c == "/" else c for c in BLANK_SLASHES)
    # (the ASCII hyphen first in its class: no range)
    dashes = "".join(sorted(BLANK_DASHES, key=lambda c: c != "-"))
    return rf"(?:[{slashes}]|[{dashes}]{{1,2}}|{BLANK_WORD})"


def _units() -> str:
    """The units a number may be printed with, glued on (1493件, 12.35万元, 0（万元）): a
    count's (document.COUNT_UNITS) or money's (model.MONEY_UNITS), bracketed or not. (The
    longer money units first: 万元 before 元.)"""
    units = "|".join(sorted((*COUNT_UNITS, *MONEY_UNITS), key=len, reverse=True))
    return rf"(?:{units}|[(（](?:{units})[)）])"


def unit_value_pattern() -> str:
    """A number with its unit glued on, as a cell prints it (1493件, 12.35万元)."""
    return f"{NUMBER}{_units()}"


def _glued_units() -> str:
    """A number's unit glued on, then maybe more numbers each with its unit glued on
    (1493件0件3件: a PDF's text layer that lost the blanks between cells)."""
    units = _units()
    return f"{units}(?:{NUMBER}{units})*"


def _value() -> str:
    """A value standing alone: a number (its unit glued on or not) or a blank mark. One
    alternation, the number matched once."""
    return f"(?:{NUMBER}(?:{_glued_units()})?|{placeholder_pattern()[3:-1]})"


#: What follows a number of a date (2023 年 12 月 / 31 日, as Word's spacing between digits
#: and Chinese prints it in a PDF): never a table cell's value.
DATE_UNITS = "年月日号"


def row_terminal() -> str:
    """The ROW line terminal: a line with a cell separator or a value standing alone; a
    number with its unit glued on (a PDF's text row whose every cell prints its unit)
    beside another word (label 1493件, 1493件 0件), or several glued together
    (1493件0件3件: the blanks between cells lost). One alone on its line is a cell of a
    table printed one cell per line: a line of text, as a label is (the table reader
    reads it as a cell). (Where the blank is is asked only of a word that starts as a
    number does.)"""
    plain = f"(?:{NUMBER}|{placeholder_pattern()[3:-1]})"
    unit = unit_value_pattern()
    return (
        "// A row: a line with a cell separator, or with a number or placeholder standing alone\n"
        "// (a number with its unit glued on: beside another word, or glued to more), or a\n"
        "// label and the number after its colon that ends the line (行政许可：1493).\n"
        rf"ROW.2: /[^\n]*?(?:[|｜\t]|(?<!\S)(?:{plain}(?!\S)(?![ \t　]*[{DATE_UNITS}])"
        rf"|(?=[+\-−0-9０-９])(?:(?<=\s)|(?=\S*\s)|(?=(?:{unit}){{2}})){NUMBER}{_glued_units()}"
        rf"(?!\S))|(?<=[:：]){_after_colon()}$)[^\n]*/"
        "\n"
    )


def _after_colon() -> str:
    """A number (its unit glued on or not) glued after a label's colon and standing at the
    end of its text: the value of a ``label：value`` row (行政许可：1493, 行政强制：9次), which
    a table printed as one such line per row has. With a blank after the colon the number
    stands alone, a row already; without it the number is no word of its own, so the
    colon says where the label ends. (Not a blank mark: 信息处理费：无 is a statement.)"""
    return f"{NUMBER}(?:{_units()})?(?![^\\s|｜])"


def cell_terminals() -> str:
    """The NUMBER, PLACEHOLDER and CELL_TEXT cell terminals: a value (a number or a blank
    mark) ends at a blank or a separator; a cell of text goes on over blanks up to a value
    standing alone (numbers with their units glued on: each a cell, see parse.cells)."""
    value = _value()
    # A word of text, up to a colon a number is glued after (行政许可：1493): the colon ends
    # the cell of text, the number is a cell of its own (see row_terminal).
    glued = _after_colon()
    word = rf"(?:[^\s|｜:：]|[:：](?!{glued}))[^\s|｜:：]*(?:[:：](?!{glued})[^\s|｜:：]*)*"
    return (
        "// ---- cell terminals (split a ROW line into cells) ----\n\n"
        r"CELL_SEP: /[^\S\n\t]*[|｜\t][^\S\n\t]*/"
        "\n"
        rf"NUMBER.3: /{NUMBER}(?![^\s|｜])/"
        "\n"
        rf"PLACEHOLDER.3: /{placeholder_pattern()}(?![^\s|｜])/"
        "\n"
        rf"CELL_TEXT: /{word}(?:[^\S\n\t]+(?!{value}(?![^\s|｜])){word})*(?:[:：](?={glued}))?/"
        "\n"
    )


_BLOCK = re.compile(
    r"(// BEGIN GENERATED (?P<name>\w+)[^\n]*\n)(?P<body>.*?)(// END GENERATED \w+)", re.S
)


def render(grammar: str) -> str:
    """``grammar`` with its generated terminals rewritten from the model."""
    bodies = {
        "HEADING": f"HEADING.7: /{heading_pattern()}/\n",
        "TITLE": f"TITLE.3: /{title_pattern()}/\n",
        "ROW": row_terminal(),
        "CELLS": cell_terminals(),
    }

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        return match.group(1) + bodies[name] + match.group(4)

    return _BLOCK.sub(replace, grammar)


def grammar_path() -> Path:
    """``grammar/report.lark`` of the source checkout (the file this module writes)."""
    return Path(__file__).resolve().parents[3] / "grammar" / "report.lark"


def main(argv: list[str]) -> int:
    path = grammar_path()
    current = path.read_text(encoding="utf-8")
    wanted = render(current)
    if "--check" in argv:
        if current != wanted:
            print(f"{path} is out of date: run python -m xxgk_lint.format.terminals")
            return 1
        return 0
    if current != wanted:
        path.write_text(wanted, encoding="utf-8")
        print(f"rewrote the generated terminals of {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
