"""``pdftotext -layout`` text with blank cells: a row with fewer values than columns is
placed by where its values stand, in characters (pdftotext gives every character one
column, a Chinese character too, and places each word by its x position on the page)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tests.parse.pipe_rows import row_parts
from xxgk_lint.format import FORMAT_2021

_FIRST = 60  # the character column of the first value (past the labels)
_PITCH = 10  # characters from one column's value to the next's


@cache
def _seed_text() -> str:
    from tests.conftest import seed_files
    from xxgk_lint.sources import read_source

    seed = next(p for p in seed_files() if p.name.startswith("000"))
    return read_source(seed).text


def _rows(text: str) -> list[tuple[str, list[str], list[str]] | str]:
    """Each line of the seed: a row of tables 二 and 三 as (its labels, its numbers made
    distinct: a value under the wrong column shows; the widths it holds), or the line."""
    out: list[tuple[str, list[str], list[str]] | str] = []
    count = 0
    for line in text.split("\n"):
        fields, numbers, labels = row_parts(line)
        if len(numbers) not in (3, 7) or len(labels) + len(numbers) != len(fields):
            out.append(line)
            continue
        count += 1
        distinct = [str(count * 10 + i) for i in range(len(numbers))]
        out.append(("  ".join(labels), distinct, numbers))
    return out


def _report(
    blanks: dict[str, tuple[int, ...]],
    *,
    pdf: bool,
    align: str = "left",
    shift: tuple[int, ...] = (0,),
    wrap: str = "",
    nudge: dict[str, int] | None = None,
) -> str:
    """The seed with its tables 二 and 三 rows' numbers made distinct and the cells
    ``blanks`` (the start of a label or of the sub-label after a group's → the cells) blank: as ``pdftotext -layout`` writes it
    (``pdf``: values at character columns, ``align``-ed in 5 characters; row ``i`` moved
    ``shift[i % len(shift)]`` characters, pdftotext's rounding, and the rows ``nudge``
    names, as ``blanks`` does, more; the row whose label starts with ``wrap`` printed
    around its values, over three lines), or as pipe rows."""
    out: list[str] = []
    index = 0
    for row in _rows(_seed_text()):
        if isinstance(row, str):
            out.append(row)
            continue
        label, numbers, _ = row
        cells = list(numbers)
        parts = label.split("  ")
        for start, blank in blanks.items():
            if any(part.startswith(start) for part in parts):
                for cell in blank:
                    cells[cell] = ""
        if not pdf:
            out.append(" | ".join([label, *cells]))
            continue
        moved = _FIRST + shift[index % len(shift)]
        moved += sum(n for start, n in (nudge or {}).items() if parts[-1].startswith(start))
        index += 1
        line = ""
        for i, cell in enumerate(cells):
            at = moved + i * _PITCH
            shown = {"left": cell.ljust(5), "right": cell.rjust(5), "centre": cell.center(5)}
            line = line.ljust(at) + shown[align]
        if wrap and label.startswith(wrap):
            out += ["    " + label[:12], line.rstrip(), "    " + label[12:]]
        else:
            out.append(("    " + label).ljust(moved) + line[moved:].rstrip())
    return "\n".join(out)


def _tables(text: str) -> tuple[dict, list[str]]:
    from xxgk_lint.parse import parse_source
    from xxgk_lint.parse.serialize import report_to_json, uncertain_json
    from xxgk_lint.sources import read_source

    report = parse_source(read_source(Path("layout.txt"), text.encode("utf-8")))
    tables = report_to_json(report)["tables"]
    return tables, sorted(u["row"] for u in uncertain_json(report))


_APPLICATIONS = FORMAT_2021.table("applications").column_keys


@pytest.mark.parametrize("align", ["left", "right", "centre"])
@pytest.mark.parametrize(
    "blank", [(0,), (2,), (6,), (1, 4), (0, 6)], ids=["first", "middle", "total", "two", "ends"]
)
def test_blank_cells_of_leaf_rows_stay_in_their_columns(blank: tuple[int, ...], align: str) -> None:
    """The leaf rows (1.…) with the cells ``blank`` blank: the labels before their values
    are of every width in display columns (2 to 36 Chinese characters), not in pdftotext's
    characters."""
    blanks = {str(n): blank for n in range(1, 9)}
    got, uncertain = _tables(_report(blanks, pdf=True, align=align))
    want, _ = _tables(_report(blanks, pdf=False))
    assert uncertain == []
    assert got["applications"] == want["applications"]
    row = got["applications"]["denied.state_secret"]
    assert [row[key] for key in _APPLICATIONS] == [None if i in blank else 70 + i for i in range(7)]


@pytest.mark.parametrize("shift", [(0, 1), (0, -1, 2), (2, -2, 0, 1), (-2,)])
def test_rows_a_character_or_two_off_are_placed_too(shift: tuple[int, ...]) -> None:
    blanks = {"(": (3,), "3.其他": (0,), "2.重复": (6,)}
    got, uncertain = _tables(_report(blanks, pdf=True, shift=shift))
    want, _ = _tables(_report(blanks, pdf=False))
    assert uncertain == []
    assert got["applications"] == want["applications"]
    assert got["applications"]["other.other"]["natural_person"] is None
    assert got["applications"]["other.other"]["total"] == 256


def test_values_on_a_line_between_the_halves_of_their_label() -> None:
    """(二)部分公开(区分处理的,只计这一情形,不 / its values / 计其他情形): the values stand on a
    line of their own, from the line's start."""
    blanks = {"(二)": (2,), "1.": (2,)}
    text = _report(blanks, pdf=True, wrap="(二)")
    assert "\n" + " " * _FIRST + "60" in text
    got, uncertain = _tables(text)
    want, _ = _tables(_report(blanks, pdf=False))
    assert uncertain == []
    assert got["applications"] == want["applications"]
    assert got["applications"]["partially_granted"]["research"] is None


@pytest.mark.parametrize(
    ("label", "key", "blank", "want"),
    [
        ("规章", "regulations", (1,), {"issued": 10, "repealed": None, "in_force": 12}),
        (
            "行政规范性文件",
            "normative_documents",
            (0,),
            {"issued": None, "repealed": 21, "in_force": 22},
        ),
        (
            "行政规范性文件",
            "normative_documents",
            (2,),
            {"issued": 20, "repealed": 21, "in_force": None},
        ),
    ],
)
def test_a_blank_cell_of_table_two_is_placed_by_the_other_row_of_its_block(
    label: str, key: str, blank: tuple[int, ...], want: dict[str, int | None]
) -> None:
    """The block's one complete row, its label of another width, is the only reference."""
    got, uncertain = _tables(_report({label: blank}, pdf=True))
    assert uncertain == []
    assert got["proactive"] == _tables(_report({label: blank}, pdf=False))[0]["proactive"]
    assert got["proactive"][key] == want


def test_rows_without_a_blank_read_as_the_pipe_rows() -> None:
    got, uncertain = _tables(_report({}, pdf=True, shift=(0, 2, -1)))
    want, _ = _tables(_report({}, pdf=False))
    assert uncertain == []
    assert got == want


@pytest.mark.parametrize(
    ("blank", "nudge"), [((0,), 5), ((0,), -5), ((3,), -5), ((6,), 4), ((0,), 3)]
)
def test_a_row_off_the_columns_is_not_guessed(blank: tuple[int, ...], nudge: int) -> None:
    """A row with a blank cell, its values half a column off every other row's: they
    line up with no column (or with two), and the row stays unplaced (XG003). (Moved
    right with its gaps kept, a blank middle cell would be placed as a row a wide label
    pushed: a blank first or last cell fits those gaps at two offsets.)"""
    _, uncertain = _tables(_report({"3.其他": blank}, pdf=True, nudge={"3.其他": nudge}))
    assert uncertain == ["other.other"]


def test_a_column_blank_in_every_row_is_not_guessed() -> None:
    """No complete row tells where the columns stand (the header, centred over cells of
    left-aligned numbers and printed over several lines, does not): every row stays
    unplaced (table 二's first block too)."""
    got, uncertain = _tables(_report({"": (2,)}, pdf=True))
    assert len(got["applications"]) == 25
    assert set(uncertain) == {*got["applications"], "regulations", "normative_documents"}
