"""The audit page, read as HTML: totals, the table, the charts, the findings, no network."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.engine.reportkit import run_main
from xxgk_lint.report.charts import heatmap
from xxgk_lint.report.page import CSP, family_of


class _Page(HTMLParser):
    """What a browser would load: every tag with its attributes, and the text of cells."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self.rows.append([])
        elif tag == "td" and self._in_body:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._in_body = False
        elif tag == "td" and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _page(path: Path) -> tuple[str, _Page]:
    html = path.read_text(encoding="utf-8")
    page = _Page()
    page.feed(html)
    return html, page


def test_the_page_lists_every_file_with_its_counts(reports: Path, capsys) -> None:
    result = run_main(capsys, "report", "reports", "-o", "audit.html", "--lang", "en")
    assert result.code == 2  # the broken file, as with check
    assert result.err.splitlines() == [
        "xxgk-lint: reports/2022/g-broken.txt: cannot be checked as an annual report: binary "
        "file (contains NUL bytes), not a text report",
        "xxgk-lint: wrote audit.html: 7 files, 2 pass, 4 fail; 1 file unreadable",
    ]
    html, page = _page(Path("audit.html"))
    paths = [row[0] for row in page.rows]
    assert paths == [
        "reports/2022/f-clean.txt",
        "reports/2022/g-broken.txt",
        "reports/2023/a-clean.txt",
        "reports/2023/b-total.txt",
        "reports/2023/c-fee.txt",
        "reports/2023/d-town.txt",
        "reports/2023/e-<script>alert(1)</script>.txt",
    ]
    by_path = {row[0]: row for row in page.rows}
    # file, agency, year, format version, file type, status, XG0 … XG6, first finding
    assert by_path["reports/2023/b-total.txt"][:11] == [
        "reports/2023/b-total.txt",
        "测试县人民政府",
        "2023",
        "2021",
        "text",
        "fail",
        "0",
        "0",
        "1",  # XG201 alone: one wrong cell, one finding
        "0",
        "0",
    ]
    # XG5, XG6: the XG604 on it (four reports of 测试县人民政府 for 2023) counts on its row
    assert by_path["reports/2023/b-total.txt"][11:13] == ["0", "1"]
    assert by_path["reports/2023/a-clean.txt"][5:13] == ["pass", "0", "0", "0", "0", "0", "0", "1"]
    assert by_path["reports/2023/a-clean.txt"][13].startswith("XG604 4 reports of 测试县人民政府")
    assert by_path["reports/2023/b-total.txt"][13].startswith("XG201 row '一、本年新收")
    assert by_path["reports/2022/g-broken.txt"][1:6] == ["—", "—", "—", "—", "unreadable"]
    assert by_path["reports/2022/f-clean.txt"][5] == "pass"
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", html)
    assert heads[:6] == ["file", "agency", "year", "format version", "file type", "status"]
    totals = dict(re.findall(r'data-total="(\w+)"><b>(\d+)</b>', html))
    assert totals == {
        "files": "7",
        "pass": "2",
        "fail": "4",
        "unreadable": "1",
        "error": "5",
        "warning": "0",
        "info": "4",  # XG604: four reports of 测试县人民政府 for 2023
    }


def test_findings_with_their_source_line(reports: Path, capsys) -> None:
    run_main(capsys, "report", "reports", "-o", "audit.html")
    html, _ = _page(Path("audit.html"))
    section = html[html.index('id="findings"') :]
    assert "<b>reports/2023/b-total.txt</b>" in section
    assert (
        "<pre>一、本年新收政府信息公开申请数量 | 5 | 2 | 0 | 0 | 0 | 0 | <mark>8</mark> |</pre>"
        in section
    )
    assert "应为：7，实际：8" in section
    broken = section[section.index("<b>reports/2022/g-broken.txt</b>") :]
    broken = broken[: broken.index("</details>")]
    assert '<span class="sev error">错误</span> <code>XG001</code>' in broken
    assert "<pre>" not in broken  # nothing of it could be read


def test_report_content_is_escaped(reports: Path, capsys) -> None:
    run_main(capsys, "report", "reports", "-o", "audit.html")
    html, page = _page(Path("audit.html"))
    assert "<script>alert(1)</script>" not in html
    # in the table, over its findings, over the whole-run finding on it, in the three
    # other copies' XG604 findings and in the first finding of a-clean's row (that XG604):
    # never as markup
    assert html.count("reports/2023/e-&lt;script&gt;alert(1)&lt;/script&gt;.txt") == 7
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert scripts == [{}]  # one script: the page's own, inline


