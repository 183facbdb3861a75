"""Helpers for the security and robustness tests: plugins written on the fly, invariants."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.engine.reportkit import Outcome, has_traceback, write

#: The start of a plugin module: ``make(code, name)`` is the ``rule`` decorator, filled in.
PLUGIN_HEADER = """\
from xxgk_lint.engine.diagnostics import RuleDoc
from xxgk_lint.engine.hookspecs import hookimpl
from xxgk_lint.engine.rule import rule

DOC = RuleDoc("what", "why", "bad", "good")


def make(code, name, run=False):
    return rule(
        code=code,
        name=name,
        severity="error",
        summary={"zh": "测试规则", "en": "a test rule"},
        messages={"zh": {"default": "测试"}, "en": {"default": "test"}},
        docs={"zh": DOC, "en": DOC},
        run=run,
    )
"""


def plugin_source(body: str, header: bool = True) -> str:
    return (PLUGIN_HEADER + "\n\n" if header else "") + textwrap.dedent(body)


def write_plugin(folder: Path, name: str, body: str, header: bool = True, config: str = "") -> Path:
    """``folder/name`` holding the plugin, and ``folder/.xxgk-lint.yaml`` naming it."""
    path = write(folder / name, plugin_source(body, header))
    write(folder / ".xxgk-lint.yaml", f"plugins: [./{name}]\n{config}")
    return path


def assert_invariants(result: Outcome) -> None:
    """What holds for every run, however hostile the input: no traceback, exit in {0, 1, 2},
    no raw escape byte on stdout."""
    assert not has_traceback(result.output), result.output
    assert result.code in (0, 1, 2), result.code
    assert "\x1b" not in result.out, result.out
