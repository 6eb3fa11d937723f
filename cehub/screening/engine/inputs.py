"""What the engine reads: the child facts, the answers, and the protected characteristics it
refuses by name. Everything arrives as parsed JSON and is checked key by key."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, Final

from cehub.screening.errors import (
    InvalidAnswerError,
    InvalidChildFactsError,
    InvalidInputError,
    ProtectedCharacteristicError,
)

CHILD_FACT_KEYS: Final = ("age", "learning_disability", "disclosure")
ANSWER_KEYS: Final = ("indicator", "when", "confirmed")
INPUT_KEYS: Final = ("answers", "child")
# CE Hub works with children (under 18); transitional safeguarding can run to 25.
MAX_CHILD_AGE: Final = 25

# Protected characteristics (Equality Act 2010) and common names for them. Age and
# learning disability are deliberately absent: the published overrides use them, as
# measures of vulnerability, and they are the only characteristics the engine sees.
_PROTECTED_WORDS: Final = frozenset(
    {
        "belief",
        "beliefs",
        "caste",
        "civil_partnership",
        "color",
        "colour",
        "disabilities",
        "disability",
        "disabled",
        "ethnic",
        "ethnicity",
        "faith",
        "gender",
        "marital",
        "marriage",
        "married",
        "maternity",
        "national_origin",
        "nationality",
        "orientation",
        "pregnancy",
        "pregnant",
        "race",
        "racial",
        "religion",
        "religious",
        "sex",
        "sexual_orientation",
        "sexuality",
        "trans",
        "transgender",
    }
)


def _normalise_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", key.strip().lower()).strip("_")


def is_protected_characteristic(key: str) -> bool:
    """Whether a key names a protected characteristic (``"Ethnicity"``, ``"child_sex"``, ...)."""
    normalised = _normalise_key(key)
    if normalised in _PROTECTED_WORDS:
        return True
    words = normalised.split("_")
    pairs = {f"{a}_{b}" for a, b in itertools.pairwise(words)}
    return bool(_PROTECTED_WORDS.intersection(words) or _PROTECTED_WORDS.intersection(pairs))


def _check_keys(data: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
    """Refuse unknown keys; name protected characteristics as such."""
    for key in data:
        if not isinstance(key, str):
            raise InvalidInputError(f"{where}: keys must be strings, not {key!r}.")
        if key in allowed:
            continue
        if is_protected_characteristic(key):
            raise ProtectedCharacteristicError(key, where, allowed)
        error = InvalidChildFactsError if where == "child" else InvalidInputError
        raise error(
            f"{where}: unknown key {key!r}. Accepted here: {', '.join(allowed)}.",
            code="unknown_child_fact" if where == "child" else "unknown_key",
        )


def _mapping(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidInputError(f"{where} must be a JSON object, not {_type_name(value)}.")
    return value


def _type_name(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a decimal number", str: "a string"}
    if value is None:
        return "null"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return names.get(type(value), type(value).__name__)


@dataclass(frozen=True, slots=True)
class ChildFacts:
    """The only facts about a child that reach the engine.

    There is no field for any protected characteristic, and :meth:`from_mapping` refuses
    unknown keys, so ethnicity, sex, religion and the like cannot influence a level.
    ``age`` is ``None`` when unknown: the age override then does not fire.
    """

    age: int | None
    learning_disability: bool
    disclosure: bool

    def __post_init__(self) -> None:
        if self.age is not None:
            if isinstance(self.age, bool) or not isinstance(self.age, int):
                raise InvalidChildFactsError(
                    f"child.age must be a whole number or null, not {_type_name(self.age)}.",
                    code="invalid_age",
                )
            if not 0 <= self.age <= MAX_CHILD_AGE:
                raise InvalidChildFactsError(
                    f"child.age must be between 0 and {MAX_CHILD_AGE}, not {self.age}.",
                    code="invalid_age",
                )
        for name in ("learning_disability", "disclosure"):
            value = getattr(self, name)
            if not isinstance(value, bool):
                raise InvalidChildFactsError(
                    f"child.{name} must be true or false, not {_type_name(value)}."
                )

    @classmethod
    def from_mapping(cls, data: object) -> ChildFacts:
        facts = _mapping(data, "child")
        _check_keys(facts, CHILD_FACT_KEYS, "child")
        missing = [key for key in CHILD_FACT_KEYS if key not in facts]
        if missing:
            # Required on purpose: a forgotten "disclosure" must not quietly mean "no".
            raise InvalidChildFactsError(
                f"child: missing {', '.join(repr(key) for key in missing)}. Give every one of "
                f"{', '.join(CHILD_FACT_KEYS)} (age may be null when unknown)."
            )
        return cls(
            age=facts["age"],
            learning_disability=facts["learning_disability"],
            disclosure=facts["disclosure"],
        )

    def to_dict(self) -> dict[str, Any]:
        return {field_.name: getattr(self, field_.name) for field_ in fields(self)}


@dataclass(frozen=True, slots=True)
class Answer:
    """One ticked indicator: which, when it was last seen, and whether it is confirmed."""

    indicator: str
    when: str
    confirmed: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.indicator, str) or not self.indicator:
            raise InvalidAnswerError(
                f"answer indicator must be a non-empty string, not {_type_name(self.indicator)}."
            )
        if not isinstance(self.when, str):
            raise InvalidAnswerError(
                f"answer {self.indicator!r}: when must be a string, not {_type_name(self.when)}.",
                code="invalid_when",
            )
        if not isinstance(self.confirmed, bool):
            raise InvalidAnswerError(
                f"answer {self.indicator!r}: confirmed must be true or false, "
                f"not {_type_name(self.confirmed)}."
            )

    @classmethod
    def from_mapping(cls, data: object, index: int) -> Answer:
        where = f"answers[{index}]"
        answer = _mapping(data, where)
        _check_keys(answer, ANSWER_KEYS, where)
        for key in ("indicator", "when"):
            if key not in answer:
                raise InvalidAnswerError(f"{where}: missing {key!r}.")
        try:
            # "confirmed" may be left out: an unconfirmed answer is a suspected one.
            return cls(answer["indicator"], answer["when"], answer.get("confirmed", False))
        except InvalidAnswerError as error:
            raise InvalidAnswerError(f"{where}: {error.message}", code=error.code) from None

    def to_dict(self) -> dict[str, Any]:
        return {"indicator": self.indicator, "when": self.when, "confirmed": self.confirmed}


@dataclass(frozen=True, slots=True)
class ScreeningInput:
    answers: tuple[Answer, ...]
    child: ChildFacts

    @classmethod
    def from_mapping(cls, data: object) -> ScreeningInput:
        """Build from parsed JSON: ``{"answers": [...], "child": {...}}``."""
        payload = _mapping(data, "input")
        _check_keys(payload, INPUT_KEYS, "input")
        if "answers" not in payload:
            raise InvalidInputError("input: missing 'answers' (a list, which may be empty).")
        if "child" not in payload:
            raise InvalidChildFactsError(
                "input: missing 'child' (an object with age, learning_disability, disclosure)."
            )
        answers = payload["answers"]
        if not isinstance(answers, list):
            raise InvalidInputError(f"answers must be a list, not {_type_name(answers)}.")
        return cls(
            answers=tuple(Answer.from_mapping(item, i) for i, item in enumerate(answers)),
            child=ChildFacts.from_mapping(payload["child"]),
        )
