"""The demo screen's live controls: step through a result (left/right), play
it (space), pick the subject ([ ]) and turn its knobs (- + and < >).

What there is to step, pick and turn comes from the demo's own declaration
(demos.live.Live); this module knows no demo by name. A knob or a pick
changes the demo's parameter values and runs it again with the previous
result at hand, so a demo that `reuses` it recomputes only what changed.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding

from demos.live import Live
from studytui.words import say

TICKS = 12  # frames a second while playing
KNOB_KEYS = (("minus", "plus"), ("less_than_sign", "greater_than_sign"))
STRIDES = 50  # left/right through a long run: this many strides cover it (a page: one)


class LiveControls:
    """Mixed into DemoScreen, which provides values, result, live, start(), draw().
    Left and right are the output pane's keys (DemoPane), so they step even
    while the pane, which scrolls with the other arrows, has focus."""

    BINDINGS = [
        Binding("space", "play", "Play", id="demo.play"),
        Binding("left_square_bracket", "pick(-1)", "Prev", show=False, id="demo.pick_prev"),
        Binding("right_square_bracket", "pick(1)", "Next", id="demo.pick_next"),
        Binding("minus", "knob(0, -1)", "Down", show=False, id="demo.knob1_down"),
        Binding("plus,equals_sign", "knob(0, 1)", "Knob 1", id="demo.knob1_up"),
        Binding("less_than_sign", "knob(1, -1)", "Down", show=False, id="demo.knob2_down"),
        Binding("greater_than_sign", "knob(1, 1)", "Knob 2", id="demo.knob2_up"),
        Binding("n", "notice", "Notice", show=False, id="demo.notice"),
    ]

    live: Live
    values: dict[str, Any]
    result: dict[str, Any] | None
    step: int | None = None  # the step drawn; None: the whole result
    playing = None  # the play timer while playing

    # ---- what is offered -----------------------------------------------------------------

    def live_allows(self, action: str, parameters: tuple[object, ...]) -> bool:
        live = self.live
        if action in ("step", "play"):
            return live.steps is not None and (action == "step" or live.play_seconds is not None)
        if action == "pick":
            return live.subject is not None and live.subjects is not None
        if action == "notice":
            return live.notice is not None
        if action == "knob":
            return int(parameters[0]) < len(live.knobs)  # type: ignore[call-overload]
        return True

    def subject(self) -> str | None:
        live = self.live
        if live.subject is None or live.subjects is None:
            return None
        return self.values.get(live.subject) or next(iter(live.subjects(self.values)), None)

    # ---- stepping --------------------------------------------------------------------------

    def last_step(self) -> int | None:
        if self.live.steps is None or self.result is None:
            return None
        return self.live.steps(self.result)

    def shown_step(self) -> int | None:
        """The step drawn, or None for the whole result (a film at its end)."""
        last = self.last_step()
        if last is None:
            return None
        if self.step is None:
            return 0 if self.live.paged else None
        return min(self.step, last)

    def action_step(self, direction: int) -> None:
        last = self.last_step()
        if last is None:
            return
        self.stop_playing()
        now = self.shown_step()
        now = last if now is None else now
        stride = 1 if self.live.paged else max(1, last // STRIDES)
        self.step = max(0, min(last, now + direction * stride))
        self.draw()

    def action_play(self) -> None:
        last = self.last_step()
        if last is None or self.live.play_seconds is None:
            return
        if self.playing is not None:
            self.stop_playing()
            self.draw()
            return
        now = self.shown_step()
        if now is None or now >= last:
            self.step = 0
        per_tick = max(1, round(last / (self.live.play_seconds * TICKS)))
        self.playing = self.set_interval(1 / TICKS, lambda: self._tick(per_tick))  # type: ignore[attr-defined]
        self.draw()

    def _tick(self, per_tick: int) -> None:
        last = self.last_step()
        if last is None:
            self.stop_playing()
            return
        self.step = min(last, (self.shown_step() or 0) + per_tick)
        if self.step >= last:
            self.step = None if not self.live.paged else last
            self.stop_playing()
        self.draw()

    def stop_playing(self) -> None:
        if self.playing is not None:
            self.playing.stop()
            self.playing = None

    # ---- knobs -----------------------------------------------------------------------------

    def action_pick(self, direction: int) -> None:
        live, subject = self.live, self.subject()
        if live.subject is None or live.subjects is None or subject is None:
            return
        choices = list(live.subjects(self.values))
        at = choices.index(subject) if subject in choices else -1
        self.turn({**self.values, live.subject: choices[(at + direction) % len(choices)]})

    def action_knob(self, index: int, direction: int) -> None:
        subject = self.subject()
        if index >= len(self.live.knobs) or subject is None:
            return
        knob = self.live.knobs[index]
        turned = knob.turn(self.values, subject, direction)
        if turned is None:
            self.notify(say("demo.knob_not_for", self.lang,  # type: ignore[attr-defined]
                            knob=knob.name, subject=subject), timeout=2)
            return
        self.turn({**turned, self.live.subject: subject})

    def turn(self, values: dict[str, Any]) -> None:
        """Run again with `values`, the previous result at hand."""
        raise NotImplementedError

    # ---- the line that says what is live ---------------------------------------------------

    def notice_text(self, lang: str) -> str:
        """What to notice in the run shown, or "" (nothing declared, nothing run)."""
        if self.live.notice is None or self.result is None:
            return ""
        return self.live.notice(self.result, self.shown_step(), lang)

    def action_notice(self) -> None:
        """The notice in full, for a screen too small to show it above the picture."""
        text = self.notice_text(self.lang)  # type: ignore[attr-defined]
        if text:
            self.notify(text, timeout=15)  # type: ignore[attr-defined]

    def live_text(self, lang: str, key: Any, fits: Any) -> Text:
        """Subject, knobs and step on a line, then what to notice: in the
        learner's language, in Korean alone when both do not fit, or left to
        the notice key (`n`) when even that does not. `key(binding_id)` is the
        key as the keymap shows it; `fits(text)` says whether a text fits."""
        parts: list[str] = []
        subject = self.subject()
        if subject is not None:
            parts.append(f"{key('demo.pick_prev')}{key('demo.pick_next')} "
                         f"{say('demo.subject', lang)}: {subject}")
            for i, knob in enumerate(self.live.knobs):
                value = knob.show(self.values, subject)
                keys = f"{key(f'demo.knob{i + 1}_down')}{key(f'demo.knob{i + 1}_up')}"
                parts.append(f"{keys} {knob.name}={value if value is not None else '-'}")
        last = self.last_step()
        if last is not None:
            now = self.shown_step()
            where = last if now is None else now
            word = "demo.page_of" if self.live.paged else "demo.step_of"
            first = int(self.live.paged)  # pages count from 1, steps from 0
            parts.append(f"{key('demo.step_back')}{key('demo.step_forward')} "
                         + say(word, lang, now=where + first, last=last + first))
            if self.live.play_seconds is not None:
                parts.append(f"{key('demo.play')} "
                             + say("demo.pause" if self.playing else "demo.play", lang))
        text = Text("   ".join(parts), style="bold")
        for shown in dict.fromkeys((lang, "ko" if lang == "both" else lang)):
            notice = self.notice_text(shown)
            if notice and fits(notice):
                text.append("\n" + notice)
                break
        return text
