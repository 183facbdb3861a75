"""A table printed as a picture placed through a form XObject (the form holds the image,
the page scales it to its place): the reader keeps the picture as it keeps one drawn on the
page, and XG003 says the table is a picture instead of calling it missing."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEEDS
from tests.rules.helpers import check
from tests.sources.pdfs import lines_pdf_with_form_pictures
from xxgk_lint.sources.model import Figure
from xxgk_lint.sources.pdf import read_pdf

SEED = (SEEDS / "000_046dc01fb9bbe87a.txt").read_text(encoding="utf-8").split("\n")


def with_table_four_as_a_picture() -> list[str | None]:
    """Seed 000's lines, the lines of table 四 (under its heading) a picture."""
    start = next(i for i, line in enumerate(SEED) if line.startswith("四、政府信息公开行政复议"))
    end = next(i for i, line in enumerate(SEED) if line.startswith("五、存在的主要问题"))
    return [*SEED[: start + 1], None, *SEED[end:]]


def test_a_picture_in_a_form_stands_before_the_line_under_it() -> None:
    source = read_pdf("r.pdf", lines_pdf_with_form_pictures(with_table_four_as_a_picture()))
    text = source.text.split("\n")
    (figure,) = source.figures
    assert figure == Figure(figure.line, 1, 2, "", "第 1 页", "picture")
    assert text[figure.line - 1].startswith("五、存在的主要问题")
    assert text[figure.line - 2].startswith("四、政府信息公开行政复议")


def test_xg003_names_the_picture_in_a_form(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(lines_pdf_with_form_pictures(with_table_four_as_a_picture()))
    (found,) = [d for d in check(path) if d.code == "XG003"]
    assert found.message == (
        "政府信息公开行政复议、行政诉讼情况表以图片发布，其中的数字无法核对；统计表应以文字表格发布"
    )
    assert (found.where, found.actual) == ("第 1 页", "图片")
    assert found.line == read_pdf("r.pdf", path.read_bytes()).figures[0].line


def test_a_small_picture_in_a_form_is_no_table() -> None:
    """The form scaled to a seal's size (40 wide): no table."""
    data = lines_pdf_with_form_pictures(with_table_four_as_a_picture())
    width = int(data.split(b"/MediaBox [0 0 ", 1)[1].split(b" ", 1)[0])
    small = data.replace(b"q %d 0 0 " % (width - 100), b"q 40 0 0 ")
    assert small != data
    assert read_pdf("r.pdf", small).figures == ()
