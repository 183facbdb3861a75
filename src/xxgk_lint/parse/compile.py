"""Generate ``_tables.py``: the report grammar's LALR tables as Python literals.

Run after editing ``grammar/report.lark`` (a test fails until you do)::

    python -m xxgk_lint.parse.compile           # rewrite src/xxgk_lint/parse/_tables.py
    python -m xxgk_lint.parse.compile --check   # exit 1 if it is out of date

Literals, not a pickle: importing the module runs no code but the dict displays, and it
ships inside the package like any other module (a pickle cache in a shared temporary
directory would run whatever code someone planted there).
"""

from __future__ import annotations

import pprint
import sys
from pathlib import Path
from typing import Any

from lark.grammar import Rule
from lark.lexer import TerminalDef

from xxgk_lint.parse.grammar import LEXER_PLACEHOLDER, build_lark, grammar_hash, grammar_text
from xxgk_lint.parse.lexer import LineLexer

TABLES = Path(__file__).with_name("_tables.py")

_HEADER = '''"""The report grammar's LALR parse tables (generated: do not edit).

Written by ``python -m xxgk_lint.parse.compile`` from ``grammar/report.lark``; loaded by
:mod:`xxgk_lint.parse.grammar` only when GRAMMAR_SHA256 matches the grammar it ships with.
"""

# fmt: off
# ruff: noqa: E501
'''


def _placeholder(value: Any) -> Any:
    if value is LineLexer:
        return LEXER_PLACEHOLDER
    if isinstance(value, dict):
        return {k: _placeholder(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_placeholder(v) for v in value]
    return value


def render() -> str:
    text = grammar_text()
    lark = build_lark(text)
    data, memo = lark.memo_serialize([TerminalDef, Rule])
    return (
        _HEADER
        + f"GRAMMAR_SHA256 = {grammar_hash(text)!r}\n"
        + f"DATA = {pprint.pformat(_placeholder(data), width=100, sort_dicts=True)}\n"
        + f"MEMO = {pprint.pformat(memo, width=100, sort_dicts=True)}\n"
    )


def is_current() -> bool:
    """Whether ``_tables.py`` was generated from the grammar as it is now."""
    from xxgk_lint.parse import _tables

    return bool(grammar_hash(grammar_text()) == _tables.GRAMMAR_SHA256)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        if not is_current():
            print(f"{TABLES} is out of date: run python -m xxgk_lint.parse.compile")
            return 1
        return 0
    TABLES.write_text(render(), encoding="utf-8")
    print(f"wrote {TABLES}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
