"""Which reports of a run belong to one body, and which of them follow each other by year.

Cross-report rules (XG601–XG604) compare a body's report for a year with its report for the
year before. Both halves of that are decided here, once, for every such rule:

* **the body** is the agency named in the title, normalised so that the same name printed
  in another width, with spaces inside, in traditional characters or inside 《》 is the
  same body — but nothing is cut off it: 青山县人民政府 and 青山县人民政府办公室 are
  different bodies, and so are a body and its renamed successor;
* **the year** is :attr:`Report.year` (the title's year, else the statistics period's).

Reports are grouped in one pass over a dict, so a run over thousands of files is linear:
no report is compared with another body's. A body with two reports for one year is never
paired for that year (which of the two counts is for people to decide; XG604 says so).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TypeVar

from xxgk_lint.engine.results import FileResult
from xxgk_lint.engine.rule import ReportFacts
from xxgk_lint.format.normalise import normalise

F = TypeVar("F", bound=ReportFacts)

#: Quotes and brackets around a name, and the connecting words a title may put between the
#: name and the year (青山县交通运输局关于2023年…, 青山县交通运输局的2023年…).
_WRAPPING = "《》“”\"'「」『』"
_CONNECTIVE = re.compile(r"(?:关于|的)+$")


def body_key(agency: str | None) -> str | None:
    """The agency's name as compared between reports, or ``None`` when there is none.

    Width, spaces, traditional characters and surrounding quotes are folded; suffixes are
    kept (人民政府 ≠ 人民政府办公室).
    """
    if not agency:
        return None
    key = normalise(agency).strip(_WRAPPING)
    key = _CONNECTIVE.sub("", key).strip(_WRAPPING)
    return key or None


def scope_of(agency: str | None, year: int | None) -> str:
    """The report's identity for fingerprints: ``body|year``, or ``""`` when either is unknown.

    Two files holding the same report (a re-export, a re-layout, HTML instead of text)
    have the same scope; a finding's fingerprint is keyed on it rather than on the path.
    """
    key = body_key(agency)
    if key is None or year is None:
        return ""
    return f"{key}|{year}"


def with_scope(result: FileResult, scope: str) -> FileResult:
    """``result`` with its findings stamped with the report's scope (their fingerprints key
    on it; see :meth:`Diagnostic.fingerprint`)."""
    if not scope or not result.diagnostics:
        return result
    stamped = tuple(replace(d, scope=scope) if not d.scope else d for d in result.diagnostics)
    return replace(result, diagnostics=stamped)


def by_body(reports: Iterable[F]) -> dict[str, dict[int, list[F]]]:
    """Reports grouped by body, then by year; each list in path order.

    Reports without an agency or a year are left out: they cannot be paired.
    """
    groups: dict[str, dict[int, list[F]]] = {}
    for report in reports:
        key = body_key(report.agency)
        if key is None or report.year is None:
            continue
        groups.setdefault(key, {}).setdefault(report.year, []).append(report)
    for years in groups.values():
        for same_year in years.values():
            same_year.sort(key=lambda r: r.path)
    return groups


def consecutive(reports: Iterable[F]) -> Iterator[tuple[F, F]]:
    """``(last year's, this year's)`` for every body with exactly one report in each of two
    consecutive years, in a stable order (by body, then year).

    A gap year breaks the chain (2021 and 2023 are not compared); a year with two reports
    of the body is not paired with either neighbour.
    """
    groups = by_body(reports)
    for key in sorted(groups):
        years = groups[key]
        for year in sorted(years):
            previous = years.get(year - 1)
            current = years[year]
            if previous is not None and len(previous) == 1 and len(current) == 1:
                yield previous[0], current[0]


def same_year(reports: Iterable[F]) -> Iterator[Sequence[F]]:
    """Every group of two or more reports of one body for one year (by body, then year)."""
    groups = by_body(reports)
    for key in sorted(groups):
        years = groups[key]
        for year in sorted(years):
            if len(years[year]) > 1:
                yield years[year]


__all__ = ["body_key", "by_body", "consecutive", "same_year", "scope_of", "with_scope"]
