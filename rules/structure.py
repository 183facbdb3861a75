"""XG101 missing-section, XG102 outline, XG103 problems-without-substance: the six
sections the format requires, in their order and numbering, and what section 五 says."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from operator import attrgetter

from xxgk_lint_rules._docs import docs

from xxgk_lint.engine.diagnostics import Diagnostic, RuleOption, Severity
from xxgk_lint.engine.rule import RuleContext, rule
from xxgk_lint.format import FORMAT_2021, SECTION_ORDER, Format
from xxgk_lint.format.document import OUTLINE_HEADINGS
from xxgk_lint.format.normalise import fold_traditional, normalise
from xxgk_lint.memo import bounded, compiled
from xxgk_lint.parse.ast import Report, Section, Span, Table
from xxgk_lint.parse.numerals import heading_numeral
from xxgk_lint.parse.sentences import one_line_sentences

# The documented examples, executed by tests/rules/cases/XG101.yml (XG102.yml, XG103.yml).
FIVE_SECTIONS = (
    "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
    "四、政府信息公开行政复议、行政诉讼情况\n五、其他需要报告的事项"
)
SIX_SECTIONS = (
    "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
    "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项"
)


_PROBLEMS_TEXT = (
    "（一）存在问题。政策解读形式较为单一，部分栏目更新不及时。\n"
    "（二）改进措施。丰富解读形式。建立栏目更新台账。"
)
PROBLEMS_UNHEADED = (
    "四、政府信息公开行政复议、行政诉讼情况\n…\n" + _PROBLEMS_TEXT + "\n五、其他需要报告的事项"
)
PROBLEMS_HEADED = (
    "四、政府信息公开行政复议、行政诉讼情况\n…\n五、存在的主要问题及改进情况\n"
    + _PROBLEMS_TEXT
    + "\n六、其他需要报告的事项"
)


@rule(
    code="XG101",
    name="missing-section",
    severity="error",
    summary={
        "zh": "缺少格式规定的六个部分之一",
        "en": "One of the six sections the format requires is missing",
    },
    messages={
        "zh": {
            "default": "缺少第{number}部分“{title}”（应有六个部分：总体情况……其他需要报告的事项）",
            "paged": "缺少第{number}部分“{title}”（应有六个部分：总体情况……其他需要报告的事项）；"
            "网页分页显示（“{bar}”），其余部分可能在其他分页中，报告应在一个页面中完整发布",
        },
        "en": {
            "default": "section {number} '{title}' ({english}) is missing; the format requires "
            "six sections",
            "paged": "section {number} '{title}' ({english}) is missing; the format requires "
            "six sections; the page is one of several ('{bar}'): the other sections may be on "
            "the other pages, and a report should be published whole on one page",
        },
    },
    docs=docs(
        (
            "年度报告应包括六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；"
            "四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。"
            "按标题中的核心词识别，不论编号写法（“（一）总体情况”也算）；标题与正文写在同一行的（如“六、其他需要报告的事项：本机关……”）也是标题；没有标题但内容在的部分也视为存在（第二至四部分看表格，"
            "第一部分看标题和开头段之后的正文，没有标题和开头段时看编号的“（一）主动公开情况”“（二）依申请公开情况”等小标题，第五部分看“（一）主要问题”，第六部分看收费说明），由 XG102 报告。",
            "网页显示分页栏（“第1页 共3页 下一页”）时，提示其余部分可能在其他分页中。"
            "《政府信息公开条例》第五十条规定了年度报告的内容，格式要求“不能遗漏”。",
            FIVE_SECTIONS,
            SIX_SECTIONS,
        ),
        (
            "A report has six sections: 一 overview; 二 proactive disclosure; 三 applications; "
            "四 administrative review and litigation; 五 problems and improvements; 六 other "
            "matters. Sections are recognised by the core words of their titles in any "
            "numbering (（一）总体情况 too), a heading with its text run in on the same line "
            "(六、其他需要报告的事项：本机关…) included; a section whose content is there under no "
            "heading (the "
            "table of 二–四, 一's prose after the title and the opening paragraph — or, with "
            "neither, before numbered sub-headings on its topics (（一）主动公开情况, "
            "（二）依申请公开情况 …) —, 五's （一）主要问题, 六's fee "
            "statement) is present, and XG102 reports its heading. On a web page with a "
            "pagination bar (第1页 共3页 下一页) the message adds that the other sections may be "
            "on the other pages.",
            "Article 50 of the 政府信息公开条例 sets the content; the format says nothing may be "
            "left out.",
            FIVE_SECTIONS,
            SIX_SECTIONS,
        ),
    ),
)
def missing_section(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    present = {s.key for s in report.sections}
    for index, spec in enumerate(report.format.sections):
        if spec.key in present:
            continue
        span = _where(report, index)
        paged = report.pagination
        yield ctx.diagnostic(
            span,
            "paged" if paged is not None else "default",
            bar=paged.text if paged is not None else "",
            number=spec.number,
            title=spec.title.zh,
            english=spec.title.en,
            subject=f"section.{spec.key}",
            expected=spec.title.zh,
            actual=None,
        )


def _where(report: Report, index: int) -> Span:
    """Point at the next section that is present (where the missing one belongs)."""
    for key in SECTION_ORDER[index + 1 :]:
        section = report.section(key)
        if section is not None:
            return section.span
    if report.sections:
        last = report.sections[-1].span
        return Span(last.line, last.column, last.line, last.end_column, last.where)
    return Span(1, 1, 1, 1)


def _heading(section: Section) -> str:
    return section.title.strip()


@rule(
    code="XG102",
    name="outline",
    severity="warning",
    summary={
        "zh": "章节顺序、编号有误，或章节有内容却没有标题",
        "en": "A section out of order, wrongly numbered, duplicated, or without its heading",
    },
    messages={
        "zh": {
            "order": "“{heading}”排在“{before}”之后；格式规定的顺序是 一、总体情况 …… 六、其他需要报告的事项",
            "numeral": "“{heading}”编号为“{found}”，格式规定这一部分是第{expected}部分",
            "duplicate": "“{heading}”与前面的“{first}”是同一部分，重复出现",
            "duplicate-numeral": "“{heading}”与前面的“{first}”编号都是“{found}”",
            "no-heading": "第{expected}部分“{title}”没有标题，其内容从这里开始（“{start}”）；应加上标题"
            "“{expected}、{title}”",
            "no-heading-table": "第{expected}部分“{title}”没有标题，其内容从这里开始（{table}）；"
            "应加上标题“{expected}、{title}”",
            "style": "各部分标题的编号写作{found}……，格式规定写作“一、”“二、”……",
            "style-mixed": "“{heading}”的编号写作“{found}”，与其他部分标题的编号不一致；格式规定写作"
            "“{expected}、”",
            "table-elsewhere": "{table}不在第{expected}部分“{title}”中，而在“{host}”之后；格式把这张表"
            "列在第{expected}部分",
            "table-before": "{table}不在第{expected}部分“{title}”中，而在各部分之前；格式把这张表"
            "列在第{expected}部分",
        },
        "en": {
            "order": "'{heading}' comes after '{before}'; the format's order is 一 overview … "
            "六 other matters",
            "numeral": "'{heading}' is numbered '{found}', but the format makes this section "
            "number {expected}",
            "duplicate": "'{heading}' is the same section as '{first}' before it, a second time",
            "duplicate-numeral": "'{heading}' has the numeral '{found}', as '{first}' before it",
            "no-heading": "section {expected} '{title}' ({english}) has no heading; its content "
            "starts here ('{start}'); add the heading {expected}、{title}",
            "no-heading-table": "section {expected} '{title}' ({english}) has no heading; its "
            "content starts here (the {table}); add the heading {expected}、{title}",
            "style": "the sections' headings are numbered {found} …; the format numbers them "
            "一、 二、 …",
            "style-mixed": "'{heading}' is numbered '{found}', unlike the other sections' "
            "headings; the format numbers it {expected}、",
            "table-elsewhere": "the {table} is not in section {expected} '{title}' ({english}) "
            "but after '{host}'; the format puts it in section {expected}",
            "table-before": "the {table} is not in section {expected} '{title}' ({english}) "
            "but before the sections; the format puts it in section {expected}",
        },
    },
    docs=docs(
        (
            "检查报告的提纲：六个部分按 一、总体情况 至 六、其他需要报告的事项 的顺序排列，每部分的编号与"
            "格式规定一致（不重复、不错号，例如把“其他需要报告的事项”编为“五”），每部分都有标题。某部分"
            "没有标题但内容在（如第四部分之后直接写“（一）主要问题”“（二）改进情况”），单独报告一次，指出"
            "内容从哪里开始。整部分缺失的由 XG101 报告，其后各部分因此依次提前的编号不再重复报告；标题不带"
            "编号的不报告（按 1. 2. … 编号时同样由标题文字确定各部分）。六个标题都用另一种编号（“1.”“（一）”等）时照常读作各部分，只提示一次；个别标题"
            "编号样式不同时警告。统计表印在所属部分之外（如第六部分之后作为附件）时照常读取，每张表提示一次。"
            "顺序错误的标题只报告一次，不再另报其编号。",
            "格式规定了六个部分及其顺序；错号、漏标题会让读者和评估人员找不到对应内容，也是常见的扣分项。",
            PROBLEMS_UNHEADED,
            PROBLEMS_HEADED,
        ),
        (
            "Checks the outline: the six sections stand in the order 一 overview … 六 other "
            "matters, each numbered as the format numbers it (no numeral twice, none wrong — "
            "such as 其他需要报告的事项 numbered 五), each under its heading. A section whose "
            "content is there without its heading (（一）主要问题 / （二）改进情况 right after "
            "section 四) is reported on its own, where its content starts. A section that is "
            "absent altogether is XG101's; the numerals of the sections after it, moved up by "
            "one, are not reported again (under headings numbered 1. 2. … too: their words "
            "name the sections); headings printed without a numeral are not reported. "
            "Headings all numbered in another style (1. / （一）) are read as the sections, and "
            "the style is one notice; a single heading in another style is a warning. A table "
            "printed outside its section (after 六, as an annex) is read, with a notice at "
            "each such table. A section out of order is reported once, not again for its "
            "numeral.",
            "The format fixes six sections and their order; a wrong numeral or a missing "
            "heading makes the content hard to find for readers and evaluators, and costs "
            "points in evaluations.",
            PROBLEMS_UNHEADED,
            PROBLEMS_HEADED,
        ),
    ),
)
def outline(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    model = report.format
    known = [s for s in report.sections if s.key in _POSITION]
    present = {s.key for s in known}
    absent = [k for k in SECTION_ORDER if k not in present]
    seen: dict[str, Section] = {}
    times: dict[str, int] = {}
    numerals: dict[int | str, Section] = {}
    numbered: list[Section] = []  # (the sections under a numbered heading of their own)
    styled: list[Section] = []  # (numbered with their own number in another style: （一）, 1.)
    latest: Section | None = None
    for section in known:
        key = section.key
        times[key] = times.get(key, 0) + 1
        value = _value(section.number)
        if key in seen:
            yield ctx.diagnostic(
                section.span,
                "duplicate",
                heading=_heading(section),
                first=_heading(seen[key]),
                subject=f"outline.{key}.duplicate",
                expected=1,
                actual=times[key],
            )
            continue
        seen[key] = section
        if section.implicit:
            yield _no_heading(report, ctx, section)
        order = _POSITION[key]
        misplaced = False
        if latest is not None and order < _POSITION[latest.key]:
            # The outline as the format orders it and as the report does (by the format's
            # numerals: "一 二 三 四 五 六" against "一 二 三 四 六 五").
            in_order = " ".join(model.section(k).number for k in SECTION_ORDER if k in present)
            as_found = " ".join(
                model.section(k).number for k in dict.fromkeys(s.key for s in known)
            )
            yield ctx.diagnostic(
                section.span,
                "order",
                heading=_heading(section),
                before=_heading(latest),
                subject=f"outline.{key}.order",
                expected=in_order,
                actual=as_found,
            )
            misplaced = True
        elif latest is None or order > _POSITION[latest.key]:
            latest = section
        number = section.number
        if number is None or section.implicit:
            continue
        numbered.append(section)
        expected = model.section(key).number
        index = value if value is not None else number
        if index in numerals:
            yield ctx.diagnostic(
                section.span,
                "duplicate-numeral",
                heading=_heading(section),
                first=_heading(numerals[index]),
                found=number,
                subject=f"outline.{key}.numeral",
                expected=expected,
                actual=number,
            )
            continue
        numerals[index] = section
        if misplaced:
            continue  # one finding for the heading: it is out of order (五 and 六 swapped)
        if value == order + 1:
            if number != expected:
                styled.append(section)  # its own number, written （五） or 5.
            continue
        # Sections after an absent one, moved up by one each: XG101 reports the cause (in
        # another style, 2. for 三, the style is told as for a heading with its own number).
        shifted = sum(1 for k in absent if _POSITION[k] < order)
        if shifted and value == order - shifted + 1:
            if _style(number) != _style(expected):
                styled.append(section)
            continue
        yield ctx.diagnostic(
            section.span,
            "numeral",
            heading=_heading(section),
            found=number,
            expected=expected,
            subject=f"outline.{key}.numeral",
            actual=number,
        )
    if styled:
        yield from _numbering(model, ctx, numbered, styled)
    yield from _tables_elsewhere(report, ctx, seen)


def _numbering(
    model: Format, ctx: RuleContext, numbered: list[Section], styled: list[Section]
) -> Iterator[Diagnostic]:
    """The sections numbered with their own number in another style than the format's 一、
    (（一）总体情况, 1.总体情况). All the report's section headings in that one style: the
    report is read as it is, and the writer is told once, as information, that the format
    numbers them 一、 二、 (a consistent outline is no error; a template is followed to the
    letter in evaluations). A heading whose style differs from the others': a warning at
    it, for the outline reads inconsistently."""
    if not styled:
        return
    styles = {_style(s.number) for s in numbered if s.number is not None}
    if len(styles) == 1:
        first = numbered[0]
        found = "".join(f"“{s.number}”" for s in numbered[:2])
        yield ctx.diagnostic(
            first.span,
            "style",
            found=found,
            subject="outline.numbering",
            expected="一、",
            actual=first.number,
            severity=Severity.INFO,
        )
        return
    for section in styled:
        expected = model.section(section.key).number
        yield ctx.diagnostic(
            section.span,
            "style-mixed",
            heading=_heading(section),
            found=section.number,
            expected=expected,
            subject=f"outline.{section.key}.numeral",
            actual=section.number,
        )


#: The numerals a section heading may be numbered with, Chinese and arabic.
_NUMERAL_VALUES = {
    **{n: i for i, n in enumerate("一二三四五六七八九十", 1)},
    **{str(i): i for i in range(1, 10)},
    **{chr(0xFF10 + i): i for i in range(1, 10)},  # (full-width digits: １ ２ …)
}


def _value(number: str | None) -> int | None:
    """The number a section's numeral stands for (三 → 3, （三） → 3, 3. → 3, ３． → 3, 01 → 1,
    Ⅱ. → 2, ③ → 3: parse.numerals.heading_numeral): read character by character first,
    not normalised (NFKC costs more than the rest of the rule)."""
    if number is None:
        return None
    value = _NUMERAL_VALUES.get(number)  # (a heading's numeral: one character, 一 … 八)
    if value is not None:
        return value
    numeral = heading_numeral(number)
    if numeral is not None:
        return numeral.value
    for character in number:
        if character in _NUMERAL_VALUES:
            return _NUMERAL_VALUES[character]
    return None


def _style(number: str) -> str:
    """How a numeral is written, its number aside (parse.numerals.HeadingNumeral.style: 01
    for 01 and 02, I. for Ⅰ. and Ⅳ.); 一 for the format's own (一、 and 第一部分 are read as
    一)."""
    numeral = heading_numeral(number)
    if numeral is not None:
        return numeral.style
    norm = normalise(number)
    marks = "".join(c for c in norm if c not in _NUMERAL_VALUES)
    return marks + ("1" if any(c.isdigit() for c in norm) else "")


def _tables_elsewhere(
    report: Report, ctx: RuleContext, sections: dict[str, Section]
) -> Iterator[Diagnostic]:
    """A notice for each table that stands outside its section (all three after 六, as an
    annex): the parser reads it as its section's, where it is printed; the writer is told
    once per table that the format puts it in its section (information: nothing is
    missing, the tables are read). Told by the lines the table and the sections start
    at: three tables looked at, not every block."""
    known = report.sections
    starts = [s.span.line for s in known]  # (in document order)
    for table in report.tables.values():
        section = sections.get(_TABLE_HOMES.get(table.key, ""))
        if section is None:
            continue  # (XG101 reports the missing section)
        line = table.span.line
        at = bisect.bisect_right(starts, line) - 1
        if at >= 0 and known[at].key == section.key:
            continue  # (in its section, as nearly always)
        host = known[at] if at >= 0 else None
        spec = report.format.section(section.key)
        title = report.format.table(table.key).title
        yield ctx.diagnostic(
            table.span,
            "table-elsewhere" if host is not None else "table-before",
            table=title.zh if ctx.lang == "zh" else title.en,
            expected=spec.number,
            title=spec.title.zh,
            english=spec.title.en,
            host=_heading(host) if host is not None else "",
            subject=f"outline.{section.key}.table",
            actual=host.number if host is not None else None,
            severity=Severity.INFO,
        )


#: The section each table belongs to, by the format model (the same in both formats).
_TABLE_HOMES = {spec.key: spec.section for spec in FORMAT_2021.tables}

#: Where each section stands in the format's order (a look-up, not a search, per section).
_POSITION = {key: index for index, key in enumerate(SECTION_ORDER)}
SECTION_ORDER_NUMERALS = ("一", "二", "三", "四", "五", "六")


def _no_heading(report: Report, ctx: RuleContext, section: Section) -> Diagnostic:
    spec = report.format.section(section.key)
    first = section.blocks[0] if section.blocks else None
    if isinstance(first, Table):
        # The content starts with the section's table: name it (its cells are no quote).
        table = report.format.table(first.key).title
        return ctx.diagnostic(
            section.span,
            "no-heading-table",
            expected=spec.number,
            title=spec.title.zh,
            english=spec.title.en,
            table=table.zh if ctx.lang == "zh" else table.en,
            subject=f"outline.{section.key}.heading",
            actual=None,
        )
    text = first.text.strip() if first is not None else ""
    start = text[:16] + ("…" if len(text) > 16 else "")
    return ctx.diagnostic(
        section.span,
        "no-heading",
        expected=spec.number,
        title=spec.title.zh,
        english=spec.title.en,
        start=start,
        subject=f"outline.{section.key}.heading",
        actual=None,
    )


#: The numbering a sub-heading opens with: （一） / 二、 / 1. / 一是 (normalised text).
_NUMBERING = re.compile(
    r"^(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十\d]{1,3}[、.]|[一二三四五六七八九十]是)"
)
#: The format's own sub-headings of 五 (存在的主要问题, 改进情况 …), as whole sentences.
_OUTLINE = re.compile("|".join(f"(?:{w})" for w in OUTLINE_HEADINGS.words))
_OPEN = r"[,;。:!?]"  # (compiled when first needed)


#: The numerals a sub-heading's numbering may open with, and the ideographs that fold to
#: none of them (a sentence that opens with one of those is no sub-heading).
_OPENING_NUMERALS = frozenset("一二三四五六七八九十")


def _opens_unnumbered(text: str) -> bool:
    """Whether ``text`` opens, past its blanks, with a CJK ideograph that normalising keeps
    an ideograph and no numeral: then its normalised text cannot open with ``_NUMBERING``
    (most sentences; told without normalising them). An ideograph of U+4E00–U+9FFF is its
    own NFKC and folds to one ideograph; the blanks before it are what normalising drops."""
    first = text.lstrip()[:1]
    return "\u4e00" <= first <= "\u9fff" and fold_traditional(first) not in _OPENING_NUMERALS


def _is_subheading(text: str) -> bool:
    """A sentence that only names what follows: （一）存在问题。 / 二、改进情况 / 1.问题 —
    numbered, and either the format's sub-heading words or a short phrase with no sentence
    end. A short numbered sentence that says something (1.政策解读形式较为单一。) counts."""
    if _opens_unnumbered(text):
        return False
    norm = normalise(text)
    match = _NUMBERING.match(norm)
    if match is None:
        return False
    body = norm[match.end() :]
    if _OUTLINE.fullmatch(body.rstrip("。.:;")):
        return True
    return len(body) <= 12 and not compiled(_OPEN).search(body)


#: The words of a measure: what was changed or is planned (改进, 整改, 下一步 …), and the
#: future tense a measure is written in (将加强, 将进一步 …). A problem is written 有待加强 or
#: 需进一步加强: no 将, so it is not read as a measure.
MEASURE_WORDS = (
    "改进",
    "整改",
    "措施",
    "下一步",
    "今后",
    "下步",
    "将加强",
    "将进一步",
    "将继续",
    "将持续",
    "将完善",
    "将不断",
    "将切实",
    "将着力",
    "将强化",
    "将健全",
    "将优化",
    "将提升",
    "将推进",
    "将严格",
    "将加大",
)
#: How many measure words a message names.
_NAMED = 6
#: A section that says there is nothing: 无, 暂无, 无。
_NOTHING = re.compile(r"^(?:暂?无|没有|无相关情况)[。.]?$")
#: (At most six characters: a section of more ideographs than that is not "nothing".)
_NOTHING_LONGEST = 6


def _names_measure(raw: str, text: str | None, words: list[str]) -> bool:
    """Whether the normalised section text (``text``, or ``raw`` normalised when None)
    holds one of the normalised ``words``. A word of ideographs that normalising leaves as
    it is, found in ``raw``, is in the normalised text too: most sections are told so,
    without normalising them (NFKC costs more than the rest of the rule)."""
    wanted, plain = _measure_words(tuple(words))
    if any(w in raw for w in plain):
        return True
    if text is None:
        text = normalise(raw)
    return any(w in text for w in wanted)


@bounded(16)
def _measure_words(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words normalised, and those of them that normalising leaves as they are and
    are ideographs only (once per option value, not per report)."""
    wanted = tuple(normalise(w) for w in words)
    return wanted, tuple(w for w in wanted if _ideographs(w) and normalise(w) == w)


