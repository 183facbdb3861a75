"""xxgk-lint: a linter for 政府信息公开工作年度报告.

(Government information disclosure annual reports of Chinese administrative bodies.)
"""

__version__ = "0.1.0"
