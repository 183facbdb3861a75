"""The ``json`` format: version 1 of the documented, machine-readable check output.

The shape is frozen by ``xxgk_lint/schemas/check-output-v1.schema.json``; scripts and
dashboards parse it, so a change that the v1 schema would reject needs a new ``version``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from xxgk_lint.engine.diagnostics import Diagnostic, Severity
from xxgk_lint.engine.results import FileResult, RunEnd, RunResult
from xxgk_lint.formatters import JSON_CONTROL_ESCAPES

VERSION = 1
SCHEMA_RESOURCE = "schemas/check-output-v1.schema.json"


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of this output, as shipped inside the package."""
    from importlib.resources import files

    text = files("xxgk_lint").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return json.loads(text)


def _summary(end: RunEnd) -> dict[str, Any]:
    tally = end.tally
    return {
        "files": tally.files,
        "errors": tally.errors,
        "warnings": tally.warnings,
        "infos": tally.infos,
        "unreadable": tally.unreadable,
        "run_errors": list(end.run_errors),
        "exit_code": end.exit_code,
    }


def to_document(run: RunResult) -> dict[str, Any]:
    """The output as a plain dict, keys in their documented order.

    ``configs`` (the config files the run read) is there only when the run read one:
    it was added to version 1 as an optional key.
    """
    end = run.end()
    document: dict[str, Any] = {
        "version": VERSION,
        "diagnostics": [d.to_json() for d in run.diagnostics],
        "summary": _summary(end),
    }
    if run.configs:
        document["configs"] = [c.to_json() for c in run.configs]
    return document


def dumped(value: Any, level: int = 0) -> str:
    """``value`` as the whole document's ``json.dumps(indent=2)`` writes it at depth
    ``level`` (its first line not indented), control characters escaped."""
    text = json.dumps(value, ensure_ascii=False, indent=2).translate(JSON_CONTROL_ESCAPES)
    return text.replace("\n", "\n" + "  " * level) if level else text


class Stream:
    """The JSON document, written finding by finding.

    Pretty-printed UTF-8 JSON (not ``\\u`` escapes: the messages are Chinese), exactly
    as ``json.dumps(document, indent=2)`` prints it. JSON escapes the control characters
    below 0x20; DEL and the C1 controls (which some terminals obey) are escaped too, so
    that no raw control byte reaches a terminal. The findings of whole-run rules close
    the ``diagnostics`` list.
    """

    def __init__(self, lang: str = "zh") -> None:
        self._first = True

    def begin(self) -> str:
        return f'{{\n  "version": {VERSION},\n  "diagnostics": ['

    def _items(self, diagnostics: Iterable[Diagnostic]) -> str:
        out = []
        for diagnostic in diagnostics:
            out.append(("\n    " if self._first else ",\n    ") + dumped(diagnostic.to_json(), 2))
            self._first = False
        return "".join(out)

    def file(self, result: FileResult, fail_on: Severity) -> str:
        return self._items(result.diagnostics)

    def end(self, end: RunEnd) -> Iterator[str]:
        closing = self._items(end.across)
        closing += "]" if self._first else "\n  ]"
        closing += ',\n  "summary": ' + dumped(_summary(end), 1)
        if end.configs:
            closing += ',\n  "configs": ' + dumped([c.to_json() for c in end.configs], 1)
        yield closing + "\n}\n"


def render(run: RunResult) -> str:
    """The whole document for a run held in memory (see :class:`Stream`)."""
    from xxgk_lint.formatters import stream_run

    return "".join(stream_run(Stream(run.lang), run))
