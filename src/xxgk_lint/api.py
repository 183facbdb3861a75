"""A small public API for running xxgk-lint on an existing distributed engine.

``check`` walks folders on one machine (``--jobs`` uses its cores). For corpora of
millions of reports, spread over many machines, hand the files to an engine that already
schedules work — Dask, Ray, Spark, a queue — and call :func:`check_bytes` on each: it
takes a file's name and bytes, returns a picklable
:class:`~xxgk_lint.engine.results.FileResult`, and keeps per process only what it loads
once (the rules, per config). Then :func:`check_run` runs the whole-run rules over the
results and :func:`render` writes them in any format ``check`` has, byte for byte what
``check`` would print for the same files in the same order::

    from xxgk_lint import api

    names = api.discover(["reports/"])
    results = [api.check_bytes(name, Path(name).read_bytes()) for name in names]
    print(api.render("json", results), end="")

The Dask recipe is in docs/api.md (extra ``[dask]``). Time limits (``rule-timeout``,
``timeout``) need the main thread of a process, and a distributed engine runs tasks in
worker threads: there they are not enforced.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from xxgk_lint.engine.config import Config, ConfigResolver, Overrides, load_file
from xxgk_lint.engine.diagnostics import Diagnostic, RuleMeta
from xxgk_lint.engine.results import FileResult, RunResult
from xxgk_lint.engine.runner import Runner, read_across_lines

__all__ = ["check_bytes", "check_run", "discover", "render", "result_run"]

#: A config: ``None`` (the defaults), the path of a config file (applied in full, as
#: ``--config`` is), or a :class:`~xxgk_lint.engine.config.Config`.
ConfigLike = Config | str | os.PathLike[str] | None


class _Fixed(ConfigResolver):
    """A resolver that gives every file one config."""

    def __init__(self, config: Config) -> None:
        super().__init__(None, Overrides(), isolated=True)
        self.config = config

    def config_path_for(self, path: Path) -> Path | None:
        return None

    def for_file(self, path: Path) -> Config:
        return self.config


_runners: dict[str, Runner] = {}
_lock = threading.Lock()


def _config(config: ConfigLike) -> Config:
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    return load_file(Path(config))


def _runner(config: ConfigLike, timeout: float | None = None) -> Runner:
    """One runner per config and process: the rules are loaded once, not per file."""
    resolved = _config(config)
    key = f"{resolved!r}|{timeout!r}"
    with _lock:
        runner = _runners.get(key)
        if runner is None:
            runner = Runner(_Fixed(resolved), resolved.lang, timeout=timeout)
            runner.registry_for(resolved)  # raises ConfigError for a bad selector
            _runners[key] = runner
    return runner


def check_bytes(
    name: str | os.PathLike[str],
    data: bytes,
    config: ConfigLike = None,
    *,
    timeout: float | None = None,
) -> FileResult:
    """Check one file given as bytes; ``name`` is what findings call it (and its ending
    picks the reader). Picklable; raises ConfigError for a broken config, TypeError for
    ``data`` that is not bytes (text has no encoding to check).

    Problems of the run (a rule that crashed, a plugin of ``config`` that failed to load
    in this process) are in the result's ``errors``; what the
    whole-run rules keep of the report is in its ``facts``.
    """
    name = os.fspath(name)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"check_bytes: data must be bytes, not {type(data).__name__}")
    data = bytes(data)
    runner = _runner(config, timeout)
    config_object = runner.resolver.for_file(Path(name))
    with _lock:  # a runner checks one file at a time (threads of one worker share it)
        checked = runner.check_path(name, True, data)
    registry = runner.registry_for(config_object)
    metas = tuple(registry.rules[code].meta for code in checked.rules)
    # A plugin that failed to load in this process (installed on the client, missing on
    # the worker) is a problem of every file checked here: carried in the result, the
    # run that collects it exits 2 with the message, as ``check`` does, instead of every
    # file passing without the plugin's rules.
    errors = _merged(registry.errors, checked.result.errors)
    return replace(checked.result, rules_run=_Rules(metas), facts=checked.facts, errors=errors)


@functools.cache
def _builtin_metas() -> dict[str, RuleMeta]:
    """The built-in rules' declarations by code, as this process loaded them: looked up
    once (each result pickled or unpickled asks; a registry lookup for a new ``Config()``
    each time was kept by the runner, one entry a result). Read only."""
    registry = _runner(None).registry_for(Config())
    return {code: rule.meta for code, rule in registry.rules.items()}


class _Rules(tuple[RuleMeta, ...]):
    """A result's ``rules_run``, pickled small: a built-in rule as its code (its
    declaration — messages and documentation in two languages — is some 1.6 KB, 28 of them
    three quarters of a whole result), a plugin's or one that differs in full. The process
    that unpickles it has the same built-in rules (the same xxgk-lint on client and
    workers) and gets declarations equal to the worker's."""

    __slots__ = ()

    def __reduce__(self) -> tuple[object, tuple[tuple[str | RuleMeta, ...]]]:
        builtin = _builtin_metas()
        return (_rules, (tuple(_ref(meta, builtin.get(meta.code)) for meta in self),))


