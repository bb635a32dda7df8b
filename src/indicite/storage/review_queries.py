"""Queries the review needs: the queue of submitted entries, and citations to verify."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

QUEUE_SQL = (
    "SELECT i.id, i.document_id, d.title AS document_title, i.name, i.subject, i.period_label, "
    "i.value, i.unit, i.value_text, i.created_by, i.updated_by, i.version, "
    "(SELECT max(e.at) FROM events e WHERE e.indicator_id = i.id AND e.action = 'submit') "
    "AS submitted_at FROM indicators i JOIN documents d ON d.id = i.document_id "
    "WHERE i.status = 'submitted' AND i.deleted_at IS NULL"
)


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """Which submitted entries to list; dates are ISO dates, both ends included."""

    document_id: int | None = None
    entered_by: str | None = None
    since: str | None = None
    until: str | None = None


class ReviewQueries:
    def __init__(self, db: Database):
        self.db = db

    def queue(self, where: QueueFilter) -> list[dict[str, Any]]:
        """Submitted entries, oldest submission first."""
        sql, params = QUEUE_SQL, []
        if where.document_id is not None:
            sql += " AND i.document_id = ?"
            params.append(where.document_id)
        if where.entered_by:
            sql += " AND i.created_by = ?"
            params.append(where.entered_by)
        outer = f"SELECT * FROM ({sql}) q"  # noqa: S608 (fixed text)
        conditions = []
        if where.since:
            conditions.append("substr(coalesce(q.submitted_at, ''), 1, 10) >= ?")
            params.append(where.since)
        if where.until:
            conditions.append("substr(coalesce(q.submitted_at, ''), 1, 10) <= ?")
            params.append(where.until)
        if conditions:
            outer += " WHERE " + " AND ".join(conditions)
        outer += " ORDER BY q.submitted_at, q.id"
        return list(self.db.query(outer, params))

    def enterers(self) -> list[str]:
        """People who entered a submitted entry, for the queue's filter."""
        return [
            r[0]
            for r in self.db.execute(
                "SELECT DISTINCT created_by FROM indicators WHERE status = 'submitted' "
                "AND deleted_at IS NULL ORDER BY created_by"
            )
        ]

    def all_citations(self) -> Iterator[dict[str, Any]]:
        """Every citation of a live indicator, grouped by document."""
        yield from self.db.query(
            'SELECT c.id, c.indicator_id, c.document_id, c.start, c."end", c.exact, i.name '
            "FROM citations c JOIN indicators i ON i.id = c.indicator_id "
            "WHERE i.deleted_at IS NULL ORDER BY c.document_id, c.indicator_id, c.position"
        )

    def citation_count(self) -> int:
        return int(
            self.db.execute(
                "SELECT count(*) FROM citations c JOIN indicators i ON i.id = c.indicator_id "
                "WHERE i.deleted_at IS NULL"
            ).fetchone()[0]
        )
