"""The review rounds' cases, kept: reports re-laid the ways real bodies publish them, each
with what a correct reading gives.

Each review round (sessions 39-42) wrote realistic variants of the real reports
(``fixtures/real``) and of the HTML fixtures — headings numbered or decorated otherwise,
tables copied from Excel, WPS, PDF or a web page, marks in cells, wrapped rows, pages in a
portal's chrome, text hidden in a dozen ways — fixed the reader until they read right, and
left a test per pattern. A later change then lost two of those patterns without any test
noticing (headings behind a decoration, 第Ⅰ部分: the round's own cases showed it). So
every case of the rounds is run here, as its round ran it:

* ``copied-*``, ``pages-*``: the values given in the case (canonical keys, nested as the
  truth files nest them) are what ``parse`` reads, and where the case gives codes, they
  are those of the warnings and errors ``check`` gives (the real report's own, or the
  finding the variant must bring);
* ``headings``: each section opens at the line given (``sections``), or the sections read
  are the ones given (``keys``); the tables are the truth file's; no XG101 and no XG102
  above a notice;
* ``portals-*``: a web page in a variant (in a portal's chrome, split over hidden parts,
  with values put out of view …) reads as the report alone does (``NAME.expect.json``,
  with the case's ``override``): the same agency, year, title, period, sections, every
  cell, the same findings (and the case's ``extra_findings``), each cell's line and
  column at its digits.

* ``transposed``: tables 三 and 四 printed transposed (text, HTML, Word) read the values
  given, each cell's line and column at its raw text (in the file; for Word, in the
  extracted text);
* ``furniture``: reports with running headers, footers and page numbers (text, PDF) read
  the values given, no paragraph holds the furniture (``no_para``), the paragraphs cut
  by it read whole (``para_has``), and ``check`` gives the codes given;
* ``words-*``: Word documents in the shapes Word, WPS and converters write read exactly the
  values given (none other), each cell's span on its text in the extracted text, the six
  sections numbered 一 … 六, a well-formed period;
  ``check`` gives the findings required and no other than those allowed, and says what
  the case says it must; the extracted text holds some words once and others never; a
  document that cannot be read is one XG001 naming why.

The cases live in one archive (``data/review-cases.tar.xz``: 4,000 files in 890 KB), read
once per run. A case that still reads wrong is marked, with why (:data:`_KNOWN`).
"""

from __future__ import annotations

import functools
import json
import tarfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEEDS
from xxgk_lint import api
from xxgk_lint.engine.results import FileResult
from xxgk_lint.parse import parse_path
from xxgk_lint.parse.serialize import report_to_json
from xxgk_lint.sources import read_source

ARCHIVE = Path(__file__).parent / "data" / "review-cases.tar.xz"

#: The cases that still read wrong, and why. Each must fail (``strict``): a fix shows as a
#: case to unmark.
_KNOWN: dict[str, str] = {
    f"furniture-b/{name}": "a bare page number that lands among a table written one cell "
    "per line, in a text report without form feeds, is read as one of its values"
    for name in (
        "bare-001",
        "bare-003",
        "bare-cover-001",
        "centred-001",
        "centred-003",
        "csv28-bare-001",
        "csv28-bare-003",
        "short-pages-001",
        "short-pages-003",
        "wide-001",
        "wide-003",
    )
}


@functools.cache
def _members() -> dict[str, bytes]:
    """The archive's files by name (round/case.suffix)."""
    with tarfile.open(ARCHIVE, "r:xz") as archive:
        return {
            member.name: archive.extractfile(member).read()  # type: ignore[union-attr]
            for member in archive.getmembers()
            if member.isfile()
        }


#: The rounds whose cases are named by an ``.expect.json`` alone.
_BY_EXPECT = ("transposed/", "words-")


def _cases() -> list[str]:
    """Each case as ``round/name``: a case has a ``.json`` of what it expects (a portal's
    case, a ``.spec.json`` and an ``.expect.json``; a transposed or Word case, an
    ``.expect.json``)."""
    names = []
    for name in _members():
        if name.endswith(".spec.json"):
            names.append(name[: -len(".spec.json")])
        elif name.endswith(".expect.json"):
            if name.startswith(_BY_EXPECT):
                names.append(name[: -len(".expect.json")])
        elif name.endswith(".json"):
            names.append(name[: -len(".json")])
    return sorted(names)


