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
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import field
from typing import Any

from xxgk_lint.records import record

#: After the first alarm, how often it repeats while the block is still running.
_REPEAT = 0.05
#: Seconds past a deadline after which code that keeps swallowing the exception ends the
#: process (exit code 2).
_GRACE = 2.0


@record(eq=False, frozen=False)
class Deadline:
    """One budget: what it is for (``label``), its length and when it ends."""

    label: str
    seconds: float
    ends: float = field(default=0.0)
    #: False once its block is left: a timer that fires later never raises for it.
    running: bool = field(default=False)


class BudgetExceeded(BaseException):
    """Raised inside the code whose :class:`Deadline` has passed."""

    def __init__(self, deadline: Deadline) -> None:
        super().__init__(f"{deadline.label}: over its budget of {deadline.seconds:g} s")
        self.deadline = deadline


_stack: list[Deadline] = []
_previous_handler: Any = None


def available() -> bool:
    """Whether budgets can be enforced here (POSIX ``setitimer``, main thread).

    Threads are started through ``threading``: while it is not imported (a plain ``check``
    never needs it, and importing it costs every start) this is the main thread.
    """
    if not _SETITIMER:
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.current_thread() is threading.main_thread()


_SETITIMER = hasattr(signal, "setitimer")


def _on_alarm(signum: int, frame: Any) -> None:
    now = time.monotonic()
    for deadline in _stack:  # outermost first: a file's budget ends its rules' too
        if deadline.running and deadline.ends <= now:
            if now - deadline.ends > _GRACE:
                _give_up(deadline)
            raise BudgetExceeded(deadline)
    _arm()  # fired early (for a block already left, or a repeat): wait for the right moment


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


#: When the timer fires next (``time.monotonic``), or ``None`` when it is not armed.
_armed: float | None = None


def _arm() -> None:
    """Set the timer for the earliest running deadline (none: stop it). A :class:`relay`'s
    deadline stays on the stack between its legs, not running: it waits for no timer."""
    ends = [d.ends for d in _stack if d.running]
    if not ends:
        _disarm()
        return
    _arm_at(min(ends))


def _arm_at(when: float) -> None:
    global _armed
    signal.setitimer(signal.ITIMER_REAL, max(when - time.monotonic(), 1e-4), _REPEAT)
    _armed = when


def _disarm() -> None:
    global _armed
    signal.setitimer(signal.ITIMER_REAL, 0)
    _armed = None


def _forgotten() -> None:
    """In a forked child: the timer is not inherited, so none is set (a worker process
    forked while this one had a timer set must set its own)."""
    global _armed
    _armed = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forgotten)


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
            _disarm()  # a timer left running for a block already over (see budget)
            signal.signal(signal.SIGALRM, _previous_handler or signal.SIG_DFL)
            _previous_handler = None


def _push(deadline: Deadline) -> None:
    """Put ``deadline`` on the stack, installing the handler for the first one."""
    global _previous_handler
    if not _stack and _held == 0:
        _previous_handler = signal.signal(signal.SIGALRM, _on_alarm)
    _stack.append(deadline)


def _pop(deadline: Deadline) -> bool:
    """Take ``deadline`` off the stack; the last one off stops the timer and puts the
    previous handler back (inside :func:`holding` the handler stays): True if it did."""
    global _previous_handler
    if deadline in _stack:
        _stack.remove(deadline)
    if not _stack and _held == 0:
        _disarm()
        signal.signal(signal.SIGALRM, _previous_handler or signal.SIG_DFL)
        _previous_handler = None
        return True
    return False


