"""Diagnostics and rule metadata: the values that flow from rules to formatters.

A :class:`Diagnostic` is immutable and complete: formatters never look anything up. Its
``line``/``column`` are 1-based, into the original file (``end_column`` is exclusive, as
in SARIF); ``where`` is a locator a person can find in Word or a PDF viewer, when line
numbers mean nothing there.
"""

from __future__ import annotations

import builtins
from dataclasses import field, replace
from decimal import Decimal
from enum import IntEnum
from functools import cached_property
from typing import Any

from xxgk_lint.parse.serialize import plain
from xxgk_lint.records import record


class Severity(IntEnum):
    """Ordered so that ``severity >= fail_on`` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (expected error, warning or info)"
            ) from None

    @property
    def label(self) -> str:
        return self.name.lower()


Number = int | Decimal


@record(slots=True)
class Related:
    """Another place a finding is about: the other report's cell of a cross-report finding,
    or a cell on the other side of a failed identity (:func:`xxgk_lint.engine.checks.places`).

    Positions as in :class:`Diagnostic`; ``message`` says what stands there (e.g. last
    year's 结转下年度继续办理 and its value), in the user's language; ``subject`` is the
    place's canonical address and ``value`` what was read there, when it is one cell.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str = ""
    where: str | None = None
    subject: str = ""
    value: Number | str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "where": self.where,
            "subject": self.subject,
            "value": plain(self.value),
        }


@record
class Diagnostic:
    """One finding. ``message`` is already in the user's language.

    Without ``__slots__``: a frozen record with slots sets each of its fifteen fields
    through ``object.__setattr__`` (a call each), one without stores them into its
    ``__dict__``: making a finding costs half as many instructions.
    """

    code: str
    name: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    expected: Number | str | None = None
    actual: Number | str | None = None
    where: str | None = None
    #: The canonical address of what the finding is about, e.g. ``applications.total.business``.
    #: Stable across edits that move lines; used for fingerprints and JUnit case names.
    subject: str = ""
    #: Other places the finding is about (the other report of a cross-report finding).
    related: tuple[Related, ...] = ()
    #: The report's identity, ``body|year`` (see :func:`xxgk_lint.engine.pairing.scope_of`),
    #: set by the runner; empty when the title names no body or no year is known.
    scope: str = ""

    def with_severity(self, severity: Severity) -> Diagnostic:
        return replace(self, severity=severity)

    def with_related(self, *related: Related) -> Diagnostic:
        """This finding with ``related`` added to its other places."""
        return replace(self, related=(*self.related, *related))

    def sort_key(self) -> tuple[str, int, int, str]:
        """Position, then code; ties keep the order the rule emitted them (sorts are stable)."""
        return (self.path, self.line, self.column, self.code)

    def fingerprint(self, path: str | None = None) -> str:
        """A stable identity for baselines and SARIF: rule, report and subject.

        The report is its ``scope`` (body and year) when known, so that the fingerprint
        survives a re-layout, lines moving, a renamed file and the same report exported as
        HTML instead of text; else the file's path — ``path``, the file as an output names
        it, if given (so that ``reports/a.txt`` and its absolute path give one). Never the
        line.
        """
        import hashlib  # here: only baselines and some formats need it (OpenSSL loads)

        owner = self.scope or (self.path if path is None else path)
        basis = f"{self.code}|{owner}|{self.subject or self.message}"
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "message": self.message,
            "expected": plain(self.expected),
            "actual": plain(self.actual),
            "where": self.where,
            "subject": self.subject,
            # Only when there are some: version 1 added the key as optional.
            **({"related": [r.to_json() for r in self.related]} if self.related else {}),
        }


@record
class RuleOption:
    """A per-rule option that can be set in the config under ``rules: {CODE: {...}}``.

    ``type`` (``str``, ``int``, ``bool``… or a tuple of them) and ``choices`` (the allowed
    values; strings compared without regard to case) are checked when the config is
    loaded, so that a bad value is a config error naming the key and the file, not a crash
    of the rule on every report. Without either, the type of ``default`` is the type (an
    ``int`` default takes whole numbers, a ``str`` default text…; a ``None`` default any
    value).
    """

    name: str
    default: Any
    description: str
    type: builtins.type | tuple[builtins.type, ...] | None = None
    choices: tuple[Any, ...] | None = None
    #: Bounds of a numeric value (inclusive), checked with the type.
    minimum: float | None = None
    maximum: float | None = None

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is not allowed (one phrase), or ``None`` if it is."""
        wrong = self._type_problem(value)
        if wrong is not None or (self.minimum is None and self.maximum is None):
            return wrong
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"must be a number, not {type(value).__name__} {value!r}"
        low = -float("inf") if self.minimum is None else self.minimum
        high = float("inf") if self.maximum is None else self.maximum
        if not low <= value <= high:
            if self.minimum is not None and self.maximum is not None:
                return f"must be between {self.minimum:g} and {self.maximum:g}, not {value!r}"
            if self.minimum is not None:
                return f"must be at least {self.minimum:g}, not {value!r}"
            return f"must be at most {high:g}, not {value!r}"
        return None

    def chosen(self, value: Any) -> Any:
        """``value`` as the matching entry of ``choices`` is spelt (choices are matched
        without case: a rule reading ``SENTENCES`` where it declared ``sentences`` would
        take the wrong branch); any other value as it is."""
        if self.choices is None or not isinstance(value, str):
            return value
        folded = value.lower()
        for choice in self.choices:
            if isinstance(choice, str) and choice.lower() == folded:
                return choice
        return value

    def _type_problem(self, value: Any) -> str | None:
        if self.choices is not None:
            folded = value.lower() if isinstance(value, str) else value
            allowed = [c.lower() if isinstance(c, str) else c for c in self.choices]
            if folded not in allowed:
                listed = ", ".join(str(c) for c in self.choices)
                return f"must be one of {listed}, not {value!r}"
        types = self.types
        if types:
            wrong_bool = isinstance(value, bool) and bool not in types
            if wrong_bool or not isinstance(value, types):
                names = " or ".join(t.__name__ for t in types)
                return f"must be of type {names}, not {type(value).__name__} {value!r}"
        return None

    @property
    def types(self) -> tuple[builtins.type, ...]:
        """The types a value may have: declared, else the default's (none: any)."""
        if self.type is not None:
            return self.type if isinstance(self.type, tuple) else (self.type,)
        if self.choices is not None or self.default is None:
            return ()
        if isinstance(self.default, float):
            return (float, int)
        return (type(self.default),)


