"""Desks of a team database: PostgreSQL logins whose group role is their Indicite role.

The rules live on the server (``migrations/p004_desk_roles.sql``); this module asks it who is
signed in, lists the desks, and calls its user-management functions. A password never leaves
this process: libpq turns it into a SCRAM verifier here, and only the verifier is sent.
"""

from dataclasses import dataclass

from indicite.core.entities import User
from indicite.core.errors import ValidationError
from indicite.storage.clock import now_iso
from indicite.storage.postgres.database import PgDatabase
from indicite.storage.users import UserRepository

# The server's logins that are desks, with their role (migrations/p004_desk_roles.sql).
DESKS = (
    "SELECT rolname, indicite_role_of(rolname) AS role FROM pg_roles "
    "WHERE rolcanlogin AND indicite_role_of(rolname) IS NOT NULL"
)


@dataclass(frozen=True, slots=True)
class Desk:
    name: str
    role: str
    recorded: bool  # has a users row (added by `team add-user`, or its role was changed)


class DeskRepository:
    def __init__(self, db: PgDatabase):
        self.db = db

    def signed_in(self) -> str | None:
        """The login of this connection if it is a desk; None for the owner or a superuser,
        whose connection is trusted to name its user (migrations, ``indicite copy``)."""
        login, role = self.db.execute(
            "SELECT session_user, indicite_role_of(session_user)"
        ).fetchone()
        return str(login) if role is not None else None

    def exists(self, name: str) -> bool:
        """Whether the server has a role of that name (a desk, the owner, anyone)."""
        return (
            self.db.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", [name]).fetchone()
            is not None
        )

    def role_of(self, name: str) -> str | None:
        return self.db.execute("SELECT indicite_role_of(?)", [name]).fetchone()[0]

    def add(self, name: str, role: str, password: str | None) -> None:
        """A new login of the ``role`` group; ``password`` None: it signs in another way
        (certificate, peer), as pg_hba.conf says."""
        verifier = None
        if password is not None:
            raw = self.db.conn.raw
            verifier = raw.pgconn.encrypt_password(password.encode(), name.encode()).decode()
        from psycopg import errors

        try:
            self.db.execute("SELECT indicite_add_desk(?, ?, ?)", [name, role, verifier])
        except (errors.ReservedName, errors.DuplicateObject) as e:  # "public", "pg_…", a race
            raise ValidationError(
                "name",
                "The server refused the login {name}: {reason}",
                name=name,
                reason=e.diag.message_primary or "",
            ) from e

    def set_role(self, name: str, role: str) -> None:
        self.db.execute("SELECT indicite_set_desk_role(?, ?)", [name, role])

    def all(self) -> list[Desk]:
        rows = self.db.execute(
            "SELECT d.rolname, d.role, u.name IS NOT NULL FROM (" + DESKS + ") d "  # noqa: S608 (fixed texts)
            "LEFT JOIN users u ON u.name = d.rolname ORDER BY d.rolname"
        ).fetchall()
        return [Desk(str(name), str(role), bool(recorded)) for name, role, recorded in rows]


class PgUserRepository(UserRepository):
    """A desk's role is its group on the server, read from there even before its users row
    exists; changing it changes the group, in the same transaction (the users row follows,
    trigger ``users_follow_server``)."""

    def __init__(self, db: PgDatabase, desks: DeskRepository):
        super().__init__(db)  # type: ignore[arg-type]
        self.desks = desks

    def get(self, name: str) -> User | None:
        rows = list(
            self.db.query(
                "SELECT u.id, u.created_at, indicite_role_of(?) AS server_role, u.role "
                "FROM (SELECT 1) AS one LEFT JOIN users u ON u.name = ?",
                [name, name],
            )
        )
        row = rows[0]
        role = row["server_role"] or row["role"]
        if role is None:
            return None
        return User(id=row["id"], name=name, role=role, created_at=row["created_at"] or "")

    def all(self) -> list[User]:
        """The users rows and the desks that have none yet, each with the server's role."""
        rows = self.db.query(
            "SELECT u.id, coalesce(u.name, d.rolname) AS name, coalesce(d.role, u.role) AS role, "
            "coalesce(u.created_at, '') AS created_at "
            "FROM users u FULL JOIN (" + DESKS + ") d ON d.rolname = u.name ORDER BY 2"
        )
        return [User.from_row(row) for row in rows]

    def set_role(self, name: str, role: str) -> None:
        if self.desks.role_of(name) is not None:
            self.desks.set_role(name, role)
            if self.db.execute("SELECT 1 FROM users WHERE name = ?", [name]).fetchone() is None:
                self.add(name, role, now_iso())  # a desk that never signed in yet
                return
        super().set_role(name, role)
