"""Configuration: ``.xxgk-lint.yaml``, found from each checked file's directory upward.

Precedence (highest first): command-line flags, the nearest config file (or the one given
with ``--config``), built-in defaults. Every key and value is validated: an unknown key, a
selector that matches no rule or a bad value is a one-line error naming the key and the
file, with a suggestion — never silently ignored.

Trust: a config file can name code to run (``plugins``) and set what a hostile file may
cost (``limits``, ``rule-timeout``). Those keys are applied only from a *trusted* config:
the one given with ``--config``, or one found in the working directory or a folder above
it. A config found inside a checked folder (a folder of reports sent by someone else) is
applied for its data settings only, and the keys it cannot set are named in a warning,
unless ``--trust-configs`` is given. ``--isolated`` reads no config file at all.
"""

from __future__ import annotations

import fnmatch
import functools
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from xxgk_lint.engine.builtin import clean_text
from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.engine.plugins import LocalPlugin, Registry
from xxgk_lint.engine.results import ConfigUse
from xxgk_lint.phrasebook import Phrasebook
from xxgk_lint.records import record
from xxgk_lint.sources import DEFAULT_EXTENSIONS
from xxgk_lint.sources.limits import DEFAULT_LIMITS, Limits

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
    "rule-timeout",
    "limits",
    "baseline",
)
#: Keys that decide what code runs and what a file may cost, and which findings are
#: accepted (``baseline``): applied only from a trusted config file (see the module
#: docstring). A folder of reports someone sent cannot accept its own findings.
TRUSTED_ONLY_KEYS = ("plugins", "limits", "rule-timeout", "baseline")
#: Seconds one rule may spend on one report (``rule-timeout``); real rules take
#: milliseconds.
DEFAULT_RULE_TIMEOUT = 5.0
#: Rules that run whatever ``select`` and ``ignore`` say.
ALWAYS_ON = ("XG001", "XG009")


class ConfigError(Exception):
    """A config problem; the message is one line and names the key and the file. ``str()``
    is English (the library's), ``zh`` the same in Chinese; :meth:`line` is what the
    command line prints."""

    def __init__(self, en: str, zh: str | None = None) -> None:
        super().__init__(en)
        self.zh = zh if zh is not None else en

    def line(self, lang: str) -> str:
        """``配置错误：…`` / ``config error: …``, in the user's language."""
        return f"config error: {self}" if lang == "en" else f"配置错误：{self.zh}"


class UnknownSelectorError(ConfigError):
    """A rule named on the command line (``--select``/``--ignore``) that a config's rules do
    not include: ``selector`` under the config ``config`` (``key``: select or ignore).

    The run may know the rule from another config (the nearest config of each file applies
    whole: a folder's own config does not load the plugins of the one above); the runner
    then says so (:meth:`xxgk_lint.engine.runner.Runner.plan`), else this is the error.
    """

    def __init__(self, en: str, zh: str, selector: str, key: str, config: Config) -> None:
        super().__init__(en, zh)
        self.selector = selector
        self.key = key
        self.config = config


class PluginError(ConfigError):
    """A plugin or rule file the config names could not be loaded, and the config needs its
    rules: the message is that failure (``checks/acme.py:3: …``, already in the run's
    language), never a suggestion of another rule."""

    def line(self, lang: str) -> str:
        return str(self) if lang == "en" else self.zh


#: A rule option's refusal (:meth:`RuleOption.problem`) in Chinese; first match wins.
_OPTION_ZH = Phrasebook(
    (
        (r"^must be a number, not (\S+) (.*)$", r"应为数，而不是 \1 \2"),
        (r"^must be between (\S+) and (\S+), not (.*)$", r"应在 \1 与 \2 之间，而不是 \3"),
        (r"^must be at least (\S+), not (.*)$", r"应至少为 \1，而不是 \2"),
        (r"^must be at most (\S+), not (.*)$", r"应至多为 \1，而不是 \2"),
        (r"^must be one of (.*), not (.*)$", r"应为 \1 之一，而不是 \2"),
        (r"^must be of type (\S+), not (\S+) (.*)$", r"应为 \1 类型，而不是 \2 \3"),
    )
)


