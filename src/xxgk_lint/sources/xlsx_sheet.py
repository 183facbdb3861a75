"""The table an Excel worksheet embedded in a Word document shows (an OLE object).

A Word user who pastes a table from Excel as an object ("Microsoft Excel 工作表 对象"), or
inserts one, leaves no table in the document's text: ``word/document.xml`` holds only the
object (``w:object``/``o:OLEObject``) and a picture of it, and the cells are in a workbook
stored whole as a part of the document (``word/embeddings/….xlsx``). What the reader of
the document sees is the workbook's active sheet, over the range Excel records for the
object (``oleSize``, else the cells that hold text), without its hidden rows and columns.

Read with zipfile and lxml (no spreadsheet library): shared strings, inline strings,
formulas' cached results, merged cells. A number is shown as Excel's General format shows
it (26, 0.5), not in a format the cell may have (a date, a percentage: report tables hold
counts). A workbook of the old binary format (Excel 97-2003, ``oleObject1.bin``) is not
read.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

from xxgk_lint.records import NamedTuple
from xxgk_lint.sources.archive import check_archive
from xxgk_lint.sources.limits import Limits, too_many_cells

__all__ = ["SheetCell", "sheet_rows"]

_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")


class SheetCell(NamedTuple):
    """A cell that starts in its row: its text, its 0-based column among the columns
    shown, and how many shown columns and rows it covers."""

    text: str
    column: int
    span: int = 1
    rows: int = 1


def sheet_rows(data: bytes, limits: Limits) -> list[list[SheetCell]] | None:
    """The rows the embedded workbook ``data`` shows, each a list of the cells that start
    in it (a merged cell covers the others: they have none); None if ``data`` is not a
    workbook that can be read (the old binary format, a damaged package)."""
    check_archive(data, limits)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = _Parts(archive)
            workbook_name = parts.target("", "officeDocument") or "xl/workbook.xml"
            workbook = parts.xml(workbook_name)
            if workbook is None:
                return None
            ns = {"m": workbook.tag[1:].partition("}")[0]}
            sheets = workbook.findall("m:sheets/m:sheet", ns)
            active = _int(
                workbook.xpath("string(m:bookViews/m:workbookView/@activeTab)", namespaces=ns)
            )
            if not sheets:
                return None
            chosen = sheets[active] if 0 <= active < len(sheets) else sheets[0]
            rid = next((v for k, v in chosen.attrib.items() if k.endswith("}id")), "")
            sheet = parts.xml(parts.target(workbook_name, rid=rid) or "")
            if sheet is None:
                return None
            strings = _shared_strings(
                parts.xml(parts.target(workbook_name, "sharedStrings") or ""), ns
            )
            area = workbook.xpath("string(m:oleSize/@ref)", namespaces=ns)
    except Exception:  # zipfile and lxml fail in many ways on a damaged package (archive.py)
        return None
    return _lay_out(sheet, ns, strings, area, limits)


class _Parts:
    """The parts of a package and their relationships."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.names = set(archive.namelist())

    def xml(self, name: str) -> etree._Element | None:
        return etree.fromstring(self.archive.read(name), _PARSER) if name in self.names else None

    def target(self, source: str, kind: str = "", rid: str = "") -> str | None:
        """The part that part ``source`` ("" for the package) relates to by a
        relationship of type ``…/kind``, or by id ``rid``."""
        folder, _, name = source.rpartition("/")
        rels = self.xml(posixpath.join(folder, "_rels", name + ".rels"))
        if rels is None:
            return None
        for rel in rels.iter(f"{{{_PACKAGE_RELS}}}Relationship"):
            if (rid and rel.get("Id") == rid) or (
                kind and (rel.get("Type") or "").rpartition("/")[2] == kind
            ):
                target = rel.get("Target") or ""
                if target.startswith("/"):
                    return target.lstrip("/")
                return posixpath.normpath(posixpath.join(folder, target))
        return None


def _shared_strings(table: etree._Element | None, ns: dict[str, str]) -> list[str]:
    """The text of each shared string: its runs' text, without phonetic guides."""
    if table is None:
        return []
    return [_text(si, ns) for si in table.iterfind("m:si", ns)]


def _text(node: etree._Element, ns: dict[str, str]) -> str:
    """The text of a string item (``si``, ``is``): its ``t`` and its runs' ``t``."""
    return "".join(t.text or "" for t in node.xpath("m:t | m:r/m:t", namespaces=ns))


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value or "")
    except ValueError:
        return default


