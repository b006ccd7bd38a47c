"""The command palette (ctrl+p): everything the current screen and the app can do.

The screen's own keys come from its active bindings, so a new binding shows
up here without being listed twice; the ways between screens are added once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from studytui.tui.keymap import describe, tip
from studytui.words import say

Command = tuple[str, str, Callable[[], Any]]


class StudyCommands(Provider):
    @property
    def lang(self) -> str:
        return str(getattr(self.app, "lang", "en"))

    def commands(self) -> list[Command]:
        return list(self._binding_commands()) + list(self._navigation())

    def _binding_commands(self) -> Iterator[Command]:
        for active in self.screen.active_bindings.values():
            binding = active.binding
            # Screen and app actions only: a focused widget's own keys (scrolling,
            # cursor moves) would bury them.
            if not isinstance(active.node, (Screen, App)):
                continue
            # Only our own keys (they have an id, so words in the catalogue):
            # Textual's focus and copy keys would show in English alone.
            if not binding.id or not active.enabled or binding.system:
                continue
            key = binding.key_display or self.app.get_key_display(binding)
            yield (
                f"{describe(binding, self.lang)} ({key})",
                tip(binding, self.lang),
                partial(self.app.run_action, binding.action, active.node),
            )

    def _navigation(self) -> Iterator[Command]:
        app: Any = self.app  # StudyApp; typed loosely to keep this module import-light
        ways = (
            ("palette.home", self._go_home),
            ("palette.review", partial(app.open_review, None)),
            ("palette.new", partial(app.open_review, None, "new")),
            ("palette.quiz", partial(app.open_quiz_setup, None)),
            ("palette.browse", app.open_browse),
            ("palette.stats", app.open_stats),
            ("palette.settings", app.action_settings),
            ("palette.help", app.action_help),
            ("palette.lang", app.action_cycle_lang),
        )
        for key, run in ways:
            yield say(key, self.lang), say(f"{key}.tip", self.lang), run

    def _go_home(self) -> None:
        from studytui.tui.screens.home import HomeScreen

        while len(self.app.screen_stack) > 1 and not isinstance(self.app.screen, HomeScreen):
            self.app.pop_screen()

    async def discover(self) -> Hits:
        seen: set[str] = set()
        for name, help_text, run in self.commands():
            if name not in seen:
                seen.add(name)
                yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        seen: set[str] = set()
        for name, help_text, run in self.commands():
            score = matcher.match(name)
            if score > 0 and name not in seen:
                seen.add(name)
                yield Hit(score, matcher.highlight(name), run, text=name, help=help_text)
