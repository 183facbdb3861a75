"""The ``github`` format: GitHub Actions workflow commands, shown as annotations on the PR.

One line per finding::

    ::error file=reports/a.txt,line=35,col=40,endLine=35,endColumn=42,title=XG201 row-sum::…

Escaping follows ``@actions/core`` (``escapeData`` / ``escapeProperty``): a message with
a newline or ``%`` would otherwise end or corrupt the command, and a ``,`` or ``:`` in a
property (a path, the title) would start a new property.
"""

from __future__ import annotations

from collections.abc import Iterator

from xxgk_lint.engine.diagnostics import Diagnostic, Severity
from xxgk_lint.engine.results import FileResult, RunEnd, RunResult
from xxgk_lint.formatters import display_path, escape_controls

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message (control characters first: the log is a terminal too)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escape_controls(value)


def escape_property(value: str) -> str:
    """Escape a command property's value."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic: Diagnostic) -> str:
    """The workflow command for one finding.

    Columns are given only for a one-line span: GitHub's annotations support a column
    range on a single line and drop ``col``/``endColumn`` otherwise.
    """
    properties = [("file", display_path(diagnostic.path)), ("line", str(diagnostic.line))]
    single_line = diagnostic.end_line == diagnostic.line
    if single_line:
        properties.append(("col", str(diagnostic.column)))
    properties.append(("endLine", str(max(diagnostic.end_line, diagnostic.line))))
    if single_line:
        properties.append(("endColumn", str(diagnostic.end_column)))
    properties.append(("title", f"{diagnostic.code} {diagnostic.name}"))
    message = diagnostic.message
    if diagnostic.where:
        message += f" [{diagnostic.where}]"
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[diagnostic.severity]} {joined}::{escape_data(message)}"


class Stream:
    """One command per finding (whole-run rules' last), then one ``::error`` per run error;
    nothing at all for a clean run."""

    def __init__(self, lang: str = "zh") -> None:
        pass

    def begin(self) -> str:
        return ""

    def file(self, result: FileResult, fail_on: Severity) -> str:
        return "".join(f"{annotation(d)}\n" for d in result.diagnostics)

    def end(self, end: RunEnd) -> Iterator[str]:
        lines = [annotation(d) for d in end.across]
        lines.extend(
            f"::error title={escape_property('xxgk-lint')}::{escape_data(message)}"
            for message in end.run_errors
        )
        yield "".join(f"{line}\n" for line in lines)


def render(run: RunResult) -> str:
    """The commands for a run held in memory (see :class:`Stream`)."""
    from xxgk_lint.formatters import stream_run

    return "".join(stream_run(Stream(run.lang), run))
