"""Records: dataclasses that cost one compiled method each to define.

Why: ``dataclasses.dataclass`` compiles every method it writes, separately, each time the
program starts — ``__init__``, ``__repr__``, ``__eq__`` and, for a frozen class,
``__setattr__``, ``__delattr__`` and ``__hash__``. With some fifty record classes that was
about a fifth of the cold start of ``xxgk-lint check one.txt``. A :func:`record` is a
dataclass in every way that is visible (``dataclasses.fields``, ``replace``, ``asdict``,
pattern matching, pickling, ``FrozenInstanceError``; mypy reads it as a dataclass through
``dataclass_transform``) but only its ``__init__`` is compiled; ``__repr__``, ``__eq__``,
``__hash__`` and the frozen ``__setattr__``/``__delattr__`` are shared functions that read
the class's fields. Dataclasses still does all the field handling.

Supported: defaults, ``default_factory``, ``field(init=False, default=…)``,
``repr=False`` and ``compare=False`` fields, ``__post_init__``, ``slots=True``. Anything
else (``InitVar``, ``kw_only``, ``order``) is refused when the class is defined.

:data:`NamedTuple` is ``typing.NamedTuple`` for the same reason: typing's compiles each
field's annotation (a string, under ``from __future__ import annotations``) into a
``ForwardRef`` when the class is defined — some two hundred compilations of every start.
This one builds the same ``collections.namedtuple`` class and keeps the annotations as
written; type checkers read it as typing's.
"""

from __future__ import annotations

import collections
import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import MISSING, Field, FrozenInstanceError, field
from operator import attrgetter
from pathlib import Path
from types import CodeType, FunctionType
from typing import TYPE_CHECKING, Any, TypeVar, overload

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple

    from typing_extensions import dataclass_transform
else:  # at run time it only marks the function (and Python 3.10's typing lacks it)

    def dataclass_transform(**_: object) -> Callable[[T], T]:
        return lambda function: function


__all__ = ["NamedTuple", "record"]

T = TypeVar("T")

_FACTORY = object()  # an __init__ parameter left to its default_factory


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(
    *, eq: bool = True, frozen: bool = True, slots: bool = False
) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def record(
    cls: type[T] | None = None, /, *, eq: bool = True, frozen: bool = True, slots: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """Make ``cls`` a dataclass: frozen and compared by value unless told otherwise.

    ``eq=False`` keeps identity comparison (and hashing); ``frozen=False`` allows
    assignment; ``slots=True`` gives the class ``__slots__`` as dataclasses does.
    """

    def make(klass: type[T]) -> type[T]:
        return _make(klass, eq=eq, frozen=frozen, slots=slots)

    return make if cls is None else make(cls)


def _make(cls: type[T], *, eq: bool, frozen: bool, slots: bool) -> type[T]:
    undocumented = cls.__dict__.get("__doc__") is None
    if undocumented:
        # dataclasses would make the doc from inspect.signature(cls), which for an
        # init=False class parses object's text signature with tokenize: a placeholder
        # keeps it from doing so (3 ms of every start); the doc is written below.
        cls.__doc__ = cls.__name__
    cls = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slots)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if undocumented:  # as dataclasses does, without the cost of inspect.signature
        cls.__doc__ = f"{cls.__name__}({', '.join(f.name for f in fields if f.init)})"
    # Pseudo-fields that dataclasses.fields() leaves out: ClassVars (fine) and InitVars.
    names = {f.name for f in fields}
    every: dict[str, Field[Any]] = cls.__dataclass_fields__  # type: ignore[attr-defined]
    pseudo = [f for name, f in every.items() if name not in names]
    if any("InitVar" in str(f.type) for f in pseudo) or any(f.kw_only is True for f in fields):
        raise TypeError(f"{cls.__qualname__}: record supports no InitVar or kw_only field")
    namespace: dict[str, Any] = {
        "__init__": _init(cls, fields, frozen),
        "__repr__": _repr,
        "_record_repr": tuple(f.name for f in fields if f.repr),
    }
    if eq:
        compared = [f.name for f in fields if f.compare]
        key = attrgetter(*compared) if len(compared) > 1 else _single(compared)
        namespace |= {"__eq__": _eq, "_record_key": staticmethod(key)}
        namespace["__hash__"] = _hash if frozen else None
    if frozen:
        namespace |= {"__setattr__": _frozen_setattr, "__delattr__": _frozen_delattr}
        if slots:
            namespace |= {"__getstate__": _getstate, "__setstate__": _setstate}
    for name, value in namespace.items():
        if name in cls.__dict__ and not name.startswith("_record"):
            raise TypeError(f"{cls.__qualname__}: record writes {name}; do not define it")
        setattr(cls, name, value)
    return cls


