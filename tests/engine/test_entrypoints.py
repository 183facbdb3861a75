"""Entry points read from ``entry_points.txt`` give what ``importlib.metadata`` gives."""

from __future__ import annotations

import sys
from importlib.metadata import entry_points as reference
from pathlib import Path

import pytest

from tests.engine.reportkit import write
from xxgk_lint.engine import entrypoints
from xxgk_lint.engine.entrypoints import EntryPoint, entry_points


@pytest.mark.parametrize("group", ["xxgk_lint.plugins", "console_scripts", "pytest11"])
def test_the_installed_groups_are_what_importlib_finds(group: str) -> None:
    ours = sorted((e.name, e.value) for e in entry_points(group))
    theirs = sorted((e.name, e.value) for e in reference(group=group))
    assert ours == theirs
    if group == "xxgk_lint.plugins":
        assert ("builtin", "xxgk_lint_rules") in ours


def _dist(root: Path, folder: str, text: str) -> None:
    write(root / folder / "entry_points.txt", text)
    write(root / folder / "METADATA", f"Metadata-Version: 2.1\nName: {folder.split('-')[0]}\n")


def test_a_distribution_on_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _dist(
        tmp_path,
        "acme_rules-1.0.dist-info",
        "# comment\n[console_scripts]\nacme = acme.cli:main\n\n"
        "[xxgk_lint.plugins]\nacme = acme_rules\nmore = acme_rules.extra:PLUGIN [fast]\n",
    )
    # the same distribution again, later on the path: the first one wins
    later = tmp_path / "later"
    _dist(later, "Acme.Rules-2.0.dist-info", "[xxgk_lint.plugins]\nold = old_rules\n")
    monkeypatch.setattr(sys, "path", [*sys.path, str(tmp_path), str(later)])
    ours = sorted((e.name, e.value) for e in entry_points("xxgk_lint.plugins"))
    theirs = sorted((e.name, e.value) for e in reference(group="xxgk_lint.plugins"))
    assert ours == theirs
    assert ("acme", "acme_rules") in ours and ("more", "acme_rules.extra:PLUGIN [fast]") in ours
    assert ("old", "old_rules") not in ours


def test_load_imports_the_module_and_its_attributes() -> None:
    assert EntryPoint("x", "xxgk_lint.engine.entrypoints", "g").load() is entrypoints
    loaded = EntryPoint("x", "xxgk_lint.engine.entrypoints:EntryPoint.load [extra]", "g").load()
    assert loaded is EntryPoint.load
    with pytest.raises(ValueError, match="cannot load"):
        EntryPoint("x", "not a value", "g").load()


def test_a_zip_on_the_path_asks_importlib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "plugins.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty zip archive
    monkeypatch.setattr(sys, "path", [*sys.path, str(archive)])
    asked = []
    import importlib.metadata

    real = importlib.metadata.entry_points

    def spy(**kwargs):
        asked.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(importlib.metadata, "entry_points", spy)
    found = entry_points("xxgk_lint.plugins")
    assert asked == [{"group": "xxgk_lint.plugins"}]
    assert ("builtin", "xxgk_lint_rules") in [(e.name, e.value) for e in found]


def test_check_does_not_import_importlib_metadata(tmp_path: Path) -> None:
    """The point of this module: ``check`` starts without it."""
    import subprocess

    write(tmp_path / "r.txt", "测试\n")
    code = (
        "import sys\n"
        "from xxgk_lint.cli.main import main\n"
        "main(['check', '--isolated', 'r.txt'])\n"
        "assert 'importlib.metadata' not in sys.modules, 'importlib.metadata was imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
