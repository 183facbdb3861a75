"""The guard's Ctrl-C handler: installed in the main thread only."""

from __future__ import annotations

import signal
import sys
import threading

import pytest

from xxgk_lint.engine.guard import captured_stdout, interrupt_handler, real_interrupts


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


def test_a_capture_sends_what_was_printed_to_stderr_once_even_when_nested(
    capsys: pytest.CaptureFixture[str],
) -> None:
    outer_stdout = sys.stdout
    with captured_stdout():
        print("before")
        with captured_stdout():  # inside another capture: nothing of its own
            print("inside")
        print("after")
        assert sys.stdout is not outer_stdout
    assert sys.stdout is outer_stdout
    out, err = capsys.readouterr()
    assert (out, err) == ("", "before\ninside\nafter\n")
