"""Escape sequences in a report never reach the terminal raw (issue 16).

XG302 quotes the statistics period as the report writes it; a hostile report can put
``ESC ] 0 ; … BEL`` (retitle the terminal) and ``ESC [ 2 J`` (clear it) there. Every
format must show them escaped, and the invariant holds: exit code in {0, 1, 2} and no raw
escape byte on stdout.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, PERIOD, edit, run_main, write
from tests.security.kit import assert_invariants
from xxgk_lint.formatters import escape_controls

HOSTILE_PERIOD = (
    "本报告所列数据的统计期限自2023年1月1日起至2023年13月\x1b]0;pwned\x07\x1b[2J31日止。"
)
#: What XG302 quotes of it, escaped as the text and GitHub formats show it.
QUOTED = "统计期限自2023年1月1日起至2023年13月\\x1b]0"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "r.txt", edit(CLEAN, PERIOD, HOSTILE_PERIOD))
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "github", "json", "junit", "sarif"])
@pytest.mark.parametrize("color", ["never", "auto"])
def test_no_raw_escape_reaches_stdout(repo: Path, capsys, fmt: str, color: str) -> None:
    result = run_main(capsys, "check", "--format", fmt, "--color", color, "r.txt")
    assert_invariants(result)
    assert result.code == 0  # XG302 is a warning
    assert "\x07" not in result.out and "\x9b" not in result.out
    if fmt in ("text", "github"):
        assert QUOTED in result.out
    elif fmt == "json":
        [finding] = json.loads(result.out)["diagnostics"]
        assert finding["code"] == "XG302"
        assert "2023年13月\x1b]0" in finding["message"]  # JSON escapes it; the value is exact
    elif fmt == "junit":
        assert QUOTED in ET.fromstring(result.out).find(".//system-out").text


def test_the_escaped_quote_in_the_text_format(repo: Path, capsys) -> None:
    result = run_main(capsys, "check", "--color", "never", "--lang", "en", "r.txt")
    header = result.out.splitlines()[0]
    assert header.startswith("r.txt:2:")
    assert f"XG302 warning: the statistics period '{QUOTED}'" in header


def test_c1_controls_are_escaped_by_json_too(repo: Path, capsys) -> None:
    write(repo / "r.txt", edit(CLEAN, PERIOD, HOSTILE_PERIOD.replace("\x1b[", "\x9b")))
    result = run_main(capsys, "check", "--format", "json", "r.txt")
    assert "\x9b" not in result.out
    assert "\\u009b" in result.out or "\\u001b" in result.out


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("a\tb\nc", "a\tb\nc"),
        ("\r\x00\x7f\x9b\x85", "\\x0d\\x00\\x7f\\x9b\\x85"),
        ("统计期限", "统计期限"),
    ],
)
def test_escape_controls(raw: str, shown: str) -> None:
    assert escape_controls(raw) == shown
