"""The plugin host: find plugins, register them with pluggy, collect their rules.

Modelled on sqlfluff's host: one entry-point group; every plugin is loaded inside its own
``try`` so that a broken plugin is reported by name and the run goes on with the others.
That ``try`` also holds ``SystemExit`` and a ``KeyboardInterrupt`` the plugin raised itself
(see :mod:`xxgk_lint.engine.guard`), and what a plugin prints while it loads goes to
stderr. A local plugin's module name is derived from its path, so that the same files give
the same messages, byte for byte, on every run.

Registration checks everything a rule declares before anything uses it:

* a plugin's hooks are the functions it marks ``@hookimpl``, and pluggy calls them: an
  unmarked ``xxgk_lint_rules`` or a marked function whose name is no hook is an error;
* codes are flake8-style (``AC101``) and the ``XG`` prefix is the built-in rules' alone;
* metadata, messages, docs and options are checked by :mod:`xxgk_lint.engine.metacheck`.

A plugin that fails to import is reported with the file and line where it failed. A
``plugins:`` entry ending in ``.yaml``/``.yml`` is a file of YAML rules
(:mod:`xxgk_lint.engine.yamlrules`), whose every error is one line ``file:line: …``.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

from xxgk_lint.engine import hookspecs
from xxgk_lint.engine.budget import BudgetExceeded, budget
from xxgk_lint.engine.builtin import PLUGIN_ERROR_RULE, clean_text
from xxgk_lint.engine.guard import Capture, captured_stdout, contained
from xxgk_lint.engine.metacheck import RESERVED_PREFIX, meta_problem
from xxgk_lint.engine.rule import Rule
from xxgk_lint.records import record

if TYPE_CHECKING:
    from xxgk_lint.engine.yamlrules import RuleFile

#: The built-in rules' module: registered first, so a plugin can never replace them.
BUILTIN = "xxgk_lint_rules"
#: A ``plugins:`` entry with one of these endings is a file of YAML rules.
RULE_FILE_SUFFIXES = (".yaml", ".yml")
_HOOK = "xxgk_lint_rules"
_ENGINE_DIR = Path(__file__).resolve().parent.parent  # the xxgk_lint package


@functools.cache
def _library_dirs() -> tuple[Path, ...]:
    """The standard library's and pluggy's folders: frames there are not a plugin's own
    (asked only when a plugin fails; ``sysconfig`` is not needed by a run that works)."""
    import sysconfig

    dirs = {sysconfig.get_paths()["stdlib"], os.path.dirname(pluggy.__file__)}
    return tuple(Path(p).resolve() for p in dirs)


@record(eq=False)
class LocalPlugin:
    """A plugin named in a config file: a ``.py`` path, a rule file or a module name."""

    spec: str
    base_dir: Path
    config_path: str


@record(eq=False, frozen=False)
class Registry:
    """All rules known to a run, by code, and the problems met while loading them."""

    rules: dict[str, Rule] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    #: Code → the plugin that declared it (for the message about a code declared twice).
    declared_by: dict[str, str] = field(default_factory=dict)
    #: The files of the local plugins loaded, and of the modules they loaded from their
    #: folders (``--output-file`` never overwrites them).
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


def _one_line(text: str) -> str:
    return "; ".join(part.strip() for part in text.splitlines() if part.strip())


def _describe(exc: BaseException, lang: str = "en") -> str:
    """``Type: message``; in Chinese, a rule's refusal (``RuleDefinitionError``) and a hook's
    wrong result are worded in Chinese (Python's own messages are quoted as they are)."""
    if isinstance(exc, SyntaxError) and exc.msg:
        return f"{type(exc).__name__}: {exc.msg}"  # the file and line come first
    if isinstance(exc, HookResultError):
        return _one_line(f"TypeError: {exc if lang == 'en' else exc.zh}")
    if lang != "en":
        from xxgk_lint.engine.metacheck import RuleDefinitionError
        from xxgk_lint.format import UnknownKeyError

        if isinstance(exc, UnknownKeyError) and exc.zh is not None:
            return _one_line(f"{type(exc).__name__}: {exc.zh}")
        if isinstance(exc, (RuleDefinitionError, UnknownKeyError)):
            from xxgk_lint.engine.plugin_messages import problem_zh

            return _one_line(f"{type(exc).__name__}: {problem_zh(str(exc))}")
    return _one_line(f"{type(exc).__name__}: {exc}")


def shown_path(path: str | Path) -> str:
    """``path`` relative to the working directory when inside it (as messages show it)."""
    text = str(path)
    try:
        relative = os.path.relpath(text, Path.cwd())
    except ValueError:  # another drive (Windows)
        return clean_text(text)
    return clean_text(text if relative.startswith("..") else relative)


def is_rule_file(spec: str) -> bool:
    """Whether a ``plugins:`` entry names a file of YAML rules."""
    return spec.lower().endswith(RULE_FILE_SUFFIXES)


def is_file_spec(spec: str) -> bool:
    """Whether a ``plugins:`` entry names a file (else: a module name)."""
    return spec.endswith(".py") or is_rule_file(spec) or "/" in spec or "\\" in spec


def plugin_file(plugin: LocalPlugin) -> Path | None:
    """The file a local plugin entry names, resolved; ``None`` for a module name."""
    if not is_file_spec(plugin.spec):
        return None
    return (plugin.base_dir / plugin.spec).resolve()


def module_name_for(path: Path) -> str:
    """A module name for a plugin file: its stem and a digest of its path (deterministic)."""
    import hashlib  # here: only local plugins need it (OpenSSL loads)

    raw = str(path).encode("utf-8", "surrogateescape")
    stem = re.sub(r"\W", "_", path.stem, flags=re.ASCII) or "plugin"
    return f"xxgk_lint_local_{stem}_{hashlib.sha256(raw).hexdigest()[:12]}"


def _import_local(plugin: LocalPlugin) -> object:
    spec = plugin.spec
    path = plugin_file(plugin)
    if path is not None:
        if not path.is_file():
            raise FileNotFoundError(f"no such file: {path}")
        # Its folder is searched last, so that the plugin may import the modules beside it
        # (``import acme_helpers``) without shadowing an installed module of the same name.
        folder = str(path.parent)
        _FOLDERS.add(folder)
        if folder not in sys.path:
            sys.path.append(folder)
        module_name = module_name_for(path)
        # Loaded once per process, as Python imports a module once: a worker process of
        # --jobs (forked: it has the run's modules) or a second config naming the same
        # file reuses it, unless the file changed since. Run again, its import-time
        # output was said twice (and its module-level state made twice).
        content = path.read_bytes()
        loaded = sys.modules.get(module_name)
        if loaded is not None and _LOADED.get(module_name) == content:
            return loaded
        # (imported here: only a local plugin needs them, not every start)
        from importlib.util import module_from_spec, spec_from_file_location

        loader_spec = spec_from_file_location(module_name, path)
        if loader_spec is None or loader_spec.loader is None:
            raise ImportError(f"cannot load {path}")
        module = module_from_spec(loader_spec)
        sys.modules[module_name] = module
        _LOADED.pop(module_name, None)
        try:
            loader_spec.loader.exec_module(module)
        except BaseException:
            sys.modules.pop(module_name, None)
            raise
        _LOADED[module_name] = content
        return module
    return importlib.import_module(spec)


#: The folders of the local plugins loaded by this process (on ``sys.path``, searched last).
_FOLDERS: set[str] = set()
#: Module name → the bytes of the local plugin file it was loaded from, in this process.
_LOADED: dict[str, bytes] = {}


def _folder_modules(folder: str) -> dict[str, Path]:
    """The modules loaded so far through ``folder`` as an entry of ``sys.path``: name →
    file (``words`` → ``folder/words.py``, ``pkg.sub`` → ``folder/pkg/sub.py``). Only
    these: a folder that holds a virtual environment does not make its packages a
    plugin's own."""
    found: dict[str, Path] = {}
    head = folder + os.sep
    for name, module in list(sys.modules.items()):
        origin = getattr(module, "__file__", None)
        if not isinstance(origin, str) or not origin.startswith(head):
            continue
        relative = origin[len(head) :]
        stem = name.replace(".", os.sep)
        if relative in (f"{stem}.py", os.path.join(stem, "__init__.py")):
            found[name] = Path(origin)
    return found


def _provides(folder: str, name: str) -> Path | None:
    """The file of ``folder`` that ``import name`` would load, searching it alone."""
    top = os.path.join(folder, name.split(".")[0])
    for candidate in (top + ".py", os.path.join(top, "__init__.py")):
        if os.path.isfile(candidate):
            return Path(candidate)
    return None


def _note_helpers(registry: Registry, plugins: Sequence[tuple[str, str]], lang: str) -> None:
    """Note the modules the local plugins (``(folder, label)``, in load order) loaded from
    their folders: ``--output-file`` must not overwrite them either.

    Python keeps one module per name: when two plugin folders each hold a ``words.py``,
    the plugin loaded second gets the first one's ``words`` (its folder comes later on
    ``sys.path``, and ``sys.modules`` already has the name), silently. Resolving each
    plugin's imports in its own folder would mean a module per plugin under names the
    plugin never wrote, and still fail for an ``import`` run later inside a rule; so
    such a plugin is an error, one line naming both files (rename one of them, or make
    the folders packages). Only folders of local plugins are compared: an installed
    module that shadows a plugin's file is the documented order (the folder comes last).
    """
    if not plugins:
        return
    loaded = {folder: _folder_modules(folder) for folder in _FOLDERS}
    seen: set[str] = set()
    for folder, label in plugins:
        if folder in seen:
            continue
        seen.add(folder)
        registry.files.extend(loaded.get(folder, {}).values())
        for other, modules in sorted(loaded.items()):
            if other == folder:
                continue
            for name, taken in sorted(modules.items()):
                mine = None if "." in name else _provides(folder, name)
                if mine is None:
                    continue
                registry.errors.append(
                    _error(
                        lang,
                        f"本地插件 {label}：其文件夹中的模块 {shown_path(mine)} 与已加载的 "
                        f"{shown_path(taken)}（另一个本地插件的文件夹）同名 {name}，Python 同名"
                        "模块只加载一个，插件会用到另一个文件；请将其中一个改名",
                        f"local plugin {label}: the module {name} of its folder "
                        f"({shown_path(mine)}) has the name of {shown_path(taken)}, already "
                        "loaded from another local plugin's folder; Python loads one module "
                        "of a name, so the plugin would use the other file: rename one of them",
                    )
                )


def _module_root(name: str) -> Path | None:
    """The folder of an importable top-level module, found without running it."""
    from importlib.util import find_spec

    try:
        found = find_spec(name.split(".")[0].split(":")[0])
    except (ImportError, ValueError):
        return None
    if found is None or not found.origin or found.origin in ("built-in", "frozen"):
        return None
    return Path(found.origin).resolve().parent


def _inside(filename: str, folder: Path) -> bool:
    try:
        return Path(filename).resolve().is_relative_to(folder)
    except (OSError, ValueError):
        return False


def failure_place(exc: BaseException, root: Path | None) -> str | None:
    """``file:line`` where a plugin failed to load: a syntax error's place, else the last
    line of the plugin's own code in the traceback (its folder ``root`` when known)."""
    if isinstance(exc, SyntaxError) and exc.filename and exc.lineno:
        return f"{shown_path(exc.filename)}:{exc.lineno}"
    import traceback  # only when a plugin failed: most runs never need it

    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename[:1] != "<"]
    if root is not None:
        mine = [f for f in frames if _inside(f.filename, root)]
    else:
        mine = [
            f
            for f in frames
            if not _inside(f.filename, _ENGINE_DIR)
            and not any(_inside(f.filename, d) for d in _library_dirs())
        ]
    if not mine:
        return None
    return f"{shown_path(mine[-1].filename)}:{mine[-1].lineno}"


