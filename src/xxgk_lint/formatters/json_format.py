"""The ``json`` format: version 2 of the documented, machine-readable check output.

The shape is frozen by ``xxgk_lint/schemas/check-output-v2.schema.json``; scripts and
dashboards parse it, so a change that the v2 schema would reject needs a new ``version``.
Version 2 added what the rules verified: per report its ``checks`` (pass, fail,
not_assessable, uncertain, with the cells involved), their count in the summary, and per
finding its ``related`` places. The v1 schema (what 0.1.0 printed) still ships.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from xxgk_lint.engine.checks import Check, places
from xxgk_lint.engine.diagnostics import Diagnostic, Severity
from xxgk_lint.engine.results import FileResult, RunEnd, RunResult
from xxgk_lint.formatters import decoded, escape_json_controls
from xxgk_lint.formatters.pieces import EntrySpool, Rendered, given

VERSION = 2
SCHEMA_RESOURCE = "schemas/check-output-v2.schema.json"


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of this output, as shipped inside the package."""
    from importlib.resources import files

    text = files("xxgk_lint").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return json.loads(text)


def _summary(end: RunEnd) -> dict[str, Any]:
    """The run's counts. ``timed_out`` (files read whose check ran over ``--timeout``,
    not counted as ``unreadable``) is there only when there are some: the v2 schema
    has it as an optional key, and a run without such files prints what it printed
    before the key was added."""
    tally = end.tally
    out: dict[str, Any] = {
        "files": tally.files,
        "errors": tally.errors,
        "warnings": tally.warnings,
        "infos": tally.infos,
        "unreadable": tally.unreadable,
    }
    if tally.timed_out:
        out["timed_out"] = tally.timed_out
    out["run_errors"] = list(end.run_errors)
    out["exit_code"] = end.exit_code
    out["checks"] = dict(tally.checks)
    return out


def diagnostic_json(diagnostic: Diagnostic, checks: Sequence[Check] = ()) -> dict[str, Any]:
    """A finding, with (when it has some) the other places it is about: ``related`` —
    another report's cell (XG6xx), the cells on the other side of a failed identity."""
    out = diagnostic.to_json()
    others = places(diagnostic, checks)
    if others:
        out["related"] = [place.to_json() for place in others]
    return out


def to_document(run: RunResult) -> dict[str, Any]:
    """The output as a plain dict, keys in their documented order (what :func:`render`
    prints)."""
    return json.loads(render(run))


def dumped(value: Any, level: int = 0) -> str:
    """``value`` as the whole document's ``json.dumps(indent=2)`` writes it at depth
    ``level`` (its first line not indented), control characters escaped."""
    text = escape_json_controls(json.dumps(value, ensure_ascii=False, indent=2))
    return text.replace("\n", "\n" + "  " * level) if level else text


#: One check on one line: ``json``'s C encoder (it is used only without ``indent``), the
#: separators of the pretty-printed document.
_ONE_LINE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def _one_line_encoder() -> Callable[[Any], str]:
    """What ``_ONE_LINE.encode`` does for a dict, with the C encoder made once.

    ``JSONEncoder.encode`` builds a new C encoder (and its Python wrappers) for every
    value: with some fifty checks a report, that was a tenth of rendering a report's
    entry. The arguments are those ``JSONEncoder.iterencode`` gives it for ``_ONE_LINE``
    (no circular check: a check's dict is a fresh tree). Where CPython's accelerator is
    missing, ``_ONE_LINE.encode`` itself.
    """
    from json.encoder import encode_basestring

    try:
        from _json import make_encoder
    except ImportError:  # pragma: no cover - CPython always has it
        return _ONE_LINE.encode
    encode = make_encoder(
        None, _ONE_LINE.default, encode_basestring, None, ": ", ", ", False, False, True
    )
    return lambda value: "".join(encode(value, 0))


_encode_check = _one_line_encoder()