def _option_zh(problem: str) -> str:
    return _OPTION_ZH.translate(problem) or problem


def _yaml_zh(problem: str) -> str:
    """The safe loader's problem (``invalid YAML at line 2, column 1: …``) in Chinese."""
    import re

    from xxgk_lint.engine.yamlrules.marked import problem_zh

    found = re.match(r"^invalid YAML(?: at line (\d+), column (\d+))?: (.*)$", problem)
    if found is None:
        return f"YAML 无法使用：{problem_zh(problem)}"
    where = f"（第 {found[1]} 行第 {found[2]} 列）" if found[1] else ""
    return f"YAML 格式错误{where}：{problem_zh(found[3])}"


@record(eq=False)
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
    rule_timeout: float = DEFAULT_RULE_TIMEOUT
    limits: Limits = DEFAULT_LIMITS
    #: The baseline file whose findings are hidden (relative paths: to the config's folder).
    baseline: Path | None = None
    #: Whether the file is trusted (given with --config, found at or above the working
    #: directory, or --trust-configs), and the keys it set that were not applied.
    trusted: bool = True
    ignored: tuple[str, ...] = ()
    #: The keys the config file set (in its order).
    keys: tuple[str, ...] = ()
    #: Selectors given with --select/--ignore, so that an error about one names the
    #: command line, not the config file.
    cli_selectors: tuple[str, ...] = ()
    #: Whether ``select`` came from --select.
    cli_select: bool = False

    def describe(self) -> dict[str, Any]:
        """The merged config as plain data (``--show-config``)."""
        limits = {n: getattr(self.limits, n.replace("-", "_")) for n in Limits.option_names()}
        return {
            "config-file": self.path,
            "trusted": self.trusted,
            "ignored": list(self.ignored),
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
            "rule-timeout": self.rule_timeout,
            "limits": limits,
            "baseline": str(self.baseline) if self.baseline is not None else None,
        }


