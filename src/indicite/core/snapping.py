"""Selections snap to whole numbers: a drag that starts or ends inside "17.6%" (".6%…")
takes the whole number and its unit, so a citation never quotes half a value.

Numbers are found with the suggester's grammar (MENTION_RE), so whatever the app calls a
number (4.2%, 1,570家, 115.01亿元, 百分之五) snaps the same way in the text and page views.
"""

from collections.abc import Iterator

from indicite.core.suggest import MENTION_RE

# Far enough back that a scan started there has finished any mention before the boundary.
LOOK_BEHIND = 40
LOOK_AHEAD = 40


def _number_spans(text: str, around: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each number with its magnitude and unit near ``around``; qualifier
    words (超过, 以上) are not part of the number."""
    for m in MENTION_RE.finditer(text, max(0, around - LOOK_BEHIND), around + LOOK_AHEAD):
        start = m.start("sign") if m.group("sign") else m.start("num")
        end = max(m.end(g) for g in ("num", "yu1", "mag", "yu2", "unit") if m.group(g))
        yield start, end


def snap_to_numbers(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened so that neither end falls inside a number or between it and its unit."""
    for s, e in _number_spans(text, start):
        if s < start < e:
            start = s
    for s, e in _number_spans(text, end):
        if s < end < e:
            end = e
    return start, end
