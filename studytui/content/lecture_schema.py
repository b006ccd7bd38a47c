"""The content schema: what a lecture file may hold, as pydantic models.

Every model forbids unknown keys, so a typo such as `defintion:` is an error
with a position rather than a silently ignored field. These models only check;
`to_model` turns a valid lecture into the plain objects of `studytui.content.model`
that the app, the cache and the tests use, so pydantic is imported only when
a file is validated, never on a start-up served from the deck cache.
"""

from __future__ import annotations

import os
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictInt,
    StringConstraints,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)

from studytui.content import model
from studytui.content.model import LANGS, QuestionType
from studytui.printable import control_character, describe, is_invisible

# studytui uses no pydantic plugins; without this, pydantic scans the entry
# points of every installed package when the first model class is created.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]


def _shown(text: str) -> str:
    """Content text must show something and hold no control character. The
    YAML reader already refuses control characters at their line; this keeps
    data from other sources (imports, tests building decks) to the same rule."""
    char = control_character(text)
    if char is not None:
        raise ValueError(f"control character {describe(char)} in the text")
    if is_invisible(text):
        raise ValueError("the text is only invisible characters (such as a zero-width "
                         "space); write a visible text")
    return text


def Text(limit: int) -> Any:  # noqa: N802 - a type, read as one: Text(200)
    """A required text of at most `limit` characters."""
    return Annotated[str, StringConstraints(min_length=1, max_length=limit,
                                            strip_whitespace=True), AfterValidator(_shown)]


# Limits per field: about ten times the longest text of the bundled deck
# (term 60 characters, definition 309, notes 677, formula 154, choice 156,
# summary 454), so no real card meets them, while a 10 MB definition pasted
# by mistake, which no screen can show usefully, is refused at its line.
SHORT, LINE, PARAGRAPH, PAGE = 200, 1_000, 2_000, 4_000
NonEmpty = Text(SHORT)  # names, aliases, answers to type

# A cloze prompt marks its blank with three or more underscores.
CLOZE_BLANK = re.compile(r"_{3,}")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class BiText(Strict):
    """A text in Korean and English. Bundled content has both; a learner's own
    deck may have one, and the app falls back to the other. This one is short
    (a term, a title); the subclasses below take longer texts."""

    ko: NonEmpty | None = None
    en: NonEmpty | None = None

    @model_validator(mode="after")
    def _at_least_one(self) -> BiText:
        if self.ko is None and self.en is None:
            raise ValueError("needs at least one of 'ko' or 'en'")
        return self


class BiLine(BiText):
    """A one- or two-sentence text: a choice."""

    ko: Text(LINE) | None = None  # type: ignore[valid-type]
    en: Text(LINE) | None = None  # type: ignore[valid-type]


class BiParagraph(BiText):
    """A question's prompt."""

    ko: Text(PARAGRAPH) | None = None  # type: ignore[valid-type]
    en: Text(PARAGRAPH) | None = None  # type: ignore[valid-type]


class BiPage(BiText):
    """A definition, notes, an explanation, a summary."""

    ko: Text(PAGE) | None = None  # type: ignore[valid-type]
    en: Text(PAGE) | None = None  # type: ignore[valid-type]


class DemoLink(Strict):
    """A card's link to a registered demo, with the parameters to open it with."""

    name: NonEmpty
    params: dict[str, Any] = Field(default_factory=dict)


class Card(Strict):
    id: Slug
    term: BiText
    definition: BiPage
    notes: BiPage | None = None
    formula: Text(LINE) | None = None  # type: ignore[valid-type]
    aliases: list[NonEmpty] = Field(default_factory=list)
    tags: list[Slug] = Field(default_factory=list)
    demo: DemoLink | None = None
    demos: list[DemoLink] = Field(default_factory=list)  # several; `demo` is the one-demo form


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
    | Annotated[StrictInt, Tag("number")]
    | Annotated[list[StrictInt], Tag("numbers")]
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
    prompt: BiParagraph
    choices: list[BiLine] = Field(default_factory=list)
    answer: Answer
    accept: list[NonEmpty] = Field(default_factory=list)
    explanation: BiPage

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
    # Strict: `true`, `1.0` or the text "1" is not a lecture number (the YAML
    # reader already keeps `+1`, `010`, `0x10`, `1_0` as text).
    number: Annotated[StrictInt, Field(ge=0, le=999)]
    title: BiText
    summary: BiPage
    cards: list[Card] = Field(min_length=1)
    questions: list[Question] = Field(default_factory=list)


# ---- valid models -> the app's plain objects -------------------------------------------------


def _bitext(b: BiText) -> model.BiText:
    return model.BiText(b.ko, b.en)


def _maybe_bitext(b: BiText | None) -> model.BiText | None:
    return None if b is None else _bitext(b)


def card_model(c: Card) -> model.Card:
    links = [model.DemoLink(d.name, dict(d.params))
             for d in ([c.demo] if c.demo is not None else []) + list(c.demos)]
    return model.Card(c.id, _bitext(c.term), _bitext(c.definition), _maybe_bitext(c.notes),
                      c.formula, list(c.aliases), list(c.tags), demos=links)


def question_model(q: Question) -> model.Question:
    answer = _bitext(q.answer) if isinstance(q.answer, BiText) else q.answer
    return model.Question(q.id, q.type, q.card, _bitext(q.prompt), answer,
                          _bitext(q.explanation), [_bitext(c) for c in q.choices], list(q.accept))


def to_model(lec: Lecture) -> model.Lecture:
    return model.Lecture(lec.id, lec.number, _bitext(lec.title), _bitext(lec.summary),
                         [card_model(c) for c in lec.cards],
                         [question_model(q) for q in lec.questions])


def validate_lecture(data: Any) -> model.Lecture:
    """A lecture from plain data (a dict as YAML gives it), checked; raises
    pydantic's ValidationError. The loader adds positions; tests and
    benchmarks that build decks in code use this directly."""
    return to_model(Lecture.model_validate(data))
