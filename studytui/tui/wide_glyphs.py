"""Korean glyphs that Textual's compositor drops where widgets overlap.

Textual cuts every screen line at both edges of every visible widget, covered
or not, and divides the line of the widget in front at all of those cuts; a
double-width glyph (every Hangul syllable) straddling one becomes two spaces
(Textual issue #6357, open for 8.2.8, which pyproject pins). So the key bar's
뒤집기 lost its first syllable where a rating button under it ended, and a
notice over a border lost syllables the same way: for a Korean learner, words
with holes in them.

The fix changes only where a widget's line is divided: at the edges of what
it shows (where a widget in front of it takes over, or its own edge), never at
cuts made by the widgets it covers. Each run of cut-to-cut buckets the widget
wins becomes one strip in the run's first bucket; the other buckets of the run
get an empty strip, so no widget behind claims them. A partial update's end
for a bucket is then where its strip really ends, so a dirty region inside a
run still repaints it. Everything else is Textual's own code path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from textual import _compositor
from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip

_EMPTY = Strip([], 0)


def _render_chops(self: Compositor, crop: Region, is_rendered_line: Callable[[int], bool]
                  ) -> Sequence[Mapping[int, Strip]]:
    """Textual's `_render_chops`, dividing a widget's line only where what it
    shows begins or ends."""
    cuts = self.cuts
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    for region, clip, strips in self._get_renders(crop):
        render_region = region.intersection(clip)
        render_x = render_region.x
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips, strict=False):
            if not is_rendered_line(y):
                continue
            line = chops[y]
            own = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
            # Painting front to back: a bucket already filled belongs to a widget
            # in front. Divide only where free buckets meet taken ones.
            free = [line.get(cut) is None for cut in own[:-1]]
            edges = [own[0]] + [own[i] for i in range(1, len(free)) if free[i] != free[i - 1]]
            edges.append(own[-1])
            pieces = strip.divide([edge - render_x for edge in edges[1:]])
            for start, end, piece in zip(edges, edges[1:], pieces, strict=False):
                if line.get(start) is not None:
                    continue  # this run is in front of us
                line[start] = piece
                for cut in own:
                    if start < cut < end:
                        line[cut] = _EMPTY
    return chops  # type: ignore[return-value]


def _render_partial_update(self: Compositor) -> ChopsUpdate | None:
    """Textual's `render_partial_update`, with each bucket's end where its strip
    ends (a run's strip spans several buckets)."""
    screen_region = self.size.region
    update_regions = self._dirty_regions.copy()
    self._dirty_regions.clear()
    if not update_regions:
        return None
    crop = Region.from_union(update_regions).intersection(screen_region)
    spans = list(self._regions_to_spans(update_regions))
    is_rendered_line = {y for y, _, _ in spans}.__contains__
    chops = self._render_chops(crop, is_rendered_line)
    chop_ends = [
        [max(end, x + strip.cell_length) if strip is not None else end
         for end, (x, strip) in zip(cut_set[1:], line.items(), strict=True)]
        for cut_set, line in zip(self.cuts, chops, strict=True)
    ]
    return ChopsUpdate(chops, spans, chop_ends)


def keep_wide_glyphs_whole() -> None:
    """Install the two methods on Textual's Compositor (idempotent)."""
    _compositor.Compositor._render_chops = _render_chops  # type: ignore[method-assign]
    _compositor.Compositor.render_partial_update = (  # type: ignore[method-assign]
        _render_partial_update)
