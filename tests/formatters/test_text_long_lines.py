"""The text format on long lines: a snippet costs what it shows, and shows what laying out
the whole line would.

A minified web page is one line of hundreds of thousands of characters, and an agency's
``forbid:`` rule may find thousands of matches on it; laying out the whole line for each
finding took minutes. The reference here lays out the whole line, as the formatter did.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
import wcwidth

from xxgk_lint.engine.diagnostics import Diagnostic, Severity
from xxgk_lint.engine.results import FileResult, RunResult
from xxgk_lint.formatters import render
from xxgk_lint.formatters.text import (
    _CONTEXT_BEFORE,
    _ELLIPSIS,
    MAX_SNIPPET_WIDTH,
    TAB_SIZE,
    _Lines,
    _snippet,
)


def whole_line_snippet(line: str, column: int, end_column: int, end_line: int = 1) -> tuple:
    """The snippet as the whole line laid out gives it (the formatter's former way)."""
    pieces, starts, at = [], [], 0
    for char in line:
        starts.append(at)
        if char == "\t":
            width = TAB_SIZE - at % TAB_SIZE
            pieces.append(" " * width)
        else:
            width = wcwidth.wcwidth(char)
            pieces.append(char if width >= 0 else "\ufffd")
            width = width if width >= 0 else 1
        at += width
    starts.append(at)
    length = len(line)
    start = min(max(column - 1, 0), length)
    end = min(max(end_column - 1, start), length) if end_line == 1 else length
    caret = starts[start]
    if starts[length] <= MAX_SNIPPET_WIDTH:
        return "".join(pieces), caret, max(starts[end] - caret, 1)
    first = 0
    while first < start and caret - starts[first] > _CONTEXT_BEFORE:
        first += 1
    last = first
    while last < length and starts[last + 1] - starts[first] <= MAX_SNIPPET_WIDTH:
        last += 1
    prefix = _ELLIPSIS if first > 0 else ""
    suffix = _ELLIPSIS if last < length else ""
    shown = prefix + "".join(pieces[first:last]) + suffix
    return shown, len(prefix) + caret - starts[first], max(starts[min(end, last)] - caret, 1)


def finding(column: int, end_column: int, line: int = 1, end_line: int | None = None):
    return Diagnostic(
        code="AC103",
        name="no-placeholders",
        severity=Severity.ERROR,
        message="m",
        path="a.txt",
        line=line,
        column=column,
        end_line=line if end_line is None else end_line,
        end_column=end_column,
    )


#: Characters of every kind of width: ASCII, Han (2), a tab (to the next multiple of 8),
#: combining and zero-width (0), control characters (shown as U+FFFD, 1), an emoji (2).
ALPHABET = "ab1 \t本年（\u0301\u200b\x00\x0c\x1b😀—ｘ"
WEIGHTS = (20, 10, 10, 5, 3, 20, 10, 3, 1, 1, 0.5, 0.5, 0.5, 1, 1, 1)


def random_line(rng: random.Random) -> str:
    """A line of one mix, or of stretches of different mixes (tab-free, mostly zero-width,
    tabs only), so that a window may fall anywhere relative to tabs and narrow runs."""
    parts = []
    for _ in range(rng.choice([1, 1, 3, 6])):
        weights = list(WEIGHTS)
        mix = rng.random()
        if mix < 0.25:
            weights[8] = weights[9] = 300  # mostly characters of no width
        elif mix < 0.5:
            weights[4] = 0  # no tab
        elif mix < 0.6:
            weights = [1 if c in "a\t" else 0 for c in ALPHABET]
        length = rng.choice([5, 60, 99, 100, 101, 102, 150, 400, 1500])
        parts.append("".join(rng.choices(ALPHABET, weights, k=length)))
    return "".join(parts)


def random_cases(seed: int, count: int) -> Iterator[tuple[str, list[Diagnostic]]]:
    rng = random.Random(seed)
    for _ in range(count):
        line = random_line(rng)
        found = []
        for _ in range(rng.choice([1, 2, 5, 20])):
            column = rng.randint(1, len(line) + 3)
            end_column = column + rng.choice([0, 1, 2, 5, 50, 200])
            found.append(finding(column, end_column, end_line=1 if rng.random() < 0.9 else 2))
        if rng.random() < 0.7:  # a file's findings come in order; a few do not
            found.sort(key=lambda d: d.column)
        yield line, found


@pytest.mark.parametrize("seed", range(3))
def test_a_snippet_is_the_one_the_whole_line_gives(seed: int) -> None:
    for line, found in random_cases(seed, 300):
        expected = [whole_line_snippet(line, d.column, d.end_column, d.end_line) for d in found]
        for ending in ("", "\r\n"):
            source = (line + ending,)
            shared = _Lines(source)  # (as a file's findings share it)
            for diagnostic, snippet in zip(found, expected, strict=True):
                assert _snippet(diagnostic, source, shared) == snippet, (line, diagnostic)
        assert [_snippet(d, (line,)) for d in found] == expected


@pytest.fixture
def width_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of characters the formatter asks the width of, as it goes."""
    calls = [0]
    real = wcwidth.wcwidth

    def counted(char: str) -> int:
        calls[0] += 1
        return real(char)

    monkeypatch.setattr(wcwidth, "wcwidth", counted)
    return calls


def test_many_findings_on_one_long_line_lay_it_out_once(width_calls: list[int]) -> None:
    line = "本年度XX工作" * 2000  # 14,000 characters, 2,000 matches
    found = tuple(finding(7 * k + 4, 7 * k + 6) for k in range(2000))
    file = FileResult("a.txt", found, (), source_lines=(line,), kind="text")
    output = render("text", RunResult(files=(file,), rules=()))
    # (laid out whole for each finding: 28 million)
    assert width_calls[0] <= 2 * len(line)
    blocks = output.split("\n\n")
    assert blocks[0].splitlines()[2:] == [
        "1 | " + "本年度XX工作" * 8 + "本年...",  # (100 columns)
        "  |       ^^",
    ]
    assert blocks[1].splitlines()[3] == "  | " + " " * 18 + "^^"
    assert blocks[1999].splitlines()[2:] == [
        "1 | ...XX工作本年度XX工作本年度XX工作",
        "  |                            ^^",
    ]


@pytest.mark.parametrize(
    ("tail", "most"),
    [
        ("", 4 * MAX_SNIPPET_WIDTH),
        # With a tab in the window, its phase: the characters since the last tab before
        # it (none here: the whole head of the line), once for the line.
        ("\tXX\t", 500_000 + 4 * MAX_SNIPPET_WIDTH),
        ("\t" * 30, 500_000 + 4 * MAX_SNIPPET_WIDTH),
    ],
)
def test_a_finding_far_along_a_long_line_lays_out_only_its_window(
    width_calls: list[int], tail: str, most: int
) -> None:
    line = "甲" * 500_000 + "乙XX丙" + tail + "丁" * 100
    column = 500_002
    shown, offset, carets = _snippet(finding(column, column + 2), (line,))
    assert width_calls[0] <= most  # (laid out whole: 500,000 and more)
    assert (shown, offset, carets) == whole_line_snippet(line, column, column + 2)
    assert shown.startswith(_ELLIPSIS + "甲" * 11 + "乙XX丙")
    assert (offset, carets) == (3 + 24, 2)


def test_a_window_after_a_tab_lays_out_from_the_tab(width_calls: list[int]) -> None:
    line = "甲" * 500_000 + "\t" + "乙" * 1000 + "XX\t" + "丁" * 100
    column = 500_000 + 1 + 1000 + 1
    snippet = _snippet(finding(column, column + 2), (line,))
    assert width_calls[0] <= 1000 + 4 * MAX_SNIPPET_WIDTH
    # The tab from column 1,000,000 (a multiple of 8) to 1,000,008, "乙" to 1,002,008, XX
    # to 1,002,010, the next tab to 1,002,016: six columns.
    assert snippet == ("..." + "乙" * 12 + "XX" + " " * 6 + "丁" * 34 + "...", 3 + 24, 2)
    assert snippet == whole_line_snippet(line, column, column + 2)


def test_a_line_of_characters_of_no_width_is_laid_out_whole() -> None:
    line = "a" + "\u0301" * 5000 + "\tXX" + "b" * 200
    column = line.index("XX") + 1
    snippet = _snippet(finding(column, column + 2), (line,))
    assert snippet == whole_line_snippet(line, column, column + 2)
    assert snippet[0].startswith("a\u0301")  # the window reaches back to the start
