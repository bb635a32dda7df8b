"""The repository interface services use; a PostgreSQL server mode would implement the same."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from indicite.storage.comments import CommentRepository
from indicite.storage.database import open_database, transaction
from indicite.storage.dismissals import DismissalRepository
from indicite.storage.documents import DocumentRepository
from indicite.storage.events import EventRepository
from indicite.storage.indicators import IndicatorRepository
from indicite.storage.review_queries import ReviewQueries
from indicite.storage.search import SearchRepository
from indicite.storage.users import SettingsRepository, UserRepository


class Store:
    """One open database with its repositories."""

    def __init__(self, db: Database, path: Path | None = None):
        self.db = db
        self.path = path
        self.documents = DocumentRepository(db)
        self.indicators = IndicatorRepository(db)
        self.events = EventRepository(db)
        self.users = UserRepository(db)
        self.settings = SettingsRepository(db)
        self.dismissals = DismissalRepository(db)
        self.comments = CommentRepository(db)
        self.review = ReviewQueries(db)
        self.search = SearchRepository(db)

    @classmethod
    def open(cls, path: str | Path) -> "Store":
        return cls(open_database(path), Path(path))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with transaction(self.db):
            yield

    def close(self) -> None:
        self.db.close()
