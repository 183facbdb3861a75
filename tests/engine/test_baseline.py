"""Baselines: write, check again, hide, and name the entries that no longer match.

The fingerprints must survive what does not change a report: a re-layout (one cell per
line instead of ``|`` cells), lines moving (page chrome above), the same report as an HTML
page instead of text, and another folder. ``fixtures/years/variants/`` holds one body's
2022 and 2023 reports laid out those four ways; the 2023 report has four findings: a
wrong 总计 that breaks its row's sum and its column's outcome sum (one cell, one finding:
XG201), no statistics period (XG301) and a carry-over that does not match 2022 in two
columns (XG601 ×2).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import FIXTURES
from tests.engine.reportkit import CLEAN, Outcome, edit, run_main, write
from xxgk_lint.engine.baseline import (
    Baseline,
    BaselineError,
    BaselineFilter,
    Entry,
    RunBaselines,
    apply_baselines,
)
from xxgk_lint.engine.diagnostics import Diagnostic, RuleDoc, RuleMeta, Severity
from xxgk_lint.engine.results import FileResult
from xxgk_lint.formatters.json_format import load_schema

VARIANTS = FIXTURES / "years" / "variants"
FINDINGS = 4  # XG201 (one wrong cell), XG301, XG601 twice
PERIOD = "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
#: The reviews row of the variants' 2023 report (复议 1 upheld, total 1).
REVIEWS = "1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"


@pytest.fixture
def reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository holding the text variant, the working directory."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(VARIANTS / "text", tmp_path / "reports")
    (tmp_path / "reports" / "expect.yaml").unlink()
    return tmp_path / "reports"


def check(capsys: pytest.CaptureFixture[str], *argv: object) -> Outcome:
    return run_main(capsys, "check", "--isolated", *argv)


def baseline_of(result: Outcome) -> dict:
    [use] = result.json()["baseline"]
    return use


# ---- the round trip -----------------------------------------------------------------------


def test_round_trip_write_check_change_fix(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = check(capsys, "--format", "json", "reports")
    assert before.code == 1 and len(before.diagnostics()) == FINDINGS

    # write: every finding recorded and hidden at once
    written = check(capsys, "--write-baseline", "baseline.json", "--format", "json", "reports")
    assert (written.code, written.err, written.diagnostics()) == (0, "", [])
    assert baseline_of(written) == {
        "path": "baseline.json",
        "hidden": FINDINGS,
        "stale": [],
        "written": FINDINGS,
    }
    data = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert sorted(e["code"] for e in data["findings"]) == [
        "XG201",
        "XG301",
        "XG601",
        "XG601",
    ]
    assert {e["scope"] for e in data["findings"]} == {"松岭县审计局|2023"}
    assert len({e["fingerprint"] for e in data["findings"]}) == FINDINGS

    # check again: exit 0, all hidden
    again = check(capsys, "--baseline", "baseline.json", "--format", "json", "reports")
    assert (again.code, again.diagnostics()) == (0, [])
    assert baseline_of(again) == {"path": "baseline.json", "hidden": FINDINGS, "stale": []}

    # change a cell: one new finding
    report = reports / "2023.txt"
    text = report.read_text(encoding="utf-8")
    report.write_text(
        edit(text, REVIEWS, REVIEWS.replace("1 | 0 | 0 | 0 | 1 |", "1 | 0 | 0 | 0 | 2 |", 1)),
        encoding="utf-8",
    )
    changed = check(capsys, "--baseline", "baseline.json", "--format", "json", "reports")
    assert changed.code == 1
    # each cell of table 四 is in one identity only: which one is wrong cannot be told
    assert [(d["code"], d["expected"], d["actual"]) for d in changed.diagnostics()] == [
        ("XG204", "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结", "2 ≠ 1")
    ]
    assert baseline_of(changed)["hidden"] == FINDINGS

    # fix an old finding (state the period: every line below moves too): its entry is stale
    report.write_text(text.replace("\n", "\n" + PERIOD + "\n", 1), encoding="utf-8")
    fixed = check(capsys, "--baseline", "baseline.json", "--format", "json", "reports")
    assert (fixed.code, fixed.diagnostics()) == (0, [])
    use = baseline_of(fixed)
    assert use["hidden"] == FINDINGS - 1
    assert [(e["code"], e["subject"], e["scope"], e["count"]) for e in use["stale"]] == [
        ("XG301", "period", "松岭县审计局|2023", 1)
    ]
    Draft202012Validator(load_schema()).validate(fixed.json())

    text_out = check(capsys, "--baseline", "baseline.json", "--color", "never", "reports")
    lines = text_out.out.splitlines()
    assert lines[:3] == [
        f"基线 baseline.json：隐藏了 {FINDINGS - 1} 条已记录的问题。",
        "基线 baseline.json 中有 1 条不再出现（可以删去）：",
        "  XG301 missing-period 松岭县审计局 2023 period (reports/2023.txt)",
    ]
    assert lines[3].startswith("核对 ") and lines[4:] == ["检查了 2 个文件：0 个错误，0 个警告。"]


def test_the_text_output_says_what_the_baseline_did(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written = check(capsys, "--write-baseline", "b.json", "--lang", "en", "-q", "reports")
    assert written.out.splitlines() == [
        f"Baseline written to b.json: {FINDINGS} findings.",
        f"Baseline b.json: {FINDINGS} recorded findings hidden.",
        "Checked 2 files: 0 errors, 0 warnings.",
    ]
    again = check(capsys, "--baseline", "b.json", "--lang", "en", "-q", "reports")
    assert again.out.splitlines() == [
        f"Baseline b.json: {FINDINGS} recorded findings hidden.",
        "Checked 2 files: 0 errors, 0 warnings.",
    ]
    zh = check(capsys, "--baseline", "b.json", "-q", "reports")
    assert zh.out.splitlines()[0] == f"基线 b.json：隐藏了 {FINDINGS} 条已记录的问题。"


# ---- fingerprints: not the line, not the path, not the layout ------------------------------


@pytest.mark.parametrize("variant", ["lines", "moved", "html"])
def test_a_baseline_matches_the_same_reports_in_another_layout(
    variant: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline = tmp_path / "baseline.json"
    written = check(capsys, "--write-baseline", baseline, "--format", "json", VARIANTS / "text")
    assert baseline_of(written)["written"] == FINDINGS
    plain = check(capsys, "--format", "json", VARIANTS / variant)
    assert sorted(plain.codes()) == ["XG201", "XG301", "XG601", "XG601"]
    other = check(capsys, "--baseline", baseline, "--format", "json", VARIANTS / variant)
    assert (other.code, other.diagnostics()) == (0, [])
    assert baseline_of(other) == {"path": str(baseline), "hidden": FINDINGS, "stale": []}


def test_the_lines_differ_between_the_layouts(capsys: pytest.CaptureFixture[str]) -> None:
    """What the test above proves is worth something: the findings stand elsewhere."""
    places = {}
    for variant in ("text", "lines", "moved", "html"):
        result = check(capsys, "--format", "json", VARIANTS / variant)
        places[variant] = sorted((d["code"], d["line"]) for d in result.diagnostics())
    assert len({tuple(p) for p in places.values()}) == 4


def test_a_report_the_title_names_no_body_of_is_keyed_on_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    anonymous = edit(CLEAN, "测试县人民政府2023年", "2023年")
    write(tmp_path / "a.txt", edit(anonymous, PERIOD_CLEAN, ""))
    check(capsys, "--write-baseline", "b.json", "a.txt")
    [entry] = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"]
    assert (entry["code"], entry["scope"], entry["path"]) == ("XG301", "", "a.txt")
    (tmp_path / "a.txt").rename(tmp_path / "renamed.txt")
    result = check(capsys, "--baseline", "b.json", "--format", "json", "renamed.txt")
    assert result.codes() == ["XG301"]  # another path: another report, as far as can be told


PERIOD_CLEAN = "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。"


# ---- stale entries: only what the run could have found again ------------------------------


def test_entries_of_reports_not_checked_are_not_stale(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check(capsys, "--write-baseline", "b.json", "reports")
    # only the 2022 report: the 2023 report's entries are not in question
    alone = check(capsys, "--baseline", "b.json", "--format", "json", "reports/2022.txt")
    assert baseline_of(alone) == {"path": "b.json", "hidden": 0, "stale": []}
    # only the arithmetic: XG301's and XG601's entries are not in question
    some = check(capsys, "--baseline", "b.json", "--select", "XG2", "--format", "json", "reports")
    assert baseline_of(some) == {"path": "b.json", "hidden": 1, "stale": []}
    # 2023 without 2022: XG601 could not compare, its entries are not stale
    single = check(capsys, "--baseline", "b.json", "--format", "json", "reports/2023.txt")
    assert (single.code, baseline_of(single)) == (0, {"path": "b.json", "hidden": 2, "stale": []})
    # with 2022 named as --previous, they match again
    paired = check(
        capsys,
        "--baseline",
        "b.json",
        "--previous",
        "reports/2022.txt",
        "--format",
        "json",
        "reports/2023.txt",
    )
    assert baseline_of(paired)["hidden"] == FINDINGS


def test_cross_report_entries_are_stale_once_the_other_report_is_read_again(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check(capsys, "--write-baseline", "b.json", "reports")
    # 2023 now carries over what 2022 carried forward: XG601's two entries no longer match
    fixed = (reports / "2023.txt").read_text(encoding="utf-8")
    fixed = edit(fixed, "| 3 | 0 | 0 | 0 | 0 | 0 | 3 |", "| 3 | 1 | 0 | 0 | 0 | 0 | 4 |")
    write(reports / "2023.txt", fixed)
    alone = check(capsys, "--baseline", "b.json", "--format", "json", "reports/2023.txt")
    assert baseline_of(alone)["stale"] == []  # 2022 not read: they are not in question
    # 2022 read with --previous (at the end of the run, after the baseline was first used)
    paired = check(
        capsys,
        *("--baseline", "b.json", "--previous", "reports/2022.txt"),
        *("--format", "json", "reports/2023.txt"),
    )
    stale = baseline_of(paired)["stale"]
    assert [(e["code"], e["needs"]) for e in stale] == [("XG601", ["松岭县审计局|2022"])] * 2


def meta_of(code: str) -> RuleMeta:
    return RuleMeta(
        code,
        "some-rule",
        Severity.WARNING,
        {"zh": "x", "en": "x"},
        {"zh": {"default": "x"}, "en": {"default": "x"}},
        {"zh": RuleDoc("w", "w", "b", "g"), "en": RuleDoc("w", "w", "b", "g")},
    )


@pytest.mark.parametrize("seen", [True, False])
def test_reports_read_before_a_baseline_is_first_used_count_for_its_stale_entries(
    tmp_path: Path, seen: bool
) -> None:
    entry = Entry("0" * 32, "XG601", scope="甲局|2023", path="a.txt", needs=("甲局|2022",))
    path = tmp_path / "b.json"
    path.write_text(Baseline((entry,)).dump(), encoding="utf-8")
    runs = RunBaselines(lambda name: path if name == "a.txt" else None)
    old = FileResult("old.txt", (), (meta_of("XG601"),), agency="甲局", year=2022)
    if seen:
        runs.saw("old.txt", "甲局|2022")  # before a.txt's baseline is loaded
    assert runs.file(old) is old  # no baseline for it
    runs.saw("a.txt", "甲局|2023")
    runs.file(FileResult("a.txt", (), (meta_of("XG601"),), agency="甲局", year=2023))
    [use] = runs.uses()
    assert [e.code for e in use.stale] == (["XG601"] if seen else [])


def test_a_filter_keeps_only_what_its_entries_name(tmp_path: Path) -> None:
    """Whatever the number of files a baseline is used for, it keeps what its entries
    name: their reports' rules, and whether the reports their ``needs`` name were read."""
    entry = Entry("0" * 32, "XG601", scope="甲局|2023", path="a.txt", needs=("甲局|2022",))
    gate = BaselineFilter("b.json", Baseline((entry,)))
    for number in range(500):
        result = FileResult(f"r{number}.txt", (), (meta_of("XG201"),))
        gate.filter(result, f"第{number}局|2023")
        gate.saw(f"第{number}局|2022")
    gate.filter(FileResult("a.txt", (), (meta_of("XG601"),)), "甲局|2023")
    gate.saw("甲局|2022")
    assert gate._covered == {"甲局|2023": {"XG601"}}
    assert gate._present == {"甲局|2022"}
    assert [e.code for e in gate.outcome().stale] == ["XG601"]


