"""A table printed as a picture in a PDF (prose as text, the table pasted as a screenshot):
the reader keeps where the picture stands among the page's lines, and XG003 says the
table is a picture instead of calling it missing."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEEDS
from tests.rules.helpers import check
from tests.sources.pdfs import lines_pdf_with_pictures
from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.sources.model import Figure
from xxgk_lint.sources.pdf import read_pdf
from xxgk_lint.sources.pdf_pictures import may_hold_pictures

SEED = (SEEDS / "000_046dc01fb9bbe87a.txt").read_text(encoding="utf-8").split("\n")


def with_table_four_as_a_picture() -> list[str | None]:
    """Seed 000's lines, the lines of table 四 (under its heading) a picture."""
    start = next(i for i, line in enumerate(SEED) if line.startswith("四、政府信息公开行政复议"))
    end = next(i for i, line in enumerate(SEED) if line.startswith("五、存在的主要问题"))
    return [*SEED[: start + 1], None, *SEED[end:]]


def test_the_picture_stands_before_the_line_under_it() -> None:
    lines = with_table_four_as_a_picture()
    source = read_pdf("r.pdf", lines_pdf_with_pictures(lines))
    text = source.text.split("\n")
    (figure,) = source.figures
    assert figure == Figure(figure.line, 1, 2, "", "第 1 页", "picture")
    assert text[figure.line - 1].startswith("五、存在的主要问题")  # the line under it
    assert text[figure.line - 2].startswith("四、政府信息公开行政复议")  # the line above


def test_xg003_says_the_table_is_a_picture(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(lines_pdf_with_pictures(with_table_four_as_a_picture()))
    (found,) = [d for d in check(path) if d.code == "XG003"]
    assert found.severity is Severity.WARNING
    assert found.message == (
        "政府信息公开行政复议、行政诉讼情况表以图片发布，其中的数字无法核对；统计表应以文字表格发布"
    )
    assert (found.where, found.actual) == ("第 1 页", "图片")
    source = read_pdf("r.pdf", path.read_bytes())
    assert found.line == source.figures[0].line and found.column == 1


def test_a_small_picture_is_no_table(tmp_path: Path) -> None:
    """A picture narrower than a third of the page (a seal, a logo) is not kept: table 四
    left out is missing."""
    data = lines_pdf_with_pictures(with_table_four_as_a_picture())
    width = int(data.split(b"/MediaBox [0 0 ", 1)[1].split(b" ", 1)[0])
    small = data.replace(b"q %d 0 0 " % (width - 100), b"q 40 0 0 ")
    assert small != data
    path = tmp_path / "r.pdf"
    path.write_bytes(small)
    assert read_pdf("r.pdf", small).figures == ()
    (found,) = [d for d in check(path) if d.code == "XG003"]
    assert (found.severity, found.message) == (
        Severity.ERROR,
        "缺少政府信息公开行政复议、行政诉讼情况表",
    )


def test_a_pdf_without_pictures_is_not_looked_at() -> None:
    data = lines_pdf_with_pictures([line for line in with_table_four_as_a_picture() if line])
    assert b"/Image" in data  # (the XObject is there, drawn nowhere)
    assert read_pdf("r.pdf", data).figures == ()


def test_only_an_image_xobject_makes_the_pages_looked_at() -> None:
    """Most producers name the image procedure sets on every page (``/ProcSet [/PDF /Text
    /ImageB /ImageC /ImageI]``): no reason to look at a page's objects."""
    assert not may_hold_pictures(b"<< /ProcSet [/PDF /Text /ImageB /ImageC /ImageI] >>")
    assert not may_hold_pictures(b"<< /Type /XObject /Subtype /Form >>")
    assert may_hold_pictures(b"<< /Type /XObject /Subtype /Image /Width 2 >>")
    assert may_hold_pictures(b"<</Type/XObject/Subtype/Image/Width 2>>")
    assert may_hold_pictures(b"<< /Subtype\n/Image >>")
