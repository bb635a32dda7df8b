"""Citations as W3C Web Annotation selectors: a position pair plus the quoted text.

Offsets are code-point indices into the stored document text (Python ``str`` indices).
Qt counts UTF-16 code units, so the UI converts at its boundary with the helpers here.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass

from indicite.core.errors import ValidationError

CONTEXT_CHARS = 32
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class Quote:
    """Where a passage is (start, end) and what it says (exact with its context)."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    page: int | None = None


def quote_at(text: str, start: int, end: int, page_starts: list[int] | None = None) -> Quote:
    """Build the selectors for text[start:end]; refuse an empty or out-of-range span."""
    if not 0 <= start < end <= len(text):
        raise ValidationError(
            "citation", "passage {start}–{end} is outside the document", start=start, end=end
        )
    return Quote(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        page=page_of(page_starts, start),
    )


def is_anchored(text: str, start: int, end: int, exact: str) -> bool:
    """A citation is valid exactly when its position still selects its quote."""
    return 0 <= start <= end <= len(text) and text[start:end] == exact


def page_of(page_starts: list[int] | None, offset: int) -> int | None:
    """1-based page holding ``offset``, for documents that have pages (PDF)."""
    if not page_starts:
        return None
    return max(1, bisect_right(page_starts, offset))


def find_quote(text: str, exact: str, prefix: str = "", suffix: str = "") -> int | None:
    """Start of ``exact`` in text, choosing among repeats by how well prefix/suffix match."""
    if not exact:
        return None
    best, best_score = None, -1
    pos = text.find(exact)
    while pos != -1:
        score = common_suffix(text[max(0, pos - len(prefix)) : pos], prefix) + common_prefix(
            text[pos + len(exact) : pos + len(exact) + len(suffix)], suffix
        )
        if score > best_score:
            best, best_score = pos, score
        pos = text.find(exact, pos + 1)
    return best


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def common_suffix(a: str, b: str) -> int:
    return common_prefix(a[::-1], b[::-1])


class Utf16Map:
    """Conversions for one long text; only characters outside the BMP are remembered.

    Most documents have none, so both directions are then the identity.
    """

    def __init__(self, text: str):
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_utf16 = [i + k for k, i in enumerate(self._astral)]

    def to_utf16(self, index: int) -> int:
        """UTF-16 code units before code point ``index`` (what Qt calls a position)."""
        return index + bisect_right(self._astral, index - 1)

    def to_code_point(self, utf16_index: int) -> int:
        """Code point for a Qt position; a position inside a surrogate pair rounds down."""
        before = bisect_right(self._astral_utf16, utf16_index - 2)
        if before < len(self._astral_utf16) and self._astral_utf16[before] == utf16_index - 1:
            return utf16_index - 1 - before
        return utf16_index - before


def utf16_offset(text: str, index: int) -> int:
    return Utf16Map(text).to_utf16(index)


def code_point_offset(text: str, utf16_index: int) -> int:
    return Utf16Map(text).to_code_point(utf16_index)
