"""Layout invariance: the same report re-laid as |, tab, one cell per line, markdown,
CRLF or GB18030 yields identical values.

The re-layout here is done on the text, independently of the parser: a line with tabs or
``|`` is a row whose cells are re-joined with another separator.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXPECT_FILES, load_expect, report_of, seed_files
from xxgk_lint.parse import parse_source
from xxgk_lint.parse.serialize import report_to_json
from xxgk_lint.sources import read_source


def _cells(line: str) -> list[str] | None:
    if "\t" in line:
        cells = line.split("\t")
    elif "|" in line:
        cells = [c.strip() for c in line.split("|")]
    else:
        return None
    return cells if len(cells) >= 2 else None


def _relay(text: str, join: Callable[[list[str]], str]) -> str:
    out = []
    for line in text.split("\n"):
        cells = _cells(line)
        out.append(line if cells is None else join(cells))
    return "\n".join(out)


def pipe(text: str) -> str:
    return _relay(text, lambda cells: " | ".join(cells))


def tab(text: str) -> str:
    return _relay(text, "\t".join)


def markdown(text: str) -> str:
    return _relay(text, lambda cells: "| " + " | ".join(cells) + " |")


def spaced(text: str) -> str:
    """Cells separated by one blank, as a PDF's text layer prints them (empty cells gone)."""
    return _relay(text, lambda cells: " ".join(c for c in cells if c))


def one_per_line(text: str) -> str:
    return _relay(text, lambda cells: "\n\n".join(c for c in cells if c.strip()))


LAYOUTS: dict[str, Callable[[str], str]] = {
    "pipe": pipe,
    "tab": tab,
    "markdown": markdown,
    "one-per-line": one_per_line,
    "crlf": lambda text: text.replace("\n", "\r\n"),
}


def _has_blank_cell(tables: dict) -> bool:
    return any(
        value is None
        for table in tables.values()
        if table
        for row in table.values()
        for value in row.values()
    )


def _cases() -> list[Path]:
    cases = [
        report_of(e)
        for e in EXPECT_FILES
        if load_expect(e).get("layout") in ("pipe", "tab")
        and load_expect(e).get("format_version", "2021") == "2021"
    ]
    return cases + [p for p in seed_files() if p.name[:3] in ("000", "002", "004")]


CASES = _cases()


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_relaid_report_has_identical_values(path: Path, layout: str, tmp_path: Path) -> None:
    source = read_source(path)
    original = report_to_json(parse_source(source))
    if layout == "one-per-line" and _has_blank_cell(original["tables"]):
        pytest.skip("one cell per line cannot show a blank cell")
    relaid = LAYOUTS[layout](source.text)
    if relaid == source.text:
        pytest.skip(f"{path.name} is already in the {layout} layout")
    target = tmp_path / path.name
    target.write_bytes(relaid.encode("utf-8"))
    again = report_to_json(parse_source(read_source(target)))
    assert again["tables"] == original["tables"]
    assert again["period"] == original["period"] or layout in ("one-per-line",)
    assert [s["key"] for s in again["sections"]] == [s["key"] for s in original["sections"]]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_gb18030_copy_has_identical_values(path: Path, tmp_path: Path) -> None:
    source = read_source(path)
    target = tmp_path / path.name
    target.write_bytes(source.text.encode("gb18030"))
    again = parse_source(read_source(target))
    assert again.encoding == "gb18030"
    original = parse_source(source)
    assert report_to_json(again)["tables"] == report_to_json(original)["tables"]


def _html_pages():
    """The HTML renderer of fixtures/reading/ (tables with the format's rowspans/colspans)."""
    import importlib.util

    from tests.conftest import FIXTURES

    spec = importlib.util.spec_from_file_location(
        "make_reading", FIXTURES / "reading" / "make_reading.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HTML = _html_pages()
HTML_CASES = [
    e
    for e in EXPECT_FILES
    if e.parent.name in ("reports", "samples", "errors")
    and load_expect(e).get("format_version", "2021") == "2021"
    and load_expect(e).get("tables")
    and all(load_expect(e)["tables"].get(k) for k in ("proactive", "applications", "reviews"))
    and len(load_expect(e)["tables"]["applications"]) == 25
]


@pytest.mark.parametrize("variant", ["standard", "wide-cells", "sub-header"])
@pytest.mark.parametrize("expect", HTML_CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_same_truth_as_an_html_page_has_identical_values(
    expect: Path, variant: str, tmp_path: Path
) -> None:
    """Every complete fixture, drawn as a CMS draws it (rowspan/colspan headers, wide value
    cells, an empty sub-header), reads to the values of its text."""
    spec = load_expect(expect)
    path = report_of(expect)
    text = read_source(path).text
    page = HTML.page(text, spec["tables"], variant, "report")
    target = tmp_path / (path.stem + ".html")
    target.write_text(page, encoding="utf-8")
    again = report_to_json(parse_source(read_source(target)))
    original = report_to_json(parse_source(read_source(path)))
    assert again["tables"] == original["tables"]
