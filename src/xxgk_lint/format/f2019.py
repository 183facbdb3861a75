"""The 2019 试行 format (国办公开办函〔2019〕60号): reports for 2019 and 2020.

Source: ``domain-notes.md`` §3.1 (a real 2019 report, 上海市人民政府办公厅). The sections and
table 四 are those of 2021; table 二 is different (new/published counts, previous-year item
counts and their change, a 第二十条第（九）项 procurement block); in table 三,
（六）其他处理 is one row with its own numbers, so the outcome sum has 19 rows, not 21.

Table 三 and the identities are nonetheless 2021's, whose single （六）其他处理 row stands
for the three rows the 2021 format splits it into: reports of 2019 and 2020 print either
layout (many took up the 2021 table 三 while keeping last year's table 二), and each is
read, and its outcome sum checked, as printed. That the single row is no deviation in this
format is the parser's to say (it keeps no "rows" deviation under this model).
"""

from __future__ import annotations

from xxgk_lint.format.f2021 import (
    APPLICANTS,
    APPLICATIONS,
    IDENTITIES,
    REVIEWS,
    SECTIONS,
)
from xxgk_lint.format.model import BlockSpec, ColumnSpec, Format, RowSpec, TableSpec, Text

MADE = ColumnSpec("made", Text("本年新制作数量", "made this year"), words=("新制作",))
PUBLISHED = ColumnSpec(
    "published", Text("本年新公开数量", "published this year"), words=("新公开",)
)
PUBLISHED_TOTAL = ColumnSpec(
    "published_total", Text("对外公开总数量", "published in total"), words=("对外公开总",)
)
PREVIOUS = ColumnSpec("previous", Text("上一年项目数量", "items last year"), words=("上一年项目",))
CHANGE = ColumnSpec(
    "change", Text("本年增/减", "change this year"), words=("本年增/?减", "增减"), signed=True
)
DECISIONS = ColumnSpec("decisions", Text("处理决定数量", "decisions"), words=("处理决定",))
ITEMS = ColumnSpec("items", Text("采购项目数量", "procurement items"), words=("采购项目",))
AMOUNT = ColumnSpec(
    "amount",
    Text("采购总金额", "procurement amount"),
    words=("采购总金额",),
    unit="万元",
    decimal=True,
)

_DOCUMENTS = ("made", "published", "published_total")
_ITEMS = ("previous", "change", "decisions")

PROACTIVE_2019 = TableSpec(
    key="proactive",
    section="proactive",
    title=Text(
        "主动公开政府信息情况表（2019年试行格式）", "proactive disclosure table (2019 format)"
    ),
    columns=(MADE, PUBLISHED, PUBLISHED_TOTAL, PREVIOUS, CHANGE, DECISIONS, ITEMS, AMOUNT),
    rows=(
        RowSpec(
            "regulations",
            Text("规章", "regulations"),
            words=(r"^规章(?:\(件\))?$",),
            columns=_DOCUMENTS,
            block="article_20_1",
            optional=True,
        ),
        RowSpec(
            "normative_documents",
            Text("规范性文件", "normative documents"),
            words=("规范性文件",),
            columns=_DOCUMENTS,
            block="article_20_1",
        ),
        RowSpec(
            "licensing",
            Text("行政许可", "licensing"),
            words=("^(?:行政)?许可$", "^行政许可"),
            columns=_ITEMS,
            block="article_20_5",
        ),
        RowSpec(
            "other_services",
            Text("其他对外管理服务事项", "other public services"),
            words=("对外管理服务",),
            columns=_ITEMS,
            block="article_20_5",
        ),
        RowSpec(
            "penalties",
            Text("行政处罚", "penalties"),
            words=("^(?:行政)?处罚$", "^行政处罚"),
            columns=_ITEMS,
            block="article_20_6",
        ),
        RowSpec(
            "enforcement",
            Text("行政强制", "enforcement"),
            words=("^(?:行政)?强制$", "^行政强制"),
            columns=_ITEMS,
            block="article_20_6",
        ),
        RowSpec(
            "fees",
            Text("行政事业性收费", "administrative fees"),
            words=("事业性收费",),
            columns=("previous", "change"),
            block="article_20_8",
        ),
        RowSpec(
            "procurement",
            Text("政府集中采购", "central government procurement"),
            words=("集中采购",),
            columns=("items", "amount"),
            block="article_20_9",
        ),
    ),
    blocks=(
        BlockSpec(
            "article_20_1",
            "第二十条第（一）项",
            (r"第二十条第\(一\)项",),
            ("regulations", "normative_documents"),
        ),
        BlockSpec(
            "article_20_5",
            "第二十条第（五）项",
            (r"第二十条第\(五\)项",),
            ("licensing", "other_services"),
        ),
        BlockSpec(
            "article_20_6",
            "第二十条第（六）项",
            (r"第二十条第\(六\)项",),
            ("penalties", "enforcement"),
        ),
        BlockSpec("article_20_8", "第二十条第（八）项", (r"第二十条第\(八\)项",), ("fees",)),
        BlockSpec("article_20_9", "第二十条第（九）项", (r"第二十条第\(九\)项",), ("procurement",)),
    ),
    header_words=(
        "信息内容",
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增/?减",
        "处理决定数量",
        "采购项目数量",
        "采购总金额",
    ),
    anchors=(r"第二十条第\(一\)项", "^规章$", "规范性文件$"),
)


FORMAT_2019 = Format(
    version="2019",
    title=Text(
        "中华人民共和国政府信息公开工作年度报告格式（试行）（国办公开办函〔2019〕60号）",
        "the 2019 trial annual report format (国办公开办函〔2019〕60号)",
    ),
    years=(2019, 2020),
    sections=SECTIONS,
    tables=(PROACTIVE_2019, APPLICATIONS, REVIEWS),
    identities=IDENTITIES,
    signals=(
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增/?减",
        "采购项目数量",
        "采购总金额",
        "政府集中采购",
        r"第二十条第\(九\)项",
        "其他对外管理服务事项",
    ),
)

__all__ = ["APPLICANTS", "FORMAT_2019"]
