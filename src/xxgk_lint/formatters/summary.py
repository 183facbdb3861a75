"""The per-file summary: one line per file (agency, year, counts), or a table (``--summary``).

A run over 20,000 files keeps no file in memory; the summary's rows are written to a
temporary file as the files come and read back at the end, when the findings of the
whole-run rules (XG601–XG604) are known too and are counted on the file each is on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from xxgk_lint.engine.diagnostics import Diagnostic, Severity
from xxgk_lint.engine.results import (
    NOT_FINISHED,
    STATUS_WORDS,
    TIMED_OUT,
    UNREADABLE,
    FileResult,
    status_with,
)
from xxgk_lint.formatters import one_line, plural, spool
from xxgk_lint.records import record
from xxgk_lint.report.words import kind_word

#: The table's columns: ``type`` is the file's (文本/text, HTML, Word, PDF: named as the
#: audit page names it, :func:`~xxgk_lint.report.words.kind_word`), ``version`` the
#: format's (2021, or the 2019 trial format) — "format" alone was read as the file's.
_HEADERS = {
    "zh": ("文件", "机关", "年度", "类型", "格式版本", "状态", "错误", "警告", "提示"),
    "en": ("file", "agency", "year", "type", "version", "status", "errors", "warnings", "infos"),
}
#: Where the counts start (right-aligned) among the cells.
_COUNTS = 6


@record
class Row:
    path: str
    agency: str
    year: str
    kind: str
    format: str
    status: str
    errors: int
    warnings: int
    infos: int
    fail_on: int = int(Severity.ERROR)

    @classmethod
    def of(cls, result: FileResult, fail_on: Severity) -> Row:
        counts = {Severity.ERROR: 0, Severity.WARNING: 0, Severity.INFO: 0}
        for diagnostic in result.diagnostics:
            counts[diagnostic.severity] += 1
        return cls(
            one_line(result.path),
            one_line(result.agency or "-"),
            str(result.year) if result.year is not None else "-",
            result.kind or "-",
            result.format_version or "-",
            result.status(fail_on),
            counts[Severity.ERROR],
            counts[Severity.WARNING],
            counts[Severity.INFO],
            int(fail_on),
        )

    def plus(self, across: Sequence[Diagnostic]) -> Row:
        """The row with the whole-run rules' findings on this file counted too."""
        if not across:
            return self
        counts = {Severity.ERROR: 0, Severity.WARNING: 0, Severity.INFO: 0}
        for diagnostic in across:
            counts[diagnostic.severity] += 1
        return replace(
            self,
            status=status_with(self.status, Severity(self.fail_on), across),
            errors=self.errors + counts[Severity.ERROR],
            warnings=self.warnings + counts[Severity.WARNING],
            infos=self.infos + counts[Severity.INFO],
        )

    def cells(self, lang: str) -> tuple[str, ...]:
        status = STATUS_WORDS[self.status]["en" if lang == "en" else "zh"]
        return (
            self.path,
            self.agency,
            self.year,
            self.kind if self.kind == "-" else kind_word(self.kind, lang),
            self.format,
            status,
            str(self.errors),
            str(self.warnings),
            str(self.infos),
        )

    def line(self, lang: str, widths: Sequence[int] = (0, 0, 0)) -> str:
        """One line: ``path  agency  year  counts`` (or that it could not be read, or that
        its check did not finish within ``--timeout``), the first three padded to
        ``widths`` (display columns)."""
        lang = "en" if lang == "en" else "zh"
        if self.status == TIMED_OUT:
            counts = NOT_FINISHED[lang]
        elif self.status == UNREADABLE:
            counts = STATUS_WORDS[UNREADABLE][lang]
        elif lang == "en":
            counts = f"{plural(self.errors, 'error')}, {plural(self.warnings, 'warning')}" + (
                f", {plural(self.infos, 'info')}" if self.infos else ""
            )
        else:
            counts = f"{self.errors} 个错误，{self.warnings} 个警告" + (
                f"，{self.infos} 条提示" if self.infos else ""
            )
        cells = [
            _padded(cell, width) for cell, width in zip(self.cells(lang)[:3], widths, strict=True)
        ]
        return "  ".join([*cells, counts])


def _padded(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _width(text: str) -> int:
    from wcwidth import wcswidth

    width = wcswidth(text)
    return width if width >= 0 else len(text)


class SummaryRows:
    """Rows collected file by file in a temporary file, then printed as lines or a table."""

    def __init__(self, lang: str) -> None:
        self.lang = "en" if lang == "en" else "zh"
        self._spool = spool()
        self.count = 0

    def add(self, result: FileResult, fail_on: Severity) -> None:
        row = Row.of(result, fail_on)
        self._spool.write(json.dumps(list(row.__dict__.values()), ensure_ascii=False) + "\n")
        self.count += 1

    def _rows(self, across: Iterable[Diagnostic]) -> Iterator[Row]:
        """The rows from the start (the spool stays open: a table reads them twice), with
        the whole-run findings ``across`` counted on their files."""
        on: dict[str, list[Diagnostic]] = {}
        for diagnostic in across:
            on.setdefault(one_line(diagnostic.path), []).append(diagnostic)
        self._spool.flush()
        self._spool.seek(0)
        for line in self._spool:
            row = Row(*json.loads(line))
            yield row.plus(on.get(row.path, ()))

    def lines(self, across: Sequence[Diagnostic] = ()) -> Iterator[str]:
        """One line per file, in the order of the run, path, agency and year aligned."""
        widths = [0, 0, 0]
        for row in self._rows(across):  # first the widest of each
            for index, cell in enumerate(row.cells(self.lang)[:3]):
                widths[index] = max(widths[index], _width(cell))
        for row in self._rows(across):
            yield row.line(self.lang, widths)

    def table(self, across: Sequence[Diagnostic] = ()) -> Iterator[str]:
        """A header, a rule, and one aligned row per file (numbers right-aligned)."""
        found = across
        widths = [_width(h) for h in _HEADERS[self.lang]]
        for row in self._rows(found):  # first the widest cell of each column
            for index, cell in enumerate(row.cells(self.lang)):
                widths[index] = max(widths[index], _width(cell))
        yield self._aligned(_HEADERS[self.lang], widths)
        yield "  ".join("-" * w for w in widths)
        for row in self._rows(found):
            yield self._aligned(row.cells(self.lang), widths)

    @staticmethod
    def _aligned(cells: tuple[str, ...], widths: list[int]) -> str:
        out = []
        for index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            pad = " " * (width - _width(cell))
            out.append(pad + cell if index >= _COUNTS else cell + pad)
        return "  ".join(out).rstrip()

    def close(self) -> None:
        self._spool.close()
