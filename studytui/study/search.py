"""Search over a deck's cards: ranked, typo-forgiving, in Korean and English.

    SearchIndex.of(deck).search("momentom") -> card ids, best first

Text is compared as the grader compares answers (`studytui.grading.answer_text`):
NFKC, casefold, lookalikes folded, spacing and hyphens ignored, Hangul spelled
out as jamo. So `mini batch`, `mini-batch` and `minibatch` find the same cards,
and so do 경사하강법 and 경사 하강법. An exact term or alias is matched on the
grader's very keys (`other_keys`: optional "(...)" parts in or out); inside
longer text a query matches the letters and digits of the text with
separators and punctuation left out.

A word of the query of five letters or more (a Hangul syllable counting two, as
for the grader) also finds a word of the deck one edit away, measured on jamo
for Hangul (momentom -> Momentum, atention -> attention, 어탠션 -> 어텐션), or
the start of a longer word one edit away, so a typo is forgiven while the word
is still being typed and before a Korean particle (어탠션은). Shorter words must
match as typed: one edit turns them into other words.

Ranking, best first: the exact term, an exact alias, a term that starts with
the query, a term that holds it, an alias that holds it, a term that starts one
typo away from the query, a term or alias matched through a typo, the
definition (as typed, then through a typo), then the notes, formula, tags and
id, then the query's words spread over several of these. Ties go to the
shorter term, then to deck order. The index is built once per deck.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from studytui.content.deck import Deck
from studytui.content.model import Card
from studytui.grading.answer_text import TYPO_MIN_LENGTH, char_info, clean, key_of, other_keys

TERM, ALIAS, DEFINITION, OTHER = range(4)  # the searchable fields of a card
_FIELDS = (TERM, ALIAS, DEFINITION, OTHER)
_CACHE_LIMIT = 256  # query words remembered with the cards they hit (typing repeats them)

# Rank of a card for a query; lower is better.
EXACT_TERM, EXACT_ALIAS, TERM_START, IN_TERM, IN_ALIAS, NEAR_TERM_START = range(6)
TYPO_RANK = {TERM: 6, ALIAS: 7, DEFINITION: 9, OTHER: 11}
AS_TYPED_RANK = {DEFINITION: 8, OTHER: 10}
SPREAD = 12  # every word found, but not all in one field


@dataclass(frozen=True)
class Word:
    key: str  # letters and digits, casefolded, Hangul as jamo
    length: int  # in letters, a Hangul syllable counting 2 (the grader's measure)


def words_of(text: str) -> list[Word]:
    """The words of `text`: runs of letters and digits, as keys."""
    return [_word(w) for w in _WORD.findall(clean(text))]


_WORD = re.compile(r"[^\W_]+")  # letters and digits; an underscore separates, as in grading
_WORDS: dict[str, Word] = {}  # the same words recur across a deck: convert each once
_WORDS_LIMIT = 200_000


def _word(text: str) -> Word:
    word = _WORDS.get(text)
    if word is None:
        word = Word(key_of(text), sum(char_info(ch)[2] for ch in text))
        if len(_WORDS) < _WORDS_LIMIT:
            _WORDS[text] = word
    return word


def _fields(card: Card) -> tuple[list[str], ...]:
    other = [card.id.replace("-", " "), *card.tags]
    if card.notes:
        other += card.notes.texts()
    if card.formula:
        other.append(card.formula)
    return card.term.texts(), list(card.aliases), card.definition.texts(), other


class SearchIndex:
    """Every card of a deck, ready to search. Build with `SearchIndex.of(deck)`."""

    def __init__(self, deck: Deck) -> None:
        self.ids: list[str] = list(deck.cards)
        self._position = {cid: pos for pos, cid in enumerate(self.ids)}
        # A term's or an alias's keys as the grader has them -> the cards with it.
        self._terms: dict[str, list[int]] = {}
        self._aliases: dict[str, list[int]] = {}
        self._texts: list[tuple[str, ...]] = []  # per field, its texts' keys a line each
        self._term_length: list[int] = []  # the shortest term's key, to break ties
        self._haystacks: list[str] = []  # all of a card's text keys, for a quick "is it here"
        postings: dict[str, set[tuple[int, int]]] = {}  # word -> (card position, field)
        for pos, card in enumerate(deck.cards.values()):
            fields = _fields(card)
            for exact, field in ((self._terms, TERM), (self._aliases, ALIAS)):
                for key in {k for t in fields[field] for k in other_keys(t)}:
                    exact.setdefault(key, []).append(pos)
            texts = []
            for field, field_texts in zip(_FIELDS, fields, strict=True):
                keys = []
                for text in field_texts:
                    words = words_of(text)
                    keys.append("".join(w.key for w in words))
                    for w in words:
                        if w.length >= TYPO_MIN_LENGTH:
                            postings.setdefault(w.key, set()).add((pos, field))
                texts.append("\n".join(keys))
            self._texts.append(tuple(texts))
            self._term_length.append(min((len(k) for k in texts[TERM].split("\n")), default=0))
            self._haystacks.append("\n".join(texts))
        self._postings = postings
        self._vocabulary = list(postings)  # the words long enough to forgive a typo in
        self._prefixes: dict[int, dict[str, list[str]]] = {}
        self._as_typed: dict[str, set[int]] = {}
        self._typos: dict[str, list[set[int]]] = {}

    @classmethod
    def of(cls, deck: Deck) -> SearchIndex:
        """The deck's index, built on first use and kept while the deck lives."""
        key = id(deck)
        held = _INDEXES.get(key)
        if held is not None and held[0]() is deck:
            return held[1]
        index = cls(deck)
        # The callback must not hold the deck itself, or the deck would live forever.
        _INDEXES[key] = (weakref.ref(deck, lambda _, key=key: _INDEXES.pop(key, None)), index)
        return index

    # --- matching one word ----------------------------------------------

    def _cards_with(self, key: str) -> set[int]:
        """Cards holding `key` as typed (inside any of their texts)."""
        hit = self._as_typed.get(key)
        if hit is None:
            # Typing extends the previous word: only the cards it hit can hold the longer one.
            narrower = next((self._as_typed[key[:n]] for n in range(len(key) - 1, 0, -1)
                             if key[:n] in self._as_typed), None)
            positions = range(len(self.ids)) if narrower is None else sorted(narrower)
            hit = {p for p in positions if key in self._haystacks[p]}
            _remember(self._as_typed, key, hit)
        return hit

    def _typo_fields(self, word: Word) -> list[set[int]]:
        """Per field, the cards where a word one edit from `word` (or starting
        one edit from it) stands. All empty for words too short to forgive."""
        if word.length < TYPO_MIN_LENGTH:
            return [set() for _ in _FIELDS]
        hit = self._typos.get(word.key)
        if hit is None:
            hit = [set() for _ in _FIELDS]
            for near in self._near_words(word.key):
                for pos, field in self._postings[near]:
                    hit[field].add(pos)
            _remember(self._typos, word.key, hit)
        return hit

    def _near_words(self, key: str) -> set[str]:
        found = {w for w, _, _ in process.extract(
            key, self._vocabulary, scorer=OSA.distance, score_cutoff=1, limit=None)}
        for size in (len(key) - 1, len(key), len(key) + 1):
            starts = self._starts(size)
            for start, _, _ in process.extract(
                    key, list(starts), scorer=OSA.distance, score_cutoff=1, limit=None):
                found.update(starts[start])
        return found

    def _starts(self, size: int) -> dict[str, list[str]]:
        """The first `size` letters of every longer word, with the words they start."""
        starts = self._prefixes.get(size)
        if starts is None:
            starts = {}
            for w in self._vocabulary:
                if len(w) > size:
                    starts.setdefault(w[:size], []).append(w)
            self._prefixes[size] = starts
        return starts

    # --- a whole query --------------------------------------------------

    def search(self, query: str, within: Iterable[str] | None = None) -> list[str]:
        """Card ids matching `query`, best first; every card (in deck order)
        for an empty query, none for one with no letter or digit left once
        normalised (`🙂`, `((`: listing every card would read as a match).
        `within` limits the result to these ids (the lecture and tag filters)."""
        allowed = None if within is None else {self._position[cid] for cid in within
                                                 if cid in self._position}
        words = words_of(query)
        if not words and query.strip():
            return []
        if not words:
            return [self.ids[p] for p in sorted(allowed)] if allowed is not None else self.ids
        typos = [self._typo_fields(w) for w in words]
        found = allowed
        for word, typo in zip(words, typos, strict=True):
            hits = self._cards_with(word.key).union(*typo)
            found = hits if found is None else found & hits
        ranks = self._ranks(found or set(), query, words, typos)
        # Among cards matched on their terms, the shorter term is the closer match
        # (momentum before Nesterov momentum); otherwise deck order.
        short = self._term_length
        return [self.ids[pos] for pos in sorted(found or (), key=lambda p: (
            ranks[p], short[p] if ranks[p] <= TYPO_RANK[TERM] else 0, p))]

    def _ranks(self, found: set[int], query: str, words: list[Word],
               typos: list[list[set[int]]]) -> dict[int, int]:
        """Each found card's rank: the best tier whose test it passes. Every
        tier is a set of cards, so a query hitting the whole deck ranks it in
        a few passes rather than a dozen tests a card."""
        exact = other_keys(query)
        phrase = "".join(w.key for w in words)
        texts = self._texts
        # Per word and field: the cards holding the word as typed.
        typed = [{f: {p for p in found if w.key in texts[p][f]} for f in _FIELDS} for w in words]
        if len(words) == 1:
            holding = typed[0]  # the whole query is its one word
        else:
            holding = {f: {p for p in found if phrase in texts[p][f]} for f in _FIELDS}
        each = {f: holding[f].union(set.intersection(*(t[f] for t in typed))) for f in _FIELDS}
        tiers: list[tuple[int, set[int]]] = [
            (EXACT_TERM, {p for k in exact for p in self._terms.get(k, ())}),
            (EXACT_ALIAS, {p for k in exact for p in self._aliases.get(k, ())}),
            (TERM_START, {p for p in holding[TERM]
                          if any(t.startswith(phrase) for t in texts[p][TERM].split("\n"))}),
            (IN_TERM, each[TERM]),
            (IN_ALIAS, each[ALIAS]),
        ]
        for field in _FIELDS:
            if field in AS_TYPED_RANK:
                tiers.append((AS_TYPED_RANK[field], each[field]))
            # Every word as typed or through a typo, all in this field.
            near = set.intersection(*(
                t[field] | typo[field]
                for t, typo in zip(typed, typos, strict=True)))
            tiers.append((TYPO_RANK[field], near))
            if field == TERM:  # a term that starts one typo away from the query: momentom
                tiers.append((NEAR_TERM_START, {p for p in near if any(
                    OSA.distance(phrase, t[:size], score_cutoff=1) <= 1
                    for t in texts[p][TERM].split("\n")
                    for size in (len(phrase) - 1, len(phrase), len(phrase) + 1))}))
        ranks = dict.fromkeys(found, SPREAD)
        for rank, cards in sorted(tiers, key=lambda t: t[0], reverse=True):
            for p in cards & found:
                ranks[p] = rank
        return ranks


def _remember(cache: dict, key: str, value: object) -> None:
    if len(cache) >= _CACHE_LIMIT:
        cache.pop(next(iter(cache)))
    cache[key] = value


_INDEXES: dict[int, tuple[weakref.ref, SearchIndex]] = {}
