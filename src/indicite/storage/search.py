"""Full-text search over indicator names and cited quotes.

The indexes (migration m002) are FTS5 tables with the trigram tokenizer: a query term of
three or more characters is a phrase of trigrams and matches exactly the texts that contain
it. A shorter term (工业, 煤) has no trigram of its own, so it is expanded into the indexed
trigrams that begin with it, read from the index's vocabulary; every indexed text ends in two
padding characters, so each occurrence of a short term begins at least one of them.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlite_utils import Database

PAD = "\x1f"
# Above any character a term can hold: the end of the vocabulary range of a prefix.
LAST_CHAR = "\U0010ffff"

NAME_HITS_SQL = (
    "SELECT i.id FROM indicators_fts f JOIN indicators i ON i.id = f.rowid "
    "WHERE indicators_fts MATCH ? AND i.deleted_at IS NULL ORDER BY f.rowid LIMIT ?"
)
QUOTE_HITS_SQL = (
    "SELECT DISTINCT c.indicator_id FROM citations_fts f "
    "JOIN citations c ON c.id = f.rowid JOIN indicators i ON i.id = c.indicator_id "
    "WHERE citations_fts MATCH ? AND i.deleted_at IS NULL ORDER BY f.rowid LIMIT ?"
)
INDEXES = {"indicators_fts": NAME_HITS_SQL, "citations_fts": QUOTE_HITS_SQL}


@dataclass(frozen=True)
class SearchHits:
    """Indicator ids that match, ascending; ``complete`` is False when the limit cut them off."""

    ids: list[int] = field(default_factory=list)
    complete: bool = True


def query_terms(query: str) -> list[str]:
    """The words of a query; each must occur (as a substring) in the same name or quote."""
    return [t for t in query.replace(PAD, " ").casefold().split() if t]


def quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class SearchRepository:
    def __init__(self, db: Database):
        self.db = db

    def indicator_ids(self, query: str, limit: int = 1000) -> SearchHits:
        """Live (not deleted) indicators whose name or one of whose quotes holds every term."""
        terms = query_terms(query)
        if not terms:
            return SearchHits()
        found: set[int] = set()
        complete = True
        for ids in self.id_lists(terms, limit):
            complete = complete and len(ids) < limit
            found.update(ids)
        ids = sorted(found)
        return SearchHits(ids[:limit], complete and len(ids) <= limit)

    def id_lists(self, terms: list[str], limit: int) -> Iterator[list[int]]:
        """The ids (at most ``limit``) of each index: the names', then the quotes'."""
        for index, sql in INDEXES.items():
            expression = self.match_expression(index, terms)
            if expression is not None:
                yield [row[0] for row in self.db.execute(sql, [expression, limit])]

    def match_expression(self, index: str, terms: list[str]) -> str | None:
        """An FTS5 MATCH string for ``terms`` on ``index``, or None if a term cannot match."""
        parts = []
        for term in terms:
            if len(term) >= 3:
                parts.append(quoted(term))
                continue
            trigrams = [
                row[0]
                for row in self.db.execute(
                    f"SELECT term FROM {index}_terms WHERE term >= ? AND term < ?",  # noqa: S608
                    [term, term + LAST_CHAR],
                )
            ]
            if not trigrams:
                return None
            parts.append("(" + " OR ".join(quoted(t) for t in trigrams) + ")")
        return " AND ".join(parts)
