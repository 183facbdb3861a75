"""The expressions of YAML rules (``check:``, ``when:``): parsed, checked, evaluated.

The text is parsed by the LALR grammar ``grammar/expr.lark`` (tables shipped with the
package), the tree is turned into small immutable nodes, and those are evaluated by a tree
walker over a report's canonical cells — never by ``eval``. Everything that can be wrong
with an expression is found when the rule file is loaded: a syntax error, a cell the
format model does not have, a wildcard outside ``sum``/``min``/``max``, arithmetic on a
comparison.

Evaluation has three outcomes, as the identities have: true, false, and *not assessable*
(``None``) when a cell it needs is blank, holds no number, or is absent from the report —
never false because of a blank. ``and``/``or`` follow Kleene's logic: ``false and x`` is
false and ``true or x`` true whatever ``x`` is.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal, DivisionByZero, InvalidOperation
from typing import Any

from xxgk_lint.format import FORMATS, TABLE_KEYS, UnknownKeyError, check_address
from xxgk_lint.parse.ast import Cell, Report
from xxgk_lint.records import record

Number = int | Decimal
Value = Number | bool | None
#: Longest expression accepted (a rule is a line or two, not a program).
MAX_LENGTH = 2000


class ExprError(ValueError):
    """The expression cannot be used: what is wrong in Chinese and English (``str()``)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh


@record
class Num:
    value: Number


@record
class CellRef:
    """One cell, ``table.row.column``."""

    address: str
    table: str
    row: str
    column: str
    position: int


@record
class Aggregate:
    """``sum``/``min``/``max`` over the cells an address with ``*`` matches."""

    function: str
    address: str
    table: str
    row: str
    column: str
    position: int


@record
class Unary:
    op: str  # "neg" | "not"
    operand: Node


@record
class Binary:
    op: str  # + - * / and or
    left: Node
    right: Node


@record
class Compare:
    op: str
    left: Node
    right: Node


Node = Num | CellRef | Aggregate | Unary | Binary | Compare
Ref = CellRef | Aggregate

_ARITHMETIC = {"add": "+", "sub": "-", "mul": "*", "div": "/"}
_LOGIC = {"and_": "and", "or_": "or"}


@functools.cache
def _parser() -> Any:
    from xxgk_lint.parse.grammar import load_lark

    return load_lark("expr")


@record
class Expression:
    """A checked expression: its text, its tree and the cells it names, in text order."""

    text: str
    tree: Node
    refs: tuple[Ref, ...]

    @property
    def addresses(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.address for r in self.refs))

    @property
    def is_comparison(self) -> bool:
        return isinstance(self.tree, Compare)


def compile_expression(text: str, boolean: bool = True) -> Expression:
    """Parse and check ``text``; :class:`ExprError` saying what is wrong and where.

    ``boolean``: the expression must be a condition (a comparison, or comparisons joined by
    ``and``/``or``/``not``), as ``check:`` and ``when:`` are.
    """
    from xxgk_lint.parse._lark_runtime import (
        UnexpectedCharacters,
        UnexpectedInput,
        UnexpectedToken,
    )

    if not isinstance(text, str) or not text.strip():
        raise ExprError("表达式为空", "the expression is empty")
    if len(text) > MAX_LENGTH:
        raise ExprError(
            f"表达式超过 {MAX_LENGTH} 个字符",
            f"the expression is longer than {MAX_LENGTH} characters",
        )
    try:
        tree = _parser().parse(text)
    except UnexpectedCharacters as exc:
        raise _unexpected(text, exc.column, exc.char) from None
    except UnexpectedToken as exc:
        if exc.token.type == "$END":
            raise ExprError("表达式不完整", "the expression ends too early") from None
        raise _unexpected(text, exc.column, str(exc.token)) from None
    except UnexpectedInput as exc:  # pragma: no cover - the two above are all LALR raises
        raise ExprError(f"无法读取表达式：{exc}", f"cannot read the expression: {exc}") from None
    except RecursionError:
        raise _TOO_DEEP from None
    try:
        node = _build(tree)
    except RecursionError:
        raise _TOO_DEEP from None
    kind = _kind(node)
    if boolean and kind != "bool":
        raise ExprError(
            "表达式是一个数，不是条件：请加上比较（如 proactive.licensing.decisions > 0）",
            "the expression is a number, not a condition: compare it "
            "(e.g. proactive.licensing.decisions > 0)",
        )
    return Expression(text, node, tuple(_refs(node)))


