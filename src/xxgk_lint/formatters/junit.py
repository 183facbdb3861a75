"""The ``junit`` format: JUnit XML for Jenkins, GitLab and other CI test reports.

One ``<testsuite>`` per report (named by its path) and one ``<testcase>`` per rule that
ran on it, named ``"XG201 row-sum"``. A rule that found nothing is a *passing* case, so a
CI history shows which checks a report passed, not only which it failed; case names never
contain line numbers, so a case keeps its identity from one run to the next.

A case fails when one of its findings is at or above the run's failing severity (what
makes the exit code 1); findings below it (warnings under ``--fail-on error``) leave the
case passing and are listed in its ``<system-out>``, so JUnit and the exit code agree.
An unreadable file is one errored XG001 case (``XG001 unreadable-input``); so is a file
whose check ran over ``--timeout``, named by its status (``XG001 timed-out``: it was
read). Problems of the run itself (a plugin that failed to load) are errored cases of an
extra ``xxgk-lint`` suite.

A check that could not be made — not assessable (a blank cell it needs) or uncertain (a
row whose numbers could not be placed) — is a *skipped* case of its own, named by the rule
and the check's scope (``"XG202 outcome-sum [natural_person]"``), with the reason: a CI
history then shows what was not verified, not only what passed.

XML 1.0 cannot hold most control characters (junit-xml drops them); they are written as
``\x1b`` instead, as in the text format, so that nothing is lost silently.
"""

from __future__ import annotations

import hashlib
import xml.dom.minidom as minidom
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator

from junit_xml import (  # type: ignore[import-untyped]
    TestCase,
    TestSuite,
    _clean_illegal_xml_chars,
)

from xxgk_lint.engine.checks import NOT_ASSESSABLE, UNCERTAIN, Check
from xxgk_lint.engine.diagnostics import Diagnostic, Severity
from xxgk_lint.engine.results import TIMED_OUT, UNREADABLE_CODE, FileResult, RunEnd, RunResult
from xxgk_lint.formatters import escape_controls as _esc
from xxgk_lint.formatters import one_line

UNREADABLE_NAME = "unreadable-input"
RUN_SUITE = "xxgk-lint"
#: The suite of the findings of whole-run rules (rules that compare reports).
ACROSS_SUITE = "xxgk-lint: whole-run rules"


def render(run: RunResult) -> str:
    """JUnit XML with ``<testsuites>`` at the root."""
    from xxgk_lint.formatters import stream_run

    return "".join(stream_run(JunitStream([f.path for f in run.files], run.lang), run))


_PLACEHOLDER = "xxgk-lint-suites"


def _pretty(root: ET.Element) -> list[str]:
    """The lines junit-xml's pretty printer writes for ``root`` (each ending in ``\\n``)."""
    text = _clean_illegal_xml_chars(ET.tostring(root, encoding="utf-8").decode("utf-8"))
    pretty = minidom.parseString(text.encode("utf-8")).toprettyxml()
    return pretty.splitlines(keepends=True)


