"""Reading text reports: encodings detected, bad input refused with one clear line."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from xxgk_lint.parse import NotAReportError, parse_path
from xxgk_lint.sources import InputError, read_source

CLEAN = FIXTURES / "samples" / "clean-pipe.txt"


def test_utf8_with_and_without_bom_and_gb18030_are_detected(tmp_path: Path) -> None:
    text = CLEAN.read_text(encoding="utf-8")
    forms = {
        "utf-8": text.encode("utf-8"),
        "utf-8-sig": codecs.BOM_UTF8 + text.encode("utf-8"),
        "gb18030": text.encode("gb18030"),
    }
    tables = None
    for encoding, data in forms.items():
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(data)
        source = read_source(path)
        assert source.encoding == encoding
        assert source.text == text
        report = parse_path(path)
        if tables is None:
            tables = report.tables
        assert report.tables == tables


def test_gb18030_fixture_without_any_hint() -> None:
    report = parse_path(FIXTURES / "bad-input" / "gb18030-nohint.txt")
    assert report.encoding == "gb18030"
    assert report.agency == "河西区水务局"
    assert report.table("applications") is not None


def test_crlf_keeps_line_numbers(tmp_path: Path) -> None:
    text = CLEAN.read_text(encoding="utf-8")
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    crlf = parse_path(path).tables["applications"].cell("received", "total")
    lf = parse_path(CLEAN).tables["applications"].cell("received", "total")
    assert crlf is not None and lf is not None
    assert (crlf.span.line, crlf.span.column) == (lf.span.line, lf.span.column)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\r\n\u2028"])
def test_unicode_line_separators_end_lines(tmp_path: Path, separator: str) -> None:
    """A text export that ends its lines with U+2028/U+2029 is read line by line, and a
    cell's line counts each separator as a line break (an LS after CRLF: an empty line)."""
    text = CLEAN.read_text(encoding="utf-8")
    path = tmp_path / "separated.txt"
    path.write_bytes(text.replace("\n", separator).encode("utf-8"))
    lf = parse_path(CLEAN).tables["applications"].cell("received", "total")
    cell = parse_path(path).tables["applications"].cell("received", "total")
    assert cell is not None and lf is not None
    assert cell.value == lf.value == 9
    # (CRLF then LS is two line breaks: line n of the LF file is line 2n - 1)
    expected_line = 2 * lf.span.line - 1 if "\r" in separator else lf.span.line
    assert (cell.span.line, cell.span.column) == (expected_line, lf.span.column)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "the file is empty"),
        ("binary.txt", "binary file (contains NUL bytes), not a text report"),
    ],
)
def test_unreadable_input(name: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_source(FIXTURES / "bad-input" / name)
    assert str(caught.value) == message


def test_not_a_report() -> None:
    with pytest.raises(NotAReportError) as caught:
        parse_path(FIXTURES / "bad-input" / "not-a-report.txt")
    assert "not a government information disclosure annual report" in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("name", "suffix", "data", "words"),
    [
        ("old.doc", ".doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "libreoffice"),
        ("scan.png", ".png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "an image"),
        ("report.wps", ".wps", b"\xd0\xcf\x11\xe0" + b"\0" * 64, "not supported"),
        ("a.zip", ".zip", b"PK\x03\x04" + b"\0" * 64, "zip archive"),
    ],
)
def test_unsupported_formats_say_how_to_convert(
    tmp_path: Path, name: str, suffix: str, data: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_source(path)
    assert words in str(caught.value)


def test_cli_reports_each_bad_file_in_one_line_with_exit_2(tmp_path: Path) -> None:
    bad = FIXTURES / "bad-input"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "xxgk_lint",
            "check",
            "--lang",
            "en",
            "--color",
            "never",
            str(bad / "empty.txt"),
            str(bad / "binary.txt"),
            str(bad / "not-a-report.txt"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr + done.stdout
    for name in ("empty.txt", "binary.txt", "not-a-report.txt"):
        (line,) = [x for x in done.stdout.splitlines() if name in x and "XG001" in x]
        assert line.startswith(str(bad / name) + ":1:1")


def test_truncated_report_gives_what_was_read_and_what_is_missing() -> None:
    path = FIXTURES / "errors" / "truncated.txt"
    report = parse_path(path)
    applications = report.tables["applications"]
    assert applications.row("received") is not None
    assert applications.row("total") is None
    done = subprocess.run(
        [sys.executable, "-m", "xxgk_lint", "check", "--lang", "en", "--color", "never", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert (
        "the applications table stops after row '5.属于三类内部事务信息 (denied: internal affairs)'"
        in done.stdout
    )
    assert "the 16 rows after it" in done.stdout
    assert "the file may be truncated" in done.stdout


def test_parse_json_has_the_documented_shape() -> None:
    import json

    done = subprocess.run(
        [sys.executable, "-m", "xxgk_lint", "parse", "--format", "json", "--spans", str(CLEAN)],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(done.stdout)
    assert data["version"] == 2
    (report,) = data["reports"]
    assert set(report) >= {
        "path",
        "encoding",
        "format_version",
        "year",
        "agency",
        "period",
        "sections",
        "tables",
    }
    cell = report["tables"]["applications"]["received"]["total"]
    assert set(cell) >= {"value", "raw", "line", "column"}
    line = CLEAN.read_text(encoding="utf-8").split("\n")[cell["line"] - 1]
    assert line[cell["column"] - 1 : cell["end_column"] - 1] == cell["raw"] == str(cell["value"])


def test_parse_of_a_partial_report_says_what_is_missing() -> None:
    path = FIXTURES / "errors" / "truncated.txt"
    done = subprocess.run(
        [sys.executable, "-m", "xxgk_lint", "parse", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "received" in done.stdout  # what could be read
    lines = done.stderr.splitlines()
    assert lines == [
        f"xxgk-lint: {path}: partial report: sections not found: 政府信息公开行政复议、行政诉讼情况; "
        "存在的主要问题及改进情况; 其他需要报告的事项",
        f"xxgk-lint: {path}: partial report: table 'applications' stops after row "
        "'denied.internal_affairs' (16 rows missing: 'denied.process_information' … "
        "'carried_forward')",
        f"xxgk-lint: {path}: partial report: table 'reviews' not found",
    ]


def test_the_limits_hold_at_their_edges_however_short_the_text() -> None:
    """A text is counted only when it is long enough to pass a limit: at the edge (as many
    characters as the limit) it is counted and refused, one line or separator fewer passes."""
    from xxgk_lint.sources.limits import DEFAULT_LIMITS, LimitError, Limits
    from xxgk_lint.sources.text import read_text

    values = {name: getattr(DEFAULT_LIMITS, name) for name in DEFAULT_LIMITS.__slots__}
    limits = Limits(**{**values, "max_lines": 10, "max_cells": 20})
    assert read_text("r.txt", b"a" + b"\n" * 9, limits).text.count("\n") == 9  # 10 lines
    with pytest.raises(LimitError, match=r"max-lines = 10 \(11 lines\)"):
        read_text("r.txt", b"a" + b"\n" * 10, limits)  # 11 characters, 11 lines
    assert read_text("r.txt", b"|" * 20, limits).text == "|" * 20
    with pytest.raises(LimitError, match=r"max-cells = 20 \(21 TAB and \| separators\)"):
        read_text("r.txt", b"|\t" * 10 + b"|", limits)


@pytest.mark.parametrize("page_break", ["\f", "\v", "\f ", " \f"])
def test_a_page_break_glued_to_a_line_is_read_as_a_space(tmp_path: Path, page_break: str) -> None:
    """``pdftotext`` starts each page after the first with a form feed glued to its first
    line (Word's "save as text" writes one for a page break): a heading or a page footer
    there is read as without it, and every line and column stays the file's own."""
    text = CLEAN.read_text(encoding="utf-8")
    heading = "二、主动公开政府信息情况\n"
    reviews = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 |"
    assert text.count(heading) == 1 and reviews in text
    broken = text.replace(heading, page_break + heading)
    broken = broken.replace(reviews, page_break + "- 3 -\n" + reviews)  # a footer in table 四
    path = tmp_path / "pdftotext.txt"
    path.write_text(broken, encoding="utf-8")
    assert read_source(path).text == broken.replace("\f", " ").replace("\v", " ")
    clean, report = parse_path(CLEAN), parse_path(path)
    proactive = report.section("proactive")
    assert proactive is not None and not proactive.implicit
    assert (proactive.span.line, proactive.span.column) == (5, 1 + len(page_break))
    values = [[c.value for c in row.cells] for row in report.tables["reviews"]]
    assert values == [[c.value for c in row.cells] for row in clean.tables["reviews"]]
    cell = report.tables["reviews"].cell("review", "upheld")
    assert cell is not None and cell.value == 1
    assert (cell.span.line, cell.span.column) == (54, 1)  # (one line more: the footer)
