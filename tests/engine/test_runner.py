"""The runner streams: files in walk order, each result complete when yielded, nothing kept.

``--jobs`` must give the same results in the same order as one process, whatever the
files (clean, with findings, unreadable, skipped); whole-run rules get the facts and
their findings come after the files'.
"""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, FEE, TITLE, edit, write, wrong_total
from xxgk_lint.engine.config import ConfigResolver, Overrides
from xxgk_lint.engine.factstore import FactsStore
from xxgk_lint.engine.results import FileResult, kept_lines
from xxgk_lint.engine.runner import Planned, PlannedItems, Runner, jobs_wanted, run_check
from xxgk_lint.engine.walk import Skipped

NO_FEE = edit(CLEAN, FEE, "本机关2023年无其他需要报告的事项。")


def folder(root: Path, count: int = 9) -> list[Path]:
    """``count`` reports: clean, wrong totals, no fee statement, and one unreadable file."""
    made = []
    for number in range(count):
        kind = number % 3
        text = CLEAN if kind == 0 else wrong_total(total=8 + number) if kind == 1 else NO_FEE
        made.append(write(root / f"d{number // 4}" / f"r{number:03d}.txt", text))
    broken = root / "d0" / "r000b.txt"
    broken.write_bytes(b"\x00\x01 binary \xff" * 20)
    made.append(broken)
    return made


def runner(jobs: int = 1, **kwargs) -> Runner:
    resolver = ConfigResolver(None, Overrides(lang="en"), isolated=True)
    return Runner(resolver, "en", jobs=jobs, **kwargs)


def test_results_come_in_the_order_of_the_walk(tmp_path: Path) -> None:
    folder(tmp_path)
    run = runner()
    plan = run.plan([str(tmp_path)])
    assert plan.files == 10
    paths = [r.path for r in run.results()]
    walked = [str(p) for p in run.targets]
    assert paths == walked
    assert paths == sorted(paths)  # one folder level here: the walk is by name
    assert paths[1].endswith("d0/r000b.txt")


@pytest.mark.parametrize("jobs", [2, 3])
def test_jobs_give_the_same_results_in_the_same_order(tmp_path: Path, jobs: int) -> None:
    folder(tmp_path, 13)
    one = run_check([str(tmp_path)], Overrides(lang="en"), isolated=True)
    many = run_check([str(tmp_path)], Overrides(lang="en"), isolated=True, jobs=jobs)
    assert many == one
    assert [f.path for f in many.files] == [f.path for f in one.files]
    assert len(many.files) == 14
    assert sum(f.unreadable for f in many.files) == 1
    assert {d.code for d in many.diagnostics} >= {"XG001", "XG201", "XG401"}


