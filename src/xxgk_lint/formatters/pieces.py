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
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from xxgk_lint.records import NamedTuple  # (typing's, without compiling annotations)

if TYPE_CHECKING:
    from xxgk_lint.engine.diagnostics import Diagnostic
    from xxgk_lint.engine.results import FileResult

#: The formats whose per-file part can be rendered where the file was checked, by the
#: module under ``xxgk_lint.formatters`` that renders it (``file_pieces``).
WORKER_FORMATS: dict[str, str] = {"json": "json_format", "sarif": "sarif", "text": "text"}
#: The formats whose per-file part reads a result's ``checks``.
READS_CHECKS: frozenset[str] = frozenset({"json", "sarif", "junit"})


class Rendered(NamedTuple):
    """One file's part of one output: ``items`` one text per finding of ``diagnostics``
    (the file's findings as rendered, before any baseline), ``entry`` the file's own part
    (UTF-8: JSON's report entry, written to a spool as it is)."""

    diagnostics: tuple[Diagnostic, ...]
    items: tuple[str, ...]
    entry: bytes = b""

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
