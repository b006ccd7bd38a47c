"""The content schema: what a lecture file may hold, as pydantic models.

Every model forbids unknown keys, so a typo such as `defintion:` is an error
with a position rather than a silently ignored field. Ids are written by the
author and never derived from text: fixing a typo in a term keeps a learner's
review history, which is keyed by the id.
"""

from __future__ import annotations

import os
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)

# studytui uses no pydantic plugins; without this, pydantic scans the entry
# points of every installed package when the first model class is created.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

Lang = Literal["ko", "en"]
DisplayLang = Literal["ko", "en", "both"]
LANGS: tuple[Lang, ...] = ("ko", "en")

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]

# A cloze prompt marks its blank with three or more underscores.
CLOZE_BLANK = re.compile(r"_{3,}")


class Strict(BaseModel):
    # defer_build: the validators are built on first validation, so a start-up
    # served from the deck cache never pays for them.
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class BiText(Strict):
    """A text in Korean and English. Bundled content has both; a learner's own
    deck may have one, and the app falls back to the other."""

    ko: NonEmpty | None = None
    en: NonEmpty | None = None

    @model_validator(mode="after")
    def _at_least_one(self) -> BiText:
        if self.ko is None and self.en is None:
            raise ValueError("needs at least one of 'ko' or 'en'")
        return self

    def get(self, lang: Lang) -> str:
        """The text in `lang`, or in the other language when it is missing."""
        text = self.ko if lang == "ko" else self.en
        if text is None:
            text = self.en if lang == "ko" else self.ko
        assert text is not None  # guaranteed by _at_least_one
        return text

    def show(self, lang: DisplayLang, sep: str = " / ") -> str:
        """The text as the learner asked to see it: one language, or both."""
        if lang != "both":
            return self.get(lang)
        if self.ko and self.en and self.ko != self.en:
            return f"{self.ko}{sep}{self.en}"
        return self.get("ko")

    def missing(self) -> list[Lang]:
        return [lang for lang in LANGS if getattr(self, lang) is None]

    def texts(self) -> list[str]:
        return [t for t in (self.ko, self.en) if t]


class DemoLink(Strict):
    """A card's link to a registered demo, with the parameters to open it with."""

    name: NonEmpty
    params: dict[str, Any] = Field(default_factory=dict)


class Card(Strict):
    id: Slug
    term: BiText
    definition: BiText
    notes: BiText | None = None
    formula: NonEmpty | None = None
    aliases: list[NonEmpty] = Field(default_factory=list)
    tags: list[Slug] = Field(default_factory=list)
    demo: DemoLink | None = None


QuestionType = Literal["choice", "multi", "truefalse", "short", "cloze"]


def _answer_kind(value: Any) -> str | None:
    # bool before int: in Python True is an int too.
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "number"
    if isinstance(value, list):
        return "numbers"
    if isinstance(value, (dict, BiText)):
        return "text"
    return None


# A tagged union, so a wrong answer gets one message instead of one per member.
Answer = Annotated[
    Annotated[bool, Tag("bool")]
    | Annotated[int, Tag("number")]
    | Annotated[list[int], Tag("numbers")]
    | Annotated[BiText, Tag("text")],
    Discriminator(
        _answer_kind,
        custom_error_type="answer_type",
        custom_error_message="answer must be a choice number, a list of choice numbers, "
        "true/false, or a text {ko: ..., en: ...}",
    ),
]


class Question(Strict):
    """A quiz question about one card.

    `answer` depends on `type`:
      choice     the number of the right choice, counted from 1 (the key the learner presses)
      multi      a list of such numbers (at least one)
      truefalse  true or false
      short      the expected answer as a bilingual text; `accept` adds aliases
      cloze      the word that fills the blank (`___` in the prompt); `accept` adds aliases
    """

    id: Slug
    type: QuestionType
    card: Slug
    prompt: BiText
    choices: list[BiText] = Field(default_factory=list)
    answer: Answer
    accept: list[NonEmpty] = Field(default_factory=list)
    explanation: BiText

    @field_validator("answer")
    @classmethod
    def _answer_fits_type(cls, answer: Any, info: ValidationInfo) -> Any:
        # Fields are validated in order, so type, prompt and choices are known
        # here unless they were invalid themselves (then they report instead).
        if {"type", "prompt", "choices"} <= info.data.keys():
            problem = _answer_problem(
                info.data["type"], info.data["prompt"], info.data["choices"], answer
            )
            if problem:
                raise ValueError(problem)
        return answer

    def answer_texts(self) -> list[str]:
        """Every text that counts as right for a typed question."""
        if isinstance(self.answer, BiText):
            return [*self.answer.texts(), *self.accept]
        return list(self.accept)


def _answer_problem(
    qtype: QuestionType, prompt: BiText, choices: list[BiText], a: Any
) -> str | None:
    """Why answer `a` does not fit a question of type `qtype`, or None."""
    if qtype in ("choice", "multi"):
        if len(choices) < 2:
            return f"a '{qtype}' question needs at least 2 choices"
        numbers = [a] if qtype == "choice" else a
        if qtype == "choice" and not (isinstance(a, int) and not isinstance(a, bool)):
            return "a 'choice' answer is the number of the right choice (1 = first)"
        if qtype == "multi" and not (isinstance(a, list) and a):
            return "a 'multi' answer is a non-empty list of choice numbers"
        assert isinstance(numbers, list)
        for n in numbers:
            if not 1 <= n <= len(choices):
                return f"answer {n} is not among the {len(choices)} choices (1-{len(choices)})"
        if len(set(numbers)) != len(numbers):
            return "the answer lists a choice twice"
        return None
    if choices:
        return f"a '{qtype}' question takes no choices"
    if qtype == "truefalse":
        return None if isinstance(a, bool) else "a 'truefalse' answer is true or false"
    if not isinstance(a, BiText):
        return f"a '{qtype}' answer is a text: {{ko: ..., en: ...}}"
    if qtype == "cloze":
        for lang in LANGS:
            text = getattr(prompt, lang)
            if text is not None and not CLOZE_BLANK.search(text):
                return f"a 'cloze' prompt marks its blank with ___ (prompt.{lang} has none)"
    return None


class Lecture(Strict):
    id: Slug
    number: Annotated[int, Field(ge=0, le=999)]
    title: BiText
    summary: BiText
    cards: list[Card] = Field(min_length=1)
    questions: list[Question] = Field(default_factory=list)
