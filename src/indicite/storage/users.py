"""People, their roles, and per-database settings such as the four-eyes rule."""

from sqlite_utils import Database

from indicite.core.entities import User


class UserRepository:
    def __init__(self, db: Database):
        self.db = db

    def get(self, name: str) -> User | None:
        rows = list(self.db.query("SELECT * FROM users WHERE name = ?", [name]))
        return User.from_row(rows[0]) if rows else None

    def add(self, name: str, role: str, at: str) -> User:
        self.db.table("users").insert({"name": name, "role": role, "created_at": at})
        user = self.get(name)
        assert user is not None
        return user

    def set_role(self, name: str, role: str) -> None:
        self.db.execute("UPDATE users SET role = ? WHERE name = ?", [role, name])

    def all(self) -> list[User]:
        return [User.from_row(r) for r in self.db.query("SELECT * FROM users ORDER BY name")]

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM users").fetchone()[0])


class SettingsRepository:
    def __init__(self, db: Database):
        self.db = db

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set(self, key: str, value: str) -> None:
        self.db.table("settings").upsert({"key": key, "value": value}, pk="key")
