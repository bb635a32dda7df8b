"""The claims a loaded file made about its entries (see migration m007_load_provenance)."""

from typing import Any

from sqlite_utils import Database

PROVENANCE_FIELDS = ("status", "created_by", "created_at", "reviewed_by", "reviewed_at")


def provenance_of(db: Database, indicator_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM load_provenance WHERE indicator_id = ?", [indicator_id]))
    return rows[0] if rows else None
