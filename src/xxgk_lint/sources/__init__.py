"""Readers: turn a file's bytes into a :class:`~xxgk_lint.sources.model.Source`.

One entry point, :func:`read_source`, picks the reader by the file's content and name. The
HTML, Word and PDF readers are imported only when such a file is met, so linting plain
text never pays for their libraries.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from xxgk_lint.sources.limits import DEFAULT_LIMITS, Limits, over
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

#: File endings picked up when a directory is walked (the config can change the set): the
#: kinds read, and the document kinds a body may have sent its report in that are not
#: read (Word 97-2003, WPS, OFD), so that such a report is one line of the run (XG001,
#: with how to convert it) and not left out of a folder's count without a word.
DEFAULT_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".doc", ".wps", ".ofd")

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


def suffix_of(path: str) -> str:
    """``Path(path).suffix.lower()``, without making a Path (twice for every file read)."""
    name = os.path.basename(path)
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def sniff_kind(path: str, data: bytes) -> str:
    """Decide which reader handles the file, by magic bytes first and the name second."""
    suffix = suffix_of(path)
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
    Only regular files are read: a directory, a named pipe, a device or a socket is named
    as such without being opened, so that reading never blocks or runs without end.
    """
    path = str(path)
    if data is None:
        data = read_file(path, limits.max_file_bytes)
    elif len(data) > limits.max_file_bytes:
        raise over("max-file-bytes", limits.max_file_bytes, f"{len(data)} bytes")
    suffix = suffix_of(path)
    kind = sniff_kind(path, data)
    if suffix in _UNSUPPORTED and kind not in ("html", "pdf", "docx"):
        raise InputError(f"{_UNSUPPORTED[suffix]} is not supported; {_CONVERT_HINT}")
    if kind == "ole":
        raise InputError(f"a legacy Office (.doc/.wps) file is not supported; {_CONVERT_HINT}")
    if kind == "zip":
        raise InputError(f"a zip archive that is not a Word .docx document; {_CONVERT_HINT}")
    if kind == "pdf":
        from xxgk_lint.sources.pdf import read_pdf

        return read_pdf(path, data, limits)
    if kind == "docx":
        from xxgk_lint.sources.docx import read_docx

        return read_docx(path, data, limits)
    if kind == "html":
        from xxgk_lint.sources.html import read_html

        return read_html(path, data, limits)
    from xxgk_lint.sources.text import read_text

    return read_text(path, data, limits)


#: What a file that is not a regular file is, by its mode.
_NOT_REGULAR = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


class NotRegularFile(InputError):
    """A path that is a folder, a named pipe, a device or a socket (what it is, in one
    line): named, never opened to wait for a writer or read without end."""


def read_file(path: str, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    The file's type is checked before it is opened (opening a FIFO waits for a writer),
    and again on the open file (:func:`read_regular`); no more than ``limit + 1`` bytes
    are read, so a file that grows or lies about its size costs no more.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _os_error(exc) from None
    _check_regular(info.st_mode)
    if info.st_size > limit:
        raise over("max-file-bytes", limit, f"{info.st_size} bytes")
    try:
        data = read_regular(path, limit)
    except OSError as exc:
        raise _os_error(exc) from None
    if len(data) > limit:
        raise over("max-file-bytes", limit, f"more than {limit} bytes")
    return data


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """At most ``limit + 1`` bytes of the regular file ``path`` (more than ``limit``: the
    caller says it is too large); :class:`NotRegularFile` for anything else, ``OSError``
    as the system gives it. Opened non-blocking and looked at through the open
    descriptor: a named pipe put there (or swapped in after a look at the path) is named,
    never waited on. Reports, config files and rule files are read through it."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        _check_regular(os.fstat(fd).st_mode)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)


def _check_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    for test, message in _NOT_REGULAR:
        if test(mode):
            raise NotRegularFile(message)
    raise NotRegularFile("is not a regular file")


def _os_error(exc: OSError) -> InputError:
    """One line for the user saying why the file could not be read."""
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file")
    if isinstance(exc, PermissionError):
        return InputError("permission denied")
    if isinstance(exc, IsADirectoryError):
        return InputError("is a directory")
    if exc.errno == errno.ELOOP:
        return InputError("a loop of symbolic links")
    return InputError(f"cannot read the file ({exc.strerror or type(exc).__name__})")