@record
class RuleDoc:
    """The rule's documentation, in the manner of ruff's rule pages."""

    what: str
    why: str
    bad: str
    good: str


@record
class RuleMeta:
    """What a plugin declares about one of its rules.

    ``code`` is frozen forever once released (CI histories, SARIF alerts and baselines key
    on it); ``name`` is kebab-case. ``messages`` maps a language (``zh``, ``en``) to a
    message template using ``str.format`` fields that the rule supplies.
    """

    code: str
    name: str
    severity: Severity
    summary: dict[str, str]
    messages: dict[str, dict[str, str]]
    docs: dict[str, RuleDoc]
    options: tuple[RuleOption, ...] = field(default=())
    #: Module that holds the rule, for error messages about it.
    origin: str = ""
    #: The format versions (``"2021"``, ``"2019"``) the rule applies to; empty: all.
    formats: tuple[str, ...] = ()
    #: The first and last report years the rule applies to (None: open): XG401 checks the
    #: fee statement from 2021, when the fee regime of 国办函〔2020〕109号 began.
    years: tuple[int | None, int | None] = (None, None)
    #: The cells the rule reads (``applications.*.total``), checked against the format
    #: model when the rule is declared.
    uses: tuple[str, ...] = ()
    #: A whole-run rule (it compares reports): its findings come once every report is read,
    #: so per-file views (a JUnit file suite) do not list it as passed.
    whole_run: bool = False

    def applies_to(self, format_version: str, year: int | None) -> bool:
        """Whether the rule checks a report of this format and year."""
        if self.formats and format_version not in self.formats:
            return False
        first, last = self.years
        if year is None:
            return True  # an unknown year: the report is checked as a current one
        return (first is None or year >= first) and (last is None or year <= last)

    def message(self, lang: str, key: str = "default", **fields: Any) -> str:
        """Render message ``key`` in ``lang`` (falling back to Chinese)."""
        templates = self.messages.get(lang) or self.messages["zh"]
        template = templates.get(key)
        if template is None:
            template = self.messages["zh"].get(key)
        if template is None:
            known = ", ".join(repr(k) for k in self.messages["zh"])
            raise MessageError(f"rule {self.code} has no message {key!r} (messages: {known})")
        return template.format(**fields)

    @cached_property
    def message_fields(self) -> dict[str, frozenset[str]]:
        """Per message key, the fields its templates use in any language.

        A finding must pass them all, whatever the language of this run: a field only the
        English template uses would otherwise crash the rule only for ``--lang en`` users.
        """
        from xxgk_lint.engine.metacheck import template_fields

        out: dict[str, frozenset[str]] = {}
        for templates in self.messages.values():
            for key, template in templates.items():
                out[key] = out.get(key, frozenset()) | template_fields(template)
        return out

    @cached_property
    def _passed_fields(self) -> dict[str, frozenset[str]]:
        """Per message key, the fields of :attr:`message_fields` a finding must pass
        (not ``expected`` and ``actual``, which it always has)."""
        from xxgk_lint.engine.metacheck import ALWAYS_PASSED

        return {key: fields - ALWAYS_PASSED for key, fields in self.message_fields.items()}

    def missing_fields(self, key: str, given: Any) -> list[str]:
        """The fields message ``key`` uses (in any language) that are not in ``given``."""
        needed = self._passed_fields.get(key)
        if needed is None:
            known = ", ".join(repr(k) for k in self.messages.get("zh", {}))
            raise MessageError(f"rule {self.code} has no message {key!r} (messages: {known})")
        if not needed:  # (most messages: nothing to look for)
            return []
        return sorted(needed - set(given))


class MessageError(KeyError):
    """A rule asked for a message it does not have, or did not pass a field its message uses.

    Raised while the rule runs; the run reports it as the rule's failure, naming it.
    """

    def __str__(self) -> str:  # KeyError quotes its argument; this message is a sentence
        return str(self.args[0]) if self.args else ""
