"""How the prose of a report speaks of the tables: the words of its numeric claims.

Reports restate their tables in sentences (共收到政府信息公开申请22件，办结20件，结转下年度
2件; 办理行政复议、诉讼各1件，均结果维持). Each *topic* here is a set of words (regular
expressions over NFKC-folded text) that a claim's count refers to; which table cells a
topic may mean is decided by the rules that compare claims with tables (XG501, XG502).
Words are tried longest first at each position, so 上年结转 is a carry-in, never a
结转 (carry-out).
"""

from __future__ import annotations

from xxgk_lint.format.f2021 import APPLICANTS

#: topic → words. Order matters only for documentation; matching is longest-first.
TOPICS: dict[str, tuple[str, ...]] = {
    # 上年结转 before 结转: a carry-in from last year.
    "carry_in": ("上年结转", "上年度结转", "上一年度结转", "上年遗留", "上年度遗留"),
    # 结转下年度 / 转入下年 / 结转2024年: carried forward.
    "carry_out": (
        "结转下一?年度?",
        "结转至下一?年度?",
        "结转到下一?年度?",
        "转入下一?年度?",
        "结转(?=\\d{4}年)",
        "结转至(?=\\d{4}年)",
        "下一?年度继续办理",
        "继续办理",
    ),
    "receive": (
        "新收",
        "收到",
        "接收",
        "接到",
        "受理",
        "共收",
        "新增申请",
    ),
    "close": ("办结", "答复", "办理完毕", "处理完毕", "已办理", "予以答复", "作出答复"),
    # 办理申请N件: received (with or without last year's), or closed — the rule decides.
    "handle": ("办理",),
    # 办理结果, 予以公开N件 …: a count of one outcome, a part of the total.
    "outcome": (
        "办理结果",
        "予以公开",
        "部分公开",
        "不予公开",
        "无法提供",
        "不予处理",
        "其他处理",
    ),
    "application": ("依申请公开", "信息公开申请", "申请"),
    # 其中…, and a breakdown in brackets: the counts after it are parts of the one before.
    "sub": ("其中", "包括", "含", "（", "\\("),
    "delta": ("同比", "较上年", "比上年", "较去年", "增长", "增加", "减少", "下降", "上升"),
    "review": ("行政复议", "复议"),
    "litigation": ("行政诉讼", "诉讼", "起诉"),
    # The two kinds of litigation of table 四, before 复议 and 起诉 (longest first).
    "direct": ("未经复议直接起诉", "直接起诉", "直接提起行政诉讼", "直接提起诉讼"),
    # (行政复议后又提起行政诉讼 whole: else 行政复议, the longer word at its start, wins)
    "after_review": (
        "复议后起诉",
        "经复议后起诉",
        "行政复议后[又再]?(?:提起|起诉)(?:行政)?(?:诉讼)?",
        "复议后[又再]?(?:提起|起诉)(?:行政)?(?:诉讼)?",
    ),
    "each": ("各",),
    # 行政复议、行政诉讼分别为1件和2件: the counts after it go to the words before it, in turn.
    "respective": ("分别",),
    # 未收到申请, 未发生行政复议和行政诉讼, 无行政复议: there were none (a bare 无 is too
    # common to mean that: 无障碍, 无差错).
    "none": (
        "未收到",
        "没有收到",
        "未发生",
        "没有发生",
        "未出现",
        "不存在",
        "未有",
        "均无",
        "无(?=(?:行政)?复议|(?:行政)?诉讼|依?申请|政府信息公开申请|收到)",
        # 全年零行政复议、零行政诉讼 (a bare 零 is a numeral: 零件, 二〇二三)
        "零(?=(?:行政)?复议|(?:行政)?诉讼)",
    ),
    # 未因政府信息公开被申请行政复议, 没有因…提起行政诉讼, 无因…引发的行政复议: there were
    # no such cases — of reviews and lawsuits only (NONE_CAUSED_TOPICS): 未因收费拒绝受理申请
    # says nothing of how many applications came in.
    "none_caused": ("未因", "没有因", "无因"),
    "upheld": ("维持",),
    # When a count happened, before its verb (上年度收到申请12件, 去年同期收到12件): another
    # year's figure, not this report's. 上年结转 and 较上年 are longer words of their own
    # (a carry-in, a change) and win. Bare 同期 is "the same period" of a year named
    # before it (与去年相比，同期收到…): another year too.
    "previous": (
        "上年度",
        "上一年度",
        "上年",
        "上一年",
        "去年",
        "去年同期",
        "上年同期",
        "上年度同期",
        "同期",
        "前一年",
        "前一年度",
        "往年",
    ),
    # This year again (上年度收到12件、本年度收到7件): ends a "previous" qualifier.
    "current": ("本年度", "本年", "今年"),
    # A year named before the verb (2022年收到12件): the rule compares it with the report's.
    "year": (r"(?<!\d)(?:19|20)\d{2}[ \t]*年", "[〇○零一二三四五六七八九]{4}[ \t]*年"),
    # 被纠错, 败诉: the 结果纠正 columns (未发生行政复议被纠错的情况: none corrected).
    "corrected": ("被纠错", "纠错", "被纠正", "纠正", "败诉", "被撤销", "确认违法"),
}

