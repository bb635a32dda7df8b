"""The comment thread of each indicator: remarks, and the reasons given for return and reopen."""

from dataclasses import dataclass

from sqlite_utils import Database

from indicite.storage.rows import insert_row


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    indicator_id: int
    at: str
    who: str
    kind: str
    body: str


class CommentRepository:
    def __init__(self, db: Database):
        self.db = db

    def add(self, indicator_id: int, at: str, who: str, kind: str, body: str) -> int:
        row = {"indicator_id": indicator_id, "at": at, "who": who, "kind": kind, "body": body}
        return insert_row(self.db, "comments", row)

    def for_indicator(self, indicator_id: int) -> list[Comment]:
        rows = self.db.query(
            "SELECT * FROM comments WHERE indicator_id = ? ORDER BY id", [indicator_id]
        )
        return [Comment(**row) for row in rows]

    def latest(self, indicator_id: int, kind: str) -> Comment | None:
        rows = list(
            self.db.query(
                "SELECT * FROM comments WHERE indicator_id = ? AND kind = ? "
                "ORDER BY id DESC LIMIT 1",
                [indicator_id, kind],
            )
        )
        return Comment(**rows[0]) if rows else None
