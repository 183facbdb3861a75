"""Session 41 (audit): a page of thousands of files opens quickly.

A page of 3,312 files took 5–6 s to show in Chromium: its table of thousands of rows and
its 1,633 blocks of findings were laid out whole before the first frame. The file table
is now a grid of rows and each row and each file's findings are skipped while off screen
(``content-visibility: auto``); every fact stays in the page's HTML (nothing needs the
script, which only sorts and filters), so that a reader without JavaScript sees it all.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, TITLE, edit, run_main, write, wrong_total
from tests.report.test_browser import _browser, _Rows, _run
from xxgk_lint.report import assets

#: Files of the run in the browser (enough for many screens of rows).
MANY = 60


def _many(folder: Path) -> list[str]:
    """``MANY`` reports of as many agencies, every third with a wrong total."""
    paths = []
    for n in range(MANY):
        text = wrong_total() if n % 3 == 0 else CLEAN
        text = edit(text, TITLE, TITLE.replace("测试县", f"第{n:02d}县"))
        path = folder / f"r{n:02d}.txt"
        write(path, text)
        paths.append(f"reports/r{n:02d}.txt")
    return paths


def test_rows_and_findings_are_skipped_while_off_screen() -> None:
    css = assets.CSS
    assert "#file-table, #file-table thead, #file-table tbody { display: block; }" in css
    assert "#file-table tr { display: grid;" in css
    assert "repeat(var(--families, 7), 3.4em)" in css
    assert (
        "#file-table tbody tr { content-visibility: auto; contain-intrinsic-size: auto 2.4em; }"
        in css
    )
    assert (
        "#findings details { content-visibility: auto; contain-intrinsic-size: auto 2.4em; }" in css
    )
    assert "#file-table tr[hidden] { display: none; }" in css  # the filter still hides


def test_the_table_is_lean_and_says_its_columns(reports: Path, capsys) -> None:
    run_main(capsys, "report", "reports", "-o", "audit.html", "--lang", "en")
    html = Path("audit.html").read_text(encoding="utf-8")
    assert '<table id="file-table" style="--families: 7">' in html  # XG0 … XG6
    row = re.search(r'<tr data-order="3">.*?</tr>', html)
    assert row is not None
    assert row.group(0).startswith(
        '<tr data-order="3"><td><a href="#f-3">reports/2023/b-total.txt</a></td>'
        '<td>测试县人民政府</td><td class="n">2023</td><td>2021</td><td>text</td>'
        '<td data-sort="1"><span class="status fail">fail</span></td>'
        '<td class="z">0</td><td class="z">0</td><td class="n">1</td><td class="z">0</td>'
        '<td class="z">0</td><td class="z">0</td><td class="n">1</td>'
        '<td><span class="sev error" title="error">XG201</span> row '
    )


def test_every_file_and_its_findings_in_a_browser(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser = _browser()
    monkeypatch.chdir(tmp_path)
    _many(tmp_path / "reports")
    page = tmp_path / "audit.html"
    assert run_main(capsys, "report", "reports", "-o", page).code == 0
    dom = _run(browser, tmp_path / "profile", "--dump-dom", page.as_uri() + "#sort=8:desc")
    assert dom.returncode == 0, dom.stderr[-500:]
    rows = _Rows()
    rows.feed(dom.stdout)
    # sorted by XG2 (one wrong total on every third file), most first; then run order
    wrong = [str(n) for n in range(0, MANY, 3)]
    right = [str(n) for n in range(MANY) if n % 3]
    assert rows.order == wrong[::-1] + right[::-1]
    assert rows.sorted == {"number": "descending"}
    # each failing file's findings, with the source line, are in the page as rendered
    for n in range(0, MANY, 3):
        assert f'<details id="f-{n}"><summary><b>reports/r{n:02d}.txt</b>' in dom.stdout
    assert dom.stdout.count("<mark>8</mark>") == MANY // 3
