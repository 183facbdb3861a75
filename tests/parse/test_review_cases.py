"""The review rounds' cases, kept: reports re-laid the ways real bodies publish them, each
with what a correct reading gives.

Each review round (sessions 39-42) wrote realistic variants of the five real reports
(``fixtures/real``) — headings numbered or decorated otherwise, tables copied from Excel,
WPS, PDF or a web page, marks in cells, wrapped rows — fixed the reader until they read
right, and left a test per pattern. A later change then lost two of those patterns without
any test noticing (headings behind a decoration, 第Ⅰ部分: the round's own cases showed it).
So every case of the rounds is run here, as its round ran it:

* ``copied-*``: the values given in the case (canonical keys, as the truth files nest
  them) are what ``parse`` reads, and the codes of the warnings and errors ``check``
  gives are the case's (those of the real report it came from, or the finding the
  variant must bring);
* ``headings``: each section opens at the line given (``sections``), or the sections read
  are the ones given (``keys``); the tables are the truth file's; no XG101 and no XG102
  above a notice.

The cases live in one archive (``data/review-cases.tar.xz``, 1,738 files in 130 KB),
read once per run.
"""

from __future__ import annotations

import functools
import json
import tarfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEEDS
from xxgk_lint import api
from xxgk_lint.engine.results import FileResult
from xxgk_lint.parse import parse_path
from xxgk_lint.parse.serialize import report_to_json

ARCHIVE = Path(__file__).parent / "data" / "review-cases.tar.xz"


@functools.cache
def _members() -> dict[str, bytes]:
    """The archive's files by name (round/case.suffix)."""
    with tarfile.open(ARCHIVE, "r:xz") as archive:
        return {
            member.name: archive.extractfile(member).read()  # type: ignore[union-attr]
            for member in archive.getmembers()
            if member.isfile()
        }


def _cases() -> list[str]:
    """Each case as ``round/name``: the cases with a ``.json`` of what they expect."""
    return sorted(name[: -len(".json")] for name in _members() if name.endswith(".json"))


def _leaves(tree: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"a": {"b": 1}}`` → ``{"a.b": 1}``."""
    out: dict[str, Any] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            out.update(_leaves(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive written out once (the reader reads files by path, as users run it)."""
    root = tmp_path_factory.mktemp("review-cases")
    for name, data in _members().items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def _source(folder: Path, case: str) -> Path:
    """The case's report: the file beside its ``.json`` that is not one."""
    found = [p for p in folder.glob(case + ".*") if p.suffix != ".json"]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("case", _cases())
def test_a_review_case_reads_as_its_round_found(folder: Path, case: str) -> None:
    spec = json.loads(_members()[case + ".json"])
    path = _source(folder, case)
    data = report_to_json(parse_path(path))
    result = api.check_bytes(path.name, path.read_bytes())
    if case.startswith("headings/"):
        _check_headings(spec, data, result)
        return
    read = _leaves({k: v for k, v in data["tables"].items() if v is not None})
    wrong = {
        key: (value, read.get(key, "<absent>"))
        for key, value in _leaves(spec["tables"]).items()
        if str(read.get(key, "<absent>")) != str(value)  # (a case gives 万元 as "12.5")
    }
    assert wrong == {}  # key: (expected, read)
    codes = sorted({d.code for d in result.diagnostics if d.severity.name in ("WARNING", "ERROR")})
    assert codes == spec["codes"]


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


def test_the_archive_holds_every_round() -> None:
    rounds = {case.split("/")[0] for case in _cases()}
    assert rounds == {"copied-a", "copied-b", "copied-c", "copied-d", "headings"}
    assert len(_cases()) == 870
