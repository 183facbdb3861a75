"""``xxgk-lint export``: one row per table cell, the values ``parse --format json`` prints."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.engine.reportkit import CLEAN, ZERO, edit, run_main, write, wrong_total
from xxgk_lint.export.cells import COLUMNS

#: Reports in many layouts (pipes, tabs, lines, Markdown, HTML, Word, PDF, 2019 format).
SOURCES = [
    FIXTURES / "samples",
    FIXTURES / "reports",
    FIXTURES / "real",
    FIXTURES / "html" / "qingshan-jiaotong-2023.html",
    FIXTURES / "docx" / "qingshan-jiaotong-2023.docx",
]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_values_are_what_parse_prints(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    paths = [str(p.relative_to(ROOT)) for p in SOURCES]
    exported = run_main(capsys, "export", "--format", "jsonl", "--isolated", *paths)
    parsed = run_main(capsys, "parse", "--format", "json", "--spans", *paths)
    assert parsed.code == 0
    rows = _jsonl(exported.out)
    by_cell = {(r["path"], r["table"], r["row"], r["column"]): r for r in rows}
    compared = 0
    for report in json.loads(parsed.out)["reports"]:
        for table, content in report["tables"].items():
            if content is None:
                continue
            for row, cells in content.items():
                for column, cell in cells.items():
                    got = by_cell.pop((report["path"], table, row, column))
                    assert (got["agency"], got["year"]) == (report["agency"], report["year"])
                    assert got["format_version"] == report["format_version"]
                    if cell is None:  # an uncertain row: nothing placed
                        assert got["value"] is got["raw"] is got["line"] is None
                        continue
                    assert got["value"] == cell["value"]
                    assert type(got["value"]) is type(cell["value"])
                    assert (got["raw"], got["line"], got["col"]) == (
                        cell["raw"],
                        cell["line"],
                        cell["column"],
                    )
                    compared += 1
    # every row was a cell of parse's output, but the rows of files without cells
    assert all(r["table"] is None for r in by_cell.values())
    assert compared > 5000


def test_csv_is_utf8_with_a_bom_and_the_documented_columns(repo: Path, capsys) -> None:
    write(repo / "a.txt", wrong_total())
    result = run_main(capsys, "export", "a.txt", "-o", "cells.csv")
    assert result.code == 0 and result.out == ""
    assert result.err == "xxgk-lint: 已写出 1 个文件的 200 行到 cells.csv；0 个文件无法读取\n"
    data = (repo / "cells.csv").read_bytes()
    assert data.startswith(
        b"\xef\xbb\xbfpath,kind,agency,year,format_version,table,row,column,value,raw,line,col,"
        b"status,problem\r\n"
    )
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    total = next(
        r
        for r in rows
        if (r["table"], r["row"], r["column"]) == ("applications", "received", "total")
    )
    assert total == {
        "path": "a.txt",
        "kind": "text",
        "agency": "测试县人民政府",
        "year": "2023",
        "format_version": "2021",
        "table": "applications",
        "row": "received",
        "column": "total",
        "value": "8",
        "raw": "8",
        "line": "24",
        "col": "44",
        "status": "fail",
        "problem": "",
    }
    assert len(rows) == 200  # the 2021 format's 200 cells


def test_csv_to_stdout_is_the_same_bytes(repo: Path, capsys) -> None:
    import subprocess
    import sys

    write(repo / "a.txt", CLEAN)
    run_main(capsys, "export", "a.txt", "-o", "cells.csv")
    done = subprocess.run(
        [sys.executable, "-m", "xxgk_lint", "export", "a.txt"], cwd=repo, capture_output=True
    )
    assert done.returncode == 0
    assert done.stdout == (repo / "cells.csv").read_bytes()


def test_a_file_without_cells_is_one_row(repo: Path, capsys) -> None:
    (repo / "broken.txt").write_bytes(b"\x00\x01\x02")
    write(repo / "prose.txt", "测试县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n略。\n")
    result = run_main(capsys, "export", "--format", "jsonl", "broken.txt", "prose.txt")
    assert result.code == 2  # the unreadable file, as with check
    rows = _jsonl(result.out)
    assert [(r["path"], r["status"], r["table"], r["value"]) for r in rows] == [
        ("broken.txt", "unreadable", None, None),
        ("prose.txt", "fail", None, None),
    ]
    assert rows[1]["agency"] == "测试县人民政府"
    problem = "无法作为年度报告检查：二进制文件（含 NUL 字节），不是文本报告"
    assert [(r["kind"], r["problem"]) for r in rows] == [(None, problem), ("text", None)]
    assert result.err == (
        f"xxgk-lint: broken.txt: {problem}\nxxgk-lint: 已写出 2 个文件的 2 行；1 个文件无法读取\n"
    )


def test_formulas_never_reach_a_spreadsheet(repo: Path, capsys) -> None:
    text = edit(
        CLEAN,
        f"8.属于行政查询事项 | {ZERO} |",
        "8.属于行政查询事项 | =1+1 | 0 | 0 | 0 | 0 | 0 | 0 |",
    )
    write(repo / "a.txt", text)
    run_main(capsys, "export", "a.txt", "-o", "cells.csv")
    rows = list(csv.DictReader(io.StringIO((repo / "cells.csv").read_text("utf-8-sig"))))
    cell = next(
        r for r in rows if r["row"] == "denied.inquiry_matters" and r["column"] == "natural_person"
    )
    assert (cell["value"], cell["raw"]) == ("", "'=1+1")
    lines = _jsonl(run_main(capsys, "export", "--format", "jsonl", "a.txt").out)
    assert next(r for r in lines if r["row"] == "denied.inquiry_matters")["raw"] == "=1+1"


def test_xlsx(repo: Path, capsys) -> None:
    openpyxl = pytest.importorskip("openpyxl", reason="the [xlsx] extra is not installed")
    text = edit(
        CLEAN,
        f"8.属于行政查询事项 | {ZERO} |",
        "8.属于行政查询事项 | =1+1 | 0 | 0 | 0 | 0 | 0 | 0 |",
    )
    write(repo / "a.txt", text)
    result = run_main(capsys, "export", "--format", "xlsx", "-o", "cells.xlsx", "a.txt")
    assert result.code == 0
    sheet = openpyxl.load_workbook(repo / "cells.xlsx")["cells"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert len(rows) == 201
    received = next(r for r in rows if r[5:8] == ("applications", "received", "total"))
    assert received == (
        "a.txt",
        "text",
        "测试县人民政府",
        2023,
        "2021",
        "applications",
        "received",
        "total",
        7,
        "7",
        24,
        44,
        "pass",
        None,
    )
    formula = next(c for c in sheet.iter_rows(min_row=2) if c[6].value == "denied.inquiry_matters")
    assert formula[9].value == "=1+1"
    assert formula[9].data_type == "s"  # text, not a formula


def test_xlsx_needs_a_file(repo: Path, capsys) -> None:
    write(repo / "a.txt", CLEAN)
    result = run_main(capsys, "export", "--format", "xlsx", "a.txt")
    assert result.code == 2
    assert result.err == "xxgk-lint: error: --format xlsx writes a workbook: name it with -o FILE\n"


def test_the_export_never_overwrites_a_report(repo: Path, capsys) -> None:
    write(repo / "reports" / "a.txt", CLEAN)
    result = run_main(capsys, "export", "reports", "-o", "reports/a.txt")
    assert result.code == 2
    assert result.err.startswith(
        "xxgk-lint: error: -o reports/a.txt: refused: that is a checked file"
    )
    assert (repo / "reports" / "a.txt").read_text("utf-8") == CLEAN


def test_jobs_give_the_same_export(repo: Path, capsys) -> None:
    for number in range(6):
        write(repo / "r" / f"{number}.txt", wrong_total() if number % 2 else CLEAN)
    shutil.copy(FIXTURES / "html" / "qingshan-jiaotong-2023.html", repo / "r" / "9.html")
    one = run_main(capsys, "export", "--format", "jsonl", "r")
    two = run_main(capsys, "export", "--format", "jsonl", "-j", "2", "r")
    assert two.out == one.out
    assert len(_jsonl(one.out)) == 7 * 200


def test_control_characters_never_reach_a_terminal(repo: Path, capsys) -> None:
    text = edit(
        CLEAN,
        f"8.属于行政查询事项 | {ZERO} |",
        "8.属于行政查询事项 | \x1b[2J | 0 | 0 | 0 | 0 | 0 | 0 |",
    )
    write(repo / "a.txt", text)
    csv_out = run_main(capsys, "export", "a.txt").out
    assert "\x1b" not in csv_out and "\\x1b[2J" in csv_out
    jsonl = run_main(capsys, "export", "--format", "jsonl", "a.txt").out
    assert "\x1b" not in jsonl
    assert (
        next(r for r in _jsonl(jsonl) if r["row"] == "denied.inquiry_matters")["raw"] == "\x1b[2J"
    )


def test_unreadable_files_and_skipped_paths_are_named(repo: Path, capsys) -> None:
    """Each on one line of stderr as it comes, with its XG001 message (or why it was
    skipped), then the closing line; the export's ``problem`` column says the same."""
    import os

    write(repo / "r" / "a.txt", CLEAN)
    (repo / "r" / "b-empty.txt").write_bytes(b"")
    (repo / "r" / "c-dangling.txt").symlink_to("nowhere.txt")
    os.mkfifo(repo / "r" / "d-fifo.txt")
    write(repo / "r" / "e.txt", wrong_total())
    result = run_main(capsys, "export", "r", "-o", "cells.csv", "--lang", "en")
    assert result.code == 2
    empty = "cannot be checked as an annual report: the file is empty"
    assert result.err.splitlines() == [
        f"xxgk-lint: r/b-empty.txt: {empty}",
        "xxgk-lint: r/c-dangling.txt: a symbolic link to nothing; skipped",
        "xxgk-lint: r/d-fifo.txt: not a regular file but a FIFO; skipped",
        "xxgk-lint: wrote 401 rows of 3 files to cells.csv; 1 file unreadable, 2 run errors",
    ]
    rows = list(csv.DictReader(io.StringIO((repo / "cells.csv").read_text("utf-8-sig"))))
    assert {(r["path"], r["status"], r["problem"]) for r in rows} == {
        ("r/a.txt", "pass", ""),
        ("r/b-empty.txt", "unreadable", empty),
        ("r/e.txt", "fail", ""),
    }
    quiet = run_main(capsys, "export", "r", "-o", "cells.jsonl", "-q")
    assert quiet.code == 2
    assert quiet.err.splitlines() == [
        "xxgk-lint: r/b-empty.txt: 无法作为年度报告检查：文件为空",
        "xxgk-lint: r/c-dangling.txt: 符号链接指向的文件不存在，已跳过",
        "xxgk-lint: r/d-fifo.txt: 不是普通文件，而是命名管道，已跳过",
    ]
    lines = _jsonl((repo / "cells.jsonl").read_text("utf-8"))
    assert list(lines[0]) == list(COLUMNS)
    assert [r["problem"] for r in lines if r["status"] == "unreadable"] == [
        "无法作为年度报告检查：文件为空"
    ]
    assert {r["problem"] for r in lines if r["status"] != "unreadable"} == {None}
    report = run_main(capsys, "report", "r", "-o", "audit.html", "--lang", "en")
    assert report.code == 2
    assert report.err.splitlines() == [
        *result.err.splitlines()[:3],
        "xxgk-lint: wrote audit.html: 3 files, 1 pass, 1 fail; 1 file unreadable, 2 run errors",
    ]
    assert run_main(capsys, "report", "r", "-o", "audit.html", "-q").err.splitlines() == (
        quiet.err.splitlines()
    )


