"""Claims (parse/claims.py): counts in Chinese numerals, and the time words that put a
count in another year."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from xxgk_lint.parse._lark_runtime import Token, Tree
from xxgk_lint.parse.ast import Paragraph, Piece, Span
from xxgk_lint.parse.claims import (
    _alternation,
    _first_chars,
    _parser,
    _shape,
    _tokens,
    _worth_parsing,
    folded,
    may_state_claims,
)
from xxgk_lint.parse.sentences import number_end, number_span, split_sentences


def _sentence(text: str):
    paragraph = Paragraph(text, Span(1, 1, 1, len(text) + 1), (Piece(0, 1, 1),))
    (sentence,) = paragraph.sentences
    return sentence


def _when(text: str) -> list[tuple]:
    """(topics, value, previous, year) of each claim."""
    return [(sorted(c.topics), c.value, c.previous, c.year) for c in _sentence(text).claims]


@pytest.mark.parametrize(
    ("text", "value", "columns"),
    [
        ("共收到政府信息公开申请十七件。", 17, (12, 14)),
        ("共收到政府信息公开申请两件。", 2, (12, 13)),
        ("共收到政府信息公开申请二十三件。", 23, (12, 15)),
        ("共收到政府信息公开申请一百零五件。", 105, (12, 16)),
        ("共收到政府信息公开申请 十 件。", 10, (13, 14)),
    ],
)
def test_counts_in_chinese_numerals(text: str, value: int, columns: tuple[int, int]) -> None:
    (claim,) = _sentence(text).claims
    assert (sorted(claim.topics), claim.value) == (["application", "receive"], value)
    assert (claim.span.column, claim.span.end_column) == columns


def test_numerals_in_every_kind_of_claim() -> None:
    assert _when("上年结转两件，办结二十三件，结转下年度一件。") == [
        (["carry_in"], 2, False, None),
        (["close"], 23, False, None),
        (["carry_out"], 1, False, None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "统一件数标准。",  # 统一, not 一件
        "按照同一件事一次办的要求。",
        "办理第一件申请。",  # an ordinal
        "收到申请十二三件。",  # no numeral anyone writes for a count
    ],
)
def test_words_that_end_in_a_numeral_are_no_counts(text: str) -> None:
    assert _sentence(text).claims == ()


def test_a_numeral_count_on_a_wrapped_sentence_points_at_the_sentence() -> None:
    """The splitter reads only digits; a numeral on a sentence over two lines has no
    column of its own that can be computed from the sentence: the sentence is the span."""
    text = "2023年，本机关共收到政府信息公开申请十七件。"
    paragraph = Paragraph(text, Span(1, 1, 2, 5), (Piece(0, 1, 1), Piece(21, 2, 1)))
    (sentence,) = paragraph.sentences
    (claim,) = sentence.claims
    assert claim.value == 17
    assert claim.span == sentence.span
    assert (claim.span.line, claim.span.column, claim.span.end_line) == (1, 1, 2)


@pytest.mark.parametrize(
    ("text", "previous", "year"),
    [
        ("上年度收到申请12件。", True, None),
        ("上一年度收到申请12件。", True, None),
        ("去年同期收到申请12件。", True, None),
        ("上年同期收到申请12件。", True, None),
        ("同期收到申请12件。", True, None),
        ("前一年收到申请12件。", True, None),
        ("去年共受理申请12件。", True, None),
        ("2022年收到12件。", False, 2022),
        ("二〇二二年收到申请12件。", False, 2022),
        ("2023年共收到政府信息公开申请7件。", False, 2023),
        ("共收到政府信息公开申请7件。", False, None),
    ],
)
def test_a_time_word_before_the_verb_dates_the_count(
    text: str, previous: bool, year: int | None
) -> None:
    (claim,) = _sentence(text).claims
    assert claim.topics & {"receive"}
    assert (claim.previous, claim.year) == (previous, year)


def test_a_time_word_after_the_verb_dates_nothing() -> None:
    """结转2024年1件: carried forward into 2024, a count of this year's table."""
    assert _when("共收到申请7件，结转2024年1件。")[1] == (["carry_out"], 1, False, None)


