"""Reading ``.xxgk-lint.yaml`` safely: plain data only, bounded, no duplicate keys.

A config file may come from a folder someone else sent, so reading it must cost little
whatever it holds. PyYAML's ``SafeLoader`` already builds nothing but plain data (no
``!!python/object``); on top of it this loader

* bounds alias expansion: each ``*alias`` counts as the number of nodes it stands for, and
  more than :data:`MAX_ALIAS_NODES` in all is refused at once (an "alias bomb" of nine
  levels of nine would otherwise stand for 387 million nodes), as is an alias of a node
  that contains it;
* refuses a key given twice in one mapping, naming both lines (PyYAML keeps the last one
  silently, so a second ``select:`` further down would quietly win);
* refuses files over :data:`MAX_CONFIG_BYTES` and nesting deeper than Python can follow.

Config and rule files are read as reports are, regular files only
(:func:`xxgk_lint.sources.read_regular`): a named pipe would wait for a writer forever, a
device such as ``/dev/zero`` never ends.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

#: Nodes that all aliases of one file may stand for, together. Real configs use none.
MAX_ALIAS_NODES = 10_000
#: A config file is a page or two of settings; 64 KiB of YAML still reads in a third of a
#: second (PyYAML in Python), a megabyte would take seconds.
MAX_CONFIG_BYTES = 64 * 1024

_MERGE_TAG = "tag:yaml.org,2002:merge"


class YamlProblem(ValueError):
    """The YAML cannot be used; ``str()`` is one line, with the line and column if known."""


def _at(mark: Any) -> str:
    return f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""


class BoundedSafeLoader(yaml.SafeLoader):
    """``SafeLoader`` with counted aliases and duplicate keys refused (see the module)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._expanded = 0
        self._sizes: dict[int, int] = {}
        self._open: set[str] = set()  # anchors whose node is still being composed

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            if event.anchor in self._open:
                raise YamlProblem(
                    f"the alias *{event.anchor}{_at(event.start_mark)} refers to a node "
                    "that contains it"
                )
            node = self.anchors.get(event.anchor)
            if node is not None:
                self._expanded += self._size(node)
                if self._expanded > MAX_ALIAS_NODES:
                    raise YamlProblem(
                        f"aliases stand for more than {MAX_ALIAS_NODES} values"
                        f"{_at(event.start_mark)} (an alias bomb?)"
                    )
            return super().compose_node(parent, index)
        anchor = self.peek_event().anchor
        if anchor is None:
            return super().compose_node(parent, index)
        self._open.add(anchor)
        try:
            return super().compose_node(parent, index)
        finally:
            self._open.discard(anchor)

    def _size(self, root: Node) -> int:
        """How many nodes ``root`` stands for, aliases expanded (memoised, iterative)."""
        stack: list[tuple[Node, bool]] = [(root, False)]
        while stack:
            node, children_done = stack.pop()
            if id(node) in self._sizes:
                continue
            children = _children(node)
            if children_done or not children:
                self._sizes[id(node)] = 1 + sum(self._sizes.get(id(c), 1) for c in children)
                continue
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in self._sizes)
        return self._sizes[id(root)]

    def construct_mapping(self, node: Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, MappingNode):
            seen: dict[Any, Any] = {}
            for key_node, _ in node.value:
                if key_node.tag == _MERGE_TAG or not isinstance(key_node, ScalarNode):
                    continue
                key = self.construct_object(key_node, deep=True)
                if key in seen:
                    raise ConstructorError(
                        None,
                        None,
                        f"duplicate key {key!r} (first given at line {seen[key].line + 1})",
                        key_node.start_mark,
                    )
                seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)  # type: ignore[arg-type]


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _invalid(exc: yaml.YAMLError) -> str:
    """One line for a YAML error: where, and what."""
    if isinstance(exc, yaml.reader.ReaderError):
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return f"invalid YAML: character #x{code:04x} at position {exc.position} ({exc.reason})"
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or "invalid YAML"
    return f"invalid YAML{_at(mark)}: {problem}"


def load_yaml(text: str) -> Any:
    """The data of one YAML document; :class:`YamlProblem` (one line) if it cannot be used."""
    if len(text) > MAX_CONFIG_BYTES:
        raise YamlProblem(f"the file is larger than {MAX_CONFIG_BYTES // 1024} KiB")
    try:
        # The reader checks every character when it is made: a control character fails here.
        loader = BoundedSafeLoader(text)
    except yaml.YAMLError as exc:
        raise YamlProblem(_invalid(exc)) from None
    try:
        return loader.get_single_data()
    except YamlProblem:
        raise
    except yaml.YAMLError as exc:
        raise YamlProblem(_invalid(exc)) from None
    except RecursionError:
        raise YamlProblem("invalid YAML: nested too deeply") from None
    finally:
        loader.dispose()
