"""The ``sarif`` format: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

What code scanning keys on is kept stable: ``ruleId`` is the frozen code, artifact URIs
are relative to the checkout (``%SRCROOT%``), and ``partialFingerprints`` come from
:meth:`Diagnostic.fingerprint`, which ignores line numbers, so an alert survives edits
that move it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from xxgk_lint import __version__
from xxgk_lint.engine.checks import Check, places
from xxgk_lint.engine.diagnostics import Diagnostic, Related, RuleDoc, RuleMeta, Severity
from xxgk_lint.engine.results import FileResult, RunEnd, RunResult
from xxgk_lint.formatters import display_path
from xxgk_lint.formatters.pieces import Rendered, given

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_VERSION = "2.1.0"
TOOL_NAME = "xxgk-lint"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "xxgkLint/v1"
BASELINE_KEY = "xxgkLint/baseline"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

_DOC_LABELS = {
    "zh": ("检查内容", "为什么", "错误示例", "正确示例"),
    "en": ("What it does", "Why is this bad?", "Example", "Use instead"),
}


def render(run: RunResult) -> str:
    """The SARIF log as pretty-printed UTF-8 JSON (DEL and C1 controls escaped too)."""
    from xxgk_lint.formatters import stream_run

    return "".join(stream_run(Stream(run.lang), run))


def to_log(run: RunResult) -> dict[str, Any]:
    """The SARIF log as a dict: one run, every configured rule, one result per finding."""
    return json.loads(render(run))  # type: ignore[no-any-return]


_RESULTS = "\x00results\x00"


def _line(diagnostic: Diagnostic, checks: Sequence[Check] = ()) -> str:
    """A finding's result, on one line of the spool (its ``ruleIndex`` is set at the end)."""
    return json.dumps(_result(diagnostic, 0, checks), ensure_ascii=False)


def file_pieces(result: FileResult) -> Rendered:
    """Each finding's result of one file, as spooled — rendered where the file was checked
    with ``--jobs`` (see :mod:`xxgk_lint.formatters.pieces`)."""
    checks = result.checks
    return Rendered(result.diagnostics, tuple(_line(d, checks) for d in result.diagnostics))


