"""Run the rules over files: discover, read, parse, check — one file at a time.

A run has two phases. :meth:`Runner.plan` walks the paths, resolves every file's config
and loads the plugins those configs name, so that a broken config stops the run before
anything is written and the number of files is known (for the progress bar). Then
:meth:`Runner.results` checks the files and yields each one's :class:`FileResult` as soon
as it and every file before it are done, in the order of the walk; the caller writes it
and drops it, so memory does not grow with the number of files. The report itself never
leaves the function that checks it: whole-run rules keep only the small
:class:`~xxgk_lint.engine.rule.ReportFacts` their ``facts`` function takes, and are
called once at the end (:attr:`Runner.across`). With ``jobs`` above 1 the files are
checked in worker processes (:mod:`xxgk_lint.engine.pool`); the results, their order and
so the output are the same as with one.

The runner is the only place that runs rules, and it runs each inside its own guard: a
rule that raises (even ``SystemExit``), runs over its time budget (``rule-timeout``) or
yields something that is not a valid finding is reported by code and name, and the other
rules' findings still come out. Whatever plugin code prints goes to stderr. Files are
never written to.
"""

from __future__ import annotations

import os
import sys
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from types import GeneratorType
from typing import TYPE_CHECKING, Any

from xxgk_lint.engine.budget import BudgetExceeded, budget, holding, relay
from xxgk_lint.engine.builtin import checked_findings, clean_text, plugin_error
from xxgk_lint.engine.checks import Check, Checks, Deferred
from xxgk_lint.engine.config import (
    Config,
    ConfigError,
    ConfigResolver,
    Overrides,
    UnknownSelectorError,
    check_selectors,
    enabled,
    rule_options,
    selector_matches,
    severity_for,
)
from xxgk_lint.engine.diagnostics import Diagnostic, RuleMeta, Severity
from xxgk_lint.engine.factstore import FactsStore, Kept, Noted, Packed
from xxgk_lint.engine.guard import captured_stdout, contained, progress, raised_at, show_traceback
from xxgk_lint.engine.pairing import scope_of
from xxgk_lint.engine.plugins import Registry, load_registry
from xxgk_lint.engine.results import UNREADABLE_CODE, FileResult, RunResult, Tally, kept_lines
from xxgk_lint.engine.rule import CheckReport, ReportFacts, Rule, RuleContext
from xxgk_lint.engine.walk import Seen, Skipped, Target, classify, discover
from xxgk_lint.parse.ast import Report, Span
from xxgk_lint.records import NamedTuple, record

if TYPE_CHECKING:
    from tempfile import TemporaryDirectory

    from xxgk_lint.engine.baseline import Baseline, RunBaselines
    from xxgk_lint.sources import Source

#: The path that stands for standard input.
STDIN = "-"

#: What a run takes from each report besides its findings (``export``: the cells). A
#: module-level function, so that it pickles for worker processes.
Extract = Callable[[Report], Any]


@record(eq=False)
class RunOptions:
    """Everything a worker process needs to check files as this process would (picklable)."""

    explicit: Path | None
    overrides: Overrides
    isolated: bool
    trust_configs: bool
    cwd: Path
    lang: str
    timeout: float | None
    extract: Extract | None = None
    #: The outputs a worker renders each file for (see :attr:`Runner.outputs`).
    outputs: tuple[str, ...] = ()
    #: Whether a worker sends each file's checks back (see :attr:`Runner.keep_checks`).
    keep_checks: bool = True
    #: The folder a worker writes each file's own part of the outputs to (see
    #: :func:`xxgk_lint.formatters.pieces.spill`); None: sent back with the result.
    spill_dir: str | None = None

    def runner(self) -> Runner:
        resolver = ConfigResolver(
            self.explicit,
            self.overrides,
            isolated=self.isolated,
            trust_configs=self.trust_configs,
            cwd=self.cwd,
        )
        return Runner(resolver, self.lang, timeout=self.timeout, extract=self.extract)


class Checked(NamedTuple):
    """One file checked (in this process or a worker): what goes back to the run.

    ``result.rules_run`` is empty here: ``rules`` names them by code, and the run fills
    in their metadata from its own registry (a worker would otherwise send every rule's
    documentation back with every file). ``facts`` are the whole-run rules' facts of the
    report, ``title`` the report's title line (``(line, text)``) for their findings'
    snippets. A worker sends the facts pickled (:class:`~.factstore.Packed`).
    """

    result: FileResult
    rules: tuple[str, ...]
    facts: dict[str, ReportFacts] | Packed | None = None
    title: tuple[int, str] | None = None


#: One planned item: a file to check (its path as a string, and whether it was named on
#: the command line), or something the walk met but cannot check.
Planned = tuple[str, bool] | Skipped


class PlannedItems:
    """The planned items of a run, in order, held compactly: the one thing a run keeps
    per file in memory until its end.

    A list of ``(path, explicit)`` tuples costs ~170 bytes a file (a 57-character path);
    here a file is its name's UTF-8 bytes, where they end (8 bytes), its folder's number
    (4) and a flag (1): ~25 bytes for ``r000123.txt``. Folders are kept once each;
    skipped items (rare) as they are. Iterating gives the items back as they were added.
    """

    _SKIPPED = 2

    def __init__(self, items: Iterable[Planned] = ()) -> None:
        self._folders: list[str] = []
        self._folder_ids: dict[str, int] = {}
        self._names = bytearray()
        self._ends = array("q")
        self._folder_of = array("I")
        self._kinds = bytearray()  # 0: found in a folder, 1: named (explicit), 2: skipped
        self._skipped: dict[int, Skipped] = {}
        #: How many of the items are files to check.
        self.files = 0
        for item in items:
            self.append(item)

    def append(self, item: Planned) -> None:
        if isinstance(item, Skipped):
            self._skipped[len(self._kinds)] = item
            folder, name, kind = 0, b"", self._SKIPPED
        else:
            path, explicit = item
            head, sep, tail = path.rpartition(os.sep)
            folder = self._folder_ids.setdefault(head + sep, len(self._folders))
            if folder == len(self._folders):
                self._folders.append(head + sep)
            name, kind = tail.encode("utf-8", "surrogatepass"), int(explicit)
            self.files += 1
        self._names += name
        self._ends.append(len(self._names))
        self._folder_of.append(folder)
        self._kinds.append(kind)

    def __len__(self) -> int:
        return len(self._kinds)

    def __iter__(self) -> Iterator[Planned]:
        start = 0
        for position, end in enumerate(self._ends):
            kind = self._kinds[position]
            if kind == self._SKIPPED:
                yield self._skipped[position]
            else:
                name = self._names[start:end].decode("utf-8", "surrogatepass")
                yield self._folders[self._folder_of[position]] + name, bool(kind)
            start = end

    def held_bytes(self) -> int:
        """The bytes of the per-item buffers (names, ends, folders, flags), for the tests
        that check a plan stays a few bytes a file."""
        arrays = (self._ends, self._folder_of)
        buffers = sum(a.buffer_info()[1] * a.itemsize for a in arrays)
        return buffers + len(self._names) + len(self._kinds)


@record(eq=False, frozen=False)
class Plan:
    """The files of a run, in order, and the configs and plugins they need (loaded)."""

    items: PlannedItems
    #: The paths the run was given.
    paths: tuple[str, ...] = ()

    @property
    def files(self) -> int:
        return self.items.files


