"""Expressions of YAML rules: three-valued, over canonical cells, never ``eval``."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest

from tests.conftest import FIXTURES
from tests.engine.reportkit import CLEAN, edit
from xxgk_lint.engine.yamlrules.expr import ExprError, compile_expression, evaluate, show
from xxgk_lint.testing import parse_file, parse_text

REPORT = parse_text(CLEAN)
#: 予以公开's 总计 left blank, the 规章 row left out.
GAPS = parse_text(
    edit(
        edit(
            CLEAN,
            "（一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |",
            "（一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 |  |",
        ),
        "规章 | 0 | 0 | 0 |\n",
        "",
    )
)


def value(text: str, report=REPORT):
    return evaluate(compile_expression(text, boolean=False).tree, report)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("proactive.licensing.decisions", 120),
        ("proactive.licensing.decisions + proactive.penalties.decisions * 2", 150),
        ("(proactive.licensing.decisions - 20) / 4", 25),
        ("applications.received.total / 2", Decimal("3.5")),
        ("-reviews.review.total", -1),
        ("sum(applications.*.total)", 7 + 1 + 4 + 1 + 2 + 7 + 1),
        ("sum(applications.unavailable.*.total)", 2),
        ("sum(applications.denied.*.total)", 0),
        ("max(applications.received.*)", 7),
        ("min(applications.received.*)", 0),
        ("proactive.licensing.decisions > 100 and reviews.review.total == 1", True),
        ("proactive.licensing.decisions > 200 or not reviews.review.total != 1", True),
        ("proactive.fees.amount / 0", None),
        ("1.5 * 2 == 3", True),
    ],
)
def test_values(text: str, expected) -> None:
    assert value(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("applications.granted.total > 0", None),  # blank: not assessable, not false
        ("applications.granted.total + 1 > 0", None),
        ("sum(applications.*.total) > 0", None),
        ("proactive.regulations.issued == 0", None),  # the row is absent
        ("applications.granted.total > 0 and proactive.licensing.decisions > 1000", False),
        ("proactive.licensing.decisions > 1000 and applications.granted.total > 0", False),
        ("applications.granted.total > 0 or proactive.licensing.decisions > 0", True),
        ("applications.granted.total > 0 or proactive.licensing.decisions > 1000", None),
        ("not applications.granted.total > 0", None),
    ],
)
def test_a_blank_or_absent_cell_is_not_assessable(text: str, expected) -> None:
    assert value(text, GAPS) is expected


def test_a_cell_only_the_2021_format_has_is_not_assessable_in_a_2019_report() -> None:
    older = parse_file(FIXTURES / "reports" / "older-format-2019.txt")
    assert older.format_version == "2019"
    assert value("proactive.normative_documents.issued >= 0", older) is None
    assert value("proactive.licensing.decisions >= 0", older) is True


def test_the_cells_an_expression_names_in_text_order() -> None:
    compiled = compile_expression(
        "reviews.review.total > 0 and sum(applications.denied.*.total) < proactive.fees.amount"
    )
    assert compiled.addresses == (
        "reviews.review.total",
        "applications.denied.*.total",
        "proactive.fees.amount",
    )
    assert compiled.is_comparison is False
    assert pickle.loads(pickle.dumps(compiled)) == compiled


def test_python_is_not_evaluated() -> None:
    for text in ("__import__('os').system('true')", "proactive.licensing.decisions.__class__ > 0"):
        with pytest.raises(ExprError):
            compile_expression(text)


def test_numbers_as_messages_show_them() -> None:
    assert [show(v) for v in (7, Decimal("3.5"), Decimal("7") / 3, Decimal("4.00"), None)] == [
        "7",
        "3.5",
        "2.3333",
        "4",
        "—",
    ]
