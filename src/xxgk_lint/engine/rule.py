"""What a rule is: its metadata plus the functions that check reports.

Plugin authors write rules with the :func:`rule` decorator (imported from
:mod:`xxgk_lint.plugin`)::

    @rule(code="AC001", name="title-names-agency", severity="warning",
          summary={"zh": "标题应写明机关名称", "en": "The title names the agency"},
          messages={"zh": {"default": "标题未写明机关名称"},
                    "en": {"default": "the title does not name the agency"}},
          docs={...})
    def title_names_agency(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        if report.title and report.agency is None:
            yield ctx.diagnostic(report.title.span)

and return them from the ``xxgk_lint_rules`` hook (see :mod:`xxgk_lint.engine.hookspecs`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import field, replace
from itertools import repeat
from typing import Any

from xxgk_lint.engine.checks import Check, CheckCell, Deferred
from xxgk_lint.engine.diagnostics import (
    Diagnostic,
    MessageError,
    Number,
    RuleDoc,
    RuleMeta,
    RuleOption,
    Severity,
)
from xxgk_lint.parse.ast import Report, Span
from xxgk_lint.records import record

_new = tuple.__new__


@record(eq=False)
class RuleContext:
    """Handed to a rule with each report: the user's language, options, and a factory.

    Rules never print or exit; they yield what :meth:`diagnostic` returns.
    """

    meta: RuleMeta
    path: str
    lang: str = "zh"
    options: Mapping[str, Any] = field(default_factory=dict)
    #: The codes of the rules that run on this file; empty when not known (every rule
    #: is then taken to run). Rules that share one finding between them (one wrong cell
    #: that breaks identities of several rules) pick the one that reports it from these.
    active: frozenset[str] = frozenset()
    #: What the rule verified on this report, in the order it recorded it (see
    #: :meth:`record`; :meth:`record_later` adds a :class:`~.checks.Deferred`); the
    #: runner keeps these with the file's result.
    checks: list[Check | Deferred] = field(default_factory=list, compare=False, repr=False)
    #: The report's identity (``body|year``, see :func:`~xxgk_lint.engine.pairing.scope_of`)
    #: when the runner knows it: :meth:`diagnostic` stamps it on the finding, which the
    #: runner would otherwise copy to stamp it (one copy of a 15-field record per finding).
    scope: str = ""

    def say(self, zh: str, en: str) -> str:
        """``zh`` or ``en``, in the user's language: the reason of a check, a note."""
        return zh if self.lang == "zh" else en

    def runs(self, code: str) -> bool:
        """Whether rule ``code`` runs on this file too."""
        return not self.active or code in self.active

    def record(
        self,
        check: str,
        scope: str,
        status: str,
        cells: Sequence[CheckCell] = (),
        *,
        reason: str | None = None,
        finding: tuple[str, str] | None = None,
    ) -> Check:
        """Record one check this rule made on the report (pass, fail, not_assessable or
        uncertain; see :mod:`xxgk_lint.engine.checks`), and return it."""
        fields = (self.meta.code, check, scope, status, tuple(cells), reason, finding)
        made: Check = _new(Check, fields)  # (Check(...) without its keyword handling)
        self.checks.append(made)
        return made

    def record_later(self, statuses: Sequence[str], make: Callable[[], Iterable[Check]]) -> None:
        """Record checks whose statuses are known now, to be made only if something reads
        them (JSON, SARIF, JUnit; the text summary only counts them): ``make`` gives them,
        as many as ``statuses``, in order, with those statuses (:func:`checks_of`). For
        checks a rule records by the dozen on every report, cells and all (the
        identities'); ``make`` runs after the rule, outside its guards: it must not fail."""
        self.checks.append(Deferred(tuple(statuses), make))

    def option(self, name: str) -> Any:
        """The value of option ``name``: the config's, else its default. A value of an
        option with ``choices`` is given as the choice is declared (``sentences`` for a
        config's ``SENTENCES``: choices are matched without case, and a rule compares
        the value with its own spelling)."""
        for option in self.meta.options:
            if option.name == name:
                return option.chosen(self.options[name]) if name in self.options else option.default
        if name in self.options:
            return self.options[name]
        raise KeyError(f"rule {self.meta.code} has no option {name!r}")

    def diagnostic(
        self,
        span: Span,
        key: str = "default",
        *,
        expected: Number | str | None = None,
        actual: Number | str | None = None,
        subject: str = "",
        severity: Severity | str | None = None,
        path: str | None = None,
        **fields: Any,
    ) -> Diagnostic:
        """A Diagnostic for this rule, its message rendered in the user's language.

        ``severity`` (this finding only; else the rule's) is a :class:`Severity` or one of
        the strings ``@rule(severity=...)`` takes, ``"error"``, ``"warning"``, ``"info"``
        (any case); another string raises ValueError.

        ``fields`` fill the message template; ``expected`` and ``actual`` are available to
        it as ``{expected}`` and ``{actual}`` too. Every field the message uses in any
        language must be passed (else :class:`MessageError` names the missing ones), so a
        rule tested in Chinese cannot crash for a user who runs it in English.
        """
        missing = self.meta.missing_fields(key, fields)
        if missing:
            named = ", ".join("{" + f + "}" for f in missing)
            raise MessageError(
                f"rule {self.meta.code}: message {key!r} uses {named}, which the rule did not pass"
            )
        message = self.meta.message(self.lang, key, expected=expected, actual=actual, **fields)
        return Diagnostic(
            code=self.meta.code,
            name=self.meta.name,
            severity=Severity.parse(severity)
            if isinstance(severity, str)
            else severity or self.meta.severity,
            message=message,
            path=path or self.path,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
            expected=expected,
            actual=actual,
            where=span.where,
            subject=subject,
            scope=self.scope,
        )


