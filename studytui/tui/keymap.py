"""Keys as data: the `[keys]` table of config.toml, checked against the bindings
of every screen, and the words a key shows (its label and tooltip come from the
catalogue by binding id, since Textual's Binding.description is fixed text).

The table maps a binding id to keys (`"cards.flip" = "f"`, or `"f,space"`); the
app hands it to Textual's keymap (`App.set_keymap`), which rebinds every screen
where that id is bound. Before that, an id no screen binds, or a key that two
bindings of one screen would then share, is a `config.toml:LINE:` error.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cache

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from studytui.config import Config, ConfigError
from studytui.errors import Said
from studytui.words import has, say

# Keys a learner may write as the character they type: "?" is "question_mark".
_KEY_NAMES = {" ": "space", "\t": "tab", "\n": "enter"}


def key_name(key: str) -> str:
    """A key written as Textual names it ("?" -> "question_mark", "F" stays "F")."""
    key = key.strip()
    if len(key) != 1 or key.isalnum():
        return key
    if key in _KEY_NAMES:
        return _KEY_NAMES[key]
    return unicodedata.name(key, key).lower().replace("-", "_").replace(" ", "_")


def describe(binding: Binding, lang: str) -> str:
    """What the key bar and the palette call the key, in the learner's language."""
    key = f"keys.{binding.id}"
    return say(key, lang) if binding.id and has(key) else binding.description


def tip(binding: Binding, lang: str) -> str:
    """A sentence on what the key does (Help, a tooltip, the palette)."""
    key = f"keys.{binding.id}.tip"
    if binding.id and has(key):
        return say(key, lang)
    return binding.tooltip or describe(binding, lang)


def group_label(binding: Binding, lang: str) -> str:
    """A Binding.Group's name: its description is a catalogue key ("keys.quiz.choose")."""
    if binding.group is None:
        return ""
    name = binding.group.description
    return say(name, lang) if has(name) else name


# ---- which bindings exist -----------------------------------------------------------------


@cache
def declared_order(cls: type[DOMNode]) -> dict[str, int]:
    """Binding id -> its place in the class's BINDINGS (bases first): a key the
    keymap moved keeps its place in the key bar."""
    ids = [b.id for bs in _class_bindings(cls).values() for b in bs if b.id]
    return {binding_id: i for i, binding_id in enumerate(dict.fromkeys(ids))}


def _class_bindings(cls: type[DOMNode]) -> dict[str, list[Binding]]:
    """Key -> bindings of `cls`, merged along its classes as Textual merges them:
    a subclass's binding of a key replaces its base's."""
    keys: dict[str, list[Binding]] = {}
    for base in reversed(cls.__mro__):
        if isinstance(base, type) and issubclass(base, DOMNode) and "BINDINGS" in base.__dict__:
            keys.update(BindingsMap(base.__dict__["BINDINGS"]).key_to_bindings)
    return keys


def screens() -> Iterator[tuple[str, type[DOMNode], bool]]:
    """Each screen (its name in an error, its class, whether the app's keys are
    live on it) and each widget with keys of its own. Imported here, not at
    start-up: the check only runs when a [keys] table exists."""
    from studytui.tui.screens.browse import BrowseScreen
    from studytui.tui.screens.card_detail import CardDetailScreen
    from studytui.tui.screens.demo import DemoPane, DemoScreen
    from studytui.tui.screens.exam_result import ExamResultScreen
    from studytui.tui.screens.flashcards import FlashcardScreen
    from studytui.tui.screens.help import HelpScreen
    from studytui.tui.screens.home import HomeScreen
    from studytui.tui.screens.notebook import NotebookScreen
    from studytui.tui.screens.quiz import QuizScreen
    from studytui.tui.screens.quiz_leave import QuizLeaveScreen
    from studytui.tui.screens.quiz_result import QuizResultScreen
    from studytui.tui.screens.quiz_setup import QuizSetupScreen
    from studytui.tui.screens.session_summary import SessionSummaryScreen
    from studytui.tui.screens.settings import SettingsScreen
    from studytui.tui.screens.stats import StatsScreen
    from studytui.tui.widgets.answer_box import AnswerBox
    from studytui.tui.widgets.check_list import CheckList
    from studytui.tui.widgets.lecture_table import LectureTable

    for cls in (HomeScreen, FlashcardScreen, SessionSummaryScreen, QuizSetupScreen,
                QuizScreen, QuizResultScreen, BrowseScreen, CardDetailScreen, StatsScreen,
                DemoScreen, SettingsScreen, NotebookScreen, ExamResultScreen):
        yield cls.__name__, cls, True
    yield HelpScreen.__name__, HelpScreen, False  # modal: the app's keys are not live
    yield QuizLeaveScreen.__name__, QuizLeaveScreen, False
    for widget in (LectureTable, CheckList, DemoPane, AnswerBox):
        yield widget.__name__, widget, False


def app_bindings() -> dict[str, list[Binding]]:
    from studytui.tui.app import StudyApp

    return _class_bindings(StudyApp)


def binding_ids() -> set[str]:
    """Every binding id of the app, its screens and its widgets that a learner
    sees and may remap (system bindings, such as the page-key guard, are
    neither shown nor remappable)."""
    groups = [app_bindings(), *(_class_bindings(cls) for _, cls, _ in screens())]
    return {b.id for keys in groups for bs in keys.values() for b in bs
            if b.id and not b.system}


def _rebound(keys: Mapping[str, list[Binding]], keymap: Mapping[str, str]
             ) -> Iterable[tuple[str, Binding]]:
    """(key, binding) after the keymap: a remapped binding leaves its old keys."""
    for key, bindings in keys.items():
        for b in bindings:
            if b.id and b.id in keymap:
                continue
            yield key, b
    for bindings in keys.values():
        for b in bindings:
            if b.id and b.id in keymap:
                for key in keymap[b.id].split(","):
                    yield key_name(key), b


def check_keymap(config: Config) -> None:
    """Raise ConfigError (path:line: why) for an unknown binding id or a key that
    two bindings of one screen would share after the remapping."""
    keymap = dict(config.keys)
    if not keymap:
        return
    path = config.source or "config.toml"

    def error(binding_id: str, why: Said) -> ConfigError:
        line = config.key_lines.get(binding_id, 1)
        return ConfigError(Said("config.bad_key", where=f"{path}:{line}", id=repr(binding_id),
                                problem=why))

    known = binding_ids()
    for binding_id in keymap:
        if binding_id not in known:
            near = sorted(k for k in known if k.split(".")[0] == binding_id.split(".")[0])
            raise error(binding_id, Said("config.no_such_id_near", ids=", ".join(near)) if near
                        else Said("config.no_such_id"))
    app = app_bindings()
    for name, cls, with_app in screens():
        owner: dict[str, Binding] = {}
        layers = [_class_bindings(cls)] + ([app] if with_app else [])
        for layer in layers:
            for key, b in _rebound(layer, keymap):
                other = owner.setdefault(key, b)
                if other.action != b.action and (b.id in keymap or other.id in keymap):
                    mine, theirs = (b, other) if b.id in keymap else (other, b)
                    raise error(mine.id or "", Said("config.key_taken", key=repr(key),
                                                    other=repr(theirs.id), screen=name))
