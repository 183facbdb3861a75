"""Row labels printed otherwise than the format prints them: numbered sub-items in every
numbering style, and labels with a character lost, changed or cut off.

Each case edits the clean report of the rule cases, in the layouts reports print tables
in, and asserts the values read under their canonical keys and the findings.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import ROOT
from tests.parse.test_layouts import one_per_line, spaced, tab
from xxgk_lint.engine.diagnostics import Severity
from xxgk_lint.format import FORMAT_2021, normalise
from xxgk_lint.format.labels import item_number, misprinted_rows, resembles
from xxgk_lint.parse.ast import Report
from xxgk_lint.testing import parse_text, run_rule

CLEAN = (ROOT / "tests/rules/cases/reports/clean.txt").read_text(encoding="utf-8")
ZEROS = " | 0" * 7 + " |"
OWN = (1, 2, 0, 0, 0, 0, 3)  # an edited row's values
NEXT = (4, 0, 0, 0, 0, 1, 5)  # the values of the row after it


LAYOUTS: dict[str, Callable[[str], str]] = {
    "pipe": lambda text: text,
    "tab": tab,
    "spaced": spaced,
    "one-per-line": one_per_line,
}


def _edited(*edits: tuple[str, str]) -> str:
    text = CLEAN
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _row(label: str, values: tuple[int, ...]) -> str:
    return label + "".join(f" | {v}" for v in values) + " |"


def _values(report: Report, table: str, row: str) -> tuple[object, ...] | None:
    found = report.tables[table].row(row)
    return None if found is None else tuple(found.value(c) for c in found.columns)


def _all_values(report: Report, table: str) -> dict[str, tuple[object, ...] | None]:
    return {key: _values(report, table, key) for key in FORMAT_2021.table(table).row_keys}


def _notices(report: Report) -> list[tuple[str, int, int, object, object]]:
    """XG005's findings (each a notice: info), as (subject, line, column, expected, found)."""
    found = run_rule("XG005", report)
    assert all(d.severity is Severity.INFO for d in found)
    return [(d.subject, d.line, d.column, d.expected, d.actual) for d in found]


# ---- （3）其他: a numbered sub-item in any style


@pytest.mark.parametrize("number", ["3.", "（3）", "(3)", "3)", "③", "3、", "3．", "⑶", "3"])
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_the_other_sub_item_is_read_in_every_numbering_style(number: str, layout: str) -> None:
    text = _edited(("3.其他" + ZEROS, _row(f"{number}其他", OWN)))
    report = parse_text(LAYOUTS[layout](text))
    assert _values(report, "applications", "other.other") == OWN
    assert _values(report, "applications", "total") == (5, 2, 0, 0, 0, 0, 7)
    assert run_rule("XG003", report) == []
    assert run_rule("XG005", report) == []


def test_all_three_sub_items_numbered_in_brackets() -> None:
    text = _edited(
        ("（六）其他处理 | 1.申请人", "（六）其他处理 | （1）申请人"),
        ("\n2.申请人逾期", "\n（2）申请人逾期"),
        ("3.其他" + ZEROS, _row("（3）其他", OWN)),
    )
    report = parse_text(text)
    assert [r.key for r in report.tables["applications"].rows][-5:] == [
        "other.no_correction",
        "other.fee_unpaid",
        "other.other",
        "total",
        "carried_forward",
    ]
    assert _values(report, "applications", "other.other") == OWN


# ---- labels misprinted: read as the row missing where they stand, with a notice

#: (the format's label, as printed): first, middle and last characters lost, one changed,
#: the number left out too, in both tables with row labels (table 四 has none), leaf rows
#: under each group.
MISPRINTS = [
    ("行政许可", "政许可"),
    ("行政处罚", "行政处"),
    ("行政强制", "行政强至"),
    ("行政规范性文件", "行政规范文件"),
    ("行政事业性收费", "行政事业收费"),
    ("二、上年结转政府信息公开申请数量", "二、上年结装政府信息公开申请数量"),
    ("（一）予以公开", "（一）予以开"),
    ("1.属于国家秘密", "1.属于国家秘"),
    ("6.属于四类过程性信息", "6.属于四类过程信息"),
    ("6.属于四类过程性信息", "属于四类过程信息"),
    ("8.属于行政查询事项", "8.属于行政查询事"),
    ("1.本机关不掌握相关政府信息", "1.本机关不掌相关政府信息"),
    ("2.重复申请", "2.重复申"),
    ("2.重复申请", "2.复申请"),
    ("2.重复申请", "重复申"),
    ("5.要求行政机关确认或重新出具已获取信息", "5.要求行政机关确认或新出具已获取信息"),
    # A short label is told by its number: without it, 总 or 其 could be anything.
    ("3.其他", "3.其"),
    ("（七）总计", "（七）总"),
]


def _where(label: str) -> tuple[str, str]:
    """The table and the key of the row the format labels ``label``."""
    for table in ("proactive", "applications"):
        for row in FORMAT_2021.table(table).rows:
            if row.label.zh == label:
                return table, row.key
    raise AssertionError(label)


def _place(text: str, printed: str) -> tuple[int, int]:
    """The line and column (from 1) where ``printed`` stands in ``text``."""
    for number, line in enumerate(text.split("\n"), 1):
        if printed in line:
            return number, line.index(printed) + 1
    raise AssertionError(printed)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize(("label", "printed"), MISPRINTS, ids=[p for _, p in MISPRINTS])
def test_a_misprinted_label_is_read_as_the_row_it_stands_for(
    label: str, printed: str, layout: str
) -> None:
    table, key = _where(label)
    text = LAYOUTS[layout](_edited((label, printed)))
    report = parse_text(text)
    assert _all_values(report, table) == _all_values(parse_text(LAYOUTS[layout](CLEAN)), table)
    assert run_rule("XG003", report) == []
    line, column = _place(text, printed)
    assert _notices(report) == [(f"{table}.{key}", line, column, label, printed)]


