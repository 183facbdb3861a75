"""``xxgk_lint.api``: one file as bytes in, a picklable result out; ``check``'s output back.

The Dask recipe of docs/api.md is run as written, on a LocalCluster of two workers, and
must print what ``xxgk-lint check`` prints.
"""

from __future__ import annotations

import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.engine.reportkit import CLEAN, run_main, write, wrong_total
from xxgk_lint import api
from xxgk_lint.engine.config import Config, ConfigError


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "reports" / "a.txt", CLEAN)
    write(tmp_path / "reports" / "b.txt", wrong_total())
    (tmp_path / "reports" / "c.txt").write_bytes(b"\x00\x01 broken")
    shutil.copy(FIXTURES / "html" / "qingshan-jiaotong-2023.html", tmp_path / "reports" / "d.html")
    return tmp_path


def test_check_bytes_returns_a_picklable_result() -> None:
    result = api.check_bytes("incoming/b.txt", wrong_total().encode("utf-8"))
    assert result.path == "incoming/b.txt"
    assert [d.code for d in result.diagnostics] == ["XG201"]  # one wrong cell, one finding
    assert (result.agency, result.year, result.format_version) == ("测试县人民政府", 2023, "2021")
    assert result.status(result.fail_on) == "fail"
    again = pickle.loads(pickle.dumps(result))
    assert again == result


def test_the_name_picks_the_reader() -> None:
    data = (FIXTURES / "html" / "qingshan-jiaotong-2023.html").read_bytes()
    assert api.check_bytes("x.html", data).kind == "html"
    assert api.check_bytes("x.txt", CLEAN.encode("gb18030")).kind == "text"


def test_bad_bytes_are_an_unreadable_result() -> None:
    result = api.check_bytes("x.txt", b"\x00\x01\x02")
    assert result.unreadable
    assert [d.code for d in result.diagnostics] == ["XG001"]


def test_a_config_object_or_file(tmp_path: Path) -> None:
    data = wrong_total().encode("utf-8")
    ignoring = Config(ignore=("XG201",), lang="en")
    result = api.check_bytes("b.txt", data, ignoring)
    # with XG201 off, the column identity (XG203) reports the wrong cell
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("XG203", 24, 44)]
    assert result.diagnostics[0].message.startswith("row '一、本年新收")
    config = write(tmp_path / "strict.yaml", "select: [XG2]\nfail-on: warning\n")
    assert [d.code for d in api.check_bytes("b.txt", data, config).diagnostics] == ["XG201"]
    with pytest.raises(ConfigError, match="names no known rule"):
        api.check_bytes("b.txt", data, Config(select=("XG9",)))


def test_render_is_what_check_prints(repo: Path, capsys) -> None:
    names = api.discover(["reports"])
    assert names == ["reports/a.txt", "reports/b.txt", "reports/c.txt", "reports/d.html"]
    results = [api.check_bytes(n, Path(n).read_bytes()) for n in names]
    for fmt in ("json", "text", "sarif", "gitlab"):
        expected = run_main(capsys, "check", "--isolated", "--format", fmt, "reports").out
        assert api.render(fmt, results) == expected


def test_discover_takes_a_path_or_several_and_says_what_it_skips(repo: Path) -> None:
    (repo / "reports" / "e.txt").symlink_to("nowhere.txt")
    assert api.discover("reports") == api.discover([Path("reports")])
    skipped: list[str] = []
    names = api.discover(["reports", "reports/a.txt"], skipped=skipped)
    assert names == ["reports/a.txt", "reports/b.txt", "reports/c.txt", "reports/d.html"]
    assert skipped == ["reports/e.txt: 符号链接指向的文件不存在，已跳过"]
    with pytest.raises(FileNotFoundError, match=r"^gone: no such file or directory$"):
        api.discover(["reports", "gone"])


def test_check_bytes_takes_a_path_as_the_name_and_refuses_text() -> None:
    data = wrong_total().encode("utf-8")
    assert api.check_bytes(Path("b.txt"), data).path == "b.txt"
    with pytest.raises(TypeError, match="data must be bytes, not str"):
        api.check_bytes("b.txt", wrong_total())  # type: ignore[arg-type]


def _dask_or_skip() -> None:
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        done = subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "dask[distributed]>=2024.1,<2027"],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if done.returncode != 0:
            pytest.skip(f"dask cannot be installed here: {done.stderr.strip()[-300:]}")


def test_the_dask_recipe_prints_what_check_prints(repo: Path, capsys) -> None:
    _dask_or_skip()
    docs = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    block = re.search(
        r"<!-- dask-recipe:start -->\n```python\n(.*?)```\n<!-- dask-recipe:end -->", docs, re.S
    )
    assert block is not None, "docs/api.md lost its recipe markers"
    recipe = write(repo / "check_on_dask.py", block.group(1))
    for number in range(12):
        write(
            repo / "reports" / "more" / f"r{number:02d}.txt", wrong_total() if number % 3 else CLEAN
        )
    (repo / "reports" / "more" / "s.txt").symlink_to("nowhere.txt")  # skipped: a run error
    done = subprocess.run(
        [sys.executable, str(recipe), "reports"],
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    expected = run_main(capsys, "check", "--isolated", "--format", "json", "reports")
    assert done.stdout == expected.out, done.stderr[-2000:]
    assert (done.returncode, expected.code) == (2, 2)  # c.txt cannot be read, s.txt skipped
    assert expected.json()["summary"]["files"] == 16
    assert expected.json()["summary"]["run_errors"] == [
        "reports/more/s.txt: 符号链接指向的文件不存在，已跳过"
    ]
    assert "xxgk-lint: reports/more/s.txt: 符号链接指向的文件不存在，已跳过" in done.stderr
    # a folder that is not there: one line and 2, as check says (not a clean empty run)
    done = subprocess.run(
        [sys.executable, str(recipe), "gone"], cwd=repo, capture_output=True, text=True
    )
    assert (done.returncode, done.stdout, done.stderr.strip()) == (
        2,
        "",
        "check_on_dask: gone: no such file or directory",
    )


def test_a_plugin_that_fails_to_load_on_the_worker_is_in_every_result(tmp_path: Path) -> None:
    """A plugin installed on the client only: the worker's results carry its failure, so
    that the run the client makes of them exits 2 with it, as ``check`` does (it passed)."""
    plugin = write(tmp_path / "agency" / "directory.py", "import agency_directory_client\n")
    config = write(tmp_path / "agency.yaml", f"plugins: ['{plugin}']\nlang: en\n")
    data = wrong_total().encode("utf-8")
    results = [api.check_bytes(name, data, config) for name in ("a.txt", "b.txt")]
    expected = (
        f"{plugin.relative_to(Path.cwd()) if plugin.is_relative_to(Path.cwd()) else plugin}:1: "
        f"local plugin {plugin} ({config}) failed to import: ModuleNotFoundError: "
        "No module named 'agency_directory_client'"
    )
    assert [r.errors for r in results] == [(expected,), (expected,)]
    results = pickle.loads(pickle.dumps(results))
    client = api.result_run(results, Config(lang="en"))  # the client loads no such plugin
    assert (client.exit_code, client.run_errors) == (2, (expected,))
    same = api.result_run(results, config)  # the client fails too: the line once
    assert (same.exit_code, same.run_errors) == (2, (expected,))
    assert expected in api.render("text", results, Config(lang="en"))
