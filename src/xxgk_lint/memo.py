"""Bounded memo tables for pure functions of text (the parser's, the format model's).

Reports copy the national template: the same labels, header lines, rows of zeros and
period statements recur in report after report. The parser's functions of a piece of
text alone (a line's kind, the rows a label names, the dates of a window) look each text
up once per process. Every table is bounded, so memory stays flat over any number of
files, and :func:`clear_all` empties them (a benchmark measures a report as if seen first).
:func:`compiled` compiles a regular expression when it is first needed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
K = TypeVar("K")
V = TypeVar("V")

_CLEARERS: list[Callable[[], None]] = []


def bounded(maxsize: int) -> Callable[[F], F]:
    """``functools.lru_cache(maxsize)``, registered with :func:`clear_all`."""

    def decorate(function: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        _CLEARERS.append(cached.cache_clear)
        return cached  # type: ignore[return-value]

    return decorate


def register(clear: Callable[[], None]) -> None:
    """Have :func:`clear_all` call ``clear`` too (a table that is not an ``lru_cache``)."""
    _CLEARERS.append(clear)


class Table(dict[K, V]):
    """A bounded memo table read as a plain dict: ``get``, ``in`` and ``[]`` are C calls,
    with none of ``lru_cache``'s bookkeeping per hit (for look-ups made per line, field or
    sentence, often by ``map``). Filled with :meth:`keep` (or a batch after
    :meth:`make_room`); emptied when full, and by :func:`clear_all`."""

    __slots__ = ("maxsize",)

    def __init__(self, maxsize: int) -> None:
        super().__init__()
        self.maxsize = maxsize
        register(self.clear)

    def keep(self, key: K, value: V) -> V:
        """Keep ``value`` under ``key`` (the table emptied first if it is full)."""
        if len(self) >= self.maxsize:
            self.clear()
        self[key] = value
        return value

    def make_room(self, count: int) -> None:
        """Empty the table if ``count`` more entries would overfill it: before a batch of
        new entries is put in at once."""
        if len(self) + count > self.maxsize:
            self.clear()


def clear_all() -> None:
    """Empty every memo table."""
    for clear in _CLEARERS:
        clear()


@functools.cache
def compiled(source: str) -> re.Pattern[str]:
    """``re.compile(source)`` on first use, kept for the process: for patterns many runs
    never need (compiling one costs up to milliseconds of every start). Not emptied by
    :func:`clear_all`: the patterns are the program's, not what the reports hold."""
    return re.compile(source)
