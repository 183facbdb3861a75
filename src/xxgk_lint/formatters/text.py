"""The default, human format: one header per finding, the source line, carets under it.

Shaped like ruff's and rustc's output, which report authors may already know::

    report.txt:35:40: XG201 error: 总计 12 与各列之和 11 不符
       |
    35 | 一、本年新收政府信息公开申请数量 | 11 | 0 | 0 | 0 | 0 | 0 | 12 |
       |                                                              ^^
       = 应为：11，实际：12

Reports are Chinese, so carets must be placed by *display* width (a Han character takes
two terminal columns) and tabs expanded the same way in the shown line and in the caret
offset; widths come from wcwidth, never from ``len``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from decimal import Decimal

from xxgk_lint.engine.diagnostics import Diagnostic, Severity
from xxgk_lint.engine.results import NOT_FINISHED, FileResult, RunEnd, RunResult, Tally
from xxgk_lint.formatters import one_line, plural
from xxgk_lint.formatters.pieces import Rendered, given, key

TAB_SIZE = 8
#: Widest stretch of a source line shown, in terminal columns; longer lines (a whole
#: paragraph is often one line) are cut around the span so the carets stay aligned.
MAX_SNIPPET_WIDTH = 100
#: Columns kept before the span when a long line is cut.
_CONTEXT_BEFORE = 24
#: Characters laid out before the span of a long line: each is at least one column wide
#: (but for a few), so these reach past the context kept before it.
_AROUND = _CONTEXT_BEFORE + 1
_ELLIPSIS = "..."  # ASCII: "…" is ambiguous-width and is drawn two columns wide in CJK terminals

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_GUTTER = "\x1b[1;34m"
_SEVERITY_STYLE = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[1;33m",
    Severity.INFO: "\x1b[1;36m",
}

_WORDS = {
    "en": {"expected": "expected", "actual": "actual", "sep": ": ", "comma": ", ", "see": "see"},
    "zh": {"expected": "应为", "actual": "实际", "sep": "：", "comma": "，", "see": "对照"},
}


class _Style:
    """Wraps text in ANSI codes, or leaves it alone when colour is off."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, code: str, text: str) -> str:
        if not self.enabled or not text:
            return text
        return f"{code}{text}{_RESET}"


class TextStream:
    """The text format, written file by file (see the module docstring for the shape).

    Each finding is a block followed by a blank line; at the end come the findings of
    whole-run rules under a heading of their own, run errors, ``--statistics``, the
    ``--summary`` table, then the closing lines: config files from checked folders, what
    the baselines did, what the rules verified, and the summary line.
    """

    def __init__(
        self,
        lang: str = "zh",
        *,
        color: bool = False,
        quiet: bool = False,
        statistics: bool = False,
        summary: bool = False,
    ) -> None:
        self.style = _Style(color)
        self.lang = lang if lang in _WORDS else "zh"
        self.quiet = quiet
        self.statistics = statistics
        self.rows = None
        #: The name of this output's pieces rendered in worker processes (none: quiet).
        self.pieces = None if quiet else key("text", self.lang, color)
        if summary:
            from xxgk_lint.formatters.summary import SummaryRows

            self.rows = SummaryRows(self.lang)

    def begin(self) -> str:
        return ""

    def file(self, result: FileResult, fail_on: Severity) -> str:
        if self.rows is not None:
            self.rows.add(result, fail_on)
        if self.quiet:
            return ""
        rendered = given(result, self.pieces) or file_pieces(result, self.lang, self.style.enabled)
        return "".join(rendered.kept(result.diagnostics))

    def end(self, end: RunEnd) -> Iterator[str]:
        style, lang = self.style, self.lang
        blocks: list[str] = []
        if not self.quiet:
            if end.across:
                blocks.append(_across_block(end, lang, style))
            if end.run_errors:
                blocks.append("\n".join(_run_error_line(e, lang, style) for e in end.run_errors))
            if self.statistics and end.tally.by_rule:
                blocks.append(_statistics_table(end.tally.by_rule))
        if self.rows is not None:
            if self.rows.count:
                blocks.append("\n".join(self.rows.table(end.across)))
            self.rows.close()
        summary = style(_BOLD, summary_text(end.tally, lang, len(end.run_errors)))
        checks = "" if self.quiet else checks_line(end)
        closing = [line for line in (configs_line(end), baseline_lines(end), checks) if line]
        blocks.append("\n".join([*closing, summary]))
        yield "\n\n".join(blocks) + "\n"