class Runner:
    """One run over many files with one set of plugins.

    ``timeout`` bounds the seconds spent on one file (reading, parsing and its rules);
    a file over it gets XG001 naming the limit. ``jobs`` is the number of worker
    processes (1: check in this process). ``extract`` is called on every report that
    parsed; what it returns is the result's ``extract``. ``previous`` are files or
    folders read only for the facts of whole-run rules (``--previous``: last year's
    reports in a pre-commit run): never checked, nothing reported on them. ``baseline``
    replaces every config's ``baseline``; ``write_baseline`` records the run's findings
    as a baseline and hides them (:meth:`baselines`).
    """

    def __init__(
        self,
        resolver: ConfigResolver,
        lang: str = "zh",
        *,
        timeout: float | None = None,
        jobs: int = 1,
        extract: Extract | None = None,
        start_method: str | None = None,
        previous: Sequence[str] = (),
        baseline: Path | None = None,
        write_baseline: Path | None = None,
    ) -> None:
        self.resolver = resolver
        self.lang = lang
        self.timeout = timeout
        self.jobs = max(1, jobs)
        self.extract = extract
        self.start_method = start_method
        self._registries: dict[tuple, Registry] = {}
        #: id of a config → (the config, its registry), its selectors checked: the registry
        #: is found by the plugins' key once per config, not once per file (the config is
        #: kept, so that its id stays its own).
        self._by_config: dict[int, tuple[Config, Registry]] = {}
        # (config, registry) → the rules that run on every file under that config (one
        # without per-file-ignores: which rules run does not depend on the file then).
        self._enabled: dict[tuple[int, int], list[Rule]] = {}
        self._metas: dict[tuple[int, tuple[str, ...]], tuple[RuleMeta, ...]] = {}
        #: (config, rule) → the rule's settings under it (see :meth:`_rule_setting`).
        self._settings: dict[tuple[int, int], _Setting] = {}
        #: (config, its rule list) → the lineup of a file under it (see :meth:`_lineup`).
        self._lineups: dict[tuple[int, int], _Lineup] = {}
        self.run_errors: list[str] = []
        #: The rule a time limit other than its own stopped (``--timeout``), with that
        #: limit's exception: the file's XG001 names the rule that was running.
        self._stopped_in: tuple[BaseException, Rule] | None = None
        self._plan: Plan | None = None
        #: The findings of whole-run rules, once :meth:`results` is exhausted.
        self.across: tuple[Diagnostic, ...] = ()
        #: The lines whole-run findings point at, by path (line → text): each such file's
        #: title line (noted with its facts), and with :attr:`across_snippets` the others.
        self.across_lines: dict[str, dict[int, str]] = {}
        #: The ``fail-on`` of each file a whole-run finding is on.
        self._fail_on_of: dict[str, Severity] = {}
        self._all_rules: dict[str, Rule] = {}
        #: ``-`` as a path: the name it is checked under (``--stdin-filename``) and its bytes.
        self.stdin: tuple[str | None, bytes] | None = None
        #: Whether the lines whole-run findings point at are wanted (a text output shows
        #: them under the finding): they are then read again once the rules have run.
        self.across_snippets = False
        self.previous = tuple(previous)
        self.baseline = baseline
        self.write_baseline = write_baseline
        #: The baseline this run recorded (``write_baseline``), once it is done.
        self.written_baseline: Baseline | None = None
        #: The files read with ``previous`` (never written to either).
        self.previous_targets: list[Path] = []
        #: With ``jobs`` above 1: the outputs whose per-file part the workers render
        #: (keys of :func:`xxgk_lint.formatters.pieces.render`; each result then carries
        #: it in ``rendered``), and whether any output of the run still reads a result's
        #: ``checks`` (if not, the workers send their counts only: ``check_counts``).
        self.outputs: tuple[str, ...] = ()
        self.keep_checks = True
        #: Told of every report read (path, scope: body|year, ``""`` when the title names
        #: no body or year), ``previous`` ones included: the run's baselines, which key
        #: on scopes. Nothing of it is held here: a run keeps no per-file state in memory
        #: but its plan and its facts' index (:class:`FactsStore`).
        self._report_seen: list[Callable[[str, str], None]] = []

    def use_stdin(self, data: bytes, name: str | None = None) -> None:
        """Check ``data`` where ``-`` is named, as the file ``name`` (its config, its kind)."""
        self.stdin = (name, data)
        self.jobs = 1  # the bytes are here, not in a file a worker could read

    # ---- what the run is made of

    @property
    def plugin_files(self) -> list[Path]:
        """The files of every local plugin loaded in this run."""
        return [f for registry in self._registries.values() for f in registry.files]

    @property
    def targets(self) -> list[Path]:
        """The files checked (or to be checked), as found (``--output-file`` never
        overwrites them)."""
        return [Path(path) for path in self._checked_paths()]

    def _checked_paths(self) -> Iterator[str]:
        """The files of the plan, as found (one at a time: :attr:`targets` lists them)."""
        if self._plan is not None:
            for item in self._plan.items:
                if not isinstance(item, Skipped):
                    yield self._named(item[0])

    @property
    def planned(self) -> int:
        """How many files the plan holds (0 before :meth:`plan`)."""
        return self._plan.files if self._plan is not None else 0

    @property
    def rules(self) -> tuple[RuleMeta, ...]:
        """Every rule known to the run (all its configs' plugins), in code order."""
        return tuple(self._all_rules[code].meta for code in sorted(self._all_rules))

    def options(self) -> RunOptions:
        resolver = self.resolver
        return RunOptions(
            resolver.explicit,
            resolver.overrides,
            resolver.isolated,
            resolver.trust_configs,
            resolver.cwd,
            self.lang,
            self.timeout,
            self.extract,
            self.outputs,
            self.keep_checks,
        )

    def registry_for(self, config: Config) -> Registry:
        found = self._by_config.get(id(config))
        if found is not None and found[0] is config:
            return found[1]
        key = tuple(sorted((p.spec, str(p.base_dir)) for p in config.plugins))
        registry = self._registries.get(key)
        if registry is None:
            registry = self._registries[key] = load_registry(
                config.plugins, config.lang, config.rule_timeout
            )
            self.run_errors.extend(e for e in registry.errors if e not in self.run_errors)
        check_selectors(config, registry)  # (once per config, not per file)
        self._by_config[id(config)] = (config, registry)
        return registry

    def _message(self, zh: str, en: str) -> str:
        return clean_text(en if self.lang == "en" else zh)

    def fail_on(self) -> Severity:
        """The run's ``fail-on``: the flag, else the first config's."""
        configs = self.resolver.configs()
        value = configs[0].fail_on if configs else (self.resolver.overrides.fail_on or "error")
        return Severity.parse(value)

    # ---- phase 1: the plan

    def plan(self, paths: Sequence[str]) -> Plan:
        """Walk ``paths``, resolve each file's config and load its plugins.

        Raises :class:`ConfigError` for a broken config, before any file is checked.
        """
        items = PlannedItems()
        seen = Seen()  # (each file once, however often it is met)
        unknown: tuple[UnknownSelectorError, Path] | None = None
        for path in paths:
            if path == STDIN and self.stdin is not None:
                found: Target | Skipped = Target(Path(self.stdin[0] or STDIN), True)
                walked: Iterable[Target | Skipped] = (found,)
            else:
                walked = discover([path], self.resolver, seen)
            for found in walked:
                if isinstance(found, Skipped):
                    items.append(found)
                    continue
                config = self.resolver.for_file(found.path)
                try:
                    registry = self.registry_for(config)
                except UnknownSelectorError as exc:
                    # (the rest is planned: another config may have the rule)
                    unknown = unknown or (exc, found.path)
                    continue
                self._all_rules.update(registry.rules)
                items.append((STDIN if path == STDIN else str(found.path), found.explicit))
        if unknown is not None:
            raise self._not_everywhere(*unknown)
        self._plan = Plan(items, tuple(paths))
        return self._plan

    def _not_everywhere(self, error: UnknownSelectorError, path: Path) -> ConfigError:
        """The error of a rule named on the command line that ``error.config`` (the
        nearest config of ``path``) does not have: when another config of the run has it,
        which config lacks it and why (the nearest config applies whole: it does not add
        the plugins of the configs above; or its plugins were not loaded), not that the
        rule is unknown."""
        selector, key, config = error.selector, error.key, error.config
        having = [
            c
            for c, registry in self._by_config.values()
            if any(selector_matches(selector, r.code, r.name) for r in registry.rules.values())
        ]
        if not having or config.path is None:
            return error
        from xxgk_lint.engine.plugins import shown_path

        mine, other, file = (
            shown_path(config.path),
            shown_path(having[0].path or ""),
            shown_path(path),
        )
        if not having[0].path:
            other = "--config"
        folder = shown_path(Path(config.path).parent)
        folder = "./" if folder == "." else folder.rstrip("/") + "/"
        why_en = why_zh = ""
        if "plugins" in config.ignored:
            why_en = (
                "; its plugins were not loaded: it is inside a checked folder (see --trust-configs)"
            )
            why_zh = "；它位于被检查的文件夹中，其插件未加载（见 --trust-configs）"
        return ConfigError(
            f"command line: '{key}' names {selector!r}, a rule of {other} that {mine} does not "
            f"have: {mine} is the nearest config of {file} (and of every file under {folder}) "
            f"and applies whole, without the plugins of {other}{why_en}",
            f"命令行：'{key}' 中的 {selector!r} 是 {other} 的规则，{mine} 中没有：{mine} 是 "
            f"{file}（及 {folder} 下每个文件）最近的配置，整体生效，不继承 {other} 的 plugins"
            + why_zh,
        )

    def _nothing_found(self, paths: Sequence[str]) -> str:
        named = ", ".join(clean_text(p) for p in paths) or "."
        first = Path(paths[0]) if paths else Path()
        extensions = " ".join(self.resolver.for_file(first / "x").extensions)
        return self._message(
            f"在 {named} 中没有找到要检查的报告文件（扩展名：{extensions}；另见 exclude 设置）",
            f"no report file found in {named} (extensions: {extensions}; see also 'exclude')",
        )

    # ---- phase 2: the files, in order

    def results(self, plan: Plan | None = None) -> Iterator[FileResult]:
        """Check the planned files; yield each one's result in the order of the walk.

        Once exhausted, :attr:`across` holds the findings of the whole-run rules and
        :attr:`run_errors` every problem of the run, in file order.
        """
        plan = plan or self._plan
        if plan is None:
            raise RuntimeError("Runner.results() needs a plan: call Runner.plan() first")
        kept = FactsStore()
        workers = workers_for(self.jobs, plan.files)
        spilled: TemporaryDirectory[str] | None = None
        if workers > 1:
            from xxgk_lint.engine.pool import checked_in_pool
            from xxgk_lint.formatters.pieces import spills

            options = self.options()
            if spills(self.outputs):
                import tempfile

                spilled = tempfile.TemporaryDirectory(
                    prefix="xxgk-lint-", ignore_cleanup_errors=True
                )
                options = replace(options, spill_dir=spilled.name)
            checked: Iterator[tuple[Planned, Checked | None]] = checked_in_pool(
                plan.items, options, workers, self.start_method, self.crashed, plan.files
            )
        else:
            checked = self._checked_here(plan.items)
        try:
            yield from self._completed_all(checked, kept)
        finally:
            # Every output has noted its files' spilled parts (and opened the files they
            # are in) by now: the workers' folder goes, the open files stay readable.
            if spilled is not None:
                spilled.cleanup()
        self._add_previous(kept)
        # Cleared only when every file went well: the last-resort message names the file
        # that crashed.
        progress.file = None
        if not plan.files and not any(isinstance(item, Skipped) for item in plan.items):
            # (what was skipped is named already: a FIFO named on its own is one line)
            self.run_errors.append(self._nothing_found(plan.paths))
        with holding():
            try:
                self.across = self._check_run(kept)
            finally:
                kept.close()
            if self.across_snippets:
                self._across_snippets()

    def _completed_all(
        self, checked: Iterator[tuple[Planned, Checked | None]], kept: FactsStore
    ) -> Iterator[FileResult]:
        """Each checked file's result, its facts kept, in the order of the walk."""
        for item, done in checked:
            if isinstance(item, Skipped) or done is None:
                assert isinstance(item, Skipped)
                self.run_errors.append(item.message(self.lang))
                continue
            config = self.resolver.for_file(Path(self._named(item[0])))
            result = self._completed(done, config)
            if not result.unreadable:
                self._seen(result.path, scope_of(result.agency, result.year))
            if done.facts is not None:
                registry = self.registry_for(config)
                fail_on = int(self._fail_on_for(result))
                kept.add(done.facts, config, registry, fail_on=fail_on, title=done.title)
            del done  # its facts are spooled: not held while the result is written
            yield result

    def _across_snippets(self) -> None:
        """The lines the whole-run rules' findings point at, read again from their files
        (the files were dropped when they were done; only these few are read twice)."""
        stdin = (self.stdin[0] or STDIN) if self.stdin is not None else None
        read_across_lines(
            self.across, self.across_lines, self.resolver.for_file, skip={stdin} - {None}
        )

    def _named(self, path: str) -> str:
        """The path a planned file is checked under (``-`` is ``--stdin-filename``)."""
        if path == STDIN and self.stdin is not None:
            return self.stdin[0] or STDIN
        return path

    def _checked_here(self, items: Iterable[Planned]) -> Iterator[tuple[Planned, Checked | None]]:
        with holding():
            for item in items:
                if isinstance(item, Skipped):
                    yield item, None
                else:
                    yield item, self.check_path(*item)

    def _completed(self, checked: Checked, config: Config) -> FileResult:
        """The worker's result with the run's own rule metadata and its errors noted."""
        result = checked.result
        key = (id(config), checked.rules)
        metas = self._metas.get(key)
        if metas is None:
            registry = self.registry_for(config)
            metas = tuple(registry.rules[code].meta for code in checked.rules)
            self._metas[key] = metas
        self.run_errors.extend(result.errors)
        return replace(result, rules_run=metas)

    def _fail_on_for(self, result: FileResult) -> Severity:
        return result.fail_on if result.fail_on is not None else self.fail_on()

    def run(self, paths: Sequence[str], *, exit_zero: bool = False) -> RunResult:
        """The whole run held in memory (for the API and small runs)."""
        self.plan(paths)
        baselines = self.baselines()
        files = tuple(self.results())
        across = self.across
        if baselines is not None:
            files = tuple(baselines.file(f) for f in files)
            across = baselines.across(across)
            self.written_baseline = baselines.written
        return RunResult(
            files,
            self.rules,
            self.fail_on(),
            self.lang,
            tuple(self.run_errors),
            configs=tuple(self.resolver.uses()),
            across=across,
            exit_zero=exit_zero,
            across_lines=self.across_lines,
            baseline=baselines.uses() if baselines is not None else (),
        )

    def baselines(self) -> RunBaselines | None:
        """What hides the run's accepted findings (``--baseline``, the configs'
        ``baseline``, ``--write-baseline``), or ``None`` when nothing does. Call it after
        :meth:`plan` (the configs are known then), and pass every result through it."""
        override = self.write_baseline or self.baseline
        configured = {c.baseline for c in self.resolver.configs() if c.baseline is not None}
        if override is None and not configured:
            return None
        # Imported here: most runs use no baseline.
        from xxgk_lint.engine.baseline import RunBaselines

        baselines = RunBaselines(
            lambda path: override or self.resolver.for_file(Path(path)).baseline,
            baseline=self.baseline,
            write=self.write_baseline,
        )
        self._report_seen.append(baselines.saw)
        return baselines

    def _seen(self, path: str, scope: str) -> None:
        """A report was read (checked, or with ``previous``): tell who keys on scopes."""
        for told in self._report_seen:
            told(path, scope)

    # ---- one file

    def check_path(self, path: str, explicit: bool = False, data: bytes | None = None) -> Checked:
        """Read, parse and check one file (in this process: a worker calls it too).

        With ``data``, those bytes are checked as the file ``path`` (nothing is read).
        """
        if path == STDIN and self.stdin is not None:
            path, data = self.stdin[0] or STDIN, self.stdin[1]
        target = Target(Path(path), explicit)
        config = self.resolver.for_file(target.path)
        registry = self.registry_for(config)
        lineup = self._lineup(config, registry, target.path)
        # Named in the last-resort message if anything below crashes (not cleared then).
        progress.file = clean_text(path)
        return self._check_file(target, config, registry, lineup, data)

    def _rules_for(self, config: Config, registry: Registry, path: Path) -> list[Rule]:
        """The rules that run on ``path``, in order (worked out once per config when it
        has no per-file-ignores)."""
        if config.per_file_ignores:
            return [r for r in registry.sorted_rules() if enabled(config, r.code, r.name, path)]
        key = (id(config), id(registry))
        rules = self._enabled.get(key)
        if rules is None:
            rules = [r for r in registry.sorted_rules() if enabled(config, r.code, r.name, path)]
            self._enabled[key] = rules
        return rules

    def _lineup(self, config: Config, registry: Registry, path: Path) -> _Lineup:
        """The rules that run on ``path`` with what running each needs, worked out once
        per config and registry when the config has no per-file-ignores (see
        :class:`_Lineup`)."""
        rules = self._rules_for(config, registry, path)
        key = (id(config), id(rules))
        found = self._lineups.get(key)
        if found is not None and found.rules is rules and found.config is config:
            return found
        steps = []
        for rule in rules:
            if rule.check is not None:
                options, override, named = self._rule_setting(rule, config)
                steps.append((rule, rule.check, options, override, named))
        codes = tuple(r.code for r in rules)
        foreign = any(not r.meta.origin.startswith(_OWN) for r, *_ in steps)
        lineup = _Lineup(config, rules, codes, frozenset(codes), tuple(steps), foreign)
        if not config.per_file_ignores:  # (else the rules are a new list for every file)
            self._lineups[key] = lineup
        return lineup

    def crashed(self, path: str, explicit: bool, problem: str) -> Checked:
        """The result of a file whose worker process died while checking it (XG001)."""
        config = self.resolver.for_file(Path(path))
        registry = self.registry_for(config)
        shown = clean_text(path)
        codes = tuple(
            r.code for r in registry.sorted_rules() if enabled(config, r.code, r.name, Path(path))
        )
        diagnostic = self._unreadable(registry, config, shown, problem)
        fail_on = Severity.parse(config.fail_on)
        return Checked(FileResult(shown, (diagnostic,), (), (), None, True, fail_on), codes)

    def _check_file(
        self,
        target: Target,
        config: Config,
        registry: Registry,
        lineup: _Lineup,
        data: bytes | None = None,
    ) -> Checked:
        path = clean_text(str(target.path))
        codes = lineup.codes
        fail_on = Severity.parse(config.fail_on)
        errors: list[str] = []
        limit = budget(f"{path}: --timeout", self.timeout)
        # Each rule (and facts function) in its own rule-timeout, as legs of one relay:
        # one deadline for the file's rules, not one budget per rule.
        legs = relay(config.rule_timeout)
        kind: str | None = None  # (known once read: a file out of time shows it too)
        try:
            with limit, captured_stdout(), legs:  # one capture for all the file's rules
                read = self._read(target, config, data)
                if isinstance(read, str):
                    diagnostic = self._unreadable(registry, config, path, read)
                    result = FileResult(
                        path, (diagnostic,), (), (), None, True, fail_on, errors=tuple(errors)
                    )
                    return Checked(result, codes)
                source, report = read
                kind = source.kind
                scope = scope_of(report.agency, report.year)
                checks: list[Check | Deferred] = []
                diagnostics = self._run_checks(report, lineup, path, scope, errors, checks, legs)
                facts = self._facts(report, lineup.rules, config, errors, legs)
                extract = self.extract(report) if self.extract is not None else None
        except BudgetExceeded as exc:
            if exc.deadline is not limit.deadline:
                raise
            seconds = f"{self.timeout:g}"
            problem = (
                f"处理时间超过了每个文件的时间限制（--timeout {seconds} 秒）"
                if config.lang == "zh"
                else f"checking it took longer than the limit per file (--timeout {seconds} s)"
            )
            running = self._stopped_in
            self._stopped_in = None
            if running is not None and running[0] is exc:
                # the rule that was running when the time ran out (an agency's slow rule
                # is where to look, not the report)
                rule = running[1]
                problem += (
                    f"，时间用完时规则 {rule.code} ({rule.name}) 正在运行"
                    if config.lang == "zh"
                    else f"; rule {rule.code} ({rule.name}) was running when the time ran out"
                )
            diagnostic = self._unreadable(registry, config, path, problem)
            result = FileResult(
                path,
                (diagnostic,),
                (),
                (),
                kind or _kind_before_reading(target.path, data),
                True,
                fail_on,
                errors=tuple(errors),
                timed_out=True,
            )
            return Checked(result, codes)
        count = len(source.original_lines) or source.text.count("\n") + 1
        foreign = lineup.foreign and diagnostics
        if foreign and max(max(d.line, d.end_line) for d in diagnostics) > count:
            ends = not source.original_lines and source.text.endswith("\n")
            shown = count - 1 if ends else count  # (the empty "line" after the last newline)
            diagnostics = _within(diagnostics, count, shown, registry, config.lang, path)
        diagnostics.sort(key=Diagnostic.sort_key)
        # Fingerprints key on the report (body|year), not on the file's name: a finding
        # made by RuleContext.diagnostic has it, one a rule built itself (or XG009) not.
        if scope and not all(d.scope for d in diagnostics):
            diagnostics = [replace(d, scope=scope) if not d.scope else d for d in diagnostics]
        title_line = None
        if facts is not None and report.title is not None:
            title_line = report.title.span.line
        lines, title = _lines_kept(source, (d.line for d in diagnostics), title_line, count)
        result = FileResult(
            path,
            tuple(diagnostics),
            (),
            lines,
            source.kind,
            fail_on=fail_on,
            agency=report.agency,
            year=report.year,
            format_version=report.format_version,
            title=report.title.text if report.title is not None else None,
            errors=tuple(errors),
            checks=Checks(checks),
            extract=extract,
        )
        return Checked(result, codes, facts, title)

    def _read(
        self, target: Target, config: Config, data: bytes | None
    ) -> tuple[Source, Report] | str:
        """The file (or ``data``) read and parsed, or why it cannot be (the problem, for
        XG001)."""
        from xxgk_lint.parse import parse_source
        from xxgk_lint.sources import InputError, read_source

        if data is None:
            skipped = classify(target.path)  # it may have changed since the walk
            if skipped is not None:
                return skipped.problem(config.lang)
        try:
            source = read_source(target.path, data, limits=config.limits)
            return source, parse_source(source)
        except InputError as exc:
            from xxgk_lint.sources.messages import localise

            return localise(clean_text(str(exc)), config.lang)
        except RecursionError:
            return "文件嵌套过深" if config.lang == "zh" else "the file is too deeply nested"

    def _run_rule(
        self,
        rule: Rule,
        config: Config,
        call: Callable[[Rule, RuleContext], Iterable[Any]],
        path: str,
        paths: Sequence[str],
        reports: int,
        errors: list[str],
        whole: _WholeRun,
    ) -> list[Diagnostic]:
        """Run one whole-run rule under its guards; its valid findings (plus XG009 if it
        yielded junk). A rule that crashes or runs over its time limit (``rule-timeout``
        per report it reads) is one line in ``errors``, which names the whole-run step
        (``whole``), not a file: no one file made it fail. (Per-report rules run in
        :meth:`_run_checks`, one loop for a file's rules.)
        """
        options, override, named = self._rule_setting(rule, config)
        context = RuleContext(rule.meta, path, config.lang, dict(options), frozenset())
        seconds = config.rule_timeout * max(reports, 1)
        limit = budget(path + named, seconds)
        try:
            with limit, captured_stdout():
                produced = call(rule, context)
                if type(produced) not in _ITERABLES and (
                    isinstance(produced, (str, bytes)) or not isinstance(produced, Iterable)
                ):
                    return [_not_findings(rule, config.lang, path, produced)]
                found = list(produced)
        except BudgetExceeded as exc:
            if exc.deadline is not limit.deadline:
                raise
            errors.append(self._over_time(rule, path, seconds, whole))
            return []
        except BaseException as exc:
            if not contained(exc):
                raise
            errors.append(self._crashed(rule, path, exc, whole))
            return []
        if not found:
            return found
        findings = checked_findings(found, rule, config.lang, path, paths)
        if override is not None:
            findings = [d.with_severity(override) if d.code == rule.code else d for d in findings]
        return findings

    def _run_checks(
        self,
        report: Report,
        lineup: _Lineup,
        path: str,
        scope: str,
        errors: list[str],
        checks: list[Check | Deferred],
        legs: relay,
    ) -> list[Diagnostic]:
        """Every per-report rule of ``lineup`` on ``report``, each under its guards, as
        :meth:`_run_rule` runs one: their valid findings, in rule order; the checks of
        each rule that ends normally added to ``checks``, a crash or a rule over its time
        limit one line in ``errors``.

        One loop for all of a file's rules, the guards written out (a leg of ``legs``
        started and stopped, ``try`` blocks, which cost nothing until something raises):
        a call per rule with two context managers was some 25,000
        instructions a rule, more than most rules take on a report. The caller holds
        stdout captured for all of them; a rule that replaced ``sys.stdout`` has it put
        back before the next one runs, as a capture of its own would have. Each rule's
        context carries the report's ``scope``, which its findings are made with.
        """
        config = lineup.config
        lang = config.lang
        active = lineup.active
        seconds = config.rule_timeout
        capture = sys.stdout
        start, stop = legs.start, legs.stop
        diagnostics: list[Diagnostic] = []
        for rule, check, options, override, named in lineup.steps:
            context = RuleContext(rule.meta, path, lang, dict(options), active, [], scope)
            if sys.stdout is not capture:  # (a rule before this one replaced it)
                sys.stdout = capture
            try:
                start(path + named)
                try:
                    produced = check(report, context)
                    if type(produced) not in _ITERABLES and (
                        isinstance(produced, (str, bytes)) or not isinstance(produced, Iterable)
                    ):
                        diagnostics.append(_not_findings(rule, lang, path, produced))
                        continue
                    found = list(produced)
                finally:
                    stop()
            except BudgetExceeded as exc:
                if exc.deadline is not legs.deadline:
                    self._stopped_in = (exc, rule)  # (``--timeout``: the file's XG001 names it)
                    raise
                errors.append(self._over_time(rule, path, seconds))
                continue
            except BaseException as exc:
                if not contained(exc):
                    raise
                errors.append(self._crashed(rule, path, exc))
                continue
            checks.extend(context.checks)
            if found:
                findings = checked_findings(found, rule, lang, path, (path,))
                if override is not None:
                    findings = [
                        d.with_severity(override) if d.code == rule.code else d for d in findings
                    ]
                diagnostics.extend(findings)
        if sys.stdout is not capture:  # (the last rule replaced it: the facts print to it)
            sys.stdout = capture
        return diagnostics

    def _over_time(
        self, rule: Rule, path: str, seconds: float, whole: _WholeRun | None = None
    ) -> str:
        """The run error of a rule stopped at its time limit (on the file ``path``, or in
        the ``whole``-run step)."""
        zh, en = _rule_named(rule, path, whole)
        return self._message(
            f"{zh}运行超过时间限制（rule-timeout {seconds:g} 秒），已停止",
            f"{en} ran longer than its time limit (rule-timeout {seconds:g} s) and was stopped",
        )

    def _crashed(
        self, rule: Rule, path: str, exc: BaseException, whole: _WholeRun | None = None
    ) -> str:
        """The run error of a rule that raised ``exc`` (on the file ``path``, or in the
        ``whole``-run step): with the file and line of the rule's own code where it was
        raised, so that its author can find it (``--debug`` also prints the traceback)."""
        zh, en = _rule_named(rule, path, whole)
        return _crash_line(zh, en, exc, self.lang)

    def _rule_setting(
        self, rule: Rule, config: Config
    ) -> tuple[Mapping[str, Any], Severity | None, str]:
        """A rule's options, configured severity and name in a time limit's label
        (``": rule XG201 (row-sum)"``) under ``config``: worked out once per config and
        rule, not once per rule and file (the runner runs some thirty rules on every file,
        and a run's files share a config or a few)."""
        key = (id(config), id(rule))
        found = self._settings.get(key)
        # (the config and rule are kept, so that their ids stay theirs)
        if found is None or found[0] is not config or found[1] is not rule:
            code, name = rule.code, rule.name
            found = self._settings[key] = (
                config,
                rule,
                rule_options(config, code, name),
                severity_for(config, code, name),
                f": rule {code} ({name})",
            )
        return found[2], found[3], found[4]

    def _unreadable(
        self, registry: Registry, config: Config, path: str, problem: str
    ) -> Diagnostic:
        rule = registry.rules.get(UNREADABLE_CODE)
        span = Span(1, 1, 1, 1)
        if rule is None:
            message = self._message(f"无法读取为年度报告：{problem}", f"cannot be read: {problem}")
            return Diagnostic(
                UNREADABLE_CODE,
                "unreadable-input",
                Severity.ERROR,
                message,
                path,
                1,
                1,
                1,
                1,
                subject="file",
            )
        context = RuleContext(rule.meta, path, config.lang)
        severity = severity_for(config, rule.code, rule.name)
        return context.diagnostic(span, problem=problem, subject="file", severity=severity)

    # ---- whole-run rules

    def _facts(
        self,
        report: Report,
        rules: list[Rule],
        config: Config,
        errors: list[str],
        legs: relay | None = None,
    ) -> dict[str, ReportFacts] | None:
        """The facts each enabled whole-run rule keeps of ``report``, by rule code.

        With ``legs`` (the file's relay of rule-timeouts; the caller holds stdout
        captured), each ``facts`` function runs in a leg of it, the guards written out
        as :meth:`_run_checks` writes them: two context managers and a label per rule
        were more than most ``facts`` functions take."""
        out: dict[str, ReportFacts] = {}
        base: ReportFacts | None = None
        path = ""
        for rule in rules:
            if rule.check_run is None:
                continue
            if base is None:
                base = ReportFacts.of(report)
                path = clean_text(report.path)
            value = None
            if rule.facts is not None:
                if legs is None:
                    value = self._extract(rule, config, report, errors)
                else:
                    value = self._extract_leg(rule, config.rule_timeout, report, path, errors, legs)
            if value is _CRASHED:
                continue  # (no facts: the rule does not compare it; its error says why)
            out[rule.code] = base.with_value(value)
        return out if base is not None else None

    def _extract_leg(
        self,
        rule: Rule,
        seconds: float,
        report: Report,
        path: str,
        errors: list[str],
        legs: relay,
    ) -> Any:
        """A rule's facts of one report in a leg of ``legs`` (as :meth:`_extract`)."""
        assert rule.facts is not None
        try:
            legs.start(f"{path}: rule {rule.code} ({rule.name})")
            try:
                return rule.facts(report)
            finally:
                legs.stop()
        except BaseException as exc:
            if isinstance(exc, BudgetExceeded) and exc.deadline is not legs.deadline:
                self._stopped_in = (exc, rule)  # (``--timeout``: the file's XG001 names it)
            problem = _facts_problem(rule, path, exc, legs.deadline, seconds, self.lang)
        errors.append(problem)
        return _CRASHED

    def _extract(
        self,
        rule: Rule,
        config: Config,
        report: Report,
        errors: list[str],
    ) -> Any:
        """A rule's facts of one report, under the guards a check runs under (a budget of
        its own and stdout captured: a ``--previous`` report, read outside any relay)."""
        assert rule.facts is not None
        path = clean_text(report.path)
        seconds = config.rule_timeout
        label = f"{path}: rule {rule.code} ({rule.name})"
        limit = budget(label, seconds)
        try:
            with limit, captured_stdout():
                return rule.facts(report)
        except BaseException as exc:
            problem = _facts_problem(rule, path, exc, limit.deadline, seconds, self.lang)
        errors.append(problem)
        return _CRASHED

    def _check_run(self, kept: FactsStore) -> tuple[Diagnostic, ...]:
        """Whole-run rules over the facts of every report that parsed: a ``per_body`` rule
        once per body (with that body's reports), any other once with them all.

        Their findings come back in the order of the files they name, then by position.
        """
        if not kept:
            return ()
        config, registry = kept.first_setting()
        rules = [r for r in registry.sorted_rules() if r.check_run is not None]
        found: list[tuple[int, Diagnostic]] = []
        if any(not r.per_body for r in rules):
            every = kept.every()
            for rule in rules:
                if not rule.per_body:
                    found.extend(self._placed(every, self._run_whole(rule, config, every)))
            del every
        if any(r.per_body for r in rules):
            for group in kept.by_body():
                for rule in rules:
                    if rule.per_body and len(group) >= rule.min_reports:
                        found.extend(self._placed(group, self._run_whole(rule, config, group)))
        found.sort(key=lambda placed: (placed[0], *placed[1].sort_key()))
        return tuple(diagnostic for _, diagnostic in found)

    def _placed(
        self, group: list[Kept], found: list[Diagnostic]
    ) -> Iterator[tuple[int, Diagnostic]]:
        """``found`` (whole-run findings on reports of ``group``), each with its report's
        place in the run, stamped with its scope (body|year: fingerprints key on it).

        What the run noted of each report with its facts is looked up here, for the files
        findings are on only: their ``fail-on`` and title line are kept for the end. A
        ``--previous`` report is read for its facts, never reported on.
        """
        if not found:
            return
        where: dict[str, tuple[ReportFacts, Noted]] = {}
        for facts, _, _, noted in group:
            first = next(iter(facts.values()))
            where.setdefault(clean_text(first.path), (first, noted))
        for diagnostic in found:
            path = diagnostic.path
            if path not in where:  # never met: a finding names one of the rule's reports
                yield 1 << 62, diagnostic
                continue
            report, noted = where[path]
            if noted.previous:
                continue
            if noted.fail_on is not None:
                self._fail_on_of.setdefault(path, Severity(noted.fail_on))
            if noted.title is not None and path not in self.across_lines:
                self.across_lines[path] = {noted.title[0]: noted.title[1]}
            if not diagnostic.scope:
                diagnostic = replace(diagnostic, scope=scope_of(report.agency, report.year))
            yield noted.place, diagnostic

    def _run_whole(self, rule: Rule, config: Config, kept: list[Kept]) -> list[Diagnostic]:
        """One whole-run rule over the reports it is enabled for among ``kept``."""
        eligible = [facts[rule.code] for facts, _, _, _ in kept if rule.code in facts]
        if len(eligible) < rule.min_reports or not eligible:
            return []
        paths = tuple(clean_text(f.path) for f in eligible)
        body = eligible[0].agency if rule.per_body else None
        return list(
            self._run_rule(
                rule,
                config,
                partial(_check_reports, eligible),
                clean_text(eligible[0].path),
                paths,
                len(eligible),
                self.run_errors,
                _WholeRun(len(eligible), clean_text(body) if body else None),
            )
        )

    def _add_previous(self, kept: FactsStore) -> None:
        """``--previous``: the facts whole-run rules keep of last year's reports, added to
        ``kept`` (after the checked files').

        The files are read and parsed like checked ones, but not checked: no per-report
        rule runs on them and no finding is reported on them. A file also checked in this
        run is not read twice. One that cannot be read is a run error (exit code 2).
        """
        if not self.previous:
            return
        # The files named, walked first (a few, usually): the checked ones among them are
        # found in one pass over the plan, with no set of every checked file's path.
        named = list(discover(self.previous, self.resolver))
        wanted = {os.path.realpath(f.path) for f in named if not isinstance(f, Skipped)}
        seen = {real for real in map(os.path.realpath, self._checked_paths()) if real in wanted}
        for found in named:
            if isinstance(found, Skipped):
                self.run_errors.append(f"--previous {found.message(self.lang)}")
                continue
            real = os.path.realpath(found.path)
            if real in seen:
                continue
            seen.add(real)
            self.previous_targets.append(found.path)  # never written to, read or not
            path = clean_text(str(found.path))
            progress.file = path
            config = self.resolver.for_file(found.path)
            registry = self.registry_for(config)
            rules = [
                r
                for r in registry.sorted_rules()
                if r.check_run is not None and enabled(config, r.code, r.name, found.path)
            ]
            if not rules:
                continue  # no whole-run rule would use its facts: not read at all
            errors: list[str] = []
            limit = budget(f"{path}: --timeout", self.timeout)
            try:
                with limit:
                    read = self._read(found, config, None)
                    if isinstance(read, str):
                        self.run_errors.append(f"--previous {path}: {read}")
                        continue
                    report = read[1]
                    facts = self._facts(report, rules, config, errors)
            except BudgetExceeded as exc:
                if exc.deadline is not limit.deadline:
                    raise
                seconds = f"{self.timeout:g}"
                problem = self._message(
                    f"处理时间超过了每个文件的时间限制（--timeout {seconds} 秒）",
                    f"reading it took longer than the limit per file (--timeout {seconds} s)",
                )
                self.run_errors.append(f"--previous {path}: {problem}")
                continue
            self.run_errors.extend(errors)
            if facts is None:
                continue
            self._seen(clean_text(report.path), scope_of(report.agency, report.year))
            kept.add(facts, config, registry, previous=True)

    def whole_run(self, results: Sequence[FileResult]) -> tuple[Diagnostic, ...]:
        """The whole-run rules over results that carry their ``facts`` (the API's)."""
        kept = FactsStore()
        for result in results:
            if result.facts:
                config = self.resolver.for_file(Path(result.path))
                fail_on = int(self._fail_on_for(result))
                kept.add(result.facts, config, self.registry_for(config), fail_on=fail_on)
        with holding():
            try:
                return self._check_run(kept)
            finally:
                kept.close()

    def fail_on_of(self, path: str) -> Severity:
        """The ``fail-on`` of a file a whole-run finding is on (else the run's)."""
        return self._fail_on_of.get(path) or self.fail_on()

    def tally_across(self, tally: Tally, across: Iterable[Diagnostic]) -> None:
        """Count whole-run findings, each against its own file's ``fail-on``."""
        for diagnostic in across:
            tally.add((diagnostic,), self.fail_on_of(diagnostic.path))


