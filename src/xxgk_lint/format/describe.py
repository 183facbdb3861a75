"""Write the format model as a page (``docs/format.md``): the keys every output uses.

The page is generated, so that it says what the model says and nothing else::

    python -m xxgk_lint.format.describe > docs/format.md

A test checks that ``docs/format.md`` is current.
"""

from __future__ import annotations

import sys

from xxgk_lint.format import FORMATS, Format
from xxgk_lint.format.document import (
    FEE_REGIME_FROM,
    FEE_STATEMENT,
    HEADING_CLOSE,
    HEADING_OPEN,
    PERIOD_WORDS,
    REPORT_NAME,
)


def _words(words: tuple[str, ...]) -> str:
    return " · ".join(f"`{w}`".replace("|", "\\|") for w in words) or "—"


def _variants(variants: tuple[str, ...]) -> str:
    return "; ".join(variants) or "—"


def _format(model: Format) -> list[str]:
    first, last = model.years
    span = f"{first}–{last}" if last else f"{first} and later"
    out = [f"## Format {model.version}: {model.title.zh}", "", f"Reports for {span}.", ""]
    for table in model.tables:
        out += [
            f"### Table `{table.key}` — {table.title.zh} ({table.title.en})",
            "",
            "| column | key | unit | words | variants |",
            "|---|---|---|---|---|",
        ]
        for column in table.columns:
            unit = column.unit + (", decimals" if column.decimal else "")
            unit += ", signed" if column.signed else ""
            out.append(
                f"| {column.label.zh} | `{column.key}` | {unit} | {_words(column.words)} "
                f"| {_variants(column.variants)} |"
            )
        out += ["", "| row | key | columns | words | variants |", "|---|---|---|---|---|"]
        for row in table.rows:
            note = f" (stands for {', '.join(row.replaces)})" if row.replaces else ""
            note += " (may be left out)" if row.optional else ""
            out.append(
                f"| {row.label.zh}{note} | `{row.key}` | {', '.join(row.columns)} "
                f"| {_words(row.words)} | {_variants(row.variants)} |"
            )
        out.append("")
    out += ["### Identities", "", "| id | rule | what must hold | table |", "|---|---|---|---|"]
    for identity in model.identities:
        out.append(
            f"| `{identity.key}` | {identity.rule} | {identity.title.zh} ({identity.title.en}) "
            f"| `{identity.table}` |"
        )
    out.append("")
    return out


def render() -> str:
    latest = FORMATS["2021"]
    out = [
        "# The format model",
        "",
        "Generated from `src/xxgk_lint/format/` by `python -m xxgk_lint.format.describe`; do",
        "not edit. These are the canonical keys of every output (`parse --format json`, the",
        "`subject` of findings, cell addresses such as `applications.denied.state_secret.total`",
        "in rules and plugins). Words are regular expressions over normalised text (full/half",
        "width, spaces and traditional characters folded); variants are wordings real reports",
        "print, each read by a fixture.",
        "",
        "## Sections",
        "",
        "| # | key | title | words | variants |",
        "|---|---|---|---|---|",
    ]
    for section in latest.sections:
        out.append(
            f"| {section.number} | `{section.key}` | {section.title.zh} ({section.title.en}) "
            f"| {_words(section.words)} | {_variants(section.variants)} |"
        )
    brackets = " ".join(f"`{a}…{b}`" for a, b in zip(HEADING_OPEN, HEADING_CLOSE, strict=True))
    out += [
        "",
        f"A heading may be printed in brackets ({brackets}: `【一、总体情况】`), in bold or",
        "after Markdown's `#` marks; a bracketed line that is not a section's numeral and title",
        "(`【图解】`, `【打印本页】`) is no heading.",
        "",
        "## Title, statistics period, fee statement",
        "",
        f"- **Title**: {_words(REPORT_NAME.words)}; variants: {_variants(REPORT_NAME.variants)}.",
        "- **Statistics period**, specific words first: "
        + "; then ".join(_words(w.words) for w in PERIOD_WORDS)
        + ".",
        f"- **Fee statement** (section 六, from the reports for {FEE_REGIME_FROM}): "
        f"{_words(FEE_STATEMENT.words)}.",
        "",
    ]
    for model in FORMATS.values():
        out += _format(model)
    return "\n".join(out).rstrip("\n") + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(render())
