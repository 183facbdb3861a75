"""ACME's own rules: a local xxgk-lint plugin, loaded from ``.xxgk-lint.yaml``.

The config next to this file names it::

    plugins:
      - ./acme_rules.py

No packaging and no installation: xxgk-lint imports this file by its path (relative to
the config file) and calls the ``xxgk_lint_rules`` hook below. Everything comes from one
module, :mod:`xxgk_lint.plugin`, the stable plugin API. The rules are tested by the rule
cases in ``tests/cases/`` (``python -m pytest tests`` in this folder).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from xxgk_lint.plugin import (
    Diagnostic,
    Report,
    Rule,
    RuleContext,
    RuleDoc,
    RuleOption,
    Span,
    hookimpl,
    rule,
)

#: The documented examples: report text, executed by tests/cases/AC001.yml and AC002.yml.
TITLE_BAD = "2023年政府信息公开工作年度报告\n一、总体情况"
TITLE_GOOD = "青山县审计局2023年政府信息公开工作年度报告\n一、总体情况"
FEE_WORD_BAD = "六、其他需要报告的事项\n本机关2023年未发生收费情况。"
FEE_WORD_GOOD = "六、其他需要报告的事项\n本机关2023年未收取信息处理费。"


@rule(
    code="AC001",
    name="title-names-agency",
    severity="warning",
    summary={
        "zh": "报告标题应写明机关名称",
        "en": "The report title names the agency",
    },
    messages={
        "zh": {
            "default": "标题“{title}”未写明发布报告的机关名称",
            "other-agency": "标题“{title}”未写明本机关名称“{agency}”",
            "no-title": "找不到报告标题，应写明如“{agency}2023年政府信息公开工作年度报告”",
        },
        "en": {
            "default": "the title '{title}' does not name the agency that publishes the report",
            "other-agency": "the title '{title}' does not name the agency '{agency}'",
            "no-title": "the report has no title; expected e.g. "
            "'{agency}2023年政府信息公开工作年度报告'",
        },
    },
    docs={
        "zh": RuleDoc(
            what="报告标题必须写明发布报告的机关名称。设置了 agency 选项时，标题必须包含该名称。",
            why="同一网站上有几十份年度报告；标题只写“2023年政府信息公开工作年度报告”，"
            "读者和检索系统都无法分辨是哪个机关的报告。",
            bad=TITLE_BAD,
            good=TITLE_GOOD,
        ),
        "en": RuleDoc(
            what="The report title must name the agency that publishes it. With the agency "
            "option set, the title must contain that name.",
            why="A portal lists dozens of annual reports; a title that reads only "
            "2023年政府信息公开工作年度报告 tells neither readers nor search engines whose "
            "report it is.",
            bad=TITLE_BAD,
            good=TITLE_GOOD,
        ),
    },
    options=[
        RuleOption(
            "agency",
            "",
            "The agency's name as it must appear in the title; empty: any agency name will do.",
            type=str,
        ),
    ],
)
def title_names_agency(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    agency = str(ctx.option("agency") or "")
    if report.title is None:
        yield ctx.diagnostic(
            Span(1, 1, 1, 2),
            "no-title",
            agency=agency or "XX县XX局",
            subject="title",
        )
        return
    title = report.title.text.strip()
    if agency and agency not in title:
        yield ctx.diagnostic(
            report.title.span,
            "other-agency",
            title=title,
            agency=agency,
            subject="title",
            expected=agency,
            actual=report.agency,
        )
    elif not agency and report.agency is None:
        yield ctx.diagnostic(report.title.span, title=title, subject="title")


@rule(
    code="AC002",
    name="fee-word",
    severity="warning",
    summary={
        "zh": "“其他需要报告的事项”应使用“信息处理费”一词说明收费情况",
        "en": "Section 六 states the fees with the exact word 信息处理费",
    },
    messages={
        "zh": {
            "default": "第{number}部分“其他需要报告的事项”应使用“{word}”一词说明本年度的收费情况",
        },
        "en": {
            "default": "section {number} (other matters) should state the fees of the year "
            "with the word '{word}'",
        },
    },
    docs={
        "zh": RuleDoc(
            what="第六部分“其他需要报告的事项”必须出现“信息处理费”这个词"
            "（可用 word 选项改为别的词）。"
            "内置规则 XG401 接受“未发生收费情况”等说法，本规则更严格。",
            why="本单位的发布规范要求统一使用《政府信息公开信息处理费管理办法》中的名称，"
            "便于检索和汇总。",
            bad=FEE_WORD_BAD,
            good=FEE_WORD_GOOD,
        ),
        "en": RuleDoc(
            what="Section 六 (other matters) must contain the word 信息处理费 (the word "
            "option changes it). The built-in XG401 accepts wordings such as 未发生收费情况; "
            "this rule is stricter.",
            why="The agency's style guide asks for the name used by the "
            "政府信息公开信息处理费管理办法, so that reports can be searched and compared.",
            bad=FEE_WORD_BAD,
            good=FEE_WORD_GOOD,
        ),
    },
    options=[
        RuleOption("word", "信息处理费", "The word section 六 must contain.", type=str),
    ],
)
def fee_word(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    section = report.section("other")
    if section is None:
        return  # XG101 (missing-section) reports it
    word = str(ctx.option("word"))
    if word not in section.text:
        yield ctx.diagnostic(
            section.span,
            number=section.number or "六",
            word=word,
            subject="other.fee-word",
            expected=word,
            actual=None,
        )


@hookimpl
def xxgk_lint_rules() -> Sequence[Rule]:
    return [title_names_agency, fee_word]