#: A character of the same clause of folded text: neither ，,；; nor 。(NFKC has made ，and
#: ；the ASCII , and ;). Not written [^，,；;。]: `re` compiles each class holding CJK
#: characters into a 64K-entry map, ~0.1 ms of every start at each of the uses below.
IN_CLAUSE = r"(?:(?!。)[^,;])"
#: A result denied (均未被纠错, 无被纠错案件, 没有被撤销): not the result of the counts before it,
#: as 均结果维持 is (未经复议 is no denial). Searched in a clause of folded text.
NO_RESULT = rf"(?:未(?!经)|没有|无|并无){IN_CLAUSE}{{0,8}}?(?:维持|纠错|纠正|败诉|撤销|确认违法)"
#: The topics a "none" statement can be about: 未收到申请, 未收到上年结转的申请, 未发生行政复议、
#: 行政诉讼(被纠错).
NONE_TOPICS = frozenset(
    {
        *("receive", "application", "carry_in", "carry_out"),
        *("review", "litigation", "direct", "after_review", "corrected"),
    }
)
#: The topics a "none_caused" statement (未因…被申请行政复议) can be about: the cases of
#: table 四 and their results.
NONE_CAUSED_TOPICS = frozenset({"review", "litigation", "direct", "after_review", "corrected"})
#: The words that say there were none, by topic, and what each can be about.
NONE_KINDS = {"none": NONE_TOPICS, "none_caused": NONE_CAUSED_TOPICS}
#: What may follow a "none" word at the end of its clause, for the topics before it to be
#: what did not happen: 行政复议、行政诉讼均未发生(的情况).
NONE_TAIL = r"^(?:的)?(?:情况|案件|事项|现象)?$"
#: What may follow the last word of applications in a "none" statement for it to deny the
#: applications themselves (未收到政府信息公开申请, 未发生依申请公开政府信息的情况): any other
#: word there is of something that happens to them (申请人要求重新答复, 申请被退回).
NONE_APPLICATIONS_TAIL = (
    r"^(?:政府信息|信息)?(?:件|书|表|请求)?(?:的)?(?:情况|事项|现象|行为|工作)?$"
)

# ---- what kind of applications a claim counts (未收到法人或其他组织提出的申请, 收到需要补正的
# 申请1件): searched in the words of the claim before its count (after its "none" word).

