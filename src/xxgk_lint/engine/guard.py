"""Keeping plugin code from breaking a run (behaviour, not security: plugins are trusted code).

* :func:`contained` decides which exceptions from plugin code are reported as that
  plugin's failure: every ``Exception``, ``SystemExit`` (a plugin calling ``sys.exit(5)``
  must not set the process's exit code) and a ``KeyboardInterrupt`` the plugin raised
  itself. A real Ctrl-C still stops the run: :func:`interrupt_handler` notes it first.
* :func:`captured_stdout` sends what plugin code prints to stderr, so that ``--format
  json`` on stdout stays a valid document; closing the captured stream closes nothing.
* :data:`progress` names the file being processed, for the command line's last-resort
  error message.
* :func:`end_despite_threads` ends a process whose work is done although a plugin left a
  thread running that is not a daemon (Python would wait for it forever).
"""

from __future__ import annotations

import io
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from xxgk_lint.engine.budget import BudgetExceeded


class Progress:
    """What the run is doing now: the file being read, parsed or checked, if any."""

    def __init__(self) -> None:
        self.file: str | None = None


progress = Progress()

_sigint_seen = False


def end_despite_threads(code: int) -> None:
    """End the process now, with ``code``, if a thread that is not a daemon is left.

    A plugin may leave one running (a helper that ships logs, an executor's task still
    waiting on the network): Python would wait for it at exit, after the summary, and a
    pre-commit hook or CI job would hang. Called where the process's work is done (the
    output written, the exit code known): the standard streams are flushed and the
    process ends (``os._exit``: no clean-up a plugin registered is waited for). A
    process that left no such thread goes on to exit as usual.
    """
    threading = sys.modules.get("threading")
    if threading is None:  # (no thread was ever started: a plain check never imports it)
        return
    main = threading.main_thread()
    if not any(t is not main and not t.daemon and t.is_alive() for t in threading.enumerate()):
        return
    for stream in (sys.stdout, sys.stderr):
        with suppress(AttributeError, OSError, ValueError):
            stream.flush()
    os._exit(code)


def interrupt_handler(signum: int, frame: Any) -> None:
    """SIGINT handler: note that the user pressed Ctrl-C, then interrupt as Python does."""
    global _sigint_seen
    _sigint_seen = True
    raise KeyboardInterrupt


class Terminated(KeyboardInterrupt):
    """SIGTERM (a supervisor, a cancelled CI job, ``kill``): the run stops as on Ctrl-C —
    its worker processes ended, one line said — instead of dying at once and leaving its
    workers behind."""


def terminate_handler(signum: int, frame: Any) -> None:
    """SIGTERM handler: stop the run as :func:`interrupt_handler` does."""
    global _sigint_seen
    _sigint_seen = True
    raise Terminated


@contextmanager
def real_interrupts() -> Iterator[None]:
    """Install :func:`interrupt_handler` and :func:`terminate_handler` for the block (main
    thread only)."""
    global _sigint_seen
    _sigint_seen = False
    try:
        previous = signal.signal(signal.SIGINT, interrupt_handler)
    except ValueError:  # not the main thread, where Python runs signal handlers
        yield
        return
    previous_term = signal.signal(signal.SIGTERM, terminate_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        signal.signal(signal.SIGTERM, previous_term)


def debugging() -> bool:
    """Whether the run was asked for tracebacks: ``--debug`` (the command line sets
    ``XXGK_LINT_DEBUG`` for the command: worker processes inherit it) or
    ``XXGK_LINT_DEBUG=1``."""
    return os.environ.get("XXGK_LINT_DEBUG", "").strip() not in ("", "0")


def raised_at(exc: BaseException) -> str | None:
    """``file:line`` where a rule's exception was raised: the last line of its plugin's
    own code in the traceback (not the standard library's, pluggy's nor xxgk-lint's, which
    a rule may call), relative to the working directory when inside it; ``None`` when
    there is none (a built-in rule)."""
    from xxgk_lint.engine.plugins import failure_place  # (a rule failed: rare)

    return failure_place(exc, None)


def show_traceback(message: str, exc: BaseException) -> None:
    """With :func:`debugging`: the error line of a rule that raised ``exc`` and its
    traceback on stderr, from the rule's own call on (the runner's frames left out), as
    ``--debug`` shows an internal error's. Said where the rule ran (a worker process with
    ``--jobs``), when it failed; the run still names it in its one line."""
    if not debugging():
        return
    import traceback

    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None and _is_runner(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    text = "".join(traceback.format_exception(type(exc), exc, tb))
    with suppress(OSError, ValueError):
        sys.stderr.write(f"xxgk-lint: {message}\n{text}")
        sys.stderr.flush()


def _is_runner(filename: str) -> bool:
    return os.path.basename(filename) == "runner.py" and os.path.dirname(
        filename
    ) == os.path.dirname(__file__)


def contained(exc: BaseException) -> bool:
    """Whether ``exc``, raised by plugin code, is that plugin's failure (else: re-raise)."""
    if isinstance(exc, BudgetExceeded):
        return False  # the caller that set the budget decides
    if isinstance(exc, KeyboardInterrupt):
        return not _sigint_seen
    return isinstance(exc, (Exception, SystemExit, GeneratorExit))


class Capture(io.StringIO):
    """A stdout for plugin code: collects what it prints; ``close()`` is ignored."""

    def close(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


class captured_stdout:  # lower case: used like a function, `with captured_stdout(): ...`
    """Run the block with ``sys.stdout`` collected, then write what it printed to stderr.

    A class rather than a generator-based context manager: the runner enters one around
    every rule on every file. Inside another capture it does nothing (the runner also
    enters one around all of a file's rules: a rule's own then costs two method calls,
    not a stream of its own).
    """

    __slots__ = ("_capture", "_previous")
    _capture: Capture | None

    def __enter__(self) -> None:
        if type(sys.stdout) is Capture:
            self._capture = None
            return
        self._capture = Capture()
        self._previous = sys.stdout
        sys.stdout = self._capture

    def __exit__(self, *exc: object) -> None:
        if self._capture is None:
            return
        sys.stdout = self._previous
        text = self._capture.getvalue()
        if text:
            with suppress(OSError, ValueError):  # stderr is gone: nowhere left to say it
                sys.stderr.write(text if text.endswith("\n") else text + "\n")