def file_pieces(result: FileResult, lang: str, color: bool) -> Rendered:
    """Each finding's block of one file — rendered where the file was checked with
    ``--jobs`` (see :mod:`xxgk_lint.formatters.pieces`)."""
    style = _Style(color)
    shared = _Lines(result.source_lines)  # (findings on one line share its layout)
    return Rendered(
        result.diagnostics,
        tuple(
            _diagnostic_block(d, result.source_lines, lang, style, shared) + "\n\n"
            for d in result.diagnostics
        ),
    )


def render(
    run: RunResult,
    *,
    color: bool = False,
    quiet: bool = False,
    statistics: bool = False,
    summary: bool = False,
) -> str:
    """Render ``run`` for a terminal; see the module docstring for the shape."""
    from xxgk_lint.formatters import stream_run

    stream = TextStream(run.lang, color=color, quiet=quiet, statistics=statistics, summary=summary)
    return "".join(stream_run(stream, run))


def _across_block(end: RunEnd, lang: str, style: _Style) -> str:
    """The findings of whole-run rules, after every file's (they are known only when every
    report is read): a heading, then each file's under its name — the later year's file
    for a comparison of two years."""
    heading = (
        "Findings of rules that compare reports:"
        if lang == "en"
        else "比较多份报告的规则发现的问题："
    )
    blocks = [style(_BOLD, heading)]
    by_file: dict[str, list[Diagnostic]] = {}
    for diagnostic in end.across:  # in the order of the files, then by position
        by_file.setdefault(diagnostic.path, []).append(diagnostic)
    for path, found in by_file.items():
        shown = one_line(path)
        blocks.append(
            style(
                _BOLD,
                f"{shown}: compared with other reports ({len(found)}):"
                if lang == "en"
                else f"{shown}：与其他报告比较（{len(found)} 条）：",
            )
        )
        for diagnostic in found:
            text = end.across_lines.get(diagnostic.path, {}).get(diagnostic.line)
            # The lines these point at are kept apart (the files are done): a snippet only
            # when the run kept the line.
            lines = ("",) * (diagnostic.line - 1) + (text,) if text is not None else ()
            blocks.append(_diagnostic_block(diagnostic, lines, lang, style))
    return "\n\n".join(blocks)


def baseline_lines(end: RunEnd) -> str:
    """What the baselines did: written, findings hidden, entries that no longer match; or ``""``.

    Said on every run that uses one (even ``--quiet``): a hidden finding is still there,
    and a stale entry should be dropped from the baseline.
    """
    lines: list[str] = []
    for use in end.baseline:
        path = one_line(use.path)
        if end.lang == "en":
            if use.written is not None:
                lines.append(f"Baseline written to {path}: {plural(use.written, 'finding')}.")
            lines.append(f"Baseline {path}: {plural(use.hidden, 'recorded finding')} hidden.")
            if use.stale:
                entries = plural(len(use.stale), "entry")
                lines.append(f"{entries} of {path} no longer match (they can be dropped):")
        else:
            if use.written is not None:
                lines.append(f"已写入基线 {path}：记录了 {use.written} 条问题。")
            lines.append(f"基线 {path}：隐藏了 {use.hidden} 条已记录的问题。")
            if use.stale:
                lines.append(f"基线 {path} 中有 {len(use.stale)} 条不再出现（可以删去）：")
        lines += [f"  {one_line(entry.describe())}" for entry in use.stale]
    return "\n".join(lines)


def checks_line(end: RunEnd) -> str:
    """What the rules verified, counted by status — all four, zeros too — or ``""`` when
    no rule recorded a check (nothing was read, or no such rule ran)::

        核对 96 项：93 项通过，1 项不通过，2 项无法核对，0 项不确定。
        96 checks: 93 passed, 1 failed, 2 not assessable, 0 uncertain.
    """
    counts = end.tally.checks
    total = sum(counts.values())
    if not total:
        return ""
    passed, failed = counts.get("pass", 0), counts.get("fail", 0)
    unassessable, uncertain = counts.get("not_assessable", 0), counts.get("uncertain", 0)
    if end.lang == "en":
        return (
            f"{plural(total, 'check')}: {passed} passed, {failed} failed, "
            f"{unassessable} not assessable, {uncertain} uncertain."
        )
    return (
        f"核对 {total} 项：{passed} 项通过，{failed} 项不通过，{unassessable} 项无法核对，"
        f"{uncertain} 项不确定。"
    )