#: A rule's settings under one config: the config and the rule (kept, so that their ids
#: stay their own), the rule's options, its configured severity and its time limit's label.
_Setting = tuple[Config, Rule, Mapping[str, Any], Severity | None, str]


class _Lineup(NamedTuple):
    """The rules that run on a file under one config, and what running each needs: its
    per-report check, options, configured severity and time limit's label (a ``step``),
    worked out once per config rather than once per rule and file."""

    config: Config
    #: Every rule that runs (whole-run ones too), in order (kept: its id is the key).
    rules: list[Rule]
    codes: tuple[str, ...]
    active: frozenset[str]
    steps: tuple[tuple[Rule, CheckReport, Mapping[str, Any], Severity | None, str], ...]
    #: Whether a rule that is not xxgk-lint's own runs (a plugin's, a YAML rule): only
    #: then are the findings' lines checked against the file's end (:func:`_within`).
    foreign: bool


def _kind_before_reading(path: Path, data: bytes | None) -> str | None:
    """The kind of a file whose time ran out while it was read (text, html, docx, pdf),
    known from its name and first bytes as :func:`~xxgk_lint.sources.sniff_kind` decides
    which reader reads it; ``None`` when its first bytes cannot be read or it is of no
    kind a reader reads. Only a timed-out file pays for this (4 KB read again)."""
    from xxgk_lint.sources import sniff_kind

    if data is None:
        try:
            with open(path, "rb") as stream:
                data = stream.read(4096)
        except OSError:
            return None
    kind = sniff_kind(str(path), data)
    return kind if kind in ("text", "html", "docx", "pdf") else None


