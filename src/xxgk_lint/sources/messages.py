"""Chinese wording of the readers' one-line problems (XG001), for ``lang: zh``.

Readers raise :class:`~xxgk_lint.sources.model.InputError` with an English sentence (they
are also used as a library); this table gives the user-facing Chinese. A message with no
entry is shown as it is.
"""

from __future__ import annotations

import re

from xxgk_lint.phrasebook import Phrasebook

_CONVERT = "请先转换，例如 `libreoffice --headless --convert-to docx FILE`"

_ZH = Phrasebook(
    (
        (r"^the file is empty$", "文件为空"),
        (r"^no such file$", "文件不存在"),
        (r"^permission denied$", "没有读取权限"),
        (r"^is a directory$", "这是一个目录"),
        (
            r"^is a named pipe \(FIFO\), not a regular file$",
            "这是一个命名管道（FIFO），不是普通文件",
        ),
        (r"^is a device, not a regular file$", "这是一个设备文件，不是普通文件"),
        (r"^is a socket, not a regular file$", "这是一个套接字，不是普通文件"),
        (r"^is not a regular file$", "不是普通文件"),
        (r"^a loop of symbolic links$", "符号链接构成循环，无法读取"),
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
            r"^starts with a UTF-16 BOM but is not valid UTF-16.*",
            "文件以 UTF-16 BOM 开头，但内容不是有效的 UTF-16",
        ),
        (
            r"^not a government information disclosure annual report.*; the file holds (\d+) "
            r"pictures?.*",
            r"不是政府信息公开工作年度报告：没有找到章节标题（一、总体情况……），也没有统计表；"
            r"文件中有 \1 张图片，报告可能以图片（扫描件）发布，无法核对，请发布文字版本",
        ),
        (
            r"^not a government information disclosure annual report: .*; the page links to a "
            r"document that may hold it: (.*)$",
            r"不是政府信息公开工作年度报告：网页中没有找到章节标题（一、总体情况……），也没有统计表；"
            r"网页链接的文件可能才是报告：\1，请检查该文件",
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
        (
            r"^the PDF's text layer cannot be read.*",
            "PDF 的文字层无法读取：字体没有说明所画的是哪些字"
            "（缺少 ToUnicode 映射，或映射到私用区编码），提取出的文字是乱码；"
            "请先进行 OCR 文字识别，例如 `ocrmypdf --force-ocr in.pdf out.pdf`",
        ),
        (
            r"^the PDF's numbers cannot be read.*page (\d+)'s.*",
            r"PDF 中的数字无法读取：数字所用的字体没有说明所画的是哪些字"
            r"（缺少 ToUnicode 映射），第 \1 页提取出的文字中应为数字处都是乱码；"
            "请先进行 OCR 文字识别，例如 `ocrmypdf --force-ocr in.pdf out.pdf`",
        ),
        (r"^the PDF has no pages$", "PDF 没有页面"),
        (
            r"^the PDF is password-protected.*",
            "PDF 设有密码保护，请先解除密码后再检查，"
            "例如 `qpdf --decrypt --password=密码 in.pdf out.pdf`",
        ),
        (r"^the PDF is encrypted.*", "PDF 使用了不支持的加密方式"),
        (
            r"^not a readable PDF: damaged, truncated or not a PDF\b.*",
            "无法读取的 PDF 文件（文件已损坏、不完整，或并非 PDF 文件）",
        ),
        (
            r"(?i)^not a readable PDF: .*\(PDFium: file access error\)$",
            "无法读取的 PDF 文件（PDFium 无法访问文件内容）",
        ),
        (
            r"(?i)^not a readable PDF: .*\(PDFium: page not found or content error\)$",
            "无法读取的 PDF 文件（页面缺失或页面内容有误）",
        ),
        (
            r"(?i)^not a readable PDF: .*\(PDFium: unknown error\)$",
            "无法读取的 PDF 文件（PDFium 无法读取，原因不明）",
        ),
        (r"^not a readable PDF: (.*)$", r"无法读取的 PDF 文件（\1）"),
        (
            r"^cannot read PDF files: the pypdfium2 package is missing$",
            "无法读取 PDF 文件：未安装 pypdfium2 包",
        ),
        (
            r"^malformed HTML: the page has no text \(an empty or truncated page\)$",
            "HTML 网页中没有文字（网页为空或不完整）",
        ),
        (
            r"^malformed HTML: no HTML tags found \(a plain-text file named \.html\?\)$",
            "HTML 网页中没有 HTML 标签（可能是以 .html 命名的纯文本文件）",
        ),
        (
            r"^malformed HTML: binary data \(NUL bytes\), not a web page$",
            "二进制数据（含 NUL 字节），不是网页",
        ),
        (r"^malformed HTML: binary data, not a web page$", "二进制数据，不是网页"),
        (
            r"^not a valid Word \.docx document: not a zip archive \(the file is damaged, or is "
            r"not a \.docx\)$",
            "不是有效的 Word .docx 文档（不是 zip 压缩包：文件已损坏，或并非 .docx 文件）",
        ),
        (
            r"^not a valid Word \.docx document: a zip archive without a Word document in it$",
            "不是有效的 Word .docx 文档（压缩包中没有 Word 文档）",
        ),
        (
            r"^not a valid Word \.docx document: a part of the document is missing \((.*)\)$",
            r"不是有效的 Word .docx 文档（文档缺少部分内容：\1）",
        ),
        (
            r"^not a valid Word \.docx document: the package is not a Word document "
            r"\(its main part is (.*)\)$",
            r"不是有效的 Word .docx 文档（文件包不是 Word 文档：主文档部分的类型为 \1）",
        ),
        (
            r"^not a valid Word \.docx document: the XML of (.*) is damaged "
            r"\(line (\d+), column (\d+)\)$",
            r"不是有效的 Word .docx 文档（\1 的 XML 已损坏：第 \2 行第 \3 列）",
        ),
        (
            r"^not a valid Word \.docx document: the list of content types "
            r"\(\[Content_Types\]\.xml\) is damaged$",
            "不是有效的 Word .docx 文档（内容类型清单 [Content_Types].xml 已损坏）",
        ),
        (
            r"^not a valid Word \.docx document: the main document part \((.*)\) is not a "
            r"Word document$",
            r"不是有效的 Word .docx 文档（主文档部分 \1 不是 Word 文档内容）",
        ),
        (
            r"^not a valid Word \.docx document: the main document part \((.*)\) has no body$",
            r"不是有效的 Word .docx 文档（主文档部分 \1 没有正文）",
        ),
        (
            r"^not a valid Word \.docx document: the package is damaged \(its parts are not "
            r"those of a Word document\)$",
            "不是有效的 Word .docx 文档（文件包已损坏：其组成部分不符合 Word 文档的结构）",
        ),
        (r"^not a valid Word \.docx document: (.*)$", r"不是有效的 Word .docx 文档（\1）"),
        (
            r"^a legacy Office \(\.doc/\.wps\) file is not supported.*",
            f"不支持旧版 Office（.doc/.wps）文件；{_CONVERT}",
        ),
        (
            r"^a zip archive that is not a Word \.docx document.*",
            f"压缩包不是 Word .docx 文档；{_CONVERT}",
        ),
    )
)

