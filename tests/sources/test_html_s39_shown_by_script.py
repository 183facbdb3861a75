"""A page that writes its report in a block hidden by its own ``style`` (or ``hidden``)
and shows it by a script once loaded: the block is read, as one hidden by the page's
stylesheet is; what is hidden inside it or beside it stays hidden."""

from __future__ import annotations

import pytest

from tests.sources.places import place
from xxgk_lint.sources.html import read_html

PARAGRAPH = "本机关坚持以公开为常态、不公开为例外，全年主动公开政府信息。" * 4  # 120 characters


def report(hidden_old_value: str) -> str:
    paragraphs = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(10))
    return (
        f"<p>一、总体情况</p>{paragraphs}<table><tr><td>行政许可</td>"
        f"<td>{hidden_old_value}1493</td></tr></table>"
    )


@pytest.mark.parametrize("hiding", ['style="display:none"', "hidden", 'style="visibility: hidden"'])
def test_a_report_hidden_until_a_script_shows_it_is_read(hiding: str) -> None:
    old = '<span style="display:none">7</span>'
    raw = (
        f'<html><body><div class="nav">首页</div><div id="zoom" {hiding}>{report(old)}</div>'
        "<script>document.getElementById('zoom').style.display='block'</script></body></html>"
    )
    source = read_html("t.html", raw.encode())
    lines = source.text.splitlines()
    assert lines[:2] == ["首页", "一、总体情况"]
    assert lines[-1] == "行政许可\t1493"  # the old value inside stays hidden
    assert place(source, len(lines), 6) == (1, raw.index("1493") + 1)


def test_a_hidden_copy_beside_the_shown_report_stays_hidden() -> None:
    raw = (
        f'<html><body><div style="display:none">{report("")}</div>'
        f"<div>{report('')}</div></body></html>"
    ).replace("1493</td></tr></table></div><div>", "88</td></tr></table></div><div>", 1)
    source = read_html("t.html", raw.encode())
    assert source.text.count("一、总体情况") == 1
    assert source.text.endswith("行政许可\t1493\n")


def test_other_years_reports_hidden_as_tabs_stay_hidden() -> None:
    """The report shown, two other years' hidden beside it (tabs a script switches): the
    hidden hold most of the page, but each is a report of its own, and the page shows one
    at a time. Read as shown: one report (before, three, and XG007 on the second)."""
    hidden = [report("").replace("1493", value) for value in ("88", "77")]
    raw = (
        f'<html><body><div id="tab1">{report("")}</div>'
        + "".join(
            f'<div id="tab{n}" style="display:none">{r}</div>'
            for n, r in ((2, hidden[0]), (3, hidden[1]))
        )
        + "</body></html>"
    )
    source = read_html("t.html", raw.encode())
    assert source.text.count("一、总体情况") == 1
    assert source.text.endswith("行政许可\t1493\n")
