"""How the prose of a report speaks of the tables: the words of its numeric claims.

Reports restate their tables in sentences (共收到政府信息公开申请22件，办结20件，结转下年度
2件; 办理行政复议、诉讼各1件，均结果维持). Each *topic* here is a set of words (regular
expressions over NFKC-folded text) that a claim's count refers to; which table cells a
topic may mean is decided by the rules that compare claims with tables (XG501, XG502).
Words are tried longest first at each position, so 上年结转 is a carry-in, never a
结转 (carry-out).
"""

from __future__ import annotations

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
        "受理",
        "共收",
        "新增申请",
    ),
    "close": ("办结", "答复", "办理完毕", "处理完毕", "已办理", "予以答复", "作出答复"),
    "application": ("依申请公开", "信息公开申请", "申请"),
    # 其中…, and a breakdown in brackets: the counts after it are parts of the one before.
    "sub": ("其中", "包括", "含", "（", "\\("),
    "delta": ("同比", "较上年", "比上年", "较去年", "增长", "增加", "减少", "下降", "上升"),
    "review": ("行政复议", "复议"),
    "litigation": ("行政诉讼", "诉讼", "起诉"),
    "each": ("各",),
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
    ),
    "upheld": ("维持",),
}

#: Units that make a number a count of cases.
COUNT_UNITS = ("件", "宗", "起")
