"""`?`: the keys of the screen underneath, read from its active bindings (so a
key remapped in config.toml shows as remapped), in the learner's language."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from studytui.tui.keymap import describe, tip
from studytui.tui.text import wrap_words
from studytui.words import has, say

SKIP = {"focus_next", "focus_previous", "app.focus_next", "app.focus_previous",
        "screen.copy_text", "copy_text", "maximize", "minimize"}
NARROW = 100  # columns: below this, in `both`, a key's sentence is Korean alone
GENERAL = (("tab / shift+tab", "help.tab"), ("help.mouse_key", "help.mouse"))


def keys_of(screen: Screen, action: str) -> str:
    """Every key that runs `action` on `screen`, as the keymap has them."""
    app = screen.app
    return " / ".join(app.get_key_display(active.binding)
                      for active in screen.active_bindings.values()
                      if active.binding.action == action)


Row = tuple[str, str, str]  # keys, what the key is called, what it does


def key_rows(screen: Screen, lang: str, tip_lang: str | None = None) -> list[Row]:
    """The keys of `screen`; their sentences in `tip_lang` (Korean alone when
    both languages would not fit a narrow box)."""
    rows: list[Row] = []
    seen: set[str] = set(SKIP)
    # An action's row speaks for the binding the key bar shows (space's Flip,
    # not Enter's): shown bindings first.
    actives = sorted(screen.active_bindings.values(), key=lambda a: not a.binding.show)
    for active in actives:
        b = active.binding
        # The screen's and the app's keys; a focused widget's scrolling keys are noise here.
        if not isinstance(active.node, (Screen, App)):
            continue
        if not b.description or b.system or b.action in seen:
            continue
        seen.add(b.action)
        rows.append((keys_of(screen, b.action), describe(b, lang), tip(b, tip_lang or lang)))
    for key, words in GENERAL:
        rows.append((say(key, lang) if has(key) else key, "", say(words, tip_lang or lang)))
    return rows


class KeysView(Static):
    """The keys in two columns, wrapped at spaces to the width it has (a Rich
    Table cut Hangul words with an ellipsis at some widths)."""

    KEY_WIDTH = 14  # at most: longer keys wrap at their spaces ("tab /" over "shift+tab")

    def __init__(self, rows: list[Row], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.rows = rows

    def on_resize(self) -> None:
        self.update(self.laid_out(self.content_size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Measured from the rows at the width offered, not from what was drawn
        # last: at 80 columns the box was laid out from the empty first content
        # and kept one line, so Help showed only its first key.
        return self.laid_out(width).plain.count("\n") + 1

    def laid_out(self, width: int) -> Text:
        width = max(width, 10)
        key_width = min(self.KEY_WIDTH, max((cell_len(k) for k, _, _ in self.rows), default=1))
        room = max(width - key_width - 2, 4)
        out = Text()
        for keys, name, does in self.rows:
            left = wrap_words(keys, key_width)
            if not name:
                right = wrap_words(does, room)
            elif cell_len(f"{name}  {does}") <= room:
                right = [f"{name}  {does}"]
            else:  # the key's name on its line, what it does under it
                right = [name, *wrap_words(does, room)]
            for i in range(max(len(left), len(right))):
                key = left[i] if i < len(left) else ""
                out.append(key + " " * (key_width + 2 - cell_len(key)), style="bold cyan")
                line = right[i] if i < len(right) else ""
                if i == 0 and name and line.startswith(name):
                    out.append(name, style="bold")
                    line = line[len(name):]
                out.append(line + "\n", style="" if name else "dim")
        out.rstrip()
        return out


def screen_name(screen: Screen, lang: str) -> str:
    key = getattr(screen, "HELP_TITLE", "")
    return say(key, lang) if has(key) else type(screen).__name__


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen #help-box {
        width: 80%;
        max-width: 100;
        height: auto;
        max-height: 90%;
        border: round $accent;
        padding: 1 2;
        background: $surface;
        scrollbar-gutter: stable;  /* the table is drawn for the width a scrollbar leaves */
    }
    HelpScreen #help-figures-title {
        margin-top: 1;
    }
    HelpScreen.-narrow #help-box {
        width: 100%;
        padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        lang = str(getattr(self.app, "lang", "en"))
        tip_lang = "ko" if lang == "both" and self.app.size.width < NARROW else lang
        with VerticalScroll(id="help-box"):
            yield Static(Text(f"{screen_name(self.under, lang)} — {say('help.keys', lang)}",
                              style="bold"), id="help-title")
            yield KeysView(key_rows(self.under, lang, tip_lang), id="help-keys")
            # The numbers the screen underneath shows, each defined (HELP_FIGURES).
            figures = getattr(self.under, "HELP_FIGURES", ())
            if figures:
                yield Static(Text(say("figures.title", lang), style="bold"),
                             id="help-figures-title")
                yield Static(Text("\n".join(f"• {say(key, tip_lang)}" for key in figures)),
                             id="help-figures")
            note = getattr(self.under, "HELP_NOTE", "")  # a screen's word on how it works
            if note and has(note):
                yield Static(Text("\n" + say(note, lang, sep="\n\n") + "\n"), id="help-note")
            yield Static(Text(f"{keys_of(self, 'dismiss')}: {say('help.close', lang)}"),
                         classes="dim")
