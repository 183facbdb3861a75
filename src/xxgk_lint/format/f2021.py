"""The 2021 format (国办公开办函〔2021〕30号): reports for 2021 and later.

Source: ``shared/docs/format-2021.md`` (the project's contract) and ``domain-notes.md`` §1.
Labels are quoted as the format prints them; ``words`` are matched in normalised text;
``variants`` are wordings real reports print (each appears in a fixture, which a test checks).
"""

from __future__ import annotations

from xxgk_lint.format.model import (
    OUTCOMES,
    BlockSpec,
    ColumnSpec,
    Format,
    Identity,
    RowSpec,
    SectionSpec,
    TableSpec,
    Text,
)

# ---------------------------------------------------------------------------- sections

OVERVIEW = SectionSpec(
    "一",
    "overview",
    Text("总体情况", "overview"),
    words=("总体(?:工作)?情况", "概述", "总体概况", "基本情况"),
    variants=("基本情况", "总体概况", "总体情况概述"),
)
PROACTIVE_SECTION = SectionSpec(
    "二",
    "proactive",
    Text("主动公开政府信息情况", "proactive disclosure"),
    words=("主动公开",),
    variants=("行政机关主动公开政府信息情况", "主动公开政府信息的情况"),
    table="proactive",
)
APPLICATIONS_SECTION = SectionSpec(
    "三",
    "applications",
    Text("收到和处理政府信息公开申请情况", "applications received and handled"),
    # (受理和处理 … 申请办理情况: wordings of the heading besides the format's; no row of
    # table 三 holds one — its rows count 政府信息公开申请数量 — so none reads as a heading)
    words=(
        "收到和处理",
        "依申请公开",
        "受理和处理",
        "收到和办理",
        "接收和处理",
        "申请办理情况",
        "申请处理情况",
        "申请受理情况",
        "公开申请情况",
    ),
    variants=("行政机关收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请的情况"),
    table="applications",
)
REVIEWS_SECTION = SectionSpec(
    "四",
    "reviews",
    Text("政府信息公开行政复议、行政诉讼情况", "administrative review and litigation"),
    words=("行政复议", "行政诉讼"),
    variants=(
        "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "政府信息公开行政复议和行政诉讼情况",
        "政府信息公开行政复议及行政诉讼情况",
    ),
    table="reviews",
)
PROBLEMS = SectionSpec(
    "五",
    "problems",
    Text("存在的主要问题及改进情况", "problems and improvements"),
    words=(
        "存在的?主要问题",
        "存在的?问题",
        "存在的?不足",
        "主要问题",
        "改进情况",
        "改进措施",
        "整改情况",
        "整改措施",
        "问题(?:与|和|及)改进",
    ),
    variants=(
        "存在的问题和改进措施",
        "存在问题及整改情况",
        "政府信息公开工作存在的主要问题及改进情况",
        "存在问题及改进情况",
        "存在的主要问题及改进措施",
        "问题与改进",
        "存在的不足及改进措施",
        "政府信息公开工作存在的主要问题及改进措施",
    ),
)
OTHER = SectionSpec(
    "六",
    "other",
    Text("其他需要报告的事项", "other matters"),
    words=("其他需要?报告", "其他需要?说明", "其他事项"),
    variants=("其他需报告的事项", "其他需要说明的事项", "其它需要报告的事项", "其他事项"),
    bare=("其他",),
)

SECTIONS = (OVERVIEW, PROACTIVE_SECTION, APPLICATIONS_SECTION, REVIEWS_SECTION, PROBLEMS, OTHER)

# ---------------------------------------------------------------------------- table 二

ISSUED = ColumnSpec(
    "issued",
    Text("本年制发件数", "issued this year"),
    words=("本年制发", "本年发件"),
    variants=("本年发件",),
)
REPEALED = ColumnSpec("repealed", Text("本年废止件数", "repealed this year"), words=("本年废止",))
IN_FORCE = ColumnSpec(
    "in_force",
    Text("现行有效件数", "in force"),
    words=("现行有效",),
    variants=("现行有效件",),
)
DECISIONS = ColumnSpec(
    "decisions", Text("本年处理决定数量", "decisions this year"), words=("处理决定",)
)
AMOUNT = ColumnSpec(
    "amount",
    Text("本年收费金额（单位：万元）", "fees collected (10,000 yuan)"),
    words=("收费金额",),
    unit="万元",
    decimal=True,
)
DOCUMENT_COLUMNS = ("issued", "repealed", "in_force")

