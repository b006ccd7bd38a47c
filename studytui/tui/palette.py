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

Command = tuple[str, str, Callable[[], Any]]


class StudyCommands(Provider):
    def commands(self) -> list[Command]:
        return list(self._binding_commands()) + list(self._navigation())

    def _binding_commands(self) -> Iterator[Command]:
        for active in self.screen.active_bindings.values():
            binding = active.binding
            # Screen and app actions only: a focused widget's own keys (scrolling,
            # cursor moves) would bury them.
            if not isinstance(active.node, (Screen, App)):
                continue
            if not binding.description or not active.enabled or binding.system:
                continue
            key = binding.key_display or self.app.get_key_display(binding)
            yield (
                f"{binding.description} ({key})",
                binding.tooltip or binding.description,
                partial(self.app.run_action, binding.action, active.node),
            )

    def _navigation(self) -> Iterator[Command]:
        app: Any = self.app  # StudyApp; typed loosely to keep this module import-light
        yield ("Go to Home · 홈", "The lectures and what is due", self._go_home)
        yield ("Review all due cards · 복습", "Flashcards of every lecture",
               partial(app.open_review, None))
        yield ("Learn new cards · 새 카드", "Only cards never seen",
               partial(app.open_review, None, "new"))
        yield ("Quiz · 퀴즈", "Pick lectures and a count", partial(app.open_quiz_setup, None))
        yield ("Browse cards · 찾아보기", "Search every card", app.open_browse)
        yield ("Stats · 통계", "Mastery, heatmap, retention, forecast", app.open_stats)
        yield ("Settings · 설정", "Desired retention and new cards a day", app.action_settings)
        yield ("Help · 도움말", "The keys of this screen", app.action_help)
        yield ("Cycle language · 언어", "ko -> en -> both", app.action_cycle_lang)

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
