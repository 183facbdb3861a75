"""Tables printed apart from their sections (after section 六, as an annex, or after the
text) are read, and are their sections' (parse.builder, parse.outline.place_tables);
XG102 notes, as information, each table that stands outside its section."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.reportkit import locate
from tests.rules.helpers import check_text
from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.format import SECTION_ORDER
from xxgk_lint.parse import parse_path

CLEAN = Path(__file__).parents[1] / "rules" / "cases" / "reports" / "clean.txt"
LINES = CLEAN.read_text(encoding="utf-8").split("\n")
# The clean report's parts, by its line numbers (1-based).
HEAD = LINES[0:5]  # title, opening paragraph, 一 and its text, the heading of 二
TABLE_2 = LINES[5:19]
TABLE_3 = LINES[20:48]
TABLE_4 = LINES[49:53]
THREE, FOUR = LINES[19], LINES[48]
END = LINES[53:57]  # 五 and 六


def _lines(*parts: list[str] | str) -> str:
    out: list[str] = []
    for part in parts:
        out.extend([part] if isinstance(part, str) else part)
    return "\n".join(out) + "\n"


#: Reports whose tables stand after section 六: (text, the heading each table follows).
APART = {
    "an annex after 六": _lines(
        HEAD, THREE, FOUR, END, "附件：政府信息公开工作年度报告统计表", TABLE_2, TABLE_3, TABLE_4
    ),
    "after the text, each referred to": _lines(
        HEAD,
        "本年度主动公开情况详见附表1。",
        THREE,
        "本年度收到和处理申请情况详见附表2。",
        FOUR,
        "详见附表3。",
        END,
        "附表1",
        TABLE_2,
        "附表2",
        TABLE_3,
        "附表3",
        TABLE_4,
    ),
    "with a sign-off between": _lines(
        HEAD, THREE, FOUR, END, "测试县人民政府办公室", "2024年1月20日", TABLE_2, TABLE_3, TABLE_4
    ),
}


@pytest.mark.parametrize("text", APART.values(), ids=APART.keys())
def test_tables_after_the_sections_are_read_as_their_sections(tmp_path: Path, text: str) -> None:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_path(path)
    assert [s.key for s in report.sections] == list(SECTION_ORDER)
    licensing = report.tables["proactive"].cell("licensing", "decisions")
    assert licensing is not None and licensing.value == 120
    assert (licensing.span.line, licensing.span.column) == locate(text, "120")
    granted = report.tables["applications"].cell("granted", "total")
    assert granted is not None and granted.value == 4
    assert granted.span.line == locate(text, "三、本年度办理结果")[0]
    review = report.tables["reviews"].cell("review", "upheld")
    assert review is not None and review.value == 1
    for key, table in (("proactive", "proactive"), ("applications", "applications")):
        section = report.section(key)
        assert section is not None and [t.key for t in section.tables] == [table]
    other = report.section("other")
    assert other is not None and other.tables == ()

    file = check_text(tmp_path, text)
    assert [d.code for d in file.diagnostics if d.severity >= Severity.WARNING] == []
    notes = [d for d in file.diagnostics if d.code == "XG102"]
    assert [(d.severity, d.expected, d.actual) for d in notes] == [
        (Severity.INFO, "二", "六"),
        (Severity.INFO, "三", "六"),
        (Severity.INFO, "四", "六"),
    ]
    assert [d.line for d in notes] == [report.tables[k].span.line for k in report.tables]
    assert notes[0].message == (
        "主动公开政府信息情况表不在第二部分“主动公开政府信息情况”中，而在“六、其他需要报告的事项”"
        "之后；格式把这张表列在第二部分"
    )


def test_one_table_after_the_text_the_others_in_place(tmp_path: Path) -> None:
    """Only table 三 stands after 六: it is read, the others stay where they are."""
    text = _lines(HEAD, TABLE_2, THREE, "全年收到申请7件。", FOUR, TABLE_4, END, TABLE_3)
    file = check_text(tmp_path, text, lang="en")
    notes = [d for d in file.diagnostics if d.code == "XG102"]
    assert [(d.line, d.column, d.severity) for d in notes] == [
        (*locate(text, "（本列数据的勾稽关系"), Severity.INFO)
    ]
    assert notes[0].message == (
        "the applications table is not in section 三 '收到和处理政府信息公开申请情况' "
        "(applications received and handled) but after '六、其他需要报告的事项'; the format puts it in section 三"
    )
    report = parse_path(tmp_path / "report.txt")
    total = report.tables["applications"].cell("total", "total")
    assert total is not None and total.value == 7
    assert [d.code for d in file.diagnostics if d.severity >= Severity.WARNING] == []


def test_a_missing_table_is_still_missing(tmp_path: Path) -> None:
    """A section with no table and no table anywhere: XG003, no notice."""
    text = _lines(HEAD, TABLE_2, THREE, "全年收到申请7件。", FOUR, TABLE_4, END)
    file = check_text(tmp_path, text)
    assert [d.code for d in file.diagnostics if d.code in ("XG003", "XG102")] == ["XG003"]
