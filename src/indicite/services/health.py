"""The full check of a database the app opened with the cheap one (storage.health).

The app opens its database without reading every page (``Session.open(..., full_check=False)``)
so the window shows at once; ``full_check()`` then reads them in a worker thread and
``record_health()`` hands the verdict to the session. Until then a write runs the check first.
"""

from pathlib import Path

from indicite.core.errors import DatabaseUnusable, StorageProblem
from indicite.services.session import Session
from indicite.storage.health import require_sound


def check_pending(session: Session) -> bool:
    """Whether the session's file still waits for its full check."""
    return session.store.health_pending


def known_damage(session: Session) -> str:
    """Why the session's file was refused (a write may have run the full check first), or ""."""
    return session.store.refusal or ""


def full_check(path: Path) -> str | None:
    """Why the file at ``path`` is damaged, "" when it is sound, None when it was too busy."""
    try:
        require_sound(path)
    except DatabaseUnusable as e:
        return str(e)
    except StorageProblem:
        return None
    return ""


def record_health(session: Session, problem: str) -> None:
    session.store.record_health(problem)
