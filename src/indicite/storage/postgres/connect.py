"""Opening a team database from its URL, with the credentials libpq or the keychain holds.

Passwords are never kept by Indicite: libpq reads them from its usual places (``.pgpass``,
``PGPASSWORD``, a service file) and, when none of those has one, the OS keychain is asked
(``keyring``, under the service "indicite" and the URL without its password). TLS settings
(``sslmode``, ``sslrootcert``…) in the URL pass through to libpq unchanged.
"""

import os
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from indicite.core.errors import DatabaseUnusable, NotFound
from indicite.storage.postgres import schema
from indicite.storage.postgres.database import PgDatabase, server_problem

SCHEMES = ("postgresql://", "postgres://")
KEYRING_SERVICE = "indicite"


def is_postgres_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(SCHEMES)


def without_password(url: str) -> str:
    """The URL to show and remember: everything but a password written into it."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    netloc = f"{parts.username}@{host}" if parts.username else host
    return urlunsplit(parts._replace(netloc=netloc))


def keychain_password(url: str) -> str | None:
    """The password the OS keychain holds for this database, if any and if one is needed."""
    if urlsplit(url).password is not None or "PGPASSWORD" in os.environ:
        return None
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, without_password(url))
    except KeyringError:
        return None


def open_postgres(url: str, *, migrate: bool = True) -> PgDatabase:
    """Connect, refuse a foreign or newer database, and bring an older one up to date."""
    import psycopg

    shown = without_password(url)
    raw = connect(url)
    db = PgDatabase(raw, shown, url)
    try:
        if migrate:
            schema.upgrade(db, shown)
    except psycopg.OperationalError as e:
        db.close()
        raise server_problem(e) from e
    except BaseException:
        db.close()
        raise
    return db


def connect(url: str, application_name: str = "indicite") -> Any:
    """A psycopg connection in autocommit mode, with the password libpq or the keychain holds."""
    import psycopg

    shown = without_password(url)
    extra: dict[str, Any] = {}
    password = keychain_password(url)
    if password is not None:
        extra["password"] = password
    try:
        return psycopg.connect(url, autocommit=True, application_name=application_name, **extra)
    except psycopg.OperationalError as e:
        raise NotFound(
            "Could not connect to {url}: {reason}. Check the address, the user and the "
            "password (in ~/.pgpass, PGPASSWORD or the keychain).",
            url=shown,
            reason=str(e).strip().splitlines()[-1] if str(e).strip() else "no answer",
        ) from e
    except psycopg.ProgrammingError as e:
        raise DatabaseUnusable(
            "{url} is not a valid database address: {reason}", url=shown, reason=str(e)
        ) from e
