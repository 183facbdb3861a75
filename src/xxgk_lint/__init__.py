"""xxgk-lint: a linter for 政府信息公开工作年度报告 (government information disclosure annual reports)."""

__version__ = "0.1.0"
