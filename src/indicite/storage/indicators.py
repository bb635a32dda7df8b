"""Indicators and their citations. Every write checks the row's version (optimistic locking)."""

from typing import Any

from sqlite_utils import Database

from indicite.core.citations import Quote
from indicite.core.entities import INDICATOR_FIELDS, Citation, Indicator
from indicite.core.errors import ConflictError, NotFound
from indicite.storage.rows import insert_row

ROW_FIELDS = (
    "document_id",
    *INDICATOR_FIELDS,
    "status",
    "version",
    "created_by",
    "created_at",
    "updated_by",
    "updated_at",
    "reviewed_by",
    "reviewed_at",
    "deleted_at",
)
# Columns an update may set; the set is fixed so no user value ever names a column.
UPDATABLE = (frozenset(ROW_FIELDS) | {"source_changed"}) - {
    "document_id",
    "version",
    "created_by",
    "created_at",
}


def citation_row(quote: Quote, position: int) -> dict[str, Any]:
    """The columns of a citations row that come from the quote (the rest name its owner)."""
    return {
        "start": quote.start,
        "end": quote.end,
        "exact": quote.exact,
        "prefix": quote.prefix,
        "suffix": quote.suffix,
        "page": quote.page,
        "position": position,
    }


class IndicatorRepository:
    def __init__(self, db: Database):
        self.db = db

    def insert(self, ind: Indicator, quotes: list[Quote]) -> int:
        row = {name: getattr(ind, name) for name in ROW_FIELDS}
        ind_id = insert_row(self.db, "indicators", row)
        for position, quote in enumerate(quotes):
            self.add_citation(ind_id, int(ind.document_id or 0), quote, position)
        return ind_id

    def add_citation(
        self, ind_id: int, doc_id: int, quote: Quote, position: int | None = None
    ) -> int:
        if position is None:
            position = self.db.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM citations WHERE indicator_id = ?",
                [ind_id],
            ).fetchone()[0]
        return insert_row(
            self.db,
            "citations",
            {"indicator_id": ind_id, "document_id": doc_id, **citation_row(quote, position)},
        )

    def remove_citation(self, citation_id: int) -> None:
        self.db.execute("DELETE FROM citations WHERE id = ?", [citation_id])

    def get(self, ind_id: int, *, include_deleted: bool = True) -> Indicator:
        rows = list(self.db.query("SELECT * FROM indicators WHERE id = ?", [ind_id]))
        if not rows or (rows[0]["deleted_at"] and not include_deleted):
            raise NotFound("There is no indicator {ind_id}.", ind_id=ind_id)
        ind = Indicator.from_row(rows[0])
        ind.citations = self.citations(ind_id)
        return ind

    def citations(self, ind_id: int) -> list[Citation]:
        return [
            Citation.from_row(r)
            for r in self.db.query(
                "SELECT * FROM citations WHERE indicator_id = ? ORDER BY position, id", [ind_id]
            )
        ]

    def update(self, ind_id: int, changes: dict[str, Any], expected_version: int) -> int:
        """Apply changes only if nobody changed the row since ``expected_version`` was read."""
        bad = set(changes) - UPDATABLE
        if bad:
            raise ValueError(f"not updatable: {sorted(bad)}")
        assignments = ", ".join(f'"{name}" = ?' for name in changes)
        cursor = self.db.execute(
            f"UPDATE indicators SET {assignments}, version = version + 1 "  # noqa: S608 (fixed names)
            "WHERE id = ? AND version = ?",
            [*changes.values(), ind_id, expected_version],
        )
        if cursor.rowcount != 1:
            current = self.db.execute(
                "SELECT version FROM indicators WHERE id = ?", [ind_id]
            ).fetchone()
            if current is None:
                raise NotFound("There is no indicator {ind_id}.", ind_id=ind_id)
            raise ConflictError(
                "Someone else changed this entry since you opened it; "
                "reload it to see their change, then edit again."
            )
        return expected_version + 1

    def for_document(self, doc_id: int) -> list[Indicator]:
        rows = self.db.query(
            "SELECT * FROM indicators WHERE document_id = ? AND deleted_at IS NULL ORDER BY id",
            [doc_id],
        )
        return [Indicator.from_row(r) for r in rows]

    def highlights(self, doc_id: int) -> list[dict[str, Any]]:
        """Citation spans of a document with what the view shows for them, by start."""
        return list(
            self.db.query(
                'SELECT c.id AS citation_id, c.start, c."end", c.indicator_id, i.status, '
                "i.name, i.value, i.unit, i.value_text FROM citations c "
                "JOIN indicators i ON i.id = c.indicator_id "
                "WHERE c.document_id = ? AND i.deleted_at IS NULL ORDER BY c.start, c.id",
                [doc_id],
            )
        )

    def status_counts(self, doc_id: int | None = None) -> dict[str, int]:
        if doc_id is None:
            rows = self.db.execute(
                "SELECT status, count(*) FROM indicators WHERE deleted_at IS NULL GROUP BY status"
            )
        else:
            rows = self.db.execute(
                "SELECT status, count(*) FROM indicators WHERE document_id = ? "
                "AND deleted_at IS NULL GROUP BY status",
                [doc_id],
            )
        return dict(rows.fetchall())

    def last_in_document(self, doc_id: int) -> Indicator | None:
        rows = list(
            self.db.query(
                "SELECT * FROM indicators WHERE document_id = ? AND deleted_at IS NULL "
                "ORDER BY created_at DESC, id DESC LIMIT 1",
                [doc_id],
            )
        )
        return Indicator.from_row(rows[0]) if rows else None

    def distinct_values(self, column: str, limit: int = 2000, recent: int = 20_000) -> list[str]:
        """Names or units used in the latest ``recent`` entries, most used first, for completion.

        Bounded so that it costs the same on a million rows (counting them all took 1.5 s).
        """
        if column not in {"name", "unit", "subject", "period_label"}:
            raise ValueError(column)
        return [
            r[0]
            for r in self.db.execute(
                f'SELECT "{column}" FROM (SELECT "{column}" FROM indicators '  # noqa: S608
                "WHERE deleted_at IS NULL ORDER BY id DESC LIMIT ?) AS recent "
                f'WHERE "{column}" != \'\' GROUP BY "{column}" ORDER BY count(*) DESC LIMIT ?',
                [recent, limit],
            )
        ]

    def count(self) -> int:
        return int(
            self.db.execute("SELECT count(*) FROM indicators WHERE deleted_at IS NULL").fetchone()[
                0
            ]
        )
