"""Baselines: accept today's findings, fail only on new ones (gradual adoption).

``xxgk-lint check --write-baseline FILE`` records every finding of a run by fingerprint;
``--baseline FILE`` (or ``baseline: FILE`` in the config) hides the findings it records.
A repository with years of old reports adopts the linter without fixing them all first,
and still fails on anything new.

A fingerprint (:meth:`Diagnostic.fingerprint`) is the rule, the report and the subject:
the report is its body and year (``scope``) when the title names them, else its path; the
subject is the canonical address of what the finding is about (a cell, a section). Never a
line number: the same report re-laid, with lines moved, renamed, or exported as HTML
instead of text keeps its fingerprints. Entries count: a baseline holding two findings of
one fingerprint hides two, and a third is new.

An entry that no longer matches any finding is *stale* and is listed, so that it can be
dropped — but only when the run could have found it again: its report (and, for a
cross-report finding, the other report) was part of the run, and its rule ran on it.
XG001 (unreadable input) and XG009 (plugin error) are never recorded: they are not
findings about a report that anyone can accept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import field, replace
from pathlib import Path
from typing import IO, Any

from xxgk_lint.engine.builtin import clean_text
from xxgk_lint.engine.diagnostics import Diagnostic
from xxgk_lint.engine.pairing import scope_of
from xxgk_lint.engine.results import FileResult
from xxgk_lint.records import record

VERSION = 1
#: A baseline is read whole; far above any real one (100,000 findings are ~40 MB).
MAX_BASELINE_BYTES = 64 * 1024 * 1024
#: Codes a baseline never records or hides.
NOT_BASELINED = frozenset({"XG001", "XG009"})
_FINGERPRINT = re.compile(r"^[0-9a-f]{32}$")


class BaselineError(Exception):
    """A baseline file that cannot be read; the message is one line naming the file
    (``str()`` in English, ``zh`` in Chinese)."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.zh = zh


@record
class Entry:
    """One recorded finding (``count`` times): what it was, and where, for people to read.

    Only ``fingerprint`` and ``count`` decide matching; ``scope``, ``path``, ``code`` and
    ``needs`` decide whether an unmatched entry is stale; the rest is for the reader.
    """

    fingerprint: str
    code: str
    name: str = ""
    scope: str = ""
    subject: str = ""
    path: str = ""
    message: str = ""
    count: int = 1
    #: The reports a cross-report finding compared this one with (their scope or path).
    needs: tuple[str, ...] = ()

    @property
    def owner(self) -> str:
        return self.scope or self.path

    def describe(self) -> str:
        """One line: code, name, body and year (or file), subject."""
        body, _, year = self.scope.partition("|")
        where = f"{body} {year}" if self.scope else self.path
        subject = f" {self.subject}" if self.subject else ""
        count = f" ×{self.count}" if self.count > 1 else ""
        return clean_text(f"{self.code} {self.name} {where}{subject}{count} ({self.path})")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "fingerprint": self.fingerprint,
            "code": self.code,
            "name": self.name,
            "scope": self.scope,
            "subject": self.subject,
            "path": self.path,
            "message": self.message,
            "count": self.count,
        }
        if self.needs:
            out["needs"] = list(self.needs)
        return out


@record
class Baseline:
    """The entries of one baseline file, in a stable order (by report, code, subject)."""

    entries: tuple[Entry, ...] = ()

    @classmethod
    def of(cls, files: Iterable[FileResult], scopes: Mapping[str, str]) -> Baseline:
        """A baseline of every finding in ``files`` (but XG001/XG009).

        ``scopes`` gives each parsed report's scope by path, for the reports a
        cross-report finding names as related (which may be ``--previous`` files).
        """
        recorder = Recorder(scopes)
        for result in files:
            for diagnostic in result.diagnostics:
                recorder.record(diagnostic)
        return recorder.baseline()

    @property
    def findings(self) -> int:
        return sum(e.count for e in self.entries)

    def dump(self) -> str:
        """The baseline file's text: JSON, one entry per line, in a stable order."""
        import json

        from xxgk_lint import __version__

        lines = [json.dumps(e.to_json(), ensure_ascii=False) for e in self.entries]
        body = ",\n    ".join(lines)
        head = (
            "{\n"
            f'  "version": {VERSION},\n'
            f'  "generator": "xxgk-lint {__version__}",\n'
            '  "about": "Findings accepted when this file was written; xxgk-lint check '
            "--baseline FILE (or baseline: FILE in the config) hides them. Matched by "
            'fingerprint: rule, body and year (else the file), subject; never the line.",\n'
        )
        if not lines:
            return head + '  "findings": []\n}\n'
        return head + f'  "findings": [\n    {body}\n  ]\n}}\n'

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """Read a baseline file; BaselineError (one line naming the file) if it is not one."""
        import json

        shown = clean_text(str(path))
        try:
            with path.open("rb") as stream:
                raw = stream.read(MAX_BASELINE_BYTES + 1)
        except FileNotFoundError:
            raise BaselineError(
                f"{shown}: baseline file not found", f"{shown}：找不到基线文件"
            ) from None
        except OSError as exc:
            raise BaselineError(
                f"{shown}: cannot read the baseline file ({exc})",
                f"{shown}：无法读取基线文件（{exc}）",
            ) from None
        if len(raw) > MAX_BASELINE_BYTES:
            size = MAX_BASELINE_BYTES // 2**20
            raise BaselineError(
                f"{shown}: the baseline file is larger than {size} MiB",
                f"{shown}：基线文件大于 {size} MiB",
            )
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise BaselineError(
                f"{shown}: not a baseline file: not valid JSON ({exc})",
                f"{shown}：不是基线文件：不是有效的 JSON（{exc}）",
            ) from None
        return cls(tuple(_entries(data, shown)))


