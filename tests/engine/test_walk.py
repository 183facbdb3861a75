"""Finding the files to check: each file once, however often the paths named reach it."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, edit, run_main, write, wrong_total
from xxgk_lint.engine.config import ConfigResolver, Overrides
from xxgk_lint.engine.walk import Seen, Target, discover

OTHER = edit(CLEAN, "测试县人民政府", "另一县人民政府")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "reports" / "a.txt", wrong_total())
    write(tmp_path / "reports" / "sub" / "b.txt", OTHER)
    return tmp_path


def found(*paths: str) -> list[str]:
    resolver = ConfigResolver(None, Overrides(), isolated=True)
    return [str(t.path) for t in discover(paths, resolver) if isinstance(t, Target)]


def test_a_file_named_and_under_a_folder_named_is_found_once(repo: Path) -> None:
    assert found("reports", "reports/a.txt") == ["reports/a.txt", "reports/sub/b.txt"]
    assert found("reports/a.txt", "reports") == ["reports/a.txt", "reports/sub/b.txt"]
    assert found("reports", "./reports/", "reports/sub") == ["reports/a.txt", "reports/sub/b.txt"]


def test_a_folder_within_a_folder_named_is_walked_once_in_either_order(repo: Path) -> None:
    assert found("reports/sub", "reports") == ["reports/sub/b.txt", "reports/a.txt"]
    assert found("reports", "reports/sub", "reports/sub/b.txt") == [
        "reports/a.txt",
        "reports/sub/b.txt",
    ]


def test_a_file_the_walk_leaves_out_is_still_taken_when_named(repo: Path) -> None:
    write(repo / "reports" / "README.md", "说明")  # the default exclude
    write(repo / "reports" / "notes.xls", "x")  # no report ending
    assert found("reports", "reports/README.md", "reports/notes.xls") == [
        "reports/a.txt",
        "reports/sub/b.txt",
        "reports/README.md",
        "reports/notes.xls",
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links: POSIX")
def test_a_link_to_a_file_met_before_is_not_a_second_file(repo: Path) -> None:
    os.symlink("../a.txt", repo / "reports" / "sub" / "c.txt")
    assert found("reports") == ["reports/a.txt", "reports/sub/b.txt"]
    # the link met first: it is the one taken, its target (reports/a.txt) is not
    assert found("reports/sub", "reports") == ["reports/sub/b.txt", "reports/sub/c.txt"]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links: POSIX")
def test_a_link_met_before_its_target_is_the_one_taken(repo: Path) -> None:
    os.symlink("sub/b.txt", repo / "reports" / "0-link.txt")
    assert found("reports") == ["reports/0-link.txt", "reports/a.txt"]


@pytest.mark.skipif(sys.platform == "win32", reason="hard links: POSIX")
def test_two_hard_links_to_one_file_are_one_file(repo: Path) -> None:
    os.link(repo / "reports" / "a.txt", repo / "reports" / "sub" / "a-again.txt")
    assert found("reports") == ["reports/a.txt", "reports/sub/b.txt"]


def test_the_walk_keeps_nothing_per_plain_file(repo: Path) -> None:
    """Memory stays flat in the number of files: only folders, and the files that can be
    met twice, are kept."""
    for number in range(50):
        write(repo / "reports" / "more" / f"r{number:02d}.txt", CLEAN)
    seen = Seen()
    resolver = ConfigResolver(None, Overrides(), isolated=True)
    assert len([t for t in discover(["reports"], resolver, seen)]) == 52
    assert (len(seen.folders), len(seen.files)) == (3, 0)
    list(discover(["reports/sub/b.txt"], resolver, seen))
    assert len(seen.files) == 0  # under a folder walked: found without keeping it


def test_a_file_reached_twice_has_its_findings_once_and_is_no_second_report(
    repo: Path, capsys
) -> None:
    """Twice, it doubled its findings and gave itself XG604 (two reports of one body)."""
    result = run_main(
        capsys, "check", "--format", "json", "--lang", "en", "reports", "reports/a.txt"
    )
    document = result.json()
    assert document["summary"]["files"] == 2
    assert [(d["path"], d["code"], d["line"]) for d in document["diagnostics"]] == [
        ("reports/a.txt", "XG201", 24)  # the wrong total, once
    ]


def test_documents_xxgk_lint_cannot_read_are_walked_pictures_and_sheets_are_not(
    repo: Path,
) -> None:
    """A report sent as Word 97-2003, WPS or OFD is found in a folder (and named, XG001);
    pictures and spreadsheets kept beside the reports are not."""
    for name in ("c.doc", "d.WPS", "e.ofd", "f.png", "g.xls", "h.xlsx"):
        write(repo / "reports" / name, "x")
    assert found("reports") == [
        "reports/a.txt",
        "reports/c.doc",
        "reports/d.WPS",
        "reports/e.ofd",
        "reports/sub/b.txt",
    ]


def test_a_doc_report_in_a_folder_is_one_unreadable_file_of_the_run(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``check FOLDER`` names the .doc it meets (XG001 with how to convert it; exit 2, as
    for any file that cannot be read), and the summary counts it among the files checked."""
    (repo / "reports" / "c.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    outcome = run_main(capsys, "check", "--lang", "en", "--format", "json", "reports")
    assert outcome.code == 2
    output = json.loads(outcome.out)
    assert [r["path"] for r in output["reports"]] == [
        "reports/a.txt",
        "reports/c.doc",
        "reports/sub/b.txt",
    ]
    (finding,) = [d for d in output["diagnostics"] if d["path"] == "reports/c.doc"]
    assert (finding["code"], finding["line"], finding["column"]) == ("XG001", 1, 1)
    assert "legacy Word .doc file is not supported" in finding["message"]
    assert "libreoffice --headless --convert-to docx" in finding["message"]
    assert (output["summary"]["files"], output["summary"]["unreadable"]) == (3, 1)
