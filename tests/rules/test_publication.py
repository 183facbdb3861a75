"""XG305 publication-deadline: the date the report was published (and which date that is),
the body's kind, the deadline, and dates before the reporting year ended."""

from __future__ import annotations

from pathlib import Path

import pytest
from xxgk_lint_rules.dates import body_type

from tests.conftest import FIXTURES, SEEDS
from tests.engine.reportkit import CLEAN, TITLE, edit, locate
from tests.rules.helpers import check_text, result


@pytest.mark.parametrize(
    ("agency", "kind"),
    [
        ("测试县人民政府", "government"),
        ("青山县人民政府办公室", "government"),
        ("政府办公室", "government"),
        ("沈阳市皇姑区", "government"),
        ("广西壮族自治区", "government"),
        ("防城港市大数据和行政审批局", "department"),
        ("青山县审计局", "department"),
        ("北塘区卫生健康委员会", "department"),
        ("白鹭镇人民政府", "township"),
        ("花桥街道办事处", "township"),
        ("云溪乡", "township"),
        ("漳州古雷港经济开发区", "zone"),
        ("青山高新区管委会", "zone"),
        ("某某新城管理委员会", "zone"),
        ("某某港区党工委管委会", "zone"),
        ("某某市人民政府国有资产监督管理委员会", "department"),
        ("某某省国有资产监督管理委员会", "department"),
        ("某某市城市管理委员会", "department"),
        ("某某市住房公积金管理委员会", "department"),
        ("某某市口岸管理委员会", "department"),
        ("某某地区行政公署", "government"),
        ("某某盟行政公署办公室", "government"),
        (None, None),
    ],
)
def test_the_kind_of_body_from_its_name(agency: str | None, kind: str | None) -> None:
    assert body_type(agency) == kind


def with_date(line: str, title: str = TITLE) -> str:
    """CLEAN (测试县人民政府: a government) with ``line`` under its title."""
    return edit(CLEAN, TITLE + "\n", f"{title}\n{line}\n")


def xg305(file) -> list:
    return [d for d in file.diagnostics if d.code == "XG305"]


def test_seed_001_a_municipal_department_published_after_31_january() -> None:
    (path,) = SEEDS.glob("001_*.txt")
    file = result(path)
    (finding,) = xg305(file)
    assert (finding.line, finding.column, finding.severity.label) == (16, 1, "info")
    assert (finding.expected, finding.actual) == ("2025-01-31", "2025-02-14")
    assert finding.message.startswith(
        "本报告页面上的发布日期为 2025-02-14，晚于县级以上人民政府部门年度报告的发布时限 2025-01-31"
        "（《政府信息公开条例》第四十九条）"
    )
    # the page's 今天：2024年2月22日 (the day it was viewed) is no date of the report
    assert [c.status for c in file.checks if c.check == "date-after-year"] == ["pass"]


def test_seed_003_a_district_government_published_in_time() -> None:
    (path,) = SEEDS.glob("003_*.txt")
    file = result(path)
    assert xg305(file) == []
    deadline = [c for c in file.checks if c.rule == "XG305" and c.scope == "deadline"]
    assert [(c.status, c.cells[0].value) for c in deadline] == [("pass", "2024-02-18")]


@pytest.mark.parametrize(
    ("line", "late"),
    [
        ("发布日期：2024-03-31", False),
        ("发布日期：2024-04-02", True),
        ("发布时间: 2024年4月2日", True),
        ("2024-04-02 09:30  来源：测试县人民政府办公室", True),
        ("时间：2024年04月02日来源：测试县", True),
        ("今天：2024年4月2日 星期二", False),  # page chrome, not a date of the report
        ("更新时间：2024-04-02", False),
    ],
)
def test_a_government_by_31_march(tmp_path: Path, line: str, late: bool) -> None:
    text = with_date(line)
    file = check_text(tmp_path, text)
    found = xg305(file)
    assert bool(found) == late
    if late:
        (finding,) = found
        assert (finding.line, finding.column) == locate(text, "2024", text.index(line))
        assert (finding.expected, finding.actual) == ("2024-03-31", "2024-04-02")
        assert "县级以上人民政府年度报告的发布时限 2024-03-31" in finding.message


def test_a_department_by_31_january(tmp_path: Path) -> None:
    title = TITLE.replace("测试县人民政府", "测试县审计局")
    assert not xg305(check_text(tmp_path, with_date("发布日期：2024-01-31", title)))
    (finding,) = xg305(check_text(tmp_path, with_date("发布日期：2024-02-01", title), lang="en"))
    assert finding.message.startswith(
        "the date on the page is 2024-02-01, after the deadline 2024-01-31 for the report of a "
        "department of a government at county level or above (政府信息公开条例, article 49)"
    )


def test_a_township_has_no_national_deadline(tmp_path: Path) -> None:
    title = TITLE.replace("测试县人民政府", "白鹭镇人民政府")
    file = check_text(tmp_path, with_date("发布日期：2024-06-01", title))
    assert xg305(file) == []
    (check,) = [c for c in file.checks if c.rule == "XG305" and c.scope == "deadline"]
    assert (check.status, check.reason) == (
        "not_assessable",
        "乡镇、街道没有全国统一的发布期限",
    )


