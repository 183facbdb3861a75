"""Worker processes (``--jobs``): a dying worker loses only its file, never the run.

The plugins here kill their own process on purpose, in a worker only: a crash in a C
library (a segfault) or a rule that swallowed its time limit until xxgk-lint ended the
process look the same to the run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from tests.engine.reportkit import (
    CLEAN,
    TITLE,
    edit,
    has_traceback,
    run_main,
    write,
    wrong_total,
)
from xxgk_lint.engine import pool
from xxgk_lint.engine.config import ConfigResolver, Overrides
from xxgk_lint.engine.runner import WORKERS_PER_CORE, Runner, usable_cores, workers_for


def plugin(imports: str, code: str, name: str, body: str) -> str:
    """The source of a plugin file registering one per-report rule ``code`` (``name``),
    whose function is ``body`` (its lines after ``def check(report, ctx):``)."""
    return f"""\
{imports}
from xxgk_lint.engine.diagnostics import RuleDoc
from xxgk_lint.engine.hookspecs import hookimpl
from xxgk_lint.engine.rule import rule

DOC = RuleDoc("what", "why", "bad", "good")


@rule(
    code="{code}",
    name="{name}",
    severity="warning",
    summary={{"zh": "测试", "en": "test"}},
    messages={{"zh": {{"default": "测试"}}, "en": {{"default": "test"}}}},
    docs={{"zh": DOC, "en": DOC}},
)
def check(report, ctx):
{textwrap.indent(textwrap.dedent(body), "    ")}

@hookimpl
def xxgk_lint_rules():
    return [check]
"""


KILLER = plugin(
    "import os\nimport signal\n",
    "KIL101",
    "kills-its-process",
    """\
    if report.title is not None and "致命" in report.title.text:
        os.kill(os.getpid(), signal.SIGKILL)
    return ()
    """,
)

DEADLY = edit(CLEAN, TITLE, TITLE.replace("测试县", "致命县"))


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "checks" / "killer.py", KILLER)
    # ignore XG604: the copies are one body's reports of one year
    write(tmp_path / ".xxgk-lint.yaml", "plugins: [./checks/killer.py]\nignore: [XG604]\n")
    for number in range(8):
        write(tmp_path / "reports" / f"r{number}.txt", DEADLY if number == 3 else CLEAN)
    return tmp_path


def test_a_worker_that_dies_costs_only_its_file(repo: Path, capsys) -> None:
    result = run_main(capsys, "check", "--jobs", "2", "--lang", "en", "--format", "json", "reports")
    assert result.code == 2
    document = result.json()
    assert document["summary"]["files"] == 8
    assert document["summary"]["unreadable"] == 1
    (finding,) = document["diagnostics"]
    assert finding["path"] == "reports/r3.txt"
    assert finding["code"] == "XG001"
    assert finding["message"] == (
        "cannot be checked as an annual report: the worker process checking it ended "
        "unexpectedly (killed by SIGKILL)"
    )
    assert not has_traceback(result.err)


def test_every_file_comes_back_once_after_a_death(repo: Path) -> None:
    resolver = ConfigResolver(Path(".xxgk-lint.yaml"), Overrides(lang="en"))
    run = Runner(resolver, "en", jobs=3)
    run.plan(["reports"])
    paths = [r.path for r in run.results()]
    assert paths == [f"reports/r{n}.txt" for n in range(8)]


def test_workers_started_with_spawn_give_the_same_results(tmp_path: Path) -> None:
    """The start method of macOS and Windows: each worker builds its runner from the
    run's options alone."""
    for number in range(4):
        write(tmp_path / f"r{number}.txt", CLEAN if number % 2 else wrong_total())
    resolver = ConfigResolver(None, Overrides(lang="en"), isolated=True)
    one = Runner(resolver, "en").run([str(tmp_path)])
    spawned = Runner(resolver, "en", jobs=2, start_method="spawn").run([str(tmp_path)])
    assert spawned == one
    assert [len(f.diagnostics) for f in spawned.files] == [1, 0, 1, 0]  # XG201 each


