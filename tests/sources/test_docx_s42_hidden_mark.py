"""A paragraph whose mark alone is hidden (w:vanish on the paragraph mark, its text shown)
runs into the next paragraph: Word shows the two on one line, and so does the reader."""

from __future__ import annotations

from tests.sources.test_docx_s42_fields_tracked import edited, line_of

HEADING = (
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr></w:pPr>'
    "<w:r><w:rPr><w:b/></w:rPr><w:t>{}</w:t></w:r></w:p>"
)


def test_a_heading_in_two_paragraphs_the_first_mark_hidden_is_one_line() -> None:
    """ "一、" typed in a paragraph whose mark is hidden, "总体情况" in the next (the list
    numbering removed): the heading was read as two lines, 一、 and 总体情况."""

    def edit(xml: str) -> str:
        return xml.replace(
            HEADING.format("总体情况"),
            "<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>一、</w:t></w:r></w:p>"
            "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>总体情况</w:t></w:r></w:p>",
            1,
        )

    source, report = edited("yunxi-shengtai-2023", edit)
    line = line_of(source, "一、总体情况")
    assert source.text.split("\n")[line - 1] == "一、总体情况"
    assert report.sections[0].number == "一" and report.sections[0].key == "overview"
    assert report.sections[0].span.line == line
    assert source.origin(line, 1).where == "第 3 段"
    assert source.origin(line, 3).where == "第 4 段"
    # the next heading is still numbered 二、 by Word's list (its first item now)
    assert report.sections[1].number is not None


def test_a_hidden_mark_before_a_table_ends_its_line() -> None:
    def edit(xml: str) -> str:
        return xml.replace(
            HEADING.format("收到和处理政府信息公开申请情况"),
            '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'
            "<w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:rPr><w:b/></w:rPr>"
            "<w:t>收到和处理政府信息公开申请情况</w:t></w:r></w:p>",
            1,
        )

    source, report = edited("yunxi-shengtai-2023", edit)
    line = line_of(source, "三、收到和处理政府信息公开申请情况")
    assert source.text.split("\n")[line - 1] == "三、收到和处理政府信息公开申请情况"
    assert [s.key for s in report.sections][2] == "applications"
