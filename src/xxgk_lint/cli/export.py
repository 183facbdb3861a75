"""``xxgk-lint export``: every table cell of the reports, one row each (CSV, JSON Lines,
Excel), written as the files are checked.

Each file is checked as ``check`` checks it (same configs, rules, limits, ``--jobs``) so
that each row carries the file's status: ``pass``, ``fail`` (a finding at or above
``fail-on``), ``unreadable`` or ``timed-out`` (read, but its check ran over
``--timeout``; see :data:`xxgk_lint.engine.results.STATUS_WORDS`). A file without cells —
one that could not be read or was not checked in time, or in which no table was found — is
one row with the cell fields empty; an unreadable or timed-out one says why in
``problem``.

On stderr, as the files come: one line per file that could not be read (its XG001
message) and per run error (a path skipped, a rule that crashed); at the end, unless
``--quiet``, one line with what was written. ``report`` says the same (see
:mod:`xxgk_lint.cli.problems`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from xxgk_lint.cli.output import error_line
from xxgk_lint.cli.problems import Problems, closing_counts
from xxgk_lint.formatters import plural

if TYPE_CHECKING:
    from xxgk_lint.engine.diagnostics import Severity
    from xxgk_lint.engine.results import FileResult, RunEnd

#: ``-o -``: write to stdout.
STDOUT = "-"
#: The format ``-o FILE`` names by its extension (without ``--format``).
EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".xlsx": "xlsx"}
DEFAULT_FORMAT = "csv"


def export_format(given: str | None, output: Path | None) -> str:
    """The export's format: ``--format``, else the one ``-o FILE``'s extension names, else
    CSV. Raises ValueError (the usage error) when ``--format`` contradicts the extension."""
    suffix = output.suffix.lower() if output is not None else ""
    named = EXTENSIONS.get(suffix)
    if given is None:
        return named or DEFAULT_FORMAT
    if named is not None and named != given:
        raise ValueError(
            f"--format {given} contradicts -o {output}, a {suffix} file: leave out --format "
            f"(the extension decides) or name the file .{given}"
        )
    return given


class _RowsSink:
    def __init__(self, writer: Any, lang: str) -> None:
        self.writer = writer
        self.lang = lang
        self.rows = 0
        self.files = 0

    def file(self, result: FileResult, fail_on: Severity) -> None:
        from xxgk_lint.export.cells import rows_of

        self.files += 1
        for row in rows_of(result, fail_on, self.lang):
            self.writer.write(row)
            self.rows += 1

    def end(self, end: RunEnd) -> None:
        self.writer.close()

    def closing_line(self, end: RunEnd, output: Path | None) -> str:
        """``wrote 2401 rows of 16 files to cells.csv; 8 files unreadable`` (and, when
        there are some, ``, 1 file not finished within --timeout``)."""
        lang = end.lang
        if lang == "en":
            to = f" to {output}" if output is not None else ""
            rows, files = plural(self.rows, "row"), plural(self.files, "file")
            return f"wrote {rows} of {files}{to}; " + closing_counts(end)
        to = f"到 {output}" if output is not None else ""
        return f"已写出 {self.files} 个文件的 {self.rows} 行{to}；" + closing_counts(end)


def run_export_command(args: argparse.Namespace) -> int:
    from xxgk_lint.cli.check import prepare, stdin_unread
    from xxgk_lint.export.cells import COLUMNS, cells_of
    from xxgk_lint.export.writers import MissingExtra, writer_for

    if args.output is not None and str(args.output) == STDOUT:
        args.output = None  # `-o -`: stdout, as without -o (not a file named "-")
    try:
        args.output_format = export_format(args.output_format, args.output)
    except ValueError as exc:
        error_line(f"error: {exc} (see 'xxgk-lint export --help')")
        return 2
    if args.output_format == "xlsx":
        if args.output is None:
            error_line("error: --format xlsx writes a workbook: name it with -o FILE")
            return 2
        try:
            import openpyxl  # type: ignore[import-untyped]  # noqa: F401
        except ImportError:
            error_line(f"error: {MissingExtra()}")
            return 2
    args.output_flag = "-o"
    if stdin_unread(args, args.paths):
        return 2
    runner = prepare(
        args, list(args.paths), args.output, stdin_name=args.stdin_filename, extract=cells_of
    )
    if isinstance(runner, int):
        return runner
    from xxgk_lint.cli.check import progress_sinks
    from xxgk_lint.engine.drive import drive

    sinks = progress_sinks(runner, args.quiet)
    meter = sinks[0].meter if sinks else None
    problems = Problems(runner, meter)
    sinks.append(problems)
    rows: _RowsSink | None = None
    if args.output is None:
        out: IO[bytes] = sys.stdout.buffer
        try:
            rows = _RowsSink(writer_for(args.output_format, out, COLUMNS), runner.lang)
            sinks.append(rows)
            end = drive(runner, sinks, exit_zero=args.exit_zero)
        except BrokenPipeError:
            from xxgk_lint.cli.output import silence_stdout

            silence_stdout()
            return 0
    else:
        from xxgk_lint.cli.output import AtomicFile

        try:
            with AtomicFile(args.output) as target:
                rows = _RowsSink(
                    writer_for(args.output_format, target.binary, COLUMNS), runner.lang
                )
                sinks.append(rows)
                end = drive(runner, sinks, exit_zero=args.exit_zero)
        except OSError as exc:
            if meter is not None:
                meter.close()
            error_line(f"error: cannot write {args.output}: {exc}")
            return 2
    problems.finish(end)
    if not args.quiet:
        assert rows is not None
        error_line(rows.closing_line(end, args.output))
    # Findings do not matter here: exit 1 never; 2 when a file could not be read or the
    # run had a problem of its own, as with `check`.
    return 2 if end.exit_code == 2 else 0
