"""Who has which entry open at the other desks of a team database (storage.postgres.presence).

The GUI reports the entry it shows (``open_entry``), keeps it alive every ``HEARTBEAT_S``
(``keep_alive``) and reports nothing open when it closes; the review queue shows the others
(``open_elsewhere``). On a store without presence (a SQLite file) every call does nothing.
"""

from indicite.services.session import Session
from indicite.storage.postgres.presence import EXPIRES_AFTER_S

HEARTBEAT_S = EXPIRES_AFTER_S // 3


def has_presence(session: Session) -> bool:
    return session.store.presence is not None


def open_entry(session: Session, place: str, indicator_id: int | None) -> None:
    """This desk shows ``indicator_id`` in ``place`` ("workspace" or "review"); None: none."""
    if session.store.presence is not None:
        session.store.presence.open(place, indicator_id, session.user)


def keep_alive(session: Session) -> None:
    if session.store.presence is not None:
        session.store.presence.heartbeat()


def leave(session: Session) -> None:
    """The desk closes its window: nothing of it is open any more."""
    if session.store.presence is not None:
        session.store.presence.leave()


def open_elsewhere(session: Session) -> dict[int, list[str]]:
    """Entry id -> the people who have it open at another desk."""
    if session.store.presence is None:
        return {}
    return session.store.presence.open_elsewhere()
