"""What whole-run rules keep of each report, spooled to disk as the run goes.

A run over 20,000 reports keeps each report's :class:`ReportFacts` until every file is
done (rules that compare reports need them all). Held as Python objects they cost ~10 KB
a report; pickled into a temporary file they cost nothing in memory but their index. The
first :attr:`FactsStore.IN_MEMORY` reports' facts are held as they are: a run of a few
files (a pre-commit hook) neither pickles nor creates a file, nor imports the modules
that would.
What the end of the run needs to know of a report besides its facts — its place in the
run, its ``fail-on``, its title line (for the snippet of a finding on it), whether it
was read only with ``--previous`` — goes into the same record (:class:`Noted`), so that
nothing is held per file in memory but the index: three numbers in typed arrays, 20
bytes a report (the record's offset, a 64-bit hash of its body's name, and which of the
run's few (config, registry) pairs it was checked under).

At the end, a rule declared ``per_body`` is given the reports of one body at a time, so
only that body's facts are in memory; any other whole-run rule gets every report's,
loaded for it.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from xxgk_lint.digest import digest61
from xxgk_lint.engine.pairing import body_key
from xxgk_lint.records import NamedTuple  # (typing's, without compiling annotations)

if TYPE_CHECKING:
    from xxgk_lint.engine.config import Config
    from xxgk_lint.engine.plugins import Registry
    from xxgk_lint.engine.rule import ReportFacts


class Noted(NamedTuple):
    """What the end of a run needs of one report besides its facts (stored with them).

    ``place`` is the report's place among the reports added (the files' order);
    ``fail_on`` the severity of its config's ``fail-on`` (``None``: the run's);
    ``title`` its title line as ``(line, text)`` (for the snippet of a whole-run finding
    on it); ``previous`` whether it was read only with ``--previous`` (never reported on).
    """

    place: int
    fail_on: int | None = None
    title: tuple[int, str] | None = None
    previous: bool = False


class Kept(NamedTuple):
    """One report's facts, by rule code, with the config and registry it was checked under
    and what the run noted of it."""

    facts: dict[str, ReportFacts]
    config: Config
    registry: Registry
    noted: Noted


class Packed(NamedTuple):
    """One report's facts pickled where they were taken (a worker process of ``--jobs``):
    the run keeps the bytes as they come instead of unpickling and pickling them again.
    ``agency`` is the body they name (the store's index groups reports by it)."""

    data: bytes
    agency: str | None

    @classmethod
    def of(cls, facts: dict[str, ReportFacts]) -> Packed:
        import pickle

        data = pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)
        return cls(data, next(iter(facts.values())).agency)


#: A report's facts and what was noted of it (:class:`Noted` as a plain tuple: smaller
#: pickled, and no class to find when it is loaded).
#: The facts are bytes when they were added as :class:`Packed`.
_Record = tuple["dict[str, ReportFacts] | bytes", tuple[Any, ...]]

#: The hash of a report that names no body (a real name never hashes to it: see _hashed).
_NO_BODY = 0


def _hashed(key: str | None) -> int:
    """A body's name as 61 bits (reports are grouped by it, then by the name itself, so two
    names with one value are still two bodies)."""
    if key is None:
        return _NO_BODY
    return digest61(key) or 1


