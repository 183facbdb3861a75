"""Configuration: ``.xxgk-lint.yaml``, found from each checked file's directory upward.

Precedence (highest first): command-line flags, the nearest config file (or the one given
with ``--config``), built-in defaults. Every key and value is validated: an unknown key, a
selector that matches no rule or a bad value is a one-line error naming the key and the
file, with a suggestion — never silently ignored.
"""

from __future__ import annotations

import difflib
import fnmatch
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.engine.plugins import LocalPlugin, Registry
from xxgk_lint.sources import DEFAULT_EXTENSIONS

CONFIG_NAMES = (".xxgk-lint.yaml", ".xxgk-lint.yml")
LANGS = ("zh", "en")
#: Files a directory walk skips: a repository's own documents are not reports.
DEFAULT_EXCLUDE = ("README*", "CHANGELOG*", "LICENSE*", "CONTRIBUTING*", "*.expect.yaml")

KNOWN_KEYS = (
    "select",
    "ignore",
    "severity",
    "per-file-ignores",
    "plugins",
    "lang",
    "fail-on",
    "rules",
    "extensions",
    "exclude",
)


class ConfigError(Exception):
    """A config problem; the message is one line and names the key and the file."""


@dataclass(frozen=True)
class Config:
    """The merged configuration for one file."""

    path: str | None = None  # the config file, if any
    root: Path = field(default_factory=Path.cwd)  # per-file-ignores are relative to it
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    plugins: tuple[LocalPlugin, ...] = ()
    lang: str = "zh"
    fail_on: str = "error"
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    #: Selectors given with --select/--ignore, so that an error about one names the
    #: command line, not the config file.
    cli_selectors: tuple[str, ...] = ()

    def describe(self) -> dict[str, Any]:
        """The merged config as plain data (``--show-config``)."""
        return {
            "config-file": self.path,
            "select": list(self.select),
            "ignore": list(self.ignore),
            "severity": dict(self.severity),
            "per-file-ignores": {k: list(v) for k, v in self.per_file_ignores.items()},
            "plugins": [p.spec for p in self.plugins],
            "lang": self.lang,
            "fail-on": self.fail_on,
            "rules": {k: dict(v) for k, v in self.rules.items()},
            "extensions": list(self.extensions),
            "exclude": list(self.exclude),
        }


@dataclass(frozen=True)
class Overrides:
    """Command-line flags; ``None`` means "not given"."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    lang: str | None = None
    fail_on: str | None = None


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _string_list(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def _choice(value: Any, key: str, where: str, choices: Sequence[str]) -> str:
    if not isinstance(value, str) or value.lower() not in choices:
        raise ConfigError(
            f"{where}: '{key}' must be one of {', '.join(choices)}, not {value!r}"
            + (_suggest(str(value).lower(), choices) if isinstance(value, str) else "")
        )
    return value.lower()


def load_file(path: Path) -> Config:
    """Read and validate the keys of one config file (selectors are checked later)."""
    import yaml  # only when a config file exists

    where = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{where}: invalid YAML{at}: {problem}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{where}: cannot read the config file ({exc})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: the config must be a mapping of keys to values")
    config = Config(path=where, root=path.parent)
    changes: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KNOWN_KEYS:
            raise ConfigError(f"{where}: unknown key '{key}'{_suggest(str(key), KNOWN_KEYS)}")
        if key in ("select", "ignore", "exclude"):
            changes[key] = _string_list(value, key, where)
        elif key == "extensions":
            exts = _string_list(value, key, where)
            changes["extensions"] = tuple(e if e.startswith(".") else f".{e}" for e in exts)
        elif key == "lang":
            changes["lang"] = _choice(value, key, where, LANGS)
        elif key == "fail-on":
            changes["fail_on"] = _choice(value, key, where, ("error", "warning", "info"))
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'severity' must map rule selectors to levels")
            changes["severity"] = {
                str(k): _choice(v, f"severity.{k}", where, ("error", "warning", "info"))
                for k, v in value.items()
            }
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'per-file-ignores' must map globs to rule lists")
            changes["per_file_ignores"] = {
                str(k): _string_list(v, f"per-file-ignores.{k}", where) for k, v in value.items()
            }
        elif key == "plugins":
            specs = _string_list(value, key, where)
            changes["plugins"] = tuple(LocalPlugin(s, path.parent, where) for s in specs)
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"{where}: 'rules' must map rule codes to option mappings")
            changes["rules"] = {str(k): dict(v) for k, v in value.items()}
    return replace(config, **changes)


def find_config_file(directory: Path) -> Path | None:
    """The nearest config file at or above ``directory``."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


