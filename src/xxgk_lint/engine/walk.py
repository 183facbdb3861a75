"""Finding the files to check: named files, and report files under named folders.

The walk is iterative (a report 1,100 folders deep is no reason for a RecursionError) and
stops at :data:`MAX_DEPTH` folders below the folder named. Only regular files are read: a
FIFO would block the run forever and ``/dev/zero`` would fill the memory, so such a file,
a symbolic link that loops or points nowhere, a folder that cannot be listed and a folder
too deep are each a :class:`Skipped` — named, in one line, and the run's exit code is 2.
Nothing is skipped silently except what is skipped by design: folders whose name starts
with ``.`` and tool folders (``node_modules`` …), symbolic links to folders (not followed,
as ``os.walk`` and git do), and files the config's ``extensions``/``exclude`` leave out.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from xxgk_lint.engine.builtin import clean_text
from xxgk_lint.engine.config import ConfigResolver, excluded
from xxgk_lint.records import NamedTuple  # (typing's, without compiling annotations)

#: Folders never walked: version control, virtual environments, caches.
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}
)
#: Folders below a named folder that are walked; deeper ones are reported, not walked.
MAX_DEPTH = 128


class Target(NamedTuple):
    path: Path
    explicit: bool  # named on the command line (read whatever its ending)


class Skipped(NamedTuple):
    """A file or folder met but not checked; ``reason`` is a key of :data:`REASONS`."""

    path: Path
    reason: str
    detail: str = ""

    def problem(self, lang: str) -> str:
        """Why it was skipped, in ``lang``, without the path."""
        zh, en = REASONS[self.reason]
        text = en if lang == "en" else zh
        return f"{text} ({self.detail})" if self.detail else text

    def message(self, lang: str) -> str:
        """The one-line message: the path, then the problem."""
        return f"{clean_text(str(self.path))}: {self.problem(lang)}"


REASONS = {
    "fifo": ("不是普通文件，而是命名管道，已跳过", "not a regular file but a FIFO; skipped"),
    "device": ("不是普通文件，而是设备文件，已跳过", "not a regular file but a device; skipped"),
    "socket": ("不是普通文件，而是套接字，已跳过", "not a regular file but a socket; skipped"),
    "special": ("不是普通文件，已跳过", "not a regular file; skipped"),
    "loop": ("符号链接循环，已跳过", "a symbolic link loop; skipped"),
    "dangling": ("符号链接指向的文件不存在，已跳过", "a symbolic link to nothing; skipped"),
    "unreadable-folder": ("无法读取文件夹，已跳过", "cannot read the folder; skipped"),
    "too-deep": (
        f"文件夹嵌套超过 {MAX_DEPTH} 层，更深处未检查",
        f"folders nested more than {MAX_DEPTH} deep; not walked further",
    ),
    "stat": ("无法读取文件信息，已跳过", "cannot look at the file; skipped"),
}


def classify(path: Path) -> Skipped | None:
    """``None`` for a regular file (following symbolic links), else why it is skipped."""
    found = _examine(path)
    return found if isinstance(found, Skipped) else None


def _examine(path: Path) -> Skipped | tuple[int, int]:
    """A regular file's identity (device, inode; following symbolic links), else why it
    is skipped."""
    try:
        status = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Skipped(path, "loop")
        if exc.errno == errno.ENOENT and os.path.islink(path):
            return Skipped(path, "dangling")
        return Skipped(path, "stat", exc.strerror or str(exc))
    mode = status.st_mode
    if stat.S_ISREG(mode):
        return (status.st_dev, status.st_ino)
    if stat.S_ISFIFO(mode):
        return Skipped(path, "fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Skipped(path, "device")
    if stat.S_ISSOCK(mode):
        return Skipped(path, "socket")
    return Skipped(path, "special")


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def discover(
    paths: Sequence[str], resolver: ConfigResolver, seen: set[tuple[int, int]] | None = None
) -> Iterator[Target | Skipped]:
    """Files named, and report files under folders named, in a stable order.

    Within a folder: its files by name, then each subfolder (by name) with everything in
    it — the order of ``os.walk``. A file reached twice (named and under a folder named, a
    folder named twice, a link to a file met too) is checked once, where it is first met:
    its findings, export rows and fingerprints are not doubled, and it is no second report
    of its body (XG604). ``seen`` holds the files met before (by device and inode), for a
    walk in several calls.
    """
    if seen is None:
        seen = set()
    for raw in paths:
        path = Path(raw)
        found = _walk(path, resolver) if _is_folder(path) else (_met(path, True),)
        for item in found:
            if isinstance(item, Skipped):
                yield item
                continue
            target, identity = item
            if identity not in seen:
                seen.add(identity)
                yield target


def _met(path: Path, explicit: bool) -> Skipped | tuple[Target, tuple[int, int]]:
    found = _examine(path)
    return found if isinstance(found, Skipped) else (Target(path, explicit), found)


def _walk(
    root: Path, resolver: ConfigResolver
) -> Iterator[Skipped | tuple[Target, tuple[int, int]]]:
    stack: list[tuple[Path, int]] = [(root, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield Skipped(folder, "unreadable-folder", exc.strerror or str(exc))
            continue
        folders: list[Path] = []
        for entry in entries:
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                if entry.name not in SKIP_DIRS and not entry.name.startswith("."):
                    folders.append(Path(folder, entry.name))
                continue
            candidate = Path(folder, entry.name)
            config = resolver.for_file(candidate)
            if not entry.name.lower().endswith(config.extensions):
                continue
            if excluded(config, candidate):
                continue
            if entry.is_symlink() and _is_folder(candidate):
                continue  # a link to a folder: not followed
            yield _met(candidate, False)
        if folders and depth >= MAX_DEPTH:
            yield Skipped(folders[0].parent, "too-deep")
            continue
        stack.extend((sub, depth + 1) for sub in reversed(folders))