def configs_line(run: RunResult | RunEnd) -> str:
    """The config files found inside checked folders that were applied, or ``""``.

    Such a file comes with the reports, not from whoever runs the check, and can change
    what is checked (``exclude``, ``ignore``, ``fail-on``); the run says so, every time.
    """
    foreign = [c for c in run.configs if not c.trusted]
    if not foreign:
        return ""
    names = ", ".join(one_line(c.path) for c in foreign)
    if run.lang == "en":
        return f"Config files from the checked folders applied: {names}."
    return f"应用了被检查文件夹中的配置文件：{names}。"


def _diagnostic_block(
    diagnostic: Diagnostic,
    source_lines: Sequence[str],
    lang: str,
    style: _Style,
    shared: _Lines | None = None,
) -> str:
    severity_style = _SEVERITY_STYLE[diagnostic.severity]
    position = f"{one_line(diagnostic.path)}:{diagnostic.line}:{diagnostic.column}"
    if diagnostic.where:
        position += f" [{one_line(diagnostic.where)}]"
    header = (
        f"{style(_BOLD, position)}: {style(severity_style, diagnostic.code)} "
        f"{style(severity_style, diagnostic.severity.label)}: "
        f"{one_line(diagnostic.message)}"
    )
    snippet = _snippet(diagnostic, source_lines, shared)
    lines = [header]
    gutter_width = len(str(diagnostic.line))
    pad = " " * gutter_width
    if snippet is not None:
        shown, caret_offset, caret_width = snippet
        lines.append(style(_GUTTER, f"{pad} |"))
        number = style(_GUTTER, f"{diagnostic.line} |")
        lines.append(f"{number} {shown}".rstrip())
        carets = style(severity_style, "^" * caret_width)
        lines.append(f"{style(_GUTTER, f'{pad} |')} {' ' * caret_offset}{carets}")
    note = _expected_actual(diagnostic, lang)
    if note:
        lines.append(f"{style(_GUTTER, f'{pad} =')} {note}")
    words = _WORDS[lang]
    for place in diagnostic.related:  # another report's place (a cross-report finding)
        where = f"{one_line(place.path)}:{place.line}:{place.column}"
        if place.where:
            where += f" [{one_line(place.where)}]"
        said = f" ({one_line(place.message)})" if place.message else ""
        if lang == "zh" and place.message:
            said = f"（{one_line(place.message)}）"
        lines.append(f"{style(_GUTTER, f'{pad} =')} {words['see']}{words['sep']}{where}{said}")
    return "\n".join(lines)


def _layout(line: str, column: int = 0) -> tuple[list[str], list[int]]:
    """Expand ``line`` for display: each character's shown text and its starting column.

    ``starts`` has one more entry than ``line`` (the end column), so the display columns
    of any character span are ``starts[i]`` … ``starts[j]``. Tabs go to the next multiple
    of :data:`TAB_SIZE` *display* columns (``str.expandtabs`` counts characters, which is
    wrong after Han text); other control characters are shown as U+FFFD. ``column`` is
    where ``line`` starts: a stretch from the middle of a line is laid out from a column of
    the same tab phase as its own.
    """
    # Imported here: a clean run (the usual pre-commit case) shows no snippet at all.
    from wcwidth import wcwidth

    pieces: list[str] = []
    starts: list[int] = []
    for char in line:
        starts.append(column)
        if char == "\t":
            width = TAB_SIZE - column % TAB_SIZE
            piece = " " * width
        else:
            width = wcwidth(char)
            piece = char
            if width < 0:
                piece, width = "\ufffd", 1
        pieces.append(piece)
        column += width
    starts.append(column)
    return pieces, starts