def test_a_time_word_holds_to_the_end_of_its_clause_and_this_year_ends_it() -> None:
    assert _when("本年度共收到申请7件，上年度收到12件、办结10件、本年度办结7件。") == [
        (["application", "receive"], 7, False, None),
        (["receive"], 12, True, None),
        (["close"], 10, True, None),
        (["close"], 7, False, None),
    ]


def test_carry_in_words_win_over_the_time_words_they_start_with() -> None:
    """上年结转 / 上年度结转 are row 二 of this year's table, not last year's figures; 较上年 /
    比上年 are changes."""
    assert _when("上年结转3件，上年度结转3件，上一年度结转3件，比上年减少5件。") == [
        (["carry_in"], 3, False, None),
        (["carry_in"], 3, False, None),
        (["carry_in"], 3, False, None),
        ([], 5, False, None),
    ]
    (change,) = _sentence("较上年（12件）减少5件。").claims[1:]
    assert change.delta


def test_a_none_statement_is_dated_too() -> None:
    (claim,) = _sentence("上年度未收到政府信息公开申请。").claims
    assert (claim.none, claim.previous) == (True, True)
    (claim,) = _sentence("本年度未收到政府信息公开申请。").claims
    assert (claim.none, claim.previous) == (True, False)


def test_a_time_word_dates_the_next_clauses_of_its_sentence() -> None:
    """上年度收到申请12件，办结10件: both are last year's (a subject the next clause keeps)."""
    assert _when("上年度收到政府信息公开申请20件，办结18件。") == [
        (["application", "receive"], 20, True, None),
        (["close"], 18, True, None),
    ]
    assert _when("2022年，本机关收到申请12件。") == [(["application", "receive"], 12, False, 2022)]


@pytest.mark.parametrize(
    ("text", "last"),
    [
        # a comparison with last year dates nothing
        ("与去年相比，收到申请7件。", (["application", "receive"], 7, False, None)),
        # a year after the verb is where the count went, for the next clauses too
        ("共收到申请8件，结转2024年1件，办结7件。", (["close"], 7, False, None)),
        # last year's figure in brackets dates only itself
        ("共收到政府信息公开申请7件（上年度12件），办结7件。", (["close"], 7, False, None)),
        # the time word before the brackets goes on
        ("上年度收到12件（其中线上3件），办结10件。", (["close"], 10, True, None)),
    ],
)
def test_what_a_time_word_does_not_date(text: str, last: tuple) -> None:
    assert _when(text)[-1] == last


def _text(path: Path) -> str:
    """A fixture's text (some are in GB 18030, to test the reading of encodings)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _corpus() -> list[str]:
    """The lines of the seeds and of the fixtures (the real reports among them), and
    sentences of every kind of claim."""
    root = Path(__file__).resolve().parents[2]
    files = [
        *sorted((root.parent / "shared" / "seeds").glob("*.txt")),
        *sorted((root / "fixtures").glob("**/*.txt")),
    ]
    lines = [line for f in files for line in _text(f).splitlines()]
    return [
        *lines,
        "上年度结转1件，统一件数，上年度收到12件、办结10件、本年度收到7件。",
        "二〇二二年收到申请十二件（其中线上3件），结转2024年一百零五件；无行政复议。",
        "共收到依申请公开信件6件,结转2024年1件(含网络申请)，均结果维持，未被纠错。",
    ]


def test_the_lookahead_finds_what_the_alternation_finds() -> None:
    """The lexer's look-ahead at first characters only skips positions where nothing
    starts: on every line of the corpus it finds the same tokens as the bare alternation."""
    fast, slow = _alternation(), _alternation(lookahead=False)
    lines = _corpus()
    assert len(lines) > 1000
    for line in lines:
        text = folded(line)
        found = [(m.span(), m.lastgroup) for m in fast.finditer(text)]
        assert found == [(m.span(), m.lastgroup) for m in slow.finditer(text)], line


def _tree_as_read(tree: Tree) -> list:
    """The parser's tree of a text: each separator, and each clause's parts with their
    tokens (type, value, start) in order."""
    out: list = []
    for child in tree.children:
        if isinstance(child, Token):
            out.append((child.type, child.value, child.start_pos))
            continue
        parts = []
        for part in child.children:
            leaves = [
                t
                for item in part.children
                for t in (item.children if isinstance(item, Tree) else [item])
            ]
            parts.append((part.data, [(t.type, t.value, t.start_pos) for t in leaves]))
        out.append(parts)
    return out


def _shape_as_read(text: str) -> list:
    """The same, from the tree looked up by the types of the text's tokens."""
    tokens = _tokens(text)
    shape = _shape("".join(t.type[0] for t in tokens))
    assert shape is not None
    out: list = []
    for child in shape:
        if isinstance(child, int):
            out.append(tuple(tokens[child][:3]))
            continue
        out.append(
            [
                (
                    "fact" if at >= 0 else "topics",
                    [tuple(tokens[i][:3]) for i in (*words, *((at,) if at >= 0 else ()))],
                )
                for words, at in child
            ]
        )
    return out


