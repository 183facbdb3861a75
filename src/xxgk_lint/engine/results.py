"""The result of one run: what the runner hands to every formatter.

Formatters receive a :class:`RunResult` and return a string; they never re-run rules,
re-read files or exit. Everything a formatter may need (source lines for snippets, the
rules that ran for JUnit's passing cases and SARIF's rule list) is here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from xxgk_lint.engine.checks import Check
from xxgk_lint.engine.checks import count as count_checks
from xxgk_lint.engine.diagnostics import Diagnostic, RuleMeta, Severity

if TYPE_CHECKING:
    from xxgk_lint.engine.baseline import BaselineUse

#: XG009 plugin-error: a finding about a plugin, not the report; it makes the exit code 2.
PLUGIN_ERROR = "XG009"


@dataclass(frozen=True)
class ConfigUse:
    """A config file the run read: where, whether it is trusted, which keys were not applied.

    ``trusted`` is true for the file given with ``--config`` and for one found in the
    working directory or above it; a config found inside a checked folder is not, and
    ``ignored`` lists the keys of it that were not applied (``plugins`` …; empty with
    ``--trust-configs``).
    """

    path: str
    trusted: bool
    ignored: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "trusted": self.trusted, "ignored": list(self.ignored)}


@dataclass(frozen=True)
class FileResult:
    """One checked file.

    ``diagnostics`` are sorted by position. ``rules_run`` are the rules that ran on this
    file (enabled and not ignored for it), in code order. ``source_lines`` are the lines of
    the original file (for text and HTML) or of the extracted text (for .docx/PDF), for
    source snippets; empty when the file could not be read. ``kind`` is the reader used
    (``text``, ``html``, ``docx``, ``pdf``), ``None`` when unreadable.
    """

    path: str
    diagnostics: tuple[Diagnostic, ...]
    rules_run: tuple[RuleMeta, ...]
    source_lines: tuple[str, ...] = ()
    kind: str | None = None
    #: True when the file could not be read as a report at all (XG001 was raised).
    unreadable: bool = False
    #: The ``fail-on`` of this file's config (files may have different configs).
    fail_on: Severity | None = None
    #: What the rules verified on this report: every identity instance and cross-check,
    #: with its status (pass, fail, not_assessable, uncertain), in the order recorded.
    checks: tuple[Check, ...] = ()


@dataclass(frozen=True)
class RunResult:
    """All files of one run, plus what the run was configured with."""

    files: tuple[FileResult, ...]
    rules: tuple[RuleMeta, ...]
    fail_on: Severity = Severity.ERROR
    lang: str = "zh"
    #: Problems of the run itself (a plugin that failed to import, a rule that crashed):
    #: one line each, already in the user's language. They make the exit code 2.
    run_errors: tuple[str, ...] = field(default=())
    #: The config files the run read, in the order first read.
    configs: tuple[ConfigUse, ...] = field(default=())
    #: What each baseline did (findings hidden, entries that no longer match); the hidden
    #: findings are not in ``files``.
    baseline: tuple[BaselineUse, ...] = field(default=())

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    @property
    def checks(self) -> list[Check]:
        return [c for f in self.files for c in f.checks]

    def check_counts(self) -> dict[str, int]:
        """How many checks of the run have each status (pass, fail, not_assessable,
        uncertain), zeros included."""
        return count_checks(self.checks)

    def fail_on_for(self, result: FileResult) -> Severity:
        return result.fail_on if result.fail_on is not None else self.fail_on

    @property
    def failed(self) -> bool:
        """Whether any finding is at or above its file's ``fail_on``."""
        return any(d.severity >= self.fail_on_for(f) for f in self.files for d in f.diagnostics)

    @property
    def exit_code(self) -> int:
        """0 clean, 1 findings at or above ``fail_on``, 2 unreadable input, a plugin error
        (XG009) or run errors."""
        if self.run_errors or any(f.unreadable for f in self.files):
            return 2
        if any(d.code == PLUGIN_ERROR for d in self.diagnostics):
            return 2
        return 1 if self.failed else 0
