"""The full check of a database the app opened with the cheap one (storage.health).

The app opens its database without reading every page (``Session.open(..., full_check=False)``)
so the window shows at once; ``full_check()`` then reads them in a worker thread and
``record_health()`` hands the verdict to the session. Until then a write runs the check first.
"""

from pathlib import Path

from indicite.core.errors import DatabaseUnusable, IndiciteError, StorageProblem
from indicite.services.session import Session
from indicite.storage.health import require_sound


def check_pending(session: Session) -> bool:
    """Whether the session's file still waits for its full check."""
    return session.store.health_pending


def known_damage(session: Session) -> DatabaseUnusable | None:
    """Why the session's file was refused (a write may have run the full check first), or None."""
    return session.store.refusal


def full_check(path: Path) -> IndiciteError | None:
    """None when the file at ``path`` is sound, DatabaseUnusable saying why it is damaged, or
    StorageProblem when it was too busy to check."""
    try:
        require_sound(path)
    except (DatabaseUnusable, StorageProblem) as e:
        return e
    return None


def record_health(session: Session, problem: DatabaseUnusable | None) -> None:
    session.store.record_health(problem)
