"""Reading a pipe-table row of a seed report, for tests that lay its rows out again."""

from __future__ import annotations


def row_parts(line: str) -> tuple[list[str], list[str], list[str]]:
    """A pipe row's fields (stripped, empty ones at its end dropped), its numbers and its
    labels (the fields that are not empty and not numbers)."""
    fields = [f.strip() for f in line.split("|")]
    while fields and not fields[-1]:
        fields.pop()
    numbers = [f for f in fields if f.isdigit()]
    labels = [f for f in fields if f and not f.isdigit()]
    return fields, numbers, labels
