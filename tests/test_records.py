"""Records behave as the frozen dataclasses they replace, with one compiled method each."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import FrozenInstanceError, InitVar, field
from functools import cached_property
from typing import ClassVar

import pytest

from xxgk_lint import records
from xxgk_lint.records import record


@record
class Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)
    note: str = field(default="", compare=False, repr=False)


@record(slots=True)
class Slotted:
    name: str
    size: int = 1


@record(eq=False)
class Ident:
    value: int


@record(frozen=False)
class Mutable:
    items: list[int] = field(default_factory=list)


@record
class Derived:
    base: int
    double: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "double", self.base * 2)

    @cached_property
    def triple(self) -> int:
        return self.base * 3


@dataclasses.dataclass(frozen=True)
class PointDataclass:
    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)
    note: str = field(default="", compare=False, repr=False)


def test_init_takes_positional_keyword_default_and_factory_values() -> None:
    point = Point(1, tags=("a",))
    assert (point.x, point.y, point.tags, point.note) == (1, 0, ("a",), "")
    assert Point(x=3, y=4).y == 4
    assert Point(1).tags == () and Mutable().items == [] and Mutable().items is not Mutable().items
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, 2, (), "n", "extra")  # type: ignore[call-arg]


def test_repr_and_equality_match_the_dataclass_it_replaces() -> None:
    ours, theirs = Point(1, 2, ("t",), note="hidden"), PointDataclass(1, 2, ("t",), note="hidden")
    assert repr(ours) == "Point(x=1, y=2, tags=('t',))"
    assert repr(ours).removeprefix("Point") == repr(theirs).removeprefix("PointDataclass")
    assert Point(1, 2) == Point(1, 2, note="other")  # compare=False: not compared
    assert Point(1, 2) != Point(1, 3)
    assert Point(1, 2) != PointDataclass(1, 2)  # another class is never equal
    assert hash(Point(1, 2)) == hash(Point(1, 2, note="x"))
    assert len({Point(1, 2), Point(1, 2), Point(2, 2)}) == 2


def test_frozen_records_refuse_assignment_and_deletion() -> None:
    point, slotted = Point(1), Slotted("a")
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'x'"):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError, match="cannot delete field 'y'"):
        del point.y  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        slotted.size = 3  # type: ignore[misc]
    assert (point.x, slotted.size) == (1, 1)


def test_eq_false_compares_by_identity_and_frozen_false_allows_assignment() -> None:
    first = Ident(1)
    assert first != Ident(1) and first == first and hash(first) == object.__hash__(first)
    assert len({Ident(1), Ident(1)}) == 2
    bag = Mutable()
    bag.items = [1]
    assert bag.items == [1] and bag == Mutable([1])
    with pytest.raises(TypeError, match="unhashable"):
        hash(bag)


def test_post_init_init_false_fields_and_cached_properties() -> None:
    derived = Derived(5)
    assert (derived.double, derived.triple) == (10, 15)
    assert repr(derived) == "Derived(base=5, double=10)"
    with pytest.raises(TypeError):
        Derived(5, 10)  # type: ignore[call-arg]


def test_dataclasses_functions_pickle_and_copy_work() -> None:
    point = Point(1, 2, ("t",))
    assert [f.name for f in dataclasses.fields(point)] == ["x", "y", "tags", "note"]
    assert dataclasses.is_dataclass(point)
    assert dataclasses.replace(point, y=9) == Point(1, 9, ("t",))
    assert dataclasses.asdict(point) == {"x": 1, "y": 2, "tags": ("t",), "note": ""}
    slotted = Slotted("s", 4)
    assert not hasattr(slotted, "__dict__") and Slotted.__slots__ == ("name", "size")
    for value in (point, slotted, Derived(2)):
        assert pickle.loads(pickle.dumps(value)) == value
        assert copy.copy(value) == value and copy.deepcopy(value) == value
    match slotted:
        case Slotted(name, size):
            assert (name, size) == ("s", 4)


def test_an_undocumented_record_is_documented_by_its_fields_as_a_dataclass_is() -> None:
    assert Mutable.__doc__ == "Mutable(items)"
    assert Derived.__doc__ == "Derived(base)"


def test_methods_are_shared_and_only_init_is_made_per_class() -> None:
    for cls in (Point, Slotted, Derived):
        assert cls.__repr__ is records._repr and cls.__eq__ is records._eq
        assert cls.__setattr__ is records._frozen_setattr
        assert cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"
    assert Point.__init__ is not Slotted.__init__


def test_a_class_variable_is_no_field() -> None:
    @record
    class WithClassVar:
        kind: ClassVar[str] = "k"
        a: int

    assert [f.name for f in dataclasses.fields(WithClassVar)] == ["a"]
    assert WithClassVar(1) == WithClassVar(1) and WithClassVar.kind == "k"


def test_what_a_record_does_not_support_is_refused_when_it_is_defined() -> None:
    with pytest.raises(TypeError, match="InitVar or kw_only"):

        @record
        class WithInitVar:
            seed: InitVar[int]

    with pytest.raises(TypeError, match="InitVar or kw_only"):

        @record
        class WithKwOnly:
            a: int = field(kw_only=True)

    with pytest.raises(TypeError, match="record writes __repr__"):

        @record
        class OwnRepr:
            a: int

            def __repr__(self) -> str:
                return "mine"


def test_documenting_a_record_does_not_read_a_signature(monkeypatch: pytest.MonkeyPatch) -> None:
    # dataclasses documents a class by inspect.signature, which tokenizes object's text
    # signature for an init=False class: 3 ms of every start. records writes the doc itself.
    import inspect

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("inspect.signature was called")

    monkeypatch.setattr(inspect, "signature", refuse)

    @record
    class Point:
        x: int
        y: int = 0

    assert Point.__doc__ == "Point(x, y)"
    assert Point(1) == Point(1, 0)


def test_the_shipped_inits_are_those_of_the_records_as_they_are() -> None:
    assert not records.inits_stale(), (
        "src/xxgk_lint/_record_inits.py is out of date: run python -m xxgk_lint.records"
    )


def test_a_project_record_takes_its_init_ready_made() -> None:
    from xxgk_lint._record_inits import INITS
    from xxgk_lint.parse.ast import Period

    code = Period.__init__.__code__
    assert code in INITS.values()
    assert code.co_filename.endswith("_record_inits.py")
    assert Period.__init__.__qualname__ == "Period.__init__"
    from xxgk_lint.parse.ast import Span

    period = Period("2023年", Span(1, 1, 1, 6), None, None)
    assert (period.text, period.start, period.problem) == ("2023年", None, None)


def test_records_with_the_same_fields_share_code_and_keep_their_own_defaults() -> None:
    @record
    class Left:
        name: str
        size: int = 1

    @record
    class Right:
        name: str
        size: int = 2

    assert Left.__init__.__code__ is Right.__init__.__code__
    assert (Left("a").size, Right("a").size) == (1, 2)
    assert Right("b", size=5).size == 5


class _Doubled:
    """A data descriptor: what is assigned is stored doubled."""

    def __get__(self, obj: object, owner: type) -> int:
        return 0 if obj is None else obj.__dict__["_value"]

    def __set__(self, obj: object, value: int) -> None:
        obj.__dict__["_value"] = 2 * value


def test_a_frozen_field_behind_a_data_descriptor_goes_through_its_set() -> None:
    @record
    class Holder:
        name: str
        value: _Doubled = _Doubled()

    held = Holder("x", 4)
    assert (held.name, held.value, held.__dict__["name"]) == ("x", 8, "x")
    source = next(s for s in records.seen if s.startswith("def __init__(self, name, value):"))
    assert "__dict['name'] = name" in source  # a plain field: stored straight
    assert "__set(self, 'value', value)" in source  # through the descriptor
    with pytest.raises(FrozenInstanceError):
        held.name = "y"  # type: ignore[misc]


# --------------------------------------------------------------------------- NamedTuple


def _pair_classes() -> tuple[type, type]:
    """The same class body under typing's NamedTuple and under the records one."""
    import typing

    from xxgk_lint.records import NamedTuple as Cheap

    made = []
    for base in (typing.NamedTuple, Cheap):

        class Place(base):  # type: ignore[misc, valid-type]
            """Where a thing is."""

            line: int
            column: int
            note: str | None = None
            flags: tuple[str, ...] = ()

            def shifted(self, by: int) -> Place:
                return self._replace(column=self.column + by)

            @property
            def key(self) -> tuple[int, int]:
                return (self.line, self.column)

        made.append(Place)
    return made[0], made[1]


