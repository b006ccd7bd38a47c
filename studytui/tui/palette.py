"""The command palette (ctrl+p): what the current screen can do, and a finder
for every lecture, card, demo, screen and setting, ranked by relevance.

It is the app's only provider: Textual's generic commands (Theme, Quit, Keys,
Screenshot, and the base Screen's keys such as Focus Next or Copy) come
through it too, always after ours, so they never top a list that has a
study match. A command that several keys or entries reach is offered once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from studytui.tui.keymap import describe, tip
from studytui.tui.palette_entries import (
    Entry,
    card_entries,
    demo_entries,
    lecture_entries,
    setting_entries,
    way_entries,
)
from studytui.tui.palette_match import match_score

Command = tuple[str, str, Callable[[], Any]]

# Textual's own bindings (Focus Next, Copy selected text, ...): generic, so last.
GENERIC_ACTIONS = frozenset(
    b.action for b in (*App.BINDINGS, *Screen.BINDINGS) if not isinstance(b, tuple))
# The palette's own key: offering it inside the palette would open it again.
LEFT_OUT = frozenset({"command_palette", "app.command_palette"})
OURS, GENERIC = 0.5, 0.49  # our scores are in (0.5, 1]; generic ones in (0, 0.49]


def _bare(name: str) -> str:
    """A command's name without its keys: "Quit (q)", "Quit (^q)" and Textual's
    "Quit" are one command to a learner, offered once (the first, ours)."""
    return name.split(" (", 1)[0]


class StudyCommands(Provider):
    _found: list[Entry] | None = None

    @property
    def _entries(self) -> list[Entry]:
        """Built once per opening of the palette, not once per key typed."""
        if self._found is None:
            self._found = self.entries()
        return self._found

    def entries(self) -> list[Entry]:
        app: Any = self.app  # StudyApp; typed loosely to keep this module import-light
        lang = app.lang
        return [*way_entries(app, lang, self._go_home), *setting_entries(app, lang),
                *lecture_entries(app, lang), *demo_entries(app, lang), *card_entries(app, lang)]

    def commands(self) -> list[Command]:
        """The current screen's keys and the ways between screens, ours first."""
        ours, ways, generic = self._screen_commands()
        return ours + ways + generic

    def _screen_commands(self) -> tuple[list[Command], list[Command], list[Command]]:
        """(this screen's own keys, the ways between screens, Textual's generic keys)."""
        app: Any = self.app
        ways = list(way_entries(app, app.lang, self._go_home))
        covered = LEFT_OUT.union(*(e.covers for e in ways))
        ours: list[Command] = []
        generic: list[Command] = []
        grouped: dict[tuple[str, int], tuple[Any, Any, list[str]]] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            # Screen and app actions only: a focused widget's own keys (scrolling,
            # cursor moves) would bury them.
            if not isinstance(active.node, (Screen, App)):
                continue
            if not binding.description or not active.enabled or binding.system:
                continue
            if binding.action in covered:  # a way between screens offers it already
                continue
            key = binding.key_display or self.app.get_key_display(binding)
            # One row per action, however many keys reach it (ctrl+c and super+c).
            grouped.setdefault((binding.action, id(active.node)), (binding, active.node, []))[
                2].append(key)
        lang = app.lang
        for binding, node, keys in grouped.values():
            target = generic if binding.action in GENERIC_ACTIONS else ours
            # Our keys are named from the catalogue by binding id; Textual's own by Textual.
            target.append((
                f"{describe(binding, lang)} ({' / '.join(keys)})",
                tip(binding, lang),
                partial(self.app.run_action, binding.action, node),
            ))
        return ours, [(e.label, e.help, e.run) for e in ways], generic

    def _go_home(self) -> None:
        from studytui.tui.screens.home import HomeScreen

        while len(self.app.screen_stack) > 1 and not isinstance(self.app.screen, HomeScreen):
            self.app.pop_screen()

    def _system(self) -> Iterator[Command]:
        for name, help_text, run, *_ in self.app.get_system_commands(self.screen):
            yield name, help_text, run

    async def discover(self) -> Hits:
        seen: set[str] = set()
        for name, help_text, run in [*self.commands(), *self._system()]:
            if _bare(name) not in seen:
                seen.add(_bare(name))
                yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        ours, _ways, generic = self._screen_commands()
        ranked: list[tuple[float, str, str, Callable[[], Any]]] = []
        for name, help_text, run in ours:  # this screen's keys: what is at hand comes first
            score = match_score(query, [name])
            if score:
                ranked.append((OURS + OURS * score + 0.04, name, help_text, run))
        for entry in self._entries:
            score = match_score(query, entry.names, entry.extra)
            if score:
                ranked.append((OURS + OURS * score + entry.bonus, entry.label, entry.help,
                               entry.run))
        for name, help_text, run in [*generic, *self._system()]:
            score = matcher.match(name)
            if score > 0:
                ranked.append((GENERIC * min(1.0, score), name, help_text, run))
        ranked.sort(key=lambda r: r[0], reverse=True)
        seen: set[str] = set()
        for score, name, help_text, run in ranked:
            if _bare(name) not in seen:
                seen.add(_bare(name))
                yield Hit(score, matcher.highlight(name), run, text=name, help=help_text)
