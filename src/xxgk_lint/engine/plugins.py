"""The plugin host: find plugins, register them with pluggy, collect their rules.

Modelled on sqlfluff's host: one entry-point group; every plugin is loaded inside its own
``try`` so that a broken plugin is reported by name and the run goes on with the others.
That ``try`` also holds ``SystemExit`` and a ``KeyboardInterrupt`` the plugin raised itself
(see :mod:`xxgk_lint.engine.guard`), and what a plugin prints while it loads goes to
stderr. A local plugin's module name is derived from its path, so that the same files give
the same messages, byte for byte, on every run.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pluggy

from xxgk_lint.engine import hookspecs
from xxgk_lint.engine.builtin import PLUGIN_ERROR_RULE, clean_text
from xxgk_lint.engine.diagnostics import RuleDoc, RuleMeta, RuleOption, Severity
from xxgk_lint.engine.guard import captured_stdout, contained
from xxgk_lint.engine.rule import Rule

#: The built-in rules' module: registered first, so a plugin can never replace them.
BUILTIN = "xxgk_lint_rules"
_CODE = re.compile(r"^[A-Z]{1,8}[0-9]{1,5}$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class LocalPlugin:
    """A plugin named in a config file: a ``.py`` path or a module name."""

    spec: str
    base_dir: Path
    config_path: str


@dataclass
class Registry:
    """All rules known to a run, by code, and the problems met while loading them."""

    rules: dict[str, Rule] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    #: Code → the plugin that declared it (for the message about a code declared twice).
    declared_by: dict[str, str] = field(default_factory=dict)
    #: The files of the local plugins loaded (``--output-file`` never overwrites them).
    files: list[Path] = field(default_factory=list)

    def by_name(self, name: str) -> Rule | None:
        for candidate in self.rules.values():
            if candidate.name == name:
                return candidate
        return None

    def sorted_rules(self) -> list[Rule]:
        return [self.rules[code] for code in sorted(self.rules)]


def _error(lang: str, zh: str, en: str) -> str:
    return clean_text(en if lang == "en" else zh)


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def is_file_spec(spec: str) -> bool:
    """Whether a ``plugins:`` entry names a ``.py`` file (else: a module name)."""
    return spec.endswith(".py") or "/" in spec or "\\" in spec


def plugin_file(plugin: LocalPlugin) -> Path | None:
    """The file a local plugin entry names, resolved; ``None`` for a module name."""
    if not is_file_spec(plugin.spec):
        return None
    return (plugin.base_dir / plugin.spec).resolve()


def module_name_for(path: Path) -> str:
    """A module name for a plugin file: its stem and a digest of its path (deterministic)."""
    raw = str(path).encode("utf-8", "surrogateescape")
    stem = re.sub(r"\W", "_", path.stem, flags=re.ASCII) or "plugin"
    return f"xxgk_lint_local_{stem}_{hashlib.sha256(raw).hexdigest()[:12]}"


def _import_local(plugin: LocalPlugin) -> object:
    spec = plugin.spec
    path = plugin_file(plugin)
    if path is not None:
        if not path.is_file():
            raise FileNotFoundError(f"no such file: {path}")
        module_name = module_name_for(path)
        loader_spec = importlib.util.spec_from_file_location(module_name, path)
        if loader_spec is None or loader_spec.loader is None:
            raise ImportError(f"cannot load {path}")
        module = importlib.util.module_from_spec(loader_spec)
        sys.modules[module_name] = module
        loader_spec.loader.exec_module(module)
        return module
    return importlib.import_module(spec)


def load_registry(local: Sequence[LocalPlugin] = (), lang: str = "zh") -> Registry:
    """Register entry-point plugins and local ones; collect and validate their rules."""
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    registry = Registry()
    registry.rules[PLUGIN_ERROR_RULE.code] = PLUGIN_ERROR_RULE
    registry.declared_by[PLUGIN_ERROR_RULE.code] = "xxgk-lint (engine)"
    owners: dict[int, str] = {}
    ordered: list[object] = []  # registration order: built-ins, other entry points, local
    from xxgk_lint.engine.entrypoints import entry_points

    found = sorted(
        entry_points(hookspecs.ENTRY_POINT_GROUP),
        key=lambda e: (e.value != BUILTIN, e.name, e.value),
    )
    for entry in found:
        label = f"{entry.name} ({entry.value})"
        try:
            with captured_stdout():
                plugin = entry.load()
            manager.register(plugin, name=f"entry:{entry.name}")
            owners[id(plugin)] = label
            ordered.append(plugin)
        except BaseException as exc:
            if not contained(exc):
                raise
            registry.errors.append(
                _error(
                    lang,
                    f"插件 {label} 加载失败：{_describe(exc)}",
                    f"plugin {label} failed to load: {_describe(exc)}",
                )
            )
    for plugin_ref in local:
        label = f"{plugin_ref.spec} ({plugin_ref.config_path})"
        try:
            with captured_stdout():
                module = _import_local(plugin_ref)
            origin = getattr(module, "__file__", None)
            if origin:
                registry.files.append(Path(origin))
            if manager.is_registered(module):
                continue
            manager.register(module, name=f"local:{plugin_ref.spec}")
            owners[id(module)] = label
            ordered.append(module)
        except BaseException as exc:
            if not contained(exc):
                raise
            registry.errors.append(
                _error(
                    lang,
                    f"本地插件 {label} 导入失败：{_describe(exc)}",
                    f"local plugin {label} failed to import: {_describe(exc)}",
                )
            )
    for plugin in ordered:
        label = owners.get(id(plugin), manager.get_name(plugin) or "?")
        hook = getattr(plugin, "xxgk_lint_rules", None)
        if hook is None:
            continue
        try:
            with captured_stdout():
                provided: Iterable[Rule] = hook() or ()
                _add_rules(registry, provided, label, lang)
        except BaseException as exc:
            if not contained(exc):
                raise
            registry.errors.append(
                _error(
                    lang,
                    f"插件 {label} 的 xxgk_lint_rules 出错：{_describe(exc)}",
                    f"plugin {label}: xxgk_lint_rules raised {_describe(exc)}",
                )
            )
    return registry


def _meta_problem(item: Rule) -> str | None:
    """What makes a rule's metadata unusable by the formatters and listings, if anything."""
    meta = item.meta
    if not isinstance(meta, RuleMeta):
        return f"rule metadata is {type(meta).__name__}, not a RuleMeta"
    code, name = meta.code, meta.name
    if not isinstance(code, str) or not _CODE.match(code):
        return f"rule code {code!r} is not letters followed by digits"
    if not isinstance(name, str) or not _NAME.match(name):
        return f"rule name {name!r} is not kebab-case"
    if not isinstance(meta.severity, Severity):
        return f"rule {code}: severity {meta.severity!r} is not a Severity"
    if not isinstance(meta.messages, dict) or not isinstance(meta.messages.get("zh"), dict):
        return f"rule {code} has no Chinese (zh) messages"
    if not isinstance(meta.summary, dict) or not isinstance(meta.summary.get("zh"), str):
        return f"rule {code} has no Chinese (zh) summary"
    if not all(isinstance(v, str) for v in meta.summary.values()):
        return f"rule {code}: every summary must be a str"
    if not isinstance(meta.docs, dict) or not isinstance(meta.docs.get("zh"), RuleDoc):
        return f"rule {code} has no Chinese (zh) docs (a RuleDoc)"
    if not all(isinstance(v, RuleDoc) for v in meta.docs.values()):
        return f"rule {code}: every docs entry must be a RuleDoc"
    if not all(isinstance(o, RuleOption) for o in meta.options):
        return f"rule {code}: options must be RuleOption objects"
    if item.check is not None and not callable(item.check):
        return f"rule {code}: check is not callable"
    if item.check_run is not None and not callable(item.check_run):
        return f"rule {code}: check_run is not callable"
    return None


def _add_rules(registry: Registry, provided: Iterable[Rule], label: str, lang: str) -> None:
    for item in provided:
        if not isinstance(item, Rule):
            raise TypeError(f"xxgk_lint_rules returned {type(item).__name__}, not a Rule")
        problem = _meta_problem(item)
        if problem is None:
            code, name = item.meta.code, item.meta.name
            if code in registry.rules:
                first = registry.declared_by.get(code, registry.rules[code].meta.origin)
                problem = f"rule code {code} is declared twice (first by {first})"
            elif registry.by_name(name) is not None:
                problem = f"rule name {name} is declared twice"
        if problem:
            registry.errors.append(
                _error(lang, f"插件 {label}：{problem}", f"plugin {label}: {problem}")
            )
            continue
        registry.rules[item.meta.code] = item
        registry.declared_by[item.meta.code] = label
