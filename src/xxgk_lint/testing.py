"""Testing rules: parse a report, run one rule on it, and rule cases as data.

For plugin authors, and used by xxgk-lint's own tests the same way::

    from xxgk_lint.testing import parse_text, run_rule

    report = parse_text("五、存在的主要问题及改进情况\\n本年度无。\\n")
    [finding] = run_rule("AC102", report, plugins=["checks/acme.yaml"])
    assert (finding.line, finding.column) == (1, 1)

Rule cases are YAML files in the manner of sqlfluff's rule fixtures, one per rule
(``tests/rules/cases/AC102.yml``)::

    rule: AC102
    plugins: [../../checks/acme.yaml]     # rule files or .py plugins, relative to this file

    no-measures:
      report: |
        五、存在的主要问题及改进情况
        本年度工作中存在解读形式单一的问题。
      findings:
        - {line: 1, column: 1}

    measures-stated:
      report: |
        五、存在的主要问题及改进情况
        下一步将丰富解读形式，整改到位。
      findings: []

and one test runs them all::

    import pytest
    from xxgk_lint.testing import rule_cases

    @pytest.mark.parametrize("case", rule_cases("tests/rules/cases"), ids=str)
    def test_rule_case(case):
        case.check()

A case takes its report from exactly one of ``report:`` (the text), ``fixture:`` (a file:
text, HTML, Word or PDF), ``base:`` with ``edits:`` (a file, each ``replace:`` text
occurring once replaced ``with:`` another), or ``docs: bad|good`` (the rule's documented
failing or passing example — with ``base:``/``edits:`` when the example shows a few lines
of a whole report, its other lines elided with a line starting ``…``). A ``report:`` or an
example is a fragment: a section heading and what follows it, or table rows alone (put
under the heading of their table's section; findings are compared at the fragment's own
lines). ``lang:`` and
``options:`` configure the run; ``findings:`` lists what must be found, each with ``line``
and ``column`` and any of ``code``, ``end_line``, ``end_column``, ``severity``,
``expected``, ``actual``, ``message``, ``subject``.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import field
from decimal import Decimal
from pathlib import Path
from typing import Any

from xxgk_lint.engine.diagnostics import Diagnostic
from xxgk_lint.engine.rule import ReportFacts, Rule, RuleContext
from xxgk_lint.parse.ast import Report, Span
from xxgk_lint.records import record

__all__ = [
    "CaseError",
    "InvalidFinding",
    "PluginLoadError",
    "RuleCase",
    "find_rule",
    "parse_file",
    "parse_text",
    "rule_cases",
    "run_rule",
]


class PluginLoadError(RuntimeError):
    """A plugin or rule file named in a test did not load; the message says why, each
    problem on a line of its own (``checks/acme.yaml:8: …``)."""


class InvalidFinding(AssertionError):
    """A rule yielded something that is not a valid finding (a run would report XG009)."""


class CaseError(ValueError):
    """A case file that cannot be used; the message names the file and the line."""


# ---- reports ----


def parse_text(text: str, path: str = "report.txt") -> Report:
    """The report ``text`` (UTF-8 text, as a ``.txt`` file holds it) parsed as a run parses
    it. A fragment is enough if it has a section heading: ``五、存在的主要问题及改进情况`` and
    its paragraphs, ``二、主动公开政府信息情况`` and table rows. Raises ``InputError`` when
    the text is no report at all (no section heading, no table) — as table rows alone
    may be when their labels do not tell the table (``行政许可 | 0 | | |``); rule cases put
    such rows under their section's heading, this function does not."""
    from xxgk_lint.parse import parse_source
    from xxgk_lint.sources import read_source

    return parse_source(read_source(path, text.encode("utf-8")))


def parse_file(path: str | Path) -> Report:
    """A report file (text, HTML, Word or PDF) parsed as a run parses it."""
    from xxgk_lint.parse import parse_path

    return parse_path(path)


# ---- rules ----


