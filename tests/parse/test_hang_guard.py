"""Hang guard for the parser, the format model and the rules: every regular expression that
sees report text runs in linear time, and so does the parser on damaged lines.

Not a speed benchmark (see tests/fuzz/test_regex_guard.py for the readers): each pattern
gets the adversarial lines of the fuzz suite, and the test fails only if one takes more
than a second — a backtracking pattern takes minutes or hours on such lines. Patterns are
found by walking the packages and the format model, and the grammars' own terminals are
taken from the compiled parsers, so a new pattern is guarded without being listed here.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator

import pytest
import xxgk_lint_rules

import xxgk_lint.format
import xxgk_lint.parse
from tests.fuzz.harness import Hang, hang_guard
from tests.fuzz.test_regex_guard import ADVERSARIAL, _found
from xxgk_lint.format import FORMATS, SECTION_ORDER
from xxgk_lint.format.document import FEE_STATEMENT, PERIOD_WORDS, REPORT_NAME
from xxgk_lint.format.normalise import _MINUS_BEFORE_DIGIT
from xxgk_lint.memo import compiled
from xxgk_lint.parse import cells, claims, dated, metadata, numerals, outline, parse_source
from xxgk_lint.parse.claims import _lexer_pattern
from xxgk_lint.parse.dates import _parser as dates_parser
from xxgk_lint.parse.grammar import get_parser
from xxgk_lint.sources import Source

ADVERSARIAL = {
    **ADVERSARIAL,
    "heading-pipes-stray": "四、政府信息公开行政复议、行政诉讼情况" + " | " * 300 + "注",
    "numbers-and-units": "共收到申请22件，其中" * 1_000,
    "dates": "自2023年1月1日起至" * 1_000,
    "garbled-dates": "2024112" * 2_000 + "日",
    "chinese-dates": "自二〇二二年一月一日起至" * 1_000,
    "chinese-numerals": "二〇二" * 3_000 + "年 " + "十" * 3_000 + "月",
    "minus-signs": "－−–" * 3_000 + "1 | −" * 1_000,
}


def _module_patterns() -> Iterator[tuple[str, re.Pattern]]:
    for package in (xxgk_lint.parse, xxgk_lint.format, xxgk_lint_rules):
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            if info.name.endswith("._tables"):
                continue
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                yield from _found(f"{info.name}.{name}", value, 0)


def _model_patterns() -> Iterator[tuple[str, re.Pattern]]:
    for version, model in FORMATS.items():
        if model.signal_pattern is not None:
            yield f"{version}.signals", model.signal_pattern
        for section in model.sections:
            yield f"{version}.section.{section.key}", section.pattern
        for table in model.tables:
            yield f"{version}.{table.key}.header", table.header_pattern
            yield f"{version}.{table.key}.anchors", table.anchor_pattern
            yield f"{version}.{table.key}.columns", table.column_finder[0]
            yield f"{version}.{table.key}.rows", table.row_finder[0]
    for name, vocabulary in (
        ("title", REPORT_NAME),
        ("fee", FEE_STATEMENT),
        *((f"period{i}", words) for i, words in enumerate(PERIOD_WORDS)),
    ):
        yield f"document.{name}", vocabulary.pattern
        yield f"document.{name}.raw", vocabulary.raw_pattern


def _grammar_patterns() -> Iterator[tuple[str, re.Pattern]]:
    lexer = get_parser().lark.parser.lexer.lexer  # the line lexer of report.lark
    for name, pattern in lexer.line_patterns:
        yield f"report.lark {name}", pattern
    yield "report.lark cells", get_parser().splitter.pattern
    for terminal in dates_parser().terminals:
        yield f"dates.lark {terminal.name}", re.compile(terminal.pattern.to_regexp())
    yield "claims lexer", _lexer_pattern()


def _lazy_patterns() -> Iterator[tuple[str, re.Pattern]]:
    """The patterns compiled on first use (a start that never needs one never compiles it),
    which the walk of the modules' names cannot see."""
    yield "claims.NO_RESULT", compiled(claims.NO_RESULT)
    yield "outline._intro", outline._intro()
    for name in ("_NUMBERED", "_BEFORE_TITLE"):
        yield f"outline.{name}", compiled(getattr(outline, name))
    for key in SECTION_ORDER:
        yield f"outline._titled_source.{key}", compiled(outline._titled_source(key))
    for name in ("_PUBLISHED", "_BYLINE", "_SIGN_OFF"):
        yield f"dated.{name}", compiled(getattr(dated, name))
    yield "xxgk_lint.format.normalise._MINUS_BEFORE_DIGIT", compiled(_MINUS_BEFORE_DIGIT)
    yield "xxgk_lint.parse.numerals.NUMERAL", compiled(numerals.NUMERAL)
    yield "xxgk_lint.parse.cells._SEPARATORS", compiled(cells._SEPARATORS)
    yield "xxgk_lint.parse.metadata._IMPLICIT_PROBLEMS", compiled(metadata._IMPLICIT_PROBLEMS)


PATTERNS = dict([*_module_patterns(), *_model_patterns(), *_grammar_patterns(), *_lazy_patterns()])


def test_the_patterns_are_found() -> None:
    names = set(PATTERNS)
    for expected in (
        "report.lark HEADING",
        "report.lark ROW",
        "report.lark cells",
        "dates.lark DAY",
        "claims lexer",
        "2021.applications.columns",
        "document.period0.raw",
        "xxgk_lint.parse.sentences._NUMBER",
        "outline._intro",
        "dated._SIGN_OFF",
    ):
        assert expected in names
    assert len(names) >= 60


#: The line terminals are only ever matched against a whole line (the lexer's fullmatch),
#: never searched for: `[^\n]*X` searched from every position is quadratic by nature.
WHOLE_LINE = {
    name for name in PATTERNS if name.startswith("report.lark ") and name != "report.lark cells"
}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_adversarial_lines(name: str) -> None:
    pattern = PATTERNS[name]
    for label, line in ADVERSARIAL.items():
        try:
            with hang_guard(1.0):
                pattern.match(line)
                pattern.fullmatch(line)
                if name in WHOLE_LINE:
                    continue
                pattern.search(line)
                for _ in pattern.finditer(line):
                    pass
        except Hang:
            pytest.fail(f"{name} took more than a second on the {label!r} line")


@pytest.mark.parametrize("label", sorted(ADVERSARIAL))
def test_the_parser_is_linear_on_adversarial_lines(label: str) -> None:
    """The whole parse (lines, tables, sentences, claims) of a report of such lines."""
    line = ADVERSARIAL[label]
    lines = [
        "青山县交通运输局2023年政府信息公开工作年度报告",
        "一、总体情况",
        line,
        line + "。",
        "三、收到和处理政府信息公开申请情况",
        line,
        "六、其他需要报告的事项",
        line,
    ]
    text = "\n".join(lines)
    try:
        with hang_guard(3.0):
            report = parse_source(Source("adversarial.txt", "text", "utf-8", text))
            for sentence in report.sentences:
                sentence.claims  # noqa: B018 - parsed on first use
    except Hang:
        pytest.fail(f"parsing a report of {label!r} lines took more than three seconds")