#: The operating system's reasons a file cannot be read (``strerror``, as ``cannot read the
#: file (…)`` gives it), in Chinese: the common ones; another is shown as it is.
_READ = re.compile(r"^cannot read the file \((.*)\)$")
_OS_ZH = {
    "Input/output error": "输入/输出错误",
    "File name too long": "文件名过长",
    "Device or resource busy": "设备或资源忙",
    "Stale file handle": "文件句柄已失效",
    "Too many open files": "打开的文件过多",
    "Operation not permitted": "操作不被允许",
    "Resource temporarily unavailable": "资源暂时不可用",
    "Transport endpoint is not connected": "网络存储未连接",
    "Cannot allocate memory": "内存不足",
}

#: A file of a kind no reader reads (``sources._UNSUPPORTED``): its kind in Chinese.
_UNSUPPORTED = re.compile(r"^(.*) is not supported; xxgk-lint reads.*")
_KINDS_ZH = {
    "a legacy Word .doc file": "旧版 Word .doc 文件",
    "a WPS document": "WPS 文档",
    "a WPS spreadsheet": "WPS 表格",
    "a legacy Excel file": "旧版 Excel 文件",
    "an Excel file": "Excel 文件",
    "an RTF file": "RTF 文件",
    "an OFD document": "OFD 文档",
    "an image": "图片",
}

