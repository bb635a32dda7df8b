"""Team databases (a PostgreSQL server) as the command line and the windows name them.

A database is a file path or a ``postgresql://`` URL everywhere (``--db``, Recent, a worker's
``store.location``). A password typed by the user travels inside the URL this process opens
and nowhere else: what is shown or remembered is the URL without it (``without_password``),
and a password kept for later goes into the OS keychain (``remember_password``), where
``storage.postgres.connect`` finds it again, after libpq's own ``.pgpass`` and ``PGPASSWORD``.
"""

from dataclasses import dataclass, field
from pathlib import Path

from indicite.core.errors import DatabaseUnusable
from indicite.storage.postgres.connect import (
    DEFAULT_PORT,
    DEFAULT_SSLMODE,
    SSLMODES,
    build_url,
    is_postgres_url,
    keychain_available,
    remember_password,
    url_parts,
    with_password,
    without_password,
)

__all__ = [
    "DEFAULT_PORT",
    "DEFAULT_SSLMODE",
    "SSLMODES",
    "TeamAddress",
    "database_location",
    "is_team_location",
    "keychain_available",
    "remember_password",
    "team_label",
    "with_password",
    "without_password",
]


def is_team_location(location: object) -> bool:
    return is_postgres_url(location)


def database_location(text: str) -> str | Path:
    """``--db``'s value: a team database's URL as written, anything else a file's path."""
    return text if is_postgres_url(text) else Path(text)


_FIELDS = frozenset({"host", "port", "dbname", "user", "password", "sslmode"})


@dataclass
class TeamAddress:
    """The parts of a team database's address, as the Open team database dialog shows them."""

    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    password: str = ""
    sslmode: str = DEFAULT_SSLMODE
    # libpq's other settings in a pasted URL (sslrootcert, sslcert, service…): kept as given
    options: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_url(cls, url: str) -> "TeamAddress":
        """DatabaseUnusable when ``url`` is no database address."""
        parts = url_parts(url)
        port = parts.get("port", "")
        return cls(
            host=parts.get("host", ""),
            port=int(port) if port.isdigit() else DEFAULT_PORT,
            database=parts.get("dbname", ""),
            user=parts.get("user", ""),
            password=parts.get("password", ""),
            sslmode=parts.get("sslmode", DEFAULT_SSLMODE),
            options={k: v for k, v in parts.items() if k not in _FIELDS},
        )

    def url(self) -> str:
        """The URL to open (with the password, if one was typed)."""
        return build_url(
            self.host,
            self.database,
            self.user,
            port=self.port,
            sslmode=self.sslmode,
            password=self.password,
            options=self.options,
        )


def team_label(url: str) -> str:
    """A short name for menus and titles: "database on host" (the socket folder's "local")."""
    try:
        address = TeamAddress.from_url(url)
    except DatabaseUnusable:  # a remembered address libpq no longer reads: show it as it is
        return without_password(url)
    host = address.host if address.host and not address.host.startswith("/") else "localhost"
    return f"{address.database or address.user} @ {host}"
