"""The command line on random and mutated files: the four promises hold on every case.

No traceback, an exit code in {0, 1, 2}, the input files unchanged, the same output on a
second run (``harness.check_cli``). Most runs are ``xxgk_lint.cli.main.main`` in this
process; a few are child processes, as a CI job or a pre-commit hook runs xxgk-lint.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.budget import CLI_FUZZ, LONG, MUTATION_CASES
from tests.fuzz.harness import (
    EXTENSIONS,
    SEED_FILES,
    check_cli,
    digest,
    mutate,
    run_subprocess,
)

FORMATS = ("text", "json", "junit", "sarif", "github")
#: Mutated cases per seed file for the command line (each is run twice, in every format
#: in turn): a few in CI, the same count as the readers' with XXGK_FUZZ=long.
CLI_CASES = MUTATION_CASES if LONG else 1


@CLI_FUZZ
@given(
    data=st.binary(max_size=2048),
    suffix=st.sampled_from(EXTENSIONS),
    fmt=st.sampled_from(FORMATS),
)
def test_check_random_bytes(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str, fmt: str
) -> None:
    folder = tmp_path_factory.mktemp("random")
    path = folder / f"report{suffix}"
    path.write_bytes(data)
    outcome = check_cli(["check", "--format", fmt, str(path)], [folder])
    if suffix not in (".txt", ".md", ".html", ".htm", ".docx", ".pdf") or not data.strip():
        assert outcome.code == 2  # not a report xxgk-lint can read: XG001 and exit 2


@pytest.mark.parametrize("seed_file", SEED_FILES, ids=lambda p: p.name)
def test_check_and_parse_mutated_reports(tmp_path: Path, seed_file: Path) -> None:
    data = seed_file.read_bytes()
    for case in range(CLI_CASES):
        path = tmp_path / f"{case}-{seed_file.name}"
        path.write_bytes(mutate(data, seed=hash((seed_file.name, "cli", case)) & 0xFFFFFFFF))
        fmt = FORMATS[case % len(FORMATS)]
        check_cli(["check", "--format", fmt, str(path)], [tmp_path])
        check_cli(["parse", "--format", "json", "--spans", str(path)], [tmp_path])


def test_check_a_folder_of_mutated_reports(tmp_path: Path) -> None:
    """One run over a folder of every seed, mutated: one bad file never stops the run."""
    for number, seed_file in enumerate(SEED_FILES):
        mutated = mutate(seed_file.read_bytes(), seed=number, rounds=2)
        (tmp_path / f"{number}-{seed_file.name}").write_bytes(mutated)
    outcome = check_cli(["check", "--format", "json", str(tmp_path)], [tmp_path])
    assert outcome.code in (1, 2)
    assert outcome.out.count(b'"path"') >= len(SEED_FILES)


def test_child_processes(tmp_path: Path) -> None:
    """As a hook runs it: a child process, output as bytes, a hard timeout."""
    for number, seed_file in enumerate(SEED_FILES[::4]):
        mutated = mutate(seed_file.read_bytes(), seed=1000 + number, rounds=2)
        (tmp_path / f"m{number}-{seed_file.name}").write_bytes(mutated)
    before = digest([tmp_path])
    first = run_subprocess("check", ".", cwd=tmp_path)
    assert b"Traceback" not in first.out + first.err
    assert first.code in (0, 1, 2)
    second = run_subprocess("check", ".", cwd=tmp_path)
    assert second == first
    assert digest([tmp_path]) == before
