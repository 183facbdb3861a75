"""The per-file summary: one line per file (agency, year, counts), or a table (``--summary``).

A run over 20,000 files keeps no file in memory; the summary's rows are written to a
temporary file as the files come and read back at the end (a table also needs the
widest cell of each column, which is tracked on the way).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.engine.results import UNREADABLE, FileResult
from xxgk_lint.formatters import escape_controls, replay, spool

_STATUS = {
    "zh": {"pass": "通过", "fail": "未通过", "unreadable": "无法读取"},
    "en": {"pass": "pass", "fail": "fail", "unreadable": "unreadable"},
}
_HEADERS = {
    "zh": ("文件", "机关", "年度", "格式", "状态", "错误", "警告", "提示"),
    "en": ("file", "agency", "year", "format", "status", "errors", "warnings", "infos"),
}


@dataclass(frozen=True)
class Row:
    path: str
    agency: str
    year: str
    format: str
    status: str
    errors: int
    warnings: int
    infos: int

    @classmethod
    def of(cls, result: FileResult, fail_on: Severity) -> Row:
        counts = {Severity.ERROR: 0, Severity.WARNING: 0, Severity.INFO: 0}
        for diagnostic in result.diagnostics:
            counts[diagnostic.severity] += 1
        return cls(
            escape_controls(result.path),
            escape_controls(result.agency or "-"),
            str(result.year) if result.year is not None else "-",
            result.format_version or "-",
            result.status(fail_on),
            counts[Severity.ERROR],
            counts[Severity.WARNING],
            counts[Severity.INFO],
        )

    def cells(self, lang: str) -> tuple[str, ...]:
        status = _STATUS["en" if lang == "en" else "zh"][self.status]
        return (
            self.path,
            self.agency,
            self.year,
            self.format,
            status,
            str(self.errors),
            str(self.warnings),
            str(self.infos),
        )

    def line(self, lang: str) -> str:
        """One line: ``path  agency  year  counts`` (or that it could not be read)."""
        if lang == "en":
            if self.status == UNREADABLE:
                counts = "unreadable"
            else:
                counts = f"{_plural(self.errors, 'error')}, {_plural(self.warnings, 'warning')}" + (
                    f", {_plural(self.infos, 'info')}" if self.infos else ""
                )
        elif self.status == UNREADABLE:
            counts = "无法读取"
        else:
            counts = f"{self.errors} 个错误，{self.warnings} 个警告" + (
                f"，{self.infos} 条提示" if self.infos else ""
            )
        return f"{self.path}  {self.agency}  {self.year}  {counts}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _width(text: str) -> int:
    from wcwidth import wcswidth

    width = wcswidth(text)
    return width if width >= 0 else len(text)


class SummaryRows:
    """Rows collected file by file in a temporary file, then printed as lines or a table."""

    def __init__(self, lang: str) -> None:
        self.lang = "en" if lang == "en" else "zh"
        self._spool = spool()
        self._widths = [_width(h) for h in _HEADERS[self.lang]]
        self.count = 0

    def add(self, result: FileResult, fail_on: Severity) -> None:
        row = Row.of(result, fail_on)
        for index, cell in enumerate(row.cells(self.lang)):
            self._widths[index] = max(self._widths[index], _width(cell))
        self._spool.write(json.dumps(list(row.__dict__.values()), ensure_ascii=False) + "\n")
        self.count += 1

    def _rows(self) -> Iterator[Row]:
        for line in replay(self._spool):
            yield Row(*json.loads(line))

    def lines(self) -> Iterator[str]:
        """One line per file, in the order of the run."""
        for row in self._rows():
            yield row.line(self.lang)

    def table(self) -> Iterator[str]:
        """A header, a rule, and one aligned row per file (numbers right-aligned)."""
        widths = self._widths
        yield self._aligned(_HEADERS[self.lang], widths)
        yield "  ".join("-" * w for w in widths)
        for row in self._rows():
            yield self._aligned(row.cells(self.lang), widths)

    @staticmethod
    def _aligned(cells: tuple[str, ...], widths: list[int]) -> str:
        out = []
        for index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            pad = " " * (width - _width(cell))
            out.append(pad + cell if index >= 5 else cell + pad)
        return "  ".join(out).rstrip()

    def close(self) -> None:
        self._spool.close()
