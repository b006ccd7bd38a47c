"""The VAE drawn with Rich (no torch): the data with the decoder's outputs
for a grid of latent points, the latent space (each point's encoder mean over
the prior's 1σ and 2σ circles), the ELBO's two terms over the steps, and the
last step's numbers in the formulas."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from demos.draw.beside import Beside
from demos.draw.curves import Curve, curve_key, curves_axes
from demos.draw.fit import too_small
from demos.draw.height import height_of
from demos.draw.legend import Legend
from demos.draw.palette import OKABE_ITO
from demos.draw.scatter import circle, plot_points, square_axes
from studytui.words import say

MIN_WIDTH, MIN_HEIGHT = 50, 16
DATA, DECODED, LATENT, PRIOR = OKABE_ITO[6], OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[3]
DATA_MARK, DECODED_MARK, LATENT_MARK = "o", "x", "z"
PLOT = (-3.0, 3.0)
CURVE_ROWS = 6
SKIP = 0.1  # the curves' y range starts after the first tenth of the steps
COLLAPSED_KL = 0.05  # nats: below this the latent says (almost) nothing about x


def _w(key: str, lang: str, **values: object) -> str:
    return say(f"demos.vae.{key}", lang, **values)


def panels(result: dict[str, Any], rows: int, color: bool) -> tuple[Any, Any]:
    data = square_axes(PLOT, PLOT, rows, color)
    plot_points(data, result["points"], DATA, DATA_MARK)
    plot_points(data, result["decoded"], DECODED, DECODED_MARK)
    latent = square_axes(PLOT, PLOT, rows, color)
    circle(latent, 1.0, PRIOR)
    circle(latent, 2.0, PRIOR)
    plot_points(latent, result["latent_mean"], LATENT, LATENT_MARK)
    return data, latent


def numbers(result: dict[str, Any], lang: str) -> list[Text]:
    if not result["steps"]:
        return []
    s = result["steps"][-1]
    beta = result["beta"]
    return [Text(_w("elbo_line", lang, step=s["step"], recon=f"{s['recon']:.3f}",
                    kl=f"{s['kl']:.3f}", elbo=f"{s['elbo']:.3f}")),
            Text(_w("loss_line", lang, recon=f"{s['recon']:.3f}", kl=f"{s['kl']:.3f}",
                    beta=f"{beta:g}", loss=f"{s['loss']:.3f}"))]


def lessons(result: dict[str, Any], lang: str) -> list[Text]:
    if result["step"] != result["steps_total"] or not result["steps"]:
        return []
    kl = result["steps"][-1]["kl"]
    if result["beta"] == 0:
        return [Text(_w("no_prior", lang, kl=f"{kl:.2f}"), style="bold")]
    if kl < COLLAPSED_KL:
        return [Text(_w("collapse", lang, kl=f"{kl:.3f}", beta=f"{result['beta']:g}"),
                     style="bold")]
    return []


def render(result: dict[str, Any], lang: str = "both", step: int | None = None,
           width: int = 100, height: int = 30, color: bool = True) -> RenderableType:
    name = say("demos.vae.title", lang)
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return too_small(name, (MIN_WIDTH, MIN_HEIGHT), (width, height), lang)
    title = Text.assemble((name, "bold"), "   " + _w(
        "setup", lang, data=result["data"], beta=f"{result['beta']:g}",
        lr=f"{result['lr']:g}", step=result["step"], steps=result["steps_total"]))

    def entry(mark: str, colour: str, key: str) -> Text:
        return Text.assemble((("⠂" if color else mark), f"bold {colour}" if color else "bold"),
                             " " + _w(key, lang))

    key = Legend([entry(DATA_MARK, DATA, "data"), entry(DECODED_MARK, DECODED, "decoded"),
                  entry(LATENT_MARK, LATENT, "latent"),
                  Text.assemble(("◯", PRIOR if color else ""), " " + _w("prior", lang))])
    logged = result["steps"]
    xs = [s["step"] for s in logged]
    lines = [Curve(_w("recon", lang), OKABE_ITO[0], xs, [s["recon"] for s in logged]),
             Curve("KL", OKABE_ITO[1], xs, [s["kl"] for s in logged]),
             Curve("−ELBO", OKABE_ITO[6], xs, [-s["elbo"] for s in logged])]
    curve_key_line = Legend([curve_key(c, color) for c in lines])
    below = [*numbers(result, lang), *lessons(result, lang)]
    free = height - height_of([title, key, curve_key_line, *below], width)
    rows = max(8, min(free - CURVE_ROWS, (width - 13) // 4 + 2))
    curve_rows = max(CURVE_ROWS, free - rows)
    data, latent = panels(result, rows, color)
    if data.width + latent.width + 3 <= width:
        body: RenderableType = Beside(data, data.width, latent, gap=3)
    else:
        body = Group(data, latent)
    return Group(title, body, key, curves_axes(lines, width, curve_rows, color, skip=SKIP),
                 curve_key_line, *below)
