"""Finding the files to check: each file once, however often the paths named reach it."""

from __future__ import annotations

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
    write(repo / "reports" / "notes.doc", "x")  # no report ending
    assert found("reports", "reports/README.md", "reports/notes.doc") == [
        "reports/a.txt",
        "reports/sub/b.txt",
        "reports/README.md",
        "reports/notes.doc",
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