def test_xlsx_names_the_problem(repo: Path, capsys) -> None:
    openpyxl = pytest.importorskip("openpyxl", reason="the [xlsx] extra is not installed")
    (repo / "empty.txt").write_bytes(b"")
    result = run_main(capsys, "export", "empty.txt", "-o", "cells.xlsx", "--lang", "en")
    assert result.code == 2
    rows = list(openpyxl.load_workbook(repo / "cells.xlsx")["cells"].iter_rows(values_only=True))
    assert rows[1][-2:] == (
        "unreadable",
        "cannot be checked as an annual report: the file is empty",
    )


def test_the_format_follows_the_extension_of_the_output(repo: Path, capsys) -> None:
    openpyxl = pytest.importorskip("openpyxl", reason="the [xlsx] extra is not installed")
    write(repo / "a.txt", CLEAN)
    assert run_main(capsys, "export", "a.txt", "-o", "cells.xlsx", "-q").code == 0
    sheet = openpyxl.load_workbook(repo / "cells.xlsx")["cells"]
    assert sheet.max_row == 201
    assert run_main(capsys, "export", "a.txt", "-o", "cells.JSONL", "-q").code == 0
    assert len(_jsonl((repo / "cells.JSONL").read_text("utf-8"))) == 200
    assert run_main(capsys, "export", "a.txt", "-o", "cells.txt", "-q").code == 0  # csv
    assert (repo / "cells.txt").read_bytes().startswith(b"\xef\xbb\xbfpath,kind,")
    same = run_main(capsys, "export", "a.txt", "-o", "c.csv", "--format", "csv", "-q")
    assert same.code == 0 and same.err == ""
    clash = run_main(capsys, "export", "a.txt", "-o", "cells2.xlsx", "--format", "csv")
    assert clash.code == 2
    assert clash.err == (
        "xxgk-lint: error: --format csv contradicts -o cells2.xlsx, a .xlsx file: leave out "
        "--format (the extension decides) or name the file .csv "
        "(see 'xxgk-lint export --help')\n"
    )
    assert not (repo / "cells2.xlsx").exists()


