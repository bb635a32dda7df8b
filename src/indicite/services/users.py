"""People and their roles. Roles guard against mistakes, not against someone editing the file."""

from indicite.core.entities import ROLES, User
from indicite.core.errors import NotFound, PermissionDenied, ValidationError
from indicite.services.session import Session
from indicite.storage.clock import now_iso
from indicite.storage.postgres.desks import Desk


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
    # the stored role: on a team database a desk's is its group's, whatever was asked
    session.store.events.append(
        at=at, who=session.user, action="add_user", after={"user": name, "role": user.role}
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


# PostgreSQL cuts longer names (NAMEDATALEN - 1): the login would not be the name recorded.
LOGIN_BYTES = 63


def add_desk_user(session: Session, name: str, role: str, password: str | None) -> User:
    """Team mode: a person's own login on the server, in the group of their role, and their
    users row, in one transaction. ``password`` None: they sign in another way (certificate,
    peer), as the server's pg_hba.conf says. Only an admin may; the server checks it too
    (only its admin group may run the function that creates logins)."""
    name = name.strip()
    if not name:
        raise ValidationError("name", "Type the person's name.")
    if len(name.encode()) > LOGIN_BYTES:
        raise ValidationError(
            "name",
            "{name} is too long for a login on the server: at most 63 bytes (21 Chinese "
            "characters).",
            name=name,
        )
    _check_role(role)
    store = session.store
    if store.desks is None:
        raise PermissionDenied(
            "Desk users belong to a team database: open one with --db postgresql://…"
        )
    ensure_user(session)  # the owner's first command on a new team database: its admin
    with store.transaction():
        _require_admin(session)
        if store.desks.exists(name) or store.users.get(name):
            raise ValidationError(
                "name",
                "The server has a user {name} already; choose another name or change their role.",
                name=name,
            )
        store.desks.add(name, role, password)
        return _add(session, name, role)


def desk_users(session: Session) -> list[Desk]:
    """Team mode: the server's logins that are desks, with their role."""
    if session.store.desks is None:
        raise PermissionDenied(
            "Desk users belong to a team database: open one with --db postgresql://…"
        )
    return session.store.desks.all()