@record(eq=False)
class Overrides:
    """Command-line flags; ``None`` means "not given"."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    lang: str | None = None
    fail_on: str | None = None


def _suggest(word: str, choices: Iterable[str]) -> str:
    import difflib  # only for an error message

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _suggest_zh(word: str, choices: Iterable[str]) -> str:
    import difflib  # only for an error message

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"；是否应为 {close[0]!r}？" if close else ""


def _string_list(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(
            f"{where}: '{key}' must be a list of strings", f"{where}：'{key}' 应为文本列表"
        )
    return tuple(value)


def _choice(value: Any, key: str, where: str, choices: Sequence[str]) -> str:
    if not isinstance(value, str) or value.lower() not in choices:
        word = str(value).lower() if isinstance(value, str) else None
        raise ConfigError(
            f"{where}: '{key}' must be one of {', '.join(choices)}, not {value!r}"
            + (_suggest(word, choices) if word is not None else ""),
            f"{where}：'{key}' 应为 {'、'.join(choices)} 之一，而不是 {value!r}"
            + (_suggest_zh(word, choices) if word is not None else ""),
        )
    return value.lower()


def _positive_number(value: Any, key: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ConfigError(
            f"{where}: '{key}' must be a positive number of seconds, not {value!r}",
            f"{where}：'{key}' 应为正的秒数，而不是 {value!r}",
        )
    if value == float("inf"):
        raise ConfigError(
            f"{where}: '{key}' must be a finite number of seconds, not {value!r}",
            f"{where}：'{key}' 应为有限的秒数，而不是 {value!r}",
        )
    return float(value)


def _limits(value: Any, where: str) -> Limits:
    names = Limits.option_names()
    if not isinstance(value, dict):
        raise ConfigError(
            f"{where}: 'limits' must map limit names to numbers",
            f"{where}：'limits' 应为限制名称到数的映射",
        )
    changes: dict[str, int] = {}
    for key, number in value.items():
        if key not in names:
            raise ConfigError(
                f"{where}: unknown limit 'limits.{key}' (limits: {', '.join(names)})"
                + _suggest(str(key), names),
                f"{where}：未知的限制 'limits.{key}'（限制：{', '.join(names)}）"
                + _suggest_zh(str(key), names),
            )
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            raise ConfigError(
                f"{where}: 'limits.{key}' must be a positive whole number, not {number!r}",
                f"{where}：'limits.{key}' 应为正整数，而不是 {number!r}",
            )
        changes[str(key).replace("-", "_")] = number
    return replace(DEFAULT_LIMITS, **changes)


def load_file(path: Path) -> Config:
    """Read and validate the keys of one config file (selectors are checked later)."""
    # Imported here: PyYAML is only needed when a config file exists.
    from xxgk_lint.engine.yamlsafe import MAX_CONFIG_BYTES, YamlProblem, load_yaml
    from xxgk_lint.sources import NotRegularFile, read_regular
    from xxgk_lint.sources.messages import localise

    where = str(path)
    try:
        raw = read_regular(path, MAX_CONFIG_BYTES)
        if len(raw) > MAX_CONFIG_BYTES:
            kib = MAX_CONFIG_BYTES // 1024
            raise ConfigError(
                f"{where}: the config file is larger than {kib} KiB",
                f"{where}：配置文件超过 {kib} KiB",
            )
        data = load_yaml(raw.decode("utf-8"))
    except YamlProblem as exc:
        raise ConfigError(f"{where}: {exc}", f"{where}：{_yaml_zh(str(exc))}") from None
    except NotRegularFile as exc:
        raise ConfigError(
            f"{where}: the config file {exc}",
            f"{where}：无法读取配置文件（{localise(str(exc), 'zh')}）",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"{where}: cannot read the config file ({exc})", f"{where}：无法读取配置文件（{exc}）"
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(
            f"{where}: the config must be a mapping of keys to values",
            f"{where}：配置应为键到值的映射",
        )
    config = Config(path=where, root=path.parent, keys=tuple(str(k) for k in data))
    changes: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KNOWN_KEYS:
            raise ConfigError(
                f"{where}: unknown key '{key}'{_suggest(str(key), KNOWN_KEYS)}",
                f"{where}：未知的键 '{key}'{_suggest_zh(str(key), KNOWN_KEYS)}",
            )
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
                raise ConfigError(
                    f"{where}: 'severity' must map rule selectors to levels",
                    f"{where}：'severity' 应为规则选择符到级别的映射",
                )
            changes["severity"] = {
                str(k): _choice(v, f"severity.{k}", where, ("error", "warning", "info"))
                for k, v in value.items()
            }
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(
                    f"{where}: 'per-file-ignores' must map globs to rule lists",
                    f"{where}：'per-file-ignores' 应为文件通配符到规则列表的映射",
                )
            changes["per_file_ignores"] = {
                str(k): _string_list(v, f"per-file-ignores.{k}", where) for k, v in value.items()
            }
        elif key == "plugins":
            specs = _string_list(value, key, where)
            changes["plugins"] = tuple(LocalPlugin(s, path.parent, where) for s in specs)
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(
                    f"{where}: 'rules' must map rule codes to option mappings",
                    f"{where}：'rules' 应为规则代码到选项映射的映射",
                )
            changes["rules"] = {str(k): dict(v) for k, v in value.items()}
        elif key == "rule-timeout":
            changes["rule_timeout"] = _positive_number(value, key, where)
        elif key == "limits":
            changes["limits"] = _limits(value, where)
        elif key == "baseline":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(
                    f"{where}: 'baseline' must be the path of a baseline file",
                    f"{where}：'baseline' 应为基线文件的路径",
                )
            changes["baseline"] = path.parent / value
    return replace(config, **changes)


def untrusted(config: Config) -> Config:
    """``config`` without the keys only a trusted file may set; they are listed in ``ignored``."""
    return replace(
        config,
        plugins=(),
        limits=DEFAULT_LIMITS,
        rule_timeout=DEFAULT_RULE_TIMEOUT,
        baseline=None,
        trusted=False,
        ignored=tuple(k for k in TRUSTED_ONLY_KEYS if k in config.keys),
    )


def find_config_file(directory: Path) -> Path | None:
    """The nearest config file at or above ``directory``.

    A folder that cannot be looked into (no permission) is taken to hold none: the search
    goes on upward, as it would if the file were absent.
    """
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            try:
                # (a named pipe or a device there is found too, and named when read)
                if candidate.exists():
                    return candidate
            except OSError:
                continue
    return None


def _resolved(path: Path) -> Path:
    """``path`` made absolute with symlinks resolved where possible (never raises)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        return Path(os.path.abspath(path))


