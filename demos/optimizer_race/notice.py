"""What to notice in a race, in the learner's language: a line about the
surface, then who did what in the run shown (as of the step shown), worked
out from that run, so the words are true of every run, whatever the knobs.
"""

from __future__ import annotations

import math
from typing import Any

from demos.optimizer_race.functions import SURFACES
from demos.optimizer_race.render import ranking
from studytui.words import pick, say

# A runner whose last TRAPPED_OVER points all lie within TRAPPED_RADIUS of
# their mean is held in one basin: settled, or bouncing inside it (RMSprop
# and Adadelta bounce around Rastrigin's local minima rather than settle).
TRAPPED_OVER = 20
TRAPPED_RADIUS = 0.3
GLOBAL_RADIUS = 0.5  # Rastrigin's nearest local minima lie ~1 from (0,0)


def _w(key: str, lang: str, **values: object) -> str:
    return say(f"race_notice.{key}", lang, **values)


def _names(lang: str, items: list[str]) -> str:
    return ", ".join(items) if items else _w("nobody", lang)


def _hits(rows: list[tuple], lang: str) -> list[str]:
    return [_w("at_step", lang, name=run["name"], step=hit)
            for run, _loss, _dist, hit, diverged in sorted(
                rows, key=lambda r: math.inf if r[3] is None else r[3])
            if hit is not None and not diverged]


def trapped(run: dict[str, Any], step: int | None) -> bool:
    """The runner stays in one small region over its last steps (by `step`)."""
    path = run["trajectory"] if step is None else run["trajectory"][: step + 1]
    if len(path) <= TRAPPED_OVER:
        return False
    tail = path[-TRAPPED_OVER:]
    mean = [sum(p[0] for p in tail) / len(tail), sum(p[1] for p in tail) / len(tail)]
    return all(math.dist(p, mean) <= TRAPPED_RADIUS for p in tail)


def facts(result: dict[str, Any], step: int | None) -> dict[str, list[str]]:
    """Who reached the target (in order), who diverged, who is trapped around
    a minimum away from the global one, who is still on the way."""
    rows = ranking(result, step)
    minimum = result["minimum"]
    out: dict[str, list[str]] = {"reached": [], "diverged": [], "local": [], "moving": []}
    for run, _loss, dist, hit, diverged in rows:
        name = run["name"]
        if diverged:
            out["diverged"].append(name)
        elif hit is not None:
            out["reached"].append(name)
        elif (minimum is not None and dist is not None and dist > GLOBAL_RADIUS
              and trapped(run, step)):
            out["local"].append(name)
        else:
            out["moving"].append(name)
    return out


def notice(result: dict[str, Any], step: int | None, lang: str) -> str:
    """One line in Korean, one in English (or one of them)."""
    return pick(lang, _one(result, step, "ko"), _one(result, step, "en"), sep="\n")


def _one(result: dict[str, Any], step: int | None, lang: str) -> str:
    function = result["function"]
    surface = SURFACES[function]
    got = facts(result, step)
    hits = _hits(ranking(result, step), lang)
    target = f"{result['target']:g}"
    head = f"{pick(lang, surface.title_ko, surface.title_en)}: " + _w(function, lang)
    if function == "rastrigin":
        runners = len(result["runs"])
        if len(got["local"]) == runners:
            body = _w("all_local", lang)
        else:
            body = "; ".join(part for part in (
                _w("local", lang, names=_names(lang, got["local"])) if got["local"] else "",
                _w("reached", lang, target=target, names=_names(lang, hits)) if hits else "",
                _w("moving", lang, names=_names(lang, got["moving"])) if got["moving"] else "",
                _w("diverged", lang, names=_names(lang, got["diverged"]))
                if got["diverged"] else "") if part)
    elif function == "saddle":
        body = "; ".join((
            _w("escaped", lang, target=target, names=_names(lang, hits)),
            _w("diverged", lang, names=_names(lang, got["diverged"])),
            _w("stuck", lang, names=_names(lang, got["local"] + got["moving"]))))
    else:
        body = _w("reached", lang, target=target, names=_names(lang, hits))
        rest = got["local"] + got["moving"]
        if rest:
            body += "; " + _w("not_yet", lang, names=_names(lang, rest))
        if got["diverged"]:
            body += "; " + _w("diverged", lang, names=_names(lang, got["diverged"]))
    return f"{head} {body}"