def _unexpected(text: str, column: int, what: str) -> ExprError:
    zh_hint = en_hint = ""
    if what == "=":
        zh_hint, en_hint = "（相等写作 ==）", " (equality is written ==)"
    elif what in ("&", "|", "!"):
        zh_hint, en_hint = "（请写 and、or、not）", " (write and, or, not)"
    elif what[:1].isalpha() and "." not in what:
        zh_hint = "（单元格写作 表.行.列，如 proactive.licensing.decisions）"
        en_hint = " (a cell is table.row.column, e.g. proactive.licensing.decisions)"
    return ExprError(
        f"第 {column} 列的 {what!r} 无法识别{zh_hint}",
        f"unexpected {what!r} at column {column}{en_hint}",
    )


_TOO_DEEP = ExprError("表达式嵌套过深", "the expression is nested too deeply")


def _build(tree: Any) -> Node:
    from xxgk_lint.parse._lark_runtime import Token, Tree

    if isinstance(tree, Token):  # pragma: no cover - every token sits in a named rule
        raise ExprError(f"无法识别 {tree!s}", f"unexpected {tree!s}")
    assert isinstance(tree, Tree)
    kind, children = tree.data, tree.children
    if kind == "number":
        raw = str(children[0])
        return Num(Decimal(raw) if "." in raw else int(raw))
    if kind == "cell":
        return _cell(children[0])
    if kind == "call":
        return _aggregate(str(children[0]), children[1])
    if kind == "neg":
        return Unary("neg", _build(children[0]))
    if kind == "not_":
        return Unary("not", _build(children[0]))
    if kind in _ARITHMETIC:
        return Binary(_ARITHMETIC[kind], _build(children[0]), _build(children[1]))
    if kind in _LOGIC:
        return Binary(_LOGIC[kind], _build(children[0]), _build(children[1]))
    if kind == "compare":
        return Compare(str(children[1]), _build(children[0]), _build(children[2]))
    raise ExprError(f"无法识别 {kind}", f"unexpected {kind}")  # pragma: no cover


def cell_parts(address: str) -> tuple[str, str, str]:
    """``table.row.column`` of a cell address the model has; ExprError naming what is not."""
    parts = address.split(".")
    if len(parts) < 3:
        raise ExprError(
            f"“{address}”不是单元格：应写作 表.行.列，如 applications.received.total",
            f"'{address}' is not a cell: expected table.row.column, e.g. "
            "applications.received.total",
        )
    table, row, col = parts[0], ".".join(parts[1:-1]), parts[-1]
    if "*" in row and row != "*":
        _check_group(address, table, row, col)
        return table, row, col
    try:
        check_address(address)
    except UnknownKeyError:
        whole_row = ".".join(parts[1:])
        if any(m.has_table(table) and m.table(table).has_row(whole_row) for m in FORMATS.values()):
            raise ExprError(
                f"“{address}”是一行，不是单元格：请加上列，如 {address}.total",
                f"'{address}' names a row, not a cell: add its column, e.g. {address}.total",
            ) from None
        raise key_error(address) from None
    return table, row, col


def row_matches(pattern: str, key: str) -> bool:
    """Whether row ``key`` is one ``pattern`` names: ``*`` any row, ``denied.*`` each row of
    the group (a ``*`` stands for one part of a dotted key)."""
    if pattern == "*":
        return True
    want, have = pattern.split("."), key.split(".")
    return len(want) == len(have) and all(w in ("*", h) for w, h in zip(want, have, strict=True))


def _check_group(address: str, table: str, row: str, column: str) -> None:
    """A row pattern such as ``denied.*``: some row of the model must match it, with the
    column (check_address knows ``*`` only as a whole row)."""
    try:
        check_address(table)
    except UnknownKeyError:
        raise key_error(address) from None
    rows = [
        r
        for m in FORMATS.values()
        if m.has_table(table)
        for r in m.table(table).rows
        if row_matches(row, r.key)
    ]
    if not rows:
        raise ExprError(
            f"“{address}”：表“{table}”没有与“{row}”相符的行",
            f"'{address}': table '{table}' has no row matching '{row}'",
        )
    if column != "*" and not any(column in r.columns for r in rows):
        columns = list(dict.fromkeys(c for r in rows for c in r.columns))
        zh, en = _close(column, columns)
        listed = ", ".join(columns)
        raise ExprError(
            f"“{address}”：“{row}”各行没有列“{column}”（列：{listed}）{zh}",
            f"'{address}': the rows '{row}' have no column '{column}' (columns: {listed}){en}",
        )


