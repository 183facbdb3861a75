"""What a table's values are when a cell holds a word, a blank, or a page number stands
between rows: variants of the real reports (fixtures/real) read against their truth."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from xxgk_lint.parse import parse_source
from xxgk_lint.parse.ast import Report, Table
from xxgk_lint.parse.serialize import uncertain_json
from xxgk_lint.sources import read_source


def _seed(number: str) -> str:
    path = next(SEEDS.glob(f"{number}_*.txt"))
    return path.read_text(encoding="utf-8")


def _truth(number: str) -> dict[str, dict[str, dict[str, object]]]:
    tables = json.loads((SEEDS / "truth" / f"{number}.json").read_text(encoding="utf-8"))
    return tables["tables"]


def _parse(text: str, name: str = "report.txt") -> Report:
    return parse_source(read_source(Path(name), text.encode("utf-8")))


def _wrong(report: Report, truth: dict, *, but: dict[tuple[str, str, str], object]) -> list:
    """The cells that differ from the truth, but for those ``but`` names (their value)."""
    wrong = []
    for key, rows in truth.items():
        table = report.table(key)
        for row, cells in rows.items():
            for column, value in cells.items():
                cell = None if table is None else table.cell(row, column)
                got = "missing" if cell is None else cell.value
                want = but.get((key, row, column), value)
                want = None if want is None else Decimal(str(want))
                if got != want:
                    wrong.append((key, row, column, got, want))
    return wrong


def _tabs(text: str) -> str:
    """The | rows as tab rows (the trailing pipes' fields kept as empty fields)."""
    return "\n".join(
        re.sub(r"[ \t]*\|[ \t]*", "\t", line) if "|" in line else line for line in text.split("\n")
    )


def _seed_with(number: str, row: str, new_row: str, layout: str = "pipe") -> str:
    """Seed ``number`` with its pipe row ``row`` written ``new_row``, in the ``"pipe"`` or
    ``"tab"`` layout."""
    text = _seed(number)
    assert row in text
    text = text.replace(row, new_row)
    return _tabs(text) if layout == "tab" else text


def _html(text: str) -> str:
    """The | rows as the rows of HTML tables, one cell per field."""
    out, open_table = ["<html><body>"], False
    for line in text.split("\n"):
        if "|" in line:
            if not open_table:
                out.append("<table>")
                open_table = True
            cells = "".join(f"<td>{c.strip()}</td>" for c in line.split("|"))
            out.append(f"<tr>{cells}</tr>")
            continue
        if open_table:
            out.append("</table>")
            open_table = False
        out.append(f"<p>{line}</p>")
    return "\n".join([*out, "</table>" if open_table else "", "</body></html>"])


_REGULATIONS = "规章 | 0 | 0 | 0 |"
_THIRD_PARTY = "4.保护第三方合法权益 | 0 | 0 | 0 |"
_LAYOUTS = {"pipe": (lambda t: t, "report.txt"), "tab": (_tabs, "report.txt")}
_LAYOUTS["html"] = (_html, "report.html")


def _with_word(word: str) -> str:
    """Seed 000 with ``word`` where 规章's 本年废止件数 and 4.保护第三方合法权益's 科研机构
    numbers stand."""
    text = _seed("000")
    assert _REGULATIONS in text and _THIRD_PARTY in text
    text = text.replace(_REGULATIONS, f"规章 | 0 | {word} | 0 |")
    return text.replace(_THIRD_PARTY, f"4.保护第三方合法权益 | 0 | 0 | {word} |")


_BAD = {
    ("proactive", "regulations", "repealed"): None,
    ("applications", "denied.third_party", "research"): None,
}


@pytest.mark.parametrize("layout", _LAYOUTS)
@pytest.mark.parametrize("word", ["一", "…", "～", "O", "×", "*", "\\", "0只"])
def test_a_word_where_a_number_stands_is_a_text_cell_of_its_row(word: str, layout: str) -> None:
    """一 typed for —, …, 0只 (no unit of a count) … between a row's numbers are that row's cells (XG004 says
    应为数字), not the label of a row of their own: the row and the next keep their values."""
    relay, name = _LAYOUTS[layout]
    report = _parse(relay(_with_word(word)), name)
    assert _wrong(report, _truth("000"), but=_BAD) == []
    for key, row, column in _BAD:
        cell = report.table(key).cell(row, column)
        assert (cell.raw, cell.kind) == (word, "text")


@pytest.mark.parametrize("layout", _LAYOUTS)
@pytest.mark.parametrize("word", ["暂无", "不涉及", "空", "N/A", "Ｎ／Ａ"])
def test_a_blank_mark_of_the_format_is_a_placeholder(word: str, layout: str) -> None:
    """暂无, 不涉及, 空, N/A say there is nothing to count, as / — 无 do (BLANK_MARKS)."""
    relay, name = _LAYOUTS[layout]
    report = _parse(relay(_with_word(word)), name)
    assert _wrong(report, _truth("000"), but=_BAD) == []
    for key, row, column in _BAD:
        cell = report.table(key).cell(row, column)
        assert (cell.raw, cell.kind) == (word, "placeholder")


def test_a_word_in_space_separated_cells_is_a_text_cell_of_its_row() -> None:
    """PDF text: cells separated by spaces, the word between the row's numbers."""
    text = _with_word("一").replace(" | ", " ").replace(" |", "")
    report = _parse(re.sub(r"\|+", "", text))
    assert _wrong(report, _truth("000"), but=_BAD) == []
    cell = report.table("proactive").cell("regulations", "repealed")
    assert (cell.raw, cell.kind, cell.span.line) == ("一", "text", 12)


def test_a_label_on_the_values_line_of_a_complete_row_is_still_a_label() -> None:
    """Two rows on one line: the first has all its values, the text after them names the
    next row, which keeps its own values."""
    text = _seed("000").replace(_REGULATIONS + "\n", "规章 | 0 | 0 | 0 | ")
    report = _parse(text)
    assert _wrong(report, _truth("000"), but={}) == []


_REVIEWS = "0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 0 | 0 |"


@pytest.mark.parametrize(
    ("row", "blank"),
    [
        ("0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 |  | 0 |", "pending"),
        ("0 | 0 | 0 | 0 |  | 1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 0 | 0 |", "total"),
        ("0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 0 |  |", "total"),
        ("| 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 |  | 0 |", "pending"),
    ],
)
def test_a_blank_cell_of_the_reviews_data_row_keeps_the_other_fourteen(
    row: str, blank: str
) -> None:
    """Table 四 of | rows whose header lines end in a blank field: the data row is one
    line (the header's blank last field is no cell of it), enclosed in pipes or not."""
    text = _seed("002")
    assert _REVIEWS in text
    report = _parse(text.replace(_REVIEWS, row))
    group = "review" if row.index("  ") < 25 else "litigation_after_review"
    assert _wrong(report, _truth("002"), but={("reviews", group, blank): None}) == []
    assert report.table("reviews").cell(group, blank).kind == "blank"


@pytest.mark.parametrize("layout", ["pipe", "markdown", "tab"])
def test_a_bare_page_number_between_rows_is_no_cell(layout: str) -> None:
    """A lone 4 on its own line between two complete rows is a page number."""
    text = _seed("000").replace(_THIRD_PARTY, "4\n" + _THIRD_PARTY)
    if layout == "markdown":
        text = "\n".join(f"| {line} |" if "|" in line else line for line in text.split("\n"))
    elif layout == "tab":
        text = _tabs(text)
    assert _wrong(_parse(text), _truth("000"), but={}) == []


def _leaf_totals_stripped(text: str) -> tuple[str, set[str]]:
    """Seed 004 (tab rows) with the 总计 of each row from （一）予以公开 to 3.其他 blank and
    the trailing whitespace of every line stripped."""
    lines, rows = text.split("\n"), set()
    start = next(i for i, line in enumerate(lines) if "予以公开" in line)
    end = next(i for i, line in enumerate(lines) if "（七）" in line or "(七)" in line)
    for index in range(start, end):
        lines[index] = lines[index].rstrip().rsplit("\t", 1)[0]
        rows.add(index)
    return "\n".join(line.rstrip() for line in lines), rows


def test_stripped_tab_rows_with_a_spare_field_after_their_label_keep_their_values() -> None:
    """Seed 004's rows with their label in the first field have an empty field before
    their values (一、本年新收…\\t\\t20, 3.其他\\t\\t1): with the blank 总计 stripped, every
    leaf row's values stand where the table's complete rows say, and 总计 is blank."""
    text, _ = _leaf_totals_stripped(_seed("004"))
    assert "3.其他\t\t" in text
    truth = _truth("004")
    report = _parse(text)
    leaves = [
        row.key
        for row in report.table("applications").rows
        if row.key not in ("received", "carried_over", "total", "carried_forward")
    ]
    assert len(leaves) == 21
    blank = {("applications", row, "total"): None for row in leaves}
    assert _wrong(report, truth, but=blank) == []


def _full_grid(text: str) -> str:
    """Seed 000's table 三 as a full grid of | rows, a pipe after every cell: three label
    cells (the empty ones printed, so that a row without a top label starts with a pipe)
    and seven values, 1 to 6 and 21, 总计 blank from （一）予以公开 to 3.其他."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、结转下年度"))
    lines[start - 2] = " |  |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |"
    lines[start - 1] = " |  |  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |"
    for index in range(start, end + 1):
        labels = [f.strip() for f in lines[index].split("|") if f.strip()][:-7]
        slots = ["", "", ""]
        for label in labels:
            slots[0 if label[0] in "一二三四" else 1 if label[0] in "(（" else 2] = label
        leaf = slots[0].startswith("三") or (not slots[0] and "总计" not in slots[1])
        values = [*"123456", "" if leaf else "21"]
        lines[index] = " | ".join([*slots, *values]) + " |"
    return "\n".join(lines)


_APPLICANTS = ("natural_person", "business", "research", "public_interest", "legal_service")


def test_a_full_grid_of_pipes_after_each_cell_is_read_in_its_columns() -> None:
    """Rows that start with a label end with a pipe as the rows that start with a pipe
    do: the pipes follow cells, a leading one a blank first cell (the region is not
    enclosed markdown-style), so the header and the rows with a blank 总计 agree."""
    table = _parse(_full_grid(_seed("000"))).table("applications")
    read = {
        row.key: [row.value(column) for column in (*_APPLICANTS, "other_org", "total")]
        for row in table.rows
    }
    whole = [1, 2, 3, 4, 5, 6, 21]
    leaf = [1, 2, 3, 4, 5, 6, None]
    assert list(read.values()) == [whole, whole, *[leaf] * 21, whole, whole]


@pytest.mark.parametrize("layout", _LAYOUTS)
@pytest.mark.parametrize("at", [0, 6])
def test_a_word_in_the_first_or_last_column_is_a_text_cell(at: int, layout: str) -> None:
    """一 for 4.保护第三方合法权益's 自然人 or 总计: the row's other six values are read where
    they stand (in an HTML grid, under their headers), 一 in its own column."""
    values = ["0"] * 7
    values[at] = "一"
    row = "4.保护第三方合法权益 | " + " | ".join(values) + " |"
    text = _seed("000").replace(_THIRD_PARTY + " 0 | 0 | 0 | 0 |", row)
    assert row in text
    relay, name = _LAYOUTS[layout]
    report = _parse(relay(text), name)
    column = "natural_person" if at == 0 else "total"
    assert (
        _wrong(report, _truth("000"), but={("applications", "denied.third_party", column): None})
        == []
    )
    cell = report.table("applications").cell("denied.third_party", column)
    assert (cell.raw, cell.kind) == ("一", "text")


def test_a_word_in_the_last_column_of_an_html_grid_is_a_text_cell() -> None:
    """A Word-made HTML table: the grid places the row's six numbers under their headers
    and finds no 总计; the 一 after them is that cell, not a blank and a row of its own."""
    html = Path(__file__).parents[2] / "fixtures" / "html" / "yunxi-shengtai-2023.html"
    lines = html.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if "4.保护第三方合法权益" in line)
    head, _, tail = lines[at].rpartition(">3<")
    lines[at] = head + ">一<" + tail
    report = _parse("\n".join(lines), "report.html")
    truth = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))["tables"]
    but = {("applications", "denied.third_party", "total"): None}
    assert _wrong(report, truth, but=but) == []
    cell = report.table("applications").cell("denied.third_party", "total")
    assert (cell.raw, cell.kind) == ("一", "text")


# --- One cell per line: a word or a blank mark on its own line among a row's numbers ----


def _one_per_line(text: str) -> str:
    """The | rows as one cell per line, a blank line after each (as a browser's copy)."""
    out = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("|")] if "|" in line else [line]
        out += [x for cell in cells if cell for x in (cell, "")]
    return "\n".join(out)


#: Seed 000's rows, each with a cell (by its place among the row's numbers) → the key.
_LONE_CELLS = {
    "规章 | 0 | 0 | 0 |": (0, ("proactive", "regulations", "issued")),
    "行政规范性文件 | 13 | 0 | 21 |": (2, ("proactive", "normative_documents", "in_force")),
    "1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |": (
        3,
        ("applications", "denied.state_secret", "public_interest"),
    ),
    "一、本年新收政府信息公开申请数量 | 11 | 0 | 0 | 0 | 0 | 0 | 11 |": (
        6,
        ("applications", "received", "total"),
    ),
    "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |": (
        0,
        ("applications", "carried_forward", "natural_person"),
    ),
    "0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |": (
        0,
        ("reviews", "review", "upheld"),
    ),
}


def _uncertain(report: Report) -> list[tuple[str, int]]:
    return [(u["row"], u["found"]) for u in uncertain_json(report)]


def _lone(word: str, row: str) -> tuple[str, tuple[str, str, str]]:
    """Seed 000, one cell per line, ``word`` for one number of ``row``."""
    at, key = _LONE_CELLS[row]
    text = _seed("000")
    line = next(line for line in text.split("\n") if row.rstrip(" |") in line)
    fields = line.split("|")
    numbers = [i for i, f in enumerate(fields) if f.strip().isdigit()]
    fields[numbers[at]] = f" {word} "
    return _one_per_line(text.replace(line, "|".join(fields))), key


def _assert_text_cell(text: str, word: str, table: str, key: str, column: str) -> None:
    """Seed 000's values, but for the cell that holds ``word`` alone on its line: a text
    cell at that line, column 1 (XG004 reports it there); no row left uncertain."""
    report = _parse(text)
    assert _wrong(report, _truth("000"), but={(table, key, column): None}) == []
    cell = report.table(table).cell(key, column)
    line = text.split("\n").index(word) + 1
    assert (cell.raw, cell.kind, cell.span.line, cell.span.column) == (word, "text", line, 1)
    assert _uncertain(report) == []


@pytest.mark.parametrize("row", _LONE_CELLS, ids=lambda row: row.split(" ")[0][:8])
@pytest.mark.parametrize("word", ["一", "…", "0只", "×", "若干"])
def test_a_word_alone_on_its_line_is_a_text_cell_of_its_row(word: str, row: str) -> None:
    """One cell per line: a word where a number belongs — the row's first value, its last
    (a total), in the last row of a table, in table 四's one data line — is that row's text
    cell (XG004 reports it there), and every other value keeps its key."""
    text, (table, key, column) = _lone(word, row)
    _assert_text_cell(text, word, table, key, column)


@pytest.mark.parametrize("word", ["暂无", "不涉及", "空", "N/A"])
def test_a_blank_mark_alone_on_its_line_is_a_placeholder(word: str) -> None:
    """暂无, 不涉及 on a line of their own are no ROW to the grammar, yet blank, as in a
    separated row."""
    text, key = _lone(word, "1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |")
    report = _parse(text)
    assert _wrong(report, _truth("000"), but={key: None}) == []
    cell = report.table(key[0]).cell(key[1], key[2])
    assert (cell.raw, cell.kind) == (word, "placeholder")


def test_two_words_in_one_row_alone_on_their_lines_are_its_cells() -> None:
    """The first and a middle value of a row both words: both the row's cells."""
    text = _one_per_line(_seed("000").replace("规章 | 0 | 0 | 0 |", "规章 | 一 | 0 | 若干 |"))
    report = _parse(text)
    regulations = report.table("proactive").cell
    assert [regulations("regulations", c).raw for c in ("issued", "repealed", "in_force")] == [
        "一",
        "0",
        "若干",
    ]
    assert (
        _wrong(
            report,
            _truth("000"),
            but={
                ("proactive", "regulations", "issued"): None,
                ("proactive", "regulations", "in_force"): None,
            },
        )
        == []
    )


def test_a_row_short_of_a_cell_one_per_line_does_not_take_a_word_after_it() -> None:
    """A row of one cell per line missing a number and followed by a short text that is no
    cell of it (a word, then the next label): one cell too many or too few decides nothing,
    and the row stays uncertain rather than take the word."""
    text = _one_per_line(
        _seed("000").replace("规章 | 0 | 0 | 0 |", "规章 | 0 | 0 |\n说明 | 若干 |")
    )
    report = _parse(text)
    assert _uncertain(report) == [("regulations", 2)]
    wrong = _wrong(report, _truth("000"), but={})
    assert [(row, column, got) for _, row, column, got, _ in wrong] == [
        ("regulations", column, "missing") for column in ("issued", "repealed", "in_force")
    ]


_CLEAN = Path(__file__).parents[1] / "rules" / "cases" / "reports" / "clean.txt"
_REVIEWS_ROW = "1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
_NUMBERS = [str(n) for n in range(2, 16)]


def _value(table: Table, row: str, column: str) -> object:
    found = table.row(row)
    assert found is not None
    return found.value(column)


@pytest.mark.parametrize("word", ["若干", "一", "×"])
@pytest.mark.parametrize(
    "row",
    [
        "{w} | " + " | ".join(_NUMBERS) + " |",  # a closing pipe
        "{w} | " + " | ".join(_NUMBERS),
        "{w}\t" + "\t".join(_NUMBERS),
        "{w} " + " ".join(_NUMBERS),
    ],
    ids=["pipe-closed", "pipe", "tab", "space"],
)
def test_a_word_opening_table_four_data_line_is_its_first_cell(word: str, row: str) -> None:
    # Table 四's data line has no label: the word is its first cell, not a label that
    # shifts every number one column to the left.
    text = _CLEAN.read_text(encoding="utf-8")
    assert text.count(_REVIEWS_ROW) == 1
    line = text[: text.index(_REVIEWS_ROW)].count("\n") + 1
    report = _parse(text.replace(_REVIEWS_ROW, row.format(w=word)))
    reviews = report.table("reviews")
    assert reviews is not None
    first = reviews.cell("review", "upheld")
    assert first is not None and (first.kind, first.raw, first.value) == ("text", word, None)
    assert tuple(first.span)[:2] == (line, 1)
    assert _value(reviews, "review", "corrected") == 2
    assert _value(reviews, "litigation_direct", "upheld") == 6
    assert _value(reviews, "litigation_after_review", "total") == 15
    assert not uncertain_json(report)


def test_a_label_before_a_full_table_four_data_line_is_still_no_cell() -> None:
    # Fifteen numbers after the text: the text is no cell (nothing is one short).
    text = _CLEAN.read_text(encoding="utf-8")
    report = _parse(text.replace(_REVIEWS_ROW, "数量 | 1 | " + " | ".join(_NUMBERS) + " |"))
    reviews = report.table("reviews")
    assert reviews is not None
    assert _value(reviews, "review", "upheld") == 1
    assert _value(reviews, "litigation_after_review", "total") == 15


# --- One cell per line: a one-column row of table 二 whose only cell is a word ----------

#: Seed 000's one-column rows of table 二 → their cell's key.
_SINGLE_CELLS = {
    "行政许可 | 1493 |": ("proactive", "licensing", "decisions"),
    "行政处罚 | 58 |": ("proactive", "penalties", "decisions"),
    "行政强制 | 9 |": ("proactive", "enforcement", "decisions"),
    "行政事业性收费 | 1071 |": ("proactive", "fees", "amount"),
}


def _single(word: str, row: str) -> str:
    """Seed 000, one cell per line, ``word`` for the one number of ``row``."""
    text = _seed("000")
    assert row in text
    return _one_per_line(text.replace(row, f"{row.split(' ')[0]} | {word} |"))


@pytest.mark.parametrize("row", _SINGLE_CELLS, ids=lambda row: row.split(" ")[0])
@pytest.mark.parametrize("word", ["一", "…", "×", "若干", "0只", "不详"])
def test_a_word_alone_as_the_cell_of_a_one_column_row_is_its_text_cell(word: str, row: str) -> None:
    """One cell per line, a one-column row (行政许可 … 行政事业性收费) whose only value is
    a word has nothing numeric after its label: the word is its cell (XG004 at its line),
    not a text joined to the next label that loses the row (XG003)."""
    text, (table, key, column) = _single(word, row), _SINGLE_CELLS[row]
    _assert_text_cell(text, word, table, key, column)


@pytest.mark.parametrize("row", _SINGLE_CELLS, ids=lambda row: row.split(" ")[0])
@pytest.mark.parametrize("word", ["无", "/", "—", "暂无"])
def test_a_blank_mark_alone_as_the_cell_of_a_one_column_row_is_a_placeholder(
    word: str, row: str
) -> None:
    """无, /, —, 暂无 as a one-column row's only cell are read as blank, as elsewhere."""
    text, (table, key, column) = _single(word, row), _SINGLE_CELLS[row]
    report = _parse(text)
    assert _wrong(report, _truth("000"), but={(table, key, column): None}) == []
    cell = report.table(table).cell(key, column)
    assert (cell.raw, cell.kind) == (word, "placeholder")


def test_words_in_every_one_column_row_are_their_cells() -> None:
    """All four one-column rows words: each row keeps its own word, in order."""
    text = _seed("000")
    for row, word in zip(_SINGLE_CELLS, ["一", "若干", "×", "…"], strict=True):
        text = text.replace(row, f"{row.split(' ')[0]} | {word} |")
    report = _parse(_one_per_line(text))
    table = report.table("proactive")
    cells = [table.cell(key, column).raw for _, key, column in _SINGLE_CELLS.values()]
    assert cells == ["一", "若干", "×", "…"]
    assert _wrong(report, _truth("000"), but={k: None for k in _SINGLE_CELLS.values()}) == []


def test_the_next_row_label_after_a_one_column_word_is_still_its_label() -> None:
    """The word takes only its own line: 行政强制 right after 行政处罚's word is still the
    label of 行政强制 and keeps its value, and a label (one naming a row) is never taken
    as the cell of the row before it."""
    text = _single("若干", "行政处罚 | 58 |")
    report = _parse(text)
    table = report.table("proactive")
    assert table.cell("penalties", "decisions").raw == "若干"
    assert table.cell("enforcement", "decisions").raw == "9"
    enforcement = table.row("enforcement")
    assert enforcement is not None
    assert (enforcement.label, enforcement.span.line) == (
        "行政强制",
        text.split("\n").index("行政强制") + 1,
    )
    # 行政处罚 with no value at all: 行政强制 is no cell of it.
    text = _one_per_line(_seed("000").replace("行政处罚 | 58 |", "行政处罚 | |"))
    table = _parse(text).table("proactive")
    assert table.cell("enforcement", "decisions").raw == "9"
    penalties = table.cell("penalties", "decisions")
    assert penalties is None or penalties.raw != "行政强制"


@pytest.mark.parametrize("row", _SINGLE_CELLS, ids=lambda row: row.split(" ")[0])
@pytest.mark.parametrize(
    "words", [("若干", "说明"), ("不详", "不详"), ("一", "件"), ("若干", "件", "备注")]
)
def test_more_words_after_a_one_column_label_leave_the_first_its_cell(
    words: tuple[str, ...], row: str
) -> None:
    """Two words (or more) alone on their lines under a one-column row's label: the first
    stands where the row's number belongs and is its text cell (XG004 at its line); the
    others stand where no cell is and are no cell. The row is not lost (XG003) and every
    other row keeps its value."""
    text = _single(" |\n".join(words), row)
    table, key, column = _SINGLE_CELLS[row]
    _assert_text_cell(text, words[0], table, key, column)


def test_words_then_values_after_a_one_column_label_are_left_as_they_were() -> None:
    """Words with values right after them may be the next row's label misprinted (行政强
    | 9): the first word is then not taken as the cell of the row before."""
    text = _one_per_line(
        _seed("000")
        .replace("行政处罚 | 58 |", "行政处罚 | 若干 |")
        .replace("行政强制 | 9 |", "行政强 | 9 |")
    )
    table = _parse(text).table("proactive")
    assert table.cell("penalties", "decisions") is None
    assert table.cell("enforcement", "decisions").raw == "9"
