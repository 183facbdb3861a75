"""A report inside a portal's chrome is read as the report alone: the same agency, year,
sections and table cells, each cell's place at its digits in the portal's page.

The chrome (``tests/sources/portal.py``) holds what makes a portal's page cost more than
the report: long inline scripts (``a < b``, ``style.display = "none"``), a style sheet
hiding the menus' sub-menus, sub-menus hidden by their own style, comments, a search
form, a drop-down list of links, the site's identifiers (numbers).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES
from tests.sources.portal import in_portal
from xxgk_lint.cli.main import main

PAGES = ["qingshan-jiaotong-2023", "yunxi-shengtai-2023", "baisha-zhen-2023"]


def parsed(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    main(["parse", "--format", "json", "--spans", str(path)])
    report: dict[str, Any] = json.loads(capsys.readouterr().out)["reports"][0]
    return report


def decoded(path: Path) -> str:
    """A fixture page's text (UTF-8, or GBK as two of them are), its lines ended by LF."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    return text.replace("\r\n", "\n")


def cells(report: dict[str, Any]) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {
        (table, row, column): cell
        for table, rows in report["tables"].items()
        for row, columns in rows.items()
        for column, cell in columns.items()
    }


@pytest.mark.parametrize("name", PAGES)
def test_report_in_a_portal_reads_as_the_report(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixture = FIXTURES / "html" / f"{name}.html"
    alone = parsed(fixture, capsys)
    page = in_portal(decoded(fixture))
    path = tmp_path / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    portal = parsed(path, capsys)
    assert (portal["agency"], portal["year"]) == (alone["agency"], alone["year"])
    assert [s["key"] for s in portal["sections"]] == [s["key"] for s in alone["sections"]]
    assert portal["period"]["start"] == alone["period"]["start"] == "2023-01-01"
    read, expected = cells(portal), cells(alone)
    assert len(expected) > 100
    assert {key: cell["value"] for key, cell in read.items()} == {
        key: cell["value"] for key, cell in expected.items()
    }
    # Each cell's place: the same characters as at its place in the page alone (the
    # cell's digits and what follows them), on a line further down.
    lines, alone_lines = page.split("\n"), decoded(fixture).split("\n")
    placed = 0
    for key, cell in read.items():
        if cell["value"] is None:
            continue
        before = expected[key]
        shown = alone_lines[before["line"] - 1][before["column"] - 1 :][:12]
        assert lines[cell["line"] - 1][cell["column"] - 1 :][:12] == shown, key
        assert shown.startswith(str(cell["value"])), key
        assert cell["line"] > before["line"]
        placed += 1
    assert placed > 100
