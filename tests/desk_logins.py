"""Desk logins for the team-mode tests: server roles outlive a test's database, so each test
makes names of its own and drops its logins at the end."""

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

_numbers = itertools.count()


def unique_name(stem: str) -> str:
    return f"{stem}_{os.getpid()}_{next(_numbers)}"


def as_login(url: str, login: str) -> str:
    """``url`` signed in as ``login`` (the test cluster trusts its socket)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{login}@{parts.netloc.split('@')[-1]}"))


def on_database(url: str, database: str) -> str:
    """``url`` naming another database of the same server."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{database}"))


@contextmanager
def dropped_at_end(server_url: str) -> Iterator[list[str]]:
    """A list to put login names in; they are dropped when the block ends."""
    import psycopg

    names: list[str] = []
    try:
        yield names
    finally:
        with psycopg.connect(server_url, autocommit=True) as admin:
            for name in names:
                admin.execute(f'DROP ROLE IF EXISTS "{name}"')