@functools.cache
def _registry(plugins: tuple[tuple[str, str], ...]) -> Any:
    from xxgk_lint.engine.plugins import LocalPlugin, load_registry

    local = [LocalPlugin(spec, Path(base), "xxgk_lint.testing") for spec, base in plugins]
    registry = load_registry(local, "en")
    if registry.errors:
        raise PluginLoadError("\n".join(registry.errors))
    return registry


def _plugin_key(plugins: Iterable[str | Path], base: Path | None = None) -> tuple:
    """The plugins as ``(spec, folder)`` pairs, each once: a file by its resolved path (as a
    run registers it), shown relative to the working directory when inside it."""
    from xxgk_lint.engine.plugins import is_file_spec, shown_path

    cwd = Path.cwd()
    out: dict[tuple[str, str], None] = {}
    for spec in plugins:
        text = str(spec)
        if is_file_spec(text):
            resolved = ((base or cwd) / text).resolve()
            out[(shown_path(resolved), str(cwd))] = None
        else:
            out[(text, str(base or cwd))] = None
    return tuple(out)


def find_rule(code: str, plugins: Iterable[str | Path] = (), *, base: Path | None = None) -> Rule:
    """The rule ``code`` (or name) among the built-in rules, the installed plugins and
    ``plugins`` (``.py`` files, rule files or module names; files relative to ``base``,
    else the working directory). :class:`PluginLoadError` if one of those does not load."""
    registry = _registry(_plugin_key(plugins, base))
    found = registry.rules.get(code) or registry.by_name(code)
    if found is None:
        import difflib

        names = [r.name for r in registry.rules.values()]
        close = difflib.get_close_matches(code, [*registry.rules, *names], n=1)
        hint = f"; did you mean {close[0]}?" if close else ""
        raise LookupError(f"no rule {code!r} is registered{hint}")
    return found


def _options(rule: Rule, options: Mapping[str, Any] | None) -> dict[str, Any]:
    known = {o.name: o for o in rule.meta.options}
    out = dict(options or {})
    for name, value in out.items():
        if name not in known:
            listed = ", ".join(sorted(known)) or "none"
            raise ValueError(f"rule {rule.code} has no option {name!r} (options: {listed})")
        problem = known[name].problem(value)
        if problem is not None:
            raise ValueError(f"rule {rule.code}: option {name!r} {problem}")
    return out


def run_rule(
    code: str,
    report: Report | Sequence[Report],
    options: Mapping[str, Any] | None = None,
    *,
    lang: str = "zh",
    plugins: Iterable[str | Path] = (),
) -> list[Diagnostic]:
    """The findings of rule ``code`` on ``report``, as a run would report them (before a
    config's ``severity:`` override), sorted by position.

    ``options`` are the rule's options as a config sets them (checked as a config load
    checks them); ``lang`` the message language; ``plugins`` where the rule comes from if
    it is not built in or installed (see :func:`find_rule`). A whole-run rule is given a
    list of reports. A finding the rule makes with a field its message needs missing, in
    any language, raises; so does something that is not a valid finding
    (:class:`InvalidFinding`).
    """
    found = find_rule(code, plugins)
    return _run(found, report, options, lang)


def _run(
    rule: Rule, report: Report | Sequence[Report], options: Mapping[str, Any] | None, lang: str
) -> list[Diagnostic]:
    from xxgk_lint.engine.builtin import PLUGIN_ERROR, checked_findings

    reports = [report] if isinstance(report, Report) else list(report)
    if not reports:
        raise ValueError("run_rule needs a report")
    settings = _options(rule, options)
    produced: list[Any] = []
    paths = [r.path for r in reports]
    # The rule runs alone, as with --select CODE: a finding it would leave to another rule
    # (one wrong cell that breaks identities of several) is its own.
    alone = frozenset({rule.code})
    if rule.check_run is not None:
        facts = [ReportFacts.of(r, rule) for r in reports]
        context = RuleContext(rule.meta, paths[0], lang, settings, alone)
        produced.extend(rule.check_run(facts, context))
    if rule.check is not None:
        for one in reports:
            produced.extend(
                rule.check(one, RuleContext(rule.meta, one.path, lang, settings, alone))
            )
    findings = checked_findings(produced, rule, "en", paths[0], paths)
    for finding in findings:
        if finding.code == PLUGIN_ERROR and rule.code != PLUGIN_ERROR:
            raise InvalidFinding(finding.message)
    return sorted(findings, key=Diagnostic.sort_key)