def test_an_internal_error_in_a_worker_names_the_file(
    repo: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers are forked: the injected crash is theirs too."""
    import xxgk_lint.parse

    def boom(*args, **kwargs):
        raise ZeroDivisionError("injected")

    monkeypatch.setattr(xxgk_lint.parse, "parse_source", boom)
    result = run_main(capsys, "check", "--jobs", "2", "--isolated", "reports")
    assert result.code == 2
    assert result.err.splitlines() == [
        "xxgk-lint: error: reports/r0.txt: internal error: ZeroDivisionError: injected "
        "(run with --debug for the traceback)"
    ]


def test_an_internal_error_on_a_later_file_of_a_batch_names_that_file(
    repo: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xxgk_lint.parse

    real = xxgk_lint.parse.parse_source

    def boom_on_r5(source, *args, **kwargs):
        if source.path.endswith("r5.txt"):
            raise ZeroDivisionError("injected")
        return real(source, *args, **kwargs)

    monkeypatch.setattr(xxgk_lint.parse, "parse_source", boom_on_r5)
    write(repo / "reports" / "r2.txt", wrong_total())
    write(repo / "reports" / "r7.txt", wrong_total())
    result = run_main(capsys, "check", "--jobs", "2", "--isolated", "--lang", "en", "reports")
    assert result.code == 2
    assert result.err.splitlines() == [
        "xxgk-lint: error: reports/r5.txt: internal error: ZeroDivisionError: injected "
        "(run with --debug for the traceback)"
    ]
    # the findings of the files before it were written, in order; nothing after it
    written = [
        line.split(":")[0] for line in result.out.splitlines() if line.startswith("reports/")
    ]
    assert written == ["reports/r2.txt"]


SWALLOWER = plugin(
    "import time\n",
    "HNG101",
    "swallows-the-stop",
    """\
    if report.title is not None and "致命" in report.title.text:
        while True:
            try:
                time.sleep(0.01)
            except BaseException:
                pass
    return ()
    """,
)


def test_a_rule_that_swallows_its_time_limit_ends_its_worker_not_the_run(
    repo: Path, capsys
) -> None:
    """In one process such a rule ends the run (exit 2, one line); in a worker, xxgk-lint
    ends the worker, and the other files are still checked. (A time limit of a second:
    on a loaded machine a fifth of one could stop a rule that only waited for a CPU.)"""
    write(repo / "checks" / "killer.py", SWALLOWER)
    write(
        repo / ".xxgk-lint.yaml",
        "plugins: [./checks/killer.py]\nignore: [XG604]\nrule-timeout: 1\n",
    )
    result = run_main(capsys, "check", "--jobs", "2", "--lang", "en", "--format", "json", "reports")
    assert result.code == 2
    document = result.json()
    assert document["summary"]["files"] == 8
    (finding,) = document["diagnostics"]
    assert finding["path"] == "reports/r3.txt"
    assert finding["message"].endswith("ended unexpectedly (exit code 2)")


def test_deaths_among_many_batches_cost_only_their_files(repo: Path, capsys) -> None:
    """Two deadly files among 120 (several batches in flight when a worker dies): the
    files in flight are checked again one after another, each death costs one file."""
    for number in range(8, 120):
        write(repo / "reports" / f"r{number:03d}.txt", DEADLY if number == 77 else CLEAN)
    argv = ["check", "--jobs", "2", "--lang", "en", "--format", "json", "reports"]
    result = run_main(capsys, *argv)
    assert result.code == 2
    document = result.json()
    assert document["summary"]["files"] == 120
    assert [r["path"] for r in document["reports"]] == sorted(
        str(p.relative_to(repo)) for p in (repo / "reports").glob("r*.txt")
    )
    died = [(d["path"], d["code"]) for d in document["diagnostics"]]
    assert died == [("reports/r077.txt", "XG001"), ("reports/r3.txt", "XG001")]
    assert all("killed by SIGKILL" in d["message"] for d in document["diagnostics"])
    assert sum(document["summary"]["checks"].values()) > 118 * 40  # the others checked


def test_a_recheck_goes_on_after_a_death_in_a_new_process(repo: Path) -> None:
    """The files in flight when a worker died: one process for them all, a new one after
    each file that kills it."""
    from xxgk_lint.engine.pool import _recheck, context_for

    resolver = ConfigResolver(Path(".xxgk-lint.yaml"), Overrides(lang="en"))
    run = Runner(resolver, "en", jobs=2)
    run.plan(["reports"])
    write(repo / "reports" / "r5.txt", DEADLY)
    files = [(f"reports/r{n}.txt", False) for n in range(8)]
    again = list(_recheck(context_for(None), run.options(), files, run.crashed))
    assert [c.result.path for c in again] == [path for path, _ in files]
    assert [n for n, c in enumerate(again) if c.result.unreadable] == [3, 5]
    assert again[5].result.diagnostics[0].message.endswith("(killed by SIGKILL)")


def test_a_pool_found_broken_when_a_batch_is_sent_loses_no_file(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that dies between two batches breaks the pool before the next one is sent
    (``submit`` raises): the batches in flight are checked again, the run goes on."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    import xxgk_lint.engine.pool as pool

    sent = []

    class BreaksOnTheSecond(ProcessPoolExecutor):
        def submit(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            sent.append(args[1])
            if len(sent) == 2:
                raise BrokenProcessPool("a child process terminated abruptly")
            return super().submit(*args, **kwargs)

    def executor(context, options, jobs):  # type: ignore[no-untyped-def]
        return BreaksOnTheSecond(jobs, context, initializer=pool._start, initargs=(options,))

    monkeypatch.setattr(pool, "_executor", executor)
    for number in range(8, 40):
        write(repo / "reports" / f"r{number:03d}.txt", CLEAN)
    write(repo / "reports" / "r3.txt", wrong_total())
    resolver = ConfigResolver(Path(".xxgk-lint.yaml"), Overrides(lang="en"))
    run = Runner(resolver, "en", jobs=2)
    run.plan(["reports"])
    results = list(run.results())
    assert len(sent) > 3  # the run went on after the broken pool
    names = sorted(p.name for p in (repo / "reports").glob("r*.txt"))
    assert [Path(r.path).name for r in results] == names
    assert [(Path(r.path).name, d.code) for r in results for d in r.diagnostics] == [
        ("r3.txt", "XG201")
    ]
    assert not any(r.unreadable for r in results)


def _slow(seconds: float) -> float:

    time.sleep(seconds)
    return seconds


def test_a_stopped_pool_leaves_nothing_for_the_interpreters_exit_to_wake() -> None:
    """After Ctrl-C, the pool's own thread has ended before the run returns: at the
    interpreter's exit the standard library wakes it without its lock, and a wake-up
    racing its close printed a traceback after "interrupted" (``Bad file descriptor``)."""
    from xxgk_lint.engine.pool import _stop, context_for

    executor = ProcessPoolExecutor(max_workers=2, mp_context=context_for(None))
    futures = [executor.submit(_slow, 5.0) for _ in range(4)]  # busy workers, work queued
    manager = executor._executor_manager_thread  # type: ignore[attr-defined]
    wakeup = executor._executor_manager_thread_wakeup  # type: ignore[attr-defined]
    assert manager is not None and manager.is_alive()
    _stop(executor)
    assert not manager.is_alive()
    assert wakeup._closed  # what the exit step wakes is marked closed: it does nothing
    assert all(future.done() for future in futures)


def test_jobs_beyond_the_files_and_the_cores_start_no_more_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--jobs 100000`` forked until the machine's memory ran out."""
    started: list[int] = []
    real = pool._executor

    def counted(context, options, jobs):  # type: ignore[no-untyped-def]
        started.append(jobs)
        return real(context, options, jobs)

    monkeypatch.setattr(pool, "_executor", counted)
    for number in range(3):
        write(tmp_path / f"r{number}.txt", CLEAN)
    run = Runner(ConfigResolver(None, Overrides(lang="en"), isolated=True), "en", jobs=100_000)
    run.plan([str(tmp_path)])
    assert [Path(r.path).name for r in run.results()] == ["r0.txt", "r1.txt", "r2.txt"]
    assert started == [3]
    assert workers_for(100_000, 10**6) == WORKERS_PER_CORE * usable_cores()
    assert workers_for(2, 10**6) == 2
    assert workers_for(8, 1) == 1


SLOW = plugin("import time\n", "SLW101", "takes-its-time", "time.sleep(0.2)\nreturn ()\n")


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (Linux's /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads Linux's /proc")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_the_workers_end_with_the_run_killed(repo: Path, how: signal.Signals) -> None:
    """A supervisor's SIGTERM to the run's process alone (a cancelled CI job), or a
    SIGKILL, left the workers waiting forever."""
    import time

    write(repo / "checks" / "killer.py", SLOW)
    for number in range(40):
        write(repo / "reports" / f"s{number}.txt", CLEAN)
    run = subprocess.Popen(
        [sys.executable, "-m", "xxgk_lint", "check", "--jobs", "2", "--lang", "en", "reports"],
        cwd=repo,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline:
        workers = _children(run.pid)
        time.sleep(0.05)
    assert len(workers) >= 2
    run.send_signal(how)
    _, err = run.communicate(timeout=30)
    if how == signal.SIGTERM:
        assert (run.returncode, err.strip()) == (2, "xxgk-lint: terminated")
    else:
        assert run.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 10
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _alive(workers) == set()


# ---- workers started by spawn (macOS, Windows): the command line's output as --jobs 1 ----

#: ``xxgk-lint ARGV`` with the pool's workers started by ``spawn`` (the start method of
#: macOS and Windows), on any platform.
SPAWNED = (
    "import sys\n"
    "from xxgk_lint.engine import pool\n"
    "real = pool.context_for\n"
    "pool.context_for = lambda method: real(method or 'spawn')\n"
    "from xxgk_lint.cli.main import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)

#: A plugin that prints when it is imported, when its hook is called and per file.
LOUD = plugin(
    'print("loading acme")',
    "ACM001",
    "acme-loud",
    'print("checking", ctx.path)\nyield from ()',
).replace("def xxgk_lint_rules():\n", 'def xxgk_lint_rules():\n    print("hook acme")\n')


def _command(*argv: str, cwd: Path, spawn: bool) -> tuple[int, bytes, bytes]:
    """The command line in a child process (its workers started by spawn or not): exit
    code, stdout and stderr as bytes."""
    start = [sys.executable, "-c", SPAWNED] if spawn else [sys.executable, "-m", "xxgk_lint"]
    done = subprocess.run(
        [*start, *argv],
        cwd=cwd,
        capture_output=True,
        timeout=300,
        env={**os.environ, "PYTHONUTF8": "1", "NO_COLOR": "1"},
    )
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def twelve(tmp_path: Path) -> Path:
    """Twelve reports (three batches: both workers get some) — a clean one, a wrong
    total, an empty file — and the loud plugin."""
    texts = (CLEAN, wrong_total(), "")
    for number in range(12):
        write(tmp_path / "reports" / f"r{number:02}.txt", texts[number % 3])
    write(tmp_path / "acme.py", LOUD)
    write(tmp_path / ".xxgk-lint.yaml", "plugins: [./acme.py]\n")
    return tmp_path


@pytest.mark.parametrize("spawn", [True, False], ids=["spawn", "fork"])
def test_what_a_plugin_prints_while_it_loads_is_said_once_with_jobs(
    twelve: Path, spawn: bool
) -> None:
    """A worker loads the plugins again (spawned: imports them; forked: calls their hook):
    the run's process said what that prints already, when it planned the run."""
    code, _, err = _command("check", "-q", "--jobs", "2", "reports", cwd=twelve, spawn=spawn)
    assert code == 2  # the empty files
    checked = [f"checking reports/r{n:02}.txt" for n in range(12) if n % 3 != 2]
    said = err.decode("utf-8").splitlines()
    assert said[:2] == ["loading acme", "hook acme"]
    assert said.count("loading acme") == said.count("hook acme") == 1
    assert sorted(line for line in said if line.startswith("checking")) == checked  # once each


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif", "gitlab"])
def test_spawned_workers_write_what_jobs_1_writes(twelve: Path, fmt: str) -> None:
    one = _command("check", "--format", fmt, "--jobs", "1", "reports", cwd=twelve, spawn=False)
    two = _command("check", "--format", fmt, "--jobs", "2", "reports", cwd=twelve, spawn=True)
    assert one[0] == two[0] == 2
    assert two[1] == one[1]  # stdout, byte for byte
    # stderr: the same lines (a rule's prints come from the worker that ran it, as they come)
    assert sorted(two[2].splitlines()) == sorted(one[2].splitlines())
    assert two[2].splitlines()[:2] == [b"loading acme", b"hook acme"]
