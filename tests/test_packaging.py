"""The wheel carries the grammar and the built-in rules, and works without the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import FIXTURES, ROOT


def test_wheel_ships_grammar_and_rules_and_runs_from_them(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("xxgk_lint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "xxgk_lint/grammar/report.lark" in names
    assert "xxgk_lint_rules/arithmetic.py" in names
    assert "xxgk_lint/schemas/check-output-v1.schema.json" in names
    entry_points = [n for n in names if n.endswith("entry_points.txt")]
    assert entry_points
    text = zipfile.ZipFile(wheel).read(entry_points[0]).decode()
    assert "[xxgk_lint.plugins]" in text and "builtin = xxgk_lint_rules" in text

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    code = (
        "import xxgk_lint, xxgk_lint.grammar as g, pathlib;"
        "from xxgk_lint.parse.grammar import grammar_text;"
        "print(pathlib.Path(xxgk_lint.__file__).parent.parent);"
        "print(pathlib.Path(g.__file__).parent);"
        "print(len(grammar_text()) > 1000)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    package_root, grammar_dir, loaded = done.stdout.split()
    assert Path(package_root) == site
    assert Path(grammar_dir) == site / "xxgk_lint" / "grammar"
    assert loaded == "True"
    check = subprocess.run(
        [
            sys.executable,
            "-m",
            "xxgk_lint",
            "check",
            "--color",
            "never",
            str(FIXTURES / "samples" / "wrong-total.txt"),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert check.returncode == 1
    assert "XG201" in check.stdout
