"""The 2021 format (国办公开办函〔2021〕30号) as data: tables, rows, columns, label patterns.

Each row lists the patterns its label is recognised by, searched in the *normalised*
label (see :mod:`xxgk_lint.parse.labels`). Patterns are the distinctive words of the
official label, so that shortened, re-worded, traditional or broken labels still match
and no other row's label does. The canonical keys are those of ``format-2021.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RowSpec:
    key: str
    label: str  # the official label, for messages
    pattern: re.Pattern[str]
    #: Keys this row stands for when it replaces several rows (the 2019 single （六） row).
    replaces: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableSpec:
    key: str
    title: str
    columns: tuple[str, ...]
    #: Columns per row key when rows have fewer columns than the table (table 二).
    row_columns: dict[str, tuple[str, ...]]
    rows: tuple[RowSpec, ...]

    def columns_of(self, row: str) -> tuple[str, ...]:
        return self.row_columns.get(row, self.columns)

    def spec(self, row: str) -> RowSpec | None:
        for spec in self.rows:
            if spec.key == row:
                return spec
        return None


def _row(key: str, label: str, pattern: str, replaces: tuple[str, ...] = ()) -> RowSpec:
    return RowSpec(key, label, re.compile(pattern), replaces)


COUNT_COLUMNS = ("issued", "repealed", "in_force")

PROACTIVE = TableSpec(
    key="proactive",
    title="主动公开政府信息情况",
    columns=COUNT_COLUMNS,
    row_columns={
        "regulations": COUNT_COLUMNS,
        "normative_documents": COUNT_COLUMNS,
        "licensing": ("decisions",),
        "penalties": ("decisions",),
        "enforcement": ("decisions",),
        "fees": ("amount",),
    },
    rows=(
        _row("regulations", "规章", r"^规章(?:\(件\))?$"),
        _row("normative_documents", "行政规范性文件", r"规范性文件"),
        _row("licensing", "行政许可", r"^(?:行政)?许可$|^行政许可"),
        _row("penalties", "行政处罚", r"^(?:行政)?处罚$|^行政处罚"),
        _row("enforcement", "行政强制", r"^(?:行政)?强制$|^行政强制"),
        _row("fees", "行政事业性收费", r"事业性收费"),
    ),
)

APPLICANT_COLUMNS = (
    "natural_person",
    "business",
    "research",
    "public_interest",
    "legal_service",
    "other_org",
    "total",
)

OTHER_LEAVES = ("other.no_correction", "other.fee_unpaid", "other.other")

APPLICATIONS = TableSpec(
    key="applications",
    title="收到和处理政府信息公开申请情况",
    columns=APPLICANT_COLUMNS,
    row_columns={},
    rows=(
        _row("received", "一、本年新收政府信息公开申请数量", r"本年新收|新收.*申请"),
        _row("carried_over", "二、上年结转政府信息公开申请数量", r"上年结转|上年度结转"),
        _row("granted", "（一）予以公开", r"予以公开"),
        _row("partially_granted", "（二）部分公开", r"部分公开"),
        _row("denied.state_secret", "1.属于国家秘密", r"国家秘密"),
        _row(
            "denied.prohibited_by_law",
            "2.其他法律行政法规禁止公开",
            r"法律行政法规|禁止公开|其他法律",
        ),
        _row("denied.security_stability", "3.危及“三安全一稳定”", r"三安全|一稳定|危及"),
        _row("denied.third_party", "4.保护第三方合法权益", r"第三方"),
        _row("denied.internal_affairs", "5.属于三类内部事务信息", r"内部事务"),
        _row("denied.process_information", "6.属于四类过程性信息", r"过程性"),
        _row("denied.enforcement_files", "7.属于行政执法案卷", r"执法案卷"),
        _row("denied.inquiry_matters", "8.属于行政查询事项", r"查询事项"),
        _row("unavailable.not_held", "1.本机关不掌握相关政府信息", r"不掌握"),
        _row(
            "unavailable.needs_creation",
            "2.没有现成信息需要另行制作",
            r"现成信息|另行制作|没有现成",
        ),
        _row("unavailable.unclear", "3.补正后申请内容仍不明确", r"补正后|仍不明确"),
        _row("not_processed.petition", "1.信访举报投诉类申请", r"信访|举报投诉"),
        _row("not_processed.repeated", "2.重复申请", r"重复申请"),
        _row("not_processed.publication", "3.要求提供公开出版物", r"出版物"),
        _row("not_processed.excessive", "4.无正当理由大量反复申请", r"大量反复"),
        _row(
            "not_processed.reconfirm",
            "5.要求行政机关确认或重新出具已获取信息",
            r"确认或重新|重新出具",
        ),
        _row(
            "other",
            "（六）其他处理",
            r"^\(?六\)?[、.]?其他(?:处理)?$|^其他处理$",
            replaces=OTHER_LEAVES,
        ),
        _row("other.no_correction", "1.申请人无正当理由逾期不补正……", r"不补正|理由逾期"),
        _row(
            "other.fee_unpaid",
            "2.申请人逾期未按收费通知要求缴纳费用……",
            r"收费通知|缴纳费用|逾期未按",
        ),
        _row("other.other", "3.其他", r"^(?:[3][.、]?)?其他$"),
        _row("total", "（七）总计", r"^(?:\(?七\)?[、.]?)?[总合]计$"),
        _row("carried_forward", "四、结转下年度继续办理", r"结转下|继续办理"),
    ),
)

#: The 21 outcome leaves whose sum is （七）总计 (2021 format).
OUTCOME_LEAVES = tuple(
    spec.key
    for spec in APPLICATIONS.rows
    if spec.key not in ("received", "carried_over", "total", "carried_forward", "other")
)

REVIEW_GROUPS = ("review", "litigation_direct", "litigation_after_review")
REVIEW_COLUMNS = ("upheld", "corrected", "other", "pending", "total")

REVIEWS = TableSpec(
    key="reviews",
    title="政府信息公开行政复议、行政诉讼情况",
    columns=REVIEW_COLUMNS,
    row_columns={},
    rows=tuple(
        _row(group, label, r"(?!)")
        for group, label in zip(
            REVIEW_GROUPS,
            ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"),
            strict=True,
        )
    ),
)

TABLES = {spec.key: spec for spec in (PROACTIVE, APPLICATIONS, REVIEWS)}

#: Header words: when several stand in the text before a row's numbers (a header repeated
#: under a label, as PDF conversion leaves it), they are not taken for row labels.
HEADER_WORDS = re.compile(
    r"^(?:自然人|法人或其他组织|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|"
    r"申请人情况|数据\d+|信息内容|本年制发件数|本年发件|本年废止件数|现行有效件数?|"
    r"本年处理决定数量|本年收费金额.*|商业|企业|科研|机构)$"
)

#: Headers and rows of the 2019 (试行) table 二: their presence means an older format.
OLDER_FORMAT = re.compile(
    r"本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增/?减|采购项目数量|"
    r"采购总金额|政府集中采购|第二十条第\(九\)项|其他对外管理服务事项"
)

#: Where each table begins in the text, when its section heading is missing.
ANCHORS = {
    "proactive": re.compile(r"第二十条第\(一\)项|^规章$|规范性文件$"),
    "applications": re.compile(r"勾稽关系|申请人情况|本年新收"),
    "reviews": re.compile(r"^行政复议$|结果维持"),
}
