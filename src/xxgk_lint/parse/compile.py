"""Generate ``_tables.py``: the grammars' LALR tables as Python literals.

Run after editing a grammar in ``grammar/`` (a test fails until you do)::

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

from xxgk_lint.parse.grammar import (
    LEXER_PLACEHOLDER,
    build_lark,
    grammar_hash,
    grammar_specs,
    grammar_text,
)

TABLES = Path(__file__).with_name("_tables.py")

_HEADER = '''"""The grammars' LALR parse tables (generated: do not edit).

Written by ``python -m xxgk_lint.parse.compile`` from ``grammar/*.lark``; a grammar's
tables are loaded by :mod:`xxgk_lint.parse.grammar` only when their sha256 matches the
grammar file it ships with.
"""

# fmt: off
# ruff: noqa: E501
'''


def _placeholder(value: Any) -> Any:
    if isinstance(value, type):
        return LEXER_PLACEHOLDER
    if isinstance(value, dict):
        return {k: _placeholder(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_placeholder(v) for v in value]
    return value


def render() -> str:
    tables: dict[str, Any] = {}
    for name, spec in grammar_specs().items():
        text = grammar_text(spec.file)
        data, memo = build_lark(text, spec=spec).memo_serialize([TerminalDef, Rule])
        tables[name] = {"sha256": grammar_hash(text), "data": _placeholder(data), "memo": memo}
    return _HEADER + f"TABLES = {pprint.pformat(tables, width=100, sort_dicts=True)}\n"


def stale() -> list[str]:
    """The grammars whose shipped tables were not generated from the file as it is now."""
    from xxgk_lint.parse import _tables

    return [
        name
        for name, spec in grammar_specs().items()
        if _tables.TABLES.get(name, {}).get("sha256") != grammar_hash(grammar_text(spec.file))
    ]


def main(argv: list[str]) -> int:
    if "--check" in argv:
        if stale():
            print(f"{TABLES} is out of date: run python -m xxgk_lint.parse.compile")
            return 1
        return 0
    TABLES.write_text(render(), encoding="utf-8")
    print(f"wrote {TABLES}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
