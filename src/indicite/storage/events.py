"""The append-only history: who did what to which entry, and when."""

import json
from typing import Any

from sqlite_utils import Database

from indicite.core.entities import Event
from indicite.storage.rows import insert_row


class EventRepository:
    def __init__(self, db: Database):
        self.db = db

    def append(
        self,
        *,
        at: str,
        who: str,
        action: str,
        indicator_id: int | None = None,
        document_id: int | None = None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
        comment: str = "",
    ) -> int:
        return insert_row(
            self.db,
            "events",
            {
                "at": at,
                "who": who,
                "action": action,
                "indicator_id": indicator_id,
                "document_id": document_id,
                "before": _dump(before),
                "after": _dump(after),
                "comment": comment,
            },
        )

    def for_indicator(self, ind_id: int) -> list[Event]:
        rows = self.db.query("SELECT * FROM events WHERE indicator_id = ? ORDER BY id", [ind_id])
        events = []
        for row in rows:
            row["before"] = json.loads(row["before"]) if row["before"] else None
            row["after"] = json.loads(row["after"]) if row["after"] else None
            events.append(Event.from_row(row))
        return events

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM events").fetchone()[0])


def _dump(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