def report_entry(path: str, checks: Sequence[Check]) -> str:
    """A report's entry of ``reports`` at depth 2: pretty-printed, each check on one line.

    A report makes some fifty checks, each with its cells: pretty-printed in full they are
    most of the document (about 80 KB a report) and of its cost (``json`` pretty-prints in
    Python), so each is written compact, on its own line. The control characters are
    escaped once over the whole entry, not check by check (a search each).
    """
    head = '{\n      "path": ' + _ONE_LINE.encode(path)
    if not checks:
        return escape_json_controls(head + ',\n      "checks": []\n    }')
    lines = ",\n        ".join([_encode_check(c.to_json()) for c in checks])
    entry = head + ',\n      "checks": [\n        ' + lines + "\n      ]\n    }"
    return escape_json_controls(entry)


def file_pieces(result: FileResult) -> Rendered:
    """What the document says of one file: each finding's item of ``diagnostics``, and the
    file's entry of ``reports`` (UTF-8) — rendered where the file was checked with
    ``--jobs`` (see :mod:`xxgk_lint.formatters.pieces`)."""
    checks = result.checks
    items = tuple(dumped(diagnostic_json(d, checks), 2) for d in result.diagnostics)
    return Rendered(result.diagnostics, items, report_entry(result.path, checks).encode("utf-8"))


class Stream:
    """The JSON document, written finding by finding.

    Pretty-printed UTF-8 JSON (not ``\\u`` escapes: the messages are Chinese), as
    ``json.dumps(document, indent=2)`` prints it — but for the reports' checks, each
    written on one line (:func:`report_entry`). JSON escapes the control characters
    below 0x20; DEL and the C1 controls (which some terminals obey) are escaped too, so
    that no raw control byte reaches a terminal. The findings of whole-run rules close
    the ``diagnostics`` list; each file's checks wait in a temporary file for the
    ``reports`` list that follows it.
    """

    #: The name of this output's pieces rendered in worker processes.
    pieces = "json"

    def __init__(self, lang: str = "zh") -> None:
        self._first = True
        self._reports: EntrySpool | None = None

    def begin(self) -> str:
        return f'{{\n  "version": {VERSION},\n  "diagnostics": ['

    def _items(self, items: Iterable[str]) -> str:
        out = []
        for item in items:
            out.append(("\n    " if self._first else ",\n    ") + item)
            self._first = False
        return "".join(out)

    def file(self, result: FileResult, fail_on: Severity) -> str:
        rendered = given(result, self.pieces) or file_pieces(result)
        if self._reports is None:
            self._reports = EntrySpool()
        else:
            self._reports.write(b",\n    ")
        self._reports.write(rendered.entry)
        return self._items(rendered.kept(result.diagnostics))

    def end(self, end: RunEnd) -> Iterator[str]:
        return decoded(self.end_encoded(end))

    def end_encoded(self, end: RunEnd) -> Iterator[str | bytes]:
        """:meth:`end`, the spooled report entries left as the UTF-8 they were written
        in (a writer of bytes writes them as they are: some 80 KB a report, not decoded
        and encoded again)."""
        closing = self._items(dumped(diagnostic_json(d), 2) for d in end.across)
        closing += "]" if self._first else "\n  ]"
        closing += ',\n  "reports": ['
        yield closing
        if self._reports is not None:
            yield "\n    "
            yield from self._reports.replay()
            yield "\n  ]"
        else:
            yield "]"
        closing = ',\n  "summary": ' + dumped(_summary(end), 1)
        if end.configs:
            closing += ',\n  "configs": ' + dumped([c.to_json() for c in end.configs], 1)
        if end.baseline:
            closing += ',\n  "baseline": ' + dumped([use.to_json() for use in end.baseline], 1)
        yield closing + "\n}\n"


def render(run: RunResult) -> str:
    """The whole document for a run held in memory (see :class:`Stream`)."""
    from xxgk_lint.formatters import stream_run

    return "".join(stream_run(Stream(run.lang), run))
