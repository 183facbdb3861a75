"""A YAML rule file read as plain data, with the line of every key and item.

Every error in a rule file names its line (``checks/acme.yaml:8: …``), so the file is
read with the project's bounded safe loader (:mod:`xxgk_lint.engine.yamlsafe`: plain data
only, aliases counted, duplicate keys refused, size bounded) and its node tree is walked
once more for the marks PyYAML drops when it builds the data.
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from xxgk_lint.engine.yamlsafe import MAX_CONFIG_BYTES, BoundedSafeLoader, YamlProblem
from xxgk_lint.phrasebook import Phrasebook
from xxgk_lint.records import record

Path_ = tuple[Any, ...]


class MarkedError(ValueError):
    """The file is not usable YAML; ``line`` is where (1-based), ``str()`` what (English),
    ``zh`` the same in Chinese."""

    def __init__(self, line: int, message: str, zh: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.zh = zh if zh is not None else message


#: PyYAML's problems (and the bounded loader's) in Chinese; the first match wins, and a
#: problem with no entry is quoted as PyYAML says it.
_PROBLEMS_ZH = Phrasebook(
    (
        (r"^expected ',' or '([\]}])', but got (.*)$", r"应为“,”或“\1”，实际是 \2（括号未闭合？）"),
        (
            r"^mapping values are not allowed here$",
            "此处不能出现“: ”（含冒号和空格的文本请加引号，或检查缩进）",
        ),
        (r"^found character '(.*)' that cannot start any token$", r"字符 '\1' 不能出现在此处"),
        (r"^found unexpected end of stream$", "文件意外结束（引号未闭合？）"),
        (r"^expected <block end>, but found (.*)$", r"缩进不一致：此处不应出现 \1"),
        (r"^found undefined alias '(.*)'$", r"别名 *\1 未定义"),
        (r"^found unknown escape character '(.*)'$", r"未知的转义字符 '\1'（或改用单引号）"),
        (r"^could not find expected ':'$", "找不到应有的“:”"),
        (r"^did not find expected key$", "找不到应有的键（缩进不一致？）"),
        (r"^did not find expected '-' indicator$", "找不到应有的“-”（列表项缩进不一致？）"),
        (r"^duplicate key (.*) \(first given at line (\d+)\)$", r"键 \1 重复（第 \2 行已给出）"),
        (r"^could not determine a constructor for the tag '(.*)'$", r"不支持标签 '\1'"),
        (r"^nested too deeply$", "嵌套过深"),
        (
            r"^aliases stand for more than (\d+) values(?: at line (\d+), column \d+)?.*$",
            r"别名展开后超过 \1 个值（别名炸弹？）",
        ),
        (
            r"^the alias \*(\S+)(?: at line \d+, column \d+)? refers to a node that contains it$",
            r"别名 *\1 引用了包含它自身的节点",
        ),
    )
)


def problem_zh(problem: str) -> str:
    """A YAML problem in Chinese (as PyYAML says it when the table has no entry)."""
    text = _PROBLEMS_ZH.translate(problem)
    return problem if text is None else text.replace(" '<stream end>'", "文件结尾")


@record(frozen=False)
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
        kib = MAX_CONFIG_BYTES // 1024
        raise MarkedError(
            1,
            f"the file is larger than {kib} KiB: split its rules over several files, "
            "each listed under plugins:",
            f"文件超过 {kib} KiB：请把规则分到几个文件中，并在 plugins: 中逐一列出",
        )
    loader = BoundedSafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Marked(None)
        data = loader.construct_document(node)
    except YamlProblem as exc:
        raise MarkedError(
            _line_of(exc), str(exc), f"YAML 无法使用：{problem_zh(str(exc))}"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or ""
        line = mark.line + 1 if mark is not None else 1
        column = f" (column {mark.column + 1})" if mark is not None else ""
        column_zh = f"（第 {mark.column + 1} 列）" if mark is not None else ""
        raise MarkedError(
            line,
            f"invalid YAML{column}: {problem or 'cannot be read'}",
            f"YAML 格式错误{column_zh}：{problem_zh(problem) if problem else '无法读取'}",
        ) from None
    except RecursionError:
        raise MarkedError(1, "invalid YAML: nested too deeply", "YAML 格式错误：嵌套过深") from None
    finally:
        loader.dispose()
    marked = Marked(data, {(): node.start_mark.line + 1})
    _mark_lines(node, (), marked.lines)
    return marked


def _line_of(exc: YamlProblem) -> int:
    """The line a :class:`YamlProblem` names (``… at line 3, column 5 …``), else 1."""
    found = re.search(r"at line (\d+)", str(exc))
    return int(found.group(1)) if found else 1
