"""A file's part of an output, rendered in the worker process that checked the file.

With ``check --jobs N`` the process that writes the output would otherwise render every
file's part itself — the JSON ``reports`` entry of some fifty checks is most of a file's
cost after checking it — while the workers wait, and it would need every check sent back
to it. Instead each worker renders what a format writes of one file (:func:`render`), and
the output only puts the pieces in order (its stream's ``file`` takes them from the
result's ``rendered``). Both ways run the same functions, so the bytes are the same.

A format's piece is one text per finding, plus the file's own part (JSON's report
entry). A baseline may still hide findings in the writing process: the pieces of those
left are found by identity (:meth:`Rendered.kept`), since a baseline only drops findings.

A file's own part is most of what a worker would send back (JSON's report entry: some
100 KB, its checks): sent through the pool's pipe, received, spooled and copied out again,
it kept the writing process busy for a third of a second over 2,000 reports, on cores the
workers needed. A worker writes it to a file of its own instead (:func:`spill`) and sends
where it is (:class:`Spilled`); the writing process notes that (:class:`EntrySpool`) and
copies the bytes from there once, when it writes the document's ``reports``.
"""

from __future__ import annotations

import importlib
import struct
from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING

from xxgk_lint.records import NamedTuple  # (typing's, without compiling annotations)

if TYPE_CHECKING:
    from xxgk_lint.engine.diagnostics import Diagnostic
    from xxgk_lint.engine.results import FileResult

#: The formats whose per-file part can be rendered where the file was checked, by the
#: module under ``xxgk_lint.formatters`` that renders it (``file_pieces``).
WORKER_FORMATS: dict[str, str] = {"json": "json_format", "sarif": "sarif", "text": "text"}
#: The formats whose per-file part has a part of the file's own (``Rendered.entry``).
OWN_PART: frozenset[str] = frozenset({"json"})
#: The formats whose per-file part reads a result's ``checks``.
READS_CHECKS: frozenset[str] = frozenset({"json", "sarif", "junit"})


class Spilled(NamedTuple):
    """Where a worker wrote a file's own part: ``length`` bytes at ``offset`` of ``path``."""

    path: str
    offset: int
    length: int


class Rendered(NamedTuple):
    """One file's part of one output: ``items`` one text per finding of ``diagnostics``
    (the file's findings as rendered, before any baseline), ``entry`` the file's own part
    (UTF-8: JSON's report entry, written to a spool as it is), or where a worker wrote it."""

    diagnostics: tuple[Diagnostic, ...]
    items: tuple[str, ...]
    entry: bytes | Spilled = b""

    def kept(self, diagnostics: Sequence[Diagnostic]) -> tuple[str, ...]:
        """The items of ``diagnostics``: those of :attr:`diagnostics` a baseline left."""
        mine = self.diagnostics
        if len(diagnostics) == len(mine) and all(
            a is b for a, b in zip(diagnostics, mine, strict=True)
        ):
            return self.items
        left = {id(diagnostic) for diagnostic in diagnostics}
        return tuple(item for d, item in zip(mine, self.items, strict=True) if id(d) in left)


def key(fmt: str, lang: str = "zh", color: bool = False) -> str:
    """The name of one output's pieces: its format, and for text its language and colour
    (the machine formats read neither)."""
    return f"text:{lang}:{int(color)}" if fmt == "text" else fmt


def render(name: str, result: FileResult) -> Rendered:
    """The pieces of ``result`` for the output :func:`key` named ``name``."""
    fmt, _, options = name.partition(":")
    module = importlib.import_module(f"{__package__}.{WORKER_FORMATS[fmt]}")
    if fmt == "text":
        lang, _, color = options.partition(":")
        return module.file_pieces(result, lang, color == "1")  # type: ignore[no-any-return]
    return module.file_pieces(result)  # type: ignore[no-any-return]


def given(result: FileResult, name: str | None) -> Rendered | None:
    """The pieces a worker rendered of ``result`` for output ``name``, if it did."""
    if name is None or result.rendered is None:
        return None
    return result.rendered.get(name)


def spills(outputs: Sequence[str]) -> bool:
    """Whether any of these outputs (:func:`key` names) has a file's own part to spill."""
    return any(name.partition(":")[0] in OWN_PART for name in outputs)


def spill(rendered: Rendered, sink: IO[bytes], path: str) -> Rendered:
    """``rendered`` with its own part written at the end of ``sink`` (the file ``path``)
    and flushed, if it has one: a worker's side of :class:`EntrySpool`."""
    entry = rendered.entry
    if not isinstance(entry, bytes) or not entry:
        return rendered
    offset = sink.tell()
    sink.write(entry)
    sink.flush()
    return rendered._replace(entry=Spilled(path, offset, len(entry)))


#: A record of :class:`EntrySpool`: the source (0: the bytes follow; n: the n-th file
#: spilled to), the offset in it, the length.
_RECORD = struct.Struct("<IQQ")


class EntrySpool:
    """Files' own parts in order, each held as bytes or as where a worker spilled it.

    A temporary file of records (:data:`_RECORD`, the bytes after those held here), so
    that nothing grows in memory with the number of files. A spilled part's file is
    opened when first named and stays open until :meth:`replay` ends: the run may remove
    the folder the workers wrote to once they are done.
    """

    def __init__(self) -> None:
        from xxgk_lint.formatters import spool_bytes

        self._records = spool_bytes()
        self._sources: dict[str, int] = {}
        self._files: list[IO[bytes]] = []

    def write(self, entry: bytes | Spilled) -> None:
        if isinstance(entry, bytes):
            self._records.write(_RECORD.pack(0, 0, len(entry)))
            self._records.write(entry)
            return
        source = self._sources.get(entry.path)
        if source is None:
            self._files.append(open(entry.path, "rb"))  # noqa: SIM115 (closed by replay)
            source = self._sources[entry.path] = len(self._files)
        self._records.write(_RECORD.pack(source, entry.offset, entry.length))

    def replay(self) -> Iterator[bytes]:
        """The parts in the order written, in pieces of at most ``REPLAY_CHUNK`` bytes (a
        piece may end inside a character); then every file closed."""
        from xxgk_lint import formatters

        chunk = formatters.REPLAY_CHUNK
        records, files, size = self._records, self._files, _RECORD.size
        try:
            records.flush()
            records.seek(0)
            while head := records.read(size):
                source, offset, length = _RECORD.unpack(head)
                if source == 0:
                    part = records
                else:
                    part = files[source - 1]
                    part.seek(offset)
                while length > 0:
                    piece = part.read(min(length, chunk))
                    if not piece:
                        raise OSError(f"{getattr(part, 'name', 'a spool')} ends early")
                    length -= len(piece)
                    yield piece
        finally:
            self.close()

    def close(self) -> None:
        self._records.close()
        for spilled in self._files:
            spilled.close()
        self._files.clear()
