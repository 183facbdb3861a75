"""``xxgk-lint check``: run the rules and print the findings."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from xxgk_lint.cli.output import (
    OutputError,
    emit,
    enable_windows_colour,
    error_line,
    silence_stdout,
    write_atomically,
)
from xxgk_lint.engine.config import ConfigError, ConfigResolver, Overrides, PluginError

if TYPE_CHECKING:
    from xxgk_lint.engine.runner import Runner


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


def run_check_command(args: argparse.Namespace) -> int:
    from xxgk_lint.engine.runner import Runner, run_language

    paths = args.paths or ["."]
    for path in paths:
        if _missing(path):
            error_line(f"error: {path}: no such file or directory")
            return 2
    if args.config is not None and not args.config.is_file():
        error_line(f"error: {args.config}: config file not found")
        return 2
    problem = _across_problem(args)
    if problem is not None:
        error_line(f"error: {problem}")
        return 2
    resolver = resolver_for(args, _overrides(args))
    try:
        if args.show_config:
            return _show_config(resolver, paths)
        runner = Runner(
            resolver,
            run_language(resolver, paths),
            timeout=args.timeout,
            previous=getattr(args, "previous", ()),
            baseline=getattr(args, "baseline", None),
            write_baseline=getattr(args, "write_baseline", None),
        )
        run = runner.run(paths)
    except ConfigError as exc:
        print_warnings(resolver)
        error_line(str(exc) if isinstance(exc, PluginError) else f"config error: {exc}")
        return 2
    print_warnings(resolver)
    if runner.written_baseline is not None:
        failed = _write_baseline(args, paths, runner, resolver)
        if failed:
            return failed
    from xxgk_lint.formatters import render, should_color

    if args.output_file is not None:
        from xxgk_lint.cli.protect import output_conflict

        conflict = output_conflict(
            args.output_file,
            paths,
            [*runner.targets, *runner.previous_targets],
            resolver,
            runner.plugin_files,
        )
        if conflict is not None:
            error_line(f"error: --output-file {args.output_file}: refused: {conflict}")
            return 2
        try:
            write_atomically(args.output_file, render(args.output_format, run))
        except OSError as exc:
            error_line(f"error: cannot write {args.output_file}: {exc}")
            return 2
        fmt = "text"
    else:
        fmt = args.output_format
    color = fmt == "text" and should_color(args.color, sys.stdout) and enable_windows_colour()
    output = render(fmt, run, color=color, quiet=args.quiet, statistics=args.statistics)
    try:
        if output:
            emit(output if output.endswith("\n") else output + "\n", fmt)
    except BrokenPipeError:
        # `xxgk-lint check … | head -c1`: the reader has what it wants; the answer stands.
        silence_stdout()
        return run.exit_code
    except OutputError as exc:
        silence_stdout()
        error_line(f"error: cannot write the output: {exc}")
        return 2
    if fmt != "text" or args.quiet:  # the full text report already lists them
        for message in run.run_errors:
            error_line(message)
    return run.exit_code


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


def _write_baseline(
    args: argparse.Namespace, paths: list[str], runner: Runner, resolver: ConfigResolver
) -> int:
    """Write ``--write-baseline FILE`` (never over an input); 0, or 2 after one error line."""
    from xxgk_lint.cli.protect import output_conflict

    assert runner.written_baseline is not None
    target = args.write_baseline
    conflict = output_conflict(
        target, paths, [*runner.targets, *runner.previous_targets], resolver, runner.plugin_files
    )
    if conflict is not None:
        error_line(f"error: --write-baseline {target}: refused: {conflict}")
        return 2
    try:
        write_atomically(target, runner.written_baseline.dump())
    except OSError as exc:
        error_line(f"error: cannot write {target}: {exc}")
        return 2
    return 0


def _show_config(resolver: ConfigResolver, paths: list[str]) -> int:
    from xxgk_lint.engine.config import check_selectors
    from xxgk_lint.engine.plugins import load_registry

    first = Path(paths[0])
    config = resolver.for_file(first / "x" if first.is_dir() else first)
    registry = load_registry(config.plugins, config.lang)
    check_selectors(config, registry)
    print_warnings(resolver)
    if registry.errors:  # a plugin or rule file that did not load: the config does not work
        for line in registry.errors:
            error_line(line)
        return 2
    text = json.dumps(config.describe(), ensure_ascii=False, indent=2) + "\n"
    try:
        emit(text, "json")
    except BrokenPipeError:
        silence_stdout()
    except OutputError as exc:
        silence_stdout()
        error_line(f"error: cannot write the output: {exc}")
        return 2
    return 0
