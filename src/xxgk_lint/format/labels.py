"""Row labels as reports misprint them: a character lost, changed or added.

A PDF's text layer drops a character (2.重复申 for 2.重复申请), a typist changes one
(6.属于四类过程信息 for 6.属于四类过程性信息, 行政规范文件 for 行政规范性文件): the label then
holds none of its row's words, and the row would be lost — or, worse, read as another row.
What is left of such a label is still evidence: its item number (1.–8., （一）…（七）,
一、…四、, in any numbering style) and most of the format's label, in order. This module
says which rows of a table a label could be a misprint of; which of those the label is
read as (the one missing between its neighbours) is the mapping's to decide.
"""

from __future__ import annotations

import functools
import re

from xxgk_lint.format.model import TableSpec
from xxgk_lint.format.normalise import normalise

#: An item number starting a normalised label, in any style: (1) (一) (from （1） ⑴ （一）),
#: 1. 1、 1) 1: (from 1． ①), 1 (from ③其他), 一、 一. — a Chinese numeral needs its
#: mark (三安全 starts no number).
_ITEM_NUMBER = re.compile(
    r"\((?P<p>[0-9]{1,2}|[一二三四五六七八九十])\)[、.:]?"
    r"|(?P<a>[0-9]{1,2})[.、):]?"
    r"|(?P<c>[一二三四五六七八九十])[、.:]"
)
#: The Chinese numerals' values (the format numbers up to （七）).
_CHINESE = {numeral: value for value, numeral in enumerate("一二三四五六七八九十", 1)}

#: A number: its value and whether it is written in Chinese (（一）, 一、: a group or a
#: top-level row) or Arabic (1.: a leaf row), in whatever marks.
Number = tuple[int, bool]

#: The fewest characters a format label must have to be recognised misprinted (规章, 许可,
#: 其他 with one character changed are other words), and a misprint to be kept — unless
#: the label's number is printed too, and is the row's: （七）总 is （七）总计.
_SHORTEST_LABEL = 3
_SHORTEST_MISPRINT = 2
#: A label cut short (the rest of a cell lost) is recognised from this many characters,
#: when they are at least half the format's label.
_SHORTEST_PREFIX = 4


def item_number(norm: str) -> tuple[Number | None, str]:
    """The item number a normalised label starts with, if any, and the rest of it."""
    match = _ITEM_NUMBER.match(norm)
    if match is None:
        return None, norm
    digits = match.group("p") or match.group("a") or match.group("c")
    if digits.isdigit():
        return (int(digits), False), norm[match.end() :]
    return (_CHINESE[digits], True), norm[match.end() :]


def _one_edit(printed: str, label: str) -> bool:
    """Whether ``printed`` is ``label`` with at most one character lost, changed or added."""
    if abs(len(printed) - len(label)) > 1:
        return False
    pairs = enumerate(zip(printed, label, strict=False))
    start = next((i for i, (a, b) in pairs if a != b), min(len(printed), len(label)))
    rest_printed, rest_label = printed[start:], label[start:]  # from the first difference
    return (
        rest_printed[1:] == rest_label[1:]  # changed
        or rest_printed == rest_label[1:]  # lost
        or rest_printed[1:] == rest_label  # added
    )


def resembles(printed: str, label: str, numbered: bool = False) -> bool:
    """Whether the text ``printed`` (a normalised label without its number) could be the
    format's ``label`` (the same, normalised) misprinted: one character lost, changed or
    added, or cut short after at least half of it. A short label (总计) is told only when
    its number was printed with it, and is the row's (``numbered``)."""
    if not numbered and (len(label) < _SHORTEST_LABEL or len(printed) < _SHORTEST_MISPRINT):
        return False
    if not printed:
        return False
    if _one_edit(printed, label):
        return True
    return (
        len(printed) >= _SHORTEST_PREFIX
        and 2 * len(printed) >= len(label)
        and label.startswith(printed)
    )


#: A row's label as :func:`misprinted_rows` compares it: (row index, number, the rest).
_Label = tuple[int, Number | None, str]


