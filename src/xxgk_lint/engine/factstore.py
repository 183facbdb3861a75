"""What whole-run rules keep of each report, spooled to disk as the run goes.

A run over 20,000 reports keeps each report's :class:`ReportFacts` until every file is
done (rules that compare reports need them all). Held as Python objects they cost ~10 KB
a report; pickled into a temporary file they cost nothing in memory but their index
(one entry a report). At the end, a rule declared ``per_body`` is given the reports of
one body at a time, so only that body's facts are in memory; any other whole-run rule
gets every report's, loaded for it.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, NamedTuple

from xxgk_lint.engine.pairing import body_key

if TYPE_CHECKING:
    from xxgk_lint.engine.config import Config
    from xxgk_lint.engine.plugins import Registry
    from xxgk_lint.engine.rule import ReportFacts

#: One report's facts, by rule code, with the config and registry it was checked under.
Kept = tuple[dict[str, "ReportFacts"], "Config", "Registry"]


class _Entry(NamedTuple):
    body: str | None
    offset: int
    length: int
    setting: int  # index into the store's (config, registry) pairs


class FactsStore:
    """The facts of a run's reports, in the order they were added (the files' order)."""

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._entries: list[_Entry] = []
        self._settings: list[tuple[Config, Registry]] = []
        self._setting_index: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, facts: dict[str, ReportFacts], config: Config, registry: Registry) -> None:
        if not facts:
            return
        if self._file is None:
            import tempfile

            self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        key = id(config)
        if key not in self._setting_index:
            self._setting_index[key] = len(self._settings)
            self._settings.append((config, registry))
        data = pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(0, 2)
        offset = self._file.tell()
        self._file.write(data)
        agency = next(iter(facts.values())).agency
        self._entries.append(_Entry(body_key(agency), offset, len(data), self._setting_index[key]))

    def first_setting(self) -> tuple[Config, Registry]:
        """The config and registry of the first report (they name the run's rules)."""
        return self._settings[self._entries[0].setting]

    def _load(self, entry: _Entry) -> Kept:
        assert self._file is not None
        self._file.seek(entry.offset)
        facts = pickle.loads(self._file.read(entry.length))
        config, registry = self._settings[entry.setting]
        return facts, config, registry

    def every(self) -> list[Kept]:
        """Every report's facts, loaded (for a rule that may compare any two reports)."""
        return [self._load(entry) for entry in self._entries]

    def by_body(self) -> Iterator[list[Kept]]:
        """The reports of one body at a time, in the order of the bodies' names; then each
        report that names no body, alone (a rule may still check it by itself)."""
        groups: dict[str, list[_Entry]] = {}
        alone: list[_Entry] = []
        for entry in self._entries:
            if entry.body is None:
                alone.append(entry)
            else:
                groups.setdefault(entry.body, []).append(entry)
        for key in sorted(groups):
            yield [self._load(entry) for entry in groups[key]]
        for entry in alone:
            yield [self._load(entry)]

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
