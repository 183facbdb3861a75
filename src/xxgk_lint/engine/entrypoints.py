"""The entry points of one group, found without importing ``importlib.metadata``.

``xxgk-lint check`` runs as a pre-commit hook, where start-up time is most of the run.
Importing ``importlib.metadata`` costs 10–30 ms (it pulls in ``email``, ``csv``,
``zipfile`` and ``socket``) to answer one question: which installed packages declare an
``xxgk_lint.plugins`` entry point. This module answers it as ``importlib.metadata`` does
for the usual case — ``*.dist-info`` and ``*.egg-info`` folders in the folders of
``sys.path``, in that order, the first distribution of a name winning — by reading their
``entry_points.txt``. Where anything else could provide distributions (a zip file on
``sys.path``, a finder of another kind on ``sys.meta_path``), it asks
``importlib.metadata`` itself.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys
from collections.abc import Iterator
from typing import Any

from xxgk_lint.records import NamedTuple  # (typing's, without compiling annotations)

_SUFFIXES = (".dist-info", ".egg-info")
_VALUE = re.compile(r"^(?P<module>[\w.]+)\s*(?::\s*(?P<attr>[\w.]+)\s*)?(?:\[.*\])?\s*$")


class EntryPoint(NamedTuple):
    """``name = value`` of one group, loaded as ``importlib.metadata.EntryPoint`` loads."""

    name: str
    value: str
    group: str

    def load(self) -> Any:
        match = _VALUE.match(self.value)
        if match is None:
            raise ValueError(f"entry point {self.name!r}: cannot load {self.value!r}")
        module = importlib.import_module(match.group("module"))
        attrs = filter(None, (match.group("attr") or "").split("."))
        return functools.reduce(getattr, attrs, module)


def entry_points(group: str) -> list[Any]:
    """The entry points of ``group`` of every installed distribution."""
    if not _plain_paths():
        from importlib.metadata import entry_points as slow

        return list(slow(group=group))
    return list(_scan(group))


def _plain_paths() -> bool:
    """Whether distributions can only come from folders on ``sys.path``."""
    from importlib.machinery import PathFinder

    for finder in sys.meta_path:
        if finder is not PathFinder and hasattr(finder, "find_distributions"):
            return False
    return all(not os.path.isfile(entry) for entry in sys.path)


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _distributions() -> Iterator[str]:
    """Each distribution's metadata folder, the first of each name only."""
    seen: set[str] = set()
    for entry in sys.path:
        try:
            children = sorted(os.listdir(entry or "."))
        except OSError:
            continue
        for child in children:
            # Most names are not metadata folders: one cheap test rejects them (the full
            # test below only for those ending "-info"; about 1,500 names a run).
            if child[-5:].lower() != "-info":
                continue
            stem, suffix = os.path.splitext(child)
            if suffix.lower() not in _SUFFIXES:
                continue
            name = _normalized(stem.partition("-")[0])
            if name in seen:
                continue
            seen.add(name)
            yield os.path.join(entry or ".", child)


def _scan(group: str) -> Iterator[EntryPoint]:
    header = f"[{group}]"
    for folder in _distributions():
        try:
            with open(os.path.join(folder, "entry_points.txt"), encoding="utf-8") as stream:
                text = stream.read()
        except (OSError, UnicodeDecodeError):
            continue
        if header not in text:
            continue
        section = None
        for raw in text.splitlines():
            line = raw.strip()
            if not line or line.startswith(("#", ";")):
                continue
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1].strip()
                continue
            if section == group and "=" in line:
                name, _, value = line.partition("=")
                yield EntryPoint(name.strip(), value.strip(), group)
