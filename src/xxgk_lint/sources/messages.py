"""Chinese wording of the readers' one-line problems (XG001), for ``lang: zh``.

Readers raise :class:`~xxgk_lint.sources.model.InputError` with an English sentence (they
are also used as a library); this table gives the user-facing Chinese. A message with no
entry is shown as it is.
"""

from __future__ import annotations

import re

_CONVERT = "请先转换，例如 `libreoffice --headless --convert-to docx FILE`"

_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), template)
    for pattern, template in (
        (r"^the file is empty$", "文件为空"),
        (r"^no such file$", "文件不存在"),
        (r"^permission denied$", "没有读取权限"),
        (r"^is a directory$", "这是一个目录"),
        (r"^cannot read the file \((.*)\)$", r"无法读取文件（\1）"),
        (r"^binary file.*", "二进制文件（含 NUL 字节），不是文本报告"),
        (
            r"^cannot detect the character encoding.*",
            "无法识别字符编码（不是 UTF-8 或 GB18030 文本）",
        ),
        (
            r"^starts with a UTF-8 BOM but is not valid UTF-8.*",
            "文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8",
        ),
        (
            r"^not a government information disclosure annual report.*",
            "不是政府信息公开工作年度报告：没有找到章节标题（一、总体情况……），也没有统计表",
        ),
        (
            r"^the PDF has no text layer.*",
            "PDF 没有文字层（可能是扫描图片），请先进行 OCR 文字识别，"
            "例如 `ocrmypdf in.pdf out.pdf`",
        ),
        (r"^the PDF has no pages$", "PDF 没有页面"),
        (r"^the PDF is password-protected.*", "PDF 设有密码保护，请先解除密码后再检查"),
        (r"^the PDF is encrypted.*", "PDF 使用了不支持的加密方式"),
        (r"^not a readable PDF: (.*)$", r"无法读取的 PDF 文件（\1）"),
        (r"^malformed HTML: (.*)$", r"HTML 网页无法解析（\1）"),
        (r"^not a valid Word \.docx document: (.*)$", r"不是有效的 Word .docx 文档（\1）"),
        (
            r"^a legacy Office \(\.doc/\.wps\) file is not supported.*",
            f"不支持旧版 Office（.doc/.wps）文件；{_CONVERT}",
        ),
        (
            r"^a zip archive that is not a Word \.docx document.*",
            f"压缩包不是 Word .docx 文档；{_CONVERT}",
        ),
        (
            r"^(.*) is not supported; xxgk-lint reads.*",
            r"不支持此类文件（\1）；xxgk-lint 可读取 .txt、.md、.html/.htm、.docx 和 .pdf 文件，"
            + _CONVERT,
        ),
    )
)


def localise(message: str, lang: str) -> str:
    """The reader's problem in the user's language."""
    if lang == "en":
        return message
    for pattern, template in _ZH:
        if pattern.match(message):
            return pattern.sub(template, message, count=1)
    return message