def _single(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """attrgetter of one name gives the value, not a tuple: wrap it (or no name at all)."""
    if not names:
        return lambda _: ()
    get = attrgetter(names[0])
    return lambda obj: (get(obj),)


def _init(cls: type, fields: tuple[Field[Any], ...], frozen: bool) -> Callable[..., None]:
    """The class's ``__init__``: the one method that is compiled per class, from source
    that depends on its fields alone — and taken ready-made from :mod:`._record_inits`
    when that source is there (every record of the project's: see :func:`_code_of`)."""
    scope: dict[str, Any] = {"__set": object.__setattr__, "__FACTORY": _FACTORY}
    params, body, defaults = ["self"], [], []
    direct = "__slots__" not in cls.__dict__  # instances have a __dict__
    for index, spec in enumerate(fields):
        name = spec.name
        default, factory = f"__default_{index}", f"__factory_{index}"
        if spec.default is not MISSING:
            scope[default] = spec.default
        if spec.default_factory is not MISSING:
            scope[factory] = spec.default_factory
        if spec.init:
            if spec.default is not MISSING:
                defaults.append(spec.default)
            elif spec.default_factory is not MISSING:
                defaults.append(_FACTORY)
                body.append(f"if {name} is __FACTORY: {name} = {factory}()")
            elif defaults:
                raise TypeError(f"{cls.__qualname__}: non-default field {name} after a default")
            params.append(name)
            value = name
        elif spec.default is not MISSING:
            value = default
        elif spec.default_factory is not MISSING:
            value = f"{factory}()"
        else:
            continue  # init=False and no default: set by __post_init__, as in dataclasses
        if not frozen:
            body.append(f"self.{name} = {value}")
        elif direct and not _data_descriptor(cls, name):
            # A frozen field stored straight into the instance's dict: what
            # object.__setattr__ does for a plain field, without a call per field.
            body.append(f"__dict[{name!r}] = {value}")
        else:  # a slot, or a field behind a data descriptor: its __set__ must run
            body.append(f"__set(self, {name!r}, {value})")
    if any(line.startswith("__dict[") for line in body):
        body.insert(0, "__dict = self.__dict__")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    source = f"def __init__({', '.join(params)}):\n " + "\n ".join(body or ["pass"])
    # The defaults are the function's, not the source's: one code object serves every
    # class whose fields have the same names, whatever their defaults.
    seen.setdefault(source, set()).add(cls.__module__.split(".")[0])
    init = FunctionType(_code_of(source), scope, "__init__", tuple(defaults) or None)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    return init


def _data_descriptor(cls: type, name: str) -> bool:
    """Whether the class attribute ``name`` (looked up without calling it) has a ``__set__``
    that an assignment to the field must go through."""
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return hasattr(type(klass.__dict__[name]), "__set__")
    return False


#: The ``__init__`` source of every record defined in this process, and the top-level
#: packages of the classes with it (``python -m xxgk_lint.records`` writes the sources of
#: the project's into ``_record_inits``).
seen: dict[str, set[str]] = {}
_ready: dict[str, CodeType] | None = None


def _code_of(source: str) -> CodeType:
    """The code of ``source``, an ``__init__``. Compiling costs about 0.1 ms a class, a
    few milliseconds of every start: the project's records take theirs from the
    generated module :mod:`._record_inits` (compiled once, into its .pyc, with the rest of
    the package); a plugin's, or a record changed since, are compiled here."""
    global _ready
    if _ready is None:
        from xxgk_lint._record_inits import INITS

        _ready = dict(INITS)  # (and the sources compiled here, added as they come)
    code = _ready.get(source)
    if code is None:
        scope: dict[str, Any] = {}
        exec(source, scope)
        code = _ready[source] = scope["__init__"].__code__
    return code


def render_inits(sources: Iterable[str]) -> str:
    """The text of :mod:`._record_inits` for these ``__init__`` sources."""
    out = [
        '"""The ``__init__`` of each record of xxgk-lint, compiled with the package (see',
        "xxgk_lint.records._code_of). Generated by ``python -m xxgk_lint.records``: do not",
        'edit; a test fails when a record\'s fields change and this is not regenerated."""',
        "# fmt: off",
        "# ruff: noqa",
        "# mypy: ignore-errors",
        "",
        "INITS = {}",
    ]
    for source in sorted(set(sources)):
        out += ["", source, f"INITS[{source!r}] = __init__.__code__"]
    out += ["", "del __init__", ""]
    return "\n".join(out)


def _project_sources() -> list[str]:
    """Every record ``__init__`` source of the project's modules (imported for it)."""
    import importlib
    import pkgutil

    ours = ("xxgk_lint", "xxgk_lint_rules")
    for package_name in ours:
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            if info.name != "xxgk_lint.__main__":
                importlib.import_module(info.name)
    return [source for source, packages in seen.items() if not packages.isdisjoint(ours)]


def inits_stale() -> bool:
    """Whether :mod:`._record_inits` is not what ``python -m xxgk_lint.records`` writes."""
    return INITS_FILE.read_text(encoding="utf-8") != render_inits(_project_sources())


INITS_FILE = Path(__file__).with_name("_record_inits.py")


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._record_repr)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: object) -> bool:
    key = self._record_key
    if other.__class__ is not self.__class__:
        return NotImplemented
    return bool(key(self) == key(other))


