"""Worker processes for ``check --jobs N``: files checked in parallel, results in order.

Each worker builds its own :class:`~xxgk_lint.engine.runner.Runner` from the run's
:class:`~xxgk_lint.engine.runner.RunOptions` (the same config files, the same plugins)
and checks a few consecutive files per task; the run gets each file's
:class:`~xxgk_lint.engine.runner.Checked` back in the order of the walk, so the output is
byte for byte that of ``--jobs 1``. At most a few batches per worker are in flight, so
memory does not grow with the number of files.

Workers ignore Ctrl-C (the run stops them), send what plugin code prints to stderr, and
run each file under the same time budgets as the run itself (``SIGALRM`` works there: a
worker checks files in its main thread). A worker that dies — a crash in a C library, or
a rule that swallowed the time limit's exception until xxgk-lint ended the process — only
loses the file it was checking: the files in flight are checked again one at a time, in
a process of their own, and the one that kills its process gets XG001 naming how.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import IO, TYPE_CHECKING, Any

from xxgk_lint.engine.builtin import clean_text
from xxgk_lint.engine.checks import count
from xxgk_lint.engine.factstore import Packed
from xxgk_lint.engine.guard import progress
from xxgk_lint.engine.walk import Skipped

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext

    from xxgk_lint.engine.runner import Checked, Planned, Runner, RunOptions

#: Files sent to a worker at a time, at most: one message each way per batch, not per
#: file. Each batch cost the writing process about a millisecond (the pool's threads and
#: queues): 8 files a batch was a third of its CPU over 2,000 reports.
BATCH = 32
#: Files sent at a time, at least (:func:`batch_size`).
BATCH_MIN = 4
#: A batch is at most the files left ÷ (workers × this), so that batches shrink towards
#: the end of the run and the workers finish together.
SHARES = 4
#: Batches in flight per worker: enough that a slow file does not leave the others idle.
IN_FLIGHT = 3
#: Seconds a stopped pool's own thread is given to end (it ends as soon as it sees the
#: workers gone; the bound only keeps a stuck one from holding up the exit).
STOP_WAIT = 5.0

_runner: Runner | None = None
_options: RunOptions | None = None
#: This worker's file in the run's ``spill_dir`` (opened at its first file): the folder,
#: the file, its path.
_spill: tuple[str, IO[bytes], str] | None = None


#: How often a worker looks whether the process that started it is still there (s).
PARENT_POLL = 0.5


def _start(options: RunOptions) -> None:
    """A worker's start: its own runner, no Ctrl-C, SIGTERM ends it (the run's handler
    is not its), plugin output to stderr (but not what plugins print while they load:
    the run's process said it already, see :func:`~.plugins.load_quietly`), and an end
    when the run's process is gone."""
    global _runner, _options
    from xxgk_lint.engine.budget import holding
    from xxgk_lint.engine.plugins import load_quietly

    load_quietly()

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _watch_parent(os.getppid())
    sys.stdout = sys.stderr
    _runner = options.runner()
    _options = options
    holding().__enter__()  # the SIGALRM handler stays installed for the worker's life
    # Last at the worker's exit, before Python waits for its threads: one a plugin left
    # running would keep the worker, and the run waiting for it, alive forever.
    from multiprocessing.util import Finalize

    from xxgk_lint.engine.guard import end_despite_threads

    Finalize(None, end_despite_threads, args=(0,), exitpriority=-100)
    gc.freeze()


def _watch_parent(parent: int) -> None:
    """End this worker once the run's process is gone (killed with SIGKILL, or by anything
    that gave it no time to end its workers): a worker waiting for files, or blocked
    writing a result nobody reads, would otherwise wait forever. A daemon thread looks
    every :data:`PARENT_POLL` seconds (portable, where Linux's PR_SET_PDEATHSIG is not)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, name="xxgk-lint-parent-watch", daemon=True).start()


def _check(path: str, explicit: bool) -> Checked:
    assert _runner is not None and _options is not None, "a worker checks files after _start"
    return shipped(_runner.check_path(path, explicit), _options)


def shipped(checked: Checked, options: RunOptions) -> Checked:
    """What a worker sends back of a file: its part of the run's outputs rendered here
    (``options.outputs``; the file's own part written to ``options.spill_dir``), its
    checks only as counts when no output still reads them (``options.keep_checks``), its
    facts pickled (the run spools them as they are).

    A file's checks are most of what a worker would send (some fifty, 30 KB pickled);
    unpickling them and rendering them in the process that writes the output kept a third
    process busy on a machine of two cores.
    """
    result = checked.result
    changes: dict[str, Any] = {}
    if options.outputs:
        from xxgk_lint.formatters.pieces import render, spill

        rendered = {name: render(name, result) for name in options.outputs}
        if options.spill_dir is not None:
            sink, path = _spilling_to(options.spill_dir)
            rendered = {name: spill(part, sink, path) for name, part in rendered.items()}
        changes["rendered"] = rendered
    if not options.keep_checks and result.checks:
        changes["checks"] = ()
        changes["check_counts"] = count(result.checks)
    if changes:
        result = replace(result, **changes)
    facts = checked.facts
    if isinstance(facts, dict) and facts:
        facts = Packed.of(facts)
    return checked._replace(result=result, facts=facts)


def _spilling_to(folder: str) -> tuple[IO[bytes], str]:
    """This worker's own file in ``folder``, made at its first use, and its path
    (:func:`~.pieces.spill` flushes what it writes: it is there for the run to read as
    soon as the result naming it is sent)."""
    global _spill
    if _spill is None or _spill[0] != folder:
        handle, path = tempfile.mkstemp(dir=folder, prefix="worker-")
        _spill = (folder, os.fdopen(handle, "wb"), path)
    return _spill[1], _spill[2]


def _alone(conn: Connection, options: RunOptions, files: list[tuple[str, bool]]) -> None:
    """Check files one after another in a process of their own, sending back what
    happened to each as soon as it is done (the run then knows which file a death
    interrupted)."""
    try:
        _start(options)
        for path, explicit in files:
            conn.send(("done", _check(path, explicit)))
    except BaseException as exc:  # an internal error: the run reports it as such
        conn.send(("raised", exc))
    finally:
        conn.close()


def context_for(start_method: str | None) -> Any:
    """``fork`` where there is one (workers start in milliseconds and inherit the loaded
    plugins), else the platform's default (``spawn``: each worker imports them again)."""
    if start_method is None:
        methods = multiprocessing.get_all_start_methods()
        start_method = "fork" if "fork" in methods and sys.platform == "linux" else None
    return multiprocessing.get_context(start_method)


def _executor(context: BaseContext, options: RunOptions, jobs: int) -> ProcessPoolExecutor:
    # A forked worker would write out what this process still holds in its buffers.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):
            stream.flush()
    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_start, initargs=(options,)
    )


def _stop(executor: ProcessPoolExecutor) -> None:
    """End the workers now (Ctrl-C, an internal error): pending files are dropped.

    A worker ended while it was sending a result leaves the pool's thread here reading
    the rest of it, and the interpreter waits for that thread when it exits: Ctrl-C then
    hung the run, now and then. Once the workers are gone, the only other end of that
    pipe is this process's own: closed, the thread reads the end and stops.

    That thread is then waited for here, not at the interpreter's exit: there, the
    standard library wakes it without its lock (``_python_exit``) while it may be closing
    its wake-up pipe, and the write to the closed pipe printed a traceback (``OSError:
    handle is closed``, ``[Errno 9] Bad file descriptor``) after "interrupted". Once the
    thread has ended, its wake-up pipe is marked closed and that exit step does nothing.
    """
    processes = list((getattr(executor, "_processes", None) or {}).values())
    results = getattr(executor, "_result_queue", None)
    manager = getattr(executor, "_executor_manager_thread", None)
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(2)
        if process.is_alive():
            process.kill()
            process.join()
    writer = getattr(results, "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError):
            writer.close()
    if manager is not None and manager.is_alive():
        manager.join(STOP_WAIT)


def _died(exitcode: int | None, lang: str) -> str:
    """How a worker process ended, as the XG001 problem."""
    if exitcode is not None and exitcode < 0:
        try:
            how = signal.Signals(-exitcode).name
        except ValueError:
            how = f"signal {-exitcode}"
        zh, en = f"被信号 {how} 终止", f"killed by {how}"
    else:
        zh, en = f"退出码 {exitcode}", f"exit code {exitcode}"
    if lang == "en":
        return f"the worker process checking it ended unexpectedly ({en})"
    return f"检查此文件的工作进程意外终止（{zh}）"


def _recheck(
    context: Any,
    options: RunOptions,
    files: list[tuple[str, bool]],
    crashed: Callable[[str, bool, str], Checked],
) -> Iterator[Checked]:
    """Check ``files`` again, in order, one after another in a process of their own: each
    one's result, or XG001 for one its process died on (the files after it go on in a
    new process). One process for them all, not one each: a death may leave a few
    batches of files to check again."""
    left = list(files)
    while left:
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_alone, args=(send, options, left), daemon=True)
        process.start()
        send.close()
        try:
            while left:
                progress.file = clean_text(left[0][0])
                try:
                    kind, payload = receive.recv()
                except (EOFError, OSError):
                    break  # the process died on left[0]
                if kind == "raised":
                    raise payload
                left.pop(0)
                yield payload
        except BaseException:
            if process.is_alive():
                process.terminate()
            raise
        finally:
            receive.close()
            process.join()
        if left:
            path, explicit = left.pop(0)
            yield crashed(path, explicit, _died(process.exitcode, options.lang))


def _check_batch(files: list[tuple[str, bool]]) -> tuple[list[Checked], BaseException | None]:
    """Check consecutive files; stop at an internal error and send it back with the
    results so far (so that the run names the file it happened on)."""
    done: list[Checked] = []
    for path, explicit in files:
        try:
            done.append(_check(path, explicit))
        except Exception as exc:
            return done, exc
    return done, None


class _Batch:
    """Consecutive planned items sent to one worker together: their results, when back."""

    def __init__(self, items: list[Planned]) -> None:
        self.items = items
        self.files = [item for item in items if not isinstance(item, Skipped)]
        self.future: Future[tuple[list[Checked], BaseException | None]] | None = None
        self.done: list[Checked] | None = None
        self.error: BaseException | None = None

    def settle(self, result: tuple[list[Checked], BaseException | None]) -> None:
        self.done, self.error = result
        self.future = None

    def outcomes(self) -> Iterator[tuple[Planned, Checked | None]]:
        """The items in order, each with its result (None for a skipped one)."""
        assert self.done is not None
        results = iter(self.done)
        for item in self.items:
            if isinstance(item, Skipped):
                yield item, None
                continue
            progress.file = clean_text(item[0])
            checked = next(results, None)
            if checked is None:  # the file the worker's internal error happened on
                assert self.error is not None
                raise self.error
            yield item, checked


def batch_size(left: int | None, jobs: int) -> int:
    """How many files the next batch takes when ``left`` files are still to be sent (None:
    not known): :data:`BATCH`, less towards the end, never under :data:`BATCH_MIN`."""
    if left is None:
        return BATCH
    return max(BATCH_MIN, min(BATCH, left // (jobs * SHARES)))


def _batches(items: Iterable[Planned], jobs: int, total: int | None) -> Iterator[_Batch]:
    batch: list[Planned] = []
    files = sent = 0
    size = batch_size(total, jobs)
    for item in items:
        batch.append(item)
        if not isinstance(item, Skipped):
            files += 1
        if files >= size:
            yield _Batch(batch)
            sent += files
            batch, files = [], 0
            size = batch_size(None if total is None else total - sent, jobs)
    if batch:
        yield _Batch(batch)


def checked_in_pool(
    items: Iterable[Planned],
    options: RunOptions,
    jobs: int,
    start_method: str | None,
    crashed: Callable[[str, bool, str], Checked],
    files: int | None = None,
) -> Iterator[tuple[Planned, Checked | None]]:
    """Check the files of ``items`` in ``jobs`` worker processes; yield them in order.

    Files go to the workers in batches (one message each way per batch, not per file)
    of :func:`batch_size` files (``files``: how many ``items`` hold). A skipped item
    comes back with ``None``. An internal error in a worker is raised here, with
    :data:`~xxgk_lint.engine.guard.progress` naming the file.
    """
    context = context_for(start_method)
    window: deque[_Batch] = deque()
    executor = _executor(context, options, jobs)
    try:
        for batch in _batches(items, jobs, files):
            if batch.files:
                try:
                    batch.future = executor.submit(_check_batch, batch.files)  # type: ignore[arg-type]
                except BrokenProcessPool:  # a worker died since the last batch came back
                    executor = _recover(window, executor, context, options, jobs, crashed)
                    batch.future = executor.submit(_check_batch, batch.files)  # type: ignore[arg-type]
            else:
                batch.done = []
            window.append(batch)
            while len(window) > IN_FLIGHT * jobs:
                executor = _head(window, executor, context, options, jobs, crashed)
                yield from window.popleft().outcomes()
        while window:
            executor = _head(window, executor, context, options, jobs, crashed)
            yield from window.popleft().outcomes()
    except BaseException:
        _stop(executor)
        raise
    executor.shutdown(wait=True)


def _head(
    window: deque[_Batch],
    executor: ProcessPoolExecutor,
    context: Any,
    options: RunOptions,
    jobs: int,
    crashed: Callable[[str, bool, str], Checked],
) -> ProcessPoolExecutor:
    """The first batch of the window, done; a new executor if the old one broke."""
    head = window[0]
    if head.future is not None:
        progress.file = clean_text(head.files[0][0])
        try:
            head.settle(head.future.result())
        except BrokenProcessPool:
            executor = _recover(window, executor, context, options, jobs, crashed)
    return executor


def _recover(
    window: deque[_Batch],
    executor: ProcessPoolExecutor,
    context: Any,
    options: RunOptions,
    jobs: int,
    crashed: Callable[[str, bool, str], Checked],
) -> ProcessPoolExecutor:
    """A worker died: keep the batches that came back, check the others' files again one
    after another, in a process of their own (the one that kills it gets XG001)."""
    _stop(executor)
    lost: list[_Batch] = []
    for batch in window:
        future = batch.future
        if future is None:
            continue
        if future.done() and not future.cancelled() and future.exception() is None:
            batch.settle(future.result())
        else:
            lost.append(batch)
    again = iter(list(_recheck(context, options, [f for b in lost for f in b.files], crashed)))
    for batch in lost:
        batch.settle(([next(again) for _ in batch.files], None))
    return _executor(context, options, jobs)
