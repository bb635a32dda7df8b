"""Full-text search on PostgreSQL: the same answers as the SQLite store's FTS5 search.

A term must occur, as a substring, in the same name or the same quote (``storage.search``).
``indicite_search_fold(column) LIKE '%term%'`` says exactly that: the fold is ``lower()``
plus the few foldings FTS5 and ``casefold`` make and ``lower()`` does not (the migration
``*_search_casefold``). The trigram GIN indexes on the same expression find the rows for
terms of three or more characters. A one- or two-character term has no trigram; it is one
of the text's ``indicite_search_grams`` (its folded characters and pairs of characters, the
migration ``*_search_short_terms``), which GIN indexes answer as ``@> ARRAY[term]``.

The planner chooses per query between such an index (few rows hold the term) and walking
the ids in order until the limit is reached (many do), from the term's frequency in its
statistics. So the queries are planned for their terms each time, never prepared: a
prepared statement's generic plan, made without the terms, would take one way for all.
A walk checks each row with ``strpos()`` first, which is cheap; on the column itself when
the term has no case (Chinese characters, digits), ten times cheaper than folding the text
(160,000 names walked for a term in one name of 34: 139 ms folded, 34 ms not). JIT
compilation is off for these queries: at 1M rows their estimated costs start it, and it
took longer (up to 150 ms) than the queries.
"""

import unicodedata
from collections.abc import Iterator
from typing import Any, cast

from indicite.storage.postgres.database import PgDatabase
from indicite.storage.search import SearchRepository

_NAMES = "SELECT i.id FROM indicators i WHERE i.deleted_at IS NULL {terms} ORDER BY i.id LIMIT ?"
_QUOTES = (
    "SELECT DISTINCT c.indicator_id FROM citations c JOIN indicators i ON i.id = c.indicator_id "
    "WHERE i.deleted_at IS NULL {terms} ORDER BY c.indicator_id LIMIT ?"
)
SEARCHES = {_NAMES: "i.name", _QUOTES: 'c."exact"'}
# Terms this long have trigrams; shorter ones are looked up among the grams.
TRIGRAM = 3


def like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def caseless(term: str) -> bool:
    """Whether the term is only letters without case (Chinese…) and digits: no other
    character folds into one of those, so the text holds it exactly when its fold does."""
    return all(unicodedata.category(c) in ("Lo", "Nd") for c in term)


def term_condition(column: str, term: str) -> tuple[str, list[str]]:
    """SQL (`` AND ...``) saying that ``column`` holds ``term``, and its parameters."""
    folded = f"indicite_search_fold({column})"
    checked = column if caseless(term) else folded
    # strpos() says what the index condition says, cheaply, for a walk in id order
    cheap = f" AND strpos({checked}, ?) > 0"
    if len(term) >= TRIGRAM:
        like = f" AND {folded} LIKE ? ESCAPE '\\'"
        if checked == folded:  # the LIKE costs the walk no more
            return like, [like_pattern(term)]
        return like + cheap, [like_pattern(term), term]
    # (a LIKE here would send the planner to the trigram index, read in full)
    return f" AND indicite_search_grams({column}) @> ARRAY[?::text]{cheap}", [term, term]


class PgSearchRepository(SearchRepository):
    def __init__(self, db: PgDatabase):
        # PgDatabase offers the part of sqlite-utils' Database the repositories call.
        super().__init__(cast(Any, db))
        self.pg = db

    def id_lists(self, terms: list[str], limit: int) -> Iterator[list[int]]:
        with self.pg.transaction():
            self.pg.execute("SET LOCAL jit = off")
            for sql, column in SEARCHES.items():
                conditions = [term_condition(column, t) for t in terms]
                condition = "".join(text for text, _ in conditions)
                values = [v for _, term_values in conditions for v in term_values]
                sql = sql.format(terms=condition)
                yield [row[0] for row in self.pg.execute(sql, [*values, limit], prepare=False)]