def _ref(meta: RuleMeta, builtin: RuleMeta | None) -> str | RuleMeta:
    return meta.code if builtin is not None and (builtin is meta or builtin == meta) else meta


def _rules(items: tuple[str | RuleMeta, ...]) -> tuple[RuleMeta, ...]:
    """``rules_run`` again from what :class:`_Rules` pickled."""
    builtin = _builtin_metas() if any(isinstance(i, str) for i in items) else {}
    return _Rules(builtin[i] if isinstance(i, str) else i for i in items)


def _merged(*groups: Iterable[str]) -> tuple[str, ...]:
    """The lines of ``groups`` in order, each once (a plugin's load failure is met on
    every file of a worker, and again by the process that collects the results)."""
    return tuple(dict.fromkeys(line for group in groups for line in group))


def check_run(results: Sequence[FileResult], config: ConfigLike = None) -> tuple[Diagnostic, ...]:
    """The findings of the whole-run rules over ``results`` (in their order), which
    ``check`` writes after the files'."""
    resolved = _config(config)
    return Runner(_Fixed(resolved), resolved.lang).whole_run(results)


def result_run(
    results: Sequence[FileResult],
    config: ConfigLike = None,
    *,
    across: Iterable[Diagnostic] = (),
    errors: Sequence[str] = (),
) -> RunResult:
    """``results`` as one :class:`RunResult` (what ``check`` would have made of them);
    ``errors``: the run's problems besides the files' own (:func:`discover`'s ``skipped``).
    Its ``exit_code`` is ``check``'s."""
    resolved = _config(config)
    runner = _runner(resolved)
    registry = runner.registry_for(resolved)
    rules = tuple(registry.rules[code].meta for code in sorted(registry.rules))
    run_errors = _merged(errors, (e for r in results for e in r.errors), registry.errors)
    fail_on = runner.fail_on()
    found = tuple(across)
    # The lines the whole-run findings show, as check reads them: from the files, if there
    lines: dict[str, dict[int, str]] = {}
    read_across_lines(found, lines, lambda path: resolved)
    return RunResult(
        tuple(results), rules, fail_on, resolved.lang, run_errors, across=found, across_lines=lines
    )


def render(
    fmt: str,
    results: Sequence[FileResult],
    config: ConfigLike = None,
    *,
    across: Iterable[Diagnostic] | None = None,
    errors: Sequence[str] = (),
) -> str:
    """``results`` in format ``fmt`` (``text``, ``json``, ``sarif`` …), as ``check`` prints
    them; ``across`` defaults to :func:`check_run` over them, ``errors`` are the run's
    problems besides the files' own (:func:`discover`'s ``skipped``)."""
    from xxgk_lint.formatters import render as render_run

    if across is None:
        across = check_run(results, config)
    return render_run(fmt, result_run(results, config, across=across, errors=errors))


def discover(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    config: ConfigLike = None,
    *,
    skipped: list[str] | None = None,
) -> list[str]:
    """The report files under ``paths`` (a path, or several), in the order ``check`` checks
    them: the same walk, ``extensions`` and ``exclude``, each file once.

    Raises FileNotFoundError for a path that does not exist, as ``check`` stops on one.
    What the walk skips (a FIFO, a link to nothing, a folder it cannot read …) is not
    checked: with ``skipped`` given, a line for each is appended to it — what ``check``
    reports as run errors; pass them to :func:`render` (``errors=``).
    """
    from xxgk_lint.engine.walk import Skipped
    from xxgk_lint.engine.walk import discover as walk

    several = [paths] if isinstance(paths, (str, os.PathLike)) else paths
    named = [os.fspath(path) for path in several]
    for path in named:
        if not os.path.lexists(path):
            raise FileNotFoundError(f"{path}: no such file or directory")
    resolved = _config(config)
    found = []
    for item in walk(named, _Fixed(resolved)):
        if isinstance(item, Skipped):
            if skipped is not None:
                skipped.append(item.message(resolved.lang))
            continue
        found.append(str(item.path))
    return found