def test_the_tree_looked_up_by_token_types_is_the_tree_of_the_text() -> None:
    """A sentence's tree is parsed once per sequence of token types and filled with its
    tokens: on every line of the corpus that is the tree the parser makes of the text."""
    lines = _corpus()
    assert len(lines) > 1000
    shapes = set()
    for line in lines:
        text = folded(line)
        shapes.add("".join(t.type[0] for t in _tokens(text)))
        assert _shape_as_read(text) == _tree_as_read(_parser().parse(text)), line
    assert len(shapes) > 100


@pytest.mark.parametrize(
    ("word", "firsts"),
    [
        ("上年结转", "上"),
        ("\\(", "("),
        ("(?<!\\d)(?:19|20)\\d{2}[ \\t]*年", "12"),
        ("[〇○零]{4}年", "〇○零"),
        ("无(?=(?:行政)?复议)", "无"),
    ],
)
def test_first_characters_of_the_vocabulary(word: str, firsts: str) -> None:
    assert _first_chars(word) == firsts


def test_a_word_with_no_known_first_character_is_refused() -> None:
    with pytest.raises(ValueError, match="no first character"):
        _first_chars("(?=x)y")


def test_one_text_read_once_is_placed_in_each_of_its_sentences() -> None:
    """The claims of a text are read once (memo by text) and placed per sentence: the same
    sentence on line 1 and, indented, on line 7 gives the same claims at their own spans."""
    text = "共收到申请22件，办结二十件，未发生行政复议。"
    first = Paragraph(text, Span(1, 1, 1, len(text) + 1), (Piece(0, 1, 1),))
    second = Paragraph(text, Span(7, 3, 7, len(text) + 3), (Piece(0, 7, 3),))
    (one,) = first.sentences
    (other,) = second.sentences
    assert [(c.value, c.span) for c in one.claims] == [
        (22, Span(1, 6, 1, 8)),
        (20, Span(1, 12, 1, 14)),
        (0, Span(1, 1, 1, len(text) + 1)),
    ]
    assert [(c.value, c.span) for c in other.claims] == [
        (22, Span(7, 8, 7, 10)),
        (20, Span(7, 14, 7, 16)),
        (0, Span(7, 3, 7, len(text) + 3)),
    ]
    assert {c.text for c in (*one.claims, *other.claims)} == {text}
    assert [c._replace(span=None) for c in one.claims] == [
        c._replace(span=None) for c in other.claims
    ]


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("共收到申请萬件。", True),  # 萬 folds to 万, a numeral
        ("本年度無行政复议。", True),  # 無 folds to 无
        ("本年度發展良好，現有人员三名。", False),
        ("依申请公开工作有序开展。", False),
        ("收到申请 3 件。", True),
        # (a "none" word is looked for after its first character: which alone is none)
        ("不断完善，没有遗漏，未来可期。", False),
        ("本年度不存在收费情况。", True),
        ("本年度没有收到申请。", True),
        ("本机关未因政府信息公开被申请行政复议。", True),  # 未因, 没有因: none of the cases
        ("没有因政府信息公开被提起行政诉讼。", True),
        ("全年零行政复议、零行政诉讼。", True),
    ],
)
def test_whether_a_paragraph_may_state_claims(text: str, may: bool) -> None:
    assert may_state_claims(text) is may


def test_a_paragraph_may_state_claims_when_its_folded_text_is_worth_parsing() -> None:
    """The paragraph test folds traditional characters only when it matters: on every line
    of the corpus it says what the test of the folded text says."""
    for line in _corpus():
        assert may_state_claims(line) == _worth_parsing(folded(line)), line


