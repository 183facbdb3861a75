"""Small helpers shared by the rule modules: documentation, and labels from the model.

Every label a message shows comes from the format model (:mod:`xxgk_lint.format`): the
Chinese as the format prints it, the English gloss beside it. The labels are cached: the
model does not change, and the rules ask for them cell by cell, report after report.
"""

from __future__ import annotations

from functools import lru_cache

from xxgk_lint.engine.diagnostics import RuleDoc
from xxgk_lint.format import FORMAT_2021, FORMATS, Format


def _model(version: str | None) -> Format:
    return FORMATS.get(version or "2021", FORMAT_2021)


@lru_cache(maxsize=4096)
def column_label(lang: str, column: str, table: str | None = None, version: str = "2021") -> str:
    """A column's label (自然人 / natural persons); the key itself if the model has none."""
    model = _model(version)
    tables = [model.table(table)] if table else list(model.tables)
    for spec in tables:
        for col in spec.columns:
            if col.key == column:
                return col.label(lang)
    return column


@lru_cache(maxsize=4096)
def table_label(lang: str, table: str, version: str = "2021") -> str:
    return _model(version).table(table).title(lang)


@lru_cache(maxsize=4096)
def row_label(lang: str, table: str, row: str, version: str = "2021") -> str:
    """The official label of a row; in English followed by a gloss, so that the row can
    still be found in the (Chinese) report: （一）予以公开 (granted)."""
    spec = _model(version).table(table)
    if not spec.has_row(row):
        return row
    label = spec.row(row).label
    return f"{label.zh} ({label.en})" if lang == "en" else label.zh


def section_title(lang: str, key: str) -> str:
    return FORMAT_2021.section(key).title(lang)


def docs(zh: tuple[str, str, str, str], en: tuple[str, str, str, str]) -> dict[str, RuleDoc]:
    """Build the bilingual doc mapping from (what, why, bad, good) tuples."""
    return {"zh": RuleDoc(*zh), "en": RuleDoc(*en)}