def checks_of(
    code: str,
    check: str,
    scopes: Iterable[str],
    statuses: Iterable[str],
    cells: Iterable[tuple[CheckCell, ...]],
    reasons: Iterable[str | None],
    findings: Iterable[tuple[str, str] | None],
) -> Iterator[Check]:
    """Checks of rule ``code``, one per item of the iterables taken together (``cells``
    as tuples), made in C: no call in Python per check (a report's identities make some
    forty; see :meth:`RuleContext.record_later`)."""
    rows = zip(repeat(code), repeat(check), scopes, statuses, cells, reasons, findings)
    return map(_new, repeat(Check), rows)


CheckReport = Callable[[Report, RuleContext], Iterable[Diagnostic]]


def _only_where_it_applies(meta: RuleMeta, function: CheckReport) -> CheckReport:
    """The check, run only on reports of the formats and years the rule applies to."""

    def check(report: Report, ctx: RuleContext) -> Iterable[Diagnostic]:
        if not meta.applies_to(report.format_version, report.year):
            return ()
        return function(report, ctx)

    check.__name__ = getattr(function, "__name__", "check")
    check.__doc__ = function.__doc__
    return check


@record
class ReportFacts:
    """What a whole-run rule keeps of one report: a few fields and what its ``facts``
    function took from the report. Small and picklable, so that a run over thousands of
    files (in worker processes, streaming its output) never holds the reports themselves.
    """

    path: str
    kind: str
    format_version: str
    year: int | None
    agency: str | None
    #: Where the title stands (a finding about the report as a whole points there).
    title_span: Span | None
    #: What the rule's ``facts(report)`` returned for this report (None without one).
    value: Any = None

    def with_value(self, value: Any) -> ReportFacts:
        """These facts with ``value`` (as ``dataclasses.replace``, which is slower: the
        runner makes one per whole-run rule and report)."""
        return type(self)(
            self.path,
            self.kind,
            self.format_version,
            self.year,
            self.agency,
            self.title_span,
            value,
        )

    @classmethod
    def of(cls, report: Report, rule: Rule | None = None) -> ReportFacts:
        """The facts ``rule`` keeps of ``report`` (as the runner makes them)."""
        value = rule.facts(report) if rule is not None and rule.facts is not None else None
        title = report.title.span if report.title is not None else None
        return cls(
            report.path,
            report.kind,
            report.format_version,
            report.year,
            report.agency,
            title,
            value,
        )


ExtractFacts = Callable[[Report], Any]
CheckRun = Callable[[Sequence[ReportFacts], RuleContext], Iterable[Diagnostic]]


