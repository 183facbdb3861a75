"""Output formatters: turn a run into text, file by file.

Every format is a module with a ``Stream`` class and a ``render(run) -> str`` function.
A stream is written as the run goes: :meth:`Stream.file` returns the text of one file's
findings as soon as that file (and every file before it) is done, :meth:`Stream.end`
the rest (the findings of whole-run rules, run errors, the summary) once all are. A
format whose document must begin with totals (JUnit's ``<testsuites>`` attributes) or
index its rules (SARIF) keeps its per-file parts in a temporary file and writes the
whole document at the end, so memory stays flat in the number of files either way.
``render`` is the same stream over a run held in memory, so both give the same bytes.

The modules are imported only when asked for, because ``xxgk-lint check`` runs as a
pre-commit hook and should not pay for junit-xml or the JSON encoder when it prints
plain text. What is written is complete: it ends with a newline unless it is empty (the
``github`` format of a clean run). Write it as it is (``sys.stdout.write``), do not
``print`` it.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, AnyStr, Protocol, TextIO

from xxgk_lint.memo import compiled

if TYPE_CHECKING:
    from xxgk_lint.engine.diagnostics import Severity
    from xxgk_lint.engine.results import FileResult, RunEnd, RunResult

FORMATS: tuple[str, ...] = ("text", "json", "junit", "sarif", "github", "gitlab")

#: Format name → module under ``xxgk_lint.formatters`` (``json`` would shadow the stdlib).
_MODULES: dict[str, str] = {
    "text": "text",
    "json": "json_format",
    "junit": "junit",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
}


class Stream(Protocol):
    """A format, written file by file (see the module docstring)."""

    def begin(self) -> str: ...

    def file(self, result: FileResult, fail_on: Severity) -> str: ...

    def end(self, end: RunEnd) -> Iterator[str]: ...


def open_stream(
    fmt: str,
    lang: str = "zh",
    *,
    color: bool = False,
    quiet: bool = False,
    statistics: bool = False,
    summary: bool = False,
    paths: Iterable[str] = (),
) -> Stream:
    """A :class:`Stream` of format ``fmt`` for a run in ``lang``.

    ``color``, ``quiet``, ``statistics`` and ``summary`` (the per-file table) only affect
    the ``text`` format; the machine formats are always complete and never coloured, so
    that CI never sees two shapes. ``paths`` are the files the run will check (JUnit
    needs them up front, to give clashing class names a suffix).
    """
    try:
        module_name = _MODULES[fmt]
    except KeyError:
        raise ValueError(
            f"unknown output format {fmt!r} (expected one of: {', '.join(FORMATS)})"
        ) from None
    module = importlib.import_module(f"{__name__}.{module_name}")
    if fmt == "text":
        return module.TextStream(  # type: ignore[no-any-return]
            lang, color=color, quiet=quiet, statistics=statistics, summary=summary
        )
    if fmt == "junit":
        return module.JunitStream(paths, lang)  # type: ignore[no-any-return]
    return module.Stream(lang)  # type: ignore[no-any-return]


def stream_run(stream: Stream, run: RunResult) -> Iterator[str]:
    """``run``, held in memory, through ``stream``: the pieces a streaming run writes."""
    yield stream.begin()
    for result in run.files:
        yield stream.file(result, run.fail_on_for(result))
    yield from stream.end(run.end())


def spool() -> IO[str]:
    """A temporary text file for the parts of a document written at its end."""
    import tempfile

    return tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")


def replay(spooled: IO[str]) -> Iterator[str]:
    """The lines of a spool, from its start, then the spool closed."""
    try:
        spooled.flush()
        spooled.seek(0)
        yield from spooled
    finally:
        spooled.close()


#: How much of a spool :func:`replay_chunks` hands over at a time: each piece is one write
#: (and flush) of the output, and a run's spool holds every report's checks.
REPLAY_CHUNK = 1 << 16


def spool_bytes() -> IO[bytes]:
    """A temporary file for parts of a document already encoded as UTF-8 (pieces a worker
    process rendered are written as they come, not decoded and encoded again)."""
    import tempfile

    return tempfile.TemporaryFile("w+b")


def replay_chunks(spooled: IO[AnyStr]) -> Iterator[AnyStr]:
    """What a spool holds (text, or UTF-8 bytes, where a piece may end inside a character),
    from its start, in large pieces (not line by line); then the spool closed."""
    try:
        spooled.flush()
        spooled.seek(0)
        while piece := spooled.read(REPLAY_CHUNK):
            yield piece
    finally:
        spooled.close()


def decoded(pieces: Iterable[str | bytes]) -> Iterator[str]:
    """``pieces`` as text: runs of UTF-8 bytes decoded (a character may span two pieces)."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    for piece in pieces:
        if isinstance(piece, bytes):
            if text := decoder.decode(piece):
                yield text
            continue
        if rest := decoder.decode(b"", final=True):
            yield rest
        yield piece
    if rest := decoder.decode(b"", final=True):
        yield rest


