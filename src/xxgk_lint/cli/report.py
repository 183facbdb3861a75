"""``xxgk-lint report PATH… -o audit.html``: one self-contained page auditing the reports.

The files are checked as ``check`` checks them (same configs, rules, ``--jobs``); the
page is written to a temporary file beside FILE and renamed into place at the end. On
stderr, as with ``export``: each file that could not be read and each run error, one
line each, as they come; at the end, unless ``--quiet``, one line with what was written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from xxgk_lint.cli.output import error_line

if TYPE_CHECKING:
    from xxgk_lint.engine.results import RunEnd
    from xxgk_lint.report.page import AuditPage


def run_report_command(args: argparse.Namespace) -> int:
    from xxgk_lint.cli.check import prepare, progress_sinks, stdin_unread
    from xxgk_lint.cli.output import AtomicFile
    from xxgk_lint.cli.problems import Problems
    from xxgk_lint.engine.drive import drive
    from xxgk_lint.report.page import AuditPage

    args.output_flag = "-o"
    if stdin_unread(args, args.paths):
        return 2
    runner = prepare(args, list(args.paths), args.output, stdin_name=args.stdin_filename)
    if isinstance(runner, int):
        return runner
    sinks = progress_sinks(runner, args.quiet)
    meter = sinks[0].meter if sinks else None
    problems = Problems(runner, meter)
    sinks.append(problems)
    try:
        with AtomicFile(args.output) as out:
            page = AuditPage(out, runner.lang, runner.rules, runner.planned)
            sinks.append(page)
            end = drive(runner, sinks, exit_zero=args.exit_zero)
    except OSError as exc:
        if meter is not None:
            meter.close()
        error_line(f"error: cannot write {args.output}: {exc}")
        return 2
    problems.finish(end)
    if not args.quiet:
        error_line(closing_line(page, end, args.output))
    # The page is the product: findings do not make the exit code 1; a file that could
    # not be read or a problem of the run does make it 2, as with `check`.
    return 2 if end.exit_code == 2 else 0


def closing_line(page: AuditPage, end: RunEnd, output: Path) -> str:
    """``wrote audit.html: 16 files, 4 pass, 4 fail; 8 files unreadable``."""
    from xxgk_lint.cli.problems import closing_counts
    from xxgk_lint.engine.results import FAIL, PASS
    from xxgk_lint.formatters import plural

    passed, failed = page.statuses[PASS], page.statuses[FAIL]
    if end.lang == "en":
        files = plural(page.files, "file")
        return f"wrote {output}: {files}, {passed} pass, {failed} fail; " + closing_counts(end)
    return (
        f"已写出 {output}：{page.files} 个文件，{passed} 个通过，{failed} 个未通过；"
        + closing_counts(end)
    )
