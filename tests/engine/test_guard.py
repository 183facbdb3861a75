"""The guard's Ctrl-C handler: installed in the main thread only."""

from __future__ import annotations

import signal
import threading

from xxgk_lint.engine.guard import interrupt_handler, real_interrupts


def test_real_interrupts_installs_its_handler_for_the_block_and_restores_the_previous() -> None:
    before = signal.getsignal(signal.SIGINT)
    with real_interrupts():
        assert signal.getsignal(signal.SIGINT) is interrupt_handler
    assert signal.getsignal(signal.SIGINT) is before


def test_in_another_thread_the_block_runs_and_signals_are_left_alone() -> None:
    before = signal.getsignal(signal.SIGINT)
    ran: list[object] = []

    def block() -> None:
        with real_interrupts():
            ran.append(signal.getsignal(signal.SIGINT))

    worker = threading.Thread(target=block)
    worker.start()
    worker.join()
    assert ran == [before] and signal.getsignal(signal.SIGINT) is before
