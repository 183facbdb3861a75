"""A 61-bit digest of a text, for grouping and comparing texts within one run.

Not :func:`hash` (it differs between processes: ``PYTHONHASHSEED``) and not
:mod:`hashlib` (importing it loads OpenSSL, about 1.5 % of a one-file ``check``'s
start-up). Not for security: two texts chosen to collide can.
"""

from __future__ import annotations

import sys

#: The Mersenne prime 2**61 - 1.
_PRIME = (1 << 61) - 1
#: ``number % _PRIME`` for a non-negative int, in C: Python's numeric hash, whose modulus on
#: 64-bit builds is this very prime (``sys.hash_info.modulus``; the language reference,
#: "Hashing of numeric types": hash(x) is x modulo it for x >= 0). It reduces a number by
#: shifts and adds, with no long division (x_divrem, which also polls for signals at each
#: step): half the cost of a sentence's digest. Other builds: the modulo itself.
_MODULO = hash if sys.hash_info.modulus == _PRIME else _PRIME.__rmod__


def digest61(text: str) -> int:
    """``text``'s UTF-8 bytes read as one number (after a marker byte, so that leading NUL
    characters still count), modulo 2**61 - 1: computed in C by integer arithmetic, the same
    on every run and platform. Two different texts share a value with odds of about one in
    2**61."""
    return _MODULO(int.from_bytes(b"\x01" + text.encode("utf-8"), "big"))
