"""Queries the review needs: the queue of submitted entries, and citations to verify.

The queue is read as ordered ids from the partial index of migration m006, then a page of rows
and their citations at a time, so opening a queue of any length costs about the same.
"""

import datetime
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from indicite.core.entities import Citation

IN_QUEUE = "i.status = 'submitted' AND i.deleted_at IS NULL"
QUEUE_SOURCE = "indicators i INDEXED BY indicators_review_queue"
ROW_SQL = (
    "SELECT i.id, i.document_id, d.title AS document_title, i.name, i.subject, i.period_label, "
    "i.value, i.unit, i.value_text, i.created_by, i.updated_by, i.version, i.submitted_at, "
    "i.source_changed, d.text_sha256 FROM indicators i JOIN documents d ON d.id = i.document_id "
    "WHERE i.id IN (SELECT value FROM json_each(?))"
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

    def queue_ids(self, where: QueueFilter, keep: Iterable[int] = ()) -> list[int]:
        """Ids of the submitted entries, oldest submission first (ties by id).

        ``keep`` adds entries that left the queue during a review pass, each in its place.
        """
        # The queue index holds every column the queue filters on; without INDEXED BY SQLite
        # may pick a status index and sort the whole queue (50 ms instead of 6 for 30,000).
        sql = f"SELECT i.id, i.submitted_at FROM {QUEUE_SOURCE} WHERE {IN_QUEUE}"  # noqa: S608
        params: list[Any] = []
        if where.document_id is not None:
            sql += " AND i.document_id = ?"
            params.append(where.document_id)
        if where.entered_by:
            sql += " AND i.created_by = ?"
            params.append(where.entered_by)
        if where.since:
            sql += " AND i.submitted_at >= ?"
            params.append(where.since)
        if where.until:
            sql += " AND i.submitted_at < ?"
            params.append(_day_after(where.until))
        kept = list(keep)
        if kept:
            sql += (
                " UNION SELECT i.id, i.submitted_at FROM indicators i "
                "WHERE i.id IN (SELECT value FROM json_each(?))"
            )
            params.append(json.dumps(kept))
            sql = f"SELECT id FROM ({sql}) AS queue ORDER BY submitted_at, id"  # noqa: S608
        else:
            sql += " ORDER BY i.submitted_at, i.id"
        return [row[0] for row in self.db.execute(sql, params)]

    def queue_rows(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """What the queue shows of these entries (a page), with their document's stored hash."""
        return {row["id"]: row for row in self.db.query(ROW_SQL, [json.dumps(list(ids))])}

    def citations_of(self, ids: Sequence[int]) -> dict[int, list[Citation]]:
        """The citations of these entries in one query, in their order, keyed by entry."""
        cited: dict[int, list[Citation]] = {ind_id: [] for ind_id in ids}
        for row in self.db.query(
            "SELECT * FROM citations WHERE indicator_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY indicator_id, position, id",
            [json.dumps(list(ids))],
        ):
            cited[row["indicator_id"]].append(Citation.from_row(row))
        return cited

    def mark_submitted(self, ind_id: int, at: str) -> None:
        """The submit transition puts the entry at the end of the queue."""
        self.db.execute("UPDATE indicators SET submitted_at = ? WHERE id = ?", [at, ind_id])

    def document_texts(self, doc_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        """Text and stored sha256 of these documents, for checking citations against."""
        return {
            row[0]: (row[1], row[2])
            for row in self.db.execute(
                "SELECT id, text, text_sha256 FROM documents "
                "WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps(list(doc_ids))],
            )
        }

    def text_sha256(self, doc_id: int) -> str | None:
        row = self.db.execute("SELECT text_sha256 FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row[0] if row else None

    def document_titles(self) -> list[tuple[int, str]]:
        """Every document, newest first, for the queue's filter (no counts, no text)."""
        return self.db.execute("SELECT id, title FROM documents ORDER BY id DESC").fetchall()

    def enterers(self) -> list[str]:
        """People who entered a submitted entry, for the queue's filter."""
        return [
            r[0]
            for r in self.db.execute(
                f"SELECT DISTINCT i.created_by FROM {QUEUE_SOURCE} WHERE {IN_QUEUE} "  # noqa: S608
                "ORDER BY i.created_by"
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


def _day_after(day: str) -> str:
    """Timestamps are ISO text: a day ends before the next one begins."""
    return (datetime.date.fromisoformat(day) + datetime.timedelta(days=1)).isoformat()
