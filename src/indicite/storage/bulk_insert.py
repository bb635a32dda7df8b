"""Many rows into indicators, citations and events in one transaction, without per-row indexing.

Row by row, each loaded indicator cost about 0.2 ms: two full-text triggers (the trigram index
of its name and of its quote: 9 s for 100,000 rows) and twenty secondary indexes (10 s).
Inside the caller's transaction, ``bulk_insert`` lifts the full-text insert triggers and fills
both full-text indexes from the new rows with one statement each at the end (0.2 s); on a
small table it also drops the secondary indexes and builds them again at the end (one sort:
1 s for 100,000 rows; on a big table keeping them is cheaper). All of it is DDL in the same
transaction: a failed load rolls back to the schema it started from, and other connections
never see the gap.
"""

import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from itertools import count
from typing import Any

from sqlite_utils import Database

TABLES = ("indicators", "citations", "events")
# The load reads these while it inserts (its duplicate check per document): they stay.
KEPT_INDEXES = frozenset({"indicators_live_by_document", "idx_citations_indicator_id_position"})
# Rebuilding costs ~10 µs per row in the table, keeping the indexes ~100 µs per row inserted.
REBUILD_BELOW_ROWS = 50_000
# Pages SQLite keeps in memory while loading (the default, 2 MB, writes the new pages out to
# the WAL and reads them back for the indexes): ~0.2 s of 100,000 rows.
CACHE_KIB = 128 * 1024
ID_BLOCK = 1000
_FTS_TRIGGER = re.compile(
    r"AFTER INSERT ON (?P<table>\w+) BEGIN (?P<insert>INSERT INTO \w+ \([^)]*\)) "
    r"VALUES \((?P<values>.*)\); END",
    re.IGNORECASE | re.DOTALL,
)


@contextmanager
def bulk_insert(db: Database) -> Iterator[None]:
    """Defer full-text indexing (and, for small tables, secondary indexes) to the end.

    A PostgreSQL server keeps its indexes as rows arrive: there is nothing to defer."""
    if not isinstance(db, Database):
        yield
        return
    conn = db.conn
    triggers = []
    for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%fts_insert'"
    ).fetchall():
        match = _FTS_TRIGGER.search(" ".join(sql.split()))
        if match is not None and match["table"] in TABLES:
            first = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {match['table']}")  # noqa: S608
            triggers.append((name, sql, match, first.fetchone()[0]))
    indexes = []
    for table in TABLES:
        rows = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]  # noqa: S608
        if rows < REBUILD_BELOW_ROWS:
            indexes += conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL",
                [table],
            ).fetchall()
    indexes = [(name, sql) for name, sql in indexes if name not in KEPT_INDEXES]
    for name, *_ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    with _cache_of(conn, CACHE_KIB):
        yield
        _restore(conn, triggers, indexes)


def indicator_ids(db: Any) -> Callable[[], int]:
    """A new indicator id at each call, as the database would give it, for rows inserted with
    their ids (their citations and events name them before they are written).

    SQLite: from the largest stored id on, safe because the load holds the write lock for its
    whole transaction, so nobody else inserts. PostgreSQL, where others insert meanwhile and
    the id column draws from a sequence: from that sequence, ``ID_BLOCK`` at a time.
    """
    if isinstance(db, Database):
        last = db.conn.execute("SELECT coalesce(max(id), 0) FROM indicators").fetchone()[0]
        return count(int(last) + 1).__next__
    return partial(next, _drawn(db.conn))


def _drawn(conn: Any) -> Iterator[int]:
    while True:
        rows = conn.execute(
            "SELECT nextval(pg_get_serial_sequence('indicators', 'id')) FROM generate_series(1, ?)",
            [ID_BLOCK],
        ).fetchall()
        yield from (int(row[0]) for row in rows)


@contextmanager
def _cache_of(conn: sqlite3.Connection, kib: int) -> Iterator[None]:
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {-kib:d}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache):d}")


def _restore(conn: sqlite3.Connection, triggers: list, indexes: list) -> None:
    """The indexes built again and the full-text indexes filled from the new rows."""
    for _name, sql in indexes:
        conn.execute(sql)
    for _name, sql, match, first in triggers:
        # The trigger's own statement, for every new row at once (``new`` names the row).
        conn.execute(
            f"{match['insert']} SELECT {match['values']} FROM {match['table']} AS new "  # noqa: S608
            "WHERE new.rowid > ?",
            [first],
        )
        conn.execute(sql)
