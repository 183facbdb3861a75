"""The fuzz suite's budget: short and seeded in CI, long and random with XXGK_FUZZ=long.

See ``tests/fuzz/README.md``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

#: ``XXGK_FUZZ=long`` runs many more cases, with fresh random seeds on every run.
LONG = os.environ.get("XXGK_FUZZ", "").lower() == "long"

#: Seeded mutation cases per seed file and test (the hypothesis budget is set below).
MUTATION_CASES = 400 if LONG else 6

settings.register_profile(
    "xxgk-fuzz-ci",
    max_examples=25,
    derandomize=True,  # the same cases on every run: a CI failure can be reproduced
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "xxgk-fuzz-long",
    max_examples=2_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

FUZZ = settings.get_profile("xxgk-fuzz-long" if LONG else "xxgk-fuzz-ci")
#: The command line costs ten times a reader per case: fewer cases in CI.
CLI_FUZZ = settings(FUZZ, max_examples=FUZZ.max_examples if LONG else 12)
