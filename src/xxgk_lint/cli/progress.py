"""The progress bar of ``check`` on a terminal: files done of all, rate, time left, and
how many files failed so far (tqdm, on stderr).

Shown only when stderr is a terminal and ``--quiet`` is not given: a CI log or a pipe
never gets it, and stdout (where the findings go) never does. While it is shown, what
is written to a stdout that is the same terminal clears it first and draws it again
after, so findings and bar never mix on one line. tqdm is imported only here, and only
when a bar is shown.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Any, TextIO


def wanted(quiet: bool, stream: TextIO | None = None) -> bool:
    """Whether to show a bar: stderr is a terminal (not ``TERM=dumb``) and not ``--quiet``."""
    stream = stream if stream is not None else sys.stderr
    if quiet or stream is None or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):
        return False


def _size(stream: TextIO) -> tuple[int, int]:
    """The terminal's columns and rows (0 where it reports none)."""
    try:
        size = os.get_terminal_size(stream.fileno())
    except (AttributeError, OSError, ValueError):
        return 0, 0
    return size.columns, size.lines


def rate_text(done: int, elapsed: float, rate: float | None, lang: str) -> str:
    """The bar's rate, files per second or, under one a second, seconds per file — with the
    unit spaced and named as in the rest of the output (``3.50 files/s``, ``12.00 s/file``;
    ``3.50 个文件/秒``, ``12.00 秒/个文件``). tqdm's own glues its unit to ``s/``
    (``12.00s/ 个文件``). ``rate`` is tqdm's smoothed rate, ``None`` before it has one."""
    if rate is None and elapsed > 0:
        rate = done / elapsed
    en = lang == "en"
    if not rate:
        return "? files/s" if en else "? 个文件/秒"
    if rate >= 1:
        return f"{rate:.2f} files/s" if en else f"{rate:.2f} 个文件/秒"
    return f"{1 / rate:.2f} s/file" if en else f"{1 / rate:.2f} 秒/个文件"


class Progress:
    """A bar over ``total`` files; :meth:`done` after each file, :meth:`close` at the end."""

    def __init__(self, total: int, lang: str, stream: TextIO | None = None) -> None:
        from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]

        tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
        self.lang = lang
        self.failed = 0
        stream = stream if stream is not None else sys.stderr
        # A terminal that reports no width or no height (some CI pseudo-terminals) gets
        # 80 columns, 24 rows: tqdm would draw nothing at all in 0 of either.
        # (Sized again as the terminal changes only where it reports both.)
        columns, rows = _size(stream)
        sized = columns > 0 and rows > 0

        class _Bar(tqdm):  # type: ignore[misc,unused-ignore]
            @property
            def format_dict(self) -> dict[str, Any]:
                found: dict[str, Any] = super().format_dict
                found["rate_text"] = rate_text(found["n"], found["elapsed"], found["rate"], lang)
                return found

        self._bar: Any = _Bar(
            total=total,
            file=stream,
            desc="xxgk-lint",
            dynamic_ncols=sized,
            ncols=None if sized else (columns or 80),
            nrows=None if sized else (rows or 24),
            leave=False,
            mininterval=0.2,
            bar_format="{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} "
            "[{elapsed}<{remaining}, {rate_text}{postfix}]",
        )
        self._label = "failed" if lang == "en" else "未通过"

    def done(self, failed: bool) -> None:
        if failed:
            self.failed += 1
            self._bar.set_postfix_str(f"{self._label} {self.failed}", refresh=False)
        self._bar.update(1)

    @contextlib.contextmanager
    def cleared(self) -> Iterator[None]:
        """Write to the terminal under the bar: the bar is cleared, then drawn again."""
        with self._bar.external_write_mode(file=sys.stdout):
            yield

    def close(self) -> None:
        self._bar.refresh()  # the final counts, drawn once before the bar is cleared
        self._bar.close()
