"""The command line: ``xxgk-lint check | export | report | parse | rules | explain``.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings; 2 usage, config or input
error (an unreadable file, a plugin that failed to import, a rule that crashed) and any
internal error. Every failure is one line on stderr, never a traceback: an exception no
other part handles is caught here, named with the file being processed, and exits 2
(``--debug`` or ``XXGK_LINT_DEBUG=1`` adds the traceback). Exit code 1 therefore always
means findings, never a crash.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from xxgk_lint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, sized as it sizes itself but without ``shutil``.

    argparse makes a formatter for every argument added and imports ``shutil`` for its
    width, which imports the compression modules: about a millisecond of every start. The
    width is found the same way: ``$COLUMNS``, else the terminal's, else 80; minus 2.
    """

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _columns() -> int:
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and a one-line message naming the command's help (its
    default exit code is also 2; its message is the whole usage, then the error)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, as every other problem (argparse prints the whole usage first).
        self.exit(EXIT_ERROR, f"xxgk-lint: error: {message} (see '{self.prog} --help')\n")


def _comma_list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not 0 < number < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {value!r}")
    return number


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(
            f"must be a whole number of processes (0: one per core), not {value!r}"
        )
    return number


def _common(parser: argparse.ArgumentParser, config: bool = True) -> None:
    """Options every command has: ``--debug``, and the config file's ``--config``/``--isolated``."""
    parser.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="print the traceback of an internal error (also: XXGK_LINT_DEBUG=1)",
    )
    if not config:
        return
    parser.add_argument("--config", type=Path, help="use this config file instead of searching")
    parser.add_argument(
        "--isolated",
        action="store_true",
        help="read no config file at all: only the command line counts",
    )


def _run_options(parser: argparse.ArgumentParser) -> None:
    """What every command that checks files accepts (``check``, ``export``, ``report``)."""
    parser.add_argument("--select", type=_comma_list, help="rules to run: codes, prefixes, names")
    parser.add_argument("--ignore", type=_comma_list, help="rules to skip (added to the config's)")
    _common(parser)
    parser.add_argument(
        "--trust-configs",
        action="store_true",
        dest="trust_configs",
        help="apply every key of config files found inside checked folders, plugins included",
    )
    parser.add_argument("--lang", choices=("zh", "en"), help="message language (default zh)")
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        dest="fail_on",
        help="the lowest severity that fails a file (its status; for check, exit code 1); "
        "default error",
    )
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="no progress bar; text: only the summary line"
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=1,
        metavar="N",
        help="check files in N worker processes (0: one per core; default 1; "
        "at most one per file and 4 per core)",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        metavar="SECONDS",
        help="time limit per file (reading, parsing, rules); a file over it gets XG001",
    )
    parser.add_argument(
        "--exit-zero",
        action="store_true",
        dest="exit_zero",
        help="exit 0 whatever is found (files that could not be read included)",
    )
    parser.add_argument(
        "--stdin-filename",
        dest="stdin_filename",
        metavar="NAME",
        help="with - as a path: the name of what is read from stdin (its config, its kind)",
    )


def _check(check: argparse.ArgumentParser) -> None:
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, directories, - for stdin")
    _run_options(check)
    check.add_argument(
        "--format",
        choices=("text", "json", "junit", "sarif", "github", "gitlab"),
        default="text",
        dest="output_format",
        help="output format (default text); gitlab: a GitLab Code Quality report",
    )
    check.add_argument(
        "--output-file", type=Path, help="write --format output here; text still goes to stdout"
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument(
        "--summary",
        action="store_true",
        help="a table of the files: agency, year, file type, format version, status, counts",
    )
    check.add_argument(
        "--show-config", action="store_true", help="print the merged config for PATH and exit"
    )
    from xxgk_lint.cli.check import add_across_arguments

    add_across_arguments(check)


def _export(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or directories; - reads stdin"
    )
    _run_options(export)
    _quiet_help(export)
    export.add_argument(
        "--format",
        choices=("csv", "jsonl", "xlsx"),
        default=None,
        dest="output_format",
        help="default: csv, or the format of -o FILE's extension (.csv, .jsonl, .xlsx)",
    )
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here (default, or -: stdout)"
    )


def _report(report: argparse.ArgumentParser) -> None:
    report.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or directories; - reads stdin"
    )
    _run_options(report)
    _quiet_help(report)
    report.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        required=True,
        help="the page to write (-: stdout)",
    )


def _quiet_help(parser: argparse.ArgumentParser) -> None:
    """``export`` and ``report`` write no text report: their ``-q`` says what it does."""
    for action in parser._actions:
        if "--quiet" in action.option_strings:
            action.help = "no progress bar and no closing line (unreadable files are still named)"


def _parse(parse: argparse.ArgumentParser) -> None:
    parse.add_argument("paths", nargs="+", metavar="PATH")
    parse.add_argument("--format", choices=("text", "json"), default="text", dest="output_format")
    parse.add_argument("--spans", action="store_true", help="add each cell's line and column")
    parse.add_argument(
        "--text", action="store_true", help="print the text extracted from the file, as parsed"
    )
    _common(parse)