class JunitStream:
    """JUnit XML, one suite per file as it comes, kept in a temporary file.

    The root ``<testsuites>`` carries the run's totals, so the document is written at
    the end: the root's lines, the spooled suites, the run-error suite. Each suite is
    pretty-printed as junit-xml prints it inside the whole document, so the output is
    the same as one ``to_xml_report_string`` call over every suite.
    """

    def __init__(self, paths: Iterable[str] = (), lang: str = "zh") -> None:
        from xxgk_lint.formatters import spool

        self.lang = lang
        self._renamed = _clashing(paths)
        self._spool = spool()
        self._totals: dict[str, float] = {"disabled": 0, "errors": 0, "failures": 0, "tests": 0}
        self._time = 0.0
        self._suites = 0

    def begin(self) -> str:
        return ""

    def _suite(self, suite: TestSuite) -> None:
        element = suite.build_xml_doc()
        self._suites += 1
        for key in self._totals:
            self._totals[key] += int(element.get(key, 0))
        self._time += float(element.get("time", 0))
        root = ET.Element("testsuites")
        root.append(element)
        lines = _pretty(root)
        self._spool.write("".join(lines[2:-1]))  # the declaration, <testsuites>, </testsuites>

    def file(self, result: FileResult, fail_on: Severity) -> str:
        name = self._renamed.get(result.path) or classname_for(result.path)
        self._suite(_file_suite(result, name, fail_on, self.lang))
        return ""

    def _across_suite(self, end: RunEnd) -> TestSuite:
        """One case per rule and file of the whole-run findings, under the file's classname
        (so that CI shows it with the file's other cases); it fails at the run's fail-on."""
        grouped: dict[tuple[str, str], list[Diagnostic]] = {}
        for diagnostic in end.across:
            grouped.setdefault((diagnostic.path, diagnostic.code), []).append(diagnostic)
        cases = []
        for (path, code), found in grouped.items():
            classname = self._renamed.get(path) or classname_for(path)
            case = TestCase(f"{code} {found[0].name}", classname=classname, file=one_line(path))
            output = "\n".join(_location(d) for d in found)
            failing = [d for d in found if d.severity >= end.fail_on]
            if failing:
                case.line = failing[0].line
                case.add_failure_info(
                    message=_esc(failing[0].message),
                    output=output,
                    failure_type=failing[0].severity.label,
                )
            else:
                case.stdout = output
            cases.append(case)
        return TestSuite(ACROSS_SUITE, cases)

    def end(self, end: RunEnd) -> Iterator[str]:
        from xxgk_lint.formatters import replay_chunks

        if end.across:
            self._suite(self._across_suite(end))
        if end.run_errors:
            self._suite(_run_error_suite(end.run_errors))
        root = ET.Element("testsuites")
        if not self._suites:  # junit-xml sets the totals only from suites
            self._spool.close()
            yield "".join(_pretty(root))
            return
        for key, value in self._totals.items():
            root.set(key, str(int(value)))
        root.set("time", str(self._time))
        ET.SubElement(root, _PLACEHOLDER)
        lines = _pretty(root)
        (at,) = [i for i, line in enumerate(lines) if _PLACEHOLDER in line]
        yield "".join(lines[:at])
        yield from replay_chunks(self._spool)
        yield "".join(lines[at + 1 :])


def classname_for(path: str) -> str:
    """A Java-like class name for ``path``: ``reports/2023/a.txt`` → ``reports.2023.a_txt``.

    Jenkins splits a classname at its last dot into package and class, so directories
    become packages and the dots inside a file name become ``_``.
    """
    segments = [s for s in one_line(path).replace("\\", "/").split("/") if s and s != "."]
    return ".".join(s.replace(".", "_") for s in segments) or "_"


def _clashing(paths: Iterable[str]) -> dict[str, str]:
    """Unique classnames for the paths that would share one (``a.b/c`` and ``a_b/c``).

    Such a clash is rare; the clashing names get a short hash of their path, which is as
    stable as the path itself. Only those are kept (a run may have 200,000 paths).
    """
    first: dict[str, str] = {}
    clashes: dict[str, list[str]] = {}
    for path in dict.fromkeys(paths):
        name = classname_for(path)
        if name in first:
            clashes.setdefault(name, [first[name]]).append(path)
        else:
            first[name] = path
    renamed = {}
    for name, clashing in clashes.items():
        for path in clashing:
            digest = hashlib.sha256(path.encode("utf-8")).hexdigest()[:8]
            renamed[path] = f"{name}_{digest}"
    return renamed


def _classnames(paths: list[str]) -> dict[str, str]:
    """Classnames for all files of the run, unique even where two paths map to one name."""
    renamed = _clashing(paths)
    return {path: renamed.get(path) or classname_for(path) for path in paths}


def _location(diagnostic: Diagnostic) -> str:
    """One finding as one line of a case's output (the output holds one line per finding)."""
    position = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}"
    if diagnostic.where:
        position += f" [{diagnostic.where}]"
    return one_line(f"{position}: {diagnostic.message}")


