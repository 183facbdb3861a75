"""What the format asks of a report beyond its sections and tables: the title, the
statistics period, the fee statement — and the words real reports use for them.

Source: ``format-2021.md`` ("Other content the format requires", "Titles in other words")
and ``domain-notes.md`` §4.2–4.3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from xxgk_lint.format.normalise import with_traditional


@dataclass(frozen=True)
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
#: wording is 政府信息公开工作年度报告; each variant names the agency before the year.
REPORT_NAME = Vocabulary(
    words=(r"(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)",),
    variants=(
        "2023年度政府信息公开工作报告",
        "2023年政府信息公开年度报告",
        "2023年度政府信息公开工作年度报告",
        "2023年政府信息公开工作报告",
    ),
)

#: A year as titles print it: 2023年, 2023年度, 2023 年.
TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?")

#: Words that introduce the statistics period (统计期限), specific before loose: the loose
#: ones (所列数据, 截止时间) are only tried when no specific one is found.
PERIOD_WORDS = (
    Vocabulary(
        words=(r"统计(?:期限|时限|期间|时段|区间|周期|时间)", r"数据(?:期限|统计期|时限)"),
        variants=(
            "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止",
            "报告数据统计期限为2023年1月1日至2023年12月31日",
            "统计期限为2023年1月1日至12月31日",
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