PROACTIVE = TableSpec(
    key="proactive",
    section="proactive",
    title=Text("主动公开政府信息情况表", "proactive disclosure table"),
    columns=(ISSUED, REPEALED, IN_FORCE, DECISIONS, AMOUNT),
    rows=(
        RowSpec(
            "regulations",
            Text("规章", "regulations"),
            words=(r"^规章(?:\(件\))?$",),
            columns=DOCUMENT_COLUMNS,
            block="article_20_1",
            optional=True,
        ),
        RowSpec(
            "normative_documents",
            Text("行政规范性文件", "normative documents"),
            words=("规范性文件",),
            columns=DOCUMENT_COLUMNS,
            variants=("规范性文件",),
            block="article_20_1",
        ),
        RowSpec(
            "licensing",
            Text("行政许可", "licensing"),
            words=("^(?:行政)?许可$", "^行政许可"),
            columns=("decisions",),
            block="article_20_5",
        ),
        RowSpec(
            "penalties",
            Text("行政处罚", "penalties"),
            words=("^(?:行政)?处罚$", "^行政处罚"),
            columns=("decisions",),
            block="article_20_6",
        ),
        RowSpec(
            "enforcement",
            Text("行政强制", "enforcement"),
            words=("^(?:行政)?强制$", "^行政强制"),
            columns=("decisions",),
            block="article_20_6",
        ),
        RowSpec(
            "fees",
            Text("行政事业性收费", "administrative fees"),
            words=("事业性收费",),
            columns=("amount",),
            block="article_20_8",
        ),
    ),
    blocks=(
        BlockSpec(
            "article_20_1",
            "第二十条第（一）项",
            (r"第二十条第\(一\)项",),
            ("regulations", "normative_documents"),
        ),
        BlockSpec("article_20_5", "第二十条第（五）项", (r"第二十条第\(五\)项",), ("licensing",)),
        BlockSpec(
            "article_20_6",
            "第二十条第（六）项",
            (r"第二十条第\(六\)项",),
            ("penalties", "enforcement"),
        ),
        BlockSpec("article_20_8", "第二十条第（八）项", (r"第二十条第\(八\)项",), ("fees",)),
    ),
    header_words=(
        "信息内容",
        "本年制发件数",
        "本年发件",
        "本年废止件数",
        "现行有效件数?",
        "本年处理决定数量",
        "本年收费金额.*",
    ),
    anchors=(r"第二十条第\(一\)项", "^规章$", "规范性文件$"),
)

# ---------------------------------------------------------------------------- table 三

APPLICANT_COLUMNS = (
    ColumnSpec("natural_person", Text("自然人", "natural persons"), words=("^自然人$",)),
    ColumnSpec(
        "business",
        Text("商业企业", "businesses"),
        words=("^商业企业$",),
        variants=("商业 企业",),
    ),
    ColumnSpec(
        "research",
        Text("科研机构", "research institutions"),
        words=("^科研机构$",),
        variants=("科研 机构",),
    ),
    ColumnSpec(
        "public_interest",
        Text("社会公益组织", "public-interest organisations"),
        words=("^社会公益组织$",),
    ),
    ColumnSpec(
        "legal_service",
        Text("法律服务机构", "legal service providers"),
        words=("^法律服务机构$",),
    ),
    ColumnSpec("other_org", Text("其他", "other organisations"), words=("^其他$",)),
    ColumnSpec("total", Text("总计", "total"), words=("^[总合]计$",)),
)
APPLICANTS = tuple(c.key for c in APPLICANT_COLUMNS)


def _leaf(key: str, zh: str, en: str, words: tuple[str, ...], group: str | None) -> RowSpec:
    return RowSpec(key, Text(zh, en), words=words, columns=APPLICANTS, group=group, leaf=True)


