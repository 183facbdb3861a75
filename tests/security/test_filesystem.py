"""Every input is checked or named, never skipped silently (issues 14 and 15).

Only regular files are read; FIFOs, devices, symbolic link loops and links to nothing, met
in a folder or named, are named in one line each and make the exit code 2 (a FIFO used to
hang the run forever). Folders that cannot be read and folders nested too deep are named
too. A run that finds no report file says so.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, run_main, run_module, write, wrong_total
from tests.security.kit import assert_invariants
from xxgk_lint.engine.walk import MAX_DEPTH

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symlinks: POSIX")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "in" / "ok.txt", CLEAN)
    return tmp_path


def run_errors(result) -> list[str]:
    return result.json()["summary"]["run_errors"]


@posix_only
def test_a_fifo_in_a_folder_is_named_and_skipped(repo: Path) -> None:
    os.mkfifo(repo / "in" / "pipe.txt")
    result = run_module("check", "--format", "json", "--lang", "en", "in", cwd=repo)
    assert_invariants(result)
    assert result.code == 2
    assert run_errors(result) == ["in/pipe.txt: not a regular file but a FIFO; skipped"]
    assert result.json()["summary"]["files"] == 1


@posix_only
def test_a_fifo_or_a_device_named_is_named_and_skipped(repo: Path) -> None:
    os.mkfifo(repo / "pipe.txt")
    result = run_module(
        "check", "--format", "json", "--lang", "en", "pipe.txt", "/dev/zero", "in", cwd=repo
    )
    assert_invariants(result)
    assert result.code == 2
    assert run_errors(result) == [
        "pipe.txt: not a regular file but a FIFO; skipped",
        "/dev/zero: not a regular file but a device; skipped",
    ]


@posix_only
def test_a_fifo_named_alone_is_one_line(repo: Path) -> None:
    """Nothing else to check: the line naming it says it all (no "no report file found")."""
    os.mkfifo(repo / "pipe.txt")
    result = run_module("check", "--format", "json", "--lang", "en", "pipe.txt", cwd=repo)
    assert_invariants(result)
    assert result.code == 2
    assert run_errors(result) == ["pipe.txt: not a regular file but a FIFO; skipped"]


@posix_only
def test_symbolic_links_that_loop_or_point_nowhere(repo: Path, capsys) -> None:
    os.symlink("loop.txt", repo / "in" / "loop.txt")
    os.symlink("nowhere.txt", repo / "in" / "dangling.txt")
    os.symlink("../in", repo / "in" / "sub")  # a link to a folder: not followed
    result = run_main(capsys, "check", "--format", "json", "in", "in/loop.txt")
    assert_invariants(result)
    assert result.code == 2
    assert run_errors(result) == [
        "in/dangling.txt: 符号链接指向的文件不存在，已跳过",
        "in/loop.txt: 符号链接循环，已跳过",
        "in/loop.txt: 符号链接循环，已跳过",
    ]
    assert result.json()["summary"]["files"] == 1


@posix_only
def test_a_symlink_loop_in_the_text_report_is_one_line(repo: Path, capsys) -> None:
    os.symlink("loop.txt", repo / "in" / "loop.txt")
    result = run_main(capsys, "check", "--color", "never", "--lang", "en", "in")
    assert_invariants(result)
    assert result.code == 2
    assert result.out.splitlines() == [
        "run error: in/loop.txt: a symbolic link loop; skipped",
        "",
        "46 checks: 45 passed, 0 failed, 1 not assessable, 0 uncertain.",
        "Checked 1 file: 0 errors, 0 warnings, 1 run error.",
    ]


def test_a_folder_that_cannot_be_read_is_named(
    repo: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(repo / "in" / "locked" / "r.txt", wrong_total())
    real = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run_main(capsys, "check", "--format", "json", "--lang", "en", "in")
    assert_invariants(result)
    assert result.code == 2
    assert run_errors(result) == ["in/locked: cannot read the folder; skipped (Permission denied)"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_a_folder_without_permissions_is_named(repo: Path) -> None:
    locked = repo / "in" / "locked"
    write(locked / "r.txt", wrong_total())
    locked.chmod(0)
    try:
        result = run_module("check", "--format", "json", "--lang", "en", "in", cwd=repo)
    finally:
        locked.chmod(0o755)
    assert result.code == 2
    assert run_errors(result) == ["in/locked: cannot read the folder; skipped (Permission denied)"]


def test_a_report_nested_deeper_than_the_limit_is_named(repo: Path, capsys) -> None:
    deep = repo / "deep"
    folder = deep.joinpath(*["d"] * (MAX_DEPTH + 1))
    write(folder / "r.txt", wrong_total())
    write(deep.joinpath(*["d"] * 5) / "near.txt", wrong_total())
    result = run_main(capsys, "check", "--format", "json", "--lang", "en", "deep")
    assert_invariants(result)
    assert result.code == 2
    too_deep = Path("deep", *["d"] * MAX_DEPTH)
    assert run_errors(result) == [
        f"{too_deep}: folders nested more than {MAX_DEPTH} deep; not walked further"
    ]
    assert {d["path"] for d in result.diagnostics()} == {str(Path("deep", *["d"] * 5, "near.txt"))}


def nest(root: Path, depth: int, name: str, text: str) -> None:
    """``root/d/d/…/d/name`` (``depth`` folders), made one folder at a time: ``Path.mkdir``
    recurses, and an absolute path this long may pass what one system call takes."""
    root.mkdir()
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir("d", dir_fd=fd)
            inner = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        handle = os.open(name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
    finally:
        os.close(fd)


def unnest(root: Path, depth: int, name: str) -> None:
    """Remove what :func:`nest` made, from the bottom up (``shutil.rmtree`` recurses)."""
    fd = os.open(root, os.O_RDONLY)
    fds = [fd]
    try:
        for _ in range(depth):
            fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
        os.unlink(name, dir_fd=fds[-1])
        for parent in reversed(fds[:-1]):
            os.rmdir("d", dir_fd=parent)
    finally:
        for each in fds:
            os.close(each)
    root.rmdir()


def test_a_report_1100_folders_deep_is_no_recursion_error(repo: Path, capsys) -> None:
    nest(repo / "deep", 1100, "r.txt", wrong_total())
    try:
        result = run_main(capsys, "check", "--quiet", "--lang", "en", "deep")
    finally:
        unnest(repo / "deep", 1100, "r.txt")
    assert_invariants(result)
    assert result.code == 2
    too_deep = os.path.join("deep", *["d"] * MAX_DEPTH)
    # one line: what was not walked (no "no report file found" after it)
    assert result.err.splitlines() == [
        f"xxgk-lint: {too_deep}: folders nested more than {MAX_DEPTH} deep; not walked further",
    ]


@posix_only
def test_a_file_name_that_is_not_utf8_is_shown_escaped_in_every_format(repo: Path, capsys) -> None:
    name = os.fsdecode(b"bad\xff\x1b[2J.txt")
    write(repo / "in" / name, wrong_total())
    expected = {
        "text": "in/bad\\xff\\x1b[2J.txt:",
        "json": '"path": "in/bad\\\\xff\\u001b[2J.txt"',
        "junit": 'name="in/bad\\xff\\x1b[2J.txt"',
        "sarif": '"uri": "in/bad%5Cxff%1B%5B2J.txt"',
        "github": "::error file=in/bad\\xff\\x1b[2J.txt,",
    }
    for fmt, fragment in expected.items():
        # in this process (UTF-8), and in a child whose stdout is ASCII
        result = run_main(capsys, "check", "--format", fmt, "in")
        assert_invariants(result)
        assert result.code == 1, (fmt, result.err)
        assert fragment in result.out, (fmt, result.out)
        child = run_module(
            "check", "--format", fmt, "in", cwd=repo, env={"PYTHONIOENCODING": "ascii"}
        )
        assert child.code == 1, (fmt, child.err)
        assert fragment in child.out, (fmt, child.out)


def test_a_run_that_finds_no_report_says_so(repo: Path, capsys) -> None:
    write(repo / "empty" / "notes.odt", "x")
    for lang, message in (
        ("en", "no report file found in empty (extensions: .txt .md .html .htm .docx .pdf .doc"),
        ("zh", "在 empty 中没有找到要检查的报告文件（扩展名：.txt .md .html .htm .docx .pdf .doc"),
    ):
        result = run_main(capsys, "check", "--format", "json", "--lang", lang, "empty")
        assert_invariants(result)
        assert result.code == 2
        [error] = run_errors(result)
        assert error.startswith(message)


def test_parse_of_a_folder_without_reports_says_so(repo: Path, capsys) -> None:
    (repo / "empty").mkdir()
    result = run_main(capsys, "parse", "empty")
    assert result.code == 2
    assert result.err.strip() == "xxgk-lint: error: no report file found in empty"


def test_files_named_are_still_read_whatever_their_ending(repo: Path, capsys) -> None:
    write(repo / "report.text", wrong_total())
    result = run_main(capsys, "check", "--format", "json", "report.text")
    assert result.code == 1
