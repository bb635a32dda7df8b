"""A PostgreSQL connection offering the part of sqlite-utils' ``Database`` the repositories use.

The connection runs in autocommit mode and ``transaction`` issues BEGIN/COMMIT itself, as the
SQLite connection does (``isolation_level=None``): one user action is one transaction, and a
nested one is a savepoint. Rows come back as tuples from ``execute`` and as dicts from
``query``, as in sqlite-utils. Binary columns come back as ``bytes``, as from SQLite.
"""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from indicite.core.errors import PermissionDenied, StorageProblem
from indicite.storage.postgres.sql import params as shaped
from indicite.storage.postgres.sql import translate

# A query's parameters: positional, named, or none.
Values = Sequence[Any] | Mapping[str, Any] | None


def _psycopg() -> Any:
    import psycopg

    return psycopg


class PgConnection:
    """The psycopg connection, with SQLite's spelling accepted (see ``sql``)."""

    def __init__(self, raw: Any):
        self.raw = raw

    @property
    def in_transaction(self) -> bool:
        status = _psycopg().pq.TransactionStatus
        # UNKNOWN: the connection is lost, and a new transaction's BEGIN will say so
        return self.raw.info.transaction_status not in (status.IDLE, status.UNKNOWN)

    def execute(self, sql: str, values: Values = None, *, prepare: bool | None = None) -> Any:
        """``prepare=False``: planned for these values each time, never as a prepared
        statement's generic plan (psycopg prepares a query text run five times)."""
        translated = translate(sql)
        try:
            cursor = self.raw.cursor()
            cursor.execute(translated.sql, shaped(translated, values), prepare=prepare)
        except _psycopg().OperationalError as e:  # the server went away: one line, no trace
            raise server_problem(e) from e
        return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence[Any] | Mapping[str, Any]]) -> Any:
        translated = translate(sql)
        shaped_rows = [shaped(translated, row) for row in rows]
        try:
            cursor = self.raw.cursor()
            if len(shaped_rows) == 1:  # psycopg pipelines many rows: two more round trips for one
                cursor.execute(translated.sql, shaped_rows[0])
            else:
                cursor.executemany(translated.sql, shaped_rows)
        except _psycopg().OperationalError as e:
            raise server_problem(e) from e
        return cursor

    def close(self) -> None:
        self.raw.close()


@dataclass
class Inserted:
    last_pk: Any


class PgTable:
    def __init__(self, db: "PgDatabase", name: str):
        self.db = db
        self.name = name

    def insert(self, record: Mapping[str, Any], *, pk: str = "id") -> Inserted:
        columns = ", ".join(f'"{c}"' for c in record)
        marks = ", ".join("?" for _ in record)
        cursor = self.db.execute(
            f'INSERT INTO "{self.name}" ({columns}) VALUES ({marks}) RETURNING "{pk}"',  # noqa: S608
            list(record.values()),
        )
        return Inserted(cursor.fetchone()[0])

    def insert_all(self, records: Iterable[Mapping[str, Any]]) -> None:
        rows = list(records)
        if not rows:
            return
        columns = ", ".join(f'"{c}"' for c in rows[0])
        marks = ", ".join("?" for _ in rows[0])
        self.db.conn.executemany(
            f'INSERT INTO "{self.name}" ({columns}) VALUES ({marks})',  # noqa: S608
            [list(row.values()) for row in rows],
        )

    def upsert(self, record: Mapping[str, Any], *, pk: str | Sequence[str]) -> None:
        keys = [pk] if isinstance(pk, str) else list(pk)
        columns = ", ".join(f'"{c}"' for c in record)
        marks = ", ".join("?" for _ in record)
        updates = ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in record if c not in keys)
        target = ", ".join(f'"{k}"' for k in keys)
        action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
        self.db.execute(
            f'INSERT INTO "{self.name}" ({columns}) VALUES ({marks}) '  # noqa: S608
            f"ON CONFLICT ({target}) {action}",
            list(record.values()),
        )

    def exists(self) -> bool:
        return bool(self.db.execute("SELECT to_regclass(?) IS NOT NULL", [self.name]).fetchone()[0])


class PgDatabase:
    """What the repositories call on ``self.db``, for a PostgreSQL database."""

    def __init__(self, raw: Any, url: str, dsn: str):
        self.conn = PgConnection(raw)
        # url: as shown and remembered (no password); dsn: as given, for a worker's connection
        self.url = url
        self.dsn = dsn
        self._savepoints = 0
        self._cursors = 0

    def execute(self, sql: str, values: Values = None, *, prepare: bool | None = None) -> Any:
        return self.conn.execute(sql, values, prepare=prepare)

    def query(
        self, sql: str, values: Sequence[Any] | Mapping[str, Any] | None = None
    ) -> Iterator[dict[str, Any]]:
        cursor = self.conn.execute(sql, values)
        names = [d.name for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def stream(self, sql: str, values: Sequence[Any] | Mapping[str, Any] | None = None) -> Any:
        """A cursor fetching its rows from the server a batch at a time (an export of a
        million rows never holds them all). Outside a transaction it is held (WITH HOLD):
        the server keeps the result until the caller closes the cursor."""
        translated = translate(sql)
        self._cursors += 1
        cursor = self.conn.raw.cursor(
            name=f"indicite_rows_{self._cursors}", withhold=not self.conn.in_transaction
        )
        cursor.itersize = 2000  # rows per round trip (psycopg's default: 100)
        cursor.execute(translated.sql, shaped(translated, values))
        return cursor

    def table(self, name: str) -> PgTable:
        return PgTable(self, name)

    def __getitem__(self, name: str) -> PgTable:
        return self.table(name)

    @contextmanager
    def transaction(self) -> Iterator["PgDatabase"]:
        """One user action; nested, a savepoint (as sqlite-utils' ``atomic`` nests)."""
        if self.conn.in_transaction:
            with self._savepoint():
                yield self
            return
        try:
            self.conn.raw.execute("BEGIN")
            yield self
            self.conn.raw.execute("COMMIT")
        except (_psycopg().OperationalError, _psycopg().errors.InsufficientPrivilege) as e:
            self._rollback()
            raise server_problem(e) from e
        except BaseException:
            self._rollback()
            raise

    atomic = transaction

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        self._savepoints += 1
        name = f"indicite_{self._savepoints}"
        self.conn.raw.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.raw.execute(f"ROLLBACK TO SAVEPOINT {name}")
            raise
        finally:
            if self.conn.in_transaction:
                self.conn.raw.execute(f"RELEASE SAVEPOINT {name}")

    def _rollback(self) -> None:
        if not self.conn.raw.closed and self.conn.in_transaction:
            self.conn.raw.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()


def server_problem(error: Exception) -> Exception:
    """The server's environmental errors, and its refusals, as a message the user can act on."""
    if isinstance(error, _psycopg().errors.InsufficientPrivilege):
        # the rules of a desk's role (migrations/p004_desk_roles.sql) or the grants said no
        return PermissionDenied(
            "The database server refused this: {reason}",
            reason=error.diag.message_primary or str(error).strip().splitlines()[0],
        )
    text = str(error).lower()
    if "could not serialize" in text or "deadlock" in text:
        return StorageProblem(
            "Another desk changed the same rows at the same moment: nothing was saved. Try again."
        )
    if "connection" in text or "server closed" in text or "terminat" in text:
        return StorageProblem(
            "The database server could not be reached: nothing was saved. "
            "Check the network and try again."
        )
    if "disk full" in text or "no space" in text:
        return StorageProblem(
            "The server's disk is full: nothing was saved. Tell its administrator."
        )
    return error