def _parsed_shape(types: str) -> tuple:
    """The claims grammar's tree of a sequence of token types as the LALR parser makes it
    (from grammar/claims.lark), by token index: what :func:`_shape` reads off the types."""
    new = Token._future_new
    names = {"C": "COUNT", "S": "SEP", "T": "TOPIC"}
    tokens = [new(names[t], t, i, None, None, None, None, i + 1) for i, t in enumerate(types)]
    tree = _parser().parse(tokens)  # type: ignore[arg-type]
    shape: list = []
    for child in tree.children:
        if isinstance(child, Token):
            shape.append(child.start_pos)
            continue
        parts = []
        for part in child.children:
            leaves = [
                t.start_pos
                for item in part.children
                for t in (item.children if isinstance(item, Tree) else [item])
            ]
            if part.data == "fact":
                parts.append((tuple(leaves[:-1]), leaves[-1]))
            else:
                parts.append((tuple(leaves), -1))
        shape.append(tuple(parts))
    return tuple(shape)


def test_the_tree_read_off_the_types_is_the_parsers_for_every_short_sequence() -> None:
    """_shape reads the tree off the token types with one regular expression: for every
    sequence of up to seven types (3,280 of them) it is the tree the parser makes."""
    sequences = ["".join(p) for n in range(8) for p in itertools.product("CST", repeat=n)]
    assert len(sequences) == 3280
    for types in sequences:
        assert _shape(types) == _parsed_shape(types), types
    assert _shape("TTCSTCCT") == ((((0, 1), 2),), 3, (((4,), 5), ((), 6), ((7,), -1)))


def test_reader_claims_drop_the_markers_and_keep_every_field() -> None:
    """_Reader's claims of a count and of "none": the markers (sub) dropped from the topics,
    every other field where the named tuple puts it."""
    from xxgk_lint.parse.claims import _UNPLACED, Claim, _Reader, _Tok

    reader = _Reader("其中收到3件", ())
    reader.in_sub = True
    count = _Tok("COUNT", "3", 4, 6)
    made = reader._claim(count, frozenset({"receive", "sub"}), {"delta"}, True, "收到3件")
    assert made == Claim(
        topics=frozenset({"receive"}),
        value=3,
        span=_UNPLACED,
        text="",
        sub=True,
        delta=True,
        each=True,
        none=False,
        clause="收到3件",
    )
    none = reader._none_claim(frozenset({"receive", "sub"}), "未收到")
    assert none == Claim(
        topics=frozenset({"receive"}), value=0, span=_UNPLACED, text="", none=True, clause="未收到"
    )


def _about(text: str) -> list[tuple]:
    """(topics, value, none, applicants, qualified) of each claim."""
    return [
        (sorted(c.topics), c.value, c.none, sorted(c.applicants), c.qualified)
        for c in _sentence(text).claims
    ]


_ORGANISATIONS = ["business", "legal_service", "other_org", "public_interest", "research"]


