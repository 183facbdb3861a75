"""Every built-in rule speaks Chinese and English: messages, summaries and docs.

For each message key of each built-in rule a small report written here triggers it; the
run is watched (``RuleContext.diagnostic`` is wrapped) to learn which key was used with
which fields. Both languages' templates of that key must render with those fields, the
output of the run must carry the rendering in the run's language, and an English run must
not carry the Chinese template's wording.
"""

from __future__ import annotations

import io
import re
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import docx
import pytest
from docx.oxml import parse_xml

from tests.conftest import FIXTURES
from tests.engine.reportkit import (
    CLEAN,
    FEE,
    PERIOD,
    TITLE,
    edit,
    locate,
    run_main,
    write,
    wrong_total,
)
from tests.parse.test_transposed import _pipe, _turned
from tests.rules.test_pagination import first_part
from tests.sources.test_docx_embedded import ole_object
from tests.sources.test_docx_s39_objects import OLE_REL, embed_bin
from xxgk_lint.engine.diagnostics import RuleMeta
from xxgk_lint.engine.plugins import load_registry
from xxgk_lint.engine.rule import RuleContext

REGISTRY = load_registry()
BUILTIN = {
    code: rule
    for code, rule in REGISTRY.rules.items()
    if rule.meta.origin.startswith("xxgk_lint_rules")
}
LANGS = ("zh", "en")
CJK_RUN = re.compile(r"[\u3400-\u9fff]{3,}")


def _between(first: str, last: str, replacement: str = "") -> Callable[[], str]:
    """CLEAN with the text from ``first`` up to (not including) ``last`` replaced."""

    def make() -> str:
        start, end = CLEAN.index(first), CLEAN.index(last)
        return CLEAN[:start] + replacement + CLEAN[end:]

    return make


def _edit(old: str, new: str, base: Callable[[], str] = lambda: CLEAN) -> Callable[[], str]:
    return lambda: edit(base(), old, new)


def _renumbered(style: str) -> str:
    """CLEAN with its six headings numbered in ``style`` ({n}: 1–6)."""
    text = CLEAN
    titles = (
        "总体情况",
        "主动公开政府",
        "收到和处理政府",
        "政府信息公开行政",
        "存在的",
        "其他需要",
    )
    for n, (numeral, title) in enumerate(zip("一二三四五六", titles, strict=True), 1):
        text = edit(text, f"\n{numeral}、{title}", f"\n{style.format(n=n)}{title}")
    return text


def _table_two_moved(after: bool) -> str:
    """CLEAN with table 二 moved after section 六 (or before section 一)."""
    lines = CLEAN.split("\n")
    table, rest = lines[5:19], lines[:5] + lines[19:]
    at = len(rest) if after else 2
    return "\n".join(rest[:at] + table + rest[at:])


def _old_format(year: str) -> Callable[[], str]:
    def make() -> str:
        text = edit(
            CLEAN,
            "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
            "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
        )
        return text.replace("2023年", f"{year}年")

    return make


def _period(sentence: str) -> Callable[[], str]:
    return _edit(PERIOD, sentence)


#: Sentences added to 五 of both years, so that 一 and 五 hold enough prose to compare.
PROSE = "一是政策解读的形式还比较单一，图解和视频用得不多。二是个别栏目更新不够及时。"


class Scenario(NamedTuple):
    """A report, with what it is checked with: last year's report (passed with
    ``--previous``) or a config file beside it."""

    report: str | bytes  # bytes: a Word document
    last_year: str | None = None
    config: str | None = None
    name: str = "report.txt"  # the report's file name (a web page: report.html)


def _with_last_year(
    last_year: Callable[[str], str], this_year: Callable[[], str] = lambda: CLEAN
) -> Callable[[], Scenario]:
    """This year's report and last year's (CLEAN for 2022, changed by ``last_year``)."""
    return lambda: Scenario(this_year(), last_year(CLEAN.replace("2023年", "2022年")))


FIVE = "（一）存在问题。政策解读形式较为单一，部分栏目更新不及时。（二）改进措施。丰富解读形式。建立栏目更新台账。"
OVERVIEW = "共收到政府信息公开申请7件。"
FEE_UNPAID = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | "
GRANTED = "（一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |"


def _five(text: str) -> Callable[[], str]:
    """CLEAN with section 五's text replaced (``""``: no text at all)."""
    return _edit(f"\n{FIVE}\n", f"\n{text}\n" if text else "\n")


