"""The PDF reader: the text layer as PDFium gives it, located by page; errors as InputError.

The fixtures are made by fixtures/pdf/make_pdf.py (committed with its outputs): two
reports laid out like real ones (grid tables, a page break inside the applications table,
page-number footers, a vertical label), a scan with no text layer, a truncated file, an
encrypted one and a text file named .pdf.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from xxgk_lint.sources import InputError, Source, read_source
from xxgk_lint.sources.pdf import NO_TEXT_LAYER, read_pdf

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "pdf"
REPORTS = ("yunxi-2023", "qinglan-amr-2022")
APPLICANTS = ("natural_person", "business", "research", "public_interest", "legal_service")
APPLICANTS += ("other_org",)


def read(name: str) -> Source:
    return read_source(FIXTURES / name)


def lines_of(source: Source) -> list[str]:
    return source.text.split("\n")


def find(source: Source, line: str) -> int:
    """1-based number of the extracted line equal to ``line``."""
    return lines_of(source).index(line) + 1


# --------------------------------------------------------------------------- text layer


@pytest.mark.parametrize(
    ("name", "row"),
    [
        ("yunxi-2023", "一、本年新收政府信息公开申请数量 18 2 0 0 1 0 21"),
        ("yunxi-2023", "（七）总计 17 2 0 0 1 0 20"),
        ("yunxi-2023", "（三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0"),
        ("yunxi-2023", "行政规范性文件 2 1 9"),
        ("yunxi-2023", "1 0 0 0 1 0 0 0 1 1 0 0 0 0 0"),
        ("qinglan-amr-2022", "一、本年新收政府信息公开申请数量 126 15 0 1 3 2 147"),
        ("qinglan-amr-2022", "四、结转下年度继续办理 5 2 0 0 0 1 8"),
        ("qinglan-amr-2022", "行政事业性收费 3.52"),
    ],
)
def test_a_rows_cells_are_on_one_line(name: str, row: str) -> None:
    assert row in lines_of(read(f"{name}.pdf"))


def test_source_fields() -> None:
    source = read("yunxi-2023.pdf")
    assert source.kind == "pdf"
    assert source.encoding is None
    assert source.path.endswith("yunxi-2023.pdf")
    assert "\r" not in source.text
    assert source.text.endswith("\n")
    # original_lines are the extracted lines, so snippets show what the parser read
    assert source.original_lines == tuple(lines_of(source)[:-1])
    assert source.source_line(1) == "云溪镇人民政府2023年政府信息公开工作年度报告"


@pytest.mark.parametrize(
    ("name", "line", "page"),
    [
        ("yunxi-2023", "云溪镇人民政府2023年政府信息公开工作年度报告", 1),
        ("yunxi-2023", "一、本年新收政府信息公开申请数量 18 2 0 0 1 0 21", 2),
        ("yunxi-2023", "（七）总计 17 2 0 0 1 0 20", 3),
        ("qinglan-amr-2022", "二、上年结转政府信息公开申请数量 4 1 0 0 0 0 5", 1),
        ("qinglan-amr-2022", "（一）予以公开 58 7 0 1 2 1 69", 2),
        (
            "qinglan-amr-2022",
            "2022年度，本局依据《政府信息公开信息处理费管理办法》共发出收费通知0件，收取信",
            3,
        ),
    ],
)
def test_where_names_the_page(name: str, line: str, page: int) -> None:
    source = read(f"{name}.pdf")
    number = find(source, line)
    column = line.index(" ") + 2 if " " in line else 1  # e.g. the first number of a row
    origin = source.origin(number, column)
    assert origin.where == f"第 {page} 页"
    # the extracted position is the position: what `xxgk-lint parse --text` shows
    assert (origin.line, origin.column) == (number, column)


def test_page_number_footer_falls_between_rows() -> None:
    lines = lines_of(read("yunxi-2023.pdf"))
    before = lines.index("4.无正当理由大量反复申请 0 0 0 0 0 0 0")
    assert lines[before + 1] == "- 2 -"
    assert lines[before + 2].startswith("5.要求行政机关确认或重新出")


def test_vertical_label_is_one_character_per_line() -> None:
    lines = lines_of(read("yunxi-2023.pdf"))
    start = lines.index("三")
    assert lines[start : start + 9] == list("三、本年度办理结果")
    assert lines[start + 9] == "（一）予以公开 8 1 0 0 1 0 10"


def test_long_label_is_broken_around_its_numbers() -> None:
    lines = lines_of(read("qinglan-amr-2022.pdf"))
    at = lines.index("1.申请人无正当理由逾期不补")
    assert lines[at + 1 : at + 3] == ["正、行政机关不再处理其政府 2 0 0 0 0 0 2", "信息公开申请"]


def test_lines_are_clean() -> None:
    for name in REPORTS:
        for line in lines_of(read(f"{name}.pdf")):
            assert line == line.rstrip()
            assert not any(ord(ch) < 0x20 for ch in line)


# --------------------------------------------------------------------------- errors


def test_no_text_layer() -> None:
    with pytest.raises(InputError) as info:
        read("scanned.pdf")
    assert str(info.value) == NO_TEXT_LAYER
    assert "ocrmypdf" in str(info.value)


def test_truncated() -> None:
    with pytest.raises(InputError, match=r"^not a readable PDF: damaged, truncated or not a PDF"):
        read("truncated.pdf")


def test_encrypted() -> None:
    with pytest.raises(InputError, match="password-protected"):
        read("encrypted.pdf")


def test_not_a_pdf_named_pdf() -> None:
    with pytest.raises(InputError, match=r"^not a readable PDF: "):
        read("not-a-pdf.pdf")


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog", b"\x00" * 64],
)
def test_garbage(data: bytes) -> None:
    with pytest.raises(InputError):
        read_pdf("x.pdf", data)


@pytest.mark.parametrize("name", ["scanned.pdf", "truncated.pdf", "encrypted.pdf", "not-a-pdf.pdf"])
def test_messages_are_one_line_without_the_path(name: str) -> None:
    with pytest.raises(InputError) as info:
        read(name)
    message = str(info.value)
    assert "\n" not in message
    assert name not in message and str(FIXTURES) not in message


def test_no_other_exception_escapes(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2

    def broken(self: object, *args: object, **kwargs: object) -> str:
        raise ValueError("boom\nsecond line")

    monkeypatch.setattr(pypdfium2.PdfTextPage, "get_text_bounded", broken)
    with pytest.raises(InputError) as info:
        read("yunxi-2023.pdf")
    assert str(info.value) == "not a readable PDF: boom second line"


def test_pdfium_error_while_reading_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2

    def broken(self: object, *args: object, **kwargs: object) -> object:
        raise pypdfium2.PdfiumError("Failed to load page.")

    monkeypatch.setattr(pypdfium2.PdfPage, "get_textpage", broken)
    with pytest.raises(InputError, match=r"^not a readable PDF: failed to load page$"):
        read("yunxi-2023.pdf")


def test_pypdfium2_is_imported_only_when_a_pdf_is_read() -> None:
    code = (
        "import sys, xxgk_lint.sources, xxgk_lint.sources.pdf\n"
        "assert 'pypdfium2' not in sys.modules, 'imported at start-up'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --------------------------------------------------------------------------- tables


def test_fixture_values_are_consistent() -> None:
    """The truth files satisfy every identity of format-2021.md (so a linter finds nothing)."""
    for name in REPORTS:
        tables = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))["tables"]
        apps = tables["applications"]
        columns = (*APPLICANTS, "total")
        for key, row in apps.items():
            assert row["total"] == sum(row[c] for c in APPLICANTS), (name, key)
        leaves = list(apps)[2:23]
        assert len(leaves) == 21
        for c in columns:
            assert apps["total"][c] == sum(apps[k][c] for k in leaves), (name, c)
            assert (
                apps["received"][c] + apps["carried_over"][c]
                == apps["total"][c] + apps["carried_forward"][c]
            ), (name, c)
        for group, row in tables["reviews"].items():
            assert row["total"] == row["upheld"] + row["corrected"] + row["other"] + row["pending"]
            assert group in ("review", "litigation_direct", "litigation_after_review")


@pytest.mark.parametrize("suffix", [".pdf", ".txt"])
@pytest.mark.parametrize("name", REPORTS)
def test_parsed_tables_equal_the_truth(name: str, suffix: str) -> None:
    pytest.importorskip("xxgk_lint.parse")
    from xxgk_lint.parse import parse_source
    from xxgk_lint.parse.serialize import report_to_json

    parsed = report_to_json(parse_source(read(name + suffix)))["tables"]
    truth = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))["tables"]
    assert differences(parsed, truth) == []
    assert parsed == truth


def differences(got: object, want: object, path: str = "") -> list[str]:
    """Where two JSON values differ, one entry per row or cell (readable when it fails)."""
    if isinstance(got, dict) and isinstance(want, dict):
        out: list[str] = []
        for key in [*want, *(k for k in got if k not in want)]:
            if key not in got:
                out.append(f"{path}/{key}: missing")
            elif key not in want:
                out.append(f"{path}/{key}: unexpected {got[key]}")
            else:
                out += differences(got[key], want[key], f"{path}/{key}")
        return out
    return [] if got == want else [f"{path}: {got!r}, expected {want!r}"]
