"""The claims a loaded file made about its entries (see migration m007_load_provenance)."""

from typing import Any

from sqlite_utils import Database

PROVENANCE_FIELDS = ("status", "created_by", "created_at", "reviewed_by", "reviewed_at")
_COLUMNS = ("indicator_id", "file", "row", *PROVENANCE_FIELDS)
_INSERT = (
    f"INSERT INTO load_provenance ({', '.join(_COLUMNS)}) "  # noqa: S608 (fixed names)
    f"VALUES ({', '.join('?' for _ in _COLUMNS)})"
)


def insert_provenance(db: Database, indicator_id: int, record: dict[str, Any]) -> None:
    """Inside the caller's transaction: ``record`` has file, row and the claimed fields."""
    db.conn.execute(_INSERT, [indicator_id, *(record.get(c) for c in _COLUMNS[1:])])


def provenance_of(db: Database, indicator_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM load_provenance WHERE indicator_id = ?", [indicator_id]))
    return rows[0] if rows else None
