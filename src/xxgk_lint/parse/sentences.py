"""Split a paragraph into sentences, and find the numbers each one states.

A sentence ends at 。；！？ (full or half width). A paragraph's lines were joined because a
sentence may wrap over several of them; a short line without a comma that ends no sentence
(a subheading such as （一）主动公开情况, or page chrome) still ends its own sentence, so that
it is not read as the start of the next one.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from xxgk_lint.parse.ast import Number, Paragraph, Sentence

_END = re.compile(r"[。；;！!？?]+[”\"’'）)】」』]{0,3}")
#: A number and the unit written after it (件, 万元, 年, %, 个 …), full-width digits too.
_NUMBER = re.compile(
    r"(?<![0-9０-９.．])(?P<digits>[0-9０-９]+(?:,[0-9０-９]{3})*(?:[.．][0-9０-９]+)?)"
    r"[ \t]*(?P<unit>万元|亿元|元|件次|件|宗|起|个|次|人次|条|篇|份|项|年|月|日|号|%|％)?"
)
#: A line shorter than this that ends no sentence, and has no comma, ends its own (a
#: subheading, page chrome); a short line with a comma is a sentence wrapped on a narrow page.
SHORT_LINE = 30
_COMMA = re.compile(r"[，,、；;：:]")


def _breaks(paragraph: Paragraph) -> list[int]:
    """Offsets where a sentence ends: after a terminator, or after a short open line."""
    text = paragraph.text
    ends = [m.end() for m in _END.finditer(text)]
    pieces = paragraph.pieces
    for index in range(1, len(pieces)):
        start, end = pieces[index - 1].offset, pieces[index].offset
        line = text[start:end]
        if end - start < SHORT_LINE and not _END.search(line[-1:]) and not _COMMA.search(line):
            ends.append(end)
    ends.append(len(text))
    return sorted(set(ends))


def _value(text: str) -> int | Decimal | None:
    folded = unicodedata.normalize("NFKC", text).replace(",", "").replace("，", "")
    try:
        return Decimal(folded) if "." in folded else int(folded)
    except (ValueError, InvalidOperation):
        return None


def split_sentences(paragraph: Paragraph) -> tuple[Sentence, ...]:
    text = paragraph.text
    out: list[Sentence] = []
    start = 0
    for end in _breaks(paragraph):
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = start + len(chunk) - len(chunk.lstrip())
            numbers = []
            for match in _NUMBER.finditer(stripped):
                value = _value(match.group("digits"))
                if value is None:
                    continue
                at, stop = match.span("digits")
                numbers.append(
                    Number(
                        value,
                        match.group("digits"),
                        match.group("unit") or "",
                        paragraph.span_of(lead + at, lead + stop),
                        at,
                    )
                )
            span = paragraph.span_of(lead, lead + len(stripped))
            out.append(Sentence(stripped, span, tuple(numbers), paragraph.section))
        start = end
    return tuple(out)
