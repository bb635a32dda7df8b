"""Who is working on which database: what every service call needs."""

import getpass
from dataclasses import dataclass
from pathlib import Path

from indicite.storage import Store


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "user"


@dataclass
class Session:
    store: Store
    user: str

    @classmethod
    def open(
        cls, path: str | Path, user: str | None = None, *, full_check: bool = True
    ) -> "Session":
        """Open a database; ``full_check=False``: see ``services.health`` (the app's start)."""
        return cls(Store.open(path, full_check=full_check), user or login_name())

    def close(self) -> None:
        self.store.close()