@pytest.mark.parametrize(
    ("text", "about"),
    [
        # the applicants named before 提出的 / 申请: columns of table 三 (the format's keys)
        (
            "全年未收到法人或其他组织提出的政府信息公开申请。",
            [(["application"], 0, True, _ORGANISATIONS, False)],
        ),
        (
            "未收到企业提出的政府信息公开申请。",
            [(["application"], 0, True, ["business"], False)],
        ),
        (
            "全年未收到科研机构、社会公益组织、法律服务机构提出的政府信息公开申请。",
            [(["application"], 0, True, ["legal_service", "public_interest", "research"], False)],
        ),
        (
            "本年度收到法人或者其他组织提出的政府信息公开申请0件。",
            [(["application", "receive"], 0, False, _ORGANISATIONS, False)],
        ),
        (
            "全年收到自然人申请5件。",
            [(["application", "receive"], 5, False, ["natural_person"], False)],
        ),
        (
            "共收到公民、法人和其他组织提出的政府信息公开申请7件。",
            [
                (
                    ["application", "receive"],
                    7,
                    False,
                    sorted(["natural_person", *_ORGANISATIONS]),
                    False,
                )
            ],
        ),
        # the words that can name no other column: 法人 alone (法人或其他组织), 群众, 个人
        # (自然人), 律师事务所 (法律服务机构), 科研院所 (科研机构)
        (
            "全年未收到法人提出的政府信息公开申请。",
            [(["application"], 0, True, _ORGANISATIONS, False)],
        ),
        (
            "全年收到群众提出的政府信息公开申请5件。",
            [(["application", "receive"], 5, False, ["natural_person"], False)],
        ),
        (
            "本年度收到公民个人申请5件。",
            [(["application", "receive"], 5, False, ["natural_person"], False)],
        ),
        (
            "全年共收到企业和群众的政府信息公开申请7件。",
            [(["application", "receive"], 7, False, ["business", "natural_person"], False)],
        ),
        (
            "本年度收到律师事务所提出的政府信息公开申请1件。",
            [(["application", "receive"], 1, False, ["legal_service"], False)],
        ),
        (
            "本年度未收到科研院所提出的政府信息公开申请。",
            [(["application"], 0, True, ["research"], False)],
        ),
        # 上年结转 is a topic of its own, which a "none" statement may deny
        (
            "本年度未收到上年结转的政府信息公开申请。",
            [(["application", "carry_in"], 0, True, [], False)],
        ),
        # plain modifiers say nothing of the kind
        ("本年度收到的政府信息公开申请7件。", [(["application", "receive"], 7, False, [], False)]),
        ("2023年度新收的依申请公开7件。", [(["application", "receive"], 7, False, [], False)]),
        ("本年度未收到政府信息公开申请。", [(["application"], 0, True, [], False)]),
    ],
)
def test_the_applicants_a_claim_names(text: str, about: list[tuple]) -> None:
    assert _about(text) == about


#: Statements about a kind of application the tables do not count apart (a qualified claim:
#: read here, not compared by XG501 — tests/rules/test_prose.py).
QUALIFIED = [
    "未发生逾期答复政府信息公开申请的情况。",
    "所有申请均在法定期限内答复，未出现逾期答复政府信息公开申请现象。",
    "不存在超期答复政府信息公开申请的情况。",
    "本年度未收到需要补正的政府信息公开申请。",
    "未收到其他行政机关转来的政府信息公开申请。",
    "未发生政府信息公开申请被撤回的情况。",
    "除上述申请外，未收到其他政府信息公开申请。",
    "未收到涉及收费的政府信息公开申请。",
    "未收到涉及国家秘密的政府信息公开申请。",
    "本年度收到需要补正的政府信息公开申请1件。",
    "本年度收到其他行政机关转来的政府信息公开申请2件。",
    "逾期答复政府信息公开申请0件。",
    "收到上级机关转交的政府信息公开申请1件。",
    "本年度收到涉及征地拆迁的政府信息公开申请3件。",
    "本年度收到关于房屋征收补偿的政府信息公开申请2件。",
    "本年度收到重复的政府信息公开申请1件。",
    "收到群众反映强烈的政府信息公开申请2件。",  # any modifier before 的申请
    "收到法人代表提出的政府信息公开申请2件。",
    # applicants who may be of more than one column: 社会组织 (社会公益组织 or 其他), 高校
    # (科研机构 or 其他), 律师 (自然人 or 法律服务机构)
    "本年度收到社会组织提出的政府信息公开申请1件。",
    "本年度未收到高校提出的政府信息公开申请。",
    "全年未收到律师提出的政府信息公开申请。",
    # something that happens to applications, not the applications themselves
    "本年度未发生政府信息公开申请人要求重新答复的情况。",
    "未出现政府信息公开申请人对答复不满意的情况。",
    "本年度未发生政府信息公开申请被退回的情况。",
    "未出现因政府信息公开申请办理不当被问责的情况。",
]


@pytest.mark.parametrize("text", QUALIFIED)
def test_a_claim_about_some_kind_of_applications_is_qualified(text: str) -> None:
    (claim,) = [c for c in _sentence(text).claims if "application" in c.topics]
    assert claim.qualified


def test_a_review_after_which_a_lawsuit_is_filed_is_a_lawsuit_after_review() -> None:
    for text in (
        "未发生因政府信息公开被申请行政复议后又提起行政诉讼的情况。",
        "未发生行政复议后再起诉的情况。",
        "不存在复议后提起诉讼的案件。",
    ):
        (claim,) = _sentence(text).claims
        assert claim.none and claim.topics & {"review", "litigation", "after_review"} == {
            "after_review"
        }, text


