"""Who has which entry open, on a team database (table entry_presence, migration p006).

A desk is its connection to the server (``pg_backend_pid()``): its row for a place (the
workspace's form, the review queue) is replaced when it opens another entry, kept alive by
``heartbeat`` and deleted when it closes the entry. Rows count while their heartbeat is younger
than ``EXPIRES_AFTER`` and their connection is still on the server, so a desk that crashed or
lost its network drops out without anyone cleaning up; the next desk to open an entry deletes
such rows. Times are the server's, so desks with wrong clocks agree.

Only team databases have presence. On a SQLite file every commit moves ``data_version``, which
every other window polls: a presence write for each opened entry would make every desk on the
share reload its lists whenever anyone clicked an entry, and would take the file's write lock
for what is only reading. A file also has no server to say which desks are still connected.
"""

from indicite.storage.postgres.database import PgDatabase

PLACES = ("workspace", "review")
EXPIRES_AFTER_S = 90

# A row that counts (one placeholder: EXPIRES_AFTER_S).
_LIVE = """
    seen_at > now() - make_interval(secs => ?)
    AND pid IN (SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL)
"""


class PresenceRepository:
    def __init__(self, db: PgDatabase):
        self.db = db

    def open(self, place: str, indicator_id: int | None, who: str) -> None:
        """This desk now has ``indicator_id`` open in ``place`` (None: nothing there)."""
        if place not in PLACES:
            raise ValueError(f"unknown place {place!r}")
        with self.db.transaction():
            self.db.execute(
                "DELETE FROM entry_presence WHERE (pid = pg_backend_pid() AND place = ?) "  # noqa: S608
                f"OR NOT ({_LIVE})",
                [place, EXPIRES_AFTER_S],
            )
            if indicator_id is not None:
                self.db.execute(
                    "INSERT INTO entry_presence (pid, place, indicator_id, who) "
                    "SELECT pg_backend_pid(), ?, id, ? FROM indicators WHERE id = ?",
                    [place, who, indicator_id],
                )

    def heartbeat(self) -> None:
        """Still here: the desk's rows stay alive (an UPDATE, which notifies nobody)."""
        with self.db.transaction():
            self.db.execute(
                "UPDATE entry_presence SET seen_at = now() WHERE pid = pg_backend_pid()"
            )

    def leave(self) -> None:
        """The desk closes: nothing of it is open any more."""
        with self.db.transaction():
            self.db.execute("DELETE FROM entry_presence WHERE pid = pg_backend_pid()")

    def open_elsewhere(self) -> dict[int, list[str]]:
        """Who has each entry open at another desk (in name order, each name once)."""
        rows = self.db.execute(
            "SELECT DISTINCT indicator_id, who FROM entry_presence "  # noqa: S608
            f"WHERE pid != pg_backend_pid() AND {_LIVE} ORDER BY indicator_id, who",
            [EXPIRES_AFTER_S],
        ).fetchall()
        found: dict[int, list[str]] = {}
        for ind_id, who in rows:
            found.setdefault(ind_id, []).append(who)
        return found
