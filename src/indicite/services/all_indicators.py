"""The read side of the table of all indicators: pages of a sorted, filtered view, and search.

The UI's lazy model asks these; the SQL stays in storage.indicator_pages and storage.search.
"""

from indicite.services.search import search_indicators
from indicite.services.session import Session
from indicite.storage.indicator_pages import AllIndicatorQueries, IndicatorPages

__all__ = [
    "SEARCH_LIMIT",
    "AllIndicatorQueries",
    "IndicatorPages",
    "all_indicator_queries",
    "search_hits",
]

# A search lists at most this many indicators; the view says when there were more.
SEARCH_LIMIT = 5000


def all_indicator_queries(session: Session) -> AllIndicatorQueries:
    return AllIndicatorQueries(session.store.db)


def search_hits(session: Session, query: str) -> tuple[list[int], bool]:
    """Ids of the indicators whose name or a quote holds every word, and whether that is all."""
    hits = search_indicators(session, query, SEARCH_LIMIT)
    return hits.ids, hits.complete
