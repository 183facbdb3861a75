"""A TextBuilder given the source's line starts counts columns only when asked.

HTML pieces are recorded as (text, offset, advance); a line's segments are counted the
first time one of its origins is asked for. The origins must be those of segments counted
as the pieces come (the builder without line starts, resolved against the same source).
"""

from __future__ import annotations

import pytest

from xxgk_lint.sources.model import LimitError, Origin, PositionMap, TextBuilder

SOURCE = "<p>甲乙</p>\n<td>12</td><td>&nbsp;3</td>\n<td></td>\n"
LINE_STARTS = [0, 10, 38]


def built() -> TextBuilder:
    builder = TextBuilder(line_starts=LINE_STARTS, source_length=len(SOURCE))
    builder.add_at("甲乙", 3)
    builder.newline()
    builder.extend_at([("12", 14, True), ("", 18, True), ("\t", 14, False)])
    builder.extend_at([(" ", 25, False), ("3", 31, True)])
    builder.newline()
    builder.add_at("x", 42)
    builder.add_at("", 43)
    builder.mark_at(42)
    builder.newline()
    return builder


def counted(builder: TextBuilder) -> PositionMap:
    """The same lines with columns counted as the pieces came."""
    lines = []
    for line in builder._lines:
        column, segments = 1, []
        for text, origin, advance in line:
            if advance is None:
                segments.append((column, origin, False))
            elif text:
                segments.append((column, origin, advance))
                column += len(text)
        lines.append(segments)
    return PositionMap(lines, LINE_STARTS, len(SOURCE))


def test_text_of_recorded_pieces() -> None:
    text, _ = built().build()
    assert text == "甲乙\n12\t 3\nx\n"


def test_origins_counted_on_demand_are_the_counted_ones() -> None:
    builder = built()
    text, positions = builder.build()
    reference = counted(builder)
    assert positions.pieces is True
    for line in range(0, len(text.split("\n")) + 3):
        for column in range(0, 8):
            assert positions.origin(line, column) == reference.origin(line, column)
    assert positions.origin(2, 2) == Origin(2, 6)  # "2" of 12
    assert positions.origin(2, 3) == Origin(2, 5)  # the TAB: the cell's start
    assert positions.origin(2, 4) == Origin(2, 16)  # the space before 3: at &nbsp;
    assert positions.origin(2, 5) == Origin(2, 22)  # "3"
    assert positions.origin(3, 2) == Origin(3, 5)  # the mark after x: the empty cell
    assert positions.origin(4, 1) == Origin(3, 5)  # the empty last line: where text ends


def test_segments_kept_once_counted() -> None:
    _, positions = built().build()
    assert positions._segments == {}
    positions.origin(2, 3)
    assert positions._segments == {
        1: [(1, 14, True), (3, 14, False), (4, 25, False), (5, 31, True)]
    }


def test_add_with_an_origin_among_pieces() -> None:
    builder = TextBuilder(line_starts=[0], source_length=10)
    builder.add_at("ab", 2)
    builder.add("cd", line=7)  # its column: where it stands in the extracted line
    builder.mark(line=8, column=4)
    text, positions = builder.build()
    assert text == "abcd"
    assert positions.origin(1, 2) == Origin(1, 4)
    assert positions.origin(1, 4) == Origin(7, 4)
    assert positions.origin(1, 5) == Origin(8, 4)


def test_a_line_at_once_is_its_pieces_then_a_newline() -> None:
    """line_at(pieces, mark) records what extend_at, mark_at and newline record, with or
    without the source's line starts; past max_lines it raises as newline does."""
    for starts in (LINE_STARTS, None):
        one, each = (TextBuilder(line_starts=starts, source_length=len(SOURCE)) for _ in "12")
        one.line_at([("12", 14, True), ("\t", 14, False)], 42)
        one.line_at([("3", 31, True)])
        each.extend_at([("12", 14, True), ("\t", 14, False)])
        each.mark_at(42)
        each.newline()
        each.extend_at([("3", 31, True)])
        each.newline()
        assert one._lines == each._lines
        assert one.build()[0] == each.build()[0] == "12\t\n3\n"
        assert one.line_number == 3
    limited = TextBuilder(max_lines=2, line_starts=LINE_STARTS, source_length=len(SOURCE))
    limited.line_at([("12", 14, True)])
    with pytest.raises(LimitError) as raised:
        limited.line_at([("3", 31, True)])
    assert str(raised.value) == "over the limit max-lines = 2 (more than 2 lines)"
