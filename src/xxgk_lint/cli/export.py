"""``xxgk-lint export``: every table cell of the reports, one row each (CSV, JSON Lines,
Excel), written as the files are checked.

Each file is checked as ``check`` checks it (same configs, rules, limits, ``--jobs``) so
that each row carries the file's status: ``pass``, ``fail`` (a finding at or above
``fail-on``) or ``unreadable``. A file without cells — one that could not be read, or
in which no table was found — is one row with the cell fields empty.
"""

from __future__ import annotations

import argparse
import sys
from typing import IO, TYPE_CHECKING, Any

from xxgk_lint.cli.output import error_line

if TYPE_CHECKING:
    from xxgk_lint.engine.diagnostics import Severity
    from xxgk_lint.engine.results import FileResult, RunEnd


class _RowsSink:
    def __init__(self, writer: Any) -> None:
        self.writer = writer

    def file(self, result: FileResult, fail_on: Severity) -> None:
        from xxgk_lint.export.cells import rows_of

        for row in rows_of(result, fail_on):
            self.writer.write(row)

    def end(self, end: RunEnd) -> None:
        self.writer.close()


def run_export_command(args: argparse.Namespace) -> int:
    from xxgk_lint.cli.check import prepare
    from xxgk_lint.export.cells import COLUMNS, cells_of
    from xxgk_lint.export.writers import MissingExtra, writer_for

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
    runner = prepare(args, list(args.paths), args.output, extract=cells_of)
    if isinstance(runner, int):
        return runner
    from xxgk_lint.cli.check import progress_sinks
    from xxgk_lint.engine.drive import drive

    sinks = progress_sinks(runner, args.quiet)
    if args.output is None:
        out: IO[bytes] = sys.stdout.buffer
        try:
            sinks.append(_RowsSink(writer_for(args.output_format, out, COLUMNS)))
            end = drive(runner, sinks)
        except BrokenPipeError:
            from xxgk_lint.cli.output import silence_stdout

            silence_stdout()
            return 0
    else:
        from xxgk_lint.cli.output import AtomicFile

        try:
            with AtomicFile(args.output) as target:
                sinks.append(_RowsSink(writer_for(args.output_format, target.binary, COLUMNS)))
                end = drive(runner, sinks)
        except OSError as exc:
            error_line(f"error: cannot write {args.output}: {exc}")
            return 2
    for message in end.run_errors:
        error_line(message)
    # Findings do not matter here: exit 1 never; 2 when a file could not be read or the
    # run had a problem of its own, as with `check`.
    return 2 if end.exit_code == 2 else 0
