"""Session 41, issue 12 as its users meet it: ``check``, ``export`` and ``report`` over a
supervising office's folder (one clean report, one with a wrong total, one unreadable)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, TITLE, edit, run_main, write, wrong_total

#: Another body's report: no two reports of one body and year (no XG604 to count).
OTHER = edit(wrong_total(), TITLE, TITLE.replace("测试县人民政府", "白鹭镇人民政府"))


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "in" / "a-clean.txt", CLEAN)
    write(tmp_path / "in" / "b-total.txt", OTHER)
    (tmp_path / "in" / "c-broken.txt").write_bytes(b"\x00\x01\x02\xff")
    return tmp_path


STATISTICS_EN = "XG001  unreadable-input  1\nXG201  row-sum           1\n"


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github", "gitlab"])
def test_statistics_with_a_machine_format_go_to_stderr(office: Path, capsys, fmt: str) -> None:
    """``--statistics --format json`` printed nothing of the statistics before: now the
    table the text output ends with is on stderr, and stdout stays the document alone."""
    plain = run_main(capsys, "check", "--format", fmt, "--lang", "en", "in")
    out = run_main(capsys, "check", "--statistics", "--format", fmt, "--lang", "en", "in")
    assert out.code == plain.code == 2
    assert out.out == plain.out
    assert out.err == plain.err + STATISTICS_EN


def test_statistics_then_the_summary_table_on_stderr(office: Path, capsys) -> None:
    out = run_main(
        capsys, "check", "--statistics", "--summary", "--format", "json", "--lang", "en", "in"
    )
    json.loads(out.out)
    stats_at = out.err.index(STATISTICS_EN)
    after = out.err[stats_at + len(STATISTICS_EN) :]
    assert after.startswith("\nfile ")  # one blank line, then the table's head
    assert "in/b-total.txt" in after


def test_statistics_in_text_unchanged(office: Path, capsys) -> None:
    out = run_main(capsys, "check", "--statistics", "--lang", "en", "in")
    assert STATISTICS_EN in out.out
    assert "XG201  row-sum" not in out.err