def _unreadable(rule: Rule, path: str, problem: Exception, lang: str) -> list[Diagnostic]:
    """What a run reports for a text that is no report (XG001), as the runner makes it."""
    from xxgk_lint.engine.builtin import clean_text
    from xxgk_lint.sources.messages import localise

    context = RuleContext(rule.meta, path, lang)
    text = localise(clean_text(str(problem)), lang)
    return [context.diagnostic(Span(1, 1, 1, 1), problem=text, subject="file")]


# ---- rule cases ----

#: How a reader says a text has no section heading and no table (sources: XG001).
NOT_A_REPORT = "not a government information disclosure annual report"


@record
class Wrapped:
    """A fragment of table rows parsed under its section's heading: ``added`` lines above
    the fragment's own."""

    report: Report
    added: int


def _under_heading(text: str) -> Wrapped | None:
    """``text`` (table rows) parsed under the heading of the first section of the format
    whose table they make, or ``None`` if they make none."""
    from xxgk_lint.format import FORMAT_2021
    from xxgk_lint.sources import InputError

    for section in FORMAT_2021.sections:
        if section.table is None:
            continue
        try:
            report = parse_text(f"{section.number}、{section.title.zh}\n{text}")
        except InputError:
            continue
        if report.table(section.table) is not None:
            return Wrapped(report, 1)
    return None


CASE_KEYS = (
    "report",
    "fixture",
    "base",
    "edits",
    "previous",
    "docs",
    "lang",
    "options",
    "findings",
    "note",
)
FINDING_KEYS = (
    "code",
    "line",
    "column",
    "end_line",
    "end_column",
    "severity",
    "expected",
    "actual",
    "message",
    "subject",
)
FILE_KEYS = ("rule", "plugins")
ELISION = "…"
#: A documented example of a whole-run rule shows lines of two reports, each line opened by
#: the name of its report and a colon: "2022年报告：四、结转下年度继续办理 | 2 | …",
#: "2023 report: …", "reports/2023.txt：…".
REPORT_LABEL = re.compile(r"^[^|｜\t：:]{1,24}[：:]\s*")


