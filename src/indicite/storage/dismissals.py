"""Suggestions a user dismissed, remembered per document."""

from sqlite_utils import Database


class DismissalRepository:
    def __init__(self, db: Database):
        self.db = db

    def add(self, doc_id: int, start: int, end: int, who: str, at: str) -> None:
        self.db.table("dismissed_suggestions").upsert(
            {"document_id": doc_id, "start": start, "end": end, "who": who, "at": at},
            pk=("document_id", "start", "end"),
        )

    def remove(self, doc_id: int, start: int, end: int) -> None:
        self.db.execute(
            'DELETE FROM dismissed_suggestions WHERE document_id = ? AND start = ? AND "end" = ?',
            [doc_id, start, end],
        )

    def spans(self, doc_id: int) -> set[tuple[int, int]]:
        return {
            (r[0], r[1])
            for r in self.db.execute(
                'SELECT start, "end" FROM dismissed_suggestions WHERE document_id = ?', [doc_id]
            )
        }