class Stream:
    """The SARIF log: results kept in a temporary file, the log written at the end.

    ``ruleIndex`` points into the rule list, which is complete only once every file is
    done (configs found on the way may load plugins); so each result is written to the
    spool as it comes and indexed when the log is written.

    Two configs may give one code two meanings (each folder its own rule file, both
    declaring AB110): the rule list then holds a descriptor for each, with the same
    ``id``, and each result's ``ruleIndex`` points at its own, the rule that ran on its
    file (:attr:`FileResult.rules_run`). SARIF allows that — ``ruleId`` names the rule,
    ``ruleIndex`` tells descriptors of one id apart — and the schema only forbids two
    identical descriptors (``uniqueItems``): two meanings that describe alike share one.
    """

    #: The name of this output's pieces rendered in worker processes.
    pieces = "sarif"

    def __init__(self, lang: str = "zh") -> None:
        from xxgk_lint.formatters import spool

        self.lang = lang
        self._spool = spool()
        #: Code → (name, severity) of the first finding of each code, for a descriptor of
        #: a rule the run does not list.
        self._codes: dict[str, tuple[str, Severity]] = {}
        #: Code → the rules of that code the findings came from, in the order met (one,
        #: unless configs give the code several meanings), and the spooled results whose
        #: rule is not the first of its code: result number → which one.
        self._meanings: dict[str, list[RuleMeta]] = {}
        self._meaning_of: dict[int, int] = {}
        self._spooled = 0

    def begin(self) -> str:
        return ""

    def _add(
        self,
        diagnostics: Iterable[Diagnostic],
        lines: Iterable[str],
        rules: Sequence[RuleMeta] = (),
    ) -> None:
        """Spool results; ``rules``: those that ran on their file (its config's)."""
        ran = {meta.code: meta for meta in rules} if rules else None
        for diagnostic, line in zip(diagnostics, lines, strict=True):
            code = diagnostic.code
            self._codes.setdefault(code, (diagnostic.name, diagnostic.severity))
            meta = ran.get(code) if ran is not None else None
            if meta is not None:
                meanings = self._meanings.setdefault(code, [meta])
                if meanings[0] is not meta:
                    which = _meaning(meanings, meta)
                    if which:
                        self._meaning_of[self._spooled] = which
            self._spool.write(line + "\n")
            self._spooled += 1

    def file(self, result: FileResult, fail_on: Severity) -> str:
        rendered = given(result, self.pieces) or file_pieces(result)
        self._add(result.diagnostics, rendered.kept(result.diagnostics), result.rules_run)
        return ""

    def _meaning_index(self, rules: list[dict[str, Any]], listed: Sequence[RuleMeta]) -> dict:
        """(code, meaning) → its descriptor's index in ``rules`` (the run's list, one
        descriptor per code: ``listed``), adding a descriptor for each meaning of a code
        that the list does not describe."""
        index = {meta.code: i for i, meta in enumerate(listed)}
        found: dict[tuple[str, int], int] = {}
        for code, meanings in self._meanings.items():
            at = index.get(code)
            if at is None:
                continue  # (a rule the run does not list: see end())
            for which, meta in enumerate(meanings):
                if meta is listed[at] or meta == listed[at]:
                    found[code, which] = at
                    continue
                descriptor = _rule_descriptor(meta, self.lang)
                same = [i for i, d in enumerate(rules) if d == descriptor]
                if same:  # (described alike: one descriptor; the schema wants them unique)
                    found[code, which] = same[0]
                else:
                    found[code, which] = len(rules)
                    rules.append(descriptor)
        return found

    def end(self, end: RunEnd) -> Iterator[str]:
        from xxgk_lint.formatters import replay
        from xxgk_lint.formatters.json_format import dumped

        self._add(end.across, (_line(d) for d in end.across))
        rules = [_rule_descriptor(rule, self.lang) for rule in end.rules]
        index = {rule.code: i for i, rule in enumerate(end.rules)}
        meanings = self._meaning_index(rules, end.rules) if self._meanings else {}
        # A finding from a rule the run does not list (it should not happen) still gets a
        # descriptor, so that every ruleIndex points somewhere.
        for code, (name, severity) in self._codes.items():
            if code not in index:
                index[code] = len(rules)
                rules.append(
                    {"id": code, "name": name, "defaultConfiguration": {"level": LEVELS[severity]}}
                )
        log = _log(rules, end.run_errors, _RESULTS)
        if end.baseline:
            # Findings a baseline hid are not results; what it hid, and which of its entries
            # no longer match, is said in the run's property bag.
            log["runs"][0]["properties"] = {BASELINE_KEY: [use.to_json() for use in end.baseline]}
        text = dumped(log)
        marker = text.index(json.dumps(_RESULTS))
        before = text[:marker]
        level = (len(before.rsplit("\n", 1)[1]) - len('"results": ')) // 2
        yield before
        first = True
        for number, line in enumerate(replay(self._spool)):
            result = json.loads(line)
            code = result["ruleId"]
            which = self._meaning_of.get(number, 0)
            result["ruleIndex"] = meanings.get((code, which), index[code])
            yield ("[\n" if first else ",\n") + "  " * (level + 1) + dumped(result, level + 1)
            first = False
        yield (
            ("[]" if first else "\n" + "  " * level + "]")
            + text[marker + len(json.dumps(_RESULTS)) :]
            + "\n"
        )


def _meaning(meanings: list[RuleMeta], meta: RuleMeta) -> int:
    """Which of a code's ``meanings`` (so far) ``meta`` is, added when new."""
    for which, known in enumerate(meanings):
        if known is meta or known == meta:
            return which
    meanings.append(meta)
    return len(meanings) - 1


def _log(rules: list[dict[str, Any]], run_errors: tuple[str, ...], results: Any) -> dict[str, Any]:
    invocation: dict[str, Any] = {"executionSuccessful": not run_errors}
    if run_errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": message}} for message in run_errors
        ]
    return {
        "$schema": SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": TOOL_NAME,
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "invocations": [invocation],
                # Our columns count characters, not UTF-16 code units (SARIF's default
                # guess for some producers); say so, since reports are full of Han text.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _localized(mapping: dict[str, Any], lang: str) -> tuple[str, Any]:
    """``(lang, mapping[lang])``, else Chinese, else whatever there is (``("", None)``)."""
    for key in (lang, "zh", *mapping):
        if key in mapping:
            return key, mapping[key]
    return "", None


def _rule_descriptor(rule: RuleMeta, lang: str) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"id": rule.code, "name": rule.name}
    _, summary = _localized(rule.summary, lang)
    if summary:
        descriptor["shortDescription"] = {"text": summary}
    doc_lang, doc = _localized(rule.docs, lang)
    if isinstance(doc, RuleDoc):
        labels = _DOC_LABELS.get(doc_lang, _DOC_LABELS["en"])
        descriptor["fullDescription"] = {"text": doc.what}
        descriptor["help"] = {"text": _help_text(doc, labels), "markdown": _help_md(doc, labels)}
    descriptor["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
    return descriptor


def _help_text(doc: RuleDoc, labels: tuple[str, str, str, str]) -> str:
    """The rule's documentation as text: each part under its label, a part the rule does
    not document (a YAML rule without ``examples:``) left out, as ``explain`` leaves it."""
    parts = zip(labels, (doc.what, doc.why, _indent(doc.bad), _indent(doc.good)), strict=True)
    return "\n\n".join(f"{label}:\n{text}" for label, text in parts if text.strip())


def _help_md(doc: RuleDoc, labels: tuple[str, str, str, str]) -> str:
    """:func:`_help_text` in Markdown: a heading per part."""
    texts = (doc.what, doc.why, _example_md(doc.bad), _example_md(doc.good))
    parts = zip(labels, texts, strict=True)
    return "\n\n".join(f"## {label}\n\n{text}" for label, text in parts if text.strip())


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.strip("\n").splitlines())


