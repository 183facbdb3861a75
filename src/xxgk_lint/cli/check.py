"""``xxgk-lint check``: run the rules and print the findings, file by file.

The files are planned first (walked, configs read and validated, plugins loaded: a broken
config stops the run before anything is written), then checked — in this process or in
``--jobs`` worker processes — and each file's findings are written as soon as it and
every file before it are done. ``--output-file`` is written the same way, to a temporary
file renamed into place at the end.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xxgk_lint.cli.output import (
    OutputError,
    Utf8Writer,
    emit,
    enable_windows_colour,
    error_line,
    silence_stdout,
    write_atomically,
    write_stdout,
)
from xxgk_lint.engine.config import ConfigError, ConfigResolver, Overrides

if TYPE_CHECKING:
    from xxgk_lint.cli.progress import Progress
    from xxgk_lint.engine.diagnostics import Severity
    from xxgk_lint.engine.results import FileResult, RunEnd
    from xxgk_lint.engine.runner import Runner
    from xxgk_lint.formatters import Stream
    from xxgk_lint.formatters.summary import SummaryRows

STDIN = "-"


def add_across_arguments(check: argparse.ArgumentParser) -> None:
    """``--previous``, ``--baseline``, ``--write-baseline``: runs that look beyond the files
    checked (last year's reports; findings accepted earlier)."""
    check.add_argument(
        "--previous",
        action="append",
        default=[],
        type=str,
        metavar="PATH",
        help="last year's report (or a folder of reports), read only to compare with: "
        "not checked, nothing reported on it; repeatable",
    )
    check.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="hide the findings recorded in FILE (replaces the config's 'baseline')",
    )
    check.add_argument(
        "--write-baseline",
        type=Path,
        metavar="FILE",
        dest="write_baseline",
        help="record every finding of this run in FILE (and hide them)",
    )


def _overrides(args: argparse.Namespace) -> Overrides:
    return Overrides(select=args.select, ignore=args.ignore, lang=args.lang, fail_on=args.fail_on)


def _missing(path: str) -> bool:
    """Whether nothing at all is at ``path`` (a broken link or a loop is something)."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


def resolver_for(args: argparse.Namespace, overrides: Overrides) -> ConfigResolver:
    return ConfigResolver(
        args.config,
        overrides,
        isolated=getattr(args, "isolated", False),
        trust_configs=getattr(args, "trust_configs", False),
    )


def print_warnings(resolver: ConfigResolver) -> None:
    for line in resolver.warnings:
        error_line(f"warning: {line}")
    resolver.warnings.clear()


class _Stop(Exception):
    """Writing the output failed: the run ends with this exit code (the line is printed)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def run_check_command(args: argparse.Namespace) -> int:
    paths = args.paths or ([STDIN] if args.stdin_filename else ["."])
    if stdin_unread(args, paths):
        return 2
    if args.output_file is not None and str(args.output_file) == STDIN:
        # (it wrote a file named "-"; stdout is where --format goes without it)
        error_line(
            "error: --output-file -: the --format output goes to stdout when no "
            "--output-file is given"
        )
        return 2
    if args.show_config:
        return _show_config(args, paths)
    problem = _across_problem(args)
    if problem is not None:
        error_line(f"error: {problem}")
        return 2
    runner = prepare(args, paths, args.output_file, stdin_name=args.stdin_filename)
    if isinstance(runner, int):
        return runner
    if args.write_baseline is not None:
        conflict = _conflict(runner, paths, args.write_baseline)
        if conflict is not None:
            error_line(f"error: --write-baseline {args.write_baseline}: refused: {conflict}")
            return 2
    try:
        code = _stream(args, runner)
    except _Stop as stop:
        return stop.code
    except ConfigError as exc:  # a baseline that cannot be read, met when first used
        error_line(exc.line(runner.lang))
        return 2
    if runner.written_baseline is not None:
        try:
            write_atomically(args.write_baseline, runner.written_baseline.dump())
        except OSError as exc:
            error_line(f"error: cannot write {args.write_baseline}: {exc}")
            return 2
    return code


def stdin_unread(args: argparse.Namespace, paths: list[str]) -> bool:
    """Whether ``--stdin-filename`` names a stdin that no ``-`` among the paths reads (said
    in one line): the name would be silently unused."""
    if args.stdin_filename is not None and STDIN not in paths:
        error_line("error: --stdin-filename names what is read from stdin: add - to the paths")
        return True
    return False