def _located(place: str | None, text: str) -> str:
    return f"{place}: {text}" if place else text


def _hook_problem(manager: pluggy.PluginManager, plugin: object) -> tuple[str, str] | None:
    """Why a registered plugin's hooks cannot be used, if they cannot: (zh, en)."""
    callers = manager.get_hookcallers(plugin) or []
    for caller in callers:
        if not caller.has_spec():
            import difflib  # only for this error message

            close = difflib.get_close_matches(caller.name, [_HOOK], n=1)
            return (
                f"@hookimpl 函数 {caller.name!r} 不是 xxgk-lint 的钩子（钩子：{_HOOK}）"
                + (f"；是否应为 {close[0]!r}？" if close else ""),
                f"the @hookimpl function {caller.name!r} is not a hook of xxgk-lint "
                f"(hooks: {_HOOK})" + (f"; did you mean {close[0]!r}?" if close else ""),
            )
    if any(caller.name == _HOOK for caller in callers):
        return None
    if callable(getattr(plugin, _HOOK, None)):
        return (
            f"{_HOOK} 没有标记 @hookimpl（from xxgk_lint.plugin import hookimpl）",
            f"{_HOOK} is not marked @hookimpl (from xxgk_lint.plugin import hookimpl)",
        )
    return (
        f"没有钩子：请用 @hookimpl 标记其 {_HOOK} 函数（from xxgk_lint.plugin import hookimpl）",
        f"it has no hook: mark its {_HOOK} function with @hookimpl "
        "(from xxgk_lint.plugin import hookimpl)",
    )


