"""What the format asks of a report beyond its sections and tables: the title, the
statistics period, the fee statement — and the words real reports use for them.

Source: ``format-2021.md`` ("Other content the format requires", "Titles in other words")
and ``domain-notes.md`` §4.2–4.3.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property

from xxgk_lint.format.normalise import with_traditional
from xxgk_lint.memo import compiled
from xxgk_lint.records import record


@record(eq=False)
class Vocabulary:
    """Words (regular expressions over normalised text) and the real wordings they cover."""

    words: tuple[str, ...]
    variants: tuple[str, ...] = ()

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile("|".join(self.words))

    @cached_property
    def raw_pattern(self) -> re.Pattern[str]:
        """The words over raw text, simplified or traditional (no folding needed)."""
        return re.compile("|".join(with_traditional(w) for w in self.words))


#: The name of the report, as a title prints it after the body and the year. The official
#: wording is 政府信息公开工作年度报告 (also …工作的年度报告); each variant names the agency
#: before the year.
REPORT_NAME = Vocabulary(
    words=(r"(?:政府信息公开|政务公开|信息公开)(?:工作)?的?(?:年度)?(?:情况)?(?:报告|年报)",),
    variants=(
        "2023年度政府信息公开工作报告",
        "2023年政府信息公开年度报告",
        "2023年度政府信息公开工作年度报告",
        "2023年政府信息公开工作报告",
        "2023年度政府信息公开工作情况报告",
    ),
)

#: A year as titles print it: 2023年, 2023年度, 2023 年, 二〇二三年 (digit by digit; read
#: with :func:`xxgk_lint.parse.numerals.chinese_int`).
TITLE_YEAR = re.compile(
    r"((?:19|20)\d{2}|(?:一九|二[〇○零])[〇○零一二三四五六七八九]{2})\s*年(?:度)?"
)

#: What a title's agency ends with, when the title is wrapped over two lines (白石县自然资源局
#: / 2023年政府信息公开工作年度报告): a line ending so, just above a title that starts with
#: its year, is the title's first line. The endings of the bodies that publish reports.
#: Compiled when first read (``AGENCY_END``, see ``__getattr__``): only a title wrapped
#: over two lines needs it, and compiling it is a tenth of a millisecond of every start.
_AGENCY_END = (
    r"(?:局|委员会|委|办公室|办|厅|院|府|政府|部|署|会|中心|站|所|处|队|馆|街道|镇|乡|区|县|市|州|盟|旗"
    r"|公司)$"
)


def __getattr__(name: str) -> re.Pattern[str]:
    """The module's lazily compiled pattern ``AGENCY_END``."""
    if name == "AGENCY_END":
        return compiled(_AGENCY_END)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Brackets a section heading may be printed in, opening and closing (【一、总体情况】,
#: 〖二、主动公开政府信息情况〗, ［三、…］, 〔四、…〕): a decoration of the heading, as bold
#: (**一、总体情况**) is. Only around a section numeral and title: a bracketed line of a
#: web page's chrome (【图解】, 【打印本页】, 【字体：大 中 小】) stays no heading. Written
#: into the grammar's HEADING by ``python -m xxgk_lint.format.terminals``.
HEADING_OPEN = "【〖［〔"
HEADING_CLOSE = "】〗］〕"

#: The marks that may stand around a heading's numeral or title, and before its opening
#: bracket: markdown's heading marks, bold, blanks (:func:`heading_lead` adds the
#: decorations).
HEADING_MARKS = "#* \t\u3000"
#: The Unicode categories of a heading's decorations: symbols (▎ ▌ ▲ ◆ ■ ● ★ → 📌 🔹 ✅),
#: and the marks and format characters an emoji is written with (its variation selector,
#: a joiner).
_DECORATION_CATEGORIES = frozenset({"So", "Sm", "Sk", "Mn", "Me", "Cf"})


def heading_lead(text: str) -> int:
    """Where a heading's numeral or title starts in ``text``: after the marks printed before
    it — markdown's ``#``, bold's ``*``, blanks — and the decorations a WeChat article or a
    designed page sets before a heading (▎一、总体情况, 📌二、…, ◆ 三、…, ▲四、…): symbols,
    never a letter, a digit or a bracket (（一） and ① are numerals; 【一、…】 is
    :func:`unbracketed`'s)."""
    for at, char in enumerate(text):
        if char in HEADING_MARKS:
            continue
        if char.isalnum() or unicodedata.category(char) not in _DECORATION_CATEGORIES:
            return at
    return len(text)


def unbracketed(heading: str) -> str:
    """``heading`` without the brackets it is printed in (【六、其他】 → 六、其他; **〔一、
    总体情况〕** → **一、总体情况**), for reading its numeral and words; any other text as
    it is. The closing bracket is the last one of its kind (what follows it, a colon or
    。, stays)."""
    body = heading.lstrip(HEADING_MARKS)
    if not body or body[0] not in HEADING_OPEN:
        return heading
    start = len(heading) - len(body)
    end = heading.rfind(HEADING_CLOSE[HEADING_OPEN.index(body[0])])
    if end < start:
        return heading[:start] + heading[start + 1 :]
    return heading[:start] + heading[start + 1 : end] + heading[end + 1 :]


#: The word that joins an agency to what it reports on (白石县自然资源局关于2023年…报告): not part
#: of the agency's name.
ABOUT = "关于"

#: Words that introduce the statistics period (统计期限, 统计数据起止时间), specific before
#: loose: the loose ones (所列数据, 截止时间) are only tried when no specific one is found.
PERIOD_WORDS = (
    Vocabulary(
        words=(
            r"统计(?:期限|时限|期间|时段|区间|周期|时间|(?:数据)?起止(?:时间|日期))",
            r"数据(?:期限|统计期|时限|(?:统计)?起止(?:时间|日期))",
        ),
        variants=(
            "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止",
            "报告数据统计期限为2023年1月1日至2023年12月31日",
            "统计期限为2023年1月1日至12月31日",
            "本报告统计数据起止时间为2023年1月1日至2023年12月31日",
        ),
    ),
    Vocabulary(
        words=("所列数据", "截[止至]时间"),
        variants=("本报告所列数据期限截止时间为2023年12月31日,统计数据为2023年1月1日以来",),
    ),
)

#: How section 六 speaks of the information processing fee (信息处理费, 国办函〔2020〕109号):
#: the naming drifts (信息处理费, 政府信息处理费用, 信息公开处理费), and statements such as
#: 未发生收费情况 or 未收取任何费用 count. Never the 行政事业性收费 of table 二.
FEE_STATEMENT = Vocabulary(
    words=("处理费", "收费", "收取.{0,12}费", "费用", "缴费"),
    variants=("信息公开处理费", "未发生收费情况", "未收取任何费用", "政府信息处理费用"),
)

#: The fee regime of 国办函〔2020〕109号 applies from the reports for this year on.
FEE_REGIME_FROM = 2021

#: The five topics the format gives the prose of 一, 总体情况 (FMT21: 主动公开、依申请公开、
#: 政府信息管理、政府信息公开平台建设、监督保障), as its sub-headings word them. Numbered
#: sub-headings on two of them show where 一 is when its heading is left out.
OVERVIEW_TOPICS = Vocabulary(
    words=(
        r"(?:政府信息)?主动公开(?:政府信息)?(?:情况|方面|工作)?",
        r"(?:政府信息公开)?依申请公开(?:情况|方面|工作)?",
        r"政府信息(?:公开)?管理(?:情况|方面|工作)?",
        r"(?:政府信息公开)?(?:平台|公开平台)建设(?:情况|方面|工作)?",
        r"监督保障(?:机制|情况|方面|工作)?",
    ),
    variants=(
        "（一）主动公开情况",
        "（一）主动公开方面",
        "（五）监督保障机制",
        "（四）政府信息公开平台建设情况",
    ),
)

#: The sub-headings the format gives the prose of 一 and 五: the five topics of 总体情况
#: and 五's problems and improvements. A sentence that is nothing but one of them
#: (（一）主动公开情况。) is the format's wording, not the body's own: XG603 does not count
#: it as copied prose. Each word is a whole sentence once its numbering and punctuation
#: are removed.
OUTLINE_HEADINGS = Vocabulary(
    words=(
        *OVERVIEW_TOPICS.words,
        r"(?:存在的?)?(?:主要)?问题(?:情况)?",
        r"(?:改进|整改)(?:情况|措施|方面)?",
    ),
    variants=(*OVERVIEW_TOPICS.variants, "（一）存在的主要问题", "（二）改进情况"),
)

#: Words a table cell holds where a number belongs to say there is nothing to count: blank
#: marks, like the / — 无 the grammar's PLACEHOLDER terminal reads (XG004 reports them as
#: "填写的是“暂无”而不是数字（没有发生的填0）"). Normalised text (width folded: Ｎ／Ａ is
#: N/A), upper-cased. 暂无 is "none yet", 不涉及 and N/A "not applicable", 空 "blank".
#: Other words where a number belongs are text cells, not blank marks: 一 a dash or a
#: one, 若干 — a reader cannot tell which number was meant, so XG004 reports them as
#: "应为数字". (None is longer than three characters: the cell reader tests only short
#: texts.)
BLANK_MARKS = frozenset({"暂无", "不涉及", "空", "N/A"})

#: The slashes and dashes the grammar's PLACEHOLDER terminal reads as a blank cell (one
#: slash, or one or two dashes), and its one word, 无. The dashes: the ASCII hyphen, the
#: full-width one, the em, en and horizontal-bar dashes, and the minus-like ones a word
#: processor or an input method makes of a typed dash — U+2212 (−, Word's minus), U+2012
#: (‒), U+2010 (‐), U+FE63 (﹣) and U+30FC (ー, the long-vowel mark a Japanese input method
#: gives for a dash key; no number looks like it, where 一 may be a one). Written into the
#: grammar by ``python -m xxgk_lint.format.terminals``.
BLANK_SLASHES = "/／"
BLANK_DASHES = "-－—–―−‒‐﹣ー"
BLANK_WORD = "无"

#: Zero written as a word, alone in a cell: 〇 and 零 are the Chinese numeral zero (二〇二三年,
#: 零件 is not one: the whole cell must be the word), ○ (U+25CB) the circle input methods
#: offer for 〇 and reports print for it (二○二三年, read as a year by TITLE_YEAR). In a
#: cell where a number belongs they can mean nothing but 0: read as 0.
ZERO_WORDS = frozenset({"〇", "零", "○"})

#: Marks of no one meaning that stand where a number belongs: … (the statistical "too
#: small to show", or a gap), ～, *, ×, \ (also what a markdown escape leaves), the
#: letter O (a zero or a mark). Not a blank of the format, nor a number: the cell is text
#: (XG004 "应为数字"), yet a cell — a row of them is a row of the table, not a label.
#: Normalised text (… is ..., ～ is ~), upper-cased; * is looked up as printed
#: (normalising removes it).
STRAY_MARKS = frozenset({"...", "......", "~", "~~", "*", "**", "×", "\\", "O", "X"})

#: The units a count may be printed with after it in its cell (1493件, 3项, 9次): the
#: format's tables count 件 (its blocks are 单位：件: documents, decisions, applications,
#: cases); reports write the same counts in the units of what is counted — 项 and 个 (items),
#: 份 and 条 (documents: 规章, 规范性文件), 次 and 人次 (decisions and actions: 行政许可,
#: 行政处罚, 行政强制), 起 and 宗 (review and litigation cases). A count printed with one is
#: that count; a money unit (万元) never is one.
COUNT_UNITS = ("件", "项", "个", "份", "条", "次", "人次", "起", "宗")

#: The marks that end a sentence (what a heading or a table's label never holds): full and
#: half width.
SENTENCE_ENDS = "。；;！!？?"

#: The marks an amount of money may be printed with before its number (¥12.35万元; ￥ is ¥
#: normalised): the number is an amount, never a count.
CURRENCY_MARKS = ("¥", "人民币")

#: A number, with a unit after it or none, alone in a cell (normalised text: 1,493件,
#: 12.35万元, 0(万元), 12), maybe a currency mark before it (¥12.35万元): the number, the
#: unit and the mark. Which units a column reads is the column's
#: (:attr:`~xxgk_lint.format.model.ColumnSpec.unit`: COUNT_UNITS for a count, a unit of
#: model.MONEY_UNITS for money). (A pattern's text: compiled when first needed.)
_UNITS = "|".join((*COUNT_UNITS, "亿元", "万元", "千元", "元"))
UNIT_AFTER = (
    rf"(?P<currency>{'|'.join(CURRENCY_MARKS)})?"
    r"(?P<number>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)"
    rf"(?:(?P<unit>{_UNITS})|\((?P<bracketed>{_UNITS})\))?"
)
