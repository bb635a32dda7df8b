"""Revisions of a real text with every character's origin known, to score re-anchoring.

The edits are the ones real revisions make: inserted and deleted sentences, a moved paragraph,
changed numbers, changed whitespace and punctuation, and a share of the text rewritten.
``origin[i]`` is the old offset of new character ``i``, or None for a new character, so the
true place of an unchanged quote is known without trusting the code under test.
"""

import random
import re
from dataclasses import dataclass

DIGIT = re.compile("[0-9]")
NUMBER = re.compile(r"\d+(?:\.\d+)?(?:%|万|亿|个|家|倍)?")
PUNCTUATION = {"，": ",", "。": ".", "、": ",", "；": ";", "：": ":"}


@dataclass
class Revision:
    text: str
    origin: list[int | None]

    def true_start(self, start: int, end: int) -> int | None:
        """Where old[start:end] stands unchanged in the revision, or None if it was edited.

        Whitespace may come from elsewhere (a moved paragraph brings its own line breaks)."""
        where = self._where().get(start)
        if where is None:
            return None
        for k in range(end - start):
            i = where + k
            if i >= len(self.origin) or (
                self.origin[i] != start + k and not (self.text[i].isspace() and k)
            ):
                return None
        return where

    def placed_right(self, old: str, start: int, end: int, placed: int) -> bool:
        """Whether the revision's text at ``placed`` is old[start:end] itself.

        A deletion next to a quote can often stand one character to either side and give the
        same text (作物长|势良好…生长|期 or 作物|长势良好…生|长期): which "长" survived is not
        knowable from the texts, so characters at either end of the span may come from the
        other explanation, as long as they read the same and the rest is the quote's own.
        """
        length = end - start
        if self.text[placed : placed + length] != old[start:end]:
            return False
        own = [self.origin[placed + k] == start + k for k in range(length)]
        first = own.index(True) if True in own else length
        last = length - own[::-1].index(True) if True in own else 0
        return first < last and all(own[first:last])

    def _where(self) -> dict[int, int]:
        if not hasattr(self, "_cache"):
            self._cache = {o: i for i, o in enumerate(self.origin) if o is not None}
        return self._cache


def revise(text: str, filler: str, rnd: random.Random, rewrite_share: float = 0.1) -> Revision:
    """Edit ``text``; new sentences come from ``filler`` (another document), as new text would."""
    chars: list[str] = list(text)
    origin: list[int | None] = list(range(len(text)))

    def replace(i: int, j: int, new: str) -> None:
        """A replacement that begins or ends with what was there keeps those characters."""
        old = chars[i:j]
        same = 0
        while same < min(len(old), len(new)) and old[same] == new[same]:
            same += 1
        tail = 0
        while tail < min(len(old), len(new)) - same and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        kept_tail = origin[j - tail : j] if tail else []
        chars[i:j] = list(new)
        origin[i:j] = origin[i : i + same] + [None] * (len(new) - same - tail) + kept_tail

    def random_piece(n: int) -> str:
        i = rnd.randrange(max(1, len(filler) - n))
        return filler[i : i + n]

    edits = max(3, len(text) // 2000)
    for _ in range(edits):  # inserted sentences
        i = rnd.randrange(len(chars) + 1)
        replace(i, i, random_piece(rnd.randint(5, 60)))
    for _ in range(edits):  # deleted stretches
        i = rnd.randrange(len(chars))
        replace(i, min(len(chars), i + rnd.randint(1, 80)), "")
    digits = [m.start() for m in DIGIT.finditer("".join(chars))]
    for i in rnd.sample(digits, min(edits, len(digits))):  # changed numbers
        if chars[i] in "0123456789":
            replace(i, i + 1, str((int(chars[i]) + rnd.randint(1, 9)) % 10))
    for _ in range(edits):  # whitespace and punctuation
        i = rnd.randrange(len(chars))
        if chars[i] in PUNCTUATION:
            replace(i, i + 1, PUNCTUATION[chars[i]])
        else:
            replace(i, i, " ")
    _move_paragraph(chars, origin, rnd)
    budget = int(len(chars) * rewrite_share)
    while budget > 0:  # rewritten stretches
        n = min(budget, rnd.randint(10, 120))
        i = rnd.randrange(max(1, len(chars) - n))
        replace(i, i + n, random_piece(n))
        budget -= n
    return Revision("".join(chars), origin)


def _move_paragraph(chars: list[str], origin: list[int | None], rnd: random.Random) -> None:
    breaks = [i for i, c in enumerate(chars) if c == "\n"]
    if len(breaks) < 4:
        return
    a = rnd.randrange(len(breaks) - 1)
    start, end = breaks[a] + 1, breaks[a + 1] + 1
    piece, piece_origin = chars[start:end], origin[start:end]
    del chars[start:end], origin[start:end]
    target = rnd.choice([i for i, c in enumerate(chars) if c == "\n"]) + 1
    chars[target:target] = piece
    origin[target:target] = piece_origin


def citations_of(text: str, rnd: random.Random, count: int) -> list[tuple[int, int]]:
    """About ``count`` spans a clerk would cite: numbers with their unit (three in four) and
    longer clauses."""
    numbers = [(m.start(), m.end()) for m in NUMBER.finditer(text)]
    spans = rnd.sample(numbers, min(count - count // 4, len(numbers)))
    while len(spans) < count:
        i = rnd.randrange(max(1, len(text) - 40))
        spans.append((i, i + rnd.randint(8, 40)))
    return [(s, e) for s, e in spans if text[s:e].strip()]
