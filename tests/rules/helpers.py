"""Run the built-in rules in-process on a file or a text, for rule tests."""

from __future__ import annotations

from pathlib import Path

from xxgk_lint.engine.config import Overrides
from xxgk_lint.engine.diagnostics import Diagnostic, Severity
from xxgk_lint.engine.results import FileResult
from xxgk_lint.engine.runner import run_check


def check(path: Path, lang: str = "zh", select: tuple[str, ...] | None = None) -> list[Diagnostic]:
    """Diagnostics for one file, with default config (no config file is searched for)."""
    run = run_check([str(path)], Overrides(lang=lang, select=select), _NO_CONFIG)
    return run.diagnostics


def result(
    path: Path, lang: str = "zh", select: tuple[str, ...] | None = None, config: Path | None = None
) -> FileResult:
    """The whole result for one file: findings and the checks the rules recorded."""
    run = run_check([str(path)], Overrides(lang=lang, select=select), config or _NO_CONFIG)
    (file,) = run.files
    return file


def findings(path: Path, lang: str = "zh") -> list[Diagnostic]:
    """Diagnostics at warning or error level (what the fixtures' expectations list)."""
    return [d for d in check(path, lang) if d.severity >= Severity.WARNING]


def _empty_config() -> Path:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="xxgk-lint-tests-"))
    config = folder / ".xxgk-lint.yaml"
    config.write_text("{}\n", encoding="utf-8")
    return config


_NO_CONFIG = _empty_config()


def check_text(
    folder: Path, text: str, lang: str = "zh", select: tuple[str, ...] | None = None
) -> FileResult:
    """Write ``text`` as a report in ``folder`` and check it: findings and checks."""
    path = folder / "report.txt"
    path.write_text(text, encoding="utf-8")
    return result(path, lang, select)


def codes(file: FileResult, *wanted: str) -> list[tuple[str, int, int]]:
    """(code, line, column) of the findings of the ``wanted`` codes, in order."""
    return [(d.code, d.line, d.column) for d in file.diagnostics if d.code in wanted]