def _cell_text(c: etree._Element, ns: dict[str, str], strings: list[str]) -> str:
    kind = c.get("t") or "n"
    if kind == "inlineStr":
        node = c.find("m:is", ns)
        return _text(node, ns) if node is not None else ""
    value = c.findtext("m:v", "", ns).strip()
    if kind == "s":
        index = _int(value, -1)
        return strings[index] if 0 <= index < len(strings) else ""
    if kind == "b":
        return {"1": "TRUE", "0": "FALSE"}.get(value, value)
    if kind == "n" and value:
        return _general(value)
    return value  # "str" (a formula's text), "e" (an error: #DIV/0!)


def _general(value: str) -> str:
    """A number as Excel's General format shows it: 26 for 26.0, 0.3 for 0.30000000000000004."""
    try:
        number = float(value)
    except ValueError:
        return value
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return f"{number:.15g}"


def _ref(ref: str) -> tuple[int, int] | None:
    """ "B3" → (row 3, column 2), 1-based; None if not a cell reference."""
    found = _REF.fullmatch(ref.strip())
    if found is None:
        return None
    column = 0
    for letter in found.group(1).upper():
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(found.group(2)), column


def _range(ref: str) -> tuple[int, int, int, int] | None:
    """ "A1:E10" → (first row, first column, last row, last column); "A1" → one cell."""
    first, _, last = ref.partition(":")
    a, b = _ref(first), _ref(last or first)
    if a is None or b is None:
        return None
    return min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])


def _lay_out(
    sheet: etree._Element, ns: dict[str, str], strings: list[str], area: str, limits: Limits
) -> list[list[SheetCell]]:
    """The shown rows of ``sheet`` over ``area`` (else over the cells with text)."""
    values: dict[tuple[int, int], str] = {}
    hidden_rows: set[int] = set()
    r = 0
    for row in sheet.iterfind("m:sheetData/m:row", ns):
        r = _int(row.get("r"), r + 1)
        if row.get("hidden") in ("1", "true"):
            hidden_rows.add(r)
        column = 0
        for c in row.iterfind("m:c", ns):
            at = _ref(c.get("r") or "")
            column = at[1] if at is not None else column + 1
            text = " ".join(_cell_text(c, ns, strings).split())
            if text:
                values[r, column] = text
    hidden_columns: set[int] = set()
    for col in sheet.iterfind("m:cols/m:col", ns):
        if col.get("hidden") in ("1", "true"):
            low, high = _int(col.get("min"), 1), _int(col.get("max"), 1)
            hidden_columns.update(range(max(low, 1), min(high, 16384) + 1))
    bounds = _range(area) if area else None
    if bounds is None:
        if not values:
            return []
        bounds = (
            min(r for r, _ in values),
            min(c for _, c in values),
            max(r for r, _ in values),
            max(c for _, c in values),
        )
    top, left, bottom, right = bounds
    rows = [r for r in range(top, bottom + 1) if r not in hidden_rows]
    columns = [c for c in range(left, right + 1) if c not in hidden_columns]
    if len(rows) * len(columns) > limits.max_cells:
        raise too_many_cells(limits.max_cells)
    shown_column = {c: k for k, c in enumerate(columns)}
    # Merged cells: the top left cell covers the others (its size in shown rows and columns).
    covered: set[tuple[int, int]] = set()
    size: dict[tuple[int, int], tuple[int, int]] = {}
    for merge in sheet.iterfind("m:mergeCells/m:mergeCell", ns):
        found = _range(merge.get("ref") or "")
        if found is None:
            continue
        m_top, m_left, m_bottom, m_right = found
        in_rows = [r for r in rows if m_top <= r <= m_bottom]
        in_columns = [c for c in columns if m_left <= c <= m_right]
        if not in_rows or not in_columns:
            continue
        size[in_rows[0], in_columns[0]] = (len(in_columns), len(in_rows))
        values.setdefault((in_rows[0], in_columns[0]), values.get((m_top, m_left), ""))
        covered.update((r, c) for r in in_rows for c in in_columns)
    out: list[list[SheetCell]] = []
    for r in rows:
        cells: list[SheetCell] = []
        for c in columns:
            if (r, c) in size:
                span, height = size[r, c]
                cells.append(SheetCell(values.get((r, c), ""), shown_column[c], span, height))
            elif (r, c) not in covered:
                cells.append(SheetCell(values.get((r, c), ""), shown_column[c]))
        out.append(cells)
    return out