def _entries(data: Any, shown: str) -> Iterable[Entry]:
    def bad(problem: str, zh: str) -> BaselineError:
        return BaselineError(
            f"{shown}: not a baseline file: {problem}", f"{shown}：不是基线文件：{zh}"
        )

    if not isinstance(data, dict) or "findings" not in data:
        raise bad(
            "expected an object with 'version' and 'findings'",
            "应为含有 'version' 和 'findings' 的对象",
        )
    if data.get("version") != VERSION:
        version = data.get("version")
        raise bad(f"version {version!r}, expected {VERSION}", f"版本为 {version!r}，应为 {VERSION}")
    findings = data["findings"]
    if not isinstance(findings, list):
        raise bad("'findings' must be a list", "'findings' 应为列表")
    for number, item in enumerate(findings, 1):
        if not isinstance(item, dict):
            raise bad(f"finding {number} is not an object", f"第 {number} 条记录不是对象")
        fingerprint = item.get("fingerprint")
        if not isinstance(fingerprint, str) or not _FINGERPRINT.match(fingerprint):
            raise bad(
                f"finding {number}: 'fingerprint' must be 32 hexadecimal digits",
                f"第 {number} 条记录：'fingerprint' 应为 32 位十六进制数字",
            )
        texts = {}
        for key in ("code", "name", "scope", "subject", "path", "message"):
            value = item.get(key, "")
            if not isinstance(value, str):
                raise bad(
                    f"finding {number}: '{key}' must be a string",
                    f"第 {number} 条记录：'{key}' 应为字符串",
                )
            texts[key] = value
        if not texts["code"]:
            raise bad(f"finding {number}: 'code' is missing", f"第 {number} 条记录：缺少 'code'")
        count = item.get("count", 1)
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise bad(
                f"finding {number}: 'count' must be a whole number of at least 1",
                f"第 {number} 条记录：'count' 应为不小于 1 的整数",
            )
        needs = item.get("needs", [])
        if not isinstance(needs, list) or not all(isinstance(n, str) for n in needs):
            raise bad(
                f"finding {number}: 'needs' must be a list of strings",
                f"第 {number} 条记录：'needs' 应为字符串列表",
            )
        yield Entry(fingerprint, count=count, needs=tuple(needs), **texts)


@record
class BaselineUse:
    """What one baseline did in a run: findings hidden, entries that no longer match.

    ``written`` is the number of findings recorded when the run wrote the file itself
    (``--write-baseline``), else ``None``.
    """

    path: str
    hidden: int
    stale: tuple[Entry, ...] = ()
    written: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "hidden": self.hidden,
            "stale": [e.to_json() for e in self.stale],
        }
        if self.written is not None:
            out["written"] = self.written
        return out


