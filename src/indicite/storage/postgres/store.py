"""The Store of a team database: the repositories of ``storage.store`` on a PostgreSQL server."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from indicite.storage.check_queries import TextKeyCheckQueries
from indicite.storage.postgres.connect import open_postgres
from indicite.storage.postgres.database import PgDatabase
from indicite.storage.postgres.desks import DeskRepository, PgUserRepository
from indicite.storage.postgres.listen import Listener
from indicite.storage.postgres.presence import PresenceRepository
from indicite.storage.postgres.search import PgSearchRepository
from indicite.storage.postgres.transfer import PgTransfer
from indicite.storage.store import Store


class PgStore(Store):
    """No file, so no file checks: the server keeps its pages sound and its own backups."""

    def __init__(self, db: PgDatabase):
        # PgDatabase offers the part of sqlite-utils' Database the repositories call.
        super().__init__(cast(Any, db))
        self.pg = db
        self.search = PgSearchRepository(db)
        self.checks = TextKeyCheckQueries(cast(Any, db))
        self.desks = DeskRepository(db)
        self.users = PgUserRepository(db, self.desks)
        self.login = self.desks.signed_in()
        self.presence = PresenceRepository(db)
        self.transfer = cast(Any, PgTransfer(db))

    @classmethod
    def open_url(cls, url: str) -> "PgStore":
        return cls(open_postgres(url))

    @property
    def location(self) -> str:
        return self.pg.dsn

    @property
    def has_file(self) -> bool:
        return False

    @property
    def shown_location(self) -> str:
        return self.pg.url

    def listen(self) -> Listener:
        """A listener that leaves out this store's own writes (its desk shows them already)."""
        return Listener(self.pg.dsn, ignore_pid=self.pg.conn.raw.info.backend_pid)

    def ensure_sound(self) -> None:
        """A server database has no file for this process to check."""

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.pg.transaction():
            yield

    def close(self) -> None:
        self.pg.close()
        self.closed = True
