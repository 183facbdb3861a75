"""The format model drives everything: its variants are read, the grammar agrees with it,
and a key it does not have fails loudly."""

from __future__ import annotations

import re

import pytest

from tests.conftest import FIXTURES
from xxgk_lint.format import (
    FORMAT_2019,
    FORMAT_2021,
    FORMATS,
    UnknownKeyError,
    check_address,
    normalise,
    section_key,
    terminals,
)
from xxgk_lint.format.document import (
    FEE_STATEMENT,
    OUTLINE_HEADINGS,
    PERIOD_WORDS,
    REPORT_NAME,
)
from xxgk_lint.parse import compile as tables
from xxgk_lint.parse.grammar import get_parser


def _fixture_texts() -> list[str]:
    texts = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix in (".txt", ".md", ".html") and "bad-input" not in path.parts:
            raw = path.read_bytes()
            for encoding in ("utf-8-sig", "gb18030"):
                try:
                    texts.append(normalise(raw.decode(encoding)))
                    break
                except UnicodeDecodeError:
                    continue
    return texts


FIXTURE_TEXTS = _fixture_texts()


def _variants() -> list[tuple[str, str]]:
    out = []
    for model in FORMATS.values():
        for section in model.sections:
            out += [(f"section {section.key}", v) for v in section.variants]
        for table in model.tables:
            out += [(f"{table.key} column {c.key}", v) for c in table.columns for v in c.variants]
            out += [(f"{table.key} row {r.key}", v) for r in table.rows for v in r.variants]
    out += [("title", v) for v in REPORT_NAME.variants]
    out += [("period", v) for words in PERIOD_WORDS for v in words.variants]
    out += [("fee statement", v) for v in FEE_STATEMENT.variants]
    out += [("outline heading", v) for v in OUTLINE_HEADINGS.variants]
    return sorted(set(out))


@pytest.mark.parametrize(("part", "variant"), _variants(), ids=lambda x: str(x))
def test_every_variant_of_the_model_is_in_a_fixture(part: str, variant: str) -> None:
    """A wording the model claims to read must be read somewhere in the test suite."""
    needle = normalise(variant)
    assert any(needle in text for text in FIXTURE_TEXTS), f"no fixture prints {variant!r} ({part})"


@pytest.mark.parametrize(("part", "variant"), _variants(), ids=lambda x: str(x))
def test_every_variant_matches_its_own_words(part: str, variant: str) -> None:
    kind = part.partition(" ")[0]
    norm = normalise(variant)
    if kind == "section":
        assert section_key(variant) == part.split()[-1]
    elif kind == "title":
        assert REPORT_NAME.pattern.search(norm)
    elif kind == "period":
        assert any(w.pattern.search(norm) for w in PERIOD_WORDS)
    elif kind == "fee":
        assert FEE_STATEMENT.pattern.search(norm)
    elif kind == "outline":
        bare = re.sub(r"^\([一二三四五六七八九十]+\)", "", norm)
        assert any(re.fullmatch(word, bare) for word in OUTLINE_HEADINGS.words)
    else:
        table, what, name = part.split()
        spec = next(m.table(table) for m in FORMATS.values() if m.has_table(table))
        item = spec.column(name) if what == "column" else spec.row(name)
        assert item.pattern is not None and item.pattern.search(norm), (part, variant)


def test_the_grammar_terminals_are_generated_from_the_model() -> None:
    """grammar/report.lark's HEADING and TITLE are what the model makes of them."""
    path = terminals.grammar_path()
    text = path.read_text(encoding="utf-8")
    assert terminals.render(text) == text, "run: python -m xxgk_lint.format.terminals"


def test_the_shipped_parse_tables_are_those_of_the_grammars() -> None:
    assert tables.stale() == [], "run: python -m xxgk_lint.parse.compile"


@pytest.mark.parametrize("section", FORMAT_2021.sections, ids=lambda s: s.key)
def test_every_heading_wording_is_a_heading_to_the_grammar(section) -> None:
    lexer = get_parser().lark.parser.lexer.lexer
    for title in (section.title.zh, *section.variants):
        for numbered in (f"{section.number}、{title}", f"{section.number}. {title}"):
            assert lexer.classify(numbered) == "HEADING", numbered
            assert section_key(numbered) == section.key


