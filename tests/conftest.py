"""Shared paths and helpers for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.system import install_cjk_font

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
#: The real reports the project owns (copied from the shared seeds, with their truth).
SEEDS = FIXTURES / "real"
#: Where they came from, when a checkout has it beside it (only the drift test uses it).
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"

#: Text fixtures with an ``.expect.yaml`` sidecar (reports, errors, samples).
EXPECT_FILES = sorted(
    p
    for folder in ("reports", "errors", "samples", "reading")
    for p in (FIXTURES / folder).glob("*.expect.yaml")
)


def report_of(expect: Path) -> Path:
    """The report file an ``.expect.yaml`` describes."""
    stem = expect.name[: -len(".expect.yaml")]
    for suffix in (".txt", ".md", ".html"):
        candidate = expect.with_name(stem + suffix)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"no report for {expect}")


def load_expect(expect: Path) -> dict:
    return yaml.safe_load(expect.read_text(encoding="utf-8"))


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def pytest_sessionstart(session: pytest.Session) -> None:
    """Install a CJK font when the machine has none and root may (CI), before any PDF is
    read: PDFium looks the machine's fonts up once per process (see :mod:`tests.system`)."""
    install_cjk_font()