def _example_md(text: str) -> str:
    """A report fragment (several lines, or table cells) in a fence; a sentence as prose.

    A fence keeps a table row's ``|`` and alignment, but would not wrap a long sentence.
    """
    text = text.strip("\n")
    if "\n" not in text and "|" not in text and "\t" not in text:
        return text
    fence = "```"
    while fence in text:  # an example that itself holds a fence
        fence += "`"
    return f"{fence}text\n{text}\n{fence}"


def artifact_location(path: str) -> dict[str, str]:
    """``uri`` relative to the checkout, percent-encoded (RFC 3986), with ``%SRCROOT%``.

    Report files are often named in Chinese or with spaces; SARIF wants a valid URI
    reference and GitHub decodes it back to the repository path. A path outside the
    current directory becomes an absolute ``file:`` URI, with no base id.
    """
    relative = display_path(path)
    if os.path.isabs(relative) or relative == ".." or relative.startswith("../"):
        return {"uri": Path(path).resolve().as_uri()}
    return {"uri": quote(relative, safe="/"), "uriBaseId": SRCROOT}


def _region(diagnostic: Diagnostic) -> dict[str, int] | None:
    """The SARIF region, or ``None`` for a finding about the whole file (line < 1)."""
    if diagnostic.line < 1:
        return None
    region = {"startLine": diagnostic.line}
    if diagnostic.column >= 1:
        region["startColumn"] = diagnostic.column
    end_line = max(diagnostic.end_line, diagnostic.line)
    region["endLine"] = end_line
    if diagnostic.end_column >= 1 and "startColumn" in region:
        end_column = diagnostic.end_column
        if end_line == diagnostic.line:
            end_column = max(end_column, diagnostic.column)
        region["endColumn"] = end_column
    return region


def _related_location(number: int, place: Related) -> dict[str, Any]:
    """Another place the finding is about: the earlier year's cell of a cross-report
    finding, or a cell on the other side of a failed identity."""
    physical: dict[str, Any] = {"artifactLocation": artifact_location(place.path)}
    region = {"startLine": place.line, "startColumn": place.column, "endLine": place.end_line}
    region["endColumn"] = (
        max(place.end_column, place.column) if place.end_line == place.line else place.end_column
    )
    physical["region"] = region
    location: dict[str, Any] = {"id": number, "physicalLocation": physical}
    text = place.message
    if place.where:
        text += f" [{place.where}]"
    if text:
        location["message"] = {"text": text}
    return location


def _result(
    diagnostic: Diagnostic, rule_index: int, checks: Sequence[Check] = ()
) -> dict[str, Any]:
    text = diagnostic.message
    if diagnostic.where:
        text += f" [{diagnostic.where}]"
    physical: dict[str, Any] = {"artifactLocation": artifact_location(diagnostic.path)}
    region = _region(diagnostic)
    if region is not None:
        physical["region"] = region
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {
            FINGERPRINT_KEY: diagnostic.fingerprint(display_path(diagnostic.path))
        },
    }
    related = places(diagnostic, checks)
    if related:
        result["relatedLocations"] = [
            _related_location(number, place) for number, place in enumerate(related)
        ]
    properties: dict[str, Any] = {}
    json_form = diagnostic.to_json()
    for key in ("expected", "actual", "where", "subject"):
        if json_form[key] not in (None, ""):
            properties[key] = json_form[key]
    if properties:
        result["properties"] = properties
    return result