@pytest.mark.parametrize(
    "line",
    [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果",
        "四、结转下年度继续办理",
        "一是主动公开工作还需加强",  # an enumeration inside prose, not a heading
    ],
)
def test_table_rows_and_enumerations_are_not_headings(line: str) -> None:
    lexer = get_parser().lark.parser.lexer.lexer
    assert lexer.classify(line) != "HEADING"


@pytest.mark.parametrize(
    "title",
    [
        "青山县交通运输局2023年度政府信息公开工作报告",
        "青山县交通运输局2023年政府信息公开年度报告",
        "青山县交通运输局2023年度政府信息公开工作年度报告",
        "青山县交通运输局2023年政府信息公开工作报告",
        "青山县交通运输局2023年政府信息公开工作年度报告",
    ],
)
def test_every_title_wording_is_a_title_to_the_grammar(title: str) -> None:
    lexer = get_parser().lark.parser.lexer.lexer
    assert lexer.classify(title) == "TITLE"


def test_both_models_read_table_3_with_the_single_other_row_or_its_three_parts() -> None:
    # 2019/2020 reports print the 2019 table 三 (（六）其他处理 one row) or the 2021 one
    # (three rows), often with the 2019 table 二: one table, the single row standing for
    # the three in the outcome sum.
    for model in (FORMAT_2021, FORMAT_2019):
        parts = model.identity("outcome-sum").parts
        assert len(parts) == 21
        assert parts[-3:] == ("other.no_correction", "other.fee_unpaid", "other.other")
        assert model.table("applications").row("other").replaces == parts[-3:]
    assert FORMAT_2019.table("proactive").has_row("procurement")
    assert not FORMAT_2021.table("proactive").has_row("procurement")


@pytest.mark.parametrize(
    "address",
    [
        "applications.denied.state_secret.total",
        "proactive.licensing.decisions",
        "applications.*.total",
        "reviews.review.upheld",
        "proactive.procurement.amount",  # the 2019 model's block
        "proactive",
    ],
)
def test_addresses_the_model_has(address: str) -> None:
    check_address(address)


@pytest.mark.parametrize(
    ("address", "named"),
    [
        ("proactve.licensing.decisions", "no table 'proactve'"),
        ("applications.granted.totl", "row 'granted' has no column 'totl'"),
        ("proactive.licensing.issued", "row 'licensing' has no column 'issued'"),
        ("applications.denied.secret.total", "table 'applications' has no row 'denied.secret'"),
    ],
)
def test_an_unknown_key_is_named(address: str, named: str) -> None:
    with pytest.raises(UnknownKeyError, match=re.escape(named)):
        check_address(address)


def test_the_format_page_is_generated_from_the_model() -> None:
    from tests.conftest import ROOT
    from xxgk_lint.format import describe

    page = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    assert page == describe.render(), "run: python -m xxgk_lint.format.describe > docs/format.md"


SECTION_TEXTS = (
    "一、总体情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "五、问题和改进",
    "六、其他需要报告的事项",
    "六、其他",
    "第六部分其他:",
    "六、其他。",
    "六其他\n",
    "六、其他处理",
    "六.其他:。",
    "三、收到和处理政府信息公开申请情况",
    "二、主动公开政府信息情况",
    "本年新收政府信息公开申请",
    "",
)


@pytest.mark.parametrize("text", SECTION_TEXTS)
@pytest.mark.parametrize(
    "section", FORMAT_2021.sections + FORMAT_2019.sections, ids=lambda s: s.key
)
def test_found_in_says_what_the_section_pattern_finds(section, text: str) -> None:
    # found_in tests plain words by substring: the same answer as the compiled pattern.
    assert section.found_in(text) is (section.pattern.search(text) is not None)


