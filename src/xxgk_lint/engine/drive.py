"""Drive a run into its outputs, file by file: the loop ``check``, ``report``, ``export`` and
the API share.

Each :class:`~xxgk_lint.engine.results.FileResult` goes to every sink as soon as the
runner yields it, and is then dropped; the sinks get the run's
:class:`~xxgk_lint.engine.results.RunEnd` at the end. ``keep`` is the one place where
findings may be left out before anything is written or counted (a baseline of accepted
findings, say): it is given each file's findings, then the findings of the whole-run
rules, and returns those to keep.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from xxgk_lint.engine.diagnostics import Diagnostic, Severity
from xxgk_lint.engine.results import FileResult, RunEnd, Tally

if TYPE_CHECKING:
    from xxgk_lint.engine.runner import Runner

#: Given findings (one file's, or the whole-run rules'), the ones to keep, in order.
Keep = Callable[[Sequence[Diagnostic]], Iterable[Diagnostic]]


class Sink(Protocol):
    """Where a run goes: an output format, a progress bar, an export, a page."""

    def file(self, result: FileResult, fail_on: Severity) -> None: ...

    def end(self, end: RunEnd) -> None: ...


def drive(
    runner: Runner,
    sinks: Sequence[Sink],
    *,
    keep: Keep | None = None,
    exit_zero: bool = False,
) -> RunEnd:
    """Run the planned files of ``runner`` into ``sinks``; the run's end.

    :meth:`Runner.plan` must have been called (it raises a broken config's error before
    anything is written).
    """
    tally = Tally()
    for result in runner.results():
        if keep is not None:
            result = replace(result, diagnostics=tuple(keep(result.diagnostics)))
        fail_on = result.fail_on if result.fail_on is not None else runner.fail_on()
        tally.add_file(result, fail_on)
        for sink in sinks:
            sink.file(result, fail_on)
    across = runner.across
    if keep is not None:
        across = tuple(keep(across))
    runner.tally_across(tally, across)
    end = RunEnd(
        runner.rules,
        tally,
        runner.fail_on(),
        runner.lang,
        tuple(runner.run_errors),
        tuple(runner.resolver.uses()),
        across,
        exit_zero,
        runner.across_lines,
    )
    for sink in sinks:
        sink.end(end)
    return end
