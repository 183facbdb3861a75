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
    "sub": ("其中", "包括", "含"),
    "delta": ("同比", "较上年", "比上年", "较去年", "增长", "增加", "减少", "下降", "上升"),
    "review": ("行政复议", "复议"),
    "litigation": ("行政诉讼", "诉讼", "起诉"),
    "each": ("各",),
    "none": ("未收到", "没有收到", "未发生", "没有发生", "未出现", "不存在", "无(?!法|正当|其他)"),
    "upheld": ("维持",),
    "disclosure": ("主动公开", "公开信息", "发布信息"),
}

#: Units that make a number a count of cases.
COUNT_UNITS = ("件", "宗", "起")
