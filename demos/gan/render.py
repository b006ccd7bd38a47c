"""The GAN drawn with Rich (no torch): real and generated points over the
discriminator's output D(x) as a field, the losses and D's mean outputs over
the steps, and the lessons the run shows (mode collapse, D(x) → 1/2, the
saturating minimax loss)."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from demos.draw.beside import Beside
from demos.draw.canvas import FIELD_DIM, HALF
from demos.draw.curves import Curve, curve_key, curves_axes
from demos.draw.fit import too_small
from demos.draw.height import height_of
from demos.draw.legend import Legend
from demos.draw.palette import OKABE_ITO, hex_colour, viridis
from demos.draw.scatter import fill_field, plot_points, square_axes
from studytui.words import say

MIN_WIDTH, MIN_HEIGHT = 50, 16
REAL, FAKE = OKABE_ITO[6], OKABE_ITO[0]
REAL_MARK, FAKE_MARK = "o", "x"
BALANCED = 0.1  # D's mean outputs within this of 1/2: D can no longer tell
EARLY_FAKE = 0.4  # D(G(z)) below this early on: D already tells the fakes apart


def _w(key: str, lang: str, **values: object) -> str:
    return say(f"demos.gan.{key}", lang, **values)


def scale_entry(lang: str) -> Text:
    scale = Text("D(x): 0 ")
    for i in range(8):
        colour = hex_colour(viridis(i / 7, FIELD_DIM))
        scale.append(HALF, style=f"{colour} on {colour}")
    return scale.append(" 1")


def data_panel(result: dict[str, Any], rows: int, color: bool):
    field = result["field"]
    axes = square_axes(tuple(field["x_range"]), tuple(field["y_range"]), rows, color)
    if color:  # without colour the field's contours would bury the points' markers
        fill_field(axes, field["values"], tuple(field["x_range"]), tuple(field["y_range"]))
    plot_points(axes, result["real"], REAL, REAL_MARK)
    plot_points(axes, result["samples"], FAKE, FAKE_MARK)
    return axes


def lessons(result: dict[str, Any], lang: str) -> list[Text]:
    out = []
    steps = result["steps"]
    cover = result["coverage"]
    done = result["step"] == result["steps_total"]
    if cover is not None and cover[0] < cover[1] and done:
        out.append(Text(_w("collapse", lang, got=cover[0], all=cover[1]), style="bold"))
    collapsed = cover is not None and cover[0] < cover[1]
    if steps and done and not collapsed and all(abs(steps[-1][k] - 0.5) < BALANCED
                                                for k in ("d_real", "d_fake")):
        out.append(Text(_w("half", lang, real=f"{steps[-1]['d_real']:.2f}",
                           fake=f"{steps[-1]['d_fake']:.2f}")))
    early = [s["d_fake"] for s in steps[: max(1, len(steps) // 10)]]
    if early and min(early) < EARLY_FAKE:
        # The generator's push early on: |d loss / d D(G(z))| of each loss where D
        # was most sure of the fakes in the first tenth of the logged steps.
        fake = min(early)
        out.append(Text(_w("slopes", lang, fake=f"{fake:.2f}", minimax=f"{1 / (1 - fake):.2f}",
                           ns=f"{1 / fake:.2f}", ratio=f"{(1 - fake) / fake:.1f}")))
    return out


def render(result: dict[str, Any], lang: str = "both", step: int | None = None,
           width: int = 100, height: int = 30, color: bool = True) -> RenderableType:
    name = say("demos.gan.title", lang)
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return too_small(name, (MIN_WIDTH, MIN_HEIGHT), (width, height), lang)
    title = Text.assemble((name, "bold"), "   " + _w(
        "setup", lang, data=result["data"], loss=result["loss"], k=result["k"],
        lr=f"{result['lr']:g}", step=result["step"], steps=result["steps_total"]))
    marks = (("⠂", "⠂") if color else (REAL_MARK, FAKE_MARK))
    key = Legend([Text.assemble((marks[0], f"bold {REAL}" if color else "bold"),
                                " " + _w("real", lang)),
                  Text.assemble((marks[1], f"bold {FAKE}" if color else "bold"),
                                " " + _w("fake", lang)),
                  *([scale_entry(lang)] if color else [])])
    logged = result["steps"]
    status = []
    if logged:
        last = logged[-1]
        status.append(Text(_w("status", lang, real=f"{last['d_real']:.2f}",
                              fake=f"{last['d_fake']:.2f}", d=f"{last['d_loss']:.3f}",
                              g=f"{last['g_loss']:.3f}")))
    if result["coverage"] is not None:
        status.append(Text(_w("coverage", lang, got=result["coverage"][0],
                              all=result["coverage"][1])))
    notes = lessons(result, lang)
    below = [key, *status, *notes]
    rows = max(8, height - height_of([title, *below], width))
    xs = [s["step"] for s in logged]
    losses = [Curve("D loss", OKABE_ITO[1], xs, [s["d_loss"] for s in logged]),
              Curve("G loss", OKABE_ITO[0], xs, [s["g_loss"] for s in logged])]
    outputs = [Curve("D(x) " + _w("real", lang), OKABE_ITO[6], xs,
                     [s["d_real"] for s in logged]),
               Curve("D(G(z))", OKABE_ITO[4], xs, [s["d_fake"] for s in logged])]
    panel = data_panel(result, rows, color)
    right = width - panel.width - 2
    if right >= 30:
        top, bottom = rows // 2, rows - rows // 2
        charts = Group(Legend([curve_key(c, color) for c in losses]),
                       curves_axes(losses, right, top - 1, color),
                       Legend([curve_key(c, color) for c in outputs]),
                       curves_axes(outputs, right, bottom - 1, color))
        body: RenderableType = Beside(panel, panel.width, charts)
    else:  # narrow: the points alone, then the losses under them
        panel = data_panel(result, min(rows, (width + 4) // 2), color)
        body = Group(panel, Legend([curve_key(c, color) for c in losses]),
                     curves_axes(losses, width, 8, color))
    return Group(title, body, *below)
