"""The wheel and the sdist carry everything, and the wheel works in a fresh environment.

Built with setuptools itself (``pip wheel --no-build-isolation`` and
``setuptools.build_meta.build_sdist``), as ``python -m build`` would, but without needing
the network for an isolated build environment. The fresh virtual environment gets the
wheel and its dependencies from the package index pip is configured with, and the
``xxgk-lint`` console script must work there, far from this checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

#: Files the wheel must hold: the grammar, the built-in rules, the JSON schema, the hooks.
WHEEL_FILES = (
    "xxgk_lint/grammar/report.lark",
    "xxgk_lint_rules/arithmetic.py",
    "xxgk_lint/schemas/check-output-v1.schema.json",
    "xxgk_lint/schemas/check-output-v2.schema.json",
    "xxgk_lint/engine/hookspecs.py",
    "xxgk_lint/py.typed",
)


def _pip_wheel(source: Path, out: Path) -> Path:
    out.mkdir(exist_ok=True)
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    subprocess.run(
        [*pip, "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("xxgk_lint-*.whl")
    return wheel


def _clean_copy(target: Path) -> Path:
    """The checkout's tracked files, copied: a build in place would reuse setuptools'
    ``build/`` folder, whose stale modules (a file since removed) would land in the wheel."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True
    ).stdout.decode("utf-8")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The wheel and the sdist of this checkout (its tracked files, as a clone has them)."""
    out = tmp_path_factory.mktemp("dist")
    source = _clean_copy(tmp_path_factory.mktemp("checkout"))
    wheel = _pip_wheel(source, out / "wheel")
    code = (
        "import sys; from setuptools import build_meta; print(build_meta.build_sdist(sys.argv[1]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(out / "sdist")],
        cwd=source,
        check=True,
        capture_output=True,
        text=True,
    )
    sdist = out / "sdist" / done.stdout.split()[-1]
    return wheel, sdist


def test_the_wheel_holds_the_grammar_the_rules_and_the_entry_points(built) -> None:
    wheel, _ = built
    archive = zipfile.ZipFile(wheel)
    names = archive.namelist()
    for name in WHEEL_FILES:
        assert name in names, name
    [entry_points] = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    text = archive.read(entry_points).decode()
    assert "[console_scripts]\nxxgk-lint = xxgk_lint.cli.main:main" in text
    assert "[xxgk_lint.plugins]\nbuiltin = xxgk_lint_rules" in text
    [metadata] = [n for n in names if n.endswith(".dist-info/METADATA")]
    meta = archive.read(metadata).decode()
    assert "Requires-Python: >=3.10" in meta
    assert 'Requires-Dist: colorama<1,>=0.4.6; sys_platform == "win32"' in meta


def test_the_sdist_builds_the_same_wheel(built, tmp_path: Path) -> None:
    wheel, sdist = built
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path)  # our own archive, just built
    (unpacked,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert (unpacked / "grammar" / "report.lark").is_file()
    again = _pip_wheel(unpacked, tmp_path / "again")
    assert sorted(zipfile.ZipFile(again).namelist()) == sorted(zipfile.ZipFile(wheel).namelist())


def test_the_console_script_works_in_a_fresh_environment(built, tmp_path: Path) -> None:
    wheel, _ = built
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q"]
    subprocess.run(
        [*pip, "--no-compile", "--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
    )
    script = venv / ("Scripts/xxgk-lint.exe" if os.name == "nt" else "bin/xxgk-lint")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update({"NO_COLOR": "1", "PYTHONUTF8": "1"})
    sample = FIXTURES / "samples" / "wrong-total.txt"
    done = subprocess.run(
        [str(script), "check", "--lang", "en", str(sample)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "XG201 error" in done.stdout
    assert done.stdout.splitlines()[-1] == "Checked 1 file: 1 error, 0 warnings."
    where = subprocess.run(
        [str(python), "-c", "import xxgk_lint.grammar as g, pathlib; print(g.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    grammar = Path(where.stdout.strip()).parent / "report.lark"
    assert grammar.is_file()
    assert venv in grammar.parents  # from the installed wheel, not from this checkout
