"""Shared helpers for the lecture-content tests: load one lecture file with
the project's loader, strictly (so the tests see exactly what the app sees,
demo links included), and look up questions,
cards and the numbers in their answers."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from torch import nn

from studytui.content.loader import load_deck
from studytui.content.model import Card, Lecture, Question

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"


def load_lecture(filename: str) -> Lecture:
    """The lecture in content/`filename`, validated; raises on any error."""
    (lecture,) = load_deck([CONTENT_DIR / filename], strict=True).lectures
    return lecture


@pytest.fixture(name="load_lecture", scope="session")
def load_lecture_fixture() -> Callable[[str], Lecture]:
    return load_lecture


@pytest.fixture(scope="module")
def lecture(request: pytest.FixtureRequest) -> Lecture:
    """The lecture in the requesting test module's FILE."""
    return load_lecture(request.module.FILE)


# --- helpers shared by the test_lecture_NN files -----------------------------

# A number as written in the YAML: thousands separators, "−" or "-" signs, and
# decimals with or without a leading zero ("60,000", "−1.386", ".5").
NUMBER = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?|[-−]?\.\d+")


def question(lecture: Lecture, qid: str) -> Question:
    """The question `qid` of `lecture`; fails the test when it is missing."""
    matches = [q for q in lecture.questions if q.id == qid]
    assert matches, f"question {qid} is missing"
    return matches[0]


def card(lecture: Lecture, cid: str) -> Card:
    """The card `cid` of `lecture`; fails the test when it is missing."""
    matches = [c for c in lecture.cards if c.id == cid]
    assert matches, f"card {cid} is missing"
    return matches[0]


def params(*modules: nn.Module) -> int:
    """The number of parameters in `modules`, together."""
    return sum(p.numel() for m in modules for p in m.parameters())


def numbers_in(text: str) -> list[float]:
    """Every number in `text`, with thousands separators and − signs read."""
    return [float(m.replace(",", "").replace("−", "-")) for m in NUMBER.findall(text)]


def keyed_choice(q: Question) -> list[float]:
    """The numbers in the keyed choice, after checking that the languages agree
    and that no distractor holds the same numbers."""
    assert isinstance(q.answer, int) and not isinstance(q.answer, bool)
    choices = [numbers_in(c.en or "") for c in q.choices]
    assert [numbers_in(c.ko or "") for c in q.choices] == choices, f"{q.id}: ko/en differ"
    keyed = choices[q.answer - 1]
    assert choices.count(keyed) == 1, f"{q.id}: a distractor equals the keyed answer"
    return keyed


def short_number(q: Question) -> float:
    """The answer of a typed question that is a bare number, the same in both languages."""
    assert q.type in ("short", "cloze") and q.answer.ko == q.answer.en  # type: ignore[union-attr]
    return float(q.answer.en)  # type: ignore[union-attr]


def choice_numbers(q: Question) -> list[float]:
    """Each choice's English text read as one number ("27,648" -> 27648)."""
    return [float(c.en.replace(",", "")) for c in q.choices if c.en]


def assert_answer_is(q: Question, value: float) -> None:
    """The keyed choice reads as `value`, and no distractor does."""
    numbers = choice_numbers(q)
    assert isinstance(q.answer, int) and not isinstance(q.answer, bool)
    keyed = numbers[q.answer - 1]
    assert keyed == value, f"{q.id}: keyed {keyed}, computed {value}"
    assert numbers.count(value) == 1, f"{q.id}: a distractor equals the right answer"


def distractors(q: Question) -> list[float]:
    """The numbers of every choice but the keyed one."""
    assert isinstance(q.answer, int) and not isinstance(q.answer, bool)
    return [n for i, n in enumerate(choice_numbers(q), 1) if i != q.answer]


# VGG16's convolutional part: channels per 3x3 conv, "M" for a 2x2 max-pool.
VGG16 = [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M",
         512, 512, 512, "M"]


def vgg_features(config: list[int | str], device: str = "cpu", width: int = 1) -> nn.Sequential:
    """VGG's convolutional part; `width` divides the channels (same geometry, cheaper)."""
    layers: list[nn.Module] = []
    channels = 3
    for item in config:
        if item == "M":
            layers.append(nn.MaxPool2d(2, stride=2))
        else:
            out = int(item) // width
            layers += [nn.Conv2d(channels, out, 3, padding=1, device=device), nn.ReLU()]
            channels = out
    return nn.Sequential(*layers)