#: The applicant columns of table 三 (the format's keys) of 法人或其他组织: all but 自然人.
ORGANISATIONS = tuple(key for key in APPLICANTS if key not in ("natural_person", "total"))
#: Who applied, by the columns of table 三 they are (tried longest first): the format's
#: column words (自然人 / 法人或其他组织: 商业企业, 科研机构, 社会公益组织, 法律服务机构) and
#: the words that can mean nothing else — 法人 (alone: the columns of 法人或其他组织),
#: 群众, 个人, 公民 (people, not organisations: 自然人), 企业, 律师事务所, 科研院所. Not
#: 社会组织 (a 社会公益组织 or an 其他), 高校 (a 科研机构 or an 其他), 律师 (a person or a
#: 法律服务机构): a claim of theirs is a qualified one (社会组织提出的), never compared.
APPLICANT_WORDS: dict[str, tuple[str, ...]] = {
    "法人或者其他组织": ORGANISATIONS,
    "法人或其他组织": ORGANISATIONS,
    "法人和其他组织": ORGANISATIONS,
    "法人及其他组织": ORGANISATIONS,
    "法人、其他组织": ORGANISATIONS,
    "法人": ORGANISATIONS,
    "自然人": ("natural_person",),
    "公民": ("natural_person",),
    "群众": ("natural_person",),
    "个人": ("natural_person",),
    "商业企业": ("business",),
    "企业": ("business",),
    "科研机构": ("research",),
    "科研院所": ("research",),
    "社会公益组织": ("public_interest",),
    "公益组织": ("public_interest",),
    "法律服务机构": ("legal_service",),
    "律师事务所": ("legal_service",),
    "律所": ("legal_service",),
}
#: What may stand after the applicants named: their applications (企业提出的, 公民申请).
APPLIED = "(?:等)?(?:提出|提交|递交|依申请|申请|的)"
#: Applications of a kind the tables do not count apart: late (逾期答复, 超期), to be
#: completed (需要补正), passed on by another body (转来的, 转交), withdrawn, charged, about a
#: subject (涉及…的, 关于…的), repeated, "other" ones (除上述申请外，未收到其他申请). A claim
#: about them is no claim about table 三 (searched after the applicants are taken out).
QUALIFIERS = (
    *("逾期", "超期", "超过法定期限", "超出法定期限", "延期", "补正", "转来", "转交"),
    *("转送", "移送", "转办", "撤回", "收费", "缴费", "国家秘密", "重复", "涉及"),
    *("关于", "有关", "针对", "其他"),
    # a sub-unit's own applications (局属某某中心收到…)
    *("局属", "下属", "直属"),
)
#: A part of the year (下半年, 第四季度, 12月份, 1-6月 but not 1-12月 nor the date 12月31日)
#: or an average (平均每月, 月均): a count of it is no count of the year's applications.
#: Searched in folded text (NFKC: ASCII digits, ~ for ～) before the claim's count.
PART_OF_YEAR = (
    r"[上下]半年|第?[一二三四1234]季度|每个?月|每季度|月均|平均"
    r"|[一二三四五六七八九十]{1,3}月份"
    r"|(?<![-—~至到0-9])(?!1[-—~至到]12月)[0-9]{1,2}(?:[-—~至到][0-9]{1,2})?月份?(?![0-9])"
)
#: A character every match of :data:`PART_OF_YEAR` holds (a claim's words holding none of
#: them are no part of the year, without a search). Not 年 nor 度, which 本年度 and 上年结转
#: hold: with them, most claims' words were searched (about 16 K instructions each).
PART_OF_YEAR_MARKS = "半季月均"
#: Words that may stand between the verb and 的 of 收到…的申请 and leave it all the
#: applications named (本机关收到的, 公民、法人和其他组织提出的): any other word before that
#: 的 (收到群众反映强烈的申请) makes the claim one of some of them. (到 of 共收到, 接收到:
#: the verb words 共收 and 接收 end before it.)
PLAIN_MODIFIER = r"^到?(?:[、,和及与或者以等]|来自|提出|提交|递交|全部|所有|各类)*$"