def _across_problem(args: argparse.Namespace) -> str | None:
    """A ``--previous`` or ``--baseline`` path that is not there (one phrase), or ``None``."""
    for path in getattr(args, "previous", ()):
        if _missing(path):
            return f"--previous {path}: no such file or directory"
    baseline = getattr(args, "baseline", None)
    if baseline is not None and not baseline.is_file():
        return f"--baseline {baseline}: baseline file not found"
    written = getattr(args, "write_baseline", None)
    output = getattr(args, "output_file", None)
    if written is not None and output is not None and _same_file(written, output):
        return f"--output-file {output}: refused: that is the --write-baseline file"
    return None


def _same_file(first: Path, second: Path) -> bool:
    return os.path.realpath(first) == os.path.realpath(second)


def _conflict(runner: Runner, paths: list[str], output: Path) -> str | None:
    """Why ``output`` may not be written (it is a file the run reads), or ``None``."""
    from xxgk_lint.cli.protect import output_conflict

    previous = _previous_files(runner)
    return output_conflict(
        output, paths, [*runner.targets, *previous], runner.resolver, runner.plugin_files
    )


def _previous_files(runner: Runner) -> list[Path]:
    """The report files ``--previous`` names (read at the end of the run, never written)."""
    from xxgk_lint.engine.walk import Skipped, discover

    if not runner.previous:
        return []
    return [
        t.path for t in discover(runner.previous, runner.resolver) if not isinstance(t, Skipped)
    ]


def prepare(
    args: argparse.Namespace,
    paths: list[str],
    output: Path | None,
    *,
    stdin_name: str | None = None,
    extract: Any = None,
) -> Runner | int:
    """A planned run for ``check``, ``export`` and ``report``, or the exit code of why not.

    The paths must exist, the configs must load (a broken one is one line and exit code
    2 before anything is written), and ``output`` (the file the command writes) must not
    be a file the run reads (see :mod:`xxgk_lint.cli.protect`).
    """
    from xxgk_lint.engine.runner import Runner, jobs_wanted, run_language, settle

    if _inputs_missing(args, paths):
        return 2
    resolver = resolver_for(args, _overrides(args))
    try:
        runner = Runner(
            resolver,
            run_language(resolver, paths),
            timeout=args.timeout,
            jobs=jobs_wanted(args.jobs),
            extract=extract,
            previous=getattr(args, "previous", ()),
            baseline=getattr(args, "baseline", None),
            write_baseline=getattr(args, "write_baseline", None),
        )
        if STDIN in paths:
            runner.use_stdin(_read_stdin(resolver, stdin_name), stdin_name)
        runner.plan(stdin_once(paths))
    except ConfigError as exc:
        print_warnings(resolver)
        error_line(exc.line(resolver.language()))
        return 2
    print_warnings(resolver)
    settle()
    if output is not None:
        conflict = _conflict(runner, paths, output)
        if conflict is not None:
            flag = getattr(args, "output_flag", "--output-file")
            error_line(f"error: {flag} {output}: refused: {conflict}")
            return 2
    return runner


def stdin_once(paths: Sequence[str]) -> list[str]:
    """``paths`` with a second (third …) ``-`` left out: stdin is one stream, read once, so
    it is one file of the run, as a file named twice is checked once (``check - -`` read
    the same bytes as two files: two rows in ``--summary``, and XG604 saying the one
    report was two reports of its agency's year). Ignored rather than refused for that
    reason: naming a thing twice is not an error elsewhere either."""
    return [p for n, p in enumerate(paths) if p != STDIN or STDIN not in paths[:n]]


def _read_stdin(resolver: ConfigResolver, name: str | None) -> bytes:
    """What stdin holds, at most one byte over the ``max-file-bytes`` limit (the reader
    then names the limit)."""
    limit = resolver.for_file(Path(name or STDIN)).limits.max_file_bytes
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return b""
    return stream.read(limit + 1) or b""


