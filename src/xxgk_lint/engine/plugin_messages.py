"""Chinese wording of the problems registration finds in a plugin's rules, for ``lang: zh``.

:mod:`xxgk_lint.engine.metacheck` says what is wrong with a rule in English: the same
sentence is raised by ``@rule`` to the plugin's author (as ``RuleDefinitionError``) and is
the registration error of a run. A run in Chinese shows it through this table, as
:mod:`xxgk_lint.sources.messages` does for the readers' problems. A problem with no entry
is shown as it is.
"""

from __future__ import annotations

from xxgk_lint.phrasebook import Phrasebook

_ZH = Phrasebook(
    (
        (
            r"^rule code (.+) is not a prefix of 1 to 3 capital letters and 3 digits.*$",
            r"规则代码 \1 应为 1 至 3 个大写字母加 3 位数字（flake8 风格，如 AC101）",
        ),
        (
            r"^rule code (\S+) takes the prefix (\S+), which is reserved.*$",
            r"规则代码 \1 使用了 \2 前缀，\2 留给 xxgk-lint 自己的规则",
        ),
        (r"^rule metadata is (\S+), not a RuleMeta$", r"规则元数据是 \1，不是 RuleMeta"),
        (r"^rule name (.+) is not kebab-case$", r"规则名称 \1 应为小写字母、数字和连字符"),
        (r"^rule (\S+): severity (.+) is not a Severity$", r"规则 \1：级别 \2 不是 Severity"),
        (
            r"^rule (\S+): (\S+) must map languages \(zh, en\) to text$",
            r"规则 \1：\2 应为语言（zh、en）到文本的映射",
        ),
        (
            r"^rule (\S+): (\S+) has an unknown language (\S+) \(languages: zh, en\)$",
            r"规则 \1：\2 有未知语言 \3（语言：zh、en）",
        ),
        (
            r"^rule (\S+) has no Chinese \(zh\) docs \(a RuleDoc\)$",
            r"规则 \1 缺少中文（zh）docs（应为 RuleDoc）",
        ),
        (
            r"^rule (\S+) has no Chinese \(zh\) (docs|messages|summary)(.*)$",
            r"规则 \1 缺少中文（zh）\2\3",
        ),
        (
            r"^rule (\S+): messages\[(\S+)\] must map (?:message|str) keys to (?:str )?templates$",
            r"规则 \1：messages[\2] 应为消息键到模板文本的映射",
        ),
        (r"^rule (\S+): message (\S+) \((\w+)\): (.*)$", r"规则 \1：消息 \2（\3）：\4"),
        (
            r"^rule (\S+): message (\S+) exists in (\w+) but not in zh$",
            r"规则 \1：消息 \2 只有 \3 的，没有中文（zh）的",
        ),
        (r"^rule (\S+): options must be RuleOption objects$", r"规则 \1：选项应为 RuleOption"),
        (r"^rule (\S+): an option has no name$", r"规则 \1：有一个选项没有名称"),
        (r"^rule (\S+): option (\S+) is declared twice$", r"规则 \1：选项 \2 重复声明"),
        (
            r"^rule (\S+): the default of option (\S+) (.*)$",
            r"规则 \1：选项 \2 的默认值不合要求（\3）",
        ),
        (
            r"^rule (\S+): every summary must be a non-empty str$",
            r"规则 \1：每种语言的摘要都应为非空文本",
        ),
        (r"^rule (\S+): docs\[(\S+)\] must be a RuleDoc$", r"规则 \1：docs[\2] 应为 RuleDoc"),
        (r"^rule (\S+): docs\[(\S+)\]\.(\w+) must be a str$", r"规则 \1：docs[\2].\3 应为文本"),
        (r"^rule (\S+): (check|check_run) is not callable$", r"规则 \1：\2 不可调用"),
        (
            r"^rule (\S+): severity (.+) is not error, warning or info$",
            r"规则 \1：级别 \2 应为 error、warning 或 info",
        ),
        # the format model's refusals (check_address), for a key in ``uses``
        (r"^(.*)'(.+)': no table '(.+)' \(tables: (.*)\)$", r"\1“\2”：没有表“\3”（表：\4）"),
        (r"^(.*)'(.+)': table '(.+)' has no row '(.+)'$", r"\1“\2”：表“\3”没有行“\4”"),
        (r"^(.*)'(.+)': (?:row|table) '(.+)' has no column '(.+)'$", r"\1“\2”：“\3”没有列“\4”"),
    )
)


def problem_zh(problem: str) -> str:
    """A registration problem (metacheck's English sentence) in Chinese."""
    return _ZH.translate(problem) or problem