#: Reviews and lawsuits of a kind table 四 does not count apart: what they were over names
#: one (a qualified claim: read here, not compared by XG502 — tests/rules/test_prose.py).
CASES_OF_A_KIND = [
    "未发生因逾期答复被申请行政复议的情况。",
    "未发生因不予公开被提起行政诉讼的案件。",
    "未出现涉及征地拆迁信息公开的行政复议。",
    "本年度未发生因政府信息公开申请超期答复引发的行政复议。",
    "未因拒绝公开政府信息被提起行政诉讼。",
    "未因征地拆迁信息公开被申请行政复议。",  # (after 未因: all of it is the cause)
    "因信息公开收费引起的行政复议、行政诉讼均未发生。",
    "全年未出现因部分公开答复引起的行政诉讼。",
    "未发生逾期答复引起的行政复议。",
    "未发生因涉及商业秘密被申请行政复议的情况。",
    "全年未发生因政府信息公开不作为被提起行政诉讼的案件。",
    "因逾期答复被申请行政复议1件。",
    "下半年因政府信息公开被申请行政复议1件。",
    # a review's own decision undone (by a court): no column of table 四
    "未发生政府信息公开行政复议决定被撤销的情况。",
    "未发生行政复议决定书被纠错的情况。",
]
#: Reviews and lawsuits over disclosure, which every case of table 四 is: not qualified.
ALL_CASES = [
    "未发生因政府信息公开被申请行政复议的情况。",
    "未发生因政府信息公开工作被提起行政诉讼的情况。",
    "未出现涉及政府信息公开的行政复议。",
    "未发生因政府信息公开申请答复引起的行政复议。",
    "本机关未因政府信息公开被申请行政复议。",
    "未发生因依申请公开引起的行政复议或行政诉讼案件。",
    "未发生针对本机关政府信息公开工作的行政复议。",
    "全年未出现因不服政府信息公开答复而提起的行政复议和行政诉讼。",
    "未发生政府信息公开方面的行政复议、行政诉讼案件。",
    "未发生因政府信息公开被申请行政复议后又提起行政诉讼的情况。",
    "政府信息公开行政复议、行政诉讼均未发生。",
    "全年未发生逾期答复、行政复议及行政诉讼情况。",  # (a list: 逾期答复 is one more item)
    "本年度因政府信息公开被申请行政复议5件。",
    "全年共发生政府信息公开行政复议案件1件。",
    "本年度涉及政府信息公开的行政诉讼案件共2件。",
    "我局作为被申请人的政府信息公开行政复议案件1件。",
    "以本机关为被告的政府信息公开行政诉讼2件。",
]


@pytest.mark.parametrize(
    ("text", "qualified"), [(t, True) for t in CASES_OF_A_KIND] + [(t, False) for t in ALL_CASES]
)
def test_a_claim_about_a_kind_of_case_is_qualified(text: str, qualified: bool) -> None:
    cases = [
        c for c in _sentence(text).claims if c.topics & {"review", "litigation", "after_review"}
    ]
    assert cases
    assert [c.qualified for c in cases] == [qualified] * len(cases)


def test_a_none_word_denies_the_words_up_to_the_next_one() -> None:
    """无逾期答复、无行政复议、无行政诉讼: each 无 denies what follows it, up to the next."""
    claims = _sentence("无逾期答复、无行政复议、无行政诉讼。").claims
    assert [(sorted(c.topics), c.none, c.qualified) for c in claims] == [
        (["review"], True, False),
        (["litigation"], True, False),
    ]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # the counts after 分别 go to the words before it, in turn
        (
            "政府信息公开行政复议、行政诉讼案件分别为1件和2件。",
            [(["review"], 1, False), (["litigation"], 2, False)],
        ),
        (
            "全年新收、办结政府信息公开申请分别为22件、21件。",
            [(["application", "receive"], 22, False), (["application", "close"], 21, False)],
        ),
        # one count: each of them (as 各)
        ("政府信息公开行政复议、行政诉讼分别为0件。", [(["litigation", "review"], 0, True)]),
        # neither one count nor one per word: what each counts is unknown
        ("行政复议、直接起诉、复议后起诉分别为1件、2件。", [([], 1, False), ([], 2, False)]),
    ],
)
def test_the_counts_after_respectively_go_to_the_words_before_it(
    text: str, read: list[tuple]
) -> None:
    assert [(sorted(c.topics), c.value, c.each) for c in _sentence(text).claims] == read


