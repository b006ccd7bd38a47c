"""Words a learner wraps around a right answer without changing it.

Asked "which ensemble method adds weak learners in sequence?", a learner types
"boosting", but also "the boosting method", "부스팅 기법" or "부스팅이요". A person
marking the quiz accepts all of them; the deck cannot list every wrapping of
every answer. So when an answer is not accepted as typed, the grader tries it
again with these wrappings taken off, one layer at a time:

- a leading English article: the, a, an;
- a trailing generic head noun: method(s), algorithm(s), technique(s),
  term(s), 기법, 방법, 방식, 알고리즘, 값, 항 — the question names the kind of
  thing, the answer is its name ("bias term", "편향값");
- a trailing Korean copula or polite ending on the answer noun: 입니다, 이에요,
  예요, 이요, 이다, 요, 다 (부스팅이요, 드롭아웃입니다).

A wrapped answer is right only if what is left is right by the usual rules, so
nothing here can make a wrong answer right: "the bagging" stays a different
term of the deck. An answer that is itself one of these words ("the method")
never comes to this: it matches as typed first.
"""

from __future__ import annotations

import re

_ARTICLE = re.compile(r"^(?:the|an?)\s+(?=\S)")
_HEAD_NOUN = re.compile(r"(?<=\S)\s*(?:(?<=\s)(?:methods?|algorithms?|techniques?|terms?)"
                        r"|기법|방법|방식|알고리즘|값|항)$")
# After the noun, glued to it (부스팅이요) or not (ReLU 입니다); 다 and 요 alone
# only glued, so a trailing word of the answer is never cut at a space.
_KO_ENDING = re.compile(r"(?<=\S)(?:\s*(?:입니다|이에요|이예요|예요|이요|이다)|요|다)$")
_WRAPPINGS = (_ARTICLE, _HEAD_NOUN, _KO_ENDING)


def unwrapped(text: str) -> list[str]:
    """`text` with one more wrapping taken off each time, outermost first;
    empty when it has none. `text` is cleaned already (casefolded, edges
    stripped), so the patterns see lower case without surrounding punctuation."""
    out: list[str] = []
    seen = {text}
    queue = [text]
    while queue:
        current = queue.pop(0)
        for wrapping in _WRAPPINGS:
            inner = wrapping.sub("", current, count=1).strip()
            if inner and inner not in seen:
                seen.add(inner)
                out.append(inner)
                queue.append(inner)
    return out
