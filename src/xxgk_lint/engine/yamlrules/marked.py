"""A YAML rule file read as plain data, with the line of every key and item.

Every error in a rule file names its line (``checks/acme.yaml:8: …``), so the file is
read with the project's bounded safe loader (:mod:`xxgk_lint.engine.yamlsafe`: plain data
only, aliases counted, duplicate keys refused, size bounded) and its node tree is walked
once more for the marks PyYAML drops when it builds the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from xxgk_lint.engine.yamlsafe import MAX_CONFIG_BYTES, BoundedSafeLoader, YamlProblem

Path_ = tuple[Any, ...]


class MarkedError(ValueError):
    """The file is not usable YAML; ``line`` is where (1-based), ``str()`` what."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Marked:
    """The data of a YAML document and the line of each value, by its path of keys and
    indexes (``("rules", 0, "check")``): for a mapping entry the line of its key, for a
    sequence item the line it starts on."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, *path: Any, default: int = 1) -> int:
        """The line of ``path``, else of the nearest enclosing value that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), default)


def _mark_lines(node: Node, path: Path_, lines: dict[Path_, int]) -> None:
    stack: list[tuple[Node, Path_]] = [(node, path)]
    while stack:
        current, where = stack.pop()
        if isinstance(current, MappingNode):
            for key_node, value_node in current.value:
                if not isinstance(key_node, ScalarNode):
                    continue
                child = (*where, key_node.value)
                lines.setdefault(child, key_node.start_mark.line + 1)
                stack.append((value_node, child))
        elif isinstance(current, SequenceNode):
            for index, item in enumerate(current.value):
                child = (*where, index)
                lines.setdefault(child, item.start_mark.line + 1)
                stack.append((item, child))


def load_marked(text: str) -> Marked:
    """Read ``text``; :class:`MarkedError` with the line if it is not usable YAML."""
    if len(text) > MAX_CONFIG_BYTES:
        raise MarkedError(1, f"the file is larger than {MAX_CONFIG_BYTES // 1024} KiB")
    loader = BoundedSafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Marked(None)
        data = loader.construct_document(node)
    except YamlProblem as exc:
        raise MarkedError(_line_of(exc), str(exc)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        line = mark.line + 1 if mark is not None else 1
        column = f" (column {mark.column + 1})" if mark is not None else ""
        raise MarkedError(line, f"invalid YAML{column}: {problem}") from None
    except RecursionError:
        raise MarkedError(1, "invalid YAML: nested too deeply") from None
    finally:
        loader.dispose()
    marked = Marked(data, {(): node.start_mark.line + 1})
    _mark_lines(node, (), marked.lines)
    return marked


def _line_of(exc: YamlProblem) -> int:
    """The line a :class:`YamlProblem` names (``… at line 3, column 5 …``), else 1."""
    found = re.search(r"at line (\d+)", str(exc))
    return int(found.group(1)) if found else 1
