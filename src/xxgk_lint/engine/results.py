"""The result of one run: what the runner hands to every formatter.

Formatters receive the run one file at a time (:class:`FileResult`, as soon as that file
and every file before it are done) and then its end (:class:`RunEnd`: totals, run errors,
the findings of whole-run rules); or a whole :class:`RunResult` at once, which is the same
thing held in memory. They never re-run rules, re-read files or exit. Everything a
formatter may need (source lines for snippets, the rules that ran for JUnit's passing
cases and SARIF's rule list) is here. A :class:`FileResult` is picklable: worker
processes send it back to the process that writes the output.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import field
from typing import TYPE_CHECKING, Any

from xxgk_lint.engine.checks import STATUSES, Check
from xxgk_lint.engine.checks import count as count_checks
from xxgk_lint.engine.diagnostics import Diagnostic, RuleMeta, Severity
from xxgk_lint.records import record

if TYPE_CHECKING:
    from xxgk_lint.engine.baseline import BaselineUse

#: XG009 plugin-error: a finding about a plugin, not the report; it makes the exit code 2.
PLUGIN_ERROR = "XG009"


@record(eq=False)
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


@record
class FileResult:
    """One checked file.

    ``diagnostics`` are sorted by position. ``rules_run`` are the rules that ran on this
    file (enabled and not ignored for it), in code order. ``source_lines`` are the lines of
    the original file (for text and HTML) or of the extracted text (for .docx/PDF), for
    source snippets; empty when the file could not be read. A run keeps only the lines its
    findings point at: the others are empty strings (the tuple keeps its length, so that
    ``source_lines[line - 1]`` still finds a finding's line). ``kind`` is the reader used
    (``text``, ``html``, ``docx``, ``pdf``), ``None`` when unreadable.

    New fields always get a default, so that code which builds a FileResult keeps working.
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
    #: What the report says of itself (``None`` when unreadable or not stated): for the
    #: per-file summary, the export and the audit page.
    agency: str | None = None
    year: int | None = None
    format_version: str | None = None
    title: str | None = None
    #: Problems of the run met while checking this file (a rule that crashed or ran over
    #: its time limit), one line each, in the user's language. The runner moves them into
    #: the run's ``run_errors``, in file order.
    errors: tuple[str, ...] = ()
    #: What the rules verified on this report: every identity instance and cross-check,
    #: with its status (pass, fail, not_assessable, uncertain), in the order recorded
    #: (from the runner, a :class:`~xxgk_lint.engine.checks.Checks`: some made when read).
    checks: Sequence[Check] = ()
    #: What the run's ``extract`` function took from the report (``export``: its cells);
    #: ``None`` when the run has none or the file could not be read.
    extract: Any = None
    #: What whole-run rules keep of the report, by rule code (set by
    #: :func:`xxgk_lint.api.check_bytes`, for :func:`xxgk_lint.api.check_run`; a run of
    #: the command line keeps them apart and leaves this ``None``).
    facts: Any = None
    #: Checks per status, when ``checks`` stayed in the worker process that checked the
    #: file (``check --jobs N``: no output of the run lists them, or a worker already
    #: wrote the part that does); ``None`` when ``checks`` holds them all.
    check_counts: dict[str, int] | None = None
    #: What a worker process already rendered of this file, by output (see
    #: :mod:`xxgk_lint.formatters.pieces`); ``None``: the output renders it itself.
    rendered: dict[str, Any] | None = None
    #: True when the file was read but its check did not finish within ``--timeout``
    #: (``unreadable`` too: it has XG001, naming the limit and the rule that was running);
    #: the closing lines count it apart, as the unreadable files it is not.
    timed_out: bool = False

    def problem(self, lang: str = "zh") -> str | None:
        """Why the file could not be read — its XG001 message, as ``check`` prints it — or
        ``None`` for a file that was read (the export's ``problem``, the lines on stderr)."""
        if not self.unreadable:
            return None
        for diagnostic in self.diagnostics:
            if diagnostic.code == UNREADABLE_CODE:
                return diagnostic.message
        return "无法读取为年度报告" if lang == "zh" else "cannot be read as an annual report"

    def status(self, fail_on: Severity) -> str:
        """``timed-out``, ``unreadable``, ``fail`` (a finding at or above ``fail_on``) or
        ``pass`` (see :data:`STATUS_WORDS`)."""
        if self.timed_out:
            return TIMED_OUT
        if self.unreadable:
            return UNREADABLE
        if any(d.severity >= fail_on for d in self.diagnostics):
            return FAIL
        return PASS


#: A file's status (:meth:`FileResult.status`), as the summary, export and audit page say
#: it. A file over ``--timeout`` was read, and has XG001 as an unreadable file has, but
#: it is ``timed-out``: the report is not at fault, and a larger ``--timeout`` lets its
#: check finish.
PASS, FAIL, UNREADABLE, TIMED_OUT = "pass", "fail", "unreadable", "timed-out"
#: The statuses in their order (the audit page sorts by it), each in the word a table
#: cell shows (``--summary``, the audit page), in Chinese and English.
STATUS_WORDS: dict[str, dict[str, str]] = {
    PASS: {"zh": "通过", "en": "pass"},
    FAIL: {"zh": "未通过", "en": "fail"},
    UNREADABLE: {"zh": "无法读取", "en": "unreadable"},
    TIMED_OUT: {"zh": "未检查完", "en": "not finished"},
}
#: What ``timed-out`` means, where there is room to say it (the per-file lines, the
#: closing lines' count, the audit page's tooltip).
NOT_FINISHED: dict[str, str] = {
    "zh": "未在 --timeout 时限内检查完",
    "en": "not finished within --timeout",
}
#: XG001 unreadable-input: the finding of a file that could not be checked as a report.
UNREADABLE_CODE = "XG001"


def status_with(status: str, fail_on: Severity, across: Iterable[Diagnostic]) -> str:
    """A file's status once the whole-run rules' findings on it (``across``) count too:
    a passing file fails when one of them is at or above its ``fail-on``."""
    if status == PASS and any(d.severity >= fail_on for d in across):
        return FAIL
    return status


def across_by_path(across: Iterable[Diagnostic]) -> dict[str, list[Diagnostic]]:
    """The whole-run rules' findings grouped by the file each is on."""
    grouped: dict[str, list[Diagnostic]] = {}
    for diagnostic in across:
        grouped.setdefault(diagnostic.path, []).append(diagnostic)
    return grouped


def kept_lines(
    lines: Sequence[str], wanted: Iterable[int], count: int | None = None
) -> tuple[str, ...]:
    """``lines`` with every line but the ``wanted`` ones (1-based) emptied. ``count``: the
    file's number of lines, when ``lines`` holds only its first ones (up to the last
    wanted line at least).

    A run over thousands of files keeps only the lines its findings show, not whole
    files; the tuple keeps its length so that line numbers still index it. (Made as
    blanks with the few wanted lines put in: a loop over every line cost as much as
    some rules.)
    """
    kept = [""] * (len(lines) if count is None else count)
    for number in set(wanted):
        if 1 <= number <= len(kept):
            kept[number - 1] = lines[number - 1]
    return tuple(kept)


@record(eq=False, frozen=False)
class Tally:
    """Counts over a run, added to file by file: what the summary line and exit code need.

    A streaming run keeps this instead of its files.
    """

    files: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    #: Files that could not be read (status ``unreadable``: XG001).
    unreadable: int = 0
    #: Whether a finding was at or above its file's ``fail-on``.
    failed: bool = False
    #: Whether a rule yielded something invalid (XG009): exit code 2.
    plugin_error: bool = False
    #: Findings per rule, ``(code, name) → count``, in the order first met.
    by_rule: dict[tuple[str, str], int] = field(default_factory=dict)
    #: Checks per status (pass, fail, not_assessable, uncertain), zeros included.
    checks: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    #: Files that were read but whose check ran over ``--timeout`` (status ``timed-out``;
    #: XG001 too, but not counted as ``unreadable``).
    timed_out: int = 0

    def add_file(self, result: FileResult, fail_on: Severity) -> None:
        self.files += 1
        if result.timed_out:
            self.timed_out += 1
        elif result.unreadable:
            self.unreadable += 1
        if result.check_counts is not None:
            for status, number in result.check_counts.items():
                self.checks[status] = self.checks.get(status, 0) + number
        if result.checks:  # (counted: a deferred check is not made to be counted)
            for status, number in count_checks(result.checks).items():
                if number:
                    self.checks[status] = self.checks.get(status, 0) + number
        self.add(result.diagnostics, fail_on)

    def add(self, diagnostics: Iterable[Diagnostic], fail_on: Severity) -> None:
        for diagnostic in diagnostics:
            severity = diagnostic.severity
            if severity == Severity.ERROR:
                self.errors += 1
            elif severity == Severity.WARNING:
                self.warnings += 1
            else:
                self.infos += 1
            if severity >= fail_on:
                self.failed = True
            if diagnostic.code == PLUGIN_ERROR:
                self.plugin_error = True
            key = (diagnostic.code, diagnostic.name)
            self.by_rule[key] = self.by_rule.get(key, 0) + 1

    def count(self, severity: Severity) -> int:
        return {Severity.ERROR: self.errors, Severity.WARNING: self.warnings}.get(
            severity, self.infos
        )

    @property
    def plugin_errors(self) -> int:
        """How many XG009 findings were counted: each makes the exit code 2, so the
        closing lines name their number next to the run errors."""
        return sum(n for (code, _), n in self.by_rule.items() if code == PLUGIN_ERROR)

    def exit_code(self, run_errors: Iterable[str] = (), exit_zero: bool = False) -> int:
        """0 clean, 1 findings at or above ``fail-on``, 2 unreadable input, a file over
        ``--timeout``, a plugin error (XG009) or run errors; 0 whatever was found with
        ``exit_zero`` (``--exit-zero``: the findings, XG001 and XG009 among them, and the
        run's problems are all in the output; what stops a run before it checks anything
        still exits 2)."""
        if exit_zero:
            return 0
        if self.unreadable or self.timed_out or self.plugin_error or any(True for _ in run_errors):
            return 2
        return 1 if self.failed else 0


@record(eq=False)
class RunEnd:
    """What a run knows once every file is done: what a formatter writes at the end.

    ``across`` are the findings of whole-run rules (rules that compare reports): each
    belongs to a file (``Diagnostic.path``) whose output may already be written, so every
    format writes them after the per-file output (see docs/output-formats.md).
    ``tally`` counts them too.
    """

    rules: tuple[RuleMeta, ...]
    tally: Tally
    fail_on: Severity = Severity.ERROR
    lang: str = "zh"
    run_errors: tuple[str, ...] = ()
    configs: tuple[ConfigUse, ...] = ()
    across: tuple[Diagnostic, ...] = ()
    #: ``--exit-zero``: findings never make the exit code 1.
    exit_zero: bool = False
    #: Lines of the files that ``across`` findings point at, by path (line → text).
    across_lines: dict[str, dict[int, str]] = field(default_factory=dict)
    #: What each baseline did (findings hidden, entries that no longer match); the hidden
    #: findings were never written.
    baseline: tuple[BaselineUse, ...] = ()

    @property
    def exit_code(self) -> int:
        return self.tally.exit_code(self.run_errors, self.exit_zero)


@record
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
    #: The findings of whole-run rules, written after the files (see :class:`RunEnd`).
    across: tuple[Diagnostic, ...] = field(default=())
    #: ``--exit-zero``: findings never make the exit code 1.
    exit_zero: bool = False
    #: Lines of the files that ``across`` findings point at, by path (line → text).
    across_lines: dict[str, dict[int, str]] = field(default_factory=dict)
    #: What each baseline did (findings hidden, entries that no longer match); the hidden
    #: findings are not in ``files`` or ``across``.
    baseline: tuple[BaselineUse, ...] = ()

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Every finding: file by file, then those of whole-run rules."""
        return [*(d for f in self.files for d in f.diagnostics), *self.across]

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

    def fail_on_of(self, path: str) -> Severity:
        """The ``fail-on`` of the file at ``path`` (the run's for a path not checked)."""
        for result in self.files:
            if result.path == path:
                return self.fail_on_for(result)
        return self.fail_on

    @property
    def failed(self) -> bool:
        """Whether any finding is at or above its file's ``fail_on``."""
        return self.tally().failed

    def tally(self) -> Tally:
        tally = Tally()
        for result in self.files:
            tally.add_file(result, self.fail_on_for(result))
        for diagnostic in self.across:
            tally.add((diagnostic,), self.fail_on_of(diagnostic.path))
        return tally

    def end(self) -> RunEnd:
        """The run's end, as a streaming run hands it to the formatters."""
        return RunEnd(
            self.rules,
            self.tally(),
            self.fail_on,
            self.lang,
            self.run_errors,
            self.configs,
            self.across,
            self.exit_zero,
            self.across_lines,
            self.baseline,
        )

    @property
    def exit_code(self) -> int:
        """0 clean, 1 findings at or above ``fail_on``, 2 unreadable input, a file over
        ``--timeout``, a plugin error (XG009) or run errors."""
        return self.tally().exit_code(self.run_errors, self.exit_zero)