class ConfigResolver:
    """Gives each checked file its merged config (cached per config file).

    ``isolated`` reads no config file (only the command line counts); ``trust_configs``
    applies every key of a config found inside a checked folder, plugins included.
    """

    def __init__(
        self,
        explicit: Path | None,
        overrides: Overrides,
        *,
        isolated: bool = False,
        trust_configs: bool = False,
        cwd: Path | None = None,
    ) -> None:
        self.explicit = explicit
        self.overrides = overrides
        self.isolated = isolated
        self.trust_configs = trust_configs
        self.cwd = _resolved(cwd or Path.cwd())
        self._cache: dict[Path | None, Config] = {}
        self._found: dict[Path, Path | None] = {}  # per run: a later run sees new files
        self._folders: dict[str, Path] = {}
        #: One line per config file whose trusted-only keys were not applied.
        self.warnings: list[str] = []

    def config_path_for(self, path: Path) -> Path | None:
        """The config file that applies to ``path`` (a file, which need not exist)."""
        if self.isolated:
            return None
        if self.explicit is not None:
            return self.explicit
        # The folder the file is in (not where a symlinked file points to): a link to a
        # report elsewhere is checked with the config of the folder it was found in.
        folder = self._folder(path)
        if folder not in self._found:
            self._found[folder] = find_config_file(folder)
        return self._found[folder]

    def _folder(self, path: Path) -> Path:
        """The folder ``path`` is in, resolved once per folder and run (a walk asks for
        every file, and resolving costs a system call per path component)."""
        key = os.path.dirname(os.path.abspath(path))
        folder = self._folders.get(key)
        if folder is None:
            folder = self._folders[key] = _resolved(Path(key))
        return folder

    def for_file(self, path: Path) -> Config:
        config_path = self.config_path_for(path)
        if config_path not in self._cache:
            if config_path is None:
                base = Config()
            else:
                base = load_file(config_path)
                if not self._trusted(config_path):
                    base = self._untrusted(base)
            self._cache[config_path] = self._apply(base)
        return self._cache[config_path]

    def _trusted(self, config_path: Path) -> bool:
        if self.explicit is not None:
            return True
        folder = _resolved(config_path.parent)
        return folder == self.cwd or folder in self.cwd.parents

    def shown(self, path: str) -> str:
        """``path`` relative to the working directory when inside it, for messages."""
        relative = os.path.relpath(path, self.cwd) if os.path.isabs(path) else path
        return path if relative.startswith("..") else relative

    def _untrusted(self, config: Config) -> Config:
        stripped = untrusted(config)
        if self.trust_configs:
            return replace(config, trusted=False)
        if stripped.ignored:
            keys = ", ".join(f"'{k}'" for k in stripped.ignored)
            shown = clean_text(self.shown(config.path or ""))
            if (self.overrides.lang or config.lang) == "en":
                line = (
                    f"{shown}: this config file is inside a checked folder, not in the "
                    f"working directory or above it: its {keys} not applied "
                    "(use --trust-configs if you trust it)"
                )
            else:
                line = (
                    f"{shown}：此配置文件位于被检查的文件夹中，不在当前目录或其上级，"
                    f"其中的 {keys} 未采用（如信任此文件，请加 --trust-configs）"
                )
            self.warnings.append(line)
        return stripped

    def _apply(self, config: Config) -> Config:
        o = self.overrides
        changes: dict[str, Any] = {}
        changes["cli_selectors"] = (*(o.select or ()), *(o.ignore or ()))
        if o.select is not None:
            changes["select"] = o.select
            changes["cli_select"] = True
        if o.ignore is not None:
            changes["ignore"] = (*config.ignore, *o.ignore)
        if o.lang is not None:
            changes["lang"] = o.lang
        if o.fail_on is not None:
            changes["fail_on"] = o.fail_on
        return replace(config, **changes)

    def language(self) -> str:
        """The language of an error met before the run's language is known: ``--lang``,
        else that of the first config read, else Chinese."""
        if self.overrides.lang is not None:
            return self.overrides.lang
        return next((c.lang for c in self._cache.values()), "zh")

    def configs(self) -> list[Config]:
        return list(self._cache.values())

    def files(self) -> list[Path]:
        """Every config file read so far (``--output-file`` never overwrites them)."""
        return [path for path in self._cache if path is not None]

    def uses(self) -> list[ConfigUse]:
        """Every config file read so far, in the order first read."""
        return [
            ConfigUse(clean_text(self.shown(c.path)), c.trusted, c.ignored)
            for c in self._cache.values()
            if c.path
        ]


