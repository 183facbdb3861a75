"""Session 41: a ``check_bytes`` result pickles small — the built-in rules it ran as their
codes, not their declarations (messages and documentation in two languages, three
quarters of the result) — and unpickles equal, a plugin's rules in full."""

from __future__ import annotations

import pickle
from pathlib import Path

from tests.engine.reportkit import run_main, write, wrong_total
from xxgk_lint import api

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "examples" / "local-plugin" / "acme_rules.py"


def test_a_result_pickles_small_and_equal() -> None:
    result = api.check_bytes("incoming/b.txt", wrong_total().encode("utf-8"))
    data = pickle.dumps(result)
    assert len(data) < 50_000  # was about 130 KB: 28 declarations of some 1.6 KB each
    again = pickle.loads(data)
    assert again == result
    assert [m.code for m in again.rules_run] == [m.code for m in result.rules_run]
    assert [m.docs for m in again.rules_run] == [m.docs for m in result.rules_run]
    assert pickle.loads(pickle.dumps(again)) == result  # and again


def test_a_plugins_rules_travel_in_full(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = write(tmp_path / "acme.yaml", f"plugins: ['{PLUGIN}']\nlang: en\n")
    data = wrong_total().encode("utf-8")
    result = api.check_bytes("b.txt", data, config)
    codes = [m.code for m in result.rules_run]
    assert "AC001" in codes and "XG201" in codes
    again = pickle.loads(pickle.dumps(result))
    assert again == result
    acme = next(m for m in again.rules_run if m.code == "AC001")
    assert acme.origin == next(m for m in result.rules_run if m.code == "AC001").origin
    write(tmp_path / "b.txt", wrong_total())
    expected = run_main(capsys, "check", "--config", config, "--format", "junit", "b.txt")
    assert api.render("junit", [again], config) == expected.out