def _close(word: str, choices: list[str]) -> tuple[str, str]:
    """``；是否应为 'x'？`` / ``; did you mean 'x'?`` for the nearest key, if one is near."""
    import difflib  # only for an error message

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        return "", ""
    return f"；是否应为 {close[0]!r}？", f"; did you mean {close[0]!r}?"


def key_error(address: str) -> ExprError:
    """Why the model refuses ``address`` (a cell or row address of a YAML rule's check, a
    key in a Python rule's ``uses``), in both languages: the key it does not have, the
    keys it has there (every format's), and the nearest one."""
    parts = address.split(".")
    table = parts[0]
    tables = [m.table(table) for m in FORMATS.values() if m.has_table(table)]
    if not tables:
        known = list(TABLE_KEYS)
        zh, en = _close(table, known)
        listed = ", ".join(known)
        return ExprError(
            f"“{address}”：没有表“{table}”（表：{listed}）{zh}",
            f"'{address}': no table '{table}' (tables: {listed}){en}",
        )
    row = ".".join(parts[1:-1]) if len(parts) > 2 else ".".join(parts[1:])
    rows = list(dict.fromkeys(r.key for t in tables for r in t.rows))
    if row != "*" and row not in rows:
        zh, en = _close(row, rows)
        listed = ", ".join(rows)
        return ExprError(
            f"“{address}”：表“{table}”没有行“{row}”（行：{listed}）{zh}",
            f"'{address}': table '{table}' has no row '{row}' (rows: {listed}){en}",
        )
    column = parts[-1]
    columns = list(
        dict.fromkeys(c for t in tables for r in t.rows if row in ("*", r.key) for c in r.columns)
    )
    zh, en = _close(column, columns)
    listed = ", ".join(columns)
    where_zh, where_en = (
        (f"表“{table}”", f"table '{table}'")
        if row == "*"
        else (
            f"行“{row}”",
            f"row '{row}'",
        )
    )
    return ExprError(
        f"“{address}”：{where_zh}没有列“{column}”（列：{listed}）{zh}",
        f"'{address}': {where_en} has no column '{column}' (columns: {listed}){en}",
    )


def _cell(token: Any) -> CellRef:
    address = str(token)
    if "*" in address:
        raise ExprError(
            f"“{address}”：通配符 * 代表多个单元格，只能用在 sum()、min()、max() 中，"
            f"如 sum({address})",
            f"'{address}': a wildcard (*) stands for several cells: "
            f"use it inside sum(), min() or max(), e.g. sum({address})",
        )
    table, row, col = cell_parts(address)
    return CellRef(address, table, row, col, token.start_pos)


def _aggregate(function: str, token: Any) -> Aggregate:
    address = str(token)
    table, row, col = cell_parts(address)
    return Aggregate(function, address, table, row, col, token.start_pos)


def _kind(node: Node) -> str:
    """``number`` or ``bool``; ExprError where the two are mixed up."""
    if isinstance(node, (Num, CellRef, Aggregate)):
        return "number"
    if isinstance(node, Unary):
        inner = _kind(node.operand)
        if node.op == "not":
            if inner != "bool":
                raise ExprError("not 后应为条件", "'not' needs a condition")
            return "bool"
        if inner != "number":
            raise ExprError("负号后应为数", "'-' needs a number")
        return "number"
    if isinstance(node, Compare):
        if _kind(node.left) != "number" or _kind(node.right) != "number":
            raise ExprError(
                f"{node.op} 比较的是数，不是条件（条件之间用 and、or 连接）",
                f"'{node.op}' compares numbers, not conditions (join conditions with and/or)",
            )
        return "bool"
    if node.op in ("and", "or"):
        if _kind(node.left) != "bool" or _kind(node.right) != "bool":
            raise ExprError(
                f"{node.op} 连接的是条件，不是数", f"'{node.op}' joins conditions, not numbers"
            )
        return "bool"
    if _kind(node.left) != "number" or _kind(node.right) != "number":
        raise ExprError(f"{node.op} 需要数，不是条件", f"'{node.op}' needs numbers, not conditions")
    return "number"