# ---- selectors: codes, code prefixes, names, ALL ----


def selector_matches(selector: str, code: str, name: str) -> bool:
    if selector == "ALL":
        return True
    if selector.upper() == selector and selector[:1].isalpha() and code.startswith(selector):
        return True
    return selector == name


def check_selectors(config: Config, registry: Registry) -> None:
    """Every selector must name a known rule, ``select`` must leave a rule to run, and
    every rule option must exist and have an allowed value."""
    where = config.path or "command line"
    where_zh = config.path or "命令行"
    codes = list(registry.rules)
    names = [r.name for r in registry.rules.values()]
    hint = hint_zh = ""
    if "plugins" in config.ignored:
        hint = " (its plugins were not loaded: it is inside a checked folder; see --trust-configs)"
        hint_zh = "（此配置文件位于被检查的文件夹中，其插件未加载；见 --trust-configs）"
    groups: list[tuple[str, Iterable[str]]] = [
        ("select", config.select),
        ("ignore", config.ignore),
        ("severity", config.severity.keys()),
    ]
    for glob, listed in config.per_file_ignores.items():
        groups.append((f"per-file-ignores.{glob}", listed))
    for key, selectors in groups:
        for selector in selectors:
            if not any(selector_matches(selector, c, registry.rules[c].name) for c in codes):
                _plugin_failure_first(registry)
                on_command_line = key in ("select", "ignore") and selector in config.cli_selectors
                source, source_zh, why, why_zh = where, where_zh, hint, hint_zh
                if on_command_line:
                    source, source_zh = "command line", "命令行"
                    if hint:  # (the config nearest to some files, whose plugins did not load)
                        from xxgk_lint.engine.plugins import shown_path

                        shown = shown_path(where)
                        why = f" ({shown} is inside a checked folder: its plugins were not "
                        why += "loaded; see --trust-configs)"
                        why_zh = f"（{shown} 位于被检查的文件夹中，其插件未加载；"
                        why_zh += "见 --trust-configs）"
                rules = [*codes, *names]
                en = f"{source}: '{key}' names no known rule: {selector!r}"
                en += _suggest(selector, rules) + why
                zh = f"{source_zh}：'{key}' 中的 {selector!r} 不是已知的规则"
                zh += _suggest_zh(selector, rules) + why_zh
                if on_command_line:
                    raise UnknownSelectorError(en, zh, selector, key, config)
                raise ConfigError(en, zh)
    selected = [
        c
        for c in codes
        if any(selector_matches(s, c, registry.rules[c].name) for s in config.select)
        and not any(selector_matches(s, c, registry.rules[c].name) for s in config.ignore)
    ]
    if not selected:
        _plugin_failure_first(registry)
        source, source_zh = ("command line", "命令行") if config.cli_select else (where, where_zh)
        both = bool(config.select and config.ignore)
        after = " that 'ignore' leaves" if both else ""
        what_zh = "选中的规则都被 'ignore' 排除了" if both else "没有选中任何规则"
        raise ConfigError(
            f"{source}: 'select' selects no rule{after}: nothing would be checked",
            f"{source_zh}：'select' {what_zh}，不会检查任何内容",
        )
    for ref, options in config.rules.items():
        target = registry.rules.get(ref) or registry.by_name(ref)
        if target is None:
            _plugin_failure_first(registry)
            raise ConfigError(
                f"{where}: 'rules.{ref}' names no known rule"
                + _suggest(ref, [*codes, *names])
                + hint,
                f"{where_zh}：'rules.{ref}' 不是已知的规则"
                + _suggest_zh(ref, [*codes, *names])
                + hint_zh,
            )
        known = {o.name: o for o in target.meta.options}
        for option, value in options.items():
            if option not in known:
                choices = ", ".join(sorted(known)) or "none"
                raise ConfigError(
                    f"{where}: rule {target.code} has no option '{option}' (options: {choices})"
                    + _suggest(str(option), known),
                    f"{where_zh}：规则 {target.code} 没有选项 '{option}'"
                    f"（选项：{'、'.join(sorted(known)) or '无'}）"
                    + _suggest_zh(str(option), known),
                )
            problem = known[option].problem(value)
            if problem is not None:
                raise ConfigError(
                    f"{where}: 'rules.{ref}.{option}' {problem}",
                    f"{where_zh}：'rules.{ref}.{option}' {_option_zh(problem)}",
                )


