"""Golden output of the real CLI on a fixture with known findings, in every format."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

from tests.conftest import FIXTURES, ROOT
from xxgk_lint.engine.plugins import load_registry

SAMPLE = "fixtures/samples/wrong-total.txt"
#: The built-in rules, by code — the rules package's and the engine's XG009 (all run).
BUILTIN_CODES = sorted(load_registry().rules)


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "xxgk_lint", "check", SAMPLE, "--color", "never", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def test_text_golden_en() -> None:
    done = _check("--lang", "en")
    assert done.returncode == 1
    assert done.stdout == (
        "fixtures/samples/wrong-total.txt:26:47: XG201 error: row '（一）予以公开 (granted)': "
        "the total should be 5 but is 6; this one cell breaks 2 of the identities: total = "
        "natural persons + the five kinds of organisation (this row); （七）总计 = the sum of "
        "the outcome rows （一）–（六） (this column)\n"
        "   |\n"
        "26 | 三、本年度办理结果 | （一）予以公开 | 4 | 1 | 0 | 0 | 0 | 0 | 6 | |\n"
        "   |                                                               ^\n"
        "   = expected: 5, actual: 6\n"
        "\n"
        "47 checks: 44 passed, 2 failed, 1 not assessable, 0 uncertain.\n"
        "Checked 1 file: 1 error, 0 warnings.\n"
    )
    # The caret stands under the digit: 9 wide characters + 3 + 7 wide + ... columns.
    line = (FIXTURES / "samples" / "wrong-total.txt").read_text(encoding="utf-8").split("\n")[25]
    assert line[46] == "6"


def test_colour_always_adds_ansi_and_zh_is_default() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "xxgk_lint", "check", SAMPLE, "--color", "always"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert "\x1b[" in done.stdout
    assert "实际为 6" in done.stdout


def test_github_golden() -> None:
    assert _check("--format", "github").stdout.splitlines() == [
        "::error file=fixtures/samples/wrong-total.txt,line=26,col=47,endLine=26,endColumn=48,"
        "title=XG201 row-sum::“（一）予以公开”行的总计应为 5，实际为 6；这一格使 2 项勾稽关系不成立："
        "总计 = 自然人 + 五类法人或其他组织（本行）；（七）总计 = （一）至（六）各项办理结果之和（本列）",
    ]


def test_json_and_junit_and_sarif_agree_on_the_findings(tmp_path) -> None:
    data = json.loads(_check("--format", "json").stdout)
    assert [
        (d["code"], d["line"], d["column"], d["expected"], d["actual"]) for d in data["diagnostics"]
    ] == [("XG201", 26, 47, 5, 6)]
    assert data["summary"]["exit_code"] == 1
    # the other side of the two identities the wrong cell breaks: its row and its column
    related = {(c["subject"], c["line"], c["column"]) for c in data["diagnostics"][0]["related"]}
    assert ("applications.total.total", 47, 33) in related  # （七）总计 = 8
    assert ("applications.granted.natural_person", 26, 23) in related  # 4
    assert len(related) == 6 + 1 + 20  # its row: 6 applicant cells; its column: （七）总计, 20 rows
    assert data["summary"]["checks"] == {"pass": 44, "fail": 2, "not_assessable": 1, "uncertain": 0}

    junit_file = tmp_path / "junit.xml"
    done = _check("--format", "junit", "--output-file", str(junit_file))
    assert "XG201" in done.stdout  # the text report still goes to the terminal
    suite = ET.parse(junit_file).getroot().find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    # one case per rule that ran on the file, passing or not (the whole-run rules XG601–XG604
    # have a suite of their own), and one skipped case per check not made
    per_report = [code for code, rule in load_registry().rules.items() if rule.check_run is None]
    assert "XG601" not in per_report and "XG201" in per_report
    assert len(cases) == len(per_report) + 1
    failed = [c.get("name") for c in cases if c.find("failure") is not None]
    assert failed == ["XG201 row-sum"]
    skipped = [c.get("name") for c in suite.findall("testcase") if c.find("skipped") is not None]
    assert skipped == ["XG305 publication-deadline [deadline]"]  # the sample states no date

    sarif = json.loads(_check("--format", "sarif").stdout)
    results = sarif["runs"][0]["results"]
    assert [
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results
    ] == [("XG201", 26)]
    lines = {
        loc["physicalLocation"]["region"]["startLine"] for loc in results[0]["relatedLocations"]
    }
    assert 47 in lines  # （七）总计, the other side of the outcome-sum
    assert [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]] == BUILTIN_CODES