class _Stretch:
    """One source line, laid out only as far as its snippets need (a snippet is at most
    :data:`MAX_SNIPPET_WIDTH` columns, the line may be a whole minified web page).

    ``pieces`` and ``starts`` (see :func:`_layout`) cover characters ``lo`` … ``hi``. Only
    differences of columns are used, and only tabs depend on where a stretch starts (on
    its column modulo :data:`TAB_SIZE`, its *phase*): a stretch without a tab may start
    at any column (``exact`` false); one with a tab starts at the line's own phase, worked
    out from the last tab before it. Several findings on one line share it (a file's
    findings come in order of position): it is extended forward, or started again further
    on, so each character is laid out about once however many findings the line holds.
    """

    def __init__(self, line: str) -> None:
        self.line = line
        self.lo = self.hi = 0
        self.pieces: list[str] = []
        self.starts = [0]
        self.exact = True  # (empty, at column 0 of the line)
        self._fits: bool | None = None

    def fits(self) -> bool:
        """Whether the whole line is at most :data:`MAX_SNIPPET_WIDTH` columns wide."""
        if self._fits is None:
            length, most = len(self.line), MAX_SNIPPET_WIDTH
            # Wider than `most` if its first `most + 1` characters are (none is negative).
            self.cover(0, min(length, most + 1))
            wide = self.starts[-1] - self.starts[0] > most
            if not wide and length > most + 1:  # (characters of no width: rare)
                self.cover(0, length)
                wide = self.starts[-1] - self.starts[0] > most
            self._fits = not wide
        return self._fits

    def cover(self, lo: int, hi: int) -> None:
        """Lay out at least characters ``lo`` … ``hi``."""
        if self.lo <= lo and hi <= self.hi:
            return
        line = self.line
        if self.lo <= lo <= self.hi:  # further on than what is laid out: extend it
            if not self.exact and line.find("\t", self.hi, hi) != -1:
                shift = (self.phase(self.hi) - self.starts[-1]) % TAB_SIZE
                self.starts = [start + shift for start in self.starts]
                self.exact = True
            pieces, starts = _layout(line[self.hi : hi], self.starts[-1])
            self.pieces += pieces
            self.starts += starts[1:]
            self.hi = hi
            return
        tabbed = line.find("\t", lo, hi) != -1
        column = self.phase(lo) if tabbed else 0
        self.pieces, self.starts = _layout(line[lo:hi], column)
        self.lo, self.hi, self.exact = lo, hi, tabbed or lo == 0

    def phase(self, index: int) -> int:
        """The line's display column at character ``index``, modulo :data:`TAB_SIZE`.

        A tab ends on a multiple of TAB_SIZE, so only the characters after the last tab
        before ``index`` count (from what is laid out already, when it reaches that far).
        """
        line = self.line
        begin, column = line.rfind("\t", 0, index) + 1, 0
        if self.exact and begin <= self.hi <= index:
            begin, column = self.hi, self.starts[-1]
        return _layout(line[begin:index], column)[1][-1] % TAB_SIZE