def _ideographs_over(text: str, count: int) -> bool:
    """Whether ``text`` holds more than ``count`` CJK ideographs (U+4E00–U+9FFF), read only
    as far as it takes to find them."""
    for character in text:
        if "\u4e00" <= character <= "\u9fff":
            count -= 1
            if count < 0:
                return True
    return False


def _ideographs(word: str) -> bool:
    """Whether ``word`` is CJK ideographs only (U+4E00–U+9FFF). Not a pattern: ``re``
    compiles a class of that range by a loop over its 21,000 code points, a millisecond of
    every start."""
    return bool(word) and all("\u4e00" <= c <= "\u9fff" for c in word)


_TEXT, _SPAN = attrgetter("text"), attrgetter("span")


def _substantive(section: Section, enough: int) -> list[Span]:
    """Where the section's sentences that are not sub-headings stand, up to the first
    ``enough`` of them: all the rule asks is whether there are that many, and where the
    first is. A paragraph of one line not split yet is read by its sentences' texts and
    spans (:func:`one_line_sentences`), without making them: the rules after this one split
    it only if they need its sentences (−0.6 % of a report's instructions)."""
    found: list[Span] = []
    for paragraph in section.paragraphs:
        one_line = None if "sentences" in paragraph.__dict__ else one_line_sentences(paragraph)
        if one_line is None:
            sentences = paragraph.sentences
            one_line = list(map(_TEXT, sentences)), list(map(_SPAN, sentences))
        for text, span in zip(*one_line, strict=True):
            if not _is_subheading(text):
                found.append(span)
                if len(found) >= enough:
                    return found
    return found