def _argument_problem(manager: pluggy.PluginManager, plugin: object) -> tuple[str, str] | None:
    """A hook that takes an argument its specification does not give: which hook, which
    arguments, and the ones it may take (zh, en) — said before pluggy refuses it."""
    import inspect

    for name in dir(plugin):
        if manager.parse_hookimpl_opts(plugin, name) is None:
            continue
        caller = getattr(manager.hook, name, None)
        spec = getattr(caller, "spec", None)
        if spec is None:
            continue  # no hook of that name: _hook_problem says so
        try:
            parameters = inspect.signature(getattr(plugin, name)).parameters.values()
        except (TypeError, ValueError):
            continue
        required = [
            p.name
            for p in parameters
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
        ]
        unknown = [a for a in required if a not in spec.argnames]
        if unknown:
            shown = ", ".join(unknown)
            allowed_en = ", ".join(spec.argnames) or "none"
            allowed_zh = "、".join(spec.argnames) or "无"
            return (
                f"钩子 {name} 的参数 {shown} 无法提供（{name} 可用的参数：{allowed_zh}）",
                f"the hook {name} takes the argument(s) {shown}, which xxgk-lint does not give "
                f"(arguments {name} may take: {allowed_en})",
            )
    return None


@record(eq=False, frozen=False)
class _Loaded:
    """A plugin registered with pluggy, or a file of YAML rules, in registration order."""

    label: str
    plugin: object | None = None
    rule_file: RuleFile | None = None
    builtin: bool = False
    #: A local ``.py`` plugin's module name and file, as listings show it (its rules'
    #: ``origin``: the module name is one xxgk-lint made up, ``xxgk_lint_local_…``).
    local: tuple[str, str] | None = None


