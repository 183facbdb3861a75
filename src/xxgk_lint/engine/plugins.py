"""The plugin host: find plugins, register them with pluggy, collect their rules.

Modelled on sqlfluff's host: one entry-point group; every plugin is loaded inside its own
``try`` so that a broken plugin is reported by name and the run goes on with the others.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path

import pluggy

from xxgk_lint.engine import hookspecs
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

    def by_name(self, name: str) -> Rule | None:
        for candidate in self.rules.values():
            if candidate.name == name:
                return candidate
        return None

    def sorted_rules(self) -> list[Rule]:
        return [self.rules[code] for code in sorted(self.rules)]


def _error(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def _import_local(plugin: LocalPlugin) -> object:
    spec = plugin.spec
    if spec.endswith(".py") or "/" in spec or "\\" in spec:
        path = (plugin.base_dir / spec).resolve()
        if not path.is_file():
            raise FileNotFoundError(f"no such file: {path}")
        module_name = f"xxgk_lint_local_{abs(hash(str(path)))}"
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
    owners: dict[int, str] = {}
    ordered: list[object] = []  # registration order: built-ins, other entry points, local
    found = sorted(
        entry_points(group=hookspecs.ENTRY_POINT_GROUP),
        key=lambda e: (e.value != BUILTIN, e.name, e.value),
    )
    for entry in found:
        label = f"{entry.name} ({entry.value})"
        try:
            plugin = entry.load()
            manager.register(plugin, name=f"entry:{entry.name}")
            owners[id(plugin)] = label
            ordered.append(plugin)
        except Exception as exc:
            registry.errors.append(
                _error(
                    lang,
                    f"插件 {label} 加载失败：{type(exc).__name__}: {exc}",
                    f"plugin {label} failed to load: {type(exc).__name__}: {exc}",
                )
            )
    for plugin_ref in local:
        label = f"{plugin_ref.spec} ({plugin_ref.config_path})"
        try:
            module = _import_local(plugin_ref)
            if manager.is_registered(module):
                continue
            manager.register(module, name=f"local:{plugin_ref.spec}")
            owners[id(module)] = label
            ordered.append(module)
        except Exception as exc:
            registry.errors.append(
                _error(
                    lang,
                    f"本地插件 {label} 导入失败：{type(exc).__name__}: {exc}",
                    f"local plugin {label} failed to import: {type(exc).__name__}: {exc}",
                )
            )
    for plugin in ordered:
        label = owners.get(id(plugin), manager.get_name(plugin) or "?")
        hook = getattr(plugin, "xxgk_lint_rules", None)
        if hook is None:
            continue
        try:
            provided: Iterable[Rule] = hook() or ()
            _add_rules(registry, provided, label, lang)
        except Exception as exc:
            registry.errors.append(
                _error(
                    lang,
                    f"插件 {label} 的 xxgk_lint_rules 出错：{type(exc).__name__}: {exc}",
                    f"plugin {label}: xxgk_lint_rules raised {type(exc).__name__}: {exc}",
                )
            )
    return registry


def _add_rules(registry: Registry, provided: Iterable[Rule], label: str, lang: str) -> None:
    for item in provided:
        if not isinstance(item, Rule):
            raise TypeError(f"xxgk_lint_rules returned {type(item).__name__}, not a Rule")
        code, name = item.meta.code, item.meta.name
        problem = None
        if not _CODE.match(code):
            problem = f"rule code {code!r} is not letters followed by digits"
        elif not _NAME.match(name):
            problem = f"rule name {name!r} is not kebab-case"
        elif "zh" not in item.meta.messages:
            problem = f"rule {code} has no Chinese (zh) messages"
        elif code in registry.rules:
            problem = f"rule code {code} is declared twice ({registry.rules[code].meta.origin})"
        elif registry.by_name(name) is not None:
            problem = f"rule name {name} is declared twice"
        if problem:
            registry.errors.append(
                _error(lang, f"插件 {label}：{problem}", f"plugin {label}: {problem}")
            )
            continue
        registry.rules[code] = item
