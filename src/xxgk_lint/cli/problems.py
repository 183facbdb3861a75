"""What a run could not check, said on stderr as it comes: each file that could not be
read (its XG001 message), each run error (a path skipped, a rule that crashed) and each
plugin rule's invalid output (its XG009 message): all that makes the exit code 2.

``export`` and ``report`` write no text report, so they always say it; ``check`` does when
stdout carries a machine format or ``--quiet`` leaves the text report out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from xxgk_lint.cli.output import error_line
from xxgk_lint.engine.results import PLUGIN_ERROR
from xxgk_lint.formatters import plural

if TYPE_CHECKING:
    from xxgk_lint.cli.progress import Progress
    from xxgk_lint.engine.diagnostics import Diagnostic, Severity
    from xxgk_lint.engine.results import FileResult, RunEnd
    from xxgk_lint.engine.runner import Runner


class Problems:
    """A sink (see :mod:`xxgk_lint.engine.drive`) that names on stderr, as the files come,
    each file that could not be read (its XG001 message, in the run's language), each
    run error and each XG009 finding (``path: message``; a batch job that exits 2 sees
    why without reading the output). With a progress bar, the bar is cleared for each
    line and drawn again under it.

    :meth:`finish`, once the run is over, names the run errors and XG009 findings that
    came after the last file (the whole-run rules').
    """

    def __init__(self, runner: Runner, meter: Progress | None) -> None:
        self.runner = runner
        self.meter = meter
        self.said = 0  # run errors already named

    def file(self, result: FileResult, fail_on: Severity) -> None:
        errors = self.runner.run_errors
        lines = list(errors[self.said :])
        self.said = len(errors)
        if result.unreadable:
            lines.append(f"{result.path}: {result.problem(self.runner.lang)}")
        lines += plugin_errors(result.diagnostics)
        if not lines:
            return
        if self.meter is not None:
            with self.meter.cleared():
                _say(lines)
        else:
            _say(lines)

    def end(self, end: RunEnd) -> None:
        pass  # see finish(): the bar is gone by then

    def finish(self, end: RunEnd) -> None:
        _say([*end.run_errors[self.said :], *plugin_errors(end.across)])
        self.said = len(end.run_errors)


def plugin_errors(diagnostics: Iterable[Diagnostic]) -> list[str]:
    """The line naming each XG009 finding among ``diagnostics``: ``path: message``."""
    return [f"{d.path}: {d.message}" for d in diagnostics if d.code == PLUGIN_ERROR]


def _say(lines: Any) -> None:
    for line in lines:
        error_line(line)


def closing_counts(end: RunEnd) -> str:
    """``8 files unreadable, 2 run errors, 1 plugin error`` (the unreadable files always;
    files over ``--timeout``, run errors and XG009 findings when there are some), in the
    run's language: the end of ``export``'s and ``report``'s closing line."""
    from xxgk_lint.formatters.text import timed_out_text

    timed_out = end.tally.timed_out
    unreadable, errors = end.tally.unreadable, len(end.run_errors)
    invalid = end.tally.plugin_errors
    if end.lang == "en":
        parts = [plural(unreadable, "file") + " unreadable"]
        if timed_out:
            parts.append(timed_out_text(timed_out, "en"))
        if errors:
            parts.append(plural(errors, "run error"))
        if invalid:
            parts.append(plural(invalid, "plugin error"))
        return ", ".join(parts)
    parts = [f"{unreadable} 个文件无法读取"]
    if timed_out:
        parts.append(timed_out_text(timed_out, "zh"))
    if errors:
        parts.append(f"{errors} 个运行错误")
    if invalid:
        parts.append(f"{invalid} 个插件错误")
    return "，".join(parts)
