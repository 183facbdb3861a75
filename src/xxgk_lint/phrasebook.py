"""English sentences in Chinese, by a table of patterns: one mechanism for every such table
(the readers' problems, the config's, the plugins', PyYAML's).

The English sentence is what the code raises (and what ``--lang en`` prints); a table
turns each kind into Chinese, keeping what the pattern captured (a name, a number).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property


class Phrasebook:
    """Patterns and their Chinese templates (``re.sub`` syntax); the first match wins."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._sources = tuple(pairs)

    @cached_property
    def pairs(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        """(compiled pattern, template) pairs, in order (the hang guard walks them).
        Compiled when first used: most runs never have anything to translate."""
        return tuple((re.compile(pattern), template) for pattern, template in self._sources)

    def translate(self, text: str) -> str | None:
        """``text`` in Chinese, or ``None`` when no pattern matches it."""
        for pattern, template in self.pairs:
            if pattern.match(text):
                return pattern.sub(template, text, count=1)
        return None
