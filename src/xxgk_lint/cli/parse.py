"""``xxgk-lint parse``: show what xxgk-lint reads from a report (JSON or a summary).

Files are found as ``check`` finds them (the same walk, the same config files, the same
reading limits); report text shown in the terminal has its control characters escaped.
"""

from __future__ import annotations

import argparse
import json

from xxgk_lint.cli.output import OutputError, emit, error_line, silence_stdout
from xxgk_lint.engine.builtin import clean_text
from xxgk_lint.engine.config import ConfigError, ConfigResolver, Overrides
from xxgk_lint.formatters import escape_controls, escape_json_controls
from xxgk_lint.parse import Report, parse_source
from xxgk_lint.parse.serialize import JSON_VERSION, report_to_json
from xxgk_lint.sources import InputError, read_source


def run_parse_command(args: argparse.Namespace) -> int:
    from xxgk_lint.cli.check import print_warnings, resolver_for
    from xxgk_lint.engine.guard import progress
    from xxgk_lint.engine.walk import Skipped, discover

    resolver: ConfigResolver = resolver_for(args, Overrides())
    status = 0
    reports = []
    found = 0
    try:
        for item in discover(args.paths, resolver):
            if isinstance(item, Skipped):
                error_line(item.message("en"))
                status = 2
                continue
            found += 1
            path = item.path
            shown = clean_text(str(path))
            progress.file = shown
            try:
                source = read_source(path, limits=resolver.for_file(path).limits)
                if args.text:
                    text = source.text if source.text.endswith("\n") else source.text + "\n"
                    emit(escape_controls(clean_text(text)), "text")
                    continue
                report = parse_source(source)
            except InputError as exc:
                error_line(f"{shown}: {exc}")
                status = 2
                continue
            for problem in missing_parts(report):
                error_line(f"{shown}: partial report: {problem}")
            data = report_to_json(report, spans=args.spans)
            data["path"] = shown
            if args.output_format == "json":
                reports.append(data)
            else:
                emit(escape_controls(clean_text(summary(data))), "text")
        progress.file = None
        print_warnings(resolver)
        if found == 0:
            error_line(f"error: no report file found in {', '.join(args.paths)}")
            status = 2
        if args.output_format == "json" and not args.text:
            document = {"version": JSON_VERSION, "reports": reports}
            text = json.dumps(document, ensure_ascii=False, indent=2)
            emit(escape_json_controls(clean_text(text)) + "\n", "json")
    except ConfigError as exc:
        print_warnings(resolver)
        error_line(exc.line(resolver.language()))
        return 2
    except BrokenPipeError:
        silence_stdout()
        return status
    except OutputError as exc:
        silence_stdout()
        error_line(f"error: cannot write the output: {exc}")
        return 2
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
