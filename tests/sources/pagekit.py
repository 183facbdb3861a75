"""What the tests of qingshan's page inside a portal's chrome share: the CLI's JSON, and
the check that the whole report was read (its six sections, table 三's （七）总计 at its
digits in the page)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

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
