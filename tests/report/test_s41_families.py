"""Session 41: every built-in rule family heads its count column with a name, XG5 and XG6
too (they had a bare code, no word of what they count)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.reportkit import run_main


@pytest.mark.parametrize(
    ("lang", "xg5", "xg6"),
    [
        ("zh", "XG5 正文与统计表", "XG6 跨年度比较"),
        ("en", "XG5 prose vs tables", "XG6 across years"),
    ],
)
def test_prose_and_across_year_families_are_named(
    reports: Path, capsys, lang: str, xg5: str, xg6: str
) -> None:
    assert run_main(capsys, "report", "reports", "-o", "audit.html", "--lang", lang).code == 2
    page = Path("audit.html").read_text(encoding="utf-8")
    assert f'<th data-type="number" title="{xg5}">XG5</th>' in page
    assert f'<th data-type="number" title="{xg6}">XG6</th>' in page
