"""Check outcomes: one wrong cell found among failed identities, the four statuses recorded
per report, and what the runner keeps of them."""

from __future__ import annotations

from pathlib import Path

from tests.engine.reportkit import CLEAN, edit, wrong_total, wrong_total_position
from tests.rules.helpers import check_text
from xxgk_lint.engine.checks import Check, CheckCell, count, related
from xxgk_lint.engine.identities import culprits, evaluate_all, evaluate_report, judge_report
from xxgk_lint.engine.rule import RuleContext
from xxgk_lint.parse import parse_source
from xxgk_lint.parse.ast import Span
from xxgk_lint.sources.model import Source

RECEIVED = "一、本年新收政府信息公开申请数量 | 5 | 2 | 0 | 0 | 0 | 0 | 7 |"
GRANTED = "（一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |"
NOT_HELD = "1.本机关不掌握相关政府信息 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |"


def outcomes(text: str):
    report = parse_source(Source("r.txt", "text", "utf-8", text))
    return evaluate_all(report)


def failed(text: str) -> list[tuple[str, str]]:
    return [(o.identity.key, o.scope) for o in outcomes(text) if o.status == "fail"]


def test_each_outcome_takes_its_own_cells_each_place_once_from_its_table() -> None:
    report = parse_source(Source("r.txt", "text", "utf-8", wrong_total()))
    found = evaluate_report(report)
    assert found.outcomes == evaluate_all(report)
    assert len(found.places) == len(found.outcomes)
    assert [r.refs[0].table for r in found.readings] == ["applications", "reviews"]
    for outcome, (at, take) in zip(found.outcomes, found.places, strict=True):
        reading = found.readings[at]
        assert reading.refs[0].table == outcome.identity.table
        expected = tuple(dict.fromkeys(r.address for r in outcome.cells))
        assert take(reading.addresses) == expected
    # the balance names its total twice (（七）总计 on both sides): listed once
    balance = next(
        i for i, o in enumerate(found.outcomes) if (o.identity.key, o.scope) == ("balance", "total")
    )
    at, take = found.places[balance]
    assert take(found.readings[at].addresses) == (
        "applications.total.total",
        "applications.received.total",
        "applications.carried_over.total",
        "applications.carried_forward.total",
    )


def test_a_consistent_report_has_no_culprit() -> None:
    assert culprits(outcomes(CLEAN)) == ([], [])


def test_one_wrong_total_is_the_one_cell_its_two_failures_share() -> None:
    found, rest = culprits(outcomes(wrong_total()))
    assert rest == []
    (culprit,) = found
    assert culprit.ref.address == "applications.received.total"
    assert (culprit.value, culprit.actual) == (7, 8)
    assert [(o.identity.key, o.scope) for o in culprit.breaks] == [
        ("row-sum", "received"),
        ("balance", "total"),
    ]


def test_a_wrong_outcome_total_breaks_three_identities() -> None:
    text = edit(CLEAN, "（七）总计 | 5 | 2 |", "（七）总计 | 6 | 2 |")
    (culprit,), rest = culprits(outcomes(text))
    assert rest == []
    assert culprit.ref.address == "applications.total.natural_person"
    assert (culprit.value, culprit.actual) == (5, 6)
    assert sorted(o.identity.key for o in culprit.breaks) == ["balance", "outcome-sum", "row-sum"]


def test_two_cells_moved_in_one_column_are_explained_by_no_single_cell() -> None:
    text = edit(CLEAN, GRANTED, GRANTED.replace("| 3 |", "| 4 |"))
    text = edit(text, NOT_HELD, NOT_HELD.replace("| 1 | 1 |", "| 0 | 1 |"))
    assert failed(text) == [("row-sum", "granted"), ("row-sum", "unavailable.not_held")]
    found, rest = culprits(outcomes(text))
    assert found == []
    assert [(o.identity.key, o.scope) for o in rest] == failed(text)


def test_failures_that_ask_different_values_of_a_cell_do_not_blame_it() -> None:
    """The （七）总计 natural-person cell is asked 5 by its column's outcome sum but 4 by the
    balance (一 printed one too low as well): no single cell explains them."""
    text = edit(CLEAN, "（七）总计 | 5 | 2 |", "（七）总计 | 6 | 2 |")
    text = edit(
        text, RECEIVED, RECEIVED.replace("| 5 | 2 |", "| 4 | 2 |").replace("| 7 |", "| 6 |")
    )
    found, rest = culprits(outcomes(text))
    assert found == []
    assert sorted((o.identity.key, o.scope) for o in rest) == [
        ("balance", "natural_person"),
        ("balance", "total"),
        ("outcome-sum", "natural_person"),
        ("row-sum", "total"),
    ]


