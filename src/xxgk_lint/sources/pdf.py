"""Read a PDF report's text layer with pypdfium2 (PDFium).

PDFium is fast and keeps a table row's cells on one line, separated by single spaces,
where other extractors scatter them one per line. Tables are not rebuilt here: what a text
layer does to them (page numbers between rows, a vertical label one character per line, a
long label broken around its numbers) is read by the parser, which sees the same damage in
text copied out of PDFs by hand. Each extracted line is located by its page ("第 3 页"),
which is what a person can find in a PDF viewer; its line and column are those of the
extracted text, as ``xxgk-lint parse --text`` shows it.

pypdfium2 is imported only when a PDF is read: it loads a native library, and linting
plain text must not pay for that.
"""

from __future__ import annotations

import re

from xxgk_lint.sources.limits import DEFAULT_LIMITS, Limits, over
from xxgk_lint.sources.model import InputError, Source, TextBuilder
from xxgk_lint.sources.pdf_streams import check_streams

__all__ = ["read_pdf"]

NO_TEXT_LAYER = (
    "the PDF has no text layer (a scanned image?); run OCR on it first, "
    "e.g. `ocrmypdf in.pdf out.pdf`"
)
PASSWORD_PROTECTED = (
    "the PDF is password-protected; remove the password first, "
    "e.g. `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`"
)

# PDFium's document-loading error codes (fpdfview.h, FPDF_ERR_*).
_ERR_FORMAT = 3
_ERR_PASSWORD = 4
_ERR_SECURITY = 5

# Control characters PDFium may leave in a text layer (NUL, soft-hyphen markers, form
# feeds, U+FFFE/U+FFFF non-characters); tabs and newlines are kept.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


def read_pdf(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Source:
    """Read a PDF report; raise :class:`InputError` for anything that is not readable text.

    Nothing else escapes: a damaged file can make PDFium fail in many ways, and the user
    needs one line saying the file could not be read, not a traceback. The limits are
    checked before PDFium does the work they bound: the streams before any page is
    loaded, the page count before the pages, the objects of a page before its text.
    """
    if not data.strip():
        raise InputError("the file is empty")
    check_streams(data, limits)
    try:
        pages = _extract_pages(data, limits)
    except InputError:
        raise
    except Exception as exc:  # PDFium fails in many ways on a broken file
        raise InputError(f"not a readable PDF: {_one_line(exc)}") from None
    if not pages:
        raise InputError("the PDF has no pages")
    if not any(text.strip() for text in pages):
        raise InputError(NO_TEXT_LAYER)

    builder = TextBuilder(max_lines=limits.max_lines)
    lines: list[str] = []
    for page_no, text in enumerate(pages, start=1):
        if not text.strip():
            continue  # an empty page (or a scanned one among text pages) adds no line
        where = f"第 {page_no} 页"
        for line in text.split("\n"):
            builder.add(line, where=where)
            builder.newline()
            lines.append(line)
    text, positions = builder.build()
    return Source(
        path=path,
        kind="pdf",
        encoding=None,
        text=text,
        positions=positions,
        original_lines=tuple(lines),
    )


def _extract_pages(data: bytes, limits: Limits) -> list[str]:
    """The text of each page, with LF line ends and no control characters."""
    try:
        import pypdfium2 as pdfium
    except ImportError:  # a broken install: say so instead of a traceback
        raise InputError("cannot read PDF files: the pypdfium2 package is missing") from None

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == _ERR_PASSWORD:
            raise InputError(PASSWORD_PROTECTED) from None
        if code == _ERR_SECURITY:
            raise InputError("the PDF is encrypted with an unsupported security handler") from None
        if code == _ERR_FORMAT:  # PDFium's own words ("Data format error") do not say why
            raise InputError(
                "not a readable PDF: damaged, truncated or not a PDF (PDFium: data format error)"
            ) from None
        raise InputError(f"not a readable PDF: {_one_line(exc)}") from None
    try:
        count = len(document)
        if count > limits.max_pdf_pages:
            raise over("max-pdf-pages", limits.max_pdf_pages, f"{count} pages")
        pages: list[str] = []
        limit = limits.max_pdf_page_chars
        for index in range(count):
            page = document[index]
            try:
                objects = pdfium.raw.FPDFPage_CountObjects(page.raw)
                if objects > limit:
                    raise over(
                        "max-pdf-page-chars", limit, f"{objects} objects on page {index + 1}"
                    )
                textpage = page.get_textpage()
                try:
                    chars = textpage.count_chars()
                    if chars > limit:
                        raise over(
                            "max-pdf-page-chars", limit, f"{chars} characters on page {index + 1}"
                        )
                    pages.append(_normalise(textpage.get_text_bounded()))
                finally:
                    textpage.close()
            finally:
                page.close()
        return pages
    finally:
        document.close()


def _normalise(text: str) -> str:
    """PDFium ends lines with CRLF; the parser wants LF and no control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))


def _one_line(exc: BaseException) -> str:
    """An exception as a short clause: one line, no trailing period."""
    message = " ".join(str(exc).split()) or type(exc).__name__
    message = message.rstrip(".")
    return message[:1].lower() + message[1:]
