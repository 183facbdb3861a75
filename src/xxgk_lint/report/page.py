"""Build the audit page as the files come, and write it whole at the end.

The header (the run's totals) and the charts come first on the page but are known last,
so each file's table row (as data) and findings are written to two temporary files as
the file comes, and only counts are kept in memory (per rule, per agency and rule); at
the end, when the whole-run rules' findings (XG601–XG604) are known and counted on their
files too, the page is written in order: head, totals, charts, the table, the findings.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from xxgk_lint import __version__
from xxgk_lint.engine.diagnostics import Diagnostic, RuleMeta, Severity
from xxgk_lint.engine.results import (
    FAIL,
    PASS,
    STATUS_WORDS,
    TIMED_OUT,
    UNREADABLE,
    FileResult,
    RunEnd,
    across_by_path,
    status_with,
)
from xxgk_lint.formatters import escape_controls, replay, spool
from xxgk_lint.report import assets, charts
from xxgk_lint.report.words import FAMILIES, kind_word, words

#: Agencies shown in the heatmap: those with the most errors, then the most warnings
#: (then infos), and for each rule none of them has findings of, the agency with the
#: most findings of it (see :func:`heatmap_agencies`).
HEATMAP_AGENCIES = 30
#: Characters of a long source line shown around a finding.
_CONTEXT = 60
#: Paths of the command line named under the title (then how many more).
_PATHS_SHOWN = 3
#: Files whose findings are shown unfolded (more would make a very long page).
OPEN_UP_TO = 20
#: The status column sorts in the order the statuses are defined (pass, fail, …).
_STATUS_ORDER = {status: index for index, status in enumerate(STATUS_WORDS)}
_FAMILY = re.compile(r"^([A-Z]+)(\d)")

#: Nothing is loaded from anywhere: styles and the script are inline, images are SVG.
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _h(text: object) -> str:
    """Report content, safe in HTML text and attributes (control characters shown)."""
    return escape(escape_controls(str(text)), quote=True)


def family_of(code: str) -> str:
    """``XG201`` → ``XG2``: the letters and the hundreds digit."""
    match = _FAMILY.match(code)
    return match.group(0) if match else code


class AuditPage:
    """A sink (see :mod:`xxgk_lint.engine.drive`) that writes the page to ``out``.

    ``rules`` are every rule of the run (their families head the table's count columns);
    ``planned`` the number of files, to decide whether findings are shown unfolded;
    ``paths`` what the command line named, said under the title (a page mailed around
    says what it audits).
    """

    def __init__(
        self,
        out: Any,
        lang: str,
        rules: Iterable[RuleMeta],
        planned: int = 0,
        paths: Sequence[str] = (),
    ) -> None:
        self.out = out
        self.paths = tuple(paths)
        self.lang = "en" if lang == "en" else "zh"
        self.words = words(self.lang)
        self.families = sorted({family_of(r.code) for r in rules})
        self.unfold = planned <= OPEN_UP_TO
        self._rows = spool()
        self._findings = spool()
        self.files = 0
        self.statuses = dict.fromkeys(STATUS_WORDS, 0)
        self.per_rule: dict[tuple[str, str], dict[Severity, int]] = {}
        self.per_agency: dict[tuple[str, str], int] = {}
        #: Of those, the errors and warnings: what the heatmap is shaded by.
        self.per_agency_serious: dict[tuple[str, str], int] = {}
        #: Findings of each agency by severity: errors, warnings, infos.
        self.agency_totals: dict[str, list[int]] = {}

    # ---- file by file

    def file(self, result: FileResult, fail_on: Severity) -> None:
        index = self.files
        self.files += 1
        status = result.status(fail_on)
        self.statuses[status] += 1
        agency = result.agency or ""
        families: dict[str, int] = dict.fromkeys(self.families, 0)
        for diagnostic in result.diagnostics:
            self._count(diagnostic)
            family = family_of(diagnostic.code)
            families[family] = families.get(family, 0) + 1
            if agency:
                self._count_agency(agency, diagnostic)
        first = None
        if result.diagnostics:
            d = min(result.diagnostics, key=lambda d: (-d.severity, d.line, d.column))
            first = [d.code, int(d.severity), d.message]
        row = {
            "index": index,
            "path": result.path,
            "agency": result.agency,
            "year": result.year,
            "format": result.format_version,
            "kind": result.kind,
            "status": status,
            "fail_on": int(fail_on),
            "families": families,
            "first": first,
            "own": len(result.diagnostics),
        }
        self._rows.write(json.dumps(row, ensure_ascii=False) + "\n")
        if result.diagnostics:
            self._findings.write(self._section(index, result, status))

    def _count(self, diagnostic: Diagnostic) -> None:
        by_severity = self.per_rule.setdefault((diagnostic.code, diagnostic.name), {})
        by_severity[diagnostic.severity] = by_severity.get(diagnostic.severity, 0) + 1

    def _count_agency(self, agency: str, diagnostic: Diagnostic) -> None:
        key = (agency, diagnostic.code)
        self.per_agency[key] = self.per_agency.get(key, 0) + 1
        if diagnostic.severity >= Severity.WARNING:
            self.per_agency_serious[key] = self.per_agency_serious.get(key, 0) + 1
        totals = self.agency_totals.setdefault(agency, [0, 0, 0])
        totals[_SEVERITY_SLOT.get(diagnostic.severity, 2)] += 1

    def _row(self, row: dict[str, Any], across: list[Diagnostic]) -> str:
        """A file's table row, with the whole-run findings on it counted in."""
        w = self.words
        families: dict[str, int] = row["families"]
        first = row["first"]
        for diagnostic in across:
            family = family_of(diagnostic.code)
            families[family] = families.get(family, 0) + 1
            if first is None or diagnostic.severity > first[1]:
                first = [diagnostic.code, int(diagnostic.severity), diagnostic.message]
        status = status_with(row["status"], Severity(row["fail_on"]), across)
        path = _h(row["path"])
        if row["own"]:
            path = f'<a href="#f-{row["index"]}">{path}</a>'
        elif across:
            path = f'<a href="#across">{path}</a>'
        cells = [
            f"<td>{path}</td>",
            f"<td>{_h(row['agency'] or w['none'])}</td>",
            f'<td class="n">{_h(row["year"] or w["none"])}</td>',  # "—" sorts as -∞
            f"<td>{_h(row['format'] or w['none'])}</td>",
            f"<td>{_h(self._kind(row.get('kind')))}</td>",
            f'<td data-sort="{_STATUS_ORDER[status]}">{self._status(status)}</td>',
        ]
        for family in self.families:
            count = families.get(family, 0)
            cells.append(f'<td class="{"z" if count == 0 else "n"}">{count}</td>')
        shown = ""
        if first is not None:
            level = Severity(first[1]).label
            shown = (
                f'<span class="sev {level}" title="{w[level]}">{_h(first[0])}</span> {_h(first[2])}'
            )
        cells.append(f"<td>{shown}</td>")
        return f'<tr data-order="{row["index"]}">{"".join(cells)}</tr>\n'

    def _kind(self, kind: str | None) -> str:
        """The file's kind as the page names it (``PDF``, ``Word``, ``文本``)."""
        if kind is None:
            return str(self.words["none"])
        return kind_word(kind, self.lang)

    def _section(self, index: int, result: FileResult, status: str) -> str:
        head = [f"<b>{_h(result.path)}</b>"]
        if result.kind:
            head.append(_h(self._kind(result.kind)))
        if result.agency:
            head.append(_h(result.agency))
        if result.year:
            head.append(_h(result.year))
        head.append(self._status(status))
        items = "".join(self._finding(d, result.source_lines) for d in result.diagnostics)
        unfold = " open" if self.unfold else ""
        return (
            f'<details id="f-{index}"{unfold}><summary>{" · ".join(head)} '
            f"({len(result.diagnostics)})</summary><ol>{items}</ol></details>\n"
        )

    def _status(self, status: str) -> str:
        """A file's status as a badge; a ``timed-out`` one says in its title what that
        means (the file was read; a larger ``--timeout`` lets its check finish)."""
        title = f' title="{self.words["timed_out_title"]}"' if status == TIMED_OUT else ""
        return f'<span class="status {status}"{title}>{self.words[status]}</span>'

    def _finding(self, diagnostic: Diagnostic, lines: Any, prefix: str = "") -> str:
        w = self.words
        where = f" [{_h(diagnostic.where)}]" if diagnostic.where else ""
        level = diagnostic.severity.label
        parts = [
            f'<li>{prefix}<span class="sev {level}">{w[level]}</span> '
            f"<code>{_h(diagnostic.code)}</code> "
            f'<span class="note">{diagnostic.line}:{diagnostic.column}{where}</span> '
            f"{_h(diagnostic.message)}"
        ]
        shown = _source(diagnostic, lines)
        if shown:
            parts.append(f"<pre>{shown}</pre>")
        notes = []
        if diagnostic.expected is not None:
            notes.append(f"{w['expected']}{w['sep']}{_h(_plain(diagnostic.expected))}")
        if diagnostic.actual is not None:
            notes.append(f"{w['actual']}{w['sep']}{_h(_plain(diagnostic.actual))}")
        if notes:
            parts.append(f'<div class="note">{w["comma"].join(notes)}</div>')
        return "".join(parts) + "</li>"

    # ---- the end: the page, in order

    def end(self, end: RunEnd) -> None:
        on = across_by_path(end.across)
        for diagnostic in end.across:
            self._count(diagnostic)
            agency = diagnostic.scope.partition("|")[0]
            if agency:
                self._count_agency(agency, diagnostic)
        self._rows.flush()
        self._rows.seek(0)
        for line in self._rows:  # files that pass on their own but fail with these
            row = json.loads(line)
            status = status_with(row["status"], Severity(row["fail_on"]), on.get(row["path"], ()))
            if status != row["status"]:
                self.statuses[row["status"]] -= 1
                self.statuses[status] += 1
        write = self.out.write
        write(self._head(end))
        write(self._charts())
        write(self._table_head())
        for line in replay(self._rows):
            row = json.loads(line)
            write(self._row(row, on.get(row["path"], [])))
        write("</tbody></table></section>\n")
        write(f'<section id="findings"><h2>{self.words["findings"]}</h2>\n')
        if not end.tally.errors + end.tally.warnings + end.tally.infos:
            write(f'<p class="note">{self.words["no_findings"]}</p>\n')
        for piece in replay(self._findings):
            write(piece)
        if end.across:
            write(self._across(end))
        write("</section>\n")
        if end.run_errors:
            items = "".join(f"<li>{_h(m)}</li>" for m in end.run_errors)
            write(f'<section><h2>{self.words["run_errors"]}</h2><ul class="run-errors">')
            write(f"{items}</ul></section>\n")
        write(f"</main>\n<script>{assets.JS}</script>\n</body>\n</html>\n")

    def _head(self, end: RunEnd) -> str:
        w = self.words
        tally = end.tally
        stamp = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
        totals = [
            ("", w["files"], self.files),
            (PASS, w[PASS], self.statuses[PASS]),
            (FAIL, w[FAIL], self.statuses[FAIL]),
            (UNREADABLE, w[UNREADABLE], self.statuses[UNREADABLE]),
        ]
        if self.statuses[TIMED_OUT]:  # (rare: shown only when there are some)
            totals.append((TIMED_OUT, w[TIMED_OUT], self.statuses[TIMED_OUT]))
        totals += [
            ("error", w["errors"], tally.errors),
            ("warning", w["warnings"], tally.warnings),
            ("info", w["infos"], tally.infos),
        ]
        if end.run_errors:
            totals.append(("fail", w["run_errors"], len(end.run_errors)))
        cards = "".join(
            f'<div class="total {kind}" data-total="{kind or "files"}"'
            + (f' title="{w["timed_out_title"]}"' if kind == TIMED_OUT else "")
            + f"><b>{count}</b><span>{label}</span></div>"
            for kind, label, count in totals
        )
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{w["lang"]}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="xxgk-lint {__version__}">\n'
            f"<title>{w['title']}</title>\n<style>{assets.CSS}</style>\n</head>\n<body>\n"
            f"<header><h1>{w['title']}</h1>\n"
            f'<p class="meta">xxgk-lint {__version__} · {w["generated"]} {stamp}'
            f"{self._checked()}</p>\n"
            f'<div class="totals">{cards}</div></header>\n<main>\n'
        )

    def _checked(self) -> str:
        """`` · checked reports/2023, incoming and 3 more``: the paths the run was given
        (the first three)."""
        if not self.paths:
            return ""
        shown = "、".join if self.lang == "zh" else ", ".join
        named = shown(f"<code>{_h(p)}</code>" for p in self.paths[:_PATHS_SHOWN])
        more = len(self.paths) - _PATHS_SHOWN
        if more > 0:
            named += " " + self.words["more_paths"].format(n=more, total=len(self.paths))
        return f" · {self.words['checked']} {named}"

    def _charts(self) -> str:
        w = self.words
        bars = charts.bars(self.per_rule, w)
        codes = sorted({code for _, code in self.per_agency})
        shown, added = heatmap_agencies(self.agency_totals, self.per_agency, HEATMAP_AGENCIES)
        heat = charts.heatmap(codes, shown, self.per_agency, self.per_agency_serious)
        if not bars and not heat:
            return ""
        out = ['<section class="charts">']
        if bars:
            key = charts.legend(self.per_rule, w)
            out.append(
                f"<figure><figcaption>{w['per_rule']} <small>{key}</small></figcaption>"
                f"{bars}</figure>"
            )
        if heat:
            top = len(shown) - added
            note = w["heatmap_top"].format(
                n=top, total=len(self.agency_totals), agencies="agency" if top == 1 else "agencies"
            )
            if added:
                note += w["heatmap_added"].format(added=added)
            out.append(
                f"<figure><figcaption>{w['heatmap']} <small>{note}</small> "
                f"<small>{charts.heat_key(w)}</small></figcaption>"
                f"{heat}</figure>"
            )
        out.append("</section>\n")
        return "".join(out)

    def _table_head(self) -> str:
        w = self.words
        heads = [
            f"<th>{w['file']}</th>",
            f"<th>{w['agency']}</th>",
            f'<th data-type="number">{w["year"]}</th>',
            f"<th>{w['format']}</th>",
            f"<th>{w['kind']}</th>",
            f'<th data-type="number">{w["status"]}</th>',
        ]
        for family in self.families:
            label = FAMILIES.get(family, {}).get(self.lang, "")
            title = f"{family} {label}".strip()
            heads.append(f'<th data-type="number" title="{_h(title)}">{_h(family)}</th>')
        heads.append(f"<th>{w['first']}</th>")
        return (
            f'<section id="files"><h2>{w["table"]}</h2>\n'
            f'<div class="tools"><input id="filter" type="search" '
            f'placeholder="{w["filter"]}"><span>{w["sort_hint"]}</span></div>\n'
            f'<table id="file-table" style="--families: {len(self.families)}">'
            f"<thead><tr>{''.join(heads)}</tr></thead><tbody>\n"
        )

    def _across(self, end: RunEnd) -> str:
        items = []
        for diagnostic in end.across:
            text = end.across_lines.get(diagnostic.path, {}).get(diagnostic.line)
            lines = ("",) * (diagnostic.line - 1) + (text,) if text is not None else ()
            items.append(self._finding(diagnostic, lines, f"<b>{_h(diagnostic.path)}</b> "))
        return (
            f'<details id="across" open><summary>{self.words["across"]} '
            f"({len(end.across)})</summary><ol>{''.join(items)}</ol></details>\n"
        )


