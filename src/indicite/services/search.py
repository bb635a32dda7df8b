"""Finding indicators by words in their names or in the passages they cite."""

from indicite.services.session import Session
from indicite.storage.search import SearchHits

DEFAULT_LIMIT = 1000


def search_indicators(session: Session, query: str, limit: int = DEFAULT_LIMIT) -> SearchHits:
    """Ids of the live indicators whose name or a cited quote contains every word of ``query``.

    Any substring matches, one character and up (工业 finds 规上工业增加值). At most
    ``limit`` ids come back; ``complete`` says whether that was all of them.
    """
    return session.store.search.indicator_ids(query, limit)
