"""The scopes of YAML rules (design.md, "Scopes of YAML rules")."""

from __future__ import annotations

import pytest

from tests.engine.reportkit import CLEAN, locate
from xxgk_lint.engine.yamlrules.scopes import LINE_ONE, Scope, scope_names
from xxgk_lint.parse.ast import Span
from xxgk_lint.testing import parse_text

REPORT = parse_text(CLEAN)


def texts(scope: str) -> list[str]:
    found = Scope.parse(scope)
    assert found is not None
    return [piece.text for piece in found.pieces(REPORT)]


def test_text_is_the_title_headings_and_paragraphs_not_the_tables() -> None:
    pieces = texts("text")
    assert pieces[:4] == [
        "测试县人民政府2023年政府信息公开工作年度报告",
        "本报告根据《中华人民共和国政府信息公开条例》编制。"
        "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
        "一、总体情况",
        "2023年，本机关认真贯彻落实《条例》，主动公开政府信息40条，共收到政府信息公开申请7件。",
    ]
    assert "五、存在的主要问题及改进情况" in pieces
    assert not any("|" in p or p == "行政许可" for p in pieces)


def test_a_section_is_its_body_without_its_heading() -> None:
    assert texts("section.problems") == [
        "（一）存在问题。政策解读形式较为单一，部分栏目更新不及时。"
        "（二）改进措施。丰富解读形式。建立栏目更新台账。"
    ]
    assert texts("section.proactive") == []  # a table only
    assert texts("title") == ["测试县人民政府2023年政府信息公开工作年度报告"]


def test_a_table_is_its_labels_and_cells() -> None:
    pieces = texts("table.proactive")
    assert pieces[:4] == ["规章", "0", "0", "0"]
    assert "行政许可" in pieces and "120" in pieces


def test_a_match_is_found_where_it_stands() -> None:
    scope = Scope.parse("text")
    assert scope is not None
    [piece] = [p for p in scope.pieces(REPORT) if "贯彻落实" in p.text]
    start = piece.text.index("40条")
    line, column = locate(CLEAN, "40条")
    assert piece.span_of(start, start + 3) == Span(line, column, line, column + 3)
    [heading] = [p for p in scope.pieces(REPORT) if p.text == "六、其他需要报告的事项"]
    line, column = locate(CLEAN, "其他需要")
    assert heading.span_of(2, 6) == Span(line, column, line, column + 4)


def test_where_a_require_points() -> None:
    problems = REPORT.section("problems")
    assert problems is not None and REPORT.title is not None
    assert Scope("section", "problems").anchor(REPORT) == problems.span
    assert Scope("title").anchor(REPORT) == REPORT.title.span
    fragment = parse_text("六、其他需要报告的事项\n无。\n")
    assert Scope("section", "problems").anchor(fragment) == LINE_ONE
    assert Scope("text").anchor(fragment) == LINE_ONE
    assert Scope("table", "reviews").anchor(fragment) == LINE_ONE


@pytest.mark.parametrize("name", ["section", "section.problem", "table.fees", "prose", ""])
def test_unknown_scopes(name: str) -> None:
    assert Scope.parse(name) is None


def test_every_scope_name_parses() -> None:
    assert [Scope.parse(n).name for n in scope_names()] == scope_names()  # type: ignore[union-attr]
    assert len(scope_names()) == 2 + 6 + 3