_SEVERITY_SLOT = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def heatmap_agencies(
    totals: dict[str, list[int]], counts: dict[tuple[str, str], int], limit: int
) -> tuple[list[str], int]:
    """The heatmap's agencies, in the order shown, and how many of them were added.

    The ``limit`` agencies with the most errors, then the most warnings, then the most
    infos (then by name) come first; then, for each rule that none of them has findings
    of, the agency with the most findings of it (among equals, the one ranked first) is
    added, so that every rule's row has a finding in it. ``totals``: errors, warnings,
    infos per agency; ``counts``: findings per agency and rule.
    """
    ranked = sorted(totals, key=lambda a: (-totals[a][0], -totals[a][1], -totals[a][2], a))
    rank = {agency: index for index, agency in enumerate(ranked)}
    shown = set(ranked[:limit])
    covered = {code for (agency, code), n in counts.items() if n and agency in shown}
    best: dict[str, str] = {}
    for (agency, code), n in counts.items():
        if n and code not in covered:
            held = best.get(code)
            if held is None or (-n, rank[agency]) < (-counts[(held, code)], rank[held]):
                best[code] = agency
    added = set(best.values()) - shown
    return sorted(shown | added, key=rank.__getitem__), len(added)


def _plain(value: object) -> str:
    from decimal import Decimal

    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _source(diagnostic: Diagnostic, lines: Any) -> str:
    """The finding's source line with its span marked (a long line cut around it)."""
    if not 1 <= diagnostic.line <= len(lines):
        return ""
    line = lines[diagnostic.line - 1].rstrip("\r\n")
    if not line:
        return ""
    start = min(max(diagnostic.column - 1, 0), len(line))
    end = len(line)
    if diagnostic.end_line == diagnostic.line:
        end = min(max(diagnostic.end_column - 1, start), len(line))
    first = max(0, start - _CONTEXT)
    last = min(len(line), end + _CONTEXT)
    before = ("…" if first else "") + line[first:start]
    after = line[end:last] + ("…" if last < len(line) else "")
    return f"{_h(before)}<mark>{_h(line[start:end])}</mark>{_h(after)}"
