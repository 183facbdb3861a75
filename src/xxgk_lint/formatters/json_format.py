"""The ``json`` format: version 2 of the documented, machine-readable check output.

The shape is frozen by ``xxgk_lint/schemas/check-output-v2.schema.json``; scripts and
dashboards parse it, so a change that the v2 schema would reject needs a new ``version``.
Version 2 added what the rules verified (issue 10): per report its ``checks`` (pass,
fail, not_assessable, uncertain, with the cells involved), their count in the summary,
and per finding its ``related`` cells. The v1 schema still ships, for older outputs.
"""

from __future__ import annotations

import json
from typing import Any

from xxgk_lint.engine.checks import places
from xxgk_lint.engine.diagnostics import Diagnostic, Severity
from xxgk_lint.engine.results import FileResult, RunResult
from xxgk_lint.formatters import JSON_CONTROL_ESCAPES

VERSION = 2
SCHEMA_RESOURCE = "schemas/check-output-v2.schema.json"


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of this output, as shipped inside the package."""
    from importlib.resources import files

    text = files("xxgk_lint").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return json.loads(text)


def to_document(run: RunResult) -> dict[str, Any]:
    """The output as a plain dict, keys in their documented order.

    ``configs`` (the config files the run read) is there only when the run read one, and
    ``baseline`` (what each baseline hid, which entries no longer match) only when the run
    used one: both were added to version 1 as optional keys.
    """
    document: dict[str, Any] = {
        "version": VERSION,
        "diagnostics": [_diagnostic(d, f) for f in run.files for d in f.diagnostics],
        "reports": [{"path": f.path, "checks": [c.to_json() for c in f.checks]} for f in run.files],
        "summary": {
            "files": len(run.files),
            "errors": run.count(Severity.ERROR),
            "warnings": run.count(Severity.WARNING),
            "infos": run.count(Severity.INFO),
            "unreadable": sum(1 for f in run.files if f.unreadable),
            "run_errors": list(run.run_errors),
            "exit_code": run.exit_code,
            "checks": run.check_counts(),
        },
    }
    if run.configs:
        document["configs"] = [c.to_json() for c in run.configs]
    if run.baseline:
        document["baseline"] = [use.to_json() for use in run.baseline]
    return document


def _diagnostic(diagnostic: Diagnostic, file: FileResult) -> dict[str, Any]:
    """A finding, with (when it has some) the other places it is about: ``related`` —
    another report's cell (XG6xx), the cells on the other side of a failed identity."""
    out = diagnostic.to_json()
    others = places(diagnostic, file.checks)
    if others:
        out["related"] = [place.to_json() for place in others]
    return out


def render(run: RunResult) -> str:
    """Pretty-printed UTF-8 JSON (not ``\\u`` escapes: the messages are Chinese).

    JSON escapes the control characters below 0x20; DEL and the C1 controls (which some
    terminals obey) are escaped too, so that no raw control byte reaches a terminal.
    """
    text = json.dumps(to_document(run), ensure_ascii=False, indent=2)
    return text.translate(JSON_CONTROL_ESCAPES) + "\n"
