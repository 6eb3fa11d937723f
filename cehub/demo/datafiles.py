"""Reading the demo partnership's data files: ``cehub/demo/data/*.yaml``.

The demo's names, places, networks and wording are data, so they live in YAML files beside the
code (found from this module's own path, so they ship with it) and can be edited without
touching the planner. Each file is read once. Every value is read through an :class:`Entry`,
which checks its shape and, when it is wrong, fails naming the file and the key, for example
``cehub/demo/data/networks.yaml: county-line.adults.dex.ages: expected 2 whole numbers, found
'24-31'``. The modules that read the files do so when they are imported, so a broken file stops
``seed_demo`` (and the tests) before anything is written.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Concatenate, NoReturn

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
_ROOT = DATA_DIR.parents[2]  # file names in errors are relative to the project


class DemoDataError(ValueError):
    """A demo data file is missing, is not YAML, or holds a value of the wrong shape."""


def _describe(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    shown = repr(value)
    return shown if len(shown) <= 60 else f"{shown[:57]}..."


@dataclass(frozen=True)
class Entry:
    """One value in a data file, with where it is (the file and the key path to it)."""

    file: str
    where: str
    value: object
    # The keys of this mapping read so far, for no_other_keys().
    _read: set[str] = field(default_factory=set, compare=False, repr=False)

    def fail(self, problem: str) -> NoReturn:
        raise DemoDataError(f"{self.file}: {self.where or '(top level)'}: {problem}")

    def _expected(self, what: str) -> NoReturn:
        self.fail(f"expected {what}, found {_describe(self.value)}")

    def _child(self, key: str | int, value: object) -> Entry:
        if isinstance(key, int):
            where = f"{self.where}[{key}]"
        else:
            where = f"{self.where}.{key}" if self.where else key
        return Entry(self.file, where, value)

    # --- mappings --------------------------------------------------------------------------
    def _mapping(self) -> dict[str, object]:
        if not isinstance(self.value, dict):
            self._expected("a mapping")
        for key in self.value:
            if not isinstance(key, str):
                self._child(str(key), None).fail(f"keys must be text: quote {key!r}")
        return self.value

    def __getitem__(self, key: str) -> Entry:
        """A key the mapping must have."""
        mapping = self._mapping()
        if key not in mapping:
            self.fail(f"missing key {key!r}")
        self._read.add(key)
        return self._child(key, mapping[key])

    def has(self, key: str) -> bool:
        return key in self._mapping()

    def get(self, key: str, default: object) -> Entry:
        """A key the mapping may leave out, read as ``default`` when it does."""
        mapping = self._mapping()
        self._read.add(key)
        return self._child(key, mapping.get(key, default))

    def no_other_keys(self) -> None:
        """Fail on any key of the mapping not read so far: a typo, or something unused.

        Call it once a file's top level has been read key by key (``@record`` does it for a
        record).
        """
        unknown = [key for key in self._mapping() if key not in self._read]
        if unknown:
            expected = ", ".join(sorted(self._read)) or "nothing"
            self.fail(f"unknown key {unknown[0]!r} (expected {expected})")

    def keys(self, *required: str, optional: Iterable[str] = ()) -> Entry:
        """Check the mapping has the ``required`` keys and no others but the ``optional``
        (for a mapping read whole, with ``map`` or ``entries``)."""
        mapping = self._mapping()
        for key in required:
            if key not in mapping:
                self.fail(f"missing key {key!r}")
        allowed = {*required, *optional}
        unknown = [key for key in mapping if key not in allowed]
        if unknown:
            self.fail(f"unknown key {unknown[0]!r} (expected {', '.join(sorted(allowed))})")
        return self

    def entries(self) -> list[tuple[str, Entry]]:
        """The mapping's keys and values, in the file's order."""
        mapping = self._mapping()
        self._read.update(mapping)
        return [(key, self._child(key, value)) for key, value in mapping.items()]

    def map[T](self, read: Callable[[Entry], T]) -> dict[str, T]:
        """The mapping, each value read with ``read``."""
        return {key: read(entry) for key, entry in self.entries()}

    def keyed_by[E: Enum, T](self, enum: type[E], read: Callable[[Entry], T]) -> dict[E, T]:
        """The mapping with its keys read as ``enum`` values, each value read with ``read``."""
        return {self._child(key, key).member(enum): read(entry) for key, entry in self.entries()}

    # --- lists -----------------------------------------------------------------------------
    def each(self) -> list[Entry]:
        if not isinstance(self.value, list):
            self._expected("a list")
        return [self._child(index, value) for index, value in enumerate(self.value)]

    def texts(self) -> tuple[str, ...]:
        return tuple(entry.text() for entry in self.each())

    def integers(self, count: int) -> tuple[int, ...]:
        """A list of exactly ``count`` whole numbers, such as an age range."""
        items = self.value if isinstance(self.value, list) else None
        if items is None or len(items) != count:
            self._expected(f"{count} whole numbers")
        return tuple(entry.integer() for entry in self.each())

    def members[E: Enum](self, enum: type[E]) -> tuple[E, ...]:
        return tuple(entry.member(enum) for entry in self.each())

    # --- scalars ---------------------------------------------------------------------------
    def text(self, *, empty: bool = False) -> str:
        """Text; empty text only where ``empty`` allows it (a blank is usually a mistake)."""
        if not isinstance(self.value, str) or not (self.value or empty):
            self._expected("text")
        return self.value

    def optional_text(self) -> str | None:
        return None if self.value is None else self.text()

    def integer(self) -> int:
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            self._expected("a whole number")
        return self.value

    def number(self) -> float:
        if isinstance(self.value, bool) or not isinstance(self.value, int | float):
            self._expected("a number")
        return float(self.value)

    def flag(self) -> bool:
        if not isinstance(self.value, bool):
            self._expected("true or false")
        return self.value

    def optional_flag(self) -> bool | None:
        return None if self.value is None else self.flag()

    def member[E: Enum](self, enum: type[E]) -> E:
        """An enum member, written in the file as its value (``cse`` for ExploitationForm.CSE)."""
        for member in enum:
            if member.value == self.value:
                return member
        self._expected(f"one of {', '.join(str(m.value) for m in enum)}")

    def one_of(self, allowed: Iterable[str], what: str) -> str:
        """Text that must be one of ``allowed`` (keys defined elsewhere: ``what`` they are)."""
        value = self.text()
        if value not in set(allowed):
            self.fail(f"{value!r} is not {what}")
        return value


def record[**P, T](read: Callable[Concatenate[Entry, P], T]) -> Callable[Concatenate[Entry, P], T]:
    """Marks ``read`` as the reader of a whole record (its first argument): once it has read
    the keys it wants, any other key in the record is an error (``Entry.no_other_keys``)."""

    @functools.wraps(read)
    def checked(row: Entry, *args: P.args, **kwargs: P.kwargs) -> T:
        value = read(row, *args, **kwargs)
        row.no_other_keys()
        return value

    return checked


def read_file(path: Path) -> Entry:
    """A data file's top level (a mapping). Not cached: use :func:`datafile` for the demo's."""
    try:
        name = str(path.resolve().relative_to(_ROOT))
    except ValueError:
        name = str(path)
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise DemoDataError(f"{name}: cannot be read ({error.strerror or error})") from error
    except yaml.YAMLError as error:
        raise DemoDataError(f"{name}: not valid YAML: {error}") from error
    top = Entry(name, "", content)
    top._mapping()  # the top level is always a mapping
    return top


@functools.cache
def datafile(name: str) -> Entry:
    """``cehub/demo/data/<name>.yaml``, read once."""
    return read_file(DATA_DIR / f"{name}.yaml")
