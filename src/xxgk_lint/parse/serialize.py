"""The JSON shape of a parsed report (``xxgk-lint parse --format json``), version 1.

Table values are plain JSON numbers (or null) under the canonical keys — exactly the shape
of ``shared/seeds/truth/*.json`` — unless ``spans`` is asked for, in which case each cell
becomes an object with its value, raw text and position.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from xxgk_lint.parse.ast import Cell, Report, Span, Table

JSON_VERSION = 1


def plain(value: object) -> object:
    """JSON has no Decimal: whole amounts become ints, others floats; the rest unchanged."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def span_json(span: Span) -> dict[str, Any]:
    out: dict[str, Any] = {
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }
    if span.where:
        out["where"] = span.where
    return out


def _cell_json(cell: Cell | None, spans: bool) -> Any:
    if cell is None:
        return None
    if not spans:
        return plain(cell.value)
    return {"value": plain(cell.value), "raw": cell.raw, "kind": cell.kind, **span_json(cell.span)}


def table_json(table: Table, spans: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for row in table.rows:
        columns = [c.column for c in row.cells] if row.complete else []
        if not row.complete:
            from xxgk_lint.parse.template import TABLES

            columns = list(TABLES[table.key].columns_of(row.key))
        out[row.key] = {col: _cell_json(row.cell(col), spans) for col in columns}
    return out


def report_to_json(report: Report, spans: bool = False) -> dict[str, Any]:
    """One report as a JSON-ready dict."""
    period = None
    if report.period is not None:
        p = report.period
        period = {
            "text": p.text,
            "start": p.start.isoformat() if p.start else None,
            "end": p.end.isoformat() if p.end else None,
            "well_formed": p.well_formed,
            "problem": p.problem,
            **span_json(p.span),
        }
    sections = []
    for section in report.sections:
        entry: dict[str, Any] = {
            "number": section.number,
            "key": section.key,
            "title": section.title,
            "line": section.span.line,
            "implicit": section.implicit,
        }
        if section.key == "other":
            entry["paragraphs"] = [p.text for p in section.paragraphs]
        sections.append(entry)
    return {
        "path": report.path,
        "kind": report.kind,
        "encoding": report.encoding,
        "format_version": report.format_version,
        "year": report.year,
        "agency": report.agency,
        "title": report.title.text if report.title else None,
        "period": period,
        "sections": sections,
        "deviations": [
            {"table": d.table, "row": d.row, "label": d.label, **span_json(d.span)}
            for d in report.deviations
        ],
        "tables": {
            key: table_json(report.tables[key], spans) if key in report.tables else None
            for key in ("proactive", "applications", "reviews")
        },
    }