def _failed(
    registry: Registry,
    lang: str,
    exc: BaseException,
    root: Path | None,
    zh: tuple[str, str],
    en: tuple[str, str],
    label: str,
) -> None:
    """Note a plugin that failed to load: its hook's problem as such, else the error with
    the file and line where it failed. ``zh``/``en``: what the plugin is, what went wrong."""
    if isinstance(exc, PluginHookError):
        registry.errors.append(_error(lang, f"插件 {label}：{exc.zh}", f"plugin {label}: {exc}"))
        return
    place = failure_place(exc, root)
    registry.errors.append(
        _error(
            lang,
            _located(place, f"{zh[0]} {label} {zh[1]}：{_describe(exc, 'zh')}"),
            _located(place, f"{en[0]} {en[1]}: {_describe(exc)}"),
        )
    )


class _TooSlow(Exception):
    """A plugin's import or hook ran over its time limit and was stopped (:func:`_bounded`)."""


#: Whether what plugins print while they load is dropped rather than sent to stderr: in
#: a worker process of ``check --jobs`` (see :func:`load_quietly`).
_quiet = False


def load_quietly() -> None:
    """Drop what plugins print while this process loads them (their import, their
    ``xxgk_lint_rules`` hook): a worker process of ``--jobs`` calls it when it starts.

    A worker must load the plugins itself to run their rules — started by ``spawn``
    (macOS, Windows) it imports them again, forked it calls their hooks again — but the
    run's own process loaded every plugin of every config while it planned the run,
    before any worker started, and said what they printed once, as ``--jobs 1`` does.
    A worker saying it again would repeat it once per worker. (What a rule prints while
    it checks a file is said as ever: that happens once, in the worker.)
    """
    global _quiet
    _quiet = True