def _file_suite(file: FileResult, classname: str, fail_on: Severity, lang: str = "zh") -> TestSuite:
    path = one_line(file.path)
    if file.unreadable:
        return TestSuite(path, [_unreadable_case(file, classname)], file=path)

    by_code: dict[str, list[Diagnostic]] = {}
    for diagnostic in file.diagnostics:
        by_code.setdefault(diagnostic.code, []).append(diagnostic)
    # Every rule that ran, plus any code that reported without being listed as run
    # (parser problems such as XG003/XG004), in code order.
    # Whole-run rules are not: their findings are in the suite of their own, at the end.
    names = {rule.code: rule.name for rule in file.rules_run if not rule.whole_run}
    for code, found in by_code.items():
        names.setdefault(code, found[0].name)

    cases = []
    for code in sorted(names):
        case = TestCase(f"{code} {names[code]}", classname=classname, file=path)
        found = by_code.get(code, [])
        if found:
            output = "\n".join(_location(d) for d in found)
            if any(d.severity >= fail_on for d in found):
                first = next(d for d in found if d.severity >= fail_on)
                case.line = first.line
                case.add_failure_info(
                    message=_esc(first.message), output=output, failure_type=first.severity.label
                )
            else:
                case.stdout = output
        cases.append(case)
    cases.extend(_skipped_cases(file, classname, names, lang))
    return TestSuite(path, cases, file=path)


_SKIPPED = {
    "zh": {NOT_ASSESSABLE: "无法核对", UNCERTAIN: "读取不确定"},
    "en": {NOT_ASSESSABLE: "not assessable", UNCERTAIN: "uncertain"},
}


def _skipped_cases(
    file: FileResult, classname: str, names: dict[str, str], lang: str
) -> list[TestCase]:
    """One skipped case per check that could not be made, with its reason."""
    words = _SKIPPED.get(lang, _SKIPPED["en"])
    path = one_line(file.path)
    cases = []
    seen: Counter[str] = Counter()
    for check in file.checks:
        if check.status not in (NOT_ASSESSABLE, UNCERTAIN):
            continue
        name = _esc(_case_name(check, names))
        seen[name] += 1
        if seen[name] > 1:
            name = f"{name} #{seen[name]}"
        case = TestCase(name, classname=classname, file=path)
        reason = words[check.status]
        if check.reason:
            reason += f": {check.reason}"
        case.add_skipped_info(message=_esc(reason), output=_esc(reason))
        cases.append(case)
    return cases


def _case_name(check: Check, names: dict[str, str]) -> str:
    """``XG202 outcome-sum [natural_person]``; the check's kind too when the rule makes
    several kinds of check (``XG502 prose-reviews [upheld: …]``)."""
    rule_name = names.get(check.rule, check.check)
    scope = check.scope if check.check == rule_name else f"{check.check}: {check.scope}"
    return f"{check.rule} {rule_name} [{scope}]"


def _unreadable_case(file: FileResult, classname: str) -> TestCase:
    found = [d for d in file.diagnostics if d.code == UNREADABLE_CODE]
    name = found[0].name if found else UNREADABLE_NAME
    if file.timed_out:  # read, but not checked in time: not "unreadable-input"
        name = TIMED_OUT
    path = one_line(file.path)
    case = TestCase(f"{UNREADABLE_CODE} {name}", classname=classname, file=path)
    message = _esc(found[0].message) if found else f"{path}: cannot be read as a report"
    output = "\n".join(_location(d) for d in found) or message
    case.add_error_info(message=message, output=output, error_type="error")
    return case


def _run_error_suite(run_errors: tuple[str, ...]) -> TestSuite:
    cases = []
    for number, message in enumerate(run_errors, start=1):
        case = TestCase(f"run-error {number}", classname=RUN_SUITE)
        case.add_error_info(message=_esc(message), output=_esc(message), error_type="error")
        cases.append(case)
    return TestSuite(RUN_SUITE, cases)
