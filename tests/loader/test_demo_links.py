"""A card's `demos:` list: every link checked with its own position, and the
card opens them in the author's order (`demo:` first when both are given)."""

from __future__ import annotations

import pytest

from studytui.content.loader import load_deck
from studytui.errors import ContentError

LECTURE = """\
id: 90-sample
number: 90
title: {{ko: 샘플 강의, en: Sample lecture}}
summary: {{ko: 로더 시험용 강의, en: A lecture for loader tests}}
cards:
  - id: conv
    term: {{ko: 합성곱, en: Convolution}}
    definition: {{ko: 커널을 미끄러뜨리며 곱하고 더하기, en: Sliding a kernel and adding products}}
{links}
"""


def _load(tmp_path, links: str):
    path = tmp_path / "90-sample.yaml"
    path.write_text(LECTURE.format(links=links), encoding="utf-8")
    return load_deck([path])


def test_a_card_opens_each_of_its_demos_in_order_with_demo_first(tmp_path):
    deck = _load(tmp_path, """\
    demo: {name: cnn-params}
    demos:
      - {name: convolution, params: {stride: 2}}
      - {name: lstm, params: {cell: gru}}""")
    card = deck.cards["conv"]
    assert [(d.name, d.params) for d in card.demos] == [
        ("cnn-params", {}), ("convolution", {"stride": 2}), ("lstm", {"cell": "gru"})]
    assert card.demo.name == "cnn-params"


@pytest.mark.parametrize(("links", "expected"), [
    ("    demos:\n      - {name: convolution}\n      - {name: convolution, params: {stride: 9}}",
     ":11:38: cards[0].demos[1].params.stride: 9 is out of range: a number from 1 to 4"),
    ("    demo: {name: lstm}\n    demos:\n      - {name: convolutoin}",
     ":11:16: cards[0].demos[0].name: unknown demo 'convolutoin'"),
])
def test_a_bad_link_in_the_list_is_reported_where_it_is_written(tmp_path, links, expected):
    with pytest.raises(ContentError) as info:
        _load(tmp_path, links)
    (issue,) = [str(i) for i in info.value.issues]
    assert expected in issue