class budget:  # lower case: used like a function, `with budget(label, seconds): ...`
    """Run a block with at most ``seconds`` (``None`` or ≤ 0: no limit).

    Catch :class:`BudgetExceeded` outside the block and compare its ``deadline`` with this
    budget's (``.deadline``, there before the block starts): an outer budget's exception
    must be left to go on up.

    Setting the timer is a system call, and a run sets a budget for every rule on every
    file: so a block only sets it when it would fire too late for its own deadline, and
    leaving a block in time does not stop it. Inside :func:`holding` the handler stays
    installed, and a timer that fires for blocks already left sets itself again for the
    earliest deadline still running, or stops. Rules of the same length one after the
    other thus share one timer (set once per ``rule-timeout`` seconds, not twice per rule).
    """

    __slots__ = ("_active", "deadline")

    def __init__(self, label: str, seconds: float | None) -> None:
        self.deadline = Deadline(label, seconds or 0.0)
        self._active = bool(seconds and seconds > 0 and available())

    def __enter__(self) -> Deadline:
        if not self._active:
            return self.deadline
        deadline = self.deadline
        deadline.ends = ends = time.monotonic() + deadline.seconds
        deadline.running = True
        _push(deadline)
        if _armed is None or _armed > ends:
            _arm_at(ends)
        return deadline

    def __exit__(self, *exc: object) -> None:
        if not self._active:
            return
        deadline = self.deadline
        deadline.running = False  # first, so that no alarm raises for it in the clean-up
        if not _pop(deadline) and deadline.ends <= time.monotonic():
            _arm()  # it ran out (the timer repeats): wait for the next deadline instead


class relay:  # lower case: used like a function, `with relay(seconds) as legs: ...`
    """Budgets of ``seconds`` each for blocks run one after the other (a file's rules):
    ``with legs.leg(label): ...`` gives its block the whole ``seconds`` from its own start,
    exactly as ``with budget(label, seconds): ...`` would, at a fraction of the cost (a
    file runs some thirty rules, each in its own budget).

    The relay's one :class:`Deadline` is put on the stack once, for the whole series; a
    leg gives it a label and a new end and marks it running, and leaving the leg marks it
    done: between legs it is on the stack but not running, so no alarm raises for it.
    Compare a caught :class:`BudgetExceeded`'s ``deadline`` with the relay's ``deadline``,
    as with a budget's. The timer is set and left as :class:`budget` sets and leaves it.
    """

    __slots__ = ("_active", "_leg", "deadline")

    def __init__(self, seconds: float | None) -> None:
        self.deadline = Deadline("", seconds or 0.0)
        self._active = bool(seconds and seconds > 0 and available())
        self._leg = _Leg(self)

    def __enter__(self) -> relay:
        if self._active:
            _push(self.deadline)
        return self

    def leg(self, label: str) -> _Leg:
        """The next leg, ``label`` naming it (in its :class:`BudgetExceeded`), to enter."""
        self.deadline.label = label
        return self._leg

    def start(self, label: str) -> None:
        """Start the next leg, ``label`` naming it, without a ``with`` block: as entering
        :meth:`leg`, for a loop that runs many legs (the runner: one per rule and file,
        where a context manager's calls were much of a small rule's cost). Call
        :meth:`stop` when the leg ends, whatever way, before handling its exception (a
        leg left running past its end would raise again)."""
        deadline = self.deadline
        deadline.label = label
        if self._active:
            deadline.ends = ends = time.monotonic() + deadline.seconds
            deadline.running = True
            if _armed is None or _armed > ends:
                _arm_at(ends)

    def stop(self) -> None:
        """End the leg :meth:`start` started (as leaving a :meth:`leg` block does).

        Unlike a budget's end it does not read the clock to see whether the leg ran out:
        the timer that then repeats finds no running deadline past its end when it fires
        and sets itself for the next one (:func:`_on_alarm`), as :func:`_arm` would have
        here — once in a while, rather than a clock read per rule and file."""
        self.deadline.running = False

    def __exit__(self, *exc: object) -> None:
        if self._active:
            self.deadline.running = False
            _pop(self.deadline)


class _Leg:
    """One leg of a :class:`relay` (one object per relay, entered once per leg)."""

    __slots__ = ("_relay", "deadline")

    def __init__(self, owner: relay) -> None:
        self._relay = owner
        #: The relay's deadline (as :attr:`budget.deadline`: compare a caught exception's).
        self.deadline = owner.deadline

    def __enter__(self) -> Deadline:
        owner = self._relay
        owner.start(owner.deadline.label)
        return self.deadline

    def __exit__(self, *exc: object) -> None:
        self._relay.stop()