@record(eq=False)
class Rule:
    """A rule: metadata, and a per-report check and/or a whole-run check.

    A whole-run check receives one :class:`ReportFacts` per report of the run that parsed
    and that the rule is enabled for, in the order the files were checked; ``facts`` (if
    given) is called on each report when it is checked, and its result, which must be
    small and picklable, is the ``value`` of that report's facts.
    """

    meta: RuleMeta
    check: CheckReport | None = None
    check_run: CheckRun | None = None
    facts: ExtractFacts | None = None
    #: A whole-run check that only compares reports of one body (the agency in the title):
    #: it is called once per body, with that body's reports, so that a run over any
    #: number of files holds one body's facts at a time.
    per_body: bool = False
    #: The fewest reports a whole-run check can compare: it is not called with fewer (a
    #: rule comparing one body's years, given a body of one report, could find nothing;
    #: a run over 2,000 bodies made 2,000 such calls a rule).
    min_reports: int = 1

    def __post_init__(self) -> None:
        if self.check_run is not None and not self.meta.whole_run:
            object.__setattr__(self, "meta", replace(self.meta, whole_run=True))

    @property
    def code(self) -> str:
        return self.meta.code

    @property
    def name(self) -> str:
        return self.meta.name


def rule(
    *,
    code: str,
    name: str,
    severity: str,
    summary: dict[str, str],
    messages: dict[str, dict[str, str]],
    docs: dict[str, RuleDoc],
    options: Sequence[RuleOption] = (),
    run: bool = False,
    facts: ExtractFacts | None = None,
    per_body: bool = False,
    min_reports: int = 1,
    formats: Sequence[str] = (),
    years: tuple[int | None, int | None] = (None, None),
    uses: Sequence[str] = (),
) -> Callable[[Callable[..., Iterable[Diagnostic]]], Rule]:
    """Decorate a check function into a :class:`Rule`.

    With ``run=True`` the function is a whole-run check (for rules that compare reports,
    e.g. one body's reports of two years): it receives a :class:`ReportFacts` for every
    report of the run, each carrying what ``facts(report)`` took from it; with
    ``per_body=True`` too, it is called once per body (the agency its title names) with
    that body's reports only (a report that names no body, alone), so memory stays flat
    however many files a run checks; ``min_reports=2`` for a check that compares reports
    (it is not called with fewer: a body with one report). ``formats``
    and ``years`` say which reports the rule applies to (others are not checked by it);
    ``uses`` names the cells it reads (``proactive.licensing.decisions``,
    ``applications.*.total``): a key the format model does not have fails here, when the
    rule is declared, with a message naming it. So does anything else the registration
    would refuse (see :mod:`xxgk_lint.engine.metacheck`): the error then points at the
    ``@rule(...)`` line.
    """
    from xxgk_lint.engine.metacheck import RuleDefinitionError, meta_problem
    from xxgk_lint.format import UnknownKeyError, check_address, format_for

    for version in formats:
        format_for(version)
    for address in uses:
        try:
            check_address(address)
        except UnknownKeyError:
            # as a YAML rule's check says it: the keys there, and the nearest one
            from xxgk_lint.engine.yamlrules.expr import key_error

            refusal = key_error(address)
            error = UnknownKeyError(str(refusal))
            error.zh = refusal.zh
            raise error from None
    try:
        level = Severity.parse(severity)
    except (ValueError, AttributeError):
        raise RuleDefinitionError(
            f"rule {code}: severity {severity!r} is not error, warning or info"
        ) from None
    declared = RuleMeta(
        code=code,
        name=name,
        severity=level,
        summary=summary,
        messages=messages,
        docs=docs,
        options=tuple(options),
        formats=tuple(formats),
        years=years,
        uses=tuple(uses),
    )
    problem = meta_problem(declared, builtin=True)  # the XG prefix is checked at registration
    if problem is None and (type(min_reports) is not int or min_reports < 1):
        problem = f"rule {code}: min_reports must be a whole number, at least 1: {min_reports!r}"
    if problem is not None:
        raise RuleDefinitionError(problem)

    def wrap(function: Callable[..., Iterable[Diagnostic]]) -> Rule:
        meta = replace(declared, origin=function.__module__, whole_run=run)
        if run:
            return Rule(
                meta,
                check_run=function,
                facts=facts,
                per_body=per_body,
                min_reports=min_reports,
            )
        if formats or years != (None, None):
            return Rule(meta, check=_only_where_it_applies(meta, function))
        return Rule(meta, check=function)

    return wrap
