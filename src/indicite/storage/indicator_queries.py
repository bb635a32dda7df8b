"""Read queries for the indicator table: ordered ids for a sort/filter, then rows by page.

The table model holds only the ids of the current view and asks for the rows it paints, so a
million indicators cost a list of ints, not a million dicts.
"""

import json
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
    "document": "document_id",
    "measure": "measure",
    "kind": "kind",
}
TABLE_COLUMNS = (
    "id",
    "document_id",
    "name",
    "subject",
    "period_label",
    "measure",
    "value",
    "unit",
    "status",
    "value_high",
    "kind",
)
FILTERED_COLUMNS = ("name", "subject", "period_label", "unit", "value_text")


def like_pattern(text: str) -> str:
    """A LIKE pattern finding ``text`` anywhere, with its wildcards escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def view_filter(
    doc_id: int | None = None,
    *,
    search: str = "",
    status: str | None = None,
    ids: Sequence[int] | None = None,
    kind: str | None = None,
) -> tuple[str, list[Any]]:
    """The WHERE clause (and its parameters) of a view of live indicators.

    ``ids`` restricts the view to those indicators (full-text search hits), in any number.
    """
    if status is not None and status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    where = ["deleted_at IS NULL"]
    params: list[Any] = []
    if doc_id is not None:
        where.append("document_id = ?")
        params.append(doc_id)
    if status is not None:
        # Within one document its index is the way (a few hundred rows); an expression keeps
        # the planner off the (status, column) indexes of the all-indicators view, 0.4 s
        # through 890,000 (`|| ''` rather than SQLite's unary "+", which PostgreSQL refuses).
        where.append("status || '' = ?" if doc_id is not None else "status = ?")
        params.append(status)
    if kind is not None:
        where.append("kind = ?")
        params.append(kind)
    if ids is not None:
        where.append("id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(ids)))
    if search.strip():
        pattern = like_pattern(search.strip())
        # LIKE ignores ASCII case in SQLite only; the engine's own lower() on both sides
        # does in both (Python's would fold letters SQLite's lower() leaves alone)
        where.append(
            "("
            + " OR ".join(f"lower({c}) LIKE lower(?) ESCAPE '\\'" for c in FILTERED_COLUMNS)
            + ")"
        )
        params.extend([pattern] * len(FILTERED_COLUMNS))
    return " AND ".join(where), params


def view_order(sort: str = "id", descending: bool = False) -> str:
    """The ORDER BY of a view: one of SORT_COLUMNS, ties by id in the same direction.

    Entries without a value come first going up and last going down, as SQLite sorts NULL;
    spelt out, since PostgreSQL's default is the reverse (its value indexes match, p002).
    """
    if sort not in SORT_COLUMNS:
        raise ValueError(f"cannot sort by {sort!r}")
    direction = "DESC" if descending else "ASC"
    nulls = {"value": " NULLS LAST" if descending else " NULLS FIRST"}.get(sort, "")
    return f"ORDER BY {SORT_COLUMNS[sort]} {direction}{nulls}, id {direction}"


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
        kind: str | None = None,
    ) -> list[int]:
        """Ids of the live indicators matching the filter, in display order (ties by id)."""
        where, params = view_filter(doc_id, search=search, status=status, kind=kind)
        sql = f"SELECT id FROM indicators WHERE {where} {view_order(sort, descending)}"  # noqa: S608
        return [row[0] for row in self.db.execute(sql, params)]

    def rows(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """The table columns of these indicators, keyed by id (a page, not the whole list)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        sql = f"SELECT {', '.join(TABLE_COLUMNS)} FROM indicators WHERE id IN ({marks})"  # noqa: S608
        return {row["id"]: row for row in self.db.query(sql, list(ids))}

    def data_version(self) -> int:
        """Changes whenever another connection commits: a cheap 'should I reload?' check."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])
