"""The JSON shape of a parsed report (``xxgk-lint parse --format json``), version 2.

Table values are plain JSON numbers (or null) under the canonical keys of the report's
format model — exactly the shape of ``fixtures/real/truth/*.json`` — unless ``spans`` is
asked for, in which case each cell becomes an object with its value, raw text, kind and
position. Rows that could not be placed (``uncertain``) are listed under ``uncertain``
with how many values were found, never as made-up cells. A money cell whose header prints
another unit than the format's (收费金额(元) for 万元) keeps its value as printed, and is
listed under ``units`` with the unit it is in.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from xxgk_lint.format import TABLE_KEYS
from xxgk_lint.parse.ast import Cell, Deviation, Report, Row, Span, Table

JSON_VERSION = 2


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


def cell_json(cell: Cell | None, spans: bool) -> Any:
    if cell is None:
        return None
    if not spans:
        return plain(cell.value)
    return {"value": plain(cell.value), "raw": cell.raw, "kind": cell.kind, **span_json(cell.span)}


def row_json(row: Row, spans: bool) -> dict[str, Any]:
    """A complete row: column → value; an uncertain row: every column null."""
    return {column: cell_json(row.cell(column), spans) for column in row.columns}


def table_json(table: Table, spans: bool = False) -> dict[str, Any]:
    return {row.key: row_json(row, spans) for row in table.rows}


def uncertain_json(report: Report) -> list[dict[str, Any]]:
    return [
        {
            "table": table.key,
            "row": row.key,
            "found": row.found,
            "expected": len(row.columns),
            "evidence": row.evidence,
            **span_json(row.span),
        }
        for table in report.tables.values()
        for row in table.rows
        if not row.complete
    ]


def deviation_json(deviation: Deviation) -> dict[str, Any]:
    """A deviation; one of a column order or a unit says its kind, and what the format
    asks for (``expected``) and the report has (``found``)."""
    out = {
        "table": deviation.table,
        "row": deviation.row,
        "label": deviation.label,
        **span_json(deviation.span),
    }
    if deviation.kind != "rows":  # (a row of the older template: the shape of version 2)
        out.update(kind=deviation.kind, expected=deviation.expected, found=deviation.found)
    return out


def units_json(report: Report) -> list[dict[str, Any]]:
    """The money cells printed in another unit than the format's: their values under
    ``tables`` are as printed, in ``unit``; ``format_unit`` is the format's."""
    return [
        {
            "table": table.key,
            "row": row,
            "column": column,
            "unit": unit,
            "format_unit": table.spec.column(column).unit,
        }
        for table in report.tables.values()
        for row, column, unit in table.units
    ]


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
        "deviations": [deviation_json(d) for d in report.deviations],
        "units": units_json(report),
        "uncertain": uncertain_json(report),
        "second_report": span_json(report.second_report) if report.second_report else None,
        "tables": {
            key: table_json(report.tables[key], spans) if key in report.tables else None
            for key in TABLE_KEYS
        },
    }
