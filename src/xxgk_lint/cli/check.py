"""``xxgk-lint check``: run the rules and print the findings."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from xxgk_lint.engine.config import ConfigError, ConfigResolver, Overrides
from xxgk_lint.engine.runner import run_check


def _overrides(args: argparse.Namespace) -> Overrides:
    return Overrides(select=args.select, ignore=args.ignore, lang=args.lang, fail_on=args.fail_on)


def run_check_command(args: argparse.Namespace) -> int:
    paths = args.paths or ["."]
    for path in paths:
        if not Path(path).exists():
            print(f"xxgk-lint: error: {path}: no such file or directory", file=sys.stderr)
            return 2
    if args.config is not None and not args.config.is_file():
        print(f"xxgk-lint: error: {args.config}: config file not found", file=sys.stderr)
        return 2
    try:
        if args.show_config:
            resolver = ConfigResolver(args.config, _overrides(args))
            first = Path(paths[0])
            config = resolver.for_file(first / "x" if first.is_dir() else first)
            from xxgk_lint.engine.config import check_selectors
            from xxgk_lint.engine.plugins import load_registry

            check_selectors(config, load_registry(config.plugins, config.lang))
            print(json.dumps(config.describe(), ensure_ascii=False, indent=2))
            return 0
        run = run_check(paths, _overrides(args), args.config)
    except ConfigError as exc:
        print(f"xxgk-lint: config error: {exc}", file=sys.stderr)
        return 2
    from xxgk_lint.formatters import render, should_color

    if args.output_file is not None:
        try:
            args.output_file.parent.mkdir(parents=True, exist_ok=True)
            args.output_file.write_text(render(args.output_format, run), encoding="utf-8")
        except OSError as exc:
            print(f"xxgk-lint: error: cannot write {args.output_file}: {exc}", file=sys.stderr)
            return 2
        fmt = "text"
    else:
        fmt = args.output_format
    color = fmt == "text" and should_color(args.color, sys.stdout)
    output = render(fmt, run, color=color, quiet=args.quiet, statistics=args.statistics)
    if output:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
    if fmt != "text" or args.quiet:  # the full text report already lists them
        for message in run.run_errors:
            print(f"xxgk-lint: {message}", file=sys.stderr)
    return run.exit_code
