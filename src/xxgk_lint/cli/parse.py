"""``xxgk-lint parse``: show what xxgk-lint reads from a report (JSON or a summary)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from xxgk_lint.parse import Report, parse_source
from xxgk_lint.parse.serialize import JSON_VERSION, report_to_json
from xxgk_lint.sources import InputError, read_source


def _files(paths: list[str]) -> list[Path]:
    """Files named, and report files under directories, walked as ``check`` walks them."""
    from xxgk_lint.engine.config import ConfigResolver, Overrides
    from xxgk_lint.engine.runner import discover

    return [target.path for target in discover(paths, ConfigResolver(None, Overrides()))]


def run_parse_command(args: argparse.Namespace) -> int:
    status = 0
    reports = []
    for path in _files(args.paths):
        try:
            source = read_source(path)
            if args.text:
                sys.stdout.write(source.text if source.text.endswith("\n") else source.text + "\n")
                continue
            report = parse_source(source)
        except InputError as exc:
            print(f"xxgk-lint: {path}: {exc}", file=sys.stderr)
            status = 2
            continue
        for problem in missing_parts(report):
            print(f"xxgk-lint: {path}: partial report: {problem}", file=sys.stderr)
        data = report_to_json(report, spans=args.spans)
        if args.output_format == "json":
            reports.append(data)
        else:
            sys.stdout.write(summary(data))
    if args.output_format == "json" and not args.text:
        document = {"version": JSON_VERSION, "reports": reports}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return status


def missing_parts(report: Report) -> list[str]:
    """What a partial report lacks: sections, tables, and rows after the last one read."""
    model = report.format
    problems = []
    present = {s.key for s in report.sections}
    absent = [s.title.zh for s in model.sections if s.key not in present]
    if absent:
        problems.append("sections not found: " + "; ".join(absent))
    for spec in model.tables:
        key = spec.key
        table = report.tables.get(key)
        if table is None:
            problems.append(f"table '{key}' not found")
            continue
        wanted = list(spec.expected_rows)
        found = [k for k in wanted if table.row(k) is not None]
        replaced = any(spec.row(row.key).replaces for row in table.rows)
        if found and found[-1] != wanted[-1] and not replaced:
            after = wanted[wanted.index(found[-1]) + 1 :]
            problems.append(
                f"table '{key}' stops after row '{found[-1]}' ({len(after)} rows missing: "
                f"'{after[0]}' … '{after[-1]}')"
            )
    return problems


def summary(data: dict) -> str:
    """A readable summary of one parsed report."""
    lines = [f"{data['path']}  ({data['kind']}, {data['encoding'] or '-'})"]
    lines.append(f"  format:  {data['format_version']}")
    lines.append(f"  title:   {data['title'] or '-'}")
    lines.append(f"  agency:  {data['agency'] or '-'}    year: {data['year'] or '-'}")
    period = data["period"]
    if period is None:
        lines.append("  period:  (not stated)")
    elif period["well_formed"]:
        lines.append(f"  period:  {period['start']} – {period['end']}  (line {period['line']})")
    else:
        lines.append(f"  period:  {period['text']}  [{period['problem']}] (line {period['line']})")
    sections = ", ".join(f"{s['number'] or '·'} {s['key']}@{s['line']}" for s in data["sections"])
    lines.append(f"  sections: {sections or '-'}")
    for key, table in data["tables"].items():
        if table is None:
            lines.append(f"  table {key}: (not found)")
            continue
        lines.append(f"  table {key}: {len(table)} rows")
        for row, cells in table.items():
            values = " ".join("·" if v is None else str(v) for v in cells.values())
            lines.append(f"    {row:<30} {values}")
    return "\n".join(lines) + "\n\n"
