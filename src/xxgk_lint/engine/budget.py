"""Time budgets: a rule, or a whole file, that runs too long is stopped and reported.

A rule that loops forever (or a regular expression that backtracks on a damaged line)
must not hang a pre-commit hook or a CI job. Budgets nest (a rule's inside its file's); the
earliest deadline arms one ``SIGALRM`` timer (``signal.setitimer``), and when it fires,
:class:`BudgetExceeded` is raised in whatever Python code is running. It derives from
``BaseException`` so that a plugin's ``except Exception`` cannot swallow it, and the timer
keeps firing every :data:`_REPEAT` seconds until the budget's block is left. Code that
swallows even that (``except BaseException: pass`` in a loop) cannot be stopped from
inside the process: :data:`_GRACE` seconds after its deadline, xxgk-lint says so in one
line and exits with code 2 rather than hang.

Limitations: ``SIGALRM`` exists only on POSIX systems and only the main thread may use it.
Elsewhere (Windows, or xxgk-lint called from a thread) budgets are not enforced, and
:func:`available` says so. Python runs signal handlers only between bytecodes at points
where it checks for them: code inside a C extension is interrupted when it returns to
Python, and on Python 3.10 a loop whose body does nothing at all (``while True: pass``
inside ``try``) is never interrupted.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

#: After the first alarm, how often it repeats while the block is still running.
_REPEAT = 0.05
#: Seconds past a deadline after which code that keeps swallowing the exception ends the
#: process (exit code 2).
_GRACE = 2.0


@dataclass(eq=False)
class Deadline:
    """One budget: what it is for (``label``), its length and when it ends."""

    label: str
    seconds: float
    ends: float = field(default=0.0)


class BudgetExceeded(BaseException):
    """Raised inside the code whose :class:`Deadline` has passed."""

    def __init__(self, deadline: Deadline) -> None:
        super().__init__(f"{deadline.label}: over its budget of {deadline.seconds:g} s")
        self.deadline = deadline


_stack: list[Deadline] = []
_previous_handler: Any = None


def available() -> bool:
    """Whether budgets can be enforced here (POSIX ``setitimer``, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _on_alarm(signum: int, frame: Any) -> None:
    now = time.monotonic()
    for deadline in _stack:  # outermost first: a file's budget ends its rules' too
        if deadline.ends <= now:
            if now - deadline.ends > _GRACE:
                _give_up(deadline)
            raise BudgetExceeded(deadline)
    _arm()  # fired early (a repeat of an outer timer): wait for the right moment


def _give_up(deadline: Deadline) -> None:
    """The code over its budget swallows every exception: end the process, exit code 2."""
    message = (
        f"xxgk-lint: error: {deadline.label}: over its time limit of {deadline.seconds:g} s "
        "and cannot be stopped (it catches every exception); xxgk-lint stops here\n"
    )
    try:
        os.write(2, message.encode("utf-8", "backslashreplace"))
    finally:
        os._exit(2)


def _arm() -> None:
    if not _stack:
        signal.setitimer(signal.ITIMER_REAL, 0)
        return
    wait = min(d.ends for d in _stack) - time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, max(wait, 1e-4), _REPEAT)


_held = 0  # how many `holding()` blocks are open: the handler stays installed meanwhile


@contextmanager
def holding() -> Iterator[None]:
    """Keep the ``SIGALRM`` handler installed for the block (a run), not per budget.

    Installing a signal handler is a system call; a run sets a budget for every rule on
    every file, so it installs the handler once around the whole run.
    """
    global _held, _previous_handler
    if not available():
        yield
        return
    if _held == 0 and not _stack:
        _previous_handler = signal.signal(signal.SIGALRM, _on_alarm)
    _held += 1
    try:
        yield
    finally:
        _held -= 1
        if _held == 0 and not _stack:
            signal.signal(signal.SIGALRM, _previous_handler or signal.SIG_DFL)
            _previous_handler = None


class budget:  # lower case: used like a function, `with budget(label, seconds): ...`
    """Run a block with at most ``seconds`` (``None`` or ≤ 0: no limit).

    Catch :class:`BudgetExceeded` outside the block and compare its ``deadline`` with this
    budget's (``.deadline``, there before the block starts): an outer budget's exception
    must be left to go on up.
    """

    def __init__(self, label: str, seconds: float | None) -> None:
        self.deadline = Deadline(label, seconds or 0.0)
        self._active = bool(seconds and seconds > 0 and available())

    def __enter__(self) -> Deadline:
        global _previous_handler
        if not self._active:
            return self.deadline
        self.deadline.ends = time.monotonic() + self.deadline.seconds
        if not _stack and _held == 0:
            _previous_handler = signal.signal(signal.SIGALRM, _on_alarm)
        _stack.append(self.deadline)
        _arm()
        return self.deadline

    def __exit__(self, *exc: object) -> None:
        global _previous_handler
        if not self._active:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)  # first, so that no repeat hits the clean-up
        if self.deadline in _stack:
            _stack.remove(self.deadline)
        _arm()
        if not _stack and _held == 0:
            signal.signal(signal.SIGALRM, _previous_handler or signal.SIG_DFL)
            _previous_handler = None