@rule(
    code="XG103",
    name="problems-without-substance",
    severity="warning",
    summary={
        "zh": "“存在的主要问题及改进情况”空洞：空白、只写“无”、只有一两句，或没有改进措施",
        "en": "Section 五 (problems and improvements) is empty, says 无, has a sentence or two, "
        "or no measure",
    },
    messages={
        "zh": {
            "empty": "第{number}部分“存在的主要问题及改进情况”没有内容；应写明存在的主要问题和改进情况",
            "nothing": "第{number}部分“存在的主要问题及改进情况”只写了“{text}”；应写明存在的主要问题和改进情况",
            "short": "第{number}部分“存在的主要问题及改进情况”只有 {actual} 句，少于 {expected} 句；"
            "应具体写明存在的主要问题和改进情况",
            "no-measure": "第{number}部分“存在的主要问题及改进情况”没有写改进措施（未出现{words}等词）",
        },
        "en": {
            "empty": "section {number} (problems and improvements) is empty; it should state the "
            "main problems and the improvements made",
            "nothing": "section {number} (problems and improvements) only says '{text}'; it "
            "should state the main problems and the improvements made",
            "short": "section {number} (problems and improvements) has {actual} sentences, fewer "
            "than {expected}; it should state the main problems and the improvements in detail",
            "no-measure": "section {number} (problems and improvements) names no measure (none of "
            "{words})",
        },
    },
    docs=docs(
        (
            "第五部分“存在的主要问题及改进情况”应有实际内容：不能空白、只写“无”，不能只有一两句（不计"
            "“（一）存在问题”这类小标题，少于 min-sentences 句即报告），并且要写改进措施（正文中出现"
            "measure-words 中的词，默认为改进、整改、措施、下一步、今后、下步，以及将加强、将进一步、将继续、"
            "将持续、将完善等表示今后做法的写法；“有待加强”“需进一步加强”写的是问题，不算措施）。只看该部分的正文，不看标题："
            "标题“存在的主要问题及改进情况”本身就含有“改进”。第五部分分成两个编号的部分印出的（“五、存在的主要问题”"
            "“六、改进情况”，XG102 指出）合起来读。",
            "《条例》第五十条要求报告存在的主要问题及改进情况；只写“无”或一句套话是评估中常见的扣分项。",
            "五、存在的主要问题及改进情况\n无。",
            "五、存在的主要问题及改进情况\n（一）存在的主要问题。政策解读形式较为单一；部分栏目更新不够及时。\n"
            "（二）改进情况。下一步将丰富解读形式，建立栏目更新台账，定期检查通报。",
        ),
        (
            "Section 五 (problems and improvements) must say something: not be empty or only 无, "
            "not a sentence or two (sub-headings such as （一）存在问题 are not counted; fewer "
            "than min-sentences sentences is reported), and name a measure (a word of "
            "measure-words in its text; by default 改进, 整改, 措施, 下一步, 今后, 下步, and the "
            "future tense of a measure: 将加强, 将进一步, 将继续, 将持续, 将完善 …; 有待加强 and "
            "需进一步加强 state a problem, not a measure). Only the "
            "section's text is read, not its heading: the official heading itself contains 改进. "
            "A section 五 printed as two numbered sections (五、存在的主要问题, 六、改进情况: "
            "XG102 says so) is read as one.",
            "Article 50 of the 条例 asks for the main problems and the improvements; a section "
            "that says 无 or one stock sentence is a common finding of evaluators.",
            "五、存在的主要问题及改进情况\n无。",
            "五、存在的主要问题及改进情况\n（一）存在的主要问题。政策解读形式较为单一；部分栏目更新不够及时。\n"
            "（二）改进情况。下一步将丰富解读形式，建立栏目更新台账，定期检查通报。",
        ),
    ),
    options=[
        RuleOption(
            "min-sentences",
            3,
            "Fewest sentences (not counting sub-headings) section 五 must have.",
            type=int,
        ),
        RuleOption(
            "measure-words",
            list(MEASURE_WORDS),
            "Words of which section 五's text must contain one: the measures taken or planned "
            "(改进, 下一步 …, and what the body says it will do: 将加强, 将进一步 …; never a "
            "problem's wording such as 有待加强 or 需进一步加强).",
            type=list,
        ),
    ],
)
def problems_without_substance(report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
    section = report.section("problems")
    if section is None:
        return  # XG101 reports the missing section
    number = section.number or report.format.section("problems").number
    # A section 五 printed as two numbered sections (五、存在的主要问题 / 六、改进情况: XG102
    # says so) is one section here: its measures stand in the second.
    parts = [s for s in report.sections if s.key == "problems"]
    raw = section.text if len(parts) == 1 else "".join(s.text for s in parts)
    # Normalised only if it may be empty or "nothing": each ideograph of U+4E00–U+9FFF is one
    # character of the normalised text, so more of them than "nothing" has settle both, and
    # most sections are never normalised (NFKC costs more than the rest of the rule).
    text = None if _ideographs_over(raw, _NOTHING_LONGEST) else normalise(raw)
    if text == "":
        yield ctx.diagnostic(
            section.span,
            "empty",
            number=number,
            subject="problems.empty",
            expected="text",
            actual=None,
        )
        return
    if text is not None and _NOTHING.match(text):
        yield ctx.diagnostic(
            section.span,
            "nothing",
            number=number,
            text=raw.strip(),
            subject="problems.empty",
            expected="text",
            actual=raw.strip(),
        )
        return
    least = int(ctx.option("min-sentences"))
    sentences = [found for part in parts for found in _substantive(part, least)][:least]
    where = sentences[0] if sentences else section.span
    if len(sentences) < least:
        yield ctx.diagnostic(
            where,
            "short",
            number=number,
            subject="problems.short",
            expected=least,
            actual=len(sentences),
        )
        return
    words = [str(w) for w in ctx.option("measure-words")]
    if words and not _names_measure(raw, text, words):
        # The first words name the kind; the message stays one line however long the list.
        named = words[:_NAMED]
        if ctx.lang == "zh":
            shown = "、".join(f"“{w}”" for w in named)
        else:
            shown = ", ".join(named) + (" …" if len(words) > _NAMED else "")
        yield ctx.diagnostic(
            where,
            "no-measure",
            number=number,
            words=shown,
            subject="problems.measures",
            expected=words[0],
            actual=None,
        )


RULES = [missing_section, outline, problems_without_substance]