def _stream(args: argparse.Namespace, runner: Runner) -> int:
    from xxgk_lint.engine.builtin import clean_text
    from xxgk_lint.engine.drive import drive
    from xxgk_lint.formatters import open_stream, should_color

    lang = runner.lang
    shown = args.output_format if args.output_file is None else "text"
    color = shown == "text" and should_color(args.color, sys.stdout) and enable_windows_colour()
    runner.across_snippets = shown == "text" and not args.quiet

    def paths() -> list[str]:
        return [clean_text(str(p)) for p in runner.targets]

    sinks = progress_sinks(runner, args.quiet)
    meter = sinks[0].meter if sinks else None
    stdout = _StdoutSink(
        open_stream(
            shown,
            lang,
            color=color,
            quiet=args.quiet,
            statistics=args.statistics,
            summary=args.summary and shown == "text",
            paths=paths() if shown == "junit" else (),
        ),
        shown,
        meter if meter is not None and _is_terminal(sys.stdout) else None,
    )
    sinks.append(stdout)
    problems = None
    if shown != "text" or args.quiet:  # (else the text report names them itself)
        from xxgk_lint.cli.problems import Problems

        # each file that could not be read and each run error, on stderr as they come
        problems = Problems(runner, meter)
        sinks.append(problems)
    # (after the output's end: the lines per file come last, after the totals)
    if args.statistics and shown != "text":
        sinks.append(_StatisticsSink(apart=args.summary))  # stdout carries a machine format
    if args.summary and shown != "text":
        sinks.append(_SummarySink(lang, table=True))  # stdout carries a machine format
    elif meter is not None and not args.summary:
        sinks.append(_SummarySink(lang, table=False))
    if args.output_file is None:
        hand_out(runner, [(shown, stdout.stream)])
        end = drive(runner, sinks, exit_zero=args.exit_zero)
    else:
        from xxgk_lint.cli.output import AtomicFile

        fmt = args.output_format
        try:
            with AtomicFile(args.output_file) as out:
                stream = open_stream(fmt, lang, paths=paths() if fmt == "junit" else ())
                sinks.append(_FileSink(stream, out))
                hand_out(runner, [(shown, stdout.stream), (fmt, stream)])
                end = drive(runner, sinks, exit_zero=args.exit_zero)
        except OSError as exc:
            if meter is not None:
                meter.close()
            error_line(f"error: cannot write {args.output_file}: {exc}")
            return 2
    if problems is not None:
        problems.finish(end)  # (the run errors after the last file: whole-run rules')
    return end.exit_code


def hand_out(runner: Runner, streams: list[tuple[str, Stream]]) -> None:
    """With ``--jobs``: the worker processes render each file's part of these outputs
    (those whose format can be rendered there), and send its checks back only when an
    output written here still reads them (JUnit's skipped cases). The process that writes
    the output then only puts the pieces in order; see :mod:`xxgk_lint.formatters.pieces`.
    """
    from xxgk_lint.formatters.pieces import READS_CHECKS

    outputs: list[str] = []
    keep_checks = False
    for fmt, stream in streams:
        name = getattr(stream, "pieces", None)
        if name is not None:
            outputs.append(name)
        elif fmt in READS_CHECKS:
            keep_checks = True
    runner.outputs = tuple(dict.fromkeys(outputs))
    runner.keep_checks = keep_checks


def progress_sinks(runner: Runner, quiet: bool) -> list[Any]:
    """A progress bar over the run's files, when one is wanted (see :mod:`.progress`)."""
    if runner.planned < 2:  # no bar for one file (nor its module, nor tqdm)
        return []
    from xxgk_lint.cli import progress as bar

    if not bar.wanted(quiet):
        return []
    return [_ProgressSink(bar.Progress(runner.planned, runner.lang))]


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


class _StdoutSink:
    """A format written to stdout piece by piece.

    When the reader goes away (``xxgk-lint check … | head``) the run goes on, silently,
    so that the exit code is still the one the findings call for; a stdout that fails
    (a full disk) ends the run with exit code 2.
    """

    def __init__(self, stream: Stream, fmt: str, meter: Progress | None) -> None:
        self.stream = stream
        self.fmt = fmt
        self.meter = meter
        self.gone = False
        self._bytes: Utf8Writer | None = None
        self._write(stream.begin())

    def _write(self, text: str | bytes) -> None:
        if not text or self.gone:
            return
        try:
            if self.meter is not None:
                with self.meter.cleared():
                    self._emit(text)
            else:
                self._emit(text)
        except BrokenPipeError:
            silence_stdout()
            self.gone = True
        except OutputError as exc:
            silence_stdout()
            if self.meter is not None:
                self.meter.close()
            error_line(f"error: cannot write the output: {exc}")
            raise _Stop(2) from None

    def _emit(self, text: str | bytes) -> None:
        if isinstance(text, bytes):
            if self._bytes is None:
                self._bytes = Utf8Writer(self.fmt)
            self._bytes.write(text)
        else:
            emit(text, self.fmt)

    def file(self, result: FileResult, fail_on: Severity) -> None:
        self._write(self.stream.file(result, fail_on))

    def end(self, end: RunEnd) -> None:
        for text in _end(self.stream, end):
            self._write(text)


