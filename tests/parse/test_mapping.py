"""The mapping's row finder: which template rows a label names."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.parse.pipe_rows import row_parts
from xxgk_lint.format import FORMAT_2019, FORMAT_2021, TABLE_KEYS, normalise
from xxgk_lint.parse.cells import END, LINE, make_cells
from xxgk_lint.parse.columns import COUNT, FIELDS, HeaderMap, Placement
from xxgk_lint.parse.mapping import (
    _label_for,
    _naming,
    _rows,
    _rows_finder,
    _table_start,
    value_runs,
)

_WORDS = [
    "其他",
    "3.其他",
    "(六)其他处理",
    "七、总计",
    "合计",
    "本年新收政府信息公开申请数量",
    "新收的申请",
    "规章(件)",
    "行政许可",
    "许可",
    "复议后起诉",
    "未经复议直接起诉",
    "结转下年度继续办理",
    "2.其他法律行政法规禁止公开",
    "5.信访举报投诉类申请",
    "自然人",
    "",
]


@pytest.mark.parametrize("model", [FORMAT_2021, FORMAT_2019], ids=["2021", "2019"])
@pytest.mark.parametrize("key", TABLE_KEYS)
def test_the_finder_names_the_rows_each_pattern_finds(model, key) -> None:
    spec = model.table(key)
    finder = _rows_finder(spec)
    for word in [*_WORDS, *(row.label.zh for row in spec.rows)]:
        norm = normalise(word)
        expected = tuple(i for i, row in enumerate(spec.rows) if row.pattern.search(norm))
        assert finder(norm) == expected, word


def test_a_label_can_name_several_rows_in_row_order() -> None:
    spec = FORMAT_2021.table("applications")
    keys = [row.key for row in spec.rows]
    found = _rows_finder(spec)(normalise("2.其他法律行政法规禁止公开"))
    assert [keys[i] for i in found] == ["denied.prohibited_by_law"]
    found = _rows_finder(spec)(normalise("3.其他"))
    assert [keys[i] for i in found] == ["other.other"]
    assert _rows_finder(spec)(normalise("自然人")) == ()


def test_word_rows_are_tested_as_words_and_other_rows_searched() -> None:
    # 国家秘密 is plain words: a substring test; ^规章…$ is anchored: searched.
    spec = FORMAT_2021.table("applications")
    state_secret = [row.key for row in spec.rows].index("denied.state_secret")
    assert _rows_finder(spec)("属于国家秘密的") == (state_secret,)
    proactive = FORMAT_2021.table("proactive")
    assert re.search("[$^]", proactive.rows[0].pattern.pattern)
    assert _rows_finder(proactive)("规章") == (0,)
    assert _rows_finder(proactive)("地方规章") == ()


def _text(raw: str, line: int, field: int = -1) -> tuple:
    norm = normalise(raw)
    return ("T", raw, 1, 1 + len(raw), norm, field, -1, field, 1, None, "text", line)


def _number(raw: str, line: int, field: int = -1) -> tuple:
    return ("N", raw, 1, 1 + len(raw), "", field, -1, field, 1, int(raw), "number", line)


def _empty(line: int, field: int) -> tuple:
    return ("E", "", 1, 1, "", field, -1, field, 1, None, "blank", line)


def test_the_naming_table_starts_with_the_formats_labels() -> None:
    spec = FORMAT_2021.table("applications")
    naming = _naming(spec)
    keys = [row.key for row in spec.rows]
    secret = naming[normalise("1.属于国家秘密")]
    assert [keys[i] for i in secret] == ["denied.state_secret"]
    assert [keys[i] for i in naming[normalise("（七）总计")]] == ["total"]
    # Every label the format prints is there, naming what the finder finds.
    finder = _rows_finder(spec)
    for row in spec.rows:
        norm = normalise(row.label.zh)
        assert naming[norm] == finder(norm), row.label.zh


def test_header_words_are_skipped_only_when_two_stand_in_the_run() -> None:
    spec = FORMAT_2021.table("applications")
    other = [row.key for row in spec.rows].index("other.other")
    naming = _naming(spec)
    # 其他 is a header word (a column) and the label of row 3.其他: beside one other
    # header word it is a header, and the run names no row.
    headers = [_text("自然人", 5, 0), _text("其他", 5, 1)]
    assert _label_for(headers, spec, 0, naming) is None
    # After a label that is no header word it is the row's label.
    run = [_text("（六）其他处理", 7, 0), _text("其他", 7, 1)]
    assert _label_for(run, spec, other, naming) == (other, run[1])
    # Read from the end: the text nearest the values names the row.
    run = [_text("（三）不予公开", 8, 0), _text("1.属于国家秘密", 8, 1)]
    found = _label_for(run, spec, 0, naming)
    assert found is not None and spec.rows[found[0]].key == "denied.state_secret"
    assert found[1] is run[1]


def test_value_runs_carry_their_kinds_and_skip_a_header_lines_blanks() -> None:
    spec = FORMAT_2021.table("applications")
    items = [
        _text("自然人", 1, 0),
        _text("总计", 1, 1),
        _empty(1, 2),
        _empty(1, 3),
        _text("1.属于国家秘密", 2, 0),
        _number("3", 2, 1),
        _empty(2, 2),
        _text("2.其他法律行政法规禁止公开", 3, 0),
        _empty(3, 1),
        _empty(3, 2),
    ]
    runs = value_runs(items, spec)
    # The header line's blank cells do not end the label run; the blank row's do.
    assert [(len(run), len(values), kinds) for run, values, kinds in runs] == [
        (3, 2, "NE"),
        (1, 2, "EE"),
    ]
    assert runs[0][0][-1] is items[4] and runs[1][1] == items[8:]


def test_a_table_starts_after_the_last_sentence_before_it() -> None:
    before = [
        _text("本年度共收到申请7件。", 1),
        _text("具体情况如下：  ", 2),
        _text("自然人", 3, 0),
    ]
    assert _table_start(before, before[-1]) is before[2]
    assert _table_start(before[:2], before[0]) is before[0]  # prose only: the fallback
    assert _table_start([before[2]], before[0]) is before[2]
    assert _table_start([], before[0]) is before[0]


def test_rows_cells_are_each_rows_own_whatever_placed_them() -> None:
    # The rows placed by count share one make_cells call, cut per row: each row's cells
    # are what its own call makes, beside a row with a missing cell and an uncertain one.
    header = HeaderMap()
    found = []
    for line, (evidence, width) in enumerate(
        [(COUNT, 3), (COUNT, 1), (FIELDS, 3), ("stream", 0), (COUNT, 2)], start=1
    ):
        label = _text(f"第{line}行", line, 0)
        values = [_number(str(line * 10 + i), line, i + 1) for i in range(width)]
        columns = tuple(f"c{i}" for i in range(max(width, 2)))
        if evidence == FIELDS:
            placement = Placement((values[0], None, values[2]), FIELDS, 2)
        elif width == 0:
            placement = Placement(None, evidence, 0)
        else:
            placement = Placement(tuple(values), COUNT, width)
            columns = columns[:width]
        found.append((f"row{line}", label, values, columns, header, placement))
    rows = _rows(found)
    for row, (_, label, _, columns, _, placement) in zip(rows, found, strict=True):
        line, end = label[LINE], label[END]
        expected = (
            ()
            if placement.items is None
            else make_cells(columns, placement.items, (line, end, line, end, None))
        )
        assert row[3] == expected
        assert (row.evidence, row.found) == (placement.evidence, placement.found)
    assert [len(row[3]) for row in rows] == [3, 1, 3, 0, 2]
    assert rows[2][3][1] == ("c1", "", None, "blank", (3, 4, 3, 4, None))


# --- Text in space-aligned columns: a blank cell placed by where the values stand -------

_ALIGNED_AT = 100  # the display column the values start at (past every label)


def _pad(text: str, width: int) -> str:
    from wcwidth import wcswidth

    return text + " " * max(width - wcswidth(text), 2)


def _laid_out(text: str, blank: int | None, *, right: bool, pipe: bool) -> str:
    """The report with table 三's rows of seven numbers laid out in space-aligned columns
    (values 8 wide, left or right aligned, as ``pdftotext -layout`` writes a table), the
    cell ``blank`` of each leaf row (a label 1.…) left blank; or, with ``pipe``, the
    same blanks as empty fields of the pipe rows, for the values to compare with."""
    out = []
    for line in text.split("\n"):
        fields, numbers, labels = row_parts(line)
        if len(numbers) != 7 or len(labels) + 7 != len(fields) or fields[-1] != numbers[-1]:
            out.append(line)
            continue
        if blank is not None and any(label[0].isdigit() for label in labels):
            numbers[blank] = ""
        if pipe:
            out.append(" | ".join(labels + numbers))
            continue
        cells = "".join(n.rjust(8) if right else n.ljust(8) for n in numbers).rstrip()
        out.append(_pad("  ".join(labels), _ALIGNED_AT) + cells)
    return "\n".join(out)


@pytest.mark.parametrize("right", [False, True], ids=["left", "right"])
@pytest.mark.parametrize("blank", [0, 3, 6], ids=["first", "middle", "total"])
def test_space_aligned_rows_keep_a_blank_cell_in_its_column(
    blank: int, right: bool, tmp_path: Path
) -> None:
    from tests.conftest import seed_files
    from xxgk_lint.parse import parse_source
    from xxgk_lint.parse.serialize import report_to_json
    from xxgk_lint.sources import read_source

    seed = next(p for p in seed_files() if p.name.startswith("000"))
    text = read_source(seed).text
    aligned, piped = tmp_path / "aligned.txt", tmp_path / "piped.txt"
    aligned.write_text(_laid_out(text, blank, right=right, pipe=False), encoding="utf-8")
    piped.write_text(_laid_out(text, blank, right=right, pipe=True), encoding="utf-8")
    got = report_to_json(parse_source(read_source(aligned)))["tables"]["applications"]
    want = report_to_json(parse_source(read_source(piped)))["tables"]["applications"]
    column = FORMAT_2021.table("applications").column_keys[blank]
    assert got["denied.state_secret"][column] is None  # the blank, under its column
    assert got == want
    assert got["received"]["total"] == 11


def test_space_aligned_rows_without_a_blank_read_as_before(tmp_path: Path) -> None:
    from tests.conftest import seed_files
    from xxgk_lint.parse import parse_source
    from xxgk_lint.parse.serialize import report_to_json
    from xxgk_lint.sources import read_source

    seed = next(p for p in seed_files() if p.name.startswith("000"))
    original = report_to_json(parse_source(read_source(seed)))["tables"]["applications"]
    aligned = tmp_path / "aligned.txt"
    aligned.write_text(
        _laid_out(read_source(seed).text, None, right=False, pipe=False), encoding="utf-8"
    )
    assert report_to_json(parse_source(read_source(aligned)))["tables"]["applications"] == original


@pytest.mark.parametrize("right", [False, True], ids=["left", "right"])
@pytest.mark.parametrize("at", [40, 60])
def test_space_aligned_rows_pushed_by_a_wide_label_keep_a_blank_cell_in_its_column(
    at: int, right: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The values start at display column ``at``, which the longest labels (（六）其他处理
    1.申请人…) pass: their rows are pushed right, the gaps between their values kept. A
    blank middle cell is placed by those gaps; a blank first or last cell, which the same
    gaps fit at two offsets, is left uncertain (never guessed)."""
    from tests.conftest import seed_files
    from xxgk_lint.parse import parse_source
    from xxgk_lint.parse.serialize import report_to_json, uncertain_json
    from xxgk_lint.sources import read_source

    monkeypatch.setattr(sys.modules[__name__], "_ALIGNED_AT", at)
    seed = next(p for p in seed_files() if p.name.startswith("000"))
    text = read_source(seed).text

    def read(blank: int, pipe: bool):
        laid = _laid_out(text, blank, right=right, pipe=pipe)
        return parse_source(read_source(Path("laid.txt"), laid.encode("utf-8")))

    aligned = read(3, False)
    got = report_to_json(aligned)["tables"]["applications"]
    assert got == report_to_json(read(3, True))["tables"]["applications"]
    assert got["other.no_correction"]["public_interest"] is None  # the pushed row's blank
    assert uncertain_json(aligned) == []
    for blank in (0, 6):
        uncertain = {u["row"] for u in uncertain_json(read(blank, False))}
        assert uncertain >= {"other.no_correction", "other.fee_unpaid"}
