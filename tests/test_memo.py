"""Bounded memo tables: registered, bounded, emptied together."""

from __future__ import annotations

from xxgk_lint import memo


def test_bounded_tables_are_emptied_together() -> None:
    calls: list[str] = []

    @memo.bounded(2)
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    other: dict[str, int] = {"a": 1}
    memo.register(other.clear)
    assert shout("a") == "A" and shout("a") == "A"
    assert calls == ["a"]
    shout("b"), shout("c")  # over the bound: the oldest entry goes
    assert shout.cache_info().currsize == 2  # type: ignore[attr-defined]
    memo.clear_all()
    assert shout.cache_info().currsize == 0  # type: ignore[attr-defined]
    assert other == {}
    shout("a")
    assert calls == ["a", "b", "c", "a"]


def test_the_parsers_tables_are_registered() -> None:
    from xxgk_lint.format.normalise import normalise
    from xxgk_lint.parse.dates import read_dates

    normalise("總計")
    read_dates("2023年1月1日至2023年12月31日")
    memo.clear_all()
    assert normalise.cache_info().currsize == 0  # type: ignore[attr-defined]
    assert read_dates.cache_info().currsize == 0  # type: ignore[attr-defined]


def test_a_plain_table_is_bounded_and_emptied_with_the_others() -> None:
    table: memo.Table[str, int] = memo.Table(3)
    assert table.keep("a", 1) == 1 and table.keep("b", 2) == 2 and table.keep("c", 3) == 3
    assert table == {"a": 1, "b": 2, "c": 3} and table.get("b") == 2
    assert table.keep("d", 4) == 4
    assert table == {"d": 4}  # full: emptied before "d" went in
    table.make_room(2)
    assert table == {"d": 4}  # room for two more
    table.make_room(3)
    assert table == {}  # not for three
    table.update({"x": 7, "y": 8})
    memo.clear_all()
    assert table == {}