@pytest.mark.parametrize("command", ["export", "report"])
def test_help_of_export_and_report(command: str, capsys) -> None:
    import contextlib

    from xxgk_lint.cli.main import main

    with contextlib.suppress(SystemExit):
        main([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "only the summary line" not in text
    assert "--quiet, -q no progress bar and no closing line (unreadable files are still named)" in (
        text
    )
    assert "PATH files or directories; - reads stdin" in text
    if command == "export":
        assert "default: csv, or the format of -o FILE's extension (.csv, .jsonl, .xlsx)" in text


def test_xlsx_sheets_past_the_row_limit(repo: Path, capsys, monkeypatch) -> None:
    """Past Excel's rows per sheet (here 5, header included) the rows go on in the next
    sheet, under the header again; every sheet's header is frozen and filtered."""
    openpyxl = pytest.importorskip("openpyxl", reason="the [xlsx] extra is not installed")
    from xxgk_lint.export import writers

    monkeypatch.setattr(writers, "MAX_SHEET_ROWS", 5)
    for name in ("a", "b"):
        (repo / f"{name}.txt").write_bytes(b"")  # one row each
    write(repo / "c.txt", "测试县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n略。\n")
    for name in ("d", "e", "f", "g", "h", "i"):
        (repo / f"{name}.txt").write_bytes(b"")
    result = run_main(capsys, "export", ".", "-o", "cells.xlsx", "-q")
    assert result.code == 2
    book = openpyxl.load_workbook(repo / "cells.xlsx")
    assert book.sheetnames == ["cells", "cells 2", "cells 3"]
    sheets = [list(book[n].iter_rows(values_only=True)) for n in book.sheetnames]
    assert [len(rows) for rows in sheets] == [5, 5, 2]  # 9 files: 4 + 4 + 1 rows
    assert all(rows[0] == COLUMNS for rows in sheets)
    assert [row[0] for rows in sheets for row in rows[1:]] == [f"{n}.txt" for n in "abcdefghi"]
    assert [book[n].freeze_panes for n in book.sheetnames] == ["A2"] * 3
    assert [book[n].auto_filter.ref for n in book.sheetnames] == ["A1:N5", "A1:N5", "A1:N2"]


def test_a_failed_xlsx_write_is_one_line(repo: Path) -> None:
    """No "Exception ignored in ZipFile.__del__" traceback after the line."""
    import subprocess
    import sys

    pytest.importorskip("openpyxl", reason="the [xlsx] extra is not installed")
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    write(repo / "a.txt", CLEAN)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "xxgk_lint",
            "export",
            "a.txt",
            "--format",
            "xlsx",
            "-o",
            "/dev/full",
        ],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "xxgk-lint: error: cannot write /dev/full: [Errno 28] No space left on device\n"
    )
