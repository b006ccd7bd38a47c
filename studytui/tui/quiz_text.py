"""What the quiz screens draw as text: a choice line (marked once answered) and
the feedback under a question, in the learner's language."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from studytui.content.model import Question
from studytui.study.generated import is_generated
from studytui.study.quiz_session import Feedback
from studytui.words import say

TRUTH = ((True, "quiz.true"), (False, "quiz.false"))


def choice_parts(q: Question, pos: int, n: int, lang: str, hint: str = "") -> tuple[str, str]:
    """("1. ", words) of choice number `n` (truefalse: 1 true, 2 false) shown at `pos`."""
    if q.type == "truefalse":
        return f"{pos}. ", say(TRUTH[n - 1][1], lang) + (f"   ({hint})" if hint else "")
    return f"{pos}. ", q.choices[n - 1].show(lang)


def choice_row(prefix: str, words: str | Text, style: str = "") -> Table:
    """A choice line whose wrapped lines start under its words, not under its number."""
    grid = Table.grid(expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(prefix, style=style), Text(words, style=style)
                 if isinstance(words, str) else words)
    return grid


def right_numbers(q: Question) -> set[int]:
    """The choice numbers that are right (truefalse: 1 for true, 2 for false)."""
    if q.type == "truefalse":
        return {1 if q.answer else 2}
    if q.type == "multi":
        return set(q.answer)  # type: ignore[arg-type]
    return {int(q.answer)}  # type: ignore[arg-type]


def picked_numbers(q: Question, response: object) -> set[int]:
    if q.type == "truefalse":
        return {1 if response else 2}
    if isinstance(response, int):
        return {response}
    return set(response)  # type: ignore[call-overload]


def marked(prefix: str, words: str, right: bool, picked: bool, lang: str) -> Table:
    """A choice line after the answer: the right ones green with ✓, a wrong pick
    red with ✗, the learner's own pick named."""
    mark, style = ("✓", "bold green") if right else ("✗", "bold red") if picked else (" ", "dim")
    text = Text(words, style=style)
    if picked:
        text.append("  ← " + say("teach.your_pick", lang), style="italic")
    return choice_row(f"{mark} {prefix}", text, style)


def typo_note(fb: Feedback, lang: str) -> str | None:
    """The grader's near-miss note in `lang` (both: Korean, then English)."""
    notes = {"ko": fb.typo_message_ko, "en": fb.typo_message}
    if lang == "both":
        return " · ".join(n for n in (notes["ko"], notes["en"]) if n) or None
    return notes[lang] or notes["en" if lang == "ko" else "ko"]


def feedback_text(fb: Feedback, lang: str, next_keys: str, dispute_keys: str) -> Text:
    out = Text()
    if fb.disputed:
        out.append("✓ " + say("teach.disputed", lang) + "\n", style="bold green")
        out.append(say("teach.disputed_undone" if fb.again_recorded else "teach.disputed_kept",
                       lang, sep="\n") + "\n", style="dim")
    elif fb.correct:
        out.append("✓ " + say("quiz.correct", lang) + "\n", style="bold green")
        if message := typo_note(fb, lang):
            out.append(message + "\n", style="yellow")
    else:
        out.append("✗ " + say("quiz.wrong", lang) + "\n", style="bold red")
        out.append(say("quiz.expected", lang) + ": ", style="dim")
        out.append(fb.expected_text(lang) + "\n", style="bold")  # type: ignore[arg-type]
        if fb.question.type in ("short", "cloze") and fb.given:
            out.append(say("quiz.you_wrote", lang) + ": ", style="dim")
            out.append(fb.given + "\n")
        out.append(say("teach.again_recorded" if fb.again_recorded else "teach.not_studied",
                       lang, sep="\n") + "\n", style="dim")
    out.append(fb.explanation.show(lang, sep="\n") + "\n")
    hints = [f"{next_keys}: " + say("quiz.next_hint", lang)]
    if not fb.counts_right and dispute_keys:
        hints.append(f"{dispute_keys}: " + say("teach.dispute_hint", lang))
    out.append("\n" + "   ".join(hints), style="dim")
    return out


def generated_tag(q: Question, lang: str) -> str:
    return f"   [dim]({say('teach.generated', lang)})[/dim]" if is_generated(q.id) else ""
