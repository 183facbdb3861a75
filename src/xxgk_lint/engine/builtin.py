"""XG009 plugin-error: the engine's own rule, and the check of what every rule yields.

A rule yields :class:`~xxgk_lint.engine.diagnostics.Diagnostic` objects; every formatter
trusts their fields. What a rule yields is therefore checked here before anything else
uses it: something that is not a Diagnostic, or a Diagnostic with a field of the wrong
type, becomes one XG009 finding naming the rule and the first problem, never a traceback
in a formatter. XG009 lives in the engine, not among the built-in rules, because it must
exist even when no rule package loads; it cannot be deselected, and it makes the exit
code 2, as a crashing rule does.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from xxgk_lint.engine.diagnostics import Diagnostic, Related, RuleDoc, RuleMeta, Severity
from xxgk_lint.engine.rule import Rule
from xxgk_lint.memo import compiled

PLUGIN_ERROR = "XG009"

PLUGIN_ERROR_RULE = Rule(
    RuleMeta(
        code=PLUGIN_ERROR,
        name="plugin-error",
        severity=Severity.ERROR,
        summary={
            "zh": "插件规则产出了无效的检查结果",
            "en": "A plugin rule produced something that is not a valid finding",
        },
        messages={
            "zh": {"default": "规则 {rule} 的输出无效：{problem}"},
            "en": {"default": "rule {rule} produced an invalid finding: {problem}"},
        },
        docs={
            "zh": RuleDoc(
                what="插件规则产出的不是 Diagnostic 对象（例如 None、字符串、数字），"
                "或者 Diagnostic 的字段类型不对（级别不是 Severity、行号不是不小于 1 的整数、"
                "代码不是该规则自己的代码等）。"
                "每条规则在每个文件上最多报告一次，指出第一个问题；该规则有效的结果照常报告。",
                why="格式化输出信任每条结果的字段；无效的结果若不拦下，会让整个运行崩溃，"
                "或让 JSON、SARIF 输出失效。这是插件的缺陷，不是报告的问题，因此退出码为 2，"
                "与规则运行出错相同。此规则不能被 select、ignore 关闭。",
                bad='yield "总计不符"\nyield ctx.diagnostic(span, severity="error")',
                good="yield ctx.diagnostic(span, expected=7, actual=8)",
            ),
            "en": RuleDoc(
                what="A plugin rule yielded something that is not a Diagnostic (None, a string, "
                "a number), or a Diagnostic with a field of the wrong type (a severity that is "
                "not a Severity, a line that is not an integer of at least 1, a code that is "
                "not the rule's own…). Reported at most once per rule and file, naming the first "
                "problem; the rule's valid findings are still reported.",
                why="Every output format trusts the fields of a finding; an invalid one would "
                "crash the run or make the JSON or SARIF output invalid. It is a bug in the "
                "plugin, not a problem of the report, so it makes the exit code 2, as a rule "
                "that crashes does. It cannot be switched off with select or ignore.",
                bad='yield "the total is wrong"\nyield ctx.diagnostic(span, severity="error")',
                good="yield ctx.diagnostic(span, expected=7, actual=8)",
            ),
        },
        origin=__name__,
    )
)

#: (compiled when first needed: a class of 2,048 code points costs ``re`` a loop over each)
_SURROGATE = "[\ud800-\udfff]"


def clean_text(text: str) -> str:
    """``text`` with lone surrogates written as escapes, so that it encodes to UTF-8.

    A file name that is not valid UTF-8 reaches Python with its bad bytes as surrogates
    (``surrogateescape``); they are shown as ``\\xff``, other lone surrogates as ``\\udXXX``.
    """
    try:
        text.encode("utf-8")  # (only a lone surrogate cannot be)
        return text
    except UnicodeEncodeError:
        pass

    def escape(match: re.Match[str]) -> str:
        point = ord(match.group())
        if 0xDC80 <= point <= 0xDCFF:
            return f"\\x{point - 0xDC00:02x}"
        return f"\\u{point:04x}"

    return compiled(_SURROGATE).sub(escape, text)


#: Longest description of a value in an XG009 message (a plugin may yield anything).
_SHOWN = 60


def _kind(value: Any) -> str:
    """The type of ``value``, by name (shortened: a plugin's class may be named anything)."""
    if value is None:
        return "None"
    name = clean_text(type(value).__name__)
    return name if len(name) <= _SHOWN else name[: _SHOWN - 3] + "..."


def _described(value: Any) -> str:
    """``value`` as an XG009 message names it: its type, then its ``repr()`` when that is
    a plain value's (a str, number, Decimal or bool, or a list, tuple or dict of them),
    cut to :data:`_SHOWN` characters.

    Never the ``repr()`` of any other object: ``<object object at 0x7fe0…>`` holds a
    memory address, a set's order changes with the process's hash seed, a class's own
    ``__repr__`` may say anything or raise; the output must be the same on every run and
    under ``--jobs``.
    """
    kind = _kind(value)
    shown = None if value is None else _plain_repr(value, 2)
    if shown is None:
        return kind
    if len(shown) > _SHOWN:
        shown = shown[: _SHOWN - 3] + "..."
    return f"{kind} {shown}"


def _plain_repr(value: Any, depth: int) -> str | None:
    """The ``repr()`` of a plain value (see :func:`_described`), or ``None``; containers
    nested at most ``depth`` deep and only their first few items (the rest as ``...``)."""
    kind = type(value)
    if value is None or kind in (bool, float, Decimal):
        return repr(value)[: _SHOWN * 2]
    if kind is int:  # (repr of an int of over 4,300 digits raises)
        return repr(value) if value.bit_length() <= 128 else None
    if kind is str:
        return repr(value[:_SHOWN])
    if kind in (list, tuple, dict) and depth > 0:
        items = list(value.items() if kind is dict else value)
        parts: list[str] = []
        for item in items[:8]:
            if kind is dict:
                key, held = _plain_repr(item[0], depth - 1), _plain_repr(item[1], depth - 1)
                part = None if key is None or held is None else f"{key}: {held}"
            else:
                part = _plain_repr(item, depth - 1)
            if part is None:
                return None
            parts.append(part)
        if len(items) > 8:
            parts.append("...")
        inside = ", ".join(parts)
        if kind is list:
            return f"[{inside}]"
        if kind is dict:
            return f"{{{inside}}}"
        return f"({inside},)" if len(items) == 1 else f"({inside})"
    return None


def _problem(item: Any, rule: Rule, paths: Iterable[str] | None) -> tuple[str, str] | None:
    """What is wrong with ``item`` as a finding of ``rule`` (zh, en), or ``None``."""
    if not isinstance(item, Diagnostic):
        kind = _kind(item)
        return (f"产出了 {kind}，而不是 Diagnostic", f"yielded {kind}, not a Diagnostic")
    for name in ("code", "name", "message", "path", "subject"):
        value = getattr(item, name)
        if not isinstance(value, str):
            kind = _kind(value)
            return (f"字段 {name} 应为字符串，实际为 {kind}", f"{name} is {kind}, not a str")
    if not item.message or not item.path:
        name = "message" if not item.message else "path"
        return (f"字段 {name} 为空", f"{name} is empty")
    if item.code != rule.code or item.name != rule.name:
        return (
            f"结果的代码 {item.code} ({item.name}) 不是该规则自己的代码",
            f"the finding's code {item.code} ({item.name}) is not the rule's own",
        )
    if not isinstance(item.severity, Severity):
        shown = _described(item.severity)
        return (
            f"字段 severity 应为 Severity，实际为 {shown}",
            f"severity is {shown}, not a Severity",
        )
    for name in ("line", "column", "end_line", "end_column"):
        value = getattr(item, name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            return (
                f"字段 {name} 应为不小于 1 的整数，实际为 {_described(value)}",
                f"{name} is {_described(value)}, not an integer of at least 1",
            )
    for name in ("expected", "actual"):
        value = getattr(item, name)
        if value is None or isinstance(value, str):
            continue
        if isinstance(value, bool) or not isinstance(value, (int, Decimal, float)):
            finite = False
        elif isinstance(value, Decimal):
            finite = value.is_finite()
        else:
            finite = isinstance(value, int) or math.isfinite(value)
        if not finite:
            return (
                f"字段 {name} 应为数字、字符串或 None，实际为 {_described(value)}",
                f"{name} is {_described(value)}, not a number, a str or None",
            )
    if item.where is not None and not isinstance(item.where, str):
        kind = _kind(item.where)
        return (f"字段 where 应为字符串或 None，实际为 {kind}", f"where is {kind}, not a str")
    related = _related_problem(item.related)
    if related is not None:
        return related
    if paths is not None and clean_text(item.path) not in paths:
        return (
            f"结果指向本次未检查的文件 {clean_text(item.path)}",
            f"the finding names a file that is not checked in this run: {clean_text(item.path)}",
        )
    return None


def _related_problem(related: Any) -> tuple[str, str] | None:
    """What is wrong with a finding's ``related`` places (zh, en), or ``None``."""
    if not isinstance(related, tuple):
        kind = _kind(related)
        return (f"字段 related 应为元组，实际为 {kind}", f"related is {kind}, not a tuple")
    for place in related:
        if not isinstance(place, Related):
            kind = _kind(place)
            return (f"related 中有 {kind}，而不是 Related", f"related holds {kind}, not a Related")
        if not isinstance(place.path, str) or not place.path:
            return ("related 的 path 应为非空字符串", "a related path is not a non-empty str")
        if not isinstance(place.message, str) or (
            place.where is not None and not isinstance(place.where, str)
        ):
            return (
                "related 的 message、where 应为字符串",
                "a related message or where is not a str",
            )
        for name in ("line", "column", "end_line", "end_column"):
            value = getattr(place, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                return (
                    f"related 的 {name} 应为不小于 1 的整数，实际为 {_described(value)}",
                    f"a related {name} is {_described(value)}, not an integer of at least 1",
                )
    return None


def _cleaned(item: Diagnostic) -> Diagnostic:
    """The finding with every text field safe to encode (see :func:`clean_text`)."""
    changes: dict[str, Any] = {}
    for name in ("message", "path", "subject", "where", "expected", "actual"):
        value = getattr(item, name)
        if isinstance(value, str):
            fixed = clean_text(value)
            if fixed is not value and fixed != value:
                changes[name] = fixed
    if item.related:
        changes["related"] = tuple(
            replace(
                place,
                path=clean_text(place.path),
                message=clean_text(place.message),
                where=clean_text(place.where) if place.where is not None else None,
            )
            for place in item.related
        )
    return replace(item, **changes) if changes else item


def checked_findings(
    found: Iterable[Any], rule: Rule, lang: str, fallback_path: str, paths: Iterable[str]
) -> list[Diagnostic]:
    """The valid findings among ``found``, plus one XG009 finding if any was not valid.

    ``paths`` are the files a finding may name (for a whole-run rule, every report of the
    run; otherwise the one file); the XG009 finding goes to ``fallback_path``.
    """
    allowed = set(paths)
    valid: list[Diagnostic] = []
    first: tuple[str, str] | None = None
    bad = 0
    for item in found:
        problem = _problem(item, rule, allowed)
        if problem is None:
            valid.append(_cleaned(item))
            continue
        bad += 1
        first = first or problem
    if first is None:
        return valid
    return [*valid, plugin_error(rule, lang, fallback_path, first, bad)]


def plugin_error(
    rule: Rule, lang: str, path: str, problem: tuple[str, str], count: int = 1
) -> Diagnostic:
    """The XG009 finding about ``rule`` on ``path``."""
    zh, en = problem
    if count > 1:
        zh = f"{count} 条结果无效，第一条：{zh}"
        en = f"{count} findings are invalid; the first: {en}"
    meta = PLUGIN_ERROR_RULE.meta
    label = f"{clean_text(rule.code)} ({clean_text(rule.name)})"
    message = meta.message(lang, rule=label, problem=zh if lang == "zh" else en)
    return Diagnostic(
        code=meta.code,
        name=meta.name,
        severity=Severity.ERROR,
        message=message,
        path=path,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        subject=f"plugin.{rule.code}",
    )