@functools.lru_cache(maxsize=32)
def _labels_of(spec: TableSpec) -> tuple[dict[int, list[_Label]], dict[str, list[_Label]]]:
    """Each row's labels (the format's and its variants), by the length of their rest and
    by each beginning of it long enough to be a label cut short: the labels a text could
    resemble are looked up, not all compared (most texts a table holds resemble none)."""
    by_length: dict[int, list[_Label]] = {}
    by_start: dict[str, list[_Label]] = {}
    for index, row in enumerate(spec.rows):
        for text in (row.label.zh, *row.variants):
            number, rest = item_number(normalise(text))
            label = (index, number, rest)
            by_length.setdefault(len(rest), []).append(label)
            for end in range(max(_SHORTEST_PREFIX, (len(rest) + 1) // 2), len(rest)):
                by_start.setdefault(rest[:end], []).append(label)
    return by_length, by_start


def misprinted_rows(spec: TableSpec, norm: str) -> tuple[int, ...]:
    """The indices of the rows of ``spec`` whose label the normalised label ``norm`` could
    be a misprint of, in row order: its item number, if it has one, is the row's (when the
    row's label has one), and the rest of it resembles the rest of the row's label
    (:func:`resembles`). A label that names a row by its words is not asked about."""
    number, printed = item_number(norm)
    by_length, by_start = _labels_of(spec)
    size = len(printed)
    near = (
        *by_length.get(size - 1, ()),
        *by_length.get(size, ()),
        *by_length.get(size + 1, ()),
        *by_start.get(printed, ()),
    )
    found = {
        index
        for index, own, label in near
        if (number is None or own is None or number == own)
        and resembles(printed, label, numbered=number is not None and number == own)
    }
    return tuple(sorted(found))


#: The words a report prints for a subtotal's line beside its group's label (（三）不予公开 |
#: 小计 | 3 | …), or instead of it.
_SUBTOTAL_WORDS = ("小计", "合计")


def subtotal_group(spec: TableSpec, norms: list[str]) -> tuple[str, int] | None:
    """The group whose subtotal a line labelled ``norms`` (normalised, the text nearest
    the numbers last) prints, and where its label is in ``norms`` (-1, or -2 before 小计):
    its group label (（三）不予公开, (四)无法提供, 三、本年度办理结果), numbered in any style or
    not, maybe followed by 小计 — when the table has such a group
    (:attr:`~xxgk_lint.format.model.TableSpec.subtotals`) with leaves to add up."""
    if not spec.subtotals or not norms:
        return None
    at = -2 if norms[-1] in _SUBTOTAL_WORDS and len(norms) > 1 else -1
    label = item_number(norms[at])[1]
    for group, words in _subtotal_patterns(spec):
        if words.fullmatch(label) is not None and spec.subtotal_parts(group):
            return group, at
    return None


@functools.lru_cache(maxsize=16)
def _subtotal_patterns(spec: TableSpec) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((group, re.compile(words)) for group, _, words in spec.subtotals)


@functools.lru_cache(maxsize=8)
def value_labels(tables: tuple[TableSpec, ...]) -> frozenset[str]:
    """The labels of ``tables``, normalised, that a value is printed next to: each row's
    (行政许可, 1.属于国家秘密) and each column's (结果维持, 本年制发件数), with their
    variants, with their item number or without (予以公开 for （一）予以公开). A text made
    of one of them and a number glued on (结果维持3, 行政许可1493: a PDF's text layer or a
    typist lost the blank between cell and cell) is the label and its value
    (parse.cells); no label of the format ends with a digit."""
    labels = {
        normalise(text)
        for spec in tables
        for texts in (
            *((row.label.zh, *row.variants) for row in spec.rows),
            *((column.label.zh, *column.variants) for column in spec.columns),
        )
        for text in texts
    }
    labels |= {rest for label in labels if len(rest := item_number(label)[1]) >= 2}
    return frozenset(label for label in labels if label and not label[-1].isdigit())


@functools.lru_cache(maxsize=8)
def column_labels(tables: tuple[TableSpec, ...]) -> frozenset[str]:
    """The labels of the columns of ``tables``, normalised, with their variants: what a
    header prints (本年制发件数, 现行有效件, 结果维持), never a row's label."""
    return frozenset(
        normalise(text)
        for spec in tables
        for column in spec.columns
        for text in (column.label.zh, *column.variants)
    )
