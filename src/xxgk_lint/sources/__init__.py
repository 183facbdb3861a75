"""Readers: turn a file's bytes into a :class:`~xxgk_lint.sources.model.Source`.

One entry point, :func:`read_source`, picks the reader by the file's content and name. The
HTML, Word and PDF readers are imported only when such a file is met, so linting plain
text never pays for their libraries.
"""

from __future__ import annotations

from pathlib import Path

from xxgk_lint.sources.limits import DEFAULT_LIMITS, Limits
from xxgk_lint.sources.model import InputError, LimitError, Origin, Source, TextBuilder

__all__ = [
    "DEFAULT_EXTENSIONS",
    "DEFAULT_LIMITS",
    "InputError",
    "LimitError",
    "Limits",
    "Origin",
    "Source",
    "TextBuilder",
    "read_source",
]

#: File endings picked up when a directory is walked (the config can change the set).
DEFAULT_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")

_CONVERT_HINT = (
    "xxgk-lint reads .txt, .md, .html/.htm, .docx and .pdf files; convert it first, e.g. "
    "`libreoffice --headless --convert-to docx FILE`"
)
_UNSUPPORTED = {
    ".doc": "a legacy Word .doc file",
    ".wps": "a WPS document",
    ".et": "a WPS spreadsheet",
    ".xls": "a legacy Excel file",
    ".xlsx": "an Excel file",
    ".rtf": "an RTF file",
    ".ofd": "an OFD document",
    ".png": "an image",
    ".jpg": "an image",
    ".jpeg": "an image",
    ".gif": "an image",
    ".bmp": "an image",
    ".tif": "an image",
    ".tiff": "an image",
    ".webp": "an image",
}


def sniff_kind(path: str, data: bytes) -> str:
    """Decide which reader handles the file, by magic bytes first and the name second."""
    suffix = Path(path).suffix.lower()
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if suffix in (".docx", ".docm", ".dotx") or b"word/" in data[:4096]:
            return "docx"
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if suffix in (".html", ".htm", ".xhtml", ".shtml"):
        return "html"
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or (
        suffix not in (".txt", ".md") and b"<html" in lowered
    ):
        return "html"
    if suffix == ".pdf":
        return "pdf"
    if suffix == ".docx":
        return "docx"
    return "text"


def read_source(
    path: str | Path, data: bytes | None = None, *, limits: Limits = DEFAULT_LIMITS
) -> Source:
    """Read ``path`` (or the given bytes) into a Source; raise InputError if impossible.

    ``limits`` bounds what a hostile or huge file may cost (LimitError when one is met).
    """
    path = str(path)
    if data is None:
        try:
            data = Path(path).read_bytes()
        except IsADirectoryError:
            raise InputError("is a directory") from None
        except FileNotFoundError:
            raise InputError("no such file") from None
        except PermissionError:
            raise InputError("permission denied") from None
        except OSError as exc:
            raise InputError(f"cannot read the file ({exc.strerror})") from None
    suffix = Path(path).suffix.lower()
    kind = sniff_kind(path, data)
    if suffix in _UNSUPPORTED and kind not in ("html", "pdf", "docx"):
        raise InputError(f"{_UNSUPPORTED[suffix]} is not supported; {_CONVERT_HINT}")
    if kind == "ole":
        raise InputError(f"a legacy Office (.doc/.wps) file is not supported; {_CONVERT_HINT}")
    if kind == "zip":
        raise InputError(f"a zip archive that is not a Word .docx document; {_CONVERT_HINT}")
    if kind == "pdf":
        from xxgk_lint.sources.pdf import read_pdf

        return read_pdf(path, data)
    if kind == "docx":
        from xxgk_lint.sources.docx import read_docx

        return read_docx(path, data)
    if kind == "html":
        from xxgk_lint.sources.html import read_html

        return read_html(path, data)
    from xxgk_lint.sources.text import read_text

    return read_text(path, data)
