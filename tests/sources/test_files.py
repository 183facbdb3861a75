"""Only regular files are read: everything else is named in one line, without blocking."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from xxgk_lint.sources import InputError, read_source, suffix_of
from xxgk_lint.sources.messages import localise

posix = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")


def problem(path: str | Path) -> str:
    with pytest.raises(InputError) as caught:
        read_source(path)
    return str(caught.value)


@posix
def test_fifo_is_named_not_opened(tmp_path: Path) -> None:
    """Opening a FIFO waits for a writer; it is never opened."""
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    assert problem(fifo) == "is a named pipe (FIFO), not a regular file"
    assert localise(problem(fifo), "zh") == "这是一个命名管道（FIFO），不是普通文件"


@posix
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_devices_are_not_read() -> None:
    assert problem("/dev/zero") == "is a device, not a regular file"
    assert problem("/dev/null") == "is a device, not a regular file"


def test_directory_and_missing_file(tmp_path: Path) -> None:
    assert problem(tmp_path) == "is a directory"
    assert problem(tmp_path / "missing.txt") == "no such file"


@posix
def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert problem(tmp_path / "a.txt") == "a loop of symbolic links"
    assert localise("a loop of symbolic links", "zh") == "符号链接构成循环，无法读取"


@posix
def test_symlink_to_a_report_is_read(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("一、总体情况\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(target)
    assert read_source(tmp_path / "link.txt").text == "一、总体情况\n"


@posix
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("x", encoding="utf-8")
    path.chmod(0)
    try:
        assert problem(path) == "permission denied"
    finally:
        path.chmod(0o600)


@posix
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems want UTF-8 names")
def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"\xb1\xa8\xb8\xe6.txt")  # "报告" in GBK: not UTF-8
    path = tmp_path / name
    path.write_bytes("三、收到和处理政府信息公开申请情况\n".encode())
    source = read_source(path)
    assert source.path == str(path)
    assert source.text == "三、收到和处理政府信息公开申请情况\n"


@pytest.mark.parametrize(
    "path",
    [
        "report.txt",
        "REPORT.HTML",
        "dir.v2/report",
        "a/b/report.tar.gz",
        ".hidden",
        "trailing.",
        "..",
        "noext",
        "报告/年度报告.DocX",
        "/abs/path/x.md",
    ],
)
def test_a_file_suffix_is_read_as_pathlib_reads_it(path: str) -> None:
    assert suffix_of(path) == Path(path).suffix.lower()
