"""Session 41: what docs/api.md tells a cluster user to keep of each result for the
whole-run rules — the result without findings, source lines, rule list and checks — is
a few KB, and the rules that compare reports find over it what they find over the whole."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from xxgk_lint import api
from xxgk_lint.engine.results import FileResult

ROOT = Path(__file__).resolve().parent.parent


def _kept(result: FileResult) -> FileResult:
    """The docs' recipe, word for word."""
    return dataclasses.replace(result, diagnostics=(), source_lines=(), rules_run=(), checks=())


@pytest.mark.parametrize("folder", ["carry-broken", "copied-prose"])
def test_kept_facts_are_small_and_enough(folder: str) -> None:
    files = sorted((ROOT / "fixtures" / "years" / folder).glob("*.txt"))
    results = [api.check_bytes(str(p), p.read_bytes()) for p in files]
    kept = [_kept(r) for r in results]
    across = api.check_run(results)
    assert across, "the fixture is one where reports are compared"
    assert [d.to_json() for d in api.check_run(kept)] == [d.to_json() for d in across]
    for whole, small in zip(results, kept, strict=True):
        size = len(pickle.dumps(small))
        assert 1_000 < size < 8_000, (whole.path, size)  # docs/api.md: about 4 KB
        assert len(pickle.dumps(whole)) > 5 * size  # the whole result: about 35 KB
