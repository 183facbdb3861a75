"""Drive a run into its outputs, file by file: the loop ``check``, ``report``, ``export`` and
the API share.

Each :class:`~xxgk_lint.engine.results.FileResult` goes to every sink as soon as the
runner yields it, and is then dropped; the sinks get the run's
:class:`~xxgk_lint.engine.results.RunEnd` at the end. The run's baselines
(:meth:`Runner.baselines`) are the one place where findings are left out before anything
is written or counted: each file's findings, then the whole-run rules', go through them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.engine.results import FileResult, RunEnd, Tally

if TYPE_CHECKING:
    from xxgk_lint.engine.runner import Runner


class Sink(Protocol):
    """Where a run goes: an output format, a progress bar, an export, a page."""

    def file(self, result: FileResult, fail_on: Severity) -> None: ...

    def end(self, end: RunEnd) -> None: ...


def drive(runner: Runner, sinks: Sequence[Sink], *, exit_zero: bool = False) -> RunEnd:
    """Run the planned files of ``runner`` into ``sinks``; the run's end.

    :meth:`Runner.plan` must have been called (it raises a broken config's error before
    anything is written). A baseline that cannot be read raises ConfigError when the first
    file that uses it is done.
    """
    baselines = runner.baselines()
    tally = Tally()
    for result in runner.results():
        if baselines is not None:
            result = baselines.file(result)
        fail_on = result.fail_on if result.fail_on is not None else runner.fail_on()
        tally.add_file(result, fail_on)
        for sink in sinks:
            sink.file(result, fail_on)
    across = runner.across
    if baselines is not None:
        across = baselines.across(across)
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
        baselines.uses() if baselines is not None else (),
    )
    if baselines is not None:
        runner.written_baseline = baselines.written
    for sink in sinks:
        sink.end(end)
    return end
