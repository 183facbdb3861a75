"""Session 41 (audit): the heatmap is shaded by errors and warnings, not by infos.

XG604 (an info: an agency's several reports of one year) had the most findings of a large
run and so the darkest row, over the errors that matter to a reader. A cell is shaded by
its errors and warnings now; a cell of infos only is pale blue, its count written in it,
and the heatmap's key says so.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.engine.reportkit import run_main
from xxgk_lint.report.charts import EMPTY, INFO_ONLY, heatmap


def _fills(svg: str) -> dict[str, str]:
    """``agency · code: count`` → the cell's fill."""
    return dict(
        (title, fill) for fill, title in re.findall(r'fill="(#\w+)"><title>([^<]*)</title>', svg)
    )


def test_infos_do_not_darken_a_cell() -> None:
    counts = {("甲局", "XG604"): 40, ("甲局", "XG201"): 2, ("乙局", "XG201"): 1}
    serious = {("甲局", "XG201"): 2, ("乙局", "XG201"): 1}
    svg = heatmap(["XG201", "XG604"], ["甲局", "乙局"], counts, serious)
    assert _fills(svg) == {
        "甲局 · XG201: 2": "#cf222e",  # the most errors and warnings: the darkest
        "乙局 · XG201: 1": "#dd5d65",  # half as many: sqrt(1/2) of the way to red
        "甲局 · XG604: 40": INFO_ONLY,  # forty infos: pale blue, not the darkest
        "乙局 · XG604: 0": EMPTY,
    }
    # the count is written in the info cell, dark on its pale blue
    assert (
        '<text x="76.0" y="172" text-anchor="middle" font-size="10" fill="#1f2328">40</text>' in svg
    )


def test_without_severities_every_finding_shades() -> None:
    """(Called as before, with counts alone, the counts shade the cells.)"""
    svg = heatmap(["XG201"], ["甲局", "乙局"], {("甲局", "XG201"): 4, ("乙局", "XG201"): 1})
    assert _fills(svg) == {"甲局 · XG201: 4": "#cf222e", "乙局 · XG201: 1": "#e7868c"}


@pytest.mark.parametrize(
    ("lang", "serious", "infos"),
    [
        ("zh", "颜色深浅按错误和警告数", "只有提示"),
        ("en", "shaded by errors and warnings", "infos only"),
    ],
)
def test_the_page_shades_by_errors_and_says_so(
    reports: Path, capsys, lang: str, serious: str, infos: str
) -> None:
    run_main(capsys, "report", "reports", "-o", "audit.html", "--lang", lang)
    html = Path("audit.html").read_text(encoding="utf-8")
    heat = html[
        html.index("<figure><figcaption>", html.index("<figure>") + 1) : html.index(
            '<section id="files">'
        )
    ]
    # 测试县人民政府: 2 XG201 errors (the most: red) and 4 XG604 infos (pale blue);
    # 白鹭镇人民政府: 1 XG401 error
    fills = _fills(heat)
    assert fills["测试县人民政府 · XG201: 2"] == "#cf222e"
    assert fills["测试县人民政府 · XG604: 4"] == INFO_ONLY
    assert fills["白鹭镇人民政府 · XG401: 1"] == "#dd5d65"
    assert (
        '<small><span class="key"><i style="width:28px;background:linear-gradient(90deg,'
        f'#f8cfcf,#cf222e)"></i>{serious}</span> <span class="key">'
        f'<i style="background:#ddf4ff"></i>{infos}</span></small></figcaption>'
    ) in heat
