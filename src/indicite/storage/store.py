"""The repository interface services use; a PostgreSQL server mode would implement the same."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from indicite.core.errors import DatabaseUnusable
from indicite.storage import open_files
from indicite.storage.catalog import CatalogRepository
from indicite.storage.char_maps import CharMapRepository
from indicite.storage.check_queries import CheckQueries
from indicite.storage.comments import CommentRepository
from indicite.storage.database import open_database, transaction
from indicite.storage.dismissals import DismissalRepository
from indicite.storage.documents import DocumentRepository
from indicite.storage.events import EventRepository
from indicite.storage.health import require_sound
from indicite.storage.indicators import IndicatorRepository
from indicite.storage.ocr_pages import OcrPageRepository
from indicite.storage.postgres.connect import is_postgres_url
from indicite.storage.postgres.desks import DeskRepository
from indicite.storage.review_queries import ReviewQueries
from indicite.storage.revisions import RevisionRepository
from indicite.storage.search import SearchRepository
from indicite.storage.tables import TableRepository
from indicite.storage.transfer import SqliteTransfer
from indicite.storage.users import SettingsRepository, UserRepository

if TYPE_CHECKING:
    from indicite.storage.postgres.listen import Listener
    from indicite.storage.postgres.presence import PresenceRepository


class Store:
    """One open database with its repositories.

    Opened with ``full_check=False`` the file's pages are not all read yet (``health_pending``):
    whoever reads them reports with ``record_health()``; a write before that reads them first,
    and after a bad verdict every write is refused, so a damaged file is never written to.

    A Store on a file this process has open already (a worker's) does not check it again:
    see the rule in ``storage.open_files``.
    """

    # Who has which entry open: team databases only (see storage.postgres.presence for why).
    presence: "PresenceRepository | None" = None

    def __init__(self, db: Database, path: Path | None = None, *, health_pending: bool = False):
        self.db = db
        self.path = path
        self.closed = False
        self.health_pending = health_pending and path is not None
        self.refusal: DatabaseUnusable | None = None
        self.documents = DocumentRepository(db)
        self.indicators = IndicatorRepository(db)
        self.events = EventRepository(db)
        self.users = UserRepository(db)
        self.settings = SettingsRepository(db)
        self.dismissals = DismissalRepository(db)
        self.comments = CommentRepository(db)
        self.review = ReviewQueries(db)
        self.search = SearchRepository(db)
        self.revisions = RevisionRepository(db)
        self._file_key: open_files.FileKey | None = None
        self.tables = TableRepository(db)
        self.char_maps = CharMapRepository(db)
        self.catalog = CatalogRepository(db)
        self.ocr_pages = OcrPageRepository(db)
        self.checks = CheckQueries(db)
        # Team mode (storage.postgres.desks): the server's logins, and the one this store
        # signed in as when it is a desk's; None on a file, whose user names itself.
        self.desks: DeskRepository | None = None
        self.login: str | None = None
        # whole tables in and out, for moving a project between stores (services.copy)
        self.transfer = SqliteTransfer(db)

    @classmethod
    def open(cls, path: str | Path, *, full_check: bool = True, create: bool = True) -> "Store":
        """Open ``path``; ``create=False`` refuses a path where no database is.

        A ``postgresql://`` URL opens a team database (``storage.postgres``)."""
        if is_postgres_url(path):
            from indicite.storage.postgres.store import PgStore

            return PgStore.open_url(str(path))
        path = Path(path)
        already_open = open_files.is_open(path)
        checked = open_files.is_known_sound(path)
        db = open_database(
            path, full_check=full_check and not checked, create=create, header=not already_open
        )
        sound = full_check or checked
        store = cls(db, path, health_pending=not sound)
        store._file_key = open_files.opened(path, sound=sound)
        return store

    @property
    def location(self) -> str | Path | None:
        """What a worker opens to reach the same database: the file, or the server's URL."""
        return self.path

    @property
    def has_file(self) -> bool:
        """Whether the database is a file of this machine: backups, restore, the full check
        of its pages and New database… apply; a team database's server does these itself."""
        return self.path is not None

    @property
    def shown_location(self) -> str:
        """The database as the user sees and Recent remembers it (never with a password)."""
        return str(self.path or "")

    def listen(self) -> "Listener | None":
        """Other connections' commits as they happen, from a server; None for a file, where
        windows poll ``data_version`` instead (SQLite has no way to tell them)."""
        return None

    def record_health(self, problem: DatabaseUnusable | None) -> None:
        """The verdict of the full check: None for a sound file, else why it is refused."""
        self.health_pending = False
        self.refusal = problem
        if problem is None:
            open_files.mark_sound(self._file_key)

    def ensure_sound(self) -> None:
        """Raise DatabaseUnusable if the file is known, or now found, to be damaged."""
        if self.health_pending:
            assert self.path is not None
            try:
                require_sound(self.path)
            except DatabaseUnusable as e:
                self.record_health(e)
            else:
                self.record_health(None)
        if self.refusal:
            raise self.refusal

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.ensure_sound()
        with transaction(self.db):
            yield

    def close(self) -> None:
        self.db.close()
        self.closed = True
        open_files.closed(self._file_key)
        self._file_key = None