def test_a_result_is_complete_when_yielded(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", wrong_total())
    run = runner()
    run.plan([str(tmp_path / "a.txt")])
    (result,) = run.results()
    assert result.agency == "测试县人民政府"
    assert result.year == 2023
    assert result.format_version == "2021"
    assert result.title == "测试县人民政府2023年政府信息公开工作年度报告"
    assert result.status(result.fail_on) == "fail"
    assert [m.code for m in result.rules_run][:3] == ["XG001", "XG002", "XG003"]


def test_only_the_lines_findings_show_are_kept(tmp_path: Path) -> None:
    text = wrong_total()
    write(tmp_path / "a.txt", text)
    run = runner()
    run.plan([str(tmp_path / "a.txt")])
    (result,) = run.results()
    lines = text.split("\n")
    assert len(result.source_lines) == len(lines)
    shown = {d.line for d in result.diagnostics}
    assert shown == {24}  # XG201 on row 一's 总计 (the one wrong cell)
    assert result.source_lines[23] == lines[23]
    assert sum(1 for line in result.source_lines if line) == 1


def test_kept_lines() -> None:
    assert kept_lines(["a", "b", "c"], [3, 1, 3]) == ("a", "", "c")
    assert kept_lines([], [1]) == ()
    assert kept_lines(("a", "b"), [0, 2, 5, -1]) == ("", "b")  # beyond the file: nothing


def test_the_run_keeps_no_result(tmp_path: Path) -> None:
    """Streaming: once the consumer drops a result, nothing in the run holds it."""
    folder(tmp_path, 6)
    run = runner()
    run.plan([str(tmp_path)])
    refs: list[weakref.ref[FileResult]] = []
    for result in run.results():
        refs.append(weakref.ref(result))
        del result
    gc.collect()
    assert len(refs) == 7
    assert [r() for r in refs] == [None] * 7


def test_results_need_a_plan() -> None:
    with pytest.raises(RuntimeError, match="plan"):
        next(runner().results())


def test_skipped_files_and_nothing_found_are_run_errors_in_order(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    run = runner()
    run.plan([str(empty)])
    assert list(run.results()) == []
    assert run.run_errors == [
        f"no report file found in {empty} (extensions: .txt .md .html .htm .docx .pdf .doc .wps "
        ".ofd; "
        "see also 'exclude')"
    ]


def test_stdin_bytes_are_checked_under_their_name(tmp_path: Path) -> None:
    run = runner()
    run.use_stdin(wrong_total().encode("utf-8"), "incoming/a.txt")
    run.plan(["-"])
    (result,) = run.results()
    assert result.path == "incoming/a.txt"
    assert [d.code for d in result.diagnostics] == ["XG201"]
    assert run.jobs == 1


def test_stdin_without_a_name_is_dash() -> None:
    run = runner()
    run.use_stdin(b"\x00\x01", None)
    run.plan(["-"])
    (result,) = run.results()
    assert result.path == "-"
    assert result.unreadable


def test_jobs_zero_is_one_per_core() -> None:
    assert jobs_wanted(3) == 3
    assert jobs_wanted(0) >= 1


def test_paths_are_resolved_once_per_folder_not_per_file_and_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Resolving a path costs a system call per component; a run asked for every rule of
    every file (per-file-ignores) and every file of the walk."""
    from xxgk_lint.engine import config as config_module

    for folder in ("a", "b"):
        for number in range(10):
            write(tmp_path / folder / f"r{number}.txt", CLEAN)
    write(tmp_path / ".xxgk-lint.yaml", "per-file-ignores:\n  'a/*': [XG401]\n")
    monkeypatch.chdir(tmp_path)
    config_module._relative.cache_clear()
    config_module._resolved_folder.cache_clear()
    calls: list[Path] = []
    real = config_module._resolved

    def counting(path: Path) -> Path:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(config_module, "_resolved", counting)
    run = run_check(["a", "b"], Overrides())
    assert len(run.files) == 20
    # the working directory, the config's folder (twice: the resolver's and the globs'),
    # and each of the two folders (twice likewise): whatever the number of files and rules
    assert len(calls) == 7, calls
    assert len(set(calls)) == 3


# ---- what a run keeps in memory until its end --------------------------------------------


def bodies(root: Path, count: int) -> None:
    """``count`` reports of ``count - 1`` bodies: one body has two reports for 2023 (an
    XG604 finding on each), every other report is its own body's only one."""
    for number in range(count - 1):
        title = TITLE.replace("测试县", f"第{number}号测试县")
        write(root / f"d{number // 8}" / f"r{number:03d}.txt", edit(CLEAN, TITLE, title))
    write(root / "twice.txt", edit(CLEAN, TITLE, TITLE.replace("测试县", "第0号测试县")))


def kept_by(run: Runner, root: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Run over ``root``; what the run holds at its end (sizes), and the facts store's."""
    store: dict[str, int] = {}
    close = FactsStore.close

    def closing(self: FactsStore) -> None:
        store.update(reports=len(self), index=self.index_bytes())
        close(self)

    with monkeypatch.context() as patch:
        patch.setattr(FactsStore, "close", closing)
        plan = run.plan([str(root)])
        for _ in run.results():
            pass
    names = [Path(path).name for path, _ in plan.items]  # type: ignore[misc]
    sizes = {
        name: len(value)
        for name, value in vars(run).items()
        if name != "_plan" and hasattr(value, "__len__") and not isinstance(value, str)
    }
    return {
        "across": sorted({d.path for d in run.across}),
        "store": store,
        "plan": plan.items.held_bytes() - sum(len(n.encode()) for n in names),
        "files": plan.files,
        "sizes": sizes,
    }


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_keeps_20_bytes_of_facts_index_and_its_plan_per_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Memory flat in the number of files: at its end a run holds, per file, its planned
    path (name bytes + 13) and 20 bytes of the facts index; everything else it keeps is
    as large for 12 files as for 48 (what the whole-run findings need, and the run's
    configs and rules)."""
    small, large = tmp_path / "small", tmp_path / "large"
    bodies(small, 12)
    bodies(large, 48)
    few = kept_by(runner(jobs), small, monkeypatch)
    many = kept_by(runner(jobs), large, monkeypatch)
    assert few["store"] == {"reports": 12, "index": 12 * FactsStore.BYTES_PER_REPORT}
    assert many["store"] == {"reports": 48, "index": 48 * 20}
    assert (few["files"], many["files"]) == (12, 48)
    assert (few["plan"], many["plan"]) == (12 * 13, 48 * 13)
    # the XG604 findings on the two reports of one body; their fail-on and title line
    # are all that is kept of the files (looked up in the store for them only)
    for kept, root in ((few, small), (many, large)):
        assert kept["across"] == [str(root / "d0" / "r000.txt"), str(root / "twice.txt")]
    assert few["sizes"] == many["sizes"]
    assert few["sizes"]["across_lines"] == 2  # type: ignore[index]
    assert few["sizes"]["_fail_on_of"] == 2  # type: ignore[index]
    assert few["sizes"]["across"] == 2  # type: ignore[index]


def test_planned_items_come_back_as_added() -> None:
    items: list[Planned] = [
        ("/srv/r/a.txt", False),
        ("/srv/r/青山县2023年报告.txt", True),
        (f"/srv/{chr(0xDCFF)}/b.txt", False),  # a name that is not UTF-8 (surrogateescape)
        Skipped(Path("/srv/fifo"), "special"),
        ("-", True),
        ("c.txt", False),
    ]
    planned = PlannedItems(items)
    assert list(planned) == items
    assert (len(planned), planned.files) == (6, 5)
    # per item: its name's bytes, 8 (where it ends), 4 (its folder), 1 (its kind)
    names = [b"a.txt", "青山县2023年报告.txt".encode(), b"b.txt", b"", b"-", b"c.txt"]
    assert planned.held_bytes() == sum(len(n) for n in names) + 6 * 13


def test_findings_carry_their_report_scope_made_or_stamped(tmp_path: Path) -> None:
    """A finding made by ``RuleContext.diagnostic`` has the report's scope from its context
    (the runner copies only findings without one); every finding of a report has it."""
    from xxgk_lint.engine.diagnostics import RuleMeta, Severity
    from xxgk_lint.engine.pairing import scope_of
    from xxgk_lint.engine.rule import RuleContext
    from xxgk_lint.parse.ast import Span

    path = write(tmp_path / "r.txt", edit(wrong_total(), FEE, "本年度无其他事项。"))
    result = runner().check_path(str(path), True).result
    scope = scope_of(result.agency, result.year)
    assert scope and len(result.diagnostics) >= 2
    assert {d.scope for d in result.diagnostics} == {scope}

    messages = {"zh": {"default": "问题"}, "en": {"default": "a problem"}}
    meta = RuleMeta("AC001", "a-rule", Severity.WARNING, {}, messages, {})
    made = RuleContext(meta, "r.txt", scope=scope).diagnostic(Span(1, 1, 1, 2))
    assert made.scope == scope
    assert RuleContext(meta, "r.txt").diagnostic(Span(1, 1, 1, 2)).scope == ""