def _fee_unpaid() -> str:
    """CLEAN with one application dropped for an unpaid fee notice (still consistent)."""
    text = edit(
        CLEAN,
        FEE_UNPAID + "0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        FEE_UNPAID + "1 | 0 | 0 | 0 | 0 | 0 | 1 |",
    )
    return edit(text, GRANTED, "（一）予以公开 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |")


def _table_three_as_a_picture(picture: str = "table3.png") -> str:
    """A web page fixture with its table 三 printed as a picture (``picture``: its file)."""
    page = (FIXTURES / "html" / "yunxi-shengtai-2023.html").read_text(encoding="utf-8")
    table = re.findall(r"<table.*?</table>", page, flags=re.S)[1]
    return page.replace(table, f'<p><img src="{picture}" width="640"></p>')


def _table_three_as_an_object(linked: bool = False, prog_id: str = "Excel.Sheet.8") -> bytes:
    """A Word fixture with its table 三 pasted as an object of the old binary format (an
    Excel 97-2003 worksheet, or ``prog_id``'s), or as a worksheet linked from a file
    outside it."""
    document = docx.Document(str(FIXTURES / "docx" / "qingshan-jiaotong-2023.docx"))
    if linked:
        rid = document.part.relate_to("file:///C:/表三.xlsx", OLE_REL, is_external=True)
        run = ole_object(rid, "Excel.Sheet.12").replace('Type="Embed"', 'Type="Link"')
    else:
        run = ole_object(embed_bin(document), prog_id)
    table = document.tables[1]._tbl
    paragraph = document.add_paragraph()
    paragraph._p.append(parse_xml(run))
    table.addprevious(paragraph._p)
    table.getparent().remove(table)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _sections_swapped() -> str:
    """Section 六 before section 五."""
    start, middle = CLEAN.index("五、存在的主要问题"), CLEAN.index("六、其他需要报告的事项")
    five, six = CLEAN[start:middle], CLEAN[middle:].rstrip("\n") + "\n"
    return CLEAN[:start] + six + five