def config(tmp_path: Path, options: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(f"rules:\n  XG305: {{{options}}}\n", encoding="utf-8")
    return path


def test_a_local_deadline_and_the_body_set_in_the_config(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    title = TITLE.replace("测试县人民政府", "白鹭镇人民政府")
    report.write_text(with_date("发布日期：2024-02-21", title), encoding="utf-8")
    (finding,) = xg305(result(report, config=config(tmp_path, "township-deadline: '02-20'")))
    assert finding.expected == "2024-02-20"
    assert "选项 township-deadline" in finding.message
    # the government's report, checked as a department's by the config
    report.write_text(with_date("发布日期：2024-02-21"), encoding="utf-8")
    (finding,) = xg305(result(report, config=config(tmp_path, "body: department")))
    assert finding.expected == "2024-01-31" and "（按配置）" in finding.message


def test_a_deadline_option_that_is_no_date(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(with_date("发布日期：2024-02-21"), encoding="utf-8")
    (finding,) = xg305(
        result(report, config=config(tmp_path, "government-deadline: 'end of March'"))
    )
    assert "选项 government-deadline 的值“end of March”不是“月-日”形式的日期" in finding.message


def test_the_page_date_before_the_sign_off(tmp_path: Path) -> None:
    """The earliest page date is the publication (a re-post is later); the sign-off only
    when the page gives none."""
    text = with_date("发布日期：2024-04-05") + "测试县人民政府\n2024年3月20日\n"
    (finding,) = xg305(check_text(tmp_path, text))
    assert finding.actual == "2024-04-05" and "页面上的发布日期" in finding.message
    text = CLEAN + "测试县人民政府\n2024年4月20日\n"
    (finding,) = xg305(check_text(tmp_path, text))
    assert (finding.line, finding.actual) == (text.count("\n"), "2024-04-20")
    assert "落款日期" in finding.message


def test_signed_before_the_reporting_year_ended(tmp_path: Path) -> None:
    text = CLEAN + "测试县人民政府\n2023年1月18日\n"
    file = check_text(tmp_path, text)
    (finding,) = xg305(file)
    assert (finding.line, finding.column, finding.severity.label) == (
        text.count("\n"),
        1,
        "warning",
    )
    assert finding.message == (
        "本报告落款日期为 2023-01-18，早于 2023 年度结束：年度报告不可能在报告年度结束"
        "（2023年12月31日）之前签发"
    )
    report = tmp_path / "r.txt"
    report.write_text(text, encoding="utf-8")
    (finding,) = xg305(result(report, config=config(tmp_path, "impossible-severity: error")))
    assert finding.severity.label == "error"
    assert xg305(result(report, config=config(tmp_path, "impossible-severity: ignore"))) == []


@pytest.mark.parametrize(
    ("month", "title", "found"),
    [
        # a government (by 03-31): all of April is late; March holds the deadline
        ("2024年4月", TITLE, ("info", "2024-03-31", "2024-04")),
        ("二〇二四年四月", TITLE, ("info", "2024-03-31", "2024-04")),
        ("2024年3月", TITLE, None),
        # a department (by 01-31): February is late, January is in time
        (
            "2024年2月",
            TITLE.replace("测试县人民政府", "测试县审计局"),
            ("info", "2024-01-31", "2024-02"),
        ),
        ("2024年1月", TITLE.replace("测试县人民政府", "测试县审计局"), None),
        # before the reporting year ended: impossible
        ("2023年11月", TITLE, ("warning", "> 2023-12-31", "2023-11")),
    ],
)
def test_a_sign_off_by_month_alone(
    tmp_path: Path, month: str, title: str, found: tuple[str, str, str] | None
) -> None:
    text = edit(CLEAN, TITLE, title) + f"测试县人民政府\n{month}\n"
    findings = xg305(check_text(tmp_path, text))
    if found is None:
        assert findings == []
        return
    (finding,) = findings
    assert (finding.line, finding.column) == (text.count("\n"), 1)
    assert (finding.severity.label, finding.expected, finding.actual) == found


def test_a_sign_off_month_holding_a_local_deadline_is_not_judged(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(CLEAN + "测试县人民政府\n2024年3月\n", encoding="utf-8")
    file = result(report, config=config(tmp_path, "government-deadline: '03-15'"))
    assert xg305(file) == []
    (check,) = [c for c in file.checks if c.rule == "XG305" and c.scope == "deadline"]
    assert (check.status, check.cells[0].value) == ("not_assessable", "2024-03")


def test_the_date_in_a_pages_metadata(tmp_path: Path) -> None:
    html = (FIXTURES / "reading" / "cms-standard.html").read_text(encoding="utf-8")
    meta = '<meta name="PubDate" content="2024-02-10 09:00">'
    page = tmp_path / "page.html"
    page.write_text(
        html.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + meta), "utf-8"
    )
    (finding,) = xg305(result(page))
    lines = page.read_text(encoding="utf-8").split("\n")
    line, text = next((n, x) for n, x in enumerate(lines, 1) if "PubDate" in x)
    assert (finding.line, finding.column) == (line, text.index("2024-02-10") + 1)
    assert finding.message.startswith(
        "本报告页面元数据中的发布日期为 2024-02-10，晚于县级以上人民政府部门"
    )


def test_no_date_no_check(tmp_path: Path) -> None:
    file = check_text(tmp_path, CLEAN)
    assert xg305(file) == []
    assert [(c.scope, c.status, c.reason) for c in file.checks if c.rule == "XG305"] == [
        ("deadline", "not_assessable", "报告未写明发布日期")
    ]
