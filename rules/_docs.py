"""Small helpers shared by the rule modules (documentation and label lookups)."""

from __future__ import annotations

from xxgk_lint.engine.diagnostics import RuleDoc
from xxgk_lint.parse.template import TABLES

COLUMN_LABELS = {
    "zh": {
        "issued": "本年制发件数",
        "repealed": "本年废止件数",
        "in_force": "现行有效件数",
        "decisions": "本年处理决定数量",
        "amount": "本年收费金额",
        "natural_person": "自然人",
        "business": "商业企业",
        "research": "科研机构",
        "public_interest": "社会公益组织",
        "legal_service": "法律服务机构",
        "other_org": "其他",
        "total": "总计",
        "upheld": "结果维持",
        "corrected": "结果纠正",
        "other": "其他结果",
        "pending": "尚未审结",
    },
    "en": {
        "issued": "issued this year",
        "repealed": "repealed this year",
        "in_force": "in force",
        "decisions": "decisions this year",
        "amount": "fees collected",
        "natural_person": "natural persons",
        "business": "businesses",
        "research": "research institutions",
        "public_interest": "public-interest organisations",
        "legal_service": "legal service providers",
        "other_org": "other organisations",
        "total": "total",
        "upheld": "upheld",
        "corrected": "corrected",
        "other": "other results",
        "pending": "pending",
    },
}

TABLE_LABELS = {
    "zh": {
        "proactive": "主动公开政府信息情况表",
        "applications": "收到和处理政府信息公开申请情况表",
        "reviews": "行政复议、行政诉讼情况表",
    },
    "en": {
        "proactive": "proactive disclosure table",
        "applications": "applications table",
        "reviews": "administrative review and litigation table",
    },
}

ROW_LABELS_EN = {
    "regulations": "regulations (规章)",
    "normative_documents": "normative documents (行政规范性文件)",
    "licensing": "licensing (行政许可)",
    "penalties": "penalties (行政处罚)",
    "enforcement": "enforcement (行政强制)",
    "fees": "administrative fees (行政事业性收费)",
    "received": "applications received (一)",
    "carried_over": "carried over from last year (二)",
    "total": "total (（七）总计)",
    "carried_forward": "carried forward to next year (四)",
    "review": "administrative review",
    "litigation_direct": "litigation without prior review",
    "litigation_after_review": "litigation after review",
}


def column_label(lang: str, column: str) -> str:
    return COLUMN_LABELS.get(lang, COLUMN_LABELS["zh"]).get(column, column)


def table_label(lang: str, table: str) -> str:
    return TABLE_LABELS.get(lang, TABLE_LABELS["zh"]).get(table, table)


def row_label(lang: str, table: str, row: str) -> str:
    """The official label of a row (Chinese), or an English gloss with the key."""
    spec = TABLES[table].spec(row)
    official = spec.label if spec else row
    if lang == "en":
        return ROW_LABELS_EN.get(row, f"{official} [{row}]")
    return official


def docs(zh: tuple[str, str, str, str], en: tuple[str, str, str, str]) -> dict[str, RuleDoc]:
    """Build the bilingual doc mapping from (what, why, bad, good) tuples."""
    return {"zh": RuleDoc(*zh), "en": RuleDoc(*en)}