def test_named_tuple_behaves_as_typings() -> None:
    typed, cheap = _pair_classes()
    for cls in (typed, cheap):
        place = cls(3, 4)
        assert place == (3, 4, None, ())
        assert isinstance(place, tuple)
        assert repr(place) == "Place(line=3, column=4, note=None, flags=())"
        assert place.shifted(2).column == 6
        assert place.key == (3, 4)
        assert place._asdict() == {"line": 3, "column": 4, "note": None, "flags": ()}
        assert cls._make([1, 2, "x", ("a",)]).note == "x"
        assert cls.__doc__ == "Where a thing is."
        assert cls.__qualname__.endswith("Place")
        assert cls.__module__ == __name__
    assert cheap._fields == typed._fields == ("line", "column", "note", "flags")
    assert cheap._field_defaults == typed._field_defaults == {"note": None, "flags": ()}
    assert list(cheap.__annotations__) == list(typed.__annotations__)
    # the annotations are kept as written (typing's makes ForwardRefs of the strings)
    assert cheap.__annotations__["note"] == "str | None"


def test_named_tuple_pickles() -> None:
    import pickle

    from xxgk_lint.parse.ast import Span

    span = Span(1, 2, 3, 4)
    assert pickle.loads(pickle.dumps(span)) == span
    assert type(pickle.loads(pickle.dumps(span))) is Span


def test_named_tuple_refuses_what_typing_refuses() -> None:
    from xxgk_lint.records import NamedTuple

    with pytest.raises(TypeError, match="without a default follows one with a default"):

        class Bad(NamedTuple):
            a: int = 1
            b: int

    with pytest.raises(AttributeError, match="cannot define _make"):

        class Worse(NamedTuple):
            a: int

            def _make(self) -> None: ...

    with pytest.raises(TypeError, match="inherits from NamedTuple alone"):

        class Mixed(NamedTuple, int):  # type: ignore[misc]
            a: int
