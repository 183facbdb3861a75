"""What a rule is given and may give in the forms the rest of the API uses.

* ``ctx.diagnostic(..., severity="error")``: the strings ``@rule(severity=...)`` takes are
  taken (they gave an XG009 at 1:1 and the finding was lost);
* an option with ``choices`` is handed to the rule as the choice is declared, however the
  config spells it (``SENTENCES`` gave the rule ``"SENTENCES"``, and its
  ``== "sentences"`` took the wrong branch).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.reportkit import run_main, write, wrong_total
from tests.security.kit import plugin_source


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "r.txt", wrong_total())
    return tmp_path


SEVERITY_RULE = """
@make("ACS101", "acme-severity")
def acme(report, ctx):
    yield ctx.diagnostic(report.title.span, severity=SEVERITY)


@hookimpl
def xxgk_lint_rules():
    return [acme]
"""


@pytest.mark.parametrize(
    ("given", "shown"),
    [("'error'", "error"), ("'warning'", "warning"), ("'Info'", "info"), ("None", "error")],
)
def test_a_finding_takes_its_severity_as_a_string(
    repo: Path, capsys, given: str, shown: str
) -> None:
    source = plugin_source(SEVERITY_RULE).replace("SEVERITY)", f"{given})")
    write(repo / f"sev_{shown}.py", source)
    write(repo / ".xxgk-lint.yaml", f"plugins: [./sev_{shown}.py]\n")
    result = run_main(capsys, "check", "--format", "json", "--select", "ACS101", "r.txt")
    assert result.err == ""
    [finding] = result.diagnostics()
    assert (finding["code"], finding["severity"], finding["line"], finding["column"]) == (
        "ACS101",
        shown,
        1,
        1,
    )
    assert result.code == (1 if shown == "error" else 0)


def test_a_severity_string_of_no_severity_is_the_rule_crashing(repo: Path, capsys) -> None:
    write(repo / "sev_fatal.py", plugin_source(SEVERITY_RULE).replace("SEVERITY)", "'fatal')"))
    write(repo / ".xxgk-lint.yaml", "plugins: [./sev_fatal.py]\n")
    result = run_main(capsys, "check", "-q", "--lang", "en", "--select", "ACS101", "r.txt")
    assert result.code == 2
    assert result.err.splitlines() == [
        "xxgk-lint: r.txt: rule ACS101 (acme-severity) crashed at sev_fatal.py:23: "
        "ValueError: unknown severity "
        "'fatal' (expected error, warning or info)"
    ]


CHOICE_RULE = """
from xxgk_lint.engine.diagnostics import RuleOption


@rule(
    code="ACO101",
    name="acme-mode",
    severity="warning",
    summary={"zh": "测试", "en": "test"},
    messages={"zh": {"default": "{mode}"}, "en": {"default": "{mode}"}},
    docs={"zh": DOC, "en": DOC},
    options=[
        RuleOption("mode", "chars", "how to count", choices=("chars", "Sentences")),
        RuleOption("label", "x", "free text"),
    ],
)
def acme(report, ctx):
    mode = ctx.option("mode")
    yield ctx.diagnostic(report.title.span, mode=f"{mode}/{ctx.option('label')}")


@hookimpl
def xxgk_lint_rules():
    return [acme]
"""


@pytest.mark.parametrize(
    ("configured", "given"),
    [
        ("SENTENCES", "Sentences/ABC"),
        ("sentences", "Sentences/ABC"),
        ("Sentences", "Sentences/ABC"),
        ("CHARS", "chars/ABC"),
        (None, "chars/ABC"),
    ],
)
def test_an_option_with_choices_is_given_as_the_choice_is_declared(
    repo: Path, capsys, configured: str | None, given: str
) -> None:
    write(repo / "modes.py", plugin_source(CHOICE_RULE))
    options = "label: ABC" + (f", mode: {configured}" if configured else "")
    write(repo / ".xxgk-lint.yaml", f"plugins: [./modes.py]\nrules: {{ACO101: {{{options}}}}}\n")
    result = run_main(capsys, "check", "--format", "json", "--select", "ACO101", "r.txt")
    assert result.err == ""
    assert [(d["code"], d["message"]) for d in result.diagnostics()] == [("ACO101", given)]