@contextlib.contextmanager
def _dropped() -> Iterator[None]:
    """The block with ``sys.stdout`` and ``sys.stderr`` collected and thrown away (a
    plugin closing them closes nothing)."""
    previous = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = Capture()
    try:
        yield
    finally:
        sys.stdout, sys.stderr = previous


@contextlib.contextmanager
def _bounded(what: str, seconds: float | None) -> Iterator[None]:
    """Run a plugin's own code (its import, its hook) with what it prints captured (and
    dropped, in a worker process: :func:`load_quietly`) and within ``seconds``;
    :class:`_TooSlow` when it runs over (the stop of another, outer time limit passes
    through as it is)."""
    limit = budget(what, seconds)
    try:
        with _dropped() if _quiet else captured_stdout(), limit:
            yield
    except BudgetExceeded as exc:
        if exc.deadline is not limit.deadline:
            raise
        raise _TooSlow from None


def load_registry(
    local: Sequence[LocalPlugin] = (), lang: str = "zh", timeout: float | None = None
) -> Registry:
    """Register entry-point plugins and local ones; collect and validate their rules.

    ``timeout`` (the config's ``rule-timeout``) bounds each plugin's import and each
    call of its hook, as it bounds a rule: a plugin that waits at import on a server
    that does not answer is one error naming it, not a run that never ends. The
    built-in rules are not bounded (their loading is the run's own).
    """
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    registry = Registry()
    registry.rules[PLUGIN_ERROR_RULE.code] = PLUGIN_ERROR_RULE
    registry.declared_by[PLUGIN_ERROR_RULE.code] = "xxgk-lint (engine)"
    ordered: list[_Loaded] = []  # registration order: built-ins, other entry points, local
    from xxgk_lint.engine.entrypoints import entry_points

    found = sorted(
        entry_points(hookspecs.ENTRY_POINT_GROUP),
        key=lambda e: (e.value != BUILTIN, e.name, e.value),
    )
    for entry in found:
        label = f"{entry.name} ({entry.value})"
        try:
            with _bounded(f"plugin {label}", None if entry.value == BUILTIN else timeout):
                plugin = entry.load()
            _register(manager, plugin, f"entry:{entry.name}")
            builtin = getattr(plugin, "__name__", None) == BUILTIN
            ordered.append(_Loaded(label, plugin, builtin=builtin))
        except _TooSlow:
            registry.errors.append(_over_time(lang, "插件", f"plugin {label}", label, timeout))
        except BaseException as exc:
            if not contained(exc):
                raise
            _failed(
                registry,
                lang,
                exc,
                _module_root(entry.value),
                ("插件", "加载失败"),
                (f"plugin {label}", "failed to load"),
                label,
            )
    seen_files: set[Path] = set()
    folders: list[tuple[str, str]] = []  # (folder, label) of each local .py plugin
    for plugin_ref in local:
        label = f"{plugin_ref.spec} ({plugin_ref.config_path})"
        path = plugin_file(plugin_ref)
        # A file is loaded once however it is spelt (./a.py, a.py, an absolute path), and
        # registered by its resolved path: two plugins may share a base name (a/rules.py,
        # b/rules.py).
        if path is not None:
            if path in seen_files:
                continue
            seen_files.add(path)
        if is_rule_file(plugin_ref.spec):
            assert path is not None
            ordered.append(_Loaded(label, rule_file=_read_rule_file(path, registry, lang)))
            continue
        if path is not None:
            folders.append((str(path.parent), label))
        try:
            with _bounded(f"local plugin {label}", timeout):
                module = _import_local(plugin_ref)
            origin = getattr(module, "__file__", None)
            if origin:
                registry.files.append(Path(origin))
            if manager.is_registered(module):
                continue
            _register(manager, module, f"local:{path if path is not None else plugin_ref.spec}")
            name = getattr(module, "__name__", None)
            shown = (name, shown_path(origin)) if origin and path is not None and name else None
            ordered.append(_Loaded(label, module, local=shown))
        except _TooSlow:
            registry.errors.append(
                _over_time(lang, "本地插件", f"local plugin {label}", label, timeout)
            )
        except BaseException as exc:
            if not contained(exc):
                raise
            path = plugin_file(plugin_ref)
            root = path.parent if path is not None else _module_root(plugin_ref.spec)
            _failed(
                registry,
                lang,
                exc,
                root,
                ("本地插件", "导入失败"),
                (f"local plugin {label}", "failed to import"),
                label,
            )
    for loaded in ordered:
        if loaded.rule_file is not None:
            rules = loaded.rule_file.rules
            _add_rules(registry, rules, loaded.label, lang, locate=loaded.rule_file.place)
            continue
        others = [o.plugin for o in ordered if o is not loaded]
        _collect(manager, loaded, others, registry, lang, None if loaded.builtin else timeout)
    _note_helpers(registry, folders, lang)
    return registry


