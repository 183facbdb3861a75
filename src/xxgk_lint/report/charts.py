"""The audit page's two charts, drawn as inline SVG (a few kilobytes, no library, no script).

* findings per rule: one horizontal bar per rule, split by severity;
* rule × agency: a heatmap of how many findings each rule has in each agency's reports
  (the agencies with the most findings, so that a province's thousand agencies stay
  readable), the count written in each cell and named in its tooltip, the cell shaded by
  its errors and warnings (infos only: pale blue).
"""

from __future__ import annotations

import math
from html import escape

from xxgk_lint.engine.diagnostics import Severity

COLOURS = {Severity.ERROR: "#cf222e", Severity.WARNING: "#d4a72c", Severity.INFO: "#0969da"}
_LABEL = 230  # width of the rule labels of the bar chart
_BAR = 380  # width of the longest bar
_ROW = 22


def _text(value: str) -> str:
    return escape(value, quote=True)


def bars(counts: dict[tuple[str, str], dict[Severity, int]], words: dict[str, str]) -> str:
    """Findings per rule, most first: ``(code, name) → severity → count``."""
    rows = sorted(counts.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    if not rows:
        return ""
    most = max(sum(c.values()) for _, c in rows)
    height = _ROW * len(rows) + 8
    width = _LABEL + _BAR + 60
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{_text(words["per_rule"])}">'
    ]
    for index, ((code, name), by_severity) in enumerate(rows):
        y = 4 + index * _ROW
        total = sum(by_severity.values())
        out.append(
            f'<text x="{_LABEL - 8}" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{_text(code)} {_text(name)}</text>"
        )
        x = float(_LABEL)
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            count = by_severity.get(severity, 0)
            if not count:
                continue
            length = _BAR * count / most
            out.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{max(length, 1):.1f}" height="{_ROW - 6}" '
                f'fill="{COLOURS[severity]}"><title>{_text(code)} '
                f"{_text(words[severity.label + 's'])}: {count}</title></rect>"
            )
            x += length
        out.append(f'<text x="{x + 6:.1f}" y="{y + 15}" font-size="12">{total}</text>')
    out.append("</svg>")
    return "".join(out)


def legend(counts: dict[tuple[str, str], dict[Severity, int]], words: dict[str, str]) -> str:
    """What the bars' colours mean — a swatch and a word for each severity they show."""
    shown = [
        s
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if any(by_severity.get(s) for by_severity in counts.values())
    ]
    return " ".join(
        f'<span class="key"><i style="background:{COLOURS[s]}"></i>'
        f"{_text(words[s.label + 's'])}</span>"
        for s in shown
    )


_CELL = 26
_RULE_LABEL = 64
_AGENCY_LABEL = 130
_AGENCY_CHARS = 12


#: A heatmap cell whose findings are all infos: pale blue, whatever their number.
INFO_ONLY = "#ddf4ff"
#: A cell with no finding.
EMPTY = "#f6f8fa"


def _shade(count: int, most: int) -> str:
    """White to red, on a square-root scale (a few large counts do not wash out the rest)."""
    if count <= 0:
        return EMPTY
    share = math.sqrt(count / most) if most else 0.0
    low, high = (255, 235, 233), (207, 34, 46)
    red, green, blue = (round(a + (b - a) * share) for a, b in zip(low, high, strict=True))
    return f"#{red:02x}{green:02x}{blue:02x}"


def heatmap(
    codes: list[str],
    agencies: list[str],
    counts: dict[tuple[str, str], int],
    serious: dict[tuple[str, str], int] | None = None,
) -> str:
    """Rules down, agencies across; ``counts[(agency, code)]`` findings in each cell.

    A cell is shaded by its errors and warnings (``serious``; all of its findings when
    not given), not by its infos: an info (XG604, the same agency's several reports of a
    year) is a note to the reader, and shading it as an error made the least serious
    rule the darkest row. A cell of infos only is pale blue; its count is written in it.
    """
    if not codes or not agencies:
        return ""
    weights = counts if serious is None else serious
    most = max(weights.values(), default=0)
    width = _RULE_LABEL + _CELL * len(agencies) + 80  # room for the last tilted label
    height = _AGENCY_LABEL + _CELL * len(codes) + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
    ]
    for column, agency in enumerate(agencies):
        x = _RULE_LABEL + column * _CELL + _CELL / 2
        shown = agency if len(agency) <= _AGENCY_CHARS else agency[: _AGENCY_CHARS - 1] + "…"
        out.append(
            f'<text transform="translate({x + 4:.1f},{_AGENCY_LABEL - 6}) rotate(-60)" '
            f'font-size="11"><title>{_text(agency)}</title>{_text(shown)}</text>'
        )
    for row, code in enumerate(codes):
        y = _AGENCY_LABEL + row * _CELL
        out.append(
            f'<text x="{_RULE_LABEL - 6}" y="{y + 17}" text-anchor="end" font-size="12">'
            f"{_text(code)}</text>"
        )
        for column, agency in enumerate(agencies):
            count = counts.get((agency, code), 0)
            weight = weights.get((agency, code), 0)
            fill = _shade(weight, most) if weight or not count else INFO_ONLY
            x = _RULE_LABEL + column * _CELL
            out.append(
                f'<rect x="{x}" y="{y}" width="{_CELL - 2}" height="{_CELL - 2}" '
                f'fill="{fill}"><title>{_text(agency)} · {_text(code)}: '
                f"{count}</title></rect>"
            )
            if count:
                colour = "#fff" if most and weight / most > 0.35 else "#1f2328"
                out.append(
                    f'<text x="{x + (_CELL - 2) / 2}" y="{y + 16}" text-anchor="middle" '
                    f'font-size="10" fill="{colour}">{count}</text>'
                )
    out.append("</svg>")
    return "".join(out)


def heat_key(words: dict[str, str]) -> str:
    """What the heatmap's colours mean: red by errors and warnings, pale blue for infos."""
    return (
        f'<span class="key"><i style="width:28px;background:linear-gradient(90deg,'
        f'{_shade(1, 50)},{_shade(1, 1)})"></i>{_text(words["heat_serious"])}</span> '
        f'<span class="key"><i style="background:{INFO_ONLY}"></i>'
        f"{_text(words['heat_infos'])}</span>"
    )
