"""Who is working on which database: what every service call needs."""

import getpass
from dataclasses import dataclass
from pathlib import Path

from indicite.core.errors import StorageProblem
from indicite.storage import Store


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "user"


@dataclass
class Session:
    """``throwaway``: the demo's database, never backed up nor remembered (services.demo)."""

    store: Store
    user: str
    throwaway: bool = False

    @classmethod
    def open(
        cls,
        path: str | Path,
        user: str | None = None,
        *,
        full_check: bool = True,
        create: bool = True,
    ) -> "Session":
        """Open a database; ``full_check=False``: see ``services.health`` (the app's start).

        Commands and windows that open a path the user gave pass ``create=False`` unless the
        user asked for a new database (``--create``): a wrong path is then an error.

        On a team database a desk is who the server says (its login), whatever name was
        given: the server's rules check that name (docs/team-mode-security.md).
        """
        store = Store.open(path, full_check=full_check, create=create)
        return cls(store, store.login or user or login_name())

    @classmethod
    def create(cls, path: str | Path, user: str | None = None) -> "Session":
        """A new, empty database at ``path`` (File → New database); an existing file is
        refused, so a new database never replaces anything."""
        if Path(path).exists():
            raise StorageProblem(
                "{path} exists already; open it with File → Open database, or choose a new name.",
                path=path,
            )
        return cls.open(path, user, create=True)

    def close(self) -> None:
        self.store.close()
