"""The README's rule table and docs/rules.md are generated from the rules themselves."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def _run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "xxgk_lint", *args], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_readme_rule_table_is_current() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- rules:start")
    block = readme[readme.index("\n", start) + 1 : readme.index("<!-- rules:end -->")]
    assert block == _run("rules", "--format", "markdown")


def test_rules_doc_is_current() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == _run("explain", "--all")


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = ci.strip().splitlines()[-1]
    assert command.startswith("python3 -m venv .venv")
    assert f"```sh\n{command}\n```" in readme
