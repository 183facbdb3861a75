"""Finding the files to check: each file once, however often the paths named reach it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, edit, run_main, write, wrong_total
from xxgk_lint.engine.config import ConfigResolver, Overrides
from xxgk_lint.engine.walk import Target, discover

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


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links: POSIX")
def test_a_link_to_a_file_met_before_is_not_a_second_file(repo: Path) -> None:
    os.symlink("../a.txt", repo / "reports" / "sub" / "c.txt")
    assert found("reports") == ["reports/a.txt", "reports/sub/b.txt"]


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