@record(frozen=False)
class BaselineFilter:
    """Hides one baseline's findings, file by file, and keeps what it needs to say at the end.

    Files may arrive one at a time (a streaming run): :meth:`filter` each, then
    :meth:`outcome`. ``present`` are the reports of the run (checked or read with
    ``--previous``), by scope or path.
    """

    path: str
    baseline: Baseline
    written: int | None = None
    hidden: int = 0
    _left: dict[str, int] = field(default_factory=dict)
    #: owner → codes of the rules that ran on it (owners of the baseline's entries only:
    #: what is kept is as large as the baseline, whatever the number of files)
    _covered: dict[str, set[str]] = field(default_factory=dict)
    #: The reports the entries' ``needs`` name, and those of them the run read.
    needed: frozenset[str] = field(init=False, default=frozenset())
    _present: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for entry in self.baseline.entries:
            self._left[entry.fingerprint] = self._left.get(entry.fingerprint, 0) + entry.count
            self._covered.setdefault(entry.owner, set())
        self.needed = frozenset(need for entry in self.baseline.entries for need in entry.needs)

    def saw(self, owner: str) -> None:
        """A report of the run (checked or read with ``--previous``), by scope or path."""
        if owner in self.needed:
            self._present.add(owner)

    def filter(self, result: FileResult, scope: str) -> FileResult:
        """``result`` without the findings this baseline holds (each one at most ``count``)."""
        owner = scope or result.path
        if owner in self._covered:
            self._covered[owner].update(m.code for m in result.rules_run)
        self.saw(owner)
        kept = [d for d in result.diagnostics if not self.hides(d)]
        if len(kept) == len(result.diagnostics):
            return result
        return replace(result, diagnostics=tuple(kept))

    def hides(self, diagnostic: Diagnostic) -> bool:
        """Whether this baseline holds ``diagnostic`` (and one fewer of its kind is left)."""
        if diagnostic.code in NOT_BASELINED:
            return False
        fingerprint = diagnostic.fingerprint()
        if self._left.get(fingerprint, 0) <= 0:
            return False
        self._left[fingerprint] -= 1
        self.hidden += 1
        return True

    def outcome(self, present: Iterable[str] = ()) -> BaselineUse:
        """Hidden count and stale entries: unmatched entries the run could have matched.

        ``present`` are reports of the run (by scope or path) besides those :meth:`saw`
        and :meth:`filter` were given."""
        here = set(present) | self._present
        stale = []
        left = dict(self._left)
        for entry in self.baseline.entries:
            unmatched = min(left.get(entry.fingerprint, 0), entry.count)
            if unmatched <= 0:
                continue
            left[entry.fingerprint] -= unmatched
            if entry.code not in self._covered.get(entry.owner, ()):
                continue  # its report was not checked, or the rule did not run on it
            if not all(need in here for need in entry.needs):
                continue  # the other report of a cross-report finding was not in the run
            stale.append(replace(entry, count=unmatched))
        return BaselineUse(self.path, self.hidden, tuple(stale), self.written)


class Recorder:
    """Records findings as they come (``--write-baseline`` in a streaming run): one entry
    per fingerprint, counted; XG001 and XG009 are not recorded.

    ``scopes`` gives each parsed report's scope by path, for the reports a cross-report
    finding names as related (which may be ``--previous`` files); it may still grow while
    findings are recorded (the related reports are named when the baseline is made).
    """

    def __init__(self, scopes: Mapping[str, str]) -> None:
        self.scopes = scopes
        self._found: dict[str, tuple[Diagnostic, int]] = {}

    def related_paths(self) -> set[str]:
        """The reports the recorded findings name as related (their scopes are needed)."""
        return {r.path for d, _ in self._found.values() for r in d.related}

    def record(self, diagnostic: Diagnostic) -> bool:
        """Record ``diagnostic``; whether it was (a baseline holds it from now on)."""
        if diagnostic.code in NOT_BASELINED:
            return False
        fingerprint = diagnostic.fingerprint()
        first, count = self._found.get(fingerprint, (diagnostic, 0))
        self._found[fingerprint] = (first, count + 1)
        return True

    def baseline(self) -> Baseline:
        entries = []
        for fingerprint, (d, count) in self._found.items():
            needs = tuple(dict.fromkeys(self.scopes.get(r.path) or r.path for r in d.related))
            entry = Entry(
                fingerprint, d.code, d.name, d.scope, d.subject, d.path, d.message, count, needs
            )
            entries.append(entry)
        entries.sort(key=lambda e: (e.owner, e.code, e.subject, e.fingerprint))
        return Baseline(tuple(entries))


def _shown(path: Path) -> str:
    """A baseline's path as the user would write it: relative to the working directory
    when it is under it (a config's ``baseline`` is resolved to an absolute path)."""
    import os

    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return os.fspath(path)


