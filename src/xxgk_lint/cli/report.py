"""``xxgk-lint report PATH… -o audit.html``: one self-contained page auditing the reports.

The files are checked as ``check`` checks them (same configs, rules, ``--jobs``); the
page is written to a temporary file beside FILE and renamed into place at the end.
"""

from __future__ import annotations

import argparse

from xxgk_lint.cli.output import error_line


def run_report_command(args: argparse.Namespace) -> int:
    from xxgk_lint.cli.check import prepare, progress_sinks
    from xxgk_lint.cli.output import AtomicFile
    from xxgk_lint.engine.drive import drive
    from xxgk_lint.report.page import AuditPage

    args.output_flag = "-o"
    runner = prepare(args, list(args.paths), args.output)
    if isinstance(runner, int):
        return runner
    sinks = progress_sinks(runner, args.quiet)
    try:
        with AtomicFile(args.output) as out:
            sinks.append(AuditPage(out, runner.lang, runner.rules, runner.planned))
            end = drive(runner, sinks)
    except OSError as exc:
        error_line(f"error: cannot write {args.output}: {exc}")
        return 2
    for message in end.run_errors:
        error_line(message)
    # The page is the product: findings do not make the exit code 1; a file that could
    # not be read or a problem of the run does make it 2, as with `check`.
    return 2 if end.exit_code == 2 else 0
