"""What a rule's metadata must be: checked when the rule is declared and when it registers.

A rule's metadata is read by every listing and formatter (``rules``, ``explain``, SARIF,
JUnit) and its messages are rendered for every finding, so a mistake in it must fail where
the author made it — at the ``@rule(...)`` line, or when the plugin registers — with a
sentence naming the rule and the problem, never as a traceback in ``xxgk-lint rules`` or
a crash of the rule on every report.

Codes follow flake8: a prefix of one to three capital letters and three digits (``AC101``,
``QS001``). The prefix ``XG`` belongs to xxgk-lint's own rules.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import Any

from xxgk_lint.engine.diagnostics import RuleDoc, RuleOption, Severity

#: flake8's code pattern: one to three capital letters, three digits.
CODE = re.compile(r"^[A-Z]{1,3}[0-9]{3}$")
#: The prefix reserved for xxgk-lint's own rules.
RESERVED_PREFIX = "XG"
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGS = ("zh", "en")
#: Fields every template may use without the rule passing them (``ctx.diagnostic`` sets them).
ALWAYS_PASSED = frozenset({"expected", "actual"})
_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class RuleDefinitionError(ValueError):
    """A rule's metadata is unusable; ``str()`` is one sentence naming the rule."""


def code_problem(code: Any, builtin: bool = False) -> str | None:
    """Why ``code`` cannot be a rule code (of a plugin, or built-in), or ``None``."""
    if not isinstance(code, str) or not CODE.match(code):
        return (
            f"rule code {code!r} is not a prefix of 1 to 3 capital letters and 3 digits "
            "(flake8 style, e.g. AC101)"
        )
    if not builtin and code.startswith(RESERVED_PREFIX):
        return (
            f"rule code {code} takes the prefix {RESERVED_PREFIX}, which is reserved for "
            "xxgk-lint's own rules"
        )
    return None


def template_fields(template: str) -> frozenset[str]:
    """The fields a ``str.format`` template uses; ValueError saying why it cannot be used."""
    fields: set[str] = set()
    for _, name, spec, _conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not _FIELD.match(name):
            shown = "{" + name + "}"
            raise ValueError(
                f"{shown} is not a field name (fields are plain names such as {{row}}; "
                "write {{ and }} for a brace)"
            )
        if spec and "{" in spec:
            raise ValueError(f"{{{name}:{spec}}} nests a field in a format spec")
        fields.add(name)
    return frozenset(fields)


def _languages(value: Any, what: str, code: str) -> str | None:
    if not isinstance(value, Mapping):
        return f"rule {code}: {what} must map languages (zh, en) to text"
    unknown = [k for k in value if k not in LANGS]
    if unknown:
        return f"rule {code}: {what} has an unknown language {unknown[0]!r} (languages: zh, en)"
    if "zh" not in value:
        return f"rule {code} has no Chinese (zh) {what}"
    return None


def messages_problem(code: str, messages: Any) -> str | None:
    """Why ``messages`` cannot be a rule's messages, or ``None``."""
    problem = _languages(messages, "messages", code)
    if problem:
        return problem
    for lang, templates in messages.items():
        if not isinstance(templates, Mapping) or not templates:
            return f"rule {code}: messages[{lang!r}] must map message keys to templates"
        for key, template in templates.items():
            if not isinstance(key, str) or not isinstance(template, str):
                return f"rule {code}: messages[{lang!r}] must map str keys to str templates"
            try:
                template_fields(template)
            except ValueError as exc:
                return f"rule {code}: message {key!r} ({lang}): {exc}"
    zh = messages["zh"]
    for lang, templates in messages.items():
        extra = [k for k in templates if k not in zh]
        if extra:
            return f"rule {code}: message {extra[0]!r} exists in {lang} but not in zh"
    return None


def options_problem(code: str, options: Any) -> str | None:
    seen: set[str] = set()
    for option in options:
        if not isinstance(option, RuleOption):
            return f"rule {code}: options must be RuleOption objects"
        if not isinstance(option.name, str) or not option.name:
            return f"rule {code}: an option has no name"
        if option.name in seen:
            return f"rule {code}: option {option.name!r} is declared twice"
        seen.add(option.name)
        problem = option.problem(option.default)
        if problem is not None:
            return f"rule {code}: the default of option {option.name!r} {problem}"
    return None


def meta_problem(meta: Any, builtin: bool = False) -> str | None:
    """What makes a rule's metadata unusable by the listings and formatters, if anything."""
    from xxgk_lint.engine.diagnostics import RuleMeta

    if not isinstance(meta, RuleMeta):
        return f"rule metadata is {type(meta).__name__}, not a RuleMeta"
    code = meta.code
    problem = code_problem(code, builtin)
    if problem:
        return problem
    if not isinstance(meta.name, str) or not NAME.match(meta.name):
        return f"rule name {meta.name!r} is not kebab-case"
    if not isinstance(meta.severity, Severity):
        return f"rule {code}: severity {meta.severity!r} is not a Severity"
    return (
        messages_problem(code, meta.messages)
        or _summary_problem(code, meta.summary)
        or _docs_problem(code, meta.docs)
        or options_problem(code, meta.options)
    )


def _summary_problem(code: str, summary: Any) -> str | None:
    problem = _languages(summary, "summary", code)
    if problem:
        return problem
    if not all(isinstance(v, str) and v for v in summary.values()):
        return f"rule {code}: every summary must be a non-empty str"
    return None


def _docs_problem(code: str, docs: Any) -> str | None:
    problem = _languages(docs, "docs", code)
    if problem:
        return problem.replace("(zh) docs", "(zh) docs (a RuleDoc)")
    for lang, doc in docs.items():
        if not isinstance(doc, RuleDoc):
            return f"rule {code}: docs[{lang!r}] must be a RuleDoc"
        for part in ("what", "why", "bad", "good"):
            if not isinstance(getattr(doc, part), str):
                return f"rule {code}: docs[{lang!r}].{part} must be a str"
    return None
