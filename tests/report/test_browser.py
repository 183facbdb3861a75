"""The audit page in a real browser: headless Chromium renders it, offline.

Chromium is installed from Debian with apt-get when it is missing and the tests run as
root (as on CI: the tests install it, `.ci/run` runs only the README's test command;
:mod:`tests.system`); elsewhere these tests are skipped, saying why. A CJK font is
installed the same way when none is present, so that the screenshot is legible. The
page is rendered with the network off (``--disable-background-networking``; the page's
own Content-Security-Policy forbids any load), the DOM is read back after its script ran,
and a screenshot is saved in the test's temporary folder.
"""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.engine.reportkit import run_main
from tests.system import apt_install, install_cjk_font

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def _browser() -> str:
    """Chromium's path, installed first if need be; the test is skipped if impossible."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            break
    else:
        problem = apt_install("chromium")
        found = shutil.which("chromium")
        if found is None:
            pytest.skip(f"no Chromium and it cannot be installed: {problem}")
    install_cjk_font()  # legibility only: the asserts need no font
    return found


@pytest.fixture(scope="module")
def browser() -> str:
    return _browser()


def _run(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


class _Rows(HTMLParser):
    """The file table's rows as the browser left them: their order and first cell."""

    def __init__(self) -> None:
        super().__init__()
        self.order: list[str] = []
        self.sorted: dict[str, str] = {}
        self._body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "tbody":
            self._body = True
        elif tag == "tr" and self._body:
            self.order.append(found.get("data-order") or "")
        elif tag == "th" and found.get("aria-sort"):
            self.sorted[found.get("data-type") or "text"] = found["aria-sort"] or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._body = False


def test_the_table_shows_every_file_in_a_browser(
    browser: str, reports: Path, tmp_path: Path, capsys
) -> None:
    page = tmp_path / "audit.html"
    result = run_main(capsys, "report", "reports", "-o", page)
    assert result.code == 2
    url = page.as_uri()
    dom = _run(browser, tmp_path / "profile", "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-500:]
    rows = _Rows()
    rows.feed(dom.stdout)
    assert rows.order == [str(n) for n in range(7)]  # every file, in the order of the run
    for path in ("reports/2022/g-broken.txt", "reports/2023/d-town.txt"):
        assert path in dom.stdout
    shot = tmp_path / "audit.png"
    done = _run(
        browser, tmp_path / "profile", "--window-size=1400,1600", f"--screenshot={shot}", url
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a page, not a blank


def test_the_table_sorts_in_the_browser(
    browser: str, reports: Path, tmp_path: Path, capsys
) -> None:
    page = tmp_path / "audit.html"
    run_main(capsys, "report", "reports", "-o", page, "--lang", "en")
    # the address names a sort: the year column (2), newest first
    dom = _run(browser, tmp_path / "profile", "--dump-dom", page.as_uri() + "#sort=2:desc")
    rows = _Rows()
    rows.feed(dom.stdout)
    assert rows.sorted == {"number": "descending"}
    # 2023's five files (in run order among equals, reversed), then 2022's clean file,
    # then the unreadable one, which has no year
    assert rows.order == ["6", "5", "4", "3", "2", "0", "1"]


def test_the_chinese_page_in_a_browser(browser: str, reports: Path, tmp_path: Path, capsys) -> None:
    """Severity words in Chinese, the file type beside the format version, and a
    heatmap row for every rule with findings, as the browser renders them."""
    import re

    page = tmp_path / "audit.html"
    run_main(capsys, "report", "reports", "-o", page)
    # sorted by the file type (column 4): "—" (the unreadable file) first
    dom = _run(browser, tmp_path / "profile", "--dump-dom", page.as_uri() + "#sort=4:asc")
    assert dom.returncode == 0, dom.stderr[-500:]
    rows = _Rows()
    rows.feed(dom.stdout)
    assert rows.sorted == {"text": "ascending"}
    assert rows.order[0] == "1"  # reports/2022/g-broken.txt
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", dom.stdout)
    assert heads[:6] == ["文件", "机关", "年度", "格式版本", "文件类型", "状态"]
    assert '<span class="sev error">错误</span> <code>XG201</code>' in dom.stdout
    assert '<span class="sev info">提示</span> <code>XG604</code>' in dom.stdout
    heat = dom.stdout[dom.stdout.index("规则 × 机关") : dom.stdout.index('id="files"')]
    assert re.findall(r'text-anchor="end" font-size="12">(XG\d+)</text>', heat) == [
        "XG201",
        "XG401",
        "XG604",
    ]
    shot = tmp_path / "audit-zh.png"
    done = _run(
        browser,
        tmp_path / "profile",
        "--window-size=1400,1600",
        f"--screenshot={shot}",
        page.as_uri(),
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