class _Lines:
    """A file's source lines as snippets show them, with the stretch laid out of the last
    line shown (see :class:`_Stretch`)."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self.number = 0
        self.stretch = _Stretch("")

    def get(self, number: int) -> _Stretch | None:
        """Line ``number`` (1-based), or ``None`` when the file has no such line."""
        if number != self.number:
            if not 1 <= number <= len(self.lines):
                return None
            self.number = number
            self.stretch = _Stretch(self.lines[number - 1].rstrip("\r\n"))
        return self.stretch


def _snippet(
    diagnostic: Diagnostic, source_lines: Sequence[str], lines: _Lines | None = None
) -> tuple[str, int, int] | None:
    """The shown source line, the caret offset and the caret count, or ``None``.

    ``lines``: the file's lines, shared by its findings (a line's layout is kept for the
    next finding on it).
    """
    stretch = (lines or _Lines(source_lines)).get(diagnostic.line)
    if stretch is None:
        return None
    length = len(stretch.line)
    start = min(max(diagnostic.column - 1, 0), length)
    if diagnostic.end_line == diagnostic.line:
        end = min(max(diagnostic.end_column - 1, start), length)
    else:  # a span over several lines: underline to the end of its first line
        end = length

    if stretch.fits():  # (laid out whole)
        starts = stretch.starts
        # At least one caret, even for an empty span or one just past the end of the line.
        caret_width = max(starts[end] - starts[start], 1)
        return "".join(stretch.pieces), starts[start], caret_width

    # Cut a window of at most MAX_SNIPPET_WIDTH columns that starts a little before the
    # span: lay out the characters around the span (all are at least one column wide,
    # but for a few: then more of the line, up to all of it).
    lo = max(start - _AROUND, 0)
    hi = min(start + MAX_SNIPPET_WIDTH + 1, length)
    while True:
        stretch.cover(lo, hi)
        base, starts = stretch.lo, stretch.starts
        at = start - base
        caret_offset = starts[at]
        if base > 0 and caret_offset - starts[0] <= _CONTEXT_BEFORE:
            lo = 0  # the window may start before the stretch
            continue
        # The first character at most _CONTEXT_BEFORE columns before the span, and the
        # last one of the window.
        first = bisect_left(starts, caret_offset - _CONTEXT_BEFORE, 0, at)
        last = bisect_right(starts, starts[first] + MAX_SNIPPET_WIDTH, first + 1) - 1
        if last == len(starts) - 1 and stretch.hi < length:
            hi = length  # the window may go on after the stretch
            continue
        break
    prefix = _ELLIPSIS if base + first > 0 else ""
    suffix = _ELLIPSIS if base + last < length else ""
    shown = prefix + "".join(stretch.pieces[first:last]) + suffix
    offset = len(prefix) + caret_offset - starts[first]
    return shown, offset, max(starts[min(end - base, last)] - caret_offset, 1)


def _plain(value: object) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    return one_line(str(value))


def _expected_actual(diagnostic: Diagnostic, lang: str) -> str:
    words = _WORDS[lang]
    parts = []
    if diagnostic.expected is not None:
        parts.append(f"{words['expected']}{words['sep']}{_plain(diagnostic.expected)}")
    if diagnostic.actual is not None:
        parts.append(f"{words['actual']}{words['sep']}{_plain(diagnostic.actual)}")
    return words["comma"].join(parts)


def _run_error_line(message: str, lang: str, style: _Style) -> str:
    label = "运行错误" if lang == "zh" else "run error"
    return f"{style(_SEVERITY_STYLE[Severity.ERROR], label)}: {one_line(message)}"


def _statistics_table(counts: dict[tuple[str, str], int]) -> str:
    """Per-rule counts, most frequent first (ruff's ``--statistics``), as code, name, count."""
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    code_width = max(len(code) for (code, _), _ in rows)
    name_width = max(len(name) for (_, name), _ in rows)
    count_width = max(len(str(count)) for _, count in rows)
    return "\n".join(
        f"{code:<{code_width}}  {name:<{name_width}}  {count:>{count_width}}"
        for (code, name), count in rows
    )


def summary_line(run: RunResult) -> str:
    """The closing line, in the run's language, e.g. ``Checked 5 files: 2 errors, 1 warning.``

    Errors and warnings are always counted (a clean run says ``0 errors``); infos,
    unreadable files, files whose check ran over ``--timeout`` (they were read: they are
    not called unreadable), run errors and plugin errors (XG009 findings, counted among
    the errors too: each makes the exit code 2) only when there are some.
    """
    return summary_text(run.tally(), run.lang, len(run.run_errors))


def timed_out_text(files: int, lang: str) -> str:
    """``2 files not finished within --timeout``: files that were read, but whose check
    ran over the limit per file (each has XG001 naming the rule that was running)."""
    if lang == "en":
        return f"{plural(files, 'file')} {NOT_FINISHED['en']}"
    return f"{files} 个文件{NOT_FINISHED['zh']}"


def summary_text(tally: Tally, lang: str, run_errors: int) -> str:
    """The closing line for these counts (see :func:`summary_line`)."""
    files = tally.files
    errors, warnings, infos = tally.errors, tally.warnings, tally.infos
    timed_out, unreadable = tally.timed_out, tally.unreadable
    if lang == "en":
        parts = [plural(errors, "error"), plural(warnings, "warning")]
        if infos:
            parts.append(plural(infos, "info"))
        if unreadable:
            parts.append(plural(unreadable, "unreadable file"))
        if timed_out:
            parts.append(timed_out_text(timed_out, lang))
        if run_errors:
            parts.append(plural(run_errors, "run error"))
        if tally.plugin_errors:
            parts.append(plural(tally.plugin_errors, "plugin error"))
        return f"Checked {plural(files, 'file')}: {', '.join(parts)}."
    parts = [f"{errors} 个错误", f"{warnings} 个警告"]
    if infos:
        parts.append(f"{infos} 条提示")
    if unreadable:
        parts.append(f"{unreadable} 个文件无法读取")
    if timed_out:
        parts.append(timed_out_text(timed_out, lang))
    if run_errors:
        parts.append(f"{run_errors} 个运行错误")
    if tally.plugin_errors:
        parts.append(f"{tally.plugin_errors} 个插件错误")
    return f"检查了 {files} 个文件：{'，'.join(parts)}。"
