"""Run the rules over files: discover, read, parse, check, collect.

The runner is the only place that runs rules, and it runs each inside its own guard: a
rule that raises (even ``SystemExit``), runs over its time budget (``rule-timeout``) or
yields something that is not a valid finding is reported by code and name, and the other
rules' findings still come out. Whatever plugin code prints goes to stderr. Files are
never written to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xxgk_lint.engine.budget import BudgetExceeded, budget, holding
from xxgk_lint.engine.builtin import checked_findings, clean_text, plugin_error
from xxgk_lint.engine.checks import Check
from xxgk_lint.engine.config import (
    Config,
    ConfigError,
    ConfigResolver,
    Overrides,
    check_selectors,
    enabled,
    rule_options,
    severity_for,
)
from xxgk_lint.engine.diagnostics import Diagnostic, Severity
from xxgk_lint.engine.guard import captured_stdout, contained, progress
from xxgk_lint.engine.pairing import scope_of, with_scope
from xxgk_lint.engine.plugins import Registry, load_registry
from xxgk_lint.engine.results import FileResult, RunResult
from xxgk_lint.engine.rule import ReportFacts, Rule, RuleContext
from xxgk_lint.engine.walk import Skipped, Target, classify, discover
from xxgk_lint.parse.ast import Report, Span

if TYPE_CHECKING:
    from xxgk_lint.engine.baseline import Baseline, BaselineUse
    from xxgk_lint.sources import Source

UNREADABLE = "XG001"


class Runner:
    """One run over many files with one set of plugins.

    ``timeout`` bounds the seconds spent on one file (reading, parsing and its rules);
    a file over it gets XG001 naming the limit. ``previous`` are files or folders read
    only for the facts of whole-run rules (``--previous``: last year's reports in a
    pre-commit run): never checked, nothing reported on them. ``baseline`` replaces every
    config's ``baseline``; ``write_baseline`` records the run's findings as a baseline
    (:attr:`written_baseline`, for the caller to write) and hides them.
    """

    def __init__(
        self,
        resolver: ConfigResolver,
        lang: str = "zh",
        *,
        timeout: float | None = None,
        previous: Sequence[str] = (),
        baseline: Path | None = None,
        write_baseline: Path | None = None,
    ) -> None:
        self.resolver = resolver
        self.lang = lang
        self.timeout = timeout
        self.previous = tuple(previous)
        self.baseline = baseline
        self.write_baseline = write_baseline
        #: The baseline made of this run's findings (with ``write_baseline``).
        self.written_baseline: Baseline | None = None
        self._registries: dict[tuple, Registry] = {}
        self._checked: dict[int, Config] = {}  # configs whose selectors were checked
        self.run_errors: list[str] = []
        #: The files checked, as found (``--output-file`` never overwrites them).
        self.targets: list[Path] = []
        #: The files read with ``previous`` (never written to either).
        self.previous_targets: list[Path] = []
        #: Every parsed report's scope (body|year) by path, ``previous`` ones included.
        self._scopes: dict[str, str] = {}
        #: The config's baseline of each checked file, by path.
        self._baseline_of: dict[str, Path | None] = {}
        #: Paths of the reports read with ``previous``: findings on them are dropped.
        self._facts_only: set[str] = set()

    @property
    def plugin_files(self) -> list[Path]:
        """The files of every local plugin loaded in this run."""
        return [f for registry in self._registries.values() for f in registry.files]

    def registry_for(self, config: Config) -> Registry:
        key = tuple(sorted((p.spec, str(p.base_dir)) for p in config.plugins))
        if key not in self._registries:
            registry = load_registry(config.plugins, config.lang)
            self._registries[key] = registry
            self.run_errors.extend(e for e in registry.errors if e not in self.run_errors)
        if id(config) not in self._checked:  # once per config, not per file
            check_selectors(config, self._registries[key])
            self._checked[id(config)] = config
        return self._registries[key]

    def _message(self, zh: str, en: str) -> str:
        return clean_text(en if self.lang == "en" else zh)

    def run(self, paths: Sequence[str]) -> RunResult:
        with holding():
            files, all_rules = self._run_files(paths)
        if not files:
            self.run_errors.append(self._nothing_found(paths))
        metas = tuple(all_rules[c].meta for c in sorted(all_rules))
        fail_on = Severity.parse(self._fail_on())
        files, baselines = self._with_baselines(files)
        return RunResult(
            tuple(files),
            metas,
            fail_on,
            self.lang,
            tuple(self.run_errors),
            configs=tuple(self.resolver.uses()),
            baseline=baselines,
        )

    def _with_baselines(
        self, files: list[FileResult]
    ) -> tuple[list[FileResult], tuple[BaselineUse, ...]]:
        """Hook (baselines): stamp each finding with its report's scope, write the baseline
        if asked, and hide the findings of each file's baseline (engine/baseline.py)."""
        files = [with_scope(f, self._scopes.get(f.path, "")) for f in files]
        override = self.write_baseline or self.baseline
        if override is None and not any(self._baseline_of.values()):
            return files, ()
        # Imported here: most runs use no baseline.
        from xxgk_lint.engine.baseline import Baseline, BaselineError, apply_baselines

        if self.write_baseline is not None:
            self.written_baseline = Baseline.of(files, self._scopes)
        loaded: dict[Path, Baseline] = {}

        def choose(result: FileResult) -> tuple[str, Baseline] | None:
            path = override or self._baseline_of.get(result.path)
            if path is None:
                return None
            if path not in loaded:
                if path == self.write_baseline and self.written_baseline is not None:
                    loaded[path] = self.written_baseline
                else:
                    try:
                        loaded[path] = Baseline.load(path)
                    except BaselineError as exc:
                        where = "--baseline" if path == self.baseline else "'baseline'"
                        raise ConfigError(f"{where}: {exc}") from None
            return clean_text(str(path)), loaded[path]

        written = clean_text(str(self.write_baseline)) if self.write_baseline else None
        return apply_baselines(files, choose, self._scopes, written=written)

    def _run_files(self, paths: Sequence[str]) -> tuple[list[FileResult], dict[str, Rule]]:
        files: list[FileResult] = []
        parsed: list[tuple[dict[str, ReportFacts], Config, Registry]] = []
        all_rules: dict[str, Rule] = {}
        for found in discover(paths, self.resolver):
            if isinstance(found, Skipped):
                self.run_errors.append(found.message(self.lang))
                continue
            # Named in the last-resort message if anything below crashes (not cleared then).
            progress.file = clean_text(str(found.path))
            self.targets.append(found.path)
            config = self.resolver.for_file(found.path)
            registry = self.registry_for(config)
            all_rules.update(registry.rules)
            rules = [
                r for r in registry.sorted_rules() if enabled(config, r.code, r.name, found.path)
            ]
            result, report = self._check_file(found, config, registry, rules)
            files.append(replace(result, fail_on=Severity.parse(config.fail_on)))
            self._baseline_of[result.path] = config.baseline
            if report is not None:
                self._scopes[result.path] = scope_of(report.agency, report.year)
                # Whole-run rules keep only their facts; the report itself is dropped here.
                parsed.append((self._facts(report, rules, config), config, registry))
        parsed.extend(self._previous_facts())
        progress.file = None
        return self._check_run(files, parsed), all_rules

    def _previous_facts(self) -> list[tuple[dict[str, ReportFacts], Config, Registry]]:
        """Hook (``--previous``): the facts whole-run rules keep of last year's reports.

        The files are read and parsed like checked ones, but not checked: no per-report
        rule runs on them and no finding is reported on them. A file also checked in this
        run is not read twice. One that cannot be read is a run error (exit code 2).
        """
        if not self.previous:
            return []
        seen = {_real(t) for t in self.targets}
        out: list[tuple[dict[str, ReportFacts], Config, Registry]] = []
        for found in discover(self.previous, self.resolver):
            if isinstance(found, Skipped):
                self.run_errors.append(f"--previous {found.message(self.lang)}")
                continue
            real = _real(found.path)
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
            limit = budget(f"{path}: --timeout", self.timeout)
            try:
                with limit:
                    read = self._read(found, config)
                    if isinstance(read, str):
                        self.run_errors.append(f"--previous {path}: {read}")
                        continue
                    report = read[1]
                    facts = self._facts(report, rules, config)
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
            self._facts_only.add(clean_text(report.path))
            self._scopes[clean_text(report.path)] = scope_of(report.agency, report.year)
            out.append((facts, config, registry))
        return out

    def _nothing_found(self, paths: Sequence[str]) -> str:
        named = ", ".join(clean_text(p) for p in paths) or "."
        first = Path(paths[0]) if paths else Path()
        extensions = " ".join(self.resolver.for_file(first / "x").extensions)
        return self._message(
            f"在 {named} 中没有找到要检查的报告文件（扩展名：{extensions}；另见 exclude 设置）",
            f"no report file found in {named} (extensions: {extensions}; see also 'exclude')",
        )

    def _fail_on(self) -> str:
        configs = self.resolver.configs()
        return configs[0].fail_on if configs else (self.resolver.overrides.fail_on or "error")

    def _check_file(
        self, target: Target, config: Config, registry: Registry, rules: list[Rule]
    ) -> tuple[FileResult, Report | None]:
        path = clean_text(str(target.path))
        metas = tuple(r.meta for r in rules)
        limit = budget(f"{path}: --timeout", self.timeout)
        try:
            with limit:
                read = self._read(target, config)
                if isinstance(read, str):
                    diagnostic = self._unreadable(registry, config, path, read)
                    return FileResult(path, (diagnostic,), metas, (), None, True), None
                source, report = read
                diagnostics: list[Diagnostic] = []
                checks: list[Check] = []  # check outcomes (issue 10)
                active = frozenset(r.code for r in rules)  # check outcomes (issue 10)
                for rule in rules:
                    if rule.check is None:
                        continue
                    call = partial(_check_report, report)
                    diagnostics.extend(
                        self._run_rule(
                            rule, config, call, path, (path,), 1, checks=checks, active=active
                        )
                    )
        except BudgetExceeded as exc:
            if exc.deadline is not limit.deadline:
                raise
            seconds = f"{self.timeout:g}"
            problem = (
                f"处理时间超过了每个文件的时间限制（--timeout {seconds} 秒）"
                if config.lang == "zh"
                else f"checking it took longer than the limit per file (--timeout {seconds} s)"
            )
            diagnostic = self._unreadable(registry, config, path, problem)
            return FileResult(path, (diagnostic,), metas, (), None, True), None
        lines = source.original_lines or tuple(source.text.split("\n"))
        result = FileResult(
            path, tuple(sorted(diagnostics, key=Diagnostic.sort_key)), metas, lines, source.kind
        )
        result = replace(result, checks=tuple(checks))  # check outcomes (issue 10)
        return result, report

    def _read(self, target: Target, config: Config) -> tuple[Source, Report] | str:
        """The file read and parsed, or why it cannot be (the problem, for XG001)."""
        from xxgk_lint.parse import parse_source
        from xxgk_lint.sources import InputError, read_source

        skipped = classify(target.path)  # it may have changed since the walk
        if skipped is not None:
            return skipped.problem(config.lang)
        try:
            source = read_source(target.path, limits=config.limits)
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
        *,
        checks: list[Check] | None = None,
        active: frozenset[str] = frozenset(),
    ) -> list[Diagnostic]:
        """Run one rule under its guards; its valid findings (plus XG009 if it yielded junk).

        The checks the rule records are added to ``checks`` when it ends normally.
        """
        context = RuleContext(
            rule.meta, path, config.lang, rule_options(config, rule.code, rule.name), active
        )
        seconds = config.rule_timeout * max(reports, 1)
        limit = budget(f"{path}: rule {rule.code} ({rule.name})", seconds)
        try:
            with limit, captured_stdout():
                produced = call(rule, context)
                if isinstance(produced, (str, bytes)) or not isinstance(produced, Iterable):
                    kind = "None" if produced is None else type(produced).__name__
                    problem = (
                        f"返回了 {kind}，而不是由 Diagnostic 组成的可迭代对象",
                        f"returned {kind}, not an iterable of Diagnostic",
                    )
                    return [plugin_error(rule, config.lang, path, problem)]
                found = list(produced)
        except BudgetExceeded as exc:
            if exc.deadline is not limit.deadline:
                raise
            self.run_errors.append(
                self._message(
                    f"{path}: 规则 {rule.code} ({rule.name}) 运行超过时间限制"
                    f"（rule-timeout {seconds:g} 秒），已停止",
                    f"{path}: rule {rule.code} ({rule.name}) ran longer than its time limit "
                    f"(rule-timeout {seconds:g} s) and was stopped",
                )
            )
            return []
        except BaseException as exc:
            if not contained(exc):
                raise
            self.run_errors.append(
                self._message(
                    f"{path}: 规则 {rule.code} ({rule.name}) 运行出错：{type(exc).__name__}: {exc}",
                    f"{path}: rule {rule.code} ({rule.name}) crashed: {type(exc).__name__}: {exc}",
                )
            )
            return []
        if checks is not None:  # check outcomes (issue 10)
            checks.extend(context.checks)
        findings = checked_findings(found, rule, config.lang, path, paths)
        override = severity_for(config, rule.code, rule.name)
        if override is not None:
            findings = [d.with_severity(override) if d.code == rule.code else d for d in findings]
        return findings

    def _unreadable(
        self, registry: Registry, config: Config, path: str, problem: str
    ) -> Diagnostic:
        rule = registry.rules.get(UNREADABLE)
        span = Span(1, 1, 1, 1)
        if rule is None:
            message = self._message(f"无法读取为年度报告：{problem}", f"cannot be read: {problem}")
            return Diagnostic(
                UNREADABLE,
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

    def _facts(self, report: Report, rules: list[Rule], config: Config) -> dict[str, ReportFacts]:
        """The facts each enabled whole-run rule keeps of ``report``, by rule code."""
        out: dict[str, ReportFacts] = {}
        base = ReportFacts.of(report)
        for rule in rules:
            if rule.check_run is None:
                continue
            value = None
            if rule.facts is not None:
                value = self._extract(rule, config, report)
            out[rule.code] = replace(base, value=value)
        return out

    def _extract(self, rule: Rule, config: Config, report: Report) -> Any:
        """A rule's facts of one report, under the guards a check runs under."""
        assert rule.facts is not None
        path = clean_text(report.path)
        seconds = config.rule_timeout
        limit = budget(f"{path}: rule {rule.code} ({rule.name})", seconds)
        try:
            with limit, captured_stdout():
                return rule.facts(report)
        except BudgetExceeded as exc:
            if exc.deadline is not limit.deadline:
                raise
            problem = f"facts ran longer than its time limit (rule-timeout {seconds:g} s)"
        except BaseException as exc:
            if not contained(exc):
                raise
            problem = f"facts crashed: {type(exc).__name__}: {exc}"
        self.run_errors.append(f"{path}: rule {rule.code} ({rule.name}) {problem}")
        return None

    def _check_run(
        self, files: list[FileResult], parsed: list[tuple[dict[str, ReportFacts], Config, Registry]]
    ) -> list[FileResult]:
        """Whole-run rules: called once with the facts of every report that parsed."""
        if not parsed:
            return files
        config, registry = parsed[0][1], parsed[0][2]
        extra: dict[str, list[Diagnostic]] = {}
        for rule in registry.sorted_rules():
            if rule.check_run is None:
                continue
            eligible = [facts[rule.code] for facts, _, _ in parsed if rule.code in facts]
            if not eligible:
                continue
            paths = tuple(clean_text(f.path) for f in eligible)
            for diagnostic in self._run_rule(
                rule,
                config,
                partial(_check_reports, eligible),
                clean_text(eligible[0].path),
                paths,
                len(eligible),
            ):
                if diagnostic.path in self._facts_only:
                    continue  # a --previous file: read for its facts, never reported on
                extra.setdefault(diagnostic.path, []).append(diagnostic)
        if not extra:
            return files
        out = []
        for result in files:
            more = extra.get(result.path)
            if more:
                merged = tuple(sorted((*result.diagnostics, *more), key=Diagnostic.sort_key))
                result = replace(result, diagnostics=merged)
            out.append(result)
        return out


def _real(path: Path) -> str:
    """``path`` with symbolic links resolved (never raises), to tell two names of a file."""
    import os

    return os.path.realpath(path)


def _check_report(report: Report, rule: Rule, context: RuleContext) -> Iterable[Any]:
    assert rule.check is not None
    return rule.check(report, context)


def _check_reports(facts: list[ReportFacts], rule: Rule, context: RuleContext) -> Iterable[Any]:
    assert rule.check_run is not None
    return rule.check_run(facts, context)


def run_check(
    paths: Sequence[str],
    overrides: Overrides,
    config_path: Path | None = None,
    *,
    isolated: bool = False,
    trust_configs: bool = False,
    timeout: float | None = None,
    resolver: ConfigResolver | None = None,
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
    registry = load_registry(config.plugins, config.lang)
    return registry, config.lang


__all__ = [
    "ConfigError",
    "Runner",
    "Skipped",
    "Target",
    "all_rules",
    "discover",
    "run_check",
    "run_language",
]