def _end(stream: Stream, end: RunEnd) -> Iterator[str | bytes]:
    """What ``stream`` writes at the end; the parts it spooled as UTF-8 left as bytes
    when it can (``end_encoded``: JSON's report entries, most of the document)."""
    encoded = getattr(stream, "end_encoded", None)
    return encoded(end) if encoded is not None else stream.end(end)  # type: ignore[no-any-return]


class _FileSink:
    """A format written to ``--output-file`` (an :class:`AtomicFile`)."""

    def __init__(self, stream: Stream, out: Any) -> None:
        self.stream = stream
        self.out = out
        out.write(stream.begin())

    def file(self, result: FileResult, fail_on: Severity) -> None:
        self.out.write(self.stream.file(result, fail_on))

    def end(self, end: RunEnd) -> None:
        for text in _end(self.stream, end):
            if isinstance(text, bytes):
                self.out.binary.write(text)
            else:
                self.out.write(text)


class _ProgressSink:
    def __init__(self, meter: Progress) -> None:
        self.meter = meter

    def file(self, result: FileResult, fail_on: Severity) -> None:
        self.meter.done(result.status(fail_on) != "pass")

    def end(self, end: RunEnd) -> None:
        self.meter.close()


class _StatisticsSink:
    """``--statistics`` on stderr when stdout carries a machine format (JSON, SARIF …),
    which has no place for it: the same table the text output ends with, not dropped;
    ``apart``: a blank line after it (the ``--summary`` table follows)."""

    def __init__(self, apart: bool) -> None:
        self.apart = apart

    def file(self, result: FileResult, fail_on: Severity) -> None:
        pass

    def end(self, end: RunEnd) -> None:
        from xxgk_lint.formatters.text import _statistics_table

        if not end.tally.by_rule:
            return
        try:
            sys.stdout.flush()
            table = _statistics_table(end.tally.by_rule)
            sys.stderr.write(table + ("\n\n" if self.apart else "\n"))
            sys.stderr.flush()
        except (OSError, ValueError):
            pass


class _SummarySink:
    """The per-file summary on stderr: one line per file after the progress bar, or the
    ``--summary`` table when stdout carries a machine format."""

    def __init__(self, lang: str, table: bool) -> None:
        from xxgk_lint.formatters.summary import SummaryRows

        self.rows: SummaryRows = SummaryRows(lang)
        self.table = table

    def file(self, result: FileResult, fail_on: Severity) -> None:
        self.rows.add(result, fail_on)

    def end(self, end: RunEnd) -> None:
        lines = self.rows.table(end.across) if self.table else self.rows.lines(end.across)
        try:
            sys.stdout.flush()  # (the totals before the lines, on one terminal)
            for index, line in enumerate(lines):
                # the lines after the bar stand apart from the totals above them
                apart = index == 0 and not self.table
                sys.stderr.write(("\n" if apart else "") + line + "\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        finally:
            self.rows.close()


def _inputs_missing(args: argparse.Namespace, paths: list[str]) -> bool:
    """Whether a path or the ``--config`` file does not exist (said in one line)."""
    for path in paths:
        if path != STDIN and _missing(path):
            error_line(f"error: {path}: no such file or directory")
            return True
    if args.config is not None and not args.config.exists():  # (a FIFO is named when read)
        error_line(f"error: {args.config}: config file not found")
        return True
    return False


def _show_config(args: argparse.Namespace, paths: list[str]) -> int:
    import json

    from xxgk_lint.engine.config import check_selectors
    from xxgk_lint.engine.plugins import load_registry

    if _inputs_missing(args, paths):
        return 2
    resolver = resolver_for(args, _overrides(args))
    try:
        first = Path(paths[0])
        config = resolver.for_file(first / "x" if first.is_dir() else first)
        registry = load_registry(config.plugins, config.lang, config.rule_timeout)
        check_selectors(config, registry)
    except ConfigError as exc:
        print_warnings(resolver)
        error_line(exc.line(resolver.language()))
        return 2
    print_warnings(resolver)
    if registry.errors:  # a plugin or rule file that did not load: the config does not work
        for line in registry.errors:
            error_line(line)
        return 2
    return write_stdout(json.dumps(config.describe(), ensure_ascii=False, indent=2) + "\n", "json")
