"""Opening a team database from its URL, with the credentials libpq or the keychain holds.

Passwords are never kept by Indicite: libpq reads them from its usual places (``.pgpass``,
``PGPASSWORD``, a service file) and, when none of those has one, the OS keychain is asked
(``keyring``, under the service "indicite" and the URL without its password). TLS settings
(``sslmode``, ``sslrootcert``…) in the URL pass through to libpq unchanged.
"""

import os
from typing import Any
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from indicite.core.errors import DatabaseUnusable, NotFound, PasswordNeeded
from indicite.storage.postgres import schema
from indicite.storage.postgres.database import PgDatabase, server_problem

SCHEMES = ("postgresql://", "postgres://")
KEYRING_SERVICE = "indicite"
DEFAULT_PORT = 5432
# libpq's own default; any other mode is written into the URL
DEFAULT_SSLMODE = "prefer"
SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
# seconds before an unreachable server is reported (libpq waits for ever by default)
CONNECT_TIMEOUT = 10


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


def build_url(
    host: str,
    database: str,
    user: str = "",
    *,
    port: int | None = None,
    sslmode: str = DEFAULT_SSLMODE,
    password: str = "",
    options: dict[str, str] | None = None,
) -> str:
    """``postgresql://user:password@host:port/database?…`` from its parts, quoted; a host that
    is a folder (a Unix socket's) goes into the query, as libpq reads it there. ``options``:
    libpq's other settings (``sslrootcert``, ``connect_timeout``…), passed through."""
    query = {}
    netloc = quote(user, safe="") if user else ""
    if user and password:
        netloc += ":" + quote(password, safe="")
    if netloc:
        netloc += "@"
    if host.startswith("/"):
        query["host"] = host
    else:
        netloc += f"[{host}]" if ":" in host else host
    if port and port != DEFAULT_PORT:
        if host.startswith("/"):
            query["port"] = str(port)
        else:
            netloc += f":{port}"
    if sslmode and sslmode != DEFAULT_SSLMODE:
        query["sslmode"] = sslmode
    query.update(options or {})
    query_text = urlencode(query, safe="/")
    return f"postgresql://{netloc}/{quote(database, safe='')}" + (
        f"?{query_text}" if query_text else ""
    )


def url_parts(url: str) -> dict[str, str]:
    """What libpq reads from ``url`` (host, port, dbname, user, password, sslmode…);
    DatabaseUnusable when it is not a database address."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    try:
        return {k: str(v) for k, v in conninfo_to_dict(url).items() if v is not None}
    except psycopg.ProgrammingError as e:
        raise DatabaseUnusable(
            "{url} is not a valid database address: {reason}",
            url=without_password(url),
            reason=str(e),
        ) from e


def with_password(url: str, password: str) -> str:
    """``url`` carrying ``password``, for this process to open (never shown nor remembered)."""
    parts = urlsplit(without_password(url))
    user = quote(parts.username or "", safe="")
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{user}:{quote(password, safe='')}@{host}"))


def keychain_available() -> bool:
    """Whether this system has a keychain ``keyring`` can keep a password in."""
    try:
        import keyring
    except ImportError:
        return False
    return getattr(keyring.get_keyring(), "priority", 0) > 0


def remember_password(url: str, password: str) -> None:
    """Keep ``password`` in the OS keychain for ``url`` (StorageProblem when it cannot)."""
    import keyring
    from keyring.errors import KeyringError

    from indicite.core.errors import StorageProblem

    try:
        keyring.set_password(KEYRING_SERVICE, without_password(url), password)
    except KeyringError as e:
        raise StorageProblem(
            "The keychain did not keep the password: {reason}", reason=str(e) or type(e).__name__
        ) from e


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
    if "connect_timeout" not in url:
        extra["connect_timeout"] = CONNECT_TIMEOUT
    try:
        return psycopg.connect(url, autocommit=True, application_name=application_name, **extra)
    except psycopg.OperationalError as e:
        _refuse_password(e, shown)
        raise NotFound(
            "Could not connect to {url}: {reason}. Check that the server is running, the "
            "address, the user and the password (in ~/.pgpass, PGPASSWORD or the keychain).",
            url=shown,
            reason=_reason(e),
        ) from e
    except psycopg.ProgrammingError as e:
        raise DatabaseUnusable(
            "{url} is not a valid database address: {reason}", url=shown, reason=str(e)
        ) from e


def _reason(error: Exception) -> str:
    """libpq's why, without its preamble: "connection to server on socket … failed: FATAL:
    database "x" does not exist" becomes 'database "x" does not exist'."""
    lines = str(error).strip().splitlines()
    if not lines:
        return "no answer"
    reason = lines[0].rpartition(" failed: ")[2].removeprefix("FATAL:").strip()
    return reason.rstrip(".") or "no answer"


def _refuse_password(error: Any, shown: str) -> None:
    """PasswordNeeded when the server asked for a password none of its places had, or refused
    the one given: the app then asks for it (the other connection errors are NotFound)."""
    text = str(error)
    if "no password supplied" in text:
        raise PasswordNeeded(
            "{url} asks for a password; type it, or keep it in ~/.pgpass, PGPASSWORD or "
            "the keychain.",
            url=shown,
        ) from error
    if "password authentication failed" in text:
        raise PasswordNeeded(
            "The server refused the password for {url}; check it and try again.", url=shown
        ) from error