APPLICATION_ROWS = (
    RowSpec(
        "received",
        Text("一、本年新收政府信息公开申请数量", "applications received this year"),
        words=("本年新收", "新收.*申请"),
        columns=APPLICANTS,
    ),
    RowSpec(
        "carried_over",
        Text("二、上年结转政府信息公开申请数量", "carried over from last year"),
        words=("上年结转", "上年度结转"),
        columns=APPLICANTS,
    ),
    _leaf("granted", "（一）予以公开", "granted", ("予以公开",), None),
    _leaf(
        "partially_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "partly granted",
        ("部分公开",),
        None,
    ),
    _leaf("denied.state_secret", "1.属于国家秘密", "denied: state secret", ("国家秘密",), "denied"),
    _leaf(
        "denied.prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        "denied: prohibited by other laws",
        ("法律行政法规", "禁止公开", "其他法律"),
        "denied",
    ),
    _leaf(
        "denied.security_stability",
        "3.危及“三安全一稳定”",
        "denied: endangers security or stability",
        ("三安全", "一稳定", "危及"),
        "denied",
    ),
    _leaf(
        "denied.third_party",
        "4.保护第三方合法权益",
        "denied: third-party rights",
        ("第三方",),
        "denied",
    ),
    _leaf(
        "denied.internal_affairs",
        "5.属于三类内部事务信息",
        "denied: internal affairs",
        ("内部事务",),
        "denied",
    ),
    _leaf(
        "denied.process_information",
        "6.属于四类过程性信息",
        "denied: process information",
        ("过程性",),
        "denied",
    ),
    _leaf(
        "denied.enforcement_files",
        "7.属于行政执法案卷",
        "denied: enforcement files",
        ("执法案卷",),
        "denied",
    ),
    _leaf(
        "denied.inquiry_matters",
        "8.属于行政查询事项",
        "denied: inquiry matters",
        ("查询事项",),
        "denied",
    ),
    _leaf(
        "unavailable.not_held",
        "1.本机关不掌握相关政府信息",
        "unavailable: not held",
        ("不掌握",),
        "unavailable",
    ),
    _leaf(
        "unavailable.needs_creation",
        "2.没有现成信息需要另行制作",
        "unavailable: would need to be created",
        ("现成信息", "另行制作", "没有现成"),
        "unavailable",
    ),
    _leaf(
        "unavailable.unclear",
        "3.补正后申请内容仍不明确",
        "unavailable: still unclear after correction",
        ("补正后", "仍不明确"),
        "unavailable",
    ),
    _leaf(
        "not_processed.petition",
        "1.信访举报投诉类申请",
        "not processed: petitions and complaints",
        ("信访", "举报投诉"),
        "not_processed",
    ),
    _leaf(
        "not_processed.repeated",
        "2.重复申请",
        "not processed: repeated",
        ("重复申请",),
        "not_processed",
    ),
    _leaf(
        "not_processed.publication",
        "3.要求提供公开出版物",
        "not processed: publications",
        ("出版物",),
        "not_processed",
    ),
    _leaf(
        "not_processed.excessive",
        "4.无正当理由大量反复申请",
        "not processed: excessive",
        ("大量反复",),
        "not_processed",
    ),
    _leaf(
        "not_processed.reconfirm",
        "5.要求行政机关确认或重新出具已获取信息",
        "not processed: reconfirmation",
        ("确认或重新", "重新出具"),
        "not_processed",
    ),
    # The 2019 layout's single （六）其他处理 row, kept by some 2021-format reports (a
    # template deviation, XG005): it stands for the three rows below.
    RowSpec(
        "other",
        Text("（六）其他处理", "other handling, as one row"),
        words=(r"^\(?六\)?[、.]?其他(?:处理)?$", "^其他处理$"),
        columns=APPLICANTS,
        variants=("（六）其他",),
        replaces=("other.no_correction", "other.fee_unpaid", "other.other"),
    ),
    _leaf(
        "other.no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "other: no correction in time",
        ("不补正", "理由逾期"),
        "other",
    ),
    _leaf(
        "other.fee_unpaid",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "other: fee notice not paid",
        ("收费通知", "缴纳费用", "逾期未按"),
        "other",
    ),
    # 3.其他 numbered as reports number sub-items (3. 3、 3) （3） ③, normalised to 3. 3、
    # 3) (3) 3): an anchored pattern, so the number must be allowed for in it.
    _leaf("other.other", "3.其他", "other: other", (r"^(?:\(?3\)?[.、]?)?其他$",), "other"),
    RowSpec(
        "total",
        Text("（七）总计", "total outcomes"),
        words=(r"^(?:\(?七\)?[、.]?)?[总合]计$",),
        columns=APPLICANTS,
    ),
    RowSpec(
        "carried_forward",
        Text("四、结转下年度继续办理", "carried forward to next year"),
        words=("结转下", "继续办理"),
        columns=APPLICANTS,
    ),
)

