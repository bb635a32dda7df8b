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
    def open(cls, path: str | Path, user: str | None = None) -> "Session":
        return cls(Store.open(path), user or login_name())

    def close(self) -> None:
        self.store.close()
