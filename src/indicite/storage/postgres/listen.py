"""Other desks' changes as they are committed: LISTEN on the channel the triggers notify.

The triggers of migration p005 send, at every commit that changes what a window shows, one
notification per changed table (``{"table": …, "ids": […]}``). A ``Listener`` holds its own
connection doing nothing but LISTEN, so it never waits behind the desk's own queries. It has
no thread and no event loop of its own: ``fileno()`` is the socket to watch (the GUI hands it
to a QSocketNotifier, a benchmark to ``select``), ``poll()`` reads what has arrived without
blocking, ``wait(timeout)`` blocks for it.

Notifications carry the server process id of the writing connection: ``ignore_pid`` (the
desk's own connection) drops the desk's own writes, which it has shown already.
"""

import json
import select
from dataclasses import dataclass
from typing import Any

from indicite.core.errors import StorageProblem
from indicite.storage.postgres.connect import connect

CHANNEL = "indicite"


@dataclass(frozen=True)
class Change:
    """One table changed by one commit of another connection.

    ``ids``: the changed rows' key (indicators, documents, events, catalog: id; citations,
    comments, entry_presence: indicator_id; document_tables, dismissed_suggestions:
    document_id), or None when the statement changed too many rows to list."""

    table: str
    ids: tuple[int, ...] | None
    pid: int


class Listener:
    def __init__(self, url: str, *, ignore_pid: int | None = None):
        self.ignore_pid = ignore_pid
        self.raw: Any = connect(url, "indicite listener")
        self.raw.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        return int(self.raw.pgconn.socket)

    def poll(self) -> list[Change]:
        """What has arrived, without waiting; StorageProblem when the server is gone (every
        change since is unknown: reconnect and read everything again)."""
        import psycopg

        pgconn = self.raw.pgconn
        try:
            pgconn.consume_input()
        except psycopg.OperationalError as e:
            raise StorageProblem(
                "The database server could not be reached: other desks' changes are not "
                "shown until it is back."
            ) from e
        changes = []
        while (note := pgconn.notifies()) is not None:
            if note.be_pid == self.ignore_pid or note.relname.decode() != CHANNEL:
                continue
            changes.append(_change(note.extra.decode(), note.be_pid))
        return changes

    def wait(self, timeout: float) -> list[Change]:
        """Block until something arrives or ``timeout`` seconds pass."""
        changes = self.poll()
        if changes:
            return changes
        readable, _, _ = select.select([self.fileno()], [], [], timeout)
        return self.poll() if readable else []

    def close(self) -> None:
        self.raw.close()


def _change(payload: str, pid: int) -> Change:
    data = json.loads(payload)
    ids = data.get("ids")
    return Change(str(data["table"]), None if ids is None else tuple(ids), pid)
