"""The cells of one report as export rows: canonical keys, values as ``parse`` prints them.

The values come from :func:`xxgk_lint.parse.serialize.table_json` — the very function
behind ``parse --format json`` — so an export and ``parse`` can never disagree.
"""

from __future__ import annotations

from typing import Any

from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.engine.results import FileResult
from xxgk_lint.format import TABLE_KEYS
from xxgk_lint.parse.ast import Report
from xxgk_lint.parse.serialize import table_json

#: The columns of an export, in order.
COLUMNS = (
    "path",
    "kind",
    "agency",
    "year",
    "format_version",
    "table",
    "row",
    "column",
    "value",
    "raw",
    "line",
    "col",
    "status",
    "problem",
)

#: The columns a file without cells leaves empty (``table`` to ``col``).
_CELL_COLUMNS = COLUMNS[COLUMNS.index("table") : COLUMNS.index("status")]

#: One cell: table, row, column, value, raw text, line, column (the last four None for a
#: cell that could not be placed: a row whose values are uncertain).
Cell = tuple[str, str, str, Any, Any, Any, Any]


def cells_of(report: Report) -> list[Cell]:
    """Every cell of every table the report has, in table, row and column order.

    A module-level function, so that worker processes can be given it.
    """
    out: list[Cell] = []
    for key in TABLE_KEYS:
        table = report.tables.get(key)
        if table is None:
            continue
        for row, cells in table_json(table, spans=True).items():
            for column, cell in cells.items():
                if cell is None:
                    out.append((key, row, column, None, None, None, None))
                else:
                    out.append(
                        (key, row, column, cell["value"], cell["raw"], cell["line"], cell["column"])
                    )
    return out


def rows_of(result: FileResult, fail_on: Severity, lang: str = "zh") -> list[dict[str, Any]]:
    """The export rows of one checked file: one per cell, or one (with the cell fields
    empty) for a file that has none — an unreadable file among them, whose ``problem``
    says why."""
    base = {
        "path": result.path,
        "kind": result.kind,
        "agency": result.agency,
        "year": result.year,
        "format_version": result.format_version,
    }
    status = result.status(fail_on)
    cells: list[Cell] = result.extract or []
    if not cells:
        empty = dict.fromkeys(_CELL_COLUMNS)
        return [{**base, **empty, "status": status, "problem": result.problem(lang)}]
    return [
        {
            **base,
            "table": table,
            "row": row,
            "column": column,
            "value": value,
            "raw": raw,
            "line": line,
            "col": col,
            "status": status,
            "problem": None,
        }
        for table, row, column, value, raw, line, col in cells
    ]