def test_nothing_is_loaded_from_anywhere(reports: Path, capsys) -> None:
    run_main(capsys, "report", "reports", "-o", "audit.html")
    html, page = _page(Path("audit.html"))
    meta = [a for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert meta == [{"http-equiv": "Content-Security-Policy", "content": CSP}]
    assert "default-src 'none'" in CSP
    for tag, attrs in page.tags:
        assert "src" not in attrs, tag
        if tag == "link":
            pytest.fail(f"a <link> in the page: {attrs}")
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href
    assert "url(" not in html
    assert "@import" not in html


def test_the_charts_are_inline_svg(reports: Path, capsys) -> None:
    run_main(capsys, "report", "reports", "-o", "audit.html", "--lang", "en")
    html, page = _page(Path("audit.html"))
    svgs = [a for t, a in page.tags if t == "svg"]
    assert len(svgs) == 2
    bars = html[html.index("Findings per rule") :]
    assert "XG201 row-sum</text>" in bars and "XG401 missing-fee-statement</text>" in bars
    heat = html[html.index("Rule × agency") :]
    assert "2 agencies (of 2), most errors first, then most warnings</small>" in heat
    assert "<title>白鹭镇人民政府 · XG401: 1</title>" in heat
    assert "<title>测试县人民政府 · XG201: 2</title>" in heat


def test_chinese_by_default(reports: Path, capsys) -> None:
    run_main(capsys, "report", "reports", "-o", "audit.html")
    html, page = _page(Path("audit.html"))
    assert '<html lang="zh-CN">' in html
    assert "<title>政府信息公开工作年度报告检查结果</title>" in html
    assert {row[5] for row in page.rows} == {"通过", "未通过", "无法读取"}
    assert {row[4] for row in page.rows} == {"文本", "—"}
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", html)
    assert heads[:6] == ["文件", "机关", "年度", "格式版本", "文件类型", "状态"]
    # severities in Chinese too: XG201 is an error, XG604 an info
    assert '<span class="sev error">错误</span> <code>XG201</code>' in html
    assert '<span class="sev info">提示</span> <code>XG604</code>' in html
    assert ">error<" not in html and ">info<" not in html


def test_output_is_required_and_protected(reports: Path, capsys) -> None:
    missing = run_main(capsys, "report", "reports")
    assert missing.code == 2
    assert "the following arguments are required: -o/--output" in missing.err
    refused = run_main(capsys, "report", "reports", "-o", "reports/2023/a-clean.txt")
    assert refused.code == 2
    assert "-o reports/2023/a-clean.txt: refused: that is a checked file" in refused.err


def test_the_heatmap_shows_the_agencies_with_most_findings() -> None:
    counts = {(f"机关{n}", "XG201"): n for n in range(1, 5)}
    svg = heatmap(["XG201"], ["机关4", "机关3"], counts)
    assert svg.count("<rect") == 2
    assert "<title>机关4 · XG201: 4</title>" in svg
    assert heatmap([], ["a"], {}) == ""


def test_families() -> None:
    assert family_of("XG201") == "XG2"
    assert family_of("ACME001") == "ACME0"
    assert family_of("odd") == "odd"


def test_whole_run_findings_decide_a_file_status_too(reports: Path, capsys) -> None:
    """With fail-on info the XG604 on each copy fails it, in the table and the totals; its
    agency's row of the heatmap counts them."""
    run_main(capsys, "report", "reports", "-o", "audit.html", "--lang", "en", "--fail-on", "info")
    html, page = _page(Path("audit.html"))
    by_path = {row[0]: row for row in page.rows}
    assert by_path["reports/2023/a-clean.txt"][5] == "fail"
    assert by_path["reports/2022/f-clean.txt"][5] == "pass"  # 2022: one report, no XG604
    totals = dict(re.findall(r'data-total="(\w+)"><b>(\d+)</b>', html))
    assert (totals["pass"], totals["fail"]) == ("1", "5")
    assert "XG604" in html[html.index("<figure>") : html.index('<section id="files">')]


def test_the_heatmap_ranks_by_errors_and_keeps_every_rule() -> None:
    """c2000's case: the agencies with the most findings all had 6 warnings of XG004 and
    XG201 (errors, elsewhere) had no row. Errors rank first now, then warnings, and a rule
    none of the top agencies has brings in the agency with the most findings of it."""
    from xxgk_lint.report.page import heatmap_agencies

    counts = {(f"W{n}", "XG004"): 6 for n in range(4)}  # 6 warnings each
    counts |= {("E1", "XG201"): 1, ("E2", "XG201"): 2, ("E2", "XG004"): 1}
    counts |= {("I1", "XG604"): 3, ("I2", "XG604"): 3}  # infos only, tied
    totals = {f"W{n}": [0, 6, 0] for n in range(4)}
    totals |= {"E1": [1, 0, 0], "E2": [2, 1, 0], "I1": [0, 0, 3], "I2": [0, 0, 3]}
    shown, added = heatmap_agencies(totals, counts, 3)
    # E2 (2 errors), E1 (1 error), then W0 (6 warnings; W0–W3 tie, by name); XG604 has
    # none of them: I1, the first of the two with 3 findings of it, is added
    assert (shown, added) == (["E2", "E1", "W0", "I1"], 1)
    assert heatmap_agencies(totals, counts, 30) == (
        ["E2", "E1", "W0", "W1", "W2", "W3", "I1", "I2"],
        0,
    )
    # the rule with most findings outside the top: the agency with most of it is added
    counts[("I2", "XG604")] = 5
    assert heatmap_agencies(totals, counts, 2) == (["E2", "E1", "I2"], 1)


def test_every_rule_with_findings_has_a_row_in_the_heatmap(
    reports: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from xxgk_lint.report import page as module

    monkeypatch.setattr(module, "HEATMAP_AGENCIES", 1)
    files = ["reports/2023/b-total.txt", "reports/2023/d-town.txt"]
    run_main(capsys, "report", *files, "-o", "audit.html", "--lang", "en", "--select", "XG2,XG4")
    html, _ = _page(Path("audit.html"))
    heat = html[html.index("Rule × agency") : html.index('<section id="files">')]
    # one error each (XG201 in 测试县人民政府's, XG401 in 白鹭镇人民政府's): the first by
    # name is the one agency of the top, and 白鹭镇人民政府 is added for XG401's row
    assert (
        "<small>1 agency (of 2), most errors first, then most warnings; 1 more, so that "
        "each rule shows an agency with findings of it</small>"
    ) in heat
    assert "<title>测试县人民政府 · XG201: 1</title>" in heat
    assert "<title>白鹭镇人民政府 · XG401: 1</title>" in heat
    assert re.findall(r'text-anchor="end" font-size="12">(XG\d+)</text>', heat) == [
        "XG201",
        "XG401",
    ]