def test_counts_hide_as_many_findings_as_were_recorded() -> None:
    meta = RuleMeta(
        "XG004",
        "non-numeric-cell",
        Severity.WARNING,
        {"zh": "x", "en": "x"},
        {"zh": {"default": "x"}, "en": {"default": "x"}},
        {"zh": RuleDoc("w", "w", "b", "g"), "en": RuleDoc("w", "w", "b", "g")},
    )

    def finding(line: int) -> Diagnostic:
        return Diagnostic(
            "XG004",
            "non-numeric-cell",
            Severity.WARNING,
            "空白",
            "r.txt",
            line,
            1,
            line,
            2,
            subject="proactive.licensing.decisions",
            scope="甲局|2023",
        )

    once = FileResult("r.txt", (finding(3),), (meta,))
    baseline = Baseline.of([once], {"r.txt": "甲局|2023"})
    assert [e.count for e in baseline.entries] == [1]
    twice = FileResult("r.txt", (finding(3), finding(9)), (meta,))
    [kept], uses = apply_baselines([twice], lambda f: ("b.json", baseline), {"r.txt": "甲局|2023"})
    assert [d.line for d in kept.diagnostics] == [9]
    assert uses[0].hidden == 1 and uses[0].stale == ()
    # and a baseline of two hides both, and its second entry is stale when one is fixed
    both = Baseline.of([twice], {"r.txt": "甲局|2023"})
    assert [e.count for e in both.entries] == [2]
    gate = BaselineFilter("b.json", both)
    assert gate.filter(once, "甲局|2023").diagnostics == ()
    [stale] = gate.outcome().stale
    assert (stale.code, stale.count) == ("XG004", 1)