class RunBaselines:
    """A run's baselines, applied file by file as the results come.

    ``baseline_for(path)`` names the baseline file of a checked file (``--baseline``, else
    its config's ``baseline``; ``None``: none). With ``write`` (``--write-baseline``) every
    finding is recorded and hidden instead, and :attr:`written` is the baseline to write.
    The run tells :meth:`saw` of every report it reads (its scope), ``--previous`` ones
    too; they are written to a temporary file and read back once at the end (for the
    stale entries and the related reports of recorded findings), so that nothing is kept
    in memory per file. A baseline that cannot be read raises :class:`BaselineError` when
    first needed.
    """

    def __init__(
        self,
        baseline_for: Callable[[str], Path | None],
        *,
        baseline: Path | None = None,
        write: Path | None = None,
    ) -> None:
        self.baseline_for = baseline_for
        self.flag = baseline
        self.write = write
        self.recorder = Recorder({}) if write is not None else None
        self.recorded = 0
        self._filters: dict[Path, BaselineFilter] = {}
        self._written: Baseline | None = None
        self._seen: IO[str] | None = None

    def saw(self, path: str, scope: str) -> None:
        """A report the run read (checked or with ``--previous``): its path and scope
        (``""`` when its title names no body or year)."""
        if self._seen is None:
            import tempfile

            self._seen = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")  # noqa: SIM115
        self._seen.write(json.dumps([path, scope]) + "\n")  # ASCII: any str round-trips

    def _finish(self) -> None:
        """The run is over: the reports it read, read back once (and the file closed),
        told to each baseline (for its stale entries) and, for a baseline being written,
        the scopes of the reports its findings name as related."""
        if self._seen is None:
            return
        seen, self._seen = self._seen, None
        filters = list(self._filters.values())
        wanted = self.recorder.related_paths() if self.recorder is not None else set()
        scopes: dict[str, str] = {}
        with seen:
            seen.flush()
            seen.seek(0)
            for line in seen:
                path, scope = json.loads(line)
                for chosen in filters:
                    chosen.saw(scope or path)
                if path in wanted:
                    scopes[path] = scope
        if self.recorder is not None:
            self.recorder.scopes = scopes

    def _filter(self, path: str) -> BaselineFilter | None:
        chosen = self.baseline_for(path)
        if chosen is None:
            return None
        if chosen not in self._filters:
            try:
                loaded = Baseline.load(chosen)
            except BaselineError as exc:
                from xxgk_lint.engine.config import ConfigError

                where = "--baseline" if chosen == self.flag else "'baseline'"
                raise ConfigError(f"{where}: {exc}", f"{where}：{exc.zh}") from None
            self._filters[chosen] = BaselineFilter(clean_text(_shown(chosen)), loaded)
        return self._filters[chosen]

    def file(self, result: FileResult) -> FileResult:
        """``result`` without the findings its baseline holds (or, writing one, any)."""
        if self.recorder is not None:
            recorder = self.recorder
            kept = tuple(d for d in result.diagnostics if not recorder.record(d))
            self.recorded += len(result.diagnostics) - len(kept)
            return (
                replace(result, diagnostics=kept)
                if len(kept) != len(result.diagnostics)
                else result
            )
        chosen = self._filter(result.path)
        if chosen is None:
            return result
        scope = "" if result.unreadable else scope_of(result.agency, result.year)
        return chosen.filter(result, scope)

    def across(self, diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
        """The whole-run rules' findings without those the baselines hold."""
        kept = []
        for diagnostic in diagnostics:
            if self.recorder is not None:
                if self.recorder.record(diagnostic):
                    self.recorded += 1
                    continue
            else:
                chosen = self._filter(diagnostic.path)
                if chosen is not None and chosen.hides(diagnostic):
                    continue
            kept.append(diagnostic)
        return tuple(kept)

    @property
    def written(self) -> Baseline | None:
        """The baseline this run recorded (with ``write``), once every result went through."""
        if self.recorder is None:
            return None
        if self._written is None:
            self._finish()
            self._written = self.recorder.baseline()
        return self._written

    def uses(self) -> tuple[BaselineUse, ...]:
        """What each baseline did, for the output's end."""
        if self.write is not None:
            path = clean_text(str(self.write))
            return (BaselineUse(path, self.recorded, (), self.recorded),)
        self._finish()
        return tuple(f.outcome() for f in self._filters.values())


def apply_baselines(
    files: Iterable[FileResult],
    choose: Callable[[FileResult], tuple[str, Baseline] | None],
    scopes: Mapping[str, str],
    *,
    written: str | None = None,
) -> tuple[list[FileResult], tuple[BaselineUse, ...]]:
    """Filter every file through the baseline ``choose`` names for it (if any).

    ``scopes`` maps the path of every report of the run (``--previous`` ones too) to its
    scope. ``written`` is the path of a baseline this run wrote (its use says how many
    findings it recorded).
    """
    filters: dict[str, BaselineFilter] = {}
    out = []
    for result in files:
        chosen = choose(result)
        if chosen is None:
            out.append(result)
            continue
        path, baseline = chosen
        if path not in filters:
            count = baseline.findings if path == written else None
            filters[path] = BaselineFilter(path, baseline, count)
        out.append(filters[path].filter(result, scopes.get(result.path, "")))
    present = {scope or path for path, scope in scopes.items()}
    return out, tuple(f.outcome(present) for f in filters.values())


__all__ = [
    "NOT_BASELINED",
    "Baseline",
    "BaselineError",
    "BaselineFilter",
    "BaselineUse",
    "Entry",
    "Recorder",
    "RunBaselines",
    "apply_baselines",
]