def _over_time(lang: str, what_zh: str, what_en: str, label: str, seconds: float | None) -> str:
    """The error of a plugin whose import ran over ``rule-timeout`` and was stopped."""
    return _error(
        lang,
        f"{what_zh} {label} 加载超过时间限制（rule-timeout {seconds:g} 秒），已停止",
        f"{what_en}: loading it took longer than the time limit (rule-timeout {seconds:g} s) "
        "and was stopped",
    )


def _register(manager: pluggy.PluginManager, plugin: object, name: str) -> None:
    """Register ``plugin``; raise if its hooks are not marked, not known or not callable
    as their specifications say."""
    problem = _argument_problem(manager, plugin)
    if problem is not None:
        raise PluginHookError(*problem)
    try:
        manager.register(plugin, name=name)
    except pluggy.PluginValidationError as exc:
        text = _one_line(str(exc))
        raise PluginHookError(f"钩子无法注册：{text}", text) from None
    problem = _hook_problem(manager, plugin)
    if problem is not None:
        manager.unregister(plugin)
        raise PluginHookError(*problem)


class PluginHookError(TypeError):
    """A plugin's hooks cannot be used (unmarked, or not a hook of xxgk-lint); ``str()`` is
    English, ``zh`` Chinese."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh

    def text(self, lang: str) -> str:
        return str(self) if lang == "en" else self.zh


class HookResultError(TypeError):
    """A hook returned something that is not a list of rules; ``zh`` says it in Chinese."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh


def _collect(
    manager: pluggy.PluginManager,
    loaded: _Loaded,
    others: Iterable[object],
    registry: Registry,
    lang: str,
    timeout: float | None = None,
) -> None:
    """Call one plugin's ``xxgk_lint_rules`` through pluggy (within ``timeout``) and add
    what it returns."""
    caller = manager.subset_hook_caller(_HOOK, remove_plugins=[o for o in others if o])
    try:
        # (a hook may return a generator: it is run within the limit too)
        with _bounded(f"plugin {loaded.label}: {_HOOK}", timeout):
            for provided in caller():
                _add_rules(
                    registry,
                    provided or (),
                    loaded.label,
                    lang,
                    builtin=loaded.builtin,
                    local=loaded.local,
                )
    except _TooSlow:
        registry.errors.append(
            _error(
                lang,
                f"插件 {loaded.label} 的 {_HOOK} 运行超过时间限制（rule-timeout {timeout:g} 秒），"
                "已停止",
                f"plugin {loaded.label}: {_HOOK} ran longer than the time limit "
                f"(rule-timeout {timeout:g} s) and was stopped",
            )
        )
    except BaseException as exc:
        if not contained(exc):
            raise
        registry.errors.append(
            _error(
                lang,
                f"插件 {loaded.label} 的 {_HOOK} 出错：{_describe(exc, 'zh')}",
                f"plugin {loaded.label}: {_HOOK} raised {_describe(exc)}",
            )
        )