def _lines_kept(
    source: Source, wanted: Iterable[int], title: int | None, count: int
) -> tuple[tuple[str, ...], tuple[int, str] | None]:
    """The file's lines as a result keeps them (:func:`kept_lines`: the ``wanted`` ones,
    the others empty), and the title's line (``(number, text)``; None without one).
    ``count``: how many lines the file has.

    A text file's text is split only as far as the last line asked for: the findings'
    lines and the title are a few, often near the top, and splitting a whole report into
    lines was a string per line for nothing."""
    lines: Sequence[str]
    if source.original_lines:
        lines = source.original_lines
        kept = kept_lines(lines, wanted)
    else:
        text = source.text
        numbers = {n for n in wanted if 1 <= n <= count}
        last = max(numbers, default=0)
        if title is not None and last < title <= count:
            last = title
        lines = text.split("\n", last) if last else []
        kept = kept_lines(lines, numbers, count)
    if title is not None and 1 <= title <= len(kept):
        return kept, (title, lines[title - 1])
    return kept, None


def _within(
    diagnostics: list[Diagnostic],
    count: int,
    shown: int,
    registry: Registry,
    lang: str,
    path: str,
) -> list[Diagnostic]:
    """``diagnostics`` without those placed past the file's last line (``count``; the
    file has ``shown`` lines, as its error says, its last newline ending one): each
    rule that made such a finding gets one XG009 naming it and the first bad span, as a
    finding at line 0 does (:func:`checked_findings` cannot tell: it does not know the
    file). A finding that points nowhere would show no snippet, and SARIF and GitHub
    annotations would point past the file."""
    kept: list[Diagnostic] = []
    past: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        if max(diagnostic.line, diagnostic.end_line) > count:
            past.setdefault(diagnostic.code, []).append(diagnostic)
        else:
            kept.append(diagnostic)
    for code, bad in past.items():
        first = bad[0]
        span = f"{first.line}:{first.column}-{first.end_line}:{first.end_column}"
        problem = (
            f"位置 {span} 超出了文件末尾（文件共 {shown} 行）",
            f"the span {span} is past the end of the file ({shown} lines)",
        )
        kept.append(plugin_error(registry.rules[code], lang, path, problem, len(bad)))
    return kept


