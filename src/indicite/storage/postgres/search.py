"""Full-text search on PostgreSQL: the same answers as the SQLite store's FTS5 search.

A term must occur, as a substring, in the same name or the same quote (``storage.search``).
``indicite_search_fold(column) LIKE '%term%'`` says exactly that: the fold is ``lower()``
plus the few foldings FTS5 and ``casefold`` make and ``lower()`` does not (the migration
``*_search_casefold``). The trigram GIN indexes on the same expression find the rows for
terms of three or more characters, and one- or two-character terms, which no trigram index
can answer, are checked on the rows the longer terms leave (or on every live row, walked in
id order until the limit is reached).
"""

from indicite.storage.postgres.database import PgDatabase
from indicite.storage.search import SearchHits, query_terms

_NAMES = "SELECT i.id FROM indicators i WHERE i.deleted_at IS NULL {terms} ORDER BY i.id LIMIT ?"
_QUOTES = (
    "SELECT DISTINCT c.indicator_id FROM citations c JOIN indicators i ON i.id = c.indicator_id "
    "WHERE i.deleted_at IS NULL {terms} ORDER BY c.indicator_id LIMIT ?"
)
SEARCHES = {_NAMES: "indicite_search_fold(i.name)", _QUOTES: 'indicite_search_fold(c."exact")'}


def like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class PgSearchRepository:
    def __init__(self, db: PgDatabase):
        self.db = db

    def indicator_ids(self, query: str, limit: int = 1000) -> SearchHits:
        """Live (not deleted) indicators whose name or one of whose quotes holds every term."""
        terms = query_terms(query)
        if not terms:
            return SearchHits()
        found: set[int] = set()
        complete = True
        for sql, column in SEARCHES.items():
            condition = "".join(f" AND {column} LIKE ? ESCAPE '\\'" for _ in terms)
            patterns = [like_pattern(t) for t in terms]
            ids = [
                row[0] for row in self.db.execute(sql.format(terms=condition), [*patterns, limit])
            ]
            complete = complete and len(ids) < limit
            found.update(ids)
        ids = sorted(found)
        return SearchHits(ids[:limit], complete and len(ids) <= limit)
