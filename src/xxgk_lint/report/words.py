"""The audit page's words, in Chinese (the default) and English.

A file's status is worded where the statuses are defined
(:data:`~xxgk_lint.engine.results.STATUS_WORDS`): ``words(lang)[status]``.
"""

from __future__ import annotations

from xxgk_lint.engine.results import NOT_FINISHED, STATUS_WORDS


def _statuses(lang: str) -> dict[str, str]:
    """Each file status (``pass``, ``timed-out`` …) → its word in ``lang``."""
    return {status: said[lang] for status, said in STATUS_WORDS.items()}


WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "lang": "zh-CN",
        "title": "政府信息公开工作年度报告检查结果",
        "generated": "生成",
        "checked": "检查了",
        "more_paths": "等 {total} 处",
        "files": "文件",
        "errors": "错误",
        "warnings": "警告",
        "infos": "提示",
        "error": "错误",
        "warning": "警告",
        "info": "提示",
        "run_errors": "运行错误",
        "per_rule": "各规则发现的问题",
        "heatmap": "规则 × 机关：问题数",
        "heatmap_top": "{n} 个机关（共 {total} 个），错误最多的在前，其次按警告数",
        "heatmap_added": "；另加入 {added} 个机关，使每条规则至少显示一个有问题的机关",
        "heat_serious": "颜色深浅按错误和警告数",
        "heat_infos": "只有提示",
        "no_findings": "没有发现问题。",
        "table": "逐个文件",
        "filter": "筛选文件、机关……",
        "file": "文件",
        "agency": "机关",
        "year": "年度",
        "format": "格式版本",
        "kind": "文件类型",
        "status": "状态",
        "first": "第一个问题",
        "findings": "问题详情",
        "expected": "应为",
        "actual": "实际",
        "sep": "：",
        "comma": "，",
        "across": "比较多份报告的规则发现的问题",
        "sort_hint": "点击表头排序",
        "none": "—",
        "timed_out_title": f"文件已读取，但{NOT_FINISHED['zh']}；加大 --timeout 可让检查完成",
        **_statuses("zh"),
    },
    "en": {
        "lang": "en",
        "title": "Audit of annual government information disclosure reports",
        "generated": "generated",
        "checked": "checked",
        "more_paths": "and {n} more",
        "files": "files",
        "errors": "errors",
        "warnings": "warnings",
        "infos": "infos",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "run_errors": "run errors",
        "per_rule": "Findings per rule",
        "heatmap": "Rule × agency: findings",
        "heatmap_top": "{n} {agencies} (of {total}), most errors first, then most warnings",
        "heatmap_added": "; {added} more, so that each rule shows an agency with findings of it",
        "heat_serious": "shaded by errors and warnings",
        "heat_infos": "infos only",
        "no_findings": "No findings.",
        "table": "Files",
        "filter": "Filter files, agencies…",
        "file": "file",
        "agency": "agency",
        "year": "year",
        "format": "format version",
        "kind": "file type",
        "status": "status",
        "first": "first finding",
        "findings": "Findings",
        "expected": "expected",
        "actual": "actual",
        "sep": ": ",
        "comma": ", ",
        "across": "Findings of rules that compare reports",
        "sort_hint": "click a column header to sort",
        "none": "—",
        "timed_out_title": f"read, but {NOT_FINISHED['en']}; a larger --timeout lets it finish",
        **_statuses("en"),
    },
}

#: The file's kind (the reader used: FileResult.kind), as people are shown it: by the
#: page, by ``--summary``'s table (one naming in each language, everywhere).
KINDS: dict[str, dict[str, str]] = {
    "text": {"zh": "文本", "en": "text"},
    "html": {"zh": "HTML", "en": "HTML"},
    "docx": {"zh": "Word", "en": "Word"},
    "pdf": {"zh": "PDF", "en": "PDF"},
}


def kind_word(kind: str, lang: str) -> str:
    """``docx`` → ``Word``; ``text`` → ``文本`` in Chinese: a file's kind as it is shown
    (a kind of a plug-in reader that is not named here: as it is)."""
    return KINDS.get(kind, {}).get("en" if lang == "en" else "zh", kind)


#: The built-in rule families (code prefix and hundreds digit), as the table heads them.
FAMILIES: dict[str, dict[str, str]] = {
    "XG0": {"zh": "输入与格式", "en": "input & format"},
    "XG1": {"zh": "结构", "en": "structure"},
    "XG2": {"zh": "统计数字", "en": "arithmetic"},
    "XG3": {"zh": "统计期限", "en": "period"},
    "XG4": {"zh": "收费", "en": "fees"},
    "XG5": {"zh": "正文与统计表", "en": "prose vs tables"},
    "XG6": {"zh": "跨年度比较", "en": "across years"},
}


def words(lang: str) -> dict[str, str]:
    return WORDS["en" if lang == "en" else "zh"]
