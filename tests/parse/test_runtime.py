"""The grammars run on Lark's stand-alone runtime shipped with their tables
(``parse/_lark_runtime.py``, ``parse/_tables.py``), never on the ``lark`` package."""

from __future__ import annotations

import subprocess
import sys

import lark
import pytest

from tests.conftest import FIXTURES
from xxgk_lint.parse import _lark_runtime, _tables, compile, grammar


def test_the_runtime_and_the_tables_come_from_the_installed_lark() -> None:
    """Generated together from one Lark; the test extra pins that Lark, so a Lark upgrade
    fails here until both files are generated again."""
    assert _lark_runtime.__version__ == _tables.LARK_VERSION == lark.__version__, (
        "run: python -m xxgk_lint.parse.compile"
    )
    assert compile.RUNTIME.read_text(encoding="utf-8") == compile.render_runtime(), (
        "run: python -m xxgk_lint.parse.compile"
    )
    assert compile.main(["--check"]) == 0


def test_check_imports_no_lark_package_nor_modules_it_does_not_need() -> None:
    """Lark's grammar compiler (and what it imports) is no part of a run's start-up, nor
    are `logging` (Lark's logger is replaced), `threading`, `traceback` and `shutil` (the
    help formatter sizes itself without it)."""
    unwanted = ("lark", "logging", "threading", "traceback", "shutil")
    code = (
        "import sys\n"
        "from xxgk_lint.cli.main import main\n"
        f"status = main(['check', '--isolated', {str(FIXTURES / 'samples' / 'clean-pipe.txt')!r}])\n"
        f"print(status, sorted(m for m in sys.modules if m.split('.')[0] in {unwanted!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.splitlines()[-1] == "0 []", done.stderr


def test_the_runtime_gets_a_logger_that_drops_all_and_fails_if_lark_changes() -> None:
    assert "import logging" not in compile.RUNTIME.read_text(encoding="utf-8")
    _lark_runtime.logger.warning("dropped %s", "silently")  # Lark's level: nothing printed
    lark_text = "import logging\n" + compile._LARK_LOGGER + "logger.setLevel(logging.CRITICAL)\n"
    assert compile._without_logging(lark_text) == compile._QUIET_LOGGER
    with pytest.raises(RuntimeError, match="changed"):
        compile._without_logging(lark_text.replace("getLogger", "get_logger"))
    with pytest.raises(RuntimeError, match="beyond its logger"):
        compile._without_logging(lark_text + "logging.basicConfig()\n")


@pytest.mark.parametrize("name", ["report", "dates", "claims", "expr"])
def test_a_loaded_parser_has_one_object_per_rule(name: str) -> None:
    """The runtime compares rules by identity (compile._IDENTITY_RULES): every rule the
    tables reduce by must be the very object its callback is kept under."""
    core = grammar.load_lark(name).parser.parser.parser
    keys = {id(rule) for rule in core.callbacks if isinstance(rule, _lark_runtime.Rule)}
    reduced = [
        arg
        for actions in core.parse_table.states.values()
        for _action, arg in actions.values()
        if isinstance(arg, _lark_runtime.Rule)
    ]
    assert reduced and all(id(rule) in keys for rule in reduced)
    assert "__eq__ = object.__eq__" in compile.RUNTIME.read_text(encoding="utf-8")
    with pytest.raises(RuntimeError, match="changed"):
        compile._with_identity_rules("class Rule:\n    pass\n")


def test_a_grammar_edited_without_its_tables_is_compiled_in_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The shipped tables are used only for the grammar text they were made from; another
    text is compiled with the ``lark`` package and run on the same runtime."""
    shipped = grammar.grammar_text("dates.lark")
    edited = shipped + "\n// edited after the tables were generated\n"
    monkeypatch.setattr(grammar, "grammar_text", lambda name="report.lark": edited)
    parser = grammar.load_lark("dates")
    assert isinstance(parser, _lark_runtime.Lark)
    monkeypatch.undo()
    assert _tables.TABLES["dates"]["grammar"] == shipped
    tree = parser.parse("2023年1月1日至2023年12月31日")
    assert [child.data for child in tree.children if isinstance(child, _lark_runtime.Tree)] == [
        "date",
        "date",
    ]
    assert [str(token) for token in tree.children[2].children] == ["2023年", "12月", "31日"]