def test_a_review_sum_is_never_put_on_one_cell() -> None:
    text = edit(CLEAN, "1 | 0 | 0 | 0 | 1 | 0 |", "1 | 0 | 0 | 0 | 2 | 0 |")
    found, rest = culprits(outcomes(text))
    assert found == [] and [(o.identity.key, o.scope) for o in rest] == [("review-sum", "review")]


def test_two_wrong_cells_whose_rows_and_columns_cross_are_each_found() -> None:
    """予以公开/总计 5 and （七）总计/其他 1: 予以公开/其他 is asked 1 by the row of the one and
    the column of the other, but explains two of the five failures only; the pair explains
    them all, each its own, and no other pair does."""
    text = edit(CLEAN, GRANTED, GRANTED.replace("| 4 |", "| 5 |"))
    text = edit(
        text, "（七）总计 | 5 | 2 | 0 | 0 | 0 | 0 |", "（七）总计 | 5 | 2 | 0 | 0 | 0 | 1 |"
    )
    found, rest = culprits(outcomes(text))
    assert rest == []
    assert [(c.ref.address, c.value, c.actual) for c in found] == [
        ("applications.granted.total", 4, 5),
        ("applications.total.other_org", 0, 1),
    ]
    assert [[(o.identity.key, o.scope) for o in c.breaks] for c in found] == [
        [("row-sum", "granted"), ("outcome-sum", "total")],
        [("row-sum", "total"), ("outcome-sum", "other_org"), ("balance", "other_org")],
    ]


def test_two_wrong_cells_another_pair_explains_as_well_are_not_found() -> None:
    """予以公开/自然人 +1 and 不掌握/总计 −1, or 予以公开/总计 +1 and 不掌握/自然人 −1."""
    text = edit(CLEAN, GRANTED, GRANTED.replace("| 3 |", "| 4 |"))
    text = edit(text, NOT_HELD, NOT_HELD.replace("| 2 |", "| 1 |"))
    found, rest = culprits(outcomes(text))
    assert found == []
    assert [(o.identity.key, o.scope) for o in rest] == [
        ("row-sum", "granted"),
        ("row-sum", "unavailable.not_held"),
        ("outcome-sum", "natural_person"),
        ("outcome-sum", "total"),
    ]


def test_two_independent_wrong_cells_are_each_found() -> None:
    text = wrong_total()
    text = edit(text, "1 | 0 | 0 | 0 | 1 | 0 |", "1 | 0 | 0 | 0 | 2 | 0 |")
    text = edit(text, NOT_HELD, NOT_HELD.replace("| 2 |", "| 5 |"))
    found, rest = culprits(outcomes(text))
    assert sorted(c.ref.address for c in found) == [
        "applications.received.total",
        "applications.unavailable.not_held.total",
    ]
    assert [(o.identity.key, o.scope) for o in rest] == [("review-sum", "review")]


# ---- recording and collecting


def test_record_keeps_what_the_rule_verified() -> None:
    from xxgk_lint.engine.plugins import load_registry

    meta = load_registry().rules["XG201"].meta
    context = RuleContext(meta, "r.txt")
    cell = CheckCell("applications.received.total", 7, Span(3, 4, 3, 5), "一")
    made = context.record("row-sum", "received", "fail", [cell], finding=("XG201", "x"))
    assert context.checks == [made]
    assert made == Check("XG201", "row-sum", "received", "fail", (cell,), None, ("XG201", "x"))
    assert context.runs("XG999")  # no list of rules given: every rule is taken to run
    assert not RuleContext(meta, "r.txt", active=frozenset({"XG201"})).runs("XG203")


def test_the_runner_keeps_every_check_of_the_report(tmp_path: Path) -> None:
    file = check_text(tmp_path, wrong_total())
    assert count(file.checks) == {"pass": 43, "fail": 2, "not_assessable": 1, "uncertain": 0}
    by_rule = {c.rule for c in file.checks}
    assert by_rule == {"XG201", "XG202", "XG203", "XG204", "XG303", "XG304", "XG305", "XG501"}
    failures = [(c.rule, c.scope, c.finding) for c in file.checks if c.status == "fail"]
    finding = ("XG201", "applications.received.total")
    assert failures == [("XG201", "received", finding), ("XG203", "total", finding)]


