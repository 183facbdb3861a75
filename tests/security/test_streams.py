"""Output never crashes, whatever the terminal or the stream (issues 14, 15 and 16).

Each case runs ``python -m xxgk_lint`` in a child process, the way a terminal or a CI
runner does: a cp1252 or GBK console (simulated with ``PYTHONIOENCODING``), ASCII and
Latin-1 streams, a full disk (``/dev/full``) and a reader that goes away (``| head -c1``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, has_traceback, write, wrong_total

ENCODINGS = ["ascii", "latin-1", "cp1252", "gbk", "ascii:strict", "utf-8"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write(tmp_path / "wrong.txt", wrong_total())
    write(tmp_path / "clean.txt", CLEAN)
    return tmp_path


def run(
    cwd: Path, *argv: str, encoding: str | None = None, **kwargs
) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONUTF8", "PYTHONIOENCODING")}
    env["NO_COLOR"] = "1"
    if encoding is not None:
        env["PYTHONIOENCODING"] = encoding
    return subprocess.run(
        [sys.executable, "-m", "xxgk_lint", *argv],
        cwd=cwd,
        env=env,
        capture_output="stdout" not in kwargs,
        timeout=120,
        check=False,
        **kwargs,
    )


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_text_output_on_any_terminal(repo: Path, encoding: str) -> None:
    done = run(repo, "check", "--lang", "zh", "wrong.txt", encoding=encoding)
    assert done.returncode == 1, done.stderr
    assert not has_traceback(done.stderr.decode("utf-8", "replace"))
    text = done.stdout.decode(encoding.split(":")[0])
    last = text.splitlines()[-1]
    if encoding in ("gbk", "utf-8"):
        assert last == "检查了 1 个文件：1 个错误，0 个警告。"  # one wrong cell, one finding
    else:  # what the stream cannot encode is replaced, never a crash
        assert last == "??? 1 ????1 ????0 ????"


def test_a_clean_report_on_a_cp1252_console_exits_0(repo: Path) -> None:
    done = run(repo, "check", "clean.txt", encoding="cp1252")
    assert (done.returncode, done.stderr) == (0, b"")


@pytest.mark.parametrize("encoding", ["latin-1", "gbk", "utf-8"])
@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "gitlab"])
def test_machine_formats_stay_valid_documents_on_any_stream(
    repo: Path, encoding: str, fmt: str
) -> None:
    done = run(repo, "check", "--format", fmt, "wrong.txt", encoding=encoding)
    assert done.returncode == 1, done.stderr
    if encoding != "utf-8":
        assert max(done.stdout) < 0x80  # ASCII escapes: valid in any of these encodings
    if fmt == "junit":
        root = ET.fromstring(done.stdout)
        messages = [f.get("message") for f in root.iter("failure")]
        assert any("总计应为 7" in m for m in messages)
    else:
        document = json.loads(done.stdout.decode("utf-8"))
        text = json.dumps(document, ensure_ascii=False)
        assert "总计应为 7" in text


def test_the_output_file_is_utf8_on_a_cp1252_terminal(repo: Path) -> None:
    done = run(
        repo, "check", "--format", "json", "--output-file", "o.json", "wrong.txt", encoding="cp1252"
    )
    assert done.returncode == 1
    assert "总计应为 7" in (repo / "o.json").read_text(encoding="utf-8")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "command",
    [
        ["check", "wrong.txt"],
        ["check", "--format", "json", "wrong.txt"],
        ["parse", "wrong.txt"],
        ["rules"],
    ],
)
def test_a_stdout_that_fails_on_write_is_one_line_and_exit_2(
    repo: Path, command: list[str]
) -> None:
    with open("/dev/full", "w") as full:
        done = run(repo, *command, stdout=full, stderr=subprocess.PIPE)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 2, stderr
    assert stderr.splitlines() == [
        "xxgk-lint: error: cannot write the output: [Errno 28] No space left on device"
    ]


@pytest.mark.parametrize(("name", "code"), [("wrong.txt", 1), ("clean.txt", 0)])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_broken_pipe_keeps_the_exit_code_the_findings_call_for(
    repo: Path, name: str, code: int, fmt: str
) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "xxgk_lint", "check", "--format", fmt, name],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # `| head -c0`: the reader is gone before anything is written
    stderr = process.stderr.read().decode("utf-8")
    process.stderr.close()
    assert process.wait(timeout=120) == code
    assert stderr == ""


@pytest.mark.skipif(not Path("/bin/bash").exists(), reason="needs bash")
def test_head_c1_keeps_exit_code_1(repo: Path) -> None:
    done = subprocess.run(
        f'"{sys.executable}" -m xxgk_lint check wrong.txt | head -c1; exit "${{PIPESTATUS[0]}}"',
        shell=True,
        executable="/bin/bash",
        cwd=repo,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == b""


@pytest.mark.skipif(sys.platform == "win32", reason="closes the child's stdout with preexec_fn")
def test_a_closed_stdout_is_one_line_and_exit_2(repo: Path) -> None:
    """Started with stdout closed (``>&-``): the findings would be lost without a word."""
    done = subprocess.run(
        [sys.executable, "-m", "xxgk_lint", "check", "--format", "json", "clean.txt"],
        cwd=repo,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "xxgk-lint: error: cannot write the output: stdout is closed"
    ]
