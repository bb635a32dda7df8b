"""Single-row inserts that hand back the new row's integer id, typed for the repositories."""

from typing import Any

from sqlite_utils import Database


def insert_row(db: Database, table: str, row: dict[str, Any]) -> int:
    """Insert ``row`` into ``table`` (whose key is an integer ``id``) and return its id."""
    row_id = db.table(table).insert(row).last_pk
    assert row_id is not None, f"sqlite-utils gave no id for the row inserted into {table}"
    return int(row_id)