def _read_rule_file(path: Path, registry: Registry, lang: str) -> RuleFile:
    from xxgk_lint.engine.yamlrules import load_rule_file

    loaded = load_rule_file(path, shown_path(path), lang)
    if path.is_file():
        registry.files.append(path)
    registry.errors.extend(clean_text(e) for e in loaded.errors)
    return loaded


def _add_rules(
    registry: Registry,
    provided: Iterable[Rule],
    label: str,
    lang: str,
    *,
    builtin: bool = False,
    locate: Callable[[Rule], str] | None = None,
    local: tuple[str, str] | None = None,
) -> None:
    if isinstance(provided, (str, bytes)) or not isinstance(provided, Iterable):
        kind = type(provided).__name__
        raise HookResultError(
            f"{_HOOK} 返回了 {kind}，不是 Rule 的列表",
            f"{_HOOK} returned {kind}, not a list of Rule",
        )
    for item in provided:
        if not isinstance(item, Rule):
            kind = type(item).__name__
            raise HookResultError(
                f"{_HOOK} 返回了 {kind}，不是 Rule", f"{_HOOK} returned {kind}, not a Rule"
            )
        problem = _rule_problem(item, builtin) or _clash(registry, item)
        if problem:
            zh, en = problem
            if locate is not None:
                registry.errors.append(clean_text(f"{locate(item)}: {en if lang == 'en' else zh}"))
            else:
                registry.errors.append(_error(lang, f"插件 {label}：{zh}", f"plugin {label}: {en}"))
            continue
        if local is not None and item.meta.origin == local[0]:
            # its file, as a YAML rule's origin is (the module name is xxgk-lint's own)
            item = replace(item, meta=replace(item.meta, origin=local[1]))
        registry.rules[item.meta.code] = item
        registry.declared_by[item.meta.code] = label


def _clash(registry: Registry, item: Rule) -> tuple[str, str] | None:
    """A code or name another rule already has (the first one registered is kept): (zh, en)."""
    code, name = item.meta.code, item.meta.name
    if code in registry.rules:
        first = registry.declared_by.get(code, registry.rules[code].meta.origin)
        return (
            f"规则代码 {code} 重复（已由 {first} 声明）",
            f"rule code {code} is declared twice (first by {first})",
        )
    other = registry.by_name(name)
    if other is None:
        return None
    if other.code.startswith(RESERVED_PREFIX):
        return (
            f"规则名称 {name} 是内置规则 {other.code} 的名称，请另取一个名称",
            f"rule name {name} is the name of the built-in rule {other.code}: choose another",
        )
    first = registry.declared_by.get(other.code, other.meta.origin)
    return (
        f"规则名称 {name} 重复（已由 {first} 的规则 {other.code} 使用）",
        f"rule name {name} is declared twice (first by rule {other.code} of {first})",
    )


def _rule_problem(item: Rule, builtin: bool) -> tuple[str, str] | None:
    """What makes a rule unusable by the runner, the listings and the formatters: (zh, en)."""
    problem = meta_problem(item.meta, builtin=builtin)
    code = item.meta.code
    if problem is None and item.check is not None and not callable(item.check):
        problem = f"rule {code}: check is not callable"
    if problem is None and item.check_run is not None and not callable(item.check_run):
        problem = f"rule {code}: check_run is not callable"
    if problem is None:
        return None
    # The Chinese phrasebook (dozens of patterns to compile) only for a rule that has a problem.
    from xxgk_lint.engine.plugin_messages import problem_zh

    return problem_zh(problem), problem
