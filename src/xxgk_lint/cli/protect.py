"""``--output-file`` never overwrites an input.

xxgk-lint promises never to write to the files it checks. ``--output-file`` is the one
place it writes, so before writing it refuses a path that is, after symbolic links are
resolved (and, for an existing file, by device and inode, so hard links count too):

* a file checked in this run;
* a file inside a checked folder that a run would check (its name has one of the config's
  ``extensions`` and ``exclude`` does not skip it) — the next run would read the output
  as a report;
* a config file read by the run, or any file named ``.xxgk-lint.yaml``/``.yml``;
* the file of a local plugin loaded by the run;
* the file stdin reads when ``-`` is checked (``check - < report.txt``).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from xxgk_lint.engine.builtin import clean_text
from xxgk_lint.engine.config import CONFIG_NAMES, ConfigError, ConfigResolver, excluded
from xxgk_lint.engine.walk import SKIP_DIRS


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _stdin_file() -> tuple[int, int] | None:
    """The device and inode of the regular file stdin reads from, if it is one."""
    try:
        info = os.fstat(sys.stdin.fileno())
    except (AttributeError, OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None


def output_conflict(
    output: Path,
    paths: Sequence[str],
    targets: Iterable[Path],
    resolver: ConfigResolver,
    plugin_files: Iterable[Path],
) -> str | None:
    """Why ``output`` must not be written (one phrase, English), or ``None``."""
    out = _resolved(output)
    out_id = _identity(output)
    if out.name in CONFIG_NAMES or output.name in CONFIG_NAMES:
        return "a file of that name is a config file"
    protected: list[tuple[str, Path]] = [("a checked file", t) for t in targets]
    protected += [("a config file of this run", path) for path in resolver.files()]
    if resolver.explicit is not None:
        protected.append(("the config file given with --config", resolver.explicit))
    protected += [("a plugin file of this run", p) for p in plugin_files]
    for what, path in protected:
        if _resolved(path) == out or (out_id is not None and _identity(path) == out_id):
            return f"that is {what} ({clean_text(str(path))})"
    if "-" in paths and out_id is not None and _stdin_file() == out_id:
        return "that is the file stdin reads, checked as -"
    for raw in paths:
        if _would_be_checked(out, Path(raw), resolver):
            return (
                f"it is inside the checked folder {clean_text(raw)} and would be checked "
                "as a report"
            )
    return None


def _would_be_checked(out: Path, folder: Path, resolver: ConfigResolver) -> bool:
    """Whether a walk of ``folder`` would pick ``out`` up as a report file."""
    if not folder.is_dir():
        return False
    root = _resolved(folder)
    try:
        relative = out.relative_to(root)
    except ValueError:
        return False
    if any(part in SKIP_DIRS or part.startswith(".") for part in relative.parts[:-1]):
        return False  # a folder the walk never enters
    try:
        config = resolver.for_file(out)
    except ConfigError:
        return True  # cannot tell: refuse rather than risk it
    return out.name.lower().endswith(config.extensions) and not excluded(config, out)
