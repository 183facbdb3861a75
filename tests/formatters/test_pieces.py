"""A file's part of an output rendered in a worker (``check --jobs N``) is the part the
output would render itself: the same bytes, baselines and all."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from xxgk_lint.engine.checks import count
from xxgk_lint.engine.config import Overrides
from xxgk_lint.engine.pool import shipped
from xxgk_lint.engine.results import FileResult, RunResult, Tally
from xxgk_lint.engine.runner import Checked, RunOptions
from xxgk_lint.formatters import render
from xxgk_lint.formatters.pieces import EntrySpool, Rendered, Spilled, given, key, spill
from xxgk_lint.formatters.pieces import render as render_piece

from .conftest import BROKEN_FILE, COUNTY_DIAGNOSTICS, COUNTY_FILE, DOCX_FILE, RULES, TOWN_FILE
from .test_check_outcomes import BLANK, FAILED, PASSED, UNSURE

COUNTY_CHECKED = replace(COUNTY_FILE, checks=(FAILED, PASSED, BLANK, UNSURE))
FILES = (COUNTY_CHECKED, TOWN_FILE, BROKEN_FILE, DOCX_FILE)

#: (format, language, colour) of each output a worker can render, as a stream names it.
OUTPUTS = [("json", "zh", False), ("sarif", "zh", False), ("text", "zh", False)]
OUTPUTS += [("text", "en", True)]


def _options(outputs: tuple[str, ...], keep_checks: bool) -> RunOptions:
    return RunOptions(
        None, Overrides(), True, False, Path(), "zh", None, None, outputs, keep_checks
    )


def _from_a_worker(result: FileResult, outputs: tuple[str, ...], keep_checks: bool) -> FileResult:
    """``result`` as a worker sends it back: shipped, pickled, unpickled."""
    sent = shipped(Checked(result, ()), _options(outputs, keep_checks))
    back: Checked = pickle.loads(pickle.dumps(sent, protocol=pickle.HIGHEST_PROTOCOL))
    return back.result


@pytest.mark.parametrize(("fmt", "lang", "color"), OUTPUTS)
def test_pieces_from_a_worker_give_the_bytes_of_the_output(
    fmt: str, lang: str, color: bool
) -> None:
    here = RunResult(files=FILES, rules=RULES, lang=lang)
    name = key(fmt, lang, color)
    sent = tuple(_from_a_worker(f, (name,), keep_checks=False) for f in FILES)
    assert sent[0].checks == () and sent[0].check_counts == count(COUNTY_CHECKED.checks)
    assert given(sent[0], name) is not None
    there = replace(here, files=sent)
    kwargs = {"color": color} if fmt == "text" else {}
    assert render(fmt, there, **kwargs) == render(fmt, here, **kwargs)
    assert len(render(fmt, here, **kwargs)) > 200


def test_a_baseline_that_hides_a_finding_drops_its_piece_only() -> None:
    """A baseline keeps the finding objects it does not hide: the pieces are matched by
    identity, so two findings of equal value are still told apart."""
    twin = replace(COUNTY_DIAGNOSTICS[0])
    assert twin == COUNTY_DIAGNOSTICS[0] and twin is not COUNTY_DIAGNOSTICS[0]
    result = replace(COUNTY_CHECKED, diagnostics=(*COUNTY_DIAGNOSTICS, twin))
    name = key("json")
    sent = _from_a_worker(result, (name,), keep_checks=False)
    rendered = given(sent, name)
    assert rendered is not None and len(rendered.items) == 4
    first, second, third, fourth = sent.diagnostics
    assert rendered.kept(sent.diagnostics) is rendered.items
    assert rendered.kept((first, third)) == (rendered.items[0], rendered.items[2])
    assert rendered.kept((second, fourth)) == (rendered.items[1], rendered.items[3])
    assert rendered.kept(()) == ()
    # in the output: the second finding hidden, the others' items as the worker rendered
    names = tuple(key(fmt) for fmt in ("json", "sarif", "text"))
    sent = _from_a_worker(result, names, keep_checks=False)
    hidden = replace(sent, diagnostics=(sent.diagnostics[0], *sent.diagnostics[2:]))
    expected = replace(result, diagnostics=(result.diagnostics[0], *result.diagnostics[2:]))
    for fmt in ("json", "sarif", "text"):
        run = RunResult(files=(hidden,), rules=RULES)
        assert render(fmt, run) == render(fmt, RunResult(files=(expected,), rules=RULES))
    assert render_piece("text:en:1", result).items[0].startswith("\x1b[1m")


def test_an_output_writes_the_pieces_it_is_given() -> None:
    """The output does not render a file again when a worker did (the pieces are used)."""
    marked = Rendered(COUNTY_DIAGNOSTICS, ("«one»", "«two»", "«three»"), b'{"x": 1}')
    result = replace(COUNTY_FILE, rendered={"json": marked, "text:zh:0": marked})
    run = RunResult(files=(result,), rules=RULES)
    document = render("json", run)
    assert '"diagnostics": [\n    «one»,\n    «two»,\n    «three»\n  ]' in document
    assert '"reports": [\n    {"x": 1}\n  ]' in document
    assert render("text", run).startswith("«one»«two»«three»")
    assert "«" not in render("sarif", run)  # no pieces for it: rendered there


def test_checks_are_sent_back_when_an_output_still_reads_them() -> None:
    sent = _from_a_worker(COUNTY_CHECKED, (key("json"),), keep_checks=True)
    assert sent.checks == COUNTY_CHECKED.checks
    assert sent.check_counts is None
    nothing = _from_a_worker(COUNTY_CHECKED, (), keep_checks=True)
    assert (nothing.checks, nothing.rendered) == (COUNTY_CHECKED.checks, None)


def test_a_tally_counts_the_checks_a_worker_counted() -> None:
    counted = replace(COUNTY_CHECKED, checks=(), check_counts=count(COUNTY_CHECKED.checks))
    here, there = Tally(), Tally()
    here.add_file(COUNTY_CHECKED, COUNTY_CHECKED.fail_on or RULES[0].severity)
    there.add_file(counted, COUNTY_CHECKED.fail_on or RULES[0].severity)
    assert vars(there) == vars(here)
    assert here.checks == {"pass": 1, "fail": 1, "not_assessable": 1, "uncertain": 1}


def test_the_name_of_an_output() -> None:
    assert key("json", "en", True) == "json"
    assert key("sarif") == "sarif"
    assert key("text", "en", True) == "text:en:1"
    assert key("text") == "text:zh:0"


def test_a_part_spilled_to_a_file_gives_the_bytes_of_the_output(tmp_path: Path) -> None:
    """With a folder to spill to, a worker writes each file's JSON entry there and sends
    where it is; the document written from those is the one written from the results."""
    options = replace(_options((key("json"),), keep_checks=False), spill_dir=str(tmp_path))
    sent = []
    for result in FILES:
        shipped_result = shipped(Checked(result, ()), options).result
        sent.append(pickle.loads(pickle.dumps(shipped_result)))
    entries = [given(result, key("json")).entry for result in sent]  # type: ignore[union-attr]
    assert all(isinstance(entry, Spilled) for entry in entries)
    spilled = {entry.path for entry in entries}  # type: ignore[union-attr]
    assert len(spilled) == 1 and Path(spilled.pop()).parent == tmp_path  # one file a worker
    offsets = [(entry.offset, entry.length) for entry in entries]  # type: ignore[union-attr]
    assert offsets[0][0] == 0
    assert [o for o, _ in offsets[1:]] == [o + n for o, n in offsets[:-1]]  # back to back
    here = RunResult(files=FILES, rules=RULES, lang="zh")
    assert render("json", replace(here, files=tuple(sent))) == render("json", here)


def test_an_entry_spool_gives_held_and_spilled_parts_in_order(tmp_path: Path) -> None:
    worker = tmp_path / "worker"
    with worker.open("wb") as sink:
        first = spill(Rendered((), (), b'{"a": 1}'), sink, str(worker)).entry
        second = spill(Rendered((), (), '{"名": 2}'.encode()), sink, str(worker)).entry
        assert spill(Rendered((), ()), sink, str(worker)).entry == b""  # nothing to spill
    assert first == Spilled(str(worker), 0, 8) and second == Spilled(str(worker), 8, 10)
    spool = EntrySpool()
    for entry in (b"[", second, b", ", first, b"]"):
        spool.write(entry)
    worker.unlink()  # the run removes the workers' folder: the spool holds the file open
    assert b"".join(spool.replay()) == '[{"名": 2}, {"a": 1}]'.encode()