@pytest.mark.parametrize("text", SECTION_TEXTS)
@pytest.mark.parametrize(
    "section", FORMAT_2021.sections + FORMAT_2019.sections, ids=lambda s: s.key
)
def test_may_be_bare_is_false_only_where_the_bare_pattern_cannot_match(section, text) -> None:
    if not section.may_be_bare(text):
        assert section.bare_pattern is None or section.bare_pattern.match(text) is None


def test_may_be_bare_is_true_for_a_bare_heading() -> None:
    other = FORMAT_2021.section("other")
    assert other.may_be_bare("六、其他") is True
    assert other.may_be_bare("五、存在的主要问题") is False
    assert FORMAT_2021.section("overview").may_be_bare("六、其他") is False


def _word_lists() -> list[tuple[str, ...]]:
    """Every list of words (regular expressions) the model searches text for."""
    lists: list[tuple[str, ...]] = []
    for model in FORMATS.values():
        lists += [section.words for section in model.sections]
        lists += [section.bare for section in model.sections if section.bare]
        lists += [model.signals] if model.signals else []
        for table in model.tables:
            lists += [row.words for row in table.rows]
            lists += [column.words for column in table.columns if column.words]
    lists += [v.words for v in (FEE_STATEMENT, OUTLINE_HEADINGS, REPORT_NAME, *PERIOD_WORDS)]
    return lists


def test_words_finder_finds_what_the_joined_pattern_finds() -> None:
    import random

    from xxgk_lint.format.model import words_finder

    rng = random.Random(12)
    for words in _word_lists():
        pattern = re.compile("|".join(words))
        found = words_finder(words)
        # Texts made of the words' own characters (and their variants), so that near
        # misses are common: pieces of words, words cut short, words run together.
        alphabet = sorted(set("".join(words)) | set("的需要与和及问题改进/()0123456789"))
        texts = ["", *words, *(w[1:] for w in words), *(w[:-1] for w in words)]
        for _ in range(300):
            texts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))))
            # pieces of the words run together, between other characters
            pieces = []
            for _ in range(rng.randint(1, 3)):
                word = rng.choice(words).replace("?", "").replace("(?:", "").replace(")", "")
                start = rng.randint(0, len(word) // 2)
                pieces.append(rng.choice(alphabet) + word[start:])
            texts.append("".join(pieces))
        for text in texts:
            assert found(text) is (pattern.search(text) is not None), (words, text)


@pytest.mark.parametrize("text", ["六、其他", "六、其他。", "六其他\n", "第六部分其他:", "六其他."])
def test_a_bare_heading_passes_may_be_bare_and_matches(text: str) -> None:
    other = FORMAT_2021.section("other")
    assert other.may_be_bare(text) is True
    assert other.bare_pattern is not None and other.bare_pattern.match(text) is not None


@pytest.mark.parametrize(
    ("label", "named"),
    [
        ("行政复议结果维持:", ("review", "upheld")),
        ("行政诉讼未经复议起诉结果纠正", ("litigation_direct", "corrected")),
        ("未经复议直接起诉尚未审结", ("litigation_direct", "pending")),
        ("行政诉讼(复议后起诉)其他结果", ("litigation_after_review", "other")),
        ("复议后起诉总计", ("litigation_after_review", "total")),
        ("总计(行政复议)", ("review", "total")),
        ("行政复议合计", ("review", "total")),
        ("行政诉讼-未经复议直接起诉-结果维持", ("litigation_direct", "upheld")),
        ("行政复议", ("review", None)),  # a group's heading
        ("结果维持", (None, "upheld")),  # a column under it
        ("结果正", (None, "corrected")),  # (a header cell that lost a character)
        ("行政复议案件数", ("review", None)),
        # group words naming no one group: nothing
        ("行政诉讼", (None, None)),
        ("行政诉讼总计", (None, None)),
        ("行政复议后起诉结果维持", (None, None)),
        ("政府信息公开行政复议、行政诉讼情况表", (None, None)),
    ],
)
def test_the_cell_a_label_of_table_four_names(label: str, named: tuple[str | None, ...]) -> None:
    assert FORMAT_2021.table("reviews").named_cell(label) == named