@record(frozen=False)
class RuleCase:
    """One named case of a case file. ``check()`` runs it and raises AssertionError (or
    :class:`CaseError` for a case that cannot be run) saying what differs."""

    file: Path
    name: str
    line: int
    code: str = ""
    spec: Mapping[str, Any] = field(default_factory=dict)
    plugins: tuple[str, ...] = ()
    #: A problem of the whole file: the case reports it when checked.
    problem: str | None = None

    def __str__(self) -> str:
        return f"{self.code or self.file.stem}:{self.name}"

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def fail(self, message: str) -> CaseError:
        return CaseError(f"{self.where}: case {self.name!r}: {message}")

    def check(self) -> None:
        if self.problem is not None:
            raise CaseError(self.problem)
        rule = find_rule(self.code, self.plugins, base=self.file.parent)
        lang = self.spec.get("lang", "zh")
        if lang not in ("zh", "en"):
            raise self.fail(f"lang must be zh or en, not {lang!r}")
        expected = self._expected(rule)
        previous = self._previous(rule, lang)
        for label, source in self._reports(rule, lang):
            added = source.added if isinstance(source, Wrapped) else 0
            report = source.report if isinstance(source, Wrapped) else source
            if isinstance(report, list):
                found = report
            elif previous is not None:
                # last year's report runs with it; only this report's findings count
                both = _run(rule, [previous, report], self.spec.get("options"), lang)
                found = [d for d in both if d.path == report.path]
            else:
                found = _run(rule, report, self.spec.get("options"), lang)
            _compare(self, label, expected, self._unwrapped(found, added, label))

    def _unwrapped(self, found: list[Diagnostic], added: int, label: str) -> list[Diagnostic]:
        """The findings on a fragment the harness put under a heading, at the fragment's own
        lines (the heading's line is not the fragment's: a finding there cannot be placed)."""
        if not added:
            return found
        out = []
        for finding in found:
            if finding.line <= added:
                about = f" ({label})" if label else ""
                raise self.fail(
                    f"the rule reports the section heading the harness put above the "
                    f"fragment's table rows{about}: give the fragment its heading"
                )
            out.append(
                dataclasses.replace(
                    finding, line=finding.line - added, end_line=finding.end_line - added
                )
            )
        return out

    def _previous(self, rule: Rule, lang: str) -> Report | None:
        """``previous:``: last year's report, for a whole-run rule (a file, or a base with
        edits: ``{base: …, edits: […]}``)."""
        spec = self.spec.get("previous")
        if spec is None:
            return None
        if isinstance(spec, str):
            path = self.file.parent / spec
            if not path.is_file():
                raise self.fail(f"no previous report {path}")
            report = parse_file(path)
        elif isinstance(spec, dict) and "base" in spec:
            text = self._edited(spec)
            report = parse_text(text, path="previous.txt")
        else:
            raise self.fail("previous: is a report file, or {base: …, edits: […]}")
        return report

    # -- the report(s) of the case

    def _reports(
        self, rule: Rule, lang: str
    ) -> list[tuple[str, Report | list[Diagnostic] | Wrapped]]:
        if "edits" in self.spec and "base" not in self.spec:
            raise self.fail("edits: need a base:")
        sources = [k for k in ("report", "fixture", "base", "docs") if k in self.spec]
        if "docs" in sources:  # a documented example may be placed in a base report
            sources = [k for k in sources if k != "base"]
        if len(sources) != 1:
            raise self.fail("give exactly one of report:, fixture:, base: (with edits:), docs:")
        kind = sources[0]
        if kind == "fixture":
            path = self.file.parent / str(self.spec["fixture"])
            if not path.is_file():
                raise self.fail(f"no fixture file {path}")
            return [("", self._parsed(rule, lang, lambda: parse_file(path), str(path)))]
        if kind == "report":
            text = self.spec["report"]
            if not isinstance(text, str):
                raise self.fail("report: must be the report's text")
            return [("", self._fragment(rule, lang, text))]
        if kind == "base":
            text = self._edited()
            return [("", self._parsed(rule, lang, lambda: parse_text(text), "report.txt"))]
        return self._docs(rule, lang)

    def _parsed(self, rule: Rule, lang: str, parse: Any, path: str) -> Report | list[Diagnostic]:
        from xxgk_lint.sources import InputError

        try:
            return parse()
        except InputError as exc:
            if rule.code == "XG001":
                return _unreadable(rule, path, exc, lang)
            raise self.fail(f"the report cannot be read: {exc}") from None

    def _fragment(self, rule: Rule, lang: str, text: str) -> Report | list[Diagnostic] | Wrapped:
        """A report given as text: parsed as it is; table rows with no section heading
        (``行政许可 | 0 | | |``) are parsed under the heading of their table's section, as a
        report prints them (XG001 is about texts that are no report: its cases are not)."""
        from xxgk_lint.sources import InputError

        try:
            return parse_text(text)
        except InputError as exc:
            if rule.code == "XG001" or not str(exc).startswith(NOT_A_REPORT):
                return self._parsed(rule, lang, lambda: parse_text(text), "report.txt")
            wrapped = _under_heading(text)
            if wrapped is None:
                raise self.fail(
                    f"the report cannot be read: {exc} (a fragment needs its section "
                    "heading, e.g. 五、存在的主要问题及改进情况, unless it is table rows only)"
                ) from None
            return wrapped

    def _edited(self, spec: Mapping[str, Any] | None = None) -> str:
        spec = self.spec if spec is None else spec
        base = self.file.parent / str(spec["base"])
        if not base.is_file():
            raise self.fail(f"no base report {base}")
        text = base.read_text(encoding="utf-8")
        edits = spec.get("edits") or []
        if not isinstance(edits, list):
            raise self.fail("edits: must be a list of {replace: …, with: …}")
        for edit in edits:
            if not isinstance(edit, dict) or set(edit) != {"replace", "with"}:
                raise self.fail("each edit is {replace: TEXT, with: TEXT}")
            old, new = str(edit["replace"]), str(edit["with"] or "")
            count = text.count(old)
            if count != 1:
                raise self.fail(f"edits: {old!r} occurs {count} times in the base, not once")
            text = text.replace(old, new)
        return text

    def _previous_text(self) -> str:
        spec = self.spec["previous"]
        if isinstance(spec, str):
            return (self.file.parent / spec).read_text(encoding="utf-8")
        return self._edited(spec)

    def _docs(self, rule: Rule, lang: str) -> list[tuple[str, Report | list[Diagnostic] | Wrapped]]:
        which = self.spec["docs"]
        if which not in ("bad", "good"):
            raise self.fail(f"docs: must be bad or good, not {which!r}")
        examples: dict[str, list[str]] = {}
        for doc_lang, doc in rule.meta.docs.items():
            examples.setdefault(getattr(doc, which), []).append(doc_lang)
        out: list[tuple[str, Report | list[Diagnostic] | Wrapped]] = []
        for example, langs in examples.items():
            kind = "failing" if which == "bad" else "passing"
            label = f"the documented {kind} example ({'/'.join(langs)})"
            if not example.strip():
                raise self.fail(f"{label} is empty")
            shown = [line for line in example.splitlines() if line.strip()]
            if "base" in self.spec:
                text = self._edited()
                lines = {line.rstrip() for line in text.splitlines()}
                if "previous" in self.spec:
                    previous = self._previous_text()
                    lines |= {line.rstrip() for line in previous.splitlines()}
                    shown = [REPORT_LABEL.sub("", line, count=1) for line in shown]
                for line in shown:
                    if not line.lstrip().startswith(ELISION) and line.rstrip() not in lines:
                        raise self.fail(
                            f"{label}: its line {line!r} is not in the case's report "
                            "(the base with its edits)"
                        )
            else:
                if any(line.lstrip().startswith(ELISION) for line in shown):
                    raise self.fail(f"{label} leaves lines out (…): give the case a base:")
                text = example if example.endswith("\n") else example + "\n"
                out.append((label, self._fragment(rule, lang, text)))
                continue
            out.append(
                (label, self._parsed(rule, lang, lambda t=text: parse_text(t), "report.txt"))
            )
        return out

    # -- what must be found

    def _expected(self, rule: Rule) -> list[dict[str, Any]]:
        listed = self.spec.get("findings")
        if not isinstance(listed, list):
            raise self.fail("findings: must be a list (empty: nothing may be found)")
        out = []
        for item in listed:
            if not isinstance(item, dict):
                raise self.fail("each finding is a mapping: {line: …, column: …, …}")
            unknown = [k for k in item if k not in FINDING_KEYS]
            if unknown:
                raise self.fail(
                    f"a finding has an unknown key {unknown[0]!r} ({', '.join(FINDING_KEYS)})"
                )
            if "line" not in item or "column" not in item:
                raise self.fail("each finding gives its line and column")
            out.append({"code": rule.code, **item})
        return sorted(out, key=lambda f: (f["line"], f["column"], f["code"]))