#: The modules of xxgk-lint's own rules (a rule's ``origin`` starts so).
_OWN = ("xxgk_lint_rules", "xxgk_lint.")


#: What rules return most often: iterables without asking ``collections.abc``.
_ITERABLES = (GeneratorType, list, tuple)


def _check_reports(facts: list[ReportFacts], rule: Rule, context: RuleContext) -> Iterable[Any]:
    assert rule.check_run is not None
    return rule.check_run(facts, context)


_settled = False


def _not_findings(rule: Rule, lang: str, path: str, produced: object) -> Diagnostic:
    """XG009 for a rule whose check returned ``produced`` (None, a string, a number …)
    instead of an iterable of findings."""
    kind = "None" if produced is None else type(produced).__name__
    problem = (
        f"返回了 {kind}，而不是由 Diagnostic 组成的可迭代对象",
        f"returned {kind}, not an iterable of Diagnostic",
    )
    return plugin_error(rule, lang, path, problem)


def settle() -> None:
    """Tune the garbage collector for a run over many files (the command line calls this
    once its modules and plugins are loaded; a library caller decides for itself).

    Everything loaded so far lives until the process ends: ``gc.freeze`` takes it out of
    the collector's passes, which otherwise walk the parser's tables and every rule again
    and again. The first generation is collected after 10,000 net allocations instead of
    700: a report's syntax tree allocates tens of thousands of objects and frees them
    when the file is done, so the collector ran hundreds of times per report for nothing.
    Measured over 2,000 reports: 4.4 % of the run in the collector before, 0.2 % after.
    Done once per process; the collector is (re-)enabled every time (the command line
    keeps it off while it starts).
    """
    import gc

    global _settled
    if not _settled:
        _settled = True
        gc.freeze()
        _, second, third = gc.get_threshold()
        gc.set_threshold(10_000, second, third)
    gc.enable()


