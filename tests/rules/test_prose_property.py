"""Property: a report whose prose is written from its own tables never gets XG501 or XG502.

Hypothesis draws consistent tables 三 and 四 and a handful of sentences that restate them
in the wordings reports use (收到 N 件 as 新收 or as 新收 + 上年结转, 办结, 上年结转, 结转下年度,
各 N 件, 均结果维持, 未发生…; in digits or Chinese numerals), mixed with near-misses (其中线上
申请, 同比增长, 行政许可申请, 人大代表建议, years, last year's counts: 上年度收到, 去年同期,
2022年收到). Every comparison the rules make must pass.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.engine.reportkit import CLEAN
from tests.rules.helpers import check_text
from tests.rules.test_property import LEAVES
from xxgk_lint.parse.numerals import chinese_int

ROWS = ["received", "carried_over", *LEAVES, "total", "carried_forward"]
_ROW = re.compile(r"^(.*?)((?: \| -?\d+){7}) \|$")
_LINES = CLEAN.split("\n")
FIRST = next(i for i, line in enumerate(_LINES) if line.startswith("一、本年新收"))
LABELS = [_ROW.match(line).group(1) for line in _LINES[FIRST : FIRST + len(ROWS)]]  # type: ignore[union-attr]
REVIEW_LINE = next(i for i, line in enumerate(_LINES) if line.startswith("1 | 0 | 0 | 0 | 1"))
OVERVIEW = "共收到政府信息公开申请7件。"

counts = st.integers(min_value=0, max_value=12)
_DIGITS = "零一二三四五六七八九"


def hanzi(n: int) -> str:
    """``n`` (0–999) as reports write it in Chinese numerals: 十七, 一百零五, 一百一十."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    if not hundreds:
        if not tens:
            return _DIGITS[units]
        head = "十" if tens == 1 else _DIGITS[tens] + "十"
        return head + (_DIGITS[units] if units else "")
    text = _DIGITS[hundreds] + "百"
    if tens:
        text += _DIGITS[tens] + "十" + (_DIGITS[units] if units else "")
    elif units:
        text += "零" + _DIGITS[units]
    return text


def test_the_numerals_written_are_read_back() -> None:
    assert [hanzi(n) for n in (0, 7, 10, 17, 20, 23, 105, 110, 999)] == [
        "零", "七", "十", "十七", "二十", "二十三", "一百零五", "一百一十", "九百九十九"
    ]  # fmt: skip
    assert all(chinese_int(hanzi(n)) == n for n in range(1000))


@st.composite
def tables(draw: st.DrawFn) -> tuple[dict[str, list[int]], list[list[int]]]:
    """Table 三 by rows (6 applicant columns and 总计), table 四 by groups (4 results and
    总计): consistent, as the identities want them."""
    leaves = {k: [draw(counts) if draw(st.booleans()) else 0 for _ in range(6)] for k in LEAVES}
    total = [sum(leaves[k][c] for k in LEAVES) for c in range(6)]
    carried_over = [draw(st.integers(0, total[c])) for c in range(6)]
    carried_forward = [draw(st.integers(0, 3)) for _ in range(6)]
    received = [total[c] + carried_forward[c] - carried_over[c] for c in range(6)]
    rows = {"received": received, "carried_over": carried_over, **leaves, "total": total}
    rows["carried_forward"] = carried_forward
    applications = {k: [*v, sum(v)] for k, v in rows.items()}
    groups = []
    for _ in range(3):
        results = [draw(st.integers(0, 2)) for _ in range(4)]
        groups.append([*results, sum(results)])
    return applications, groups


