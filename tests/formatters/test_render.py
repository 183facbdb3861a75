"""The dispatcher and the colour decision, which the CLI builds on."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from xxgk_lint.engine.results import RunResult
from xxgk_lint.formatters import FORMATS, render, should_color


def test_formats_are_the_documented_six() -> None:
    assert FORMATS == ("text", "json", "junit", "sarif", "github", "gitlab")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_a_complete_string(fmt: str, run_zh: RunResult) -> None:
    output = render(fmt, run_zh)
    assert output.endswith("\n")
    assert not output.endswith("\n\n")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_an_empty_run(fmt: str) -> None:
    output = render(fmt, RunResult(files=(), rules=()))
    assert output == "" or output.endswith("\n")


def test_unknown_format_names_the_known_ones(run_zh: RunResult) -> None:
    with pytest.raises(ValueError, match="text, json, junit, sarif, github, gitlab"):
        render("xml", run_zh)


def test_formatter_modules_are_imported_lazily() -> None:
    """A pre-commit run prints text: it must not pay for junit-xml or the SARIF module."""
    code = (
        "import sys\n"
        "import xxgk_lint.formatters as f\n"
        "assert 'xxgk_lint.formatters.text' not in sys.modules\n"
        "assert 'junit_xml' not in sys.modules\n"
        "from xxgk_lint.engine.results import RunResult\n"
        "f.render('text', RunResult(files=(), rules=()))\n"
        "assert 'xxgk_lint.formatters.text' in sys.modules\n"
        "assert 'junit_xml' not in sys.modules\n"
        "assert 'xxgk_lint.formatters.sarif' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.fixture
def plain_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_auto_colours_a_terminal_only(plain_env: pytest.MonkeyPatch) -> None:
    assert should_color("auto", _Stream(tty=True)) is True
    assert should_color("auto", _Stream(tty=False)) is False


def test_no_color_turns_auto_off(plain_env: pytest.MonkeyPatch) -> None:
    plain_env.setenv("NO_COLOR", "1")
    assert should_color("auto", _Stream(tty=True)) is False
    # NO_COLOR wins over FORCE_COLOR when both are set.
    plain_env.setenv("FORCE_COLOR", "1")
    assert should_color("auto", _Stream(tty=True)) is False


def test_empty_no_color_is_ignored(plain_env: pytest.MonkeyPatch) -> None:
    plain_env.setenv("NO_COLOR", "")
    assert should_color("auto", _Stream(tty=True)) is True


def test_force_color_colours_a_pipe(plain_env: pytest.MonkeyPatch) -> None:
    plain_env.setenv("FORCE_COLOR", "1")
    assert should_color("auto", _Stream(tty=False)) is True
    plain_env.setenv("FORCE_COLOR", "0")
    assert should_color("auto", _Stream(tty=False)) is False


def test_dumb_terminal_gets_no_colour(plain_env: pytest.MonkeyPatch) -> None:
    plain_env.setenv("TERM", "dumb")
    assert should_color("auto", _Stream(tty=True)) is False


def test_explicit_modes_win_over_the_environment(plain_env: pytest.MonkeyPatch) -> None:
    plain_env.setenv("NO_COLOR", "1")
    assert should_color("always", _Stream(tty=False)) is True
    plain_env.delenv("NO_COLOR")
    plain_env.setenv("FORCE_COLOR", "1")
    assert should_color("never", _Stream(tty=True)) is False


def test_stream_without_isatty_is_not_a_terminal(plain_env: pytest.MonkeyPatch) -> None:
    assert should_color("auto", object()) is False  # type: ignore[arg-type]


def test_unknown_colour_mode_is_an_error() -> None:
    with pytest.raises(ValueError, match="auto, always, never"):
        should_color("sometimes", _Stream(tty=True))
