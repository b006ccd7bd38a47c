"""The deck's objects as the app uses them: plain slotted classes.

`studytui.content.lecture_schema` validates a lecture file with pydantic and hands
back these. They are kept apart from pydantic on purpose: start-up reads the
deck from the cache (`deck_cache`), and unpickling plain objects, without
importing pydantic at all, is what keeps a 10,000-card deck quick to open.
Treat them as immutable: the loader has checked them, and the cache keeps them.

Ids are written by the author and never derived from text: fixing a typo in a
term keeps a learner's review history, which is keyed by the id.
"""

from __future__ import annotations

from typing import Any, Literal

Lang = Literal["ko", "en"]
DisplayLang = Literal["ko", "en", "both"]
LANGS: tuple[Lang, ...] = ("ko", "en")

QuestionType = Literal["choice", "multi", "truefalse", "short", "cloze"]


class Record:
    """Equality, repr and pickling by the slots, in declaration order."""

    __slots__: tuple[str, ...] = ()

    def values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.values() == self.values()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # mutable lists inside: not hashable

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        # The constructor takes the slots in order, so unpickling is one call
        # per object instead of pickle's generic slot-state path.
        return type(self), self.values()

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"{type(self).__name__}({fields})"


class BiText(Record):
    """A text in Korean and English. Bundled content has both; a learner's own
    deck may have one (never neither), and the app falls back to the other."""

    __slots__ = ("ko", "en")

    def __init__(self, ko: str | None = None, en: str | None = None) -> None:
        self.ko, self.en = ko, en

    def get(self, lang: str) -> str:
        """The text in `lang`, or in the other language when it is missing."""
        text = self.ko if lang == "ko" else self.en
        if text is None:
            text = self.en if lang == "ko" else self.ko
        return text or ""

    def show(self, lang: str, sep: str = " / ") -> str:
        """The text as the learner asked to see it: "ko", "en" or "both"."""
        if lang != "both":
            return self.get(lang)
        if self.ko and self.en and self.ko != self.en:
            return f"{self.ko}{sep}{self.en}"
        return self.get("ko")

    def missing(self) -> list[Lang]:
        return [lang for lang in LANGS if getattr(self, lang) is None]

    def texts(self) -> list[str]:
        return [t for t in (self.ko, self.en) if t]


Answer = bool | int | list[int] | BiText


class DemoLink(Record):
    """A card's link to a registered demo, with the parameters to open it with."""

    __slots__ = ("name", "params")

    def __init__(self, name: str, params: dict[str, Any] | None = None) -> None:
        self.name, self.params = name, params if params is not None else {}


class Card(Record):
    __slots__ = ("id", "term", "definition", "notes", "formula", "aliases", "tags", "demo",
                 "demos")

    def __init__(
        self,
        id: str,  # noqa: A002 - the content's own field name
        term: BiText,
        definition: BiText,
        notes: BiText | None = None,
        formula: str | None = None,
        aliases: list[str] | None = None,
        tags: list[str] | None = None,
        demo: DemoLink | None = None,
        demos: list[DemoLink] | None = None,
    ) -> None:
        self.id, self.term, self.definition, self.notes = id, term, definition, notes
        # Every demo the card opens, in the author's order; `demo` is the first.
        self.demos = demos if demos is not None else ([demo] if demo is not None else [])
        self.formula, self.demo = formula, self.demos[0] if self.demos else None
        self.aliases = aliases if aliases is not None else []
        self.tags = tags if tags is not None else []


class Question(Record):
    """A quiz question about one card. `answer` depends on `type` (see
    `content_schema.Question`): a choice number from 1, a list of them,
    true/false, or the expected text; `accept` adds aliases to a typed answer."""

    __slots__ = ("id", "type", "card", "prompt", "answer", "explanation", "choices", "accept")

    def __init__(
        self,
        id: str,  # noqa: A002 - the content's own field name
        type: QuestionType,  # noqa: A002
        card: str,
        prompt: BiText,
        answer: Answer,
        explanation: BiText,
        choices: list[BiText] | None = None,
        accept: list[str] | None = None,
    ) -> None:
        self.id, self.type, self.card, self.prompt = id, type, card, prompt
        self.answer, self.explanation = answer, explanation
        self.choices = choices if choices is not None else []
        self.accept = accept if accept is not None else []

    def answer_texts(self) -> list[str]:
        """Every text that counts as right for a typed question."""
        if isinstance(self.answer, BiText):
            return [*self.answer.texts(), *self.accept]
        return list(self.accept)


class Lecture(Record):
    __slots__ = ("id", "number", "title", "summary", "cards", "questions")

    def __init__(
        self,
        id: str,  # noqa: A002 - the content's own field name
        number: int,
        title: BiText,
        summary: BiText,
        cards: list[Card],
        questions: list[Question] | None = None,
    ) -> None:
        self.id, self.number, self.title, self.summary = id, number, title, summary
        self.cards = cards
        self.questions = questions if questions is not None else []
