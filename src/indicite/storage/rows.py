"""Single-row inserts that hand back the new row's integer id, and long reads streamed as
dicts, typed for the repositories."""

from collections.abc import Iterable, Iterator
from typing import Any

from sqlite_utils import Database


def insert_row(db: Database, table: str, row: dict[str, Any]) -> int:
    """Insert ``row`` into ``table`` (whose key is an integer ``id``) and return its id."""
    row_id = db.table(table).insert(row).last_pk
    assert row_id is not None, f"sqlite-utils gave no id for the row inserted into {table}"
    return int(row_id)


def stream_rows(db: Database, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
    """The rows of ``sql`` as dicts, never all in memory at once.

    SQLite's cursor steps through its rows; psycopg's usual one holds every row, so on
    PostgreSQL a server-side cursor (``PgDatabase.stream``) sends a batch at a time."""
    values = list(params)
    cursor = db.execute(sql, values) if isinstance(db, Database) else db.stream(sql, values)
    try:
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))
    finally:
        cursor.close()