COLOR_MODES: tuple[str, ...] = ("auto", "always", "never")

#: C0 controls but tab and newline, DEL, and C1 controls (ESC and CSI among them).
_CONTROLS = "[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # (patterns compiled when first needed)
#: The same characters as JSON ``\u`` escapes: JSON itself escapes only those below 0x20.
JSON_CONTROL_ESCAPES = {c: f"\\u{c:04x}" for c in range(0x7F, 0xA0)}
_C1 = "[\x7f-\x9f]"


def escape_json_controls(text: str) -> str:
    """JSON ``text`` with DEL and the C1 controls as ``\\u`` escapes (JSON_CONTROL_ESCAPES).

    ``str.translate`` with a table walks every character in Python's slow path, a cost
    that showed in large outputs: the text is searched first, in C.
    """
    return text.translate(JSON_CONTROL_ESCAPES) if compiled(_C1).search(text) else text


def escape_controls(text: str) -> str:
    """``text`` with control characters written as ``\\x1b`` (tab and newline kept).

    Report text reaches the terminal inside messages (XG302 quotes the period as written),
    and a hostile report could hold escape sequences that clear or retitle the terminal of
    whoever checks it. Text and GitHub output pass every piece of report content through
    this; the machine formats escape by their own rules.
    """
    controls = compiled(_CONTROLS)
    if not controls.search(text):
        return text
    return controls.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


#: Line breaks escape_controls keeps, and those some readers split lines at
#: (``str.splitlines``: U+2028, U+2029), as escapes.
_BREAKS = {ord("\n"): "\\x0a", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def plural(count: int, noun: str) -> str:
    """``1 file``, ``2 files``: an English count (Chinese counts take no plural)."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def one_line(text: str) -> str:
    """``text`` as :func:`escape_controls` writes it, its line breaks escaped too (``\\x0a``):
    for what must stay on one line of the output, such as a file name in a finding's header
    line (a name may hold a newline; a message may quote one)."""
    text = escape_controls(text)
    if "\n" in text or "\u2028" in text or "\u2029" in text:
        return text.translate(_BREAKS)
    return text


def render(
    fmt: str,
    run: RunResult,
    *,
    color: bool = False,
    quiet: bool = False,
    statistics: bool = False,
    summary: bool = False,
) -> str:
    """Render ``run`` in format ``fmt``: the bytes a streaming run of it writes.

    ``color``, ``quiet``, ``statistics`` and ``summary`` only affect the ``text`` format.
    """
    stream = open_stream(
        fmt,
        run.lang,
        color=color,
        quiet=quiet,
        statistics=statistics,
        summary=summary,
        paths=[f.path for f in run.files],
    )
    return "".join(stream_run(stream, run))


def should_color(mode: str, stream: TextIO) -> bool:
    """Decide whether to colour output written to ``stream``.

    ``always`` and ``never`` are the user's explicit choice and win over the environment
    (as https://no-color.org asks of command-line flags). ``auto`` honours ``NO_COLOR``
    (set and non-empty: no colour), then ``FORCE_COLOR`` (set, non-empty and not ``0``:
    colour even when piped, as CI logs that render ANSI want), then colours only a
    terminal that is not ``TERM=dumb``.
    """
    if mode == "always":
        return True
    if mode == "never":
        return False
    if mode != "auto":
        raise ValueError(f"unknown colour mode {mode!r} (expected one of: auto, always, never)")
    if os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR")
    if force and force.strip().lower() not in ("0", "false", "no"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):  # a closed or detached stream
        return False


def display_path(path: str) -> str:
    """The path as CI systems want it: relative to the current directory, ``/``-separated.

    GitHub annotations and SARIF results map to repository files only through a
    repository-relative path; a path outside the current directory is kept as given.
    Backslashes are separators only on Windows: elsewhere they belong to the name (and
    stand in the ``\\xff`` escapes of a name that is not valid UTF-8).
    """
    normalized = path.replace("\\", "/") if os.sep == "\\" else path
    if not os.path.isabs(path):
        return normalized[2:] if normalized.startswith("./") else normalized
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return normalized
    if relative == ".." or relative.startswith(".." + os.sep):
        return normalized
    return relative.replace("\\", "/")
