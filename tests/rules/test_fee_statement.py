"""XG402 fee-statement-vs-table: the fee statement against row （六）2 and against itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, FEE, edit, locate
from tests.rules.helpers import check_text, codes

FEE_UNPAID = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | "
GRANTED = "（一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |"


def unpaid(statement: str) -> str:
    """One application dropped for an unpaid fee notice (the table still adds up), and
    ``statement`` as the fee statement."""
    text = edit(
        CLEAN,
        FEE_UNPAID + "0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        FEE_UNPAID + "1 | 0 | 0 | 0 | 0 | 0 | 1 |",
    )
    text = edit(text, GRANTED, "（一）予以公开 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |")
    return edit(text, FEE, statement)


@pytest.mark.parametrize(
    "statement",
    [
        "本机关2023年未发出收费通知，未收取信息处理费。",
        "本年度我单位未发出政府信息处理费收费通知书，不存在收取信息处理费的情况。",  # seed 002
        "本机关没有向申请人发出缴费通知书。",
        "本机关依据《政府信息公开信息处理费管理办法》共发出收费通知0件。",
    ],
)
def test_no_notice_issued_but_an_application_dropped_for_an_unpaid_notice(
    tmp_path: Path, statement: str
) -> None:
    text = unpaid(statement)
    file = check_text(tmp_path, text)
    assert codes(file, "XG402") == [("XG402", *locate(text, statement))]
    (finding,) = file.diagnostics
    assert (finding.expected, finding.actual, finding.severity.label) == (0, 1, "warning")
    assert "2.申请人逾期未按收费通知要求缴纳费用" in finding.message and "为 1" in finding.message
    (check,) = [c for c in file.checks if c.rule == "XG402"]
    assert check.status == "fail" and len(check.cells) == 1 + 7


@pytest.mark.parametrize(
    "statement",
    [
        # 未收取 with （六）2 above 0: notices were sent and not paid — consistent
        "本机关2023年发出收费通知1件，申请人逾期未缴费，未收取信息处理费。",
        "本机关2023年未收取信息处理费。",
        "本年度依申请公开工作中未发生收费情况。",
    ],
)
def test_not_charged_with_an_unpaid_notice_is_consistent(tmp_path: Path, statement: str) -> None:
    assert codes(check_text(tmp_path, unpaid(statement)), "XG402") == []


def test_no_notice_and_a_zero_row_pass(tmp_path: Path) -> None:
    file = check_text(tmp_path, edit(CLEAN, FEE, "本机关2023年未发出收费通知，未收取信息处理费。"))
    assert codes(file, "XG402") == []
    assert [c.status for c in file.checks if c.rule == "XG402"] == ["pass"]


def test_the_text_contradicts_itself(tmp_path: Path) -> None:
    text = edit(CLEAN, FEE, "本机关2023年未发出收费通知。全年共发出收费通知2件。")
    file = check_text(tmp_path, text)
    (finding,) = [d for d in file.diagnostics if d.code == "XG402"]
    assert "又称“全年共发出收费通知2件”" in finding.message
    text = edit(CLEAN, FEE, "本机关2023年未收取信息处理费。实际收取信息处理费0.05万元。")
    (finding,) = [d for d in check_text(tmp_path, text, lang="en").diagnostics if d.code == "XG402"]
    assert finding.message == (
        "the text says '本机关2023年未收取信息处理费' and also '实际收取信息处理费0.05万元': the "
        "two statements about whether information processing fees were charged contradict "
        "each other"
    )


def test_never_the_administrative_fees_of_table_two(tmp_path: Path) -> None:
    """行政事业性收费 is another fee: neither its amount in the text nor in table 二 is the
    information processing fee."""
    text = edit(CLEAN, "行政事业性收费 | 0 |", "行政事业性收费 | 10644 |")
    text = edit(text, FEE, "本机关2023年未收取信息处理费；全年收取行政事业性收费10644万元。")
    file = check_text(tmp_path, text)
    assert codes(file, "XG402") == []
    assert [c for c in file.checks if c.rule == "XG402"] == []


def test_not_checked_before_the_fee_regime(tmp_path: Path) -> None:
    text = unpaid("本机关2020年未发出收费通知。").replace("2023年", "2020年")
    assert codes(check_text(tmp_path, text), "XG402") == []


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("本年度未收取信息处理费。", True),  # found in the raw text
        ("本年度未收取信息處理費。", True),  # traditional, raw
        ("本年度未收 费。", True),  # only once normalised (the space removed)
        ("本机关无其他需要报告的事项。", False),
    ],
)
def test_the_fee_statement_in_raw_or_normalised_text(text: str, stated: bool) -> None:
    from xxgk_lint_rules.fees import _states_fee

    assert _states_fee(text) is stated


FEE_CLAUSES = [
    "本机关2023年未发出收费通知",
    "未收取信息处理费",
    "本年度我单位未发出政府信息处理费收费通知书",
    "不存在收取信息处理费的情况",
    "本机关没有向申请人发出缴费通知书",
    "共发出收费通知0件",
    "本年度发出收费通知书2份",
    "收取信息处理费共计300元",
    "收取处理费0元",
    "未发生信息处理费收费情况",
    "2023年我区无收取信息处理费情况",
]


def _texts() -> list[str]:
    """Every text fixture and real report, and the clauses above."""
    root = Path(__file__).resolve().parents[2]
    found = [*FEE_CLAUSES]
    for folder in ("fixtures", "../shared/seeds"):
        for path in sorted((root / folder).rglob("*.txt")):
            found.append(path.read_text("utf-8", "replace"))
    return found


def test_every_fee_clause_has_one_of_the_fee_words() -> None:
    """fee_statements searches only sentences and clauses with one of FEE_WORDS: every
    clause a fee pattern matches must have one (else the prefilter would drop it)."""
    from xxgk_lint_rules.fees import _CLAUSE, _has_fee_words, _patterns

    from xxgk_lint.format.prose import FEE_WORDS
    from xxgk_lint.parse.claims import folded

    patterns = _patterns()
    kinds = ("no-notice", "notices", "none-charged", "charged")
    matched = 0
    for text in _texts():
        for clause in _CLAUSE.findall(folded(text)):
            if any(patterns[kind].search(clause) for kind in kinds):
                matched += 1
                assert _has_fee_words(clause), clause
                assert any(word in clause for word in FEE_WORDS), clause
    assert matched >= len(FEE_CLAUSES)
    # and a clause without them is not one
    assert not _has_fee_words("发现问题马上通知相关单位整改")
    assert not any(patterns[k].search("根据通知要求，经费已下达") for k in kinds)


def test_the_fee_statement_after_a_run_in_heading(tmp_path: Path) -> None:
    """六、其他需要报告的事项：… — the statement after the heading is section 六's, found at
    its own column of the line."""
    statement = "本机关2023年未发出收费通知，未收取信息处理费。"
    text = edit(
        unpaid(statement),
        f"六、其他需要报告的事项\n{statement}",
        f"六、其他需要报告的事项：{statement}",
    )
    file = check_text(tmp_path, text)
    line, column = locate(text, statement)
    assert column == len("六、其他需要报告的事项：") + 1
    assert codes(file, "XG402", "XG102", "XG401") == [("XG402", line, column)]


@pytest.mark.parametrize(
    "line",
    [
        "六、其他需要报告的事项：本年度未收取信息处理费。",  # the grammar's heading, whole
        "六、其他需要报告的事项。本年度未收取信息处理费。",
        "六、其他需要报告的事项本年度未收取信息处理费。",
    ],
)
def test_a_fee_statement_run_in_after_the_heading_is_stated(tmp_path: Path, line: str) -> None:
    text = edit(CLEAN, f"六、其他需要报告的事项\n{FEE}", line)
    assert codes(check_text(tmp_path, text), "XG401", "XG101", "XG102") == []


def test_a_run_in_statement_that_says_nothing_of_fees(tmp_path: Path) -> None:
    text = edit(CLEAN, f"六、其他需要报告的事项\n{FEE}", "六、其他需要报告的事项：无。")
    assert codes(check_text(tmp_path, text), "XG401", "XG102") == [
        ("XG401", *locate(text, "六、其他需要报告的事项"))
    ]
