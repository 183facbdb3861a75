"""Session 41: every built-in rule family heads its count column with a name, XG5 and XG6
too (they had a bare code, no word of what they count)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.reportkit import run_main
from tests.report.conftest import HOSTILE


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


@pytest.mark.parametrize(
    ("lang", "error", "info"), [("zh", "错误", "提示"), ("en", "errors", "infos")]
)
def test_the_bar_chart_has_a_key_to_its_colours(
    reports: Path, capsys, lang: str, error: str, info: str
) -> None:
    """The bars are split by severity in three colours, and nothing said which is which."""
    run_main(capsys, "report", "reports", "-o", "audit.html", "--lang", lang)
    page = Path("audit.html").read_text(encoding="utf-8")
    key = page[page.index("<figcaption>") : page.index("</figcaption>")]
    assert (
        f'<small><span class="key"><i style="background:#cf222e"></i>{error}</span> '
        f'<span class="key"><i style="background:#0969da"></i>{info}</span></small>'
    ) in key  # (no warning in this run: no key for it)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "· 检查了 <code>reports/2023</code>、<code>reports/2022/f-clean.txt</code>、"
            "<code>reports/2022/g-broken.txt</code> 等 4 处</p>",
        ),
        (
            "en",
            "· checked <code>reports/2023</code>, <code>reports/2022/f-clean.txt</code>, "
            "<code>reports/2022/g-broken.txt</code> and 1 more</p>",
        ),
    ],
)
def test_the_page_says_what_it_audits(reports: Path, capsys, lang: str, said: str) -> None:
    """A page mailed around said when it was made, not what was checked."""
    paths = ["reports/2023", "reports/2022/f-clean.txt", "reports/2022/g-broken.txt", "reports"]
    run_main(capsys, "report", *paths, "-o", "audit.html", "--lang", lang)
    page = Path("audit.html").read_text(encoding="utf-8")
    assert said in page


def test_a_hostile_path_is_escaped_under_the_title(reports: Path, capsys) -> None:
    run_main(capsys, "report", f"reports/2023/{HOSTILE}", "-o", "audit.html")
    page = Path("audit.html").read_text(encoding="utf-8")
    escaped = "reports/2023/e-&lt;script&gt;alert(1)&lt;/script&gt;.txt"
    assert f"· 检查了 <code>{escaped}</code></p>" in page