def test_unreadable_input_is_never_baselined(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "empty.txt", "")
    result = check(capsys, "--write-baseline", "b.json", "--format", "json", "empty.txt")
    assert result.code == 2
    assert result.codes() == ["XG001"]
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"] == []


# ---- the baseline file and where it comes from -------------------------------------------


def test_a_baseline_file_round_trips() -> None:
    entry = Entry(
        "0" * 32,
        "XG201",
        "row-sum",
        "甲局|2023",
        "applications.received.total",
        "r.txt",
        "总计不符",
        2,
        ("甲局|2022",),
    )
    text = Baseline((entry,)).dump()
    path = Path(__file__).with_name("does-not-exist.json")
    assert not path.exists()
    loaded = Baseline(tuple(_entries_of(text)))
    assert loaded.entries == (entry,)


def _entries_of(text: str) -> list[Entry]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "b.json"
        path.write_text(text, encoding="utf-8")
        return list(Baseline.load(path).entries)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("not json", "not a baseline file: not valid JSON"),
        ("[]", "not a baseline file: expected an object with 'version' and 'findings'"),
        ('{"version": 2, "findings": []}', "not a baseline file: version 2, expected 1"),
        (
            '{"version": 1, "findings": [{"code": "XG201"}]}',
            "not a baseline file: finding 1: 'fingerprint' must be 32 hexadecimal digits",
        ),
        (
            '{"version": 1, "findings": [{"fingerprint": "'
            + "a" * 32
            + '", "code": "X", "count": 0}]}',
            "not a baseline file: finding 1: 'count' must be a whole number of at least 1",
        ),
    ],
)
def test_a_broken_baseline_is_one_line_and_exit_2(
    text: str, problem: str, reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(reports.parent / "b.json", text)
    result = check(capsys, "--baseline", "b.json", "--lang", "en", "reports")
    assert result.code == 2
    assert result.out == ""
    [line] = result.err.splitlines()
    assert line.startswith(f"xxgk-lint: config error: --baseline: b.json: {problem}")
    with pytest.raises(BaselineError):
        Baseline.load(reports.parent / "b.json")


def test_a_broken_baseline_in_chinese(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(reports.parent / "b.json", '{"version": 2, "findings": []}')
    result = check(capsys, "--baseline", "b.json", "reports")
    assert (result.code, result.err) == (
        2,
        "xxgk-lint: 配置错误：--baseline：b.json：不是基线文件：版本为 2，应为 1\n",
    )


def test_a_missing_baseline(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = check(capsys, "--baseline", "nope.json", "reports")
    assert (result.code, result.err) == (
        2,
        "xxgk-lint: error: --baseline nope.json: baseline file not found\n",
    )
    write(reports.parent / ".xxgk-lint.yaml", "baseline: nope.json\n")
    result = run_main(capsys, "check", "--lang", "en", "reports")
    assert result.code == 2
    assert result.err == (
        f"xxgk-lint: config error: 'baseline': {reports.parent / 'nope.json'}: baseline file "
        "not found\n"
    )


def test_the_config_key_is_relative_to_the_config_file(
    reports: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check(capsys, "--write-baseline", "ci/baseline.json", "reports")
    write(reports.parent / ".xxgk-lint.yaml", "baseline: ci/baseline.json\n")
    result = run_main(capsys, "check", "--format", "json", "reports")
    assert (result.code, result.diagnostics()) == (0, [])
    # shown as the user would write it, from the working directory
    assert baseline_of(result)["path"] == "ci/baseline.json"
    monkeypatch.chdir(reports)
    shown = run_main(capsys, "check", "--show-config", "2023.txt").json()
    assert shown["baseline"] == str(reports.parent / "ci" / "baseline.json")
    # --baseline replaces it
    check(capsys, "--write-baseline", "../empty.json", "--select", "XG4", "2022.txt")
    replaced = run_main(capsys, "check", "--baseline", "../empty.json", "--format", "json", ".")
    assert len(replaced.diagnostics()) == FINDINGS


def test_a_baseline_from_a_checked_folder_is_not_applied(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder of reports someone sent cannot accept its own findings."""
    check(capsys, "--write-baseline", "reports/accepted.json", "reports")
    write(reports / ".xxgk-lint.yaml", "baseline: accepted.json\n")
    result = run_main(capsys, "check", "--format", "json", "--lang", "en", "reports")
    assert result.code == 1
    assert len(result.diagnostics()) == FINDINGS
    assert "its 'baseline' not applied" in result.err
    assert result.json()["configs"] == [
        {"path": "reports/.xxgk-lint.yaml", "trusted": False, "ignored": ["baseline"]}
    ]
    trusted = run_main(capsys, "check", "--trust-configs", "--format", "json", "reports")
    assert (trusted.code, trusted.diagnostics()) == (0, [])


def test_a_bad_baseline_key(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write(reports.parent / ".xxgk-lint.yaml", "baseline: [a, b]\n")
    result = run_main(capsys, "check", "--lang", "en", "reports")
    assert (result.code, result.err) == (
        2,
        f"xxgk-lint: config error: {config}: 'baseline' must be the path of a baseline file\n",
    )
    zh = run_main(capsys, "check", "reports")
    assert zh.err == f"xxgk-lint: 配置错误：{config}：'baseline' 应为基线文件的路径\n"


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("reports/2023.txt", "that is a checked file (reports/2023.txt)"),
        (
            "reports/b.txt",
            "it is inside the checked folder reports and would be checked as a report",
        ),
        (".xxgk-lint.yaml", "a file of that name is a config file"),
    ],
)
def test_write_baseline_never_writes_over_an_input(
    target: str, why: str, reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (reports / "2023.txt").read_bytes()
    result = check(capsys, "--write-baseline", target, "reports")
    assert result.code == 2
    assert result.err.splitlines()[-1] == (
        f"xxgk-lint: error: --write-baseline {target}: refused: {why}"
    )
    assert (reports / "2023.txt").read_bytes() == before
    assert not (reports / "b.txt").exists()


def test_write_baseline_never_writes_over_a_previous_report(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (reports / "2022.txt").read_bytes()
    result = check(
        capsys,
        "--previous",
        "reports/2022.txt",
        "--write-baseline",
        "reports/2022.txt",
        "reports/2023.txt",
    )
    assert result.code == 2
    assert "refused: that is a checked file (reports/2022.txt)" in result.err
    assert (reports / "2022.txt").read_bytes() == before


def test_sarif_names_the_baseline_in_the_run(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check(capsys, "--write-baseline", "b.json", "reports")
    log = json.loads(check(capsys, "--baseline", "b.json", "--format", "sarif", "reports").out)
    run = log["runs"][0]
    assert run["results"] == []
    assert run["properties"] == {
        "xxgkLint/baseline": [{"path": "b.json", "hidden": FINDINGS, "stale": []}]
    }


def test_the_baseline_and_the_output_file_cannot_be_one_file(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = check(
        capsys,
        "--write-baseline",
        "out.json",
        "--format",
        "json",
        "--output-file",
        "out.json",
        "reports",
    )
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "xxgk-lint: error: --output-file out.json: refused: that is the --write-baseline file\n"
    )
    assert not Path("out.json").exists()
