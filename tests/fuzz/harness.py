"""The fuzz suite's tools: seeded mutations, a hang guard, the CLI run in-process, invariants.

Every case, whatever made it, must keep the same four promises (issue 14): no traceback,
an exit code in {0, 1, 2}, the input files unchanged, and the same output on a second run.
``check_cli`` asserts all four; ``check_source`` asserts what a reader promises about the
:class:`~xxgk_lint.sources.Source` it returns.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import random
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from xxgk_lint.sources import InputError, Source, read_source

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"

#: Readable reports of every kind, the seeds of the mutations.
SEED_FILES = (
    FIXTURES / "samples" / "clean-pipe.txt",
    FIXTURES / "reports" / "tab-fullwidth.txt",
    FIXTURES / "reports" / "lines-web-chrome.txt",
    FIXTURES / "reports" / "markdown-headers.md",
    FIXTURES / "reports" / "gb18030.txt",
    FIXTURES / "html" / "qingshan-jiaotong-2023.html",
    FIXTURES / "html" / "yunxi-shengtai-2023.html",
    FIXTURES / "html" / "baisha-zhen-2023.html",
    FIXTURES / "docx" / "qingshan-jiaotong-2023.docx",
    FIXTURES / "docx" / "yunxi-shengtai-2023.docx",
    FIXTURES / "pdf" / "yunxi-2023.pdf",
    FIXTURES / "pdf" / "qinglan-amr-2022.pdf",
)

EXTENSIONS = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".doc", ".wps", ".xyz", "")


# --------------------------------------------------------------------------- mutations


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def insert(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.randbytes(rng.randint(1, 64)) + data[at:]


def cut(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + data[at + rng.randint(1, 4096) :]


def shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    rng.shuffle(lines)
    return b"\n".join(lines)


def duplicate_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    at = rng.randrange(len(lines))
    return b"\n".join(lines[:at] + lines[at : at + 20] * rng.randint(2, 5) + lines[at:])


def reencode(data: bytes, rng: random.Random) -> bytes:
    """The same text in another encoding (what a text file copied elsewhere becomes)."""
    for source in ("utf-8", "gb18030"):
        try:
            text = data.decode(source)
            break
        except UnicodeDecodeError:
            continue
    else:
        return data
    target = rng.choice(("gb18030", "utf-16", "utf-8-sig", "big5", "latin-1", "shift_jis"))
    return text.encode(target, errors="replace")


def splice(data: bytes, rng: random.Random) -> bytes:
    """Part of this file followed by part of another seed."""
    other = rng.choice(SEED_FILES).read_bytes()
    return data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1) :]


MUTATIONS: tuple[Callable[[bytes, random.Random], bytes], ...] = (
    truncate,
    flip,
    insert,
    cut,
    shuffle_lines,
    duplicate_lines,
    reencode,
    splice,
)


def mutate(data: bytes, seed: int, rounds: int = 1) -> bytes:
    """``rounds`` mutations of ``data``, chosen and applied by ``random.Random(seed)``."""
    rng = random.Random(seed)
    for _ in range(rounds):
        data = rng.choice(MUTATIONS)(data, rng)
    return data


# --------------------------------------------------------------------------- hang guard


class Hang(Exception):
    """A case ran longer than its guard allows."""


@contextlib.contextmanager
def hang_guard(seconds: float) -> Iterator[None]:
    """Raise :class:`Hang` in this thread after ``seconds`` of this process's CPU time
    (POSIX main thread only).

    A guard against hanging the suite, not a speed test: the allowance is many times what
    the case needs. CPU time, not wall time, so that a machine busy with other work does
    not stop a case that is merely waiting its turn. Python's regular-expression engine
    checks for signals as it runs, so a backtracking pattern is stopped too.
    """
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGPROF, alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


# --------------------------------------------------------------------------- readers


def check_source(path: str, data: bytes) -> Source | None:
    """Read ``data`` as ``path``; assert the reader's promises; None if it was refused.

    A reader either refuses the file with one line (InputError) or returns a Source whose
    text has LF line ends, whose every position leads somewhere, and whose grid rows hold
    one field per cell, left to right, in the same place on a second read.
    """
    try:
        source = read_source(path, data)
    except InputError as exc:
        message = str(exc)
        assert message and "\n" not in message, repr(message)
        return None
    again = read_source(path, data)
    assert again.text == source.text
    assert dict(again.grid) == dict(source.grid)
    text = source.text
    assert isinstance(text, str) and "\r" not in text
    lines = text.split("\n")
    for number, row in source.grid.items():
        assert 1 <= number <= len(lines)
        fields = lines[number - 1].split("\t")
        assert len(fields) == len(row.cells), (lines[number - 1], row)
        end = 0
        for cell in row.cells:
            assert cell.column >= end and cell.span >= 1 and cell.rows >= 1, row
            end = cell.column + cell.span
    for number in range(1, len(lines) + 1, max(1, len(lines) // 50)):
        line = lines[number - 1]
        for column in {1, len(line) + 1, len(line) // 2 + 1}:
            origin = source.origin(number, column)
            assert origin.line >= 1 and origin.column >= 1
            assert origin == again.origin(number, column)
            if source.kind == "html":
                assert origin.line <= len(source.original_lines)
    return source


# --------------------------------------------------------------------------- the CLI


@dataclass(frozen=True)
class Outcome:
    code: int
    out: bytes
    err: bytes

    def text(self) -> str:
        return (self.out + self.err).decode("utf-8", errors="replace")


class _Stream(io.TextIOWrapper):
    """A text stream over bytes, as a pipe is: UTF-8, not a terminal."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8", errors="strict", write_through=True)

    def isatty(self) -> bool:
        return False

    def value(self) -> bytes:
        self.flush()
        return self.buffer.getvalue()  # type: ignore[attr-defined]


def run_cli(*argv: str, guard: float = 60.0) -> Outcome:
    """``xxgk-lint ARGV`` in this process, its output captured as bytes.

    An exception that escapes ``main`` is what a user sees as a traceback: it is returned
    as exit code -1 with the traceback in ``err``, so that the invariants fail on it.
    """
    from xxgk_lint.cli.main import main

    out, err = _Stream(), _Stream()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        with hang_guard(guard):
            code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 2
    except Exception:
        import traceback

        err.write(traceback.format_exc())
        code = -1
    finally:
        sys.stdout, sys.stderr = saved
    return Outcome(code, out.value(), err.value())


def run_subprocess(*argv: str, cwd: Path, timeout: float = 60.0) -> Outcome:
    """``python -m xxgk_lint ARGV`` in a child process, with a hard timeout."""
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "xxgk_lint", *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    return Outcome(done.returncode, done.stdout, done.stderr)


def digest(paths: list[Path]) -> dict[str, str]:
    """SHA-256 of every file under ``paths`` (symlinks as their targets' names)."""
    found: dict[str, str] = {}
    for root in paths:
        for path in [root, *root.rglob("*")] if root.is_dir() else [root]:
            if path.is_symlink():
                found[str(path)] = "-> " + os.readlink(path)
            elif path.is_file():
                found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def check_cli(argv: list[str], inputs: list[Path], guard: float = 60.0) -> Outcome:
    """Run ``argv`` twice in-process and assert the four invariants; return the outcome."""
    before = digest(inputs)
    first = run_cli(*argv, guard=guard)
    assert "Traceback (most recent call last)" not in first.text(), first.text()
    assert first.code in (0, 1, 2), (first.code, first.text())
    assert digest(inputs) == before, "an input file was changed"
    second = run_cli(*argv, guard=guard)
    assert second == first, "a second run gave other output"
    return first
