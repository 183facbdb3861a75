"""xxgk_lint.plugin is the whole plugin API, and the examples use nothing else."""

from __future__ import annotations

import ast

import xxgk_lint.plugin
from tests.conftest import ROOT

#: The stable surface (docs/writing-rules.md lists it): adding a name is a decision, so
#: this list changes with it; removing one breaks plugins.
SURFACE = [
    "API_VERSION",
    "Cell",
    "CheckCell",
    "Diagnostic",
    "Paragraph",
    "Period",
    "Related",
    "Report",
    "ReportFacts",
    "Row",
    "Rule",
    "RuleContext",
    "RuleDefinitionError",
    "RuleDoc",
    "RuleOption",
    "Section",
    "Sentence",
    "Severity",
    "Span",
    "Table",
    "UnknownKeyError",
    "consecutive",
    "hookimpl",
    "rule",
    "same_year",
]


def test_the_plugin_api_is_exactly_the_documented_surface() -> None:
    assert xxgk_lint.plugin.__all__ == SURFACE
    assert all(hasattr(xxgk_lint.plugin, name) for name in SURFACE)
    assert xxgk_lint.plugin.API_VERSION == 1
    guide = (ROOT / "docs" / "writing-rules.md").read_text(encoding="utf-8")
    assert [name for name in SURFACE if f"`{name}`" not in guide] == []


def _xxgk_imports(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("xxgk"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("xxgk"))
    return found


def test_the_examples_import_only_the_plugin_api_and_the_harness() -> None:
    files = sorted((ROOT / "examples").rglob("*.py"))
    assert len(files) >= 6
    imports = {str(f.relative_to(ROOT)): _xxgk_imports(f.read_text("utf-8")) for f in files}
    allowed = {"xxgk_lint.plugin", "xxgk_lint.testing"}
    assert {f: i - allowed for f, i in imports.items() if i - allowed} == {}
    assert set().union(*imports.values()) == allowed