def jobs_wanted(jobs: int) -> int:
    """``--jobs``: 0 means one per usable core."""
    return jobs if jobs > 0 else usable_cores()


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


#: ``--jobs`` is capped at this many worker processes per usable core: the work is CPU
#: bound, so more only cost memory (each worker is a copy of the process, some 30 MB;
#: ``--jobs 100000`` forked until the machine's memory ran out).
WORKERS_PER_CORE = 4


def workers_for(jobs: int, files: int) -> int:
    """The worker processes ``--jobs jobs`` starts for ``files`` files: no more than the
    files, nor than :data:`WORKERS_PER_CORE` per usable core."""
    return max(1, min(jobs, files, WORKERS_PER_CORE * usable_cores()))


def run_check(
    paths: Sequence[str],
    overrides: Overrides,
    config_path: Path | None = None,
    *,
    isolated: bool = False,
    trust_configs: bool = False,
    timeout: float | None = None,
    resolver: ConfigResolver | None = None,
    jobs: int = 1,
    previous: Sequence[str] = (),
    baseline: Path | None = None,
) -> RunResult:
    """Check ``paths``; raises ConfigError for a broken config (or baseline)."""
    if resolver is None:
        resolver = ConfigResolver(
            config_path, overrides, isolated=isolated, trust_configs=trust_configs
        )
    runner = Runner(
        resolver,
        run_language(resolver, paths),
        timeout=timeout,
        jobs=jobs,
        previous=previous,
        baseline=baseline,
    )
    return runner.run(paths)