def _refs(node: Node) -> list[Ref]:
    found: list[Ref] = []
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, (CellRef, Aggregate)):
            found.append(current)
        elif isinstance(current, Unary):
            stack.append(current.operand)
        elif isinstance(current, (Binary, Compare)):
            stack.extend((current.right, current.left))
    return sorted(found, key=lambda r: r.position)


# ---- evaluation ----


def cell_at(report: Report, table: str, row: str, column: str) -> Cell | None:
    """The cell, if the report has it (a table, row or column its format lacks: None)."""
    found = report.tables.get(table)
    if found is None:
        return None
    try:
        got = found.row(row)
        if got is None or not got.complete:
            return None
        return got.cell(column)
    except UnknownKeyError:
        return None


def cells_matching(report: Report, ref: Ref) -> Iterator[Cell | None]:
    """The cells a reference names in ``report`` (for a wildcard, each row/column that has
    it; an incomplete row as ``None``)."""
    if isinstance(ref, CellRef) or ("*" not in ref.row and ref.column != "*"):
        yield cell_at(report, ref.table, ref.row, ref.column)
        return
    table = report.tables.get(ref.table)
    if table is None:
        yield None
        return
    for row in table.rows:
        if not row_matches(ref.row, row.key):
            continue
        columns = row.columns if ref.column == "*" else (ref.column,)
        for column in columns:
            if column not in row.columns:
                continue
            yield row.cell(column) if row.complete else None


def _number(value: Any) -> Number | None:
    return value if isinstance(value, (int, Decimal)) and not isinstance(value, bool) else None


def evaluate(node: Node, report: Report) -> Value:
    """The value of ``node`` in ``report``; ``None`` when not assessable."""
    if isinstance(node, Num):
        return node.value
    if isinstance(node, CellRef):
        cell = cell_at(report, node.table, node.row, node.column)
        return None if cell is None else _number(cell.value)
    if isinstance(node, Aggregate):
        values: list[Number] = []
        for cell in cells_matching(report, node):
            value = None if cell is None else _number(cell.value)
            if value is None:
                return None
            values.append(value)
        if not values:
            return None
        if node.function == "sum":
            return sum(values)
        return min(values) if node.function == "min" else max(values)
    if isinstance(node, Unary):
        inner = evaluate(node.operand, report)
        if inner is None:
            return None
        return (not inner) if node.op == "not" else -inner
    if isinstance(node, Compare):
        left, right = evaluate(node.left, report), evaluate(node.right, report)
        if left is None or right is None:
            return None
        return _compare(node.op, left, right)
    if node.op == "and":
        left = evaluate(node.left, report)
        if left is False:
            return False
        right = evaluate(node.right, report)
        if right is False:
            return False
        return None if left is None or right is None else True
    if node.op == "or":
        left = evaluate(node.left, report)
        if left is True:
            return True
        right = evaluate(node.right, report)
        if right is True:
            return True
        return None if left is None or right is None else False
    left, right = evaluate(node.left, report), evaluate(node.right, report)
    if left is None or right is None:
        return None
    return _arithmetic(node.op, left, right)


def _compare(op: str, left: Any, right: Any) -> bool:
    return {
        ">": left > right,
        "<": left < right,
        ">=": left >= right,
        "<=": left <= right,
        "==": left == right,
        "!=": left != right,
    }[op]


def _arithmetic(op: str, left: Any, right: Any) -> Number | None:
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    try:
        if right == 0:
            return None  # a share of nothing: not assessable
        quotient = Decimal(left) / Decimal(right)
    except (DivisionByZero, InvalidOperation):  # pragma: no cover - guarded above
        return None
    return int(quotient) if quotient == quotient.to_integral_value() else quotient


def shown(value: Any) -> Any:
    """A computed value as a finding gives it: a share at most 4 decimals (0.1692, not the
    28 digits of the division), an integral one as an int; anything else as it is."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return value.quantize(Decimal("0.0001")).normalize()
    return value


def show(value: Any) -> str:
    """A value as a message shows it: ``7``, ``1.5``, ``0.33`` (at most 4 decimals)."""
    if value is None:
        return "—"
    value = shown(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
