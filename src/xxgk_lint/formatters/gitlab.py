"""The ``gitlab`` format: a GitLab Code Quality report, shown on merge requests.

A JSON array with one object per finding, in the subset of the Code Climate spec that
GitLab documents (https://docs.gitlab.com/ci/testing/code_quality/): ``description``,
``check_name``, ``fingerprint``, ``severity`` (``info``, ``minor``, ``major``,
``critical``, ``blocker``) and ``location.path`` with ``location.lines.begin``.

GitLab compares reports of two pipelines by ``fingerprint`` and shows only one finding per
fingerprint, so each must be unique in a report and stable across edits that move lines:
it is made of :meth:`Diagnostic.fingerprint` (the code, the report's body and year — else
its path — and the finding's subject; no line number) and the file's path, so the HTML and
the PDF copy of one report keep findings of their own; the second finding of one
fingerprint in a file gets one made from it and its rank, and so on. Problems of the run
itself have no place in this format: they go to stderr, as with every machine format.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

from xxgk_lint.engine.diagnostics import Diagnostic, Severity
from xxgk_lint.engine.results import FileResult, RunEnd, RunResult
from xxgk_lint.formatters import display_path

#: The severities GitLab knows, from least to most severe.
SEVERITIES = ("info", "minor", "major", "critical", "blocker")
LEVELS = {Severity.INFO: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}
#: Findings that mean a file was not checked at all (XG001) or a rule is broken (XG009):
#: exit code 2, shown above every error.
CRITICAL_CODES = ("XG001", "XG009")


def issue(diagnostic: Diagnostic, fingerprint: str) -> dict[str, Any]:
    """The Code Quality object of one finding."""
    description = diagnostic.message
    if diagnostic.where:
        description += f" [{diagnostic.where}]"
    severity = LEVELS[diagnostic.severity]
    if diagnostic.code in CRITICAL_CODES and diagnostic.severity == Severity.ERROR:
        severity = "critical"
    return {
        "description": description,
        "check_name": f"{diagnostic.code} {diagnostic.name}",
        "fingerprint": fingerprint,
        "severity": severity,
        "location": {
            "path": display_path(diagnostic.path),
            "lines": {"begin": max(diagnostic.line, 1)},
        },
    }


class Stream:
    """The array, written finding by finding (whole-run rules' findings last)."""

    def __init__(self, lang: str = "zh") -> None:
        self._first = True

    def begin(self) -> str:
        return "["

    def _items(self, diagnostics: Iterable[Diagnostic]) -> str:
        from xxgk_lint.formatters.json_format import dumped

        seen: dict[str, int] = {}  # per file (a fingerprint names its file)
        out = []
        for diagnostic in diagnostics:
            base = _of_file(diagnostic)
            rank = seen.get(base, 0) + 1
            seen[base] = rank
            fingerprint = base if rank == 1 else _ranked(base, rank)
            text = dumped(issue(diagnostic, fingerprint), 1)
            out.append(("\n  " if self._first else ",\n  ") + text)
            self._first = False
        return "".join(out)

    def file(self, result: FileResult, fail_on: Severity) -> str:
        return self._items(result.diagnostics)

    def end(self, end: RunEnd) -> Iterator[str]:
        closing = self._items(end.across)
        yield closing + ("]\n" if self._first else "\n]\n")


def _of_file(diagnostic: Diagnostic) -> str:
    """The finding's fingerprint, made unique to its file as ``location.path`` names it
    (a run given ``reports/`` and one given ``$CI_PROJECT_DIR/reports`` agree)."""
    path = display_path(diagnostic.path)
    basis = f"{diagnostic.fingerprint(path)}|{path}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


def _ranked(fingerprint: str, rank: int) -> str:
    return hashlib.sha256(f"{fingerprint}|{rank}".encode()).hexdigest()[:32]


def render(run: RunResult) -> str:
    """The report for a run held in memory (see :class:`Stream`)."""
    from xxgk_lint.formatters import stream_run

    return "".join(stream_run(Stream(run.lang), run))
