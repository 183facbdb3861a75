"""Writing what the command line prints, whatever the terminal or the stream.

* Text (``text``, ``github``) goes to stdout in the stream's own encoding; a character it
  cannot encode (a Chinese message on a cp1252 Windows console, a rare character on GBK)
  is replaced by ``?``, never a crash.
* Machine formats (``json``, ``sarif``, ``junit``, ``gitlab``) must stay valid documents: on a UTF-8
  stream they are written as they are; on any other they are written in ASCII, with
  ``\\uXXXX`` escapes (JSON) or ``&#xXXXX;`` references (XML), which every ASCII-compatible
  encoding carries unchanged.
* ``--output-file`` is always UTF-8, written to a temporary file in the same folder and
  then renamed over the target (``os.replace``), so a reader never sees half a file; a
  device or a FIFO (``/dev/null``, ``/dev/stdout``) is written to directly.
* Messages on stderr are one line, with control characters shown escaped.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from xxgk_lint.formatters import escape_controls
from xxgk_lint.memo import compiled

MACHINE_FORMATS = ("json", "sarif", "junit", "gitlab")

_NON_ASCII = r"[^\x00-\x7f]"  # compiled when first needed


def prepare_stderr() -> None:
    """Make stderr unable to fail on a character (``PYTHONIOENCODING=ascii:strict``)."""
    reconfigure = getattr(sys.stderr, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(Exception):
            reconfigure(errors="backslashreplace")


def error_line(message: str) -> None:
    """Print ``xxgk-lint: MESSAGE`` to stderr as one safe line."""
    text = escape_controls(" ".join(message.splitlines()) or message)
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"xxgk-lint: {text}\n")
        sys.stderr.flush()


def _is_utf8(encoding: str | None) -> bool:
    if not encoding:
        return False
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


def _json_escape(match: re.Match[str]) -> str:
    point = ord(match.group())
    if point <= 0xFFFF:
        return f"\\u{point:04x}"
    point -= 0x10000
    return f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}"


def ascii_document(text: str, fmt: str) -> str:
    """A JSON or XML document with every non-ASCII character escaped by the format's rules.

    Non-ASCII characters can only stand inside JSON strings, and XML character references
    are valid in its text and attribute values, so the document means the same.
    """
    if fmt == "junit":
        return text.encode("ascii", "xmlcharrefreplace").decode("ascii")
    return compiled(_NON_ASCII).sub(_json_escape, text)


def encodable(text: str, fmt: str, encoding: str | None) -> str:
    """``text`` as it can be written to a stream of ``encoding`` (see the module)."""
    if _is_utf8(encoding):
        return text
    if fmt in MACHINE_FORMATS:
        return ascii_document(text, fmt)
    try:
        text.encode(encoding or "ascii")
        return text
    except UnicodeEncodeError:
        return text.encode(encoding or "ascii", "replace").decode(encoding or "ascii")
    except LookupError:
        return text.encode("ascii", "replace").decode("ascii")


class OutputError(Exception):
    """Writing to stdout failed (a full disk, ``/dev/full``, a closed stream)."""


@contextlib.contextmanager
def _output_errors() -> Iterator[None]:
    """A failing stdout as :class:`OutputError`; a reader that went away
    (``BrokenPipeError``) as it is."""
    try:
        yield
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise OutputError(str(exc)) from exc


def emit(text: str, fmt: str, stream: TextIO | None = None) -> None:
    """Write ``text`` (format ``fmt``) to ``stream`` (stdout) and flush it.

    Raises ``BrokenPipeError`` (the reader went away) or :class:`OutputError` to the
    caller, which knows what exit code the run calls for.
    """
    stream = stream or sys.stdout
    if stream is None:  # started with stdout closed (`>&-`): the output would be lost
        if text:
            raise OutputError("stdout is closed")
        return
    with _output_errors():
        stream.write(encodable(text, fmt, getattr(stream, "encoding", None)))
        stream.flush()


class Utf8Writer:
    """Writes pieces of UTF-8 (a format's spooled part) to stdout as :func:`emit` would
    write their text: as they are, to the binary buffer of a UTF-8 stdout that does not
    translate newlines; else decoded (a character may span two pieces) and emitted."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self._decoder = codecs.getincrementaldecoder("utf-8")()

    def write(self, data: bytes, stream: TextIO | None = None) -> None:
        """Raises what :func:`emit` raises."""
        stream = stream or sys.stdout
        buffer = getattr(stream, "buffer", None)
        if buffer is None or os.linesep != "\n" or not _is_utf8(getattr(stream, "encoding", None)):
            emit(self._decoder.decode(data), self.fmt, stream)
            return
        with _output_errors():
            stream.flush()
            buffer.write(data)
            buffer.flush()


def write_stdout(text: str, fmt: str = "text") -> int:
    """Print ``text`` for a command that prints once: 0, or 2 when stdout fails (one line
    said); a reader that went away (``| head -1``) is no failure."""
    try:
        emit(text, fmt)
    except BrokenPipeError:
        silence_stdout()
    except OutputError as exc:
        silence_stdout()
        error_line(f"error: cannot write the output: {exc}")
        return 2
    return 0


def silence_stdout() -> None:
    """Point stdout at the null device after a write failed on it.

    Python flushes stdout once more when it exits; on a closed pipe or a full disk that
    would print a second error ("Exception ignored …") after the one line already given.
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)


def _new_file_mode() -> int:
    """The permissions ``open()`` would give a new file (0666 less the umask)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path``: a temporary file in its folder, then a rename.

    A symbolic link at ``path`` is written through (the file it points to is replaced),
    and an existing file keeps its permissions.
    """
    with AtomicFile(path) as out:
        out.write(text)


class AtomicFile:
    """``path`` written piece by piece, as UTF-8, and renamed into place only when the
    block ends without an error (see :func:`write_atomically`); else nothing changes.

    A streaming run writes each file's findings as it comes; a reader of ``path`` still
    never sees half a document.
    """

    def __init__(self, path: Path) -> None:
        #: A device, a FIFO or a terminal (``/dev/null``, ``/dev/stdout``, a named pipe) is
        #: written to as it is: renaming a file over it would replace the device itself.
        self.direct = _is_special(path)
        self.target = path if self.direct else Path(os.path.realpath(path))
        self._temporary: str | None = None
        self._stream: Any = None
        self._mode = 0

    def __enter__(self) -> AtomicFile:
        if self.direct:
            self._stream = open(self.target, "wb")
            return self
        import tempfile  # only with --output-file

        target = self.target
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._mode = stat.S_IMODE(os.stat(target).st_mode)
        except OSError:
            self._mode = _new_file_mode()
        handle, self._temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
        self._stream = os.fdopen(handle, "wb")
        return self

    def write(self, text: str) -> None:
        self._stream.write(text.encode("utf-8", "backslashreplace"))

    @property
    def binary(self) -> Any:
        """The temporary file itself, for writers of bytes (an Excel workbook)."""
        return self._stream

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        if self.direct:
            self._stream.close()
            return
        assert self._temporary is not None
        try:
            if kind is None:
                self._stream.flush()
                os.fsync(self._stream.fileno())
            self._stream.close()
            if kind is None:
                os.chmod(self._temporary, self._mode)
                os.replace(self._temporary, self.target)
                return
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(self._temporary)
            raise
        with contextlib.suppress(OSError):
            os.unlink(self._temporary)


def _is_special(path: Path) -> bool:
    """Whether ``path`` exists and is not a regular file (or a link to one)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def enable_windows_colour() -> bool:
    """Let a Windows console show ANSI colours (colorama); ``False``: print without colour."""
    if sys.platform != "win32":
        return True
    try:
        import colorama  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return False
    try:
        colorama.just_fix_windows_console()
    except Exception:
        return False
    return True
