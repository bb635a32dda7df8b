"""Whole tables in and out of a database, for moving a project between stores (services.copy).

Which tables a project is made of is read from the schema itself, not listed by hand: the
migrations build a database in memory and every ordinary table of it is a project table,
except the migrations' own record (each store keeps its own). The full-text index of the
SQLite store is not a table of its own (FTS5 shadow tables): triggers fill it as rows arrive,
and the PostgreSQL store indexes the same columns with pg_trgm. A table a migration adds is
therefore copied without anyone remembering to list it.

Rows move in batches of ``BATCH_ROWS`` so that a 1M-row table never sits in memory. Each
engine has its reader and writer: ``SqliteTransfer`` here, ``PgTransfer`` in
``storage.postgres.transfer`` (COPY ... FROM STDIN); the Store holds the right one.
"""

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from indicite.core.errors import StorageProblem, one_line
from indicite.storage.migrations import migrations

BATCH_ROWS = 5_000
# Rows holding a file (up to 50 MB each) or other bytes go a few at a time.
BLOB_BATCH_ROWS = 8
# Tables of the schema that are no part of a project: each store records its own migrations.
BOOKKEEPING = frozenset({"_sqlite_migrations"})

Rows = list[tuple[Any, ...]]


@dataclass(frozen=True)
class TableShape:
    """A project table as the schema defines it."""

    name: str
    columns: tuple[str, ...]
    # the primary key, which rows are read in the order of (the rowid where there is none)
    key: tuple[str, ...]
    # columns referring to rows of the same table (a document's earlier version, a parent)
    self_references: tuple[str, ...]
    # rows read and written at a time
    batch_rows: int = BATCH_ROWS

    def quoted_columns(self) -> str:
        return ", ".join(quoted(c) for c in self.columns)


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@lru_cache(maxsize=1)
def project_tables() -> tuple[TableShape, ...]:
    """Every table of a project, each after the tables it refers to."""
    db = Database(memory=True)
    migrations.apply(db)
    names = sorted(
        name
        for schema, name, kind, *_ in db.execute("PRAGMA table_list").fetchall()
        if schema == "main"
        and kind == "table"
        and not name.startswith("sqlite_")
        and name not in BOOKKEEPING
    )
    shapes = {name: _shape(db, name) for name in names}
    parents = {
        name: {row[2] for row in db.execute(f"PRAGMA foreign_key_list({quoted(name)})")} - {name}
        for name in names
    }
    db.close()
    ordered: list[TableShape] = []
    while len(ordered) < len(names):
        done = {shape.name for shape in ordered}
        ready = [n for n in names if n not in done and parents[n] <= done]
        if not ready:
            raise RuntimeError(f"the schema's foreign keys go round in a circle: {parents}")
        ordered.extend(shapes[n] for n in ready)
    return tuple(ordered)


def _shape(db: Database, name: str) -> TableShape:
    info = db.execute(f"PRAGMA table_info({quoted(name)})").fetchall()
    columns = tuple(row[1] for row in info)
    key = tuple(row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5]))
    self_refs = tuple(
        row[3]
        for row in db.execute(f"PRAGMA foreign_key_list({quoted(name)})").fetchall()
        if row[2] == name
    )
    blobs = any(row[2].upper() == "BLOB" for row in info)
    return TableShape(name, columns, key, self_refs, BLOB_BATCH_ROWS if blobs else BATCH_ROWS)


def row_counts(execute: Callable[[str], Any], tables: Sequence[TableShape]) -> dict[str, int]:
    """Rows per table, through either engine's ``execute``."""
    return {
        t.name: execute(f"SELECT count(*) FROM {quoted(t.name)}").fetchone()[0]  # noqa: S608
        for t in tables
    }


def copy_failed(table: str, error: Exception) -> StorageProblem:
    reason = one_line(str(error).strip().splitlines()[0] if str(error).strip() else error)
    return StorageProblem(
        "Copying table {table} failed: {reason}. Nothing was written to the target.",
        table=table,
        reason=reason,
    )


def broken_reference(detail: object) -> StorageProblem:
    return StorageProblem(
        "The source refers to rows it does not hold ({detail}); nothing was written to the "
        "target. Check the source with `indicite verify`.",
        detail=one_line(str(detail).strip().splitlines()[-1] if str(detail).strip() else detail),
    )


class TableTransfer:
    """What both engines' transfers share: ``db.conn.executemany`` takes SQLite's spelling."""

    def __init__(self, db: Any):
        self.db = db

    def relink(self, table: TableShape, column: str, pairs: Sequence[tuple[Any, Any]]) -> None:
        """Set ``column`` of the rows keyed by the first of each pair to the second (a table's
        links to its own rows, set once all its rows are in)."""
        (key,) = table.key
        self.db.conn.executemany(
            f"UPDATE {quoted(table.name)} SET {quoted(column)} = ? WHERE {quoted(key)} = ?",  # noqa: S608
            [(value, row_key) for row_key, value in pairs],
        )


class SqliteTransfer(TableTransfer):
    """Reads and writes whole tables of a database file."""

    db: Database

    def columns(self, table: str) -> list[str]:
        return [row[1] for row in self.db.execute(f"PRAGMA table_info({quoted(table)})")]

    def counts(self, tables: Sequence[TableShape]) -> dict[str, int]:
        return row_counts(self.db.execute, tables)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction: every table as it was at one moment, whatever others write."""
        conn = self.db.conn
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            yield
        finally:
            conn.execute("ROLLBACK")

    def read(self, table: TableShape) -> Iterator[Rows]:
        order = ", ".join(quoted(c) for c in table.key) or "rowid"
        cursor = self.db.conn.execute(
            f"SELECT {table.quoted_columns()} FROM {quoted(table.name)} ORDER BY {order}"  # noqa: S608
        )
        while batch := cursor.fetchmany(table.batch_rows):
            yield batch

    def begin_load(self, tables: Sequence[TableShape]) -> None:
        """Inside the target's transaction: foreign keys are checked at its commit."""
        self.db.execute("PRAGMA defer_foreign_keys = ON")

    def write(self, table: TableShape, batches: Iterable[Rows]) -> int:
        marks = ", ".join("?" for _ in table.columns)
        sql = f"INSERT INTO {quoted(table.name)} ({table.quoted_columns()}) VALUES ({marks})"  # noqa: S608
        written = 0
        try:
            for batch in batches:
                self.db.conn.executemany(sql, batch)
                written += len(batch)
        except sqlite3.Error as e:
            raise copy_failed(table.name, e) from e
        return written

    def finish_load(self, tables: Sequence[TableShape]) -> None:
        """Check the foreign keys, deferred to here, and gather the statistics the query
        planner chooses indexes by (the indexes and full-text index grew with the rows)."""
        broken = self.db.execute("PRAGMA foreign_key_check").fetchone()
        if broken:
            table, rowid, parent, _ = broken
            raise broken_reference(f"row {rowid} of {table} refers to a missing row of {parent}")
        self.db.execute("ANALYZE")
