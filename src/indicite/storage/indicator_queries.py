"""Read queries for the indicator table: ordered ids for a sort/filter, then rows by page.

The table model holds only the ids of the current view and asks for the rows it paints, so a
million indicators cost a list of ints, not a million dicts.
"""

from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from indicite.core.entities import STATUSES

# Columns the table can sort by; the mapping is fixed so no user value ever names a column.
SORT_COLUMNS = {
    "id": "id",
    "name": "name",
    "subject": "subject",
    "period_label": "period_label",
    "value": "value",
    "unit": "unit",
    "status": "status",
}
TABLE_COLUMNS = ("id", "document_id", "name", "subject", "period_label", "value", "unit", "status")
FILTERED_COLUMNS = ("name", "subject", "period_label", "unit", "value_text")


def like_pattern(text: str) -> str:
    """A LIKE pattern finding ``text`` anywhere, with its wildcards escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class IndicatorQueries:
    """What the indicator list and its views read; writes stay in IndicatorRepository."""

    def __init__(self, db: Database):
        self.db = db

    def ordered_ids(
        self,
        doc_id: int | None = None,
        *,
        search: str = "",
        status: str | None = None,
        sort: str = "id",
        descending: bool = False,
    ) -> list[int]:
        """Ids of the live indicators matching the filter, in display order (ties by id)."""
        if sort not in SORT_COLUMNS:
            raise ValueError(f"cannot sort by {sort!r}")
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        where, params = ["deleted_at IS NULL"], []
        if doc_id is not None:
            where.append("document_id = ?")
            params.append(doc_id)
        if status is not None:
            where.append("status = ?")
            params.append(status)
        if search.strip():
            pattern = like_pattern(search.strip())
            where.append(
                "(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in FILTERED_COLUMNS) + ")"
            )
            params.extend([pattern] * len(FILTERED_COLUMNS))
        direction = "DESC" if descending else "ASC"
        column = SORT_COLUMNS[sort]
        sql = (
            f"SELECT id FROM indicators WHERE {' AND '.join(where)} "  # noqa: S608 (fixed names)
            f"ORDER BY {column} {direction}, id {direction}"
        )
        return [row[0] for row in self.db.execute(sql, params)]

    def rows(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """The table columns of these indicators, keyed by id (a page, not the whole list)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        sql = f"SELECT {', '.join(TABLE_COLUMNS)} FROM indicators WHERE id IN ({marks})"  # noqa: S608
        return {row["id"]: row for row in self.db.query(sql, list(ids))}

    def citation_spans(self, ind_id: int) -> list[tuple[int, int]]:
        return [
            (row[0], row[1])
            for row in self.db.execute(
                'SELECT start, "end" FROM citations WHERE indicator_id = ? ORDER BY position, id',
                [ind_id],
            )
        ]

    def data_version(self) -> int:
        """Changes whenever another connection commits: a cheap 'should I reload?' check."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])