#: (code, message key) → a report that makes the rule use that key, or a Scenario: the
#: report with last year's, or with a config.
SCENARIOS: dict[tuple[str, str], Callable[[], str | Scenario]] = {
    ("XG006", "decimal"): _edit("行政规范性文件 | 3 | 1 | 12 |", "行政规范性文件 | 3.5 | 1 | 12 |"),
    ("XG006", "negative"): _edit("行政处罚 | 15 |", "行政处罚 | -15 |"),
    ("XG006", "negative-amount"): _edit("行政事业性收费 | 0 |", "行政事业性收费 | -1 |"),
    ("XG102", "order"): _sections_swapped,
    ("XG102", "numeral"): _edit("六、其他需要报告的事项", "七、其他需要报告的事项"),
    # 四 numbered 三: the numeral 三 twice (reported once, as the duplicate).
    ("XG102", "duplicate-numeral"): _edit("四、政府信息公开行政复议", "三、政府信息公开行政复议"),
    ("XG102", "duplicate"): lambda: (
        CLEAN + "六、其他需要报告的事项\n本机关无其他需要报告的事项。\n"
    ),
    ("XG102", "no-heading"): _edit("五、存在的主要问题及改进情况\n", ""),
    ("XG102", "no-heading-table"): _edit("三、收到和处理政府信息公开申请情况\n", ""),
    ("XG102", "style"): lambda: _renumbered("{n}."),
    ("XG102", "style-mixed"): _edit("五、存在的主要问题", "（五）存在的主要问题"),
    ("XG102", "table-elsewhere"): lambda: _table_two_moved(after=True),
    ("XG102", "table-before"): lambda: _table_two_moved(after=False),
    ("XG103", "empty"): _five(""),
    ("XG103", "nothing"): _five("无。"),
    ("XG103", "short"): _five("（一）存在问题。政策解读形式较为单一。"),
    ("XG103", "no-measure"): _five(
        "（一）存在问题。政策解读形式较为单一。部分栏目更新不及时。队伍力量较为薄弱。"
    ),
    ("XG303", "default"): _period("本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。"),
    ("XG304", "default"): _period("本报告所列数据的统计期限自2023年1月1日起至2023年11月30日止。"),
    ("XG305", "late"): _edit(TITLE + "\n", TITLE + "\n发布日期：2024-05-10\n"),
    ("XG305", "impossible"): lambda: CLEAN + "测试县人民政府\n2023年1月18日\n",
    ("XG305", "bad-option"): lambda: Scenario(
        edit(CLEAN, TITLE + "\n", TITLE + "\n发布日期：2024-05-10\n"),
        config="rules:\n  XG305: {government-deadline: '13-45'}\n",
    ),
    ("XG402", "table"): lambda: edit(
        _fee_unpaid(), FEE, "本机关2023年未发出收费通知，未收取信息处理费。"
    ),
    ("XG402", "notices"): _edit(FEE, "本机关2023年未发出收费通知。全年共发出收费通知2件。"),
    ("XG402", "charged"): _edit(FEE, "本机关2023年未收取信息处理费。实际收取信息处理费0.05万元。"),
    ("XG501", "default"): _edit(OVERVIEW, "共收到政府信息公开申请17件。"),
    ("XG501", "none"): _edit(OVERVIEW, "未收到政府信息公开申请。"),
    ("XG502", "default"): _edit(OVERVIEW, OVERVIEW + "因政府信息公开被申请行政复议2件。"),
    ("XG502", "none"): _edit(
        OVERVIEW, OVERVIEW + "本年度未发生因政府信息公开引起的行政复议、行政诉讼。"
    ),
    ("XG001", "default"): lambda: "",
    ("XG002", "default"): _old_format("2023"),
    ("XG002", "old"): _old_format("2020"),
    ("XG003", "table"): _edit("1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n", ""),
    ("XG003", "picture"): lambda: Scenario(_table_three_as_a_picture(), name="report.html"),
    ("XG003", "chart"): lambda: Scenario(
        _table_three_as_a_picture("chart1.png"), name="report.html"
    ),
    ("XG101", "paged"): lambda: Scenario(first_part(), name="report.html"),
    ("XG003", "worksheet"): lambda: Scenario(_table_three_as_an_object(), name="report.docx"),
    ("XG003", "document"): lambda: Scenario(
        _table_three_as_an_object(prog_id="Word.Document.8"), name="report.docx"
    ),
    ("XG003", "linked-worksheet"): lambda: Scenario(
        _table_three_as_an_object(linked=True), name="report.docx"
    ),
    ("XG005", "transposed"): lambda: _pipe(_turned()),
    ("XG003", "row"): _edit("行政处罚 | 15 | | |\n", ""),
    ("XG003", "truncated"): lambda: CLEAN[: CLEAN.index("6.属于四类过程性信息")],
    ("XG003", "uncertain"): _edit("行政规范性文件 | 3 | 1 | 12 |", "行政规范性文件 | 3 | 1"),
    ("XG003", "uncertain-table"): _edit(
        "1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0",  # (a last pipe: a blank)
    ),
    ("XG004", "blank"): _edit("行政处罚 | 15 |", "行政处罚 |  |"),
    ("XG004", "placeholder"): _edit("行政强制 | 2 |", "行政强制 | / |"),
    ("XG004", "text"): _edit("行政处罚 | 15 |", "行政处罚 | 若干 |"),
    ("XG004", "blank-run"): _edit(
        "2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        "3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 |  |\n"
        "3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 |  |",
    ),
    ("XG004", "placeholder-run"): _edit(
        "行政处罚 | 15 | | |\n行政强制 | 2 | | |", "行政处罚 | / | | |\n行政强制 | / | | |"
    ),
    ("XG004", "row"): _edit("行政规范性文件 | 3 | 1 | 12 |", "行政规范性文件 | — | — | — |"),
    ("XG005", "default"): _between(
        "（六）其他处理", "（七）总计", "（六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    ),
    ("XG005", "columns"): _edit(
        "自然人 | 法人或其他组织 | 总计 |", "总计 | 自然人 | 法人或其他组织 |"
    ),
    ("XG005", "unit"): _edit("本年收费金额（单位：万元）", "本年收费金额（单位：元）"),
    ("XG005", "misprint"): _edit("2.重复申请 |", "2.重复申 |"),
    ("XG005", "subtotal"): _edit(
        "（三）不予公开 | 1.属于国家秘密 |",
        "（三）不予公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n1.属于国家秘密 |",
    ),
    ("XG101", "default"): _between("五、存在的主要问题", "六、其他需要报告"),
    # One wrong cell: the rule of the identity that states it (row 一's 总计: row-sum; a
    # column's （七）总计: outcome-sum), else the rule of its column (row 一: balance).
    ("XG201", "cell"): wrong_total,
    ("XG202", "cell"): _edit("（七）总计 | 5 | 2 |", "（七）总计 | 5 | 3 |"),
    ("XG202", "subtotal"): _edit(
        "（三）不予公开 | 1.属于国家秘密 |",
        "（三）不予公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n1.属于国家秘密 |",
    ),
    ("XG203", "cell"): _edit(
        "一、本年新收政府信息公开申请数量 | 5 | 2 |", "一、本年新收政府信息公开申请数量 | 4 | 2 |"
    ),
    # Failures no single cell explains: an application moved between two rows of one column
    # (two row-sums), between two columns of one row (two outcome-sums), 四 raised in a
    # column and its total (two balances), a review-sum (each cell of table 四 is in one).
    ("XG201", "disagree"): _edit(
        "1.本机关不掌握相关政府信息 | 1 | 1 |",
        "1.本机关不掌握相关政府信息 | 0 | 1 |",
        _edit("（一）予以公开 | 3 | 1 |", "（一）予以公开 | 4 | 1 |"),
    ),
    ("XG202", "disagree"): _edit("（一）予以公开 | 3 | 1 |", "（一）予以公开 | 4 | 0 |"),
    ("XG203", "disagree"): _edit(
        "四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
    ),
    ("XG204", "disagree"): _edit("1 | 0 | 0 | 0 | 1 | 0 |", "1 | 0 | 0 | 0 | 2 | 0 |"),
    ("XG301", "default"): _period(""),
    ("XG302", "garbled"): _period("本报告所列数据的统计期限自202311日起至1231日止。"),
    ("XG302", "impossible-date"): _period(
        "本报告所列数据的统计期限自2023年1月1日起至2023年2月30日止。"
    ),
    ("XG302", "single-date"): _period("本报告所列数据的统计期限为2023年12月31日止。"),
    ("XG302", "reversed"): _period("本报告所列数据的统计期限自2023年12月31日起至2023年1月1日止。"),
    ("XG401", "default"): _edit(FEE, "本机关无其他需要报告的事项。"),
    ("XG007", "default"): lambda: CLEAN + "\n" + CLEAN,
    ("XG601", "default"): _with_last_year(
        lambda text: edit(
            text,
            "四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
            "四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
        )
    ),
    ("XG602", "more"): _with_last_year(
        lambda text: edit(text, "行政规范性文件 | 3 | 1 | 12 |", "行政规范性文件 | 3 | 1 | 5 |")
    ),
    ("XG602", "fewer"): _edit("行政规范性文件 | 3 | 1 | 12 |", "行政规范性文件 | 3 | 0 | 1 |"),
    ("XG603", "default"): _with_last_year(
        lambda text: edit(text, "丰富解读形式。", "丰富解读形式。" + PROSE),
        _edit("丰富解读形式。", "丰富解读形式。" + PROSE),
    ),
    ("XG604", "default"): _with_last_year(lambda text: text.replace("2022年", "2023年")),
}

#: (code, key) → why the report does not trigger it yet (a known bug, marked xfail).
KNOWN_BUGS: dict[tuple[str, str], str] = {}


def _params() -> list[Any]:
    params = []
    for code, key in sorted(SCENARIOS):
        marks = []
        if (code, key) in KNOWN_BUGS:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[(code, key)]))
        params.append(pytest.param(code, key, marks=marks, id=f"{code}-{key}"))
    return params