def _same(want: Any, got: Any) -> bool:
    if isinstance(want, (int, float, Decimal)) and not isinstance(want, bool):
        if isinstance(got, (int, Decimal)) and not isinstance(got, bool):
            return Decimal(str(want)) == Decimal(got)
        return False
    if isinstance(got, Decimal) or (isinstance(got, int) and not isinstance(got, bool)):
        return False
    return bool(want == got)


def _plain(finding: Diagnostic, keys: Iterable[str]) -> dict[str, Any]:
    out = {}
    for key in keys:
        value = getattr(finding, key)
        if key == "severity":
            value = value.label
        elif isinstance(value, Decimal):
            value = str(value)
        out[key] = value
    return out


def _compare(
    case: RuleCase, label: str, expected: list[dict[str, Any]], found: list[Diagnostic]
) -> None:
    found = sorted(found, key=lambda d: (d.line, d.column, d.code))
    keys = list(dict.fromkeys(k for item in expected for k in item)) or ["code", "line", "column"]
    matches = len(expected) == len(found) and all(
        all(
            _same(want[k], getattr(got, k).label if k == "severity" else getattr(got, k))
            for k in want
        )
        for want, got in zip(expected, found, strict=True)
    )
    if matches:
        return
    shown_keys = list(dict.fromkeys(["code", "line", "column", *keys, "message"]))
    got = "\n".join(f"    {_plain(d, shown_keys)}" for d in found) or "    (nothing)"
    want = "\n".join(f"    {item}" for item in expected) or "    (nothing)"
    about = f" on {label}" if label else ""
    raise AssertionError(
        f"{case.where}: case {case.name!r} of {case.code}{about}:\n"
        f"  expected:\n{want}\n  found:\n{got}"
    )