APPLICATIONS = TableSpec(
    key="applications",
    section="applications",
    title=Text("收到和处理政府信息公开申请情况表", "applications table"),
    columns=APPLICANT_COLUMNS,
    rows=APPLICATION_ROWS,
    header_words=(
        "自然人",
        "法人或其他组织",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
        "申请人情况",
        r"数据\d+",
        "商业",
        "企业",
        "科研",
        "机构",
    ),
    anchors=("勾稽关系", "申请人情况", "本年新收"),
    # (申请人情况 is no group: some reports print it over 总计 too, others not.)
    header_groups=(("^法人或其他组织$", APPLICANTS[1:-1]),),
    subtotals=(
        (OUTCOMES, "三、本年度办理结果", "(?:本年度?)?办理结果"),
        ("denied", "（三）不予公开", "不予公开"),
        ("unavailable", "（四）无法提供", "无法提供"),
        ("not_processed", "（五）不予处理", "不予处理"),
        ("other", "（六）其他处理", "其他处理"),
    ),
)

# ---------------------------------------------------------------------------- table 四

REVIEW_COLUMNS = (
    ColumnSpec("upheld", Text("结果维持", "upheld"), words=("维持",)),
    ColumnSpec(
        "corrected",
        Text("结果纠正", "corrected"),
        words=("纠正", "^结果正$"),
        variants=("结 果 正",),
    ),
    ColumnSpec(
        "other",
        Text("其他结果", "other results"),
        words=("其他结果", "^其他果$"),
        variants=("其 他 果",),
    ),
    ColumnSpec(
        "pending", Text("尚未审结", "pending"), words=("尚未", "未审结"), variants=("尚 未 结",)
    ),
    ColumnSpec("total", Text("总计", "total"), words=("^[总合]计$",)),
)
REVIEW_KEYS = tuple(c.key for c in REVIEW_COLUMNS)

REVIEWS = TableSpec(
    key="reviews",
    section="reviews",
    title=Text(
        "政府信息公开行政复议、行政诉讼情况表", "administrative review and litigation table"
    ),
    columns=REVIEW_COLUMNS,
    rows=(
        RowSpec("review", Text("行政复议", "administrative review"), ("行政复议",), REVIEW_KEYS),
        RowSpec(
            "litigation_direct",
            Text("行政诉讼（未经复议直接起诉）", "litigation without prior review"),
            ("未经复议", "直接起诉"),
            REVIEW_KEYS,
        ),
        RowSpec(
            "litigation_after_review",
            Text("行政诉讼（复议后起诉）", "litigation after review"),
            ("复议后起诉",),
            REVIEW_KEYS,
        ),
    ),
    layout="groups",
    header_words=(
        "行政复议",
        "行政诉讼",
        "未经复议直接起诉",
        "复议后起诉",
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ),
    anchors=("^行政复议$", "结果维持"),
    header_groups=(("^行政诉讼$", ("litigation_direct", "litigation_after_review")),),
)

# ---------------------------------------------------------------------------- identities

OUTCOME_LEAVES = tuple(r.key for r in APPLICATION_ROWS if r.leaf)

IDENTITIES = (
    Identity(
        "row-sum",
        "row-sum",
        "applications",
        Text(
            "总计 = 自然人 + 五类法人或其他组织",
            "total = natural persons + the five kinds of organisation",
        ),
        total="total",
        parts=APPLICANTS[:-1],
        rule="XG201",
    ),
    Identity(
        "outcome-sum",
        "column-sum",
        "applications",
        Text(
            "（七）总计 = （一）至（六）各项办理结果之和",
            "（七）总计 = the sum of the outcome rows （一）–（六）",
        ),
        total="total",
        parts=OUTCOME_LEAVES,
        rule="XG202",
    ),
    Identity(
        "balance",
        "balance",
        "applications",
        Text(
            "一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理",
            "received + carried over = （七）总计 + carried forward",
        ),
        total="total",
        parts=("received", "carried_over"),
        others=("total", "carried_forward"),
        rule="XG203",
    ),
    Identity(
        "review-sum",
        "group-sum",
        "reviews",
        Text(
            "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
            "total = upheld + corrected + other + pending",
        ),
        total="total",
        parts=REVIEW_KEYS[:-1],
        rule="XG204",
    ),
)

FORMAT_2021 = Format(
    version="2021",
    title=Text(
        "中华人民共和国政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）",
        "the 2021 annual report format (国办公开办函〔2021〕30号)",
    ),
    years=(2021, None),
    sections=SECTIONS,
    tables=(PROACTIVE, APPLICATIONS, REVIEWS),
    identities=IDENTITIES,
)
