"""The ``junit`` format: JUnit XML for Jenkins, GitLab and other CI test reports.

One ``<testsuite>`` per report (named by its path) and one ``<testcase>`` per rule that
ran on it, named ``"XG201 row-sum"``. A rule that found nothing is a *passing* case, so a
CI history shows which checks a report passed, not only which it failed; case names never
contain line numbers, so a case keeps its identity from one run to the next.

A case fails when one of its findings is at or above the run's failing severity (what
makes the exit code 1); findings below it (warnings under ``--fail-on error``) leave the
case passing and are listed in its ``<system-out>``, so JUnit and the exit code agree.
An unreadable file is one errored XG001 case; problems of the run itself (a plugin that
failed to load) are errored cases of an extra ``xxgk-lint`` suite.

A check that could not be made — not assessable (a blank cell it needs) or uncertain (a
row whose numbers could not be placed) — is a *skipped* case of its own, named by the rule
and the check's scope (``"XG202 outcome-sum [natural_person]"``), with the reason: a CI
history then shows what was not verified, not only what passed.

XML 1.0 cannot hold most control characters (junit-xml drops them); they are written as
``\x1b`` instead, as in the text format, so that nothing is lost silently.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from junit_xml import TestCase, TestSuite, to_xml_report_string  # type: ignore[import-untyped]

from xxgk_lint.engine.checks import NOT_ASSESSABLE, UNCERTAIN, Check
from xxgk_lint.engine.diagnostics import Diagnostic
from xxgk_lint.engine.results import FileResult, RunResult
from xxgk_lint.formatters import escape_controls as _esc

UNREADABLE_CODE = "XG001"
UNREADABLE_NAME = "unreadable-input"
RUN_SUITE = "xxgk-lint"


def render(run: RunResult) -> str:
    """JUnit XML with ``<testsuites>`` at the root."""
    classnames = _classnames([f.path for f in run.files])
    suites = [_file_suite(f, classnames[f.path], run) for f in run.files]
    if run.run_errors:
        suites.append(_run_error_suite(run.run_errors))
    xml = to_xml_report_string(suites, prettyprint=True)
    return xml if xml.endswith("\n") else xml + "\n"


def classname_for(path: str) -> str:
    """A Java-like class name for ``path``: ``reports/2023/a.txt`` → ``reports.2023.a_txt``.

    Jenkins splits a classname at its last dot into package and class, so directories
    become packages and the dots inside a file name become ``_``.
    """
    segments = [s for s in _esc(path).replace("\\", "/").split("/") if s and s != "."]
    return ".".join(s.replace(".", "_") for s in segments) or "_"


def _classnames(paths: list[str]) -> dict[str, str]:
    """Classnames for all files of the run, unique even where two paths map to one name.

    Such a clash (``a.b/c`` and ``a_b/c``) is rare; the clashing names get a short hash of
    their path, which is as stable as the path itself.
    """
    names = {path: classname_for(path) for path in dict.fromkeys(paths)}
    clashes = Counter(names.values())
    for path, name in names.items():
        if clashes[name] > 1:
            digest = hashlib.sha256(path.encode("utf-8")).hexdigest()[:8]
            names[path] = f"{name}_{digest}"
    return names


def _location(diagnostic: Diagnostic) -> str:
    position = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}"
    if diagnostic.where:
        position += f" [{diagnostic.where}]"
    return _esc(f"{position}: {diagnostic.message}")


def _file_suite(file: FileResult, classname: str, run: RunResult) -> TestSuite:
    path = _esc(file.path)
    if file.unreadable:
        return TestSuite(path, [_unreadable_case(file, classname)], file=path)

    by_code: dict[str, list[Diagnostic]] = {}
    for diagnostic in file.diagnostics:
        by_code.setdefault(diagnostic.code, []).append(diagnostic)
    # Every rule that ran, plus any code that reported without being listed as run
    # (parser problems such as XG003/XG004), in code order.
    names = {rule.code: rule.name for rule in file.rules_run}
    for code, found in by_code.items():
        names.setdefault(code, found[0].name)

    cases = []
    for code in sorted(names):
        case = TestCase(f"{code} {names[code]}", classname=classname, file=path)
        found = by_code.get(code, [])
        if found:
            output = "\n".join(_location(d) for d in found)
            if any(d.severity >= run.fail_on_for(file) for d in found):
                first = next(d for d in found if d.severity >= run.fail_on_for(file))
                case.line = first.line
                case.add_failure_info(
                    message=_esc(first.message), output=output, failure_type=first.severity.label
                )
            else:
                case.stdout = output
        cases.append(case)
    cases.extend(_skipped_cases(file, classname, names, run.lang))
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
    path = _esc(file.path)
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
    path = _esc(file.path)
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
