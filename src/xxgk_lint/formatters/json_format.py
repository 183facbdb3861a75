"""The ``json`` format: version 1 of the documented, machine-readable check output.

The shape is frozen by ``xxgk_lint/schemas/check-output-v1.schema.json``; scripts and
dashboards parse it, so a change that the v1 schema would reject needs a new ``version``.
"""

from __future__ import annotations

import json
from typing import Any

from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.engine.results import RunResult

VERSION = 1
SCHEMA_RESOURCE = "schemas/check-output-v1.schema.json"


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of this output, as shipped inside the package."""
    from importlib.resources import files

    text = files("xxgk_lint").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return json.loads(text)


def to_document(run: RunResult) -> dict[str, Any]:
    """The output as a plain dict, keys in their documented order."""
    return {
        "version": VERSION,
        "diagnostics": [d.to_json() for d in run.diagnostics],
        "summary": {
            "files": len(run.files),
            "errors": run.count(Severity.ERROR),
            "warnings": run.count(Severity.WARNING),
            "infos": run.count(Severity.INFO),
            "unreadable": sum(1 for f in run.files if f.unreadable),
            "run_errors": list(run.run_errors),
            "exit_code": run.exit_code,
        },
    }


def render(run: RunResult) -> str:
    """Pretty-printed UTF-8 JSON (not ``\\u`` escapes: the messages are Chinese)."""
    return json.dumps(to_document(run), ensure_ascii=False, indent=2) + "\n"