#: Words that put a sentence in the context of information-disclosure applications and
#: of the reviews and lawsuits about them (XG501, XG502).
DISCLOSURE = (
    "政府信息公开申请",
    "信息公开申请",
    "依申请公开",
    "申请公开政府信息",
    "公开申请",
    "政府信息公开",
    "信息公开",
    "新收",
)
#: A mention of disclosure that says the contrary (全年共收到行政复议申请45件（含非政府信息
#: 公开类）): no context of disclosure.
NOT_DISCLOSURE = r"非(?:政府)?信息公开"
#: Words that make a count of a clause one of something else: other applications and
#: cases (行政许可申请, 人大代表建议, 信访), never compared with table 三.
OTHER_MATTERS = (
    "许可",
    "审批",
    "政务服务",
    "办件",
    "建议",
    "提案",
    "信访",
    "来信",
    "来访",
    "咨询",
    "留言",
    "投诉",
    "举报",
    "热线",
    "诉求",
)

#: Words that make a count one of other bodies than the report's (全县各级行政机关共收到
#: 申请1200件, 全市共收到…): the county's or the city's, not the table's. Until a word of
#: OWN_BODY after them (…，其中本机关收到583件): the body's own again.
OTHER_BODIES = (
    "全省",
    "全市",
    "全州",
    "全盟",
    "全县",
    "全区",
    "全旗",
    "各级",
    "全系统",
    "各部门",
    "各单位",
    "各乡镇",
    "各街道",
    "所属单位",
    "下属单位",
)
#: Words that name the report's own body (see OTHER_BODIES).
OWN_BODY = ("本机关", "本单位", "本部门", "本局", "我局", "我单位", "我委", "本委", "我办", "本办")

# ---- what kind of cases a claim about table 四 counts (未发生因逾期答复被申请行政复议的情况):
# searched in the words of the claim before its first word of a review or lawsuit (after
# its "none" word). Every case of table 四 is one over disclosure: a claim about the cases
# over disclosure (未发生因政府信息公开被申请行政复议的情况) is one about them all.

#: Cases of a kind table 四 does not count apart, by what they were over: a late answer, a
#: refusal, a partial disclosure, a fee, proactive disclosure.
CASE_KINDS = (
    *("逾期", "超期", "超过法定期限", "超出法定期限", "延期", "不予公开", "不公开"),
    *("部分公开", "拒绝", "收费", "主动公开"),
)
#: Words that open what cases were over (因…被申请行政复议, 涉及…的行政复议).
CASE_CAUSES = ("因为", "由于", "因", "涉及", "关于", "针对", "有关")
#: The words of what cases were over that leave them all the cases of table 四 (因政府信息
#: 公开工作被申请, 针对本机关政府信息公开答复的, 因不服政府信息公开申请答复决定而提起): what
#: remains of the cause without them (征地拆迁, 答复程序违法) names a kind of case.
CASE_PLAIN = (
    *("政府信息公开", "政务公开", "信息公开", "依申请公开", "政府信息", "信息", "公开"),
    *("申请人", "申请", "答复", "处理", "办理", "决定", "工作", "事项", "事宜", "方面"),
    *("问题", "行为", "相关", "有关", "不服", "作出", "对", "就", "向", "被", "提起", "提出"),
    *("引起", "引发", "导致", "产生", "造成", "而", "的", "之", "发生", "出现", "任何"),
    *OWN_BODY,
    *("本", "我", "机关", "作为", "被告", "以", "为"),  # (我局作为被申请人的, 以本机关为被告的)
    *("、", "和", "或", "及", "与", "等", " "),
)
#: A review's own decision undone (行政复议决定被撤销, by a court): not what table 四's 行政复议
#: 结果纠正 counts (the body's act corrected by the review), nor any other column of it.
REVIEW_DECISION_UNDONE = r"复议决定书?[被遭]?(?:撤销|纠正|纠错|确认违法)"
#: Verbs a modifier of the cases (收到…的行政复议) starts after, when no cause opens it.
CASE_VERBS = ("发生", "出现", "收到", "受理", "办理", "存在", "有")

