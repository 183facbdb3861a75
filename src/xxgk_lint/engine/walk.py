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


def _examine(path: Path) -> Skipped | os.stat_result:
    """A regular file's status (following symbolic links), else why it is skipped."""
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
        return status
    if stat.S_ISFIFO(mode):
        return Skipped(path, "fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Skipped(path, "device")
    if stat.S_ISSOCK(mode):
        return Skipped(path, "socket")
    return Skipped(path, "special")


def _identity(status: os.stat_result) -> tuple[int, int]:
    return status.st_dev, status.st_ino


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


class Seen:
    """What a walk (in one call or several) has met, so that each file is taken once.

    Not every file: the folders walked (by device and inode, with the path they were
    walked as) and only the files that can be met twice — files named, symbolic links to
    files and their targets, files with several hard links. A file under a folder walked
    before is found by asking whether its real folder was walked and the walk took it. A
    run keeps some 200 bytes per folder, and nothing per plain file.
    """

    def __init__(self) -> None:
        self.folders: dict[tuple[int, int], Path] = {}
        self.files: set[tuple[int, int]] = set()

    def walked_before(self, path: Path, resolver: ConfigResolver) -> bool:
        """Whether the walk of a folder took the file ``path`` (its real place) already."""
        real = os.path.realpath(path)
        try:
            folder = _identity(os.stat(os.path.dirname(real)))
        except OSError:
            return False
        walked = self.folders.get(folder)
        return walked is not None and _taken(Path(walked, os.path.basename(real)), resolver)


def _taken(candidate: Path, resolver: ConfigResolver) -> bool:
    """Whether a folder's walk takes the file ``candidate``: its ending is one of the
    config's ``extensions`` and ``exclude`` leaves it in."""
    config = resolver.for_file(candidate)
    return candidate.name.lower().endswith(config.extensions) and not excluded(config, candidate)


def discover(
    paths: Sequence[str], resolver: ConfigResolver, seen: Seen | None = None
) -> Iterator[Target | Skipped]:
    """Files named, and report files under folders named, in a stable order.

    Within a folder: its files by name, then each subfolder (by name) with everything in
    it — the order of ``os.walk``. A file reached twice (named and under a folder named, a
    folder named twice or within another named, a link to a file met too) is taken once,
    where it is first met: its findings, export rows and fingerprints are not doubled, and
    it is no second report of its body (XG604). ``seen``: what earlier calls met, for a
    walk in several calls.
    """
    if seen is None:
        seen = Seen()
    for raw in paths:
        path = Path(raw)
        if _is_folder(path):
            yield from _walk(path, resolver, seen)
            continue
        found = _examine(path)
        if isinstance(found, Skipped):
            yield found
            continue
        identity = _identity(found)
        if identity in seen.files or seen.walked_before(path, resolver):
            continue
        seen.files.add(identity)
        yield Target(path, True)


def _walk(root: Path, resolver: ConfigResolver, seen: Seen) -> Iterator[Target | Skipped]:
    stack: list[tuple[Path, int, tuple[int, int] | None]] = [(root, 0, None)]
    while stack:
        folder, depth, identity = stack.pop()
        try:
            if identity is None:
                identity = _identity(os.stat(folder))
            if identity in seen.folders:
                continue  # walked before: named twice, or within a folder named
            seen.folders[identity] = folder
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield Skipped(folder, "unreadable-folder", exc.strerror or str(exc))
            continue
        folders: list[tuple[Path, tuple[int, int] | None]] = []
        for entry in entries:
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                if entry.name not in SKIP_DIRS and not entry.name.startswith("."):
                    try:
                        sub = _identity(entry.stat(follow_symlinks=False))
                    except OSError:
                        sub = None  # (looked at again, and reported, when its turn comes)
                    folders.append((Path(folder, entry.name), sub))
                continue
            candidate = Path(folder, entry.name)
            if not _taken(candidate, resolver):
                continue
            link = entry.is_symlink()
            if link and _is_folder(candidate):
                continue  # a link to a folder: not followed
            found = _examine(candidate)
            if isinstance(found, Skipped):
                yield found
                continue
            file = _identity(found)
            if file in seen.files:
                continue  # named before, or met before through a link or a hard link
            if link:
                if seen.walked_before(candidate, resolver):
                    continue  # its target was taken where it stands
                seen.files.add(file)  # (its target, met later, is not taken again)
            elif found.st_nlink > 1:
                seen.files.add(file)
            yield Target(candidate, False)
        if folders and depth >= MAX_DEPTH:
            yield Skipped(folders[0][0].parent, "too-deep")
            continue
        stack.extend((sub, depth + 1, sub_id) for sub, sub_id in reversed(folders))