def all_message_keys() -> set[tuple[str, str]]:
    keys = set()
    for code, rule in BUILTIN.items():
        for lang in LANGS:
            keys |= {(code, key) for key in rule.meta.messages.get(lang, {})}
    return keys


def literal_text(template: str) -> str:
    return " ".join(literal for literal, *_ in string.Formatter().parse(template))


def field_names(template: str) -> set[str]:
    return {name for _, name, *_ in string.Formatter().parse(template) if name}


class Recorded:
    """The calls of RuleContext.diagnostic during one run."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[RuleMeta, str, str, dict[str, Any]]] = []
        original = RuleContext.diagnostic

        def spy(context: RuleContext, span, key="default", **kwargs):
            self.calls.append((context.meta, context.lang, key, dict(kwargs)))
            return original(context, span, key, **kwargs)

        monkeypatch.setattr(RuleContext, "diagnostic", spy)

    def of(self, code: str, key: str) -> list[tuple[RuleMeta, str, dict[str, Any]]]:
        return [(m, lang, kw) for m, lang, k, kw in self.calls if m.code == code and k == key]


def template_fields(kwargs: dict[str, Any]) -> dict[str, Any]:
    """What RuleContext.diagnostic hands to the template: fields, expected and actual."""
    fields = {k: v for k, v in kwargs.items() if k not in ("subject", "severity", "path")}
    fields.setdefault("expected", None)
    fields.setdefault("actual", None)
    return fields


# ---- the registry is what these tests cover ----


def test_the_core_rules_are_built_in() -> None:
    assert not REGISTRY.errors
    assert {"XG001", "XG101", "XG201", "XG301", "XG401"} <= set(BUILTIN)


def test_every_message_key_has_a_report_that_triggers_it() -> None:
    missing = all_message_keys() - set(SCENARIOS)
    assert not missing, f"add a report to SCENARIOS for {sorted(missing)}"
    stale = set(SCENARIOS) - all_message_keys()
    assert not stale, f"SCENARIOS names keys no rule has: {sorted(stale)}"


@pytest.mark.parametrize("code", sorted(BUILTIN))
def test_both_languages_have_the_same_message_keys(code: str) -> None:
    messages = BUILTIN[code].meta.messages
    assert set(messages) >= set(LANGS), code
    assert set(messages["zh"]) == set(messages["en"]), code
    for key in messages["zh"]:
        assert messages["zh"][key].strip() and messages["en"][key].strip(), (code, key)


# ---- messages, rendered in a real run ----


@pytest.mark.parametrize(("code", "key"), _params())
def test_messages_render_in_both_languages(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    code: str,
    key: str,
) -> None:
    scenario = SCENARIOS[(code, key)]()
    if isinstance(scenario, str):
        scenario = Scenario(scenario)
    previous: list[object] = []
    if scenario.last_year is not None:
        previous = ["--previous", write(tmp_path / "last-year.txt", scenario.last_year)]
    if scenario.config is not None:
        write(tmp_path / ".xxgk-lint.yaml", scenario.config)
    if isinstance(scenario.report, bytes):
        report = tmp_path / scenario.name
        report.write_bytes(scenario.report)
    else:
        report = write(tmp_path / scenario.name, scenario.report)
    outputs: dict[str, list[str]] = {}
    fields_by_lang: dict[str, list[dict[str, Any]]] = {}
    for lang in LANGS:
        recorded = Recorded(monkeypatch)
        result = run_main(capsys, "check", "--format", "json", "--lang", lang, *previous, report)
        if code == "XG001":  # a file that could not be read is named on stderr too
            assert result.err.startswith(f"xxgk-lint: {report}: ")
            assert result.err.count("\n") == 1, result.err
        else:
            assert result.err == "", result.err
        # findings on last year's report (read with --previous) are not reported
        calls = [c for c in recorded.of(code, key) if Path(c[2].get("path", report)) == report]
        assert calls, f"{code} did not use message {key!r}: {result.codes()}"
        outputs[lang] = [d["message"] for d in result.diagnostics() if d["code"] == code]
        fields_by_lang[lang] = []
        for meta, call_lang, kwargs in calls:
            assert call_lang == lang
            fields = template_fields(kwargs)
            fields_by_lang[lang].append(fields)
            rendered = {other: meta.message(other, key, **fields) for other in LANGS}
            assert rendered[lang] in outputs[lang]
            assert all(rendered.values())

    zh_template = BUILTIN[code].meta.messages["zh"][key]
    en_template = BUILTIN[code].meta.messages["en"][key]
    zh_words = set(CJK_RUN.findall(literal_text(zh_template)))
    for message, fields in zip(outputs["en"], fields_by_lang["en"], strict=False):
        carried = literal_text(en_template) + " ".join(str(v) for v in fields.values())
        for word in zh_words:
            if word not in carried:
                assert word not in message, f"{code}/{key}: '{word}' in the English {message!r}"
        assert re.search(r"[A-Za-z]{3,}", message), message
    for message in outputs["zh"]:
        for word in zh_words:
            assert word in message, f"{code}/{key}: '{word}' missing from {message!r}"


def test_the_summary_line_follows_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = write(tmp_path / "r.txt", wrong_total())
    zh = run_main(capsys, "check", "--color", "never", "--lang", "zh", report)
    en = run_main(capsys, "check", "--color", "never", "--lang", "en", report)
    # One wrong cell, one finding (issue 10); the checks it breaks are counted above.
    assert "核对 46 项：43 项通过，2 项不通过，1 项无法核对，0 项不确定。\n" in zh.out
    assert "46 checks: 43 passed, 2 failed, 1 not assessable, 0 uncertain.\n" in en.out
    assert "检查了 1 个文件：1 个错误，0 个警告。" in zh.out
    assert "Checked 1 file: 1 error, 0 warnings." in en.out
    assert "行的总计应为" in zh.out and "行的总计应为" not in en.out
    assert "the total should be 7" in en.out


# ---- summaries, docs and explain ----


@pytest.mark.parametrize("code", sorted(BUILTIN))
def test_summary_and_docs_exist_in_both_languages(code: str) -> None:
    meta = BUILTIN[code].meta
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", meta.name)
    for lang in LANGS:
        assert meta.summary.get(lang, "").strip(), (code, lang)
        doc = meta.docs.get(lang)
        assert doc is not None, (code, lang)
        for part in ("what", "why", "bad", "good"):
            assert getattr(doc, part).strip(), (code, lang, part)
    assert re.search(r"[\u3400-\u9fff]", meta.summary["zh"] + meta.docs["zh"].what)
    english = meta.summary["en"] + " " + meta.docs["en"].what + " " + meta.docs["en"].why
    assert len(re.findall(r"\b[A-Za-z]{3,}\b", english)) >= 5, code
    assert meta.summary["en"] != meta.summary["zh"]
    assert meta.docs["en"].what != meta.docs["zh"].what


HEADINGS = {
    "zh": ("## 检查什么", "## 为什么", "## 错误示例", "## 正确写法"),
    "en": ("## What it checks", "## Why it matters", "## Example (fails)", "## Passing form"),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", sorted(BUILTIN))
def test_explain_prints_the_docs(capsys: pytest.CaptureFixture[str], code: str, lang: str) -> None:
    meta = BUILTIN[code].meta
    result = run_main(capsys, "explain", code, "--lang", lang)
    assert result.code == 0, result.err
    assert result.err == ""
    assert result.out.startswith(f"{code} {meta.name}: {meta.summary[lang]}\n")
    doc = meta.docs[lang]
    positions = [result.out.index(h) for h in HEADINGS[lang]]
    assert positions == sorted(positions)
    for part in (doc.what, doc.why, doc.bad, doc.good):
        assert part in result.out
    other = "en" if lang == "zh" else "zh"
    assert meta.docs[other].what not in result.out
    for option in meta.options:
        allowed = f"; one of {', '.join(option.choices)}" if option.choices else ""
        assert f"- {option.name} (default: {option.default}{allowed}): " in result.out


def test_explain_by_name_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_main(capsys, "explain", "missing-period", "--lang", "en")
    assert result.code == 0
    assert result.out.startswith("XG301 missing-period: The statistics period is not stated\n")
    assert "Default severity: warning" in result.out


def test_rules_lists_the_summaries_in_each_language(capsys: pytest.CaptureFixture[str]) -> None:
    for lang in LANGS:
        data = run_main(capsys, "rules", "--format", "json", "--lang", lang).json()
        by_code = {r["code"]: r for r in data["rules"]}
        for code, rule in BUILTIN.items():
            assert by_code[code]["summary"] == rule.meta.summary[lang]
            assert by_code[code]["what"] == rule.meta.docs[lang].what


def test_text_where_a_number_belongs_is_reported_where_it_stands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Once a bug: the text was taken for a label and the next empty cell reported blank."""
    text = SCENARIOS[("XG004", "text")]()
    report = write(tmp_path / "r.txt", text)
    result = run_main(capsys, "check", "--format", "json", "--lang", "en", report)
    [finding] = result.diagnostics()
    assert finding["code"] == "XG004"
    assert (finding["line"], finding["column"]) == locate(text, "若干")
    assert finding["actual"] == "若干"
    assert finding["message"].endswith(
        "should be a number but is '若干'; identities that use it cannot be checked"
    )


def test_text_in_the_review_table_is_reported_where_it_stands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = edit(CLEAN, "1 | 0 | 0 | 0 | 1 | 0 |", "1 | 0 | 0 | 0 | 1只 | 0 |")
    report = write(tmp_path / "r.txt", text)
    result = run_main(capsys, "check", "--format", "json", report)
    [finding] = result.diagnostics()
    assert finding["code"] == "XG004"
    assert (finding["line"], finding["column"]) == locate(text, "1只") == (53, 17)
    assert finding["actual"] == "1只"
