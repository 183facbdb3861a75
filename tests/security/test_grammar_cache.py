"""No compiled grammar is ever read from a shared place (issue 15: code execution through a
planted cache).

Lark's own cache is a pickle in the temporary directory; anyone who can write there could
plant one. xxgk-lint ships its parse tables inside the package instead. The test plants,
at the very paths Lark would use for each of the project's grammars, a pickle that creates
a marker file when it is loaded, runs ``check`` and ``parse`` with that temporary directory,
and asserts the marker does not exist.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from lark import Lark

from tests.conftest import FIXTURES
from xxgk_lint.parse.compile import lark_lexer
from xxgk_lint.parse.grammar import grammar_specs, grammar_text


class _Plant:
    """Unpickling this runs ``open(marker, "w")``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def plant(genuine: bytes, marker: Path) -> bytes:
    """A cache file as Lark reads it (the grammar's hash on the first line, then the
    pickle), whose pickle creates ``marker`` when loaded."""
    first_line = genuine.split(b"\n", 1)[0]
    return first_line + b"\n" + pickle.dumps(_Plant(marker))


def _lark_cache_files(tmp: Path) -> list[Path]:
    """The cache files Lark writes for the project's grammars, with TMPDIR = ``tmp``."""
    saved = tempfile.tempdir
    tempfile.tempdir = str(tmp)
    try:
        for spec in grammar_specs().values():
            Lark(
                grammar_text(spec.file),
                parser="lalr",
                lexer=lark_lexer(spec),
                start=list(spec.start),
                cache=True,
            )
    finally:
        tempfile.tempdir = saved
    return sorted(tmp.glob(".lark*"))


def test_a_cache_planted_in_the_temporary_directory_is_never_loaded(tmp_path: Path) -> None:
    tmpdir = tmp_path / "shared-tmp"
    tmpdir.mkdir()
    planted = _lark_cache_files(tmpdir)
    assert planted, "Lark wrote no cache file: the test would prove nothing"
    marker = tmp_path / "owned"
    for path in planted:
        path.write_bytes(plant(path.read_bytes(), marker))
    env = {**os.environ, "TMPDIR": str(tmpdir), "TEMP": str(tmpdir), "TMP": str(tmpdir)}
    sample = FIXTURES / "samples" / "clean-pipe.txt"
    for command in (["check", str(sample)], ["parse", str(sample)]):
        done = subprocess.run(
            [sys.executable, "-m", "xxgk_lint", *command],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert not marker.exists(), f"`xxgk-lint {command[0]}` loaded a planted cache"