#: How an application came in: a count of a clause naming one (全年通过网站收到申请300件，
#: 通过信函收到283件) is a part of the total by channel, even without 其中 — unless the
#: clause counts all of them (ALL_CHANNELS: 通过网站、信函等方式共收到583件).
CHANNELS = (
    "通过",
    "网上",
    "线上",
    "线下",
    "网络",
    "网站",
    "在线",
    "当面",
    "现场",
    "信函",
    "邮寄",
    "传真",
    "电子邮件",
    "电话",
    "书面",
    "口头",
)
#: Words that make a clause naming channels one of the total (see CHANNELS).
ALL_CHANNELS = ("共", "合计", "总计", "累计", "等", "各种", "各类", "多种", "全部", "所有")

#: The topics that say when a count happened (see :attr:`xxgk_lint.parse.claims.Claim.year`).
TIMES = frozenset({"previous", "current", "year"})

#: Units that make a number a count of cases.
COUNT_UNITS = ("件", "宗", "起")

# ---- the fee statement (XG402): what the prose says of the information processing fee
#
# Matched per clause (between ，；。) of NFKC-folded text. The 行政事业性收费 of table 二 is
# another fee: a clause that names it is never read as a statement about this one.

#: Another fee than the information processing fee: a clause naming it is skipped.
OTHER_FEE = r"行政事业性收费"
#: Words one of which every clause a fee pattern below matches has (a 收费通知 or 缴费通知,
#: 收取, or 未发生…收费): a sentence or clause with none of them (a 通知 of some policy,
#: 经费) says nothing of the fee. tests/rules/test_fee_statement.py holds them to it.
FEE_WORDS = ("收取", "收费", "缴费通知")
#: "No fee notice was issued": 未发出收费通知, 没有向申请人发出缴费通知书, 未发出…收费通知书.
FEE_NO_NOTICE = (
    rf"(?:未|没有|无|未曾|不曾)(?:向{IN_CLAUSE}{{0,8}})?(?:发出|发送|下发|送达|开具|出具|寄送)?"
    rf"{IN_CLAUSE}{{0,16}}?(?:收费|缴费)通知"
)
#: "N fee notices were issued": 发出收费通知2件, 共发出信息处理费收费通知书1份.
FEE_NOTICES = (
    rf"(?:发出|发送|下发|送达|开具|出具|寄送){IN_CLAUSE}{{0,16}}?(?:收费|缴费)通知(?:书|单)?"
    r"[共计为]{0,2}(?P<count>\d+)\s*(?:件|份|次|张)"
)
#: "Nothing was charged": 未收取信息处理费, 不存在收取信息处理费的情况, 未发生收费情况,
#: 未收取任何费用, 收取信息处理费0元. (Folded text has : for ：.)
FEE_NONE_CHARGED = (
    rf"(?:未|没有|无|不存在|未有|均未|未曾){IN_CLAUSE}{{0,12}}?收取{IN_CLAUSE}{{0,16}}?(?:处理费|费用)"
    rf"|未发生{IN_CLAUSE}{{0,6}}?收费"
    rf"|收取{IN_CLAUSE}{{0,16}}?(?:处理费|费用)[共计为:]{{0,3}}(?:0|零)(?:\.0+)?\s*(?:元|万元)"
)
#: "An amount was charged": 收取信息处理费0.02万元, 实际收取信息处理费共计300元. (Three
#: look-behinds of a character each, not one of a class of three: see IN_CLAUSE.)
FEE_CHARGED = (
    rf"(?<!未)(?<!无)(?<!没)收取{IN_CLAUSE}{{0,16}}?(?:处理费|费用)(?:共计|合计|总计|金额)?[为:]?"
    r"(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>万元|元)"
)