class ConfigResolver:
    """Gives each checked file its merged config (cached per config file)."""

    def __init__(self, explicit: Path | None, overrides: Overrides) -> None:
        self.explicit = explicit
        self.overrides = overrides
        self._cache: dict[Path | None, Config] = {}
        self._found: dict[Path, Path | None] = {}  # per run: a later run sees new files

    def for_file(self, path: Path) -> Config:
        if self.explicit is not None:
            config_path: Path | None = self.explicit
        else:
            folder = path.resolve().parent
            if folder not in self._found:
                self._found[folder] = find_config_file(folder)
            config_path = self._found[folder]
        if config_path not in self._cache:
            base = load_file(config_path) if config_path is not None else Config()
            self._cache[config_path] = self._apply(base)
        return self._cache[config_path]

    def _apply(self, config: Config) -> Config:
        o = self.overrides
        changes: dict[str, Any] = {}
        changes["cli_selectors"] = (*(o.select or ()), *(o.ignore or ()))
        if o.select is not None:
            changes["select"] = o.select
        if o.ignore is not None:
            changes["ignore"] = (*config.ignore, *o.ignore)
        if o.lang is not None:
            changes["lang"] = o.lang
        if o.fail_on is not None:
            changes["fail_on"] = o.fail_on
        return replace(config, **changes)

    def configs(self) -> list[Config]:
        return list(self._cache.values())


# ---- selectors: codes, code prefixes, names, ALL ----


def selector_matches(selector: str, code: str, name: str) -> bool:
    if selector == "ALL":
        return True
    if selector.upper() == selector and selector[:1].isalpha() and code.startswith(selector):
        return True
    return selector == name


def check_selectors(config: Config, registry: Registry) -> None:
    """Every selector must name at least one known rule; every option must exist."""
    where = config.path or "command line"
    codes = list(registry.rules)
    names = [r.name for r in registry.rules.values()]
    groups: list[tuple[str, Iterable[str]]] = [
        ("select", config.select),
        ("ignore", config.ignore),
        ("severity", config.severity.keys()),
    ]
    for glob, selectors in config.per_file_ignores.items():
        groups.append((f"per-file-ignores.{glob}", selectors))
    for key, selectors in groups:
        for selector in selectors:
            if not any(selector_matches(selector, c, registry.rules[c].name) for c in codes):
                source = where
                if key in ("select", "ignore") and selector in config.cli_selectors:
                    source = "command line"
                raise ConfigError(
                    f"{source}: '{key}' names no known rule: {selector!r}"
                    + _suggest(selector, [*codes, *names])
                )
    for ref, options in config.rules.items():
        target = registry.rules.get(ref) or registry.by_name(ref)
        if target is None:
            raise ConfigError(
                f"{where}: 'rules.{ref}' names no known rule" + _suggest(ref, [*codes, *names])
            )
        known = {o.name for o in target.meta.options}
        for option in options:
            if option not in known:
                choices = ", ".join(sorted(known)) or "none"
                raise ConfigError(
                    f"{where}: rule {target.code} has no option '{option}' (options: {choices})"
                    + _suggest(option, known)
                )


def rule_options(config: Config, code: str, name: str) -> dict[str, Any]:
    return dict(config.rules.get(code) or config.rules.get(name) or {})


def enabled(config: Config, code: str, name: str, path: Path) -> bool:
    """Whether the rule runs on ``path`` under this config."""
    if not any(selector_matches(s, code, name) for s in config.select):
        return False
    if any(selector_matches(s, code, name) for s in config.ignore):
        return False
    relative = _relative(path, config.root)
    for glob, selectors in config.per_file_ignores.items():
        if _glob_match(relative, glob) and any(selector_matches(s, code, name) for s in selectors):
            return False
    return True


def severity_for(config: Config, code: str, name: str) -> Severity | None:
    """The configured severity for a rule (most specific selector wins), if any."""
    best: tuple[int, str] | None = None
    for selector, level in config.severity.items():
        if selector_matches(selector, code, name):
            specificity = len(selector) if selector != "ALL" else 0
            if selector == name:
                specificity = 100
            if best is None or specificity > best[0]:
                best = (specificity, level)
    return Severity.parse(best[1]) if best else None


def excluded(config: Config, path: Path) -> bool:
    """Whether ``exclude`` skips ``path`` (globs relative to the config file's folder)."""
    relative = _relative(path, config.root)
    return any(_glob_match(relative, glob) for glob in config.exclude)


def _relative(path: Path, root: Path) -> str:
    try:
        return PurePosixPath(path.resolve().relative_to(root.resolve())).as_posix()
    except ValueError:
        return path.as_posix()


def _glob_match(relative: str, glob: str) -> bool:
    return fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(PurePosixPath(relative).name, glob)
