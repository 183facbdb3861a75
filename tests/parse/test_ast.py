"""The AST: immutable in fact, addressed by the model's keys, keeping the prose."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from tests.conftest import FIXTURES, seed_files
from xxgk_lint.format import UnknownKeyError
from xxgk_lint.parse import Paragraph, Table, parse_path

SAMPLE = FIXTURES / "samples" / "clean-pipe.txt"


def test_a_report_cannot_be_changed_by_a_rule() -> None:
    report = parse_path(SAMPLE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.year = 2020  # type: ignore[misc]
    with pytest.raises(TypeError):
        report.tables["applications"] = None  # type: ignore[index]
    with pytest.raises(AttributeError):
        report.tables.clear()  # type: ignore[attr-defined]
    table = report.tables["applications"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        table.rows = ()  # type: ignore[misc]
    row = table.rows[0]
    with pytest.raises(AttributeError):
        row.cells = ()  # type: ignore[misc]
    assert isinstance(report.sections, tuple) and isinstance(table.rows, tuple)
    assert isinstance(row.cells, tuple)


def test_a_report_pickles_for_worker_processes() -> None:
    report = parse_path(SAMPLE)
    again = pickle.loads(pickle.dumps(report))
    assert again.tables["applications"].cell("received", "total").value == 9
    assert again.period == report.period


def test_a_cells_span_is_a_span_when_read_however_it_is_stored() -> None:
    """The parser stores a cell's span as its five values (a Span is made when read): the
    cell reads, compares, prints, pickles and is replaced as one holding a Span."""
    from xxgk_lint.parse.ast import Cell, Span, as_span

    cell = parse_path(SAMPLE).tables["applications"].cell("received", "total")
    assert cell is not None
    span = Span(24, 44, 24, 45)
    assert type(cell.span) is Span and cell.span == span and cell.span.where is None
    made = Cell("total", "9", 9, "number", span)  # as a plugin builds one
    assert cell == made and hash(cell) == hash(made) and made.span is span
    assert (
        repr(cell)
        == repr(made)
        == (
            "Cell(column='total', raw='9', value=9, kind='number', "
            "span=Span(line=24, column=44, end_line=24, end_column=45, where=None))"
        )
    )
    assert type(cell._asdict()["span"]) is Span
    again = pickle.loads(pickle.dumps(cell))
    assert type(again) is Cell and type(again.span) is Span and again == cell
    moved = cell._replace(span=Span(3, 4, 3, 5, "page 2"))
    assert moved.span.where == "page 2" and moved.value == 9
    assert as_span(None) is None and as_span(span) is span and as_span(tuple(span)) == span


def test_a_rows_cells_are_cells_when_read_however_they_are_stored() -> None:
    """The parser stores a row's cells and span as plain tuples of their fields (Cells and
    the Span are made when read): the row reads, compares, prints, pickles and is replaced
    as one built of Cells and a Span."""
    from xxgk_lint.parse.ast import Cell, Row, Span, as_cell

    row = parse_path(SAMPLE).tables["applications"].row("received")
    assert row is not None and type(row[3][0]) is type(row[2]) is tuple  # (as stored)
    made = Row(*row[:2], row.span, tuple(map(as_cell, row[3])), *row[4:])  # as a plugin does
    assert type(row.span) is Span and row.span == made.span and made.span is made[2]
    assert all(type(c) is Cell for c in row.cells) and made.cells is made[3]
    assert row.cells == made.cells and row == made and hash(row) == hash(made)
    assert repr(row) == repr(made) and "cells=(Cell(column='natural_person'" in repr(row)
    assert row._asdict() == made._asdict() and type(row._asdict()["cells"][0]) is Cell
    assert type(row._asdict()["span"]) is Span
    for column in row.columns:
        assert type(row.cell(column)) is Cell and row.cell(column) == made.cell(column)
        assert row.value(column) == made.value(column) == made.cell(column).value  # type: ignore[union-attr]
    with pytest.raises(UnknownKeyError, match="has no column 'totl'"):
        row.value("totl")
    again = pickle.loads(pickle.dumps(row))
    assert type(again) is Row and again == row and type(again.cells[0]) is Cell
    moved = row._replace(cells=tuple(c._replace(span=Span(1, 2, 1, 3)) for c in row.cells))
    assert moved.cells[0].span == Span(1, 2, 1, 3) and moved.cells is moved[3]
    mixed = row._replace(cells=(made.cells[0], *row[3][1:]))  # (some Cells, some not)
    assert mixed.cells == made.cells and all(type(c) is Cell for c in mixed.cells)


def test_a_key_the_model_does_not_have_raises_naming_it() -> None:
    report = parse_path(SAMPLE)
    with pytest.raises(UnknownKeyError, match="no table 'proactve'"):
        report.table("proactve")
    table = report.table("applications")
    assert table is not None
    with pytest.raises(UnknownKeyError, match="has no row 'grantd'"):
        table.row("grantd")
    with pytest.raises(UnknownKeyError, match="row 'granted' has no column 'totl'"):
        table.cell("granted", "totl")
    with pytest.raises(UnknownKeyError, match="no section 'problem'"):
        report.section("problem")
    # A key the model has but the report lacks is None, not an error.
    assert parse_path(seed_files()[2]).table("proactive").row("regulations") is None  # type: ignore[union-attr]


def test_sections_keep_their_paragraphs_and_tables_in_order() -> None:
    report = parse_path(SAMPLE)
    kinds = {s.key: [type(b).__name__ for b in s.blocks] for s in report.sections}
    assert kinds["overview"] == ["Paragraph"]
    assert kinds["applications"] == ["Table"]
    assert kinds["problems"] == ["Paragraph", "Paragraph"]
    section = report.section("applications")
    assert section is not None and isinstance(section.blocks[0], Table)
    assert section.tables[0] is report.tables["applications"]


def test_sentences_of_section_one_have_their_numbers_with_spans() -> None:
    (seed,) = [p for p in seed_files() if p.name.startswith("001")]
    report = parse_path(seed)
    overview = report.section("overview")
    assert overview is not None
    sentence = next(s for s in overview.sentences if "共收到政府信息公开申请" in s.text)
    assert sentence.text == "2024年,我局共收到政府信息公开申请22件,其中线上申请3件,线下申请19件。"
    numbers = [(n.value, n.unit) for n in sentence.numbers]
    assert numbers == [(2024, "年"), (22, "件"), (3, "件"), (19, "件")]
    lines = seed.read_text(encoding="utf-8").split("\n")
    for number in sentence.numbers:
        span = number.span
        assert lines[span.line - 1][span.column - 1 : span.end_column - 1] == number.text


def test_a_sentence_wrapped_over_lines_is_one_sentence(tmp_path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "共收到政府信息公开申请9件", "共收到政府信息公开\n申请9件"
    )
    path = tmp_path / "wrapped.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_path(path)
    sentence = next(s for s in report.sentences if "共收到政府信息公开申请9件" in s.text)
    (claim,) = [c for c in sentence.claims if c.value == 9]
    assert {"receive", "application"} <= claim.topics
    assert claim.span.line == sentence.span.end_line  # the 9 stands on the second line


def test_paragraph_spans_lead_back_into_an_html_page() -> None:
    page = FIXTURES / "reading" / "cms-standard.html"
    report = parse_path(page)
    lines = page.read_text(encoding="utf-8").split("\n")
    paragraph = next(p for p in report.paragraphs if "数据期限" in p.text)
    assert isinstance(paragraph, Paragraph)
    assert report.period is not None and report.period.start is not None
    span = report.period.span
    assert lines[span.line - 1][span.column - 1 :].startswith("数据期限截止时间为2023年12月31日")


_LEAD_INS = {
    "二、主动公开政府信息情况": "本年度主动公开政府信息261条。",
    "三、收到和处理政府信息公开申请情况": "本年度共收到政府信息公开申请9件，\n具体情况如下：",
    "四、政府信息公开行政复议、行政诉讼情况": "本年度发生行政复议1件。",
}


def _with_lead_ins(text: str) -> str:
    for heading, prose in _LEAD_INS.items():
        text = text.replace(heading + "\n", f"{heading}\n{prose}\n", 1)
    return text


@pytest.mark.parametrize("layout", ["pipe", "tab", "one-per-line"])
def test_prose_between_a_heading_and_its_table_is_a_paragraph(layout: str, tmp_path) -> None:
    from tests.parse.test_layouts import LAYOUTS
    from xxgk_lint.parse.serialize import report_to_json

    text = LAYOUTS[layout](SAMPLE.read_text(encoding="utf-8"))
    plain, with_prose = tmp_path / "plain.txt", tmp_path / "prose.txt"
    plain.write_text(text, encoding="utf-8")
    with_prose.write_text(_with_lead_ins(text), encoding="utf-8")
    before, after = parse_path(plain), parse_path(with_prose)
    # The tables read the same; the lead-ins are the sections' first paragraphs.
    assert report_to_json(after)["tables"] == report_to_json(before)["tables"]
    for key, prose in zip(
        ("proactive", "applications", "reviews"), _LEAD_INS.values(), strict=True
    ):
        section = after.section(key)
        assert section is not None
        assert [type(b).__name__ for b in section.blocks] == ["Paragraph", "Table"]
        assert section.paragraphs[0].text == prose.replace("\n", "")
    table = after.tables["applications"]
    heading = after.section("applications")
    assert heading is not None
    assert table.span.line == heading.paragraphs[0].span.end_line + 1


def test_prose_before_an_html_table_is_a_paragraph(tmp_path) -> None:
    page = FIXTURES / "reading" / "cms-standard.html"
    html = page.read_text(encoding="utf-8")
    lead_in = "<p>2023年,我局共收到政府信息公开申请47件,具体情况如下:</p>\n"
    path = tmp_path / "lead-in.html"
    path.write_text(html.replace('<table border="1"', lead_in + '<table border="1"'), "utf-8")
    before, after = parse_path(page), parse_path(path)
    for key in ("proactive", "applications", "reviews"):
        section = after.section(key)
        assert section is not None
        assert [type(b).__name__ for b in section.blocks] == ["Paragraph", "Table"]
        assert section.paragraphs[0].text == "2023年,我局共收到政府信息公开申请47件,具体情况如下:"
        values = [[(r.key, c.value) for c in r.cells] for r in after.tables[key].rows]
        assert values == [[(r.key, c.value) for c in r.cells] for r in before.tables[key].rows]


def test_a_report_split_into_sentences_pickles_with_their_pending_numbers() -> None:
    report = parse_path(SAMPLE)
    sentences = [s for p in report.paragraphs for s in p.sentences]
    again = pickle.loads(pickle.dumps(report))
    copies = [s for p in again.paragraphs for s in p.sentences]
    assert [s.numbers for s in copies] == [s.numbers for s in sentences]
    assert any(s.numbers for s in copies)