def run_language(resolver: ConfigResolver, paths: Sequence[str]) -> str:
    """The run's language: ``--lang``, else the ``lang`` of the first path's config."""
    if resolver.overrides.lang is not None:
        return resolver.overrides.lang
    first = Path(next(iter(paths), "."))
    return resolver.for_file(first / "x" if first.is_dir() else first).lang


def all_rules(
    lang: str | None = None, config_path: Path | None = None, *, isolated: bool = False
) -> tuple[Registry, str]:
    """The registry for `rules`/`explain` (entry points plus the config's local plugins),
    and the language to use (the flag, else the config's ``lang``)."""
    resolver = ConfigResolver(config_path, Overrides(lang=lang), isolated=isolated)
    config = resolver.for_file(Path.cwd() / "x")
    registry = load_registry(config.plugins, config.lang, config.rule_timeout)
    return registry, config.lang


__all__ = [
    "Checked",
    "ConfigError",
    "Plan",
    "RunOptions",
    "Runner",
    "Skipped",
    "Target",
    "all_rules",
    "discover",
    "jobs_wanted",
    "run_check",
    "run_language",
]


def read_across_lines(
    across: Iterable[Diagnostic],
    have: dict[str, dict[int, str]],
    config_for: Callable[[Path], Config],
    skip: Collection[str | None] = (),
) -> None:
    """Add to ``have`` (path → line number → line) the lines ``across`` point at, read
    from their files; a file that cannot be read again (stdin, gone) gets no snippet, and
    its findings still say where."""
    from xxgk_lint.sources import InputError, read_source

    wanted: dict[str, set[int]] = {}
    for diagnostic in across:
        wanted.setdefault(diagnostic.path, set()).add(diagnostic.line)
    for path, numbers in wanted.items():
        if path in skip:
            continue
        lines_of = have.setdefault(path, {})
        if numbers <= set(lines_of):
            continue
        try:
            source = read_source(Path(path), limits=config_for(Path(path)).limits)
        except (InputError, OSError):
            continue
        lines = source.original_lines or tuple(source.text.split("\n"))
        lines_of.update((n, lines[n - 1]) for n in numbers if 1 <= n <= len(lines))


