"""The run's 61-bit text digest: the same value on every run, different texts apart."""

from __future__ import annotations

import subprocess
import sys

from xxgk_lint import digest
from xxgk_lint.digest import digest61


def test_known_values() -> None:
    assert digest61("") == 1  # the marker byte alone
    assert digest61("a") == 0x0161
    assert digest61("\x00a") == 0x010061  # a leading NUL still counts
    # a long text is folded modulo 2**61 - 1
    assert digest61("x" * 200) == 2034567361070930521
    assert digest61("x" * 200) < 2**61 - 1


def test_the_same_in_another_process_whatever_its_hash_seed() -> None:
    code = "from xxgk_lint.digest import digest61; print(digest61('青山县审计局'))"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env={"PYTHONHASHSEED": seed},
            check=True,
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert outputs == {str(digest61("青山县审计局"))} == {"418683298203965458"}


def test_sentences_that_differ_by_one_character_differ() -> None:
    base = "本机关全年共收到政府信息公开申请45件"
    variants = {base[:i] + "X" + base[i + 1 :] for i in range(len(base))}
    assert len({digest61(text) for text in variants | {base}}) == len(variants) + 1


def test_the_modulo_is_the_mersenne_prime_s_whichever_way_it_is_taken() -> None:
    # (hash() on 64-bit builds, % elsewhere: the same values; numbers around the prime's
    # multiples, and one of several hundred bits)
    prime = 2**61 - 1
    for number in (0, 1, prime - 1, prime, prime + 1, 2 * prime - 1, 2**64, 3**400 + 7):
        assert digest._MODULO(number) == number % prime
