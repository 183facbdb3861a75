"""What the tests of qingshan's page inside a portal's chrome share: the CLI's JSON, and
the check that the whole report was read (its six sections, table 三's （七）总计 at its
digits in the page)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES
from tests.sources.test_html_portal import decoded
from xxgk_lint.cli.main import main

#: The format's six sections, in order: a report read whole.
SIX_SECTIONS = ["overview", "proactive", "applications", "reviews", "problems", "other"]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """``xxgk-lint ARGV`` (a JSON format) in this process, its output read."""
    main(argv)
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


def assert_qingshan_read_whole(report: dict[str, Any], path: Path) -> None:
    """``report`` (one of ``parse --format json --spans``) has qingshan's six sections and
    its （七）总计 of 11 where the page ``path`` writes it."""
    assert [s["key"] for s in report["sections"]] == SIX_SECTIONS
    total = report["tables"]["applications"]["total"]["total"]  # （七）总计: 11
    lines = path.read_text("utf-8").split("\n")
    assert total["value"] == 11
    assert lines[total["line"] - 1][total["column"] - 1 :].startswith("11</p>")


def assert_qingshan_marked_reads_as_written(
    page: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qingshan's ``page`` with a wrong value hidden before each of its tables' numbers
    (as a site marks a page against copying) reads as written: the whole report, 许可 1286
    at its digits, no error."""
    path = tmp_path / "qingshan.html"
    path.write_text(page, "utf-8")
    report = run(["parse", "--format", "json", "--spans", str(path)], capsys)["reports"][0]
    assert_qingshan_read_whole(report, path)
    licensing = report["tables"]["proactive"]["licensing"]["decisions"]
    line = page.split("\n")[licensing["line"] - 1]
    assert licensing["value"] == 1286
    assert line[licensing["column"] - 1 :].startswith("1286</p>")
    checked = run(["check", "--format", "json", str(path)], capsys)
    assert [d["code"] for d in checked["diagnostics"] if d["severity"] == "error"] == []


QINGSHAN = FIXTURES / "html" / "qingshan-jiaotong-2023.html"


def qingshan_in_three_parts() -> tuple[str, tuple[str, str, str], str]:
    """qingshan's page cut as a CMS cuts a report into pages, before 三、 and 五、: what
    stands before its body's content, the three parts, what follows them."""
    page = decoded(QINGSHAN)
    start = page.index(">", page.index("<body")) + 1
    end = page.index("</body>")
    three = page.index("<p", page.index("三、收到和处理") - 40)
    five = page.index("<p", page.index("五、存在的主要问题") - 40)
    return page[:start], (page[start:three], page[three:five], page[five:end]), page[end:]