#: A reader's problem inside an HTML one (``malformed HTML: the file is empty``, a page
#: that does not decode): the inner problem is said in Chinese by the table.
_HTML = "malformed HTML: "


#: A file over one of the reading limits: "over the limit KEY = N (what was found)".
_OVER = re.compile(r"^over the limit ([a-z-]+) = (\d+) \((.*)\)$")

#: What was found, as the readers say it (limits.over), in Chinese; first match wins.
_FOUND_ZH = Phrasebook(
    (
        (r"^more than (\d+) bytes$", r"超过 \1 字节"),
        (r"^(\d+) bytes$", r"\1 字节"),
        (r"^more than (\d+) lines$", r"超过 \1 行"),
        (r"^(\d+) lines$", r"\1 行"),
        (r"^more than (\d+) table cells$", r"超过 \1 个表格单元格"),
        (r"^(\d+) table cells$", r"\1 个表格单元格"),
        (r"^(\d+) TAB and \| separators$", r"\1 个制表符和 | 分隔符"),
        (
            r"^elements nested (\d+) deep or more, the most the parser keeps$",
            r"元素嵌套 \1 层或更深，已达解析器所能保留的最大层数",
        ),
        (r"^elements nested (\d+) deep$", r"元素嵌套 \1 层"),
        (r"^(\d+) zip members$", r"压缩包内有 \1 个文件"),
        (r"^all members unpack to (\d+) bytes$", r"全部文件解压后共 \1 字节"),
        (r"^(.+) unpacks to (\d+) bytes$", r"\1 解压后为 \2 字节"),
        (r"^(\d+) pages$", r"\1 页"),
        (r"^(\d+) objects on page (\d+)$", r"第 \2 页有 \1 个对象"),
        (r"^(\d+) characters on page (\d+)$", r"第 \2 页有 \1 个字符"),
        (r"^streams that unpack to more than (\d+) bytes$", r"压缩数据流解压后超过 \1 字节"),
    )
)


def localise(message: str, lang: str) -> str:
    """The reader's problem in the user's language."""
    if lang == "en":
        return message
    over = _OVER.match(message)
    if over:
        key, limit, found = over.groups()
        return f"超出读取限制 {key} = {limit}（{_FOUND_ZH.translate(found) or found}）"
    unreadable = _READ.match(message)
    if unreadable:
        return f"无法读取文件（{_OS_ZH.get(unreadable.group(1), unreadable.group(1))}）"
    unsupported = _UNSUPPORTED.match(message)
    if unsupported:
        kind = _KINDS_ZH.get(unsupported.group(1), unsupported.group(1))
        return (
            f"不支持此类文件（{kind}）；xxgk-lint 可读取 .txt、.md、.html/.htm、.docx 和 .pdf "
            f"文件，{_CONVERT}"
        )
    said = _ZH.translate(message)
    if said is not None:
        return said
    if message.startswith(_HTML):
        inner = message[len(_HTML) :]
        return f"HTML 网页无法解析：{localise(inner, lang)}"
    return message
