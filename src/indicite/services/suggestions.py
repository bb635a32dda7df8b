"""Suggested indicator values for a document, and how many of them are handled.

A number is handled when a live citation overlaps it or the user dismissed it; the
coverage meter counts those, so staff know when a document is finished.
"""

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from indicite.core.entities import Document
from indicite.services.indicators import create_indicator
from indicite.services.session import Session
from indicite.storage.clock import now_iso

if TYPE_CHECKING:
    from indicite.core.entities import Indicator
    from indicite.core.suggest import Suggestion

SUGGESTION_FIELDS = (
    "value",
    "unit",
    "base_value",
    "base_unit",
    "qualifier",
    "measure",
    "period_label",
    "period_start",
    "period_end",
    "subject",
    "value_text",
)


@dataclass(frozen=True)
class Coverage:
    handled: int
    total: int

    @property
    def done(self) -> bool:
        return self.handled == self.total


def suggestions_for_text(
    text: str, published_on: str | None = None, subject: str = ""
) -> list["Suggestion"]:
    """Suggestions for any text; cached, since the text of a document never changes."""
    return list(_cached(text, published_on, subject))


@lru_cache(maxsize=16)
def _cached(text: str, published_on: str | None, subject: str) -> tuple["Suggestion", ...]:
    from indicite.core.suggest import suggest

    doc_date = date.fromisoformat(published_on) if published_on else None
    return tuple(suggest(text, doc_date=doc_date, subject=subject))


def suggestions_for_document(doc: Document) -> list["Suggestion"]:
    return suggestions_for_text(doc.text, doc.published_on, doc.subject)


def open_suggestions(session: Session, doc: Document) -> list["Suggestion"]:
    """Suggestions not yet handled, in reading order."""
    assert doc.id is not None
    handled = _handled(session, doc.id)
    return [s for s in suggestions_for_document(doc) if not handled(s.start, s.end)]


def coverage(session: Session, doc: Document) -> Coverage:
    assert doc.id is not None
    handled = _handled(session, doc.id)
    all_suggestions = suggestions_for_document(doc)
    return Coverage(
        sum(1 for s in all_suggestions if handled(s.start, s.end)), len(all_suggestions)
    )


def _handled(session: Session, doc_id: int) -> Callable[[int, int], bool]:
    """A test for 'dismissed or overlapped by a citation', by bisect over sorted citations."""
    dismissed = session.store.dismissals.spans(doc_id)
    cited = session.store.dismissals.cited_spans(doc_id)
    starts = [c_start for c_start, _ in cited]
    reach = list(accumulate((c_end for _, c_end in cited), max))

    def handled(start: int, end: int) -> bool:
        if (start, end) in dismissed:
            return True
        before = bisect_left(starts, end)
        return before > 0 and reach[before - 1] > start

    return handled


def accept(session: Session, doc_id: int, suggestion: "Suggestion", name: str = "") -> "Indicator":
    """A draft indicator with the suggestion's fields, cited to its span."""
    fields: dict[str, Any] = {k: getattr(suggestion, k) for k in SUGGESTION_FIELDS}
    fields["name"] = name or suggestion.indicator
    return create_indicator(session, doc_id, fields, [(suggestion.start, suggestion.end)])


def dismiss(session: Session, doc_id: int, start: int, end: int) -> None:
    with session.store.transaction():
        session.store.dismissals.add(doc_id, start, end, session.user, now_iso())


def undismiss(session: Session, doc_id: int, start: int, end: int) -> None:
    with session.store.transaction():
        session.store.dismissals.remove(doc_id, start, end)
