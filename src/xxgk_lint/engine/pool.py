"""Worker processes for ``check --jobs N``: files checked in parallel, results in order.

Each worker builds its own :class:`~xxgk_lint.engine.runner.Runner` from the run's
:class:`~xxgk_lint.engine.runner.RunOptions` (the same config files, the same plugins)
and checks one file per task; the run gets each file's
:class:`~xxgk_lint.engine.runner.Checked` back in the order of the walk, so the output is
byte for byte that of ``--jobs 1``. At most a few files per worker are in flight, so
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
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from xxgk_lint.engine.builtin import clean_text
from xxgk_lint.engine.guard import progress
from xxgk_lint.engine.walk import Skipped

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext

    from xxgk_lint.engine.runner import Checked, Planned, Runner, RunOptions

#: Files in flight per worker: enough that a slow file does not leave the others idle.
IN_FLIGHT = 4

_runner: Runner | None = None


def _start(options: RunOptions) -> None:
    """A worker's start: its own runner, no Ctrl-C, plugin output to stderr."""
    global _runner
    from xxgk_lint.engine.budget import holding

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.stdout = sys.stderr
    _runner = options.runner()
    holding().__enter__()  # the SIGALRM handler stays installed for the worker's life
    gc.freeze()


def _check(path: str, explicit: bool) -> Checked:
    assert _runner is not None, "a worker checks files only after _start"
    return _runner.check_path(path, explicit)


def _alone(conn: Connection, options: RunOptions, path: str, explicit: bool) -> None:
    """Check one file in a process of its own and send back what happened."""
    try:
        _start(options)
        conn.send(("done", _check(path, explicit)))
    except BaseException as exc:  # an internal error: the run reports it as such
        conn.send(("raised", exc))
    finally:
        conn.close()


def context_for(start_method: str | None) -> BaseContext:
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
    """End the workers now (Ctrl-C, an internal error): pending files are dropped."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(2)


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
    context: BaseContext,
    options: RunOptions,
    item: tuple[str, bool],
    crashed: Callable[[str, bool, str], Checked],
) -> Checked:
    """Check one file again in a process of its own: its result, or XG001 if it dies."""
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_alone, args=(send, options, *item), daemon=True)
    process.start()
    send.close()
    try:
        kind, payload = receive.recv()
    except (EOFError, OSError):
        kind, payload = "died", None
    finally:
        receive.close()
        process.join()
    if kind == "done":
        return payload  # type: ignore[no-any-return]
    if kind == "raised":
        raise payload
    return crashed(item[0], item[1], _died(process.exitcode, options.lang))


def checked_in_pool(
    items: Iterable[Planned],
    options: RunOptions,
    jobs: int,
    start_method: str | None,
    crashed: Callable[[str, bool, str], Checked],
) -> Iterator[tuple[Planned, Checked | None]]:
    """Check the files of ``items`` in ``jobs`` worker processes; yield them in order.

    A skipped item comes back with ``None``. An internal error in a worker is raised
    here, with :data:`~xxgk_lint.engine.guard.progress` naming the file.
    """
    context = context_for(start_method)
    limit = max(IN_FLIGHT * jobs, 2)
    window: deque[tuple[Planned, Any]] = deque()  # (item, Future | Checked | None)
    executor = _executor(context, options, jobs)
    try:
        for item in items:
            if isinstance(item, Skipped):
                window.append((item, None))
            else:
                window.append((item, executor.submit(_check, *item)))
            while len(window) > limit:
                head, executor = _head(window, executor, context, options, jobs, crashed)
                yield head
        while window:
            head, executor = _head(window, executor, context, options, jobs, crashed)
            yield head
    except BaseException:
        _stop(executor)
        raise
    executor.shutdown(wait=True)


def _head(
    window: deque[tuple[Planned, Any]],
    executor: ProcessPoolExecutor,
    context: BaseContext,
    options: RunOptions,
    jobs: int,
    crashed: Callable[[str, bool, str], Checked],
) -> tuple[tuple[Planned, Checked | None], ProcessPoolExecutor]:
    """The first item of the window, done; a new executor if the old one broke."""
    item, pending = window[0]
    if isinstance(pending, Future):
        assert not isinstance(item, Skipped)
        progress.file = clean_text(item[0])
        try:
            pending.result()
        except BrokenProcessPool:
            executor = _recover(window, executor, context, options, jobs, crashed)
    item, pending = window.popleft()
    if isinstance(pending, Future):
        pending = pending.result()
    return (item, pending), executor


def _recover(
    window: deque[tuple[Planned, Any]],
    executor: ProcessPoolExecutor,
    context: BaseContext,
    options: RunOptions,
    jobs: int,
    crashed: Callable[[str, bool, str], Checked],
) -> ProcessPoolExecutor:
    """A worker died: keep the results that came back, check the others one by one."""
    _stop(executor)
    for index, (item, pending) in enumerate(window):
        if not isinstance(pending, Future):
            continue
        assert not isinstance(item, Skipped)
        if pending.done() and not pending.cancelled() and pending.exception() is None:
            window[index] = (item, pending.result())
        else:
            progress.file = clean_text(item[0])
            window[index] = (item, _recheck(context, options, item, crashed))
    return _executor(context, options, jobs)
