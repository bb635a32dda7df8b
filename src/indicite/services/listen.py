"""Other desks' writes as they are committed, on a team database: what tells a window to
read again (storage.postgres.listen). A file store returns no listener: its windows poll the
file's ``data_version`` instead."""

from collections.abc import Iterable

from indicite.services.session import Session
from indicite.storage.postgres.listen import Change, Listener

__all__ = ["Change", "Listener", "listen", "presence_only"]

PRESENCE_TABLE = "entry_presence"


def listen(session: Session) -> Listener | None:
    """A listener on its own connection, leaving out this session's own writes."""
    return session.store.listen()


def presence_only(changes: Iterable[Change]) -> bool:
    """Only who-has-what-open changed: the queue's marks, not the data, need reading again."""
    return all(change.table == PRESENCE_TABLE for change in changes)
