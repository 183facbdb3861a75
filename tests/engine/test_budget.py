"""Time budgets: nested deadlines, each exception reaching the block that set it."""

from __future__ import annotations

import os
import signal
import time

import pytest

from xxgk_lint.engine.budget import BudgetExceeded, available, budget, holding, relay

pytestmark = pytest.mark.skipif(not available(), reason="SIGALRM budgets: POSIX main thread")


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def stopped(limit: budget) -> BudgetExceeded:
    """What stops a block that would spin for 5 s under ``limit``: its own deadline's
    exception, within a second."""
    start = time.monotonic()
    with pytest.raises(BudgetExceeded) as caught, limit:
        spin(5)
    assert caught.value.deadline is limit.deadline
    assert time.monotonic() - start < 1
    return caught.value


def test_a_block_over_its_budget_is_stopped() -> None:
    exceeded = stopped(budget("rule", 0.05))
    assert str(exceeded) == "rule: over its budget of 0.05 s"


def test_a_block_within_its_budget_is_not_disturbed() -> None:
    with budget("rule", 1):
        spin(0.01)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_the_outer_budget_ends_an_inner_block_that_has_time_left() -> None:
    outer, inner = budget("file", 0.1), budget("rule", 10)
    with pytest.raises(BudgetExceeded) as caught, outer:
        try:
            with inner:
                spin(5)
        except BudgetExceeded as exc:
            assert exc.deadline is not inner.deadline
            raise
    assert caught.value.deadline is outer.deadline


def test_the_inner_budget_is_caught_inside_and_the_outer_goes_on() -> None:
    outer, inner = budget("file", 5), budget("rule", 0.05)
    with outer:
        with pytest.raises(BudgetExceeded) as caught, inner:
            spin(5)
        assert caught.value.deadline is inner.deadline
        spin(0.1)  # the outer budget is still armed, and not yet over
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_no_limit_without_seconds() -> None:
    with budget("rule", None), budget("rule", 0):
        spin(0.05)


def test_the_previous_handler_comes_back() -> None:
    def mine(signum, frame):  # pragma: no cover - never called
        pass

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        with holding(), budget("rule", 1):
            assert signal.getsignal(signal.SIGALRM) is not mine
        assert signal.getsignal(signal.SIGALRM) is mine
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_blocks_in_a_run_share_the_timer_and_each_is_stopped_at_its_own_deadline() -> None:
    """Inside holding(), a block left in time leaves the timer set for its deadline (no
    system call); a later block with a later deadline is not stopped when that timer fires,
    but at its own deadline, and names itself."""
    with holding():
        first = budget("rule A", 0.05)
        with first:
            pass
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0  # still set, for A's deadline
        second = budget("rule B", 0.3)
        start = time.monotonic()
        with pytest.raises(BudgetExceeded) as caught, second:
            spin(5)
        elapsed = time.monotonic() - start
        assert caught.value.deadline is second.deadline
        assert str(caught.value) == "rule B: over its budget of 0.3 s"
        assert 0.29 <= elapsed < 2
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_shorter_block_after_a_longer_one_sets_the_timer_earlier() -> None:
    with holding():
        with budget("rule A", 10):
            pass
        stopped(budget("rule B", 0.05))
        spin(0.1)  # the timer repeats no more for B: nothing raises out here
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork")
def test_a_forked_worker_sets_its_own_timer() -> None:
    """A child does not inherit the timer: one forked while this process had a timer set
    (for a block already left) still stops its own blocks."""
    with holding():
        with budget("rule A", 0.05):
            pass  # leaves the timer set, 0.05 s ahead
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child's exit code is the assertion
            code = 3
            try:
                with budget("rule B", 0.3):
                    spin(3)
            except BudgetExceeded:
                code = 0
            os._exit(code)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_budgets_are_not_available_in_another_thread() -> None:
    import threading

    seen: list[bool] = []
    worker = threading.Thread(target=lambda: seen.append(available()))
    worker.start()
    worker.join()
    assert seen == [False] and available()


def test_each_leg_of_a_relay_has_its_whole_budget_and_its_own_label() -> None:
    with relay(0.2) as legs:
        for name in ("rule A", "rule B", "rule C"):  # 0.3 s in all: each leg within its 0.2
            with legs.leg(name):
                spin(0.1)
        start = time.monotonic()
        with pytest.raises(BudgetExceeded) as caught, legs.leg("rule D"):
            spin(5)
        assert time.monotonic() - start < 1
        assert caught.value.deadline is legs.deadline
        assert str(caught.value) == "rule D: over its budget of 0.2 s"
        spin(0.3)  # between legs: no leg runs, nothing is raised
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_relay_inside_a_budget_leaves_the_outer_exception_to_it() -> None:
    outer = budget("file", 0.1)
    with pytest.raises(BudgetExceeded) as caught, outer, relay(10) as legs:
        try:
            with legs.leg("rule"):
                spin(5)
        except BudgetExceeded as exc:
            assert exc.deadline is not legs.deadline
            raise
    assert caught.value.deadline is outer.deadline
