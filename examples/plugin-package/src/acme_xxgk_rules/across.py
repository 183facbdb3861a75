"""ACP002 duplicate-report: a whole-run rule that compares the reports of one run."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from xxgk_lint.plugin import Diagnostic, ReportFacts, RuleContext, RuleDoc, Span, rule


@rule(
    code="ACP002",
    name="duplicate-report",
    severity="warning",
    summary={
        "zh": "同一机关同一年度有两份报告",
        "en": "Two reports of one agency for one year",
    },
    messages={
        "zh": {"default": "{agency}{year}年度的报告已有一份：{other}"},
        "en": {"default": "there is already a {year} report of {agency}: {other}"},
    },
    docs={
        "zh": RuleDoc(
            what="一次检查的所有报告中，标题写明的机关和年度相同的报告不止一份（第二份起报告）。",
            why="同一年度的报告重复发布（例如改正后又上传一份而未撤下旧的）会让读者不知道以哪份为准。",
            bad="reports/2023.txt 与 reports/2023-修订.txt 的标题都是"
            "“青山县审计局2023年政府信息公开工作年度报告”",
            good="每个机关每个年度只保留一份报告",
        ),
        "en": RuleDoc(
            what="Among all reports of one run, more than one has the same agency and year "
            "in its title (reported from the second on).",
            why="A report published twice (a corrected copy uploaded next to the old one) "
            "leaves readers unsure which one holds.",
            bad="reports/2023.txt and reports/2023-修订.txt both titled "
            "青山县审计局2023年政府信息公开工作年度报告",
            good="one report per agency and year",
        ),
    },
    run=True,
    per_body=True,  # it compares one body's reports only: given them one body at a time
    min_reports=2,  # and finds nothing in a body's one report: not called for it
)
def duplicate_report(reports: Sequence[ReportFacts], ctx: RuleContext) -> Iterator[Diagnostic]:
    # A whole-run rule sees the facts of each report (agency, year, the title's place …),
    # never the reports themselves: a run over thousands of files keeps only these.
    seen: dict[tuple[str, int], str] = {}
    for report in sorted(reports, key=lambda r: r.path):
        if report.agency is None or report.year is None:
            continue
        key = (report.agency, report.year)
        if key not in seen:
            seen[key] = report.path
            continue
        span = report.title_span or Span(1, 1, 1, 2)
        # A whole-run rule names the file each finding belongs to with path=.
        yield ctx.diagnostic(
            span,
            path=report.path,
            agency=report.agency,
            year=report.year,
            other=seen[key],
            subject="title.duplicate",
        )


RULES = [duplicate_report]