class FactsStore:
    """The facts of a run's reports, in the order they were added (the files' order).

    Memory held per report: :attr:`BYTES_PER_REPORT` (see :meth:`index_bytes`); the
    facts and what was noted of the report are in the temporary file (the first
    :attr:`IN_MEMORY` reports' are held as they are, until one more comes).
    """

    #: What the in-memory index holds per report: offset (8), body hash (8), setting (4).
    BYTES_PER_REPORT = 20
    #: Reports whose facts are held as objects before they all go to a temporary file.
    IN_MEMORY = 64

    def __init__(self) -> None:
        self._held: list[_Record] | None = []
        self._file: IO[bytes] | None = None
        self._offsets = array("q")
        self._bodies = array("q")
        self._setting_of = array("I")
        self._end = 0
        self._settings: list[tuple[Config, Registry]] = []
        self._setting_index: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._offsets)

    def add(
        self,
        facts: dict[str, ReportFacts] | Packed,
        config: Config,
        registry: Registry,
        *,
        fail_on: int | None = None,
        title: tuple[int, str] | None = None,
        previous: bool = False,
    ) -> None:
        """Spool one report's facts, with what the end of the run needs of it (see
        :class:`Noted`; its ``place`` is the number of reports added before it)."""
        if not facts:
            return
        key = id(config)
        if key not in self._setting_index:
            self._setting_index[key] = len(self._settings)
            self._settings.append((config, registry))
        if isinstance(facts, Packed):
            held: dict[str, ReportFacts] | bytes = facts.data
            agency = facts.agency
        else:
            held, agency = facts, next(iter(facts.values())).agency
        record = (held, tuple(Noted(len(self._offsets), fail_on, title, previous)))
        if self._held is not None and len(self._held) < self.IN_MEMORY:
            self._offsets.append(len(self._held))
            self._held.append(record)
        else:
            if self._held is not None:
                self._spill(self._held)
            self._write(record)
        self._bodies.append(_hashed(body_key(agency)))
        self._setting_of.append(self._setting_index[key])

    def _spill(self, held: list[_Record]) -> None:
        """The facts held as objects, pickled into a new temporary file, in order."""
        import tempfile

        self._held = None
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        del self._offsets[:]
        for record in held:
            self._write(record)

    def _write(self, record: _Record) -> None:
        import pickle

        assert self._file is not None
        data = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._end)
        self._file.write(data)
        self._offsets.append(self._end)
        self._end += len(data)

    def _read(self, number: int) -> _Record:
        import pickle

        assert self._file is not None
        start = self._offsets[number]
        end = self._offsets[number + 1] if number + 1 < len(self._offsets) else self._end
        self._file.seek(start)
        record: _Record = pickle.loads(self._file.read(end - start))
        return record

    def index_bytes(self) -> int:
        """The bytes the in-memory index holds (its arrays' buffers), for the tests that
        check it stays a few bytes a report."""
        arrays = (self._offsets, self._bodies, self._setting_of)
        return sum(a.buffer_info()[1] * a.itemsize for a in arrays)

    def first_setting(self) -> tuple[Config, Registry]:
        """The config and registry of the first report (they name the run's rules)."""
        return self._settings[self._setting_of[0]]

    def _load(self, number: int) -> Kept:
        facts, noted = self._held[number] if self._held is not None else self._read(number)
        if isinstance(facts, bytes):  # added as Packed
            import pickle

            facts = pickle.loads(facts)
        config, registry = self._settings[self._setting_of[number]]
        return Kept(facts, config, registry, Noted(*noted))

    def every(self) -> list[Kept]:
        """Every report's facts, loaded (for a rule that may compare any two reports)."""
        return [self._load(number) for number in range(len(self))]

    def by_body(self) -> Iterator[list[Kept]]:
        """The reports of one body at a time, the bodies in the order of their first
        report; then each report that names no body, alone (a rule may still check it by
        itself).

        Reports are grouped by the hash of their body's name (no name is held in memory
        for every report), then each group is split by the names themselves once loaded,
        so two names with one hash are still two bodies.
        """
        count = len(self)
        # Each report as one int, its body hash above its number: sorted, a body's reports
        # are together and in file order. Held only while the groups are found.
        keyed = sorted(
            (body << 32) | number for number, body in enumerate(self._bodies) if body != _NO_BODY
        )
        ordered = array("q", (key & 0xFFFFFFFF for key in keyed))
        del keyed
        firsts = array("q")  # each group's first report, and where the group starts
        starts = array("q")
        for position, number in enumerate(ordered):
            if not position or self._bodies[number] != self._bodies[ordered[position - 1]]:
                firsts.append(number)
                starts.append(position)
        starts.append(len(ordered))
        for group in sorted(range(len(firsts)), key=firsts.__getitem__):
            numbers = ordered[starts[group] : starts[group + 1]]
            yield from _split([self._load(number) for number in numbers])
        for number in range(count):
            if self._bodies[number] == _NO_BODY:
                yield [self._load(number)]

    def close(self) -> None:
        if self._held is not None:
            self._held.clear()
        if self._file is not None:
            self._file.close()
            self._file = None


def _split(loaded: list[Kept]) -> Iterator[list[Kept]]:
    """Reports of one body hash, split by body name (a hash shared by two names), each
    body's in file order, the bodies in the order of their first report."""
    by_name: dict[str | None, list[Kept]] = {}
    for kept in loaded:
        agency = next(iter(kept.facts.values())).agency
        by_name.setdefault(body_key(agency), []).append(kept)
    yield from by_name.values()