def _case_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())
    return [path]


def rule_cases(path: str | Path, *, plugins: Iterable[str | Path] = ()) -> list[RuleCase]:
    """The cases of a case file, or of every ``*.yml``/``*.yaml`` file in a folder, in
    order. ``plugins`` (relative to the working directory) are added to each file's own
    ``plugins:`` (relative to the file). A file that cannot be
    read gives one case that fails with the file's problem, so that the others still run."""
    from xxgk_lint.engine.plugins import is_file_spec
    from xxgk_lint.engine.yamlrules.marked import MarkedError, load_marked

    # Given here, relative to the working directory; a file's own, relative to the file.
    extra = tuple(str(Path(p).resolve()) if is_file_spec(str(p)) else str(p) for p in plugins)
    cases: list[RuleCase] = []
    for file in _case_files(Path(path)):
        try:
            marked = load_marked(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            cases.append(RuleCase(file, "(file)", 1, problem=f"{file}: cannot read it ({exc})"))
            continue
        except MarkedError as exc:
            cases.append(RuleCase(file, "(file)", exc.line, problem=f"{file}:{exc.line}: {exc}"))
            continue
        data = marked.data
        if not isinstance(data, dict) or not isinstance(data.get("rule"), str):
            problem = f"{file}:1: a case file starts with 'rule: CODE' and names its cases"
            cases.append(RuleCase(file, "(file)", 1, problem=problem))
            continue
        listed = data.get("plugins") or []
        if not isinstance(listed, list) or not all(isinstance(p, str) for p in listed):
            line = marked.line("plugins")
            cases.append(
                RuleCase(
                    file, "(file)", line, problem=f"{file}:{line}: plugins: must be a list of paths"
                )
            )
            continue
        own = tuple(listed) + extra
        for name, spec in data.items():
            if name in FILE_KEYS:
                continue
            line = marked.line(name)
            case = RuleCase(file, str(name), line, data["rule"], {}, own)
            if not isinstance(spec, dict):
                case.problem = f"{file}:{line}: case {name!r} must be a mapping"
            else:
                unknown = [k for k in spec if k not in CASE_KEYS]
                if unknown:
                    case.problem = (
                        f"{file}:{marked.line(name, unknown[0])}: case {name!r}: unknown key "
                        f"{unknown[0]!r} (keys: {', '.join(CASE_KEYS)})"
                    )
                case.spec = spec
            cases.append(case)
    return cases
