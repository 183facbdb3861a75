"""A PDF's page furniture read by where its pages break (Source.pages): a running header
with no page number on any page, a book's headers (the body's name on page 2, the report's
on page 3) and page numbers printed bare no longer stand among the report's prose — as a
paragraph of their own, in section 五 (hiding XG103's too few sentences), or cutting a
paragraph the page broke inside."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.rules.helpers import result
from tests.sources.pdfs import needs_cjk_font, pages_pdf
from xxgk_lint.parse import parse_source
from xxgk_lint.sources import read_source

BASE = (FIXTURES / "pdf" / "qinglan-amr-2022.txt").read_text(encoding="utf-8").split("\n")
while not BASE[-1]:
    BASE.pop()
CUT = "但仍存在依申请公开答复规范化水平有"  # section 五's first sentence, cut by a page break
AGENCY = "青岚县市场监督管理局"
NAME = "2022年政府信息公开工作年度报告"


def three_pages(heads: list[list[str]], feet: list[list[str]]) -> bytes:
    """The report on three pages, the second break inside section 五's first sentence:
    each page's ``heads`` lines first, its ``feet`` lines last."""
    at = next(i for i, line in enumerate(BASE) if CUT in line)
    cut = BASE[at].index(CUT) + len(CUT)
    body = [*BASE[:at], BASE[at][:cut], BASE[at][cut:], *BASE[at + 1 :]]
    parts = [body[:40], body[40 : at + 1], body[at + 1 :]]
    return pages_pdf([[*h, *p, *f] for h, p, f in zip(heads, parts, feet, strict=True)])


def problems(data: bytes, tmp_path: Path) -> list[str]:
    report = parse_source(read_source(str(tmp_path / "r.pdf"), data))
    section = report.section("problems")
    assert section is not None
    return [p.text for p in section.paragraphs]


@needs_cjk_font
@pytest.mark.parametrize(
    ("heads", "feet"),
    [
        ([[f"{AGENCY} {NAME}"]] * 3, [[], [], []]),  # a running header, no page number
        ([[], [], []], [[f"{AGENCY}办公室 印制"]] * 3),  # a running footer
        ([[], [AGENCY], [NAME]], [[], [], []]),  # a book's headers, once each
        ([[], [], []], [["1"], ["2"], ["3"]]),  # page numbers printed bare
    ],
    ids=["header", "footer", "book", "bare-numbers"],
)
def test_furniture_without_page_marks(heads, feet, tmp_path: Path) -> None:
    data = three_pages(heads, feet)
    source = read_source(str(tmp_path / "r.pdf"), data)
    assert len(source.pages) == 3 and source.pages[0] == 1
    first, second = problems(data, tmp_path)
    assert first.startswith("2022年我局政府信息公开工作虽取得一定成效，")
    assert "规范化水平有待提高、工作人员业务能力参差不齐等问题。" in first
    assert second.startswith("2023年，我局将加强")
    assert not any(
        AGENCY + "办公室" in p or p.endswith(NAME) or p in "123" for p in (first, second)
    )


@needs_cjk_font
def test_too_few_sentences_found_under_a_running_header(tmp_path: Path) -> None:
    """Section 五 has two sentences (XG103): a header at each page (in 五 twice) counted
    as sentences hid it."""
    path = tmp_path / "r.pdf"
    path.write_bytes(three_pages([[f"{AGENCY} {NAME}"]] * 3, [[], [], []]))
    found = [d for d in result(path).diagnostics if d.code == "XG103"]
    assert [(d.code, d.where) for d in found] == [("XG103", "第 2 页")]
