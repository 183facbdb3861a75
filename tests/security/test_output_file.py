"""``--output-file`` never overwrites an input, and writes atomically (issue 15).

The ten cases of the issue, each once overwritten and now refused: exit 2, one line on
stderr, nothing on stdout, and every file byte for byte as it was.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, run_main, write, wrong_total
from tests.security.kit import assert_invariants, plugin_source

PLUGIN = """
@hookimpl
def xxgk_lint_rules():
    return []
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with reports, a config and a local plugin, all trusted."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "r.txt", wrong_total())
    write(tmp_path / "s.txt", CLEAN)
    write(tmp_path / "reports" / "a.txt", CLEAN)
    write(tmp_path / "reports" / "2023" / "b.md", wrong_total())
    write(tmp_path / "checks" / "acme.py", plugin_source(PLUGIN))
    write(tmp_path / ".xxgk-lint.yaml", "plugins: [./checks/acme.py]\n")
    write(tmp_path / "other.yaml", "lang: en\n")
    os.symlink("r.txt", tmp_path / "link-to-r.txt")
    os.link(tmp_path / "s.txt", tmp_path / "hard-s.txt")
    return tmp_path


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


#: case: (the paths checked and other flags, --output-file, what the message says).
CASES = {
    "the report checked": (["r.txt"], "r.txt", "that is a checked file (r.txt)"),
    "one of several inputs": (["r.txt", "s.txt"], "s.txt", "that is a checked file (s.txt)"),
    "a report inside the checked folder": (
        ["reports"],
        "reports/2023/b.md",
        "that is a checked file (reports/2023/b.md)",
    ),
    "a new report file inside the checked folder": (
        ["reports"],
        "reports/2023/result.txt",
        "it is inside the checked folder reports and would be checked as a report",
    ),
    "the config file found": (["r.txt"], ".xxgk-lint.yaml", "a file of that name is a config"),
    "the config given with --config": (
        ["--config", "other.yaml", "r.txt"],
        "other.yaml",
        "that is a config file of this run",
    ),
    "a local plugin": (["r.txt"], "checks/acme.py", "that is a plugin file of this run"),
    "a symlink to an input": (["r.txt"], "link-to-r.txt", "that is a checked file (r.txt)"),
    "the file an input links to": (
        ["link-to-r.txt"],
        "r.txt",
        "that is a checked file (link-to-r.txt)",
    ),
    "a hard link to an input": (["s.txt"], "hard-s.txt", "that is a checked file (s.txt)"),
}


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_an_input_is_never_overwritten(repo: Path, capsys, case: str, fmt: str) -> None:
    argv, output, reason = CASES[case]
    before = snapshot(repo)
    result = run_main(capsys, "check", "--format", fmt, "--output-file", output, *argv)
    assert_invariants(result)
    assert result.code == 2
    assert result.out == ""
    [line] = result.err.splitlines()
    assert line.startswith(f"xxgk-lint: error: --output-file {output}: refused: ")
    assert reason in line
    assert snapshot(repo) == before


def test_a_path_with_dot_dot_to_an_input_is_refused(repo: Path, capsys) -> None:
    before = snapshot(repo)
    result = run_main(capsys, "check", "--output-file", "reports/../r.txt", "r.txt")
    assert result.code == 2
    assert "that is a checked file (r.txt)" in result.err
    assert snapshot(repo) == before


@pytest.mark.parametrize(
    "output", ["reports/result.json", "reports/.out/result.txt", "out/result.txt"]
)
def test_a_file_the_walk_would_not_check_may_be_written(repo: Path, capsys, output: str) -> None:
    result = run_main(capsys, "check", "--format", "json", "--output-file", output, "reports")
    assert result.code == 1, result.err
    assert '"XG201"' in (repo / output).read_text(encoding="utf-8")
    assert "XG201" in result.out  # the text report still goes to the terminal


def test_the_output_file_is_replaced_whole_and_keeps_its_permissions(repo: Path, capsys) -> None:
    target = write(repo / "out" / "result.json", "old content\n")
    os.chmod(target, 0o640)
    result = run_main(capsys, "check", "--format", "json", "--output-file", target, "r.txt")
    assert result.code == 1
    assert target.read_text(encoding="utf-8").startswith('{\n  "version": 2,')
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in target.parent.iterdir()) == ["result.json"]  # no temp left


def test_a_symlinked_output_file_is_written_through(repo: Path, capsys) -> None:
    real = write(repo / "out" / "real.json", "")
    os.symlink(real, repo / "out" / "link.json")
    result = run_main(
        capsys, "check", "--format", "json", "--output-file", "out/link.json", "r.txt"
    )
    assert result.code == 1
    assert (repo / "out" / "link.json").is_symlink()
    assert real.read_text(encoding="utf-8").startswith("{")


def test_the_output_file_is_utf8_whatever_the_terminal(repo: Path, capsys) -> None:
    result = run_main(capsys, "check", "--format", "junit", "--output-file", "o.xml", "r.txt")
    assert result.code == 1
    data = (repo / "o.xml").read_bytes()
    assert "总计应为 7".encode() in data


def test_an_unwritable_output_file_is_one_line(repo: Path, capsys) -> None:
    (repo / "out").mkdir()
    result = run_main(capsys, "check", "--output-file", "out", "r.txt")
    assert result.code == 2
    [line] = result.err.splitlines()
    assert line.startswith("xxgk-lint: error: cannot write out: ")


def test_a_fifo_is_written_to_not_replaced(repo: Path, capsys) -> None:
    """A rename over a FIFO or a device (``--output-file /dev/null`` as root) would replace
    the device itself with a file: they are written to as they are."""
    import threading

    fifo = repo / "out.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run_main(capsys, "check", "--format", "json", "--output-file", str(fifo), "r.txt")
    reader.join(timeout=60)
    assert result.code == 1
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received[0].startswith(b'{\n  "version": 2,')
    assert [p.name for p in repo.iterdir() if p.name.startswith(".out.pipe")] == []


class _Stdin:
    """stdin redirected from a file: ``check - < s.txt``."""

    def __init__(self, path: Path) -> None:
        self.buffer = path.open("rb")

    def fileno(self) -> int:
        return self.buffer.fileno()


def test_the_file_stdin_reads_is_never_overwritten(
    repo: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    before = snapshot(repo)
    stdin = _Stdin(repo / "s.txt")
    monkeypatch.setattr(sys, "stdin", stdin)
    try:
        result = run_main(capsys, "check", "--format", "json", "--output-file", "s.txt", "-")
    finally:
        stdin.buffer.close()
    assert result.code == 2
    assert result.err.splitlines() == [
        "xxgk-lint: error: --output-file s.txt: refused: that is the file stdin reads, checked as -"
    ]
    assert snapshot(repo) == before
