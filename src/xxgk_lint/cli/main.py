"""The command line: ``xxgk-lint check | parse | rules | explain``.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings; 2 usage, config or input
error (an unreadable file, a plugin that failed to import, a rule that crashed). Every
failure is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from xxgk_lint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and a one-line message (its default is also 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"xxgk-lint: error: {message}\n")


def _comma_list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="xxgk-lint",
        description="Lint 政府信息公开工作年度报告 "
        "(government information disclosure annual reports).",
    )
    parser.add_argument("--version", action="version", version=f"xxgk-lint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="check reports and print findings")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories")
    check.add_argument("--select", type=_comma_list, help="rules to run: codes, prefixes, names")
    check.add_argument("--ignore", type=_comma_list, help="rules to skip (added to the config's)")
    check.add_argument("--config", type=Path, help="use this config file instead of searching")
    check.add_argument("--lang", choices=("zh", "en"), help="message language (default zh)")
    check.add_argument("--fail-on", choices=("error", "warning", "info"), dest="fail_on")
    check.add_argument(
        "--format",
        choices=("text", "json", "junit", "sarif", "github"),
        default="text",
        dest="output_format",
    )
    check.add_argument(
        "--output-file", type=Path, help="write --format output here; text still goes to stdout"
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("--quiet", "-q", action="store_true", help="print only the summary line")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument(
        "--show-config", action="store_true", help="print the merged config for PATH and exit"
    )

    parse = commands.add_parser("parse", help="print what xxgk-lint reads from reports")
    parse.add_argument("paths", nargs="+", metavar="PATH")
    parse.add_argument("--format", choices=("text", "json"), default="text", dest="output_format")
    parse.add_argument("--spans", action="store_true", help="add each cell's line and column")
    parse.add_argument(
        "--text", action="store_true", help="print the text extracted from the file, as parsed"
    )

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", dest="output_format"
    )
    rules.add_argument("--lang", choices=("zh", "en"), help="default: the config's, else zh")
    rules.add_argument("--config", type=Path)

    explain = commands.add_parser("explain", help="show a rule's documentation")
    explain.add_argument(
        "code", metavar="CODE", nargs="?", help="a rule code (XG201) or name (row-sum)"
    )
    explain.add_argument(
        "--all", action="store_true", help="every rule's documentation, in markdown"
    )
    explain.add_argument("--lang", choices=("zh", "en"), help="default: the config's, else zh")
    explain.add_argument("--config", type=Path)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        if args.command == "check":
            from xxgk_lint.cli.check import run_check_command

            return run_check_command(args)
        if args.command == "parse":
            from xxgk_lint.cli.parse import run_parse_command

            return run_parse_command(args)
        from xxgk_lint.cli.rules import run_explain_command, run_rules_command

        if args.command == "rules":
            return run_rules_command(args)
        return run_explain_command(args)
    except KeyboardInterrupt:
        print("xxgk-lint: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