def test_deferred_checks_are_counted_without_being_made_and_made_once_when_read() -> None:
    import pickle

    from xxgk_lint.engine.checks import Checks, Deferred
    from xxgk_lint.engine.diagnostics import Severity
    from xxgk_lint.engine.results import FileResult, Tally

    eager = Check("XG305", "period", "title", "pass")
    later = [Check("XG201", "row-sum", "received", "fail"), Check("XG201", "row-sum", "x", "pass")]
    made: list[int] = []

    def make() -> list[Check]:
        made.append(1)
        return later

    checks = Checks([eager, Deferred(("fail", "pass"), make)])
    assert len(checks) == 3 and bool(checks)
    assert count(checks) == {"pass": 2, "fail": 1, "not_assessable": 0, "uncertain": 0}
    tally = Tally()
    tally.add_file(FileResult("r.txt", (), (), (), "text", checks=checks), Severity.ERROR)
    assert tally.checks == {"pass": 2, "fail": 1, "not_assessable": 0, "uncertain": 0}
    assert made == []  # counted, never made
    assert list(checks) == [eager, *later]
    assert checks == (eager, *later) and (eager, *later) == checks
    assert checks[1] == later[0] and repr(checks) == repr((eager, *later))
    assert pickle.loads(pickle.dumps(checks)) == (eager, *later)
    assert count(checks) == {"pass": 2, "fail": 1, "not_assessable": 0, "uncertain": 0}
    assert made == [1]  # made once, when first read


def test_the_identities_checks_are_made_when_read(tmp_path: Path) -> None:
    from xxgk_lint.engine.checks import Checks

    file = check_text(tmp_path, wrong_total())
    assert isinstance(file.checks, Checks)
    counted = count(file.checks)
    made = [c for c in file.checks if c.rule == "XG201"]
    assert counted == count(tuple(file.checks))
    assert len(made) == 25 and (made[0].scope, made[0].status) == ("received", "fail")
    assert [c.address for c in made[0].cells[:2]] == [
        "applications.received.total",
        "applications.received.natural_person",
    ]
    assert made[0].finding == ("XG201", "applications.received.total")


def test_ignored_rules_record_nothing_and_a_running_rule_takes_over(tmp_path: Path) -> None:
    file = check_text(tmp_path, wrong_total(), select=("XG203",))
    assert {c.rule for c in file.checks} == {"XG203"}
    (finding,) = file.diagnostics
    position = wrong_total_position(wrong_total())
    assert (finding.code, finding.line, finding.column) == ("XG203", *position)
    assert finding.subject == "applications.received.total"


def test_related_cells_are_the_other_side_without_the_finding_itself(tmp_path: Path) -> None:
    file = check_text(tmp_path, wrong_total())
    (finding,) = file.diagnostics
    cells = related(file.checks, finding.code, finding.subject, finding.line, finding.column)
    addresses = [c.address for c in cells]
    assert "applications.received.total" not in addresses
    assert addresses[:6] == [
        f"applications.received.{c}"
        for c in (
            "natural_person",
            "business",
            "research",
            "public_interest",
            "legal_service",
            "other_org",
        )
    ]
    assert set(addresses[6:]) == {
        "applications.carried_over.total",
        "applications.total.total",
        "applications.carried_forward.total",
    }


def test_blank_cells_make_checks_not_assessable(tmp_path: Path) -> None:
    text = edit(CLEAN, GRANTED, GRANTED.replace("| 4 |", "|  |"))
    file = check_text(tmp_path, text)
    blank = [(c.rule, c.scope, c.reason) for c in file.checks if c.status == "not_assessable"]
    assert ("XG201", "granted", "applications.granted.total") in blank
    assert ("XG202", "total", "applications.granted.total") in blank


def test_judging_a_report_gives_the_outcomes_statuses_without_making_them() -> None:
    text = edit(wrong_total(), "（七）总计 | 5 | 2 |", "（七）总计 |  | 2 |")
    report = parse_source(Source("r.txt", "text", "utf-8", text))
    outcomes = evaluate_all(report)
    judged = judge_report(report)
    assert judged.failed is True
    assert [t.table for t in judged.tables] == ["applications", "reviews"]
    verdicts = [judged.tables[at].verdicts[step] for at, step in judged.order]
    assert verdicts == [(o.status, o.reason, o.expected) for o in outcomes]
    assert ("not_assessable", "applications.total.natural_person", None) in verdicts
    assert ("fail", None, 7) in verdicts  # row 一's total reads 8
    clean = judge_report(parse_source(Source("r.txt", "text", "utf-8", CLEAN)))
    assert clean.failed is False
    assert {v[0] for t in clean.tables for v in t.verdicts} == {"pass"}


def test_deferred_checks_do_not_hold_the_rules_context() -> None:
    """What makes the identities' checks later holds no context (whose checks hold it):
    a file's checks free without the cycle collector."""
    import gc
    import weakref

    from xxgk_lint.engine.checks import Checks
    from xxgk_lint.engine.plugins import load_registry

    rule = load_registry().rules["XG201"]
    assert rule.check is not None
    report = parse_source(Source("r.txt", "text", "utf-8", CLEAN))
    context = RuleContext(rule.meta, "r.txt")
    assert list(rule.check(report, context)) == []
    checks = Checks(context.checks)
    held = weakref.ref(context)
    gc.disable()
    try:
        del context
        assert held() is None
    finally:
        gc.enable()
    assert count(checks)["pass"] == len(checks) == 25
    assert {c.rule for c in checks} == {"XG201"}