def test_the_clean_report_has_no_misprint() -> None:
    assert _notices(parse_text(CLEAN)) == []


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize(
    ("label", "printed", "after"),
    [
        ("2.重复申请", "2.重复申", "3.要求提供公开出版物"),
        ("6.属于四类过程性信息", "6.属于四类过程信息", "7.属于行政执法案卷"),
        ("1.属于国家秘密", "属于国家秘", "2.其他法律行政法规禁止公开"),
    ],
)
def test_a_misprinted_rows_values_stay_its_own(
    label: str, printed: str, after: str, layout: str
) -> None:
    """Its values were given to the next row, whose label was read as the end of its own
    (a label broken around its numbers), and the next row's were lost."""
    _, key = _where(label)
    _, next_key = _where(after)
    text = _edited((label + ZEROS, _row(printed, OWN)), (after + ZEROS, _row(after, NEXT)))
    report = parse_text(LAYOUTS[layout](text))
    assert _values(report, "applications", key) == OWN
    assert _values(report, "applications", next_key) == NEXT


# ---- where the label fits no row, or two: left unread, its values given to no row


def _table_of(key: str) -> str:
    return "proactive" if FORMAT_2021.table("proactive").has_row(key) else "applications"


@pytest.mark.parametrize(
    ("edits", "missing"),
    [
        # The number is another row's: 3. is 要求提供公开出版物, which follows.
        ((("2.重复申请" + ZEROS, _row("3.重复申", OWN)),), ["not_processed.repeated"]),
        # Both rows of the block missing, the label one character from each.
        (
            (("行政处罚 | 15 | | |\n行政强制 | 2 | | |", "行政处制 | 15 | | |"),),
            ["penalties", "enforcement"],
        ),
    ],
)
def test_a_label_that_fits_no_one_row_is_left_unread(
    edits: tuple[tuple[str, str], ...], missing: list[str]
) -> None:
    report = parse_text(_edited(*edits))
    clean = parse_text(CLEAN)
    for table in ("proactive", "applications"):
        values = _all_values(report, table)
        expected = _all_values(clean, table)
        assert {k: v for k, v in values.items() if v is not None} == {
            k: v for k, v in expected.items() if v is not None and k not in missing
        }
    assert _notices(report) == []
    assert sorted(d.subject for d in run_rule("XG003", report)) == sorted(
        f"{_table_of(k)}.{k}" for k in missing
    )


# ---- the format's side: numbers and resemblance


@pytest.mark.parametrize(
    ("label", "number", "rest"),
    [
        ("1.属于国家秘密", (1, False), "属于国家秘密"),
        ("（1）属于国家秘密", (1, False), "属于国家秘密"),
        ("①属于国家秘密", (1, False), "属于国家秘密"),
        ("1、属于国家秘密", (1, False), "属于国家秘密"),
        ("（一）予以公开", (1, True), "予以公开"),
        ("一、本年新收", (1, True), "本年新收"),
        ("3.危及“三安全一稳定”", (3, False), "危及“三安全一稳定”"),
        ("三安全一稳定", None, "三安全一稳定"),
        ("行政许可", None, "行政许可"),
    ],
)
def test_item_numbers_in_every_style(label: str, number: object, rest: str) -> None:
    assert item_number(normalise(label)) == (number, normalise(rest))


def test_resemblance_is_one_character_or_a_long_enough_beginning() -> None:
    assert resembles("重复申", "重复申请")  # lost at the end
    assert resembles("复申请", "重复申请")  # at the start
    assert resembles("重复请", "重复申请")  # in the middle
    assert resembles("重复甲请", "重复申请")  # changed
    assert resembles("要求行政机关确认或", "要求行政机关确认或重新出具已获取信息")  # cut short
    assert not resembles("要求行政", "要求行政机关确认或重新出具已获取信息")  # too short a part
    assert not resembles("行政确认", "行政许可")  # two characters
    assert not resembles("规", "规章")  # too short to tell
    assert not resembles("不予公开", "予以公开")
    assert not resembles("总", "总计")
    assert resembles("总", "总计", numbered=True)  # （七）总 for （七）总计


def test_misprinted_rows_agree_with_the_number() -> None:
    spec = FORMAT_2021.table("applications")
    keys = spec.row_keys
    found = misprinted_rows(spec, normalise("2.重复申"))
    assert [keys[i] for i in found] == ["not_processed.repeated"]
    assert misprinted_rows(spec, normalise("3.重复申")) == ()
    assert [keys[i] for i in misprinted_rows(spec, normalise("（一）予以开"))] == ["granted"]
    assert misprinted_rows(spec, normalise("（三）不予公开")) == ()


@pytest.mark.parametrize(
    "first",
    ["5.要求行政机关确认或", "5.要求行政机关确认或者", "5.要求本行政机关确认或者"],
)
def test_a_label_broken_around_its_numbers_is_still_joined(first: str) -> None:
    """A PDF's text layer breaks a long label over two lines, the numbers after its first
    part: the second part names the row by itself, but it is no row of its own (the next
    row's label follows it, before any value)."""
    label = "5.要求行政机关确认或重新出具已获取信息"
    broken = first + "".join(f" {v}" for v in OWN) + "\n重新出具已获取信息"
    text = spaced(_edited((label + ZEROS, _row(label, OWN))))
    text = text.replace(label + " " + " ".join(map(str, OWN)), broken)
    report = parse_text(text)
    assert _values(report, "applications", "not_processed.reconfirm") == OWN
    assert _values(report, "applications", "other.no_correction") == (0,) * 7
    assert _notices(report) == []