_CRASHED = object()
"""What taking a rule's facts gives when it failed: ``None`` is a value facts may have."""


def _facts_problem(
    rule: Rule, path: str, exc: BaseException, deadline: object, seconds: float, lang: str
) -> str:
    """What went wrong while a rule took a report's facts, as its error line says it (in
    ``lang``; a crash with the file and line where it was raised); what is not the rule's
    own failure (another deadline, an interrupt) is raised again."""
    zh, en = _rule_named(rule, path)
    if isinstance(exc, BudgetExceeded):
        if exc.deadline is not deadline:
            raise exc
        if lang == "en":
            return f"{en} facts ran longer than its time limit (rule-timeout {seconds:g} s)"
        return f"{zh}的 facts 运行超过时间限制（rule-timeout {seconds:g} 秒），已停止"
    if not contained(exc):
        raise exc
    return _crash_line(f"{zh}的 facts ", f"{en} facts", exc, lang)


def _crash_line(zh: str, en: str, exc: BaseException, lang: str) -> str:
    """The run error of a rule (``zh``/``en``: its subject, as :func:`_rule_named` names
    it) that raised ``exc``, in ``lang``: with the file and line of the rule's own code
    where it was raised, so that its author can find it; ``--debug`` also prints the
    traceback (:func:`show_traceback`)."""
    place = raised_at(exc)
    error = f"{type(exc).__name__}: {exc}"
    if lang == "en":
        message = f"{en} crashed" + (f" at {place}" if place else "") + f": {error}"
    else:
        message = f"{zh}运行出错" + (f"（{place}）" if place else "") + f"：{error}"
    message = clean_text(message)
    show_traceback(message, exc)
    return message


class _WholeRun(NamedTuple):
    """A whole-run rule's step, for its error lines: how many reports it compared, and
    the body whose reports they are (a ``per_body`` rule; ``None`` else)."""

    reports: int
    body: str | None


def _rule_named(rule: Rule, path: str, whole: _WholeRun | None = None) -> tuple[str, str]:
    """How an error line names a rule that failed (zh, ending in a space or a full-width
    bracket that the verb follows; en): on the file ``path``
    (``r.txt: rule AE001 (raiser)``), or in the whole-run step, which no one file made
    fail (naming the run's first file there blamed a file for nothing)."""
    named_zh, named_en = f"规则 {rule.code} ({rule.name})", f"rule {rule.code} ({rule.name})"
    if whole is None:
        return f"{path}: {named_zh} ", f"{path}: {named_en}"
    reports = whole.reports
    of_en = f" of {whole.body}" if whole.body else ""
    of_zh = f"{whole.body} 的" if whole.body else ""
    return (
        f"{named_zh} 在比较多份报告的一步（{of_zh}{reports} 份报告，不属于某一个文件）",
        f"{named_en} in the whole-run step ({reports} report{'s' if reports != 1 else ''}"
        f"{of_en} compared, not one file)",
    )
