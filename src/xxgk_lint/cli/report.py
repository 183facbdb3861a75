"""``xxgk-lint report PATH… -o audit.html``: one self-contained page auditing the reports.

The files are checked as ``check`` checks them (same configs, rules, ``--jobs``); the
page is written to a temporary file beside FILE and renamed into place at the end. On
stderr, as with ``export``: each file that could not be read and each run error, one
line each, as they come; at the end, unless ``--quiet``, one line with what was written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from xxgk_lint.cli.output import error_line

#: ``-o -``: write the page to stdout.
STDOUT = "-"

if TYPE_CHECKING:
    from xxgk_lint.engine.results import RunEnd
    from xxgk_lint.report.page import AuditPage


def run_report_command(args: argparse.Namespace) -> int:
    from xxgk_lint.cli.check import prepare, progress_sinks, stdin_once, stdin_unread
    from xxgk_lint.cli.output import AtomicFile
    from xxgk_lint.cli.problems import Problems
    from xxgk_lint.engine.drive import drive
    from xxgk_lint.report.page import AuditPage

    args.output_flag = "-o"
    if stdin_unread(args, args.paths):
        return 2
    to_stdout = str(args.output) == STDOUT  # `-o -`: the page on stdout, not a file "-"
    output = None if to_stdout else args.output
    runner = prepare(args, list(args.paths), output, stdin_name=args.stdin_filename)
    if isinstance(runner, int):
        return runner
    sinks = progress_sinks(runner, args.quiet)
    meter = sinks[0].meter if sinks else None
    problems = Problems(runner, meter)
    sinks.append(problems)
    try:
        with _Stdout() if to_stdout else AtomicFile(args.output) as out:
            named = [args.stdin_filename or p if p == "-" else p for p in stdin_once(args.paths)]
            page = AuditPage(out, runner.lang, runner.rules, runner.planned, named)
            sinks.append(page)
            end = drive(runner, sinks, exit_zero=args.exit_zero)
    except BrokenPipeError:
        from xxgk_lint.cli.output import silence_stdout

        silence_stdout()
        return 0
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


class _Stdout:
    """The page written to stdout (``-o -``), as UTF-8, whatever the console's encoding."""

    def __enter__(self) -> _Stdout:
        return self

    def __exit__(self, *exc: object) -> None:
        sys.stdout.buffer.flush()

    def write(self, text: str) -> None:
        sys.stdout.buffer.write(text.encode("utf-8", "backslashreplace"))


def closing_line(page: AuditPage, end: RunEnd, output: Path) -> str:
    """``wrote audit.html: 16 files, 4 pass, 4 fail; 8 files unreadable`` (``wrote the
    page to stdout: …`` for ``-o -``)."""
    from xxgk_lint.cli.problems import closing_counts
    from xxgk_lint.engine.results import FAIL, PASS
    from xxgk_lint.formatters import plural

    passed, failed = page.statuses[PASS], page.statuses[FAIL]
    if str(output) == STDOUT:
        if end.lang == "en":
            files = plural(page.files, "file")
            return (
                f"wrote the page to stdout: {files}, {passed} pass, {failed} fail; "
                + closing_counts(end)
            )
        return (
            f"已将网页写到标准输出：{page.files} 个文件，{passed} 个通过，{failed} 个未通过；"
            + closing_counts(end)
        )
    if end.lang == "en":
        files = plural(page.files, "file")
        return f"wrote {output}: {files}, {passed} pass, {failed} fail; " + closing_counts(end)
    return (
        f"已写出 {output}：{page.files} 个文件，{passed} 个通过，{failed} 个未通过；"
        + closing_counts(end)
    )