@pytest.mark.parametrize(
    "text",
    [
        "全 年 共 收 到 政 府 信 息 公 开 申 请580件 。",
        "全　年　共　收　到　政　府　信　息　公　开　申　请　580件。",
        "全年共收到政府信息公 开申请580件。",
        "全年共收到政府信息公开申 请 580 件。",
        # the digits spaced too (a PDF's line spaced character by character)
        "全 年 共 收 到 政 府 信 息 公 开 申 请 5 8 0 件 。",
        "全　年　共　收　到　政　府　信　息　公　开　申　请　5　8　0　件　。",
    ],
)
def test_a_letter_spaced_claim_is_read_and_placed_on_its_count(text: str) -> None:
    """Letter-spaced prose (a PDF's justified line) is read closed up; the count's span is
    that of its digits in the text."""
    (claim,) = _sentence(text).claims
    assert (sorted(claim.topics), claim.value) == (["application", "receive"], 580)
    assert claim.clause.startswith("全年共收到政府信息公开申请580")
    column = text.index("5") + 1
    assert claim.span.column == column
    if "580" in text:  # (spaced digits: the span is that of the first, the sentence's Number)
        assert claim.span.end_column == column + 3


def test_a_new_claims_last_fields_are_the_defaults() -> None:
    """The reader makes claims field by field in C (no keywords): its last four fields are
    Claim's defaults, in Claim's order."""
    from xxgk_lint.parse.claims import _UNDATED, Claim

    last = ("previous", "year", "applicants", "qualified")
    assert Claim._fields[-4:] == last
    assert tuple(Claim._field_defaults[name] for name in last) == _UNDATED


def test_every_part_of_the_year_holds_one_of_its_marks() -> None:
    """What PART_OF_YEAR matches holds one of PART_OF_YEAR_MARKS (the claims reader's
    test before the search): in the wordings it names and on every line of the corpus."""
    from xxgk_lint.format.prose import PART_OF_YEAR, PART_OF_YEAR_MARKS

    pattern = re.compile(PART_OF_YEAR)
    named = "上半年 下半年 第四季度 3季度 每月 每个月 每季度 月均 平均 十二月份 1-6月 6月份 3月"
    lines = [*named.split(), *(folded(line) for line in _corpus())]
    matches = [m.group() for line in lines for m in pattern.finditer(line)]
    assert len(matches) > 13
    for match in matches:
        assert not set(PART_OF_YEAR_MARKS).isdisjoint(match), match


@pytest.mark.parametrize(
    "text",
    [
        "本年度共收到申请1,234件，办结12件，其中3件。",
        "收到1,23件和12,3456件",  # (a thousands group that is none: 23 is a number of its own)
        "共1.5件、2．5万元, 3 件，１２３件０件",
        ",12件，a,1,234,567件；1,2,3件",
    ],
)
@pytest.mark.parametrize("wrapped", [False, True])
def test_a_count_is_placed_where_its_sentence_places_its_number(text: str, wrapped: bool) -> None:
    """A claim's count is placed from the text alone (number_end) and the sentence's span
    (number_span), without finding the sentence's numbers: where the Number of
    ``sentence.numbers`` at that offset stands, and nowhere if none starts there."""
    pieces = (Piece(0, 1, 1), Piece(5, 2, 3)) if wrapped else (Piece(0, 1, 1),)
    paragraph = Paragraph(text, Span(1, 1, 2, 9), pieces)
    for index, sentence in enumerate(paragraph.sentences):
        fresh = split_sentences(paragraph)[index]  # (its numbers still pending)
        for start in range(len(sentence.text)):
            number = next((n for n in sentence.numbers if n.offset == start), None)
            placed = number_span(fresh, start, number_end(sentence.text, start))
            assert placed == (None if number is None else number.span)
        assert "_numbers" in fresh.__dict__ and callable(fresh.__dict__["_numbers"])
