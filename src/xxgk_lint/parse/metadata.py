"""Report metadata: title, agency, year, section numerals, dates the report states.

Read from running text, where reports vary most; the words come from the format model
(:mod:`xxgk_lint.format.document`) and every pattern here from real reports
(``format-2021.md``, ``domain-notes.md`` §4.3).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import repeat

from xxgk_lint.format.document import ABOUT, REPORT_NAME, TITLE_YEAR, unbracketed
from xxgk_lint.format.normalise import nfkc, normalise
from xxgk_lint.memo import bounded, compiled
from xxgk_lint.parse.lexer import LINE_KIND, LINE_NUMBER, LINE_TEXT, Line
from xxgk_lint.parse.numerals import chinese_int

#: The numerals of the sections (一 … 八, as a heading opens with one).
_NUMERALS = "一二三四五六七八"
#: Signs of a breadcrumb (首页 > 信息公开 > …): a line holding one is no title. (-> holds >.)
_BREADCRUMB = (">", "›", "»", "＞", "首页", "当前位置")
#: Signs of a link to another page (上一篇：…, 相关阅读, ….pdf): a web page's list of other
#: reports, never the report's own title. Not a bare 附件: a report sent as the attachment of
#: a notice may head its title so (附件：白石县…年度报告). (Compiled when first needed.)
_LINK = (
    r"(?i)上一[篇条]|下一[篇条]|相关(?:文章|阅读|链接|推荐|新闻|信息|文件)|推荐阅读"
    r"|附件下载|点击下载|\.(?:pdf|docx?|wps|html?)\b"
)
#: (Compiled when first needed: most reports head their problems.)
_IMPLICIT_PROBLEMS = r"^\(?[一1]\)?[、.]?(?:存在的?)?(?:主要)?问题|^存在的?主要问题"


def section_number(heading: str) -> str | None:
    """The numeral opening a heading (一、总体情况, ## 二、…, **三、…**, 第四部分…): after
    markdown heading marks and the spaces after them, then ``**``, then 第; inside the
    brackets it may be printed in (【四、…】). Read without a regular expression: compiling
    one would cost more than reading every heading."""
    text = unbracketed(heading).strip()
    at = len(text) - len(text.lstrip("#"))
    if at:
        while at < len(text) and text[at].isspace():
            at += 1
    if text.startswith("**", at):
        at += 2
    if text.startswith("第", at):
        at += 1
    first = text[at : at + 1]
    return first if first and first in _NUMERALS else None


def _breadcrumb(text: str) -> bool:
    return any(sign in text for sign in _BREADCRUMB)


def starts_problems(text: str) -> bool:
    """Whether a paragraph opens an unheaded problems section (（一）主要问题 …)."""
    return bool(compiled(_IMPLICIT_PROBLEMS).match(normalise(text)))


def title_score(text: str) -> int:
    """How much a line looks like the report's title: its name and a year, no breadcrumb
    and no sign of a link to another page."""
    norm = normalise(text)
    score = 0
    if REPORT_NAME.pattern.search(norm):
        score += 2
    if TITLE_YEAR.search(norm):
        score += 2
    if _breadcrumb(text) or compiled(_LINK).search(norm):
        score -= 4
    return score


def choose_title(
    candidates: Iterable[Line],
    stated_year: Callable[[], int | None] | None = None,
    page_year: int | None = None,
) -> Line | None:
    """The line that names the report: the best-scoring candidate, if any scores.

    A web page may name other reports above the title (a list of other years' reports, the
    same year's report of another body); each scores as the title does. When the
    best-scoring lines differ, the title is the one (1) whose year is the statistics
    period's (``stated_year``, asked only when their years differ), (2) standing alone
    rather than in a run of such lines (a list), (3) nearest the body: a page's chrome
    stands above the title, the title just above the report's first words. Copies of
    one line (a page header repeating the title) are one title: the first is taken.

    ``page_year`` is the year the page's own title names (an HTML page's ``<title>``):
    the lines naming it are preferred; and where every line names another year while the
    statistics period names the page's, none is this report's title — they are other
    reports the page lists (a sidebar of other years' reports above an article whose
    title stands only in ``<title>``): None.
    """
    scored = [(title_score(line[LINE_TEXT]), line) for line in candidates]
    best = max((score for score, _ in scored), default=0)
    if best <= 0:
        return None
    tops = [line for score, line in scored if score == best]
    years = [year_of_title(line[LINE_TEXT]) for line in tops]
    if page_year is not None:
        agreeing = [line for line, year in zip(tops, years, strict=True) if year == page_year]
        if agreeing:
            tops, years = agreeing, [page_year] * len(agreeing)
        elif None not in years and stated_year is not None and stated_year() == page_year:
            return None
    if len({clean_title(line[LINE_TEXT]) for line in tops}) == 1:
        return tops[0]
    if len(set(years)) > 1 and stated_year is not None:
        year = stated_year()
        agreeing = [line for line, named in zip(tops, years, strict=True) if named == year]
        if year is not None and agreeing:
            tops = agreeing
    numbers = {line[LINE_NUMBER] for score, line in scored if score == best}
    alone = [
        line
        for line in tops
        if line[LINE_NUMBER] - 1 not in numbers and line[LINE_NUMBER] + 1 not in numbers
    ]
    return (alone or tops)[-1]


def page_title_year(title: str | None) -> int | None:
    """The year a page's own title names, if it names the report (scores as a title)."""
    if not title or title_score(title) <= 0:
        return None
    return year_of_title(title)


def clean_title(text: str) -> str:
    """Strip markdown heading marks and emphasis from a title line."""
    return text.strip().lstrip("#").strip().strip("*").strip()


def agency_of(title: str) -> str | None:
    """The body named in the title: the text before the year, or between year and name
    (before the report's name when the title has no year).

    Titles put the agency before the year in every wording seen (…2023年度政府信息公开工作
    报告, …2023年政府信息公开年度报告); a few put the year first (2023年青山县…年度报告).
    """
    text = re.sub(r"\s+", "", nfkc(title))
    match = TITLE_YEAR.search(text)
    if not match:
        # No year in the title (青山县审计局政府信息公开工作年度报告): the body is what
        # stands before the report's name.
        name = REPORT_NAME.raw_pattern.search(text)
        if name is None:
            return None
        before = text[: name.start()].strip("《》“”\"'").partition(ABOUT)[0].rstrip("的")
        return before or None
    before = text[: match.start()].strip("《》“”\"'")
    before = before.partition(ABOUT)[0]  # 白石县人民政府办公室关于白石县2023年…
    if before:
        return before
    after = REPORT_NAME.pattern.split(normalise(text[match.end() :]))[0].strip("《》“”\"'的")
    return after or None


#: What stands between a verb and the body in an opening sentence that names the report
#: (现向社会公布 / 特此发布 / 现将…编制 …): the body is what follows the last of these.
_NAMING_VERBS = r"(?:公布|发布|印发|编制|形成|报送|呈报|现将|特将|是|为|由)"
#: The marks that end a clause of an opening sentence, and a quoted title (《…》: the title
#: of another document, such as the notice that asks for the reports).
_CLAUSE_ENDS = "。；;，,！!？?"
_QUOTED = r"《[^《》]*》"


def agency_of_opening(paragraphs: Iterable[str]) -> str | None:
    """The body an opening sentence names when the report has no title line (现向社会公布
    漳州古雷港经济开发区2023年政府信息公开工作年度报告): in the clause where the report's
    name first stands (outside 《》) after a year, the words before the year and after the
    last verb, if they end as a body's name does."""
    from xxgk_lint.format.document import AGENCY_END  # compiled when first needed

    for paragraph in paragraphs:
        text = "".join(nfkc(paragraph).split())
        if "报" not in text:  # (the report's name ends in 报告 or 年报: a C-level test first)
            continue
        text = compiled(_QUOTED).sub("", text)
        for name in _report_names(text):
            start = max(map(text.rfind, _CLAUSE_ENDS, repeat(0), repeat(name.start()))) + 1
            clause = text[start : name.start()]
            years = list(TITLE_YEAR.finditer(clause))
            if not years:
                continue
            before = compiled(_NAMING_VERBS).split(clause[: years[-1].start()])[-1]
            before = before.partition(ABOUT)[0].strip("“”\"'")
            if 0 < len(before) <= 30 and AGENCY_END.search(normalise(before)):
                return before
            return None
    return None


#: How far before its 报 the report's name may start (政府信息公开工作的年度情况报告: 14).
_NAME_REACH = 20


def _report_names(text: str) -> Iterator[re.Match[str]]:
    """The report's name wherever it stands in ``text``, found from each 报 (the pattern
    run over a whole paragraph costs ten times as much)."""
    at = text.find("报")
    while at != -1:
        name = REPORT_NAME.raw_pattern.search(text, max(0, at - _NAME_REACH), at + 2)
        if name is not None:
            yield name
        at = text.find("报", at + 1)


@bounded(1024)
def year_of_title(title: str) -> int | None:
    """The year a title names (once per title: the parser and XG303 both ask)."""
    match = TITLE_YEAR.search(nfkc(title))
    if not match:
        return None
    digits = match.group(1)
    return int(digits) if digits.isdigit() else chinese_int(digits)


def wrapped_title_start(title: Line, before: Line | None) -> bool:
    """Whether ``before`` is the first line of a title wrapped over two lines.

    A title is wrapped where it starts with its year (白石县自然资源局 / 2023年政府信息公开
    工作年度报告) or with the report's name (白石县自然资源局2023年 / 政府信息公开工作年度
    报告: the year ends the line above). The line above must be short text naming a body
    (with its year, in the second case), with no sentence mark and no breadcrumb.
    """
    if before is None or before[LINE_NUMBER] != title[LINE_NUMBER] - 1:
        return False
    head = nfkc(clean_title(title[LINE_TEXT]))
    match = TITLE_YEAR.search(head)
    text = clean_title(before[LINE_TEXT])
    if match is not None and match.start() == 0 and before[LINE_KIND] == "TEXT":
        body = text
    elif (
        match is None
        # (a line with a number in it may be read as a table row: 白石县自然资源局 2023 年)
        and before[LINE_KIND] in ("TEXT", "ROW")
        and REPORT_NAME.raw_pattern.match(re.sub(r"\s+", "", head))
    ):
        named = nfkc(text)
        year = compiled(_ENDING_YEAR).search(named)
        if year is None:
            return False
        body = named[: year.start()]
    else:
        return False
    from xxgk_lint.format.document import AGENCY_END  # compiled when first needed

    return _title_piece(text, 30) and AGENCY_END.search(normalise(body)) is not None


#: Marks a title never holds (a sentence's or a list's).
_NOT_IN_TITLES = "。；，,:："


def _title_piece(text: str, most: int) -> bool:
    """Whether ``text`` may be a piece of a title wrapped over two lines: some text, at
    most ``most`` characters, no sentence mark, no breadcrumb."""
    return (
        0 < len(text) <= most
        and not any(mark in text for mark in _NOT_IN_TITLES)
        and not _breadcrumb(text)
    )


#: The most characters of a title's last line when the title is wrapped inside its name
#: (…工作年度报 / 告, …工作年 / 度报告): a narrow page or a centred title breaks it there.
_TITLE_TAIL_CHARS = 8


def title_wrapped_in_name(first: Line, second: Line) -> bool:
    """Whether ``first`` and ``second`` are one title wrapped inside the report's name
    (青山县交通运输局2023年政府信息公开工作年度报 / 告): neither names the report alone, the
    two joined do, with a year, and are short text lines without a sentence mark, one just
    below the other."""
    if second[LINE_NUMBER] != first[LINE_NUMBER] + 1 or first[LINE_KIND] != "TEXT":
        return False
    head, tail = clean_title(first[LINE_TEXT]), clean_title(second[LINE_TEXT])
    return (
        _title_piece(head, 60)
        and _title_piece(tail, _TITLE_TAIL_CHARS)
        and REPORT_NAME.pattern.search(normalise(head)) is None
        and title_score(head + tail) >= 4
    )


#: A year that ends a line (白石县自然资源局2023年度): the first line of a title wrapped
#: before the report's name.
_ENDING_YEAR = rf"\s*(?:{TITLE_YEAR.pattern})\s*$"


def year_of_text(paragraphs: Iterable[str]) -> int | None:
    """The year most often written in the given text (used when the title has none)."""
    counts: Counter[int] = Counter()
    for text in paragraphs:
        for match in re.finditer(r"((?:19|20)\d{2})\s*年", nfkc(text)):
            counts[int(match.group(1))] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]
