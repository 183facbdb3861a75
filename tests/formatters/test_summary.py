"""The per-file summary: one line per file, or the ``--summary`` table, in order."""

from __future__ import annotations

from wcwidth import wcswidth

from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.engine.results import RunResult
from xxgk_lint.formatters import render
from xxgk_lint.formatters.summary import SummaryRows

from .conftest import BROKEN_FILE, COUNTY_FILE, DOCX_FILE, TOWN_FILE


def _county():
    from dataclasses import replace

    return replace(COUNTY_FILE, agency="青山县人民政府", year=2023, format_version="2021")


def test_one_line_per_file_zh() -> None:
    rows = SummaryRows("zh")
    for result in (_county(), TOWN_FILE, BROKEN_FILE):
        rows.add(result, Severity.ERROR)
    # path, agency and year aligned by display width (Han text is 2 columns wide)
    assert list(rows.lines()) == [
        "reports/2023/县政府.txt  青山县人民政府  2023  2 个错误，1 个警告",
        "reports/2023/乡镇.txt    -               -     0 个错误，0 个警告",
        "reports/broken.pdf       -               -     无法读取",
    ]


def test_one_line_per_file_en() -> None:
    rows = SummaryRows("en")
    for result in (_county(), BROKEN_FILE):
        rows.add(result, Severity.ERROR)
    assert list(rows.lines()) == [
        "reports/2023/县政府.txt  青山县人民政府  2023  2 errors, 1 warning",
        "reports/broken.pdf       -               -     unreadable",
    ]


def test_the_table_aligns_by_display_width() -> None:
    rows = SummaryRows("en")
    for result in (_county(), TOWN_FILE, BROKEN_FILE, DOCX_FILE):
        rows.add(result, Severity.ERROR)
    table = list(rows.table())
    assert table[0].split() == [
        "file",
        "agency",
        "year",
        "type",
        "version",
        "status",
        "errors",
        "warnings",
        "infos",
    ]
    assert table[2].split() == [
        "reports/2023/县政府.txt",
        "青山县人民政府",
        "2023",
        "text",
        "2021",
        "fail",
        "2",
        "1",
        "0",
    ]
    assert table[4].split()[-4:] == ["unreadable", "1", "0", "0"]
    # the file's type apart from the format's version
    assert [line.split()[-6] for line in table[2:]] == ["text", "text", "-", "Word"]
    # the status column starts at one display column on every line (Han text is 2 wide)
    starts = {
        wcswidth(line[: line.index(word)])
        for line, word in zip(table[2:], ("fail", "pass", "unreadable", "pass"), strict=True)
    }
    assert len(starts) == 1


def test_summary_table_in_the_text_format(run_en: RunResult) -> None:
    output = render("text", run_en, summary=True)
    blocks = output.rstrip("\n").split("\n\n")
    assert blocks[-1] == "Checked 4 files: 3 errors, 2 warnings, 1 unreadable file."
    table = blocks[-2].splitlines()
    assert table[0].startswith("file")
    assert [line.split()[0] for line in table[2:]] == [
        "reports/2023/县政府.txt",
        "reports/2023/乡镇.txt",
        "reports/broken.pdf",
        "reports/报告",
    ]
    assert render("text", run_en, quiet=True, summary=True).splitlines()[0] == table[0]


def test_whole_run_findings_count_on_their_file() -> None:
    """An XG601 warning on a file that passed on its own: with fail-on warning it fails."""
    from dataclasses import replace

    across = replace(
        COUNTY_FILE.diagnostics[0],
        code="XG601",
        severity=Severity.WARNING,
        path=TOWN_FILE.path,
    )
    rows = SummaryRows("en")
    rows.add(TOWN_FILE, Severity.WARNING)
    rows.add(BROKEN_FILE, Severity.WARNING)
    assert list(rows.lines([across])) == [
        "reports/2023/乡镇.txt  -  -  0 errors, 1 warning",
        "reports/broken.pdf     -  -  unreadable",
    ]
    table = list(rows.table([across]))
    assert table[2].split()[-4:] == ["fail", "0", "1", "0"]
    assert next(iter(rows.lines())) == "reports/2023/乡镇.txt  -  -  0 errors, 0 warnings"
    rows.close()
