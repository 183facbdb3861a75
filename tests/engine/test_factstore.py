"""The facts whole-run rules keep, spooled: one body's reports at a time, or all of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, TITLE, edit, run_main, write
from xxgk_lint.engine.config import Config
from xxgk_lint.engine.factstore import FactsStore, Packed
from xxgk_lint.engine.rule import ReportFacts


def facts(path: str, agency: str | None, year: int = 2023) -> dict[str, ReportFacts]:
    return {"XG601": ReportFacts(path, "text", "2021", year, agency, None, value=(1, 2))}


def test_reports_come_back_by_body_then_alone() -> None:
    store = FactsStore()
    config = Config()
    for path, agency in [
        ("a.txt", "青山县审计局"),
        ("b.txt", "白石县人民政府"),
        ("c.txt", None),
        ("d.txt", "青山县 审计局"),  # the same body, written with a space
        ("e.txt", None),
    ]:
        store.add(facts(path, agency), config, None)  # type: ignore[arg-type]
    assert len(store) == 5
    groups = [[kept[0]["XG601"].path for kept in group] for group in store.by_body()]
    # bodies in the order of their first report, then the reports that name none
    assert groups == [["a.txt", "d.txt"], ["b.txt"], ["c.txt"], ["e.txt"]]
    assert [kept[0]["XG601"].path for kept in store.every()] == [
        "a.txt",
        "b.txt",
        "c.txt",
        "d.txt",
        "e.txt",
    ]
    assert store.every()[0][0]["XG601"].value == (1, 2)  # the facts, unpickled
    store.close()


@pytest.mark.parametrize("in_memory", [64, 1])
def test_facts_pickled_in_a_worker_are_kept_as_they_are(
    in_memory: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--jobs``: a worker sends a report's facts pickled (Packed); they come back as
    the facts, grouped by the body they name, in the order added — held in memory or
    moved to the temporary file."""
    monkeypatch.setattr(FactsStore, "IN_MEMORY", in_memory)
    store = FactsStore()
    config = Config()
    given = [("a.txt", "青山县审计局"), ("b.txt", None), ("c.txt", "青山县 审计局")]
    for number, (path, agency) in enumerate(given):
        added = facts(path, agency)
        packed = Packed.of(added) if number != 1 else added  # one of each kind
        store.add(packed, config, None, fail_on=number, title=(1, path))  # type: ignore[arg-type]
    assert Packed.of(facts("a.txt", "青山县审计局")).agency == "青山县审计局"
    groups = [[kept.facts["XG601"].path for kept in group] for group in store.by_body()]
    assert groups == [["a.txt", "c.txt"], ["b.txt"]]
    every = store.every()
    assert [kept.facts for kept in every] == [facts(p, a) for p, a in given]
    assert [(kept.noted.place, kept.noted.fail_on, kept.noted.title) for kept in every] == [
        (0, 0, (1, "a.txt")),
        (1, 1, (1, "b.txt")),
        (2, 2, (1, "c.txt")),
    ]
    store.close()


def test_facts_move_to_a_temporary_file_past_the_reports_held(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first ``IN_MEMORY`` reports' facts are held as objects; the next one sends them
    all to a temporary file, and every report comes back the same, before and after."""
    monkeypatch.setattr(FactsStore, "IN_MEMORY", 2)
    store = FactsStore()
    config = Config()
    store.add(facts("a.txt", "青山县审计局"), config, None)  # type: ignore[arg-type]
    store.add(facts("b.txt", "白石县人民政府", 2024), config, None)  # type: ignore[arg-type]
    assert store._file is None
    assert [kept[0]["XG601"].path for kept in store.every()] == ["a.txt", "b.txt"]
    store.add(facts("c.txt", "青山县审计局", 2024), config, None)  # type: ignore[arg-type]
    assert store._file is not None and store._held is None
    loaded = [(kept[0]["XG601"].path, kept[0]["XG601"].year) for kept in store.every()]
    assert loaded == [("a.txt", 2023), ("b.txt", 2024), ("c.txt", 2024)]
    assert [kept.noted.place for kept in store.every()] == [0, 1, 2]
    groups = [[kept[0]["XG601"].path for kept in group] for group in store.by_body()]
    assert groups == [["a.txt", "c.txt"], ["b.txt"]]
    store.close()


def test_an_empty_store_is_false() -> None:
    store = FactsStore()
    store.add({}, Config(), None)  # type: ignore[arg-type]
    assert not store


COUNTING = """\
from xxgk_lint.plugin import RuleDoc, hookimpl, rule

DOC = RuleDoc("what", "why", "bad", "good")


def _rule(code, per_body, min_reports=1):
    @rule(
        code=code,
        name=f"reports-given-{code.lower()}",
        severity="info",
        summary={"zh": "测试", "en": "test"},
        messages={"zh": {"default": "{n}"}, "en": {"default": "given {n}"}},
        docs={"zh": DOC, "en": DOC},
        run=True,
        per_body=per_body,
        min_reports=min_reports,
    )
    def given(reports, ctx):
        first = reports[0]
        yield ctx.diagnostic(first.title_span, path=first.path, subject="n", n=len(reports))

    return given


@hookimpl
def xxgk_lint_rules():
    return [_rule("CNT101", True), _rule("CNT102", False), _rule("CNT103", True, 2)]
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_per_body_rule_is_given_one_body_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, jobs: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "checks" / "count.py", COUNTING)
    write(tmp_path / ".xxgk-lint.yaml", "plugins: [./checks/count.py]\nselect: [CNT]\n")
    write(tmp_path / "r" / "a.txt", CLEAN)
    write(tmp_path / "r" / "b.txt", CLEAN.replace("2023", "2022"))
    write(tmp_path / "r" / "c.txt", edit(CLEAN, TITLE, TITLE.replace("测试县", "白石县")))
    result = run_main(capsys, "check", "--lang", "en", "--format", "json", "-j", jobs, "r")
    found = sorted((d["code"], d["path"], d["message"]) for d in result.json()["diagnostics"])
    assert found == [
        ("CNT101", "r/a.txt", "given 2"),  # 测试县人民政府: 2022 and 2023
        ("CNT101", "r/c.txt", "given 1"),  # 白石县人民政府
        ("CNT102", "r/a.txt", "given 3"),  # every report
        ("CNT103", "r/a.txt", "given 2"),  # min_reports=2: not called for 白石县 alone
    ]


@pytest.mark.parametrize("bad", [0, -1, 1.5, "2", True])
def test_min_reports_is_a_whole_number_of_at_least_one(bad: object) -> None:
    from xxgk_lint.engine.metacheck import RuleDefinitionError
    from xxgk_lint.plugin import RuleDoc, rule

    doc = RuleDoc("what", "why", "bad", "good")
    with pytest.raises(RuleDefinitionError) as raised:
        rule(
            code="XG901",
            name="bad-min-reports",
            severity="info",
            summary={"zh": "测试", "en": "test"},
            messages={"zh": {"default": "x"}, "en": {"default": "x"}},
            docs={"zh": doc, "en": doc},
            run=True,
            min_reports=bad,  # type: ignore[arg-type]
        )
    assert str(raised.value) == (
        f"rule XG901: min_reports must be a whole number, at least 1: {bad!r}"
    )
