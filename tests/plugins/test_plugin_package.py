"""examples/plugin-package: a plugin installed with pip is found through its entry point.

The package is pip-installed once per module into a folder of its own (``--target``) that
the tests put on ``sys.path`` / ``PYTHONPATH``: that is what an installation does for
entry-point discovery, and the shared virtualenv is never changed, so test runs going on
at the same time (and the README's rule table, docs/rules.md) never see ACME's rules. The
finalizer uninstalls it by removing the folder.

pip builds the package with ``--no-build-isolation`` (offline). setuptools older than 70.1
needs the ``wheel`` package to build; where neither is present the test builds the same
wheel itself from the example's ``pyproject.toml`` and pip installs that file.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.engine.reportkit import CLEAN, edit, locate, run_main, run_module, write

EXAMPLE = ROOT / "examples" / "plugin-package"
GROUP = "xxgk_lint.plugins"

#: 行政许可 counts 0 but the overview speaks of 行政许可: ACP001.
LICENSING = edit(
    edit(CLEAN, "行政许可 | 120 |", "行政许可 | 0 |"),
    "主动公开政府信息40条，",
    "主动公开政府信息40条，推进行政许可事项网上办理，",
)


def _toml(path: Path) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        tomllib = pytest.importorskip("tomli", reason="reading pyproject.toml needs tomli on 3.10")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _pip_available() -> bool:
    if importlib.util.find_spec("pip") is None:
        return False
    done = subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True)
    return done.returncode == 0


def _setuptools_builds_offline() -> bool:
    """Whether setuptools can build a wheel here without fetching anything."""
    if importlib.util.find_spec("setuptools") is None:
        return False
    if importlib.util.find_spec("wheel") is not None:
        return True
    version = importlib.metadata.version("setuptools")
    return tuple(int(n) for n in re.findall(r"\d+", version)[:2]) >= (70, 1)


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_wheel(project: Path, out: Path) -> Path:
    """A py3-none-any wheel of a src-layout project, from its pyproject.toml alone."""
    meta = _toml(project / "pyproject.toml")["project"]
    dist = re.sub(r"[-_.]+", "_", meta["name"]).lower()
    info = f"{dist}-{meta['version']}.dist-info"
    files: dict[str, bytes] = {}
    for path in sorted((project / "src").rglob("*.py")):
        files[path.relative_to(project / "src").as_posix()] = path.read_bytes()
    metadata = [
        "Metadata-Version: 2.1",
        f"Name: {meta['name']}",
        f"Version: {meta['version']}",
        f"Summary: {meta.get('description', '')}",
        f"Requires-Python: {meta.get('requires-python', '>=3')}",
        *(f"Requires-Dist: {d}" for d in meta.get("dependencies", [])),
    ]
    files[f"{info}/METADATA"] = ("\n".join(metadata) + "\n").encode()
    files[f"{info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: xxgk-lint-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    points = []
    for group, entries in meta.get("entry-points", {}).items():
        points.append(f"[{group}]")
        points += [f"{name} = {value}" for name, value in entries.items()]
    files[f"{info}/entry_points.txt"] = ("\n".join(points) + "\n").encode()
    record = [_record_line(name, data) for name, data in files.items()]
    files[f"{info}/RECORD"] = ("\n".join([*record, f"{info}/RECORD,,"]) + "\n").encode()
    wheel = out / f"{dist}-{meta['version']}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return wheel


def _forget_the_package() -> None:
    for name in [
        m for m in sys.modules if m == "acme_xxgk_rules" or m.startswith("acme_xxgk_rules.")
    ]:
        del sys.modules[name]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The folder the example package is pip-installed into."""
    if not _pip_available():
        pytest.skip(f"pip is not available to {sys.executable}")
    work = tmp_path_factory.mktemp("plugin-package")
    source = work / "source"  # building writes build/ and *.egg-info: never in examples/
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    target = work / "site"
    what = str(source) if _setuptools_builds_offline() else str(build_wheel(source, work))
    command = [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation"]
    command += ["--no-index", "-q", "--target", str(target), what]
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, f"pip install failed:\n{done.stdout}\n{done.stderr}"
    yield target
    shutil.rmtree(target)  # uninstall
    _forget_the_package()


@pytest.fixture
def installed(site: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The package importable in this process, as an installed one is."""
    monkeypatch.syspath_prepend(str(site))
    yield site
    _forget_the_package()


def child_env(site: Path) -> dict[str, str]:
    return {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}


# ---- the package as written ----


def test_pyproject_declares_the_entry_point() -> None:
    project = _toml(EXAMPLE / "pyproject.toml")
    assert project["build-system"]["build-backend"] == "setuptools.build_meta"
    assert project["project"]["entry-points"][GROUP] == {"acme": "acme_xxgk_rules"}
    assert (EXAMPLE / "src" / "acme_xxgk_rules" / "__init__.py").is_file()
    assert "xxgk-lint" in project["project"]["dependencies"][0]


def test_the_installed_distribution_carries_the_entry_point(site: Path) -> None:
    [dist] = importlib.metadata.distributions(path=[str(site)])
    assert dist.metadata["Name"] == "acme-xxgk-rules"
    [entry] = [e for e in dist.entry_points if e.group == GROUP]
    assert (entry.name, entry.value) == ("acme", "acme_xxgk_rules")
    assert (site / "acme_xxgk_rules" / "licensing.py").is_file()


# ---- loaded through the entry point ----


def test_the_registry_loads_its_rules_through_the_entry_point(installed: Path) -> None:
    from xxgk_lint.engine.plugins import load_registry

    registry = load_registry()
    assert registry.errors == []
    rule = registry.rules["ACP001"]
    assert rule.name == "licensing-zero-but-mentioned"
    assert rule.meta.origin == "acme_xxgk_rules.licensing"
    assert registry.rules["ACP002"].check_run is not None
    assert Path(sys.modules["acme_xxgk_rules"].__file__).is_relative_to(installed)
    assert "XG201" in registry.rules  # the built-in plugin, through the same group


def test_check_reports_its_finding_at_the_cell(
    installed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)  # no config file: only the entry point brings the rule
    write(tmp_path / "r.txt", LICENSING)
    result = run_main(capsys, "check", "--format", "json", "r.txt")
    assert result.code == 0  # a warning
    [finding] = result.diagnostics()
    assert finding["code"] == "ACP001"
    assert (finding["line"], finding["column"]) == locate(
        LICENSING, "0 |", LICENSING.index("行政许可 | 0")
    )
    assert (finding["line"], finding["column"]) == (12, 8)
    assert finding["actual"] == 0
    mention = locate(LICENSING, "推进行政许可")[0]
    assert finding["message"] == (
        f"“行政许可”本年处理决定数量为 0，但总体情况第{mention}行提到了行政许可，请核对表中数字"
    )
    assert run_main(capsys, "check", "--fail-on", "warning", "r.txt").code == 1
    assert (
        run_main(capsys, "check", "--format", "json", "--ignore", "ACP", "r.txt").diagnostics()
        == []
    )


def test_a_clean_report_passes(installed: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "r.txt", CLEAN)
    assert run_main(capsys, "check", "r.txt").code == 0


def test_the_whole_run_rule_compares_the_reports(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "2023.txt", CLEAN)
    write(tmp_path / "2023-修订.txt", CLEAN)
    write(tmp_path / "2022.txt", CLEAN.replace("2023年", "2022年"))
    result = run_module(
        "check",
        "--format",
        "json",
        "--lang",
        "en",
        "--ignore",
        "XG604",  # the built-in rule for the same case: this test is about the plugin's
        ".",
        cwd=tmp_path,
        env=child_env(site),
    )
    assert result.code == 0, result.err
    [finding] = result.diagnostics()
    assert finding["code"] == "ACP002"
    assert Path(finding["path"]).name == "2023.txt"  # the second of the two, by path
    assert (finding["line"], finding["column"]) == (1, 1)
    assert finding["message"] == (
        f"there is already a 2023 report of 测试县人民政府: {Path('.') / '2023-修订.txt'}"
    )


def test_rules_and_explain_in_a_child_process(site: Path, tmp_path: Path) -> None:
    listing = run_module("rules", "--format", "json", cwd=tmp_path, env=child_env(site))
    assert listing.code == 0, listing.err
    by_code = {r["code"]: r for r in listing.json()["rules"]}
    assert by_code["ACP001"]["origin"] == "acme_xxgk_rules.licensing"
    assert by_code["ACP002"]["name"] == "duplicate-report"

    explained = run_module("explain", "ACP001", "--lang", "en", cwd=tmp_path, env=child_env(site))
    assert explained.code == 0, explained.err
    assert explained.out.startswith(
        "ACP001 licensing-zero-but-mentioned: The overview speaks of 行政许可 but the "
        "table counts no licensing decisions\n"
    )
    assert "## Passing form\n一、总体情况\n" in explained.out


def test_the_examples_own_tests_pass_against_the_installed_package(site: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE / "tests")],
        cwd=ROOT,
        env={**os.environ, **child_env(site)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"\b7 passed\b", done.stdout), done.stdout


def test_without_the_package_its_rules_are_gone(tmp_path: Path) -> None:
    """The shared environment itself never has the example installed."""
    listing = run_module("rules", "--format", "json", cwd=tmp_path)
    assert listing.code == 0
    assert not [r for r in listing.json()["rules"] if r["code"].startswith("ACP")]
