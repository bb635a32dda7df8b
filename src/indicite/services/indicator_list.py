"""The read side of the indicator table: ids in order, rows by page, the change counter.

The UI's lazy model asks these; the SQL stays in storage.indicator_queries.
"""

from indicite.services.session import Session
from indicite.storage.indicator_queries import IndicatorQueries

__all__ = ["IndicatorQueries", "indicator_queries"]


def indicator_queries(session: Session) -> IndicatorQueries:
    return IndicatorQueries(session.store.db)