def _rules(rules: argparse.ArgumentParser) -> None:
    rules.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", dest="output_format"
    )
    rules.add_argument("--lang", choices=("zh", "en"), help="default: the config's, else zh")
    _common(rules)


def _explain(explain: argparse.ArgumentParser) -> None:
    explain.add_argument(
        "code", metavar="CODE", nargs="?", help="a rule code (XG201) or name (row-sum)"
    )
    explain.add_argument(
        "--all", action="store_true", help="every rule's documentation, in markdown"
    )
    explain.add_argument("--lang", choices=("zh", "en"), help="default: the config's, else zh")
    _common(explain)


#: Each command: its help line and what adds its arguments.
COMMANDS = {
    "check": ("check reports and print findings", _check),
    "export": ("write every table cell of the reports, one row each (CSV, JSONL, xlsx)", _export),
    "report": ("write one self-contained HTML page auditing the reports", _report),
    "parse": ("print what xxgk-lint reads from reports", _parse),
    "rules": ("list the rules", _rules),
    "explain": ("show a rule's documentation", _explain),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only``, just that command's (argparse builds a help formatter
    and looks up translations for every argument it is given: building the parsers of
    all commands cost more than a check of one small report takes)."""
    parser = _Parser(
        prog="xxgk-lint",
        description="Lint 政府信息公开工作年度报告 "
        "(government information disclosure annual reports).",
    )
    parser.add_argument("--version", action="version", version=f"xxgk-lint {__version__}")
    parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (text, arguments) in COMMANDS.items():
        if only is None or name == only:
            arguments(commands.add_parser(name, help=text))
    return parser


def _command_of(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (the first word that is not an option), if known."""
    for word in argv:
        if not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def _debugging(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "debug", False)) or os.environ.get(
        "XXGK_LINT_DEBUG", ""
    ).strip() not in ("", "0")


@contextlib.contextmanager
def _debug_environment(debug: bool) -> Iterator[None]:
    """``--debug`` as ``XXGK_LINT_DEBUG=1`` for the command: the engine, and the worker
    processes of ``--jobs``, which inherit it, then print a crashing rule's traceback
    (:func:`xxgk_lint.engine.guard.show_traceback`). Put back as it was afterwards (a
    caller of :func:`main` from Python keeps its environment)."""
    key = "XXGK_LINT_DEBUG"
    before = os.environ.get(key)
    if debug and before is None:
        os.environ[key] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(key, None)


def _dispatch(args: argparse.Namespace) -> int:
    if args.command not in ("check", "export", "report"):  # those call settle()
        import gc

        gc.enable()
    if args.command == "check":
        from xxgk_lint.cli.check import run_check_command

        return run_check_command(args)
    if args.command == "parse":
        from xxgk_lint.cli.parse import run_parse_command

        return run_parse_command(args)
    if args.command == "export":
        from xxgk_lint.cli.export import run_export_command

        return run_export_command(args)
    if args.command == "report":
        from xxgk_lint.cli.report import run_report_command

        return run_report_command(args)
    from xxgk_lint.cli.rules import run_explain_command, run_rules_command

    if args.command == "rules":
        return run_rules_command(args)
    return run_explain_command(args)


def _internal_error(exc: BaseException, debug: bool) -> int:
    """The last resort: one line naming the file being processed and the error; exit 2."""
    from xxgk_lint.cli.output import error_line
    from xxgk_lint.engine.builtin import clean_text
    from xxgk_lint.engine.guard import progress

    if debug:
        import traceback

        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    where = f"{progress.file}: " if progress.file else ""
    hint = "" if debug else " (run with --debug for the traceback)"
    error_line(clean_text(f"error: {where}internal error: {type(exc).__name__}: {exc}{hint}"))
    return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    import gc

    # Starting up allocates much and frees little: no collector passes until the modules
    # are loaded (``settle`` or ``_dispatch`` turns it back on; always on at the end).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        code = _main(argv)
    finally:
        if was_enabled:
            gc.enable()
    if argv is None:  # the command itself, not a call from Python code
        from xxgk_lint.engine.guard import end_despite_threads

        end_despite_threads(code)  # (a plugin's thread would keep it alive: see there)
    return code


def _main(argv: Sequence[str] | None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_of(words))
    args = parser.parse_args(words)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    if getattr(args, "config", None) is not None and getattr(args, "isolated", False):
        parser.error("--config and --isolated cannot be used together")
    from xxgk_lint.cli.output import error_line, prepare_stderr, silence_stdout
    from xxgk_lint.engine.guard import Terminated, progress, real_interrupts

    prepare_stderr()
    debug = _debugging(args)
    progress.file = None
    try:
        with real_interrupts(), _debug_environment(debug):
            return _dispatch(args)
    except KeyboardInterrupt as stopped:
        error_line("terminated" if isinstance(stopped, Terminated) else "interrupted")
        return EXIT_ERROR
    except BrokenPipeError:
        silence_stdout()  # `xxgk-lint rules | head -1`: the reader has all it wants
        return EXIT_OK
    except SystemExit:
        raise  # argparse's usage errors and exit codes: already said
    except BaseException as exc:
        # BudgetExceeded, and any other BaseException a plugin raises (pytest.fail's
        # Failed is one), is an internal error too: never a traceback, never exit 1.
        return _internal_error(exc, debug)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
