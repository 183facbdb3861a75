"""Writers of export rows: CSV (UTF-8 with a BOM, for Excel), JSON Lines, Excel (.xlsx).

Each writes rows as they come to a binary stream and keeps none: a province's export is
millions of rows. Values stay what ``parse --format json`` prints: numbers as numbers,
a blank cell as an empty field (CSV, Excel) or ``null`` (JSON Lines).

Spreadsheets run formulas: a report whose title reads ``=HYPERLINK(…)`` must not become
a live formula in whoever opens the export. In CSV a text field that Excel would take
for a formula (it starts with ``=``, ``+``, ``@``, a tab, a carriage return, or ``-``
followed by something that is not a number) is written with a leading ``'``, Excel's
own mark for "text"; in .xlsx such a field is stored as a string, never a formula.
Numbers and empty cells are never changed. Control characters in report text (an escape
sequence in a title) are written as ``\x1b`` in CSV, which may be printed to a terminal,
as in every text format; JSON Lines escapes them as JSON does.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections.abc import Sequence
from typing import IO, Any

from xxgk_lint.formatters import escape_controls, escape_json_controls

FORMATS = ("csv", "jsonl", "xlsx")

_FORMULA = re.compile(r"^(?:[=+@\t\r]|-(?![0-9０-９.,\s]*$))")


def _safe_text(value: Any) -> Any:
    """A text field that a spreadsheet would read as a formula, marked as text."""
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def _csv_field(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        value = escape_controls(value)  # a CSV may be printed to a terminal
    return _safe_text(value)


class CsvWriter:
    """CSV, UTF-8 with a byte-order mark (so that Excel reads the Chinese), CRLF lines."""

    def __init__(self, out: IO[bytes], columns: Sequence[str]) -> None:
        self._text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        self._text.write("\ufeff")
        self._csv = csv.writer(self._text, lineterminator="\r\n")
        self._columns = tuple(columns)
        self._csv.writerow(self._columns)

    def write(self, row: dict[str, Any]) -> None:
        self._csv.writerow([_csv_field(row[c]) for c in self._columns])

    def close(self) -> None:
        self._text.flush()
        self._text.detach()  # the stream itself belongs to the caller


class JsonLinesWriter:
    """One JSON object per line, keys in column order, UTF-8."""

    def __init__(self, out: IO[bytes], columns: Sequence[str]) -> None:
        self._out = out
        self._columns = tuple(columns)

    def write(self, row: dict[str, Any]) -> None:
        ordered = {c: row[c] for c in self._columns}
        text = escape_json_controls(json.dumps(ordered, ensure_ascii=False))
        self._out.write((text + "\n").encode("utf-8", "backslashreplace"))

    def close(self) -> None:
        self._out.flush()


#: Rows of one Excel sheet, its header included (Excel's limit: 2**20).
MAX_SHEET_ROWS = 1_048_576


class XlsxWriter:
    """An Excel workbook written row by row (openpyxl's write-only mode keeps nothing in
    memory) and saved to the stream at the end.

    The rows go to the sheet ``cells``; past Excel's limit of rows per sheet they go on in
    ``cells 2``, ``cells 3`` … Every sheet has the header row, frozen, with an autofilter
    over its columns.
    """

    def __init__(self, out: IO[bytes], columns: Sequence[str]) -> None:
        try:
            from openpyxl import Workbook  # type: ignore[import-untyped]
            from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
            from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
        except ImportError:
            raise MissingExtra() from None
        self._cell = WriteOnlyCell
        self._out = out
        self._book = Workbook(write_only=True)
        self._columns = tuple(columns)
        self._last_column = get_column_letter(len(self._columns))
        self._sheets: list[Any] = []
        self._rows = 0  # rows of the current sheet, its header included
        self._sheet = self._new_sheet()

    def _new_sheet(self) -> Any:
        number = len(self._sheets) + 1
        sheet = self._book.create_sheet("cells" if number == 1 else f"cells {number}")
        sheet.freeze_panes = "A2"  # (set before the first row: it is written first)
        sheet.append(list(self._columns))
        self._sheets.append(sheet)
        self._rows = 1
        return sheet

    def write(self, row: dict[str, Any]) -> None:
        if self._rows >= MAX_SHEET_ROWS:
            self._filter(self._sheet)
            self._sheet = self._new_sheet()
        values = []
        for column in self._columns:
            value = row[column]
            if isinstance(value, str):
                value = _clean_xml(value)
                cell = self._cell(self._sheet, value=value)
                cell.data_type = "s"  # text, even when it starts with "="
                values.append(cell)
            else:
                values.append(value)
        self._sheet.append(values)
        self._rows += 1

    def _filter(self, sheet: Any) -> None:
        """An autofilter over the sheet's rows (written after them, so set last)."""
        sheet.auto_filter.ref = f"A1:{self._last_column}{self._rows}"

    def close(self) -> None:
        from zipfile import ZIP_DEFLATED, ZipFile

        from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

        self._filter(self._sheet)
        # What Workbook.save does, with the archive in hand: when writing fails (a full
        # disk), the archive is closed here, and not again, to the closed stream, when
        # it is collected ("Exception ignored in ZipFile.__del__").
        archive = ZipFile(self._out, "w", ZIP_DEFLATED, allowZip64=True)
        try:
            ExcelWriter(self._book, archive).save()
        except BaseException:
            with contextlib.suppress(Exception):
                archive.close()
            archive.fp = None  # nothing is written to the stream any more
            self._abandon()
            raise

    def _abandon(self) -> None:
        """Close the sheets that writing did not reach (their XML writers, left open,
        complain when collected) and remove their temporary files."""
        for sheet in self._sheets:
            with contextlib.suppress(Exception):
                if not sheet.closed:
                    sheet.close()
            writer = getattr(sheet, "_writer", None)
            if writer is not None:
                with contextlib.suppress(Exception):
                    writer.cleanup()


class MissingExtra(Exception):
    """openpyxl is not installed (the ``xlsx`` extra)."""

    def __str__(self) -> str:
        return (
            "--format xlsx needs openpyxl: pip install 'xxgk-lint[xlsx]' "
            "(or use --format csv, which Excel opens too)"
        )


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean_xml(text: str) -> str:
    """XML 1.0 cannot hold most control characters; they are written as ``\\x1b``."""
    return _XML_ILLEGAL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def writer_for(fmt: str, out: IO[bytes], columns: Sequence[str]) -> Any:
    if fmt == "csv":
        return CsvWriter(out, columns)
    if fmt == "jsonl":
        return JsonLinesWriter(out, columns)
    if fmt == "xlsx":
        return XlsxWriter(out, columns)
    raise ValueError(f"unknown export format {fmt!r} (expected one of: {', '.join(FORMATS)})")
