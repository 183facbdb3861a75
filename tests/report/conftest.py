"""A small run to build audit pages from: clean reports, findings, an unreadable file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, FEE, TITLE, edit, write, wrong_total

NO_FEE = edit(CLEAN, FEE, "本机关2023年无其他需要报告的事项。")
OTHER_TOWN = edit(NO_FEE, TITLE, TITLE.replace("测试县人民政府", "白鹭镇人民政府"))
#: A file name a browser would run, were it not escaped.
HOSTILE = "e-<script>alert(1)</script>.txt"


@pytest.fixture
def reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Seven files in ``reports/``: 2 clean, 3 failing (two agencies), 1 hostile, 1 broken."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "reports"
    write(folder / "2023" / "a-clean.txt", CLEAN)
    write(folder / "2023" / "b-total.txt", wrong_total())
    write(folder / "2023" / "c-fee.txt", NO_FEE)
    write(folder / "2023" / "d-town.txt", OTHER_TOWN)
    write(folder / "2023" / HOSTILE, wrong_total())
    write(folder / "2022" / "f-clean.txt", CLEAN.replace("2023", "2022"))
    (folder / "2022" / "g-broken.txt").write_bytes(b"\x00\x01\x02\xff")
    return folder