@st.composite
def prose(
    draw: st.DrawFn, applications: dict[str, list[int]], groups: list[list[int]]
) -> list[str]:
    """Sentences that restate the tables, and near-misses that must not be compared."""
    r, co = applications["received"][6], applications["carried_over"][6]
    t, cf = applications["total"][6], applications["carried_forward"][6]
    review, direct, after = (g[4] for g in groups)
    lawsuits = direct + after
    received = draw(st.sampled_from([r, r + co]))
    verb = draw(st.sampled_from(["共收到", "共受理", "本年新收", "收到"]))
    first = f"2023年，本机关{verb}政府信息公开申请{received}件"
    if draw(st.booleans()):
        online = draw(st.integers(0, received))
        first += f"，其中线上申请{online}件，线下申请{received - online}件"
    first += "。"
    candidates = [
        f"上年结转{co}件，办结{t}件，结转下年度继续办理{cf}件。",
        f"全年办结政府信息公开申请{t}件，转入下年{cf}件。",
        f"共收到依申请公开信件{r}件，结转2024年{cf}件。",
        f"本年度新收申请{r}件，同比增长{draw(counts)}件。",
        f"受理行政许可申请{draw(counts) * 100}件，按时办理人大代表建议和政协委员提案{draw(counts)}件。",
        f"因政府信息公开被申请行政复议{review}件。",
        f"全年办结政府信息公开申请{hanzi(t)}件，结转下年度{hanzi(cf)}件。",
        f"本年新收政府信息公开申请{hanzi(r)}件，上年结转{hanzi(co)}件。",
        f"因政府信息公开被申请行政复议{hanzi(review)}件。",
        # last year's counts: never compared
        f"上年度收到政府信息公开申请{draw(counts) + 20}件，办结{draw(counts) + 20}件。",
        f"去年同期受理政府信息公开申请{hanzi(draw(counts) + 20)}件。",
        f"2022年收到政府信息公开申请{draw(counts) + 20}件。",
        f"上年度因政府信息公开被申请行政复议{draw(counts) + 5}件。",
        f"因政府信息公开被提起行政诉讼{lawsuits}件。",
        f"政府信息公开方面，未经复议直接起诉{direct}件，复议后起诉{after}件。",
    ]
    if review == lawsuits and review:
        upheld = groups[0][0] == review and groups[1][0] + groups[2][0] == lawsuits
        candidates.append(
            f"政府信息公开方面，办理行政复议、诉讼各{review}件"
            + ("，均结果维持。" if upheld else "。")
        )
    if review == lawsuits == 0:
        candidates.append("本年度未发生因政府信息公开引起的行政复议、行政诉讼。")
    if r == 0:
        candidates.append("本年度未收到政府信息公开申请。")
    if sum(g[1] for g in groups) == 0:
        candidates.append("因政府信息公开未发生行政复议、行政诉讼被纠错的情况。")
    chosen = draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=5, unique=True))
    return [first, *chosen]


def report(
    applications: dict[str, list[int]], groups: list[list[int]], sentences: list[str]
) -> str:
    lines = list(_LINES)
    for index, (key, label) in enumerate(zip(ROWS, LABELS, strict=True)):
        cells = " | ".join(str(v) for v in applications[key])
        lines[FIRST + index] = f"{label} | {cells} |"
    lines[REVIEW_LINE] = " | ".join(str(v) for g in groups for v in g) + " |"
    return "\n".join(lines).replace(OVERVIEW, "".join(sentences))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_prose_written_from_its_own_tables_never_contradicts_them(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    applications, groups = data.draw(tables(), label="tables")
    sentences = data.draw(prose(applications, groups), label="prose")
    folder: Path = tmp_path_factory.mktemp("prose")
    file = check_text(folder, report(applications, groups, sentences))
    assert [d for d in file.diagnostics if d.code in ("XG201", "XG202", "XG203", "XG204")] == []
    assert [d.message for d in file.diagnostics if d.code in ("XG501", "XG502")] == []
    made = [c for c in file.checks if c.rule in ("XG501", "XG502")]
    assert made, "the prose restates the tables: there is something to compare"
    assert {c.status for c in made} == {"pass"}