def _params() -> list[Any]:
    return [
        pytest.param(case, marks=pytest.mark.xfail(reason=_KNOWN[case], strict=True))
        if case in _KNOWN
        else case
        for case in _cases()
    ]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive written out once (the reader reads files by path, as users run it)."""
    root = tmp_path_factory.mktemp("review-cases")
    for name, data in _members().items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


@pytest.mark.parametrize("case", _params())
def test_a_review_case_reads_as_its_round_found(folder: Path, case: str) -> None:
    if case.startswith("portals-"):
        _check_portal(folder, case)
        return
    if case.startswith("transposed/"):
        _check_transposed(folder, case)
        return
    if case.startswith("words-"):
        _check_words(folder, case)
        return
    spec = json.loads(_members()[case + ".json"])
    found = [p for p in folder.glob(case + ".*") if p.suffix != ".json"]
    assert len(found) == 1, found
    path = found[0]
    data = report_to_json(parse_path(path))
    result = api.check_bytes(path.name, path.read_bytes())
    if case.startswith("headings/"):
        _check_headings(spec, data, result)
    elif case.startswith("furniture"):
        _check_furniture(spec, data, result)
    else:
        _check_values(spec, data, result)


def _leaves(tree: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"a": {"b": 1}}`` → ``{"a.b": 1}``."""
    out: dict[str, Any] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            out.update(_leaves(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def _check_values(spec: dict[str, Any], data: dict[str, Any], result: FileResult) -> None:
    read = _leaves({k: v for k, v in data["tables"].items() if v is not None})
    wrong = {
        key: (value, read.get(key, "<absent>"))
        for key, value in _leaves(spec["tables"]).items()
        if str(read.get(key, "<absent>")) != str(value)  # (a case gives 万元 as "12.5")
    }
    assert wrong == {}  # key: (expected, read)
    if "codes" in spec:
        codes = {d.code for d in result.diagnostics if d.severity.name in ("WARNING", "ERROR")}
        assert sorted(codes) == spec["codes"]


def _check_headings(spec: dict[str, Any], data: dict[str, Any], result: FileResult) -> None:
    sections = [
        [s["key"], s["line"], *(["implicit"] if s["implicit"] else [])] for s in data["sections"]
    ]
    if "sections" in spec:
        assert sections == spec["sections"]
    if "keys" in spec:
        assert [s[0] for s in sections if len(s) == 2] == spec["keys"]
    if spec.get("truth"):
        truth = json.loads((SEEDS / "truth" / f"{spec['truth']}.json").read_text("utf-8"))
        tables = {k: v for k, v in data["tables"].items() if v is not None}
        assert tables == truth["tables"]
    outline = [
        (d.code, d.severity.name, d.line, d.column)
        for d in result.diagnostics
        if d.code == "XG101" or (d.code == "XG102" and d.severity.name != "INFO")
    ]
    assert outline == []


def _check_portal(folder: Path, case: str) -> None:
    spec = json.loads(_members()[case + ".spec.json"])
    expected = {**json.loads(_members()[case + ".expect.json"]), **spec.get("override", {})}
    path = folder / f"{case}.html"
    result = api.check_bytes(path.name, path.read_bytes())
    if expected.get("error"):
        messages = [d.message for d in result.diagnostics if d.code == "XG001"]
        assert any(expected["error"] in m for m in messages), messages
        return
    report = report_to_json(parse_path(path), spans=True)
    read = {
        "agency": report["agency"],
        "year": report["year"],
        "title": report["title"],
        "period": [(report["period"] or {}).get(k) for k in ("start", "end")],
        "sections": [s["key"] for s in report["sections"]],
    }
    assert {k: v for k, v in read.items() if k in expected} == {
        k: expected[k] for k in read if k in expected
    }
    cells = {
        f"{table}.{row}.{column}": cell
        for table, rows in report["tables"].items()
        for row, columns in (rows or {}).items()
        for column, cell in (columns or {}).items()
    }
    if "cells" in expected:
        values = {k: "<null cell>" if c is None else c["value"] for k, c in cells.items()}
        assert values == expected["cells"]
    if "findings" in expected:
        found = Counter(
            (d.code, d.subject, str(d.expected), str(d.actual)) for d in result.diagnostics
        )
        wanted = Counter(map(tuple, expected["findings"]))
        wanted.update(map(tuple, spec.get("extra_findings", [])))
        assert found == wanted
    lines = _decoded(path)
    astray = [
        (key, cell["line"], cell["column"], cell["value"])
        for key, cell in cells.items()
        if cell is not None
        and cell["value"] is not None
        and not lines[cell["line"] - 1][cell["column"] - 1 :].startswith(str(cell["value"]))
    ]
    assert astray == []  # (key, line, column, value): a cell not at its digits


def _check_transposed(folder: Path, case: str) -> None:
    spec = json.loads(_members()[case + ".expect.json"])
    path = folder / "transposed" / spec["file"]
    report = report_to_json(parse_path(path), spans=True)
    lines = read_source(path).text.split("\n") if path.suffix == ".docx" else _decoded(path)
    wrong = []
    for table in ("applications", "reviews"):
        rows = report["tables"].get(table) or {}
        for row, columns in spec[table].items():
            for column, value in columns.items():
                cell = (rows.get(row) or {}).get(column)
                if value == "absent":
                    continue
                if cell is None or cell["value"] != value:
                    wrong.append((f"{table}.{row}.{column}", value, cell and cell["value"]))
                elif cell["raw"]:
                    line = lines[cell["line"] - 1] if cell["line"] <= len(lines) else ""
                    if not line[cell["column"] - 1 :].startswith(cell["raw"]):
                        wrong.append((f"{table}.{row}.{column}", cell["line"], cell["column"]))
    assert wrong == []  # (key, expected, read) or (key, line, column) not at its text


def _check_furniture(spec: dict[str, Any], data: dict[str, Any], result: FileResult) -> None:
    read = _leaves({k: v for k, v in data["tables"].items() if v is not None})
    wrong = {
        key: (value, read.get(key))
        for key, value in _leaves(spec.get("tables", {})).items()
        if read.get(key) != value
    }
    assert wrong == {}  # key: (expected, read)
    paragraphs = [p for section in data["sections"] for p in section.get("paragraphs", [])]
    assert [n for n in spec.get("para_has", []) if not any(n in p for p in paragraphs)] == []
    assert [n for n in spec.get("no_para", []) if any(n in p for p in paragraphs)] == []
    if "findings" in spec:
        codes = [d.code for d in result.diagnostics if d.severity.name in ("WARNING", "ERROR")]
        assert sorted(codes) == sorted(spec["findings"])


def _check_words(folder: Path, case: str) -> None:
    spec = json.loads(_members()[case + ".expect.json"])
    path = folder / f"{case}.docx"
    result = api.check_bytes(path.name, path.read_bytes())
    found = [d for d in result.diagnostics if d.severity.name in ("WARNING", "ERROR")]
    if spec.get("expect_error"):
        assert [d.code for d in found] == ["XG001"]
        assert spec["expect_error"] in found[0].message
        return
    report = report_to_json(parse_path(path), spans=True)
    lines = read_source(path).text.split("\n")
    astray = [
        (f"{table}.{row}.{column}", cell["line"], cell["column"], cell["raw"])
        for table, rows in report["tables"].items()
        for row, columns in (rows or {}).items()
        for column, cell in (columns or {}).items()
        if cell is not None
        and cell["raw"]
        and cell["end_line"] == cell["line"]
        and lines[cell["line"] - 1][cell["column"] - 1 : cell["end_column"] - 1] != cell["raw"]
    ]
    assert astray == []  # (key, line, column, raw): a cell whose span is not its text
    read = {
        f"{table}.{row}.{column}": cell["value"]
        for table, rows in report["tables"].items()
        for row, columns in (rows or {}).items()
        for column, cell in (columns or {}).items()
        if cell is not None and cell["value"] is not None
    }
    assert read == {k: v for k, v in spec["values"].items() if v is not None}
    sections = [(s["number"], s["key"]) for s in report["sections"]]
    assert sections == list(zip("一二三四五六", _SECTION_KEYS, strict=True))
    assert (report["period"] or {}).get("well_formed") is True
    codes = {d.code for d in found}
    assert set(spec["findings"]) <= codes <= set(spec.get("allow") or spec["findings"])
    messages = [d.message for d in found]
    assert [t for t in spec.get("finding_texts") or () if not any(t in m for m in messages)] == []
    if spec.get("text_once") or spec.get("text_absent"):
        text = read_source(path).text
        assert {t: text.count(t) for t in spec.get("text_once") or ()} == {
            t: 1 for t in spec.get("text_once") or ()
        }
        assert [t for t in spec.get("text_absent") or () if t in text] == []


_SECTION_KEYS = ("overview", "proactive", "applications", "reviews", "problems", "other")


def _decoded(path: Path) -> list[str]:
    """The page's lines: UTF-8, or GB18030 as some pages are."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    return text.replace("\r\n", "\n").split("\n")


def test_the_archive_holds_every_round() -> None:
    assert Counter(case.split("/")[0] for case in _cases()) == {
        "copied-a": 180,
        "copied-b": 175,
        "copied-c": 54,
        "copied-d": 160,
        "headings": 301,
        "pages-a": 53,
        "pages-b": 30,
        "pages-c": 48,
        "portals-a": 92,
        "portals-b": 54,
        "portals-c": 86,
        "transposed": 174,
        "furniture": 76,
        "words-a": 46,
        "words-b": 46,
        "words-c": 62,
        "portals-d": 46,
        "furniture-b": 75,
        "portals-e": 68,
        "words-d": 34,
    }
