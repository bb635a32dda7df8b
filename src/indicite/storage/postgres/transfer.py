"""Whole tables in and out of a team database (see ``storage.transfer``).

Rows go in with ``COPY ... FROM STDIN`` (psycopg's ``cursor.copy()``), the server's bulk
path. An empty table with its secondary indexes in place would update some forty of them
for each of a million rows; the load drops them inside its transaction and builds each once
at the end (DDL is transactional in PostgreSQL, so an interrupted copy leaves them as they
were). Primary keys stay. Foreign keys are put aside too and added back at the end, which
checks each of them with one join instead of one lookup per row (ten million lookups for
the 1M-entry database). The tables' own triggers (the desks' rules, change notices) are
switched off for the load: each would run once per row, and they guard what desks write,
while a copy is made by the database's owner (only an owner may switch them off) into tables
nobody else can see yet. Rows are read through a server-side cursor so that a big table
streams instead of arriving whole.
"""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from indicite.core.errors import StorageProblem
from indicite.storage.postgres.database import PgDatabase
from indicite.storage.transfer import (
    Rows,
    TableShape,
    TableTransfer,
    broken_reference,
    copy_failed,
    quoted,
    row_counts,
)

# Building the trigram (GIN) and B-tree indexes of a 1M-row table sorts in memory this large.
BUILD_MEMORY = "256MB"


class PgTransfer(TableTransfer):
    """Reads and writes whole tables of a PostgreSQL database."""

    db: PgDatabase

    def __init__(self, db: PgDatabase):
        super().__init__(db)
        self._indexes: list[str] = []
        self._triggers: list[tuple[str, str]] = []
        self._foreign_keys: list[tuple[str, str, str]] = []

    @property
    def _raw(self) -> Any:
        return self.db.conn.raw

    def columns(self, table: str) -> list[str]:
        rows = self._raw.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position",
            [table],
        )
        return [name for (name,) in rows]

    def counts(self, tables: Sequence[TableShape]) -> dict[str, int]:
        return row_counts(self._raw.execute, tables)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read-only transaction seeing every table as it was when it began."""
        self._raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield
        finally:
            self._raw.execute("ROLLBACK")

    def read(self, table: TableShape) -> Iterator[Rows]:
        order = ", ".join(quoted(c) for c in table.key)
        with self._raw.cursor(name=f"indicite_copy_{table.name}") as cursor:
            cursor.execute(
                f"SELECT {table.quoted_columns()} FROM {quoted(table.name)} ORDER BY {order}"  # noqa: S608
            )
            while batch := cursor.fetchmany(table.batch_rows):
                yield batch

    def begin_load(self, tables: Sequence[TableShape]) -> None:
        """Inside the target's transaction: no desk writes these tables until it ends, and
        their secondary indexes, foreign keys and triggers are put aside until the rows are
        in. Only the tables' owner may do that: a desk's login is refused."""
        import psycopg

        try:
            self._set_aside([t.name for t in tables])
        except psycopg.errors.InsufficientPrivilege as e:
            raise StorageProblem(
                "Only the owner of {database} (the login that created its tables) can copy "
                "a project into it; nothing was changed.",
                database=self.db.url,
            ) from e

    def _set_aside(self, names: list[str]) -> None:
        self._raw.execute(f"LOCK TABLE {', '.join(quoted(n) for n in names)} IN EXCLUSIVE MODE")
        self._raw.execute(f"SET LOCAL maintenance_work_mem = '{BUILD_MEMORY}'")
        rows = self._raw.execute(
            "SELECT ix.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "JOIN pg_class ix ON ix.oid = i.indexrelid "
            "JOIN pg_class t ON t.oid = i.indrelid "
            "WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY(%s) "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) "
            "ORDER BY ix.relname",
            [names],
        ).fetchall()
        self._indexes = [definition for _, definition in rows]
        for name, _ in rows:
            self._raw.execute(f"DROP INDEX {quoted(name)}")
        self._foreign_keys = self._raw.execute(
            "SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
            "JOIN pg_class t ON t.oid = c.conrelid "
            "WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace "
            "AND t.relname = ANY(%s) ORDER BY 1, 2",
            [names],
        ).fetchall()
        for table, constraint, _ in self._foreign_keys:
            self._raw.execute(f"ALTER TABLE {quoted(table)} DROP CONSTRAINT {quoted(constraint)}")
        self._triggers = self._raw.execute(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY(%s) "
            "AND NOT t.tgisinternal AND t.tgenabled = 'O' ORDER BY 1, 2",
            [names],
        ).fetchall()
        for table, trigger in self._triggers:
            self._raw.execute(f"ALTER TABLE {quoted(table)} DISABLE TRIGGER {quoted(trigger)}")

    def write(self, table: TableShape, batches: Iterable[Rows]) -> int:
        import psycopg

        written = 0
        sql = f"COPY {quoted(table.name)} ({table.quoted_columns()}) FROM STDIN"
        try:
            with self._raw.cursor() as cursor, cursor.copy(sql) as copy:
                for batch in batches:
                    for row in batch:
                        copy.write_row(row)
                    written += len(batch)
        except psycopg.Error as e:
            raise copy_failed(table.name, e) from e
        return written

    def finish_load(self, tables: Sequence[TableShape]) -> None:
        """Build the indexes put aside, move each identity past the highest id copied (the
        next entry a desk creates must not take a copied id), and gather the planner's
        statistics so that the first queries on the new rows use the indexes."""
        import psycopg

        for definition in self._indexes:
            self._raw.execute(definition)
        for table, constraint, definition in self._foreign_keys:
            try:
                self._raw.execute(
                    f"ALTER TABLE {quoted(table)} ADD CONSTRAINT {quoted(constraint)} {definition}"
                )
            except psycopg.errors.ForeignKeyViolation as e:
                raise broken_reference(e) from e
        for table, trigger in self._triggers:
            self._raw.execute(f"ALTER TABLE {quoted(table)} ENABLE TRIGGER {quoted(trigger)}")
        self._indexes, self._triggers, self._foreign_keys = [], [], []
        names = [t.name for t in tables]
        identities = self._raw.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND is_identity = 'YES' "
            "AND table_name = ANY(%s)",
            [names],
        ).fetchall()
        for table, column in identities:
            self._raw.execute(
                "SELECT setval(pg_get_serial_sequence(%s, %s), "  # noqa: S608
                f"coalesce((SELECT max({quoted(column)}) FROM {quoted(table)}), 0) + 1, false)",
                [quoted(table), column],
            )
        for name in names:
            self._raw.execute(f"ANALYZE {quoted(name)}")
