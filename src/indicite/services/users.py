"""People and their roles. Roles guard against mistakes, not against someone editing the file."""

from indicite.core.entities import ROLES, User
from indicite.core.errors import NotFound, PermissionDenied, ValidationError
from indicite.services.session import Session
from indicite.storage.clock import now_iso


def role_of(session: Session, name: str | None = None) -> str:
    """The stored role of ``name`` (default: the session's user); unknown people are staff."""
    user = session.store.users.get(name or session.user)
    return user.role if user else "staff"


def ensure_user(session: Session) -> User:
    """Record the session's user on first start; the first user of a new database is admin."""
    store = session.store
    existing = store.users.get(session.user)
    if existing:
        return existing  # the usual start: nothing to write
    with store.transaction():
        existing = store.users.get(session.user)
        if existing:
            return existing
        role = "admin" if store.users.count() == 0 else "staff"
        user = _add(session, session.user, role)
    return user


def list_users(session: Session) -> list[User]:
    return session.store.users.all()


def add_user(session: Session, name: str, role: str) -> User:
    name = name.strip()
    if not name:
        raise ValidationError("name", "Type the person's name.")
    _check_role(role)
    store = session.store
    with store.transaction():
        _require_admin(session)
        if store.users.get(name):
            raise ValidationError(
                "name", "{name} is already a user; change their role instead.", name=name
            )
        return _add(session, name, role)


def set_role(session: Session, name: str, role: str) -> User:
    """Change a role; the last admin cannot give up the role, so someone can still manage."""
    _check_role(role)
    store = session.store
    with store.transaction():
        _require_admin(session)
        user = store.users.get(name)
        if user is None:
            raise NotFound("There is no user {name}.", name=name)
        if user.role == role:
            return user
        admins = [u for u in store.users.all() if u.role == "admin"]
        if user.role == "admin" and len(admins) == 1:
            raise PermissionDenied("Make someone else an admin first: a database needs one.")
        store.users.set_role(name, role)
        store.events.append(
            at=now_iso(),
            who=session.user,
            action="set_role",
            before={"user": name, "role": user.role},
            after={"user": name, "role": role},
        )
    return store.users.get(name) or user


def _add(session: Session, name: str, role: str) -> User:
    at = now_iso()
    user = session.store.users.add(name, role, at)
    session.store.events.append(
        at=at, who=session.user, action="add_user", after={"user": name, "role": role}
    )
    return user


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValidationError(
            "role",
            "{role} is not a role; use one of {roles}.",
            role=repr(role),
            roles=", ".join(ROLES),
        )


def _require_admin(session: Session) -> None:
    if role_of(session) != "admin":
        raise PermissionDenied("Only an admin can manage users and settings.")