def _plugin_failure_first(registry: Registry) -> None:
    """A selector names no rule: if a plugin failed to load, that failure is the error (its
    rules would be the ones named), not an unknown rule with a suggestion."""
    if registry.errors:
        more = len(registry.errors) - 1
        first = registry.errors[0]
        raise PluginError(
            first + (f" (and {more} more)" if more else ""),
            first + (f"（另有 {more} 个错误）" if more else ""),
        )


def rule_options(config: Config, code: str, name: str) -> dict[str, Any]:
    return dict(config.rules.get(code) or config.rules.get(name) or {})


def enabled(config: Config, code: str, name: str, path: Path) -> bool:
    """Whether the rule runs on ``path`` under this config (XG001 and XG009 always do)."""
    if code in ALWAYS_ON:
        return True
    if not any(selector_matches(s, code, name) for s in config.select):
        return False
    if any(selector_matches(s, code, name) for s in config.ignore):
        return False
    if not config.per_file_ignores:
        return True
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


@functools.lru_cache(maxsize=256)
def _relative(path: Path, root: Path) -> str:
    """``path`` relative to ``root``, ``/``-separated (both resolved; cached: rules ask the
    same for every rule of a file — a file's questions come together, so a small cache
    holds them, and memory does not grow over a long run)."""
    folder = _resolved_folder(os.path.dirname(os.path.abspath(path)))
    try:
        relative = (folder / path.name).relative_to(_resolved_folder(str(root)))
        return PurePosixPath(relative).as_posix()
    except ValueError:
        return path.as_posix()


@functools.lru_cache(maxsize=1024)
def _resolved_folder(folder: str) -> Path:
    """A folder resolved, once per folder (``_relative`` asks for every file of it)."""
    return _resolved(Path(folder))


def _glob_match(relative: str, glob: str) -> bool:
    """Whether the ``/``-separated path ``relative`` or its last part matches ``glob``.
    (The last part by ``rpartition``: a ``PurePosixPath`` for it was a third of a run's
    path handling in the writing process, five excludes a file.)"""
    return fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(relative.rpartition("/")[2], glob)
