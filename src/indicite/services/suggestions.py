"""Suggested indicator values for a document, and how many of them are handled.

A number is handled when the user dismissed it or an indicator cites it. A citation that
covers several numbers (分别达到2680家、7124家) handles the ones whose value the indicator
holds; if it holds none of them (the user typed another value), it handles them all. The
coverage meter counts handled numbers, so staff know when a document is finished.
"""

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from indicite.core.entities import Document
from indicite.services.catalog import with_catalog_link
from indicite.services.indicators import create_indicator
from indicite.services.ocr_confidence import LOW_CONFIDENCE_NOTE, holds_low, low_confidence_offsets
from indicite.services.session import Session
from indicite.services.tables import tables_of
from indicite.storage.clock import now_iso

if TYPE_CHECKING:
    from indicite.core.entities import Indicator
    from indicite.core.suggest import Suggestion
    from indicite.core.tables import Table

SUGGESTION_FIELDS = (
    "value",
    "unit",
    "base_value",
    "base_unit",
    "qualifier",
    "measure",
    "period_label",
    "subject",
    "value_text",
    "value_high",
    "base_value_high",
    "kind",
)
# Where the part of a sentence that states one value begins.
CLAUSE_BREAKS = frozenset("。！？；，,;：:\n")
MAX_CLAUSE = 80


@dataclass(frozen=True)
class Coverage:
    handled: int
    total: int

    @property
    def done(self) -> bool:
        return self.handled == self.total


def suggestions_for_text(
    text: str,
    published_on: str | None = None,
    subject: str = "",
    tables: Sequence["Table"] | None = None,
) -> list["Suggestion"]:
    """Suggestions for any text; cached, since the text of a document never changes.

    ``tables`` are the document's tables (inferred from the text when None). Pure Python on
    plain arguments, so the app can call it from a worker thread.
    """
    return list(_cached(text, published_on, subject, None if tables is None else tuple(tables)))


@lru_cache(maxsize=16)
def _cached(
    text: str, published_on: str | None, subject: str, tables: tuple["Table", ...] | None
) -> tuple["Suggestion", ...]:
    from indicite.core.suggest import suggest

    doc_date = date.fromisoformat(published_on) if published_on else None
    listed = None if tables is None else list(tables)
    return tuple(suggest(text, doc_date=doc_date, subject=subject, tables=listed))


def suggestions_for_document(
    doc: Document, tables: Sequence["Table"] | None = None, session: Session | None = None
) -> list["Suggestion"]:
    """A stored document's suggestions; with ``session``, warned where OCR was unsure."""
    found = suggestions_for_text(doc.text, doc.published_on, doc.subject, tables)
    if session is None or doc.id is None:
        return found
    return with_ocr_warnings(session, doc.id, found)


def with_ocr_warnings(
    session: Session, doc_id: int, suggestions: Sequence["Suggestion"]
) -> list["Suggestion"]:
    """The suggestions, those whose number holds a character OCR read with low confidence
    carrying a warning in their note (which an accepted entry keeps in its notes)."""
    low = low_confidence_offsets(session, doc_id)
    if not low:
        return list(suggestions)
    return [
        replace(s, note="；".join(filter(None, (s.note, LOW_CONFIDENCE_NOTE))))
        if holds_low(low, s.start, s.end)
        else s
        for s in suggestions
    ]


def uncertain(suggestion: "Suggestion") -> bool:
    """Whether OCR read this suggestion's number with low confidence."""
    return LOW_CONFIDENCE_NOTE in suggestion.note


def handled_spans(
    session: Session,
    doc_id: int,
    suggestions: Sequence["Suggestion"],
    cited: Sequence[dict[str, Any]] | None = None,
) -> set[tuple[int, int]]:
    """Spans of the suggestions that are dismissed or cited (``suggestions`` in reading order).

    ``cited`` are the document's citation rows (``store.indicators.highlights``) when the
    caller has them already; otherwise they are read here.
    """
    handled = set(session.store.dismissals.spans(doc_id))
    starts = [s.start for s in suggestions]
    reach = list(accumulate((s.end for s in suggestions), max))
    if cited is None:
        cited = session.store.indicators.highlights(doc_id)
    for row in cited:
        hi = bisect_left(starts, row["end"])
        lo = bisect_left(reach, row["start"] + 1, hi=hi)
        if lo >= hi:  # most citations cover no suggested number
            continue
        if hi - lo == 1:  # or one: it is handled whichever value the indicator holds
            s = suggestions[lo]
            if s.end > row["start"]:
                handled.add((s.start, s.end))
            continue
        covered = [s for s in suggestions[lo:hi] if s.end > row["start"]]
        matching = [s for s in covered if _holds(row, s)]
        handled.update((s.start, s.end) for s in matching or covered)
    return handled


def _holds(row: dict[str, Any], s: "Suggestion") -> bool:
    """Whether the citing indicator states this suggestion's value."""
    written = row["value_text"] or ""
    return row["value"] == s.value or (bool(written) and written in (s.value_text, s.text))


def open_suggestions(session: Session, doc: Document) -> list["Suggestion"]:
    """Suggestions not yet handled, in reading order."""
    assert doc.id is not None
    all_suggestions = suggestions_for_document(doc, tables_of(session, doc), session)
    handled = handled_spans(session, doc.id, all_suggestions)
    return [s for s in all_suggestions if (s.start, s.end) not in handled]


def coverage(session: Session, doc: Document) -> Coverage:
    assert doc.id is not None
    all_suggestions = suggestions_for_document(doc, tables_of(session, doc))
    handled = handled_spans(session, doc.id, all_suggestions)
    return Coverage(
        sum(1 for s in all_suggestions if (s.start, s.end) in handled), len(all_suggestions)
    )


def citation_span(text: str, suggestion: "Suggestion") -> tuple[int, int]:
    """The part of the sentence that states the value: from the last comma or stop before it
    (at most MAX_CLAUSE characters back) to the end of the number. A table cell is its own
    citation: its headers say what it is."""
    if suggestion.table:
        return suggestion.start, suggestion.end
    start = suggestion.start
    floor = max(0, start - MAX_CLAUSE)
    while start > floor and text[start - 1] not in CLAUSE_BREAKS:
        start -= 1
    while start < suggestion.start and text[start].isspace():
        start += 1
    return start, suggestion.end


def accept(session: Session, doc_id: int, suggestion: "Suggestion", name: str = "") -> "Indicator":
    """A draft indicator with the suggestion's fields, cited to the clause that states it."""
    text = session.store.documents.get(doc_id).text
    start, end = citation_span(text, suggestion)
    fields: dict[str, Any] = {k: getattr(suggestion, k) for k in SUGGESTION_FIELDS}
    for key in ("period_start", "period_end"):
        day = getattr(suggestion, key)
        fields[key] = day.isoformat() if day else None
    clause = "".join(text[start : suggestion.start].split())
    fields["name"] = name or suggestion.indicator or clause or suggestion.value_text
    if suggestion.note:
        fields["notes"] = suggestion.note
    fields = with_catalog_link(session, fields, canonical=not name)
    return create_indicator(session, doc_id, fields, [(start, end)])


def dismiss(session: Session, doc_id: int, start: int, end: int) -> None:
    with session.store.transaction():
        session.store.dismissals.add(doc_id, start, end, session.user, now_iso())


def undismiss(session: Session, doc_id: int, start: int, end: int) -> None:
    with session.store.transaction():
        session.store.dismissals.remove(doc_id, start, end)
