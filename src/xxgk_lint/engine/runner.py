"""Run the rules over files: discover, read, parse, check, collect.

The runner is the only place that catches exceptions from rules: each rule runs inside
its own ``try``, so a crashing rule is reported by code and name and the others' findings
still come out. Files are never written to.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from xxgk_lint.engine.config import (
    Config,
    ConfigError,
    ConfigResolver,
    Overrides,
    check_selectors,
    enabled,
    excluded,
    rule_options,
    severity_for,
)
from xxgk_lint.engine.diagnostics import Diagnostic, Severity
from xxgk_lint.engine.plugins import Registry, load_registry
from xxgk_lint.engine.results import FileResult, RunResult
from xxgk_lint.engine.rule import Rule, RuleContext
from xxgk_lint.parse.ast import Report, Span

UNREADABLE = "XG001"
_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}


@dataclass(frozen=True)
class Target:
    path: Path
    explicit: bool  # named on the command line (read whatever its ending)


def discover(paths: Sequence[str], resolver: ConfigResolver) -> Iterator[Target]:
    """Files named, and report files under directories named, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield Target(path, True)
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                candidate = Path(folder) / name
                config = resolver.for_file(candidate)
                if not name.lower().endswith(config.extensions):
                    continue
                if excluded(config, candidate):
                    continue
                yield Target(candidate, False)


class Runner:
    """One run over many files with one set of plugins."""

    def __init__(self, resolver: ConfigResolver, lang: str = "zh") -> None:
        self.resolver = resolver
        self.lang = lang
        self._registries: dict[tuple, Registry] = {}
        self.run_errors: list[str] = []

    def registry_for(self, config: Config) -> Registry:
        key = tuple(sorted((p.spec, str(p.base_dir)) for p in config.plugins))
        if key not in self._registries:
            registry = load_registry(config.plugins, config.lang)
            self._registries[key] = registry
            self.run_errors.extend(e for e in registry.errors if e not in self.run_errors)
            check_selectors(config, registry)
        else:
            check_selectors(config, self._registries[key])
        return self._registries[key]

    def _message(self, zh: str, en: str) -> str:
        return en if self.lang == "en" else zh

    def run(self, paths: Sequence[str]) -> RunResult:
        files: list[FileResult] = []
        parsed: list[tuple[Report, Config, Registry]] = []
        all_rules: dict[str, Rule] = {}
        for target in discover(paths, self.resolver):
            config = self.resolver.for_file(target.path)
            registry = self.registry_for(config)
            all_rules.update(registry.rules)
            rules = [
                r
                for r in registry.sorted_rules()
                if enabled(config, r.code, r.name, target.path) or r.code == UNREADABLE
            ]
            result, report = self._check_file(target, config, registry, rules)
            files.append(replace(result, fail_on=Severity.parse(config.fail_on)))
            if report is not None:
                parsed.append((report, config, registry))
        files = self._check_run(files, parsed)
        metas = tuple(all_rules[c].meta for c in sorted(all_rules))
        fail_on = Severity.parse(self._fail_on())
        return RunResult(tuple(files), metas, fail_on, self.lang, tuple(self.run_errors))

    def _fail_on(self) -> str:
        configs = self.resolver.configs()
        return configs[0].fail_on if configs else (self.resolver.overrides.fail_on or "error")

    def _check_file(
        self, target: Target, config: Config, registry: Registry, rules: list[Rule]
    ) -> tuple[FileResult, Report | None]:
        from xxgk_lint.parse import parse_source
        from xxgk_lint.sources import InputError, read_source

        path = str(target.path)
        metas = tuple(r.meta for r in rules)
        try:
            source = read_source(target.path)
            report = parse_source(source)
        except InputError as exc:
            from xxgk_lint.sources.messages import localise

            diagnostic = self._unreadable(registry, config, path, localise(str(exc), config.lang))
            return FileResult(path, (diagnostic,), metas, (), None, True), None
        except RecursionError:
            problem = "文件嵌套过深" if config.lang == "zh" else "the file is too deeply nested"
            diagnostic = self._unreadable(registry, config, path, problem)
            return FileResult(path, (diagnostic,), metas, (), None, True), None
        diagnostics: list[Diagnostic] = []
        for rule in rules:
            if rule.check is None:
                continue
            diagnostics.extend(self._run_rule(rule, config, lambda r, c: r.check(report, c), path))
        lines = source.original_lines or tuple(source.text.split("\n"))
        result = FileResult(
            path, tuple(sorted(diagnostics, key=Diagnostic.sort_key)), metas, lines, source.kind
        )
        return result, report

    def _run_rule(self, rule: Rule, config: Config, call, path: str) -> list[Diagnostic]:
        context = RuleContext(
            rule.meta, path, config.lang, rule_options(config, rule.code, rule.name)
        )
        try:
            found = list(call(rule, context))
        except Exception as exc:
            self.run_errors.append(
                self._message(
                    f"{path}: 规则 {rule.code} ({rule.name}) 运行出错：{type(exc).__name__}: {exc}",
                    f"{path}: rule {rule.code} ({rule.name}) crashed: {type(exc).__name__}: {exc}",
                )
            )
            return []
        override = severity_for(config, rule.code, rule.name)
        if override is not None:
            found = [d.with_severity(override) for d in found]
        return found

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

    def _check_run(
        self, files: list[FileResult], parsed: list[tuple[Report, Config, Registry]]
    ) -> list[FileResult]:
        """Whole-run rules: called once with every report that parsed."""
        if not parsed:
            return files
        config, registry = parsed[0][1], parsed[0][2]
        extra: dict[str, list[Diagnostic]] = {}
        reports = [p[0] for p in parsed]
        for rule in registry.sorted_rules():
            if rule.check_run is None:
                continue
            eligible = [r for r, c, _ in parsed if enabled(c, rule.code, rule.name, Path(r.path))]
            if not eligible:
                continue
            for diagnostic in self._run_rule(
                rule, config, lambda r, c, e=eligible: r.check_run(e, c), reports[0].path
            ):
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


def run_check(
    paths: Sequence[str], overrides: Overrides, config_path: Path | None = None
) -> RunResult:
    """Check ``paths``; raises ConfigError for a broken config."""
    resolver = ConfigResolver(config_path, overrides)
    lang = overrides.lang
    if lang is None:
        first = next(iter(paths), ".")
        lang = resolver.for_file(Path(first) / "x" if Path(first).is_dir() else Path(first)).lang
    return Runner(resolver, lang).run(paths)


def all_rules(lang: str | None = None, config_path: Path | None = None) -> tuple[Registry, str]:
    """The registry for `rules`/`explain` (entry points plus the config's local plugins),
    and the language to use (the flag, else the config's ``lang``)."""
    resolver = ConfigResolver(config_path, Overrides(lang=lang))
    config = resolver.for_file(Path.cwd() / "x")
    registry = load_registry(config.plugins, config.lang)
    return registry, config.lang


__all__ = ["ConfigError", "Runner", "all_rules", "discover", "run_check"]