def _hash(self: Any) -> int:
    return hash(self._record_key(self))


def _frozen_setattr(self: Any, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, f.name) for f in dataclasses.fields(self)]


def _setstate(self: Any, state: list[Any]) -> None:
    for spec, value in zip(dataclasses.fields(self), state, strict=True):
        object.__setattr__(self, spec.name, value)


#: Names a NamedTuple class body may not define (the namedtuple's own), and those it keeps.
_TUPLE_OWN = frozenset(
    {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults"}
    | {"_make", "_replace", "_asdict", "_source"}
)
_TUPLE_KEPT = frozenset({"__module__", "__name__", "__annotations__"})


_namedtuple: Callable[..., Any] = collections.namedtuple


class _TupleMeta(type):
    """What ``class X(NamedTuple)`` calls: typing's ``NamedTupleMeta`` without the
    evaluation of the annotations (and without ``Generic``, which no record uses)."""

    def __new__(cls, typename: str, bases: tuple[type, ...], ns: dict[str, Any]) -> Any:
        if len(bases) != 1 or type(bases[0]) is not _TupleMeta:
            raise TypeError(f"{typename}: a NamedTuple inherits from NamedTuple alone")
        annotations: dict[str, Any] = ns.get("__annotations__", {})
        defaulted = [name for name in annotations if name in ns]
        if defaulted and list(annotations)[-len(defaulted) :] != defaulted:
            raise TypeError(f"{typename}: a field without a default follows one with a default")
        defaults = [ns[name] for name in defaulted]
        fields = list(annotations)
        made = _namedtuple(typename, fields, defaults=defaults, module=ns["__module__"])
        made.__annotations__ = made.__new__.__annotations__ = dict(annotations)
        for key, value in ns.items():
            if key in _TUPLE_OWN:
                raise AttributeError(f"{typename}: a NamedTuple cannot define {key}")
            if key not in _TUPLE_KEPT and key not in made._fields:
                setattr(made, key, value)
        return made


if not TYPE_CHECKING:
    #: ``typing.NamedTuple``'s class syntax (``class Span(NamedTuple): line: int …``).
    NamedTuple = type.__new__(_TupleMeta, "NamedTuple", (), {})


if __name__ == "__main__":  # pragma: no cover
    # The project's modules use the imported module, not this __main__ copy of it.
    from xxgk_lint import records

    records.INITS_FILE.write_text(
        records.render_inits(records._project_sources()), encoding="utf-8"
    )
    print(f"wrote {records.INITS_FILE}")
